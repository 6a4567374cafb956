/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * event_table_000_157.c - entries 0..157 of scap_evt_table.
 *
 * Not a translation unit of its own: event_table.c includes it inside the table
 * initializer with SCAP_EVT_TABLE_BODY defined (one C array cannot span files, and
 * the table is split by event number to keep files short). Compiled alone (the
 * build globs *.c) it reduces to the header declarations.
 */
#ifndef SCAP_EVT_TABLE_BODY
#include "scap_events.h"
#else

	[SCAP_EVT_GENERIC_E] = {  /* 0 */
		.name = "syscall", .category = SCAP_EC_OTHER,
		.flags = SCAP_EF_NONE,
		.nparams = 2, .params = {
			{ .name = "ID", .type = SCAP_PT_SYSCALLID, .fmt = SCAP_PF_DEC },
			{ .name = "nativeID", .type = SCAP_PT_UINT16, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_GENERIC_X] = {  /* 1 */
		.name = "syscall", .category = SCAP_EC_OTHER,
		.flags = SCAP_EF_NONE,
		.nparams = 1, .params = {
			{ .name = "ID", .type = SCAP_PT_SYSCALLID, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_OPEN_E] = {  /* 2 */
		.name = "open", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 3, .params = {
			{ .name = "name", .type = SCAP_PT_FSPATH, .fmt = SCAP_PF_NA },
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX,
			  .info = scap_flags_open },
			{ .name = "mode", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_OCT },
		},
	},
	[SCAP_EVT_SYSCALL_OPEN_X] = {  /* 3 */
		.name = "open", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 5, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "name", .type = SCAP_PT_FSPATH, .fmt = SCAP_PF_NA },
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX,
			  .info = scap_flags_open },
			{ .name = "mode", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_OCT },
			{ .name = "dev", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_HEX },
		},
	},
	[SCAP_EVT_SYSCALL_CLOSE_E] = {  /* 4 */
		.name = "close", .category = SCAP_EC_IO_OTHER,
		.flags = SCAP_EF_DESTROYS_FD | SCAP_EF_USES_FD |
			 SCAP_EF_MODIFIES_STATE | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 1, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_CLOSE_X] = {  /* 5 */
		.name = "close", .category = SCAP_EC_IO_OTHER,
		.flags = SCAP_EF_DESTROYS_FD | SCAP_EF_USES_FD |
			 SCAP_EF_MODIFIES_STATE | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_READ_E] = {  /* 6 */
		.name = "read", .category = SCAP_EC_IO_READ,
		.flags = SCAP_EF_USES_FD | SCAP_EF_READS_FROM_FD | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 2, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "size", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_READ_X] = {  /* 7 */
		.name = "read", .category = SCAP_EC_IO_READ,
		.flags = SCAP_EF_USES_FD | SCAP_EF_READS_FROM_FD | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 2, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "data", .type = SCAP_PT_BYTEBUF, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SYSCALL_WRITE_E] = {  /* 8 */
		.name = "write", .category = SCAP_EC_IO_WRITE,
		.flags = SCAP_EF_USES_FD | SCAP_EF_WRITES_TO_FD | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 2, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "size", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_WRITE_X] = {  /* 9 */
		.name = "write", .category = SCAP_EC_IO_WRITE,
		.flags = SCAP_EF_USES_FD | SCAP_EF_WRITES_TO_FD | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 2, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "data", .type = SCAP_PT_BYTEBUF, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SYSCALL_BRK_1_E] = {  /* 10 */
		.name = "brk", .category = SCAP_EC_MEMORY,
		.flags = SCAP_EF_OLD_VERSION,
		.nparams = 1, .params = {
			{ .name = "size", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_BRK_1_X] = {  /* 11 */
		.name = "brk", .category = SCAP_EC_MEMORY,
		.flags = SCAP_EF_OLD_VERSION,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_HEX },
		},
	},
	[SCAP_EVT_SYSCALL_EXECVE_8_E] = {  /* 12 */
		.name = "execve", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE | SCAP_EF_OLD_VERSION,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_EXECVE_8_X] = {  /* 13 */
		.name = "execve", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE | SCAP_EF_OLD_VERSION,
		.nparams = 8, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "exe", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
			{ .name = "args", .type = SCAP_PT_BYTEBUF, .fmt = SCAP_PF_NA },
			{ .name = "tid", .type = SCAP_PT_PID, .fmt = SCAP_PF_DEC },
			{ .name = "pid", .type = SCAP_PT_PID, .fmt = SCAP_PF_DEC },
			{ .name = "ptid", .type = SCAP_PT_PID, .fmt = SCAP_PF_DEC },
			{ .name = "cwd", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
			{ .name = "fdlimit", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_CLONE_11_E] = {  /* 14 */
		.name = "clone", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE | SCAP_EF_OLD_VERSION,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_CLONE_11_X] = {  /* 15 */
		.name = "clone", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE | SCAP_EF_OLD_VERSION,
		.nparams = 11, .params = {
			{ .name = "res", .type = SCAP_PT_PID, .fmt = SCAP_PF_DEC },
			{ .name = "exe", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
			{ .name = "args", .type = SCAP_PT_BYTEBUF, .fmt = SCAP_PF_NA },
			{ .name = "tid", .type = SCAP_PT_PID, .fmt = SCAP_PF_DEC },
			{ .name = "pid", .type = SCAP_PT_PID, .fmt = SCAP_PF_DEC },
			{ .name = "ptid", .type = SCAP_PT_PID, .fmt = SCAP_PF_DEC },
			{ .name = "cwd", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
			{ .name = "fdlimit", .type = SCAP_PT_INT64, .fmt = SCAP_PF_DEC },
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX,
			  .info = scap_flags_clone },
			{ .name = "uid", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "gid", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_PROCEXIT_E] = {  /* 16 */
		.name = "procexit", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE | SCAP_EF_OLD_VERSION,
		.nparams = 0,
	},
	[SCAP_EVT_PROCEXIT_X] = {  /* 17 */
		.name = "NA1", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_UNUSED,
		.nparams = 0,
	},
	[SCAP_EVT_SOCKET_SOCKET_E] = {  /* 18 */
		.name = "socket", .category = SCAP_EC_NET,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 3, .params = {
			{ .name = "domain", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_DEC,
			  .info = scap_flags_socket_families },
			{ .name = "type", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "proto", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SOCKET_SOCKET_X] = {  /* 19 */
		.name = "socket", .category = SCAP_EC_NET,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 1, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SOCKET_BIND_E] = {  /* 20 */
		.name = "bind", .category = SCAP_EC_NET,
		.flags = SCAP_EF_USES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 1, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SOCKET_BIND_X] = {  /* 21 */
		.name = "bind", .category = SCAP_EC_NET,
		.flags = SCAP_EF_USES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 2, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "addr", .type = SCAP_PT_SOCKADDR, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SOCKET_CONNECT_E] = {  /* 22 */
		.name = "connect", .category = SCAP_EC_NET,
		.flags = SCAP_EF_USES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 2, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "addr", .type = SCAP_PT_SOCKADDR, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SOCKET_CONNECT_X] = {  /* 23 */
		.name = "connect", .category = SCAP_EC_NET,
		.flags = SCAP_EF_USES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 2, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "tuple", .type = SCAP_PT_SOCKTUPLE, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SOCKET_LISTEN_E] = {  /* 24 */
		.name = "listen", .category = SCAP_EC_NET,
		.flags = SCAP_EF_USES_FD,
		.nparams = 2, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "backlog", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SOCKET_LISTEN_X] = {  /* 25 */
		.name = "listen", .category = SCAP_EC_NET,
		.flags = SCAP_EF_USES_FD,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SOCKET_ACCEPT_E] = {  /* 26 */
		.name = "accept", .category = SCAP_EC_NET,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE | SCAP_EF_OLD_VERSION,
		.nparams = 0,
	},
	[SCAP_EVT_SOCKET_ACCEPT_X] = {  /* 27 */
		.name = "accept", .category = SCAP_EC_NET,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE | SCAP_EF_OLD_VERSION,
		.nparams = 3, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "tuple", .type = SCAP_PT_SOCKTUPLE, .fmt = SCAP_PF_NA },
			{ .name = "queuepct", .type = SCAP_PT_UINT8, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SOCKET_SEND_E] = {  /* 28 */
		.name = "send", .category = SCAP_EC_IO_WRITE,
		.flags = SCAP_EF_USES_FD | SCAP_EF_WRITES_TO_FD | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 2, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "size", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SOCKET_SEND_X] = {  /* 29 */
		.name = "send", .category = SCAP_EC_IO_WRITE,
		.flags = SCAP_EF_USES_FD | SCAP_EF_WRITES_TO_FD | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 2, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "data", .type = SCAP_PT_BYTEBUF, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SOCKET_SENDTO_E] = {  /* 30 */
		.name = "sendto", .category = SCAP_EC_IO_WRITE,
		.flags = SCAP_EF_USES_FD | SCAP_EF_WRITES_TO_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 3, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "size", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "tuple", .type = SCAP_PT_SOCKTUPLE, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SOCKET_SENDTO_X] = {  /* 31 */
		.name = "sendto", .category = SCAP_EC_IO_WRITE,
		.flags = SCAP_EF_USES_FD | SCAP_EF_WRITES_TO_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 2, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "data", .type = SCAP_PT_BYTEBUF, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SOCKET_RECV_E] = {  /* 32 */
		.name = "recv", .category = SCAP_EC_IO_READ,
		.flags = SCAP_EF_USES_FD | SCAP_EF_READS_FROM_FD | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 2, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "size", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SOCKET_RECV_X] = {  /* 33 */
		.name = "recv", .category = SCAP_EC_IO_READ,
		.flags = SCAP_EF_USES_FD | SCAP_EF_READS_FROM_FD | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 2, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "data", .type = SCAP_PT_BYTEBUF, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SOCKET_RECVFROM_E] = {  /* 34 */
		.name = "recvfrom", .category = SCAP_EC_IO_READ,
		.flags = SCAP_EF_USES_FD | SCAP_EF_READS_FROM_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 2, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "size", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SOCKET_RECVFROM_X] = {  /* 35 */
		.name = "recvfrom", .category = SCAP_EC_IO_READ,
		.flags = SCAP_EF_USES_FD | SCAP_EF_READS_FROM_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 3, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "data", .type = SCAP_PT_BYTEBUF, .fmt = SCAP_PF_NA },
			{ .name = "tuple", .type = SCAP_PT_SOCKTUPLE, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SOCKET_SHUTDOWN_E] = {  /* 36 */
		.name = "shutdown", .category = SCAP_EC_NET,
		.flags = SCAP_EF_USES_FD | SCAP_EF_MODIFIES_STATE | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 2, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "how", .type = SCAP_PT_FLAGS8, .fmt = SCAP_PF_HEX,
			  .info = scap_flags_shutdown_how },
		},
	},
	[SCAP_EVT_SOCKET_SHUTDOWN_X] = {  /* 37 */
		.name = "shutdown", .category = SCAP_EC_NET,
		.flags = SCAP_EF_USES_FD | SCAP_EF_MODIFIES_STATE | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SOCKET_GETSOCKNAME_E] = {  /* 38 */
		.name = "getsockname", .category = SCAP_EC_NET,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 0,
	},
	[SCAP_EVT_SOCKET_GETSOCKNAME_X] = {  /* 39 */
		.name = "getsockname", .category = SCAP_EC_NET,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 0,
	},
	[SCAP_EVT_SOCKET_GETPEERNAME_E] = {  /* 40 */
		.name = "getpeername", .category = SCAP_EC_NET,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 0,
	},
	[SCAP_EVT_SOCKET_GETPEERNAME_X] = {  /* 41 */
		.name = "getpeername", .category = SCAP_EC_NET,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 0,
	},
	[SCAP_EVT_SOCKET_SOCKETPAIR_E] = {  /* 42 */
		.name = "socketpair", .category = SCAP_EC_IPC,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 3, .params = {
			{ .name = "domain", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_DEC,
			  .info = scap_flags_socket_families },
			{ .name = "type", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "proto", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SOCKET_SOCKETPAIR_X] = {  /* 43 */
		.name = "socketpair", .category = SCAP_EC_IPC,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 5, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "fd1", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "fd2", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "source", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_HEX },
			{ .name = "peer", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_HEX },
		},
	},
	[SCAP_EVT_SOCKET_SETSOCKOPT_E] = {  /* 44 */
		.name = "setsockopt", .category = SCAP_EC_NET,
		.flags = SCAP_EF_NONE,
		.nparams = 0,
	},
	[SCAP_EVT_SOCKET_SETSOCKOPT_X] = {  /* 45 */
		.name = "setsockopt", .category = SCAP_EC_NET,
		.flags = SCAP_EF_USES_FD,
		.nparams = 6, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "level", .type = SCAP_PT_FLAGS8, .fmt = SCAP_PF_DEC,
			  .info = scap_flags_sockopt_levels },
			{ .name = "optname", .type = SCAP_PT_FLAGS8, .fmt = SCAP_PF_DEC,
			  .info = scap_flags_sockopt_options },
			{ .name = "val", .type = SCAP_PT_DYN, .fmt = SCAP_PF_DEC,
			  .info = scap_dyn_sockopt, .ninfo = SCAP_SOCKOPT_IDX_MAX },
			{ .name = "optlen", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SOCKET_GETSOCKOPT_E] = {  /* 46 */
		.name = "getsockopt", .category = SCAP_EC_NET,
		.flags = SCAP_EF_MODIFIES_STATE | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 0,
	},
	[SCAP_EVT_SOCKET_GETSOCKOPT_X] = {  /* 47 */
		.name = "getsockopt", .category = SCAP_EC_NET,
		.flags = SCAP_EF_USES_FD | SCAP_EF_MODIFIES_STATE | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 6, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "level", .type = SCAP_PT_FLAGS8, .fmt = SCAP_PF_DEC,
			  .info = scap_flags_sockopt_levels },
			{ .name = "optname", .type = SCAP_PT_FLAGS8, .fmt = SCAP_PF_DEC,
			  .info = scap_flags_sockopt_options },
			{ .name = "val", .type = SCAP_PT_DYN, .fmt = SCAP_PF_DEC,
			  .info = scap_dyn_sockopt, .ninfo = SCAP_SOCKOPT_IDX_MAX },
			{ .name = "optlen", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SOCKET_SENDMSG_E] = {  /* 48 */
		.name = "sendmsg", .category = SCAP_EC_IO_WRITE,
		.flags = SCAP_EF_USES_FD | SCAP_EF_WRITES_TO_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 3, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "size", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "tuple", .type = SCAP_PT_SOCKTUPLE, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SOCKET_SENDMSG_X] = {  /* 49 */
		.name = "sendmsg", .category = SCAP_EC_IO_WRITE,
		.flags = SCAP_EF_USES_FD | SCAP_EF_WRITES_TO_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 2, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "data", .type = SCAP_PT_BYTEBUF, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SOCKET_SENDMMSG_E] = {  /* 50 */
		.name = "sendmmsg", .category = SCAP_EC_IO_WRITE,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 0,
	},
	[SCAP_EVT_SOCKET_SENDMMSG_X] = {  /* 51 */
		.name = "sendmmsg", .category = SCAP_EC_IO_WRITE,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 0,
	},
	[SCAP_EVT_SOCKET_RECVMSG_E] = {  /* 52 */
		.name = "recvmsg", .category = SCAP_EC_IO_READ,
		.flags = SCAP_EF_USES_FD | SCAP_EF_READS_FROM_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 1, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SOCKET_RECVMSG_X] = {  /* 53 */
		.name = "recvmsg", .category = SCAP_EC_IO_READ,
		.flags = SCAP_EF_USES_FD | SCAP_EF_READS_FROM_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 4, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "size", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "data", .type = SCAP_PT_BYTEBUF, .fmt = SCAP_PF_NA },
			{ .name = "tuple", .type = SCAP_PT_SOCKTUPLE, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SOCKET_RECVMMSG_E] = {  /* 54 */
		.name = "recvmmsg", .category = SCAP_EC_IO_READ,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 0,
	},
	[SCAP_EVT_SOCKET_RECVMMSG_X] = {  /* 55 */
		.name = "recvmmsg", .category = SCAP_EC_IO_READ,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 0,
	},
	[SCAP_EVT_SOCKET_ACCEPT4_E] = {  /* 56 */
		.name = "accept", .category = SCAP_EC_NET,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE | SCAP_EF_OLD_VERSION,
		.nparams = 1, .params = {
			{ .name = "flags", .type = SCAP_PT_INT32, .fmt = SCAP_PF_HEX },
		},
	},
	[SCAP_EVT_SOCKET_ACCEPT4_X] = {  /* 57 */
		.name = "accept", .category = SCAP_EC_NET,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE | SCAP_EF_OLD_VERSION,
		.nparams = 3, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "tuple", .type = SCAP_PT_SOCKTUPLE, .fmt = SCAP_PF_NA },
			{ .name = "queuepct", .type = SCAP_PT_UINT8, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_CREAT_E] = {  /* 58 */
		.name = "creat", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 2, .params = {
			{ .name = "name", .type = SCAP_PT_FSPATH, .fmt = SCAP_PF_NA },
			{ .name = "mode", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_OCT },
		},
	},
	[SCAP_EVT_SYSCALL_CREAT_X] = {  /* 59 */
		.name = "creat", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 4, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "name", .type = SCAP_PT_FSPATH, .fmt = SCAP_PF_NA },
			{ .name = "mode", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_OCT },
			{ .name = "dev", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_HEX },
		},
	},
	[SCAP_EVT_SYSCALL_PIPE_E] = {  /* 60 */
		.name = "pipe", .category = SCAP_EC_IPC,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_PIPE_X] = {  /* 61 */
		.name = "pipe", .category = SCAP_EC_IPC,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 4, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "fd1", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "fd2", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "ino", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_EVENTFD_E] = {  /* 62 */
		.name = "eventfd", .category = SCAP_EC_IPC,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 2, .params = {
			{ .name = "initval", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX,
			  .info = scap_flags_none },
		},
	},
	[SCAP_EVT_SYSCALL_EVENTFD_X] = {  /* 63 */
		.name = "eventfd", .category = SCAP_EC_IPC,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_FUTEX_E] = {  /* 64 */
		.name = "futex", .category = SCAP_EC_IPC,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 3, .params = {
			{ .name = "addr", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_HEX },
			{ .name = "op", .type = SCAP_PT_FLAGS16, .fmt = SCAP_PF_HEX,
			  .info = scap_flags_futex_ops },
			{ .name = "val", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_FUTEX_X] = {  /* 65 */
		.name = "futex", .category = SCAP_EC_IPC,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_STAT_E] = {  /* 66 */
		.name = "stat", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_STAT_X] = {  /* 67 */
		.name = "stat", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 2, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "path", .type = SCAP_PT_FSPATH, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SYSCALL_LSTAT_E] = {  /* 68 */
		.name = "lstat", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_LSTAT_X] = {  /* 69 */
		.name = "lstat", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 2, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "path", .type = SCAP_PT_FSPATH, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SYSCALL_FSTAT_E] = {  /* 70 */
		.name = "fstat", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_USES_FD | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 1, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SYSCALL_FSTAT_X] = {  /* 71 */
		.name = "fstat", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_USES_FD | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_STAT64_E] = {  /* 72 */
		.name = "stat64", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_STAT64_X] = {  /* 73 */
		.name = "stat64", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 2, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "path", .type = SCAP_PT_FSPATH, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SYSCALL_LSTAT64_E] = {  /* 74 */
		.name = "lstat64", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_LSTAT64_X] = {  /* 75 */
		.name = "lstat64", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 2, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "path", .type = SCAP_PT_FSPATH, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SYSCALL_FSTAT64_E] = {  /* 76 */
		.name = "fstat64", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_USES_FD | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 1, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SYSCALL_FSTAT64_X] = {  /* 77 */
		.name = "fstat64", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_USES_FD | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_EPOLLWAIT_E] = {  /* 78 */
		.name = "epoll_wait", .category = SCAP_EC_WAIT,
		.flags = SCAP_EF_WAITS | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 1, .params = {
			{ .name = "maxevents", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_EPOLLWAIT_X] = {  /* 79 */
		.name = "epoll_wait", .category = SCAP_EC_WAIT,
		.flags = SCAP_EF_WAITS | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_POLL_E] = {  /* 80 */
		.name = "poll", .category = SCAP_EC_WAIT,
		.flags = SCAP_EF_WAITS | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 2, .params = {
			{ .name = "fds", .type = SCAP_PT_FDLIST, .fmt = SCAP_PF_DEC },
			{ .name = "timeout", .type = SCAP_PT_INT64, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_POLL_X] = {  /* 81 */
		.name = "poll", .category = SCAP_EC_WAIT,
		.flags = SCAP_EF_WAITS | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 2, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "fds", .type = SCAP_PT_FDLIST, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_SELECT_E] = {  /* 82 */
		.name = "select", .category = SCAP_EC_WAIT,
		.flags = SCAP_EF_WAITS | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_SELECT_X] = {  /* 83 */
		.name = "select", .category = SCAP_EC_WAIT,
		.flags = SCAP_EF_WAITS | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_NEWSELECT_E] = {  /* 84 */
		.name = "select", .category = SCAP_EC_WAIT,
		.flags = SCAP_EF_WAITS | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_NEWSELECT_X] = {  /* 85 */
		.name = "select", .category = SCAP_EC_WAIT,
		.flags = SCAP_EF_WAITS | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_LSEEK_E] = {  /* 86 */
		.name = "lseek", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_USES_FD | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 3, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "offset", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
			{ .name = "whence", .type = SCAP_PT_FLAGS8, .fmt = SCAP_PF_DEC,
			  .info = scap_flags_lseek_whence },
		},
	},
	[SCAP_EVT_SYSCALL_LSEEK_X] = {  /* 87 */
		.name = "lseek", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_USES_FD | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_LLSEEK_E] = {  /* 88 */
		.name = "llseek", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_USES_FD | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 3, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "offset", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
			{ .name = "whence", .type = SCAP_PT_FLAGS8, .fmt = SCAP_PF_DEC,
			  .info = scap_flags_lseek_whence },
		},
	},
	[SCAP_EVT_SYSCALL_LLSEEK_X] = {  /* 89 */
		.name = "llseek", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_USES_FD | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_IOCTL_2_E] = {  /* 90 */
		.name = "ioctl", .category = SCAP_EC_IO_OTHER,
		.flags = SCAP_EF_USES_FD | SCAP_EF_OLD_VERSION,
		.nparams = 2, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "request", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_HEX },
		},
	},
	[SCAP_EVT_SYSCALL_IOCTL_2_X] = {  /* 91 */
		.name = "ioctl", .category = SCAP_EC_IO_OTHER,
		.flags = SCAP_EF_USES_FD | SCAP_EF_OLD_VERSION,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_GETCWD_E] = {  /* 92 */
		.name = "getcwd", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_GETCWD_X] = {  /* 93 */
		.name = "getcwd", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 2, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "path", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SYSCALL_CHDIR_E] = {  /* 94 */
		.name = "chdir", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_CHDIR_X] = {  /* 95 */
		.name = "chdir", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 2, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "path", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SYSCALL_FCHDIR_E] = {  /* 96 */
		.name = "fchdir", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_USES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 1, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SYSCALL_FCHDIR_X] = {  /* 97 */
		.name = "fchdir", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_USES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_MKDIR_E] = {  /* 98 */
		.name = "mkdir", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_NONE,
		.nparams = 2, .params = {
			{ .name = "path", .type = SCAP_PT_FSPATH, .fmt = SCAP_PF_NA },
			{ .name = "mode", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_HEX },
		},
	},
	[SCAP_EVT_SYSCALL_MKDIR_X] = {  /* 99 */
		.name = "mkdir", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_NONE,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_RMDIR_E] = {  /* 100 */
		.name = "rmdir", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_NONE,
		.nparams = 1, .params = {
			{ .name = "path", .type = SCAP_PT_FSPATH, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SYSCALL_RMDIR_X] = {  /* 101 */
		.name = "rmdir", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_NONE,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_OPENAT_E] = {  /* 102 */
		.name = "openat", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE | SCAP_EF_OLD_VERSION,
		.nparams = 4, .params = {
			{ .name = "dirfd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "name", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX,
			  .info = scap_flags_open },
			{ .name = "mode", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_OCT },
		},
	},
	[SCAP_EVT_SYSCALL_OPENAT_X] = {  /* 103 */
		.name = "openat", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE | SCAP_EF_OLD_VERSION,
		.nparams = 1, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_LINK_E] = {  /* 104 */
		.name = "link", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_OLD_VERSION,
		.nparams = 2, .params = {
			{ .name = "oldpath", .type = SCAP_PT_FSPATH, .fmt = SCAP_PF_NA },
			{ .name = "newpath", .type = SCAP_PT_FSPATH, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SYSCALL_LINK_X] = {  /* 105 */
		.name = "link", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_OLD_VERSION,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_LINKAT_E] = {  /* 106 */
		.name = "linkat", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_OLD_VERSION,
		.nparams = 4, .params = {
			{ .name = "olddir", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "oldpath", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
			{ .name = "newdir", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "newpath", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SYSCALL_LINKAT_X] = {  /* 107 */
		.name = "linkat", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_OLD_VERSION,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_UNLINK_E] = {  /* 108 */
		.name = "unlink", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_OLD_VERSION,
		.nparams = 1, .params = {
			{ .name = "path", .type = SCAP_PT_FSPATH, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SYSCALL_UNLINK_X] = {  /* 109 */
		.name = "unlink", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_OLD_VERSION,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_UNLINKAT_E] = {  /* 110 */
		.name = "unlinkat", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_OLD_VERSION,
		.nparams = 2, .params = {
			{ .name = "dirfd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "name", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SYSCALL_UNLINKAT_X] = {  /* 111 */
		.name = "unlinkat", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_OLD_VERSION,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_PREAD_E] = {  /* 112 */
		.name = "pread", .category = SCAP_EC_IO_READ,
		.flags = SCAP_EF_USES_FD | SCAP_EF_READS_FROM_FD | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 3, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "size", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "pos", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_PREAD_X] = {  /* 113 */
		.name = "pread", .category = SCAP_EC_IO_READ,
		.flags = SCAP_EF_USES_FD | SCAP_EF_READS_FROM_FD | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 2, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "data", .type = SCAP_PT_BYTEBUF, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SYSCALL_PWRITE_E] = {  /* 114 */
		.name = "pwrite", .category = SCAP_EC_IO_WRITE,
		.flags = SCAP_EF_USES_FD | SCAP_EF_WRITES_TO_FD | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 3, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "size", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "pos", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_PWRITE_X] = {  /* 115 */
		.name = "pwrite", .category = SCAP_EC_IO_WRITE,
		.flags = SCAP_EF_USES_FD | SCAP_EF_WRITES_TO_FD | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 2, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "data", .type = SCAP_PT_BYTEBUF, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SYSCALL_READV_E] = {  /* 116 */
		.name = "readv", .category = SCAP_EC_IO_READ,
		.flags = SCAP_EF_USES_FD | SCAP_EF_READS_FROM_FD | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 1, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_READV_X] = {  /* 117 */
		.name = "readv", .category = SCAP_EC_IO_READ,
		.flags = SCAP_EF_USES_FD | SCAP_EF_READS_FROM_FD | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 3, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "size", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "data", .type = SCAP_PT_BYTEBUF, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SYSCALL_WRITEV_E] = {  /* 118 */
		.name = "writev", .category = SCAP_EC_IO_WRITE,
		.flags = SCAP_EF_USES_FD | SCAP_EF_WRITES_TO_FD | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 2, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "size", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_WRITEV_X] = {  /* 119 */
		.name = "writev", .category = SCAP_EC_IO_WRITE,
		.flags = SCAP_EF_USES_FD | SCAP_EF_WRITES_TO_FD | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 2, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "data", .type = SCAP_PT_BYTEBUF, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SYSCALL_PREADV_E] = {  /* 120 */
		.name = "preadv", .category = SCAP_EC_IO_READ,
		.flags = SCAP_EF_USES_FD | SCAP_EF_READS_FROM_FD | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 2, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "pos", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_PREADV_X] = {  /* 121 */
		.name = "preadv", .category = SCAP_EC_IO_READ,
		.flags = SCAP_EF_USES_FD | SCAP_EF_READS_FROM_FD | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 3, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "size", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "data", .type = SCAP_PT_BYTEBUF, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SYSCALL_PWRITEV_E] = {  /* 122 */
		.name = "pwritev", .category = SCAP_EC_IO_WRITE,
		.flags = SCAP_EF_USES_FD | SCAP_EF_WRITES_TO_FD | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 3, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "size", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "pos", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_PWRITEV_X] = {  /* 123 */
		.name = "pwritev", .category = SCAP_EC_IO_WRITE,
		.flags = SCAP_EF_USES_FD | SCAP_EF_WRITES_TO_FD | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 2, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "data", .type = SCAP_PT_BYTEBUF, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SYSCALL_DUP_E] = {  /* 124 */
		.name = "dup", .category = SCAP_EC_IO_OTHER,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_USES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 1, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_DUP_X] = {  /* 125 */
		.name = "dup", .category = SCAP_EC_IO_OTHER,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_USES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_SIGNALFD_E] = {  /* 126 */
		.name = "signalfd", .category = SCAP_EC_SIGNAL,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 3, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "mask", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_HEX },
			{ .name = "flags", .type = SCAP_PT_FLAGS8, .fmt = SCAP_PF_HEX,
			  .info = scap_flags_none },
		},
	},
	[SCAP_EVT_SYSCALL_SIGNALFD_X] = {  /* 127 */
		.name = "signalfd", .category = SCAP_EC_SIGNAL,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_KILL_E] = {  /* 128 */
		.name = "kill", .category = SCAP_EC_SIGNAL,
		.flags = SCAP_EF_NONE,
		.nparams = 2, .params = {
			{ .name = "pid", .type = SCAP_PT_PID, .fmt = SCAP_PF_DEC },
			{ .name = "sig", .type = SCAP_PT_SIGTYPE, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_KILL_X] = {  /* 129 */
		.name = "kill", .category = SCAP_EC_SIGNAL,
		.flags = SCAP_EF_NONE,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_TKILL_E] = {  /* 130 */
		.name = "tkill", .category = SCAP_EC_SIGNAL,
		.flags = SCAP_EF_NONE,
		.nparams = 2, .params = {
			{ .name = "tid", .type = SCAP_PT_PID, .fmt = SCAP_PF_DEC },
			{ .name = "sig", .type = SCAP_PT_SIGTYPE, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_TKILL_X] = {  /* 131 */
		.name = "tkill", .category = SCAP_EC_SIGNAL,
		.flags = SCAP_EF_NONE,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_TGKILL_E] = {  /* 132 */
		.name = "tgkill", .category = SCAP_EC_SIGNAL,
		.flags = SCAP_EF_NONE,
		.nparams = 3, .params = {
			{ .name = "pid", .type = SCAP_PT_PID, .fmt = SCAP_PF_DEC },
			{ .name = "tid", .type = SCAP_PT_PID, .fmt = SCAP_PF_DEC },
			{ .name = "sig", .type = SCAP_PT_SIGTYPE, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_TGKILL_X] = {  /* 133 */
		.name = "tgkill", .category = SCAP_EC_SIGNAL,
		.flags = SCAP_EF_NONE,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_NANOSLEEP_E] = {  /* 134 */
		.name = "nanosleep", .category = SCAP_EC_SLEEP,
		.flags = SCAP_EF_WAITS | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 1, .params = {
			{ .name = "interval", .type = SCAP_PT_RELTIME, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_NANOSLEEP_X] = {  /* 135 */
		.name = "nanosleep", .category = SCAP_EC_SLEEP,
		.flags = SCAP_EF_WAITS | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_TIMERFD_CREATE_E] = {  /* 136 */
		.name = "timerfd_create", .category = SCAP_EC_TIME,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 2, .params = {
			{ .name = "clockid", .type = SCAP_PT_UINT8, .fmt = SCAP_PF_DEC },
			{ .name = "flags", .type = SCAP_PT_FLAGS8, .fmt = SCAP_PF_HEX,
			  .info = scap_flags_none },
		},
	},
	[SCAP_EVT_SYSCALL_TIMERFD_CREATE_X] = {  /* 137 */
		.name = "timerfd_create", .category = SCAP_EC_TIME,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_INOTIFY_INIT_E] = {  /* 138 */
		.name = "inotify_init", .category = SCAP_EC_IPC,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 1, .params = {
			{ .name = "flags", .type = SCAP_PT_FLAGS8, .fmt = SCAP_PF_HEX,
			  .info = scap_flags_none },
		},
	},
	[SCAP_EVT_SYSCALL_INOTIFY_INIT_X] = {  /* 139 */
		.name = "inotify_init", .category = SCAP_EC_IPC,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_GETRLIMIT_E] = {  /* 140 */
		.name = "getrlimit", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 1, .params = {
			{ .name = "resource", .type = SCAP_PT_FLAGS8, .fmt = SCAP_PF_DEC,
			  .info = scap_flags_rlimit_resources },
		},
	},
	[SCAP_EVT_SYSCALL_GETRLIMIT_X] = {  /* 141 */
		.name = "getrlimit", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 3, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "cur", .type = SCAP_PT_INT64, .fmt = SCAP_PF_DEC },
			{ .name = "max", .type = SCAP_PT_INT64, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_SETRLIMIT_E] = {  /* 142 */
		.name = "setrlimit", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 1, .params = {
			{ .name = "resource", .type = SCAP_PT_FLAGS8, .fmt = SCAP_PF_DEC,
			  .info = scap_flags_rlimit_resources },
		},
	},
	[SCAP_EVT_SYSCALL_SETRLIMIT_X] = {  /* 143 */
		.name = "setrlimit", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 3, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "cur", .type = SCAP_PT_INT64, .fmt = SCAP_PF_DEC },
			{ .name = "max", .type = SCAP_PT_INT64, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_PRLIMIT_E] = {  /* 144 */
		.name = "prlimit", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_NONE,
		.nparams = 2, .params = {
			{ .name = "pid", .type = SCAP_PT_PID, .fmt = SCAP_PF_DEC },
			{ .name = "resource", .type = SCAP_PT_FLAGS8, .fmt = SCAP_PF_DEC,
			  .info = scap_flags_rlimit_resources },
		},
	},
	[SCAP_EVT_SYSCALL_PRLIMIT_X] = {  /* 145 */
		.name = "prlimit", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_NONE,
		.nparams = 5, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "newcur", .type = SCAP_PT_INT64, .fmt = SCAP_PF_DEC },
			{ .name = "newmax", .type = SCAP_PT_INT64, .fmt = SCAP_PF_DEC },
			{ .name = "oldcur", .type = SCAP_PT_INT64, .fmt = SCAP_PF_DEC },
			{ .name = "oldmax", .type = SCAP_PT_INT64, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SCHEDSWITCH_1_E] = {  /* 146 */
		.name = "switch", .category = SCAP_EC_SCHEDULER,
		.flags = SCAP_EF_SKIPPARSERESET | SCAP_EF_OLD_VERSION | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 1, .params = {
			{ .name = "next", .type = SCAP_PT_PID, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SCHEDSWITCH_1_X] = {  /* 147 */
		.name = "NA2", .category = SCAP_EC_SCHEDULER,
		.flags = SCAP_EF_UNUSED | SCAP_EF_SKIPPARSERESET | SCAP_EF_OLD_VERSION,
		.nparams = 0,
	},
	[SCAP_EVT_DROP_E] = {  /* 148 */
		.name = "drop", .category = SCAP_EC_INTERNAL,
		.flags = SCAP_EF_SKIPPARSERESET,
		.nparams = 1, .params = {
			{ .name = "ratio", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_DROP_X] = {  /* 149 */
		.name = "drop", .category = SCAP_EC_INTERNAL,
		.flags = SCAP_EF_SKIPPARSERESET,
		.nparams = 1, .params = {
			{ .name = "ratio", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_FCNTL_E] = {  /* 150 */
		.name = "fcntl", .category = SCAP_EC_IO_OTHER,
		.flags = SCAP_EF_USES_FD | SCAP_EF_MODIFIES_STATE | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 2, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "cmd", .type = SCAP_PT_FLAGS8, .fmt = SCAP_PF_DEC,
			  .info = scap_flags_fcntl_cmds },
		},
	},
	[SCAP_EVT_SYSCALL_FCNTL_X] = {  /* 151 */
		.name = "fcntl", .category = SCAP_EC_IO_OTHER,
		.flags = SCAP_EF_USES_FD | SCAP_EF_MODIFIES_STATE | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SCHEDSWITCH_6_E] = {  /* 152 */
		.name = "switch", .category = SCAP_EC_SCHEDULER,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 6, .params = {
			{ .name = "next", .type = SCAP_PT_PID, .fmt = SCAP_PF_DEC },
			{ .name = "pgft_maj", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
			{ .name = "pgft_min", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
			{ .name = "vm_size", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "vm_rss", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "vm_swap", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SCHEDSWITCH_6_X] = {  /* 153 */
		.name = "NA2", .category = SCAP_EC_SCHEDULER,
		.flags = SCAP_EF_UNUSED,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_EXECVE_13_E] = {  /* 154 */
		.name = "execve", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE | SCAP_EF_OLD_VERSION,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_EXECVE_13_X] = {  /* 155 */
		.name = "execve", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE | SCAP_EF_OLD_VERSION,
		.nparams = 13, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "exe", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
			{ .name = "args", .type = SCAP_PT_BYTEBUF, .fmt = SCAP_PF_NA },
			{ .name = "tid", .type = SCAP_PT_PID, .fmt = SCAP_PF_DEC },
			{ .name = "pid", .type = SCAP_PT_PID, .fmt = SCAP_PF_DEC },
			{ .name = "ptid", .type = SCAP_PT_PID, .fmt = SCAP_PF_DEC },
			{ .name = "cwd", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
			{ .name = "fdlimit", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
			{ .name = "pgft_maj", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
			{ .name = "pgft_min", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
			{ .name = "vm_size", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "vm_rss", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "vm_swap", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_CLONE_16_E] = {  /* 156 */
		.name = "clone", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE | SCAP_EF_OLD_VERSION,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_CLONE_16_X] = {  /* 157 */
		.name = "clone", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE | SCAP_EF_OLD_VERSION,
		.nparams = 16, .params = {
			{ .name = "res", .type = SCAP_PT_PID, .fmt = SCAP_PF_DEC },
			{ .name = "exe", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
			{ .name = "args", .type = SCAP_PT_BYTEBUF, .fmt = SCAP_PF_NA },
			{ .name = "tid", .type = SCAP_PT_PID, .fmt = SCAP_PF_DEC },
			{ .name = "pid", .type = SCAP_PT_PID, .fmt = SCAP_PF_DEC },
			{ .name = "ptid", .type = SCAP_PT_PID, .fmt = SCAP_PF_DEC },
			{ .name = "cwd", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
			{ .name = "fdlimit", .type = SCAP_PT_INT64, .fmt = SCAP_PF_DEC },
			{ .name = "pgft_maj", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
			{ .name = "pgft_min", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
			{ .name = "vm_size", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "vm_rss", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "vm_swap", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX,
			  .info = scap_flags_clone },
			{ .name = "uid", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "gid", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
		},
	},

#endif /* SCAP_EVT_TABLE_BODY */

/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * event_table_160_297.c - entries 160..297 of scap_evt_table.
 *
 * Not a translation unit of its own: event_table.c includes it inside the table
 * initializer with SCAP_EVT_TABLE_BODY defined (one C array cannot span files, and
 * the table is split by event number to keep files short). Compiled alone (the
 * build globs *.c) it reduces to the header declarations.
 */
#ifndef SCAP_EVT_TABLE_BODY
#include "scap_events.h"
#else

	[SCAP_EVT_SYSCALL_MMAP_E] = {  /* 160 */
		.name = "mmap", .category = SCAP_EC_MEMORY,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 6, .params = {
			{ .name = "addr", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_HEX },
			{ .name = "length", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
			{ .name = "prot", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX, .info = scap_flags_mmap_prot },
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX, .info = scap_flags_mmap },
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "offset", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_MMAP_X] = {  /* 161 */
		.name = "mmap", .category = SCAP_EC_MEMORY,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 4, .params = {
			{ .name = "res", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_HEX },
			{ .name = "vm_size", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "vm_rss", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "vm_swap", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_MMAP2_E] = {  /* 162 */
		.name = "mmap2", .category = SCAP_EC_MEMORY,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 6, .params = {
			{ .name = "addr", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_HEX },
			{ .name = "length", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
			{ .name = "prot", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX, .info = scap_flags_mmap_prot },
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX, .info = scap_flags_mmap },
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "pgoffset", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_MMAP2_X] = {  /* 163 */
		.name = "mmap2", .category = SCAP_EC_MEMORY,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 4, .params = {
			{ .name = "res", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_HEX },
			{ .name = "vm_size", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "vm_rss", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "vm_swap", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_MUNMAP_E] = {  /* 164 */
		.name = "munmap", .category = SCAP_EC_MEMORY,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 2, .params = {
			{ .name = "addr", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_HEX },
			{ .name = "length", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_MUNMAP_X] = {  /* 165 */
		.name = "munmap", .category = SCAP_EC_MEMORY,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 4, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "vm_size", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "vm_rss", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "vm_swap", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_SPLICE_E] = {  /* 166 */
		.name = "splice", .category = SCAP_EC_IO_OTHER,
		.flags = SCAP_EF_USES_FD | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 4, .params = {
			{ .name = "fd_in", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "fd_out", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "size", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX, .info = scap_flags_splice },
		},
	},
	[SCAP_EVT_SYSCALL_SPLICE_X] = {  /* 167 */
		.name = "splice", .category = SCAP_EC_IO_OTHER,
		.flags = SCAP_EF_USES_FD | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_PTRACE_E] = {  /* 168 */
		.name = "ptrace", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_NONE,
		.nparams = 2, .params = {
			{ .name = "request", .type = SCAP_PT_FLAGS16, .fmt = SCAP_PF_DEC, .info = scap_flags_ptrace_requests },
			{ .name = "pid", .type = SCAP_PT_PID, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_PTRACE_X] = {  /* 169 */
		.name = "ptrace", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_NONE,
		.nparams = 3, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "addr", .type = SCAP_PT_DYN, .fmt = SCAP_PF_HEX, .info = scap_dyn_ptrace, .ninfo = SCAP_PTRACE_IDX_MAX },
			{ .name = "data", .type = SCAP_PT_DYN, .fmt = SCAP_PF_HEX, .info = scap_dyn_ptrace, .ninfo = SCAP_PTRACE_IDX_MAX },
		},
	},
	[SCAP_EVT_SYSCALL_IOCTL_3_E] = {  /* 170 */
		.name = "ioctl", .category = SCAP_EC_IO_OTHER,
		.flags = SCAP_EF_USES_FD,
		.nparams = 3, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "request", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_HEX },
			{ .name = "argument", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_HEX },
		},
	},
	[SCAP_EVT_SYSCALL_IOCTL_3_X] = {  /* 171 */
		.name = "ioctl", .category = SCAP_EC_IO_OTHER,
		.flags = SCAP_EF_USES_FD,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_EXECVE_14_E] = {  /* 172 */
		.name = "execve", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE | SCAP_EF_OLD_VERSION,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_EXECVE_14_X] = {  /* 173 */
		.name = "execve", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE | SCAP_EF_OLD_VERSION,
		.nparams = 14, .params = {
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
			{ .name = "env", .type = SCAP_PT_BYTEBUF, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SYSCALL_RENAME_E] = {  /* 174 */
		.name = "rename", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_NONE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_RENAME_X] = {  /* 175 */
		.name = "rename", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_NONE,
		.nparams = 3, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "oldpath", .type = SCAP_PT_FSPATH, .fmt = SCAP_PF_NA },
			{ .name = "newpath", .type = SCAP_PT_FSPATH, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SYSCALL_RENAMEAT_E] = {  /* 176 */
		.name = "renameat", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_NONE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_RENAMEAT_X] = {  /* 177 */
		.name = "renameat", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_NONE,
		.nparams = 5, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "olddirfd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "oldpath", .type = SCAP_PT_FSRELPATH, .fmt = SCAP_PF_NA, .info = SCAP_DIRFD_PARAM(1) },
			{ .name = "newdirfd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "newpath", .type = SCAP_PT_FSRELPATH, .fmt = SCAP_PF_NA, .info = SCAP_DIRFD_PARAM(3) },
		},
	},
	[SCAP_EVT_SYSCALL_SYMLINK_E] = {  /* 178 */
		.name = "symlink", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_NONE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_SYMLINK_X] = {  /* 179 */
		.name = "symlink", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_NONE,
		.nparams = 3, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "target", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
			{ .name = "linkpath", .type = SCAP_PT_FSPATH, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SYSCALL_SYMLINKAT_E] = {  /* 180 */
		.name = "symlinkat", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_NONE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_SYMLINKAT_X] = {  /* 181 */
		.name = "symlinkat", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_NONE,
		.nparams = 4, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "target", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
			{ .name = "linkdirfd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "linkpath", .type = SCAP_PT_FSRELPATH, .fmt = SCAP_PF_NA, .info = SCAP_DIRFD_PARAM(2) },
		},
	},
	[SCAP_EVT_SYSCALL_FORK_E] = {  /* 182 */
		.name = "fork", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE | SCAP_EF_OLD_VERSION,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_FORK_X] = {  /* 183 */
		.name = "fork", .category = SCAP_EC_PROCESS,
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
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX, .info = scap_flags_clone },
			{ .name = "uid", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "gid", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_VFORK_E] = {  /* 184 */
		.name = "vfork", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE | SCAP_EF_OLD_VERSION,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_VFORK_X] = {  /* 185 */
		.name = "vfork", .category = SCAP_EC_PROCESS,
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
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX, .info = scap_flags_clone },
			{ .name = "uid", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "gid", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_PROCEXIT_1_E] = {  /* 186 */
		.name = "procexit", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 4, .params = {
			{ .name = "status", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "ret", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "sig", .type = SCAP_PT_SIGTYPE, .fmt = SCAP_PF_DEC },
			{ .name = "core", .type = SCAP_PT_UINT8, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_PROCEXIT_1_X] = {  /* 187 */
		.name = "NA1", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_UNUSED,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_SENDFILE_E] = {  /* 188 */
		.name = "sendfile", .category = SCAP_EC_IO_WRITE,
		.flags = SCAP_EF_USES_FD | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 4, .params = {
			{ .name = "out_fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "in_fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "offset", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
			{ .name = "size", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_SENDFILE_X] = {  /* 189 */
		.name = "sendfile", .category = SCAP_EC_IO_WRITE,
		.flags = SCAP_EF_USES_FD | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 2, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "offset", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_QUOTACTL_E] = {  /* 190 */
		.name = "quotactl", .category = SCAP_EC_USER,
		.flags = SCAP_EF_NONE,
		.nparams = 4, .params = {
			{ .name = "cmd", .type = SCAP_PT_FLAGS16, .fmt = SCAP_PF_DEC, .info = scap_flags_quotactl_cmds },
			{ .name = "type", .type = SCAP_PT_FLAGS8, .fmt = SCAP_PF_DEC, .info = scap_flags_quotactl_types },
			{ .name = "id", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "quota_fmt", .type = SCAP_PT_FLAGS8, .fmt = SCAP_PF_DEC, .info = scap_flags_quotactl_fmts },
		},
	},
	[SCAP_EVT_SYSCALL_QUOTACTL_X] = {  /* 191 */
		.name = "quotactl", .category = SCAP_EC_USER,
		.flags = SCAP_EF_NONE,
		.nparams = 14, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "special", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
			{ .name = "quotafilepath", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
			{ .name = "dqb_bhardlimit", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
			{ .name = "dqb_bsoftlimit", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
			{ .name = "dqb_curspace", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
			{ .name = "dqb_ihardlimit", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
			{ .name = "dqb_isoftlimit", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
			{ .name = "dqb_btime", .type = SCAP_PT_RELTIME, .fmt = SCAP_PF_DEC },
			{ .name = "dqb_itime", .type = SCAP_PT_RELTIME, .fmt = SCAP_PF_DEC },
			{ .name = "dqi_bgrace", .type = SCAP_PT_RELTIME, .fmt = SCAP_PF_DEC },
			{ .name = "dqi_igrace", .type = SCAP_PT_RELTIME, .fmt = SCAP_PF_DEC },
			{ .name = "dqi_flags", .type = SCAP_PT_FLAGS8, .fmt = SCAP_PF_DEC, .info = scap_flags_quotactl_dqi_flags },
			{ .name = "quota_fmt_out", .type = SCAP_PT_FLAGS8, .fmt = SCAP_PF_DEC, .info = scap_flags_quotactl_fmts },
		},
	},
	[SCAP_EVT_SYSCALL_SETRESUID_E] = {  /* 192 */
		.name = "setresuid", .category = SCAP_EC_USER,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 3, .params = {
			{ .name = "ruid", .type = SCAP_PT_UID, .fmt = SCAP_PF_DEC },
			{ .name = "euid", .type = SCAP_PT_UID, .fmt = SCAP_PF_DEC },
			{ .name = "suid", .type = SCAP_PT_UID, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_SETRESUID_X] = {  /* 193 */
		.name = "setresuid", .category = SCAP_EC_USER,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_SETRESGID_E] = {  /* 194 */
		.name = "setresgid", .category = SCAP_EC_USER,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 3, .params = {
			{ .name = "rgid", .type = SCAP_PT_GID, .fmt = SCAP_PF_DEC },
			{ .name = "egid", .type = SCAP_PT_GID, .fmt = SCAP_PF_DEC },
			{ .name = "sgid", .type = SCAP_PT_GID, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_SETRESGID_X] = {  /* 195 */
		.name = "setresgid", .category = SCAP_EC_USER,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SCAPEVENT_E] = {  /* 196 */
		.name = "sysdigevent", .category = SCAP_EC_INTERNAL,
		.flags = SCAP_EF_SKIPPARSERESET,
		.nparams = 2, .params = {
			{ .name = "event_type", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "event_data", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SCAPEVENT_X] = {  /* 197 */
		.name = "sysdigevent", .category = SCAP_EC_INTERNAL,
		.flags = SCAP_EF_UNUSED,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_SETUID_E] = {  /* 198 */
		.name = "setuid", .category = SCAP_EC_USER,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 1, .params = {
			{ .name = "uid", .type = SCAP_PT_UID, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_SETUID_X] = {  /* 199 */
		.name = "setuid", .category = SCAP_EC_USER,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_SETGID_E] = {  /* 200 */
		.name = "setgid", .category = SCAP_EC_USER,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 1, .params = {
			{ .name = "gid", .type = SCAP_PT_GID, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_SETGID_X] = {  /* 201 */
		.name = "setgid", .category = SCAP_EC_USER,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_GETUID_E] = {  /* 202 */
		.name = "getuid", .category = SCAP_EC_USER,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_GETUID_X] = {  /* 203 */
		.name = "getuid", .category = SCAP_EC_USER,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 1, .params = {
			{ .name = "uid", .type = SCAP_PT_UID, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_GETEUID_E] = {  /* 204 */
		.name = "geteuid", .category = SCAP_EC_USER,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_GETEUID_X] = {  /* 205 */
		.name = "geteuid", .category = SCAP_EC_USER,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 1, .params = {
			{ .name = "euid", .type = SCAP_PT_UID, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_GETGID_E] = {  /* 206 */
		.name = "getgid", .category = SCAP_EC_USER,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_GETGID_X] = {  /* 207 */
		.name = "getgid", .category = SCAP_EC_USER,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 1, .params = {
			{ .name = "gid", .type = SCAP_PT_GID, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_GETEGID_E] = {  /* 208 */
		.name = "getegid", .category = SCAP_EC_USER,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_GETEGID_X] = {  /* 209 */
		.name = "getegid", .category = SCAP_EC_USER,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 1, .params = {
			{ .name = "egid", .type = SCAP_PT_GID, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_GETRESUID_E] = {  /* 210 */
		.name = "getresuid", .category = SCAP_EC_USER,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_GETRESUID_X] = {  /* 211 */
		.name = "getresuid", .category = SCAP_EC_USER,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 4, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "ruid", .type = SCAP_PT_UID, .fmt = SCAP_PF_DEC },
			{ .name = "euid", .type = SCAP_PT_UID, .fmt = SCAP_PF_DEC },
			{ .name = "suid", .type = SCAP_PT_UID, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_GETRESGID_E] = {  /* 212 */
		.name = "getresgid", .category = SCAP_EC_USER,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_GETRESGID_X] = {  /* 213 */
		.name = "getresgid", .category = SCAP_EC_USER,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 4, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "rgid", .type = SCAP_PT_GID, .fmt = SCAP_PF_DEC },
			{ .name = "egid", .type = SCAP_PT_GID, .fmt = SCAP_PF_DEC },
			{ .name = "sgid", .type = SCAP_PT_GID, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_EXECVE_15_E] = {  /* 214 */
		.name = "execve", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE | SCAP_EF_OLD_VERSION,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_EXECVE_15_X] = {  /* 215 */
		.name = "execve", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE | SCAP_EF_OLD_VERSION,
		.nparams = 15, .params = {
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
			{ .name = "comm", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
			{ .name = "env", .type = SCAP_PT_BYTEBUF, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SYSCALL_CLONE_17_E] = {  /* 216 */
		.name = "clone", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE | SCAP_EF_OLD_VERSION,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_CLONE_17_X] = {  /* 217 */
		.name = "clone", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE | SCAP_EF_OLD_VERSION,
		.nparams = 17, .params = {
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
			{ .name = "comm", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX, .info = scap_flags_clone },
			{ .name = "uid", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "gid", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_FORK_17_E] = {  /* 218 */
		.name = "fork", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE | SCAP_EF_OLD_VERSION,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_FORK_17_X] = {  /* 219 */
		.name = "fork", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE | SCAP_EF_OLD_VERSION,
		.nparams = 17, .params = {
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
			{ .name = "comm", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX, .info = scap_flags_clone },
			{ .name = "uid", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "gid", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_VFORK_17_E] = {  /* 220 */
		.name = "vfork", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE | SCAP_EF_OLD_VERSION,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_VFORK_17_X] = {  /* 221 */
		.name = "vfork", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE | SCAP_EF_OLD_VERSION,
		.nparams = 17, .params = {
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
			{ .name = "comm", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX, .info = scap_flags_clone },
			{ .name = "uid", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "gid", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_CLONE_20_E] = {  /* 222 */
		.name = "clone", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_CLONE_20_X] = {  /* 223 */
		.name = "clone", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 20, .params = {
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
			{ .name = "comm", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
			{ .name = "cgroups", .type = SCAP_PT_BYTEBUF, .fmt = SCAP_PF_NA },
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX, .info = scap_flags_clone },
			{ .name = "uid", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "gid", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "vtid", .type = SCAP_PT_PID, .fmt = SCAP_PF_DEC },
			{ .name = "vpid", .type = SCAP_PT_PID, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_FORK_20_E] = {  /* 224 */
		.name = "fork", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_FORK_20_X] = {  /* 225 */
		.name = "fork", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 20, .params = {
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
			{ .name = "comm", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
			{ .name = "cgroups", .type = SCAP_PT_BYTEBUF, .fmt = SCAP_PF_NA },
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX, .info = scap_flags_clone },
			{ .name = "uid", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "gid", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "vtid", .type = SCAP_PT_PID, .fmt = SCAP_PF_DEC },
			{ .name = "vpid", .type = SCAP_PT_PID, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_VFORK_20_E] = {  /* 226 */
		.name = "vfork", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_VFORK_20_X] = {  /* 227 */
		.name = "vfork", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 20, .params = {
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
			{ .name = "comm", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
			{ .name = "cgroups", .type = SCAP_PT_BYTEBUF, .fmt = SCAP_PF_NA },
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX, .info = scap_flags_clone },
			{ .name = "uid", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "gid", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "vtid", .type = SCAP_PT_PID, .fmt = SCAP_PF_DEC },
			{ .name = "vpid", .type = SCAP_PT_PID, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_CONTAINER_E] = {  /* 228 */
		.name = "container", .category = SCAP_EC_INTERNAL,
		.flags = SCAP_EF_MODIFIES_STATE | SCAP_EF_SKIPPARSERESET | SCAP_EF_OLD_VERSION,
		.nparams = 4, .params = {
			{ .name = "id", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
			{ .name = "type", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "name", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
			{ .name = "image", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_CONTAINER_X] = {  /* 229 */
		.name = "container", .category = SCAP_EC_INTERNAL,
		.flags = SCAP_EF_UNUSED | SCAP_EF_OLD_VERSION,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_EXECVE_16_E] = {  /* 230 */
		.name = "execve", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_EXECVE_16_X] = {  /* 231 */
		.name = "execve", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 16, .params = {
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
			{ .name = "comm", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
			{ .name = "cgroups", .type = SCAP_PT_BYTEBUF, .fmt = SCAP_PF_NA },
			{ .name = "env", .type = SCAP_PT_BYTEBUF, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SIGNALDELIVER_E] = {  /* 232 */
		.name = "signaldeliver", .category = SCAP_EC_SIGNAL,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 3, .params = {
			{ .name = "spid", .type = SCAP_PT_PID, .fmt = SCAP_PF_DEC },
			{ .name = "dpid", .type = SCAP_PT_PID, .fmt = SCAP_PF_DEC },
			{ .name = "sig", .type = SCAP_PT_SIGTYPE, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SIGNALDELIVER_X] = {  /* 233 */
		.name = "signaldeliver", .category = SCAP_EC_SIGNAL,
		.flags = SCAP_EF_UNUSED,
		.nparams = 0,
	},
	[SCAP_EVT_PROCINFO_E] = {  /* 234 */
		.name = "procinfo", .category = SCAP_EC_INTERNAL,
		.flags = SCAP_EF_SKIPPARSERESET | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 2, .params = {
			{ .name = "cpu_usr", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
			{ .name = "cpu_sys", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_PROCINFO_X] = {  /* 235 */
		.name = "NA2", .category = SCAP_EC_INTERNAL,
		.flags = SCAP_EF_UNUSED,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_GETDENTS_E] = {  /* 236 */
		.name = "getdents", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_USES_FD | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 1, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SYSCALL_GETDENTS_X] = {  /* 237 */
		.name = "getdents", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_USES_FD | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_GETDENTS64_E] = {  /* 238 */
		.name = "getdents64", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_USES_FD | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 1, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SYSCALL_GETDENTS64_X] = {  /* 239 */
		.name = "getdents64", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_USES_FD | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_SETNS_E] = {  /* 240 */
		.name = "setns", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_USES_FD,
		.nparams = 2, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_NA },
			{ .name = "nstype", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX, .info = scap_flags_clone },
		},
	},
	[SCAP_EVT_SYSCALL_SETNS_X] = {  /* 241 */
		.name = "setns", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_USES_FD,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_FLOCK_E] = {  /* 242 */
		.name = "flock", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_USES_FD,
		.nparams = 2, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_NA },
			{ .name = "operation", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX, .info = scap_flags_flock },
		},
	},
	[SCAP_EVT_SYSCALL_FLOCK_X] = {  /* 243 */
		.name = "flock", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_USES_FD,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_CPU_HOTPLUG_E] = {  /* 244 */
		.name = "cpu_hotplug", .category = SCAP_EC_SYSTEM,
		.flags = SCAP_EF_MODIFIES_STATE | SCAP_EF_SKIPPARSERESET,
		.nparams = 2, .params = {
			{ .name = "cpu", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "action", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_CPU_HOTPLUG_X] = {  /* 245 */
		.name = "NA2", .category = SCAP_EC_SYSTEM,
		.flags = SCAP_EF_UNUSED,
		.nparams = 0,
	},
	[SCAP_EVT_SOCKET_ACCEPT_5_E] = {  /* 246 */
		.name = "accept", .category = SCAP_EC_NET,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 0,
	},
	[SCAP_EVT_SOCKET_ACCEPT_5_X] = {  /* 247 */
		.name = "accept", .category = SCAP_EC_NET,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 5, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "tuple", .type = SCAP_PT_SOCKTUPLE, .fmt = SCAP_PF_NA },
			{ .name = "queuepct", .type = SCAP_PT_UINT8, .fmt = SCAP_PF_DEC },
			{ .name = "queuelen", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "queuemax", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SOCKET_ACCEPT4_5_E] = {  /* 248 */
		.name = "accept", .category = SCAP_EC_NET,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 1, .params = {
			{ .name = "flags", .type = SCAP_PT_INT32, .fmt = SCAP_PF_HEX },
		},
	},
	[SCAP_EVT_SOCKET_ACCEPT4_5_X] = {  /* 249 */
		.name = "accept", .category = SCAP_EC_NET,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 5, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "tuple", .type = SCAP_PT_SOCKTUPLE, .fmt = SCAP_PF_NA },
			{ .name = "queuepct", .type = SCAP_PT_UINT8, .fmt = SCAP_PF_DEC },
			{ .name = "queuelen", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "queuemax", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_SEMOP_E] = {  /* 250 */
		.name = "semop", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 1, .params = {
			{ .name = "semid", .type = SCAP_PT_INT32, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_SEMOP_X] = {  /* 251 */
		.name = "semop", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 8, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "nsops", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "sem_num_0", .type = SCAP_PT_UINT16, .fmt = SCAP_PF_DEC },
			{ .name = "sem_op_0", .type = SCAP_PT_INT16, .fmt = SCAP_PF_DEC },
			{ .name = "sem_flg_0", .type = SCAP_PT_FLAGS16, .fmt = SCAP_PF_HEX, .info = scap_flags_semop },
			{ .name = "sem_num_1", .type = SCAP_PT_UINT16, .fmt = SCAP_PF_DEC },
			{ .name = "sem_op_1", .type = SCAP_PT_INT16, .fmt = SCAP_PF_DEC },
			{ .name = "sem_flg_1", .type = SCAP_PT_FLAGS16, .fmt = SCAP_PF_HEX, .info = scap_flags_semop },
		},
	},
	[SCAP_EVT_SYSCALL_SEMCTL_E] = {  /* 252 */
		.name = "semctl", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 4, .params = {
			{ .name = "semid", .type = SCAP_PT_INT32, .fmt = SCAP_PF_DEC },
			{ .name = "semnum", .type = SCAP_PT_INT32, .fmt = SCAP_PF_DEC },
			{ .name = "cmd", .type = SCAP_PT_FLAGS16, .fmt = SCAP_PF_HEX, .info = scap_flags_semctl_cmds },
			{ .name = "val", .type = SCAP_PT_INT32, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_SEMCTL_X] = {  /* 253 */
		.name = "semctl", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_PPOLL_E] = {  /* 254 */
		.name = "ppoll", .category = SCAP_EC_WAIT,
		.flags = SCAP_EF_WAITS | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 3, .params = {
			{ .name = "fds", .type = SCAP_PT_FDLIST, .fmt = SCAP_PF_DEC },
			{ .name = "timeout", .type = SCAP_PT_RELTIME, .fmt = SCAP_PF_DEC },
			{ .name = "sigmask", .type = SCAP_PT_SIGSET, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_PPOLL_X] = {  /* 255 */
		.name = "ppoll", .category = SCAP_EC_WAIT,
		.flags = SCAP_EF_WAITS | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 2, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "fds", .type = SCAP_PT_FDLIST, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_MOUNT_E] = {  /* 256 */
		.name = "mount", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 1, .params = {
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX, .info = scap_flags_mount },
		},
	},
	[SCAP_EVT_SYSCALL_MOUNT_X] = {  /* 257 */
		.name = "mount", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 4, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "dev", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
			{ .name = "dir", .type = SCAP_PT_FSPATH, .fmt = SCAP_PF_NA },
			{ .name = "type", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SYSCALL_UMOUNT_E] = {  /* 258 */
		.name = "umount", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 1, .params = {
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX, .info = scap_flags_umount },
		},
	},
	[SCAP_EVT_SYSCALL_UMOUNT_X] = {  /* 259 */
		.name = "umount", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 2, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "name", .type = SCAP_PT_FSPATH, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_K8S_E] = {  /* 260 */
		.name = "k8s", .category = SCAP_EC_INTERNAL,
		.flags = SCAP_EF_MODIFIES_STATE | SCAP_EF_SKIPPARSERESET,
		.nparams = 1, .params = {
			{ .name = "json", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_K8S_X] = {  /* 261 */
		.name = "NA3", .category = SCAP_EC_SYSTEM,
		.flags = SCAP_EF_UNUSED,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_SEMGET_E] = {  /* 262 */
		.name = "semget", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 3, .params = {
			{ .name = "key", .type = SCAP_PT_INT32, .fmt = SCAP_PF_HEX },
			{ .name = "nsems", .type = SCAP_PT_INT32, .fmt = SCAP_PF_DEC },
			{ .name = "semflg", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX, .info = scap_flags_semget },
		},
	},
	[SCAP_EVT_SYSCALL_SEMGET_X] = {  /* 263 */
		.name = "semget", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_ACCESS_E] = {  /* 264 */
		.name = "access", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 1, .params = {
			{ .name = "mode", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX, .info = scap_flags_access },
		},
	},
	[SCAP_EVT_SYSCALL_ACCESS_X] = {  /* 265 */
		.name = "access", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 2, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "name", .type = SCAP_PT_FSPATH, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SYSCALL_CHROOT_E] = {  /* 266 */
		.name = "chroot", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_CHROOT_X] = {  /* 267 */
		.name = "chroot", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 2, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "path", .type = SCAP_PT_FSPATH, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_TRACER_E] = {  /* 268 */
		.name = "tracer", .category = SCAP_EC_OTHER,
		.flags = SCAP_EF_NONE,
		.nparams = 3, .params = {
			{ .name = "id", .type = SCAP_PT_INT64, .fmt = SCAP_PF_DEC },
			{ .name = "tags", .type = SCAP_PT_CHARBUFARRAY, .fmt = SCAP_PF_NA },
			{ .name = "args", .type = SCAP_PT_CHARBUF_PAIR_ARRAY, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_TRACER_X] = {  /* 269 */
		.name = "tracer", .category = SCAP_EC_OTHER,
		.flags = SCAP_EF_NONE,
		.nparams = 3, .params = {
			{ .name = "id", .type = SCAP_PT_INT64, .fmt = SCAP_PF_DEC },
			{ .name = "tags", .type = SCAP_PT_CHARBUFARRAY, .fmt = SCAP_PF_NA },
			{ .name = "args", .type = SCAP_PT_CHARBUF_PAIR_ARRAY, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_MESOS_E] = {  /* 270 */
		.name = "mesos", .category = SCAP_EC_INTERNAL,
		.flags = SCAP_EF_MODIFIES_STATE | SCAP_EF_SKIPPARSERESET,
		.nparams = 1, .params = {
			{ .name = "json", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_MESOS_X] = {  /* 271 */
		.name = "NA4", .category = SCAP_EC_SYSTEM,
		.flags = SCAP_EF_UNUSED,
		.nparams = 0,
	},
	[SCAP_EVT_CONTAINER_JSON_E] = {  /* 272 */
		.name = "container", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 1, .params = {
			{ .name = "json", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_CONTAINER_JSON_X] = {  /* 273 */
		.name = "container", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_UNUSED,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_SETSID_E] = {  /* 274 */
		.name = "setsid", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_SETSID_X] = {  /* 275 */
		.name = "setsid", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_PID, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_MKDIR_2_E] = {  /* 276 */
		.name = "mkdir", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_NONE,
		.nparams = 1, .params = {
			{ .name = "mode", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_HEX },
		},
	},
	[SCAP_EVT_SYSCALL_MKDIR_2_X] = {  /* 277 */
		.name = "mkdir", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_NONE,
		.nparams = 2, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "path", .type = SCAP_PT_FSPATH, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SYSCALL_RMDIR_2_E] = {  /* 278 */
		.name = "rmdir", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_NONE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_RMDIR_2_X] = {  /* 279 */
		.name = "rmdir", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_NONE,
		.nparams = 2, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "path", .type = SCAP_PT_FSPATH, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_NOTIFICATION_E] = {  /* 280 */
		.name = "notification", .category = SCAP_EC_OTHER,
		.flags = SCAP_EF_SKIPPARSERESET,
		.nparams = 2, .params = {
			{ .name = "id", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_DEC },
			{ .name = "desc", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_NOTIFICATION_X] = {  /* 281 */
		.name = "NA4", .category = SCAP_EC_SYSTEM,
		.flags = SCAP_EF_UNUSED,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_EXECVE_17_E] = {  /* 282 */
		.name = "execve", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE | SCAP_EF_OLD_VERSION,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_EXECVE_17_X] = {  /* 283 */
		.name = "execve", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE | SCAP_EF_OLD_VERSION,
		.nparams = 17, .params = {
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
			{ .name = "comm", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
			{ .name = "cgroups", .type = SCAP_PT_BYTEBUF, .fmt = SCAP_PF_NA },
			{ .name = "env", .type = SCAP_PT_BYTEBUF, .fmt = SCAP_PF_NA },
			{ .name = "tty", .type = SCAP_PT_INT32, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_UNSHARE_E] = {  /* 284 */
		.name = "unshare", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_NONE,
		.nparams = 1, .params = {
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX, .info = scap_flags_clone },
		},
	},
	[SCAP_EVT_SYSCALL_UNSHARE_X] = {  /* 285 */
		.name = "unshare", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_NONE,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_INFRASTRUCTURE_EVENT_E] = {  /* 286 */
		.name = "infra", .category = SCAP_EC_INTERNAL,
		.flags = SCAP_EF_SKIPPARSERESET,
		.nparams = 4, .params = {
			{ .name = "source", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_DEC },
			{ .name = "name", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
			{ .name = "description", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
			{ .name = "scope", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_INFRASTRUCTURE_EVENT_X] = {  /* 287 */
		.name = "NA4", .category = SCAP_EC_SYSTEM,
		.flags = SCAP_EF_UNUSED,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_EXECVE_18_E] = {  /* 288 */
		.name = "execve", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE | SCAP_EF_OLD_VERSION,
		.nparams = 1, .params = {
			{ .name = "filename", .type = SCAP_PT_FSPATH, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SYSCALL_EXECVE_18_X] = {  /* 289 */
		.name = "execve", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE | SCAP_EF_OLD_VERSION,
		.nparams = 17, .params = {
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
			{ .name = "comm", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
			{ .name = "cgroups", .type = SCAP_PT_BYTEBUF, .fmt = SCAP_PF_NA },
			{ .name = "env", .type = SCAP_PT_BYTEBUF, .fmt = SCAP_PF_NA },
			{ .name = "tty", .type = SCAP_PT_INT32, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_PAGE_FAULT_E] = {  /* 290 */
		.name = "page_fault", .category = SCAP_EC_OTHER,
		.flags = SCAP_EF_SKIPPARSERESET | SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 3, .params = {
			{ .name = "addr", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_HEX },
			{ .name = "ip", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_HEX },
			{ .name = "error", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX, .info = scap_flags_page_fault },
		},
	},
	[SCAP_EVT_PAGE_FAULT_X] = {  /* 291 */
		.name = "NA5", .category = SCAP_EC_OTHER,
		.flags = SCAP_EF_UNUSED,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_EXECVE_19_E] = {  /* 292 */
		.name = "execve", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 1, .params = {
			{ .name = "filename", .type = SCAP_PT_FSPATH, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SYSCALL_EXECVE_19_X] = {  /* 293 */
		.name = "execve", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 20, .params = {
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
			{ .name = "comm", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
			{ .name = "cgroups", .type = SCAP_PT_BYTEBUF, .fmt = SCAP_PF_NA },
			{ .name = "env", .type = SCAP_PT_BYTEBUF, .fmt = SCAP_PF_NA },
			{ .name = "tty", .type = SCAP_PT_INT32, .fmt = SCAP_PF_DEC },
			{ .name = "pgid", .type = SCAP_PT_PID, .fmt = SCAP_PF_DEC },
			{ .name = "loginuid", .type = SCAP_PT_INT32, .fmt = SCAP_PF_DEC },
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX, .info = scap_flags_execve },
		},
	},
	[SCAP_EVT_SYSCALL_SETPGID_E] = {  /* 294 */
		.name = "setpgid", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 2, .params = {
			{ .name = "pid", .type = SCAP_PT_PID, .fmt = SCAP_PF_DEC },
			{ .name = "pgid", .type = SCAP_PT_PID, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_SETPGID_X] = {  /* 295 */
		.name = "setpgid", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_PID, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_BPF_E] = {  /* 296 */
		.name = "bpf", .category = SCAP_EC_OTHER,
		.flags = SCAP_EF_CREATES_FD,
		.nparams = 1, .params = {
			{ .name = "cmd", .type = SCAP_PT_INT64, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_BPF_X] = {  /* 297 */
		.name = "bpf", .category = SCAP_EC_OTHER,
		.flags = SCAP_EF_CREATES_FD,
		.nparams = 1, .params = {
			{ .name = "res_or_fd", .type = SCAP_PT_DYN, .fmt = SCAP_PF_DEC, .info = scap_dyn_bpf, .ninfo = SCAP_BPF_IDX_MAX },
		},
	},

#endif /* SCAP_EVT_TABLE_BODY */

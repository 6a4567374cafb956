/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * event_table_292_425.c - entries 292..425 of scap_evt_table.
 *
 * Not a translation unit of its own: event_table.c includes it inside the table
 * initializer with SCAP_EVT_TABLE_BODY defined (one C array cannot span files, and
 * the table is split by event number to keep files short). Compiled alone (the
 * build globs *.c) it reduces to the header declarations.
 */
#ifndef SCAP_EVT_TABLE_BODY
#include "scap_events.h"
#else

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
		.nparams = 26, .params = {
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
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX,
			  .info = scap_flags_execve },
			/* schema 1.2: appended, as falcosecurity/libs appended them */
			{ .name = "cap_inheritable", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_HEX },
			{ .name = "cap_permitted", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_HEX },
			{ .name = "cap_effective", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_HEX },
			{ .name = "exe_ino", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
			{ .name = "exe_ino_ctime", .type = SCAP_PT_ABSTIME, .fmt = SCAP_PF_DEC },
			{ .name = "exe_ino_mtime", .type = SCAP_PT_ABSTIME, .fmt = SCAP_PF_DEC },
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
			{ .name = "res_or_fd", .type = SCAP_PT_DYN, .fmt = SCAP_PF_DEC,
			  .info = scap_dyn_bpf, .ninfo = SCAP_BPF_IDX_MAX },
		},
	},
	[SCAP_EVT_SYSCALL_SECCOMP_E] = {  /* 298 */
		.name = "seccomp", .category = SCAP_EC_OTHER,
		.flags = SCAP_EF_NONE,
		.nparams = 1, .params = {
			{ .name = "op", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_SECCOMP_X] = {  /* 299 */
		.name = "seccomp", .category = SCAP_EC_OTHER,
		.flags = SCAP_EF_NONE,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_UNLINK_2_E] = {  /* 300 */
		.name = "unlink", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_NONE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_UNLINK_2_X] = {  /* 301 */
		.name = "unlink", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_NONE,
		.nparams = 2, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "path", .type = SCAP_PT_FSPATH, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SYSCALL_UNLINKAT_2_E] = {  /* 302 */
		.name = "unlinkat", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_NONE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_UNLINKAT_2_X] = {  /* 303 */
		.name = "unlinkat", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_NONE,
		.nparams = 4, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "dirfd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "name", .type = SCAP_PT_FSRELPATH, .fmt = SCAP_PF_NA,
			  .info = SCAP_DIRFD_PARAM(1) },
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX,
			  .info = scap_flags_unlinkat },
		},
	},
	[SCAP_EVT_SYSCALL_MKDIRAT_E] = {  /* 304 */
		.name = "mkdirat", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_NONE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_MKDIRAT_X] = {  /* 305 */
		.name = "mkdirat", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_NONE,
		.nparams = 4, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "dirfd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "path", .type = SCAP_PT_FSRELPATH, .fmt = SCAP_PF_NA,
			  .info = SCAP_DIRFD_PARAM(1) },
			{ .name = "mode", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_HEX },
		},
	},
	[SCAP_EVT_SYSCALL_OPENAT_2_E] = {  /* 306 */
		.name = "openat", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 4, .params = {
			{ .name = "dirfd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "name", .type = SCAP_PT_FSRELPATH, .fmt = SCAP_PF_NA,
			  .info = SCAP_DIRFD_PARAM(0) },
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX,
			  .info = scap_flags_open },
			{ .name = "mode", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_OCT },
		},
	},
	[SCAP_EVT_SYSCALL_OPENAT_2_X] = {  /* 307 */
		.name = "openat", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 6, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "dirfd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "name", .type = SCAP_PT_FSRELPATH, .fmt = SCAP_PF_NA,
			  .info = SCAP_DIRFD_PARAM(1) },
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX,
			  .info = scap_flags_open },
			{ .name = "mode", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_OCT },
			{ .name = "dev", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_HEX },
		},
	},
	[SCAP_EVT_SYSCALL_LINK_2_E] = {  /* 308 */
		.name = "link", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_NONE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_LINK_2_X] = {  /* 309 */
		.name = "link", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_NONE,
		.nparams = 3, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "oldpath", .type = SCAP_PT_FSPATH, .fmt = SCAP_PF_NA },
			{ .name = "newpath", .type = SCAP_PT_FSPATH, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SYSCALL_LINKAT_2_E] = {  /* 310 */
		.name = "linkat", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_NONE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_LINKAT_2_X] = {  /* 311 */
		.name = "linkat", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_NONE,
		.nparams = 6, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "olddir", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "oldpath", .type = SCAP_PT_FSRELPATH, .fmt = SCAP_PF_NA,
			  .info = SCAP_DIRFD_PARAM(1) },
			{ .name = "newdir", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "newpath", .type = SCAP_PT_FSRELPATH, .fmt = SCAP_PF_NA,
			  .info = SCAP_DIRFD_PARAM(3) },
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX,
			  .info = scap_flags_linkat },
		},
	},
	[SCAP_EVT_SYSCALL_FCHMODAT_E] = {  /* 312 */
		.name = "fchmodat", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_NONE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_FCHMODAT_X] = {  /* 313 */
		.name = "fchmodat", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_NONE,
		.nparams = 4, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "dirfd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "filename", .type = SCAP_PT_FSRELPATH, .fmt = SCAP_PF_NA,
			  .info = SCAP_DIRFD_PARAM(1) },
			{ .name = "mode", .type = SCAP_PT_MODE, .fmt = SCAP_PF_OCT,
			  .info = scap_flags_chmod_mode },
		},
	},
	[SCAP_EVT_SYSCALL_CHMOD_E] = {  /* 314 */
		.name = "chmod", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_NONE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_CHMOD_X] = {  /* 315 */
		.name = "chmod", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_NONE,
		.nparams = 3, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "filename", .type = SCAP_PT_FSPATH, .fmt = SCAP_PF_NA },
			{ .name = "mode", .type = SCAP_PT_MODE, .fmt = SCAP_PF_OCT,
			  .info = scap_flags_chmod_mode },
		},
	},
	[SCAP_EVT_SYSCALL_FCHMOD_E] = {  /* 316 */
		.name = "fchmod", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_NONE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_FCHMOD_X] = {  /* 317 */
		.name = "fchmod", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_NONE,
		.nparams = 3, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "mode", .type = SCAP_PT_MODE, .fmt = SCAP_PF_OCT,
			  .info = scap_flags_chmod_mode },
		},
	},
	[SCAP_EVT_SYSCALL_RENAMEAT2_E] = {  /* 318 */
		.name = "renameat2", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_NONE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_RENAMEAT2_X] = {  /* 319 */
		.name = "renameat2", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_NONE,
		.nparams = 6, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "olddirfd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "oldpath", .type = SCAP_PT_FSRELPATH, .fmt = SCAP_PF_NA,
			  .info = SCAP_DIRFD_PARAM(1) },
			{ .name = "newdirfd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "newpath", .type = SCAP_PT_FSRELPATH, .fmt = SCAP_PF_NA,
			  .info = SCAP_DIRFD_PARAM(3) },
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX,
			  .info = scap_flags_renameat2 },
		},
	},
	[SCAP_EVT_SYSCALL_USERFAULTFD_E] = {  /* 320 */
		.name = "userfaultfd", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_USERFAULTFD_X] = {  /* 321 */
		.name = "userfaultfd", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 2, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX,
			  .info = scap_flags_open },
		},
	},
	[SCAP_EVT_PLUGINEVENT_E] = {  /* 322 */
		.name = "pluginevent", .category = SCAP_EC_OTHER,
		.flags = SCAP_EF_LARGE_PAYLOAD,
		.nparams = 2, .params = {
			{ .name = "plugin ID", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "event_data", .type = SCAP_PT_BYTEBUF, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_PLUGINEVENT_X] = {  /* 323 */
		.name = "pluginevent", .category = SCAP_EC_OTHER,
		.flags = SCAP_EF_UNUSED,
		.nparams = 0,
	},
	[SCAP_EVT_CONTAINER_JSON_2_E] = {  /* 324 */
		.name = "container", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE | SCAP_EF_LARGE_PAYLOAD,
		.nparams = 1, .params = {
			{ .name = "json", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_CONTAINER_JSON_2_X] = {  /* 325 */
		.name = "container", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_UNUSED,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_OPENAT2_E] = {  /* 326 */
		.name = "openat2", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 5, .params = {
			{ .name = "dirfd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "name", .type = SCAP_PT_FSRELPATH, .fmt = SCAP_PF_NA,
			  .info = SCAP_DIRFD_PARAM(0) },
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX,
			  .info = scap_flags_open },
			{ .name = "mode", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_OCT },
			{ .name = "resolve", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX,
			  .info = scap_flags_openat2_resolve },
		},
	},
	[SCAP_EVT_SYSCALL_OPENAT2_X] = {  /* 327 */
		.name = "openat2", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 6, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "dirfd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "name", .type = SCAP_PT_FSRELPATH, .fmt = SCAP_PF_NA,
			  .info = SCAP_DIRFD_PARAM(1) },
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX,
			  .info = scap_flags_open },
			{ .name = "mode", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_OCT },
			{ .name = "resolve", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX,
			  .info = scap_flags_openat2_resolve },
		},
	},
	[SCAP_EVT_SYSCALL_MPROTECT_E] = {  /* 328 */
		.name = "mprotect", .category = SCAP_EC_MEMORY,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 3, .params = {
			{ .name = "addr", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_HEX },
			{ .name = "length", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
			{ .name = "prot", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX,
			  .info = scap_flags_mmap_prot },
		},
	},
	[SCAP_EVT_SYSCALL_MPROTECT_X] = {  /* 329 */
		.name = "mprotect", .category = SCAP_EC_MEMORY,
		.flags = SCAP_EF_DROP_SIMPLE_CONS,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_EXECVEAT_E] = {  /* 330 */
		.name = "execveat", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 3, .params = {
			{ .name = "dirfd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "pathname", .type = SCAP_PT_FSRELPATH, .fmt = SCAP_PF_NA,
			  .info = SCAP_DIRFD_PARAM(0) },
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX,
			  .info = scap_flags_execveat },
		},
	},
	[SCAP_EVT_SYSCALL_EXECVEAT_X] = {  /* 331 */
		.name = "execveat", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 26, .params = {
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
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX,
			  .info = scap_flags_execve },
			/* schema 1.2: appended, as falcosecurity/libs appended them */
			{ .name = "cap_inheritable", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_HEX },
			{ .name = "cap_permitted", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_HEX },
			{ .name = "cap_effective", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_HEX },
			{ .name = "exe_ino", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
			{ .name = "exe_ino_ctime", .type = SCAP_PT_ABSTIME, .fmt = SCAP_PF_DEC },
			{ .name = "exe_ino_mtime", .type = SCAP_PT_ABSTIME, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_COPY_FILE_RANGE_E] = {  /* 332 */
		.name = "copy_file_range", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_USES_FD | SCAP_EF_READS_FROM_FD | SCAP_EF_WRITES_TO_FD,
		.nparams = 3, .params = {
			{ .name = "fdin", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "offin", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
			{ .name = "len", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_COPY_FILE_RANGE_X] = {  /* 333 */
		.name = "copy_file_range", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_USES_FD | SCAP_EF_READS_FROM_FD | SCAP_EF_WRITES_TO_FD,
		.nparams = 3, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "fdout", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "offout", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_CLONE3_E] = {  /* 334 */
		.name = "clone3", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_CLONE3_X] = {  /* 335 */
		.name = "clone3", .category = SCAP_EC_PROCESS,
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
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX,
			  .info = scap_flags_clone },
			{ .name = "uid", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "gid", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "vtid", .type = SCAP_PT_PID, .fmt = SCAP_PF_DEC },
			{ .name = "vpid", .type = SCAP_PT_PID, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_OPEN_BY_HANDLE_AT_E] = {  /* 336 */
		.name = "open_by_handle_at", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_OPEN_BY_HANDLE_AT_X] = {  /* 337 */
		.name = "open_by_handle_at", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 6, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "mountfd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX,
			  .info = scap_flags_open },
			{ .name = "path", .type = SCAP_PT_FSPATH, .fmt = SCAP_PF_NA },
			/* schema 1.1: appended, as falcosecurity/libs appended them */
			{ .name = "dev", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_HEX },
			{ .name = "ino", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_IO_URING_SETUP_E] = {  /* 338 */
		.name = "io_uring_setup", .category = SCAP_EC_IO_OTHER,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_IO_URING_SETUP_X] = {  /* 339 */
		.name = "io_uring_setup", .category = SCAP_EC_IO_OTHER,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 8, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "entries", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "sq_entries", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "cq_entries", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX,
			  .info = scap_flags_io_uring_setup },
			{ .name = "sq_thread_cpu", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "sq_thread_idle", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "features", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX,
			  .info = scap_flags_io_uring_feats },
		},
	},
	[SCAP_EVT_SYSCALL_IO_URING_ENTER_E] = {  /* 340 */
		.name = "io_uring_enter", .category = SCAP_EC_IO_OTHER,
		.flags = SCAP_EF_NONE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_IO_URING_ENTER_X] = {  /* 341 */
		.name = "io_uring_enter", .category = SCAP_EC_IO_OTHER,
		.flags = SCAP_EF_USES_FD,
		.nparams = 6, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "to_submit", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "min_complete", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX,
			  .info = scap_flags_io_uring_enter },
			{ .name = "sig", .type = SCAP_PT_SIGSET, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_IO_URING_REGISTER_E] = {  /* 342 */
		.name = "io_uring_register", .category = SCAP_EC_IO_OTHER,
		.flags = SCAP_EF_NONE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_IO_URING_REGISTER_X] = {  /* 343 */
		.name = "io_uring_register", .category = SCAP_EC_IO_OTHER,
		.flags = SCAP_EF_USES_FD,
		.nparams = 5, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "opcode", .type = SCAP_PT_ENUMFLAGS16, .fmt = SCAP_PF_DEC,
			  .info = scap_flags_io_uring_register_ops },
			{ .name = "arg", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_HEX },
			{ .name = "nr_args", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_MLOCK_E] = {  /* 344 */
		.name = "mlock", .category = SCAP_EC_MEMORY,
		.flags = SCAP_EF_NONE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_MLOCK_X] = {  /* 345 */
		.name = "mlock", .category = SCAP_EC_MEMORY,
		.flags = SCAP_EF_NONE,
		.nparams = 3, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "addr", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_HEX },
			{ .name = "len", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_MUNLOCK_E] = {  /* 346 */
		.name = "munlock", .category = SCAP_EC_MEMORY,
		.flags = SCAP_EF_NONE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_MUNLOCK_X] = {  /* 347 */
		.name = "munlock", .category = SCAP_EC_MEMORY,
		.flags = SCAP_EF_NONE,
		.nparams = 3, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "addr", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_HEX },
			{ .name = "len", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_MLOCKALL_E] = {  /* 348 */
		.name = "mlockall", .category = SCAP_EC_MEMORY,
		.flags = SCAP_EF_NONE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_MLOCKALL_X] = {  /* 349 */
		.name = "mlockall", .category = SCAP_EC_MEMORY,
		.flags = SCAP_EF_NONE,
		.nparams = 2, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX,
			  .info = scap_flags_mlockall },
		},
	},
	[SCAP_EVT_SYSCALL_MUNLOCKALL_E] = {  /* 350 */
		.name = "munlockall", .category = SCAP_EC_MEMORY,
		.flags = SCAP_EF_NONE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_MUNLOCKALL_X] = {  /* 351 */
		.name = "munlockall", .category = SCAP_EC_MEMORY,
		.flags = SCAP_EF_NONE,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_CAPSET_E] = {  /* 352 */
		.name = "capset", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_CAPSET_X] = {  /* 353 */
		.name = "capset", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 4, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "cap_inheritable", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_HEX },
			{ .name = "cap_permitted", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_HEX },
			{ .name = "cap_effective", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_HEX },
		},
	},
	[SCAP_EVT_USER_ADDED_E] = {  /* 354 */
		.name = "useradded", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 6, .params = {
			{ .name = "uid", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "gid", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "name", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
			{ .name = "home", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
			{ .name = "shell", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
			{ .name = "container_id", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_USER_ADDED_X] = {  /* 355 */
		.name = "useradded", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_UNUSED,
		.nparams = 0,
	},
	[SCAP_EVT_USER_DELETED_E] = {  /* 356 */
		.name = "userdeleted", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 6, .params = {
			{ .name = "uid", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "gid", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "name", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
			{ .name = "home", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
			{ .name = "shell", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
			{ .name = "container_id", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_USER_DELETED_X] = {  /* 357 */
		.name = "userdeleted", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_UNUSED,
		.nparams = 0,
	},
	[SCAP_EVT_GROUP_ADDED_E] = {  /* 358 */
		.name = "groupadded", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 3, .params = {
			{ .name = "gid", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "name", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
			{ .name = "container_id", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_GROUP_ADDED_X] = {  /* 359 */
		.name = "groupadded", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_UNUSED,
		.nparams = 0,
	},
	[SCAP_EVT_GROUP_DELETED_E] = {  /* 360 */
		.name = "groupdeleted", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 3, .params = {
			{ .name = "gid", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "name", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
			{ .name = "container_id", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_GROUP_DELETED_X] = {  /* 361 */
		.name = "groupdeleted", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_UNUSED,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_DUP2_E] = {  /* 362 */
		.name = "dup2", .category = SCAP_EC_IO_OTHER,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_USES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 1, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_DUP2_X] = {  /* 363 */
		.name = "dup2", .category = SCAP_EC_IO_OTHER,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_USES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 3, .params = {
			{ .name = "res", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "oldfd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "newfd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_DUP3_E] = {  /* 364 */
		.name = "dup3", .category = SCAP_EC_IO_OTHER,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_USES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 1, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_DUP3_X] = {  /* 365 */
		.name = "dup3", .category = SCAP_EC_IO_OTHER,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_USES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 4, .params = {
			{ .name = "res", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "oldfd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "newfd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX,
			  .info = scap_flags_open },
		},
	},
	[SCAP_EVT_SYSCALL_DUP_1_E] = {  /* 366 */
		.name = "dup", .category = SCAP_EC_IO_OTHER,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_USES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 1, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_DUP_1_X] = {  /* 367 */
		.name = "dup", .category = SCAP_EC_IO_OTHER,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_USES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 2, .params = {
			{ .name = "res", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "oldfd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_BPF_2_E] = {  /* 368 */
		.name = "bpf", .category = SCAP_EC_OTHER,
		.flags = SCAP_EF_CREATES_FD,
		.nparams = 1, .params = {
			{ .name = "cmd", .type = SCAP_PT_INT64, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_BPF_2_X] = {  /* 369 */
		.name = "bpf", .category = SCAP_EC_OTHER,
		.flags = SCAP_EF_CREATES_FD,
		.nparams = 2, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "cmd", .type = SCAP_PT_INT32, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_MLOCK2_E] = {  /* 370 */
		.name = "mlock2", .category = SCAP_EC_MEMORY,
		.flags = SCAP_EF_NONE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_MLOCK2_X] = {  /* 371 */
		.name = "mlock2", .category = SCAP_EC_MEMORY,
		.flags = SCAP_EF_NONE,
		.nparams = 4, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "addr", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_HEX },
			{ .name = "len", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
			{ .name = "flags", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_HEX },
		},
	},
	[SCAP_EVT_SYSCALL_FSCONFIG_E] = {  /* 372 */
		.name = "fsconfig", .category = SCAP_EC_SYSTEM,
		.flags = SCAP_EF_NONE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_FSCONFIG_X] = {  /* 373 */
		.name = "fsconfig", .category = SCAP_EC_SYSTEM,
		.flags = SCAP_EF_USES_FD,
		.nparams = 7, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "cmd", .type = SCAP_PT_ENUMFLAGS32, .fmt = SCAP_PF_DEC,
			  .info = scap_flags_fsconfig_cmds },
			{ .name = "key", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
			{ .name = "value_bytebuf", .type = SCAP_PT_BYTEBUF, .fmt = SCAP_PF_NA },
			{ .name = "value_charbuf", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
			{ .name = "aux", .type = SCAP_PT_INT32, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_EPOLL_CREATE_E] = {  /* 374 */
		.name = "epoll_create", .category = SCAP_EC_WAIT,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 1, .params = {
			{ .name = "size", .type = SCAP_PT_INT32, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_EPOLL_CREATE_X] = {  /* 375 */
		.name = "epoll_create", .category = SCAP_EC_WAIT,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_EPOLL_CREATE1_E] = {  /* 376 */
		.name = "epoll_create1", .category = SCAP_EC_WAIT,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 1, .params = {
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX,
			  .info = scap_flags_epoll_create1 },
		},
	},
	[SCAP_EVT_SYSCALL_EPOLL_CREATE1_X] = {  /* 377 */
		.name = "epoll_create1", .category = SCAP_EC_WAIT,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 1, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_CHOWN_E] = {  /* 378 */
		.name = "chown", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_NONE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_CHOWN_X] = {  /* 379 */
		.name = "chown", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_NONE,
		.nparams = 4, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "path", .type = SCAP_PT_FSPATH, .fmt = SCAP_PF_NA },
			{ .name = "uid", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "gid", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_LCHOWN_E] = {  /* 380 */
		.name = "lchown", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_NONE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_LCHOWN_X] = {  /* 381 */
		.name = "lchown", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_NONE,
		.nparams = 4, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "path", .type = SCAP_PT_FSPATH, .fmt = SCAP_PF_NA },
			{ .name = "uid", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "gid", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_FCHOWN_E] = {  /* 382 */
		.name = "fchown", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_NONE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_FCHOWN_X] = {  /* 383 */
		.name = "fchown", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_USES_FD,
		.nparams = 4, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "uid", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "gid", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_FCHOWNAT_E] = {  /* 384 */
		.name = "fchownat", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_NONE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_FCHOWNAT_X] = {  /* 385 */
		.name = "fchownat", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_NONE,
		.nparams = 6, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "dirfd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "pathname", .type = SCAP_PT_FSRELPATH, .fmt = SCAP_PF_NA,
			  .info = SCAP_DIRFD_PARAM(1) },
			{ .name = "uid", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "gid", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX,
			  .info = scap_flags_fchownat },
		},
	},
	[SCAP_EVT_SYSCALL_UMOUNT_1_E] = {  /* 386 */
		.name = "umount", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_UMOUNT_1_X] = {  /* 387 */
		.name = "umount", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 2, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "name", .type = SCAP_PT_FSPATH, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SOCKET_ACCEPT4_6_E] = {  /* 388 */
		.name = "accept4", .category = SCAP_EC_NET,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 1, .params = {
			{ .name = "flags", .type = SCAP_PT_INT32, .fmt = SCAP_PF_HEX },
		},
	},
	[SCAP_EVT_SOCKET_ACCEPT4_6_X] = {  /* 389 */
		.name = "accept4", .category = SCAP_EC_NET,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 5, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "tuple", .type = SCAP_PT_SOCKTUPLE, .fmt = SCAP_PF_NA },
			{ .name = "queuepct", .type = SCAP_PT_UINT8, .fmt = SCAP_PF_DEC },
			{ .name = "queuelen", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "queuemax", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_UMOUNT2_E] = {  /* 390 */
		.name = "umount2", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 1, .params = {
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX,
			  .info = scap_flags_umount },
		},
	},
	[SCAP_EVT_SYSCALL_UMOUNT2_X] = {  /* 391 */
		.name = "umount2", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 2, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "name", .type = SCAP_PT_FSPATH, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SYSCALL_PIPE2_E] = {  /* 392 */
		.name = "pipe2", .category = SCAP_EC_IPC,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_PIPE2_X] = {  /* 393 */
		.name = "pipe2", .category = SCAP_EC_IPC,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 5, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "fd1", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "fd2", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "ino", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX,
			  .info = scap_flags_open },
		},
	},
	[SCAP_EVT_SYSCALL_INOTIFY_INIT1_E] = {  /* 394 */
		.name = "inotify_init1", .category = SCAP_EC_IPC,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_INOTIFY_INIT1_X] = {  /* 395 */
		.name = "inotify_init1", .category = SCAP_EC_IPC,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 2, .params = {
			{ .name = "res", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "flags", .type = SCAP_PT_FLAGS16, .fmt = SCAP_PF_HEX,
			  .info = scap_flags_open },
		},
	},
	[SCAP_EVT_SYSCALL_EVENTFD2_E] = {  /* 396 */
		.name = "eventfd2", .category = SCAP_EC_IPC,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 1, .params = {
			{ .name = "initval", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_EVENTFD2_X] = {  /* 397 */
		.name = "eventfd2", .category = SCAP_EC_IPC,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 2, .params = {
			{ .name = "res", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "flags", .type = SCAP_PT_FLAGS16, .fmt = SCAP_PF_HEX,
			  .info = scap_flags_open },
		},
	},
	[SCAP_EVT_SYSCALL_SIGNALFD4_E] = {  /* 398 */
		.name = "signalfd4", .category = SCAP_EC_SIGNAL,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 2, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "mask", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_HEX },
		},
	},
	[SCAP_EVT_SYSCALL_SIGNALFD4_X] = {  /* 399 */
		.name = "signalfd4", .category = SCAP_EC_SIGNAL,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 2, .params = {
			{ .name = "res", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "flags", .type = SCAP_PT_FLAGS16, .fmt = SCAP_PF_HEX,
			  .info = scap_flags_none },
		},
	},
	[SCAP_EVT_SYSCALL_PRCTL_E] = {  /* 400 */
		.name = "prctl", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_PRCTL_X] = {  /* 401 */
		.name = "prctl", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_MODIFIES_STATE,
		.nparams = 4, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "option", .type = SCAP_PT_ENUMFLAGS32, .fmt = SCAP_PF_DEC,
			  .info = scap_flags_prctl_options },
			{ .name = "arg2_str", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
			{ .name = "arg2_int", .type = SCAP_PT_INT64, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_ASYNCEVENT_E] = {  /* 402 */
		.name = "asyncevent", .category = SCAP_EC_OTHER,
		.flags = SCAP_EF_LARGE_PAYLOAD,
		.nparams = 3, .params = {
			{ .name = "plugin_id", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
			{ .name = "name", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
			{ .name = "data", .type = SCAP_PT_BYTEBUF, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_ASYNCEVENT_X] = {  /* 403 */
		.name = "asyncevent", .category = SCAP_EC_OTHER,
		.flags = SCAP_EF_UNUSED,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_MEMFD_CREATE_E] = {  /* 404 */
		.name = "memfd_create", .category = SCAP_EC_MEMORY,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_MEMFD_CREATE_X] = {  /* 405 */
		.name = "memfd_create", .category = SCAP_EC_MEMORY,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 3, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "name", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX,
			  .info = scap_flags_memfd_create },
		},
	},
	[SCAP_EVT_SYSCALL_PIDFD_GETFD_E] = {  /* 406 */
		.name = "pidfd_getfd", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_PIDFD_GETFD_X] = {  /* 407 */
		.name = "pidfd_getfd", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 4, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "pid_fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "target_fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX,
			  .info = scap_flags_none },
		},
	},
	[SCAP_EVT_SYSCALL_PIDFD_OPEN_E] = {  /* 408 */
		.name = "pidfd_open", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_PIDFD_OPEN_X] = {  /* 409 */
		.name = "pidfd_open", .category = SCAP_EC_PROCESS,
		.flags = SCAP_EF_CREATES_FD | SCAP_EF_MODIFIES_STATE,
		.nparams = 3, .params = {
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "pid", .type = SCAP_PT_PID, .fmt = SCAP_PF_DEC },
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX,
			  .info = scap_flags_pidfd_open },
		},
	},
	[SCAP_EVT_SYSCALL_INIT_MODULE_E] = {  /* 410 */
		.name = "init_module", .category = SCAP_EC_OTHER,
		.flags = SCAP_EF_NONE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_INIT_MODULE_X] = {  /* 411 */
		.name = "init_module", .category = SCAP_EC_OTHER,
		.flags = SCAP_EF_NONE,
		.nparams = 4, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "img", .type = SCAP_PT_BYTEBUF, .fmt = SCAP_PF_NA },
			{ .name = "length", .type = SCAP_PT_UINT64, .fmt = SCAP_PF_DEC },
			{ .name = "uargs", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SYSCALL_FINIT_MODULE_E] = {  /* 412 */
		.name = "finit_module", .category = SCAP_EC_OTHER,
		.flags = SCAP_EF_NONE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_FINIT_MODULE_X] = {  /* 413 */
		.name = "finit_module", .category = SCAP_EC_OTHER,
		.flags = SCAP_EF_USES_FD | SCAP_EF_READS_FROM_FD,
		.nparams = 4, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "fd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "uargs", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_DEC,
			  .info = scap_flags_finit_module },
		},
	},
	[SCAP_EVT_SYSCALL_MKNOD_E] = {  /* 414 */
		.name = "mknod", .category = SCAP_EC_OTHER,
		.flags = SCAP_EF_NONE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_MKNOD_X] = {  /* 415 */
		.name = "mknod", .category = SCAP_EC_OTHER,
		.flags = SCAP_EF_NONE,
		.nparams = 4, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "path", .type = SCAP_PT_FSPATH, .fmt = SCAP_PF_NA },
			{ .name = "mode", .type = SCAP_PT_MODE, .fmt = SCAP_PF_OCT,
			  .info = scap_flags_mknod_mode },
			{ .name = "dev", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_MKNODAT_E] = {  /* 416 */
		.name = "mknodat", .category = SCAP_EC_OTHER,
		.flags = SCAP_EF_NONE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_MKNODAT_X] = {  /* 417 */
		.name = "mknodat", .category = SCAP_EC_OTHER,
		.flags = SCAP_EF_USES_FD,
		.nparams = 5, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "dirfd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "path", .type = SCAP_PT_FSRELPATH, .fmt = SCAP_PF_NA,
			  .info = SCAP_DIRFD_PARAM(1) },
			{ .name = "mode", .type = SCAP_PT_MODE, .fmt = SCAP_PF_OCT,
			  .info = scap_flags_mknod_mode },
			{ .name = "dev", .type = SCAP_PT_UINT32, .fmt = SCAP_PF_DEC },
		},
	},
	[SCAP_EVT_SYSCALL_NEWFSTATAT_E] = {  /* 418 */
		.name = "newfstatat", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_NONE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_NEWFSTATAT_X] = {  /* 419 */
		.name = "newfstatat", .category = SCAP_EC_FILE,
		.flags = SCAP_EF_USES_FD,
		.nparams = 4, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "dirfd", .type = SCAP_PT_FD, .fmt = SCAP_PF_DEC },
			{ .name = "path", .type = SCAP_PT_FSRELPATH, .fmt = SCAP_PF_NA,
			  .info = SCAP_DIRFD_PARAM(1) },
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX,
			  .info = scap_flags_newfstatat },
		},
	},
	[SCAP_EVT_SYSCALL_PROCESS_VM_READV_E] = {  /* 420 */
		.name = "process_vm_readv", .category = SCAP_EC_IPC,
		.flags = SCAP_EF_NONE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_PROCESS_VM_READV_X] = {  /* 421 */
		.name = "process_vm_readv", .category = SCAP_EC_IPC,
		.flags = SCAP_EF_NONE,
		.nparams = 3, .params = {
			{ .name = "res", .type = SCAP_PT_INT64, .fmt = SCAP_PF_DEC },
			{ .name = "pid", .type = SCAP_PT_PID, .fmt = SCAP_PF_DEC },
			{ .name = "data", .type = SCAP_PT_BYTEBUF, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SYSCALL_PROCESS_VM_WRITEV_E] = {  /* 422 */
		.name = "process_vm_writev", .category = SCAP_EC_IPC,
		.flags = SCAP_EF_NONE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_PROCESS_VM_WRITEV_X] = {  /* 423 */
		.name = "process_vm_writev", .category = SCAP_EC_IPC,
		.flags = SCAP_EF_NONE,
		.nparams = 3, .params = {
			{ .name = "res", .type = SCAP_PT_INT64, .fmt = SCAP_PF_DEC },
			{ .name = "pid", .type = SCAP_PT_PID, .fmt = SCAP_PF_DEC },
			{ .name = "data", .type = SCAP_PT_BYTEBUF, .fmt = SCAP_PF_NA },
		},
	},
	[SCAP_EVT_SYSCALL_DELETE_MODULE_E] = {  /* 424 */
		.name = "delete_module", .category = SCAP_EC_OTHER,
		.flags = SCAP_EF_NONE,
		.nparams = 0,
	},
	[SCAP_EVT_SYSCALL_DELETE_MODULE_X] = {  /* 425 */
		.name = "delete_module", .category = SCAP_EC_OTHER,
		.flags = SCAP_EF_NONE,
		.nparams = 3, .params = {
			{ .name = "res", .type = SCAP_PT_ERRNO, .fmt = SCAP_PF_DEC },
			{ .name = "name", .type = SCAP_PT_CHARBUF, .fmt = SCAP_PF_NA },
			{ .name = "flags", .type = SCAP_PT_FLAGS32, .fmt = SCAP_PF_HEX,
			  .info = scap_flags_delete_module },
		},
	},

#endif /* SCAP_EVT_TABLE_BODY */

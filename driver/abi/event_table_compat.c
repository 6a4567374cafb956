/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * event_table_compat.c - scap_evt_compat_0293: for each event type newer than sysdig
 * 0.29.3's table, what that release's driver (falcosecurity-scap-dkms of 2022-03-16,
 * its syscall_table.c and fillers) writes for the same syscall.
 *
 * Older versions (parameters checked type by type against the 0.29.3 entries, which
 * are entries 0..335 of scap_evt_table; test/unit/abi/test_event_compat.c asserts it):
 *   dup, dup2, dup3      -> dup:       enter fd; exit res (oldfd, newfd, flags dropped)
 *   pipe2                -> pipe:      exit res, fd1, fd2, ino (flags dropped)
 *   eventfd2             -> eventfd:   enter initval, flags 0; exit res
 *   signalfd4            -> signalfd:  enter fd, mask, flags 0; exit res
 *   inotify_init1        -> inotify_init: enter flags 0; exit res
 *   umount2, umount      -> umount:    enter flags (0 for umount); exit res, name
 *   accept4              -> accept4 version 5: the same parameters
 *   bpf                  -> bpf version 1: enter cmd; exit res_or_fd (see the kind)
 * ("flags 0": that driver leaves these flags unfilled, 0, for both syscalls of a pair.)
 * Every other syscall event of a newer type is written as the generic event, as that
 * driver writes the syscalls it has no event for; its ID is the syscall's code when
 * 0.29.3 has it, else SCAP_SC_UNKNOWN (0.29.3 aborts printing a code it does not know:
 * the drivers' own rule for generic events, see scapdrv_sc_event_code()).
 */
#include <asm/unistd.h>

#include "event_table_compat.h"

/* Syscalls that some architectures lack (the asm-generic ones have no legacy calls). */
#ifdef __NR_chown
#define NR_CHOWN __NR_chown
#define NR_LCHOWN __NR_lchown
#else
#define NR_CHOWN 0
#define NR_LCHOWN 0
#endif
#ifdef __NR_mknod
#define NR_MKNOD __NR_mknod
#else
#define NR_MKNOD 0
#endif
#ifdef __NR_epoll_create
#define NR_EPOLL_CREATE __NR_epoll_create
#else
#define NR_EPOLL_CREATE 0
#endif
#ifdef __NR_newfstatat
#define NR_NEWFSTATAT __NR_newfstatat
#else
#define NR_NEWFSTATAT 0
#endif

#define SC_0293(code) ((code) <= SCAP_SC_CLONE3 ? (code) : SCAP_SC_UNKNOWN)

/* Enter and exit of event pair @evt as the older pair @old, parameters by index. */
#define PAIR(evt, old, src_e, src_x) \
	[SCAP_EVT_##evt##_E] = { .kind = SCAP_COMPAT_PARAMS, .to = SCAP_EVT_##old##_E, \
				 .src = { SCAP_COMPAT_UNPAREN src_e } }, \
	[SCAP_EVT_##evt##_X] = { .kind = SCAP_COMPAT_PARAMS, .to = SCAP_EVT_##old##_X, \
				 .src = { SCAP_COMPAT_UNPAREN src_x } }
#define SCAP_COMPAT_UNPAREN(...) __VA_ARGS__

/* Enter and exit of event pair @evt as generic events of syscall @code, number @nr. */
#define GENERIC(evt, code, nr) \
	[SCAP_EVT_##evt##_E] = { .kind = SCAP_COMPAT_GENERIC, .to = SCAP_EVT_GENERIC_E, \
				 .sc = SC_0293(SCAP_SC_##code), .native = (nr) }, \
	[SCAP_EVT_##evt##_X] = { .kind = SCAP_COMPAT_GENERIC, .to = SCAP_EVT_GENERIC_X, \
				 .sc = SC_0293(SCAP_SC_##code), .native = (nr) }

const struct scap_evt_compat scap_evt_compat_0293[SCAP_EVT_MAX] = {
	/* older versions */
	PAIR(SYSCALL_DUP_1, SYSCALL_DUP, (0), (0)),
	PAIR(SYSCALL_DUP2, SYSCALL_DUP, (0), (0)),
	PAIR(SYSCALL_DUP3, SYSCALL_DUP, (0), (0)),
	PAIR(SYSCALL_PIPE2, SYSCALL_PIPE, (0) /* pipe's enter has none */, (0, 1, 2, 3)),
	PAIR(SYSCALL_EVENTFD2, SYSCALL_EVENTFD, (0, SCAP_COMPAT_ZEROS(4)), (0)),
	PAIR(SYSCALL_SIGNALFD4, SYSCALL_SIGNALFD, (0, 1, SCAP_COMPAT_ZEROS(1)), (0)),
	PAIR(SYSCALL_INOTIFY_INIT1, SYSCALL_INOTIFY_INIT, (SCAP_COMPAT_ZEROS(1)), (0)),
	PAIR(SYSCALL_UMOUNT2, SYSCALL_UMOUNT, (0), (0, 1)),
	PAIR(SYSCALL_UMOUNT_1, SYSCALL_UMOUNT, (SCAP_COMPAT_ZEROS(4)), (0, 1)),
	PAIR(SOCKET_ACCEPT4_6, SOCKET_ACCEPT4_5, (0), (0, 1, 2, 3, 4)),
	[SCAP_EVT_SYSCALL_BPF_2_E] = { .kind = SCAP_COMPAT_PARAMS, .to = SCAP_EVT_SYSCALL_BPF_E,
				       .src = { 0 } },
	[SCAP_EVT_SYSCALL_BPF_2_X] = { .kind = SCAP_COMPAT_BPF_RES_OR_FD,
				       .to = SCAP_EVT_SYSCALL_BPF_X },
	/* generic */
	GENERIC(SYSCALL_OPEN_BY_HANDLE_AT, OPEN_BY_HANDLE_AT, __NR_open_by_handle_at),
	GENERIC(SYSCALL_IO_URING_SETUP, IO_URING_SETUP, __NR_io_uring_setup),
	GENERIC(SYSCALL_IO_URING_ENTER, IO_URING_ENTER, __NR_io_uring_enter),
	GENERIC(SYSCALL_IO_URING_REGISTER, IO_URING_REGISTER, __NR_io_uring_register),
	GENERIC(SYSCALL_MLOCK, MLOCK, __NR_mlock),
	GENERIC(SYSCALL_MUNLOCK, MUNLOCK, __NR_munlock),
	GENERIC(SYSCALL_MLOCKALL, MLOCKALL, __NR_mlockall),
	GENERIC(SYSCALL_MUNLOCKALL, MUNLOCKALL, __NR_munlockall),
	GENERIC(SYSCALL_CAPSET, CAPSET, __NR_capset),
	GENERIC(SYSCALL_MLOCK2, MLOCK2, __NR_mlock2),
	GENERIC(SYSCALL_FSCONFIG, FSCONFIG, __NR_fsconfig),
	GENERIC(SYSCALL_EPOLL_CREATE, EPOLL_CREATE, NR_EPOLL_CREATE),
	GENERIC(SYSCALL_EPOLL_CREATE1, EPOLL_CREATE1, __NR_epoll_create1),
	GENERIC(SYSCALL_CHOWN, CHOWN, NR_CHOWN),
	GENERIC(SYSCALL_LCHOWN, LCHOWN, NR_LCHOWN),
	GENERIC(SYSCALL_FCHOWN, FCHOWN, __NR_fchown),
	GENERIC(SYSCALL_FCHOWNAT, FCHOWNAT, __NR_fchownat),
	GENERIC(SYSCALL_PRCTL, PRCTL, __NR_prctl),
	GENERIC(SYSCALL_MEMFD_CREATE, MEMFD_CREATE, __NR_memfd_create),
	GENERIC(SYSCALL_PIDFD_GETFD, PIDFD_GETFD, __NR_pidfd_getfd),
	GENERIC(SYSCALL_PIDFD_OPEN, PIDFD_OPEN, __NR_pidfd_open),
	GENERIC(SYSCALL_INIT_MODULE, INIT_MODULE, __NR_init_module),
	GENERIC(SYSCALL_FINIT_MODULE, FINIT_MODULE, __NR_finit_module),
	GENERIC(SYSCALL_MKNOD, MKNOD, NR_MKNOD),
	GENERIC(SYSCALL_MKNODAT, MKNODAT, __NR_mknodat),
	GENERIC(SYSCALL_NEWFSTATAT, NEWFSTATAT, NR_NEWFSTATAT),
	GENERIC(SYSCALL_PROCESS_VM_READV, PROCESS_VM_READV, __NR_process_vm_readv),
	GENERIC(SYSCALL_PROCESS_VM_WRITEV, PROCESS_VM_WRITEV, __NR_process_vm_writev),
	GENERIC(SYSCALL_DELETE_MODULE, DELETE_MODULE, __NR_delete_module),
};

_Static_assert(SCAP_EVT_SYSCALL_CLONE3_X == SCAP_EVT_MAX_0293 - 1,
	       "0.29.3's table ends with clone3");

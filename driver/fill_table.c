// SPDX-License-Identifier: GPL-2.0 OR MIT
/*
 * fill_table.c - the filler of each event type the driver produces, indexed by enum
 * scap_evt_type, and what exit events append in exit-only mode. A syscall's enter event
 * comes from syscall_map.c; its exit event is the next number. Types absent here are
 * never written.
 */
#include <linux/string.h>

#include "scry.h"

#define PAIR(ev, enter, exit) \
	[SCAP_EVT_##ev##_E] = scapdrv_fill_##enter, [SCAP_EVT_##ev##_X] = scapdrv_fill_##exit

const scapdrv_filler_fn scapdrv_fillers[SCAP_EVT_MAX] = {
	PAIR(GENERIC, generic_e, generic_x),
	/* files */
	PAIR(SYSCALL_OPEN, open_e, open_x),
	PAIR(SYSCALL_OPENAT_2, openat_e, openat_x),
	PAIR(SYSCALL_OPENAT2, openat2_e, openat2_x),
	PAIR(SYSCALL_CREAT, open_e, open_x),
	PAIR(SYSCALL_CLOSE, fd_e, res_x),
	PAIR(SYSCALL_READ, fd_size_e, rw_x),
	PAIR(SYSCALL_WRITE, fd_size_e, rw_x),
	PAIR(SYSCALL_PREAD, fd_size_pos_e, rw_x),
	PAIR(SYSCALL_PWRITE, fd_size_pos_e, rw_x),
	PAIR(SYSCALL_READV, fd_e, readv_x),
	PAIR(SYSCALL_WRITEV, writev_e, writev_x),
	PAIR(SYSCALL_PREADV, preadv_e, readv_x),
	PAIR(SYSCALL_PWRITEV, pwritev_e, writev_x),
	PAIR(SYSCALL_SENDFILE, sendfile_e, sendfile_x),
	PAIR(SYSCALL_PIPE, none, pipe_x),
	PAIR(SYSCALL_PIPE2, none, pipe2_x),
	PAIR(SYSCALL_DUP_1, fd_e, dup_x),
	PAIR(SYSCALL_DUP2, fd_e, dup2_x),
	PAIR(SYSCALL_DUP3, fd_e, dup3_x),
	PAIR(SYSCALL_FCNTL, fcntl_e, res_x),
	PAIR(SYSCALL_IOCTL_3, ioctl_e, res_x),
	PAIR(SYSCALL_CHDIR, none, path_x),
	PAIR(SYSCALL_FCHDIR, fd_e, res_x),
	PAIR(SYSCALL_MKDIR_2, mkdir_e, path_x),
	PAIR(SYSCALL_MKDIRAT, none, mkdirat_x),
	PAIR(SYSCALL_RMDIR_2, none, path_x),
	PAIR(SYSCALL_UNLINK_2, none, path_x),
	PAIR(SYSCALL_UNLINKAT_2, none, unlinkat_x),
	PAIR(SYSCALL_RENAME, none, path2_x),
	PAIR(SYSCALL_RENAMEAT, none, renameat_x),
	PAIR(SYSCALL_RENAMEAT2, none, renameat2_x),
	PAIR(SYSCALL_SYMLINK, none, path2_x),
	PAIR(SYSCALL_SYMLINKAT, none, symlinkat_x),
	PAIR(SYSCALL_LINK_2, none, path2_x),
	PAIR(SYSCALL_LINKAT_2, none, linkat_x),
	PAIR(SYSCALL_CHMOD, none, chmod_x),
	PAIR(SYSCALL_FCHMOD, none, fchmod_x),
	PAIR(SYSCALL_FCHMODAT, none, fchmodat_x),
	PAIR(SYSCALL_CHOWN, none, chown_x),
	PAIR(SYSCALL_LCHOWN, none, chown_x),
	PAIR(SYSCALL_FCHOWN, none, chown_x),
	PAIR(SYSCALL_FCHOWNAT, none, fchownat_x),
	PAIR(SYSCALL_MOUNT, mount_e, mount_x),
	PAIR(SYSCALL_UMOUNT2, umount2_e, path_x),
	PAIR(SYSCALL_CHROOT, none, path_x),
	PAIR(SYSCALL_EVENTFD, eventfd_e, res_x),
	PAIR(SYSCALL_EVENTFD2, eventfd2_e, fdflags_x),
	PAIR(SYSCALL_SIGNALFD, signalfd_e, res_x),
	PAIR(SYSCALL_SIGNALFD4, signalfd4_e, fdflags_x),
	PAIR(SYSCALL_TIMERFD_CREATE, timerfd_create_e, res_x),
	PAIR(SYSCALL_INOTIFY_INIT, inotify_init_e, res_x),
	PAIR(SYSCALL_INOTIFY_INIT1, none, fdflags0_x),
	PAIR(SYSCALL_USERFAULTFD, none, fdflags0_x),
	PAIR(SYSCALL_MEMFD_CREATE, none, memfd_create_x),
	PAIR(SYSCALL_IO_URING_SETUP, none, io_uring_setup_x),
	/* network */
	PAIR(SOCKET_SOCKET, socket_e, socket_x),
	PAIR(SOCKET_SOCKETPAIR, socket_e, socketpair_x),
	PAIR(SOCKET_BIND, fd_e, bind_x),
	PAIR(SOCKET_CONNECT, connect_e, connect_x),
	PAIR(SOCKET_LISTEN, listen_e, res_x),
	PAIR(SOCKET_ACCEPT_5, none, accept_x),
	PAIR(SOCKET_ACCEPT4_6, accept4_e, accept_x),
	PAIR(SOCKET_SENDTO, sendto_e, rw_x),
	PAIR(SOCKET_RECVFROM, fd_size_e, recvfrom_x),
	PAIR(SOCKET_SENDMSG, sendmsg_e, sendmsg_x),
	PAIR(SOCKET_RECVMSG, fd_e, recvmsg_x),
	PAIR(SOCKET_SHUTDOWN, shutdown_e, res_x),
	/* processes */
	PAIR(SYSCALL_EXECVE_19, execve_e, execve_x),
	PAIR(SYSCALL_EXECVEAT, execveat_e, execve_x),
	PAIR(SYSCALL_CLONE_20, none, clone_x),
	PAIR(SYSCALL_CLONE3, none, clone_x),
	PAIR(SYSCALL_FORK_20, none, clone_x),
	PAIR(SYSCALL_VFORK_20, none, clone_x),
	PAIR(SYSCALL_KILL, kill_e, res_x),
	PAIR(SYSCALL_TKILL, kill_e, res_x),
	PAIR(SYSCALL_TGKILL, tgkill_e, res_x),
	PAIR(SYSCALL_SETUID, id_e, res_x),
	PAIR(SYSCALL_SETGID, id_e, res_x),
	PAIR(SYSCALL_SETRESUID, id3_e, res_x),
	PAIR(SYSCALL_SETRESGID, id3_e, res_x),
	PAIR(SYSCALL_PTRACE, ptrace_e, ptrace_x),
	PAIR(SYSCALL_UNSHARE, unshare_e, res_x),
	PAIR(SYSCALL_SETNS, setns_e, res_x),
	PAIR(SYSCALL_PRCTL, none, prctl_x),
	PAIR(SYSCALL_CAPSET, none, capset_x),
	PAIR(SYSCALL_BPF_2, bpf_e, bpf_x),
	PAIR(SYSCALL_INIT_MODULE, none, init_module_x),
	PAIR(SYSCALL_FINIT_MODULE, none, finit_module_x),
	/* memory */
	PAIR(SYSCALL_MMAP, mmap_e, mem_x),
	PAIR(SYSCALL_MUNMAP, munmap_e, mem_x),
	PAIR(SYSCALL_MPROTECT, mprotect_e, res_x),
	PAIR(SYSCALL_BRK_4, brk_e, mem_x),
};

/*
 * Exit-only mode: an exit event appends its enter event's parameters unless it already
 * has a parameter of each of their names (open, openat, creat, execve's process
 * description and the like carry their arguments on exit already).
 */
u16 scapdrv_exit_extra_nparams(u16 exit_type)
{
	const struct scap_evt_info *x = &scap_evt_table[exit_type];
	const struct scap_evt_info *n = &scap_evt_table[exit_type - 1];
	u32 i, j;

	for (i = 0; i < n->nparams; i++) {
		for (j = 0; j < x->nparams; j++)
			if (!strcmp(n->params[i].name, x->params[j].name))
				break;
		if (j == x->nparams)
			return n->nparams;
	}
	return 0;
}

scapdrv_filler_fn scapdrv_exit_extra_filler(u16 exit_type)
{
	switch (exit_type) {
	case SCAP_EVT_SYSCALL_EXECVE_19_X:
		return scapdrv_fill_execve_extra;
	case SCAP_EVT_SYSCALL_EXECVEAT_X:
		return scapdrv_fill_execveat_extra;
	default:
		return scapdrv_fillers[exit_type - 1];
	}
}

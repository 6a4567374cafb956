/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * fill/table.h - the filler of each syscall event pair the drivers produce, one list
 * for the kernel module (driver/fill_table.c: function pointers) and the eBPF probe
 * (driver/bpf/probe.bpf.c: the tail-call program array). A syscall's enter event comes
 * from the syscall map; its exit event is the next number. Types absent here are never
 * written.
 *
 * SCAPDRV_FILL_PAIRS(P) expands P(EVT, enter, exit) for each pair: events
 * SCAP_EVT_<EVT>_E and SCAP_EVT_<EVT>_X are filled by scapdrv_fill_<enter>() and
 * scapdrv_fill_<exit>().
 */
#ifndef SCAPDRV_FILL_TABLE_H
#define SCAPDRV_FILL_TABLE_H

#define SCAPDRV_FILL_PAIRS(P) \
	P(GENERIC, generic_e, generic_x) \
	/* files */ \
	P(SYSCALL_OPEN, open_e, open_x) \
	P(SYSCALL_OPENAT_2, openat_e, openat_x) \
	P(SYSCALL_OPENAT2, openat2_e, openat2_x) \
	P(SYSCALL_CREAT, open_e, open_x) \
	P(SYSCALL_CLOSE, fd_e, res_x) \
	P(SYSCALL_READ, fd_size_e, rw_x) \
	P(SYSCALL_WRITE, fd_size_e, rw_x) \
	P(SYSCALL_PREAD, fd_size_pos_e, rw_x) \
	P(SYSCALL_PWRITE, fd_size_pos_e, rw_x) \
	P(SYSCALL_READV, fd_e, readv_x) \
	P(SYSCALL_WRITEV, writev_e, writev_x) \
	P(SYSCALL_PREADV, preadv_e, readv_x) \
	P(SYSCALL_PWRITEV, pwritev_e, writev_x) \
	P(SYSCALL_SENDFILE, sendfile_e, sendfile_x) \
	P(SYSCALL_PIPE, none, pipe_x) \
	P(SYSCALL_PIPE2, none, pipe2_x) \
	P(SYSCALL_DUP_1, fd_e, dup_x) \
	P(SYSCALL_DUP2, fd_e, dup2_x) \
	P(SYSCALL_DUP3, fd_e, dup3_x) \
	P(SYSCALL_FCNTL, fcntl_e, res_x) \
	P(SYSCALL_IOCTL_3, ioctl_e, res_x) \
	P(SYSCALL_CHDIR, none, path_x) \
	P(SYSCALL_FCHDIR, fd_e, res_x) \
	P(SYSCALL_MKDIR_2, mkdir_e, path_x) \
	P(SYSCALL_MKDIRAT, none, mkdirat_x) \
	P(SYSCALL_RMDIR_2, none, path_x) \
	P(SYSCALL_UNLINK_2, none, path_x) \
	P(SYSCALL_UNLINKAT_2, none, unlinkat_x) \
	P(SYSCALL_RENAME, none, path2_x) \
	P(SYSCALL_RENAMEAT, none, renameat_x) \
	P(SYSCALL_RENAMEAT2, none, renameat2_x) \
	P(SYSCALL_SYMLINK, none, path2_x) \
	P(SYSCALL_SYMLINKAT, none, symlinkat_x) \
	P(SYSCALL_LINK_2, none, path2_x) \
	P(SYSCALL_LINKAT_2, none, linkat_x) \
	P(SYSCALL_CHMOD, none, chmod_x) \
	P(SYSCALL_FCHMOD, none, fchmod_x) \
	P(SYSCALL_FCHMODAT, none, fchmodat_x) \
	P(SYSCALL_CHOWN, none, chown_x) \
	P(SYSCALL_LCHOWN, none, chown_x) \
	P(SYSCALL_FCHOWN, none, chown_x) \
	P(SYSCALL_FCHOWNAT, none, fchownat_x) \
	P(SYSCALL_MOUNT, mount_e, mount_x) \
	P(SYSCALL_UMOUNT2, umount2_e, path_x) \
	P(SYSCALL_CHROOT, none, path_x) \
	P(SYSCALL_EVENTFD, eventfd_e, res_x) \
	P(SYSCALL_EVENTFD2, eventfd2_e, fdflags_x) \
	P(SYSCALL_SIGNALFD, signalfd_e, res_x) \
	P(SYSCALL_SIGNALFD4, signalfd4_e, fdflags_x) \
	P(SYSCALL_TIMERFD_CREATE, timerfd_create_e, res_x) \
	P(SYSCALL_INOTIFY_INIT, inotify_init_e, res_x) \
	P(SYSCALL_INOTIFY_INIT1, none, fdflags0_x) \
	P(SYSCALL_USERFAULTFD, none, fdflags0_x) \
	P(SYSCALL_MEMFD_CREATE, none, memfd_create_x) \
	P(SYSCALL_IO_URING_SETUP, none, io_uring_setup_x) \
	P(SYSCALL_IO_URING_ENTER, none, io_uring_enter_x) \
	P(SYSCALL_IO_URING_REGISTER, none, io_uring_register_x) \
	P(SYSCALL_OPEN_BY_HANDLE_AT, none, open_by_handle_at_x) \
	P(SYSCALL_FSCONFIG, none, fsconfig_x) \
	P(SYSCALL_QUOTACTL, quotactl_e, quotactl_x) \
	P(SYSCALL_STAT, none, path_x) \
	P(SYSCALL_LSTAT, none, path_x) \
	P(SYSCALL_FSTAT, fd_e, res_x) \
	P(SYSCALL_ACCESS, access_e, path_x) \
	P(SYSCALL_GETCWD, none, getcwd_x) \
	P(SYSCALL_GETDENTS, fd_e, res_x) \
	P(SYSCALL_GETDENTS64, fd_e, res_x) \
	P(SYSCALL_LSEEK, lseek_e, res_x) \
	P(SYSCALL_FLOCK, flock_e, res_x) \
	P(SYSCALL_SPLICE, splice_e, res_x) \
	P(SYSCALL_COPY_FILE_RANGE, copy_file_range_e, copy_file_range_x) \
	P(SYSCALL_NEWFSTATAT, none, newfstatat_x) \
	P(SYSCALL_MKNOD, none, mknod_x) \
	P(SYSCALL_MKNODAT, none, mknod_x) \
	/* waiting */ \
	P(SYSCALL_FUTEX, futex_e, res_x) \
	P(SYSCALL_NANOSLEEP, nanosleep_e, res_x) \
	P(SYSCALL_POLL, poll, poll) \
	P(SYSCALL_PPOLL, poll, poll) \
	P(SYSCALL_SELECT, none, res_x) \
	P(SYSCALL_EPOLLWAIT, epoll_wait_e, res_x) \
	P(SYSCALL_EPOLL_CREATE, epoll_create_e, res_x) \
	P(SYSCALL_EPOLL_CREATE1, epoll_create_e, res_x) \
	/* network */ \
	P(SOCKET_SOCKET, socket_e, socket_x) \
	P(SOCKET_SOCKETPAIR, socket_e, socketpair_x) \
	P(SOCKET_BIND, fd_e, bind_x) \
	P(SOCKET_CONNECT, connect_e, connect_x) \
	P(SOCKET_LISTEN, listen_e, res_x) \
	P(SOCKET_ACCEPT_5, none, accept_x) \
	P(SOCKET_ACCEPT4_6, accept4_e, accept_x) \
	P(SOCKET_SENDTO, sendto_e, rw_x) \
	P(SOCKET_RECVFROM, fd_size_e, recvfrom_x) \
	P(SOCKET_SENDMSG, sendmsg_e, sendmsg_x) \
	P(SOCKET_RECVMSG, fd_e, recvmsg_x) \
	P(SOCKET_SHUTDOWN, shutdown_e, res_x) \
	P(SOCKET_SETSOCKOPT, none, sockopt_x) \
	P(SOCKET_GETSOCKOPT, none, sockopt_x) \
	P(SOCKET_GETSOCKNAME, none, none) \
	P(SOCKET_GETPEERNAME, none, none) \
	P(SOCKET_SENDMMSG, none, none) \
	P(SOCKET_RECVMMSG, none, none) \
	/* processes */ \
	P(SYSCALL_EXECVE_19, execve_e, execve_x) \
	P(SYSCALL_EXECVEAT, execveat_e, execve_x) \
	P(SYSCALL_CLONE_20, none, clone_x) \
	P(SYSCALL_CLONE3, none, clone_x) \
	P(SYSCALL_FORK_20, none, clone_x) \
	P(SYSCALL_VFORK_20, none, clone_x) \
	P(SYSCALL_KILL, kill_e, res_x) \
	P(SYSCALL_TKILL, kill_e, res_x) \
	P(SYSCALL_TGKILL, tgkill_e, res_x) \
	P(SYSCALL_SETUID, id_e, res_x) \
	P(SYSCALL_SETGID, id_e, res_x) \
	P(SYSCALL_SETRESUID, id3_e, res_x) \
	P(SYSCALL_SETRESGID, id3_e, res_x) \
	P(SYSCALL_PTRACE, ptrace_e, ptrace_x) \
	P(SYSCALL_UNSHARE, unshare_e, res_x) \
	P(SYSCALL_SETNS, setns_e, res_x) \
	P(SYSCALL_PRCTL, none, prctl_x) \
	P(SYSCALL_CAPSET, none, capset_x) \
	P(SYSCALL_BPF_2, bpf_e, bpf_x) \
	P(SYSCALL_INIT_MODULE, none, init_module_x) \
	P(SYSCALL_FINIT_MODULE, none, finit_module_x) \
	P(SYSCALL_GETRLIMIT, rlimit_e, rlimit_x) \
	P(SYSCALL_SETRLIMIT, rlimit_e, rlimit_x) \
	P(SYSCALL_PRLIMIT, prlimit_e, prlimit_x) \
	P(SYSCALL_GETUID, none, getid_x) \
	P(SYSCALL_GETEUID, none, getid_x) \
	P(SYSCALL_GETGID, none, getid_x) \
	P(SYSCALL_GETEGID, none, getid_x) \
	P(SYSCALL_GETRESUID, none, getresid_x) \
	P(SYSCALL_GETRESGID, none, getresid_x) \
	P(SYSCALL_SETSID, none, res_x) \
	P(SYSCALL_SETPGID, setpgid_e, res_x) \
	P(SYSCALL_SECCOMP, seccomp_e, res_x) \
	P(SYSCALL_SEMGET, semget_e, res_x) \
	P(SYSCALL_SEMCTL, semctl_e, res_x) \
	P(SYSCALL_SEMOP, semop_e, semop_x) \
	P(SYSCALL_PIDFD_OPEN, none, pidfd_open_x) \
	P(SYSCALL_PIDFD_GETFD, none, pidfd_getfd_x) \
	P(SYSCALL_DELETE_MODULE, none, delete_module_x) \
	P(SYSCALL_PROCESS_VM_READV, none, process_vm_x) \
	P(SYSCALL_PROCESS_VM_WRITEV, none, process_vm_x) \
	/* memory */ \
	P(SYSCALL_MMAP, mmap_e, mem_x) \
	P(SYSCALL_MUNMAP, munmap_e, mem_x) \
	P(SYSCALL_MPROTECT, mprotect_e, res_x) \
	P(SYSCALL_BRK_4, brk_e, mem_x) \
	P(SYSCALL_MLOCK, none, mlock_x) \
	P(SYSCALL_MUNLOCK, none, mlock_x) \
	P(SYSCALL_MLOCK2, none, mlock_x) \
	P(SYSCALL_MLOCKALL, none, mlockall_x) \
	P(SYSCALL_MUNLOCKALL, none, res_x)

#ifndef SCAPDRV_BPF
/*
 * Exit-only mode: how many parameters exit event @x appends, its enter event @n's
 * parameters unless @x already has a parameter of each of their names (open, openat,
 * creat, execve's process description and the like carry their arguments on exit
 * already). Computed at load: by the module (fill_table.c) and, for the eBPF probe,
 * by libscap's bpf engine.
 */
static inline __u16 scapdrv_exit_extra_count(const struct scap_evt_info *x,
					     const struct scap_evt_info *n)
{
	__u32 i, j;

	for (i = 0; i < n->nparams; i++) {
		for (j = 0; j < x->nparams; j++)
			if (!strcmp(n->params[i].name, x->params[j].name))
				break;
		if (j == x->nparams)
			return n->nparams;
	}
	return 0;
}
#endif

#endif /* SCAPDRV_FILL_TABLE_H */

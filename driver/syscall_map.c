// SPDX-License-Identifier: GPL-2.0 OR MIT
/*
 * syscall_map.c - native (x86_64) syscall numbers to scap syscall codes and to the enter
 * event that describes them.
 *
 * The code table pairs each __NR_<name> of the kernel headers with SCAP_SC_<NAME> of the
 * schema (made once from arch/x86/include/generated/uapi/asm/unistd_64.h of Debian 12's
 * headers; a syscall absent from the headers being built against is left out by its
 * #ifdef). Syscalls without a dedicated event produce the generic event, carrying the
 * code; the event table lists those that have one (exit type = enter type + 1).
 */
#include <asm/unistd.h>

/*
 * The eBPF probe includes this file for the two tables only (driver/bpf/probe.bpf.c),
 * as its own static sc_codes[] and sc_enter_evts[]. In the module they are
 * scapdrv_sc_codes[] and scapdrv_sc_enter_evts[], read by the inline lookups of scry.h.
 */
#ifdef SCAPDRV_SC_TABLES_ONLY
#define SC_TABLE(name) static const u16 name[SCAPDRV_NR_MAX]
#else
#include "scry.h"
#define SC_TABLE(name) const u16 scapdrv_##name[SCAPDRV_NR_MAX]
#endif

SC_TABLE(sc_codes) = {
#ifdef __NR_read
	[__NR_read] = SCAP_SC_READ,
#endif
#ifdef __NR_write
	[__NR_write] = SCAP_SC_WRITE,
#endif
#ifdef __NR_open
	[__NR_open] = SCAP_SC_OPEN,
#endif
#ifdef __NR_close
	[__NR_close] = SCAP_SC_CLOSE,
#endif
#ifdef __NR_stat
	[__NR_stat] = SCAP_SC_STAT,
#endif
#ifdef __NR_fstat
	[__NR_fstat] = SCAP_SC_FSTAT,
#endif
#ifdef __NR_lstat
	[__NR_lstat] = SCAP_SC_LSTAT,
#endif
#ifdef __NR_poll
	[__NR_poll] = SCAP_SC_POLL,
#endif
#ifdef __NR_lseek
	[__NR_lseek] = SCAP_SC_LSEEK,
#endif
#ifdef __NR_mmap
	[__NR_mmap] = SCAP_SC_MMAP,
#endif
#ifdef __NR_mprotect
	[__NR_mprotect] = SCAP_SC_MPROTECT,
#endif
#ifdef __NR_munmap
	[__NR_munmap] = SCAP_SC_MUNMAP,
#endif
#ifdef __NR_brk
	[__NR_brk] = SCAP_SC_BRK,
#endif
#ifdef __NR_rt_sigaction
	[__NR_rt_sigaction] = SCAP_SC_RT_SIGACTION,
#endif
#ifdef __NR_rt_sigprocmask
	[__NR_rt_sigprocmask] = SCAP_SC_RT_SIGPROCMASK,
#endif
#ifdef __NR_rt_sigreturn
	[__NR_rt_sigreturn] = SCAP_SC_RT_SIGRETURN,
#endif
#ifdef __NR_ioctl
	[__NR_ioctl] = SCAP_SC_IOCTL,
#endif
#ifdef __NR_pread64
	[__NR_pread64] = SCAP_SC_PREAD64,
#endif
#ifdef __NR_pwrite64
	[__NR_pwrite64] = SCAP_SC_PWRITE64,
#endif
#ifdef __NR_readv
	[__NR_readv] = SCAP_SC_READV,
#endif
#ifdef __NR_writev
	[__NR_writev] = SCAP_SC_WRITEV,
#endif
#ifdef __NR_access
	[__NR_access] = SCAP_SC_ACCESS,
#endif
#ifdef __NR_pipe
	[__NR_pipe] = SCAP_SC_PIPE,
#endif
#ifdef __NR_select
	[__NR_select] = SCAP_SC_SELECT,
#endif
#ifdef __NR_sched_yield
	[__NR_sched_yield] = SCAP_SC_SCHED_YIELD,
#endif
#ifdef __NR_mremap
	[__NR_mremap] = SCAP_SC_MREMAP,
#endif
#ifdef __NR_msync
	[__NR_msync] = SCAP_SC_MSYNC,
#endif
#ifdef __NR_mincore
	[__NR_mincore] = SCAP_SC_MINCORE,
#endif
#ifdef __NR_madvise
	[__NR_madvise] = SCAP_SC_MADVISE,
#endif
#ifdef __NR_shmget
	[__NR_shmget] = SCAP_SC_SHMGET,
#endif
#ifdef __NR_shmat
	[__NR_shmat] = SCAP_SC_SHMAT,
#endif
#ifdef __NR_shmctl
	[__NR_shmctl] = SCAP_SC_SHMCTL,
#endif
#ifdef __NR_dup
	[__NR_dup] = SCAP_SC_DUP,
#endif
#ifdef __NR_dup2
	[__NR_dup2] = SCAP_SC_DUP2,
#endif
#ifdef __NR_pause
	[__NR_pause] = SCAP_SC_PAUSE,
#endif
#ifdef __NR_nanosleep
	[__NR_nanosleep] = SCAP_SC_NANOSLEEP,
#endif
#ifdef __NR_getitimer
	[__NR_getitimer] = SCAP_SC_GETITIMER,
#endif
#ifdef __NR_alarm
	[__NR_alarm] = SCAP_SC_ALARM,
#endif
#ifdef __NR_setitimer
	[__NR_setitimer] = SCAP_SC_SETITIMER,
#endif
#ifdef __NR_getpid
	[__NR_getpid] = SCAP_SC_GETPID,
#endif
#ifdef __NR_sendfile
	[__NR_sendfile] = SCAP_SC_SENDFILE,
#endif
#ifdef __NR_socket
	[__NR_socket] = SCAP_SC_SOCKET,
#endif
#ifdef __NR_connect
	[__NR_connect] = SCAP_SC_CONNECT,
#endif
#ifdef __NR_accept
	[__NR_accept] = SCAP_SC_ACCEPT,
#endif
#ifdef __NR_sendto
	[__NR_sendto] = SCAP_SC_SENDTO,
#endif
#ifdef __NR_recvfrom
	[__NR_recvfrom] = SCAP_SC_RECVFROM,
#endif
#ifdef __NR_sendmsg
	[__NR_sendmsg] = SCAP_SC_SENDMSG,
#endif
#ifdef __NR_recvmsg
	[__NR_recvmsg] = SCAP_SC_RECVMSG,
#endif
#ifdef __NR_shutdown
	[__NR_shutdown] = SCAP_SC_SHUTDOWN,
#endif
#ifdef __NR_bind
	[__NR_bind] = SCAP_SC_BIND,
#endif
#ifdef __NR_listen
	[__NR_listen] = SCAP_SC_LISTEN,
#endif
#ifdef __NR_getsockname
	[__NR_getsockname] = SCAP_SC_GETSOCKNAME,
#endif
#ifdef __NR_getpeername
	[__NR_getpeername] = SCAP_SC_GETPEERNAME,
#endif
#ifdef __NR_socketpair
	[__NR_socketpair] = SCAP_SC_SOCKETPAIR,
#endif
#ifdef __NR_setsockopt
	[__NR_setsockopt] = SCAP_SC_SETSOCKOPT,
#endif
#ifdef __NR_getsockopt
	[__NR_getsockopt] = SCAP_SC_GETSOCKOPT,
#endif
#ifdef __NR_clone
	[__NR_clone] = SCAP_SC_CLONE,
#endif
#ifdef __NR_fork
	[__NR_fork] = SCAP_SC_FORK,
#endif
#ifdef __NR_vfork
	[__NR_vfork] = SCAP_SC_VFORK,
#endif
#ifdef __NR_execve
	[__NR_execve] = SCAP_SC_EXECVE,
#endif
#ifdef __NR_exit
	[__NR_exit] = SCAP_SC_EXIT,
#endif
#ifdef __NR_wait4
	[__NR_wait4] = SCAP_SC_WAIT4,
#endif
#ifdef __NR_kill
	[__NR_kill] = SCAP_SC_KILL,
#endif
#ifdef __NR_uname
	[__NR_uname] = SCAP_SC_UNAME,
#endif
#ifdef __NR_semget
	[__NR_semget] = SCAP_SC_SEMGET,
#endif
#ifdef __NR_semop
	[__NR_semop] = SCAP_SC_SEMOP,
#endif
#ifdef __NR_semctl
	[__NR_semctl] = SCAP_SC_SEMCTL,
#endif
#ifdef __NR_shmdt
	[__NR_shmdt] = SCAP_SC_SHMDT,
#endif
#ifdef __NR_msgget
	[__NR_msgget] = SCAP_SC_MSGGET,
#endif
#ifdef __NR_msgsnd
	[__NR_msgsnd] = SCAP_SC_MSGSND,
#endif
#ifdef __NR_msgrcv
	[__NR_msgrcv] = SCAP_SC_MSGRCV,
#endif
#ifdef __NR_msgctl
	[__NR_msgctl] = SCAP_SC_MSGCTL,
#endif
#ifdef __NR_fcntl
	[__NR_fcntl] = SCAP_SC_FCNTL,
#endif
#ifdef __NR_flock
	[__NR_flock] = SCAP_SC_FLOCK,
#endif
#ifdef __NR_fsync
	[__NR_fsync] = SCAP_SC_FSYNC,
#endif
#ifdef __NR_fdatasync
	[__NR_fdatasync] = SCAP_SC_FDATASYNC,
#endif
#ifdef __NR_truncate
	[__NR_truncate] = SCAP_SC_TRUNCATE,
#endif
#ifdef __NR_ftruncate
	[__NR_ftruncate] = SCAP_SC_FTRUNCATE,
#endif
#ifdef __NR_getdents
	[__NR_getdents] = SCAP_SC_GETDENTS,
#endif
#ifdef __NR_getcwd
	[__NR_getcwd] = SCAP_SC_GETCWD,
#endif
#ifdef __NR_chdir
	[__NR_chdir] = SCAP_SC_CHDIR,
#endif
#ifdef __NR_fchdir
	[__NR_fchdir] = SCAP_SC_FCHDIR,
#endif
#ifdef __NR_rename
	[__NR_rename] = SCAP_SC_RENAME,
#endif
#ifdef __NR_mkdir
	[__NR_mkdir] = SCAP_SC_MKDIR,
#endif
#ifdef __NR_rmdir
	[__NR_rmdir] = SCAP_SC_RMDIR,
#endif
#ifdef __NR_creat
	[__NR_creat] = SCAP_SC_CREAT,
#endif
#ifdef __NR_link
	[__NR_link] = SCAP_SC_LINK,
#endif
#ifdef __NR_unlink
	[__NR_unlink] = SCAP_SC_UNLINK,
#endif
#ifdef __NR_symlink
	[__NR_symlink] = SCAP_SC_SYMLINK,
#endif
#ifdef __NR_readlink
	[__NR_readlink] = SCAP_SC_READLINK,
#endif
#ifdef __NR_chmod
	[__NR_chmod] = SCAP_SC_CHMOD,
#endif
#ifdef __NR_fchmod
	[__NR_fchmod] = SCAP_SC_FCHMOD,
#endif
#ifdef __NR_chown
	[__NR_chown] = SCAP_SC_CHOWN,
#endif
#ifdef __NR_fchown
	[__NR_fchown] = SCAP_SC_FCHOWN,
#endif
#ifdef __NR_lchown
	[__NR_lchown] = SCAP_SC_LCHOWN,
#endif
#ifdef __NR_umask
	[__NR_umask] = SCAP_SC_UMASK,
#endif
#ifdef __NR_gettimeofday
	[__NR_gettimeofday] = SCAP_SC_GETTIMEOFDAY,
#endif
#ifdef __NR_getrlimit
	[__NR_getrlimit] = SCAP_SC_GETRLIMIT,
#endif
#ifdef __NR_getrusage
	[__NR_getrusage] = SCAP_SC_GETRUSAGE,
#endif
#ifdef __NR_sysinfo
	[__NR_sysinfo] = SCAP_SC_SYSINFO,
#endif
#ifdef __NR_times
	[__NR_times] = SCAP_SC_TIMES,
#endif
#ifdef __NR_ptrace
	[__NR_ptrace] = SCAP_SC_PTRACE,
#endif
#ifdef __NR_getuid
	[__NR_getuid] = SCAP_SC_GETUID,
#endif
#ifdef __NR_syslog
	[__NR_syslog] = SCAP_SC_SYSLOG,
#endif
#ifdef __NR_getgid
	[__NR_getgid] = SCAP_SC_GETGID,
#endif
#ifdef __NR_setuid
	[__NR_setuid] = SCAP_SC_SETUID,
#endif
#ifdef __NR_setgid
	[__NR_setgid] = SCAP_SC_SETGID,
#endif
#ifdef __NR_geteuid
	[__NR_geteuid] = SCAP_SC_GETEUID,
#endif
#ifdef __NR_getegid
	[__NR_getegid] = SCAP_SC_GETEGID,
#endif
#ifdef __NR_setpgid
	[__NR_setpgid] = SCAP_SC_SETPGID,
#endif
#ifdef __NR_getppid
	[__NR_getppid] = SCAP_SC_GETPPID,
#endif
#ifdef __NR_getpgrp
	[__NR_getpgrp] = SCAP_SC_GETPGRP,
#endif
#ifdef __NR_setsid
	[__NR_setsid] = SCAP_SC_SETSID,
#endif
#ifdef __NR_setreuid
	[__NR_setreuid] = SCAP_SC_SETREUID,
#endif
#ifdef __NR_setregid
	[__NR_setregid] = SCAP_SC_SETREGID,
#endif
#ifdef __NR_getgroups
	[__NR_getgroups] = SCAP_SC_GETGROUPS,
#endif
#ifdef __NR_setgroups
	[__NR_setgroups] = SCAP_SC_SETGROUPS,
#endif
#ifdef __NR_setresuid
	[__NR_setresuid] = SCAP_SC_SETRESUID,
#endif
#ifdef __NR_getresuid
	[__NR_getresuid] = SCAP_SC_GETRESUID,
#endif
#ifdef __NR_setresgid
	[__NR_setresgid] = SCAP_SC_SETRESGID,
#endif
#ifdef __NR_getresgid
	[__NR_getresgid] = SCAP_SC_GETRESGID,
#endif
#ifdef __NR_getpgid
	[__NR_getpgid] = SCAP_SC_GETPGID,
#endif
#ifdef __NR_setfsuid
	[__NR_setfsuid] = SCAP_SC_SETFSUID,
#endif
#ifdef __NR_setfsgid
	[__NR_setfsgid] = SCAP_SC_SETFSGID,
#endif
#ifdef __NR_getsid
	[__NR_getsid] = SCAP_SC_GETSID,
#endif
#ifdef __NR_capget
	[__NR_capget] = SCAP_SC_CAPGET,
#endif
#ifdef __NR_capset
	[__NR_capset] = SCAP_SC_CAPSET,
#endif
#ifdef __NR_rt_sigpending
	[__NR_rt_sigpending] = SCAP_SC_RT_SIGPENDING,
#endif
#ifdef __NR_rt_sigtimedwait
	[__NR_rt_sigtimedwait] = SCAP_SC_RT_SIGTIMEDWAIT,
#endif
#ifdef __NR_rt_sigqueueinfo
	[__NR_rt_sigqueueinfo] = SCAP_SC_RT_SIGQUEUEINFO,
#endif
#ifdef __NR_rt_sigsuspend
	[__NR_rt_sigsuspend] = SCAP_SC_RT_SIGSUSPEND,
#endif
#ifdef __NR_sigaltstack
	[__NR_sigaltstack] = SCAP_SC_SIGALTSTACK,
#endif
#ifdef __NR_utime
	[__NR_utime] = SCAP_SC_UTIME,
#endif
#ifdef __NR_mknod
	[__NR_mknod] = SCAP_SC_MKNOD,
#endif
#ifdef __NR_uselib
	[__NR_uselib] = SCAP_SC_USELIB,
#endif
#ifdef __NR_personality
	[__NR_personality] = SCAP_SC_PERSONALITY,
#endif
#ifdef __NR_ustat
	[__NR_ustat] = SCAP_SC_USTAT,
#endif
#ifdef __NR_statfs
	[__NR_statfs] = SCAP_SC_STATFS,
#endif
#ifdef __NR_fstatfs
	[__NR_fstatfs] = SCAP_SC_FSTATFS,
#endif
#ifdef __NR_sysfs
	[__NR_sysfs] = SCAP_SC_SYSFS,
#endif
#ifdef __NR_getpriority
	[__NR_getpriority] = SCAP_SC_GETPRIORITY,
#endif
#ifdef __NR_setpriority
	[__NR_setpriority] = SCAP_SC_SETPRIORITY,
#endif
#ifdef __NR_sched_setparam
	[__NR_sched_setparam] = SCAP_SC_SCHED_SETPARAM,
#endif
#ifdef __NR_sched_getparam
	[__NR_sched_getparam] = SCAP_SC_SCHED_GETPARAM,
#endif
#ifdef __NR_sched_setscheduler
	[__NR_sched_setscheduler] = SCAP_SC_SCHED_SETSCHEDULER,
#endif
#ifdef __NR_sched_getscheduler
	[__NR_sched_getscheduler] = SCAP_SC_SCHED_GETSCHEDULER,
#endif
#ifdef __NR_sched_get_priority_max
	[__NR_sched_get_priority_max] = SCAP_SC_SCHED_GET_PRIORITY_MAX,
#endif
#ifdef __NR_sched_get_priority_min
	[__NR_sched_get_priority_min] = SCAP_SC_SCHED_GET_PRIORITY_MIN,
#endif
#ifdef __NR_sched_rr_get_interval
	[__NR_sched_rr_get_interval] = SCAP_SC_SCHED_RR_GET_INTERVAL,
#endif
#ifdef __NR_mlock
	[__NR_mlock] = SCAP_SC_MLOCK,
#endif
#ifdef __NR_munlock
	[__NR_munlock] = SCAP_SC_MUNLOCK,
#endif
#ifdef __NR_mlockall
	[__NR_mlockall] = SCAP_SC_MLOCKALL,
#endif
#ifdef __NR_munlockall
	[__NR_munlockall] = SCAP_SC_MUNLOCKALL,
#endif
#ifdef __NR_vhangup
	[__NR_vhangup] = SCAP_SC_VHANGUP,
#endif
#ifdef __NR_modify_ldt
	[__NR_modify_ldt] = SCAP_SC_MODIFY_LDT,
#endif
#ifdef __NR_pivot_root
	[__NR_pivot_root] = SCAP_SC_PIVOT_ROOT,
#endif
#ifdef __NR__sysctl
	[__NR__sysctl] = SCAP_SC__SYSCTL,
#endif
#ifdef __NR_prctl
	[__NR_prctl] = SCAP_SC_PRCTL,
#endif
#ifdef __NR_arch_prctl
	[__NR_arch_prctl] = SCAP_SC_ARCH_PRCTL,
#endif
#ifdef __NR_adjtimex
	[__NR_adjtimex] = SCAP_SC_ADJTIMEX,
#endif
#ifdef __NR_setrlimit
	[__NR_setrlimit] = SCAP_SC_SETRLIMIT,
#endif
#ifdef __NR_chroot
	[__NR_chroot] = SCAP_SC_CHROOT,
#endif
#ifdef __NR_sync
	[__NR_sync] = SCAP_SC_SYNC,
#endif
#ifdef __NR_acct
	[__NR_acct] = SCAP_SC_ACCT,
#endif
#ifdef __NR_settimeofday
	[__NR_settimeofday] = SCAP_SC_SETTIMEOFDAY,
#endif
#ifdef __NR_mount
	[__NR_mount] = SCAP_SC_MOUNT,
#endif
#ifdef __NR_umount2
	[__NR_umount2] = SCAP_SC_UMOUNT2,
#endif
#ifdef __NR_swapon
	[__NR_swapon] = SCAP_SC_SWAPON,
#endif
#ifdef __NR_swapoff
	[__NR_swapoff] = SCAP_SC_SWAPOFF,
#endif
#ifdef __NR_reboot
	[__NR_reboot] = SCAP_SC_REBOOT,
#endif
#ifdef __NR_sethostname
	[__NR_sethostname] = SCAP_SC_SETHOSTNAME,
#endif
#ifdef __NR_setdomainname
	[__NR_setdomainname] = SCAP_SC_SETDOMAINNAME,
#endif
#ifdef __NR_iopl
	[__NR_iopl] = SCAP_SC_IOPL,
#endif
#ifdef __NR_ioperm
	[__NR_ioperm] = SCAP_SC_IOPERM,
#endif
#ifdef __NR_create_module
	[__NR_create_module] = SCAP_SC_CREATE_MODULE,
#endif
#ifdef __NR_init_module
	[__NR_init_module] = SCAP_SC_INIT_MODULE,
#endif
#ifdef __NR_delete_module
	[__NR_delete_module] = SCAP_SC_DELETE_MODULE,
#endif
#ifdef __NR_get_kernel_syms
	[__NR_get_kernel_syms] = SCAP_SC_GET_KERNEL_SYMS,
#endif
#ifdef __NR_query_module
	[__NR_query_module] = SCAP_SC_QUERY_MODULE,
#endif
#ifdef __NR_quotactl
	[__NR_quotactl] = SCAP_SC_QUOTACTL,
#endif
#ifdef __NR_nfsservctl
	[__NR_nfsservctl] = SCAP_SC_NFSSERVCTL,
#endif
#ifdef __NR_getpmsg
	[__NR_getpmsg] = SCAP_SC_GETPMSG,
#endif
#ifdef __NR_gettid
	[__NR_gettid] = SCAP_SC_GETTID,
#endif
#ifdef __NR_readahead
	[__NR_readahead] = SCAP_SC_READAHEAD,
#endif
#ifdef __NR_setxattr
	[__NR_setxattr] = SCAP_SC_SETXATTR,
#endif
#ifdef __NR_lsetxattr
	[__NR_lsetxattr] = SCAP_SC_LSETXATTR,
#endif
#ifdef __NR_fsetxattr
	[__NR_fsetxattr] = SCAP_SC_FSETXATTR,
#endif
#ifdef __NR_getxattr
	[__NR_getxattr] = SCAP_SC_GETXATTR,
#endif
#ifdef __NR_lgetxattr
	[__NR_lgetxattr] = SCAP_SC_LGETXATTR,
#endif
#ifdef __NR_fgetxattr
	[__NR_fgetxattr] = SCAP_SC_FGETXATTR,
#endif
#ifdef __NR_listxattr
	[__NR_listxattr] = SCAP_SC_LISTXATTR,
#endif
#ifdef __NR_llistxattr
	[__NR_llistxattr] = SCAP_SC_LLISTXATTR,
#endif
#ifdef __NR_flistxattr
	[__NR_flistxattr] = SCAP_SC_FLISTXATTR,
#endif
#ifdef __NR_removexattr
	[__NR_removexattr] = SCAP_SC_REMOVEXATTR,
#endif
#ifdef __NR_lremovexattr
	[__NR_lremovexattr] = SCAP_SC_LREMOVEXATTR,
#endif
#ifdef __NR_fremovexattr
	[__NR_fremovexattr] = SCAP_SC_FREMOVEXATTR,
#endif
#ifdef __NR_tkill
	[__NR_tkill] = SCAP_SC_TKILL,
#endif
#ifdef __NR_time
	[__NR_time] = SCAP_SC_TIME,
#endif
#ifdef __NR_futex
	[__NR_futex] = SCAP_SC_FUTEX,
#endif
#ifdef __NR_sched_setaffinity
	[__NR_sched_setaffinity] = SCAP_SC_SCHED_SETAFFINITY,
#endif
#ifdef __NR_sched_getaffinity
	[__NR_sched_getaffinity] = SCAP_SC_SCHED_GETAFFINITY,
#endif
#ifdef __NR_set_thread_area
	[__NR_set_thread_area] = SCAP_SC_SET_THREAD_AREA,
#endif
#ifdef __NR_io_setup
	[__NR_io_setup] = SCAP_SC_IO_SETUP,
#endif
#ifdef __NR_io_destroy
	[__NR_io_destroy] = SCAP_SC_IO_DESTROY,
#endif
#ifdef __NR_io_getevents
	[__NR_io_getevents] = SCAP_SC_IO_GETEVENTS,
#endif
#ifdef __NR_io_submit
	[__NR_io_submit] = SCAP_SC_IO_SUBMIT,
#endif
#ifdef __NR_io_cancel
	[__NR_io_cancel] = SCAP_SC_IO_CANCEL,
#endif
#ifdef __NR_get_thread_area
	[__NR_get_thread_area] = SCAP_SC_GET_THREAD_AREA,
#endif
#ifdef __NR_lookup_dcookie
	[__NR_lookup_dcookie] = SCAP_SC_LOOKUP_DCOOKIE,
#endif
#ifdef __NR_epoll_create
	[__NR_epoll_create] = SCAP_SC_EPOLL_CREATE,
#endif
#ifdef __NR_epoll_ctl_old
	[__NR_epoll_ctl_old] = SCAP_SC_EPOLL_CTL_OLD,
#endif
#ifdef __NR_epoll_wait_old
	[__NR_epoll_wait_old] = SCAP_SC_EPOLL_WAIT_OLD,
#endif
#ifdef __NR_remap_file_pages
	[__NR_remap_file_pages] = SCAP_SC_REMAP_FILE_PAGES,
#endif
#ifdef __NR_getdents64
	[__NR_getdents64] = SCAP_SC_GETDENTS64,
#endif
#ifdef __NR_set_tid_address
	[__NR_set_tid_address] = SCAP_SC_SET_TID_ADDRESS,
#endif
#ifdef __NR_restart_syscall
	[__NR_restart_syscall] = SCAP_SC_RESTART_SYSCALL,
#endif
#ifdef __NR_semtimedop
	[__NR_semtimedop] = SCAP_SC_SEMTIMEDOP,
#endif
#ifdef __NR_fadvise64
	[__NR_fadvise64] = SCAP_SC_FADVISE64,
#endif
#ifdef __NR_timer_create
	[__NR_timer_create] = SCAP_SC_TIMER_CREATE,
#endif
#ifdef __NR_timer_settime
	[__NR_timer_settime] = SCAP_SC_TIMER_SETTIME,
#endif
#ifdef __NR_timer_gettime
	[__NR_timer_gettime] = SCAP_SC_TIMER_GETTIME,
#endif
#ifdef __NR_timer_getoverrun
	[__NR_timer_getoverrun] = SCAP_SC_TIMER_GETOVERRUN,
#endif
#ifdef __NR_timer_delete
	[__NR_timer_delete] = SCAP_SC_TIMER_DELETE,
#endif
#ifdef __NR_clock_settime
	[__NR_clock_settime] = SCAP_SC_CLOCK_SETTIME,
#endif
#ifdef __NR_clock_gettime
	[__NR_clock_gettime] = SCAP_SC_CLOCK_GETTIME,
#endif
#ifdef __NR_clock_getres
	[__NR_clock_getres] = SCAP_SC_CLOCK_GETRES,
#endif
#ifdef __NR_clock_nanosleep
	[__NR_clock_nanosleep] = SCAP_SC_CLOCK_NANOSLEEP,
#endif
#ifdef __NR_exit_group
	[__NR_exit_group] = SCAP_SC_EXIT_GROUP,
#endif
#ifdef __NR_epoll_wait
	[__NR_epoll_wait] = SCAP_SC_EPOLL_WAIT,
#endif
#ifdef __NR_epoll_ctl
	[__NR_epoll_ctl] = SCAP_SC_EPOLL_CTL,
#endif
#ifdef __NR_tgkill
	[__NR_tgkill] = SCAP_SC_TGKILL,
#endif
#ifdef __NR_utimes
	[__NR_utimes] = SCAP_SC_UTIMES,
#endif
#ifdef __NR_mbind
	[__NR_mbind] = SCAP_SC_MBIND,
#endif
#ifdef __NR_set_mempolicy
	[__NR_set_mempolicy] = SCAP_SC_SET_MEMPOLICY,
#endif
#ifdef __NR_get_mempolicy
	[__NR_get_mempolicy] = SCAP_SC_GET_MEMPOLICY,
#endif
#ifdef __NR_mq_open
	[__NR_mq_open] = SCAP_SC_MQ_OPEN,
#endif
#ifdef __NR_mq_unlink
	[__NR_mq_unlink] = SCAP_SC_MQ_UNLINK,
#endif
#ifdef __NR_mq_timedsend
	[__NR_mq_timedsend] = SCAP_SC_MQ_TIMEDSEND,
#endif
#ifdef __NR_mq_timedreceive
	[__NR_mq_timedreceive] = SCAP_SC_MQ_TIMEDRECEIVE,
#endif
#ifdef __NR_mq_notify
	[__NR_mq_notify] = SCAP_SC_MQ_NOTIFY,
#endif
#ifdef __NR_mq_getsetattr
	[__NR_mq_getsetattr] = SCAP_SC_MQ_GETSETATTR,
#endif
#ifdef __NR_kexec_load
	[__NR_kexec_load] = SCAP_SC_KEXEC_LOAD,
#endif
#ifdef __NR_waitid
	[__NR_waitid] = SCAP_SC_WAITID,
#endif
#ifdef __NR_add_key
	[__NR_add_key] = SCAP_SC_ADD_KEY,
#endif
#ifdef __NR_request_key
	[__NR_request_key] = SCAP_SC_REQUEST_KEY,
#endif
#ifdef __NR_keyctl
	[__NR_keyctl] = SCAP_SC_KEYCTL,
#endif
#ifdef __NR_ioprio_set
	[__NR_ioprio_set] = SCAP_SC_IOPRIO_SET,
#endif
#ifdef __NR_ioprio_get
	[__NR_ioprio_get] = SCAP_SC_IOPRIO_GET,
#endif
#ifdef __NR_inotify_init
	[__NR_inotify_init] = SCAP_SC_INOTIFY_INIT,
#endif
#ifdef __NR_inotify_add_watch
	[__NR_inotify_add_watch] = SCAP_SC_INOTIFY_ADD_WATCH,
#endif
#ifdef __NR_inotify_rm_watch
	[__NR_inotify_rm_watch] = SCAP_SC_INOTIFY_RM_WATCH,
#endif
#ifdef __NR_migrate_pages
	[__NR_migrate_pages] = SCAP_SC_MIGRATE_PAGES,
#endif
#ifdef __NR_openat
	[__NR_openat] = SCAP_SC_OPENAT,
#endif
#ifdef __NR_mkdirat
	[__NR_mkdirat] = SCAP_SC_MKDIRAT,
#endif
#ifdef __NR_mknodat
	[__NR_mknodat] = SCAP_SC_MKNODAT,
#endif
#ifdef __NR_fchownat
	[__NR_fchownat] = SCAP_SC_FCHOWNAT,
#endif
#ifdef __NR_futimesat
	[__NR_futimesat] = SCAP_SC_FUTIMESAT,
#endif
#ifdef __NR_newfstatat
	[__NR_newfstatat] = SCAP_SC_NEWFSTATAT,
#endif
#ifdef __NR_unlinkat
	[__NR_unlinkat] = SCAP_SC_UNLINKAT,
#endif
#ifdef __NR_renameat
	[__NR_renameat] = SCAP_SC_RENAMEAT,
#endif
#ifdef __NR_linkat
	[__NR_linkat] = SCAP_SC_LINKAT,
#endif
#ifdef __NR_symlinkat
	[__NR_symlinkat] = SCAP_SC_SYMLINKAT,
#endif
#ifdef __NR_readlinkat
	[__NR_readlinkat] = SCAP_SC_READLINKAT,
#endif
#ifdef __NR_fchmodat
	[__NR_fchmodat] = SCAP_SC_FCHMODAT,
#endif
#ifdef __NR_faccessat
	[__NR_faccessat] = SCAP_SC_FACCESSAT,
#endif
#ifdef __NR_pselect6
	[__NR_pselect6] = SCAP_SC_PSELECT6,
#endif
#ifdef __NR_ppoll
	[__NR_ppoll] = SCAP_SC_PPOLL,
#endif
#ifdef __NR_unshare
	[__NR_unshare] = SCAP_SC_UNSHARE,
#endif
#ifdef __NR_set_robust_list
	[__NR_set_robust_list] = SCAP_SC_SET_ROBUST_LIST,
#endif
#ifdef __NR_get_robust_list
	[__NR_get_robust_list] = SCAP_SC_GET_ROBUST_LIST,
#endif
#ifdef __NR_splice
	[__NR_splice] = SCAP_SC_SPLICE,
#endif
#ifdef __NR_tee
	[__NR_tee] = SCAP_SC_TEE,
#endif
#ifdef __NR_sync_file_range
	[__NR_sync_file_range] = SCAP_SC_SYNC_FILE_RANGE,
#endif
#ifdef __NR_vmsplice
	[__NR_vmsplice] = SCAP_SC_VMSPLICE,
#endif
#ifdef __NR_move_pages
	[__NR_move_pages] = SCAP_SC_MOVE_PAGES,
#endif
#ifdef __NR_utimensat
	[__NR_utimensat] = SCAP_SC_UTIMENSAT,
#endif
#ifdef __NR_epoll_pwait
	[__NR_epoll_pwait] = SCAP_SC_EPOLL_PWAIT,
#endif
#ifdef __NR_signalfd
	[__NR_signalfd] = SCAP_SC_SIGNALFD,
#endif
#ifdef __NR_timerfd_create
	[__NR_timerfd_create] = SCAP_SC_TIMERFD_CREATE,
#endif
#ifdef __NR_eventfd
	[__NR_eventfd] = SCAP_SC_EVENTFD,
#endif
#ifdef __NR_fallocate
	[__NR_fallocate] = SCAP_SC_FALLOCATE,
#endif
#ifdef __NR_timerfd_settime
	[__NR_timerfd_settime] = SCAP_SC_TIMERFD_SETTIME,
#endif
#ifdef __NR_timerfd_gettime
	[__NR_timerfd_gettime] = SCAP_SC_TIMERFD_GETTIME,
#endif
#ifdef __NR_accept4
	[__NR_accept4] = SCAP_SC_ACCEPT4,
#endif
#ifdef __NR_signalfd4
	[__NR_signalfd4] = SCAP_SC_SIGNALFD4,
#endif
#ifdef __NR_eventfd2
	[__NR_eventfd2] = SCAP_SC_EVENTFD2,
#endif
#ifdef __NR_epoll_create1
	[__NR_epoll_create1] = SCAP_SC_EPOLL_CREATE1,
#endif
#ifdef __NR_dup3
	[__NR_dup3] = SCAP_SC_DUP3,
#endif
#ifdef __NR_pipe2
	[__NR_pipe2] = SCAP_SC_PIPE2,
#endif
#ifdef __NR_inotify_init1
	[__NR_inotify_init1] = SCAP_SC_INOTIFY_INIT1,
#endif
#ifdef __NR_preadv
	[__NR_preadv] = SCAP_SC_PREADV,
#endif
#ifdef __NR_pwritev
	[__NR_pwritev] = SCAP_SC_PWRITEV,
#endif
#ifdef __NR_rt_tgsigqueueinfo
	[__NR_rt_tgsigqueueinfo] = SCAP_SC_RT_TGSIGQUEUEINFO,
#endif
#ifdef __NR_perf_event_open
	[__NR_perf_event_open] = SCAP_SC_PERF_EVENT_OPEN,
#endif
#ifdef __NR_recvmmsg
	[__NR_recvmmsg] = SCAP_SC_RECVMMSG,
#endif
#ifdef __NR_fanotify_init
	[__NR_fanotify_init] = SCAP_SC_FANOTIFY_INIT,
#endif
#ifdef __NR_fanotify_mark
	[__NR_fanotify_mark] = SCAP_SC_FANOTIFY_MARK,
#endif
#ifdef __NR_prlimit64
	[__NR_prlimit64] = SCAP_SC_PRLIMIT64,
#endif
#ifdef __NR_name_to_handle_at
	[__NR_name_to_handle_at] = SCAP_SC_NAME_TO_HANDLE_AT,
#endif
#ifdef __NR_open_by_handle_at
	[__NR_open_by_handle_at] = SCAP_SC_OPEN_BY_HANDLE_AT,
#endif
#ifdef __NR_clock_adjtime
	[__NR_clock_adjtime] = SCAP_SC_CLOCK_ADJTIME,
#endif
#ifdef __NR_syncfs
	[__NR_syncfs] = SCAP_SC_SYNCFS,
#endif
#ifdef __NR_sendmmsg
	[__NR_sendmmsg] = SCAP_SC_SENDMMSG,
#endif
#ifdef __NR_setns
	[__NR_setns] = SCAP_SC_SETNS,
#endif
#ifdef __NR_getcpu
	[__NR_getcpu] = SCAP_SC_GETCPU,
#endif
#ifdef __NR_process_vm_readv
	[__NR_process_vm_readv] = SCAP_SC_PROCESS_VM_READV,
#endif
#ifdef __NR_process_vm_writev
	[__NR_process_vm_writev] = SCAP_SC_PROCESS_VM_WRITEV,
#endif
#ifdef __NR_kcmp
	[__NR_kcmp] = SCAP_SC_KCMP,
#endif
#ifdef __NR_finit_module
	[__NR_finit_module] = SCAP_SC_FINIT_MODULE,
#endif
#ifdef __NR_sched_setattr
	[__NR_sched_setattr] = SCAP_SC_SCHED_SETATTR,
#endif
#ifdef __NR_sched_getattr
	[__NR_sched_getattr] = SCAP_SC_SCHED_GETATTR,
#endif
#ifdef __NR_renameat2
	[__NR_renameat2] = SCAP_SC_RENAMEAT2,
#endif
#ifdef __NR_seccomp
	[__NR_seccomp] = SCAP_SC_SECCOMP,
#endif
#ifdef __NR_getrandom
	[__NR_getrandom] = SCAP_SC_GETRANDOM,
#endif
#ifdef __NR_memfd_create
	[__NR_memfd_create] = SCAP_SC_MEMFD_CREATE,
#endif
#ifdef __NR_kexec_file_load
	[__NR_kexec_file_load] = SCAP_SC_KEXEC_FILE_LOAD,
#endif
#ifdef __NR_bpf
	[__NR_bpf] = SCAP_SC_BPF,
#endif
#ifdef __NR_execveat
	[__NR_execveat] = SCAP_SC_EXECVEAT,
#endif
#ifdef __NR_userfaultfd
	[__NR_userfaultfd] = SCAP_SC_USERFAULTFD,
#endif
#ifdef __NR_membarrier
	[__NR_membarrier] = SCAP_SC_MEMBARRIER,
#endif
#ifdef __NR_mlock2
	[__NR_mlock2] = SCAP_SC_MLOCK2,
#endif
#ifdef __NR_copy_file_range
	[__NR_copy_file_range] = SCAP_SC_COPY_FILE_RANGE,
#endif
#ifdef __NR_preadv2
	[__NR_preadv2] = SCAP_SC_PREADV2,
#endif
#ifdef __NR_pwritev2
	[__NR_pwritev2] = SCAP_SC_PWRITEV2,
#endif
#ifdef __NR_pkey_mprotect
	[__NR_pkey_mprotect] = SCAP_SC_PKEY_MPROTECT,
#endif
#ifdef __NR_pkey_alloc
	[__NR_pkey_alloc] = SCAP_SC_PKEY_ALLOC,
#endif
#ifdef __NR_pkey_free
	[__NR_pkey_free] = SCAP_SC_PKEY_FREE,
#endif
#ifdef __NR_statx
	[__NR_statx] = SCAP_SC_STATX,
#endif
#ifdef __NR_io_pgetevents
	[__NR_io_pgetevents] = SCAP_SC_IO_PGETEVENTS,
#endif
#ifdef __NR_rseq
	[__NR_rseq] = SCAP_SC_RSEQ,
#endif
#ifdef __NR_pidfd_send_signal
	[__NR_pidfd_send_signal] = SCAP_SC_PIDFD_SEND_SIGNAL,
#endif
#ifdef __NR_io_uring_setup
	[__NR_io_uring_setup] = SCAP_SC_IO_URING_SETUP,
#endif
#ifdef __NR_io_uring_enter
	[__NR_io_uring_enter] = SCAP_SC_IO_URING_ENTER,
#endif
#ifdef __NR_io_uring_register
	[__NR_io_uring_register] = SCAP_SC_IO_URING_REGISTER,
#endif
#ifdef __NR_open_tree
	[__NR_open_tree] = SCAP_SC_OPEN_TREE,
#endif
#ifdef __NR_move_mount
	[__NR_move_mount] = SCAP_SC_MOVE_MOUNT,
#endif
#ifdef __NR_fsopen
	[__NR_fsopen] = SCAP_SC_FSOPEN,
#endif
#ifdef __NR_fsconfig
	[__NR_fsconfig] = SCAP_SC_FSCONFIG,
#endif
#ifdef __NR_fsmount
	[__NR_fsmount] = SCAP_SC_FSMOUNT,
#endif
#ifdef __NR_fspick
	[__NR_fspick] = SCAP_SC_FSPICK,
#endif
#ifdef __NR_pidfd_open
	[__NR_pidfd_open] = SCAP_SC_PIDFD_OPEN,
#endif
#ifdef __NR_clone3
	[__NR_clone3] = SCAP_SC_CLONE3,
#endif
#ifdef __NR_close_range
	[__NR_close_range] = SCAP_SC_CLOSE_RANGE,
#endif
#ifdef __NR_openat2
	[__NR_openat2] = SCAP_SC_OPENAT2,
#endif
#ifdef __NR_pidfd_getfd
	[__NR_pidfd_getfd] = SCAP_SC_PIDFD_GETFD,
#endif
#ifdef __NR_faccessat2
	[__NR_faccessat2] = SCAP_SC_FACCESSAT2,
#endif
#ifdef __NR_process_madvise
	[__NR_process_madvise] = SCAP_SC_PROCESS_MADVISE,
#endif
#ifdef __NR_epoll_pwait2
	[__NR_epoll_pwait2] = SCAP_SC_EPOLL_PWAIT2,
#endif
#ifdef __NR_mount_setattr
	[__NR_mount_setattr] = SCAP_SC_MOUNT_SETATTR,
#endif
#ifdef __NR_quotactl_fd
	[__NR_quotactl_fd] = SCAP_SC_QUOTACTL_FD,
#endif
#ifdef __NR_landlock_create_ruleset
	[__NR_landlock_create_ruleset] = SCAP_SC_LANDLOCK_CREATE_RULESET,
#endif
#ifdef __NR_landlock_add_rule
	[__NR_landlock_add_rule] = SCAP_SC_LANDLOCK_ADD_RULE,
#endif
#ifdef __NR_landlock_restrict_self
	[__NR_landlock_restrict_self] = SCAP_SC_LANDLOCK_RESTRICT_SELF,
#endif
#ifdef __NR_memfd_secret
	[__NR_memfd_secret] = SCAP_SC_MEMFD_SECRET,
#endif
#ifdef __NR_process_mrelease
	[__NR_process_mrelease] = SCAP_SC_PROCESS_MRELEASE,
#endif
#ifdef __NR_futex_waitv
	[__NR_futex_waitv] = SCAP_SC_FUTEX_WAITV,
#endif
#ifdef __NR_set_mempolicy_home_node
	[__NR_set_mempolicy_home_node] = SCAP_SC_SET_MEMPOLICY_HOME_NODE,
#endif
};

/*
 * The syscalls with a dedicated event (the others, setreuid, setregid, exit and
 * exit_group among them, produce the generic event).
 */
SC_TABLE(sc_enter_evts) = {
#ifdef __NR_open
	[__NR_open] = SCAP_EVT_SYSCALL_OPEN_E,
#endif
#ifdef __NR_openat
	[__NR_openat] = SCAP_EVT_SYSCALL_OPENAT_2_E,
#endif
#ifdef __NR_openat2
	[__NR_openat2] = SCAP_EVT_SYSCALL_OPENAT2_E,
#endif
#ifdef __NR_creat
	[__NR_creat] = SCAP_EVT_SYSCALL_CREAT_E,
#endif
#ifdef __NR_close
	[__NR_close] = SCAP_EVT_SYSCALL_CLOSE_E,
#endif
#ifdef __NR_read
	[__NR_read] = SCAP_EVT_SYSCALL_READ_E,
#endif
#ifdef __NR_write
	[__NR_write] = SCAP_EVT_SYSCALL_WRITE_E,
#endif
#ifdef __NR_pread64
	[__NR_pread64] = SCAP_EVT_SYSCALL_PREAD_E,
#endif
#ifdef __NR_pwrite64
	[__NR_pwrite64] = SCAP_EVT_SYSCALL_PWRITE_E,
#endif
#ifdef __NR_readv
	[__NR_readv] = SCAP_EVT_SYSCALL_READV_E,
#endif
#ifdef __NR_writev
	[__NR_writev] = SCAP_EVT_SYSCALL_WRITEV_E,
#endif
#ifdef __NR_preadv
	[__NR_preadv] = SCAP_EVT_SYSCALL_PREADV_E,
#endif
#ifdef __NR_pwritev
	[__NR_pwritev] = SCAP_EVT_SYSCALL_PWRITEV_E,
#endif
#ifdef __NR_sendfile
	[__NR_sendfile] = SCAP_EVT_SYSCALL_SENDFILE_E,
#endif
#ifdef __NR_pipe
	[__NR_pipe] = SCAP_EVT_SYSCALL_PIPE_E,
#endif
#ifdef __NR_pipe2
	[__NR_pipe2] = SCAP_EVT_SYSCALL_PIPE2_E,
#endif
#ifdef __NR_dup
	[__NR_dup] = SCAP_EVT_SYSCALL_DUP_1_E,
#endif
#ifdef __NR_dup2
	[__NR_dup2] = SCAP_EVT_SYSCALL_DUP2_E,
#endif
#ifdef __NR_dup3
	[__NR_dup3] = SCAP_EVT_SYSCALL_DUP3_E,
#endif
#ifdef __NR_fcntl
	[__NR_fcntl] = SCAP_EVT_SYSCALL_FCNTL_E,
#endif
#ifdef __NR_ioctl
	[__NR_ioctl] = SCAP_EVT_SYSCALL_IOCTL_3_E,
#endif
#ifdef __NR_chdir
	[__NR_chdir] = SCAP_EVT_SYSCALL_CHDIR_E,
#endif
#ifdef __NR_fchdir
	[__NR_fchdir] = SCAP_EVT_SYSCALL_FCHDIR_E,
#endif
#ifdef __NR_mkdir
	[__NR_mkdir] = SCAP_EVT_SYSCALL_MKDIR_2_E,
#endif
#ifdef __NR_mkdirat
	[__NR_mkdirat] = SCAP_EVT_SYSCALL_MKDIRAT_E,
#endif
#ifdef __NR_rmdir
	[__NR_rmdir] = SCAP_EVT_SYSCALL_RMDIR_2_E,
#endif
#ifdef __NR_unlink
	[__NR_unlink] = SCAP_EVT_SYSCALL_UNLINK_2_E,
#endif
#ifdef __NR_unlinkat
	[__NR_unlinkat] = SCAP_EVT_SYSCALL_UNLINKAT_2_E,
#endif
#ifdef __NR_rename
	[__NR_rename] = SCAP_EVT_SYSCALL_RENAME_E,
#endif
#ifdef __NR_renameat
	[__NR_renameat] = SCAP_EVT_SYSCALL_RENAMEAT_E,
#endif
#ifdef __NR_renameat2
	[__NR_renameat2] = SCAP_EVT_SYSCALL_RENAMEAT2_E,
#endif
#ifdef __NR_symlink
	[__NR_symlink] = SCAP_EVT_SYSCALL_SYMLINK_E,
#endif
#ifdef __NR_symlinkat
	[__NR_symlinkat] = SCAP_EVT_SYSCALL_SYMLINKAT_E,
#endif
#ifdef __NR_link
	[__NR_link] = SCAP_EVT_SYSCALL_LINK_2_E,
#endif
#ifdef __NR_linkat
	[__NR_linkat] = SCAP_EVT_SYSCALL_LINKAT_2_E,
#endif
#ifdef __NR_chmod
	[__NR_chmod] = SCAP_EVT_SYSCALL_CHMOD_E,
#endif
#ifdef __NR_fchmod
	[__NR_fchmod] = SCAP_EVT_SYSCALL_FCHMOD_E,
#endif
#ifdef __NR_fchmodat
	[__NR_fchmodat] = SCAP_EVT_SYSCALL_FCHMODAT_E,
#endif
#ifdef __NR_chown
	[__NR_chown] = SCAP_EVT_SYSCALL_CHOWN_E,
#endif
#ifdef __NR_lchown
	[__NR_lchown] = SCAP_EVT_SYSCALL_LCHOWN_E,
#endif
#ifdef __NR_fchown
	[__NR_fchown] = SCAP_EVT_SYSCALL_FCHOWN_E,
#endif
#ifdef __NR_fchownat
	[__NR_fchownat] = SCAP_EVT_SYSCALL_FCHOWNAT_E,
#endif
#ifdef __NR_mount
	[__NR_mount] = SCAP_EVT_SYSCALL_MOUNT_E,
#endif
#ifdef __NR_umount2
	[__NR_umount2] = SCAP_EVT_SYSCALL_UMOUNT2_E,
#endif
#ifdef __NR_chroot
	[__NR_chroot] = SCAP_EVT_SYSCALL_CHROOT_E,
#endif
#ifdef __NR_eventfd
	[__NR_eventfd] = SCAP_EVT_SYSCALL_EVENTFD_E,
#endif
#ifdef __NR_eventfd2
	[__NR_eventfd2] = SCAP_EVT_SYSCALL_EVENTFD2_E,
#endif
#ifdef __NR_signalfd
	[__NR_signalfd] = SCAP_EVT_SYSCALL_SIGNALFD_E,
#endif
#ifdef __NR_signalfd4
	[__NR_signalfd4] = SCAP_EVT_SYSCALL_SIGNALFD4_E,
#endif
#ifdef __NR_timerfd_create
	[__NR_timerfd_create] = SCAP_EVT_SYSCALL_TIMERFD_CREATE_E,
#endif
#ifdef __NR_inotify_init
	[__NR_inotify_init] = SCAP_EVT_SYSCALL_INOTIFY_INIT_E,
#endif
#ifdef __NR_inotify_init1
	[__NR_inotify_init1] = SCAP_EVT_SYSCALL_INOTIFY_INIT1_E,
#endif
#ifdef __NR_userfaultfd
	[__NR_userfaultfd] = SCAP_EVT_SYSCALL_USERFAULTFD_E,
#endif
#ifdef __NR_memfd_create
	[__NR_memfd_create] = SCAP_EVT_SYSCALL_MEMFD_CREATE_E,
#endif
#ifdef __NR_io_uring_setup
	[__NR_io_uring_setup] = SCAP_EVT_SYSCALL_IO_URING_SETUP_E,
#endif
#ifdef __NR_socket
	[__NR_socket] = SCAP_EVT_SOCKET_SOCKET_E,
#endif
#ifdef __NR_socketpair
	[__NR_socketpair] = SCAP_EVT_SOCKET_SOCKETPAIR_E,
#endif
#ifdef __NR_bind
	[__NR_bind] = SCAP_EVT_SOCKET_BIND_E,
#endif
#ifdef __NR_connect
	[__NR_connect] = SCAP_EVT_SOCKET_CONNECT_E,
#endif
#ifdef __NR_listen
	[__NR_listen] = SCAP_EVT_SOCKET_LISTEN_E,
#endif
#ifdef __NR_accept
	[__NR_accept] = SCAP_EVT_SOCKET_ACCEPT_5_E,
#endif
#ifdef __NR_accept4
	[__NR_accept4] = SCAP_EVT_SOCKET_ACCEPT4_6_E,
#endif
#ifdef __NR_sendto
	[__NR_sendto] = SCAP_EVT_SOCKET_SENDTO_E,
#endif
#ifdef __NR_recvfrom
	[__NR_recvfrom] = SCAP_EVT_SOCKET_RECVFROM_E,
#endif
#ifdef __NR_sendmsg
	[__NR_sendmsg] = SCAP_EVT_SOCKET_SENDMSG_E,
#endif
#ifdef __NR_recvmsg
	[__NR_recvmsg] = SCAP_EVT_SOCKET_RECVMSG_E,
#endif
#ifdef __NR_shutdown
	[__NR_shutdown] = SCAP_EVT_SOCKET_SHUTDOWN_E,
#endif
#ifdef __NR_execve
	[__NR_execve] = SCAP_EVT_SYSCALL_EXECVE_19_E,
#endif
#ifdef __NR_execveat
	[__NR_execveat] = SCAP_EVT_SYSCALL_EXECVEAT_E,
#endif
#ifdef __NR_clone
	[__NR_clone] = SCAP_EVT_SYSCALL_CLONE_20_E,
#endif
#ifdef __NR_clone3
	[__NR_clone3] = SCAP_EVT_SYSCALL_CLONE3_E,
#endif
#ifdef __NR_fork
	[__NR_fork] = SCAP_EVT_SYSCALL_FORK_20_E,
#endif
#ifdef __NR_vfork
	[__NR_vfork] = SCAP_EVT_SYSCALL_VFORK_20_E,
#endif
#ifdef __NR_kill
	[__NR_kill] = SCAP_EVT_SYSCALL_KILL_E,
#endif
#ifdef __NR_tkill
	[__NR_tkill] = SCAP_EVT_SYSCALL_TKILL_E,
#endif
#ifdef __NR_tgkill
	[__NR_tgkill] = SCAP_EVT_SYSCALL_TGKILL_E,
#endif
#ifdef __NR_setuid
	[__NR_setuid] = SCAP_EVT_SYSCALL_SETUID_E,
#endif
#ifdef __NR_setgid
	[__NR_setgid] = SCAP_EVT_SYSCALL_SETGID_E,
#endif
#ifdef __NR_setresuid
	[__NR_setresuid] = SCAP_EVT_SYSCALL_SETRESUID_E,
#endif
#ifdef __NR_setresgid
	[__NR_setresgid] = SCAP_EVT_SYSCALL_SETRESGID_E,
#endif
#ifdef __NR_ptrace
	[__NR_ptrace] = SCAP_EVT_SYSCALL_PTRACE_E,
#endif
#ifdef __NR_unshare
	[__NR_unshare] = SCAP_EVT_SYSCALL_UNSHARE_E,
#endif
#ifdef __NR_setns
	[__NR_setns] = SCAP_EVT_SYSCALL_SETNS_E,
#endif
#ifdef __NR_prctl
	[__NR_prctl] = SCAP_EVT_SYSCALL_PRCTL_E,
#endif
#ifdef __NR_capset
	[__NR_capset] = SCAP_EVT_SYSCALL_CAPSET_E,
#endif
#ifdef __NR_bpf
	[__NR_bpf] = SCAP_EVT_SYSCALL_BPF_2_E,
#endif
#ifdef __NR_init_module
	[__NR_init_module] = SCAP_EVT_SYSCALL_INIT_MODULE_E,
#endif
#ifdef __NR_finit_module
	[__NR_finit_module] = SCAP_EVT_SYSCALL_FINIT_MODULE_E,
#endif
#ifdef __NR_mmap
	[__NR_mmap] = SCAP_EVT_SYSCALL_MMAP_E,
#endif
#ifdef __NR_munmap
	[__NR_munmap] = SCAP_EVT_SYSCALL_MUNMAP_E,
#endif
#ifdef __NR_mprotect
	[__NR_mprotect] = SCAP_EVT_SYSCALL_MPROTECT_E,
#endif
#ifdef __NR_brk
	[__NR_brk] = SCAP_EVT_SYSCALL_BRK_4_E,
#endif
#ifdef __NR_stat
	[__NR_stat] = SCAP_EVT_SYSCALL_STAT_E,
#endif
#ifdef __NR_lstat
	[__NR_lstat] = SCAP_EVT_SYSCALL_LSTAT_E,
#endif
#ifdef __NR_fstat
	[__NR_fstat] = SCAP_EVT_SYSCALL_FSTAT_E,
#endif
#ifdef __NR_access
	[__NR_access] = SCAP_EVT_SYSCALL_ACCESS_E,
#endif
#ifdef __NR_getcwd
	[__NR_getcwd] = SCAP_EVT_SYSCALL_GETCWD_E,
#endif
#ifdef __NR_getdents
	[__NR_getdents] = SCAP_EVT_SYSCALL_GETDENTS_E,
#endif
#ifdef __NR_getdents64
	[__NR_getdents64] = SCAP_EVT_SYSCALL_GETDENTS64_E,
#endif
#ifdef __NR_lseek
	[__NR_lseek] = SCAP_EVT_SYSCALL_LSEEK_E,
#endif
#ifdef __NR_flock
	[__NR_flock] = SCAP_EVT_SYSCALL_FLOCK_E,
#endif
#ifdef __NR_splice
	[__NR_splice] = SCAP_EVT_SYSCALL_SPLICE_E,
#endif
#ifdef __NR_futex
	[__NR_futex] = SCAP_EVT_SYSCALL_FUTEX_E,
#endif
#ifdef __NR_nanosleep
	[__NR_nanosleep] = SCAP_EVT_SYSCALL_NANOSLEEP_E,
#endif
#ifdef __NR_poll
	[__NR_poll] = SCAP_EVT_SYSCALL_POLL_E,
#endif
#ifdef __NR_ppoll
	[__NR_ppoll] = SCAP_EVT_SYSCALL_PPOLL_E,
#endif
#ifdef __NR_select
	[__NR_select] = SCAP_EVT_SYSCALL_SELECT_E,
#endif
#ifdef __NR_epoll_wait
	[__NR_epoll_wait] = SCAP_EVT_SYSCALL_EPOLLWAIT_E,
#endif
#ifdef __NR_setsockopt
	[__NR_setsockopt] = SCAP_EVT_SOCKET_SETSOCKOPT_E,
#endif
#ifdef __NR_getsockopt
	[__NR_getsockopt] = SCAP_EVT_SOCKET_GETSOCKOPT_E,
#endif
#ifdef __NR_getsockname
	[__NR_getsockname] = SCAP_EVT_SOCKET_GETSOCKNAME_E,
#endif
#ifdef __NR_getpeername
	[__NR_getpeername] = SCAP_EVT_SOCKET_GETPEERNAME_E,
#endif
#ifdef __NR_sendmmsg
	[__NR_sendmmsg] = SCAP_EVT_SOCKET_SENDMMSG_E,
#endif
#ifdef __NR_recvmmsg
	[__NR_recvmmsg] = SCAP_EVT_SOCKET_RECVMMSG_E,
#endif
#ifdef __NR_getrlimit
	[__NR_getrlimit] = SCAP_EVT_SYSCALL_GETRLIMIT_E,
#endif
#ifdef __NR_setrlimit
	[__NR_setrlimit] = SCAP_EVT_SYSCALL_SETRLIMIT_E,
#endif
#ifdef __NR_prlimit64
	[__NR_prlimit64] = SCAP_EVT_SYSCALL_PRLIMIT_E,
#endif
#ifdef __NR_getuid
	[__NR_getuid] = SCAP_EVT_SYSCALL_GETUID_E,
#endif
#ifdef __NR_geteuid
	[__NR_geteuid] = SCAP_EVT_SYSCALL_GETEUID_E,
#endif
#ifdef __NR_getgid
	[__NR_getgid] = SCAP_EVT_SYSCALL_GETGID_E,
#endif
#ifdef __NR_getegid
	[__NR_getegid] = SCAP_EVT_SYSCALL_GETEGID_E,
#endif
#ifdef __NR_getresuid
	[__NR_getresuid] = SCAP_EVT_SYSCALL_GETRESUID_E,
#endif
#ifdef __NR_getresgid
	[__NR_getresgid] = SCAP_EVT_SYSCALL_GETRESGID_E,
#endif
#ifdef __NR_setsid
	[__NR_setsid] = SCAP_EVT_SYSCALL_SETSID_E,
#endif
#ifdef __NR_setpgid
	[__NR_setpgid] = SCAP_EVT_SYSCALL_SETPGID_E,
#endif
#ifdef __NR_seccomp
	[__NR_seccomp] = SCAP_EVT_SYSCALL_SECCOMP_E,
#endif
#ifdef __NR_semget
	[__NR_semget] = SCAP_EVT_SYSCALL_SEMGET_E,
#endif
#ifdef __NR_semctl
	[__NR_semctl] = SCAP_EVT_SYSCALL_SEMCTL_E,
#endif
#ifdef __NR_semop
	[__NR_semop] = SCAP_EVT_SYSCALL_SEMOP_E,
#endif
#ifdef __NR_copy_file_range
	[__NR_copy_file_range] = SCAP_EVT_SYSCALL_COPY_FILE_RANGE_E,
#endif
#ifdef __NR_newfstatat
	[__NR_newfstatat] = SCAP_EVT_SYSCALL_NEWFSTATAT_E,
#endif
#ifdef __NR_mknod
	[__NR_mknod] = SCAP_EVT_SYSCALL_MKNOD_E,
#endif
#ifdef __NR_mknodat
	[__NR_mknodat] = SCAP_EVT_SYSCALL_MKNODAT_E,
#endif
#ifdef __NR_epoll_create
	[__NR_epoll_create] = SCAP_EVT_SYSCALL_EPOLL_CREATE_E,
#endif
#ifdef __NR_epoll_create1
	[__NR_epoll_create1] = SCAP_EVT_SYSCALL_EPOLL_CREATE1_E,
#endif
#ifdef __NR_pidfd_open
	[__NR_pidfd_open] = SCAP_EVT_SYSCALL_PIDFD_OPEN_E,
#endif
#ifdef __NR_pidfd_getfd
	[__NR_pidfd_getfd] = SCAP_EVT_SYSCALL_PIDFD_GETFD_E,
#endif
#ifdef __NR_delete_module
	[__NR_delete_module] = SCAP_EVT_SYSCALL_DELETE_MODULE_E,
#endif
#ifdef __NR_mlock
	[__NR_mlock] = SCAP_EVT_SYSCALL_MLOCK_E,
#endif
#ifdef __NR_munlock
	[__NR_munlock] = SCAP_EVT_SYSCALL_MUNLOCK_E,
#endif
#ifdef __NR_mlock2
	[__NR_mlock2] = SCAP_EVT_SYSCALL_MLOCK2_E,
#endif
#ifdef __NR_mlockall
	[__NR_mlockall] = SCAP_EVT_SYSCALL_MLOCKALL_E,
#endif
#ifdef __NR_munlockall
	[__NR_munlockall] = SCAP_EVT_SYSCALL_MUNLOCKALL_E,
#endif
#ifdef __NR_quotactl
	[__NR_quotactl] = SCAP_EVT_SYSCALL_QUOTACTL_E,
#endif
#ifdef __NR_io_uring_enter
	[__NR_io_uring_enter] = SCAP_EVT_SYSCALL_IO_URING_ENTER_E,
#endif
#ifdef __NR_io_uring_register
	[__NR_io_uring_register] = SCAP_EVT_SYSCALL_IO_URING_REGISTER_E,
#endif
#ifdef __NR_fsconfig
	[__NR_fsconfig] = SCAP_EVT_SYSCALL_FSCONFIG_E,
#endif
#ifdef __NR_process_vm_readv
	[__NR_process_vm_readv] = SCAP_EVT_SYSCALL_PROCESS_VM_READV_E,
#endif
#ifdef __NR_process_vm_writev
	[__NR_process_vm_writev] = SCAP_EVT_SYSCALL_PROCESS_VM_WRITEV_E,
#endif
#ifdef __NR_open_by_handle_at
	[__NR_open_by_handle_at] = SCAP_EVT_SYSCALL_OPEN_BY_HANDLE_AT_E,
#endif
};

#undef SC_TABLE

#ifndef SCAPDRV_SC_TABLES_ONLY
static_assert(NR_syscalls <= SCAPDRV_NR_MAX);
static_assert(SCAP_EVT_GENERIC_E == 0);   /* unlisted entries read as generic */
#endif

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * workload.c - the deterministic workload of the driver VM test. Every step uses the
 * raw system call the test expects to see (glibc would turn open() into openat()).
 * Run in a writable directory; prints nothing and exits 0 when every step behaved.
 *
 *   1. open("/etc/passwd", O_RDONLY), close
 *   2. open("/nonexistent/scry-missing", O_RDONLY) -> -ENOENT
 *   3. openat(AT_FDCWD, "scry_workload.out", O_WRONLY|O_CREAT|O_TRUNC, 0640),
 *      write 1000 bytes ('A' + i % 26), close
 *   4. pipe, write "hello pipe" (10 bytes), read up to 64 -> 10, close both
 *   5. getpid (a generic event)
 *   6. fork: the child exits with status 3; wait for it
 *   7. socket(AF_INET, SOCK_STREAM), connect 127.0.0.1:1 -> -ECONNREFUSED, close
 *   8. open(NULL) -> -EFAULT (a bad user pointer)
 *   9. files through a dirfd: mkdir scry_d 0750, open it O_DIRECTORY, openat f1
 *      O_RDWR|O_CREAT 0600, pwrite "abcdef" at 10, pread 4 at 12, writev "xy"+"z",
 *      preadv 3 at 0, preadv 16 at 12 (4 read), writev "xy"+"z" to the O_RDONLY dirfd
 *      (-EBADF), renameat f1 -> f2, linkat f2 -> f3, symlinkat "f2" -> f4,
 *      unlinkat f3, f4, fchmodat f2 0644, fchownat f2 0:0, mkdirat sub 0700,
 *      unlinkat sub AT_REMOVEDIR, rename scry_d/f2 -> scry_d/f5, chmod 0600,
 *      unlink, close, rmdir scry_d, chdir /tmp, fchdir
 *  10. dup(fd) dup2(fd, 50) dup3(fd, 51, O_CLOEXEC) fcntl(fd, F_DUPFD_CLOEXEC, 60),
 *      pipe2(O_CLOEXEC|O_NONBLOCK)
 *  11. IPv4, IPv6 and unix stream connections on loopback (ports 34567, 34568,
 *      /tmp/scry_wl.sock): socket, bind, listen(5), connect, accept4, sendto 5 bytes,
 *      recvfrom, sendmsg/recvmsg (unix), shutdown(SHUT_WR); UDP sendto/recvfrom with
 *      addresses; socketpair
 *  12. a thread (pthread_create) that calls getppid; clone3(CLONE_VM) of a child that
 *      exits at once while the parent clears its struct clone_args; fork + execve of
 *      /bin/true with arguments "arg1" "arg two" and environment SCRY_A=1 SCRY_B=two
 *  13. mmap/mprotect/munmap, eventfd2, timerfd_create, inotify_init1, memfd_create,
 *      signalfd4, userfaultfd, io_uring_setup, kill(self, 0), tgkill(self, self, 0),
 *      setresgid(-1, -1, -1), unshare(0), setns(-1), prctl(PR_GET_NAME), bpf(100),
 *      finit_module(-1), sendfile, mount/umount2 of a tmpfs
 *  14. bad pointers: read into an unmapped page, connect with a kernel address,
 *      open of a kernel address, write from NULL, write of 3 bytes to the O_RDONLY fd
 *      (-EBADF); then close(-1) must still be seen
 *  15. queries and waits (the events the peer fills that were generic before):
 *      stat /etc/passwd, lstat of the missing path (-ENOENT), fstat, access R_OK,
 *      getcwd, lseek 5 SEEK_SET, flock LOCK_SH|LOCK_NB then LOCK_UN, getdents64 and
 *      getdents of "/", splice 7 bytes of /etc/passwd into a pipe (SPLICE_F_NONBLOCK),
 *      poll and ppoll of the pipe's two ends (2 ready: POLLIN, POLLOUT), select with a
 *      zero timeout, epoll_wait(maxevents 4, timeout 0), futex FUTEX_WAKE_PRIVATE (val
 *      7) and FUTEX_WAIT_PRIVATE on a changed value (-EAGAIN), nanosleep 1000 ns;
 *      setsockopt SO_REUSEADDR 1, SO_RCVTIMEO 1.5 s, TCP_NODELAY 1; getsockopt
 *      SO_TYPE (1), SO_ERROR (0); getsockname, getpeername (-ENOTCONN);
 *      getrlimit/setrlimit/prlimit64 of RLIMIT_NOFILE (set to 1000/4096 and read
 *      back), getuid, geteuid, getgid, getegid, getresuid, getresgid (root: 0),
 *      setpgid(0, 0), setsid (-EPERM: now a group leader); sendmmsg and recvmmsg of
 *      one 3-byte message on a unix socketpair; semget(IPC_PRIVATE, 1, IPC_CREAT|0600),
 *      semctl SETVAL 5, semop +2 IPC_NOWAIT and -1 SEM_UNDO, semctl GETVAL (6), IPC_RMID;
 *      seccomp(SECCOMP_GET_ACTION_AVAIL); copy_file_range of 5 bytes from offset 2;
 *      the syscalls whose events are newer than sysdig 0.29.3 (written in its forms by
 *      scry -w): newfstatat of /etc/passwd (AT_SYMLINK_NOFOLLOW), mknod and mknodat of
 *      FIFOs, epoll_create(4), epoll_create1(EPOLL_CLOEXEC), mlock/munlock/mlock2
 *      (MLOCK_ONFAULT) of a page, mlockall(MCL_CURRENT|MCL_ONFAULT), munlockall,
 *      pidfd_open(self), pidfd_getfd of that pidfd, delete_module of a missing module
 *      (O_NONBLOCK: -ENOENT; -ENOSYS without module support)
 *  16. the last syscalls that were generic events: quotactl Q_SYNC (special NULL),
 *      Q_QUOTAON (QFMT_VFS_V0, quota file /tmp/scry_aquota), Q_SETQUOTA of group 1234,
 *      Q_SETINFO and Q_GETFMT (a buffer holding QFMT_VFS_V1) on /dev/scry-noquota
 *      (-ENOENT: the drivers read the caller's buffers all the same); io_uring_setup(8),
 *      io_uring_enter(0, 0, GETEVENTS, mask {SIGUSR1}) -> 0, io_uring_register
 *      UNREGISTER_BUFFERS (NULL, 0) -> -ENXIO; fsopen("tmpfs"), fsconfig SET_STRING
 *      size=1m, SET_BINARY size (3 bytes) -> -EINVAL, CMD_CREATE; process_vm_readv of 8
 *      bytes ("procvmrd") and process_vm_writev of 8 ("procvmwr") on itself;
 *      name_to_handle_at of scry_h (in the working directory), open_by_handle_at
 *      through "." O_RDONLY
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <linux/futex.h>
#include <linux/io_uring.h>
#include <linux/quota.h>
#include <linux/seccomp.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/epoll.h>
#include <sys/file.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/sem.h>
#include <sys/sysmacros.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#define CHECK(cond, what) do { if (!(cond)) { perror(what); return 1; } } while (0)

static int files_dirfd(void)
{
	char d[] = "scry_d", f1[] = "f1", f2[] = "f2", f3[] = "f3", f4[] = "f4", sub[] = "sub";
	char p2[] = "scry_d/f2", p5[] = "scry_d/f5", tmp[] = "/tmp", abcdef[] = "abcdef";
	char xy[] = "xy", z[] = "z", rb[16];
	struct iovec wv[2] = { { xy, 2 }, { z, 1 } }, rv[1] = { { rb, 3 } };
	struct iovec rv16[1] = { { rb, sizeof(rb) } };
	int dfd, fd;

	CHECK(syscall(SYS_mkdir, d, 0750) == 0, "mkdir");
	dfd = syscall(SYS_open, d, O_RDONLY | O_DIRECTORY);
	CHECK(dfd >= 0, "open dir");
	fd = syscall(SYS_openat, dfd, f1, O_RDWR | O_CREAT, 0600);
	CHECK(fd >= 0, "openat f1");
	CHECK(syscall(SYS_pwrite64, fd, abcdef, 6, 10) == 6, "pwrite");
	CHECK(syscall(SYS_pread64, fd, rb, 4, 12) == 4, "pread");
	CHECK(syscall(SYS_writev, fd, wv, 2) == 3, "writev");
	CHECK(syscall(SYS_preadv, fd, rv, 1, 0, 0) == 3, "preadv");
	/* A read shorter than the buffers (the file ends at 16) and a failing write. */
	CHECK(syscall(SYS_preadv, fd, rv16, 1, 12, 0) == 4, "preadv short");
	CHECK(syscall(SYS_writev, dfd, wv, 2) == -1 && errno == EBADF, "writev EBADF");
	syscall(SYS_close, fd);
	CHECK(syscall(SYS_renameat, dfd, f1, dfd, f2) == 0, "renameat");
	CHECK(syscall(SYS_linkat, dfd, f2, dfd, f3, 0) == 0, "linkat");
	CHECK(syscall(SYS_symlinkat, f2, dfd, f4) == 0, "symlinkat");
	CHECK(syscall(SYS_unlinkat, dfd, f3, 0) == 0, "unlinkat f3");
	CHECK(syscall(SYS_unlinkat, dfd, f4, 0) == 0, "unlinkat f4");
	CHECK(syscall(SYS_fchmodat, dfd, f2, 0644) == 0, "fchmodat");
	CHECK(syscall(SYS_fchownat, dfd, f2, 0, 0, 0) == 0, "fchownat");
	CHECK(syscall(SYS_mkdirat, dfd, sub, 0700) == 0, "mkdirat");
	CHECK(syscall(SYS_unlinkat, dfd, sub, AT_REMOVEDIR) == 0, "unlinkat sub");
	CHECK(syscall(SYS_rename, p2, p5) == 0, "rename");
	CHECK(syscall(SYS_chmod, p5, 0600) == 0, "chmod");
	CHECK(syscall(SYS_unlink, p5) == 0, "unlink");
	CHECK(syscall(SYS_fchdir, dfd) == 0, "fchdir");
	CHECK(syscall(SYS_chdir, tmp) == 0, "chdir");
	syscall(SYS_close, dfd);
	CHECK(syscall(SYS_rmdir, d) == 0, "rmdir");
	return 0;
}

static int dups(void)
{
	char passwd[] = "/etc/passwd";
	int fd, p[2];

	fd = syscall(SYS_open, passwd, O_RDONLY);
	CHECK(fd >= 0, "open passwd");
	CHECK(syscall(SYS_dup, fd) > fd, "dup");
	CHECK(syscall(SYS_dup2, fd, 50) == 50, "dup2");
	CHECK(syscall(SYS_dup3, fd, 51, O_CLOEXEC) == 51, "dup3");
	CHECK(syscall(SYS_fcntl, fd, F_DUPFD_CLOEXEC, 60) == 60, "fcntl");
	CHECK(syscall(SYS_pipe2, p, O_CLOEXEC | O_NONBLOCK) == 0, "pipe2");
	return 0;
}

/* A connection on loopback: server socket bound to @sa, client connects, accept4,
 * sendto 5 bytes "ping!" client -> server, recvfrom, shutdown(SHUT_WR) the client. */
static int stream_pair(int family, const struct sockaddr *sa, socklen_t len)
{
	char ping[] = "ping!", rb[16];
	int s, c, a, one = 1;

	s = syscall(SYS_socket, family, SOCK_STREAM, 0);
	CHECK(s >= 0, "socket server");
	setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	CHECK(syscall(SYS_bind, s, sa, len) == 0, "bind");
	CHECK(syscall(SYS_listen, s, 5) == 0, "listen");
	c = syscall(SYS_socket, family, SOCK_STREAM, 0);
	CHECK(c >= 0, "socket client");
	CHECK(syscall(SYS_connect, c, sa, len) == 0, "connect");
	a = syscall(SYS_accept4, s, NULL, NULL, 0);
	CHECK(a >= 0, "accept4");
	CHECK(syscall(SYS_sendto, c, ping, 5, 0, NULL, 0) == 5, "sendto");
	CHECK(syscall(SYS_recvfrom, a, rb, sizeof(rb), 0, NULL, NULL) == 5, "recvfrom");
	CHECK(syscall(SYS_shutdown, c, SHUT_WR) == 0, "shutdown");
	syscall(SYS_close, a);
	syscall(SYS_close, c);
	syscall(SYS_close, s);
	return 0;
}

static int net(void)
{
	struct sockaddr_in sin = { .sin_family = AF_INET, .sin_port = htons(34567) };
	struct sockaddr_in6 sin6 = { .sin6_family = AF_INET6, .sin6_port = htons(34568) };
	struct sockaddr_un sun = { .sun_family = AF_UNIX, .sun_path = "/tmp/scry_wl.sock" };
	struct sockaddr_in from;
	socklen_t fromlen = sizeof(from);
	char hi[] = "hi udp", rb[16], msg[] = "unix msg";
	struct iovec iov = { msg, 8 }, riov = { rb, sizeof(rb) };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1 };
	struct msghdr rmh = { .msg_iov = &riov, .msg_iovlen = 1 };
	int u1, u2, sv[2];

	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	sin6.sin6_addr = in6addr_loopback;
	if (stream_pair(AF_INET, (struct sockaddr *)&sin, sizeof(sin)) ||
	    stream_pair(AF_INET6, (struct sockaddr *)&sin6, sizeof(sin6)))
		return 1;
	unlink(sun.sun_path);
	if (stream_pair(AF_UNIX, (struct sockaddr *)&sun, sizeof(sun)))
		return 1;
	unlink(sun.sun_path);

	/* UDP: u2 bound to 127.0.0.1:34569, u1 sends to it, u2 receives with the address. */
	u1 = syscall(SYS_socket, AF_INET, SOCK_DGRAM, 0);
	u2 = syscall(SYS_socket, AF_INET, SOCK_DGRAM, 0);
	CHECK(u1 >= 0 && u2 >= 0, "udp sockets");
	sin.sin_port = htons(34569);
	CHECK(syscall(SYS_bind, u2, &sin, sizeof(sin)) == 0, "udp bind");
	CHECK(syscall(SYS_sendto, u1, hi, 6, 0, &sin, sizeof(sin)) == 6, "udp sendto");
	CHECK(syscall(SYS_recvfrom, u2, rb, sizeof(rb), 0, &from, &fromlen) == 6, "udp recvfrom");
	syscall(SYS_close, u1);
	syscall(SYS_close, u2);

	CHECK(syscall(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, sv) == 0, "socketpair");
	CHECK(syscall(SYS_sendmsg, sv[0], &mh, 0) == 8, "sendmsg");
	CHECK(syscall(SYS_recvmsg, sv[1], &rmh, 0) == 8, "recvmsg");
	syscall(SYS_close, sv[0]);
	syscall(SYS_close, sv[1]);
	return 0;
}

static void *thread_main(void *arg)
{
	syscall(SYS_getppid);
	return arg;
}

/* The first fields of struct clone_args (CLONE_ARGS_SIZE_VER0: 64 bytes). */
struct wl_clone_args {
	unsigned long long flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size,
		tls;
};

/*
 * clone3(CLONE_VM) of a child that exits at once: it shares the parent's memory, and
 * its whole life is the assembly after the syscall (exit(0), no stack used). The parent
 * clears the struct clone_args as soon as the call returns, as a thread library that
 * reuses its stack does: the child's exit event must still carry CLONE_VM.
 */
static int clone3_vm(void)
{
	static char stack[4096] __attribute__((aligned(16)));
	struct wl_clone_args ca = { .flags = CLONE_VM, .exit_signal = SIGCHLD,
				    .stack = (unsigned long)stack, .stack_size = sizeof(stack) };
	int status;
	long r;

	asm volatile("syscall\n\t"
		     "test %%rax, %%rax\n\t"
		     "jnz 1f\n\t"
		     "mov %[exit_nr], %%eax\n\t"
		     "xor %%edi, %%edi\n\t"
		     "syscall\n"
		     "1:"
		     : "=a"(r)
		     : "0"((long)SYS_clone3), "D"(&ca), "S"(sizeof(ca)), [exit_nr] "i"(SYS_exit)
		     : "rcx", "r11", "memory");
	explicit_bzero(&ca, sizeof(ca));
	CHECK(r > 0, "clone3 CLONE_VM");
	CHECK(waitpid(r, &status, 0) == r && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "wait clone3 child");
	return 0;
}

static int procs(void)
{
	char true_path[] = "/bin/true", a0[] = "true", a1[] = "arg1", a2[] = "arg two";
	char e0[] = "SCRY_A=1", e1[] = "SCRY_B=two";
	char *argv[] = { a0, a1, a2, NULL }, *envp[] = { e0, e1, NULL };
	pthread_t th;
	pid_t child;
	int status;

	CHECK(pthread_create(&th, NULL, thread_main, NULL) == 0, "pthread_create");
	CHECK(pthread_join(th, NULL) == 0, "pthread_join");
	if (clone3_vm())
		return 1;
	child = fork();
	CHECK(child >= 0, "fork");
	if (child == 0) {
		syscall(SYS_execve, true_path, argv, envp);
		_exit(127);
	}
	CHECK(waitpid(child, &status, 0) == child && WEXITSTATUS(status) == 0, "wait true");
	return 0;
}

static int misc(void)
{
	char memfd_name[] = "scry_memfd", name[32], mnt[] = "/tmp/scry_mnt", none[] = "none";
	char tmpfs[] = "tmpfs", passwd[] = "/etc/passwd";
	struct io_uring_params up;
	unsigned long mask = 1UL << (SIGUSR1 - 1);
	long long off = 0;
	void *m;
	int fd, in;

	m = (void *)syscall(SYS_mmap, NULL, 8192, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(m != MAP_FAILED, "mmap");
	CHECK(syscall(SYS_mprotect, m, 4096, PROT_READ) == 0, "mprotect");
	CHECK(syscall(SYS_munmap, m, 8192) == 0, "munmap");
	CHECK(syscall(SYS_eventfd2, 5, O_CLOEXEC) >= 0, "eventfd2");
	CHECK(syscall(SYS_timerfd_create, 1, 0) >= 0, "timerfd_create");
	CHECK(syscall(SYS_inotify_init1, O_NONBLOCK) >= 0, "inotify_init1");
	CHECK(syscall(SYS_memfd_create, memfd_name, 1) >= 0, "memfd_create");
	CHECK(syscall(SYS_signalfd4, -1, &mask, 8, O_NONBLOCK) >= 0, "signalfd4");
	CHECK(syscall(SYS_userfaultfd, O_CLOEXEC | O_NONBLOCK) >= 0, "userfaultfd");
	memset(&up, 0, sizeof(up));
	CHECK(syscall(SYS_io_uring_setup, 4, &up) >= 0, "io_uring_setup");
	CHECK(syscall(SYS_kill, getpid(), 0) == 0, "kill");
	CHECK(syscall(SYS_tgkill, getpid(), getpid(), 0) == 0, "tgkill");
	CHECK(syscall(SYS_setresgid, -1, -1, -1) == 0, "setresgid");
	CHECK(syscall(SYS_unshare, 0) == 0, "unshare");
	CHECK(syscall(SYS_setns, -1, 0) == -1, "setns");
	CHECK(syscall(SYS_prctl, PR_GET_NAME, name, 0, 0, 0) == 0, "prctl");
	CHECK(syscall(SYS_bpf, 100, NULL, 0) == -1, "bpf");
	CHECK(syscall(SYS_finit_module, -1, "", 0) == -1, "finit_module");
	in = syscall(SYS_open, passwd, O_RDONLY);
	fd = syscall(SYS_memfd_create, memfd_name, 0);
	CHECK(in >= 0 && fd >= 0, "sendfile fds");
	CHECK(syscall(SYS_sendfile, fd, in, &off, 5) == 5, "sendfile");
	CHECK(syscall(SYS_mkdir, mnt, 0700) == 0, "mkdir mnt");
	CHECK(syscall(SYS_mount, none, mnt, tmpfs, MS_NOSUID | MS_NODEV, NULL) == 0, "mount");
	CHECK(syscall(SYS_umount2, mnt, MNT_DETACH) == 0, "umount2");
	CHECK(syscall(SYS_rmdir, mnt) == 0, "rmdir mnt");
	return 0;
}

static int bad_pointers(void)
{
	char passwd[] = "/etc/passwd";
	void *hole;
	int fd, s;

	/* A page mapped then unmapped: certainly not mapped now. */
	hole = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(hole != MAP_FAILED, "mmap hole");
	munmap(hole, 4096);
	fd = syscall(SYS_open, passwd, O_RDONLY);
	CHECK(fd >= 0, "open");
	CHECK(syscall(SYS_read, fd, hole, 100) == -1 && errno == EFAULT, "read into a hole");
	s = syscall(SYS_socket, AF_INET, SOCK_STREAM, 0);
	CHECK(syscall(SYS_connect, s, (void *)0xffffffff81000000UL, 16) == -1, "connect kaddr");
	CHECK(syscall(SYS_open, (void *)0xffffffff81000000UL, O_RDONLY) == -1, "open kaddr");
	CHECK(syscall(SYS_write, fd, NULL, 10) == -1, "write NULL");
	CHECK(syscall(SYS_write, fd, passwd, 3) == -1 && errno == EBADF, "write read-only");
	CHECK(syscall(SYS_close, -1) == -1, "close(-1)");
	return 0;
}

/* The end of step 15: syscalls whose events sysdig 0.29.3 does not have. */
static int newer(void)
{
	char passwd[] = "/etc/passwd", f1[] = "scry_fifo1", f2[] = "scry_fifo2";
	char nomod[] = "scry_no_such_module";
	struct stat st;
	void *m;
	int pfd, fd;

	memset(&st, 0, sizeof(st));
	CHECK(syscall(SYS_newfstatat, AT_FDCWD, passwd, &st, AT_SYMLINK_NOFOLLOW) == 0,
	      "newfstatat");
	CHECK(syscall(SYS_mknod, f1, S_IFIFO | 0640, 0) == 0, "mknod");
	CHECK(syscall(SYS_mknodat, AT_FDCWD, f2, S_IFIFO | 0600, 0) == 0, "mknodat");
	CHECK(syscall(SYS_unlink, f1) == 0 && syscall(SYS_unlink, f2) == 0, "unlink fifos");
	fd = syscall(SYS_epoll_create, 4);
	CHECK(fd >= 0, "epoll_create");
	syscall(SYS_close, fd);
	fd = syscall(SYS_epoll_create1, EPOLL_CLOEXEC);
	CHECK(fd >= 0, "epoll_create1");
	syscall(SYS_close, fd);
	m = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(m != MAP_FAILED, "mmap for mlock");
	CHECK(syscall(SYS_mlock, m, 4096) == 0, "mlock");
	CHECK(syscall(SYS_munlock, m, 4096) == 0, "munlock");
	CHECK(syscall(SYS_mlock2, m, 4096, 1) == 0, "mlock2");        /* MLOCK_ONFAULT */
	CHECK(syscall(SYS_munlock, m, 4096) == 0, "munlock 2");
	munmap(m, 4096);
	CHECK(syscall(SYS_mlockall, MCL_CURRENT | MCL_ONFAULT) == 0, "mlockall");
	CHECK(syscall(SYS_munlockall) == 0, "munlockall");
	pfd = syscall(SYS_pidfd_open, getpid(), 0);
	CHECK(pfd >= 0, "pidfd_open");
	fd = syscall(SYS_pidfd_getfd, pfd, pfd, 0);
	CHECK(fd >= 0, "pidfd_getfd");
	syscall(SYS_close, fd);
	syscall(SYS_close, pfd);
	/* ENOSYS on a kernel without module support (the eBPF tests on the build host) */
	CHECK(syscall(SYS_delete_module, nomod, O_NONBLOCK) == -1 &&
	      (errno == ENOENT || errno == ENOSYS), "delete_module");
	return 0;
}

/* The rest of step 15: System V semaphores, seccomp, copy_file_range. */
static int ipc_and_copy(void)
{
	char fin[] = "scry_cfr_in", fout[] = "scry_cfr_out", text[] = "hello copy";
	struct sembuf sb[2] = { { 0, 2, IPC_NOWAIT }, { 0, -1, SEM_UNDO } };
	unsigned int action = SECCOMP_RET_KILL_PROCESS;
	long long off = 2;
	int sem, in, out;

	sem = syscall(SYS_semget, IPC_PRIVATE, 1, IPC_CREAT | 0600);
	CHECK(sem >= 0, "semget");
	CHECK(syscall(SYS_semctl, sem, 0, SETVAL, 5) == 0, "semctl SETVAL");
	CHECK(syscall(SYS_semop, sem, sb, 2) == 0, "semop");
	CHECK(syscall(SYS_semctl, sem, 0, GETVAL, 0) == 6, "semctl GETVAL");
	CHECK(syscall(SYS_semctl, sem, 0, IPC_RMID, 0) == 0, "semctl IPC_RMID");
	CHECK(syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &action) == 0, "seccomp");
	in = syscall(SYS_open, fin, O_RDWR | O_CREAT | O_TRUNC, 0600);
	out = syscall(SYS_open, fout, O_RDWR | O_CREAT | O_TRUNC, 0600);
	CHECK(in >= 0 && out >= 0, "copy_file_range files");
	CHECK(syscall(SYS_write, in, text, 10) == 10, "write copy source");
	CHECK(syscall(SYS_copy_file_range, in, &off, out, NULL, 5, 0) == 5 && off == 7,
	      "copy_file_range");
	syscall(SYS_close, in);
	syscall(SYS_close, out);
	CHECK(syscall(SYS_unlink, fin) == 0 && syscall(SYS_unlink, fout) == 0, "unlink copies");
	return newer();
}

static int queries(void)
{
	char passwd[] = "/etc/passwd", missing[] = "/nonexistent/scry-missing", root[] = "/";
	char cwd[256], dents[1024], m3[] = "mmm", r3[8];
	struct stat st;
	struct pollfd pf[2];
	struct timespec zero = { 0, 0 }, us = { 0, 1000 };
	struct timeval tv = { 0, 0 }, rcvtimeo = { 1, 500000 };
	struct epoll_event ev[4];
	struct rlimit rl, nl = { 1000, 4096 };
	struct iovec siov = { m3, 3 }, riov = { r3, sizeof(r3) };
	struct mmsghdr smsg, rmsg;
	socklen_t len;
	unsigned int ids[3];
	int fd, d, p[2], sp[2], s, ep, one = 1, v, fut = 0;

	memset(&st, 0, sizeof(st));
	memset(cwd, 0, sizeof(cwd));
	memset(dents, 0, sizeof(dents));
	memset(ev, 0, sizeof(ev));
	memset(r3, 0, sizeof(r3));
	CHECK(syscall(SYS_stat, passwd, &st) == 0, "stat");
	CHECK(syscall(SYS_lstat, missing, &st) == -1 && errno == ENOENT, "lstat missing");
	fd = syscall(SYS_open, passwd, O_RDONLY);
	CHECK(fd >= 0, "open passwd");
	CHECK(syscall(SYS_fstat, fd, &st) == 0, "fstat");
	CHECK(syscall(SYS_access, passwd, R_OK) == 0, "access");
	CHECK(syscall(SYS_getcwd, cwd, sizeof(cwd)) > 0, "getcwd");
	CHECK(syscall(SYS_lseek, fd, 5, SEEK_SET) == 5, "lseek");
	CHECK(syscall(SYS_flock, fd, LOCK_SH | LOCK_NB) == 0, "flock");
	CHECK(syscall(SYS_flock, fd, LOCK_UN) == 0, "flock unlock");
	d = syscall(SYS_open, root, O_RDONLY | O_DIRECTORY);
	CHECK(d >= 0, "open /");
	CHECK(syscall(SYS_getdents64, d, dents, sizeof(dents)) > 0, "getdents64");
	CHECK(syscall(SYS_lseek, d, 0, SEEK_SET) == 0, "lseek dir");
	CHECK(syscall(SYS_getdents, d, dents, sizeof(dents)) > 0, "getdents");
	syscall(SYS_close, d);
	CHECK(syscall(SYS_pipe, p) == 0, "pipe");
	CHECK(syscall(SYS_splice, fd, NULL, p[1], NULL, 7, SPLICE_F_NONBLOCK) == 7, "splice");
	pf[0] = (struct pollfd){ .fd = p[0], .events = POLLIN };
	pf[1] = (struct pollfd){ .fd = p[1], .events = POLLOUT };
	CHECK(syscall(SYS_poll, pf, 2, 0) == 2, "poll");
	CHECK(syscall(SYS_ppoll, pf, 2, &zero, NULL, 8) == 2, "ppoll");
	CHECK(syscall(SYS_select, 0, NULL, NULL, NULL, &tv) == 0, "select");
	ep = syscall(SYS_epoll_create1, 0);
	CHECK(ep >= 0, "epoll_create1");
	CHECK(syscall(SYS_epoll_wait, ep, ev, 4, 0) == 0, "epoll_wait");
	CHECK(syscall(SYS_futex, &fut, FUTEX_WAKE_PRIVATE, 7, NULL, NULL, 0) == 0, "futex wake");
	CHECK(syscall(SYS_futex, &fut, FUTEX_WAIT_PRIVATE, 9, NULL, NULL, 0) == -1 &&
	      errno == EAGAIN, "futex wait");
	CHECK(syscall(SYS_nanosleep, &us, NULL) == 0, "nanosleep");
	syscall(SYS_close, p[0]);
	syscall(SYS_close, p[1]);
	syscall(SYS_close, fd);
	syscall(SYS_close, ep);

	s = syscall(SYS_socket, AF_INET, SOCK_STREAM, 0);
	CHECK(s >= 0, "socket");
	CHECK(syscall(SYS_setsockopt, s, SOL_SOCKET, SO_REUSEADDR, &one, 4) == 0, "SO_REUSEADDR");
	CHECK(syscall(SYS_setsockopt, s, SOL_SOCKET, SO_RCVTIMEO, &rcvtimeo,
		      sizeof(rcvtimeo)) == 0, "SO_RCVTIMEO");
	CHECK(syscall(SYS_setsockopt, s, IPPROTO_TCP, TCP_NODELAY, &one, 4) == 0, "TCP_NODELAY");
	len = sizeof(v);
	CHECK(syscall(SYS_getsockopt, s, SOL_SOCKET, SO_TYPE, &v, &len) == 0 && v == 1,
	      "SO_TYPE");
	len = sizeof(v);
	CHECK(syscall(SYS_getsockopt, s, SOL_SOCKET, SO_ERROR, &v, &len) == 0 && v == 0,
	      "SO_ERROR");
	{
		struct sockaddr_in a;

		len = sizeof(a);
		CHECK(syscall(SYS_getsockname, s, &a, &len) == 0, "getsockname");
		len = sizeof(a);
		CHECK(syscall(SYS_getpeername, s, &a, &len) == -1 && errno == ENOTCONN,
		      "getpeername");
	}
	syscall(SYS_close, s);

	CHECK(syscall(SYS_getrlimit, RLIMIT_NOFILE, &rl) == 0, "getrlimit");
	CHECK(syscall(SYS_setrlimit, RLIMIT_NOFILE, &nl) == 0, "setrlimit");
	CHECK(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, &rl) == 0 && rl.rlim_cur == 1000,
	      "prlimit64");
	CHECK(syscall(SYS_getuid) == 0 && syscall(SYS_geteuid) == 0 && syscall(SYS_getgid) == 0 &&
	      syscall(SYS_getegid) == 0, "get*id");
	CHECK(syscall(SYS_getresuid, &ids[0], &ids[1], &ids[2]) == 0, "getresuid");
	CHECK(syscall(SYS_getresgid, &ids[0], &ids[1], &ids[2]) == 0, "getresgid");
	CHECK(syscall(SYS_setpgid, 0, 0) == 0, "setpgid");
	CHECK(syscall(SYS_setsid) == -1 && errno == EPERM, "setsid");

	CHECK(syscall(SYS_socketpair, AF_UNIX, SOCK_DGRAM, 0, sp) == 0, "socketpair");
	memset(&smsg, 0, sizeof(smsg));
	memset(&rmsg, 0, sizeof(rmsg));
	smsg.msg_hdr.msg_iov = &siov;
	smsg.msg_hdr.msg_iovlen = 1;
	rmsg.msg_hdr.msg_iov = &riov;
	rmsg.msg_hdr.msg_iovlen = 1;
	CHECK(syscall(SYS_sendmmsg, sp[0], &smsg, 1, 0) == 1, "sendmmsg");
	CHECK(syscall(SYS_recvmmsg, sp[1], &rmsg, 1, 0, NULL) == 1, "recvmmsg");
	syscall(SYS_close, sp[0]);
	syscall(SYS_close, sp[1]);
	return ipc_and_copy();
}

#ifndef FSCONFIG_SET_STRING
#define FSCONFIG_SET_STRING 1
#define FSCONFIG_SET_BINARY 2
#define FSCONFIG_CMD_CREATE 6
#endif

/* Step 16: quotactl, io_uring_enter/register, fsconfig, process_vm_*, open_by_handle_at. */
static int last_generic(void)
{
	char dev[] = "/dev/scry-noquota", qfile[] = "/tmp/scry_aquota", tmpfs[] = "tmpfs";
	char size[] = "size", onem[] = "1m", bin[] = "xyz", h[] = "scry_h", dot[] = ".";
	char rd_src[] = "procvmrd", wr_src[] = "procvmwr", rd_dst[8], wr_dst[8];
	struct iovec lrd = { rd_dst, 8 }, rrd = { rd_src, 8 };
	struct iovec lwr = { wr_src, 8 }, rwr = { wr_dst, 8 };
	struct if_dqblk b = {
		.dqb_bhardlimit = 100, .dqb_bsoftlimit = 90, .dqb_curspace = 5,
		.dqb_ihardlimit = 10, .dqb_isoftlimit = 9, .dqb_curinodes = 3,
		.dqb_btime = 1111, .dqb_itime = 2222,
		.dqb_valid = QIF_BLIMITS | QIF_SPACE | QIF_ILIMITS | QIF_BTIME | QIF_ITIME,
	};
	struct if_dqinfo qi = {
		.dqi_bgrace = 3600, .dqi_igrace = 7200, .dqi_flags = 1,
		.dqi_valid = IIF_BGRACE | IIF_IGRACE | IIF_FLAGS,
	};
	unsigned int fmt = QFMT_VFS_V1;
	struct io_uring_params up;
	uint64_t mask = 1ull << (SIGUSR1 - 1);
	struct file_handle *fh = malloc(sizeof(*fh) + MAX_HANDLE_SZ);
	int ring, fs, fd, mnt, mount_id;

	syscall(SYS_quotactl, QCMD(Q_SYNC, USRQUOTA), NULL, 0, NULL);
	CHECK(syscall(SYS_quotactl, QCMD(Q_QUOTAON, USRQUOTA), dev, QFMT_VFS_V0, qfile) == -1,
	      "quotactl Q_QUOTAON");
	CHECK(syscall(SYS_quotactl, QCMD(Q_SETQUOTA, GRPQUOTA), dev, 1234, &b) == -1,
	      "quotactl Q_SETQUOTA");
	CHECK(syscall(SYS_quotactl, QCMD(Q_SETINFO, USRQUOTA), dev, 0, &qi) == -1,
	      "quotactl Q_SETINFO");
	CHECK(syscall(SYS_quotactl, QCMD(Q_GETFMT, USRQUOTA), dev, 0, &fmt) == -1,
	      "quotactl Q_GETFMT");

	memset(&up, 0, sizeof(up));
	ring = syscall(SYS_io_uring_setup, 8, &up);
	CHECK(ring >= 0, "io_uring_setup");
	CHECK(syscall(SYS_io_uring_enter, ring, 0, 0, IORING_ENTER_GETEVENTS, &mask, 8) == 0,
	      "io_uring_enter");
	CHECK(syscall(SYS_io_uring_register, ring, IORING_UNREGISTER_BUFFERS, NULL, 0) == -1 &&
	      errno == ENXIO, "io_uring_register");
	syscall(SYS_close, ring);

	fs = syscall(SYS_fsopen, tmpfs, 0);
	CHECK(fs >= 0, "fsopen");
	CHECK(syscall(SYS_fsconfig, fs, FSCONFIG_SET_STRING, size, onem, 0) == 0, "fsconfig");
	CHECK(syscall(SYS_fsconfig, fs, FSCONFIG_SET_BINARY, size, bin, 3) == -1,
	      "fsconfig binary");
	CHECK(syscall(SYS_fsconfig, fs, FSCONFIG_CMD_CREATE, NULL, NULL, 0) == 0,
	      "fsconfig create");
	syscall(SYS_close, fs);

	CHECK(syscall(SYS_process_vm_readv, getpid(), &lrd, 1, &rrd, 1, 0) == 8 &&
	      memcmp(rd_dst, rd_src, 8) == 0, "process_vm_readv");
	CHECK(syscall(SYS_process_vm_writev, getpid(), &lwr, 1, &rwr, 1, 0) == 8,
	      "process_vm_writev");

	fd = syscall(SYS_open, h, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0, "open scry_h");
	syscall(SYS_close, fd);
	CHECK(fh != NULL, "malloc");
	fh->handle_bytes = MAX_HANDLE_SZ;
	CHECK(syscall(SYS_name_to_handle_at, AT_FDCWD, h, fh, &mount_id, 0) == 0,
	      "name_to_handle_at");
	mnt = syscall(SYS_open, dot, O_RDONLY | O_DIRECTORY);
	CHECK(mnt >= 0, "open .");
	fd = syscall(SYS_open_by_handle_at, mnt, fh, O_RDONLY);
	free(fh);
	CHECK(fd >= 0, "open_by_handle_at");
	syscall(SYS_close, fd);
	syscall(SYS_close, mnt);
	CHECK(syscall(SYS_unlink, h) == 0, "unlink scry_h");
	return 0;
}

int main(void)
{
	/* Paths live on the stack, which is resident: a string in a page of .rodata not
	 * touched yet would read as empty in the enter event (reads never fault pages in). */
	char passwd[] = "/etc/passwd", missing[] = "/nonexistent/scry-missing";
	char outname[] = "scry_workload.out", hello[] = "hello pipe";
	char buf[1000], rbuf[64];
	struct sockaddr_in sin;
	int fd, p[2], status;
	long r;
	pid_t child;

	fd = syscall(SYS_open, passwd, O_RDONLY);
	CHECK(fd >= 0, "open /etc/passwd");
	syscall(SYS_close, fd);

	r = syscall(SYS_open, missing, O_RDONLY);
	CHECK(r == -1 && errno == ENOENT, "open missing");

	fd = syscall(SYS_openat, AT_FDCWD, outname, O_WRONLY | O_CREAT | O_TRUNC, 0640);
	CHECK(fd >= 0, "openat");
	for (int i = 0; i < 1000; i++)
		buf[i] = 'A' + i % 26;
	CHECK(syscall(SYS_write, fd, buf, 1000) == 1000, "write 1000");
	syscall(SYS_close, fd);

	CHECK(syscall(SYS_pipe, p) == 0, "pipe");
	CHECK(syscall(SYS_write, p[1], hello, 10) == 10, "write pipe");
	CHECK(syscall(SYS_read, p[0], rbuf, sizeof(rbuf)) == 10, "read pipe");
	syscall(SYS_close, p[0]);
	syscall(SYS_close, p[1]);

	syscall(SYS_getpid);

	child = fork();
	CHECK(child >= 0, "fork");
	if (child == 0)
		_exit(3);
	CHECK(waitpid(child, &status, 0) == child && WEXITSTATUS(status) == 3, "wait");

	fd = syscall(SYS_socket, AF_INET, SOCK_STREAM, 0);
	CHECK(fd >= 0, "socket");
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = htons(1);
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	r = syscall(SYS_connect, fd, &sin, sizeof(sin));
	CHECK(r == -1 && errno == ECONNREFUSED, "connect 127.0.0.1:1");
	syscall(SYS_close, fd);

	r = syscall(SYS_open, NULL, O_RDONLY);
	CHECK(r == -1 && errno == EFAULT, "open(NULL)");

	if (files_dirfd() || dups() || net() || procs() || misc() || bad_pointers() ||
	    queries() || last_generic())
		return 1;
	return 0;
}

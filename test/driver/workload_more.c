/* SPDX-License-Identifier: Apache-2.0 */
/*
 * workload_more.c - the core syscalls test/driver/workload.c does not make, for the
 * comparison with the peer driver (test/driver/guest_peer.sh, compare_peer.py). Raw
 * system calls, run as root in a writable directory; prints nothing and exits 0 when
 * every step behaved.
 *
 *   1. creat scry_m1 0640, link -> scry_m2, symlink "scry_m1" -> scry_m3, renameat2
 *      scry_m2 -> scry_m4 (flags 0), fchmod 0600, fchown 0:0, chown and lchown 0:0
 *   2. pwritev "ab"+"cd" at 0 of scry_m1, readv into 8 bytes (after an lseek to 0):
 *      the 4 bytes of the file, ioctl FIONREAD on a pipe holding 5 bytes
 *   3. openat2 of scry_m1 O_RDONLY (struct open_how), close
 *   4. credentials to the values they have: setuid(0), setgid(0), setreuid(-1,-1),
 *      setregid(-1,-1), setresuid(-1,-1,-1); capget then capset of the same sets
 *   5. tkill(self, 0); fork (SYS_fork, the child calls exit) and vfork (the child calls
 *      _exit: exit_group) children; a child that
 *      execveat()s /bin/true through an O_PATH fd with AT_EMPTY_PATH; ptrace(PTRACE_PEEKDATA)
 *      of pid 1 -> error; init_module(NULL, 0, "") -> error; chroot("/")
 *   (the files are unlinked after step 3)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <linux/openat2.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#define CHECK(cond, what) do { if (!(cond)) { perror(what); return 1; } } while (0)

static int files(void)
{
	char m1[] = "scry_m1", m2[] = "scry_m2", m3[] = "scry_m3", m4[] = "scry_m4";
	char ab[] = "ab", cd[] = "cd", rb[8], hello[] = "hello";
	struct iovec wv[2] = { { ab, 2 }, { cd, 2 } }, rv[1] = { { rb, sizeof(rb) } };
	struct open_how how = { .flags = O_RDONLY };
	int fd, p[2], n = 0;

	fd = syscall(SYS_creat, m1, 0640);
	CHECK(fd >= 0, "creat");
	CHECK(syscall(SYS_link, m1, m2) == 0, "link");
	CHECK(syscall(SYS_symlink, m1, m3) == 0, "symlink");
	CHECK(syscall(SYS_renameat2, AT_FDCWD, m2, AT_FDCWD, m4, 0) == 0, "renameat2");
	CHECK(syscall(SYS_fchmod, fd, 0600) == 0, "fchmod");
	CHECK(syscall(SYS_fchown, fd, 0, 0) == 0, "fchown");
	CHECK(syscall(SYS_chown, m1, 0, 0) == 0, "chown");
	CHECK(syscall(SYS_lchown, m3, 0, 0) == 0, "lchown");
	syscall(SYS_close, fd);

	fd = syscall(SYS_open, m1, O_RDWR);
	CHECK(fd >= 0, "open rw");
	CHECK(syscall(SYS_pwritev, fd, wv, 2, 0, 0) == 4, "pwritev");
	CHECK(syscall(SYS_lseek, fd, 0, SEEK_SET) == 0, "lseek");
	CHECK(syscall(SYS_readv, fd, rv, 1) == 4, "readv");
	syscall(SYS_close, fd);
	CHECK(syscall(SYS_pipe, p) == 0, "pipe");
	CHECK(syscall(SYS_write, p[1], hello, 5) == 5, "write pipe");
	CHECK(syscall(SYS_ioctl, p[0], FIONREAD, &n) == 0 && n == 5, "ioctl FIONREAD");
	syscall(SYS_close, p[0]);
	syscall(SYS_close, p[1]);

	fd = syscall(SYS_openat2, AT_FDCWD, m1, &how, sizeof(how));
	CHECK(fd >= 0, "openat2");
	syscall(SYS_close, fd);
	CHECK(syscall(SYS_unlink, m1) == 0 && syscall(SYS_unlink, m3) == 0 &&
	      syscall(SYS_unlink, m4) == 0, "unlink");
	return 0;
}

static int creds(void)
{
	struct __user_cap_header_struct h = { .version = _LINUX_CAPABILITY_VERSION_3 };
	struct __user_cap_data_struct d[2];

	CHECK(syscall(SYS_setuid, 0) == 0, "setuid");
	CHECK(syscall(SYS_setgid, 0) == 0, "setgid");
	CHECK(syscall(SYS_setreuid, -1, -1) == 0, "setreuid");
	CHECK(syscall(SYS_setregid, -1, -1) == 0, "setregid");
	CHECK(syscall(SYS_setresuid, -1, -1, -1) == 0, "setresuid");
	memset(d, 0, sizeof(d));
	CHECK(syscall(SYS_capget, &h, d) == 0, "capget");
	CHECK(syscall(SYS_capset, &h, d) == 0, "capset");
	return 0;
}

static int procs(void)
{
	char true_path[] = "/bin/true", empty[] = "", a0[] = "true", root[] = "/";
	char *argv[] = { a0, NULL }, *envp[] = { NULL };
	int status, fd;
	pid_t c;

	CHECK(syscall(SYS_tkill, (pid_t)syscall(SYS_gettid), 0) == 0, "tkill");
	c = syscall(SYS_fork);
	CHECK(c >= 0, "fork");
	if (c == 0)
		syscall(SYS_exit, 0);
	CHECK(waitpid(c, &status, 0) == c, "wait fork");
	c = vfork();                     /* glibc's is the vfork syscall itself */
	CHECK(c >= 0, "vfork");
	if (c == 0)
		_exit(0);
	CHECK(waitpid(c, &status, 0) == c, "wait vfork");
	fd = syscall(SYS_open, true_path, O_PATH);
	CHECK(fd >= 0, "open O_PATH");
	c = syscall(SYS_fork);
	CHECK(c >= 0, "fork for execveat");
	if (c == 0) {
		syscall(SYS_execveat, fd, empty, argv, envp, AT_EMPTY_PATH);
		syscall(SYS_exit, 127);
	}
	CHECK(waitpid(c, &status, 0) == c && WEXITSTATUS(status) == 0, "wait execveat");
	syscall(SYS_close, fd);
	CHECK(syscall(SYS_ptrace, PTRACE_PEEKDATA, 1, NULL, NULL) == -1, "ptrace");
	CHECK(syscall(SYS_init_module, NULL, 0, empty) == -1, "init_module");
	CHECK(syscall(SYS_chroot, root) == 0, "chroot");
	return 0;
}

int main(void)
{
	return files() || creds() || procs();
}

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
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define CHECK(cond, what) do { if (!(cond)) { perror(what); return 1; } } while (0)

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
	return 0;
}

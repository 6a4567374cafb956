/* SPDX-License-Identifier: Apache-2.0 */
/*
 * loop.c - one timed system call loop of bench/kmod (built by bench/kmod/run, run in
 * the VM by bench/kmod/guest.sh):
 *
 *   kmod_loop KIND N    prints the ns per call of N calls, after N/10 untimed ones
 *
 * KIND getpid: SYS_getpid; open_close: open of /tmp/scry_bench_file (the guest's
 * tmpfs) and its close, ns per pair; read4k: pread of 4096 bytes at offset 0 of that
 * 4 KiB file. Exit status 2 on a usage error, 1 when the file cannot be made.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static const char path[] = "/tmp/scry_bench_file";
static char buf[4096];

static void run(int kind, int fd, long n)
{
	for (long i = 0; i < n; i++) {
		if (kind == 0)
			syscall(SYS_getpid);
		else if (kind == 1)
			syscall(SYS_close, (int)syscall(SYS_open, path, O_RDONLY));
		else
			syscall(SYS_pread64, fd, buf, sizeof(buf), 0);
	}
}

int main(int argc, char **argv)
{
	static const char *const kinds[] = { "getpid", "open_close", "read4k" };
	struct timespec a, b;
	int kind = -1, fd;
	long n;

	for (int i = 0; argc == 3 && i < 3; i++)
		if (!strcmp(argv[1], kinds[i]))
			kind = i;
	n = argc == 3 ? atol(argv[2]) : 0;
	if (kind < 0 || n <= 0)
		return fprintf(stderr, "usage: kmod_loop getpid|open_close|read4k N\n"), 2;
	memset(buf, 'x', sizeof(buf));
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (fd < 0 || write(fd, buf, sizeof(buf)) != sizeof(buf))
		return perror(path), 1;
	run(kind, fd, n / 10);
	clock_gettime(CLOCK_MONOTONIC, &a);
	run(kind, fd, n);
	clock_gettime(CLOCK_MONOTONIC, &b);
	printf("%.0f\n", ((b.tv_sec - a.tv_sec) * 1e9 + (b.tv_nsec - a.tv_nsec)) / n);
	return 0;
}

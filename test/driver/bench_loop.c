/* SPDX-License-Identifier: Apache-2.0 */
/*
 * bench_loop.c - nanoseconds per system call of three tight loops (the driver's
 * overhead benchmark runs it without capture, with capture, and exit-only):
 *
 *   driver_bench_loop LABEL OUT   appends "LABEL getpid=<ns> open_close=<ns> read4k=<ns>"
 *
 * getpid: SYS_getpid; open_close: open of a file in /tmp (the guest's tmpfs: no 9p
 * round trip) + close (ns per pair);
 * read4k: pread of 4096 bytes at offset 0 of a 4 KiB memfd. Best of 3 rounds each.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static double now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e9 + t.tv_nsec;
}

int main(int argc, char **argv)
{
	char path[] = "/tmp/scry_bench_file", buf[4096];
	double best[3] = { 1e18, 1e18, 1e18 }, t;
	int n = 20000, fd, r, i;
	FILE *f;

	if (argc != 3)
		return fprintf(stderr, "usage: driver_bench_loop LABEL OUT\n"), 2;
	memset(buf, 'x', sizeof(buf));
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (fd < 0 || write(fd, buf, sizeof(buf)) != sizeof(buf))
		return 1;
	for (r = 0; r < 3; r++) {
		t = now_ns();
		for (i = 0; i < n; i++)
			syscall(SYS_getpid);
		t = (now_ns() - t) / n;
		best[0] = t < best[0] ? t : best[0];
		t = now_ns();
		for (i = 0; i < n / 4; i++)
			syscall(SYS_close, (int)syscall(SYS_open, path, O_RDONLY));
		t = (now_ns() - t) / (n / 4);
		best[1] = t < best[1] ? t : best[1];
		t = now_ns();
		for (i = 0; i < n / 2; i++)
			syscall(SYS_pread64, fd, buf, sizeof(buf), 0);
		t = (now_ns() - t) / (n / 2);
		best[2] = t < best[2] ? t : best[2];
	}
	f = fopen(argv[2], "a");
	if (!f)
		return 1;
	fprintf(f, "%s getpid=%.0f open_close=%.0f read4k=%.0f\n", argv[1], best[0], best[1],
		best[2]);
	return fclose(f) ? 1 : 0;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * count_bench.c - what the eBPF probe costs a system call in each way it can treat it
 * (bench/agent/README's split of scryd's overhead):
 *
 *   driver_count_bench [ROUNDS]
 *
 * Modes: "none" (no probe), "skipped" (probe attached, the syscall outside the set,
 * not counted), "counted" (outside the set, counted per process: bpf/counters.h),
 * "events" (in the set: enter and exit events, read by this process).
 * Loops, in a child process: getppid (a call only), pread of 4 KiB from a memfd (a call
 * plus the file-byte count: the fd's inode read), write of 64 bytes to a TCP socket on
 * 127.0.0.1 (network bytes: the socket's family read), each timed by the child's own
 * CPU time (user + system, getrusage: the probe runs in its syscalls; other load does not
 * count), best of ROUNDS (default 5). Prints one line per mode: ns per call of each
 * loop, and what the mode adds to "none".
 * Exit status: 0; 1 an error; 77 not root or no eBPF probe in this build.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <scry/scap.h>
#include <scry/scap_live.h>
#ifdef SCRY_HAVE_SCAP_BPF
#include <scry/scap_bpf.h>
#endif

#define NLOOPS 3
static const char *const loop_names[NLOOPS] = { "getppid", "pread4k", "tcp_write64" };
static const int loop_n[NLOOPS] = { 200000, 100000, 100000 };

static double cpu_ns(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e9 +
	       (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e3;
}

/* The child: each loop ROUNDS times; best ns per call of each into @out. */
static int loops(int rounds, double *out)
{
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t salen = sizeof(sa);
	char buf[4096];
	int mfd = memfd_create("count_bench", 0), ls, c, a;

	memset(buf, 'x', sizeof(buf));
	ls = socket(AF_INET, SOCK_STREAM, 0);
	if (mfd < 0 || write(mfd, buf, sizeof(buf)) != sizeof(buf) || ls < 0 ||
	    bind(ls, (struct sockaddr *)&sa, sizeof(sa)) || listen(ls, 1) ||
	    getsockname(ls, (struct sockaddr *)&sa, &salen))
		return 1;
	c = socket(AF_INET, SOCK_STREAM, 0);
	if (c < 0 || connect(c, (struct sockaddr *)&sa, sizeof(sa)) || (a = accept(ls, NULL, NULL)) < 0)
		return 1;
	for (int l = 0; l < NLOOPS; l++)
		out[l] = 1e18;
	for (int r = 0; r < rounds; r++) {
		for (int l = 0; l < NLOOPS; l++) {
			double t0 = cpu_ns(), t;

			for (int i = 0; i < loop_n[l]; i++) {
				if (l == 0) {
					syscall(SYS_getppid);
				} else if (l == 1) {
					if (pread(mfd, buf, 4096, 0) != 4096)
						return 1;
				} else {
					if (write(c, buf, 64) != 64)
						return 1;
					if (i % 256 == 255) /* drain the peer, off the clock */
						while (recv(a, buf, sizeof(buf), MSG_DONTWAIT) > 0)
							;
				}
			}
			t = (cpu_ns() - t0) / loop_n[l];
			if (t < out[l])
				out[l] = t;
		}
	}
	return 0;
}

/* Run the loops in a child while @h (NULL: no capture) reads what the probe sends. */
static int measure(scap_t *h, int rounds, double *out)
{
	int p[2], status;
	pid_t pid;

	if (pipe(p))
		return 1;
	pid = fork();
	if (pid == 0) {
		double r[NLOOPS];
		int rc = loops(rounds, r);

		if (write(p[1], r, sizeof(r)) != sizeof(r))
			rc = 1;
		_exit(rc);
	}
	close(p[1]);
	for (;;) {
		struct scap_evt_ref e = { .sz = sizeof(e) };

		if (waitpid(pid, &status, h ? WNOHANG : 0) == pid)
			break;
		if (h && scap_next(h, &e) < 0)
			return 1;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) || read(p[0], out, NLOOPS * sizeof(*out)) !=
	    (ssize_t)(NLOOPS * sizeof(*out)))
		return 1;
	close(p[0]);
	return 0;
}

int main(int argc, char **argv)
{
	static const char *const modes[] = { "none", "skipped", "counted", "events" };
	int rounds = argc > 1 ? atoi(argv[1]) : 5;
	double res[4][NLOOPS];
	char err[SCAP_ERRBUF_SIZE];
	scap_t *h = NULL;

	if (geteuid() != 0) {
		printf("count_bench: skipped: not root\n");
		return 77;
	}
#ifdef SCRY_HAVE_SCAP_BPF
	SCAP_OPTS(scap_open_opts, o, .engine_impl = scap_bpf_engine(), .start = true,
		  .no_proc_scan = true);
	if (measure(NULL, rounds, res[0]))
		return 1;
	if (scap_open(&o, &h, err)) {
		fprintf(stderr, "count_bench: %s\n", err);
		return 1;
	}
	uint64_t none[SCAP_SYSCALL_SET_WORDS] = { 0 }, all[SCAP_SYSCALL_SET_WORDS];

	memset(all, 0xff, sizeof(all));
	if (scap_set_syscalls(h, none, SCAP_SYSCALL_SET_WORDS) || measure(h, rounds, res[1]) ||
	    scap_set_counting(h, true) || measure(h, rounds, res[2]) ||
	    scap_set_counting(h, false) || scap_set_syscalls(h, all, SCAP_SYSCALL_SET_WORDS) ||
	    measure(h, rounds, res[3])) {
		fprintf(stderr, "count_bench: %s\n", scap_last_error(h));
		return 1;
	}
	scap_close(h);
	printf("ns per call (CPU time, best of %d)\n%-8s", rounds, "mode");
	for (int l = 0; l < NLOOPS; l++)
		printf(" %12s", loop_names[l]);
	printf("\n");
	for (int m = 0; m < 4; m++) {
		printf("%-8s", modes[m]);
		for (int l = 0; l < NLOOPS; l++)
			printf(" %12.0f", res[m][l]);
		if (m) {
			printf("   added:");
			for (int l = 0; l < NLOOPS; l++)
				printf(" %.0f", res[m][l] - res[0][l]);
		}
		printf("\n");
	}
	return 0;
#else
	printf("count_bench: skipped: this build has no eBPF probe\n");
	return 77;
#endif
}

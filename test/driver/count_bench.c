/* SPDX-License-Identifier: Apache-2.0 */
/*
 * count_bench.c - what the eBPF probe costs a system call in each way it can treat it
 * (bench/agent/README's split of scryd's overhead):
 *
 *   driver_count_bench [ROUNDS]
 *
 * Modes: "none" (no probe), "skipped" (probe attached, the syscall outside the set,
 * not counted), "counted" (outside the set, counted per process: bpf/counters.h),
 * "events" (in the set: enter and exit events, read by this process), "tcpskip" (the
 * set is sendto/recvfrom/sendmsg/recvmsg, left out on TCP sockets, the rest outside it,
 * all counted: scap_set_syscalls_tcp_skip(), what scryd does with Falco's rules).
 * Loops, in a child process: getppid (a call only), pread of 4 KiB from a memfd (a call
 * plus the file-byte count: the fd's inode read), write of 64 bytes to a TCP socket on
 * 127.0.0.1 (network bytes: the socket's family read), send (sendto) of 64 bytes on
 * it, each timed by the child's own CPU time (user + system, getrusage: the probe runs
 * in its syscalls; other load does not count), best of ROUNDS (default 5). Prints one
 * line per mode: ns per call of each loop, and what the mode adds to "none"; then the
 * probe's own cost from the kernel's BPF statistics (BPF_ENABLE_STATS while it runs):
 * run_time_ns of all its programs (tail-called fillers included) over each loop, per
 * call of the loop, summed over the rounds; exact figures of the probe's code that
 * other load does not inflate, except by the other processes' syscalls during the loop
 * (their share: "runs/call", sys_exit runs per call of the loop, 1.00 when none).
 * Exit status: 0; 1 an error; 77 not root or no eBPF probe in this build.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdbool.h>
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
#include <scry/scap_syscalls.h>
#ifdef SCRY_HAVE_SCAP_BPF
#include <bpf/bpf.h>
#include <scry/scap_bpf.h>
#endif

#define NLOOPS 4
#define NMODES 5
static const char *const loop_names[NLOOPS] = { "getppid", "pread4k", "tcp_write64", "tcp_send64" };
static const int loop_n[NLOOPS] = { 200000, 100000, 100000, 100000 };

/* What one mode measured: per loop, the best CPU ns per call; the probe's programs' ns
 * per call (BPF statistics); sys_exit runs per call. */
struct result {
	double cpu[NLOOPS];
	double prog[NLOOPS];
	double runs[NLOOPS];
};

static double cpu_ns(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e9 +
	       (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e3;
}

/* The probe's programs: ids in (first_id, last_id] (loaded by our scap_open(); another
 * probe loaded at the same time would be counted too), once stats_on. */
static uint32_t first_id, last_id;
static bool stats_on;

/* Sum of run_time_ns of the probe's programs (named scapbpf_*), and run_cnt of its
 * sys_exit program (the kernel keeps 15 bytes of a name). */
static void prog_stats(uint64_t *ns, uint64_t *exits)
{
	*ns = *exits = 0;
#ifdef SCRY_HAVE_SCAP_BPF
	uint32_t id = first_id, next;

	while (stats_on && !bpf_prog_get_next_id(id, &next)) {
		struct bpf_prog_info info;
		uint32_t len = sizeof(info);
		int fd;

		id = next;
		if (next > last_id)
			break;
		fd = bpf_prog_get_fd_by_id(next);
		if (fd < 0)
			continue;
		memset(&info, 0, sizeof(info));
		if (!bpf_obj_get_info_by_fd(fd, &info, &len) && strncmp(info.name, "scapbpf_", 8) == 0) {
			*ns += info.run_time_ns;
			if (strcmp(info.name, "scapbpf_sys_exi") == 0)
				*exits += info.run_cnt;
		}
		close(fd);
	}
#endif
}

/* The child: each loop ROUNDS times into @out. */
static int loops(int rounds, struct result *out)
{
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t salen = sizeof(sa);
	uint64_t ns[NLOOPS] = { 0 }, exits[NLOOPS] = { 0 };
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
		out->cpu[l] = 1e18;
	for (int r = 0; r < rounds; r++) {
		for (int l = 0; l < NLOOPS; l++) {
			uint64_t ns0, x0, ns1, x1;
			double t0, t;

			prog_stats(&ns0, &x0);
			t0 = cpu_ns();
			for (int i = 0; i < loop_n[l]; i++) {
				if (l == 0) {
					syscall(SYS_getppid);
				} else if (l == 1) {
					if (pread(mfd, buf, 4096, 0) != 4096)
						return 1;
				} else {
					if ((l == 2 ? write(c, buf, 64) : send(c, buf, 64, 0)) != 64)
						return 1;
					if (i % 256 == 255) /* drain the peer, off the clock */
						while (recv(a, buf, sizeof(buf), MSG_DONTWAIT) > 0)
							;
				}
			}
			t = (cpu_ns() - t0) / loop_n[l];
			prog_stats(&ns1, &x1);
			ns[l] += ns1 - ns0;
			exits[l] += x1 - x0;
			if (t < out->cpu[l])
				out->cpu[l] = t;
		}
	}
	for (int l = 0; l < NLOOPS; l++) {
		out->prog[l] = (double)ns[l] / ((double)loop_n[l] * rounds);
		out->runs[l] = (double)exits[l] / ((double)loop_n[l] * rounds);
	}
	return 0;
}

/* Run the loops in a child while @h (NULL: no capture) reads what the probe sends. */
static int measure(scap_t *h, int rounds, struct result *out)
{
	int p[2], status;
	pid_t pid;

	if (pipe(p))
		return 1;
	pid = fork();
	if (pid == 0) {
		struct result r;
		int rc = loops(rounds, &r);

		if (write(p[1], &r, sizeof(r)) != sizeof(r))
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
	if (!WIFEXITED(status) || WEXITSTATUS(status) || read(p[0], out, sizeof(*out)) !=
	    (ssize_t)sizeof(*out))
		return 1;
	close(p[0]);
	return 0;
}

int main(int argc, char **argv)
{
	static const char *const modes[NMODES] = { "none", "skipped", "counted", "events", "tcpskip" };
	int rounds = argc > 1 ? atoi(argv[1]) : 5;
	struct result res[NMODES];
	char err[SCAP_ERRBUF_SIZE];
	scap_t *h = NULL;

	if (geteuid() != 0) {
		printf("count_bench: skipped: not root\n");
		return 77;
	}
#ifdef SCRY_HAVE_SCAP_BPF
	SCAP_OPTS(scap_open_opts, o, .engine_impl = scap_bpf_engine(), .start = true,
		  .no_proc_scan = true);
	uint64_t none[SCAP_SYSCALL_SET_WORDS] = { 0 }, all[SCAP_SYSCALL_SET_WORDS];
	uint64_t tcp[SCAP_SYSCALL_SET_WORDS] = { 0 };
	int stats_fd;

	memset(all, 0xff, sizeof(all));
	scap_syscall_set_add(tcp, SCAP_SC_SENDTO);
	scap_syscall_set_add(tcp, SCAP_SC_RECVFROM);
	scap_syscall_set_add(tcp, SCAP_SC_SENDMSG);
	scap_syscall_set_add(tcp, SCAP_SC_RECVMSG);
	if (measure(NULL, rounds, &res[0]))
		return 1;
	stats_fd = bpf_enable_stats(BPF_STATS_RUN_TIME);
	for (uint32_t next; !bpf_prog_get_next_id(first_id, &next);)
		first_id = next;
	stats_on = stats_fd >= 0;
	if (scap_open(&o, &h, err)) {
		fprintf(stderr, "count_bench: %s\n", err);
		return 1;
	}
	last_id = first_id;
	for (uint32_t next; !bpf_prog_get_next_id(last_id, &next);)
		last_id = next;
	if (scap_set_syscalls(h, none, SCAP_SYSCALL_SET_WORDS) || measure(h, rounds, &res[1]) ||
	    scap_set_counting(h, true) || measure(h, rounds, &res[2]) ||
	    scap_set_counting(h, false) || scap_set_syscalls(h, all, SCAP_SYSCALL_SET_WORDS) ||
	    measure(h, rounds, &res[3]) || scap_set_counting(h, true) ||
	    scap_set_syscalls(h, tcp, SCAP_SYSCALL_SET_WORDS) ||
	    scap_set_syscalls_tcp_skip(h, tcp, SCAP_SYSCALL_SET_WORDS) || measure(h, rounds, &res[4])) {
		fprintf(stderr, "count_bench: %s\n", scap_last_error(h));
		return 1;
	}
	scap_close(h);
	printf("ns per call (CPU time, best of %d)\n%-8s", rounds, "mode");
	for (int l = 0; l < NLOOPS; l++)
		printf(" %12s", loop_names[l]);
	printf("\n");
	for (int m = 0; m < NMODES; m++) {
		printf("%-8s", modes[m]);
		for (int l = 0; l < NLOOPS; l++)
			printf(" %12.0f", res[m].cpu[l]);
		if (m) {
			printf("   added:");
			for (int l = 0; l < NLOOPS; l++)
				printf(" %.0f", res[m].cpu[l] - res[0].cpu[l]);
		}
		printf("\n");
	}
	if (stats_fd < 0) {
		printf("no BPF statistics (BPF_ENABLE_STATS: %s)\n", strerror(-stats_fd));
		return 0;
	}
	close(stats_fd);
	printf("probe's programs: ns per call (BPF statistics, mean over %d rounds; runs/call)\n%-8s",
	       rounds, "mode");
	for (int l = 0; l < NLOOPS; l++)
		printf(" %18s", loop_names[l]);
	printf("\n");
	for (int m = 1; m < NMODES; m++) {
		printf("%-8s", modes[m]);
		for (int l = 0; l < NLOOPS; l++)
			printf(" %10.1f (%5.2f)", res[m].prog[l], res[m].runs[l]);
		printf("\n");
	}
	return 0;
#else
	printf("count_bench: skipped: this build has no eBPF probe\n");
	return 77;
#endif
}

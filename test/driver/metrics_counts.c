/* SPDX-License-Identifier: Apache-2.0 */
/*
 * metrics_counts.c - the per-process metrics of a narrowed live capture (eBPF probe)
 * agree with those of a full one: the same workload runs twice, once with every
 * syscall captured as events, once with the set narrowed to what the state and the
 * metrics need (sinsp_state_syscalls(), sinsp_metrics_syscalls()) and the other
 * syscalls counted by the probe per process (sinsp_metrics_use_engine_counts()).
 *
 *   metrics_counts [TMPDIR]
 *
 * The narrowed capture also leaves sendto, sendmsg, recvfrom and recvmsg out on TCP
 * sockets (scap_set_syscalls_tcp_skip(), as scryd: the state needs them only on other
 * sockets, sinsp_state_syscalls_tcp()): counted there, events on UDP.
 *
 * The workload (a child process, only system calls of known outcome): writes
 * FILE_CHUNKS x 4096 bytes to a file in TMPDIR and reads them back, sends NET_BYTES over
 * a TCP connection on 127.0.0.1 to itself (half with write, half with send: sendto)
 * and reads them, sends UDP_N datagrams of UDP_BYTES to itself on 127.0.0.1 with
 * sendto and receives them with recvfrom, moves bytes through a pipe
 * (neither file nor network bytes), and makes NFAIL calls that fail (close(-1)). Its
 * exit status is the number of reads the TCP data took (the only count that may vary).
 *
 * A third run is narrowed as the second and in exit-only mode (SCAP_MODE_EXIT_ONLY,
 * scryd's default: no enter events from the probe, libscap rebuilds them).
 *
 * Checked for each mode: file bytes read and written, network bytes in and out are
 * exactly the workload's; then the calls (less the TCP reads) and the failures of the
 * three modes are equal. The narrowed set must leave out read and write (so that they
 * are counted by the probe). Prints the figures of both modes.
 * Exit status: 0 passed; 1 a check failed or an error; 77 skipped (not root, or the
 * eBPF probe is not in this build).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <scry/scap_live.h>
#include <scry/scap_syscalls.h>
#include <scry/sinsp.h>
#include <scry/sinsp_metrics.h>
#include <scry/sinsp_state.h>
#ifdef SCRY_HAVE_SCAP_BPF
#include <scry/scap_bpf.h>
#endif

#define FILE_CHUNKS 32
#define FILE_BYTES (FILE_CHUNKS * 4096)
#define NET_CHUNKS 20
#define NET_BYTES (NET_CHUNKS * 1000)
#define UDP_N 5
#define UDP_BYTES 300
#define PIPE_BYTES 100
#define NFAIL 7

static char buf[NET_BYTES + 4096];

/* The child's work; returns its exit status (TCP reads), or 255 on an error. */
static int workload(const char *path)
{
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t salen = sizeof(sa);
	struct sockaddr_in ua = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	int fd, ls, c, a, u, p[2], i, nreads = 0;
	ssize_t n, got = 0;

	fd = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0600);
	for (i = 0; i < FILE_CHUNKS; i++)
		if (write(fd, buf, 4096) != 4096)
			return 255;
	close(fd);
	fd = open(path, O_RDONLY);
	for (i = 0; i < FILE_CHUNKS; i++)
		if (read(fd, buf, 4096) != 4096)
			return 255;
	close(fd);
	ls = socket(AF_INET, SOCK_STREAM, 0);
	if (ls < 0 || bind(ls, (struct sockaddr *)&sa, sizeof(sa)) || listen(ls, 1) ||
	    getsockname(ls, (struct sockaddr *)&sa, &salen))
		return 255;
	c = socket(AF_INET, SOCK_STREAM, 0);
	if (c < 0 || connect(c, (struct sockaddr *)&sa, sizeof(sa)))
		return 255;
	a = accept(ls, NULL, NULL);
	if (a < 0)
		return 255;
	for (i = 0; i < NET_CHUNKS; i++)
		if ((i % 2 ? send(c, buf, 1000, 0) : write(c, buf, 1000)) != 1000)
			return 255;
	shutdown(c, SHUT_WR);
	while (got < NET_BYTES && (n = read(a, buf, sizeof(buf))) > 0) {
		got += n;
		nreads++;
	}
	if (got != NET_BYTES || nreads > 200)
		return 255;
	u = socket(AF_INET, SOCK_DGRAM, 0);
	salen = sizeof(ua);
	if (u < 0 || bind(u, (struct sockaddr *)&ua, sizeof(ua)) ||
	    getsockname(u, (struct sockaddr *)&ua, &salen))
		return 255;
	for (i = 0; i < UDP_N; i++)
		if (sendto(u, buf, UDP_BYTES, 0, (struct sockaddr *)&ua, sizeof(ua)) != UDP_BYTES ||
		    recvfrom(u, buf, sizeof(buf), 0, NULL, NULL) != UDP_BYTES)
			return 255;
	if (pipe(p) || write(p[1], buf, PIPE_BYTES) != PIPE_BYTES ||
	    read(p[0], buf, PIPE_BYTES) != PIPE_BYTES)
		return 255;
	for (i = 0; i < NFAIL; i++)
		close(-1);
	return nreads;
}

struct result {
	uint64_t v[SINSP_METRIC_COUNT];
	int nreads;
	uint64_t events;            /* of the workload's process */
};

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* One run: capture (narrowed or not, exit-only or not), the workload, its process's
 * totals. */
static int run(bool narrow, bool exit_only, const char *path, struct result *r)
{
	char err[SCAP_ERRBUF_SIZE] = "";
	struct sinsp_metrics *m = NULL;
	struct sinsp_evt *evt;
	sinsp_t *s = NULL;
	bool exited = false, reaped = false;
	int status = 0, rc = 1;
	pid_t pid;

#ifdef SCRY_HAVE_SCAP_BPF
	SCAP_OPTS(scap_open_opts, so, .engine = "bpf", .engine_impl = scap_bpf_engine(),
		  .start = true);
#else
	SCAP_OPTS(scap_open_opts, so, .engine = "bpf", .start = true);
#endif
	struct sinsp_open_opts oo = { .sz = sizeof(oo), .scap = &so,
				      .runtime_lookups = SINSP_RUNTIME_LOOKUPS_OFF };
	struct sinsp_metrics_opts mo = { .sz = sizeof(mo), .interval_ns = 3600ull * 1000000000ull };

	if (sinsp_open(&oo, &s, err)) {
		fprintf(stderr, "metrics_counts: opening the probe: %s\n", err);
		return 1;
	}
	if (sinsp_metrics_new(s, &mo, &m))
		goto out;
	if (narrow) {
		uint64_t set[SCAP_SYSCALL_SET_WORDS] = { 0 };

		if (sinsp_metrics_use_engine_counts(m, true) || sinsp_state_syscalls(set) ||
		    sinsp_metrics_syscalls(m, set)) {
			fprintf(stderr, "metrics_counts: narrowing: %s\n", scap_last_error(sinsp_scap(s)));
			goto out;
		}
		if (scap_syscall_set_has(set, SCAP_SC_READ) || scap_syscall_set_has(set, SCAP_SC_WRITE) ||
		    !scap_syscall_set_has(set, SCAP_SC_OPENAT) || !scap_syscall_set_has(set, SCAP_SC_CLONE)) {
			fprintf(stderr, "metrics_counts: the narrowed set has read or write, or lacks "
				"openat or clone\n");
			goto out;
		}
		if (scap_set_syscalls(sinsp_scap(s), set, SCAP_SYSCALL_SET_WORDS))
			goto out;
		/* the datagram calls: left out on TCP sockets (scryd's capture.c) */
		uint64_t need[SCAP_SYSCALL_SET_WORDS] = { 0 }, skip[SCAP_SYSCALL_SET_WORDS] = { 0 };
		static const uint16_t dgram[] = { SCAP_SC_SENDTO, SCAP_SC_SENDMSG, SCAP_SC_RECVFROM,
						  SCAP_SC_RECVMSG };

		if (sinsp_state_syscalls_tcp(need) || sinsp_metrics_syscalls(m, need))
			goto out;
		for (size_t i = 0; i < sizeof(dgram) / sizeof(dgram[0]); i++)
			if (!scap_syscall_set_has(need, dgram[i]))
				scap_syscall_set_add(skip, dgram[i]);
		if (!scap_syscall_set_has(skip, SCAP_SC_SENDTO) ||
		    scap_set_syscalls_tcp_skip(sinsp_scap(s), skip, SCAP_SYSCALL_SET_WORDS)) {
			fprintf(stderr, "metrics_counts: sendto not left out on TCP sockets: %s\n",
				scap_last_error(sinsp_scap(s)));
			goto out;
		}
	}
	if (exit_only && scap_set_mode(sinsp_scap(s), SCAP_MODE_EXIT_ONLY)) {
		fprintf(stderr, "metrics_counts: exit-only mode: %s\n", scap_last_error(sinsp_scap(s)));
		goto out;
	}
	pid = fork();
	if (pid < 0)
		goto out;
	if (pid == 0)
		_exit(workload(path));
	double deadline = now_s() + 60;
	while (!(exited && reaped) && now_s() < deadline) {
		if (!reaped && waitpid(pid, &status, WNOHANG) == pid)
			reaped = true;
		int n = sinsp_next(s, &evt);

		if (n == SCAP_TIMEOUT)
			continue;
		if (n < 0) {
			fprintf(stderr, "metrics_counts: %s\n", sinsp_last_error(s));
			goto out;
		}
		sinsp_metrics_add(m, evt);
		const struct scap_evt_ref *e = sinsp_evt_raw(evt);
		r->events += e->tid == (uint64_t)pid;
		if (e->type == SCAP_EVT_PROCEXIT_1_E && e->tid == (uint64_t)pid)
			exited = true;
	}
	if (!exited || !reaped || !WIFEXITED(status) || WEXITSTATUS(status) == 255) {
		fprintf(stderr, "metrics_counts: the workload did not end as it should (exit seen %d, "
			"status 0x%x)\n", exited, status);
		goto out;
	}
	r->nreads = WEXITSTATUS(status);
	sinsp_metrics_flush(m);
	struct sinsp_metrics_process p = { .sz = sizeof(p) };
	if (sinsp_metrics_process_get(m, pid, &p)) {
		fprintf(stderr, "metrics_counts: no metrics for the workload (pid %d)\n", pid);
		goto out;
	}
	memcpy(r->v, p.v.total, sizeof(r->v));
	SCAP_OPTS(scap_stats, st);
	if (scap_get_stats(sinsp_scap(s), &st) == 0 && (st.n_drop_full || st.n_drop_nest)) {
		fprintf(stderr, "metrics_counts: the capture dropped events: the figures cannot "
			"agree (a loaded machine?)\n");
		goto out;
	}
	rc = 0;
out:
	sinsp_metrics_free(m);
	sinsp_close(s);
	return rc;
}

static void print(const char *what, const struct result *r)
{
	printf("%s: events %" PRIu64 ", TCP reads %d:", what, r->events, r->nreads);
	for (int k = SINSP_METRIC_SYSCALLS; k < SINSP_METRIC_COUNT; k++)
		printf(" %s=%" PRIu64, sinsp_metric_name(k), r->v[k]);
	printf("\n");
}

static int expect(const char *what, int k, const struct result *r, uint64_t want)
{
	if (r->v[k] == want)
		return 0;
	fprintf(stderr, "metrics_counts: %s: %s is %" PRIu64 ", expected %" PRIu64 "\n", what,
		sinsp_metric_name(k), r->v[k], want);
	return 1;
}

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "/tmp";
	struct result full = { 0 }, narrow = { 0 }, xo = { 0 };
	char path[4096];
	int bad = 0;

	if (geteuid() != 0) {
		printf("metrics_counts: skipped: not root\n");
		return 77;
	}
#ifndef SCRY_HAVE_SCAP_BPF
	printf("metrics_counts: skipped: this build has no eBPF probe\n");
	return 77;
#endif
	memset(buf, 'x', sizeof(buf));
	snprintf(path, sizeof(path), "%s/metrics_counts.%d", dir, (int)getpid());
	if (run(false, false, path, &full) || run(true, false, path, &narrow) ||
	    run(true, true, path, &xo)) {
		unlink(path);
		return 1;
	}
	unlink(path);
	print("full capture", &full);
	print("narrowed + counters", &narrow);
	print("narrowed + counters, exit-only", &xo);
	for (int i = 0; i < 3; i++) {
		const struct result *r = i == 2 ? &xo : i ? &narrow : &full;
		const char *what = i == 2 ? "exit-only" : i ? "narrowed" : "full";

		bad |= expect(what, SINSP_METRIC_FILE_WRITE_BYTES, r, FILE_BYTES);
		bad |= expect(what, SINSP_METRIC_FILE_READ_BYTES, r, FILE_BYTES);
		bad |= expect(what, SINSP_METRIC_NET_OUT_BYTES, r, NET_BYTES + UDP_N * UDP_BYTES);
		bad |= expect(what, SINSP_METRIC_NET_IN_BYTES, r, NET_BYTES + UDP_N * UDP_BYTES);
		bad |= expect(what, SINSP_METRIC_FILES_OPENED, r, 2);
		bad |= expect(what, SINSP_METRIC_CONNECTIONS, r, 2);
	}
	bad |= expect("narrowed", SINSP_METRIC_SYSCALLS, &narrow,
		      full.v[SINSP_METRIC_SYSCALLS] - full.nreads + narrow.nreads);
	bad |= expect("narrowed", SINSP_METRIC_SYSCALL_ERRORS, &narrow,
		      full.v[SINSP_METRIC_SYSCALL_ERRORS]);
	bad |= expect("exit-only", SINSP_METRIC_SYSCALLS, &xo,
		      full.v[SINSP_METRIC_SYSCALLS] - full.nreads + xo.nreads);
	bad |= expect("exit-only", SINSP_METRIC_SYSCALL_ERRORS, &xo,
		      full.v[SINSP_METRIC_SYSCALL_ERRORS]);
	if (full.v[SINSP_METRIC_SYSCALL_ERRORS] < NFAIL) {
		fprintf(stderr, "metrics_counts: fewer failures than the workload's %d\n", NFAIL);
		bad = 1;
	}
	if (narrow.events >= full.events) {
		fprintf(stderr, "metrics_counts: the narrowed capture read no fewer events of the workload\n");
		bad = 1;
	}
	printf("metrics_counts: %s\n", bad ? "FAILED" : "passed");
	return bad;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * count_slots.c - the eBPF probe's per-process counters stay exact when two processes
 * share a counter slot (driver/bpf/counters.h: slot tgid % SCAPBPF_CNT_SLOTS of each
 * CPU's table; the second process counts in the shared hash map) and after a slot is
 * freed and taken again:
 *
 *   count_slots
 *
 * Everything runs on CPU 0 (this process's affinity, inherited by its children). The
 * set is empty and counting on: every syscall exit is counted. Child A writes A_CHUNKS
 * x 4096 bytes to a memfd and makes A_FAIL failing calls (close(-1)); then children
 * are forked (each exits at once: exit_group never returns, so only its fork return
 * counts) until one gets a pid equal to A's modulo 1024 (SCAPBPF_CNT_SLOTS), B, which
 * does the same with B_CHUNKS and B_FAIL while A's slot is still A's. Checked: the file
 * bytes and failures of A and B are exactly theirs. Then A and B are deleted (0, then
 * -ENOENT the second time), and a third child C, on the same slot again, must count
 * exactly its own (the freed slot was zeroed).
 * Exit status: 0 passed; 1 a check failed or an error; 77 skipped (not root, or the
 * eBPF probe is not in this build).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <inttypes.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <scry/scap.h>
#include <scry/scap_live.h>
#include <scry/scap_syscalls.h>
#ifdef SCRY_HAVE_SCAP_BPF
#include <scry/scap_bpf.h>
#endif

#define SLOTS 1024             /* SCAPBPF_CNT_SLOTS, driver/bpf/scapbpf.h */
#define MAX_FORKS 200000       /* pids tried to find one of the same slot */

/* The child's work: @chunks writes of 4096 bytes to a memfd, @fails close(-1). */
static void work(int chunks, int fails)
{
	static char buf[4096];
	int fd = memfd_create("count_slots", 0);

	for (int i = 0; i < chunks; i++)
		if (syscall(SYS_write, fd, buf, sizeof(buf)) != (long)sizeof(buf))
			_exit(1);
	for (int i = 0; i < fails; i++)
		syscall(SYS_close, -1);
	_exit(0);
}

/* Wait for @pid (the rings are not read: the capture sends only the processes' exits,
 * which do not fill them). Return: 0 exited 0. */
static int reap(pid_t pid)
{
	int status;

	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

/* A child that does work(@chunks, @fails), of a pid equal to @slot modulo SLOTS when
 * @slot >= 0 (the others forked meanwhile exit at once). Return: its pid; -1. */
static pid_t child(long slot, int chunks, int fails)
{
	for (int n = 0; n < MAX_FORKS; n++) {
		pid_t pid = fork();

		if (pid < 0)
			return -1;
		if (pid == 0) {
			if (slot < 0 || syscall(SYS_getpid) % SLOTS == slot)
				work(chunks, fails);
			_exit(0);
		}
		if (reap(pid))
			return -1;
		if (slot < 0 || pid % SLOTS == slot)
			return pid;
	}
	return -1;
}

struct want {
	pid_t pid;
	uint64_t bytes, fails;
	bool seen;
	int bad;
};

static int check_one(void *ctx, const struct scap_proc_counts *c)
{
	struct want *w = ctx;

	for (; w->pid; w++) {
		if ((pid_t)c->tgid != w->pid)
			continue;
		w->seen = true;
		printf("count_slots: pid %d: calls %" PRIu64 ", failures %" PRIu64
		       ", file bytes written %" PRIu64 " (want %" PRIu64 " and %" PRIu64 ")\n",
		       w->pid, c->calls, c->failures, c->file_write_bytes, w->fails, w->bytes);
		if (c->file_write_bytes != w->bytes || c->failures != w->fails || !c->calls)
			w->bad = 1;
	}
	return 0;
}

/* Every process of @w (ended by pid 0) has exactly its counts. Return: 0. */
static int check(scap_t *h, struct want *w)
{
	int rc = scap_counts_foreach(h, check_one, w);

	if (rc) {
		fprintf(stderr, "count_slots: scap_counts_foreach: %d %s\n", rc, scap_last_error(h));
		return -1;
	}
	for (; w->pid; w++)
		if (!w->seen || w->bad) {
			fprintf(stderr, "count_slots: pid %d: %s\n", w->pid,
				w->seen ? "wrong counts" : "not counted");
			return -1;
		}
	return 0;
}

int main(void)
{
	if (geteuid() != 0) {
		printf("count_slots: skipped: not root\n");
		return 77;
	}
#ifdef SCRY_HAVE_SCAP_BPF
	SCAP_OPTS(scap_open_opts, o, .engine_impl = scap_bpf_engine(), .start = true,
		  .no_proc_scan = true);
	uint64_t none[SCAP_SYSCALL_SET_WORDS] = { 0 };
	char err[SCAP_ERRBUF_SIZE];
	cpu_set_t cpu0;
	scap_t *h = NULL;
	pid_t a, b, c;

	CPU_ZERO(&cpu0);
	CPU_SET(0, &cpu0);
	if (sched_setaffinity(0, sizeof(cpu0), &cpu0)) {
		perror("count_slots: sched_setaffinity");
		return 1;
	}
	if (scap_open(&o, &h, err)) {
		fprintf(stderr, "count_slots: %s\n", err);
		return 1;
	}
	if (scap_set_syscalls(h, none, SCAP_SYSCALL_SET_WORDS) || scap_set_counting(h, true)) {
		fprintf(stderr, "count_slots: %s\n", scap_last_error(h));
		return 1;
	}
	a = child(-1, 3, 2);
	b = a > 0 ? child(a % SLOTS, 5, 7) : -1;
	if (a < 0 || b < 0) {
		fprintf(stderr, "count_slots: no child of the same slot\n");
		return 1;
	}
	struct want ab[] = { { .pid = a, .bytes = 3 * 4096, .fails = 2 },
			     { .pid = b, .bytes = 5 * 4096, .fails = 7 }, { .pid = 0 } };
	if (check(h, ab))
		return 1;
	if (scap_counts_delete(h, a) || scap_counts_delete(h, b) ||
	    scap_counts_delete(h, a) != -ENOENT || scap_counts_delete(h, b) != -ENOENT) {
		fprintf(stderr, "count_slots: deleting %d and %d\n", a, b);
		return 1;
	}
	c = child(a % SLOTS, 4, 1);
	struct want wc[] = { { .pid = c, .bytes = 4 * 4096, .fails = 1 }, { .pid = 0 } };
	if (c < 0 || check(h, wc))
		return 1;
	scap_close(h);
	printf("count_slots: passed (pids %d, %d, %d: slot %d)\n", a, b, c, a % SLOTS);
	return 0;
#else
	printf("count_slots: skipped: this build has no eBPF probe\n");
	return 77;
#endif
}

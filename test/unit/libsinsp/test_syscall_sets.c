/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_syscall_sets.c - what a narrowed live capture must hold for each consumer:
 * the state's syscalls (sinsp_state_syscalls()), the selected rules' (sinsp_rules_syscalls():
 * by event type, by a generic event's syscall, the simple-consumer types skipped, the
 * selection followed), those both need on TCP sockets (sinsp_rules_syscalls_tcp(),
 * sinsp_state_syscalls_tcp()), the metrics' (sinsp_metrics_syscalls(), with and without the
 * engine's counts), and the metrics of the engine's per-process counts
 * (sinsp_metrics_use_engine_counts(): deltas to the host, exited processes deleted),
 * over a fake engine that also checks libscap's dispatch of the counters' calls.
 */
#include <check.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <scry/scap.h>
#include <scry/scap_engine.h>
#include <scry/scap_live.h>
#include <scry/scap_syscalls.h>
#include <scry/sinsp.h>
#include <scry/sinsp_metrics.h>
#include <scry/sinsp_rules.h>
#include <scry/sinsp_state.h>

static unsigned nbits(const uint64_t *set)
{
	unsigned n = 0;

	for (int i = 0; i < SCAP_SYSCALL_SET_WORDS; i++)
		n += (unsigned)__builtin_popcountll(set[i]);
	return n;
}

/* ---- a live-like engine with per-process counters, no events --------------------- */

static struct {
	struct scap_proc_counts c[2];
	int n;
	uint32_t deleted[8];
	int ndeleted;
	int counting;
	bool no_counters;
} fake;

static int fake_open(scap_t *h, const struct scap_open_opts *opts)
{
	static int priv;

	scap_engine_set_priv(h, &priv);
	return scap_engine_read_state(h, NULL, NULL);
}

static void fake_close(scap_t *h)
{
}

static int fake_next(scap_t *h, struct scap_evt_ref *out)
{
	return SCAP_TIMEOUT;
}

static int fake_set_counting(scap_t *h, bool on)
{
	fake.counting = on;
	return 0;
}

static int fake_counts_foreach(scap_t *h, scap_counts_fn fn, void *ctx)
{
	for (int i = 0; i < fake.n; i++) {
		int rc = fn(ctx, &fake.c[i]);

		if (rc)
			return rc;
	}
	return 0;
}

static int fake_counts_delete(scap_t *h, uint32_t tgid)
{
	fake.deleted[fake.ndeleted++] = tgid;
	return 0;
}

static const struct scap_engine_ops fake_ops = {
	.sz = sizeof(struct scap_engine_ops),
	.name = "fake",
	.open = fake_open,
	.close = fake_close,
	.next = fake_next,
	.set_counting = fake_set_counting,
	.counts_foreach = fake_counts_foreach,
	.counts_delete = fake_counts_delete,
};

static sinsp_t *open_fake(const char *engine)
{
	char err[SCAP_ERRBUF_SIZE];
	sinsp_t *s;

	SCAP_OPTS(scap_open_opts, so, .no_proc_scan = true);
	if (engine)
		so.engine = engine;
	else
		so.engine_impl = &fake_ops;
	struct sinsp_open_opts oo = { .sz = sizeof(oo), .scap = &so,
				      .runtime_lookups = SINSP_RUNTIME_LOOKUPS_OFF };
	ck_assert_int_eq(sinsp_open(&oo, &s, err), 0);
	return s;
}

/* ---- the engine's calls --------------------------------------------------------- */

static uint64_t seen_calls;
static int seen;

static int sum(void *ctx, const struct scap_proc_counts *c)
{
	ck_assert_uint_eq(c->sz, sizeof(*c));
	seen_calls += c->calls;
	seen++;
	return ctx ? 5 : 0;
}

/* scap_set_counting(), scap_counts_foreach(), scap_counts_delete() reach the engine. */
START_TEST(test_counters_dispatch)
{
	sinsp_t *s = open_fake(NULL);
	scap_t *h = sinsp_scap(s);

	memset(&fake, 0, sizeof(fake));
	fake.c[0] = (struct scap_proc_counts){ .sz = sizeof(fake.c[0]), .tgid = 7, .calls = 10 };
	fake.c[1] = (struct scap_proc_counts){ .sz = sizeof(fake.c[1]), .tgid = 9, .calls = 1 };
	fake.n = 2;
	ck_assert_int_eq(scap_set_counting(h, true), 0);
	ck_assert_int_eq(fake.counting, 1);
	ck_assert_int_eq(scap_counts_foreach(h, sum, NULL), 0);
	ck_assert_int_eq(seen, 2);
	ck_assert_uint_eq(seen_calls, 11);
	/* a non-zero return stops the iteration and is returned */
	seen = 0;
	ck_assert_int_eq(scap_counts_foreach(h, sum, &seen), 5);
	ck_assert_int_eq(seen, 1);
	ck_assert_int_eq(scap_counts_delete(h, 7), 0);
	ck_assert_int_eq(fake.ndeleted, 1);
	ck_assert_uint_eq(fake.deleted[0], 7);
	ck_assert_int_eq(scap_counts_foreach(h, NULL, NULL), -EINVAL);
	ck_assert_int_eq(scap_set_counting(NULL, true), -EINVAL);
	sinsp_close(s);
}
END_TEST

/* ---- the state ------------------------------------------------------------------- */

START_TEST(test_state_set)
{
	uint64_t set[SCAP_SYSCALL_SET_WORDS] = { 0 };
	static const uint16_t want[] = {
		SCAP_SC_OPEN, SCAP_SC_OPENAT, SCAP_SC_OPENAT2, SCAP_SC_CREAT, SCAP_SC_CLOSE,
		SCAP_SC_DUP, SCAP_SC_DUP2, SCAP_SC_DUP3, SCAP_SC_FCNTL, SCAP_SC_PIPE, SCAP_SC_PIPE2,
		SCAP_SC_SOCKET, SCAP_SC_CONNECT, SCAP_SC_ACCEPT, SCAP_SC_ACCEPT4, SCAP_SC_BIND,
		SCAP_SC_SENDTO, SCAP_SC_RECVFROM, SCAP_SC_CLONE, SCAP_SC_CLONE3, SCAP_SC_FORK,
		SCAP_SC_VFORK, SCAP_SC_EXECVE, SCAP_SC_EXECVEAT, SCAP_SC_CHDIR, SCAP_SC_FCHDIR,
		SCAP_SC_SETUID, SCAP_SC_SETRESUID, SCAP_SC_SETGID, SCAP_SC_CAPSET, SCAP_SC_PRCTL,
		SCAP_SC_UNSHARE, SCAP_SC_SETNS, SCAP_SC_MMAP, SCAP_SC_MUNMAP, SCAP_SC_BRK,
	};
	static const uint16_t not[] = {
		SCAP_SC_READ, SCAP_SC_WRITE, SCAP_SC_PREAD64, SCAP_SC_READV, SCAP_SC_WRITEV,
		SCAP_SC_EPOLL_WAIT, SCAP_SC_GETPPID, SCAP_SC_NANOSLEEP, SCAP_SC_FUTEX,
		SCAP_SC_MKDIR, SCAP_SC_UNLINKAT,
	};

	ck_assert_int_eq(sinsp_state_syscalls(set), 0);
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		ck_assert_msg(scap_syscall_set_has(set, want[i]), "%s missing",
			      scap_syscall_names[want[i]]);
	for (size_t i = 0; i < sizeof(not) / sizeof(not[0]); i++)
		ck_assert_msg(!scap_syscall_set_has(set, not[i]), "%s there",
			      scap_syscall_names[not[i]]);
	ck_assert_uint_eq(nbits(set), 57);
	ck_assert_int_eq(sinsp_state_syscalls(NULL), -EINVAL);
}
END_TEST

/* ---- the rules ------------------------------------------------------------------- */

static const char rules[] =
	"- macro: open_read\n  condition: evt.type in (open, openat) and evt.is_open_read=true\n"
	"- rule: Read etc\n  desc: d\n  condition: open_read and fd.name startswith /etc\n"
	"  output: r\n  priority: WARNING\n"
	"- rule: Generic\n  desc: d\n  condition: evt.type=getppid and proc.name=x\n"
	"  output: g\n  priority: NOTICE\n"
	"- rule: Reads\n  desc: d\n  condition: evt.type=read and proc.name=x\n"
	"  output: rd\n  priority: NOTICE\n"
	"- rule: Mkdir\n  desc: d\n  condition: evt.type=mkdir and proc.name=x\n"
	"  output: m\n  priority: DEBUG\n"
	"- rule: Off\n  desc: d\n  condition: evt.type=unlinkat\n"
	"  output: u\n  priority: ERROR\n  enabled: false\n";

START_TEST(test_rules_set)
{
	uint64_t set[SCAP_SYSCALL_SET_WORDS] = { 0 };
	sinsp_t *s = open_fake("noop");
	struct sinsp_rules *r;

	ck_assert_int_eq(sinsp_rules_new(s, &r), 0);
	ck_assert_int_eq(sinsp_rules_load_string(r, "t.yaml", rules), 0);
	ck_assert_int_eq(sinsp_rules_syscalls(r, set), -EAGAIN);
	ck_assert_int_eq(sinsp_rules_compile(r), 0);
	ck_assert_int_eq(sinsp_rules_syscalls(r, set), 0);
	/* open, openat, getppid (generic), mkdir (both its events); not read (a simple
	 * consumer's type: its generic key is not taken either, read has events of its
	 * own), not unlinkat (disabled) */
	ck_assert(scap_syscall_set_has(set, SCAP_SC_OPEN));
	ck_assert(scap_syscall_set_has(set, SCAP_SC_OPENAT));
	ck_assert(scap_syscall_set_has(set, SCAP_SC_GETPPID));
	ck_assert(scap_syscall_set_has(set, SCAP_SC_MKDIR));
	ck_assert_uint_eq(nbits(set), 4);
	/* every event evaluated: read too */
	sinsp_rules_set_all_events(r, true);
	ck_assert_int_eq(sinsp_rules_syscalls(r, set), 0);
	ck_assert(scap_syscall_set_has(set, SCAP_SC_READ));
	ck_assert_uint_eq(nbits(set), 5);
	/* the selection: only WARNING and above leaves open and openat */
	memset(set, 0, sizeof(set));
	sinsp_rules_set_all_events(r, false);
	ck_assert_int_eq(sinsp_rules_set_min_priority(r, SINSP_PRIO_WARNING), 0);
	ck_assert_int_eq(sinsp_rules_syscalls(r, set), 0);
	ck_assert(scap_syscall_set_has(set, SCAP_SC_OPEN));
	ck_assert(scap_syscall_set_has(set, SCAP_SC_OPENAT));
	ck_assert_uint_eq(nbits(set), 2);
	ck_assert_int_eq(sinsp_rules_syscalls(r, NULL), -EINVAL);
	sinsp_rules_free(r);
	sinsp_close(s);
}
END_TEST

/*
 * Which rules need sendto/sendmsg/recvfrom on TCP sockets (sinsp_rules_syscalls_tcp():
 * the condition evaluated with fd.l4proto = tcp, the other fields unknown): Falco's
 * outbound macro (fd.l4proto != tcp in a conjunction) and fd.l4proto = udp do not;
 * fd.l4proto = tcp, a disjunction around the check, a 'not' of a check that is false
 * on TCP, and a rule on the syscall with no fd.l4proto check do.
 */
static const char tcp_rules[] =
	"- macro: outbound\n  condition: >\n"
	"    ((evt.type = connect and evt.dir=<) or (evt.type in (sendto,sendmsg) and evt.dir=< and\n"
	"     fd.l4proto != tcp and fd.connected=false and fd.name_changed=true)) and\n"
	"    (fd.typechar = 4 or fd.typechar = 6) and (evt.rawres >= 0 or evt.res = EINPROGRESS)\n"
	"- rule: Outbound\n  desc: d\n  condition: outbound and proc.name=x\n"
	"  output: o\n  priority: NOTICE\n"
	"- rule: Udp recv\n  desc: d\n  condition: evt.type=recvfrom and fd.l4proto = udp\n"
	"  output: u\n  priority: NOTICE\n"
	"- rule: Tcp sendmsg\n  desc: d\n  condition: evt.type=sendmsg and fd.l4proto in (tcp, udp)\n"
	"  output: t\n  priority: WARNING\n"
	"- rule: Either recvmsg\n  desc: d\n"
	"  condition: evt.type=recvmsg and (fd.l4proto != tcp or proc.name=x)\n"
	"  output: e\n  priority: WARNING\n"
	"- rule: Not udp sendto\n  desc: d\n  condition: evt.type=sendto and not fd.l4proto=udp\n"
	"  output: n\n  priority: DEBUG\n";

START_TEST(test_rules_tcp_set)
{
	uint64_t set[SCAP_SYSCALL_SET_WORDS] = { 0 }, tcp[SCAP_SYSCALL_SET_WORDS] = { 0 };
	sinsp_t *s = open_fake("noop");
	struct sinsp_rules *r;

	ck_assert_int_eq(sinsp_rules_new(s, &r), 0);
	ck_assert_int_eq(sinsp_rules_load_string(r, "t.yaml", tcp_rules), 0);
	ck_assert_int_eq(sinsp_rules_syscalls_tcp(r, tcp), -EAGAIN);
	ck_assert_int_eq(sinsp_rules_compile(r), 0);
	ck_assert_int_eq(sinsp_rules_syscalls(r, set), 0);
	ck_assert_int_eq(sinsp_rules_syscalls_tcp(r, tcp), 0);
	/* all five calls for the rules, on any socket */
	ck_assert(scap_syscall_set_has(set, SCAP_SC_CONNECT));
	ck_assert(scap_syscall_set_has(set, SCAP_SC_SENDTO));
	ck_assert(scap_syscall_set_has(set, SCAP_SC_SENDMSG));
	ck_assert(scap_syscall_set_has(set, SCAP_SC_RECVFROM));
	ck_assert(scap_syscall_set_has(set, SCAP_SC_RECVMSG));
	ck_assert_uint_eq(nbits(set), 5);
	/* on TCP: connect (no fd.l4proto check on it), sendmsg (= tcp in a list), recvmsg
	 * (the disjunction), sendto ('not fd.l4proto=udp' is true on TCP); not recvfrom
	 * (= udp) */
	ck_assert(scap_syscall_set_has(tcp, SCAP_SC_CONNECT));
	ck_assert(scap_syscall_set_has(tcp, SCAP_SC_SENDMSG));
	ck_assert(scap_syscall_set_has(tcp, SCAP_SC_RECVMSG));
	ck_assert(scap_syscall_set_has(tcp, SCAP_SC_SENDTO));
	ck_assert(!scap_syscall_set_has(tcp, SCAP_SC_RECVFROM));
	ck_assert_uint_eq(nbits(tcp), 4);
	/* the selection: NOTICE and above drops 'Not udp sendto': the outbound macro alone
	 * needs sendto on other sockets only */
	memset(tcp, 0, sizeof(tcp));
	ck_assert_int_eq(sinsp_rules_set_min_priority(r, SINSP_PRIO_NOTICE), 0);
	ck_assert_int_eq(sinsp_rules_syscalls_tcp(r, tcp), 0);
	ck_assert(!scap_syscall_set_has(tcp, SCAP_SC_SENDTO));
	ck_assert(!scap_syscall_set_has(tcp, SCAP_SC_RECVFROM));
	ck_assert(scap_syscall_set_has(tcp, SCAP_SC_SENDMSG));
	ck_assert_uint_eq(nbits(tcp), 3);
	ck_assert_int_eq(sinsp_rules_syscalls_tcp(NULL, tcp), -EINVAL);
	sinsp_rules_free(r);
	sinsp_close(s);
}
END_TEST

/* The state reads the four datagram calls only on other sockets; all else on TCP too. */
START_TEST(test_state_tcp_set)
{
	uint64_t all[SCAP_SYSCALL_SET_WORDS] = { 0 }, tcp[SCAP_SYSCALL_SET_WORDS] = { 0 };

	ck_assert_int_eq(sinsp_state_syscalls(all), 0);
	ck_assert_int_eq(sinsp_state_syscalls_tcp(tcp), 0);
	ck_assert(!scap_syscall_set_has(tcp, SCAP_SC_SENDTO));
	ck_assert(!scap_syscall_set_has(tcp, SCAP_SC_SENDMSG));
	ck_assert(!scap_syscall_set_has(tcp, SCAP_SC_RECVFROM));
	ck_assert(!scap_syscall_set_has(tcp, SCAP_SC_RECVMSG));
	ck_assert(scap_syscall_set_has(tcp, SCAP_SC_CONNECT));
	ck_assert(scap_syscall_set_has(tcp, SCAP_SC_ACCEPT4));
	ck_assert(scap_syscall_set_has(tcp, SCAP_SC_CLOSE));
	ck_assert_uint_eq(nbits(tcp), nbits(all) - 4);
	ck_assert_int_eq(sinsp_state_syscalls_tcp(NULL), -EINVAL);
}
END_TEST

/* ---- the metrics ----------------------------------------------------------------- */

/* Without the engine's counts every syscall; with them, opens, connections, clones. */
START_TEST(test_metrics_set)
{
	uint64_t set[SCAP_SYSCALL_SET_WORDS] = { 0 };
	sinsp_t *s = open_fake(NULL);
	struct sinsp_metrics *m;

	memset(&fake, 0, sizeof(fake));
	ck_assert_int_eq(sinsp_metrics_new(s, NULL, &m), 0);
	ck_assert_int_eq(sinsp_metrics_syscalls(m, set), 0);
	ck_assert_uint_eq(nbits(set), SCAP_SYSCALL_SET_WORDS * 64);
	memset(set, 0, sizeof(set));
	ck_assert_int_eq(sinsp_metrics_use_engine_counts(m, true), 0);
	ck_assert_int_eq(fake.counting, 1);
	ck_assert_int_eq(sinsp_metrics_syscalls(m, set), 0);
	static const uint16_t want[] = {
		SCAP_SC_OPEN, SCAP_SC_OPENAT, SCAP_SC_OPENAT2, SCAP_SC_CREAT,
		SCAP_SC_OPEN_BY_HANDLE_AT, SCAP_SC_CONNECT, SCAP_SC_ACCEPT, SCAP_SC_ACCEPT4,
		SCAP_SC_CLONE, SCAP_SC_CLONE3, SCAP_SC_FORK, SCAP_SC_VFORK,
	};
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		ck_assert_msg(scap_syscall_set_has(set, want[i]), "%s missing",
			      scap_syscall_names[want[i]]);
	ck_assert_uint_eq(nbits(set), sizeof(want) / sizeof(want[0]));
	ck_assert_int_eq(sinsp_metrics_use_engine_counts(m, false), 0);
	ck_assert_int_eq(fake.counting, 0);
	sinsp_metrics_free(m);
	sinsp_close(s);
}
END_TEST

/* The engine's counts, read at each close: what grew goes to the host (no process of
 * the table has those ids), then those processes are deleted from the engine. */
START_TEST(test_metrics_engine_counts)
{
	const uint64_t t0 = 1000000000000ull, sec = 1000000000ull;
	struct sinsp_metrics_container host = { .sz = sizeof(host) };
	struct sinsp_metrics_opts o = { .sz = sizeof(o), .interval_ns = sec };
	sinsp_t *s = open_fake(NULL);
	struct sinsp_metrics *m;

	memset(&fake, 0, sizeof(fake));
	ck_assert_int_eq(sinsp_metrics_new(s, &o, &m), 0);
	ck_assert_int_eq(sinsp_metrics_use_engine_counts(m, true), 0);
	fake.c[0] = (struct scap_proc_counts){ .sz = sizeof(fake.c[0]), .tgid = 4242, .calls = 10,
		.failures = 2, .file_read_bytes = 100, .file_write_bytes = 200,
		.net_in_bytes = 30, .net_out_bytes = 40 };
	fake.c[1] = (struct scap_proc_counts){ .sz = sizeof(fake.c[1]), .tgid = 4343, .calls = 5,
		.file_write_bytes = 1000 };
	fake.n = 2;
	sinsp_metrics_tick(m, t0);
	ck_assert_uint_eq(sinsp_metrics_tick(m, t0 + sec), 1);
	ck_assert_int_eq(sinsp_metrics_host(m, &host), 0);
	ck_assert_uint_eq(host.v.delta[SINSP_METRIC_SYSCALLS], 15);
	ck_assert_uint_eq(host.v.delta[SINSP_METRIC_SYSCALL_ERRORS], 2);
	ck_assert_uint_eq(host.v.delta[SINSP_METRIC_FILE_READ_BYTES], 100);
	ck_assert_uint_eq(host.v.delta[SINSP_METRIC_FILE_WRITE_BYTES], 1200);
	ck_assert_uint_eq(host.v.delta[SINSP_METRIC_NET_IN_BYTES], 30);
	ck_assert_uint_eq(host.v.delta[SINSP_METRIC_NET_OUT_BYTES], 40);
	/* unknown to the inspector: deleted after the read */
	ck_assert_int_eq(fake.ndeleted, 2);
	ck_assert_uint_eq(fake.deleted[0], 4242);
	ck_assert_uint_eq(fake.deleted[1], 4343);
	/* made again from zero by the engine: counted from zero */
	fake.c[0].calls = 3;
	fake.c[0].failures = 1;
	fake.c[0].file_read_bytes = fake.c[0].file_write_bytes = 0;
	fake.c[0].net_in_bytes = fake.c[0].net_out_bytes = 0;
	fake.n = 1;
	ck_assert_uint_eq(sinsp_metrics_tick(m, t0 + 2 * sec), 1);
	ck_assert_int_eq(sinsp_metrics_host(m, &host), 0);
	ck_assert_uint_eq(host.v.delta[SINSP_METRIC_SYSCALLS], 3);
	ck_assert_uint_eq(host.v.delta[SINSP_METRIC_SYSCALL_ERRORS], 1);
	ck_assert_uint_eq(host.v.delta[SINSP_METRIC_FILE_WRITE_BYTES], 0);
	ck_assert_uint_eq(host.v.total[SINSP_METRIC_SYSCALLS], 18);
	ck_assert_uint_eq(host.v.total[SINSP_METRIC_FILE_WRITE_BYTES], 1200);
	/* off: the counts are no longer read */
	ck_assert_int_eq(sinsp_metrics_use_engine_counts(m, false), 0);
	fake.c[0].calls = 50;
	ck_assert_uint_eq(sinsp_metrics_tick(m, t0 + 3 * sec), 1);
	ck_assert_int_eq(sinsp_metrics_host(m, &host), 0);
	ck_assert_uint_eq(host.v.delta[SINSP_METRIC_SYSCALLS], 0);
	sinsp_metrics_free(m);
	sinsp_close(s);
}
END_TEST

/* An engine without counters: the metrics need every syscall. */
START_TEST(test_metrics_no_counters)
{
	uint64_t set[SCAP_SYSCALL_SET_WORDS] = { 0 };
	sinsp_t *s = open_fake("noop");
	struct sinsp_metrics *m;

	ck_assert_int_eq(sinsp_metrics_new(s, NULL, &m), 0);
	ck_assert_int_eq(sinsp_metrics_use_engine_counts(m, true), -ENOTSUP);
	ck_assert_int_eq(sinsp_metrics_use_engine_counts(m, false), 0);
	ck_assert_int_eq(sinsp_metrics_syscalls(m, set), 0);
	ck_assert_uint_eq(nbits(set), SCAP_SYSCALL_SET_WORDS * 64);
	sinsp_metrics_free(m);
	sinsp_close(s);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("syscall_sets");
	TCase *tc = tcase_create("sets");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, test_state_set);
	tcase_add_test(tc, test_rules_set);
	tcase_add_test(tc, test_rules_tcp_set);
	tcase_add_test(tc, test_state_tcp_set);
	tcase_add_test(tc, test_metrics_set);
	suite_add_tcase(s, tc);
	tc = tcase_create("engine_counts");
	tcase_add_test(tc, test_counters_dispatch);
	tcase_add_test(tc, test_metrics_engine_counts);
	tcase_add_test(tc, test_metrics_no_counters);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_live.c - the live-control API (scry/scap_live.h) over the engine interface
 * (scry/scap_engine.h): an engine from opts.engine_impl, the validation done once in
 * libscap before an operation runs, -ENOTSUP for a missing operation, the sz prefix
 * rules of the descriptor and of the stats, and engine "bpf" named without its library;
 * opts.on_capture (when capture has begun) and the engines' ring backlog.
 */
#include <check.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <scry/scap.h>
#include <scry/scap_engine.h>
#include <scry/scap_live.h>

/* What the fake engine's operations were called with. */
static struct {
	int opened, closed, snaplen_calls;
	uint32_t snaplen, mode, tps, tgid;
	uint64_t sc[SCAP_SYSCALL_SET_WORDS];
	bool saw_no_proc_scan;
	uint64_t ring_bytes;
} fake;

static int fake_open(scap_t *h, const struct scap_open_opts *opts)
{
	static int priv;

	fake.opened++;
	fake.saw_no_proc_scan = opts->no_proc_scan;
	fake.ring_bytes = opts->ring_bytes;
	scap_engine_set_priv(h, &priv);
	if (opts->ring_bytes == 12345)
		return scap_engine_err(h, -EINVAL, "fake: ring_bytes %llu",
				       (unsigned long long)opts->ring_bytes);
	/* a live engine reads the initial state; no_proc_scan keeps it empty */
	return opts->no_proc_scan ? scap_engine_read_state(h, NULL, NULL) : 0;
}

static void fake_close(scap_t *h)
{
	ck_assert_ptr_nonnull(scap_engine_priv(h));
	fake.closed++;
}

static int fake_next(scap_t *h, struct scap_evt_ref *out)
{
	return SCAP_EOF;
}

static int fake_get_stats(scap_t *h, struct scap_stats *out)
{
	ck_assert_uint_eq(out->sz, sizeof(*out));
	out->n_evts = 100;
	out->n_drop_full = 7;
	out->ncpus = 3;
	out->ring_bytes = 1 << 20;
	return 0;
}

/* three rings: CPU i has 10 * (i + 1) events, i drops (ring full) */
static int fake_get_cpu_stats(scap_t *h, uint32_t cpu, struct scap_stats *out)
{
	ck_assert_uint_eq(out->sz, sizeof(*out));
	if (cpu >= 3)
		return scap_engine_err(h, -EINVAL, "fake: no ring for CPU %u", cpu);
	out->n_evts = 10 * (cpu + 1);
	out->n_drop_full = cpu;
	out->ncpus = 3;
	out->ring_bytes = 1 << 20;
	return 0;
}

static int fake_set_snaplen(scap_t *h, uint32_t bytes)
{
	fake.snaplen_calls++;
	fake.snaplen = bytes;
	return 0;
}

static int fake_set_syscalls(scap_t *h, const uint64_t *bits)
{
	memcpy(fake.sc, bits, sizeof(fake.sc));
	return 0;
}

static int fake_set_mode(scap_t *h, uint32_t mode)
{
	fake.mode = mode;
	return 0;
}

static int fake_set_tracepoints(scap_t *h, uint32_t mask)
{
	fake.tps = mask;
	return 0;
}

static int fake_set_exclude_tgid(scap_t *h, uint32_t tgid)
{
	fake.tgid = tgid;
	return scap_engine_err(h, -EIO, "fake: exclude %u", tgid);
}

static const struct scap_engine_ops fake_ops = {
	.sz = sizeof(struct scap_engine_ops),
	.name = "fake",
	.open = fake_open,
	.close = fake_close,
	.next = fake_next,
	.get_stats = fake_get_stats,
	.get_cpu_stats = fake_get_cpu_stats,
	.set_snaplen = fake_set_snaplen,
	.set_syscalls = fake_set_syscalls,
	.set_mode = fake_set_mode,
	.set_tracepoints = fake_set_tracepoints,
	.set_exclude_tgid = fake_set_exclude_tgid,
};

static scap_t *open_fake(const struct scap_engine_ops *ops)
{
	char err[SCAP_ERRBUF_SIZE];
	scap_t *h;

	memset(&fake, 0, sizeof(fake));
	SCAP_OPTS(scap_open_opts, o, .engine_impl = ops, .no_proc_scan = true);
	ck_assert_int_eq(scap_open(&o, &h, err), 0);
	return h;
}

START_TEST(test_impl_dispatch)
{
	scap_t *h = open_fake(&fake_ops);
	uint64_t two[2] = { 0x5, 0x8000000000000000ull };
	uint64_t many[SCAP_SYSCALL_SET_WORDS + 4];

	ck_assert_int_eq(fake.opened, 1);
	ck_assert(fake.saw_no_proc_scan);
	ck_assert_str_eq(scap_engine_name(h), "fake");

	/* snaplen: the range is checked before the engine sees it */
	ck_assert_int_eq(scap_set_snaplen(h, 0), -EINVAL);
	ck_assert_int_eq(scap_set_snaplen(h, SCAP_ABI_SNAPLEN_MAX + 1), -EINVAL);
	ck_assert_str_eq(scap_last_error(h), "snaplen 65001 outside 1..65000");
	ck_assert_int_eq(fake.snaplen_calls, 0);
	ck_assert_int_eq(scap_set_snaplen(h, SCAP_ABI_SNAPLEN_MAX), 0);
	ck_assert_uint_eq(fake.snaplen, 65000);

	/* syscalls: the engine always gets 16 words, missing ones zero */
	memset(fake.sc, 0xaa, sizeof(fake.sc));
	ck_assert_int_eq(scap_set_syscalls(h, two, 2), 0);
	ck_assert_uint_eq(fake.sc[0], 0x5);
	ck_assert_uint_eq(fake.sc[1], 0x8000000000000000ull);
	for (int i = 2; i < SCAP_SYSCALL_SET_WORDS; i++)
		ck_assert_uint_eq(fake.sc[i], 0);
	for (int i = 0; i < SCAP_SYSCALL_SET_WORDS + 4; i++)
		many[i] = (uint64_t)i + 1;
	ck_assert_int_eq(scap_set_syscalls(h, many, SCAP_SYSCALL_SET_WORDS + 4), 0);
	ck_assert_uint_eq(fake.sc[SCAP_SYSCALL_SET_WORDS - 1], SCAP_SYSCALL_SET_WORDS);
	ck_assert_int_eq(scap_set_syscalls(h, NULL, 1), -EINVAL);

	/* modes and tracepoints: unknown bits refused */
	ck_assert_int_eq(scap_set_mode(h, 2), -EINVAL);
	ck_assert_int_eq(scap_set_mode(h, SCAP_MODE_EXIT_ONLY), 0);
	ck_assert_uint_eq(fake.mode, 1);
	ck_assert_int_eq(scap_set_tracepoints(h, 8), -EINVAL);
	ck_assert_str_eq(scap_last_error(h), "unknown tracepoint bits 0x8");
	ck_assert_int_eq(scap_set_tracepoints(h, SCAP_TP_SCHED_SWITCH | SCAP_TP_PAGE_FAULT), 0);
	ck_assert_uint_eq(fake.tps, 5);

	/* an engine's error: its code and message (system errors get strerror) */
	ck_assert_int_eq(scap_set_exclude_tgid(h, 4242), -EIO);
	ck_assert_uint_eq(fake.tgid, 4242);
	ck_assert_str_eq(scap_last_error(h), "fake: exclude 4242: Input/output error");

	scap_close(h);
	ck_assert_int_eq(fake.closed, 1);
}
END_TEST

START_TEST(test_stats_prefix)
{
	scap_t *h = open_fake(&fake_ops);
	struct scap_stats st;
	SCAP_OPTS(scap_scan_stats, scan);

	/* an older, shorter struct: only its fields are written */
	memset(&st, 0xee, sizeof(st));
	st.sz = offsetof(struct scap_stats, n_drop_full) + sizeof(st.n_drop_full);
	ck_assert_int_eq(scap_get_stats(h, &st), 0);
	ck_assert_uint_eq(st.n_evts, 100);
	ck_assert_uint_eq(st.n_drop_full, 7);
	ck_assert_uint_eq(st.n_drop_pf, 0xeeeeeeeeeeeeeeeeull);
	ck_assert_uint_eq(st.ncpus, 0xeeeeeeeeu);
	/* the full struct: the fields the engine left alone are zero */
	memset(&st, 0xee, sizeof(st));
	st.sz = sizeof(st);
	ck_assert_int_eq(scap_get_stats(h, &st), 0);
	ck_assert_uint_eq(st.n_drop_pf, 0);
	ck_assert_uint_eq(st.ncpus, 3);
	ck_assert_uint_eq(st.ring_bytes, 1u << 20);
	st.sz = 2;
	ck_assert_int_eq(scap_get_stats(h, &st), -EINVAL);

	/* one CPU's ring: its counters, the sz prefix rule, a CPU without a ring */
	memset(&st, 0xee, sizeof(st));
	st.sz = sizeof(st);
	ck_assert_int_eq(scap_get_cpu_stats(h, 2, &st), 0);
	ck_assert_uint_eq(st.n_evts, 30);
	ck_assert_uint_eq(st.n_drop_full, 2);
	ck_assert_uint_eq(st.n_drop_pf, 0);
	ck_assert_uint_eq(st.ncpus, 3);
	memset(&st, 0xee, sizeof(st));
	st.sz = offsetof(struct scap_stats, n_evts) + sizeof(st.n_evts);
	ck_assert_int_eq(scap_get_cpu_stats(h, 0, &st), 0);
	ck_assert_uint_eq(st.n_evts, 10);
	ck_assert_uint_eq(st.n_drop_full, 0xeeeeeeeeeeeeeeeeull);
	st.sz = sizeof(st);
	ck_assert_int_eq(scap_get_cpu_stats(h, 3, &st), -EINVAL);
	ck_assert_str_eq(scap_last_error(h), "fake: no ring for CPU 3");
	st.sz = 2;
	ck_assert_int_eq(scap_get_cpu_stats(h, 0, &st), -EINVAL);

	/* the engine read its (empty: no_proc_scan) initial state */
	memset((char *)&scan + sizeof(size_t), 0xee, sizeof(scan) - sizeof(size_t));
	ck_assert_int_eq(scap_get_scan_stats(h, &scan), 0);
	ck_assert_uint_eq(scan.nprocs, 0);
	ck_assert_uint_eq(scan.elapsed_ns, 0);
	scap_close(h);
}
END_TEST

/* A descriptor built against an older header (sz up to set_snaplen) gets -ENOTSUP for
 * the operations past its sz, whatever lies in memory after it. */
START_TEST(test_impl_short_sz)
{
	struct scap_engine_ops old = fake_ops;
	scap_t *h;

	old.sz = offsetof(struct scap_engine_ops, set_snaplen) + sizeof(old.set_snaplen);
	h = open_fake(&old);
	ck_assert_int_eq(scap_set_snaplen(h, 80), 0);
	ck_assert_uint_eq(fake.snaplen, 80);
	ck_assert_int_eq(scap_set_mode(h, 0), -ENOTSUP);
	ck_assert_str_eq(scap_last_error(h), "engine fake has no capture modes");
	ck_assert_int_eq(scap_set_exclude_tgid(h, 1), -ENOTSUP);
	scap_close(h);
}
END_TEST

START_TEST(test_impl_open_errors)
{
	char err[SCAP_ERRBUF_SIZE];
	struct scap_engine_ops bad = fake_ops;
	scap_t *h;

	SCAP_OPTS(scap_open_opts, o, .engine = "kmod", .engine_impl = &fake_ops);
	ck_assert_int_eq(scap_open(&o, &h, err), -EINVAL);
	ck_assert_ptr_null(h);
	ck_assert_str_eq(err, "scap_open: opts.engine 'kmod' but opts.engine_impl is engine "
			 "'fake'");
	o.engine = "fake";
	o.no_proc_scan = true;
	ck_assert_int_eq(scap_open(&o, &h, err), 0);
	scap_close(h);

	bad.open = NULL;
	o.engine_impl = &bad;
	ck_assert_int_eq(scap_open(&o, &h, err), -EINVAL);

	/* the engine's own open error reaches errbuf */
	o.engine_impl = &fake_ops;
	o.ring_bytes = 12345;
	ck_assert_int_eq(scap_open(&o, &h, err), -EINVAL);
	ck_assert_str_eq(err, "fake: ring_bytes 12345");
	ck_assert_uint_eq(fake.ring_bytes, 12345);
}
END_TEST

/* Engines without the operations: -ENOTSUP naming the engine. */
START_TEST(test_noop_enotsup)
{
	char err[SCAP_ERRBUF_SIZE];
	uint64_t bits[1] = { 1 };
	scap_t *h;

	SCAP_OPTS(scap_open_opts, o, .engine = "noop");
	ck_assert_int_eq(scap_open(&o, &h, err), 0);
	SCAP_OPTS(scap_stats, st);
	SCAP_OPTS(scap_scan_stats, scan);
	ck_assert_int_eq(scap_set_snaplen(h, 80), -ENOTSUP);
	ck_assert_str_eq(scap_last_error(h), "engine noop has no snaplen");
	ck_assert_int_eq(scap_set_syscalls(h, bits, 1), -ENOTSUP);
	ck_assert_int_eq(scap_set_mode(h, 0), -ENOTSUP);
	ck_assert_int_eq(scap_set_tracepoints(h, 0), -ENOTSUP);
	ck_assert_int_eq(scap_set_exclude_tgid(h, 0), -ENOTSUP);
	ck_assert_int_eq(scap_get_stats(h, &st), -ENOTSUP);
	ck_assert_str_eq(scap_last_error(h), "engine noop has no statistics");
	ck_assert_int_eq(scap_get_cpu_stats(h, 0, &st), -ENOTSUP);
	ck_assert_str_eq(scap_last_error(h), "engine noop has no per-CPU statistics");
	ck_assert_int_eq(scap_get_scan_stats(h, &scan), -ENOTSUP);
	scap_close(h);

	ck_assert_int_eq(scap_set_snaplen(NULL, 80), -EINVAL);
	ck_assert_int_eq(scap_get_stats(NULL, &st), -EINVAL);
	ck_assert_int_eq(scap_get_cpu_stats(NULL, 0, &st), -EINVAL);
}
END_TEST

/* The bpf engine is the library scap_bpf: libscap alone says so. */
START_TEST(test_bpf_without_library)
{
	char err[SCAP_ERRBUF_SIZE];
	scap_t *h = (scap_t *)&err;

	SCAP_OPTS(scap_open_opts, o, .engine = "bpf");
	ck_assert_int_eq(scap_open(&o, &h, err), -ENOTSUP);
	ck_assert_ptr_null(h);
	ck_assert_str_eq(err, "scap_open: engine 'bpf' is in the library scap_bpf "
			 "(libscap_bpf), not in libscap: link it and pass scap_bpf_engine() of "
			 "<scry/scap_bpf.h> as opts.engine_impl");
	o.engine = "nosuch";
	ck_assert_int_eq(scap_open(&o, &h, err), -EINVAL);
	ck_assert_str_eq(err, "scap_open: unknown engine 'nosuch'");
}
END_TEST

/* An engine that starts: at open with opts.start (saying so before its scan, as the
 * live engines do), else at scap_start(), which fails while start_rc is set. */
static struct {
	int captured, starts, start_rc;
	bool scan_before_capture;
	scap_t *h_at_capture;
	void *ctx_at_capture;
} cap;

static int cap_open(scap_t *h, const struct scap_open_opts *opts)
{
	static int priv;
	int rc;

	scap_engine_set_priv(h, &priv);
	if (opts->start)
		scap_engine_capturing(h);
	rc = scap_engine_read_state(h, NULL, NULL);   /* no_proc_scan: empty */
	cap.scan_before_capture = cap.captured == 0;
	return rc;
}

static void cap_close(scap_t *h)
{
}

static int cap_start(scap_t *h)
{
	cap.starts++;
	return cap.start_rc;
}

static const struct scap_engine_ops cap_ops = {
	.sz = sizeof(struct scap_engine_ops),
	.name = "cap",
	.open = cap_open,
	.close = cap_close,
	.start = cap_start,
	.set_snaplen = fake_set_snaplen,
};

static void on_capture(scap_t *h, void *ctx)
{
	cap.captured++;
	cap.h_at_capture = h;
	cap.ctx_at_capture = ctx;
	/* the controls work from here on */
	ck_assert_int_eq(scap_set_snaplen(h, 256), 0);
}

/* opts.start: on_capture once, inside scap_open() before the scan, never again. */
START_TEST(test_on_capture_at_open)
{
	char err[SCAP_ERRBUF_SIZE];
	int ctx;
	scap_t *h;

	memset(&cap, 0, sizeof(cap));
	memset(&fake, 0, sizeof(fake));
	SCAP_OPTS(scap_open_opts, o, .engine_impl = &cap_ops, .no_proc_scan = true, .start = true,
		  .on_capture = on_capture, .on_capture_ctx = &ctx);
	ck_assert_int_eq(scap_open(&o, &h, err), 0);
	ck_assert_int_eq(cap.captured, 1);
	ck_assert(!cap.scan_before_capture);
	ck_assert_ptr_eq(cap.h_at_capture, h);
	ck_assert_ptr_eq(cap.ctx_at_capture, &ctx);
	ck_assert_uint_eq(fake.snaplen, 256);
	ck_assert_int_eq(scap_start(h), 0);
	ck_assert_int_eq(cap.starts, 1);
	ck_assert_int_eq(cap.captured, 1);
	scap_close(h);
}
END_TEST

/* Without opts.start: on_capture at the first scap_start() that succeeds, once. */
START_TEST(test_on_capture_at_start)
{
	char err[SCAP_ERRBUF_SIZE];
	scap_t *h;

	memset(&cap, 0, sizeof(cap));
	SCAP_OPTS(scap_open_opts, o, .engine_impl = &cap_ops, .no_proc_scan = true,
		  .on_capture = on_capture);
	ck_assert_int_eq(scap_open(&o, &h, err), 0);
	ck_assert_int_eq(cap.captured, 0);
	cap.start_rc = -EIO;
	ck_assert_int_eq(scap_start(h), -EIO);
	ck_assert_int_eq(cap.captured, 0);
	cap.start_rc = 0;
	ck_assert_int_eq(scap_start(h), 0);
	ck_assert_int_eq(scap_start(h), 0);
	ck_assert_int_eq(cap.starts, 3);
	ck_assert_int_eq(cap.captured, 1);
	ck_assert_ptr_eq(cap.h_at_capture, h);
	ck_assert_ptr_null(cap.ctx_at_capture);
	scap_close(h);
}
END_TEST

/* The ring backlog: records in order at their padded lengths, freed once consumed. */
START_TEST(test_backlog)
{
	struct scap_engine_backlog bl = { 0 };
	static uint8_t big[3 << 20];

	ck_assert_int_eq(scap_engine_backlog_add(&bl, "abcde", 5, 8), 0);
	ck_assert_int_eq(scap_engine_backlog_add(&bl, "12345678", 8, 8), 0);
	ck_assert_uint_eq(bl.len, 16);
	ck_assert_uint_eq(bl.off, 0);
	ck_assert_mem_eq(bl.buf, "abcde", 5);
	ck_assert_mem_eq(bl.buf + 8, "12345678", 8);
	/* growing keeps what is held */
	memset(big, 0x5a, sizeof(big));
	ck_assert_int_eq(scap_engine_backlog_add(&bl, big, sizeof(big), sizeof(big)), 0);
	ck_assert_uint_ge(bl.cap, 16 + sizeof(big));
	ck_assert_mem_eq(bl.buf, "abcde", 5);
	ck_assert_mem_eq(bl.buf + 8, "12345678", 8);
	ck_assert_mem_eq(bl.buf + 16, big, sizeof(big));
	scap_engine_backlog_consume(&bl, 8);
	ck_assert_uint_eq(bl.off, 8);
	ck_assert_mem_eq(bl.buf + bl.off, "12345678", 8);
	scap_engine_backlog_consume(&bl, 8);
	ck_assert_ptr_nonnull(bl.buf);
	scap_engine_backlog_consume(&bl, sizeof(big));
	ck_assert_ptr_null(bl.buf);
	ck_assert_uint_eq(bl.len + bl.off + bl.cap, 0);
	/* freed while not empty */
	ck_assert_int_eq(scap_engine_backlog_add(&bl, "xy", 2, 8), 0);
	scap_engine_backlog_free(&bl);
	ck_assert_ptr_null(bl.buf);
	ck_assert_uint_eq(bl.len + bl.off + bl.cap, 0);
}
END_TEST

static Suite *live_suite(void)
{
	Suite *s = suite_create("live");
	TCase *tc = tcase_create("engine_impl");

	tcase_add_test(tc, test_impl_dispatch);
	tcase_add_test(tc, test_stats_prefix);
	tcase_add_test(tc, test_impl_short_sz);
	tcase_add_test(tc, test_impl_open_errors);
	tcase_add_test(tc, test_on_capture_at_open);
	tcase_add_test(tc, test_on_capture_at_start);
	tcase_add_test(tc, test_backlog);
	suite_add_tcase(s, tc);
	tc = tcase_create("builtin");
	tcase_add_test(tc, test_noop_enotsup);
	tcase_add_test(tc, test_bpf_without_library);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(live_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

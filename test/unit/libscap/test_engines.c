/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_engines.c - the test_input and noop engines, scap_evt_params() on good and
 * malformed records, and the generic handle behaviour (sticky errors, -ENOTSUP, sz).
 */
#include <check.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <scry/scap.h>
#include <scry/scap_test_input.h>

#include "capture_builder.h"

static struct scap_evt_ref ref_of(const struct cb_buf *rec, uint16_t type, uint32_t nparams)
{
	struct scap_evt_ref e = { .sz = sizeof(e), .raw = rec->data, .len = (uint32_t)rec->len,
				  .type = type, .nparams = nparams };
	return e;
}

static uint16_t plain_type(void)
{
	for (int t = 0; t < 65536; t++) {
		const struct scap_evt_info *i = scap_evt_info((uint16_t)t);

		if (!i)
			break;
		if (!(i->flags & SCAP_EF_LARGE_PAYLOAD))
			return (uint16_t)t;
	}
	ck_abort_msg("no event type without the large payload flag");
	return 0;
}

START_TEST(test_test_input_replay)
{
	uint16_t type = plain_type();
	struct cb_buf r[3] = { { 0 } };
	const uint8_t *evts[3];
	uint16_t cpus[3] = { 1, 2, 3 };
	uint32_t flags[3] = { 0, 9, 0 };
	struct scap_threadinfo th = { .tid = 7, .pid = 7, .comm = "init", .loginuid = 5 };
	struct scap_userinfo us = { .uid = 0, .name = "root" };
	struct scap_state in_state = { .threads = &th, .nthreads = 1, .users = &us, .nusers = 1 };
	struct scap_test_input in = { .sz = sizeof(in), .events = evts, .nevents = 3,
				      .cpus = cpus, .flags = flags, .state = &in_state };
	struct scap_state st = { .sz = sizeof(st) };
	struct scap_evt_ref e = { .sz = sizeof(e) };
	struct scap_param p[2];
	scap_t *h;
	char err[SCAP_ERRBUF_SIZE];

	for (int i = 0; i < 3; i++) {
		uint32_t v = (uint32_t)i * 11;
		const void *vals[1] = { &v };
		uint32_t lens[1] = { 4 };

		cb_evt_record(&r[i], 100 + (uint64_t)i, 7, type, 1, vals, lens, 2);
		evts[i] = r[i].data;
	}
	{
		SCAP_OPTS(scap_open_opts, o, .engine = "test_input", .test_input = &in);
		ck_assert_int_eq(scap_open(&o, &h, err), 0);
	}
	ck_assert_str_eq(scap_engine_name(h), "test_input");
	ck_assert_int_eq(scap_get_state(h, &st), 0);
	ck_assert_uint_eq(st.nthreads, 1);
	ck_assert_ptr_eq(st.threads, &th);
	ck_assert_str_eq(st.users[0].name, "root");
	for (int i = 0; i < 3; i++) {
		uint32_t v;

		ck_assert_int_eq(scap_next(h, &e), 0);
		ck_assert_ptr_eq(e.raw, evts[i]);
		ck_assert_uint_eq(e.ts_ns, 100 + (uint64_t)i);
		ck_assert_uint_eq(e.tid, 7);
		ck_assert_uint_eq(e.cpu, cpus[i]);
		ck_assert_uint_eq(e.flags, flags[i]);
		ck_assert_uint_eq(e.len, 26 + 2 + 4);
		ck_assert_int_eq(scap_evt_params(&e, p, 2), 1);
		memcpy(&v, p[0].val, 4);
		ck_assert_uint_eq(v, (uint32_t)i * 11);
	}
	ck_assert_int_eq(scap_next(h, &e), SCAP_EOF);
	ck_assert_int_eq(scap_next(h, &e), SCAP_EOF);
	ck_assert_int_eq(scap_start(h), -ENOTSUP);
	ck_assert_ptr_nonnull(strstr(scap_last_error(h), "test_input"));
	scap_close(h);
	for (int i = 0; i < 3; i++)
		cb_free(&r[i]);
}
END_TEST

START_TEST(test_test_input_bad_record)
{
	uint8_t bad[26] = { 0 }; /* len 0 < header */
	const uint8_t *evts[1] = { bad };
	struct scap_test_input in = { .sz = sizeof(in), .events = evts, .nevents = 1 };
	struct scap_evt_ref e = { .sz = sizeof(e) };
	scap_t *h;

	SCAP_OPTS(scap_open_opts, o, .test_input = &in);
	ck_assert_int_eq(scap_open(&o, &h, NULL), 0);
	ck_assert_int_eq(scap_next(h, &e), -EPROTO);
	ck_assert_int_eq(scap_next(h, &e), -EPROTO); /* sticky */
	scap_close(h);
}
END_TEST

START_TEST(test_noop)
{
	struct scap_evt_ref e = { .sz = sizeof(e) };
	struct scap_state st;
	scap_t *h;

	memset(&st, 0xff, sizeof(st));
	st.sz = sizeof(st);
	SCAP_OPTS(scap_open_opts, o, .engine = "noop");
	ck_assert_int_eq(scap_open(&o, &h, NULL), 0);
	ck_assert_int_eq(scap_next(h, &e), SCAP_EOF);
	ck_assert_int_eq(scap_get_state(h, &st), 0);
	ck_assert_uint_eq(st.nthreads, 0);
	ck_assert_ptr_null(st.machine);
	ck_assert_int_eq(scap_stop(h), -ENOTSUP);
	scap_close(h);
	scap_close(NULL);
}
END_TEST

START_TEST(test_evt_params_ok)
{
	uint16_t type = plain_type();
	struct cb_buf r = { 0 };
	const char *a = "abc";
	uint64_t b = 99;
	const void *vals[3] = { a, &b, "" };
	uint32_t lens[3] = { 4, 8, 0 };
	struct scap_param p[3];
	struct scap_evt_ref e;

	cb_evt_record(&r, 1, 2, type, 3, vals, lens, 2);
	e = ref_of(&r, type, 3);
	ck_assert_int_eq(scap_evt_params(&e, p, 3), 3);
	ck_assert_str_eq((const char *)p[0].val, "abc");
	ck_assert_uint_eq(p[1].len, 8);
	ck_assert_uint_eq(p[2].len, 0);
	ck_assert_ptr_eq(p[2].val, r.data + r.len);
	ck_assert_int_eq(scap_evt_params(&e, p, 1), 1);
	ck_assert_int_eq(scap_evt_params(&e, NULL, 0), 0);
	cb_free(&r);
}
END_TEST

START_TEST(test_evt_params_overrun)
{
	uint16_t type = plain_type();
	struct cb_buf r = { 0 };
	uint64_t b = 99;
	const void *vals[2] = { &b, &b };
	uint32_t lens[2] = { 8, 8 };
	struct scap_param p[4];
	struct scap_evt_ref e;
	uint16_t l;

	cb_evt_record(&r, 1, 2, type, 2, vals, lens, 2);
	/* nparams claims more lengths than fit. */
	e = ref_of(&r, type, 1000);
	ck_assert_int_eq(scap_evt_params(&e, p, 4), -EPROTO);
	/* a length runs past the end. */
	l = 9;
	memcpy(r.data + 26 + 2, &l, 2);
	e = ref_of(&r, type, 2);
	ck_assert_int_eq(scap_evt_params(&e, p, 4), -EPROTO);
	/* even when the caller asks for the first entry only */
	ck_assert_int_eq(scap_evt_params(&e, p, 1), -EPROTO);
	/* a record shorter than its header */
	e = ref_of(&r, type, 0);
	e.len = 10;
	ck_assert_int_eq(scap_evt_params(&e, p, 4), -EPROTO);
	cb_free(&r);
}
END_TEST

START_TEST(test_evt_params_large)
{
	struct cb_buf r = { 0 };
	struct scap_param p[2];
	struct scap_evt_ref e;
	uint8_t *big = calloc(1, 70000);
	const void *vals[1] = { big };
	uint32_t lens[1] = { 70000 };
	int t;

	for (t = 0; scap_evt_info((uint16_t)t); t++)
		if (scap_evt_info((uint16_t)t)->flags & SCAP_EF_LARGE_PAYLOAD)
			break;
	if (!scap_evt_info((uint16_t)t)) {
		free(big);
		return; /* schema has no large-payload event */
	}
	cb_evt_record(&r, 1, 2, (uint16_t)t, 1, vals, lens, 4);
	e = ref_of(&r, (uint16_t)t, 1);
	ck_assert_int_eq(scap_evt_params(&e, p, 2), 1);
	ck_assert_uint_eq(p[0].len, 70000);
	ck_assert_ptr_eq(p[0].val, r.data + 26 + 4);
	cb_free(&r);
	free(big);
}
END_TEST

START_TEST(test_evt_info)
{
	ck_assert_ptr_nonnull(scap_evt_info(0));
	ck_assert_ptr_null(scap_evt_info(SCAP_EVT_MAX));
	ck_assert_ptr_null(scap_evt_info(0xffff));
}
END_TEST

START_TEST(test_small_sz)
{
	/* A caller built against an older, shorter scap_evt_ref gets just its prefix. */
	uint16_t type = plain_type();
	struct cb_buf r = { 0 };
	const uint8_t *evts[1];
	struct scap_test_input in = { .sz = sizeof(in), .events = evts, .nevents = 1 };
	struct { struct scap_evt_ref e; uint64_t canary; } s;
	scap_t *h;

	cb_evt_record(&r, 5, 6, type, 0, NULL, NULL, 2);
	evts[0] = r.data;
	SCAP_OPTS(scap_open_opts, o, .test_input = &in);
	ck_assert_int_eq(scap_open(&o, &h, NULL), 0);
	memset(&s, 0xee, sizeof(s));
	s.e.sz = offsetof(struct scap_evt_ref, ts_ns) + sizeof(uint64_t);
	ck_assert_int_eq(scap_next(h, &s.e), 0);
	ck_assert_uint_eq(s.e.ts_ns, 5);
	ck_assert_uint_eq(s.e.len, 26);
	ck_assert_uint_eq(s.e.tid, 0xeeeeeeeeeeeeeeeeull); /* beyond sz: untouched */
	s.e.sz = 4;
	ck_assert_int_eq(scap_next(h, &s.e), -EINVAL);
	scap_close(h);
	cb_free(&r);
}
END_TEST

static Suite *engines_suite(void)
{
	Suite *s = suite_create("engines");
	TCase *tc = tcase_create("test_input");

	tcase_add_test(tc, test_test_input_replay);
	tcase_add_test(tc, test_test_input_bad_record);
	tcase_add_test(tc, test_noop);
	tcase_add_test(tc, test_small_sz);
	suite_add_tcase(s, tc);
	tc = tcase_create("evt_params");
	tcase_add_test(tc, test_evt_params_ok);
	tcase_add_test(tc, test_evt_params_overrun);
	tcase_add_test(tc, test_evt_params_large);
	tcase_add_test(tc, test_evt_info);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(engines_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

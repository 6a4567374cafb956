/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_url.c - bus URLs (url.c): servers, names, query keys, since= in both forms and
 * the refusals; subjects and message ids (registry.c); transports by scheme with their
 * client library loaded at first use (registry.c, dl.c).
 */
#include <check.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <libscap/shared/scry_dl.h>
#include "registry.h"
#include "url.h"

START_TEST(url_full)
{
	struct stream_url *u = NULL;
	char err[STREAM_ERR_SIZE] = "";

	ck_assert_int_eq(stream_url_parse("nats://127.0.0.1:4222,127.0.0.1:4223/SCRY?host=web-1"
					  "&since=2026-12-07T13:00:00.5Z&replicas=3", &u, err), 0);
	ck_assert_str_eq(u->scheme, "nats");
	ck_assert_str_eq(u->servers, "127.0.0.1:4222,127.0.0.1:4223");
	ck_assert_str_eq(u->name, "SCRY");
	ck_assert_str_eq(u->host, "web-1");
	/* date -u -d 2026-12-07T13:00:00Z +%s = 1796648400 */
	ck_assert_uint_eq(u->since_ns, 1796648400ull * 1000000000ull + 500000000ull);
	ck_assert_str_eq(stream_url_param(u, "replicas"), "3");
	ck_assert_ptr_null(stream_url_param(u, "nope"));
	stream_url_free(u);
}
END_TEST

START_TEST(url_minimal)
{
	struct stream_url *u = NULL;

	ck_assert_int_eq(stream_url_parse("kafka://broker:9092/scry", &u, NULL), 0);
	ck_assert_str_eq(u->scheme, "kafka");
	ck_assert_ptr_null(u->host);
	ck_assert_uint_eq(u->since_ns, 0);
	stream_url_free(u);
	ck_assert(stream_url_is_bus("nats://x/y"));
	ck_assert(stream_url_is_bus("kafka://x/y"));
	ck_assert(!stream_url_is_bus("/tmp/nats://x"));
	ck_assert(!stream_url_is_bus("trace.scap"));
}
END_TEST

START_TEST(url_refused)
{
	static const char *const bad[] = {
		"nats:/x/y", "nats:///S", "nats://h:1", "nats://h:1/", "nats://h:1/A.B",
		"nats://h:1/A>", "nats://h:1/S?host", "nats://h:1/S?host=", "nats://h:1/S?since=yesterday",
		"nats://h:1/S?since=2026-13-01T00:00:00Z", "nats://h:1/S?since=2026-12-01T00:00:00",
	};
	char err[STREAM_ERR_SIZE];

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct stream_url *u = NULL;

		err[0] = '\0';
		ck_assert_msg(stream_url_parse(bad[i], &u, err) == -EINVAL, "%s accepted", bad[i]);
		ck_assert_msg(strstr(err, bad[i]) != NULL, "%s: message '%s'", bad[i], err);
		ck_assert_ptr_null(u);
	}
}
END_TEST

/* A misspelt key (?replica=3) is refused with the keys the URL takes, not taken for
 * the default. */
START_TEST(url_keys_checked)
{
	static const char *const pub[] = { "replicas", NULL };
	struct stream_url *u = NULL;
	char err[STREAM_ERR_SIZE] = "";

	ck_assert_int_eq(stream_url_parse("nats://h:1/S?host=a&replica=3", &u, err), 0);
	ck_assert_int_eq(stream_url_check_keys(u, (const char *const[]){ "host", NULL }, pub, err),
			 -EINVAL);
	ck_assert_str_eq(err, "nats://h:1/S?host=a&replica=3: ?replica= is not an option here "
			 "(it takes: host, replicas)");
	ck_assert_int_eq(stream_url_check_keys(u, stream_reader_keys, NULL, err), -EINVAL);
	stream_url_free(u);
	ck_assert_int_eq(stream_url_parse("nats://h:1/S?host=a&since=0&host=b", &u, err), 0);
	ck_assert_int_eq(stream_url_check_keys(u, stream_reader_keys, NULL, err), 0);
	ck_assert_int_eq(stream_url_check_keys(u, (const char *const[]){ "host", NULL }, pub, err),
			 -EINVAL);
	ck_assert_ptr_nonnull(strstr(err, "?since= is not an option here"));
	stream_url_free(u);
}
END_TEST

START_TEST(times)
{
	uint64_t ns = 0;

	ck_assert_int_eq(stream_time_parse("1796648400000000001", &ns), 0);
	ck_assert_uint_eq(ns, 1796648400000000001ull);
	ck_assert_int_eq(stream_time_parse("2026-12-07T14:00:00+01:00", &ns), 0);
	ck_assert_uint_eq(ns, 1796648400ull * 1000000000ull);
	ck_assert_int_eq(stream_time_parse("2026-12-07 12:30:00.000000123-00:30", &ns), 0);
	ck_assert_uint_eq(ns, 1796648400ull * 1000000000ull + 123);
	ck_assert_int_eq(stream_time_parse("1970-01-01T00:00:00Z", &ns), 0);
	ck_assert_uint_eq(ns, 0);
	ck_assert_int_eq(stream_time_parse("", &ns), -EINVAL);
	ck_assert_int_eq(stream_time_parse("2026-12-07T13:00:00.Z", &ns), -EINVAL);
	ck_assert_int_eq(stream_time_parse("2026-12-07T13:00:00+1:00", &ns), -EINVAL);
}
END_TEST

START_TEST(subjects_ids)
{
	char b[64];
	uint64_t seq = 0;

	ck_assert_int_eq(stream_subject(b, sizeof(b), "SCRY", "capture", "web-1.example.com"), 0);
	ck_assert_str_eq(b, "SCRY.capture.web-1_example_com");
	ck_assert_int_eq(stream_subject(b, 16, "SCRY", "capture", "web-1.example.com"),
			 -ENAMETOOLONG);
	ck_assert_int_eq(stream_msg_id(b, sizeof(b), "web-1", "capture", 42), 0);
	ck_assert_str_eq(b, "web-1/capture/42");
	ck_assert_int_eq(stream_msg_id_seq(b, &seq), 0);
	ck_assert_uint_eq(seq, 42);
	ck_assert_int_eq(stream_msg_id_seq("web-1/capture/4x", &seq), -EPROTO);
	ck_assert_int_eq(stream_msg_id_seq("web-1/capture/", &seq), -EPROTO);
	ck_assert_int_eq(stream_msg_id_seq(NULL, &seq), -EPROTO);
	ck_assert((stream_transport_find("nats") != NULL) ==
		  (strstr(stream_transport_list(), "nats") != NULL));
	ck_assert_ptr_null(stream_transport_find("amqp"));
}
END_TEST

START_TEST(transports_loaded)
{
	const struct stream_transport_ops *t = NULL;
	char err[STREAM_ERR_SIZE] = "";

	ck_assert_int_eq(stream_transport_get("amqp", &t, err), -ENOTSUP);
	ck_assert_msg(strstr(err, "amqp: no such bus in this build (built: "), "%s", err);
	ck_assert_ptr_null(t);
	/* a bus this build has: its library opens (Debian's package installed) */
	if (stream_transport_find("kafka")) {
		ck_assert_msg(stream_transport_get("kafka", &t, err) == 0, "%s", err);
		ck_assert_ptr_eq(t, stream_transport_find("kafka"));
	}
	if (stream_transport_find("nats")) {
		ck_assert_msg(stream_transport_get("nats", &t, err) == 0, "%s", err);
		ck_assert_ptr_eq(t, stream_transport_find("nats"));
	}
}
END_TEST

START_TEST(dl_refusals)
{
	static const char *const names[] = { "strlen", "scry_no_such_function" };
	void *table[2] = { NULL, NULL };
	struct scry_dl missing = { .soname = "libscry-no-such.so.9", .package = "scry-none",
				   .names = names, .table = table, .n = 1,
				   .lock = PTHREAD_MUTEX_INITIALIZER };
	struct scry_dl lacking = { .soname = "libc.so.6", .package = "libc6", .names = names,
				   .table = table, .n = 2, .lock = PTHREAD_MUTEX_INITIALIZER };
	char err[STREAM_ERR_SIZE] = "";

	ck_assert_int_eq(scry_dl_open(&missing, err, sizeof(err)), -ENOENT);
	ck_assert_msg(strstr(err, "libscry-no-such.so.9") &&
		      strstr(err, "(install the package scry-none)"), "%s", err);
	/* the result stays: a second call gives it again without trying */
	err[0] = '\0';
	ck_assert_int_eq(scry_dl_open(&missing, err, sizeof(err)), -ENOENT);
	ck_assert_msg(strstr(err, "scry-none"), "%s", err);
	ck_assert_int_eq(scry_dl_open(&lacking, err, sizeof(err)), -ENOENT);
	ck_assert_str_eq(err, "libc.so.6 has no scry_no_such_function (a newer libc6 is needed)");
	ck_assert_ptr_nonnull(table[0]); /* strlen was resolved before the missing one */
}
END_TEST

static Suite *url_suite(void)
{
	Suite *s = suite_create("stream_url");
	TCase *tc = tcase_create("url");

	tcase_add_test(tc, url_full);
	tcase_add_test(tc, url_minimal);
	tcase_add_test(tc, url_refused);
	tcase_add_test(tc, url_keys_checked);
	tcase_add_test(tc, times);
	tcase_add_test(tc, subjects_ids);
	tcase_add_test(tc, transports_loaded);
	tcase_add_test(tc, dl_refusals);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(url_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

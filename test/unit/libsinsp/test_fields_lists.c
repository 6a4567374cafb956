/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_fields_lists.c - the fdlist.* and syslog.* fields, and the buffer and time
 * formats of sinsp_open_opts (sysdig's -A/-x/-X/-b and -t), on synthetic events fed
 * through the test_input engine. The expected texts are what sysdig 0.29.3 prints for
 * the same shapes (test/cli_sysdig_test.py compares the CLI with sysdig on real
 * captures).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include <scry/scap.h>
#include <scry/sinsp.h>

#include "sinsp_int.h"
#include "fields/fields.h"
#include "evt_builder.h"

#define TID 100

static struct evt_builder eb;
static struct scap_threadinfo thread;
static struct scap_fdinfo fds[4];
static sinsp_t *s;

#define add_evt(...) eb_add(&eb, __VA_ARGS__)

static void setup(void)
{
	memset(&eb, 0, sizeof(eb));
	memset(&thread, 0, sizeof(thread));
	memset(fds, 0, sizeof(fds));
	eb.tid = TID;
	eb.ts0 = 1000000000ull * 1700000000ull;
	eb.ts_step = 1500;
	s = NULL;
}

static void teardown(void)
{
	eb_free(&eb);
}

/*
 * Thread TID with fds 3 (/dev/log, a unix socket), 4 (TCP 10.0.0.1:40000 ->
 * 10.0.0.2:80), 5 (a file), 6 (listening on [::1]:8080).
 */
static void open_inspector(void)
{
	thread.tid = thread.pid = TID;
	thread.vtid = thread.vpid = -1;
	strcpy(thread.comm, "logger");
	fds[0].fd = 3;
	fds[0].type = SCAP_FD_UNIX_SOCK;
	strcpy(fds[0].name, "/dev/log");
	fds[1].fd = 4;
	fds[1].type = SCAP_FD_IPV4_SOCK;
	fds[1].info.ipv4.sip = inet_addr("10.0.0.1");
	fds[1].info.ipv4.dip = inet_addr("10.0.0.2");
	fds[1].info.ipv4.sport = 40000;
	fds[1].info.ipv4.dport = 80;
	fds[1].info.ipv4.l4proto = SCAP_L4_TCP;
	strcpy(fds[1].name, "10.0.0.1:40000->10.0.0.2:80");
	fds[2].fd = 5;
	fds[2].type = SCAP_FD_FILE;
	strcpy(fds[2].name, "/tmp/x");
	fds[3].fd = 6;
	fds[3].type = SCAP_FD_IPV6_SERVSOCK;
	inet_pton(AF_INET6, "::1", fds[3].info.ipv6_server.ip);
	fds[3].info.ipv6_server.port = 8080;
	fds[3].info.ipv6_server.l4proto = SCAP_L4_TCP;
	strcpy(fds[3].name, "::1:8080");
	thread.nfds = 4;
	thread.fds = fds;
	eb.state.threads = &thread;
	eb.state.nthreads = 1;
	s = eb_open(&eb);
}

static struct sinsp_evt *next(void)
{
	struct sinsp_evt *evt = NULL;

	ck_assert_int_eq(sinsp_next(s, &evt), 0);
	return evt;
}

/* Text of format fmt for evt ('*' formats: unresolved fields print <NA>). */
static const char *render(struct sinsp_evt *evt, const char *fmt)
{
	static char line[1024];
	struct sinsp_formatter *f;
	const char *out;

	ck_assert_int_eq(sinsp_formatter_new(s, fmt, SINSP_OUTPUT_TEXT, &f), 0);
	ck_assert_int_eq(sinsp_formatter_render(f, evt, &out, NULL), 1);
	snprintf(line, sizeof(line), "%s", out);
	sinsp_formatter_free(f);
	return line;
}

/* A poll fds parameter: u16 count, then per fd an s64 number and u16 flags. */
static uint16_t fdlist(uint8_t *b, const int64_t *nums, uint16_t n)
{
	uint16_t i, flags = 1;

	memcpy(b, &n, 2);
	for (i = 0; i < n; i++) {
		memcpy(b + 2 + 10 * i, &nums[i], 8);
		memcpy(b + 10 + 10 * i, &flags, 2);
	}
	return (uint16_t)(2 + 10 * n);
}

START_TEST(fdlist_of_poll)
{
	static const int64_t nums[] = { 4, 5, 9, 6 };
	uint8_t b[64];
	uint16_t len = fdlist(b, nums, 4);
	struct sinsp_evt *evt;

	add_evt(SCAP_EVT_SYSCALL_POLL_E, 2, PBUF(b, len), P64(100));
	add_evt(SCAP_EVT_SYSCALL_POLL_X, 2, P64(0), PBUF(b, 2));   /* no fd in the list */
	add_evt(SCAP_EVT_SYSCALL_WRITE_E, 2, P64(5), P32(1));
	open_inspector();
	evt = next();
	/* every number; names of the open fds (9 is not); addresses of the IP sockets */
	ck_assert_str_eq(render(evt, "%fdlist.nums|%fdlist.names"),
			 "4,5,9,6|10.0.0.1:40000->10.0.0.2:80,/tmp/x,::1:8080");
	ck_assert_str_eq(render(evt, "%fdlist.cips|%fdlist.sips|%fdlist.cports|%fdlist.sports"),
			 "10.0.0.1,::1|10.0.0.2,::1|40000,8080|80,8080");
	ck_assert_str_eq(render(next(), "*%fdlist.nums %fdlist.names %fdlist.cips"), "<NA> <NA> <NA>");
	ck_assert_str_eq(render(next(), "*%fdlist.nums %fdlist.sports"), "<NA> <NA>");
}
END_TEST

START_TEST(syslog_of_dev_log_writes)
{
	static const char msg[] = "<38>Dec  7 08:00:00 sshd[12]: Accepted key";
	static const char bad[] = "<192>too big";
	struct sinsp_evt *evt;

	add_evt(SCAP_EVT_SYSCALL_WRITE_E, 2, P64(3), P32(sizeof(msg) - 1));
	add_evt(SCAP_EVT_SYSCALL_WRITE_X, 2, P64(sizeof(msg) - 1), PBUF(msg, sizeof(msg) - 1));
	add_evt(SCAP_EVT_SYSCALL_WRITE_E, 2, P64(3), P32(sizeof(bad) - 1));
	add_evt(SCAP_EVT_SYSCALL_WRITE_X, 2, P64(sizeof(bad) - 1), PBUF(bad, sizeof(bad) - 1));
	add_evt(SCAP_EVT_SYSCALL_WRITE_E, 2, P64(5), P32(sizeof(msg) - 1));
	add_evt(SCAP_EVT_SYSCALL_WRITE_X, 2, P64(sizeof(msg) - 1), PBUF(msg, sizeof(msg) - 1));
	open_inspector();
	next();
	evt = next();
	/* PRI 38 = facility 4 (auth) * 8 + severity 6 (info) */
	ck_assert_str_eq(render(evt, "%syslog.facility %syslog.facility.str %syslog.severity "
				     "%syslog.severity.str|%syslog.message"),
			 "4 auth 6 info|Dec  7 08:00:00 sshd[12]: Accepted key");
	next();
	ck_assert_str_eq(render(next(), "*%syslog.facility %syslog.message"), "<NA> <NA>");
	next();
	/* the same bytes to a file are no syslog message */
	ck_assert_str_eq(render(next(), "*%syslog.severity.str"), "<NA>");
}
END_TEST

START_TEST(buffer_formats)
{
	static const uint8_t data[] = "0\r\n\r\nab\rc\x7f" "0123456789";  /* 20 bytes */
	static const struct {
		enum sinsp_buffer_format f;
		const char *want;
	} cases[] = {
		{ SINSP_BUFFER_DOTS, "0....ab.c.0123456789" },
		{ SINSP_BUFFER_ASCII, "\n0\n\nab\nc0123456789" },
		{ SINSP_BUFFER_HEX, "\n\t0x0000: 300d 0a0d 0a61 620d 637f 3031 3233 3435"
				    "\n\t0x0010: 3637 3839\n" },
		{ SINSP_BUFFER_HEX_ASCII, "\n\t0x0000: 300d 0a0d 0a61 620d 637f 3031 3233 3435"
					  "  0....ab.c.012345"
					  "\n\t0x0010: 3637 3839                                6789\n" },
		{ SINSP_BUFFER_BASE64, "MA0KDQphYg1jfzAxMjM0NTY3ODk=" },
	};
	unsigned i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		setup();
		add_evt(SCAP_EVT_SYSCALL_WRITE_E, 2, P64(5), P32(20));
		add_evt(SCAP_EVT_SYSCALL_WRITE_X, 2, P64(20), PBUF(data, 20));
		eb.buffer_format = cases[i].f;
		open_inspector();
		next();
		ck_assert_str_eq(render(next(), "%evt.arg.data"), cases[i].want);
		teardown();
	}
	setup();
}
END_TEST

START_TEST(time_outputs)
{
	static const struct {
		enum sinsp_time_output t;
		const char *want;   /* of the 2nd (an exit) and the 3rd event (an enter), 1.5 us apart */
	} cases[] = {
		{ SINSP_TIME_ABSOLUTE, "1700000000.3000|1700000000.4500" },
		{ SINSP_TIME_RELATIVE, "0.000001500|0.000003000" },
		{ SINSP_TIME_LATENCY, "0.000001500|0.000000000" },
		{ SINSP_TIME_DELTA, "0.000000000|0.000001500" },
	};
	unsigned i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct sinsp_formatter *f;
		const char *a, *b;
		char first[64];

		setup();
		add_evt(SCAP_EVT_SYSCALL_WRITE_E, 2, P64(5), P32(1));
		add_evt(SCAP_EVT_SYSCALL_WRITE_X, 2, P64(1), PBUF("x", 1));
		add_evt(SCAP_EVT_SYSCALL_WRITE_E, 2, P64(5), P32(1));
		add_evt(SCAP_EVT_SYSCALL_WRITE_X, 2, P64(1), PBUF("x", 1));
		eb.time_output = cases[i].t;
		open_inspector();
		next();
		/* one formatter across events: -tD counts from the event it printed before */
		ck_assert_int_eq(sinsp_formatter_new(s, "%evt.outputtime", SINSP_OUTPUT_TEXT, &f), 0);
		ck_assert_int_eq(sinsp_formatter_render(f, next(), &a, NULL), 1);
		snprintf(first, sizeof(first), "%s", a);
		ck_assert_int_eq(sinsp_formatter_render(f, next(), &b, NULL), 1);
		ck_assert_str_eq(strcat(strcat(first, "|"), b), cases[i].want);
		sinsp_formatter_free(f);
		teardown();
	}
	setup();
}
END_TEST

START_TEST(unknown_formats_refused)
{
	char errbuf[SCAP_ERRBUF_SIZE] = "";
	sinsp_t *h = NULL;

	SCAP_OPTS(scap_open_opts, so, .engine = "noop");
	struct sinsp_open_opts o = { .sz = sizeof(o), .scap = &so,
				     .buffer_format = (enum sinsp_buffer_format)5 };

	ck_assert_int_eq(sinsp_open(&o, &h, errbuf), -EINVAL);
	ck_assert_ptr_null(h);
	ck_assert_str_eq(errbuf, "sinsp_open: unknown buffer or time format");
	o.buffer_format = SINSP_BUFFER_BASE64;
	o.time_output = (enum sinsp_time_output)5;
	ck_assert_int_eq(sinsp_open(&o, &h, errbuf), -EINVAL);
	o.time_output = SINSP_TIME_DELTA;
	ck_assert_int_eq(sinsp_open(&o, &h, errbuf), 0);
	sinsp_close(h);
}
END_TEST

static Suite *lists_suite(void)
{
	Suite *su = suite_create("fields_lists");
	TCase *tc = tcase_create("lists");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, fdlist_of_poll);
	tcase_add_test(tc, syslog_of_dev_log_writes);
	tcase_add_test(tc, buffer_formats);
	tcase_add_test(tc, time_outputs);
	tcase_add_test(tc, unknown_formats_refused);
	suite_add_tcase(su, tc);
	return su;
}

int main(void)
{
	SRunner *sr = srunner_create(lists_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

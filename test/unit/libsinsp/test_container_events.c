/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_container_events.c - how the container events of a capture are shown and
 * counted, as sysdig 0.29.3 shows them: those the capture starts with (its container
 * table) are applied and numbered but neither shown nor counted; a JSON container event
 * later in the capture is shown as an event of the container's own thread,
 * "container:ID"; the older fixed-parameter one is hidden but counted.
 *
 * The expected lines are what `sysdig -r` (0.29.3, TZ=UTC) printed for a capture of
 * the same events (built with scripts/mkcapture.py's blocks: the same threads, times,
 * CPUs and parameters).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <scry/scap.h>
#include <scry/sinsp.h>
#include <scry/sinsp_evt.h>
#include <scry/sinsp_fields.h>
#include <scry/sinsp_filter.h>

#include "evt_builder.h"

#define T0 1704110400000000000ull      /* 2024-01-01T12:00:00Z */
#define NO_TID (-1)
#define CT_A "a1b2c3d4e5f6"
#define CT_B "b1b2c3d4e5f6"
#define ID64_A CT_A "0000000000000000000000000000000000000000000000000000"
#define ID64_B CT_B "1111111111111111111111111111111111111111111111111111"
#define JSON(id, full, name, image)                                                          \
	"{\"container\":{\"id\":\"" id "\",\"type\":0,\"name\":\"" name "\",\"image\":\"" image \
	"\",\"full_id\":\"" full "\",\"privileged\":false,\"Mounts\":[],\"labels\":{\"app\":\"" \
	name "\"}}}"
#define JSON_A JSON(CT_A, ID64_A, "web", "nginx:1.25")
#define JSON_B JSON(CT_B, ID64_B, "db", "postgres:16")

static const char FIELDS[] =
	"*%evt.num %evt.cpu %proc.name %thread.tid %proc.pid %proc.vpid %thread.vtid %proc.ppid "
	"%proc.exe %proc.cmdline %user.name %user.loginuid %proc.fdlimit %container.id "
	"%container.name %container.image %evt.type %evt.dir %evt.latency %fd.num %evt.reltime "
	"%evt.deltatime";

struct fixture {
	struct evt_builder eb;
	struct scap_threadinfo threads[3];
	struct scap_userinfo users[1];
	uint16_t cpus[16];
	uint32_t nthreads;
};

static struct fixture fx;

static void add_thread(int64_t tid, const char *comm, const char *cgroup)
{
	struct scap_threadinfo *t = &fx.threads[fx.nthreads++];
	int n = snprintf(t->cgroups, sizeof(t->cgroups), "cpu=%s", cgroup);

	t->tid = t->pid = t->vtid = t->vpid = (uint64_t)tid;
	t->ptid = 1;
	t->sid = -1;
	t->fdlimit = 1024;
	t->loginuid = UINT32_MAX;
	strcpy(t->comm, comm);
	strcpy(t->exe, comm);
	strcpy(t->cwd, "/");
	t->cgroups_len = (uint16_t)(n + 1);
}

/* A read exit of tid at T0 + dt. */
static void add_read(uint64_t dt, int64_t tid)
{
	eb_add_at(&fx.eb, T0 + dt, tid, SCAP_EVT_SYSCALL_READ_X, 2, P64(5), PBUF("hello", 5));
}

/* A JSON container event of tid at ts on cpu. */
static void add_container(uint64_t ts, int64_t tid, uint16_t cpu, const char *json)
{
	fx.cpus[fx.eb.n] = cpu;
	eb_add_at(&fx.eb, ts, tid, SCAP_EVT_CONTAINER_JSON_E, 1, PSTR(json));
}

/*
 * The capture: web's event opens it (its container table, ts 0); then bash reads, db's
 * event (cpu 3), psql in db reads, db's event again as thread 2001 (nginx, in web)
 * would carry it, nginx reads, the older event for db, a JSON event without a
 * container, bash reads.
 */
static sinsp_t *open_capture(void)
{
	/* a fresh capture each time: a test may open it more than once */
	eb_free(&fx.eb);
	memset(&fx, 0, sizeof(fx));
	add_thread(1000, "bash", "/user.slice");
	add_thread(2001, "nginx", "/docker/" ID64_A);
	add_thread(3001, "psql", "/docker/" ID64_B);
	fx.users[0] = (struct scap_userinfo){ .uid = 0, .gid = 0, .name = "root" };
	add_container(0, NO_TID, 0, JSON_A);
	add_read(0, 1000);
	add_container(T0 + 10, NO_TID, 3, JSON_B);
	add_read(20, 3001);
	add_container(T0 + 30, 2001, 0, JSON_B);
	add_read(40, 2001);
	eb_add_at(&fx.eb, T0 + 50, NO_TID, SCAP_EVT_CONTAINER_E, 4, PSTR(CT_B), P32(0), PSTR("db"),
		  PSTR("postgres:16"));
	add_container(T0 + 60, NO_TID, 0, "{\"foo\":1}");
	add_read(70, 1000);
	fx.eb.state.threads = fx.threads;
	fx.eb.state.nthreads = fx.nthreads;
	fx.eb.state.users = fx.users;
	fx.eb.state.nusers = 1;
	fx.eb.in.cpus = fx.cpus;
	return eb_open(&fx.eb);
}

/*
 * The events of the capture, each shown one rendered with fmt (text or JSON) into
 * lines[] ("(hidden)" for the others: formats that keep state, evt.deltatime, see only
 * the events shown, as in sysdig).
 */
static uint32_t render_all(const char *fmt, enum sinsp_output kind, char lines[][512],
			   bool hidden[], bool counted[])
{
	struct sinsp_formatter *f = NULL;
	sinsp_t *s = open_capture();
	struct sinsp_evt *evt;
	uint32_t n = 0;

	ck_assert_int_eq(sinsp_formatter_new(s, fmt, kind, &f), 0);
	while (sinsp_next(s, &evt) == 0) {
		const char *line = "(hidden)";

		ck_assert_uint_lt(n, 16);
		ck_assert_uint_eq(sinsp_evt_num(evt), n + 1);
		if (!sinsp_evt_is_hidden(evt) && !sinsp_formatter_render(f, evt, &line, NULL))
			line = "(not rendered)";
		snprintf(lines[n], 512, "%s", line);
		hidden[n] = sinsp_evt_is_hidden(evt);
		counted[n] = sinsp_evt_is_counted(evt);
		n++;
	}
	sinsp_formatter_free(f);
	return n;
}

static void setup(void)
{
	memset(&fx, 0, sizeof(fx));
	setenv("TZ", "UTC", 1);
	tzset();
}

static void teardown(void)
{
	eb_free(&fx.eb);
}

START_TEST(shown_counted_and_numbered_as_sysdig)
{
	/* sysdig shows 2..6, 8, 9; -n and -S count all but the table (1) */
	static const bool want_hidden[] = { true, false, false, false, false, false, true, false, false };
	static const bool want_counted[] = { false, true, true, true, true, true, true, true, true };
	char lines[16][512];
	bool hidden[16], counted[16];
	uint32_t i, n = render_all(SINSP_DEFAULT_FORMAT, SINSP_OUTPUT_TEXT, lines, hidden, counted);

	ck_assert_uint_eq(n, 9);
	for (i = 0; i < n; i++) {
		ck_assert_msg(hidden[i] == want_hidden[i], "event %u: hidden %d", i + 1, hidden[i]);
		ck_assert_msg(counted[i] == want_counted[i], "event %u: counted %d", i + 1, counted[i]);
	}
	ck_assert_str_eq(lines[2], "3 12:00:00.000000010 3 container:" CT_B " (-1) > container json="
		JSON_B " ");
	/* the tid is the event's; the thread is the container's, not thread 2001 */
	ck_assert_str_eq(lines[4], "5 12:00:00.000000030 0 container:" CT_B " (2001) > container json="
		JSON_B " ");
	/* no container in it: "container:", of the host */
	ck_assert_str_eq(lines[7], "8 12:00:00.000000060 0 container: (-1) > container json={\"foo\":1} ");
	ck_assert_str_eq(lines[1], "2 12:00:00.000000000 0 bash (1000) < read res=5 data=hello ");
}
END_TEST

START_TEST(fields_of_the_container_thread)
{
	char lines[16][512];
	bool hidden[16], counted[16];

	ck_assert_uint_eq(render_all(FIELDS, SINSP_OUTPUT_TEXT, lines, hidden, counted), 9);
	/* sysdig's thread of a container event: pid -1, vpid and vtid -2, ppid 0, no exe,
	 * root, loginuid 0, fdlimit -1, no fd; the reltime clock starts after the table */
	ck_assert_str_eq(lines[2], "3 3 container:" CT_B " -1 -1 -2 -2 0  container:" CT_B
		" root 0 -1 " CT_B " db postgres:16 container > 0 <NA> 000000010 10");
	ck_assert_str_eq(lines[4], "5 0 container:" CT_B " 2001 -1 -2 -2 0  container:" CT_B
		" root 0 -1 " CT_B " db postgres:16 container > 0 <NA> 000000030 10");
	ck_assert_str_eq(lines[7], "8 0 container: -1 -1 -2 -2 0  container: root 0 -1 host host <NA>"
		" container > 0 <NA> 000000060 20");
	ck_assert_str_eq(lines[3], "4 0 psql 3001 3001 3001 3001 1 psql psql root -1 1024 " CT_B
		" db postgres:16 read < 0 0 000000020 10");
	/* the container event of tid 2001 left nginx's pairing alone: no latency from it */
	ck_assert_str_eq(lines[5], "6 0 nginx 2001 2001 2001 2001 1 nginx nginx root -1 1024 " CT_A
		" web nginx:1.25 read < 0 0 000000040 10");
}
END_TEST

START_TEST(json_output)
{
	char lines[16][512];
	bool hidden[16], counted[16];

	ck_assert_uint_eq(render_all(SINSP_DEFAULT_FORMAT, SINSP_OUTPUT_JSON, lines, hidden, counted), 9);
	ck_assert_str_eq(lines[4],
		"{\"evt.cpu\":0,\"evt.dir\":\">\",\"evt.info\":\"json={\\\"container\\\":{\\\"id\\\":"
		"\\\"" CT_B "\\\",\\\"type\\\":0,\\\"name\\\":\\\"db\\\",\\\"image\\\":\\\"postgres:16\\\","
		"\\\"full_id\\\":\\\"" ID64_B "\\\",\\\"privileged\\\":false,\\\"Mounts\\\":[],"
		"\\\"labels\\\":{\\\"app\\\":\\\"db\\\"}}} \",\"evt.num\":5,\"evt.outputtime\":"
		"1704110400000000030,\"evt.type\":\"container\",\"proc.name\":\"container:" CT_B "\","
		"\"thread.tid\":2001}");
}
END_TEST

/* The events a filter accepts (sinsp_set_filter()), as evt.num values. */
static uint32_t matched(const char *expr, uint64_t nums[], uint32_t max)
{
	struct sinsp_filter *f = NULL;
	sinsp_t *s = open_capture();
	struct sinsp_evt *evt;
	uint32_t n = 0;

	ck_assert_msg(sinsp_filter_compile(s, expr, &f) == 0, "%s: %s", expr, sinsp_last_error(s));
	ck_assert_int_eq(sinsp_set_filter(s, f), 0);
	while (sinsp_next(s, &evt) == 0) {
		if (sinsp_evt_is_hidden(evt))
			continue;
		ck_assert_uint_lt(n, max);
		nums[n++] = sinsp_evt_num(evt);
	}
	sinsp_set_filter(s, NULL);
	sinsp_filter_free(f);
	return n;
}

START_TEST(filters_see_the_container_thread)
{
	uint64_t nums[16];

	/* the metadata is applied before the filter: db's own events match container.name */
	ck_assert_uint_eq(matched("container.name=db", nums, 16), 3);
	ck_assert_uint_eq(nums[0], 3);
	ck_assert_uint_eq(nums[1], 4);
	ck_assert_uint_eq(nums[2], 5);
	ck_assert_uint_eq(matched("proc.name=container:" CT_B " and thread.tid=2001", nums, 16), 1);
	ck_assert_uint_eq(nums[0], 5);
	/* web's event is the table: never shown, whatever the filter */
	ck_assert_uint_eq(matched("evt.type=container", nums, 16), 3);
	ck_assert_uint_eq(nums[0], 3);
	ck_assert_uint_eq(nums[2], 8);
}
END_TEST

START_TEST(table_is_the_run_of_container_events_at_the_start)
{
	struct sinsp_evt *evt;
	sinsp_t *s;
	bool hidden[4];
	uint32_t n = 0;

	/* container events with times, before the first other event: the table */
	eb_add_at(&fx.eb, T0, NO_TID, SCAP_EVT_CONTAINER_JSON_E, 1, PSTR(JSON_A));
	eb_add_at(&fx.eb, T0 + 5, NO_TID, SCAP_EVT_CONTAINER_E, 4, PSTR(CT_B), P32(0), PSTR("db"),
		  PSTR("postgres:16"));
	eb_add_at(&fx.eb, T0 + 10, 1000, SCAP_EVT_SYSCALL_READ_X, 2, P64(5), PBUF("hello", 5));
	eb_add_at(&fx.eb, T0 + 20, NO_TID, SCAP_EVT_CONTAINER_JSON_E, 1, PSTR(JSON_A));
	s = eb_open(&fx.eb);
	while (sinsp_next(s, &evt) == 0) {
		ck_assert_uint_lt(n, 4);
		hidden[n++] = sinsp_evt_is_hidden(evt);
	}
	ck_assert_uint_eq(n, 4);
	ck_assert(hidden[0] && hidden[1] && !hidden[2] && !hidden[3]);
}
END_TEST

/*
 * A malformed container event (departure D9): sysdig 0.29.3 stops the replay there
 * ("Invalid JSON encountered while parsing container info", status 1); scry shows it
 * as a container event without a container and goes on.
 */
START_TEST(malformed_event_shown_and_replay_goes_on)
{
	static const char cut[] = "{\"container\":{\"id\":\"" CT_B "\",\"name\":";
	struct sinsp_formatter *f = NULL;
	struct sinsp_evt *evt;
	const char *line;
	char lines[3][256];
	uint32_t n = 0;
	sinsp_t *s;

	add_thread(1000, "bash", "/user.slice");
	add_thread(3001, "psql", "/docker/" ID64_B);
	add_read(0, 1000);
	add_container(T0 + 10, NO_TID, 0, cut);
	add_read(20, 3001);
	fx.eb.state.threads = fx.threads;
	fx.eb.state.nthreads = fx.nthreads;
	s = eb_open(&fx.eb);
	ck_assert_int_eq(sinsp_formatter_new(s, "*%evt.num %proc.name %thread.tid %container.id "
					     "%container.name %evt.type %evt.info", SINSP_OUTPUT_TEXT, &f), 0);
	while (sinsp_next(s, &evt) == 0) {
		ck_assert_uint_lt(n, 3);
		ck_assert(!sinsp_evt_is_hidden(evt));
		ck_assert_int_eq(sinsp_formatter_render(f, evt, &line, NULL), 1);
		snprintf(lines[n++], sizeof(lines[0]), "%s", line);
	}
	sinsp_formatter_free(f);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(lines[1], "2 container: -1 host host container json="
		"{\"container\":{\"id\":\"" CT_B "\",\"name\": ");
	/* the container was not described: its id only */
	ck_assert_str_eq(lines[2], "3 psql 3001 " CT_B " <NA> read res=5 data=hello ");
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("container_events");
	TCase *tc = tcase_create("shown");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, shown_counted_and_numbered_as_sysdig);
	tcase_add_test(tc, fields_of_the_container_thread);
	tcase_add_test(tc, json_output);
	tcase_add_test(tc, filters_see_the_container_thread);
	tcase_add_test(tc, table_is_the_run_of_container_events_at_the_start);
	tcase_add_test(tc, malformed_event_shown_and_replay_goes_on);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

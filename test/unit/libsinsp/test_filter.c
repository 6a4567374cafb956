/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_filter.c - the filter language (filter_parse.c, filter_eval.c) on synthetic
 * events run through the test_input engine: precedence, keywords, every operator on
 * a true and a false case, typed numbers, lists, quoting, error positions, the
 * event-type bitmap and the enter/exit pairing left by rejected events, a filter set
 * on the handle (events rejected before their parser runs).
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include <scry/scap.h>
#include <scry/sinsp.h>
#include <scry/sinsp_filter.h>

#include "sinsp_int.h"
#include "filter/filter.h"
#include "evt_builder.h"

#define TID 100

static struct {
	struct evt_builder eb;  /* thread TID, timestamps 1000, 1001... */
	struct scap_threadinfo thread;
	struct scap_fdinfo fd;
	sinsp_t *s;
	struct sinsp_evt *evt;  /* current event */
} fx;

#define add_evt(...) eb_add(&fx.eb, __VA_ARGS__)

/* Forget everything (the handle and records must be freed first). */
static void reset(void)
{
	memset(&fx, 0, sizeof(fx));
	fx.eb.tid = TID;
	fx.eb.ts0 = 999;
}

/*
 * Open fx.s on the events added so far and on thread TID "my app", uid 1000, loginuid
 * unset (-1), vm size 1000 kB, fd 5 the directory /etc.
 */
static void open_with_thread(void)
{
	fx.thread.tid = fx.thread.pid = TID;
	fx.thread.ptid = 1;
	strcpy(fx.thread.comm, "my app");
	strcpy(fx.thread.exe, "app");
	strcpy(fx.thread.cwd, "/root/");
	fx.thread.uid = 1000;
	fx.thread.loginuid = UINT32_MAX;
	fx.thread.vmsize_kb = 1000;
	fx.fd.fd = 5;
	fx.fd.type = SCAP_FD_DIRECTORY;
	strcpy(fx.fd.name, "/etc");
	fx.thread.nfds = 1;
	fx.thread.fds = &fx.fd;
	fx.eb.state.threads = &fx.thread;
	fx.eb.state.nthreads = 1;
	fx.s = eb_open(&fx.eb);
}

/*
 * The thread of open_with_thread(); events: 1 read enter on fd 5, 2 read exit returning
 * 10, 3 read enter, 4 read exit failing -2.
 */
static void setup(void)
{
	reset();
	add_evt(SCAP_EVT_SYSCALL_READ_E, 2, P64(5), P32(100));
	add_evt(SCAP_EVT_SYSCALL_READ_X, 2, P64(10), PBUF("0123456789", 10));
	add_evt(SCAP_EVT_SYSCALL_READ_E, 2, P64(5), P32(100));
	add_evt(SCAP_EVT_SYSCALL_READ_X, 2, P64(-2), PBUF("", 0));
	open_with_thread();
	ck_assert_int_eq(sinsp_next(fx.s, &fx.evt), 0);  /* event 1: read enter */
}

static void teardown(void)
{
	eb_free(&fx.eb);
}

/* Compile expr (it must compile) and match it on the current event. */
static bool m(const char *expr)
{
	struct sinsp_filter *f = NULL;
	bool r;

	ck_assert_msg(sinsp_filter_compile(fx.s, expr, &f) == 0, "%s: %s", expr, sinsp_last_error(fx.s));
	r = sinsp_filter_match(f, fx.evt);
	sinsp_filter_free(f);
	return r;
}

/* expr must fail to compile with exactly msg. */
static void err(const char *expr, const char *msg)
{
	struct sinsp_filter *f = NULL;

	ck_assert_int_eq(sinsp_filter_compile(fx.s, expr, &f), -EINVAL);
	ck_assert_ptr_null(f);
	ck_assert_str_eq(sinsp_last_error(fx.s), msg);
}

/* ---- grammar ------------------------------------------------------------------------ */

START_TEST(precedence)
{
	/* or < and: A or (B and C), not sysdig-0.29.3-left-to-right (A or B) and C */
	ck_assert(m("evt.num=1 or evt.num=2 and evt.num=3"));
	ck_assert(m("evt.num=3 and evt.num=2 or evt.num=1"));
	/* not binds tightest: (not A) and B */
	ck_assert(!m("not evt.num=1 and evt.num=2"));
	ck_assert(m("not (evt.num=1 and evt.num=2)"));
	ck_assert(m("not not evt.num=1"));
	ck_assert(m("(evt.num=2 or evt.num=1) and (proc.name='my app')"));
	ck_assert(m("evt.num=2 or(evt.num=1)"));
	ck_assert(m("not(evt.num=2)"));
}
END_TEST

START_TEST(keywords_are_whole_words)
{
	err("not_x = 1", "filter error at byte 0: unknown field 'not_x'");
	err("order = 1", "filter error at byte 0: unknown field 'order'");
	err("evt.num=1 and andy=2", "filter error at byte 14: unknown field 'andy'");
	ck_assert(m("evt.num=1 and proc.name in (and, or, not, 'my app')"));
}
END_TEST

/* ---- operators ---------------------------------------------------------------------- */

START_TEST(string_operators)
{
	ck_assert(m("proc.name='my app'"));
	ck_assert(!m("proc.name='my ap'"));
	ck_assert(m("proc.name=='my app'"));
	ck_assert(m("fd.name!=/etcx"));
	ck_assert(!m("fd.name!=/etc"));
	ck_assert(m("fd.name < /f"));
	ck_assert(!m("fd.name < /etc"));
	ck_assert(m("fd.name <= /etc"));
	ck_assert(m("fd.name > /eta"));
	ck_assert(!m("fd.name > /etc"));
	ck_assert(m("fd.name >= /etc"));
	ck_assert(!m("fd.name >= /f"));
	ck_assert(m("fd.name contains tc"));
	ck_assert(!m("fd.name contains TC"));
	ck_assert(m("fd.name icontains ETC"));
	ck_assert(!m("fd.name icontains ETX"));
	ck_assert(m("fd.name bcontains 6574"));     /* "et" */
	ck_assert(!m("fd.name bcontains 7465"));    /* "te" */
	ck_assert(m("fd.name startswith /e"));
	ck_assert(!m("fd.name startswith e"));
	ck_assert(m("fd.name bstartswith 2f65"));
	ck_assert(!m("fd.name bstartswith 65"));
	ck_assert(m("fd.name endswith tc"));
	ck_assert(!m("fd.name endswith /e"));
	ck_assert(m("fd.name glob '/e*'"));
	ck_assert(m("fd.name glob /?tc"));
	ck_assert(!m("fd.name glob '/E*'"));        /* case-sensitive */
	ck_assert(m("fd.name pmatch (/usr, /etc)"));
	ck_assert(!m("fd.name pmatch (/et)"));      /* a path prefix, not a string prefix */
	ck_assert(m("fd.name pmatch (/x, /)"));
	ck_assert(m("fd.name pmatch (/x, '')"));     /* "" then '/' */
	ck_assert(!m("fd.name pmatch (/etc/, /etc/x, /etcx, et)"));
	ck_assert(m("proc.name in (a, 'my app', b)"));
	ck_assert(!m("proc.name in (a, my, app)"));
	ck_assert(m("proc.name intersects ('my app')"));
	ck_assert(!m("proc.name in ()"));
	/* runs of checks on one field in an 'or' (extracted once, skipped as a block) */
	ck_assert(m("fd.name startswith /usr or fd.name startswith /x or fd.name startswith /etc"));
	ck_assert(!m("fd.name startswith /usr or fd.name startswith a or fd.name startswith /etcx"));
	ck_assert(m("fd.name startswith a or fd.name startswith b or fd.name endswith tc"));
	ck_assert(m("user.name startswith a or user.name = b or fd.num = 5"));
	ck_assert(m("fd.name startswith a or fd.name startswith b or proc.name contains app"));
}
END_TEST

START_TEST(numbers_and_booleans)
{
	ck_assert(m("fd.num = 5"));
	ck_assert(!m("fd.num = 6"));
	ck_assert(m("fd.num < 6"));
	ck_assert(!m("fd.num < 5"));
	ck_assert(m("fd.num <= 5"));
	ck_assert(m("fd.num > 4"));
	ck_assert(!m("fd.num > 5"));
	ck_assert(m("fd.num >= 5"));
	ck_assert(!m("fd.num >= 6"));
	ck_assert(m("fd.num != 4"));
	ck_assert(m("fd.num in (9, 1, 5)"));
	ck_assert(!m("fd.num in (9, 1, 2)"));
	ck_assert(m("fd.num > -1"));
	/* user.loginuid is INT32 in sysdig: -1 when unset, and 4294967295 is read as -1 */
	ck_assert(!m("user.loginuid >= 1000"));
	ck_assert(m("user.loginuid < 0"));
	ck_assert(m("user.loginuid = -1"));
	ck_assert(m("user.loginuid = 4294967295"));
	/* user.uid is UINT32: -1 is 4294967295 */
	ck_assert(m("user.uid > 999"));
	ck_assert(!m("user.uid = -1"));
	ck_assert(m("thread.ismain = true"));
	ck_assert(!m("thread.ismain = false"));
	ck_assert(m("evt.failed = false"));
}
END_TEST

START_TEST(unresolved_fields)
{
	/* no user table: user.name does not resolve, every comparison on it is false */
	ck_assert(!m("user.name = x"));
	ck_assert(!m("user.name != x"));
	ck_assert(!m("user.name exists"));
	ck_assert(m("not user.name exists"));
	ck_assert(m("fd.name exists"));
	ck_assert(!m("evt.res exists"));      /* an enter event has no result */
}
END_TEST

START_TEST(quoting_and_escapes)
{
	ck_assert(m("proc.name = \"my app\""));
	ck_assert(m("proc.name = 'my\\x20app'"));
	ck_assert(m("fd.name = \\x2fetc"));
	ck_assert(m("proc.name in ('my app',\"x y\")"));
	ck_assert(!m("proc.name = 'my \\'app'"));
	ck_assert(m("proc.name contains 'y a'"));
	err("proc.name = my app", "filter error at byte 15: expected 'and', 'or' or the end of the filter, found 'app'");
	err("proc.name = 'my app", "filter error at byte 19: unclosed quote: the string that starts at byte 12 has no closing '");
	err("proc.name = a\\x4", "filter error at byte 13: invalid escape: \\x needs two hex digits");
}
END_TEST

START_TEST(error_positions)
{
	err("", "filter error at byte 0: the filter is empty");
	err("proc.name contains", "filter error at byte 18: expected a value after 'contains', found the end of the filter");
	err("evt.type=open and", "filter error at byte 17: expected a field name, 'not' or '(', found the end of the filter");
	err("(evt.num=1", "filter error at byte 10: expected 'and', 'or' or ')' to close the '(' at byte 0, found the end of the filter");
	err("evt.num=1)", "filter error at byte 9: unexpected ')': no '(' is open here");
	err("foo.bar=1", "filter error at byte 0: unknown field 'foo.bar'");
	err("evt.num >= abc", "filter error at byte 11: 'abc' is not a valid number for evt.num");
	err("evt.num = 0x10", "filter error at byte 10: '0x10' is not a valid number for evt.num");
	/* an empty quoted value is a text of its own (found by fuzz_filter: it was read
	 * unterminated) */
	err("proc.ppid=\"\"", "filter error at byte 10: '' is not a valid number for proc.ppid");
	err("evt.type=foo", "filter error at byte 9: unknown event type 'foo'");
	err("proc.name in (a, b", "filter error at byte 18: expected ',' or ')' in the list of 'in', found the end of the filter");
	err("proc.name in a", "filter error at byte 13: expected '(' and a list of values after 'in' (at byte 10)");
	err("fd.num contains 1", "filter error at byte 7: 'contains' does not apply to fd.num, a numeric field");
	err("proc.name", "filter error at byte 9: expected an operator after 'proc.name', found the end of the filter");
	err("proc.name ~ x", "filter error at byte 10: expected an operator after 'proc.name', found '~'");
	err("evt.failed=yes", "filter error at byte 11: 'yes' is not a boolean value for evt.failed: use true or false");
	err("fd.name bcontains 6g", "filter error at byte 18: '6g' is not a hex string: bcontains takes bytes as pairs of hex digits");
	err("evt.num=1 and or evt.num=2", "filter error at byte 14: expected a field name, 'not' or '(', found 'or'");
}
END_TEST

/* ---- type bitmap -------------------------------------------------------------------- */

static struct sinsp_filter *compile(const char *expr)
{
	struct sinsp_filter *f = NULL;

	ck_assert_msg(sinsp_filter_compile(fx.s, expr, &f) == 0, "%s: %s", expr, sinsp_last_error(fx.s));
	return f;
}

START_TEST(type_bitmap)
{
	struct sinsp_filter *f = compile("evt.type=read and fd.num>2");

	ck_assert(sinsp_filter_type_may_match(f, SCAP_EVT_SYSCALL_READ_E));
	ck_assert(sinsp_filter_type_may_match(f, SCAP_EVT_SYSCALL_READ_X));
	ck_assert(!sinsp_filter_type_may_match(f, SCAP_EVT_SYSCALL_OPEN_X));
	ck_assert(sinsp_filter_type_may_match(f, SCAP_EVT_GENERIC_E)); /* could be any syscall */
	ck_assert(sinsp_filter_type_may_match(f, SCAP_EVT_MAX));      /* beyond the schema */
	sinsp_filter_free(f);

	f = compile("evt.type in (open, read) and evt.dir=<");
	ck_assert(!sinsp_filter_type_may_match(f, SCAP_EVT_SYSCALL_READ_E));
	ck_assert(sinsp_filter_type_may_match(f, SCAP_EVT_SYSCALL_READ_X));
	ck_assert(sinsp_filter_type_may_match(f, SCAP_EVT_SYSCALL_OPEN_X));
	ck_assert(!sinsp_filter_type_may_match(f, SCAP_EVT_SYSCALL_CLOSE_X));
	sinsp_filter_free(f);

	f = compile("not evt.type=read");
	ck_assert(!sinsp_filter_type_may_match(f, SCAP_EVT_SYSCALL_READ_E));
	ck_assert(sinsp_filter_type_may_match(f, SCAP_EVT_SYSCALL_CLOSE_E));
	ck_assert(sinsp_filter_type_may_match(f, SCAP_EVT_GENERIC_X));
	sinsp_filter_free(f);

	f = compile("evt.type=read or proc.name=x");
	ck_assert(sinsp_filter_type_may_match(f, SCAP_EVT_SYSCALL_CLOSE_E));
	sinsp_filter_free(f);
}
END_TEST

/*
 * On an event type without an fd (brk), every check on an fd.* field is false, so the
 * filter skips that type without running (run_types); under 'not' it is true; the
 * evt.type restriction (sinsp_filter_type_may_match(), Falco's) is not narrowed.
 */
START_TEST(fd_checks_skip_fdless_types)
{
	struct sinsp_filter *fn, *fnot, *fexists, *fany;

	teardown();
	reset();
	add_evt(SCAP_EVT_SYSCALL_READ_E, 2, P64(5), P32(100));
	add_evt(SCAP_EVT_SYSCALL_BRK_4_E, 1, P64(0));
	open_with_thread();
	fn = compile("proc.name = \"my app\" and fd.name contains etc");
	fnot = compile("proc.name = \"my app\" and not fd.name contains etc");
	fexists = compile("fd.name exists or evt.type = brk");
	fany = compile("not fd.num exists");
	ck_assert(sinsp_filter_type_may_match(fn, SCAP_EVT_SYSCALL_BRK_4_E));
	ck_assert(fn->run_types[SCAP_EVT_SYSCALL_READ_E / 8] & (1u << (SCAP_EVT_SYSCALL_READ_E % 8)));
	ck_assert(!(fn->run_types[SCAP_EVT_SYSCALL_BRK_4_E / 8] & (1u << (SCAP_EVT_SYSCALL_BRK_4_E % 8))));
	ck_assert_int_eq(sinsp_next(fx.s, &fx.evt), 0);  /* read enter on fd 5, /etc */
	ck_assert(sinsp_filter_match(fn, fx.evt));
	ck_assert(!sinsp_filter_match(fnot, fx.evt));
	ck_assert(sinsp_filter_match(fexists, fx.evt));
	ck_assert(!sinsp_filter_match(fany, fx.evt));
	ck_assert_int_eq(sinsp_next(fx.s, &fx.evt), 0);  /* brk: no fd */
	ck_assert(!sinsp_filter_match(fn, fx.evt));
	ck_assert(sinsp_filter_match(fnot, fx.evt));
	ck_assert(sinsp_filter_match(fexists, fx.evt));
	ck_assert(sinsp_filter_match(fany, fx.evt));
	sinsp_filter_free(fn);
	sinsp_filter_free(fnot);
	sinsp_filter_free(fexists);
	sinsp_filter_free(fany);
}
END_TEST

/*
 * An fd.name check remembers its answer per name (struct sinsp_fd.name_id): a file
 * closed and another opened on the same number, in the same memory (the entry the close
 * freed is reused, name buffer included), gets the new name's answer.
 */
START_TEST(fd_name_answer_follows_the_name)
{
	struct sinsp_filter *f, *g;
	const struct sinsp_fd *first;
	const char *first_name;

	teardown();
	reset();
	add_evt(SCAP_EVT_SYSCALL_OPENAT_2_E, 4, P64(-100), PSTR("/etc/resolv.conf"), P32(0), P32(0));
	add_evt(SCAP_EVT_SYSCALL_OPENAT_2_X, 6, P64(7), P64(-100), PSTR("/etc/resolv.conf"), P32(0),
		P32(0), P32(0));
	add_evt(SCAP_EVT_SYSCALL_READ_E, 2, P64(7), P32(100));
	add_evt(SCAP_EVT_SYSCALL_CLOSE_E, 1, P64(7));
	add_evt(SCAP_EVT_SYSCALL_CLOSE_X, 1, P64(0));
	add_evt(SCAP_EVT_SYSCALL_OPENAT_2_E, 4, P64(-100), PSTR("/etc/hosts.conf"), P32(0), P32(0));
	add_evt(SCAP_EVT_SYSCALL_OPENAT_2_X, 6, P64(7), P64(-100), PSTR("/etc/hosts.conf"), P32(0),
		P32(0), P32(0));
	add_evt(SCAP_EVT_SYSCALL_READ_E, 2, P64(7), P32(100));
	add_evt(SCAP_EVT_SYSCALL_READ_E, 2, P64(5), P32(100));
	open_with_thread();
	f = compile("fd.name contains resolv");
	g = compile("fd.name startswith /etc/h");
	ck_assert(f->prog[0].memo);
	ck_assert_int_eq(sinsp_next(fx.s, &fx.evt), 0);  /* openat enter */
	ck_assert_int_eq(sinsp_next(fx.s, &fx.evt), 0);  /* openat exit: fd 7 /etc/resolv.conf */
	ck_assert(sinsp_filter_match(f, fx.evt));
	ck_assert(!sinsp_filter_match(g, fx.evt));
	ck_assert_int_eq(sinsp_next(fx.s, &fx.evt), 0);  /* read enter on fd 7: the answer kept */
	ck_assert_ptr_nonnull(fx.evt->fd);
	first = fx.evt->fd;
	first_name = fx.evt->fd->name;
	ck_assert(sinsp_filter_match(f, fx.evt));
	ck_assert(!sinsp_filter_match(g, fx.evt));
	ck_assert_int_eq(sinsp_next(fx.s, &fx.evt), 0);  /* close enter */
	ck_assert_int_eq(sinsp_next(fx.s, &fx.evt), 0);  /* close exit */
	ck_assert_int_eq(sinsp_next(fx.s, &fx.evt), 0);  /* openat enter */
	ck_assert_int_eq(sinsp_next(fx.s, &fx.evt), 0);  /* openat exit: fd 7 /etc/hosts.conf */
	/* the same memory, name buffer too (a shorter name fits whatever the allocator) */
	ck_assert_ptr_eq(fx.evt->fd, first);
	ck_assert_ptr_eq(fx.evt->fd->name, first_name);
	ck_assert_str_eq(fx.evt->fd->name, "/etc/hosts.conf");
	ck_assert(!sinsp_filter_match(f, fx.evt));
	ck_assert(sinsp_filter_match(g, fx.evt));
	ck_assert_int_eq(sinsp_next(fx.s, &fx.evt), 0);  /* read enter on fd 7 */
	ck_assert(!sinsp_filter_match(f, fx.evt));
	ck_assert(sinsp_filter_match(g, fx.evt));
	ck_assert_int_eq(sinsp_next(fx.s, &fx.evt), 0);  /* read enter on fd 5, /etc */
	ck_assert(!sinsp_filter_match(f, fx.evt));
	ck_assert(!sinsp_filter_match(g, fx.evt));
	sinsp_filter_free(f);
	sinsp_filter_free(g);
}
END_TEST

/* A rejected read enter leaves its exit without an fd of its own, as in sysdig. */
START_TEST(rejected_enter_unpairs_exit)
{
	struct sinsp_filter *f = compile("evt.dir=<");
	struct sinsp_formatter *fmt = NULL;
	const char *line;

	ck_assert_int_eq(sinsp_formatter_new(fx.s, "*%evt.buflen %fd.name %evt.category", SINSP_OUTPUT_TEXT, &fmt), 0);
	ck_assert(!sinsp_filter_match(f, fx.evt));          /* 1: read enter rejected */
	ck_assert_int_eq(sinsp_next(fx.s, &fx.evt), 0);
	ck_assert(sinsp_filter_match(f, fx.evt));           /* 2: read exit */
	ck_assert_int_eq(sinsp_formatter_render(fmt, fx.evt, &line, NULL), 1);
	ck_assert_str_eq(line, "<NA> /etc unknown");
	sinsp_filter_free(f);

	f = compile("fd.num=5");                             /* accepts the enter */
	ck_assert_int_eq(sinsp_next(fx.s, &fx.evt), 0);
	ck_assert(sinsp_filter_match(f, fx.evt));
	ck_assert_int_eq(sinsp_next(fx.s, &fx.evt), 0);
	ck_assert(sinsp_filter_match(f, fx.evt));
	ck_assert(m("evt.failed=true and evt.rawres=-2"));
	ck_assert_int_eq(sinsp_formatter_render(fmt, fx.evt, &line, NULL), 1);
	ck_assert_str_eq(line, "<NA> /etc file");         /* failed read: no buflen */
	sinsp_filter_free(f);
	sinsp_formatter_free(fmt);
}
END_TEST

/*
 * What sinsp_filter_match() changes (sinsp_filter.h): on a rejection, the thread's last
 * event type and nothing else; on a match, nothing; an event accepted by sinsp_next()'s
 * filter is answered without any change.
 */
START_TEST(match_changes_only_what_it_says)
{
	struct sinsp_filter *no = compile("evt.dir=<"), *yes = compile("fd.num=5");
	struct sinsp_thread *t = fx.evt->thread;
	struct sinsp_fd *fd = fx.evt->fd;
	size_t nthreads = fx.s->threads.count;
	uint16_t last_type = t->last_type;

	ck_assert_int_eq(last_type, SCAP_EVT_SYSCALL_READ_E);
	ck_assert_ptr_nonnull(fd);
	ck_assert(sinsp_filter_match(yes, fx.evt));          /* a match changes nothing */
	ck_assert_int_eq(t->last_type, last_type);
	ck_assert_ptr_eq(fx.evt->fd, fd);
	ck_assert(!sinsp_filter_match(no, fx.evt));          /* a rejection: last type only */
	ck_assert_int_eq(t->last_type, SCAP_EVT_MAX);
	ck_assert_ptr_eq(fx.evt->fd, fd);                    /* an enter event keeps its fd */
	ck_assert_ptr_eq(sinsp_fd_find(t, 5), fd);
	ck_assert_uint_eq(fx.s->threads.count, nthreads);
	ck_assert(sinsp_filter_match(yes, fx.evt));          /* the answers do not move */
	ck_assert(!sinsp_filter_match(no, fx.evt));
	sinsp_filter_free(no);

	/* accepted inside sinsp_next(): answered from the event, the thread untouched */
	ck_assert_int_eq(sinsp_set_filter(fx.s, yes), 0);
	ck_assert_int_eq(sinsp_next(fx.s, &fx.evt), 0);      /* 2: read exit, fd 5 */
	ck_assert_ptr_eq(fx.evt->matched_by, yes);
	last_type = t->last_type;
	ck_assert(sinsp_filter_match(yes, fx.evt));
	ck_assert_int_eq(t->last_type, last_type);
	sinsp_filter_free(yes);
}
END_TEST

/* ---- grouped or-runs (one set lookup for '=', 'in', 'startswith' on one field) ------ */

START_TEST(grouped_checks)
{
	/* mixed operators in one group */
	ck_assert(m("fd.name = /x or fd.name startswith /y or fd.name in (a, /etc)"));
	ck_assert(m("fd.name = /etc or fd.name startswith /y or fd.name in (a, b)"));
	ck_assert(m("fd.name = /x or fd.name startswith /et or fd.name in (a, b)"));
	ck_assert(!m("fd.name = /et or fd.name startswith /etcx or fd.name in (/e, /etc/)"));
	ck_assert(m("fd.name bstartswith 2f65 or fd.name startswith /x"));
	ck_assert(!m("fd.name bstartswith 2f66 or fd.name startswith /x"));
	/* a group next to checks it cannot take, on the same field and on others */
	ck_assert(m("fd.name startswith /x or fd.name contains tc or fd.name startswith /y"));
	ck_assert(!m("fd.name startswith /x or fd.name contains xx or fd.name startswith /y"));
	ck_assert(m("fd.name startswith /x or fd.name startswith /y or proc.name = 'my app'"));
	ck_assert(m("proc.name = a or fd.name startswith /x or fd.name startswith /e"));
	/* negation of a group, and a group under 'and' */
	ck_assert(!m("not (fd.name startswith /x or fd.name startswith /e)"));
	ck_assert(m("not (fd.name startswith /x or fd.name = /et)"));
	ck_assert(m("proc.name = 'my app' and (fd.name startswith /x or fd.name startswith /etc)"));
	ck_assert(!m("proc.name = app and (fd.name startswith /x or fd.name startswith /etc)"));
	/* unresolved field: every check of the group is false, even startswith "" */
	ck_assert(!m("user.name startswith '' or user.name = x or user.name in (a)"));
	ck_assert(m("not (user.name startswith a or user.name startswith b)"));
	ck_assert(m("user.name startswith a or user.name = b or fd.name startswith /e"));
	ck_assert(!m("user.name startswith a or user.name = b and fd.name startswith /e"));
	/* empty prefix: any resolved value */
	ck_assert(m("fd.name startswith /x or fd.name startswith ''"));
	ck_assert(m("fd.name startswith '' or fd.name = x"));
	ck_assert(!m("fd.name = '' or fd.name in ('', /x)"));
	/* duplicates, and prefixes of one another (the shorter one decides) */
	ck_assert(m("fd.name startswith /x or fd.name startswith /x or fd.name startswith /etc"));
	ck_assert(m("fd.name startswith /etcx or fd.name startswith /etc or fd.name startswith /e"));
	ck_assert(!m("fd.name startswith /etc/ or fd.name startswith /etc/a or fd.name startswith /etc0"));
	ck_assert(m("fd.name in (/etc, /etc) or fd.name = /etc or fd.name = /etc"));
	ck_assert(m("fd.name startswith /d or fd.name startswith /etb or fd.name startswith /etc or "
		    "fd.name startswith /etd or fd.name startswith /f"));
	ck_assert(!m("fd.name startswith /d or fd.name startswith /etb or fd.name startswith /etca or "
		     "fd.name startswith /etd or fd.name startswith /f"));
	/* case-insensitive operators stay single checks */
	ck_assert(m("fd.name icontains ETC or fd.name startswith /x or fd.name startswith /y"));
	ck_assert(!m("fd.name startswith /E or fd.name startswith /ETC"));
}
END_TEST

/* An 'or' (grouped or not) answers as its terms one by one, for every combination. */
START_TEST(grouped_like_single_checks)
{
	static const char *const terms[] = {
		"fd.name startswith /e", "fd.name startswith /x", "fd.name startswith ''",
		"fd.name = /etc", "fd.name = /et", "fd.name in (/a, /etc)", "fd.name in (/a)",
		"fd.name bstartswith 2f65", "fd.name contains tc", "fd.name icontains ETC",
		"fd.name startswith /etc/", "fd.name != /etc", "not fd.name startswith /e",
		"user.name startswith a", "user.name = ''", "user.name startswith ''",
		"proc.name startswith my",
	};
	enum { N = sizeof(terms) / sizeof(terms[0]) };
	bool one[N];
	char expr[512];
	size_t a, b, c;

	for (a = 0; a < N; a++)
		one[a] = m(terms[a]);
	for (a = 0; a < N; a++) {
		for (b = 0; b < N; b++) {
			for (c = 0; c < N; c++) {
				bool want = one[a] || one[b] || one[c];

				snprintf(expr, sizeof(expr), "%s or %s or %s", terms[a], terms[b], terms[c]);
				ck_assert_msg(m(expr) == want, "%s", expr);
				snprintf(expr, sizeof(expr), "not (%s or %s or %s)", terms[a], terms[b], terms[c]);
				ck_assert_msg(m(expr) == !want, "%s", expr);
				snprintf(expr, sizeof(expr), "%s and (%s or %s)", terms[a], terms[b], terms[c]);
				ck_assert_msg(m(expr) == (one[a] && (one[b] || one[c])), "%s", expr);
			}
		}
	}
}
END_TEST

/* evt.type of generic events comes from the syscall id (param 0) without extraction. */
START_TEST(generic_event_type)
{
	teardown();
	reset();
	add_evt(SCAP_EVT_GENERIC_E, 2, P16(SCAP_SC_MKDIR), P16(83));
	add_evt(SCAP_EVT_GENERIC_E, 2, P16(60000), P16(0));
	fx.s = eb_open(&fx.eb);  /* no threads */
	ck_assert_int_eq(sinsp_next(fx.s, &fx.evt), 0);
	ck_assert(m("evt.type = mkdir"));
	ck_assert(m("evt.type in (open, mkdir)"));
	ck_assert(!m("evt.type = syscall"));
	ck_assert(!m("evt.type = open"));
	ck_assert(!m("not evt.type = mkdir"));
	ck_assert(m("evt.type != open and evt.dir = '>'"));
	ck_assert(m("evt.type exists"));
	ck_assert_int_eq(sinsp_next(fx.s, &fx.evt), 0);  /* an id beyond the table */
	ck_assert(!m("evt.type = mkdir"));
	ck_assert(m("evt.type != mkdir"));
	ck_assert(m("evt.type exists"));
}
END_TEST

/* ---- a filter set on the handle (sinsp_set_filter()) --------------------------------- */

/* Render the current event with fmt (it must render) into buf. */
static void render(const char *fmt_text, char *buf, size_t size)
{
	struct sinsp_formatter *fmt = NULL;
	const char *line;

	ck_assert_int_eq(sinsp_formatter_new(fx.s, fmt_text, SINSP_OUTPUT_TEXT, &fmt), 0);
	ck_assert_int_eq(sinsp_formatter_render(fmt, fx.evt, &line, NULL), 1);
	snprintf(buf, size, "%s", line);
	sinsp_formatter_free(fmt);
}

/*
 * Only matching events come back, numbered among all; a rejected mmap exit (a type that
 * modifies no state) is not parsed, as sysdig does not parse it: the vm size stays.
 */
START_TEST(set_filter_skips_rejected)
{
	struct sinsp_filter *f;
	char line[128];

	teardown();
	reset();
	add_evt(SCAP_EVT_SYSCALL_MMAP_E, 0);
	add_evt(SCAP_EVT_SYSCALL_MMAP_X, 4, P64(0x1000), P32(2000), P32(300), P32(0));
	add_evt(SCAP_EVT_SYSCALL_OPEN_E, 0);
	add_evt(SCAP_EVT_SYSCALL_OPEN_X, 5, P64(3), PSTR("/etc/passwd"), P32(1), P32(0), P32(0));
	add_evt(SCAP_EVT_SYSCALL_MMAP_E, 0);
	add_evt(SCAP_EVT_SYSCALL_MMAP_X, 4, P64(0x2000), P32(3000), P32(400), P32(0));
	open_with_thread();
	f = compile("evt.type=open or proc.vmsize>2500");
	ck_assert_int_eq(sinsp_set_filter(fx.s, f), 0);
	ck_assert_int_eq(sinsp_next(fx.s, &fx.evt), 0);
	render("%evt.num %evt.dir %evt.type %proc.vmsize", line, sizeof(line));
	ck_assert_str_eq(line, "3 > open 1000");
	ck_assert(sinsp_filter_match(f, fx.evt));  /* answered by sinsp_next() */
	ck_assert_int_eq(sinsp_next(fx.s, &fx.evt), 0);
	render("%evt.num %evt.type %proc.vmsize %fd.name", line, sizeof(line));
	ck_assert_str_eq(line, "4 open 1000 /etc/passwd");
	/* matched before its parser runs: the mmap exit sees the size before it */
	ck_assert_int_eq(sinsp_next(fx.s, &fx.evt), SCAP_EOF);
	sinsp_filter_free(f);
	teardown();

	/* the same events without the filter on the handle: every mmap exit is parsed */
	reset();
	add_evt(SCAP_EVT_SYSCALL_MMAP_X, 4, P64(0x1000), P32(2000), P32(300), P32(0));
	add_evt(SCAP_EVT_SYSCALL_OPEN_E, 0);
	open_with_thread();
	ck_assert_int_eq(sinsp_next(fx.s, &fx.evt), 0);
	ck_assert_int_eq(sinsp_next(fx.s, &fx.evt), 0);
	ck_assert(m("evt.type=open and proc.vmsize=2000"));
}
END_TEST

/*
 * Rejected by type alone, a read enter still sets the fd number its exit finds and
 * starts its latency, and leaves that exit unpaired (no fd of its own: no buflen, no
 * I/O category) except a write exit; a detached filter returns every event again.
 */
START_TEST(set_filter_rejected_enter)
{
	struct sinsp_filter *f;
	char line[128];

	teardown();
	reset();
	add_evt(SCAP_EVT_SYSCALL_READ_E, 2, P64(7), P32(100));
	add_evt(SCAP_EVT_SYSCALL_READ_X, 2, P64(10), PBUF("0123456789", 10));
	add_evt(SCAP_EVT_SYSCALL_READ_E, 2, P64(5), P32(100));
	add_evt(SCAP_EVT_SYSCALL_READ_X, 2, P64(4), PBUF("0123", 4));
	add_evt(SCAP_EVT_SYSCALL_WRITE_E, 2, P64(5), P32(3));
	add_evt(SCAP_EVT_SYSCALL_WRITE_X, 2, P64(3), PBUF("abc", 3));
	add_evt(SCAP_EVT_SYSCALL_READ_E, 2, P64(5), P32(100));
	open_with_thread();
	f = compile("evt.dir=<");
	ck_assert_int_eq(sinsp_set_filter(fx.s, f), 0);
	ck_assert_int_eq(sinsp_next(fx.s, &fx.evt), 0);  /* 2: read exit (1 is rejected) */
	render("*%evt.num %evt.buflen %fd.num %fd.name %evt.category %evt.latency", line, sizeof(line));
	ck_assert_str_eq(line, "2 <NA> 7  unknown 1");  /* fd 7 unknown; 1 ns */
	ck_assert_int_eq(sinsp_next(fx.s, &fx.evt), 0);  /* 4 */
	render("*%evt.num %evt.buflen %fd.num %fd.name %evt.category %evt.latency", line, sizeof(line));
	ck_assert_str_eq(line, "4 <NA> 5 /etc unknown 1");
	ck_assert_int_eq(sinsp_next(fx.s, &fx.evt), 0);  /* 6: a write exit keeps its fd */
	render("*%evt.num %evt.buflen %fd.num %fd.name %evt.category %evt.latency", line, sizeof(line));
	ck_assert_str_eq(line, "6 3 5 /etc file 1");
	ck_assert_int_eq(sinsp_set_filter(fx.s, NULL), 0);
	ck_assert_int_eq(sinsp_next(fx.s, &fx.evt), 0);
	render("%evt.num %evt.dir", line, sizeof(line));
	ck_assert_str_eq(line, "7 >");
	sinsp_filter_free(f);
}
END_TEST

/* Generic events are rejected by their syscall id before any field is looked at. */
START_TEST(set_filter_generic_ids)
{
	struct sinsp_filter *f;
	char line[128];

	teardown();
	reset();
	add_evt(SCAP_EVT_GENERIC_E, 2, P16(SCAP_SC_MKDIR), P16(83));
	add_evt(SCAP_EVT_GENERIC_X, 1, P16(SCAP_SC_MKDIR));
	add_evt(SCAP_EVT_GENERIC_E, 2, P16(SCAP_SC_MMAP), P16(9));
	add_evt(SCAP_EVT_GENERIC_E, 2, P16(60000), P16(0));
	add_evt(SCAP_EVT_GENERIC_X, 0);  /* no id: syscall 0 */
	open_with_thread();
	f = compile("evt.type in (mkdir, read) and evt.dir='<' or evt.type=mmap or "
		    "evt.type='<unknown>'");
	ck_assert(!flt_evt_may_match(f, &(struct sinsp_evt){ .ref.type = SCAP_EVT_SYSCALL_OPEN_X }));
	ck_assert_int_eq(sinsp_set_filter(fx.s, f), 0);
	ck_assert_int_eq(sinsp_next(fx.s, &fx.evt), 0);
	render("%evt.num %evt.dir %evt.type", line, sizeof(line));
	ck_assert_str_eq(line, "2 < mkdir");
	ck_assert_int_eq(sinsp_next(fx.s, &fx.evt), 0);
	render("%evt.num %evt.dir %evt.type", line, sizeof(line));
	ck_assert_str_eq(line, "3 > mmap");
	ck_assert_int_eq(sinsp_next(fx.s, &fx.evt), 0);  /* an id beyond the table */
	render("%evt.num %evt.dir %evt.type", line, sizeof(line));
	ck_assert_str_eq(line, "4 > <unknown>");
	ck_assert_int_eq(sinsp_next(fx.s, &fx.evt), 0);  /* no id: SCAP_SC_UNKNOWN */
	render("%evt.num %evt.dir %evt.type", line, sizeof(line));
	ck_assert_str_eq(line, "5 < <unknown>");
	ck_assert_int_eq(sinsp_next(fx.s, &fx.evt), SCAP_EOF);
	sinsp_filter_free(f);

	/* a filter compiled on another handle is refused */
	ck_assert_int_eq(sinsp_set_filter(NULL, NULL), -EINVAL);
}
END_TEST

/* ---- fields of several values, filter-only fields ------------------------------------ */

static struct scap_threadinfo net_threads[3];
static struct scap_fdinfo net_fds[2];

/*
 * Threads 1 "init" <- 50 "bash" <- TID "my app" (fd 5 the directory /etc, fd 7 a TCP
 * socket listening on 0.0.0.0:8080). Events: 1 accept4 enter, 2 accept4 exit creating
 * fd 12 10.0.0.2:5555->10.0.0.1:80 (TCP, server side), 3 read enter on fd 12, 4 read
 * enter on fd 5, 5 read enter on fd 7; the current event is 3 (ts 5000000002).
 */
static void setup_net(void)
{
	static const char *const names[] = { "init", "bash", "my app" };
	static const uint64_t tids[] = { 1, 50, TID }, ptids[] = { 0, 1, 50 };
	uint8_t t[13] = { SCAP_AF_INET, 10, 0, 0, 2 };
	uint16_t sport = 5555, dport = 80;
	int i;

	reset();
	fx.eb.ts0 = 4999999999;
	memset(net_threads, 0, sizeof(net_threads));
	memset(net_fds, 0, sizeof(net_fds));
	memcpy(t + 5, &sport, 2);
	memcpy(t + 7, (const uint8_t[]){ 10, 0, 0, 1 }, 4);
	memcpy(t + 11, &dport, 2);
	add_evt(SCAP_EVT_SOCKET_ACCEPT4_6_E, 1, P32(0));
	add_evt(SCAP_EVT_SOCKET_ACCEPT4_6_X, 5, P64(12), PBUF(t, sizeof(t)), P8(0), P32(0), P32(5));
	add_evt(SCAP_EVT_SYSCALL_READ_E, 2, P64(12), P32(100));
	add_evt(SCAP_EVT_SYSCALL_READ_E, 2, P64(5), P32(100));
	add_evt(SCAP_EVT_SYSCALL_READ_E, 2, P64(7), P32(100));
	for (i = 0; i < 3; i++) {
		net_threads[i].tid = net_threads[i].pid = tids[i];
		net_threads[i].ptid = ptids[i];
		strcpy(net_threads[i].comm, names[i]);
		strcpy(net_threads[i].exe, names[i]);
		net_threads[i].loginuid = UINT32_MAX;
	}
	net_fds[0].fd = 5;
	net_fds[0].type = SCAP_FD_DIRECTORY;
	strcpy(net_fds[0].name, "/etc");
	net_fds[1].fd = 7;
	net_fds[1].type = SCAP_FD_IPV4_SERVSOCK;
	net_fds[1].info.ipv4_server.port = 8080;
	net_fds[1].info.ipv4_server.l4proto = SCAP_L4_TCP;
	net_threads[2].nfds = 2;
	net_threads[2].fds = net_fds;
	fx.eb.state.threads = net_threads;
	fx.eb.state.nthreads = 3;
	fx.s = eb_open(&fx.eb);
	for (i = 0; i < 3; i++)
		ck_assert_int_eq(sinsp_next(fx.s, &fx.evt), 0);
}

/* Move to the next event. */
static void step(void)
{
	ck_assert_int_eq(sinsp_next(fx.s, &fx.evt), 0);
}

START_TEST(fd_any_address_and_port)
{
	/* a connection: either end matches '=', both must differ for '!=' */
	ck_assert(m("fd.ip=10.0.0.1") && m("fd.ip=10.0.0.2"));
	ck_assert(!m("fd.ip=10.0.0.3"));
	ck_assert(!m("fd.ip!=10.0.0.1") && m("fd.ip!=10.0.0.3"));
	ck_assert(m("fd.ip in (1.1.1.1, 10.0.0.2)") && !m("fd.ip in (1.1.1.1)"));
	ck_assert(m("not fd.ip=10.0.0.3") && !m("not fd.ip=10.0.0.1"));
	ck_assert(m("fd.port=80") && m("fd.port=5555") && m("fd.proto=80"));
	ck_assert(!m("fd.port!=80") && m("fd.port!=81"));
	ck_assert(m("fd.port<100") && !m("fd.port>6000") && m("fd.port>=5555"));
	ck_assert(m("fd.port in (53, 5555)") && !m("fd.port in (53)"));
	ck_assert(m("fd.net=10.0.0.0/8") && m("fd.net=10.0.0.2/32") && !m("fd.net=11.0.0.0/8"));
	ck_assert(!m("fd.net!=10.0.0.0/24") && m("fd.net!=11.0.0.0/8"));
	ck_assert(m("fd.net in (11.0.0.0/8, 10.0.0.0/30)"));
	/* one end each: the client 10.0.0.2, the server 10.0.0.1 */
	ck_assert(m("fd.cnet=10.0.0.2/32") && !m("fd.cnet=10.0.0.1/32"));
	ck_assert(m("fd.snet=10.0.0.1/32") && m("fd.cnet!=10.0.0.1/32") && m("fd.snet exists"));
	/* the same fields in one 'or' are not grouped into a set lookup */
	ck_assert(m("fd.ip=9.9.9.9 or fd.ip=10.0.0.1"));
	ck_assert(m("fd.l4proto=tcp") && !m("fd.l4proto!=tcp"));

	step(); /* read on fd 5, a directory: no address, but an l4proto of "<NA>" */
	ck_assert(!m("fd.ip=10.0.0.1") && !m("fd.ip!=10.0.0.1") && m("not fd.ip=10.0.0.1"));
	ck_assert(!m("fd.port<65535") && !m("fd.net!=0.0.0.0/0") && !m("fd.cnet exists"));
	ck_assert(m("fd.l4proto!=tcp") && m("fd.l4proto exists") && m("fd.l4proto='<NA>'"));

	step(); /* read on fd 7, listening on 0.0.0.0:8080 */
	ck_assert(m("fd.port=8080") && !m("fd.port!=8080") && m("fd.port!=80"));
	ck_assert(m("fd.ip=0.0.0.0") && m("fd.net=0.0.0.0/0"));
	/* sysdig compares the first 4 bytes of an IPv6 value with an IPv4 address */
	ck_assert(m("fd.ip=::1") && !m("fd.ip=1::"));
}
END_TEST

START_TEST(any_ancestor)
{
	/* the ancestors from the parent up, not the process itself */
	ck_assert(m("proc.aname=bash") && m("proc.aname=init") && !m("proc.aname='my app'"));
	ck_assert(m("proc.aname!=bash"));                 /* init differs */
	ck_assert(!m("not proc.aname=bash"));
	ck_assert(m("proc.aname in (sshd, bash)") && m("proc.aname startswith ba"));
	ck_assert(m("proc.aname exists") && m("proc.apid exists"));
	ck_assert(m("proc.apid=50") && m("proc.apid=1") && !m("proc.apid=100"));
	ck_assert(m("proc.apid>49") && !m("proc.apid>50"));
	ck_assert(!m("proc.apid in (50)"));               /* sysdig's walk never matches 'in' */
	ck_assert(m("proc.aname=bash or proc.aname=zsh"));
	/* with an index: that ancestor only, 0 the process */
	ck_assert(m("proc.aname[0]='my app'") && m("proc.aname[1]=bash") && !m("proc.aname[1]=init"));
	ck_assert(m("proc.apid[2]=1"));
}
END_TEST

START_TEST(around_a_time)
{
	/* event 3 is at 5000000002 ns: T within D ms of it, bounds included */
	ck_assert(m("evt.around[5000000002]=0") && !m("evt.around[5000000003]=0"));
	ck_assert(m("evt.around[5001000002]=1") && !m("evt.around[5001000003]=1"));
	ck_assert(m("evt.around[4999000002]=1") && !m("evt.around[4999000001]=1"));
	ck_assert(m("evt.around[5000000002] exists") && !m("evt.around[5000000001] exists"));
	ck_assert(!m("evt.around[5000000002] in (0, 1)"));
	ck_assert(m("not evt.around[1]=1"));
}
END_TEST

START_TEST(rawarg_compares_raw_values)
{
	struct sinsp_filter *f = NULL;
	struct field_ref r;
	struct strbuf b = { 0 };

	/* read enter: fd 12, size 100 */
	ck_assert(m("evt.rawarg.fd=12") && m("evt.rawarg.fd>11") && !m("evt.rawarg.fd<0"));
	ck_assert(m("evt.rawarg.size=100") && !m("evt.rawarg.size>100") && m("evt.rawarg.size exists"));
	ck_assert(!m("evt.rawarg.res exists"));
	/* the display of the same field keeps sysdig's <NA> for an fd ... */
	ck_assert_uint_eq(sinsp_field_parse("evt.rawarg.fd", &r), 13);
	ck_assert(!sinsp_field_extract(fx.evt, &r, SINSP_BUF_NORMAL, &b));
	/* ... that a filter compares */
	r.filter = true;
	ck_assert(sinsp_field_extract(fx.evt, &r, SINSP_BUF_NORMAL, &b));
	ck_assert_str_eq(b.buf, "12");
	sinsp_field_ref_free(&r);
	strbuf_free(&b);
	ck_assert_int_eq(sinsp_filter_compile(fx.s, "evt.rawarg.tid exists", &f), 0);
	sinsp_filter_free(f);
	/* a list on a text parameter: sysdig's comparison holds for one distinct value only */
	ck_assert_int_eq(sinsp_filter_compile(fx.s, "evt.rawarg.exe in (cat, cat)", &f), 0);
	ck_assert(!f->root->check.never);
	sinsp_filter_free(f);
	ck_assert_int_eq(sinsp_filter_compile(fx.s, "evt.rawarg.exe in (cat, curl)", &f), 0);
	ck_assert(f->root->check.never);
	sinsp_filter_free(f);
}
END_TEST

START_TEST(refused_values)
{
	err("fd.ip=1.2.3.999", "filter error at byte 6: '1.2.3.999' is not an IPv4 address (for fd.ip)");
	err("fd.ip=abc", "filter error at byte 6: 'abc' is not an IPv6 address (for fd.ip)");
	err("fd.sip=::ffff:1.2.3.4", "filter error at byte 7: '::ffff:1.2.3.4' is not an IPv4 address (for fd.sip)");
	err("fd.net=1.2.3.0/33",
	    "filter error at byte 7: '1.2.3.0/33' has an invalid netmask '33': bits from 0 to 32 (for fd.net)");
	err("fd.net=abc", "filter error at byte 7: 'abc' is not an IPv4 network a.b.c.d/bits (for fd.net)");
	err("fd.cnet=1.2.3.4", "filter error at byte 8: '1.2.3.4' is not an IPv4 network a.b.c.d/bits (for fd.cnet)");
	err("fd.net in (10.0.0.0/8, ::1/128)",
	    "filter error at byte 23: '::1/128' is not an IPv4 network: '::1' is not an IPv4 address (for fd.net)");
	err("evt.arg.nosuch=1", "filter error at byte 0: unknown event argument 'nosuch' in 'evt.arg.nosuch'");
	err("evt.rawarg.nosuch=1", "filter error at byte 0: unknown event argument 'nosuch' in 'evt.rawarg.nosuch'");
	err("proc.aname[x]=bash", "filter error at byte 0: unknown field 'proc.aname[x]'");
	err("proc.apid[1x]=1", "filter error at byte 0: unknown field 'proc.apid[1x]'");
	err("evt.around[x]=1", "filter error at byte 0: unknown field 'evt.around[x]'");
	err("evt.around[5]!=1", "filter error at byte 13: '!=' does not apply to evt.around[5]: "
	    "evt.around supports only '=' (evt.around[T]=D: within D ms of T ns)");
	err("fd.ip exists", "filter error at byte 6: 'exists' does not apply to fd.ip: "
	    "addresses compare with =, != and in only");
	err("fd.port contains 5", "filter error at byte 8: 'contains' does not apply to fd.port, a numeric field");
	err("evt.rawarg.tid=1", "filter error at byte 14: '=' does not apply to evt.rawarg.tid: "
	    "sysdig cannot compare a parameter of this type (only 'exists')");
	err("evt.rawarg.fd in (1)", "filter error at byte 14: 'in' does not apply to evt.rawarg.fd: "
	    "a list compares text parameters only");
}
END_TEST

/* ---- sizes (issue 11) ------------------------------------------------------------ */

/* A filter of @n parts, part i printed by @part(i), joined by @sep; freed by the caller. */
static char *big_expr(size_t n, const char *head, void (*part)(struct strbuf *, size_t),
		      const char *sep, const char *tail)
{
	struct strbuf b = { 0 };

	strbuf_adds(&b, head);
	for (size_t i = 0; i < n; i++) {
		if (i)
			strbuf_adds(&b, sep);
		part(&b, i);
	}
	strbuf_adds(&b, tail);
	return b.buf;
}

static void prefix_part(struct strbuf *b, size_t i)
{
	strbuf_printf(b, "fd.name startswith /a%06zu", i);
}

static void item_part(struct strbuf *b, size_t i)
{
	strbuf_printf(b, "/x%06zu", i);
}

static void aname_part(struct strbuf *b, size_t i)
{
	strbuf_printf(b, "proc.aname[%zu]=x", i + 1);
}

static void seg_part(struct strbuf *b, size_t i)
{
	strbuf_printf(b, "%s", i & 1 ? "%evt.num" : "%proc.aname[3]");
}

/*
 * 70,000 'startswith' prefixes in one set (more than a 16-bit first-byte index holds):
 * fd.name "/etc" matches exactly when "/etc" or a prefix of it is in the set, sorted
 * after the 70,000 others.
 */
START_TEST(many_prefixes)
{
	char *yes = big_expr(70000, "", prefix_part, " or ", " or fd.name startswith /etc");
	char *no = big_expr(70000, "", prefix_part, " or ", " or fd.name startswith /etcx");
	char *mid = big_expr(70000, "fd.name startswith /etb or ", prefix_part, " or ",
			     " or fd.name startswith /etd");

	ck_assert(m(yes));
	ck_assert(!m(no));
	ck_assert(!m(mid));
	free(yes);
	free(no);
	free(mid);
}
END_TEST

/*
 * Rules files bring lists of 100k items and 60k distinct fields: they compile (in well
 * under a second in the normal build, linear since issue 11) and answer right.
 */
START_TEST(big_lists_and_many_fields)
{
	char *in_yes = big_expr(100000, "fd.name in (", item_part, ", ", ", /etc)");
	char *in_no = big_expr(100000, "fd.name in (", item_part, ", ", ")");
	char *pm_yes = big_expr(100000, "fd.name pmatch (", item_part, ", ", ", /etc)");
	char *pm_no = big_expr(100000, "fd.name pmatch (", item_part, ", ", ")");
	char *an_yes = big_expr(60000, "", aname_part, " or ", " or proc.name='my app'");
	char *an_no = big_expr(60000, "", aname_part, " or ", " or proc.name=other");
	char *fmt = big_expr(100000, "*", seg_part, " ", "");
	struct sinsp_formatter *f = NULL;
	const char *line = NULL;

	ck_assert(m(in_yes));
	ck_assert(!m(in_no));
	ck_assert(m(pm_yes));
	ck_assert(!m(pm_no));
	ck_assert(m(an_yes));
	ck_assert(!m(an_no));
	ck_assert_int_eq(sinsp_formatter_new(fx.s, fmt, SINSP_OUTPUT_TEXT, &f), 0);
	ck_assert_int_eq(sinsp_formatter_render(f, fx.evt, &line, NULL), 1);
	/* "<NA> 1 <NA> 1 ...": the thread's grandparent is unknown, the event is number 1 */
	ck_assert_uint_eq(strlen(line), 50000 * strlen("<NA> 1 ") - 1);
	ck_assert(strncmp(line, "<NA> 1 <NA> 1", 13) == 0);
	sinsp_formatter_free(f);
	free(in_yes);
	free(in_no);
	free(pm_yes);
	free(pm_no);
	free(an_yes);
	free(an_no);
	free(fmt);
}
END_TEST

/*
 * flt_find() ('contains') against a byte-by-byte search, on haystacks of every length
 * up to 70 (16 positions at a time, then the rest) over a two-letter alphabet, so that
 * needles of 1 to 9 bytes are found at every position or missed by one byte; the
 * haystack ends where its allocation ends, so a read past it would show under ASan.
 */
static bool naive_find(const char *h, size_t hlen, const char *n, size_t nlen)
{
	for (size_t i = 0; i + nlen <= hlen; i++)
		if (memcmp(h + i, n, nlen) == 0)
			return true;
	return false;
}

START_TEST(find_like_naive)
{
	unsigned seed = 12345, found = 0;

	for (size_t hlen = 0; hlen <= 70; hlen++) {
		for (int round = 0; round < 40; round++) {
			char *h = malloc(hlen ? hlen : 1);
			char n[10];
			size_t nlen = 1 + (size_t)round % 9;

			ck_assert_ptr_nonnull(h);
			for (size_t i = 0; i < hlen; i++) {
				seed = seed * 1103515245u + 12345u;
				h[i] = (seed >> 16) % 8 ? 'a' : 'b';
			}
			for (size_t i = 0; i < nlen; i++) {
				seed = seed * 1103515245u + 12345u;
				n[i] = (seed >> 16) % 8 ? 'a' : 'b';
			}
			/* half the rounds: a needle taken from the haystack, at any position */
			if (round % 2 && hlen >= nlen) {
				seed = seed * 1103515245u + 12345u;
				memcpy(n, h + (seed >> 16) % (hlen - nlen + 1), nlen);
			}
			ck_assert_msg(flt_find(h, hlen, n, nlen) == naive_find(h, hlen, n, nlen),
				      "hlen %zu nlen %zu", hlen, nlen);
			found += naive_find(h, hlen, n, nlen);
			free(h);
		}
	}
	ck_assert_uint_gt(found, 1000);
	ck_assert(flt_find("abc", 3, "", 0));
	ck_assert(!flt_find("ab", 2, "abc", 3));
}
END_TEST

static Suite *filter_suite(void)
{
	Suite *s = suite_create("filter");
	TCase *tc;

	tc = tcase_create("grammar");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, precedence);
	tcase_add_test(tc, keywords_are_whole_words);
	tcase_add_test(tc, quoting_and_escapes);
	tcase_add_test(tc, error_positions);
	suite_add_tcase(s, tc);

	tc = tcase_create("operators");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, string_operators);
	tcase_add_test(tc, numbers_and_booleans);
	tcase_add_test(tc, unresolved_fields);
	tcase_add_test(tc, grouped_checks);
	tcase_add_test(tc, grouped_like_single_checks);
	tcase_add_test(tc, find_like_naive);
	suite_add_tcase(s, tc);

	tc = tcase_create("types");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, type_bitmap);
	tcase_add_test(tc, fd_checks_skip_fdless_types);
	tcase_add_test(tc, rejected_enter_unpairs_exit);
	tcase_add_test(tc, match_changes_only_what_it_says);
	tcase_add_test(tc, generic_event_type);
	tcase_add_test(tc, set_filter_skips_rejected);
	tcase_add_test(tc, set_filter_rejected_enter);
	tcase_add_test(tc, set_filter_generic_ids);
	suite_add_tcase(s, tc);

	tc = tcase_create("several values");
	tcase_add_checked_fixture(tc, setup_net, teardown);
	tcase_add_test(tc, fd_any_address_and_port);
	tcase_add_test(tc, any_ancestor);
	tcase_add_test(tc, around_a_time);
	tcase_add_test(tc, rawarg_compares_raw_values);
	tcase_add_test(tc, refused_values);
	suite_add_tcase(s, tc);

	tc = tcase_create("sizes");
	tcase_set_timeout(tc, 0); /* no per-test timeout: a loaded machine runs the ASan build 2-5x slower */
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, many_prefixes);
	tcase_add_test(tc, big_lists_and_many_fields);
	tcase_add_test(tc, fd_name_answer_follows_the_name);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(filter_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_fields.c - field parsing and extraction (fields*.c) on synthetic events fed
 * through the test_input engine: exact text of representative fields, arguments,
 * unresolved fields, numeric kinds and the typed extractor used by filters; the
 * arguments of issue 12's last fillers (quotactl, io_uring_enter, io_uring_register,
 * fsconfig, process_vm_readv/writev, open_by_handle_at) as the drivers write them.
 */
#include <arpa/inet.h>
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include <scry/scap.h>
#include <scry/sinsp.h>

#include "sinsp_int.h"
#include "fields/fields.h"
#include "fields/render.h"
#include "evt_builder.h"

#define TID 100

struct fixture {
	struct evt_builder eb;  /* thread TID, 1.5 us apart from 1700000000 s */
	struct scap_threadinfo threads[3];   /* init(1) <- bash(50) <- test(100) */
	struct scap_fdinfo fds[1];
	struct scap_userinfo users[1];
	sinsp_t *s;
	struct strbuf out;
};

static struct fixture fx;

#define add_evt(...) eb_add(&fx.eb, __VA_ARGS__)

static void set_thread(struct scap_threadinfo *t, uint64_t tid, uint64_t ptid, const char *comm)
{
	t->tid = t->pid = tid;
	t->ptid = ptid;
	t->sid = 50;
	t->vtid = t->vpid = -1;
	strcpy(t->comm, comm);
	strcpy(t->exe, comm);
	strcpy(t->cwd, "/root/");
	t->fdlimit = 1024;
	t->loginuid = UINT32_MAX;
}

/* Threads init(1) <- bash(50) <- test(100, "-v x", uid 1000, cgroups), user 1000. */
static void open_inspector(void)
{
	static const char args[] = "-v\0x";
	static const char cgroups[] = "cpu=/user.slice\0memory=/docker/x";

	set_thread(&fx.threads[0], 1, 0, "init");
	set_thread(&fx.threads[1], 50, 1, "bash");
	set_thread(&fx.threads[2], TID, 50, "test");
	memcpy(fx.threads[2].args, args, sizeof(args));
	fx.threads[2].args_len = sizeof(args);
	memcpy(fx.threads[2].cgroups, cgroups, sizeof(cgroups));
	fx.threads[2].cgroups_len = sizeof(cgroups);
	fx.threads[2].uid = 1000;
	fx.threads[2].gid = 1000;
	fx.threads[2].vtid = 7;
	fx.fds[0].fd = 5;
	fx.fds[0].type = SCAP_FD_DIRECTORY;
	strcpy(fx.fds[0].name, "/etc");
	fx.threads[2].nfds = 1;
	fx.threads[2].fds = fx.fds;
	fx.users[0].uid = 1000;
	fx.users[0].gid = 1000;
	strcpy(fx.users[0].name, "alice");
	strcpy(fx.users[0].homedir, "/home/alice");
	strcpy(fx.users[0].shell, "/bin/zsh");
	fx.eb.state.threads = fx.threads;
	fx.eb.state.nthreads = 3;
	fx.eb.state.users = fx.users;
	fx.eb.state.nusers = 1;
	fx.s = eb_open(&fx.eb);
}

static struct sinsp_evt *next(void)
{
	struct sinsp_evt *evt = NULL;

	ck_assert_int_eq(sinsp_next(fx.s, &evt), 0);
	return evt;
}

/* Text of field name for evt, or NULL when it does not resolve. */
static const char *field(struct sinsp_evt *evt, const char *name)
{
	struct field_ref r;
	size_t n = sinsp_field_parse(name, &r);
	bool ok;

	ck_assert_msg(n == strlen(name), "field %s parsed %zu bytes", name, n);
	strbuf_reset(&fx.out);
	ok = sinsp_field_extract(evt, &r, SINSP_BUF_NORMAL, &fx.out);
	sinsp_field_ref_free(&r);
	if (!ok) {
		ck_assert_uint_eq(fx.out.len, 0);
		return NULL;
	}
	return fx.out.buf ? fx.out.buf : "";
}

static bool num(struct sinsp_evt *evt, const char *name, int64_t *v, bool *is_unsigned)
{
	struct field_ref r;
	bool ok;

	ck_assert_uint_eq(sinsp_field_parse(name, &r), strlen(name));
	ok = sinsp_field_extract_num(evt, &r, v, is_unsigned);
	sinsp_field_ref_free(&r);
	return ok;
}

static void setup(void)
{
	memset(&fx, 0, sizeof(fx));
	fx.eb.tid = TID;
	fx.eb.ts0 = 1000000000ull * 1700000000ull;
	fx.eb.ts_step = 1500;
}

static void teardown(void)
{
	eb_free(&fx.eb);
	strbuf_free(&fx.out);
}

/* openat(AT_FDCWD, "/etc/passwd", O_RDONLY) = 7, then a failed openat (ENOENT). */
static void add_opens(void)
{
	add_evt(SCAP_EVT_SYSCALL_OPENAT_2_E, 4, P64(-100), PSTR("/etc/passwd"), P32(1), P32(0));
	add_evt(SCAP_EVT_SYSCALL_OPENAT_2_X, 6, P64(7), P64(-100), PSTR("/etc/passwd"), P32(1), P32(0), P32(0));
	add_evt(SCAP_EVT_SYSCALL_OPENAT_2_E, 4, P64(5), PSTR("missing"), P32(1), P32(0));
	add_evt(SCAP_EVT_SYSCALL_OPENAT_2_X, 6, P64(-2), P64(5), PSTR("missing"), P32(1), P32(0), P32(0));
}

/* ---- parsing ------------------------------------------------------------------------ */

START_TEST(parse_names_and_arguments)
{
	struct field_ref r;

	ck_assert_uint_eq(sinsp_field_parse("proc.aname[2] x", &r), 13);
	ck_assert_str_eq(r.def->name, "proc.aname");
	ck_assert_int_eq(r.argnum, 2);
	sinsp_field_ref_free(&r);
	ck_assert_uint_eq(sinsp_field_parse("evt.arg.name,", &r), 12);
	ck_assert_str_eq(r.arg, "name");
	ck_assert_int_eq(r.argnum, -1);
	ck_assert_ptr_nonnull(r.param_idx);
	sinsp_field_ref_free(&r);
	ck_assert_uint_eq(sinsp_field_parse("evt.args", &r), 8);
	ck_assert_str_eq(r.def->name, "evt.args");
	sinsp_field_ref_free(&r);
	/* the longest name wins: evt.rawtime.ns is not evt.rawtime followed by ".ns" */
	ck_assert_uint_eq(sinsp_field_parse("evt.rawtime.ns", &r), 14);
	ck_assert_str_eq(r.def->name, "evt.rawtime.ns");
	sinsp_field_ref_free(&r);
	ck_assert_uint_eq(sinsp_field_parse("container.mount.dest[0]", &r), 23);
	ck_assert_str_eq(r.def->name, "container.mount.dest");
	sinsp_field_ref_free(&r);
	ck_assert_uint_eq(sinsp_field_parse("fd.cip.name", &r), 11);
	ck_assert_str_eq(r.def->name, "fd.cip.name");
	sinsp_field_ref_free(&r);
	/* required arguments, and argument forms a field does not take */
	ck_assert_uint_eq(sinsp_field_parse("evt.arg", &r), 0);
	ck_assert_uint_eq(sinsp_field_parse("thread.cgroup", &r), 0);
	ck_assert_uint_eq(sinsp_field_parse("proc.aname.x", &r), 0);
	ck_assert_uint_eq(sinsp_field_parse("evt.rawarg[0]", &r), 0);
	ck_assert_uint_eq(sinsp_field_parse("proc.nosuch", &r), 0);
}
END_TEST

START_TEST(catalog_kinds_and_types)
{
	static const struct { const char *name; enum field_kind kind; uint8_t type; } want[] = {
		{ "proc.pid", FIELD_NUM, SCAP_PT_INT64 },
		{ "user.uid", FIELD_NUM, SCAP_PT_UINT32 },
		{ "user.loginuid", FIELD_NUM, SCAP_PT_INT32 },
		{ "fd.sport", FIELD_NUM, SCAP_PT_PORT },
		{ "evt.latency", FIELD_NUM, SCAP_PT_RELTIME },
		{ "evt.failed", FIELD_BOOL, SCAP_PT_BOOL },
		{ "fd.sip", FIELD_STR, SCAP_PT_IPADDR },
		{ "fd.name", FIELD_STR, SCAP_PT_CHARBUF },
		{ "fdlist.nums", FIELD_STR, SCAP_PT_CHARBUF },
		{ "syslog.severity", FIELD_NUM, SCAP_PT_UINT32 },
	};
	const struct field_def *d;
	size_t i, n = 0;

	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		struct field_ref r;

		ck_assert_uint_gt(sinsp_field_parse(want[i].name, &r), 0);
		ck_assert_int_eq(r.def->kind, want[i].kind);
		ck_assert_int_eq(sinsp_field_type(&r), want[i].type);
		sinsp_field_ref_free(&r);
	}
	for (d = sinsp_field_defs; d->name; d++)
		n += strncmp(d->name, "syscall.", 8) != 0 && strcmp(d->name, "evt.outputtime") != 0 &&
		     strcmp(d->name, "container.start_ts") != 0 /* Falco's, not in sysdig 0.29.3 */ &&
		     strcmp(d->name, "k8s.pod.uid") != 0 && strcmp(d->name, "k8s.pod.ip") != 0 &&
		     strncmp(d->name, "k8s.pod.sandbox", 15) != 0 &&
		     strcmp(d->name, "k8s.pod.full_sandbox_id") != 0 &&
		     strcmp(d->name, "evt.host") != 0 /* scry's: captures read from a bus */;
	/*
	 * the fields of these classes that sysdig -l lists (fdlist.*, syslog.* and the five
	 * k8s.* of a pod included), 185, and the 19 that Falco's rules use beyond them
	 * (proc.pexe, thread.cap_*, ...)
	 */
	ck_assert_uint_eq(n, 185 + 19);
}
END_TEST

/* ---- process fields ------------------------------------------------------------------- */

START_TEST(process_ancestors_and_args)
{
	struct sinsp_evt *evt;

	add_opens();
	open_inspector();
	evt = next();
	ck_assert_str_eq(field(evt, "proc.name"), "test");
	ck_assert_str_eq(field(evt, "proc.args"), "-v x");
	ck_assert_str_eq(field(evt, "proc.cmdline"), "test -v x");
	ck_assert_str_eq(field(evt, "proc.exeline"), "test -v x");
	ck_assert_str_eq(field(evt, "proc.aname[0]"), "test");
	ck_assert_str_eq(field(evt, "proc.aname[1]"), "bash");
	ck_assert_str_eq(field(evt, "proc.aname[2]"), "init");
	ck_assert_ptr_null(field(evt, "proc.aname[3]"));
	ck_assert_str_eq(field(evt, "proc.apid[1]"), "50");
	ck_assert_str_eq(field(evt, "proc.pname"), "bash");
	ck_assert_str_eq(field(evt, "proc.ppid"), "50");
	ck_assert_str_eq(field(evt, "proc.loginshellid"), "50");
	ck_assert_str_eq(field(evt, "proc.sname"), "bash");
	ck_assert_str_eq(field(evt, "thread.vtid"), "7");
	ck_assert_ptr_null(field(evt, "proc.vpid"));       /* -1: unknown */
	ck_assert_str_eq(field(evt, "thread.cgroups"), "cpu=/user.slice memory=/docker/x");
	ck_assert_str_eq(field(evt, "thread.cgroup.memory"), "/docker/x");
	ck_assert_ptr_null(field(evt, "thread.cgroup.blkio"));
	ck_assert_str_eq(field(evt, "proc.fdopencount"), "1");
	ck_assert_str_eq(field(evt, "proc.fdusage"), "0.1");
	ck_assert_str_eq(field(evt, "user.name"), "alice");
	ck_assert_str_eq(field(evt, "user.homedir"), "/home/alice");
	ck_assert_str_eq(field(evt, "user.shell"), "/bin/zsh");
	ck_assert_str_eq(field(evt, "user.loginuid"), "-1");
	ck_assert_ptr_null(field(evt, "user.loginname"));
	ck_assert_str_eq(field(evt, "group.gid"), "1000");
	ck_assert_str_eq(field(evt, "container.id"), "host");
	ck_assert_str_eq(field(evt, "container.type"), "host");
	ck_assert_ptr_null(field(evt, "container.image"));
	ck_assert_str_eq(field(evt, "thread.ismain"), "true");
}
END_TEST

/* ---- event fields --------------------------------------------------------------------- */

START_TEST(event_arguments_and_results)
{
	struct sinsp_evt *evt;
	int64_t v;
	bool u;

	add_opens();
	open_inspector();
	evt = next();
	ck_assert_str_eq(field(evt, "evt.num"), "1");
	ck_assert_str_eq(field(evt, "evt.dir"), ">");
	ck_assert_str_eq(field(evt, "evt.arg[1]"), "/etc/passwd");
	ck_assert_str_eq(field(evt, "evt.arg.flags"), "O_RDONLY");
	ck_assert_ptr_null(field(evt, "evt.arg[9]"));
	ck_assert_ptr_null(field(evt, "evt.res"));          /* an enter has no result */
	ck_assert_str_eq(field(evt, "evt.failed"), "false");
	ck_assert_ptr_null(field(evt, "evt.abspath"));      /* sysdig: openat exits only */
	evt = next();
	ck_assert_str_eq(field(evt, "evt.abspath"), "/etc/passwd");
	ck_assert_str_eq(field(evt, "evt.type"), "openat");
	ck_assert_str_eq(field(evt, "evt.arg[0]"), "<f>/etc/passwd");
	ck_assert_str_eq(field(evt, "evt.arg.fd"), "<f>/etc/passwd");
	/* sysdig has no text for a raw fd (it stops); filters still get the number */
	ck_assert_ptr_null(field(evt, "evt.rawarg.fd"));
	ck_assert(num(evt, "evt.rawarg.fd", &v, &u));
	ck_assert_int_eq(v, 7);
	ck_assert_str_eq(field(evt, "evt.res"), "SUCCESS");
	ck_assert_str_eq(field(evt, "evt.latency"), "1500");
	ck_assert_str_eq(field(evt, "evt.latency.human"), "1.50us");
	ck_assert_str_eq(field(evt, "evt.reltime"), "000001500");
	ck_assert_str_eq(field(evt, "evt.is_open_read"), "true");
	ck_assert_str_eq(field(evt, "evt.is_open_write"), "false");
	ck_assert_str_eq(field(evt, "evt.count"), "1");
	ck_assert_ptr_null(field(evt, "evt.count.error"));
	/* evt.type.is has no text in sysdig's output, but is 1/0 for filters */
	ck_assert_ptr_null(field(evt, "evt.type.is.openat"));
	ck_assert(num(evt, "evt.type.is.307", &v, &u));
	ck_assert_int_eq(v, 1);
	ck_assert(num(evt, "evt.type.is.306", &v, &u));
	ck_assert_int_eq(v, 0);
	/* by name, the first event type of that name only (as sysdig): not openat's v2 */
	ck_assert(num(evt, "evt.type.is.openat", &v, &u));
	ck_assert_int_eq(v, 0);
	next();
	evt = next();
	ck_assert_str_eq(field(evt, "evt.res"), "ENOENT");
	ck_assert_str_eq(field(evt, "evt.rawres"), "-2");
	ck_assert_str_eq(field(evt, "evt.failed"), "true");
	ck_assert_str_eq(field(evt, "evt.count.error"), "1");
	ck_assert_str_eq(field(evt, "evt.count.error.file"), "1");
	ck_assert_ptr_null(field(evt, "evt.count.error.net"));
	ck_assert_ptr_null(field(evt, "evt.rawarg.res"));   /* openat's result is "fd" */
	ck_assert_str_eq(field(evt, "evt.rawarg.name"), "missing");
	ck_assert_str_eq(field(evt, "evt.abspath"), "/etc/missing");
	ck_assert(num(evt, "evt.rawarg.fd", &v, &u));
	ck_assert_int_eq(v, -2);
	ck_assert(!u);
}
END_TEST

/* ---- fd fields ------------------------------------------------------------------------ */

START_TEST(fd_of_open_and_failed_open)
{
	struct sinsp_evt *evt;

	add_opens();
	open_inspector();
	evt = next();
	ck_assert_ptr_null(field(evt, "fd.name"));          /* openat enter: no fd yet */
	ck_assert_str_eq(field(evt, "fd.typechar"), "f");
	evt = next();
	ck_assert_str_eq(field(evt, "fd.num"), "7");
	ck_assert_str_eq(field(evt, "fd.name"), "/etc/passwd");
	ck_assert_str_eq(field(evt, "fd.directory"), "/etc");
	ck_assert_str_eq(field(evt, "fd.filename"), "passwd");
	ck_assert_str_eq(field(evt, "fd.type"), "file");
	ck_assert_str_eq(field(evt, "fd.uid"), "1007");
	ck_assert_str_eq(field(evt, "fd.containername"), ":/etc/passwd");
	ck_assert_str_eq(field(evt, "fd.containerdirectory"), ":/etc");
	ck_assert_str_eq(field(evt, "fd.name_changed"), "true");
	ck_assert_str_eq(field(evt, "fd.connected"), "false");
	ck_assert_ptr_null(field(evt, "fd.sockfamily"));
	/* sysdig's fd.l4proto of any fd it has: the text "<NA>" (a JSON string, a line printed) */
	ck_assert_str_eq(field(evt, "fd.l4proto"), "<NA>");
	ck_assert_ptr_null(field(evt, "fd.cip"));
	ck_assert_ptr_null(field(evt, "fd.lport"));
	ck_assert_ptr_null(field(evt, "fd.sip.name"));
	next();
	evt = next();
	/* a failed openat relative to a dirfd: sysdig shows the dirfd (the thread's last fd) */
	ck_assert_str_eq(field(evt, "fd.num"), "5");
	ck_assert_str_eq(field(evt, "fd.name"), "/etc");
	ck_assert_str_eq(field(evt, "fd.type"), "directory");
	ck_assert_str_eq(field(evt, "fd.directory"), "/etc");
	ck_assert_ptr_null(field(evt, "fd.filename"));
}
END_TEST

/*
 * Issue 11: the exit of a syscall on an fd not in the table has an empty fd name, so
 * fd.directory is "/"; the UBSan build caught memrchr(NULL, '/', 0) here (the output
 * buffer not allocated yet).
 */
START_TEST(empty_fd_name_directory)
{
	struct sinsp_evt *evt;

	add_evt(SCAP_EVT_SYSCALL_CLOSE_E, 1, P64(9));
	add_evt(SCAP_EVT_SYSCALL_CLOSE_X, 1, P64(0));
	open_inspector();
	next();
	evt = next();
	ck_assert_str_eq(field(evt, "fd.directory"), "/");
	ck_assert_str_eq(field(evt, "fd.num"), "9");
	ck_assert_str_eq(field(evt, "fd.name"), "");
}
END_TEST

/*
 * An empty path argument resolves to its base directory itself (sysdig 0.29.3 prints
 * execveat(3, "", AT_EMPTY_PATH) on /bin/true as pathname=(/bin/true)): the dirfd's
 * name for an FSRELPATH with a dirfd, the cwd with AT_FDCWD; nothing with an unknown dirfd.
 */
START_TEST(empty_path_resolves_to_its_base)
{
	add_evt(SCAP_EVT_SYSCALL_EXECVEAT_E, 3, P64(5), PSTR(""), P32(1));
	add_evt(SCAP_EVT_SYSCALL_OPENAT_2_E, 4, P64(-100), PSTR(""), P32(1), P32(0));
	add_evt(SCAP_EVT_SYSCALL_OPENAT_2_E, 4, P64(9), PSTR(""), P32(1), P32(0));
	add_evt(SCAP_EVT_SYSCALL_OPENAT_2_E, 4, P64(5), PSTR("a/../b"), P32(1), P32(0));
	open_inspector();
	ck_assert_str_eq(field(next(), "evt.args"), "dirfd=5(<d>/etc) pathname=(/etc) flags=1(AT_EMPTY_PATH) ");
	ck_assert_str_eq(field(next(), "evt.args"), "dirfd=-100(AT_FDCWD) name=(/root) flags=1(O_RDONLY) mode=0 ");
	ck_assert_str_eq(field(next(), "evt.args"), "dirfd=9 name= flags=1(O_RDONLY) mode=0 ");
	ck_assert_str_eq(field(next(), "evt.args"), "dirfd=5(<d>/etc) name=a/../b(/etc/b) flags=1(O_RDONLY) mode=0 ");
}
END_TEST

/*
 * A failed openat of an absolute path: sysdig names the fd with the path walked
 * lexically and without its trailing '/' (its argument stays as written).
 */
START_TEST(failed_openat_absolute_name_walked)
{
	struct sinsp_evt *evt;

	add_evt(SCAP_EVT_SYSCALL_OPENAT_2_E, 4, P64(-100), PSTR("/lib/x/../lib/a.so"), P32(1), P32(0));
	add_evt(SCAP_EVT_SYSCALL_OPENAT_2_X, 6, P64(-2), P64(-100), PSTR("/lib/x/../lib/a.so"), P32(1), P32(0), P32(0));
	add_evt(SCAP_EVT_SYSCALL_OPENAT_2_E, 4, P64(-100), PSTR("/etc/d/"), P32(1), P32(0));
	add_evt(SCAP_EVT_SYSCALL_OPENAT_2_X, 6, P64(-2), P64(-100), PSTR("/etc/d/"), P32(1), P32(0), P32(0));
	open_inspector();
	next();
	evt = next();
	ck_assert_str_eq(field(evt, "fd.name"), "/lib/lib/a.so");
	ck_assert_str_eq(field(evt, "evt.arg.name"), "/lib/x/../lib/a.so");
	next();
	ck_assert_str_eq(field(next(), "fd.name"), "/etc/d");
}
END_TEST

START_TEST(numeric_kinds_for_filters)
{
	struct sinsp_evt *evt;
	int64_t v;
	bool u;

	add_opens();
	open_inspector();
	evt = next();
	ck_assert(num(evt, "proc.pid", &v, &u));
	ck_assert_int_eq(v, TID);
	ck_assert(!u);
	ck_assert(num(evt, "user.uid", &v, &u));
	ck_assert_int_eq(v, 1000);
	ck_assert(u);
	ck_assert(num(evt, "user.loginuid", &v, &u));
	ck_assert_int_eq(v, -1);
	ck_assert(!u);
	ck_assert(num(evt, "evt.failed", &v, &u));
	ck_assert_int_eq(v, 0);
	ck_assert(num(evt, "evt.rawtime", &v, &u));
	ck_assert(u);
	ck_assert_uint_eq((uint64_t)v, 1000000000ull * 1700000000ull + 1500);
	ck_assert(!num(evt, "proc.name", &v, &u));          /* text fields have no number */
	ck_assert(!num(evt, "proc.vpid", &v, &u));          /* unresolved */
	ck_assert(!num(evt, "evt.buflen", &v, &u));
}
END_TEST

static bool match_bash(void *ctx, const char *val, size_t len)
{
	(*(int *)ctx)++;
	return len == 4 && memcmp(val, "bash", 4) == 0;
}

START_TEST(any_ancestor_matches)
{
	struct sinsp_evt *evt;
	struct field_ref r;
	int calls = 0;

	add_opens();
	open_inspector();
	evt = next();
	ck_assert_uint_eq(sinsp_field_parse("proc.aname", &r), 10);
	ck_assert_int_eq(sinsp_field_match_any(evt, &r, match_bash, &calls), SINSP_MATCH_YES);
	ck_assert_int_eq(calls, 1);                         /* the parent bash: not the process */
	sinsp_field_ref_free(&r);
}
END_TEST

/* ---- output formats ------------------------------------------------------------------ */

/* The error sinsp_formatter_new() gives for fmt ("" when it compiles). */
static const char *format_error(const char *fmt, enum sinsp_output kind)
{
	struct sinsp_formatter *f = NULL;
	int rc = sinsp_formatter_new(fx.s, fmt, kind, &f);

	sinsp_formatter_free(f);
	if (!rc)
		return "";
	ck_assert_int_eq(rc, -EINVAL);
	return sinsp_last_error(fx.s);
}

START_TEST(format_errors_as_sysdig)
{
	open_inspector();
	/* sysdig's messages, with the byte (from 1) of the field's '%' in the format */
	ck_assert_str_eq(format_error("%evt.num %fd.ip", SINSP_OUTPUT_TEXT),
			 "fd.ip is filter only and cannot be used as a display field (at byte 10)");
	/* the message quotes the format from the field on; the '*' counts */
	ck_assert_str_eq(format_error("*%fd.lnet %evt.num", SINSP_OUTPUT_JSON),
			 "fd.lnet %evt.num is filter only and cannot be used as a display field (at byte 2)");
	ck_assert_str_eq(format_error("%evt.num %fd.port[1]", SINSP_OUTPUT_TEXT),
			 "fd.port[1] is filter only and cannot be used as a display field (at byte 10)");
	ck_assert_str_eq(format_error("%evt.num %nosuch %fd.ip", SINSP_OUTPUT_TEXT),
			 "invalid formatting token nosuch %fd.ip (at byte 10)");
	ck_assert_str_eq(format_error("*%evt.num %proc.nme", SINSP_OUTPUT_TEXT),
			 "invalid formatting token proc.nme (at byte 11)");
	ck_assert_str_eq(format_error("%evt.arg xyz", SINSP_OUTPUT_TEXT),
			 "filter syntax error: evt.arg xyz (at byte 1)");
	ck_assert_str_eq(format_error("%evt.num %evt.around", SINSP_OUTPUT_TEXT),
			 "filter syntax error: evt.around (at byte 10)");
	ck_assert_str_eq(format_error("%evt.num %", SINSP_OUTPUT_TEXT),
			 "invalid formatting syntax: formatting cannot end with a % (at byte 10)");
	/* evt.around with its argument is taken, as sysdig takes it */
	ck_assert_str_eq(format_error("%evt.num %evt.around[1]", SINSP_OUTPUT_TEXT), "");
}
END_TEST

/*
 * A formatter remembers, by event type, the field that did not resolve last (it tries
 * it first next time): over enter events without an fd and exit events with one, one
 * formatter renders each event as a new one does, the skipped and the printed alike.
 */
START_TEST(render_after_unresolved_as_new)
{
	static const char *const fmts[] = { "%evt.num %evt.type %fd.name",
					    "%fd.name %evt.num", "*%evt.num %fd.name" };

	add_opens();
	add_opens();
	open_inspector();
	for (size_t k = 0; k < sizeof(fmts) / sizeof(fmts[0]); k++) {
		struct sinsp_formatter *kept = NULL;
		int skipped = 0;

		ck_assert_int_eq(sinsp_formatter_new(fx.s, fmts[k], SINSP_OUTPUT_TEXT, &kept), 0);
		for (int i = 0; i < 8; i++) {
			struct sinsp_evt *evt = next();
			struct sinsp_formatter *fresh = NULL;
			const char *a, *b;
			int ra, rb;

			ck_assert_int_eq(sinsp_formatter_new(fx.s, fmts[k], SINSP_OUTPUT_TEXT, &fresh), 0);
			ra = sinsp_formatter_render(kept, evt, &a, NULL);
			rb = sinsp_formatter_render(fresh, evt, &b, NULL);
			ck_assert_int_eq(ra, rb);
			if (ra)
				ck_assert_str_eq(a, b);
			skipped += !ra;
			sinsp_formatter_free(fresh);
		}
		sinsp_formatter_free(kept);
		/* the enter events have no fd.name: skipped, except with '*' */
		ck_assert_int_eq(skipped, fmts[k][0] == '*' ? 0 : 4);
		sinsp_close(fx.s);
		fx.s = NULL;
		open_inspector();
	}
}
END_TEST

/* The JSON line of fmt for evt. */
static const char *json_line(struct sinsp_evt *evt, const char *fmt)
{
	struct sinsp_formatter *f = NULL;
	const char *line;

	ck_assert_int_eq(sinsp_formatter_new(fx.s, fmt, SINSP_OUTPUT_JSON, &f), 0);
	ck_assert_int_eq(sinsp_formatter_render(f, evt, &line, NULL), 1);
	strbuf_reset(&fx.out);
	strbuf_adds(&fx.out, line);
	sinsp_formatter_free(f);
	return fx.out.buf;
}

START_TEST(json_keys_as_written)
{
	struct sinsp_evt *evt;

	add_opens();
	add_evt(SCAP_EVT_SYSCALL_CLOSE_E, 1, P64(9));
	add_evt(SCAP_EVT_SYSCALL_CLOSE_X, 1, P64(-9));
	open_inspector();
	next();
	evt = next();
	/* keys as written, in byte order ('.' before '['), each once */
	ck_assert_str_eq(json_line(evt, "*%evt.num %evt.arg[0] %evt.arg.fd %proc.aname[1] %evt.arg[0]"),
			 "{\"evt.arg.fd\":\"<f>/etc/passwd\",\"evt.arg[0]\":\"<f>/etc/passwd\","
			 "\"evt.num\":2,\"proc.aname[1]\":\"bash\"}");
	ck_assert_str_eq(json_line(evt, "*%thread.cgroup.memory %proc.apid[1]"),
			 "{\"proc.apid[1]\":50,\"thread.cgroup.memory\":\"/docker/x\"}");
	/* an evt.type.is that does not end the format has the key "" */
	ck_assert_str_eq(json_line(evt, "*%evt.type.is.open %evt.num %evt.type.is.read"),
			 "{\"\":null,\"evt.num\":2,\"evt.type.is.read\":null}");
	ck_assert_str_eq(json_line(evt, "*%evt.type.is.open"), "{\"evt.type.is.open\":null}");
	ck_assert_str_eq(json_line(evt, "*%evt.type.is.open x"), "{\"\":null}");
	/* evt.rawarg: text parameters are strings, numeric ones numbers */
	ck_assert_str_eq(json_line(evt, "*%evt.rawarg.name %evt.rawarg.res"),
			 "{\"evt.rawarg.name\":\"/etc/passwd\",\"evt.rawarg.res\":null}");
	next();
	next();
	next();
	evt = next();
	ck_assert_str_eq(json_line(evt, "*%evt.rawarg.res %evt.rawarg.name"),
			 "{\"evt.rawarg.name\":null,\"evt.rawarg.res\":-9}");
}
END_TEST

/* Addresses render as inet_ntop() writes them: every pattern of zero and non-zero
 * groups (zero runs, ties, the IPv4-compatible and -mapped forms), small and large
 * group values, IPv4 bytes 0..255. */
START_TEST(addresses_as_inet_ntop)
{
	static const uint16_t vals[] = { 1, 0xffff, 0x0a0b, 0xab, 0xc00, 0x8000 };
	struct strbuf b = { 0 };
	char want[INET6_ADDRSTRLEN];
	uint8_t ip[16];
	unsigned mask, v, i;

	for (mask = 0; mask < 256; mask++) {
		for (v = 0; v < sizeof(vals) / sizeof(vals[0]); v++) {
			for (i = 0; i < 8; i++) {
				uint16_t w = (mask >> i) & 1 ? (uint16_t)(vals[(v + i) % 6] + i) : 0;

				ip[2 * i] = (uint8_t)(w >> 8);
				ip[2 * i + 1] = (uint8_t)w;
			}
			if (mask == 0x20 || mask == 0xe0)  /* ::ffff:x.y / ::ffff:a.b.c.d */
				ip[10] = ip[11] = 0xff;
			strbuf_reset(&b);
			sinsp_render_ipv6(&b, ip);
			ck_assert_ptr_nonnull(inet_ntop(AF_INET6, ip, want, sizeof(want)));
			ck_assert_str_eq(b.buf ? b.buf : "", want);
		}
	}
	for (v = 0; v < 256; v++) {
		uint32_t ip4;

		memcpy(&ip4, (uint8_t[]){ (uint8_t)v, 0, (uint8_t)(255 - v), 10 }, 4);
		strbuf_reset(&b);
		sinsp_render_ipv4(&b, ip4);
		ck_assert_ptr_nonnull(inet_ntop(AF_INET, &ip4, want, sizeof(want)));
		ck_assert_str_eq(b.buf, want);
	}
	strbuf_free(&b);
}
END_TEST

/* ---- issue 12's last fillers ------------------------------------------------------ */

/* quotactl: command, type and format bits by name; limits, times (relative, in seconds)
 * and dqi_flags as the drivers write a Q_SETQUOTA, a Q_QUOTAON and a Q_GETFMT. */
START_TEST(quotactl_args)
{
	add_evt(SCAP_EVT_SYSCALL_QUOTACTL_E, 4, P16(0x40), P8(2), P32(1234), P8(1));
	add_evt(SCAP_EVT_SYSCALL_QUOTACTL_X, 14, P64(-2), PSTR("/dev/sdb1"), PSTR(""), P64(100),
		P64(90), P64(5), P64(10), P64(9), P64(1500000000), P64(2000000000), P64(0), P64(0),
		P8(0), P8(1));
	add_evt(SCAP_EVT_SYSCALL_QUOTACTL_E, 4, P16(0x1), P8(1), P32(0), P8(4));
	add_evt(SCAP_EVT_SYSCALL_QUOTACTL_X, 14, P64(0), PSTR("/dev/sdb1"),
		PSTR("/mnt/aquota.user"), P64(0), P64(0), P64(0), P64(0), P64(0), P64(0), P64(0),
		P64(3600000000000), P64(7200000000000), P8(1), P8(1));
	add_evt(SCAP_EVT_SYSCALL_QUOTACTL_E, 4, P16(0x80), P8(1), P32(0), P8(1));
	add_evt(SCAP_EVT_SYSCALL_QUOTACTL_X, 14, P64(0), PSTR("(NULL)"), PSTR(""), P64(0), P64(0),
		P64(0), P64(0), P64(0), P64(0), P64(0), P64(0), P64(0), P8(0), P8(8));
	open_inspector();
	ck_assert_str_eq(field(next(), "evt.args"),
			 "cmd=64(Q_SETQUOTA) type=2(GRPQUOTA) id=1234 quota_fmt=1(QFMT_NOT_USED) ");
	ck_assert_str_eq(field(next(), "evt.args"),
			 "res=-2(ENOENT) special=/dev/sdb1 quotafilepath= dqb_bhardlimit=100 "
			 "dqb_bsoftlimit=90 dqb_curspace=5 dqb_ihardlimit=10 dqb_isoftlimit=9 "
			 "dqb_btime=1500000000(1.5s) dqb_itime=2000000000(2s) dqi_bgrace=0(0s) "
			 "dqi_igrace=0(0s) dqi_flags=0 quota_fmt_out=1(QFMT_NOT_USED) ");
	ck_assert_str_eq(field(next(), "evt.args"),
			 "cmd=1(Q_QUOTAON) type=1(USRQUOTA) id=0 quota_fmt=4(QFMT_VFS_V0) ");
	ck_assert_str_eq(field(next(), "evt.args"),
			 "res=0 special=/dev/sdb1 quotafilepath=/mnt/aquota.user dqb_bhardlimit=0 "
			 "dqb_bsoftlimit=0 dqb_curspace=0 dqb_ihardlimit=0 dqb_isoftlimit=0 "
			 "dqb_btime=0(0s) dqb_itime=0(0s) dqi_bgrace=3600000000000(3600s) "
			 "dqi_igrace=7200000000000(7200s) dqi_flags=1(DQF_NONE) "
			 "quota_fmt_out=1(QFMT_NOT_USED) ");
	ck_assert_str_eq(field(next(), "evt.args"),
			 "cmd=128(Q_SYNC) type=1(USRQUOTA) id=0 quota_fmt=1(QFMT_NOT_USED) ");
	ck_assert_str_eq(field(next(), "evt.args"),
			 "res=0 special=(NULL) quotafilepath= dqb_bhardlimit=0 dqb_bsoftlimit=0 "
			 "dqb_curspace=0 dqb_ihardlimit=0 dqb_isoftlimit=0 dqb_btime=0(0s) "
			 "dqb_itime=0(0s) dqi_bgrace=0(0s) dqi_igrace=0(0s) dqi_flags=0 "
			 "quota_fmt_out=8(QFMT_VFS_V1) ");
}
END_TEST

/* io_uring_enter and io_uring_register: flags by name, the opcode by its one name (an
 * enumeration; none for an opcode the table lacks), the signal set by the names of its
 * signals, the fd of the ring. */
START_TEST(io_uring_args)
{
	add_evt(SCAP_EVT_SYSCALL_IO_URING_ENTER_E, 0);
	add_evt(SCAP_EVT_SYSCALL_IO_URING_ENTER_X, 6, P64(0), P64(7), P32(2), P32(1), P32(0x9),
		P32((1u << 9) | (1u << 14)));
	add_evt(SCAP_EVT_SYSCALL_IO_URING_REGISTER_E, 0);
	add_evt(SCAP_EVT_SYSCALL_IO_URING_REGISTER_X, 5, P64(-6), P64(7), P16(1), P64(0), P32(0));
	add_evt(SCAP_EVT_SYSCALL_IO_URING_REGISTER_E, 0);
	add_evt(SCAP_EVT_SYSCALL_IO_URING_REGISTER_X, 5, P64(0), P64(7), P16(4),
		P64(0x7ffc0010), P32(1));
	add_evt(SCAP_EVT_SYSCALL_IO_URING_REGISTER_E, 0);
	add_evt(SCAP_EVT_SYSCALL_IO_URING_REGISTER_X, 5, P64(0), P64(7), P16(0x13), P64(0), P32(2));
	add_evt(SCAP_EVT_SYSCALL_IO_URING_REGISTER_E, 0);
	add_evt(SCAP_EVT_SYSCALL_IO_URING_REGISTER_X, 5, P64(-22), P64(7), P16(0x30), P64(0), P32(0));
	open_inspector();
	ck_assert_str_eq(field(next(), "evt.type"), "io_uring_enter");
	ck_assert_str_eq(field(next(), "evt.args"),
			 "res=0 fd=7 to_submit=2 min_complete=1 "
			 "flags=9(IORING_ENTER_GETEVENTS|IORING_ENTER_EXT_ARG) sig=SIGUSR1 SIGTERM ");
	next();
	ck_assert_str_eq(field(next(), "evt.args"),
			 "res=-6(ENXIO) fd=7 opcode=1(IORING_UNREGISTER_BUFFERS) arg=0 nr_args=0 ");
	next();
	ck_assert_str_eq(field(next(), "evt.args"),
			 "res=0 fd=7 opcode=4(IORING_REGISTER_EVENTFD) arg=7FFC0010 nr_args=1 ");
	/* an enumeration: 0x13 is one opcode, not the bits of 1, 2 and 0x10 */
	next();
	ck_assert_str_eq(field(next(), "evt.args"),
			 "res=0 fd=7 opcode=19(IORING_REGISTER_IOWQ_MAX_WORKERS) arg=0 nr_args=2 ");
	next();
	ck_assert_str_eq(field(next(), "evt.args"), "res=-22(EINVAL) fd=7 opcode=48 arg=0 nr_args=0 ");
}
END_TEST

/* fsconfig: the command by name, key, the value as a string or as bytes (the other one
 * empty: NULL as an empty string parameter prints), aux. */
START_TEST(fsconfig_args)
{
	static const unsigned char blob[] = { 'x', 'y', 0x01 };

	add_evt(SCAP_EVT_SYSCALL_FSCONFIG_E, 0);
	add_evt(SCAP_EVT_SYSCALL_FSCONFIG_X, 7, P64(0), P64(3), P32(1), PSTR("size"), PBUF("", 0),
		PSTR("1m"), P32(0));
	add_evt(SCAP_EVT_SYSCALL_FSCONFIG_E, 0);
	add_evt(SCAP_EVT_SYSCALL_FSCONFIG_X, 7, P64(0), P64(3), P32(2), PSTR("blob"),
		PBUF(blob, 3), PBUF("", 0), P32(3));
	add_evt(SCAP_EVT_SYSCALL_FSCONFIG_E, 0);
	add_evt(SCAP_EVT_SYSCALL_FSCONFIG_X, 7, P64(0), P64(3), P32(6), PSTR("(NULL)"),
		PBUF("", 0), PBUF("", 0), P32(0));
	open_inspector();
	next();
	ck_assert_str_eq(field(next(), "evt.args"),
			 "res=0 fd=3 cmd=1(FSCONFIG_SET_STRING) key=size value_bytebuf= "
			 "value_charbuf=1m aux=0 ");
	next();
	ck_assert_str_eq(field(next(), "evt.args"),
			 "res=0 fd=3 cmd=2(FSCONFIG_SET_BINARY) key=blob value_bytebuf=xy. "
			 "value_charbuf=NULL aux=3 ");
	next();
	ck_assert_str_eq(field(next(), "evt.args"),
			 "res=0 fd=3 cmd=6(FSCONFIG_CMD_CREATE) key=(NULL) value_bytebuf= "
			 "value_charbuf=NULL aux=0 ");
}
END_TEST

/* process_vm_readv/writev: the bytes moved, the other process. */
START_TEST(process_vm_args)
{
	add_evt(SCAP_EVT_SYSCALL_PROCESS_VM_READV_E, 0);
	add_evt(SCAP_EVT_SYSCALL_PROCESS_VM_READV_X, 3, P64(8), P64(4242), PBUF("procvmrd", 8));
	add_evt(SCAP_EVT_SYSCALL_PROCESS_VM_WRITEV_E, 0);
	add_evt(SCAP_EVT_SYSCALL_PROCESS_VM_WRITEV_X, 3, P64(-3), P64(4243), PBUF("", 0));
	open_inspector();
	next();
	ck_assert_str_eq(field(next(), "evt.args"), "res=8 pid=4242 data=procvmrd ");
	next();
	ck_assert_str_eq(field(next(), "evt.args"), "res=-3 pid=4243 data= ");
}
END_TEST

/* open_by_handle_at: its exit stands alone (no enter parameters) and creates the fd,
 * named by the path the drivers read from the new descriptor; dev and ino (schema 1.1). */
START_TEST(open_by_handle_at_creates_fd)
{
	struct sinsp_evt *evt;

	add_evt(SCAP_EVT_SYSCALL_OPEN_BY_HANDLE_AT_E, 0);
	add_evt(SCAP_EVT_SYSCALL_OPEN_BY_HANDLE_AT_X, 6, P64(9), P64(4), P32(1),
		PSTR("/tmp/scry_h"), P32(0x801), P64(1234567));
	add_evt(SCAP_EVT_SYSCALL_CLOSE_E, 1, P64(9));
	open_inspector();
	next();
	evt = next();
	ck_assert_str_eq(field(evt, "evt.args"),
			 "fd=9(<f>/tmp/scry_h) mountfd=4 flags=1(O_RDONLY) path=/tmp/scry_h "
			 "dev=801 ino=1234567 ");
	ck_assert_str_eq(field(evt, "fd.name"), "/tmp/scry_h");
	evt = next();
	ck_assert_str_eq(field(evt, "fd.name"), "/tmp/scry_h");
	ck_assert_str_eq(field(evt, "fd.typechar"), "f");
}
END_TEST

static Suite *fields_suite(void)
{
	Suite *s = suite_create("fields");
	TCase *tc = tcase_create("catalog");

	tcase_add_test(tc, parse_names_and_arguments);
	tcase_add_test(tc, catalog_kinds_and_types);
	suite_add_tcase(s, tc);

	tc = tcase_create("extract");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, process_ancestors_and_args);
	tcase_add_test(tc, event_arguments_and_results);
	tcase_add_test(tc, fd_of_open_and_failed_open);
	tcase_add_test(tc, empty_path_resolves_to_its_base);
	tcase_add_test(tc, empty_fd_name_directory);
	tcase_add_test(tc, failed_openat_absolute_name_walked);
	tcase_add_test(tc, numeric_kinds_for_filters);
	tcase_add_test(tc, any_ancestor_matches);
	suite_add_tcase(s, tc);

	tc = tcase_create("format");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, format_errors_as_sysdig);
	tcase_add_test(tc, json_keys_as_written);
	tcase_add_test(tc, render_after_unresolved_as_new);
	tcase_add_test(tc, addresses_as_inet_ntop);
	suite_add_tcase(s, tc);

	tc = tcase_create("syscalls");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, quotactl_args);
	tcase_add_test(tc, io_uring_args);
	tcase_add_test(tc, fsconfig_args);
	tcase_add_test(tc, process_vm_args);
	tcase_add_test(tc, open_by_handle_at_creates_fd);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(fields_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_api_fields.c - the public typed API of fields and events (sinsp_fields.h,
 * sinsp_evt.h) on synthetic events fed through the test_input engine: the catalog,
 * every value type, absent values, argument fields, compile errors, the sysdig
 * compatibility setting, event views and typed parameters. Only public headers.
 */
#include <check.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <scry/scap.h>
#include <scry/sinsp.h>
#include <scry/sinsp_evt.h>
#include <scry/sinsp_fields.h>

#include "evt_builder.h"

#define TID 100
#define TS0 (1000000000ull * 1700000000ull)
#define STEP 1500ull
#define TTY 34817u /* /dev/pts/1: major 136, minor 1 */

struct fixture {
	struct evt_builder eb;               /* thread TID, STEP ns apart from TS0 */
	struct scap_threadinfo threads[4];   /* init(1) <- bash(50) <- test(100, + thread 101) */
	struct scap_fdinfo fds[1];
	sinsp_t *s;
	struct sinsp_evt *evt;
};

static struct fixture fx;

#define add_evt(...) eb_add(&fx.eb, __VA_ARGS__)

static void set_thread(struct scap_threadinfo *t, uint64_t tid, uint64_t pid, uint64_t ptid,
		       const char *comm)
{
	t->tid = tid;
	t->pid = pid;
	t->ptid = ptid;
	t->sid = 50;
	t->vtid = t->vpid = -1;
	strcpy(t->comm, comm);
	strcpy(t->exe, comm);
	strcpy(t->cwd, "/root/");
	t->fdlimit = 1024;
	t->loginuid = UINT32_MAX;
}

/* The process list, then the events of the tests (all of thread TID). */
static void open_inspector(bool compat)
{
	static const char args[] = "-v\0x";
	uint8_t t4[13] = { SCAP_AF_INET, 10, 0, 0, 1, 0x40, 0x9c, 93, 184, 216, 34, 80, 0 };
	uint8_t t6[37] = { SCAP_AF_INET6, 0x20, 0x01, 0x0d, 0xb8 };

	set_thread(&fx.threads[0], 1, 1, 0, "init");
	set_thread(&fx.threads[1], 50, 50, 1, "bash");
	set_thread(&fx.threads[2], TID, TID, 50, "test");
	set_thread(&fx.threads[3], TID + 1, TID, 50, "test");
	memcpy(fx.threads[2].args, args, sizeof(args));
	fx.threads[2].args_len = sizeof(args);
	fx.threads[2].uid = 1000;
	fx.threads[2].gid = 1000;
	fx.threads[2].tty = TTY;
	fx.threads[2].vtid = 7;
	fx.fds[0].fd = 5;
	fx.fds[0].type = SCAP_FD_DIRECTORY;
	strcpy(fx.fds[0].name, "/etc");
	fx.threads[2].nfds = 1;
	fx.threads[2].fds = fx.fds;
	fx.eb.state.threads = fx.threads;
	fx.eb.state.nthreads = 4;

	/* 1, 2: openat(AT_FDCWD, "/etc/passwd", O_RDONLY) = 7 */
	add_evt(SCAP_EVT_SYSCALL_OPENAT_2_E, 4, P64(-100), PSTR("/etc/passwd"), P32(1), P32(0));
	add_evt(SCAP_EVT_SYSCALL_OPENAT_2_X, 6, P64(7), P64(-100), PSTR("/etc/passwd"), P32(1),
		P32(0), P32(0));
	/* 3..6: socket(AF_INET, SOCK_STREAM) = 3; connect 10.0.0.1:40000 -> 93.184.216.34:80 */
	add_evt(SCAP_EVT_SOCKET_SOCKET_E, 3, P32(SCAP_AF_INET), P32(1), P32(0));
	add_evt(SCAP_EVT_SOCKET_SOCKET_X, 1, P64(3));
	add_evt(SCAP_EVT_SOCKET_CONNECT_E, 2, P64(3), PBUF("", 0));
	add_evt(SCAP_EVT_SOCKET_CONNECT_X, 2, P64(0), PBUF(t4, sizeof(t4)));
	/* 7, 8: write(3, "hello", 5) = 5 */
	add_evt(SCAP_EVT_SYSCALL_WRITE_E, 2, P64(3), P32(5));
	add_evt(SCAP_EVT_SYSCALL_WRITE_X, 2, P64(5), PBUF("hello", 5));
	/* 9, 10: access(), a generic syscall event */
	add_evt(SCAP_EVT_GENERIC_E, 2, P16(SCAP_SC_ACCESS), P16(21));
	add_evt(SCAP_EVT_GENERIC_X, 1, P16(SCAP_SC_ACCESS));
	/* 11..14: socket(AF_INET6) = 4; connect [2001:db8::1]:5000 -> [2001:db8::2]:443 */
	t6[16] = 1;
	t6[17] = 0x88; /* 5000 little endian */
	t6[18] = 0x13;
	memcpy(t6 + 19, (const uint8_t[]){ 0x20, 0x01, 0x0d, 0xb8 }, 4);
	t6[34] = 2;
	t6[35] = 0xbb; /* 443 */
	t6[36] = 0x01;
	add_evt(SCAP_EVT_SOCKET_SOCKET_E, 3, P32(SCAP_AF_INET6), P32(1), P32(0));
	add_evt(SCAP_EVT_SOCKET_SOCKET_X, 1, P64(4));
	add_evt(SCAP_EVT_SOCKET_CONNECT_E, 2, P64(4), PBUF("", 0));
	add_evt(SCAP_EVT_SOCKET_CONNECT_X, 2, P64(0), PBUF(t6, sizeof(t6)));
	fx.eb.compat_sysdig_0_29 = compat;
	fx.s = eb_open(&fx.eb);
}

/* Advance to event number n (from 1). */
static struct sinsp_evt *to_evt(uint64_t n)
{
	while (!fx.evt || sinsp_evt_num(fx.evt) < n)
		ck_assert_int_eq(sinsp_next(fx.s, &fx.evt), 0);
	ck_assert_uint_eq(sinsp_evt_num(fx.evt), n);
	return fx.evt;
}

/* The value of field name for the current event; returns sinsp_field_extract_value(). */
static int value(const char *name, struct sinsp_value *v)
{
	struct sinsp_field *f = NULL;
	int rc;

	ck_assert_msg(sinsp_field_compile(fx.s, name, &f) == 0, "compile %s: %s", name,
		      sinsp_last_error(fx.s));
	memset(v, 0xa5, sizeof(*v));
	v->sz = sizeof(*v);
	rc = sinsp_field_extract_value(f, fx.evt, v);
	/* strings point into the handle: check them before it is freed */
	if (rc == 1 && v->type == SINSP_VALUE_STRING)
		ck_assert_uint_eq(strlen(v->u.str), v->len);
	sinsp_field_free(f);
	return rc;
}

/* The string value of name for the current event (copied), NULL when absent. */
static char *str_value(const char *name)
{
	struct sinsp_field *f = NULL;
	struct sinsp_value v = { .sz = sizeof(v) };
	char *out = NULL;

	ck_assert_int_eq(sinsp_field_compile(fx.s, name, &f), 0);
	if (sinsp_field_extract_value(f, fx.evt, &v) == 1) {
		ck_assert_int_eq(v.type, SINSP_VALUE_STRING);
		out = strdup(v.u.str);
	}
	sinsp_field_free(f);
	return out;
}

#define ASSERT_STR_FIELD(name, want)                        \
	do {                                                \
		char *got_ = str_value(name);               \
		ck_assert_ptr_nonnull(got_);                \
		ck_assert_str_eq(got_, want);               \
		free(got_);                                 \
	} while (0)

static void setup(void)
{
	memset(&fx, 0, sizeof(fx));
	fx.eb.tid = TID;
	fx.eb.ts0 = TS0;
	fx.eb.ts_step = STEP;
}

static void teardown(void)
{
	eb_free(&fx.eb);
}

/* ---- catalog ----------------------------------------------------------------------- */

START_TEST(catalog_count_types_flags)
{
	const struct sinsp_field_info *fi;
	size_t i, n = sinsp_field_count();

	ck_assert_uint_gt(n, 150);
	ck_assert_ptr_null(sinsp_field_info_get(n));
	for (i = 0; i < n; i++) {
		fi = sinsp_field_info_get(i);
		ck_assert_ptr_nonnull(fi);
		ck_assert_ptr_nonnull(fi->name);
		ck_assert_ptr_nonnull(fi->desc);
		ck_assert_int_ne(fi->type, SINSP_VALUE_NONE);
		ck_assert_str_ne(sinsp_value_type_name(fi->type), "unknown");
		ck_assert(fi->takes_arg == !!(fi->flags & SINSP_FIELD_F_ARG));
		ck_assert_ptr_eq(sinsp_field_info_find(fi->name), fi);
	}
	ck_assert_int_eq(sinsp_field_info_find("proc.pid")->type, SINSP_VALUE_PID);
	ck_assert_int_eq(sinsp_field_info_find("thread.vtid")->type, SINSP_VALUE_PID);
	ck_assert_int_eq(sinsp_field_info_find("fd.num")->type, SINSP_VALUE_FD);
	ck_assert_int_eq(sinsp_field_info_find("fd.cip")->type, SINSP_VALUE_IPADDR);
	ck_assert_int_eq(sinsp_field_info_find("fd.cnet")->type, SINSP_VALUE_IPNET);
	ck_assert_int_eq(sinsp_field_info_find("fd.sport")->type, SINSP_VALUE_PORT);
	ck_assert_int_eq(sinsp_field_info_find("evt.rawtime")->type, SINSP_VALUE_ABSTIME);
	ck_assert_int_eq(sinsp_field_info_find("evt.rawtime.s")->type, SINSP_VALUE_UINT);
	ck_assert_int_eq(sinsp_field_info_find("evt.latency")->type, SINSP_VALUE_RELTIME);
	ck_assert_int_eq(sinsp_field_info_find("evt.buffer")->type, SINSP_VALUE_BYTES);
	ck_assert_int_eq(sinsp_field_info_find("evt.arg")->type, SINSP_VALUE_DYNAMIC);
	ck_assert_int_eq(sinsp_field_info_find("proc.fdusage")->type, SINSP_VALUE_DOUBLE);
	ck_assert_int_eq(sinsp_field_info_find("evt.failed")->type, SINSP_VALUE_BOOL);
	ck_assert_int_eq(sinsp_field_info_find("proc.name")->type, SINSP_VALUE_STRING);
	ck_assert_int_eq(sinsp_field_info_find("evt.rawres")->type, SINSP_VALUE_INT);
	ck_assert_int_eq(sinsp_field_info_find("user.uid")->type, SINSP_VALUE_UINT);
	/* flags */
	fi = sinsp_field_info_find("thread.cgroup");
	ck_assert_uint_eq(fi->flags & (SINSP_FIELD_F_ARG | SINSP_FIELD_F_ARG_REQUIRED | SINSP_FIELD_F_ARG_DOT),
			  SINSP_FIELD_F_ARG | SINSP_FIELD_F_ARG_REQUIRED | SINSP_FIELD_F_ARG_DOT);
	ck_assert(sinsp_field_info_find("proc.aname")->flags & SINSP_FIELD_F_ARG_BRACKET);
	ck_assert(!(sinsp_field_info_find("proc.aname")->flags & SINSP_FIELD_F_ARG_REQUIRED));
	ck_assert(sinsp_field_info_find("fd.cnet")->flags & SINSP_FIELD_F_FILTER_ONLY);
	ck_assert(!(sinsp_field_info_find("fd.cnet")->flags & SINSP_FIELD_F_MULTI));
	ck_assert(sinsp_field_info_find("fd.ip")->flags & SINSP_FIELD_F_MULTI);
	ck_assert(!(sinsp_field_info_find("proc.name")->flags));
	/* names with arguments find their field */
	ck_assert_ptr_eq(sinsp_field_info_find("proc.aname[2]"), sinsp_field_info_find("proc.aname"));
	ck_assert_ptr_eq(sinsp_field_info_find("evt.arg.fd"), sinsp_field_info_find("evt.arg"));
	ck_assert_ptr_null(sinsp_field_info_find("proc.nope"));
	ck_assert_ptr_null(sinsp_field_info_find("proc.name x"));
	ck_assert_ptr_null(sinsp_field_info_find(NULL));
	ck_assert_str_eq(sinsp_value_type_name(SINSP_VALUE_IPV6NET), "ipv6net");
	ck_assert_str_eq(sinsp_value_type_name((enum sinsp_value_type)99), "unknown");
}
END_TEST

START_TEST(compile_errors)
{
	struct sinsp_field *f = (struct sinsp_field *)&fx; /* must be reset to NULL */

	open_inspector(false);
	ck_assert_int_eq(sinsp_field_compile(fx.s, "proc.nope", &f), -EINVAL);
	ck_assert_ptr_null(f);
	ck_assert_ptr_nonnull(strstr(sinsp_last_error(fx.s), "proc.nope"));
	ck_assert_int_eq(sinsp_field_compile(fx.s, "proc.name x", &f), -EINVAL);
	ck_assert_int_eq(sinsp_field_compile(fx.s, "thread.cgroup", &f), -EINVAL);
	ck_assert_int_eq(sinsp_field_compile(fx.s, "evt.around[abc]", &f), -EINVAL);
	ck_assert_int_eq(sinsp_field_compile(fx.s, "fd.ip", &f), -ENOTSUP);
	ck_assert_int_eq(sinsp_field_compile(fx.s, "fd.port", &f), -ENOTSUP);
	ck_assert_int_eq(sinsp_field_compile(NULL, "proc.name", &f), -EINVAL);
	ck_assert_int_eq(sinsp_field_compile(fx.s, NULL, &f), -EINVAL);
	ck_assert_int_eq(sinsp_field_compile(fx.s, "proc.name", NULL), -EINVAL);
	ck_assert_int_eq(sinsp_field_compile(fx.s, "proc.aname[2]", &f), 0);
	ck_assert_str_eq(sinsp_field_describe(f)->name, "proc.aname");
	sinsp_field_free(f);
	sinsp_field_free(NULL);
}
END_TEST

/* ---- every value type ----------------------------------------------------------------- */

START_TEST(value_types)
{
	struct sinsp_value v;

	open_inspector(false);
	to_evt(2); /* openat exit = 7 */
	ck_assert_int_eq(value("proc.name", &v), 1);
	ck_assert_int_eq(v.type, SINSP_VALUE_STRING);
	ck_assert_uint_eq(v.len, 4);
	ASSERT_STR_FIELD("proc.name", "test");
	ASSERT_STR_FIELD("fd.name", "/etc/passwd");
	ASSERT_STR_FIELD("proc.args", "-v x");
	ASSERT_STR_FIELD("evt.type", "openat");

	ck_assert_int_eq(value("evt.rawres", &v), 1);
	ck_assert_int_eq(v.type, SINSP_VALUE_INT);
	ck_assert_int_eq(v.u.s64, 7);
	ck_assert_int_eq(value("evt.cpu", &v), 1);
	ck_assert_int_eq(v.type, SINSP_VALUE_INT);
	ck_assert_int_eq(value("user.uid", &v), 1);
	ck_assert_int_eq(v.type, SINSP_VALUE_UINT);
	ck_assert_uint_eq(v.u.u64, 1000);
	ck_assert_int_eq(value("evt.count", &v), 1);
	ck_assert_int_eq(v.type, SINSP_VALUE_UINT);
	ck_assert_uint_eq(v.u.u64, 1);
	ck_assert_int_eq(value("evt.failed", &v), 1);
	ck_assert_int_eq(v.type, SINSP_VALUE_BOOL);
	ck_assert(!v.u.b);
	ck_assert_int_eq(value("thread.ismain", &v), 1);
	ck_assert_int_eq(v.type, SINSP_VALUE_BOOL);
	ck_assert(v.u.b);
	ck_assert_int_eq(value("proc.fdusage", &v), 1);
	ck_assert_int_eq(v.type, SINSP_VALUE_DOUBLE);
	/* fds 5 and 7 of a limit of 1024 */
	ck_assert_double_eq_tol(v.u.d, 200.0 / 1024.0, 1e-9);
	ck_assert_int_eq(value("evt.rawtime", &v), 1);
	ck_assert_int_eq(v.type, SINSP_VALUE_ABSTIME);
	ck_assert_uint_eq(v.u.u64, TS0 + 2 * STEP);
	ck_assert_int_eq(value("evt.rawtime.s", &v), 1);
	ck_assert_int_eq(v.type, SINSP_VALUE_UINT);
	ck_assert_uint_eq(v.u.u64, 1700000000ull);
	ck_assert_int_eq(value("evt.latency", &v), 1);
	ck_assert_int_eq(v.type, SINSP_VALUE_RELTIME);
	ck_assert_uint_eq(v.u.u64, STEP);
	ck_assert_int_eq(value("evt.reltime", &v), 1);
	ck_assert_int_eq(v.type, SINSP_VALUE_RELTIME);
	ck_assert_uint_eq(v.u.u64, STEP);
	ck_assert_int_eq(value("fd.num", &v), 1);
	ck_assert_int_eq(v.type, SINSP_VALUE_FD);
	ck_assert_int_eq(v.u.s64, 7);
	ck_assert_int_eq(value("proc.pid", &v), 1);
	ck_assert_int_eq(v.type, SINSP_VALUE_PID);
	ck_assert_int_eq(v.u.s64, TID);
	ck_assert_int_eq(value("thread.vtid", &v), 1);
	ck_assert_int_eq(v.type, SINSP_VALUE_PID);
	ck_assert_int_eq(v.u.s64, 7);

	to_evt(6); /* connect exit: 10.0.0.1:40000 -> 93.184.216.34:80 */
	ck_assert_int_eq(value("fd.cip", &v), 1);
	ck_assert_int_eq(v.type, SINSP_VALUE_IPV4);
	ck_assert_mem_eq(v.u.ipv4, ((const uint8_t[]){ 10, 0, 0, 1 }), 4);
	ck_assert_int_eq(value("fd.sip", &v), 1);
	ck_assert_mem_eq(v.u.ipv4, ((const uint8_t[]){ 93, 184, 216, 34 }), 4);
	ck_assert_int_eq(value("fd.snet", &v), 1);
	ck_assert_int_eq(v.type, SINSP_VALUE_IPV4NET);
	ck_assert_mem_eq(v.u.ipv4net.addr, ((const uint8_t[]){ 93, 184, 216, 34 }), 4);
	ck_assert_uint_eq(v.u.ipv4net.prefix_len, 32);
	ck_assert_int_eq(value("fd.sport", &v), 1);
	ck_assert_int_eq(v.type, SINSP_VALUE_PORT);
	ck_assert_uint_eq(v.u.u64, 80);
	ck_assert_int_eq(value("fd.cport", &v), 1);
	ck_assert_uint_eq(v.u.u64, 40000);
	ASSERT_STR_FIELD("fd.l4proto", "tcp");

	to_evt(8); /* write exit: "hello" */
	ck_assert_int_eq(value("evt.buffer", &v), 1);
	ck_assert_int_eq(v.type, SINSP_VALUE_BYTES);
	ck_assert_uint_eq(v.len, 5);
	ck_assert_mem_eq(v.u.bytes, "hello", 5);
	ck_assert_int_eq(value("evt.buflen", &v), 1);
	ck_assert_int_eq(v.type, SINSP_VALUE_UINT);
	ck_assert_uint_eq(v.u.u64, 5);

	to_evt(14); /* IPv6 connect exit */
	ck_assert_int_eq(value("fd.cip", &v), 1);
	ck_assert_int_eq(v.type, SINSP_VALUE_IPV6);
	ck_assert_mem_eq(v.u.ipv6, ((const uint8_t[]){ 0x20, 1, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 }), 16);
	ck_assert_int_eq(value("fd.cnet", &v), 1);
	ck_assert_int_eq(v.type, SINSP_VALUE_IPV6NET);
	ck_assert_uint_eq(v.u.ipv6net.prefix_len, 128);
	ck_assert_uint_eq(v.u.ipv6net.addr[15], 1);
	ck_assert_int_eq(value("fd.sport", &v), 1);
	ck_assert_uint_eq(v.u.u64, 443);
	ck_assert_int_eq(value("fd.cport", &v), 1);
	ck_assert_uint_eq(v.u.u64, 5000);
}
END_TEST

/* ---- absent values and arguments ------------------------------------------------------ */

START_TEST(absent_values)
{
	struct sinsp_value v;

	open_inspector(false);
	to_evt(9); /* access enter: no fd */
	ck_assert_int_eq(value("fd.cip", &v), 0);
	ck_assert_int_eq(v.type, SINSP_VALUE_NONE);
	ck_assert_uint_eq(v.len, 0);
	ck_assert_int_eq(value("fd.num", &v), 0);
	ck_assert_int_eq(value("evt.arg.fd", &v), 0);
	ck_assert_int_eq(value("evt.arg[5]", &v), 0);
	ck_assert_int_eq(value("evt.buffer", &v), 0);
	ck_assert_int_eq(value("proc.aname[3]", &v), 0);  /* beyond init */
	ck_assert_int_eq(value("thread.cgroup.cpu", &v), 0);
	ck_assert_int_eq(value("evt.latency", &v), 1);    /* an enter event has latency 0 */
	ck_assert_uint_eq(v.u.u64, 0);
}
END_TEST

START_TEST(argument_fields)
{
	struct sinsp_value v;

	open_inspector(false);
	to_evt(2); /* openat exit: fd=7 dirfd=-100 name=/etc/passwd flags=1 mode=0 dev=0 */
	ASSERT_STR_FIELD("proc.aname[0]", "test");
	ASSERT_STR_FIELD("proc.aname[1]", "bash");
	ASSERT_STR_FIELD("proc.aname[2]", "init");
	ASSERT_STR_FIELD("proc.aname", "test");
	ck_assert_int_eq(value("proc.apid[1]", &v), 1);
	ck_assert_int_eq(v.type, SINSP_VALUE_PID);
	ck_assert_int_eq(v.u.s64, 50);
	ck_assert_int_eq(value("evt.arg.fd", &v), 1);
	ck_assert_int_eq(v.type, SINSP_VALUE_FD);
	ck_assert_int_eq(v.u.s64, 7);
	ck_assert_int_eq(value("evt.arg[1]", &v), 1);
	ck_assert_int_eq(v.type, SINSP_VALUE_FD);
	ck_assert_int_eq(v.u.s64, -100);
	ck_assert_int_eq(value("evt.arg.name", &v), 1);
	ck_assert_int_eq(v.type, SINSP_VALUE_STRING);
	ck_assert_str_eq(v.u.str, "/etc/passwd");  /* points into the event */
	ck_assert_int_eq(value("evt.rawarg.flags", &v), 1);
	ck_assert_int_eq(v.type, SINSP_VALUE_UINT);
	ck_assert_uint_eq(v.u.u64, 1);
	ck_assert_int_eq(value("evt.type.is.307", &v), 1);
	ck_assert_int_eq(v.type, SINSP_VALUE_UINT);
	ck_assert_uint_eq(v.u.u64, 1);
	to_evt(6); /* connect exit: the tuple has no scalar type */
	ck_assert_int_eq(value("evt.arg.tuple", &v), 1);
	ck_assert_int_eq(v.type, SINSP_VALUE_BYTES);
	ck_assert_uint_eq(v.len, 13);
	ck_assert_uint_eq(v.u.bytes[0], SCAP_AF_INET);
}
END_TEST

/* A handle is reused across events; its string is replaced by each extraction. */
START_TEST(handle_reuse_and_errors)
{
	struct sinsp_field *f;
	struct sinsp_value v = { .sz = sizeof(v) };
	struct sinsp_value small = { .sz = sizeof(size_t) };

	open_inspector(false);
	ck_assert_int_eq(sinsp_field_compile(fx.s, "evt.type", &f), 0);
	ck_assert_int_eq(sinsp_field_extract_value(f, to_evt(1), &v), 1);
	ck_assert_str_eq(v.u.str, "openat");
	ck_assert_int_eq(sinsp_field_extract_value(f, to_evt(3), &v), 1);
	ck_assert_str_eq(v.u.str, "socket");
	ck_assert_int_eq(sinsp_field_extract_value(f, to_evt(10), &v), 1);
	ck_assert_str_eq(v.u.str, "access");
	ck_assert_int_eq(sinsp_field_extract_value(f, fx.evt, &small), -EINVAL);
	ck_assert_int_eq(sinsp_field_extract_value(NULL, fx.evt, &v), -EINVAL);
	ck_assert_int_eq(sinsp_field_extract_value(f, NULL, &v), -EINVAL);
	ck_assert_int_eq(sinsp_field_extract_value(f, fx.evt, NULL), -EINVAL);
	sinsp_field_free(f);
}
END_TEST

/* ---- the sysdig 0.29.3 compatibility setting ------------------------------------------- */

START_TEST(truth_by_default)
{
	struct sinsp_value v;

	open_inspector(false);
	to_evt(1);
	ck_assert_int_eq(value("group.gid", &v), 1);
	ck_assert_uint_eq(v.u.u64, 1000);
	ck_assert_int_eq(value("proc.tty", &v), 1);
	ck_assert_int_eq(v.type, SINSP_VALUE_INT);
	ck_assert_int_eq(v.u.s64, TTY);
}
END_TEST

START_TEST(compat_sysdig_0_29)
{
	struct sinsp_value v;

	open_inspector(true);
	to_evt(1);
	/* the main thread's count of other threads (1: thread 101) in the upper half */
	ck_assert_int_eq(value("group.gid", &v), 1);
	ck_assert_uint_eq(v.u.u64, (1ull << 32) | 1000);
	ck_assert_int_eq(value("proc.tty", &v), 1);
	ck_assert_int_eq(v.u.s64, 0);
}
END_TEST

/* The text renderer prints the same values (one source). */
START_TEST(text_matches_typed)
{
	struct sinsp_formatter *fmt;
	const char *line;

	open_inspector(false);
	ck_assert_int_eq(sinsp_formatter_new(fx.s, "%group.gid %proc.tty %fd.cip %fd.sport %proc.apid[1]",
					     SINSP_OUTPUT_TEXT, &fmt), 0);
	ck_assert_int_eq(sinsp_formatter_render(fmt, to_evt(6), &line, NULL), 1);
	ck_assert_str_eq(line, "1000 34817 10.0.0.1 80 50");
	sinsp_formatter_free(fmt);
}
END_TEST

/* ---- events ----------------------------------------------------------------------- */

START_TEST(event_views)
{
	struct sinsp_evt *e;

	open_inspector(false);
	e = to_evt(2);
	ck_assert_uint_eq(sinsp_evt_type(e), SCAP_EVT_SYSCALL_OPENAT_2_X);
	ck_assert_str_eq(sinsp_evt_type_name(e), "openat");
	ck_assert_int_eq(sinsp_evt_dir(e), SINSP_EVT_DIR_EXIT);
	ck_assert_int_eq(sinsp_evt_tid(e), TID);
	ck_assert_uint_eq(sinsp_evt_ts(e), TS0 + 2 * STEP);
	ck_assert_uint_eq(sinsp_evt_cpu(e), 0);
	ck_assert_uint_eq(sinsp_evt_param_count(e), 6);
	e = to_evt(9);
	ck_assert_uint_eq(sinsp_evt_type(e), SCAP_EVT_GENERIC_E);
	ck_assert_str_eq(scap_evt_info(SCAP_EVT_GENERIC_E)->name, "syscall");
	ck_assert_str_eq(sinsp_evt_type_name(e), "access");
	ck_assert_int_eq(sinsp_evt_dir(e), SINSP_EVT_DIR_ENTER);
	e = to_evt(10);
	ck_assert_str_eq(sinsp_evt_type_name(e), "access");
	ck_assert_int_eq(sinsp_evt_dir(e), SINSP_EVT_DIR_EXIT);
}
END_TEST

START_TEST(event_params)
{
	struct sinsp_param_info pi = { .sz = sizeof(pi) };
	struct sinsp_value v = { .sz = sizeof(v) };
	struct sinsp_evt *e;

	open_inspector(false);
	e = to_evt(2);
	ck_assert_int_eq(sinsp_evt_param_get(e, 2, &pi, &v), 0);
	ck_assert_uint_eq(pi.index, 2);
	ck_assert_str_eq(pi.name, "name");
	ck_assert_uint_eq(pi.scap_type, SCAP_PT_FSRELPATH);
	ck_assert_uint_eq(pi.raw_len, 12);
	ck_assert_mem_eq(pi.raw, "/etc/passwd", 12);
	ck_assert_int_eq(v.type, SINSP_VALUE_STRING);
	ck_assert_str_eq(v.u.str, "/etc/passwd");
	ck_assert_uint_eq(v.len, 11);
	ck_assert_int_eq(sinsp_evt_param_get(e, 0, NULL, &v), 0);
	ck_assert_int_eq(v.type, SINSP_VALUE_FD);
	ck_assert_int_eq(v.u.s64, 7);
	ck_assert_int_eq(sinsp_evt_param_get(e, 3, &pi, NULL), 0);
	ck_assert_str_eq(pi.name, "flags");
	ck_assert_int_eq(sinsp_evt_param_find(e, "flags"), 3);
	ck_assert_int_eq(sinsp_evt_param_find(e, "nope"), -ENOENT);
	ck_assert_int_eq(sinsp_evt_param_find(e, NULL), -EINVAL);
	ck_assert_int_eq(sinsp_evt_param_get(e, 6, &pi, &v), -ENOENT);
	ck_assert_int_eq(sinsp_evt_param_get(NULL, 0, &pi, &v), -EINVAL);
	pi.sz = 0;
	ck_assert_int_eq(sinsp_evt_param_get(e, 0, &pi, NULL), -EINVAL);
	/* a caller's struct of an older, shorter layout: nothing past its sz is written */
	pi.sz = offsetof(struct sinsp_param_info, name);
	pi.name = "untouched";
	ck_assert_int_eq(sinsp_evt_param_get(e, 1, &pi, NULL), 0);
	ck_assert_uint_eq(pi.index, 1);
	ck_assert_str_eq(pi.name, "untouched");
	pi.sz = sizeof(pi);

	e = to_evt(3); /* socket enter: domain (flags), type, proto */
	ck_assert_int_eq(sinsp_evt_param_get(e, 0, NULL, &v), 0);
	ck_assert_int_eq(v.type, SINSP_VALUE_UINT);
	ck_assert_uint_eq(v.u.u64, SCAP_AF_INET);
	e = to_evt(8); /* write exit: res (errno), data (bytes) */
	ck_assert_int_eq(sinsp_evt_param_get(e, 0, NULL, &v), 0);
	ck_assert_int_eq(v.type, SINSP_VALUE_INT);
	ck_assert_int_eq(v.u.s64, 5);
	ck_assert_int_eq(sinsp_evt_param_get(e, 1, NULL, &v), 0);
	ck_assert_int_eq(v.type, SINSP_VALUE_BYTES);
	ck_assert_mem_eq(v.u.bytes, "hello", 5);
	e = to_evt(9); /* generic enter: ID (syscall id), nativeID */
	ck_assert_int_eq(sinsp_evt_param_get(e, 0, &pi, &v), 0);
	ck_assert_uint_eq(pi.scap_type, SCAP_PT_SYSCALLID);
	ck_assert_int_eq(v.type, SINSP_VALUE_UINT);
	ck_assert_uint_eq(v.u.u64, SCAP_SC_ACCESS);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("api_fields");
	TCase *tc = tcase_create("catalog");

	tcase_add_test(tc, catalog_count_types_flags);
	suite_add_tcase(s, tc);
	tc = tcase_create("extract");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, compile_errors);
	tcase_add_test(tc, value_types);
	tcase_add_test(tc, absent_values);
	tcase_add_test(tc, argument_fields);
	tcase_add_test(tc, handle_reuse_and_errors);
	tcase_add_test(tc, text_matches_typed);
	suite_add_tcase(s, tc);
	tc = tcase_create("compat");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, truth_by_default);
	tcase_add_test(tc, compat_sysdig_0_29);
	suite_add_tcase(s, tc);
	tc = tcase_create("events");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, event_views);
	tcase_add_test(tc, event_params);
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

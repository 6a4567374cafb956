/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_api_capture.c - the public typed API on a real capture file: a capture written
 * by the independent capture builder (test/unit/libscap/capture_builder.c: section
 * header, machine info, process list V9, fd list V2, user list, event blocks) and read
 * back through the savefile engine, then fields, events and state asserted typed.
 */
#include <check.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <scry/scap.h>
#include <scry/sinsp.h>
#include <scry/sinsp_evt.h>
#include <scry/sinsp_fields.h>
#include <scry/sinsp_state.h>

#include "unit/libscap/capture_builder.h"

#define TID 200
#define TS0 (1000000000ull * 1700000100ull)
#define BT_EV_V2 0x216u /* event block, 26-byte header (scap capture format) */
#define ID64 "ad64969c62e5596b839d08cf1b05986dabdfa797f02c424ec877f050afc63a8d"
#define ID12 "ad64969c62e5"
#define REPLY "HTTP/1.1 200 OK\r\n"

static char *path;
static sinsp_t *s;

/* One event of thread TID at TS0 + k us from CPU 1, with its n parameters. */
static void event(struct cb_buf *f, uint64_t k, uint16_t type, uint32_t n, const void *const *vals,
		  const uint32_t *lens)
{
	cb_event(f, BT_EV_V2, 1, 0, TS0 + k * 1000, TID, type, n, vals, lens, 2);
}

static void write_capture(void)
{
	struct scap_machine_info mi = { .num_cpus = 2, .memory_size_bytes = 1ull << 32,
					.max_pid = 32768, .hostname = "box" };
	static struct scap_threadinfo t[2];
	static struct scap_fdinfo fd;
	static const struct scap_userinfo u = { .uid = 100, .gid = 101, .name = "curl_user",
						.homedir = "/home/curl_user", .shell = "/bin/sh" };
	static const struct scap_groupinfo g = { .gid = 0, .name = "root" };
	static const char cg[] = "cpu=/docker/" ID64;
	static const char args[] = "-s\0https://example.com";
	const char *json = "{\"container\":{\"id\":\"" ID12 "\",\"image\":\"curlimages/curl:8\","
			   "\"name\":\"fetcher\",\"type\":0}}";
	int64_t m100 = -100, fd6 = 6, fd3 = 3, res17 = sizeof(REPLY) - 1, zero64 = 0;
	/* 10.1.1.1:5555 -> 10.2.2.2:443 (ports little endian) */
	static const uint8_t tuple[13] = { SCAP_AF_INET, 10, 1, 1, 1, 0xb3, 0x15, 10, 2, 2, 2, 0xbb, 0x01 };
	uint32_t one = 1, zero = 0, sz100 = 100;
	uint16_t sc = SCAP_SC_ACCESS, native = 21;
	struct cb_buf f = { 0 };

	t[0].tid = t[0].pid = 1;
	strcpy(t[0].comm, "init");
	strcpy(t[0].exe, "/sbin/init");
	t[0].loginuid = UINT32_MAX;
	t[0].vtid = t[0].vpid = 1;
	t[1].tid = t[1].pid = TID;
	t[1].ptid = 1;
	t[1].sid = TID;
	strcpy(t[1].comm, "curl");
	strcpy(t[1].exe, "curl");
	strcpy(t[1].exepath, "/usr/bin/curl");
	memcpy(t[1].args, args, sizeof(args));
	t[1].args_len = sizeof(args);
	strcpy(t[1].cwd, "/home/curl_user/");
	memcpy(t[1].cgroups, cg, sizeof(cg));
	t[1].cgroups_len = sizeof(cg);
	t[1].uid = 100;
	t[1].gid = 101;
	t[1].loginuid = UINT32_MAX;
	t[1].tty = 34818;
	t[1].vtid = t[1].vpid = 7;
	t[1].fdlimit = 1024;
	fd.fd = 3;
	fd.type = SCAP_FD_IPV4_SOCK;
	fd.info.ipv4.sip = 0x0101010a;  /* 10.1.1.1 */
	fd.info.ipv4.dip = 0x0202020a;  /* 10.2.2.2 */
	fd.info.ipv4.sport = 5555;
	fd.info.ipv4.dport = 443;
	fd.info.ipv4.l4proto = SCAP_L4_TCP;

	cb_shb(&f);
	cb_mi(&f, &mi, false);
	cb_pl(&f, 9, t, 2);
	cb_fdl(&f, true, TID, &fd, 1);
	cb_ul(&f, true, &u, 1, &g, 1);
	/* 1: the container's metadata */
	event(&f, 1, SCAP_EVT_CONTAINER_JSON_E, 1, (const void *[]){ json },
	      (const uint32_t[]){ (uint32_t)strlen(json) + 1 });
	/* 2, 3: openat(AT_FDCWD, "/etc/resolv.conf", O_RDONLY) = 6 */
	event(&f, 2, SCAP_EVT_SYSCALL_OPENAT_2_E, 4,
	      (const void *[]){ &m100, "/etc/resolv.conf", &one, &zero },
	      (const uint32_t[]){ 8, 17, 4, 4 });
	event(&f, 3, SCAP_EVT_SYSCALL_OPENAT_2_X, 6,
	      (const void *[]){ &fd6, &m100, "/etc/resolv.conf", &one, &zero, &zero },
	      (const uint32_t[]){ 8, 8, 17, 4, 4, 4 });
	/* 4, 5: connect(3) = 0, the process is the client */
	event(&f, 4, SCAP_EVT_SOCKET_CONNECT_E, 2, (const void *[]){ &fd3, "" }, (const uint32_t[]){ 8, 0 });
	event(&f, 5, SCAP_EVT_SOCKET_CONNECT_X, 2, (const void *[]){ &zero64, tuple },
	      (const uint32_t[]){ 8, sizeof(tuple) });
	/* 6, 7: read(3, 100) = 17 bytes of reply */
	event(&f, 6, SCAP_EVT_SYSCALL_READ_E, 2, (const void *[]){ &fd3, &sz100 },
	      (const uint32_t[]){ 8, 4 });
	event(&f, 7, SCAP_EVT_SYSCALL_READ_X, 2, (const void *[]){ &res17, REPLY },
	      (const uint32_t[]){ 8, (uint32_t)res17 });
	/* 8: access(), a generic syscall */
	event(&f, 8, SCAP_EVT_GENERIC_E, 2, (const void *[]){ &sc, &native }, (const uint32_t[]){ 2, 2 });
	path = cb_write_temp(&f, false);
	cb_free(&f);
}

static void setup(void)
{
	char errbuf[SCAP_ERRBUF_SIZE] = "";

	write_capture();
	SCAP_OPTS(scap_open_opts, so, .engine = "savefile", .path = path);
	struct sinsp_open_opts o = { .sz = sizeof(o), .scap = &so };
	ck_assert_msg(sinsp_open(&o, &s, errbuf) == 0, "sinsp_open: %s", errbuf);
}

static void teardown(void)
{
	sinsp_close(s);
	s = NULL;
	unlink(path);
	free(path);
	path = NULL;
}

static struct sinsp_evt *next(void)
{
	struct sinsp_evt *evt = NULL;

	ck_assert_int_eq(sinsp_next(s, &evt), 0);
	return evt;
}

/* Extract the compiled field f for evt into v, asserting it is present and of type t. */
static void want(struct sinsp_field *f, struct sinsp_evt *evt, enum sinsp_value_type t,
		 struct sinsp_value *v)
{
	v->sz = sizeof(*v);
	ck_assert_msg(sinsp_field_extract_value(f, evt, v) == 1, "%s absent", sinsp_field_describe(f)->name);
	ck_assert_msg(v->type == t, "%s: type %s, want %s", sinsp_field_describe(f)->name,
		      sinsp_value_type_name(v->type), sinsp_value_type_name(t));
}

START_TEST(fields_on_capture)
{
	static const char *const names[] = { "proc.name", "fd.num", "fd.name", "evt.rawtime",
					     "fd.cip", "fd.sport", "evt.buffer", "evt.arg.res",
					     "container.id", "proc.vpid", "evt.cpu", "user.name" };
	enum { NAME, FDNUM, FDNAME, RAWTIME, CIP, SPORT, BUFFER, RES, CID, VPID, CPU, USER, N };
	struct sinsp_field *f[N];
	struct sinsp_value v;
	struct sinsp_evt *evt;
	int i;

	for (i = 0; i < N; i++)
		ck_assert_int_eq(sinsp_field_compile(s, names[i], &f[i]), 0);
	evt = next(); /* container event */
	ck_assert_str_eq(sinsp_evt_type_name(evt), "container");
	next();
	evt = next(); /* openat exit */
	ck_assert_uint_eq(sinsp_evt_num(evt), 3);
	want(f[NAME], evt, SINSP_VALUE_STRING, &v);
	ck_assert_str_eq(v.u.str, "curl");
	want(f[FDNUM], evt, SINSP_VALUE_FD, &v);
	ck_assert_int_eq(v.u.s64, 6);
	want(f[FDNAME], evt, SINSP_VALUE_STRING, &v);
	ck_assert_str_eq(v.u.str, "/etc/resolv.conf");
	want(f[RAWTIME], evt, SINSP_VALUE_ABSTIME, &v);
	ck_assert_uint_eq(v.u.u64, TS0 + 3000);
	want(f[CID], evt, SINSP_VALUE_STRING, &v);
	ck_assert_str_eq(v.u.str, ID12);
	want(f[VPID], evt, SINSP_VALUE_PID, &v);
	ck_assert_int_eq(v.u.s64, 7);
	want(f[CPU], evt, SINSP_VALUE_INT, &v);
	ck_assert_int_eq(v.u.s64, 1);
	want(f[USER], evt, SINSP_VALUE_STRING, &v);
	ck_assert_str_eq(v.u.str, "curl_user"); /* from the capture's user list */
	v.sz = sizeof(v);
	ck_assert_int_eq(sinsp_field_extract_value(f[CIP], evt, &v), 0); /* a file */
	ck_assert_int_eq(sinsp_field_extract_value(f[BUFFER], evt, &v), 0);

	next();
	next();
	next();
	evt = next(); /* read exit on the connection of the fd list, connected since */
	want(f[CIP], evt, SINSP_VALUE_IPV4, &v);
	ck_assert_mem_eq(v.u.ipv4, ((const uint8_t[]){ 10, 1, 1, 1 }), 4);
	want(f[SPORT], evt, SINSP_VALUE_PORT, &v);
	ck_assert_uint_eq(v.u.u64, 443);
	want(f[BUFFER], evt, SINSP_VALUE_BYTES, &v);
	ck_assert_uint_eq(v.len, strlen(REPLY));
	ck_assert_mem_eq(v.u.bytes, REPLY, v.len);
	want(f[RES], evt, SINSP_VALUE_INT, &v);
	ck_assert_int_eq(v.u.s64, (int64_t)strlen(REPLY));
	want(f[FDNUM], evt, SINSP_VALUE_FD, &v);
	ck_assert_int_eq(v.u.s64, 3);

	evt = next(); /* generic access */
	ck_assert_str_eq(sinsp_evt_type_name(evt), "access");
	ck_assert_int_eq(sinsp_evt_cpu(evt), 1);
	ck_assert_uint_eq(sinsp_evt_ts(evt), TS0 + 8000);
	ck_assert_int_eq(sinsp_evt_tid(evt), TID);
	ck_assert_int_eq(sinsp_next(s, &evt), SCAP_EOF);
	for (i = 0; i < N; i++)
		sinsp_field_free(f[i]);
}
END_TEST

static int count(const struct sinsp_thread_info *t, void *ctx)
{
	(void)t;
	++*(int *)ctx;
	return 0;
}

START_TEST(state_on_capture)
{
	struct sinsp_thread_info t = { .sz = sizeof(t) };
	struct sinsp_fd_info fd = { .sz = sizeof(fd) };
	struct sinsp_container_info c = { .sz = sizeof(c) };
	int n = 0;

	/* the state of the capture's tables, before any event */
	ck_assert_int_eq(sinsp_thread_lookup(s, TID, &t), 0);
	ck_assert_str_eq(t.comm, "curl");
	ck_assert_str_eq(t.exepath, "/usr/bin/curl");
	ck_assert_mem_eq(t.args, "-s\0https://example.com", t.args_len);
	ck_assert_str_eq(t.cwd, "/home/curl_user/");
	ck_assert_int_eq(t.ppid, 1);
	ck_assert_uint_eq(t.uid, 100);
	ck_assert_uint_eq(t.gid, 101);
	ck_assert_uint_eq(t.tty, 34818);
	ck_assert_uint_eq(t.start_ts, 0); /* a capture's process list has no start time */
	ck_assert_str_eq(t.container_id, ID12);
	ck_assert_int_eq(sinsp_thread_foreach(s, count, &n), 0);
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(sinsp_fd_lookup(s, TID, 3, &fd), 0);
	/* the fd list stores no name for sockets: it is made from the ends, as sysdig does */
	ck_assert_str_eq(fd.name, "10.1.1.1:5555->10.2.2.2:443");
	ck_assert_mem_eq(fd.src_ip, ((const uint8_t[]){ 10, 1, 1, 1 }), 4);
	ck_assert_mem_eq(fd.dst_ip, ((const uint8_t[]){ 10, 2, 2, 2 }), 4);
	ck_assert_uint_eq(fd.src_port, 5555);
	ck_assert_uint_eq(fd.dst_port, 443);
	ck_assert_uint_eq(fd.l4proto, SCAP_L4_TCP);
	/* the container is known from the cgroups, its metadata from the first event */
	ck_assert_int_eq(sinsp_container_lookup(s, ID12, &c), 0);
	ck_assert(!c.has_metadata);
	next();
	ck_assert_int_eq(sinsp_container_lookup(s, ID12, &c), 0);
	ck_assert(c.has_metadata);
	ck_assert_str_eq(c.name, "fetcher");
	ck_assert_str_eq(c.image, "curlimages/curl:8");
	ck_assert_str_eq(c.type_name, "docker");
	next();
	next(); /* openat exit: fd 6 */
	ck_assert_int_eq(sinsp_fd_lookup(s, TID, 6, &fd), 0);
	ck_assert_str_eq(fd.name, "/etc/resolv.conf");
	ck_assert_int_eq(fd.typechar, 'f');
	ck_assert_uint_eq(fd.open_flags, 1);
	next();
	next(); /* connect exit */
	ck_assert_int_eq(sinsp_fd_lookup(s, TID, 3, &fd), 0);
	ck_assert_str_eq(fd.name, "10.1.1.1:5555->10.2.2.2:443");
	ck_assert_uint_eq(fd.dst_port, 443);
	ck_assert(!fd.is_server);
}
END_TEST

static Suite *suite(void)
{
	Suite *su = suite_create("api_capture");
	TCase *tc = tcase_create("savefile");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, fields_on_capture);
	tcase_add_test(tc, state_on_capture);
	suite_add_tcase(su, tc);
	return su;
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

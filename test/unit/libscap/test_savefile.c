/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_savefile.c - the savefile engine against captures written by capture_builder:
 * every header block version, every event block type, plain vs gzip vs memory, and
 * corrupt input (truncation, lying lengths, unknown blocks).
 */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include <scry/scap.h>

#include "capture_builder.h"

/* ---- helpers ---------------------------------------------------------------------- */

/* An event type with at least @min params, without (or with) the large-payload flag. */
static int find_type(uint32_t min, bool large)
{
	for (int t = 0; t < 65536; t++) {
		const struct scap_evt_info *i = scap_evt_info((uint16_t)t);

		if (!i)
			break;
		if (i->nparams >= min && !!(i->flags & SCAP_EF_LARGE_PAYLOAD) == large)
			return t;
	}
	return -1;
}

static scap_t *open_buf(const struct cb_buf *b)
{
	char err[SCAP_ERRBUF_SIZE];
	scap_t *h = NULL;
	SCAP_OPTS(scap_open_opts, o, .buf = b->data, .buf_len = b->len);
	int rc = scap_open(&o, &h, err);

	ck_assert_msg(rc == 0, "scap_open: %d %s", rc, err);
	return h;
}

static scap_t *open_path(const char *path)
{
	char err[SCAP_ERRBUF_SIZE];
	scap_t *h = NULL;
	SCAP_OPTS(scap_open_opts, o, .path = path);
	int rc = scap_open(&o, &h, err);

	ck_assert_msg(rc == 0, "scap_open %s: %d %s", path, rc, err);
	return h;
}

/* Open @b (under a pipe's 64 KiB) through a pipe, as /dev/fd/N: no seeking possible. */
static scap_t *open_pipe(const struct cb_buf *b)
{
	char dev[64];
	int fds[2];
	scap_t *h;

	ck_assert_int_eq(pipe(fds), 0);
	ck_assert_int_eq(write(fds[1], b->data, b->len), (ssize_t)b->len);
	close(fds[1]);
	snprintf(dev, sizeof(dev), "/dev/fd/%d", fds[0]);
	h = open_path(dev);
	close(fds[0]);
	return h;
}

/* Read to the end; returns the final status and the count in *n. */
static int drain(scap_t *h, uint64_t *n)
{
	struct scap_evt_ref e = { .sz = sizeof(e) };
	int rc;

	*n = 0;
	while ((rc = scap_next(h, &e)) == 0)
		(*n)++;
	return rc;
}

static void header(struct cb_buf *f)
{
	struct scap_machine_info mi = { .num_cpus = 4, .memory_size_bytes = 1 << 30,
					.max_pid = 32768, .hostname = "box" };

	cb_shb(f);
	cb_mi(f, &mi, false);
}

/* A simple two-param event of type @type at @ts with u16 lengths. */
static size_t simple_event(struct cb_buf *f, uint32_t btype, uint16_t type, uint64_t ts)
{
	uint64_t a = ts * 3;
	const char *s = "hello";
	const void *vals[2] = { &a, s };
	uint32_t lens[2] = { 8, 6 };

	return cb_event(f, btype, (uint16_t)(ts % 8), 0, ts, 100 + ts, type, 2, vals, lens, 2);
}

static uint16_t type2(void)
{
	int t = find_type(2, false);

	ck_assert_int_ge(t, 0);
	return (uint16_t)t;
}

/* ---- header blocks ---------------------------------------------------------------- */

static void fill_thread(struct scap_threadinfo *t, uint64_t tid)
{
	memset(t, 0, sizeof(*t));
	t->tid = tid;
	t->pid = tid - 1;
	t->ptid = 1;
	t->sid = 7;
	t->vpgid = 8;
	strcpy(t->comm, "bash");
	strcpy(t->exe, "/bin/bash");
	strcpy(t->exepath, "/usr/bin/bash");
	memcpy(t->args, "-c\0ls\0", 6);
	t->args_len = 6;
	strcpy(t->cwd, "/root/");
	t->fdlimit = 1024;
	t->flags = 0x10;
	t->uid = 1000;
	t->gid = 1001;
	t->vmsize_kb = 11;
	t->vmrss_kb = 12;
	t->vmswap_kb = 13;
	t->pfmajor = 14;
	t->pfminor = 15;
	memcpy(t->env, "A=1\0B=2\0", 8);
	t->env_len = 8;
	t->vtid = 16;
	t->vpid = 17;
	memcpy(t->cgroups, "cpu=/x\0", 7);
	t->cgroups_len = 7;
	strcpy(t->root, "/");
	t->pidns_init_start_ts_ns = 18;
	t->tty = 19;
	t->loginuid = 20;
	t->exe_writable = 1;
	t->cap_inheritable = 21;
	t->cap_permitted = 22;
	t->cap_effective = 23;
	t->exe_upper_layer = 1;
	t->exe_ino = 24;
	t->exe_ino_ctime = 25;
	t->exe_ino_mtime = 26;
	t->exe_from_memfd = 1;
}

START_TEST(test_pl_versions)
{
	int v = _i; /* 1..9 */
	struct cb_buf f = { 0 };
	struct scap_threadinfo in[2];
	struct scap_state st = { .sz = sizeof(st) };
	const struct scap_threadinfo *t;
	scap_t *h;
	uint64_t n;

	fill_thread(&in[0], 42);
	fill_thread(&in[1], 43);
	header(&f);
	cb_pl(&f, v, in, 2);
	h = open_buf(&f);
	ck_assert_int_eq(scap_get_state(h, &st), 0);
	ck_assert_uint_eq(st.nthreads, 2);
	t = &st.threads[0];
	ck_assert_uint_eq(t->tid, 42);
	ck_assert_uint_eq(st.threads[1].tid, 43);
	ck_assert_uint_eq(t->pid, 41);
	ck_assert_uint_eq(t->ptid, 1);
	ck_assert_str_eq(t->comm, "bash");
	ck_assert_str_eq(t->exe, "/bin/bash");
	ck_assert_uint_eq(t->args_len, 6);
	ck_assert_mem_eq(t->args, "-c\0ls\0", 6);
	ck_assert_str_eq(t->cwd, "/root/");
	ck_assert_int_eq(t->fdlimit, 1024);
	ck_assert_uint_eq(t->flags, 0x10);
	ck_assert_uint_eq(t->uid, 1000);
	ck_assert_uint_eq(t->gid, 1001);
	/* Fields by version: present ones carry the value, absent ones stay zero. */
	ck_assert_uint_eq(t->sid, v >= 6 ? 7 : (uint64_t)-1);     /* unknown: -1, as sysdig */
	ck_assert_uint_eq(t->vpgid, v >= 8 ? 8 : (uint64_t)-1);
	ck_assert_str_eq(t->exepath, v >= 7 ? "/usr/bin/bash" : "");
	ck_assert_uint_eq(t->vmsize_kb, v >= 2 ? 11 : 0);
	ck_assert_uint_eq(t->vmswap_kb, v >= 2 ? 13 : 0);
	ck_assert_uint_eq(t->pfminor, v >= 2 ? 15 : 0);
	ck_assert_uint_eq(t->env_len, v >= 3 ? 8 : 0);
	ck_assert_int_eq(t->vtid, v >= 4 ? 16 : 0);
	ck_assert_int_eq(t->vpid, v >= 4 ? 17 : 0);
	ck_assert_uint_eq(t->cgroups_len, v >= 4 ? 7 : 0);
	ck_assert_str_eq(t->root, v >= 5 ? "/" : "");
	ck_assert_uint_eq(t->pidns_init_start_ts_ns, v >= 9 ? 18 : 0);
	ck_assert_uint_eq(t->tty, v >= 9 ? 19 : 0);
	ck_assert_uint_eq(t->loginuid, v >= 9 ? 20 : (uint32_t)-1);
	ck_assert_uint_eq(t->exe_writable, v >= 9);
	ck_assert_uint_eq(t->cap_effective, v >= 9 ? 23 : 0);
	ck_assert_uint_eq(t->exe_ino_mtime, v >= 9 ? 26 : 0);
	ck_assert_uint_eq(t->exe_from_memfd, v >= 9);
	ck_assert_uint_eq(t->nfds, 0);
	ck_assert_int_eq(drain(h, &n), SCAP_EOF);
	ck_assert_uint_eq(n, 0);
	scap_close(h);
	cb_free(&f);
}
END_TEST

START_TEST(test_pl_v9_pre_0_10)
{
	struct cb_buf f = { 0 };
	struct scap_threadinfo in;
	struct scap_state st = { .sz = sizeof(st) };
	scap_t *h;

	fill_thread(&in, 5);
	header(&f);
	cb_pl_v9_old(&f, &in);
	h = open_buf(&f);
	scap_get_state(h, &st);
	ck_assert_uint_eq(st.nthreads, 1);
	ck_assert_uint_eq(st.threads[0].loginuid, 20);
	ck_assert_uint_eq(st.threads[0].cap_inheritable, 21);
	ck_assert_uint_eq(st.threads[0].cap_effective, 23);
	ck_assert_uint_eq(st.threads[0].tty, 0);
	ck_assert_uint_eq(st.threads[0].pidns_init_start_ts_ns, 0);
	scap_close(h);
	cb_free(&f);
}
END_TEST

static void fill_fds(struct scap_fdinfo *fd, uint32_t *n)
{
	uint32_t i = 0;

	memset(fd, 0, sizeof(*fd) * 8);
	fd[i].fd = 0; fd[i].ino = 1; fd[i].type = SCAP_FD_FILE; strcpy(fd[i].name, "/dev/null"); i++;
	fd[i].fd = 3; fd[i].ino = 2; fd[i].type = SCAP_FD_IPV4_SOCK;
	fd[i].info.ipv4.sip = 0x0100007f; fd[i].info.ipv4.dip = 0x0200007f;
	fd[i].info.ipv4.sport = 1234; fd[i].info.ipv4.dport = 80;
	fd[i].info.ipv4.l4proto = SCAP_L4_TCP; i++;
	fd[i].fd = 4; fd[i].type = SCAP_FD_IPV6_SOCK;
	memset(fd[i].info.ipv6.sip, 0xaa, 16); memset(fd[i].info.ipv6.dip, 0xbb, 16);
	fd[i].info.ipv6.sport = 5; fd[i].info.ipv6.dport = 6; fd[i].info.ipv6.l4proto = 2; i++;
	fd[i].fd = 5; fd[i].type = SCAP_FD_IPV4_SERVSOCK; fd[i].info.ipv4_server.ip = 7;
	fd[i].info.ipv4_server.port = 8080; fd[i].info.ipv4_server.l4proto = 1; i++;
	fd[i].fd = 6; fd[i].type = SCAP_FD_IPV6_SERVSOCK; memset(fd[i].info.ipv6_server.ip, 1, 16);
	fd[i].info.ipv6_server.port = 443; fd[i].info.ipv6_server.l4proto = 1; i++;
	fd[i].fd = 7; fd[i].type = SCAP_FD_UNIX_SOCK; fd[i].info.unix_sock.source = 0x1111;
	fd[i].info.unix_sock.dest = 0x2222; strcpy(fd[i].name, "/run/x.sock"); i++;
	fd[i].fd = 8; fd[i].type = SCAP_FD_FILE_V2; fd[i].info.file.open_flags = 0x41;
	fd[i].info.file.dev = 0x803; strcpy(fd[i].name, "/var/log/x"); i++;
	fd[i].fd = 9; fd[i].type = SCAP_FD_EVENTPOLL; strcpy(fd[i].name, "anon_inode:[eventpoll]"); i++;
	*n = i;
}

START_TEST(test_fdl_versions)
{
	bool v2 = _i;
	struct cb_buf f = { 0 };
	struct scap_threadinfo t;
	struct scap_fdinfo in[8];
	struct scap_state st = { .sz = sizeof(st) };
	const struct scap_fdinfo *o;
	uint32_t n;
	scap_t *h;

	fill_thread(&t, 77);
	fill_fds(in, &n);
	header(&f);
	cb_pl(&f, 9, &t, 1);
	cb_fdl(&f, v2, 77, in, n);
	cb_fdl(&f, v2, 999, in, 2); /* unknown tid: parsed and dropped */
	h = open_buf(&f);
	scap_get_state(h, &st);
	ck_assert_uint_eq(st.nthreads, 1);
	ck_assert_uint_eq(st.threads[0].nfds, n);
	o = st.threads[0].fds;
	ck_assert_int_eq(o[0].type, SCAP_FD_FILE);
	ck_assert_str_eq(o[0].name, "/dev/null");
	ck_assert_uint_eq(o[0].ino, 1);
	ck_assert_int_eq(o[1].fd, 3);
	ck_assert_uint_eq(o[1].info.ipv4.sip, 0x0100007f);
	ck_assert_uint_eq(o[1].info.ipv4.dip, 0x0200007f);
	ck_assert_uint_eq(o[1].info.ipv4.sport, 1234);
	ck_assert_uint_eq(o[1].info.ipv4.dport, 80);
	ck_assert_uint_eq(o[1].info.ipv4.l4proto, SCAP_L4_TCP);
	ck_assert_mem_eq(o[2].info.ipv6.dip, in[2].info.ipv6.dip, 16);
	ck_assert_uint_eq(o[2].info.ipv6.dport, 6);
	ck_assert_uint_eq(o[3].info.ipv4_server.port, 8080);
	ck_assert_uint_eq(o[4].info.ipv6_server.port, 443);
	ck_assert_uint_eq(o[5].info.unix_sock.dest, 0x2222);
	ck_assert_str_eq(o[5].name, "/run/x.sock");
	ck_assert_int_eq(o[6].type, SCAP_FD_FILE_V2);
	ck_assert_uint_eq(o[6].info.file.open_flags, 0x41);
	ck_assert_uint_eq(o[6].info.file.dev, v2 ? 0x803 : 0);
	ck_assert_str_eq(o[6].name, "/var/log/x");
	ck_assert_str_eq(o[7].name, "anon_inode:[eventpoll]");
	scap_close(h);
	cb_free(&f);
}
END_TEST

START_TEST(test_mi_versions)
{
	bool old = _i;
	struct cb_buf f = { 0 };
	struct scap_machine_info mi = { .num_cpus = 8, .memory_size_bytes = 123456789,
					.max_pid = 4194304, .boot_ts_ns = 1700000000000000000ull,
					.flags = 0x0201ull << 48 };
	struct scap_state st = { .sz = sizeof(st) };
	scap_t *h;

	memset(mi.hostname, 'h', 127); /* longest name the block holds */
	cb_shb(&f);
	cb_mi(&f, &mi, old);
	h = open_buf(&f);
	scap_get_state(h, &st);
	ck_assert_ptr_nonnull(st.machine);
	ck_assert_uint_eq(st.machine->num_cpus, 8);
	ck_assert_uint_eq(st.machine->memory_size_bytes, 123456789);
	ck_assert_uint_eq(st.machine->max_pid, 4194304);
	ck_assert_uint_eq(strlen(st.machine->hostname), 127);
	ck_assert_uint_eq(st.machine->boot_ts_ns, old ? 0 : mi.boot_ts_ns);
	ck_assert_uint_eq(st.machine->flags, old ? 0 : mi.flags);
	scap_close(h);
	cb_free(&f);
}
END_TEST

START_TEST(test_ul_il_versions)
{
	bool v2 = _i;
	struct cb_buf f = { 0 };
	struct scap_userinfo u[2] = { { .uid = 0, .gid = 0, .name = "root", .homedir = "/root",
					.shell = "/bin/bash" },
				      { .uid = 1000, .gid = 100, .name = "alice",
					.homedir = "/home/alice", .shell = "/bin/zsh" } };
	struct scap_groupinfo g[1] = { { .gid = 100, .name = "users" } };
	struct scap_ifinfo_ipv4 i4[2] = {
		{ .type = 1, .addr = 0x0100007f, .netmask = 0xff, .bcast = 0x0100007f,
		  .linkspeed = 1000, .name = "lo" },
		{ .type = 3, .addr = 0x0a00000a, .netmask = 0xffff, .bcast = 0xff00000a,
		  .name = "eth0" } };
	struct scap_ifinfo_ipv6 i6[2] = { { .type = 2, .linkspeed = 10, .name = "lo" },
					  { .type = 4, .name = "eth1" } };
	struct scap_state st = { .sz = sizeof(st) };
	scap_t *h;

	memset(i6[0].addr, 1, 16);
	memset(i6[1].netmask, 0xff, 8);
	cb_shb(&f);
	cb_il(&f, v2, i4, 2, i6, 2);
	cb_ul(&f, v2, u, 2, g, 1);
	h = open_buf(&f);
	scap_get_state(h, &st);
	ck_assert_ptr_null(st.machine);
	ck_assert_uint_eq(st.nusers, 2);
	ck_assert_uint_eq(st.ngroups, 1);
	ck_assert_str_eq(st.users[1].name, "alice");
	ck_assert_str_eq(st.users[1].homedir, "/home/alice");
	ck_assert_str_eq(st.users[1].shell, "/bin/zsh");
	ck_assert_uint_eq(st.users[1].uid, 1000);
	ck_assert_uint_eq(st.users[1].gid, 100);
	ck_assert_str_eq(st.groups[0].name, "users");
	ck_assert_uint_eq(st.groups[0].gid, 100);
	ck_assert_uint_eq(st.nifv4, 2);
	ck_assert_uint_eq(st.nifv6, 2);
	ck_assert_str_eq(st.ifv4[0].name, "lo");
	ck_assert_uint_eq(st.ifv4[0].linkspeed, 1000);
	ck_assert_uint_eq(st.ifv4[0].addr, 0x0100007f);
	ck_assert_str_eq(st.ifv4[1].name, "eth0");
	ck_assert_uint_eq(st.ifv4[1].linkspeed, 0);
	ck_assert_uint_eq(st.ifv4[1].bcast, 0xff00000a);
	ck_assert_uint_eq(st.ifv6[0].linkspeed, 10);
	ck_assert_mem_eq(st.ifv6[0].addr, i6[0].addr, 16);
	ck_assert_str_eq(st.ifv6[1].name, "eth1");
	ck_assert_mem_eq(st.ifv6[1].netmask, i6[1].netmask, 16);
	scap_close(h);
	cb_free(&f);
}
END_TEST

/* ---- event blocks ----------------------------------------------------------------- */

START_TEST(test_event_block_types)
{
	static const uint32_t btypes[] = { 0x204, 0x208, 0x216, 0x217, 0x221, 0x222 };
	uint32_t bt = btypes[_i];
	bool has_flags = bt == 0x208 || bt == 0x217 || bt == 0x222;
	const struct scap_evt_info *info;
	uint16_t type = type2();
	struct cb_buf f = { 0 };
	struct scap_evt_ref e = { .sz = sizeof(e) };
	struct scap_param p[8];
	uint64_t a = 0x1122334455667788ull;
	const void *vals[SCAP_MAX_EVENT_PARAMS];
	uint32_t lens[SCAP_MAX_EVENT_PARAMS];
	uint32_t np;
	size_t off;
	scap_t *h;

	info = scap_evt_info(type);
	np = info->nparams; /* old blocks: nparams is derived from the schema */
	for (uint32_t i = 0; i < np; i++) {
		vals[i] = &a;
		lens[i] = i == 0 ? 8 : i % 3;
	}
	header(&f);
	off = cb_event(&f, bt, 3, 0xabcd, 1000, 42, type, np, vals, lens, 2);
	h = open_buf(&f);
	ck_assert_int_eq(scap_next(h, &e), 0);
	ck_assert_uint_eq(e.ts_ns, 1000);
	ck_assert_uint_eq(e.tid, 42);
	ck_assert_uint_eq(e.type, type);
	ck_assert_uint_eq(e.cpu, 3);
	ck_assert_uint_eq(e.flags, has_flags ? 0xabcd : 0);
	ck_assert_uint_eq(e.nparams, np);
	ck_assert_uint_eq(e.offset, off);
	{
		uint32_t want = 26 + 2 * np;

		for (uint32_t i = 0; i < np; i++)
			want += lens[i];
		ck_assert_uint_eq(e.len, want);
	}
	ck_assert_int_eq(scap_evt_params(&e, p, 8), np < 8 ? (int)np : 8);
	ck_assert_uint_eq(p[0].len, 8);
	ck_assert_mem_eq(p[0].val, &a, 8);
	ck_assert_int_eq(scap_next(h, &e), SCAP_EOF);
	scap_close(h);
	cb_free(&f);
}
END_TEST

/* In a 22-byte-header block, nparams is the largest count whose lengths fill the event. */
START_TEST(test_v1_fewer_params)
{
	uint16_t type = type2();
	uint32_t np = scap_evt_info(type)->nparams - 1;
	struct cb_buf f = { 0 };
	struct scap_evt_ref e = { .sz = sizeof(e) };
	uint64_t a = 5;
	const void *vals[SCAP_MAX_EVENT_PARAMS];
	uint32_t lens[SCAP_MAX_EVENT_PARAMS];
	scap_t *h;

	for (uint32_t i = 0; i < np; i++) {
		vals[i] = &a;
		lens[i] = 8;
	}
	header(&f);
	cb_event(&f, 0x204, 1, 0, 1, 2, type, np, vals, lens, 2);
	h = open_buf(&f);
	ck_assert_int_eq(scap_next(h, &e), 0);
	ck_assert_uint_eq(e.nparams, np);
	ck_assert_uint_eq(e.len, 26 + np * 10);
	ck_assert_int_eq(scap_evt_params(&e, NULL, 0), 0);
	scap_close(h);
	cb_free(&f);
}
END_TEST

/* Many events across several buffer refills: blocks straddle the buffer end. */
START_TEST(test_many_events_plain_gzip_mem)
{
	uint16_t type = type2();
	struct cb_buf f = { 0 }, z = { 0 };
	const uint32_t N = 100000;  /* ~5 MB: several 1 MiB buffer fills */
	char *plain, *gz;
	scap_t *hs[4];

	header(&f);
	for (uint32_t i = 0; i < N; i++)
		simple_event(&f, i % 2 ? 0x216 : 0x217, type, i + 1);
	plain = cb_write_temp(&f, false);
	gz = cb_write_temp(&f, true);
	cb_gzip(&f, &z);
	hs[0] = open_path(plain);
	hs[1] = open_path(gz);
	hs[2] = open_buf(&f);
	hs[3] = open_buf(&z);
	for (uint32_t i = 0; i < N; i++) {
		for (int k = 0; k < 4; k++) {
			struct scap_evt_ref e = { .sz = sizeof(e) };
			struct scap_param p[2];
			uint64_t a;

			ck_assert_int_eq(scap_next(hs[k], &e), 0);
			ck_assert_uint_eq(e.ts_ns, i + 1);
			ck_assert_uint_eq(e.tid, 100 + i + 1);
			ck_assert_int_eq(scap_evt_params(&e, p, 2), 2);
			memcpy(&a, p[0].val, 8);
			ck_assert_uint_eq(a, (i + 1) * 3);
			ck_assert_str_eq((const char *)p[1].val, "hello");
		}
	}
	for (int k = 0; k < 4; k++) {
		struct scap_evt_ref e = { .sz = sizeof(e) };

		ck_assert_int_eq(scap_next(hs[k], &e), SCAP_EOF);
		scap_close(hs[k]);
	}
	unlink(plain);
	unlink(gz);
	free(plain);
	free(gz);
	cb_free(&f);
	cb_free(&z);
}
END_TEST

/* Events larger than 64 KiB and larger than the engine's buffer. */
START_TEST(test_large_events)
{
	int lt = find_type(1, true);
	uint16_t type = type2();
	struct cb_buf f = { 0 };
	size_t big = _i ? (3u << 20) : (200u << 10); /* 200 KiB, 3 MiB */
	uint8_t *payload = malloc(big);
	struct scap_evt_ref e = { .sz = sizeof(e) };
	struct scap_param p[4];
	uint64_t n;
	scap_t *h;

	ck_assert_ptr_nonnull(payload);
	for (size_t i = 0; i < big; i++)
		payload[i] = (uint8_t)(i * 7);
	header(&f);
	simple_event(&f, 0x216, type, 1);
	if (lt >= 0) {
		const void *vals[1] = { payload };
		uint32_t lens[1] = { (uint32_t)big };

		/* u32 parameter lengths: the large-payload flag of the schema. */
		cb_event(&f, 0x221, 0, 0, 2, 2, (uint16_t)lt, 1, vals, lens, 4);
	} else {
		/* The u16 length wraps; the event length is still exact. */
		const void *vals[1] = { payload };
		uint32_t lens[1] = { (uint32_t)big };

		cb_event(&f, 0x221, 0, 0, 2, 2, type, 1, vals, lens, 4);
	}
	simple_event(&f, 0x216, type, 3);
	h = open_buf(&f);
	ck_assert_int_eq(scap_next(h, &e), 0);
	ck_assert_int_eq(scap_next(h, &e), 0);
	ck_assert_uint_eq(e.ts_ns, 2);
	ck_assert_uint_eq(e.len, 26 + 4 + big);
	if (lt >= 0) {
		ck_assert_int_eq(scap_evt_params(&e, p, 4), 1);
		ck_assert_uint_eq(p[0].len, big);
		ck_assert_int_eq(memcmp(p[0].val, payload, big), 0);
	}
	ck_assert_int_eq(scap_next(h, &e), 0);
	ck_assert_uint_eq(e.ts_ns, 3);
	ck_assert_int_eq(drain(h, &n), SCAP_EOF);
	scap_close(h);
	cb_free(&f);
	free(payload);
}
END_TEST

/* ---- corrupt input ---------------------------------------------------------------- */

START_TEST(test_truncated)
{
	uint16_t type = type2();
	struct cb_buf f = { 0 }, z = { 0 }, cut = { 0 };
	struct scap_evt_ref e = { .sz = sizeof(e) };
	char want[160];
	size_t off3, len3;
	uint64_t n;
	scap_t *h;
	int rc;

	header(&f);
	simple_event(&f, 0x216, type, 1);
	simple_event(&f, 0x216, type, 2);
	off3 = simple_event(&f, 0x216, type, 3);
	len3 = f.len - off3;
	simple_event(&f, 0x216, type, 4);
	/* Cut 40 bytes into the third event block. */
	cb_put(&cut, f.data, off3 + 40);
	snprintf(want, sizeof(want), "truncated event block at offset %zu: 40 of %zu bytes",
		 off3, len3);
	for (int gz = 0; gz < 2; gz++) {
		if (gz) {
			cb_gzip(&cut, &z);
			h = open_buf(&z);
		} else {
			h = open_buf(&cut);
		}
		rc = drain(h, &n);
		ck_assert_int_eq(rc, -EPROTO);
		ck_assert_uint_eq(n, 2);
		ck_assert_str_eq(scap_last_error(h), want);
		/* The error is sticky. */
		ck_assert_int_eq(scap_next(h, &e), -EPROTO);
		scap_close(h);
	}
	/* Cut inside the block header. */
	cut.len = off3 + 5;
	h = open_buf(&cut);
	ck_assert_int_eq(drain(h, &n), -EPROTO);
	ck_assert_uint_eq(n, 2);
	snprintf(want, sizeof(want), "truncated block header at offset %zu: 5 of 8 bytes", off3);
	ck_assert_str_eq(scap_last_error(h), want);
	scap_close(h);
	/* A gzip stream cut in the middle delivers the events before the cut. */
	for (uint64_t i = 5; i < 20000; i++)
		simple_event(&f, 0x216, type, i);
	cb_free(&z);
	cb_gzip(&f, &z);
	z.len = z.len * 2 / 3;
	h = open_buf(&z);
	rc = drain(h, &n);
	ck_assert_int_eq(rc, -EPROTO);
	ck_assert_uint_gt(n, 1000);
	ck_assert_ptr_nonnull(strstr(scap_last_error(h), "truncated"));
	scap_close(h);
	cb_free(&f);
	cb_free(&z);
	cb_free(&cut);
}
END_TEST

/*
 * Issue 11: a gzip stream that ends inside an unfinished member exactly at an event-block
 * boundary (a full flush after the second event, the stream cut there) is a truncation,
 * not a clean end: the two events, then -EPROTO naming the offset.
 */
START_TEST(test_gzip_cut_at_block_boundary)
{
	uint16_t type = type2();
	struct cb_buf f = { 0 }, z = { 0 };
	uint8_t chunk[65536];
	char want[160];
	size_t off3;
	z_stream zs;
	uint64_t n;
	scap_t *h;

	header(&f);
	simple_event(&f, 0x216, type, 1);
	simple_event(&f, 0x216, type, 2);
	off3 = f.len;
	simple_event(&f, 0x216, type, 3);
	memset(&zs, 0, sizeof(zs));
	ck_assert_int_eq(deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8,
				      Z_DEFAULT_STRATEGY), Z_OK);
	zs.next_in = f.data;
	zs.avail_in = (uInt)off3;
	zs.next_out = chunk;
	zs.avail_out = sizeof(chunk);
	/* everything before the third block comes out whole; the member stays open */
	ck_assert_int_eq(deflate(&zs, Z_FULL_FLUSH), Z_OK);
	ck_assert_uint_eq(zs.avail_in, 0);
	cb_put(&z, chunk, sizeof(chunk) - zs.avail_out);
	deflateEnd(&zs);

	h = open_buf(&z);
	ck_assert_int_eq(drain(h, &n), -EPROTO);
	ck_assert_uint_eq(n, 2);
	snprintf(want, sizeof(want), "truncated capture at offset %zu: the gzip stream ends "
		 "inside an unfinished member", off3);
	ck_assert_str_eq(scap_last_error(h), want);
	scap_close(h);
	cb_free(&f);
	cb_free(&z);
}
END_TEST

/*
 * Issue 11: a process list that repeats one thread id (a 52-byte entry, 120,000 times in
 * a 15 KB gzip capture, asked for 2.1 GB) holds one thread, the last entry's; an fd list
 * before the repetition does not survive it, one after it attaches to it.
 */
START_TEST(test_repeated_tid_one_thread)
{
	static struct scap_threadinfo t[3];
	struct scap_fdinfo fd = { .fd = 3, .type = SCAP_FD_FILE };
	struct cb_buf f = { 0 };
	struct scap_state st = { .sz = sizeof(st) };
	uint64_t n;
	scap_t *h;

	for (int i = 0; i < 3; i++) {
		t[i].tid = t[i].pid = 77;
		snprintf(t[i].comm, sizeof(t[i].comm), "v%d", i);
	}
	strcpy(fd.name, "/x");
	header(&f);
	cb_pl(&f, 5, t, 2);
	cb_fdl(&f, false, 77, &fd, 1);
	cb_pl(&f, 5, &t[2], 1);
	cb_fdl(&f, false, 77, &fd, 1);
	simple_event(&f, 0x216, type2(), 1);
	h = open_buf(&f);
	ck_assert_int_eq(scap_get_state(h, &st), 0);
	ck_assert_uint_eq(st.nthreads, 1);
	ck_assert_str_eq(st.threads[0].comm, "v2");
	ck_assert_uint_eq(st.threads[0].nfds, 1);
	ck_assert_int_eq(drain(h, &n), SCAP_EOF);
	ck_assert_uint_eq(n, 1);
	scap_close(h);
	cb_free(&f);
}
END_TEST

START_TEST(test_headers_no_events)
{
	struct cb_buf f = { 0 };
	struct scap_threadinfo t;
	uint64_t n;
	char *path;
	scap_t *h;

	fill_thread(&t, 1);
	header(&f);
	cb_pl(&f, 9, &t, 1);
	path = cb_write_temp(&f, true);
	h = open_path(path);
	ck_assert_int_eq(drain(h, &n), SCAP_EOF);
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(drain(h, &n), SCAP_EOF);
	scap_close(h);
	unlink(path);
	free(path);
	cb_free(&f);
}
END_TEST

/* Lying block lengths after one good event: error with the offset, no OOB (ASan). */
START_TEST(test_lying_lengths)
{
	uint16_t type = type2();
	struct cb_buf f = { 0 };
	uint8_t body[64] = { 0 };
	uint64_t n;
	size_t bad;
	scap_t *h;
	char want[64];

	header(&f);
	simple_event(&f, 0x216, type, 1);
	bad = f.len;
	switch (_i) {
	case 0: cb_block_raw(&f, 0x216, 8, body, 0, 8); break;           /* too small */
	case 1: cb_block_raw(&f, 0x216, 76, body, 64, 72); break;        /* trailer differs */
	case 2: cb_block_raw(&f, 0x216, 1u << 20, body, 64, 76); break;  /* beyond the file */
	case 3: cb_block_raw(&f, 0x216, 0xffffffffu, body, 64, 76); break; /* beyond the limit */
	case 4: cb_block_raw(&f, 0x216, 16, body, 4, 16); break;         /* no room for header */
	case 5: {                                                        /* event len lies */
		struct cb_buf b = { 0 };
		uint64_t ts = 1, tid = 2;

		cb_u16(&b, 0);
		cb_u64(&b, ts);
		cb_u64(&b, tid);
		cb_u32(&b, 5000);
		cb_u16(&b, type);
		cb_u32(&b, 0);
		cb_block(&f, 0x216, b.data, b.len);
		cb_free(&b);
		break;
	}
	}
	simple_event(&f, 0x216, type, 2);
	h = open_buf(&f);
	ck_assert_int_eq(drain(h, &n), -EPROTO);
	ck_assert_uint_eq(n, 1);
	snprintf(want, sizeof(want), "at offset %zu", bad);
	ck_assert_msg(strstr(scap_last_error(h), want), "%s", scap_last_error(h));
	scap_close(h);
	cb_free(&f);
}
END_TEST

START_TEST(test_unknown_blocks_skipped)
{
	uint16_t type = type2();
	struct cb_buf f = { 0 };
	const char junk[] = "a comment block nobody knows";
	uint64_t n;
	scap_t *h;

	cb_shb(&f);
	cb_block(&f, 0x12345678, junk, sizeof(junk));
	cb_block(&f, 0x00000BAD, NULL, 0);
	header(&f);            /* a second section header and machine info */
	simple_event(&f, 0x216, type, 1);
	cb_block(&f, 0x12345678, junk, 5);
	simple_event(&f, 0x217, type, 2);
	cb_block(&f, 0x215, junk, 7); /* header block after events: skipped */
	simple_event(&f, 0x216, type, 3);
	h = open_buf(&f);
	ck_assert_int_eq(drain(h, &n), SCAP_EOF);
	ck_assert_uint_eq(n, 3);
	scap_close(h);
	cb_free(&f);
}
END_TEST

START_TEST(test_corrupt_header_blocks)
{
	struct cb_buf f = { 0 };
	char err[SCAP_ERRBUF_SIZE];
	scap_t *h = NULL;
	uint8_t body[40];
	int rc;

	memset(body, 0xff, sizeof(body)); /* string lengths 0xffff everywhere */
	cb_shb(&f);
	cb_block(&f, 0x202 + (uint32_t)(_i == 1) * 0x16 /* FDL_V2 */ + (uint32_t)(_i == 2) * 0x1e,
		 body, sizeof(body));
	{
		SCAP_OPTS(scap_open_opts, o, .buf = f.data, .buf_len = f.len);
		rc = scap_open(&o, &h, err);
	}
	ck_assert_int_eq(rc, -EPROTO);
	ck_assert_ptr_null(h);
	ck_assert_msg(strstr(err, "at offset 28"), "%s", err);
	cb_free(&f);
}
END_TEST

START_TEST(test_open_errors)
{
	char err[SCAP_ERRBUF_SIZE];
	scap_t *h = (scap_t *)1;
	struct cb_buf f = { 0 };

	{
		SCAP_OPTS(scap_open_opts, o, .path = "/nonexistent/x.scap");
		ck_assert_int_eq(scap_open(&o, &h, err), -ENOENT);
		ck_assert_ptr_null(h);
		ck_assert_str_eq(err, "/nonexistent/x.scap: No such file or directory");
	}
	{
		SCAP_OPTS(scap_open_opts, o, .engine = "bogus");
		ck_assert_int_eq(scap_open(&o, &h, err), -EINVAL);
	}
	{
		SCAP_OPTS(scap_open_opts, o, .buf = "", .buf_len = 0);
		ck_assert_int_eq(scap_open(&o, &h, err), -EPROTO);
		ck_assert_ptr_nonnull(strstr(err, "empty"));
	}
	{
		const char junk[] = "GIF89a and more bytes here";
		SCAP_OPTS(scap_open_opts, o, .buf = junk, .buf_len = sizeof(junk));
		ck_assert_int_eq(scap_open(&o, &h, err), -EPROTO);
		ck_assert_ptr_nonnull(strstr(err, "not a scap capture"));
	}
	{
		/* opts bigger than ours with a non-zero unknown byte */
		struct { struct scap_open_opts o; uint64_t extra; } big;
		memset(&big, 0, sizeof(big));
		big.o.sz = sizeof(big);
		big.o.engine = "noop";
		big.extra = 1;
		ck_assert_int_eq(scap_open(&big.o, &h, err), -EINVAL);
		big.extra = 0;
		ck_assert_int_eq(scap_open(&big.o, &h, err), 0);
		scap_close(h);
	}
	/* A newer major version. */
	cb_u32(&f, 0x0A0D0D0A); cb_u32(&f, 28); cb_u32(&f, 0x1A2B3C4D);
	cb_u16(&f, 2); cb_u16(&f, 0); cb_u64(&f, 0); cb_u32(&f, 28);
	{
		SCAP_OPTS(scap_open_opts, o, .buf = f.data, .buf_len = f.len);
		ck_assert_int_eq(scap_open(&o, &h, err), -EPROTO);
		ck_assert_ptr_nonnull(strstr(err, "2.0"));
	}
	cb_free(&f);
}
END_TEST

/*
 * A gzip capture whose trailer CRC is wrong: every event inflated before the check
 * comes out, then the error, at the uncompressed offset of the end (memory, a file and
 * a pipe, whose format is told without seeking).
 */
START_TEST(test_gzip_bad_crc)
{
	uint16_t type = type2();
	struct cb_buf f = { 0 }, z = { 0 };
	const uint32_t N = 300;
	char want[128], *path;
	uint64_t n;
	scap_t *h;

	header(&f);
	for (uint32_t i = 0; i < N; i++)
		simple_event(&f, 0x216, type, i + 1);
	cb_gzip(&f, &z);
	ck_assert_uint_lt(z.len, 60000); /* fits in a pipe's buffer */
	z.data[z.len - 8] ^= 0xff;      /* the CRC-32 of the trailer */
	snprintf(want, sizeof(want), "read error at offset %zu: corrupt gzip stream "
		 "(incorrect data check)", f.len);
	path = cb_write_temp(&z, false);
	for (int k = 0; k < 3; k++) {
		if (k == 0) {
			h = open_buf(&z);
		} else if (k == 1) {
			h = open_path(path);
		} else {
			h = open_pipe(&z);
		}
		ck_assert_int_eq(drain(h, &n), -EPROTO);
		ck_assert_uint_eq(n, N);
		ck_assert_str_eq(scap_last_error(h), want);
		scap_close(h);
	}
	unlink(path);
	free(path);
	cb_free(&f);
	cb_free(&z);
}
END_TEST

/* A gzip capture through a pipe reads as from a file. */
START_TEST(test_gzip_pipe)
{
	uint16_t type = type2();
	struct cb_buf f = { 0 }, z = { 0 };
	uint64_t n;
	scap_t *h;

	header(&f);
	for (uint32_t i = 0; i < 200; i++)
		simple_event(&f, 0x216, type, i + 1);
	cb_gzip(&f, &z);
	h = open_pipe(&z);
	ck_assert_int_eq(drain(h, &n), SCAP_EOF);
	ck_assert_uint_eq(n, 200);
	scap_close(h);
	cb_free(&f);
	cb_free(&z);
}
END_TEST

/*
 * A descriptor the caller opened (scry -r opens, drops its capabilities, then hands it
 * over): read through a dup, plain or gzip; the caller closes its own right after
 * scap_open(); path only names the capture in messages.
 */
START_TEST(test_open_fd)
{
	uint16_t type = type2();
	struct cb_buf f = { 0 };
	char err[SCAP_ERRBUF_SIZE];
	uint64_t n;
	scap_t *h;

	header(&f);
	for (uint32_t i = 0; i < 50; i++)
		simple_event(&f, 0x216, type, i + 1);
	for (int gz = 0; gz < 2; gz++) {
		char *path = cb_write_temp(&f, gz);
		int fd = open(path, O_RDONLY);
		SCAP_OPTS(scap_open_opts, o, .path = "named", .has_fd = true, .fd = fd);

		ck_assert_int_ge(fd, 0);
		ck_assert_int_eq(scap_open(&o, &h, err), 0);
		close(fd);
		ck_assert_int_eq(drain(h, &n), SCAP_EOF);
		ck_assert_uint_eq(n, 50);
		scap_close(h);
		unlink(path);
		free(path);
	}
	/* an empty file: the message names the path given */
	{
		struct cb_buf empty = { 0 };
		char *path = cb_write_temp(&empty, false);
		int fd = open(path, O_RDONLY);
		SCAP_OPTS(scap_open_opts, o, .path = "named", .has_fd = true, .fd = fd);

		ck_assert_int_eq(scap_open(&o, &h, err), -EPROTO);
		ck_assert_ptr_null(h);
		ck_assert_str_eq(err, "named: not a scap capture: empty input");
		close(fd);
		unlink(path);
		free(path);
	}
	cb_free(&f);
}
END_TEST

/* Open errors name the file once; corrupt gzip and pcapng network captures are named. */
START_TEST(test_open_messages)
{
	static const uint8_t magic_only[] = { 0x1f, 0x8b };
	static const uint8_t garbage[] = { 0x1f, 0x8b, 'h', 'e', 'l', 'l', 'o', ' ', 'w' };
	char err[SCAP_ERRBUF_SIZE], *path;
	struct cb_buf f = { 0 };
	uint8_t idb[8] = { 1, 0, 0, 0, 0xff, 0xff, 0, 0 }; /* link type 1, snaplen 65535 */
	scap_t *h;

	{
		SCAP_OPTS(scap_open_opts, o, .path = "/");
		ck_assert_int_eq(scap_open(&o, &h, err), -EISDIR);
		ck_assert_str_eq(err, "/: Is a directory");
	}
	{
		SCAP_OPTS(scap_open_opts, o, .buf = magic_only, .buf_len = sizeof(magic_only));
		ck_assert_int_eq(scap_open(&o, &h, err), -EPROTO);
		ck_assert_str_eq(err, "read error at offset 0: corrupt gzip stream: it ends "
			         "before any data");
	}
	{
		SCAP_OPTS(scap_open_opts, o, .buf = garbage, .buf_len = sizeof(garbage));
		ck_assert_int_eq(scap_open(&o, &h, err), -EPROTO);
		ck_assert_str_eq(err, "read error at offset 0: corrupt gzip stream "
			         "(unknown compression method)");
	}
	/* a pcapng network capture: section header, interface description, a packet */
	cb_shb(&f);
	cb_block(&f, 1, idb, sizeof(idb));
	cb_block(&f, 6, garbage, 8);
	path = cb_write_temp(&f, false);
	{
		SCAP_OPTS(scap_open_opts, o, .path = path);
		char want[SCAP_ERRBUF_SIZE];

		ck_assert_int_eq(scap_open(&o, &h, err), -EPROTO);
		snprintf(want, sizeof(want), "%s: not a scap capture: a pcapng file without scap "
			 "blocks (its first block after the section header has type 0x1: a "
			 "network capture?)", path);
		ck_assert_str_eq(err, want);
	}
	unlink(path);
	free(path);
	cb_free(&f);
}
END_TEST

/*
 * scap_next_batch() hands out what scap_next() does, in the same order and with the
 * same bytes (old and new event blocks, skipped blocks and event types, buffer refills
 * on the way), then the same error after the same events, sticky; each batch's events
 * stay valid until the next call. A caller of another struct size gets one a call.
 */
START_TEST(test_next_batch)
{
	static const uint32_t btypes[] = { 0x204, 0x208, 0x216, 0x217 };
	enum { NEVT = 3000, RAW = 64 };
	uint16_t type = type2();
	struct cb_buf f = { 0 };
	struct scap_evt_ref e = { .sz = sizeof(e) }, b[7];
	struct scap_evt_ref *want = calloc(NEVT + 2, sizeof(*want));
	uint8_t (*raw)[RAW] = calloc(NEVT + 2, RAW);
	char err[SCAP_ERRBUF_SIZE];
	uint64_t n = 0, m = 0, i;
	uint32_t got, most = 0;
	scap_t *h;
	int rc;

	ck_assert_ptr_nonnull(want);
	ck_assert_ptr_nonnull(raw);
	header(&f);
	for (i = 1; i <= NEVT; i++) {
		simple_event(&f, btypes[i % 4], type, i);
		if (i % 50 == 0) /* an event type beyond the schema: skipped */
			simple_event(&f, 0x216, 0xfff0, i);
		if (i % 100 == 0) /* an unknown block: skipped */
			cb_block(&f, 0x12345678, "junk", 4);
	}
	{ /* an event whose length overruns its block, then more events */
		struct cb_buf c = { 0 };

		cb_u16(&c, 0);
		cb_u64(&c, 1);
		cb_u64(&c, 2);
		cb_u32(&c, 5000);
		cb_u16(&c, type);
		cb_u32(&c, 0);
		cb_block(&f, 0x216, c.data, c.len);
		cb_free(&c);
	}
	simple_event(&f, 0x216, type, NEVT + 1);

	h = open_buf(&f);
	while ((rc = scap_next(h, &e)) == 0) {
		ck_assert_uint_le(e.len, RAW);
		want[n] = e;
		memcpy(raw[n++], e.raw, e.len);
	}
	ck_assert_int_eq(rc, -EPROTO);
	ck_assert_uint_eq(n, NEVT);
	snprintf(err, sizeof(err), "%s", scap_last_error(h));
	scap_close(h);

	h = open_buf(&f);
	for (;;) {
		b[0].sz = sizeof(b[0]);
		rc = scap_next_batch(h, b, 7, &got);
		if (rc) {
			ck_assert_uint_eq(got, 0);
			break;
		}
		ck_assert(got >= 1 && got <= 7);
		most = got > most ? got : most;
		for (uint32_t k = 0; k < got; k++, m++) {
			ck_assert_uint_lt(m, n);
			ck_assert_uint_eq(b[k].sz, sizeof(b[k]));
			ck_assert_uint_eq(b[k].ts_ns, want[m].ts_ns);
			ck_assert_uint_eq(b[k].tid, want[m].tid);
			ck_assert_uint_eq(b[k].type, want[m].type);
			ck_assert_uint_eq(b[k].nparams, want[m].nparams);
			ck_assert_uint_eq(b[k].cpu, want[m].cpu);
			ck_assert_uint_eq(b[k].flags, want[m].flags);
			ck_assert_uint_eq(b[k].offset, want[m].offset);
			ck_assert_uint_eq(b[k].len, want[m].len);
			ck_assert_mem_eq(b[k].raw, raw[m], b[k].len);
		}
	}
	ck_assert_int_eq(rc, -EPROTO);
	ck_assert_uint_eq(m, n);
	ck_assert_uint_eq(most, 7);
	ck_assert_str_eq(scap_last_error(h), err);
	ck_assert_int_eq(scap_next_batch(h, b, 7, &got), -EPROTO);
	ck_assert_uint_eq(got, 0);
	scap_close(h);

	/* another struct size: one event a call, at that size */
	h = open_buf(&f);
	b[0].sz = offsetof(struct scap_evt_ref, offset);
	b[1].ts_ns = 0;
	ck_assert_int_eq(scap_next_batch(h, b, 7, &got), 0);
	ck_assert_uint_eq(got, 1);
	ck_assert_uint_eq(b[0].ts_ns, want[0].ts_ns);
	ck_assert_uint_eq(b[1].ts_ns, 0);
	ck_assert_int_eq(scap_next_batch(h, b, 0, &got), -EINVAL);
	ck_assert_int_eq(scap_next_batch(h, NULL, 1, &got), -EINVAL);
	scap_close(h);
	free(want);
	free(raw);
	cb_free(&f);
}
END_TEST

static Suite *savefile_suite(void)
{
	Suite *s = suite_create("savefile");
	TCase *tc;

	tc = tcase_create("header_blocks");
	tcase_add_loop_test(tc, test_pl_versions, 1, 10);
	tcase_add_test(tc, test_pl_v9_pre_0_10);
	tcase_add_loop_test(tc, test_fdl_versions, 0, 2);
	tcase_add_loop_test(tc, test_mi_versions, 0, 2);
	tcase_add_loop_test(tc, test_ul_il_versions, 0, 2);
	suite_add_tcase(s, tc);

	tc = tcase_create("events");
	tcase_set_timeout(tc, 0); /* no per-test timeout: ctest bounds a hung suite */
	tcase_add_loop_test(tc, test_event_block_types, 0, 6);
	tcase_add_test(tc, test_v1_fewer_params);
	tcase_add_test(tc, test_many_events_plain_gzip_mem);
	tcase_add_loop_test(tc, test_large_events, 0, 2);
	tcase_add_test(tc, test_next_batch);
	suite_add_tcase(s, tc);

	tc = tcase_create("corrupt");
	tcase_add_test(tc, test_truncated);
	tcase_add_test(tc, test_gzip_cut_at_block_boundary);
	tcase_add_test(tc, test_headers_no_events);
	tcase_add_test(tc, test_repeated_tid_one_thread);
	tcase_add_loop_test(tc, test_lying_lengths, 0, 6);
	tcase_add_test(tc, test_unknown_blocks_skipped);
	tcase_add_loop_test(tc, test_corrupt_header_blocks, 0, 3);
	tcase_add_test(tc, test_open_errors);
	tcase_add_test(tc, test_gzip_bad_crc);
	tcase_add_test(tc, test_gzip_pipe);
	tcase_add_test(tc, test_open_fd);
	tcase_add_test(tc, test_open_messages);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(savefile_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

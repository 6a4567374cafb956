/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_dump.c - the dumper: every header block read back by the savefile engine field
 * by field, the exact bytes of the section header and of event blocks, flags, snaplen,
 * gzip, stats, misuse, and write failures (a file size limit stands in for a full
 * disk: the file must end after a whole block and replay).
 */
#define _GNU_SOURCE /* sched_getaffinity, CPU_COUNT */
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <scry/scap.h>
#include <scry/scap_dump.h>

#include "capture_builder.h"

/* ---- helpers ---------------------------------------------------------------------- */

static struct scap_dumper *dump_open(const char *path, enum scap_dump_compression c,
				     uint32_t snaplen)
{
	char err[SCAP_ERRBUF_SIZE];
	struct scap_dumper *d = NULL;
	SCAP_OPTS(scap_dump_opts, o, .path = path, .compression = c, .snaplen = snaplen);
	int rc = scap_dump_open(&o, &d, err);

	ck_assert_msg(rc == 0, "scap_dump_open: %d %s", rc, err);
	return d;
}

static void dump_close_ok(struct scap_dumper *d)
{
	char err[SCAP_ERRBUF_SIZE];
	int rc = scap_dump_close(d, err);

	ck_assert_msg(rc == 0, "scap_dump_close: %d %s", rc, err);
}

static void read_file(const char *path, struct cb_buf *out)
{
	uint8_t chunk[4096];
	FILE *f = fopen(path, "rb");
	size_t n;

	ck_assert_ptr_nonnull(f);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		cb_put(out, chunk, n);
	fclose(f);
}

/* A write event: res, data of @len bytes of 'a'. Record built by capture_builder. */
static void write_event(struct cb_buf *rec, uint64_t ts, uint64_t tid, uint32_t len)
{
	static uint8_t data[70000];
	int64_t res = len;
	const void *vals[2] = { &res, data };
	uint32_t lens[2] = { 8, len };

	memset(data, 'a', sizeof(data));
	cb_evt_record(rec, ts, tid, SCAP_EVT_SYSCALL_WRITE_X, 2, vals, lens, 2);
}

/* A state with every fd type and field filled with distinct values. */
static struct scap_threadinfo threads[2];
static struct scap_fdinfo fds[9];
static struct scap_userinfo users[2];
static struct scap_groupinfo groups[1];
static struct scap_ifinfo_ipv4 ifv4[1];
static struct scap_ifinfo_ipv6 ifv6[1];
static struct scap_machine_info machine;

static void fill_state(struct scap_state *st)
{
	struct scap_threadinfo *t = &threads[0];

	memset(threads, 0, sizeof(threads));
	memset(fds, 0, sizeof(fds));
	t->tid = 100; t->pid = 100; t->ptid = 1; t->sid = 7; t->vpgid = 8;
	strcpy(t->comm, "curl");
	strcpy(t->exe, "curl");
	strcpy(t->exepath, "/usr/bin/curl");
	memcpy(t->args, "-s\0http://x\0", 12); t->args_len = 12;
	memcpy(t->env, "A=1\0B=2\0", 8); t->env_len = 8;
	strcpy(t->cwd, "/home/u");
	t->fdlimit = 1024; t->flags = 0x2000; t->uid = 1000; t->gid = 1001;
	t->loginuid = 1002; t->vmsize_kb = 11; t->vmrss_kb = 12; t->vmswap_kb = 13;
	t->pfmajor = 14; t->pfminor = 15; t->vtid = 16; t->vpid = 17;
	memcpy(t->cgroups, "cpu=/a\0memory=/b\0", 17); t->cgroups_len = 17;
	strcpy(t->root, "/");
	t->exe_writable = 1; t->cap_inheritable = 0x21; t->cap_permitted = 0x22;
	t->cap_effective = 0x23;
	t->fds = fds;
	t->nfds = 9;
	fds[0] = (struct scap_fdinfo){ .fd = 3, .ino = 99, .type = SCAP_FD_FILE_V2,
		.info.file = { .open_flags = 0x41, .dev = 0x801 }, .name = "/etc/hosts" };
	fds[1] = (struct scap_fdinfo){ .fd = 4, .type = SCAP_FD_IPV4_SOCK,
		.info.ipv4 = { .sip = 0x0100007f, .dip = 0x0200007f, .sport = 40000, .dport = 80,
			       .l4proto = SCAP_L4_TCP } };
	fds[2] = (struct scap_fdinfo){ .fd = 5, .type = SCAP_FD_IPV4_SERVSOCK,
		.info.ipv4_server = { .ip = 0, .port = 8080, .l4proto = SCAP_L4_TCP } };
	fds[3] = (struct scap_fdinfo){ .fd = 6, .type = SCAP_FD_IPV6_SOCK,
		.info.ipv6 = { .sip = { [15] = 1 }, .dip = { [0] = 0xfe, [15] = 2 }, .sport = 1,
			       .dport = 443, .l4proto = SCAP_L4_UDP } };
	fds[4] = (struct scap_fdinfo){ .fd = 7, .type = SCAP_FD_IPV6_SERVSOCK,
		.info.ipv6_server = { .ip = { [15] = 1 }, .port = 22, .l4proto = SCAP_L4_TCP } };
	fds[5] = (struct scap_fdinfo){ .fd = 8, .type = SCAP_FD_UNIX_SOCK,
		.info.unix_sock = { .source = 0xabc, .dest = 0xdef }, .name = "/run/s.sock" };
	fds[6] = (struct scap_fdinfo){ .fd = 9, .type = SCAP_FD_UNKNOWN }; /* left out */
	fds[7] = (struct scap_fdinfo){ .fd = 10, .type = SCAP_FD_EVENTPOLL, .name = "" };
	fds[8] = (struct scap_fdinfo){ .fd = 11, .type = SCAP_FD_BPF, .name = "anon_inode:bpf-map" };

	threads[1] = threads[0];
	threads[1].tid = 101;
	threads[1].fds = NULL;
	threads[1].nfds = 0;
	threads[1].pidns_init_start_ts_ns = 1600000000000000001ull;
	threads[1].tty = 34816;
	threads[1].exe_upper_layer = 1;
	threads[1].exe_ino = 777;
	threads[1].exe_ino_ctime = 778;
	threads[1].exe_ino_mtime = 779;
	threads[1].exe_from_memfd = 1;

	memset(&machine, 0, sizeof(machine));
	machine.num_cpus = 4; machine.memory_size_bytes = 8ull << 30; machine.max_pid = 4194304;
	strcpy(machine.hostname, "host-1");
	machine.boot_ts_ns = 1700000000123456789ull; machine.flags = 5;
	users[0] = (struct scap_userinfo){ .uid = 0, .gid = 0, .name = "root", .homedir = "/root",
					   .shell = "/bin/bash" };
	users[1] = (struct scap_userinfo){ .uid = 1000, .gid = 1001, .name = "u",
					   .homedir = "/home/u", .shell = "/bin/sh" };
	groups[0] = (struct scap_groupinfo){ .gid = 1001, .name = "staff" };
	ifv4[0] = (struct scap_ifinfo_ipv4){ .type = 3 /* no link speed */, .addr = 0x0100007f,
		.netmask = 0xff, .bcast = 0x0100007f, .linkspeed = 0, .name = "lo" };
	ifv6[0] = (struct scap_ifinfo_ipv6){ .type = 2, .addr = { [15] = 1 },
		.netmask = { 0xff, 0xff }, .linkspeed = 1000, .name = "eth0" };

	memset(st, 0, sizeof(*st));
	st->sz = sizeof(*st);
	st->machine = &machine;
	st->threads = threads; st->nthreads = 2;
	st->users = users; st->nusers = 2;
	st->groups = groups; st->ngroups = 1;
	st->ifv4 = ifv4; st->nifv4 = 1;
	st->ifv6 = ifv6; st->nifv6 = 1;
}

/* ---- tests ------------------------------------------------------------------------ */

/* The section header block, byte for byte: type, length 28, magic, version 1.2,
 * section length -1, trailer. */
START_TEST(test_section_header_bytes)
{
	static const uint8_t want[28] = {
		0x0a, 0x0d, 0x0d, 0x0a, 28, 0, 0, 0, 0x4d, 0x3c, 0x2b, 0x1a, 1, 0, 2, 0,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 28, 0, 0, 0 };
	char *path = cb_write_temp(&(struct cb_buf){ 0 }, false);
	struct cb_buf f = { 0 };
	struct scap_dumper *d = dump_open(path, SCAP_DUMP_PLAIN, 0);
	struct scap_dump_stats s = { .sz = sizeof(s) };

	ck_assert_int_eq(scap_dump_get_stats(d, &s), 0);
	ck_assert_uint_eq(s.bytes, 28);
	ck_assert_uint_eq(s.file_bytes, 28);   /* the header is on disk at open */
	ck_assert_uint_eq(s.events, 0);
	dump_close_ok(d);
	read_file(path, &f);
	ck_assert_uint_eq(f.len, 28);
	ck_assert_mem_eq(f.data, want, 28);
	cb_free(&f);
	unlink(path);
	free(path);
}
END_TEST

/* Every header block written and read back by the savefile engine: loop 0 plain, 1 gzip. */
START_TEST(test_state_round_trip)
{
	char *path = cb_write_temp(&(struct cb_buf){ 0 }, false);
	struct scap_state st, got = { .sz = sizeof(got) };
	struct scap_dumper *d = dump_open(path, _i ? SCAP_DUMP_GZIP : SCAP_DUMP_PLAIN, 0);
	const struct scap_threadinfo *t;
	const struct scap_fdinfo *f;
	scap_t *h;

	fill_state(&st);
	ck_assert_int_eq(scap_dump_state(d, &st), 0);
	dump_close_ok(d);

	h = cb_open_path(path);
	ck_assert_int_eq(scap_get_state(h, &got), 0);
	ck_assert_ptr_nonnull(got.machine);
	ck_assert_uint_eq(got.machine->num_cpus, 4);
	ck_assert_uint_eq(got.machine->memory_size_bytes, 8ull << 30);
	ck_assert_uint_eq(got.machine->max_pid, 4194304);
	ck_assert_str_eq(got.machine->hostname, "host-1");
	ck_assert_uint_eq(got.machine->boot_ts_ns, 1700000000123456789ull);
	ck_assert_uint_eq(got.machine->flags, 5);

	ck_assert_uint_eq(got.nusers, 2);
	ck_assert_uint_eq(got.users[1].uid, 1000);
	ck_assert_uint_eq(got.users[1].gid, 1001);
	ck_assert_str_eq(got.users[1].name, "u");
	ck_assert_str_eq(got.users[1].homedir, "/home/u");
	ck_assert_str_eq(got.users[1].shell, "/bin/sh");
	ck_assert_uint_eq(got.ngroups, 1);
	ck_assert_uint_eq(got.groups[0].gid, 1001);
	ck_assert_str_eq(got.groups[0].name, "staff");

	ck_assert_uint_eq(got.nifv4, 1);
	ck_assert_uint_eq(got.ifv4[0].addr, 0x0100007f);
	ck_assert_uint_eq(got.ifv4[0].netmask, 0xff);
	ck_assert_uint_eq(got.ifv4[0].type, 1); /* written with its link speed */
	ck_assert_str_eq(got.ifv4[0].name, "lo");
	ck_assert_uint_eq(got.nifv6, 1);
	ck_assert_uint_eq(got.ifv6[0].addr[15], 1);
	ck_assert_uint_eq(got.ifv6[0].netmask[1], 0xff);
	ck_assert_uint_eq(got.ifv6[0].linkspeed, 1000);
	ck_assert_str_eq(got.ifv6[0].name, "eth0");

	ck_assert_uint_eq(got.nthreads, 2);
	t = &got.threads[0];
	ck_assert_uint_eq(t->tid, 100);
	ck_assert_uint_eq(t->pid, 100);
	ck_assert_uint_eq(t->ptid, 1);
	ck_assert_uint_eq(t->sid, 7);
	ck_assert_uint_eq(t->vpgid, 8);
	ck_assert_str_eq(t->comm, "curl");
	ck_assert_str_eq(t->exepath, "/usr/bin/curl");
	ck_assert_uint_eq(t->args_len, 12);
	ck_assert_mem_eq(t->args, "-s\0http://x\0", 12);
	ck_assert_uint_eq(t->env_len, 8);
	ck_assert_mem_eq(t->env, "A=1\0B=2\0", 8);
	ck_assert_str_eq(t->cwd, "/home/u");
	ck_assert_int_eq(t->fdlimit, 1024);
	ck_assert_uint_eq(t->flags, 0x2000);
	ck_assert_uint_eq(t->uid, 1000);
	ck_assert_uint_eq(t->gid, 1001);
	ck_assert_uint_eq(t->loginuid, 1002);
	ck_assert_uint_eq(t->vmsize_kb, 11);
	ck_assert_uint_eq(t->vmrss_kb, 12);
	ck_assert_uint_eq(t->vmswap_kb, 13);
	ck_assert_uint_eq(t->pfmajor, 14);
	ck_assert_uint_eq(t->pfminor, 15);
	ck_assert_int_eq(t->vtid, 16);
	ck_assert_int_eq(t->vpid, 17);
	ck_assert_uint_eq(t->cgroups_len, 17);
	ck_assert_mem_eq(t->cgroups, "cpu=/a\0memory=/b\0", 17);
	ck_assert_str_eq(t->root, "/");
	ck_assert_uint_eq(t->exe_writable, 1);
	ck_assert_uint_eq(t->cap_inheritable, 0x21);
	ck_assert_uint_eq(t->cap_permitted, 0x22);
	ck_assert_uint_eq(t->cap_effective, 0x23);
	ck_assert_uint_eq(t->pidns_init_start_ts_ns, 0); /* the pre-0.10 tail has none */

	ck_assert_uint_eq(t->nfds, 8); /* the unknown fd is left out */
	f = t->fds;
	ck_assert_int_eq(f[0].fd, 3);
	ck_assert_uint_eq(f[0].ino, 99);
	ck_assert_int_eq(f[0].type, SCAP_FD_FILE_V2);
	ck_assert_uint_eq(f[0].info.file.open_flags, 0x41);
	ck_assert_uint_eq(f[0].info.file.dev, 0x801);
	ck_assert_str_eq(f[0].name, "/etc/hosts");
	ck_assert_uint_eq(f[1].info.ipv4.sip, 0x0100007f);
	ck_assert_uint_eq(f[1].info.ipv4.dip, 0x0200007f);
	ck_assert_uint_eq(f[1].info.ipv4.sport, 40000);
	ck_assert_uint_eq(f[1].info.ipv4.dport, 80);
	ck_assert_uint_eq(f[1].info.ipv4.l4proto, SCAP_L4_TCP);
	ck_assert_uint_eq(f[2].info.ipv4_server.port, 8080);
	ck_assert_uint_eq(f[3].info.ipv6.dip[0], 0xfe);
	ck_assert_uint_eq(f[3].info.ipv6.dport, 443);
	ck_assert_uint_eq(f[3].info.ipv6.l4proto, SCAP_L4_UDP);
	ck_assert_uint_eq(f[4].info.ipv6_server.port, 22);
	ck_assert_uint_eq(f[5].info.unix_sock.source, 0xabc);
	ck_assert_uint_eq(f[5].info.unix_sock.dest, 0xdef);
	ck_assert_str_eq(f[5].name, "/run/s.sock");
	ck_assert_int_eq(f[6].fd, 10);
	ck_assert_int_eq(f[6].type, SCAP_FD_EVENTPOLL);
	/* a type sysdig 0.29.3 does not know is written as unsupported, name kept */
	ck_assert_int_eq(f[7].fd, 11);
	ck_assert_int_eq(f[7].type, SCAP_FD_UNSUPPORTED);
	ck_assert_str_eq(f[7].name, "anon_inode:bpf-map");
	/* thread 101 has a tty and an executable inode: the later tail, read whole */
	t = &got.threads[1];
	ck_assert_uint_eq(t->tid, 101);
	ck_assert_uint_eq(t->nfds, 0);
	ck_assert_uint_eq(t->pidns_init_start_ts_ns, 1600000000000000001ull);
	ck_assert_uint_eq(t->tty, 34816);
	ck_assert_uint_eq(t->loginuid, 1002);
	ck_assert_uint_eq(t->exe_writable, 1);
	ck_assert_uint_eq(t->cap_effective, 0x23);
	ck_assert_uint_eq(t->exe_upper_layer, 1);
	ck_assert_uint_eq(t->exe_ino, 777);
	ck_assert_uint_eq(t->exe_ino_ctime, 778);
	ck_assert_uint_eq(t->exe_ino_mtime, 779);
	ck_assert_uint_eq(t->exe_from_memfd, 1);
	scap_close(h);
	unlink(path);
	free(path);
}
END_TEST

/* An event without flags is an EV_V2 block, with flags an EVF_V2 block, byte for byte;
 * both read back with their cpu, flags and record. */
START_TEST(test_event_blocks)
{
	char *path = cb_write_temp(&(struct cb_buf){ 0 }, false);
	struct cb_buf rec = { 0 }, file = { 0 };
	struct scap_dumper *d = dump_open(path, SCAP_DUMP_PLAIN, 0);
	struct scap_evt_ref e, got = { .sz = sizeof(got) };
	struct scap_dump_stats s = { .sz = sizeof(s) };
	uint32_t u32;
	uint16_t u16;
	scap_t *h;

	write_event(&rec, 1000, 42, 5);       /* 26 + 4 + 8 + 5 = 43 bytes */
	e = cb_evt_ref(&rec, 3);
	ck_assert_uint_eq(e.len, 43);
	ck_assert_int_eq(scap_dump_event(d, &e, 0), 0);
	ck_assert_int_eq(scap_dump_event(d, &e, SCAP_DUMP_FLAG_STATE_ONLY), 0);
	ck_assert_int_eq(scap_dump_get_stats(d, &s), 0);
	/* 28 header + (12 + 2 + 43 + pad 3) + (12 + 6 + 43 + pad 3) */
	ck_assert_uint_eq(s.bytes, 28 + 60 + 64);
	ck_assert_uint_eq(s.file_bytes, 28); /* still buffered */
	ck_assert_uint_eq(s.events, 2);
	dump_close_ok(d);

	read_file(path, &file);
	ck_assert_uint_eq(file.len, 28 + 60 + 64);
	memcpy(&u32, file.data + 28, 4);
	ck_assert_uint_eq(u32, 0x216);
	memcpy(&u32, file.data + 28 + 4, 4);
	ck_assert_uint_eq(u32, 60);
	memcpy(&u16, file.data + 28 + 8, 2);
	ck_assert_uint_eq(u16, 3);
	ck_assert_mem_eq(file.data + 28 + 10, rec.data, 43);
	memcpy(&u32, file.data + 28 + 56, 4);
	ck_assert_uint_eq(u32, 60);
	memcpy(&u32, file.data + 88, 4);
	ck_assert_uint_eq(u32, 0x217);
	memcpy(&u32, file.data + 88 + 10, 4);
	ck_assert_uint_eq(u32, SCAP_DUMP_FLAG_STATE_ONLY);
	ck_assert_mem_eq(file.data + 88 + 14, rec.data, 43);

	h = cb_open_path(path);
	ck_assert_int_eq(scap_next(h, &got), 0);
	ck_assert_uint_eq(got.flags, 0);
	ck_assert_uint_eq(got.cpu, 3);
	ck_assert_uint_eq(got.tid, 42);
	ck_assert_uint_eq(got.ts_ns, 1000);
	ck_assert_int_eq(scap_next(h, &got), 0);
	ck_assert_uint_eq(got.flags, SCAP_DUMP_FLAG_STATE_ONLY);
	ck_assert_uint_eq(got.len, 43);
	ck_assert_mem_eq(got.raw, rec.data, 43);
	ck_assert_int_eq(scap_next(h, &got), SCAP_EOF);
	scap_close(h);
	cb_free(&rec);
	cb_free(&file);
	unlink(path);
	free(path);
}
END_TEST

/* snaplen cuts buffer parameters only, rewrites the lengths, counts the cut events. */
START_TEST(test_snaplen)
{
	char *path = cb_write_temp(&(struct cb_buf){ 0 }, false);
	struct cb_buf big = { 0 }, small = { 0 };
	struct scap_dumper *d = dump_open(path, SCAP_DUMP_PLAIN, 16);
	struct scap_evt_ref e, got = { .sz = sizeof(got) };
	struct scap_dump_stats s = { .sz = sizeof(s) };
	struct scap_param p[2];
	int64_t res;
	scap_t *h;

	write_event(&big, 1, 7, 1000);
	write_event(&small, 2, 7, 10);
	e = cb_evt_ref(&big, 0);
	ck_assert_int_eq(scap_dump_event(d, &e, 0), 0);
	e = cb_evt_ref(&small, 0);
	ck_assert_int_eq(scap_dump_event(d, &e, 0), 0);
	ck_assert_int_eq(scap_dump_get_stats(d, &s), 0);
	ck_assert_uint_eq(s.events, 2);
	ck_assert_uint_eq(s.events_truncated, 1);
	dump_close_ok(d);

	h = cb_open_path(path);
	ck_assert_int_eq(scap_next(h, &got), 0);
	ck_assert_uint_eq(got.len, 26 + 4 + 8 + 16);
	ck_assert_int_eq(scap_evt_params(&got, p, 2), 2);
	ck_assert_uint_eq(p[0].len, 8);
	memcpy(&res, p[0].val, 8);
	ck_assert_int_eq(res, 1000);
	ck_assert_uint_eq(p[1].len, 16);
	ck_assert_mem_eq(p[1].val, "aaaaaaaaaaaaaaaa", 16);
	ck_assert_int_eq(scap_next(h, &got), 0);
	ck_assert_uint_eq(got.len, small.len);
	ck_assert_mem_eq(got.raw, small.data, small.len);
	scap_close(h);
	cb_free(&big);
	cb_free(&small);
	unlink(path);
	free(path);
}
END_TEST

/* Many events through a small buffer, plain and gzip: all replay in order. */
START_TEST(test_many_events)
{
	char *path = cb_write_temp(&(struct cb_buf){ 0 }, false);
	char err[SCAP_ERRBUF_SIZE];
	struct scap_dumper *d = NULL;
	SCAP_OPTS(scap_dump_opts, o, .path = path, .buffer_bytes = 5000,
		  .compression = _i ? SCAP_DUMP_GZIP : SCAP_DUMP_PLAIN, .gzip_level = 6);
	struct scap_evt_ref got = { .sz = sizeof(got) };
	struct scap_dump_stats s = { .sz = sizeof(s) };
	uint64_t n = 0;
	scap_t *h;
	int rc;

	ck_assert_int_eq(scap_dump_open(&o, &d, err), 0);
	for (uint64_t i = 0; i < 3000; i++) {
		struct cb_buf rec = { 0 };
		struct scap_evt_ref e;

		write_event(&rec, 100 + i, 1 + i % 5, (uint32_t)(i % 300));
		e = cb_evt_ref(&rec, (uint16_t)(i % 4));
		ck_assert_int_eq(scap_dump_event(d, &e, 0), 0);
		cb_free(&rec);
	}
	ck_assert_int_eq(scap_dump_flush(d), 0);
	ck_assert_int_eq(scap_dump_get_stats(d, &s), 0);
	if (_i)
		ck_assert_uint_lt(s.file_bytes, s.bytes / 5); /* 'a' runs compress */
	else
		ck_assert_uint_eq(s.file_bytes, s.bytes);
	dump_close_ok(d);

	h = cb_open_path(path);
	while ((rc = scap_next(h, &got)) == 0) {
		ck_assert_uint_eq(got.ts_ns, 100 + n);
		ck_assert_uint_eq(got.cpu, n % 4);
		n++;
	}
	ck_assert_int_eq(rc, SCAP_EOF);
	ck_assert_uint_eq(n, 3000);
	scap_close(h);
	unlink(path);
	free(path);
}
END_TEST

/*
 * A write that fails midway (file size limit: EFBIG, as a full disk gives ENOSPC):
 * the error is returned and sticky, and the file is cut back to the last whole block,
 * so it replays to a clean end. Runs in the forked test process (CK_FORK).
 */
START_TEST(test_write_failure_leaves_valid_file)
{
	char *path = cb_write_temp(&(struct cb_buf){ 0 }, false);
	char err[SCAP_ERRBUF_SIZE];
	struct scap_dumper *d = NULL;
	SCAP_OPTS(scap_dump_opts, o, .path = path, .buffer_bytes = 4096);
	struct rlimit rl = { .rlim_cur = 20000, .rlim_max = RLIM_INFINITY };
	struct scap_evt_ref got = { .sz = sizeof(got) };
	struct stat stt;
	uint64_t i, n = 0;
	scap_t *h;
	int rc = 0;

	getrlimit(RLIMIT_FSIZE, &rl);
	rl.rlim_cur = 20000;
	signal(SIGXFSZ, SIG_IGN);
	ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &rl), 0);
	ck_assert_int_eq(scap_dump_open(&o, &d, err), 0);
	for (i = 0; i < 1000 && rc == 0; i++) {
		struct cb_buf rec = { 0 };
		struct scap_evt_ref e;

		write_event(&rec, 10 + i, 1, 97);
		e = cb_evt_ref(&rec, 0);
		rc = scap_dump_event(d, &e, 0);
		cb_free(&rec);
	}
	ck_assert_int_eq(rc, -EFBIG);
	ck_assert_ptr_nonnull(strstr(scap_dump_last_error(d), path));
	ck_assert_int_eq(scap_dump_flush(d), -EFBIG);     /* sticky */
	ck_assert_int_eq(scap_dump_close(d, err), -EFBIG);
	ck_assert_int_eq(stat(path, &stt), 0);
	/* 28-byte header + whole 152-byte blocks (12 + 2 + 26 + 4 + 8 + 97 + pad 3) */
	ck_assert_int_eq((stt.st_size - 28) % 152, 0);
	ck_assert_int_le(stt.st_size, 20000);
	h = cb_open_path(path);
	while ((rc = scap_next(h, &got)) == 0)
		ck_assert_uint_eq(got.ts_ns, 10 + n++);
	ck_assert_int_eq(rc, SCAP_EOF);
	ck_assert_uint_eq(n, (uint64_t)(stt.st_size - 28) / 152);
	scap_close(h);
	unlink(path);
	free(path);
}
END_TEST

/* Threads of this process (/proc/self/task entries). */
static int thread_count(void)
{
	DIR *dir = opendir("/proc/self/task");
	struct dirent *e;
	int n = 0;

	ck_assert_ptr_nonnull(dir);
	while ((e = readdir(dir)))
		n += e->d_name[0] != '.';
	closedir(dir);
	return n;
}

/* gzip workers expected: one per usable CPU, at most 4. */
static int gzip_workers(void)
{
	cpu_set_t set;
	int n;

	ck_assert_int_eq(sched_getaffinity(0, sizeof(set), &set), 0);
	n = CPU_COUNT(&set);
	return n < 4 ? n : 4;
}

/* gzip members in the file at @path; *bytes: their decompressed size. */
static int gzip_members(const char *path, uint64_t *bytes)
{
	static uint8_t in[1 << 16], out[1 << 16];
	z_stream z = { 0 };
	int fd = open(path, O_RDONLY), members = 0, zrc = Z_OK;
	ssize_t n;

	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(inflateInit2(&z, 16 + MAX_WBITS), Z_OK);
	*bytes = 0;
	while ((n = read(fd, in, sizeof(in))) > 0) {
		z.next_in = in;
		z.avail_in = (uInt)n;
		while (z.avail_in) {
			z.next_out = out;
			z.avail_out = sizeof(out);
			zrc = inflate(&z, Z_NO_FLUSH);
			ck_assert(zrc == Z_OK || zrc == Z_STREAM_END);
			*bytes += sizeof(out) - z.avail_out;
			if (zrc == Z_STREAM_END) {
				members++;
				ck_assert_int_eq(inflateReset(&z), Z_OK);
			}
		}
	}
	ck_assert_int_eq(n, 0);
	ck_assert_int_eq(zrc, Z_STREAM_END); /* the file ends after a whole member */
	inflateEnd(&z);
	close(fd);
	return members;
}

/*
 * gzip with the default buffer (256 KiB) gets its compressing workers at the first
 * full buffer (none before, none for a buffer only flushed), plain gets none: 6,000
 * events of 1-2 KB (about 9 MB, dozens of buffers) reach the file whole and in order
 * either way, gzip as one member per buffer; after a flush the file holds everything
 * accepted; close ends the workers. gzip with a 4 KiB buffer gets none.
 */
START_TEST(test_threaded_writer)
{
	char *path = cb_write_temp(&(struct cb_buf){ 0 }, false);
	struct scap_dumper *d;
	struct scap_evt_ref got = { .sz = sizeof(got) };
	struct scap_dump_stats s = { .sz = sizeof(s) };
	struct cb_buf rec = { 0 };
	struct stat stt;
	int nthreads = thread_count();
	uint64_t n = 0, i;
	scap_t *h;
	int rc;

	d = dump_open(path, _i ? SCAP_DUMP_GZIP : SCAP_DUMP_PLAIN, 0);
	ck_assert_int_eq(thread_count(), nthreads);
	for (i = 0; i < 6000; i++) {
		struct scap_evt_ref e;

		rec.len = 0;
		write_event(&rec, 1000 + i, 7, 1000 + (uint32_t)(i * 37 % 1000));
		e = cb_evt_ref(&rec, (uint16_t)(i % 3));
		ck_assert_int_eq(scap_dump_event(d, &e, i % 10 == 0 ? SCAP_DUMP_FLAG_STATE_ONLY : 0), 0);
		/* a flushed buffer is compressed by the caller: no workers for it */
		if (i == 10) {
			ck_assert_int_eq(scap_dump_flush(d), 0);
			ck_assert_int_eq(thread_count(), nthreads);
		}
	}
	ck_assert_int_eq(thread_count(), nthreads + (_i ? gzip_workers() : 0));
	ck_assert_int_eq(scap_dump_flush(d), 0);
	ck_assert_int_eq(scap_dump_get_stats(d, &s), 0);
	ck_assert_uint_eq(s.events, 6000);
	ck_assert_uint_gt(s.bytes, 6000 * 1000);
	ck_assert_int_eq(stat(path, &stt), 0);
	ck_assert_uint_eq((uint64_t)stt.st_size, s.file_bytes);
	if (!_i)
		ck_assert_uint_eq(s.file_bytes, s.bytes);
	dump_close_ok(d);
	ck_assert_int_eq(thread_count(), nthreads);
	cb_free(&rec);
	if (_i) {
		uint64_t bytes;
		/* the section header's member, the flushed one, then one per buffer of at
		 * least 256 KiB */
		int members = gzip_members(path, &bytes);

		ck_assert_uint_eq(bytes, s.bytes);
		ck_assert_int_ge(members, 30);
		ck_assert_int_le(members, 2 + (int)(s.bytes / (256 << 10)) + 1);
	}

	h = cb_open_path(path);
	while ((rc = scap_next(h, &got)) == 0) {
		ck_assert_uint_eq(got.ts_ns, 1000 + n);
		ck_assert_uint_eq(got.cpu, n % 3);
		ck_assert_uint_eq(got.flags, n % 10 == 0 ? SCAP_DUMP_FLAG_STATE_ONLY : 0);
		ck_assert_uint_eq(got.len, 26 + 2 * 2 + 8 + 1000 + n * 37 % 1000);
		n++;
	}
	ck_assert_int_eq(rc, SCAP_EOF);
	ck_assert_uint_eq(n, 6000);
	scap_close(h);

	/* a small buffer is written by the caller's thread */
	{
		char err[SCAP_ERRBUF_SIZE];
		SCAP_OPTS(scap_dump_opts, o, .path = path, .buffer_bytes = 4096,
			  .compression = SCAP_DUMP_GZIP);

		ck_assert_int_eq(scap_dump_open(&o, &d, err), 0);
		ck_assert_int_eq(thread_count(), nthreads);
		dump_close_ok(d);
	}
	unlink(path);
	free(path);
}
END_TEST

/*
 * A write of a compressing worker that fails (file size limit of 1,000,000 bytes; the
 * payloads do not compress) is returned by a later call and stays sticky; the file is
 * cut back to the last whole gzip member and replays every event up to it, in order,
 * to a clean end.
 */
START_TEST(test_threaded_write_failure)
{
	char *path = cb_write_temp(&(struct cb_buf){ 0 }, false);
	char err[SCAP_ERRBUF_SIZE];
	struct scap_dumper *d = NULL;
	SCAP_OPTS(scap_dump_opts, o, .path = path, .compression = SCAP_DUMP_GZIP);
	static uint8_t noise[600];
	int64_t res = sizeof(noise);
	const void *vals[2] = { &res, noise };
	uint32_t lens[2] = { 8, sizeof(noise) };
	struct rlimit rl;
	struct scap_evt_ref got = { .sz = sizeof(got) };
	struct cb_buf rec = { 0 };
	uint64_t i, n = 0;
	uint32_t x = 12345;
	scap_t *h;
	int rc = 0;

	getrlimit(RLIMIT_FSIZE, &rl);
	rl.rlim_cur = 1000000;
	signal(SIGXFSZ, SIG_IGN);
	ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &rl), 0);
	ck_assert_int_eq(scap_dump_open(&o, &d, err), 0);
	for (i = 0; i < 10000 && rc == 0; i++) {
		struct scap_evt_ref e;

		for (size_t k = 0; k < sizeof(noise); k++) {
			x = x * 1103515245u + 12345u;
			noise[k] = (uint8_t)(x >> 23);
		}
		rec.len = 0;
		cb_evt_record(&rec, 10 + i, 1, SCAP_EVT_SYSCALL_WRITE_X, 2, vals, lens, 2);
		e = cb_evt_ref(&rec, 0);
		rc = scap_dump_event(d, &e, 0);
	}
	ck_assert_int_eq(rc, -EFBIG);
	ck_assert_uint_lt(i, 10000);                        /* 6 MB did not fit */
	ck_assert_ptr_nonnull(strstr(scap_dump_last_error(d), path));
	ck_assert_int_eq(scap_dump_event(d, &got, 0), -EFBIG);  /* sticky */
	ck_assert_int_eq(scap_dump_flush(d), -EFBIG);
	ck_assert_int_eq(scap_dump_close(d, err), -EFBIG);
	ck_assert_ptr_nonnull(strstr(err, "File too large"));
	cb_free(&rec);
	h = cb_open_path(path);
	while ((rc = scap_next(h, &got)) == 0)
		ck_assert_uint_eq(got.ts_ns, 10 + n++);
	ck_assert_int_eq(rc, SCAP_EOF);
	ck_assert_uint_gt(n, 1000);                         /* most of the first MB */
	ck_assert_uint_lt(n, i);
	scap_close(h);
	unlink(path);
	free(path);
}
END_TEST

START_TEST(test_open_errors)
{
	char err[SCAP_ERRBUF_SIZE];
	struct scap_dumper *d = (void *)1;
	SCAP_OPTS(scap_dump_opts, o, .path = "/nonexistent-dir/x.scap");
	SCAP_OPTS(scap_dump_opts, none);
	SCAP_OPTS(scap_dump_opts, lvl, .path = "/tmp/x", .gzip_level = 10);

	ck_assert_int_eq(scap_dump_open(&o, &d, err), -ENOENT);
	ck_assert_ptr_null(d);
	ck_assert_str_eq(err, "cannot create /nonexistent-dir/x.scap: No such file or directory");
	ck_assert_int_eq(scap_dump_open(&none, &d, err), -EINVAL);
	ck_assert_int_eq(scap_dump_open(&lvl, &d, err), -EINVAL);
	ck_assert_int_eq(scap_dump_open(NULL, &d, NULL), -EINVAL);
	/* /dev/full takes the open, then fails the header write with ENOSPC */
	if (access("/dev/full", W_OK) == 0) {
		SCAP_OPTS(scap_dump_opts, full, .path = "/dev/full");

		ck_assert_int_eq(scap_dump_open(&full, &d, err), -ENOSPC);
		ck_assert_ptr_nonnull(strstr(err, "No space left on device"));
	}
	ck_assert_int_eq(scap_dump_close(NULL, NULL), 0);
}
END_TEST

START_TEST(test_misuse)
{
	char *path = cb_write_temp(&(struct cb_buf){ 0 }, false);
	struct scap_dumper *d = dump_open(path, SCAP_DUMP_PLAIN, 0);
	struct scap_threadinfo t;
	struct cb_buf rec = { 0 };
	struct scap_evt_ref e;
	struct scap_dump_stats small = { .sz = 4 };

	memset(&t, 0, sizeof(t));
	ck_assert_int_eq(scap_dump_proclist_add(d, &t), -EINVAL);
	ck_assert_int_eq(scap_dump_proclist_end(d), -EINVAL);
	ck_assert_int_eq(scap_dump_proclist_begin(d), 0);
	ck_assert_int_eq(scap_dump_proclist_add(d, &t), 0);
	/* no other block while the process list is open */
	ck_assert_int_eq(scap_dump_fdlist(d, 1, NULL, 0), -EINVAL);
	ck_assert_int_eq(scap_dump_proclist_end(d), 0);
	write_event(&rec, 1, 1, 3);
	e = cb_evt_ref(&rec, 0);
	e.len -= 1; /* unlike the header's length */
	ck_assert_int_eq(scap_dump_event(d, &e, 0), -EINVAL);
	ck_assert_int_eq(scap_dump_event(d, NULL, 0), -EINVAL);
	ck_assert_int_eq(scap_dump_get_stats(d, &small), -EINVAL);
	e.len += 1;
	ck_assert_int_eq(scap_dump_event(d, &e, 0), 0); /* errors were not sticky */
	dump_close_ok(d);
	cb_free(&rec);
	unlink(path);
	free(path);
}
END_TEST

static Suite *dump_suite(void)
{
	Suite *s = suite_create("dump");
	TCase *tc;

	tc = tcase_create("blocks");
	tcase_add_test(tc, test_section_header_bytes);
	tcase_add_loop_test(tc, test_state_round_trip, 0, 2);
	tcase_add_test(tc, test_event_blocks);
	tcase_add_test(tc, test_snaplen);
	suite_add_tcase(s, tc);

	tc = tcase_create("io");
	tcase_set_timeout(tc, 0); /* no per-test timeout: ctest bounds a hung suite */
	tcase_add_loop_test(tc, test_many_events, 0, 2);
	tcase_add_test(tc, test_write_failure_leaves_valid_file);
	tcase_add_loop_test(tc, test_threaded_writer, 0, 2);
	tcase_add_test(tc, test_threaded_write_failure);
	tcase_add_test(tc, test_open_errors);
	tcase_add_test(tc, test_misuse);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(dump_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

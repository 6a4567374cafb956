/* SPDX-License-Identifier: Apache-2.0 */
/*
 * capture_builder.c - see capture_builder.h. Aborts on allocation failure: test code.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "capture_builder.h"

void cb_free(struct cb_buf *b)
{
	free(b->data);
	memset(b, 0, sizeof(*b));
}

void cb_put(struct cb_buf *b, const void *p, size_t n)
{
	if (b->len + n > b->cap) {
		size_t ncap = b->cap ? b->cap : 256;

		while (ncap < b->len + n)
			ncap *= 2;
		b->data = realloc(b->data, ncap);
		if (!b->data)
			abort();
		b->cap = ncap;
	}
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
}

void cb_u8(struct cb_buf *b, uint8_t v) { cb_put(b, &v, 1); }
void cb_u16(struct cb_buf *b, uint16_t v) { cb_put(b, &v, 2); }
void cb_u32(struct cb_buf *b, uint32_t v) { cb_put(b, &v, 4); }
void cb_u64(struct cb_buf *b, uint64_t v) { cb_put(b, &v, 8); }

void cb_strn(struct cb_buf *b, const char *s, uint16_t n)
{
	cb_u16(b, n);
	cb_put(b, s, n);
}

void cb_str(struct cb_buf *b, const char *s)
{
	cb_strn(b, s, (uint16_t)strlen(s));
}

size_t cb_block(struct cb_buf *f, uint32_t type, const void *body, size_t len)
{
	static const uint8_t zero[4];
	size_t pad = (4 - len % 4) % 4;
	uint32_t total = (uint32_t)(12 + len + pad);
	size_t off = f->len;

	cb_u32(f, type);
	cb_u32(f, total);
	cb_put(f, body, len);
	cb_put(f, zero, pad);
	cb_u32(f, total);
	return off;
}

void cb_block_raw(struct cb_buf *f, uint32_t type, uint32_t hdr_len, const void *body,
		  size_t len, uint32_t trailer)
{
	cb_u32(f, type);
	cb_u32(f, hdr_len);
	cb_put(f, body, len);
	cb_u32(f, trailer);
}

void cb_shb(struct cb_buf *f)
{
	struct cb_buf b = { 0 };

	cb_u32(&b, 0x1A2B3C4D);
	cb_u16(&b, 1);
	cb_u16(&b, 2);
	cb_u64(&b, UINT64_MAX);
	cb_block(f, 0x0A0D0D0A, b.data, b.len);
	cb_free(&b);
}

void cb_mi(struct cb_buf *f, const struct scap_machine_info *mi, bool old)
{
	struct cb_buf b = { 0 };
	char host[128] = { 0 };

	memcpy(host, mi->hostname, strnlen(mi->hostname, sizeof(host)));
	cb_u32(&b, mi->num_cpus);
	cb_u64(&b, mi->memory_size_bytes);
	cb_u64(&b, mi->max_pid);
	cb_put(&b, host, sizeof(host));
	cb_u64(&b, old ? 0 : mi->boot_ts_ns);
	cb_u64(&b, old ? 0 : mi->flags);
	cb_u64(&b, 0);
	cb_u64(&b, 0);
	cb_block(f, 0x201, b.data, b.len);
	cb_free(&b);
}

static const uint32_t pl_types[10] = { 0, 0x202, 0x207, 0x209, 0x210, 0x211, 0x212, 0x213,
				       0x214, 0x215 };

static void pl_entry(struct cb_buf *e, int v, const struct scap_threadinfo *t, bool old_v9)
{
	cb_u64(e, t->tid);
	cb_u64(e, t->pid);
	cb_u64(e, t->ptid);
	if (v >= 6)
		cb_u64(e, t->sid);
	if (v >= 8)
		cb_u64(e, t->vpgid);
	cb_str(e, t->comm);
	cb_str(e, t->exe);
	if (v >= 7)
		cb_str(e, t->exepath);
	cb_strn(e, t->args, t->args_len);
	cb_str(e, t->cwd);
	cb_u64(e, (uint64_t)t->fdlimit);
	cb_u32(e, t->flags);
	cb_u32(e, t->uid);
	cb_u32(e, t->gid);
	if (v >= 2) {
		cb_u32(e, t->vmsize_kb);
		cb_u32(e, t->vmrss_kb);
		cb_u32(e, t->vmswap_kb);
		cb_u64(e, t->pfmajor);
		cb_u64(e, t->pfminor);
	}
	if (v >= 3)
		cb_strn(e, t->env, t->env_len);
	if (v >= 4) {
		cb_u64(e, (uint64_t)t->vtid);
		cb_u64(e, (uint64_t)t->vpid);
		cb_strn(e, t->cgroups, t->cgroups_len);
	}
	if (v >= 5)
		cb_str(e, t->root);
	if (v < 9)
		return;
	if (!old_v9) {
		cb_u64(e, t->pidns_init_start_ts_ns);
		cb_u32(e, t->tty);
	}
	cb_u32(e, t->loginuid);
	cb_u8(e, t->exe_writable);
	cb_u64(e, t->cap_inheritable);
	cb_u64(e, t->cap_permitted);
	cb_u64(e, t->cap_effective);
	if (old_v9)
		return;
	cb_u8(e, t->exe_upper_layer);
	cb_u64(e, t->exe_ino);
	cb_u64(e, t->exe_ino_ctime);
	cb_u64(e, t->exe_ino_mtime);
	cb_u8(e, t->exe_from_memfd);
	cb_u32(e, 0xfeedf00d); /* a field from a future writer: must be skipped */
}

static void pl_block(struct cb_buf *f, int v, const struct scap_threadinfo *t, uint32_t n,
		     bool old_v9)
{
	struct cb_buf b = { 0 };

	for (uint32_t i = 0; i < n; i++) {
		struct cb_buf e = { 0 };

		pl_entry(&e, v, &t[i], old_v9);
		if (v == 9)
			cb_u32(&b, (uint32_t)(e.len + 4));
		cb_put(&b, e.data, e.len);
		cb_free(&e);
	}
	cb_block(f, pl_types[v], b.data, b.len);
	cb_free(&b);
}

void cb_pl(struct cb_buf *f, int version, const struct scap_threadinfo *t, uint32_t n)
{
	pl_block(f, version, t, n, false);
}

void cb_pl_v9_old(struct cb_buf *f, const struct scap_threadinfo *t)
{
	pl_block(f, 9, t, 1, true);
}

static void fd_entry(struct cb_buf *e, bool v2, const struct scap_fdinfo *fd)
{
	cb_u64(e, (uint64_t)fd->fd);
	cb_u64(e, fd->ino);
	cb_u8(e, (uint8_t)fd->type);
	switch (fd->type) {
	case SCAP_FD_IPV4_SOCK:
		cb_u32(e, fd->info.ipv4.sip);
		cb_u32(e, fd->info.ipv4.dip);
		cb_u16(e, fd->info.ipv4.sport);
		cb_u16(e, fd->info.ipv4.dport);
		cb_u8(e, fd->info.ipv4.l4proto);
		break;
	case SCAP_FD_IPV4_SERVSOCK:
		cb_u32(e, fd->info.ipv4_server.ip);
		cb_u16(e, fd->info.ipv4_server.port);
		cb_u8(e, fd->info.ipv4_server.l4proto);
		break;
	case SCAP_FD_IPV6_SOCK:
		cb_put(e, fd->info.ipv6.sip, 16);
		cb_put(e, fd->info.ipv6.dip, 16);
		cb_u16(e, fd->info.ipv6.sport);
		cb_u16(e, fd->info.ipv6.dport);
		cb_u8(e, fd->info.ipv6.l4proto);
		break;
	case SCAP_FD_IPV6_SERVSOCK:
		cb_put(e, fd->info.ipv6_server.ip, 16);
		cb_u16(e, fd->info.ipv6_server.port);
		cb_u8(e, fd->info.ipv6_server.l4proto);
		break;
	case SCAP_FD_UNIX_SOCK:
		cb_u64(e, fd->info.unix_sock.source);
		cb_u64(e, fd->info.unix_sock.dest);
		cb_str(e, fd->name);
		break;
	case SCAP_FD_FILE_V2:
		cb_u32(e, fd->info.file.open_flags);
		cb_str(e, fd->name);
		if (v2)
			cb_u32(e, (uint32_t)fd->info.file.dev);
		break;
	case SCAP_FD_UNKNOWN:
		break;
	default:
		cb_str(e, fd->name);
		break;
	}
}

void cb_fdl(struct cb_buf *f, bool v2, uint64_t tid, const struct scap_fdinfo *fds, uint32_t n)
{
	struct cb_buf b = { 0 };

	cb_u64(&b, tid);
	for (uint32_t i = 0; i < n; i++) {
		struct cb_buf e = { 0 };

		fd_entry(&e, v2, &fds[i]);
		if (v2)
			cb_u32(&b, (uint32_t)(e.len + 4));
		cb_put(&b, e.data, e.len);
		cb_free(&e);
	}
	cb_block(f, v2 ? 0x218 : 0x203, b.data, b.len);
	cb_free(&b);
}

void cb_ul(struct cb_buf *f, bool v2, const struct scap_userinfo *u, uint32_t nu,
	   const struct scap_groupinfo *g, uint32_t ng)
{
	struct cb_buf b = { 0 };

	for (uint32_t i = 0; i < nu + ng; i++) {
		struct cb_buf e = { 0 };

		if (i < nu) {
			cb_u8(&e, 0);
			cb_u32(&e, u[i].uid);
			cb_u32(&e, u[i].gid);
			cb_str(&e, u[i].name);
			cb_str(&e, u[i].homedir);
			cb_str(&e, u[i].shell);
		} else {
			cb_u8(&e, 1);
			cb_u32(&e, g[i - nu].gid);
			cb_str(&e, g[i - nu].name);
		}
		if (v2)
			cb_u32(&b, (uint32_t)(e.len + 4));
		cb_put(&b, e.data, e.len);
		cb_free(&e);
	}
	cb_block(f, v2 ? 0x220 : 0x206, b.data, b.len);
	cb_free(&b);
}

void cb_il(struct cb_buf *f, bool v2, const struct scap_ifinfo_ipv4 *v4, uint32_t n4,
	   const struct scap_ifinfo_ipv6 *v6, uint32_t n6)
{
	struct cb_buf b = { 0 };

	for (uint32_t i = 0; i < n4 + n6; i++) {
		struct cb_buf e = { 0 };
		uint16_t type = i < n4 ? v4[i].type : v6[i - n4].type;
		const char *name = i < n4 ? v4[i].name : v6[i - n4].name;

		cb_u16(&e, type);
		cb_u16(&e, (uint16_t)strlen(name));
		if (i < n4) {
			cb_u32(&e, v4[i].addr);
			cb_u32(&e, v4[i].netmask);
			cb_u32(&e, v4[i].bcast);
			if (type == 1)
				cb_u64(&e, v4[i].linkspeed);
		} else {
			cb_put(&e, v6[i - n4].addr, 16);
			cb_put(&e, v6[i - n4].netmask, 16);
			cb_put(&e, v6[i - n4].bcast, 16);
			if (type == 2)
				cb_u64(&e, v6[i - n4].linkspeed);
		}
		cb_put(&e, name, strlen(name));
		if (v2)
			cb_u32(&b, (uint32_t)e.len); /* interface entries: excludes itself */
		cb_put(&b, e.data, e.len);
		cb_free(&e);
	}
	cb_block(f, v2 ? 0x219 : 0x205, b.data, b.len);
	cb_free(&b);
}

static void evt_build(struct cb_buf *out, bool v1, uint64_t ts, uint64_t tid, uint16_t type,
		      uint32_t nparams, const void *const *vals, const uint32_t *lens, int width)
{
	uint32_t len = v1 ? 22 : 26;

	len += nparams * (uint32_t)width;
	for (uint32_t i = 0; i < nparams; i++)
		len += lens[i];
	cb_u64(out, ts);
	cb_u64(out, tid);
	cb_u32(out, len);
	cb_u16(out, type);
	if (!v1)
		cb_u32(out, nparams);
	for (uint32_t i = 0; i < nparams; i++) {
		if (width == 2)
			cb_u16(out, (uint16_t)lens[i]);
		else
			cb_u32(out, lens[i]);
	}
	for (uint32_t i = 0; i < nparams; i++)
		cb_put(out, vals[i], lens[i]);
}

void cb_evt_record(struct cb_buf *out, uint64_t ts, uint64_t tid, uint16_t type,
		   uint32_t nparams, const void *const *vals, const uint32_t *lens, int width)
{
	evt_build(out, false, ts, tid, type, nparams, vals, lens, width);
}

size_t cb_event(struct cb_buf *f, uint32_t btype, uint16_t cpu, uint32_t flags, uint64_t ts,
		uint64_t tid, uint16_t type, uint32_t nparams, const void *const *vals,
		const uint32_t *lens, int width)
{
	bool v1 = btype == 0x204 || btype == 0x208 || btype == 0x8010ABCD;
	bool has_flags = btype == 0x208 || btype == 0x217 || btype == 0x222;
	struct cb_buf b = { 0 };
	size_t off;

	cb_u16(&b, cpu);
	if (has_flags)
		cb_u32(&b, flags);
	evt_build(&b, v1, ts, tid, type, nparams, vals, lens, width);
	off = cb_block(f, btype, b.data, b.len);
	cb_free(&b);
	return off;
}

void cb_gzip(const struct cb_buf *in, struct cb_buf *out)
{
	z_stream zs;
	uint8_t chunk[65536];
	int rc;

	memset(&zs, 0, sizeof(zs));
	if (deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		abort();
	zs.next_in = in->data;
	zs.avail_in = (uInt)in->len;
	do {
		zs.next_out = chunk;
		zs.avail_out = sizeof(chunk);
		rc = deflate(&zs, Z_FINISH);
		cb_put(out, chunk, sizeof(chunk) - zs.avail_out);
	} while (rc == Z_OK);
	deflateEnd(&zs);
}

char *cb_write_temp(const struct cb_buf *b, bool gzip)
{
	char *path = strdup("/tmp/scry_cb_XXXXXX");
	struct cb_buf z = { 0 };
	const struct cb_buf *src = b;
	int fd;

	if (!path)
		abort();
	fd = mkstemp(path);
	if (fd < 0)
		abort();
	if (gzip) {
		cb_gzip(b, &z);
		src = &z;
	}
	if (src->len && write(fd, src->data, src->len) != (ssize_t)src->len)
		abort();
	close(fd);
	cb_free(&z);
	return path;
}

struct scap_evt_ref cb_evt_ref(const struct cb_buf *rec, uint16_t cpu)
{
	struct scap_evt_ref e = { .sz = sizeof(e) };
	struct scap_abi_evt_hdr h;

	memcpy(&h, rec->data, sizeof(h));
	e.raw = rec->data;
	e.len = h.len;
	e.ts_ns = h.ts;
	e.tid = h.tid;
	e.type = h.type;
	e.nparams = h.nparams;
	e.cpu = cpu;
	return e;
}

scap_t *cb_open_path(const char *path)
{
	char err[SCAP_ERRBUF_SIZE];
	scap_t *h = NULL;
	SCAP_OPTS(scap_open_opts, o, .path = path);
	int rc = scap_open(&o, &h, err);

	if (rc) {
		fprintf(stderr, "scap_open %s: %d %s\n", path, rc, err);
		abort();
	}
	return h;
}

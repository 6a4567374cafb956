/* SPDX-License-Identifier: Apache-2.0 */
/*
 * capture_builder.h - writes scap capture files in memory for the tests and the fuzzer
 * seed corpus: section header, machine info, process list (V1..V9), fd list (V1, V2),
 * user list (V1, V2), interface list (V1, V2), event blocks (22- and 26-byte headers,
 * with and without flags, large), unknown blocks, and raw bytes for corrupt input.
 * The layouts are those libscap reads (see libscap/engine/savefile_hdr.c); this is an
 * independent writer so the reader is not tested against itself.
 */
#ifndef CAPTURE_BUILDER_H
#define CAPTURE_BUILDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <scry/scap.h>
#include <scry/scap_state.h>

/* A growable byte string. */
struct cb_buf {
	uint8_t *data;
	size_t len, cap;
};

void cb_free(struct cb_buf *b);
void cb_put(struct cb_buf *b, const void *p, size_t n);
void cb_u8(struct cb_buf *b, uint8_t v);
void cb_u16(struct cb_buf *b, uint16_t v);
void cb_u32(struct cb_buf *b, uint32_t v);
void cb_u64(struct cb_buf *b, uint64_t v);
void cb_str(struct cb_buf *b, const char *s);            /* {u16 len; bytes} */
void cb_strn(struct cb_buf *b, const char *s, uint16_t n);

/* One block {type, total length, body, padding to 4, total length}; returns its offset. */
size_t cb_block(struct cb_buf *f, uint32_t type, const void *body, size_t len);
/* A block whose two length fields are given verbatim (for lying lengths). */
void cb_block_raw(struct cb_buf *f, uint32_t type, uint32_t hdr_len, const void *body,
		  size_t len, uint32_t trailer);

void cb_shb(struct cb_buf *f);                           /* version 1.2 */
/* Machine info; old = the 148-byte prefix + reserved (boot ts and flags written as 0). */
void cb_mi(struct cb_buf *f, const struct scap_machine_info *mi, bool old);
/* Process list block of version 1..9 with @n threads (fds are not written here). */
void cb_pl(struct cb_buf *f, int version, const struct scap_threadinfo *t, uint32_t n);
/* Process list V9 entry written by a pre-0.10 writer (no pidns_init_start_ts/tty). */
void cb_pl_v9_old(struct cb_buf *f, const struct scap_threadinfo *t);
/* fd list block for @tid, V1 or V2 (V2 writes dev for FILE_V2). */
void cb_fdl(struct cb_buf *f, bool v2, uint64_t tid, const struct scap_fdinfo *fds, uint32_t n);
/* user list, V1 or V2. */
void cb_ul(struct cb_buf *f, bool v2, const struct scap_userinfo *u, uint32_t nu,
	   const struct scap_groupinfo *g, uint32_t ng);
/* interface list, V1 or V2; entries keep their type (1..4 selects linkspeed or not). */
void cb_il(struct cb_buf *f, bool v2, const struct scap_ifinfo_ipv4 *v4, uint32_t n4,
	   const struct scap_ifinfo_ipv6 *v6, uint32_t n6);

/* A raw event record (26-byte header) into @out: lens of width 2 or 4. */
void cb_evt_record(struct cb_buf *out, uint64_t ts, uint64_t tid, uint16_t type,
		   uint32_t nparams, const void *const *vals, const uint32_t *lens, int width);
/*
 * An event block of @btype (EV, EVF, EV_V2, EVF_V2, *_V2_LARGE) holding the record
 * built as by cb_evt_record; for the 22-byte-header types nparams is not stored.
 * flags is written for the EVF types only. Returns the block's offset.
 */
size_t cb_event(struct cb_buf *f, uint32_t btype, uint16_t cpu, uint32_t flags, uint64_t ts,
		uint64_t tid, uint16_t type, uint32_t nparams, const void *const *vals,
		const uint32_t *lens, int width);

/* Write @b to a new temp file (plain or gzip); returns a malloc'd path (unlink+free it).
 * An empty @b makes an empty file (a path for a writer to fill). */
char *cb_write_temp(const struct cb_buf *b, bool gzip);
/* The view scap_next() gives of record @rec (made by cb_evt_record), from CPU @cpu: raw,
 * len, ts, tid, type and nparams from its header; flags 0. */
struct scap_evt_ref cb_evt_ref(const struct cb_buf *rec, uint16_t cpu);
/* scap_open() of capture file @path; prints the message and aborts on failure. */
scap_t *cb_open_path(const char *path);
/* gzip-compress @b in memory. */
void cb_gzip(const struct cb_buf *in, struct cb_buf *out);

#endif /* CAPTURE_BUILDER_H */

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * dump_int.h - internals of the dumper (dump.c: file, buffer, events; dump_blocks.c:
 * the header block encoders). Never installed.
 */
#ifndef SCAP_DUMP_INT_H
#define SCAP_DUMP_INT_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#include <scry/scap_dump.h>
#include "scap_int.h"

/* Buffers in flight to the gzip workers: a kill loses at most this many plus the one
 * filling. */
#define SCAP_DUMP_QUEUE 4

struct dump_gz; /* dump_gzip.c */

struct scap_dumper {
	/* the output side: the caller's thread's, or a gzip worker's (dump_gzip.c) */
	int fd;                     /* the file; -1 once closed */
	bool is_regular;            /* regular file: can be cut back on error */
	uint64_t out_off;           /* bytes written to the file (compressed for gzip) */
	struct dump_gz *gz;         /* gzip: compressor and workers; NULL: plain */
	uint8_t *buf;               /* blocks assembled, not yet handed to the file */
	size_t len, cap;            /* bytes used / allocated in buf */
	size_t flush_at;            /* hand buf to the file once len reaches this */
	size_t blk_start;           /* offset in buf of the open block, SIZE_MAX when none */
	uint32_t snaplen;           /* 0: buffers kept whole */
	uint64_t file_off;          /* uncompressed bytes handed to the file (or the worker) */
	uint64_t events, events_truncated;
	int err;                    /* sticky write error (negative errno), 0 when none */
	char path[256];             /* for messages */
	char errbuf[SCAP_ERRBUF_SIZE];
	uint8_t *scratch;           /* event rewritten for snaplen */
	size_t scratch_cap;
	/* opts.compat_0293: types from here on go through dump_compat_event() (checked on
	 * the fast path); UINT32_MAX when off */
	uint32_t compat_from;
	uint64_t events_compat;     /* events written as their 0.29.3 form */
	uint8_t *compat;            /* event rewritten for 0.29.3 */
	size_t compat_cap;
};

/* Format @code's message into d->errbuf (": strerror" appended for system errors other
 * than -EINVAL) and return @code. */
int scap_dump_err(struct scap_dumper *d, int code, const char *fmt, ...) SCAP_PRINTF(3, 4);

/* Make room for @n more bytes in d->buf. Return 0 or -ENOMEM (message set). */
int scap_dump_reserve(struct scap_dumper *d, size_t n);

/* Append bytes to the buffer; the caller reserved room (scap_dump_reserve()). */
static inline void dump_put(struct scap_dumper *d, const void *p, size_t n)
{
	memcpy(d->buf + d->len, p, n);
	d->len += n;
}

/*
 * Blocks: scap_dump_blk_begin() opens a block of @type at the end of the buffer;
 * the body is appended with the dump_put helpers (after scap_dump_reserve());
 * scap_dump_blk_end() pads it to 4 bytes, writes both lengths and hands the buffer
 * to the file when it is full enough. Return 0 or a negative errno.
 */
int scap_dump_blk_begin(struct scap_dumper *d, uint32_t type);
int scap_dump_blk_end(struct scap_dumper *d);

/*
 * Write @len bytes of whole blocks (or, when @whole, one unit such as a gzip member) to
 * d->fd, retrying short writes. On failure a regular file is cut back to the last block
 * boundary written (@whole: to the unit's start), so it stays a valid capture; the
 * message goes to @ebuf (SCAP_ERRBUF_SIZE bytes). Output side only. Return 0 or the
 * negative errno.
 */
int scap_dump_write_fd(struct scap_dumper *d, const uint8_t *buf, size_t len, bool whole,
		       char *ebuf);

/*
 * gzip (dump_gzip.c). dump_gz_open(): set d->gz up for @level (1..9), compressing on
 * the caller's thread; 0 or -ENOMEM. dump_gz_start(): ask for workers, with buffers of
 * @cap bytes, started at the first buffer handed over to them (if they cannot be, the
 * caller's thread goes on compressing). dump_gz_put(): hand d->buf[0, d->len) over as
 * one member (d->buf may be swapped for a free buffer; the caller empties it); @now:
 * the caller waits for it anyway, so it is compressed and written on the caller's
 * thread after the members in flight; 0 or the first error of a write or of a worker
 * (message in d->errbuf). dump_gz_sync(): wait until everything handed over is in the
 * file; 0 or that error. dump_gz_close(): sync, end the workers, free d->gz.
 */
int dump_gz_open(struct scap_dumper *d, int level);
void dump_gz_start(struct scap_dumper *d, size_t cap);
int dump_gz_put(struct scap_dumper *d, bool now);
int dump_gz_sync(struct scap_dumper *d);
void dump_gz_close(struct scap_dumper *d);

/*
 * dump_compat_event() (dump_compat.c): @evt as sysdig 0.29.3 reads it. A type that
 * scap_evt_compat_0293 maps is rewritten into d->compat and *@out describes that record
 * (raw, len, type, nparams; the rest copied from @evt); any other event: *@out = *@evt.
 * Return 0; -EINVAL parameter lengths overrunning the record or a parameter too long
 * for the older type; -ENOMEM (message in d->errbuf).
 */
int dump_compat_event(struct scap_dumper *d, const struct scap_evt_ref *evt,
		      struct scap_evt_ref *out);

/* Check that d is usable (not NULL, no sticky error, no open process list unless
 * @in_pl). Return 0 or the error. */
int scap_dump_check(struct scap_dumper *d, bool in_pl);

#endif /* SCAP_DUMP_INT_H */

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
#include <pthread.h>
#include <zlib.h>

#include <libscap/scap_dump.h>
#include "scap_int.h"

/*
 * The output side (fd, gz, out_off) belongs to whichever thread writes: the worker
 * while it runs, the caller's thread otherwise and whenever the worker is idle
 * (queued 0, observed under mu). The queue fields are shared under mu; a slot's
 * buffer belongs to the worker while it is queued, to the caller otherwise.
 */
/* Buffers queued for the worker: a kill loses at most this many plus the one filling. */
#define SCAP_DUMP_QUEUE 4

struct scap_dump_worker {
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t job_cv;      /* a job was queued, or quit */
	pthread_cond_t idle_cv;     /* a job is done */
	struct {
		uint8_t *buf;       /* blocks to write, starting on a boundary */
		size_t len, cap;
	} slot[SCAP_DUMP_QUEUE];
	unsigned head;              /* slot the worker writes next */
	unsigned queued;            /* jobs in slot[head], slot[head + 1], ... */
	bool quit;
	int err;                    /* first write error (negative errno), 0 when none */
	char errbuf[SCAP_ERRBUF_SIZE];  /* its message */
};

struct scap_dumper {
	int fd;                     /* plain: the file; -1 once closed */
	gzFile gz;                  /* gzip: the stream (owns the fd), else NULL */
	bool is_regular;            /* plain regular file: can be cut back on error */
	uint64_t out_off;           /* uncompressed bytes written to the file (output side) */
	struct scap_dump_worker *w; /* writing thread, NULL: the caller's thread writes */
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

/* Check that d is usable (not NULL, no sticky error, no open process list unless
 * @in_pl). Return 0 or the error. */
int scap_dump_check(struct scap_dumper *d, bool in_pl);

#endif /* SCAP_DUMP_INT_H */

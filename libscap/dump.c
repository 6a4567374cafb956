/* SPDX-License-Identifier: Apache-2.0 */
/*
 * dump.c - the dumper: the file (plain write(2), or gzip members from dump_gzip.c), the
 * block buffer, the section header, event blocks (EV_V2/EVF_V2, snaplen), stats and
 * close. The header block encoders are in dump_blocks.c.
 *
 * Blocks are assembled in one buffer and handed to the file only between blocks,
 * so the file always ends on a block boundary except while a write(2) is under way.
 * A regular file that a write fails on (ENOSPC, EIO) is cut back to the last block
 * (plain) or gzip member (gzip) the kernel took whole.
 *
 * Plain files are written by the caller's thread: handing the bytes to another core
 * measured slower than the write(2) it saves. gzip with buffers of at least
 * DUMP_ASYNC_MIN bytes (the default) is compressed by worker threads while the caller
 * fills the next buffer (dump_gzip.c); up to SCAP_DUMP_QUEUE full buffers are in
 * flight, so the file lags behind what was accepted by at most that many plus the one
 * being filled. A worker's write error is returned by the call that next hands a
 * buffer over (or by flush/close). What flush and close hand over is compressed on the
 * caller's thread, which waits for it anyway (dump_gzip.c).
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <scry/scap_bytes.h>
#include "driver/abi/event_table_compat.h"
#include "dump_int.h"

/* 256 KiB: the buffers in use (one filling, SCAP_DUMP_QUEUE queued) stay near the L2
 * cache, which a larger default measured slower for. */
#define DUMP_BUF_DEFAULT (256u << 10)
#define DUMP_BUF_MIN 4096u
/* Smaller gzip buffers are asked for to lose little on a kill: compressed by the
 * caller's thread, each when it is full. */
#define DUMP_ASYNC_MIN (128u << 10)
#define DUMP_SHB_MAJOR 1
#define DUMP_SHB_MINOR 2

int scap_dump_err(struct scap_dumper *d, int code, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(d->errbuf, sizeof(d->errbuf), fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	if (code < 0 && code != -EINVAL && (size_t)n < sizeof(d->errbuf))
		snprintf(d->errbuf + n, sizeof(d->errbuf) - (size_t)n, ": %s", strerror(-code));
	return code;
}

int scap_dump_reserve(struct scap_dumper *d, size_t n)
{
	size_t ncap;
	uint8_t *p;

	if (d->cap - d->len >= n)
		return 0;
	ncap = d->cap ? d->cap : DUMP_BUF_MIN;
	while (ncap - d->len < n) {
		if (ncap > SIZE_MAX / 2)
			return scap_dump_err(d, -ENOMEM, "dump: buffer for %zu bytes", d->len + n);
		ncap *= 2;
	}
	p = realloc(d->buf, ncap);
	if (!p)
		return scap_dump_err(d, -ENOMEM, "dump: buffer of %zu bytes", ncap);
	d->buf = p;
	d->cap = ncap;
	return 0;
}

int scap_dump_check(struct scap_dumper *d, bool in_pl)
{
	if (!d)
		return -EINVAL;
	if (d->err)
		return d->err;
	if (!in_pl && d->blk_start != SIZE_MAX)
		return scap_dump_err(d, -EINVAL, "dump: a process list block is still open");
	return 0;
}

/* ---- handing the buffer to the file ----------------------------------------------- */

/* The largest block boundary in buf[0, upto). buf starts on a boundary. */
static size_t last_boundary(const uint8_t *buf, size_t upto)
{
	size_t off = 0;

	while (off + SCAP_BLOCK_HDR_LEN <= upto) {
		uint32_t blen = scap_get_u32(buf + off + 4);

		if (blen < SCAP_BLOCK_OVERHEAD || off + blen > upto)
			break;
		off += blen;
	}
	return off;
}

/* Message of an output error into @ebuf (SCAP_ERRBUF_SIZE bytes), ": strerror(-code)"
 * appended when @sys; returns @code. */
static int out_err(char *ebuf, int code, bool sys, const char *fmt, ...) SCAP_PRINTF(4, 5);

static int out_err(char *ebuf, int code, bool sys, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(ebuf, SCAP_ERRBUF_SIZE, fmt, ap);
	va_end(ap);
	if (sys && n >= 0 && n < SCAP_ERRBUF_SIZE)
		snprintf(ebuf + n, SCAP_ERRBUF_SIZE - (size_t)n, ": %s", strerror(-code));
	return code;
}

int scap_dump_write_fd(struct scap_dumper *d, const uint8_t *buf, size_t len, bool whole,
		       char *ebuf)
{
	size_t done = 0;

	while (done < len) {
		ssize_t n = write(d->fd, buf + done, len - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			int e = n < 0 ? errno : ENOSPC;
			size_t keep = whole ? 0 : last_boundary(buf, done);

			/* Leave a file that ends after a whole block (or member). */
			if (d->is_regular && keep < done &&
			    ftruncate(d->fd, (off_t)(d->out_off + keep)) == 0)
				done = keep;
			d->out_off += done;
			return out_err(ebuf, -e, true, "writing %s (%" PRIu64 " bytes written, the file "
				       "ends after the last complete block)", d->path, d->out_off);
		}
		done += (size_t)n;
	}
	d->out_off += done;
	return 0;
}

/* Hand the whole buffer to the file (or the gzip side); only between blocks. @now:
 * the caller waits until it is in the file (flush, close). */
static int drain(struct scap_dumper *d, bool now)
{
	int rc;

	if (d->err)
		return d->err;
	if (!d->len)
		return 0;
	if (d->gz)
		rc = dump_gz_put(d, now);
	else
		rc = scap_dump_write_fd(d, d->buf, d->len, false, d->errbuf);
	if (rc)
		d->err = rc;
	else
		d->file_off += d->len;
	d->len = 0;
	return rc;
}

/* ---- blocks ----------------------------------------------------------------------- */

int scap_dump_blk_begin(struct scap_dumper *d, uint32_t type)
{
	uint32_t zero = 0;
	int rc = scap_dump_reserve(d, SCAP_BLOCK_HDR_LEN);

	if (rc)
		return rc;
	d->blk_start = d->len;
	dump_put(d, &type, 4);
	dump_put(d, &zero, 4);
	return 0;
}

int scap_dump_blk_end(struct scap_dumper *d)
{
	static const uint8_t pad[4];
	size_t body = d->len - d->blk_start - SCAP_BLOCK_HDR_LEN;
	size_t npad = (4 - body % 4) % 4;
	uint64_t total = SCAP_BLOCK_OVERHEAD + body + npad;
	uint32_t t32;
	int rc;

	if (total > SCAP_SAVEFILE_MAX_BLOCK) {
		d->len = d->blk_start;
		d->blk_start = SIZE_MAX;
		return scap_dump_err(d, -EINVAL, "dump: block of %" PRIu64 " bytes exceeds the "
				     "%u-byte limit of the readers", total, SCAP_SAVEFILE_MAX_BLOCK);
	}
	rc = scap_dump_reserve(d, npad + 4);
	if (rc) {
		d->len = d->blk_start;
		d->blk_start = SIZE_MAX;
		return rc;
	}
	t32 = (uint32_t)total;
	dump_put(d, pad, npad);
	dump_put(d, &t32, 4);
	memcpy(d->buf + d->blk_start + 4, &t32, 4);
	d->blk_start = SIZE_MAX;
	if (d->len >= d->flush_at)
		return drain(d, false);
	return 0;
}

static int write_shb(struct scap_dumper *d)
{
	uint32_t magic = SCAP_SHB_MAGIC;
	uint16_t major = DUMP_SHB_MAJOR, minor = DUMP_SHB_MINOR;
	uint64_t section_len = UINT64_MAX; /* unknown: the section runs to the end */
	int rc = scap_dump_blk_begin(d, SCAP_BT_SHB);

	if (!rc)
		rc = scap_dump_reserve(d, 16);
	if (rc)
		return rc;
	dump_put(d, &magic, 4);
	dump_put(d, &major, 2);
	dump_put(d, &minor, 2);
	dump_put(d, &section_len, 8);
	return scap_dump_blk_end(d);
}

/* ---- open / close ----------------------------------------------------------------- */

#define OPTS_GET(o, field, def) \
	((o)->sz >= offsetofend(struct scap_dump_opts, field) ? (o)->field : (def))

static int open_fail(char *errbuf, int code, const char *msg)
{
	if (errbuf)
		snprintf(errbuf, SCAP_ERRBUF_SIZE, "%s", msg);
	return code;
}

static void dumper_free(struct scap_dumper *d)
{
	dump_gz_close(d);
	free(d->buf);
	free(d->scratch);
	free(d->compat);
	free(d);
}

int scap_dump_open(const struct scap_dump_opts *opts, struct scap_dumper **out, char *errbuf)
{
	enum scap_dump_compression comp;
	struct scap_dumper *d;
	uint32_t bufsz;
	struct stat st;
	int level, rc;

	if (errbuf)
		errbuf[0] = '\0';
	if (!out)
		return open_fail(errbuf, -EINVAL, "scap_dump_open: out is NULL");
	*out = NULL;
	if (!opts || opts->sz < offsetofend(struct scap_dump_opts, path) || !opts->path ||
	    !opts->path[0])
		return open_fail(errbuf, -EINVAL, "scap_dump_open: no path given");
	if (!scap_opts_tail_zero(opts, opts->sz, sizeof(struct scap_dump_opts)))
		return open_fail(errbuf, -EINVAL,
				 "scap_dump_open: opts has non-zero fields unknown to this library");
	comp = OPTS_GET(opts, compression, SCAP_DUMP_PLAIN);
	level = OPTS_GET(opts, gzip_level, 0);
	bufsz = OPTS_GET(opts, buffer_bytes, 0);
	if (comp != SCAP_DUMP_PLAIN && comp != SCAP_DUMP_GZIP)
		return open_fail(errbuf, -EINVAL, "scap_dump_open: unknown compression");
	if (level < 0 || level > 9)
		return open_fail(errbuf, -EINVAL, "scap_dump_open: gzip level outside 0..9");

	d = calloc(1, sizeof(*d));
	if (!d)
		return open_fail(errbuf, -ENOMEM, "scap_dump_open: out of memory");
	d->blk_start = SIZE_MAX;
	d->snaplen = OPTS_GET(opts, snaplen, 0);
	d->compat_from = OPTS_GET(opts, compat_0293, false) ? SCAP_EVT_MAX_0293 : UINT32_MAX;
	d->flush_at = bufsz ? (bufsz < DUMP_BUF_MIN ? DUMP_BUF_MIN : bufsz) : DUMP_BUF_DEFAULT;
	snprintf(d->path, sizeof(d->path), "%s",
		 strcmp(opts->path, "-") ? opts->path : "standard output");
	if (strcmp(opts->path, "-") == 0)
		d->fd = dup(STDOUT_FILENO);
	else
		d->fd = open(opts->path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	if (d->fd < 0) {
		rc = scap_dump_err(d, -errno, "cannot create %s", d->path);
		goto fail;
	}
	d->is_regular = fstat(d->fd, &st) == 0 && S_ISREG(st.st_mode);
	rc = comp == SCAP_DUMP_GZIP ? dump_gz_open(d, level ? level : 1) : 0;
	if (!rc)
		rc = scap_dump_reserve(d, d->flush_at + 64);
	if (!rc)
		rc = write_shb(d);
	if (!rc)
		rc = drain(d, true); /* the header reaches the file now: the file is a capture */
	if (rc) {
		close(d->fd);
		goto fail;
	}
	if (d->gz && d->flush_at >= DUMP_ASYNC_MIN)
		dump_gz_start(d, d->cap);
	*out = d;
	return 0;
fail:
	open_fail(errbuf, rc, d->errbuf);
	dumper_free(d);
	return rc;
}

int scap_dump_flush(struct scap_dumper *d)
{
	int rc = scap_dump_check(d, false);

	if (rc)
		return rc;
	rc = drain(d, true);
	if (!rc && d->gz)
		rc = dump_gz_sync(d);
	return rc;
}

int scap_dump_close(struct scap_dumper *d, char *errbuf)
{
	int rc;

	if (errbuf)
		errbuf[0] = '\0';
	if (!d)
		return 0;
	if (d->blk_start != SIZE_MAX) {
		/* An unfinished process list is dropped, the file stays whole. */
		d->len = d->blk_start;
		d->blk_start = SIZE_MAX;
	}
	rc = drain(d, true);
	if (d->gz) {
		dump_gz_sync(d);
		dump_gz_close(d);
	}
	if (!rc)
		rc = d->err;
	if (d->fd >= 0 && close(d->fd) != 0 && !rc) {
		rc = scap_dump_err(d, -errno, "closing %s", d->path);
	}
	if (rc && errbuf)
		snprintf(errbuf, SCAP_ERRBUF_SIZE, "%s", d->errbuf);
	dumper_free(d);
	return rc;
}

/* scap_dump_get_stats() beyond bytes: apart, so that bytes alone needs no frame. */
static __attribute__((noinline)) int stats_all(struct scap_dumper *d, struct scap_dump_stats *out)
{
	struct scap_dump_stats s;
	size_t n;

	memset(&s, 0, sizeof(s));
	s.sz = out->sz < sizeof(s) ? out->sz : sizeof(s);
	s.bytes = d->file_off + d->len;
	if (d->gz)
		dump_gz_sync(d); /* the output side is the caller's while no job is in flight */
	s.file_bytes = d->out_off;
	s.events = d->events;
	s.events_truncated = d->events_truncated;
	s.events_compat = d->events_compat;
	n = s.sz;
	memcpy(out, &s, n);
	return 0;
}

int scap_dump_get_stats(struct scap_dumper *d, struct scap_dump_stats *out)
{
	if (!d || !out || out->sz < offsetofend(struct scap_dump_stats, bytes))
		return -EINVAL;
	if (out->sz == offsetofend(struct scap_dump_stats, bytes)) {
		/* bytes alone, the check of a chunk's size before each event: no more */
		out->bytes = d->file_off + d->len;
		return 0;
	}
	return stats_all(d, out);
}

const char *scap_dump_last_error(struct scap_dumper *d)
{
	return d ? d->errbuf : "no dumper";
}

/* ---- events ----------------------------------------------------------------------- */

/*
 * Cut the buffer parameters of @evt to d->snaplen into d->scratch. *out and *outlen: the
 * record to store (the original when nothing was cut). Return 0 or -EINVAL/-ENOMEM.
 */
static int snap_event(struct scap_dumper *d, const struct scap_evt_ref *evt,
		      const uint8_t **out, uint32_t *outlen)
{
	const struct scap_evt_info *info = scap_evt_info(evt->type);
	uint32_t w = scap_evt_len_width(evt->type), n = evt->nparams, i;
	const uint8_t *lens = evt->raw + SCAP_ABI_EVT_HDR_LEN, *src;
	uint64_t total = SCAP_ABI_EVT_HDR_LEN + (uint64_t)n * w;
	bool cut = false;
	uint8_t *dst, *dlens;
	uint32_t newlen;

	*out = evt->raw;
	*outlen = evt->len;
	if (!info || total > evt->len)
		return info ? scap_dump_err(d, -EINVAL, "dump: event lengths overrun the record")
			    : 0;
	for (i = 0; i < n; i++) {
		uint32_t l = w == 2 ? scap_get_u16(lens + i * 2) : scap_get_u32(lens + i * 4);

		total += l;
		if (i < info->nparams && info->params[i].type == SCAP_PT_BYTEBUF && l > d->snaplen)
			cut = true;
	}
	if (total != evt->len)
		return scap_dump_err(d, -EINVAL, "dump: event parameter lengths (%" PRIu64
				     ") unlike its length %u", total, evt->len);
	if (!cut)
		return 0;
	if (d->scratch_cap < evt->len) {
		uint8_t *p = realloc(d->scratch, evt->len);

		if (!p)
			return scap_dump_err(d, -ENOMEM, "dump: snaplen buffer");
		d->scratch = p;
		d->scratch_cap = evt->len;
	}
	dst = d->scratch;
	dlens = dst + SCAP_ABI_EVT_HDR_LEN;
	newlen = SCAP_ABI_EVT_HDR_LEN + n * w;
	src = lens + (size_t)n * w;
	for (i = 0; i < n; i++) {
		uint32_t l = w == 2 ? scap_get_u16(lens + i * 2) : scap_get_u32(lens + i * 4);
		uint32_t keep = l;

		if (i < info->nparams && info->params[i].type == SCAP_PT_BYTEBUF && l > d->snaplen)
			keep = d->snaplen;
		memcpy(dst + newlen, src, keep);
		src += l;
		newlen += keep;
		if (w == 2) {
			uint16_t k = (uint16_t)keep;

			memcpy(dlens + i * 2, &k, 2);
		} else {
			memcpy(dlens + i * 4, &keep, 4);
		}
	}
	memcpy(dst, evt->raw, SCAP_ABI_EVT_HDR_LEN);
	memcpy(dst + offsetof(struct scap_abi_evt_hdr, len), &newlen, 4);
	d->events_truncated++;
	*out = dst;
	*outlen = newlen;
	return 0;
}

/* Records up to this many bytes (most events: tens of bytes) take the inline path. */
#define DUMP_SMALL_RECORD 256u

/* Size of the event block of a @reclen-byte record: header, cpu, flags, record, padding
 * and trailing length; *npad: the padding. */
static inline uint32_t event_block_len(uint32_t reclen, uint32_t flags, uint32_t *npad)
{
	uint32_t body = 2 + (flags ? 4 : 0) + reclen;

	*npad = (4 - body % 4) % 4;
	return SCAP_BLOCK_OVERHEAD + body + *npad;
}

/*
 * Write the event block (@total bytes, @npad of padding) of record @rec (@reclen >= 16
 * bytes) at @p with fixed-size stores around one copy of the record. A short record
 * moves in 16-byte steps, the last one overlapping: cheaper than a call to memcpy().
 */
static inline __attribute__((always_inline)) void event_fill(uint8_t *p, const uint8_t *rec,
							     uint32_t reclen, uint16_t cpu,
							     uint32_t flags, uint32_t total,
							     uint32_t npad)
{
	uint32_t type = flags ? SCAP_BT_EVF_V2 : SCAP_BT_EV_V2;

	memcpy(p, &type, 4);
	memcpy(p + 4, &total, 4);
	memcpy(p + 8, &cpu, 2);
	p += 10;
	if (flags) {
		memcpy(p, &flags, 4);
		p += 4;
	}
	if (reclen <= DUMP_SMALL_RECORD) {
		uint32_t i;

		for (i = 0; i + 16 < reclen; i += 16)
			memcpy(p + i, rec + i, 16);
		memcpy(p + reclen - 16, rec + reclen - 16, 16);
	} else {
		memcpy(p, rec, reclen);
	}
	p += reclen;
	/* the padding (0 to 3 zero bytes), then the trailing length: both within total */
	memset(p, 0, 4);
	memcpy(p + npad, &total, 4);
}

/* scap_dump_event() for what its fast path leaves: errors, misuse, snaplen, types to
 * write in their 0.29.3 form, long records, a full buffer. */
static __attribute__((noinline)) int event_checked(struct scap_dumper *d,
						   const struct scap_evt_ref *evt, uint32_t flags)
{
	struct scap_evt_ref conv;
	const uint8_t *rec;
	uint32_t reclen, total, npad;
	int rc;

	if (!d || d->err || d->blk_start != SIZE_MAX)
		return scap_dump_check(d, false);
	if (!evt || !evt->raw || evt->len < SCAP_ABI_EVT_HDR_LEN ||
	    scap_get_u32(evt->raw + offsetof(struct scap_abi_evt_hdr, len)) != evt->len)
		return scap_dump_err(d, -EINVAL, "dump: event record missing or its length "
				     "unlike its header's");
	if (evt->type >= d->compat_from) {
		rc = dump_compat_event(d, evt, &conv);
		if (rc)
			return rc;
		evt = &conv;
	}
	rec = evt->raw;
	reclen = evt->len;
	if (d->snaplen) {
		rc = snap_event(d, evt, &rec, &reclen);
		if (rc)
			return rc;
	}
	total = event_block_len(reclen, flags, &npad);
	rc = scap_dump_reserve(d, total);
	if (rc)
		return rc;
	event_fill(d->buf + d->len, rec, reclen, evt->cpu, flags, total, npad);
	d->len += total;
	d->events++;
	if (d->len >= d->flush_at)
		return drain(d, false);
	return 0;
}

/*
 * This runs once per event: the usual case (a usable dumper without snaplen, a sane
 * short record, room in the buffer) makes no call but the hand-over of a full buffer,
 * so it needs no stack frame.
 */
int scap_dump_event(struct scap_dumper *d, const struct scap_evt_ref *evt, uint32_t flags)
{
	uint32_t reclen, total, npad;

	if (!d || !evt || !evt->raw || (d->err | d->snaplen) || d->blk_start != SIZE_MAX ||
	    evt->type >= d->compat_from)
		return event_checked(d, evt, flags);
	reclen = evt->len;
	if (reclen < SCAP_ABI_EVT_HDR_LEN || reclen > DUMP_SMALL_RECORD ||
	    scap_get_u32(evt->raw + offsetof(struct scap_abi_evt_hdr, len)) != reclen)
		return event_checked(d, evt, flags);
	total = event_block_len(reclen, flags, &npad);
	if (d->cap - d->len < total)
		return event_checked(d, evt, flags);
	event_fill(d->buf + d->len, evt->raw, reclen, evt->cpu, flags, total, npad);
	d->len += total;
	d->events++;
	if (d->len >= d->flush_at)
		return drain(d, false);
	return 0;
}

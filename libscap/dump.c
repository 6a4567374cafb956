/* SPDX-License-Identifier: Apache-2.0 */
/*
 * dump.c - the dumper: the file (plain write(2) or a zlib gzip stream), the block
 * buffer, the section header, event blocks (EV_V2/EVF_V2, snaplen), stats and close.
 * The header block encoders are in dump_blocks.c.
 *
 * Blocks are assembled in one buffer and handed to the file only between blocks,
 * so the file always ends on a block boundary except while a write(2) is under way.
 * A plain regular file that a write fails on (ENOSPC, EIO) is cut back to the last
 * block the kernel took whole.
 *
 * gzip with buffers of at least DUMP_ASYNC_MIN bytes (the default): a worker thread
 * compresses and writes while the caller fills the next buffer; the worker's queue
 * holds up to SCAP_DUMP_QUEUE full buffers, so the file lags behind what was accepted
 * by at most that many plus the one being filled. A worker's write error is returned
 * by the call that next hands it a buffer (or by flush/close).
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libscap/scap_bytes.h>
#include "dump_int.h"

/* 256 KiB: the buffers in use (one filling, SCAP_DUMP_QUEUE queued) stay near the L2
 * cache, which a larger default measured slower for. */
#define DUMP_BUF_DEFAULT (256u << 10)
#define DUMP_BUF_MIN 4096u
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

static int write_plain(struct scap_dumper *d, const uint8_t *buf, size_t len, char *ebuf)
{
	size_t done = 0;

	while (done < len) {
		ssize_t n = write(d->fd, buf + done, len - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			int e = n < 0 ? errno : ENOSPC;
			size_t keep = last_boundary(buf, done);

			/* Leave a file that ends after a whole block. */
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

static int gz_fail(struct scap_dumper *d, const char *op, char *ebuf)
{
	int zerr = Z_OK;
	const char *msg = gzerror(d->gz, &zerr);
	int e = zerr == Z_ERRNO ? (errno ? errno : EIO) : zerr == Z_MEM_ERROR ? ENOMEM : EIO;

	if (zerr == Z_ERRNO)
		return out_err(ebuf, -e, true, "%s %s (gzip)", op, d->path);
	return out_err(ebuf, -e, false, "%s %s (gzip: %s)", op, d->path, msg ? msg : "?");
}

static int write_gz(struct scap_dumper *d, const uint8_t *buf, size_t len, char *ebuf)
{
	size_t done = 0;

	while (done < len) {
		size_t chunk = len - done;
		int n;

		if (chunk > (1u << 30))
			chunk = 1u << 30;
		errno = 0;
		n = gzwrite(d->gz, buf + done, (unsigned)chunk);
		if (n <= 0)
			return gz_fail(d, "writing", ebuf);
		done += (size_t)n;
	}
	d->out_off += done;
	return 0;
}

/* Write @len bytes of blocks to the file; on the output side only. */
static int out_write(struct scap_dumper *d, const uint8_t *buf, size_t len, char *ebuf)
{
	return d->gz ? write_gz(d, buf, len, ebuf) : write_plain(d, buf, len, ebuf);
}

/* ---- the writing thread ------------------------------------------------------------ */

/*
 * gzip with a buffer of at least DUMP_ASYNC_MIN bytes: a second thread compresses and
 * writes the full buffers while the caller fills the next one (deflate costs several
 * times what reading and assembling the events does). Smaller buffers are asked for to
 * lose little on a kill, and plain files are written by the caller's thread: handing
 * the bytes to another core measured slower than the write(2) it saves.
 */
#define DUMP_ASYNC_MIN (128u << 10)

static void *worker_main(void *arg)
{
	struct scap_dumper *d = arg;
	struct scap_dump_worker *w = d->w;

	pthread_mutex_lock(&w->mu);
	for (;;) {
		unsigned i = w->head;
		int rc = 0;

		while (!w->queued && !w->quit)
			pthread_cond_wait(&w->job_cv, &w->mu);
		if (!w->queued)
			break;
		pthread_mutex_unlock(&w->mu);
		/* after an error the jobs are dropped: the file keeps its valid prefix */
		if (!w->err)
			rc = out_write(d, w->slot[i].buf, w->slot[i].len, w->errbuf);
		pthread_mutex_lock(&w->mu);
		if (rc && !w->err)
			w->err = rc;
		w->head = (i + 1) % SCAP_DUMP_QUEUE;
		w->queued--;
		pthread_cond_signal(&w->idle_cv);
	}
	pthread_mutex_unlock(&w->mu);
	return NULL;
}

/* Copy the worker's error into d (under mu); returns it. */
static int worker_err_locked(struct scap_dumper *d)
{
	struct scap_dump_worker *w = d->w;

	if (w->err && !d->err) {
		d->err = w->err;
		memcpy(d->errbuf, w->errbuf, sizeof(d->errbuf));
	}
	return w->err;
}

/* Wait until the worker has written every queued job; returns its error. Locked. */
static int worker_wait_locked(struct scap_dumper *d)
{
	while (d->w->queued)
		pthread_cond_wait(&d->w->idle_cv, &d->w->mu);
	return worker_err_locked(d);
}

/* Wait for the worker to go idle: the output side is then the caller's. */
static int worker_idle(struct scap_dumper *d)
{
	int rc;

	if (!d->w)
		return d->err;
	pthread_mutex_lock(&d->w->mu);
	rc = worker_wait_locked(d);
	pthread_mutex_unlock(&d->w->mu);
	return rc ? rc : d->err;
}

/* Queue the full buffer (waiting for a free slot) and take that slot's buffer. */
static int worker_hand(struct scap_dumper *d)
{
	struct scap_dump_worker *w = d->w;
	unsigned i;
	uint8_t *b;
	size_t c;
	int rc;

	pthread_mutex_lock(&w->mu);
	while (w->queued == SCAP_DUMP_QUEUE && !w->err)
		pthread_cond_wait(&w->idle_cv, &w->mu);
	rc = worker_err_locked(d);
	if (!rc) {
		i = (w->head + w->queued) % SCAP_DUMP_QUEUE;
		b = w->slot[i].buf;
		c = w->slot[i].cap;
		w->slot[i].buf = d->buf;
		w->slot[i].cap = d->cap;
		w->slot[i].len = d->len;
		w->queued++;
		d->buf = b;
		d->cap = c;
		pthread_cond_signal(&w->job_cv);
	}
	pthread_mutex_unlock(&w->mu);
	if (!rc)
		d->file_off += d->len;
	d->len = 0;
	return rc;
}

static void worker_free(struct scap_dump_worker *w)
{
	for (unsigned i = 0; i < SCAP_DUMP_QUEUE; i++)
		free(w->slot[i].buf);
	free(w);
}

/* Start the worker with buffers of @cap bytes; on failure the caller's thread writes. */
static void worker_start(struct scap_dumper *d, size_t cap)
{
	struct scap_dump_worker *w = calloc(1, sizeof(*w));
	sigset_t all, old;
	int rc;

	if (!w)
		return;
	for (unsigned i = 0; i < SCAP_DUMP_QUEUE; i++) {
		w->slot[i].buf = malloc(cap);
		w->slot[i].cap = cap;
		if (!w->slot[i].buf) {
			worker_free(w);
			return;
		}
	}
	if (pthread_mutex_init(&w->mu, NULL)) {
		worker_free(w);
		return;
	}
	pthread_cond_init(&w->job_cv, NULL);
	pthread_cond_init(&w->idle_cv, NULL);
	d->w = w;
	/* signals (SIGINT, SIGTERM) stay with the caller's threads */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	rc = pthread_create(&w->thread, NULL, worker_main, d);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc) {
		d->w = NULL;
		pthread_cond_destroy(&w->job_cv);
		pthread_cond_destroy(&w->idle_cv);
		pthread_mutex_destroy(&w->mu);
		worker_free(w);
	}
}

/* Let the worker write what is queued and end; the output side is the caller's again. */
static void worker_stop(struct scap_dumper *d)
{
	struct scap_dump_worker *w = d->w;

	if (!w)
		return;
	pthread_mutex_lock(&w->mu);
	worker_wait_locked(d);
	w->quit = true;
	pthread_cond_signal(&w->job_cv);
	pthread_mutex_unlock(&w->mu);
	pthread_join(w->thread, NULL);
	pthread_cond_destroy(&w->job_cv);
	pthread_cond_destroy(&w->idle_cv);
	pthread_mutex_destroy(&w->mu);
	worker_free(w);
	d->w = NULL;
}

/* Hand the whole buffer to the file (or the worker); only between blocks. */
static int drain(struct scap_dumper *d)
{
	int rc;

	if (d->err)
		return d->err;
	if (!d->len)
		return 0;
	if (d->w)
		return worker_hand(d);
	rc = out_write(d, d->buf, d->len, d->errbuf);
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
		return drain(d);
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
	free(d->buf);
	free(d->scratch);
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
	if (comp == SCAP_DUMP_GZIP) {
		char mode[8];

		snprintf(mode, sizeof(mode), "wb%d", level ? level : 1);
		d->gz = gzdopen(d->fd, mode);
		if (!d->gz) {
			close(d->fd);
			rc = scap_dump_err(d, -ENOMEM, "gzip stream for %s", d->path);
			goto fail;
		}
		d->fd = -1; /* owned by the stream now */
		gzbuffer(d->gz, 1u << 18);
	}
	rc = scap_dump_reserve(d, d->flush_at + 64);
	if (!rc)
		rc = write_shb(d);
	if (!rc)
		rc = drain(d); /* the header reaches the file now: the file is a capture */
	if (!rc && d->gz && d->flush_at >= DUMP_ASYNC_MIN)
		worker_start(d, d->cap);
	if (rc) {
		if (d->gz)
			gzclose(d->gz);
		else
			close(d->fd);
		goto fail;
	}
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
	rc = drain(d);
	if (!rc)
		rc = worker_idle(d);
	if (rc)
		return rc;
	if (d->gz && gzflush(d->gz, Z_FULL_FLUSH) != Z_OK)
		return d->err = gz_fail(d, "flushing", d->errbuf);
	return 0;
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
	rc = drain(d);
	worker_stop(d);
	if (!rc)
		rc = d->err;
	if (d->gz) {
		int zrc = gzclose(d->gz);

		if (zrc != Z_OK && !rc)
			rc = scap_dump_err(d, zrc == Z_ERRNO ? -(errno ? errno : EIO) : -EIO,
					   "closing %s (gzip)", d->path);
	} else if (d->fd >= 0 && close(d->fd) != 0 && !rc) {
		rc = scap_dump_err(d, -errno, "closing %s", d->path);
	}
	if (rc && errbuf)
		snprintf(errbuf, SCAP_ERRBUF_SIZE, "%s", d->errbuf);
	dumper_free(d);
	return rc;
}

int scap_dump_get_stats(struct scap_dumper *d, struct scap_dump_stats *out)
{
	struct scap_dump_stats s;
	size_t n;

	if (!d || !out || out->sz < offsetofend(struct scap_dump_stats, bytes))
		return -EINVAL;
	memset(&s, 0, sizeof(s));
	s.sz = out->sz < sizeof(s) ? out->sz : sizeof(s);
	s.bytes = d->file_off + d->len;
	if (d->gz) {
		z_off_t off;

		worker_idle(d); /* the stream is the caller's while the worker is idle */
		off = gzoffset(d->gz);

		s.file_bytes = off > 0 ? (uint64_t)off : 0;
	} else {
		s.file_bytes = d->file_off;
	}
	s.events = d->events;
	s.events_truncated = d->events_truncated;
	n = s.sz;
	memcpy(out, &s, n);
	return 0;
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

/*
 * One event block is written with fixed-size stores around a single copy of the
 * record: this runs once per event, so it avoids per-field copies of variable size.
 */
int scap_dump_event(struct scap_dumper *d, const struct scap_evt_ref *evt, uint32_t flags)
{
	const uint8_t *rec;
	uint32_t reclen, type, total, npad, body;
	uint16_t cpu;
	uint8_t *p;
	int rc;

	if (!d || d->err || d->blk_start != SIZE_MAX)
		return scap_dump_check(d, false);
	if (!evt || !evt->raw || evt->len < SCAP_ABI_EVT_HDR_LEN ||
	    scap_get_u32(evt->raw + offsetof(struct scap_abi_evt_hdr, len)) != evt->len)
		return scap_dump_err(d, -EINVAL, "dump: event record missing or its length "
				     "unlike its header's");
	rec = evt->raw;
	reclen = evt->len;
	if (d->snaplen) {
		rc = snap_event(d, evt, &rec, &reclen);
		if (rc)
			return rc;
	}
	body = 2 + (flags ? 4 : 0) + reclen;
	npad = (4 - body % 4) % 4;
	total = SCAP_BLOCK_OVERHEAD + body + npad;
	if (d->cap - d->len < total) {
		rc = scap_dump_reserve(d, total);
		if (rc)
			return rc;
	}
	type = flags ? SCAP_BT_EVF_V2 : SCAP_BT_EV_V2;
	cpu = evt->cpu;
	p = d->buf + d->len;
	memcpy(p, &type, 4);
	memcpy(p + 4, &total, 4);
	memcpy(p + 8, &cpu, 2);
	p += 10;
	if (flags) {
		memcpy(p, &flags, 4);
		p += 4;
	}
	memcpy(p, rec, reclen);
	p += reclen;
	/* the padding (0 to 3 zero bytes), then the trailing length: both within total */
	memset(p, 0, 4);
	memcpy(p + npad, &total, 4);
	d->len += total;
	d->events++;
	if (d->len >= d->flush_at)
		return drain(d);
	return 0;
}

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

#include <libscap/scap_bytes.h>
#include "dump_int.h"

#define DUMP_BUF_DEFAULT (1u << 20)
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
static size_t last_boundary(const struct scap_dumper *d, size_t upto)
{
	size_t off = 0;

	while (off + SCAP_BLOCK_HDR_LEN <= upto) {
		uint32_t blen = scap_get_u32(d->buf + off + 4);

		if (blen < SCAP_BLOCK_OVERHEAD || off + blen > upto)
			break;
		off += blen;
	}
	return off;
}

static int write_plain(struct scap_dumper *d)
{
	size_t done = 0;

	while (done < d->len) {
		ssize_t n = write(d->fd, d->buf + done, d->len - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			int e = n < 0 ? errno : ENOSPC;
			size_t keep = last_boundary(d, done);

			/* Leave a file that ends after a whole block. */
			if (d->is_regular && keep < done &&
			    ftruncate(d->fd, (off_t)(d->file_off + keep)) == 0)
				done = keep;
			d->file_off += done;
			d->len = 0;
			d->err = scap_dump_err(d, -e, "writing %s (%" PRIu64 " bytes written, the "
					       "file ends after the last complete block)",
					       d->path, d->file_off);
			return d->err;
		}
		done += (size_t)n;
	}
	d->file_off += done;
	d->len = 0;
	return 0;
}

static int gz_fail(struct scap_dumper *d, const char *op)
{
	int zerr = Z_OK;
	const char *msg = gzerror(d->gz, &zerr);
	int e = zerr == Z_ERRNO ? (errno ? errno : EIO) : zerr == Z_MEM_ERROR ? ENOMEM : EIO;

	d->len = 0;
	if (zerr == Z_ERRNO)
		d->err = scap_dump_err(d, -e, "%s %s (gzip)", op, d->path);
	else
		d->err = scap_dump_err(d, -e, "%s %s (gzip: %s)", op, d->path, msg ? msg : "?");
	return d->err;
}

static int write_gz(struct scap_dumper *d)
{
	size_t done = 0;

	while (done < d->len) {
		size_t chunk = d->len - done;
		int n;

		if (chunk > (1u << 30))
			chunk = 1u << 30;
		errno = 0;
		n = gzwrite(d->gz, d->buf + done, (unsigned)chunk);
		if (n <= 0)
			return gz_fail(d, "writing");
		done += (size_t)n;
	}
	d->file_off += done;
	d->len = 0;
	return 0;
}

/* Hand the whole buffer to the file; only between blocks. */
static int drain(struct scap_dumper *d)
{
	if (d->err)
		return d->err;
	if (!d->len)
		return 0;
	return d->gz ? write_gz(d) : write_plain(d);
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

static bool opts_tail_zero(const void *opts, size_t sz, size_t known)
{
	const unsigned char *p = opts;

	for (size_t i = known; i < sz; i++)
		if (p[i])
			return false;
	return true;
}

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
	if (!opts_tail_zero(opts, opts->sz, sizeof(struct scap_dump_opts)))
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
	if (rc)
		return rc;
	if (d->gz && gzflush(d->gz, Z_FULL_FLUSH) != Z_OK)
		return gz_fail(d, "flushing");
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
		z_off_t off = gzoffset(d->gz);

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

int scap_dump_event(struct scap_dumper *d, const struct scap_evt_ref *evt, uint32_t flags)
{
	static const uint8_t pad[4];
	const uint8_t *rec;
	uint32_t reclen, type, total, npad, body;
	uint16_t cpu;
	int rc = scap_dump_check(d, false);

	if (rc)
		return rc;
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
	rc = scap_dump_reserve(d, total);
	if (rc)
		return rc;
	type = flags ? SCAP_BT_EVF_V2 : SCAP_BT_EV_V2;
	cpu = evt->cpu;
	dump_put(d, &type, 4);
	dump_put(d, &total, 4);
	dump_put(d, &cpu, 2);
	if (flags)
		dump_put(d, &flags, 4);
	dump_put(d, rec, reclen);
	dump_put(d, pad, npad);
	dump_put(d, &total, 4);
	d->events++;
	if (d->len >= d->flush_at)
		return drain(d);
	return 0;
}

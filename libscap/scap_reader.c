/* SPDX-License-Identifier: Apache-2.0 */
/*
 * scap_reader.c - the byte source of the savefile engine, behind struct scap_reader_ops:
 * a file descriptor (a path, "-" for stdin, pipes included) or caller memory, plain or
 * gzip, inflated here with zlib. The engine does its own buffering: each read() asks for
 * a large chunk.
 *
 * The format is told from the first two bytes (the gzip magic 1f 8b), read with read(2),
 * never seek or pread: a pipe or a FIFO reads as a file does. Plain input then hands out
 * those two bytes first and reads on into the caller's buffer.
 *
 * gzip: members follow each other (scry -z writes many); bytes after a member that do
 * not start another one are ignored, as zlib's gzread() ignores them. A stream cut inside
 * a member ends the data, then reads fail with -ENODATA: the block parser reports the
 * truncation and its offset, even when the cut falls exactly between two blocks (only
 * a finished member, its trailer checked, ends the data cleanly), unless nothing came
 * out of it at all: that is a corrupt gzip stream. An error
 * (corrupt data, bad CRC, a failing read) comes after the bytes inflated before it, on
 * the next call: no byte already inflated is lost.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "scap_int.h"

/* Compressed bytes read from a descriptor at a time. */
#define SRC_IN_BUF (128u << 10)

struct src {
	int fd;                  /* -1: caller memory */
	const uint8_t *mem;      /* memory: the caller's bytes */
	size_t mem_len, mem_pos;
	uint8_t head[2];         /* fd: the bytes read to tell the format */
	size_t nhead, head_pos;  /* plain fd: head bytes not handed out yet from head_pos */
	bool gzip;
	bool between;            /* gzip: a member ended, the next has not started */
	bool zdone;              /* gzip: no more output */
	uint8_t *in;             /* gzip from a descriptor: compressed input (SRC_IN_BUF) */
	uint64_t out_total;      /* bytes handed out */
	int err;                 /* an error to report on the next call (negative errno) */
	char err_msg[SCAP_ERRBUF_SIZE];
	z_stream zs;
};

/* The message of @errno_val into errbuf (may be NULL); return -@errno_val. */
static int sys_err(char *errbuf, int errno_val)
{
	if (errbuf)
		snprintf(errbuf, SCAP_ERRBUF_SIZE, "%s", strerror(errno_val));
	return -errno_val;
}

/* read(2) of up to @len bytes, retried while short (pipes): count, 0 at the end,
 * -EINTR when a signal came first, or another negative errno. */
static ssize_t read_full(int fd, void *dst, size_t len)
{
	size_t got = 0;

	while (got < len) {
		ssize_t n = read(fd, (char *)dst + got, len - got);

		if (n < 0) {
			/* a signal: hand back what arrived, or -EINTR so the caller can look at
			 * why it was interrupted (a stop request) before reading on */
			if (errno == EINTR)
				return got ? (ssize_t)got : -EINTR;
			return got ? (ssize_t)got : -errno;
		}
		if (n == 0)
			break;
		got += (size_t)n;
	}
	return (ssize_t)got;
}

static ssize_t plain_read(struct src *c, uint8_t *dst, size_t len, char *errbuf)
{
	size_t got = 0;
	ssize_t n;

	if (c->fd < 0) {
		got = c->mem_len - c->mem_pos;
		if (got > len)
			got = len;
		memcpy(dst, c->mem + c->mem_pos, got);
		c->mem_pos += got;
		return (ssize_t)got;
	}
	while (c->head_pos < c->nhead && got < len)
		dst[got++] = c->head[c->head_pos++];
	if (got == len)
		return (ssize_t)got;
	n = read_full(c->fd, dst + got, len - got);
	if (n < 0 && got)
		return (ssize_t)got; /* the error comes again on the next call */
	if (n < 0)
		return n == -EINTR ? -EINTR : sys_err(errbuf, (int)-n);
	return (ssize_t)got + n;
}

/* Give zlib more compressed input: 1, 0 at the end of the source, or a negative errno
 * (-EINTR: a signal, nothing consumed). */
static int gz_more_input(struct src *c)
{
	ssize_t n;

	if (c->fd < 0) {
		size_t rest = c->mem_len - c->mem_pos;

		if (!rest)
			return 0;
		if (rest > UINT_MAX)
			rest = UINT_MAX;
		c->zs.next_in = (Bytef *)(uintptr_t)(c->mem + c->mem_pos);
		c->zs.avail_in = (uInt)rest;
		c->mem_pos += rest;
		return 1;
	}
	n = read(c->fd, c->in, SRC_IN_BUF);
	if (n < 0)
		return -errno;
	if (n == 0)
		return 0;
	c->zs.next_in = c->in;
	c->zs.avail_in = (uInt)n;
	return 1;
}

/* Remember an error for the next call: @msg, then @detail in parentheses when given. */
static void gz_fail(struct src *c, int err, const char *msg, const char *detail)
{
	c->err = err;
	c->zdone = true;
	snprintf(c->err_msg, sizeof(c->err_msg), "%s%s%s%s", msg, detail ? " (" : "",
		 detail ? detail : "", detail ? ")" : "");
}

static ssize_t gz_read(struct src *c, uint8_t *dst, size_t len)
{
	size_t got;

	if (c->zdone)
		return 0;
	if (len > UINT_MAX)
		len = UINT_MAX;
	c->zs.next_out = dst;
	c->zs.avail_out = (uInt)len;
	while (c->zs.avail_out) {
		int zrc;

		if (!c->zs.avail_in) {
			int r = gz_more_input(c);

			if (r == -EINTR) {
				if (c->zs.avail_out == len)
					return -EINTR;
				break;
			}
			if (r < 0) {
				gz_fail(c, r, strerror(-r), NULL);
				break;
			}
			if (r == 0) {
				/* the end of the source: inside a member, a cut stream */
				if (!c->between && !c->out_total && c->zs.avail_out == len)
					gz_fail(c, -EPROTO, "corrupt gzip stream: it ends "
						"before any data", NULL);
				else if (!c->between)
					gz_fail(c, -ENODATA, "the gzip stream ends inside an "
						"unfinished member", NULL);
				c->zdone = true;
				break;
			}
		}
		if (c->between) {
			/* what follows a member: another member, or ignored bytes */
			if (c->zs.next_in[0] != 0x1f) {
				c->zdone = true;
				break;
			}
			if (inflateReset(&c->zs) != Z_OK) {
				gz_fail(c, -ENOMEM, "gzip: cannot reset the inflater", NULL);
				break;
			}
			c->between = false;
		}
		zrc = inflate(&c->zs, Z_NO_FLUSH);
		if (zrc == Z_STREAM_END) {
			c->between = true;
			continue;
		}
		if (zrc == Z_OK || zrc == Z_BUF_ERROR)
			continue; /* Z_BUF_ERROR: input used up, more is read above */
		if (zrc == Z_MEM_ERROR)
			gz_fail(c, -ENOMEM, "gzip: out of memory", NULL);
		else
			gz_fail(c, -EPROTO, "corrupt gzip stream",
				c->zs.msg ? c->zs.msg : "inflate error");
		break;
	}
	got = len - c->zs.avail_out;
	return (ssize_t)got;
}

static ssize_t src_read(void *ctx, void *dst, size_t len, char *errbuf)
{
	struct src *c = ctx;
	ssize_t n;

	if (c->err) {
		if (errbuf)
			snprintf(errbuf, SCAP_ERRBUF_SIZE, "%s", c->err_msg);
		return c->err;
	}
	if (!c->gzip)
		return plain_read(c, dst, len, errbuf);
	n = gz_read(c, dst, len);
	if (n > 0) {
		c->out_total += (uint64_t)n;
		return n;
	}
	/* nothing more before the error: report it now */
	if (n == 0 && c->err) {
		if (errbuf)
			snprintf(errbuf, SCAP_ERRBUF_SIZE, "%s", c->err_msg);
		return c->err;
	}
	return n;
}

static void src_close(void *ctx)
{
	struct src *c = ctx;

	if (c->gzip)
		inflateEnd(&c->zs);
	if (c->fd > 2)
		close(c->fd);
	free(c->in);
	free(c);
}

static const struct scap_reader_ops plain_ops = {
	.name = "plain",
	.read = src_read,
	.close = src_close,
};

static const struct scap_reader_ops gzip_ops = {
	.name = "gzip",
	.read = src_read,
	.close = src_close,
};

/* Set up inflating when @c starts with the gzip magic: 0 or -ENOMEM. */
static int src_start(struct src *c, const uint8_t *magic, size_t n, char *errbuf)
{
	if (n < 2 || magic[0] != 0x1f || magic[1] != 0x8b)
		return 0;
	c->gzip = true;
	if (c->fd >= 0) {
		c->in = malloc(SRC_IN_BUF);
		if (!c->in)
			return sys_err(errbuf, ENOMEM);
		/* the two bytes read to tell the format are the first input */
		c->zs.next_in = c->head;
		c->zs.avail_in = (uInt)n;
	}
	/* 16 + MAX_WBITS: expect a gzip wrapper */
	if (inflateInit2(&c->zs, 16 + MAX_WBITS) != Z_OK) {
		c->gzip = false;
		return sys_err(errbuf, ENOMEM);
	}
	return 0;
}

int scap_reader_open_path(const char *path, struct scap_reader *out, char *errbuf)
{
	int fd = strcmp(path, "-") == 0 ? dup(STDIN_FILENO) : open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return sys_err(errbuf, errno);
	return scap_reader_open_fd(fd, out, errbuf);
}

int scap_reader_open_fd(int fd, struct scap_reader *out, char *errbuf)
{
	struct src *c;
	struct stat st;
	ssize_t n;
	int rc;

	c = calloc(1, sizeof(*c));
	if (!c) {
		close(fd);
		return sys_err(errbuf, ENOMEM);
	}
	c->fd = fd;
	if (fstat(c->fd, &st) != 0)
		st.st_mode = 0;
	if (S_ISDIR(st.st_mode)) {
		rc = sys_err(errbuf, EISDIR);
		goto fail;
	}
	if (S_ISREG(st.st_mode))
		posix_fadvise(c->fd, 0, 0, POSIX_FADV_SEQUENTIAL);
	/* the first two bytes, or fewer at the end of the input; a signal does not cut this */
	while (c->nhead < sizeof(c->head)) {
		n = read(c->fd, c->head + c->nhead, sizeof(c->head) - c->nhead);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			rc = sys_err(errbuf, errno);
			goto fail;
		}
		if (n == 0)
			break;
		c->nhead += (size_t)n;
	}
	rc = src_start(c, c->head, c->nhead, errbuf);
	if (rc)
		goto fail;
	out->ops = c->gzip ? &gzip_ops : &plain_ops;
	out->ctx = c;
	return 0;
fail:
	close(c->fd);
	free(c->in);
	free(c);
	return rc;
}

int scap_reader_open_mem(const void *buf, size_t len, struct scap_reader *out, char *errbuf)
{
	struct src *c = calloc(1, sizeof(*c));
	int rc;

	if (!c)
		return sys_err(errbuf, ENOMEM);
	c->fd = -1;
	c->mem = buf;
	c->mem_len = buf ? len : 0;
	rc = src_start(c, c->mem, c->mem_len, errbuf);
	if (rc) {
		free(c);
		return rc;
	}
	out->ops = c->gzip ? &gzip_ops : &plain_ops;
	out->ctx = c;
	return 0;
}

void scap_reader_close(struct scap_reader *r)
{
	if (r && r->ops) {
		r->ops->close(r->ctx);
		r->ops = NULL;
		r->ctx = NULL;
	}
}

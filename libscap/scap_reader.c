/* SPDX-License-Identifier: Apache-2.0 */
/*
 * scap_reader.c - byte sources of the savefile engine, behind struct scap_reader_ops:
 * plain files (read(2)), gzip files (zlib gzread), and caller memory (plain or gzip,
 * inflated with zlib). The engine does its own buffering: each read() asks for a
 * large chunk.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "scap_int.h"

/* "<op> <what>: strerror(err)" into errbuf (may be NULL). */
static void set_err(char *errbuf, const char *op, const char *what, int err)
{
	if (errbuf)
		snprintf(errbuf, SCAP_ERRBUF_SIZE, "%s %s: %s", op, what, strerror(err));
}

/* ---- plain file ------------------------------------------------------------------- */

struct plain_ctx {
	int fd;
};

static ssize_t plain_read(void *ctx, void *dst, size_t len, char *errbuf)
{
	struct plain_ctx *c = ctx;
	size_t got = 0;

	/* Loop so that pipes deliver a full chunk unless the stream ends. */
	while (got < len) {
		ssize_t n = read(c->fd, (char *)dst + got, len - got);

		if (n < 0) {
			int e = errno;

			/* a signal: hand back what arrived, or -EINTR so the caller can look at
			 * why it was interrupted (a stop request) before reading on */
			if (e == EINTR)
				return got ? (ssize_t)got : -EINTR;
			set_err(errbuf, "read", "capture", e);
			return -e;
		}
		if (n == 0)
			break;
		got += (size_t)n;
	}
	return (ssize_t)got;
}

static void plain_close(void *ctx)
{
	struct plain_ctx *c = ctx;

	if (c->fd > 2)
		close(c->fd);
	free(c);
}

static const struct scap_reader_ops plain_ops = {
	.name = "plain",
	.read = plain_read,
	.close = plain_close,
};

/* ---- gzip file -------------------------------------------------------------------- */

static ssize_t gz_read(void *ctx, void *dst, size_t len, char *errbuf)
{
	gzFile gz = ctx;
	int n, zerr;
	const char *msg;

	if (len > INT_MAX)
		len = INT_MAX;
	n = gzread(gz, dst, (unsigned)len);
	if (n >= 0)
		return n;
	msg = gzerror(gz, &zerr);
	/* A cut stream ends the data; the block parser reports where. */
	if (zerr == Z_BUF_ERROR)
		return 0;
	/* read(2) interrupted by a signal: nothing was consumed, the stream reads on */
	if (zerr == Z_ERRNO && errno == EINTR) {
		gzclearerr(gz);
		return -EINTR;
	}
	if (errbuf)
		snprintf(errbuf, SCAP_ERRBUF_SIZE, "gzip: %s", msg ? msg : "read error");
	if (zerr == Z_ERRNO)
		return errno ? -errno : -EIO;
	return zerr == Z_MEM_ERROR ? -ENOMEM : -EPROTO;
}

static void gz_close(void *ctx)
{
	gzclose((gzFile)ctx);
}

static const struct scap_reader_ops gzip_ops = {
	.name = "gzip",
	.read = gz_read,
	.close = gz_close,
};

int scap_reader_open_path(const char *path, struct scap_reader *out, char *errbuf)
{
	unsigned char magic[2];
	struct plain_ctx *pc;
	gzFile gz;
	int fd;

	if (strcmp(path, "-") == 0) {
		/* stdin cannot be peeked and rewound: zlib reads plain data transparently. */
		fd = dup(STDIN_FILENO);
		if (fd < 0) {
			int e = errno;

			set_err(errbuf, "dup", "stdin", e);
			return -e;
		}
		gz = gzdopen(fd, "rb");
		if (!gz) {
			close(fd);
			set_err(errbuf, "gzdopen", "stdin", ENOMEM);
			return -ENOMEM;
		}
		gzbuffer(gz, 1 << 17);
		out->ops = &gzip_ops;
		out->ctx = gz;
		return 0;
	}

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		int e = errno;

		set_err(errbuf, "open", path, e);
		return -e;
	}
	if (pread(fd, magic, 2, 0) == 2 && magic[0] == 0x1f && magic[1] == 0x8b) {
		gz = gzdopen(fd, "rb");
		if (!gz) {
			close(fd);
			set_err(errbuf, "gzdopen", path, ENOMEM);
			return -ENOMEM;
		}
		gzbuffer(gz, 1 << 17);
		out->ops = &gzip_ops;
		out->ctx = gz;
		return 0;
	}
	posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
	pc = malloc(sizeof(*pc));
	if (!pc) {
		close(fd);
		set_err(errbuf, "open", path, ENOMEM);
		return -ENOMEM;
	}
	pc->fd = fd;
	out->ops = &plain_ops;
	out->ctx = pc;
	return 0;
}

/* ---- memory ----------------------------------------------------------------------- */

struct mem_ctx {
	const uint8_t *buf;
	size_t len, pos;
	bool gzip, zdone;
	z_stream zs;
};

static ssize_t mem_read(void *ctx, void *dst, size_t len, char *errbuf)
{
	struct mem_ctx *c = ctx;
	size_t n;

	if (!c->gzip) {
		n = c->len - c->pos;
		if (n > len)
			n = len;
		memcpy(dst, c->buf + c->pos, n);
		c->pos += n;
		return (ssize_t)n;
	}
	if (c->zdone)
		return 0;
	if (len > UINT_MAX)
		len = UINT_MAX;
	c->zs.next_out = dst;
	c->zs.avail_out = (uInt)len;
	while (c->zs.avail_out) {
		int zrc;

		if (!c->zs.avail_in && c->pos < c->len) {
			n = c->len - c->pos;
			if (n > UINT_MAX)
				n = UINT_MAX;
			c->zs.next_in = (Bytef *)(uintptr_t)(c->buf + c->pos);
			c->zs.avail_in = (uInt)n;
			c->pos += n;
		}
		zrc = inflate(&c->zs, Z_NO_FLUSH);
		if (zrc == Z_STREAM_END) {
			/* Concatenated gzip members are one stream, as gzread treats them. */
			if (c->zs.avail_in || c->pos < c->len) {
				if (inflateReset(&c->zs) != Z_OK)
					break;
				continue;
			}
			c->zdone = true;
			break;
		}
		if (zrc == Z_BUF_ERROR) {
			/* No progress possible: input exhausted (truncated stream) -> end. */
			c->zdone = true;
			break;
		}
		if (zrc != Z_OK) {
			if (errbuf)
				snprintf(errbuf, SCAP_ERRBUF_SIZE, "gzip: %s",
					 c->zs.msg ? c->zs.msg : "inflate error");
			return zrc == Z_MEM_ERROR ? -ENOMEM : -EPROTO;
		}
	}
	return (ssize_t)(len - c->zs.avail_out);
}

static void mem_close(void *ctx)
{
	struct mem_ctx *c = ctx;

	if (c->gzip)
		inflateEnd(&c->zs);
	free(c);
}

static const struct scap_reader_ops mem_ops = {
	.name = "memory",
	.read = mem_read,
	.close = mem_close,
};

int scap_reader_open_mem(const void *buf, size_t len, struct scap_reader *out, char *errbuf)
{
	struct mem_ctx *c = calloc(1, sizeof(*c));

	if (!c) {
		set_err(errbuf, "open", "memory", ENOMEM);
		return -ENOMEM;
	}
	c->buf = buf;
	c->len = buf ? len : 0;
	if (c->len >= 2 && c->buf[0] == 0x1f && c->buf[1] == 0x8b) {
		c->gzip = true;
		/* 16 + MAX_WBITS: expect a gzip wrapper. */
		if (inflateInit2(&c->zs, 16 + MAX_WBITS) != Z_OK) {
			free(c);
			set_err(errbuf, "inflateInit", "memory", ENOMEM);
			return -ENOMEM;
		}
	}
	out->ops = &mem_ops;
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

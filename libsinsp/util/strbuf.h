/* SPDX-License-Identifier: Apache-2.0 */
/*
 * strbuf.h - growable byte string used to build output lines without per-event
 * allocation (the buffer grows once and is reused). Always NUL terminated.
 */
#ifndef SINSP_STRBUF_H
#define SINSP_STRBUF_H

#include <stdint.h>
#include <stddef.h>
#include <string.h>

struct strbuf {
	char *buf;
	size_t len, cap;
};

void strbuf_grow(struct strbuf *b, size_t extra);
void strbuf_free(struct strbuf *b);
void strbuf_printf(struct strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void strbuf_add_u64(struct strbuf *b, uint64_t v);
void strbuf_add_s64(struct strbuf *b, int64_t v);

static inline void strbuf_reset(struct strbuf *b)
{
	b->len = 0;
	if (b->buf)
		b->buf[0] = 0;
}

static inline void strbuf_add(struct strbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap)
		strbuf_grow(b, n + 1);
	memcpy(b->buf + b->len, s, n);
	b->len += n;
	b->buf[b->len] = 0;
}

static inline void strbuf_adds(struct strbuf *b, const char *s)
{
	strbuf_add(b, s, strlen(s));
}

static inline void strbuf_addc(struct strbuf *b, char c)
{
	if (b->len + 2 > b->cap)
		strbuf_grow(b, 2);
	b->buf[b->len++] = c;
	b->buf[b->len] = 0;
}

#endif /* SINSP_STRBUF_H */

/* SPDX-License-Identifier: Apache-2.0 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "util/strbuf.h"

void strbuf_grow(struct strbuf *b, size_t extra)
{
	size_t need = b->len + extra;
	size_t cap = b->cap ? b->cap : 256;

	while (cap < need)
		cap *= 2;
	if (cap == b->cap)
		return;
	b->buf = realloc(b->buf, cap);
	if (!b->buf)
		abort(); /* out of memory while formatting: nothing sensible to return */
	b->cap = cap;
}

void strbuf_free(struct strbuf *b)
{
	free(b->buf);
	b->buf = NULL;
	b->len = b->cap = 0;
}

void strbuf_printf(struct strbuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (b->cap - b->len < 64)
		strbuf_grow(b, 64);
	va_start(ap, fmt);
	n = vsnprintf(b->buf + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= b->cap - b->len) {
		strbuf_grow(b, (size_t)n + 1);
		va_start(ap, fmt);
		vsnprintf(b->buf + b->len, b->cap - b->len, fmt, ap);
		va_end(ap);
	}
	b->len += (size_t)n;
}

/* "00" .. "99": two decimal digits a division (numbers print on every line: evt.num) */
static const char digit_pairs[201] =
	"00010203040506070809101112131415161718192021222324252627282930313233343536373839"
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879"
	"8081828384858687888990919293949596979899";

void strbuf_add_u64(struct strbuf *b, uint64_t v)
{
	char tmp[24];
	int i = sizeof(tmp);

	while (v >= 100) {
		unsigned d = (unsigned)(v % 100) * 2;

		v /= 100;
		tmp[--i] = digit_pairs[d + 1];
		tmp[--i] = digit_pairs[d];
	}
	if (v >= 10) {
		tmp[--i] = digit_pairs[v * 2 + 1];
		tmp[--i] = digit_pairs[v * 2];
	} else {
		tmp[--i] = (char)('0' + v);
	}
	strbuf_add(b, tmp + i, sizeof(tmp) - (size_t)i);
}

void strbuf_add_s64(struct strbuf *b, int64_t v)
{
	if (v < 0) {
		strbuf_addc(b, '-');
		strbuf_add_u64(b, (uint64_t)0 - (uint64_t)v);
	} else {
		strbuf_add_u64(b, (uint64_t)v);
	}
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * fdpath.c - fd names of opened paths, computed the way sysdig 0.29.3 does (see
 * fdpath.h): the text of base kept as is, then the path cleaned up character by
 * character, which differs from a per-component walk in a few corner cases that the
 * conformance traces can show (trailing '/', "x./", non-ASCII bytes).
 */
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "state/fdpath.h"

static bool byte_printable(unsigned char c)
{
	return c >= 0x20 && c < 0x7f;
}

/*
 * Remove the last component written after start+1 (the first character of the name
 * is never removed): drop the character before the end, then back up to just after
 * the previous '/'.
 */
static void drop_last(struct strbuf *out, size_t start)
{
	if (out->len <= start + 1)
		return;
	out->len--;
	while (out->len >= start + 1 && out->buf[out->len - 1] != '/')
		out->len--;
	out->buf[out->len] = 0;
}

/*
 * Whether byte i of path[0..n) leaves the cleanup below a plain copy: printable, not
 * the first of "//", and a '.' followed by a byte other than '.' and '/' (so no "."
 * or ".." component and no "..." run).
 */
static inline bool byte_plain(const char *path, size_t i, size_t n)
{
	unsigned char c = (unsigned char)path[i];

	if (c >= 0x30 && c < 0x7f)
		return true; /* digits, letters and most punctuation: never special */
	if (c < 0x20 || c >= 0x7f)
		return false;
	if (c == '/' && i + 1 < n && path[i + 1] == '/')
		return false;
	if (c == '.' && (i + 1 == n || path[i + 1] == '.' || path[i + 1] == '/'))
		return false;
	return true;
}

/*
 * True when the cleanup below would copy path[0..n) unchanged: every byte plain
 * (byte_plain()). A leading '/' is never dropped here: it is only written first (an
 * absolute path adds no base). With SSE2, 16 bytes a step: only the bytes outside
 * [0x30, 0x7f) ('/', '.', '-', ...; a few a path) get a look of their own.
 */
static bool path_is_plain(const char *path, size_t n)
{
	size_t i = 0;

#ifdef __SSE2__
	const __m128i below = _mm_set1_epi8(0x30), above = _mm_set1_epi8(0x7e);

	for (; i + 16 <= n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(path + i));
		/* signed bytes: 0x80-0xff are negative, below 0x30 as well */
		__m128i odd = _mm_or_si128(_mm_cmplt_epi8(v, below), _mm_cmpgt_epi8(v, above));
		unsigned m = (unsigned)_mm_movemask_epi8(odd);

		while (m) {
			if (!byte_plain(path, i + (unsigned)__builtin_ctz(m), n))
				return false;
			m &= m - 1;
		}
	}
#endif
	for (; i < n; i++)
		if (!byte_plain(path, i, n))
			return false;
	return true;
}

bool sinsp_fdpath_join(struct strbuf *out, const char *base, const char *path, size_t path_len,
		       bool has_path)
{
	size_t start = out->len, n = strnlen(path, path_len), i = 0;
	bool relative = has_path && (n == 0 || path[0] != '/');

	if (relative && base)
		strbuf_adds(out, base);
	/* the usual absolute path: copied as is (the loop would write the same bytes) */
	if (!relative && path_is_plain(path, n)) {
		strbuf_add(out, path, n);
		i = n;
	}
	while (i < n) {
		unsigned char c = (unsigned char)path[i];
		char next = i + 1 < n ? path[i + 1] : 0;
		char next2 = i + 2 < n ? path[i + 2] : 0;

		if (!byte_printable(c)) {
			strbuf_addc(out, '.');
			i++;
		} else if (c == '.' && next == '.' && (next2 == '/' || next2 == 0)) {
			drop_last(out, start);
			i += next2 ? 3 : 2;
		} else if (c == '.' && next == '.') {
			strbuf_add(out, "..", 2);
			i += 2;
		} else if (c == '.' && (next == '/' || next == 0)) {
			i += next ? 2 : 1;
		} else if (c == '/' && out->len > start && out->buf[out->len - 1] == '/') {
			i++;
		} else {
			strbuf_addc(out, (char)c);
			i++;
		}
	}
	if (out->len > start + 1 && out->buf[out->len - 1] == '/')
		out->buf[--out->len] = 0;
	if (!out->buf)
		strbuf_adds(out, "");
	return relative;
}

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
 * absolute path adds no base). With SSE2, byte_plain() of 16 bytes a step.
 */
static bool path_is_plain(const char *path, size_t n)
{
	size_t i = 0;

#ifdef __SSE2__
	/*
	 * 16 bytes a step, each with the byte after it (a second load one byte on: up to
	 * n - 1, so the last byte, whose "next" is the end, is left to the loop below):
	 * a control or non-ASCII byte, "//", "./" or ".." makes the path not plain.
	 */
	const __m128i slash = _mm_set1_epi8('/'), dot = _mm_set1_epi8('.');
	const __m128i space = _mm_set1_epi8(0x20), del = _mm_set1_epi8(0x7f);

	for (; i + 17 <= n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(path + i));
		__m128i w = _mm_loadu_si128((const __m128i *)(const void *)(path + i + 1));
		__m128i ws = _mm_cmpeq_epi8(w, slash);
		/* signed bytes: 0x80-0xff are negative, below 0x20 as well */
		__m128i odd = _mm_or_si128(_mm_cmplt_epi8(v, space), _mm_cmpeq_epi8(v, del));

		odd = _mm_or_si128(odd, _mm_and_si128(_mm_cmpeq_epi8(v, slash), ws));
		odd = _mm_or_si128(odd, _mm_and_si128(_mm_cmpeq_epi8(v, dot),
						      _mm_or_si128(ws, _mm_cmpeq_epi8(w, dot))));
		if (_mm_movemask_epi8(odd))
			return false;
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

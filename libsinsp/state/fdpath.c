/* SPDX-License-Identifier: Apache-2.0 */
/*
 * fdpath.c - fd names of opened paths, computed the way sysdig 0.29.3 does (see
 * fdpath.h): the text of base kept as is, then the path cleaned up character by
 * character, which differs from a per-component walk in a few corner cases that the
 * conformance traces can show (trailing '/', "x./", non-ASCII bytes).
 */
#include <string.h>

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
 * True when the cleanup below would copy path[0..n) unchanged: every byte printable,
 * no "//", and every '.' followed by a byte other than '.' and '/' (so no "." or ".."
 * component and no "..." run). A leading '/' is never dropped here: it is only written
 * first (an absolute path adds no base).
 */
static bool path_is_plain(const char *path, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)path[i];

		if (c >= 0x30 && c < 0x7f)
			continue; /* digits, letters and most punctuation: never special */
		if (c < 0x20 || c == 0x7f || c > 0x7f)
			return false;
		if (c == '/' && i + 1 < n && path[i + 1] == '/')
			return false;
		if (c == '.' && (i + 1 == n || path[i + 1] == '.' || path[i + 1] == '/'))
			return false;
	}
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

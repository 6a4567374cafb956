/* SPDX-License-Identifier: Apache-2.0 */
/*
 * paths.c - lexical path resolution for fd names (cwd or dirfd + relative path).
 */
#include "util/paths.h"

static void add_components(struct strbuf *out, size_t root, const char *p, size_t n)
{
	size_t i = 0;

	while (i < n) {
		size_t j = i;

		while (j < n && p[j] != '/')
			j++;
		if (j - i == 0 || (j - i == 1 && p[i] == '.')) {
			/* skip */
		} else if (j - i == 2 && p[i] == '.' && p[i + 1] == '.') {
			/* pop the last component, keeping the root "/" */
			while (out->len > root + 1 && out->buf[out->len - 1] != '/')
				out->len--;
			if (out->len > root + 1)
				out->len--;
			out->buf[out->len] = 0;
		} else {
			if (out->len > root + 1 || (out->len == root + 1 && out->buf[root] != '/'))
				strbuf_addc(out, '/');
			strbuf_add(out, p + i, j - i);
		}
		i = j + 1;
	}
}

bool sinsp_path_resolve(struct strbuf *out, const char *base, const char *path, size_t path_len)
{
	size_t root = out->len;
	bool relative = path_len > 0 && path[0] != '/';

	strbuf_addc(out, '/');
	if (relative && base)
		add_components(out, root, base, strlen(base));
	add_components(out, root, path, path_len);
	/* keep a trailing slash the caller gave ("/tmp/" stays a directory name) */
	if (path_len > 1 && path[path_len - 1] == '/' && out->len > root + 1)
		strbuf_addc(out, '/');
	return relative;
}

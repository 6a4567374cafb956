/* SPDX-License-Identifier: Apache-2.0 */
/*
 * fuzz_common.c - see fuzz_common.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <scry/scap.h>
#include <scry/sinsp_fields.h>

#include "fuzz_common.h"

sinsp_t *fuzz_open_mem(const uint8_t *data, size_t len)
{
	SCAP_OPTS(scap_open_opts, so, .buf = data, .buf_len = len);
	struct sinsp_open_opts o = { .sz = sizeof(o), .scap = &so };
	sinsp_t *s = NULL;

	/* an empty buffer would read as "no buf given": give it one byte that is not a capture */
	if (!len) {
		so.buf = "";
		so.buf_len = 1;
	}
	return sinsp_open(&o, &s, NULL) == 0 ? s : NULL;
}

const uint8_t *fuzz_events(size_t *len)
{
	static uint8_t *buf;
	static size_t n;

	if (!buf) {
		const char *path = getenv("SCRY_FUZZ_EVENTS");
		FILE *f;
		long sz;

		if (!path || !*path)
			path = SCRY_FUZZ_EVENTS_DEFAULT;
		f = fopen(path, "rb");
		if (!f || fseek(f, 0, SEEK_END) || (sz = ftell(f)) <= 0 || fseek(f, 0, SEEK_SET) ||
		    !(buf = malloc((size_t)sz)) || fread(buf, 1, (size_t)sz, f) != (size_t)sz) {
			fprintf(stderr, "fuzz: cannot read the events capture %s\n", path);
			abort();
		}
		fclose(f);
		n = (size_t)sz;
	}
	*len = n;
	return buf;
}

/* Whether @fmt compiles on @s. */
static int compiles(sinsp_t *s, const char *fmt)
{
	struct sinsp_formatter *f = NULL;
	int ok = sinsp_formatter_new(s, fmt, SINSP_OUTPUT_TEXT, &f) == 0;

	sinsp_formatter_free(f);
	return ok;
}

const char *fuzz_all_fields_format(void)
{
	static char *fmt;
	static const char *const args[] = { "[0]", "[1]", "[-1]", ".name", "" };
	size_t len, cap = 1 << 16;
	const struct sinsp_field_info *fi;
	const uint8_t *ev;
	sinsp_t *s;

	if (fmt)
		return fmt;
	ev = fuzz_events(&len);
	s = fuzz_open_mem(ev, len);
	fmt = malloc(cap);
	if (!s || !fmt)
		abort();
	strcpy(fmt, "*");
	len = 1;
	for (size_t i = 0; (fi = sinsp_field_info_get(i)); i++) {
		for (size_t a = fi->takes_arg ? 0 : 4; a < sizeof(args) / sizeof(args[0]); a++) {
			char one[256];
			int n = snprintf(one, sizeof(one), "%%%s%s", fi->name, args[a]);

			if (n <= 0 || (size_t)n >= sizeof(one) || !compiles(s, one))
				continue;
			if (len + (size_t)n + 2 > cap) {
				cap *= 2;
				fmt = realloc(fmt, cap);
				if (!fmt)
					abort();
			}
			memcpy(fmt + len, one, (size_t)n);
			len += (size_t)n;
			fmt[len++] = ' ';
			fmt[len] = '\0';
		}
	}
	sinsp_close(s);
	return fmt;
}

char *fuzz_string(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (!s)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

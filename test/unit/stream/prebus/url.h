/* Stand-in for libscap/stream/url.h until wt-bus lands: parameters from a test global. */
#ifndef TEST_PREBUS_URL_H
#define TEST_PREBUS_URL_H
#include <stdio.h>
#include <string.h>
#include "transport.h"
extern const char *prebus_query;  /* "a=1&b=2" */
static inline const char *stream_url_param(const struct stream_url *u, const char *name)
{
	static char bufs[16][256];
	static unsigned next;
	char *buf = bufs[next++ % 16];
	const char *q = prebus_query;
	size_t n = strlen(name);

	(void)u;
	while (q && *q) {
		const char *end = strchr(q, '&');
		size_t l = end ? (size_t)(end - q) : strlen(q);

		if (l > n && strncmp(q, name, n) == 0 && q[n] == '=') {
			snprintf(buf, sizeof(bufs[0]), "%.*s", (int)(l - n - 1), q + n + 1);
			return buf;
		}
		q = end ? end + 1 : NULL;
	}
	return NULL;
}
#endif

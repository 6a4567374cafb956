/* SPDX-License-Identifier: Apache-2.0 */
/*
 * hosts.c - is a reader's host one the bus knows (hosts.h).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "hosts.h"
#include "registry.h"

#define LIST_SHOWN 60   /* bytes of the host list a message shows, about */

/* @ns (since the epoch) as ISO 8601 UTC, in a static buffer (one call at a time). */
static const char *since_text(uint64_t ns)
{
	static char buf[32];
	time_t sec = (time_t)(ns / 1000000000u);
	struct tm tm;

	if (!gmtime_r(&sec, &tm) || !strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm))
		snprintf(buf, sizeof(buf), "%llu ns", (unsigned long long)ns);
	return buf;
}

/* Whether @name is one of the hosts of @list ("a, b, c"). */
static bool host_listed(const char *list, const char *name)
{
	size_t n = strlen(name);

	for (const char *p = list; n && (p = strstr(p, name)); p += n)
		if ((p == list || (p - list >= 2 && p[-1] == ' ' && p[-2] == ',')) &&
		    (!p[n] || p[n] == ','))
			return true;
	return false;
}

int stream_host_check(const struct stream_transport_ops *t, const struct stream_url *u,
		      const char *url, const char *kind, const char *host, char *err)
{
	char list[1024];
	int rc;

	if (!t->list_hosts) {
		if (strcmp(kind, STREAM_KIND_CAPTURE))
			return 0;
		if (u->since_ns) {
			/* whether the host has chunks before since= would take reading its
			 * partition from its start: say what is known (the URL left out: a
			 * long one would cut the rest) */
			snprintf(err, STREAM_ERR_SIZE, "host '%.60s': nothing on the bus since %s (a "
				 "misspelt name reads so too: %s cannot list a topic's hosts; "
				 "without since= it is an error)", host, since_text(u->since_ns),
				 t->scheme);
			return 1;
		}
		snprintf(err, STREAM_ERR_SIZE, "%.120s%sno capture of host '%.60s' on the bus "
			 "(no message of it matched)", url ? url : "", url ? ": " : "", host);
		return -EINVAL;
	}
	rc = t->list_hosts(u, list, sizeof(list), err);
	if (rc)
		return rc;
	/* listed, or perhaps among those a long list left out */
	if (host_listed(list, host) || strstr(list, "..."))
		return 0;
	if (strlen(list) > LIST_SHOWN) {
		/* the message names the first few */
		char *cut = list + LIST_SHOWN;

		while (cut > list && strncmp(cut, ", ", 2))
			cut--;
		snprintf(cut, sizeof(list) - (size_t)(cut - list), "%s...", cut > list ? ", " : "");
	}
	snprintf(err, STREAM_ERR_SIZE, "%.80s%sno message of host '%.40s' on the bus (%s%.70s)",
		 url ? url : "", url ? ": " : "", host,
		 *list ? "the hosts on it: " : "it has no host's messages", list);
	return -EINVAL;
}

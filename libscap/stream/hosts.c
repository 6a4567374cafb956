/* SPDX-License-Identifier: Apache-2.0 */
/*
 * hosts.c - is a reader's host one the bus knows (hosts.h).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "hosts.h"
#include "registry.h"

#define LIST_SHOWN 60   /* bytes of the host list a message shows, about */

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
		if (u->since_ns || strcmp(kind, STREAM_KIND_CAPTURE))
			return 0;
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

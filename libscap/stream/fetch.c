/* SPDX-License-Identifier: Apache-2.0 */
/*
 * fetch.c - scap_stream_fetch(): the JSON messages (alerts, metrics) of hosts, read
 * back in the order the bus stored them, host after host. A message stored twice (the
 * same HOST/KIND/SEQ id: sent again after a lost acknowledgement) is handed over once.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <scry/scap_stream.h>

#include "hosts.h"
#include "registry.h"
#include "url.h"

static int fetch_host(const struct stream_transport_ops *t, struct stream_url *u,
		      const char *kind, const char *host, scap_stream_msg_fn fn, void *ctx,
		      char *err)
{
	char subject[512];
	uint64_t last = 0;
	bool have_last = false;
	void *c = NULL;
	int rc;

	rc = stream_subject(subject, sizeof(subject), u->name, kind, host);
	if (rc)
		return rc;
	rc = t->consumer_open(u, subject, &c, err);
	if (rc)
		return rc;
	for (bool any = false;; any = true) {
		const char *id = NULL;
		const void *data;
		size_t len;
		uint64_t seq;

		rc = t->consumer_next(c, &data, &len, &id, err);
		if (rc == 1) {
			/* none at all: a misspelt host? */
			rc = any ? 0 : stream_host_check(t, u, NULL, kind, host, err);
			break;
		}
		if (rc < 0)
			break;
		/* copies come right after the first (resent while it was in flight) or
		 * later: drop what is not past the highest sequence handed over */
		if (stream_msg_id_seq(id, &seq) == 0) {
			if (have_last && seq <= last)
				continue;
			have_last = true;
			last = seq;
		}
		rc = fn(ctx, host, data, len);
		if (rc)
			break;
	}
	t->consumer_close(c);
	return rc;
}

int scap_stream_fetch(const char *url, const char *kind, scap_stream_msg_fn fn, void *ctx,
		      char *errbuf)
{
	char err[STREAM_ERR_SIZE] = "";
	const struct stream_transport_ops *t;
	struct stream_url *u = NULL;
	char *hosts, *save = NULL;
	int rc;

	if (!url || !kind || !fn)
		return -EINVAL;
	rc = stream_url_parse(url, &u, err);
	if (rc)
		goto out;
	rc = stream_transport_get(u->scheme, &t, err);
	if (rc)
		goto out;
	if (!u->host) {
		snprintf(err, sizeof(err), "%.200s: which host? (?host=NAME[,NAME...])", url);
		rc = -EINVAL;
		goto out;
	}
	hosts = strdup(u->host);
	if (!hosts) {
		rc = -ENOMEM;
		goto out;
	}
	for (char *h = strtok_r(hosts, ",", &save); h && !rc; h = strtok_r(NULL, ",", &save))
		rc = fetch_host(t, u, kind, h, fn, ctx, err);
	free(hosts);
out:
	if (rc && errbuf)
		snprintf(errbuf, SCAP_ERRBUF_SIZE, "%s", err[0] ? err : strerror(rc < 0 ? -rc : EIO));
	stream_url_free(u);
	return rc;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * fetch.c - scap_stream_fetch(): the JSON messages (alerts, metrics) of hosts, read
 * back in the order the bus stored them, host after host. A message stored twice (the
 * same HOST/KIND/SEQ id: sent again after a lost acknowledgement) is handed over once
 * (a copy within FETCH_DEDUP_WINDOW messages of the first: the spool sends it again
 * as soon as the bus is back, before the messages after it).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <scry/scap_stream.h>

#include "hosts.h"
#include "msgid_set.h"
#include "registry.h"
#include "url.h"

#define FETCH_DEDUP_WINDOW 65536  /* ids remembered: as the Kafka reader's window */

static int fetch_host(const struct stream_transport_ops *t, struct stream_url *u,
		      const char *kind, const char *host, scap_stream_msg_fn fn, void *ctx,
		      char *err)
{
	struct msgid_set *seen = NULL;
	char subject[512];
	void *c = NULL;
	int rc;

	rc = stream_subject(subject, sizeof(subject), u->name, kind, host);
	if (rc)
		return rc;
	rc = msgid_set_new(FETCH_DEDUP_WINDOW, &seen);
	if (rc)
		return rc;
	rc = t->consumer_open(u, subject, &c, err);
	if (rc) {
		msgid_set_free(seen);
		return rc;
	}
	for (bool any = false;; any = true) {
		const char *id = NULL;
		const void *data;
		size_t len;

		rc = t->consumer_next(c, &data, &len, &id, err);
		if (rc == 1) {
			/* none at all: a misspelt host? */
			rc = any ? 0 : stream_host_check(t, u, NULL, kind, host, err);
			break;
		}
		if (rc < 0)
			break;
		/* copies come after the first (resent while it was in flight, or after a
		 * lost acknowledgement): drop an id handed over already. Not "a sequence
		 * below the highest": a host's messages may come from several partitions
		 * (Kafka's alerts, keyed by container), each in order, not all together */
		if (id && *id && !stream_msg_id_of(id, host))
			continue; /* another host whose name maps to the same subject */
		if (id && *id) {
			rc = msgid_set_add(seen, id);
			if (rc < 0)
				break;
			if (rc == 1)
				continue;
		}
		rc = fn(ctx, host, data, len);
		if (rc)
			break;
	}
	t->consumer_close(c);
	msgid_set_free(seen);
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
	if (!rc)
		rc = stream_url_check_keys(u, stream_reader_keys, t->producer_keys, err);
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

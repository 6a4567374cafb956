/* SPDX-License-Identifier: Apache-2.0 */
/*
 * publish.c - scry -w to a bus (publish.h): the writer of write.c with its files named
 * by the publisher of scap_stream (chunks in the spool), and the end-of-run report.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "publish.h"

#ifdef SCRY_HAVE_SCAP_STREAM
#include <scry/scap_stream.h>
#endif

bool scry_publish_is(const char *path)
{
	return path && (!strncmp(path, "nats://", 7) || !strncmp(path, "kafka://", 8));
}

#ifndef SCRY_HAVE_SCAP_STREAM
int scry_publish_check(const struct scry_write_opts *o)
{
	fprintf(stderr, "scry: %s: this scry is built without scap_stream (no bus client "
		"library was found)\n", o->path);
	return 1;
}

int scry_publish(sinsp_t *s, struct sinsp_filter *filter, const struct scry_write_opts *o,
		 volatile sig_atomic_t *stop)
{
	(void)s;
	(void)filter;
	(void)stop;
	return scry_publish_check(o);
}
#else

/* SCRY_SPOOL_DIR_BASE/STREAM-HOST for the URL @url, into @buf. */
static void default_spool(char *buf, size_t size, const char *url)
{
	const char *p = strstr(url, "://"), *name, *host;
	size_t nl, hl = 0;

	name = p ? strchr(p + 3, '/') : NULL;
	name = name ? name + 1 : "stream";
	nl = strcspn(name, "?");
	host = strstr(name, "host=");
	if (host) {
		host += 5;
		hl = strcspn(host, "&");
	}
	snprintf(buf, size, "%s/%.*s-%.*s", SCRY_SPOOL_DIR_BASE, (int)nl, name, (int)hl,
		 host ? host : "");
	for (char *c = buf + strlen(SCRY_SPOOL_DIR_BASE) + 1; *c; c++)
		if (*c == '/')
			*c = '_';
}

int scry_publish_check(const struct scry_write_opts *o)
{
	if (strlen(o->path) < 10 || !strchr(strstr(o->path, "://") + 3, '/')) {
		fprintf(stderr, "scry: %s: not SCHEME://HOST:PORT/STREAM?host=NAME\n", o->path);
		return 1;
	}
	return 0;
}

struct pub_ctx {
	struct scap_stream_pub *pub;
	const char *url;
};

static int chunk_begin(void *ctx, char *path, size_t size)
{
	struct pub_ctx *c = ctx;
	int rc = scap_stream_pub_chunk_begin(c->pub, path, size);

	if (rc)
		fprintf(stderr, "scry: %s: %s\n", c->url, scap_stream_pub_last_error(c->pub));
	return rc ? 1 : 0;
}

static int chunk_end(void *ctx, bool keep)
{
	struct pub_ctx *c = ctx;
	int rc = scap_stream_pub_chunk_end(c->pub, keep);

	if (rc)
		fprintf(stderr, "scry: %s: %s\n", c->url, scap_stream_pub_last_error(c->pub));
	return rc ? 1 : 0;
}

static void report(struct scap_stream_pub *pub, const char *url)
{
	struct scap_stream_pub_stats st = { .sz = sizeof(st) };

	if (scap_stream_pub_get_stats(pub, &st))
		return;
	fprintf(stderr, "scry: %s: %" PRIu64 " messages acknowledged (%" PRIu64 " bytes), %"
		PRIu64 " sends failed and repeated; spool: peak %" PRIu64 " bytes, %" PRIu64
		" dropped (%" PRIu64 " bytes), %" PRIu64 " left (%" PRIu64 " bytes)\n", url,
		st.msgs_acked, st.bytes_acked, st.msgs_failed, st.spool_peak_bytes,
		st.dropped_msgs, st.dropped_bytes, st.spool_files, st.spool_bytes);
}

int scry_publish(sinsp_t *s, struct sinsp_filter *filter, const struct scry_write_opts *o,
		 volatile sig_atomic_t *stop)
{
	struct scry_write_opts w = *o;
	char spool[4096], err[SCAP_ERRBUF_SIZE];
	struct pub_ctx c = { .url = o->path };
	uint64_t wait_s = o->publish_wait_s ? o->publish_wait_s : SCRY_PUBLISH_WAIT_S;
	int status, rc;

	if (scry_publish_check(o))
		return 1;
	if (o->spool_dir)
		snprintf(spool, sizeof(spool), "%s", o->spool_dir);
	else
		default_spool(spool, sizeof(spool), o->path);
	SCAP_OPTS(scap_stream_pub_opts, po, .url = o->path, .spool_dir = spool,
		  .spool_bytes = o->spool_bytes);
	rc = scap_stream_pub_open(&po, &c.pub, err);
	if (rc) {
		fprintf(stderr, "scry: %s: %s%s\n", o->path, err,
			rc == -EACCES && !o->spool_dir ? " (choose one with --spool-dir)" : "");
		return 1;
	}
	w.gzip = true;
	w.rotate_mb = 0;
	w.max_files = 0;
	w.chunk_events = o->chunk_events ? o->chunk_events : SCRY_CHUNK_EVENTS;
	if (!o->read_path && !o->rotate_s)
		w.rotate_s = SCRY_CHUNK_SECONDS;
	w.chunk_begin = chunk_begin;
	w.chunk_end = chunk_end;
	w.chunk_ctx = &c;
	status = scry_write(s, filter, &w, stop);
	rc = scap_stream_pub_drain(c.pub, (int)(wait_s * 1000));
	if (rc) {
		fprintf(stderr, "scry: %s: %s\n", o->path, rc == -ETIMEDOUT ?
			"the bus did not take every message in time: the rest stays in the spool" :
			scap_stream_pub_last_error(c.pub));
		status = 1;
	}
	report(c.pub, o->path);
	scap_stream_pub_close(c.pub);
	return status;
}
#endif

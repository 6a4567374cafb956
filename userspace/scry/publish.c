/* SPDX-License-Identifier: Apache-2.0 */
/*
 * publish.c - scry -w to a bus (publish.h): the writer of write.c with its files named
 * by the publisher of scap_stream (chunks in the spool), and the end-of-run report.
 */
#include <errno.h>
#include <inttypes.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chunk.h"
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

int scry_publish_alerts_open(const struct scry_write_opts *o, struct scry_rules_opts *r,
			     struct scry_alert_pub **out)
{
	(void)r;
	(void)out;
	return scry_publish_check(o);
}

int scry_publish_alerts_close(struct scry_alert_pub *ap)
{
	(void)ap;
	return 0;
}

int scry_publish_fetch(const char *url, const char *kind)
{
	(void)kind;
	fprintf(stderr, "scry: %s: this scry is built without scap_stream\n", url);
	return 1;
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

#define PUBLISH_MMAP_THRESHOLD (32 << 20)  /* glibc's largest (chunks of 64 MiB still mmap) */
#define PUBLISH_TRIM_THRESHOLD (64 << 20)

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

/* The publisher's figures on stderr; 1 when messages were too large for the bus. */
static int report(struct scap_stream_pub *pub, const char *url)
{
	struct scap_stream_pub_stats st = { .sz = sizeof(st) };

	if (scap_stream_pub_get_stats(pub, &st))
		return 0;
	fprintf(stderr, "scry: %s: %" PRIu64 " messages acknowledged (%" PRIu64 " bytes), %"
		PRIu64 " sends failed and repeated; spool: peak %" PRIu64 " bytes, %" PRIu64
		" dropped (%" PRIu64 " bytes), %" PRIu64 " left (%" PRIu64 " bytes)%s\n", url,
		st.msgs_acked, st.bytes_acked, st.msgs_failed, st.spool_peak_bytes,
		st.dropped_msgs, st.dropped_bytes, st.spool_files, st.spool_bytes,
		st.msgs_too_large ? "; some were larger than the bus takes (--max-message)" : "");
	return st.msgs_too_large ? 1 : 0;
}

/* The publisher of o->path with its spool; 1 with the reason on stderr. */
static int pub_open(const struct scry_write_opts *o, struct scap_stream_pub **out)
{
	char spool[4096], err[SCAP_ERRBUF_SIZE];
	int rc;

	if (scry_publish_check(o))
		return 1;
	if (o->spool_dir)
		snprintf(spool, sizeof(spool), "%s", o->spool_dir);
	else
		default_spool(spool, sizeof(spool), o->path);
	SCAP_OPTS(scap_stream_pub_opts, po, .url = o->path, .spool_dir = spool,
		  .spool_bytes = o->spool_bytes);
	rc = scap_stream_pub_open(&po, out, err);
	if (rc) {
		/* the URL once: the library's messages about it start with it */
		bool named = !strncmp(err, o->path, strlen(o->path));

		fprintf(stderr, "scry: %s%s%s%s\n", named ? "" : o->path, named ? "" : ": ", err,
			rc == -EACCES && !o->spool_dir ? " (choose one with --spool-dir)" : "");
		return 1;
	}
	return 0;
}

/*
 * Wait for the bus to take the spool (--publish-wait), print the figures, close. 1 when
 * not all went. The capture is over: *@stop (NULL: none) is cleared, and a signal from
 * here on ends the wait (what is left stays in the spool). A wait of more than a second
 * is said once, with what it waits for.
 */
static int pub_finish(struct scap_stream_pub *pub, const struct scry_write_opts *o,
		      volatile sig_atomic_t *stop)
{
	uint64_t wait_s = o->publish_wait_s ? o->publish_wait_s : SCRY_PUBLISH_WAIT_S;
	int status = 0, rc;

	if (stop)
		*stop = 0;
	rc = scap_stream_pub_drain(pub, 1000);
	if (rc == -ETIMEDOUT && wait_s > 1) {
		struct scap_stream_pub_stats st = { .sz = sizeof(st) };

		scap_stream_pub_get_stats(pub, &st);
		fprintf(stderr, "scry: %s: waiting up to %" PRIu64 " s (--publish-wait) for the bus "
			"to take %" PRIu64 " messages; Ctrl-C leaves them in the spool\n", o->path,
			wait_s - 1, st.spool_files);
		for (uint64_t s = 1; rc == -ETIMEDOUT && s < wait_s && !(stop && *stop); s++)
			rc = scap_stream_pub_drain(pub, 1000);
	}
	if (rc) {
		fprintf(stderr, "scry: %s: %s\n", o->path, scap_stream_pub_last_error(pub));
		status = 1;
	}
	if (report(pub, o->path))
		status = 1;
	scap_stream_pub_close(pub);
	return status;
}

int scry_publish(sinsp_t *s, struct sinsp_filter *filter, const struct scry_write_opts *o,
		 volatile sig_atomic_t *stop)
{
	struct scry_write_opts w = *o;
	struct pub_ctx c = { .url = o->path };
	int status;

	if (pub_open(o, &c.pub))
		return 1;
	/*
	 * Every chunk allocates and frees buffers of its size (the dumper's, the bus
	 * client's copy of each message): glibc's defaults give those back to the kernel
	 * (mmap above a threshold, heap trimming), so that each comes as fresh pages to
	 * fault in again. Kept instead: bench/collect_kafka, 15 % less CPU. Up to 64 MiB
	 * of freed memory stays with the process.
	 */
	mallopt(M_MMAP_THRESHOLD, PUBLISH_MMAP_THRESHOLD);
	mallopt(M_TRIM_THRESHOLD, PUBLISH_TRIM_THRESHOLD);
	w.gzip = true;
	w.chunk_plain = scap_stream_pub_chunk_plain(c.pub);
	w.rotate_mb = 0;
	w.max_files = 0;
	w.chunk_events = o->chunk_events ? o->chunk_events : SCRY_CHUNK_EVENTS;
	/* a chunk closes at most a margin below the bus's largest message (chunk.h):
	 * --max-message, else what the bus said at open, else 1 MiB */
	w.chunk_bytes = o->max_message_bytes ? o->max_message_bytes :
			scap_stream_pub_max_message(c.pub);
	if (w.chunk_bytes <= SCRY_CHUNK_MARGIN)
		w.chunk_bytes = SCRY_MAX_MESSAGE_BYTES;
	w.chunk_bytes -= SCRY_CHUNK_MARGIN;
	if (!o->read_path && !o->rotate_s)
		w.rotate_s = SCRY_CHUNK_SECONDS;
	w.chunk_begin = chunk_begin;
	w.chunk_end = chunk_end;
	w.chunk_ctx = &c;
	status = scry_write(s, filter, &w, stop);
	if (pub_finish(c.pub, o, stop))
		status = 1;
	return status;
}

struct scry_alert_pub {
	struct scap_stream_pub *pub;
	const struct scry_write_opts *o;
	uint64_t failed;            /* alerts the spool refused */
};

static void alert_sink(void *ctx, const char *key, const char *json, size_t len)
{
	struct scry_alert_pub *ap = ctx;

	/* one document a message: without its newline */
	if (len && json[len - 1] == '\n')
		len--;
	if (scap_stream_pub_send_key(ap->pub, "alerts", key, json, len) && !ap->failed++)
		fprintf(stderr, "scry: %s: %s\n", ap->o->path, scap_stream_pub_last_error(ap->pub));
}

int scry_publish_alerts_open(const struct scry_write_opts *o, struct scry_rules_opts *r,
			     struct scry_alert_pub **out)
{
	struct scry_alert_pub *ap = calloc(1, sizeof(*ap));

	if (!ap) {
		fprintf(stderr, "scry: out of memory\n");
		return 1;
	}
	ap->o = o;
	if (pub_open(o, &ap->pub)) {
		free(ap);
		return 1;
	}
	r->alert_sink = alert_sink;
	r->alert_ctx = ap;
	r->host = scap_stream_pub_host(ap->pub);
	*out = ap;
	return 0;
}

int scry_publish_alerts_close(struct scry_alert_pub *ap)
{
	int status;

	if (!ap)
		return 0;
	status = pub_finish(ap->pub, ap->o, NULL) || ap->failed;
	free(ap);
	return status;
}

static int print_msg(void *ctx, const char *host, const void *data, size_t len)
{
	(void)ctx;
	(void)host;
	if (fwrite(data, 1, len, stdout) != len || putchar('\n') == EOF)
		return -EIO;
	return 0;
}

int scry_publish_fetch(const char *url, const char *kind)
{
	char err[SCAP_ERRBUF_SIZE] = "";
	int rc = scap_stream_fetch(url, kind, print_msg, NULL, err);

	if (rc) {
		fprintf(stderr, "scry: %s: %s\n", url, rc == -EIO ? strerror(EIO) : err);
		return 1;
	}
	return fflush(stdout) ? 1 : 0;
}
#endif

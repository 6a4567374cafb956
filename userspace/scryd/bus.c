/* SPDX-License-Identifier: Apache-2.0 */
/*
 * bus.c - scryd's sink to a message bus (bus.h). The chunks are cut as scry -w URL cuts
 * them (userspace/scry/publish.c): at most chunk_events events, 2 s of event time, and
 * below the bus's largest message (userspace/common/chunk.h); plain when the bus
 * compresses them (Kafka's zstd), else gzip; each starts with the inspector's state
 * (sinsp_dump_state()), container metadata learned meanwhile is written before the
 * next event (sinsp_dump_changed_containers()); that state is cut at the chunk's close
 * to what its events need (but in the first chunk and every 64th: common/chunk_state.h),
 * as scry -w URL does.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <scry/scap_dump.h>
#include <scry/scap_stream.h>
#include <scry/sinsp_dump.h>

#include "bus.h"
#include "chunk.h"
#include "chunk_state.h"
#include "log.h"

#define CHUNK_SECONDS 2
#define CLOSE_WAIT_MS 10000
#define NS_PER_S 1000000000ull

struct scryd_bus {
	const struct scryd_config *c;
	struct scap_stream_pub *pub;
	struct scap_dumper *d;      /* the current chunk, NULL between chunks */
	uint64_t events;            /* in the current chunk */
	uint64_t first_s;           /* second of its first timed event (0: none yet) */
	uint64_t container_mark;
	struct scry_chunk_size size; /* how large the current chunk is (chunk.h) */
	sinsp_t *s;                 /* the inspector of the current chunk's events */
	char path[4096];            /* the current chunk's file */
	struct scry_chunk_state cs; /* the threads of its events (chunk_state.h) */
	bool failed;                /* the capture sink stopped after an error */
	uint64_t alert_failures;    /* alerts and metrics the spool refused */
};

int scryd_bus_open(const struct scryd_config *c, const char *host, struct scryd_bus **out)
{
	char url[4096], err[SCAP_ERRBUF_SIZE];
	struct scryd_bus *b;
	int rc;

	*out = NULL;
	if (!c->bus_enabled)
		return 0;
	b = calloc(1, sizeof(*b));
	if (!b)
		return 1;
	b->c = c;
	/* the host the configuration names, else this one's name */
	snprintf(url, sizeof(url), "%s%s%s", c->bus_url,
		 strstr(c->bus_url, "host=") ? "" : strchr(c->bus_url, '?') ? "&host=" : "?host=",
		 strstr(c->bus_url, "host=") ? "" : host);
	SCAP_OPTS(scap_stream_pub_opts, po, .url = url,
		  .spool_dir = c->bus_spool_dir ? c->bus_spool_dir : "/var/spool/scry/bus",
		  .spool_bytes = c->bus_spool_size);
	rc = scap_stream_pub_open(&po, &b->pub, err);
	if (rc) {
		scryd_log(SCRYD_LOG_ERROR, "bus %s: %s", c->bus_url, err);
		free(b);
		return 1;
	}
	scry_chunk_size_init(&b->size, c->bus_max_message > SCRY_CHUNK_MARGIN ?
			     c->bus_max_message - SCRY_CHUNK_MARGIN : 0,
			     scap_stream_pub_chunk_plain(b->pub));
	{
		const char *what[3];
		int n = 0;

		if (c->bus_capture)
			what[n++] = "the capture";
		if (c->bus_alerts)
			what[n++] = "the alerts";
		if (c->bus_metrics && c->metrics.enabled)
			what[n++] = "the metrics snapshots";
		scryd_log(SCRYD_LOG_INFO, "bus: publishing %s%s%s%s%s to %s", n ? what[0] : "nothing",
			  n > 2 ? ", " : n > 1 ? " and " : "", n > 1 ? what[1] : "",
			  n > 2 ? " and " : "", n > 2 ? what[2] : "", url);
	}
	*out = b;
	return 0;
}

static int chunk_close(struct scryd_bus *b)
{
	char err[SCAP_ERRBUF_SIZE];
	int rc;

	if (!b->d)
		return 0;
	rc = scap_dump_close(b->d, err);
	b->d = NULL;
	if (rc)
		scryd_log(SCRYD_LOG_ERROR, "bus: chunk: %s", err);
	/* a state it cannot cut stays whole: the chunk replays all the same */
	if (!rc && scry_chunk_state_thin(&b->cs, b->s, b->path, err, sizeof(err)))
		scryd_log(SCRYD_LOG_WARNING, "bus: chunk %s: the state stays whole: %s", b->path, err);
	if (scap_stream_pub_chunk_end(b->pub, rc == 0)) {
		scryd_log(SCRYD_LOG_ERROR, "bus: %s", scap_stream_pub_last_error(b->pub));
		return 1;
	}
	return rc ? 1 : 0;
}

static int chunk_open(struct scryd_bus *b, sinsp_t *s)
{
	char err[SCAP_ERRBUF_SIZE];
	/* plain or gzip as scry -w chooses (common/chunk.h) */
	SCAP_OPTS(scap_dump_opts, o, .compression = scry_chunk_size_gzip(&b->size) ?
			SCAP_DUMP_GZIP : SCAP_DUMP_PLAIN, .buffer_bytes = SCRY_CHUNK_BUFFER);
	int rc;

	if (scap_stream_pub_chunk_begin(b->pub, b->path, sizeof(b->path))) {
		scryd_log(SCRYD_LOG_ERROR, "bus: %s", scap_stream_pub_last_error(b->pub));
		return 1;
	}
	o.path = b->path;
	b->s = s;
	rc = scap_dump_open(&o, &b->d, err);
	if (rc) {
		scryd_log(SCRYD_LOG_ERROR, "bus: chunk: %s", err);
		scap_stream_pub_chunk_end(b->pub, false);
		return 1;
	}
	scry_chunk_size_start(&b->size, b->d);
	rc = sinsp_dump_state(s, b->d);
	if (!rc && scry_chunk_state_start(&b->cs, b->d))
		rc = -EIO;
	if (rc) {
		scryd_log(SCRYD_LOG_ERROR, "bus: chunk state: %s", rc == -ENOMEM ?
			  sinsp_last_error(s) : scap_dump_last_error(b->d));
		scap_dump_close(b->d, err);
		b->d = NULL;
		scap_stream_pub_chunk_end(b->pub, false);
		return 1;
	}
	scry_chunk_size_state(&b->size, b->d);
	b->container_mark = sinsp_container_changes(s);
	b->events = 0;
	b->first_s = 0;
	return 0;
}

static bool chunk_due(struct scryd_bus *b, uint64_t ts, uint32_t len)
{
	uint64_t sec = ts / NS_PER_S;

	if (b->events >= b->c->bus_chunk_events)
		return true;
	if (ts && !b->first_s)
		b->first_s = sec;
	else if (ts && sec >= b->first_s + CHUNK_SECONDS)
		return true;
	return scry_chunk_size_full(&b->size, b->d, len);
}

int scryd_bus_event(struct scryd_bus *b, sinsp_t *s, struct sinsp_evt *evt)
{
	const struct scap_evt_ref *ref = sinsp_evt_raw(evt);

	if (!b || !b->c->bus_capture || b->failed)
		return 0;
	if (b->d && chunk_due(b, ref->ts_ns, ref->len) && chunk_close(b))
		goto fail;
	if (!b->d) {
		if (chunk_open(b, s))
			goto fail;
		/* the event was read before the chunk's state was taken: a container event is
		 * in its container table already (write.c does the same at a rotation) */
		if (ref->type == SCAP_EVT_CONTAINER_E || ref->type == SCAP_EVT_CONTAINER_JSON_E ||
		    ref->type == SCAP_EVT_CONTAINER_JSON_2_E)
			return 0;
	}
	if (sinsp_dump_changed_containers(s, b->d, &b->container_mark, ref->ts_ns) ||
	    scap_dump_event(b->d, ref, ref->flags)) {
		scryd_log(SCRYD_LOG_ERROR, "bus: chunk: %s", scap_dump_last_error(b->d));
		goto fail;
	}
	scry_chunk_state_note(&b->cs, (int64_t)ref->tid, ref->type);
	b->events++;
	return 0;
fail:
	b->failed = true;
	scryd_log(SCRYD_LOG_ERROR, "bus: the capture is no longer published");
	return 1;
}

/* One JSON document of @kind, without its trailing newline, keyed by @key (NULL: the
 * host). */
static void send_json(struct scryd_bus *b, const char *kind, const char *key, const char *json,
		      size_t len)
{
	if (len && json[len - 1] == '\n')
		len--;
	if (scap_stream_pub_send_key(b->pub, kind, key, json, len) && !b->alert_failures++)
		scryd_log(SCRYD_LOG_ERROR, "bus: %s: %s", kind, scap_stream_pub_last_error(b->pub));
}

void scryd_bus_alert(struct scryd_bus *b, const char *key, const char *json, size_t len)
{
	if (b && b->c->bus_alerts)
		send_json(b, "alerts", key, json, len);
}

const char *scryd_bus_host(struct scryd_bus *b)
{
	return b ? scap_stream_pub_host(b->pub) : NULL;
}

void scryd_bus_metrics(struct scryd_bus *b, const char *json, size_t len)
{
	if (b && b->c->bus_metrics)
		send_json(b, "metrics", NULL, json, len);
}

int scryd_bus_close(struct scryd_bus *b)
{
	struct scap_stream_pub_stats st = { .sz = sizeof(st) };
	int status = 0;

	if (!b)
		return 0;
	if (chunk_close(b))
		status = 1;
	if (scap_stream_pub_drain(b->pub, CLOSE_WAIT_MS)) {
		scryd_log(SCRYD_LOG_ERROR, "bus %s: %s; the rest stays in the spool for the next "
			  "start", b->c->bus_url, scap_stream_pub_last_error(b->pub));
		status = 1;
	}
	if (!scap_stream_pub_get_stats(b->pub, &st))
		scryd_log(SCRYD_LOG_INFO, "bus: %" PRIu64 " messages acknowledged (%" PRIu64 " bytes), %"
			  PRIu64 " sends failed and repeated; spool: peak %" PRIu64 " bytes, %" PRIu64
			  " dropped (%" PRIu64 " bytes), %" PRIu64 " left (%" PRIu64 " bytes), %" PRIu64
			  " too large; %" PRIu64 " alerts or metrics not spooled", st.msgs_acked, st.bytes_acked,
			  st.msgs_failed, st.spool_peak_bytes, st.dropped_msgs, st.dropped_bytes,
			  st.spool_files, st.spool_bytes, st.msgs_too_large, b->alert_failures);
	scap_stream_pub_close(b->pub);
	scry_chunk_state_free(&b->cs);
	free(b);
	return status;
}

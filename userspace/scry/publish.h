/* SPDX-License-Identifier: Apache-2.0 */
/*
 * publish.h - scry -w nats://HOST:PORT/STREAM?host=NAME: the writer's capture goes to
 * a bus as capture chunks (scap_stream.h) through an on-disk spool, instead of a file.
 */
#ifndef SCRY_PUBLISH_H
#define SCRY_PUBLISH_H

#include <stdbool.h>

#include "rules_cli.h"
#include "write.h"

/* Defaults of the options (scry --help, docs/collect.md). */
#define SCRY_SPOOL_DIR_BASE "/var/spool/scry"  /* + "/STREAM-HOST" */
#define SCRY_CHUNK_EVENTS 100000               /* events a chunk holds at most */
/* the largest message of the bus (--max-message) when the bus did not say it
 * (scap_stream_pub_max_message(): NATS's max_payload): 1 MiB, the default of NATS
 * (max_payload) and of Kafka (message.max.bytes); chunks stay SCRY_CHUNK_MARGIN below
 * it (userspace/common/chunk.h) */
#define SCRY_MAX_MESSAGE_BYTES (1u << 20)
#define SCRY_CHUNK_SECONDS 2                   /* live: a chunk spans at most this */
#define SCRY_PUBLISH_WAIT_S 60                 /* the end waits this long for the bus */

/* Whether -w @path names a bus ("nats://", "kafka://") rather than a file. */
bool scry_publish_is(const char *path);

/* scry_write_check() for a bus: the URL parses and the spool directory can be made.
 * Return 0, or 1 with the reason on stderr. */
int scry_publish_check(const struct scry_write_opts *o);

/*
 * scry_write() to the bus of o->path: capture chunks of at most o->chunk_events
 * events (live: and SCRY_CHUNK_SECONDS of event time), gzip-compressed (plain when
 * the bus compresses them: scap_stream_pub_chunk_plain()), each starting with the state; they go to the spool, and from it to the bus. At the end waits up
 * to o->publish_wait_s for the bus to take what the spool holds, then prints the
 * publisher's figures on stderr (messages, bytes, failed sends, spool peak, drops,
 * left over). Return: 0; 1 (message printed), also when messages are left over.
 */
int scry_publish(sinsp_t *s, struct sinsp_filter *filter, const struct scry_write_opts *o,
		 volatile sig_atomic_t *stop);

/*
 * scry -r FILE --rules R -w nats://...: the alerts of the run as JSON messages (kind
 * "alerts", Falco's JSON as scry -j prints it) through a publisher of o->path with its
 * spool. _open() sets @r's alert_sink; _close() waits for the bus (o->publish_wait_s),
 * prints the figures and frees it. Return: 0, or 1 with the reason on stderr.
 */
struct scry_alert_pub;
int scry_publish_alerts_open(const struct scry_write_opts *o, struct scry_rules_opts *r,
			     struct scry_alert_pub **out);
int scry_publish_alerts_close(struct scry_alert_pub *ap);

/*
 * scry -r nats://...?host=H --fetch=KIND: print the KIND messages (alerts, metrics) of
 * the hosts on stdout, one a line. Return: 0, or 1 with the reason on stderr.
 */
int scry_publish_fetch(const char *url, const char *kind);

#endif /* SCRY_PUBLISH_H */

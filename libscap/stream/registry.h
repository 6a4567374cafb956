/* SPDX-License-Identifier: Apache-2.0 */
/*
 * registry.h - the transports built into scap_stream, found by URL scheme, and the
 * names every transport and reader share: subjects and message ids.
 */
#ifndef SCAP_STREAM_REGISTRY_H
#define SCAP_STREAM_REGISTRY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "transport.h"

/* Kinds of messages: a subject token each (transport.h). */
#define STREAM_KIND_CAPTURE "capture"   /* scap chunks (chunk files of the spool) */
#define STREAM_KIND_ALERTS  "alerts"    /* one alert, JSON (userspace/common/alert.c) */
#define STREAM_KIND_METRICS "metrics"   /* one metrics snapshot, JSON */

/*
 * stream_transport_find() - the transport of @scheme ("nats", "kafka"), or NULL when
 * this build has none (its library was not found at build time).
 */
const struct stream_transport_ops *stream_transport_find(const char *scheme);

/* The schemes this build has, ", "-separated, for messages ("nats, kafka"). */
const char *stream_transport_list(void);

/*
 * stream_transport_get() - the transport of @scheme, its client library loaded (the
 * transport's load(): dlopen() at first use).
 * @err: [out] STREAM_ERR_SIZE bytes for the message on failure.
 * Return: 0 (*@out set); -ENOTSUP no such bus in this build (the message lists those
 * built); -ENOENT its client library cannot be loaded (the message names it and the
 * package to install).
 */
int stream_transport_get(const char *scheme, const struct stream_transport_ops **out,
			 char *err);

/*
 * stream_subject() - "NAME.KIND.HOST" into @buf (@size bytes): the subject of a host's
 * messages of a kind (transport.h). A host name's '.', '*', '>' and white space become
 * '_' so that it stays one subject token ("web-1.example.com" -> "web-1_example_com").
 * Return: 0, or -ENAMETOOLONG when @size is too small.
 */
int stream_subject(char *buf, size_t size, const char *name, const char *kind,
		   const char *host);

/*
 * Message ids "HOST/KIND/SEQ" (transport.h), SEQ in decimal: unique per host and kind
 * and stable across retries. stream_msg_id() writes one (0 or -ENAMETOOLONG);
 * stream_msg_id_seq() reads SEQ back (0, or -EPROTO when @id is not of that form).
 */
int stream_msg_id(char *buf, size_t size, const char *host, const char *kind, uint64_t seq);
int stream_msg_id_seq(const char *id, uint64_t *seq);
/* Whether message id @id (HOST/KIND/SEQ) is of host @host, the name as given (hosts whose
 * names map to one subject token, "web 1" and "web_1", share a subject, not ids). */
bool stream_msg_id_of(const char *id, const char *host);

/* A SEQ's run (scap_stream.h): SEQ >> STREAM_RUN_SHIFT, the start of the spool that
 * numbered it (UNIX ms, 41 bits until the year 2039 + 20 = 61 bits; 0 for spools made
 * before runs); the first SEQ of a run has its low STREAM_RUN_SHIFT bits 0. A run
 * longer than 2^20 chunks goes on into the next ms's numbers, which no later spool
 * takes (it would have to start within a ms per 2^20 chunks). */
#define STREAM_RUN_SHIFT 20
static inline bool stream_seq_starts_run(uint64_t seq, uint64_t last)
{
	return (seq >> STREAM_RUN_SHIFT) > (last >> STREAM_RUN_SHIFT) &&
	       !(seq & ((1ull << STREAM_RUN_SHIFT) - 1));
}

#endif /* SCAP_STREAM_REGISTRY_H */

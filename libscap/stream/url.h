/* SPDX-License-Identifier: Apache-2.0 */
/*
 * url.h - bus URLs of scap_stream (the struct is struct stream_url of transport.h):
 *
 *   SCHEME://HOST:PORT[,HOST:PORT...]/NAME[?KEY=VALUE[&KEY=VALUE...]]
 *
 * SCHEME "nats" (NAME: a JetStream stream) or "kafka" (NAME: a topic prefix). Keys:
 *   host=NAME[,NAME...]  the publishing host (writers: one; readers: one or more)
 *   since=TIME           readers: the first message stored at or after TIME, an RFC 3339
 *                        time ("2026-12-07T13:00:00Z", "...+01:00", fractions of a
 *                        second allowed) or ns since the epoch ("1765112400000000000")
 *   replicas=N           NATS: replicas of a stream created by a writer (1..5)
 * Other keys are kept and answered by stream_url_param() (transports define theirs); the
 * writers and readers refuse a key they do not take (stream_url_check_keys()).
 * Values are taken as written (no %-decoding): host names, stream names and numbers.
 * A host name may hold '.' (an FQDN): stream_subject() maps it into one subject token.
 */
#ifndef SCAP_STREAM_URL_H
#define SCAP_STREAM_URL_H

#include <stdbool.h>

#include "transport.h"

/*
 * stream_url_parse() - parse @s into a new URL (free with stream_url_free()).
 * Return: 0 (*@out set); -EINVAL with the reason in @err (STREAM_ERR_SIZE bytes): no
 * "://", an empty server list or NAME, a NAME with '.', '*', '>' or '/', a key without
 * '=', a since= that is neither form, an empty host name; -ENOMEM.
 */
int stream_url_parse(const char *s, struct stream_url **out, char *err);

void stream_url_free(struct stream_url *u);

/* The value of @key in @u's query (the last one when repeated), or NULL. Owned by @u. */
const char *stream_url_param(const struct stream_url *u, const char *key);

/* The keys a reader's URL takes (the stream engine, scap_stream_fetch()): host, since,
 * and the bus's producer keys (one URL serves both ways; a reader ignores those). */
extern const char *const stream_reader_keys[];

/* Refuse a query key neither @a nor @b (NULL-ended lists; @b may be NULL) holds: a
 * misspelt ?replica=3 would otherwise be taken silently for the default. Return 0, or
 * -EINVAL with "URL: ?KEY= is not an option here (it takes: K1, K2, ...)" in @err
 * (STREAM_ERR_SIZE bytes). */
int stream_url_check_keys(const struct stream_url *u, const char *const *a,
			  const char *const *b, char *err);

/* Whether @s looks like a bus URL: "nats://" or "kafka://" (case as written). */
bool stream_url_is_bus(const char *s);

/*
 * stream_time_parse() - TIME of since= into ns since the epoch: digits only are ns;
 * else RFC 3339 "YYYY-MM-DDTHH:MM:SS[.frac](Z|+HH:MM|-HH:MM)" ('t' or ' ' for 'T').
 * Return: 0 or -EINVAL.
 */
int stream_time_parse(const char *s, uint64_t *ns);

#endif /* SCAP_STREAM_URL_H */

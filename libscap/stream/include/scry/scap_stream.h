/* SPDX-License-Identifier: Apache-2.0 */
/*
 * scap_stream.h - the library scap_stream: a host's capture, alerts and metrics on a
 * message bus (NATS JetStream, Kafka) and back.
 *
 * Why a library of its own: it links the buses' client libraries (libnats,
 * librdkafka); a tool that only reads capture files links neither. It is built on
 * libscap's public interfaces (scry/scap.h, scry/scap_engine.h) only.
 *
 * URLs: SCHEME://HOST:PORT[,HOST:PORT...]/NAME?host=HOST[&since=TIME][&replicas=N]
 * with SCHEME "nats" (NAME: the JetStream stream) or "kafka" (NAME: the topic prefix);
 * docs/collect.md describes them.
 */
#ifndef SCAP_STREAM_H
#define SCAP_STREAM_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

#include <scry/scap.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * scap_stream_url_is() - whether @s names a bus rather than a file: it starts with
 * "nats://" or "kafka://" (whether this build has that bus: scap_stream_schemes()).
 * @s: [in] a path or URL, or NULL (false).
 */
SCAP_API bool scap_stream_url_is(const char *s);

/**
 * scap_stream_schemes() - the buses this build can use, ", "-separated ("nats",
 * "nats, kafka"), or "none". Static storage.
 */
SCAP_API const char *scap_stream_schemes(void);

#ifdef __cplusplus
}
#endif
#endif /* SCAP_STREAM_H */

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * transport.h - what a message bus gives scry's stream library (scap_stream): publish
 * messages with delivery reports, and read a subject back in publication order. One
 * implementation per bus: nats.c (NATS JetStream, libnats) and kafka.c (librdkafka).
 * Everything above this interface (URLs, chunks, the spool, the stream engine) is
 * bus-agnostic and never names libnats or librdkafka.
 *
 * Naming: a URL nats://HOST:PORT/STREAM?host=NAME or kafka://BROKER:PORT/TOPIC?host=NAME
 * names a bus (servers), a container of messages (JetStream stream, Kafka topic prefix)
 * and the publishing host. Messages go to a SUBJECT built by the caller from the
 * container name, the kind (capture, alerts, metrics) and the host:
 * "STREAM.KIND.HOST" (NATS subject, inside a stream that captures "STREAM.>") and topic
 * "TOPIC.KIND" with key HOST (capture) or the container id (alerts) on Kafka. How each
 * transport maps SUBJECT and KEY is written at its implementation.
 *
 * Threads: one handle is used by one thread at a time; a transport may run its own
 * threads internally (librdkafka does) but calls @ack only from producer_poll() and
 * producer_flush(), on the caller's thread.
 *
 * Errors: 0 or a negative errno; the message, when there is one, is written to @err
 * (STREAM_ERR_SIZE bytes, NUL-terminated) and names the server and what failed.
 */
#ifndef SCAP_STREAM_TRANSPORT_H
#define SCAP_STREAM_TRANSPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define STREAM_ERR_SIZE 256

/* A parsed bus URL (see stream_url_parse() in url.h). Strings are owned by the URL. */
struct stream_url {
	const char *scheme;    /* "nats" or "kafka" */
	const char *servers;   /* "host:port[,host:port...]" as given */
	const char *name;      /* STREAM (NATS) or TOPIC (Kafka): the path without '/' */
	const char *host;      /* the publishing host (?host=), or NULL */
	uint64_t since_ns;     /* ?since= as ns since the epoch, 0 for the beginning */
};

/*
 * Delivery report of one message given to produce(): @status 0 when the bus has it
 * stored (JetStream: the PubAck; Kafka: the delivery report of an acks=all producer),
 * else a negative errno (-ETIMEDOUT, -ECONNREFUSED, -EIO...): the message is not known
 * to be stored and the caller keeps it (the spool) to produce it again; -EMSGSIZE: the
 * bus refuses it by size, the caller drops it (never produced again). @msg_ctx is the
 * pointer given to produce().
 */
typedef void (*stream_ack_fn)(void *ctx, void *msg_ctx, int status);

struct stream_transport_ops {
	const char *scheme;  /* "nats", "kafka" */
	/* The URL query keys producer_open() reads besides host= (NULL-ended): a writer's URL
	 * with any other key is refused (stream_url_check_keys()). */
	const char *const *producer_keys;

	/* Make the client library usable (nats_dl.h, kafka_dl.h: dlopen() at first use); called before any
	 * other member (stream_transport_get()). NULL: nothing to load. Return 0, or
	 * -ENOENT with the message in @err (STREAM_ERR_SIZE bytes). */
	int (*load)(char *err);

	/* Connect a producer. Creates the stream/topic when absent where the bus allows it
	 * (JetStream: a stream named u->name capturing "NAME.>", file storage; replicas
	 * from ?replicas=, default 1). Does not fail because the bus is down when the
	 * transport can reconnect by itself: it then reports -ENOTCONN from produce() or
	 * failed acks until the bus is back. Return 0 (*@out set) or -errno. */
	int (*producer_open)(const struct stream_url *u, void **out, char *err);

	/* Queue one message (@data copied before return). @msg_id: unique per message of
	 * a host and kind and stable across retries ("HOST/KIND/SEQ"), so the bus drops a
	 * duplicate (JetStream Nats-Msg-Id; Kafka: the idempotent producer covers its own
	 * retries, and the reader drops a repeated id). @key: partition key (Kafka) or NULL.
	 * Return 0 (an ack will come, success or failure), -ENOBUFS (local queue full: try
	 * again after producer_poll()), -ENOTCONN (bus unreachable now), -EMSGSIZE (larger
	 * than the bus takes: never sent again), -errno. */
	int (*produce)(void *p, const char *subject, const char *key, const void *data,
		       size_t len, const char *msg_id, void *msg_ctx);

	/* Serve delivery reports: call @ack for each finished message, waiting at most
	 * @timeout_ms for the first. Return the number of reports served, or -errno. */
	int (*producer_poll)(void *p, int timeout_ms, stream_ack_fn ack, void *ctx);

	/* Wait up to @timeout_ms for every queued message's report (each given to @ack).
	 * Return 0 when none is left, -ETIMEDOUT when some are, -errno. */
	int (*producer_flush)(void *p, int timeout_ms, stream_ack_fn ack, void *ctx);

	void (*producer_close)(void *p);

	/* Optional (NULL: false). True when the producer compresses what it sends with a
	 * codec that does better than gzip level 1 on scap data (Kafka's zstd record
	 * batches): capture chunks may then be handed over uncompressed, so that they
	 * are compressed once, by the transport. */
	bool (*producer_compresses)(void *p);

	/* Optional (NULL: 0). The largest message the bus takes, in bytes, as the producer
	 * learned it at open (NATS: the server's max_payload, or the stream's
	 * max_msg_size when smaller); 0 when not known (the bus was down, or the bus does
	 * not say). Fixed after open. */
	uint64_t (*producer_max_message)(void *p);

	/* Optional (NULL: none). Why sends or deliveries fail since the last message
	 * delivered (forgotten at each delivery), as the client
	 * library said it (NATS: not connected and the connection's last error, a refused
	 * stream, a publish acknowledgement's error; Kafka: the last error a broker
	 * connection gave), in @err (STREAM_ERR_SIZE bytes) naming the servers. Called on
	 * the thread that calls produce() and producer_poll(). Return 0 (@err set), or -ENOENT when no send failed yet. */
	int (*producer_last_error)(void *p, char *err);

	/* Open a reader of @subject from the first message at or after u->since_ns (bus
	 * time of storage; 0: the first message kept). Return 0 or -errno. */
	int (*consumer_open)(const struct stream_url *u, const char *subject, void **out,
			     char *err);

	/* The next message, in the order the bus stored them. Return 0 (*@data, *@len and
	 * *@msg_id valid until the next call or close), 1 when the reader has caught up
	 * with what the bus holds (end of a replay), -errno. */
	int (*consumer_next)(void *c, const void **data, size_t *len, const char **msg_id,
			     char *err);

	void (*consumer_close)(void *c);

	/* Optional (NULL: the bus cannot list them cheaply). The hosts that have messages
	 * of any kind under u->name (NATS: the subjects "NAME.KIND.HOST" of the stream,
	 * each named as its last message's id names it), sorted, as "a, b, c" in @out
	 * (@size bytes; a list that does not fit ends with "..."; "" when none). Return 0,
	 * or -errno with the message in @err (STREAM_ERR_SIZE bytes). */
	int (*list_hosts)(const struct stream_url *u, char *out, size_t size, char *err);
};

/* The transports (each built when its library is found; the stream library finds
 * one by URL scheme). */
extern const struct stream_transport_ops stream_transport_nats;
extern const struct stream_transport_ops stream_transport_kafka;

#endif /* SCAP_STREAM_TRANSPORT_H */

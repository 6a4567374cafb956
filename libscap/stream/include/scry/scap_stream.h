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

/* ---- reading ------------------------------------------------------------------- */

/**
 * scap_stream_engine() - the stream engine ("stream"), for scap_open_opts.engine_impl
 * with opts.path = SCHEME://SERVERS/NAME?host=A[,B...][&since=TIME]: the capture chunks
 * the hosts published, from the first stored at or after TIME (RFC 3339 or ns since
 * the epoch; default: the first kept), replayed as one capture until the bus has no
 * more (then SCAP_EOF). The state is the first chunk's of each host; several hosts are
 * merged by timestamp (their thread ids must not collide). Chunks the bus stored twice
 * are replayed once; chunks out of sequence order are put back in order.
 * A host of ?host= with no chunk to replay that the bus has no message of at all (a
 * misspelt name) fails the open (-EINVAL), the message naming it and the hosts the bus
 * has (NATS; Kafka, which cannot list them: that no message matched, when no since=).
 * Return: static storage.
 */
SCAP_API const struct scap_engine_ops *scap_stream_engine(void);

/**
 * scap_stream_fetch() - the messages of @kind ("alerts", "metrics") of the hosts of
 * @url (?host=A[,B...], from ?since= or the first kept), host after host, each in the
 * order the bus stored them, until the bus has no more; a message stored twice is
 * handed over once.
 * @fn: called with each message's host, bytes and length (valid during the call);
 *      a non-zero return stops the fetch and is returned.
 * @errbuf: [out] SCAP_ERRBUF_SIZE bytes, the reason of a failure, or NULL.
 * Return: 0; what @fn returned; -EINVAL (URL, no host, a host with no message the bus
 * knows of any kind: the message names the hosts it has); -ENOTSUP (no such bus in this
 * build); -errno of the bus.
 */
typedef int (*scap_stream_msg_fn)(void *ctx, const char *host, const void *data, size_t len);
SCAP_API int scap_stream_fetch(const char *url, const char *kind, scap_stream_msg_fn fn,
			       void *ctx, char *errbuf);

/* ---- publishing ------------------------------------------------------------------ */

/*
 * A publisher sends one host's messages to a bus through a bounded on-disk spool:
 * every message is a file in the spool directory from the moment it is complete until
 * the bus acknowledged it (then it is removed). While the bus is down messages wait
 * there; when they exceed the spool's size the OLDEST are removed (the newest data is
 * kept, as fluent-bit's storage.total_limit_size does) and counted. A publisher that
 * restarts on the same directory sends what is left first and goes on with the next
 * sequence numbers. A new spool (a new directory, or one emptied of its KIND.seq
 * files) starts a new run of numbers, SEQ = the UNIX time of its start in ms shifted
 * left 20 bits, so that a host's runs from different spools neither reuse an
 * id (the bus would drop the later message as a copy) nor interleave; a reader goes on
 * from one run's last chunk to the next run's first (SEQ with low 20 bits 0) without
 * waiting for the numbers between them.
 *
 * Messages: capture chunks (kind "capture": each a complete scap capture file, written
 * by the caller to the path scap_stream_pub_chunk_begin() gives: state first, then
 * events, like a rotated file, so that each replays on its own), and JSON documents
 * (kinds "alerts", "metrics": one alert or snapshot each). On the bus: subject
 * NAME.KIND.HOST, message id HOST/KIND/SEQ (the bus drops a copy it already stored).
 *
 * Threads: a publisher runs a sender thread of its own; its calls are made from one
 * thread at a time.
 */
struct scap_stream_pub;

struct scap_stream_pub_opts {
	size_t sz;                 /* sizeof(struct scap_stream_pub_opts) */
	const char *url;           /* nats://HOST:PORT[,...]/STREAM?host=NAME[&replicas=N]:
	                              the bus, the stream (created when absent) and the host
	                              the messages are from (?host=; NULL: gethostname()) */
	const char *spool_dir;     /* the spool directory (created when absent); one
	                              publisher per directory */
	uint64_t spool_bytes;      /* bound of the spool, bytes; 0: 1 GiB */
};
#define scap_stream_pub_opts__last_field spool_bytes

/* What a publisher did since it was opened (scap_stream_pub_get_stats()). */
struct scap_stream_pub_stats {
	size_t sz;                 /* sizeof(struct scap_stream_pub_stats), set by the caller */
	uint64_t msgs_added;       /* messages put in the spool */
	uint64_t msgs_acked;       /* messages the bus acknowledged (removed from the spool) */
	uint64_t bytes_acked;      /* their bytes (as sent: capture chunks compressed) */
	uint64_t msgs_failed;      /* sends the bus did not acknowledge (each sent again) */
	uint64_t spool_files;      /* messages in the spool now (not yet acknowledged) */
	uint64_t spool_bytes;      /* their bytes */
	uint64_t spool_peak_bytes; /* most bytes the spool held at once */
	uint64_t dropped_msgs;     /* messages removed unsent because the spool was full */
	uint64_t dropped_bytes;    /* their bytes */
	uint64_t msgs_too_large;   /* messages the bus refuses by size (removed unsent) */
};

/**
 * scap_stream_pub_open() - a publisher of @opts->url through the spool.
 * @errbuf: [out] SCAP_ERRBUF_SIZE bytes: the reason of a failure, or NULL.
 * The bus may be down: the publisher connects in the background and sends when it can.
 * Return: 0 (*@out set); -EINVAL (URL, spool size); -ENOTSUP (no transport for the
 * scheme in this build); -errno of the spool directory; -ENOMEM.
 */
SCAP_API int scap_stream_pub_open(const struct scap_stream_pub_opts *opts,
				  struct scap_stream_pub **out, char *errbuf);

/**
 * scap_stream_pub_chunk_begin() - the path (@path, @size bytes) of a new file in the
 * spool for the next capture chunk; write the chunk there (scap_dump_open()), close it,
 * then call scap_stream_pub_chunk_end().
 * Return: 0; -ENAMETOOLONG; -EBUSY (a chunk is begun and not ended); -errno.
 */
SCAP_API int scap_stream_pub_chunk_begin(struct scap_stream_pub *p, char *path, size_t size);

/**
 * scap_stream_pub_chunk_plain() - how to write capture chunks for this bus: true when
 * the transport compresses messages itself with a codec that beats gzip on scap data
 * (Kafka's compression=zstd, the default): chunks may be plain (SCAP_DUMP_PLAIN),
 * bounded by their plain size (scry and scryd write them so while the state they
 * start with is small); false: write them gzip (SCAP_DUMP_GZIP). Either way
 * a chunk is a scap file every reader takes (scry, sysdig); the stream engine reads
 * both kinds, also mixed on one subject.
 */
SCAP_API bool scap_stream_pub_chunk_plain(struct scap_stream_pub *p);

/**
 * scap_stream_pub_max_message() - the largest message the bus takes, in bytes, as the
 * publisher learned it when it opened (NATS: the server's max_payload, or the
 * stream's max_msg_size when smaller), so that chunks can fill it; 0 when not known
 * (the bus was down then, or does not say: Kafka). Fixed for the publisher's life.
 */
SCAP_API uint64_t scap_stream_pub_max_message(struct scap_stream_pub *p);

/**
 * scap_stream_pub_chunk_end() - the chunk file is complete (@keep) or to be thrown
 * away (!@keep): spool it and send what can be sent now (no waiting).
 * Return: 0; -EINVAL (no chunk begun); -errno of the spool (message in last_error).
 */
SCAP_API int scap_stream_pub_chunk_end(struct scap_stream_pub *p, bool keep);

/**
 * scap_stream_pub_send() - spool one message of @kind ("alerts", "metrics": [a-z],
 * at most 15 characters; "capture" is for chunks) with @len bytes of @data (copied),
 * then send what can be sent now.
 * Return: 0; -EINVAL (kind); -errno of the spool.
 */
SCAP_API int scap_stream_pub_send(struct scap_stream_pub *p, const char *kind,
				  const void *data, size_t len);

/**
 * scap_stream_pub_send_key() - scap_stream_pub_send() with the message's partition key
 * @key (Kafka's record key; NATS has none and ignores it): the messages of one key
 * keep their order, those of different keys may land on different partitions. scry
 * and scryd key an alert by its container id (the host's own: the host). @key NULL or
 * "": the host, as scap_stream_pub_send(). The key is kept with the message in the
 * spool (until the bus has it). At most 255 bytes, no NUL.
 * Return: 0; -EINVAL (kind, a key too long); -errno of the spool.
 */
SCAP_API int scap_stream_pub_send_key(struct scap_stream_pub *p, const char *kind,
				      const char *key, const void *data, size_t len);

/**
 * scap_stream_pub_poll() - the publisher's own sender thread sends the spool's messages
 * and takes the bus's acknowledgements in the background; this waits at most
 * @timeout_ms (0: not at all) for an acknowledgement when messages are in flight, and
 * reports the sender's last error since the previous call.
 * Return: 0, or -errno of the transport or the spool (message in last_error).
 */
SCAP_API int scap_stream_pub_poll(struct scap_stream_pub *p, int timeout_ms);

/**
 * scap_stream_pub_drain() - send and wait until the spool is empty, at most
 * @timeout_ms (< 0: no limit).
 * Return: 0 (all acknowledged); -ETIMEDOUT (the spool still holds some; last_error
 * says how many and why the last send failed, naming the server, and how long the
 * drains of @p waited in all: a caller may drain in slices); -errno.
 */
SCAP_API int scap_stream_pub_drain(struct scap_stream_pub *p, int timeout_ms);

/** scap_stream_pub_get_stats() - the counters (set out->sz first). Return 0/-EINVAL. */
SCAP_API int scap_stream_pub_get_stats(struct scap_stream_pub *p,
				       struct scap_stream_pub_stats *out);

/**
 * scap_stream_pub_host() - the host @p publishes as: the URL's host=, else this
 * machine's name (gethostname(2); "localhost" when it has none). Owned by @p, valid
 * until scap_stream_pub_close(); NULL when @p is NULL. What the messages' ids and
 * subjects name; alerts and metrics published with them should name it too.
 */
SCAP_API const char *scap_stream_pub_host(struct scap_stream_pub *p);

/** scap_stream_pub_last_error() - the message of the last failure ("" when none). */
SCAP_API const char *scap_stream_pub_last_error(struct scap_stream_pub *p);

/**
 * scap_stream_pub_close() - stop: wait up to 1 s for acknowledgements of messages in
 * flight, then disconnect. What is not acknowledged stays in the spool for the next
 * publisher on that directory. NULL is ignored.
 */
SCAP_API void scap_stream_pub_close(struct scap_stream_pub *p);

#ifdef __cplusplus
}
#endif
#endif /* SCAP_STREAM_H */

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * kafka.c - the Kafka transport of scap_stream (transport.h), on librdkafka.
 *
 * Naming. A URL kafka://BROKER:PORT[,BROKER:PORT...]/TOPIC?host=NAME gives the
 * bootstrap servers and the topic prefix TOPIC. The caller's SUBJECT "TOPIC.KIND" or
 * "TOPIC.KIND.HOST" goes to the topic "TOPIC.KIND" (KIND runs up to the next '.', so a
 * host name may hold dots; TOPIC is u->name, which may hold dots too). The message key
 * is the caller's key (scap_stream's publisher gives the host, or the key the message
 * was sent with: scry and scryd key an alert by its container). The partitioner is
 * librdkafka's murmur2_random, the Java client's, so a key lands on the partition the
 * Java and Go clients would pick, and every message of one host's capture (one
 * container's alerts) is in one partition, in publication order.
 *
 * Message id. The caller's msg_id travels in the record header "scry-msg-id"; the
 * consumer drops a record whose id it has seen in its last KAFKA_DEDUP_WINDOW records
 * (the producer resent a chunk the broker had stored but whose report was lost). The
 * idempotent producer (enable.idempotence=true, hence acks=all) already keeps its own
 * retries from duplicating or reordering records within a partition.
 *
 * Topics. The producer asks for each topic it has not produced to yet with the admin
 * API (CreateTopics, ?partitions= default 6, ?replicas= default the broker's
 * default.replication.factor), in the background: "already exists" is the usual answer,
 * and a broker that refuses (no ACL, or librdkafka's mock cluster, which has no
 * CreateTopics) leaves the broker's auto-creation, when enabled, to make it.
 *
 * Producer settings (URL query): ?compression=zstd|lz4|gzip|snappy|none (default
 * KAFKA_DEFAULT_COMPRESSION; with zstd the capture chunks may come plain, the record
 * batches then their only compression, else they come gzip), ?compression_level= (-1
 * the codec's default .. 12; default KAFKA_DEFAULT_ZSTD_LEVEL for zstd), ?linger_ms=
 * (default 20), ?batch_bytes= (default 1 MiB),
 * ?timeout_ms= (message.timeout.ms: how long librdkafka retries a message before its
 * report says it failed and the caller's spool keeps it; default 30000),
 * ?queue_kbytes= (librdkafka's in-memory queue; default 65536: the spool on disk holds
 * the rest), ?max_bytes= (the largest record, default 8 MiB; the publisher's chunks stay
 * below its --max-message, 1 MiB by default, Kafka's default limit: topics the producer
 * creates get max.message.bytes of this size, existing topics need it set for bigger
 * chunks, else the broker refuses them and their reports fail with -EMSGSIZE). Delivery reports
 * are served by rd_kafka_poll()/rd_kafka_flush() on the caller's thread, each record's
 * opaque being the caller's msg_ctx.
 *
 * Reader (kafka_read.c). consumer_open() of a capture reads the partition of one key:
 * the name of ?host= (one of a list) whose subject token (stream_subject()) is the
 * subject's HOST, else that token; without a HOST, ?host= when it is one name, else
 * every partition (then in order within each partition only). Of a JSON kind (alerts,
 * metrics) it reads every partition and keeps that host's records by their message id
 * (HOST/KIND/SEQ; a record without one: by its key), in order within each partition
 * (an alert's container's). It starts at the first record whose
 * timestamp is at or after ?since= (rd_kafka_offsets_for_times; a broker that finds no
 * offsets by time, like librdkafka's mock cluster, has the reader start at the low
 * watermark and skip older records itself) and reads up to the high watermarks seen at
 * open: then consumer_next() returns 1. Records of other hosts sharing the partition
 * are skipped. The reader has a group.id (librdkafka's assign() asks for one) but never
 * joins the group nor commits.
 */
#include "transport.h"
#include "kafka_int.h"
#include "url.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <librdkafka/rdkafka.h>

/* zstd record batches of plain chunks (producer_compresses()): one compression, zstd
 * level 1 instead of gzip level 1 (libdeflate) then the batch codec. On live captures
 * of this machine (1 MiB pieces) zstd 1 is 25 to 30 % smaller than gzip 1 and takes
 * half its CPU; lz4 is 27 % larger than gzip 1, so lz4, snappy, gzip and none keep gzip
 * chunks. Figures: bench/collect_kafka, docs/collect.md. */
#define KAFKA_DEFAULT_COMPRESSION "zstd"
#define KAFKA_DEFAULT_ZSTD_LEVEL 1
#define KAFKA_DEFAULT_PARTITIONS 6

void kafka_err(char *err, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return;
	va_start(ap, fmt);
	vsnprintf(err, STREAM_ERR_SIZE, fmt, ap);
	va_end(ap);
}

/* The negative errno of a librdkafka error (delivery reports and calls). */
int kafka_errno(rd_kafka_resp_err_t e)
{
	switch (e) {
	case RD_KAFKA_RESP_ERR_NO_ERROR:
		return 0;
	case RD_KAFKA_RESP_ERR__MSG_TIMED_OUT:
	case RD_KAFKA_RESP_ERR__TIMED_OUT:
	case RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT:
		return -ETIMEDOUT;
	case RD_KAFKA_RESP_ERR__TRANSPORT:
	case RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN:
		return -ECONNREFUSED;
	case RD_KAFKA_RESP_ERR__QUEUE_FULL:
		return -ENOBUFS;
	case RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE:
	case RD_KAFKA_RESP_ERR_RECORD_LIST_TOO_LARGE:
		return -EMSGSIZE;
	case RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC:
	case RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART:
		return -ENOENT;
	case RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED:
	case RD_KAFKA_RESP_ERR_CLUSTER_AUTHORIZATION_FAILED:
		return -EACCES;
	default:
		return -EIO;
	}
}

/* "NAME.KIND[.HOST]" -> topic "NAME.KIND" in @topic, *@host the HOST suffix or NULL. */
int kafka_topic_of(const char *name, const char *subject, char *topic, size_t size,
			  const char **host)
{
	size_t nlen = strlen(name);
	const char *kind, *dot;
	size_t tlen;

	if (strncmp(subject, name, nlen) != 0 || subject[nlen] != '.' || !subject[nlen + 1])
		return -EINVAL;
	kind = subject + nlen + 1;
	dot = strchr(kind, '.');
	tlen = dot ? (size_t)(dot - subject) : strlen(subject);
	if (tlen >= size || tlen > 249)  /* Kafka's longest topic name */
		return -ENAMETOOLONG;
	memcpy(topic, subject, tlen);
	topic[tlen] = '\0';
	if (host)
		*host = dot && dot[1] ? dot + 1 : NULL;
	return 0;
}

/* librdkafka logs to stderr unless given a logger: the library never prints. */
void kafka_log_cb(const rd_kafka_t *rk, int level, const char *fac, const char *buf)
{
	(void)rk;
	(void)level;
	(void)fac;
	(void)buf;
}

int kafka_set(rd_kafka_conf_t *conf, const char *name, const char *value, char *err)
{
	char msg[STREAM_ERR_SIZE];

	if (rd_kafka_conf_set(conf, name, value, msg, sizeof(msg)) != RD_KAFKA_CONF_OK) {
		kafka_err(err, "kafka: %s=%s: %s", name, value, msg);
		return -EINVAL;
	}
	return 0;
}

/* A number from the URL query (@def when absent) in [@min, @max]. */
static int kafka_param_int(const struct stream_url *u, const char *name, long def, long min,
			   long max, long *out, char *err)
{
	const char *s = stream_url_param(u, name);
	char *end;
	long v;

	if (!s) {
		*out = def;
		return 0;
	}
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < min || v > max) {
		kafka_err(err, "kafka: ?%s=%s: not a number in [%ld, %ld]", name, s, min, max);
		return -EINVAL;
	}
	*out = v;
	return 0;
}

/* ------------------------------------------------------------------ producer */

struct kafka_producer {
	rd_kafka_t *rk;
	rd_kafka_queue_t *admin_q;  /* CreateTopics results, drained by poll */
	char *name;                 /* u->name */
	long partitions, replicas;
	long max_bytes;             /* message.max.bytes, and of the topics created */
	char **topics;              /* topics asked for (created or not) */
	size_t ntopics;
	stream_ack_fn ack;          /* set for the duration of poll/flush */
	void *ack_ctx;
	int served;
	int fatal;                  /* librdkafka raised a fatal error: reopen */
	bool zstd;                  /* compression=zstd: chunks may come plain */
	rd_kafka_conf_t *conf;      /* a copy, to reopen after a fatal error */
	char servers[160];          /* u->servers, for messages */
	char last_err[STREAM_ERR_SIZE]; /* the last broker error or failed delivery ("" none) */
};

static void kafka_dr_cb(rd_kafka_t *rk, const rd_kafka_message_t *m, void *opaque)
{
	struct kafka_producer *p = opaque;

	(void)rk;
	p->served++;
	if (m->err)
		kafka_err(p->last_err, "kafka %s: record not delivered: %s", p->servers,
			  rd_kafka_err2str(m->err));
	else
		p->last_err[0] = '\0';
	if (p->ack)
		p->ack(p->ack_ctx, m->_private, kafka_errno(m->err));
}

static void kafka_error_cb(rd_kafka_t *rk, int e, const char *reason, void *opaque)
{
	struct kafka_producer *p = opaque;

	(void)rk;
	/* transient errors: librdkafka retries; kept to say why deliveries fail */
	kafka_err(p->last_err, "kafka %s: %s", p->servers, reason && *reason ? reason :
		  rd_kafka_err2str((rd_kafka_resp_err_t)e));
	if (e == RD_KAFKA_RESP_ERR__FATAL)
		p->fatal = 1;
}

static int kafka_producer_conf(const struct stream_url *u, struct kafka_producer *p,
			       rd_kafka_conf_t *conf, char *err)
{
	const char *compression = stream_url_param(u, "compression");
	char buf[64], num[32];
	long linger, batch, timeout, queue_kb, level;
	int rc;

	if (!compression)
		compression = KAFKA_DEFAULT_COMPRESSION;
	p->zstd = strcmp(compression, "zstd") == 0;
	if ((rc = kafka_param_int(u, "linger_ms", 20, 0, 900000, &linger, err)) ||
	    (rc = kafka_param_int(u, "batch_bytes", 1 << 20, 1, 1 << 30, &batch, err)) ||
	    (rc = kafka_param_int(u, "timeout_ms", 30000, 1, 3600000, &timeout, err)) ||
	    (rc = kafka_param_int(u, "queue_kbytes", 65536, 1, 1 << 21, &queue_kb, err)) ||
	    (rc = kafka_param_int(u, "max_bytes", 8 << 20, 1000, 1000000000, &p->max_bytes,
				  err)) ||
	    (rc = kafka_param_int(u, "partitions", KAFKA_DEFAULT_PARTITIONS, 1, 100000,
				  &p->partitions, err)) ||
	    (rc = kafka_param_int(u, "replicas", -1, -1, 1000, &p->replicas, err)) ||
	    (rc = kafka_param_int(u, "compression_level", p->zstd ? KAFKA_DEFAULT_ZSTD_LEVEL : -1,
				  -1, 12, &level, err)))
		return rc;
	if ((rc = kafka_set(conf, "bootstrap.servers", u->servers, err)) ||
	    (rc = kafka_set(conf, "enable.idempotence", "true", err)) ||
	    (rc = kafka_set(conf, "acks", "all", err)) ||
	    (rc = kafka_set(conf, "partitioner", "murmur2_random", err)) ||
	    (rc = kafka_set(conf, "compression.type", compression, err)))
		return rc;
	snprintf(num, sizeof(num), "%ld", level);
	if ((rc = kafka_set(conf, "compression.level", num, err)))
		return rc;
	snprintf(num, sizeof(num), "%ld", linger);
	if ((rc = kafka_set(conf, "linger.ms", num, err)))
		return rc;
	snprintf(num, sizeof(num), "%ld", batch);
	if ((rc = kafka_set(conf, "batch.size", num, err)))
		return rc;
	snprintf(num, sizeof(num), "%ld", timeout);
	if ((rc = kafka_set(conf, "message.timeout.ms", num, err)))
		return rc;
	snprintf(num, sizeof(num), "%ld", p->max_bytes);
	if ((rc = kafka_set(conf, "message.max.bytes", num, err)))
		return rc;
	snprintf(num, sizeof(num), "%ld", queue_kb);
	if ((rc = kafka_set(conf, "queue.buffering.max.kbytes", num, err)))
		return rc;
	if (u->host) {
		snprintf(buf, sizeof(buf), "scry-%s", u->host);
		if ((rc = kafka_set(conf, "client.id", buf, err)))
			return rc;
	}
	rd_kafka_conf_set_log_cb(conf, kafka_log_cb);
	rd_kafka_conf_set_dr_msg_cb(conf, kafka_dr_cb);
	rd_kafka_conf_set_error_cb(conf, kafka_error_cb);
	rd_kafka_conf_set_opaque(conf, p);
	return 0;
}

/* A client from p->conf (which stays p's, for the next reopen). */
static int kafka_producer_start(struct kafka_producer *p, const char *servers, char *err)
{
	char msg[STREAM_ERR_SIZE];
	rd_kafka_conf_t *conf = rd_kafka_conf_dup(p->conf);

	p->rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, msg, sizeof(msg));
	if (!p->rk) {
		rd_kafka_conf_destroy(conf);
		kafka_err(err, "kafka %s: %s", servers, msg);
		return -EINVAL;
	}
	p->admin_q = rd_kafka_queue_new(p->rk);
	p->fatal = 0;
	return 0;
}

static void kafka_producer_stop(struct kafka_producer *p)
{
	if (p->admin_q)
		rd_kafka_queue_destroy(p->admin_q);
	if (p->rk)
		rd_kafka_destroy(p->rk);
	p->admin_q = NULL;
	p->rk = NULL;
}

static void kafka_producer_close(void *handle)
{
	struct kafka_producer *p = handle;
	size_t i;

	if (!p)
		return;
	if (p->rk) {  /* messages not flushed get no report: the caller kept them */
		p->ack = NULL;
		rd_kafka_purge(p->rk, RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);
		rd_kafka_poll(p->rk, 0);
	}
	kafka_producer_stop(p);
	if (p->conf)
		rd_kafka_conf_destroy(p->conf);
	for (i = 0; i < p->ntopics; i++)
		free(p->topics[i]);
	free(p->topics);
	free(p->name);
	free(p);
}

static int kafka_producer_open(const struct stream_url *u, void **out, char *err)
{
	struct kafka_producer *p = calloc(1, sizeof(*p));
	int rc;

	if (!p || !(p->name = strdup(u->name)) || !(p->conf = rd_kafka_conf_new())) {
		kafka_producer_close(p);
		return -ENOMEM;
	}
	snprintf(p->servers, sizeof(p->servers), "%s", u->servers);
	rc = kafka_producer_conf(u, p, p->conf, err);
	if (!rc)
		rc = kafka_producer_start(p, u->servers, err);
	if (rc) {
		kafka_producer_close(p);
		return rc;
	}
	*out = p;
	return 0;
}

/* Ask for @topic once (asynchronously; see "Topics" above). */
static int kafka_topic_ensure(struct kafka_producer *p, const char *topic)
{
	rd_kafka_NewTopic_t *nt;
	char **grown, num[32];
	size_t i;

	for (i = 0; i < p->ntopics; i++)
		if (strcmp(p->topics[i], topic) == 0)
			return 0;
	grown = realloc(p->topics, (p->ntopics + 1) * sizeof(*grown));
	if (!grown)
		return -ENOMEM;
	p->topics = grown;
	if (!(p->topics[p->ntopics] = strdup(topic)))
		return -ENOMEM;
	p->ntopics++;
	nt = rd_kafka_NewTopic_new(topic, (int)p->partitions, (int)p->replicas, NULL, 0);
	if (!nt)
		return 0;  /* refused arguments: auto-creation may still make it */
	snprintf(num, sizeof(num), "%ld", p->max_bytes);
	rd_kafka_NewTopic_set_config(nt, "max.message.bytes", num);
	rd_kafka_CreateTopics(p->rk, &nt, 1, NULL, p->admin_q);
	rd_kafka_NewTopic_destroy(nt);
	return 0;
}

static int kafka_produce(void *handle, const char *subject, const char *key, const void *data,
			 size_t len, const char *msg_id, void *msg_ctx)
{
	struct kafka_producer *p = handle;
	char topic[256];
	rd_kafka_resp_err_t e;
	int rc;

	if (p->fatal || !p->rk)
		return -ENOTCONN;  /* reopened by the next poll */
	rc = kafka_topic_of(p->name, subject, topic, sizeof(topic), NULL);
	if (rc)
		return rc;
	rc = kafka_topic_ensure(p, topic);
	if (rc)
		return rc;
	e = rd_kafka_producev(p->rk, RD_KAFKA_V_TOPIC(topic),
			      RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
			      RD_KAFKA_V_KEY(key, key ? strlen(key) : 0),
			      RD_KAFKA_V_VALUE((void *)data, len),
			      RD_KAFKA_V_HEADER(KAFKA_MSGID_HEADER, msg_id,
						msg_id ? (ssize_t)strlen(msg_id) : 0),
			      RD_KAFKA_V_OPAQUE(msg_ctx), RD_KAFKA_V_END);
	return kafka_errno(e);
}

/* After a fatal error (the idempotent producer lost its sequence): fail every queued
 * message's report (the caller keeps them) and start a new client. */
static int kafka_producer_reopen(struct kafka_producer *p)
{
	char err[STREAM_ERR_SIZE];

	rd_kafka_purge(p->rk, RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);
	rd_kafka_poll(p->rk, 0);
	kafka_producer_stop(p);
	return kafka_producer_start(p, "(reopen)", err);
}

/* Serve the admin results: CreateTopics answers need nothing but freeing. */
static void kafka_admin_drain(struct kafka_producer *p)
{
	rd_kafka_event_t *ev;

	while ((ev = rd_kafka_queue_poll(p->admin_q, 0)))
		rd_kafka_event_destroy(ev);
}

static int kafka_producer_poll(void *handle, int timeout_ms, stream_ack_fn ack, void *ctx)
{
	struct kafka_producer *p = handle;
	int served;

	p->ack = ack;
	p->ack_ctx = ctx;
	p->served = 0;
	if (p->fatal && p->rk)
		kafka_producer_reopen(p);
	if (!p->rk)
		return -ENOTCONN;
	rd_kafka_poll(p->rk, timeout_ms);
	kafka_admin_drain(p);
	served = p->served;
	p->ack = NULL;
	return served;
}

static int kafka_producer_flush(void *handle, int timeout_ms, stream_ack_fn ack, void *ctx)
{
	struct kafka_producer *p = handle;
	rd_kafka_resp_err_t e;

	p->ack = ack;
	p->ack_ctx = ctx;
	if (p->fatal && p->rk)
		kafka_producer_reopen(p);
	if (!p->rk)
		return -ENOTCONN;
	e = rd_kafka_flush(p->rk, timeout_ms);
	kafka_admin_drain(p);
	p->ack = NULL;
	if (e == RD_KAFKA_RESP_ERR__TIMED_OUT)
		return rd_kafka_outq_len(p->rk) > 0 ? -ETIMEDOUT : 0;
	return kafka_errno(e);
}

static int kafka_producer_last_error(void *handle, char *err)
{
	struct kafka_producer *p = handle;

	if (!p->last_err[0])
		return -ENOENT;
	snprintf(err, STREAM_ERR_SIZE, "%s", p->last_err);
	return 0;
}

static bool kafka_producer_compresses(void *handle)
{
	return ((struct kafka_producer *)handle)->zstd;
}

/* The consumer's ops are in kafka_read.c. */
static const char *const kafka_producer_keys[] = {
	"compression", "compression_level", "linger_ms", "batch_bytes", "timeout_ms",
	"queue_kbytes", "max_bytes", "partitions", "replicas", NULL,
};

const struct stream_transport_ops stream_transport_kafka = {
	.producer_keys = kafka_producer_keys,
	.load = stream_kafka_load,
	.scheme = "kafka",
	.producer_open = kafka_producer_open,
	.produce = kafka_produce,
	.producer_poll = kafka_producer_poll,
	.producer_flush = kafka_producer_flush,
	.producer_close = kafka_producer_close,
	.producer_compresses = kafka_producer_compresses,
	.producer_last_error = kafka_producer_last_error,
	.consumer_open = kafka_consumer_open,
	.consumer_next = kafka_consumer_next,
	.consumer_close = kafka_consumer_close,
};

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * kafka_int.h - what kafka.c (producer, ops table) and kafka_read.c (consumer) of the
 * Kafka transport share. Private to scap_stream.
 */
#ifndef SCAP_STREAM_KAFKA_INT_H
#define SCAP_STREAM_KAFKA_INT_H

#include "transport.h"

#include "kafka_dl.h"

#define KAFKA_MSGID_HEADER "scry-msg-id"  /* record header carrying the message id */
#define KAFKA_META_TIMEOUT_MS 10000       /* metadata and offset requests */

/* Format a message into @err (STREAM_ERR_SIZE bytes; NULL: nothing). */
void kafka_err(char *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The negative errno of a librdkafka error code (0 for none). */
int kafka_errno(rd_kafka_resp_err_t e);

/* SUBJECT "NAME.KIND[.HOST]" -> topic "NAME.KIND" in @topic (@size bytes), *@host the
 * HOST suffix or NULL (@host may be NULL). Return 0, -EINVAL (not under @name),
 * -ENAMETOOLONG. */
int kafka_topic_of(const char *name, const char *subject, char *topic, size_t size,
		   const char **host);

/* rd_kafka_conf_set(), its message in @err. Return 0 or -EINVAL. */
int kafka_set(rd_kafka_conf_t *conf, const char *name, const char *value, char *err);

/* A logger that drops librdkafka's lines (the library never prints). */
void kafka_log_cb(const rd_kafka_t *rk, int level, const char *fac, const char *buf);

int kafka_consumer_open(const struct stream_url *u, const char *subject, void **out,
			char *err);
int kafka_consumer_next(void *c, const void **data, size_t *len, const char **msg_id,
			char *err);
void kafka_consumer_close(void *c);

#endif /* SCAP_STREAM_KAFKA_INT_H */

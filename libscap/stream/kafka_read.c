/* SPDX-License-Identifier: Apache-2.0 */
/*
 * kafka_read.c - the reader side of the Kafka transport (see "Reader" in kafka.c): the
 * key's partition (a capture; every partition for the JSON kinds) from the offset of
 * ?since= up to the high watermarks seen at open, another host's records skipped, a
 * repeated message id dropped.
 */
#include "kafka_int.h"
#include "msgid_set.h"
#include "registry.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define KAFKA_DEDUP_WINDOW 65536
#define KAFKA_READ_TIMEOUT_MS 30000
#define KAFKA_POLL_STEP_MS 100

struct kafka_part {
	int32_t id;
	int64_t next;  /* offset after the last record read */
	int64_t hi;    /* high watermark at open */
	int done;      /* read up to hi */
};

struct kafka_consumer {
	rd_kafka_t *rk;
	char topic[256];
	char *key;                 /* records of this key only, or NULL for all */
	int by_id;                 /* the records of host key's messages are told by their
	                              id (HOST/KIND/SEQ), on every partition: a kind whose
	                              records carry other keys (alerts: containers) */
	int64_t since_ms;
	struct kafka_part *parts;
	int nparts, ndone;
	rd_kafka_message_t *cur;   /* the record last returned */
	char msg_id[256];
	struct msgid_set *seen;
};

void kafka_consumer_close(void *handle)
{
	struct kafka_consumer *c = handle;

	if (!c)
		return;
	if (c->cur)
		rd_kafka_message_destroy(c->cur);
	if (c->rk) {
		rd_kafka_assign(c->rk, NULL);
		rd_kafka_consumer_close(c->rk);
		rd_kafka_destroy(c->rk);
	}
	msgid_set_free(c->seen);
	free(c->parts);
	free(c->key);
	free(c);
}

static int kafka_consumer_client(struct kafka_consumer *c, const struct stream_url *u, char *err)
{
	char msg[STREAM_ERR_SIZE];
	rd_kafka_conf_t *conf = rd_kafka_conf_new();
	int rc;

	if (!conf)
		return -ENOMEM;
	if ((rc = kafka_set(conf, "bootstrap.servers", u->servers, err)) ||
	    (rc = kafka_set(conf, "group.id", "scry-reader", err)) ||  /* assign() needs one */
	    (rc = kafka_set(conf, "enable.auto.commit", "false", err)) ||
	    (rc = kafka_set(conf, "enable.auto.offset.store", "false", err)) ||
	    (rc = kafka_set(conf, "enable.partition.eof", "true", err)) ||
	    (rc = kafka_set(conf, "auto.offset.reset", "earliest", err))) {
		rd_kafka_conf_destroy(conf);
		return rc;
	}
	rd_kafka_conf_set_log_cb(conf, kafka_log_cb);
	c->rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, msg, sizeof(msg));
	if (!c->rk) {
		rd_kafka_conf_destroy(conf);
		kafka_err(err, "kafka %s: %s", u->servers, msg);
		return -EINVAL;
	}
	return 0;
}

/* The partitions to read: the key's (murmur2, as the producer's partitioner), or all. */
static int kafka_consumer_parts(struct kafka_consumer *c, const struct stream_url *u, char *err)
{
	const struct rd_kafka_metadata *md = NULL;
	rd_kafka_topic_t *rkt = rd_kafka_topic_new(c->rk, c->topic, NULL);
	rd_kafka_resp_err_t e;
	int cnt, i, rc = 0;

	if (!rkt)
		return -ENOMEM;
	e = rd_kafka_metadata(c->rk, 0, rkt, &md, KAFKA_META_TIMEOUT_MS);
	if (e) {
		kafka_err(err, "kafka %s: metadata of %s: %s", u->servers, c->topic,
			  rd_kafka_err2str(e));
		rc = kafka_errno(e);
		goto out;
	}
	if (md->topic_cnt != 1 || md->topics[0].err || md->topics[0].partition_cnt < 1) {
		e = md->topic_cnt == 1 ? md->topics[0].err : RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC;
		kafka_err(err, "kafka %s: topic %s: %s", u->servers, c->topic,
			  e ? rd_kafka_err2str(e) : "no partitions");
		rc = e ? kafka_errno(e) : -ENOENT;
		goto out;
	}
	cnt = md->topics[0].partition_cnt;
	c->nparts = c->key && !c->by_id ? 1 : cnt;
	c->parts = calloc((size_t)c->nparts, sizeof(*c->parts));
	if (!c->parts) {
		rc = -ENOMEM;
		goto out;
	}
	if (c->nparts == 1 && c->key)
		c->parts[0].id = rd_kafka_msg_partitioner_murmur2(rkt, c->key, strlen(c->key),
								 cnt, NULL, NULL);
	else
		for (i = 0; i < cnt; i++)
			c->parts[i].id = md->topics[0].partitions[i].id;
out:
	if (md)
		rd_kafka_metadata_destroy(md);
	rd_kafka_topic_destroy(rkt);
	return rc;
}

/* Does the broker find offsets by time? A partition holding records (@kp->next is its
 * low watermark) has one at or after time 0; a broker answering "none" to that too
 * (librdkafka's mock cluster) cannot, and the reader starts at the low watermark,
 * skipping older records itself. */
static int kafka_times_known(struct kafka_consumer *c, const struct kafka_part *kp)
{
	rd_kafka_topic_partition_list_t *tpl;
	int known;

	if (kp->next >= kp->hi)
		return 1;
	tpl = rd_kafka_topic_partition_list_new(1);
	if (!tpl)
		return 1;
	rd_kafka_topic_partition_list_add(tpl, c->topic, kp->id)->offset = 0;
	known = rd_kafka_offsets_for_times(c->rk, tpl, KAFKA_META_TIMEOUT_MS) != 0 ||
		tpl->elems[0].offset >= 0;
	rd_kafka_topic_partition_list_destroy(tpl);
	return known;
}

/* Start offsets (by ?since=) and watermarks; assign. */
static int kafka_consumer_assign(struct kafka_consumer *c, const char *servers, char *err)
{
	rd_kafka_topic_partition_list_t *tpl = rd_kafka_topic_partition_list_new(c->nparts);
	rd_kafka_resp_err_t e = RD_KAFKA_RESP_ERR_NO_ERROR;
	int64_t lo;
	int i, rc = 0;

	if (!tpl)
		return -ENOMEM;
	for (i = 0; i < c->nparts; i++) {
		struct kafka_part *kp = &c->parts[i];

		e = rd_kafka_query_watermark_offsets(c->rk, c->topic, kp->id, &lo, &kp->hi,
						     KAFKA_META_TIMEOUT_MS);
		if (e)
			break;
		rd_kafka_topic_partition_list_add(tpl, c->topic, kp->id)->offset =
			c->since_ms ? c->since_ms : lo;
		kp->next = lo;
	}
	if (!e && c->since_ms)
		e = rd_kafka_offsets_for_times(c->rk, tpl, KAFKA_META_TIMEOUT_MS);
	if (e) {
		kafka_err(err, "kafka %s: offsets of %s: %s", servers, c->topic,
			  rd_kafka_err2str(e));
		rc = kafka_errno(e);
		goto out;
	}
	for (i = 0; i < c->nparts; i++) {
		struct kafka_part *kp = &c->parts[i];
		rd_kafka_topic_partition_t *tp = &tpl->elems[i];

		if (tp->offset < 0)  /* nothing at or after since, if the broker knows */
			tp->offset = kafka_times_known(c, kp) ? kp->hi : kp->next;
		kp->next = tp->offset;
		kp->done = kp->next >= kp->hi;
		c->ndone += kp->done;
	}
	e = rd_kafka_assign(c->rk, tpl);
	if (e) {
		kafka_err(err, "kafka %s: assign %s: %s", servers, c->topic, rd_kafka_err2str(e));
		rc = kafka_errno(e);
	}
out:
	rd_kafka_topic_partition_list_destroy(tpl);
	return rc;
}

/* The key the writer gave the records of @subject's HOST token @token: the name of
 * ?host= (one of a list) whose subject token it is (stream_subject() maps '.' and some
 * more to '_', the key keeps the name as written), else the token itself; with no token,
 * ?host= when it is one name, else none (every key). Return 0 (*@key, may be NULL) or
 * -ENOMEM. */
static int kafka_reader_key(const struct stream_url *u, const char *subject,
			    const char *topic, const char *token, char **key)
{
	const char *kind = topic + strlen(u->name) + 1, *h = u->host, *comma;
	char name[256], want[512];

	*key = NULL;
	if (!token) {
		if (h && !strchr(h, ','))
			*key = strdup(h);
		return h && !strchr(h, ',') && !*key ? -ENOMEM : 0;
	}
	for (; h && *h; h = comma ? comma + 1 : NULL) {
		size_t len;

		comma = strchr(h, ',');
		len = comma ? (size_t)(comma - h) : strlen(h);
		if (len >= sizeof(name))
			continue;
		memcpy(name, h, len);
		name[len] = '\0';
		if (stream_subject(want, sizeof(want), u->name, kind, name) == 0 &&
		    strcmp(want, subject) == 0) {
			token = name;
			break;
		}
	}
	*key = strdup(token);
	return *key ? 0 : -ENOMEM;
}

int kafka_consumer_open(const struct stream_url *u, const char *subject, void **out,
			       char *err)
{
	struct kafka_consumer *c = calloc(1, sizeof(*c));
	const char *host = NULL;
	int rc;

	if (!c)
		return -ENOMEM;
	rc = kafka_topic_of(u->name, subject, c->topic, sizeof(c->topic), &host);
	if (rc) {
		kafka_err(err, "kafka: subject %s is not %s.KIND[.HOST]", subject, u->name);
		goto fail;
	}
	c->since_ms = (int64_t)(u->since_ns / 1000000);
	rc = kafka_reader_key(u, subject, c->topic, host, &c->key);
	/* a capture's records are keyed by their host; the JSON kinds' may be keyed by
	 * something else (alerts: the container), on any partition */
	c->by_id = strcmp(c->topic + strlen(u->name) + 1, STREAM_KIND_CAPTURE) != 0;
	if (rc || (rc = msgid_set_new(KAFKA_DEDUP_WINDOW, &c->seen)))
		goto fail;
	rc = kafka_consumer_client(c, u, err);
	if (!rc)
		rc = kafka_consumer_parts(c, u, err);
	if (!rc)
		rc = kafka_consumer_assign(c, u->servers, err);
	if (rc)
		goto fail;
	*out = c;
	return 0;
fail:
	kafka_consumer_close(c);
	return rc;
}

static struct kafka_part *kafka_part_of(struct kafka_consumer *c, int32_t id)
{
	int i;

	for (i = 0; i < c->nparts; i++)
		if (c->parts[i].id == id)
			return &c->parts[i];
	return NULL;
}

/* Record @next (the offset after the one read) on @kp; mark it done at hi. */
static void kafka_part_advance(struct kafka_consumer *c, struct kafka_part *kp, int64_t next)
{
	if (next > kp->next)
		kp->next = next;
	if (!kp->done && kp->next >= kp->hi) {
		kp->done = 1;
		c->ndone++;
	}
}

/* Keep @m (the caller's record) unless it is another key's, too old, or a repeat.
 * Return 1 kept, 0 skipped, -errno. */
static int kafka_consumer_take(struct kafka_consumer *c, rd_kafka_message_t *m)
{
	rd_kafka_headers_t *hdrs = NULL;
	const void *id = NULL;
	size_t idlen = 0;
	int rc;

	if (c->since_ms && rd_kafka_message_timestamp(m, NULL) < c->since_ms)
		return 0;
	c->msg_id[0] = '\0';
	if (rd_kafka_message_headers(m, &hdrs) == RD_KAFKA_RESP_ERR_NO_ERROR &&
	    rd_kafka_header_get_last(hdrs, KAFKA_MSGID_HEADER, &id, &idlen) ==
		    RD_KAFKA_RESP_ERR_NO_ERROR && id) {
		if (idlen >= sizeof(c->msg_id))
			idlen = sizeof(c->msg_id) - 1;
		memcpy(c->msg_id, id, idlen);
		c->msg_id[idlen] = '\0';
	}
	if (c->key && !(c->by_id && c->msg_id[0] ? stream_msg_id_of(c->msg_id, c->key) :
			(m->key_len == strlen(c->key) && !memcmp(m->key, c->key, m->key_len))))
		return 0;
	if (!c->msg_id[0])
		return 1;
	rc = msgid_set_add(c->seen, c->msg_id);
	if (rc < 0)
		return rc;
	return rc == 0;
}

int kafka_consumer_next(void *handle, const void **data, size_t *len,
			       const char **msg_id, char *err)
{
	struct kafka_consumer *c = handle;
	int idle_ms = 0;

	if (c->cur) {
		rd_kafka_message_destroy(c->cur);
		c->cur = NULL;
	}
	for (;;) {
		int caught_up = c->ndone == c->nparts;
		rd_kafka_message_t *m =
			rd_kafka_consumer_poll(c->rk, caught_up ? 0 : KAFKA_POLL_STEP_MS);
		struct kafka_part *kp;
		int rc;

		if (!m) {
			if (caught_up)
				return 1;
			idle_ms += KAFKA_POLL_STEP_MS;
			if (idle_ms >= KAFKA_READ_TIMEOUT_MS) {
				kafka_err(err, "kafka: %s: nothing read for %d ms before the end",
					  c->topic, idle_ms);
				return -ETIMEDOUT;
			}
			continue;
		}
		kp = kafka_part_of(c, m->partition);
		if (m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
			if (kp)
				kafka_part_advance(c, kp, m->offset);
			rd_kafka_message_destroy(m);
			continue;
		}
		if (m->err) {
			rd_kafka_resp_err_t e = m->err;

			rd_kafka_message_destroy(m);
			if (e == RD_KAFKA_RESP_ERR__TRANSPORT ||
			    e == RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN)
				continue;  /* librdkafka reconnects */
			kafka_err(err, "kafka: %s: %s", c->topic, rd_kafka_err2str(e));
			return kafka_errno(e);
		}
		idle_ms = 0;
		if (kp)
			kafka_part_advance(c, kp, m->offset + 1);
		rc = kafka_consumer_take(c, m);
		if (rc <= 0) {
			rd_kafka_message_destroy(m);
			if (rc < 0)
				return rc;
			continue;
		}
		c->cur = m;
		*data = m->payload;
		*len = m->len;
		*msg_id = c->msg_id;
		return 0;
	}
}


/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_stream_kafka.c - the Kafka transport (libscap/stream/kafka.c) through its ops
 * table against librdkafka's mock cluster (rdkafka_mock.h: brokers in this process
 * speaking the Kafka protocol on loopback ports): records read back identical and in
 * order per host, a repeated message id dropped, ?since= honoured, and brokers down
 * while producing with nothing lost or duplicated once every failed report is produced
 * again (what the stream spool does).
 */
#include <check.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

#include "libscap/stream/msgid_set.h"
#include "libscap/stream/transport.h"
#include "libscap/stream/registry.h"
#include "libscap/stream/url.h"

#define OPS stream_transport_kafka
#define NMSG 300
#define WAIT_MS 60000

static rd_kafka_t *mock_rk;
static rd_kafka_mock_cluster_t *mock;

/* A mock cluster of 3 brokers with topic "t.capture" (4 partitions, 3 replicas). */
static const char *mock_start(void)
{
	char msg[256], err[STREAM_ERR_SIZE] = "";

	/* the transport's librdkafka, opened at first use (kafka_dl.h) */
	ck_assert_msg(OPS.load(err) == 0, "%s", err);
	rd_kafka_conf_t *conf = rd_kafka_conf_new();

	ck_assert_int_eq(rd_kafka_conf_set(conf, "log_level", "0", msg, sizeof(msg)),
			 RD_KAFKA_CONF_OK);
	mock_rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, msg, sizeof(msg));
	ck_assert_msg(mock_rk, "%s", msg);
	mock = rd_kafka_mock_cluster_new(mock_rk, 3);
	ck_assert_ptr_nonnull(mock);
	ck_assert_int_eq(rd_kafka_mock_topic_create(mock, "t.capture", 4, 3), 0);
	return rd_kafka_mock_cluster_bootstraps(mock);
}

static void mock_stop(void)
{
	rd_kafka_mock_cluster_destroy(mock);
	rd_kafka_destroy(mock_rk);
}

/* kafka://SERVERS/t?host=HOST[&QUERY], parsed (free with stream_url_free()). */
static struct stream_url *url_of(const char *servers, const char *host, const char *query)
{
	char text[1024], err[STREAM_ERR_SIZE] = "";
	struct stream_url *u;

	snprintf(text, sizeof(text), "kafka://%s/t?host=%s%s%s", servers, host,
		 query ? "&" : "", query ? query : "");
	ck_assert_msg(stream_url_parse(text, &u, err) == 0, "%s: %s", text, err);
	return u;
}

/* Delivery reports by message index (msg_ctx = index + 1). */
struct acks {
	int status[NMSG * 2];
	int reported[NMSG * 2];
	int nok, nfail;
};

static void on_ack(void *ctx, void *msg_ctx, int status)
{
	struct acks *a = ctx;
	intptr_t i = (intptr_t)msg_ctx - 1;

	ck_assert(i >= 0 && i < NMSG * 2);
	a->reported[i]++;
	a->status[i] = status;
	if (status == 0)
		a->nok++;
	else
		a->nfail++;
}

static void payload(int i, char *buf, size_t size, size_t *len)
{
	/* varied lengths and bytes, with NULs: the value is binary */
	int n = snprintf(buf, size, "chunk %d ", i);
	int extra = (i * 37) % 200;

	memset(buf + n, i & 0xff, (size_t)extra);
	*len = (size_t)n + (size_t)extra;
}

static int produce_one(void *p, int i, const char *host, struct acks *a)
{
	char data[512], id[64], subject[64];
	size_t len;
	int rc;

	payload(i, data, sizeof(data), &len);
	snprintf(id, sizeof(id), "%s/capture/%d", host, i);
	snprintf(subject, sizeof(subject), "t.capture.%s", host);
	while ((rc = OPS.produce(p, subject, host, data, len, id, (void *)(intptr_t)(i + 1))) ==
	       -ENOBUFS)
		OPS.producer_poll(p, 100, on_ack, a);
	return rc;
}

/* Read host @host back: every index in [first, n) of step @step once, in order when
 * @ordered. */
static void read_back(const char *servers, const char *host, int n, int first, int step,
		      int ordered)
{
	struct stream_url *u = url_of(servers, host, NULL);
	char err[STREAM_ERR_SIZE] = "", subject[64], want[512];
	int seen[NMSG] = { 0 }, count = 0, last = -1, rc;
	const char *id;
	const void *data;
	size_t len, wlen;
	void *c;

	ck_assert_int_eq(stream_subject(subject, sizeof(subject), "t", "capture", host), 0);
	ck_assert_msg(OPS.consumer_open(u, subject, &c, err) == 0, "%s", err);
	while ((rc = OPS.consumer_next(c, &data, &len, &id, err)) == 0) {
		int i = -1;

		ck_assert_int_eq(sscanf(id, "%*[^/]/capture/%d", &i), 1);
		ck_assert(strncmp(id, host, strlen(host)) == 0);
		ck_assert(i >= first && i < n && (i - first) % step == 0);
		payload(i, want, sizeof(want), &wlen);
		ck_assert_uint_eq(len, wlen);
		ck_assert(memcmp(data, want, len) == 0);
		ck_assert_int_eq(seen[i]++, 0);
		if (ordered)
			ck_assert_int_gt(i, last);
		last = i;
		count++;
	}
	ck_assert_msg(rc == 1, "consumer_next %d: %s", rc, err);
	ck_assert_int_eq(count, (n - first + step - 1) / step);
	OPS.consumer_close(c);
	stream_url_free(u);
}

START_TEST(test_roundtrip_in_order)
{
	const char *servers = mock_start();
	struct stream_url *u = url_of(servers, "h1", "linger_ms=5&compression=zstd");
	char err[STREAM_ERR_SIZE] = "";
	struct acks *a = calloc(1, sizeof(*a));
	void *p;
	int i;

	ck_assert_msg(OPS.producer_open(u, &p, err) == 0, "%s", err);
	for (i = 0; i < NMSG; i++)  /* two hosts interleaved, sharing the topic */
		ck_assert_int_eq(produce_one(p, i, i % 2 ? "h2" : "h1.example.com", a), 0);
	ck_assert_int_eq(OPS.producer_flush(p, WAIT_MS, on_ack, a), 0);
	ck_assert_int_eq(a->nok, NMSG);
	ck_assert_int_eq(a->nfail, 0);
	/* a subject outside the URL's topic prefix is refused */
	ck_assert_int_eq(OPS.produce(p, "other.capture", "h1", "x", 1, "h1/capture/x", NULL),
			 -EINVAL);
	OPS.producer_close(p);

	/* each host reads its own records only, every one, in publication order */
	read_back(servers, "h2", NMSG, 1, 2, 1);
	{
		/* the subject's token is the host mapped by stream_subject(), the key the
		 * host as written: the reader finds it in a list of hosts */
		struct stream_url *r = url_of(servers, "h2,h1.example.com", NULL);
		const void *data;
		const char *id;
		size_t len;
		void *c;
		int n = 0, rc, last = -2, idx;

		ck_assert_msg(OPS.consumer_open(r, "t.capture.h1_example_com", &c, err) == 0,
			      "%s", err);
		while ((rc = OPS.consumer_next(c, &data, &len, &id, err)) == 0) {
			ck_assert_int_eq(sscanf(id, "h1.example.com/capture/%d", &idx), 1);
			ck_assert_int_eq(idx % 2, 0);
			ck_assert_int_gt(idx, last);
			last = idx;
			n++;
		}
		ck_assert_int_eq(rc, 1);
		ck_assert_int_eq(n, NMSG / 2);
		/* caught up stays caught up */
		ck_assert_int_eq(OPS.consumer_next(c, &data, &len, &id, err), 1);
		OPS.consumer_close(c);
		stream_url_free(r);
	}
	free(a);
	stream_url_free(u);
	mock_stop();
}
END_TEST

START_TEST(test_repeated_id_dropped)
{
	const char *servers = mock_start();
	struct stream_url *u = url_of(servers, "h", NULL);
	char err[STREAM_ERR_SIZE] = "";
	struct acks *a = calloc(1, sizeof(*a));
	void *p;
	int i;

	ck_assert_msg(OPS.producer_open(u, &p, err) == 0, "%s", err);
	for (i = 0; i < 10; i++)
		ck_assert_int_eq(produce_one(p, i, "h", a), 0);
	/* the spool resends 3..5: the broker stored them, the reports were lost */
	for (i = 3; i < 6; i++)
		ck_assert_int_eq(produce_one(p, i, "h", a), 0);
	ck_assert_int_eq(OPS.producer_flush(p, WAIT_MS, on_ack, a), 0);
	ck_assert_int_eq(a->nok, 13);
	OPS.producer_close(p);
	read_back(servers, "h", 10, 0, 1, 1);
	free(a);
	stream_url_free(u);
	mock_stop();
}
END_TEST

static void wait_clock_tick(int64_t *ms_out)
{
	struct timespec ts;
	int64_t start, now;

	clock_gettime(CLOCK_REALTIME, &ts);
	start = ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
	do {  /* the next millisecond, so record timestamps (ms) differ */
		clock_gettime(CLOCK_REALTIME, &ts);
		now = ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
	} while (now <= start + 1);
	*ms_out = now;
}

START_TEST(test_since)
{
	const char *servers = mock_start();
	struct stream_url *u = url_of(servers, "h", NULL);
	char err[STREAM_ERR_SIZE] = "";
	struct acks *a = calloc(1, sizeof(*a));
	int64_t mid_ms;
	void *p;
	int i;

	ck_assert_msg(OPS.producer_open(u, &p, err) == 0, "%s", err);
	for (i = 0; i < 20; i++)
		ck_assert_int_eq(produce_one(p, i, "h", a), 0);
	ck_assert_int_eq(OPS.producer_flush(p, WAIT_MS, on_ack, a), 0);
	wait_clock_tick(&mid_ms);
	for (i = 20; i < 40; i++)
		ck_assert_int_eq(produce_one(p, i, "h", a), 0);
	ck_assert_int_eq(OPS.producer_flush(p, WAIT_MS, on_ack, a), 0);
	ck_assert_int_eq(a->nok, 40);
	OPS.producer_close(p);

	{
		struct stream_url *r = url_of(servers, "h", NULL);
		const void *data;
		const char *id;
		size_t len;
		void *c;
		int n = 0, rc, idx;

		r->since_ns = (uint64_t)mid_ms * 1000000;
		ck_assert_msg(OPS.consumer_open(r, "t.capture", &c, err) == 0, "%s", err);
		while ((rc = OPS.consumer_next(c, &data, &len, &id, err)) == 0) {
			ck_assert_int_eq(sscanf(id, "h/capture/%d", &idx), 1);
			ck_assert_int_eq(idx, 20 + n);
			n++;
		}
		ck_assert_int_eq(rc, 1);
		ck_assert_int_eq(n, 20);
		OPS.consumer_close(c);
		stream_url_free(r);
	}
	free(a);
	stream_url_free(u);
	mock_stop();
}
END_TEST

/* All brokers down mid-production, for longer than message.timeout.ms: the reports of
 * what was queued fail; producing those again (the spool's job) once the brokers are
 * back leaves every record on the bus exactly once. */
START_TEST(test_brokers_down)
{
	const char *servers = mock_start();
	struct stream_url *u = url_of(servers, "h", "timeout_ms=1500&linger_ms=5");
	char err[STREAM_ERR_SIZE] = "";
	struct acks *a = calloc(1, sizeof(*a));
	void *p;
	int i, round;

	ck_assert_msg(OPS.producer_open(u, &p, err) == 0, "%s", err);
	for (i = 0; i < NMSG / 3; i++)
		ck_assert_int_eq(produce_one(p, i, "h", a), 0);
	ck_assert_int_eq(OPS.producer_flush(p, WAIT_MS, on_ack, a), 0);
	ck_assert_int_eq(a->nok, NMSG / 3);

	ck_assert_int_eq(rd_kafka_mock_broker_set_down(mock, -1), 0);
	for (; i < NMSG; i++)
		ck_assert_int_eq(produce_one(p, i, "h", a), 0);
	/* every queued message is reported failed once its timeout passes */
	while (a->nok + a->nfail < NMSG)
		ck_assert_int_ge(OPS.producer_poll(p, 1000, on_ack, a), 0);
	ck_assert_int_gt(a->nfail, 0);
	ck_assert_int_eq(rd_kafka_mock_broker_set_up(mock, -1), 0);

	for (round = 0; round < 10; round++) {  /* the spool: again whatever failed */
		int retry = 0;

		for (i = 0; i < NMSG; i++)
			if (a->status[i] != 0) {
				a->reported[i] = 0;
				a->status[i] = 0;
				a->nfail--;
				ck_assert_int_eq(produce_one(p, i, "h", a), 0);
				retry++;
			}
		if (!retry)
			break;
		ck_assert_int_eq(OPS.producer_flush(p, WAIT_MS, on_ack, a), 0);
	}
	ck_assert_int_eq(a->nok, NMSG);
	OPS.producer_close(p);
	read_back(servers, "h", NMSG, 0, 1, 0);
	free(a);
	stream_url_free(u);
	mock_stop();
}
END_TEST

/* Every broker down before the producer first connects (a publisher started during an
 * outage): its reports fail until the brokers are back, then what is produced again is
 * stored. */
START_TEST(test_down_from_start)
{
	const char *servers = mock_start();
	struct stream_url *u = url_of(servers, "h", "timeout_ms=1000");
	char err[STREAM_ERR_SIZE] = "";
	struct acks *a = calloc(1, sizeof(*a));
	void *p;
	int i, round;

	ck_assert_int_eq(rd_kafka_mock_broker_set_down(mock, -1), 0);
	ck_assert_msg(OPS.producer_open(u, &p, err) == 0, "%s", err);
	for (i = 0; i < 20; i++)
		ck_assert_int_eq(produce_one(p, i, "h", a), 0);
	while (a->nfail < 20)
		ck_assert_int_ge(OPS.producer_poll(p, 1000, on_ack, a), 0);
	for (round = 0; round < 3; round++) {  /* failing again while still down */
		for (i = 0; i < 20; i++) {
			a->status[i] = 0;
			a->nfail--;
			ck_assert_int_eq(produce_one(p, i, "h", a), 0);
		}
		while (a->nfail < 20)
			ck_assert_int_ge(OPS.producer_poll(p, 1000, on_ack, a), 0);
	}
	ck_assert_int_eq(rd_kafka_mock_broker_set_up(mock, -1), 0);
	for (round = 0; round < 10 && a->nok < 20; round++) {
		for (i = 0; i < 20; i++)
			if (a->status[i] != 0) {
				a->status[i] = 0;
				a->nfail--;
				ck_assert_int_eq(produce_one(p, i, "h", a), 0);
			}
		ck_assert_int_eq(OPS.producer_flush(p, WAIT_MS, on_ack, a), 0);
	}
	ck_assert_int_eq(a->nok, 20);
	OPS.producer_close(p);
	read_back(servers, "h", 20, 0, 1, 1);
	free(a);
	stream_url_free(u);
	mock_stop();
}
END_TEST

/* One broker down while producing (shorter than message.timeout.ms) and the partition
 * leaders moved: librdkafka's idempotent retries store each record once, in order. */
START_TEST(test_leader_moves)
{
	const char *servers = mock_start();
	struct stream_url *u = url_of(servers, "h", NULL);
	char err[STREAM_ERR_SIZE] = "";
	struct acks *a = calloc(1, sizeof(*a));
	void *p;
	int i, part;

	ck_assert_msg(OPS.producer_open(u, &p, err) == 0, "%s", err);
	for (i = 0; i < NMSG; i++) {
		ck_assert_int_eq(produce_one(p, i, "h", a), 0);
		if (i == NMSG / 3)
			for (part = 0; part < 4; part++)
				rd_kafka_mock_partition_set_leader(mock, "t.capture", part, 2);
		if (i == NMSG / 2)
			rd_kafka_mock_broker_set_down(mock, 2);
		if (i == 2 * NMSG / 3) {
			for (part = 0; part < 4; part++)
				rd_kafka_mock_partition_set_leader(mock, "t.capture", part, 3);
			rd_kafka_mock_broker_set_up(mock, 2);
		}
		OPS.producer_poll(p, 0, on_ack, a);
	}
	ck_assert_int_eq(OPS.producer_flush(p, WAIT_MS, on_ack, a), 0);
	ck_assert_int_eq(a->nok, NMSG);
	ck_assert_int_eq(a->nfail, 0);
	OPS.producer_close(p);
	read_back(servers, "h", NMSG, 0, 1, 1);
	free(a);
	stream_url_free(u);
	mock_stop();
}
END_TEST

/* A chunk above Kafka's default 1 MB record limit (?max_bytes=, default 8 MiB). */
START_TEST(test_big_record)
{
	const char *servers = mock_start();
	struct stream_url *u = url_of(servers, "h", NULL);
	char err[STREAM_ERR_SIZE] = "";
	struct acks *a = calloc(1, sizeof(*a));
	size_t big = 3u << 20, len, i;
	unsigned char *data = malloc(big);
	const void *got;
	const char *id;
	void *p, *c;

	for (i = 0; i < big; i++)
		data[i] = (unsigned char)(i * 2654435761u >> 13);
	ck_assert_msg(OPS.producer_open(u, &p, err) == 0, "%s", err);
	ck_assert_int_eq(OPS.produce(p, "t.capture.h", "h", data, big, "h/capture/0",
				     (void *)(intptr_t)1), 0);
	ck_assert_int_eq(OPS.producer_flush(p, WAIT_MS, on_ack, a), 0);
	ck_assert_int_eq(a->nok, 1);
	OPS.producer_close(p);
	ck_assert_msg(OPS.consumer_open(u, "t.capture.h", &c, err) == 0, "%s", err);
	ck_assert_int_eq(OPS.consumer_next(c, &got, &len, &id, err), 0);
	ck_assert_uint_eq(len, big);
	ck_assert(memcmp(got, data, big) == 0);
	ck_assert_str_eq(id, "h/capture/0");
	ck_assert_int_eq(OPS.consumer_next(c, &got, &len, &id, err), 1);
	OPS.consumer_close(c);
	free(data);
	free(a);
	stream_url_free(u);
	mock_stop();
}
END_TEST

START_TEST(test_unknown_topic)
{
	const char *servers = mock_start();
	struct stream_url *u = url_of(servers, "h", NULL);
	char err[STREAM_ERR_SIZE] = "";
	void *c;
	int rc;

	/* a broker without auto-creation says the topic is unknown; the mock cluster
	 * creates it empty: either way nothing is read */
	rc = OPS.consumer_open(u, "t.nothere.h", &c, err);
	if (rc == 0) {
		const void *data;
		const char *id;
		size_t len;

		ck_assert_int_eq(OPS.consumer_next(c, &data, &len, &id, err), 1);
		OPS.consumer_close(c);
	} else {
		ck_assert_int_eq(rc, -ENOENT);
		ck_assert_msg(strstr(err, "t.nothere"), "%s", err);
	}
	ck_assert_int_eq(OPS.consumer_open(u, "x.capture", &c, err), -EINVAL);
	stream_url_free(u);
	mock_stop();
}
END_TEST

START_TEST(test_msgid_set_window)
{
	struct msgid_set *s;
	char id[32];
	int i;

	ck_assert_int_eq(msgid_set_new(4, &s), 0);
	for (i = 0; i < 4; i++) {
		snprintf(id, sizeof(id), "h/capture/%d", i);
		ck_assert_int_eq(msgid_set_add(s, id), 0);
	}
	ck_assert_int_eq(msgid_set_add(s, "h/capture/0"), 1);
	ck_assert_int_eq(msgid_set_add(s, "h/capture/3"), 1);
	ck_assert_int_eq(msgid_set_add(s, "h/capture/4"), 0);  /* forgets 0 */
	ck_assert_int_eq(msgid_set_add(s, "h/capture/0"), 0);  /* forgets 1 */
	ck_assert_int_eq(msgid_set_add(s, "h/capture/1"), 0);
	ck_assert_int_eq(msgid_set_add(s, "h/capture/4"), 1);
	msgid_set_free(s);
}
END_TEST

static Suite *kafka_suite(void)
{
	Suite *s = suite_create("stream_kafka");
	TCase *tc = tcase_create("mock_cluster");

	tcase_add_test(tc, test_roundtrip_in_order);
	tcase_add_test(tc, test_repeated_id_dropped);
	tcase_add_test(tc, test_since);
	tcase_add_test(tc, test_brokers_down);
	tcase_add_test(tc, test_leader_moves);
	tcase_add_test(tc, test_down_from_start);
	tcase_add_test(tc, test_big_record);
	tcase_add_test(tc, test_unknown_topic);
	suite_add_tcase(s, tc);
	tc = tcase_create("msgid_set");
	tcase_add_test(tc, test_msgid_set_window);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(kafka_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

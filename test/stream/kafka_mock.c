/* SPDX-License-Identifier: Apache-2.0 */
/*
 * kafka_mock - a Kafka cluster for shell tests: librdkafka's mock cluster (brokers in
 * this process, speaking the Kafka protocol on loopback ports) kept running until stdin
 * closes.
 *
 *   kafka_mock [BROKERS]     (default 3)
 *
 * Prints "bootstrap HOST:PORT,..." on a line of its own once the brokers listen, then
 * reads commands from stdin, one a line, answering "ok" or "error: ..." to each:
 *   down ID|-1       disconnect broker ID (1..BROKERS) or all, refuse connections
 *   up ID|-1         accept connections again
 *   topic NAME N     create topic NAME with N partitions (replicas: min(3, BROKERS))
 *   leader NAME P ID make broker ID the leader of partition P of NAME
 *   keys NAME        the records of topic NAME, every partition from its start:
 *                    "ok ID=KEY ID=KEY ..." (ID: the record's scry-msg-id header,
 *                    KEY: its key; as read: each partition in offset order)
 * Topics a client names are also created on first use (the mock's auto-creation,
 * 4 partitions). Exit 0 at end of input, 2 on a usage error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

static void quiet(const rd_kafka_t *rk, int level, const char *fac, const char *buf)
{
	(void)rk;
	(void)level;
	(void)fac;
	(void)buf;
}

#define KEYS_WAIT_MS 30000

/* "keys NAME": a consumer of the mock's own brokers reads topic @topic whole. */
static void keys(rd_kafka_mock_cluster_t *mc, const char *topic)
{
	rd_kafka_conf_t *conf = rd_kafka_conf_new();
	const struct rd_kafka_metadata *md = NULL;
	rd_kafka_topic_partition_list_t *tpl = NULL;
	rd_kafka_topic_t *rkt = NULL;
	int64_t lo, hi[64];
	int n = 0, left = 0, waited = 0;
	char msg[512];
	rd_kafka_t *rk;

	rd_kafka_conf_set(conf, "bootstrap.servers", rd_kafka_mock_cluster_bootstraps(mc), NULL, 0);
	rd_kafka_conf_set(conf, "group.id", "kafka-mock-keys", NULL, 0);
	rd_kafka_conf_set(conf, "enable.auto.commit", "false", NULL, 0);
	rd_kafka_conf_set_log_cb(conf, quiet);
	rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, msg, sizeof(msg));
	if (!rk) {
		printf("error: %s\n", msg);
		return;
	}
	rkt = rd_kafka_topic_new(rk, topic, NULL);
	if (rd_kafka_metadata(rk, 0, rkt, &md, 5000) || md->topic_cnt != 1 ||
	    md->topics[0].err) {
		printf("error: no topic %s\n", topic);
		goto out;
	}
	n = md->topics[0].partition_cnt < 64 ? md->topics[0].partition_cnt : 64;
	tpl = rd_kafka_topic_partition_list_new(n);
	for (int p = 0; p < n; p++) {
		if (rd_kafka_query_watermark_offsets(rk, topic, p, &lo, &hi[p], 5000)) {
			printf("error: watermarks of %s %d\n", topic, p);
			goto out;
		}
		rd_kafka_topic_partition_list_add(tpl, topic, p)->offset = lo;
		left += hi[p] > lo ? (int)(hi[p] - lo) : 0;
	}
	rd_kafka_assign(rk, tpl);
	printf("ok");
	while (left > 0 && waited < KEYS_WAIT_MS) {
		rd_kafka_message_t *m = rd_kafka_consumer_poll(rk, 100);
		rd_kafka_headers_t *h = NULL;
		const void *id = NULL;
		size_t idlen = 0;

		if (!m) {
			waited += 100;
			continue;
		}
		if (!m->err) {
			if (rd_kafka_message_headers(m, &h) == 0)
				rd_kafka_header_get_last(h, "scry-msg-id", &id, &idlen);
			printf(" %.*s=%.*s", (int)idlen, id ? (const char *)id : "",
			       (int)m->key_len, m->key ? (const char *)m->key : "");
			left--;
		}
		rd_kafka_message_destroy(m);
	}
	printf("%s\n", left > 0 ? " (timed out)" : "");
out:
	if (tpl)
		rd_kafka_topic_partition_list_destroy(tpl);
	if (md)
		rd_kafka_metadata_destroy(md);
	rd_kafka_topic_destroy(rkt);
	rd_kafka_consumer_close(rk);
	rd_kafka_destroy(rk);
}

static int command(rd_kafka_mock_cluster_t *mc, int brokers, char *line)
{
	char name[256];
	int id, n, p;
	rd_kafka_resp_err_t e;

	if (sscanf(line, "keys %255s", name) == 1) {
		keys(mc, name);
		return 0;
	}
	if (sscanf(line, "down %d", &id) == 1)
		e = rd_kafka_mock_broker_set_down(mc, id);
	else if (sscanf(line, "up %d", &id) == 1)
		e = rd_kafka_mock_broker_set_up(mc, id);
	else if (sscanf(line, "topic %255s %d", name, &n) == 2)
		e = rd_kafka_mock_topic_create(mc, name, n, brokers < 3 ? brokers : 3);
	else if (sscanf(line, "leader %255s %d %d", name, &p, &id) == 3)
		e = rd_kafka_mock_partition_set_leader(mc, name, p, id);
	else {
		printf("error: unknown command: %s", line);
		return -1;
	}
	if (e)
		printf("error: %s\n", rd_kafka_err2str(e));
	else
		printf("ok\n");
	return 0;
}

int main(int argc, char **argv)
{
	char msg[512], line[512];
	int brokers = argc > 1 ? atoi(argv[1]) : 3;
	rd_kafka_conf_t *conf;
	rd_kafka_mock_cluster_t *mc;
	rd_kafka_t *rk;

	if (argc > 2 || brokers < 1) {
		fprintf(stderr, "usage: kafka_mock [BROKERS]\n");
		return 2;
	}
	conf = rd_kafka_conf_new();
	rd_kafka_conf_set_log_cb(conf, quiet);
	rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, msg, sizeof(msg));
	if (!rk) {
		fprintf(stderr, "kafka_mock: %s\n", msg);
		return 1;
	}
	mc = rd_kafka_mock_cluster_new(rk, brokers);
	if (!mc) {
		fprintf(stderr, "kafka_mock: cannot start %d brokers\n", brokers);
		rd_kafka_destroy(rk);
		return 1;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	printf("bootstrap %s\n", rd_kafka_mock_cluster_bootstraps(mc));
	while (fgets(line, sizeof(line), stdin))
		command(mc, brokers, line);
	rd_kafka_mock_cluster_destroy(mc);
	rd_kafka_destroy(rk);
	return 0;
}

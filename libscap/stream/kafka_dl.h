/* SPDX-License-Identifier: Apache-2.0 */
/*
 * kafka_dl.h - librdkafka (Kafka C client), opened with dlopen() when a transport first connects
 * (<libscap/shared/scry_dl.h>).
 *
 * Include this instead of <librdkafka/rdkafka.h>: it includes that header for the types and
 * prototypes, then makes each call of a function the transport uses a call through a member
 * of stream_kafka_fns (a pointer of the function's own type): function-like macros, so
 * that the calls read as calls of the library and a struct tag of the same name
 * (struct rd_kafka_metadata) is left alone. stream_kafka_load() must have succeeded before the first call:
 * the transport's open functions call it. A function not listed here does not link
 * (the library is not linked): add it to STREAM_KAFKA_FUNCS and to the names below.
 */
#ifndef SCAP_STREAM_KAFKA_DL_H
#define SCAP_STREAM_KAFKA_DL_H

#include <librdkafka/rdkafka.h>

#include <libscap/shared/scry_dl.h>

/* The SONAME the transport is built against (librdkafka1 in Debian 12). */
#define STREAM_KAFKA_SONAME "librdkafka.so.1"

#define STREAM_KAFKA_FUNCS(X) \
	X(rd_kafka_CreateTopics) \
	X(rd_kafka_NewTopic_destroy) \
	X(rd_kafka_NewTopic_new) \
	X(rd_kafka_NewTopic_set_config) \
	X(rd_kafka_assign) \
	X(rd_kafka_conf_destroy) \
	X(rd_kafka_conf_dup) \
	X(rd_kafka_conf_new) \
	X(rd_kafka_conf_set) \
	X(rd_kafka_conf_set_dr_msg_cb) \
	X(rd_kafka_conf_set_error_cb) \
	X(rd_kafka_conf_set_log_cb) \
	X(rd_kafka_conf_set_opaque) \
	X(rd_kafka_consumer_close) \
	X(rd_kafka_consumer_poll) \
	X(rd_kafka_destroy) \
	X(rd_kafka_err2str) \
	X(rd_kafka_event_destroy) \
	X(rd_kafka_flush) \
	X(rd_kafka_header_get_last) \
	X(rd_kafka_message_destroy) \
	X(rd_kafka_message_headers) \
	X(rd_kafka_message_timestamp) \
	X(rd_kafka_metadata) \
	X(rd_kafka_metadata_destroy) \
	X(rd_kafka_msg_partitioner_murmur2) \
	X(rd_kafka_new) \
	X(rd_kafka_offsets_for_times) \
	X(rd_kafka_outq_len) \
	X(rd_kafka_poll) \
	X(rd_kafka_producev) \
	X(rd_kafka_purge) \
	X(rd_kafka_query_watermark_offsets) \
	X(rd_kafka_queue_destroy) \
	X(rd_kafka_queue_new) \
	X(rd_kafka_queue_poll) \
	X(rd_kafka_topic_destroy) \
	X(rd_kafka_topic_new) \
	X(rd_kafka_topic_partition_list_add) \
	X(rd_kafka_topic_partition_list_destroy) \
	X(rd_kafka_topic_partition_list_new)

SCRY_DL_TABLE(STREAM_KAFKA_FUNCS, stream_kafka_fns);

/*
 * stream_kafka_load - open librdkafka.so.1 and resolve the functions, on the first call of the
 * process (scry_dl_open()); @err: STREAM_ERR_SIZE bytes or NULL.
 * Return: 0; -ENOENT (message in @err: the library or a function is missing).
 */
int stream_kafka_load(char *err);

#ifndef STREAM_KAFKA_DL_NO_REDIRECT
#define rd_kafka_CreateTopics(...) (stream_kafka_fns.rd_kafka_CreateTopics(__VA_ARGS__))
#define rd_kafka_NewTopic_destroy(...) (stream_kafka_fns.rd_kafka_NewTopic_destroy(__VA_ARGS__))
#define rd_kafka_NewTopic_new(...) (stream_kafka_fns.rd_kafka_NewTopic_new(__VA_ARGS__))
#define rd_kafka_NewTopic_set_config(...) (stream_kafka_fns.rd_kafka_NewTopic_set_config(__VA_ARGS__))
#define rd_kafka_assign(...) (stream_kafka_fns.rd_kafka_assign(__VA_ARGS__))
#define rd_kafka_conf_destroy(...) (stream_kafka_fns.rd_kafka_conf_destroy(__VA_ARGS__))
#define rd_kafka_conf_dup(...) (stream_kafka_fns.rd_kafka_conf_dup(__VA_ARGS__))
#define rd_kafka_conf_new(...) (stream_kafka_fns.rd_kafka_conf_new(__VA_ARGS__))
#define rd_kafka_conf_set(...) (stream_kafka_fns.rd_kafka_conf_set(__VA_ARGS__))
#define rd_kafka_conf_set_dr_msg_cb(...) (stream_kafka_fns.rd_kafka_conf_set_dr_msg_cb(__VA_ARGS__))
#define rd_kafka_conf_set_error_cb(...) (stream_kafka_fns.rd_kafka_conf_set_error_cb(__VA_ARGS__))
#define rd_kafka_conf_set_log_cb(...) (stream_kafka_fns.rd_kafka_conf_set_log_cb(__VA_ARGS__))
#define rd_kafka_conf_set_opaque(...) (stream_kafka_fns.rd_kafka_conf_set_opaque(__VA_ARGS__))
#define rd_kafka_consumer_close(...) (stream_kafka_fns.rd_kafka_consumer_close(__VA_ARGS__))
#define rd_kafka_consumer_poll(...) (stream_kafka_fns.rd_kafka_consumer_poll(__VA_ARGS__))
#define rd_kafka_destroy(...) (stream_kafka_fns.rd_kafka_destroy(__VA_ARGS__))
#define rd_kafka_err2str(...) (stream_kafka_fns.rd_kafka_err2str(__VA_ARGS__))
#define rd_kafka_event_destroy(...) (stream_kafka_fns.rd_kafka_event_destroy(__VA_ARGS__))
#define rd_kafka_flush(...) (stream_kafka_fns.rd_kafka_flush(__VA_ARGS__))
#define rd_kafka_header_get_last(...) (stream_kafka_fns.rd_kafka_header_get_last(__VA_ARGS__))
#define rd_kafka_message_destroy(...) (stream_kafka_fns.rd_kafka_message_destroy(__VA_ARGS__))
#define rd_kafka_message_headers(...) (stream_kafka_fns.rd_kafka_message_headers(__VA_ARGS__))
#define rd_kafka_message_timestamp(...) (stream_kafka_fns.rd_kafka_message_timestamp(__VA_ARGS__))
#define rd_kafka_metadata(...) (stream_kafka_fns.rd_kafka_metadata(__VA_ARGS__))
#define rd_kafka_metadata_destroy(...) (stream_kafka_fns.rd_kafka_metadata_destroy(__VA_ARGS__))
#define rd_kafka_msg_partitioner_murmur2(...) (stream_kafka_fns.rd_kafka_msg_partitioner_murmur2(__VA_ARGS__))
#define rd_kafka_new(...) (stream_kafka_fns.rd_kafka_new(__VA_ARGS__))
#define rd_kafka_offsets_for_times(...) (stream_kafka_fns.rd_kafka_offsets_for_times(__VA_ARGS__))
#define rd_kafka_outq_len(...) (stream_kafka_fns.rd_kafka_outq_len(__VA_ARGS__))
#define rd_kafka_poll(...) (stream_kafka_fns.rd_kafka_poll(__VA_ARGS__))
#define rd_kafka_producev(...) (stream_kafka_fns.rd_kafka_producev(__VA_ARGS__))
#define rd_kafka_purge(...) (stream_kafka_fns.rd_kafka_purge(__VA_ARGS__))
#define rd_kafka_query_watermark_offsets(...) (stream_kafka_fns.rd_kafka_query_watermark_offsets(__VA_ARGS__))
#define rd_kafka_queue_destroy(...) (stream_kafka_fns.rd_kafka_queue_destroy(__VA_ARGS__))
#define rd_kafka_queue_new(...) (stream_kafka_fns.rd_kafka_queue_new(__VA_ARGS__))
#define rd_kafka_queue_poll(...) (stream_kafka_fns.rd_kafka_queue_poll(__VA_ARGS__))
#define rd_kafka_topic_destroy(...) (stream_kafka_fns.rd_kafka_topic_destroy(__VA_ARGS__))
#define rd_kafka_topic_new(...) (stream_kafka_fns.rd_kafka_topic_new(__VA_ARGS__))
#define rd_kafka_topic_partition_list_add(...) (stream_kafka_fns.rd_kafka_topic_partition_list_add(__VA_ARGS__))
#define rd_kafka_topic_partition_list_destroy(...) (stream_kafka_fns.rd_kafka_topic_partition_list_destroy(__VA_ARGS__))
#define rd_kafka_topic_partition_list_new(...) (stream_kafka_fns.rd_kafka_topic_partition_list_new(__VA_ARGS__))
#endif

#endif /* SCAP_STREAM_KAFKA_DL_H */

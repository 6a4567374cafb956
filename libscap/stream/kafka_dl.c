/* SPDX-License-Identifier: Apache-2.0 */
/*
 * kafka_dl.c - librdkafka (Kafka C client) opened at first use (kafka_dl.h).
 */
#define STREAM_KAFKA_DL_NO_REDIRECT
#include "kafka_dl.h"
#include "transport.h"

SCRY_DL_LIBRARY(STREAM_KAFKA_FUNCS, stream_kafka_fns, STREAM_KAFKA_SONAME, "librdkafka1",
		stream_kafka_load, STREAM_ERR_SIZE)

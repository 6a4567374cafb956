/* SPDX-License-Identifier: Apache-2.0 */
/*
 * kafka_dl.c - librdkafka (Kafka C client) opened at first use (kafka_dl.h).
 */
#define STREAM_KAFKA_DL_NO_REDIRECT
#include "kafka_dl.h"
#include "dl.h"

struct stream_kafka_fns stream_kafka_fns;

#define NAME(f) #f,
static const char *const names[] = { STREAM_KAFKA_FUNCS(NAME) };
#undef NAME
#define SLOT(f) (void **)&stream_kafka_fns.f,
static void **const slots[] = { STREAM_KAFKA_FUNCS(SLOT) };
#undef SLOT

static struct stream_dl lib = {
	.soname = STREAM_KAFKA_SONAME,
	.package = "librdkafka1",
	.names = names,
	.slots = slots,
	.n = sizeof(names) / sizeof(names[0]),
};

int stream_kafka_load(char *err)
{
	return stream_dl_open(&lib, err);
}

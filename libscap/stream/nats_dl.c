/* SPDX-License-Identifier: Apache-2.0 */
/*
 * nats_dl.c - libnats (NATS C client) opened at first use (nats_dl.h).
 */
#define STREAM_NATS_DL_NO_REDIRECT
#include "nats_dl.h"
#include "dl.h"

struct stream_nats_fns stream_nats_fns;

#define NAME(f) #f,
static const char *const names[] = { STREAM_NATS_FUNCS(NAME) };
#undef NAME
#define SLOT(f) (void **)&stream_nats_fns.f,
static void **const slots[] = { STREAM_NATS_FUNCS(SLOT) };
#undef SLOT

static struct stream_dl lib = {
	.soname = STREAM_NATS_SONAME,
	.package = "libnats3.4",
	.names = names,
	.slots = slots,
	.n = sizeof(names) / sizeof(names[0]),
};

int stream_nats_load(char *err)
{
	return stream_dl_open(&lib, err);
}

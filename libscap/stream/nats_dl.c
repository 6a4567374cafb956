/* SPDX-License-Identifier: Apache-2.0 */
/*
 * nats_dl.c - libnats (NATS C client) opened at first use (nats_dl.h).
 */
#define STREAM_NATS_DL_NO_REDIRECT
#include "nats_dl.h"
#include "transport.h"

SCRY_DL_LIBRARY(STREAM_NATS_FUNCS, stream_nats_fns, STREAM_NATS_SONAME, "libnats3.4",
		stream_nats_load, STREAM_ERR_SIZE)

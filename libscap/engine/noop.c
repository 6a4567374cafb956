/* SPDX-License-Identifier: Apache-2.0 */
/*
 * noop.c - the noop engine: opens, has no state and no events (SCAP_EOF).
 */
#include "scap_int.h"

static int noop_open(struct scap *h, const struct scap_open_opts *opts)
{
	return 0;
}

static int noop_next(struct scap *h, struct scap_evt_ref *out)
{
	return SCAP_EOF;
}

const struct scap_engine_ops scap_noop_ops = {
	.name = "noop",
	.open = noop_open,
	.next = noop_next,
};

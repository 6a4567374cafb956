/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_input.c - the test_input engine: replays the raw event records of a caller's
 * struct scap_test_input in order, then SCAP_EOF. Its optional state is what
 * scap_get_state() reports. Nothing is copied: the input must outlive the handle.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "scap_int.h"

struct test_input {
	struct scap_test_input in;   /* the caller's, normalised to our size */
	uint32_t next;
};

static int ti_open(struct scap *h, const struct scap_open_opts *opts)
{
	const struct scap_test_input *in = opts->test_input;
	struct test_input *ti;
	size_t n;

	if (!in)
		return scap_err(h, -EINVAL, "test_input: opts.test_input is NULL");
	if (in->sz < offsetofend(struct scap_test_input, nevents))
		return scap_err(h, -EINVAL, "test_input: sz %zu too small", in->sz);
	if (in->nevents && !in->events)
		return scap_err(h, -EINVAL, "test_input: %u events but events is NULL",
				in->nevents);
	ti = calloc(1, sizeof(*ti));
	if (!ti)
		return scap_err(h, -ENOMEM, "test_input");
	n = in->sz < sizeof(ti->in) ? in->sz : sizeof(ti->in);
	memcpy(&ti->in, in, n);
	ti->in.sz = sizeof(ti->in);
	if (ti->in.state)
		h->state = *ti->in.state;
	h->priv = ti;
	return 0;
}

static int ti_next(struct scap *h, struct scap_evt_ref *out)
{
	struct test_input *ti = h->priv;
	struct scap_abi_evt_hdr hdr;
	const uint8_t *raw;
	uint32_t i = ti->next;

	if (i >= ti->in.nevents)
		return SCAP_EOF;
	raw = ti->in.events[i];
	if (!raw)
		return scap_err(h, -EINVAL, "test_input: event %u is NULL", i);
	memcpy(&hdr, raw, sizeof(hdr));
	if (hdr.len < SCAP_ABI_EVT_HDR_LEN)
		return scap_err(h, -EPROTO, "test_input: event %u: length %u below the header's",
				i, hdr.len);
	ti->next++;
	out->raw = raw;
	out->len = hdr.len;
	out->ts_ns = hdr.ts;
	out->tid = hdr.tid;
	out->type = hdr.type;
	out->nparams = hdr.nparams;
	out->cpu = ti->in.cpus ? ti->in.cpus[i] : 0;
	out->flags = ti->in.flags ? ti->in.flags[i] : 0;
	out->offset = 0;
	return 0;
}

static void ti_close(struct scap *h)
{
	free(h->priv);
	h->priv = NULL;
}

const struct scap_engine_ops scap_test_input_ops = {
	.name = "test_input",
	.open = ti_open,
	.close = ti_close,
	.next = ti_next,
};

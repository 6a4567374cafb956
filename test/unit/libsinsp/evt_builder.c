/* SPDX-License-Identifier: Apache-2.0 */
/*
 * evt_builder.c - synthetic event records and a sinsp handle on them for the libsinsp
 * unit tests (see evt_builder.h).
 */
#include "evt_builder.h"

#include <check.h>
#include <stdlib.h>

#include <scry/scap.h>

void eb_vadd_at(struct evt_builder *b, uint64_t ts, int64_t tid, uint16_t type, uint32_t nparams,
		va_list ap)
{
	struct scap_abi_evt_hdr hdr;
	struct tparam p[SCAP_MAX_EVENT_PARAMS];
	uint32_t len = SCAP_ABI_EVT_HDR_LEN + 2 * nparams, i;
	uint8_t *rec, *w;

	ck_assert_uint_le(nparams, SCAP_MAX_EVENT_PARAMS);
	for (i = 0; i < nparams; i++) {
		p[i] = va_arg(ap, struct tparam);
		len += p[i].len;
	}
	if (b->n == b->cap) {
		uint32_t cap = b->cap ? 2 * b->cap : 16;
		uint8_t **evts = realloc(b->evts, cap * sizeof(*evts));

		ck_assert_ptr_nonnull(evts);
		b->evts = evts;
		b->cap = cap;
	}
	rec = calloc(1, len);
	ck_assert_ptr_nonnull(rec);
	hdr.ts = ts;
	hdr.tid = (uint64_t)tid;
	hdr.len = len;
	hdr.type = type;
	hdr.nparams = nparams;
	memcpy(rec, &hdr, sizeof(hdr));
	w = rec + SCAP_ABI_EVT_HDR_LEN;
	for (i = 0; i < nparams; i++, w += 2)
		memcpy(w, &p[i].len, 2);
	for (i = 0; i < nparams; i++) {
		memcpy(w, p[i].val, p[i].len);
		w += p[i].len;
	}
	b->evts[b->n++] = rec;
}

void eb_add_at(struct evt_builder *b, uint64_t ts, int64_t tid, uint16_t type, uint32_t nparams,
	       ...)
{
	va_list ap;

	va_start(ap, nparams);
	eb_vadd_at(b, ts, tid, type, nparams, ap);
	va_end(ap);
}

void eb_add(struct evt_builder *b, uint16_t type, uint32_t nparams, ...)
{
	uint64_t ts = b->ts0 + (uint64_t)(b->n + 1) * (b->ts_step ? b->ts_step : 1);
	va_list ap;

	va_start(ap, nparams);
	eb_vadd_at(b, ts, b->tid, type, nparams, ap);
	va_end(ap);
}

sinsp_t *eb_open(struct evt_builder *b)
{
	char errbuf[SCAP_ERRBUF_SIZE];

	b->state.sz = sizeof(b->state);
	b->in.sz = sizeof(b->in);
	b->in.events = (const uint8_t *const *)b->evts;
	b->in.nevents = b->n;
	b->in.state = &b->state;

	SCAP_OPTS(scap_open_opts, so, .engine = "test_input", .test_input = &b->in);
	struct sinsp_open_opts o = { .sz = sizeof(o), .scap = &so,
				     .compat_sysdig_0_29 = b->compat_sysdig_0_29,
				     .buffer_format = b->buffer_format, .time_output = b->time_output };

	ck_assert_msg(sinsp_open(&o, &b->s, errbuf) == 0, "sinsp_open: %s", errbuf);
	return b->s;
}

void eb_free(struct evt_builder *b)
{
	uint32_t i;

	sinsp_close(b->s);
	for (i = 0; i < b->n; i++)
		free(b->evts[i]);
	free(b->evts);
	memset(b, 0, sizeof(*b));
}

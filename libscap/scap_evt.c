/* SPDX-License-Identifier: Apache-2.0 */
/*
 * scap_evt.c - decoding of a scap event record: the schema lookup and the parameter
 * length table (u16 per parameter, u32 for SCAP_EF_LARGE_PAYLOAD event types).
 */
#include <errno.h>
#include <string.h>

#include "scap_int.h"

const struct scap_evt_info *scap_evt_info(uint16_t type)
{
	if (type >= SCAP_EVT_MAX)
		return NULL;
	return &scap_evt_table[type];
}

uint32_t scap_evt_len_width(uint16_t type)
{
	if (type < SCAP_EVT_MAX && (scap_evt_table[type].flags & SCAP_EF_LARGE_PAYLOAD))
		return 4;
	return 2;
}

int scap_evt_params(const struct scap_evt_ref *evt, struct scap_param *params, uint32_t max)
{
	const uint8_t *raw, *lens, *val;
	uint64_t room, total = 0;
	uint32_t n, w, len, i;

	if (!evt || !evt->raw || (max && !params))
		return -EINVAL;
	raw = evt->raw;
	len = evt->len;
	n = evt->nparams;
	if (len < SCAP_ABI_EVT_HDR_LEN)
		return -EPROTO;
	w = scap_evt_len_width(evt->type);
	room = len - SCAP_ABI_EVT_HDR_LEN;
	if ((uint64_t)n * w > room)
		return -EPROTO;
	room -= (uint64_t)n * w;
	lens = raw + SCAP_ABI_EVT_HDR_LEN;
	val = lens + (size_t)n * w;

	/* Validate every length first: an overrun anywhere makes no entry trustworthy. */
	for (i = 0; i < n; i++) {
		uint32_t l;

		if (w == 2) {
			uint16_t l16;

			memcpy(&l16, lens + (size_t)i * 2, 2);
			l = l16;
		} else {
			memcpy(&l, lens + (size_t)i * 4, 4);
		}
		total += l;
		if (total > room)
			return -EPROTO;
		if (i < max) {
			params[i].val = val;
			params[i].len = l;
			val += l;
		}
	}
	return (int)(n < max ? n : max);
}

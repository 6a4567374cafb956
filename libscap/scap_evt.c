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
	uint32_t n, w, len, i, m;

	if (!evt || !evt->raw || (max && !params))
		return -EINVAL;
	raw = evt->raw;
	len = evt->len;
	n = evt->nparams;
	if (len < SCAP_ABI_EVT_HDR_LEN)
		return -EPROTO;
	w = (evt->type < SCAP_EVT_MAX &&
	     (scap_evt_table[evt->type].flags & SCAP_EF_LARGE_PAYLOAD)) ? 4 : 2;
	room = len - SCAP_ABI_EVT_HDR_LEN;
	if ((uint64_t)n * w > room)
		return -EPROTO;
	room -= (uint64_t)n * w;
	lens = raw + SCAP_ABI_EVT_HDR_LEN;
	val = lens + (size_t)n * w;
	m = n < max ? n : max;

	/*
	 * Every length counts, not only the first max: an overrun anywhere makes no entry
	 * trustworthy. The sum of at most 2^32 u32 lengths cannot wrap a u64, so checking it
	 * once at the end is the same as checking it after each length.
	 */
	if (w == 2) {
		for (i = 0; i < m; i++) {
			uint16_t l;

			memcpy(&l, lens + (size_t)i * 2, 2);
			params[i].val = val + total;
			params[i].len = l;
			total += l;
		}
		for (; i < n; i++) {
			uint16_t l;

			memcpy(&l, lens + (size_t)i * 2, 2);
			total += l;
		}
	} else {
		for (i = 0; i < m; i++) {
			uint32_t l;

			memcpy(&l, lens + (size_t)i * 4, 4);
			params[i].val = val + total;
			params[i].len = l;
			total += l;
		}
		for (; i < n; i++) {
			uint32_t l;

			memcpy(&l, lens + (size_t)i * 4, 4);
			total += l;
		}
	}
	if (total > room)
		return -EPROTO;
	return (int)m;
}

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

static inline uint32_t get_len16(const uint8_t *p)
{
	uint16_t v;

	memcpy(&v, p, 2);
	return v;
}

static inline uint32_t get_len32(const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, 4);
	return v;
}

uint32_t scap_evt_len_width(uint16_t type)
{
	if (type < SCAP_EVT_MAX && (scap_evt_table[type].flags & SCAP_EF_LARGE_PAYLOAD))
		return 4;
	return 2;
}

/*
 * scap_evt_params() for w-byte lengths (a constant where it is inlined). Every length
 * counts, not only the first max: an overrun anywhere makes no entry trustworthy. The
 * sum of at most 2^32 u32 lengths cannot wrap a u64, so checking it once at the end is
 * the same as checking it after each length.
 */
static inline __attribute__((always_inline)) int
decode_lens(const uint8_t *raw, uint32_t len, uint32_t n, struct scap_param *params,
	    uint32_t max, uint32_t w)
{
	const uint8_t *lens = raw + SCAP_ABI_EVT_HDR_LEN, *val;
	uint64_t room = len - SCAP_ABI_EVT_HDR_LEN, total = 0;
	uint32_t i, m = n < max ? n : max;

	if ((uint64_t)n * w > room)
		return -EPROTO;
	room -= (uint64_t)n * w;
	val = lens + (size_t)n * w;
	for (i = 0; i < m; i++) {
		uint32_t l = w == 2 ? get_len16(lens + (size_t)i * 2) : get_len32(lens + (size_t)i * 4);

		params[i].val = val + total;
		params[i].len = l;
		total += l;
	}
	for (; i < n; i++)
		total += w == 2 ? get_len16(lens + (size_t)i * 2) : get_len32(lens + (size_t)i * 4);
	return total > room ? -EPROTO : (int)m;
}

int scap_evt_params(const struct scap_evt_ref *evt, struct scap_param *params, uint32_t max)
{
	if (!evt || !evt->raw || (max && !params))
		return -EINVAL;
	if (evt->len < SCAP_ABI_EVT_HDR_LEN)
		return -EPROTO;
	if (scap_evt_len_width(evt->type) == 4)
		return decode_lens(evt->raw, evt->len, evt->nparams, params, max, 4);
	return decode_lens(evt->raw, evt->len, evt->nparams, params, max, 2);
}

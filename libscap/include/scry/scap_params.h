/* SPDX-License-Identifier: Apache-2.0 */
/*
 * scap_params.h - the parameter length table of an event record, decoded inline.
 *
 * What scap_evt_params() does, for callers on a per-event path that already know the
 * width of the lengths (u16, or u32 for SCAP_EF_LARGE_PAYLOAD event types, from the
 * schema entry they hold): no call and no schema lookup. scap_evt_params() is this
 * function plus its argument checks. Record layout: the 26-byte header
 * (SCAP_ABI_EVT_HDR_LEN, scry/scap_abi.h), nparams lengths, then the values in order.
 */
#ifndef SCAP_PARAMS_H
#define SCAP_PARAMS_H

#include <errno.h>
#include <stdint.h>

#include <scry/scap.h>
#include <scry/scap_bytes.h>

/*
 * scap_evt_decode_lens() - decode the first max parameters of the record raw of len
 * bytes (len >= SCAP_ABI_EVT_HDR_LEN: the caller checks) with n parameters whose lengths
 * are w bytes each (2 or 4; a constant where it is inlined).
 * @params: [out] min(n, max) entries {val, len in bytes} pointing into raw.
 * Every length counts, not only the first max: an overrun anywhere makes no entry
 * trustworthy. The sum of at most 2^32 u32 lengths cannot wrap a u64, so checking it
 * once at the end is the same as checking it after each length.
 * Return: min(n, max); -EPROTO when the lengths overrun the record.
 */
static inline __attribute__((always_inline)) int
scap_evt_decode_lens(const uint8_t *raw, uint32_t len, uint32_t n, struct scap_param *params,
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
		uint32_t l = w == 2 ? scap_get_u16(lens + (size_t)i * 2) :
				      scap_get_u32(lens + (size_t)i * 4);

		params[i].val = val + total;
		params[i].len = l;
		total += l;
	}
	for (; i < n; i++)
		total += w == 2 ? scap_get_u16(lens + (size_t)i * 2) : scap_get_u32(lens + (size_t)i * 4);
	return total > room ? -EPROTO : (int)m;
}

#endif /* SCAP_PARAMS_H */

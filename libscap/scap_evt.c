/* SPDX-License-Identifier: Apache-2.0 */
/*
 * scap_evt.c - decoding of a scap event record: the schema lookup and the parameter
 * length table (u16 per parameter, u32 for SCAP_EF_LARGE_PAYLOAD event types).
 */
#include <errno.h>
#include <string.h>

#include <scry/scap_params.h>

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
	if (!evt || !evt->raw || (max && !params))
		return -EINVAL;
	if (evt->len < SCAP_ABI_EVT_HDR_LEN)
		return -EPROTO;
	if (scap_evt_len_width(evt->type) == 4)
		return scap_evt_decode_lens(evt->raw, evt->len, evt->nparams, params, max, 4);
	return scap_evt_decode_lens(evt->raw, evt->len, evt->nparams, params, max, 2);
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * dump_compat.c - the dumper's sysdig 0.29.3 mode (opts.compat_0293): an event of a type
 * newer than 0.29.3's table is written as the event 0.29.3's own driver writes for the
 * same syscall (an older version, or the generic syscall event), following the schema's
 * scap_evt_compat_0293 (driver/abi/event_table_compat.c). Header fields kept: ts, tid;
 * rewritten: len, type, nparams. The block's cpu and flags are the caller's.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "driver/abi/event_table_compat.h"
#include "dump_int.h"

/* Zero bytes for the parameters the older version has and ours lack (at most 8). */
static const uint8_t zeros[8];

struct compat_param {
	const uint8_t *val;
	uint32_t len;
};

/* The 9-byte res_or_fd of the bpf exit from our fd and cmd (@p, @n parameters). */
static void bpf_res_or_fd(const struct scap_param *p, int n, uint8_t out[9])
{
	int64_t fd = 0;
	int32_t cmd = -1;

	if (n > 0 && p[0].len == 8)
		memcpy(&fd, p[0].val, 8);
	if (n > 1 && p[1].len == 4)
		memcpy(&cmd, p[1].val, 4);
	/* BPF_MAP_CREATE (0) and BPF_PROG_LOAD (5) return an fd */
	out[0] = fd >= 0 && (cmd == 0 || cmd == 5) ? SCAP_BPF_IDX_FD : SCAP_BPF_IDX_RES;
	memcpy(out + 1, &fd, 8);
}

/* The parameters of the event written for @evt by rule @c into @outp; their count. */
static uint32_t compat_params(const struct scap_evt_compat *c, const struct scap_param *p,
			      int n, uint8_t scratch[9], struct compat_param *outp)
{
	const struct scap_evt_info *to = scap_evt_info(c->to);
	uint32_t i;

	switch (c->kind) {
	case SCAP_COMPAT_GENERIC:
		memcpy(scratch, &c->sc, 2);
		memcpy(scratch + 2, &c->native, 2);
		outp[0] = (struct compat_param){ scratch, 2 };
		outp[1] = (struct compat_param){ scratch + 2, 2 };
		return c->to == SCAP_EVT_GENERIC_E ? 2 : 1;
	case SCAP_COMPAT_BPF_RES_OR_FD:
		bpf_res_or_fd(p, n, scratch);
		outp[0] = (struct compat_param){ scratch, 9 };
		return 1;
	default:
		break;
	}
	for (i = 0; i < to->nparams && i < SCAP_COMPAT_MAX_PARAMS; i++) {
		int s = c->src[i];

		if (s >= 0 && s < n)
			outp[i] = (struct compat_param){ p[s].val, p[s].len };
		else
			/* a parameter ours lack, or that this record lacks: zeros */
			outp[i] = (struct compat_param){ zeros, s < 0 ? (uint32_t)-s : 8 };
	}
	return i;
}

int dump_compat_event(struct scap_dumper *d, const struct scap_evt_ref *evt,
		      struct scap_evt_ref *out)
{
	const struct scap_evt_compat *c;
	struct scap_param p[SCAP_MAX_EVENT_PARAMS];
	struct compat_param outp[SCAP_MAX_EVENT_PARAMS];
	uint8_t scratch[9], *dst;
	uint32_t w, np, i, total, nparams32;
	uint16_t type16;
	int n;

	*out = *evt;
	if (evt->type >= SCAP_EVT_MAX)
		return 0;
	c = &scap_evt_compat_0293[evt->type];
	if (c->kind == SCAP_COMPAT_NONE)
		return 0;
	n = scap_evt_params(evt, p, SCAP_MAX_EVENT_PARAMS);
	if (n < 0)
		return scap_dump_err(d, -EINVAL, "dump: event parameter lengths overrun the "
				     "record (type %u)", evt->type);
	np = compat_params(c, p, n, scratch, outp);
	w = scap_evt_len_width(c->to);
	total = SCAP_ABI_EVT_HDR_LEN + np * w;
	for (i = 0; i < np; i++) {
		if (w == 2 && outp[i].len > UINT16_MAX)
			return scap_dump_err(d, -EINVAL, "dump: parameter of %" PRIu32 " bytes "
					     "for a 16-bit length (type %u)", outp[i].len, c->to);
		total += outp[i].len; /* at most the source record's length plus 8 per param */
	}
	if (d->compat_cap < total) {
		uint8_t *q = realloc(d->compat, total);

		if (!q)
			return scap_dump_err(d, -ENOMEM, "dump: 0.29.3 event buffer");
		d->compat = q;
		d->compat_cap = total;
	}
	dst = d->compat;
	type16 = c->to;
	nparams32 = np;
	memcpy(dst, evt->raw, SCAP_ABI_EVT_HDR_LEN);
	memcpy(dst + offsetof(struct scap_abi_evt_hdr, len), &total, 4);
	memcpy(dst + offsetof(struct scap_abi_evt_hdr, type), &type16, 2);
	memcpy(dst + offsetof(struct scap_abi_evt_hdr, nparams), &nparams32, 4);
	dst += SCAP_ABI_EVT_HDR_LEN;
	for (i = 0; i < np; i++, dst += w) {
		uint16_t l16 = (uint16_t)outp[i].len;

		if (w == 2)
			memcpy(dst, &l16, 2);
		else
			memcpy(dst, &outp[i].len, 4);
	}
	for (i = 0; i < np; i++) {
		memcpy(dst, outp[i].val, outp[i].len);
		dst += outp[i].len;
	}
	out->raw = d->compat;
	out->len = total;
	out->type = c->to;
	out->nparams = np;
	d->events_compat++;
	return 0;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * parse.c - applies each event to the state: enter/exit pairing, the event's thread
 * and fd, and the dispatch to the per-family parsers (parse_proc.c, parse_fd.c).
 */
#include <stdlib.h>
#include <string.h>

#include "parse/parse.h"

static void save_enter(struct sinsp_thread *t, const struct sinsp_evt *evt)
{
	if (evt->ref.len > t->enter_cap) {
		uint8_t *p = realloc(t->enter_raw, evt->ref.len);

		if (!p) {
			t->enter_len = 0;
			return;
		}
		t->enter_raw = p;
		t->enter_cap = evt->ref.len;
	}
	memcpy(t->enter_raw, evt->ref.raw, evt->ref.len);
	t->enter_len = evt->ref.len;
}

/* Decode the saved enter event of t into params (returns its count, 0 if none). */
uint32_t sinsp_enter_params(const struct sinsp_thread *t, struct sinsp_param *params, uint32_t max)
{
	struct scap_abi_evt_hdr hdr;
	int n;

	if (!t->enter_valid || t->enter_len < SCAP_ABI_EVT_HDR_LEN)
		return 0;
	memcpy(&hdr, t->enter_raw, sizeof(hdr));
	n = sinsp_params_decode(hdr.type, t->enter_raw, t->enter_len, hdr.nparams, params, max);
	return n < 0 ? 0 : (uint32_t)n;
}

struct sinsp_thread *sinsp_parse_new_thread(struct sinsp *s, const struct sinsp_evt *evt)
{
	/*
	 * A thread the capture did not describe: sysdig creates an entry with placeholder
	 * values, so fds it opens from now on are tracked.
	 */
	struct sinsp_thread *t = sinsp_thread_add(s, (int64_t)evt->ref.tid);

	if (t) {
		sinsp_thread_set_comm(t, "<NA>", 4);
		sinsp_thread_set_str(&t->exe, "<NA>", 4);
		t->placeholder = true;
	}
	return t;
}

/*
 * Scheduler switches and SCAP_EF_SKIPPARSERESET events leave the pairing (and the
 * latency) of their thread alone: SINSP_TYPE_NO_PAIRING.
 */
void sinsp_parse_reset(struct sinsp *s, struct sinsp_evt *evt)
{
	uint16_t type = evt->ref.type;
	struct sinsp_thread *t;

	/* the container's own thread, set by its parser: the event's tid is not looked up */
	if (evt->props & SINSP_TYPE_CONTAINER_JSON) {
		evt->thread = NULL;
		return;
	}
	t = sinsp_parse_evt_thread(s, evt);
	evt->thread = t;
	if (!t || (evt->props & SINSP_TYPE_NO_PAIRING))
		return;
	if (scap_evt_is_enter(type)) {
		t->enter_valid = true;
		save_enter(t, evt);
		sinsp_parse_enter_latency(t, evt);
		/* every enter event starts without an fd, as sysdig resets it */
		t->last_fd = sinsp_parse_enter_fd(evt);
	} else {
		sinsp_parse_pair_exit(t, evt);
	}
	evt->fd_num = t->last_fd;
	if (evt->props & SINSP_TYPE_USES_FD)
		evt->fd = sinsp_fd_find(t, t->last_fd);
	t->last_type = type;
	t->last_ts = evt->ref.ts_ns;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * event/event.c - the parameter table of an event, the one by-name parameter lookup
 * and the event's type name.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <scry/sinsp_evt.h>

#include "event/event.h"

/* the parameter table is filled by libscap as struct scap_param */
_Static_assert(sizeof(struct sinsp_param) == sizeof(struct scap_param) &&
	       offsetof(struct sinsp_param, len) == offsetof(struct scap_param, len),
	       "struct sinsp_param must have the layout of struct scap_param");

void sinsp_evt_decode_params(const struct sinsp_evt *cevt)
{
	/* the table caches what the event's bytes say: filling it changes no value */
	struct sinsp_evt *evt = (struct sinsp_evt *)cevt;
	int n = scap_evt_params(&evt->ref, (struct scap_param *)evt->pv, SINSP_MAX_PARAMS);

	if (n < 0)
		n = 0; /* lengths overrun the record: show the event without parameters */
	if (evt->info && (uint32_t)n > evt->info->nparams)
		n = (int)evt->info->nparams;
	evt->pn = (uint32_t)n;
	evt->pdecoded = true;
}

bool sinsp_evt_param0_undecoded(const struct sinsp_evt *evt, struct sinsp_param *out)
{
	/* one entry, the lengths all checked: what sinsp_evt_decode_params() keeps first */
	return scap_evt_params(&evt->ref, (struct scap_param *)out, 1) > 0 &&
	       (!evt->info || evt->info->nparams > 0);
}

/* Remembered answers of sinsp_info_param(): (schema entry, name pointer) -> index. */
#define INFO_MEMO_SLOTS 64
struct info_memo {
	const struct scap_evt_info *info;
	const char *name;
	uint32_t idx;
};
static _Thread_local struct info_memo info_memo[INFO_MEMO_SLOTS];

int sinsp_info_param(const struct scap_evt_info *info, uint32_t nparams, const char *name)
{
	uintptr_t h = ((uintptr_t)info >> 4) ^ ((uintptr_t)name >> 2);
	struct info_memo *m = &info_memo[(h ^ (h >> 7)) & (INFO_MEMO_SLOTS - 1)];
	uint32_t i;

	/* a remembered index is checked against the name's text (the pointer may be reused) */
	if (m->info == info && m->name == name && sinsp_name_is(info->params[m->idx].name, name))
		return m->idx < nparams ? (int)m->idx : -1;
	for (i = 0; i < nparams && i < info->nparams; i++) {
		const char *pn = info->params[i].name;

		if (sinsp_name_is(pn, name)) {
			m->info = info;
			m->name = name;
			m->idx = i;
			return (int)i;
		}
	}
	return -1;
}

const char *sinsp_evt_type_name(const struct sinsp_evt *evt)
{
	if (sinsp_type_is_generic(evt->ref.type))
		return sinsp_syscall_name((uint16_t)sinsp_param_u64(evt, 0, 0));
	return evt->info && evt->info->name ? evt->info->name : "<unknown>";
}

const char *sinsp_syscall_name(uint32_t id)
{
	return id < SCAP_SC_MAX && scap_syscall_names[id] ? scap_syscall_names[id] : "<unknown>";
}

int32_t sinsp_evt_type_by_name(const char *name)
{
	uint32_t e;

	for (e = 0; e < SCAP_EVT_MAX; e++) {
		const struct scap_evt_info *info = scap_evt_info((uint16_t)e);

		if (info && info->name && strcmp(info->name, name) == 0)
			return (int32_t)e;
	}
	return -1;
}


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

/* sinsp_params_decode() of evt's record */
static inline int evt_params(const struct sinsp_evt *evt, struct sinsp_param *out, uint32_t max)
{
	return sinsp_params_decode(evt->ref.type, evt->ref.raw, evt->ref.len, evt->ref.nparams, out,
				   max);
}

void sinsp_evt_decode_params(const struct sinsp_evt *cevt)
{
	/* the table caches what the event's bytes say: filling it changes no value */
	struct sinsp_evt *evt = (struct sinsp_evt *)cevt;
	int n = evt_params(evt, evt->pv, SINSP_MAX_PARAMS);

	if (n < 0)
		n = 0; /* lengths overrun the record: show the event without parameters */
	if (evt->info && (uint32_t)n > evt->info->nparams)
		n = (int)evt->info->nparams;
	evt->pn = (uint32_t)n;
	evt->pdecoded = true;
}

/*
 * Remembered answers of sinsp_info_param(): (schema entry, name) -> the name's index in
 * the entry, or its absence (clone and execve exit events of older captures lack many
 * of the parameters their parser asks for: each absence was a scan of the entry). The
 * name's pointer finds the slot fast, its text (kept here) makes the answer exact even
 * when the pointer is reused for another name; names of INFO_MEMO_NAME bytes or more
 * are not remembered.
 */
#define INFO_MEMO_SLOTS 256
#define INFO_MEMO_NAME 24
struct info_memo {
	const struct scap_evt_info *info;
	const char *name;
	int32_t idx;                /* in info->params, -1: info has no parameter of that name */
	char text[INFO_MEMO_NAME];  /* the name's text */
};
static _Thread_local struct info_memo info_memo[INFO_MEMO_SLOTS];

int sinsp_info_param(const struct scap_evt_info *info, uint32_t nparams, const char *name)
{
	uintptr_t h = ((uintptr_t)info >> 4) ^ ((uintptr_t)name >> 2);
	struct info_memo *m = &info_memo[(h ^ (h >> 8)) & (INFO_MEMO_SLOTS - 1)];
	int32_t idx = -1;
	uint32_t i;
	size_t len;

	/*
	 * The first match among all of info's parameters: the first among the first nparams
	 * when it is one of them, and none there otherwise.
	 */
	if (m->info == info && m->name == name && sinsp_name_is(m->text, name))
		return m->idx >= 0 && (uint32_t)m->idx < nparams ? (int)m->idx : -1;
	for (i = 0; i < info->nparams; i++) {
		if (sinsp_name_is(info->params[i].name, name)) {
			idx = (int32_t)i;
			break;
		}
	}
	len = strlen(name);
	if (len < INFO_MEMO_NAME) {
		m->info = info;
		m->name = name;
		m->idx = idx;
		memcpy(m->text, name, len + 1);
	}
	return idx >= 0 && (uint32_t)idx < nparams ? (int)idx : -1;
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


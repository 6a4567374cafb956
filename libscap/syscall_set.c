/* SPDX-License-Identifier: Apache-2.0 */
/*
 * syscall_set.c - the syscalls behind each event type and the counting class of each
 * exit (scry/scap_syscalls.h), from the engines' own syscall map (driver/syscall_map.c,
 * compiled in here as its two tables) and the schema.
 */
#include <errno.h>
#include <string.h>

#include <scry/scap_syscalls.h>
#include "scap_int.h"

/* driver/syscall_map.c's two tables, as the probe takes them (static, u16 entries). */
typedef uint16_t u16;
#define SCAPDRV_NR_MAX 512
#define SCAPDRV_SC_TABLES_ONLY
#include "driver/syscall_map.c"

int scap_syscall_set_add_event(uint64_t *set, uint16_t type)
{
	uint16_t enter = type & ~(uint16_t)1;
	int n = 0;

	if (!set)
		return -EINVAL;
	if (enter == SCAP_EVT_GENERIC_E || type >= SCAP_EVT_MAX)
		return 0;
	for (unsigned nr = 0; nr < SCAPDRV_NR_MAX; nr++) {
		if (sc_enter_evts[nr] != enter || !sc_codes[nr])
			continue;
		scap_syscall_set_add(set, sc_codes[nr]);
		n++;
	}
	return n;
}

int scap_syscall_event_type(uint32_t code)
{
	for (unsigned nr = 0; code && nr < SCAPDRV_NR_MAX; nr++)
		if (sc_codes[nr] == code)
			return sc_enter_evts[nr];
	return -ENOENT;
}

/* recvmmsg and sendmmsg: their result counts messages, not bytes. */
static bool counts_messages(const char *name)
{
	return !strcmp(name, "recvmmsg") || !strcmp(name, "sendmmsg");
}

unsigned scap_syscall_count_class(uint16_t exit_type)
{
	const struct scap_evt_info *i;
	unsigned c;

	if (exit_type >= SCAP_EVT_MAX || scap_evt_is_enter(exit_type))
		return 0;
	i = &scap_evt_table[exit_type];
	if (!i->name || (i->flags & SCAP_EF_UNUSED) ||
	    (i->category & (SCAP_EC_INTERNAL | SCAP_EC_METAEVENT | SCAP_EC_SCHEDULER)))
		return 0;
	if (exit_type == SCAP_EVT_GENERIC_X || i->nparams == 0)
		return SCAP_COUNT_CALL;
	if (strcmp(i->params[0].name, "res") &&
	    !(!strcmp(i->params[0].name, "fd") && i->params[0].type == SCAP_PT_FD))
		return 0;
	c = SCAP_COUNT_CALL | SCAP_COUNT_RES;
	if (!counts_messages(i->name)) {
		if (i->flags & SCAP_EF_READS_FROM_FD)
			c |= SCAP_COUNT_READ;
		if (i->flags & SCAP_EF_WRITES_TO_FD)
			c |= SCAP_COUNT_WRITE;
	}
	return c;
}

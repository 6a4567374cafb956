/* SPDX-License-Identifier: Apache-2.0 */
/*
 * rules_syscalls.c - the syscalls whose events the selected rules can match
 * (sinsp_rules_syscalls()), from the index the compile built: each key of it (an event
 * type, or a generic event's direction and syscall code) that lists a selected rule;
 * and of those, the syscalls whose events on a TCP socket they can match
 * (sinsp_rules_syscalls_tcp(): the conditions evaluated with fd.l4proto = tcp,
 * filter/filter_assume.c).
 */
#include <errno.h>

#include <scry/scap_syscalls.h>
#include "filter/filter.h"
#include "rules/rules.h"

/* Whether key @k of the index lists a rule that evaluates (@tcp: and that can match an
 * event of that key on a TCP socket). */
static bool key_selected(const struct sinsp_rules *r, unsigned k, bool tcp)
{
	for (uint32_t i = 0; i < r->by_type_n[k]; i++) {
		const struct rl_rule *rule = &r->rules[r->by_type[k][i]];

		if (rule->selected && (!tcp || !rule->filter || flt_may_match_tcp(rule->filter, k)))
			return true;
	}
	return false;
}

static int rules_syscalls(const struct sinsp_rules *r, uint64_t *set, bool tcp)
{
	unsigned k;

	if (!r || !set)
		return -EINVAL;
	if (!r->compiled)
		return -EAGAIN;
	if (!r->compile_ok || !r->by_type)
		return 0;
	for (k = 0; k < FLT_KEYS; k++) {
		if (!r->by_type_n[k] || !key_selected(r, k, tcp))
			continue;
		if (k < SCAP_EVT_MAX) {
			/* sinsp_rules_eval() skips these types unless all events evaluate */
			if (!r->all_events && (scap_evt_table[k].flags & SCAP_EF_DROP_SIMPLE_CONS))
				continue;
			scap_syscall_set_add_event(set, (uint16_t)k);
			continue;
		}
		/* a generic event of code id (SCAP_SC_MAX: any code past the table): only
		 * the syscalls that make generic events here (the others' events are types
		 * of their own, whose keys decide) */
		unsigned id = (k - SCAP_EVT_MAX) % (SCAP_SC_MAX + 1);
		unsigned last = id < SCAP_SC_MAX ? id : SCAP_SYSCALL_SET_WORDS * 64 - 1;

		for (; id <= last; id++)
			if (scap_syscall_event_type(id) == SCAP_EVT_GENERIC_E)
				scap_syscall_set_add(set, id);
	}
	return 0;
}

int sinsp_rules_syscalls(const struct sinsp_rules *r, uint64_t *set)
{
	return rules_syscalls(r, set, false);
}

int sinsp_rules_syscalls_tcp(const struct sinsp_rules *r, uint64_t *set)
{
	return rules_syscalls(r, set, true);
}

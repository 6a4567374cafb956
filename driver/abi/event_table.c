/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * event_table.c - scap_evt_table: every event type of the scap format, indexed by
 * enum scap_evt_type.
 *
 * The entries live in event_table_NNN_MMM.c, by event number range, and are pulled in
 * here so that the whole table is one array. For each event: the name sysdig prints,
 * the category, the SCAP_EF_* flags and the parameters in the order they appear in
 * the record.
 *
 * Source of the facts: events 0..335 are those of the scap format read by sysdig 0.29.3
 * (falcosecurity/libs of March 2022): names, types, print formats and flags agree with
 * what that release prints and lists with `sysdig -L`. Events 336..425 were added to
 * the format later and follow falcosecurity/libs as of 2024, with two normalisations:
 * categories carry only the syscall category (no event-source bits, as in 0.29.3), and
 * an unused exit event repeats the name of its enter event. Parameters that later
 * versions appended to events 0..335 are not listed (sysdig 0.29.3 ignores them too); a
 * decoder must accept records with more parameters than nparams.
 *
 * One correction to the format definition: the "name" parameter of openat2's enter
 * event is relative to parameter 0 (dirfd); the upstream table pointed it at itself.
 */
#include "scap_events.h"

#define SCAP_EVT_TABLE_BODY

const struct scap_evt_info scap_evt_table[SCAP_EVT_MAX] = {
#include "event_table_000_157.c"
#include "event_table_158_291.c"
#include "event_table_292_425.c"
};

#undef SCAP_EVT_TABLE_BODY

_Static_assert(sizeof(scap_evt_table) / sizeof(scap_evt_table[0]) == SCAP_EVT_MAX,
	       "scap_evt_table has one entry per event type");

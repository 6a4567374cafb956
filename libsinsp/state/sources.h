/* SPDX-License-Identifier: Apache-2.0 */
/*
 * state/sources.h - captures that merge several sources (hosts read back from a bus):
 * each source's threads, users and interfaces are kept apart, since their ids may be
 * equal (every host has a pid 1 and a uid 1000).
 */
#ifndef SINSP_STATE_SOURCES_H
#define SINSP_STATE_SOURCES_H

#include "state/inspector.h"

/* At most this many sources are kept apart; events of further ones count as the first
 * source's (the stream engine reads at most 64 hosts). */
#define SINSP_MAX_SOURCES 256

/*
 * Load the initial state @st (scap_get_state()): threads, users, groups and interfaces,
 * each source's own when @st has several (scap_state.sources), else @st's as one.
 * Return: 0; -E2BIG more than SINSP_MAX_SOURCES sources; -ENOMEM (message in
 * s->errbuf).
 */
int sinsp_sources_load_state(struct sinsp *s, const struct scap_state *st);

/*
 * Merge @st, a later state of the current source (scap_get_state_update(), entered
 * with sinsp_source_enter()), into the tables: the threads (with their fds), users
 * and groups they lack are added, those they have stay as the events built them.
 * Return: 0; -ENOMEM (message in s->errbuf).
 */
int sinsp_sources_merge_state(struct sinsp *s, const struct scap_state *st);

/* The index of source @name (its keys: sinsp_thread_key()); -1 when no source has that
 * name. A capture of one source: NULL is its index 0. */
long sinsp_source_index(const struct sinsp *s, const char *name);

/* sinsp_source_enter()'s slow path: @name differs from the current source's. */
void sinsp_source_switch(struct sinsp *s, const char *name);

/* Make @name (scap_evt_source() of the event just read; NULL: none) the current source:
 * s->cur_src and the interfaces follow it. Costs a compare when it did not change. */
static inline void sinsp_source_enter(struct sinsp *s, const char *name)
{
	if (s->nsrcs && name != s->srcs[s->cur_src].name)
		sinsp_source_switch(s, name);
}

/* Free the sources' list (sinsp_close()). */
void sinsp_sources_free(struct sinsp *s);

#endif /* SINSP_STATE_SOURCES_H */

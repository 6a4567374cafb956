/* SPDX-License-Identifier: Apache-2.0 */
/*
 * sources.c - captures that merge several sources (sources.h): the source of each event
 * selects the keys its threads and users are found under (sinsp_thread_key()) and the
 * interfaces fd.is_server and the like compare against.
 */
#include <stdlib.h>
#include <string.h>

#include "state/sources.h"
#include "state/threads.h"
#include "state/users.h"

static void use_source(struct sinsp *s, uint32_t i)
{
	s->cur_src = i;
	s->ifv4 = s->srcs[i].ifv4;
	s->nifv4 = s->srcs[i].nifv4;
	s->ifv6 = s->srcs[i].ifv6;
	s->nifv6 = s->srcs[i].nifv6;
}

long sinsp_source_index(const struct sinsp *s, const char *name)
{
	for (uint32_t i = 0; i < s->nsrcs; i++)
		if (s->srcs[i].name == name ||
		    (name && s->srcs[i].name && strcmp(s->srcs[i].name, name) == 0))
			return i;
	return !s->nsrcs && !name ? 0 : -1;
}

void sinsp_source_switch(struct sinsp *s, const char *name)
{
	long i = sinsp_source_index(s, name);

	if (i >= 0 && s->nsrcs) {
		use_source(s, (uint32_t)i);
		return;
	}
	/* a source the initial state did not name: its own keys, no interfaces */
	if (s->nsrcs < SINSP_MAX_SOURCES) {
		struct sinsp_source *g = realloc(s->srcs, (s->nsrcs + 1) * sizeof(*g));

		if (g) {
			s->srcs = g;
			memset(&g[s->nsrcs], 0, sizeof(*g));
			g[s->nsrcs].name = name;
			use_source(s, s->nsrcs++);
			return;
		}
	}
	use_source(s, 0);
}

/* The threads and users of @st, under the current source (s->cur_src). */
static int load_one(struct sinsp *s, const struct scap_state *st)
{
	int rc = sinsp_thread_load_state(s, st, false);

	return rc ? rc : sinsp_users_load_state(s, st);
}

int sinsp_sources_merge_state(struct sinsp *s, const struct scap_state *st)
{
	/* users and groups: the first entry of an id wins, so only new ones are added */
	int rc = sinsp_thread_load_state(s, st, true);

	return rc ? rc : sinsp_users_load_state(s, st);
}

int sinsp_sources_load_state(struct sinsp *s, const struct scap_state *st)
{
	uint32_t i;
	int rc;

	if (!st->sources || st->nsources < 2) {
		s->ifv4 = st->ifv4;
		s->nifv4 = st->nifv4;
		s->ifv6 = st->ifv6;
		s->nifv6 = st->nifv6;
		return load_one(s, st);
	}
	if (st->nsources > SINSP_MAX_SOURCES)
		return sinsp_err(s, -E2BIG, "%u sources: at most %u are kept apart", st->nsources,
				 SINSP_MAX_SOURCES);
	s->srcs = calloc(st->nsources, sizeof(*s->srcs));
	if (!s->srcs)
		return sinsp_err(s, -ENOMEM, "sources");
	s->nsrcs = st->nsources;
	for (i = 0; i < st->nsources; i++) {
		const struct scap_state *o = &st->sources[i];

		s->srcs[i] = (struct sinsp_source){ .name = o->source, .ifv4 = o->ifv4,
						    .nifv4 = o->nifv4, .ifv6 = o->ifv6,
						    .nifv6 = o->nifv6 };
		use_source(s, i);
		rc = load_one(s, o);
		if (rc)
			return rc;
	}
	use_source(s, 0);
	return 0;
}

void sinsp_sources_free(struct sinsp *s)
{
	free(s->srcs);
	s->srcs = NULL;
	s->nsrcs = 0;
	s->cur_src = 0;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * summary.c - scry -S: the count of events of each type and direction, printed when
 * the capture ends, as sysdig's -S prints it (its header and column widths, sysdig
 * 0.29.3). Counted are the events -n counts (sinsp_evt_is_counted()).
 */
#include <stdlib.h>
#include <string.h>

#include "summary.h"

/*
 * One row per event type number and name, as sysdig's: two versions of an event that
 * share a name and direction (the JSON and the fixed-parameter "> container") are two
 * rows, and the generic event has a row per system call it stands for.
 */
struct summary_row {
	uint16_t type;
	const char *name;        /* sinsp_evt_type_name(): static storage */
	char dir;                /* '>' or '<' */
	uint64_t n;
	size_t first;            /* order of first sight: sysdig's order among equal counts
	                            is its sort's, unspecified; scry's is first seen first */
};

int scry_summary_add(struct scry_summary *sm, const struct sinsp_evt *evt)
{
	uint16_t type = sinsp_evt_type(evt);
	const char *name = sinsp_evt_type_name(evt);
	struct summary_row *r;
	size_t i;

	/* names are static strings: the last row hit is the likely one */
	if (sm->last < sm->n && sm->rows[sm->last].type == type && sm->rows[sm->last].name == name) {
		sm->rows[sm->last].n++;
		return 0;
	}
	for (i = 0; i < sm->n; i++) {
		if (sm->rows[i].type == type && strcmp(sm->rows[i].name, name) == 0) {
			sm->rows[i].n++;
			sm->last = i;
			return 0;
		}
	}
	if (sm->n == sm->cap) {
		size_t cap = sm->cap ? sm->cap * 2 : 64;

		r = realloc(sm->rows, cap * sizeof(*r));
		if (!r)
			return -1;
		sm->rows = r;
		sm->cap = cap;
	}
	sm->rows[sm->n] = (struct summary_row){
		.type = type, .name = name,
		.dir = sinsp_evt_dir(evt) == SINSP_EVT_DIR_ENTER ? '>' : '<', .n = 1, .first = sm->n };
	sm->last = sm->n++;
	return 0;
}

static int by_count(const void *a, const void *b)
{
	const struct summary_row *x = a, *y = b;

	if (x->n != y->n)
		return x->n < y->n ? 1 : -1;
	return x->first < y->first ? -1 : x->first > y->first;
}

void scry_summary_print(struct scry_summary *sm, FILE *f)
{
	size_t i;

	if (sm->n)
		qsort(sm->rows, sm->n, sizeof(*sm->rows), by_count);
	fputs("----------------------\nEvent           #Calls\n----------------------\n", f);
	for (i = 0; i < sm->n; i++)
		fprintf(f, "%c %-16s%" PRIu64 "\n", sm->rows[i].dir, sm->rows[i].name, sm->rows[i].n);
}

void scry_summary_free(struct scry_summary *sm)
{
	free(sm->rows);
	memset(sm, 0, sizeof(*sm));
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * summary.h - scry -S: events counted by type and direction, printed at the end.
 */
#ifndef SCRY_SUMMARY_H
#define SCRY_SUMMARY_H

#include <inttypes.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <scry/sinsp_evt.h>

struct summary_row;

/* Zero-initialised before the first add; scry_summary_free() releases it. */
struct scry_summary {
	struct summary_row *rows;
	size_t n, cap, last;
};

/* Count @evt under its type name and direction. Return 0, -1 out of memory. */
int scry_summary_add(struct scry_summary *sm, const struct sinsp_evt *evt);

/*
 * Print sysdig's -S table on @f: a header, then "DIR NAME COUNT" rows, most frequent
 * first (equal counts in the order first seen). Sorts the rows in place.
 */
void scry_summary_print(struct scry_summary *sm, FILE *f);

void scry_summary_free(struct scry_summary *sm);

#endif /* SCRY_SUMMARY_H */

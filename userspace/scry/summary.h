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

/*
 * Whether -n and -S count @evt, as sysdig counts the events its inspector returns: the
 * hidden state events a capture starts with too, but neither the users and groups of
 * its header (no events in sysdig, numbered 0 here) nor its container events (sysdig
 * 0.29.3 numbers them but does not return them).
 */
bool scry_counted(const struct sinsp_evt *evt);

/* Count @evt under its type name and direction. Return 0, -1 out of memory. */
int scry_summary_add(struct scry_summary *sm, const struct sinsp_evt *evt);

/*
 * Print sysdig's -S table on @f: a header, then "DIR NAME COUNT" rows, most frequent
 * first (equal counts in the order first seen). Sorts the rows in place.
 */
void scry_summary_print(struct scry_summary *sm, FILE *f);

void scry_summary_free(struct scry_summary *sm);

#endif /* SCRY_SUMMARY_H */

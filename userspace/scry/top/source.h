/* SPDX-License-Identifier: Apache-2.0 */
/*
 * source.h - where scry top's rows come from: a capture file or live capture, read
 * through libsinsp, cut into intervals and measured by libsinsp's metrics
 * (<scry/sinsp_metrics.h>); each closed interval becomes one table per view (model.h).
 */
#ifndef SCRY_TOP_SOURCE_H
#define SCRY_TOP_SOURCE_H

#include <stdbool.h>
#include <stdint.h>

#include "model.h"
#include "views.h"

struct scry_live_opts;

struct top_source_opts {
	const char *read_path;          /* -r; NULL: live */
	const struct scry_live_opts *live; /* live: engine and runtime options */
	const char *filter;             /* only the events it matches are measured; NULL */
	uint64_t interval_ns;           /* -d */
};

/* The interval the tables hold. */
struct top_interval {
	uint64_t index;                 /* 0 for the first */
	uint64_t start_ns, end_ns;      /* event time, ns since the epoch */
	uint64_t events;                /* events measured in it */
	const char *cpu_source;         /* where CPU figures come from ("cgroup", "procfs",
	                                   "engine", "none") */
	bool valid;                     /* false before the first interval closed */
};

struct top_source;

/*
 * Open the capture file or the live engine (live: started, capabilities dropped) and
 * compile the filter. On failure the message is on stderr.
 * Return: 0; the exit status: 1 runtime error, 2 a bad filter or engine name.
 */
int top_source_open(const struct top_source_opts *o, struct top_source **out);

/*
 * Read on until the next interval closes, and put it into @tables (TOP_NVIEWS tables,
 * replaced) and @iv. A file is read as fast as it goes; live, reading stops after
 * @timeout_ms without a closed interval (so that keys are seen).
 * Return: 1 an interval is in @tables; 0 none yet (live); 2 the end of the capture
 * (the last, partial interval was returned before); -1 a read error (message on stderr)
 * or out of memory.
 */
int top_source_next(struct top_source *src, struct top_table *tables, struct top_interval *iv,
		    int timeout_ms);

/* Whether the source is a capture file. */
bool top_source_is_file(const struct top_source *src);

/* The source's name for the header: the file's path, or "live system (ENGINE)". */
const char *top_source_name(const struct top_source *src);

/* Close and free; NULL is ignored. */
void top_source_close(struct top_source *src);

#endif /* SCRY_TOP_SOURCE_H */

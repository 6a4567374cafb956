/* SPDX-License-Identifier: Apache-2.0 */
/*
 * outputs.h - the outputs scryd's configuration enables, as one set: opened before
 * capture, run once capabilities are dropped, each alert formatted once per format and
 * handed to each, their counters read (the Prometheus endpoint) and logged at exit.
 */
#ifndef SCRYD_OUTPUTS_H
#define SCRYD_OUTPUTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <scry/sinsp_rules.h>

#include "config.h"
#include "output.h"

struct scryd_outputs;

/* At most this many outputs: stdout, file, syslog, program, http. */
#define SCRYD_OUTPUTS_MAX 5

/* One output's counters, for scryd_outputs_stats(). */
struct scryd_output_counters {
	const char *kind;   /* "stdout", "file", "syslog", "program", "http" */
	const char *name;   /* "stdout", the file's path, "syslog", "program", the URL */
	struct scryd_output_stats st;
};

/*
 * Open the outputs @c enables (none runs yet). Return 0, or 1 with the reason on stderr
 * ("scryd: WHAT: why"); *@out is then NULL.
 */
int scryd_outputs_open(const struct scryd_config *c, struct scryd_outputs **out);

/* Start each output's writer thread (after capabilities are dropped). Return 0 or 1 (logged). */
int scryd_outputs_run(struct scryd_outputs *set);

/*
 * Format alert @a of an event at @ts (ns since the epoch) for host @host and hand it to
 * each output (@wait: wait for room, else drop when a queue is full). Capture thread
 * only. Return the number of outputs it could not be formatted for (out of memory).
 */
unsigned scryd_outputs_emit(struct scryd_outputs *set, const struct sinsp_rules_alert *a,
			    uint64_t ts, const char *host, bool wait);

/*
 * The alert scryd_outputs_emit() was last given, in Falco's JSON (formatted now if no
 * output took JSON; @a, @ts and @host must be that call's). *@json (*@len bytes, its
 * newline included) is @set's buffer, valid until the next emit. Capture thread only.
 * Return 0, or -1 (out of memory).
 */
int scryd_outputs_json(struct scryd_outputs *set, const struct sinsp_rules_alert *a,
		       uint64_t ts, const char *host, const char **json, size_t *len);

/*
 * Hand @line (@len bytes, its newline included; copied) as it is to the output of kind
 * @kind ("stdout", "file", ...: the metrics snapshots), when that output is open (@wait:
 * wait for room, else drop when its queue is full). Capture thread only. No-op when no
 * output of that kind is open.
 */
void scryd_outputs_push_line(struct scryd_outputs *set, const char *kind, const char *line,
			     size_t len, bool wait);

/*
 * The counters of each output now, in @out (@max entries): names owned by @set, valid
 * until scryd_outputs_close(). Any thread. Return the number of outputs (may exceed @max).
 */
size_t scryd_outputs_stats(struct scryd_outputs *set, struct scryd_output_counters *out,
			   size_t max);

/*
 * Close each output (queued alerts written, files synced), log its counters, free @set
 * (NULL ignored). Return 0, or 1 when an output lost alerts to errors or could not finish.
 */
int scryd_outputs_close(struct scryd_outputs *set);

#endif /* SCRYD_OUTPUTS_H */

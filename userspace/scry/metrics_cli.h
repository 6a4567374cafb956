/* SPDX-License-Identifier: Apache-2.0 */
/*
 * metrics_cli.h - scry -r FILE --metrics[=INTERVAL]: the per-interval figures of the
 * host, each container and its busiest processes from a capture (<scry/sinsp_metrics.h>),
 * as a table a interval (or, with -j, scryd's JSON snapshot lines).
 */
#ifndef SCRY_METRICS_CLI_H
#define SCRY_METRICS_CLI_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>

#include <scry/sinsp.h>
#include <scry/sinsp_filter.h>

struct scry_metrics_cli_opts {
	uint64_t interval_ns;    /* --metrics=INTERVAL; 1 s by default */
	bool json;               /* -j: JSON lines (metrics_out.h) */
	unsigned top_n;          /* processes listed per container */
	const char *source;      /* the capture file, named in read errors */
	bool unbuffered;         /* --unbuffered: stdout flushed after every interval */
};

/*
 * Parse @arg ("500ms", "2s", "1m", or a number of seconds) into *@ns (1 ms .. 1 h).
 * Return: true; false with a message on stderr.
 */
bool scry_metrics_interval_parse(const char *arg, uint64_t *ns);

/*
 * Read @s to its end, counting the events @filter matches (NULL: all), and print each
 * interval on stdout as it closes, the last partial one at the end. A capture without
 * CPU figures (no procinfo events) shows CPU as "-" (JSON: null) and says so on stderr.
 * Return: 0; 1 a read error or stdout could not be written.
 */
int scry_metrics_print(sinsp_t *s, struct sinsp_filter *filter,
		       const struct scry_metrics_cli_opts *o, volatile sig_atomic_t *stop);

#endif /* SCRY_METRICS_CLI_H */

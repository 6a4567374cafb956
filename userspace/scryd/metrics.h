/* SPDX-License-Identifier: Apache-2.0 */
/*
 * metrics.h - scryd's per-container metrics and spike alerts: the configuration
 * (key `metrics` of scryd.yaml, read by config_metrics.c) and the run-time part that
 * feeds <scry/sinsp_metrics.h> with the events, writes a JSON snapshot (metrics_out.h)
 * to the configured outputs each interval and turns spikes into alerts.
 */
#ifndef SCRYD_METRICS_H
#define SCRYD_METRICS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <scry/sinsp.h>
#include <scry/sinsp_metrics.h>
#include <scry/sinsp_rules.h>

/* Spike settings of one figure (SINSP_METRIC_*). */
struct scryd_spike_config {
	bool enabled;
	double k;                   /* standard deviations */
	uint32_t intervals;         /* anomalous intervals in a row */
	uint32_t warmup;            /* intervals learnt first */
	double alpha;               /* weight of a new interval */
	double min;                 /* smallest rate that can be a spike (figure's unit / s;
	                               CPU: cores; memory: bytes) */
	int priority;               /* enum sinsp_priority */
};

struct scryd_metrics_config {
	bool enabled;               /* metrics.enabled */
	uint64_t interval_ns;       /* metrics.interval */
	uint32_t top_processes;     /* metrics.top_processes: per container in snapshots */
	bool sample_processes;      /* metrics.sample_processes: /proc of each process */
	bool to_stdout, to_file;    /* metrics.outputs: where snapshots go */
	bool to_bus;                /* and the bus (bus.url with bus.metrics: main.c sets it) */
	struct scryd_spike_config spikes[SINSP_METRIC_COUNT];
};

/* The defaults (the values scryd.yaml documents). */
void scryd_metrics_config_defaults(struct scryd_metrics_config *c);

/* Where the metrics go: main.c's outputs. */
struct scryd_metrics_sink {
	/* a spike alert, as emit_alert() takes a rule's */
	void (*alert)(void *ctx, const struct sinsp_rules_alert *a, uint64_t ts);
	/* a snapshot line (newline included) for the outputs of metrics.outputs */
	void (*snapshot)(void *ctx, const char *line, size_t len);
	void *ctx;
	/* optional: each closed interval, before the snapshot and the spikes, for other
	 * consumers of the figures (an HTTP endpoint copies what it serves here, under its
	 * own lock: the library's views are valid during the call only); NULL: none */
	void (*interval)(void *ctx, struct sinsp_metrics *m);
};

struct scryd_metrics;

/*
 * Start computing metrics on @s (nothing when c->enabled is false: *out NULL). @live:
 * read the cgroups and /proc (a replay does not). @host: the hostname of snapshots
 * (kept). Return: 0; -ENOMEM (logged).
 */
int scryd_metrics_start(sinsp_t *s, const struct scryd_metrics_config *c, bool live,
			const char *host, const struct scryd_metrics_sink *sink,
			struct scryd_metrics **out);

/* Count @evt (every event sinsp_next() returned). NULL @x is ignored. */
void scryd_metrics_event(struct scryd_metrics *x, struct sinsp_evt *evt);

/* Live, no event came: close the intervals the wall clock has passed. */
void scryd_metrics_idle(struct scryd_metrics *x);

/* The end of a replay: report the last, partial interval. */
void scryd_metrics_end(struct scryd_metrics *x);

/* The library handle (for other consumers of the figures); NULL when off. */
struct sinsp_metrics *scryd_metrics_handle(struct scryd_metrics *x);

/* Log the counters (snapshots, spikes) and free. NULL is ignored. */
void scryd_metrics_free(struct scryd_metrics *x);

#endif /* SCRYD_METRICS_H */

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * metrics_out.h - the metrics of an interval (<scry/sinsp_metrics.h>) as scry and scryd
 * print them, and a spike as an alert (compiled into each tool; not a library API).
 *
 * JSON snapshot, one line an interval (keys in this order; numbers bare):
 *   {"type":"metrics","hostname":H,"time":"2026-12-07T13:00:01.000000000Z",
 *    "start_ns":N,"end_ns":N,"interval_s":1.0,"index":N,"events":N,
 *    "host":ENTITY,"containers":[ENTITY + "id","name","image","container_type",
 *    "nprocesses","exited","top_processes":[PROCESS...]]...]}
 *   ENTITY:  {"cpu_source":"cgroup|procfs|engine|none","memory_source":...,
 *             "delta":{FIGURES},"total":{FIGURES}}
 *   FIGURES: "cpu_ns","memory_bytes","syscalls","syscall_errors","file_read_bytes",
 *            "file_write_bytes","net_in_bytes","net_out_bytes","connections",
 *            "processes","files_opened" (sinsp_metric_name()); delta: the interval's
 *            amount (memory: its value at the end), total: since the entity was first
 *            seen (monotonic; memory: as delta). cpu_ns is null where cpu_source is
 *            "none", memory_bytes null where memory_source is "none".
 *   PROCESS: {"pid":N,"comm":S,"exe":S,"cpu_source":..., "delta":{FIGURES}}
 *   "time" is end_ns in UTC; rates are delta / interval_s.
 *
 * Spike alert (the JSON of scry_alert_print(), Falco's): rule sinsp_metrics_spike_rule(),
 * source "metrics", tags ["container","metrics","spike"], output
 *   "CPU spike in container web (id=0123456789ab image=busybox:latest): 0.98 cores,
 *    baseline 0.01 cores (stddev 0.00, threshold 0.50, 2 intervals)"
 * output_fields {"container.id","container.image","container.name","evt.time",
 *   "spike.intervals","spike.mean","spike.metric","spike.stddev","spike.threshold",
 *   "spike.unit","spike.value"} (keys sorted, as Falco's).
 */
#ifndef SCRY_METRICS_OUT_H
#define SCRY_METRICS_OUT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <scry/sinsp_metrics.h>
#include <scry/sinsp_rules.h>

/*
 * One JSON line (newline included) of the interval that closed last on @m; the
 * @top_n processes of each container by CPU (else syscalls when CPU is not available).
 * @host: the "hostname" value. A capture that merges several hosts gives a line for
 * each host (sinsp_metrics_host_foreach()), its "hostname" the host's name, with that
 * host's figures and containers. Return: 0; -ENOENT no interval yet; -ENOMEM.
 */
int scry_metrics_json(FILE *f, struct sinsp_metrics *m, const char *host, unsigned top_n);

/*
 * The interval as a table: a heading line with its time, the host's row, a row a
 * container (busiest CPU first), each followed by its @top_n processes; rates per second.
 * A capture that merges several hosts: each host's row (NAME: the host) followed by
 * its own containers.
 * Return: 0; -ENOENT no interval yet; -ENOMEM.
 */
int scry_metrics_text(FILE *f, struct sinsp_metrics *m, unsigned top_n);

/* A spike as an alert; strings owned by it (scry_spike_alert_free()). */
struct scry_spike_alert {
	struct sinsp_rules_alert a;
	char *output, *fields;
};

/* Fill @out from @sp. Return: 0; -ENOMEM. */
int scry_spike_alert_make(const struct sinsp_metrics_spike *sp, struct scry_spike_alert *out);
void scry_spike_alert_free(struct scry_spike_alert *a);

#endif /* SCRY_METRICS_OUT_H */

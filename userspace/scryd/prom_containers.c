/* SPDX-License-Identifier: Apache-2.0 */
/*
 * prom_containers.c - the per-container and host figures of libsinsp's metrics
 * (<scry/sinsp_metrics.h>) in the text exposition format, for scryd's /metrics.
 *
 * Each figure of enum sinsp_metric is a family: scry_container_<figure>_total for a
 * counter (its total[], since the container was first seen), scry_container_<figure>
 * for a gauge (memory); CPU time is converted from ns to seconds
 * (scry_container_cpu_seconds_total), the base unit promtool asks for. Labels
 * container_id, container_name, image. The host's figures are the scry_host_ families,
 * without labels. A CPU or memory figure whose source is "none" (not available: a
 * capture without procinfo events, a cgroup that could not be read) is left out rather
 * than shown as 0.
 */
#include <stdio.h>
#include <string.h>

#include <scry/sinsp_metrics.h>

#include "prom_containers.h"

struct fam {
	struct scryd_prom_text *t;
	enum sinsp_metric metric;
	char name[96];
	bool gauge;
};

/* The family name of @metric for @prefix ("scry_container" or "scry_host"). */
static void family_name(struct fam *f, const char *prefix)
{
	const char *m = sinsp_metric_name(f->metric);

	f->gauge = sinsp_metric_is_gauge(f->metric);
	if (f->metric == SINSP_METRIC_CPU_NS)
		snprintf(f->name, sizeof(f->name), "%s_cpu_seconds_total", prefix);
	else
		snprintf(f->name, sizeof(f->name), "%s_%s%s", prefix, m, f->gauge ? "" : "_total");
}

static const char *const help[SINSP_METRIC_COUNT] = {
	[SINSP_METRIC_CPU_NS] = "CPU time, user and system, seconds",
	[SINSP_METRIC_MEMORY_BYTES] = "memory in use, bytes",
	[SINSP_METRIC_SYSCALLS] = "system calls",
	[SINSP_METRIC_SYSCALL_ERRORS] = "system calls that failed",
	[SINSP_METRIC_FILE_READ_BYTES] = "bytes read from files",
	[SINSP_METRIC_FILE_WRITE_BYTES] = "bytes written to files",
	[SINSP_METRIC_NET_IN_BYTES] = "bytes received on IP sockets",
	[SINSP_METRIC_NET_OUT_BYTES] = "bytes sent on IP sockets",
	[SINSP_METRIC_CONNECTIONS] = "connections opened, in and out",
	[SINSP_METRIC_PROCESSES] = "processes started",
	[SINSP_METRIC_FILES_OPENED] = "files opened",
};

/* Whether @v has a meaningful value of f->metric. */
static bool available(const struct fam *f, const struct sinsp_metrics_values *v)
{
	if (f->metric == SINSP_METRIC_CPU_NS)
		return v->cpu_source != SINSP_METRICS_SRC_NONE;
	if (f->metric == SINSP_METRIC_MEMORY_BYTES)
		return v->mem_source != SINSP_METRICS_SRC_NONE;
	return true;
}

static void sample(struct fam *f, const struct scryd_prom_label *l, size_t n,
		   const struct sinsp_metrics_values *v)
{
	uint64_t x = f->gauge ? v->delta[f->metric] : v->total[f->metric];

	if (f->metric == SINSP_METRIC_CPU_NS)
		scryd_prom_text_double(f->t, f->name, l, n, (double)x / 1e9);
	else
		scryd_prom_text_u64(f->t, f->name, l, n, x);
}

static int container_sample(const struct sinsp_metrics_container *c, void *ctx)
{
	struct fam *f = ctx;
	struct scryd_prom_label l[3] = {
		{ "container_id", c->id }, { "container_name", c->name }, { "image", c->image },
	};

	if (available(f, &c->v))
		sample(f, l, 3, &c->v);
	return 0;
}

static int count_container(const struct sinsp_metrics_container *c, void *ctx)
{
	(void)c;
	(*(size_t *)ctx)++;
	return 0;
}

static int container_nprocs(const struct sinsp_metrics_container *c, void *ctx)
{
	struct scryd_prom_label l[3] = {
		{ "container_id", c->id }, { "container_name", c->name }, { "image", c->image },
	};

	scryd_prom_text_u64(ctx, "scry_container_n_processes", l, 3, c->nprocesses);
	return 0;
}

void scryd_prom_containers(struct scryd_prom_text *t, struct sinsp_metrics *m)
{
	struct sinsp_metrics_interval_info ii = { .sz = sizeof(ii) };
	struct sinsp_metrics_container host = { .sz = sizeof(host) };
	struct fam f = { .t = t };
	char h[160];
	size_t n = 0;
	int i;

	if (!m || sinsp_metrics_interval(m, &ii))
		return; /* no interval closed yet: no figures */
	scryd_prom_text_family(t, "scry_metrics_interval_end_timestamp_seconds", SCRYD_PROM_GAUGE,
			       "end of the interval the container and host figures are of, seconds "
			       "since the epoch (event time)");
	scryd_prom_text_double(t, "scry_metrics_interval_end_timestamp_seconds", NULL, 0,
			       (double)ii.end_ns / 1e9);
	sinsp_metrics_container_foreach(m, count_container, &n);
	scryd_prom_text_family(t, "scry_metrics_n_containers", SCRYD_PROM_GAUGE,
			       "containers with figures in the last interval");
	scryd_prom_text_u64(t, "scry_metrics_n_containers", NULL, 0, n);
	for (i = 0; i < SINSP_METRIC_COUNT; i++) {
		f.metric = (enum sinsp_metric)i;
		family_name(&f, "scry_container");
		snprintf(h, sizeof(h), "each container's %s%s", help[i] ? help[i] : sinsp_metric_name(f.metric),
			 f.gauge ? " (at the end of the last interval)" : " since it was first seen");
		scryd_prom_text_family(t, f.name, f.gauge ? SCRYD_PROM_GAUGE : SCRYD_PROM_COUNTER, h);
		sinsp_metrics_container_foreach(m, container_sample, &f);
	}
	scryd_prom_text_family(t, "scry_container_n_processes", SCRYD_PROM_GAUGE,
			       "each container's processes alive at the end of the last interval");
	sinsp_metrics_container_foreach(m, container_nprocs, t);
	if (sinsp_metrics_host(m, &host))
		return;
	for (i = 0; i < SINSP_METRIC_COUNT; i++) {
		f.metric = (enum sinsp_metric)i;
		family_name(&f, "scry_host");
		if (!available(&f, &host.v))
			continue;
		snprintf(h, sizeof(h), "the host's %s (every process, in containers or not)%s",
			 help[i] ? help[i] : sinsp_metric_name(f.metric),
			 f.gauge ? ", at the end of the last interval" : "");
		scryd_prom_text_family(t, f.name, f.gauge ? SCRYD_PROM_GAUGE : SCRYD_PROM_COUNTER, h);
		sample(&f, NULL, 0, &host.v);
	}
}

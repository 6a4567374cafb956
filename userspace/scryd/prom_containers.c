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
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <scry/sinsp_metrics.h>

#include "prom_containers.h"

/* A container's labels (rendered once) and figures, copied in one pass. */
struct row {
	char *labels;
	uint32_t nprocesses;
	struct sinsp_metrics_values v;
};

struct rows {
	struct row *r;
	size_t n, cap;
	int err;
};

static int collect(const struct sinsp_metrics_container *c, void *ctx)
{
	struct rows *rs = ctx;
	struct scryd_prom_label l[3] = {
		{ "container_id", c->id }, { "container_name", c->name }, { "image", c->image },
	};
	struct row *r;

	if (rs->n == rs->cap) {
		size_t cap = rs->cap ? 2 * rs->cap : 64;

		r = realloc(rs->r, cap * sizeof(*r));
		if (!r)
			return rs->err = -ENOMEM;
		rs->r = r;
		rs->cap = cap;
	}
	r = &rs->r[rs->n];
	rs->err = scryd_prom_labelset_make(l, 3, &r->labels);
	if (rs->err)
		return rs->err;
	r->nprocesses = c->nprocesses;
	r->v = c->v;
	rs->n++;
	return 0;
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

/* The family of @m for @prefix ("scry_container" or "scry_host"): its name in @name
 * (@size bytes), whether a gauge. */
static bool family_name(enum sinsp_metric m, const char *prefix, char *name, size_t size)
{
	bool gauge = sinsp_metric_is_gauge(m);

	if (m == SINSP_METRIC_CPU_NS)
		snprintf(name, size, "%s_cpu_seconds_total", prefix);
	else
		snprintf(name, size, "%s_%s%s", prefix, sinsp_metric_name(m), gauge ? "" : "_total");
	return gauge;
}

/* Whether @v has a meaningful value of @m (CPU and memory need a source). */
static bool available(enum sinsp_metric m, const struct sinsp_metrics_values *v)
{
	if (m == SINSP_METRIC_CPU_NS)
		return v->cpu_source != SINSP_METRICS_SRC_NONE;
	if (m == SINSP_METRIC_MEMORY_BYTES)
		return v->mem_source != SINSP_METRICS_SRC_NONE;
	return true;
}

/* A sample of @m from @v: the total of a counter (CPU in seconds), a gauge's value. */
static void sample(struct scryd_prom_text *t, const char *name, const char *labels,
		   enum sinsp_metric m, bool gauge, const struct sinsp_metrics_values *v)
{
	uint64_t x = gauge ? v->delta[m] : v->total[m];

	if (m == SINSP_METRIC_CPU_NS)
		scryd_prom_text_double_ls(t, name, labels, (double)x / 1e9);
	else
		scryd_prom_text_u64_ls(t, name, labels, x);
}

static void render_rows(struct scryd_prom_text *t, const struct rows *rs)
{
	char name[96], h[160];
	size_t j;
	int i;

	for (i = 0; i < SINSP_METRIC_COUNT; i++) {
		bool gauge = family_name((enum sinsp_metric)i, "scry_container", name, sizeof(name));

		snprintf(h, sizeof(h), "each container's %s%s",
			 help[i] ? help[i] : sinsp_metric_name((enum sinsp_metric)i),
			 gauge ? " (at the end of the last interval)" : " since it was first seen");
		scryd_prom_text_family(t, name, gauge ? SCRYD_PROM_GAUGE : SCRYD_PROM_COUNTER, h);
		for (j = 0; j < rs->n; j++)
			if (available((enum sinsp_metric)i, &rs->r[j].v))
				sample(t, name, rs->r[j].labels, (enum sinsp_metric)i, gauge, &rs->r[j].v);
	}
	scryd_prom_text_family(t, "scry_container_n_processes", SCRYD_PROM_GAUGE,
			       "each container's processes alive at the end of the last interval");
	for (j = 0; j < rs->n; j++)
		scryd_prom_text_u64_ls(t, "scry_container_n_processes", rs->r[j].labels,
				       rs->r[j].nprocesses);
}

static void render_host(struct scryd_prom_text *t, const struct sinsp_metrics_container *host)
{
	char name[96], h[160];
	int i;

	for (i = 0; i < SINSP_METRIC_COUNT; i++) {
		bool gauge = family_name((enum sinsp_metric)i, "scry_host", name, sizeof(name));

		if (!available((enum sinsp_metric)i, &host->v))
			continue;
		snprintf(h, sizeof(h), "the host's %s (every process, in containers or not)%s",
			 help[i] ? help[i] : sinsp_metric_name((enum sinsp_metric)i),
			 gauge ? ", at the end of the last interval" : "");
		scryd_prom_text_family(t, name, gauge ? SCRYD_PROM_GAUGE : SCRYD_PROM_COUNTER, h);
		sample(t, name, "", (enum sinsp_metric)i, gauge, &host->v);
	}
}

int scryd_prom_containers(struct scryd_prom_text *t, struct sinsp_metrics *m)
{
	struct sinsp_metrics_interval_info ii = { .sz = sizeof(ii) };
	struct sinsp_metrics_container host = { .sz = sizeof(host) };
	struct rows rs = { 0 };
	size_t j;

	if (!m || sinsp_metrics_interval(m, &ii))
		return 0; /* no interval closed yet: no figures */
	sinsp_metrics_container_foreach(m, collect, &rs);
	if (!rs.err) {
		scryd_prom_text_family(t, "scry_metrics_interval_end_timestamp_seconds",
				       SCRYD_PROM_GAUGE, "end of the interval the container and host "
				       "figures are of, seconds since the epoch (event time)");
		scryd_prom_text_double(t, "scry_metrics_interval_end_timestamp_seconds", NULL, 0,
				       (double)ii.end_ns / 1e9);
		scryd_prom_text_family(t, "scry_metrics_n_containers", SCRYD_PROM_GAUGE,
				       "containers with figures in the last interval");
		scryd_prom_text_u64(t, "scry_metrics_n_containers", NULL, 0, rs.n);
		render_rows(t, &rs);
		if (!sinsp_metrics_host(m, &host))
			render_host(t, &host);
	}
	for (j = 0; j < rs.n; j++)
		free(rs.r[j].labels);
	free(rs.r);
	return rs.err;
}

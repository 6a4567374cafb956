/* SPDX-License-Identifier: Apache-2.0 */
/*
 * metrics_out.c - metrics snapshots as JSON lines or a table, spikes as alerts (see
 * metrics_out.h).
 */
#define _GNU_SOURCE /* open_memstream */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "alert.h"
#include "metrics_out.h"

#define NM SINSP_METRIC_COUNT

/* ISO 8601 UTC with nanoseconds and "Z". */
static void iso_time(char *buf, size_t size, uint64_t ts)
{
	time_t sec = (time_t)(ts / 1000000000u);
	struct tm tm;
	char head[32];

	gmtime_r(&sec, &tm);
	strftime(head, sizeof(head), "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(buf, size, "%s.%09uZ", head, (unsigned)(ts % 1000000000u));
}

static bool available(const struct sinsp_metrics_values *v, int k)
{
	if (k == SINSP_METRIC_CPU_NS)
		return v->cpu_source != SINSP_METRICS_SRC_NONE;
	if (k == SINSP_METRIC_MEMORY_BYTES)
		return v->mem_source != SINSP_METRICS_SRC_NONE;
	return true;
}

static void json_figures(FILE *f, const struct sinsp_metrics_values *v, const uint64_t *a)
{
	int k;

	fputc('{', f);
	for (k = 0; k < NM; k++) {
		fprintf(f, "%s\"%s\":", k ? "," : "", sinsp_metric_name(k));
		if (available(v, k))
			fprintf(f, "%" PRIu64, a[k]);
		else
			fputs("null", f);
	}
	fputc('}', f);
}

static void json_entity(FILE *f, const struct sinsp_metrics_values *v, bool totals)
{
	fprintf(f, "\"cpu_source\":\"%s\",\"memory_source\":\"%s\",\"delta\":",
		sinsp_metrics_source_name(v->cpu_source), sinsp_metrics_source_name(v->mem_source));
	json_figures(f, v, v->delta);
	if (totals) {
		fputs(",\"total\":", f);
		json_figures(f, v, v->total);
	}
}

/* The metric processes are ranked by: CPU when measured, else system calls. */
static enum sinsp_metric rank_metric(const struct sinsp_metrics_container *c)
{
	return c->v.cpu_source != SINSP_METRICS_SRC_NONE ? SINSP_METRIC_CPU_NS : SINSP_METRIC_SYSCALLS;
}

/* Whether sources @a and @b (views' source: NULL for a capture of one host) are one. */
static bool same_source(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

struct json_ctx {
	FILE *f;
	struct sinsp_metrics *m;
	unsigned top_n;
	bool first;
	const char *source;      /* the host whose containers are written */
	const char *hostname;    /* for a capture of one host */
};

static int json_container(const struct sinsp_metrics_container *c, void *ctx)
{
	struct json_ctx *x = ctx;
	int64_t pids[64];
	size_t n = 0, i;
	FILE *f = x->f;

	if (!same_source(c->source, x->source))
		return 0;
	fputs(x->first ? "{\"id\":" : ",{\"id\":", f);
	x->first = false;
	scry_json_str(f, c->id);
	fputs(",\"name\":", f);
	scry_json_str(f, c->name);
	fputs(",\"image\":", f);
	scry_json_str(f, c->image);
	fputs(",\"container_type\":", f);
	scry_json_str(f, c->type_name);
	fprintf(f, ",\"nprocesses\":%" PRIu32 ",\"exited\":%s,", c->nprocesses,
		c->exited ? "true" : "false");
	json_entity(f, &c->v, true);
	fputs(",\"top_processes\":[", f);
	sinsp_metrics_top_processes(x->m, c->id, rank_metric(c),
				    x->top_n < 64 ? x->top_n : 64, pids, &n);
	for (i = 0; i < n; i++) {
		struct sinsp_metrics_process p = { .sz = sizeof(p) };

		if (sinsp_metrics_process_find(x->m, c->source, pids[i], &p))
			continue;
		fprintf(f, "%s{\"pid\":%" PRId64 ",\"comm\":", i ? "," : "", p.pid);
		scry_json_str(f, p.comm);
		fputs(",\"exe\":", f);
		scry_json_str(f, p.exe);
		fputc(',', f);
		json_entity(f, &p.v, false);
		fputc('}', f);
	}
	fputs("]}", f);
	return 0;
}

/* One host's line of the interval (a capture that merges several hosts has one each). */
static int json_host(const struct sinsp_metrics_container *h, void *ctx)
{
	struct json_ctx *x = ctx;
	struct sinsp_metrics_interval_info iv = { .sz = sizeof(iv) };
	FILE *f = x->f;
	char when[64];

	if (sinsp_metrics_interval(x->m, &iv))
		return -ENOENT;
	iso_time(when, sizeof(when), iv.end_ns);
	fputs("{\"type\":\"metrics\",\"hostname\":", f);
	scry_json_str(f, h->source ? h->source : x->hostname);
	fprintf(f, ",\"time\":\"%s\",\"start_ns\":%" PRIu64 ",\"end_ns\":%" PRIu64
		",\"interval_s\":%.9g,\"index\":%" PRIu64 ",\"events\":%" PRIu64 ",\"host\":{",
		when, iv.start_ns, iv.end_ns, (double)(iv.end_ns - iv.start_ns) / 1e9, iv.index,
		iv.events);
	json_entity(f, &h->v, true);
	fputs("},\"containers\":[", f);
	x->first = true;
	x->source = h->source;
	sinsp_metrics_container_foreach(x->m, json_container, x);
	fputs("]}\n", f);
	return 0;
}

int scry_metrics_json(FILE *f, struct sinsp_metrics *m, const char *host, unsigned top_n)
{
	struct sinsp_metrics_interval_info iv = { .sz = sizeof(iv) };
	struct json_ctx x = { .f = f, .m = m, .top_n = top_n, .hostname = host };
	int rc;

	if (sinsp_metrics_interval(m, &iv))
		return -ENOENT;
	rc = sinsp_metrics_host_foreach(m, json_host, &x);
	if (rc)
		return rc;
	return ferror(f) ? -ENOMEM : 0;
}

/* ---- text ------------------------------------------------------------------------ */

/* @v bytes (or a count) per second, short: 1.2K, 3.4M, 5.6G. */
static const char *human(char *buf, size_t size, double v)
{
	static const char units[] = " KMGT";
	int u = 0;

	while (v >= 1000 && u < 4) {
		v /= 1024;
		u++;
	}
	if (u)
		snprintf(buf, size, "%.1f%c", v, units[u]);
	else
		snprintf(buf, size, "%.0f", v);
	return buf;
}

struct row_list {
	struct sinsp_metrics_container *rows;
	size_t n, cap;
};

static int collect(const struct sinsp_metrics_container *c, void *ctx)
{
	struct row_list *l = ctx;

	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 16;
		struct sinsp_metrics_container *r = realloc(l->rows, cap * sizeof(*r));

		if (!r)
			return -ENOMEM;
		l->rows = r;
		l->cap = cap;
	}
	l->rows[l->n++] = *c;
	return 0;
}

static int by_cpu(const void *a, const void *b)
{
	const struct sinsp_metrics_container *x = a, *y = b;
	uint64_t cx = x->v.delta[SINSP_METRIC_CPU_NS], cy = y->v.delta[SINSP_METRIC_CPU_NS];
	uint64_t sx = x->v.delta[SINSP_METRIC_SYSCALLS], sy = y->v.delta[SINSP_METRIC_SYSCALLS];

	if (cx != cy)
		return cx < cy ? 1 : -1;
	if (sx != sy)
		return sx < sy ? 1 : -1;
	return strcmp(x->id, y->id);
}

/* One row: CPU %, memory, then rates. */
static void text_row(FILE *f, const char *indent, const char *what, const char *name,
		     const struct sinsp_metrics_values *v, double s)
{
	char b[8][16];
	char cpu[16], mem[16];

	if (v->cpu_source != SINSP_METRICS_SRC_NONE)
		snprintf(cpu, sizeof(cpu), "%.1f", (double)v->delta[SINSP_METRIC_CPU_NS] / 1e9 / s * 100);
	else
		strcpy(cpu, "-");
	if (v->mem_source != SINSP_METRICS_SRC_NONE)
		human(mem, sizeof(mem), (double)v->delta[SINSP_METRIC_MEMORY_BYTES]);
	else
		strcpy(mem, "-");
	fprintf(f, "%s%-*s %-20.20s %6s %7s %8s %7s %7s %7s %7s %7s %5.0f %5.0f %5.0f\n", indent,
		(int)(14 - strlen(indent)), what, name, cpu, mem,
		human(b[0], 16, v->delta[SINSP_METRIC_SYSCALLS] / s),
		human(b[1], 16, v->delta[SINSP_METRIC_SYSCALL_ERRORS] / s),
		human(b[2], 16, v->delta[SINSP_METRIC_FILE_READ_BYTES] / s),
		human(b[3], 16, v->delta[SINSP_METRIC_FILE_WRITE_BYTES] / s),
		human(b[4], 16, v->delta[SINSP_METRIC_NET_IN_BYTES] / s),
		human(b[5], 16, v->delta[SINSP_METRIC_NET_OUT_BYTES] / s),
		v->delta[SINSP_METRIC_CONNECTIONS] / s, v->delta[SINSP_METRIC_PROCESSES] / s,
		v->delta[SINSP_METRIC_FILES_OPENED] / s);
}

struct text_ctx {
	FILE *f;
	struct sinsp_metrics *m;
	unsigned top_n;
	double s;                          /* the interval, seconds */
	struct row_list l;                 /* the containers, by CPU */
};

/* A host's row, then its containers' rows, each with its top processes. */
static int text_host(const struct sinsp_metrics_container *h, void *ctx)
{
	struct text_ctx *x = ctx;
	FILE *f = x->f;
	size_t i, j;

	/* the host's name when the capture merges several */
	text_row(f, "", "host", h->source ? h->source : "", &h->v, x->s);
	for (i = 0; i < x->l.n; i++) {
		const struct sinsp_metrics_container *c = &x->l.rows[i];
		int64_t pids[64];
		size_t n = 0;

		if (!same_source(c->source, h->source))
			continue;
		text_row(f, "", c->id, *c->name ? c->name : "<NA>", &c->v, x->s);
		sinsp_metrics_top_processes(x->m, c->id, rank_metric(c),
					    x->top_n < 64 ? x->top_n : 64, pids, &n);
		for (j = 0; j < n; j++) {
			struct sinsp_metrics_process p = { .sz = sizeof(p) };
			char pid[24];

			if (sinsp_metrics_process_find(x->m, c->source, pids[j], &p))
				continue;
			snprintf(pid, sizeof(pid), "%" PRId64, p.pid);
			text_row(f, "  ", pid, p.comm, &p.v, x->s);
		}
	}
	return 0;
}

int scry_metrics_text(FILE *f, struct sinsp_metrics *m, unsigned top_n)
{
	struct sinsp_metrics_interval_info iv = { .sz = sizeof(iv) };
	struct text_ctx x = { .f = f, .m = m, .top_n = top_n };
	char when[64];

	if (sinsp_metrics_interval(m, &iv))
		return -ENOENT;
	x.s = (double)(iv.end_ns - iv.start_ns) / 1e9;
	if (sinsp_metrics_container_foreach(m, collect, &x.l)) {
		free(x.l.rows);
		return -ENOMEM;
	}
	if (x.l.n)   /* none: rows is NULL, which qsort() may not take */
		qsort(x.l.rows, x.l.n, sizeof(*x.l.rows), by_cpu);
	iso_time(when, sizeof(when), iv.end_ns);
	fprintf(f, "--- %s  interval %" PRIu64 " (%.3f s), %" PRIu64 " events; CPU %% of one core, "
		"rates per second\n", when, iv.index, x.s, iv.events);
	fprintf(f, "%-14s %-20s %6s %7s %8s %7s %7s %7s %7s %7s %5s %5s %5s\n", "CONTAINER", "NAME",
		"CPU%", "MEM", "SYSCALLS", "ERRORS", "FILE_RD", "FILE_WR", "NET_IN", "NET_OUT",
		"CONN", "PROCS", "OPENS");
	sinsp_metrics_host_foreach(m, text_host, &x);
	free(x.l.rows);
	return ferror(f) ? -ENOMEM : 0;
}

/* ---- spikes as alerts -------------------------------------------------------------- */

static const char *const units[NM] = {
	"cores", "bytes", "syscalls/s", "errors/s", "bytes/s", "bytes/s", "bytes/s", "bytes/s",
	"connections/s", "processes/s", "files/s",
};

static const char *const tags[] = { "container", "metrics", "spike" };

int scry_spike_alert_make(const struct sinsp_metrics_spike *sp, struct scry_spike_alert *out)
{
	const struct sinsp_metrics_container *c = sp->container;
	const char *rule = sp->rule, *what = rule;
	const char *unit = (unsigned)sp->metric < NM ? units[sp->metric] : "";
	size_t len;
	FILE *f;

	memset(out, 0, sizeof(*out));
	/* "Container CPU spike" -> "CPU spike" */
	if (!strncmp(what, "Container ", 10))
		what += 10;
	f = open_memstream(&out->output, &len);
	if (!f)
		return -ENOMEM;
	fprintf(f, "%s in container %s (id=%s image=%s): %.2f %s, baseline %.2f %s (stddev %.2f, "
		"threshold %.2f, %u intervals)", what, *c->name ? c->name : "<NA>", c->id,
		*c->image ? c->image : "<NA>", sp->value, unit, sp->mean, unit, sp->stddev,
		sp->threshold, sp->intervals);
	if (fclose(f))
		goto nomem;
	f = open_memstream(&out->fields, &len);
	if (!f)
		goto nomem;
	fputs("{\"container.id\":", f);
	scry_json_str(f, c->id);
	fputs(",\"container.image\":", f);
	scry_json_str(f, c->image);
	fputs(",\"container.name\":", f);
	scry_json_str(f, c->name);
	fprintf(f, ",\"evt.time\":%" PRIu64 ",\"spike.intervals\":%u,\"spike.mean\":%.9g,"
		"\"spike.metric\":\"%s\",\"spike.stddev\":%.9g,\"spike.threshold\":%.9g,"
		"\"spike.unit\":\"%s\",\"spike.value\":%.9g}", sp->ts_ns, sp->intervals, sp->mean,
		sinsp_metric_name(sp->metric), sp->stddev, sp->threshold, unit, sp->value);
	if (fclose(f))
		goto nomem;
	out->a.rule = rule;
	out->a.priority = sp->priority;
	out->a.source = "metrics";
	out->a.tags = tags;
	out->a.ntags = sizeof(tags) / sizeof(tags[0]);
	out->a.output = out->output;
	out->a.fields_json = out->fields;
	return 0;
nomem:
	scry_spike_alert_free(out);
	return -ENOMEM;
}

void scry_spike_alert_free(struct scry_spike_alert *a)
{
	free(a->output);
	free(a->fields);
	memset(a, 0, sizeof(*a));
}

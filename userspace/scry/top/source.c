/* SPDX-License-Identifier: Apache-2.0 */
/*
 * source.c - scry top's rows from libsinsp's metrics (source.h). The figures are the
 * metrics library's (<scry/sinsp_metrics.h>): this file only turns an interval's
 * deltas into the rates and percentages a row shows, and adds what the thread and
 * container tables know (vpid, command line, container name).
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/capability.h>
#include <time.h>
#include <unistd.h>

#include <scry/scap.h>
#include <scry/sinsp.h>
#include <scry/sinsp_filter.h>
#include <scry/sinsp_metrics.h>
#include <scry/sinsp_state.h>

#include "caps.h"
#include "../live.h"
#include "../replay_open.h"
#include "keyset.h"
#include "source.h"

struct top_source {
	sinsp_t *s;
	struct sinsp_metrics *m;
	struct sinsp_filter *filter;
	/* with a filter, what the views list: the processes (row keys) and containers
	 * (ids) the filter matched an event of, while they live (csysdig lists the
	 * threads its filter matches; a filter on events lists whoever had one) */
	struct top_keyset matched_procs, matched_containers;
	int64_t last_tid;         /* the thread of the last matched event (entered) */
	const char *last_source;
	bool file;
	bool eof;                 /* the capture's end was reached (flushed) */
	char name[256];
	uint64_t interval_ns;
	/* the current top_source_next() call: where interval_fn puts its interval */
	struct top_table *out;
	struct top_interval *iv;
	int closed;               /* intervals closed during the call */
	bool seen_first;          /* first_index is set */
	uint64_t first_index;     /* the metrics' index of the first interval (shown as #0) */
	int err;                  /* -ENOMEM from interval_fn */
	struct top_table last;    /* the previous interval's processes: key and command */
};

static uint64_t wall_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* The figures of @v as a row shows them: per second, CPU in % of one CPU. */
static void set_figures(struct top_row *r, const struct sinsp_metrics_values *v, uint64_t ns)
{
	double secs = ns ? (double)ns / 1e9 : 1.0;

	r->num[TOP_F_CPU] = (double)v->delta[SINSP_METRIC_CPU_NS] / (secs * 1e9) * 100.0;
	r->num[TOP_F_MEM] = (double)v->delta[SINSP_METRIC_MEMORY_BYTES];
	r->num[TOP_F_NET_IN] = (double)v->delta[SINSP_METRIC_NET_IN_BYTES] / secs;
	r->num[TOP_F_NET_OUT] = (double)v->delta[SINSP_METRIC_NET_OUT_BYTES] / secs;
	r->num[TOP_F_FILE_R] = (double)v->delta[SINSP_METRIC_FILE_READ_BYTES] / secs;
	r->num[TOP_F_FILE_W] = (double)v->delta[SINSP_METRIC_FILE_WRITE_BYTES] / secs;
	r->num[TOP_F_SYSCALLS] = (double)v->delta[SINSP_METRIC_SYSCALLS] / secs;
	r->num[TOP_F_ERRORS] = (double)v->delta[SINSP_METRIC_SYSCALL_ERRORS] / secs;
}

static int add_container(const struct sinsp_metrics_container *c, void *ctx)
{
	struct top_source *src = ctx;
	struct top_row *r;

	if (src->filter && !top_keyset_has(&src->matched_containers, c->id))
		return 0;
	if (src->filter && c->exited)
		top_keyset_remove(&src->matched_containers, c->id);
	r = top_table_add(&src->out[TOP_VIEW_CONTAINERS], c->id);
	if (!r || top_row_set_text(r, TOP_F_ID, c->id) || top_row_set_text(r, TOP_F_NAME, c->name) ||
	    top_row_set_text(r, TOP_F_IMAGE, c->image))
		return -ENOMEM;
	set_figures(r, &c->v, src->interval_ns);
	/* with a filter: the processes listed (add_process counts them) */
	r->num[TOP_F_PROCS] = src->filter ? 0 : c->nprocesses;
	if (!src->iv->cpu_source || c->v.cpu_source != SINSP_METRICS_SRC_NONE)
		src->iv->cpu_source = sinsp_metrics_source_name(c->v.cpu_source);
	return 0;
}

/* The row key of process @pid of host @source (NULL: the only one) into @key. */
static void process_key(const char *source, int64_t pid, char *key, size_t len)
{
	/* a capture that merges hosts: their pids may be equal */
	if (source)
		snprintf(key, len, "%.40s/%" PRId64, source, pid);
	else
		snprintf(key, len, "%" PRId64, pid);
}

/* "exe arg1 arg2 ..." of thread info @t (args are NUL separated) into @buf. */
static void command_line(const struct sinsp_thread_info *t, const char *fallback, char *buf,
			 size_t len)
{
	size_t n = (size_t)snprintf(buf, len, "%s", *t->exe ? t->exe : fallback);

	if (n >= len)
		return;
	if (t->args_len && n + 1 < len)
		buf[n++] = ' ';
	for (size_t i = 0; i < t->args_len && n + 1 < len; i++)
		buf[n++] = t->args[i] ? t->args[i] : ' ';
	while (n && buf[n - 1] == ' ')
		n--;
	buf[n] = 0;
}

static int add_process(const struct sinsp_metrics_process *p, void *ctx)
{
	struct top_source *src = ctx;
	struct sinsp_thread_info t = { .sz = sizeof(t) };
	struct sinsp_container_info c = { .sz = sizeof(c) };
	char key[TOP_KEY_LEN], cmd[512];
	struct top_row *r;
	long ci;

	process_key(p->source, p->pid, key, sizeof(key));
	if (src->filter && !top_keyset_has(&src->matched_procs, key))
		return 0;
	if (src->filter && p->exited)
		top_keyset_remove(&src->matched_procs, key); /* its pid may come again */
	r = top_table_add(&src->out[TOP_VIEW_PROCS], key);
	if (!r)
		return -ENOMEM;
	set_figures(r, &p->v, src->interval_ns);
	r->num[TOP_F_PID] = (double)p->pid;
	r->num[TOP_F_THREADS] = p->nthreads;
	r->num[TOP_F_VPID] = (double)p->pid;
	snprintf(cmd, sizeof(cmd), "%s", *p->exe ? p->exe : p->comm);
	if (sinsp_thread_lookup_source(src->s, p->source, p->pid, &t) == 0) {
		if (t.vpid >= 0)
			r->num[TOP_F_VPID] = (double)t.vpid;
		command_line(&t, p->comm, cmd, sizeof(cmd));
	} else {
		/* exited (its thread is gone): its command line as the last interval showed
		 * it, as csysdig keeps it; else the names its exit left (above) */
		long i = top_table_find_key(&src->last, key);

		if (i >= 0 && *top_row_text(&src->last.rows[i], TOP_F_COMMAND))
			snprintf(cmd, sizeof(cmd), "%s",
				 top_row_text(&src->last.rows[i], TOP_F_COMMAND));
	}
	if (top_row_set_text(r, TOP_F_ID, p->container_id) || top_row_set_text(r, TOP_F_COMMAND, cmd))
		return -ENOMEM;
	/* outside containers: "host", or which host in a capture that merges several */
	if (!strcmp(p->container_id, "host"))
		return top_row_set_text(r, TOP_F_CONTAINER, p->source ? p->source : "host");
	/* the container's threads: the sum over its processes */
	ci = top_table_find_key(&src->out[TOP_VIEW_CONTAINERS], p->container_id);
	if (ci >= 0) {
		src->out[TOP_VIEW_CONTAINERS].rows[ci].num[TOP_F_THREADS] += p->nthreads;
		if (src->filter)
			src->out[TOP_VIEW_CONTAINERS].rows[ci].num[TOP_F_PROCS]++;
	}
	if (sinsp_container_lookup(src->s, p->container_id, &c) == 0 && *c.name)
		return top_row_set_text(r, TOP_F_CONTAINER, c.name);
	return top_row_set_text(r, TOP_F_CONTAINER, p->container_id);
}

/* The processes' command lines of the interval just made, for the next one. */
static int keep_commands(struct top_source *src)
{
	const struct top_table *procs = &src->out[TOP_VIEW_PROCS];

	top_table_clear(&src->last);
	for (size_t i = 0; i < procs->n; i++) {
		struct top_row *r = top_table_add(&src->last, procs->rows[i].key);

		if (!r || top_row_set_text(r, TOP_F_COMMAND,
					   top_row_text(&procs->rows[i], TOP_F_COMMAND)))
			return -ENOMEM;
	}
	return 0;
}

/* An interval closed (inside sinsp_metrics_add/tick/flush): keep it in the tables. */
static void on_interval(struct sinsp_metrics *m, void *ctx)
{
	struct top_source *src = ctx;
	struct sinsp_metrics_interval_info info = { .sz = sizeof(info) };
	int rc;

	if (!src->out || sinsp_metrics_interval(m, &info))
		return;
	src->closed++;
	src->last_tid = -1; /* the sets lose exited processes: enter the next match again */
	if (!src->seen_first) {
		src->seen_first = true;
		src->first_index = info.index;
	}
	top_table_clear(&src->out[TOP_VIEW_CONTAINERS]);
	top_table_clear(&src->out[TOP_VIEW_PROCS]);
	*src->iv = (struct top_interval){ .index = info.index - src->first_index,
					  .start_ns = info.start_ns,
					  .end_ns = info.end_ns, .events = info.events,
					  .valid = true };
	src->interval_ns = info.end_ns - info.start_ns;
	rc = sinsp_metrics_container_foreach(m, add_container, src);
	if (!rc)
		rc = sinsp_metrics_process_foreach(m, NULL, add_process, src);
	if (!rc)
		rc = keep_commands(src);
	if (!src->iv->cpu_source) {
		struct sinsp_metrics_container h = { .sz = sizeof(h) };

		src->iv->cpu_source = sinsp_metrics_host(m, &h) ? "none" :
				      sinsp_metrics_source_name(h.v.cpu_source);
	}
	if (rc)
		src->err = rc;
}

/* Enter the process and the container of @evt, which the filter matched. */
static int enter_matched(struct top_source *src, struct sinsp_evt *evt)
{
	struct sinsp_thread_info t = { .sz = sizeof(t) };
	const char *source = scap_evt_source(sinsp_scap(src->s));
	char key[TOP_KEY_LEN];

	if (sinsp_evt_thread(evt, &t))
		return 0; /* no thread: no row it could show in */
	if (t.tid == src->last_tid && source == src->last_source)
		return 0;
	process_key(source, t.pid, key, sizeof(key));
	if (top_keyset_add(&src->matched_procs, key) ||
	    top_keyset_add(&src->matched_containers, t.container_id))
		return -ENOMEM;
	src->last_tid = t.tid;
	src->last_source = source;
	return 0;
}

/* Open capture file @path (root's powers for the open, none after). */
static int open_file(struct top_source *src, const char *path)
{
	struct sinsp_open_opts o = { .sz = sizeof(o) };

	if (scry_replay_open(path, CAP_LAST_CAP + 1, &o, &src->s))
		return 1;
	snprintf(src->name, sizeof(src->name), "%s", path);
	src->file = true;
	return 0;
}

int top_source_open(const struct top_source_opts *o, struct top_source **out)
{
	struct top_source *src = calloc(1, sizeof(*src));
	int status;

	*out = NULL;
	if (!src)
		return 1;
	src->interval_ns = o->interval_ns;
	src->last_tid = -1;
	if (o->read_path) {
		status = open_file(src, o->read_path);
	} else {
		const char *engine = scry_live_engine(o->live->engine);
		struct scry_live_opts lo = *o->live;

		/* a bad filter is refused before the engine loads (seconds for the probe) */
		lo.filter = o->filter;
		status = engine ? scry_live_check_args(&lo) : 2;
		if (!status)
			status = scry_live_open(o->live, engine, false, &src->s);
		if (!status)
			status = scry_live_start(src->s, o->live);
		snprintf(src->name, sizeof(src->name), "live system (%s)",
			 engine && !strcmp(engine, "kmod") ? "kernel module" : "eBPF probe");
	}
	if (status)
		goto fail;
	if (o->filter && *o->filter && sinsp_filter_compile(src->s, o->filter, &src->filter)) {
		fprintf(stderr, "scry: %s\n", sinsp_last_error(src->s));
		status = 2;
		goto fail;
	}
	struct sinsp_metrics_opts mo = { .sz = sizeof(mo), .interval_ns = o->interval_ns,
					 /* live: CPU and memory from the cgroups and /proc */
					 .sample_system = !o->read_path, .sample_processes = true,
					 .interval_fn = on_interval, .ctx = src };
	if (sinsp_metrics_new(src->s, &mo, &src->m)) {
		fprintf(stderr, "scry: cannot set up the metrics (out of memory)\n");
		status = 1;
		goto fail;
	}
	*out = src;
	return 0;
fail:
	top_source_close(src);
	return status;
}

int top_source_next(struct top_source *src, struct top_table *tables, struct top_interval *iv,
		    int timeout_ms)
{
	uint64_t deadline = wall_ns() + (uint64_t)timeout_ms * 1000000u;
	struct sinsp_evt *evt;
	unsigned n = 0;
	int rc;

	if (src->eof)
		return 2;
	src->out = tables;
	src->iv = iv;
	src->closed = 0;
	src->err = 0;
	while (!src->closed && !src->err) {
		rc = sinsp_next(src->s, &evt);
		if (rc == SCAP_EOF) {
			src->eof = true;
			/* the last, partial interval */
			sinsp_metrics_flush(src->m);
			break;
		}
		if (rc < 0) {
			fprintf(stderr, "scry: %s%s%s\n", src->file ? src->name : "",
				src->file ? ": " : "", sinsp_last_error(src->s));
			return -1;
		}
		/* events without a time (the container table a capture starts with) would
		 * start the intervals at the epoch */
		if (rc == 0 && !sinsp_evt_raw(evt)->ts_ns)
			continue;
		if (rc == 0 && !src->filter) {
			sinsp_metrics_add(src->m, evt);
		} else if (rc == 0 && sinsp_filter_match(src->filter, evt)) {
			/* entered after: the interval it closes (the one before) does not
			 * list what it matched yet */
			sinsp_metrics_add(src->m, evt);
			if (enter_matched(src, evt)) {
				fprintf(stderr, "scry: top: out of memory\n");
				return -1;
			}
		} else if (rc == 0)
			sinsp_metrics_tick(src->m, sinsp_evt_raw(evt)->ts_ns);
		if (src->file)
			continue;
		/* live: a quiet host closes its intervals by the clock; keys are read
		 * every timeout_ms */
		if (rc == SCAP_TIMEOUT || ++n % 256 == 0) {
			uint64_t now = wall_ns();

			sinsp_metrics_tick(src->m, now);
			if (!src->closed && now >= deadline)
				break;
			if (rc == SCAP_TIMEOUT)
				usleep(10000);
		}
	}
	src->out = NULL;
	if (src->err)
		return -1;
	if (src->closed)
		return 1;
	return src->eof ? 2 : 0;
}

bool top_source_is_file(const struct top_source *src)
{
	return src->file;
}

const char *top_source_name(const struct top_source *src)
{
	return src->name;
}

void top_source_close(struct top_source *src)
{
	if (!src)
		return;
	if (src->s && !src->file)
		scap_stop(sinsp_scap(src->s));
	sinsp_metrics_free(src->m);
	top_table_free(&src->last);
	top_keyset_free(&src->matched_procs);
	top_keyset_free(&src->matched_containers);
	sinsp_filter_free(src->filter);
	sinsp_close(src->s);
	free(src);
}

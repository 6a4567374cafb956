/* SPDX-License-Identifier: Apache-2.0 */
/*
 * prom.c - the agent's own figures in the text exposition format, rendered by the
 * capture loop once per interval and published to the HTTP endpoint (see prom.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <scry/scap_live.h>
#include <scry/sinsp_state.h>

#include "log.h"
#include "prom.h"
#include "prom_containers.h"
#include "prom_http.h"
#include "prom_text.h"

/* Milliseconds between two renderings (and the staleness of what a scrape sees). */
#define PROM_INTERVAL_MS 1000

struct scryd_prom {
	struct scryd_http *http;
	uint64_t *cpu_evts;              /* replay: events read per CPU, by CPU number */
	size_t ncpu;
	uint64_t *live_evts;             /* live: per ring, events [0, n) then drops [n, 2n) */
	uint32_t ncpu_live;              /* room of live_evts (n) */
	uint32_t nlive;                  /* CPUs read at the last rendering; 0: none */
	struct timespec next;            /* CLOCK_MONOTONIC_COARSE of the next rendering */
	double start_s;                  /* CLOCK_REALTIME at open */
	double last_wall, last_cpu;      /* CLOCK_MONOTONIC and process CPU s at the last rendering */
	double cpu_ratio;                /* CPU use over the last interval, 1 = one CPU */
	double render_s;                 /* CPU time the last rendering took (the loop's thread) */
	size_t last_len;                 /* bytes of the last exposition */
	bool render_failed;              /* logged once */
};

static double clock_s(clockid_t id)
{
	struct timespec t;

	clock_gettime(id, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

int scryd_prom_open(const struct scryd_config *c, struct scryd_prom **out, char *err, size_t errsz)
{
	struct scryd_prom *p;
	int rc;

	*out = NULL;
	p = calloc(1, sizeof(*p));
	if (!p) {
		snprintf(err, errsz, "prometheus: out of memory");
		return -ENOMEM;
	}
	rc = scryd_http_bind(c->prom_address, c->prom_port, c->prom_stall_timeout, &p->http, err,
			     errsz);
	if (rc) {
		free(p);
		return rc;
	}
	p->start_s = clock_s(CLOCK_REALTIME);
	p->last_wall = clock_s(CLOCK_MONOTONIC);
	p->last_cpu = clock_s(CLOCK_PROCESS_CPUTIME_ID);
	*out = p;
	return 0;
}

uint16_t scryd_prom_port(const struct scryd_prom *p)
{
	return scryd_http_port(p->http);
}

int scryd_prom_start(struct scryd_prom *p)
{
	return scryd_http_start(p->http);
}

void scryd_prom_count_cpu(struct scryd_prom *p, uint16_t cpu)
{
	if (cpu >= p->ncpu) {
		size_t n = (size_t)cpu + 1 > 2 * p->ncpu ? (size_t)cpu + 1 : 2 * p->ncpu;
		uint64_t *v = realloc(p->cpu_evts, n * sizeof(*v));

		if (!v)
			return; /* not counted; the next event tries again */
		memset(v + p->ncpu, 0, (n - p->ncpu) * sizeof(*v));
		p->cpu_evts = v;
		p->ncpu = n;
	}
	p->cpu_evts[cpu]++;
}

bool scryd_prom_due(struct scryd_prom *p)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC_COARSE, &now);
	return now.tv_sec > p->next.tv_sec ||
	       (now.tv_sec == p->next.tv_sec && now.tv_nsec >= p->next.tv_nsec);
}

/* ---- state tables ------------------------------------------------------------------- */

struct table_counts {
	sinsp_t *s;
	uint64_t threads, fds, containers;
};

static int count_fd(const struct sinsp_fd_info *f, void *ctx)
{
	(void)f;
	((struct table_counts *)ctx)->fds++;
	return 0;
}

static int count_thread(const struct sinsp_thread_info *t, void *ctx)
{
	struct table_counts *tc = ctx;

	tc->threads++;
	/* a process's fds are shared by its threads: counted at the main thread */
	if (t->is_main)
		sinsp_fd_foreach(tc->s, t->tid, count_fd, tc);
	return 0;
}

static int count_container(const struct sinsp_container_info *c, void *ctx)
{
	(void)c;
	((struct table_counts *)ctx)->containers++;
	return 0;
}

/* ---- rendering ---------------------------------------------------------------------- */

/* One family with one sample and no label. */
static void single_u64(struct scryd_prom_text *t, const char *name, enum scryd_prom_type type,
		       const char *help, uint64_t v)
{
	scryd_prom_text_family(t, name, type, help);
	scryd_prom_text_u64(t, name, NULL, 0, v);
}

static void single_double(struct scryd_prom_text *t, const char *name, enum scryd_prom_type type,
			  const char *help, double v)
{
	scryd_prom_text_family(t, name, type, help);
	scryd_prom_text_double(t, name, NULL, 0, v);
}

static void render_agent(struct scryd_prom *p, struct scryd_prom_text *t,
			 const struct scryd_prom_src *src)
{
	struct scryd_prom_label l[1];
	unsigned long vsz = 0, rss = 0;
	FILE *f;

	scryd_prom_text_family(t, "scry_agent_version_info", SCRYD_PROM_GAUGE,
			       "scryd's version (the value is always 1)");
	l[0] = (struct scryd_prom_label){ "version", SCRYD_VERSION };
	scryd_prom_text_u64(t, "scry_agent_version_info", l, 1, 1);
	scryd_prom_text_family(t, "scry_scap_engine_name_info", SCRYD_PROM_GAUGE,
			       "the capture engine: bpf, kmod or savefile (the value is always 1)");
	l[0] = (struct scryd_prom_label){ "engine_name", src->engine };
	scryd_prom_text_u64(t, "scry_scap_engine_name_info", l, 1, 1);
	single_double(t, "scry_agent_start_timestamp_seconds", SCRYD_PROM_GAUGE,
		      "when scryd started, seconds since the epoch", p->start_s);
	single_u64(t, "scry_agent_host_num_cpus", SCRYD_PROM_GAUGE,
		   "CPUs online on the host", (uint64_t)sysconf(_SC_NPROCESSORS_ONLN));
	single_double(t, "scry_agent_cpu_seconds_total", SCRYD_PROM_COUNTER,
		      "CPU time scryd used, user and system, all its threads, seconds",
		      clock_s(CLOCK_PROCESS_CPUTIME_ID));
	single_double(t, "scry_agent_cpu_usage_ratio", SCRYD_PROM_GAUGE,
		      "CPU scryd used over the last interval, 1 = one CPU busy all the time",
		      p->cpu_ratio);
	/* /proc/self/statm: size and resident, in pages (proc(5)) */
	f = fopen("/proc/self/statm", "r");
	if (f) {
		if (fscanf(f, "%lu %lu", &vsz, &rss) != 2)
			vsz = rss = 0;
		fclose(f);
	}
	single_u64(t, "scry_agent_memory_rss_bytes", SCRYD_PROM_GAUGE,
		   "scryd's resident memory, bytes", (uint64_t)rss * (uint64_t)sysconf(_SC_PAGESIZE));
	single_u64(t, "scry_agent_memory_vsz_bytes", SCRYD_PROM_GAUGE,
		   "scryd's virtual memory size, bytes", (uint64_t)vsz * (uint64_t)sysconf(_SC_PAGESIZE));
	single_double(t, "scry_agent_render_seconds", SCRYD_PROM_GAUGE,
		      "CPU time the capture loop spent rendering the previous exposition, "
		      "seconds",
		      p->render_s);
	single_u64(t, "scry_agent_exposition_bytes", SCRYD_PROM_GAUGE,
		   "size of the previous exposition, bytes", p->last_len);
	single_u64(t, "scry_agent_n_evts_total", SCRYD_PROM_COUNTER,
		   "events the rules engine evaluated (the engine's internal events excluded)",
		   src->evaluated);
}

/* One family with one sample per CPU (label cpu) of @v (@n CPUs); CPUs at 0 left out
 * when @skip_zero (a capture file's CPUs that never produced an event). */
static void per_cpu(struct scryd_prom_text *t, const char *name, const char *help,
		    const uint64_t *v, size_t n, bool skip_zero)
{
	struct scryd_prom_label l[1];
	char cpu[24];
	size_t i;

	scryd_prom_text_family(t, name, SCRYD_PROM_COUNTER, help);
	for (i = 0; i < n; i++) {
		if (skip_zero && !v[i])
			continue;
		snprintf(cpu, sizeof(cpu), "%zu", i);
		l[0] = (struct scryd_prom_label){ "cpu", cpu };
		scryd_prom_text_u64(t, name, l, 1, v[i]);
	}
}

/*
 * Live: the engine's counters, read per CPU ring (scap_get_cpu_stats()) so that the
 * totals are exactly the sums of the per-CPU series; into *st (totals), p->cpu_evts
 * and p->cpu_drops (n_drop_full + n_drop_big + n_drop_nest) for CPUs 0 .. p->nlive - 1.
 * Return false when the engine has no counters.
 */
static bool live_counters(struct scryd_prom *p, scap_t *h, struct scap_stats *st)
{
	SCAP_OPTS(scap_stats, c);
	uint32_t i, n;

	p->nlive = 0;
	if (scap_get_stats(h, st))
		return false;
	n = st->ncpus;
	if (n > p->ncpu_live) {
		uint64_t *e = realloc(p->live_evts, 2 * n * sizeof(*e));

		if (!e)
			return true; /* the totals only */
		p->live_evts = e;
		p->ncpu_live = n;
	}
	memset(st, 0, sizeof(*st));
	st->sz = sizeof(*st);
	for (i = 0; i < n; i++) {
		memset(&c, 0, sizeof(c));
		c.sz = sizeof(c);
		if (scap_get_cpu_stats(h, i, &c))
			return scap_get_stats(h, st) == 0; /* no per-CPU counters: totals only */
		p->live_evts[i] = c.n_evts;
		p->live_evts[n + i] = c.n_drop_full + c.n_drop_big + c.n_drop_nest;
		st->n_evts += c.n_evts;
		st->n_drop_full += c.n_drop_full;
		st->n_drop_pf += c.n_drop_pf;
		st->n_drop_big += c.n_drop_big;
		st->n_drop_nest += c.n_drop_nest;
	}
	st->ncpus = n;
	p->nlive = n;
	return true;
}

static void render_scap(struct scryd_prom *p, struct scryd_prom_text *t,
			const struct scryd_prom_src *src)
{
	static const char *const causes[] = { "ring_full", "too_big", "nested" };
	SCAP_OPTS(scap_stats, st);
	struct scryd_prom_label l[1];
	bool have = src->live && live_counters(p, sinsp_scap(src->s), &st);
	const uint64_t v[] = { st.n_drop_full, st.n_drop_big, st.n_drop_nest };
	size_t i;

	if (!have) {
		/* a capture file: what scryd read, per the CPU each event names */
		single_u64(t, "scry_scap_n_evts_total", SCRYD_PROM_COUNTER,
			   "events read from the capture file", src->events);
		per_cpu(t, "scry_scap_n_evts_cpu_total", "events read from the capture file, by "
			"the CPU that produced them", p->cpu_evts, p->ncpu, true);
		return;
	}
	single_u64(t, "scry_scap_n_evts_total", SCRYD_PROM_COUNTER,
		   "events the engine captured (written to its rings)", st.n_evts);
	scryd_prom_text_family(t, "scry_scap_n_drops_total", SCRYD_PROM_COUNTER,
			       "events the engine dropped, by cause: ring_full (the ring of the CPU "
			       "was full), too_big (larger than a record), nested (raised inside "
			       "another probe)");
	for (i = 0; i < 3; i++) {
		l[0] = (struct scryd_prom_label){ "cause", causes[i] };
		scryd_prom_text_u64(t, "scry_scap_n_drops_total", l, 1, v[i]);
	}
	single_u64(t, "scry_scap_n_page_faults_total", SCRYD_PROM_COUNTER,
		   "user-memory reads that faulted (the event is kept with the parameter empty or "
		   "partial)", st.n_drop_pf);
	if (!p->nlive)
		return;
	per_cpu(t, "scry_scap_n_evts_cpu_total", "events the engine captured on each CPU (its "
		"ring)", p->live_evts, p->nlive, false);
	per_cpu(t, "scry_scap_n_drops_cpu_total", "events the engine dropped on each CPU, every "
		"cause", p->live_evts + p->nlive, p->nlive, false);
}

static void render_state(struct scryd_prom_text *t, const struct scryd_prom_src *src)
{
	struct table_counts tc = { .s = src->s };

	sinsp_thread_foreach(src->s, count_thread, &tc);
	sinsp_container_foreach(src->s, count_container, &tc);
	single_u64(t, "scry_scap_n_threads", SCRYD_PROM_GAUGE, "threads in the thread table",
		   tc.threads);
	single_u64(t, "scry_scap_n_fds", SCRYD_PROM_GAUGE,
		   "file descriptors in the fd tables (each process's counted once)", tc.fds);
	single_u64(t, "scry_scap_n_containers", SCRYD_PROM_GAUGE,
		   "containers in the container table", tc.containers);
}

static void render_rules(struct scryd_prom_text *t, const struct scryd_prom_src *src)
{
	struct scryd_prom_label l[2];
	struct sinsp_rule_info ri;
	size_t i, n = src->rules ? sinsp_rules_count(src->rules) : 0, selected = 0;

	scryd_prom_text_family(t, "scry_rules_matches_total", SCRYD_PROM_COUNTER,
			       "alerts of each rule that runs, by rule name and priority");
	for (i = 0; i < n; i++) {
		if (sinsp_rules_info(src->rules, i, &ri) || !ri.selected)
			continue;
		selected++;
		l[0] = (struct scryd_prom_label){ "rule", ri.name };
		l[1] = (struct scryd_prom_label){ "priority", sinsp_priority_name(ri.priority) };
		scryd_prom_text_u64(t, "scry_rules_matches_total", l, 2, ri.matches);
	}
	single_u64(t, "scry_rules_loaded", SCRYD_PROM_GAUGE, "rules defined by the rules files", n);
	single_u64(t, "scry_rules_selected", SCRYD_PROM_GAUGE,
		   "rules that run (enabled, and at or above min_priority)", selected);
	scryd_prom_text_family(t, "scry_rules_reloads_total", SCRYD_PROM_COUNTER,
			       "rules reloads (SIGHUP), by result: ok, or failed (the previous "
			       "rules stayed)");
	l[0] = (struct scryd_prom_label){ "result", "ok" };
	scryd_prom_text_u64(t, "scry_rules_reloads_total", l, 1, src->reloads);
	l[0] = (struct scryd_prom_label){ "result", "failed" };
	scryd_prom_text_u64(t, "scry_rules_reloads_total", l, 1, src->reload_failures);
}

static void render_outputs(struct scryd_prom_text *t, const struct scryd_prom_src *src)
{
	static const struct {
		const char *name, *help;
		size_t off;
	} fams[] = {
		{ "scry_outputs_queued_total", "alerts and metrics snapshots accepted by each output's queue",
		  offsetof(struct scryd_output_stats, queued) },
		{ "scry_outputs_written_total", "alerts each output wrote",
		  offsetof(struct scryd_output_stats, written) },
		{ "scry_outputs_snapshots_written_total", "metrics snapshots each output wrote",
		  offsetof(struct scryd_output_stats, snapshots) },
		{ "scry_outputs_queue_num_drops_total", "lines (alerts, snapshots) each output dropped: its queue was full",
		  offsetof(struct scryd_output_stats, dropped) },
		{ "scry_outputs_write_errors_total", "lines (alerts, snapshots) each output lost to a failed write",
		  offsetof(struct scryd_output_stats, write_errors) },
	};
	struct scryd_output_counters oc[SCRYD_OUTPUTS_MAX];
	struct scryd_prom_label l[2];
	size_t i, j, n = 0;

	if (src->outputs) {
		n = scryd_outputs_stats(src->outputs, oc, SCRYD_OUTPUTS_MAX);
		if (n > SCRYD_OUTPUTS_MAX)
			n = SCRYD_OUTPUTS_MAX;
	}
	for (i = 0; i < sizeof(fams) / sizeof(fams[0]); i++) {
		scryd_prom_text_family(t, fams[i].name, SCRYD_PROM_COUNTER, fams[i].help);
		for (j = 0; j < n; j++) {
			l[0] = (struct scryd_prom_label){ "output", oc[j].kind };
			l[1] = (struct scryd_prom_label){ "name", oc[j].name };
			scryd_prom_text_u64(t, fams[i].name, l, 2,
					    *(const uint64_t *)((const char *)&oc[j].st + fams[i].off));
		}
	}
}

void scryd_prom_publish(struct scryd_prom *p, const struct scryd_prom_src *src)
{
	struct scryd_prom_text t;
	double t0 = clock_s(CLOCK_MONOTONIC), cpu = clock_s(CLOCK_PROCESS_CPUTIME_ID);
	double r0 = clock_s(CLOCK_THREAD_CPUTIME_ID);
	char *text = NULL;
	size_t len = 0;
	int rc;

	if (t0 > p->last_wall)
		p->cpu_ratio = (cpu - p->last_cpu) / (t0 - p->last_wall);
	p->last_wall = t0;
	p->last_cpu = cpu;
	rc = scryd_prom_text_init(&t);
	if (!rc) {
		render_agent(p, &t, src);
		render_scap(p, &t, src);
		render_state(&t, src);
		render_rules(&t, src);
		render_outputs(&t, src);
		rc = scryd_prom_containers(&t, src->metrics);
		if (rc)
			scryd_prom_text_free(&t);
		else
			rc = scryd_prom_text_finish(&t, &text, &len);
	}
	if (rc && !p->render_failed) {
		p->render_failed = true;
		scryd_log(SCRYD_LOG_ERROR, "prometheus: the figures were not rendered (%s); "
			  "/metrics serves the previous ones", strerror(-rc));
	}
	p->render_s = clock_s(CLOCK_THREAD_CPUTIME_ID) - r0;
	if (text)
		p->last_len = len;
	scryd_http_publish(p->http, text, len);
	clock_gettime(CLOCK_MONOTONIC_COARSE, &p->next);
	p->next.tv_sec += PROM_INTERVAL_MS / 1000;
	p->next.tv_nsec += (PROM_INTERVAL_MS % 1000) * 1000000L;
	if (p->next.tv_nsec >= 1000000000L) {
		p->next.tv_sec++;
		p->next.tv_nsec -= 1000000000L;
	}
}

void scryd_prom_finish(struct scryd_prom *p, const struct scryd_prom_src *src)
{
	scryd_prom_publish(p, src);
	scryd_http_finished(p->http);
}

void scryd_prom_close(struct scryd_prom *p)
{
	if (!p)
		return;
	scryd_http_stop(p->http);
	free(p->cpu_evts);
	free(p->live_evts);
	free(p);
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * metrics.c - scryd's metrics: feed <scry/sinsp_metrics.h>, a JSON snapshot a interval
 * to the configured outputs, spikes as alerts to every output (see metrics.h).
 */
#define _GNU_SOURCE /* open_memstream */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "log.h"
#include "metrics.h"
#include "metrics_out.h"

struct scryd_metrics {
	struct sinsp_metrics *m;
	struct scryd_metrics_config cfg;
	struct scryd_metrics_sink sink;
	const char *host;
	bool live;
	FILE *mem;                  /* the snapshot line, reused */
	char *membuf;
	size_t memlen;
	uint64_t snapshots, spikes, failures;
	uint64_t intervals, close_ns, close_max_ns; /* time the library took closing them */
};

void scryd_metrics_config_defaults(struct scryd_metrics_config *c)
{
	/* minimum rates: well above what an idle or ordinary container does in a second */
	static const double mins[SINSP_METRIC_COUNT] = {
		[SINSP_METRIC_CPU_NS] = 0.5,                    /* cores */
		[SINSP_METRIC_MEMORY_BYTES] = 256.0 * 1024 * 1024,
		[SINSP_METRIC_SYSCALLS] = 10000,
		[SINSP_METRIC_SYSCALL_ERRORS] = 1000,
		[SINSP_METRIC_FILE_READ_BYTES] = 50.0 * 1024 * 1024,
		[SINSP_METRIC_FILE_WRITE_BYTES] = 50.0 * 1024 * 1024,
		[SINSP_METRIC_NET_IN_BYTES] = 10.0 * 1024 * 1024,
		[SINSP_METRIC_NET_OUT_BYTES] = 10.0 * 1024 * 1024,
		[SINSP_METRIC_CONNECTIONS] = 100,
		[SINSP_METRIC_PROCESSES] = 50,
		[SINSP_METRIC_FILES_OPENED] = 2000,
	};
	int k;

	memset(c, 0, sizeof(*c));
	c->enabled = true;
	c->interval_ns = 1000000000ull;
	c->top_processes = 5;
	c->sample_processes = true;
	for (k = 0; k < SINSP_METRIC_COUNT; k++) {
		struct scryd_spike_config *s = &c->spikes[k];

		s->enabled = k != SINSP_METRIC_MEMORY_BYTES;
		s->k = 3;
		s->intervals = 2;
		s->warmup = 10;
		s->alpha = 0.1;
		s->min = mins[k];
		s->priority = SINSP_PRIO_WARNING;
	}
}

static int on_spike(const struct sinsp_metrics_spike *sp, void *ctx)
{
	struct scryd_metrics *x = ctx;
	struct scry_spike_alert a;

	if (scry_spike_alert_make(sp, &a)) {
		x->failures++;
		return 0;
	}
	x->spikes++;
	x->sink.alert(x->sink.ctx, &a.a, sp->ts_ns);
	scry_spike_alert_free(&a);
	return 0;
}

static void on_interval(struct sinsp_metrics *m, void *ctx)
{
	struct scryd_metrics *x = ctx;
	struct sinsp_metrics_interval_info iv = { .sz = sizeof(iv) };
	off_t len;

	if (sinsp_metrics_interval(m, &iv) == 0) {
		x->intervals++;
		x->close_ns += iv.close_ns;
		if (iv.close_ns > x->close_max_ns)
			x->close_max_ns = iv.close_ns;
	}
	if (x->sink.interval)
		x->sink.interval(x->sink.ctx, m);

	if (x->cfg.to_stdout || x->cfg.to_file || x->cfg.to_bus) {
		rewind(x->mem);
		if (scry_metrics_json(x->mem, m, x->host, x->cfg.top_processes) || fflush(x->mem) ||
		    (len = ftello(x->mem)) < 0) {
			x->failures++;
		} else {
			x->snapshots++;
			x->sink.snapshot(x->sink.ctx, x->membuf, (size_t)len);
		}
	}
	sinsp_metrics_spike_foreach(m, on_spike, x);
}

int scryd_metrics_start(sinsp_t *s, const struct scryd_metrics_config *c, bool live,
			const char *host, const struct scryd_metrics_sink *sink,
			struct scryd_metrics **out)
{
	struct scryd_metrics *x;
	int k, rc;

	*out = NULL;
	if (!c->enabled)
		return 0;
	x = calloc(1, sizeof(*x));
	if (!x)
		return -ENOMEM;
	x->cfg = *c;
	x->sink = *sink;
	x->host = host;
	x->live = live;
	x->mem = open_memstream(&x->membuf, &x->memlen);
	struct sinsp_metrics_opts o = {
		.sz = sizeof(o), .interval_ns = c->interval_ns, .sample_system = live,
		.sample_processes = live && c->sample_processes, .interval_fn = on_interval,
		.ctx = x,
	};
	rc = x->mem ? sinsp_metrics_new(s, &o, &x->m) : -ENOMEM;
	for (k = 0; !rc && k < SINSP_METRIC_COUNT; k++) {
		const struct scryd_spike_config *sc = &c->spikes[k];
		struct sinsp_metrics_spike_config sp = {
			.sz = sizeof(sp), .enabled = sc->enabled, .k = sc->k, .n = sc->intervals,
			.warmup = sc->warmup, .alpha = sc->alpha, .min_rate = sc->min,
			.priority = (enum sinsp_priority)sc->priority,
		};

		rc = sinsp_metrics_set_spike(x->m, (enum sinsp_metric)k, &sp);
	}
	if (rc) {
		scryd_log(SCRYD_LOG_ERROR, "metrics: %s", strerror(-rc));
		scryd_metrics_free(x);
		return rc;
	}
	scryd_log(SCRYD_LOG_INFO, "metrics every %.3f s (%s)", (double)c->interval_ns / 1e9,
		  live ? "CPU and memory from the cgroups and /proc" :
		  "replay: CPU from procinfo events where the capture has them");
	*out = x;
	return 0;
}

void scryd_metrics_event(struct scryd_metrics *x, struct sinsp_evt *evt)
{
	if (x)
		sinsp_metrics_add(x->m, evt);
}

void scryd_metrics_idle(struct scryd_metrics *x)
{
	struct timespec ts;

	if (!x || !x->live)
		return;
	clock_gettime(CLOCK_REALTIME, &ts);
	sinsp_metrics_tick(x->m, (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec);
}

void scryd_metrics_end(struct scryd_metrics *x)
{
	if (x)
		sinsp_metrics_flush(x->m);
}

struct sinsp_metrics *scryd_metrics_handle(struct scryd_metrics *x)
{
	return x ? x->m : NULL;
}

void scryd_metrics_free(struct scryd_metrics *x)
{
	if (!x)
		return;
	scryd_log(SCRYD_LOG_INFO, "metrics: %" PRIu64 " intervals (closing one took %.3f ms on "
		  "average, %.3f ms at most), %" PRIu64 " snapshots, %" PRIu64 " spike alerts%s",
		  x->intervals, x->intervals ? (double)x->close_ns / (double)x->intervals / 1e6 : 0.0,
		  (double)x->close_max_ns / 1e6, x->snapshots, x->spikes,
		  x->failures ? ", some not formatted (out of memory)" : "");
	sinsp_metrics_free(x->m);
	if (x->mem)
		fclose(x->mem);
	free(x->membuf);
	free(x);
}

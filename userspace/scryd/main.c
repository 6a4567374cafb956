/* SPDX-License-Identifier: Apache-2.0 */
/*
 * main.c - scryd, the per-host agent: capture live (kernel module or eBPF probe), run
 * Falco's rules on every event, and hand each alert to the configured outputs.
 *
 *   scryd [-c FILE]             run (default FILE /etc/scry/scryd.yaml)
 *   scryd [-c FILE] --check     validate FILE and its rules files, then exit
 *   scryd [-c FILE] --replay F  the same pipeline on the capture file F, then exit
 *   scryd [-c FILE] --replay F --linger   ... then keep /metrics served until SIGTERM
 *
 * Order of a run: read the configuration (each unknown key or bad value is reported as
 * FILE:LINE:COL, exit 1), load and compile the rules on an inspector without events
 * (a load error: FILE:LINE:COL, exit 1), bind the Prometheus endpoint (a taken port:
 * exit 1), open the outputs (a file that cannot be created: exit 1), and only then
 * open the engine, which starts capturing; load the
 * rules on it, drop every capability (CAP_DAC_OVERRIDE is kept when a file output is
 * configured: rotation creates files later), start the endpoint's thread (after the
 * drop: capabilities are per thread), then the event loop, which renders the
 * Prometheus figures once per interval (prom.h).
 *
 * Signals: SIGHUP reloads the rules files between two events (the engine stays open,
 * its rings buffer what comes meanwhile: no event is lost); a new set that does not
 * load is logged with FILE:LINE:COL and the old one stays (after a --replay, while it
 * lingers, a SIGHUP is logged as ignored: the replay's figures stay). SIGTERM and SIGINT stop:
 * every queued alert is written and the files synced, the counters logged, exit 0.
 *
 * Exit status: 0; 1 configuration, rules, engine or output error; 2 usage.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/capability.h>
#include <time.h>
#include <unistd.h>

#ifdef SCRYD_HAVE_SCAP_BPF
#include <scry/scap_bpf.h>
#endif
#include <scry/scap_engine.h>
#include <scry/scap_live.h>
#include <scry/sinsp.h>
#include <scry/sinsp_evt.h>
#include <scry/sinsp_rules.h>
#include <scry/sinsp_state.h>

#include "alert.h"
#include "caps.h"
#include "config.h"
#include "log.h"
#include "bus.h"
#include "capture.h"
#include "metrics.h"
#include "outputs.h"
#include "prom.h"
#include "rules.h"

static volatile sig_atomic_t stop_requested, reload_requested;

static void on_stop(int sig)
{
	(void)sig;
	stop_requested = 1;
}

static void on_hup(int sig)
{
	(void)sig;
	reload_requested = 1;
}

struct scryd {
	struct scryd_config cfg;
	bool replay, linger;
	const char *engine;         /* "bpf", "kmod" or "savefile" */
	sinsp_t *s;
	struct scryd_prom *prom;    /* NULL: prometheus.enabled false */
	struct sinsp_rules *rules;
	struct scryd_metrics *metrics; /* NULL: metrics.enabled false */
	struct scryd_outputs *outs;
	char host[256];
	uint64_t read;              /* events read, the engine's internal ones included */
	uint64_t events, alerts, reloads, reload_failures;
	uint64_t format_failures;   /* alerts not formatted for an output (no memory) */
	struct scryd_bus *bus;      /* the bus sink (bus.h), NULL when not enabled */
};

static void usage(FILE *f)
{
	fprintf(f, "usage: scryd [-c FILE] [--check | --replay CAPTURE [--linger]]\n"
		"  -c, --config FILE   configuration (default " SCRYD_DEFAULT_CONFIG ")\n"
		"  --check             validate the configuration and its rules files, then exit\n"
		"  --replay CAPTURE    run the pipeline on a capture file instead of live\n"
		"  --linger            after the replay, serve the final figures (/metrics) until\n"
		"                      SIGTERM\n"
		"  -h, --help          this text\n"
		"  --version           scryd's version\n");
}

static const struct scap_engine_ops *engine_impl(const char *name)
{
#ifdef SCRYD_HAVE_SCAP_BPF
	if (!strcmp(name, scap_bpf_engine()->name))
		return scap_bpf_engine();
#endif
	(void)name;
	return NULL;
}

/* The libraries' messages, at debug level. */
static void log_lib(enum scap_log_level level, const char *msg, void *ctx)
{
	(void)level;
	(void)ctx;
	scryd_log(SCRYD_LOG_DEBUG, "%s", msg);
}

/* Open the capture (live engine or --replay file). Return 0, or 1 (message printed). */
static int open_source(struct scryd *d, const char *replay)
{
	char errbuf[SCAP_ERRBUF_SIZE] = "";
	const char *engine = d->cfg.engine;
	int rc;

	if (!strcmp(engine, "auto"))
		engine = access("/dev/scry0", F_OK) == 0 ? "kmod" : "bpf";
	SCAP_OPTS(scap_open_opts, so, .log_fn = log_lib);
	d->engine = replay ? "savefile" : !strcmp(engine, "kmod") ? "kmod" : "bpf";
	if (replay) {
		so.engine = "savefile";
		so.path = replay;
	} else {
		so.engine = engine;
		so.engine_impl = engine_impl(engine);
		so.start = true;
	}
	struct sinsp_open_opts oo = {
		.sz = sizeof(oo), .scap = &so,
		.runtime_lookups = d->cfg.runtime_lookups ? SINSP_RUNTIME_LOOKUPS_DEFAULT :
							    SINSP_RUNTIME_LOOKUPS_OFF,
		.runtime_sockets = d->cfg.runtime_sockets,
		.nruntime_sockets = d->cfg.nruntime_sockets,
		.runtime_timeout_ms = d->cfg.runtime_timeout_ms,
	};
	rc = sinsp_open(&oo, &d->s, errbuf);
	if (rc) {
		/* the capture reader's message names its file already */
		if (replay && !strncmp(errbuf, replay, strlen(replay)))
			fprintf(stderr, "scryd: %s\n", errbuf);
		else
			fprintf(stderr, "scryd: %s: %s\n", replay ? replay : engine, errbuf);
		if (!replay && !engine_impl(engine) && strcmp(engine, "kmod"))
			fprintf(stderr, "scryd: this scryd was built without the eBPF probe\n");
		if (rc == -EINVAL && strstr(errbuf, "container runtime"))
			fprintf(stderr, "scryd: %s: containers.sockets names a runtime this scryd "
				"does not know (docker, podman, containerd, cri-o)\n", d->cfg.path);
		return 1;
	}
	if (!replay && scap_start(sinsp_scap(d->s)) < 0) {
		fprintf(stderr, "scryd: %s\n", scap_last_error(sinsp_scap(d->s)));
		return 1;
	}
	scryd_log(SCRYD_LOG_INFO, "capturing (%s)", replay ? replay :
		  !strcmp(engine, "kmod") ? "kernel module" : "eBPF probe");
	return 0;
}

/* Format @a and hand it to each output; @key: its bus key (scry_alert_key()). */
static void emit_alert(struct scryd *d, const struct sinsp_rules_alert *a, uint64_t ts,
		       const char *key)
{
	d->alerts++;
	d->format_failures += scryd_outputs_emit(d->outs, a, ts, d->host, d->replay);
	if (d->bus) {
		const char *json;
		size_t len;

		if (scryd_outputs_json(d->outs, a, ts, d->host, &json, &len))
			d->format_failures++; /* out of memory */
		else
			scryd_bus_alert(d->bus, key, json, len);
	}
}

/* metrics.h's sink: spike alerts as rule alerts; snapshots to metrics.outputs. */
static void metrics_alert(void *ctx, const struct sinsp_rules_alert *a, uint64_t ts)
{
	emit_alert(ctx, a, ts, NULL); /* a spike: keyed by the host */
}

static void metrics_snapshot(void *ctx, const char *line, size_t len)
{
	struct scryd *d = ctx;

	if (d->cfg.metrics.to_stdout)
		scryd_outputs_push_line(d->outs, "stdout", line, len, d->replay);
	if (d->cfg.metrics.to_file)
		scryd_outputs_push_line(d->outs, "file", line, len, d->replay);
	if (d->bus && d->cfg.bus_metrics)
		scryd_bus_metrics(d->bus, line, len);
}

/* The live engine's syscall set, from the rules (capture.h); a replay reads it all. */
static int narrow_capture(struct scryd *d)
{
	struct scryd_capture_src src = {
		.s = d->s, .all = d->cfg.capture_all, .bus_capture = d->bus && d->cfg.bus_capture,
		.rules = d->rules, .metrics = scryd_metrics_handle(d->metrics),
	};

	return d->replay ? 0 : scryd_capture_narrow(&src);
}

/* SIGHUP: the same files again, swapped in only when they load. */
static void reload(struct scryd *d)
{
	struct sinsp_rules *r;

	reload_requested = 0;
	scryd_log(SCRYD_LOG_INFO, "SIGHUP: reloading the rules");
	if (scryd_rules_build(d->s, &d->cfg, true, &r)) {
		d->reload_failures++;
		scryd_log(SCRYD_LOG_ERROR, "the new rules do not load (above); the previous rules "
			  "stay in force");
		return;
	}
	sinsp_rules_free(d->rules);
	d->rules = r;
	d->reloads++;
	narrow_capture(d); /* a refusal is logged; the previous set stays */
	scryd_log(SCRYD_LOG_INFO, "rules reloaded: %zu rules", sinsp_rules_count(r));
}

/* The agent's figures to the Prometheus endpoint; @final: the capture has ended. */
static void prom_publish(struct scryd *d, bool final)
{
	struct scryd_prom_src src = {
		.s = d->s, .metrics = scryd_metrics_handle(d->metrics), .live = !d->replay,
		.engine = d->engine, .rules = d->rules,
		.events = d->read, .evaluated = d->events, .reloads = d->reloads,
		.reload_failures = d->reload_failures, .outputs = d->outs,
	};

	if (final)
		scryd_prom_finish(d->prom, &src);
	else
		scryd_prom_publish(d->prom, &src);
}

/* The event loop. Return 0 at the end of a replay or on a stop signal; 1 a read error. */
static int run(struct scryd *d)
{
	struct sinsp_evt *evt;
	int rc;

	while (!stop_requested) {
		const struct sinsp_rules_alert *alerts;
		size_t n, i;

		if (reload_requested)
			reload(d);
		/* between two events: the render reads the inspector and the metrics */
		if (d->prom && scryd_prom_due(d->prom))
			prom_publish(d, false);
		rc = sinsp_next(d->s, &evt);
		if (rc == SCAP_TIMEOUT) {
			scryd_metrics_idle(d->metrics);
			continue;
		}
		if (rc == SCAP_EOF) {
			scryd_metrics_end(d->metrics);
			return 0;
		}
		if (rc < 0) {
			scryd_log(SCRYD_LOG_ERROR, "reading events: %s", sinsp_last_error(d->s));
			return 1;
		}
		d->read++;
		scryd_metrics_event(d->metrics, evt);
		if (d->prom)
			scryd_prom_count_cpu(d->prom, sinsp_evt_raw(evt)->cpu);
		/* the capture on the bus holds every event, as a capture file does */
		scryd_bus_event(d->bus, d->s, evt);
		if (sinsp_evt_is_hidden(evt))
			continue;
		d->events++;
		n = sinsp_rules_eval(d->rules, evt, &alerts);
		if (n) {
			struct sinsp_thread_info t = { .sz = sizeof(t) };
			const char *key = d->bus && !sinsp_evt_thread(evt, &t) ?
					  scry_alert_key(t.container_id) : NULL;

			for (i = 0; i < n; i++)
				emit_alert(d, &alerts[i], sinsp_evt_ts(evt), key);
		}
	}
	return 0;
}

/* Bind the Prometheus endpoint when enabled. Return 0, or 1 (message printed). */
static int open_prom(struct scryd *d)
{
	char err[256];

	if (!d->cfg.prom_enabled)
		return 0;
	if (scryd_prom_open(&d->cfg, &d->prom, err, sizeof(err))) {
		fprintf(stderr, "scryd: %s\n", err);
		return 1;
	}
	return 0;
}

/*
 * --linger: serve the final figures until SIGTERM or SIGINT. A SIGHUP is said to be
 * ignored: new rules would see no event, and their counters (scry_rules_matches_total,
 * all 0) would replace the replay's, which are what lingering serves.
 */
static void linger(void)
{
	sigset_t block, old;

	scryd_log(SCRYD_LOG_INFO, "replay done; serving the final figures until SIGTERM");
	sigemptyset(&block);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGHUP);
	sigprocmask(SIG_BLOCK, &block, &old);
	while (!stop_requested) {
		sigsuspend(&old);
		if (reload_requested) {
			reload_requested = 0;
			scryd_log(SCRYD_LOG_NOTICE, "SIGHUP: the replay is over: the rules are not "
				  "reloaded (the replay's figures stay served; SIGTERM ends)");
		}
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "check", no_argument, NULL, 'C' },
		{ "replay", required_argument, NULL, 'r' },
		{ "linger", no_argument, NULL, 'L' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	const char *config = SCRYD_DEFAULT_CONFIG, *replay = NULL;
	struct scryd d = { 0 };
	struct sigaction sa;
	char err[1024];
	bool check = false;
	double t0, dt;
	int opt, status, rc;

	while ((opt = getopt_long(argc, argv, "c:h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'c': config = optarg; break;
		case 'C': check = true; break;
		case 'r': replay = optarg; break;
		case 'L': d.linger = true; break;
		case 'h': usage(stdout); return 0;
		case 'V': printf("scryd %s\n", SCRYD_VERSION); return 0;
		default: usage(stderr); return 2;
		}
	}
	if (optind < argc || (check && replay) || (d.linger && !replay)) {
		if (optind < argc)
			fprintf(stderr, "scryd: unexpected argument '%s'\n", argv[optind]);
		else
			fprintf(stderr, "scryd: %s\n", check && replay ?
				"--check and --replay cannot be used together" :
				"--linger applies to --replay");
		usage(stderr);
		return 2;
	}
	if (scryd_config_load(config, &d.cfg, err, sizeof(err))) {
		fprintf(stderr, "%s\n", err);
		scryd_config_free(&d.cfg);
		return 1;
	}
	if (scryd_rules_check(&d.cfg)) {
		scryd_config_free(&d.cfg);
		return 1;
	}
	if (check) {
		printf("%s: OK\n", config);
		scryd_config_free(&d.cfg);
		return 0;
	}
	d.replay = replay != NULL;
	/* before the engine opens: a stop or reload during the open is acted on once the
	 * loop runs (the default actions would end the process); a closed stdout pipe is a
	 * write error of that output, not the end of scryd */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = on_hup;
	sigaction(SIGHUP, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	scryd_log_open(d.cfg.log_target, d.cfg.log_level);
	gethostname(d.host, sizeof(d.host) - 1);
	status = open_prom(&d) || scryd_outputs_open(&d.cfg, &d.outs) ||
		 scryd_bus_open(&d.cfg, d.host, &d.bus) || open_source(&d, replay);
	if (status)
		goto out;
	if (scryd_rules_build(d.s, &d.cfg, true, &d.rules)) {
		status = 1;
		goto out;
	}
	struct scryd_metrics_sink sink = { .alert = metrics_alert, .snapshot = metrics_snapshot,
					   .ctx = &d };
	/* with a bus, scryd is the host it publishes as: its alerts and metrics name it */
	if (d.bus)
		snprintf(d.host, sizeof(d.host), "%s", scryd_bus_host(d.bus));
	/* bus.metrics publishes snapshots though metrics.outputs names none */
	d.cfg.metrics.to_bus = d.bus && d.cfg.bus_metrics;
	if (scryd_metrics_start(d.s, &d.cfg.metrics, !replay, d.host, &sink, &d.metrics)) {
		status = 1;
		goto out;
	}
	if (narrow_capture(&d) || (!replay && scryd_capture_mode(d.s, d.cfg.capture_exit_only,
			!strcmp(d.engine, "kmod"), d.bus && d.cfg.bus_capture))) {
		status = 1;
		goto out;
	}
	rc = scry_drop_capabilities(d.cfg.file_enabled ? CAP_DAC_OVERRIDE : CAP_LAST_CAP + 1);
	if (rc) {
		scryd_log(SCRYD_LOG_ERROR, "dropping capabilities: %s", strerror(-rc));
		status = 1;
		goto out;
	}
	/* the writer threads (and a program output's program) get no more than that */
	if (scryd_outputs_run(d.outs)) {
		status = 1;
		goto out;
	}
	if (d.prom) {
		if (scryd_prom_start(d.prom)) {
			scryd_log(SCRYD_LOG_ERROR, "prometheus: the HTTP server did not start");
			status = 1;
			goto out;
		}
		scryd_log(SCRYD_LOG_INFO, "prometheus: serving http://%s%s%s:%u/metrics and /healthz",
			  strchr(d.cfg.prom_address, ':') ? "[" : "", d.cfg.prom_address,
			  strchr(d.cfg.prom_address, ':') ? "]" : "", scryd_prom_port(d.prom));
	}
	scryd_log(SCRYD_LOG_INFO, "running: %zu rules, pid %d", sinsp_rules_count(d.rules),
		  (int)getpid());
	if (!sinsp_rules_count(d.rules))
		scryd_log(SCRYD_LOG_WARNING, "no rules: add rules files where the configuration's "
			  "'rules' key points (%s), then reload (SIGHUP)", d.cfg.rules[0]);
	t0 = now_s();
	status = run(&d);
	dt = now_s() - t0;
	if (d.prom)
		prom_publish(&d, replay != NULL);
	if (d.prom && d.linger && !status)
		linger();
	if (!replay) {
		SCAP_OPTS(scap_stats, st);

		scap_stop(sinsp_scap(d.s));
		if (scap_get_stats(sinsp_scap(d.s), &st) == 0)
			scryd_log(SCRYD_LOG_INFO, "engine: %" PRIu64 " events, dropped %" PRIu64
				  " (ring full), %" PRIu64 " (too big), %" PRIu64 " (nested); %"
				  PRIu64 " syscalls not counted (counter table full)",
				  st.n_evts, st.n_drop_full, st.n_drop_big, st.n_drop_nest,
				  st.n_count_lost);
	}
	scryd_log(SCRYD_LOG_INFO, "%" PRIu64 " events in %.3f s (%.0f events/s), %" PRIu64
		  " alerts, %" PRIu64 " reloads, %" PRIu64 " failed reloads", d.events, dt,
		  dt > 0 ? d.events / dt : 0.0, d.alerts, d.reloads, d.reload_failures);
	if (d.format_failures)
		scryd_log(SCRYD_LOG_ERROR, "%" PRIu64 " alerts not formatted for an output (out of "
			  "memory)", d.format_failures);
out:
	scryd_prom_close(d.prom); /* before the outputs: its last render read them */
	scryd_metrics_free(d.metrics);
	if (scryd_outputs_close(d.outs) | scryd_bus_close(d.bus))
		status = 1;
	sinsp_rules_free(d.rules);
	sinsp_close(d.s);
	scryd_log_close();
	scryd_config_free(&d.cfg);
	return status;
}

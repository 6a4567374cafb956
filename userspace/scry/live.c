/* SPDX-License-Identifier: Apache-2.0 */
/*
 * live.c - scry without -r: capture from the scry kernel module or the eBPF probe and
 * print, filter or write (-w) the events through the same paths as a capture file.
 *
 * The engine: --engine kmod|bpf, else kmod when the module's first device
 * (/dev/scry0) exists, else bpf (the eBPF probe, on kernels with BTF). kmod is built
 * into libscap; bpf is the library scap_bpf, handed to scap_open() as
 * opts.engine_impl. Both are then driven through the same calls (scry/scap_live.h).
 * libscap's messages state what is wrong; the hints on what to do are scry's
 * (open_hint()). The environment is read here, not in the libraries:
 * SCRY_NO_PROC_SCAN (set: no initial state from /proc), SCRY_BPF_RING_BYTES (bpf: bytes
 * of each ring), SCRY_BPF_DEBUG (set: libbpf's and libscap's messages on stderr).
 *
 * Order of a run: open the engine (kmod: maps every CPU's /dev/scryN, checks the
 * module's versions; bpf: loads and attaches the probe; both start capturing, set the
 * snaplen and say "capturing" (on_capture()), then read the initial state from /proc
 * and /etc while the events are kept aside), hide scry's own events (unless -D, as
 * sysdig: after the scan, whose own syscalls would flood the rings), then drop
 * capabilities, then the event loop. The few events between the start and the snaplen
 * setting carry the driver's current snaplen.
 *
 * Capabilities after the start: the drain reads the mmapped rings and writes their
 * control pages (kmod) or consumer positions (bpf), stop is an ioctl on an open device
 * (kmod) or a store into the probe's mapped settings (bpf), and close releases what
 * is open: none of it needs a capability. So scry keeps nothing, except
 * CAP_DAC_OVERRIDE with -w (the files -w and its rotation create later must be
 * creatable where root could create them). The bounding set is emptied the same way
 * and, where allowed, the securebits are locked so that uid 0 regains no capability on
 * execve.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/capability.h>
#include <unistd.h>

#ifdef SCRY_HAVE_SCAP_BPF
#include <scry/scap_bpf.h>
#endif
#include <scry/scap_engine.h>
#include <scry/scap_live.h>
#include <scry/sinsp.h>
#include <scry/sinsp_filter.h>
#include <scry/sinsp_state.h>

#include "caps.h"
#include "live.h"
#include "print.h"

static volatile sig_atomic_t live_stop;

/* The first SIGINT/SIGTERM ends the capture once the events from before it are read
 * (scry_stop_due()), a second one at once. */
static void on_signal(int sig)
{
	(void)sig;
	live_stop = live_stop ? SCRY_STOP_NOW : SCRY_STOP_DRAIN;
}

/* Say how much the driver dropped, when it did. */
static void report_drops(scap_t *h)
{
	SCAP_OPTS(scap_stats, st);

	if (scap_get_stats(h, &st) != 0)
		return;
	if (st.n_drop_full || st.n_drop_big || st.n_drop_nest)
		fprintf(stderr, "scry: the driver dropped %" PRIu64 " of %" PRIu64 " events "
			"(%" PRIu64 " ring full, %" PRIu64 " too big, %" PRIu64 " nested)\n",
			st.n_drop_full + st.n_drop_big + st.n_drop_nest,
			st.n_evts + st.n_drop_full + st.n_drop_big + st.n_drop_nest,
			st.n_drop_full, st.n_drop_big, st.n_drop_nest);
}

/* -S: how the container runtime lookups went, when there were any. */
static void report_lookups(sinsp_t *s)
{
	struct sinsp_runtime_stats st = { .sz = sizeof(st) };

	if (sinsp_runtime_stats(s, &st) != 0 || !st.requested)
		return;
	fprintf(stderr, "scry: container lookups: %" PRIu64 " ok, %" PRIu64 " failed, %" PRIu64
		" timed out, %" PRIu64 " pending (%" PRIu64 " calls, %.1f ms on average, %.1f ms "
		"at most)\n", st.ok, st.failed, st.timed_out, st.pending, st.attempts,
		st.lookups_timed ? st.lookup_ns_total / 1e6 / (double)st.lookups_timed : 0.0,
		st.lookup_ns_max / 1e6);
}

/*
 * Refuse a bad -p format or filter before the engine is opened (loading the probe
 * takes seconds): both are compiled once on an inspector without events.
 * Return: 0, or the exit status of scry_print_setup() (message printed).
 */
int scry_live_check_args(const struct scry_live_opts *o)
{
	char errbuf[SCAP_ERRBUF_SIZE] = "";
	struct sinsp_formatter *fmt;
	struct sinsp_filter *filter;
	sinsp_t *s;
	int status;

	SCAP_OPTS(scap_open_opts, so, .engine = "noop");
	struct sinsp_open_opts oo = { .sz = sizeof(oo), .scap = &so, .compat_sysdig_0_29 = true };
	if (sinsp_open(&oo, &s, errbuf)) {
		fprintf(stderr, "scry: %s\n", errbuf);
		return 1;
	}
	status = scry_print_setup(s, o->format, o->json, o->filter, &fmt, &filter);
	sinsp_filter_free(filter);
	sinsp_formatter_free(fmt);
	sinsp_close(s);
	return status;
}

/* The engine named @name when it lives in an engine library scry links, else NULL
 * (built into libscap, or unknown: scap_open() says which). */
static const struct scap_engine_ops *engine_impl(const char *name)
{
#ifdef SCRY_HAVE_SCAP_BPF
	if (!strcmp(name, scap_bpf_engine()->name))
		return scap_bpf_engine();
#endif
	return NULL;
}

/* SCRY_BPF_DEBUG: every message of the libraries (libbpf's through libscap's) on stderr. */
static void log_stderr(enum scap_log_level level, const char *msg, void *ctx)
{
	(void)level;
	(void)ctx;
	fprintf(stderr, "scry: %s\n", msg);
}

/* The environment's part of the open options (see the top of this file). Return 0, or
 * 1 with a message for a SCRY_BPF_RING_BYTES that is no number. */
static int open_opts_from_env(struct scap_open_opts *so, const char *engine)
{
	const char *rb = getenv("SCRY_BPF_RING_BYTES");
	char *end;

	so->no_proc_scan = getenv("SCRY_NO_PROC_SCAN") != NULL;
	if (getenv("SCRY_BPF_DEBUG")) {
		so->log_loader = true;
		so->log_fn = log_stderr;
	}
	if (rb && *rb && !strcmp(engine, "bpf")) {
		errno = 0;
		so->ring_bytes = strtoull(rb, &end, 0);
		if (*end || errno) {
			fprintf(stderr, "scry: SCRY_BPF_RING_BYTES=%s is not a number of bytes\n", rb);
			return 1;
		}
	}
	return 0;
}

/* What to do about a live engine that did not open: scry's advice, by error code. */
static void open_hint(const char *engine, int rc)
{
	bool kmod = !strcmp(engine, "kmod");

	if ((rc == -EACCES || rc == -EPERM) && geteuid() != 0)
		fprintf(stderr, "scry: run scry as root (e.g. sudo scry); running as uid %u\n",
			(unsigned)geteuid());
	else if (kmod && (rc == -ENOENT || rc == -ENXIO || rc == -ENODEV))
		fprintf(stderr, "scry: load the module with scry --driver load (as root), or "
			"install it with DKMS; or capture with the eBPF probe (--engine bpf)\n");
	else if (kmod && rc == -EPROTO)
		fprintf(stderr, "scry: unload that module (scry --driver unload) and load the "
			"scry.ko built with this scry (scry --driver load)\n");
	else if (!kmod && rc == -ENOTSUP && !engine_impl(engine))
		fprintf(stderr, "scry: this scry was built without the eBPF probe (bpftool, clang, "
			"libbpf or the kernel's BTF were missing at build time: see the CMake "
			"output); use the kernel module (scry --driver load, then --engine kmod)\n");
	else if (!kmod && rc != -EACCES && rc != -EPERM && rc != -EINVAL)
		fprintf(stderr, "scry: SCRY_BPF_DEBUG=1 prints libbpf's and the verifier's "
			"messages; the kernel module is the other way to capture (scry --driver "
			"load, then --engine kmod)\n");
}

const char *scry_live_engine(const char *requested)
{
	const char *engine = requested;

	if (!engine)
		engine = access("/dev/scry0", F_OK) == 0 ? "kmod" : "bpf";
	if (strcmp(engine, "kmod") != 0 && strcmp(engine, "bpf") != 0) {
		fprintf(stderr, "scry: --engine %s: the live engines are kmod (the scry kernel "
			"module) and bpf (the eBPF probe)\n", engine);
		return NULL;
	}
	return engine;
}

/* What on_capture() needs: the options, and whether to print the capturing line. */
struct live_capture {
	const struct scry_live_opts *o;
	const char *engine;
	bool announce;
};

/*
 * opts.on_capture: capture has begun, before the /proc scan (the longest part of the
 * start-up on a loaded machine): the snaplen from here on (scry_live_start() sets it
 * again and reports an error), and the capturing line, on a terminal or with
 * --notify-start. Every event from here on is captured (kept aside by the engine during
 * the scan, applied after its state).
 */
static void on_capture(scap_t *h, void *ctx)
{
	const struct live_capture *c = ctx;

	if (c->o->snaplen)
		scap_set_snaplen(h, c->o->snaplen);
	if (c->announce && (c->o->notify_start || isatty(STDERR_FILENO)))
		fprintf(stderr, "scry: capturing (%s), Ctrl-C to stop\n",
			strcmp(c->engine, "kmod") ? "eBPF probe" : "kernel module");
}

int scry_live_open(const struct scry_live_opts *o, const char *engine, bool announce,
		   sinsp_t **out)
{
	char errbuf[SCAP_ERRBUF_SIZE] = "";
	struct live_capture lc = { .o = o, .engine = engine, .announce = announce };
	sinsp_t *s = NULL;
	int rc;

	*out = NULL;
	/* started before the /proc scan: no process is missed between the two */
	SCAP_OPTS(scap_open_opts, so, .engine = engine, .engine_impl = engine_impl(engine),
		  .start = true, .on_capture = on_capture, .on_capture_ctx = &lc);
	if (open_opts_from_env(&so, engine))
		return 1;
	struct sinsp_open_opts oo = { .sz = sizeof(oo), .scap = &so,
				      .max_str_len = o->verbose ? UINT32_MAX : 0,
				      /* the rules see the true values (proc.tty), as Falco's do */
				      .compat_sysdig_0_29 = !o->rules,
				      .buffer_format = o->buffer_format,
				      .time_output = o->time_output,
				      .runtime_lookups = o->runtime_lookups,
				      .runtime_sockets = o->runtime_sockets,
				      .nruntime_sockets = o->nruntime_sockets,
				      .runtime_timeout_ms = o->runtime_timeout_ms };
	rc = sinsp_open(&oo, &s, errbuf);
	if (rc) {
		fprintf(stderr, "scry: %s\n", errbuf);
		open_hint(engine, rc);
		return 1;
	}
	*out = s;
	return 0;
}

int scry_live_start(sinsp_t *s, const struct scry_live_opts *o)
{
	scap_t *h = sinsp_scap(s);
	int rc;

	/* the engine leaves scry's process out from the open on; -D keeps it in */
	if ((o->snaplen && scap_set_snaplen(h, o->snaplen) < 0) ||
	    (o->debug && scap_set_exclude_tgid(h, 0) < 0)) {
		fprintf(stderr, "scry: %s\n", scap_last_error(h));
		return 1;
	}
	if (scap_start(h) < 0) {
		fprintf(stderr, "scry: %s\n", scap_last_error(h));
		return 1;
	}
	rc = scry_drop_capabilities((o->write && o->write->path) ||
				    (o->rules && o->rules->capture.dir) ? CAP_DAC_OVERRIDE : CAP_LAST_CAP + 1);
	if (rc) {
		fprintf(stderr, "scry: dropping capabilities: %s\n", strerror(-rc));
		return 1;
	}
	return 0;
}

int scry_live(const struct scry_live_opts *o)
{
	struct sinsp_formatter *fmt = NULL;
	struct sinsp_filter *filter = NULL;
	struct sinsp_rules *rules = NULL;
	struct sigaction sa;
	const char *engine = scry_live_engine(o->engine);
	sinsp_t *s = NULL;
	scap_t *h;
	int status;

	if (!engine)
		return 2;
	status = scry_live_check_args(o);
	if (status)
		return status;
	/* likewise a -w path that cannot be created */
	if (o->write && o->write->path && scry_write_check(o->write))
		return 1;
	/* before the open, which says "capturing": a SIGINT from that line on ends the
	 * capture cleanly (from the open's scan on, it is seen once the loop runs) */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	status = scry_live_open(o, engine, true, &s);
	if (status)
		return status;
	h = sinsp_scap(s);
	status = scry_print_setup(s, o->format, o->json, o->filter, &fmt, &filter);
	if (status)
		goto out;
	if (o->rules) {
		o->rules->source = NULL;
		o->rules->capture.compat_0293 = true; /* live: files sysdig 0.29.3 reads */
		status = scry_rules_load(s, o->rules, &rules);
		if (status)
			goto out;
	}
	status = scry_live_start(s, o);
	if (status)
		goto out;
	if (rules) {
		/* -M live: seconds of capture by the clock, also when no event comes */
		o->rules->max_s = 0;
		o->rules->clock_end_ns = scry_clock_end(o->max_s);
		status = scry_rules_run(s, rules, filter, o->rules, &live_stop);
	} else if (o->write && o->write->path) {
		o->write->max_events = o->max_events;
		o->write->max_s = 0;
		/* -M live: seconds of capture by the clock, also when no event comes */
		o->write->clock_end_ns = scry_clock_end(o->max_s);
		o->write->read_path = NULL;
		status = scry_write(s, filter, o->write, &live_stop);
	} else {
		struct scry_print_opts po = o->print;

		po.debug = o->debug;
		po.max_events = o->max_events;
		po.clock_end_ns = scry_clock_end(o->max_s);

		status = scry_print(s, fmt, filter, &po, &live_stop);
	}
	scap_stop(h);
	report_drops(h);
	if (o->print.summary)
		report_lookups(s);
out:
	sinsp_rules_free(rules);
	sinsp_filter_free(filter);
	sinsp_formatter_free(fmt);
	sinsp_close(s);
	return status;
}

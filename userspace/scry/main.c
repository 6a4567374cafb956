/* SPDX-License-Identifier: Apache-2.0 */
/*
 * scry - capture, replay, filter and format system calls, with sysdig's command line.
 *
 *   scry -r trace.scap                 replay a capture file (plain or gzip)
 *   scry -r trace.scap -p '%proc.name %fd.name'
 *   scry -r trace.scap -j              JSON lines
 *   scry -r trace.scap proc.name=curl and fd.name contains lib
 *   scry -r trace.scap -w out.scap proc.name=curl   re-write the matching events
 *   scry -r trace.scap proc.name=curl -n 10         options may follow the filter
 *
 * Exit status: 0 success, 1 runtime error (unreadable or corrupt capture) or a -p format
 * sysdig refuses (its message, with "scry: -p: " before it and the position after), 2
 * usage. The options and --help are in args.c.
 */
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/capability.h>

#include <scry/sinsp.h>
#include <scry/sinsp_filter.h>

#include "args.h"
#include "caps.h"
#include "live.h"
#include "metrics_cli.h"
#include "print.h"
#include "publish.h"
#include "replay_open.h"
#include "rules_cli.h"
#include "top/top.h"
#include "write.h"

static struct scry_cli_opts opts;

static volatile sig_atomic_t stop_requested;

static void on_stop_signal(int sig)
{
	(void)sig;
	stop_requested = 1;
}

/* After -w -S: the counts of what was written (nothing without -S); returns @status. */
static int print_write_summary(int status)
{
	if (opts.write.summary) {
		scry_summary_print(opts.write.summary, stdout);
		scry_summary_free(opts.write.summary);
		if (fflush(stdout) != 0 && status == 0)
			status = 1;
	}
	return status;
}

int main(int argc, char **argv)
{
	struct sinsp_formatter *fmt = NULL;
	struct sinsp_filter *filter = NULL;
	sinsp_t *s = NULL;
	int rc, status;

	/* scry top: the curses view (top/), with options of its own */
	if (argc > 1 && !strcmp(argv[1], "top"))
		return scry_top(argc - 1, argv + 1);
	rc = scry_parse_args(argc, argv, &opts);
	if (rc)
		return rc;
	opts.rules.json = opts.json;
	opts.rules.unbuffered = opts.unbuffered;
	opts.rules.max_events = opts.max_events;
	opts.rules.max_s = opts.write.max_s;
	if (opts.validate)
		return scry_rules_validate(&opts.rules);
	if (opts.fetch) {
		if (!scry_publish_is(opts.read_path)) {
			fprintf(stderr, "scry: --fetch reads a bus: -r nats://HOST:PORT/STREAM?host=NAME\n");
			return 2;
		}
		return scry_publish_fetch(opts.read_path, opts.fetch);
	}
	/* rules that do not load never leave a capture running unguarded: checked first */
	if (opts.rules.npaths && scry_rules_check(&opts.rules))
		return 1;
	if (opts.rules.capture.dir && scry_capture_check(&opts.rules.capture))
		return 1;
	/* -w -S: the writer counts, the summary follows the capture (as sysdig's) */
	if (opts.write.path && opts.summary) {
		static struct scry_summary sm;

		opts.write.summary = &sm;
	}
	if (!opts.read_path) {
		struct scry_live_opts lo = {
			.engine = opts.engine, .format = opts.format, .json = opts.json,
			.verbose = opts.verbose, .debug = opts.debug, .max_events = opts.max_events,
			.max_s = opts.write.max_s, .snaplen = opts.write.snaplen,
			.filter = opts.filter, .write = &opts.write,
			.print = { .quiet = opts.quiet, .summary = opts.summary,
				   .unbuffered = opts.unbuffered },
			.buffer_format = opts.buffer_format, .time_output = opts.time_output,
			.runtime_lookups = opts.no_runtime_lookups ? SINSP_RUNTIME_LOOKUPS_OFF :
								     SINSP_RUNTIME_LOOKUPS_DEFAULT,
			.runtime_sockets = opts.runtime_sockets,
			.nruntime_sockets = opts.nruntime_sockets,
			.runtime_timeout_ms = opts.runtime_timeout_ms,
			.rules = opts.rules.npaths ? &opts.rules : NULL,
			.notify_start = opts.notify_start,
		};

		return print_write_summary(scry_live(&lo));
	}

	/*
	 * A capture is untrusted input: it is opened with root's powers (a file only root can
	 * read), then every capability goes before its first byte is parsed (-w keeps only
	 * CAP_DAC_OVERRIDE to create its files, as live capture does).
	 */
	struct sinsp_open_opts o = { .sz = sizeof(o),
				     .max_str_len = opts.verbose ? UINT32_MAX : 0,
				     /* the rules see the true values, as Falco's do */
				     .compat_sysdig_0_29 = !opts.rules.npaths,
				     .buffer_format = opts.buffer_format,
				     .time_output = opts.time_output };
	if (scry_replay_open(opts.read_path, opts.write.path || opts.rules.capture.dir ?
			     CAP_DAC_OVERRIDE : CAP_LAST_CAP + 1, &o, &s))
		return 1;
	status = scry_print_setup(s, opts.format, opts.json, opts.filter, &fmt, &filter);
	if (status) {
		sinsp_close(s);
		return status;
	}
	if (opts.metrics) {
		struct scry_metrics_cli_opts mo = {
			.interval_ns = opts.metrics_ns, .json = opts.json, .top_n = 3,
			.source = opts.read_path, .unbuffered = opts.unbuffered,
		};

		status = scry_metrics_print(s, filter, &mo, NULL);
	} else if (opts.rules.npaths) {
		struct sinsp_rules *rules = NULL;

		struct scry_alert_pub *ap = NULL;

		opts.rules.source = opts.read_path;
		/* before the load: the alerts' JSON fields are wanted then */
		status = opts.write.path ? scry_publish_alerts_open(&opts.write, &opts.rules, &ap) : 0;
		if (!status)
			status = scry_rules_load(s, &opts.rules, &rules);
		if (!status)
			status = scry_rules_run(s, rules, filter, &opts.rules, NULL);
		if (scry_publish_alerts_close(ap))
			status = 1;
		sinsp_rules_free(rules);
	} else if (opts.write.path) {
		struct sigaction sa;

		/* SIGINT/SIGTERM end the loop between events: the file is closed complete */
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_stop_signal;
		sigaction(SIGINT, &sa, NULL);
		sigaction(SIGTERM, &sa, NULL);
		opts.write.max_events = opts.max_events;
		opts.write.read_path = opts.read_path;
		status = print_write_summary(scry_write(s, filter, &opts.write, &stop_requested));
	} else {
		struct scry_print_opts po = {
			.debug = opts.debug, .max_events = opts.max_events,
			.max_s = opts.write.max_s, .source = opts.read_path,
			.quiet = opts.quiet, .summary = opts.summary, .unbuffered = opts.unbuffered,
		};

		status = scry_print(s, fmt, filter, &po, NULL);
	}
	sinsp_filter_free(filter);
	sinsp_formatter_free(fmt);
	sinsp_close(s);
	return status;
}

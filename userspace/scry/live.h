/* SPDX-License-Identifier: Apache-2.0 */
/*
 * live.h - scry without -r: live capture from the scry kernel module (kmod engine) or
 * the eBPF probe (bpf engine), and scry --driver load|unload|status.
 */
#ifndef SCRY_LIVE_H
#define SCRY_LIVE_H

#include <stdbool.h>
#include <stdint.h>

#include "print.h"
#include "rules_cli.h"
#include "write.h"

struct scry_live_opts {
	const char *engine;            /* -k/--engine: "kmod" or "bpf"; NULL: kmod when
	                                  /dev/scry0 exists, else bpf */
	const char *format;            /* -p; NULL: the default format */
	bool json;                     /* -j */
	bool verbose;                  /* -v: buffers printed in full */
	bool debug;                    /* -D: hidden events, and scry's own events */
	uint64_t max_events;           /* -n; 0: no limit */
	uint64_t max_s;                /* -M; 0: no limit */
	uint32_t snaplen;              /* -s: bytes of I/O buffers captured; 0: driver default */
	const char *filter;            /* NULL or "": none */
	struct scry_write_opts *write; /* -w and its options; write->path NULL: print */
	struct scry_print_opts print;  /* -q, -S, --unbuffered (the rest is set from above) */
	enum sinsp_buffer_format buffer_format; /* -A, -x, -X, -b */
	enum sinsp_time_output time_output;     /* -t */
	/* container metadata from the runtimes (sinsp_open_opts.runtime_*) */
	enum sinsp_runtime_lookups runtime_lookups;     /* --no-runtime-lookups: OFF */
	const struct sinsp_runtime_socket *runtime_sockets; /* --runtime-socket */
	uint32_t nruntime_sockets;
	uint32_t runtime_timeout_ms;                    /* --runtime-timeout; 0: default */
	struct scry_rules_opts *rules; /* --rules: alerts instead of events; NULL: none */
	bool notify_start;             /* --notify-start: the "capturing" line on stderr also
	                                  when it is no terminal */
};

/*
 * Capture live until -n/-M or SIGINT/SIGTERM: open the engine, which starts capturing,
 * says so on stderr ("scry: capturing (ENGINE), Ctrl-C to stop", on a terminal or with
 * --notify-start: from that line on, every event is captured) and reads the initial
 * state from /proc and /etc; then drop every capability the rest of the run does not
 * need, then print or
 * write (-w) the events the filter matches, as for a capture file. With -S, the counts of container
 * runtime lookups follow on stderr. Return the exit status: 0; 1 runtime error (module missing, not root, version
 * mismatch: the message says what to do); 2 usage error (bad format or filter).
 */
int scry_live(const struct scry_live_opts *o);

/*
 * The parts of scry_live() that scry top shares. scry_live_engine(): the engine to use
 * for --engine @requested (NULL: kmod when /dev/scry0 exists, else bpf), or NULL after
 * a message for an unknown one (exit status 2). scry_live_open(): open @engine (it
 * starts capturing and reads the initial state; o->runtime_*, o->verbose, o->rules,
 * o->buffer_format and o->time_output apply); with @announce, the line "scry:
 * capturing ..." on stderr (a terminal, or o->notify_start) as soon as capture has
 * begun, before the scan; on failure the message and scry's advice are on stderr. scry_live_start(): set o->snaplen, keep scry's own events with
 * o->debug, start, and drop every capability (but CAP_DAC_OVERRIDE with -w or
 * --capture-dir). Both return 0 or the exit status (1).
 */
const char *scry_live_engine(const char *requested);
/* The -p format (o->format, o->json) and the filter (o->filter) compiled on an
 * inspector without events, before an engine is opened: 0, or the exit status of
 * scry_print_setup() (message printed). */
int scry_live_check_args(const struct scry_live_opts *o);
int scry_live_open(const struct scry_live_opts *o, const char *engine, bool announce,
		   sinsp_t **out);
int scry_live_start(sinsp_t *s, const struct scry_live_opts *o);

/*
 * scry --driver ACTION [MODULE]: "load" (MODULE: a scry.ko path or a module name;
 * default: the installed module "scry" (DKMS), else the scry.ko built beside this scry,
 * build/driver-kbuild/scry.ko), "unload", "status". Prints what it did or found.
 * Return the exit status: 0; 1 failed (message says why); 2 unknown action.
 */
int scry_driver(const char *action, int argc, char **argv);

#endif /* SCRY_LIVE_H */

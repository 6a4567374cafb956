/* SPDX-License-Identifier: Apache-2.0 */
/*
 * args.h - scry's command line: what it asks for (sysdig's options, Falco's rules
 * options, scry's own), its parsing and its --help (args.c).
 */
#ifndef SCRY_ARGS_H
#define SCRY_ARGS_H

#include <stdbool.h>
#include <stdint.h>

#include <scry/sinsp.h>

#include "rules_cli.h"
#include "write.h"

/* --runtime-socket at most this many times (one per runtime is all that matters) */
#define MAX_RUNTIME_SOCKETS 16

struct scry_cli_opts {
	const char *read_path;
	const char *format;
	const char *print_arg;   /* -p as given (--rules: Falco's -p) */
	bool print_default;      /* -pp: print the default format and exit */
	bool json;
	bool verbose;
	bool debug;              /* also print hidden internal events */
	uint64_t max_events;     /* 0: no limit */
	const char *filter;      /* joined trailing arguments, NULL when none */
	struct scry_write_opts write; /* -w and its options; write.path NULL: no -w */
	const char *fetch;            /* --fetch=KIND: print a bus's KIND messages */
	const char *engine;      /* -k/--engine: live capture engine (no -r) */
	enum sinsp_buffer_format buffer_format; /* -A, -x, -X, -b */
	enum sinsp_time_output time_output;     /* -t */
	bool quiet;              /* -q */
	bool summary;            /* -S */
	bool unbuffered;         /* --unbuffered */
	/* live: container metadata from the runtimes (sinsp_open_opts.runtime_*) */
	bool no_runtime_lookups; /* --no-runtime-lookups */
	struct sinsp_runtime_socket runtime_sockets[MAX_RUNTIME_SOCKETS]; /* --runtime-socket */
	uint32_t nruntime_sockets;
	uint32_t runtime_timeout_ms; /* --runtime-timeout */
	struct scry_rules_opts rules; /* --rules and its options (rules.npaths 0: none) */
	bool validate;           /* --validate: rules.paths are to be validated */
	bool notify_start;       /* --notify-start */
	bool metrics;            /* --metrics: figures per interval instead of events */
	uint64_t metrics_ns;     /* its interval */
};

/*
 * scry_parse_args() - the options and the filter words of @argv into @o (zeroed by the
 * caller; its strings point into @argv, which outlives the run). Options may come
 * before and after the filter words, as in sysdig. --help, -l, -L, --version and -pp
 * print and exit, --driver runs and exits, as sysdig's do.
 * Return: 0; 1 out of memory, or Falco's refusal of -t with -T/-D; 2 a usage error
 * (the message printed).
 */
int scry_parse_args(int argc, char **argv, struct scry_cli_opts *o);

#endif /* SCRY_ARGS_H */

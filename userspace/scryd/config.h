/* SPDX-License-Identifier: Apache-2.0 */
/*
 * config.h - scryd's configuration: one YAML file (default /etc/scry/scryd.yaml), every
 * key documented in the example shipped beside this file (scryd.yaml).
 */
#ifndef SCRYD_CONFIG_H
#define SCRYD_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <scry/sinsp.h>

#include "metrics.h"

#define SCRYD_DEFAULT_CONFIG "/etc/scry/scryd.yaml"

enum scryd_log_target { SCRYD_LOG_STDERR = 0, SCRYD_LOG_SYSLOG };

/* syslog's levels, the same numbers (LOG_ERR ... LOG_DEBUG) */
enum scryd_log_level {
	SCRYD_LOG_ERROR = 3,
	SCRYD_LOG_WARNING = 4,
	SCRYD_LOG_NOTICE = 5,
	SCRYD_LOG_INFO = 6,
	SCRYD_LOG_DEBUG = 7,
};

/* containers.sockets: at most this many entries (one per runtime is all that counts) */
#define SCRYD_RUNTIMES_MAX 8

struct scryd_config {
	char *path;                 /* the file read */
	char *engine;               /* "kmod", "bpf", or "auto" (kmod when /dev/scry0 exists) */
	char **rules;               /* rules files or directories, in load order */
	size_t nrules;
	int min_priority;           /* enum sinsp_priority */
	bool stdout_enabled;        /* outputs.stdout */
	bool stdout_json;           /* outputs.stdout.format: json (else text) */
	uint32_t stdout_queue;      /* alerts waiting at most */
	bool file_enabled;          /* outputs.file: JSON lines */
	char *file_path;
	uint64_t file_max_size;     /* bytes of a file before it rotates; 0: never */
	uint32_t file_max_files;    /* rotated files kept (path.1 ... path.N) */
	uint32_t file_queue;
	bool syslog_enabled;        /* outputs.syslog */
	bool syslog_json;           /* format: json (else text, the default) */
	char *syslog_ident;         /* default "scryd" */
	int syslog_facility;        /* LOG_USER (the default) ... LOG_LOCAL7 */
	uint32_t syslog_queue;
	bool program_enabled;       /* outputs.program */
	bool program_json;          /* format: json (the default) or text */
	char *program_cmd;          /* run with sh -c */
	bool program_keep_alive;    /* one program for all alerts (default true) */
	uint32_t program_queue;
	bool http_enabled;          /* outputs.http: Falco's JSON POSTed */
	char *http_url;
	char *http_user_agent;      /* NULL: scryd/VERSION */
	char **http_headers;        /* "Name: value", nheaders of them */
	size_t http_nheaders;
	uint32_t http_timeout_ms;   /* a whole request (default 5000) */
	uint32_t http_connect_timeout_ms; /* default 2000 */
	bool http_insecure;
	char *http_ca_bundle, *http_ca_path;
	uint32_t http_queue;
	enum scryd_log_target log_target;
	enum scryd_log_level log_level;
	struct scryd_metrics_config metrics; /* metrics: (metrics.h) */
	bool prom_enabled;          /* prometheus: the /metrics and /healthz endpoint */
	char *prom_address;         /* IPv4 or IPv6 literal */
	uint16_t prom_port;         /* 0: any free port (logged) */
	uint32_t prom_stall_timeout; /* seconds without progress before /healthz says 503 */
	/* containers: metadata from the runtimes (sinsp_open_opts.runtime_*, scry/sinsp.h) */
	bool runtime_lookups;       /* containers.lookups (default true) */
	uint32_t runtime_timeout_ms; /* containers.timeout_ms; 0: the library's default */
	struct sinsp_runtime_socket runtime_sockets[SCRYD_RUNTIMES_MAX]; /* containers.sockets;
	                               strings owned (freed by scryd_config_free()) */
	uint32_t nruntime_sockets;
	/* bus: publishing to a message bus (bus.c, config_bus.inc) */
	bool bus_enabled;
	char *bus_url;              /* nats://HOST:PORT[,...]/STREAM[?host=NAME&replicas=N] */
	char *bus_spool_dir;        /* the spool (default /var/spool/scry/bus) */
	uint64_t bus_spool_size;    /* bytes */
	bool bus_capture, bus_alerts, bus_metrics;
	uint64_t bus_chunk_events;  /* events a capture chunk holds at most */
	uint64_t bus_max_message;   /* the bus's largest message, bytes */
	bool capture_all;           /* capture.syscalls: all (else auto: capture.c) */
	int capture_exit_only;      /* capture.exit_only: 1, 0; -1 unset (capture.c) */
};

/*
 * Read @path into @c (zeroed first; free with scryd_config_free() whatever the result).
 * Return: 0; -1 with "FILE:LINE:COL: what is wrong" (or "FILE: why it cannot be read")
 * in @err (@errsz bytes).
 */
int scryd_config_load(const char *path, struct scryd_config *c, char *err, size_t errsz);

void scryd_config_free(struct scryd_config *c);

#endif /* SCRYD_CONFIG_H */

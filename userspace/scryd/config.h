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
	enum scryd_log_target log_target;
	enum scryd_log_level log_level;
	/* bus: publishing to a message bus (bus.c, config_bus.inc) */
	bool bus_enabled;
	char *bus_url;              /* nats://HOST:PORT[,...]/STREAM[?host=NAME&replicas=N] */
	char *bus_spool_dir;        /* the spool (default /var/spool/scry/bus) */
	uint64_t bus_spool_size;    /* bytes */
	bool bus_capture, bus_alerts, bus_metrics;
	uint64_t bus_chunk_events;  /* events a capture chunk holds at most */
	uint64_t bus_max_message;   /* the bus's largest message, bytes */
};

/*
 * Read @path into @c (zeroed first; free with scryd_config_free() whatever the result).
 * Return: 0; -1 with "FILE:LINE:COL: what is wrong" (or "FILE: why it cannot be read")
 * in @err (@errsz bytes).
 */
int scryd_config_load(const char *path, struct scryd_config *c, char *err, size_t errsz);

void scryd_config_free(struct scryd_config *c);

#endif /* SCRYD_CONFIG_H */

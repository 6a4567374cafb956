/* SPDX-License-Identifier: Apache-2.0 */
/*
 * rules_cli.h - scry's Falco-compatible side: --validate (load results as a report or
 * Falco's JSON) and --rules (alerts on stdout as Falco prints them, counts on stderr).
 */
#ifndef SCRY_RULES_CLI_H
#define SCRY_RULES_CLI_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>

#include <scry/sinsp.h>
#include <scry/sinsp_filter.h>
#include <scry/sinsp_rules.h>

#include "alert_capture.h"

struct scry_rules_opts {
	const char **paths;      /* --rules / --validate paths, in order */
	size_t npaths;
	bool json;               /* -j */
	int min_priority;        /* --min-priority: enum sinsp_priority; -1 none */
	const char **enable_tags, **disable_tags, **disable_rules;
	size_t nenable_tags, ndisable_tags, ndisable_rules;
	bool match_all;          /* --rule-matching all */
	bool all_events;         /* --all-events */
	bool iso8601;            /* --iso8601 */
	bool unbuffered;
	const char *print_extra; /* Falco's -p: a format added to every rule's output, or its
	                            shortcuts c, k (and container, kubernetes, cg, kg, ...:
	                            scry_rules_load()); NULL none */
	uint64_t max_events;     /* -n: stop after this many events read (0: no limit) */
	uint64_t max_s;          /* -M on a capture: stop once the event time is this many
	                            seconds past the first counted event (0: no limit) */
	uint64_t clock_end_ns;   /* -M live: stop when CLOCK_MONOTONIC reaches this, with or
	                            without events (scry_clock_end()); 0 no limit */
	const char *source;      /* capture file (errors name it); NULL live */
	struct scry_capture_opts capture; /* --capture-dir ... (capture.dir NULL: off) */
	/* -w nats://... with --rules (publish.h): each alert also goes, as its JSON line,
	 * to alert_sink(alert_ctx, key, line, length), key its bus key (scry_alert_key():
	 * the container id, NULL for the host's own) */
	void (*alert_sink)(void *ctx, const char *key, const char *json, size_t len);
	void *alert_ctx;
	/* the host alerts name when their event has none (evt.host): the bus's (its URL's
	 * host=) when publishing them; NULL this machine's name */
	const char *host;
};

/*
 * scry --validate: load o->paths (one load result per file), print the results (Falco's
 * {"falco_load_results": [...]} with o->json, else one line per file and per message
 * with file:line:column) on stdout.
 * Return: 0 every file loads (warnings allowed); 1 some error.
 */
int scry_rules_validate(const struct scry_rules_opts *o);

/*
 * Load and compile o->paths on a handle with no events; on an error print the report on
 * stderr. Return: 0 they load; 1 an error (scry exits before any engine opens).
 */
int scry_rules_check(const struct scry_rules_opts *o);

/*
 * Load, compile and select o's rules on @s. On an error the human report goes to stderr.
 * Return: 0 and *out (sinsp_rules_free()); 1 an error.
 */
int scry_rules_load(sinsp_t *s, const struct scry_rules_opts *o, struct sinsp_rules **out);

/*
 * The alerting loop: read the events of @s (those @filter passes, NULL: all), evaluate
 * the rules on each, print each alert on stdout (text or JSON lines), and at the end on
 * stderr the number of events and of alerts per priority and per rule. With
 * o->capture.dir, every event read also goes through the alert capture
 * (alert_capture.h) and each alert writes or extends a file there; its figures are
 * printed on stderr before the counts. Stops at the end
 * of the source, on a read error, or on *@stop (may be NULL; see scry_stop_due(): live,
 * the first signal drains what the engine holds, the counts then include it).
 * Return: 0; 1 a read error, stdout or a capture file could not be written (alerting
 * goes on after a capture file fails).
 */
int scry_rules_run(sinsp_t *s, struct sinsp_rules *r, struct sinsp_filter *filter,
		   const struct scry_rules_opts *o, volatile sig_atomic_t *stop);

#endif /* SCRY_RULES_CLI_H */

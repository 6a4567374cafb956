/* SPDX-License-Identifier: Apache-2.0 */
/*
 * prom.h - scryd's Prometheus endpoint: once per interval the capture loop renders the
 * agent's figures into the text exposition format (prom_text.h) and publishes the text
 * to the HTTP server (prom_http.h), which serves it at /metrics.
 *
 * The series are named after Falco's (falcosecurity_scap_n_evts_total, ...) with the
 * prefix scry_ instead of falcosecurity_ and scry_agent_ for Falco's falco_ subsystem.
 * Departures, for promtool's lint: gauges lose Falco's _total suffix
 * (scry_scap_n_threads, not _n_threads_total), resources are in base units (seconds,
 * bytes), and each family has its HELP and TYPE once. The list is in man/scryd.8.
 */
#ifndef SCRYD_PROM_H
#define SCRYD_PROM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <scry/sinsp.h>
#include <scry/sinsp_metrics.h>
#include <scry/sinsp_rules.h>

#include "config.h"
#include "outputs.h"

struct scryd_prom;

/* What the capture loop knows, handed to scryd_prom_publish(); borrowed for the call. */
struct scryd_prom_src {
	sinsp_t *s;
	struct sinsp_metrics *metrics;    /* per-container and host figures; NULL: none */
	bool live;                        /* a live engine (else a capture file) */
	const char *engine;               /* "bpf", "kmod", "savefile" */
	const struct sinsp_rules *rules;
	uint64_t events;                  /* events read from the engine */
	uint64_t evaluated;               /* of them, those the rules saw (not hidden) */
	uint64_t reloads, reload_failures;
	struct scryd_outputs *outputs;    /* the outputs' counters; NULL: none */
};

/*
 * Bind the endpoint c->prom_address:c->prom_port (nothing served yet). Return 0 and
 * *out; -errno with a message in @err (@errsz bytes).
 */
int scryd_prom_open(const struct scryd_config *c, struct scryd_prom **out, char *err, size_t errsz);

/* The port bound. */
uint16_t scryd_prom_port(const struct scryd_prom *p);

/* Start serving. Return 0; -EIO. */
int scryd_prom_start(struct scryd_prom *p);

/* Count an event read from CPU @cpu's ring (scry_scap_n_evts_cpu_total). */
void scryd_prom_count_cpu(struct scryd_prom *p, uint16_t cpu);

/* True when an interval has passed since the last publish (cheap: a coarse clock). */
bool scryd_prom_due(struct scryd_prom *p);

/*
 * Render the figures of @src and publish them; the capture loop calls it between two
 * events (it reads libsinsp). A rendering that fails (no memory) keeps the previous
 * text, logged once.
 */
void scryd_prom_publish(struct scryd_prom *p, const struct scryd_prom_src *src);

/* The capture has ended: publish the final figures; /healthz says "finished". */
void scryd_prom_finish(struct scryd_prom *p, const struct scryd_prom_src *src);

/* Stop serving and free @p. NULL is ignored. */
void scryd_prom_close(struct scryd_prom *p);

#endif /* SCRYD_PROM_H */

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * bus.h - scryd's sink to a message bus (the "bus" section of scryd.yaml;
 * docs/collect.md): the capture as chunks (each a gzip scap file starting with the
 * state, like a rotated file) and the alerts as Falco's JSON, through one publisher of
 * scap_stream with its on-disk spool.
 *
 * Threads: the capture loop's; the publisher sends from a thread of its own.
 */
#ifndef SCRYD_BUS_H
#define SCRYD_BUS_H

#include <stddef.h>

#include <scry/sinsp.h>
#include <scry/sinsp_evt.h>

#include "config.h"

struct scryd_bus;

/*
 * Open the publisher of @c's bus for host @host (when the URL names none). Return 0
 * (*@out NULL when the bus is not enabled), or 1 (logged).
 */
int scryd_bus_open(const struct scryd_config *c, const char *host, struct scryd_bus **out);

/* Write @evt of @s into the current capture chunk (bus.capture), starting or closing
 * chunks as due. Every event read goes in, hidden ones included (flags kept). Return 0,
 * or 1 (logged; the capture goes on without the bus's capture). */
int scryd_bus_event(struct scryd_bus *b, sinsp_t *s, struct sinsp_evt *evt);

/* Send one alert (@json, @len bytes, Falco's JSON; a trailing newline is left out),
 * keyed by @key (scry_alert_key(): its container id; NULL: the host's name). */
void scryd_bus_alert(struct scryd_bus *b, const char *key, const char *json, size_t len);

/* Send one metrics snapshot (@json, @len bytes; kind "metrics"): the hook for scryd's
 * metrics (issue 15), when bus.metrics is on. */
void scryd_bus_metrics(struct scryd_bus *b, const char *json, size_t len);

/* The host the sink publishes as (bus.url's host=, else this machine's name): what
 * scryd's alerts and metrics name as their host. Owned by @b; NULL when @b is NULL. */
const char *scryd_bus_host(struct scryd_bus *b);

/* Close the current chunk, wait up to 10 s for the bus, log the figures, free. NULL ok.
 * Return 0, or 1 when messages are left in the spool. */
int scryd_bus_close(struct scryd_bus *b);

#endif /* SCRYD_BUS_H */

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * alert.h - an alert as Falco prints it, text or JSON, shared by scry --rules and scryd
 * (compiled into each tool; not a library API).
 *
 * Text: "16:17:57.881781397: Warning An open was seen (command=cat /dev/null)"
 *       (local time; iso8601: "2016-08-04T16:17:57.881781397+0000", UTC)
 * JSON: {"hostname":"h","output":"<the text line>","priority":"Warning","rule":"r",
 *        "source":"syscall","tags":["a","b"],"time":"2016-08-04T16:17:57.881781397Z",
 *        "output_fields": {...}}
 *       (Falco's keys in Falco's order: its serializer sorts the keys and output_fields
 *       is appended after them)
 */
#ifndef SCRY_ALERT_H
#define SCRY_ALERT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <scry/sinsp_rules.h>

/* A JSON string (quotes included) of @s on @f: ", \, and control bytes escaped. */
void scry_json_str(FILE *f, const char *s);

/*
 * Write alert @a of an event at @ts (ns since the epoch) on @f as one line, newline
 * included: JSON (@json; a->fields_json is output_fields, "{}" when NULL) or text
 * (@iso8601: UTC ISO 8601 time, else local HH:MM:SS.ns). @host: the "hostname" value.
 * Return: 0; -ENOMEM.
 */
int scry_alert_print(FILE *f, const struct sinsp_rules_alert *a, uint64_t ts, bool json,
		     bool iso8601, const char *host);

/*
 * The bus key of an alert of an event in container @container_id (container.id;
 * "host" outside containers): the container id, so that each container's alerts keep
 * their order in one Kafka partition and the alerts spread over the partitions; NULL
 * for the host's own processes (and an unknown thread): the publisher then keys by
 * the host's name, so that two hosts' alerts stay apart (scap_stream_pub_send_key()).
 */
const char *scry_alert_key(const char *container_id);

#endif /* SCRY_ALERT_H */

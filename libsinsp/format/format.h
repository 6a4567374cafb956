/* SPDX-License-Identifier: Apache-2.0 */
/*
 * format.h - what the formatter (format.c) offers the parts above it beyond the public
 * sinsp_formatter_*() calls.
 */
#ifndef SINSP_FORMAT_INT_H
#define SINSP_FORMAT_INT_H

#include <scry/sinsp.h>

/*
 * The JSON formatter of an alert's output fields as Falco writes them: like
 * sinsp_formatter_new(s, fmt, SINSP_OUTPUT_JSON, out), except that evt.time is the
 * event's timestamp in ns since the epoch, a number (Falco's "evt.time":1670273544150396379)
 * instead of sysdig's text. Returns as sinsp_formatter_new().
 */
int sinsp_formatter_new_alert_json(struct sinsp *s, const char *fmt, struct sinsp_formatter **out);

#endif /* SINSP_FORMAT_INT_H */

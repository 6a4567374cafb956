/* SPDX-License-Identifier: Apache-2.0 */
/*
 * alert_capture.h - scry --rules --capture-dir: keep the last seconds of raw events in a
 * bounded ring in memory and, when a rule fires, write a capture file holding the state,
 * the window before the alert and the seconds after it (alert_capture.c says how).
 */
#ifndef SCRY_ALERT_CAPTURE_H
#define SCRY_ALERT_CAPTURE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <scry/sinsp.h>

struct scry_capture_opts {
	const char *dir;         /* --capture-dir: the files' directory (NULL: off) */
	uint64_t before_s;       /* --capture-before: seconds of event time kept before */
	uint64_t after_s;        /* --capture-after: seconds of event time written after */
	uint64_t mem_bytes;      /* --capture-mem: the ring's bound in bytes (>= 64 KiB) */
	bool compat_0293;        /* live: events written in sysdig 0.29.3's forms */
};

#define SCRY_CAPTURE_DEFAULT_S 5
#define SCRY_CAPTURE_DEFAULT_MEM_MB 128

struct scry_capture;

/*
 * Whether o->dir is a directory scry can create files in (checked before any capture
 * starts, so that the first alert does not find out). Return: 0, or 1 with the reason
 * printed on stderr.
 */
int scry_capture_check(const struct scry_capture_opts *o);

/*
 * A ring of o->mem_bytes (reserved now, touched as it fills: the resident memory grows
 * with what the window holds). @o is referenced, not copied.
 * Return: 0 and *out; 1 out of memory or a bad bound (message printed).
 */
int scry_capture_new(const struct scry_capture_opts *o, struct scry_capture **out);

/*
 * One event read from @s (every event, hidden and filtered ones included: the ring is
 * the state's history): kept in the ring, and written to the open file while it is
 * within its window after an alert (the file is closed at the first event past it).
 * Return: 0; 1 a write error (printed; the file is closed).
 */
int scry_capture_event(struct scry_capture *c, sinsp_t *s, const struct sinsp_evt *evt);

/*
 * A rule @rule fired on @evt (the event last given to scry_capture_event()): open a
 * file with the state and the ring, or extend the open one's window to
 * alert + after_s. Return: 0; 1 the file could not be written (printed).
 */
int scry_capture_alert(struct scry_capture *c, sinsp_t *s, const struct sinsp_evt *evt,
		       const char *rule);

/*
 * Close the open file (its window after the alert ends at the end of the source), print
 * the ring's figures on @f, free @c (NULL is fine). Return: 0; 1 the close failed.
 */
int scry_capture_end(struct scry_capture *c, FILE *f);

#endif /* SCRY_ALERT_CAPTURE_H */

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * capture.c - the syscall set of the live engine (capture.h, docs/scryd-capture.md).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <scry/scap_live.h>
#include <scry/scap_syscalls.h>
#include <scry/sinsp_state.h>

#include "capture.h"
#include "log.h"

static unsigned count_bits(const uint64_t *set)
{
	unsigned n = 0;

	for (int i = 0; i < SCAP_SYSCALL_SET_WORDS; i++)
		n += (unsigned)__builtin_popcountll(set[i]);
	return n;
}

/* The names of @set's syscalls at debug level, a line of them. */
static void log_names(const uint64_t *set)
{
	char line[4096];
	size_t off = 0;

	line[0] = '\0';
	for (uint32_t c = 0; c < SCAP_SC_MAX; c++) {
		int n;

		if (!scap_syscall_set_has(set, c) || !scap_syscall_names[c])
			continue;
		n = snprintf(line + off, sizeof(line) - off, "%s%s", off ? " " : "",
			     scap_syscall_names[c]);
		if (n < 0 || (size_t)n >= sizeof(line) - off)
			break;
		off += (size_t)n;
	}
	scryd_log(SCRYD_LOG_DEBUG, "capture: syscalls %s", line);
}

/*
 * Whether the metrics can take the syscalls left out from the engine's counters: turns
 * them on (@on) or off; *@why set when they cannot.
 */
static bool metrics_counts(const struct scryd_capture_src *src, bool on, const char **why)
{
	int rc;

	if (!src->metrics)
		return true;
	rc = sinsp_metrics_use_engine_counts(src->metrics, on);
	if (rc == 0 || !on)
		return true;
	*why = rc == -ENOTSUP ? "the metrics count every syscall: this engine has no "
				"per-process counters" : "the metrics count every syscall: the "
				"engine's counters could not be turned on";
	return false;
}

int scryd_capture_narrow(const struct scryd_capture_src *src)
{
	uint64_t set[SCAP_SYSCALL_SET_WORDS];
	scap_t *h = sinsp_scap(src->s);
	const char *why = NULL;
	int rc = 0;

	memset(set, 0, sizeof(set));
	if (src->all)
		why = "capture.syscalls: all";
	else if (src->bus_capture)
		why = "the bus publishes the capture";
	if (why || !metrics_counts(src, true, &why)) {
		memset(set, 0xff, sizeof(set));
		metrics_counts(src, false, &why);
	} else if ((rc = sinsp_rules_syscalls(src->rules, set)) < 0 ||
		   (rc = sinsp_state_syscalls(set)) < 0 ||
		   (src->metrics && (rc = sinsp_metrics_syscalls(src->metrics, set)) < 0)) {
		scryd_log(SCRYD_LOG_ERROR, "capture: the syscall set: %s", strerror(-rc));
		return -1;
	}
	rc = scap_set_syscalls(h, set, SCAP_SYSCALL_SET_WORDS);
	if (rc < 0) {
		scryd_log(SCRYD_LOG_ERROR, "capture: setting the syscall set: %s", scap_last_error(h));
		return -1;
	}
	if (why) {
		scryd_log(SCRYD_LOG_INFO, "capture: every syscall (%s)", why);
		return 0;
	}
	scryd_log(SCRYD_LOG_INFO, "capture: %u syscalls (those of the rules, the state%s)%s",
		  count_bits(set), src->metrics ? " and the metrics" : "",
		  src->metrics ? "; the others counted per process by the engine" : "");
	log_names(set);
	return 0;
}

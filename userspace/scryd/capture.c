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

/* The names of @set's syscalls at debug level, a line of them after @what. */
static void log_names(const char *what, const uint64_t *set)
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
	scryd_log(SCRYD_LOG_DEBUG, "capture: %s %s", what, line);
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

/*
 * The calls of @set to leave out on TCP sockets into @skip: sendto, sendmsg, recvfrom
 * and recvmsg when neither the rules, the state nor the metrics read their events on
 * TCP sockets (sinsp_rules_syscalls_tcp(), sinsp_state_syscalls_tcp(); the metrics'
 * syscalls are taken whole). Return: 0 or the negative errno of one of those.
 */
static int tcp_skip_set(const struct scryd_capture_src *src, const uint64_t *set, uint64_t *skip)
{
	static const uint16_t calls[] = { SCAP_SC_SENDTO, SCAP_SC_SENDMSG, SCAP_SC_RECVFROM,
					  SCAP_SC_RECVMSG };
	uint64_t need[SCAP_SYSCALL_SET_WORDS];
	int rc;

	memset(need, 0, sizeof(need));
	if ((rc = sinsp_rules_syscalls_tcp(src->rules, need)) < 0 ||
	    (rc = sinsp_state_syscalls_tcp(need)) < 0 ||
	    (src->metrics && (rc = sinsp_metrics_syscalls(src->metrics, need)) < 0))
		return rc;
	for (size_t i = 0; i < sizeof(calls) / sizeof(calls[0]); i++)
		if (scap_syscall_set_has(set, calls[i]) && !scap_syscall_set_has(need, calls[i]))
			scap_syscall_set_add(skip, calls[i]);
	return 0;
}

int scryd_capture_narrow(const struct scryd_capture_src *src)
{
	uint64_t skip[SCAP_SYSCALL_SET_WORDS];
	uint64_t set[SCAP_SYSCALL_SET_WORDS];
	scap_t *h = sinsp_scap(src->s);
	const char *why = NULL;
	int rc = 0;

	memset(set, 0, sizeof(set));
	memset(skip, 0, sizeof(skip));
	if (src->all)
		why = "capture.syscalls: all";
	else if (src->bus_capture)
		why = "the bus publishes the capture";
	if (why || !metrics_counts(src, true, &why)) {
		memset(set, 0xff, sizeof(set));
		metrics_counts(src, false, &why);
	} else if ((rc = sinsp_rules_syscalls(src->rules, set)) < 0 ||
		   (rc = sinsp_state_syscalls(set)) < 0 ||
		   (src->metrics && (rc = sinsp_metrics_syscalls(src->metrics, set)) < 0) ||
		   (rc = tcp_skip_set(src, set, skip)) < 0) {
		scryd_log(SCRYD_LOG_ERROR, "capture: the syscall set: %s", strerror(-rc));
		return -1;
	}
	rc = scap_set_syscalls(h, set, SCAP_SYSCALL_SET_WORDS);
	if (rc < 0) {
		scryd_log(SCRYD_LOG_ERROR, "capture: setting the syscall set: %s", scap_last_error(h));
		return -1;
	}
	/* an engine that cannot tell TCP sockets sends every call of the set */
	rc = scap_set_syscalls_tcp_skip(h, skip, SCAP_SYSCALL_SET_WORDS);
	if (rc < 0 && rc != -ENOTSUP) {
		scryd_log(SCRYD_LOG_ERROR, "capture: setting the TCP skip set: %s", scap_last_error(h));
		return -1;
	}
	if (why) {
		scryd_log(SCRYD_LOG_INFO, "capture: every syscall (%s)", why);
		return 0;
	}
	scryd_log(SCRYD_LOG_INFO, "capture: %u syscalls (those of the rules, the state%s)%s",
		  count_bits(set), src->metrics ? " and the metrics" : "",
		  src->metrics ? "; the others counted per process by the engine" : "");
	log_names("syscalls", set);
	if (rc == 0 && count_bits(skip)) {
		scryd_log(SCRYD_LOG_INFO, "capture: %u of them left out on TCP sockets (no rule "
			  "and no state parser reads them there)%s", count_bits(skip),
			  src->metrics ? "; counted there" : "");
		log_names("left out on TCP sockets:", skip);
	}
	return 0;
}

int scryd_capture_mode(sinsp_t *s, int exit_only, bool kmod, bool bus_capture)
{
	scap_t *h = sinsp_scap(s);
	bool on = exit_only == 1 || (exit_only < 0 && !kmod && !bus_capture);
	int rc;

	if (!on)
		return 0;
	rc = scap_set_mode(h, SCAP_MODE_EXIT_ONLY);
	if (rc < 0) {
		if (exit_only < 0 && rc == -ENOTSUP)
			return 0;
		scryd_log(SCRYD_LOG_ERROR, "capture: exit-only mode: %s", scap_last_error(h));
		return -1;
	}
	scryd_log(SCRYD_LOG_INFO, "capture: exit-only (no enter events from the engine: "
		  "each syscall's enter is rebuilt from its exit, with its timestamp)");
	return 0;
}

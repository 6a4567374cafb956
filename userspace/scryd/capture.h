/* SPDX-License-Identifier: Apache-2.0 */
/*
 * capture.h - the syscalls scryd captures (key `capture` of scryd.yaml): only those
 * whose events its consumers read, or all of them.
 */
#ifndef SCRYD_CAPTURE_H
#define SCRYD_CAPTURE_H

#include <stdbool.h>

#include <scry/sinsp.h>
#include <scry/sinsp_metrics.h>
#include <scry/sinsp_rules.h>

/* What decides the set (main.c's state). */
struct scryd_capture_src {
	sinsp_t *s;
	bool all;                       /* capture.syscalls: all */
	bool bus_capture;               /* the bus publishes the capture: every event */
	const struct sinsp_rules *rules;
	struct sinsp_metrics *metrics;  /* NULL: metrics off */
};

/*
 * Set the live engine's syscall set from @src (after the rules are built, and again
 * after each reload): every syscall when @src says all, or when the metrics need every
 * syscall's event (an engine without per-process counters); else the syscalls of the
 * selected rules and of the state (sinsp_rules_syscalls(), sinsp_state_syscalls()),
 * the metrics taking the rest from the engine's counters; of those, sendto, sendmsg,
 * recvfrom and recvmsg are left out on TCP sockets (counted there) when neither the
 * rules nor the state read them there (sinsp_rules_syscalls_tcp(),
 * sinsp_state_syscalls_tcp(), scap_set_syscalls_tcp_skip()). Logged at info level.
 * Return: 0; -1 the engine refused (logged).
 */
int scryd_capture_narrow(const struct scryd_capture_src *src);

/*
 * Set the live engine's exit-only mode (scap_set_mode(), SCAP_MODE_EXIT_ONLY), once,
 * after open: @exit_only 1 on, 0 off, -1 the default: on with the eBPF probe (@kmod
 * false) unless @bus_capture (a published capture stays a full one), off with the
 * kernel module (its mode is global to the driver: other readers would see it).
 * Logged at info level.
 * Return: 0; -1 the engine refused the mode asked for explicitly (logged).
 */
int scryd_capture_mode(sinsp_t *s, int exit_only, bool kmod, bool bus_capture);

#endif /* SCRYD_CAPTURE_H */

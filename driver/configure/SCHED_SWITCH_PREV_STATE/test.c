// SPDX-License-Identifier: GPL-2.0 OR MIT
/*
 * Probe: the sched_switch tracepoint passes prev_state (Linux 5.18+). Only compiled:
 * a probe of the wrong prototype is an incompatible-pointer-types error.
 */
#include <linux/module.h>
#include <linux/sched.h>
#include <trace/events/sched.h>

static void probe(void *data, bool preempt, struct task_struct *prev,
		  struct task_struct *next, unsigned int prev_state)
{
}

static int __maybe_unused check(void)
{
	return register_trace_sched_switch(probe, NULL);
}

static int __init probe_init(void)
{
	return 0;
}
module_init(probe_init);
MODULE_LICENSE("Dual MIT/GPL");

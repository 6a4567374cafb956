/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/* compat/tp.h - tracepoint prototypes that changed between kernels. */
#ifndef SCAPDRV_COMPAT_TP_H
#define SCAPDRV_COMPAT_TP_H

#include "compat/config.h"

/* The parameter list of a sched_switch probe (prev_state was added in 5.18). */
#ifdef SCAPDRV_HAVE_SCHED_SWITCH_PREV_STATE
#define SCAPDRV_SCHED_SWITCH_ARGS \
	void *data, bool preempt, struct task_struct *prev, struct task_struct *next, \
	unsigned int prev_state
#else
#define SCAPDRV_SCHED_SWITCH_ARGS \
	void *data, bool preempt, struct task_struct *prev, struct task_struct *next
#endif

#endif /* SCAPDRV_COMPAT_TP_H */

// SPDX-License-Identifier: GPL-2.0 OR MIT
/*
 * tp.c - the tracepoint probes: sys_enter, sys_exit, sched_process_exit and
 * sched_process_fork, found by name at load time (they are not exported symbols), and
 * the dispatch from a syscall to its filler.
 *
 * Each probe runs with preemption disabled (we disable it ourselves too, for kernels
 * whose syscall tracepoints may run preemptible) and guards against reentry with a
 * per-CPU nesting counter: an event raised while another one is being written on the
 * same CPU is dropped and counted, never interleaved.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/compat.h>
#include <linux/mutex.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <linux/tracepoint.h>
#include <asm/syscall.h>

#include "scry.h"

enum tp_id { TP_SYS_ENTER, TP_SYS_EXIT, TP_PROC_EXIT, TP_PROC_FORK, TP_N };

static const char *const tp_names[TP_N] = {
	[TP_SYS_ENTER] = "sys_enter",
	[TP_SYS_EXIT] = "sys_exit",
	[TP_PROC_EXIT] = "sched_process_exit",
	[TP_PROC_FORK] = "sched_process_fork",
};

static struct tracepoint *tps[TP_N];
static bool tp_registered;
static DEFINE_MUTEX(tp_lock);
static DEFINE_PER_CPU(int, tp_nest);

/* Enter the probe: false when this CPU is already inside one (counted as a drop). */
static __always_inline struct scapdrv_ring *probe_enter(void)
{
	struct scapdrv_ring *r = scapdrv_ring_of_cpu(smp_processor_id());

	if (!READ_ONCE(r->active))
		return NULL;
	if (unlikely(this_cpu_inc_return(tp_nest) != 1)) {
		WRITE_ONCE(r->ctl->n_drop_nest, r->ctl->n_drop_nest + 1);
		this_cpu_dec(tp_nest);
		return NULL;
	}
	return r;
}

static __always_inline void probe_exit(void)
{
	this_cpu_dec(tp_nest);
}

/* Common part of sys_enter and sys_exit: filter, build, fill, commit. */
static __always_inline void syscall_event(struct pt_regs *regs, long nr, long ret,
					  bool is_exit)
{
	struct scapdrv_ring *r;
	struct scapdrv_evt e;
	scapdrv_filler_fn fill;
	u64 ts = ktime_get_real_ns();
	u16 type, code;

	/* 32-bit (ia32) syscalls have their own numbering: not mapped yet. */
	if (in_compat_syscall())
		return;
	code = scapdrv_sc_code(nr);
	if (!test_bit(code, scapdrv_cfg.sc_set))
		return;
	type = scapdrv_sc_enter_evt(nr) + (is_exit ? 1 : 0);
	fill = scapdrv_fillers[type];
	if (unlikely(!fill))
		return;

	preempt_disable_notrace();
	r = probe_enter();
	if (!r)
		goto out;
	if (scapdrv_evt_begin(&e, r, type, ts, current)) {
		e.nr = nr;
		e.ret = ret;
		e.snaplen = READ_ONCE(scapdrv_cfg.snaplen);
		syscall_get_arguments(current, regs, e.args);
		fill(&e);
		scapdrv_evt_commit(&e);
	}
	probe_exit();
out:
	preempt_enable_notrace();
}

static void probe_sys_enter(void *data, struct pt_regs *regs, long id)
{
	syscall_event(regs, id, 0, false);
}

static void probe_sys_exit(void *data, struct pt_regs *regs, long ret)
{
	syscall_event(regs, syscall_get_nr(current, regs), ret, true);
}

static void probe_proc_exit(void *data, struct task_struct *p)
{
	struct scapdrv_ring *r;
	struct scapdrv_evt e;
	u64 ts = ktime_get_real_ns();

	preempt_disable_notrace();
	r = probe_enter();
	if (!r)
		goto out;
	if (scapdrv_evt_begin(&e, r, SCAP_EVT_PROCEXIT_1_E, ts, p)) {
		scapdrv_fill_procexit(&e);
		scapdrv_evt_commit(&e);
	}
	probe_exit();
out:
	preempt_enable_notrace();
}

/*
 * On x86_64 a new task's first return to userspace passes through sys_exit, where the
 * child's clone/fork exit event is written: nothing to add here. The hook is kept so
 * that architectures where it is not (and the optional child-start mode) plug in here.
 */
static void probe_proc_fork(void *data, struct task_struct *parent, struct task_struct *child)
{
}

static void *const tp_probes[TP_N] = {
	[TP_SYS_ENTER] = probe_sys_enter,
	[TP_SYS_EXIT] = probe_sys_exit,
	[TP_PROC_EXIT] = probe_proc_exit,
	[TP_PROC_FORK] = probe_proc_fork,
};

static void tp_match(struct tracepoint *tp, void *priv)
{
	int i;

	for (i = 0; i < TP_N; i++)
		if (!strcmp(tp->name, tp_names[i]))
			tps[i] = tp;
}

int scapdrv_tp_init(void)
{
	int i;

	for_each_kernel_tracepoint(tp_match, NULL);
	for (i = 0; i < TP_N; i++) {
		if (!tps[i]) {
			pr_err("tracepoint %s not found\n", tp_names[i]);
			return -ENOENT;
		}
	}
	return 0;
}

int scapdrv_tp_start(void)
{
	int i, rc = 0;

	mutex_lock(&tp_lock);
	if (tp_registered)
		goto out;
	for (i = 0; i < TP_N; i++) {
		rc = tracepoint_probe_register(tps[i], tp_probes[i], NULL);
		if (rc) {
			pr_err("cannot register on %s: %d\n", tp_names[i], rc);
			goto err_unregister;
		}
	}
	tp_registered = true;
	goto out;

err_unregister:
	while (i--)
		tracepoint_probe_unregister(tps[i], tp_probes[i], NULL);
	tracepoint_synchronize_unregister();
out:
	mutex_unlock(&tp_lock);
	return rc;
}

void scapdrv_tp_stop(void)
{
	int i;

	mutex_lock(&tp_lock);
	if (tp_registered) {
		for (i = 0; i < TP_N; i++)
			tracepoint_probe_unregister(tps[i], tp_probes[i], NULL);
		/* No probe of ours runs past this point. */
		tracepoint_synchronize_unregister();
		tp_registered = false;
	}
	mutex_unlock(&tp_lock);
}

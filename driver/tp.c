// SPDX-License-Identifier: GPL-2.0 OR MIT
/*
 * tp.c - the tracepoint probes: sys_enter, sys_exit, sched_process_exit and
 * sched_process_fork, plus the optional sched_switch, signal_deliver and
 * page_fault_user, all found by name at load time (they are not exported symbols), and
 * the dispatch from a syscall to its filler.
 *
 * Each probe runs with preemption disabled (we disable it ourselves too, for kernels
 * whose syscall tracepoints may run preemptible) and guards against reentry with a
 * per-CPU nesting counter: an event raised while another one is being written on the
 * same CPU is dropped and counted, never interleaved.
 *
 * Which probes are registered follows the settings: the core ones while capturing,
 * minus sys_enter in exit-only mode, plus the optional ones asked for. tp_apply()
 * moves the registrations to what the settings want, under tp_lock.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/compat.h>
#include <linux/mutex.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <linux/tracepoint.h>
#include <asm/syscall.h>

#include "scry.h"
#include "compat/tp.h"
#include "compat/uaccess.h"

enum tp_id {
	TP_SYS_ENTER, TP_SYS_EXIT, TP_PROC_EXIT, TP_PROC_FORK,
	TP_SCHED_SWITCH, TP_SIGNAL_DELIVER, TP_PAGE_FAULT,
	TP_N
};
#define TP_CORE_MASK ((1u << TP_SYS_ENTER) | (1u << TP_SYS_EXIT) | (1u << TP_PROC_EXIT) | \
		      (1u << TP_PROC_FORK))
#define TP_FIRST_OPTIONAL TP_SCHED_SWITCH

static const char *const tp_names[TP_N] = {
	[TP_SYS_ENTER] = "sys_enter",
	[TP_SYS_EXIT] = "sys_exit",
	[TP_PROC_EXIT] = "sched_process_exit",
	[TP_PROC_FORK] = "sched_process_fork",
	[TP_SCHED_SWITCH] = "sched_switch",
	[TP_SIGNAL_DELIVER] = "signal_deliver",
	[TP_PAGE_FAULT] = "page_fault_user",
};

static struct tracepoint *tps[TP_N];
static u32 tp_on;                 /* registered probes, a bit per enum tp_id */
static bool capturing;            /* between start and stop */
static DEFINE_MUTEX(tp_lock);
static DEFINE_PER_CPU(int, tp_nest);
/* Exit-only mode: parameters each exit event appends (scapdrv_exit_extra_nparams()). */
static u8 exit_extra_np[SCAP_EVT_MAX];

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

/*
 * Run @fill on @e. The generic fillers, by far the most frequent, are called directly:
 * an indirect call goes through a retpoline on most kernels.
 */
static __always_inline void syscall_fill(scapdrv_filler_fn fill, struct scapdrv_evt *e)
{
	if (fill == scapdrv_fill_generic_x)
		scapdrv_fill_generic_x(e);
	else if (fill == scapdrv_fill_generic_e)
		scapdrv_fill_generic_e(e);
	else
		fill(e);
}

/* Whether @t belongs to the process excluded by SCAP_ABI_IOC_SET_EXCLUDE_TGID. */
static __always_inline bool excluded(const struct task_struct *t)
{
	pid_t x = READ_ONCE(scapdrv_cfg.exclude_tgid);

	return x && t->tgid == x;
}

/* Common part of sys_enter and sys_exit: filter, build, fill, commit. @mode: the
 * SCAP_ABI_MODE_* bits, read once per event by the probe. */
static __always_inline void syscall_event(struct pt_regs *regs, long nr, long ret,
					  bool is_exit, u32 mode)
{
	struct scapdrv_ring *r;
	/* Every field is set by scapdrv_evt_begin() and below before it is read: no need
	 * for the compiler's zeroing of the stack (CONFIG_INIT_STACK_ALL_ZERO). */
	struct scapdrv_evt e __uninitialized;
	scapdrv_filler_fn fill;
	u64 ts;
	u16 type, extra = 0;

	/* 32-bit (ia32) syscalls have their own numbering: not mapped yet. */
	if (in_compat_syscall())
		return;
	if (excluded(current))
		return;
	if (!test_bit(scapdrv_sc_code(nr), scapdrv_cfg.sc_set))
		return;
	type = scapdrv_sc_enter_evt(nr) + (is_exit ? 1 : 0);
	fill = scapdrv_fillers[type];
	if (unlikely(!fill))
		return;
	if (is_exit && (mode & SCAP_ABI_MODE_EXIT_ONLY))
		extra = exit_extra_np[type];

	preempt_disable_notrace();
	/* Taken with preemption off: a ring's records are in timestamp order. */
	ts = ktime_get_real_ns();
	r = probe_enter();
	if (!r)
		goto out;
	if (scapdrv_evt_begin(&e, r, type, scap_evt_table[type].nparams + extra, ts, current)) {
		e.nr = nr;
		e.ret = ret;
		e.snaplen = READ_ONCE(scapdrv_cfg.snaplen);
		syscall_get_arguments(current, regs, e.args);
		syscall_fill(fill, &e);
		if (extra) {
			/* The enter filler runs as for its own event, on the exit's record. */
			e.type = type - 1;
			scapdrv_exit_extra_filler(type)(&e);
		}
		scapdrv_evt_commit(&e);
	}
	probe_exit();
out:
	preempt_enable_notrace();
}

static void probe_sys_enter(void *data, struct pt_regs *regs, long id)
{
	u32 mode = READ_ONCE(scapdrv_cfg.mode);

	if (unlikely(mode & SCAP_ABI_MODE_EXIT_ONLY))
		return;                   /* until tp_apply() unhooks us */
	syscall_event(regs, id, 0, false, mode);
}

static void probe_sys_exit(void *data, struct pt_regs *regs, long ret)
{
	syscall_event(regs, syscall_get_nr(current, regs), ret, true,
		      READ_ONCE(scapdrv_cfg.mode));
}

static void probe_proc_exit(void *data, struct task_struct *p)
{
	struct scapdrv_ring *r;
	struct scapdrv_evt e;
	u64 ts;
	u16 type = SCAP_EVT_PROCEXIT_1_E;

	if (excluded(p))
		return;
	preempt_disable_notrace();
	/* Taken with preemption off: a ring's records are in timestamp order. */
	ts = ktime_get_real_ns();
	r = probe_enter();
	if (!r)
		goto out;
	if (scapdrv_evt_begin(&e, r, type, scap_evt_table[type].nparams, ts, p)) {
		scapdrv_fill_procexit(&e);
		scapdrv_evt_commit(&e);
	}
	probe_exit();
out:
	preempt_enable_notrace();
}

/*
 * clone3's flags for the new task's exit event. clone3 takes them in a struct in the
 * caller's memory, which a new thread cannot read reliably at its first return: its
 * parent shares that memory (CLONE_VM) and may have returned and reused it already
 * (glibc's pthread_create keeps it on its stack). The fork hook runs in the parent,
 * inside the syscall, after copy_process() and before the child is woken: it reads them
 * there and stashes them for the child, keyed by the child's tid.
 *
 * A direct-mapped table indexed by tid: a slot holds tid << 32 | the flags' low 32 bits,
 * stored and taken whole (one 64-bit store, one cmpxchg), so a reader sees its own entry
 * or another thread's, never a mix. Two children waiting at once for the same slot: the
 * later one wins and the earlier one falls back to reading its parent's memory. While
 * capturing, every new task updates its slot (a clone3 child stores its entry, any
 * other clears an entry of its tid), and the table is cleared at start, so an entry
 * found with a thread's tid is that thread's own.
 */
#define CLONE3_STASH_SLOTS 1024u
static u64 clone3_stash[CLONE3_STASH_SLOTS];

static __always_inline u64 *clone3_slot(pid_t tid)
{
	return &clone3_stash[(u32)tid & (CLONE3_STASH_SLOTS - 1)];
}

bool scapdrv_clone3_take_flags(u64 *flags)
{
	u64 *slot = clone3_slot(current->pid);
	u64 v = READ_ONCE(*slot);

	if (v >> 32 != (u32)current->pid)
		return false;
	cmpxchg(slot, v, 0);
	*flags = (u32)v;
	return true;
}

/*
 * On x86_64 a new task's first return to userspace passes through sys_exit, where the
 * child's clone/fork exit event is written; here (in the parent) only clone3's flags
 * are stashed for it, see above.
 */
static void probe_proc_fork(void *data, struct task_struct *parent, struct task_struct *child)
{
	u64 *slot = clone3_slot(child->pid);
	unsigned long args[6];
	struct pt_regs *regs;
	u64 flags, v;

	if (!(current->flags & PF_KTHREAD) && !in_compat_syscall()) {
		regs = task_pt_regs(current);
		if (syscall_get_nr(current, regs) == __NR_clone3) {
			syscall_get_arguments(current, regs, args);
			if (!scapdrv_read_user(&flags, (const void __user *)args[0],
					       sizeof(flags))) {
				WRITE_ONCE(*slot, (u64)(u32)child->pid << 32 | (u32)flags);
				return;
			}
		}
	}
	v = READ_ONCE(*slot);
	if (v >> 32 == (u32)child->pid)
		cmpxchg(slot, v, 0);
}

static void probe_sched_switch(SCAPDRV_SCHED_SWITCH_ARGS)
{
	struct scapdrv_ring *r;
	struct scapdrv_evt e;
	u64 ts;
	u16 type = SCAP_EVT_SCHEDSWITCH_6_E;

	if (excluded(prev))
		return;
	/* Already non-preemptible (the scheduler holds the runqueue lock). */
	ts = ktime_get_real_ns();
	r = probe_enter();
	if (!r)
		return;
	if (scapdrv_evt_begin(&e, r, type, scap_evt_table[type].nparams, ts, prev)) {
		scapdrv_fill_sched_switch(&e, next);
		scapdrv_evt_commit(&e);
	}
	probe_exit();
}

static void probe_signal_deliver(void *data, int sig, struct kernel_siginfo *info,
				 struct k_sigaction *ka)
{
	struct scapdrv_ring *r;
	struct scapdrv_evt e;
	u64 ts;
	u16 type = SCAP_EVT_SIGNALDELIVER_E;
	pid_t spid = 0;

	if (excluded(current))
		return;
	/* The sender is known for signals sent by a process and for SIGCHLD. */
	if (info && (info->si_code == SI_USER || info->si_code == SI_QUEUE ||
		     info->si_code == SI_TKILL || sig == SIGCHLD))
		spid = info->si_pid;
	preempt_disable_notrace();
	/* Taken with preemption off: a ring's records are in timestamp order. */
	ts = ktime_get_real_ns();
	r = probe_enter();
	if (!r)
		goto out;
	if (scapdrv_evt_begin(&e, r, type, scap_evt_table[type].nparams, ts, current)) {
		scapdrv_fill_signal_deliver(&e, sig, spid);
		scapdrv_evt_commit(&e);
	}
	probe_exit();
out:
	preempt_enable_notrace();
}

static void probe_page_fault(void *data, unsigned long address, struct pt_regs *regs,
			     unsigned long error_code)
{
	struct scapdrv_ring *r;
	struct scapdrv_evt e;
	u64 ts;
	u16 type = SCAP_EVT_PAGE_FAULT_E;

	if (excluded(current))
		return;
	preempt_disable_notrace();
	/* Taken with preemption off: a ring's records are in timestamp order. */
	ts = ktime_get_real_ns();
	r = probe_enter();
	if (!r)
		goto out;
	if (scapdrv_evt_begin(&e, r, type, scap_evt_table[type].nparams, ts, current)) {
		scapdrv_fill_page_fault(&e, address, instruction_pointer(regs), error_code);
		scapdrv_evt_commit(&e);
	}
	probe_exit();
out:
	preempt_enable_notrace();
}

static void *const tp_probes[TP_N] = {
	[TP_SYS_ENTER] = probe_sys_enter,
	[TP_SYS_EXIT] = probe_sys_exit,
	[TP_PROC_EXIT] = probe_proc_exit,
	[TP_PROC_FORK] = probe_proc_fork,
	[TP_SCHED_SWITCH] = probe_sched_switch,
	[TP_SIGNAL_DELIVER] = probe_signal_deliver,
	[TP_PAGE_FAULT] = probe_page_fault,
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
	for (i = 0; i < TP_FIRST_OPTIONAL; i++) {
		if (!tps[i]) {
			pr_err("tracepoint %s not found\n", tp_names[i]);
			return -ENOENT;
		}
	}
	for (i = 1; i < SCAP_EVT_MAX; i += 2)
		if (scapdrv_fillers[i])
			exit_extra_np[i] = scapdrv_exit_extra_nparams(i);
	return 0;
}

/* The probes the settings want registered now. Caller: tp_lock held. */
static u32 tp_wanted(void)
{
	u32 want, opt = READ_ONCE(scapdrv_cfg.tps);

	if (!capturing)
		return 0;
	want = TP_CORE_MASK;
	if (READ_ONCE(scapdrv_cfg.mode) & SCAP_ABI_MODE_EXIT_ONLY)
		want &= ~(1u << TP_SYS_ENTER);
	if (opt & SCAP_ABI_TP_SCHED_SWITCH)
		want |= 1u << TP_SCHED_SWITCH;
	if (opt & SCAP_ABI_TP_SIGNAL_DELIVER)
		want |= 1u << TP_SIGNAL_DELIVER;
	if (opt & SCAP_ABI_TP_PAGE_FAULT)
		want |= 1u << TP_PAGE_FAULT;
	return want;
}

/*
 * Register and unregister probes until tp_on is what the settings want. On a failed
 * registration the probes registered so far stay (they are consistent: each works on
 * its own) and the error is returned. Caller: tp_lock held.
 */
static int tp_apply(void)
{
	u32 want = tp_wanted(), off = 0;
	int i, rc;

	for (i = 0; i < TP_N; i++) {
		if ((tp_on & (1u << i)) && !(want & (1u << i))) {
			tracepoint_probe_unregister(tps[i], tp_probes[i], NULL);
			tp_on &= ~(1u << i);
			off++;
		}
	}
	/* No probe just unhooked runs past this point. */
	if (off)
		tracepoint_synchronize_unregister();
	for (i = 0; i < TP_N; i++) {
		if (!(want & (1u << i)) || (tp_on & (1u << i)))
			continue;
		if (!tps[i])
			return -ENOENT;
		rc = tracepoint_probe_register(tps[i], tp_probes[i], NULL);
		if (rc) {
			pr_err("cannot register on %s: %d\n", tp_names[i], rc);
			return rc;
		}
		tp_on |= 1u << i;
	}
	return 0;
}

int scapdrv_tp_start(void)
{
	int rc;

	mutex_lock(&tp_lock);
	if (!capturing)               /* no probe runs: entries of an earlier capture go */
		memset(clone3_stash, 0, sizeof(clone3_stash));
	capturing = true;
	rc = tp_apply();
	if (rc) {
		capturing = false;
		tp_apply();
	}
	mutex_unlock(&tp_lock);
	return rc;
}

void scapdrv_tp_stop(void)
{
	mutex_lock(&tp_lock);
	capturing = false;
	tp_apply();
	mutex_unlock(&tp_lock);
}

int scapdrv_tp_set_optional(u32 mask)
{
	int i, rc;

	for (i = TP_FIRST_OPTIONAL; i < TP_N; i++)
		if ((mask & (1u << (i - TP_FIRST_OPTIONAL))) && !tps[i])
			return -ENOENT;
	mutex_lock(&tp_lock);
	WRITE_ONCE(scapdrv_cfg.tps, mask);
	rc = tp_apply();
	mutex_unlock(&tp_lock);
	return rc;
}

int scapdrv_tp_set_mode(u32 mode)
{
	int rc;

	mutex_lock(&tp_lock);
	WRITE_ONCE(scapdrv_cfg.mode, mode);
	rc = tp_apply();
	mutex_unlock(&tp_lock);
	return rc;
}

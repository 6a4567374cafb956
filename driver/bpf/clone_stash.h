/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * clone_stash.h - clone3's flags for the new thread's exit event, the eBPF probe's twin
 * of the module's stash (driver/tp.c).
 *
 * clone3 takes its flags in a struct in the caller's memory, which a new thread cannot
 * read reliably at its first return: its parent shares that memory (CLONE_VM) and may
 * have returned and reused it already (glibc's pthread_create keeps it on its stack).
 * The sched_process_fork program runs in the parent, inside the syscall, after
 * copy_process() and before the child is woken: it reads the flags there and stashes
 * them for the child, keyed by the child's tid; the child's exit event takes them
 * (scapdrv_clone3_take_flags(), called by fill/proc.h).
 *
 * The hook runs whether or not a capture is on, for every new task: a clone3 child
 * stores its entry, any other deletes an entry of its tid, so an entry found with a
 * thread's tid is that thread's own. Entries never taken (the capture was off, or the
 * thread is the consumer's own) are evicted oldest first (an LRU map). Included by
 * probe.bpf.c after the syscall map (__NR_clone3) and before the shared fillers.
 */
#ifndef SCAPBPF_CLONE_STASH_H
#define SCAPBPF_CLONE_STASH_H

#define SCAPBPF_PF_KTHREAD 0x00200000   /* task_struct.flags: a kernel thread */
#define SCAPBPF_TS_COMPAT 0x0002         /* x86 thread_info.status: a 32-bit syscall */

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 4096);
	__type(key, __u32);                /* the new thread's tid */
	__type(value, __u64);              /* Linux clone flags (clone_args.flags) */
} scapbpf_clone3_flags SEC(".maps");

/* clone3's flags for the current thread's first return, as its parent's fork hook
 * stashed them, taken once. Return: true and *@flags set, or false (none stashed). */
static __always_inline bool scapdrv_clone3_take_flags(__u64 *flags)
{
	__u32 tid = (__u32)bpf_get_current_pid_tgid();
	__u64 *v = bpf_map_lookup_elem(&scapbpf_clone3_flags, &tid);

	if (!v)
		return false;
	*flags = *v;
	bpf_map_delete_elem(&scapbpf_clone3_flags, &tid);
	return true;
}

/* At sched_process_fork (in the parent): stash the flags of a clone3 call for @child,
 * or drop an entry of @child's tid left by an earlier thread. 32-bit (ia32) calls are
 * skipped: their events are not produced. */
static __always_inline void scapbpf_clone3_stash(struct task_struct *child)
{
	struct task_struct *t = bpf_get_current_task_btf();
	__u32 tid = BPF_CORE_READ(child, pid);
	struct pt_regs *regs;
	__u64 flags;

	if (!(t->flags & SCAPBPF_PF_KTHREAD) && !(t->thread_info.status & SCAPBPF_TS_COMPAT)) {
		regs = (struct pt_regs *)bpf_task_pt_regs(t);
		if (regs->orig_ax == __NR_clone3 &&
		    !bpf_probe_read_user(&flags, sizeof(flags), (const void *)regs->di)) {
			bpf_map_update_elem(&scapbpf_clone3_flags, &tid, &flags, BPF_ANY);
			return;
		}
	}
	bpf_map_delete_elem(&scapbpf_clone3_flags, &tid);
}

#endif /* SCAPBPF_CLONE_STASH_H */

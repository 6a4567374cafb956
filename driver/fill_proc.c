// SPDX-License-Identifier: GPL-2.0 OR MIT
/*
 * fill_proc.c - fillers of the generic syscall event and of process events: execve,
 * clone/clone3/fork/vfork (exit events carry the process description), procexit.
 *
 * The argument and environment areas of the process (mm->arg_start..arg_end,
 * env_start..env_end) are user memory, read without faulting into a per-CPU scratch
 * page, so each is cut to one page.
 */
#include <linux/audit.h>
#include <linux/cred.h>
#include <linux/dcache.h>
#include <linux/fs_struct.h>
#include <linux/mm.h>
#include <linux/pid_namespace.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <uapi/linux/sched.h>

#include "scry.h"
#include "compat/uaccess.h"

void scapdrv_fill_generic_e(struct scapdrv_evt *e)
{
	scapdrv_put_u16(e, scapdrv_sc_code(e->nr));
	scapdrv_put_u16(e, (u16)e->nr);
}

void scapdrv_fill_generic_x(struct scapdrv_evt *e)
{
	scapdrv_put_u16(e, scapdrv_sc_code(e->nr));
}

/* execve enter: filename. */
void scapdrv_fill_execve_e(struct scapdrv_evt *e)
{
	scapdrv_put_user_str(e, e->args[0], PATH_MAX);
}

/* Read the user range [start, end) of the current process into the scratch page.
 * Return: bytes read (0 when empty or faulting; a fault is counted). */
static u32 read_user_area(struct scapdrv_evt *e, unsigned long start, unsigned long end,
			  char *buf)
{
	u32 len;

	if (!start || end <= start)
		return 0;
	len = min_t(unsigned long, end - start, PAGE_SIZE);
	if (scapdrv_read_user(buf, (const void __user *)start, len)) {
		WRITE_ONCE(e->ring->ctl->n_drop_pf, e->ring->ctl->n_drop_pf + 1);
		return 0;
	}
	return len;
}

/* exe (argv[0]) and args (the other arguments, each NUL-terminated). */
static void put_exe_args(struct scapdrv_evt *e, struct mm_struct *mm)
{
	char *buf = scapdrv_scratch();
	u32 len = 0, exe;

	if (mm)
		len = read_user_area(e, mm->arg_start, mm->arg_end, buf);
	if (!len) {
		scapdrv_put_empty(e);
		scapdrv_put_empty(e);
		return;
	}
	buf[len - 1] = '\0';                  /* a cut area still ends in NUL */
	exe = strnlen(buf, len);
	scapdrv_put_kstr(e, buf, exe + 1);
	if (exe + 1 < len)
		scapdrv_put_bytes(e, buf + exe + 1, len - exe - 1);
	else
		scapdrv_put_empty(e);
}

/* The current working directory, as an absolute path. */
static void put_cwd(struct scapdrv_evt *e)
{
	struct fs_struct *fs = current->fs;
	char *buf = scapdrv_scratch();
	char *p = NULL;

	if (fs) {
		spin_lock(&fs->lock);
		p = d_path(&fs->pwd, buf, PAGE_SIZE);
		spin_unlock(&fs->lock);
	}
	if (IS_ERR_OR_NULL(p))
		scapdrv_put_empty(e);
	else
		scapdrv_put_kstr(e, p, PAGE_SIZE);
}

/* Parameters 1..14 shared by execve and the clone family, after res. */
static void put_proc_common(struct scapdrv_evt *e)
{
	struct task_struct *t = current;
	struct mm_struct *mm = t->mm;
	pid_t ptid;

	put_exe_args(e, mm);
	scapdrv_put_u64(e, t->pid);
	scapdrv_put_u64(e, t->tgid);
	rcu_read_lock();
	ptid = rcu_dereference(t->real_parent)->pid;
	rcu_read_unlock();
	scapdrv_put_u64(e, ptid);
	put_cwd(e);
	scapdrv_put_u64(e, task_rlimit(t, RLIMIT_NOFILE));
	scapdrv_put_u64(e, t->maj_flt);
	scapdrv_put_u64(e, t->min_flt);
	if (mm) {
		scapdrv_put_u32(e, mm->total_vm << (PAGE_SHIFT - 10));
		scapdrv_put_u32(e, get_mm_rss(mm) << (PAGE_SHIFT - 10));
		scapdrv_put_u32(e, get_mm_counter(mm, MM_SWAPENTS) << (PAGE_SHIFT - 10));
	} else {
		scapdrv_put_u32(e, 0);
		scapdrv_put_u32(e, 0);
		scapdrv_put_u32(e, 0);
	}
	scapdrv_put_kstr(e, t->comm, sizeof(t->comm));
	scapdrv_put_empty(e);                 /* cgroups: not collected yet */
}

/* execve exit: res, exe, args, tid, pid, ptid, cwd, fdlimit, pgft_maj, pgft_min,
 * vm_size, vm_rss, vm_swap, comm, cgroups, env, tty, pgid, loginuid, flags. */
void scapdrv_fill_execve_x(struct scapdrv_evt *e)
{
	struct mm_struct *mm = current->mm;
	char *buf = scapdrv_scratch();
	u32 len = 0;

	scapdrv_put_u64(e, e->ret);
	put_proc_common(e);
	if (mm)
		len = read_user_area(e, mm->env_start, mm->env_end, buf);
	scapdrv_put_bytes(e, buf, len);
	scapdrv_put_u32(e, 0);                /* tty: not collected yet */
	scapdrv_put_u64(e, task_pgrp_nr_ns(current, &init_pid_ns));
	scapdrv_put_u32(e, from_kuid(&init_user_ns, audit_get_loginuid(current)));
	scapdrv_put_u32(e, 0);                /* flags: not collected yet */
}

/* scap encoding of Linux clone flags (scap_flags_clone values). */
static u32 clone_flags(u64 f)
{
	static const struct { u64 lx; u32 scap; } map[] = {
		{ CLONE_FILES, 1 }, { CLONE_FS, 2 }, { CLONE_IO, 4 }, { CLONE_NEWIPC, 8 },
		{ CLONE_NEWNET, 0x10 }, { CLONE_NEWNS, 0x20 }, { CLONE_NEWPID, 0x40 },
		{ CLONE_NEWUTS, 0x80 }, { CLONE_PARENT, 0x100 },
		{ CLONE_PARENT_SETTID, 0x200 }, { CLONE_PTRACE, 0x400 },
		{ CLONE_SIGHAND, 0x800 }, { CLONE_SYSVSEM, 0x1000 }, { CLONE_THREAD, 0x2000 },
		{ CLONE_UNTRACED, 0x4000 }, { CLONE_VM, 0x8000 }, { CLONE_NEWUSER, 0x100000 },
		{ CLONE_CHILD_CLEARTID, 0x800000 }, { CLONE_CHILD_SETTID, 0x1000000 },
		{ CLONE_SETTLS, 0x2000000 }, { CLONE_VFORK, 0x8000000 },
		{ CLONE_NEWCGROUP, 0x10000000 },
	};
	u32 r = 0;
	int i;

	for (i = 0; i < ARRAY_SIZE(map); i++)
		if (f & map[i].lx)
			r |= map[i].scap;
	return r;
}

/* clone/clone3/fork/vfork exit (parent and child): res, the 14 common parameters,
 * flags, uid, gid, vtid, vpid. */
void scapdrv_fill_clone_x(struct scapdrv_evt *e)
{
	u64 flags = 0;

	switch (e->type) {
	case SCAP_EVT_SYSCALL_CLONE_20_X:
		flags = e->args[0];
		break;
	case SCAP_EVT_SYSCALL_CLONE3_X:       /* struct clone_args starts with u64 flags */
		if (scapdrv_read_user(&flags, (const void __user *)e->args[0], sizeof(flags)))
			flags = 0;
		break;
	case SCAP_EVT_SYSCALL_VFORK_20_X:
		flags = CLONE_VFORK | CLONE_VM;
		break;
	}
	scapdrv_put_u64(e, e->ret);
	put_proc_common(e);
	scapdrv_put_u32(e, clone_flags(flags));
	scapdrv_put_u32(e, from_kuid(&init_user_ns, current_euid()));
	scapdrv_put_u32(e, from_kgid(&init_user_ns, current_egid()));
	scapdrv_put_u64(e, task_pid_vnr(current));
	scapdrv_put_u64(e, task_tgid_vnr(current));
}

/* procexit (sched_process_exit, in the exiting task): status, ret, sig, core. */
void scapdrv_fill_procexit(struct scapdrv_evt *e)
{
	int code = e->task->exit_code;

	scapdrv_put_u64(e, code);
	scapdrv_put_u64(e, (code >> 8) & 0xff);
	scapdrv_put_u8(e, code & 0x7f);
	scapdrv_put_u8(e, (code & 0x80) ? 1 : 0);
}

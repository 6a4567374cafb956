// SPDX-License-Identifier: GPL-2.0 OR MIT
/*
 * fill_proc.c - the module's fillers of the generic syscall event and of process
 * events: those of fill/proc.h (shared with the eBPF probe), and here the ones that
 * read the task: execve, execveat, clone/clone3/fork/vfork exit events (the process
 * description), procexit, capset, and the sched_switch and signal_deliver events.
 *
 * The argument and environment areas of the process (mm->arg_start..arg_end,
 * env_start..env_end) are user memory, read without faulting into a per-CPU scratch
 * page, so each is cut to one page.
 */
#include <linux/audit.h>
#include <linux/cgroup.h>
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
#include <linux/tty.h>
#include <uapi/linux/prctl.h>
#include <uapi/linux/ptrace.h>
#include <uapi/linux/sched.h>

#include "scry.h"
#include "compat/cred.h"
#include "compat/inode.h"
#include "compat/fd.h"
#include "compat/uaccess.h"
/* What fill/proc.h needs from here: the path of the program a task now runs. */
static void scapdrv_put_exe_path(struct scapdrv_evt *e);

#include "fill/proc.h"
#include "fill/wait.h"

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
		scapdrv_count_fault(e);
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

/*
 * The cgroups of @t: "<controller>=<path>" strings, each NUL-terminated, for every
 * controller the kernel has (with cgroup v2 they all name the same cgroup).
 * kernfs_path() only takes a spinlock with interrupts saved: it never sleeps.
 */
static void put_cgroups(struct scapdrv_evt *e, struct task_struct *t)
{
	char *buf = scapdrv_scratch();
	struct cgroup_subsys_state *css;
	u32 off = 0, n;
	int i, len;

	rcu_read_lock();
	for (i = 0; i < CGROUP_SUBSYS_COUNT; i++) {
		css = task_css(t, i);
		if (!css || !css->ss || !css->cgroup)
			continue;
		n = strlen(css->ss->name);
		if (off + n + 2 >= PAGE_SIZE)
			break;
		memcpy(buf + off, css->ss->name, n);
		buf[off + n] = '=';
		len = cgroup_path(css->cgroup, buf + off + n + 1, PAGE_SIZE - off - n - 1);
		if (len < 0 || off + n + 1 + len + 1 > PAGE_SIZE)
			break;
		off += n + 1 + len + 1;       /* kernfs_path() wrote the NUL */
	}
	rcu_read_unlock();
	scapdrv_put_bytes(e, buf, off);
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
	scapdrv_put_vm(e, mm);
	scapdrv_put_kstr(e, t->comm, sizeof(t->comm));
	put_cgroups(e, t);
}

/* Device number of the controlling terminal of @t (new_encode_dev), 0 without one. */
static u32 tty_of(struct task_struct *t)
{
	struct tty_struct *tty;
	unsigned long irq;
	u32 dev = 0;

	if (!t->sighand)
		return 0;
	spin_lock_irqsave(&t->sighand->siglock, irq);
	tty = t->signal->tty;
	if (tty && tty->driver)
		dev = new_encode_dev(MKDEV(tty->driver->major, tty->driver->minor_start) +
				     tty->index);
	spin_unlock_irqrestore(&t->sighand->siglock, irq);
	return dev;
}

/* Exe properties (scap_flags_execve): EXE_WRITABLE when the caller may write the
 * executable (owner, group or other write bit that applies, or CAP_DAC_OVERRIDE). */
static u32 exe_flags(struct mm_struct *mm)
{
	const struct cred *c = current_cred();
	struct file *exe;
	struct inode *ino;
	u32 f = 0;

	if (!mm)
		return 0;
	rcu_read_lock();
	exe = rcu_dereference(mm->exe_file);
	if (exe) {
		ino = file_inode(exe);
		if (uid_eq(c->fsuid, ino->i_uid) ? (ino->i_mode & 0200) :
		    in_group_p(ino->i_gid) ? (ino->i_mode & 0020) : (ino->i_mode & 0002))
			f = 1;
		else if (cap_raised(c->cap_effective, CAP_DAC_OVERRIDE))
			f = 1;
	}
	rcu_read_unlock();
	return f;
}

/* The executable's inode number, ctime and mtime (ns since the epoch); zeros without one. */
static void put_exe_inode(struct scapdrv_evt *e, struct mm_struct *mm)
{
	u64 ino = 0, ctime = 0, mtime = 0;
	struct file *exe = NULL;
	struct inode *inode;

	rcu_read_lock();
	if (mm)
		exe = rcu_dereference(mm->exe_file);
	if (exe) {
		inode = file_inode(exe);
		ino = inode->i_ino;
		ctime = scapdrv_inode_ctime_ns(inode);
		mtime = scapdrv_inode_mtime_ns(inode);
	}
	rcu_read_unlock();
	scapdrv_put_u64(e, ino);
	scapdrv_put_u64(e, ctime);
	scapdrv_put_u64(e, mtime);
}

/* execve exit: res, exe, args, tid, pid, ptid, cwd, fdlimit, pgft_maj, pgft_min,
 * vm_size, vm_rss, vm_swap, comm, cgroups, env, tty, pgid, loginuid, flags, then
 * (schema 1.2) cap_inheritable, cap_permitted, cap_effective (the sets after the exec),
 * exe_ino, exe_ino_ctime, exe_ino_mtime (the new executable's inode). */
void scapdrv_fill_execve_x(struct scapdrv_evt *e)
{
	struct mm_struct *mm = current->mm;
	char *buf = scapdrv_scratch();
	const struct cred *c;
	u32 len = 0;

	scapdrv_put_res(e);
	put_proc_common(e);
	if (mm)
		len = read_user_area(e, mm->env_start, mm->env_end, buf);
	scapdrv_put_bytes(e, buf, len);
	scapdrv_put_u32(e, tty_of(current));
	scapdrv_put_u64(e, task_pgrp_nr_ns(current, &init_pid_ns));
	scapdrv_put_u32(e, from_kuid(&init_user_ns, audit_get_loginuid(current)));
	scapdrv_put_u32(e, exe_flags(mm));
	c = current_cred();
	scapdrv_put_u64(e, scapdrv_cap_u64(c->cap_inheritable));
	scapdrv_put_u64(e, scapdrv_cap_u64(c->cap_permitted));
	scapdrv_put_u64(e, scapdrv_cap_u64(c->cap_effective));
	put_exe_inode(e, mm);
}

/* clone/clone3/fork/vfork exit (parent and child): res, the 14 common parameters,
 * flags, uid, gid, vtid, vpid. */
void scapdrv_fill_clone_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
	put_proc_common(e);
	scapdrv_put_u32(e, scapdrv_clone_flags(clone_call_flags(e)));
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

/* Exit-only mode: the path of the program now running (its user-supplied name is gone
 * with the old address space after a successful exec). */
static void scapdrv_put_exe_path(struct scapdrv_evt *e)
{
	struct mm_struct *mm = current->mm;
	struct file *exe = NULL;

	rcu_read_lock();
	if (mm)
		exe = rcu_dereference(mm->exe_file);
	if (exe)
		scapdrv_put_d_path(e, &exe->f_path);
	else
		scapdrv_put_empty(e);
	rcu_read_unlock();
}

/* capset exit: res, inheritable, permitted, effective (the sets now in force). */
void scapdrv_fill_capset_x(struct scapdrv_evt *e)
{
	const struct cred *c = current_cred();

	scapdrv_put_res(e);
	scapdrv_put_u64(e, scapdrv_cap_u64(c->cap_inheritable));
	scapdrv_put_u64(e, scapdrv_cap_u64(c->cap_permitted));
	scapdrv_put_u64(e, scapdrv_cap_u64(c->cap_effective));
}

/* switch (sched_switch, in the task leaving the CPU): next, pgft_maj, pgft_min,
 * vm_size, vm_rss, vm_swap. */
void scapdrv_fill_sched_switch(struct scapdrv_evt *e, struct task_struct *next)
{
	struct task_struct *t = e->task;

	scapdrv_put_u64(e, next->pid);
	scapdrv_put_u64(e, t->maj_flt);
	scapdrv_put_u64(e, t->min_flt);
	scapdrv_put_vm(e, t->mm);
}

/* signaldeliver (in the receiving task): spid (the sender for user-sent signals and
 * SIGCHLD, else 0), dpid, sig. */
void scapdrv_fill_signal_deliver(struct scapdrv_evt *e, int sig, pid_t spid)
{
	scapdrv_put_u64(e, spid);
	scapdrv_put_u64(e, e->task->pid);
	scapdrv_put_u8(e, sig);
}

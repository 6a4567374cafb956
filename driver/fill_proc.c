// SPDX-License-Identifier: GPL-2.0 OR MIT
/*
 * fill_proc.c - fillers of the generic syscall event and of process events: execve,
 * execveat, clone/clone3/fork/vfork (exit events carry the process description),
 * procexit, signals (kill, tkill, tgkill, signal delivery), credentials (set*id,
 * capset), namespaces (unshare, setns), ptrace, prctl, bpf, module loading and the
 * context switch.
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
#include "compat/fd.h"
#include "compat/uaccess.h"

void scapdrv_fill_none(struct scapdrv_evt *e)
{
}

void scapdrv_fill_res_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
}

void scapdrv_fill_generic_e(struct scapdrv_evt *e)
{
	scapdrv_put_u16(e, scapdrv_sc_event_code(e->nr));
	scapdrv_put_u16(e, (u16)e->nr);
}

void scapdrv_fill_generic_x(struct scapdrv_evt *e)
{
	scapdrv_put_u16(e, scapdrv_sc_event_code(e->nr));
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

/* execve exit: res, exe, args, tid, pid, ptid, cwd, fdlimit, pgft_maj, pgft_min,
 * vm_size, vm_rss, vm_swap, comm, cgroups, env, tty, pgid, loginuid, flags. */
void scapdrv_fill_execve_x(struct scapdrv_evt *e)
{
	struct mm_struct *mm = current->mm;
	char *buf = scapdrv_scratch();
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
}

u32 scapdrv_clone_flags(u64 f)
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
	scapdrv_put_res(e);
	put_proc_common(e);
	scapdrv_put_u32(e, scapdrv_clone_flags(flags));
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

/* execveat enter: dirfd, pathname, flags (scap_flags_execveat). */
void scapdrv_fill_execveat_e(struct scapdrv_evt *e)
{
	u32 f = 0;

	if (e->args[4] & AT_EMPTY_PATH)
		f |= 1;
	if (e->args[4] & AT_SYMLINK_NOFOLLOW)
		f |= 2;
	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_user_path(e, e->args[1]);
	scapdrv_put_u32(e, f);
}

/* Exit-only mode: the path of the program now running (its user-supplied name is gone
 * with the old address space after a successful exec). */
static void put_exe_path(struct scapdrv_evt *e)
{
	struct mm_struct *mm = current->mm;
	char *buf = scapdrv_scratch();
	struct file *exe = NULL;
	char *p = NULL;

	if (mm) {
		rcu_read_lock();
		exe = rcu_dereference(mm->exe_file);
		if (exe)
			p = d_path(&exe->f_path, buf, PAGE_SIZE);
		rcu_read_unlock();
	}
	if (IS_ERR_OR_NULL(p))
		scapdrv_put_empty(e);
	else
		scapdrv_put_kstr(e, p, PAGE_SIZE);
}

/* execve's appended enter parameter in exit-only mode: filename. */
void scapdrv_fill_execve_extra(struct scapdrv_evt *e)
{
	if (e->ret == 0)
		put_exe_path(e);
	else
		scapdrv_fill_execve_e(e);
}

/* execveat's appended enter parameters in exit-only mode: dirfd, pathname, flags. */
void scapdrv_fill_execveat_extra(struct scapdrv_evt *e)
{
	if (e->ret != 0) {
		scapdrv_fill_execveat_e(e);
		return;
	}
	scapdrv_put_fd(e, e->args[0]);     /* a cleared register after the exec: 0 */
	put_exe_path(e);
	scapdrv_put_u32(e, 0);
}

/* kill/tkill enter: pid (tid), sig. */
void scapdrv_fill_kill_e(struct scapdrv_evt *e)
{
	scapdrv_put_u64(e, (s64)(int)e->args[0]);
	scapdrv_put_u8(e, e->args[1]);
}

/* tgkill enter: pid, tid, sig. */
void scapdrv_fill_tgkill_e(struct scapdrv_evt *e)
{
	scapdrv_put_u64(e, (s64)(int)e->args[0]);
	scapdrv_put_u64(e, (s64)(int)e->args[1]);
	scapdrv_put_u8(e, e->args[2]);
}

/* setuid/setgid enter: the id. */
void scapdrv_fill_id_e(struct scapdrv_evt *e)
{
	scapdrv_put_u32(e, e->args[0]);
}

/* setresuid/setresgid enter: real, effective, saved. */
void scapdrv_fill_id3_e(struct scapdrv_evt *e)
{
	scapdrv_put_u32(e, e->args[0]);
	scapdrv_put_u32(e, e->args[1]);
	scapdrv_put_u32(e, e->args[2]);
}

/* scap code of a Linux ptrace request (scap_flags_ptrace_requests; 0 unknown). */
static u16 ptrace_req(unsigned long r)
{
	static const struct { u16 lx, scap; } map[] = {
		{ PTRACE_TRACEME, 1 }, { PTRACE_PEEKTEXT, 2 }, { PTRACE_PEEKDATA, 3 },
		{ PTRACE_PEEKUSR, 4 }, { PTRACE_POKETEXT, 5 }, { PTRACE_POKEDATA, 6 },
		{ PTRACE_POKEUSR, 7 }, { PTRACE_CONT, 8 }, { PTRACE_KILL, 9 },
		{ PTRACE_SINGLESTEP, 0xa }, { PTRACE_ATTACH, 0xb }, { PTRACE_DETACH, 0xc },
		{ PTRACE_SYSCALL, 0xd }, { PTRACE_SETOPTIONS, 0xe },
		{ PTRACE_GETEVENTMSG, 0xf }, { PTRACE_GETSIGINFO, 0x10 },
		{ PTRACE_SETSIGINFO, 0x11 }, { PTRACE_GETREGSET, 0x12 },
		{ PTRACE_SETREGSET, 0x13 }, { PTRACE_SEIZE, 0x14 }, { PTRACE_INTERRUPT, 0x15 },
		{ PTRACE_LISTEN, 0x16 }, { PTRACE_PEEKSIGINFO, 0x17 },
		{ PTRACE_GETSIGMASK, 0x18 }, { PTRACE_SETSIGMASK, 0x19 },
		{ PTRACE_GETREGS, 0x1a }, { PTRACE_SETREGS, 0x1b },
		{ PTRACE_GETFPREGS, 0x1c }, { PTRACE_SETFPREGS, 0x1d },
		{ PTRACE_GETFPXREGS, 0x1e }, { PTRACE_SETFPXREGS, 0x1f },
		{ PTRACE_OLDSETOPTIONS, 0x20 }, { PTRACE_GET_THREAD_AREA, 0x21 },
		{ PTRACE_SET_THREAD_AREA, 0x22 }, { PTRACE_ARCH_PRCTL, 0x23 },
		{ PTRACE_SYSEMU, 0x24 }, { PTRACE_SYSEMU_SINGLESTEP, 0x25 },
		{ PTRACE_SINGLEBLOCK, 0x26 },
	};
	int i;

	for (i = 0; i < ARRAY_SIZE(map); i++)
		if (map[i].lx == r)
			return map[i].scap;
	return 0;
}

/* ptrace enter: request, pid. */
void scapdrv_fill_ptrace_e(struct scapdrv_evt *e)
{
	scapdrv_put_u16(e, ptrace_req(e->args[0]));
	scapdrv_put_u64(e, (s64)(int)e->args[1]);
}

/* A DYN parameter: its type tag, then the value (u64, or u8 for a signal). */
static void put_dyn(struct scapdrv_evt *e, u8 tag, u64 v)
{
	u8 b[9];

	b[0] = tag;
	if (tag == SCAP_PTRACE_IDX_SIGTYPE) {
		b[1] = v;
		scapdrv_put_bytes(e, b, 2);
		return;
	}
	put_unaligned_le64(v, b + 1);
	scapdrv_put_bytes(e, b, 9);
}

/* ptrace exit: res, addr, data (a signal for the resuming requests, else the value). */
void scapdrv_fill_ptrace_x(struct scapdrv_evt *e)
{
	bool sig;

	switch (e->args[0]) {
	case PTRACE_CONT: case PTRACE_SYSCALL: case PTRACE_SINGLESTEP: case PTRACE_DETACH:
	case PTRACE_SYSEMU: case PTRACE_SYSEMU_SINGLESTEP: case PTRACE_SINGLEBLOCK:
		sig = true;
		break;
	default:
		sig = false;
		break;
	}
	scapdrv_put_res(e);
	put_dyn(e, SCAP_PTRACE_IDX_UINT64, e->args[2]);
	put_dyn(e, sig ? SCAP_PTRACE_IDX_SIGTYPE : SCAP_PTRACE_IDX_UINT64, e->args[3]);
}

/* unshare enter: flags. */
void scapdrv_fill_unshare_e(struct scapdrv_evt *e)
{
	scapdrv_put_u32(e, scapdrv_clone_flags(e->args[0]));
}

/* setns enter: fd, nstype. */
void scapdrv_fill_setns_e(struct scapdrv_evt *e)
{
	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_u32(e, scapdrv_clone_flags(e->args[1]));
}

/* prctl exit: res, option, arg2_str (the name of PR_SET_NAME/PR_GET_NAME), arg2_int
 * (the value PR_GET_CHILD_SUBREAPER stored, else argument 2). */
void scapdrv_fill_prctl_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
	scapdrv_put_u32(e, e->args[0]);
	switch (e->args[0]) {
	case PR_SET_NAME:
	case PR_GET_NAME:
		scapdrv_put_user_str(e, e->args[1], TASK_COMM_LEN);
		scapdrv_put_u64(e, 0);
		break;
	case PR_GET_CHILD_SUBREAPER:
		scapdrv_put_empty(e);
		scapdrv_put_u64(e, (s64)(int)scapdrv_user_u32(e, e->args[1]));
		break;
	default:
		scapdrv_put_empty(e);
		scapdrv_put_u64(e, e->args[1]);
		break;
	}
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

/* bpf enter: cmd. */
void scapdrv_fill_bpf_e(struct scapdrv_evt *e)
{
	scapdrv_put_u64(e, e->args[0]);
}

/* bpf exit: fd (the result), cmd. */
void scapdrv_fill_bpf_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
	scapdrv_put_u32(e, e->args[0]);
}

/* init_module exit: res, img (its first bytes, up to the snaplen), length, uargs. */
void scapdrv_fill_init_module_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
	scapdrv_put_user_buf(e, e->args[0], e->args[1]);
	scapdrv_put_u64(e, e->args[1]);
	scapdrv_put_user_str(e, e->args[2], PAGE_SIZE);
}

/* finit_module exit: res, fd, uargs, flags (MODULE_INIT_* are the format's values). */
void scapdrv_fill_finit_module_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_user_str(e, e->args[1], PAGE_SIZE);
	scapdrv_put_u32(e, e->args[2] & 7);
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

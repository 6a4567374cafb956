/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * fill_task.h - the eBPF probe's fillers that read the task, the counterparts of the
 * module's own in driver/fill_proc.c and fill_mem.c (the parameters and their order are
 * the same): execve and clone-family exit events (the process description), procexit,
 * capset exit, and the memory counters of mmap/munmap/brk exit.
 *
 * Where the module calls d_path() and cgroup_path(), which raw tracepoint programs
 * cannot, the probe walks dentries and kernfs nodes itself, up to SCAPBPF_PATH_DEPTH
 * components (a deeper path keeps its last components). Fields that moved between
 * kernel versions are read through CO-RE flavors (struct <name>___<flavor>).
 */
#ifndef SCAPBPF_FILL_TASK_H
#define SCAPBPF_FILL_TASK_H

#include "bpf/kern.h"

#define SCAPBPF_PATH_DEPTH 32      /* components of a cwd or cgroup path (a power of 2) */
#define SCAPBPF_NAME_MAX 256       /* bytes of one component, NUL included */
#define SCAPBPF_CGROUP_SUBSYS 16   /* controllers listed at most */
#define SCAPBPF_AREA_MAX 4096      /* bytes of the argument or environment area */
#define RLIMIT_NOFILE 7

/* Linux 6.1: mm->rss_stat is a struct of atomic counters; 6.2+: an array of
 * percpu_counter (whose count is what get_mm_counter() reads). */
struct mm_rss_stat___old {
	atomic_long_t count[4];
} __attribute__((preserve_access_index));
struct mm_struct___old {
	struct mm_rss_stat___old rss_stat;
} __attribute__((preserve_access_index));
struct mm_struct___new {
	struct percpu_counter rss_stat[4];
} __attribute__((preserve_access_index));

/* kernfs_node's parent is "parent" before Linux 6.15, "__parent" after. */
struct kernfs_node___old {
	struct kernfs_node *parent;
} __attribute__((preserve_access_index));
struct kernfs_node___new {
	struct kernfs_node *__parent;
} __attribute__((preserve_access_index));

/* Counter @i (MM_FILEPAGES 0, MM_ANONPAGES 1, MM_SWAPENTS 2, MM_SHMEMPAGES 3) of @mm. */
static __always_inline __s64 scapbpf_mm_counter(struct mm_struct *mm, int i)
{
	__s64 v = 0;

	if (bpf_core_field_exists(((struct mm_struct___new *)0)->rss_stat))
		v = BPF_CORE_READ((struct mm_struct___new *)mm, rss_stat[i & 3].count);
	else
		v = BPF_CORE_READ((struct mm_struct___old *)mm, rss_stat.count[i & 3].counter);
	return v < 0 ? 0 : v;
}

/* vm_size, vm_rss, vm_swap of @mm in KiB (zeros when @mm is NULL). */
static __always_inline void scapbpf_put_vm(struct scapdrv_evt *e, struct mm_struct *mm)
{
	__u64 rss;

	if (!mm) {
		scapdrv_put_u32(e, 0);
		scapdrv_put_u32(e, 0);
		scapdrv_put_u32(e, 0);
		return;
	}
	rss = scapbpf_mm_counter(mm, 0) + scapbpf_mm_counter(mm, 1) + scapbpf_mm_counter(mm, 3);
	scapdrv_put_u32(e, BPF_CORE_READ(mm, total_vm) << 2);
	scapdrv_put_u32(e, rss << 2);
	scapdrv_put_u32(e, scapbpf_mm_counter(mm, 2) << 2);
}

/* mmap/munmap/brk exit: res, vm_size, vm_rss, vm_swap. */
static __always_inline void scapdrv_fill_mem_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
	scapbpf_put_vm(e, BPF_CORE_READ(scapbpf_current(), mm));
}

/* exe (argv[0]) and args (the other arguments, each NUL-terminated), from the user
 * range [arg_start, arg_end) cut to SCAPBPF_AREA_MAX bytes, as the module reads it. */
static __always_inline void scapbpf_put_exe_args(struct scapdrv_evt *e, struct mm_struct *mm)
{
	unsigned long start = 0, end = 0;
	__u32 len = 0, room;
	long n;
	__u8 *p;

	if (mm) {
		start = BPF_CORE_READ(mm, arg_start);
		end = BPF_CORE_READ(mm, arg_end);
	}
	if (start && end > start)
		len = end - start < SCAPBPF_AREA_MAX ? end - start : SCAPBPF_AREA_MAX;
	p = scapdrv_param_begin(e, len);
	if (!p)
		return;
	n = len ? bpf_probe_read_user_str(p, len & (SCAPBPF_AREA_MAX * 2 - 1), (void *)start) : 0;
	if (n <= 0) {
		if (len)
			scapdrv_count_fault(e);
		scapdrv_param_end(e, 0);
		scapdrv_put_empty(e);
		return;
	}
	scapdrv_param_end(e, n);
	room = len - n;
	p = scapdrv_param_begin(e, room);
	if (!p)
		return;
	room &= SCAPBPF_AREA_MAX - 1;
	if (room && bpf_probe_read_user(p, room, (void *)(start + n))) {
		scapdrv_count_fault(e);
		room = 0;
	}
	if (room)
		e->buf[(e->pos + room - 1) & SCAPBPF_MASK] = '\0';   /* a cut area ends in NUL */
	scapdrv_param_end(e, room);
}

/* A user area [start, end) cut to SCAPBPF_AREA_MAX bytes, as bytes (the environment). */
static __always_inline void scapbpf_put_user_area(struct scapdrv_evt *e, unsigned long start,
						  unsigned long end)
{
	__u32 len = 0;
	__u8 *p;

	if (start && end > start)
		len = end - start < SCAPBPF_AREA_MAX ? end - start : SCAPBPF_AREA_MAX;
	p = scapdrv_param_begin(e, len);
	if (!p)
		return;
	len &= SCAPBPF_AREA_MAX * 2 - 1;
	if (len && bpf_probe_read_user(p, len, (void *)start)) {
		scapdrv_count_fault(e);
		len = 0;
	}
	scapdrv_param_end(e, len);
}

/* The path walks and joins below run as bpf_loop() callbacks with their state in
 * e->loop (see struct scapbpf_loop in bpf/evt.h for why). */

/* Append "/<name k from the root>" (step @k of scapbpf_join()) for the path whose
 * names e->tmp lists (e->loop.n of them, last first). Run as a callback so that the
 * verifier checks one step, not every path length. */
static long scapbpf_join_step(__u32 k, void *data)
{
	struct scapdrv_evt *e = *(struct scapdrv_evt **)data;
	struct scapbpf_loop *l = &e->loop;
	const char **names = (const char **)e->tmp;
	__u32 off = l->off;
	long r;

	if (k >= l->n || off > SCAPBPF_EVT_MAX / 2)
		return 1;
	e->buf[(l->base + off) & SCAPBPF_MASK] = '/';
	off++;
	r = bpf_probe_read_kernel_str(&e->buf[(l->base + off) & SCAPBPF_MASK],
				      SCAPBPF_NAME_MAX, names[(l->n - 1 - k) & (SCAPBPF_PATH_DEPTH - 1)]);
	if (r > 1)
		off += r - 1;
	l->off = off;
	return 0;
}

/* Append "/<name>" for each name listed in e->tmp (e->loop.n of them) at e->loop.off;
 * "/" when there is none. */
static __always_inline void scapbpf_join(struct scapdrv_evt *e)
{
	struct scapbpf_loop *l = &e->loop;

	if (l->n == 0) {
		e->buf[(l->base + l->off) & SCAPBPF_MASK] = '/';
		l->off++;
		return;
	}
	bpf_loop(SCAPBPF_PATH_DEPTH, scapbpf_join_step, &e, 0);
}

/* bpf_loop() step of the walk from e->loop.d up to the task's root (scapbpf_put_path()):
 * list the name of the dentry, go to its parent (across mount points). Return: 1 at
 * the task's root or the global one. */
static long scapbpf_walk_step(__u32 k, void *data)
{
	struct scapdrv_evt *e = *(struct scapdrv_evt **)data;
	struct scapbpf_loop *l = &e->loop;
	const char **names = (const char **)e->tmp;
	struct dentry *d = l->d, *parent, *root;
	struct mount *mnt = l->mnt, *mp;
	__u32 n = l->n;

	if (!d || (d == l->root && &mnt->mnt == l->root_mnt))
		return 1;
	root = BPF_CORE_READ(mnt, mnt.mnt_root);
	parent = BPF_CORE_READ(d, d_parent);
	if (d == root || d == parent) {
		mp = BPF_CORE_READ(mnt, mnt_parent);
		if (d != root || mp == mnt)
			return 1;
		l->d = BPF_CORE_READ(mnt, mnt_mountpoint);
		l->mnt = mp;
		return 0;
	}
	if (n < SCAPBPF_PATH_DEPTH) {
		names[n & (SCAPBPF_PATH_DEPTH - 1)] = (const char *)BPF_CORE_READ(d, d_name.name);
		l->n = n + 1;
	}
	l->d = parent;
	return 0;
}

/* The path of (@d, @vm) as an absolute path from @t's root (as the module's d_path()),
 * empty when @d is NULL. */
static __always_inline void scapbpf_put_path(struct scapdrv_evt *e, struct task_struct *t,
					     struct dentry *d, struct vfsmount *vm)
{
	struct scapbpf_loop *l = &e->loop;
	__u32 off;

	if (!d) {
		scapdrv_put_empty(e);
		return;
	}
	l->d = d;
	l->mnt = container_of(vm, struct mount, mnt);
	l->root = BPF_CORE_READ(t, fs, root.dentry);
	l->root_mnt = BPF_CORE_READ(t, fs, root.mnt);
	l->n = 0;
	bpf_loop(SCAPBPF_PATH_DEPTH + 16, scapbpf_walk_step, &e, 0);
	/* Written in place, then measured: every write is masked into the scratch. */
	if (!scapdrv_param_begin(e, 1))
		return;
	l->base = e->pos;
	l->off = 0;
	scapbpf_join(e);
	off = l->off;
	if (off >= SCAPBPF_EVT_MAX - l->base) {
		e->fail = SCAPDRV_FAIL_BIG;
		return;
	}
	e->buf[(l->base + off) & SCAPBPF_MASK] = '\0';
	scapdrv_param_end(e, off + 1);
}

/* The kernfs parent of @kn, across the field's rename. */
static __always_inline struct kernfs_node *scapbpf_kn_parent(struct kernfs_node *kn)
{
	if (bpf_core_field_exists(((struct kernfs_node___new *)0)->__parent))
		return BPF_CORE_READ((struct kernfs_node___new *)kn, __parent);
	return BPF_CORE_READ((struct kernfs_node___old *)kn, parent);
}

/* bpf_loop() step of scapbpf_put_cgroups(): "<controller>=<path>" of controller @k of
 * task e->loop.t. */
static long scapbpf_cgroup_step(__u32 k, void *data)
{
	struct scapdrv_evt *e = *(struct scapdrv_evt **)data;
	struct scapbpf_loop *l = &e->loop;
	struct task_struct *t = l->t;   /* a local: CO-RE reads relocate their whole chain */
	const char **names = (const char **)e->tmp;
	struct cgroup_subsys_state *css;
	struct kernfs_node *kn, *up;
	const char *ss;
	__u32 n = 0;
	long r;
	int i;

	if (k >= l->count || l->off > SCAPBPF_EVT_MAX / 4)
		return 1;
	css = BPF_CORE_READ(t, cgroups, subsys[k & (SCAPBPF_CGROUP_SUBSYS - 1)]);
	if (!css)
		return 0;
	ss = BPF_CORE_READ(css, ss, name);
	kn = BPF_CORE_READ(css, cgroup, kn);
	if (!ss || !kn)
		return 0;
	for (i = 0; i < SCAPBPF_PATH_DEPTH; i++) {
		up = scapbpf_kn_parent(kn);
		if (!up)
			break;
		names[n++ & (SCAPBPF_PATH_DEPTH - 1)] = BPF_CORE_READ(kn, name);
		kn = up;
	}
	l->n = n;
	r = bpf_probe_read_kernel_str(&e->buf[(l->base + l->off) & SCAPBPF_MASK], 64, ss);
	if (r <= 1)
		return 0;
	l->off += r - 1;
	e->buf[(l->base + l->off) & SCAPBPF_MASK] = '=';
	l->off++;
	scapbpf_join(e);
	e->buf[(l->base + l->off) & SCAPBPF_MASK] = '\0';
	l->off++;
	return 0;
}

/* The cgroups of @t: "<controller>=<path>" strings, each NUL-terminated, for every
 * controller of the kernel (see the module's put_cgroups()). */
static __always_inline void scapbpf_put_cgroups(struct scapdrv_evt *e, struct task_struct *t)
{
	struct scapbpf_loop *l = &e->loop;
	__u32 off;

	if (!scapdrv_param_begin(e, 1))
		return;
	l->t = t;
	l->base = e->pos;
	l->off = 0;
	l->count = bpf_core_enum_value(enum cgroup_subsys_id, CGROUP_SUBSYS_COUNT);
	bpf_loop(SCAPBPF_CGROUP_SUBSYS, scapbpf_cgroup_step, &e, 0);
	off = l->off;
	if (off > SCAPBPF_EVT_MAX - l->base) {
		e->fail = SCAPDRV_FAIL_BIG;
		return;
	}
	scapdrv_param_end(e, off);
}

/* Parameters 1..14 shared by execve and the clone family, after res. */
static __always_inline void scapbpf_put_proc_common(struct scapdrv_evt *e, struct task_struct *t)
{
	struct mm_struct *mm = BPF_CORE_READ(t, mm);
	char comm[16];

	scapbpf_put_exe_args(e, mm);
	scapdrv_put_u64(e, BPF_CORE_READ(t, pid));
	scapdrv_put_u64(e, BPF_CORE_READ(t, tgid));
	scapdrv_put_u64(e, BPF_CORE_READ(t, real_parent, pid));
	scapbpf_put_path(e, t, BPF_CORE_READ(t, fs, pwd.dentry), BPF_CORE_READ(t, fs, pwd.mnt));
	scapdrv_put_u64(e, BPF_CORE_READ(t, signal, rlim[RLIMIT_NOFILE].rlim_cur));
	scapdrv_put_u64(e, BPF_CORE_READ(t, maj_flt));
	scapdrv_put_u64(e, BPF_CORE_READ(t, min_flt));
	scapbpf_put_vm(e, mm);
	BPF_CORE_READ_STR_INTO(&comm, t, comm);
	scapdrv_put_kstr(e, comm, sizeof(comm));
	scapbpf_put_cgroups(e, t);
}

/* Device of the controlling terminal of @t (new_encode_dev), 0 without one. */
static __always_inline __u32 scapbpf_tty(struct task_struct *t)
{
	struct tty_struct *tty = BPF_CORE_READ(t, signal, tty);
	struct tty_driver *drv;
	__u32 major, minor;

	if (!tty)
		return 0;
	drv = BPF_CORE_READ(tty, driver);
	if (!drv)
		return 0;
	major = BPF_CORE_READ(drv, major);
	minor = BPF_CORE_READ(drv, minor_start) + BPF_CORE_READ(tty, index);
	return scapbpf_encode_dev((major << 20) + minor);
}

/* Exe properties: EXE_WRITABLE when the caller may write the executable (its owner,
 * group or other write bit that applies, or CAP_DAC_OVERRIDE; the group is the
 * caller's fsgid: supplementary groups are not looked at). */
static __always_inline __u32 scapbpf_exe_flags(struct task_struct *t, struct mm_struct *mm)
{
	const struct cred *c = BPF_CORE_READ(t, cred);
	struct inode *ino;
	__u64 caps = 0;
	__u16 mode;

	if (!mm)
		return 0;
	ino = BPF_CORE_READ(mm, exe_file, f_inode);
	if (!ino)
		return 0;
	mode = BPF_CORE_READ(ino, i_mode);
	if (BPF_CORE_READ(c, fsuid.val) == BPF_CORE_READ(ino, i_uid.val) ? (mode & 0200) :
	    BPF_CORE_READ(c, fsgid.val) == BPF_CORE_READ(ino, i_gid.val) ? (mode & 0020) :
	    (mode & 0002))
		return 1;
	bpf_probe_read_kernel(&caps, sizeof(caps), &c->cap_effective);
	return (caps >> 1) & 1;      /* CAP_DAC_OVERRIDE */
}

/*
 * struct inode's times in older kernels (CO-RE flavors; vmlinux.h has the current
 * i_ctime_sec/_nsec, i_mtime_sec/_nsec of 6.11+): timespec64 i_ctime and i_mtime before
 * 6.6, __i_ctime from 6.6, __i_mtime from 6.7.
 */
struct inode___v6_1 {
	struct timespec64 i_ctime;
	struct timespec64 i_mtime;
} __attribute__((preserve_access_index));
struct inode___v6_6 {
	struct timespec64 __i_ctime;
} __attribute__((preserve_access_index));
struct inode___v6_7 {
	struct timespec64 __i_mtime;
} __attribute__((preserve_access_index));

/* ns since the epoch; the nanoseconds' top bits (a multigrain "queried" flag) dropped */
static __always_inline __u64 scapbpf_time_ns(__s64 sec, __u32 nsec)
{
	return sec < 0 ? 0 : (__u64)sec * 1000000000ull + (nsec & 0x3fffffffu);
}

/* The executable's inode: number, ctime, mtime (ns since the epoch); zeros without one. */
static __always_inline void scapbpf_put_exe_inode(struct scapdrv_evt *e, struct mm_struct *mm)
{
	struct inode *ino = mm ? BPF_CORE_READ(mm, exe_file, f_inode) : NULL;
	__u64 num = 0, ctime = 0, mtime = 0;

	if (ino) {
		num = BPF_CORE_READ(ino, i_ino);
		if (bpf_core_field_exists(ino->i_ctime_sec)) {
			ctime = scapbpf_time_ns(BPF_CORE_READ(ino, i_ctime_sec), BPF_CORE_READ(ino, i_ctime_nsec));
		} else if (bpf_core_field_exists(((struct inode___v6_6 *)ino)->__i_ctime)) {
			struct inode___v6_6 *i6 = (void *)ino;

			ctime = scapbpf_time_ns(BPF_CORE_READ(i6, __i_ctime.tv_sec), BPF_CORE_READ(i6, __i_ctime.tv_nsec));
		} else {
			struct inode___v6_1 *i1 = (void *)ino;

			ctime = scapbpf_time_ns(BPF_CORE_READ(i1, i_ctime.tv_sec), BPF_CORE_READ(i1, i_ctime.tv_nsec));
		}
		if (bpf_core_field_exists(ino->i_mtime_sec)) {
			mtime = scapbpf_time_ns(BPF_CORE_READ(ino, i_mtime_sec), BPF_CORE_READ(ino, i_mtime_nsec));
		} else if (bpf_core_field_exists(((struct inode___v6_7 *)ino)->__i_mtime)) {
			struct inode___v6_7 *i7 = (void *)ino;

			mtime = scapbpf_time_ns(BPF_CORE_READ(i7, __i_mtime.tv_sec), BPF_CORE_READ(i7, __i_mtime.tv_nsec));
		} else {
			struct inode___v6_1 *i1 = (void *)ino;

			mtime = scapbpf_time_ns(BPF_CORE_READ(i1, i_mtime.tv_sec), BPF_CORE_READ(i1, i_mtime.tv_nsec));
		}
	}
	scapdrv_put_u64(e, num);
	scapdrv_put_u64(e, ctime);
	scapdrv_put_u64(e, mtime);
}

/* execve exit: res, exe, args, tid, pid, ptid, cwd, fdlimit, pgft_maj, pgft_min,
 * vm_size, vm_rss, vm_swap, comm, cgroups, env, tty, pgid, loginuid, flags, then
 * (schema 1.2) cap_inheritable, cap_permitted, cap_effective (the sets after the exec),
 * exe_ino, exe_ino_ctime, exe_ino_mtime (the new executable's inode). */
static __always_inline void scapdrv_fill_execve_x(struct scapdrv_evt *e)
{
	struct task_struct *t = scapbpf_current();
	struct mm_struct *mm = BPF_CORE_READ(t, mm);
	const struct cred *c = BPF_CORE_READ(t, cred);
	__u64 inh = 0, prm = 0, eff = 0;
	struct pid *pg;

	scapdrv_put_res(e);
	scapbpf_put_proc_common(e, t);
	scapbpf_put_user_area(e, mm ? BPF_CORE_READ(mm, env_start) : 0,
			      mm ? BPF_CORE_READ(mm, env_end) : 0);
	scapdrv_put_u32(e, scapbpf_tty(t));
	pg = BPF_CORE_READ(t, signal, pids[bpf_core_enum_value(enum pid_type, PIDTYPE_PGID)]);
	scapdrv_put_u64(e, pg ? BPF_CORE_READ(pg, numbers[0].nr) : 0);
	scapdrv_put_u32(e, BPF_CORE_READ(t, loginuid.val));
	scapdrv_put_u32(e, scapbpf_exe_flags(t, mm));
	bpf_probe_read_kernel(&inh, sizeof(inh), &c->cap_inheritable);
	bpf_probe_read_kernel(&prm, sizeof(prm), &c->cap_permitted);
	bpf_probe_read_kernel(&eff, sizeof(eff), &c->cap_effective);
	scapdrv_put_u64(e, inh);
	scapdrv_put_u64(e, prm);
	scapdrv_put_u64(e, eff);
	scapbpf_put_exe_inode(e, mm);
}

/* clone/clone3/fork/vfork exit (parent and child): res, the 14 common parameters,
 * flags, uid, gid, vtid, vpid. */
static __always_inline void scapdrv_fill_clone_x(struct scapdrv_evt *e)
{
	struct task_struct *t = scapbpf_current();
	struct pid *tp = BPF_CORE_READ(t, thread_pid);
	struct pid *gp = BPF_CORE_READ(t, group_leader, thread_pid);
	unsigned int level = BPF_CORE_READ(tp, level);

	scapdrv_put_res(e);
	scapbpf_put_proc_common(e, t);
	scapdrv_put_u32(e, scapdrv_clone_flags(clone_call_flags(e)));
	scapdrv_put_u32(e, BPF_CORE_READ(t, cred, euid.val));
	scapdrv_put_u32(e, BPF_CORE_READ(t, cred, egid.val));
	scapdrv_put_u64(e, BPF_CORE_READ(tp, numbers[level & 31].nr));
	scapdrv_put_u64(e, gp ? BPF_CORE_READ(gp, numbers[level & 31].nr) : 0);
}

/* Exit-only mode: the path of the program now running (its user-supplied name is gone
 * with the old address space after a successful exec). */
static __always_inline void scapdrv_put_exe_path(struct scapdrv_evt *e)
{
	struct task_struct *t = scapbpf_current();
	struct file *exe = BPF_CORE_READ(t, mm, exe_file);

	if (!exe) {
		scapdrv_put_empty(e);
		return;
	}
	scapbpf_put_path(e, t, BPF_CORE_READ(exe, f_path.dentry), BPF_CORE_READ(exe, f_path.mnt));
}

/* The path of the file behind descriptor @fd of the current task (as the module's
 * d_path()), empty when there is none. */
static __always_inline void scapdrv_put_fd_path(struct scapdrv_evt *e, long fd)
{
	struct task_struct *t = scapbpf_current();
	struct file *f = scapbpf_fd_file(fd);

	if (!f) {
		scapdrv_put_empty(e);
		return;
	}
	scapbpf_put_path(e, t, BPF_CORE_READ(f, f_path.dentry), BPF_CORE_READ(f, f_path.mnt));
}

/* procexit (sched_process_exit, in the exiting task): status, ret, sig, core. */
static __always_inline void scapdrv_fill_procexit(struct scapdrv_evt *e)
{
	struct task_struct *t = e->task;   /* a local: CO-RE relocates the whole chain */
	int code = BPF_CORE_READ(t, exit_code);

	scapdrv_put_u64(e, code);
	scapdrv_put_u64(e, (code >> 8) & 0xff);
	scapdrv_put_u8(e, code & 0x7f);
	scapdrv_put_u8(e, (code & 0x80) ? 1 : 0);
}

/* capset exit: res, inheritable, permitted, effective (the sets now in force). */
static __always_inline void scapdrv_fill_capset_x(struct scapdrv_evt *e)
{
	const struct cred *c = BPF_CORE_READ(scapbpf_current(), cred);
	__u64 inh = 0, prm = 0, eff = 0;

	bpf_probe_read_kernel(&inh, sizeof(inh), &c->cap_inheritable);
	bpf_probe_read_kernel(&prm, sizeof(prm), &c->cap_permitted);
	bpf_probe_read_kernel(&eff, sizeof(eff), &c->cap_effective);
	scapdrv_put_res(e);
	scapdrv_put_u64(e, inh);
	scapdrv_put_u64(e, prm);
	scapdrv_put_u64(e, eff);
}

#endif /* SCAPBPF_FILL_TASK_H */

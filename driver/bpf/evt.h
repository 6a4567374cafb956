/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * evt.h - the eBPF probe's event builder: struct scapdrv_evt and the scapdrv_put_*()
 * primitives, with the names and meanings of the kernel module's (driver/scry.h), so
 * that the shared fillers of driver/fill/ compile on both sides.
 *
 * An event is assembled in the per-CPU scratch map (struct scapdrv_evt, which also
 * carries the syscall context across the tail call to the filler program) and output
 * whole into the CPU's ring at commit: a reader never sees a partial record.
 *
 * Verifier notes: every write goes to buf + (pos & (SCAPBPF_EVT_MAX - 1)) with at most
 * SCAPBPF_EVT_MAX bytes, and buf holds twice that, so no masked offset plus a bounded
 * size leaves the map value. pos itself never exceeds SCAPBPF_EVT_MAX (a parameter
 * that would pass it fails the event: dropped and counted, never cut).
 */
#ifndef SCAPBPF_EVT_H
#define SCAPBPF_EVT_H

#include "bpf/consts.h"
#include "bpf/scapbpf.h"

/* Largest record the probe writes, bytes (a power of two). */
#define SCAPBPF_EVT_MAX 32768u
#define SCAPBPF_MASK (SCAPBPF_EVT_MAX - 1)

enum scapdrv_fail {
	SCAPDRV_OK = 0,
	SCAPDRV_FAIL_FULL,      /* the ring had no room: n_drop_full */
	SCAPDRV_FAIL_BIG,       /* larger than SCAPBPF_EVT_MAX: n_drop_big */
};

/*
 * Loop state of the bpf_loop() callbacks (the iovec walks below, the path walks of
 * bpf/fill_task.h) lives in the event's scratch entry, not on the stack. Linux 6.7+
 * checks a callback again and again until the state it starts from stops changing; a
 * counter or an offset on the stack changes with every step (the verifier tracks each
 * value), so the callback was checked once per possible step (clone and execve exits:
 * ~99,000 instructions processed at load, writev and sendmsg exits 12,600). A map
 * value's contents are unknown to the verifier: every step starts from the same state
 * and the callback is checked once or twice. Every value read back is bounded or
 * masked where it indexes. The callbacks get the address of a stack variable holding
 * the entry's pointer (bpf_loop()'s context must be on the stack).
 */

/* A walk over a user iovec array. */
struct scapbpf_iov {
	unsigned long uiov;     /* user address of the array */
	unsigned long cnt;      /* iovecs in it */
	__u64 total;            /* iov_len sum, or bytes copied */
	__u64 len;              /* bytes to copy at most */
	__u32 base;             /* where the copy goes in e->buf */
	int fault;              /* a read faulted */
};

/* A path walk (bpf/fill_task.h). */
struct scapbpf_loop {
	struct dentry *d;       /* walk: the dentry at this step */
	struct mount *mnt;      /* walk: its mount */
	struct dentry *root;    /* walk: the task's root (chroot), where d_path() stops too */
	struct vfsmount *root_mnt;
	struct task_struct *t;  /* cgroups: the task */
	__u32 n;                /* names listed in tmp, last first */
	__u32 base;             /* join: where the parameter starts in buf */
	__u32 off;              /* join: bytes of it written */
	__u32 count;            /* cgroups: controllers of the kernel */
};

/* The event being written on this CPU: one entry of the "scratch" map per CPU. */
struct scapdrv_evt {
	unsigned long args[6];  /* syscall arguments */
	long ret;               /* return value (exit events) */
	long nr;                /* native syscall number */
	__u64 ts;               /* ns since the epoch */
	__u32 snaplen;          /* bytes of I/O buffers captured */
	__u32 pos;              /* bytes of the record written so far */
	__u32 tid;              /* thread the event describes */
	__u32 cpu;              /* CPU it is written on (its scratch entry and ring) */
	__u16 type;             /* enum scap_evt_type the fillers fill */
	__u16 nparams;          /* parameters of the record */
	__u16 nput;             /* parameters written so far */
	__u8 fail;              /* enum scapdrv_fail */
	__u8 busy;              /* 1 between begin and commit (nesting guard) */
	__u16 extra_prog;       /* exit-only mode: 1 + the filler program that appends
	                           the enter event's parameters next (0: none) */
	struct task_struct *task; /* procexit: the exiting task */
	__u8 tmp[512];          /* filler scratch (addresses, tuples) off the BPF stack */
	struct scapbpf_loop loop; /* bpf/fill_task.h's path walks */
	struct scapbpf_iov iov; /* the iovec walks */
	__u8 buf[2 * SCAPBPF_EVT_MAX]; /* the record: header, lengths, parameters */
};

/* Counters of this CPU. */
static __always_inline struct scapbpf_counters *scapbpf_counters(void);

/*
 * Start a parameter of up to @want bytes. Return: where to write it, or NULL (the event
 * is then failed: out of room, or every parameter already written).
 */
static __always_inline __u8 *scapdrv_param_begin(struct scapdrv_evt *e, __u32 want)
{
	__u64 pos = e->pos;

	if (e->nput >= e->nparams || e->fail) {
		if (!e->fail)
			e->fail = SCAPDRV_FAIL_BIG;   /* a filler bug: never publish it */
		return NULL;
	}
	if (pos > SCAPBPF_EVT_MAX || want > SCAPBPF_EVT_MAX - pos) {
		e->fail = SCAPDRV_FAIL_BIG;
		return NULL;
	}
	asm volatile("" : "+r"(pos));
	pos &= SCAPBPF_MASK;
	asm volatile("" : "+r"(pos));
	return &e->buf[pos];
}

/* Close the parameter begun last with @len bytes written. */
static __always_inline void scapdrv_param_end(struct scapdrv_evt *e, __u32 len)
{
	__u32 slot = SCAP_ABI_EVT_HDR_LEN + 2 * (e->nput & (SCAP_MAX_EVENT_PARAMS - 1));

	*(__u16 *)&e->buf[slot] = len;
	e->pos += len;
	e->nput++;
}

static __always_inline void scapdrv_put_u8(struct scapdrv_evt *e, __u8 v)
{
	__u8 *p = scapdrv_param_begin(e, 1);

	if (p) {
		*p = v;
		scapdrv_param_end(e, 1);
	}
}

static __always_inline void scapdrv_put_u16(struct scapdrv_evt *e, __u16 v)
{
	__u8 *p = scapdrv_param_begin(e, 2);

	if (p) {
		*(__u16 *)p = v;
		scapdrv_param_end(e, 2);
	}
}

static __always_inline void scapdrv_put_u32(struct scapdrv_evt *e, __u32 v)
{
	__u8 *p = scapdrv_param_begin(e, 4);

	if (p) {
		*(__u32 *)p = v;
		scapdrv_param_end(e, 4);
	}
}

static __always_inline void scapdrv_put_u64(struct scapdrv_evt *e, __u64 v)
{
	__u8 *p = scapdrv_param_begin(e, 8);

	if (p) {
		*(__u64 *)p = v;
		scapdrv_param_end(e, 8);
	}
}

static __always_inline void scapdrv_put_empty(struct scapdrv_evt *e)
{
	if (scapdrv_param_begin(e, 0))
		scapdrv_param_end(e, 0);
}

static __always_inline void scapdrv_put_fd(struct scapdrv_evt *e, unsigned long arg)
{
	scapdrv_put_u64(e, (__s64)(int)arg);
}

static __always_inline void scapdrv_put_res(struct scapdrv_evt *e)
{
	scapdrv_put_u64(e, e->ret);
}

static __always_inline void scapdrv_count_fault(struct scapdrv_evt *e)
{
	struct scapbpf_counters *c = scapbpf_counters();

	if (c)
		c->n_drop_pf++;
}

/*
 * @n bounded to 0..@lim in a register the verifier knows the bounds of. Written in
 * assembly so that the compiler can neither swap @n for an unbounded copy nor turn the
 * test around: "if n <= lim" keeps the constant as the source operand, the only one
 * Linux 6.1's verifier decides a branch on (6.18's decides either). With "if lim > n"
 * (what the compiler wrote) 6.1 walks the dead branch of an @n already within bounds
 * with impossible bounds (umin > umax); they pass to every copy of @n, and a pointer
 * moved by such a copy becomes an unknown scalar ("R5 invalid mem access 'scalar'").
 */
static __always_inline __u64 scapbpf_clamp(__u64 n, __u64 lim)
{
	asm volatile("if %[n] <= %[lim] goto +1\n\t"
		     "%[n] = %[lim]"
		     : [n] "+r"(n) : [lim] "r"(lim));
	return n;
}

/* Bound @n to 0..SCAPBPF_EVT_MAX. */
static __always_inline __u64 scapbpf_bound(__u64 n)
{
	return scapbpf_clamp(n, SCAPBPF_EVT_MAX);
}

/* Kernel bytes (@src in the kernel or on the BPF stack), @len of them. */
static __always_inline void scapdrv_put_bytes(struct scapdrv_evt *e, const void *src, __u32 len)
{
	__u8 *p = scapdrv_param_begin(e, len);
	__u64 n;

	if (!p)
		return;
	n = scapbpf_bound(len);
	if (n && bpf_probe_read_kernel(p, n, src))
		n = 0;
	scapdrv_param_end(e, n);
}

/* A kernel string, NUL included, cut to @max bytes (NUL included). */
static __always_inline void scapdrv_put_kstr(struct scapdrv_evt *e, const void *s, __u32 max)
{
	__u8 *p = scapdrv_param_begin(e, 1);
	__u64 lim;
	long n;

	if (!p)
		return;
	lim = SCAPBPF_EVT_MAX - e->pos;
	if (max < lim)
		lim = max;
	lim = scapbpf_bound(lim);
	n = bpf_probe_read_kernel_str(p, lim, s);
	if (n < 0)
		n = 0;
	scapdrv_param_end(e, n);
}

/* Or'ed into scapdrv_put_user_str()'s @max: an unreadable string is written "(NULL)"
 * too (the module's driver/scry.h has the same). */
#define SCAPDRV_STR_FAULT_NULL 0x80000000u

/*
 * A user string, NUL included, at most @max bytes (SCAPDRV_STR_FAULT_NULL may be or'ed
 * in); faulting: empty (or "(NULL)"), counted; NULL: the string "(NULL)", as the module
 * (and the peer driver) writes it. A string that does not fit in the event fails it
 * (dropped, never cut).
 */
static __always_inline void scapdrv_put_user_str(struct scapdrv_evt *e, unsigned long uaddr,
						 __u32 max)
{
	bool fault_null = max & SCAPDRV_STR_FAULT_NULL;
	__u64 lim;
	__u8 *p;
	long n;

	max &= ~SCAPDRV_STR_FAULT_NULL;
	p = scapdrv_param_begin(e, 1);
	if (!p)
		return;
	if (!uaddr)
		goto null_str;
	lim = SCAPBPF_EVT_MAX - e->pos;
	if (max < lim)
		lim = max;
	lim = scapbpf_bound(lim);
	n = bpf_probe_read_user_str(p, lim, (const void *)uaddr);
	if (n < 0) {
		scapdrv_count_fault(e);
		if (fault_null)
			goto null_str;
		scapdrv_param_end(e, 0);
		return;
	}
	if (lim < max && n == lim) {
		e->fail = SCAPDRV_FAIL_BIG;
		return;
	}
	scapdrv_param_end(e, n);
	return;
null_str:
	/* p has room: buf is twice SCAPBPF_EVT_MAX; a record it makes too long fails at
	 * commit. */
	__builtin_memcpy(p, "(NULL)", sizeof("(NULL)"));
	scapdrv_param_end(e, sizeof("(NULL)"));
}

static __always_inline void scapdrv_put_user_path(struct scapdrv_evt *e, unsigned long uaddr)
{
	scapdrv_put_user_str(e, uaddr, PATH_MAX);
}

/* Copy @len user bytes at @src to @dst (on the BPF stack or in the scratch map).
 * Return: 0, or -EFAULT. */
static __always_inline long scapdrv_read_user(void *dst, const void *src, __u32 len)
{
	return bpf_probe_read_user(dst, len, src) ? -EFAULT : 0;
}

/* @len user bytes at @uaddr, cut to the snaplen; faulting: empty, counted. */
static __always_inline void scapdrv_put_user_buf(struct scapdrv_evt *e, unsigned long uaddr,
						 __u64 len)
{
	__u64 n;
	__u8 *p;

	if (len > e->snaplen)
		len = e->snaplen;
	if (!uaddr)
		len = 0;
	p = scapdrv_param_begin(e, len);
	if (!p)
		return;
	n = scapbpf_bound(len);
	if (n && bpf_probe_read_user(p, n, (const void *)uaddr)) {
		scapdrv_count_fault(e);
		n = 0;
	}
	scapdrv_param_end(e, n);
}

static __always_inline __u32 scapdrv_user_u32(struct scapdrv_evt *e, unsigned long uaddr)
{
	__u32 v = 0;

	if (!uaddr)
		return 0;
	if (bpf_probe_read_user(&v, sizeof(v), (const void *)uaddr)) {
		scapdrv_count_fault(e);
		return 0;
	}
	return v;
}

static __always_inline __u64 scapdrv_user_u64(struct scapdrv_evt *e, unsigned long uaddr)
{
	__u64 v = 0;

	if (!uaddr)
		return 0;
	if (bpf_probe_read_user(&v, sizeof(v), (const void *)uaddr)) {
		scapdrv_count_fault(e);
		return 0;
	}
	return v;
}

/* iovecs the probe reads of one vector (the module reads up to UIO_MAXIOV). */
#define SCAPBPF_IOV_MAX 64

static long scapbpf_iov_len_step(__u32 i, void *data)
{
	struct scapdrv_evt *e = *(struct scapdrv_evt **)data;
	struct scapbpf_iov *w = &e->iov;
	struct iovec v;

	if (i >= w->cnt)
		return 1;
	if (bpf_probe_read_user(&v, sizeof(v), (const void *)(w->uiov + i * sizeof(v)))) {
		w->fault = 1;
		return 1;
	}
	w->total += v.iov_len;
	return 0;
}

/* Sum of the iov_len of the @cnt user iovecs at @uiov (the first SCAPBPF_IOV_MAX);
 * 0 when unreadable (counted fault). */
static __always_inline __u64 scapdrv_user_iov_len(struct scapdrv_evt *e, unsigned long uiov,
						  unsigned long cnt)
{
	struct scapbpf_iov *w = &e->iov;

	w->uiov = uiov;
	w->cnt = cnt;
	w->total = 0;
	w->fault = 0;
	bpf_loop(SCAPBPF_IOV_MAX, scapbpf_iov_len_step, &e, 0);
	if (w->fault) {
		scapdrv_count_fault(e);
		return 0;
	}
	return w->total;
}

static long scapbpf_iov_copy_step(__u32 i, void *data)
{
	struct scapdrv_evt *e = *(struct scapdrv_evt **)data;
	struct scapbpf_iov *w = &e->iov;
	__u64 len = w->len, total = w->total;
	struct iovec v;
	__u64 want;

	if (i >= w->cnt || total >= len)
		return 1;
	if (bpf_probe_read_user(&v, sizeof(v), (const void *)(w->uiov + i * sizeof(v)))) {
		w->fault = 1;
		return 1;
	}
	/* The size read depends on this iovec only (not on what was copied before), so
	 * that the verifier sees the steps alike; bytes past len are overwritten by the
	 * next iovec or the next parameter. */
	want = scapbpf_bound(v.iov_len < len ? v.iov_len : len);
	if (want && bpf_probe_read_user(&e->buf[(w->base + total) & SCAPBPF_MASK], want,
					v.iov_base)) {
		w->fault = 1;
		return 1;
	}
	w->total = total + (want < len - total ? want : len - total);
	return 0;
}

/* The bytes of the @cnt user iovecs at @uiov, in order, @len of them at most, cut to
 * the snaplen; an unreadable iovec ends the data there (counted fault). */
static __always_inline void scapdrv_put_user_iov(struct scapdrv_evt *e, unsigned long uiov,
						 unsigned long cnt, __u64 len)
{
	struct scapbpf_iov *w = &e->iov;
	__u64 total;

	if (len > e->snaplen)
		len = e->snaplen;
	if (!uiov)
		len = 0;
	if (!scapdrv_param_begin(e, len))
		return;
	w->uiov = uiov;
	w->cnt = cnt;
	w->total = 0;
	w->fault = 0;
	w->len = len;
	w->base = e->pos;
	bpf_loop(SCAPBPF_IOV_MAX, scapbpf_iov_copy_step, &e, 0);
	if (w->fault)
		scapdrv_count_fault(e);
	/* as the step keeps it: at most len, itself at most the parameter's room */
	total = w->total;
	scapdrv_param_end(e, total < len ? total : len);
}

#endif /* SCAPBPF_EVT_H */

/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * scry.h - what the files of scry.ko share: the per-CPU ring, the capture settings, the
 * event builder the fillers write with, and the filler table.
 *
 * Hot path rules (every function reachable from a tracepoint probe): no allocation, no
 * lock that can sleep, no printk; count instead. User memory only through
 * compat/uaccess.h.
 */
#ifndef SCAPDRV_SCRY_H
#define SCAPDRV_SCRY_H

#include <linux/types.h>
#include <linux/mm_types.h>
#include <linux/ptrace.h>
#include <linux/sched.h>
#include <asm/barrier.h>
#include <linux/unaligned/packed_struct.h>
#include <asm/unaligned.h>

#include "abi/scap_abi.h"
#include "abi/scap_events.h"

/* Kernels before 5.15 have no __uninitialized: there the stack is not zeroed either. */
#ifndef __uninitialized
#define __uninitialized
#endif

/* ---- rings (ring.c) ----------------------------------------------------------------- */

struct scapdrv_ring {
	struct scap_abi_ring_ctl *ctl;  /* control page (kernel address) */
	struct page *ctl_page;
	struct page **pages;            /* the data pages, listed twice: 2 * npages */
	unsigned int npages;            /* data pages */
	u8 *data;                       /* kernel mapping of pages[]: 2 * data_size bytes */
	u64 mask;                       /* data_size - 1 */
	u32 max_evt;                    /* bytes of the largest record written */
	int active;                     /* 1 while a reader has the device open (READ_ONCE) */
	atomic_t opened;                /* exclusive open */
};

int scapdrv_ring_alloc(struct scapdrv_ring *r, int cpu, u64 data_size);
void scapdrv_ring_free(struct scapdrv_ring *r);
void scapdrv_ring_reset(struct scapdrv_ring *r);
struct scapdrv_ring *scapdrv_ring_of_cpu(int cpu);

/* ---- capture settings (main.c) ----------------------------------------------------- */

struct scapdrv_settings {
	u32 snaplen;                    /* bytes of I/O buffers captured */
	u32 mode;                       /* SCAP_ABI_MODE_* bits (READ_ONCE on the hot path) */
	u32 tps;                        /* SCAP_ABI_TP_* optional tracepoints wanted */
	pid_t exclude_tgid;             /* this process's events are not produced; 0: none */
	unsigned long sc_set[BITS_TO_LONGS(SCAP_ABI_SC_SET_BITS)]; /* by scap syscall code */
};
extern struct scapdrv_settings scapdrv_cfg;

/* ---- tracepoints (tp.c) ------------------------------------------------------------ */

int scapdrv_tp_init(void);        /* find the tracepoints by name; -ENOENT when missing */
int scapdrv_tp_start(void);       /* register the probes (idempotent) */
void scapdrv_tp_stop(void);       /* unregister them and wait for running probes */
/* Choose the optional tracepoints (SCAP_ABI_TP_* bits); applied now when capturing,
 * else at the next start. Return: 0, -EINVAL unknown bit, -ENOENT a tracepoint missing
 * from this kernel, or the error of the registration. */
int scapdrv_tp_set_optional(u32 mask);
/* Set the capture mode (SCAP_ABI_MODE_* bits): exit-only also unhooks sys_enter.
 * Return: 0, or the error of a (re)registration. */
int scapdrv_tp_set_mode(u32 mode);
/* clone3's flags for the exit event of the new thread (current, at its first return),
 * as its parent's fork hook found them in the parent's struct clone_args (the low 32
 * bits: every flag the schema encodes), taken once. Return: true and *@flags set, or
 * false (none stashed: read the parent's memory instead). */
bool scapdrv_clone3_take_flags(u64 *flags);

/* ---- syscall map (syscall_map.c) ---------------------------------------------------- */

#define SCAPDRV_NR_MAX 512
/* By native syscall number: scap syscall code (SCAP_SC_UNKNOWN when none), and enter
 * event type (SCAP_EVT_GENERIC_E when the syscall has no dedicated event). */
extern const u16 scapdrv_sc_codes[SCAPDRV_NR_MAX];
extern const u16 scapdrv_sc_enter_evts[SCAPDRV_NR_MAX];

/* scap syscall code of native syscall @nr (SCAP_SC_UNKNOWN when none). */
static __always_inline u16 scapdrv_sc_code(long nr)
{
	if ((unsigned long)nr >= SCAPDRV_NR_MAX)
		return SCAP_SC_UNKNOWN;
	return scapdrv_sc_codes[nr];
}

/*
 * The code generic events carry (their ID parameter). Codes after SCAP_SC_CLONE3 were
 * appended to the format after sysdig 0.29.3, which crashes printing a generic event
 * whose code it does not know: those syscalls (rseq, clone3's successors, ...) are
 * written as SCAP_SC_UNKNOWN, as the peer driver of that release writes the syscalls it
 * has no code for; the native number stays in the enter event's nativeID. The syscall
 * set keeps filtering on the full code (scapdrv_sc_code()).
 */
static __always_inline u16 scapdrv_sc_event_code(long nr)
{
	u16 code = scapdrv_sc_code(nr);

	return code <= SCAP_SC_CLONE3 ? code : SCAP_SC_UNKNOWN;
}

/* enter event type of native syscall @nr: a filled event, or SCAP_EVT_GENERIC_E. */
static __always_inline u16 scapdrv_sc_enter_evt(long nr)
{
	if ((unsigned long)nr >= SCAPDRV_NR_MAX)
		return SCAP_EVT_GENERIC_E;
	return scapdrv_sc_enter_evts[nr];
}

/* ---- the event builder ---------------------------------------------------------------- */

enum scapdrv_fail {
	SCAPDRV_OK = 0,
	SCAPDRV_FAIL_FULL,      /* the ring has no room: drop, count n_drop_full */
	SCAPDRV_FAIL_BIG,       /* larger than max_evt: drop, count n_drop_big */
};

/*
 * One event being written in place in the ring, plus the context the fillers read.
 * Parameters are appended in schema order with the scapdrv_put_*() helpers; each writes
 * its u16 length slot and its bytes. A helper that does not fit sets @fail and the
 * event is dropped at commit, never torn.
 */
struct scapdrv_evt {
	struct scapdrv_ring *ring;
	u8 *rec;                /* record start in ring->data */
	u8 *lens;               /* next u16 length slot */
	u8 *pos;                /* next parameter byte */
	u8 *end;                /* first byte past the room of this record */
	u64 head;               /* ctl->head when the event began */
	u16 type;               /* enum scap_evt_type the fillers fill (header: hdr_type) */
	u16 nparams;            /* parameters of the record: the schema's, plus the enter
				   event's in exit-only mode */
	u16 nput;               /* parameters written so far */
	u8 fail;                /* enum scapdrv_fail */
	u8 room_fail;           /* what running out of room means: FULL or BIG */
	/* syscall context, for the fillers */
	long nr;                /* native syscall number */
	unsigned long args[6];  /* syscall arguments */
	long ret;               /* return value (exit events) */
	struct task_struct *task; /* task the event describes (current for syscalls) */
	u32 snaplen;
};

/*
 * Begin an event of @type with @nparams parameters on @r for @task at @ts_ns: fills
 * every field of @e but the syscall context. Return: false when the ring has not even
 * room for the header and lengths (counted as a drop).
 */
static __always_inline bool scapdrv_evt_begin(struct scapdrv_evt *e, struct scapdrv_ring *r,
					      u16 type, u16 nparams, u64 ts_ns,
					      struct task_struct *task)
{
	struct scap_abi_ring_ctl *c = r->ctl;
	u64 head = c->head;                       /* only this CPU writes head */
	u64 tail = smp_load_acquire(&c->tail);    /* A: pairs with the reader's D */
	u64 used = head - tail;
	u64 size = r->mask + 1;
	u64 room = used > size ? 0 : size - used; /* a bogus tail reads as a full ring */
	u32 fixed = SCAP_ABI_EVT_HDR_LEN + 2 * nparams;

	e->ring = r;
	e->type = type;
	e->nparams = nparams;
	e->nput = 0;
	e->fail = SCAPDRV_OK;
	e->head = head;
	e->task = task;
	if (room >= r->max_evt) {
		room = r->max_evt;
		e->room_fail = SCAPDRV_FAIL_BIG;
	} else {
		e->room_fail = SCAPDRV_FAIL_FULL;
	}
	if (unlikely(room < fixed)) {
		WRITE_ONCE(c->n_drop_full, c->n_drop_full + 1);
		return false;
	}
	e->rec = r->data + (head & r->mask);
	e->lens = e->rec + SCAP_ABI_EVT_HDR_LEN;
	e->pos = e->lens + 2 * nparams;
	e->end = e->rec + room;
	put_unaligned_le64(ts_ns, e->rec);
	put_unaligned_le64(task->pid, e->rec + 8);
	put_unaligned_le16(type, e->rec + 20);
	put_unaligned_le32(nparams, e->rec + 22);
	return true;
}

/*
 * Publish the event, or count its drop by cause.
 *
 * Barrier contract (also in abi/scap_abi.h): the producer loaded tail with acquire
 * semantics before writing (A), so the bytes it overwrote had been read by the consumer;
 * the record, its length field included, is written before head moves, and head is
 * stored with release semantics (B), so a consumer that loads head with acquire (C) sees
 * the whole record. The consumer stores tail with release (D) after reading.
 */
static __always_inline void scapdrv_evt_commit(struct scapdrv_evt *e)
{
	struct scap_abi_ring_ctl *c = e->ring->ctl;
	u32 len;

	if (unlikely(!e->fail && e->nput != e->nparams))
		e->fail = SCAPDRV_FAIL_BIG;           /* a filler bug: never publish it */
	if (likely(e->fail == SCAPDRV_OK)) {
		len = e->pos - e->rec;
		put_unaligned_le32(len, e->rec + 16);
		WRITE_ONCE(c->n_evts, c->n_evts + 1);
		smp_store_release(&c->head, e->head + len);   /* B: pairs with the reader's C */
	} else if (e->fail == SCAPDRV_FAIL_FULL) {
		WRITE_ONCE(c->n_drop_full, c->n_drop_full + 1);
	} else {
		WRITE_ONCE(c->n_drop_big, c->n_drop_big + 1);
	}
}

/*
 * Start a parameter of up to @want bytes. Return: where to write it, or NULL (the event
 * is then marked failed: out of room, or every parameter already written).
 */
static __always_inline u8 *scapdrv_param_begin(struct scapdrv_evt *e, size_t want)
{
	if (unlikely(e->nput >= e->nparams || e->fail)) {
		if (!e->fail)
			e->fail = SCAPDRV_FAIL_BIG;   /* a filler bug: never publish it */
		return NULL;
	}
	if (unlikely(want > (size_t)(e->end - e->pos))) {
		e->fail = e->room_fail;
		return NULL;
	}
	return e->pos;
}

/* Close the parameter begun last with @len bytes written. */
static __always_inline void scapdrv_param_end(struct scapdrv_evt *e, u16 len)
{
	put_unaligned_le16(len, e->lens);
	e->lens += 2;
	e->pos += len;
	e->nput++;
}

static __always_inline void scapdrv_put_u8(struct scapdrv_evt *e, u8 v)
{
	u8 *p = scapdrv_param_begin(e, 1);

	if (p) {
		*p = v;
		scapdrv_param_end(e, 1);
	}
}

static __always_inline void scapdrv_put_u16(struct scapdrv_evt *e, u16 v)
{
	u8 *p = scapdrv_param_begin(e, 2);

	if (p) {
		put_unaligned_le16(v, p);
		scapdrv_param_end(e, 2);
	}
}

static __always_inline void scapdrv_put_u32(struct scapdrv_evt *e, u32 v)
{
	u8 *p = scapdrv_param_begin(e, 4);

	if (p) {
		put_unaligned_le32(v, p);
		scapdrv_param_end(e, 4);
	}
}

static __always_inline void scapdrv_put_u64(struct scapdrv_evt *e, u64 v)
{
	u8 *p = scapdrv_param_begin(e, 8);

	if (p) {
		put_unaligned_le64(v, p);
		scapdrv_param_end(e, 8);
	}
}

/* An empty parameter (length 0): a value that could not be read, or none. */
static __always_inline void scapdrv_put_empty(struct scapdrv_evt *e)
{
	if (scapdrv_param_begin(e, 0))
		scapdrv_param_end(e, 0);
}

/* A file descriptor argument: the int the kernel sees, sign-extended. */
static __always_inline void scapdrv_put_fd(struct scapdrv_evt *e, unsigned long arg)
{
	scapdrv_put_u64(e, (s64)(int)arg);
}

/* The syscall's return value (an ERRNO, FD or PID parameter). */
static __always_inline void scapdrv_put_res(struct scapdrv_evt *e)
{
	scapdrv_put_u64(e, e->ret);
}

/* Kernel bytes, @len of them (callers keep @len small). */
void scapdrv_put_bytes(struct scapdrv_evt *e, const void *src, u32 len);
/* A kernel string, NUL included, cut to @max bytes (NUL included). */
void scapdrv_put_kstr(struct scapdrv_evt *e, const char *s, u32 max);
/* The absolute path of @path (d_path(), in the per-CPU scratch page); empty when it has
 * none. Caller: preemption off, @path held (or rcu_read_lock() over a file's path). */
struct path;
void scapdrv_put_d_path(struct scapdrv_evt *e, const struct path *path);
/* Or'ed into scapdrv_put_user_str()'s @max: an unreadable string (faulting or not
 * resident) is written "(NULL)" too, as the peer driver writes the names of the open,
 * creat, openat and openat2 enter events (it reads them itself). */
#define SCAPDRV_STR_FAULT_NULL 0x80000000u
/* A user string, NUL included, at most @max bytes (< 64 KiB; SCAPDRV_STR_FAULT_NULL may
 * be or'ed in); a faulting read gives an empty parameter and counts n_drop_pf; NULL
 * gives the string "(NULL)" (as the peer driver writes it). */
void scapdrv_put_user_str(struct scapdrv_evt *e, unsigned long uaddr, u32 max);
/* @len user bytes at @uaddr, cut to the snaplen; faulting: empty, counted. */
void scapdrv_put_user_buf(struct scapdrv_evt *e, unsigned long uaddr, u64 len);
/* A user path (FSPATH/CHARBUF parameter): scapdrv_put_user_str() up to PATH_MAX. */
void scapdrv_put_user_path(struct scapdrv_evt *e, unsigned long uaddr);
/* The bytes of the @cnt user iovecs at @uiov, in order, @len of them at most, cut to
 * the snaplen; an unreadable iovec ends the data there (counted fault). */
void scapdrv_put_user_iov(struct scapdrv_evt *e, unsigned long uiov, unsigned long cnt,
			  u64 len);
/* Sum of the iov_len of the @cnt user iovecs at @uiov (at most UIO_MAXIOV are read);
 * 0 when unreadable (counted fault). */
u64 scapdrv_user_iov_len(struct scapdrv_evt *e, unsigned long uiov, unsigned long cnt);
/* Count a user-memory read that faulted (n_drop_pf); the event is still written. */
void scapdrv_count_fault(struct scapdrv_evt *e);
/* Read a u32/u64 from user memory; 0 (and a counted fault) when unreadable. */
u32 scapdrv_user_u32(struct scapdrv_evt *e, unsigned long uaddr);
u64 scapdrv_user_u64(struct scapdrv_evt *e, unsigned long uaddr);

/* ---- fillers (fill_*.c, fill_table.c) ----------------------------------------------- */

typedef void (*scapdrv_filler_fn)(struct scapdrv_evt *e);
/* Filler of each event type; NULL for types the driver does not produce. */
extern const scapdrv_filler_fn scapdrv_fillers[SCAP_EVT_MAX];

/* Exit-only mode: how many parameters exit event @exit_type appends (its enter event's,
 * or 0 when it has them already), and the filler that writes them (the enter event's
 * unless that cannot run at exit). Slow: tp.c caches the counts. */
u16 scapdrv_exit_extra_nparams(u16 exit_type);
scapdrv_filler_fn scapdrv_exit_extra_filler(u16 exit_type);

/* fill_proc.c */
void scapdrv_fill_generic_e(struct scapdrv_evt *e);
void scapdrv_fill_generic_x(struct scapdrv_evt *e);
void scapdrv_fill_none(struct scapdrv_evt *e);          /* no parameters */
void scapdrv_fill_res_x(struct scapdrv_evt *e);         /* {res} */
void scapdrv_fill_execve_e(struct scapdrv_evt *e);
void scapdrv_fill_execve_x(struct scapdrv_evt *e);      /* execve and execveat */
void scapdrv_fill_execve_extra(struct scapdrv_evt *e);  /* exit-only: filename */
void scapdrv_fill_execveat_e(struct scapdrv_evt *e);
void scapdrv_fill_execveat_extra(struct scapdrv_evt *e);
void scapdrv_fill_clone_x(struct scapdrv_evt *e);
void scapdrv_fill_procexit(struct scapdrv_evt *e);
void scapdrv_fill_kill_e(struct scapdrv_evt *e);
void scapdrv_fill_tgkill_e(struct scapdrv_evt *e);
void scapdrv_fill_id_e(struct scapdrv_evt *e);          /* setuid/setgid: {id} */
void scapdrv_fill_id3_e(struct scapdrv_evt *e);         /* setresuid/setresgid */
void scapdrv_fill_ptrace_e(struct scapdrv_evt *e);
void scapdrv_fill_ptrace_x(struct scapdrv_evt *e);
void scapdrv_fill_unshare_e(struct scapdrv_evt *e);
void scapdrv_fill_setns_e(struct scapdrv_evt *e);
void scapdrv_fill_prctl_x(struct scapdrv_evt *e);
void scapdrv_fill_capset_x(struct scapdrv_evt *e);
void scapdrv_fill_bpf_e(struct scapdrv_evt *e);
void scapdrv_fill_bpf_x(struct scapdrv_evt *e);
void scapdrv_fill_init_module_x(struct scapdrv_evt *e);
void scapdrv_fill_finit_module_x(struct scapdrv_evt *e);
void scapdrv_fill_rlimit_e(struct scapdrv_evt *e);      /* getrlimit/setrlimit */
void scapdrv_fill_rlimit_x(struct scapdrv_evt *e);
void scapdrv_fill_prlimit_e(struct scapdrv_evt *e);
void scapdrv_fill_prlimit_x(struct scapdrv_evt *e);
void scapdrv_fill_getid_x(struct scapdrv_evt *e);       /* getuid/geteuid/getgid/getegid */
void scapdrv_fill_getresid_x(struct scapdrv_evt *e);    /* getresuid/getresgid */
void scapdrv_fill_setpgid_e(struct scapdrv_evt *e);
void scapdrv_fill_seccomp_e(struct scapdrv_evt *e);
void scapdrv_fill_semget_e(struct scapdrv_evt *e);
void scapdrv_fill_semctl_e(struct scapdrv_evt *e);
void scapdrv_fill_semop_e(struct scapdrv_evt *e);
void scapdrv_fill_pidfd_open_x(struct scapdrv_evt *e);
void scapdrv_fill_pidfd_getfd_x(struct scapdrv_evt *e);
void scapdrv_fill_delete_module_x(struct scapdrv_evt *e);
void scapdrv_fill_semop_x(struct scapdrv_evt *e);
void scapdrv_fill_process_vm_x(struct scapdrv_evt *e);  /* process_vm_readv/writev */
/* fill_proc.c, from fill/wait.h */
void scapdrv_fill_futex_e(struct scapdrv_evt *e);
void scapdrv_fill_nanosleep_e(struct scapdrv_evt *e);
void scapdrv_fill_epoll_wait_e(struct scapdrv_evt *e);
void scapdrv_fill_epoll_create_e(struct scapdrv_evt *e); /* and epoll_create1 */
void scapdrv_fill_poll(struct scapdrv_evt *e);          /* poll, ppoll: enter and exit */
void scapdrv_fill_sched_switch(struct scapdrv_evt *e, struct task_struct *next);
void scapdrv_fill_signal_deliver(struct scapdrv_evt *e, int sig, pid_t spid);
/* scap encoding of Linux clone/unshare/setns flags (scap_flags_clone values). */
u32 scapdrv_clone_flags(u64 flags);

/* fill_file.c */
void scapdrv_fill_open_e(struct scapdrv_evt *e);
void scapdrv_fill_open_x(struct scapdrv_evt *e);
void scapdrv_fill_openat_e(struct scapdrv_evt *e);
void scapdrv_fill_openat_x(struct scapdrv_evt *e);
void scapdrv_fill_openat2_e(struct scapdrv_evt *e);
void scapdrv_fill_openat2_x(struct scapdrv_evt *e);
void scapdrv_fill_fd_e(struct scapdrv_evt *e);          /* {fd} */
void scapdrv_fill_fd_size_e(struct scapdrv_evt *e);     /* {fd, size} */
void scapdrv_fill_fd_size_pos_e(struct scapdrv_evt *e); /* {fd, size, pos} */
void scapdrv_fill_rw_x(struct scapdrv_evt *e);          /* {res, data}: read/write/... */
void scapdrv_fill_readv_x(struct scapdrv_evt *e);       /* {res, size, data} */
void scapdrv_fill_writev_e(struct scapdrv_evt *e);      /* {fd, size} */
void scapdrv_fill_writev_x(struct scapdrv_evt *e);      /* {res, data} */
void scapdrv_fill_preadv_e(struct scapdrv_evt *e);      /* {fd, pos} */
void scapdrv_fill_pwritev_e(struct scapdrv_evt *e);     /* {fd, size, pos} */
void scapdrv_fill_sendfile_e(struct scapdrv_evt *e);
void scapdrv_fill_sendfile_x(struct scapdrv_evt *e);
void scapdrv_fill_pipe_x(struct scapdrv_evt *e);
void scapdrv_fill_pipe2_x(struct scapdrv_evt *e);
void scapdrv_fill_dup_x(struct scapdrv_evt *e);
void scapdrv_fill_dup2_x(struct scapdrv_evt *e);
void scapdrv_fill_dup3_x(struct scapdrv_evt *e);
void scapdrv_fill_fcntl_e(struct scapdrv_evt *e);
void scapdrv_fill_ioctl_e(struct scapdrv_evt *e);
void scapdrv_fill_path_x(struct scapdrv_evt *e);        /* {res, path of arg 0} */
void scapdrv_fill_mkdir_e(struct scapdrv_evt *e);       /* {mode} */
void scapdrv_fill_mkdirat_x(struct scapdrv_evt *e);
void scapdrv_fill_unlinkat_x(struct scapdrv_evt *e);
void scapdrv_fill_path2_x(struct scapdrv_evt *e);       /* rename/link {res, old, new} */
void scapdrv_fill_renameat_x(struct scapdrv_evt *e);
void scapdrv_fill_renameat2_x(struct scapdrv_evt *e);
void scapdrv_fill_symlinkat_x(struct scapdrv_evt *e);
void scapdrv_fill_linkat_x(struct scapdrv_evt *e);
void scapdrv_fill_chmod_x(struct scapdrv_evt *e);
void scapdrv_fill_fchmod_x(struct scapdrv_evt *e);
void scapdrv_fill_fchmodat_x(struct scapdrv_evt *e);
void scapdrv_fill_chown_x(struct scapdrv_evt *e);       /* chown, lchown, fchown */
void scapdrv_fill_fchownat_x(struct scapdrv_evt *e);
void scapdrv_fill_mount_e(struct scapdrv_evt *e);
void scapdrv_fill_mount_x(struct scapdrv_evt *e);
void scapdrv_fill_umount2_e(struct scapdrv_evt *e);
void scapdrv_fill_eventfd_e(struct scapdrv_evt *e);
void scapdrv_fill_eventfd2_e(struct scapdrv_evt *e);
void scapdrv_fill_fdflags_x(struct scapdrv_evt *e);     /* {res, O_* flags of arg 1} */
void scapdrv_fill_fdflags0_x(struct scapdrv_evt *e);    /* {res, O_* flags of arg 0} */
void scapdrv_fill_signalfd_e(struct scapdrv_evt *e);
void scapdrv_fill_signalfd4_e(struct scapdrv_evt *e);
void scapdrv_fill_timerfd_create_e(struct scapdrv_evt *e);
void scapdrv_fill_inotify_init_e(struct scapdrv_evt *e);
void scapdrv_fill_memfd_create_x(struct scapdrv_evt *e);
void scapdrv_fill_io_uring_setup_x(struct scapdrv_evt *e);
void scapdrv_fill_io_uring_enter_x(struct scapdrv_evt *e);
void scapdrv_fill_io_uring_register_x(struct scapdrv_evt *e);
void scapdrv_fill_open_by_handle_at_x(struct scapdrv_evt *e);
void scapdrv_fill_fsconfig_x(struct scapdrv_evt *e);
/* fill_file.c, from fill/stat.h */
void scapdrv_fill_access_e(struct scapdrv_evt *e);
void scapdrv_fill_getcwd_x(struct scapdrv_evt *e);
void scapdrv_fill_lseek_e(struct scapdrv_evt *e);
void scapdrv_fill_flock_e(struct scapdrv_evt *e);
void scapdrv_fill_splice_e(struct scapdrv_evt *e);
void scapdrv_fill_copy_file_range_e(struct scapdrv_evt *e);
void scapdrv_fill_copy_file_range_x(struct scapdrv_evt *e);
void scapdrv_fill_newfstatat_x(struct scapdrv_evt *e);
void scapdrv_fill_mknod_x(struct scapdrv_evt *e);        /* mknod and mknodat */
void scapdrv_fill_quotactl_e(struct scapdrv_evt *e);
void scapdrv_fill_quotactl_x(struct scapdrv_evt *e);

/* fill_net.c */
void scapdrv_fill_socket_e(struct scapdrv_evt *e);
void scapdrv_fill_socket_x(struct scapdrv_evt *e);
void scapdrv_fill_bind_x(struct scapdrv_evt *e);
void scapdrv_fill_connect_e(struct scapdrv_evt *e);
void scapdrv_fill_connect_x(struct scapdrv_evt *e);
void scapdrv_fill_listen_e(struct scapdrv_evt *e);
void scapdrv_fill_accept_x(struct scapdrv_evt *e);
void scapdrv_fill_accept4_e(struct scapdrv_evt *e);
void scapdrv_fill_sendto_e(struct scapdrv_evt *e);
void scapdrv_fill_recvfrom_x(struct scapdrv_evt *e);
void scapdrv_fill_sendmsg_e(struct scapdrv_evt *e);
void scapdrv_fill_sendmsg_x(struct scapdrv_evt *e);
void scapdrv_fill_recvmsg_x(struct scapdrv_evt *e);
void scapdrv_fill_shutdown_e(struct scapdrv_evt *e);
void scapdrv_fill_socketpair_x(struct scapdrv_evt *e);
void scapdrv_fill_sockopt_x(struct scapdrv_evt *e);     /* setsockopt and getsockopt */

/* fill_mem.c */
void scapdrv_fill_mmap_e(struct scapdrv_evt *e);
void scapdrv_fill_mem_x(struct scapdrv_evt *e);         /* {res, vm_size, vm_rss, vm_swap} */
void scapdrv_fill_munmap_e(struct scapdrv_evt *e);
void scapdrv_fill_mprotect_e(struct scapdrv_evt *e);
void scapdrv_fill_brk_e(struct scapdrv_evt *e);
void scapdrv_fill_mlock_x(struct scapdrv_evt *e);        /* mlock, munlock, mlock2 */
void scapdrv_fill_mlockall_x(struct scapdrv_evt *e);
void scapdrv_fill_page_fault(struct scapdrv_evt *e, unsigned long addr, unsigned long ip,
			     unsigned long error);
/* vm_size, vm_rss, vm_swap of @mm in KiB (zeros when @mm is NULL). */
void scapdrv_put_vm(struct scapdrv_evt *e, struct mm_struct *mm);

/* scap encoding of Linux open(2) flags (scap_flags_open values). */
u32 scapdrv_open_flags(unsigned long flags);
/* Mode of open/openat/creat: the permission bits when a file may be created, else 0. */
u32 scapdrv_open_mode(unsigned long flags, unsigned long mode);

/* Per-CPU scratch page for d_path() and similar, valid while preemption is off. */
char *scapdrv_scratch(void);

#endif /* SCAPDRV_SCRY_H */

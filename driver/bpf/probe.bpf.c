// SPDX-License-Identifier: GPL-2.0 OR MIT
/*
 * probe.bpf.c - scry's eBPF probe (CO-RE): the same scap events as the kernel module
 * (driver/), from tracepoint programs on sys_enter, sys_exit (BTF-typed: tp_btf),
 * sched_process_exit and sched_process_fork, into one ring per CPU (struct
 * scapbpf_ring, bpf/scapbpf.h: entries of a mapped array, written in place, with no
 * helper call).
 *
 * Flow of a syscall event: the tracepoint program checks the settings (capturing, the
 * consumer's own process, the syscall set), takes this CPU's entry of the "scratch" map
 * (struct scapdrv_evt), writes the header and the syscall context there, and tail-calls
 * the filler program of the event type (the "fillers" program array, laid out from
 * fill/table.h, the module's list). The filler writes the parameters with the shared
 * fillers of driver/fill/ (or, for what reads the task, bpf/fill_task.h) and commits:
 * the whole record is copied into this CPU's ring, or counted as dropped by cause,
 * never torn. Events of a few scalars (generic, fd, res, fd+size[+pos]: most enter
 * events and small exits) skip all that: the tracepoint program writes them in place in
 * the ring at their exact size (fast_event()).
 *
 * Every program runs on one CPU to its end: raw tracepoints (and tp_btf ones, run the
 * same way) run them with preemption off (6.13+ kernels, whose syscall tracepoints may
 * fault, disable it around BPF programs), and none of their hooks fires in interrupts;
 * so each ring has one producer at a time, and the busy flags only catch what would
 * nest (dropped and counted). The counter slots (bpf/counters.h) rely on it too.
 *
 * Userspace (libscap/engine/bpf.c) sizes the maps before load (one ring and one scratch
 * entry per possible CPU), fills the parameter counts from the schema, maps the rings,
 * and drives the settings in .bss while the programs run.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_endian.h>

/* scap_abi.h includes these uapi and libc headers, whose types vmlinux.h already has. */
#define _LINUX_TYPES_H
#define _LINUX_IOCTL_H
#define __STDDEF_H
#undef offsetof            /* bpf_helpers.h's is no constant expression for _Static_assert */
#define offsetof(type, member) __builtin_offsetof(type, member)
#include "abi/scap_abi.h"
#include "abi/scap_events.h"

#define SCAPDRV_BPF 1
#define SCAPDRV_NR_MAX 512
#include "bpf/consts.h"
#include "bpf/evt.h"
#include "bpf/kern.h"
#include "bpf/counters.h"

char LICENSE[] SEC("license") = "Dual MIT/GPL";

/* ---- settings: .bss, written by userspace while the programs run ---------------- */

struct scapbpf_settings scapbpf_cfg;     /* bpf/scapbpf.h */
struct scapbpf_sc scapbpf_sc[2][SCAPDRV_NR_MAX + 1];  /* bpf/scapbpf.h: by scapbpf_init */

/* ---- tables: .rodata, filled by userspace before load ------------------------------ */

const volatile __u8 scapbpf_nparams[SCAP_EVT_MAX];      /* event type -> parameters */
const volatile __u8 scapbpf_extra_np[SCAP_EVT_MAX];     /* exit type -> parameters it appends
							   in exit-only mode */

/* The module's syscall map: sc_codes[] (native nr -> scap code) and sc_enter_evts[]
 * (native nr -> enter event), compiled in from the same source. */
#define SCAPDRV_SC_TABLES_ONLY
#include "syscall_map.c"

/* ---- maps ---------------------------------------------------------------------------- */

/* The rings: a plain array, so that the lookup is inlined (no helper call). */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(map_flags, BPF_F_MMAPABLE);
	__uint(max_entries, 1);            /* userspace: possible CPUs */
	__type(key, __u32);
	__type(value, struct scapbpf_ring);
} scapbpf_ring SEC(".maps");

_Static_assert(sizeof(struct scapbpf_ring) == SCAPBPF_RING_VALUE, "ring entry size");
_Static_assert(offsetof(struct scapbpf_ring, data) == SCAPBPF_RING_HDR, "ring header size");
_Static_assert(SCAPBPF_RING_SPILL >= SCAPBPF_EVT_MAX, "room for a record past the ring");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);            /* userspace: possible CPUs */
	__type(key, __u32);
	__type(value, struct scapdrv_evt);
} scapbpf_scratch SEC(".maps");

/* CPU @cpu's ring (NULL only for a CPU the map has no entry for). */
static __always_inline struct scapbpf_ring *ring_of(__u32 cpu)
{
	return bpf_map_lookup_elem(&scapbpf_ring, &cpu);
}

static __always_inline struct scapbpf_counters *scapbpf_counters(void)
{
	struct scapbpf_ring *rb = ring_of(bpf_get_smp_processor_id());

	return rb ? &rb->cnt : NULL;
}

/* Bytes a record of @size bytes takes in a ring. */
static __always_inline __u64 ring_adv(__u64 size)
{
	return (size + 7) & ~7ULL;
}

/*
 * Start a record of @size bytes (at most SCAPBPF_EVT_MAX) in ring @rb, its writer
 * storing up to @over bytes (at most 256) past its padded end. Return: where to write
 * it, contiguous (ring_end() publishes it), or NULL when the ring has no room or is in
 * the middle of another record (the drop counted).
 */
static __always_inline __u8 *ring_begin(struct scapbpf_ring *rb, __u32 size, __u32 over)
{
	__u64 tail = *(volatile __u64 *)&rb->tail;
	__u64 off;

	if (rb->busy) {
		rb->cnt.n_drop_nest++;
		return NULL;
	}
	if (rb->head - tail + ring_adv(size) + over > scapbpf_cfg.ring_bytes) {
		rb->cnt.n_drop_full++;
		return NULL;
	}
	rb->busy = 1;
	off = scapbpf_clamp(rb->head_off, SCAPBPF_RING_DATA_MAX - 1);
	return &rb->data[off];
}

/* Publish the record of @size bytes begun last in ring @rb, and count it. */
static __always_inline void ring_end(struct scapbpf_ring *rb, __u32 size)
{
	__u64 adv = ring_adv(size);
	__u64 off = rb->head_off + adv;

	if (off >= scapbpf_cfg.ring_bytes)
		off -= scapbpf_cfg.ring_bytes;
	rb->head_off = off;
	rb->cnt.n_evts++;
	/* The record's bytes before head (x86 keeps stores in program order; the barrier
	 * keeps the compiler from moving them). */
	asm volatile("" ::: "memory");
	*(volatile __u64 *)&rb->head = rb->head + adv;
	rb->busy = 0;
}

/* scap syscall code of native syscall @nr (SCAP_SC_UNKNOWN when none). */
static __always_inline __u16 scapdrv_sc_code(long nr)
{
	if (nr < 0 || nr >= SCAPDRV_NR_MAX)
		return SCAP_SC_UNKNOWN;
	return sc_codes[nr];
}

/* The code generic events carry: codes the format gained after sysdig 0.29.3 are
 * written as SCAP_SC_UNKNOWN, as the module writes them (driver/syscall_map.c). */
static __always_inline __u16 scapdrv_sc_event_code(long nr)
{
	__u16 code = scapdrv_sc_code(nr);

	return code <= SCAP_SC_CLONE3 ? code : SCAP_SC_UNKNOWN;
}

/* Of bpf/fill_task.h, used by fill/proc.h and fill/file.h. */
static __always_inline void scapdrv_put_exe_path(struct scapdrv_evt *e);
static __always_inline void scapdrv_put_fd_path(struct scapdrv_evt *e, long fd);

#include "bpf/clone_stash.h"
#include "fill/file.h"
#include "fill/stat.h"
#include "fill/wait.h"
#include "fill/net.h"
#include "fill/proc.h"
#include "fill/mem.h"
#include "fill/table.h"
#include "bpf/fill_task.h"

/* ---- the event ------------------------------------------------------------------------ */

/*
 * Begin an event of @type on this CPU for thread @tid: the scratch entry with its header
 * written, or NULL (counted as a nesting drop when the entry is in use).
 */
static __always_inline struct scapdrv_evt *evt_begin(__u16 type, __u32 tid, __u16 extra)
{
	__u32 cpu = bpf_get_smp_processor_id();
	struct scapdrv_evt *e = bpf_map_lookup_elem(&scapbpf_scratch, &cpu);
	struct scapbpf_counters *c;
	__u16 np;

	if (!e)
		return NULL;
	if (e->busy) {
		c = scapbpf_counters();
		if (c)
			c->n_drop_nest++;
		return NULL;
	}
	np = (type < SCAP_EVT_MAX ? scapbpf_nparams[type] : 0) + extra;
	e->busy = 1;
	e->cpu = cpu;
	e->type = type;
	e->nparams = np;
	e->nput = 0;
	e->fail = SCAPDRV_OK;
	e->extra_prog = 0;
	e->pos = SCAP_ABI_EVT_HDR_LEN + 2 * (np & (SCAP_MAX_EVENT_PARAMS - 1));
	e->tid = tid;
	e->snaplen = scapbpf_cfg.snaplen;
	e->ts = bpf_ktime_get_boot_ns() + scapbpf_cfg.boot_to_epoch_ns;
	*(__u64 *)&e->buf[0] = e->ts;
	*(__u64 *)&e->buf[8] = tid;
	*(__u16 *)&e->buf[20] = type;
	*(__u32 *)&e->buf[22] = np;
	return e;
}

/* Bytes of an event the commit copies with its own loads and stores (words, unrolled);
 * the copy helper takes the rest. */
#define SCAPBPF_COPY_INLINE 256

/* Bytes evt_copy() may store past a record's padded end. */
#define SCAPBPF_COPY_OVER 24

/*
 * Copy @len bytes (at most SCAPBPF_EVT_MAX) of event @e to the ring record @r: 32-byte
 * blocks of words (one test each), so up to 31 bytes past @len (SCAPBPF_COPY_OVER past
 * the record's padding, ring_adv()).
 */
static __always_inline void evt_copy(__u8 *r, struct scapdrv_evt *e, __u64 len)
{
	const __u64 *s = (const __u64 *)e->buf;
	__u64 *d = (__u64 *)r;

#pragma unroll
	for (int i = 0; i < SCAPBPF_COPY_INLINE / 32; i++) {
		if (i * 32 >= len)
			return;
		d[4 * i] = s[4 * i];
		d[4 * i + 1] = s[4 * i + 1];
		d[4 * i + 2] = s[4 * i + 2];
		d[4 * i + 3] = s[4 * i + 3];
	}
	if (len > SCAPBPF_COPY_INLINE)
		bpf_probe_read_kernel(r + SCAPBPF_COPY_INLINE,
				      scapbpf_clamp(len - SCAPBPF_COPY_INLINE,
						    SCAPBPF_EVT_MAX - SCAPBPF_COPY_INLINE),
				      e->buf + SCAPBPF_COPY_INLINE);
}

/* Copy the event into this CPU's ring, or count its drop by cause; free the entry. */
static __always_inline void evt_commit(struct scapdrv_evt *e)
{
	struct scapbpf_ring *rb = ring_of(e->cpu);
	__u64 len = e->pos;
	__u8 *r;

	if (!e->fail && e->nput != e->nparams)
		e->fail = SCAPDRV_FAIL_BIG;          /* a filler bug: never publish it */
	if (!e->fail && len > SCAPBPF_EVT_MAX)
		e->fail = SCAPDRV_FAIL_BIG;
	if (rb && !e->fail) {
		*(__u32 *)&e->buf[16] = len;
		len = scapbpf_bound(len);
		r = ring_begin(rb, len, SCAPBPF_COPY_OVER);
		if (r) {
			evt_copy(r, e, len);
			ring_end(rb, len);
		}
	} else if (rb) {
		if (e->fail == SCAPDRV_FAIL_FULL)
			rb->cnt.n_drop_full++;
		else
			rb->cnt.n_drop_big++;
	}
	e->busy = 0;
}

/* This CPU's event in progress (in a filler program, after the tail call). */
static __always_inline struct scapdrv_evt *evt_current(void)
{
	__u32 cpu = bpf_get_smp_processor_id();
	struct scapdrv_evt *e = bpf_map_lookup_elem(&scapbpf_scratch, &cpu);

	return e && e->busy ? e : NULL;
}

/* ---- filler programs: one per filler, reached by tail call ---------------------------- */

/* Program array slots past the event types: the exit-only appenders of execve and
 * execveat (their enter fillers cannot run after a successful exec). */
#define PROG_EXECVE_EXTRA SCAP_EVT_MAX
#define PROG_EXECVEAT_EXTRA (SCAP_EVT_MAX + 1)
#define PROG_MAX (SCAP_EVT_MAX + 2)

struct scapbpf_prog_array {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, PROG_MAX);
	__type(key, __u32);
	__array(values, int(struct bpf_raw_tracepoint_args *));
};
extern struct scapbpf_prog_array scapbpf_fillers SEC(".maps");

/*
 * After a filler: in exit-only mode, hand the event to the program that appends its
 * enter event's parameters (the enter filler, run as for its own event); else commit.
 */
static __always_inline void fill_done(struct bpf_raw_tracepoint_args *ctx, struct scapdrv_evt *e)
{
	__u32 prog = e->extra_prog - 1;

	if (e->extra_prog) {
		e->extra_prog = 0;
		e->type = prog < SCAP_EVT_MAX ? prog : e->type - 1;
		bpf_tail_call(ctx, &scapbpf_fillers, prog);
		e->fail = SCAPDRV_FAIL_BIG;    /* no such program: a table bug, never publish */
	}
	evt_commit(e);
}

/* The enter fillers, programs of both tracepoints: FILLER (sys_exit's, for the enter
 * parameters an exit-only exit carries) and FILLER_ENTER (sys_enter's). */
#define SCAPBPF_ENTER_FILLERS(F) \
	F(accept4_e) \
	F(access_e) \
	F(bpf_e) \
	F(brk_e) \
	F(connect_e) \
	F(copy_file_range_e) \
	F(epoll_create_e) \
	F(epoll_wait_e) \
	F(eventfd2_e) \
	F(eventfd_e) \
	F(execve_e) \
	F(execveat_e) \
	F(fcntl_e) \
	F(fd_e) \
	F(fd_size_e) \
	F(fd_size_pos_e) \
	F(flock_e) \
	F(futex_e) \
	F(generic_e) \
	F(id3_e) \
	F(id_e) \
	F(inotify_init_e) \
	F(ioctl_e) \
	F(kill_e) \
	F(listen_e) \
	F(lseek_e) \
	F(mkdir_e) \
	F(mmap_e) \
	F(mount_e) \
	F(mprotect_e) \
	F(munmap_e) \
	F(nanosleep_e) \
	F(none) \
	F(open_e) \
	F(openat2_e) \
	F(openat_e) \
	F(poll) \
	F(preadv_e) \
	F(prlimit_e) \
	F(ptrace_e) \
	F(pwritev_e) \
	F(quotactl_e) \
	F(rlimit_e) \
	F(seccomp_e) \
	F(semctl_e) \
	F(semget_e) \
	F(semop_e) \
	F(sendfile_e) \
	F(sendmsg_e) \
	F(sendto_e) \
	F(setns_e) \
	F(setpgid_e) \
	F(shutdown_e) \
	F(signalfd4_e) \
	F(signalfd_e) \
	F(socket_e) \
	F(splice_e) \
	F(tgkill_e) \
	F(timerfd_create_e) \
	F(umount2_e) \
	F(unshare_e) \
	F(writev_e)

#define FILLER(name)                                                            \
	SEC("tp_btf/sys_exit")                                                  \
	int scapbpf_fill_##name(struct bpf_raw_tracepoint_args *ctx)            \
	{                                                                       \
		struct scapdrv_evt *e = evt_current();                          \
		if (e) {                                                        \
			scapdrv_fill_##name(e);                                 \
			fill_done(ctx, e);                                      \
		}                                                               \
		return 0;                                                       \
	}

SCAPBPF_ENTER_FILLERS(FILLER)
FILLER(accept_x)
FILLER(bind_x)
FILLER(bpf_x)
FILLER(capset_x)
FILLER(chmod_x)
FILLER(chown_x)
FILLER(clone_x)
FILLER(connect_x)
FILLER(copy_file_range_x)
FILLER(delete_module_x)
FILLER(dup2_x)
FILLER(dup3_x)
FILLER(dup_x)
FILLER(execve_x)
FILLER(fchmod_x)
FILLER(fchmodat_x)
FILLER(fchownat_x)
FILLER(fdflags0_x)
FILLER(fdflags_x)
FILLER(finit_module_x)
FILLER(fsconfig_x)
FILLER(generic_x)
FILLER(getcwd_x)
FILLER(getid_x)
FILLER(getresid_x)
FILLER(init_module_x)
FILLER(io_uring_enter_x)
FILLER(io_uring_register_x)
FILLER(io_uring_setup_x)
FILLER(linkat_x)
FILLER(mem_x)
FILLER(memfd_create_x)
FILLER(mkdirat_x)
FILLER(mknod_x)
FILLER(mlock_x)
FILLER(mlockall_x)
FILLER(mount_x)
FILLER(newfstatat_x)
FILLER(open_by_handle_at_x)
FILLER(open_x)
FILLER(openat2_x)
FILLER(openat_x)
FILLER(path2_x)
FILLER(path_x)
FILLER(pidfd_getfd_x)
FILLER(pidfd_open_x)
FILLER(pipe2_x)
FILLER(pipe_x)
FILLER(prctl_x)
FILLER(prlimit_x)
FILLER(process_vm_x)
FILLER(ptrace_x)
FILLER(quotactl_x)
FILLER(readv_x)
FILLER(recvfrom_x)
FILLER(recvmsg_x)
FILLER(renameat2_x)
FILLER(renameat_x)
FILLER(res_x)
FILLER(rlimit_x)
FILLER(rw_x)
FILLER(semop_x)
FILLER(sendfile_x)
FILLER(sendmsg_x)
FILLER(socket_x)
FILLER(socketpair_x)
FILLER(sockopt_x)
FILLER(symlinkat_x)
FILLER(unlinkat_x)
FILLER(writev_x)

#define PAIR(ev, enter, exit) \
	[SCAP_EVT_##ev##_E] = (void *)&scapbpf_fill_##enter, \
	[SCAP_EVT_##ev##_X] = (void *)&scapbpf_fill_##exit,

FILLER(execve_extra)
FILLER(execveat_extra)

/* The enter fillers again, as raw tracepoint programs, for sys_enter (see
 * scapbpf_sys_enter): an enter event has no appended parameters, so each commits. */
#define FILLER_ENTER(name)                                                      \
	SEC("raw_tp")                                                           \
	int scapbpf_fille_##name(struct bpf_raw_tracepoint_args *ctx)           \
	{                                                                       \
		struct scapdrv_evt *e = evt_current();                          \
		if (e) {                                                        \
			scapdrv_fill_##name(e);                                 \
			evt_commit(e);                                          \
		}                                                               \
		return 0;                                                       \
	}

SCAPBPF_ENTER_FILLERS(FILLER_ENTER)

#define PAIR_ENTER(ev, enter, exit) [SCAP_EVT_##ev##_E] = (void *)&scapbpf_fille_##enter,

struct scapbpf_prog_array_enter {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, SCAP_EVT_MAX);
	__type(key, __u32);
	__array(values, int(struct bpf_raw_tracepoint_args *));
} scapbpf_fillers_enter SEC(".maps") = {
	.values = {
		SCAPDRV_FILL_PAIRS(PAIR_ENTER)
	},
};

struct scapbpf_prog_array scapbpf_fillers SEC(".maps") = {
	.values = {
		SCAPDRV_FILL_PAIRS(PAIR)
		[PROG_EXECVE_EXTRA] = (void *)&scapbpf_fill_execve_extra,
		[PROG_EXECVEAT_EXTRA] = (void *)&scapbpf_fill_execveat_extra,
	},
};

/* ---- fixed-size events: written in place in the ring ------------------------------- */

/*
 * Shapes of the events whose parameters are a few scalars of the syscall context, by
 * filler (the same bytes as the shared fillers named): such an event is reserved at its
 * exact size in this CPU's ring and written there by the tracepoint program, with no
 * scratch entry, tail call or copy. FAST_NO: any other filler (the general path).
 */
enum scapbpf_fast {
	FAST_NO = 0,
	FAST_NONE,          /* fill_none: no parameter */
	FAST_GENERIC_E,     /* fill_generic_e: ID (u16 scap code), nativeID (u16) */
	FAST_GENERIC_X,     /* fill_generic_x: ID */
	FAST_FD,            /* fill_fd_e: fd (i64) */
	FAST_RES,           /* fill_res_x: res (i64) */
	FAST_FD_SIZE,       /* fill_fd_size_e: fd, size (u32) */
	FAST_FD_SIZE_POS,   /* fill_fd_size_pos_e: fd, size, pos (u64) */
	/* Sized at run time, written in place too (fast_rw_x()): */
	FAST_RW,            /* fill_rw_x: res (i64), data */
	/* Assembled in the scratch entry, but by the tracepoint program itself (no tail
	 * call): */
	FAST_OPENAT_E,      /* fill_openat_e */
	FAST_OPENAT_X,      /* fill_openat_x */
	FAST_OPEN_E,        /* fill_open_e */
	FAST_OPEN_X,        /* fill_open_x */
};

/* FAST_KIND(filler): the shape of a filler named in fill/table.h, FAST_NO unless listed
 * here (FASTK_<filler> expands to two arguments, shifting FAST_NO out of place). */
#define FASTK_none x, FAST_NONE
#define FASTK_generic_e x, FAST_GENERIC_E
#define FASTK_generic_x x, FAST_GENERIC_X
#define FASTK_fd_e x, FAST_FD
#define FASTK_res_x x, FAST_RES
#define FASTK_fd_size_e x, FAST_FD_SIZE
#define FASTK_fd_size_pos_e x, FAST_FD_SIZE_POS
#define FASTK_rw_x x, FAST_RW
#define FASTK_openat_e x, FAST_OPENAT_E
#define FASTK_openat_x x, FAST_OPENAT_X
#define FASTK_open_e x, FAST_OPEN_E
#define FASTK_open_x x, FAST_OPEN_X
#define FAST_PICK_(a, b, ...) b
#define FAST_PICK(...) FAST_PICK_(__VA_ARGS__)
#define FAST_KIND(filler) FAST_PICK(FASTK_##filler, FAST_NO, ~)

#define FAST_PAIR(ev, enter, exit) \
	[SCAP_EVT_##ev##_E] = FAST_KIND(enter), \
	[SCAP_EVT_##ev##_X] = FAST_KIND(exit),

/* Event type -> enum scapbpf_fast. */
static const __u8 scapbpf_fast_kind[SCAP_EVT_MAX] = { SCAPDRV_FILL_PAIRS(FAST_PAIR) };

/* Parameters of shape @kind (an event whose schema count differs takes the general
 * path, where the mismatch fails it). */
static __always_inline __u32 fast_nparams(__u8 kind)
{
	switch (kind) {
	case FAST_NONE:
		return 0;
	case FAST_GENERIC_E:
	case FAST_FD_SIZE:
	case FAST_RW:
		return 2;
	case FAST_FD_SIZE_POS:
		return 3;
	default:
		return 1;
	}
}

/* Bytes of an event of shape @kind (not FAST_NO). */
static __always_inline __u32 fast_size(__u8 kind)
{
	switch (kind) {
	case FAST_NONE:
		return 26;
	case FAST_GENERIC_E:
		return 34;
	case FAST_GENERIC_X:
		return 30;
	case FAST_FD_SIZE:
		return 42;
	case FAST_FD_SIZE_POS:
		return 52;
	default:
		return 36;
	}
}

/* Begin a record of @size bytes in ring @rb and write its header. Return: the record,
 * or NULL (dropped, counted). */
static __always_inline __u8 *fast_begin(struct scapbpf_ring *rb, __u32 size, __u16 type,
					 __u32 np, __u64 ts, __u32 tid)
{
	__u8 *r = ring_begin(rb, size, 0);

	if (!r)
		return NULL;
	*(__u64 *)&r[0] = ts;
	*(__u64 *)&r[8] = tid;
	*(__u32 *)&r[16] = size;
	*(__u16 *)&r[20] = type;
	*(__u32 *)&r[22] = np;
	return r;
}

/*
 * Write the event @type of shape @kind for thread @tid in place in this CPU's ring,
 * from the syscall @nr, its return value @ret and the saved registers of task @t
 * (exit events: @regs; enter events read them here, only for the shapes that need
 * them). Counted, as is its drop when the ring is full.
 */
/* The registers in fast_event(): its argument on exit, read on enter. */
#define FAST_REGS() (is_exit ? regs : (struct pt_regs *)bpf_task_pt_regs(t))

static __always_inline void fast_event(const struct scapbpf_sc *sc, struct task_struct *t,
				       long nr, long ret, struct pt_regs *regs, bool is_exit)
{
	__u32 tid = t->pid;
	__u64 ts = bpf_ktime_get_boot_ns() + scapbpf_cfg.boot_to_epoch_ns;
	struct scapbpf_ring *rb = ring_of(bpf_get_smp_processor_id());
	__u8 kind = sc->fast;
	__u32 size = sc->size;
	__u16 code;
	__u8 *r;

	if (!rb)
		return;
	r = fast_begin(rb, size, sc->type, sc->nparams, ts, tid);
	if (!r)
		return;
	switch (kind) {
	case FAST_GENERIC_E:
		code = sc->code;
		*(__u16 *)&r[26] = 2;
		*(__u16 *)&r[28] = 2;
		*(__u16 *)&r[30] = code <= SCAP_SC_CLONE3 ? code : SCAP_SC_UNKNOWN;
		*(__u16 *)&r[32] = (__u16)nr;
		break;
	case FAST_GENERIC_X:
		code = sc->code;
		*(__u16 *)&r[26] = 2;
		*(__u16 *)&r[28] = code <= SCAP_SC_CLONE3 ? code : SCAP_SC_UNKNOWN;
		break;
	case FAST_FD:
	case FAST_RES:
		*(__u16 *)&r[26] = 8;
		*(__u64 *)&r[28] = kind == FAST_RES ? (__u64)ret :
				   (__u64)(__s64)(int)FAST_REGS()->di;
		break;
	case FAST_FD_SIZE:
		*(__u16 *)&r[26] = 8;
		*(__u16 *)&r[28] = 4;
		regs = FAST_REGS();
		*(__u64 *)&r[30] = (__s64)(int)regs->di;
		*(__u32 *)&r[38] = regs->dx;
		break;
	case FAST_FD_SIZE_POS:
		*(__u16 *)&r[26] = 8;
		*(__u16 *)&r[28] = 4;
		*(__u16 *)&r[30] = 8;
		regs = FAST_REGS();
		*(__u64 *)&r[32] = (__s64)(int)regs->di;
		*(__u32 *)&r[40] = regs->dx;
		*(__u64 *)&r[44] = regs->r10;
		break;
	}
	ring_end(rb, size);
}
#undef FAST_REGS

/*
 * The exit event @sc of a read or write of task @t (fill_rw_x's bytes: res, then the
 * buffer's first bytes up to the snaplen: for writes the size asked, for reads what
 * was read; a faulting buffer gives empty data, counted) written in place in this
 * CPU's ring, from the return value @ret and the saved registers @regs.
 */
static __always_inline void fast_rw_x(const struct scapbpf_sc *sc, struct task_struct *t,
				      long ret, struct pt_regs *regs)
{
	__u64 ts = bpf_ktime_get_boot_ns() + scapbpf_cfg.boot_to_epoch_ns;
	struct scapbpf_ring *rb = ring_of(bpf_get_smp_processor_id());
	unsigned long ubuf = regs->si;
	__u16 type = sc->type;
	__u64 len = ret > 0 ? ret : 0;
	__u8 *r;

	if (!rb)
		return;
	if (type == SCAP_EVT_SYSCALL_WRITE_X || type == SCAP_EVT_SYSCALL_PWRITE_X)
		len = regs->dx;
	if (len > scapbpf_cfg.snaplen)
		len = scapbpf_cfg.snaplen;
	if (!ubuf)
		len = 0;
	if (len > SCAPBPF_EVT_MAX - 38) {
		rb->cnt.n_drop_big++;          /* as the general path: never cut */
		return;
	}
	len = scapbpf_clamp(len, SCAPBPF_EVT_MAX - 38);
	r = fast_begin(rb, 38 + len, type, 2, ts, t->pid);
	if (!r)
		return;
	*(__u16 *)&r[26] = 8;
	*(__u64 *)&r[30] = ret;
	if (len && bpf_probe_read_user(&r[38], len, (const void *)ubuf)) {
		rb->cnt.n_drop_pf++;
		len = 0;
	}
	*(__u16 *)&r[28] = len;
	*(__u32 *)&r[16] = 38 + len;
	ring_end(rb, 38 + len);
}

/* ---- the syscall table ------------------------------------------------------------------ */

/* Fill the entry of side @side (0 enter, 1 exit) of native syscall @nr of scapbpf_sc
 * (SCAPDRV_NR_MAX: the entry of the numbers out of range). */
static __always_inline void sc_init_one(__u32 side, long nr)
{
	struct scapbpf_sc *sc = &scapbpf_sc[side & 1][scapbpf_clamp(nr, SCAPDRV_NR_MAX)];
	__u8 kind = FAST_NO;
	__u16 type;

	sc->code = scapdrv_sc_code(nr);
	type = (nr >= 0 && nr < SCAPDRV_NR_MAX ? sc_enter_evts[nr] : SCAP_EVT_GENERIC_E) + side;
	sc->type = type;
	sc->extra = 0;
	sc->cnt = 0;
	if (type < SCAP_EVT_MAX) {
		__u32 ti = scapbpf_clamp(type, SCAP_EVT_MAX - 1);

		kind = scapbpf_fast_kind[ti];
		/* A fixed shape whose schema count differs takes the general path, where
		 * the mismatch fails the event. */
		if (kind != FAST_NO && kind <= FAST_RW &&
		    scapbpf_nparams[ti] != fast_nparams(kind))
			kind = FAST_NO;
		if (side) {
			sc->extra = scapbpf_extra_np[ti];
			sc->cnt = scapbpf_cnt_cls[ti];
		}
	}
	sc->fast = kind;
	sc->size = kind != FAST_NO && kind < FAST_RW ? fast_size(kind) : 0;
	sc->nparams = kind != FAST_NO && kind <= FAST_RW ? fast_nparams(kind) : 0;
}

/* Run by userspace (BPF_PROG_TEST_RUN) after load, before attaching, once for each
 * native syscall number nr in 0..SCAPDRV_NR_MAX (ctx->args[0]; SCAPDRV_NR_MAX: the entry
 * of the numbers out of range): fills both sides of its entry of scapbpf_sc from the
 * syscall map, the shapes and the schema's counts. One entry a run, so that the
 * verifier checks one entry's code, not a loop over 513 numbers (68,000 instructions
 * processed at load on Linux 6.18). */
SEC("raw_tp")
int scapbpf_init(struct bpf_raw_tracepoint_args *ctx)
{
	long nr = ctx->args[0];

	if (nr < 0 || nr > SCAPDRV_NR_MAX)
		return 1;
	sc_init_one(0, nr);
	sc_init_one(1, nr);
	return 0;
}

/* ---- tracepoint programs ----------------------------------------------------------------- */

#define TS_COMPAT 0x0002   /* x86 thread_info.status: a 32-bit syscall */

/*
 * Common part of sys_enter and sys_exit: filter, begin, dispatch to the filler. The
 * task and its saved registers are read through BTF pointers (bpf_get_current_task_btf();
 * the registers are the BTF-typed tracepoint's first argument, ctx->args[0], which the
 * verifier types as struct pt_regs: no bpf_task_pt_regs() call): plain loads, no copy
 * helper per field.
 */
static __always_inline int syscall_event(struct bpf_raw_tracepoint_args *ctx, bool is_exit)
{
	bool exit_only = scapbpf_cfg.mode & SCAP_ABI_MODE_EXIT_ONLY;
	const struct scapbpf_sc *sc;
	struct task_struct *t;
	struct scapdrv_evt *e;
	struct pt_regs *regs;
	__u16 code, type, extra = 0;
	__u8 kind;
	long nr;

	if (!scapbpf_cfg.capturing || (exit_only && !is_exit))
		return 0;
	/* An enter's number is the tracepoint's argument: one outside the set returns
	 * before the task is read (an enter is never counted; a helper call saved). Numbers
	 * out of range (negative too) share the last entry. */
	if (!is_exit) {
		nr = (long)ctx->args[1];
		sc = &scapbpf_sc[0][scapbpf_clamp(nr, SCAPDRV_NR_MAX)];
		code = sc->code;
		if (!((scapbpf_cfg.sc_set[(code >> 6) & 15] >> (code & 63)) & 1))
			return 0;
	}
	t = bpf_get_current_task_btf();
	if (t->tgid == scapbpf_cfg.exclude_tgid)
		return 0;
	/* 32-bit (ia32) syscalls have their own numbering: not mapped, as in the module. */
	if (t->thread_info.status & TS_COMPAT)
		return 0;
	/* Enter events read the registers only when they need the arguments. */
	regs = NULL;
	if (is_exit) {
		regs = (struct pt_regs *)ctx->args[0];
		nr = (long)regs->orig_ax;
		sc = &scapbpf_sc[1][scapbpf_clamp(nr, SCAPDRV_NR_MAX)];
	}
	code = sc->code;
	if (!((scapbpf_cfg.sc_set[(code >> 6) & 15] >> (code & 63)) & 1)) {
		/* not sent: counted for its process instead (bpf/counters.h) */
		if (is_exit && scapbpf_cfg.counting)
			scapbpf_count(sc, t, (long)ctx->args[1], regs, -1);
		return 0;
	}
	/* on a TCP socket, some calls of the set are treated as outside it */
	if ((scapbpf_cfg.tcp_skip[(code >> 6) & 15] >> (code & 63)) & 1) {
		if (!is_exit)
			regs = (struct pt_regs *)bpf_task_pt_regs(t);
		if (scapbpf_fd_kind(t, (int)regs->di) == FDK_TCP) {
			if (is_exit && scapbpf_cfg.counting)
				scapbpf_count(sc, t, (long)ctx->args[1], regs, FDK_TCP);
			return 0;
		}
	}
	type = sc->type;
	kind = sc->fast;
	if (exit_only)
		extra = sc->extra;
	if (extra)
		kind = FAST_NO;
	if (kind != FAST_NO && kind < FAST_RW) {
		fast_event(sc, t, nr, is_exit ? (long)ctx->args[1] : 0, regs, is_exit);
		return 0;
	}
	if (is_exit && kind == FAST_RW) {
		fast_rw_x(sc, t, (long)ctx->args[1], regs);
		return 0;
	}
	e = evt_begin(type, t->pid, extra);
	if (!e)
		return 0;
	if (extra)
		e->extra_prog = 1 + (type == SCAP_EVT_SYSCALL_EXECVE_19_X ? PROG_EXECVE_EXTRA :
				     type == SCAP_EVT_SYSCALL_EXECVEAT_X ? PROG_EXECVEAT_EXTRA :
				     type - 1);
	e->nr = nr;
	e->ret = is_exit ? (long)ctx->args[1] : 0;
	if (!is_exit)
		regs = (struct pt_regs *)bpf_task_pt_regs(t);
	e->args[0] = regs->di;
	e->args[1] = regs->si;
	e->args[2] = regs->dx;
	e->args[3] = regs->r10;
	e->args[4] = regs->r8;
	e->args[5] = regs->r9;
	/* Only without extra parameters (kind is FAST_NO with them); each program has
	 * the fillers of its side. */
	if (is_exit && (kind == FAST_OPENAT_X || kind == FAST_OPEN_X)) {
		if (kind == FAST_OPENAT_X)
			scapdrv_fill_openat_x(e);
		else
			scapdrv_fill_open_x(e);
		evt_commit(e);
		return 0;
	}
	if (!is_exit && (kind == FAST_OPENAT_E || kind == FAST_OPEN_E)) {
		if (kind == FAST_OPENAT_E)
			scapdrv_fill_openat_e(e);
		else
			scapdrv_fill_open_e(e);
		evt_commit(e);
		return 0;
	}
	if (is_exit)
		bpf_tail_call(ctx, &scapbpf_fillers, type);
	else
		bpf_tail_call(ctx, &scapbpf_fillers_enter, type);
	e->busy = 0;                 /* no filler for this type: nothing written */
	return 0;
}

/*
 * sys_exit is a BTF-typed tracepoint program (tp_btf): its arguments are typed (the
 * registers a pointer the verifier lets the program load from), and it runs as a raw
 * one. The programs it tail-calls must be of its type and of its tracepoint (the kernel
 * checks both): the fillers, scapbpf_fillers. sys_enter stays a raw one (it reads the
 * registers with bpf_task_pt_regs(), and only for the events that need them), with raw
 * copies of the enter fillers (scapbpf_fillers_enter): exit-only mode, scryd's default,
 * detaches it.
 */
SEC("raw_tp/sys_enter")
int scapbpf_sys_enter(struct bpf_raw_tracepoint_args *ctx)
{
	return syscall_event(ctx, false);
}

SEC("tp_btf/sys_exit")
int scapbpf_sys_exit(struct bpf_raw_tracepoint_args *ctx)
{
	return syscall_event(ctx, true);
}

SEC("raw_tp/sched_process_exit")
int scapbpf_proc_exit(struct bpf_raw_tracepoint_args *ctx)
{
	struct task_struct *p = (struct task_struct *)ctx->args[0];
	struct scapdrv_evt *e;

	if (!scapbpf_cfg.capturing || BPF_CORE_READ(p, tgid) == scapbpf_cfg.exclude_tgid)
		return 0;
	e = evt_begin(SCAP_EVT_PROCEXIT_1_E, BPF_CORE_READ(p, pid), 0);
	if (!e)
		return 0;
	e->task = p;
	scapdrv_fill_procexit(e);
	evt_commit(e);
	return 0;
}

/*
 * On x86_64 a new task's first return to userspace passes through sys_exit, where the
 * child's clone/fork exit event is written; here (in the parent) only clone3's flags
 * are stashed for it (bpf/clone_stash.h).
 */
SEC("raw_tp/sched_process_fork")
int scapbpf_proc_fork(struct bpf_raw_tracepoint_args *ctx)
{
	scapbpf_clone3_stash((struct task_struct *)ctx->args[1]);
	return 0;
}

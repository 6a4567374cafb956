/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * scap_abi.h - everything that crosses the kernel/user boundary, and nothing else.
 *
 * Shared verbatim by the kernel module (driver/), the eBPF probe and the userspace
 * libraries. Only <linux/types.h> is included so both sides can use it.
 *
 * Event record layout (the scap event format used by sysdig and Falco capture files;
 * a ring record is byte for byte the same):
 *
 *   struct scap_abi_evt_hdr   26 bytes, packed, little endian
 *   __u16 or __u32 len[nparams]   length in bytes of each parameter (u16 normally,
 *                                 u32 for events flagged SCAP_EF_LARGE_PAYLOAD)
 *   parameter bytes, back to back, in schema order
 *
 * hdr.len is the total record length in bytes, header included.
 */
#ifndef SCAP_ABI_H
#define SCAP_ABI_H

#ifdef __KERNEL__
#include <linux/types.h>
#include <linux/stddef.h>
#include <linux/ioctl.h>
#else
#include <linux/types.h>
#include <linux/ioctl.h>
#include <stddef.h>
#endif

/*
 * Compile-time layout checks, on every side: C11 _Static_assert for the kernel, the
 * probe and the libraries, static_assert for C++ users of the installed header.
 */
#ifdef __cplusplus
#define SCAP_ABI_STATIC_ASSERT(cond, msg) static_assert(cond, msg)
#else
#define SCAP_ABI_STATIC_ASSERT(cond, msg) _Static_assert(cond, msg)
#endif

/* Ring/ioctl contract version (bumped on incompatible change of this header). */
#define SCAP_ABI_VERSION_MAJOR 1
#define SCAP_ABI_VERSION_MINOR 2

/*
 * Event header. Fields are unaligned in the packed layout: read them with memcpy
 * into locals (or through this packed struct), never through a cast pointer to a
 * naturally aligned type.
 */
struct scap_abi_evt_hdr {
	__u64 ts;      /* kernel: ns since the epoch (CLOCK_REALTIME at capture) */
	__u64 tid;     /* kernel: thread id (host pid namespace) that produced it */
	__u32 len;     /* kernel: record length in bytes, header included */
	__u16 type;    /* kernel: event type, enum scap_evt_type */
	__u32 nparams; /* kernel: number of parameters that follow */
} __attribute__((packed));

SCAP_ABI_STATIC_ASSERT(sizeof(struct scap_abi_evt_hdr) == 26, "scap event header is 26 bytes");
SCAP_ABI_STATIC_ASSERT(offsetof(struct scap_abi_evt_hdr, len) == 16, "len at 16");
SCAP_ABI_STATIC_ASSERT(offsetof(struct scap_abi_evt_hdr, type) == 20, "type at 20");
SCAP_ABI_STATIC_ASSERT(offsetof(struct scap_abi_evt_hdr, nparams) == 22, "nparams at 22");

#define SCAP_ABI_EVT_HDR_LEN 26u

/*
 * Event schema version (event numbers and parameter lists), separate from the ABI. The
 * minor number grows when an event gains appended parameters (a reader of the older
 * minor skips them), the major one when a parameter changes or goes: then the event gets
 * a new number instead, so the major one should never have to move.
 *   1.1: open_by_handle_at's exit appends dev and ino.
 *   1.2: execve's and execveat's exits append cap_inheritable, cap_permitted,
 *        cap_effective, exe_ino, exe_ino_ctime, exe_ino_mtime (the peer's parameters
 *        21-26 of these events, same names, types and order).
 */
#define SCAP_SCHEMA_VERSION_MAJOR 1
#define SCAP_SCHEMA_VERSION_MINOR 2

/*
 * ---- Per-CPU ring (kernel module) ----------------------------------------------------
 *
 * Each possible CPU N has a character device /dev/scryN (root only) whose mmap gives:
 *
 *   offset 0, length SCAP_ABI_RING_CTL_LEN: the control page, struct scap_abi_ring_ctl,
 *       mapped PROT_READ|PROT_WRITE (userspace writes tail, and only tail);
 *   offset SCAP_ABI_RING_CTL_LEN, length 2 * data_size: the data bytes, mapped twice back
 *       to back, PROT_READ only. A record starting at byte (pos & (data_size - 1)) is
 *       contiguous in this mapping even when it wraps in the ring.
 *
 * head and tail are free-running byte counters (never masked when stored): head - tail is
 * the number of unread bytes, the record at tail starts at data + (tail & (data_size-1)).
 * Records are scap events (struct scap_abi_evt_hdr, lengths, params), back to back.
 *
 * Barrier contract (the same text is above scapdrv_evt_commit() in driver/scry.h):
 *   kernel (one producer per ring: the CPU itself, preemption off, recursion guarded):
 *     A: t = smp_load_acquire(&ctl->tail)   -- bytes before t are free to overwrite
 *        write the record at head, within data_size - (head - t) bytes
 *     B: smp_store_release(&ctl->head, head + len)  -- the record is visible whole
 *   user (one consumer per ring):
 *     C: h = __atomic_load_n(&ctl->head, __ATOMIC_ACQUIRE)  -- pairs with B
 *        read records in [tail, h)
 *     D: __atomic_store_n(&ctl->tail, t, __ATOMIC_RELEASE)  -- pairs with A: the kernel
 *        overwrites those bytes only after the reads above are done
 * A full ring drops the new event (never overwrites, never blocks) and counts it.
 */
#define SCAP_ABI_RING_VERSION 1
#define SCAP_ABI_RING_CTL_LEN 4096u   /* bytes of the control page mapping */

struct scap_abi_ring_ctl {
	__u32 version;       /* kernel: SCAP_ABI_RING_VERSION */
	__u32 ctl_size;      /* kernel: sizeof(struct scap_abi_ring_ctl) */
	__u64 data_size;     /* kernel: bytes of ring data, a power of two */
	__u64 head;          /* kernel: bytes ever produced (free-running) */
	__u64 tail;          /* user:   bytes ever consumed (free-running) */
	__u64 n_evts;        /* kernel: events written */
	__u64 n_drop_full;   /* kernel: events dropped, the ring was full */
	__u64 n_drop_pf;     /* kernel: user-memory reads that faulted; the event is kept with
	                        an empty or partial parameter */
	__u64 n_drop_big;    /* kernel: events dropped, larger than the largest record */
	__u64 n_drop_nest;   /* kernel: events dropped, a probe fired inside another one */
	__u8 reserved[56];   /* zero; room to grow without a major bump */
};

SCAP_ABI_STATIC_ASSERT(sizeof(struct scap_abi_ring_ctl) == 128, "ring control struct is 128 bytes");
SCAP_ABI_STATIC_ASSERT(offsetof(struct scap_abi_ring_ctl, data_size) == 8, "data_size at 8");
SCAP_ABI_STATIC_ASSERT(offsetof(struct scap_abi_ring_ctl, head) == 16, "head at 16");
SCAP_ABI_STATIC_ASSERT(offsetof(struct scap_abi_ring_ctl, tail) == 24, "tail at 24");
SCAP_ABI_STATIC_ASSERT(offsetof(struct scap_abi_ring_ctl, n_evts) == 32, "n_evts at 32");
SCAP_ABI_STATIC_ASSERT(offsetof(struct scap_abi_ring_ctl, n_drop_nest) == 64, "n_drop_nest at 64");

/*
 * ---- ioctls on /dev/scryN ----------------------------------------------------------
 * Capture settings are global (one capture session for the whole module); any device
 * accepts them. Numbers are never reused: a retired ioctl stays listed, commented out.
 */
#define SCAP_ABI_IOCTL_MAGIC 's'

/* Versions of the running module; filled by SCAP_ABI_IOC_GET_VERSIONS. */
struct scap_abi_versions {
	__u32 abi_major;      /* SCAP_ABI_VERSION_MAJOR of the module */
	__u32 abi_minor;      /* SCAP_ABI_VERSION_MINOR */
	__u32 schema_major;   /* SCAP_SCHEMA_VERSION_MAJOR */
	__u32 schema_minor;   /* SCAP_SCHEMA_VERSION_MINOR */
	__u32 ncpus;          /* devices the module created: possible CPUs */
	__u32 reserved0;      /* zero */
	__u64 data_size;      /* bytes of each ring's data area */
};
SCAP_ABI_STATIC_ASSERT(sizeof(struct scap_abi_versions) == 32, "versions struct is 32 bytes");

/*
 * Syscalls to capture, a bit per scap syscall code (enum scap_syscall_code), bit i of
 * word i / 64. Codes past the module's table are ignored. All set after load.
 */
#define SCAP_ABI_SC_SET_BITS 1024
struct scap_abi_sc_set {
	__u64 bits[SCAP_ABI_SC_SET_BITS / 64];
};
SCAP_ABI_STATIC_ASSERT(sizeof(struct scap_abi_sc_set) == 128, "syscall set is 128 bytes");

#define SCAP_ABI_SNAPLEN_DEFAULT 80u     /* bytes of I/O buffers captured, as sysdig */
#define SCAP_ABI_SNAPLEN_MAX 65000u      /* largest accepted snaplen */

/* Fill a struct scap_abi_versions. */
#define SCAP_ABI_IOC_GET_VERSIONS _IOR(SCAP_ABI_IOCTL_MAGIC, 1, struct scap_abi_versions)
/* Start capturing (registers the tracepoints). 0, or -ENOENT tracepoint missing. */
#define SCAP_ABI_IOC_START _IO(SCAP_ABI_IOCTL_MAGIC, 2)
/* Stop capturing; events already in the rings stay readable. */
#define SCAP_ABI_IOC_STOP _IO(SCAP_ABI_IOCTL_MAGIC, 3)
/* Set the snaplen (argument by value, bytes, 1..SCAP_ABI_SNAPLEN_MAX; else -EINVAL). */
#define SCAP_ABI_IOC_SET_SNAPLEN _IO(SCAP_ABI_IOCTL_MAGIC, 4)
/* Set the syscalls to capture from a struct scap_abi_sc_set. */
#define SCAP_ABI_IOC_SET_SYSCALLS _IOW(SCAP_ABI_IOCTL_MAGIC, 5, struct scap_abi_sc_set)

/* Capture modes (SCAP_ABI_IOC_SET_MODE, ABI 1.1+), a bit set; 0 is the default. */
#define SCAP_ABI_MODE_EXIT_ONLY 1u   /* no enter events; each exit event appends the
					parameters of its enter event that it lacks, in the
					enter event's order (after the schema's own) */
#define SCAP_ABI_MODE_ALL 1u         /* non-ABI: every bit known */
/* Set the mode (argument by value, SCAP_ABI_MODE_* bits; -EINVAL unknown bits). Applies
 * at once, also during a capture. */
#define SCAP_ABI_IOC_SET_MODE _IO(SCAP_ABI_IOCTL_MAGIC, 6)

/* Optional tracepoints (SCAP_ABI_IOC_SET_TRACEPOINTS, ABI 1.1+), all off after load. */
#define SCAP_ABI_TP_SCHED_SWITCH 1u    /* sched_switch -> switch events */
#define SCAP_ABI_TP_SIGNAL_DELIVER 2u  /* signal_deliver -> signaldeliver events */
#define SCAP_ABI_TP_PAGE_FAULT 4u      /* page_fault_user -> page_fault events */
#define SCAP_ABI_TP_ALL 7u             /* non-ABI: every bit known */
/* Choose the optional tracepoints (argument by value, SCAP_ABI_TP_* bits). 0, -EINVAL
 * unknown bits, -ENOENT a tracepoint this kernel lacks. Applies at once. */
#define SCAP_ABI_IOC_SET_TRACEPOINTS _IO(SCAP_ABI_IOCTL_MAGIC, 7)

/* Leave out the events of one process (ABI 1.2+): argument by value, a process id
 * (thread group id) as the initial pid namespace numbers it, 0 for none (the default
 * after load); every event of its threads is then not produced (not written, not
 * counted). -EINVAL beyond PID_MAX_LIMIT. Applies at once. */
#define SCAP_ABI_IOC_SET_EXCLUDE_TGID _IO(SCAP_ABI_IOCTL_MAGIC, 8)

#endif /* SCAP_ABI_H */

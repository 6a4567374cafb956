/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * scapbpf.h - what the eBPF probe and libscap's bpf engine share besides the scap event
 * format: the layout of the settings (the probe's .bss, mapped and written by
 * userspace while the programs run) and of the per-CPU rings with their counters.
 * Types only; the probe gets __u32/__u64 from vmlinux.h, userspace from <linux/types.h>.
 */
#ifndef SCAPBPF_SHARED_H
#define SCAPBPF_SHARED_H

#ifndef SCAPDRV_BPF
#include <linux/types.h>
#endif

/* The capture settings. Every field is read by each program run (no locking: a change
 * applies from the next event on). */
struct scapbpf_settings {
	__u32 capturing;        /* 0: every program returns at once */
	__u32 snaplen;          /* bytes of I/O buffers captured */
	__u32 exclude_tgid;     /* this process's events are not produced; 0: none */
	__u32 mode;             /* SCAP_ABI_MODE_* bits (exit-only), as the module's */
	__u64 boot_to_epoch_ns; /* CLOCK_REALTIME - CLOCK_BOOTTIME, ns */
	__u64 sc_set[16];       /* syscalls to capture: bit i of word i / 64 per scap code */
	__u64 ring_bytes;       /* data bytes of each ring in use: a multiple of 8 in
				   8..SCAPBPF_RING_DATA_MAX, set before capture starts */
	__u32 counting;         /* 1: count the syscalls outside sc_set per process
				   (bpf/counters.h) */
	__u32 pad0;
	__u64 tcp_skip[16];     /* syscalls of sc_set treated as outside it when their
				   first argument is a TCP socket (bpf/counters.h) */
};

/*
 * Per-process counters of the syscalls the probe does not send as events (outside
 * sc_set, with counting on), by process id (tgid, initial pid namespace): a process's
 * counts are the sum of its slot in each CPU's table of "scapbpf_cnt_slot" (struct
 * scapbpf_cnt_slots) and of its entry of the hash map "scapbpf_cnt" (where a syscall
 * counts when its CPU's slot for the process belongs to another one). Read, summed and
 * deleted by userspace. How each syscall counts is its exit type's class
 * (SCAPBPF_CNT_* bits, libscap's enum scap_count_class), set in scapbpf_sc.
 */
struct scapbpf_proc_cnt {
	__u64 calls;            /* syscall exits */
	__u64 failures;         /* of those with a result: negative results */
	__u64 file_read;        /* bytes: positive results of reads from / writes to a */
	__u64 file_write;       /* regular file, directory, character or block device */
	__u64 net_in;           /* ... from / to an AF_INET or AF_INET6 socket */
	__u64 net_out;
};

#define SCAPBPF_CNT_CALL 1u     /* libscap's SCAP_COUNT_CALL ... */
#define SCAPBPF_CNT_RES 2u
#define SCAPBPF_CNT_READ 4u
#define SCAPBPF_CNT_WRITE 8u
#define SCAPBPF_CNT_PROCS 32768u /* entries of "scapbpf_cnt" (processes counted at once) */

/*
 * One CPU's counter slots: an entry of the array map "scapbpf_cnt_slot" (BPF_F_MMAPABLE,
 * one entry per possible CPU, mapped read-write by userspace). Slot tgid %
 * SCAPBPF_CNT_SLOTS belongs to process tgid from its first syscall counted there (a
 * free slot: tgid 0) until userspace frees it (scap_counts_delete(): counters zeroed,
 * then tgid stored 0, release order); while another process has it, the process counts
 * in the hash map. Written by the probe's programs on that CPU only, one at a time
 * (they run with preemption off), with plain adds; each counter only grows while the
 * slot is the process's.
 */
#define SCAPBPF_CNT_SLOTS 1024u
struct scapbpf_cnt_slot {
	__u32 tgid;             /* the process counted here; 0: free */
	__u32 pad;
	struct scapbpf_proc_cnt c;
};
struct scapbpf_cnt_slots {
	struct scapbpf_cnt_slot slot[SCAPBPF_CNT_SLOTS];
};

/* Event and drop counters of one CPU (in its ring's header). */
struct scapbpf_counters {
	__u64 n_evts;           /* events written into the ring */
	__u64 n_drop_full;      /* dropped: the ring was full */
	__u64 n_drop_pf;        /* user-memory reads that faulted (the event is kept) */
	__u64 n_drop_big;       /* dropped: larger than the largest record */
	__u64 n_drop_nest;      /* dropped: raised while another event was written */
};

/*
 * What the tracepoint programs need to know of one native syscall on one side (enter or
 * exit): the probe's table scapbpf_sc[2][SCAPDRV_NR_MAX + 1] in .bss, indexed by side
 * (0 enter, 1 exit) and syscall number (the last entry for any number out of range),
 * filled by the probe's program scapbpf_init, which userspace runs once before attaching.
 */
struct scapbpf_sc {
	__u16 type;             /* the event type */
	__u16 code;             /* scap syscall code (the syscall set's bit) */
	__u8 fast;              /* the event's shape in the probe (enum scapbpf_fast) */
	__u8 size;              /* bytes of the event, for the fixed shapes */
	__u8 nparams;           /* parameters of the event, for the fixed shapes */
	__u8 extra;             /* exit-only mode: parameters the exit event appends */
	__u8 cnt;               /* exit: how the counters count it (SCAPBPF_CNT_* bits) */
	__u8 pad;
};

/*
 * One CPU's ring: an entry of the "scapbpf_ring" array map (BPF_F_MMAPABLE, one entry
 * per possible CPU, mapped read-write by userspace), written by the probe's programs on
 * that CPU only and read by one consumer.
 *
 * Positions count bytes since the start and only grow; a record starts at data[off],
 * off being its position modulo ring_bytes (the settings'), and is contiguous: one that
 * passes data[ring_bytes] goes on into the SCAPBPF_RING_SPILL bytes after it, and the
 * next one starts at the beginning of data. A record is a scap event (its length in its
 * header), padded to 8 bytes. The producer writes a record where head_off says, then
 * publishes it by storing head (after the record's bytes: release order); it never
 * writes past tail + ring_bytes (a record that does not fit is dropped and counted).
 * The consumer reads records from tail up to head (head loaded with acquire order) and
 * frees them by storing tail.
 */
#define SCAPBPF_RING_VALUE (4u << 20)   /* bytes of an entry (the largest array value) */
#define SCAPBPF_RING_HDR 4096u          /* bytes before data[] */
#define SCAPBPF_RING_SPILL 32768u       /* room past the ring for the last record: the
					   largest record (SCAPBPF_EVT_MAX) */
#define SCAPBPF_RING_DATA_MAX (SCAPBPF_RING_VALUE - SCAPBPF_RING_HDR - SCAPBPF_RING_SPILL)

struct scapbpf_ring {
	/* The producer's line. */
	__u64 head;                     /* bytes published */
	__u64 head_off;                 /* head modulo ring_bytes: where the next record goes */
	__u32 busy;                     /* 1 while a record is written (nesting guard) */
	__u32 pad0;
	__u64 pad1[5];
	/* The consumer's line. */
	__u64 tail;                     /* bytes consumed, written by userspace */
	__u64 pad2[7];
	struct scapbpf_counters cnt;    /* this CPU's counters (the producer's) */
	__u8 pad3[SCAPBPF_RING_HDR - 128 - sizeof(struct scapbpf_counters)];
	__u8 data[SCAPBPF_RING_VALUE - SCAPBPF_RING_HDR];
};

#endif /* SCAPBPF_SHARED_H */

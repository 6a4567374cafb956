/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * scapbpf.h - what the eBPF probe and libscap's bpf engine share besides the scap event
 * format: the layout of the settings (the probe's .bss, mapped and written by
 * userspace while the programs run) and of the per-CPU counters. Types only; the probe
 * gets __u32/__u64 from vmlinux.h, userspace from <linux/types.h>.
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
};

/* Event and drop counters of one CPU (the "scapbpf_stats" per-CPU array, entry 0). */
struct scapbpf_counters {
	__u64 n_evts;           /* events written into the ring */
	__u64 n_drop_full;      /* dropped: the ring was full */
	__u64 n_drop_pf;        /* user-memory reads that faulted (the event is kept) */
	__u64 n_drop_big;       /* dropped: larger than the largest record */
	__u64 n_drop_nest;      /* dropped: raised while another event was written */
};

#endif /* SCAPBPF_SHARED_H */

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * scap_kmod.h - settings and statistics of the "kmod" engine, the live capture from
 * the scry.ko kernel module (/dev/scryN rings). Open it with
 *
 *   SCAP_OPTS(scap_open_opts, o, .engine = "kmod");   // .path: device prefix, default
 *   scap_open(&o, &h, errbuf);                         // "/dev/scry"
 *   scap_kmod_set_snaplen(h, 80);
 *   scap_start(h);  ... scap_next(h, &evt) ...  scap_stop(h);
 *
 * scap_open() also reads the system state the capture starts from (threads with their
 * fds from /proc, users and groups from /etc, interfaces, machine info; see
 * scap_get_state()); set SCRY_NO_PROC_SCAN in the environment to skip it. Errors of
 * scap_open() say what to do: the module is not loaded (-ENOENT), capturing needs root
 * (-EACCES), the module was built for another version (-EPROTO).
 *
 * Each call here returns -ENOTSUP when @h is not a kmod handle.
 */
#ifndef SCAP_KMOD_H
#define SCAP_KMOD_H

#include <stdint.h>
#include <stddef.h>

#include <scry/scap.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Counters summed over every CPU's ring since the handle was opened. */
struct scap_kmod_stats {
	size_t sz;                 /* sizeof(struct scap_kmod_stats), set by the caller */
	uint64_t n_evts;           /* events written by the driver */
	uint64_t n_drop_full;      /* events dropped: the ring was full */
	uint64_t n_drop_pf;        /* user-memory reads that faulted (event kept, parameter
	                              empty or partial) */
	uint64_t n_drop_big;       /* events dropped: larger than the largest record */
	uint64_t n_drop_nest;      /* events dropped: raised inside another probe */
	uint32_t ncpus;            /* rings (possible CPUs) */
	uint64_t ring_bytes;       /* data bytes of each ring */
};

/**
 * scap_kmod_get_stats() - driver counters of every ring, summed.
 * @h:   [in] kmod handle.
 * @out: [out] set out->sz first; a smaller (older) struct gets its prefix.
 * Return: 0; -EINVAL bad argument; -ENOTSUP not a kmod handle.
 * Thread-safety: one thread per handle.
 */
SCAP_API int scap_kmod_get_stats(scap_t *h, struct scap_kmod_stats *out);

/**
 * scap_kmod_set_snaplen() - bytes of I/O buffers (read/write data) each event carries.
 * @h:       [in] kmod handle.
 * @snaplen: [in] bytes, 1..65000 (default 80, as sysdig). Global to the driver.
 * Return: 0; -EINVAL out of range; -ENOTSUP not a kmod handle; -errno of the ioctl.
 * Thread-safety: one thread per handle.
 */
SCAP_API int scap_kmod_set_snaplen(scap_t *h, uint32_t snaplen);

/*
 * Capture modes (scap_kmod_set_mode()), a bit set; 0 is the default: an enter and an
 * exit event per syscall.
 */
enum scap_kmod_mode {
	/* No enter events: each exit event appends the parameters of its enter event
	 * after the schema's own (the scap exit-event versions that carry them all). */
	SCAP_KMOD_MODE_EXIT_ONLY = 1u << 0,
};

/**
 * scap_kmod_set_mode() - choose the capture mode (enum scap_kmod_mode bits).
 * @h:    [in] kmod handle.
 * @mode: [in] bit set of enum scap_kmod_mode; 0 for the default. Global to the driver
 *        (every reader sees it) and kept until changed or the module is unloaded;
 *        applied at once, also while capturing (a syscall in flight at the switch
 *        may get an enter event and an exit carrying the enter's parameters too, or
 *        an exit event alone).
 * Return: 0; -EINVAL unknown bits; -ENOTSUP not a kmod handle; -errno of the ioctl
 *         (the tracepoints could not be re-registered).
 * Thread-safety: one thread per handle.
 */
SCAP_API int scap_kmod_set_mode(scap_t *h, uint32_t mode);

/* Optional tracepoints (scap_kmod_set_tracepoints()), off after load. */
enum scap_kmod_tracepoint {
	SCAP_KMOD_TP_SCHED_SWITCH = 1u << 0,    /* sched_switch -> switch events */
	SCAP_KMOD_TP_SIGNAL_DELIVER = 1u << 1,  /* signal_deliver -> signaldeliver events */
	SCAP_KMOD_TP_PAGE_FAULT = 1u << 2,      /* page_fault_user -> page_fault events */
};

/**
 * scap_kmod_set_tracepoints() - turn the optional tracepoints on or off.
 * @h:    [in] kmod handle.
 * @mask: [in] bit set of enum scap_kmod_tracepoint: those on, the others off. Global to
 *        the driver; applied at once when capturing, else at the next scap_start().
 * Return: 0; -EINVAL unknown bits; -ENOENT a tracepoint this kernel does not have;
 *         -ENOTSUP not a kmod handle; -errno of the ioctl (registration failed).
 * Thread-safety: one thread per handle.
 */
SCAP_API int scap_kmod_set_tracepoints(scap_t *h, uint32_t mask);

/**
 * scap_kmod_set_syscalls() - the syscalls to capture (all after load).
 * @h:    [in] kmod handle.
 * @bits: [in] a bit per scap syscall code (enum scap_syscall_code): bit i is
 *        bits[i / 64] >> (i % 64) & 1; @nwords words (at most 16 are used, missing
 *        words are 0). Global to the driver, applied at once.
 * Return: 0; -EINVAL bits NULL; -ENOTSUP not a kmod handle; -errno of the ioctl.
 * Thread-safety: one thread per handle.
 */
SCAP_API int scap_kmod_set_syscalls(scap_t *h, const uint64_t *bits, size_t nwords);

/**
 * scap_kmod_set_exclude_tid() - skip the events of one thread (the capturing process
 * itself, as sysdig hides its own events unless debugging).
 * @h:   [in] kmod handle.
 * @tid: [in] thread id whose events scap_next() skips; 0: skip none (the default).
 * Return: 0; -EINVAL @h NULL; -ENOTSUP not a kmod handle.
 */
SCAP_API int scap_kmod_set_exclude_tid(scap_t *h, uint64_t tid);

/* What the initial state scan at open read (scap_get_state() has the state itself). */
struct scap_kmod_scan_stats {
	size_t sz;                 /* sizeof(struct scap_kmod_scan_stats), set by the caller */
	uint32_t nprocs;           /* processes read */
	uint32_t nthreads;         /* threads read, processes included */
	uint32_t nfds;             /* fds read */
	uint32_t nskipped;         /* entries that vanished while read */
	uint32_t nnetns;           /* network namespaces whose socket tables were read */
	uint64_t elapsed_ns;       /* wall time of the scan, ns */
};

/**
 * scap_kmod_get_scan_stats() - counters of the scan of /proc and /etc that scap_open()
 * did (all zero when SCRY_NO_PROC_SCAN was set in the environment).
 * @h:   [in] kmod handle.
 * @out: [out] set out->sz first.
 * Return: 0; -EINVAL bad argument; -ENOTSUP not a kmod handle.
 */
SCAP_API int scap_kmod_get_scan_stats(scap_t *h, struct scap_kmod_scan_stats *out);

#ifdef __cplusplus
}
#endif
#endif /* SCAP_KMOD_H */

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * scap_live.h - the controls and counters of a live capture, one API for every engine:
 * the kernel module ("kmod", built into libscap) and the eBPF probe ("bpf", in the
 * library scap_bpf, see scry/scap_bpf.h). Each call goes to an operation of the
 * engine behind the handle; an engine without that operation (a savefile, test_input,
 * noop; the bpf engine has no optional tracepoints) answers -ENOTSUP, with a message
 * naming the engine in scap_last_error().
 *
 *   SCAP_OPTS(scap_open_opts, o, .engine = "kmod", .start = true);
 *   scap_open(&o, &h, errbuf);       // the opening process is excluded (see below)
 *   scap_set_snaplen(h, 256);
 *   ... scap_next(h, &evt) ...
 *   SCAP_OPTS(scap_stats, st);
 *   scap_get_stats(h, &st);
 *
 * The settings of the kmod engine are global to the module (one capture session at a
 * time) and kept until changed or the module is unloaded; those of the bpf engine
 * belong to the handle's probe. Both apply at once, also while capturing.
 *
 * Excluding the capturing process: at scap_open() both live engines set the excluded
 * process to the one that opens the handle (getpid()), before they start and before
 * they read the initial state, so that neither the scan of /proc nor the consumer's
 * own polling feeds the rings. The events of every thread of that process are then not
 * produced at all (the kernel module and the probe skip them: not written, not
 * counted). scap_set_exclude_tgid() changes it; 0 excludes nothing.
 */
#ifndef SCAP_LIVE_H
#define SCAP_LIVE_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

#include <scry/scap.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Counters summed over every CPU's ring since the handle was opened (both engines:
 * the module's ring control pages, the probe's ring headers; same meanings). */
struct scap_stats {
	size_t sz;                 /* sizeof(struct scap_stats), set by the caller */
	uint64_t n_evts;           /* events written to the rings */
	uint64_t n_drop_full;      /* events dropped: the ring was full */
	uint64_t n_drop_pf;        /* user-memory reads that faulted (event kept, parameter
	                              empty or partial) */
	uint64_t n_drop_big;       /* events dropped: larger than the largest record */
	uint64_t n_drop_nest;      /* events dropped: raised inside another probe */
	uint32_t ncpus;            /* rings (possible CPUs) */
	uint64_t ring_bytes;       /* data bytes of each ring */
	uint64_t n_count_lost;     /* syscalls the per-process counters could not count: their
	                              table was full (scap_set_counting()); summed over the
	                              CPUs, not per CPU (scap_get_cpu_stats() gives 0) */
};

/* What the scan of the initial state at scap_open() read (scap_get_state() has the
 * state itself). */
struct scap_scan_stats {
	size_t sz;                 /* sizeof(struct scap_scan_stats), set by the caller */
	uint32_t nprocs;           /* processes read */
	uint32_t nthreads;         /* threads read, processes included */
	uint32_t nfds;             /* fds read */
	uint32_t nskipped;         /* entries that vanished while read */
	uint32_t nnetns;           /* network namespaces whose socket tables were read */
	uint64_t elapsed_ns;       /* wall time of the scan, ns */
};

/* Capture modes (scap_set_mode()), a bit set; 0 is the default: an enter and an exit
 * event per syscall. The values are the ABI's (SCAP_ABI_MODE_*). */
enum scap_mode {
	/* No enter events from the engine: each syscall's exit event carries the
	 * parameters of its enter event (appended after the schema's own when it lacks
	 * any of them by name). scap_next() hands each such exit out as two records: the
	 * enter event rebuilt from them (the exit's timestamp, tid and cpu; parameters
	 * read when the syscall returned), then the exit with the schema's parameters
	 * only; other events pass through. The stream thus reads as a full capture in
	 * which each syscall's enter and exit share a timestamp. bpf: sys_enter is
	 * detached while the mode is set. */
	SCAP_MODE_EXIT_ONLY = 1u << 0,
};

/* Optional tracepoints (scap_set_tracepoints()), off after open. The values are the
 * ABI's (SCAP_ABI_TP_*). */
enum scap_tracepoint {
	SCAP_TP_SCHED_SWITCH = 1u << 0,    /* sched_switch -> switch events */
	SCAP_TP_SIGNAL_DELIVER = 1u << 1,  /* signal_deliver -> signaldeliver events */
	SCAP_TP_PAGE_FAULT = 1u << 2,      /* page_fault_user -> page_fault events */
};

/* Words of a syscall set (scap_set_syscalls()): 1024 bits, one per scap syscall code. */
#define SCAP_SYSCALL_SET_WORDS 16

/**
 * scap_set_snaplen() - bytes of I/O buffers (read/write data) each event carries.
 * @h:     [in] open handle.
 * @bytes: [in] 1..SCAP_ABI_SNAPLEN_MAX (65000); the default is SCAP_ABI_SNAPLEN_DEFAULT
 *         (80, as sysdig). bpf: an event that then passes the probe's largest record
 *         (32 KiB) is dropped and counted (n_drop_big).
 * Return: 0; -EINVAL @h NULL or @bytes out of range; -ENOTSUP the engine has no
 *         snaplen; -errno of the module's ioctl.
 * Thread-safety: one thread per handle.
 */
SCAP_API int scap_set_snaplen(scap_t *h, uint32_t bytes);

/**
 * scap_set_syscalls() - the syscalls to capture (all after open).
 * @h:      [in] open handle.
 * @bits:   [in] a bit per scap syscall code (enum scap_syscall_code): bit i is
 *          bits[i / 64] >> (i % 64) & 1; not kept after the call.
 * @nwords: [in] words of @bits; at most SCAP_SYSCALL_SET_WORDS are read, missing
 *          words count as 0.
 * Return: 0; -EINVAL @h or @bits NULL; -ENOTSUP the engine has no syscall set; -errno
 *         of the module's ioctl.
 * Thread-safety: one thread per handle.
 */
SCAP_API int scap_set_syscalls(scap_t *h, const uint64_t *bits, size_t nwords);

/**
 * scap_set_mode() - choose the capture mode.
 * @h:    [in] open handle.
 * @mode: [in] bit set of enum scap_mode; 0 for the default. A syscall in flight at the
 *        switch may get two enter events (the engine's and the one rebuilt from its
 *        exit), or an enter rebuilt from an exit that lacks its parameters (empty
 *        values). In exit-only mode scap_next_batch() returns one event a call.
 * Return: 0; -EINVAL @h NULL or unknown bits; -ENOTSUP the engine has no modes;
 *         -ENOMEM; -errno of the module's ioctl (its tracepoints could not be
 *         re-registered) or of attaching the probe's sys_enter again (bpf).
 * Thread-safety: one thread per handle.
 */
SCAP_API int scap_set_mode(scap_t *h, uint32_t mode);

/**
 * scap_set_tracepoints() - turn the optional tracepoints on or off (kmod only today).
 * @h:    [in] open handle.
 * @mask: [in] bit set of enum scap_tracepoint: those on, the others off. Applied at
 *        once when capturing, else at the next scap_start().
 * Return: 0; -EINVAL @h NULL or unknown bits; -ENOENT a tracepoint this kernel does
 *         not have; -ENOTSUP the engine has no optional tracepoints (bpf); -errno of
 *         the module's ioctl (registration failed).
 * Thread-safety: one thread per handle.
 */
SCAP_API int scap_set_tracepoints(scap_t *h, uint32_t mask);

/**
 * scap_set_exclude_tgid() - the process whose events the engine does not produce.
 * @h:    [in] open handle.
 * @tgid: [in] process id (thread group id) as the initial pid namespace numbers it
 *        (what getpid() gives outside containers): the events of all its threads are
 *        left out in the kernel (not written, not counted); 0 excludes nothing. The
 *        default, set by scap_open(), is getpid() of the process that opened @h (inside
 *        a pid namespace that number names another process, or none: set it here).
 * Return: 0; -EINVAL @h NULL; -ENOTSUP the engine has no such filter; -errno of the
 *         module's ioctl.
 * Thread-safety: one thread per handle.
 */
SCAP_API int scap_set_exclude_tgid(scap_t *h, uint32_t tgid);

/**
 * scap_get_cpu_stats() - the engine's counters of one CPU's ring since the open (the
 * per-CPU terms of scap_get_stats(): Falco's n_evts_cpu and n_drops_cpu).
 * @h:   [in] open handle.
 * @cpu: [in] CPU number, 0 .. ncpus - 1 (scap_get_stats()'s ncpus: possible CPUs; an
 *       offline CPU's ring counts nothing); the @cpu of the events (scap_evt_ref.cpu).
 * @out: [out] as scap_get_stats(): the counters of that ring; ncpus and ring_bytes as
 *       scap_get_stats() gives them. Set out->sz first.
 * Return: 0; -EINVAL @h/@out NULL, out->sz smaller than a size_t, or no ring @cpu
 *         (scap_last_error() says so); -ENOTSUP the engine has no per-CPU counters.
 * Thread-safety: one thread per handle.
 */
SCAP_API int scap_get_cpu_stats(scap_t *h, uint32_t cpu, struct scap_stats *out);

/**
 * scap_get_stats() - the engine's counters, summed over every CPU since the open.
 * @h:   [in] open handle.
 * @out: [out] set out->sz first; a smaller (older) struct gets its prefix.
 * Return: 0; -EINVAL @h/@out NULL or out->sz smaller than a size_t; -ENOTSUP the
 *         engine has no counters.
 * Thread-safety: one thread per handle.
 */
SCAP_API int scap_get_stats(scap_t *h, struct scap_stats *out);

/**
 * scap_get_scan_stats() - counters of the scan of /proc and /etc that scap_open() of
 * a live engine did (all zero when opts.no_proc_scan was set).
 * @h:   [in] open handle.
 * @out: [out] set out->sz first; a smaller (older) struct gets its prefix.
 * Return: 0; -EINVAL @h/@out NULL or out->sz smaller than a size_t; -ENOTSUP the
 *         engine reads no initial state from the system (savefile, test_input, noop).
 * Thread-safety: one thread per handle.
 */
SCAP_API int scap_get_scan_stats(scap_t *h, struct scap_scan_stats *out);

/**
 * scap_set_syscalls_tcp_skip() - syscalls of the syscall set (scap_set_syscalls()) to
 * treat as outside it when their first argument is a TCP socket (an AF_INET or
 * AF_INET6 socket of protocol IPPROTO_TCP, as the kernel has it when the call enters
 * and when it returns): counted (scap_set_counting()) or skipped, on both sides (a
 * call whose fd changes in between may have one side only). Meant for sendto, sendmsg,
 * recvfrom and recvmsg when what reads the capture needs them only on other sockets
 * (sinsp_rules_syscalls_tcp(), sinsp_state_syscalls_tcp()); none after open.
 * @h:      [in] open handle.
 * @bits:   [in] a bit per scap syscall code, as scap_set_syscalls()'s; not kept.
 * @nwords: [in] words of @bits; at most SCAP_SYSCALL_SET_WORDS are read, missing
 *          words count as 0.
 * Return: 0; -EINVAL @h or @bits NULL; -ENOTSUP the engine cannot tell TCP sockets
 *         (kmod: it sends every call of its set).
 * Thread-safety: one thread per handle.
 */
SCAP_API int scap_set_syscalls_tcp_skip(scap_t *h, const uint64_t *bits, size_t nwords);

/* Per-process counters of the syscalls a live engine did not send as events (those
 * outside its syscall set), while counting is on (scap_set_counting()). How each
 * syscall counts is its exit event type's class (scap_syscall_count_class(),
 * scry/scap_syscalls.h): the same figures a consumer gets by counting those events. */
struct scap_proc_counts {
	size_t sz;                 /* sizeof(struct scap_proc_counts), set by libscap */
	uint32_t tgid;             /* the process (its id in the initial pid namespace) */
	uint64_t calls;            /* syscall exits (SCAP_COUNT_CALL) */
	uint64_t failures;         /* of those with a result (SCAP_COUNT_RES): negative ones */
	uint64_t file_read_bytes;  /* positive results of SCAP_COUNT_READ calls on a regular
	                              file, directory, character or block device */
	uint64_t file_write_bytes; /* ... of SCAP_COUNT_WRITE calls */
	uint64_t net_in_bytes;     /* positive results of SCAP_COUNT_READ calls on an
	                              AF_INET or AF_INET6 socket */
	uint64_t net_out_bytes;    /* ... of SCAP_COUNT_WRITE calls */
};

/**
 * scap_set_counting() - count, per process, the syscalls left out of the syscall set
 * (scap_set_syscalls()) instead of only skipping them (off after open). Each counter
 * only grows, from a process's first counted syscall, until scap_counts_delete(); a
 * syscall moved out of or into the set by scap_set_syscalls() is counted or sent from
 * its next exit on: never both. A counted syscall costs its process a table update in
 * the kernel instead of an event.
 * @h:  [in] open handle.
 * @on: [in] true to count; false stops (the counts so far stay readable).
 * Return: 0; -EINVAL @h NULL; -ENOTSUP the engine has no counters (kmod: its consumers
 *         must capture every syscall whose figures they need).
 * Thread-safety: one thread per handle.
 */
SCAP_API int scap_set_counting(scap_t *h, bool on);

/* Called with each process's counts; a non-zero return stops the iteration and is
 * returned by scap_counts_foreach(). @c is valid during the call only. */
typedef int (*scap_counts_fn)(void *ctx, const struct scap_proc_counts *c);

/**
 * scap_counts_foreach() - the counts of every process counted so far (live ones and
 * exited ones not deleted yet), as they are now, in no order.
 * @h:   [in] open handle.
 * @fn:  [in] called once per process; it must not call scap_counts_delete() (collect
 *       the processes to delete, delete them after).
 * @ctx: [in] passed to @fn.
 * Return: 0; @fn's non-zero return; -EINVAL @h or @fn NULL; -ENOTSUP no counters;
 *         -ENOMEM; -errno reading the kernel's table.
 * Thread-safety: one thread per handle.
 */
SCAP_API int scap_counts_foreach(scap_t *h, scap_counts_fn fn, void *ctx);

/**
 * scap_counts_delete() - forget the counts of process @tgid (an exited one, after its
 * last read: what it counted between that read and this call is lost; a live one
 * starts again from zero at its next counted syscall).
 * @h:    [in] open handle.
 * @tgid: [in] process id.
 * Return: 0; -ENOENT no counts for @tgid; -EINVAL @h NULL; -ENOTSUP no counters.
 * Thread-safety: one thread per handle.
 */
SCAP_API int scap_counts_delete(scap_t *h, uint32_t tgid);

#ifdef __cplusplus
}
#endif
#endif /* SCAP_LIVE_H */

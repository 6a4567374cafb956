/* SPDX-License-Identifier: Apache-2.0 */
/*
 * scap_bpf.h - settings and statistics of the "bpf" engine, the live capture from
 * scry's eBPF probe (CO-RE, raw tracepoints, one mapped ring per CPU), for hosts
 * that lack or forbid the kernel module but offer BPF with BTF. Open it with
 *
 *   SCAP_OPTS(scap_open_opts, o, .engine = "bpf");
 *   scap_open(&o, &h, errbuf);          // loads and attaches the probe
 *   scap_bpf_set_snaplen(h, 80);
 *   scap_start(h);  ... scap_next(h, &evt) ...  scap_stop(h);
 *
 * The events are those of the kernel module, byte for byte the same format (the two
 * share their fillers). scap_open() also reads the initial system state, as the kmod
 * engine does (SCRY_NO_PROC_SCAN in the environment skips it). Each CPU's ring holds
 * 4 MiB - 36 KiB (the largest) unless SCRY_BPF_RING_BYTES (a multiple of 4096, at
 * least 4096) says less.
 * The probe leaves out the events of the process that opened the handle (see
 * scap_bpf_set_exclude_tgid()).
 *
 * Errors of scap_open() name the problem and what to do: this scry was built without
 * the probe, or the kernel has no BTF (-ENOTSUP), capturing needs root (-EPERM), the
 * kernel refused a program (-EINVAL and the like; SCRY_BPF_DEBUG=1 in the environment
 * passes libbpf's messages, the verifier's included, to the log function).
 *
 * Each call here returns -ENOTSUP when @h is not a bpf handle.
 */
#ifndef SCAP_BPF_H
#define SCAP_BPF_H

#include <stdint.h>
#include <stddef.h>

#include <scry/scap.h>
#include <scry/scap_kmod.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * scap_bpf_get_stats() - the probe's counters, summed over every CPU since the open:
 * those of the kernel module, with the same meanings (struct scap_kmod_stats: events,
 * drops by cause, user-memory faults, CPUs, bytes of each ring).
 * @h:   [in] bpf handle.
 * @out: [out] set out->sz first; a smaller (older) struct gets its prefix.
 * Return: 0; -EINVAL bad argument; -ENOTSUP not a bpf handle; -errno of the map read.
 * Thread-safety: one thread per handle.
 */
SCAP_API int scap_bpf_get_stats(scap_t *h, struct scap_kmod_stats *out);

/**
 * scap_bpf_set_snaplen() - bytes of I/O buffers (read/write data) each event carries.
 * @h:       [in] bpf handle.
 * @snaplen: [in] bytes, 1..65000 (default 80, as sysdig); an event that then passes
 *           the probe's largest record (32 KiB) is dropped and counted (n_drop_big).
 * Return: 0; -EINVAL out of range; -ENOTSUP not a bpf handle.
 */
SCAP_API int scap_bpf_set_snaplen(scap_t *h, uint32_t snaplen);

/**
 * scap_bpf_set_syscalls() - the syscalls to capture (all after open).
 * @h:    [in] bpf handle.
 * @bits: [in] a bit per scap syscall code (enum scap_syscall_code): bit i is
 *        bits[i / 64] >> (i % 64) & 1; @nwords words (at most 16 are used).
 * Return: 0; -EINVAL bits NULL; -ENOTSUP not a bpf handle.
 */
SCAP_API int scap_bpf_set_syscalls(scap_t *h, const uint64_t *bits, size_t nwords);

/**
 * scap_bpf_set_mode() - choose the capture mode (enum scap_kmod_mode bits, the module's).
 * @h:    [in] bpf handle.
 * @mode: [in] 0 (the default: an enter and an exit event per syscall) or
 *        SCAP_KMOD_MODE_EXIT_ONLY (no enter events; each exit event appends the
 *        parameters of its enter event, as the module does). Applied at once.
 * Return: 0; -EINVAL unknown bits; -ENOTSUP not a bpf handle.
 * Thread-safety: one thread per handle.
 */
SCAP_API int scap_bpf_set_mode(scap_t *h, uint32_t mode);

/**
 * scap_bpf_set_exclude_tgid() - the process whose events the probe does not produce.
 * @h:    [in] bpf handle.
 * @tgid: [in] process id; 0: none. The default is the process that opened @h (a
 *        consumer would otherwise capture its own reads of the rings, forever).
 * Return: 0; -EINVAL @h NULL; -ENOTSUP not a bpf handle.
 */
SCAP_API int scap_bpf_set_exclude_tgid(scap_t *h, uint32_t tgid);

#ifdef __cplusplus
}
#endif
#endif /* SCAP_BPF_H */

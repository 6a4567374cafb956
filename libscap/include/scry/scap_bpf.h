/* SPDX-License-Identifier: Apache-2.0 */
/*
 * scap_bpf.h - the "bpf" engine: live capture from scry's eBPF probe (CO-RE, raw
 * tracepoints, one mapped ring per CPU), for hosts that lack or forbid the kernel
 * module but offer BPF with BTF. It is the library scap_bpf (libscap_bpf.a /
 * libscap_bpf.so.0; CMake target scap_bpf, exported as scry::scap_bpf), not libscap:
 * it links libbpf and embeds the probe object, which a tool that only reads capture
 * files should not carry. Link it and hand its engine to scap_open():
 *
 *   SCAP_OPTS(scap_open_opts, o, .engine_impl = scap_bpf_engine(), .start = true);
 *   scap_open(&o, &h, errbuf);          // loads and attaches the probe
 *   scap_set_snaplen(h, 256);           // scry/scap_live.h: the same calls as kmod
 *   ... scap_next(h, &evt) ...
 *
 * (opts.engine "bpf" without engine_impl fails with -ENOTSUP, naming this library.)
 * The events are those of the kernel module, byte for byte the same format (the two
 * share their fillers). scap_open() also reads the initial system state, as the kmod
 * engine does (opts.no_proc_scan skips it). Each CPU's ring holds 4 MiB - 36 KiB (the
 * largest) unless opts.ring_bytes (a multiple of 4096, at least 4096) says less. The
 * probe leaves out the events of the process that opened the handle
 * (scap_set_exclude_tgid() changes it). The bpf engine has no optional tracepoints
 * (scap_set_tracepoints() gives -ENOTSUP).
 *
 * Errors of scap_open() name the problem: the kernel has no BTF (-ENOTSUP), capturing
 * needs root (-EPERM), the kernel refused a program (-EINVAL and the like; with
 * opts.log_loader libbpf's messages, the verifier's included, go to opts.log_fn).
 */
#ifndef SCAP_BPF_H
#define SCAP_BPF_H

#include <scry/scap.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * scap_bpf_engine() - the bpf engine, for scap_open_opts.engine_impl.
 * Return: a static descriptor (never NULL), valid for the life of the program.
 * Thread-safety: any thread.
 */
SCAP_API const struct scap_engine_ops *scap_bpf_engine(void);

#ifdef __cplusplus
}
#endif
#endif /* SCAP_BPF_H */

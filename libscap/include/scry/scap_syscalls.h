/* SPDX-License-Identifier: Apache-2.0 */
/*
 * scap_syscalls.h - which syscalls make which events, for building the syscall set a
 * live engine captures (scap_set_syscalls(), scry/scap_live.h), and how the engines'
 * per-process counters count the syscalls left out of it (scap_set_counting()).
 *
 *   uint64_t set[SCAP_SYSCALL_SET_WORDS] = { 0 };
 *   scap_syscall_set_add_event(set, SCAP_EVT_SYSCALL_OPENAT_2_X);  // openat's code
 *   scap_syscall_set_add(set, SCAP_SC_MKDIR);                       // a generic one
 *   scap_set_syscalls(h, set, SCAP_SYSCALL_SET_WORDS);
 *
 * The map from syscalls to events is the engines' own (driver/syscall_map.c, compiled
 * in here): x86_64's native syscall numbers, each with its scap code (the set's bit) and
 * the enter event that describes it (the exit event is the next type); a syscall with
 * no event of its own makes the generic events (SCAP_EVT_GENERIC_E/X), which carry the
 * code.
 */
#ifndef SCAP_SYSCALLS_H
#define SCAP_SYSCALLS_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

#include <scry/scap.h>
#include <scry/scap_live.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Add scap syscall code @code (enum scap_syscall_code, below SCAP_SYSCALL_SET_WORDS *
 * 64) to @set; a larger code is ignored. */
static inline void scap_syscall_set_add(uint64_t *set, uint32_t code)
{
	if (code < SCAP_SYSCALL_SET_WORDS * 64)
		set[code / 64] |= 1ull << (code % 64);
}

/* Whether @set holds code @code (false beyond the set). */
static inline bool scap_syscall_set_has(const uint64_t *set, uint32_t code)
{
	return code < SCAP_SYSCALL_SET_WORDS * 64 && ((set[code / 64] >> (code % 64)) & 1);
}

/**
 * scap_syscall_set_add_event() - add to a syscall set the syscalls whose events have
 * type @type: the codes of every native syscall whose enter event is @type (an enter
 * type) or @type - 1 (an exit type).
 * @set:  [in,out] SCAP_SYSCALL_SET_WORDS words (scry/scap_live.h's layout).
 * @type: [in] event type (enum scap_evt_type). The generic events and types no syscall
 *        makes (procexit, container, scheduler and internal events, ...) add nothing: a
 *        generic event's syscall is its code (scap_syscall_set_add()); the others come
 *        from tracepoints the set does not govern, or from userspace.
 * Return: the number of codes of @type (added now or there already); 0 for the types
 *         above; -EINVAL @set NULL.
 * Thread-safety: any thread (reads static tables).
 */
SCAP_API int scap_syscall_set_add_event(uint64_t *set, uint16_t type);

/**
 * scap_syscall_event_type() - the enter event type the syscall of code @code makes on
 * this machine's architecture (its exit is the next type).
 * @code: [in] scap syscall code (enum scap_syscall_code).
 * Return: the type; SCAP_EVT_GENERIC_E for a syscall with no event of its own;
 *         -ENOENT no native syscall has that code.
 * Thread-safety: any thread.
 */
SCAP_API int scap_syscall_event_type(uint32_t code);

/* How the per-process counters of a live engine count a syscall (bits; see
 * scap_syscall_count_class()). */
enum scap_count_class {
	SCAP_COUNT_CALL = 1u << 0,   /* each exit counts as one call */
	SCAP_COUNT_RES = 1u << 1,    /* the return value is the result: a negative one counts
	                                as a failure */
	SCAP_COUNT_READ = 1u << 2,   /* a positive result is bytes read from the fd of the
	                                first argument */
	SCAP_COUNT_WRITE = 1u << 3,  /* ... bytes written to it */
};

/**
 * scap_syscall_count_class() - how a syscall whose exit event has type @exit_type is
 * counted, by the engines' per-process counters and by consumers that count events (one
 * definition, from the schema): an exit event of a syscall (no internal, meta or
 * scheduler event) is a call; its failure is a negative first parameter named "res"
 * (or "fd", of type fd: the calls that make one); the generic exit event and exits
 * without parameters have no result; bytes are read or written by the types the schema
 * flags SCAP_EF_READS_FROM_FD / SCAP_EF_WRITES_TO_FD, except recvmmsg and sendmmsg
 * (their result counts messages). An exit whose first parameter is no result counts
 * nothing.
 * @exit_type: [in] event type; an enter type, or one out of range, counts nothing.
 * Return: enum scap_count_class bits, 0 for nothing.
 * Thread-safety: any thread.
 */
SCAP_API unsigned scap_syscall_count_class(uint16_t exit_type);

#ifdef __cplusplus
}
#endif
#endif /* SCAP_SYSCALLS_H */

/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * event_table_compat.h - how an event type newer than sysdig 0.29.3's table is written
 * so that 0.29.3 reads it: scap_evt_compat_0293[], defined in event_table_compat.c.
 *
 * sysdig 0.29.3 (falcosecurity/libs of March 2022) knows event types below
 * SCAP_EVT_MAX_0293 and skips the others without a word, losing the state they carry
 * (the fds of dup2, pipe2, accept4, ...). Its own driver (falcosecurity-scap-dkms of the
 * same date) writes those syscalls either as an older version of the event (pipe2 as
 * pipe, dup2/dup3 as dup, accept4 as accept, ...) or as the generic syscall event. This
 * table says which, per event type, and how the parameters of the older version are made
 * from ours. Userspace data only (the dumper's 0.29.3 mode, libscap/dump_compat.c): the
 * drivers do not use it and keep writing the current versions.
 */
#ifndef SCAP_EVENT_TABLE_COMPAT_H
#define SCAP_EVENT_TABLE_COMPAT_H

#include "scap_events.h"

/* Event types sysdig 0.29.3 knows: 0 .. SCAP_EVT_MAX_0293 - 1. */
#define SCAP_EVT_MAX_0293 336

/* Most parameters of an older version made from a newer one. */
#define SCAP_COMPAT_MAX_PARAMS 6

enum scap_compat_kind {
	SCAP_COMPAT_NONE = 0,  /* no 0.29.3 form (not a syscall, or 0.29.3 knows the type):
	                          written as it is */
	SCAP_COMPAT_PARAMS,    /* written as event `to`, its parameters taken from ours by
	                          src[] */
	SCAP_COMPAT_GENERIC,   /* written as the generic event `to` (SCAP_EVT_GENERIC_E or
	                          _X) with syscall code `sc` and, enter only, nativeID
	                          `native` */
	SCAP_COMPAT_BPF_RES_OR_FD, /* bpf exit as SCAP_EVT_SYSCALL_BPF_X: res_or_fd tagged
	                          SCAP_BPF_IDX_FD when our fd (parameter 0) is >= 0 and our
	                          cmd (parameter 1) is BPF_MAP_CREATE (0) or BPF_PROG_LOAD (5),
	                          else SCAP_BPF_IDX_RES, as that driver tags it */
};

/*
 * src[] entry for a parameter of the older version that ours do not hold: @n zero bytes
 * (the value 0.29.3's driver writes: it fills these flags with 0 too).
 */
#define SCAP_COMPAT_ZEROS(n) (-(n))

struct scap_evt_compat {
	__u8 kind;           /* enum scap_compat_kind */
	__u16 to;            /* the event type written instead, < SCAP_EVT_MAX_0293 */
	/*
	 * SCAP_COMPAT_PARAMS: for each parameter i of `to` (scap_evt_table[to].nparams of
	 * them), the index of our parameter copied there (same type), or
	 * SCAP_COMPAT_ZEROS(size). A parameter our record lacks is written as zeros of the
	 * type's size.
	 */
	__s8 src[SCAP_COMPAT_MAX_PARAMS];
	__u16 sc;            /* SCAP_COMPAT_GENERIC: the code of the ID parameter, one
	                        0.29.3 knows (<= SCAP_SC_CLONE3; else SCAP_SC_UNKNOWN) */
	__u16 native;        /* SCAP_COMPAT_GENERIC enter: the nativeID parameter (the
	                        syscall's number on the architecture built for) */
};

/*
 * Indexed by enum scap_evt_type, SCAP_EVT_MAX entries; kind SCAP_COMPAT_NONE for every
 * type below SCAP_EVT_MAX_0293 and for the newer types without a syscall form (user and
 * group events, asyncevent). Static data.
 */
extern const struct scap_evt_compat scap_evt_compat_0293[];

#endif /* SCAP_EVENT_TABLE_COMPAT_H */

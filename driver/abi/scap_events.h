/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * scap_events.h - the event schema: one source of truth for every event type of the
 * scap format (numbers, names, directions, categories, flags, parameters), compiled
 * into the kernel module, the eBPF probe and the userspace libraries.
 *
 * Numbers and layouts are facts of the scap capture format (the event table of
 * falcosecurity/libs, as read by sysdig 0.29.3); the representation is scry's own.
 * Rules for evolving it: an event's parameter list only grows at the end; any other
 * change adds a new event number and flags the old one SCAP_EF_OLD_VERSION. Numbers
 * are never reused.
 */
#ifndef SCAP_EVENTS_H
#define SCAP_EVENTS_H

#include "scap_abi.h"

#define SCAP_MAX_EVENT_PARAMS 32   /* upper bound on nparams of any event */
#define SCAP_MAX_NAME_LEN 32

/* ---- filled in by the schema (see event_table.c) ---------------------------- */
/* @SCHEMA_ENUMS@ */

/* A named value of a flag set or enumeration, for rendering ("O_RDONLY" = 0). */
struct scap_name_value {
	const char *name;
	__u32 value;
};

/* One parameter of an event. */
struct scap_param_info {
	const char *name;   /* as printed: "fd", "name", "flags" */
	__u8 type;          /* enum scap_param_type */
	__u8 fmt;           /* enum scap_print_fmt */
	/*
	 * Extra information depending on type: for SCAP_PT_FLAGS*/SCAP_PT_ENUMFLAGS* the
	 * value table (NULL-name terminated); for SCAP_PT_FSRELPATH the index of the dirfd
	 * parameter (as (const void *)(uintptr_t)idx); for SCAP_PT_DYN the table of the
	 * possible types (struct scap_param_info[], ninfo entries); else NULL.
	 */
	const void *info;
	__u8 ninfo;         /* entries of info for SCAP_PT_DYN, else 0 */
};

/* One event type. */
struct scap_evt_info {
	const char *name;       /* "open"; generic syscalls are "syscall" */
	__u32 category;         /* enum scap_evt_category (may OR SCAP_EC_* bits) */
	__u32 flags;            /* enum scap_evt_flags bits */
	__u32 nparams;          /* parameters of the current version */
	struct scap_param_info params[SCAP_MAX_EVENT_PARAMS];
};

/* The table, indexed by enum scap_evt_type; SCAP_EVT_MAX entries. */
extern const struct scap_evt_info scap_evt_table[];

/* Syscall names indexed by the scap syscall code carried in generic events. */
extern const char *const scap_syscall_names[];

/* Direction of an event: even numbers are enter (">"), odd are exit ("<"). */
static inline int scap_evt_is_enter(__u16 type) { return (type & 1) == 0; }

#endif /* SCAP_EVENTS_H */

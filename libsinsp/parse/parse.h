/* SPDX-License-Identifier: Apache-2.0 */
/*
 * parse.h - the per-event-family state parsers, called through sinsp_dispatch().
 */
#ifndef SINSP_PARSE_H
#define SINSP_PARSE_H

#include <string.h>

#include "event/event.h"
#include "state/threads.h"
#include "state/fdtable.h"

/*
 * parse.c: apply an event to the state in two steps, as sysdig does (a filter may be
 * matched in between). sinsp_parse_reset(): the event's thread (a placeholder for an
 * unknown tid), the thread's enter/exit pairing and latency, the event's fd; then
 * sinsp_dispatch() (parse.h): the event's parser.
 */
void sinsp_parse_reset(struct sinsp *s, struct sinsp_evt *evt);
/* sinsp_parse_reset_rejected() (below, inline: most events of a filtered replay) */

/*
 * What sysdig's filtering does to the state, for sinsp_filter_match() (its header
 * lists the effects for callers). sysdig filters an event that does not modify state
 * before parsing it, and when it rejects it, it forgets the thread's last event type;
 * the exit event that follows then fails enter/exit pairing and has no fd of its own
 * (evt.buflen and the I/O evt.category do not resolve; fd.* fields still find the fd
 * through the thread's last fd number). Reproduced for identical output.
 *
 * sinsp_parse_filter_unpair(), before a filter is evaluated on evt: an exit event of
 * a type that uses an fd (SCAP_EF_USES_FD) whose thread has no valid enter event loses
 * its fd (evt->fd = NULL); then a write exit without an fd takes the fd of its thread's
 * last fd number (sysdig looks for a tracer on it first).
 * sinsp_parse_filter_rejected(), when a filter rejects evt: its thread forgets its last
 * event type (last_type = SCAP_EVT_MAX), unless the type modifies state, skips the
 * parse reset (SCAP_EF_SKIPPARSERESET) or is a scheduler switch.
 */
/* sinsp_parse_filter_unpair(), sinsp_parse_filter_rejected(): at the end of this file, inline */

/* Route evt to its parser (parse_dispatch.c). */
void sinsp_dispatch(struct sinsp *s, struct sinsp_evt *evt);

/* Properties of an event type that the parser's bookkeeping needs (parse_dispatch.c). */
enum sinsp_type_prop {
	SINSP_TYPE_SCHED_SWITCH = 1 << 0,        /* "switch": no enter/exit pairing */
	SINSP_TYPE_NO_THREAD_CREATE = 1 << 1,    /* an unknown tid gets no placeholder thread */
	SINSP_TYPE_UNCOUNTED = 1 << 2,           /* meta event sysdig 0.29.3 does not number */
	SINSP_TYPE_HIDDEN = 1 << 3,              /* never shown: internal, uncounted */
	/* schema flags the per-event path tests, kept here to read one table */
	SINSP_TYPE_MODIFIES_STATE = 1 << 4,      /* SCAP_EF_MODIFIES_STATE */
	SINSP_TYPE_USES_FD = 1 << 5,             /* SCAP_EF_USES_FD */
	SINSP_TYPE_NO_PAIRING = 1 << 6,          /* SCAP_EF_SKIPPARSERESET, or a switch: no
	                                            enter/exit pairing */
	SINSP_TYPE_CONTAINER_JSON = 1 << 7,      /* a JSON container event: its thread is the
	                                            container's own (sinsp_container_thread()),
	                                            never one of the table */
};

/*
 * A container event, any version: the events a capture starts with that are its
 * start-up state (struct sinsp_evt.startup).
 */
static inline bool sinsp_type_is_container(uint16_t type)
{
	return type == SCAP_EVT_CONTAINER_E || type == SCAP_EVT_CONTAINER_JSON_E ||
	       type == SCAP_EVT_CONTAINER_JSON_2_E;
}

/* enum sinsp_type_prop bits of each event type, filled by sinsp_dispatch_init(). */
extern uint8_t sinsp_type_props_table[SCAP_EVT_MAX];

/*
 * Properties of type; an out-of-schema type gets SINSP_TYPE_NO_THREAD_CREATE only, as
 * do types without a name and SCAP_EF_SKIPPARSERESET ones.
 */
static inline uint32_t sinsp_type_props(uint16_t type)
{
	return type < SCAP_EVT_MAX ? sinsp_type_props_table[type] : SINSP_TYPE_NO_THREAD_CREATE;
}

/* Build the parser tables (idempotent, thread-safe); sinsp_open() calls it. */
void sinsp_dispatch_init(void);

uint32_t sinsp_enter_params(const struct sinsp_thread *t, struct sinsp_param *params, uint32_t max);

/*
 * Parameters that the frequent parsers look up, by key instead of by name:
 * sinsp_dispatch_init() fills sinsp_pkey_index with the index of each key's name in
 * each event type (names are stable within a type), so a lookup is two loads, not a
 * strcmp() per parameter. X(key, name) for each.
 */
#define SINSP_PARAM_KEYS(X) \
	X(FD, "fd") X(RES, "res") X(NAME, "name") X(PATH, "path") X(DIRFD, "dirfd") \
	X(FLAGS, "flags") X(DEV, "dev") X(INO, "ino") X(CMD, "cmd") X(OLDFD, "oldfd") \
	X(FD1, "fd1") X(FD2, "fd2") X(TUPLE, "tuple") X(ADDR, "addr") X(SOURCE, "source") \
	X(PEER, "peer") X(DOMAIN, "domain") X(TYPE, "type") X(PROTO, "proto")

enum sinsp_pkey {
#define SINSP_PKEY_ENUM(key, name) SINSP_P_##key,
	SINSP_PARAM_KEYS(SINSP_PKEY_ENUM)
#undef SINSP_PKEY_ENUM
	SINSP_P_COUNT
};

/* [type][key]: index of the key's parameter in that event type, -1 when it has none. */
extern int8_t sinsp_pkey_index[SCAP_EVT_MAX][SINSP_P_COUNT];

/* Index of key in event type among its first n parameters, -1 when absent. */
static inline int sinsp_pkey_find(uint16_t type, uint32_t n, enum sinsp_pkey key)
{
	int i = type < SCAP_EVT_MAX ? sinsp_pkey_index[type][key] : -1;

	return i >= 0 && (uint32_t)i < n ? i : -1;
}

/* parse_proc.c */
void sinsp_parse_clone_exit(struct sinsp *s, struct sinsp_evt *evt);
void sinsp_parse_execve_exit(struct sinsp *s, struct sinsp_evt *evt);
void sinsp_parse_procexit(struct sinsp *s, struct sinsp_evt *evt);
void sinsp_parse_chdir_exit(struct sinsp *s, struct sinsp_evt *evt);
/*
 * Scheduler switch (switch with counters): the switching thread's page faults, its
 * process's memory sizes (main thread). brk/mmap/mmap2/munmap exits: the thread's
 * vm_size, and vm_rss/vm_swap when the event has them. sysdig 0.29.3 does the same.
 */
void sinsp_parse_switch(struct sinsp *s, struct sinsp_evt *evt);
void sinsp_parse_vm_exit(struct sinsp *s, struct sinsp_evt *evt);

/* parse_creds.c */
void sinsp_parse_setuid_exit(struct sinsp *s, struct sinsp_evt *evt);
void sinsp_parse_setgid_exit(struct sinsp *s, struct sinsp_evt *evt);
void sinsp_parse_capset_exit(struct sinsp *s, struct sinsp_evt *evt);
void sinsp_parse_setsid_exit(struct sinsp *s, struct sinsp_evt *evt);
void sinsp_parse_setpgid_exit(struct sinsp *s, struct sinsp_evt *evt);
void sinsp_parse_prctl_exit(struct sinsp *s, struct sinsp_evt *evt);
void sinsp_parse_unshare_setns_exit(struct sinsp *s, struct sinsp_evt *evt);
void sinsp_parse_user_event(struct sinsp *s, struct sinsp_evt *evt);
void sinsp_parse_group_event(struct sinsp *s, struct sinsp_evt *evt);
void sinsp_parse_container_evt(struct sinsp *s, struct sinsp_evt *evt);

/* parse_fd.c: helpers shared by the fd and network parsers */

/* The saved enter event of the current exit event, decoded. */
struct sinsp_enter {
	const struct scap_evt_info *info; /* NULL when there is none */
	uint16_t type;                    /* its event type, when info is set */
	struct sinsp_param p[SINSP_MAX_PARAMS];
	uint32_t n;
};

/* Load the enter event paired with exit event evt; false when it was not seen. */
bool sinsp_enter_load(const struct sinsp_evt *evt, struct sinsp_enter *e);
/* Named parameter of the enter event e, NULL when it has none (sinsp_info_param()). */
static inline const struct sinsp_param *sinsp_enter_param(const struct sinsp_enter *e,
							  const char *name)
{
	int i = e->info ? sinsp_info_param(e->info, e->n, name) : -1;

	return i < 0 ? NULL : &e->p[i];
}

/* sinsp_evt_param() and sinsp_enter_param() by key (same results, no name compares). */
static inline const struct sinsp_param *sinsp_evt_pk(const struct sinsp_evt *evt,
						     enum sinsp_pkey key)
{
	int i = evt->ref.type < SCAP_EVT_MAX ? sinsp_pkey_index[evt->ref.type][key] : -1;

	/* the table is decoded only for a type that has the key */
	return i < 0 ? NULL : sinsp_evt_param_at(evt, (uint32_t)i);
}

static inline const struct sinsp_param *sinsp_enter_pk(const struct sinsp_enter *e,
						       enum sinsp_pkey key)
{
	int i = e->info ? sinsp_pkey_find(e->type, e->n, key) : -1;

	return i < 0 ? NULL : &e->p[i];
}

/* parse_fd.c */
void sinsp_parse_open_exit(struct sinsp *s, struct sinsp_evt *evt);
void sinsp_parse_close_exit(struct sinsp *s, struct sinsp_evt *evt);
void sinsp_parse_dup_exit(struct sinsp *s, struct sinsp_evt *evt);
void sinsp_parse_pipe_exit(struct sinsp *s, struct sinsp_evt *evt);
void sinsp_parse_simple_fd_exit(struct sinsp *s, struct sinsp_evt *evt, int32_t fd_type, const char *name);
void sinsp_parse_fd_param1_exit(struct sinsp *s, struct sinsp_evt *evt);

/* parse_net.c */
void sinsp_parse_socket_exit(struct sinsp *s, struct sinsp_evt *evt);
void sinsp_parse_connect_exit(struct sinsp *s, struct sinsp_evt *evt);
void sinsp_parse_accept_exit(struct sinsp *s, struct sinsp_evt *evt);
void sinsp_parse_bind_exit(struct sinsp *s, struct sinsp_evt *evt);
void sinsp_parse_sendto_enter(struct sinsp *s, struct sinsp_evt *evt);
void sinsp_parse_sendto_exit(struct sinsp *s, struct sinsp_evt *evt);
void sinsp_parse_recvfrom_exit(struct sinsp *s, struct sinsp_evt *evt);
void sinsp_parse_connect_enter(struct sinsp *s, struct sinsp_evt *evt);
void sinsp_parse_socketpair_exit(struct sinsp *s, struct sinsp_evt *evt);

/* ---- the reset's steps, inline for sinsp_parse_reset_rejected() ---------------------- */

/* The placeholder thread of evt's tid, which the capture did not describe (parse.c). */
struct sinsp_thread *sinsp_parse_new_thread(struct sinsp *s, const struct sinsp_evt *evt);

/* The thread of evt, a placeholder created for a tid the capture did not describe. */
static inline struct sinsp_thread *sinsp_parse_evt_thread(struct sinsp *s,
							  const struct sinsp_evt *evt)
{
	struct sinsp_thread *t = sinsp_thread_find(s, (int64_t)evt->ref.tid);

	if (!t && !(evt->props & SINSP_TYPE_NO_THREAD_CREATE) && evt->ref.tid != 0)
		t = sinsp_parse_new_thread(s, evt);
	return t;
}

/* Latency of an enter event (0, and the start of the next exit's). */
static inline void sinsp_parse_enter_latency(struct sinsp_thread *t, const struct sinsp_evt *evt)
{
	t->latency_ns = 0;
	t->enter_ts = evt->ref.ts_ns;
}

/*
 * Pairing of an exit event with the thread's last event, and its latency: from the
 * thread's last enter event whether they pair or not (a thread that never entered
 * keeps its latency), as sysdig measures it.
 */
static inline void sinsp_parse_pair_exit(struct sinsp_thread *t, const struct sinsp_evt *evt)
{
	t->enter_valid = t->last_type == (uint16_t)(evt->ref.type - 1) && t->enter_len;
	if (t->enter_ts)
		t->latency_ns = evt->ref.ts_ns - t->enter_ts;
}

/* The fd an enter event names (its first parameter), -1 for events without one. */
static inline int64_t sinsp_parse_enter_fd(const struct sinsp_evt *evt)
{
	struct sinsp_param p;

	if (!(evt->props & SINSP_TYPE_USES_FD) || !sinsp_evt_param0(evt, &p))
		return -1;
	return sinsp_param_val_s64(&p, -1);
}

/*
 * The reset of an event that a filter rejects by its type alone and that does not
 * modify state (no parser runs for it): the state ends as sinsp_parse_reset() and the
 * rejection leave it (the thread forgets its last event type, so the next exit event
 * pairs with nothing), without saving the enter event that nothing can read now.
 */
static inline void sinsp_parse_reset_rejected(struct sinsp *s, struct sinsp_evt *evt)
{
	struct sinsp_thread *t = evt->props & SINSP_TYPE_CONTAINER_JSON ? NULL :
				 sinsp_parse_evt_thread(s, evt);

	evt->thread = t;
	if (!t || (evt->props & SINSP_TYPE_NO_PAIRING))
		return;
	if (scap_evt_is_enter(evt->ref.type)) {
		/* not saved: with last_type forgotten no exit event pairs with it */
		t->enter_valid = false;
		t->enter_len = 0;
		sinsp_parse_enter_latency(t, evt);
		t->last_fd = sinsp_parse_enter_fd(evt);
	} else {
		sinsp_parse_pair_exit(t, evt);
	}
	t->last_type = SCAP_EVT_MAX; /* the rejection, as in sinsp_filter_match() */
	t->last_ts = evt->ref.ts_ns;
}

/* The filter side of sysdig's parse reset (above), inline: on every filtered event. */
static inline void sinsp_parse_filter_unpair(struct sinsp_evt *evt)
{
	struct sinsp_thread *t = evt->thread;

	/* props, not the schema entry: one small table for every event (parse.h) */
	if (t && !scap_evt_is_enter(evt->ref.type) && (evt->props & SINSP_TYPE_USES_FD) &&
	    !t->enter_valid)
		evt->fd = NULL;
	/*
	 * Except a write exit: before filtering one, sysdig looks for a tracer on its fd
	 * and keeps the fd of the thread's last fd number it found for it, paired or not.
	 */
	if (t && !evt->fd && evt->ref.type == SCAP_EVT_SYSCALL_WRITE_X)
		evt->fd = sinsp_fd_find(t, t->last_fd);
}

static inline void sinsp_parse_filter_rejected(struct sinsp_evt *evt)
{
	struct sinsp_thread *t = evt->thread;

	/* not after SCAP_EF_MODIFIES_STATE or SCAP_EF_SKIPPARSERESET types nor switches
	 * (SINSP_TYPE_NO_PAIRING is the last two) */
	if (t && !(evt->props & (SINSP_TYPE_MODIFIES_STATE | SINSP_TYPE_NO_PAIRING)))
		t->last_type = SCAP_EVT_MAX;
}

#endif /* SINSP_PARSE_H */

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * parse.h - the per-event-family state parsers, called through sinsp_dispatch().
 */
#ifndef SINSP_PARSE_H
#define SINSP_PARSE_H

#include <string.h>

#include "sinsp_int.h"

/* Route evt to its parser (parse_dispatch.c). */
void sinsp_dispatch(struct sinsp *s, struct sinsp_evt *evt);

/* Properties of an event type that the parser's bookkeeping needs (parse_dispatch.c). */
enum sinsp_type_prop {
	SINSP_TYPE_SCHED_SWITCH = 1 << 0,        /* "switch": no enter/exit pairing */
	SINSP_TYPE_NO_THREAD_CREATE = 1 << 1,    /* an unknown tid gets no placeholder thread */
	SINSP_TYPE_UNCOUNTED = 1 << 2,           /* meta event sysdig 0.29.3 does not number */
	SINSP_TYPE_HIDDEN = 1 << 3,              /* never shown: internal, container, uncounted */
	/* schema flags the per-event path tests, kept here to read one table */
	SINSP_TYPE_MODIFIES_STATE = 1 << 4,      /* SCAP_EF_MODIFIES_STATE */
	SINSP_TYPE_USES_FD = 1 << 5,             /* SCAP_EF_USES_FD */
	SINSP_TYPE_NO_PAIRING = 1 << 6,          /* SCAP_EF_SKIPPARSERESET, or a switch: no
	                                            enter/exit pairing */
};

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

/* a and b are the same name; the first byte rules out most others without a call. */
static inline bool sinsp_name_is(const char *a, const char *b)
{
	return a[0] == b[0] && strcmp(a, b) == 0;
}

/* Index of the named parameter of an event description, -1 when absent. */
int sinsp_info_param(const struct scap_evt_info *info, uint32_t nparams, const char *name);

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

/* Named parameter of evt, NULL when this version of the event lacks it. */
const struct sinsp_param *sinsp_evt_param(const struct sinsp_evt *evt, const char *name);
/* Load the enter event paired with exit event evt; false when it was not seen. */
bool sinsp_enter_load(const struct sinsp_evt *evt, struct sinsp_enter *e);
const struct sinsp_param *sinsp_enter_param(const struct sinsp_enter *e, const char *name);

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
/* Copy src (type, name, addresses, roles) to number fd of t's table; NULL on ENOMEM. */
struct sinsp_fd *sinsp_fd_copy(struct sinsp_thread *t, int64_t fd, const struct sinsp_fd *src);

/* parse_fd.c */
void sinsp_parse_open_exit(struct sinsp *s, struct sinsp_evt *evt);
void sinsp_parse_close_exit(struct sinsp *s, struct sinsp_evt *evt);
void sinsp_parse_dup_exit(struct sinsp *s, struct sinsp_evt *evt);
void sinsp_parse_pipe_exit(struct sinsp *s, struct sinsp_evt *evt);
void sinsp_parse_simple_fd_exit(struct sinsp *s, struct sinsp_evt *evt, int32_t fd_type, const char *name);

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

/*
 * Apply a SCAP_PT_SOCKTUPLE parameter (len bytes at p) to f: type (an IPv6 tuple of
 * two IPv4-mapped addresses makes an IPv4 socket), addresses and name as sysdig
 * prints them ("1.2.3.4:80->5.6.7.8:1234", "2001:db8::1:80->...", "0->ffff... path").
 * Returns true when the addresses changed. An empty or unknown tuple changes nothing.
 */
bool sinsp_fd_set_tuple(struct sinsp_fd *f, const uint8_t *p, uint32_t len);

/*
 * Effective L4 protocol of f as sysdig reports it (enum scap_l4_proto): SCAP_L4_UNKNOWN
 * for a non-socket, and for an IP socket that has no role yet (not connected, accepted
 * or bound), raw sockets excepted. Use it for fd.l4proto and rendered fds.
 */

#endif

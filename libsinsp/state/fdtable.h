/* SPDX-License-Identifier: Apache-2.0 */
/*
 * fdtable.h - the fds of a process (shared by its threads) and their operations; a
 * closed fd stays readable for the close exit event that removed it. Socket
 * addresses and roles: state/fd_tuple.c.
 */
#ifndef SINSP_FDTABLE_H
#define SINSP_FDTABLE_H

#include "util/hashmap.h"
#include "state/threads.h"

/* One file descriptor of a process. */
struct sinsp_fd {
	int64_t fd;
	int32_t type;             /* enum scap_fd_type */
	uint8_t l4proto;          /* enum scap_l4_proto */
	bool is_server;           /* socket role: accepted (server side) or listening */
	bool is_client;           /* socket role: connected by us */
	uint32_t open_flags;      /* scap open flags of files */
	uint64_t ino, dev;
	union {
		struct { uint32_t sip, dip; uint16_t sport, dport; } v4;   /* ips network order */
		struct { uint8_t sip[16], dip[16]; uint16_t sport, dport; } v6;
		struct { uint64_t src, dst; } un;
	} addr;
	char *name;               /* malloc'd, never NULL once inserted */
	size_t name_len;          /* strlen(name), kept by every function that sets name
	                             (fd.name's view: no strlen() per event) */
	uint64_t name_id;         /* names this text of name: a new one from
	                             sinsp_fd_name_changed() by every function that sets
	                             name (a filter remembers its answer on it) */
};

/* Last name id handed out (fdtable.c); ids are never reused within the process. */
extern uint64_t sinsp_fd_name_ids;

/* Give f's name, just set, a new id (struct sinsp_fd.name_id). */
static inline void sinsp_fd_name_changed(struct sinsp_fd *f)
{
	f->name_id = __atomic_add_fetch(&sinsp_fd_name_ids, 1, __ATOMIC_RELAXED);
}

/* fds of one process (shared by its threads). */
struct sinsp_fdtable {
	struct hashmap map;       /* fd -> struct sinsp_fd * */
	uint32_t refs;            /* threads using it */
};

/* fd number fd of t's table, NULL when t is NULL or has no such fd. Inline: every event
 * with an fd looks it up. */
static inline struct sinsp_fd *sinsp_fd_find(struct sinsp_thread *t, int64_t fd)
{
	if (!t || !t->fds)
		return NULL;
	return hashmap_get(&t->fds->map, (uint64_t)fd);
}

/* fdtable.c */
struct sinsp_fdtable *sinsp_fdtable_new(void);
void sinsp_fdtable_put(struct sinsp_fdtable *t);
struct sinsp_fd *sinsp_fd_add(struct sinsp_thread *t, int64_t fd, int32_t type, const char *name);
/*
 * sinsp_fd_add() that takes the memory of *spare when set (*spare is then NULL): the
 * entry a close freed, kept by sinsp_fd_release_closed() in s->spare_fd for the next
 * open (a malloc() and free() pair less for each).
 */
struct sinsp_fd *sinsp_fd_add_reuse(struct sinsp_thread *t, int64_t fd, int32_t type,
				   const char *name, struct sinsp_fd **spare);
void sinsp_fd_remove(struct sinsp_thread *t, int64_t fd);
char sinsp_fd_typechar(const struct sinsp_fd *f);
/* Copy src (type, name, addresses, roles) to number fd of t's table; NULL on ENOMEM. */
struct sinsp_fd *sinsp_fd_copy(struct sinsp_thread *t, int64_t fd, const struct sinsp_fd *src);

/*
 * sinsp_fd_detach() - take number fd out of t's table without freeing it.
 * Return: the entry, now owned by the caller (free it with sinsp_fd_free()); NULL when
 * t has no such fd.
 */
struct sinsp_fd *sinsp_fd_detach(struct sinsp_thread *t, int64_t fd);

/* sinsp_fd_free() - free an entry that is in no table (NULL is ignored). */
void sinsp_fd_free(struct sinsp_fd *f);

/*
 * sinsp_fd_release_closed() - let go of the fd a close exit event detached
 * (s->closed_fd): sysdig shows a closed fd for the close exit event itself and forgets
 * it from the next event on. Called by sinsp_next() before reading the next event and
 * by sinsp_close(). Idempotent. The entry becomes s->spare_fd when that is free
 * (sinsp_fd_add_reuse()), else it is freed.
 */
void sinsp_fd_release_closed(struct sinsp *s);
/* sinsp_fd_release_spare() - free s->spare_fd (sinsp_close()). Idempotent. */
void sinsp_fd_release_spare(struct sinsp *s);

/* fd_tuple.c: socket addresses, names and roles */

static inline bool sinsp_fd_is_ip(const struct sinsp_fd *f)
{
	return f->type == SCAP_FD_IPV4_SOCK || f->type == SCAP_FD_IPV6_SOCK;
}

static inline bool sinsp_fd_is_udp(const struct sinsp_fd *f)
{
	return sinsp_fd_is_ip(f) && f->l4proto == SCAP_L4_UDP;
}

static inline bool sinsp_fd_is_tcp(const struct sinsp_fd *f)
{
	return sinsp_fd_is_ip(f) && f->l4proto == SCAP_L4_TCP;
}

static inline bool sinsp_fd_has_role(const struct sinsp_fd *f)
{
	return f->is_client || f->is_server;
}

static inline void sinsp_fd_set_role(struct sinsp_fd *f, bool server)
{
	f->is_server = server;
	f->is_client = !server;
}

/* L4 protocol as sysdig reports it: unknown until the socket has a client or server role */
uint8_t sinsp_fd_l4proto(const struct sinsp_fd *f);

/*
 * Apply a SCAP_PT_SOCKTUPLE parameter (len bytes at p) to f: type (an IPv6 tuple of
 * IPv4-mapped addresses, see sinsp_tuple6_is_v4(), makes an IPv4 socket), addresses and name as sysdig
 * prints them ("1.2.3.4:80->5.6.7.8:1234", "2001:db8::1:80->...", "0->ffff... path").
 * Returns true when the addresses changed. An empty or unknown tuple changes nothing.
 */
bool sinsp_fd_set_tuple(struct sinsp_fd *f, const uint8_t *p, uint32_t len);
/* Whether a tuple parameter has a known family and that family's length. */
bool sinsp_tuple_valid(const uint8_t *p, uint32_t len);
/* Addresses of an IP tuple (valid) into f, with the type they imply; true when they changed. */
bool sinsp_fd_apply_ip_tuple(struct sinsp_fd *f, const uint8_t *p, bool set_v6_type);
/* Make f an IPv4 socket (IPv4-mapped traffic of an IPv6 socket: the L4 protocol stays). */
void sinsp_fd_become_v4(struct sinsp_fd *f);
/* Exchange f's source and destination addresses (IPv4 or IPv6). */
void sinsp_fd_swap_addrs(struct sinsp_fd *f);
/* Name f "sip:sport->dip:dport" from its own addresses (nothing for a non-IP socket). */
void sinsp_fd_name_from_addrs(struct sinsp_fd *f);
/*
 * Type, address order, role and name of socket f of the capture-start state, from its
 * addresses (set by the caller: the local end as source, as the fd list records it):
 * IPv4-mapped IPv6 ends make an IPv4 socket; an IPv4 or IPv6 socket whose local port
 * is a listening one (its bit set in @listening, 65536 bits: port p is bit p % 64 of
 * word p / 64; NULL: none) and whose remote port is not is swapped client first with
 * role server, any other gets role client (sysdig 0.29.3 gives IPv6 ones none:
 * departure D10); names "sip:sport->dip:dport" and, for server sockets, "ip:port".
 * Other fd types are left as they are.
 */
void sinsp_fd_from_state(struct sinsp_fd *f, const uint64_t *listening);
/* The text of a valid tuple parameter, malloc'd; NULL on ENOMEM. */
char *sinsp_tuple_text(const uint8_t *p, uint32_t len);
/* Replace f's name by name (malloc'd, taken); a NULL name changes nothing. */
void sinsp_fd_set_name(struct sinsp_fd *f, char *name);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * sinsp_int.h - private structures of libsinsp: the handle, threads, fds, events.
 */
#ifndef SINSP_INT_H
#define SINSP_INT_H

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <scry/sinsp.h>
#include "strbuf.h"
#include "hashmap.h"
#include "containers.h"
#include "users.h"

#define SINSP_MAX_PARAMS SCAP_MAX_EVENT_PARAMS

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
};

/* fds of one process (shared by its threads). */
struct sinsp_fdtable {
	struct hashmap map;       /* fd -> struct sinsp_fd * */
	uint32_t refs;            /* threads using it */
};

struct sinsp_thread {
	int64_t tid, pid, ptid, sid, vpgid;
	int64_t vtid, vpid;
	char *comm;               /* process name */
	char *exe;                /* argv[0] */
	char *exepath;            /* full path of the executable */
	char *args;               /* NUL-separated arguments after argv[0] */
	uint32_t args_len;
	char *env;                /* NUL-separated */
	uint32_t env_len;
	char *cgroups;            /* NUL-separated subsys=path */
	uint32_t cgroups_len;
	char *cwd;                /* always ends with '/'; shared semantics: main thread's is used */
	int64_t fdlimit;
	uint32_t flags;           /* scap clone flags */
	uint32_t uid, gid, loginuid;
	uint32_t vmsize_kb, vmrss_kb, vmswap_kb;
	uint64_t pfmajor, pfminor;
	uint64_t clone_ts;
	uint32_t nthreads;        /* main thread: other threads of the process known now */
	struct sinsp_fdtable *fds;/* shared by the thread group */

	/* process state beyond the above (process list blocks, execve/clone, set* calls) */
	int64_t pgid;             /* process group id in the host pid namespace, -1 unknown */
	uint32_t tty;             /* controlling terminal device number, 0 none */
	char *root;               /* root directory; NULL when unknown ("/" as sysdig assumes) */
	uint64_t cap_permitted, cap_effective, cap_inheritable; /* capability bit masks */
	uint64_t exe_ino;         /* inode of the executable, 0 unknown */
	uint64_t exe_ino_ctime, exe_ino_mtime; /* ns since epoch, 0 unknown */
	bool exe_writable;        /* the executable is writable by the process's user */
	bool exe_upper_layer;     /* the executable is in an overlayfs upper layer */
	bool exe_from_memfd;      /* executed from a memfd */
	uint64_t pidns_init_start_ts; /* ns since epoch: start of its pid namespace's init, 0 unknown */
	bool reaper;              /* child subreaper (prctl PR_SET_CHILD_SUBREAPER), or a pid ns init */

	/*
	 * Container of the thread, computed from cgroups when they are set (never per
	 * event). container_id is "host" (static storage) or the id as container.id prints
	 * it; container is NULL for host, else the table entry (see containers.h). Both
	 * stay valid until the thread is removed; never NULL container_id.
	 */
	const char *container_id;
	const struct sinsp_container *container;

	/* table bookkeeping (threads.c) */
	bool placeholder;         /* created for a tid the capture never described ("<NA>") */
	bool dead;                /* main thread that exited while other threads of it live on */
	uint64_t created_ts;      /* ns: ts of the event that created it, 0 for the process list */

	/* last event of this thread, for enter/exit pairing */
	uint16_t last_type;
	uint64_t last_ts;
	int64_t last_fd;          /* fd param of the last enter event, -1 none (0 at first) */
	uint8_t *enter_raw;       /* copy of the last enter event */
	uint32_t enter_len, enter_cap;
	uint64_t latency_ns;      /* ts of the current exit event - enter_ts (0 after an enter) */
	uint64_t enter_ts;        /* ns: ts of the thread's last enter event, 0 none; an exit
	                             measures its latency from it, paired or not, as sysdig */
	bool enter_valid;         /* enter_raw belongs to the current exit */
};

/* Parameter of the current event. */
struct sinsp_param {
	const uint8_t *val;
	uint32_t len;
};

struct sinsp_evt {
	struct scap_evt_ref ref;
	const struct scap_evt_info *info;
	uint64_t num;                     /* evt.num, from 1 */
	struct sinsp_thread *thread;      /* NULL when the tid is unknown */
	struct sinsp_fd *fd;              /* fd the event is about, NULL when none/unknown */
	int64_t fd_num;                   /* its number, -1 when none */
	uint8_t props;                    /* sinsp_type_props() of its type (parse.h) */
	/* the filter of sinsp_set_filter() that accepted this event, NULL when none did */
	const struct sinsp_filter *matched_by;
	struct sinsp *s;
	/*
	 * The parameter table, decoded from ref on first use: most events are never
	 * looked at beyond their type. Read it only through sinsp_evt_nparams() and
	 * sinsp_evt_param_at().
	 */
	bool pdecoded;                    /* pv and pn are those of this event */
	uint32_t pn;
	struct sinsp_param pv[SINSP_MAX_PARAMS];
};

/* Decode the parameter table of evt (sinsp.c): a cache of the event, hence const. */
void sinsp_evt_decode_params(const struct sinsp_evt *evt);

/*
 * Number of parameters of evt: its nparams, at most the schema's count; 0 when the
 * lengths overrun the record (the event is then shown without parameters).
 */
static inline uint32_t sinsp_evt_nparams(const struct sinsp_evt *evt)
{
	if (!evt->pdecoded)
		sinsp_evt_decode_params(evt);
	return evt->pn;
}

/* Parameter i of evt (pointing into the event's memory), NULL when it has no such one. */
static inline const struct sinsp_param *sinsp_evt_param_at(const struct sinsp_evt *evt,
							   uint32_t i)
{
	return i < sinsp_evt_nparams(evt) ? &evt->pv[i] : NULL;
}

/* Integer value of a parameter (1, 2, 4 or 8 bytes), dflt when p is NULL or odd-sized. */
static inline int64_t sinsp_param_val_s64(const struct sinsp_param *p, int64_t dflt)
{
	if (!p)
		return dflt;
	switch (p->len) {
	case 8: { int64_t v; memcpy(&v, p->val, 8); return v; }
	case 4: { int32_t v; memcpy(&v, p->val, 4); return v; }
	case 2: { int16_t v; memcpy(&v, p->val, 2); return v; }
	case 1: return (int8_t)p->val[0];
	default: return dflt;
	}
}

static inline uint64_t sinsp_param_val_u64(const struct sinsp_param *p, uint64_t dflt)
{
	if (!p)
		return dflt;
	switch (p->len) {
	case 8: { uint64_t v; memcpy(&v, p->val, 8); return v; }
	case 4: { uint32_t v; memcpy(&v, p->val, 4); return v; }
	case 2: { uint16_t v; memcpy(&v, p->val, 2); return v; }
	case 1: return p->val[0];
	default: return dflt;
	}
}

/* Integer value of parameter i of evt, dflt when it has none (see sinsp_param_val_s64()). */
static inline int64_t sinsp_param_s64(const struct sinsp_evt *evt, uint32_t i, int64_t dflt)
{
	return sinsp_param_val_s64(sinsp_evt_param_at(evt, i), dflt);
}

static inline uint64_t sinsp_param_u64(const struct sinsp_evt *evt, uint32_t i, uint64_t dflt)
{
	return sinsp_param_val_u64(sinsp_evt_param_at(evt, i), dflt);
}

struct sinsp {
	scap_t *scap;
	struct hashmap threads;           /* tid -> struct sinsp_thread * */
	struct sinsp_thread *pending_removal; /* thread whose procexit was the last event */
	struct sinsp_fd *closed_fd;       /* fd the last close exit detached; freed before the next event (fdtable.h) */
	uint32_t max_threads;             /* cap of the thread table (SINSP_MAX_THREADS) */
	uint64_t thread_scan_ts;          /* event ts of the last inactive-thread scan */
	uint64_t threads_dropped;         /* threads not added because the table was full */
	struct hashmap containers;        /* hash of id -> struct sinsp_container_entry * (containers.c) */
	struct hashmap users;             /* uid -> struct sinsp_user * chain (users.c) */
	struct hashmap groups;            /* gid -> struct sinsp_group * chain (users.c) */
	uint32_t nusers, ngroups;         /* entries of users, groups (all containers) */
	const struct scap_ifinfo_ipv4 *ifv4;  /* interfaces of the machine, for fd.is_server */
	uint32_t nifv4;
	const struct scap_ifinfo_ipv6 *ifv6;
	uint32_t nifv6;
	uint64_t nevts;                   /* events read so far */
	uint64_t first_ts;                /* ts of the first event, for evt.reltime */
	uint32_t max_str_len;
	struct sinsp_filter *filter;      /* sinsp_set_filter(): matched inside sinsp_next() */
	struct strbuf open_path, open_base; /* scratch of sinsp_parse_open_exit(), reused */
	struct sinsp_evt evt;
	char errbuf[SCAP_ERRBUF_SIZE];
};

/* Store a message in s->errbuf and return code (negative errno). */
int sinsp_err(struct sinsp *s, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * threads.c: the thread table.
 *
 * Bounded memory: a procexit removes its thread after that event; a process's main
 * thread that exits before its other threads stays (dead) until the last one leaves;
 * an execve leaves one thread in the process. The table holds at most max_threads
 * entries (further threads are not tracked and counted in threads_dropped). Every
 * SINSP_THREAD_SCAN_INTERVAL_NS of event time, threads without events for a timeout
 * are removed: placeholders (tids the capture never described) after
 * SINSP_PLACEHOLDER_TIMEOUT_NS, any other thread after SINSP_THREAD_TIMEOUT_NS unless
 * it is the parent of a thread in the table or a main thread with live threads
 * (sysdig removes inactive threads periodically in the same spirit).
 */
#define SINSP_MAX_THREADS 131072u
#define SINSP_THREAD_SCAN_INTERVAL_NS (60ull * 1000000000ull)
#define SINSP_PLACEHOLDER_TIMEOUT_NS (5ull * 60 * 1000000000ull)
#define SINSP_THREAD_TIMEOUT_NS (30ull * 60 * 1000000000ull)

struct sinsp_thread *sinsp_thread_find(struct sinsp *s, int64_t tid);
/* Find or create tid (defaults: pid=tid, ptid=-1, host); NULL when full or on ENOMEM. */
struct sinsp_thread *sinsp_thread_add(struct sinsp *s, int64_t tid);
void sinsp_thread_remove(struct sinsp *s, struct sinsp_thread *t);
void sinsp_thread_link_main(struct sinsp *s, struct sinsp_thread *t);
void sinsp_thread_free_all(struct sinsp *s);
struct sinsp_thread *sinsp_thread_main(struct sinsp *s, struct sinsp_thread *t);
/*
 * The parent process of t (the main thread of t->ptid, or that thread itself when its
 * main thread is unknown); NULL when unknown or when it would be t's own process.
 * Walking parents with it terminates: callers stop after sinsp_thread_max_depth(s)
 * steps, which is at least the table size, so a cycle in bogus input cannot loop.
 */
struct sinsp_thread *sinsp_thread_parent(struct sinsp *s, const struct sinsp_thread *t);
size_t sinsp_thread_max_depth(const struct sinsp *s);
/*
 * Exit of process t (its last thread): its children (threads whose ptid is t->pid)
 * get as parent the nearest living ancestor of t that is a child subreaper or the init
 * of their pid namespace, else pid 1 (init).
 */
void sinsp_thread_reparent_children(struct sinsp *s, struct sinsp_thread *t);
/* Remove the other threads of t's process (execve): t becomes its only thread. */
void sinsp_thread_drop_siblings(struct sinsp *s, struct sinsp_thread *t);
/* Recompute t->container_id/container from t->cgroups (containers.c). */
void sinsp_thread_update_container(struct sinsp *s, struct sinsp_thread *t);
/* Remove inactive threads when a scan is due at event time now_ns (see above). */
void sinsp_thread_age(struct sinsp *s, uint64_t now_ns);
void sinsp_thread_set_str(char **dst, const char *src, size_t len);
void sinsp_thread_set_cwd(struct sinsp_thread *t, const char *src, size_t len);
void sinsp_thread_set_blob(char **dst, uint32_t *dst_len, const void *src, size_t len);
/*
 * Set a thread's cgroups from src (len bytes of NUL-separated "subsys=path" entries)
 * as sysdig keeps them: the path is after the entry's last '='; "_cgroup" is dropped
 * from the subsystem name and perf, mem and io become perf_event, memory and blkio.
 * An entry without '=' leaves *dst unchanged. *dst is malloc'd (NUL-separated, each
 * entry NUL-terminated, *dst_len bytes).
 */
void sinsp_thread_set_cgroups(char **dst, uint32_t *dst_len, const char *src, size_t len);
int sinsp_thread_load_state(struct sinsp *s, const struct scap_state *st);

/* containers.c: the container table */
/* Find or create the entry of a cgroup match (type, ids); NULL on ENOMEM. */
struct sinsp_container *sinsp_container_get(struct sinsp *s, const struct sinsp_cgroup_match *m);
/* Apply a container event (JSON or the older fixed-parameter one); false if malformed. */
bool sinsp_container_parse_event(struct sinsp *s, const struct sinsp_evt *evt);
void sinsp_containers_free(struct sinsp *s);

/* users.c */
/* Seed the host's users and groups from the capture's user list; 0 or -ENOMEM. */
int sinsp_users_load_state(struct sinsp *s, const struct scap_state *st);
void sinsp_users_free(struct sinsp *s);

/* fdtable.c */
struct sinsp_fdtable *sinsp_fdtable_new(void);
void sinsp_fdtable_put(struct sinsp_fdtable *t);
struct sinsp_fd *sinsp_fd_find(struct sinsp_thread *t, int64_t fd);
struct sinsp_fd *sinsp_fd_add(struct sinsp_thread *t, int64_t fd, int32_t type, const char *name);
void sinsp_fd_remove(struct sinsp_thread *t, int64_t fd);
char sinsp_fd_typechar(const struct sinsp_fd *f);
/* L4 protocol as sysdig reports it: unknown until the socket has a client or server role */
uint8_t sinsp_fd_l4proto(const struct sinsp_fd *f);

/*
 * parse.c: apply an event to the state in two steps, as sysdig does (a filter may be
 * matched in between). sinsp_parse_reset(): the event's thread (a placeholder for an
 * unknown tid), the thread's enter/exit pairing and latency, the event's fd; then
 * sinsp_dispatch() (parse.h): the event's parser.
 */
void sinsp_parse_reset(struct sinsp *s, struct sinsp_evt *evt);
/*
 * The reset of an event that a filter rejects by its type alone and that does not
 * modify state (no parser runs for it): the state ends as sinsp_parse_reset() and the
 * rejection leave it (the thread forgets its last event type, so the next exit event
 * pairs with nothing), without saving the enter event that nothing can read now.
 */
void sinsp_parse_reset_rejected(struct sinsp *s, struct sinsp_evt *evt);

/* render_param.c: the text of a parameter, as sysdig prints it in evt.args. */
enum sinsp_buf_fmt { SINSP_BUF_NORMAL, SINSP_BUF_JSON };
void sinsp_render_param(struct sinsp_evt *evt, uint32_t i, enum sinsp_buf_fmt bf,
			struct strbuf *val, struct strbuf *resolved);
void sinsp_render_args(struct sinsp_evt *evt, enum sinsp_buf_fmt bf, struct strbuf *out);

/* helpers */
int sinsp_param_index(const struct sinsp_evt *evt, const char *name);
/* Host user/group name of an id (users.c); NULL when unknown. */
const char *sinsp_user_name(struct sinsp *s, uint32_t uid);
const char *sinsp_group_name(struct sinsp *s, uint32_t gid);

/*
 * Room for element n (0-based) of an array @arr of @n elements of @size bytes grown one
 * at a time without a capacity field: realloc() only when n is 0 or a power of two
 * >= 4, so the capacity is always max(4, the power of two >= n) and n appends cost
 * O(n) copies (realloc by one each time was quadratic: 100k filter values took > 120 s
 * under ASan). Return the array (moved or not), or NULL when out of memory (@arr is
 * then still valid and owned by the caller).
 */
static inline void *sinsp_grow(void *arr, size_t n, size_t size)
{
	if (n < 4 ? n != 0 : (n & (n - 1)) != 0)
		return arr;
	if (n > SIZE_MAX / 2 / size / 4)
		return NULL;
	return realloc(arr, (n ? 2 * n : 4) * size);
}

#endif /* SINSP_INT_H */

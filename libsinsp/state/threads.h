/* SPDX-License-Identifier: Apache-2.0 */
/*
 * state/threads.h - the threads (and processes) the events are applied to.
 */
#ifndef SINSP_STATE_THREADS_H
#define SINSP_STATE_THREADS_H

#include "state/inspector.h"

struct sinsp_fdtable;
struct sinsp_container;

struct sinsp_thread {
	int64_t tid, pid, ptid, sid, vpgid;
	int64_t vtid, vpid;
	char *comm;               /* process name: set by sinsp_thread_set_comm() only */
	size_t comm_len;          /* strlen(comm), 0 when NULL (proc.name's view) */
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
	bool ptid_guessed;        /* ptid is an init by sinsp_thread_reparent_children() for want
	                             of a known subreaper: the kernel may have chosen one */

	/*
	 * Container of the thread, computed from cgroups when they are set (never per
	 * event). container_id is "host" (static storage) or the id as container.id prints
	 * it; container is NULL for host, else the table entry (see containers.h). Both
	 * stay valid until the thread is removed; never NULL container_id.
	 */
	const char *container_id;
	const struct sinsp_container *container;

	/* table bookkeeping (threads.c) */
	uint32_t src;             /* source (host) of a capture that merges several, else 0:
	                             with tid, its key in the table (sinsp_thread_key()) */
	bool placeholder;         /* created for a tid the capture never described ("<NA>") */
	bool dead;                /* main thread that exited while other threads of it live on */
	bool has_children;        /* a thread named it as parent since it was added (stays
	                             set): only then does its exit walk the table */
	uint64_t created_ts;      /* ns: ts of the event that created it, 0 for the process list */
	uint64_t ref_ts;          /* ns: ts of the event that last named it as a parent
	                             (sinsp_thread_find_ref), 0 never */

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
 * it is the parent of a thread in the table (so every ancestor of a thread in the
 * table stays, as proc.aname reads them) or a main thread with live threads. A
 * reference counts as activity: an idle shell whose short-lived children keep
 * starting, each naming it as parent (clone, execve), stays between them (sysdig
 * refreshes a thread's last access when it is looked up, and keeps the idle parent
 * shell of the curl_google trace over 1,000 copies of its events). Field extraction
 * only reads the table: what is printed never changes what is kept.
 */
#define SINSP_MAX_THREADS 131072u
#define SINSP_THREAD_SCAN_INTERVAL_NS (60ull * 1000000000ull)
#define SINSP_PLACEHOLDER_TIMEOUT_NS (5ull * 60 * 1000000000ull)
#define SINSP_THREAD_TIMEOUT_NS (30ull * 60 * 1000000000ull)

/*
 * The table's key of thread @tid of source @src (struct sinsp's cur_src: 0 unless the
 * capture merges several hosts, whose thread ids may be equal). Linux thread ids are
 * below 2^22 (PID_MAX_LIMIT, include/linux/threads.h), so the source's bits, from bit
 * 40 up, never meet them.
 */
static inline uint64_t sinsp_thread_key(uint32_t src, int64_t tid)
{
	return (uint64_t)tid ^ ((uint64_t)src << 40);
}

/* Thread @tid of the current event's source (s->cur_src); NULL when unknown (inline:
 * asked for every event). */
static inline struct sinsp_thread *sinsp_thread_find(struct sinsp *s, int64_t tid)
{
	return hashmap_get_cached(&s->threads, sinsp_thread_key(s->cur_src, tid));
}

/* Thread @tid of source @src: for a tid another thread names (its pid, ptid, sid), look
 * it up with that thread's src. NULL when unknown. */
static inline struct sinsp_thread *sinsp_thread_find_src(struct sinsp *s, uint32_t src,
							 int64_t tid)
{
	return hashmap_get_cached(&s->threads, sinsp_thread_key(src, tid));
}
/*
 * sinsp_thread_find() for a reference that keeps the thread alive (the parent a new or
 * exec'd thread names): marks it referenced at the time of the current event (parsers
 * only). NULL when tid < 0 or unknown.
 */
struct sinsp_thread *sinsp_thread_find_ref(struct sinsp *s, int64_t tid);
/* Find or create tid (defaults: pid=tid, ptid=-1, host); NULL when full or on ENOMEM. */
struct sinsp_thread *sinsp_thread_add(struct sinsp *s, int64_t tid);
void sinsp_thread_remove(struct sinsp *s, struct sinsp_thread *t);
/*
 * Set t's parent thread id (every change of a ptid goes through here): the parent, now
 * or once it is added, is marked as having children, so that the exit of a thread
 * without any costs no walk of the table (a million short-lived processes each
 * walked it: quadratic time with a big table).
 */
void sinsp_thread_set_ptid(struct sinsp *s, struct sinsp_thread *t, int64_t ptid);
/*
 * Set t's parent to @ptid as an event of t reports it (the kernel's real parent when the
 * event was written, execve's ptid). A parent exits in two steps: its procexit event
 * comes first, and the kernel hands its children over later (exit_notify()); an event
 * of a child written in between names the parent that is already gone from the table.
 * Such a name (not in the table) does not replace a parent the table knows: t keeps the
 * one its parent's exit gave it. When that one was a guess (pid 1, no reaper known) and
 * the event names another living process, that process is the child subreaper the
 * kernel chose: it is marked a reaper, so later orphans go to it at once.
 */
void sinsp_thread_set_ptid_reported(struct sinsp *s, struct sinsp_thread *t, int64_t ptid);
void sinsp_thread_link_main(struct sinsp *s, struct sinsp_thread *t);
/* Free every thread of the table, and the thread of container events (containers.h). */
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
/* Remove inactive threads when a scan is due at event time now_ns (see above). */
void sinsp_thread_age(struct sinsp *s, uint64_t now_ns);
void sinsp_thread_set_str(char **dst, const char *src, size_t len);
/* t->comm = the len bytes at src (a copy), or NULL when src is NULL; t->comm_len too.
 * On ENOMEM t keeps its name. */
void sinsp_thread_set_comm(struct sinsp_thread *t, const char *src, size_t len);
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
/*
 * sinsp_thread_set_cgroups() of t->cgroups that remembers its last conversion in s
 * (cg_raw -> cg_kept): the threads of a capture mostly share their cgroups, and a
 * conversion costs some thousand instructions (clone and execve exits, the process
 * list).
 */
void sinsp_thread_set_cgroups_memo(struct sinsp *s, struct sinsp_thread *t, const char *src,
				   size_t len);
/*
 * Seed the table from the process list of @st (threads and their fds), under the
 * current source. @merge: @st is a later state of the source (scap_get_state_update())
 * and only the threads the table lacks are taken, placeholders included (keeping the
 * fds their events opened); the others stay as the events built them. A full table
 * ends a merge without error (sinsp_thread_add() counts what it drops).
 * Return: 0; -ENOMEM (message in s->errbuf).
 */
int sinsp_thread_load_state(struct sinsp *s, const struct scap_state *st, bool merge);

#endif /* SINSP_STATE_THREADS_H */

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * threads.c - the thread table: tid -> struct sinsp_thread, seeded from the
 * capture's process list and kept current by the parsers.
 */
#define _GNU_SOURCE /* memmem */
#include <stdlib.h>
#include <string.h>

#include "state/threads.h"
#include "state/fdtable.h"
#include "state/containers.h"

struct sinsp_thread *sinsp_thread_find_ref(struct sinsp *s, int64_t tid)
{
	struct sinsp_thread *t = tid < 0 ? NULL : sinsp_thread_find(s, tid);

	if (t && s->evt.ref.ts_ns > t->ref_ts)
		t->ref_ts = s->evt.ref.ts_ns;
	return t;
}

struct sinsp_thread *sinsp_thread_add(struct sinsp *s, int64_t tid)
{
	struct sinsp_thread *t = sinsp_thread_find(s, tid);

	if (t)
		return t;
	if (!s->max_threads)
		s->max_threads = SINSP_MAX_THREADS;
	if (s->threads.count >= s->max_threads) {
		s->threads_dropped++;
		return NULL;
	}
	t = calloc(1, sizeof(*t));
	if (!t)
		return NULL;
	t->tid = tid;
	t->src = s->cur_src;
	t->pid = tid;
	t->ptid = -1;
	/* unknown until a process list entry or an event tells (sysdig prints -1) */
	t->sid = -1;
	t->vpgid = -1;
	t->fdlimit = -1;
	t->vtid = -1;
	t->vpid = -1;
	t->pgid = -1;
	t->loginuid = UINT32_MAX;
	t->uid = UINT32_MAX;
	t->gid = UINT32_MAX;
	/* sysdig starts every thread at fd 0: the exit of a call entered before the capture
	 * shows fd 0 when the thread has one */
	t->last_fd = 0;
	t->container_id = "host";
	t->created_ts = s->evt.ref.ts_ns;
	if (hashmap_put(&s->threads, sinsp_thread_key(t->src, tid), t)) {
		free(t);
		return NULL;
	}
	/* threads that named it as parent before it was known */
	if (s->unnamed_parents.count &&
	    hashmap_del(&s->unnamed_parents, sinsp_thread_key(t->src, tid)))
		t->has_children = true;
	return t;
}

void sinsp_thread_set_ptid(struct sinsp *s, struct sinsp_thread *t, int64_t ptid)
{
	struct sinsp_thread *p;

	t->ptid = ptid;
	if (ptid <= 0 || ptid == t->tid)
		return;
	p = sinsp_thread_find_src(s, t->src, ptid);
	if (p)
		p->has_children = true;
	else if (hashmap_put(&s->unnamed_parents, sinsp_thread_key(t->src, ptid), s))
		s->children_unsure = true;
}

void sinsp_thread_set_ptid_reported(struct sinsp *s, struct sinsp_thread *t, int64_t ptid)
{
	struct sinsp_thread *p;

	if (ptid == t->ptid)
		return;
	p = ptid > 0 && ptid != t->tid ? sinsp_thread_find_src(s, t->src, ptid) : NULL;
	if (!p && sinsp_thread_parent(s, t))
		return;
	if (p && t->ptid_guessed && p->pid != 1 && p->pid != t->pid)
		sinsp_thread_main(s, p)->reaper = true;
	t->ptid_guessed = false;
	sinsp_thread_set_ptid(s, t, ptid);
}

static void thread_free(struct sinsp_thread *t)
{
	free(t->comm);
	free(t->exe);
	free(t->exepath);
	free(t->args);
	free(t->env);
	free(t->cgroups);
	free(t->cwd);
	free(t->root);
	free(t->enter_raw);
	if (t->fds)
		sinsp_fdtable_put(t->fds);
	free(t);
}

/* Count t in its main thread's thread count (t is a secondary thread). */
void sinsp_thread_link_main(struct sinsp *s, struct sinsp_thread *t)
{
	struct sinsp_thread *m;

	if (t->tid == t->pid)
		return;
	if ((m = sinsp_thread_find_src(s, t->src, t->pid)) != NULL)
		m->nthreads++;
	else
		s->unlinked_threads = true;
}

/* Take t out of the table and free it, with no other bookkeeping. */
static void thread_destroy(struct sinsp *s, struct sinsp_thread *t)
{
	hashmap_del(&s->threads, sinsp_thread_key(t->src, t->tid));
	if (s->pending_removal == t)
		s->pending_removal = NULL;
	thread_free(t);
}

/* Children of thread old (ptid == old->tid) get new_ptid as parent (@guess: for want of
 * a known reaper, see ptid_guessed). */
static void move_children(struct sinsp *s, struct sinsp_thread *old, int64_t new_ptid, bool guess)
{
	size_t i;

	if (!old->has_children && !s->children_unsure)
		return;
	for (i = 0; i < s->threads.cap; i++) {
		struct sinsp_thread *c = s->threads.slots[i].val;

		if (c && c->ptid == old->tid && c->src == old->src && c != old) {
			sinsp_thread_set_ptid(s, c, new_ptid);
			c->ptid_guessed = guess;
		}
	}
}

/*
 * A thread leaves. A secondary thread's children go to its process's main thread, as
 * the kernel hands them to another thread of the group. A main thread with other
 * threads still known stays (dead) so that they keep its cwd and fds; the process is
 * gone with its last thread, and its children then go to their reaper.
 */
void sinsp_thread_remove(struct sinsp *s, struct sinsp_thread *t)
{
	struct sinsp_thread *m = NULL;

	if (t->tid != t->pid) {
		m = sinsp_thread_find_src(s, t->src, t->pid);
		if (m && m->nthreads)
			m->nthreads--;
		if (m && (!m->dead || m->nthreads)) {
			move_children(s, t, m->pid, false);
			thread_destroy(s, t);
			return;
		}
		/* last thread of a process whose main thread already exited (or is unknown) */
		sinsp_thread_reparent_children(s, t);
		thread_destroy(s, t);
		if (m) {
			sinsp_thread_reparent_children(s, m);
			thread_destroy(s, m);
		}
		return;
	}
	if (t->nthreads) {
		t->dead = true;
		if (s->pending_removal == t)
			s->pending_removal = NULL;
		return;
	}
	sinsp_thread_reparent_children(s, t);
	thread_destroy(s, t);
}

void sinsp_thread_free_all(struct sinsp *s)
{
	size_t i;

	for (i = 0; i < s->threads.cap; i++)
		if (s->threads.slots[i].val)
			thread_free(s->threads.slots[i].val);
	hashmap_free(&s->threads);
	hashmap_free(&s->unnamed_parents);
	/* the thread container events are shown with (container_json.c) */
	if (s->container_thread)
		thread_free(s->container_thread);
	s->container_thread = NULL;
}

struct sinsp_thread *sinsp_thread_parent(struct sinsp *s, const struct sinsp_thread *t)
{
	struct sinsp_thread *p;

	if (!t || t->ptid < 0 || t->ptid == t->tid)
		return NULL;
	p = sinsp_thread_find_src(s, t->src, t->ptid);
	return p == t ? NULL : p;
}

size_t sinsp_thread_max_depth(const struct sinsp *s)
{
	return s->threads.count + 1;
}

void sinsp_thread_reparent_children(struct sinsp *s, struct sinsp_thread *t)
{
	struct sinsp_thread *a = sinsp_thread_parent(s, t), *reaper = NULL;
	size_t steps = 0, max = sinsp_thread_max_depth(s);
	int64_t new_ptid;

	/* nearest living ancestor that reaps orphans (subreaper or pid namespace init) */
	for (; a && steps < max; a = sinsp_thread_parent(s, a), steps++) {
		struct sinsp_thread *am = sinsp_thread_main(s, a);

		if (am->pid == t->pid)
			continue;
		if (!am->dead && am->reaper) {
			reaper = am;
			break;
		}
	}
	new_ptid = reaper ? reaper->pid : 1;
	if (new_ptid == t->pid)
		new_ptid = 1;
	/* init (of the host or of a pid namespace) is where orphans go when no subreaper
	 * is known: one may exist that the capture did not see declare itself */
	move_children(s, t, new_ptid, !reaper || reaper->pid == 1 || reaper->vpid == 1);
}

/* A growable list of threads' keys (sinsp_thread_key()) collected while walking the
 * table (removal happens after the walk, since removing moves entries of the
 * open-addressing map). */
struct key_list {
	uint64_t *keys;
	size_t n, cap;
};

/* Append t's key; false when out of memory (the list keeps what it has). */
static bool key_list_push(struct key_list *l, const struct sinsp_thread *t)
{
	if (l->n == l->cap) {
		size_t ncap = l->cap ? l->cap * 2 : 16;
		uint64_t *g = realloc(l->keys, ncap * sizeof(*g));

		if (!g)
			return false;
		l->keys = g;
		l->cap = ncap;
	}
	l->keys[l->n++] = sinsp_thread_key(t->src, t->tid);
	return true;
}

void sinsp_thread_drop_siblings(struct sinsp *s, struct sinsp_thread *t)
{
	struct key_list l = { 0 };
	size_t i;

	/* every other thread of the process is counted in t->nthreads unless one came
	 * before its main thread: no walk of the table for a process of one thread */
	if (!t->nthreads && !s->unlinked_threads) {
		t->dead = false;
		return;
	}
	for (i = 0; i < s->threads.cap; i++) {
		struct sinsp_thread *o = s->threads.slots[i].val;

		if (!o || o == t || o->pid != t->pid || o->src != t->src)
			continue;
		if (!key_list_push(&l, o))
			break;
	}
	for (i = 0; i < l.n; i++) {
		struct sinsp_thread *o = hashmap_get(&s->threads, l.keys[i]);

		if (!o)
			continue;
		/* their children now belong to the thread that survives */
		move_children(s, o, t->tid, false);
		thread_destroy(s, o);
	}
	free(l.keys);
	t->nthreads = 0;
	t->dead = false;
}

/* Event time of the last activity of t (creation, last event, last reference, or the
 * capture start). */
static uint64_t last_activity(const struct sinsp *s, const struct sinsp_thread *t)
{
	uint64_t a = t->last_ts > t->created_ts ? t->last_ts : t->created_ts;

	if (t->ref_ts > a)
		a = t->ref_ts;

	return a ? a : s->first_ts;
}

/* The scan of sinsp_thread_age(), kept out of line so that the per-event check stays a
 * few instructions. */
static __attribute__((noinline)) void thread_age_scan(struct sinsp *s, uint64_t now)
{
	struct key_list l = { 0 };
	size_t i;
	struct hashmap parents = { 0 };

	/* threads that are the parent of another one stay */
	for (i = 0; i < s->threads.cap; i++) {
		struct sinsp_thread *t = s->threads.slots[i].val;

		if (t && t->ptid >= 0 && t->ptid != t->tid)
			hashmap_put(&parents, sinsp_thread_key(t->src, t->ptid), t);
	}
	for (i = 0; i < s->threads.cap; i++) {
		struct sinsp_thread *t = s->threads.slots[i].val;
		uint64_t idle;

		if (!t || t == s->pending_removal)
			continue;
		idle = now - last_activity(s, t);
		if (t->placeholder ? idle <= SINSP_PLACEHOLDER_TIMEOUT_NS : idle <= SINSP_THREAD_TIMEOUT_NS)
			continue;
		if (!t->placeholder && (hashmap_get(&parents, sinsp_thread_key(t->src, t->tid)) ||
					(t->tid == t->pid && t->nthreads)))
			continue;
		if (!key_list_push(&l, t))
			break;
	}
	hashmap_free(&parents);
	for (i = 0; i < l.n; i++) {
		struct sinsp_thread *t = hashmap_get(&s->threads, l.keys[i]);

		if (t)
			sinsp_thread_remove(s, t);
	}
	free(l.keys);
	/* the parents not known yet: only those the table still names (bounded by it);
	 * threads whose main thread is not in the table */
	hashmap_free(&s->unnamed_parents);
	s->children_unsure = false;
	s->unlinked_threads = false;
	for (i = 0; i < s->threads.cap; i++) {
		struct sinsp_thread *t = s->threads.slots[i].val;

		if (t && t->tid != t->pid && !sinsp_thread_find_src(s, t->src, t->pid))
			s->unlinked_threads = true;
		if (t && t->ptid > 0 && t->ptid != t->tid && !sinsp_thread_find_src(s, t->src, t->ptid) &&
		    hashmap_put(&s->unnamed_parents, sinsp_thread_key(t->src, t->ptid), s))
			s->children_unsure = true;
	}
}

void sinsp_thread_age(struct sinsp *s, uint64_t now)
{
	uint64_t last;

	if (now && (!s->thread_scan_ts || now < s->thread_scan_ts)) {
		s->thread_scan_ts = now;
	} else if (now && now - s->thread_scan_ts >= SINSP_THREAD_SCAN_INTERVAL_NS) {
		s->thread_scan_ts = now;
		thread_age_scan(s, now);
	}
	/* no work before thread_scan_until unless time goes back (0: on the next call) */
	last = s->thread_scan_ts;
	s->thread_scan_until = !last ? 0 : last > UINT64_MAX - SINSP_THREAD_SCAN_INTERVAL_NS ?
			       UINT64_MAX : last + SINSP_THREAD_SCAN_INTERVAL_NS;
}

/* The main thread of t's process (t itself when it is the main thread or unknown). */
struct sinsp_thread *sinsp_thread_main(struct sinsp *s, struct sinsp_thread *t)
{
	struct sinsp_thread *m;

	if (!t || t->pid == t->tid)
		return t;
	m = sinsp_thread_find_src(s, t->src, t->pid);
	return m ? m : t;
}

void sinsp_thread_set_str(char **dst, const char *src, size_t len)
{
	char *p = malloc(len + 1);

	if (!p)
		return;
	memcpy(p, src, len);
	p[len] = 0;
	free(*dst);
	*dst = p;
}

void sinsp_thread_set_comm(struct sinsp_thread *t, const char *src, size_t len)
{
	if (!src) {
		free(t->comm);
		t->comm = NULL;
		t->comm_len = 0;
		return;
	}
	sinsp_thread_set_str(&t->comm, src, len);
	/* the name kept: the new one, or the old one on ENOMEM */
	t->comm_len = t->comm ? strlen(t->comm) : 0;
}

void sinsp_thread_set_blob(char **dst, uint32_t *dst_len, const void *src, size_t len)
{
	char *p = malloc(len + 1);

	if (!p)
		return;
	memcpy(p, src, len);
	p[len] = 0;
	free(*dst);
	*dst = p;
	*dst_len = (uint32_t)len;
}

/* The subsystem name sysdig keeps for a cgroup controller name of len bytes. */
static const char *cgroup_subsys_alias(const char *name, size_t len)
{
	if (len == 4 && memcmp(name, "perf", 4) == 0)
		return "perf_event";
	if (len == 3 && memcmp(name, "mem", 3) == 0)
		return "memory";
	if (len == 2 && memcmp(name, "io", 2) == 0)
		return "blkio"; /* the kernel renamed blkio to io */
	return NULL;
}

/* cgroups src (len bytes) as sinsp_thread_set_cgroups() keeps them, appended to b;
 * false (b partly written) at an entry without '=' */
static bool cgroups_convert(struct strbuf *b, const char *src, size_t len)
{
	size_t off = 0, start;
	const char *alias;

	while (off < len) {
		const char *e = src + off, *nul = memchr(e, 0, len - off), *eq = NULL, *q, *cg;
		size_t el = nul ? (size_t)(nul - e) : len - off, sl;

		for (q = e; q < e + el; q++)
			if (*q == '=')
				eq = q;
		if (!eq)
			return false; /* malformed: the thread keeps what it had */
		sl = (size_t)(eq - e);
		start = b->len;
		/* "cpu_cgroup" names the cpu controller */
		if ((cg = memmem(e, sl, "_cgroup", 7)) != NULL) {
			strbuf_add(b, e, (size_t)(cg - e));
			strbuf_add(b, cg + 7, sl - (size_t)(cg - e) - 7);
		} else {
			strbuf_add(b, e, sl);
		}
		alias = cgroup_subsys_alias(b->buf ? b->buf + start : "", b->len - start);
		if (alias) {
			b->len = start;
			strbuf_adds(b, alias);
		}
		strbuf_add(b, eq, el - sl);
		strbuf_addc(b, 0);
		off += el + 1;
	}
	return true;
}

void sinsp_thread_set_cgroups(char **dst, uint32_t *dst_len, const char *src, size_t len)
{
	struct strbuf b = { 0 };

	if (cgroups_convert(&b, src, len))
		sinsp_thread_set_blob(dst, dst_len, b.buf ? b.buf : "", b.len);
	strbuf_free(&b);
}

void sinsp_thread_set_cgroups_memo(struct sinsp *s, struct sinsp_thread *t, const char *src,
				   size_t len)
{
	if (!s->cg_memo || s->cg_raw.len != len || (len && memcmp(s->cg_raw.buf, src, len) != 0)) {
		s->cg_memo = false;
		strbuf_reset(&s->cg_kept);
		if (!cgroups_convert(&s->cg_kept, src, len))
			return;
		strbuf_reset(&s->cg_raw);
		strbuf_add(&s->cg_raw, src, len);
		s->cg_memo = true;
	}
	sinsp_thread_set_blob(&t->cgroups, &t->cgroups_len, s->cg_kept.buf ? s->cg_kept.buf : "",
			      s->cg_kept.len);
}

/* cwd is kept with a trailing '/', as sysdig prints proc.cwd */
void sinsp_thread_set_cwd(struct sinsp_thread *t, const char *src, size_t len)
{
	char *p = malloc(len + 2);

	if (!p)
		return;
	memcpy(p, src, len);
	if (!len || src[len - 1] != '/')
		p[len++] = '/';
	p[len] = 0;
	free(t->cwd);
	t->cwd = p;
}

/* The ports the server sockets of state @st listen on (IPv4 and IPv6), a 65536-bit map
 * (sinsp_fd_from_state()). */
static uint64_t *state_server_ports(const struct scap_state *st)
{
	uint64_t *map = calloc(65536 / 64, sizeof(uint64_t));
	uint32_t i, j;

	if (!map)
		return NULL;
	for (i = 0; i < st->nthreads; i++) {
		for (j = 0; j < st->threads[i].nfds; j++) {
			const struct scap_fdinfo *fi = &st->threads[i].fds[j];
			uint16_t port;

			if (fi->type == SCAP_FD_IPV4_SERVSOCK)
				port = fi->info.ipv4_server.port;
			else if (fi->type == SCAP_FD_IPV6_SERVSOCK)
				port = fi->info.ipv6_server.port;
			else
				continue;
			map[port / 64] |= 1ull << (port % 64);
		}
	}
	return map;
}

/* A thread of a process shares its main thread's fd table, unless it has its own. */
static void share_main_fds(struct sinsp *s, struct sinsp_thread *t)
{
	struct sinsp_thread *m;

	sinsp_thread_link_main(s, t);
	m = sinsp_thread_find_src(s, t->src, t->pid);
	if (m && m->fds && t->fds != m->fds && (!t->fds || !t->fds->map.count)) {
		if (t->fds)
			sinsp_fdtable_put(t->fds);
		t->fds = m->fds;
		m->fds->refs++;
	}
}

/* Is thread @tid of the current source one a merge leaves alone: known, not a
 * placeholder (a tid the events named but the capture never described)? */
static bool merge_keeps(struct sinsp *s, int64_t tid)
{
	const struct sinsp_thread *t = sinsp_thread_find(s, tid);

	return t && !t->placeholder;
}

int sinsp_thread_load_state(struct sinsp *s, const struct scap_state *st, bool merge)
{
	uint64_t *ports = state_server_ports(st);
	struct sinsp_thread **added = NULL;
	uint32_t i, j, nadded = 0;

	if (ports && merge)
		added = malloc((st->nthreads ? st->nthreads : 1) * sizeof(*added));
	if (!ports || (merge && !added)) {
		free(ports);
		return sinsp_err(s, -ENOMEM, "thread table");
	}
	for (i = 0; i < st->nthreads; i++) {
		const struct scap_threadinfo *ti = &st->threads[i];
		struct sinsp_thread *t;

		if (merge && merge_keeps(s, (int64_t)ti->tid))
			continue;
		t = sinsp_thread_add(s, (int64_t)ti->tid);
		if (!t && merge && s->threads.count >= s->max_threads)
			break; /* a full table (counted) is no reason to end the replay */
		if (!t) {
			free(added);
			free(ports);
			return sinsp_err(s, -ENOMEM, "thread table");
		}
		if (merge) {
			t->placeholder = false;
			added[nadded++] = t;
		}
		t->pid = (int64_t)ti->pid;
		sinsp_thread_set_ptid(s, t, (int64_t)ti->ptid);
		t->sid = (int64_t)ti->sid;
		t->vpgid = (int64_t)ti->vpgid;
		t->vtid = ti->vtid;
		t->vpid = ti->vpid;
		sinsp_thread_set_comm(t, ti->comm, strlen(ti->comm));
		sinsp_thread_set_str(&t->exe, ti->exe, strlen(ti->exe));
		sinsp_thread_set_str(&t->exepath, ti->exepath, strlen(ti->exepath));
		sinsp_thread_set_blob(&t->args, &t->args_len, ti->args, ti->args_len);
		sinsp_thread_set_blob(&t->env, &t->env_len, ti->env, ti->env_len);
		sinsp_thread_set_cgroups_memo(s, t, ti->cgroups, ti->cgroups_len);
		sinsp_thread_set_cwd(t, ti->cwd, strlen(ti->cwd));
		t->fdlimit = ti->fdlimit;
		t->flags = ti->flags;
		t->uid = ti->uid;
		t->gid = ti->gid;
		t->loginuid = ti->loginuid;
		t->vmsize_kb = ti->vmsize_kb;
		t->vmrss_kb = ti->vmrss_kb;
		t->vmswap_kb = ti->vmswap_kb;
		t->pfmajor = ti->pfmajor;
		t->pfminor = ti->pfminor;
		t->clone_ts = ti->clone_ts_ns;
		t->pgid = (int64_t)ti->pgid;
		t->tty = ti->tty;
		if (ti->root[0])
			sinsp_thread_set_str(&t->root, ti->root, strlen(ti->root));
		t->cap_permitted = ti->cap_permitted;
		t->cap_effective = ti->cap_effective;
		t->cap_inheritable = ti->cap_inheritable;
		t->exe_ino = ti->exe_ino;
		t->exe_ino_ctime = ti->exe_ino_ctime;
		t->exe_ino_mtime = ti->exe_ino_mtime;
		t->exe_writable = ti->exe_writable;
		t->exe_upper_layer = ti->exe_upper_layer;
		t->exe_from_memfd = ti->exe_from_memfd;
		t->pidns_init_start_ts = ti->pidns_init_start_ts_ns;
		t->reaper = t->tid == 1 || (t->vpid == 1 && t->tid == t->pid);
		sinsp_thread_update_container(s, t);
		for (j = 0; j < ti->nfds; j++) {
			const struct scap_fdinfo *fi = &ti->fds[j];
			struct sinsp_fd *f;

			/* a placeholder keeps the fds its events opened */
			if (merge && t->fds && sinsp_fd_find(t, fi->fd))
				continue;
			f = sinsp_fd_add(t, fi->fd, fi->type, fi->name);
			if (!f) {
				free(added);
				free(ports);
				return sinsp_err(s, -ENOMEM, "fd table");
			}
			f->ino = fi->ino;
			switch (fi->type) {
			case SCAP_FD_IPV4_SOCK:
				f->addr.v4.sip = fi->info.ipv4.sip;
				f->addr.v4.dip = fi->info.ipv4.dip;
				f->addr.v4.sport = fi->info.ipv4.sport;
				f->addr.v4.dport = fi->info.ipv4.dport;
				f->l4proto = fi->info.ipv4.l4proto;
				break;
			case SCAP_FD_IPV6_SOCK:
				memcpy(f->addr.v6.sip, fi->info.ipv6.sip, 16);
				memcpy(f->addr.v6.dip, fi->info.ipv6.dip, 16);
				f->addr.v6.sport = fi->info.ipv6.sport;
				f->addr.v6.dport = fi->info.ipv6.dport;
				f->l4proto = fi->info.ipv6.l4proto;
				break;
			case SCAP_FD_IPV4_SERVSOCK:
				f->addr.v4.sip = fi->info.ipv4_server.ip;
				f->addr.v4.sport = fi->info.ipv4_server.port;
				f->l4proto = fi->info.ipv4_server.l4proto;
				break;
			case SCAP_FD_IPV6_SERVSOCK:
				memcpy(f->addr.v6.sip, fi->info.ipv6_server.ip, 16);
				f->addr.v6.sport = fi->info.ipv6_server.port;
				f->l4proto = fi->info.ipv6_server.l4proto;
				break;
			case SCAP_FD_UNIX_SOCK:
				f->addr.un.src = fi->info.unix_sock.source;
				f->addr.un.dst = fi->info.unix_sock.dest;
				f->is_client = true; /* a connected socket at capture start */
				break;
			case SCAP_FD_FILE_V2:
				f->open_flags = fi->info.file.open_flags;
				f->dev = fi->info.file.dev;
				break;
			default:
				break;
			}
			sinsp_fd_from_state(f, ports);
		}
	}
	free(ports);
	/* threads of a process share the main thread's fd table; a merge links only the
	 * threads it added (a link counts the thread in its main thread's nthreads) */
	for (i = 0; merge && i < nadded; i++)
		if (added[i]->pid != added[i]->tid)
			share_main_fds(s, added[i]);
	for (size_t k = 0; !merge && k < s->threads.cap; k++) {
		struct sinsp_thread *t = s->threads.slots[k].val;

		if (t && t->pid != t->tid)
			share_main_fds(s, t);
	}
	free(added);
	return 0;
}

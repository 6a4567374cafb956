/* SPDX-License-Identifier: Apache-2.0 */
/* chunk_state.c - a capture chunk carries the state its events need (chunk_state.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <scry/scap.h>
#include <scry/sinsp_state.h>

#include "chunk_state.h"

/* ---- sets of thread ids: tid + 1 in an open-addressed table, 0 free ------------------ */

struct idset {
	uint64_t *k;
	uint32_t *v;                /* the value of each key (idset_put()), when wanted */
	size_t n, cap;
};

static size_t slot_of(uint64_t k, size_t cap)
{
	return (size_t)((k * 0x9e3779b97f4a7c15ull) >> 7) & (cap - 1);
}

/* The slot of @tid in @s: its own, or the free one it would take. */
static size_t idset_find(const struct idset *s, int64_t tid)
{
	uint64_t k = (uint64_t)tid + 1;
	size_t i;

	for (i = slot_of(k, s->cap); s->k[i] && s->k[i] != k; i = (i + 1) & (s->cap - 1))
		;
	return i;
}

/* A set for @n keys at most. Return: 0; -ENOMEM. */
static int idset_init(struct idset *s, size_t n, bool values)
{
	s->n = 0;
	for (s->cap = 16; s->cap < 2 * n + 2; s->cap *= 2)
		;
	s->k = calloc(s->cap, sizeof(*s->k));
	s->v = values ? calloc(s->cap, sizeof(*s->v)) : NULL;
	return !s->k || (values && !s->v) ? -ENOMEM : 0;
}

static void idset_free(struct idset *s)
{
	free(s->k);
	free(s->v);
}

/* Add @tid (tid -1, no thread, is never added); with a value @v. Room for it is the
 * caller's (idset_init()'s @n). Return: whether it was new. */
static bool idset_put(struct idset *s, int64_t tid, uint32_t v)
{
	size_t i;

	if (tid == -1)
		return false;
	i = idset_find(s, tid);
	if (s->k[i])
		return false;
	s->k[i] = (uint64_t)tid + 1;
	if (s->v)
		s->v[i] = v;
	s->n++;
	return true;
}

/* The slot of @tid when @s has it, else -1. */
static long idset_get(const struct idset *s, int64_t tid)
{
	size_t i;

	if (tid == -1)
		return -1;
	i = idset_find(s, tid);
	return s->k[i] ? (long)i : -1;
}

/* ---- the threads noted ------------------------------------------------------------- */

int scry_chunk_state_start(struct scry_chunk_state *c, struct scap_dumper *d)
{
	struct scap_dump_stats st = { .sz = sizeof(st) };
	int rc = scap_dump_flush(d);

	if (!rc)
		rc = scap_dump_get_stats(d, &st);
	if (rc)
		return rc;
	c->state_end = st.file_bytes;
	if (c->tids)
		memset(c->tids, 0, c->cap * sizeof(*c->tids));
	c->ntids = 0;
	c->last = INT64_MIN;
	c->whole = false;
	return 0;
}

void scry_chunk_state_add(struct scry_chunk_state *c, int64_t tid)
{
	struct idset s;

	c->last = tid;
	if (tid == -1 || c->whole)
		return;
	if ((c->ntids + 1) * 2 > c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 1024;
		uint64_t *n = calloc(cap, sizeof(*n));

		if (!n) {
			c->whole = true;
			return;
		}
		s = (struct idset){ .k = n, .cap = cap };
		for (size_t j = 0; j < c->cap; j++)
			if (c->tids[j])
				n[idset_find(&s, (int64_t)(c->tids[j] - 1))] = c->tids[j];
		free(c->tids);
		c->tids = n;
		c->cap = cap;
	}
	s = (struct idset){ .k = c->tids, .cap = c->cap, .n = c->ntids };
	idset_put(&s, tid, 0);
	c->ntids = s.n;
}

void scry_chunk_state_free(struct scry_chunk_state *c)
{
	free(c->tids);
	c->tids = NULL;
	c->ntids = c->cap = 0;
}

/* ---- which threads the state keeps ------------------------------------------------- */

/* What the state keeps of a thread (keep_threads()). */
#define KEEP_THREAD 1u
#define KEEP_FDS 2u               /* its fds too */

struct keep {
	const struct scap_state *st;
	struct idset idx;           /* tid -> index in st->threads */
	struct idset pids;          /* processes kept */
	struct idset fdpids;        /* processes whose fds are kept */
	uint8_t *kept;              /* KEEP_* of each thread of st */
	int64_t *stack;             /* tids to keep (at most 3 per thread of st: 2 as it
	                               is kept, 1 as another of its process; 3 per noted one) */
	size_t nstack;
};

static void push(struct keep *k, int64_t tid)
{
	k->stack[k->nstack++] = tid;
}

/* Keep the threads on the stack and their ancestors (each one's process and parent). */
static void closure(struct keep *k)
{
	while (k->nstack) {
		long i = idset_get(&k->idx, k->stack[--k->nstack]);
		const struct scap_threadinfo *t;

		if (i < 0 || k->kept[k->idx.v[i]])
			continue;
		t = &k->st->threads[k->idx.v[i]];
		k->kept[k->idx.v[i]] = KEEP_THREAD;
		idset_put(&k->pids, (int64_t)t->pid, 0);
		push(k, (int64_t)t->pid);
		push(k, (int64_t)t->ptid);
	}
}

/* Keep the fds of the process of thread @tid of st, when st has it. */
static void keep_fds_of(struct keep *k, int64_t tid)
{
	long i = idset_get(&k->idx, tid);

	if (i >= 0)
		idset_put(&k->fdpids, (int64_t)k->st->threads[k->idx.v[i]].pid, 0);
}

/*
 * kept[i] (KEEP_*) for the threads of @st that the events noted in @c need: the noted
 * ones (a thread the chunk created is not in @st: its process and parent, from @s,
 * are), the other threads of their processes (thread counts, the fd table they share),
 * and the ancestors of all these (names and command lines only: the events use the fds
 * of their own process, or those a new one inherits from its parent).
 * Return: the count kept; -ENOMEM.
 */
static long keep_threads(struct scry_chunk_state *c, sinsp_t *s, const struct scap_state *st,
			 uint8_t *kept)
{
	struct keep k = { .st = st, .kept = kept };
	long n = 0;
	bool more;

	k.stack = malloc((3 * (size_t)st->nthreads + 3 * c->ntids + 1) * sizeof(*k.stack));
	if (!k.stack || idset_init(&k.idx, st->nthreads, true) ||
	    idset_init(&k.pids, st->nthreads, false) || idset_init(&k.fdpids, st->nthreads, false)) {
		n = -ENOMEM;
		goto out;
	}
	for (uint32_t i = 0; i < st->nthreads; i++)
		idset_put(&k.idx, (int64_t)st->threads[i].tid, i);
	for (size_t j = 0; j < c->cap; j++) {
		int64_t tid = (int64_t)(c->tids[j] - 1);
		struct sinsp_thread_info ti = { .sz = sizeof(ti) };

		if (!c->tids[j])
			continue;
		push(&k, tid);
		if (idset_get(&k.idx, tid) >= 0) {
			keep_fds_of(&k, tid);
		} else if (sinsp_thread_lookup(s, tid, &ti) == 0) {
			push(&k, ti.pid);
			push(&k, ti.ptid);
			keep_fds_of(&k, ti.pid);
			keep_fds_of(&k, ti.ptid);
		}
	}
	do {
		closure(&k);
		more = false;
		for (uint32_t i = 0; i < st->nthreads; i++) {
			if (kept[i] || idset_get(&k.pids, (int64_t)st->threads[i].pid) < 0)
				continue;
			push(&k, (int64_t)st->threads[i].tid);
			more = true;
		}
	} while (more);
	for (uint32_t i = 0; i < st->nthreads; i++) {
		if (!kept[i])
			continue;
		n++;
		if (idset_get(&k.fdpids, (int64_t)st->threads[i].pid) >= 0)
			kept[i] |= KEEP_FDS;
	}
out:
	free(k.stack);
	idset_free(&k.idx);
	idset_free(&k.pids);
	idset_free(&k.fdpids);
	return n;
}

/* Does @kept leave out a thread or fds of @st? */
static bool drops(const struct scap_state *st, const uint8_t *kept)
{
	for (uint32_t i = 0; i < st->nthreads; i++)
		if (!kept[i] || (!(kept[i] & KEEP_FDS) && st->threads[i].nfds))
			return true;
	return false;
}

/* ---- the chunk's start written again ----------------------------------------------- */

static int read_all(const char *path, uint8_t **out, size_t *len)
{
	struct stat sb;
	uint8_t *b = NULL;
	size_t got = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC), rc = 0;

	if (fd < 0)
		return -errno;
	if (fstat(fd, &sb)) {
		rc = -errno;
		goto out;
	}
	b = malloc(sb.st_size ? (size_t)sb.st_size : 1);
	if (!b) {
		rc = -ENOMEM;
		goto out;
	}
	while (got < (size_t)sb.st_size) {
		ssize_t r = read(fd, b + got, (size_t)sb.st_size - got);

		if (r <= 0) {
			rc = r ? -errno : -EIO;
			goto out;
		}
		got += (size_t)r;
	}
out:
	close(fd);
	if (rc) {
		free(b);
		return rc;
	}
	*out = b;
	*len = got;
	return 0;
}

/* Write @len bytes of @b to @path, appended or from its start. Return: 0; -errno. */
static int write_all(const char *path, const uint8_t *b, size_t len, bool append)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC | (append ? O_APPEND : O_TRUNC)), rc = 0;

	if (fd < 0)
		return -errno;
	while (len) {
		ssize_t w = write(fd, b, len);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			rc = w ? -errno : -EIO;
			break;
		}
		b += w;
		len -= (size_t)w;
	}
	if (close(fd) && !rc)
		rc = -errno;
	return rc;
}

/* The state of @st that @kept says, then the container table (the events left in @h),
 * into @path (truncated). Return: 0; the dumper's errors (message in @err). */
static int write_state(const char *path, bool gz, scap_t *h, const struct scap_state *st,
		       const uint8_t *kept, char *err)
{
	/* a buffer below the dumper's threshold for compressing threads: a state of some
	 * KB is one member, compressed here, with no threads to start and end */
	SCAP_OPTS(scap_dump_opts, o, .path = path, .buffer_bytes = 64u << 10,
		  .compression = gz ? SCAP_DUMP_GZIP : SCAP_DUMP_PLAIN);
	struct scap_evt_ref ev = { .sz = sizeof(ev) };
	struct scap_dumper *d;
	uint32_t i;
	int cl, rc = scap_dump_open(&o, &d, err);

	if (rc)
		return rc;
	if (st->machine)
		rc = scap_dump_machine(d, st->machine);
	if (!rc)
		rc = scap_dump_iflist(d, st->ifv4, st->nifv4, st->ifv6, st->nifv6);
	if (!rc)
		rc = scap_dump_userlist(d, st->users, st->nusers, st->groups, st->ngroups);
	if (!rc)
		rc = scap_dump_proclist_begin(d);
	for (i = 0; !rc && i < st->nthreads; i++)
		if (kept[i])
			rc = scap_dump_proclist_add(d, &st->threads[i]);
	if (!rc)
		rc = scap_dump_proclist_end(d);
	for (i = 0; !rc && i < st->nthreads; i++)
		if ((kept[i] & KEEP_FDS) && st->threads[i].nfds)
			rc = scap_dump_fdlist(d, st->threads[i].tid, st->threads[i].fds,
					      st->threads[i].nfds);
	while (!rc && scap_next(h, &ev) == 0)
		rc = scap_dump_event(d, &ev, ev.flags);
	if (rc)
		snprintf(err, SCAP_ERRBUF_SIZE, "%s", scap_dump_last_error(d));
	cl = scap_dump_close(d, rc ? NULL : err);
	return rc ? rc : cl;
}

int scry_chunk_state_thin(struct scry_chunk_state *c, sinsp_t *s, const char *path, char *err,
			  size_t errlen)
{
	char e[SCAP_ERRBUF_SIZE] = "";
	struct scap_state st = { .sz = sizeof(st) };
	uint8_t *data = NULL;
	uint8_t *kept = NULL;
	scap_t *h = NULL;
	size_t len = 0;
	long n;
	int rc;

	c->threads_in = c->threads_out = 0;
	if (c->chunks++ % SCRY_CHUNK_STATE_WHOLE == 0 || c->whole)
		return 0;
	rc = read_all(path, &data, &len);
	if (rc) {
		snprintf(err, errlen, "read: %s", strerror(-rc));
		return rc;
	}
	if (c->state_end > len) {
		snprintf(err, errlen, "shorter (%zu bytes) than its state", len);
		rc = -EPROTO;
		goto out;
	}
	SCAP_OPTS(scap_open_opts, so, .engine = "savefile", .buf = data, .buf_len = c->state_end);
	rc = scap_open(&so, &h, e);
	if (!rc)
		rc = scap_get_state(h, &st);
	kept = rc ? NULL : calloc(st.nthreads ? st.nthreads : 1, sizeof(*kept));
	if (rc || !kept) {
		snprintf(err, errlen, "its state: %s", rc ? e : "out of memory");
		rc = rc ? rc : -ENOMEM;
		goto out;
	}
	n = keep_threads(c, s, &st, kept);
	if (n < 0) {
		snprintf(err, errlen, "out of memory");
		rc = (int)n;
		goto out;
	}
	c->threads_in = st.nthreads;
	c->threads_out = (uint64_t)n;
	if (!drops(&st, kept))
		goto out; /* every thread and fd is needed: the file stays */
	rc = write_state(path, len >= 2 && data[0] == 0x1f && data[1] == 0x8b, h, &st, kept, e);
	if (!rc)
		rc = write_all(path, data + c->state_end, len - c->state_end, true);
	if (rc) {
		snprintf(err, errlen, "%s", e[0] ? e : strerror(-rc));
		c->threads_out = c->threads_in;
		if (write_all(path, data, len, false))
			snprintf(err, errlen, "%s; the chunk could not be written back whole", e);
	}
out:
	scap_close(h);
	free(kept);
	free(data);
	return rc;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * scap_state.c - the initial state owned by a handle: growable arrays of threads (each
 * with its fds), users, groups and interfaces, and a tid -> thread index.
 *
 * The thread array has its own anonymous mapping, in whole 2 MiB units advised for
 * transparent huge pages. An entry is ~17.6 KB of fixed arrays and loading writes into
 * every 4 KiB page of it (the strings start all along the entry), so on small pages each
 * thread costs 4 to 5 page faults, about 10 us each on our shared VMs: 2.3 ms of the
 * ~60 ms of `scry -r F -w OUT` for the 54 threads of the bench capture. A huge page is one
 * fault per 2 MiB (118 threads). Where THP is off or no huge page is free, the mapping is
 * demand-paged as malloc memory would be.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "scap_int.h"

/* Unit and alignment of the thread array's mapping: the x86-64/arm64 huge page. */
#define THREADS_UNIT ((size_t)2 << 20)

/* Bytes mapped for @cap threads: whole THREADS_UNITs. */
static size_t threads_bytes(uint32_t cap)
{
	size_t b = (size_t)cap * sizeof(struct scap_threadinfo);

	return (b + THREADS_UNIT - 1) & ~(THREADS_UNIT - 1);
}

/* A zeroed mapping of @bytes (a multiple of THREADS_UNIT) aligned to THREADS_UNIT, so that
 * it can be backed by huge pages; NULL when mmap fails. Free with munmap(p, bytes). */
static void *threads_map(size_t bytes)
{
	size_t span = bytes + THREADS_UNIT, head;
	char *p = mmap(NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		return NULL;
	head = (THREADS_UNIT - (uintptr_t)p % THREADS_UNIT) % THREADS_UNIT;
	if (head)
		munmap(p, head);
	munmap(p + head + bytes, span - head - bytes);
	/* Advice only: without THP the mapping stays usable on small pages. */
	madvise(p + head, bytes, MADV_HUGEPAGE);
	return p + head;
}

/* Room for thread s->nthreads: the mapping is replaced by one twice as large, the used
 * entries copied. false when out of memory or entries. */
static bool threads_reserve(struct scap_state_store *s)
{
	size_t old = s->cap_threads ? threads_bytes(s->cap_threads) : 0, bytes;
	void *p;

	if (s->nthreads < s->cap_threads)
		return true;
	if (s->nthreads == UINT32_MAX)
		return false;
	bytes = old ? old * 2 : THREADS_UNIT;
	if (bytes / sizeof(struct scap_threadinfo) > UINT32_MAX)
		return false;
	p = threads_map(bytes);
	if (!p)
		return false;
	if (s->nthreads)
		memcpy(p, s->threads, (size_t)s->nthreads * sizeof(struct scap_threadinfo));
	if (old)
		munmap(s->threads, old);
	s->threads = p;
	s->cap_threads = (uint32_t)(bytes / sizeof(struct scap_threadinfo));
	return true;
}

/* Make room for one more element of @size bytes in *arr (n used, *cap allocated). */
static void *grow(void **arr, uint32_t n, uint32_t *cap, size_t size)
{
	if (n == UINT32_MAX)
		return NULL;
	if (n >= *cap) {
		uint32_t ncap = *cap ? *cap * 2 : 16;
		void *p;

		if (ncap < *cap)
			return NULL;
		p = realloc(*arr, (size_t)ncap * size);
		if (!p)
			return NULL;
		*arr = p;
		*cap = ncap;
	}
	memset((char *)*arr + (size_t)n * size, 0, size);
	return (char *)*arr + (size_t)n * size;
}

struct scap_threadinfo *scap_state_add_thread(struct scap_state_store *s)
{
	struct scap_threadinfo *t;

	if (!threads_reserve(s))
		return NULL;
	/* A fresh mapping is zero, but a slot dropped by the /proc scan is reused dirty; the
	 * memset is cheap next to the page faults, which the huge pages avoid. */
	t = &s->threads[s->nthreads];
	memset(t, 0, sizeof(*t));
	t->loginuid = (uint32_t)-1;
	s->nthreads++;
	return t;
}

static uint32_t tid_hash(uint64_t tid)
{
	tid ^= tid >> 33;
	tid *= 0xff51afd7ed558ccdULL;
	tid ^= tid >> 33;
	return (uint32_t)tid;
}

static void index_put(struct scap_state_store *s, uint32_t idx)
{
	uint32_t mask = s->tid_index_cap - 1;
	uint64_t tid = s->threads[idx].tid;

	for (uint32_t i = tid_hash(tid) & mask;; i = (i + 1) & mask) {
		uint32_t slot = s->tid_index[i];

		/* A later entry for the same tid replaces the earlier one. */
		if (!slot || s->threads[slot - 1].tid == tid) {
			s->tid_index[i] = idx + 1;
			return;
		}
	}
}

int scap_state_index_thread(struct scap_state_store *s, uint32_t idx)
{
	/* Keep the load factor at most 1/2. */
	if ((uint64_t)(idx + 1) * 2 > s->tid_index_cap) {
		uint32_t ncap = s->tid_index_cap ? s->tid_index_cap * 2 : 64;
		uint32_t *p;

		while ((uint64_t)(idx + 1) * 2 > ncap)
			ncap *= 2;
		p = calloc(ncap, sizeof(*p));
		if (!p)
			return -ENOMEM;
		free(s->tid_index);
		s->tid_index = p;
		s->tid_index_cap = ncap;
		for (uint32_t i = 0; i < idx; i++)
			index_put(s, i);
	}
	index_put(s, idx);
	return 0;
}

struct scap_threadinfo *scap_state_find_thread(struct scap_state_store *s, uint64_t tid)
{
	uint32_t mask;

	if (!s->tid_index_cap)
		return NULL;
	mask = s->tid_index_cap - 1;
	for (uint32_t i = tid_hash(tid) & mask;; i = (i + 1) & mask) {
		uint32_t slot = s->tid_index[i];

		if (!slot)
			return NULL;
		if (s->threads[slot - 1].tid == tid)
			return &s->threads[slot - 1];
	}
}

struct scap_fdinfo *scap_state_add_fd(struct scap_threadinfo *t)
{
	uint32_t n = t->nfds;
	struct scap_fdinfo *f;

	/* Capacity is implicit: 8, then doubled each time nfds reaches a power of two. */
	if (n == UINT32_MAX)
		return NULL;
	if (n == 0 || (n >= 8 && (n & (n - 1)) == 0)) {
		size_t ncap = n ? (size_t)n * 2 : 8;
		void *p = realloc(t->fds, ncap * sizeof(*f));

		if (!p)
			return NULL;
		t->fds = p;
	}
	f = &t->fds[n];
	memset(f, 0, sizeof(*f));
	t->nfds = n + 1;
	return f;
}

struct scap_userinfo *scap_state_add_user(struct scap_state_store *s)
{
	struct scap_userinfo *u = grow((void **)&s->users, s->nusers, &s->cap_users, sizeof(*u));

	if (u)
		s->nusers++;
	return u;
}

struct scap_groupinfo *scap_state_add_group(struct scap_state_store *s)
{
	struct scap_groupinfo *g = grow((void **)&s->groups, s->ngroups, &s->cap_groups,
					sizeof(*g));

	if (g)
		s->ngroups++;
	return g;
}

struct scap_ifinfo_ipv4 *scap_state_add_ifv4(struct scap_state_store *s)
{
	struct scap_ifinfo_ipv4 *i = grow((void **)&s->ifv4, s->nifv4, &s->cap_ifv4, sizeof(*i));

	if (i)
		s->nifv4++;
	return i;
}

struct scap_ifinfo_ipv6 *scap_state_add_ifv6(struct scap_state_store *s)
{
	struct scap_ifinfo_ipv6 *i = grow((void **)&s->ifv6, s->nifv6, &s->cap_ifv6, sizeof(*i));

	if (i)
		s->nifv6++;
	return i;
}

void scap_state_clear_users(struct scap_state_store *s)
{
	s->nusers = 0;
	s->ngroups = 0;
}

void scap_state_clear_ifaces(struct scap_state_store *s)
{
	s->nifv4 = 0;
	s->nifv6 = 0;
}

void scap_state_export(const struct scap_state_store *s, struct scap_state *out)
{
	out->machine = s->has_machine ? &s->machine : NULL;
	out->threads = s->threads;
	out->nthreads = s->nthreads;
	out->users = s->users;
	out->nusers = s->nusers;
	out->groups = s->groups;
	out->ngroups = s->ngroups;
	out->ifv4 = s->ifv4;
	out->nifv4 = s->nifv4;
	out->ifv6 = s->ifv6;
	out->nifv6 = s->nifv6;
}

void scap_state_free(struct scap_state_store *s)
{
	for (uint32_t i = 0; i < s->nthreads; i++)
		free(s->threads[i].fds);
	if (s->cap_threads)
		munmap(s->threads, threads_bytes(s->cap_threads));
	free(s->tid_index);
	free(s->users);
	free(s->groups);
	free(s->ifv4);
	free(s->ifv6);
	memset(s, 0, sizeof(*s));
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * counts.c - the probe's per-process counters read by the bpf engine
 * (driver/bpf/counters.h, driver/bpf/scapbpf.h): a process's counts are the sum of its
 * slot in each CPU's table (mapped here, read in place) and of its entry of the hash
 * map "scapbpf_cnt". Each of those only grows while it is the process's, so a sum read
 * piece by piece is never above the true count at the end of the read nor below the
 * one at its start: successive reads never go down.
 *
 * A slot is freed by zeroing its counters, then storing its tgid 0 (release order): the
 * probe, which takes a free slot for a process by storing the tgid, then adds, never
 * sees a freed slot's old counts (the CPUs order stores as they are made: x86; the
 * probe is built for x86 only).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <sys/mman.h>

#include <bpf/bpf.h>

#include "counts.h"

int bpf_cnt_open(scap_t *h, struct bpf_cnt *k, int slots_fd, int hash_fd, uint32_t ncpus)
{
	size_t len = (size_t)ncpus * sizeof(struct scapbpf_cnt_slots);
	void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, slots_fd, 0);

	if (p == MAP_FAILED)
		return scap_engine_err(h, -errno, "bpf: mapping the counter slots (%zu bytes)", len);
	k->slots = p;
	k->map_len = len;
	k->ncpus = ncpus;
	k->hash_fd = hash_fd;
	return 0;
}

void bpf_cnt_close(struct bpf_cnt *k)
{
	if (k->slots)
		munmap(k->slots, k->map_len);
	k->slots = NULL;
}

/* The counts read so far: one per slot or entry, merged by tgid after. */
struct cnt_list {
	struct scap_proc_counts *v;
	size_t n, cap;
};

static struct scap_proc_counts *cnt_list_add(struct cnt_list *l, uint32_t tgid)
{
	struct scap_proc_counts *v;

	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 256;

		v = realloc(l->v, cap * sizeof(*v));
		if (!v)
			return NULL;
		l->v = v;
		l->cap = cap;
	}
	v = &l->v[l->n++];
	memset(v, 0, sizeof(*v));
	v->sz = sizeof(*v);
	v->tgid = tgid;
	return v;
}

static void cnt_load(struct scap_proc_counts *to, const struct scapbpf_proc_cnt *c)
{
	to->calls = __atomic_load_n(&c->calls, __ATOMIC_RELAXED);
	to->failures = __atomic_load_n(&c->failures, __ATOMIC_RELAXED);
	to->file_read_bytes = __atomic_load_n(&c->file_read, __ATOMIC_RELAXED);
	to->file_write_bytes = __atomic_load_n(&c->file_write, __ATOMIC_RELAXED);
	to->net_in_bytes = __atomic_load_n(&c->net_in, __ATOMIC_RELAXED);
	to->net_out_bytes = __atomic_load_n(&c->net_out, __ATOMIC_RELAXED);
}

/* Every taken slot of every CPU. */
static int slots_read(const struct bpf_cnt *k, struct cnt_list *l)
{
	for (uint32_t cpu = 0; cpu < k->ncpus; cpu++) {
		const struct scapbpf_cnt_slot *s = k->slots[cpu].slot;

		for (uint32_t i = 0; i < SCAPBPF_CNT_SLOTS; i++) {
			uint32_t tgid = __atomic_load_n(&s[i].tgid, __ATOMIC_ACQUIRE);
			struct scap_proc_counts *c;

			if (!tgid)
				continue;
			c = cnt_list_add(l, tgid);
			if (!c)
				return -ENOMEM;
			cnt_load(c, &s[i].c);
		}
	}
	return 0;
}

/* Every entry of the hash map. */
static int entries_read(scap_t *h, const struct bpf_cnt *k, struct cnt_list *l)
{
	struct scapbpf_proc_cnt v;
	struct scap_proc_counts *c;
	__u32 key, next;
	void *prev = NULL;

	/* keys go only by bpf_cnt_delete(), which the caller's callback must not call (a
	 * deleted key would make get_next_key start over); a process the probe adds
	 * meanwhile may or may not be seen */
	while (bpf_map_get_next_key(k->hash_fd, prev, &next) == 0) {
		key = next;
		prev = &key;
		if (bpf_map_lookup_elem(k->hash_fd, &key, &v)) {
			if (errno == ENOENT)
				continue;
			return scap_engine_err(h, -errno, "bpf: reading the counters of %u", key);
		}
		c = cnt_list_add(l, key);
		if (!c)
			return -ENOMEM;
		cnt_load(c, &v);
	}
	if (errno != ENOENT)
		return scap_engine_err(h, -errno, "bpf: iterating the counters");
	return 0;
}

static int cnt_cmp(const void *a, const void *b)
{
	uint32_t x = ((const struct scap_proc_counts *)a)->tgid;
	uint32_t y = ((const struct scap_proc_counts *)b)->tgid;

	return x < y ? -1 : x > y;
}

int bpf_cnt_foreach(scap_t *h, struct bpf_cnt *k, scap_counts_fn fn, void *ctx)
{
	struct cnt_list l = { 0 };
	size_t i, j;
	int rc;

	rc = slots_read(k, &l);
	if (!rc)
		rc = entries_read(h, k, &l);
	if (rc == -ENOMEM)
		rc = scap_engine_err(h, -ENOMEM, "bpf: reading the counters (%zu processes)", l.n);
	if (!rc && l.n)
		qsort(l.v, l.n, sizeof(*l.v), cnt_cmp);
	for (i = 0; !rc && i < l.n; i = j) {
		struct scap_proc_counts sum = l.v[i];

		for (j = i + 1; j < l.n && l.v[j].tgid == sum.tgid; j++) {
			sum.calls += l.v[j].calls;
			sum.failures += l.v[j].failures;
			sum.file_read_bytes += l.v[j].file_read_bytes;
			sum.file_write_bytes += l.v[j].file_write_bytes;
			sum.net_in_bytes += l.v[j].net_in_bytes;
			sum.net_out_bytes += l.v[j].net_out_bytes;
		}
		rc = fn(ctx, &sum);
	}
	free(l.v);
	return rc;
}

int bpf_cnt_delete(scap_t *h, struct bpf_cnt *k, uint32_t tgid)
{
	__u32 key = tgid;
	bool found = false;

	for (uint32_t cpu = 0; tgid && cpu < k->ncpus; cpu++) {
		struct scapbpf_cnt_slot *s = &k->slots[cpu].slot[tgid & (SCAPBPF_CNT_SLOTS - 1)];

		if (__atomic_load_n(&s->tgid, __ATOMIC_RELAXED) != tgid)
			continue;
		__atomic_store_n(&s->c.calls, 0, __ATOMIC_RELAXED);
		__atomic_store_n(&s->c.failures, 0, __ATOMIC_RELAXED);
		__atomic_store_n(&s->c.file_read, 0, __ATOMIC_RELAXED);
		__atomic_store_n(&s->c.file_write, 0, __ATOMIC_RELAXED);
		__atomic_store_n(&s->c.net_in, 0, __ATOMIC_RELAXED);
		__atomic_store_n(&s->c.net_out, 0, __ATOMIC_RELAXED);
		__atomic_store_n(&s->tgid, 0, __ATOMIC_RELEASE);
		found = true;
	}
	if (!bpf_map_delete_elem(k->hash_fd, &key))
		found = true;
	else if (errno != ENOENT)
		return scap_engine_err(h, -errno, "bpf: deleting the counters of %u", tgid);
	return found ? 0 : -ENOENT;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * hashmap.h - open-addressing map from a 64-bit key (tid, fd) to a pointer, with
 * linear probing and backward-shift deletion (no tombstones, so lookups stay short
 * over a long capture with many short-lived threads). Capacity is a power of two;
 * the table doubles at 70% load.
 */
#ifndef SINSP_HASHMAP_H
#define SINSP_HASHMAP_H

#include <stdint.h>
#include <stddef.h>

struct hashmap_slot {
	uint64_t key;
	void *val;            /* NULL: empty slot */
};

struct hashmap {
	struct hashmap_slot *slots;
	size_t cap, count;
	/* last hit of hashmap_get_cached() (hit_val NULL: none); put/del/free forget it */
	uint64_t hit_key;
	void *hit_val;
};

/* Home slot of key in a table of cap (a power of two) slots. */
static inline size_t hashmap_slot_of(uint64_t key, size_t cap)
{
	/* Fibonacci hashing spreads sequential tids and small fds over the table */
	return (size_t)((key * 0x9E3779B97F4A7C15ull) >> 32) & (cap - 1);
}

/* Return the value stored for key, or NULL. Inline: every event looks up its thread. */
static inline void *hashmap_get(const struct hashmap *m, uint64_t key)
{
	size_t i;

	if (!m->cap)
		return NULL;
	for (i = hashmap_slot_of(key, m->cap);; i = (i + 1) & (m->cap - 1)) {
		if (!m->slots[i].val)
			return NULL;
		if (m->slots[i].key == key)
			return m->slots[i].val;
	}
}
/*
 * hashmap_get() that remembers its last hit: the same key asked again (the thread of
 * consecutive events) costs one compare. Misses are not remembered.
 */
static inline void *hashmap_get_cached(struct hashmap *m, uint64_t key)
{
	void *v;

	if (m->hit_val && m->hit_key == key)
		return m->hit_val;
	v = hashmap_get(m, key);
	if (v) {
		m->hit_key = key;
		m->hit_val = v;
	}
	return v;
}

/* Store val (non-NULL) for key, replacing any value. Return 0 or -ENOMEM. */
int hashmap_put(struct hashmap *m, uint64_t key, void *val);
/* Remove key; return its value or NULL. */
void *hashmap_del(struct hashmap *m, uint64_t key);
void hashmap_free(struct hashmap *m);

/* Iterate: for (size_t i = 0; i < m->cap; i++) if (m->slots[i].val) ... */

#endif /* SINSP_HASHMAP_H */

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
};

/* Return the value stored for key, or NULL. */
void *hashmap_get(const struct hashmap *m, uint64_t key);
/* Store val (non-NULL) for key, replacing any value. Return 0 or -ENOMEM. */
int hashmap_put(struct hashmap *m, uint64_t key, void *val);
/* Remove key; return its value or NULL. */
void *hashmap_del(struct hashmap *m, uint64_t key);
void hashmap_free(struct hashmap *m);

/* Iterate: for (size_t i = 0; i < m->cap; i++) if (m->slots[i].val) ... */

#endif /* SINSP_HASHMAP_H */

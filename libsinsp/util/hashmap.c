/* SPDX-License-Identifier: Apache-2.0 */
#include <errno.h>
#include <stdlib.h>

#include "util/hashmap.h"

static int grow(struct hashmap *m)
{
	size_t ncap = m->cap ? m->cap * 2 : 16, i;
	struct hashmap_slot *ns = calloc(ncap, sizeof(*ns));

	if (!ns)
		return -ENOMEM;
	for (i = 0; i < m->cap; i++) {
		size_t j;

		if (!m->slots[i].val)
			continue;
		for (j = hashmap_slot_of(m->slots[i].key, ncap); ns[j].val; j = (j + 1) & (ncap - 1))
			;
		ns[j] = m->slots[i];
	}
	free(m->slots);
	m->slots = ns;
	m->cap = ncap;
	return 0;
}

int hashmap_put(struct hashmap *m, uint64_t key, void *val)
{
	size_t i;

	m->hit_val = NULL;
	if ((m->count + 1) * 10 > m->cap * 7 && grow(m))
		return -ENOMEM;
	for (i = hashmap_slot_of(key, m->cap);; i = (i + 1) & (m->cap - 1)) {
		if (!m->slots[i].val) {
			m->slots[i].key = key;
			m->slots[i].val = val;
			m->count++;
			return 0;
		}
		if (m->slots[i].key == key) {
			m->slots[i].val = val;
			return 0;
		}
	}
}

void *hashmap_del(struct hashmap *m, uint64_t key)
{
	size_t i, j, mask = m->cap - 1;
	void *val;

	m->hit_val = NULL;
	if (!m->cap)
		return NULL;
	for (i = hashmap_slot_of(key, m->cap);; i = (i + 1) & mask) {
		if (!m->slots[i].val)
			return NULL;
		if (m->slots[i].key == key)
			break;
	}
	val = m->slots[i].val;
	m->slots[i].val = NULL;
	m->count--;
	/* backward shift: move later entries of the cluster into the hole when allowed */
	for (j = (i + 1) & mask; m->slots[j].val; j = (j + 1) & mask) {
		size_t home = hashmap_slot_of(m->slots[j].key, m->cap);

		/* entry at j may move to i if its home is not in (i, j] (cyclically) */
		if (((j - home) & mask) >= ((j - i) & mask)) {
			m->slots[i] = m->slots[j];
			m->slots[j].val = NULL;
			i = j;
		}
	}
	return val;
}

void hashmap_free(struct hashmap *m)
{
	free(m->slots);
	m->slots = NULL;
	m->cap = m->count = 0;
	m->hit_val = NULL;
}

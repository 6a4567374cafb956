/* SPDX-License-Identifier: Apache-2.0 */
/*
 * msgid_set.c - a window of recent message ids: a FIFO ring of the ids (eviction order)
 * and a chained hash table over them (lookup). See msgid_set.h.
 */
#include "msgid_set.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct msgid_node {
	struct msgid_node *next;  /* hash chain */
	uint64_t hash;
	char id[];
};

struct msgid_set {
	size_t cap;                  /* ids kept */
	size_t count;                /* ids in ring[] */
	size_t head;                 /* ring index of the oldest id */
	struct msgid_node **ring;    /* cap entries, FIFO */
	size_t nbuckets;             /* power of two, >= 2 * cap */
	struct msgid_node **buckets;
};

/* FNV-1a, 64 bits (the FNV parameters of draft-eastlake-fnv). */
static uint64_t msgid_hash(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ull;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ull;
	}
	return h;
}

int msgid_set_new(size_t cap, struct msgid_set **out)
{
	struct msgid_set *s;

	if (cap < 1)
		return -EINVAL;
	s = calloc(1, sizeof(*s));
	if (!s)
		return -ENOMEM;
	s->cap = cap;
	s->nbuckets = 16;
	while (s->nbuckets < 2 * cap)
		s->nbuckets <<= 1;
	s->ring = calloc(cap, sizeof(*s->ring));
	s->buckets = calloc(s->nbuckets, sizeof(*s->buckets));
	if (!s->ring || !s->buckets) {
		msgid_set_free(s);
		return -ENOMEM;
	}
	*out = s;
	return 0;
}

static void msgid_unlink(struct msgid_set *s, struct msgid_node *n)
{
	struct msgid_node **pp = &s->buckets[n->hash & (s->nbuckets - 1)];

	while (*pp && *pp != n)
		pp = &(*pp)->next;
	if (*pp)
		*pp = n->next;
}

int msgid_set_add(struct msgid_set *s, const char *id)
{
	uint64_t h = msgid_hash(id);
	struct msgid_node **bucket = &s->buckets[h & (s->nbuckets - 1)];
	struct msgid_node *n;
	size_t len = strlen(id);

	for (n = *bucket; n; n = n->next)
		if (n->hash == h && strcmp(n->id, id) == 0)
			return 1;
	n = malloc(sizeof(*n) + len + 1);
	if (!n)
		return -ENOMEM;
	n->hash = h;
	memcpy(n->id, id, len + 1);
	if (s->count == s->cap) {  /* forget the oldest */
		struct msgid_node *old = s->ring[s->head];

		msgid_unlink(s, old);
		free(old);
		s->ring[s->head] = n;
		s->head = (s->head + 1) % s->cap;
	} else {
		s->ring[(s->head + s->count) % s->cap] = n;
		s->count++;
	}
	n->next = *bucket;
	*bucket = n;
	return 0;
}

void msgid_set_free(struct msgid_set *s)
{
	size_t i;

	if (!s)
		return;
	if (s->ring)
		for (i = 0; i < s->count; i++)
			free(s->ring[(s->head + i) % s->cap]);
	free(s->ring);
	free(s->buckets);
	free(s);
}

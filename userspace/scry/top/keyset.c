/* SPDX-License-Identifier: Apache-2.0 */
/*
 * keyset.c - a set of row keys (keyset.h): open addressing, linear probing, FNV-1a.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keyset.h"

/* FNV-1a, 64 bits (the offset basis and prime of the FNV specification) */
static uint64_t hash_key(const char *k)
{
	uint64_t h = 14695981039346656037ull;

	for (; *k; k++)
		h = (h ^ (uint8_t)*k) * 1099511628211ull;
	return h;
}

/* The slot of @key, or -1 when absent. */
static long find(const struct top_keyset *s, const char *key)
{
	if (!s->cap)
		return -1;
	for (size_t i = hash_key(key) & (s->cap - 1);; i = (i + 1) & (s->cap - 1)) {
		if (s->state[i] == 0)
			return -1;
		if (s->state[i] == 1 && !strcmp(s->keys[i], key))
			return (long)i;
	}
}

/* Put @key (absent) into a free slot; the caller made room. */
static void put(struct top_keyset *s, const char *key)
{
	size_t i = hash_key(key) & (s->cap - 1);

	while (s->state[i] == 1)
		i = (i + 1) & (s->cap - 1);
	if (s->state[i] == 0)
		s->used++;
	s->state[i] = 1;
	snprintf(s->keys[i], TOP_KEY_LEN, "%s", key);
	s->n++;
}

/* Room for one more key with the slots at most half used (removed ones count). */
static int make_room(struct top_keyset *s)
{
	struct top_keyset old = *s;
	size_t cap = s->cap ? s->cap : 64;

	if ((s->used + 1) * 2 <= s->cap)
		return 0;
	while ((s->n + 1) * 4 > cap)
		cap *= 2;
	s->keys = malloc(cap * sizeof(*s->keys));
	s->state = calloc(cap, 1);
	if (!s->keys || !s->state) {
		free(s->keys);
		free(s->state);
		*s = old;
		return -ENOMEM;
	}
	s->cap = cap;
	s->used = s->n = 0;
	for (size_t i = 0; i < old.cap; i++)
		if (old.state[i] == 1)
			put(s, old.keys[i]);
	free(old.keys);
	free(old.state);
	return 0;
}

int top_keyset_add(struct top_keyset *s, const char *key)
{
	char k[TOP_KEY_LEN];

	snprintf(k, sizeof(k), "%s", key);
	if (find(s, k) >= 0)
		return 0;
	if (make_room(s))
		return -ENOMEM;
	put(s, k);
	return 0;
}

bool top_keyset_has(const struct top_keyset *s, const char *key)
{
	char k[TOP_KEY_LEN];

	snprintf(k, sizeof(k), "%s", key);
	return find(s, k) >= 0;
}

void top_keyset_remove(struct top_keyset *s, const char *key)
{
	char k[TOP_KEY_LEN];
	long i;

	snprintf(k, sizeof(k), "%s", key);
	i = find(s, k);
	if (i < 0)
		return;
	s->state[i] = 2;
	s->n--;
}

void top_keyset_free(struct top_keyset *s)
{
	free(s->keys);
	free(s->state);
	memset(s, 0, sizeof(*s));
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * keyset.h - a set of row keys (model.h's top_row.key: a process's "PID" or
 * "HOST/PID", a container id), hashed: scry top's record of the processes and
 * containers a filter matched an event of, looked up once per matched event.
 */
#ifndef SCRY_TOP_KEYSET_H
#define SCRY_TOP_KEYSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TOP_KEY_LEN 80 /* sizeof(top_row.key) */

/* Zero-initialised: empty. */
struct top_keyset {
	char (*keys)[TOP_KEY_LEN];
	uint8_t *state;    /* per slot: 0 empty, 1 holds a key, 2 a removed key */
	size_t cap;        /* slots, a power of two (0 before the first add) */
	size_t used;       /* slots in state 1 or 2 */
	size_t n;          /* keys held */
};

/* Add @key (cut at TOP_KEY_LEN - 1 bytes, as a row's key is). 0 or -ENOMEM. */
int top_keyset_add(struct top_keyset *s, const char *key);

/* Whether @key is in @s. */
bool top_keyset_has(const struct top_keyset *s, const char *key);

/* Remove @key (nothing when absent). */
void top_keyset_remove(struct top_keyset *s, const char *key);

/* Free the slots; @s is empty again. */
void top_keyset_free(struct top_keyset *s);

#endif /* SCRY_TOP_KEYSET_H */

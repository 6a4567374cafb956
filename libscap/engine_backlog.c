/* SPDX-License-Identifier: Apache-2.0 */
/*
 * engine_backlog.c - the live engines' backlog (scry/scap_engine.h): records moved out
 * of a CPU's ring while the initial state is read, kept in order and read before the
 * ring.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "scap_int.h"

int scap_engine_backlog_add(struct scap_engine_backlog *bl, const void *rec, size_t len,
			    size_t adv)
{
	if (bl->len + adv > bl->cap) {
		size_t ncap = bl->cap ? bl->cap * 2 : 1 << 20;
		uint8_t *p;

		while (ncap < bl->len + adv)
			ncap *= 2;
		p = realloc(bl->buf, ncap);
		if (!p)
			return -ENOMEM;
		bl->buf = p;
		bl->cap = ncap;
	}
	memcpy(bl->buf + bl->len, rec, len);
	bl->len += adv;
	return 0;
}

void scap_engine_backlog_consume(struct scap_engine_backlog *bl, size_t adv)
{
	bl->off += adv;
	if (bl->off >= bl->len)
		scap_engine_backlog_free(bl);
}

void scap_engine_backlog_free(struct scap_engine_backlog *bl)
{
	free(bl->buf);
	memset(bl, 0, sizeof(*bl));
}

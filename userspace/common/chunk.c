/* SPDX-License-Identifier: Apache-2.0 */
/* chunk.c - how large a capture chunk for a bus grows (chunk.h). */
#include <stddef.h>
#include <string.h>

#include "chunk.h"

/* Bytes of an event's block besides the record: header, cpu, flags, padding, trailer. */
#define BLOCK_FRAMING 32u

/* The most bytes gzip members of @raw bytes in all take, with room to spare:
 * libdeflate's bound (libdeflate_deflate_compress_bound(): 5 bytes a block of at
 * least 5,000, and 9 more) and a gzip header and trailer (18 bytes) for each member. */
static uint64_t gz_bound(uint64_t raw)
{
	return raw + raw / 512 + 1024;
}

/* The most bytes the dumper may have accepted while the chunk stays within its limit
 * (the file measured at @gz_known bytes after @raw_known accepted): the largest r
 * with gz_known + gz_bound(r) <= limit, plus raw_known. */
static uint64_t raw_max(const struct scry_chunk_size *c)
{
	uint64_t room, r;

	if (!c->gzip)
		return c->limit;
	if (c->gz_known + gz_bound(0) > c->limit)
		return c->raw_known; /* nothing more fits (full() then measures) */
	room = c->limit - c->gz_known;
	r = (room - 1024) / 513 * 512; /* gz_bound(r) <= room */
	while (c->gz_known + gz_bound(r + 1) <= c->limit)
		r++;
	return c->raw_known + r;
}

void scry_chunk_size_init(struct scry_chunk_size *c, uint64_t limit, bool may_plain)
{
	memset(c, 0, sizeof(*c));
	c->limit = limit;
	c->may_plain = c->plain_next = may_plain;
	c->gzip = !may_plain;
}

bool scry_chunk_size_gzip(const struct scry_chunk_size *c)
{
	return !c->plain_next;
}

void scry_chunk_size_start(struct scry_chunk_size *c, struct scap_dumper *d)
{
	struct scap_dump_stats st = { .sz = sizeof(st) };

	c->gzip = !c->plain_next;
	c->header = c->gz_known = c->raw_known = 0;
	if (scap_dump_get_stats(d, &st) == 0) {
		c->header = st.bytes;
		c->gz_known = st.file_bytes;
		c->raw_known = st.bytes;
	}
	c->raw_max = raw_max(c);
}

void scry_chunk_size_state(struct scry_chunk_size *c, struct scap_dumper *d)
{
	struct scap_dump_stats st = { .sz = offsetof(struct scap_dump_stats, bytes) +
					    sizeof(st.bytes) };

	if (c->may_plain && scap_dump_get_stats(d, &st) == 0)
		c->plain_next = (st.bytes - c->header) * SCRY_CHUNK_PLAIN_STATE <= c->limit;
}

bool scry_chunk_size_full(struct scry_chunk_size *c, struct scap_dumper *d, uint32_t len)
{
	/* bytes alone: no waiting for the gzip workers (scap_dump_get_stats()); the rest
	 * is not zeroed, a check per event (the call fills what sz asks for) */
	struct scap_dump_stats st;
	uint64_t need = (uint64_t)len + BLOCK_FRAMING;

	st.sz = offsetof(struct scap_dump_stats, bytes) + sizeof(st.bytes);

	if (scap_dump_get_stats(d, &st))
		return true;
	/* within what the last measure allows: the check of (almost) every event */
	if (st.bytes + need <= c->raw_max)
		return false;
	if (!c->gzip)
		return true;
	st.sz = sizeof(st);
	if (scap_dump_flush(d) || scap_dump_get_stats(d, &st))
		return true;
	c->gz_known = st.file_bytes;
	c->raw_known = st.bytes;
	c->raw_max = raw_max(c);
	return c->gz_known + gz_bound(need) + SCRY_CHUNK_TAIL > c->limit;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * chunk.h - how large a capture chunk for a bus grows (scry -w URL in
 * userspace/scry/write.c, scryd's bus sink in userspace/scryd/bus.c): a chunk is one
 * message, so it must stay below the bus's largest message, and the fewer chunks the
 * less state they repeat (each starts with the whole state).
 *
 * Plain chunks are measured exactly before each event. gzip chunks: the compressed
 * bytes last measured plus the worst case of what was accepted since (libdeflate's
 * bound) must stay within the limit, which costs nothing to check; once it might not,
 * what is buffered is compressed (a member ends) and the file measured, and the chunk
 * goes on while SCRY_CHUNK_TAIL bytes are left. Chunks so fill their messages with
 * members of SCRY_CHUNK_BUFFER, smaller only in the last part of each chunk.
 */
#ifndef SCRY_COMMON_CHUNK_H
#define SCRY_COMMON_CHUNK_H

#include <stdbool.h>
#include <stdint.h>

#include <scry/scap_dump.h>

/* The dumper's buffer for chunks (scap_dump_opts.buffer_bytes): 1 MiB gzip members
 * compress 0.4 % better than the dumper's default 256 KiB (bench/collect's capture,
 * libdeflate level 1: 11,003,106 bytes against 11,048,712) for the same CPU; a chunk
 * is one message, lost or kept whole anyway. */
#define SCRY_CHUNK_BUFFER (1u << 20)
/* A chunk closes at most this far below the bus's largest message: room for the
 * records that may come with an event after its check (container metadata,
 * procinfo). */
#define SCRY_CHUNK_MARGIN (64u << 10)
/* gzip: once less room than this is left, the chunk closes. The members that fill the
 * last of a chunk get smaller and smaller (each bounded by the room left), and each
 * starts deflate's window anew: below about what one full member compresses to (1 MiB
 * at 5.4 x on bench/collect's capture), the next chunk, whose state is only what its
 * events need (chunk_state.c), costs less than they lose. bench/collect below 1 MiB:
 * 16 KiB 12 chunks, 1.002 x the gzip file; 128 KiB 13, 1.000; 192 KiB 14, 0.999;
 * 256 KiB 16, 1.000. */
#define SCRY_CHUNK_TAIL (192u << 10)

/* Plain chunks (a bus that compresses them) while the state a chunk starts with takes
 * at most 1/SCRY_CHUNK_PLAIN_STATE of it: every chunk repeats the state, and plain
 * chunks, bounded by their plain size, are 5 to 6 times as many as gzip ones, so a
 * large state (462 KB plain for a live capture of this machine: half of a 1 MiB
 * chunk) costs more than the bus's codec saves (bench/collect_kafka: 1.088 x the gzip
 * file plain against 1.053 x gzip chunks below 1 MiB; 0.814 x plain below 8 MiB). */
#define SCRY_CHUNK_PLAIN_STATE 8

struct scry_chunk_size {
	uint64_t limit;             /* bytes the chunk's file stays within */
	bool may_plain;             /* the bus compresses: chunks may be plain */
	bool plain_next;            /* the next chunk is plain */
	bool gzip;                  /* the current chunk is gzip */
	uint64_t header;            /* the current chunk's bytes before its state */
	uint64_t gz_known;          /* gzip: the file's bytes when last measured */
	uint64_t raw_known;         /* gzip: the bytes accepted then */
	uint64_t raw_max;           /* bytes accepted up to which the chunk is not full */
};

/* Chunks that stay within @limit bytes; @may_plain: the bus compresses them itself
 * (scap_stream_pub_chunk_plain()). */
void scry_chunk_size_init(struct scry_chunk_size *c, uint64_t limit, bool may_plain);

/* Whether the chunk about to open is gzip (SCAP_DUMP_GZIP) rather than plain. */
bool scry_chunk_size_gzip(const struct scry_chunk_size *c);

/* The chunk is open on @d (its header written, nothing else; gzip as said). */
void scry_chunk_size_start(struct scry_chunk_size *c, struct scap_dumper *d);

/* Its state is written: its size chooses the next chunk's format. */
void scry_chunk_size_state(struct scry_chunk_size *c, struct scap_dumper *d);

/* Whether the chunk must close before an event of @len bytes (scap_evt_ref.len). A
 * dumper error makes it true (the close reports it). */
bool scry_chunk_size_full(struct scry_chunk_size *c, struct scap_dumper *d, uint32_t len);

#endif /* SCRY_COMMON_CHUNK_H */

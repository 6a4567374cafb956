/* SPDX-License-Identifier: Apache-2.0 */
/*
 * spool.h - the bounded on-disk spool of a publisher: every message (a capture chunk,
 * an alert, a metrics snapshot) is a file in one directory from the moment it is
 * complete until the bus acknowledged it, so that an outage of the bus or a restart
 * of the publisher loses nothing the spool can hold.
 *
 * Files: "KIND-SEQ" (SEQ: 20 decimal digits, so names sort by sequence) for complete
 * messages; "KIND-SEQ.part" while one is written (removed at open: a writer that died
 * left it incomplete); "KIND.seq" holds the next SEQ of KIND (written before a number
 * is handed out, so a restarted publisher never reuses one, even when the spool was
 * emptied).
 *
 * Bound: when the complete files exceed max_bytes the OLDEST are removed until they
 * fit (what fluent-bit's storage.total_limit_size does: the newest data is the one
 * kept), except those being published; each removal is counted (files, bytes).
 *
 * Threads: one thread per spool.
 */
#ifndef SCAP_STREAM_SPOOL_H
#define SCAP_STREAM_SPOOL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "transport.h"

struct spool_entry {
	char kind[16];
	uint64_t seq;
	uint64_t bytes;
	bool busy;                  /* being published: not dropped by the bound */
};

struct spool_stats {
	uint64_t files, bytes;          /* complete files held now */
	uint64_t peak_bytes;            /* most bytes held at once since open */
	uint64_t dropped_files, dropped_bytes; /* removed by the bound since open */
	uint64_t added_files;           /* complete files added since open */
};

struct spool;

/*
 * spool_open() - open (create when absent, with its parents) the spool in @dir,
 * holding at most @max_bytes (> 0) of complete files. Files a previous publisher left
 * are kept (published first), its .part files removed.
 * Return: 0 (*@out set) or -errno with the message in @err (STREAM_ERR_SIZE bytes).
 */
int spool_open(const char *dir, uint64_t max_bytes, struct spool **out, char *err);
void spool_close(struct spool *sp);

/*
 * spool_set_first_seq() - the first SEQ of a kind this spool has no record of (no
 * KIND.seq, no file of the kind): 0 unless set. The publisher starts each new spool's
 * run of numbers apart from any earlier spool's of the same host (pub.c).
 */
void spool_set_first_seq(struct spool *sp, uint64_t first);

/*
 * spool_reserve() - the next SEQ of @kind (at most 15 characters, [a-z]) and the path
 * (@path, @size bytes) of its .part file for the caller to write.
 * Return: 0, -ENAMETOOLONG, or -errno of writing KIND.seq.
 */
int spool_reserve(struct spool *sp, const char *kind, uint64_t *seq, char *path, size_t size);

/*
 * spool_commit() - the .part file of (@kind, @seq) is complete: make it a message,
 * then apply the bound (which may remove this very file when it alone exceeds it).
 * @keep false: remove the .part file instead (nothing was written).
 * Return: 0 or -errno (rename, stat).
 */
int spool_commit(struct spool *sp, const char *kind, uint64_t seq, bool keep);

/* spool_add() - reserve, write @len bytes of @data, commit. Return: 0 or -errno. */
int spool_add(struct spool *sp, const char *kind, const void *data, size_t len);

/* The messages held, oldest first (by kind, then SEQ); valid until the next call that
 * adds or removes one. */
struct spool_entry *spool_entries(struct spool *sp, size_t *n);

/* spool_read() - the bytes of @e: *@data is the spool's buffer (a message of 2 MiB or
 * more: the file mapped), valid until the next spool_read() or spool_close().
 * Return 0/-errno (-EIO: the file is shorter than when it was added). */
int spool_read(struct spool *sp, const struct spool_entry *e, const void **data, size_t *len);

/* spool_remove() - remove the message (@kind, @seq): acknowledged. Return 0/-errno. */
int spool_remove(struct spool *sp, const char *kind, uint64_t seq);

void spool_get_stats(const struct spool *sp, struct spool_stats *out);

#endif /* SCAP_STREAM_SPOOL_H */

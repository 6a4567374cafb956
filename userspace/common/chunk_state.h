/* SPDX-License-Identifier: Apache-2.0 */
/*
 * chunk_state.h - a capture chunk for a bus carries the state its events need only
 * (scry -w URL in userspace/scry/write.c).
 *
 * A chunk is written as a rotated file is: the whole state the inspector holds at its
 * start (sinsp_dump_state()), then its events. Most of that state is about processes
 * that have no event in the chunk, and every chunk repeats it (10 KB gzip'd for
 * bench/collect's capture, 55 KB for a live one of a busy machine). So the state is
 * handed to the file as its own part (scap_dump_flush(): whole gzip members), the
 * threads of the events written are noted, and at the chunk's close its start is
 * written again with the threads those events name, their processes' other threads,
 * their ancestors, and the fds of all these; the machine, interfaces, users, groups
 * and container table stay whole. The chunk then still replays on its own, with every
 * event's process, parents and fds, and the stream reader adds the threads a later
 * chunk brings (scap_get_state_update()).
 */
#ifndef SCRY_COMMON_CHUNK_STATE_H
#define SCRY_COMMON_CHUNK_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <scry/scap_dump.h>
#include <scry/sinsp.h>

/*
 * Every this many chunks one keeps its whole state, the first of a run (a publisher's
 * start or restart) included: a reader that starts at a later chunk (since=, or the
 * oldest one the bus still keeps) knows every process of the host once such a chunk
 * has come (the memory in --metrics counts them all). 64 chunks are about 2 minutes of
 * a live capture (a chunk closes every 2 s of events); 1/64 of a whole state a chunk
 * (55 KB gzip'd on a busy machine) is under 1 KB.
 */
#define SCRY_CHUNK_STATE_WHOLE 64

struct scry_chunk_state {
	uint64_t chunks;            /* chunks closed (scry_chunk_state_thin() calls) */
	uint64_t state_end;         /* bytes of the file up to the end of its state */
	uint64_t *tids;             /* the threads of the events: tid + 1, 0 free (open set) */
	size_t ntids, cap;          /* cap: a power of two */
	int64_t last;               /* the tid noted last (most events follow their thread's) */
	bool whole;                 /* a thread could not be noted: the state stays whole */
	uint64_t threads_in, threads_out; /* threads of the last chunk's state, before and after */
};

/* The chunk's state is written (sinsp_dump_state() on @d, nothing after): hand it to
 * the file and note where it ends; the threads noted are forgotten.
 * Return: 0; the dumper's write errors (scap_dump_last_error()). */
int scry_chunk_state_start(struct scry_chunk_state *c, struct scap_dumper *d);

void scry_chunk_state_add(struct scry_chunk_state *c, int64_t tid);

/*
 * Note the thread of an event of @type written to the chunk (out of memory: the chunk
 * keeps its whole state). The CPU times of every process (procinfo, once a second in a
 * live capture) name no thread the chunk needs: the readers apply them to the threads
 * they know and pass over the others, with the state or without it.
 */
static inline void scry_chunk_state_note(struct scry_chunk_state *c, int64_t tid, uint16_t type)
{
	if (tid != c->last && type != SCAP_EVT_PROCINFO_E)
		scry_chunk_state_add(c, tid);
}

/*
 * The chunk at @path is closed: write its start again with the state its events need
 * (the threads noted, their processes, ancestors and fds, as said above), unless it is
 * one that keeps its whole state (SCRY_CHUNK_STATE_WHOLE). @s: the inspector that wrote
 * it, for the threads the chunk's events created (their parents).
 * On an error the file is left as it was (whole state), and still replays.
 * Return: 0; -errno (message in @err, @errlen bytes).
 */
int scry_chunk_state_thin(struct scry_chunk_state *c, sinsp_t *s, const char *path, char *err,
			  size_t errlen);

/* Free what @c holds (it may be used again after scry_chunk_state_start()). */
void scry_chunk_state_free(struct scry_chunk_state *c);

#endif /* SCRY_COMMON_CHUNK_STATE_H */

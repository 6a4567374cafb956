/* SPDX-License-Identifier: Apache-2.0 */
/*
 * output.h - where scryd's alerts go: stdout, or a JSON-lines file rotated by size.
 *
 * Each output has a bounded queue of lines and a writer thread of its own: the capture
 * loop hands a line over under a short lock and goes on; when the queue is full the line
 * is dropped and counted (a slow terminal or a full disk never stalls capture). A replay
 * (--replay) waits for room instead: a file has no kernel behind it to lose events, and
 * forensics must see every alert.
 *
 * Rotation: before a line that would take the file past max_size bytes, PATH.N-1 becomes
 * PATH.N (the oldest, PATH.max_files, is removed), ..., PATH becomes PATH.1, and a new
 * PATH is started; a line is never split across files.
 */
#ifndef SCRYD_OUTPUT_H
#define SCRYD_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct scryd_output;

/* Counters of one output, since it opened. */
struct scryd_output_stats {
	uint64_t queued;        /* lines accepted */
	uint64_t written;       /* lines written */
	uint64_t dropped;       /* lines refused: queue full */
	uint64_t write_errors;  /* lines lost to a failed write */
	uint64_t rotations;     /* files rotated */
};

/* Standard output; @queue lines at most waiting. Return 0, or -errno. */
int scryd_output_stdout(uint32_t queue, struct scryd_output **out);

/*
 * A JSON-lines file @path (created 0640, appended to when it exists), rotated past
 * @max_size bytes (0: never), keeping @max_files rotated files. Return 0, or -errno of
 * the open (nothing started).
 */
int scryd_output_file(const char *path, uint64_t max_size, uint32_t max_files, uint32_t queue,
		      struct scryd_output **out);

/* The output's name in messages ("stdout", or the file's path). */
const char *scryd_output_name(const struct scryd_output *o);

/*
 * Hand @line (@len bytes, newline included; copied) to @o's writer. @wait: wait for room
 * when the queue is full, else drop and count. Return true queued, false dropped.
 * Thread-safety: any thread.
 */
bool scryd_output_push(struct scryd_output *o, const char *line, size_t len, bool wait);

void scryd_output_stats(struct scryd_output *o, struct scryd_output_stats *st);

/* Seconds scryd_output_close() waits for a writer to finish what is queued. */
#define SCRYD_OUTPUT_CLOSE_S 5

/*
 * Write what is queued, stop the writer, sync and close (@o freed); the final counters
 * in *@st (may be NULL). NULL @o is ignored.
 * Return 0, or -errno of the first failed write, sync or close (writes also counted in
 * write_errors); -ETIMEDOUT the writer did not finish within SCRYD_OUTPUT_CLOSE_S (its
 * write blocks: a reader that stopped reading): the lines still queued count as dropped,
 * and @o is left to the process's exit.
 */
int scryd_output_close(struct scryd_output *o, struct scryd_output_stats *st);

#endif /* SCRYD_OUTPUT_H */

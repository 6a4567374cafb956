/* SPDX-License-Identifier: Apache-2.0 */
/*
 * write.h - scry -w: write the events read from an inspector into capture files,
 * with sysdig's rotation (-C, -G, -W) and file naming.
 */
#ifndef SCRY_WRITE_H
#define SCRY_WRITE_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>

#include <scry/sinsp.h>
#include <scry/sinsp_filter.h>

#include "summary.h"

struct scry_write_opts {
	const char *path;        /* -w: file name, or base name when rotating */
	bool gzip;               /* -z */
	uint32_t snaplen;        /* -s: bytes kept of each buffer, 0 all */
	uint64_t rotate_mb;      /* -C: new file once the current one exceeds this many
	                            millions of bytes (on disk: compressed with -z) */
	uint64_t rotate_s;       /* -G: new file when the event time moved this many seconds */
	uint32_t max_files;      /* -W: keep at most this many files (indices wrap) */
	uint64_t max_events;     /* -n: stop after this many events written (matching) */
	uint64_t max_s;          /* -M: stop after this many seconds of event time */
	uint64_t clock_end_ns;   /* live -M: stop once CLOCK_MONOTONIC reaches this (ns),
	                            with or without events; 0 no limit */
	const char *read_path;   /* the capture @s reads, for messages (NULL: none) */
	struct scry_summary *summary; /* -S: the events the filter passes are counted into
	                            it (summary.h); NULL: none */
	bool no_procinfo;        /* --no-procinfo: live, no procinfo events (procinfo.h);
	                            by default each process's CPU is written once a second */
	/* -w nats://...: publishing through a spool (publish.h) */
	const char *spool_dir;   /* --spool-dir; NULL: publish.c's default */
	uint64_t spool_bytes;    /* --spool-size, bytes; 0: 1 GiB */
	uint64_t chunk_events;   /* --chunk-events: events a capture chunk holds at most */
	uint64_t max_message_bytes; /* --max-message: the bus's largest message, bytes
	                            (0: publish.h's default) */
	uint64_t chunk_bytes;    /* publish.c: a chunk closes before its bytes (compressed
	                            for gzip) pass this (below the bus's largest message) */
	bool chunk_plain;        /* publish.c: the bus compresses, chunks may be plain
	                            (common/chunk.h chooses each chunk's format) */
	uint64_t publish_wait_s; /* --publish-wait: how long the end waits for the bus */
	/*
	 * Set by publish.c (NULL otherwise): the name of each file comes from
	 * chunk_begin() instead of path, and chunk_end() is told when it is complete
	 * (@keep) or failed; a non-zero return from either stops the writer (the hook
	 * printed why). Files then rotate after chunk_events events too.
	 */
	int (*chunk_begin)(void *ctx, char *path, size_t size);
	int (*chunk_end)(void *ctx, bool keep);
	void *chunk_ctx;
};

/*
 * Whether the first file scry_write() would create from @o can be created (or, when it
 * exists, written): a directory, a missing or unwritable directory are refused. Creates
 * nothing, so that a later failure leaves no file behind. Live capture calls it before
 * the engine loads (seconds for the eBPF probe). "-" (standard output) passes.
 * Return: 0, or 1 with the reason printed on stderr.
 */
int scry_write_check(const struct scry_write_opts *o);

/*
 * End of a -M window of @max_s seconds starting at @first_ts (ns since the epoch):
 * first_ts + max_s * 1e9, saturated at UINT64_MAX (a window past 2554 has no end).
 * Shared by the writer and the printing loop (print.c).
 */
uint64_t scry_window_end(uint64_t first_ts, uint64_t max_s);

/*
 * sysdig's -M window over the events a reader shows: it starts at the first event sysdig
 * counts (@counted, sinsp_evt_is_counted()) and ends @max_s seconds later. @end_ts is the
 * caller's state (0 before the window starts). Return: true when the event at @ts (ns)
 * is past the window (the reader stops); always false when @max_s is 0.
 */
bool scry_window_past(uint64_t *end_ts, uint64_t ts, uint64_t max_s, bool counted);

/*
 * The live -M window follows the clock, not the events: on an idle host no event comes
 * to end it, and a signal (alarm()) can be blocked by whatever started scry. The
 * engines return SCAP_TIMEOUT within 10 ms when nothing is ready, so the loops look at
 * the clock after every event and every timeout.
 * scry_clock_end(): CLOCK_MONOTONIC now + @max_s seconds (ns, saturated; 0 for 0).
 * scry_clock_past(): whether @end_ns is set and CLOCK_MONOTONIC has reached it.
 */
uint64_t scry_clock_end(uint64_t max_s);
bool scry_clock_past(uint64_t end_ns);

/*
 * The stop flag of the reading loops (print.c, write.c), set by a signal handler:
 * 0 read on; SCRY_STOP_NOW end at once (replay); SCRY_STOP_DRAIN (live capture, on the
 * first SIGINT/SIGTERM): the loop stops the engine (scap_stop(): no new event is
 * produced), reads on what it already produced and ends when none is left (its first
 * SCAP_TIMEOUT after that), so every event from before the signal is printed or
 * written; the flag is then SCRY_STOP_DRAINING (a second signal sets SCRY_STOP_NOW).
 * scry_stop_due(): whether a loop reading @s ends now, given the flag @stop (NULL:
 * never) and the result @rc of its last read (0 before the first).
 */
enum { SCRY_STOP_NOW = 1, SCRY_STOP_DRAIN, SCRY_STOP_DRAINING };
bool scry_stop_due(sinsp_t *s, volatile sig_atomic_t *stop, int rc);

/*
 * Read every event of @s and write the ones @filter matches (NULL: all). Each file
 * starts with the inspector's state (sinsp_dump_state()); an event the filter rejects
 * that changes state is written flagged state-only, the others are left out.
 * Stops at the end of the source, after -n/-M, or on *@stop (a signal: see
 * scry_stop_due()): the current file is then closed complete.
 * Return: 0; 1 read or write error (message printed on stderr).
 */
int scry_write(sinsp_t *s, struct sinsp_filter *filter, const struct scry_write_opts *o,
	       volatile sig_atomic_t *stop);

#endif /* SCRY_WRITE_H */

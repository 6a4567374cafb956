/* SPDX-License-Identifier: Apache-2.0 */
/*
 * output.h - where scryd's alerts go: stdout, a JSON-lines file rotated by size, syslog,
 * a program's stdin, an HTTP POST (output_syslog.c, output_program.c, output_http.c).
 *
 * Each output is a sink (what writes one line somewhere: struct scryd_sink_ops) behind
 * the one queue of this file. It has a bounded queue of lines and a writer thread of its own: the capture
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
	uint64_t queued;        /* lines accepted (alerts and snapshots) */
	uint64_t written;       /* alert lines written */
	uint64_t snapshots;     /* metrics snapshot lines written (priority -1: no alert) */
	uint64_t dropped;       /* lines refused: queue full */
	uint64_t write_errors;  /* lines lost to a failed write */
	uint64_t rotations;     /* files rotated */
	uint64_t restarts;      /* program: times the program was started again */
};

/*
 * What an output writes to. The output's writer thread calls these, one call at a
 * time, never the capture loop.
 */
struct scryd_sink_ops {
	/*
	 * Write one line (@len bytes, newline included) of an alert of priority @prio
	 * (enum sinsp_priority, the numbers of syslog's LOG_EMERG ... LOG_DEBUG; -1 none).
	 * Return 0, or -errno (the line is lost, counted in write_errors).
	 */
	int (*write)(struct scryd_output *o, void *priv, const char *line, size_t len, int prio);
	/* At the start of the writer thread, before the first write. 0 or -errno (logged;
	 * the writes then say what fails). May be NULL. */
	int (*start)(void *priv);
	/* Flush and release @priv (also when no line was written). 0 or -errno. May be NULL. */
	int (*close)(void *priv);
};

/*
 * An output named @name (copied) writing through @ops and @priv, @queue lines at most
 * waiting; its writer thread starts with scryd_output_run(). On success @priv belongs
 * to the output (ops->close releases it); on failure it is released too.
 * Return 0, or -errno.
 */
int scryd_output_new(const char *name, const struct scryd_sink_ops *ops, void *priv,
		     uint32_t queue, struct scryd_output **out);

/*
 * Start @o's writer thread (once; again: nothing). A thread has the capabilities of the
 * thread that creates it, and a program output's program those of its writer: run the
 * outputs after scryd dropped its capabilities. Lines pushed before wait in the queue.
 * Return 0, or -errno of pthread_create.
 */
int scryd_output_run(struct scryd_output *o);

/* For sinks: all @len bytes of @p to @fd (EINTR retried). Return 0, or -errno. */
int scryd_write_all(int fd, const char *p, size_t len);

/* For sinks, from their write(): one more rotation, one more restart. */
void scryd_output_count_rotation(struct scryd_output *o);
void scryd_output_count_restart(struct scryd_output *o);

/* Standard output; @queue lines at most waiting. Return 0, or -errno. */
int scryd_output_stdout(uint32_t queue, struct scryd_output **out);

/*
 * A JSON-lines file @path (created 0640, appended to when it exists), rotated past
 * @max_size bytes (0: never), keeping @max_files rotated files. Return 0, or -errno of
 * the open (nothing started).
 */
int scryd_output_file(const char *path, uint64_t max_size, uint32_t max_files, uint32_t queue,
		      struct scryd_output **out);

/*
 * syslog(3) messages of @facility (LOG_USER ...) with ident @ident (at most 63 bytes;
 * syslog has one ident per process: scryd's own messages, when they go to syslog, carry
 * it too), each alert's priority its rule's. Return 0, or -errno.
 */
int scryd_output_syslog(const char *ident, int facility, uint32_t queue,
			struct scryd_output **out);

/*
 * Alerts on the standard input of `sh -c @cmd`, one a line: one program for all
 * (@keep_alive; started again when it exits) or one run for each alert (see
 * output_program.c). Return 0, or -errno.
 */
int scryd_output_program(const char *cmd, bool keep_alive, uint32_t queue,
			 struct scryd_output **out);

/* How the HTTP output posts (see output_http.c); strings borrowed for the call only. */
struct scryd_http_opts {
	const char *url;            /* http:// or https:// */
	const char *user_agent;     /* NULL: "scryd/VERSION" */
	const char *const *headers; /* "Name: value" lines, nheaders of them */
	size_t nheaders;
	uint32_t timeout_ms;        /* a whole request, at most */
	uint32_t connect_timeout_ms;
	bool insecure;              /* https: do not verify the server's certificate */
	const char *ca_bundle;      /* https: CA certificates file, or NULL (the system's) */
	const char *ca_path;        /* https: CA certificates directory, or NULL */
};

/*
 * Each alert (JSON: Falco's, which falcosidekick reads) in the body of an HTTP POST to
 * @opts->url, Content-Type application/json, with libcurl. Return 0, or -errno
 * (-EINVAL: a URL or option libcurl refuses).
 */
int scryd_output_http(const struct scryd_http_opts *opts, uint32_t queue,
		      struct scryd_output **out);

/* The output's name in messages ("stdout", the file's path, "syslog", "program", the URL). */
const char *scryd_output_name(const struct scryd_output *o);

/*
 * Hand @line (@len bytes, newline included; copied) of an alert of priority @prio (as in
 * struct scryd_sink_ops; -1: no alert, a metrics snapshot, counted apart) to @o's writer. @wait: wait for room when the queue
 * is full, else drop and count. Return true queued, false dropped.
 * Thread-safety: any thread.
 */
bool scryd_output_push(struct scryd_output *o, const char *line, size_t len, int prio,
		       bool wait);

void scryd_output_stats(struct scryd_output *o, struct scryd_output_stats *st);

/* Seconds scryd_output_close() waits for a writer to finish what is queued. */
#define SCRYD_OUTPUT_CLOSE_S 5

/*
 * Write what is queued, stop the writer, close the sink (a file synced; @o freed); the final counters
 * in *@st (may be NULL). NULL @o is ignored.
 * Return 0, or -errno of the first failed write, sync or close (writes also counted in
 * write_errors); -ETIMEDOUT the writer did not finish within SCRYD_OUTPUT_CLOSE_S (its
 * write blocks: a reader that stopped reading): the lines still queued count as dropped,
 * and @o is left to the process's exit.
 */
int scryd_output_close(struct scryd_output *o, struct scryd_output_stats *st);

#endif /* SCRYD_OUTPUT_H */

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * scap_engine.h - the engine interface: what an engine library (one that brings an
 * event source libscap does not build in) implements and what it may call. Programs
 * that only open engines do not need it: they pass the engine library's descriptor,
 * e.g. scap_bpf_engine() (scry/scap_bpf.h), as scap_open_opts.engine_impl.
 *
 * Why engines can live outside libscap: the eBPF engine needs libbpf and embeds its
 * probe object (megabytes); a tool that only reads capture files should link neither.
 * So libscap builds in the savefile, test_input, noop and kmod engines, and the bpf
 * engine is the library scap_bpf, built on this interface only (no libscap internals).
 *
 * An engine is a static const struct scap_engine_ops. libscap copies it at scap_open()
 * (the first sz bytes; the operations a shorter, older struct lacks read as NULL) and
 * calls its operations with the handle; a NULL operation makes the public call answer
 * -ENOTSUP. Arguments are validated by libscap before an operation is called (ranges,
 * known bits, NULL pointers), as written at each member.
 *
 * Errors: an operation returns 0, a positive enum scap_status where noted, or a
 * negative errno after setting the message with scap_engine_err().
 */
#ifndef SCAP_ENGINE_H
#define SCAP_ENGINE_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

#include <scry/scap.h>
#include <scry/scap_live.h>

#ifdef __cplusplus
extern "C" {
#endif

struct scap_engine_ops {
	size_t sz;                 /* sizeof(struct scap_engine_ops) the engine was built with */
	const char *name;          /* "kmod", "bpf", ...: matched against opts.engine */
	/* Set the engine's state with scap_engine_set_priv(); may read the initial state
	 * (scap_engine_read_state()). @opts is complete (every field of this library's
	 * struct, absent ones zero). On error release what was allocated (close() is not
	 * called) and return -errno. */
	int (*open)(scap_t *h, const struct scap_open_opts *opts);
	void (*close)(scap_t *h);
	/* Fill every field of *out (a full struct scap_evt_ref) and return 0, or
	 * SCAP_TIMEOUT (nothing ready: not an error), SCAP_EOF, or -errno. The event memory
	 * is the engine's and stays valid until the next next() or close(). After a
	 * negative return next() is not called again on that handle. */
	int (*next)(scap_t *h, struct scap_evt_ref *out);
	int (*start)(scap_t *h);
	int (*stop)(scap_t *h);
	/* Fill every field of *out (a full struct scap_stats; sz is set by libscap). */
	int (*get_stats)(scap_t *h, struct scap_stats *out);
	/* @bytes in 1..SCAP_ABI_SNAPLEN_MAX. */
	int (*set_snaplen)(scap_t *h, uint32_t bytes);
	/* @bits: SCAP_SYSCALL_SET_WORDS words, always (missing words are zero). */
	int (*set_syscalls)(scap_t *h, const uint64_t *bits);
	/* @mode: only enum scap_mode bits. */
	int (*set_mode)(scap_t *h, uint32_t mode);
	/* @mask: only enum scap_tracepoint bits. */
	int (*set_tracepoints)(scap_t *h, uint32_t mask);
	/* @tgid: a process id, or 0 for none. */
	int (*set_exclude_tgid)(scap_t *h, uint32_t tgid);
	/* The counters of the ring of CPU @cpu only, in *out as get_stats() fills it
	 * (ncpus and ring_bytes too); -EINVAL (message set) when it has no ring @cpu. */
	int (*get_cpu_stats)(scap_t *h, uint32_t cpu, struct scap_stats *out);
	/* next() for up to @max events (>= 1) at once: fill out[0..*n) (every field, sz
	 * included) and return 0 with *n >= 1, or next()'s other codes with *n = 0. The
	 * memory of all the events stays valid until the next next(), next_batch() or
	 * close(). A status or error met after the first event is not returned: the
	 * events before it are, and the next call meets it again. NULL: scap_next_batch()
	 * calls next() once. An engine that names sources per event
	 * (scap_engine_set_evt_source()) leaves it NULL. */
	int (*next_batch)(scap_t *h, struct scap_evt_ref *out, uint32_t max, uint32_t *n);
	/* Per-process counters (scap_set_counting(), scap_counts_foreach() with the
	 * struct's sz set by libscap, scap_counts_delete()); all three or none. */
	int (*set_counting)(scap_t *h, bool on);
	int (*counts_foreach)(scap_t *h, scap_counts_fn fn, void *ctx);
	int (*counts_delete)(scap_t *h, uint32_t tgid);
	/* @bits: SCAP_SYSCALL_SET_WORDS words, always (scap_set_syscalls_tcp_skip()). */
	int (*set_tcp_skip)(scap_t *h, const uint64_t *bits);
};
#define scap_engine_ops__last_field counts_delete

/** scap_engine_priv() - the engine state set by scap_engine_set_priv() (NULL before). */
SCAP_API void *scap_engine_priv(scap_t *h);

/** scap_engine_set_priv() - keep @priv (owned by the engine, freed by its close()). */
SCAP_API void scap_engine_set_priv(scap_t *h, void *priv);

/**
 * scap_engine_err() - set the handle's error message (scap_last_error()) and return
 * @code, so that an operation reads `return scap_engine_err(h, -EIO, "read %s", x);`.
 * For a system error ": strerror(-code)" is appended; -EPROTO, -EINVAL and -ENOTSUP
 * messages are taken as complete. The message states facts (what failed, which
 * file, which value); advice to the user is the application's to give.
 * Return: @code.
 */
SCAP_API int scap_engine_err(scap_t *h, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/** scap_engine_log() - a message to opts.log_fn of @h (silent without one). */
SCAP_API void scap_engine_log(scap_t *h, enum scap_log_level level, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/**
 * scap_engine_capturing() - say that capture has begun on @h: calls opts.on_capture
 * (scry/scap.h) the first time, nothing after. A live engine that starts capturing
 * inside its open (opts.start) calls it once its driver delivers events into the rings,
 * before scap_engine_read_state(); scap_start() calls it after the engine's start.
 */
SCAP_API void scap_engine_capturing(scap_t *h);

/*
 * The backlog of one CPU's ring: records a live engine moves out of the ring while the
 * initial state is read with the capture started (the progress callback of
 * scap_engine_read_state()), so that the ring does not fill meanwhile; they are all
 * older than what the ring holds then, so the engine serves them first. Zero is an
 * empty backlog. buf[off..len) holds the records not yet consumed, each at the length
 * the engine gave (its padded length, for an engine whose records are padded).
 */
struct scap_engine_backlog {
	uint8_t *buf;                    /* owned; NULL when empty */
	size_t len, off, cap;            /* bytes held, consumed, allocated */
};

/**
 * scap_engine_backlog_add() - append the @len bytes at @rec to @bl, taking @adv bytes
 * (>= @len: a padded record; the padding is left undefined).
 * Return: 0; -ENOMEM (@bl unchanged: the engine leaves the record in its ring).
 */
SCAP_API int scap_engine_backlog_add(struct scap_engine_backlog *bl, const void *rec,
				     size_t len, size_t adv);

/** scap_engine_backlog_consume() - the record at buf + off, of @adv bytes, is done
 * with; an emptied backlog is freed (pointers into it are then invalid). */
SCAP_API void scap_engine_backlog_consume(struct scap_engine_backlog *bl, size_t adv);

/** scap_engine_backlog_free() - free @bl's memory and make it empty. */
SCAP_API void scap_engine_backlog_free(struct scap_engine_backlog *bl);

/**
 * scap_engine_read_state() - read the initial state of a live capture from the running
 * system (threads with their fds from /proc, users and groups from /etc, interfaces,
 * machine info) into @h: scap_get_state() then reports it, scap_get_scan_stats() its
 * counters. Skipped when opts.no_proc_scan was set (the state is then empty).
 * @progress: [in] NULL, or called with @ctx after each process read and once after.
 * Return: 0; -errno of the scan (message in @h); -ENOMEM.
 */
SCAP_API int scap_engine_read_state(scap_t *h, void (*progress)(void *ctx), void *ctx);

/**
 * scap_engine_set_evt_source() - name the source (a host) of the event next() returns
 * now, for scap_evt_source(); an engine that merges several sources calls it from
 * next(). @source: the engine's string, valid until its close(); NULL: none.
 */
SCAP_API void scap_engine_set_evt_source(scap_t *h, const char *source);

/**
 * scap_engine_set_state() - report @st as the handle's initial state (what
 * scap_get_state() answers), for an engine whose source carries its state (the stream
 * engine of scap_stream: the state blocks of the first capture chunk it reads).
 * @st: [in] copied; the arrays it points to stay the engine's and must stay valid
 *      until its close() (e.g. scap_get_state() of another handle kept open).
 * Return: 0; -EINVAL when @st is NULL.
 */
SCAP_API int scap_engine_set_state(scap_t *h, const struct scap_state *st);

/**
 * scap_engine_set_state_update() - give @st with the event next() returns now, for
 * scap_get_state_update() (the state of that event's source just before it: the
 * stream engine's capture chunks after a host's first). An engine that gives updates
 * returns one event a call (no next_batch()) and calls it with NULL at the start of
 * each next(), since its arrays may go then.
 * @st: [in] copied, or NULL: no update; the arrays it points to stay the engine's
 *      and valid until its next next() or close().
 */
SCAP_API void scap_engine_set_state_update(scap_t *h, const struct scap_state *st);

/* Whether stream @i of @ctx has a record; if so its timestamp (ns) in *@ts. */
typedef bool (*scap_engine_peek_fn)(void *ctx, uint32_t i, uint64_t *ts);

/**
 * scap_engine_merge_oldest() - the k-way merge of per-CPU streams, each in timestamp
 * order: the stream, of @n, whose next record has the smallest timestamp (the lowest
 * index on a tie). When none has one, sleep @idle_ns once and look again (a live
 * consumer polls; it is not woken per event).
 * Return: the stream's index, or -1 when all are still empty.
 */
SCAP_API int scap_engine_merge_oldest(uint32_t n, scap_engine_peek_fn peek, void *ctx,
				      long idle_ns);

#ifdef __cplusplus
}
#endif
#endif /* SCAP_ENGINE_H */

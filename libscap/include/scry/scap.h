/* SPDX-License-Identifier: Apache-2.0 */
/*
 * scap.h - the capture library: open an event source (an engine), read its events
 * in timestamp order, read the system state it starts from.
 *
 * Conventions (STYLE.md rules 7-12):
 *  - int-returning calls give 0 on success, a negative errno on error, and a positive
 *    enum scap_status for benign conditions (SCAP_TIMEOUT, SCAP_EOF).
 *  - after an error, scap_last_error(h) holds a message naming the problem.
 *  - opts structs start with size_t sz; declare them with SCAP_OPTS().
 *  - one thread per handle.
 */
#ifndef SCAP_H
#define SCAP_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#include <scry/scap_abi.h>
#include <scry/scap_events.h>
#include <scry/scap_state.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SCAP_API __attribute__((visibility("default")))

#define SCAP_ERRBUF_SIZE 256

enum scap_status {
	SCAP_TIMEOUT = 1, /* no event ready now (live engines, or a savefile read interrupted
	                     by a signal); not an error: call again */
	SCAP_EOF = 2,     /* the source is exhausted */
};

enum scap_log_level { SCAP_LOG_ERROR, SCAP_LOG_WARN, SCAP_LOG_INFO, SCAP_LOG_DEBUG };
typedef void (*scap_log_fn)(enum scap_log_level level, const char *msg, void *ctx);

struct scap;
typedef struct scap scap_t;

/*
 * Declare a zeroed opts struct with sz set: SCAP_OPTS(scap_open_opts, o, .path = "x").
 * A GNU statement expression (GCC and clang, C and C++17): __extension__ keeps it, and
 * the designated initializers of C++, quiet under -Wpedantic; the pragmas keep C++'s
 * -Wmissing-field-initializers quiet about the fields left out (they are zero).
 */
#define SCAP_OPTS(type, name, ...)                                               \
	struct type name = __extension__ ({                                      \
		_Pragma("GCC diagnostic push")                                   \
		_Pragma("GCC diagnostic ignored \"-Wmissing-field-initializers\"") \
		struct type ___##name;                                           \
		memset(&___##name, 0, sizeof(struct type));                      \
		___##name = (struct type){ .sz = sizeof(struct type), __VA_ARGS__ }; \
		_Pragma("GCC diagnostic pop")                                    \
		___##name;                                                       \
	})

struct scap_test_input;   /* see scry/scap_test_input.h */
struct scap_engine_ops;   /* see scry/scap_engine.h */

/* Options of scap_open(). */
struct scap_open_opts {
	size_t sz;                /* sizeof(struct scap_open_opts) */
	const char *engine;       /* built in: "savefile", "test_input", "noop", "kmod" (the
	                             scry kernel module); "bpf" (the eBPF probe) is in the
	                             library scap_bpf: see engine_impl. NULL: engine_impl's
	                             name when set, else savefile when path or buf is set,
	                             test_input when test_input is set */
	const char *path;         /* savefile: capture file to read, plain or gzip; "-" is stdin;
	                             kmod: device prefix (default "/dev/scry": /dev/scry0...) */
	scap_log_fn log_fn;       /* NULL: the library stays silent */
	void *log_ctx;            /* passed to log_fn */
	const struct scap_test_input *test_input; /* test_input engine: events and state to replay */
	/*
	 * savefile from memory instead of path: buf_len bytes of a capture (plain or gzip),
	 * not copied, must outlive the handle. Used by the fuzzer and by tests.
	 */
	const void *buf;
	size_t buf_len;
	/*
	 * live engines (kmod): start capturing inside scap_open(), before the initial state
	 * is read from /proc, so that no process created meanwhile is missed (its events
	 * are buffered during the scan); scap_start() is then a no-op. false: capture
	 * starts with scap_start().
	 */
	bool start;
	/*
	 * An engine that is not built into libscap, from an engine library (for the eBPF
	 * probe: scap_bpf_engine() of scap_bpf, scry/scap_bpf.h); referenced, not copied
	 * beyond the open. When set, opts.engine must be NULL or its name.
	 */
	const struct scap_engine_ops *engine_impl;
	/* live engines: do not read the initial state from /proc and /etc at open
	 * (scap_get_state() is then empty; the capture itself is unchanged). */
	bool no_proc_scan;
	/*
	 * live engines: data bytes of each CPU's ring; 0: the engine's default. bpf: a
	 * multiple of 4096 in 4096..4 MiB - 36 KiB (the largest, and the default). kmod:
	 * the module's rings are sized when it is loaded (its ring_bytes parameter): 0 or
	 * that size, else -EINVAL.
	 */
	uint64_t ring_bytes;
	/* bpf: pass libbpf's messages (the verifier's included) to log_fn, at
	 * SCAP_LOG_DEBUG, while the probe is loaded. */
	bool log_loader;
	/*
	 * savefile from a descriptor the caller opened: has_fd true, fd read as path would
	 * be (plain or gzip, pipes too, from its current position) through a dup() of it:
	 * the caller still owns fd and may close it once scap_open() returns; path, when
	 * set, only names the capture in messages. Lets a caller open a file with its
	 * privileges and drop them before the first byte is parsed.
	 */
	bool has_fd;
	int fd;
	/*
	 * live engines: called once, with @h and on_capture_ctx, as soon as capture has
	 * begun (the driver attached and its rings receiving events): inside scap_open()
	 * with opts.start, before the initial state is read from /proc, which takes the
	 * longest part of the open on a loaded machine; else at the first scap_start()
	 * that succeeds. From this call on every event reaches the rings (the ones of
	 * processes that start during the scan are applied after the scan's state, as
	 * any event after the open), so an application may tell its user that capture
	 * has begun here. @h is usable for the controls of scry/scap_live.h (snaplen,
	 * exclude_tgid: set them here to have them apply from the first events); it must
	 * not be closed, read (scap_next()) or asked for its state here. When scap_open()
	 * fails after the call (the scan failed), the handle is gone all the same, and
	 * scap_open()'s error is what counts. NULL: not called.
	 */
	void (*on_capture)(scap_t *h, void *ctx);
	void *on_capture_ctx;
};
#define scap_open_opts__last_field on_capture_ctx

/*
 * A view of one event. Memory is owned by the engine and valid until the next
 * scap_next(), scap_next_batch() or scap_close() on the same handle.
 */
struct scap_evt_ref {
	size_t sz;                 /* sizeof(struct scap_evt_ref), set by the caller */
	const uint8_t *raw;        /* the record: 26-byte header, param lengths, params */
	uint32_t len;              /* bytes of raw (== header len) */
	uint64_t ts_ns;            /* ns since epoch */
	uint64_t tid;
	uint16_t type;             /* enum scap_evt_type */
	uint32_t nparams;
	uint16_t cpu;              /* CPU that produced it */
	uint32_t flags;            /* event flags stored by the writer (0 when none) */
	uint64_t offset;           /* savefile: byte offset of the event's block in the
	                              uncompressed stream; else 0 */
};

/* One decoded parameter: points into the event's memory. */
struct scap_param {
	const uint8_t *val;
	uint32_t len;              /* bytes */
};

/**
 * scap_open() - open an event source.
 * @opts:   [in] options (SCAP_OPTS); not kept after the call (but opts.buf and
 *          opts.test_input are referenced, not copied: they must outlive the handle).
 * @out:    [out] the new handle on success, NULL on failure.
 * @errbuf: [out] SCAP_ERRBUF_SIZE bytes for the error message on failure; may be NULL.
 * For a savefile (opts.path, or opts.buf/buf_len for a capture in memory; plain or
 * gzip, detected by the gzip magic), the section header and the header blocks up to
 * the first event block are read here: the initial state (scap_get_state()) is then
 * available. The format is the scap capture format of sysdig/Falco (pcapng-like
 * blocks; layouts from falcosecurity/libs' savefile engine): machine info, process
 * list V1..V9, fd list V1/V2, user list V1/V2, interface list V1/V2; unknown block
 * types are skipped. A file with header blocks and no event is not an error
 * (scap_next() then returns SCAP_EOF).
 * Live engines (kmod, and bpf through opts.engine_impl) read the initial state from the
 * running system here (unless opts.no_proc_scan) and exclude the opening process's
 * events (scry/scap_live.h); their controls and counters are in scry/scap_live.h.
 * Return: 0; -EINVAL bad opts (unknown engine, no source, both path and buf,
 * non-zero bytes past the fields this library knows, engine and engine_impl's name
 * differ); -ENOTSUP engine "bpf" named without opts.engine_impl (it is in the library
 * scap_bpf), or a live engine that cannot run here (message says why);
 * -ENOENT/-EACCES/... (errno of open(2)) file or device cannot be opened (kmod: -ENOENT
 * the module is not loaded, -EACCES/-EPERM not root, -EBUSY another capture reads it);
 * -EPROTO empty input, not a capture file, a newer major format version, other byte
 * order, or corrupt header blocks (the message names the byte offset in the
 * uncompressed stream and the block), or a kernel module of another ABI version;
 * -ENOMEM.
 * Thread-safety: any thread; the handle is then used by one thread at a time.
 */
SCAP_API int scap_open(const struct scap_open_opts *opts, scap_t **out, char *errbuf);

/**
 * scap_next() - the next event in timestamp order.
 * @h:   [in] open handle.
 * @out: [out] event view (set out->sz first: a caller built against an older, smaller
 *       struct gets only the fields its sz covers); out->raw points into memory owned
 *       by the engine (the savefile engine's read buffer, the test_input records), valid
 *       until the next scap_next()/scap_next_batch()/scap_close(). out->raw always has
 *       the 26-byte header with nparams: events of old captures (22-byte headers) are
 *       converted, their nparams derived from the schema and the parameter lengths.
 *       Events of types the schema does not know (>= SCAP_EVT_MAX, from newer writers)
 *       are skipped.
 * Return: 0 event stored; SCAP_TIMEOUT none ready (live) or a read was interrupted by a
 * signal (savefile: the caller may check why, then call again); SCAP_EOF no more events;
 * -EPROTO corrupt or truncated input: every complete event before the damage has been
 * returned, scap_last_error() names the byte offset in the uncompressed stream and the
 * block ("truncated event block at offset 18342: 40 of 112 bytes"; a block length that
 * is too small, beyond 256 MiB, or unlike its trailing copy; an event length outside
 * its block); -EIO read error; -ENOMEM a block larger than the buffer could not be
 * held; -EINVAL out->sz too small (not sticky).
 * After an error every further call returns the same error.
 * Thread-safety: one thread per handle.
 */
SCAP_API int scap_next(scap_t *h, struct scap_evt_ref *out);

/**
 * scap_next_batch() - the next events, several at once: what scap_next() would return
 * call after call, without a call per event (the savefile engine hands out every
 * event its read buffer holds, up to @max; other engines one event a call).
 * @h:    [in] open handle.
 * @refs: [out] @max event views; set refs[0].sz to sizeof(struct scap_evt_ref) (a
 *        caller built against another size gets one event a call, at its size, as
 *        from scap_next()). Every view filled has its sz set. The memory of all of
 *        them (raw) is the engine's, valid until the next scap_next()/
 *        scap_next_batch()/scap_close().
 * @max:  [in] room in @refs, at least 1.
 * @n:    [out] events stored, 1..@max on 0, else 0.
 * Return: 0 (*n events); else scap_next()'s codes, returned only when no event comes
 * before them (an error after some events comes on the next call, after them);
 * -EINVAL a NULL argument or @max 0 (not sticky).
 * Thread-safety: one thread per handle.
 */
SCAP_API int scap_next_batch(scap_t *h, struct scap_evt_ref *refs, uint32_t max, uint32_t *n);

/**
 * scap_evt_source() - the source of the event scap_next() returned last, when the
 * engine reads several: the host it was captured on (the stream engine of scap_stream,
 * reading hosts' captures from a bus); NULL for every other engine.
 * Return: a string owned by the engine, valid until scap_close(): the same pointer for
 * every event of one source, equal to that source's scap_state.source (scap_get_state()).
 */
SCAP_API const char *scap_evt_source(scap_t *h);

/**
 * scap_evt_params() - decode the parameter lengths of an event.
 * @evt:    [in] event from scap_next() (or any view with raw, len, type, nparams).
 * @params: [out] up to max entries, each {val, len in bytes} pointing into the event's
 *          memory (valid as long as the event); may be NULL when max is 0.
 * @max:    [in] entries of params.
 * The lengths are u16 per parameter, or u32 for event types flagged
 * SCAP_EF_LARGE_PAYLOAD in the schema. All nparams lengths are checked, not only the
 * first max.
 * Return: number of parameters decoded (min(nparams, max)); -EPROTO when the record is
 * shorter than its header or the lengths overrun the record (no entry is then
 * trustworthy); -EINVAL evt or evt->raw NULL, or params NULL with max > 0.
 * Thread-safety: pure function.
 */
SCAP_API int scap_evt_params(const struct scap_evt_ref *evt, struct scap_param *params,
			     uint32_t max);

/**
 * scap_get_state() - the system state the source starts from.
 * @h:   [in] open handle.
 * @out: [out] set out->sz first; pointers owned by @h (test_input: the caller's arrays),
 *       valid until scap_close(). Savefile: what the header blocks carried (threads
 *       with their fds attached, users, groups, interfaces, machine info or NULL);
 *       noop: empty. An engine merging several sources (hosts) also gives each
 *       source's state in out->sources (scap_state.h), so that a consumer keeps
 *       the threads and users of each source apart.
 * Return: 0; -EINVAL @h/@out NULL or out->sz too small.
 */
SCAP_API int scap_get_state(scap_t *h, struct scap_state *out);

/**
 * scap_get_state_update() - the state that came with the events scap_next() or
 * scap_next_batch() returned last, from an engine that replays a capture made of
 * pieces each carrying its own state (the stream engine: the state blocks of each
 * capture chunk after the first of its host). It is the state of the event's source
 * (scap_evt_source()) just before the first event of that call, which is the first
 * of its piece: what the events before it built, and also what they could not tell
 * (processes started while the publisher of the chunks was down, or in chunks that
 * were lost). A consumer that keeps state adds the threads (with their fds), users
 * and groups it lacks and leaves those it has as its events built them.
 * @h:   [in] open handle.
 * @out: [out] set out->sz first; filled as scap_get_state() fills it (out->source
 *       names the source as scap_evt_source() does; out->sources is NULL); pointers
 *       owned by @h, valid until the next scap_next(), scap_next_batch() or
 *       scap_close().
 * Return: 0 an update came with the last call; -ENOENT none did (the common answer;
 *       engines of one piece never give one; no message is set); -EINVAL @h/@out
 *       NULL or out->sz too small.
 * Thread-safety: the thread that calls scap_next().
 */
SCAP_API int scap_get_state_update(scap_t *h, struct scap_state *out);

/**
 * scap_start() - start producing events (live engines).
 * @h: [in] open handle.
 * Return: 0; -ENOTSUP the engine has nothing to start (savefile, test_input, noop).
 */
SCAP_API int scap_start(scap_t *h);

/**
 * scap_stop() - stop producing events (live engines); events already buffered are
 * still returned by scap_next().
 * @h: [in] open handle.
 * Return: 0; -ENOTSUP the engine has nothing to stop.
 */
SCAP_API int scap_stop(scap_t *h);

/** scap_engine_name() - name of the engine behind @h ("savefile", ...); static storage. */
SCAP_API const char *scap_engine_name(scap_t *h);

/** scap_last_error() - the message of the last error on @h ("" when none); owned by @h. */
SCAP_API const char *scap_last_error(scap_t *h);

/** scap_close() - release @h and everything it handed out. NULL is ignored. */
SCAP_API void scap_close(scap_t *h);

/**
 * scap_evt_info() - schema entry of an event type.
 * Return: the entry, or NULL when @type is outside the table.
 */
SCAP_API const struct scap_evt_info *scap_evt_info(uint16_t type);

#ifdef __cplusplus
}
#endif
#endif /* SCAP_H */

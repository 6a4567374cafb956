/* SPDX-License-Identifier: Apache-2.0 */
/*
 * sinsp.h - the inspection library: reads events from libscap, rebuilds the state
 * of processes, threads and file descriptors as of each event, extracts fields
 * ("proc.name", "fd.name", ...) and formats events as sysdig does.
 *
 * Conventions: as in scap.h (0 / negative errno / positive enum scap_status,
 * message in sinsp_last_error(), opts structs with sz first, one thread per handle).
 */
#ifndef SINSP_H
#define SINSP_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

#include <scry/scap.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SINSP_API __attribute__((visibility("default")))

struct sinsp;
typedef struct sinsp sinsp_t;

/* One event with its state context; owned by the handle, valid until the next sinsp_next(). */
struct sinsp_evt;

/* A compiled output format (-p) or the JSON renderer (-j). */
struct sinsp_formatter;

/*
 * Text of a buffer parameter. Only the dotted text is cut to max_str_len (below); the
 * others print every byte. The shapes are sysdig 0.29.3's, as its -A, -x, -X and -b
 * print them.
 */
enum sinsp_buffer_format {
	SINSP_BUFFER_DOTS = 0,   /* printable ASCII, '.' for other bytes, "..." when cut */
	SINSP_BUFFER_ASCII,      /* "\n", then the printable bytes and newlines only (-A) */
	SINSP_BUFFER_HEX,        /* "\n\t0xOFFS: 7f45 4c46 ..." 16 bytes a row, then "\n" (-x) */
	SINSP_BUFFER_HEX_ASCII,  /* the rows of -x with their bytes as in DOTS after them (-X) */
	SINSP_BUFFER_BASE64,     /* RFC 4648 base64 with '=' padding (-b) */
};

/* What evt.outputtime prints in text output (sysdig's -t h, a, r, d, D). */
enum sinsp_time_output {
	SINSP_TIME_HUMAN = 0,    /* local time HH:MM:SS.nnnnnnnnn (as evt.time) */
	SINSP_TIME_ABSOLUTE,     /* seconds.nanoseconds since the epoch */
	SINSP_TIME_RELATIVE,     /* seconds.nanoseconds since the first event read */
	SINSP_TIME_LATENCY,      /* seconds.nanoseconds of evt.latency (0 for an enter) */
	SINSP_TIME_DELTA,        /* seconds.nanoseconds since the previous event this format
	                            printed (0 for the first) */
};

/*
 * Whether the container runtimes are asked for the metadata of the containers a
 * capture sees (name, image, labels, ...; sinsp_open_opts.runtime_lookups).
 */
enum sinsp_runtime_lookups {
	SINSP_RUNTIME_LOOKUPS_DEFAULT = 0, /* on for the live engines (kmod, bpf), off for every
	                                      other source: a replay never asks today's runtimes
	                                      about a capture's containers (the capture's
	                                      container events describe them) */
	SINSP_RUNTIME_LOOKUPS_OFF,
	SINSP_RUNTIME_LOOKUPS_ON,          /* for any source (tests, synthetic events) */
};

/* A socket override: ask runtime @runtime on @path instead of its default socket. */
struct sinsp_runtime_socket {
	const char *runtime;   /* "docker" (default /var/run/docker.sock), "podman"
	                          (/run/podman/podman.sock), and the CRI runtimes the
	                          library was built with ("containerd", "cri-o") */
	const char *path;      /* unix socket path; NULL or "": do not ask this runtime */
};

/* Options of sinsp_open(); the scap options are forwarded as they are. */
struct sinsp_open_opts {
	size_t sz;                          /* sizeof(struct sinsp_open_opts) */
	const struct scap_open_opts *scap;  /* event source; required */
	uint32_t max_str_len;               /* bytes of a buffer parameter printed in text output
	                                       before it is cut with "..."; 0: 80 (sysdig's default) */
	/*
	 * Render as sysdig 0.29.3 does where its values are not the truth (off by default):
	 * group.gid carries the main thread's count of other threads in its upper 32 bits
	 * (sysdig reads 64 bits at the 32-bit gid), and proc.tty is always 0 (whatever
	 * terminal the capture recorded). Off: group.gid is the gid, proc.tty the terminal's
	 * device number. Applies to text, JSON, filters and typed extraction alike. The scry
	 * CLI turns it on to print what sysdig prints.
	 */
	bool compat_sysdig_0_29;
	/*
	 * How buffer parameters (read/write data, ...) print in text output (sysdig's -A, -x,
	 * -X, -b), in text and JSON output; SINSP_BUFFER_DOTS (0) by default.
	 */
	enum sinsp_buffer_format buffer_format;
	/* What evt.outputtime prints in text output (sysdig's -t); SINSP_TIME_HUMAN (0) by
	 * default. JSON output keeps the timestamp in ns. */
	enum sinsp_time_output time_output;
	/*
	 * Container metadata from the runtimes (Docker Engine API, podman's compatible
	 * API; lxc containers are named by their cgroup). Each container is looked up once,
	 * when the state first holds a process of it, on a worker thread of the handle:
	 * sinsp_next() never waits for a runtime, and the events of a container before its
	 * answer arrives show <NA> for container.name, container.image, ... (then
	 * sinsp_container_changed() makes capture writers record it). The containers of
	 * the processes running at open are looked up before sinsp_open() returns, waiting
	 * at most runtime_startup_ms. Counters: sinsp_runtime_stats() (sinsp_state.h).
	 */
	enum sinsp_runtime_lookups runtime_lookups;
	const struct sinsp_runtime_socket *runtime_sockets; /* overrides, not copied beyond
	                                       sinsp_open(); NULL: the defaults */
	uint32_t nruntime_sockets;          /* entries of runtime_sockets */
	uint32_t runtime_timeout_ms;        /* one call to a runtime, connection included, ms;
	                                       0: 1000. A failed or timed-out call is tried
	                                       again twice, after 200 ms then 800 ms. */
	uint32_t runtime_startup_ms;        /* longest wait in sinsp_open() for the lookups of
	                                       the containers running at open, ms; 0: 2000 */
};
#define sinsp_open_opts__last_field runtime_startup_ms

/**
 * sinsp_open() - open an event source and load the state it starts from.
 * @opts:   [in] options; not kept.
 * @out:    [out] the handle, NULL on failure.
 * @errbuf: [out] SCAP_ERRBUF_SIZE bytes for the message on failure; may be NULL.
 * Return: 0; -EINVAL an unknown buffer_format, time_output or runtime_lookups, or a
 * socket override naming no runtime with a socket; or the negative errno of
 * scap_open() (-EINVAL, -ENOENT, -EPROTO, -ENOMEM).
 */
SINSP_API int sinsp_open(const struct sinsp_open_opts *opts, sinsp_t **out, char *errbuf);

/**
 * sinsp_next() - read the next event and apply it to the state.
 * @s:   [in] handle.
 * @out: [out] the event; owned by @s, valid until the next sinsp_next() or sinsp_close().
 * Every event read is numbered (evt.num counts from 1), including events that are
 * not meant to be shown (see sinsp_evt_is_hidden()). With a filter set by
 * sinsp_set_filter() (sinsp_filter.h), only the events it matches are returned.
 * Return: 0; SCAP_TIMEOUT; SCAP_EOF; negative errno from the source (-EPROTO for a
 * corrupt capture: every complete event before the damage was returned).
 */
SINSP_API int sinsp_next(sinsp_t *s, struct sinsp_evt **out);

/**
 * sinsp_evt_is_hidden() - true for events that update state but are not shown:
 * events the writer stored for state only (sysdig's "fat file" flag), internal
 * events of the capture machinery (the older fixed-parameter container event among
 * them), meta events sysdig 0.29.3 does not know (users and groups added or removed),
 * and the container events a capture starts with (its container table: every
 * container event before the first other event). A container event later in the
 * capture is shown, as sysdig 0.29.3 shows it: as an event of the container's own
 * thread, named "container:ID" (proc.name), pid -1.
 */
SINSP_API bool sinsp_evt_is_hidden(const struct sinsp_evt *evt);

/**
 * sinsp_evt_is_counted() - whether a tool that counts events as sysdig 0.29.3 counts
 * them (its -n limit and -S summary) counts @evt: false for events stored for state
 * only, meta events sysdig 0.29.3 does not know, and the container events a capture
 * starts with; true for every other event, hidden ones included (an internal event,
 * a fixed-parameter container event after the start).
 */
SINSP_API bool sinsp_evt_is_counted(const struct sinsp_evt *evt);

/** sinsp_evt_raw() - the underlying scap event view (valid as long as @evt). */
SINSP_API const struct scap_evt_ref *sinsp_evt_raw(const struct sinsp_evt *evt);

/**
 * sinsp_scap() - the scap handle @s reads its events from; owned by @s (closed by
 * sinsp_close()). For a caller that needs the events but not the state: it may read
 * them with scap_next() itself, and then must not call sinsp_next() on @s again.
 */
SINSP_API scap_t *sinsp_scap(sinsp_t *s);

/** sinsp_last_error() - message of the last error on @s ("" when none); owned by @s. */
SINSP_API const char *sinsp_last_error(sinsp_t *s);

/**
 * sinsp_close() - release @s and everything it handed out. NULL is ignored. A container
 * runtime lookup in progress is waited for (at most runtime_timeout_ms).
 */
SINSP_API void sinsp_close(sinsp_t *s);

/* sysdig's default output line (sysdig 0.29.3, "-p" default without container info). */
#define SINSP_DEFAULT_FORMAT \
	"*%evt.num %evt.outputtime %evt.cpu %proc.name (%thread.tid) %evt.dir %evt.type %evt.info"

enum sinsp_output { SINSP_OUTPUT_TEXT = 0, SINSP_OUTPUT_JSON = 1 };

/**
 * sinsp_formatter_new() - compile an output format.
 * @s:    [in] handle whose fields the format uses (the formatter must not outlive it).
 * @fmt:  [in] sysdig -p syntax: text with %field or %field[arg] or %field.arg
 *        references; a leading '*' prints the line even when a field does not resolve
 *        (it prints "<NA>"), otherwise the event is skipped. Not kept.
 * @kind: [in] text line, or JSON object of the referenced fields (sysdig -j).
 * @out:  [out] the formatter; free with sinsp_formatter_free().
 * Return: 0; -EINVAL unknown field or malformed format (sinsp_last_error() says which
 * and at which byte); -ENOMEM.
 */
SINSP_API int sinsp_formatter_new(sinsp_t *s, const char *fmt, enum sinsp_output kind,
				  struct sinsp_formatter **out);

/**
 * sinsp_formatter_render() - render one event.
 * @f:   [in] formatter.  @evt: [in] event from sinsp_next().
 * @out: [out] the line without newline, NUL terminated; owned by @f, valid until the
 *       next render or free.  @len: [out] bytes of *out (may be NULL).
 * Return: 1 rendered; 0 skipped (a field did not resolve and the format has no '*';
 * *out then holds no line to print: empty, or the text before that field).
 */
SINSP_API int sinsp_formatter_render(struct sinsp_formatter *f, struct sinsp_evt *evt,
				     const char **out, size_t *len);

/** sinsp_formatter_free() - release @f. NULL is ignored. */
SINSP_API void sinsp_formatter_free(struct sinsp_formatter *f);

#ifdef __cplusplus
}
#endif
#endif /* SINSP_H */

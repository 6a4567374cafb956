/* SPDX-License-Identifier: Apache-2.0 */
/*
 * scap_int.h - libscap internals: the handle, the engine vtable, the readers behind the
 * savefile engine, the owned initial state and the error/log helpers. Never installed.
 */
#ifndef SCAP_INT_H
#define SCAP_INT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>
#include <sys/types.h>

#include <scry/scap.h>
#include <scry/scap_engine.h>
#include <scry/scap_live.h>
#include <scry/scap_test_input.h>

#define SCAP_PRINTF(fmt_idx, arg_idx) __attribute__((format(printf, fmt_idx, arg_idx)))

#ifndef offsetofend
#define offsetofend(type, field) (offsetof(type, field) + sizeof(((type *)0)->field))
#endif

/* ---- engines --------------------------------------------------------------------- */

/*
 * The engine vtable (STYLE.md rule 12) is struct scap_engine_ops of the public
 * scry/scap_engine.h: engine libraries (scap_bpf) implement it too. One static const
 * instance per engine; a NULL op means "not supported": scap.c and scap_live.c answer
 * -ENOTSUP for it, engines carry no stubs. The built-in engines below are used in
 * place (their sz is not read); an engine from opts.engine_impl is copied into the
 * handle (h->impl), its first sz bytes.
 */
extern const struct scap_engine_ops scap_savefile_ops;
extern const struct scap_engine_ops scap_test_input_ops;
extern const struct scap_engine_ops scap_noop_ops;
extern const struct scap_engine_ops scap_kmod_ops;

/* ---- initial state owned by the handle (scap_state.c) ---------------------------- */

struct scap_state_store {
	struct scap_machine_info machine;
	bool has_machine;
	struct scap_threadinfo *threads;
	uint32_t nthreads, cap_threads;
	uint32_t *tid_index;      /* open addressing: thread index + 1, 0 = empty */
	uint32_t tid_index_cap;   /* slots, power of two */
	struct scap_userinfo *users;
	uint32_t nusers, cap_users;
	struct scap_groupinfo *groups;
	uint32_t ngroups, cap_groups;
	struct scap_ifinfo_ipv4 *ifv4;
	uint32_t nifv4, cap_ifv4;
	struct scap_ifinfo_ipv6 *ifv6;
	uint32_t nifv6, cap_ifv6;
	uint64_t hdr_bytes;       /* savefile: bytes of entries header blocks added (budget) */
};

/* A new zeroed thread (loginuid preset to (uint32_t)-1), or NULL on ENOMEM. The pointer
 * is valid until the next scap_state_add_thread(); call scap_state_index_thread() once
 * its tid is known. */
struct scap_threadinfo *scap_state_add_thread(struct scap_state_store *s);
int scap_state_index_thread(struct scap_state_store *s, uint32_t idx);
struct scap_threadinfo *scap_state_find_thread(struct scap_state_store *s, uint64_t tid);
/* A new zeroed fd slot of @t, or NULL on ENOMEM. */
struct scap_fdinfo *scap_state_add_fd(struct scap_threadinfo *t);
struct scap_userinfo *scap_state_add_user(struct scap_state_store *s);
struct scap_groupinfo *scap_state_add_group(struct scap_state_store *s);
struct scap_ifinfo_ipv4 *scap_state_add_ifv4(struct scap_state_store *s);
struct scap_ifinfo_ipv6 *scap_state_add_ifv6(struct scap_state_store *s);
/* Drop users+groups (a later user list block replaces an earlier one). */
void scap_state_clear_users(struct scap_state_store *s);
/* Drop the interfaces (a later interface list block replaces an earlier one). */
void scap_state_clear_ifaces(struct scap_state_store *s);
/* Point @out at the store's arrays. */
void scap_state_export(const struct scap_state_store *s, struct scap_state *out);
void scap_state_free(struct scap_state_store *s);

/* ---- the handle ------------------------------------------------------------------- */

struct scap {
	const struct scap_engine_ops *ops;
	struct scap_engine_ops impl;      /* copy of opts.engine_impl (ops points here) */
	void *priv;                       /* engine state */
	bool no_proc_scan;                /* opts.no_proc_scan */
	bool has_scan;                    /* scap_engine_read_state() ran: scan is set */
	struct scap_scan_stats scan;      /* its counters (sz unused) */
	char errbuf[SCAP_ERRBUF_SIZE];    /* last error message, "" when none */
	int sticky_err;                   /* first negative next() result, then returned forever */
	scap_log_fn log_fn;
	void *log_ctx;
	void (*on_capture)(scap_t *h, void *ctx); /* opts.on_capture, NULL once called */
	void *on_capture_ctx;
	struct scap_state state;          /* what scap_get_state() reports (sz unused) */
	struct scap_state_store store;    /* owned arrays behind state, when the engine uses them */
	const char *evt_source;           /* scap_engine_set_evt_source(): the engine's string */
	struct scap_state update;         /* scap_engine_set_state_update(), when has_update */
	bool has_update;
	struct scap_xo *xo;               /* exit-only expansion (exit_only.c), NULL until used */
};

/*
 * scap_err() - format an error into h->errbuf and return @code (a negative errno), so
 * call sites read `return scap_err(h, -ENOENT, "open %s", path);`. For system errors
 * ": strerror(-code)" is appended; -EPROTO, -EINVAL and -ENOTSUP messages are complete
 * by themselves (they name the offset/argument) and get no suffix. It is the engine
 * interface's scap_engine_err(), as scap_log() is scap_engine_log(): one
 * implementation for the built-in engines and the engine libraries.
 */
#define scap_err scap_engine_err
int scap_verr(struct scap *h, int code, const char *fmt, va_list ap) SCAP_PRINTF(3, 0);

/* Log through opts.log_fn when set; silent otherwise. */
#define scap_log scap_engine_log
/*
 * libbpf's OPTS_VALID rule for opts structs: a caller built against a newer header may
 * pass a bigger struct (sz), but only if every byte past the known fields is zero.
 */
static inline bool scap_opts_tail_zero(const void *opts, size_t sz, size_t known)
{
	const unsigned char *p = opts;

	for (size_t i = known; i < sz; i++)
		if (p[i])
			return false;
	return true;
}

#define scap_warn(h, ...) scap_log((h), SCAP_LOG_WARN, __VA_ARGS__)
#define scap_info(h, ...) scap_log((h), SCAP_LOG_INFO, __VA_ARGS__)
#define scap_debug(h, ...) scap_log((h), SCAP_LOG_DEBUG, __VA_ARGS__)

/*
 * Exit-only captures read as full ones (exit_only.c). scap_xo_set(): the mode was set
 * (@on) or cleared; 0 or -ENOMEM. scap_xo_next(): the engine's next() through the
 * expansion (h->xo set). scap_xo_free(): at close.
 */
int scap_xo_set(struct scap *h, bool on);
int scap_xo_next(struct scap *h, struct scap_evt_ref *out);
void scap_xo_free(struct scap *h);

/* Param length width of an event type: 4 for SCAP_EF_LARGE_PAYLOAD types, else 2. */
uint32_t scap_evt_len_width(uint16_t type);

/* ---- readers (scap_reader.c): byte sources behind the savefile engine -------------- */

/*
 * A sequential byte source. read() fills up to @len bytes of @dst and returns the count,
 * 0 at the end of the stream, or a negative errno (message in errbuf, SCAP_ERRBUF_SIZE).
 * An error comes after the bytes read before it (on the next call). Truncated compressed
 * input (a gzip member not finished) is -ENODATA after its bytes: the block parser then
 * reports the truncation with its offset, also when the cut falls between two blocks;
 * a gzip stream that ends before any output is -EPROTO (corrupt). close()
 * releases everything (NULL-safe via the wrapper).
 */
struct scap_reader_ops {
	const char *name;                 /* "plain", "gzip" (a path or memory) */
	ssize_t (*read)(void *ctx, void *dst, size_t len, char *errbuf);
	void (*close)(void *ctx);
};

struct scap_reader {
	const struct scap_reader_ops *ops;
	void *ctx;
};

/* Open @path ("-" = stdin; pipes and FIFOs too, nothing is sought): gzip when it starts
 * with the gzip magic, plain otherwise. Return: 0, -ENOENT/-EACCES/... (errno of open),
 * -EISDIR, -ENOMEM; errbuf: the strerror text only (the caller names the path). */
int scap_reader_open_path(const char *path, struct scap_reader *out, char *errbuf);

/* scap_reader_open_path() of the open descriptor @fd, taken over (closed on failure too).
 * Return: 0, -EISDIR, -ENOMEM, or the errno of the first read. */
int scap_reader_open_fd(int fd, struct scap_reader *out, char *errbuf);
/* Read from caller memory (not copied; must outlive the reader); gzip data is inflated. */
int scap_reader_open_mem(const void *buf, size_t len, struct scap_reader *out, char *errbuf);
void scap_reader_close(struct scap_reader *r);

/* ---- savefile format facts (the scap capture format, pcapng-based) ----------------- */

#define SCAP_BT_SHB            0x0A0D0D0Au  /* section header */
#define SCAP_SHB_MAGIC         0x1A2B3C4Du  /* byte-order magic */
#define SCAP_SHB_MAJOR         1u           /* highest major format version read */
#define SCAP_BT_MI             0x201u       /* machine info */
#define SCAP_BT_MI_INT         0x8002ABCDu
#define SCAP_BT_PL_V1          0x202u       /* process list */
#define SCAP_BT_PL_V1_INT      0x8000ABCDu
#define SCAP_BT_PL_V2          0x207u
#define SCAP_BT_PL_V2_INT      0x8013ABCDu
#define SCAP_BT_PL_V3          0x209u
#define SCAP_BT_PL_V3_INT      0x8014ABCDu
#define SCAP_BT_PL_V4          0x210u
#define SCAP_BT_PL_V5          0x211u
#define SCAP_BT_PL_V6          0x212u
#define SCAP_BT_PL_V7          0x213u
#define SCAP_BT_PL_V8          0x214u
#define SCAP_BT_PL_V9          0x215u
#define SCAP_BT_FDL            0x203u       /* fd list */
#define SCAP_BT_FDL_INT        0x8001ABCDu
#define SCAP_BT_FDL_V2         0x218u
#define SCAP_BT_EV             0x204u       /* event, 22-byte header (no nparams) */
#define SCAP_BT_EV_INT         0x8010ABCDu
#define SCAP_BT_EVF            0x208u       /* event with flags, 22-byte header */
#define SCAP_BT_EV_V2          0x216u       /* event, 26-byte header */
#define SCAP_BT_EVF_V2         0x217u
#define SCAP_BT_EV_V2_LARGE    0x221u       /* as _V2, blocks may exceed 64 KiB */
#define SCAP_BT_EVF_V2_LARGE   0x222u
#define SCAP_BT_IL             0x205u       /* interface list */
#define SCAP_BT_IL_INT         0x8011ABCDu
#define SCAP_BT_IL_V2          0x219u
#define SCAP_BT_UL             0x206u       /* user list */
#define SCAP_BT_UL_INT         0x8012ABCDu
#define SCAP_BT_UL_V2          0x220u

#define SCAP_BLOCK_HDR_LEN     8u           /* u32 type + u32 total length */
#define SCAP_BLOCK_OVERHEAD    12u          /* header + trailing u32 length */
#define SCAP_EVT_HDR_V1_LEN    22u          /* ts, tid, len, type: no nparams */
/* Largest block accepted: beyond this a length is treated as corrupt. */
#define SCAP_SAVEFILE_MAX_BLOCK (256u << 20)

/* Interface entry types of interface list blocks. */
enum { SCAP_II_IPV4 = 1, SCAP_II_IPV6 = 2, SCAP_II_IPV4_NOLINKSPEED = 3,
       SCAP_II_IPV6_NOLINKSPEED = 4 };
/* User list entry types. */
enum { SCAP_UL_USER = 0, SCAP_UL_GROUP = 1 };

/* Human name of a block type for messages: "event", "process list", ... */
const char *scap_block_name(uint32_t type);
/* True for the seven event block types. */
bool scap_block_is_event(uint32_t type);

/*
 * Parse the body of one header block (machine info, process list, fd list, user list,
 * interface list) into @h->store. @off is the block's offset in the uncompressed stream,
 * for messages. Return 0 or -EPROTO/-ENOMEM via scap_err(). (engine/savefile_hdr.c)
 */
int scap_savefile_parse_header_block(struct scap *h, uint32_t type, const uint8_t *body,
				     size_t len, uint64_t off);

#endif /* SCAP_INT_H */

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * savefile.c - the savefile engine: reads scap capture files (the pcapng-based block
 * format of sysdig and Falco), plain or gzip, from a path or from memory.
 *
 * Buffering: the engine owns one buffer (128 KiB to start, so that what one read brings
 * is still in the CPU cache when it is parsed: 1 MiB was 15% slower, and mapping the
 * file slower still, on a 2-core VM). The reader fills it with one large read; blocks
 * are then parsed in place and scap_next() (scap_next_batch(): all the events the
 * buffer holds) hands out pointers into it. Only when a block straddles the end of the
 * buffer is its head moved to the front (memmove of less than one block) before the
 * next read. A block larger than the
 * buffer grows it, doubling only while data keeps arriving, up to
 * SCAP_SAVEFILE_MAX_BLOCK; a longer block is reported as corrupt.
 *
 * Old event blocks (EV, EVF) carry a 22-byte event header without nparams. They are
 * converted in place: the header moves 4 bytes towards the block start (over the CPU
 * id and flags, read before) and nparams is computed from the schema's parameter
 * count and the lengths, as the format's reference reader does.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scap_int.h"

#define SF_BUF_INITIAL (128u << 10)
#define SF_BUF_INITIAL_MEM (64u << 10)

#define SF_V1_LARGE 0x80u
_Static_assert(SCAP_MAX_EVENT_PARAMS < SF_V1_LARGE, "v1_params holds a count below 128");

/* Event types whose len field in 22-byte-header captures is 3 bytes too big. */
#define SF_EVT_NOTIFICATION_E 280
#define SF_EVT_INFRASTRUCTURE_EVENT_E 286

struct savefile {
	struct scap_reader rd;
	uint8_t *buf;
	size_t cap;          /* bytes allocated */
	size_t pos;          /* first unconsumed byte */
	size_t end;          /* end of valid data */
	uint64_t base;       /* stream offset of buf[0] */
	bool eof;            /* the reader has nothing more */
	int rd_err;          /* reader error (negative errno), reported once data runs out */
	char rd_msg[SCAP_ERRBUF_SIZE];
	uint64_t nskipped;   /* event blocks of types beyond the schema */
	/* by event type: the schema's parameter count, | SF_V1_LARGE for a type with
	 * SCAP_EF_LARGE_PAYLOAD: what a 22-byte-header event needs from the schema, in a
	 * few cache lines (an entry of scap_evt_table is 1 KiB: one cold line a type) */
	uint8_t v1_params[SCAP_EVT_MAX];
};

static uint32_t get_u32(const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, 4);
	return v;
}

static uint16_t get_u16(const uint8_t *p)
{
	uint16_t v;

	memcpy(&v, p, 2);
	return v;
}

const char *scap_block_name(uint32_t type)
{
	switch (type) {
	case SCAP_BT_SHB: return "section header";
	case SCAP_BT_MI: case SCAP_BT_MI_INT: return "machine info";
	case SCAP_BT_PL_V1: case SCAP_BT_PL_V1_INT: case SCAP_BT_PL_V2: case SCAP_BT_PL_V2_INT:
	case SCAP_BT_PL_V3: case SCAP_BT_PL_V3_INT: case SCAP_BT_PL_V4: case SCAP_BT_PL_V5:
	case SCAP_BT_PL_V6: case SCAP_BT_PL_V7: case SCAP_BT_PL_V8: case SCAP_BT_PL_V9:
		return "process list";
	case SCAP_BT_FDL: case SCAP_BT_FDL_INT: case SCAP_BT_FDL_V2: return "fd list";
	case SCAP_BT_IL: case SCAP_BT_IL_INT: case SCAP_BT_IL_V2: return "interface list";
	case SCAP_BT_UL: case SCAP_BT_UL_INT: case SCAP_BT_UL_V2: return "user list";
	default: break;
	}
	return scap_block_is_event(type) ? "event" : "unknown";
}

/*
 * Make at least @need bytes available from sf->pos (fewer only at the end of the
 * stream). Return the number available, or a negative errno (-ENOMEM).
 */
static ssize_t sf_fill(struct scap *h, struct savefile *sf, size_t need)
{
	if (sf->end - sf->pos >= need)
		return (ssize_t)(sf->end - sf->pos);
	if (sf->pos) {
		/* The tail of a straddling block moves to the front: less than one block. */
		memmove(sf->buf, sf->buf + sf->pos, sf->end - sf->pos);
		sf->end -= sf->pos;
		sf->base += sf->pos;
		sf->pos = 0;
	}
	while (sf->end < need && !sf->eof) {
		ssize_t n;

		if (sf->end == sf->cap) {
			/* Full and still short: double, but never beyond what is needed. */
			size_t ncap = sf->cap * 2;
			uint8_t *p;

			if (ncap > need)
				ncap = need < sf->cap ? sf->cap : need;
			p = realloc(sf->buf, ncap);
			if (!p)
				return scap_err(h, -ENOMEM, "savefile: buffer of %zu bytes", ncap);
			sf->buf = p;
			sf->cap = ncap;
		}
		n = sf->rd.ops->read(sf->rd.ctx, sf->buf + sf->end, sf->cap - sf->end, sf->rd_msg);
		if (n == -EINTR)
			return -EINTR; /* not an error: sf_next() reports SCAP_TIMEOUT */
		if (n < 0) {
			sf->rd_err = (int)n;
			sf->eof = true;
			break;
		}
		if (n == 0)
			sf->eof = true;
		sf->end += (size_t)n;
	}
	return (ssize_t)(sf->end - sf->pos);
}

/* Report a short read: a reader error when there was one, else a truncation. @what is
 * "block header" or "<name> block". */
static int sf_short(struct scap *h, struct savefile *sf, const char *what, size_t got,
		    size_t want)
{
	uint64_t off = sf->base + sf->pos;

	if (sf->rd_err && sf->rd_err != -ENODATA) { /* -ENODATA: a gzip member cut */
		/* the reader's message is complete (its strerror included) */
		scap_err(h, -EPROTO, "read error in %s at offset %" PRIu64 " (%zu of %zu bytes): %s",
			 what, off, got, want, sf->rd_msg);
		return sf->rd_err == -EPROTO ? -EPROTO : -EIO;
	}
	return scap_err(h, -EPROTO, "truncated %s at offset %" PRIu64 ": %zu of %zu bytes",
			what, off, got, want);
}

/* sf_peek_block() for every case: reads more when needed, reports what is wrong. */
static int sf_peek_block_slow(struct scap *h, struct savefile *sf, uint32_t *ptype,
			      uint32_t *plen)
{
	const uint8_t *b;
	uint32_t type, len, trailer;
	ssize_t avail;

	*ptype = 0;     /* defined on every return, not only on success */
	*plen = 0;
	avail = sf_fill(h, sf, SCAP_BLOCK_HDR_LEN);
	if (avail < 0)
		return (int)avail;
	if (avail == 0) {
		if (sf->rd_err == -ENODATA)
			return scap_err(h, -EPROTO, "truncated capture at offset %" PRIu64 ": %s",
					sf->base + sf->pos, sf->rd_msg);
		if (sf->rd_err) {
			/* the reader's message is complete (its strerror included) */
			scap_err(h, -EPROTO, "read error at offset %" PRIu64 ": %s",
				 sf->base + sf->pos, sf->rd_msg);
			return sf->rd_err == -EPROTO ? -EPROTO : -EIO;
		}
		return SCAP_EOF;
	}
	if ((size_t)avail < SCAP_BLOCK_HDR_LEN)
		return sf_short(h, sf, "block header", (size_t)avail, SCAP_BLOCK_HDR_LEN);

	b = sf->buf + sf->pos;
	type = get_u32(b);
	len = get_u32(b + 4);
	if (len < SCAP_BLOCK_OVERHEAD)
		return scap_err(h, -EPROTO,
				"%s block (type 0x%x) at offset %" PRIu64 ": length %u is too small",
				scap_block_name(type), type, sf->base + sf->pos, len);
	if (len > SCAP_SAVEFILE_MAX_BLOCK)
		return scap_err(h, -EPROTO,
				"%s block (type 0x%x) at offset %" PRIu64
				": length %u exceeds the %u-byte limit",
				scap_block_name(type), type, sf->base + sf->pos, len,
				SCAP_SAVEFILE_MAX_BLOCK);
	avail = sf_fill(h, sf, len);
	if (avail < 0)
		return (int)avail;
	if ((size_t)avail < len) {
		char what[64];

		snprintf(what, sizeof(what), "%s block", scap_block_name(type));
		return sf_short(h, sf, what, (size_t)avail, len);
	}

	b = sf->buf + sf->pos;
	trailer = get_u32(b + len - 4);
	if (trailer != len)
		return scap_err(h, -EPROTO,
				"%s block (type 0x%x) at offset %" PRIu64
				": length %u does not match its trailing copy %u",
				scap_block_name(type), type, sf->base + sf->pos, len, trailer);
	*ptype = type;
	*plen = len;
	return 0;
}

/*
 * sf_peek_block() of a sane block wholly in the buffer (no read, nothing reported):
 * true with *ptype and *plen set, false when the slow path must look.
 */
static inline bool sf_peek_buffered(const struct savefile *sf, uint32_t *ptype, uint32_t *plen)
{
	size_t avail = sf->end - sf->pos;
	const uint8_t *b = sf->buf + sf->pos;
	uint32_t len;

	if (avail < SCAP_BLOCK_HDR_LEN)
		return false;
	len = get_u32(b + 4);
	if (len < SCAP_BLOCK_OVERHEAD || len > avail || len > SCAP_SAVEFILE_MAX_BLOCK ||
	    get_u32(b + len - 4) != len)
		return false;
	*ptype = get_u32(b);
	*plen = len;
	return true;
}

/*
 * Peek the next block: on 0, *ptype and *plen are its type and total length and the whole
 * block (trailer checked) is at sf->buf + sf->pos. SCAP_EOF at a clean end of stream.
 * Never consumes: the caller advances sf->pos by *plen.
 */
static inline int sf_peek_block(struct scap *h, struct savefile *sf, uint32_t *ptype,
				uint32_t *plen)
{
	/* The usual case: a sane block wholly in the buffer. Anything else takes the slow
	 * path, which reads more or reports what is wrong. */
	if (sf_peek_buffered(sf, ptype, plen))
		return 0;
	return sf_peek_block_slow(h, sf, ptype, plen);
}

/*
 * The largest n <= max whose n lengths (w bytes each: 2, or 4 for SCAP_EF_LARGE_PAYLOAD
 * types; a constant where it is inlined) plus their values fill body bytes exactly, -1
 * when none does: the parameter count of a 22-byte-header event.
 */
static inline __attribute__((always_inline)) int64_t v1_count(const uint8_t *lens,
								uint64_t body, uint32_t n,
								uint32_t w)
{
	uint64_t used = 0;
	uint32_t i;

	/* Only counts whose length table fits the event are candidates. */
	if ((uint64_t)n * w > body)
		n = (uint32_t)(body / w);
	for (i = 0; i < n; i++)
		used += w == 2 ? get_u16(lens + i * 2) : get_u32(lens + i * 4);
	used += (uint64_t)n * w;
	/* One parameter less takes its length and its value off: never adds bytes. */
	while (used != body) {
		if (used < body || n == 0)
			return -1;
		n--;
		used -= w + (w == 2 ? get_u16(lens + n * 2) : get_u32(lens + n * 4));
	}
	return n;
}

/* Event block layouts, by block type. */
enum sf_evt_kind {
	SF_EVT_NONE,        /* not an event block */
	SF_EVT_V1,          /* EV, EV_INT: u16 cpu, 22-byte event header */
	SF_EVT_V1_FLAGS,    /* EVF: u16 cpu, u32 flags, 22-byte header */
	SF_EVT_V2,          /* EV_V2(_LARGE): u16 cpu, 26-byte header */
	SF_EVT_V2_FLAGS,    /* EVF_V2(_LARGE): u16 cpu, u32 flags, 26-byte header */
};

static inline enum sf_evt_kind sf_evt_kind(uint32_t btype)
{
	switch (btype) {
	case SCAP_BT_EV: case SCAP_BT_EV_INT: return SF_EVT_V1;
	case SCAP_BT_EVF: return SF_EVT_V1_FLAGS;
	case SCAP_BT_EV_V2: case SCAP_BT_EV_V2_LARGE: return SF_EVT_V2;
	case SCAP_BT_EVF_V2: case SCAP_BT_EVF_V2_LARGE: return SF_EVT_V2_FLAGS;
	default: return SF_EVT_NONE;
	}
}

bool scap_block_is_event(uint32_t type)
{
	return sf_evt_kind(type) != SF_EVT_NONE;
}

/* What sf_parse_event() found wrong with an event block. */
enum sf_bad {
	SF_BAD_HEADER,      /* a: body bytes, b: bytes the event header needs */
	SF_BAD_LENGTH,      /* a: event length, b: smallest, c: largest possible */
	SF_BAD_PARAMS,      /* a: event type, b: event length */
};

/* Report a corrupt event block at sf->pos; kept out of sf_parse_event()'s copies. */
static __attribute__((noinline, cold)) int sf_bad_event(struct scap *h,
							 const struct savefile *sf,
							 enum sf_bad what, uint32_t a,
							 uint32_t b, uint32_t c)
{
	uint64_t off = sf->base + sf->pos;

	switch (what) {
	case SF_BAD_HEADER:
		return scap_err(h, -EPROTO, "event block at offset %" PRIu64 ": %u body bytes, "
				"need %u for the event header", off, a, b);
	case SF_BAD_LENGTH:
		return scap_err(h, -EPROTO, "event block at offset %" PRIu64 ": event length %u "
				"outside [%u, %u]", off, a, b, c);
	case SF_BAD_PARAMS:
		break;
	}
	return scap_err(h, -EPROTO, "event block at offset %" PRIu64 ": parameter lengths of "
			"event type %u do not add up to its length %u", off, a, b);
}

/*
 * Parse the event block at sf->pos (length blen, checked) of layout v2/has_flags
 * (constants where it is inlined: one copy per layout). 0: *out filled; 1: skip it
 * (event type beyond the schema); <0: corrupt. Old events are converted in place (see
 * the top of this file).
 */
static inline __attribute__((always_inline)) int
sf_parse_event(struct scap *h, struct savefile *sf, uint32_t blen, struct scap_evt_ref *out,
	       bool v2, bool has_flags)
{
	uint8_t *blk = sf->buf + sf->pos;
	uint32_t prefix = has_flags ? 6 : 2; /* u16 cpu [+ u32 flags] */
	uint32_t hdrlen = v2 ? SCAP_ABI_EVT_HDR_LEN : SCAP_EVT_HDR_V1_LEN;
	uint32_t room = blen - SCAP_BLOCK_OVERHEAD; /* body bytes, padding included */
	uint64_t ts, tid;
	uint32_t len, nparams;
	uint16_t type;
	uint8_t *evt;

	if (room < prefix + hdrlen)
		return sf_bad_event(h, sf, SF_BAD_HEADER, room, prefix + hdrlen, 0);
	evt = blk + SCAP_BLOCK_HDR_LEN + prefix;
	room -= prefix;
	/* The header's fields one by one, from the buffer: a copy of the header on the
	 * stack, patched and copied out again, stalled on store forwarding (16-byte loads
	 * over the 4-byte stores of the patch: a quarter of this function's time). */
	len = get_u32(evt + offsetof(struct scap_abi_evt_hdr, len));
	type = get_u16(evt + offsetof(struct scap_abi_evt_hdr, type));
	if (type >= SCAP_EVT_MAX) {
		/* A newer capture's event type: nothing can decode it, skip like the peers. */
		sf->nskipped++;
		return 1;
	}
	if (!v2 && (type == SF_EVT_NOTIFICATION_E || type == SF_EVT_INFRASTRUCTURE_EVENT_E) &&
	    len >= 3)
		len -= 3;
	if (len < hdrlen || len > room)
		return sf_bad_event(h, sf, SF_BAD_LENGTH, len, hdrlen, room);
	memcpy(&ts, evt + offsetof(struct scap_abi_evt_hdr, ts), 8);
	memcpy(&tid, evt + offsetof(struct scap_abi_evt_hdr, tid), 8);
	out->cpu = get_u16(blk + SCAP_BLOCK_HDR_LEN);
	out->flags = has_flags ? get_u32(blk + SCAP_BLOCK_HDR_LEN + 2) : 0;
	if (!v2) {
		uint32_t pinfo = sf->v1_params[type];
		const uint8_t *lens = evt + SCAP_EVT_HDR_V1_LEN;
		uint64_t body = len - SCAP_EVT_HDR_V1_LEN;
		int64_t n = (pinfo & SF_V1_LARGE) ?
			    v1_count(lens, body, pinfo & ~SF_V1_LARGE, 4) :
			    v1_count(lens, body, pinfo, 2);

		if (n < 0)
			return sf_bad_event(h, sf, SF_BAD_PARAMS, type, len, 0);
		/* Write the 26-byte header 4 bytes back, over the (already read) cpu/flags,
		 * field by field from the values read above (memmove() of the 22 bytes was
		 * a library call). */
		evt -= 4;
		nparams = (uint32_t)n;
		len += 4;
		memcpy(evt + offsetof(struct scap_abi_evt_hdr, ts), &ts, 8);
		memcpy(evt + offsetof(struct scap_abi_evt_hdr, tid), &tid, 8);
		memcpy(evt + offsetof(struct scap_abi_evt_hdr, len), &len, 4);
		memcpy(evt + offsetof(struct scap_abi_evt_hdr, type), &type, 2);
		memcpy(evt + offsetof(struct scap_abi_evt_hdr, nparams), &nparams, 4);
	} else {
		nparams = get_u32(evt + offsetof(struct scap_abi_evt_hdr, nparams));
	}
	out->raw = evt;
	out->ts_ns = ts;
	out->tid = tid;
	out->len = len;
	out->type = type;
	out->nparams = nparams;
	out->offset = sf->base + sf->pos;
	return 0;
}

/*
 * The events of the blocks of type btype (layout v2/has_flags: constants where it is
 * inlined) from sf->pos on, the first one peeked (*plen bytes), into out[n..max), while
 * the next block is of the same type and wholly in the buffer: the new n. A corrupt
 * block stops it unconsumed, *prc then its error and *plen its length.
 */
static inline __attribute__((always_inline)) uint32_t
sf_run(struct scap *h, struct savefile *sf, uint32_t btype, uint32_t *plen,
       struct scap_evt_ref *out, uint32_t n, uint32_t max, int *prc, bool v2, bool has_flags)
{
	uint32_t type, len = *plen;

	for (;;) {
		int rc = sf_parse_event(h, sf, len, &out[n], v2, has_flags);

		if (rc < 0) {
			*prc = rc;
			*plen = len;
			return n;
		}
		sf->pos += len;
		if (rc == 0) {
			out[n].sz = sizeof(*out);
			if (++n == max)
				return n;
		}
		if (!sf_peek_buffered(sf, &type, &len) || type != btype)
			return n;
	}
}

/*
 * The engine's next_batch(): the events of the blocks from sf->pos on, up to max. Only
 * the first block may need a read: a read moves or replaces the buffer the events
 * already handed out point into, so the batch ends at the first block not wholly in
 * the buffer, and before a corrupt one (its error comes on the next call, the block
 * parsed again: a failed parse changes nothing).
 */
static int sf_next_batch(struct scap *h, struct scap_evt_ref *out, uint32_t max, uint32_t *pn)
{
	struct savefile *sf = h->priv;
	uint32_t n = 0;

	*pn = 0;
	while (n < max) {
		uint32_t type, len;
		int rc = 0;

		if (n) {
			if (!sf_peek_buffered(sf, &type, &len))
				break;
		} else {
			rc = sf_peek_block(h, sf, &type, &len);
			if (rc == -EINTR)
				return SCAP_TIMEOUT; /* a signal interrupted a read: the caller may stop */
			if (rc)
				return rc;
		}
		switch (sf_evt_kind(type)) {
		case SF_EVT_V1: n = sf_run(h, sf, type, &len, out, n, max, &rc, false, false); break;
		case SF_EVT_V1_FLAGS: n = sf_run(h, sf, type, &len, out, n, max, &rc, false, true); break;
		case SF_EVT_V2: n = sf_run(h, sf, type, &len, out, n, max, &rc, true, false); break;
		case SF_EVT_V2_FLAGS: n = sf_run(h, sf, type, &len, out, n, max, &rc, true, true); break;
		default:
			/* Header blocks of a later section, comments, unknown types: skip. */
			sf->pos += len;
			break;
		}
		if (rc < 0 && n)
			break;
		if (rc < 0) {
			sf->pos += len;
			return rc;
		}
	}
	*pn = n;
	return 0;
}

static int sf_next(struct scap *h, struct scap_evt_ref *out)
{
	uint32_t n;

	return sf_next_batch(h, out, 1, &n);
}

static int sf_read_shb(struct scap *h, struct savefile *sf)
{
	const uint8_t *b;
	uint32_t type, len, magic;
	uint16_t major, minor;
	ssize_t avail = sf_fill(h, sf, SCAP_BLOCK_HDR_LEN);
	int rc;

	if (avail < 0)
		return (int)avail;
	if (avail == 0 && !sf->rd_err)
		return scap_err(h, -EPROTO, "not a scap capture: empty input");
	if ((size_t)avail >= 4 && get_u32(sf->buf + sf->pos) != SCAP_BT_SHB)
		return scap_err(h, -EPROTO,
				"not a scap capture: first block type 0x%08x, expected a section "
				"header (0x%08x)", get_u32(sf->buf + sf->pos), SCAP_BT_SHB);
	rc = sf_peek_block(h, sf, &type, &len);
	if (rc == SCAP_EOF)
		return scap_err(h, -EPROTO, "not a scap capture: empty input");
	if (rc)
		return rc;
	if (len < SCAP_BLOCK_OVERHEAD + 8)
		return scap_err(h, -EPROTO, "section header block at offset %" PRIu64
				": length %u is too small", sf->base + sf->pos, len);
	b = sf->buf + sf->pos + SCAP_BLOCK_HDR_LEN;
	magic = get_u32(b);
	major = get_u16(b + 4);
	minor = get_u16(b + 6);
	if (magic == __builtin_bswap32(SCAP_SHB_MAGIC))
		return scap_err(h, -EPROTO, "capture has the other byte order (magic 0x%08x): "
				"not supported", magic);
	if (magic != SCAP_SHB_MAGIC)
		return scap_err(h, -EPROTO, "not a scap capture: byte-order magic 0x%08x", magic);
	if (major > SCAP_SHB_MAJOR)
		return scap_err(h, -EPROTO, "capture format version %u.%u is newer than the "
				"supported %u.x", major, minor, SCAP_SHB_MAJOR);
	scap_debug(h, "savefile: section header, format %u.%u", major, minor);
	sf->pos += len;
	return 0;
}

/*
 * Read the header blocks up to (not including) the first event block, or the end. A
 * pcapng file (same section header) holding no scap block at all, a network capture, is
 * refused: it is not a capture without events.
 */
static int sf_read_headers(struct scap *h, struct savefile *sf)
{
	uint32_t first_type = 0; /* type of the first block after the section header */
	bool scap_seen = false;
	int rc = sf_read_shb(h, sf);

	while (rc == 0) {
		uint32_t type, len;

		rc = sf_peek_block(h, sf, &type, &len);
		if (rc == SCAP_EOF && !scap_seen && first_type)
			return scap_err(h, -EPROTO, "not a scap capture: a pcapng file without "
					"scap blocks (its first block after the section header has "
					"type 0x%x: a network capture?)", first_type);
		if (rc == SCAP_EOF)
			return 0; /* headers but no events: scap_next() says SCAP_EOF */
		if (rc)
			return rc;
		if (scap_block_is_event(type))
			return 0;
		if (!first_type && type != SCAP_BT_SHB)
			first_type = type;
		if (strcmp(scap_block_name(type), "unknown") != 0)
			scap_seen = true;
		if (type == SCAP_BT_SHB) {
			/* A second section before any event: its headers replace nothing here. */
			sf->pos += len;
			continue;
		}
		rc = scap_savefile_parse_header_block(h, type,
						      sf->buf + sf->pos + SCAP_BLOCK_HDR_LEN,
						      len - SCAP_BLOCK_OVERHEAD, sf->base + sf->pos);
		sf->pos += len;
	}
	return rc;
}

static void sf_close(struct scap *h)
{
	struct savefile *sf = h->priv;

	if (!sf)
		return;
	scap_reader_close(&sf->rd);
	free(sf->buf);
	free(sf);
	h->priv = NULL;
}

static int sf_open(struct scap *h, const struct scap_open_opts *opts)
{
	struct savefile *sf;
	int rc;

	if (!opts->path && !opts->buf && !opts->has_fd)
		return scap_err(h, -EINVAL, "savefile: neither path nor buf given");
	if ((opts->path || opts->has_fd) && opts->buf)
		return scap_err(h, -EINVAL, "savefile: both path and buf given");
	sf = calloc(1, sizeof(*sf));
	if (!sf)
		return scap_err(h, -ENOMEM, "savefile");
	for (uint32_t t = 0; t < SCAP_EVT_MAX; t++)
		sf->v1_params[t] = (uint8_t)(scap_evt_table[t].nparams |
					     ((scap_evt_table[t].flags & SCAP_EF_LARGE_PAYLOAD) ?
					      SF_V1_LARGE : 0));
	/* Memory input is usually small (tests, fuzzing): start small, grow on demand. */
	sf->cap = opts->buf ? SF_BUF_INITIAL_MEM : SF_BUF_INITIAL;
	sf->buf = malloc(sf->cap);
	if (!sf->buf) {
		size_t cap = sf->cap;

		free(sf);
		return scap_err(h, -ENOMEM, "savefile: buffer of %zu bytes", cap);
	}
	h->priv = sf;
	if (opts->has_fd) {
		int fd = fcntl(opts->fd, F_DUPFD_CLOEXEC, 3);

		rc = fd < 0 ? scap_err(h, -errno, "%s", strerror(errno)) :
			      scap_reader_open_fd(fd, &sf->rd, h->errbuf);
	} else if (opts->path)
		rc = scap_reader_open_path(opts->path, &sf->rd, h->errbuf);
	else
		rc = scap_reader_open_mem(opts->buf, opts->buf_len, &sf->rd, h->errbuf);
	if (rc == 0)
		rc = sf_read_headers(h, sf);
	if (rc < 0) {
		sf_close(h);
		if (opts->path) {
			/* the message names the file: "PATH: No such file or directory" */
			char msg[SCAP_ERRBUF_SIZE];
			int n;

			memcpy(msg, h->errbuf, sizeof(msg));
			n = snprintf(h->errbuf, sizeof(h->errbuf), "%s: ", opts->path);
			if (n > 0 && (size_t)n < sizeof(h->errbuf)) {
				size_t len = strnlen(msg, sizeof(h->errbuf) - (size_t)n - 1);

				memcpy(h->errbuf + n, msg, len);
				h->errbuf[(size_t)n + len] = '\0';
			}
		}
		return rc;
	}
	scap_state_export(&h->store, &h->state);
	return 0;
}

const struct scap_engine_ops scap_savefile_ops = {
	.name = "savefile",
	.open = sf_open,
	.close = sf_close,
	.next = sf_next,
	.next_batch = sf_next_batch,
};

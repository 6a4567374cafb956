/* SPDX-License-Identifier: Apache-2.0 */
/*
 * event/event.h - the event being processed (struct sinsp_evt) and access to its
 * parameters: by index, and by name through one lookup (sinsp_info_param()).
 *
 * The bottom part above util/: it knows the schema (scap_evt_info) and the event's
 * bytes, not the state (threads, fds) the event is applied to.
 */
#ifndef SINSP_EVENT_H
#define SINSP_EVENT_H

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include <scry/scap_params.h>
#include <scry/sinsp.h>

#define SINSP_MAX_PARAMS SCAP_MAX_EVENT_PARAMS

/* Values of event parameters that several parts compare with (Linux's numbers). */
#define SCAP_AT_FDCWD (-100)   /* a dirfd parameter meaning the cwd (AT_FDCWD) */
#define SCAP_EINPROGRESS 115   /* a result: -EINPROGRESS (non-blocking connect) */

struct sinsp_thread;
struct sinsp_fd;
struct sinsp_filter;

/* Parameter of the current event. */
struct sinsp_param {
	const uint8_t *val;
	uint32_t len;
};

struct sinsp_evt {
	struct scap_evt_ref ref;
	const struct scap_evt_info *info;
	uint64_t num;                     /* evt.num, from 1 */
	struct sinsp_thread *thread;      /* NULL when the tid is unknown */
	struct sinsp_fd *fd;              /* fd the event is about, NULL when none/unknown */
	int64_t fd_num;                   /* its number, -1 when none */
	uint8_t props;                    /* sinsp_type_props() of its type (parse/parse.h) */
	/*
	 * One of the container events a capture starts with (its container table: those
	 * before any other event, sysdig 0.29.3 applies them when it opens the capture):
	 * numbered, never shown, not counted (sinsp_evt_is_counted()).
	 */
	bool startup;
	/* the filter of sinsp_set_filter() that accepted this event, NULL when none did */
	const struct sinsp_filter *matched_by;
	struct sinsp *s;
	const char *host;                 /* evt.host: scap_evt_source(), NULL for files */
	/* the name id (struct sinsp_fd.name_id) of the text fd.name's view gave last, 0 for
	 * a text of no fd entry (set by sinsp_fields_fd_name_view() when it returns 1) */
	uint64_t view_id;
	/*
	 * The parameter table, decoded from ref on first use: most events are never
	 * looked at beyond their type. Read it only through sinsp_evt_nparams() and
	 * sinsp_evt_param_at().
	 */
	bool pdecoded;                    /* pv and pn are those of this event */
	uint32_t pn;
	struct sinsp_param pv[SINSP_MAX_PARAMS];
};

/*
 * scap_evt_params() of the record raw (len bytes, n parameters, event type type) into
 * max entries of out, inline and without its argument checks (scry/scap_params.h): the
 * width of the lengths from the schema entry of type, as scap_evt_params() reads it.
 * Returns its results.
 */
static inline int sinsp_params_decode(uint16_t type, const uint8_t *raw, uint32_t len,
				      uint32_t n, struct sinsp_param *out, uint32_t max)
{
	struct scap_param *p = (struct scap_param *)out;

	if (!raw)
		return -EINVAL;
	if (len < SCAP_ABI_EVT_HDR_LEN)
		return -EPROTO;
	if (type < SCAP_EVT_MAX && (scap_evt_table[type].flags & SCAP_EF_LARGE_PAYLOAD))
		return scap_evt_decode_lens(raw, len, n, p, max, 4);
	return scap_evt_decode_lens(raw, len, n, p, max, 2);
}

/* Decode the parameter table of evt (event.c): a cache of the event, hence const. */
void sinsp_evt_decode_params(const struct sinsp_evt *evt);

/*
 * Number of parameters of evt: its nparams, at most the schema's count; 0 when the
 * lengths overrun the record (the event is then shown without parameters).
 */
static inline uint32_t sinsp_evt_nparams(const struct sinsp_evt *evt)
{
	if (!evt->pdecoded)
		sinsp_evt_decode_params(evt);
	return evt->pn;
}

/* Parameter i of evt (pointing into the event's memory), NULL when it has no such one. */
static inline const struct sinsp_param *sinsp_evt_param_at(const struct sinsp_evt *evt,
							   uint32_t i)
{
	return i < sinsp_evt_nparams(evt) ? &evt->pv[i] : NULL;
}

/* sinsp_evt_param0() for an event whose table is not decoded (inline: the fd of every
 * enter event that uses one, the syscall id of generic events). */
static inline bool sinsp_evt_param0_undecoded(const struct sinsp_evt *evt, struct sinsp_param *out)
{
	/* one entry, the lengths all checked: what sinsp_evt_decode_params() keeps first */
	return sinsp_params_decode(evt->ref.type, evt->ref.raw, evt->ref.len, evt->ref.nparams, out,
				   1) > 0 &&
	       (!evt->info || evt->info->nparams > 0);
}

/*
 * Parameter 0 of evt into *out, as sinsp_evt_param_at(evt, 0) gives it, but without
 * decoding the whole table: what reads only the fd or the syscall id of events that
 * are then dropped. False when evt has no parameter 0.
 */
static inline bool sinsp_evt_param0(const struct sinsp_evt *evt, struct sinsp_param *out)
{
	if (!evt->pdecoded)
		return sinsp_evt_param0_undecoded(evt, out);
	if (!evt->pn)
		return false;
	*out = evt->pv[0];
	return true;
}

/* Integer value of a parameter (1, 2, 4 or 8 bytes), dflt when p is NULL or odd-sized. */
static inline int64_t sinsp_param_val_s64(const struct sinsp_param *p, int64_t dflt)
{
	if (!p)
		return dflt;
	switch (p->len) {
	case 8: { int64_t v; memcpy(&v, p->val, 8); return v; }
	case 4: { int32_t v; memcpy(&v, p->val, 4); return v; }
	case 2: { int16_t v; memcpy(&v, p->val, 2); return v; }
	case 1: return (int8_t)p->val[0];
	default: return dflt;
	}
}

static inline uint64_t sinsp_param_val_u64(const struct sinsp_param *p, uint64_t dflt)
{
	if (!p)
		return dflt;
	switch (p->len) {
	case 8: { uint64_t v; memcpy(&v, p->val, 8); return v; }
	case 4: { uint32_t v; memcpy(&v, p->val, 4); return v; }
	case 2: { uint16_t v; memcpy(&v, p->val, 2); return v; }
	case 1: return p->val[0];
	default: return dflt;
	}
}

/* Integer value of parameter i of evt, dflt when it has none (see sinsp_param_val_s64()). */
static inline int64_t sinsp_param_s64(const struct sinsp_evt *evt, uint32_t i, int64_t dflt)
{
	return sinsp_param_val_s64(sinsp_evt_param_at(evt, i), dflt);
}

static inline uint64_t sinsp_param_u64(const struct sinsp_evt *evt, uint32_t i, uint64_t dflt)
{
	return sinsp_param_val_u64(sinsp_evt_param_at(evt, i), dflt);
}

/* Whether an event type is a generic syscall event (parameter 0: the syscall id). */
static inline bool sinsp_type_is_generic(uint32_t type)
{
	return type == SCAP_EVT_GENERIC_E || type == SCAP_EVT_GENERIC_X;
}

/* a and b are the same name; the first byte rules out most others without a call. */
static inline bool sinsp_name_is(const char *a, const char *b)
{
	return a[0] == b[0] && strcmp(a, b) == 0;
}

/*
 * The one parameter-by-name lookup (event.c): index of the parameter called name
 * among the first nparams parameters of the event description info, -1 when absent.
 * Answers are remembered per (info, name pointer), checked against the name's text.
 */
int sinsp_info_param(const struct scap_evt_info *info, uint32_t nparams, const char *name);

/* Index of the named parameter of evt (among those it has), -1 when absent. */
static inline int sinsp_param_index(const struct sinsp_evt *evt, const char *name)
{
	return evt->info ? sinsp_info_param(evt->info, sinsp_evt_nparams(evt), name) : -1;
}

/* Named parameter of evt, NULL when this version of the event lacks it. */
static inline const struct sinsp_param *sinsp_evt_param(const struct sinsp_evt *evt,
							const char *name)
{
	int i = sinsp_param_index(evt, name);

	return i < 0 ? NULL : sinsp_evt_param_at(evt, (uint32_t)i);
}

/*
 * Type name of evt as evt.type prints it: the schema's name, the syscall's name for a
 * generic event (parameter 0 is its id); "<unknown>" when neither is known. Static.
 */
const char *sinsp_evt_type_name(const struct sinsp_evt *evt);
/* Name of syscall id (enum scap_syscall), "<unknown>" when it has none. Static. */
const char *sinsp_syscall_name(uint32_t id);
/* First event type (the enter event of a pair) called name, -1 when none. */
int32_t sinsp_evt_type_by_name(const char *name);

#endif /* SINSP_EVENT_H */

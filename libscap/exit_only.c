/* SPDX-License-Identifier: Apache-2.0 */
/*
 * exit_only.c - exit-only captures read as full ones (scap_set_mode(),
 * SCAP_MODE_EXIT_ONLY; scry/scap_live.h).
 *
 * In exit-only mode a live engine makes no enter events: each syscall's exit event
 * carries its enter event's parameters, appended after the schema's own when the exit
 * lacks any of them by name (driver/fill/table.h, scapdrv_exit_extra_count()), or among
 * its own otherwise. scap_next() then hands each syscall exit out as two records:
 *
 *   1. the enter event, built here from the appended parameters (or from the exit's
 *      parameters of the enter's names), with the exit's timestamp, tid and cpu;
 *   2. the exit event with the schema's parameters only (the appended ones cut off).
 *
 * Events that are no syscall's exit (enter events, procexit, scheduler and internal
 * events) pass through unchanged, so the stream reads as a full capture whose enter and
 * exit share a timestamp. Both records are built in one buffer of the handle: the enter
 * before the engine's next(), the exit from the engine's record, which stays valid until
 * the engine's next() is called again (scap_engine.h).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <scry/scap_syscalls.h>
#include "scap_int.h"

#define XO_NONE 0xff    /* no exit parameter of that name */

/* What an exit type needs for its enter: filled once, at the first switch to the mode. */
struct xo_type {
	bool syscall;                                 /* a syscall's exit: expanded */
	bool child;                                   /* clone, fork, vfork, clone3: their
	                                                 return in the child (res 0) has no
	                                                 enter in a full capture either */
	uint8_t by_name[SCAP_MAX_EVENT_PARAMS];       /* enter param i = exit param by_name[i] */
};

struct scap_xo {
	bool on;                        /* the mode is set: expand */
	bool pending;                   /* the exit of the enter returned last comes next */
	struct scap_evt_ref exit;       /* that exit, as the engine gave it */
	uint8_t *buf;                   /* the record handed out last, when built here */
	size_t cap;
	struct xo_type types[SCAP_EVT_MAX];
};

static void xo_types_init(struct scap_xo *x)
{
	for (uint16_t t = 1; t < SCAP_EVT_MAX; t += 2) {
		const struct scap_evt_info *xi = scap_evt_info(t), *ni = scap_evt_info(t - 1);
		struct xo_type *ty = &x->types[t];

		uint64_t set[SCAP_SYSCALL_SET_WORDS] = { 0 };

		/* a syscall's exit: a type some native syscall makes, or the generic one */
		ty->syscall = scap_evt_is_enter(t - 1) && !(xi->flags & SCAP_EF_UNUSED) &&
			      (t == SCAP_EVT_GENERIC_X || scap_syscall_set_add_event(set, t) > 0);
		ty->child = ty->syscall && xi->nparams && !strcmp(xi->params[0].name, "res") &&
			    (!strcmp(xi->name, "clone") || !strcmp(xi->name, "fork") ||
			     !strcmp(xi->name, "vfork") || !strcmp(xi->name, "clone3"));
		for (uint32_t i = 0; i < SCAP_MAX_EVENT_PARAMS; i++) {
			ty->by_name[i] = XO_NONE;
			for (uint32_t j = 0; i < ni->nparams && j < xi->nparams; j++)
				if (ni->params[i].name && xi->params[j].name &&
				    !strcmp(ni->params[i].name, xi->params[j].name)) {
					ty->by_name[i] = (uint8_t)j;
					break;
				}
		}
	}
}

int scap_xo_set(scap_t *h, bool on)
{
	if (!h->xo && !on)
		return 0;
	if (!h->xo) {
		h->xo = calloc(1, sizeof(*h->xo));
		if (!h->xo)
			return scap_err(h, -ENOMEM, "exit-only mode: out of memory");
		xo_types_init(h->xo);
	}
	h->xo->on = on;
	return 0;
}

void scap_xo_free(scap_t *h)
{
	if (!h->xo)
		return;
	free(h->xo->buf);
	free(h->xo);
	h->xo = NULL;
}

static int xo_room(scap_t *h, struct scap_xo *x, size_t len)
{
	uint8_t *p;
	size_t cap = x->cap ? x->cap : 4096;

	if (len <= x->cap)
		return 0;
	while (cap < len)
		cap *= 2;
	p = realloc(x->buf, cap);
	if (!p)
		return scap_err(h, -ENOMEM, "exit-only mode: a record of %zu bytes", len);
	x->buf = p;
	x->cap = cap;
	return 0;
}

static void put_len(uint8_t *p, uint32_t w, uint32_t v)
{
	if (w == 2) {
		uint16_t s = (uint16_t)v;

		memcpy(p, &s, 2);
	} else {
		memcpy(p, &v, 4);
	}
}

/* Write a record of type @type, @n parameters @pv, header from @from, into x->buf. */
static int xo_build(scap_t *h, struct scap_xo *x, const struct scap_evt_ref *from,
		    uint16_t type, uint32_t n, const struct scap_param *const *pv,
		    struct scap_evt_ref *out)
{
	uint32_t w = scap_evt_len_width(type);
	struct scap_abi_evt_hdr hdr;
	size_t len = SCAP_ABI_EVT_HDR_LEN + (size_t)n * w;
	uint8_t *p;
	int rc;

	for (uint32_t i = 0; i < n; i++) {
		if (w == 2 && pv[i]->len > UINT16_MAX)
			return scap_err(h, -EPROTO, "exit-only mode: event type %u: a parameter "
					"of %u bytes", type, pv[i]->len);
		len += pv[i]->len;
	}
	if (len > UINT32_MAX)
		return scap_err(h, -EPROTO, "exit-only mode: a record of %zu bytes", len);
	rc = xo_room(h, x, len);
	if (rc < 0)
		return rc;
	hdr.ts = from->ts_ns;
	hdr.tid = from->tid;
	hdr.len = (uint32_t)len;
	hdr.type = type;
	hdr.nparams = n;
	memcpy(x->buf, &hdr, sizeof(hdr));
	p = x->buf + SCAP_ABI_EVT_HDR_LEN;
	for (uint32_t i = 0; i < n; i++, p += w)
		put_len(p, w, pv[i]->len);
	for (uint32_t i = 0; i < n; i++) {
		if (pv[i]->len)
			memcpy(p, pv[i]->val, pv[i]->len);
		p += pv[i]->len;
	}
	*out = *from;
	out->raw = x->buf;
	out->len = (uint32_t)len;
	out->type = type;
	out->nparams = n;
	return 0;
}

/* The exit held back, with the schema's parameters only. */
static int xo_exit(scap_t *h, struct scap_xo *x, struct scap_evt_ref *out)
{
	const struct scap_evt_info *xi = scap_evt_info(x->exit.type);
	struct scap_param params[SCAP_MAX_EVENT_PARAMS];
	const struct scap_param *pv[SCAP_MAX_EVENT_PARAMS];
	size_t sz = out->sz;
	int n, rc;

	x->pending = false;
	if (x->exit.nparams <= xi->nparams) {
		*out = x->exit;              /* nothing appended: the engine's record as is */
		out->sz = sz;
		return 0;
	}
	n = scap_evt_params(&x->exit, params, SCAP_MAX_EVENT_PARAMS);
	if (n < 0)
		return scap_err(h, n, "exit-only mode: an exit event of type %u does not decode",
				x->exit.type);
	for (uint32_t i = 0; i < xi->nparams; i++)
		pv[i] = &params[i];
	rc = xo_build(h, x, &x->exit, x->exit.type, xi->nparams, pv, out);
	out->sz = sz;
	return rc;
}

/* Bytes of an integer parameter type, negative when signed; 0 for other types. */
static int int_width(enum scap_param_type t)
{
	switch (t) {
	case SCAP_PT_INT8: return -1;
	case SCAP_PT_INT16: return -2;
	case SCAP_PT_INT32: return -4;
	case SCAP_PT_INT64: case SCAP_PT_FD: case SCAP_PT_PID: case SCAP_PT_ERRNO: return -8;
	case SCAP_PT_UINT8: case SCAP_PT_FLAGS8: case SCAP_PT_ENUMFLAGS8: return 1;
	case SCAP_PT_UINT16: case SCAP_PT_FLAGS16: case SCAP_PT_ENUMFLAGS16: return 2;
	case SCAP_PT_UINT32: case SCAP_PT_FLAGS32: case SCAP_PT_ENUMFLAGS32: case SCAP_PT_MODE:
	case SCAP_PT_UID: case SCAP_PT_GID: return 4;
	case SCAP_PT_UINT64: return 8;
	default: return 0;
	}
}

/*
 * An exit parameter taken for an enter's of the same name but another integer width
 * (bpf's cmd: INT32 on exit, INT64 on enter): the value at the enter's width, in
 * @buf (8 bytes), sign-extended by the exit's type. Other parameters as they are.
 */
static const struct scap_param *convert(const struct scap_param *v, enum scap_param_type xt,
					enum scap_param_type nt, uint8_t *buf, struct scap_param *tmp)
{
	int xw = int_width(xt), nw = int_width(nt);
	uint32_t xl = (uint32_t)abs(xw), nl = (uint32_t)abs(nw);
	uint64_t u = 0;
	int64_t s;

	if (!xw || !nw || v->len == nl || v->len != xl)
		return v;
	memcpy(&u, v->val, xl);
	if (xw < 0 && xl < 8) {
		s = (int64_t)(u << (64 - 8 * xl)) >> (64 - 8 * xl);
		u = (uint64_t)s;
	}
	memcpy(buf, &u, nl);           /* little-endian: the low bytes */
	tmp->val = buf;
	tmp->len = nl;
	return tmp;
}

/* Whether an integer parameter is 0. */
static bool is_zero(const struct scap_param *p)
{
	for (uint32_t i = 0; i < p->len; i++)
		if (p->val[i])
			return false;
	return p->len > 0;
}

int scap_xo_next(scap_t *h, struct scap_evt_ref *out)
{
	static const struct scap_param none = { 0 };
	struct scap_xo *x = h->xo;
	struct scap_param params[SCAP_MAX_EVENT_PARAMS];
	const struct scap_param *pv[SCAP_MAX_EVENT_PARAMS];
	struct scap_param tmp[SCAP_MAX_EVENT_PARAMS];
	uint8_t conv[SCAP_MAX_EVENT_PARAMS][8];
	const struct scap_evt_info *xi, *ni;
	const struct xo_type *ty;
	uint16_t etype;
	uint32_t xn;
	size_t sz = out->sz;
	int rc, n;

	if (x->pending)
		return xo_exit(h, x, out);
	rc = h->ops->next(h, out);
	if (rc != 0 || !x->on || out->type >= SCAP_EVT_MAX || !x->types[out->type].syscall)
		return rc;
	ty = &x->types[out->type];
	xi = scap_evt_info(out->type);
	ni = scap_evt_info(out->type - 1);
	n = scap_evt_params(out, params, SCAP_MAX_EVENT_PARAMS);
	if (n < 0 || (uint32_t)n != out->nparams)
		return 0;              /* as it is: its reader reports it, as in a full capture */
	x->exit = *out;
	if (ty->child && is_zero(&params[0])) {
		/* the child's return: no enter, as in a full capture; the exit alone */
		rc = xo_exit(h, x, out);
		out->sz = sz;
		return rc;
	}
	etype = out->type - 1;
	xn = (uint32_t)n < xi->nparams ? (uint32_t)n : xi->nparams;
	for (uint32_t i = 0; i < ni->nparams; i++) {
		if ((uint32_t)n == xi->nparams + ni->nparams)
			pv[i] = &params[xi->nparams + i];        /* appended */
		else if (ty->by_name[i] < xn)
			pv[i] = convert(&params[ty->by_name[i]], xi->params[ty->by_name[i]].type,
					ni->params[i].type, conv[i], &tmp[i]);
		else
			pv[i] = &none;
	}
	rc = xo_build(h, x, out, etype, ni->nparams, pv, out);
	out->sz = sz;
	if (rc == 0)
		x->pending = true;
	return rc;
}

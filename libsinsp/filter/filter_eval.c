/* SPDX-License-Identifier: Apache-2.0 */
/*
 * filter_eval.c - evaluation of compiled filters: the program of filter_prog.c runs
 * check after check, each comparing the extracted value (one scratch buffer reused
 * for every event; consecutive checks on one field extract it once) with values
 * parsed at compile time; checks on evt.type and evt.dir are answered from per-type
 * tables (per syscall id for generic events), and the set of event types that can
 * match at all is derived from them.
 */
#define _GNU_SOURCE /* strcasestr */
#include <arpa/inet.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "filter/filter.h"
#include "util/grow.h"
#include "parse/parse.h"

#define TYPE_BYTES ((SCAP_EVT_MAX + 7) / 8)

static bool is_field(const struct flt_check *c, const char *name)
{
	return strcmp(c->ref.def->name, name) == 0;
}

/* a path equal to one of the values, or under one of them */
/*
 * s equals a value, or a value is s up to one of its '/' (that '/' included or not):
 * one lookup in the sorted values per '/' of s, not a pass over every value (rules
 * bring lists of 100k paths).
 */
static bool pmatch(const struct flt_check *c, const char *s, size_t len)
{
	const char *p = s;

	if (flt_strs_has(c->vals, c->nvals, &c->hash, s, len))
		return true;
	while (len && (p = memchr(p, '/', len - (size_t)(p - s)))) {
		size_t k = (size_t)(p - s);

		if (flt_strs_has(c->vals, c->nvals, &c->hash, s, k) ||
		    flt_strs_has(c->vals, c->nvals, &c->hash, s, k + 1))
			return true;
		p++;
	}
	return false;
}

/*
 * a == b for n bytes; short values inline, without a call: 4 to 16 bytes as two
 * words that overlap (the first and the last 4 or 8 bytes), shorter ones bytewise.
 */
static inline bool same_bytes(const char *a, const char *b, size_t n)
{
	size_t i;

	if (n > 16)
		return memcmp(a, b, n) == 0;
	if (n >= 8) {
		uint64_t x, y, u, v;

		memcpy(&x, a, 8);
		memcpy(&y, b, 8);
		memcpy(&u, a + n - 8, 8);
		memcpy(&v, b + n - 8, 8);
		return ((x ^ y) | (u ^ v)) == 0;
	}
	if (n >= 4) {
		uint32_t x, y, u, v;

		memcpy(&x, a, 4);
		memcpy(&y, b, 4);
		memcpy(&u, a + n - 4, 4);
		memcpy(&v, b + n - 4, 4);
		return ((x ^ y) | (u ^ v)) == 0;
	}
	for (i = 0; i < n; i++)
		if (a[i] != b[i])
			return false;
	return true;
}

/* flt_cmp_str() of the operators cmp_str() does not answer inline. */
static __attribute__((noinline)) bool cmp_str_other(const struct flt_check *c, const char *s,
						    size_t len)
{
	const struct flt_val *v = c->vals;

	switch (c->op) {
	case FOP_LT: return strcmp(s, v->str) < 0;
	case FOP_LE: return strcmp(s, v->str) <= 0;
	case FOP_GT: return strcmp(s, v->str) > 0;
	case FOP_GE: return strcmp(s, v->str) >= 0;
	case FOP_ICONTAINS: return strcasestr(s, v->str) != NULL;
	case FOP_ENDSWITH: return len >= v->len && memcmp(s + len - v->len, v->str, v->len) == 0;
	case FOP_GLOB: return fnmatch(v->str, s, 0) == 0;
	case FOP_PMATCH: return pmatch(c, s, len);
	case FOP_IN:
	case FOP_INTERSECTS:
		return flt_strs_has(c->vals, c->nvals, &c->hash, s, len);
	case FOP_EXISTS: return true;
	default: return false;
	}
}

/*
 * flt_cmp_str() with the operator as its flt_cmp k (flt_str_cmp_of()): the operators
 * filters use most inline (in the evaluation loop too: a function with every operator
 * saves and restores the registers that the ones calling into libc need), the others
 * through cmp_str_other().
 */
static inline __attribute__((always_inline)) bool cmp_str(const struct flt_check *c, uint8_t k,
							    const char *s, size_t len)
{
	const struct flt_val *v = c->vals;

	switch (k) {
	case FC_EQ: return len == v->len && same_bytes(s, v->str, len);
	case FC_NE: return !(len == v->len && same_bytes(s, v->str, len));
	case FC_CONTAINS: return flt_find(s, len, v->str, v->len);
	case FC_STARTSWITH: return len >= v->len && same_bytes(s, v->str, v->len);
	default: return cmp_str_other(c, s, len);
	}
}

bool flt_cmp_str(const struct flt_check *c, const char *s, size_t len)
{
	return cmp_str(c, flt_str_cmp_of(c->op), s, len);
}

#define CMP_NUM(a, b, op) \
	((op) == FOP_EQ ? (a) == (b) : (op) == FOP_NE ? (a) != (b) : (op) == FOP_LT ? (a) < (b) : \
	 (op) == FOP_LE ? (a) <= (b) : (op) == FOP_GT ? (a) > (b) : (a) >= (b))

static bool cmp_signed(const struct flt_check *c, int64_t x)
{
	size_t lo = 0, hi = c->nvals;

	if (c->op != FOP_IN && c->op != FOP_INTERSECTS)
		return CMP_NUM(x, c->vals[0].n.i, c->op);
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (c->vals[mid].n.i == x)
			return true;
		if (c->vals[mid].n.i < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

static bool cmp_unsigned(const struct flt_check *c, uint64_t x)
{
	size_t lo = 0, hi = c->nvals;

	if (c->op != FOP_IN && c->op != FOP_INTERSECTS)
		return CMP_NUM(x, c->vals[0].n.u, c->op);
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (c->vals[mid].n.u == x)
			return true;
		if (c->vals[mid].n.u < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

/*
 * Whether the address text s is in one of the IPv4 networks of c. An IPv6 address is
 * compared by sysdig with the 16 bytes holding the network (address, mask, zeros):
 * only :: is "in" 0.0.0.0/0.
 */
static bool cmp_net(const struct flt_check *c, const char *s)
{
	uint8_t a6[16];
	uint32_t addr;
	size_t i;
	bool in = false;

	if (inet_pton(AF_INET, s, &addr) == 1) {
		for (i = 0; i < c->nvals && !in; i++)
			in = (addr & c->vals[i].n.net.mask) == c->vals[i].n.net.addr;
	} else if (inet_pton(AF_INET6, s, a6) == 1) {
		static const uint8_t zero[8];

		for (i = 0; i < c->nvals && !in; i++)
			in = memcmp(a6, &c->vals[i].n.net.addr, 4) == 0 &&
			     memcmp(a6 + 4, &c->vals[i].n.net.mask, 4) == 0 && memcmp(a6 + 8, zero, 8) == 0;
	}
	return c->op == FOP_NE ? !in : in;
}

static bool cmp_ip(const struct flt_check *c, const char *s)
{
	uint8_t addr[16];
	uint8_t family;
	size_t i;
	bool eq = false;

	if (inet_pton(AF_INET, s, addr) == 1)
		family = 4;
	else if (inet_pton(AF_INET6, s, addr) == 1)
		family = 6;
	else
		return false; /* not an address: as if it did not resolve */
	/*
	 * sysdig compares as many bytes as the value extracted has: the first 4 bytes of
	 * an IPv6 filter value against an IPv4 address, an IPv4 one padded with zeros
	 * against an IPv6 address.
	 */
	for (i = 0; i < c->nvals && !eq; i++)
		eq = memcmp(c->vals[i].n.ip.addr, addr, family == 4 ? 4 : 16) == 0;
	return c->op == FOP_NE ? !eq : eq;
}

/* The syscall id of a generic event, as its evt.type is extracted. */
static uint16_t generic_id(const struct sinsp_evt *evt)
{
	struct sinsp_param p;

	return sinsp_evt_param0(evt, &p) ? (uint16_t)sinsp_param_val_u64(&p, 0) : 0;
}

/* evt.type / evt.dir from the per-type tables; generic events by syscall id. */
static enum flt_res by_type(const struct flt_check *c, unsigned type, const struct sinsp_evt *evt)
{
	uint16_t id;

	if (!c->is_evt_type || !sinsp_type_is_generic(type))
		return flt_bit(c->type_true, type) ? FR_TRUE : FR_FALSE;
	id = generic_id(evt);
	if (id < SCAP_SC_MAX)
		return flt_bit(c->sc_true, id) ? FR_TRUE : FR_FALSE;
	return c->sc_unknown_true ? FR_TRUE : FR_FALSE;
}

/* Compare the text s (len bytes, NUL at s[len]) of a value with the check. */
static bool cmp_value(const struct flt_check *c, const char *s, size_t len)
{
	char *end;

	switch (c->vtype) {
	case FVT_STR:
		return flt_cmp_str(c, s, len);
	case FVT_SIGNED: {
		int64_t x = strtoll(s, &end, 10);

		return end != s && !*end && cmp_signed(c, x);
	}
	case FVT_UNSIGNED: {
		uint64_t x = strtoull(s, &end, 10);

		return end != s && !*end && cmp_unsigned(c, x);
	}
	case FVT_BOOL:
		/* by length first: rules test booleans on most events (evt.is_open_read=true) */
		if (len == 4 && memcmp(s, "true", 4) == 0)
			return cmp_unsigned(c, 1);
		if (len == 5 && memcmp(s, "false", 5) == 0)
			return cmp_unsigned(c, 0);
		return false;
	case FVT_IPADDR:
		return cmp_ip(c, s);
	case FVT_IPNET:
		return cmp_net(c, s);
	}
	return false;
}

struct multi_ctx {
	const struct flt_check *c;
	bool all;   /* every candidate must compare true: stop at the first that does not */
};

static bool multi_cand(void *ctx, const char *s, size_t len)
{
	const struct multi_ctx *m = ctx;
	bool r = m->c->op == FOP_EXISTS || cmp_value(m->c, s, len);

	return m->all ? !r : r;
}

/* A check on a field of several candidate values (flt_check.multi). */
static enum flt_res eval_multi(const struct flt_check *c, struct sinsp_evt *evt)
{
	struct multi_ctx m = { c, c->op == FOP_NE && c->ref.def->cls == FIELD_CLASS_FD };
	enum sinsp_match r = sinsp_field_match_any(evt, &c->ref, multi_cand, &m);

	if (r == SINSP_MATCH_NONE)
		return FR_UNRESOLVED;
	return (m.all ? r == SINSP_MATCH_NO : r == SINSP_MATCH_YES) ? FR_TRUE : FR_FALSE;
}

/* evt.around[T]=D, as sysdig computes it (unsigned, wrapping at the ends). */
static enum flt_res eval_around(const struct flt_check *c, const struct sinsp_evt *evt)
{
	uint64_t ts = evt->ref.ts_ns;

	if (c->op == FOP_IN)
		return FR_FALSE;
	return c->around_t >= ts - c->around_ns && c->around_t <= ts + c->around_ns ? FR_TRUE : FR_FALSE;
}

/* The checks of flt_check.special, out of line: the common path tests one flag. */
static __attribute__((noinline)) enum flt_res eval_special(const struct flt_check *c,
							   struct sinsp_evt *evt)
{
	if (c->never)
		return FR_FALSE;
	if (c->multi)
		return eval_multi(c, evt);
	return eval_around(c, evt);
}

/* A comparison with a field that did not resolve (na_gen: see struct sinsp_filter). */
static inline enum flt_res unresolved(struct sinsp_filter *f, const struct flt_check *c)
{
	if (c->op != FOP_EXISTS)
		f->na_gen = f->gen;
	return FR_UNRESOLVED;
}

/* The result of in on the resolved value s (len bytes, NUL at s[len]). */
static inline __attribute__((always_inline)) enum flt_res
compare(const struct flt_insn *in, const char *s, size_t len)
{
	const struct flt_check *c = in->check;

	switch (in->cmp) {
	case FC_EXISTS:
		return FR_TRUE;
	case FC_SET:
		return flt_set_match(in->set, s, len) ? FR_TRUE : FR_FALSE;
	case FC_EQ:
	case FC_NE:
	case FC_CONTAINS:
	case FC_STARTSWITH:
	case FC_STR:
		return cmp_str(c, in->cmp, s, len) ? FR_TRUE : FR_FALSE;
	default:
		return cmp_value(c, s, len) ? FR_TRUE : FR_FALSE;
	}
}

/* compare() of an fd.name text whose name id is id (0: none), remembered in in */
static inline enum flt_res memo_compare(struct flt_insn *in, const char *s, size_t len,
					uint64_t id)
{
	enum flt_res r;

	if (id && id == in->memo_id)
		return (enum flt_res)in->memo_res;
	r = compare(in, s, len);
	if (id) {
		in->memo_id = id;
		in->memo_res = (uint8_t)r;
	}
	return r;
}

static enum flt_res eval_insn(struct sinsp_filter *f, struct flt_insn *in, struct sinsp_evt *evt)
{
	const struct flt_check *c = in->check;
	struct strbuf *b = &f->scratch;
	unsigned type = evt->ref.type;

	if (in->slow) {
		if (c->by_type && type < SCAP_EVT_MAX)
			return by_type(c, type, evt);
		if (c->special)
			return eval_special(c, evt);
	}
	if (in->uncached) {
		const char *s;
		size_t len = 0;
		int v = c->view(evt, &s, &len);

		if (v > 0)
			return in->memo ? memo_compare(in, s, len, evt->view_id) : compare(in, s, len);
		if (v == 0)
			return unresolved(f, c);
		/* the value needs an extraction: cached as any other */
	}
	if (f->cached_slot != c->slot || f->cached_gen != f->gen) {
		size_t len = 0;
		int v = c->view ? c->view(evt, &f->cached, &len) : -1;

		if (v >= 0) {
			f->cached_ok = v;
			f->cached_len = v ? len : 0;
		} else {
			strbuf_reset(b);
			f->cached_ok = sinsp_field_extract(evt, &c->ref, SINSP_BUF_NORMAL, b);
			if (!b->buf)
				strbuf_grow(b, 1);
			f->cached = b->buf ? b->buf : "";
			f->cached_len = b->len;
		}
		f->cached_slot = c->slot;
		f->cached_gen = f->gen;
	}
	if (!f->cached_ok)
		return unresolved(f, c);
	return compare(in, f->cached, f->cached_len);
}

/* out of line: the type-only fast path of sinsp_filter_match() stays small */
static __attribute__((noinline)) bool run_prog(struct sinsp_filter *f, struct sinsp_evt *evt)
{
	int32_t pc = 0;

	do {
		struct flt_insn *in = &f->prog[pc];

		pc = in->next[eval_insn(f, in, evt)];
	} while (pc >= 0);
	return pc == FLT_ACCEPT;
}

/* A rejection: its effect on the thread (sinsp_parse_filter_rejected()), then false. */
static bool reject(struct sinsp_evt *evt)
{
	sinsp_parse_filter_rejected(evt);
	return false;
}

bool sinsp_filter_match(struct sinsp_filter *f, struct sinsp_evt *evt)
{
	unsigned type = evt->ref.type;

	/* sinsp_next() matched it already (sinsp_set_filter()): no second evaluation */
	if (evt->matched_by == f)
		return true;
	f->gen++;
	sinsp_parse_filter_unpair(evt);
	if (type < SCAP_EVT_MAX) {
		if (!flt_bit(f->run_types, type))
			return reject(evt);
		/* only evt.type/evt.dir checks: the type decides, except for generic events */
		if (f->type_only && !sinsp_type_is_generic(type))
			return true;
	}
	return run_prog(f, evt) || reject(evt);
}

bool flt_match(struct sinsp_filter *f, struct sinsp_evt *evt)
{
	unsigned type = evt->ref.type;

	f->gen++;
	if (type < SCAP_EVT_MAX) {
		if (!flt_bit(f->run_types, type))
			return false;
		if (f->type_only && !sinsp_type_is_generic(type))
			return true;
	}
	return run_prog(f, evt);
}

bool sinsp_filter_type_may_match(const struct sinsp_filter *f, uint16_t type)
{
	return type >= SCAP_EVT_MAX || flt_bit(f->types, type);
}

unsigned flt_generic_key(const struct sinsp_evt *evt)
{
	uint16_t id = generic_id(evt);

	return FLT_GENERIC_KEY(evt->ref.type == SCAP_EVT_GENERIC_X, id < SCAP_SC_MAX ? id : SCAP_SC_MAX);
}

bool flt_generic_may_match(const struct sinsp_filter *f, const struct sinsp_evt *evt)
{
	int8_t same = f->generic_run[evt->ref.type == SCAP_EVT_GENERIC_X];

	if (same >= 0)
		return same; /* the same for every id: param 0 is not decoded */
	return flt_bit(f->run_types, flt_generic_key(evt));
}

/* f->generic_run[] from f->run_types. */
static void generic_run(struct sinsp_filter *f)
{
	unsigned x, id;

	for (x = 0; x < 2; x++) {
		bool first = flt_bit(f->run_types, FLT_GENERIC_KEY(x, 0));

		f->generic_run[x] = first;
		for (id = 1; id <= SCAP_SC_MAX; id++)
			if (flt_bit(f->run_types, FLT_GENERIC_KEY(x, id)) != first) {
				f->generic_run[x] = -1;
				break;
			}
	}
}

/* Per-type answers of checks on evt.type / evt.dir (text fixed by the type). */
static int precompute_check(struct flt_check *c)
{
	bool is_type = is_field(c, "evt.type");
	unsigned t;

	c->view = sinsp_field_view_of(&c->ref);
	c->is_evt_type = is_type;
	if (!is_type && !is_field(c, "evt.dir"))
		return 0;
	c->type_true = calloc(1, TYPE_BYTES);
	if (!c->type_true)
		return -ENOMEM;
	for (t = 0; t < SCAP_EVT_MAX; t++) {
		const struct scap_evt_info *info = scap_evt_info((uint16_t)t);
		const char *text;

		if (is_type)
			text = info && info->name ? info->name : "<unknown>";
		else
			text = scap_evt_is_enter((uint16_t)t) ? ">" : "<";
		flt_set_bit(c->type_true, t, c->op == FOP_EXISTS || flt_cmp_str(c, text, strlen(text)));
	}
	if (is_type) {
		/* a generic event's type is the name of its syscall (param 0), as extracted */
		c->sc_true = calloc(1, (SCAP_SC_MAX + 7) / 8);
		if (!c->sc_true)
			return -ENOMEM;
		for (t = 0; t < SCAP_SC_MAX; t++) {
			const char *text = sinsp_syscall_name(t);

			flt_set_bit(c->sc_true, t, c->op == FOP_EXISTS || flt_cmp_str(c, text, strlen(text)));
		}
		c->sc_unknown_true = c->op == FOP_EXISTS || flt_cmp_str(c, "<unknown>", 9);
	}
	c->by_type = true;
	return 0;
}

/*
 * Keys (FLT_GENERIC_KEY) for which a check on evt.type or evt.dir is true: by the
 * event type, and for generic events by syscall id (evt.type) or direction (evt.dir).
 * A generic event type itself may match an evt.type check, and need not.
 */
static void check_keys(const struct flt_check *c, uint8_t *may, uint8_t *must)
{
	unsigned t, x, id;

	memset(may, 0, FLT_KEY_BYTES);
	memcpy(may, c->type_true, TYPE_BYTES);
	memcpy(must, may, FLT_KEY_BYTES);
	for (x = 0; x < 2; x++) {
		for (id = 0; id <= SCAP_SC_MAX; id++) {
			bool v = !c->is_evt_type ?
				 flt_bit(c->type_true, x ? SCAP_EVT_GENERIC_X : SCAP_EVT_GENERIC_E) :
				 id < SCAP_SC_MAX ? flt_bit(c->sc_true, id) : c->sc_unknown_true;

			flt_set_bit(may, FLT_GENERIC_KEY(x, id), v);
			flt_set_bit(must, FLT_GENERIC_KEY(x, id), v);
		}
	}
	if (c->is_evt_type) {
		for (t = 0; t < SCAP_EVT_MAX; t++) {
			if (sinsp_type_is_generic(t)) {
				flt_set_bit(may, t, true);
				flt_set_bit(must, t, false);
			}
		}
	}
}

/*
 * Keys of the event types that have an fd (fields_fd.c: an fd.* field resolves only on
 * an event type flagged SCAP_EF_CREATES_FD, _USES_FD or _DESTROYS_FD; elsewhere every
 * check on one, 'exists' included, is false); generic events by their own type's flags.
 */
static void fd_keys(uint8_t *may)
{
	const uint32_t fd_flags = SCAP_EF_CREATES_FD | SCAP_EF_USES_FD | SCAP_EF_DESTROYS_FD;
	unsigned t, x, id;

	memset(may, 0, FLT_KEY_BYTES);
	for (t = 0; t < SCAP_EVT_MAX; t++)
		flt_set_bit(may, t, (scap_evt_info((uint16_t)t)->flags & fd_flags) != 0);
	for (x = 0; x < 2; x++)
		for (id = 0; id <= SCAP_SC_MAX; id++)
			flt_set_bit(may, FLT_GENERIC_KEY(x, id),
				    flt_bit(may, x ? SCAP_EVT_GENERIC_X : SCAP_EVT_GENERIC_E));
}

/* The sets node_types() computes (FLT_KEY_BYTES bytes each). */
struct key_sets {
	uint8_t *may, *must;    /* by evt.type/evt.dir checks (filter.types) */
	uint8_t *nmay, *nmust;  /* narrowed by what fd.* checks imply (filter.run_types) */
};

/*
 * may: keys (FLT_GENERIC_KEY) for which the node can be true; must: keys for which it
 * is always true (needed to complement under 'not'); both twice, with and without the
 * narrowing by fd.* checks (fdk: fd_keys()). One pass: check_keys() is the cost of a
 * rules file's load.
 */
static int node_types(struct flt_node *n, const struct key_sets *o, const uint8_t *fdk)
{
	uint8_t kmay[FLT_KEY_BYTES], kmust[FLT_KEY_BYTES], knmay[FLT_KEY_BYTES], knmust[FLT_KEY_BYTES];
	const struct key_sets k = { kmay, kmust, knmay, knmust };
	size_t i, j;
	int rc;

	switch (n->kind) {
	case FN_CHECK:
		rc = precompute_check(&n->check);
		if (rc)
			return rc;
		if (!n->check.by_type) {
			memset(o->may, 0xff, FLT_KEY_BYTES);
			memset(o->must, 0, FLT_KEY_BYTES);
			if (n->check.ref.def->cls == FIELD_CLASS_FD)
				memcpy(o->nmay, fdk, FLT_KEY_BYTES);
			else
				memset(o->nmay, 0xff, FLT_KEY_BYTES);
			memset(o->nmust, 0, FLT_KEY_BYTES);
			return 0;
		}
		check_keys(&n->check, o->may, o->must);
		memcpy(o->nmay, o->may, FLT_KEY_BYTES);
		memcpy(o->nmust, o->must, FLT_KEY_BYTES);
		return 0;
	case FN_NOT:
		rc = node_types(n->kids[0], &k, fdk);
		if (rc)
			return rc;
		for (j = 0; j < FLT_KEY_BYTES; j++) {
			o->may[j] = (uint8_t)~kmust[j];
			o->must[j] = (uint8_t)~kmay[j];
			o->nmay[j] = (uint8_t)~knmust[j];
			o->nmust[j] = (uint8_t)~knmay[j];
		}
		return 0;
	case FN_AND:
	case FN_OR:
		memset(o->may, n->kind == FN_AND ? 0xff : 0, FLT_KEY_BYTES);
		memset(o->must, n->kind == FN_AND ? 0xff : 0, FLT_KEY_BYTES);
		memset(o->nmay, n->kind == FN_AND ? 0xff : 0, FLT_KEY_BYTES);
		memset(o->nmust, n->kind == FN_AND ? 0xff : 0, FLT_KEY_BYTES);
		for (i = 0; i < n->nkids; i++) {
			rc = node_types(n->kids[i], &k, fdk);
			if (rc)
				return rc;
			for (j = 0; j < FLT_KEY_BYTES; j++) {
				if (n->kind == FN_AND) {
					o->may[j] &= kmay[j];
					o->must[j] &= kmust[j];
					o->nmay[j] &= knmay[j];
					o->nmust[j] &= knmust[j];
				} else {
					o->may[j] |= kmay[j];
					o->must[j] |= kmust[j];
					o->nmay[j] |= knmay[j];
					o->nmust[j] |= knmust[j];
				}
			}
		}
		return 0;
	}
	return 0;
}

static bool same_field(const struct field_ref *a, const struct field_ref *b)
{
	return a->def == b->def && a->argnum == b->argnum &&
	       (a->arg == b->arg || (a->arg && b->arg && strcmp(a->arg, b->arg) == 0));
}

/* A hash of what same_field() compares (FNV-1a over the argument). */
static uint64_t field_hash(const struct field_ref *r)
{
	uint64_t h = ((uint64_t)(uintptr_t)r->def * 0x9E3779B97F4A7C15ull) ^ (uint64_t)(int64_t)r->argnum;
	const char *p;

	for (p = r->arg; p && *p; p++)
		h = (h ^ (uint8_t)*p) * 0x100000001b3ull;
	return h;
}

/*
 * Give every check the slot of its field, the first check on a field making a new one.
 * @seen maps field_hash() (then +1, +2... on a collision) to slot numbers: linear in
 * the checks (comparing each with every slot took 10.6 s for 60k distinct fields).
 */
static int assign_slots(struct sinsp_filter *f, struct flt_node *n, struct hashmap *seen)
{
	struct flt_check *c = &n->check;
	const struct field_ref **ns;
	uint64_t key;
	size_t k;
	int rc;

	for (k = 0; k < n->nkids; k++) {
		rc = assign_slots(f, n->kids[k], seen);
		if (rc)
			return rc;
	}
	if (n->kind != FN_CHECK)
		return 0;
	for (key = field_hash(&c->ref);; key++) {
		void *v = hashmap_get(seen, key);

		if (!v)
			break;
		if (same_field(f->slots[(uintptr_t)v - 1], &c->ref)) {
			c->slot = (unsigned)(uintptr_t)v;
			return 0;
		}
	}
	if (f->nslots == UINT_MAX)
		return -ENOMEM; /* unreachable: 4G checks need a longer filter than memory holds */
	ns = sinsp_grow(f->slots, f->nslots, sizeof(*ns));
	if (!ns)
		return -ENOMEM;
	f->slots = ns;
	if (hashmap_put(seen, key, (void *)(uintptr_t)(f->nslots + 1)))
		return -ENOMEM;
	f->slots[f->nslots++] = &c->ref;
	c->slot = f->nslots;
	return 0;
}

static bool all_by_type(const struct flt_node *n)
{
	size_t i;

	if (n->kind == FN_CHECK)
		return n->check.by_type;
	for (i = 0; i < n->nkids; i++)
		if (!all_by_type(n->kids[i]))
			return false;
	return true;
}

int flt_compute_types(struct sinsp_filter *f)
{
	uint8_t must[FLT_KEY_BYTES], fdk[FLT_KEY_BYTES], nmust[FLT_KEY_BYTES];
	const struct key_sets o = { f->types, must, f->run_types, nmust };
	int rc;

	fd_keys(fdk);
	rc = node_types(f->root, &o, fdk);
	if (!rc) {
		struct hashmap seen = { 0 };

		rc = assign_slots(f, f->root, &seen);
		hashmap_free(&seen);
	}
	f->type_only = all_by_type(f->root);
	generic_run(f);
	return rc ? rc : flt_prog_build(f);
}

void flt_node_free(struct flt_node *n)
{
	size_t i;

	if (!n)
		return;
	for (i = 0; i < n->nkids; i++)
		flt_node_free(n->kids[i]);
	free(n->kids);
	if (n->kind == FN_CHECK) {
		if (n->check.ref.def)
			sinsp_field_ref_free(&n->check.ref);
		for (i = 0; i < n->check.nvals; i++)
			free(n->check.vals[i].str);
		free(n->check.vals);
		free(n->check.type_true);
		free(n->check.sc_true);
		free(n->check.hash.slots);
	}
	free(n);
}

void sinsp_filter_free(struct sinsp_filter *f)
{
	if (!f)
		return;
	if (f->s && f->s->filter == f)
		f->s->filter = NULL; /* sinsp_next() stops matching it */
	flt_prog_free(f);
	flt_node_free(f->root);
	strbuf_free(&f->scratch);
	free(f->slots);
	free(f);
}

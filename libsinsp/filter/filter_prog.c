/* SPDX-License-Identifier: Apache-2.0 */
/*
 * filter_prog.c - a compiled filter's tree flattened into a branch program: every
 * check is one instruction that names the next one for true, false and "the field
 * did not resolve", so evaluation is a loop without recursion or a stack. 'and',
 * 'or' and 'not' become jump targets ('not' swaps the true and false targets).
 *
 * In an 'or', consecutive checks on one field share one extraction; among them the
 * string checks '=', 'in', 'intersects', 'startswith' and 'bstartswith' become one
 * set lookup (exact values by binary search, prefixes by first byte then binary
 * search over a prefix-free sorted list). The result is the same as evaluating them
 * one by one: an 'or' of checks on one already extracted value does not depend on
 * their order, and an unresolved field makes each of them false.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "filter/filter.h"

struct builder {
	struct flt_insn *ins;
	size_t n, cap;
};

/* ---- sets --------------------------------------------------------------------------- */

/* Bytewise order, a prefix before the longer strings that start with it. */
static int cmp_bytes(const void *a, const void *b)
{
	const struct flt_val *x = a, *y = b;
	int d = memcmp(x->str, y->str, x->len < y->len ? x->len : y->len);

	if (d)
		return d;
	return x->len < y->len ? -1 : x->len > y->len;
}

static bool starts_with(const struct flt_val *v, const struct flt_val *p)
{
	return v->len >= p->len && memcmp(v->str, p->str, p->len) == 0;
}

static bool groupable(const struct flt_check *c)
{
	if (c->by_type || c->vtype != FVT_STR || c->multi)
		return false;
	switch (c->op) {
	case FOP_EQ: case FOP_IN: case FOP_INTERSECTS: case FOP_STARTSWITH: case FOP_BSTARTSWITH:
		return true;
	default:
		return false;
	}
}

static bool is_prefix_op(enum flt_op op)
{
	return op == FOP_STARTSWITH || op == FOP_BSTARTSWITH;
}

static void flt_set_free(struct flt_set *set)
{
	if (!set)
		return;
	free(set->exact);
	free(set->prefix);
	free(set->hash.slots);
	free(set);
}

/* The set of the groupable checks cs[0..n) (n >= 2); NULL when out of memory. */
static struct flt_set *set_build(const struct flt_check *const *cs, size_t n)
{
	struct flt_set *set = calloc(1, sizeof(*set));
	size_t ne = 0, np = 0, i, j, k;

	if (!set)
		return NULL;
	for (i = 0; i < n; i++) {
		if (is_prefix_op(cs[i]->op))
			np++;
		else
			ne += cs[i]->nvals;
	}
	set->exact = ne ? malloc(ne * sizeof(*set->exact)) : NULL;
	set->prefix = np ? malloc(np * sizeof(*set->prefix)) : NULL;
	if ((ne && !set->exact) || (np && !set->prefix)) {
		flt_set_free(set);
		return NULL;
	}
	for (i = 0; i < n; i++) {
		const struct flt_check *c = cs[i];

		if (is_prefix_op(c->op)) {
			if (!c->vals[0].len)
				set->any = true;
			set->prefix[set->nprefix++] = c->vals[0];
		} else {
			for (j = 0; j < c->nvals; j++)
				set->exact[set->nexact++] = c->vals[j];
		}
	}
	if (set->nexact > 1) {
		qsort(set->exact, set->nexact, sizeof(*set->exact), flt_val_cmp);
		for (i = 1, k = 1; i < set->nexact; i++)
			if (flt_val_cmp(&set->exact[k - 1], &set->exact[i]))
				set->exact[k++] = set->exact[i];
		set->nexact = k;
	}
	if (set->nprefix > 1) {
		/* sorted, a string that starts with a kept prefix follows it: drop it */
		qsort(set->prefix, set->nprefix, sizeof(*set->prefix), cmp_bytes);
		for (i = 1, k = 1; i < set->nprefix; i++)
			if (!starts_with(&set->prefix[i], &set->prefix[k - 1]))
				set->prefix[k++] = set->prefix[i];
		set->nprefix = k;
	}
	if (flt_hash_build(&set->hash, set->exact, set->nexact)) {
		flt_set_free(set);
		return NULL;
	}
	/* first[c]: the first prefix whose first byte is >= c (the empty one sorts first) */
	for (i = 0, k = set->nprefix && !set->prefix[0].len ? 1 : 0; i < 257; i++) {
		while (k < set->nprefix && (uint8_t)set->prefix[k].str[0] < i)
			k++;
		set->first[i] = k;
	}
	return set;
}

/* The first index from i on (up to n) where a and b differ, n when none. */
static inline size_t differ_from(const char *a, const char *b, size_t i, size_t n)
{
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	for (; i + 8 <= n; i += 8) {
		uint64_t x, y;

		memcpy(&x, a + i, 8);
		memcpy(&y, b + i, 8);
		if (x != y)
			return i + (size_t)__builtin_ctzll(x ^ y) / 8;
	}
#endif
	while (i < n && a[i] == b[i])
		i++;
	return i;
}

int flt_hash_build(struct flt_hash *h, const struct flt_val *vals, size_t n)
{
	size_t cap = 16, i;

	h->slots = NULL;
	h->mask = 0;
	if (n < FLT_HASH_MIN || n > UINT32_MAX / 4)
		return 0;
	while (cap < 2 * n)
		cap *= 2;
	h->slots = calloc(cap, sizeof(*h->slots));
	if (!h->slots)
		return -ENOMEM;
	h->mask = (uint32_t)(cap - 1);
	for (i = 0; i < n; i++) {
		uint32_t k = flt_hash_of(vals[i].str, vals[i].len) & h->mask;

		while (h->slots[k])
			k = (k + 1) & h->mask;
		h->slots[k] = (uint32_t)(i + 1);
	}
	return 0;
}

bool flt_set_match(const struct flt_set *set, const char *s, size_t len)
{
	size_t lo, hi, base, lcp_lo = 1, lcp_hi = 1;

	if (set->any || (set->nexact && flt_strs_has(set->exact, set->nexact, &set->hash, s, len)))
		return true;
	if (!len || !set->nprefix)
		return false;
	/*
	 * In a prefix-free sorted list, a prefix of s can only be the last entry that
	 * sorts at or before s: any later one up to s would start with it. Binary search
	 * for it; the entries between two bounds share with s at least the bytes both
	 * bounds share with it (lcp_lo, lcp_hi), which are not compared again.
	 */
	base = lo = set->first[(uint8_t)s[0]];
	hi = set->first[(uint8_t)s[0] + 1];
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const struct flt_val *p = &set->prefix[mid];
		size_t n = p->len < len ? p->len : len;
		size_t i = differ_from(p->str, s, lcp_lo < lcp_hi ? lcp_lo : lcp_hi, n);

		if (i < n ? (uint8_t)p->str[i] < (uint8_t)s[i] : p->len <= len) {
			lo = mid + 1;
			lcp_lo = i;
		} else {
			hi = mid;
			lcp_hi = i;
		}
	}
	/* lcp_lo is what entry lo - 1 shares with s: all of it for a prefix */
	return lo != base && lcp_lo == set->prefix[lo - 1].len;
}

#ifdef __SSE2__
/*
 * flt_find() for nlen >= 2 and hlen >= nlen + 15: 16 candidate positions at a time,
 * those where both the needle's first and last bytes are found (two compares of 16
 * bytes; most positions fail one of them), then the bytes between. The last block is
 * moved back to end at the last candidate (it may overlap the one before): every load
 * stays within h[0, hlen).
 */
static bool find_sse2(const char *h, size_t hlen, const char *n, size_t nlen)
{
	const __m128i first = _mm_set1_epi8(n[0]), lastb = _mm_set1_epi8(n[nlen - 1]);
	const char *last = h + (hlen - nlen); /* the last candidate */
	const char *p = h;

	for (;;) {
		__m128i a = _mm_loadu_si128((const __m128i *)(const void *)p);
		__m128i b = _mm_loadu_si128((const __m128i *)(const void *)(p + nlen - 1));
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, first),
								       _mm_cmpeq_epi8(b, lastb)));

		while (m) {
			unsigned i = (unsigned)__builtin_ctz(m);

			if (memcmp(p + i + 1, n + 1, nlen - 2) == 0)
				return true;
			m &= m - 1;
		}
		if (p + 15 >= last)
			return false;
		p += 16;
		if (p + 15 > last)
			p = last - 15;
	}
}
#endif

bool flt_find(const char *h, size_t hlen, const char *n, size_t nlen)
{
	const char *p, *last;

	if (!nlen)
		return true;
	if (nlen > hlen)
		return false;
#ifdef __SSE2__
	if (nlen >= 2 && hlen - nlen >= 15)
		return find_sse2(h, hlen, n, nlen);
#endif
	last = h + (hlen - nlen);
	for (p = h; p <= last; p++) {
		p = memchr(p, n[0], (size_t)(last - p) + 1);
		if (!p)
			return false;
		/* the last byte first: most candidates fail there, without a call */
		if (p[nlen - 1] == n[nlen - 1] && memcmp(p + 1, n + 1, nlen - 1) == 0)
			return true;
	}
	return false;
}

/* ---- program ------------------------------------------------------------------------ */

static bool extracts(const struct flt_check *c)
{
	return !c->by_type;
}

/* The comparison kind of an instruction on check c (and set, NULL for c alone). */
static uint8_t insn_cmp(const struct flt_check *c, const struct flt_set *set)
{
	if (c->op == FOP_EXISTS)
		return FC_EXISTS;
	if (set)
		return FC_SET;
	return c->vtype == FVT_STR ? flt_str_cmp_of(c->op) : FC_VALUE;
}

/*
 * Append an instruction; the targets are already emitted (lower indexes) or exits.
 * Returns its index, or -1 when out of memory (set is then freed).
 */
static int32_t emit(struct builder *b, const struct flt_check *c, struct flt_set *set, int32_t on_true,
		    int32_t on_false)
{
	struct flt_insn *in;
	int32_t u = on_false;

	if (b->n == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 16;
		struct flt_insn *ni = cap < INT32_MAX ? realloc(b->ins, cap * sizeof(*ni)) : NULL;

		if (!ni) {
			flt_set_free(set);
			return -1;
		}
		b->ins = ni;
		b->cap = cap;
	}
	/* unresolved: every following check on the same field is false too */
	if (extracts(c))
		while (u >= 0 && extracts(b->ins[u].check) && b->ins[u].check->slot == c->slot)
			u = b->ins[u].next[FR_UNRESOLVED];
	in = &b->ins[b->n];
	in->check = c;
	in->set = set;
	in->cmp = insn_cmp(c, set);
	in->slow = c->by_type || c->special;
	in->uncached = false; /* flt_prog_build() decides */
	in->next[FR_TRUE] = on_true;
	in->next[FR_FALSE] = on_false;
	in->next[FR_UNRESOLVED] = u;
	return (int32_t)b->n++;
}

static int32_t compile(struct builder *b, const struct flt_node *n, int32_t on_true, int32_t on_false);

/*
 * The kids [i, j) of an 'or' form a run of extracting checks on one field: emit
 * (backwards, before next) their non-groupable checks and one set of the groupable
 * ones when there are two or more. Returns the entry, or INT32_MIN when out of memory.
 */
static int32_t compile_run(struct builder *b, const struct flt_node *n, size_t i, size_t j, int32_t on_true,
			   int32_t next)
{
	const struct flt_check **cs;
	struct flt_set *set = NULL;
	size_t k, ng = 0;

	cs = malloc((j - i) * sizeof(*cs));
	if (!cs)
		return INT32_MIN;
	for (k = i; k < j; k++)
		if (groupable(&n->kids[k]->check))
			cs[ng++] = &n->kids[k]->check;
	if (ng >= 2) {
		set = set_build(cs, ng);
		if (!set) {
			free(cs);
			return INT32_MIN;
		}
	}
	for (k = j; k-- > i;) {
		const struct flt_check *c = &n->kids[k]->check;

		if (set && groupable(c))
			continue;
		next = emit(b, c, NULL, on_true, next);
		if (next < 0) {
			flt_set_free(set);
			free(cs);
			return INT32_MIN;
		}
	}
	if (set)
		next = emit(b, cs[0], set, on_true, next);
	free(cs);
	return next < 0 ? INT32_MIN : next;
}

static bool run_member(const struct flt_node *k, unsigned slot)
{
	return k->kind == FN_CHECK && extracts(&k->check) && (!slot || k->check.slot == slot);
}

/* Emit n (its last instructions first); returns its entry, or INT32_MIN (no memory). */
static int32_t compile(struct builder *b, const struct flt_node *n, int32_t on_true, int32_t on_false)
{
	int32_t next;
	size_t i, j;

	switch (n->kind) {
	case FN_CHECK:
		next = emit(b, &n->check, NULL, on_true, on_false);
		return next < 0 ? INT32_MIN : next;
	case FN_NOT:
		return compile(b, n->kids[0], on_false, on_true);
	case FN_AND:
		next = on_true;
		for (i = n->nkids; i-- > 0 && next != INT32_MIN;)
			next = compile(b, n->kids[i], next, on_false);
		return next;
	case FN_OR:
		next = on_false;
		for (j = n->nkids; j > 0 && next != INT32_MIN; j = i) {
			i = j - 1;
			if (run_member(n->kids[i], 0))
				while (i > 0 && run_member(n->kids[i - 1], n->kids[j - 1]->check.slot))
					i--;
			if (j - i >= 2)
				next = compile_run(b, n, i, j, on_true, next);
			else
				next = compile(b, n->kids[i], on_true, next);
		}
		return next;
	}
	return INT32_MIN;
}

int flt_prog_build(struct sinsp_filter *f)
{
	struct builder b = { 0 };
	int32_t entry = compile(&b, f->root, FLT_ACCEPT, FLT_REJECT);
	size_t i, k;

	if (entry == INT32_MIN) {
		for (i = 0; i < b.n; i++)
			flt_set_free(b.ins[i].set);
		free(b.ins);
		return -ENOMEM;
	}
	/* the entry was emitted last: reverse so that it is 0 and jumps go forward */
	for (i = 0; i < b.n / 2; i++) {
		struct flt_insn t = b.ins[i];

		b.ins[i] = b.ins[b.n - 1 - i];
		b.ins[b.n - 1 - i] = t;
	}
	for (i = 0; i < b.n; i++)
		for (k = 0; k < 3; k++)
			if (b.ins[i].next[k] >= 0)
				b.ins[i].next[k] = (int32_t)(b.n - 1) - b.ins[i].next[k];
	/* a field that one instruction alone reads need not be cached for the others */
	for (i = 0; i < b.n; i++) {
		const struct flt_check *c = b.ins[i].check;

		b.ins[i].uncached = !b.ins[i].slow && c->view;
		for (k = 0; k < b.n && b.ins[i].uncached; k++)
			if (k != i && extracts(b.ins[k].check) && b.ins[k].check->slot == c->slot)
				b.ins[i].uncached = false;
		/* every comparison is a function of the text alone */
		b.ins[i].memo = b.ins[i].uncached && c->view == sinsp_fields_fd_name_view;
		b.ins[i].memo_id = 0;
	}
	f->prog = b.ins;
	f->nprog = b.n;
	return entry == (int32_t)(b.n - 1) ? 0 : -EINVAL;
}

void flt_prog_free(struct sinsp_filter *f)
{
	size_t i;

	for (i = 0; i < f->nprog; i++)
		flt_set_free(f->prog[i].set);
	free(f->prog);
	f->prog = NULL;
	f->nprog = 0;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * filter.h - internals of the filter language (filter_parse.c compiles, filter_prog.c
 * turns the tree into a flat program, filter_eval.c evaluates): a compiled filter is a
 * tree of and/or/not nodes over field checks whose right-hand values were parsed once
 * at compile time, and the branch program made from it.
 */
#ifndef SINSP_FILTER_INT_H
#define SINSP_FILTER_INT_H

#include <string.h>

#include <scry/sinsp_filter.h>
#include "state/inspector.h"
#include "fields/fields.h"

enum flt_op {
	FOP_EQ, FOP_NE, FOP_LT, FOP_LE, FOP_GT, FOP_GE,
	FOP_CONTAINS, FOP_ICONTAINS, FOP_BCONTAINS, FOP_STARTSWITH, FOP_BSTARTSWITH,
	FOP_ENDSWITH, FOP_GLOB, FOP_PMATCH, FOP_IN, FOP_INTERSECTS, FOP_EXISTS,
};

/*
 * How a field's value compares: the type sysdig 0.29.3 gives the field decides how
 * the filter value is parsed (numbers are cut to the field's width as sysdig's
 * sscanf-based parser does: "4294967295" is -1 for an INT32 field) and whether the
 * comparison is signed, unsigned, boolean, by address or by string.
 */
enum flt_vtype {
	FVT_STR,     /* CHARBUF: strcmp/strstr/fnmatch on the text */
	FVT_SIGNED,  /* INT16/INT32/INT64 */
	FVT_UNSIGNED,/* UINT*, PORT, RELTIME, ABSTIME */
	FVT_BOOL,    /* "true"/"false", compared as 1/0 */
	FVT_IPADDR,  /* IPv4 or IPv6 address, equality only */
	FVT_IPNET,   /* IPv4 network a.b.c.d/bits: whether an address is in it */
};

/* A parsed right-hand value. */
struct flt_val {
	char *str;           /* NUL-terminated bytes (hex-decoded for b* operators) */
	size_t len;
	union {
		int64_t i;
		uint64_t u;
		struct { uint8_t family; uint8_t addr[16]; } ip; /* family 4 or 6 */
		struct { uint32_t addr, mask; } net;             /* FVT_IPNET, network order */
	} n;
};

/*
 * A hash index over a sorted array of string values (struct flt_val): slots hold
 * index + 1 (0: empty), open addressing with linear probing, at most half full. A
 * lookup costs one hash of the text and about one compare, whatever the number of
 * values (rules bring lists of 100,000 paths or domains). slots NULL: no index, the
 * sorted array is searched by halves.
 */
struct flt_hash {
	uint32_t *slots;
	uint32_t mask;
};

/* Lists of at least this many strings get a hash index. */
#define FLT_HASH_MIN 8

struct flt_check {
	struct field_ref ref;
	enum flt_op op;
	enum flt_vtype vtype;
	uint8_t bits;          /* width of a numeric field: 16, 32 or 64 */
	struct flt_val *vals;  /* 1 value, or the list of in/intersects/pmatch (strings
	                          sorted by length then bytes; numbers ascending) */
	size_t nvals;
	struct flt_hash hash;  /* string lists of FLT_HASH_MIN values or more: a hashed index */
	/*
	 * multi: compared through sinsp_field_match_any() (fd.ip, fd.port, fd.proto,
	 * fd.net; proc.apid / proc.aname of any ancestor). As sysdig: true when any
	 * candidate compares true, except '!=' on the fd fields, true when every
	 * candidate differs; no candidate is an unresolved value.
	 */
	bool multi;
	/*
	 * evt.around[T]=D: the event is within D ms of T (ns since the epoch); D is 0
	 * for 'exists'; 'in' matches nothing (sysdig's results).
	 */
	bool around;
	uint64_t around_t, around_ns;
	/*
	 * never: false for every event (sysdig's result for '=' & co on an evt.rawarg
	 * sockaddr, for a list of two distinct values or more on evt.rawarg, and for 'in'
	 * on proc.apid of any ancestor).
	 */
	bool never;
	bool special;          /* never, multi or around: evaluated out of the common path */
	/*
	 * evt.type and evt.dir are fixed by the event type: their result for every
	 * non-generic type is computed once (bit set: the check is true).
	 */
	bool by_type;
	bool is_evt_type;      /* the field is evt.type (generic events: by syscall id) */
	sinsp_field_view_fn view; /* the field's text read in place, NULL: extracted */
	uint8_t *type_true;    /* SCAP_EVT_MAX bits when by_type */
	uint8_t *sc_true;      /* is_evt_type: SCAP_SC_MAX bits, the answer for a generic
	                          event of that syscall id (ids beyond: sc_unknown_true) */
	bool sc_unknown_true;
	/*
	 * Checks on the same field (same name and argument) share a slot: the value
	 * extracted for one is reused by the next within the same event (a chain of
	 * 'fd.name startswith ...' extracts fd.name once).
	 */
	unsigned slot;
};

enum flt_node_kind { FN_AND, FN_OR, FN_NOT, FN_CHECK };

struct flt_node {
	enum flt_node_kind kind;
	struct flt_node **kids;   /* and/or: nkids >= 2; not: 1 */
	size_t nkids;
	struct flt_check check;   /* FN_CHECK */
};

/*
 * Several string checks on one field joined by 'or' ('=', 'in', 'intersects',
 * 'startswith', 'bstartswith'), answered with one lookup: true when the value equals
 * one of exact[] or starts with one of prefix[]. The flt_val entries are copies whose
 * str points into the checks' own values (not owned).
 */
struct flt_set {
	struct flt_val *exact;    /* sorted by length then bytes, no duplicates */
	size_t nexact;
	struct flt_hash hash;     /* over exact, when FLT_HASH_MIN or more */
	struct flt_val *prefix;   /* sorted by bytes; none is a prefix of another */
	size_t nprefix;
	bool any;                 /* a startswith "": every resolved value matches */
	size_t first[257];        /* prefixes starting with byte c: [first[c], first[c + 1]) */
};

/* Instruction results: the index into flt_insn.next. */
enum flt_res { FR_FALSE, FR_TRUE, FR_UNRESOLVED };

/* Program exits (negative next[] values). */
#define FLT_REJECT (-1)
#define FLT_ACCEPT (-2)

/*
 * One step of a filter program: evaluate check (or set, a group of checks on
 * check's field), then go to next[result]: an instruction index, or FLT_ACCEPT /
 * FLT_REJECT. next[FR_UNRESOLVED] skips the checks on the same field that an
 * unresolved value makes false anyway.
 */
/*
 * How an instruction compares the value it extracted (flt_prog_build() picks it from
 * the check and the set): one switch in the evaluation loop instead of a test per
 * property of the check.
 */
enum flt_cmp {
	FC_EXISTS,      /* 'exists': a resolved value is true */
	FC_SET,         /* flt_set_match() */
	FC_EQ,          /* string '=' */
	FC_NE,          /* string '!=' */
	FC_CONTAINS,    /* string 'contains', 'bcontains' */
	FC_STARTSWITH,  /* string 'startswith', 'bstartswith' */
	FC_STR,         /* the other string operators (flt_cmp_str()) */
	FC_VALUE,       /* a value of another type (numbers, booleans, addresses) */
};

/* The flt_cmp of a string comparison by operator op (FC_EQ to FC_STR). */
static inline uint8_t flt_str_cmp_of(enum flt_op op)
{
	switch (op) {
	case FOP_EQ: return FC_EQ;
	case FOP_NE: return FC_NE;
	case FOP_CONTAINS:
	case FOP_BCONTAINS: return FC_CONTAINS;
	case FOP_STARTSWITH:
	case FOP_BSTARTSWITH: return FC_STARTSWITH;
	default: return FC_STR;
	}
}

struct flt_insn {
	const struct flt_check *check;
	struct flt_set *set;      /* owned; NULL for a single check */
	int32_t next[3];
	uint8_t cmp;              /* enum flt_cmp */
	bool slow;                /* check->by_type or check->special: tested first */
	bool uncached;            /* the check's field has a view and no other instruction
	                             reads it: its value is compared without the cache */
	/*
	 * An uncached fd.name check remembers its last answer (memo_res) with the name id
	 * of the text it compared (struct sinsp_fd.name_id, 0: none): the events of one fd
	 * see the same name, compared once (eval_insn()).
	 */
	bool memo;
	uint8_t memo_res;         /* enum flt_res */
	uint64_t memo_id;
};

/*
 * Keys of the analysis of which events may match: the event types, then generic
 * events by direction (exit 0 or 1) and syscall id (SCAP_SC_MAX for an id beyond the
 * table), whose evt.type is their syscall's name.
 */
#define FLT_GENERIC_KEY(exit, id) (SCAP_EVT_MAX + (exit) * (SCAP_SC_MAX + 1) + (id))
#define FLT_KEYS FLT_GENERIC_KEY(1, SCAP_SC_MAX + 1)
#define FLT_KEY_BYTES ((FLT_KEYS + 7) / 8)

struct sinsp_filter {
	struct sinsp *s;
	struct flt_node *root;
	uint8_t types[FLT_KEY_BYTES];          /* keys (above) of events that may match, by
	                                          the checks on evt.type/evt.dir (Falco's
	                                          event-type restriction) */
	uint8_t run_types[FLT_KEY_BYTES];      /* types narrowed by what the other checks
	                                          need: a check on an fd.* field is false on
	                                          an event type that has no fd (flags
	                                          SCAP_EF_*_FD); evaluation and the rules
	                                          index skip the other keys at once */
	struct strbuf scratch;                 /* extracted values, reused per event */
	uint64_t gen;                          /* sinsp_filter_match() calls so far */
	uint64_t na_gen;                       /* the last call (gen) in which a check other
	                                          than 'exists' met a field that did not
	                                          resolve (<NA>) */
	uint64_t cached_gen;                   /* scratch holds slot cached_slot of call */
	unsigned cached_slot;                  /* cached_gen (slots count from 1) */
	bool cached_ok;                        /* whether that extraction resolved */
	const char *cached;                    /* its text (cached_len bytes, NUL after):
	                                          in scratch or, read in place, in the state */
	size_t cached_len;
	const struct field_ref **slots;        /* distinct fields, nslots of them */
	unsigned nslots;
	struct flt_insn *prog;                 /* entry at 0 */
	size_t nprog;
	bool type_only;                        /* every check is on evt.type/evt.dir: for
	                                          non-generic types, types[] is the answer */
	int8_t generic_run[2];                 /* by direction (enter 0, exit 1): 1 or 0
	                                          when run_types[] says so for every
	                                          syscall id (no need to decode the id),
	                                          -1 when it depends on the id */
};

/*
 * Names a condition may use besides fields (the rules engine's macros and lists), for
 * flt_compile_names(). Callbacks get the name as len bytes (not NUL terminated).
 */
struct flt_names {
	void *ctx;
	/*
	 * The condition text of macro name, parsed in place of the name; NULL when name is
	 * no macro. *err (static text) set and NULL returned: the macro cannot be used here
	 * (a reference loop). macro_done() is called once the text is parsed.
	 */
	const char *(*macro)(void *ctx, const char *name, size_t len, const char **err);
	void (*macro_done)(void *ctx, const char *name, size_t len);
	/* The items of list name (values in a list of in/intersects/pmatch), NULL when none. */
	char *const *(*list)(void *ctx, const char *name, size_t len, size_t *n);
};

/* What a compile error is about (struct flt_error). */
enum flt_err_kind {
	FLT_ERR_SYNTAX = 0,       /* malformed, a bad value, ... */
	FLT_ERR_UNKNOWN_FIELD,    /* name: the field */
	FLT_ERR_UNDEFINED_MACRO,  /* name: the macro */
	FLT_ERR_MACRO_LOOP,       /* name: the macro met again while being expanded */
};

/* A compile error: where and what. */
struct flt_error {
	size_t at;                /* byte of the expression (in a macro: where it is used) */
	enum flt_err_kind kind;
	char name[128];
};

/*
 * sinsp_filter_compile() with names: a bare word without '.' where a check starts is a
 * macro (an error when names has none of that name); an unquoted value of a list that
 * names a list stands for its items. Messages (sinsp_last_error()) are then without the
 * "filter error at byte N" prefix and in Falco's words where Falco has them ("Undefined
 * macro 'm' used in filter.", "filter_check called with nonexistent field f",
 * "unexpected token after 'x', expecting 'or', 'and'"). On error *err (may be NULL)
 * tells where and what.
 */
int flt_compile_names(struct sinsp *s, const char *expr, const struct flt_names *names,
		      struct sinsp_filter **out, struct flt_error *err);

/*
 * Evaluate f on evt without sysdig's side effects of sinsp_filter_match() (no unpairing,
 * no state change on rejection): the rules engine evaluates many filters per event.
 */
bool flt_match(struct sinsp_filter *f, struct sinsp_evt *evt);

/* filter_eval.c */
/* The key (FLT_GENERIC_KEY) of a generic event: its direction and syscall id. */
unsigned flt_generic_key(const struct sinsp_evt *evt);
/* flt_evt_may_match() for a generic event whose type may match: by its syscall id. */
bool flt_generic_may_match(const struct sinsp_filter *f, const struct sinsp_evt *evt);
/* Compare a text value with a check's value(s) (string checks; evt.type precomputation). */
bool flt_cmp_str(const struct flt_check *c, const char *s, size_t len);
/*
 * Fill f->types, the per-check type tables, extraction slots and f->type_only, then
 * build the program (flt_prog_build()); 0 or -ENOMEM.
 */
int flt_compute_types(struct sinsp_filter *f);
void flt_node_free(struct flt_node *n);

/* filter_assume.c */
/*
 * Whether f can be true for an event of key @key (FLT_GENERIC_KEY) whose fd is a TCP
 * socket (fd.l4proto "tcp"): false only when its checks on evt.type, evt.dir and
 * fd.l4proto alone make it false, whatever every other check gives (and for the keys
 * outside f->run_types). Only after flt_compute_types().
 */
bool flt_may_match_tcp(const struct sinsp_filter *f, unsigned key);

/* filter_types.c */
/* Set c->vtype and c->bits from c's field (evt.rawarg: from its parameter's type). */
void flt_set_vtype(struct flt_check *c);
/* Whether operator op applies to values of type vt at all. */
bool flt_op_applies(enum flt_vtype vt, enum flt_op op);
/* Why sysdig refuses c's operator on c's field (static text), NULL when it takes it. */
const char *flt_op_refused(const struct flt_check *c);
/* The argument of proc.apid / proc.aname is an ancestor's index: digits only (sysdig). */
bool flt_index_ok(const struct field_ref *r);

/* filter_prog.c */
/*
 * Build f->prog from f->root (after slots are assigned): or-ed string checks on one
 * field become one flt_set. Returns 0 or -ENOMEM (f->prog then NULL).
 */
int flt_prog_build(struct sinsp_filter *f);
void flt_prog_free(struct sinsp_filter *f);
/* Whether the text s (len bytes, NUL at s[len]) is in the set. */
bool flt_set_match(const struct flt_set *set, const char *s, size_t len);
/* memmem() for the short needles of 'contains': whether n (nlen bytes) is in h. */
bool flt_find(const char *h, size_t hlen, const char *n, size_t nlen);

/*
 * The order of sorted string values (the list of an in/intersects check, flt_set.exact):
 * by length, then bytewise. Negative, 0 or positive as v sorts before, equal to or after
 * the text s of len bytes.
 */
static inline int flt_val_order(const struct flt_val *v, const char *s, size_t len)
{
	if (v->len != len)
		return v->len < len ? -1 : 1;
	return memcmp(v->str, s, len);
}

/* qsort() comparator of two struct flt_val in flt_val_order(). */
static inline int flt_val_cmp(const void *a, const void *b)
{
	const struct flt_val *y = b;

	return flt_val_order(a, y->str, y->len);
}

/* Whether s (len bytes) is one of the n values of vals, sorted by flt_val_order(). */
static inline bool flt_vals_has(const struct flt_val *vals, size_t n, const char *s, size_t len)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int d = flt_val_order(&vals[mid], s, len);

		if (d == 0)
			return true;
		if (d < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

/* FNV-1a of len bytes at s (the hash of struct flt_hash). */
static inline uint32_t flt_hash_of(const char *s, size_t len)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ (uint8_t)s[i]) * 16777619u;
	return h;
}

/*
 * Build h over vals[0..n) (when n >= FLT_HASH_MIN; else h stays empty). 0 or -ENOMEM.
 * Free with free(h->slots).
 */
int flt_hash_build(struct flt_hash *h, const struct flt_val *vals, size_t n);

/*
 * Whether s (len bytes) is one of the n values of vals (sorted by flt_val_order()),
 * through h when it was built.
 */
static inline bool flt_strs_has(const struct flt_val *vals, size_t n, const struct flt_hash *h,
				const char *s, size_t len)
{
	uint32_t i, v;

	if (!h->slots)
		return flt_vals_has(vals, n, s, len);
	for (i = flt_hash_of(s, len) & h->mask; (v = h->slots[i]) != 0; i = (i + 1) & h->mask)
		if (vals[v - 1].len == len && memcmp(vals[v - 1].str, s, len) == 0)
			return true;
	return false;
}

static inline bool flt_bit(const uint8_t *bits, unsigned i)
{
	return bits[i >> 3] & (1u << (i & 7));
}

static inline void flt_set_bit(uint8_t *bits, unsigned i, bool v)
{
	if (v)
		bits[i >> 3] |= (uint8_t)(1u << (i & 7));
	else
		bits[i >> 3] &= (uint8_t)~(1u << (i & 7));
}

/*
 * Whether evt can match f at all, from its type (and the syscall id of a generic
 * event) alone, as sinsp_filter_match() decides before it evaluates anything
 * (run_types: a check on an fd.* field is false on a type without an fd); false
 * means it does not match, whatever its fields.
 */
static inline bool flt_evt_may_match(const struct sinsp_filter *f, const struct sinsp_evt *evt)
{
	unsigned type = evt->ref.type;

	if (type >= SCAP_EVT_MAX)
		return true;
	if (!flt_bit(f->run_types, type))
		return false;
	return !sinsp_type_is_generic(type) ||
	       flt_generic_may_match(f, evt);
}

#endif /* SINSP_FILTER_INT_H */

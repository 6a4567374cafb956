/* SPDX-License-Identifier: Apache-2.0 */
/*
 * filter_assume.c - whether a compiled filter can be true for the events of one key
 * (an event type, or a generic event's direction and syscall id) on a TCP socket: the
 * tree evaluated in three values (false, true, unknown) with evt.type and evt.dir known
 * from the key, fd.l4proto known to be "tcp", every other check unknown. The probe
 * leaves out the events the rules cannot match this way (docs/scryd-capture.md).
 */
#include "filter/filter.h"

enum tri { T_FALSE, T_TRUE, T_UNKNOWN };

static enum tri tri_of(bool v)
{
	return v ? T_TRUE : T_FALSE;
}

/* A check on evt.type or evt.dir for the events of key @key (as check_keys() of
 * filter_eval.c reads the per-type tables). */
static enum tri by_type_key(const struct flt_check *c, unsigned key)
{
	unsigned x, id;

	if (key < SCAP_EVT_MAX) {
		/* a generic type's evt.type depends on its syscall id */
		if (c->is_evt_type && sinsp_type_is_generic(key))
			return T_UNKNOWN;
		return tri_of(flt_bit(c->type_true, key));
	}
	x = (key - SCAP_EVT_MAX) / (SCAP_SC_MAX + 1);
	id = (key - SCAP_EVT_MAX) % (SCAP_SC_MAX + 1);
	if (!c->is_evt_type)
		return tri_of(flt_bit(c->type_true, x ? SCAP_EVT_GENERIC_X : SCAP_EVT_GENERIC_E));
	return tri_of(id < SCAP_SC_MAX ? flt_bit(c->sc_true, id) : c->sc_unknown_true);
}

static enum tri check_tcp(const struct flt_check *c, unsigned key)
{
	if (c->never)
		return T_FALSE;
	if (c->by_type)
		return by_type_key(c, key);
	if (c->ref.def->cls == FIELD_CLASS_FD && c->ref.def->id == F_FD_L4PROTO && !c->special &&
	    c->vtype == FVT_STR)
		return tri_of(flt_cmp_str(c, "tcp", 3));
	return T_UNKNOWN;
}

static enum tri node_tcp(const struct flt_node *n, unsigned key)
{
	enum tri r, k;
	size_t i;

	switch (n->kind) {
	case FN_CHECK:
		return check_tcp(&n->check, key);
	case FN_NOT:
		r = node_tcp(n->kids[0], key);
		return r == T_UNKNOWN ? r : tri_of(r == T_FALSE);
	case FN_AND:
	case FN_OR:
		r = n->kind == FN_AND ? T_TRUE : T_FALSE;
		for (i = 0; i < n->nkids; i++) {
			k = node_tcp(n->kids[i], key);
			if (n->kind == FN_AND ? k == T_FALSE : k == T_TRUE)
				return k;
			if (k == T_UNKNOWN)
				r = T_UNKNOWN;
		}
		return r;
	}
	return T_UNKNOWN;
}

bool flt_may_match_tcp(const struct sinsp_filter *f, unsigned key)
{
	if (key >= FLT_KEYS || !flt_bit(f->run_types, key))
		return false;
	return !f->root || node_tcp(f->root, key) != T_FALSE;
}

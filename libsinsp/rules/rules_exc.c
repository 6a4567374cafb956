/* SPDX-License-Identifier: Apache-2.0 */
/*
 * rules_exc.c - rule exceptions: read from YAML (list form `fields: [f1, f2]` with
 * `comps` defaulting to '=' and value tuples; single-field form `fields: f` with
 * `comps` defaulting to 'in' and a list of values), checked (fields known, operators
 * allowed, lengths equal), and turned into the text appended to the rule's condition:
 *
 *   (cond) and not ((f1 c1 v1 and f2 c2 v2) or (...))
 *
 * one parenthesised clause per tuple. A value that is a YAML list becomes "(a, b)"; a
 * plain string compared with a list operator is wrapped in parentheses (so a list name
 * expands); values with blanks, parentheses or commas are quoted.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "rules/rules.h"
#include "rules/rules_yaml.h"
#include "util/grow.h"

static struct rl_pos pos_at(size_t src, const struct ry_node *n)
{
	struct rl_pos p = { .src = src };

	if (n) {
		p.line = n->line;
		p.column = n->column;
		p.offset = n->offset;
	}
	return p;
}

/* A message about exception e (item type "exception", item name the exception's, as Falco). */
#define EMSG(r, e, src, n, code, ...) ({ struct rl_pos _p = pos_at(src, n); \
	rl_msg(r, &_p, code, "exception", (e)->name ? (e)->name : "", __VA_ARGS__); })

static bool is_list_op(const char *op)
{
	return !strcmp(op, "in") || !strcmp(op, "intersects") || !strcmp(op, "pmatch");
}

/* One value as condition text: quoted when it has blanks, parentheses or commas. */
static void add_quoted(struct strbuf *b, const char *v)
{
	const char *p;

	if (*v && !strpbrk(v, " \t\r\n(),") && *v != '"' && *v != '\'') {
		strbuf_adds(b, v);
		return;
	}
	if ((*v == '"' || *v == '\'') && strlen(v) >= 2 && v[strlen(v) - 1] == *v) {
		strbuf_adds(b, v);   /* quoted already */
		return;
	}
	strbuf_addc(b, '"');
	for (p = v; *p; p++) {
		if (*p == '"' || *p == '\\')
			strbuf_addc(b, '\\');
		strbuf_addc(b, *p);
	}
	strbuf_addc(b, '"');
}

/* The text of value node n compared with operator op. NULL on a bad node or no memory. */
static char *render_value(const struct ry_node *n, const char *op)
{
	struct strbuf b = { 0 };
	size_t i;

	if (n->kind == RY_MAP)
		return NULL;
	if (n->kind == RY_SEQ) {
		strbuf_addc(&b, '(');
		for (i = 0; i < n->nkids; i++) {
			if (n->kids[i]->kind != RY_SCALAR) {
				strbuf_free(&b);
				return NULL;
			}
			if (i)
				strbuf_adds(&b, ", ");
			add_quoted(&b, n->kids[i]->str);
		}
		strbuf_addc(&b, ')');
	} else if (is_list_op(op) && n->str[0] != '(') {
		strbuf_addc(&b, '(');
		add_quoted(&b, n->str);
		strbuf_addc(&b, ')');
	} else if (is_list_op(op)) {
		strbuf_adds(&b, n->str);
	} else {
		add_quoted(&b, n->str);
	}
	if (!b.buf)
		strbuf_grow(&b, 1);
	return b.buf;
}

void rl_exception_free(struct rl_exception *e)
{
	size_t i;

	free(e->name);
	for (i = 0; i < e->nvalues; i++)
		rl_strv_free(e->values[i], e->nfields);
	free(e->values);
	rl_strv_free(e->fields, e->nfields);
	rl_strv_free(e->comps, e->nfields);
	memset(e, 0, sizeof(*e));
}

/* Read fields and comps of a new exception from node. */
static int read_shape(struct sinsp_rules *r, size_t src, const struct ry_node *n, struct rl_exception *e,
		      bool append)
{
	const struct ry_node *f = ry_get(n, "fields"), *c = ry_get(n, "comps");
	size_t i;

	if ((!f || ry_is_null(f)) && append)
		return EMSG(r, e, src, n, SINSP_RULES_ERR_VALIDATE,
			    "Rule exception must have fields property with a list of fields");
	if (!f || ry_is_null(f))
		return EMSG(r, e, src, n, SINSP_RULES_ERR_YAML_VALIDATE, "Item has no mapping for key 'fields'");
	e->single = f->kind == RY_SCALAR;
	e->nfields = e->single ? 1 : f->nkids;
	if (f->kind == RY_MAP || !e->nfields)
		return EMSG(r, e, src, f, SINSP_RULES_ERR_YAML_VALIDATE,
			    "Fields of exception '%s' must be a field or a list of fields", e->name);
	e->fields = calloc(e->nfields, sizeof(char *));
	e->comps = calloc(e->nfields, sizeof(char *));
	if (!e->fields || !e->comps)
		return -ENOMEM;
	for (i = 0; i < e->nfields; i++) {
		const struct ry_node *fi = e->single ? f : f->kids[i];

		if (fi->kind != RY_SCALAR)
			return EMSG(r, e, src, fi, SINSP_RULES_ERR_YAML_VALIDATE,
				    "Fields of exception '%s' must be strings", e->name);
		e->fields[i] = strdup(fi->str);
		if (!e->fields[i])
			return -ENOMEM;
	}
	if (c && !ry_is_null(c)) {
		size_t nc = c->kind == RY_SCALAR ? 1 : c->nkids;

		if (c->kind == RY_MAP || (c->kind == RY_SCALAR) != e->single || nc != e->nfields)
			return EMSG(r, e, src, c, SINSP_RULES_ERR_VALIDATE, "Fields and comps lists must have equal length");
		for (i = 0; i < nc; i++) {
			const struct ry_node *ci = e->single ? c : c->kids[i];

			if (ci->kind != RY_SCALAR)
				return EMSG(r, e, src, ci, SINSP_RULES_ERR_YAML_VALIDATE,
					    "Comps of exception '%s' must be strings", e->name);
			e->comps[i] = strdup(ci->str);
			if (!e->comps[i])
				return -ENOMEM;
		}
	} else {
		for (i = 0; i < e->nfields; i++) {
			e->comps[i] = strdup(e->single ? "in" : "=");
			if (!e->comps[i])
				return -ENOMEM;
		}
	}
	return 0;
}

/* Append the value tuples of node vals to e. */
static int read_values(struct sinsp_rules *r, size_t src, const struct ry_node *vals, struct rl_exception *e)
{
	size_t i, k;

	if (ry_is_null(vals))
		return 0;
	if (vals->kind != RY_SEQ)
		return EMSG(r, e, src, vals, SINSP_RULES_ERR_YAML_VALIDATE,
			    "Values of exception '%s' must be a list", e->name);
	if (e->single) {
		/* one tuple: the single field against all the values, as one list */
		struct strbuf b = { 0 };
		char **t;

		if (!vals->nkids)
			return 0;
		strbuf_addc(&b, '(');
		for (i = 0; i < vals->nkids; i++) {
			const struct ry_node *v = vals->kids[i];

			if (v->kind != RY_SCALAR) {
				strbuf_free(&b);
				return EMSG(r, e, src, v, SINSP_RULES_ERR_YAML_VALIDATE,
					    "Values of single-field exception '%s' must be strings", e->name);
			}
			if (i)
				strbuf_adds(&b, ", ");
			add_quoted(&b, v->str);
		}
		strbuf_addc(&b, ')');
		t = sinsp_grow(e->values, e->nvalues, sizeof(*e->values));
		if (!t) {
			strbuf_free(&b);
			return -ENOMEM;
		}
		e->values = (char ***)t;
		e->values[e->nvalues] = calloc(1, sizeof(char *));
		if (!e->values[e->nvalues]) {
			strbuf_free(&b);
			return -ENOMEM;
		}
		e->values[e->nvalues++][0] = b.buf;
		return 0;
	}
	for (i = 0; i < vals->nkids; i++) {
		const struct ry_node *t = vals->kids[i];
		char ***nv;

		if (t->kind != RY_SEQ || t->nkids != e->nfields)
			return EMSG(r, e, src, t, SINSP_RULES_ERR_VALIDATE, "Fields and values lists must have equal length");
		nv = sinsp_grow(e->values, e->nvalues, sizeof(*e->values));
		if (!nv)
			return -ENOMEM;
		e->values = nv;
		nv[e->nvalues] = calloc(e->nfields, sizeof(char *));
		if (!nv[e->nvalues])
			return -ENOMEM;
		e->nvalues++;
		for (k = 0; k < e->nfields; k++) {
			nv[e->nvalues - 1][k] = render_value(t->kids[k], e->comps[k]);
			if (!nv[e->nvalues - 1][k])
				return t->kids[k]->kind == RY_MAP ?
				       EMSG(r, e, src, t->kids[k], SINSP_RULES_ERR_YAML_VALIDATE,
					    "A value of exception '%s' is a map", e->name) : -ENOMEM;
		}
	}
	return 0;
}

int rl_exceptions_read(struct sinsp_rules *r, struct rl_rule *rule, const struct ry_node *node,
		       size_t src, bool append)
{
	size_t i, k;
	int rc;

	if (ry_is_null(node))
		return 0;
	if (node->kind != RY_SEQ)
		return EMSG(r, rule, src, node, SINSP_RULES_ERR_YAML_VALIDATE, "Value of key 'exceptions' must be a list");
	for (i = 0; i < node->nkids; i++) {
		const struct ry_node *n = node->kids[i], *name = ry_get(n, "name");
		const struct ry_node *vals = ry_get(n, "values");
		struct rl_exception *e;

		if (n->kind != RY_MAP || !name || name->kind != RY_SCALAR) {
			struct rl_pos p = pos_at(src, n);

			return rl_msg(r, &p, SINSP_RULES_ERR_YAML_VALIDATE, "exception", "",
				      "Item has no mapping for key 'name'");
		}
		for (k = 0; k < rule->nexc && strcmp(rule->exc[k].name, name->str); k++)
			;
		if (k < rule->nexc && append) {
			e = &rule->exc[k];
			if (ry_is_null(vals) || (vals->kind == RY_SEQ && !vals->nkids))
				if ((rc = EMSG(r, e, src, n, SINSP_RULES_WARN_APPEND_NO_VALUES,
					       "Overriding/appending exception '%s' with no values", e->name)))
					return rc;
			if ((rc = read_values(r, src, vals, e)))
				return rc;
			continue;
		}
		if (k < rule->nexc) {
			struct rl_pos p = pos_at(src, name);

			rc = rl_msg(r, &p, SINSP_RULES_WARN_EXCEPTION_NAME_NOT_UNIQUE, "exception", name->str,
				    "Multiple definitions of exception '%s' in the same rule", name->str);
			if (rc)
				return rc;
		}
		e = sinsp_grow(rule->exc, rule->nexc, sizeof(*e));
		if (!e)
			return -ENOMEM;
		rule->exc = e;
		e = &rule->exc[rule->nexc++];
		memset(e, 0, sizeof(*e));
		e->name = strdup(name->str);
		e->pos = pos_at(src, n);
		if (!e->name)
			return -ENOMEM;
		if ((rc = read_shape(r, src, n, e, append)) || (rc = read_values(r, src, vals, e)))
			return rc;
	}
	return 0;
}

int rl_exceptions_check(struct sinsp_rules *r, struct rl_rule *rule)
{
	static const char *const ops[] = {
		"=", "==", "!=", "<", "<=", ">", ">=", "in", "intersects", "pmatch", "startswith",
		"endswith", "contains", "icontains", "glob", "bcontains", "bstartswith", NULL
	};
	size_t i, k, o;

	for (i = 0; i < rule->nexc; i++) {
		const struct rl_exception *e = &rule->exc[i];

		for (k = 0; k < e->nfields; k++) {
			struct field_ref ref;
			size_t n = sinsp_field_parse(e->fields[k], &ref);

			if (n)
				sinsp_field_ref_free(&ref);
			if (!n || n != strlen(e->fields[k]))
				return rl_msg(r, &e->pos, SINSP_RULES_ERR_VALIDATE, "exception", e->name,
					      "'%s' is not a supported filter field", e->fields[k]);
			for (o = 0; ops[o] && strcmp(ops[o], e->comps[k]); o++)
				;
			if (!ops[o] || (e->single && !is_list_op(e->comps[k])))
				return rl_msg(r, &e->pos, SINSP_RULES_ERR_VALIDATE, "exception", e->name,
					      "'%s' is not a supported comparison operator%s", e->comps[k],
					      e->single && ops[o] ?
					      " for a single field (in, pmatch or intersects)" : "");
		}
	}
	return 0;
}

void rl_exceptions_condition(const struct rl_rule *rule, struct strbuf *out)
{
	bool any = false;
	size_t i, t, k;

	for (i = 0; i < rule->nexc; i++) {
		const struct rl_exception *e = &rule->exc[i];

		for (t = 0; t < e->nvalues; t++) {
			strbuf_adds(out, any ? " or (" : " and not ((");
			any = true;
			for (k = 0; k < e->nfields; k++) {
				if (k)
					strbuf_adds(out, " and ");
				strbuf_adds(out, e->fields[k]);
				strbuf_addc(out, ' ');
				strbuf_adds(out, e->comps[k]);
				strbuf_addc(out, ' ');
				strbuf_adds(out, e->values[t][k]);
			}
			strbuf_addc(out, ')');
		}
	}
	if (any)
		strbuf_addc(out, ')');
}

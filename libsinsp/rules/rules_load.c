/* SPDX-License-Identifier: Apache-2.0 */
/*
 * rules_load.c - the items of a rules file (YAML documents, each a sequence of maps)
 * read into lists, macros and rules: definitions, redefinitions (in place), legacy
 * `append: true`, `override: {KEY: append|replace}`, enabled-only toggles,
 * required_engine_version and required_plugin_versions. A file stops at its first
 * error. Conditions are kept as text: rules_compile.c expands and compiles them.
 */
#define _GNU_SOURCE /* asprintf, vasprintf */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "rules/rules.h"
#include "rules/rules_yaml.h"
#include "util/grow.h"

/* The item being read: where it is and what it is, for messages. */
struct item {
	struct sinsp_rules *r;
	size_t src;
	const struct ry_node *node;
	const char *type;     /* "rule", "macro", ... */
	const char *name;     /* "" until known */
	const char *text;     /* the file's text */
	size_t len;
};

static struct rl_pos pos_of(const struct item *it, const struct ry_node *n)
{
	struct rl_pos p = { .src = it->src };

	if (!n)
		n = it->node;
	if (n) {
		p.line = n->line;
		p.column = n->column;
		p.offset = n->offset;
	}
	return p;
}

/* Keep the source of scalar n (a condition) into *cs. */
static int keep_src(const struct item *it, const struct ry_node *n, struct rl_cond_src *cs)
{
	free(cs->src);
	memset(cs, 0, sizeof(*cs));
	if (!n || n->end_offset <= n->offset || n->end_offset > it->len)
		return 0;
	cs->len = n->end_offset - n->offset;
	cs->vlen = n->len;
	cs->src = strndup(it->text + n->offset, cs->len);
	return cs->src ? 0 : -ENOMEM;
}

static struct rl_pos map_pos(const struct rl_pos *start, const struct rl_cond_src *src, const char *text,
			     size_t off)
{
	struct rl_pos p = *start;

	if (!src->src || off > src->vlen ||
	    !ry_locate(src->src, src->len, start->line, start->column, start->offset, text, off, &p.line,
		       &p.column, &p.offset))
		return *start;
	return p;
}

struct rl_pos rl_cond_pos(const struct rl_cond_loc *loc, const char *cond, size_t off)
{
	if (!loc->appended)
		return map_pos(&loc->pos, &loc->src, cond, off);
	if (off < loc->app_off || loc->app_off > strlen(cond))
		return loc->app_pos;
	return map_pos(&loc->app_pos, &loc->app_src, cond + loc->app_off, off - loc->app_off);
}

void rl_cond_loc_free(struct rl_cond_loc *loc)
{
	free(loc->src.src);
	free(loc->app_src.src);
	memset(loc, 0, sizeof(*loc));
}

/* A new condition text from scalar n of it: defined or replaced. */
static int cond_defined(const struct item *it, const struct ry_node *n, struct rl_cond_loc *loc)
{
	rl_cond_loc_free(loc);
	loc->pos = pos_of(it, n);
	return keep_src(it, n, &loc->src);
}

/* Text appended to a condition (now cond_len bytes before the " " and the text). */
static int cond_appended(const struct item *it, const struct ry_node *n, size_t cond_len,
			 struct rl_cond_loc *loc)
{
	loc->appended = true;
	loc->app_pos = pos_of(it, n);
	loc->app_off = cond_len + 1;
	return keep_src(it, n, &loc->app_src);
}

#define MSG(it, n, code, ...) ({ struct rl_pos _p = pos_of(it, n); \
	rl_msg((it)->r, &_p, code, (it)->type, (it)->name, __VA_ARGS__); })

void rl_strv_free(char **v, size_t n)
{
	size_t i;

	for (i = 0; v && i < n; i++)
		free(v[i]);
	free(v);
}

static int strv_push(char ***v, size_t *n, const char *s)
{
	char **nv = sinsp_grow(*v, *n, sizeof(**v));
	char *c = strdup(s);

	if (!nv || !c) {
		free(c);
		if (nv)
			*v = nv;
		return -ENOMEM;
	}
	*v = nv;
	nv[(*n)++] = c;
	return 0;
}

/* ---- typed values of keys ------------------------------------------------------------ */

/* The string value of key: *out points into the tree (NULL when absent). */
static int get_str(struct item *it, const char *key, bool required, const char **out,
		   const struct ry_node **where)
{
	const struct ry_node *v = ry_get(it->node, key);

	*out = NULL;
	if (where)
		*where = v;
	if (!ry_key(it->node, key)) {
		if (required)
			return MSG(it, NULL, SINSP_RULES_ERR_YAML_VALIDATE, "Item has no mapping for key '%s'", key);
		return 0;
	}
	if (!v || v->kind != RY_SCALAR)
		return MSG(it, v, SINSP_RULES_ERR_YAML_VALIDATE, "Value of key '%s' must be a string", key);
	*out = v->str;
	return 0;
}

static bool parse_bool(const char *s, bool *out)
{
	if (!strcmp(s, "true") || !strcmp(s, "True") || !strcmp(s, "TRUE") || !strcmp(s, "yes"))
		*out = true;
	else if (!strcmp(s, "false") || !strcmp(s, "False") || !strcmp(s, "FALSE") || !strcmp(s, "no"))
		*out = false;
	else
		return false;
	return true;
}

/* The boolean value of key into *out (left alone when absent); *present says whether it was there. */
static int get_bool(struct item *it, const char *key, bool *out, bool *present)
{
	const struct ry_node *v = ry_get(it->node, key);

	if (present)
		*present = false;
	if (!ry_key(it->node, key))
		return 0;
	if (!v || v->kind != RY_SCALAR || !parse_bool(v->str, out))
		return MSG(it, v, SINSP_RULES_ERR_YAML_VALIDATE, "Value of key '%s' must be true or false", key);
	if (present)
		*present = true;
	return 0;
}

/* The scalars of a sequence (a null is an empty one) into a new string array. */
static int get_strv(struct item *it, const struct ry_node *v, const char *key, char ***out, size_t *n)
{
	size_t i;

	*out = NULL;
	*n = 0;
	if (ry_is_null(v))
		return 0;
	if (v->kind != RY_SEQ)
		return MSG(it, v, SINSP_RULES_ERR_YAML_VALIDATE, "Value of key '%s' must be a sequence", key);
	for (i = 0; i < v->nkids; i++) {
		if (v->kids[i]->kind != RY_SCALAR) {
			rl_strv_free(*out, *n);
			*out = NULL;
			*n = 0;
			return MSG(it, v->kids[i], SINSP_RULES_ERR_YAML_VALIDATE,
				   "Items of key '%s' must be strings", key);
		}
		if (strv_push(out, n, v->kids[i]->str))
			return -ENOMEM;
	}
	return 0;
}

/* Warn about keys outside known (NULL-terminated). */
static int check_keys(struct item *it, const char *const *known)
{
	size_t i, k;
	int rc;

	for (i = 0; i + 1 < it->node->nkids; i += 2) {
		const struct ry_node *key = it->node->kids[i];

		for (k = 0; known[k]; k++)
			if (key->kind == RY_SCALAR && strcmp(key->str, known[k]) == 0)
				break;
		if (!known[k]) {
			rc = MSG(it, key, SINSP_RULES_WARN_UNKNOWN_KEY, "Unknown key '%s'",
				 key->kind == RY_SCALAR ? key->str : "?");
			if (rc)
				return rc;
		}
	}
	return 0;
}

/* ---- append / override ---------------------------------------------------------------- */

enum how { HOW_DEFINE, HOW_APPEND, HOW_REPLACE };

/* How the item's key applies: define (no override), or the override's entry for it. */
struct mode {
	bool legacy_append;          /* append: true */
	const struct ry_node *ovr;   /* the override map, or NULL */
};

static enum how how_for(const struct mode *m, const char *key)
{
	const struct ry_node *v;

	if (m->legacy_append)
		return HOW_APPEND;
	if (!m->ovr)
		return HOW_DEFINE;
	v = ry_get(m->ovr, key);
	if (!v || v->kind != RY_SCALAR)
		return HOW_DEFINE;
	return strcmp(v->str, "append") == 0 ? HOW_APPEND : HOW_REPLACE;
}

/*
 * Read `append` and `override`, and check the override against the item's keys:
 * appendable (may be appended or replaced) and replaceable (replaced only) name the keys
 * allowed. Errors: both append and override; an entry that is not append/replace or
 * names a key that cannot take it; a key of the item with no entry; an entry for a key
 * the item lacks.
 */
static int read_mode(struct item *it, const char *const *appendable, const char *const *replaceable,
		     struct mode *m)
{
	const struct ry_node *ovr = ry_get(it->node, "override");
	bool append = false, has_append;
	size_t i, k;
	int rc;

	memset(m, 0, sizeof(*m));
	rc = get_bool(it, "append", &append, &has_append);
	if (rc)
		return rc;
	if (ry_key(it->node, "override") && has_append)
		return MSG(it, NULL, SINSP_RULES_ERR_YAML_VALIDATE,
			   "Keys 'override' and 'append: true' cannot be used together");
	m->legacy_append = append;
	if (!ry_key(it->node, "override"))
		return 0;
	if (!ovr || ovr->kind != RY_MAP)
		return MSG(it, ovr, SINSP_RULES_ERR_YAML_VALIDATE, "Value of key 'override' must be a map");
	m->ovr = ovr;
	for (i = 0; i + 1 < ovr->nkids; i += 2) {
		const struct ry_node *key = ovr->kids[i], *val = ovr->kids[i + 1];
		bool is_append = val->kind == RY_SCALAR && strcmp(val->str, "append") == 0;
		bool can_append = false, can_replace = false;

		if (val->kind != RY_SCALAR || (!is_append && strcmp(val->str, "replace") != 0))
			return MSG(it, val, SINSP_RULES_ERR_YAML_VALIDATE,
				   "Override of key '%s' must be 'append' or 'replace'", key->str);
		for (k = 0; appendable[k]; k++)
			can_append |= strcmp(appendable[k], key->str) == 0;
		for (k = 0; replaceable[k]; k++)
			can_replace |= strcmp(replaceable[k], key->str) == 0;
		if (is_append && !can_append)
			return MSG(it, val, SINSP_RULES_ERR_YAML_VALIDATE, can_replace ?
				   "Key '%s' cannot be appended to, use 'replace' instead" :
				   "Key '%s' cannot be overridden", key->str);
		if (!is_append && !can_append && !can_replace)
			return MSG(it, val, SINSP_RULES_ERR_YAML_VALIDATE, "Key '%s' cannot be overridden",
				   key->str);
		if (!ry_key(it->node, key->str))
			return MSG(it, key, SINSP_RULES_ERR_YAML_VALIDATE,
				   "An override is defined for '%s' but the item has no such key", key->str);
	}
	for (i = 0; i + 1 < it->node->nkids; i += 2) {
		const char *key = it->node->kids[i]->str;

		if (strcmp(key, it->type) == 0 || strcmp(key, "override") == 0)
			continue;
		if (!ry_key(ovr, key))
			return MSG(it, it->node->kids[i], SINSP_RULES_ERR_YAML_VALIDATE,
				   "Key '%s' has no override entry: with 'override', every key must say append or replace",
				   key);
	}
	return 0;
}

/* Falco's words: "List has 'append' key but no list by that name already exists". */
static int missing_target(struct item *it, const struct mode *m)
{
	return MSG(it, NULL, SINSP_RULES_ERR_VALIDATE,
		   "%c%s has '%s' key but no %s by that name already exists",
		   it->type[0] - 'a' + 'A', it->type + 1, m->legacy_append ? "append" : "override", it->type);
}

static int deprecated_append(struct item *it)
{
	return MSG(it, ry_key(it->node, "append"), SINSP_RULES_WARN_DEPRECATED_ITEM,
		   "The 'append' key is deprecated: use 'override'");
}

/* Name: letters, digits and underscores, not starting with a digit (Falco's check). */
static bool valid_name(const char *s)
{
	if (!*s || (*s >= '0' && *s <= '9'))
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
		      *s == '_'))
			return false;
	return true;
}

/* The unknown-source check: items of another source are skipped with a warning. */
static int source_ok(struct item *it, const char **src, bool *skip)
{
	const struct ry_node *where;
	int rc = get_str(it, "source", false, src, &where);

	*skip = false;
	if (rc || !*src || strcmp(*src, "syscall") == 0)
		return rc;
	*skip = true;
	return MSG(it, where, SINSP_RULES_WARN_UNKNOWN_SOURCE, "Unknown source %s, skipping", *src);
}

/* ---- lists and macros ----------------------------------------------------------------- */

static const char *const list_keys[] = { "list", "items", "append", "override", "source", NULL };
static const char *const list_appendable[] = { "items", NULL };
static const char *const none[] = { NULL };

static int read_list(struct item *it)
{
	struct sinsp_rules *r = it->r;
	const struct ry_node *items = ry_get(it->node, "items");
	const char *src;
	struct rl_list *l;
	char **v = NULL;
	struct mode m;
	size_t n = 0, i;
	long idx;
	bool skip;
	int rc;

	if ((rc = check_keys(it, list_keys)) || (rc = read_mode(it, list_appendable, none, &m)) ||
	    (rc = source_ok(it, &src, &skip)) || skip)
		return rc;
	if (!valid_name(it->name) && (rc = MSG(it, NULL, SINSP_RULES_WARN_INVALID_LIST_NAME,
					      "List has an invalid name. List names should match a regular expression: ^[a-zA-Z_][a-zA-Z0-9_]*$")))
		return rc;
	if (m.legacy_append && (rc = deprecated_append(it)))
		return rc;
	if (!ry_key(it->node, "items"))
		return MSG(it, NULL, SINSP_RULES_ERR_YAML_VALIDATE, "Item has no mapping for key 'items'");
	if ((rc = get_strv(it, items, "items", &v, &n)))
		return rc;
	idx = rl_names_get(&r->list_names, it->name, r->lists, sizeof(*r->lists));
	if (how_for(&m, "items") != HOW_DEFINE) {
		if (idx < 0) {
			rl_strv_free(v, n);
			return missing_target(it, &m);
		}
		if (!n && (rc = MSG(it, items, SINSP_RULES_WARN_APPEND_NO_VALUES,
				    "Overriding/appending list with no values"))) {
			rl_strv_free(v, n);
			return rc;
		}
		l = &r->lists[idx];
		if (how_for(&m, "items") == HOW_REPLACE) {
			rl_strv_free(l->items, l->nitems);
			l->items = NULL;
			l->nitems = 0;
		}
		for (i = 0; i < n; i++)
			if (strv_push(&l->items, &l->nitems, v[i])) {
				rl_strv_free(v, n);
				return -ENOMEM;
			}
		rl_strv_free(v, n);
		return 0;
	}
	if (idx < 0) {
		l = sinsp_grow(r->lists, r->nlists, sizeof(*l));
		if (!l)
			return rl_strv_free(v, n), -ENOMEM;
		r->lists = l;
		l = &r->lists[r->nlists];
		memset(l, 0, sizeof(*l));
		l->name = strdup(it->name);
		if (!l->name || rl_names_put(&r->list_names, it->name, r->nlists))
			return free(l->name), rl_strv_free(v, n), -ENOMEM;
		r->nlists++;
	} else {
		l = &r->lists[idx];   /* a redefinition replaces it in place */
		rl_strv_free(l->items, l->nitems);
	}
	l->items = v;
	l->nitems = n;
	l->pos = pos_of(it, NULL);
	return 0;
}

static const char *const macro_keys[] = { "macro", "condition", "append", "override", "source", NULL };
static const char *const macro_appendable[] = { "condition", NULL };

/* old + " " + add, into *dst (freed). */
static int append_text(char **dst, const char *add)
{
	char *s = NULL;

	if (asprintf(&s, "%s %s", *dst ? *dst : "", add) < 0)
		return -ENOMEM;
	free(*dst);
	*dst = s;
	return 0;
}

static int read_macro(struct item *it)
{
	struct sinsp_rules *r = it->r;
	const struct ry_node *cnode;
	const char *cond, *src;
	struct rl_macro *mc;
	struct mode m;
	bool skip;
	long idx;
	int rc;

	if ((rc = check_keys(it, macro_keys)) || (rc = read_mode(it, macro_appendable, none, &m)) ||
	    (rc = source_ok(it, &src, &skip)) || skip)
		return rc;
	if (!valid_name(it->name) && (rc = MSG(it, NULL, SINSP_RULES_WARN_INVALID_MACRO_NAME,
					      "Macro has an invalid name. Macro names should match a regular expression: ^[a-zA-Z_][a-zA-Z0-9_]*$")))
		return rc;
	if (m.legacy_append && (rc = deprecated_append(it)))
		return rc;
	if ((rc = get_str(it, "condition", true, &cond, &cnode)))
		return rc;
	idx = rl_names_get(&r->macro_names, it->name, r->macros, sizeof(*r->macros));
	if (how_for(&m, "condition") != HOW_DEFINE) {
		if (idx < 0)
			return missing_target(it, &m);
		mc = &r->macros[idx];
		if (how_for(&m, "condition") == HOW_APPEND)
			return cond_appended(it, cnode, strlen(mc->cond), &mc->cloc) ? -ENOMEM :
			       append_text(&mc->cond, cond);
		free(mc->cond);
		mc->cond = strdup(cond);
		return mc->cond ? cond_defined(it, cnode, &mc->cloc) : -ENOMEM;
	}
	if (idx < 0) {
		mc = sinsp_grow(r->macros, r->nmacros, sizeof(*mc));
		if (!mc)
			return -ENOMEM;
		r->macros = mc;
		mc = &r->macros[r->nmacros];
		memset(mc, 0, sizeof(*mc));
		mc->name = strdup(it->name);
		if (!mc->name || rl_names_put(&r->macro_names, it->name, r->nmacros))
			return free(mc->name), -ENOMEM;
		r->nmacros++;
	} else {
		mc = &r->macros[idx];
		free(mc->cond);
	}
	mc->cond = strdup(cond);
	mc->pos = pos_of(it, NULL);
	return mc->cond ? cond_defined(it, cnode, &mc->cloc) : -ENOMEM;
}

/* ---- rules ----------------------------------------------------------------------------- */

static const char *const rule_keys[] = {
	"rule", "condition", "output", "desc", "priority", "enabled", "tags", "exceptions", "source",
	"warn_evttypes", "skip-if-unknown-filter", "append", "override", "required_plugin_versions",
	"capture", "capture_duration", NULL
};
static const char *const rule_appendable[] = { "condition", "output", "desc", "tags", "exceptions", NULL };
static const char *const rule_replaceable[] = {
	"priority", "enabled", "warn_evttypes", "skip-if-unknown-filter", NULL
};

static int tags_union(struct rl_rule *rule, char **v, size_t n)
{
	size_t i, k;

	for (i = 0; i < n; i++) {
		for (k = 0; k < rule->ntags && strcmp(rule->tags[k], v[i]); k++)
			;
		if (k == rule->ntags && strv_push(&rule->tags, &rule->ntags, v[i]))
			return -ENOMEM;
	}
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Apply the keys of item it (define, append or replace each) onto rule. */
static int rule_apply(struct item *it, struct rl_rule *rule, const struct mode *m, bool define)
{
	static const char *const text_keys[] = { "condition", "output", "desc", NULL };
	const struct ry_node *where;
	const char *s;
	char **v = NULL;
	size_t n, k;
	int rc, p;

	for (k = 0; text_keys[k]; k++) {
		char **dst = k == 0 ? &rule->cond : k == 1 ? &rule->output : &rule->desc;

		if ((rc = get_str(it, text_keys[k], false, &s, &where)))
			return rc;
		if (!s)
			continue;
		if (how_for(m, text_keys[k]) == HOW_APPEND && !define) {
			if (k == 0 && cond_appended(it, where, *dst ? strlen(*dst) : 0, &rule->cloc))
				return -ENOMEM;
			if (append_text(dst, s))
				return -ENOMEM;
		} else {
			free(*dst);
			*dst = strdup(s);
			if (!*dst)
				return -ENOMEM;
			if (k == 0 && cond_defined(it, where, &rule->cloc))
				return -ENOMEM;
			if (k == 1)
				rule->output_pos = pos_of(it, where);
		}
	}
	if ((rc = get_str(it, "priority", false, &s, &where)))
		return rc;
	if (s) {
		p = sinsp_priority_parse(s);
		if (p < 0)
			return MSG(it, where, SINSP_RULES_ERR_YAML_VALIDATE, "Invalid priority '%s'", s);
		rule->prio = (enum sinsp_priority)p;
	}
	if ((rc = get_bool(it, "enabled", &rule->enabled, NULL)) ||
	    (rc = get_bool(it, "warn_evttypes", &rule->warn_evttypes, NULL)) ||
	    (rc = get_bool(it, "skip-if-unknown-filter", &rule->skip_unknown, NULL)))
		return rc;
	if (ry_key(it->node, "tags")) {
		if ((rc = get_strv(it, ry_get(it->node, "tags"), "tags", &v, &n)))
			return rc;
		if (how_for(m, "tags") != HOW_APPEND || define) {
			rl_strv_free(rule->tags, rule->ntags);
			rule->tags = NULL;
			rule->ntags = 0;
		}
		rc = tags_union(rule, v, n);
		rl_strv_free(v, n);
		if (rc)
			return rc;
		if (rule->ntags > 1)
			qsort(rule->tags, rule->ntags, sizeof(*rule->tags), cmp_str);
	}
	if (ry_key(it->node, "exceptions")) {
		bool append = how_for(m, "exceptions") == HOW_APPEND && !define;

		if (!append) {
			for (k = 0; k < rule->nexc; k++)
				rl_exception_free(&rule->exc[k]);
			rule->nexc = 0;
		}
		rc = rl_exceptions_read(it->r, rule, ry_get(it->node, "exceptions"), it->src, append);
		if (rc)
			return rc;
	}
	return 0;
}

static int read_rule(struct item *it)
{
	static const char *const required[] = { "condition", "output", "desc", "priority", NULL };
	struct sinsp_rules *r = it->r;
	struct rl_rule *rule;
	const char *src;
	struct mode m;
	size_t k;
	long idx;
	bool skip;
	int rc;

	if ((rc = check_keys(it, rule_keys)) ||
	    (rc = read_mode(it, rule_appendable, rule_replaceable, &m)) ||
	    (rc = source_ok(it, &src, &skip)) || skip)
		return rc;
	idx = rl_names_get(&r->rule_names, it->name, r->rules, sizeof(*r->rules));
	if (m.legacy_append || m.ovr) {
		if (m.legacy_append && (rc = deprecated_append(it)))
			return rc;
		if (idx < 0)
			return missing_target(it, &m);
		if (m.legacy_append && !ry_key(it->node, "condition") && !ry_key(it->node, "exceptions"))
			return MSG(it, NULL, SINSP_RULES_ERR_VALIDATE,
				   "Appended rule must have exceptions or condition property");
		if (m.legacy_append)
			for (k = 0; rule_keys[k]; k++)
				if (strcmp(rule_keys[k], "condition") && strcmp(rule_keys[k], "exceptions") &&
				    strcmp(rule_keys[k], "rule") && strcmp(rule_keys[k], "append") &&
				    ry_key(it->node, rule_keys[k]))
					return MSG(it, ry_key(it->node, rule_keys[k]), SINSP_RULES_ERR_YAML_VALIDATE,
						   "Key '%s' cannot be appended to with 'append: true'", rule_keys[k]);
		return rule_apply(it, &r->rules[idx], &m, false);
	}
	/* only rule and enabled: toggles an earlier rule (deprecated) */
	if (it->node->nkids == 4 && ry_key(it->node, "enabled")) {
		if (idx < 0)
			return MSG(it, NULL, SINSP_RULES_ERR_VALIDATE,
				   "Rule has 'enabled' key but no rule by that name already exists");
		if ((rc = MSG(it, ry_key(it->node, "enabled"), SINSP_RULES_WARN_DEPRECATED_ITEM,
			      "Changing 'enabled' with an item of only 'rule' and 'enabled' is deprecated: use 'override: {enabled: replace}'")))
			return rc;
		return get_bool(it, "enabled", &r->rules[idx].enabled, NULL);
	}
	for (k = 0; required[k]; k++)
		if (!ry_key(it->node, required[k]))
			return MSG(it, NULL, SINSP_RULES_ERR_YAML_VALIDATE, "Item has no mapping for key '%s'",
				   required[k]);
	if (idx < 0) {
		rule = sinsp_grow(r->rules, r->nrules, sizeof(*rule));
		if (!rule)
			return -ENOMEM;
		r->rules = rule;
		rule = &r->rules[r->nrules];
		memset(rule, 0, sizeof(*rule));
		rule->name = strdup(it->name);
		if (!rule->name || rl_names_put(&r->rule_names, it->name, r->nrules))
			return free(rule->name), -ENOMEM;
		r->nrules++;
	} else {
		char *name = r->rules[idx].name;   /* redefined: replaced in its position */

		rule = &r->rules[idx];
		r->rules[idx].name = NULL;
		rl_rule_free(rule);
		memset(rule, 0, sizeof(*rule));
		rule->name = name;
	}
	rule->enabled = true;
	rule->warn_evttypes = true;
	rule->source = strdup(src ? src : "syscall");
	rule->pos = pos_of(it, NULL);
	if (!rule->source)
		return -ENOMEM;
	return rule_apply(it, rule, &m, true);
}

/* ---- files ------------------------------------------------------------------------------ */

static int read_item(struct sinsp_rules *r, size_t src, const struct ry_node *n, const char *text,
		     size_t len)
{
	static const char *const kinds[] = { "rule", "macro", "list", NULL };
	struct item it = { .r = r, .src = src, .node = n, .type = "", .name = "", .text = text, .len = len };
	const struct ry_node *name;
	size_t k;

	if (n->kind != RY_MAP) {
		it.type = "rules content item";
		return MSG(&it, n, SINSP_RULES_ERR_YAML_VALIDATE,
			   "Unexpected element type. Each element should be a yaml associative array.");
	}
	if (ry_key(n, "required_engine_version"))
		return rl_read_engine_version(r, src, n);
	if (ry_key(n, "required_plugin_versions"))
		return rl_read_plugin_versions(r, src, n);
	for (k = 0; kinds[k]; k++) {
		if (!ry_key(n, kinds[k]))
			continue;
		it.type = kinds[k];
		name = ry_get(n, kinds[k]);
		if (!name || name->kind != RY_SCALAR || !name->len)
			return MSG(&it, name, SINSP_RULES_ERR_YAML_VALIDATE, "Mapping for key '%s' is empty",
				   kinds[k]);
		it.name = name->str;
		return k == 0 ? read_rule(&it) : k == 1 ? read_macro(&it) : read_list(&it);
	}
	it.type = "rules content";
	return MSG(&it, n, SINSP_RULES_WARN_UNKNOWN_ITEM, "Unknown top level item");
}

int rl_load_text(struct sinsp_rules *r, const char *name, const char *text, size_t len)
{
	struct rl_pos pos = { 0 };
	unsigned line, column;
	struct ry_doc doc;
	char msg[256];
	size_t d, i;
	long src;
	int rc = 0;

	src = rl_result_new(r, name);
	if (src < 0)
		return (int)src;
	pos.src = (size_t)src;
	rc = ry_parse(text, len, &doc, msg, sizeof(msg), &line, &column);
	if (rc == -ENOMEM)
		return rc;
	if (rc) {
		pos.line = line;
		pos.column = column;
		return rl_msg(r, &pos, SINSP_RULES_ERR_YAML_PARSE, "rules content", "", "%s", msg);
	}
	for (d = 0; d < doc.nroots && !rc; d++) {
		const struct ry_node *root = doc.roots[d];

		if (ry_is_null(root))
			continue;
		if (root->kind != RY_SEQ) {
			pos.line = root->line;
			pos.column = root->column;
			pos.offset = root->offset;
			rc = rl_msg(r, &pos, SINSP_RULES_ERR_YAML_VALIDATE, "rules content", "",
				    root->kind == RY_SCALAR ? "Rules content is not yaml" :
				    "Rules content is not yaml array of objects");
			break;
		}
		for (i = 0; i < root->nkids && !rc; i++)
			if (!ry_is_null(root->kids[i]))
				rc = read_item(r, (size_t)src, root->kids[i], text, len);
	}
	ry_free(&doc);
	return rc;
}

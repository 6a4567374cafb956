/* SPDX-License-Identifier: Apache-2.0 */
/*
 * rules_compile.c - everything loaded turned into compiled filters and formatters:
 * lists expanded in order (an item naming an earlier list stands for its items), each
 * macro compiled once to check it (it sees the macros defined before it), each rule's
 * condition with its exceptions compiled once (macros expanded in the parsed condition,
 * list names in value lists expanded into sets), outputs compiled, the index by event
 * type built, and the warnings of what is unused or too broad.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "rules/rules.h"
#include "util/grow.h"

/* Rules matching more event types than this get LOAD_NO_EVTTYPE (Falco's threshold). */
#define RL_MAX_EVTTYPES 100

/* The name of len bytes as a NUL-terminated string in a small buffer, or NULL (too long). */
static const char *name_z(char *buf, size_t size, const char *name, size_t len)
{
	if (len >= size)
		return NULL;
	memcpy(buf, name, len);
	buf[len] = 0;
	return buf;
}

static const char *macro_cb(void *ctx, const char *name, size_t len, const char **err)
{
	struct sinsp_rules *r = ctx;
	const char *z;
	char buf[256];
	long i;

	z = name_z(buf, sizeof(buf), name, len);
	if (!z)
		return NULL;
	i = rl_names_get(&r->macro_names, z, r->macros, sizeof(*r->macros));
	if (i < 0 || (size_t)i >= r->macro_visible)
		return NULL;
	if (r->macros[i].compiling) {
		*err = "reference loop in macro";
		return NULL;
	}
	r->macros[i].compiling = true;
	r->macros[i].used = true;
	return r->macros[i].cond;
}

static void macro_done_cb(void *ctx, const char *name, size_t len)
{
	struct sinsp_rules *r = ctx;
	char buf[256];
	long i;

	if (!name_z(buf, sizeof(buf), name, len))
		return;
	i = rl_names_get(&r->macro_names, buf, r->macros, sizeof(*r->macros));
	if (i >= 0)
		r->macros[i].compiling = false;
}

static char *const *list_cb(void *ctx, const char *name, size_t len, size_t *n)
{
	static char *const empty[1];
	struct sinsp_rules *r = ctx;
	char buf[256];
	long i;

	if (!name_z(buf, sizeof(buf), name, len))
		return NULL;
	i = rl_names_get(&r->list_names, buf, r->lists, sizeof(*r->lists));
	if (i < 0)
		return NULL;
	r->lists[i].used = true;
	*n = r->lists[i].nitems;
	return r->lists[i].items ? r->lists[i].items : empty;
}

/* Items of each list with the names of earlier lists replaced by their items. */
static int expand_lists(struct sinsp_rules *r)
{
	size_t i, k, j;

	for (i = 0; i < r->nlists; i++) {
		struct rl_list *l = &r->lists[i];
		char **out = NULL;
		size_t n = 0;
		bool any = false;

		for (k = 0; k < l->nitems; k++) {
			long ref = rl_names_get(&r->list_names, l->items[k], r->lists, sizeof(*r->lists));

			any |= ref >= 0 && (size_t)ref < i;
		}
		if (!any)
			continue;
		for (k = 0; k < l->nitems; k++) {
			long ref = rl_names_get(&r->list_names, l->items[k], r->lists, sizeof(*r->lists));
			const struct rl_list *src = ref >= 0 && (size_t)ref < i ? &r->lists[ref] : NULL;
			size_t cnt = src ? src->nitems : 1;

			for (j = 0; j < cnt; j++) {
				char **g = sinsp_grow(out, n, sizeof(*out));

				if (!g)
					return rl_strv_free(out, n), -ENOMEM;
				out = g;
				out[n] = strdup(src ? src->items[j] : l->items[k]);
				if (!out[n])
					return rl_strv_free(out, n), -ENOMEM;
				n++;
			}
			if (src)
				r->lists[ref].used = true;
		}
		rl_strv_free(l->items, l->nitems);
		l->items = out;
		l->nitems = n;
	}
	return 0;
}

/* Whether the last error is about a field scry does not know. */
static bool unknown_field_error(const struct sinsp_rules *r)
{
	const char *e = r->s->errbuf;

	return e && (strstr(e, "unknown field") || strstr(e, "unknown event argument"));
}

/* LOAD_UNSAFE_NA_CHECK where a condition compares with the text <NA>. */
static int na_check(struct sinsp_rules *r, const struct rl_pos *start, const struct rl_cond_src *src,
		    const char *cond, const char *type, const char *name)
{
	const char *na = strstr(cond, "<NA>");
	struct rl_pos at;

	if (!na)
		return 0;
	at = rl_cond_pos(start, src, cond, (size_t)(na - cond));
	return rl_msg(r, &at, SINSP_RULES_WARN_UNSAFE_NA_CHECK, type, name,
		      "Condition compares a field with <NA>: a field that does not resolve never equals it");
}

static int compile_macros(struct sinsp_rules *r)
{
	const struct flt_names names = { r, macro_cb, macro_done_cb, list_cb };
	struct sinsp_filter *f;
	size_t i, at;
	int rc, mrc;

	for (i = 0; i < r->nmacros; i++) {
		struct rl_macro *m = &r->macros[i];

		r->macro_visible = i;
		m->compiling = true;   /* a macro naming itself is a loop */
		rc = flt_compile_names(r->s, m->cond, &names, &f, &at);
		m->compiling = false;
		if (rc == -ENOMEM)
			return rc;
		sinsp_filter_free(f);
		if (rc == 0) {
			m->compiled_ok = true;
		} else {
			struct rl_pos at_pos = rl_cond_pos(&m->cond_pos, &m->cond_src, m->cond, at);

			mrc = rl_msg(r, &at_pos, unknown_field_error(r) ? SINSP_RULES_WARN_UNKNOWN_FILTER :
				     SINSP_RULES_ERR_COMPILE_CONDITION, "macro", m->name, "%s",
				     r->s->errbuf);
			if (mrc == -ENOMEM)
				return mrc;
		}
		if (na_check(r, &m->cond_pos, &m->cond_src, m->cond, "macro", m->name) == -ENOMEM)
			return -ENOMEM;
	}
	return 0;
}

/* The output with %container.info replaced by Falco's default expansion. */
static char *expand_output(const char *out)
{
	static const char info[] = "%container.info", repl[] = "container_id=%container.id container_name=%container.name";
	struct strbuf b = { 0 };
	const char *p;

	strbuf_addc(&b, '*');  /* fields that do not resolve print <NA> */
	while ((p = strstr(out, info)) && !((p[sizeof(info) - 1] >= 'a' && p[sizeof(info) - 1] <= 'z') ||
					     p[sizeof(info) - 1] == '_' || p[sizeof(info) - 1] == '.')) {
		strbuf_add(&b, out, (size_t)(p - out));
		strbuf_adds(&b, repl);
		out = p + sizeof(info) - 1;
	}
	strbuf_adds(&b, out);
	return b.buf;
}

static size_t count_types(const struct sinsp_filter *f)
{
	size_t n = 0;
	unsigned t;

	for (t = 0; t < SCAP_EVT_MAX; t++)
		n += sinsp_filter_type_may_match(f, (uint16_t)t);
	return n;
}

/* Compile one rule's condition and output; 0, -ENOMEM, or -EINVAL (message added). */
static int compile_rule(struct sinsp_rules *r, struct rl_rule *rule)
{
	const struct flt_names names = { r, macro_cb, macro_done_cb, list_cb };
	struct strbuf cond = { 0 };
	char *out;
	size_t at = 0;
	int rc;

	if ((rc = rl_exceptions_check(r, rule)))
		return rc;
	strbuf_addc(&cond, '(');
	strbuf_adds(&cond, rule->cond ? rule->cond : "");
	strbuf_addc(&cond, ')');
	rl_exceptions_condition(rule, &cond);
	r->macro_visible = r->nmacros;
	rc = flt_compile_names(r->s, cond.buf, &names, &rule->filter, &at);
	strbuf_free(&cond);
	if (rc == -ENOMEM)
		return rc;
	if (rc) {
		/* the condition is wrapped in parentheses: its byte at is at - 1 of what was written */
		struct rl_pos at_pos = rl_cond_pos(&rule->cond_pos, &rule->cond_src, rule->cond ? rule->cond : "",
						   at ? at - 1 : 0);

		if (rule->skip_unknown && unknown_field_error(r))
			return rl_msg(r, &at_pos, SINSP_RULES_WARN_UNKNOWN_FILTER, "rule", rule->name,
				      "%s (the rule is skipped: skip-if-unknown-filter)", r->s->errbuf);
		return rl_msg(r, &at_pos, SINSP_RULES_ERR_COMPILE_CONDITION, "rule", rule->name, "%s",
			      r->s->errbuf);
	}
	if ((rc = na_check(r, &rule->cond_pos, &rule->cond_src, rule->cond, "rule", rule->name)))
		return rc;
	rule->nevttypes = count_types(rule->filter);
	if (rule->warn_evttypes && rule->nevttypes > RL_MAX_EVTTYPES &&
	    (rc = rl_msg(r, &rule->cond_pos, SINSP_RULES_WARN_NO_EVTTYPE, "rule", rule->name,
			 "Rule matches too many evt.type values (%zu). This has a significant performance penalty.",
			 rule->nevttypes)))
		return rc;
	out = expand_output(rule->output ? rule->output : "");
	if (!out)
		return -ENOMEM;
	rc = sinsp_formatter_new(r->s, out, SINSP_OUTPUT_TEXT, &rule->text);
	if (!rc)
		rc = sinsp_formatter_new(r->s, out, SINSP_OUTPUT_JSON, &rule->json);
	free(out);
	if (rc == -ENOMEM)
		return rc;
	if (rc)
		return rl_msg(r, &rule->output_pos, SINSP_RULES_ERR_COMPILE_OUTPUT, "rule", rule->name, "%s",
			      r->s->errbuf);
	return 0;
}

static int build_index(struct sinsp_rules *r)
{
	unsigned k;
	size_t i;

	r->by_type = calloc(FLT_KEYS + 1, sizeof(*r->by_type));
	r->by_type_n = calloc(FLT_KEYS + 1, sizeof(*r->by_type_n));
	if (!r->by_type || !r->by_type_n)
		return -ENOMEM;
	for (k = 0; k <= FLT_KEYS; k++) {
		for (i = 0; i < r->nrules; i++) {
			const struct rl_rule *rule = &r->rules[i];
			uint32_t *g;

			if (!rule->filter || !rule->text || (k < FLT_KEYS && !flt_bit(rule->filter->types, k)))
				continue;
			g = sinsp_grow(r->by_type[k], r->by_type_n[k], sizeof(*g));
			if (!g)
				return -ENOMEM;
			r->by_type[k] = g;
			g[r->by_type_n[k]++] = (uint32_t)i;
		}
	}
	return 0;
}

static int unused_warnings(struct sinsp_rules *r)
{
	size_t i;

	for (i = 0; i < r->nmacros; i++)
		if (!r->macros[i].used &&
		    rl_msg(r, &r->macros[i].pos, SINSP_RULES_WARN_UNUSED_MACRO, "macro", r->macros[i].name,
			   "Macro not referred to by any other rule/macro") == -ENOMEM)
			return -ENOMEM;
	for (i = 0; i < r->nlists; i++)
		if (!r->lists[i].used &&
		    rl_msg(r, &r->lists[i].pos, SINSP_RULES_WARN_UNUSED_LIST, "list", r->lists[i].name,
			   "List not referred to by any other rule/macro") == -ENOMEM)
			return -ENOMEM;
	return 0;
}

int sinsp_rules_compile(struct sinsp_rules *r)
{
	bool ok = true;
	size_t i;
	int rc;

	if (!r)
		return -EINVAL;
	if (r->compiled)
		return -EBUSY;
	r->compiled = true;
	for (i = 0; i < r->nresults; i++)
		ok &= r->results[i].ok;
	if (!ok)
		return -EINVAL;
	if ((rc = expand_lists(r)) || (rc = compile_macros(r)))
		return rc;
	for (i = 0; i < r->nrules; i++) {
		rc = compile_rule(r, &r->rules[i]);
		if (rc == -ENOMEM)
			return rc;
	}
	if ((rc = unused_warnings(r)) || (rc = build_index(r)))
		return rc;
	for (i = 0; i < r->nresults; i++)
		ok &= r->results[i].ok;
	r->compile_ok = ok;
	rl_select(r);
	return ok ? 0 : -EINVAL;
}

void rl_rule_free(struct rl_rule *rule)
{
	size_t i;

	free(rule->name);
	free(rule->cond);
	free(rule->cond_src.src);
	free(rule->output);
	free(rule->desc);
	free(rule->source);
	rl_strv_free(rule->tags, rule->ntags);
	for (i = 0; i < rule->nexc; i++)
		rl_exception_free(&rule->exc[i]);
	free(rule->exc);
	sinsp_filter_free(rule->filter);
	sinsp_formatter_free(rule->text);
	sinsp_formatter_free(rule->json);
	memset(rule, 0, sizeof(*rule));
}

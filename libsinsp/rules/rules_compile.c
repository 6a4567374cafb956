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

#include "format/format.h"
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

/* The load result code of a condition's compile error. */
static enum sinsp_rules_code cond_code(const struct flt_error *e)
{
	return e->kind == FLT_ERR_UNDEFINED_MACRO || e->kind == FLT_ERR_MACRO_LOOP ?
	       SINSP_RULES_ERR_VALIDATE : SINSP_RULES_ERR_COMPILE_CONDITION;
}

/* LOAD_UNSAFE_NA_CHECK where a condition compares with the text <NA>. */
static int na_check(struct sinsp_rules *r, const struct rl_cond_loc *loc, const char *cond,
		    const char *type, const char *name)
{
	const char *na = strstr(cond, "<NA>");
	struct rl_pos at;

	if (!na)
		return 0;
	at = rl_cond_pos(loc, cond, (size_t)(na - cond));
	return rl_msg(r, &at, SINSP_RULES_WARN_UNSAFE_NA_CHECK, type, name,
		      "Condition compares a field with <NA>: a field that does not resolve never equals it");
}

static int compile_macros(struct sinsp_rules *r)
{
	const struct flt_names names = { r, macro_cb, macro_done_cb, list_cb };
	struct sinsp_filter *f;
	struct flt_error e;
	size_t i;
	int rc, mrc;

	for (i = 0; i < r->nmacros; i++) {
		struct rl_macro *m = &r->macros[i];

		r->macro_visible = i;
		m->compiling = true;   /* a macro naming itself is a loop */
		rc = flt_compile_names(r->s, m->cond, &names, &f, &e);
		m->compiling = false;
		if (rc == -ENOMEM)
			return rc;
		sinsp_filter_free(f);
		if (rc) {
			struct rl_pos at_pos = rl_cond_pos(&m->cloc, m->cond, e.at);

			/* a field unknown here fails the rules that use the macro, not the macro */
			mrc = rl_msg(r, &at_pos, e.kind == FLT_ERR_UNKNOWN_FIELD ? SINSP_RULES_WARN_UNKNOWN_FILTER :
				     cond_code(&e), "macro", m->name, "%s", r->s->errbuf);
			if (mrc == -ENOMEM)
				return mrc;
		}
		if (na_check(r, &m->cloc, m->cond, "macro", m->name) == -ENOMEM)
			return -ENOMEM;
	}
	return 0;
}

/*
 * The output with %container.info replaced by Falco's default expansion or by the -p
 * extra, and the extra appended (sinsp_rules_set_output_extra()), after '*' (a field
 * that does not resolve prints <NA>); with_time: "%evt.time " first, as Falco's alert
 * format has it (for the JSON output fields).
 */
static char *expand_output(const struct sinsp_rules *r, const char *out, bool with_time)
{
	static const char info[] = "%container.info", deflt[] = "container_id=%container.id container_name=%container.name";
	const char *repl = r->extra_replaces ? r->extra : deflt;
	struct strbuf b = { 0 };
	bool had_info = false;
	const char *p;
	size_t n;

	strbuf_adds(&b, with_time ? "*%evt.time " : "*");
	/* trimmed, as Falco: a folded scalar (output: >) ends with a line break */
	while (*out == ' ' || *out == '\t' || *out == '\n' || *out == '\r')
		out++;
	while ((p = strstr(out, info)) && !((p[sizeof(info) - 1] >= 'a' && p[sizeof(info) - 1] <= 'z') ||
					     p[sizeof(info) - 1] == '_' || p[sizeof(info) - 1] == '.')) {
		strbuf_add(&b, out, (size_t)(p - out));
		strbuf_adds(&b, repl);
		out = p + sizeof(info) - 1;
		had_info = true;
	}
	strbuf_adds(&b, out);
	if (!b.buf)
		return NULL;
	for (n = b.len; n && (b.buf[n - 1] == ' ' || b.buf[n - 1] == '\t' || b.buf[n - 1] == '\n' ||
			      b.buf[n - 1] == '\r'); n--)
		;
	b.buf[n] = 0;
	b.len = n;
	/* Falco appends after trimming the rule's text: " " and the extra */
	if (r->extra && !(had_info && r->extra_replaces)) {
		strbuf_addc(&b, ' ');
		strbuf_adds(&b, r->extra);
	}
	return b.buf;
}

/* The first %token of an output that names no field (Falco's "invalid formatting token X"). */
static bool bad_token(const char *fmt, char *tok, size_t size)
{
	const char *p;

	for (p = strchr(fmt, '%'); p; p = strchr(p + 1, '%')) {
		struct field_ref ref;
		size_t n = sinsp_field_parse(p + 1, &ref);

		if (n) {
			sinsp_field_ref_free(&ref);
			continue;
		}
		n = strspn(p + 1, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.[]-");
		if (!n)
			continue;
		snprintf(tok, size, "%.*s", (int)n, p + 1);
		return true;
	}
	return false;
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
	struct flt_error e;
	char *out;
	int rc;

	if ((rc = rl_exceptions_check(r, rule)))
		return rc;
	strbuf_addc(&cond, '(');
	strbuf_adds(&cond, rule->cond ? rule->cond : "");
	strbuf_addc(&cond, ')');
	rl_exceptions_condition(rule, &cond);
	r->macro_visible = r->nmacros;
	rc = flt_compile_names(r->s, cond.buf, &names, &rule->filter, &e);
	strbuf_free(&cond);
	if (rc == -ENOMEM)
		return rc;
	if (rc && e.kind == FLT_ERR_SYNTAX && rule->cond) {
		/*
		 * A syntax error is the bare condition's when it has one (an unclosed '(' or
		 * list would otherwise be blamed on the closing parenthesis added here): its
		 * message and position then, counted from the condition's first byte + 1.
		 */
		struct sinsp_filter *bare = NULL;
		struct flt_error be;
		int brc = flt_compile_names(r->s, rule->cond, &names, &bare, &be);

		sinsp_filter_free(bare);
		if (brc == -ENOMEM)
			return brc;
		if (brc) {
			e = be;
			e.at++;
		}
	}
	if (rc) {
		/* the condition is wrapped in parentheses: its byte at is at - 1 of what was written */
		struct rl_pos at_pos = rl_cond_pos(&rule->cloc, rule->cond ? rule->cond : "", e.at ? e.at - 1 : 0);

		/* skip-if-unknown-filter: the rule is left out, with a warning */
		if (rule->skip_unknown && e.kind == FLT_ERR_UNKNOWN_FIELD)
			return rl_msg(r, &at_pos, SINSP_RULES_WARN_UNKNOWN_FILTER, "rule", rule->name, "%s",
				      r->s->errbuf);
		return rl_msg(r, &at_pos, cond_code(&e), "rule", rule->name, "%s", r->s->errbuf);
	}
	if ((rc = na_check(r, &rule->cloc, rule->cond, "rule", rule->name)))
		return rc;
	rule->nevttypes = count_types(rule->filter);
	if (rule->warn_evttypes && rule->nevttypes > RL_MAX_EVTTYPES &&
	    (rc = rl_msg(r, &rule->cloc.pos, SINSP_RULES_WARN_NO_EVTTYPE, "rule", rule->name,
			 "Rule matches too many evt.type values (%zu). This has a significant performance penalty.",
			 rule->nevttypes)))
		return rc;
	out = expand_output(r, rule->output ? rule->output : "", false);
	if (!out)
		return -ENOMEM;
	rc = sinsp_formatter_new(r->s, out, SINSP_OUTPUT_TEXT, &rule->text);
	free(out);
	/* Falco's output fields: its alert format starts with %evt.time, a number in JSON */
	out = rc ? NULL : expand_output(r, rule->output ? rule->output : "", true);
	if (!rc && !out)
		return -ENOMEM;
	if (!rc)
		rc = sinsp_formatter_new_alert_json(r->s, out, &rule->json);
	free(out);
	if (rc == -ENOMEM)
		return rc;
	if (rc) {
		char tok[128];

		if (bad_token(rule->output ? rule->output : "", tok, sizeof(tok)))
			return rl_msg(r, &rule->output_pos, SINSP_RULES_ERR_COMPILE_OUTPUT, "rule", rule->name,
				      "invalid formatting token %s", tok);
		return rl_msg(r, &rule->output_pos, SINSP_RULES_ERR_COMPILE_OUTPUT, "rule", rule->name, "%s",
			      r->s->errbuf);
	}
	return 0;
}

/*
 * Key k of the index is the enter event of a syscall: an enter type whose exit is
 * emitted (not SCAP_EF_UNUSED) and that is no internal event, or a generic enter event.
 */
static bool syscall_enter_key(unsigned k)
{
	if (k >= SCAP_EVT_MAX)
		return k < FLT_GENERIC_KEY(1, 0);
	return scap_evt_is_enter((uint16_t)k) && k + 1 < SCAP_EVT_MAX &&
	       !(scap_evt_table[k].flags & SCAP_EF_UNUSED) &&
	       !(scap_evt_table[k + 1].flags & SCAP_EF_UNUSED) &&
	       scap_evt_table[k].category != SCAP_EC_INTERNAL;
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

			if (!rule->filter || !rule->text || (k < FLT_KEYS && !flt_bit(rule->filter->run_types, k)) ||
			    (rule->exit_only && syscall_enter_key(k)))
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
	rl_cond_loc_free(&rule->cloc);
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

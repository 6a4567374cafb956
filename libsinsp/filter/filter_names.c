/* SPDX-License-Identifier: Apache-2.0 */
/*
 * filter_names.c - the names a rules engine adds to the filter language (struct
 * flt_names): macros, whose condition text is parsed in place of their name (a loop
 * is an error), and lists, whose items stand for an unquoted list name among the
 * values of in/intersects/pmatch (each item taken as written, one level of quotes
 * removed, so an empty list leaves nothing behind).
 */
#include <string.h>

#include "filter/filter.h"
#include "filter/filter_parser.h"

bool flt_add_list_value(struct parser *p, struct flt_check *c, size_t at, const struct strbuf *text,
			bool single)
{
	char *const *items;
	struct strbuf item = { 0 };
	size_t n = 0, i, len;
	bool ok = true;

	if (!p->names || !p->names->list || p->src[at] == '"' || p->src[at] == '\'' ||
	    !(items = p->names->list(p->names->ctx, text->buf, text->len, &n)) || (single && n != 1))
		return flt_add_value(p, c, at, text);
	for (i = 0; i < n && ok; i++) {
		const char *v = items[i];

		len = strlen(v);
		strbuf_reset(&item);
		if (len >= 2 && (v[0] == '"' || v[0] == '\'') && v[len - 1] == v[0])
			strbuf_add(&item, v + 1, len - 2);
		else
			strbuf_add(&item, v, len);
		ok = flt_add_value(p, c, at, &item);
	}
	strbuf_free(&item);
	return ok;
}

bool flt_is_macro_word(const struct parser *p)
{
	size_t i = p->pos;

	while (flt_is_ident(p->src[i]) && p->src[i] != '.')
		i++;
	return i > p->pos && p->src[i] != '.' && p->src[i] != '[';
}

struct flt_node *flt_parse_macro(struct parser *p)
{
	const char *name = p->src + p->pos, *text, *err = NULL, *save_src, *save_macro;
	size_t len = 0, save_pos, save_len;
	struct flt_node *n;

	while (flt_is_ident(name[len]))
		len++;
	text = p->names->macro(p->names->ctx, name, len, &err);
	if (!text && err)
		return flt_perr_kind(p, FLT_ERR_MACRO_LOOP, name, len, p->pos, "Reference loop in macro '%.*s'",
				     (int)len, name);
	if (!text)
		return flt_perr_kind(p, FLT_ERR_UNDEFINED_MACRO, name, len, p->pos,
				     "Undefined macro '%.*s' used in filter.", (int)len, name);
	if (!p->in_macro++)
		p->use_at = p->pos;
	save_src = p->src, save_pos = p->pos + len;
	save_macro = p->macro, save_len = p->macro_len;
	p->src = text;
	p->pos = 0;
	p->macro = name;
	p->macro_len = len;
	flt_skip_blank(p);
	n = p->src[p->pos] ? flt_parse_or(p) : flt_perr(p, 0, "Macro '%.*s' is empty", (int)len, name);
	if (n) {
		flt_skip_blank(p);
		if (p->src[p->pos]) {
			flt_perr_unexpected(p, "the macro");
			flt_node_free(n);
			n = NULL;
		}
	}
	p->names->macro_done(p->names->ctx, name, len);
	p->src = save_src;
	p->pos = save_pos;
	p->macro = save_macro;
	p->macro_len = save_len;
	p->in_macro--;
	return n;
}

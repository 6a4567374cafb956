/* SPDX-License-Identifier: Apache-2.0 */
/*
 * filter_parser.h - the parser's state and the helpers filter_parse.c (the language)
 * shares with filter_names.c (the names a rules engine adds: macros and lists).
 */
#ifndef SINSP_FILTER_PARSER_H
#define SINSP_FILTER_PARSER_H

#include "filter/filter.h"
#include "util/strbuf.h"

struct parser {
	struct sinsp *s;
	const char *src;
	size_t pos;
	unsigned depth;
	bool failed;
	int code;                       /* -EINVAL or -ENOMEM once failed */
	const struct flt_names *names;  /* macros and lists (rules), or NULL */
	unsigned in_macro;              /* depth of macro expansion */
	size_t use_at;                  /* byte of the outermost macro use in the expression */
	const char *macro;              /* innermost macro being parsed (macro_len bytes) */
	size_t macro_len;
	struct flt_error err;           /* the first error */
};

/*
 * Record the first error (later ones are consequences): its byte (where the outermost
 * macro is used, inside one) and message; returns NULL. With names, the message alone
 * (the caller positions it); else "filter error at byte N: ..." (or "... of macro 'm'").
 */
void *flt_perr(struct parser *p, size_t at, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* flt_perr() with the kind of the error and the name it is about (len bytes). */
void *flt_perr_kind(struct parser *p, enum flt_err_kind kind, const char *name, size_t len, size_t at,
		    const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* Out of memory: recorded once; returns NULL. */
void *flt_pnomem(struct parser *p);
bool flt_is_ident(char c);
void flt_skip_blank(struct parser *p);
/* How the rest of the input starts, for messages: "'abc'" or "the end of the filter". */
const char *flt_describe_here(const struct parser *p, char *buf, size_t size);
/* Convert the text of a value for check c and append it to c's values. */
bool flt_add_value(struct parser *p, struct flt_check *c, size_t at, const struct strbuf *text);
struct flt_node *flt_parse_or(struct parser *p);
/*
 * "Expected 'and', 'or' or the end" at the cursor; with names (rules), Falco's wording:
 * "unexpected token after 'TOKEN', expecting 'or', 'and'" (TOKEN: the one before the
 * cursor). what: "the filter", "the macro", "')' to close the '(' at byte N".
 */
void *flt_perr_unexpected(struct parser *p, const char *what);

/* filter_names.c */
/*
 * A value: an unquoted list name stands for its items (single: the value of an operator
 * that takes one, where a list of exactly one item stands for that item, as Falco's text
 * substitution makes "proc.name=my_list" of it; any other list stays a literal word).
 */
bool flt_add_list_value(struct parser *p, struct flt_check *c, size_t at, const struct strbuf *text,
			bool single);
/* Whether a macro's name (a bare word without '.') starts at the cursor (with names). */
bool flt_is_macro_word(const struct parser *p);
/* The macro named at the cursor: its condition parsed in place. */
struct flt_node *flt_parse_macro(struct parser *p);

#endif /* SINSP_FILTER_PARSER_H */

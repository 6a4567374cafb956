/* SPDX-License-Identifier: Apache-2.0 */
/*
 * filter_parse.c - filter expressions parsed by recursive descent and compiled into a
 * tree of checks whose values are parsed once (numbers cut to the field's width,
 * lists sorted, hex decoded), with the byte offset and what was expected on error.
 *
 *   expr    := and ('or' and)*
 *   and     := unary ('and' unary)*
 *   unary   := 'not' unary | '(' expr ')' | check
 *   check   := FIELD 'exists' | FIELD OP VALUE | FIELD LISTOP '(' [VALUE (',' VALUE)*] ')'
 *
 * Keywords are whole words: "not_x" and "order" are field names, not operators.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "filter/filter.h"
#include "filter/filter_parser.h"
#include "util/grow.h"

#define FLT_MAX_DEPTH 200 /* nested parentheses/nots; deeper input is refused */


static const struct {
	const char *word;
	enum flt_op op;
	bool is_word;   /* needs a word boundary after it */
} ops[] = {
	{ "==", FOP_EQ, false }, { "=", FOP_EQ, false }, { "!=", FOP_NE, false },
	{ "<=", FOP_LE, false }, { "<", FOP_LT, false }, { ">=", FOP_GE, false },
	{ ">", FOP_GT, false },
	{ "contains", FOP_CONTAINS, true }, { "icontains", FOP_ICONTAINS, true },
	{ "bcontains", FOP_BCONTAINS, true }, { "startswith", FOP_STARTSWITH, true },
	{ "bstartswith", FOP_BSTARTSWITH, true }, { "endswith", FOP_ENDSWITH, true },
	{ "glob", FOP_GLOB, true }, { "pmatch", FOP_PMATCH, true },
	{ "intersects", FOP_INTERSECTS, true }, { "in", FOP_IN, true },
	{ "exists", FOP_EXISTS, true },
};

static const char *op_name(enum flt_op op)
{
	size_t i;

	for (i = 1; i < sizeof(ops) / sizeof(ops[0]); i++) /* from 1: "=" rather than "==" */
		if (ops[i].op == op)
			return ops[i].word;
	return "?";
}

static void vperr(struct parser *p, size_t at, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));

static void vperr(struct parser *p, size_t at, const char *fmt, va_list ap)
{
	char msg[SCAP_ERRBUF_SIZE];

	vsnprintf(msg, sizeof(msg), fmt, ap);
	p->failed = true;
	p->code = -EINVAL;
	p->err.at = p->in_macro ? p->use_at : at;
	if (p->names)
		sinsp_err(p->s, -EINVAL, "%s", msg);
	else if (p->in_macro)
		sinsp_err(p->s, -EINVAL, "filter error at byte %zu of macro '%.*s': %s", at,
			  (int)p->macro_len, p->macro, msg);
	else
		sinsp_err(p->s, -EINVAL, "filter error at byte %zu: %s", at, msg);
}

void *flt_perr(struct parser *p, size_t at, const char *fmt, ...)
{
	va_list ap;

	if (p->failed)
		return NULL;
	va_start(ap, fmt);
	vperr(p, at, fmt, ap);
	va_end(ap);
	return NULL;
}

void *flt_perr_kind(struct parser *p, enum flt_err_kind kind, const char *name, size_t len, size_t at,
		    const char *fmt, ...)
{
	va_list ap;

	if (p->failed)
		return NULL;
	va_start(ap, fmt);
	vperr(p, at, fmt, ap);
	va_end(ap);
	p->err.kind = kind;
	snprintf(p->err.name, sizeof(p->err.name), "%.*s", (int)len, name);
	return NULL;
}

void *flt_perr_unexpected(struct parser *p, const char *what)
{
	size_t end = p->pos, start;
	char here[32];

	if (!p->names)
		return flt_perr(p, p->pos, "expected 'and', 'or' or %s, found %s", what,
				flt_describe_here(p, here, sizeof(here)));
	/* the token before the cursor: a ')' or a word up to a blank, '(', ',' or operator */
	while (end && (p->src[end - 1] == ' ' || p->src[end - 1] == '\t' || p->src[end - 1] == '\n' ||
		       p->src[end - 1] == '\r'))
		end--;
	if (end && p->src[end - 1] == ')')
		start = end - 1;
	else
		for (start = end; start && !strchr(" \t\n\r(),=<>!", p->src[start - 1]); start--)
			;
	if (start == end && end)
		start = end - 1;
	return flt_perr(p, p->pos, "unexpected token after '%.*s', expecting 'or', 'and'",
			(int)(end - start), p->src + start);
}

void *flt_pnomem(struct parser *p)
{
	if (!p->failed) {
		p->failed = true;
		p->code = -ENOMEM;
		sinsp_err(p->s, -ENOMEM, "filter: out of memory");
	}
	return NULL;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool flt_is_ident(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
	       c == '.';
}

void flt_skip_blank(struct parser *p)
{
	while (is_blank(p->src[p->pos]))
		p->pos++;
}

/* Whether the keyword w starts at the cursor as a whole word. */
static bool at_word(const struct parser *p, const char *w)
{
	size_t n = strlen(w);

	return strncmp(p->src + p->pos, w, n) == 0 && !flt_is_ident(p->src[p->pos + n]);
}

/* How the rest of the input starts, for messages: "'abc'" or "the end". */
const char *flt_describe_here(const struct parser *p, char *buf, size_t size)
{
	const char *s = p->src + p->pos;
	size_t n = 0;

	if (!*s)
		return "the end of the filter";
	while (s[n] && !is_blank(s[n]) && n < 24)
		n++;
	snprintf(buf, size, "'%.*s'", (int)n, s);
	return buf;
}

static struct flt_node *new_node(struct parser *p, enum flt_node_kind kind)
{
	struct flt_node *n = calloc(1, sizeof(*n));

	if (!n)
		return flt_pnomem(p);
	n->kind = kind;
	n->check.ref.argnum = -1;
	return n;
}

static bool add_kid(struct parser *p, struct flt_node *n, struct flt_node *kid)
{
	struct flt_node **k = sinsp_grow(n->kids, n->nkids, sizeof(*k));

	if (!k) {
		flt_node_free(kid);
		flt_pnomem(p);
		return false;
	}
	n->kids = k;
	n->kids[n->nkids++] = kid;
	return true;
}

/* ---- values ------------------------------------------------------------------------ */

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Read one value at the cursor: a quoted string ('...' or "...") or a bare word
 * ending at a blank, a parenthesis or (in lists) a comma. Escapes: \\ \" \' \xHH;
 * any other backslash is kept as it is. Returns false with *len 0 when there is no
 * value here (and no error), false with p->failed on a malformed one.
 */
static bool lex_value(struct parser *p, bool in_list, struct strbuf *out)
{
	const char *s = p->src;
	size_t start = p->pos, i = p->pos;
	char quote = 0;

	strbuf_reset(out);
	if (s[i] == '\'' || s[i] == '"')
		quote = s[i++];
	for (;;) {
		char c = s[i];

		if (!c) {
			if (quote) {
				flt_perr(p, i, "unclosed quote: the string that starts at byte %zu has no closing %c",
				     start, quote);
				return false;
			}
			break;
		}
		if (quote && c == quote) {
			i++;
			break;
		}
		if (!quote && (is_blank(c) || c == '(' || c == ')' || (in_list && c == ',')))
			break;
		if (c == '\\' && (s[i + 1] == '\\' || s[i + 1] == '"' || s[i + 1] == '\'')) {
			strbuf_addc(out, s[i + 1]);
			i += 2;
		} else if (c == '\\' && s[i + 1] == 'x') {
			int hi = hexval(s[i + 2]), lo = hi < 0 ? -1 : hexval(s[i + 3]);

			if (hi < 0 || lo < 0) {
				flt_perr(p, i, "invalid escape: \\x needs two hex digits");
				return false;
			}
			strbuf_addc(out, (char)(hi * 16 + lo));
			i += 4;
		} else {
			strbuf_addc(out, c);
			i++;
		}
	}
	p->pos = i;
	if (!out->buf) { /* an empty value ("" or ''): a text of its own, terminated */
		strbuf_grow(out, 1);
		out->buf[0] = 0;
	}
	return quote || i > start;
}

/* Parse a decimal number as glibc's scanf does for the field's type (see flt_vtype). */
static bool parse_number(const char *str, enum flt_vtype vt, uint8_t bits, struct flt_val *out)
{
	const char *p = str;
	char *end;

	while (is_blank(*p))
		p++;
	if (!*p)
		return false;
	if (vt == FVT_SIGNED) {
		int64_t v = strtoll(p, &end, 10);

		if (end == p || *end)
			return false;
		out->n.i = bits == 16 ? (int16_t)v : bits == 32 ? (int32_t)v : v;
	} else {
		uint64_t v = strtoull(p, &end, 10);

		if (end == p || *end)
			return false;
		out->n.u = bits == 16 ? (uint16_t)v : bits == 32 ? (uint32_t)v : v;
	}
	return true;
}

static bool known_event_name(const char *name)
{
	unsigned i;

	if (sinsp_evt_type_by_name(name) >= 0)
		return true;
	for (i = 0; i < SCAP_SC_MAX; i++)
		if (scap_syscall_names[i] && strcmp(scap_syscall_names[i], name) == 0)
			return true;
	return false;
}

/* "a.b.c.d/bits" (bits 0..32) into v->n.net; sysdig takes no IPv6 network. */
static bool parse_ipv4_net(struct parser *p, size_t at, const char *t, const char *fname,
			   struct flt_val *v)
{
	const char *slash = strchr(t, '/');
	char addr[INET_ADDRSTRLEN];
	unsigned long bits;
	char *end;

	if (!slash || (size_t)(slash - t) >= sizeof(addr)) {
		flt_perr(p, at, "'%s' is not an IPv4 network a.b.c.d/bits (for %s)", t, fname);
		return false;
	}
	memcpy(addr, t, (size_t)(slash - t));
	addr[slash - t] = 0;
	if (inet_pton(AF_INET, addr, &v->n.net.addr) != 1) {
		flt_perr(p, at, "'%s' is not an IPv4 network: '%s' is not an IPv4 address (for %s)", t, addr,
		     fname);
		return false;
	}
	errno = 0;
	bits = strtoul(slash + 1, &end, 10);
	if (!slash[1] || *end || errno || bits > 32 || slash[1] == '-' || slash[1] == '+') {
		flt_perr(p, at, "'%s' has an invalid netmask '%s': bits from 0 to 32 (for %s)", t, slash + 1,
		     fname);
		return false;
	}
	v->n.net.mask = bits ? htonl(0xffffffffu << (32 - bits)) : 0;
	v->n.net.addr &= v->n.net.mask;
	return true;
}

/* Turn the text of a value into what the check compares with. */
static bool convert_value(struct parser *p, struct flt_check *c, size_t at, const struct strbuf *text,
			  struct flt_val *v)
{
	const char *fname = c->ref.def->name;
	const char *t = text->buf;
	size_t i;

	v->len = text->len;
	switch (c->vtype) {
	case FVT_STR:
		if (c->op == FOP_BCONTAINS || c->op == FOP_BSTARTSWITH) {
			if (text->len % 2) {
				flt_perr(p, at, "'%s' is not a hex string: %s takes bytes as pairs of hex digits",
				     t, op_name(c->op));
				return false;
			}
			v->str = malloc(text->len / 2 + 1);
			if (!v->str)
				return flt_pnomem(p), false;
			for (i = 0; i < text->len; i += 2) {
				int hi = hexval(t[i]), lo = hexval(t[i + 1]);

				if (hi < 0 || lo < 0) {
					flt_perr(p, at, "'%s' is not a hex string: %s takes bytes as pairs of hex digits",
					     t, op_name(c->op));
					return false;
				}
				v->str[i / 2] = (char)(hi * 16 + lo);
			}
			v->len = text->len / 2;
			v->str[v->len] = 0;
			return true;
		}
		if (strcmp(fname, "evt.type") == 0 && !known_event_name(t)) {
			flt_perr(p, at, "unknown event type '%s'", t);
			return false;
		}
		break;
	case FVT_SIGNED:
	case FVT_UNSIGNED:
		if (!parse_number(t, c->vtype, c->bits, v)) {
			flt_perr(p, at, "'%s' is not a valid number for %s", t, fname);
			return false;
		}
		break;
	case FVT_BOOL:
		if (strcmp(t, "true") == 0)
			v->n.u = 1;
		else if (strcmp(t, "false") == 0)
			v->n.u = 0;
		else {
			flt_perr(p, at, "'%s' is not a boolean value for %s: use true or false", t, fname);
			return false;
		}
		break;
	case FVT_IPADDR:
		/* as sysdig: a value with a dot is IPv4 (no ::ffff:a.b.c.d), else IPv6 */
		if (strchr(t, '.') ? inet_pton(AF_INET, t, v->n.ip.addr) == 1 : false)
			v->n.ip.family = 4;
		else if (!strchr(t, '.') && inet_pton(AF_INET6, t, v->n.ip.addr) == 1)
			v->n.ip.family = 6;
		else {
			flt_perr(p, at, "'%s' is not an %s address (for %s)", t, strchr(t, '.') ? "IPv4" : "IPv6",
			     fname);
			return false;
		}
		break;
	case FVT_IPNET:
		if (!parse_ipv4_net(p, at, t, fname, v))
			return false;
		break;
	}
	v->str = strndup(t, text->len);
	if (!v->str)
		return flt_pnomem(p), false;
	return true;
}

static int cmp_s64_val(const void *a, const void *b)
{
	const struct flt_val *x = a, *y = b;

	return x->n.i < y->n.i ? -1 : x->n.i > y->n.i;
}

static int cmp_u64_val(const void *a, const void *b)
{
	const struct flt_val *x = a, *y = b;

	return x->n.u < y->n.u ? -1 : x->n.u > y->n.u;
}

bool flt_add_value(struct parser *p, struct flt_check *c, size_t at, const struct strbuf *text)
{
	struct flt_val *v = sinsp_grow(c->vals, c->nvals, sizeof(*v));

	if (!v)
		return flt_pnomem(p), false;
	c->vals = v;
	v = &c->vals[c->nvals];
	memset(v, 0, sizeof(*v));
	if (!convert_value(p, c, at, text, v)) {
		free(v->str);
		return false;
	}
	c->nvals++;
	return true;
}

/* The values of in/intersects/pmatch: '(' [value (',' value)*] ')'. */
static bool parse_list(struct parser *p, struct flt_check *c, size_t op_at)
{
	struct strbuf text = { 0 };
	bool ok = false;
	size_t at;

	flt_skip_blank(p);
	if (p->src[p->pos] != '(') {
		flt_perr(p, p->pos, "expected '(' and a list of values after '%s' (at byte %zu)", op_name(c->op),
		     op_at);
		return false;
	}
	p->pos++;
	flt_skip_blank(p);
	if (p->src[p->pos] == ')') {
		p->pos++;
		return true;  /* empty list: matches nothing */
	}
	for (;;) {
		char here[32];

		flt_skip_blank(p);
		at = p->pos;
		if (!lex_value(p, true, &text)) {
			if (!p->failed)
				flt_perr(p, at, "expected a value in the list of '%s', found %s", op_name(c->op),
				     flt_describe_here(p, here, sizeof(here)));
			goto out;
		}
		if (!flt_add_list_value(p, c, at, &text, false))
			goto out;
		flt_skip_blank(p);
		if (p->src[p->pos] == ',') {
			p->pos++;
			continue;
		}
		if (p->src[p->pos] == ')') {
			p->pos++;
			break;
		}
		flt_perr(p, p->pos, "expected ',' or ')' in the list of '%s', found %s", op_name(c->op),
		     flt_describe_here(p, here, sizeof(here)));
		goto out;
	}
	ok = true;
out:
	strbuf_free(&text);
	return ok;
}

/* FIELD OP VALUE at the cursor. */
static struct flt_node *parse_check(struct parser *p)
{
	const char *s = p->src;
	size_t start = p->pos, end = p->pos, op_at, at, i, k, n;
	struct strbuf text = { 0 };
	struct flt_node *node;
	struct flt_check *c;
	char here[32], *name;

	while (flt_is_ident(s[end]))
		end++;
	if (s[end] == '[') {
		while (s[end] && s[end] != ']')
			end++;
		if (s[end] == ']')
			end++;
	}
	if (end == start)
		return flt_perr(p, start, "expected a field name, 'not' or '(', found %s",
			    flt_describe_here(p, here, sizeof(here)));
	name = strndup(s + start, end - start);
	if (!name)
		return flt_pnomem(p);
	node = new_node(p, FN_CHECK);
	if (!node) {
		free(name);
		return NULL;
	}
	c = &node->check;
	n = sinsp_field_parse(name, &c->ref);
	if (n == end - start && !flt_index_ok(&c->ref)) {
		sinsp_field_ref_free(&c->ref);
		n = 0;
	}
	if (n != end - start) {
		if (n)
			sinsp_field_ref_free(&c->ref);
		c->ref.def = NULL;
		if (strncmp(name, "evt.arg.", 8) == 0 || strncmp(name, "evt.rawarg.", 11) == 0)
			flt_perr(p, start, "unknown event argument '%s' in '%s'", strchr(name + 4, '.') + 1, name);
		else
			flt_perr_kind(p, FLT_ERR_UNKNOWN_FIELD, name, strlen(name), start,
				      p->names ? "filter_check called with nonexistent field %s" : "unknown field '%s'",
				      name);
		goto fail;
	}
	p->pos = end;
	c->ref.filter = true;
	c->multi = sinsp_field_is_multi(&c->ref);
	c->around = c->ref.def->cls == FIELD_CLASS_EVT && c->ref.def->id == F_EVT_AROUND;
	if (c->around)
		c->around_t = strtoull(c->ref.arg, NULL, 10);
	flt_skip_blank(p);
	op_at = p->pos;
	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		size_t wl = strlen(ops[i].word);

		if (strncmp(s + p->pos, ops[i].word, wl) == 0 && (!ops[i].is_word || !flt_is_ident(s[p->pos + wl])))
			break;
	}
	if (i == sizeof(ops) / sizeof(ops[0])) {
		flt_perr(p, op_at, "expected an operator after '%s', found %s", name, flt_describe_here(p, here, sizeof(here)));
		goto fail;
	}
	c->op = ops[i].op;
	p->pos += strlen(ops[i].word);
	flt_set_vtype(c);
	if (c->multi && c->vtype == FVT_SIGNED && c->op == FOP_IN)
		c->never = true; /* proc.apid in (...): sysdig's ancestor walk never matches */
	if (!flt_op_applies(c->vtype, c->op)) {
		flt_perr(p, op_at, "'%s' does not apply to %s, a %s field", ops[i].word, name,
		     c->vtype == FVT_IPADDR ? "IP address" : c->vtype == FVT_IPNET ? "IP network" :
		     c->vtype == FVT_BOOL ? "boolean" : "numeric");
		goto fail;
	}
	if (flt_op_refused(c)) {
		flt_perr(p, op_at, "'%s' does not apply to %s: %s", ops[i].word, name, flt_op_refused(c));
		goto fail;
	}
	if (c->op == FOP_EXISTS) {
		/* nothing to read */
	} else if (c->op == FOP_IN || c->op == FOP_INTERSECTS || c->op == FOP_PMATCH) {
		if (!parse_list(p, c, op_at))
			goto fail;
		if (c->nvals < 2)
			;  /* nothing to sort (qsort must not see a NULL array) */
		else if (c->vtype == FVT_STR)
			qsort(c->vals, c->nvals, sizeof(*c->vals), flt_val_cmp);
		else if (c->vtype == FVT_SIGNED)
			qsort(c->vals, c->nvals, sizeof(*c->vals), cmp_s64_val);
		else if (c->vtype != FVT_IPADDR && c->vtype != FVT_IPNET)
			qsort(c->vals, c->nvals, sizeof(*c->vals), cmp_u64_val);
		if (c->vtype == FVT_STR && flt_hash_build(&c->hash, c->vals, c->nvals)) {
			flt_pnomem(p);
			goto fail;
		}
	} else {
		flt_skip_blank(p);
		at = p->pos;
		if (!lex_value(p, false, &text)) {
			if (!p->failed)
				flt_perr(p, at, "expected a value after '%s', found %s", ops[i].word,
				     flt_describe_here(p, here, sizeof(here)));
			goto fail;
		}
		if (!flt_add_list_value(p, c, at, &text, true))
			goto fail;
	}
	if (c->around && c->op == FOP_EQ)
		c->around_ns = c->vals[0].n.u * 1000000u;
	/* sysdig's raw comparison of a list on evt.rawarg holds for one distinct value only */
	if (c->ref.def->cls == FIELD_CLASS_EVT && c->ref.def->id == F_EVT_RAWARG && c->nvals > 1)
		for (k = 1; k < c->nvals && !c->never; k++)
			c->never = flt_val_cmp(&c->vals[0], &c->vals[k]) != 0;
	c->special = c->never || c->multi || c->around;
	free(name);
	strbuf_free(&text);
	return node;
fail:
	free(name);
	strbuf_free(&text);
	flt_node_free(node);
	return NULL;
}

static struct flt_node *parse_unary(struct parser *p)
{
	struct flt_node *n, *kid;
	char here[64];
	size_t open_at;

	flt_skip_blank(p);
	if (++p->depth > FLT_MAX_DEPTH) {
		p->depth--;
		return flt_perr(p, p->pos, "nested too deeply (more than %d levels)", FLT_MAX_DEPTH);
	}
	if (at_word(p, "not")) {
		p->pos += 3;
		kid = parse_unary(p);
		n = kid ? new_node(p, FN_NOT) : NULL;
		if (n && !add_kid(p, n, kid)) {
			flt_node_free(n);
			n = NULL;
		} else if (!n) {
			flt_node_free(kid);
		}
	} else if (p->src[p->pos] == '(') {
		open_at = p->pos++;
		n = flt_parse_or(p);
		flt_skip_blank(p);
		if (n && p->src[p->pos] != ')') {
			snprintf(here, sizeof(here), "')' to close the '(' at byte %zu", open_at);
			flt_perr_unexpected(p, here);
			flt_node_free(n);
			n = NULL;
		} else if (n) {
			p->pos++;
		}
	} else if (at_word(p, "and") || at_word(p, "or") || !p->src[p->pos] || p->src[p->pos] == ')') {
		n = flt_perr(p, p->pos, "expected a field name, 'not' or '(', found %s",
			 flt_describe_here(p, here, sizeof(here)));
	} else if (p->names && flt_is_macro_word(p)) {
		n = flt_parse_macro(p);
	} else {
		n = parse_check(p);
	}
	p->depth--;
	return n;
}

/* kind FN_AND over parse_unary, or FN_OR over parse_and */
static struct flt_node *parse_chain(struct parser *p, enum flt_node_kind kind)
{
	const char *word = kind == FN_AND ? "and" : "or";
	struct flt_node *first, *n = NULL, *kid;

	first = kind == FN_AND ? parse_unary(p) : parse_chain(p, FN_AND);
	if (!first)
		return NULL;
	for (;;) {
		flt_skip_blank(p);
		if (!at_word(p, word))
			break;
		p->pos += strlen(word);
		if (!n) {
			n = new_node(p, kind);
			if (!n || !add_kid(p, n, first)) {
				if (!n)
					flt_node_free(first);
				flt_node_free(n);
				return NULL;
			}
		}
		kid = kind == FN_AND ? parse_unary(p) : parse_chain(p, FN_AND);
		if (!kid || !add_kid(p, n, kid)) {
			flt_node_free(n);
			return NULL;
		}
	}
	return n ? n : first;
}

struct flt_node *flt_parse_or(struct parser *p)
{
	return parse_chain(p, FN_OR);
}

int sinsp_filter_compile(sinsp_t *s, const char *expr, struct sinsp_filter **out)
{
	return flt_compile_names(s, expr, NULL, out, NULL);
}

int flt_compile_names(struct sinsp *s, const char *expr, const struct flt_names *names,
		      struct sinsp_filter **out, struct flt_error *err)
{
	struct parser p = { .s = s, .src = expr, .names = names };
	struct sinsp_filter *f;
	int rc;

	*out = NULL;
	if (!expr)
		return sinsp_err(s, -EINVAL, "filter error at byte 0: no filter given");
	p.pos = 0;
	flt_skip_blank(&p);
	if (!expr[p.pos])
		return sinsp_err(s, -EINVAL, "filter error at byte %zu: the filter is empty", p.pos);
	f = calloc(1, sizeof(*f));
	if (!f)
		return sinsp_err(s, -ENOMEM, "filter: out of memory");
	f->s = s;
	f->root = flt_parse_or(&p);
	if (f->root) {
		flt_skip_blank(&p);
		if (expr[p.pos] == ')')
			flt_perr(&p, p.pos, "unexpected ')': no '(' is open here");
		else if (expr[p.pos])
			flt_perr_unexpected(&p, "the end of the filter");
	}
	if (p.failed || !f->root) {
		if (err)
			*err = p.err;
		sinsp_filter_free(f);
		return p.failed ? p.code : sinsp_err(s, -EINVAL, "filter error at byte 0: cannot parse");
	}
	rc = flt_compute_types(f);
	if (rc) {
		sinsp_filter_free(f);
		return sinsp_err(s, rc, "filter: out of memory");
	}
	*out = f;
	return 0;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * format.c - output formats: sysdig's -p syntax compiled once into literal text and
 * field references, rendered per event as a text line or a JSON object (-j).
 *
 * Text: "%field" is replaced by its value; a field that does not resolve prints
 * "<NA>" when the format starts with '*', else the event is not printed.
 * JSON: one object whose keys are the referenced field names in byte order (as
 * sysdig's JSON writer orders them), numbers unquoted, unresolved fields null.
 */
#include <stdlib.h>
#include <string.h>

#include "sinsp_int.h"
#include "fields.h"

struct fmt_seg {
	char *text;              /* literal text before the field (may be "") */
	size_t text_len;
	struct field_ref field;  /* def NULL for the trailing literal */
};

struct sinsp_formatter {
	struct sinsp *s;
	enum sinsp_output kind;
	bool print_all;          /* leading '*' */
	struct fmt_seg *segs;
	size_t nsegs;
	struct strbuf line, val;
};

static int add_seg(struct sinsp_formatter *f, const char *text, size_t n, const struct field_ref *r)
{
	struct fmt_seg *ns = realloc(f->segs, (f->nsegs + 1) * sizeof(*ns));

	if (!ns)
		return -ENOMEM;
	f->segs = ns;
	ns = &f->segs[f->nsegs];
	memset(ns, 0, sizeof(*ns));
	ns->text = strndup(text, n);
	ns->text_len = n;
	if (r)
		ns->field = *r;
	f->nsegs++;
	return ns->text ? 0 : -ENOMEM;
}

static int cmp_seg_name(const void *a, const void *b)
{
	const struct fmt_seg *x = a, *y = b;

	if (!x->field.def || !y->field.def)
		return !x->field.def - !y->field.def;
	return strcmp(x->field.def->name, y->field.def->name);
}

int sinsp_formatter_new(sinsp_t *s, const char *fmt, enum sinsp_output kind,
			struct sinsp_formatter **out)
{
	struct sinsp_formatter *f;
	const char *p, *lit;
	int rc;

	*out = NULL;
	f = calloc(1, sizeof(*f));
	if (!f)
		return sinsp_err(s, -ENOMEM, "formatter: out of memory");
	f->s = s;
	f->kind = kind;
	if (*fmt == '*') {
		f->print_all = true;
		fmt++;
	}
	for (lit = p = fmt; *p;) {
		struct field_ref r;
		size_t n;

		if (*p != '%') {
			p++;
			continue;
		}
		n = sinsp_field_parse(p + 1, &r);
		if (!n) {
			size_t w = strcspn(p + 1, " \t:,;()[]{}\"'%");

			rc = sinsp_err(s, -EINVAL, "invalid output format at byte %zu: unknown field '%.*s'",
				       (size_t)(p - fmt) + (f->print_all ? 1 : 0), (int)w, p + 1);
			sinsp_formatter_free(f);
			return rc;
		}
		if (add_seg(f, lit, (size_t)(p - lit), &r)) {
			sinsp_formatter_free(f);
			return sinsp_err(s, -ENOMEM, "formatter: out of memory");
		}
		p += 1 + n;
		lit = p;
	}
	if (add_seg(f, lit, (size_t)(p - lit), NULL)) {
		sinsp_formatter_free(f);
		return sinsp_err(s, -ENOMEM, "formatter: out of memory");
	}
	if (kind == SINSP_OUTPUT_JSON && f->nsegs > 1)
		qsort(f->segs, f->nsegs, sizeof(*f->segs), cmp_seg_name);
	*out = f;
	return 0;
}

/* jsoncpp-compatible string escaping */
static void json_string(struct strbuf *out, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i;

	strbuf_addc(out, '"');
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		switch (c) {
		case '"': strbuf_add(out, "\\\"", 2); break;
		case '\\': strbuf_add(out, "\\\\", 2); break;
		case '\b': strbuf_add(out, "\\b", 2); break;
		case '\f': strbuf_add(out, "\\f", 2); break;
		case '\n': strbuf_add(out, "\\n", 2); break;
		case '\r': strbuf_add(out, "\\r", 2); break;
		case '\t': strbuf_add(out, "\\t", 2); break;
		default:
			if (c < 0x20) {
				char u[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };

				strbuf_add(out, u, 6);
			} else {
				strbuf_addc(out, (char)c);
			}
		}
	}
	strbuf_addc(out, '"');
}

static int render_json(struct sinsp_formatter *f, struct sinsp_evt *evt)
{
	const char *last = NULL;
	size_t i;

	strbuf_addc(&f->line, '{');
	for (i = 0; i < f->nsegs; i++) {
		const struct field_ref *r = &f->segs[i].field;
		bool ok;

		if (!r->def || (last && strcmp(last, r->def->name) == 0 && !r->arg))
			continue;
		strbuf_reset(&f->val);
		ok = sinsp_field_extract(evt, r, SINSP_BUF_JSON, &f->val);
		if (!ok && !f->print_all)
			return 0;
		if (last)
			strbuf_addc(&f->line, ',');
		last = r->def->name;
		json_string(&f->line, r->def->name, strlen(r->def->name));
		if (r->arg) {
			/* keep the argument in the key: "evt.arg.fd" */
			f->line.len--;
			strbuf_addc(&f->line, '.');
			strbuf_adds(&f->line, r->arg);
			strbuf_addc(&f->line, '"');
		}
		strbuf_addc(&f->line, ':');
		if (!ok)
			strbuf_adds(&f->line, "null");
		else if (r->def->kind == FIELD_NUM)
			strbuf_add(&f->line, f->val.buf, f->val.len);
		else if (r->def->kind == FIELD_BOOL)
			strbuf_add(&f->line, f->val.buf, f->val.len);
		else
			json_string(&f->line, f->val.buf, f->val.len);
	}
	strbuf_addc(&f->line, '}');
	return 1;
}

int sinsp_formatter_render(struct sinsp_formatter *f, struct sinsp_evt *evt, const char **out,
			   size_t *len)
{
	size_t i;
	int rc = 1;

	strbuf_reset(&f->line);
	if (f->kind == SINSP_OUTPUT_JSON) {
		rc = render_json(f, evt);
	} else {
		for (i = 0; i < f->nsegs; i++) {
			const struct fmt_seg *seg = &f->segs[i];

			strbuf_add(&f->line, seg->text, seg->text_len);
			if (!seg->field.def)
				continue;
			if (!sinsp_field_extract(evt, &seg->field, SINSP_BUF_NORMAL, &f->line)) {
				if (!f->print_all) {
					rc = 0;
					break;
				}
				strbuf_add(&f->line, "<NA>", 4);
			}
		}
	}
	if (!f->line.buf)
		strbuf_grow(&f->line, 1);
	*out = f->line.buf;
	if (len)
		*len = f->line.len;
	return rc;
}

void sinsp_formatter_free(struct sinsp_formatter *f)
{
	size_t i;

	if (!f)
		return;
	for (i = 0; i < f->nsegs; i++) {
		free(f->segs[i].text);
		sinsp_field_ref_free(&f->segs[i].field);
	}
	free(f->segs);
	strbuf_free(&f->line);
	strbuf_free(&f->val);
	free(f);
}

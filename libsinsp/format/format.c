/* SPDX-License-Identifier: Apache-2.0 */
/*
 * format.c - output formats: sysdig's -p syntax compiled once into literal text and
 * field references, rendered per event as a text line or a JSON object (-j).
 *
 * Text: "%field" is replaced by its value; a field that does not resolve prints
 * "<NA>" when the format starts with '*', else the event is not printed.
 * JSON: one object whose keys are the field references as written ("evt.arg[0]",
 * "evt.arg.fd") in byte order, each once (as sysdig's JSON writer orders and merges
 * them), numbers unquoted, unresolved fields null. sysdig keys an evt.type.is that
 * does not end the format with "".
 *
 * Errors are sysdig's messages, quoting the format from the offending field on:
 * "invalid formatting token X", "filter syntax error: X" (a field that needs an
 * argument), "X is filter only and cannot be used as a display field", followed by
 * the position of the field's '%' in the format: " (at byte N)", N from 1.
 */
#include <stdlib.h>
#include <string.h>

#include "state/inspector.h"
#include "util/grow.h"
#include "fields/fields.h"
#include "format/format.h"

struct fmt_seg {
	char *text;              /* literal text before the field (may be "") */
	size_t text_len;
	char *key;               /* JSON key of the field; NULL for the trailing literal */
	struct field_ref field;  /* def NULL for the trailing literal */
	sinsp_field_view_fn view;/* the field's text in place (sinsp_field_view_of()), or NULL */
};

struct sinsp_formatter {
	struct sinsp *s;
	enum sinsp_output kind;
	bool print_all;          /* leading '*' */
	bool time_raw;           /* JSON: evt.time as ns since the epoch (alerts, Falco) */
	struct fmt_seg *segs;
	size_t nsegs;
	struct strbuf line, val;
	/*
	 * Text lines without '*': by event type, 1 + the segment whose field did not
	 * resolve on the last event of that type (0: none, or beyond 255). The next event
	 * of the type tries that field first, and when it still does not resolve, the
	 * line is not rendered (fields only read the state: the order of extraction
	 * changes no result). An open enter event has no fd.name: its line stops there
	 * without the fields before it.
	 */
	uint8_t fail_hint[SCAP_EVT_MAX];
};

static int add_seg(struct sinsp_formatter *f, const char *text, size_t n, const struct field_ref *r,
		   const char *key, size_t key_len)
{
	struct fmt_seg *ns = sinsp_grow(f->segs, f->nsegs, sizeof(*ns));

	if (!ns)
		return -ENOMEM;
	f->segs = ns;
	ns = &f->segs[f->nsegs];
	memset(ns, 0, sizeof(*ns));
	ns->text = strndup(text, n);
	ns->text_len = n;
	if (r) {
		ns->field = *r;
		ns->view = sinsp_field_view_of(r);
		ns->key = strndup(key, key_len);
	}
	f->nsegs++;
	return ns->text && (!r || ns->key) ? 0 : -ENOMEM;
}

static int cmp_seg_name(const void *a, const void *b)
{
	const struct fmt_seg *x = a, *y = b;

	if (!x->key || !y->key)
		return !x->key - !y->key;
	return strcmp(x->key, y->key);
}

/* The catalog field named exactly name[0..n), NULL when none. */
static const struct field_def *def_named(const char *name, size_t n)
{
	const struct field_def *d;

	for (d = sinsp_field_defs; d->name; d++)
		if (strlen(d->name) == n && memcmp(d->name, name, n) == 0)
			return d;
	return NULL;
}

/*
 * The error of a field at tok (the byte after '%', byte @pos from 1 of the format):
 * sysdig's message for a field only filters take (@filter_only) or for an unknown one,
 * with the position; returns -EINVAL.
 */
static int filter_only_error(struct sinsp *s, const char *tok, size_t pos, bool filter_only)
{
	if (filter_only)
		return sinsp_err(s, -EINVAL,
				 "%s is filter only and cannot be used as a display field (at byte %zu)",
				 tok, pos);
	return sinsp_err(s, -EINVAL, "invalid formatting token %s (at byte %zu)", tok, pos);
}

/*
 * The error of an unparsable reference at tok (the byte after '%'), which is at byte
 * @pos (from 1) of the format; returns -EINVAL.
 */
static int token_error(struct sinsp *s, const char *tok, size_t pos)
{
	size_t w = strcspn(tok, " \t:,;()[]{}\"'%");
	const struct field_def *d = def_named(tok, w);

	if (!*tok)
		return sinsp_err(s, -EINVAL,
				 "invalid formatting syntax: formatting cannot end with a %% (at byte %zu)",
				 pos);
	if (d && d->arg_required)
		return sinsp_err(s, -EINVAL, "filter syntax error: %s (at byte %zu)", tok, pos);
	return filter_only_error(s, tok, pos, d && (d->flags & FIELD_F_FILTER_ONLY));
}

int sinsp_formatter_new(sinsp_t *s, const char *fmt, enum sinsp_output kind,
			struct sinsp_formatter **out)
{
	struct sinsp_formatter *f;
	const char *p, *lit, *start = fmt;
	size_t key_len;
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
			rc = token_error(s, p + 1, (size_t)(p - start) + 1);
			sinsp_formatter_free(f);
			return rc;
		}
		/* evt.around is filter only too, but sysdig takes it in a format */
		if ((r.def->flags & FIELD_F_FILTER_ONLY) && r.def->id != F_EVT_AROUND) {
			sinsp_field_ref_free(&r);
			rc = filter_only_error(s, p + 1, (size_t)(p - start) + 1, true);
			sinsp_formatter_free(f);
			return rc;
		}
		/* sysdig loses the key of an evt.type.is that does not end the format */
		key_len = r.def->cls == FIELD_CLASS_EVT && r.def->id == F_EVT_TYPE_IS && p[1 + n] ? 0 : n;
		if (add_seg(f, lit, (size_t)(p - lit), &r, p + 1, key_len)) {
			sinsp_formatter_free(f);
			return sinsp_err(s, -ENOMEM, "formatter: out of memory");
		}
		p += 1 + n;
		lit = p;
	}
	if (add_seg(f, lit, (size_t)(p - lit), NULL, NULL, 0)) {
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

/* Text of a number as JSON writes it: [-]digits[.digits]. */
static bool json_number_text(const char *v, size_t n)
{
	size_t i = v[0] == '-' ? 1 : 0, digits = 0;

	for (; i < n && v[i] >= '0' && v[i] <= '9'; i++)
		digits++;
	if (i < n && v[i] == '.')
		for (i++; i < n && v[i] >= '0' && v[i] <= '9'; i++)
			;
	return digits && i == n;
}

/*
 * Whether the value of r goes bare (number, boolean) into JSON. evt.rawarg takes the
 * type of its parameter (r->aux, as sinsp_field_type() gives it): text types are
 * strings, the others numbers.
 */
static bool json_bare(const struct field_ref *r, const struct strbuf *val)
{
	if (r->def->kind == FIELD_BOOL)
		return true;
	if (r->def->kind != FIELD_NUM)
		return false;
	if (r->def->cls == FIELD_CLASS_EVT && r->def->id == F_EVT_RAWARG) {
		switch (r->aux) {
		case SCAP_PT_CHARBUF: case SCAP_PT_FSPATH: case SCAP_PT_FSRELPATH:
		case SCAP_PT_BYTEBUF: case SCAP_PT_SOCKADDR: case SCAP_PT_SOCKTUPLE:
		case SCAP_PT_FDLIST: case SCAP_PT_CHARBUFARRAY: case SCAP_PT_CHARBUF_PAIR_ARRAY:
			return false;
		default:
			return val->len && json_number_text(val->buf, val->len);
		}
	}
	return true;
}

static int render_json(struct sinsp_formatter *f, struct sinsp_evt *evt)
{
	const char *last = NULL;
	size_t i;

	strbuf_addc(&f->line, '{');
	for (i = 0; i < f->nsegs; i++) {
		const struct fmt_seg *seg = &f->segs[i];
		const struct field_ref *r = &seg->field;
		bool ok;

		/* a key written twice is one member (the values are the same) */
		if (!r->def || (last && strcmp(last, seg->key) == 0))
			continue;
		strbuf_reset(&f->val);
		if (f->time_raw && r->def->cls == FIELD_CLASS_EVT && r->def->id == F_EVT_TIME) {
			if (last)
				strbuf_addc(&f->line, ',');
			last = seg->key;
			json_string(&f->line, seg->key, strlen(seg->key));
			strbuf_addc(&f->line, ':');
			strbuf_add_u64(&f->line, evt->ref.ts_ns);
			continue;
		}
		ok = sinsp_field_extract(evt, r, SINSP_BUF_JSON, &f->val);
		if (!ok && !f->print_all)
			return 0;
		if (last)
			strbuf_addc(&f->line, ',');
		last = seg->key;
		json_string(&f->line, seg->key, strlen(seg->key));
		strbuf_addc(&f->line, ':');
		if (!ok)
			strbuf_adds(&f->line, "null");
		else if (json_bare(r, &f->val))
			strbuf_add(&f->line, f->val.buf, f->val.len);
		else
			json_string(&f->line, f->val.buf ? f->val.buf : "", f->val.len);
	}
	strbuf_addc(&f->line, '}');
	return 1;
}

/*
 * Append seg's field on evt to out as sinsp_field_extract() does (false: it does not
 * resolve, nothing appended), read in place when the field has a view.
 */
static bool render_field(const struct fmt_seg *seg, struct sinsp_evt *evt, struct strbuf *out)
{
	if (seg->view) {
		const char *s;
		size_t len = 0;
		int v = seg->view(evt, &s, &len);

		if (v > 0)
			strbuf_add(out, s, len);
		if (v >= 0)
			return v > 0;
	}
	return sinsp_field_extract(evt, &seg->field, SINSP_BUF_NORMAL, out);
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
		uint16_t type = evt->ref.type;
		uint8_t *hint = !f->print_all && type < SCAP_EVT_MAX ? &f->fail_hint[type] : NULL;

		if (hint && *hint) {
			if (!sinsp_field_extract(evt, &f->segs[*hint - 1].field, SINSP_BUF_NORMAL,
						 &f->line)) {
				rc = 0; /* skipped, *out empty */
				goto done;
			}
			*hint = 0;
			strbuf_reset(&f->line);
		}
		for (i = 0; i < f->nsegs; i++) {
			const struct fmt_seg *seg = &f->segs[i];

			strbuf_add(&f->line, seg->text, seg->text_len);
			if (!seg->field.def)
				continue;
			if (!render_field(seg, evt, &f->line)) {
				if (!f->print_all) {
					rc = 0;
					if (hint && i < 255)
						*hint = (uint8_t)(i + 1);
					break;
				}
				strbuf_add(&f->line, "<NA>", 4);
			}
		}
	}
done:
	if (!f->line.buf)
		strbuf_grow(&f->line, 1);
	*out = f->line.buf;
	if (len)
		*len = f->line.len;
	return rc;
}

int sinsp_formatter_new_alert_json(struct sinsp *s, const char *fmt, struct sinsp_formatter **out)
{
	int rc = sinsp_formatter_new(s, fmt, SINSP_OUTPUT_JSON, out);

	if (!rc)
		(*out)->time_raw = true;
	return rc;
}

void sinsp_formatter_free(struct sinsp_formatter *f)
{
	size_t i;

	if (!f)
		return;
	for (i = 0; i < f->nsegs; i++) {
		free(f->segs[i].text);
		free(f->segs[i].key);
		sinsp_field_ref_free(&f->segs[i].field);
	}
	free(f->segs);
	strbuf_free(&f->line);
	strbuf_free(&f->val);
	free(f);
}

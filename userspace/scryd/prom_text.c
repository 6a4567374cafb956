/* SPDX-License-Identifier: Apache-2.0 */
/*
 * prom_text.c - the text exposition format writer (see prom_text.h for the rules and
 * their source).
 */
#define _GNU_SOURCE /* open_memstream */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>

#include "prom_text.h"

int scryd_prom_text_init(struct scryd_prom_text *p)
{
	memset(p, 0, sizeof(*p));
	p->f = open_memstream(&p->buf, &p->len);
	if (!p->f)
		return -ENOMEM;
	/* one writer: no stdio lock taken on each of the many small writes */
	__fsetlocking(p->f, FSETLOCKING_BYCALLER);
	return 0;
}

static int fail(struct scryd_prom_text *p, int err)
{
	if (!p->err)
		p->err = err;
	return p->err;
}

/* [a-zA-Z_:][a-zA-Z0-9_:]* for a metric (@colon), [a-zA-Z_][a-zA-Z0-9_]* for a label;
 * "__" starts only reserved names. */
static bool name_ok(const char *s, bool colon)
{
	size_t i;

	if (!s || !*s || (s[0] == '_' && s[1] == '_'))
		return false;
	for (i = 0; s[i]; i++) {
		char c = s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
		      (colon && c == ':') || (i && c >= '0' && c <= '9')))
			return false;
	}
	return true;
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !strcmp(s + n - m, suffix);
}

/* @s with \ and line feed escaped, and " too when @quote (label values); the runs
 * between two such bytes are written whole. */
static void put_escaped(FILE *f, const char *s, bool quote)
{
	const char *stop = quote ? "\\\n\"" : "\\\n";

	for (;;) {
		size_t n = strcspn(s, stop);

		fwrite(s, 1, n, f);
		s += n;
		if (!*s)
			return;
		fputs(*s == '\n' ? "\\n" : *s == '"' ? "\\\"" : "\\\\", f);
		s++;
	}
}

int scryd_prom_text_family(struct scryd_prom_text *p, const char *name, enum scryd_prom_type type,
			   const char *help)
{
	size_t i;
	char *copy;

	if (p->err)
		return p->err;
	if (!name_ok(name, true) || !help || !*help ||
	    (type != SCRYD_PROM_COUNTER && type != SCRYD_PROM_GAUGE) ||
	    ends_with(name, "_total") != (type == SCRYD_PROM_COUNTER))
		return fail(p, -EINVAL);
	for (i = 0; i < p->nnames; i++)
		if (!strcmp(p->names[i], name))
			return fail(p, -EEXIST);
	if (p->nnames == p->cap) {
		size_t cap = p->cap ? 2 * p->cap : 32;
		char **n = realloc(p->names, cap * sizeof(*n));

		if (!n)
			return fail(p, -ENOMEM);
		p->names = n;
		p->cap = cap;
	}
	copy = strdup(name);
	if (!copy)
		return fail(p, -ENOMEM);
	p->names[p->nnames++] = copy;
	p->family = copy;
	fprintf(p->f, "# HELP %s ", name);
	put_escaped(p->f, help, false);
	fprintf(p->f, "\n# TYPE %s %s\n", name, type == SCRYD_PROM_COUNTER ? "counter" : "gauge");
	return 0;
}

/* Check @n @labels: valid names, each once. */
static bool labels_ok(const struct scryd_prom_label *labels, size_t n)
{
	size_t i, j;

	if (n && !labels)
		return false;
	for (i = 0; i < n; i++) {
		if (!name_ok(labels[i].name, false))
			return false;
		for (j = 0; j < i; j++)
			if (!strcmp(labels[i].name, labels[j].name))
				return false;
	}
	return true;
}

/* "{l1="v1",...}" (nothing when @n is 0), values escaped. */
static void put_labels(FILE *f, const struct scryd_prom_label *labels, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		fprintf(f, "%c%s=\"", i ? ',' : '{', labels[i].name);
		put_escaped(f, labels[i].value ? labels[i].value : "", true);
		fputc('"', f);
	}
	if (n)
		fputc('}', f);
}

/* "name" of a sample of the current family, checked. */
static int sample_name(struct scryd_prom_text *p, const char *name)
{
	if (p->err)
		return p->err;
	if (!p->family || !name || strcmp(name, p->family))
		return fail(p, -EINVAL);
	fputs(name, p->f);
	return 0;
}

static void put_u64(FILE *f, uint64_t value)
{
	fprintf(f, " %" PRIu64 "\n", value);
}

static void put_double(FILE *f, double value)
{
	char num[40];

	if (isnan(value)) {
		strcpy(num, "NaN");
	} else if (isinf(value)) {
		strcpy(num, value > 0 ? "+Inf" : "-Inf");
	} else {
		/* the shortest of %.15g and %.17g that reads back as the same double */
		snprintf(num, sizeof(num), "%.15g", value);
		if (strtod(num, NULL) != value)
			snprintf(num, sizeof(num), "%.17g", value);
	}
	fprintf(f, " %s\n", num);
}

/* "name{labels}" of a sample, checked. */
static int sample_head(struct scryd_prom_text *p, const char *name,
		       const struct scryd_prom_label *labels, size_t n)
{
	int rc = sample_name(p, name);

	if (rc)
		return rc;
	if (!labels_ok(labels, n))
		return fail(p, -EINVAL);
	put_labels(p->f, labels, n);
	return 0;
}

int scryd_prom_text_u64(struct scryd_prom_text *p, const char *name,
			const struct scryd_prom_label *labels, size_t n, uint64_t value)
{
	int rc = sample_head(p, name, labels, n);

	if (!rc)
		put_u64(p->f, value);
	return rc;
}

int scryd_prom_text_double(struct scryd_prom_text *p, const char *name,
			   const struct scryd_prom_label *labels, size_t n, double value)
{
	int rc = sample_head(p, name, labels, n);

	if (!rc)
		put_double(p->f, value);
	return rc;
}

int scryd_prom_labelset_make(const struct scryd_prom_label *labels, size_t n, char **out)
{
	size_t len;
	FILE *f;

	*out = NULL;
	if (!labels_ok(labels, n))
		return -EINVAL;
	f = open_memstream(out, &len);
	if (!f)
		return -ENOMEM;
	__fsetlocking(f, FSETLOCKING_BYCALLER);
	put_labels(f, labels, n);
	if (fclose(f)) {
		free(*out);
		*out = NULL;
		return -ENOMEM;
	}
	return 0;
}

int scryd_prom_text_u64_ls(struct scryd_prom_text *p, const char *name, const char *labelset,
			   uint64_t value)
{
	int rc = sample_name(p, name);

	if (!rc) {
		fputs(labelset, p->f);
		put_u64(p->f, value);
	}
	return rc;
}

int scryd_prom_text_double_ls(struct scryd_prom_text *p, const char *name, const char *labelset,
			      double value)
{
	int rc = sample_name(p, name);

	if (!rc) {
		fputs(labelset, p->f);
		put_double(p->f, value);
	}
	return rc;
}

void scryd_prom_text_free(struct scryd_prom_text *p)
{
	size_t i;

	if (p->f)
		fclose(p->f);
	free(p->buf);
	for (i = 0; i < p->nnames; i++)
		free(p->names[i]);
	free(p->names);
	memset(p, 0, sizeof(*p));
}

int scryd_prom_text_finish(struct scryd_prom_text *p, char **text, size_t *len)
{
	int rc = p->err;

	*text = NULL;
	*len = 0;
	if (!rc && (fflush(p->f) || ferror(p->f)))
		rc = -ENOMEM;
	if (!rc) {
		fclose(p->f);
		p->f = NULL;
		*text = p->buf;
		*len = p->len;
		p->buf = NULL;
	}
	scryd_prom_text_free(p);
	return rc;
}

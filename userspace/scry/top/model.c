/* SPDX-License-Identifier: Apache-2.0 */
/*
 * model.c - scry top's rows: storage, sorting and the text of cells (model.h).
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"

struct top_row *top_table_add(struct top_table *t, const char *key)
{
	struct top_row *r;

	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 64;
		struct top_row *rows = realloc(t->rows, cap * sizeof(*rows));

		if (!rows)
			return NULL;
		t->rows = rows;
		t->cap = cap;
	}
	r = &t->rows[t->n++];
	memset(r, 0, sizeof(*r));
	snprintf(r->key, sizeof(r->key), "%s", key);
	return r;
}

int top_row_set_text(struct top_row *r, enum top_field f, const char *v)
{
	char *copy = strdup(v ? v : "");

	if (!copy)
		return -ENOMEM;
	free(r->text[f - TOP_NUM_FIELDS]);
	r->text[f - TOP_NUM_FIELDS] = copy;
	return 0;
}

const char *top_row_text(const struct top_row *r, enum top_field f)
{
	const char *v = r->text[f - TOP_NUM_FIELDS];

	return v ? v : "";
}

void top_table_clear(struct top_table *t)
{
	for (size_t i = 0; i < t->n; i++)
		for (int j = 0; j < TOP_NUM_TEXTS; j++)
			free(t->rows[i].text[j]);
	t->n = 0;
}

void top_table_free(struct top_table *t)
{
	top_table_clear(t);
	free(t->rows);
	memset(t, 0, sizeof(*t));
}

long top_table_find_key(const struct top_table *t, const char *key)
{
	for (size_t i = 0; i < t->n; i++)
		if (!strcmp(t->rows[i].key, key))
			return (long)i;
	return -1;
}

/* qsort() has no context argument: the sort's field and order, for the one sort that
 * runs at a time (scry top has one thread). */
static enum top_field sort_field;
static bool sort_ascending;

static int cmp_rows(const void *a, const void *b)
{
	const struct top_row *x = a, *y = b;
	int c;

	if (top_field_is_text(sort_field)) {
		c = strcmp(top_row_text(x, sort_field), top_row_text(y, sort_field));
	} else {
		double u = x->num[sort_field], v = y->num[sort_field];

		c = u < v ? -1 : u > v;
	}
	if (!sort_ascending)
		c = -c;
	if (c)
		return c;
	/* ties: by key, shorter first (pids in numeric order), then by its text */
	c = (strlen(x->key) > strlen(y->key)) - (strlen(x->key) < strlen(y->key));
	return c ? c : strcmp(x->key, y->key);
}

void top_table_sort(struct top_table *t, enum top_field f, bool ascending)
{
	sort_field = f;
	sort_ascending = ascending;
	if (t->n > 1)
		qsort(t->rows, t->n, sizeof(*t->rows), cmp_rows);
}

/* @v with a unit suffix in steps of @step ("", K, M, G, T): 3 significant digits. */
static void fmt_scaled(double v, double step, char *buf, size_t len)
{
	static const char units[] = " KMGT";
	int u = 0;

	if (v < step) {
		/* below one step: an integer, or one decimal for a fractional rate */
		if (v == (double)(uint64_t)v)
			snprintf(buf, len, "%" PRIu64, (uint64_t)v);
		else
			snprintf(buf, len, "%.1f", v);
		return;
	}
	while (v >= step && u < 4) {
		v /= step;
		u++;
	}
	snprintf(buf, len, v >= 100 ? "%.0f%c" : v >= 10 ? "%.1f%c" : "%.2f%c", v, units[u]);
}

char *top_cell_text(const struct top_row *r, enum top_field f, char *buf, size_t len)
{
	double v;

	if (top_field_is_text(f)) {
		snprintf(buf, len, "%s", top_row_text(r, f));
		return buf;
	}
	v = r->num[f];
	if (v < 0)
		v = 0;
	switch (f) {
	case TOP_F_CPU:
		snprintf(buf, len, "%.2f", v);
		break;
	case TOP_F_MEM:
	case TOP_F_NET_IN:
	case TOP_F_NET_OUT:
	case TOP_F_FILE_R:
	case TOP_F_FILE_W:
		fmt_scaled(v, 1024, buf, len);
		break;
	case TOP_F_SYSCALLS:
	case TOP_F_ERRORS:
		fmt_scaled(v, 1000, buf, len);
		break;
	default:
		snprintf(buf, len, "%" PRIu64, (uint64_t)v);
		break;
	}
	return buf;
}

bool top_text_contains(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	if (!n)
		return true;
	for (; *hay; hay++) {
		size_t i = 0;

		while (i < n && hay[i] && tolower((unsigned char)hay[i]) ==
					   tolower((unsigned char)needle[i]))
			i++;
		if (i == n)
			return true;
	}
	return false;
}

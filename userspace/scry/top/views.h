/* SPDX-License-Identifier: Apache-2.0 */
/*
 * views.h - scry top's views, as csysdig users know them: Containers (one row per
 * container, drill-down to its processes) and Processes (one row per process). A view is
 * a list of columns over the fields of model.h, a default sort and a drill-down target.
 */
#ifndef SCRY_TOP_VIEWS_H
#define SCRY_TOP_VIEWS_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"

enum top_view_id {
	TOP_VIEW_CONTAINERS,
	TOP_VIEW_PROCS,
	TOP_NVIEWS, /* non-ABI */
};

struct top_column {
	enum top_field field;
	const char *title;       /* header text, upper case as csysdig's */
	int width;               /* cells; 0: the rest of the line (last column only) */
	const char *description; /* one line, for the help and sort panels */
};

struct top_view {
	enum top_view_id id;
	const char *key;         /* name on the command line (-v/--view): "containers" */
	const char *name;        /* shown on screen: "Containers" */
	const char *description;
	const struct top_column *cols;
	int ncols;
	enum top_field default_sort;    /* descending */
	int drilldown;                  /* the view Enter opens, filtered; -1: none */
};

/* View @id (below TOP_NVIEWS). */
const struct top_view *top_view_get(enum top_view_id id);

/* The view whose key is @key; NULL when none. */
const struct top_view *top_view_find(const char *key);

/* Column of @v showing @f; -1 when @v does not show it. */
int top_view_column_of(const struct top_view *v, enum top_field f);

/* Whether some cell of @r in view @v contains @text (ASCII case ignored). */
bool top_view_row_matches(const struct top_view *v, const struct top_row *r, const char *text);

/*
 * The header line of @v (titles, numbers right-aligned as their cells) and the line of
 * row @r, into @buf of @len bytes, cut at @len - 1. The last column takes what is left.
 * Return @buf.
 */
char *top_view_header_line(const struct top_view *v, char *buf, size_t len);
char *top_view_row_line(const struct top_view *v, const struct top_row *r, char *buf, size_t len);

/* Whether numbers of @f sort best first (descending) when first chosen: numbers yes,
 * texts no (A to Z). */
static inline bool top_field_sorts_descending(enum top_field f)
{
	return !top_field_is_text(f);
}

#endif /* SCRY_TOP_VIEWS_H */

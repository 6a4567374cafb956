/* SPDX-License-Identifier: Apache-2.0 */
/*
 * ui.c - how scry top's keys change what it shows (ui.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui.h"

static void frame_init(struct top_frame *f, enum top_view_id view)
{
	memset(f, 0, sizeof(*f));
	f->view = view;
	f->sort = top_view_get(view)->default_sort;
	f->ascending = false;
}

void top_ui_init(struct top_ui *ui, enum top_view_id view)
{
	memset(ui, 0, sizeof(*ui));
	frame_init(&ui->cur, view);
	ui->page = 1;
}

void top_ui_free(struct top_ui *ui)
{
	free(ui->rows);
	ui->rows = NULL;
	ui->nrows = ui->rows_cap = 0;
}

const struct top_view *top_ui_view(const struct top_ui *ui)
{
	return top_view_get(ui->cur.view);
}

/* Keep the selection within the rows and on the screen page. */
static void clamp(struct top_ui *ui)
{
	if (!ui->nrows) {
		ui->sel = ui->first = 0;
		return;
	}
	if (ui->sel >= ui->nrows)
		ui->sel = ui->nrows - 1;
	if (ui->sel < ui->first)
		ui->first = ui->sel;
	if (ui->sel >= ui->first + ui->page)
		ui->first = ui->sel - ui->page + 1;
	if (ui->first + ui->page > ui->nrows)
		ui->first = ui->nrows > ui->page ? ui->nrows - ui->page : 0;
}

static void select_row(struct top_ui *ui, size_t i)
{
	ui->sel = i;
	clamp(ui);
	snprintf(ui->cur.sel_key, sizeof(ui->cur.sel_key), "%s",
		 ui->nrows ? ui->rows[ui->sel]->key : "");
}

void top_ui_set_page(struct top_ui *ui, size_t page)
{
	ui->page = page ? page : 1;
	clamp(ui);
}

int top_ui_update(struct top_ui *ui, struct top_table *tables)
{
	struct top_table *t = &tables[ui->cur.view];
	const struct top_view *v = top_ui_view(ui);
	size_t n = 0, keep = ui->sel;

	if (t->n > ui->rows_cap) {
		const struct top_row **rows = realloc(ui->rows, t->n * sizeof(*rows));

		if (!rows)
			return -ENOMEM;
		ui->rows = rows;
		ui->rows_cap = t->n;
	}
	top_table_sort(t, ui->cur.sort, ui->cur.ascending);
	for (size_t i = 0; i < t->n; i++) {
		const struct top_row *r = &t->rows[i];

		if (ui->cur.drill_id[0] && strcmp(top_row_text(r, TOP_F_ID), ui->cur.drill_id))
			continue;
		if (!top_view_row_matches(v, r, ui->filter))
			continue;
		if (ui->cur.sel_key[0] && !strcmp(r->key, ui->cur.sel_key))
			keep = n;
		ui->rows[n++] = r;
	}
	ui->nrows = n;
	select_row(ui, keep);
	return 0;
}

/* The first row from @from on (wrapping) with a cell containing the search text. */
static void search_from(struct top_ui *ui, size_t from)
{
	const struct top_view *v = top_ui_view(ui);

	for (size_t k = 0; k < ui->nrows; k++) {
		size_t i = (from + k) % ui->nrows;

		if (top_view_row_matches(v, ui->rows[i], ui->search)) {
			select_row(ui, i);
			ui->message = NULL;
			return;
		}
	}
	ui->message = "not found";
}

/* Sort by @f: a new column sorts its natural way, the current one flips. */
static void sort_by(struct top_ui *ui, enum top_field f)
{
	if (ui->cur.sort == f) {
		ui->cur.ascending = !ui->cur.ascending;
	} else {
		ui->cur.sort = f;
		ui->cur.ascending = !top_field_sorts_descending(f);
	}
}

static void drill_down(struct top_ui *ui)
{
	const struct top_view *v = top_ui_view(ui);
	const struct top_row *r;
	struct top_frame next;

	if (!ui->nrows)
		return;
	if (v->drilldown < 0) {
		ui->message = "no view below this one";
		return;
	}
	if (ui->depth == TOP_UI_DEPTH) {
		ui->message = "too many drill-downs: Backspace first";
		return;
	}
	r = ui->rows[ui->sel];
	frame_init(&next, (enum top_view_id)v->drilldown);
	snprintf(next.drill_id, sizeof(next.drill_id), "%s", top_row_text(r, TOP_F_ID));
	snprintf(next.drill_name, sizeof(next.drill_name), "%s",
		 *top_row_text(r, TOP_F_NAME) ? top_row_text(r, TOP_F_NAME) : r->key);
	ui->stack[ui->depth++] = ui->cur;
	ui->cur = next;
	ui->filter[0] = 0;
	ui->xoff = 0;
	ui->sel = ui->first = 0;
}

static void go_back(struct top_ui *ui)
{
	if (!ui->depth) {
		ui->message = NULL;
		return;
	}
	ui->cur = ui->stack[--ui->depth];
	ui->filter[0] = 0;
	ui->xoff = 0;
}

/* Cells of @v's columns before the last one (which takes the rest of the line). */
static size_t view_width(const struct top_view *v)
{
	size_t w = 0;

	for (int i = 0; i < v->ncols; i++)
		w += (size_t)v->cols[i].width;
	return w;
}

static void move(struct top_ui *ui, enum top_action a)
{
	size_t page = ui->page;

	switch (a) {
	case TOP_A_UP: select_row(ui, ui->sel ? ui->sel - 1 : 0); break;
	case TOP_A_DOWN: select_row(ui, ui->sel + 1); break;
	case TOP_A_PGUP: select_row(ui, ui->sel > page ? ui->sel - page : 0); break;
	case TOP_A_PGDN: select_row(ui, ui->sel + page); break;
	case TOP_A_HOME: select_row(ui, 0); break;
	case TOP_A_END: select_row(ui, ui->nrows ? ui->nrows - 1 : 0); break;
	case TOP_A_LEFT: ui->xoff = ui->xoff > TOP_UI_XSTEP ? ui->xoff - TOP_UI_XSTEP : 0; break;
	case TOP_A_RIGHT:
		/* at most to the start of the last column (the widest text) */
		if (ui->xoff + TOP_UI_XSTEP <= view_width(top_ui_view(ui)))
			ui->xoff += TOP_UI_XSTEP;
		break;
	default: break;
	}
}

/* Up/Down/Enter/Esc in the sort panel (over the view's columns) or the view picker. */
static void panel_key(struct top_ui *ui, struct top_key k)
{
	const struct top_view *v = top_ui_view(ui);
	int n = ui->mode == TOP_MODE_SORT ? v->ncols : TOP_NVIEWS;

	switch (k.action) {
	case TOP_A_UP: if (ui->panel_sel > 0) ui->panel_sel--; break;
	case TOP_A_DOWN: if (ui->panel_sel < n - 1) ui->panel_sel++; break;
	case TOP_A_HOME: case TOP_A_PGUP: ui->panel_sel = 0; break;
	case TOP_A_END: case TOP_A_PGDN: ui->panel_sel = n - 1; break;
	case TOP_A_ENTER:
		if (ui->mode == TOP_MODE_SORT) {
			sort_by(ui, v->cols[ui->panel_sel].field);
		} else if (ui->cur.view != (enum top_view_id)ui->panel_sel) {
			/* another view in the same drill-down context, as csysdig's F2 */
			struct top_frame f = ui->cur;

			frame_init(&ui->cur, (enum top_view_id)ui->panel_sel);
			memcpy(ui->cur.drill_id, f.drill_id, sizeof(f.drill_id));
			memcpy(ui->cur.drill_name, f.drill_name, sizeof(f.drill_name));
			ui->filter[0] = 0;
			ui->xoff = 0;
		}
		ui->mode = TOP_MODE_TABLE;
		break;
	case TOP_A_CANCEL: ui->mode = TOP_MODE_TABLE; break;
	default: break;
	}
}

/* A key while a search or filter text is typed. */
static void text_key(struct top_ui *ui, struct top_key k)
{
	char *text = ui->mode == TOP_MODE_SEARCH ? ui->search : ui->filter;
	size_t len = strlen(text);

	switch (k.action) {
	case TOP_A_CHAR:
		if (len + 1 < TOP_UI_TEXT) {
			text[len] = (char)k.arg;
			text[len + 1] = 0;
		}
		break;
	case TOP_A_BACK:
		if (len)
			text[len - 1] = 0;
		break;
	case TOP_A_ENTER:
		ui->mode = TOP_MODE_TABLE;
		return;
	case TOP_A_CANCEL:
		/* Esc drops a filter; a search just ends where it is */
		if (ui->mode == TOP_MODE_FILTER)
			text[0] = 0;
		ui->mode = TOP_MODE_TABLE;
		return;
	case TOP_A_SEARCH_NEXT:
		search_from(ui, ui->sel + 1);
		return;
	default:
		move(ui, k.action);
		return;
	}
	if (ui->mode == TOP_MODE_SEARCH)
		search_from(ui, ui->sel); /* incremental: from the current row on */
}

static void table_key(struct top_ui *ui, struct top_key k)
{
	const struct top_view *v = top_ui_view(ui);

	switch (k.action) {
	case TOP_A_QUIT: ui->quit = true; break;
	case TOP_A_ENTER: drill_down(ui); break;
	case TOP_A_BACK: go_back(ui); break;
	case TOP_A_VIEWS:
		ui->mode = TOP_MODE_VIEWS;
		ui->panel_sel = (int)ui->cur.view;
		break;
	case TOP_A_SORT_PANEL: {
		int c = top_view_column_of(v, ui->cur.sort);

		ui->mode = TOP_MODE_SORT;
		ui->panel_sel = c < 0 ? 0 : c;
		break;
	}
	case TOP_A_SORT_COL:
		if (k.arg >= 1 && k.arg <= v->ncols)
			sort_by(ui, v->cols[k.arg - 1].field);
		break;
	case TOP_A_INVERT: ui->cur.ascending = !ui->cur.ascending; break;
	case TOP_A_SEARCH:
		ui->mode = TOP_MODE_SEARCH;
		ui->search[0] = 0;
		break;
	case TOP_A_SEARCH_NEXT:
		if (ui->search[0])
			search_from(ui, ui->sel + 1);
		break;
	case TOP_A_FILTER: ui->mode = TOP_MODE_FILTER; break;
	case TOP_A_PAUSE: ui->paused = !ui->paused; break;
	case TOP_A_STEP: ui->steps++; break;
	case TOP_A_HELP: ui->mode = TOP_MODE_HELP; break;
	default: move(ui, k.action); break;
	}
}

int top_ui_apply(struct top_ui *ui, struct top_key k, struct top_table *tables)
{
	if (k.action != TOP_A_NONE && k.action != TOP_A_RESIZE)
		ui->message = NULL;
	switch (ui->mode) {
	case TOP_MODE_TABLE: table_key(ui, k); break;
	case TOP_MODE_SORT:
	case TOP_MODE_VIEWS: panel_key(ui, k); break;
	case TOP_MODE_SEARCH:
	case TOP_MODE_FILTER: text_key(ui, k); break;
	case TOP_MODE_HELP:
		if (k.action == TOP_A_CANCEL)
			ui->mode = TOP_MODE_TABLE;
		break;
	}
	return top_ui_update(ui, tables);
}

/* The column of @v under screen cell @x (scrolled by @xoff); -1 past the last. */
static int column_at(const struct top_view *v, size_t x)
{
	size_t at = 0;

	for (int i = 0; i < v->ncols; i++) {
		if (!v->cols[i].width || x < at + (size_t)v->cols[i].width)
			return i;
		at += (size_t)v->cols[i].width;
	}
	return -1;
}

int top_ui_click(struct top_ui *ui, int x, int y, bool double_click, struct top_table *tables)
{
	const struct top_view *v = top_ui_view(ui);

	if (ui->mode != TOP_MODE_TABLE || x < 0 || y < TOP_UI_HEADER_LINE)
		return 0;
	ui->message = NULL;
	if (y == TOP_UI_HEADER_LINE) {
		int c = column_at(v, ui->xoff + (size_t)x);

		if (c >= 0)
			sort_by(ui, v->cols[c].field);
	} else if (ui->first + (size_t)(y - TOP_UI_HEADER_LINE - 1) < ui->nrows) {
		select_row(ui, ui->first + (size_t)(y - TOP_UI_HEADER_LINE - 1));
		if (double_click)
			drill_down(ui);
	}
	return top_ui_update(ui, tables);
}

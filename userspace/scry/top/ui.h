/* SPDX-License-Identifier: Apache-2.0 */
/*
 * ui.h - scry top's screen state, without ncurses: the view shown, the drill-down
 * stack, the sort, the selection, the panels and what is being typed, and how each
 * action (input.h) changes them. screen.c draws this state; the unit tests drive it.
 */
#ifndef SCRY_TOP_UI_H
#define SCRY_TOP_UI_H

#include <stdbool.h>
#include <stddef.h>

#include "input.h"
#include "model.h"
#include "views.h"

#define TOP_UI_DEPTH 8     /* drill-downs kept for Backspace */
#define TOP_UI_TEXT 64     /* bytes of a search or filter text */
#define TOP_UI_XSTEP 8     /* columns Left/Right scroll by */

/* One view on the drill-down stack. */
struct top_frame {
	enum top_view_id view;
	char drill_id[80];     /* only rows of this container id; "" all */
	char drill_name[128];  /* its name, for the header */
	enum top_field sort;
	bool ascending;
	char sel_key[80];      /* the selected row's key; "" none */
};

struct top_ui {
	struct top_frame cur;
	struct top_frame stack[TOP_UI_DEPTH];
	int depth;
	enum top_mode mode;
	int panel_sel;          /* the highlighted entry of the sort or view panel */
	char search[TOP_UI_TEXT];
	char filter[TOP_UI_TEXT]; /* F4: only rows with a cell that contains it */
	/* the rows shown: pointers into the table last given to top_ui_update() */
	const struct top_row **rows;
	size_t nrows, rows_cap;
	size_t sel;             /* index in rows of the selected one */
	size_t first;           /* index in rows of the top line */
	size_t page;            /* lines of rows the screen has */
	size_t xoff;            /* columns scrolled to the left (Left/Right) */
	bool paused;            /* p: the shown interval stays */
	int steps;              /* n pressed: intervals to advance (the loop takes them) */
	bool quit;
	const char *message;    /* one-line notice for the status bar (static text); NULL */
};

/* Start on view @view with its default sort (descending). */
void top_ui_init(struct top_ui *ui, enum top_view_id view);

/* Free what top_ui_update() allocated. */
void top_ui_free(struct top_ui *ui);

/*
 * Take the rows of a new interval (or re-apply the current view to the same ones):
 * @tables holds TOP_NVIEWS tables, one per view (enum top_view_id). Sort the current
 * view's table in place by the current sort, keep the rows of the drill-down container
 * and those the F4 filter matches, select the row selected before (by key) or the
 * nearest position. @tables must outlive the next call. Return 0 or -ENOMEM.
 */
int top_ui_update(struct top_ui *ui, struct top_table *tables);

/* Apply @k to the state, then top_ui_update(@tables). Return 0 or -ENOMEM. */
int top_ui_apply(struct top_ui *ui, struct top_key k, struct top_table *tables);

/*
 * A mouse click at column @x, line @y of the screen (as csysdig's): on the column header
 * (line 2) sorts by the column under it (as Shift+N does); on a row (line 3 on) selects
 * it, and a double click drills down. Only in the table mode. Return 0 or -ENOMEM.
 */
#define TOP_UI_HEADER_LINE 2
int top_ui_click(struct top_ui *ui, int x, int y, bool double_click, struct top_table *tables);

/* Set the number of row lines on screen (after a resize) and keep the selection in it. */
void top_ui_set_page(struct top_ui *ui, size_t page);

/* The current view. */
const struct top_view *top_ui_view(const struct top_ui *ui);

#endif /* SCRY_TOP_UI_H */

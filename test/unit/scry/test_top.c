/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_top.c - scry top without a terminal: rows and their sort and cells (model.c),
 * the views' lines (views.c), csysdig's keys (input.c), and what the keys do to the
 * screen state: sorting, drill-down and back, search, row filter, panels (ui.c), and
 * the set of keys a filter matched (keyset.c).
 */
#include <check.h>
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "keyset.h"
#include "model.h"
#include "ui.h"
#include "views.h"

/* A container row: id, name, CPU %, syscalls/s. */
static void add_container(struct top_table *t, const char *id, const char *name, double cpu,
			  double sysc)
{
	struct top_row *r = top_table_add(t, id);

	ck_assert_ptr_nonnull(r);
	ck_assert_int_eq(top_row_set_text(r, TOP_F_ID, id), 0);
	ck_assert_int_eq(top_row_set_text(r, TOP_F_NAME, name), 0);
	r->num[TOP_F_CPU] = cpu;
	r->num[TOP_F_SYSCALLS] = sysc;
}

/* A process row: pid, container id, command, CPU %. */
static void add_proc(struct top_table *t, int pid, const char *cid, const char *cmd, double cpu)
{
	char key[16];
	struct top_row *r;

	snprintf(key, sizeof(key), "%d", pid);
	r = top_table_add(t, key);
	ck_assert_ptr_nonnull(r);
	r->num[TOP_F_PID] = pid;
	r->num[TOP_F_CPU] = cpu;
	ck_assert_int_eq(top_row_set_text(r, TOP_F_ID, cid), 0);
	ck_assert_int_eq(top_row_set_text(r, TOP_F_COMMAND, cmd), 0);
}

/* Three containers (busy: most CPU, idle1 most syscalls) and their processes. */
static void fill(struct top_table *tables)
{
	add_container(&tables[TOP_VIEW_CONTAINERS], "aaaaaaaaaaaa", "idle1", 0.5, 900);
	add_container(&tables[TOP_VIEW_CONTAINERS], "bbbbbbbbbbbb", "busy", 98.25, 10);
	add_container(&tables[TOP_VIEW_CONTAINERS], "cccccccccccc", "idle2", 0.0, 3);
	add_proc(&tables[TOP_VIEW_PROCS], 100, "aaaaaaaaaaaa", "sleep 1", 0.5);
	add_proc(&tables[TOP_VIEW_PROCS], 200, "bbbbbbbbbbbb", "sh -c while :; do :; done", 98.25);
	add_proc(&tables[TOP_VIEW_PROCS], 201, "bbbbbbbbbbbb", "sleep 1", 0.0);
	add_proc(&tables[TOP_VIEW_PROCS], 300, "cccccccccccc", "sleep 1", 0.0);
	add_proc(&tables[TOP_VIEW_PROCS], 1, "host", "init", 1.0);
}

/* Fill @tables, start @ui on @view with @page lines, take the tables. */
static void start(struct top_ui *ui, struct top_table *tables, enum top_view_id view, size_t page)
{
	fill(tables);
	top_ui_init(ui, view);
	top_ui_set_page(ui, page);
	ck_assert_int_eq(top_ui_update(ui, tables), 0);
}

static void free_tables(struct top_table *tables)
{
	for (int i = 0; i < TOP_NVIEWS; i++)
		top_table_free(&tables[i]);
}

static const char *row_text(const struct top_ui *ui, size_t i, enum top_field f)
{
	ck_assert_uint_lt(i, ui->nrows);
	return top_row_text(ui->rows[i], f);
}

/* Press @key (a getch() code) in the current mode. */
static void press(struct top_ui *ui, int key, struct top_table *tables)
{
	ck_assert_int_eq(top_ui_apply(ui, top_key_decode(key, ui->mode), tables), 0);
}

/* ---- model -------------------------------------------------------------------------- */

START_TEST(sort_numbers_and_texts)
{
	struct top_table t = { 0 };

	add_container(&t, "k2", "b", 5, 0);
	add_container(&t, "k1", "c", 5, 0);
	add_container(&t, "k3", "a", 7, 0);
	top_table_sort(&t, TOP_F_CPU, false);
	/* 7 first; the two 5s by key, whatever the direction */
	ck_assert_str_eq(t.rows[0].key, "k3");
	ck_assert_str_eq(t.rows[1].key, "k1");
	ck_assert_str_eq(t.rows[2].key, "k2");
	top_table_sort(&t, TOP_F_CPU, true);
	ck_assert_str_eq(t.rows[0].key, "k1");
	ck_assert_str_eq(t.rows[1].key, "k2");
	ck_assert_str_eq(t.rows[2].key, "k3");
	top_table_sort(&t, TOP_F_NAME, true);
	ck_assert_str_eq(top_row_text(&t.rows[0], TOP_F_NAME), "a");
	ck_assert_str_eq(top_row_text(&t.rows[2], TOP_F_NAME), "c");
	ck_assert_int_eq(top_table_find_key(&t, "k2"), 1);
	ck_assert_int_eq(top_table_find_key(&t, "nope"), -1);
	/* an unset text reads as "" */
	ck_assert_str_eq(top_row_text(&t.rows[0], TOP_F_IMAGE), "");
	top_table_clear(&t);
	ck_assert_uint_eq(t.n, 0);
	top_table_free(&t);
}
END_TEST

START_TEST(cell_texts)
{
	struct top_row r = { 0 };
	char b[32];

	r.num[TOP_F_CPU] = 50;
	ck_assert_str_eq(top_cell_text(&r, TOP_F_CPU, b, sizeof(b)), "50.00");
	r.num[TOP_F_MEM] = 1536;
	ck_assert_str_eq(top_cell_text(&r, TOP_F_MEM, b, sizeof(b)), "1.50K");
	r.num[TOP_F_MEM] = 999;
	ck_assert_str_eq(top_cell_text(&r, TOP_F_MEM, b, sizeof(b)), "999");
	r.num[TOP_F_MEM] = 12.5 * 1024 * 1024;
	ck_assert_str_eq(top_cell_text(&r, TOP_F_MEM, b, sizeof(b)), "12.5M");
	r.num[TOP_F_NET_IN] = 300.0 * 1024 * 1024 * 1024;
	ck_assert_str_eq(top_cell_text(&r, TOP_F_NET_IN, b, sizeof(b)), "300G");
	r.num[TOP_F_SYSCALLS] = 1200;
	ck_assert_str_eq(top_cell_text(&r, TOP_F_SYSCALLS, b, sizeof(b)), "1.20K");
	r.num[TOP_F_ERRORS] = 12.5;
	ck_assert_str_eq(top_cell_text(&r, TOP_F_ERRORS, b, sizeof(b)), "12.5");
	r.num[TOP_F_FILE_R] = 0;
	ck_assert_str_eq(top_cell_text(&r, TOP_F_FILE_R, b, sizeof(b)), "0");
	r.num[TOP_F_PID] = 4242;
	ck_assert_str_eq(top_cell_text(&r, TOP_F_PID, b, sizeof(b)), "4242");
	ck_assert(top_text_contains("Busy-Loop", "busy-l"));
	ck_assert(top_text_contains("x", ""));
	ck_assert(!top_text_contains("idle", "busy"));
}
END_TEST

/* ---- views -------------------------------------------------------------------------- */

START_TEST(view_lines)
{
	const struct top_view *v = top_view_find("containers");
	struct top_table t = { 0 };
	char line[256];

	ck_assert_ptr_nonnull(v);
	ck_assert_ptr_eq(top_view_find("procs"), top_view_get(TOP_VIEW_PROCS));
	ck_assert_ptr_null(top_view_find("nope"));
	ck_assert_int_eq(top_view_column_of(v, TOP_F_CPU), 0);
	ck_assert_int_eq(top_view_column_of(v, TOP_F_COMMAND), -1);
	ck_assert_int_eq(v->drilldown, TOP_VIEW_PROCS);
	/* the header starts with CPU right-aligned in its 7 cells, the name comes last */
	top_view_header_line(v, line, sizeof(line));
	ck_assert_msg(!strncmp(line, "   CPU PROCS THREADS ", 21), "header: %s", line);
	ck_assert_msg(strstr(line, " NAME") && !strcmp(strstr(line, " NAME"), " NAME"), "header: %s",
		      line);
	add_container(&t, "bbbbbbbbbbbb", "busy", 98.25, 10);
	top_view_row_line(v, &t.rows[0], line, sizeof(line));
	ck_assert_msg(!strncmp(line, " 98.25     0 ", 13), "row: %s", line);
	ck_assert_msg(strstr(line, "bbbbbbbbbbbb busy") != NULL, "row: %s", line);
	ck_assert(top_view_row_matches(v, &t.rows[0], "BUSY"));
	ck_assert(top_view_row_matches(v, &t.rows[0], "98.2"));
	ck_assert(!top_view_row_matches(v, &t.rows[0], "idle"));
	/* a short buffer is cut, terminated */
	top_view_row_line(v, &t.rows[0], line, 10);
	ck_assert_uint_eq(strlen(line), 9);
	top_table_free(&t);
}
END_TEST

/* ---- keys --------------------------------------------------------------------------- */

START_TEST(keys_as_csysdig)
{
	struct top_key k;

	k = top_key_decode('!', TOP_MODE_TABLE);
	ck_assert_int_eq(k.action, TOP_A_SORT_COL);
	ck_assert_int_eq(k.arg, 1);
	k = top_key_decode('(', TOP_MODE_TABLE);
	ck_assert_int_eq(k.action, TOP_A_SORT_COL);
	ck_assert_int_eq(k.arg, 9);
	ck_assert_int_eq(top_key_decode(KEY_F(9), TOP_MODE_TABLE).action, TOP_A_SORT_PANEL);
	ck_assert_int_eq(top_key_decode('>', TOP_MODE_TABLE).action, TOP_A_SORT_PANEL);
	ck_assert_int_eq(top_key_decode('<', TOP_MODE_TABLE).action, TOP_A_SORT_PANEL);
	ck_assert_int_eq(top_key_decode(KEY_F(2), TOP_MODE_TABLE).action, TOP_A_VIEWS);
	ck_assert_int_eq(top_key_decode('\r', TOP_MODE_TABLE).action, TOP_A_ENTER);
	ck_assert_int_eq(top_key_decode(KEY_ENTER, TOP_MODE_TABLE).action, TOP_A_ENTER);
	ck_assert_int_eq(top_key_decode(KEY_BACKSPACE, TOP_MODE_TABLE).action, TOP_A_BACK);
	ck_assert_int_eq(top_key_decode(127, TOP_MODE_TABLE).action, TOP_A_BACK);
	ck_assert_int_eq(top_key_decode('q', TOP_MODE_TABLE).action, TOP_A_QUIT);
	ck_assert_int_eq(top_key_decode(KEY_F(10), TOP_MODE_TABLE).action, TOP_A_QUIT);
	ck_assert_int_eq(top_key_decode('p', TOP_MODE_TABLE).action, TOP_A_PAUSE);
	ck_assert_int_eq(top_key_decode('n', TOP_MODE_TABLE).action, TOP_A_STEP);
	ck_assert_int_eq(top_key_decode('/', TOP_MODE_TABLE).action, TOP_A_SEARCH);
	ck_assert_int_eq(top_key_decode(6 /* Ctrl+F */, TOP_MODE_TABLE).action, TOP_A_SEARCH);
	ck_assert_int_eq(top_key_decode(KEY_F(4), TOP_MODE_TABLE).action, TOP_A_FILTER);
	ck_assert_int_eq(top_key_decode('h', TOP_MODE_TABLE).action, TOP_A_HELP);
	ck_assert_int_eq(top_key_decode(KEY_F(1), TOP_MODE_TABLE).action, TOP_A_HELP);
	ck_assert_int_eq(top_key_decode(KEY_DOWN, TOP_MODE_TABLE).action, TOP_A_DOWN);
	ck_assert_int_eq(top_key_decode(KEY_LEFT, TOP_MODE_TABLE).action, TOP_A_LEFT);
	ck_assert_int_eq(top_key_decode(KEY_RIGHT, TOP_MODE_TABLE).action, TOP_A_RIGHT);
	ck_assert_int_eq(top_key_decode(KEY_RESIZE, TOP_MODE_TABLE).action, TOP_A_RESIZE);
	/* typing: letters are text, q included */
	k = top_key_decode('q', TOP_MODE_SEARCH);
	ck_assert_int_eq(k.action, TOP_A_CHAR);
	ck_assert_int_eq(k.arg, 'q');
	ck_assert_int_eq(top_key_decode(127, TOP_MODE_FILTER).action, TOP_A_BACK);
	ck_assert_int_eq(top_key_decode(27, TOP_MODE_FILTER).action, TOP_A_CANCEL);
	ck_assert_int_eq(top_key_decode('x', TOP_MODE_HELP).action, TOP_A_CANCEL);
	ck_assert_int_eq(top_key_decode(KEY_BACKSPACE, TOP_MODE_SORT).action, TOP_A_CANCEL);
}
END_TEST

/* ---- screen state ------------------------------------------------------------------- */

START_TEST(sort_by_cpu_busy_first)
{
	struct top_table tables[TOP_NVIEWS] = { 0 };
	struct top_ui ui;

	start(&ui, tables, TOP_VIEW_CONTAINERS, 10);
	ck_assert_uint_eq(ui.nrows, 3);
	/* default: CPU, largest first */
	ck_assert_str_eq(row_text(&ui, 0, TOP_F_NAME), "busy");
	/* the syscalls column (9th of the view: Shift+9) puts idle1 first */
	press(&ui, '(', tables);
	ck_assert_int_eq(ui.cur.sort, TOP_F_SYSCALLS);
	ck_assert(!ui.cur.ascending);
	ck_assert_str_eq(row_text(&ui, 0, TOP_F_NAME), "idle1");
	/* CPU again (Shift+1), then again: ascending */
	press(&ui, '!', tables);
	ck_assert_str_eq(row_text(&ui, 0, TOP_F_NAME), "busy");
	press(&ui, '!', tables);
	ck_assert(ui.cur.ascending);
	ck_assert_str_eq(row_text(&ui, 2, TOP_F_NAME), "busy");
	press(&ui, 'I', tables);
	ck_assert_str_eq(row_text(&ui, 0, TOP_F_NAME), "busy");
	/* the sort panel: F9 starts on the current column; Down to PROCS, Enter */
	press(&ui, KEY_F(9), tables);
	ck_assert_int_eq(ui.mode, TOP_MODE_SORT);
	ck_assert_int_eq(ui.panel_sel, 0);
	press(&ui, KEY_DOWN, tables);
	press(&ui, '\r', tables);
	ck_assert_int_eq(ui.mode, TOP_MODE_TABLE);
	ck_assert_int_eq(ui.cur.sort, TOP_F_PROCS);
	/* a text column sorts A to Z first: NAME is the 13th column, through the panel */
	press(&ui, '>', tables);
	press(&ui, KEY_END, tables);
	press(&ui, KEY_ENTER, tables);
	ck_assert_int_eq(ui.cur.sort, TOP_F_NAME);
	ck_assert(ui.cur.ascending);
	ck_assert_str_eq(row_text(&ui, 0, TOP_F_NAME), "busy");
	ck_assert_str_eq(row_text(&ui, 2, TOP_F_NAME), "idle2");
	top_ui_free(&ui);
	free_tables(tables);
}
END_TEST

START_TEST(drill_down_and_back)
{
	struct top_table tables[TOP_NVIEWS] = { 0 };
	struct top_ui ui;

	start(&ui, tables, TOP_VIEW_CONTAINERS, 10);
	/* select idle1 (second by CPU), the selection follows it through a new interval */
	press(&ui, KEY_DOWN, tables);
	ck_assert_str_eq(row_text(&ui, ui.sel, TOP_F_NAME), "idle1");
	/* idle1 now busiest */
	tables[TOP_VIEW_CONTAINERS].rows[top_table_find_key(&tables[TOP_VIEW_CONTAINERS],
							    "aaaaaaaaaaaa")].num[TOP_F_CPU] = 99.5;
	ck_assert_int_eq(top_ui_update(&ui, tables), 0);
	ck_assert_uint_eq(ui.sel, 0);
	ck_assert_str_eq(row_text(&ui, ui.sel, TOP_F_NAME), "idle1");
	press(&ui, KEY_DOWN, tables);
	ck_assert_str_eq(row_text(&ui, ui.sel, TOP_F_NAME), "busy");
	/* Enter: the processes of busy only, busiest first */
	press(&ui, '\r', tables);
	ck_assert_int_eq(ui.cur.view, TOP_VIEW_PROCS);
	ck_assert_str_eq(ui.cur.drill_id, "bbbbbbbbbbbb");
	ck_assert_str_eq(ui.cur.drill_name, "busy");
	ck_assert_uint_eq(ui.nrows, 2);
	ck_assert_str_eq(row_text(&ui, 0, TOP_F_COMMAND), "sh -c while :; do :; done");
	ck_assert_str_eq(row_text(&ui, 1, TOP_F_COMMAND), "sleep 1");
	/* no view below processes */
	press(&ui, '\r', tables);
	ck_assert_int_eq(ui.cur.view, TOP_VIEW_PROCS);
	ck_assert_ptr_nonnull(ui.message);
	/* F2 to Containers keeps the drill-down: only busy */
	press(&ui, KEY_F(2), tables);
	ck_assert_int_eq(ui.mode, TOP_MODE_VIEWS);
	press(&ui, KEY_UP, tables);
	press(&ui, '\r', tables);
	ck_assert_int_eq(ui.cur.view, TOP_VIEW_CONTAINERS);
	ck_assert_uint_eq(ui.nrows, 1);
	/* Backspace: all containers, busy still selected */
	press(&ui, KEY_BACKSPACE, tables);
	ck_assert_int_eq(ui.cur.view, TOP_VIEW_CONTAINERS);
	ck_assert_str_eq(ui.cur.drill_id, "");
	ck_assert_uint_eq(ui.nrows, 3);
	ck_assert_str_eq(row_text(&ui, ui.sel, TOP_F_NAME), "busy");
	/* Right, Right, Left scroll sideways by 8 columns; at most to the last column (the
	 * Containers view's 12 columns before NAME take 110 cells); Enter starts at 0 */
	press(&ui, KEY_RIGHT, tables);
	press(&ui, KEY_RIGHT, tables);
	press(&ui, KEY_LEFT, tables);
	ck_assert_uint_eq(ui.xoff, 8);
	for (int i = 0; i < 20; i++)
		press(&ui, KEY_RIGHT, tables);
	ck_assert_uint_eq(ui.xoff, 104);
	press(&ui, '\r', tables);
	ck_assert_uint_eq(ui.xoff, 0);
	press(&ui, KEY_BACKSPACE, tables);
	/* Backspace at the top: nothing */
	press(&ui, KEY_BACKSPACE, tables);
	ck_assert_uint_eq(ui.nrows, 3);
	top_ui_free(&ui);
	free_tables(tables);
}
END_TEST

START_TEST(mouse_clicks)
{
	struct top_table tables[TOP_NVIEWS] = { 0 };
	struct top_ui ui;

	start(&ui, tables, TOP_VIEW_CONTAINERS, 10);
	/* the header: cells 7..12 are PROCS (CPU takes 0..6), a click sorts by it; the
	 * name (the last column) takes the rest of the line */
	ck_assert_int_eq(top_ui_click(&ui, 10, TOP_UI_HEADER_LINE, false, tables), 0);
	ck_assert_int_eq(ui.cur.sort, TOP_F_PROCS);
	ck_assert_int_eq(top_ui_click(&ui, 150, TOP_UI_HEADER_LINE, false, tables), 0);
	ck_assert_int_eq(ui.cur.sort, TOP_F_NAME);
	ck_assert(ui.cur.ascending);
	/* scrolled by 8: cell 6 is cell 14, within THREADS (13..20) */
	press(&ui, KEY_RIGHT, tables);
	ck_assert_int_eq(top_ui_click(&ui, 6, TOP_UI_HEADER_LINE, false, tables), 0);
	ck_assert_int_eq(ui.cur.sort, TOP_F_THREADS);
	/* rows: by NAME A to Z busy, idle1, idle2; a click on the third line selects idle2,
	 * below the rows nothing */
	press(&ui, KEY_LEFT, tables);
	top_ui_click(&ui, 150, TOP_UI_HEADER_LINE, false, tables);
	ck_assert_int_eq(top_ui_click(&ui, 5, TOP_UI_HEADER_LINE + 3, false, tables), 0);
	ck_assert_str_eq(row_text(&ui, ui.sel, TOP_F_NAME), "idle2");
	ck_assert_int_eq(top_ui_click(&ui, 5, TOP_UI_HEADER_LINE + 9, false, tables), 0);
	ck_assert_str_eq(row_text(&ui, ui.sel, TOP_F_NAME), "idle2");
	/* a double click on busy: its processes */
	ck_assert_int_eq(top_ui_click(&ui, 5, TOP_UI_HEADER_LINE + 1, true, tables), 0);
	ck_assert_int_eq(ui.cur.view, TOP_VIEW_PROCS);
	ck_assert_str_eq(ui.cur.drill_id, "bbbbbbbbbbbb");
	/* not in a panel */
	press(&ui, KEY_F(9), tables);
	ck_assert_int_eq(top_ui_click(&ui, 10, TOP_UI_HEADER_LINE, false, tables), 0);
	ck_assert_int_eq(ui.cur.sort, TOP_F_CPU);
	top_ui_free(&ui);
	free_tables(tables);
}
END_TEST

START_TEST(search_filter_pause_quit)
{
	struct top_table tables[TOP_NVIEWS] = { 0 };
	struct top_ui ui;

	start(&ui, tables, TOP_VIEW_PROCS, 2);
	ck_assert_uint_eq(ui.nrows, 5);
	/* /sleep: the first sleep from the selection on; F3 the next one */
	press(&ui, '/', tables);
	ck_assert_int_eq(ui.mode, TOP_MODE_SEARCH);
	for (const char *c = "SLEEP"; *c; c++)
		press(&ui, *c, tables);
	ck_assert_str_eq(row_text(&ui, ui.sel, TOP_F_COMMAND), "sleep 1");
	size_t first = ui.sel;

	press(&ui, KEY_F(3), tables);
	ck_assert_uint_ne(ui.sel, first);
	ck_assert_str_eq(row_text(&ui, ui.sel, TOP_F_COMMAND), "sleep 1");
	/* the page follows the selection */
	ck_assert(ui.sel >= ui.first && ui.sel < ui.first + 2);
	press(&ui, '\r', tables);
	ck_assert_int_eq(ui.mode, TOP_MODE_TABLE);
	/* no match: a notice, the selection stays */
	press(&ui, '/', tables);
	press(&ui, 'z', tables);
	ck_assert_str_eq(ui.message, "not found");
	press(&ui, 27, tables);
	/* F4 sleep: three rows; Backspace edits; Esc clears */
	press(&ui, KEY_F(4), tables);
	for (const char *c = "sleep"; *c; c++)
		press(&ui, *c, tables);
	ck_assert_uint_eq(ui.nrows, 3);
	press(&ui, '\r', tables);
	ck_assert_uint_eq(ui.nrows, 3);
	press(&ui, '\\', tables);
	press(&ui, KEY_BACKSPACE, tables);
	ck_assert_str_eq(ui.filter, "slee");
	press(&ui, 27, tables);
	ck_assert_str_eq(ui.filter, "");
	ck_assert_uint_eq(ui.nrows, 5);
	/* p pauses and resumes, n asks for a step, h shows help and any key leaves it */
	press(&ui, 'p', tables);
	ck_assert(ui.paused);
	press(&ui, 'n', tables);
	ck_assert_int_eq(ui.steps, 1);
	press(&ui, 'p', tables);
	ck_assert(!ui.paused);
	press(&ui, 'h', tables);
	ck_assert_int_eq(ui.mode, TOP_MODE_HELP);
	press(&ui, 'q', tables);
	ck_assert_int_eq(ui.mode, TOP_MODE_TABLE);
	ck_assert(!ui.quit);
	press(&ui, 'q', tables);
	ck_assert(ui.quit);
	top_ui_free(&ui);
	free_tables(tables);
}
END_TEST

START_TEST(empty_table)
{
	struct top_table tables[TOP_NVIEWS] = { 0 };
	struct top_ui ui;

	top_ui_init(&ui, TOP_VIEW_CONTAINERS);
	ck_assert_int_eq(top_ui_update(&ui, tables), 0);
	ck_assert_uint_eq(ui.nrows, 0);
	press(&ui, KEY_DOWN, tables);
	press(&ui, KEY_END, tables);
	press(&ui, '\r', tables);
	ck_assert_int_eq(ui.cur.view, TOP_VIEW_CONTAINERS);
	ck_assert_uint_eq(ui.sel, 0);
	top_ui_free(&ui);
}
END_TEST

/* 5000 keys (past several growths), removals and re-adds: each found iff present. */
START_TEST(keyset_add_remove)
{
	struct top_keyset k = { 0 };
	char key[32];

	ck_assert(!top_keyset_has(&k, "1"));
	for (int i = 0; i < 5000; i++) {
		snprintf(key, sizeof(key), "host-%d/%d", i % 3, i);
		ck_assert_int_eq(top_keyset_add(&k, key), 0);
		ck_assert_int_eq(top_keyset_add(&k, key), 0); /* twice: one entry */
	}
	ck_assert_uint_eq(k.n, 5000);
	for (int i = 0; i < 5000; i += 2) {
		snprintf(key, sizeof(key), "host-%d/%d", i % 3, i);
		top_keyset_remove(&k, key);
	}
	ck_assert_uint_eq(k.n, 2500);
	for (int i = 0; i < 5000; i++) {
		snprintf(key, sizeof(key), "host-%d/%d", i % 3, i);
		ck_assert_msg(top_keyset_has(&k, key) == (i % 2 == 1), "key %s", key);
	}
	ck_assert(!top_keyset_has(&k, "host-0/5000"));
	/* removed keys come back; the slots of removed ones are reused or rehashed */
	for (int r = 0; r < 4; r++)
		for (int i = 0; i < 5000; i += 2) {
			snprintf(key, sizeof(key), "host-%d/%d", i % 3, i);
			ck_assert_int_eq(top_keyset_add(&k, key), 0);
			top_keyset_remove(&k, key);
		}
	ck_assert_uint_eq(k.n, 2500);
	ck_assert_uint_le(k.used * 2, k.cap);
	top_keyset_free(&k);
	ck_assert_uint_eq(k.cap, 0);
}
END_TEST

static Suite *top_suite(void)
{
	Suite *s = suite_create("scry top");
	TCase *tc = tcase_create("model");

	tcase_add_test(tc, sort_numbers_and_texts);
	tcase_add_test(tc, cell_texts);
	tcase_add_test(tc, keyset_add_remove);
	suite_add_tcase(s, tc);
	tc = tcase_create("views");
	tcase_add_test(tc, view_lines);
	suite_add_tcase(s, tc);
	tc = tcase_create("keys");
	tcase_add_test(tc, keys_as_csysdig);
	suite_add_tcase(s, tc);
	tc = tcase_create("ui");
	tcase_add_test(tc, sort_by_cpu_busy_first);
	tcase_add_test(tc, drill_down_and_back);
	tcase_add_test(tc, mouse_clicks);
	tcase_add_test(tc, search_filter_pause_quit);
	tcase_add_test(tc, empty_table);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(top_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

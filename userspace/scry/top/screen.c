/* SPDX-License-Identifier: Apache-2.0 */
/*
 * screen.c - scry top's ncurses screen (screen.h). Layout as csysdig's: "Viewing:" and
 * "Source:" lines, the column header on a green bar, the rows with the selected one
 * on a cyan bar, the menu of keys at the bottom (key, then its label on cyan).
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "screen.h"

enum { PAIR_HEADER = 1, PAIR_MENU, PAIR_SEL, PAIR_PANEL };

/* Line buffer: wide enough for any terminal we draw on (cut at COLS). */
#define LINE_MAX_COLS 1024

int top_screen_open(int timeout_ms)
{
	if (!newterm(NULL, stdout, stdin)) {
		fprintf(stderr, "scry: top: cannot use the terminal (TERM=%s)\n",
			getenv("TERM") ? getenv("TERM") : "");
		return -1;
	}
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(50);
	curs_set(0);
	timeout(timeout_ms);
	/* csysdig's mouse: a click on a header sorts, on a row selects, twice drills down */
	mousemask(BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED, NULL);
	if (has_colors()) {
		start_color();
		use_default_colors();
		init_pair(PAIR_HEADER, COLOR_BLACK, COLOR_GREEN);
		init_pair(PAIR_MENU, COLOR_BLACK, COLOR_CYAN);
		init_pair(PAIR_SEL, COLOR_BLACK, COLOR_CYAN);
		init_pair(PAIR_PANEL, COLOR_BLACK, COLOR_WHITE);
	}
	return 0;
}

void top_screen_close(void)
{
	endwin();
}

size_t top_screen_page(void)
{
	/* two header lines, the column header, the menu */
	return LINES > 4 ? (size_t)LINES - 4 : 1;
}

bool top_screen_input(struct top_screen_input *in)
{
	MEVENT me;
	int k = getch();

	memset(in, 0, sizeof(*in));
	if (k == ERR)
		return false;
	in->key = k;
	if (k == KEY_MOUSE) {
		if (getmouse(&me) != OK ||
		    !(me.bstate & (BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED))) {
			in->key = 0;
			return false;
		}
		in->click = true;
		in->double_click = (me.bstate & BUTTON1_DOUBLE_CLICKED) != 0;
		in->x = me.x;
		in->y = me.y;
	}
	return true;
}

void top_screen_resized(void)
{
	clear();
}

/* Line @y: @text, padded with blanks to the width, in attribute @attr. */
static void put_line(int y, const char *text, attr_t attr)
{
	attron(attr);
	mvaddnstr(y, 0, text, COLS);
	for (int x = (int)strlen(text); x < COLS; x++)
		mvaddch(y, x, ' ');
	attroff(attr);
}

/* @line scrolled sideways by the UI's offset ("" when it is shorter). */
static const char *shifted(const struct top_ui *ui, const char *line)
{
	size_t n = strlen(line);

	return ui->xoff < n ? line + ui->xoff : "";
}

static attr_t pair(int p, attr_t fallback)
{
	return has_colors() ? COLOR_PAIR(p) : fallback;
}

static void fmt_time(uint64_t ns, char *buf, size_t len)
{
	time_t t = (time_t)(ns / 1000000000u);
	struct tm tm;

	gmtime_r(&t, &tm);
	snprintf(buf, len, "%02d:%02d:%02d", tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* The sorting column's title on the header line in the menu's colours (csysdig's mark). */
static void mark_sort_column(const struct top_ui *ui, const struct top_view *v)
{
	size_t at = 0;
	int i, w;

	for (i = 0; i < v->ncols && v->cols[i].field != ui->cur.sort; i++)
		at += (size_t)v->cols[i].width;
	if (i == v->ncols || at < ui->xoff || at - ui->xoff >= (size_t)COLS)
		return;
	w = v->cols[i].width ? v->cols[i].width - 1 : (int)strlen(v->cols[i].title);
	mvchgat(2, (int)(at - ui->xoff), w, has_colors() ? A_NORMAL : A_BOLD,
		has_colors() ? PAIR_MENU : 0, NULL);
}

static void draw_header(const struct top_ui *ui, const struct top_screen_info *info)
{
	const struct top_view *v = top_ui_view(ui);
	const struct top_column *sc = NULL;
	char line[LINE_MAX_COLS], t0[16], t1[16], iv[96] = "waiting for the first interval";

	if (ui->cur.drill_id[0])
		snprintf(line, sizeof(line), "Viewing: %s For: container.id=%s (%s)", v->name,
			 ui->cur.drill_id, ui->cur.drill_name);
	else
		snprintf(line, sizeof(line), "Viewing: %s For: whole machine", v->name);
	put_line(0, line, A_NORMAL);
	for (int i = 0; i < v->ncols; i++)
		if (v->cols[i].field == ui->cur.sort)
			sc = &v->cols[i];
	if (info->iv->valid) {
		fmt_time(info->iv->start_ns, t0, sizeof(t0));
		fmt_time(info->iv->end_ns, t1, sizeof(t1));
		snprintf(iv, sizeof(iv), "Interval: #%llu %s-%s UTC (%.1f s, CPU: %s)",
			 (unsigned long long)info->iv->index, t0, t1,
			 (double)(info->iv->end_ns - info->iv->start_ns) / 1e9,
			 info->iv->cpu_source ? info->iv->cpu_source : "none");
	}
	/* what changes first (a narrow terminal cuts the end): interval, sort, states */
	snprintf(line, sizeof(line), "%s Sort: %s %s%s%s%s%s Source: %s Filter: %s", iv,
		 sc ? sc->title : "?", ui->cur.ascending ? "(asc)" : "(desc)",
		 ui->paused ? " [PAUSED]" : "", info->end ? " [END]" : "",
		 ui->filter[0] ? " Rows: " : "", ui->filter, info->source,
		 info->filter && *info->filter ? info->filter : "none");
	put_line(1, line, A_NORMAL);
	put_line(2, shifted(ui, top_view_header_line(v, line, sizeof(line))),
		 pair(PAIR_HEADER, A_REVERSE));
	mark_sort_column(ui, v);
}

static void draw_rows(const struct top_ui *ui)
{
	const struct top_view *v = top_ui_view(ui);
	size_t page = top_screen_page();
	char line[LINE_MAX_COLS];

	for (size_t i = 0; i < page; i++) {
		size_t k = ui->first + i;

		if (k >= ui->nrows) {
			put_line(3 + (int)i, "", A_NORMAL);
			continue;
		}
		top_view_row_line(v, ui->rows[k], line, sizeof(line));
		put_line(3 + (int)i, shifted(ui, line), k == ui->sel ? pair(PAIR_SEL, A_REVERSE) : A_NORMAL);
	}
}

/* The bottom line: the menu of keys, a typing prompt, or a notice. */
static void draw_menu(const struct top_ui *ui, const struct top_screen_info *info)
{
	static const char *const keys[][2] = {
		{ "F1", "Help" }, { "F2", "Views" }, { "F4", "Filter" }, { "F9", "Sort" },
		{ "/", "Search" }, { "Enter", "Drill" }, { "Bksp", "Back" }, { "p", "Pause" },
		{ "n", "Step" }, { "q", "Quit" },
	};
	char line[LINE_MAX_COLS];
	int y = LINES - 1;

	if (ui->mode == TOP_MODE_SEARCH || ui->mode == TOP_MODE_FILTER) {
		snprintf(line, sizeof(line), "%s: %s", ui->mode == TOP_MODE_SEARCH ? "Search" :
			 "Filter", ui->mode == TOP_MODE_SEARCH ? ui->search : ui->filter);
		put_line(y, line, A_BOLD);
		return;
	}
	if (ui->message) {
		put_line(y, ui->message, A_BOLD);
		return;
	}
	move(y, 0);
	clrtoeol();
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		if (!strcmp(keys[i][0], "n") && !info->file && !ui->paused)
			continue;
		addstr(keys[i][0]);
		attron(pair(PAIR_MENU, A_REVERSE));
		printw("%-7s", keys[i][1]);
		attroff(pair(PAIR_MENU, A_REVERSE));
	}
}

/* The sort panel (columns) or the view picker, over the left of the table. */
static void draw_panel(const struct top_ui *ui)
{
	const struct top_view *v = top_ui_view(ui);
	bool sort = ui->mode == TOP_MODE_SORT;
	int n = sort ? v->ncols : TOP_NVIEWS;
	char line[LINE_MAX_COLS];

	put_line(2, sort ? "Sort by" : "Views", pair(PAIR_HEADER, A_REVERSE));
	for (int i = 0; i < n && 3 + i < LINES - 1; i++) {
		if (sort)
			snprintf(line, sizeof(line), "%c %-10s %s",
				 v->cols[i].field == ui->cur.sort ? '*' : ' ', v->cols[i].title,
				 v->cols[i].description);
		else
			snprintf(line, sizeof(line), "%c %-12s %s",
				 (enum top_view_id)i == ui->cur.view ? '*' : ' ',
				 top_view_get((enum top_view_id)i)->name,
				 top_view_get((enum top_view_id)i)->description);
		put_line(3 + i, line, i == ui->panel_sel ? pair(PAIR_SEL, A_REVERSE) :
							   pair(PAIR_PANEL, A_NORMAL));
	}
}

static void draw_help(void)
{
	static const char *const lines[] = {
		"scry top: containers and processes, as csysdig shows them",
		"",
		"Arrows, PgUp, PgDn, Home, End   move the selection; Left, Right scroll sideways",
		"Enter                           drill down: the processes of the container",
		"Backspace                       back to the previous view",
		"F2                              pick a view (Containers, Processes)",
		"F9, >, <                        the column sort panel (Enter sorts; again: invert)",
		"Shift+1..9 (!@#$%^&*()          sort by column 1..9; again: invert",
		"I                               invert the sort order",
		"/, Ctrl+F                       search the rows (Enter ends, F3 next match)",
		"F4, \\                           show only rows containing a text (Esc clears)",
		"p                               pause: the interval shown stays",
		"n                               one interval further (a capture file, or paused)",
		"F1, h, ?                        this page",
		"F10, q                          quit",
		"Mouse                           a title sorts, a row selects, a double click drills down",
		"",
		"CPU: % of one CPU in the interval. RES: resident memory. NET_IN, NET_OUT, FILE_R,",
		"FILE_W: bytes per second. SYSCALLS, ERRORS: system calls and failed ones per second.",
		"",
		"Any key goes back.",
	};

	erase();
	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]) && (int)i < LINES; i++)
		mvaddnstr((int)i, 0, lines[i], COLS);
}

void top_screen_draw(const struct top_ui *ui, const struct top_screen_info *info)
{
	if (ui->mode == TOP_MODE_HELP) {
		draw_help();
		refresh();
		return;
	}
	draw_header(ui, info);
	draw_rows(ui);
	if (ui->mode == TOP_MODE_SORT || ui->mode == TOP_MODE_VIEWS)
		draw_panel(ui);
	draw_menu(ui, info);
	refresh();
}

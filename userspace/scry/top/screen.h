/* SPDX-License-Identifier: Apache-2.0 */
/*
 * screen.h - scry top's ncurses screen: the header lines, the table, the bottom menu,
 * the sort panel, the view picker, the typing prompts and the help page.
 */
#ifndef SCRY_TOP_SCREEN_H
#define SCRY_TOP_SCREEN_H

#include <stdbool.h>

#include "source.h"
#include "ui.h"

/* What the header shows besides the UI state. */
struct top_screen_info {
	const char *source;          /* top_source_name() */
	const char *filter;          /* the event filter; NULL or "": none */
	const struct top_interval *iv;
	bool file;                   /* a capture file (n steps, [END] at its end) */
	bool end;                    /* the capture's last interval is shown */
};

/* Set up the terminal (curses mode, keypad, no echo, getch() waits at most @timeout_ms);
 * the caller checked that stdin and stdout are terminals. Return 0, or -1 when the
 * terminal cannot be used (message on stderr). */
int top_screen_open(int timeout_ms);

/* Leave curses mode. */
void top_screen_close(void);

/* The number of table lines the terminal has now. */
size_t top_screen_page(void);

/* Draw everything. */
void top_screen_draw(const struct top_ui *ui, const struct top_screen_info *info);

/* A key or a mouse click. */
struct top_screen_input {
	int key;              /* getch() code; meaningless for a click */
	bool click;           /* a left-button click at x, y (cells from the top left) */
	bool double_click;
	int x, y;
};

/* Wait up to the timeout for a key or a click. Return false when none came. */
bool top_screen_input(struct top_screen_input *in);

/* After a resize (KEY_RESIZE): redraw all of it next time. */
void top_screen_resized(void);

#endif /* SCRY_TOP_SCREEN_H */

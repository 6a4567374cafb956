/* SPDX-License-Identifier: Apache-2.0 */
/*
 * input.h - scry top's keys, as csysdig's (its man page, INTERACTIVE COMMANDS): a key
 * code from ncurses' getch() decoded into an action, by the mode the screen is in.
 */
#ifndef SCRY_TOP_INPUT_H
#define SCRY_TOP_INPUT_H

enum top_mode {
	TOP_MODE_TABLE,   /* the rows */
	TOP_MODE_SORT,    /* the column sort panel (F9, >, <) */
	TOP_MODE_VIEWS,   /* the view picker (F2) */
	TOP_MODE_SEARCH,  /* typing a search (/, Ctrl+F) */
	TOP_MODE_FILTER,  /* typing a row filter (F4, \) */
	TOP_MODE_HELP,    /* the help page (F1, h, ?) */
};

enum top_action {
	TOP_A_NONE,
	TOP_A_QUIT,        /* q, F10 */
	TOP_A_UP, TOP_A_DOWN, TOP_A_PGUP, TOP_A_PGDN, TOP_A_HOME, TOP_A_END,
	TOP_A_LEFT, TOP_A_RIGHT, /* scroll the columns sideways */
	TOP_A_ENTER,       /* table: drill down; panels: choose; typing: accept */
	TOP_A_BACK,        /* Backspace: the previous view (typing: erase a character) */
	TOP_A_CANCEL,      /* Esc: leave a panel or a typing mode */
	TOP_A_VIEWS,       /* F2 */
	TOP_A_SEARCH,      /* /, Ctrl+F */
	TOP_A_SEARCH_NEXT, /* F3 */
	TOP_A_FILTER,      /* F4, \ */
	TOP_A_SORT_PANEL,  /* F9, >, < */
	TOP_A_SORT_COL,    /* Shift+1..9 (!@#$%^&*( on a US keyboard): sort by column arg */
	TOP_A_INVERT,      /* I: invert the sort order (htop's key) */
	TOP_A_PAUSE,       /* p */
	TOP_A_STEP,        /* n: one interval further (capture files; live: when paused) */
	TOP_A_HELP,        /* F1, h, ? */
	TOP_A_CHAR,        /* typing: character arg */
	TOP_A_RESIZE,      /* the terminal changed size */
};

struct top_key {
	enum top_action action;
	int arg;           /* TOP_A_SORT_COL: 1-based column; TOP_A_CHAR: the character */
};

/* The action of key @key (a getch() code) in mode @mode. */
struct top_key top_key_decode(int key, enum top_mode mode);

#endif /* SCRY_TOP_INPUT_H */

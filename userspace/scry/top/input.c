/* SPDX-License-Identifier: Apache-2.0 */
/*
 * input.c - getch() codes to scry top's actions (input.h). csysdig's keys: arrows,
 * PgUp/PgDn, Home/End move; Enter drills down; Backspace goes back; F2 views; Ctrl+F
 * and / search; F4 filters; F9 and > sort panel; Shift+1..9 sort by a column; p
 * pauses; F10 and q quit; F1, h and ? help. Added: < opens the sort panel too (htop's
 * pair), I inverts the order (htop), n steps one interval, F3 finds the next match.
 */
#include <curses.h>
#include <string.h>

#include "input.h"

#define CTRL(c) ((c) & 0x1f)
#define KEY_ESC 27
#define KEY_DEL 127

/* Shift+1..9 on a US keyboard */
static const char shifted_digits[] = "!@#$%^&*(";

static bool is_backspace(int key)
{
	return key == KEY_BACKSPACE || key == KEY_DEL || key == CTRL('h');
}

static bool is_enter(int key)
{
	return key == '\n' || key == '\r' || key == KEY_ENTER;
}

/* Keys every mode shares: movement, resize. */
static struct top_key common_key(int key)
{
	switch (key) {
	case KEY_UP: return (struct top_key){ TOP_A_UP, 0 };
	case KEY_DOWN: return (struct top_key){ TOP_A_DOWN, 0 };
	case KEY_PPAGE: return (struct top_key){ TOP_A_PGUP, 0 };
	case KEY_NPAGE: return (struct top_key){ TOP_A_PGDN, 0 };
	case KEY_HOME: return (struct top_key){ TOP_A_HOME, 0 };
	case KEY_END: return (struct top_key){ TOP_A_END, 0 };
	case KEY_LEFT: return (struct top_key){ TOP_A_LEFT, 0 };
	case KEY_RIGHT: return (struct top_key){ TOP_A_RIGHT, 0 };
	case KEY_RESIZE: return (struct top_key){ TOP_A_RESIZE, 0 };
	}
	if (is_enter(key))
		return (struct top_key){ TOP_A_ENTER, 0 };
	if (key == KEY_ESC)
		return (struct top_key){ TOP_A_CANCEL, 0 };
	return (struct top_key){ TOP_A_NONE, 0 };
}

static struct top_key table_key(int key)
{
	const char *d;

	if (key == KEY_F(10) || key == 'q')
		return (struct top_key){ TOP_A_QUIT, 0 };
	if (is_backspace(key))
		return (struct top_key){ TOP_A_BACK, 0 };
	if (key == KEY_F(2))
		return (struct top_key){ TOP_A_VIEWS, 0 };
	if (key == '/' || key == CTRL('f'))
		return (struct top_key){ TOP_A_SEARCH, 0 };
	if (key == KEY_F(3))
		return (struct top_key){ TOP_A_SEARCH_NEXT, 0 };
	if (key == KEY_F(4) || key == '\\')
		return (struct top_key){ TOP_A_FILTER, 0 };
	if (key == KEY_F(9) || key == '>' || key == '<')
		return (struct top_key){ TOP_A_SORT_PANEL, 0 };
	if (key == 'I')
		return (struct top_key){ TOP_A_INVERT, 0 };
	if (key == 'p')
		return (struct top_key){ TOP_A_PAUSE, 0 };
	if (key == 'n')
		return (struct top_key){ TOP_A_STEP, 0 };
	if (key == KEY_F(1) || key == 'h' || key == '?')
		return (struct top_key){ TOP_A_HELP, 0 };
	if (key > 0 && key < 128 && (d = strchr(shifted_digits, key)) != NULL)
		return (struct top_key){ TOP_A_SORT_COL, (int)(d - shifted_digits) + 1 };
	return common_key(key);
}

struct top_key top_key_decode(int key, enum top_mode mode)
{
	switch (mode) {
	case TOP_MODE_TABLE:
		return table_key(key);
	case TOP_MODE_SEARCH:
	case TOP_MODE_FILTER:
		if (is_backspace(key))
			return (struct top_key){ TOP_A_BACK, 0 };
		if (key == KEY_F(3) && mode == TOP_MODE_SEARCH)
			return (struct top_key){ TOP_A_SEARCH_NEXT, 0 };
		if (key >= 0x20 && key < 0x7f)
			return (struct top_key){ TOP_A_CHAR, key };
		return common_key(key);
	case TOP_MODE_SORT:
	case TOP_MODE_VIEWS:
		if (is_backspace(key) || key == 'q')
			return (struct top_key){ TOP_A_CANCEL, 0 };
		return common_key(key);
	case TOP_MODE_HELP:
		if (key == KEY_RESIZE)
			return (struct top_key){ TOP_A_RESIZE, 0 };
		/* any key leaves the help page */
		return (struct top_key){ TOP_A_CANCEL, 0 };
	}
	return (struct top_key){ TOP_A_NONE, 0 };
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * top.h - `scry top`, the curses view of containers and processes (scry's subcommand;
 * main.c hands it the arguments after "scry").
 */
#ifndef SCRY_TOP_H
#define SCRY_TOP_H

/*
 * Run `scry top` with @argv[0] "top" and its options and filter after it.
 * Return the exit status: 0; 1 runtime error (no terminal, capture unreadable, engine
 * not opened); 2 usage error (bad option, view, column or filter).
 */
int scry_top(int argc, char **argv);

#endif /* SCRY_TOP_H */

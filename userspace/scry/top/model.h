/* SPDX-License-Identifier: Apache-2.0 */
/*
 * model.h - scry top's data model: the rows of one interval (one per container or per
 * process), the values each row carries, sorting, searching, and the text of a cell.
 *
 * A row carries every value any view shows; a view (views.h) picks the columns. The
 * figures come from libsinsp's metrics (source.c fills the rows); this file only keeps,
 * orders and renders them. No ncurses here: the unit tests link it alone.
 */
#ifndef SCRY_TOP_MODEL_H
#define SCRY_TOP_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The values of a row. Numbers are doubles; texts are owned by the row. */
enum top_field {
	/* numbers */
	TOP_F_CPU,        /* CPU used in the interval, % of one CPU (100 = one CPU busy) */
	TOP_F_MEM,        /* resident memory, bytes */
	TOP_F_NET_IN,     /* network bytes received, per second */
	TOP_F_NET_OUT,    /* network bytes sent, per second */
	TOP_F_FILE_R,     /* file bytes read, per second */
	TOP_F_FILE_W,     /* file bytes written, per second */
	TOP_F_SYSCALLS,   /* system calls, per second */
	TOP_F_ERRORS,     /* failed system calls, per second */
	TOP_F_PROCS,      /* processes */
	TOP_F_THREADS,    /* threads */
	TOP_F_PID,        /* process id (host pid namespace) */
	TOP_F_VPID,       /* process id in its pid namespace */
	TOP_NUM_FIELDS,   /* non-ABI: the count of numbers; texts follow */
	/* texts */
	TOP_F_ID = TOP_NUM_FIELDS, /* container id ("host" for the host) */
	TOP_F_NAME,       /* container name */
	TOP_F_IMAGE,      /* container image */
	TOP_F_CONTAINER,  /* process: name of its container ("host" outside) */
	TOP_F_COMMAND,    /* process: command line */
	TOP_F_END,        /* non-ABI */
};
#define TOP_NUM_TEXTS (TOP_F_END - TOP_NUM_FIELDS)

static inline bool top_field_is_text(enum top_field f)
{
	return f >= TOP_NUM_FIELDS;
}

struct top_row {
	char key[80];                  /* unique in its table: container id, or the pid
	                                  (HOST/pid in a capture that merges hosts) */
	double num[TOP_NUM_FIELDS];
	char *text[TOP_NUM_TEXTS];     /* index f - TOP_NUM_FIELDS; NULL reads as "" */
};

/* The rows of one view and interval. */
struct top_table {
	struct top_row *rows;
	size_t n, cap;
};

/* Append a zeroed row with @key; NULL when out of memory. */
struct top_row *top_table_add(struct top_table *t, const char *key);

/* Set text field @f (a text field) of @r to a copy of @v (NULL: ""). 0 or -ENOMEM. */
int top_row_set_text(struct top_row *r, enum top_field f, const char *v);

/* Text field @f of @r; "" when unset. */
const char *top_row_text(const struct top_row *r, enum top_field f);

/* Remove every row (the memory stays for the next interval). */
void top_table_clear(struct top_table *t);

/* Free the rows and their texts. */
void top_table_free(struct top_table *t);

/* Index of the row with @key; -1 when none. */
long top_table_find_key(const struct top_table *t, const char *key);

/*
 * Sort the rows by field @f: numbers by value, texts by strcmp; ascending when
 * @ascending. Rows that compare equal are in the order of their keys, shorter first
 * then by strcmp (pids in numeric order), whatever the direction, so two sorts of the
 * same rows give the same order.
 */
void top_table_sort(struct top_table *t, enum top_field f, bool ascending);

/*
 * The text of field @f of @r as a cell shows it, into @buf of @len bytes:
 * CPU "12.34"; bytes and bytes/s "0", "999", "1.50K", "12.3M", "4.00G" (1024 steps);
 * counts per second "0", "12.5", "1.20K" (1000 steps); counts and ids as integers;
 * texts as they are. Return @buf.
 */
char *top_cell_text(const struct top_row *r, enum top_field f, char *buf, size_t len);

/* Whether @hay contains @needle, ignoring ASCII case ("" is in everything). */
bool top_text_contains(const char *hay, const char *needle);

#endif /* SCRY_TOP_MODEL_H */

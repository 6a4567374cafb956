/* SPDX-License-Identifier: Apache-2.0 */
/*
 * views.c - the columns of scry top's views (views.h). Column names and order follow
 * csysdig's Containers and Processes views (sysdig's v_containers.lua and v_procs.lua:
 * CPU, PROCS, THREADS, ... ID, NAME; PID, VPID, CPU, ... Command), with file and
 * network I/O split in two directions and the system call and error rates added.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "views.h"

/* The I/O and system call columns, the same in both views. */
#define IO_COLUMNS \
	{ TOP_F_NET_IN, "NET_IN", 7, "network bytes received per second" }, \
	{ TOP_F_NET_OUT, "NET_OUT", 8, "network bytes sent per second" }, \
	{ TOP_F_FILE_R, "FILE_R", 7, "file bytes read per second" }, \
	{ TOP_F_FILE_W, "FILE_W", 7, "file bytes written per second" }, \
	{ TOP_F_SYSCALLS, "SYSCALLS", 9, "system calls per second" }, \
	{ TOP_F_ERRORS, "ERRORS", 7, "failed system calls per second" },

static const struct top_column container_cols[] = {
	{ TOP_F_CPU, "CPU", 7, "CPU used by the container's processes, % of one CPU" },
	{ TOP_F_PROCS, "PROCS", 6, "processes in the container" },
	{ TOP_F_THREADS, "THREADS", 8, "threads in the container" },
	{ TOP_F_MEM, "RES", 7, "resident memory of the container's processes" },
	IO_COLUMNS
	{ TOP_F_IMAGE, "IMAGE", 24, "container image" },
	{ TOP_F_ID, "ID", 13, "container id" },
	{ TOP_F_NAME, "NAME", 0, "container name" },
};

static const struct top_column proc_cols[] = {
	{ TOP_F_PID, "PID", 8, "process id" },
	{ TOP_F_VPID, "VPID", 8, "process id in its container's pid namespace" },
	{ TOP_F_CPU, "CPU", 7, "CPU used by the process, % of one CPU" },
	{ TOP_F_THREADS, "TH", 4, "threads of the process" },
	{ TOP_F_MEM, "RES", 7, "resident memory of the process" },
	IO_COLUMNS
	{ TOP_F_CONTAINER, "CONTAINER", 20, "the process's container (host: none; in a capture that merges hosts, the host's name)" },
	{ TOP_F_COMMAND, "Command", 0, "the command line of the process" },
};

#define NCOLS(a) ((int)(sizeof(a) / sizeof((a)[0])))

static const struct top_view views[TOP_NVIEWS] = {
	[TOP_VIEW_CONTAINERS] = {
		.id = TOP_VIEW_CONTAINERS, .key = "containers", .name = "Containers",
		.description = "the containers of this machine and the resources each uses; "
			       "Enter lists the processes of the selected one",
		.cols = container_cols, .ncols = NCOLS(container_cols),
		.default_sort = TOP_F_CPU, .drilldown = TOP_VIEW_PROCS,
	},
	[TOP_VIEW_PROCS] = {
		.id = TOP_VIEW_PROCS, .key = "procs", .name = "Processes",
		.description = "the processes and the resources each uses, as top lists them",
		.cols = proc_cols, .ncols = NCOLS(proc_cols),
		.default_sort = TOP_F_CPU, .drilldown = -1,
	},
};

const struct top_view *top_view_get(enum top_view_id id)
{
	return &views[id];
}

const struct top_view *top_view_find(const char *key)
{
	for (int i = 0; i < TOP_NVIEWS; i++)
		if (!strcmp(views[i].key, key))
			return &views[i];
	return NULL;
}

int top_view_column_of(const struct top_view *v, enum top_field f)
{
	for (int i = 0; i < v->ncols; i++)
		if (v->cols[i].field == f)
			return i;
	return -1;
}

bool top_view_row_matches(const struct top_view *v, const struct top_row *r, const char *text)
{
	char buf[64];

	for (int i = 0; i < v->ncols; i++) {
		enum top_field f = v->cols[i].field;
		const char *cell = top_field_is_text(f) ? top_row_text(r, f) :
							  top_cell_text(r, f, buf, sizeof(buf));

		if (top_text_contains(cell, text))
			return true;
	}
	return false;
}

/* Append cell @text of column @c to @buf (at *@n of @len): numbers right-aligned in
 * width - 1 and a space, texts left-aligned; width 0 takes the rest. */
static void put_cell(const struct top_column *c, const char *text, char *buf, size_t len,
		     size_t *n)
{
	int w = c->width ? c->width - 1 : 0;
	int k;

	if (*n + 1 >= len)
		return;
	if (!c->width)
		k = snprintf(buf + *n, len - *n, "%s", text);
	else if (top_field_is_text(c->field))
		k = snprintf(buf + *n, len - *n, "%-*.*s ", w, w, text);
	else
		k = snprintf(buf + *n, len - *n, "%*.*s ", w, w, text);
	if (k > 0)
		*n += (size_t)k < len - *n ? (size_t)k : len - *n - 1;
}

char *top_view_header_line(const struct top_view *v, char *buf, size_t len)
{
	size_t n = 0;

	buf[0] = 0;
	for (int i = 0; i < v->ncols; i++)
		put_cell(&v->cols[i], v->cols[i].title, buf, len, &n);
	return buf;
}

char *top_view_row_line(const struct top_view *v, const struct top_row *r, char *buf, size_t len)
{
	char cell[512];
	size_t n = 0;

	buf[0] = 0;
	for (int i = 0; i < v->ncols; i++)
		put_cell(&v->cols[i], top_cell_text(r, v->cols[i].field, cell, sizeof(cell)), buf,
			 len, &n);
	return buf;
}

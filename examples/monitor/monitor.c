/* SPDX-License-Identifier: Apache-2.0 */
/*
 * monitor - every second, the files opened most in each container.
 *
 *   monitor [-n TOP] -r FILE        seconds of capture time, from a capture file
 *   monitor [-n TOP] [-e ENGINE]    seconds of wall-clock time, live (kmod or bpf;
 *                                   until Ctrl-C)
 *
 * A filter keeps the successful opens; two typed fields, compiled once, name the
 * container and the file of each. Counts live in a tree keyed (container, file),
 * printed and emptied at the end of each second.
 */
#define _GNU_SOURCE
#include <search.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <scry/scap_bpf.h>
#include <scry/sinsp.h>
#include <scry/sinsp_evt.h>
#include <scry/sinsp_fields.h>
#include <scry/sinsp_filter.h>

#define OPENS "evt.type in (open, openat, openat2, creat) and evt.dir=< and evt.rawres>=0"

struct count {
	unsigned long n;
	char cont[72];  /* container id ("host" outside containers) */
	char file[];
};

static void *tree;                      /* of struct count, by (cont, file) */
static struct count **rows;             /* filled by twalk() for printing */
static size_t nrows, cap;
static unsigned long total;             /* opens in the second */
static volatile sig_atomic_t stop;

static int by_key(const void *a, const void *b)
{
	const struct count *x = a, *y = b;
	int c = strcmp(x->cont, y->cont);

	return c ? c : strcmp(x->file, y->file);
}

/* container, then most opened first, then file name */
static int by_rank(const void *a, const void *b)
{
	const struct count *x = *(struct count *const *)a, *y = *(struct count *const *)b;

	if (!strcmp(x->cont, y->cont) && x->n != y->n)
		return x->n < y->n ? 1 : -1;
	return by_key(x, y);
}

static void collect(const void *node, VISIT v, int depth)
{
	(void)depth;
	if (v != postorder && v != leaf)
		return;
	if (nrows == cap && !(rows = realloc(rows, (cap = cap ? 2 * cap : 64) * sizeof(*rows))))
		abort();
	rows[nrows++] = *(struct count *const *)node;
}

static void count(const char *cont, const char *file)
{
	struct count *c = calloc(1, sizeof(*c) + strlen(file) + 1), **found;

	if (!c)
		abort();
	snprintf(c->cont, sizeof(c->cont), "%s", cont);
	strcpy(c->file, file);
	if (!(found = tsearch(c, &tree, by_key)))
		abort();
	if (*found != c)
		free(c);
	(*found)->n++;
	total++;
}

/* Print the second that starts at @sec (s since the epoch) and forget its counts. */
static void report(time_t sec, unsigned top)
{
	char when[32];
	unsigned shown = 0;

	nrows = 0;
	twalk(tree, collect);
	if (nrows) /* rows is NULL before the first count: qsort() wants a pointer */
		qsort(rows, nrows, sizeof(*rows), by_rank);
	strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", gmtime(&sec));
	printf("%s opens=%lu\n", when, total);
	for (size_t i = 0; i < nrows; i++) {
		if (i && strcmp(rows[i]->cont, rows[i - 1]->cont))
			shown = 0;
		if (shown++ < top)
			printf("  %-12s %5lu %s\n", rows[i]->cont, rows[i]->n, rows[i]->file);
	}
	fflush(stdout);
	tdestroy(tree, free);
	tree = NULL;
	total = 0;
}

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

int main(int argc, char **argv)
{
	const char *file = NULL, *engine = NULL;
	char err[SCAP_ERRBUF_SIZE] = "";
	struct sinsp_field *cont, *name;
	struct sinsp_filter *filter;
	struct sinsp_evt *evt;
	unsigned top = 3;
	time_t cur = 0;
	sinsp_t *s;
	int opt, rc;

	while ((opt = getopt(argc, argv, "r:e:n:")) != -1) {
		switch (opt) {
		case 'r': file = optarg; break;
		case 'e': engine = optarg; break;
		case 'n': top = (unsigned)strtoul(optarg, NULL, 10); break;
		default: return fprintf(stderr, "usage: monitor [-n TOP] [-r FILE | -e ENGINE]\n"), 2;
		}
	}
	if (!file && !engine) /* as scry: the kernel module when loaded, else the eBPF probe */
		engine = access("/dev/scry0", F_OK) == 0 ? "kmod" : "bpf";
	SCAP_OPTS(scap_open_opts, so, .engine = file ? "savefile" : engine, .path = file,
		  .start = !file, /* the eBPF engine is a library of its own: hand it over */
		  .engine_impl = !file && !strcmp(engine, "bpf") ? scap_bpf_engine() : NULL);
	SCAP_OPTS(sinsp_open_opts, oo, .scap = &so);
	if (sinsp_open(&oo, &s, err))
		return fprintf(stderr, "monitor: %s\n", err), 1;
	if (sinsp_filter_compile(s, OPENS, &filter) || sinsp_set_filter(s, filter) ||
	    sinsp_field_compile(s, "container.id", &cont) ||
	    sinsp_field_compile(s, "fd.name", &name))
		return fprintf(stderr, "monitor: %s\n", sinsp_last_error(s)), 1;
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	while (!stop) {
		struct sinsp_value c = { .sz = sizeof(c) }, n = { .sz = sizeof(n) };
		time_t now;

		rc = sinsp_next(s, &evt);
		if (rc == SCAP_EOF)
			break;
		if (rc < 0)
			return fprintf(stderr, "monitor: %s\n", sinsp_last_error(s)), 1;
		if (rc == SCAP_TIMEOUT && file)
			continue; /* a read interrupted by a signal */
		/* live: the clock says when a second is over, also when nothing happens */
		now = file ? (time_t)(sinsp_evt_ts(evt) / 1000000000u) : time(NULL);
		if (!cur)
			cur = now;
		for (; cur < now; cur++)
			report(cur, top);
		if (rc == 0 && !sinsp_evt_is_hidden(evt) &&
		    sinsp_field_extract_value(cont, evt, &c) == 1 &&
		    sinsp_field_extract_value(name, evt, &n) == 1)
			count(c.u.str, n.u.str);
	}
	if (cur)
		report(cur, top);
	sinsp_field_free(name);
	sinsp_field_free(cont);
	sinsp_filter_free(filter);
	sinsp_close(s);
	free(rows);
	return 0;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * top.c - `scry top [options] [filter]`: containers and processes with their CPU,
 * memory, network, file I/O, system calls and errors, interval by interval, live or
 * from a capture file, in an ncurses screen with csysdig's keys (or as text, -b).
 *
 * A capture file is replayed one interval (-d) of event time per -d of wall time; p
 * pauses, n steps one interval. Live, the engine is read all the time (a paused screen
 * keeps its interval; n then shows the newest one).
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "../live.h"
#include "screen.h"
#include "source.h"
#include "top.h"
#include "ui.h"

#define DEFAULT_DELAY_MS 2000   /* csysdig's -d default */
#define KEY_WAIT_MS 50          /* longest wait for a key or for live events */

struct top_opts {
	const char *read_path;
	uint64_t delay_ms;
	const char *view;
	const char *sort;
	bool batch;
	uint64_t iterations;     /* -b: intervals printed; 0 all (file) or no end (live) */
	const char *filter;
	struct scry_live_opts live;
};

static volatile sig_atomic_t top_stop;

static void on_signal(int sig)
{
	(void)sig;
	top_stop = 1;
}

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: scry top [options] [filter]\n"
		"\n"
		"Containers and processes with the resources they use, interval by interval, live\n"
		"or from a capture file, with csysdig's keys (F1 or h in the screen lists them).\n"
		"Only the events the filter matches are measured, and only the processes and\n"
		"containers it matched an event of are listed.\n"
		"\n"
		"Options:\n"
		" -r, --read=FILE        a capture file, replayed one interval per interval\n"
		"                        (n: the next one at once; p: pause)\n"
		" -d, --delay=MS         the interval, in milliseconds (default 2000, as csysdig)\n"
		" -k                     live: the scry kernel module (--engine kmod)\n"
		"     --engine=ENGINE    live: kmod or bpf (default kmod when loaded, else bpf)\n"
		" -v, --view=VIEW        the view to start with: containers (default) or procs\n"
		"     --sort=COLUMN      sort by COLUMN (its title: cpu, res, net_in, syscalls, ...)\n"
		"                        first (default CPU, largest first)\n"
		" -b, --batch            no screen: print each interval's table on stdout\n"
		"     --iterations=N     -b: stop after N intervals\n"
		"     --print-once       -b --iterations=1: the first interval's table (not with\n"
		"                        --iterations)\n"
		"     --no-runtime-lookups  live: do not ask the container runtimes for names\n"
		" -h, --help             this help\n");
}

static bool parse_u64(const char *name, const char *arg, uint64_t min, uint64_t max, uint64_t *out)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(arg, &end, 10);
	if (errno || end == arg || *end || *arg == '-' || v < min || v > max) {
		fprintf(stderr, "scry: top: %s %s: a number from %llu to %llu\n", name, arg,
			(unsigned long long)min, (unsigned long long)max);
		return false;
	}
	*out = v;
	return true;
}

/* The trailing words as one filter (NULL when none); exits on no memory. */
static const char *join_words(int n, char **w)
{
	size_t len = 1;
	char *s;

	if (n <= 0)
		return NULL;
	for (int i = 0; i < n; i++)
		len += strlen(w[i]) + 1;
	s = calloc(1, len);
	if (!s) {
		perror("scry");
		exit(1);
	}
	for (int i = 0; i < n; i++) {
		if (i)
			strcat(s, " ");
		strcat(s, w[i]);
	}
	return s;
}

enum { OPT_ENGINE = 0x100, OPT_SORT, OPT_ITERATIONS, OPT_NO_LOOKUPS, OPT_PRINT_ONCE };

static int parse_args(int argc, char **argv, struct top_opts *o)
{
	static const struct option longopts[] = {
		{ "read", required_argument, NULL, 'r' },
		{ "delay", required_argument, NULL, 'd' },
		{ "engine", required_argument, NULL, OPT_ENGINE },
		{ "view", required_argument, NULL, 'v' },
		{ "sort", required_argument, NULL, OPT_SORT },
		{ "batch", no_argument, NULL, 'b' },
		{ "iterations", required_argument, NULL, OPT_ITERATIONS },
		{ "print-once", no_argument, NULL, OPT_PRINT_ONCE },
		{ "no-runtime-lookups", no_argument, NULL, OPT_NO_LOOKUPS },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	bool print_once = false;
	int c;

	o->delay_ms = DEFAULT_DELAY_MS;
	optind = 1;
	while ((c = getopt_long(argc, argv, "r:d:kv:bh", longopts, NULL)) != -1) {
		switch (c) {
		case 'r': o->read_path = optarg; break;
		case 'd':
			/* at least 1 ms (the metrics' shortest interval), at most a day */
			if (!parse_u64("-d", optarg, 1, 86400000, &o->delay_ms))
				return 2;
			break;
		case 'k': o->live.engine = "kmod"; break;
		case OPT_ENGINE: o->live.engine = optarg; break;
		case 'v': o->view = optarg; break;
		case OPT_SORT: o->sort = optarg; break;
		case 'b': o->batch = true; break;
		case OPT_ITERATIONS:
			if (!parse_u64("--iterations", optarg, 1, UINT64_MAX, &o->iterations))
				return 2;
			break;
		case OPT_PRINT_ONCE: print_once = true; break;
		case OPT_NO_LOOKUPS: o->live.runtime_lookups = SINSP_RUNTIME_LOOKUPS_OFF; break;
		case 'h': usage(stdout); exit(0);
		default:
			fprintf(stderr, "Try 'scry top --help' for more information.\n");
			return 2;
		}
	}
	if (print_once && o->iterations) {
		/* which count the user meant cannot be told: say so rather than pick */
		fprintf(stderr, "scry: top: --print-once and --iterations cannot be used together "
			"(--print-once is -b --iterations 1)\n");
		return 2;
	}
	if (print_once) {
		o->batch = true;
		o->iterations = 1;
	}
	o->filter = join_words(argc - optind, argv + optind);
	return 0;
}

/* Start @ui on -v and --sort. Return 0, or 2 (message printed). */
static int ui_from_opts(struct top_ui *ui, const struct top_opts *o)
{
	const struct top_view *v = top_view_get(TOP_VIEW_CONTAINERS);

	if (o->view && !(v = top_view_find(o->view))) {
		fprintf(stderr, "scry: top: -v %s: containers or procs\n", o->view);
		return 2;
	}
	top_ui_init(ui, v->id);
	if (o->sort) {
		int i;

		for (i = 0; i < v->ncols && strcasecmp(v->cols[i].title, o->sort); i++)
			;
		if (i == v->ncols) {
			fprintf(stderr, "scry: top: --sort %s: not a column of the %s view\n", o->sort,
				v->name);
			return 2;
		}
		ui->cur.sort = v->cols[i].field;
		ui->cur.ascending = !top_field_sorts_descending(ui->cur.sort);
	}
	return 0;
}

/* -b: each interval's table on stdout. */
static int run_batch(struct top_source *src, struct top_ui *ui, const struct top_opts *o)
{
	struct top_table tables[TOP_NVIEWS] = { 0 };
	struct top_interval iv = { 0 };
	const struct top_view *v = top_ui_view(ui);
	char line[1024];
	uint64_t n = 0;
	int rc, status = 0;

	while (!top_stop && (!o->iterations || n < o->iterations)) {
		rc = top_source_next(src, tables, &iv, 1000);
		if (rc < 0) {
			status = 1;
			break;
		}
		if (rc == 2)
			break;
		if (rc == 0)
			continue;
		if (top_ui_update(ui, tables)) {
			status = 1;
			break;
		}
		n++;
		printf("Interval #%llu %.3f-%.3f (%.1f s, %llu events, CPU: %s) %s: %zu\n",
		       (unsigned long long)iv.index, (double)iv.start_ns / 1e9,
		       (double)iv.end_ns / 1e9, (double)(iv.end_ns - iv.start_ns) / 1e9,
		       (unsigned long long)iv.events, iv.cpu_source ? iv.cpu_source : "none",
		       v->name, ui->nrows);
		printf("%s\n", top_view_header_line(v, line, sizeof(line)));
		for (size_t i = 0; i < ui->nrows; i++)
			printf("%s\n", top_view_row_line(v, ui->rows[i], line, sizeof(line)));
		printf("\n");
		if (fflush(stdout)) {
			status = 1;
			break;
		}
	}
	for (int i = 0; i < TOP_NVIEWS; i++)
		top_table_free(&tables[i]);
	return status;
}

static uint64_t mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

static void swap_tables(struct top_table *a, struct top_table *b)
{
	for (int i = 0; i < TOP_NVIEWS; i++) {
		struct top_table t = a[i];

		a[i] = b[i];
		b[i] = t;
	}
}

/* The screen: keys, intervals, redraws, until q or a signal. */
static int run_screen(struct top_source *src, struct top_ui *ui, const struct top_opts *o)
{
	/* shown: the interval on screen; next: where the source puts the next one */
	struct top_table shown[TOP_NVIEWS] = { 0 }, next[TOP_NVIEWS] = { 0 };
	struct top_interval iv = { 0 }, next_iv = { 0 };
	struct top_screen_info info = { .source = top_source_name(src), .filter = o->filter,
					.iv = &iv, .file = top_source_is_file(src) };
	bool pending = false;
	uint64_t due = 0;
	int rc, status = 0;

	top_ui_set_page(ui, top_screen_page());
	while (!top_stop && !ui->quit) {
		struct top_screen_input in;

		top_screen_draw(ui, &info);
		if (top_screen_input(&in) && in.click) {
			if (top_ui_click(ui, in.x, in.y, in.double_click, shown)) {
				status = 1;
				break;
			}
		} else if (in.key) {
			struct top_key k = top_key_decode(in.key, ui->mode);

			if (k.action == TOP_A_RESIZE) {
				top_screen_resized();
				top_ui_set_page(ui, top_screen_page());
			}
			if (top_ui_apply(ui, k, shown)) {
				status = 1;
				break;
			}
			if (k.action == TOP_A_STEP && !info.file && !ui->paused)
				ui->steps = 0; /* live and running: nothing to step */
		}
		/* a file: the next interval when due (not paused) or stepped */
		if (info.file && !info.end && ((!ui->paused && mono_ms() >= due) || ui->steps)) {
			rc = top_source_next(src, next, &next_iv, 0);
			if (rc == 1)
				pending = true;
			else if (rc == 2)
				info.end = true;
			else if (rc < 0)
				status = 1;
			due = mono_ms() + o->delay_ms;
		} else if (!info.file) {
			rc = top_source_next(src, next, &next_iv, KEY_WAIT_MS);
			if (rc == 1)
				pending = true;
			else if (rc < 0)
				status = 1;
		}
		if (status)
			break;
		if (info.end)
			ui->steps = 0;
		if (pending && (!ui->paused || ui->steps)) {
			swap_tables(shown, next);
			iv = next_iv;
			pending = false;
			if (ui->steps)
				ui->steps--;
			if (top_ui_update(ui, shown)) {
				status = 1;
				break;
			}
		}
	}
	top_screen_close();
	for (int i = 0; i < TOP_NVIEWS; i++) {
		top_table_free(&shown[i]);
		top_table_free(&next[i]);
	}
	if (status)
		fprintf(stderr, "scry: top: stopped on an error (see above)\n");
	return status;
}

int scry_top(int argc, char **argv)
{
	struct top_opts o = { 0 };
	struct top_source *src = NULL;
	struct top_ui ui;
	struct sigaction sa;
	int status;

	status = parse_args(argc, argv, &o);
	if (status)
		return status;
	status = ui_from_opts(&ui, &o);
	/* a clear error before any engine is opened */
	if (!status && !o.batch && (!isatty(STDOUT_FILENO) || !isatty(STDIN_FILENO))) {
		fprintf(stderr, "scry: top needs a terminal on stdin and stdout (for text output "
			"on a pipe or a file: scry top -b)\n");
		status = 1;
	}
	if (status) {
		free((char *)o.filter);
		return status;
	}
	struct top_source_opts so = { .read_path = o.read_path, .live = &o.live,
				      .filter = o.filter, .interval_ns = o.delay_ms * 1000000u };
	status = top_source_open(&so, &src);
	if (status) {
		top_ui_free(&ui);
		free((char *)o.filter);
		return status;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	if (o.batch)
		status = run_batch(src, &ui, &o);
	else if (top_screen_open(KEY_WAIT_MS))
		status = 1;
	else
		status = run_screen(src, &ui, &o);
	top_ui_free(&ui);
	top_source_close(src);
	free((char *)o.filter);
	return status;
}

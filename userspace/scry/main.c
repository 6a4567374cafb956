/* SPDX-License-Identifier: Apache-2.0 */
/*
 * scry - capture, replay, filter and format system calls, with sysdig's command line.
 *
 *   scry -r trace.scap                 replay a capture file (plain or gzip)
 *   scry -r trace.scap -p '%proc.name %fd.name'
 *   scry -r trace.scap -j              JSON lines
 *   scry -r trace.scap proc.name=curl and fd.name contains lib
 *
 * Exit status: 0 success, 1 runtime error (unreadable or corrupt capture), 2 usage.
 */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libsinsp/sinsp.h>
#include <libsinsp/sinsp_filter.h>

struct cli_opts {
	const char *read_path;
	const char *format;
	bool json;
	bool verbose;
	bool debug;              /* also print hidden (state-only, internal) events */
	uint64_t max_events;     /* 0: no limit */
	const char *filter;      /* joined trailing arguments, NULL when none */
};

static struct cli_opts opts;

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: scry [options] [filter]\n"
		"\n"
		"Options:\n"
		" -r, --read=FILE        read events from a capture file (plain or gzip)\n"
		" -p, --print=FORMAT     print each event with FORMAT (sysdig -p syntax:\n"
		"                        %%field, a leading * prints lines with unresolved fields)\n"
		" -j, --json             print events as JSON lines\n"
		" -n, --numevents=N      stop after N events\n"
		" -v, --verbose          print buffers in full instead of cutting them at 80 bytes\n"
		" -D, --debug            also print the events that are normally hidden: events\n"
		"                        a capture stored for state only, and internal events\n"
		" -l, --list             list the fields usable in formats and filters\n"
		" -L, --list-events      list the event types and their parameters\n"
		" -h, --help             print this help\n"
		"\n"
		"Examples:\n"
		"  scry -r trace.scap\n"
		"  scry -r trace.scap -p '%%evt.num %%proc.name %%fd.name'\n"
		"  scry -r trace.scap 'proc.name=curl and fd.name contains lib'\n"
		"\n"
		"The filter (sysdig syntax) selects the events printed and counted by -n.\n");
}

static char *join_args(int argc, char **argv)
{
	size_t len = 0;
	char *s;
	int i;

	for (i = 0; i < argc; i++)
		len += strlen(argv[i]) + 1;
	s = calloc(1, len + 1);
	if (!s)
		return NULL;
	for (i = 0; i < argc; i++) {
		if (i)
			strcat(s, " ");
		strcat(s, argv[i]);
	}
	return s;
}

extern int scry_list_fields(FILE *f);
extern int scry_list_events(FILE *f);

static int parse_args(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "read", required_argument, NULL, 'r' },
		{ "print", required_argument, NULL, 'p' },
		{ "json", no_argument, NULL, 'j' },
		{ "numevents", required_argument, NULL, 'n' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "debug", no_argument, NULL, 'D' },
		{ "list", no_argument, NULL, 'l' },
		{ "list-events", no_argument, NULL, 'L' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	char *end;
	int c;

	while ((c = getopt_long(argc, argv, "+r:p:jn:vDlLh", longopts, NULL)) != -1) {
		switch (c) {
		case 'r': opts.read_path = optarg; break;
		case 'p': opts.format = optarg; break;
		case 'j': opts.json = true; break;
		case 'v': opts.verbose = true; break;
		case 'D': opts.debug = true; break;
		case 'n':
			errno = 0;
			opts.max_events = strtoull(optarg, &end, 10);
			if (errno || *end || !*optarg || optarg[0] == '-') {
				fprintf(stderr, "scry: -n: '%s' is not a number of events\n", optarg);
				return 2;
			}
			break;
		case 'l': exit(scry_list_fields(stdout));
		case 'L': exit(scry_list_events(stdout));
		case 'h': usage(stdout); exit(0);
		default: usage(stderr); return 2;
		}
	}
	if (optind < argc) {
		opts.filter = join_args(argc - optind, argv + optind);
		if (!opts.filter)
			return 1;
	}
	if (!opts.read_path) {
		fprintf(stderr, "scry: no capture file given: use -r FILE (live capture is not available yet)\n");
		usage(stderr);
		return 2;
	}
	return 0;
}

int main(int argc, char **argv)
{
	static char outbuf[1 << 16];
	char errbuf[SCAP_ERRBUF_SIZE] = "";
	struct sinsp_formatter *fmt = NULL;
	struct sinsp_filter *filter = NULL;
	struct sinsp_evt *evt;
	sinsp_t *s = NULL;
	uint64_t n = 0;
	int rc, status = 0;

	rc = parse_args(argc, argv);
	if (rc)
		return rc;
	setvbuf(stdout, outbuf, _IOFBF, sizeof(outbuf));

	SCAP_OPTS(scap_open_opts, so, .engine = "savefile", .path = opts.read_path);
	struct sinsp_open_opts o = { .sz = sizeof(o), .scap = &so,
				     .max_str_len = opts.verbose ? UINT32_MAX : 0 };
	rc = sinsp_open(&o, &s, errbuf);
	if (rc) {
		fprintf(stderr, "scry: cannot open %s: %s\n", opts.read_path, errbuf);
		return 1;
	}
	rc = sinsp_formatter_new(s, opts.format ? opts.format : SINSP_DEFAULT_FORMAT,
				 opts.json ? SINSP_OUTPUT_JSON : SINSP_OUTPUT_TEXT, &fmt);
	if (rc) {
		fprintf(stderr, "scry: %s\n", sinsp_last_error(s));
		sinsp_close(s);
		return 2;
	}
	/* an empty filter argument is no filter, as in sysdig */
	if (opts.filter && *opts.filter) {
		rc = sinsp_filter_compile(s, opts.filter, &filter);
		if (rc) {
			fprintf(stderr, "scry: %s\n", sinsp_last_error(s));
			sinsp_formatter_free(fmt);
			sinsp_close(s);
			return 2;
		}
	}
	/* -n counts the events that pass the filter, as sysdig's does */
	while (!opts.max_events || n < opts.max_events) {
		bool matched;
		const char *line;
		size_t len;

		rc = sinsp_next(s, &evt);
		if (rc == SCAP_EOF)
			break;
		if (rc == SCAP_TIMEOUT)
			continue;
		if (rc < 0) {
			fflush(stdout);
			fprintf(stderr, "scry: %s: %s\n", opts.read_path, sinsp_last_error(s));
			status = 1;
			break;
		}
		/* every event goes through the filter, hidden ones too: a rejected event
		 * leaves the enter/exit pairing as sysdig's filtering leaves it */
		matched = !filter || sinsp_filter_match(filter, evt);
		if (sinsp_evt_is_hidden(evt) && !opts.debug)
			continue;
		if (!matched)
			continue;
		n++;
		if (sinsp_formatter_render(fmt, evt, &line, &len)) {
			fwrite(line, 1, len, stdout);
			putchar('\n');
		}
	}
	if (fflush(stdout) != 0 && status == 0) {
		fprintf(stderr, "scry: writing output: %s\n", strerror(errno));
		status = 1;
	}
	sinsp_filter_free(filter);
	sinsp_formatter_free(fmt);
	sinsp_close(s);
	return status;
}

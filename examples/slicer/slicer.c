/* SPDX-License-Identifier: Apache-2.0 */
/*
 * slicer - cut a capture by time, process or container into a new capture.
 *
 *   slicer -r IN -w OUT [-s SEC] [-e SEC] [-p PID] [-c CONTAINER]
 *
 * -s/-e: the window [first event + s, first event + e), in seconds (decimals allowed);
 * -p: events of process PID (its threads included); -c: events of a container (its
 * 12-character id, or "host"). The new file starts with the inspector's state where
 * the window opens (processes, fds, users, containers: sinsp_dump_state(), as of the
 * window's first event, that event applied), so that it replays with full context. Inside the window, an event the process or container does
 * not select is still written when it changes that state (a fork, an open, a close:
 * sinsp_evt_modifies_state()), flagged for state only: readers apply it, do not show it.
 */
#define _POSIX_C_SOURCE 200809L /* getopt() under -std=c11 */
#include <ctype.h>
#include <stdbool.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <scry/sinsp.h>
#include <scry/sinsp_dump.h>
#include <scry/sinsp_evt.h>
#include <scry/sinsp_filter.h>

static uint64_t seconds_ns(const char *arg)
{
	char *end;
	double d = strtod(arg, &end);

	if (*end || d < 0 || d > 1e9) {
		fprintf(stderr, "slicer: %s: not a number of seconds\n", arg);
		exit(2);
	}
	return (uint64_t)(d * 1e9 + 0.5);
}

/* A process id or container id: letters and digits only (it goes into a filter). */
static bool word(const char *w)
{
	for (const char *c = w; *c; c++)
		if (!isalnum((unsigned char)*c))
			return false;
	return *w;
}

/* Create the output and write the inspector's state as of now into it. */
static int open_out(sinsp_t *s, const char *path, struct scap_dumper **d)
{
	char err[SCAP_ERRBUF_SIZE];
	SCAP_OPTS(scap_dump_opts, o, .path = path);

	if (scap_dump_open(&o, d, err))
		return fprintf(stderr, "slicer: %s\n", err), 1;
	if (sinsp_dump_state(s, *d))
		return fprintf(stderr, "slicer: %s: %s\n", path, scap_dump_last_error(*d)), 1;
	return 0;
}

int main(int argc, char **argv)
{
	const char *in = NULL, *out = NULL, *pid = NULL, *cont = NULL;
	uint64_t from = 0, to = UINT64_MAX, first = 0, written = 0, state_only = 0;
	char err[SCAP_ERRBUF_SIZE] = "", expr[256] = "";
	struct sinsp_filter *filter = NULL;
	struct scap_dumper *d = NULL;
	struct sinsp_evt *evt;
	int opt, rc, status = 0;
	sinsp_t *s;

	while ((opt = getopt(argc, argv, "r:w:s:e:p:c:")) != -1) {
		switch (opt) {
		case 'r': in = optarg; break;
		case 'w': out = optarg; break;
		case 's': from = seconds_ns(optarg); break;
		case 'e': to = seconds_ns(optarg); break;
		case 'p': pid = optarg; break;
		case 'c': cont = optarg; break;
		default: in = NULL; optind = argc; break;
		}
	}
	if (!in || !out || optind != argc ||
	    (pid && !word(pid)) || (cont && !word(cont))) {
		fprintf(stderr, "usage: slicer -r IN -w OUT [-s SEC] [-e SEC] [-p PID] "
			"[-c CONTAINER_ID|host]\n");
		return 2;
	}
	/* the selection by process and container is a filter expression */
	snprintf(expr, sizeof(expr), "%s%s%s%s%s", pid ? "proc.pid=" : "", pid ? pid : "",
		 pid && cont ? " and " : "", cont ? "container.id=" : "", cont ? cont : "");
	SCAP_OPTS(scap_open_opts, so, .path = in);
	SCAP_OPTS(sinsp_open_opts, oo, .scap = &so);
	if (sinsp_open(&oo, &s, err))
		return fprintf(stderr, "slicer: %s\n", err), 1;
	if (*expr && sinsp_filter_compile(s, expr, &filter)) {
		fprintf(stderr, "slicer: %s\n", sinsp_last_error(s));
		sinsp_close(s);
		return 1;
	}
	while ((rc = sinsp_next(s, &evt)) != SCAP_EOF) {
		const struct scap_evt_ref *raw;
		uint64_t ts, rel;
		uint32_t flags;

		if (rc == SCAP_TIMEOUT)
			continue;
		if (rc < 0) {
			fprintf(stderr, "slicer: %s: %s\n", in, sinsp_last_error(s));
			status = 1;
			break;
		}
		raw = sinsp_evt_raw(evt);
		ts = sinsp_evt_ts(evt);
		if (!first)
			first = ts; /* the capture's start (0 stays for events of no time) */
		rel = ts > first ? ts - first : 0;
		if (rel < from)
			continue; /* before the window: it only updates the state */
		if (rel >= to)
			break;
		/* the window opens: the file starts with the state as of this event */
		if (!d && (status = open_out(s, out, &d)))
			break;
		flags = raw->flags;
		if (filter && !sinsp_filter_match(filter, evt)) {
			if (!sinsp_evt_modifies_state(evt))
				continue;
			flags |= SCAP_DUMP_FLAG_STATE_ONLY;
			state_only++;
		}
		if (scap_dump_event(d, raw, flags)) {
			fprintf(stderr, "slicer: %s: %s\n", out, scap_dump_last_error(d));
			status = 1;
			break;
		}
		written++;
	}
	if (!d && !status)
		status = open_out(s, out, &d); /* an empty window: the state alone */
	if (d && scap_dump_close(d, err)) {
		fprintf(stderr, "slicer: %s\n", err);
		status = 1;
	}
	if (!status)
		printf("slicer: %" PRIu64 " events written to %s (%" PRIu64 " for state only)\n",
		       written, out, state_only);
	sinsp_filter_free(filter);
	sinsp_close(s);
	return status;
}

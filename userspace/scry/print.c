/* SPDX-License-Identifier: Apache-2.0 */
/*
 * print.c - the printing event loop of scry -r and of live capture (see print.h).
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "print.h"
#include "summary.h"
#include "write.h"

int scry_print_setup(sinsp_t *s, const char *format, bool json, const char *filter_text,
		     struct sinsp_formatter **fmt, struct sinsp_filter **filter)
{
	*fmt = NULL;
	*filter = NULL;
	if (sinsp_formatter_new(s, format ? format : SINSP_DEFAULT_FORMAT,
				json ? SINSP_OUTPUT_JSON : SINSP_OUTPUT_TEXT, fmt)) {
		/* sysdig's message and status for a bad -p, prefixed, with the position */
		fprintf(stderr, "scry: -p: %s\n", sinsp_last_error(s));
		return 1;
	}
	if (filter_text && *filter_text && sinsp_filter_compile(s, filter_text, filter)) {
		fprintf(stderr, "scry: %s\n", sinsp_last_error(s));
		/* `--rules A B`: B is read as the filter */
		if (access(filter_text, F_OK) == 0)
			fprintf(stderr, "scry: the filter '%s' is a file: each rules file needs its "
				"own --rules\n", filter_text);
		sinsp_formatter_free(*fmt);
		*fmt = NULL;
		return 2;
	}
	return 0;
}

void scry_print_output_failed(void)
{
	if (errno != EPIPE)
		return;
	signal(SIGPIPE, SIG_DFL);
	raise(SIGPIPE);
}

void scry_print_read_error(sinsp_t *s, const char *source)
{
	fflush(stdout);
	if (source)
		fprintf(stderr, "scry: %s: %s\n", source, sinsp_last_error(s));
	else
		fprintf(stderr, "scry: %s\n", sinsp_last_error(s));
}

int scry_print(sinsp_t *s, struct sinsp_formatter *fmt, struct sinsp_filter *filter,
	       const struct scry_print_opts *o, volatile sig_atomic_t *stop)
{
	static char outbuf[1 << 16];
	uint64_t n = 0, end_ts = 0;
	struct scry_summary sm = { 0 };
	struct sinsp_evt *evt;
	int rc = 0, status = 0;

	/* --unbuffered: each line reaches a pipe reader as soon as it is printed */
	setvbuf(stdout, o->unbuffered ? NULL : outbuf, o->unbuffered ? _IOLBF : _IOFBF,
		o->unbuffered ? 0 : sizeof(outbuf));
	/* replay: matched inside sinsp_next(), where sysdig matches its filter; live:
	 * matched here, because sinsp_next() reads on until an event matches and a busy
	 * host never lets it return to see *@stop */
	sinsp_set_filter(s, o->source ? filter : NULL);
	/* -n counts the events that pass the filter, as sysdig's does (sinsp_evt_is_counted()) */
	while (!scry_stop_due(s, stop, rc) && (!o->max_events || n < o->max_events)) {
		const struct scap_evt_ref *ref;
		const char *line;
		size_t len;

		rc = sinsp_next(s, &evt);
		if (scry_clock_past(o->clock_end_ns))
			break;
		if (rc == SCAP_TIMEOUT) {
			/* idle: what was printed so far reaches a pipe reader */
			fflush(stdout);
			continue;
		}
		if (rc == SCAP_EOF)
			break;
		if (rc < 0) {
			scry_print_read_error(s, o->source);
			status = 1;
			break;
		}
		ref = sinsp_evt_raw(evt);
		/* sysdig's -M window: from the first event that passes the filter and that
		 * it counts (hidden internal ones included, the capture's container table
		 * and events stored for state only not) */
		if (scry_window_past(&end_ts, ref->ts_ns, o->max_s, sinsp_evt_is_counted(evt)))
			break;
		if (!o->source && filter && !sinsp_filter_match(filter, evt))
			continue;
		if (sinsp_evt_is_counted(evt)) {
			n++;
			if (o->summary && scry_summary_add(&sm, evt)) {
				fprintf(stderr, "scry: -S: out of memory\n");
				status = 1;
				break;
			}
		}
		/* -D adds the hidden events sysdig's -D shows: those it counts (internal
		 * ones), not the container table nor events stored for state only */
		if (o->quiet || (sinsp_evt_is_hidden(evt) && !(o->debug && sinsp_evt_is_counted(evt))))
			continue;
		if (sinsp_formatter_render(fmt, evt, &line, &len)) {
			/* a failed write shows in what the calls return: no ferror() call (a
			 * lock) per printed event */
			if (fwrite(line, 1, len, stdout) != len || putchar('\n') == EOF) {
				scry_print_output_failed();
				break;
			}
		}
	}
	sinsp_set_filter(s, NULL);
	if (o->summary) {
		scry_summary_print(&sm, stdout);
		scry_summary_free(&sm);
	}
	if ((ferror(stdout) || fflush(stdout) != 0) && status == 0) {
		scry_print_output_failed();
		fprintf(stderr, "scry: writing output: %s\n", strerror(errno));
		status = 1;
	}
	return status;
}

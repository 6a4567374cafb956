/* SPDX-License-Identifier: Apache-2.0 */
/*
 * print.h - what scry -r and live capture share when they print events: checking -p and
 * the filter, and the loop that formats the matching events onto stdout.
 */
#ifndef SCRY_PRINT_H
#define SCRY_PRINT_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>

#include <scry/sinsp.h>
#include <scry/sinsp_evt.h>
#include <scry/sinsp_filter.h>

struct scry_print_opts {
	bool debug;              /* -D: hidden (state-only, internal) events printed too */
	uint64_t max_events;     /* -n: stop after this many printed events; 0 no limit */
	uint64_t max_s;          /* -M: stop once the event time is this many seconds past
	                            that of the first event the filter passes; 0 no limit */
	uint64_t clock_end_ns;   /* live -M: stop once CLOCK_MONOTONIC reaches this (ns),
	                            with or without events (scry_clock_end()); 0 no limit */
	const char *source;      /* the capture file, named in read errors; NULL live */
	bool quiet;              /* -q: read and count, print no event */
	bool summary;            /* -S: print the count of each event type at the end */
	bool unbuffered;         /* --unbuffered: stdout flushed after every line */
};

/*
 * Compile the -p format (@format NULL: the default; @json: JSON lines) and the filter
 * (@filter_text NULL or "": none, as in sysdig) on @s. On success *@fmt and *@filter
 * (NULL when no filter) are owned by the caller (sinsp_formatter_free(),
 * sinsp_filter_free()). On failure nothing is left allocated and the message is printed
 * on stderr: a format sysdig refuses gets sysdig's message after "scry: -p: ", with the
 * position of the offending field.
 * Return: 0; 1 a bad format (sysdig's status); 2 a bad filter (usage).
 */
int scry_print_setup(sinsp_t *s, const char *format, bool json, const char *filter_text,
		     struct sinsp_formatter **fmt, struct sinsp_filter **filter);

/*
 * Read the events of @s and print, one line each on stdout (fully buffered, flushed
 * whenever the source is idle and at the end; line buffered with o->unbuffered), those
 * @filter matches (NULL: all), rendered by @fmt; with o->summary, sysdig's table of
 * event counts after them. The filter is applied inside sinsp_next() (sinsp_set_filter()), so
 * the state follows what sysdig's filtering does. Stops at the end of the source, after
 * -n/-M, on a read error, or on *@stop (may be NULL: never; see scry_stop_due()).
 * Return: 0; 1 a read error or stdout could not be written (message on stderr).
 */
int scry_print(sinsp_t *s, struct sinsp_formatter *fmt, struct sinsp_filter *filter,
	       const struct scry_print_opts *o, volatile sig_atomic_t *stop);

/* After sinsp_next() failed: stdout flushed, the error on stderr, naming @source (the
 * capture file; NULL live). */
void scry_print_read_error(sinsp_t *s, const char *source);

/* Standard output failed (fwrite or fflush set ferror(stdout)): when the reader of a pipe
 * went away (errno EPIPE), end the process by SIGPIPE as sysdig, and scry reading a file,
 * end (`scry -r ... | head`): quietly. A bus client (libnats) ignores SIGPIPE for its
 * sockets, which turns the signal into EPIPE. Returns for any other error (the caller
 * reports it). */
void scry_print_output_failed(void);

#endif /* SCRY_PRINT_H */

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * write.c - scry -w: the writing loop (filtering, state-only events, rotation, limits,
 * a clean stop on a signal), over libscap's dumper and sinsp_dump_state().
 *
 * File names follow sysdig 0.29.3's cycle writer:
 *  - no -C/-G: the name given;
 *  - -G: NAME + index, or, when NAME has a '%', strftime(NAME) of the local time of the
 *    event that opened the file (the first file then is "first_dump.scap", as sysdig
 *    names it when it reads a capture); with -W, the file a slot held is removed;
 *  - -C: the name so far + index, zero-padded to the digits of -W ("%0Nd");
 *  - -W N: the index wraps to 0 after N-1, so at most N files exist (the oldest is
 *    overwritten).
 * -G compares event times in whole seconds (events at time 0, the container table at
 * the start of a file scry wrote, do not start its clock); -C compares the file's size
 * on disk (compressed bytes with -z) with MB * 1,000,000 before each event.
 *
 * Containers: every file starts with the container table (sinsp_dump_state()), and
 * metadata a runtime gives during the capture is written as a container event just
 * before the next event written (sinsp_dump_changed_containers()), stamped with its
 * time. Container events of a capture being re-written are passed through as events.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <scry/scap_dump.h>
#include <scry/sinsp_dump.h>

#include "chunk.h"
#include "chunk_state.h"
#include "procinfo.h"
#include "publish.h"
#include "write.h"

#define NS_PER_S 1000000000ull
/* With -C and -z the size on disk lags behind what is buffered: keep little buffered. */
#define ROTATE_GZ_BUFFER (64u << 10)

struct writer {
	const struct scry_write_opts *o;
	struct scap_dumper *d;
	char name[4096];
	uint32_t index;             /* index of the next file */
	int digits;                 /* width of the -C index */
	char **past;                /* -G with a strftime name and -W: the name of each slot */
	uint64_t last_s;            /* -G: second of the event that opened the current file */
	bool have_last_s;
	uint64_t written;           /* events written that matched (for -n) */
	uint64_t end_ts;            /* -M: ts where the window ends (0: not started) */
	bool reported;              /* the file's error is printed: its close says no more */
	uint64_t container_mark;    /* container changes the file holds (sinsp_dump.h) */
	uint64_t procinfo_next;     /* live: ts of the next procinfo events (0: at once) */
	uint64_t last_ts;           /* ts of the last event written */
	uint64_t file_events;       /* events in the current file (chunk_events) */
	struct scry_chunk_size chunk; /* chunk_bytes: how large the chunk is */
	sinsp_t *s;                 /* the inspector the events come from */
	bool thin;                  /* bus chunks: the state their events need (chunk_state.h) */
	struct scry_chunk_state cs;
};

static void name_next(struct writer *w)
{
	const struct scry_write_opts *o = w->o;
	size_t n;

	if (o->max_files && w->index >= o->max_files)
		w->index = 0;
	if (o->chunk_begin) {
		/* publish.c names the chunks */
		return;
	} else if (o->rotate_s && strchr(o->path, '%')) {
		time_t t = (time_t)w->last_s;
		struct tm tm;

		if (!w->have_last_s) {
			/* sysdig's first file when it reads a capture: no index used */
			snprintf(w->name, sizeof(w->name), "first_dump.scap");
			return;
		}
		/* the user's pattern is the format, as in sysdig */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
		if (!localtime_r(&t, &tm) || !strftime(w->name, sizeof(w->name), o->path, &tm))
			snprintf(w->name, sizeof(w->name), "%s", o->path);
#pragma GCC diagnostic pop
		if (w->past) {
			if (w->past[w->index] && strcmp(w->past[w->index], w->name) != 0)
				remove(w->past[w->index]);
			free(w->past[w->index]);
			w->past[w->index] = strdup(w->name);
		}
	} else if (o->rotate_s) {
		snprintf(w->name, sizeof(w->name), "%s%" PRIu32, o->path, w->index);
	} else {
		snprintf(w->name, sizeof(w->name), "%s", o->path);
	}
	if (o->rotate_mb) {
		n = strlen(w->name);
		snprintf(w->name + n, sizeof(w->name) - n, "%0*" PRIu32, w->digits, w->index);
	}
	w->index++;
}

/* Width of the -C index: the digits of -W (0 without -W). */
static int index_digits(uint32_t max_files)
{
	int d = 0;

	for (; max_files; max_files /= 10)
		d++;
	return d;
}

int scry_write_check(const struct scry_write_opts *o)
{
	struct writer w = { .o = o };
	char dir[sizeof(w.name)];
	struct stat st;
	char *slash;
	int err = 0;

	if (!strcmp(o->path, "-"))
		return 0; /* standard output */
	if (scry_publish_is(o->path))
		return scry_publish_check(o);
	w.digits = index_digits(o->max_files);
	name_next(&w); /* the first file's name, as scry_write() names it */
	if (stat(w.name, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			err = EISDIR;
		else if (faccessat(AT_FDCWD, w.name, W_OK, AT_EACCESS) != 0)
			err = errno;
	} else if (errno != ENOENT) {
		err = errno;
	} else {
		/* created later: its directory must let us create it */
		snprintf(dir, sizeof(dir), "%s", w.name);
		slash = strrchr(dir, '/');
		if (slash)
			slash[slash == dir] = '\0'; /* "/x" -> "/" */
		if (faccessat(AT_FDCWD, slash ? dir : ".", W_OK | X_OK, AT_EACCESS) != 0)
			err = errno;
	}
	if (err) {
		/* the words of scap_dump_open() */
		fprintf(stderr, "scry: cannot create %s: %s\n", w.name, strerror(err));
		return 1;
	}
	return 0;
}

/* Open the next file and write the inspector's state into it. */
static int file_open(struct writer *w, sinsp_t *s)
{
	char err[SCAP_ERRBUF_SIZE];
	bool gz = w->o->chunk_bytes ? scry_chunk_size_gzip(&w->chunk) : w->o->gzip;
	SCAP_OPTS(scap_dump_opts, d, .compression = gz ? SCAP_DUMP_GZIP : SCAP_DUMP_PLAIN,
		  .snaplen = w->o->snaplen,
		  .buffer_bytes = gz && w->o->rotate_mb ? ROTATE_GZ_BUFFER :
				  w->o->chunk_bytes ? SCRY_CHUNK_BUFFER : 0,
		  .compat_0293 = !w->o->read_path /* live: events sysdig 0.29.3 reads */);
	int rc;

	name_next(w);
	if (w->o->chunk_begin && w->o->chunk_begin(w->o->chunk_ctx, w->name, sizeof(w->name)))
		return 1;
	w->file_events = 0;
	d.path = w->name;
	rc = scap_dump_open(&d, &w->d, err);
	if (rc) {
		fprintf(stderr, "scry: %s\n", err);
		return 1;
	}
	if (w->o->chunk_bytes)
		scry_chunk_size_start(&w->chunk, w->d);
	rc = sinsp_dump_state(s, w->d);
	if (rc) {
		fprintf(stderr, "scry: %s: state: %s\n", w->name,
			rc == -ENOMEM ? sinsp_last_error(s) : scap_dump_last_error(w->d));
		w->reported = true;
		return 1;
	}
	if (w->o->chunk_bytes)
		scry_chunk_size_state(&w->chunk, w->d);
	if (w->thin && scry_chunk_state_start(&w->cs, w->d)) {
		fprintf(stderr, "scry: %s\n", scap_dump_last_error(w->d));
		w->reported = true;
		return 1;
	}
	/* the state holds every container's metadata learned so far */
	w->container_mark = sinsp_container_changes(s);
	return 0;
}

static int file_close(struct writer *w)
{
	char err[SCAP_ERRBUF_SIZE];
	int rc;

	if (!w->d)
		return 0;
	rc = scap_dump_close(w->d, err);
	w->d = NULL;
	if (rc) {
		/* a write that failed fails the close the same way: one message */
		if (!w->reported)
			fprintf(stderr, "scry: %s\n", err);
		w->reported = false;
		if (w->o->chunk_end)
			w->o->chunk_end(w->o->chunk_ctx, false);
		return 1;
	}
	w->reported = false;
	/* the state its events need (the first chunk of a run, and every 64th, keep the
	 * whole state: chunk_state.h); a state it cannot cut stays whole: the chunk replays
	 * all the same */
	if (w->thin && scry_chunk_state_thin(&w->cs, w->s, w->name, err, sizeof(err)))
		fprintf(stderr, "scry: %s: the state of the chunk stays whole: %s\n", w->name, err);
	return w->o->chunk_end ? w->o->chunk_end(w->o->chunk_ctx, true) : 0;
}

uint64_t scry_window_end(uint64_t first_ts, uint64_t max_s)
{
	uint64_t win = max_s > UINT64_MAX / NS_PER_S ? UINT64_MAX : max_s * NS_PER_S;

	return first_ts > UINT64_MAX - win ? UINT64_MAX : first_ts + win;
}

static uint64_t monotonic_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * NS_PER_S + (uint64_t)t.tv_nsec;
}

bool scry_window_past(uint64_t *end_ts, uint64_t ts, uint64_t max_s, bool counted)
{
	if (!max_s)
		return false;
	if (!*end_ts) {
		if (counted)
			*end_ts = scry_window_end(ts, max_s);
		return false;
	}
	return ts >= *end_ts;
}

uint64_t scry_clock_end(uint64_t max_s)
{
	return max_s ? scry_window_end(monotonic_ns(), max_s) : 0;
}

bool scry_clock_past(uint64_t end_ns)
{
	return end_ns && monotonic_ns() >= end_ns;
}

/* A container event (any of its versions): its metadata is in the table it applied to. */
static bool is_container_evt(uint16_t type)
{
	return type == SCAP_EVT_CONTAINER_E || type == SCAP_EVT_CONTAINER_JSON_E ||
	       type == SCAP_EVT_CONTAINER_JSON_2_E;
}

bool scry_stop_due(sinsp_t *s, volatile sig_atomic_t *stop, int rc)
{
	if (!stop || !*stop)
		return false;
	if (*stop == SCRY_STOP_DRAIN) {
		*stop = SCRY_STOP_DRAINING;
		/* an engine that cannot stop would never run dry: end at once */
		return scap_stop(sinsp_scap(s)) < 0;
	}
	return *stop != SCRY_STOP_DRAINING || rc == SCAP_TIMEOUT;
}

/* sysdig's cycle writer: does the event at @ts (@len bytes) start a new file? */
static bool rotate_due(struct writer *w, uint64_t ts, uint32_t len)
{
	const struct scry_write_opts *o = w->o;

	/* ts 0: the container table a file written by scry starts with; no time */
	if (o->rotate_s && ts) {
		uint64_t sec = ts / NS_PER_S;

		if (!w->have_last_s) {
			w->last_s = sec;
			w->have_last_s = true;
		} else if (sec >= w->last_s + o->rotate_s) {
			w->last_s = sec;
			return true;
		}
	}
	if (o->chunk_events && w->file_events >= o->chunk_events)
		return true;
	if (o->chunk_bytes)
		return scry_chunk_size_full(&w->chunk, w->d, len);
	if (o->rotate_mb) {
		struct scap_dump_stats st = { .sz = sizeof(st) };
		uint64_t limit = o->rotate_mb * 1000000ull;

		if (scap_dump_get_stats(w->d, &st) == 0 &&
		    (o->gzip ? st.file_bytes : st.bytes) > limit)
			return true;
	}
	return false;
}

/*
 * A copy of every event needs no inspector state after the first file's header (the
 * state the source starts from): the events are read from the inspector's own scap
 * handle, which has read the headers and no event yet, and copied as they are, flags
 * included. The inspector is not used for events after this.
 */
static int copy_events(struct writer *w, sinsp_t *s, volatile sig_atomic_t *stop)
{
	struct scap_evt_ref e = { .sz = sizeof(e) };
	scap_t *h = sinsp_scap(s);
	uint64_t end_ts = 0;
	int rc = 0;

	while (!scry_stop_due(s, stop, rc) && (rc = scap_next(h, &e)) != SCAP_EOF) {
		if (scry_clock_past(w->o->clock_end_ns))
			break;
		if (rc) {
			if (rc == SCAP_TIMEOUT)
				continue;
			fprintf(stderr, "scry: %s: %s\n", w->o->read_path ? w->o->read_path : "input",
				scap_last_error(h));
			return 1;
		}
		if (w->o->max_s) {
			if (!end_ts && e.ts_ns)
				end_ts = scry_window_end(e.ts_ns, w->o->max_s);
			if (end_ts && e.ts_ns >= end_ts)
				break;
		}
		if (scap_dump_event(w->d, &e, e.flags)) {
			fprintf(stderr, "scry: %s\n", scap_dump_last_error(w->d));
			w->reported = true;
			return 1;
		}
	}
	return 0;
}

/*
 * Live: the CPU of every process once a second as procinfo events (procinfo.h), at
 * @ts (not before the last event written: the file's times only go forward).
 * Return: 0; 1 a write error (printed).
 */
static int procinfo_due(struct writer *w, sinsp_t *s, uint64_t ts)
{
	if (w->o->read_path || w->o->no_procinfo)
		return 0;
	if (ts < w->last_ts)
		ts = w->last_ts;
	if (w->procinfo_next && ts < w->procinfo_next)
		return 0;
	w->procinfo_next = ts + SCRY_PROCINFO_PERIOD_NS;
	if (scry_procinfo_write(s, w->d, ts)) {
		fprintf(stderr, "scry: %s\n", scap_dump_last_error(w->d));
		w->reported = true;
		return 1;
	}
	return 0;
}

static uint64_t realtime_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_REALTIME, &t);
	return (uint64_t)t.tv_sec * NS_PER_S + (uint64_t)t.tv_nsec;
}

int scry_write(sinsp_t *s, struct sinsp_filter *filter, const struct scry_write_opts *o,
	       volatile sig_atomic_t *stop)
{
	struct writer w = { .o = o, .s = s, .thin = o->chunk_begin != NULL };
	struct scap_state st = { .sz = sizeof(st) };
	struct sinsp_evt *evt;
	int status = 0, rc = 0;

	/* a capture holds one host: the thread ids of merged hosts may be equal */
	if (scap_get_state(sinsp_scap(s), &st) == 0 && st.nsources > 1) {
		fprintf(stderr, "scry: -w %s: the capture read merges %u hosts, and a capture "
			"holds one: read one host (?host=NAME) to write it\n", o->path, st.nsources);
		return 1;
	}
	if (!o->chunk_begin && scry_publish_is(o->path))
		return scry_publish(s, filter, o, stop); /* it comes back with chunk hooks */
	w.digits = index_digits(o->max_files);
	if (o->chunk_bytes)
		scry_chunk_size_init(&w.chunk, o->chunk_bytes, o->chunk_plain);
	if (o->rotate_s && o->max_files && strchr(o->path, '%')) {
		w.past = calloc(o->max_files, sizeof(*w.past));
		if (!w.past) {
			fprintf(stderr, "scry: out of memory\n");
			return 1;
		}
	}
	/*
	 * The first file starts with the state the source starts from. A plain copy of a
	 * capture skips the inspector; a live capture always goes through it: its
	 * container lookups (runtime/) add container records as they answer.
	 */
	status = file_open(&w, s);
	if (!status && o->read_path && !filter && !o->rotate_s && !o->rotate_mb &&
	    !o->max_events && !o->summary && !o->chunk_begin) {
		status = copy_events(&w, s, stop);
		if (file_close(&w))
			status = 1;
		free(w.past);
		return status;
	}
	while (!status && !scry_stop_due(s, stop, rc)) {
		const struct scap_evt_ref *ref;
		uint32_t flags;
		bool matched;

		if (o->max_events && w.written >= o->max_events)
			break;
		rc = sinsp_next(s, &evt);
		if (rc == SCAP_EOF || scry_clock_past(o->clock_end_ns))
			break;
		if (rc == SCAP_TIMEOUT) {
			status = procinfo_due(&w, s, realtime_ns());
			continue;
		}
		if (rc < 0) {
			fprintf(stderr, "scry: %s\n", sinsp_last_error(s));
			status = 1;
			break;
		}
		ref = sinsp_evt_raw(evt);
		if (o->max_s && !w.end_ts && ref->ts_ns && sinsp_evt_is_counted(evt))
			w.end_ts = scry_window_end(ref->ts_ns, o->max_s);
		if (w.end_ts && ref->ts_ns >= w.end_ts)
			break;
		matched = !filter || sinsp_filter_match(filter, evt);
		if (matched && o->summary && sinsp_evt_is_counted(evt) && scry_summary_add(o->summary, evt)) {
			fprintf(stderr, "scry: -S: out of memory\n");
			status = 1;
			break;
		}
		flags = ref->flags;
		if (!matched) {
			/* kept for the state it changes, hidden on replay; else left out */
			if (!sinsp_evt_modifies_state(evt))
				continue;
			flags |= SCAP_DUMP_FLAG_STATE_ONLY;
		}
		if ((o->rotate_s || o->rotate_mb || o->chunk_events || o->chunk_bytes) &&
		    rotate_due(&w, ref->ts_ns, ref->len)) {
			status = file_close(&w);
			if (!status)
				status = file_open(&w, s);
			if (status)
				break;
			/* the new file's container table holds it already: not twice */
			if (is_container_evt(ref->type))
				continue;
		}
		/* metadata a runtime gave since the last event: its record comes first */
		if (sinsp_dump_changed_containers(s, w.d, &w.container_mark, ref->ts_ns) ||
		    scap_dump_event(w.d, ref, flags)) {
			fprintf(stderr, "scry: %s\n", scap_dump_last_error(w.d));
			w.reported = true;
			status = 1;
			break;
		}
		if (w.thin)
			scry_chunk_state_note(&w.cs, (int64_t)ref->tid, ref->type);
		w.file_events++;
		if (matched && !sinsp_evt_is_hidden(evt))
			w.written++;
		if (ref->ts_ns > w.last_ts)
			w.last_ts = ref->ts_ns;
		status = procinfo_due(&w, s, ref->ts_ns);
	}
	if (file_close(&w))
		status = 1;
	scry_chunk_state_free(&w.cs);
	if (w.past) {
		for (uint32_t i = 0; i < o->max_files; i++)
			free(w.past[i]);
		free(w.past);
	}
	return status;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * sinsp.c - the inspector handle: open a source, number and parse each event.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "sinsp_int.h"
#include "runtime/lookup.h"

/* Event flag stored by sysdig's writer on events kept only for state ("fat file"). */
#define SCAP_DF_STATE_ONLY 1u

int sinsp_open(const struct sinsp_open_opts *opts, sinsp_t **out, char *errbuf)
{
	struct scap_state st;
	struct sinsp *s;
	int rc;

	*out = NULL;
	if (!opts || opts->sz < sizeof(size_t) || !opts->scap) {
		if (errbuf)
			snprintf(errbuf, SCAP_ERRBUF_SIZE, "sinsp_open: missing options");
		return -EINVAL;
	}
	s = calloc(1, sizeof(*s));
	if (!s) {
		if (errbuf)
			snprintf(errbuf, SCAP_ERRBUF_SIZE, "sinsp_open: out of memory");
		return -ENOMEM;
	}
	s->max_str_len = opts->max_str_len ? opts->max_str_len : 80;
	s->compat_sysdig_0_29 = opts->sz >= offsetof(struct sinsp_open_opts, compat_sysdig_0_29) +
					     sizeof(opts->compat_sysdig_0_29) &&
				opts->compat_sysdig_0_29;
	if (opts->sz >= offsetof(struct sinsp_open_opts, time_output) + sizeof(opts->time_output)) {
		if ((unsigned)opts->buffer_format > SINSP_BUFFER_BASE64 ||
		    (unsigned)opts->time_output > SINSP_TIME_DELTA) {
			if (errbuf)
				snprintf(errbuf, SCAP_ERRBUF_SIZE, "sinsp_open: unknown buffer or time format");
			free(s);
			return -EINVAL;
		}
		s->buffer_format = opts->buffer_format;
		s->time_output = opts->time_output;
	}
	sinsp_dispatch_init();
	rc = scap_open(opts->scap, &s->scap, errbuf);
	if (rc) {
		free(s);
		return rc;
	}
	/* before the state: its containers are noted for lookups as they are added */
	rc = sinsp_runtime_new(s, opts);
	if (rc) {
		if (errbuf)
			snprintf(errbuf, SCAP_ERRBUF_SIZE, "%s", s->errbuf);
		sinsp_close(s);
		return rc;
	}
	memset(&st, 0, sizeof(st));
	st.sz = sizeof(st);
	rc = scap_get_state(s->scap, &st);
	if (!rc)
		rc = sinsp_sources_load_state(s, &st);
	if (rc) {
		if (errbuf)
			snprintf(errbuf, SCAP_ERRBUF_SIZE, "%s", s->errbuf[0] ? s->errbuf : scap_last_error(s->scap));
		sinsp_close(s);
		return rc;
	}
	s->evt.s = s;
	/* the containers running now get their names before the first event */
	if (s->runtime)
		sinsp_runtime_wait(s, opts->sz >= offsetof(struct sinsp_open_opts, runtime_startup_ms) +
						      sizeof(opts->runtime_startup_ms) && opts->runtime_startup_ms ?
					      opts->runtime_startup_ms : SINSP_RUNTIME_STARTUP_MS);
	*out = s;
	return 0;
}

scap_t *sinsp_scap(sinsp_t *s)
{
	return s->scap;
}

/*
 * Read the next event into s->evt and do what every event needs before the state is
 * applied: the removals the previous event left pending, thread aging, numbering.
 * Returns scap_next_batch()'s code.
 */
static int read_event(struct sinsp *s, struct sinsp_evt *evt)
{
	struct scap_state up;
	uint32_t props;
	uint16_t type;
	int rc;

	/* a thread whose procexit was the previous event goes away now */
	if (s->pending_removal)
		sinsp_thread_remove(s, s->pending_removal);
	/* a fd closed by the previous event is forgotten now */
	if (s->closed_fd)
		sinsp_fd_release_closed(s);
	/* inactive threads: sinsp_thread_age() has work only once a minute of event time */
	if (evt->ref.ts_ns < s->thread_scan_ts || evt->ref.ts_ns >= s->thread_scan_until)
		sinsp_thread_age(s, evt->ref.ts_ns);

	if (s->batch_i == s->batch_n) {
		s->batch_i = 0;
		s->batch[0].sz = sizeof(s->batch[0]);
		rc = scap_next_batch(s->scap, s->batch, SINSP_BATCH, &s->batch_n);
		if (rc) {
			if (rc < 0)
				sinsp_err(s, rc, "%s", scap_last_error(s->scap));
			return rc;
		}
		/* one source a batch (an engine that merges sources gives one event a call),
		 * entered once: nothing else changes the current source */
		s->batch_host = scap_evt_source(s->scap);
		sinsp_source_enter(s, s->batch_host);
		/* evt is s->evt, which only this function fills: set once a batch */
		evt->host = s->batch_host;
		/* a later state of the source (a stream's next chunk): what it lacks */
		up.sz = sizeof(up);
		if (__builtin_expect(scap_get_state_update(s->scap, &up) == 0, 0)) {
			rc = sinsp_sources_merge_state(s, &up);
			if (rc)
				return rc;
		}
	}
	evt->ref = s->batch[s->batch_i++];
	type = evt->ref.type;
	evt->info = type < SCAP_EVT_MAX ? &scap_evt_table[type] : NULL;
	/* the uncounted meta events: see is_uncounted_meta() in parse_dispatch.c */
	evt->props = (uint8_t)(props = sinsp_type_props(type));
	/*
	 * The container events before any other event are the capture's container table:
	 * sysdig 0.29.3 applies them when it opens the capture and shows the later ones
	 * (meta events it does not know are not events to it: they end nothing). Past
	 * them, evt->startup stays false.
	 */
	if (__builtin_expect(!s->past_startup, 0)) {
		evt->startup = false;
		if (sinsp_type_is_container(type))
			evt->startup = true;
		else if (!(props & SINSP_TYPE_UNCOUNTED))
			s->past_startup = true;
	}
	if (props & SINSP_TYPE_UNCOUNTED) {
		evt->num = s->nevts;
	} else {
		evt->num = ++s->nevts;
		/* evt.reltime counts from the first event with a timestamp after the
		 * container table (sysdig 0.29.3's clock starts after it) */
		if (!s->first_ts && !evt->startup)
			s->first_ts = evt->ref.ts_ns;
	}
	evt->pdecoded = false;
	evt->thread = NULL;
	evt->fd = NULL;
	evt->fd_num = -1;
	evt->matched_by = NULL;
	return 0;
}

/*
 * Apply evt to the state, matching s->filter where sysdig matches its filter: an
 * event that does not modify state before its parser runs (a rejected one is not
 * parsed), any other one after. Returns whether the filter accepts it.
 */
static bool apply_filtered(struct sinsp *s, struct sinsp_evt *evt)
{
	struct sinsp_filter *f = s->filter;

	if (evt->props & SINSP_TYPE_MODIFIES_STATE) {
		sinsp_parse_reset(s, evt);
		sinsp_dispatch(s, evt);
		return sinsp_filter_match(f, evt);
	}
	if (!flt_evt_may_match(f, evt)) {
		sinsp_parse_reset_rejected(s, evt);
		return false;
	}
	sinsp_parse_reset(s, evt);
	if (!sinsp_filter_match(f, evt))
		return false;
	sinsp_dispatch(s, evt);
	return true;
}

int sinsp_next(sinsp_t *s, struct sinsp_evt **out)
{
	struct sinsp_evt *evt = &s->evt;
	int rc;

	for (;;) {
		/* container lookups: requests for new containers, answers to apply */
		sinsp_runtime_poll(s);
		rc = read_event(s, evt);
		if (rc)
			return rc;
		if (!s->filter) {
			sinsp_parse_reset(s, evt);
			sinsp_dispatch(s, evt);
			break;
		}
		if (apply_filtered(s, evt)) {
			evt->matched_by = s->filter;
			break;
		}
	}
	*out = evt;
	return 0;
}

int sinsp_set_filter(sinsp_t *s, struct sinsp_filter *f)
{
	if (!s || (f && f->s != s))
		return -EINVAL;
	s->filter = f;
	return 0;
}

bool sinsp_evt_is_hidden(const struct sinsp_evt *evt)
{
	return (evt->ref.flags & SCAP_DF_STATE_ONLY) || (evt->props & SINSP_TYPE_HIDDEN) ||
	       evt->startup;
}

bool sinsp_evt_is_counted(const struct sinsp_evt *evt)
{
	return !(evt->ref.flags & SCAP_DF_STATE_ONLY) && !(evt->props & SINSP_TYPE_UNCOUNTED) &&
	       !evt->startup;
}

const struct scap_evt_ref *sinsp_evt_raw(const struct sinsp_evt *evt)
{
	return &evt->ref;
}

const char *sinsp_last_error(sinsp_t *s)
{
	return s->errbuf;
}

void sinsp_close(sinsp_t *s)
{
	if (!s)
		return;
	sinsp_runtime_free(s);
	sinsp_fd_release_closed(s);
	sinsp_fd_release_spare(s);
	strbuf_free(&s->open_path);
	strbuf_free(&s->open_base);
	strbuf_free(&s->cg_raw);
	strbuf_free(&s->cg_kept);
	strbuf_free(&s->cg_host);
	sinsp_thread_free_all(s);
	sinsp_containers_free(s);
	sinsp_users_free(s);
	sinsp_sources_free(s);
	scap_close(s->scap);
	free(s);
}

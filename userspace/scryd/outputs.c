/* SPDX-License-Identifier: Apache-2.0 */
/*
 * outputs.c - the set of scryd's outputs (see outputs.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alert.h"
#include "log.h"
#include "outputs.h"

struct slot {
	struct scryd_output *o;
	const char *kind;
	bool json;
};

/* one alert formatted, per format: a memory stream reused from alert to alert */
struct fmt {
	FILE *f;
	char *buf;
	size_t size;
	off_t len;      /* of the current alert; -1 not formatted yet */
};

struct scryd_outputs {
	struct slot v[SCRYD_OUTPUTS_MAX];
	size_t n;
	struct fmt text, json;
};

static int add(struct scryd_outputs *set, const char *kind, bool json, int rc,
	       struct scryd_output *o, const char *what)
{
	if (rc) {
		fprintf(stderr, "scryd: %s output: %s%s%s\n", kind, what ? what : "",
			what ? ": " : "", strerror(-rc));
		return 1;
	}
	set->v[set->n++] = (struct slot){ .o = o, .kind = kind, .json = json };
	return 0;
}

int scryd_outputs_open(const struct scryd_config *c, struct scryd_outputs **out)
{
	struct scryd_outputs *set = calloc(1, sizeof(*set));
	struct scryd_output *o = NULL;
	int rc;

	*out = NULL;
	if (!set || !(set->text.f = open_memstream(&set->text.buf, &set->text.size)) ||
	    !(set->json.f = open_memstream(&set->json.buf, &set->json.size))) {
		fprintf(stderr, "scryd: outputs: out of memory\n");
		scryd_outputs_close(set);
		return 1;
	}
	if (c->stdout_enabled) {
		rc = scryd_output_stdout(c->stdout_queue, &o);
		if (add(set, "stdout", c->stdout_json, rc, o, NULL))
			goto err;
	}
	if (c->file_enabled) {
		rc = scryd_output_file(c->file_path, c->file_max_size, c->file_max_files,
				       c->file_queue, &o);
		if (add(set, "file", true, rc, o, c->file_path))
			goto err;
	}
	if (c->syslog_enabled) {
		rc = scryd_output_syslog(c->syslog_ident, c->syslog_facility, c->syslog_queue, &o);
		if (add(set, "syslog", c->syslog_json, rc, o, NULL))
			goto err;
	}
	if (c->program_enabled) {
		rc = scryd_output_program(c->program_cmd, c->program_keep_alive, c->program_queue,
					  &o);
		if (add(set, "program", c->program_json, rc, o, c->program_cmd))
			goto err;
	}
	if (c->http_enabled) {
		struct scryd_http_opts ho = {
			.url = c->http_url, .user_agent = c->http_user_agent,
			.headers = (const char *const *)c->http_headers,
			.nheaders = c->http_nheaders, .timeout_ms = c->http_timeout_ms,
			.connect_timeout_ms = c->http_connect_timeout_ms,
			.insecure = c->http_insecure, .ca_bundle = c->http_ca_bundle,
			.ca_path = c->http_ca_path,
		};

		rc = scryd_output_http(&ho, c->http_queue, &o);
		if (add(set, "http", true, rc, o, c->http_url))
			goto err;
	}
	*out = set;
	return 0;
err:
	scryd_outputs_close(set);
	return 1;
}

int scryd_outputs_run(struct scryd_outputs *set)
{
	size_t i;
	int rc;

	for (i = 0; i < set->n; i++) {
		rc = scryd_output_run(set->v[i].o);
		if (rc) {
			scryd_log(SCRYD_LOG_ERROR, "output %s: %s", scryd_output_name(set->v[i].o),
				  strerror(-rc));
			return 1;
		}
	}
	return 0;
}

/* @a in @m's format (json or text), unless @m holds it already. Return 0, or -1 (out
 * of memory). */
static int format(struct fmt *m, bool json, const struct sinsp_rules_alert *a, uint64_t ts,
		  const char *host)
{
	if (m->len >= 0)
		return 0;
	rewind(m->f);
	if (scry_alert_print(m->f, a, ts, json, false, host) || fflush(m->f) ||
	    (m->len = ftello(m->f)) < 0) {
		m->len = -1;
		return -1;
	}
	return 0;
}

unsigned scryd_outputs_emit(struct scryd_outputs *set, const struct sinsp_rules_alert *a,
			    uint64_t ts, const char *host, bool wait)
{
	unsigned failed = 0;
	size_t i;

	set->text.len = set->json.len = -1;
	for (i = 0; i < set->n; i++) {
		struct fmt *m = set->v[i].json ? &set->json : &set->text;

		if (format(m, set->v[i].json, a, ts, host)) {
			failed++; /* out of memory */
			continue;
		}
		scryd_output_push(set->v[i].o, m->buf, (size_t)m->len, (int)a->priority, wait);
	}
	return failed;
}

int scryd_outputs_json(struct scryd_outputs *set, const struct sinsp_rules_alert *a,
		       uint64_t ts, const char *host, const char **json, size_t *len)
{
	if (format(&set->json, true, a, ts, host))
		return -1;
	*json = set->json.buf;
	*len = (size_t)set->json.len;
	return 0;
}

void scryd_outputs_push_line(struct scryd_outputs *set, const char *kind, const char *line,
			     size_t len, bool wait)
{
	size_t i;

	for (i = 0; set && i < set->n; i++)
		if (!strcmp(set->v[i].kind, kind))
			scryd_output_push(set->v[i].o, line, len, -1, wait);
}

size_t scryd_outputs_stats(struct scryd_outputs *set, struct scryd_output_counters *out,
			   size_t max)
{
	size_t i;

	for (i = 0; i < set->n && i < max; i++) {
		out[i].kind = set->v[i].kind;
		out[i].name = scryd_output_name(set->v[i].o);
		scryd_output_stats(set->v[i].o, &out[i].st);
	}
	return set->n;
}

int scryd_outputs_close(struct scryd_outputs *set)
{
	int status = 0;
	size_t i;

	if (!set)
		return 0;
	for (i = 0; i < set->n; i++) {
		struct scryd_output_stats st;
		char *name = strdup(scryd_output_name(set->v[i].o));
		const char *nm = name ? name : "?";
		int rc = scryd_output_close(set->v[i].o, &st);

		scryd_log(SCRYD_LOG_INFO, "output %s: %" PRIu64 " alerts written, %" PRIu64
			  " dropped (queue full), %" PRIu64 " lost to write errors, %" PRIu64
			  " rotations, %" PRIu64 " restarts, %" PRIu64 " metrics snapshots written",
			  nm, st.written, st.dropped, st.write_errors, st.rotations, st.restarts,
			  st.snapshots);
		if (rc == -ETIMEDOUT)
			scryd_log(SCRYD_LOG_ERROR, "output %s: its writer is blocked (a reader that "
				  "stopped reading?): the alerts still queued are lost", nm);
		else if (rc)
			scryd_log(SCRYD_LOG_ERROR, "output %s: %s", nm, strerror(-rc));
		free(name);
		if (rc)
			status = 1;
	}
	if (set->text.f)
		fclose(set->text.f);
	if (set->json.f)
		fclose(set->json.f);
	free(set->text.buf);
	free(set->json.buf);
	free(set);
	return status;
}

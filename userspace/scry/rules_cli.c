/* SPDX-License-Identifier: Apache-2.0 */
/*
 * rules_cli.c - scry --validate and scry --rules (see rules_cli.h): Falco's rules
 * through libsinsp's engine (scry/sinsp_rules.h), printed as Falco prints them.
 *
 * Alerts: text and JSON as Falco prints them (../common/alert.h).
 * Validate -j: {"falco_load_results":[{"errors":[...],"name":"f","successful":true,
 *               "warnings":[...]}]}, each message {"code","codedesc","context":
 *               {"locations":[{"item_name","item_type","position":{"column","line",
 *               "name","offset"}}]},"message"} (keys sorted, as Falco's serializer).
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <scry/scap.h>
#include <scry/scap_engine.h>
#include <scry/sinsp_evt.h>
#include <scry/sinsp_fields.h>
#include <scry/sinsp_state.h>

#include "alert.h"
#include "print.h"
#include "rules_cli.h"
#include "summary.h"
#include "write.h"

/* ---- load results ------------------------------------------------------------------------ */

static void json_msg(FILE *f, const struct sinsp_rules_msg *m)
{
	fputs("{\"code\":", f);
	scry_json_str(f, sinsp_rules_code_name(m->code));
	fputs(",\"codedesc\":", f);
	scry_json_str(f, sinsp_rules_code_desc(m->code));
	fputs(",\"context\":{\"locations\":[{\"item_name\":", f);
	scry_json_str(f, m->item_name);
	fputs(",\"item_type\":", f);
	scry_json_str(f, m->item_type);
	fprintf(f, ",\"position\":{\"column\":%u,\"line\":%u,\"name\":", m->column, m->line);
	scry_json_str(f, m->file);
	fprintf(f, ",\"offset\":%zu}}]},\"message\":", m->offset);
	scry_json_str(f, m->message);
	fputc('}', f);
}

/* Load results @i0 .. @i1 - 1 of @r, each after a comma but the very first (@i0 0). */
static void print_results_json(const struct sinsp_rules *r, FILE *f, size_t i0, size_t i1)
{
	size_t i, j, nmsgs;
	const char *name;
	bool ok;
	int pass;

	for (i = i0; i < i1; i++) {
		sinsp_rules_result_get(r, i, &name, &ok, &nmsgs);
		if (i)
			fputc(',', f);
		for (pass = 0; pass < 2; pass++) {
			bool first = true;

			fputs(pass ? ",\"warnings\":[" : "{\"errors\":[", f);
			for (j = 0; j < nmsgs; j++) {
				const struct sinsp_rules_msg *m = sinsp_rules_result_msg(r, i, j);

				if (m->error != !pass)
					continue;
				if (!first)
					fputc(',', f);
				first = false;
				json_msg(f, m);
			}
			fputc(']', f);
			if (!pass) {
				fputs(",\"name\":", f);
				scry_json_str(f, name);
				fprintf(f, ",\"successful\":%s", ok ? "true" : "false");
			}
		}
		fputc('}', f);
	}
}

/*
 * Load results @i0 .. @i1 - 1 of @r: file: Ok|Ok, with warnings|Invalid, then one line
 * per message with file:line:column. @unchecked: the name of the file whose error kept
 * these files from being compiled, said after "Ok" (NULL: they were compiled).
 */
static void print_results_text(const struct sinsp_rules *r, FILE *f, size_t i0, size_t i1,
			       const char *unchecked)
{
	size_t i, j, nmsgs;
	const char *name;
	bool ok;

	for (i = i0; i < i1; i++) {
		sinsp_rules_result_get(r, i, &name, &ok, &nmsgs);
		fprintf(f, "%s: %s", name, !ok ? "Invalid" : nmsgs ? "Ok, with warnings" : "Ok");
		if (ok && unchecked)
			fprintf(f, " (loaded; not compiled: %s has an error)", unchecked);
		fputc('\n', f);
		for (j = 0; j < nmsgs; j++) {
			const struct sinsp_rules_msg *m = sinsp_rules_result_msg(r, i, j);

			fprintf(f, "%s:%u:%u: %s: %s (%s): %s%s%s%s%s\n", m->file, m->line, m->column,
				m->error ? "error" : "warning", sinsp_rules_code_name(m->code),
				sinsp_rules_code_desc(m->code), m->item_type, *m->item_name ? " '" : "",
				m->item_name, *m->item_name ? "'" : "", *m->item_type ? ": " : "");
			fprintf(f, "    %s\n", m->message);
		}
	}
}

/*
 * Falco's -p (its configure_output_format(), userspace/falco/app/actions/
 * init_falco_engine.cpp): the shortcuts c/container, cg/container-gvisor, k/kubernetes,
 * kg/kubernetes-gvisor are these formats and replace %container.info; any other text is
 * appended as it is and %container.info keeps its default.
 */
static const char *falco_extra(const char *arg, bool *replace)
{
#define CONTAINER_INFO \
	"container_id=%container.id container_image=%container.image.repository " \
	"container_image_tag=%container.image.tag container_name=%container.name"
#define K8S_INFO "k8s_ns=%k8s.ns.name k8s_pod_name=%k8s.pod.name"
#define GVISOR_INFO "vpid=%proc.vpid vtid=%thread.vtid"
	static const struct {
		const char *name, *alias, *format;
	} shortcuts[] = {
		{ "c", "container", CONTAINER_INFO },
		{ "cg", "container-gvisor", GVISOR_INFO " " CONTAINER_INFO },
		{ "k", "kubernetes", CONTAINER_INFO " " K8S_INFO },
		{ "kg", "kubernetes-gvisor", GVISOR_INFO " " CONTAINER_INFO " " K8S_INFO },
	};
	size_t i;

	*replace = false;
	if (!arg)
		return NULL;
	for (i = 0; i < sizeof(shortcuts) / sizeof(shortcuts[0]); i++)
		if (!strcmp(arg, shortcuts[i].name) || !strcmp(arg, shortcuts[i].alias)) {
			*replace = true;
			return shortcuts[i].format;
		}
	return arg;
}

/*
 * Load @npaths of @paths (files or directories) on s into *out and compile them; false
 * on an error (some result says it). *@bad: the index of the first load result with an
 * error before compiling (then nothing was compiled), else the number of results.
 */
static bool load_paths(sinsp_t *s, const struct scry_rules_opts *o, const char *const *paths,
		       size_t npaths, struct sinsp_rules **out, size_t *bad)
{
	const char *extra, *name;
	size_t i, n, nmsgs;
	bool replace, ok;
	int rc;

	*bad = 0;
	rc = sinsp_rules_new(s, out);
	if (rc) {
		fprintf(stderr, "scry: rules: %s\n", strerror(-rc));
		return false;
	}
	extra = falco_extra(o->print_extra, &replace);
	rc = sinsp_rules_set_output_extra(*out, extra, replace);
	if (rc) {
		fprintf(stderr, "scry: rules: %s\n", strerror(-rc));
		return false;
	}
	for (i = 0; i < npaths; i++) {
		rc = sinsp_rules_load_path(*out, paths[i]);
		if (rc == -ENOMEM)
			return false;
	}
	n = sinsp_rules_result_count(*out);
	for (*bad = 0; *bad < n; ++*bad)
		if (!sinsp_rules_result_get(*out, *bad, &name, &ok, &nmsgs) && !ok)
			break;
	rc = sinsp_rules_compile(*out);
	return rc == 0;
}

static bool load_all(sinsp_t *s, const struct scry_rules_opts *o, struct sinsp_rules **out)
{
	size_t bad;

	return load_paths(s, o, (const char *const *)o->paths, o->npaths, out, &bad);
}

/*
 * --validate's report when file @bad of @r did not load, so that nothing was compiled:
 * the files before it (if any) are loaded again alone and compiled (their own errors, as Falco,
 * which compiles after each file, reports them), then @bad and the files after it as
 * @r has them. 0 the files before @bad compile, 1 not, -1 out of memory.
 */
static int report_prefix(sinsp_t *s, const struct scry_rules_opts *o, const struct sinsp_rules *r,
			 size_t bad, FILE *f)
{
	const char **names = calloc(bad ? bad : 1, sizeof(*names));
	struct sinsp_rules *pre = NULL;
	size_t i, n = sinsp_rules_result_count(r), nmsgs, pbad;
	const char *badname = NULL;
	bool ok;
	int rc;

	if (!names)
		return -1;
	for (i = 0; i < bad; i++)
		sinsp_rules_result_get(r, i, &names[i], &ok, &nmsgs);
	sinsp_rules_result_get(r, bad, &badname, &ok, &nmsgs);
	rc = !bad || load_paths(s, o, names, bad, &pre, &pbad) ? 0 : 1;
	if (bad && (!pre || sinsp_rules_result_count(pre) != bad)) {
		rc = -1; /* out of memory, or a file changed meanwhile: the first report stands */
	} else if (o->json) {
		print_results_json(pre, f, 0, bad);
		print_results_json(r, f, bad, n);
	} else {
		print_results_text(pre, f, 0, bad, NULL);
		print_results_text(r, f, bad, bad + 1, NULL);
		print_results_text(r, f, bad + 1, n, badname);
	}
	sinsp_rules_free(pre);
	free(names);
	return rc;
}

/* A handle with no events, on which rules compile (validation, before any capture). */
static sinsp_t *open_noop(void)
{
	char errbuf[SCAP_ERRBUF_SIZE] = "";
	sinsp_t *s = NULL;

	SCAP_OPTS(scap_open_opts, so, .engine = "noop");
	struct sinsp_open_opts oo = { .sz = sizeof(oo), .scap = &so };

	if (sinsp_open(&oo, &s, errbuf)) {
		fprintf(stderr, "scry: %s\n", errbuf);
		return NULL;
	}
	return s;
}

/*
 * Whether -p's text (not a shortcut such as -pc) is refused on its own; then say so, as
 * scry -p does, with the position in that text: appended to every rule's output, it
 * would otherwise come out as an error of each rule, in the rules file, at its output.
 */
static bool extra_refused(sinsp_t *s, const struct scry_rules_opts *o)
{
	struct sinsp_formatter *fmt = NULL;
	const char *extra;
	bool replace;

	extra = falco_extra(o->print_extra, &replace);
	if (!extra || replace)
		return false;
	if (sinsp_formatter_new(s, extra, SINSP_OUTPUT_TEXT, &fmt) == 0) {
		sinsp_formatter_free(fmt);
		return false;
	}
	fprintf(stderr, "scry: -p: %s\n", sinsp_last_error(s));
	return true;
}

/*
 * Load o's paths on a handle with no events and print the results on f: all of them
 * (validate), or only when some file has an error (check). Return 0 they load, else 1.
 */
static int load_and_report(const struct scry_rules_opts *o, FILE *f, bool validate)
{
	struct sinsp_rules *r = NULL;
	sinsp_t *s = open_noop();
	size_t bad, n;
	bool ok;

	if (!s)
		return 1;
	ok = load_paths(s, o, (const char *const *)o->paths, o->npaths, &r, &bad);
	n = r ? sinsp_rules_result_count(r) : 0;
	if (!ok && extra_refused(s, o))
		n = 0; /* -p is what is wrong: said, the rules' errors it caused are not */
	if (validate && o->json)
		fputs("{\"falco_load_results\":[", f);
	if (validate && bad < n && report_prefix(s, o, r, bad, f) >= 0)
		; /* reported */
	else if (validate && o->json)
		print_results_json(r, f, 0, n);
	else if (validate || !ok)
		print_results_text(r, f, 0, n, NULL);
	if (validate && o->json)
		fputs("]}\n", f);
	sinsp_rules_free(r);
	sinsp_close(s);
	if (fflush(f) != 0)
		return 1;
	return ok ? 0 : 1;
}

int scry_rules_validate(const struct scry_rules_opts *o)
{
	return load_and_report(o, stdout, true);
}

int scry_rules_check(const struct scry_rules_opts *o)
{
	return load_and_report(o, stderr, false);
}

/* Whether rule @ri has tag @tag. */
static bool rule_has_tag(const struct sinsp_rule_info *ri, const char *tag)
{
	for (size_t j = 0; j < ri->ntags; j++)
		if (!strcmp(ri->tags[j], tag))
			return true;
	return false;
}

/*
 * A selection that selects nothing is most often a typing error: say so, naming it
 * (Falco's -D/-T/-t take the rules they match and are silent about the rest; the run
 * goes on as Falco's does).
 */
static void warn_unmatched(const struct sinsp_rules *r, const struct scry_rules_opts *o)
{
	size_t n = sinsp_rules_count(r), i, k;
	struct sinsp_rule_info ri;

	for (k = 0; k < o->ndisable_rules; k++) {
		for (i = 0; i < n; i++)
			if (!sinsp_rules_info(r, i, &ri) && strstr(ri.name, o->disable_rules[k]))
				break;
		if (i == n)
			fprintf(stderr, "scry: warning: --disable-rule '%s': no rule's name contains "
				"it (%zu rules loaded): nothing disabled\n", o->disable_rules[k], n);
	}
	for (k = 0; k < o->ndisable_tags + o->nenable_tags; k++) {
		bool dis = k < o->ndisable_tags;
		const char *tag = dis ? o->disable_tags[k] : o->enable_tags[k - o->ndisable_tags];

		for (i = 0; i < n; i++)
			if (!sinsp_rules_info(r, i, &ri) && rule_has_tag(&ri, tag))
				break;
		if (i == n)
			fprintf(stderr, "scry: warning: --%s-tag '%s': no rule has this tag (%zu rules "
				"loaded)%s\n", dis ? "disable" : "enable", tag, n,
				dis ? ": nothing disabled" : "");
	}
}

int scry_rules_load(sinsp_t *s, const struct scry_rules_opts *o, struct sinsp_rules **out)
{
	struct sinsp_rules *r = NULL;
	size_t i;

	*out = NULL;
	if (!load_all(s, o, &r)) {
		print_results_text(r, stderr, 0, r ? sinsp_rules_result_count(r) : 0, NULL);
		sinsp_rules_free(r);
		return 1;
	}
	if (o->min_priority >= 0)
		sinsp_rules_set_min_priority(r, (enum sinsp_priority)o->min_priority);
	for (i = 0; i < o->nenable_tags; i++)
		sinsp_rules_enable_tag(r, o->enable_tags[i]);
	for (i = 0; i < o->ndisable_tags; i++)
		sinsp_rules_disable_tag(r, o->disable_tags[i]);
	for (i = 0; i < o->ndisable_rules; i++)
		sinsp_rules_disable_rule(r, o->disable_rules[i]);
	warn_unmatched(r, o);
	sinsp_rules_set_match_all(r, o->match_all);
	sinsp_rules_set_all_events(r, o->all_events);
	sinsp_rules_set_json(r, o->json || o->alert_sink); /* the bus gets JSON */
	*out = r;
	return 0;
}

/* ---- alerts ------------------------------------------------------------------------------- */

/* The host an alert names: the event's own (evt.host: a capture from a bus, several hosts
 * merged), else this machine's @local. @f: the compiled evt.host, or NULL. */
static const char *alert_host(const struct sinsp_field *f, struct sinsp_evt *evt,
			      const char *local)
{
	struct sinsp_value v = { .sz = sizeof(v) };

	if (f && sinsp_field_extract_value(f, evt, &v) == 1 && v.type == SINSP_VALUE_STRING &&
	    v.u.str && *v.u.str)
		return v.u.str;
	return local;
}

static void print_alert(const struct sinsp_rules_alert *a, struct sinsp_evt *evt,
			const struct scry_rules_opts *o, const char *host)
{
	uint64_t ts = sinsp_evt_ts(evt);

	scry_alert_print(stdout, a, ts, o->json, o->iso8601, host);
	if (o->alert_sink) {
		struct sinsp_thread_info t = { .sz = sizeof(t) };
		char *buf = NULL;
		size_t len = 0;
		FILE *m = open_memstream(&buf, &len);

		if (m && !scry_alert_print(m, a, ts, true, o->iso8601, host) && !fflush(m))
			o->alert_sink(o->alert_ctx, sinsp_evt_thread(evt, &t) ? NULL :
				      scry_alert_key(t.container_id), buf, len);
		if (m)
			fclose(m);
		free(buf);
	}
}

/* Falco's names of priorities in its end-of-run counts. */
static const char *const count_names[SINSP_PRIO_COUNT] = {
	"EMERGENCY", "ALERT", "CRITICAL", "ERROR", "WARNING", "NOTICE", "INFO", "DEBUG",
};

/*
 * The end-of-run counts on stderr: the events processed and, beyond Falco, the events
 * rules did not fire on after comparing an <NA> field; then Falco's block, last (tools
 * parse it: "Events detected: N", the counts by severity, most severe first, then by
 * rule name, in load order).
 */
static void print_counts(const struct sinsp_rules *r, uint64_t events)
{
	uint64_t by_prio[SINSP_PRIO_COUNT] = { 0 }, total = 0;
	struct sinsp_rule_info info;
	size_t i, n = sinsp_rules_count(r);
	int p;

	fprintf(stderr, "Events processed: %" PRIu64 "\n", events);
	for (i = 0, p = 0; i < n; i++) {
		sinsp_rules_info(r, i, &info);
		by_prio[info.priority] += info.matches;
		total += info.matches;
		if (!info.na_misses)
			continue;
		if (!p++)
			fprintf(stderr, "Events not alerting after comparing an <NA> field, by rule name:\n");
		fprintf(stderr, "   %s: %" PRIu64 "\n", info.name, info.na_misses);
	}
	fprintf(stderr, "Events detected: %" PRIu64 "\n", total);
	fprintf(stderr, "Rule counts by severity:\n");
	for (p = 0; p < SINSP_PRIO_COUNT; p++)
		if (by_prio[p])
			fprintf(stderr, "   %s: %" PRIu64 "\n", count_names[p], by_prio[p]);
	fprintf(stderr, "Triggered rules by rule name:\n");
	for (i = 0; i < n; i++) {
		sinsp_rules_info(r, i, &info);
		if (info.matches)
			fprintf(stderr, "   %s: %" PRIu64 "\n", info.name, info.matches);
	}
}

int scry_rules_run(sinsp_t *s, struct sinsp_rules *r, struct sinsp_filter *filter,
		   const struct scry_rules_opts *o, volatile sig_atomic_t *stop)
{
	static char outbuf[1 << 16];
	struct scry_capture *cap = NULL;
	char host[256] = "";
	struct sinsp_field *host_f;
	uint64_t events = 0, end_ts = 0;
	struct sinsp_evt *evt;
	int rc = 0, status = 0, cap_status = 0;
	bool lines;

	/* the ring holds every event: the filter is then applied here, not in the inspector */
	if (o->capture.dir && scry_capture_new(&o->capture, &cap))
		return 1;
	if (o->host)
		snprintf(host, sizeof(host), "%s", o->host);
	else
		gethostname(host, sizeof(host) - 1);
	/* absent (NULL): every alert names this machine */
	if (sinsp_field_compile(s, "evt.host", &host_f))
		host_f = NULL;
	/* live, each alert reaches a reader when it fires (as Falco's unbuffered outputs, its
	 * default); a replay's are written in blocks unless --unbuffered */
	lines = o->unbuffered || !o->source;
	setvbuf(stdout, lines ? NULL : outbuf, lines ? _IOLBF : _IOFBF, lines ? 0 : sizeof(outbuf));
	sinsp_set_filter(s, o->source && !cap ? filter : NULL);
	/* live, the first signal drains what the engine holds (scry_stop_due()), as printing */
	while (!scry_stop_due(s, stop, rc) && (!o->max_events || events < o->max_events)) {
		const struct sinsp_rules_alert *alerts;
		size_t n, i;

		rc = sinsp_next(s, &evt);
		if (scry_clock_past(o->clock_end_ns))
			break;
		if (rc == SCAP_TIMEOUT) {
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
		/* -M on a capture: sysdig's window, from the first counted event */
		if (scry_window_past(&end_ts, sinsp_evt_ts(evt), o->max_s, sinsp_evt_is_counted(evt)))
			break;
		if (cap && scry_capture_event(cap, s, evt))
			cap_status = 1;
		if (sinsp_evt_is_hidden(evt))
			continue;
		if ((!o->source || cap) && filter && !sinsp_filter_match(filter, evt))
			continue;
		events++;
		n = sinsp_rules_eval(r, evt, &alerts);
		for (i = 0; i < n; i++) {
			print_alert(&alerts[i], evt, o, alert_host(host_f, evt, host));
			if (cap && scry_capture_alert(cap, s, evt, alerts[i].rule))
				cap_status = 1;
		}
	}
	sinsp_set_filter(s, NULL);
	if (fflush(stdout) != 0 && status == 0) {
		scry_print_output_failed();
		fprintf(stderr, "scry: writing output: %s\n", strerror(errno));
		status = 1;
	}
	sinsp_field_free(host_f);
	if (scry_capture_end(cap, stderr))
		cap_status = 1;
	print_counts(r, events);
	return status ? status : cap_status;
}

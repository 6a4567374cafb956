/* SPDX-License-Identifier: Apache-2.0 */
/*
 * rules.c - load, compile and check scryd's rules files (see rules.h).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <scry/scap.h>

#include "log.h"
#include "rules.h"

/* Each message of every load result: to the log (@to_log: errors and warnings), or the
 * errors only to stderr (the check before capture; the live load logs the warnings). */
static void report(const struct sinsp_rules *r, bool to_log)
{
	size_t i, j, n = sinsp_rules_result_count(r), nmsgs;
	const char *name;
	bool ok;

	for (i = 0; i < n; i++) {
		if (sinsp_rules_result_get(r, i, &name, &ok, &nmsgs))
			continue;
		for (j = 0; j < nmsgs; j++) {
			const struct sinsp_rules_msg *m = sinsp_rules_result_msg(r, i, j);
			char what[512] = "";

			if (*m->item_type)
				snprintf(what, sizeof(what), " (%s%s%s%s)", m->item_type,
					 *m->item_name ? " '" : "", m->item_name,
					 *m->item_name ? "'" : "");
			if (!to_log && !m->error)
				continue;
			if (!to_log)
				fprintf(stderr, "%s:%u:%u: error: %s: %s%s\n", m->file, m->line,
					m->column, sinsp_rules_code_name(m->code), m->message, what);
			else
				/* the log's level says error or warning (stderr's
				 * "scryd: LEVEL: ", syslog's priority): not again */
				scryd_log(m->error ? SCRYD_LOG_ERROR : SCRYD_LOG_WARNING,
					  "%s:%u:%u: %s: %s%s", m->file, m->line, m->column,
					  sinsp_rules_code_name(m->code), m->message, what);
		}
	}
}

int scryd_rules_build(sinsp_t *s, const struct scryd_config *c, bool to_log,
		      struct sinsp_rules **out)
{
	struct sinsp_rules *r = NULL;
	size_t i;
	int rc;

	*out = NULL;
	rc = sinsp_rules_new(s, &r);
	if (rc) {
		scryd_log(SCRYD_LOG_ERROR, "rules: %s", strerror(-rc));
		return -1;
	}
	for (i = 0; i < c->nrules && rc != -ENOMEM; i++)
		rc = sinsp_rules_load_path(r, c->rules[i]);
	if (rc == -ENOMEM || sinsp_rules_compile(r)) {
		if (rc == -ENOMEM)
			scryd_log(SCRYD_LOG_ERROR, "rules: out of memory");
		report(r, to_log);
		sinsp_rules_free(r);
		return -1;
	}
	report(r, to_log);
	sinsp_rules_set_min_priority(r, (enum sinsp_priority)c->min_priority);
	sinsp_rules_set_json(r, true);
	*out = r;
	return 0;
}

int scryd_rules_check(const struct scryd_config *c)
{
	char errbuf[SCAP_ERRBUF_SIZE] = "";
	struct sinsp_rules *r;
	sinsp_t *s = NULL;
	int rc;

	SCAP_OPTS(scap_open_opts, so, .engine = "noop");
	struct sinsp_open_opts oo = { .sz = sizeof(oo), .scap = &so };
	if (sinsp_open(&oo, &s, errbuf)) {
		fprintf(stderr, "scryd: %s\n", errbuf);
		return -1;
	}
	rc = scryd_rules_build(s, c, false, &r);
	sinsp_rules_free(r);
	sinsp_close(s);
	return rc;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * metrics_cli.c - scry -r FILE --metrics[=INTERVAL] (see metrics_cli.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <scry/sinsp_evt.h>
#include <scry/sinsp_metrics.h>

#include "metrics_cli.h"
#include "metrics_out.h"
#include "print.h"
#include "write.h"

bool scry_metrics_interval_parse(const char *arg, uint64_t *ns)
{
	double v, mul = 1e9;
	char *end;

	errno = 0;
	v = strtod(arg, &end);
	if (errno || end == arg)
		goto bad;
	if (!strcmp(end, "ms"))
		mul = 1e6;
	else if (!strcmp(end, "m"))
		mul = 60e9;
	else if (*end && strcmp(end, "s"))
		goto bad;
	v *= mul;
	if (!(v >= 1e6 && v <= 3600e9))
		goto bad;
	*ns = (uint64_t)v;
	return true;
bad:
	fprintf(stderr, "scry: --metrics=INTERVAL: 500ms, 1s, 2m, ... (1ms to 1h), not '%s'\n", arg);
	return false;
}

struct run {
	const struct scry_metrics_cli_opts *o;
	char host[256];
	bool cpu_seen;           /* some interval had a CPU figure */
	bool failed;
};

static void on_interval(struct sinsp_metrics *m, void *ctx)
{
	struct run *r = ctx;
	struct sinsp_metrics_container h = { .sz = sizeof(h) };
	int rc;

	if (sinsp_metrics_host(m, &h) == 0 && h.v.cpu_source != SINSP_METRICS_SRC_NONE)
		r->cpu_seen = true;
	rc = r->o->json ? scry_metrics_json(stdout, m, r->host, r->o->top_n) :
			  scry_metrics_text(stdout, m, r->o->top_n);
	if (rc)
		r->failed = true;
	if (r->o->unbuffered)
		fflush(stdout);
}

int scry_metrics_print(sinsp_t *s, struct sinsp_filter *filter,
		       const struct scry_metrics_cli_opts *o, volatile sig_atomic_t *stop)
{
	struct run r = { .o = o };
	struct sinsp_metrics_opts mo = { .sz = sizeof(mo), .interval_ns = o->interval_ns,
					 .interval_fn = on_interval, .ctx = &r };
	struct sinsp_metrics *m;
	struct sinsp_evt *evt;
	int rc, status = 0;

	gethostname(r.host, sizeof(r.host) - 1);
	rc = sinsp_metrics_new(s, &mo, &m);
	if (rc) {
		fprintf(stderr, "scry: --metrics: %s\n", strerror(-rc));
		return 1;
	}
	sinsp_set_filter(s, filter);
	for (;;) {
		rc = sinsp_next(s, &evt);
		if (scry_stop_due(s, stop, rc))
			break;
		if (rc == SCAP_TIMEOUT)
			continue;
		if (rc) {
			if (rc != SCAP_EOF) {
				scry_print_read_error(s, o->source);
				status = 1;
			}
			break;
		}
		sinsp_metrics_add(m, evt);
	}
	sinsp_metrics_flush(m);
	sinsp_set_filter(s, NULL);
	sinsp_metrics_free(m);
	if (!r.cpu_seen)
		fprintf(stderr, "scry: --metrics: the capture has no CPU figures (no procinfo "
			"events): CPU is shown as not available\n");
	if (fflush(stdout) || r.failed) {
		fprintf(stderr, "scry: stdout: %s\n", strerror(errno ? errno : EIO));
		status = 1;
	}
	return status;
}

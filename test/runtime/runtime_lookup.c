/* SPDX-License-Identifier: Apache-2.0 */
/*
 * runtime_lookup.c - ask a real container runtime about one container, the way
 * libsinsp does, for test/runtime/live_test.sh:
 *
 *   runtime_lookup RUNTIME SOCKET FULL_ID CGROUP [N]
 *
 * 1. N (default 20) direct calls of the Docker Engine API backend
 *    (sinsp_runtime_docker_lookup(), runtime/runtime.h) on SOCKET: prints the mapped
 *    fields of the last one as "field=value" lines and the latency of a call
 *    ("latency_ms_min=", "latency_ms_median=", "latency_ms_max=").
 * 2. The dispatcher end to end: a test_input inspector whose one process has the
 *    cgroup entry CGROUP as scap stores it (e.g. "=/docker/<id>"), lookups on, RUNTIME's socket set to
 *    SOCKET: prints what the public API shows once sinsp_open() returns
 *    ("dispatched_name=", "dispatched_image=", "dispatched_type=") and the counters
 *    ("stats_ok=", ...).
 * Exit 0, or 1 with a message on stderr when a lookup fails.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <scry/scap.h>
#include <scry/scap_state.h>
#include <scry/scap_test_input.h>
#include <scry/sinsp.h>
#include <scry/sinsp_state.h>

#include "runtime/runtime.h"

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static const char *str(const char *s)
{
	return s ? s : "(null)";
}

static int direct(const char *sock, const char *id, int n)
{
	struct sinsp_container c;
	double *lat = calloc((size_t)n, sizeof(*lat));
	char err[256];
	uint32_t i;
	int k, rc = 0;

	for (k = 0; k < n; k++) {
		double t0 = now_ms();

		memset(&c, 0, sizeof(c));
		rc = sinsp_runtime_docker_lookup(sock, id, 5000, &c, err, sizeof(err));
		lat[k] = now_ms() - t0;
		if (rc) {
			fprintf(stderr, "runtime_lookup: %s: %s (%d)\n", sock, err, rc);
			free(lat);
			return 1;
		}
		if (k < n - 1)
			sinsp_container_release(&c);
	}
	printf("name=%s\nimage=%s\nimage_id=%s\nimage_repo=%s\nimage_tag=%s\nimage_digest=%s\n",
	       str(c.name), str(c.image), str(c.image_id), str(c.image_repo), str(c.image_tag),
	       str(c.image_digest));
	printf("privileged=%d\nip=%s\ncreated_ns=%lld\nnlabels=%u\nnmounts=%u\n", c.privileged,
	       str(c.ip_str), (long long)c.created_ns, c.nlabels, c.nmounts);
	for (i = 0; i < c.nlabels; i++)
		printf("label.%s=%s\n", c.labels[i].key, c.labels[i].value);
	sinsp_container_release(&c);
	qsort(lat, (size_t)n, sizeof(*lat), cmp_double);
	printf("latency_ms_min=%.2f\nlatency_ms_median=%.2f\nlatency_ms_max=%.2f\n", lat[0], lat[n / 2],
	       lat[n - 1]);
	free(lat);
	return 0;
}

static int dispatched(const char *runtime, const char *sock, const char *cgroup)
{
	static struct scap_threadinfo t;
	static struct scap_state st;
	static struct scap_test_input in;
	struct sinsp_runtime_socket over = { runtime, sock };
	struct sinsp_runtime_stats rs = { .sz = sizeof(rs) };
	char errbuf[SCAP_ERRBUF_SIZE];
	int found = 0;
	sinsp_t *s;

	t.tid = t.pid = 4242;
	t.vtid = t.vpid = 1;
	strcpy(t.comm, "sh");
	strcpy(t.exe, "/bin/sh");
	strcpy(t.cwd, "/");
	t.loginuid = UINT32_MAX;
	snprintf(t.cgroups, sizeof(t.cgroups), "%s", cgroup);
	t.cgroups_len = (uint16_t)(strlen(cgroup) + 1);
	st.sz = sizeof(st);
	st.threads = &t;
	st.nthreads = 1;
	in.sz = sizeof(in);
	in.state = &st;
	SCAP_OPTS(scap_open_opts, so, .engine = "test_input", .test_input = &in);
	struct sinsp_open_opts o = { .sz = sizeof(o), .scap = &so,
				     .runtime_lookups = SINSP_RUNTIME_LOOKUPS_ON,
				     .runtime_sockets = &over, .nruntime_sockets = 1 };
	if (sinsp_open(&o, &s, errbuf)) {
		fprintf(stderr, "runtime_lookup: sinsp_open: %s\n", errbuf);
		return 1;
	}
	{
		struct sinsp_thread_info ti = { .sz = sizeof(ti) };
		struct sinsp_container_info ci = { .sz = sizeof(ci) };

		if (sinsp_thread_lookup(s, 4242, &ti) == 0 &&
		    sinsp_container_lookup(s, ti.container_id, &ci) == 0) {
			printf("dispatched_id=%s\ndispatched_type=%s\ndispatched_name=%s\n"
			       "dispatched_image=%s\n", ci.id, ci.type_name, ci.name, ci.image);
			found = 1;
		}
	}
	sinsp_runtime_stats(s, &rs);
	printf("stats_requested=%llu\nstats_ok=%llu\nstats_failed=%llu\nstats_timed_out=%llu\n"
	       "stats_pending=%llu\n", (unsigned long long)rs.requested, (unsigned long long)rs.ok,
	       (unsigned long long)rs.failed, (unsigned long long)rs.timed_out,
	       (unsigned long long)rs.pending);
	sinsp_close(s);
	if (!found)
		fprintf(stderr, "runtime_lookup: the cgroup %s made no container\n", cgroup);
	return !found;
}

int main(int argc, char **argv)
{
	int n = argc > 5 ? atoi(argv[5]) : 20;

	if (argc < 5 || n < 1) {
		fprintf(stderr, "usage: runtime_lookup RUNTIME SOCKET FULL_ID CGROUP [N]\n");
		return 2;
	}
	if (direct(argv[2], argv[3], n))
		return 1;
	return dispatched(argv[1], argv[2], argv[4]);
}

// SPDX-License-Identifier: Apache-2.0
/*
 * bench/threads/peak.c CAPTURE: read CAPTURE with libsinsp's public API and print the
 * number of events, the peak and final size of the thread table (counted with
 * sinsp_thread_foreach() every 4,096 events) and the last event's time in seconds
 * from the first. Built and run by bench/threads/run.
 */
#include <inttypes.h>
#include <stdio.h>

#include <scry/scap.h>
#include <scry/sinsp.h>
#include <scry/sinsp_state.h>

static int count_one(const struct sinsp_thread_info *t, void *ctx)
{
	(void)t;
	(*(uint64_t *)ctx)++;
	return 0;
}

static uint64_t table_size(sinsp_t *s)
{
	uint64_t n = 0;

	sinsp_thread_foreach(s, count_one, &n);
	return n;
}

int main(int argc, char **argv)
{
	char errbuf[SCAP_ERRBUF_SIZE] = "";
	uint64_t nevts = 0, peak = 0, n, first = 0, last = 0;
	struct sinsp_evt *evt;
	sinsp_t *s;
	int rc;

	if (argc != 2) {
		fprintf(stderr, "usage: peak CAPTURE\n");
		return 2;
	}
	SCAP_OPTS(scap_open_opts, so, .engine = "savefile", .path = argv[1]);
	struct sinsp_open_opts o = { .sz = sizeof(o), .scap = &so };

	if (sinsp_open(&o, &s, errbuf)) {
		fprintf(stderr, "peak: %s\n", errbuf);
		return 1;
	}
	while ((rc = sinsp_next(s, &evt)) == 0 || rc == SCAP_TIMEOUT) {
		if (rc)
			continue;
		last = sinsp_evt_raw(evt)->ts_ns;
		if (!first)
			first = last;
		if (++nevts % 4096 == 0 && (n = table_size(s)) > peak)
			peak = n;
	}
	if (rc != SCAP_EOF) {
		fprintf(stderr, "peak: %s\n", sinsp_last_error(s));
		sinsp_close(s);
		return 1;
	}
	n = table_size(s);
	printf("events %" PRIu64 " peak_threads %" PRIu64 " final_threads %" PRIu64
	       " span_s %.0f\n", nevts, n > peak ? n : peak, n, (double)(last - first) / 1e9);
	sinsp_close(s);
	return 0;
}

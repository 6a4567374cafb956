/* SPDX-License-Identifier: Apache-2.0 */
/*
 * live.c - scry without -r: capture from the scry kernel module or the eBPF probe and
 * print, filter or write (-w) the events through the same paths as a capture file.
 *
 * The engine: --engine kmod|bpf, else kmod when the module's first device
 * (/dev/scry0) exists, else bpf (the eBPF probe, on kernels with BTF).
 *
 * Order of a run: open the engine (kmod: maps every CPU's /dev/scryN, checks the
 * module's versions; bpf: loads and attaches the probe; both start capturing, then read
 * the initial state from /proc and /etc), set the snaplen, hide scry's own events
 * (unless -D, as sysdig), then drop capabilities, then the event loop. Events between
 * the start and the snaplen setting carry the driver's current snaplen.
 *
 * Capabilities after the start: the drain reads the mmapped rings and writes their
 * control pages (kmod) or consumer positions (bpf), stop is an ioctl on an open device
 * (kmod) or a store into the probe's mapped settings (bpf), and close releases what
 * is open: none of it needs a capability. So scry keeps nothing, except
 * CAP_DAC_OVERRIDE with -w (the files -w and its rotation create later must be
 * creatable where root could create them). The bounding set is emptied the same way
 * and, where allowed, the securebits are locked so that uid 0 regains no capability on
 * execve.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/capability.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <linux/securebits.h>

#include <scry/scap_bpf.h>
#include <scry/scap_kmod.h>
#include <scry/sinsp.h>
#include <scry/sinsp_filter.h>

#include "live.h"
#include "print.h"

static volatile sig_atomic_t live_stop;

static void on_signal(int sig)
{
	(void)sig;
	live_stop = 1;
}

/*
 * Keep only @keep (may be CAP_LAST_CAP + 1 for none) in every set, bounding included.
 * Return 0, or -errno of cap_set_proc() (a failure to shrink the bounding set or to lock
 * the securebits, which need CAP_SETPCAP, is not an error).
 */
int scry_drop_capabilities(int keep)
{
	cap_value_t v = keep;
	cap_t caps;
	int rc = 0;

	prctl(PR_SET_SECUREBITS, SECBIT_NOROOT | SECBIT_NOROOT_LOCKED | SECBIT_NO_SETUID_FIXUP |
	      SECBIT_NO_SETUID_FIXUP_LOCKED | SECBIT_KEEP_CAPS_LOCKED, 0, 0, 0);
	for (cap_value_t c = 0; c <= CAP_LAST_CAP; c++)
		if (c != keep)
			prctl(PR_CAPBSET_DROP, c, 0, 0, 0);
	prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
	caps = cap_init();
	if (!caps)
		return -ENOMEM;
	if (keep <= CAP_LAST_CAP) {
		cap_set_flag(caps, CAP_PERMITTED, 1, &v, CAP_SET);
		cap_set_flag(caps, CAP_EFFECTIVE, 1, &v, CAP_SET);
	}
	if (cap_set_proc(caps) != 0)
		rc = -errno;
	cap_free(caps);
	return rc;
}

/* Say how much the driver dropped, when it did. */
static void report_drops(scap_t *h)
{
	SCAP_OPTS(scap_kmod_stats, st);

	if ((!strcmp(scap_engine_name(h), "bpf") ? scap_bpf_get_stats(h, &st) :
	     scap_kmod_get_stats(h, &st)) != 0)
		return;
	if (st.n_drop_full || st.n_drop_big || st.n_drop_nest)
		fprintf(stderr, "scry: the driver dropped %" PRIu64 " of %" PRIu64 " events "
			"(%" PRIu64 " ring full, %" PRIu64 " too big, %" PRIu64 " nested)\n",
			st.n_drop_full + st.n_drop_big + st.n_drop_nest,
			st.n_evts + st.n_drop_full + st.n_drop_big + st.n_drop_nest,
			st.n_drop_full, st.n_drop_big, st.n_drop_nest);
}

/*
 * Refuse a bad -p format or filter before the engine is opened (loading the probe
 * takes seconds): both are compiled once on an inspector without events.
 * Return: 0, or the exit status of scry_print_setup() (message printed).
 */
static int check_print_args(const struct scry_live_opts *o)
{
	char errbuf[SCAP_ERRBUF_SIZE] = "";
	struct sinsp_formatter *fmt;
	struct sinsp_filter *filter;
	sinsp_t *s;
	int status;

	SCAP_OPTS(scap_open_opts, so, .engine = "noop");
	struct sinsp_open_opts oo = { .sz = sizeof(oo), .scap = &so };
	if (sinsp_open(&oo, &s, errbuf)) {
		fprintf(stderr, "scry: %s\n", errbuf);
		return 1;
	}
	status = scry_print_setup(s, o->format, o->json, o->filter, &fmt, &filter);
	sinsp_filter_free(filter);
	sinsp_formatter_free(fmt);
	sinsp_close(s);
	return status;
}

int scry_live(const struct scry_live_opts *o)
{
	char errbuf[SCAP_ERRBUF_SIZE] = "";
	struct sinsp_formatter *fmt = NULL;
	struct sinsp_filter *filter = NULL;
	struct sigaction sa;
	sinsp_t *s = NULL;
	scap_t *h;
	int rc, status;

	const char *engine = o->engine;
	bool bpf;

	if (!engine)
		engine = access("/dev/scry0", F_OK) == 0 ? "kmod" : "bpf";
	if (strcmp(engine, "kmod") != 0 && strcmp(engine, "bpf") != 0) {
		fprintf(stderr, "scry: --engine %s: the live engines are kmod (the scry kernel "
			"module) and bpf (the eBPF probe)\n", engine);
		return 2;
	}
	bpf = !strcmp(engine, "bpf");
	status = check_print_args(o);
	if (status)
		return status;
	/* likewise a -w path that cannot be created */
	if (o->write && o->write->path && scry_write_check(o->write))
		return 1;
	/* started before the /proc scan: no process is missed between the two */
	SCAP_OPTS(scap_open_opts, so, .engine = engine, .start = true);
	struct sinsp_open_opts oo = { .sz = sizeof(oo), .scap = &so,
				      .max_str_len = o->verbose ? UINT32_MAX : 0 };
	rc = sinsp_open(&oo, &s, errbuf);
	if (rc) {
		fprintf(stderr, "scry: %s\n", errbuf);
		if ((rc == -EACCES || rc == -EPERM) && geteuid() != 0)
			fprintf(stderr, "scry: (running as uid %u)\n", (unsigned)geteuid());
		return 1;
	}
	h = sinsp_scap(s);
	status = scry_print_setup(s, o->format, o->json, o->filter, &fmt, &filter);
	if (status)
		goto out;
	/* bpf: the probe leaves scry's process out already, unless -D */
	if (bpf ? (o->snaplen && scap_bpf_set_snaplen(h, o->snaplen) < 0) ||
		  (o->debug && scap_bpf_set_exclude_tgid(h, 0) < 0) :
		  (o->snaplen && scap_kmod_set_snaplen(h, o->snaplen) < 0) ||
		  (!o->debug && scap_kmod_set_exclude_tid(h, (uint64_t)getpid()) < 0)) {
		fprintf(stderr, "scry: %s\n", scap_last_error(h));
		status = 1;
		goto out;
	}
	if (scap_start(h) < 0) {
		fprintf(stderr, "scry: %s\n", scap_last_error(h));
		status = 1;
		goto out;
	}
	rc = scry_drop_capabilities(o->write && o->write->path ? CAP_DAC_OVERRIDE : CAP_LAST_CAP + 1);
	if (rc) {
		fprintf(stderr, "scry: dropping capabilities: %s\n", strerror(-rc));
		status = 1;
		goto out;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	/* -M live: seconds of capture by the clock, also when no event comes */
	sigaction(SIGALRM, &sa, NULL);
	if (o->max_s)
		alarm(o->max_s > UINT_MAX ? UINT_MAX : (unsigned)o->max_s);
	if (o->write && o->write->path) {
		o->write->max_events = o->max_events;
		o->write->max_s = 0;
		o->write->read_path = NULL;
		status = scry_write(s, filter, o->write, &live_stop);
	} else {
		struct scry_print_opts po = { .debug = o->debug, .max_events = o->max_events };

		status = scry_print(s, fmt, filter, &po, &live_stop);
	}
	alarm(0);
	scap_stop(h);
	report_drops(h);
out:
	sinsp_filter_free(filter);
	sinsp_formatter_free(fmt);
	sinsp_close(s);
	return status;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * detector - alert when a shell starts inside a container.
 *
 *   detector -r FILE          from a capture file
 *   detector [-e ENGINE]      live (kmod or bpf; until Ctrl-C)
 *
 * The rule is a filter: a successful execve/execveat exit whose new program is a
 * shell, in a thread that belongs to a container. The inspector applies it
 * (sinsp_set_filter()), so only the detections come back from sinsp_next(); the alert
 * line is made of typed field values, compiled once.
 */
#define _POSIX_C_SOURCE 200809L /* getopt() under -std=c11 */
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <scry/scap_bpf.h>
#include <scry/sinsp.h>
#include <scry/sinsp_evt.h>
#include <scry/sinsp_fields.h>
#include <scry/sinsp_filter.h>

#define RULE                                                                       \
	"evt.type in (execve, execveat) and evt.dir=< and evt.rawres=0"            \
	" and container.id!=host"                                                  \
	" and proc.name in (ash, bash, busybox, csh, dash, fish, ksh, mksh, sh, tcsh, zsh)"

/* The fields of an alert, in the order they are printed. */
enum { F_CONTAINER, F_NAME, F_PID, F_PNAME, F_PPID, F_CMDLINE, NFIELDS };
static const char *const field_names[NFIELDS] = {
	"container.id", "proc.name", "proc.pid", "proc.pname", "proc.ppid", "proc.cmdline",
};

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

/* A string field's text, "?" when the field does not resolve for the event. */
static const char *str(const struct sinsp_value *v)
{
	return v->type == SINSP_VALUE_STRING ? v->u.str : "?";
}

/* A pid field's value, -1 when it does not resolve. */
static int64_t pid(const struct sinsp_value *v)
{
	return v->type == SINSP_VALUE_PID || v->type == SINSP_VALUE_INT ? v->u.s64 : -1;
}

static void alert(struct sinsp_evt *evt, struct sinsp_field *const *fields)
{
	struct sinsp_value v[NFIELDS];
	uint64_t ts = sinsp_evt_ts(evt);
	time_t sec = (time_t)(ts / 1000000000u);
	char when[32];

	for (int i = 0; i < NFIELDS; i++) {
		v[i] = (struct sinsp_value){ .sz = sizeof(v[i]) };
		if (sinsp_field_extract_value(fields[i], evt, &v[i]) != 1)
			v[i].type = SINSP_VALUE_NONE;
	}
	strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%S", gmtime(&sec));
	printf("%s.%09" PRIu64 "Z shell in container %s: %s (pid %" PRId64 ") started by "
	       "%s (pid %" PRId64 "): %s\n", when, ts % 1000000000u, str(&v[F_CONTAINER]),
	       str(&v[F_NAME]), pid(&v[F_PID]), str(&v[F_PNAME]), pid(&v[F_PPID]),
	       str(&v[F_CMDLINE]));
	fflush(stdout);
}

int main(int argc, char **argv)
{
	const char *file = NULL, *engine = NULL;
	char err[SCAP_ERRBUF_SIZE] = "";
	struct sinsp_field *fields[NFIELDS] = { 0 };
	struct sinsp_filter *rule;
	struct sinsp_evt *evt;
	unsigned long alerts = 0;
	int opt, rc, status = 0;
	sinsp_t *s;

	while ((opt = getopt(argc, argv, "r:e:")) != -1) {
		if (opt == 'r')
			file = optarg;
		else if (opt == 'e')
			engine = optarg;
		else
			return fprintf(stderr, "usage: detector [-r FILE | -e ENGINE]\n"), 2;
	}
	if (!file && !engine) /* as scry: the kernel module when loaded, else the eBPF probe */
		engine = access("/dev/scry0", F_OK) == 0 ? "kmod" : "bpf";
	SCAP_OPTS(scap_open_opts, so, .engine = file ? "savefile" : engine, .path = file,
		  .start = !file, /* the eBPF engine is a library of its own: hand it over */
		  .engine_impl = !file && !strcmp(engine, "bpf") ? scap_bpf_engine() : NULL);
	SCAP_OPTS(sinsp_open_opts, oo, .scap = &so);
	if (sinsp_open(&oo, &s, err))
		return fprintf(stderr, "detector: %s\n", err), 1;
	if (sinsp_filter_compile(s, RULE, &rule) || sinsp_set_filter(s, rule))
		return fprintf(stderr, "detector: %s\n", sinsp_last_error(s)), 1;
	for (int i = 0; i < NFIELDS; i++)
		if (sinsp_field_compile(s, field_names[i], &fields[i]))
			return fprintf(stderr, "detector: %s\n", sinsp_last_error(s)), 1;
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	while (!stop && (rc = sinsp_next(s, &evt)) != SCAP_EOF) {
		if (rc == SCAP_TIMEOUT)
			continue;
		if (rc < 0) {
			fprintf(stderr, "detector: %s\n", sinsp_last_error(s));
			status = 1;
			break;
		}
		if (sinsp_evt_is_hidden(evt))
			continue; /* kept in the file for state only */
		alert(evt, fields);
		alerts++;
	}
	fprintf(stderr, "detector: %lu alert%s\n", alerts, alerts == 1 ? "" : "s");
	for (int i = 0; i < NFIELDS; i++)
		sinsp_field_free(fields[i]);
	sinsp_filter_free(rule);
	sinsp_close(s);
	return status;
}

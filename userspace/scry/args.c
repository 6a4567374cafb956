/* SPDX-License-Identifier: Apache-2.0 */
/*
 * args.c - scry's command line: parsing and --help (args.h).
 */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <scry/sinsp.h>
#ifdef SCRY_HAVE_SCAP_STREAM
#include <scry/scap_stream.h>
#endif

#include "args.h"
#include "live.h"
#include "metrics_cli.h"
#include "publish.h"

/*
 * sysdig 0.29.3's -pc and -pk formats (its -h). The pod name is the CRI pod's
 * (k8s.pod.name); "<NA>" outside a pod, as sysdig prints it.
 */
#define FORMAT_CONTAINER \
	"*%evt.num %evt.outputtime %evt.cpu %container.name (%container.id) %proc.name " \
	"(%thread.tid:%thread.vtid) %evt.dir %evt.type %evt.info"
#define FORMAT_K8S \
	"*%evt.num %evt.outputtime %evt.cpu %k8s.pod.name (%container.id) %proc.name " \
	"(%thread.tid:%thread.vtid) %evt.dir %evt.type %evt.info"

/* What scry_parse_args() fills (one parse a run). */
static struct scry_cli_opts *opts;

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: scry [options] [filter]\n"
		"       scry top [options] [filter]   containers and processes, as csysdig shows\n"
		"                                     them (scry top --help)\n"
		"\n"
		"Options:\n"
		" -r, --read=FILE        read events from a capture file (plain or gzip);\n"
		"                        without -r, capture live (scry kernel module or eBPF probe)\n"
		" -k                     capture with the scry kernel module (--engine kmod)\n"
		"     --engine=ENGINE    the live capture engine: kmod (the scry kernel module)\n"
		"                        or bpf (the eBPF probe); default kmod when loaded, else bpf\n"
		"     --driver=ACTION    load, unload or status of the scry kernel module\n"
		"                        (load [PATH|NAME] [PARAM=VALUE...]; as root)\n"
		" -p, --print=FORMAT     print each event with FORMAT (sysdig -p syntax:\n"
		"                        %%field, a leading * prints lines with unresolved fields)\n"
		"                        -pc, -pcontainer: sysdig's container format; -pk,\n"
		"                        -pkubernetes: its Kubernetes format; -pp: print the\n"
		"                        default format. With --rules, Falco's -p: FORMAT is\n"
		"                        added to every rule's output; -pc/-pk add container\n"
		"                        (and k8s) fields in place of %%container.info\n"
		" -j, --json             print events as JSON lines\n"
		" -A, --print-ascii      print only the printable bytes and newlines of buffers\n"
		" -x, --print-hex        print buffers in hex\n"
		" -X, --print-hex-ascii  print buffers in hex and ASCII\n"
		" -b, --print-base64     print buffers in base64\n"
		" -t, --timetype=TYPE    the time printed by the default format: h human readable\n"
		"                        (default), a absolute (s.ns since the epoch), r relative\n"
		"                        to the first event, d latency of the call (exit events),\n"
		"                        D delta from the previous printed event\n"
		" -q, --quiet            print no events (with -w, -S)\n"
		" -S, --summary          print the count of each event type at the end (live:\n"
		"                        and the counts of container runtime lookups, on stderr)\n"
		"     --unbuffered       flush the output after every line\n"
		"     --no-runtime-lookups  live: do not ask the container runtimes (docker,\n"
		"                        podman, containerd, cri-o) for names, images, labels\n"
		"     --runtime-socket=RUNTIME=PATH  live: ask RUNTIME (docker, podman,\n"
		"                        containerd, cri-o) on the unix socket PATH (empty: do\n"
		"                        not ask it)\n"
		"     --runtime-timeout=MS  live: wait at most MS ms for one answer of a\n"
		"                        runtime (default 1000; 2 more tries after a failure)\n"
		"     --notify-start     live: print \"scry: capturing ...\" on stderr once capture\n"
		"                        has begun, also when stderr is no terminal (on a\n"
		"                        terminal it is always printed)\n"
		"     --metrics[=INTERVAL]  with -r: instead of events, the figures of each\n"
		"                        INTERVAL (500ms, 1s (default), 2m): for the host, each\n"
		"                        container and its 3 busiest processes, CPU, memory,\n"
		"                        system calls and errors, file and network bytes,\n"
		"                        connections, processes and files opened, per second;\n"
		"                        with -j, scryd's JSON snapshot lines. A filter selects\n"
		"                        the events counted. CPU needs procinfo events (sysdig's\n"
		"                        captures have them): else it is shown as '-'\n"
		" -n, --numevents=N      stop after N events\n"
		" -v, --verbose          print buffers in full instead of cutting them at 80 bytes\n"
		" -D, --debug            also print the internal events, normally hidden (not the\n"
		"                        container table a capture starts with, nor events it\n"
		"                        stored for state only), as sysdig's -D\n"
		" -w, --write=FILE       write the events (those the filter matches) to a capture\n"
		"                        file instead of printing them; each file starts with the\n"
		"                        state of processes, fds, users and containers at that point\n"
		"     --no-procinfo      live -w: do not write each process's CPU time once a\n"
		"                        second (procinfo events, as sysdig's driver does: what\n"
		"                        --metrics and scry top show as CPU when replaying)\n"
		"     -w nats://HOST:PORT[,HOST:PORT]/STREAM?host=NAME[&replicas=N]: publish\n"
		"                        to NATS JetStream instead (kafka://BROKER:PORT/TOPIC?...\n"
		"                        to Kafka), as capture chunks through\n"
		"                        an on-disk spool (docs/collect.md); -r of that URL\n"
		"                        (host=A,B: several hosts merged; &since=TIME, RFC 3339\n"
		"                        or ns) replays them\n"
		"     --spool-dir=DIR    -w URL: the spool (default /var/spool/scry/STREAM-HOST)\n"
		"     --spool-size=MB    -w URL: its bound (default 1 GiB); beyond it the oldest\n"
		"                        chunks are dropped and counted\n"
		"     --chunk-events=N   -w URL: events a chunk holds at most (100000; live: and\n"
		"                        2 s of events)\n"
		"     --publish-wait=S   -w URL: the wait for the bus at the end (60; Ctrl-C ends it)\n"
		"     --fetch=KIND       -r URL: print the hosts' KIND messages (alerts: those\n"
		"                        of scry -r FILE --rules R -w URL) one a line, instead\n"
		"                        of replaying the capture\n"
		"     --max-message=MIB  -w URL: the bus's largest message (NATS max_payload,\n"
		"                        Kafka message.max.bytes; default: what a NATS server\n"
		"                        says when the publisher starts, else 1): a chunk\n"
		"                        stays below it\n"
		" -z, --compress         gzip the files -w writes\n"
		" -s, --snaplen=BYTES    keep the first BYTES of each I/O buffer in written files\n"
		" -C, --file-size=MB     -w: start a new file once the current one exceeds MB\n"
		"                        millions of bytes (FILE0, FILE1, ...)\n"
		" -G, --seconds=SECONDS  -w: start a new file every SECONDS of event time (FILE may\n"
		"                        hold a strftime pattern)\n"
		" -W, --limit=N          -w with -C/-G: keep at most N files, the oldest is reused\n"
		" -M SECONDS             stop after SECONDS: of event time from the first event\n"
		"                        (-r), of capture (live)\n"
		"     --rules=PATH       Falco rules (a file, or a directory of *.yaml; repeat for\n"
		"                        more, loaded in order): print alerts instead of events,\n"
		"                        as Falco prints them (-j: JSON lines); at the end, the\n"
		"                        counts of events and alerts on stderr. A rules file that\n"
		"                        does not load: exit 1 before any capture starts. The\n"
		"                        rules see proc.tty and group.gid as they are (not as\n"
		"                        sysdig 0.29.3 prints them); live, alerts are unbuffered\n"
		"     --min-priority=LEVEL  --rules: only rules of LEVEL or more severe (emergency,\n"
		"                        alert, critical, error, warning, notice, informational, debug)\n"
		"     --enable-tag=TAG   --rules: only rules with one of these tags (repeatable)\n"
		"     --disable-tag=TAG  --rules: not the rules with this tag (repeatable)\n"
		"     --disable-rule=TEXT  --rules: not the rules whose name contains TEXT\n"
		"                        (repeatable); not with --enable-tag (as Falco's -D, -t)\n"
		"     --rule-matching=first|all  --rules: the first matching rule of an event\n"
		"                        alerts (default), or every matching rule\n"
		"     --all-events       --rules: also evaluate the event types Falco skips (read,\n"
		"                        write, ...: SCAP_EF_DROP_SIMPLE_CONS)\n"
		"     --iso8601          --rules: alert times in ISO 8601 (UTC)\n"
		"     --capture-dir=DIR  --rules: keep the last seconds of events in memory and,\n"
		"                        when a rule fires, write DIR/TIME_RULE.scap: the state of\n"
		"                        processes, fds and containers, the events before the alert\n"
		"                        and after it (an alert within a file's window extends it;\n"
		"                        DIR must exist)\n"
		"     --capture-before=S --capture-dir: seconds of event time kept before (5)\n"
		"     --capture-after=S  --capture-dir: seconds of event time written after (5)\n"
		"     --capture-mem=MIB  --capture-dir: memory bound of the ring (128; a k suffix:\n"
		"                        KiB); its peak and the events it dropped go to stderr\n"
		"     --validate=PATH    load Falco rules and report (-j: Falco's JSON load results);\n"
		"                        exit 0 when they load (warnings allowed), 1 at an error\n"
		" -l, --list             list the fields usable in formats and filters\n"
		" -L, --list-events      list the event types and their parameters\n"
		" -h, --help             print this help\n"
		"     --version          print scry's version\n"
		"\n"
		"Examples:\n"
		"  scry -r trace.scap\n"
		"  scry -r trace.scap -p '%%evt.num %%proc.name %%fd.name'\n"
		"  scry -r trace.scap 'proc.name=curl and fd.name contains lib'\n"
		"  scry -r trace.scap -w curl.scap proc.name=curl\n"
		"  scry -r big.scap -w part.scap -C 100 -W 5 -z\n"
		"\n"
		"The filter (sysdig syntax) selects the events printed and counted by -n. Options\n"
		"may come before or after it; a filter word starting with '-' goes after --.\n");
#ifdef SCRY_HAVE_SCAP_STREAM
	fprintf(f, "Buses this build publishes to and reads from (-w/-r URL): %s.\n",
		scap_stream_schemes());
#else
	fprintf(f, "Buses this build publishes to and reads from (-w/-r URL): none.\n");
#endif
}

static char *join_args(int argc, char **argv)
{
	size_t len = 0;
	char *s;
	int i;

	for (i = 0; i < argc; i++)
		len += strlen(argv[i]) + 1;
	s = calloc(1, len + 1);
	if (!s)
		return NULL;
	for (i = 0; i < argc; i++) {
		if (i)
			strcat(s, " ");
		strcat(s, argv[i]);
	}
	return s;
}

/* "-X" for the short option X (the name parse_num() gives in its messages). */
static const char *short_name(int opt)
{
	static char name[3] = "-";

	name[1] = (char)opt;
	return name;
}

/*
 * A decimal option value in [@min, @max] into *@out; false (message printed, naming the
 * value as @what, as sysdig's "invalid event count 0") otherwise.
 */
static bool parse_num(const char *opt, const char *arg, uint64_t min, uint64_t max,
		      const char *what, uint64_t *out)
{
	char *end;

	errno = 0;
	*out = strtoull(arg, &end, 10);
	if (arg[0] == '-' && isdigit((unsigned char)arg[1]) && !*end) {
		errno = ERANGE;            /* a negative number: out of range, not "not a number" */
	} else if (!isdigit((unsigned char)arg[0]) || *end) {
		fprintf(stderr, "scry: %s %s: not a number\n", opt, arg);
		return false;
	}
	if (errno == ERANGE || *out < min || *out > max) {
		fprintf(stderr, "scry: invalid %s %s: %s takes %" PRIu64 " to %" PRIu64 "\n",
			what, arg, opt, min, max);
		return false;
	}
	return true;
}

/* --capture-mem: MiB, or KiB with a k suffix (64 KiB to 1 TiB), into bytes. */
static bool parse_mem(const char *arg, uint64_t *bytes)
{
	char num[32];
	size_t n = strlen(arg);
	bool kib = n && (arg[n - 1] == 'k' || arg[n - 1] == 'K');
	uint64_t v;

	snprintf(num, sizeof(num), "%.*s", (int)(kib ? n - 1 : n), arg);
	if (!parse_num("--capture-mem", num, kib ? 64 : 1, kib ? 1u << 30 : 1u << 20,
		       kib ? "size in KiB" : "size in MiB", &v))
		return false;
	*bytes = v << (kib ? 10 : 20);
	return true;
}

extern int scry_list_fields(FILE *f);
extern int scry_list_events(FILE *f);

/*
 * The largest -G/-M seconds and -C megabytes: their count of nanoseconds or bytes fits
 * in 64 bits.
 */
#define MAX_SECONDS (UINT64_MAX / 1000000000u)
#define MAX_MB (UINT64_MAX / 1000000u)

enum {
	OPT_DRIVER = 0x100, OPT_ENGINE, OPT_VERSION, OPT_UNBUFFERED, OPT_NO_LOOKUPS,
	OPT_RUNTIME_SOCKET, OPT_RUNTIME_TIMEOUT, OPT_RULES, OPT_VALIDATE, OPT_MIN_PRIORITY,
	OPT_ENABLE_TAG, OPT_DISABLE_TAG, OPT_DISABLE_RULE, OPT_RULE_MATCHING, OPT_ALL_EVENTS,
	OPT_ISO8601, OPT_NOTIFY_START, OPT_CAPTURE_DIR, OPT_CAPTURE_BEFORE, OPT_CAPTURE_AFTER,
	OPT_CAPTURE_MEM, OPT_METRICS, OPT_NO_PROCINFO, OPT_SPOOL_DIR, OPT_SPOOL_SIZE,
	OPT_CHUNK_EVENTS, OPT_PUBLISH_WAIT, OPT_MAX_MESSAGE, OPT_FETCH,
};

/* --runtime-socket=NAME=PATH (@arg is kept: argv outlives the run). */
static bool add_runtime_socket(char *arg)
{
	char *eq = strchr(arg, '=');

	if (!eq || eq == arg || opts->nruntime_sockets == MAX_RUNTIME_SOCKETS) {
		fprintf(stderr, "scry: --runtime-socket wants RUNTIME=PATH (at most %d)\n",
			MAX_RUNTIME_SOCKETS);
		return false;
	}
	*eq = 0;
	opts->runtime_sockets[opts->nruntime_sockets++] =
		(struct sinsp_runtime_socket){ .runtime = arg, .path = eq + 1 };
	return true;
}

/* Append @v to the string array *@arr of *@n (room for argc entries was made). */
static void push_arg(const char ***arr, size_t *n, const char *v)
{
	(*arr)[(*n)++] = v;
}

/* The rules options (--rules ... --iso8601); false on a bad value (message printed). */
static bool rules_option(int c, const char *arg)
{
	struct scry_rules_opts *r = &opts->rules;
	int p;

	switch (c) {
	case OPT_RULES:
	case OPT_VALIDATE:
		if (opts->validate != (c == OPT_VALIDATE) && r->npaths) {
			fprintf(stderr, "scry: --rules and --validate cannot be used together\n");
			return false;
		}
		opts->validate = c == OPT_VALIDATE;
		push_arg(&r->paths, &r->npaths, arg);
		return true;
	case OPT_MIN_PRIORITY:
		p = sinsp_priority_parse(arg);
		if (p < 0) {
			fprintf(stderr, "scry: --min-priority %s: emergency, alert, critical, error, "
				"warning, notice, informational or debug\n", arg);
			return false;
		}
		r->min_priority = p;
		return true;
	case OPT_ENABLE_TAG: push_arg(&r->enable_tags, &r->nenable_tags, arg); return true;
	case OPT_DISABLE_TAG: push_arg(&r->disable_tags, &r->ndisable_tags, arg); return true;
	case OPT_DISABLE_RULE: push_arg(&r->disable_rules, &r->ndisable_rules, arg); return true;
	case OPT_RULE_MATCHING:
		if (strcmp(arg, "first") && strcmp(arg, "all")) {
			fprintf(stderr, "scry: --rule-matching %s: first or all\n", arg);
			return false;
		}
		r->match_all = !strcmp(arg, "all");
		return true;
	case OPT_ALL_EVENTS: r->all_events = true; return true;
	case OPT_ISO8601: r->iso8601 = true; return true;
	case OPT_CAPTURE_DIR: r->capture.dir = arg; return true;
	case OPT_CAPTURE_BEFORE:
		return parse_num("--capture-before", arg, 0, MAX_SECONDS, "duration",
				 &r->capture.before_s);
	case OPT_CAPTURE_AFTER:
		return parse_num("--capture-after", arg, 0, MAX_SECONDS, "duration",
				 &r->capture.after_s);
	case OPT_CAPTURE_MEM:
		return parse_mem(arg, &r->capture.mem_bytes);
	}
	return false;
}

/* -A, -x, -X, -b (@opt): one of them at most, as in sysdig. */
static bool set_buffer_format(int opt)
{
	enum sinsp_buffer_format f = opt == 'A' ? SINSP_BUFFER_ASCII :
				     opt == 'x' ? SINSP_BUFFER_HEX :
				     opt == 'X' ? SINSP_BUFFER_HEX_ASCII : SINSP_BUFFER_BASE64;

	if (opts->buffer_format != SINSP_BUFFER_DOTS && opts->buffer_format != f) {
		fprintf(stderr, "scry: you cannot specify more than one output format\n");
		return false;
	}
	opts->buffer_format = f;
	return true;
}

/* -t h|a|r|d|D (sysdig's letters). */
static bool set_time_output(const char *arg)
{
	static const char letters[] = "hardD";
	const char *p = strlen(arg) == 1 ? strchr(letters, arg[0]) : NULL;

	if (!p) {
		fprintf(stderr, "scry: invalid modifier for flag -t: %s (h, a, r, d or D)\n", arg);
		return false;
	}
	opts->time_output = (enum sinsp_time_output)(p - letters);
	return true;
}

/* -p FORMAT, with sysdig's shorthands c, k (formats) and p (print the default, exit). */
static void set_format(const char *arg)
{
	opts->print_arg = arg;
	opts->print_default = false;
	if (!strcmp(arg, "c") || !strcmp(arg, "container"))
		opts->format = FORMAT_CONTAINER;
	else if (!strcmp(arg, "k") || !strcmp(arg, "kubernetes"))
		opts->format = FORMAT_K8S;
	else if (!strcmp(arg, "p"))
		opts->print_default = true;
	else
		opts->format = arg;
}

/*
 * getopt permutes the options and the filter words; a filter word that starts with '-'
 * goes after "--". An unknown option is reported in one line (getopt's, with "scry" as
 * the program name) and a pointer to --help.
 */
int scry_parse_args(int argc, char **argv, struct scry_cli_opts *o)
{
	static const struct option longopts[] = {
		{ "read", required_argument, NULL, 'r' },
		{ "print", required_argument, NULL, 'p' },
		{ "json", no_argument, NULL, 'j' },
		{ "numevents", required_argument, NULL, 'n' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "debug", no_argument, NULL, 'D' },
		{ "write", required_argument, NULL, 'w' },
		{ "compress", no_argument, NULL, 'z' },
		{ "snaplen", required_argument, NULL, 's' },
		{ "file-size", required_argument, NULL, 'C' },
		{ "seconds", required_argument, NULL, 'G' },
		{ "limit", required_argument, NULL, 'W' },
		{ "list", no_argument, NULL, 'l' },
		{ "list-events", no_argument, NULL, 'L' },
		{ "help", no_argument, NULL, 'h' },
		{ "engine", required_argument, NULL, OPT_ENGINE },
		{ "driver", required_argument, NULL, OPT_DRIVER },
		{ "version", no_argument, NULL, OPT_VERSION },
		{ "print-ascii", no_argument, NULL, 'A' },
		{ "print-hex", no_argument, NULL, 'x' },
		{ "print-hex-ascii", no_argument, NULL, 'X' },
		{ "print-base64", no_argument, NULL, 'b' },
		{ "timetype", required_argument, NULL, 't' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "summary", no_argument, NULL, 'S' },
		{ "unbuffered", no_argument, NULL, OPT_UNBUFFERED },
		{ "no-runtime-lookups", no_argument, NULL, OPT_NO_LOOKUPS },
		{ "runtime-socket", required_argument, NULL, OPT_RUNTIME_SOCKET },
		{ "runtime-timeout", required_argument, NULL, OPT_RUNTIME_TIMEOUT },
		{ "rules", required_argument, NULL, OPT_RULES },
		{ "validate", required_argument, NULL, OPT_VALIDATE },
		{ "min-priority", required_argument, NULL, OPT_MIN_PRIORITY },
		{ "enable-tag", required_argument, NULL, OPT_ENABLE_TAG },
		{ "disable-tag", required_argument, NULL, OPT_DISABLE_TAG },
		{ "disable-rule", required_argument, NULL, OPT_DISABLE_RULE },
		{ "rule-matching", required_argument, NULL, OPT_RULE_MATCHING },
		{ "all-events", no_argument, NULL, OPT_ALL_EVENTS },
		{ "iso8601", no_argument, NULL, OPT_ISO8601 },
		{ "notify-start", no_argument, NULL, OPT_NOTIFY_START },
		{ "capture-dir", required_argument, NULL, OPT_CAPTURE_DIR },
		{ "capture-before", required_argument, NULL, OPT_CAPTURE_BEFORE },
		{ "capture-after", required_argument, NULL, OPT_CAPTURE_AFTER },
		{ "capture-mem", required_argument, NULL, OPT_CAPTURE_MEM },
		{ "metrics", optional_argument, NULL, OPT_METRICS },
		{ "no-procinfo", no_argument, NULL, OPT_NO_PROCINFO },
		{ "spool-dir", required_argument, NULL, OPT_SPOOL_DIR },
		{ "spool-size", required_argument, NULL, OPT_SPOOL_SIZE },
		{ "chunk-events", required_argument, NULL, OPT_CHUNK_EVENTS },
		{ "publish-wait", required_argument, NULL, OPT_PUBLISH_WAIT },
		{ "max-message", required_argument, NULL, OPT_MAX_MESSAGE },
		{ "fetch", required_argument, NULL, OPT_FETCH },
		{ NULL, 0, NULL, 0 },
	};
	static char progname[] = "scry";
	uint64_t v;
	int c;

	opts = o;
	/* getopt's messages name argv[0]: "scry", not the path it was started by */
	argv[0] = progname;
	opts->rules.min_priority = -1;
	opts->rules.capture.before_s = SCRY_CAPTURE_DEFAULT_S;
	opts->rules.capture.after_s = SCRY_CAPTURE_DEFAULT_S;
	opts->rules.capture.mem_bytes = (uint64_t)SCRY_CAPTURE_DEFAULT_MEM_MB << 20;
	opts->rules.paths = calloc((size_t)argc, sizeof(char *));
	opts->rules.enable_tags = calloc((size_t)argc, sizeof(char *));
	opts->rules.disable_tags = calloc((size_t)argc, sizeof(char *));
	opts->rules.disable_rules = calloc((size_t)argc, sizeof(char *));
	if (!opts->rules.paths || !opts->rules.enable_tags || !opts->rules.disable_tags ||
	    !opts->rules.disable_rules)
		return 1;
	while ((c = getopt_long(argc, argv, "r:p:jn:vDw:zs:C:G:W:M:lLhkAxXbt:qS", longopts, NULL)) != -1) {
		switch (c) {
		case 'r': opts->read_path = optarg; break;
		case 'p': set_format(optarg); break;
		case 'A':
		case 'x':
		case 'X':
		case 'b':
			if (!set_buffer_format(c))
				return 2;
			break;
		case 't':
			if (!set_time_output(optarg))
				return 2;
			break;
		case 'q': opts->quiet = true; break;
		case 'S': opts->summary = true; break;
		case OPT_UNBUFFERED: opts->unbuffered = true; break;
		case OPT_NO_LOOKUPS: opts->no_runtime_lookups = true; break;
		case OPT_RUNTIME_SOCKET:
			if (!add_runtime_socket(optarg))
				return 2;
			break;
		case OPT_RUNTIME_TIMEOUT:
			if (!parse_num("--runtime-timeout", optarg, 1, 3600000, "timeout", &v))
				return 2;
			opts->runtime_timeout_ms = (uint32_t)v;
			break;
		case OPT_NOTIFY_START: opts->notify_start = true; break;
		case 'j': opts->json = true; break;
		case 'v': opts->verbose = true; break;
		case 'D': opts->debug = true; break;
		case 'n':
			if (!parse_num(short_name(c), optarg, 1, UINT64_MAX, "event count",
				       &opts->max_events))
				return 2;
			break;
		case 'w': opts->write.path = optarg; break;
		case 'z': opts->write.gzip = true; break;
		case 's':
			if (!parse_num(short_name(c), optarg, 0, UINT32_MAX, "snaplen", &v))
				return 2;
			opts->write.snaplen = (uint32_t)v;
			break;
		case 'C':
			if (!parse_num(short_name(c), optarg, 1, MAX_MB, "file size",
				       &opts->write.rotate_mb))
				return 2;
			break;
		case 'G':
			if (!parse_num(short_name(c), optarg, 1, MAX_SECONDS, "duration",
				       &opts->write.rotate_s))
				return 2;
			break;
		case 'W':
			if (!parse_num(short_name(c), optarg, 1, UINT32_MAX, "file limit", &v))
				return 2;
			opts->write.max_files = (uint32_t)v;
			break;
		case 'M':
			if (!parse_num(short_name(c), optarg, 1, MAX_SECONDS, "duration", &opts->write.max_s))
				return 2;
			break;
		case 'l': exit(scry_list_fields(stdout));
		case 'L': exit(scry_list_events(stdout));
		case 'h': usage(stdout); exit(0);
		case 'k': opts->engine = "kmod"; break;
		case OPT_ENGINE: opts->engine = optarg; break;
		case OPT_NO_PROCINFO: opts->write.no_procinfo = true; break;
		case OPT_METRICS:
			opts->metrics = true;
			opts->metrics_ns = 1000000000ull;
			if (optarg && !scry_metrics_interval_parse(optarg, &opts->metrics_ns))
				return 2;
			break;
		case OPT_VERSION: printf("scry version %s\n", SCRY_VERSION); exit(0);
		case OPT_DRIVER: exit(scry_driver(optarg, argc - optind, argv + optind));
		case OPT_RULES: case OPT_VALIDATE: case OPT_MIN_PRIORITY: case OPT_ENABLE_TAG:
		case OPT_DISABLE_TAG: case OPT_DISABLE_RULE: case OPT_RULE_MATCHING:
		case OPT_ALL_EVENTS: case OPT_ISO8601: case OPT_CAPTURE_DIR:
		case OPT_CAPTURE_BEFORE: case OPT_CAPTURE_AFTER: case OPT_CAPTURE_MEM:
			if (!rules_option(c, optarg))
				return 2;
			break;
		case OPT_SPOOL_DIR: opts->write.spool_dir = optarg; break;
		case OPT_SPOOL_SIZE:
			if (!parse_num("--spool-size", optarg, 1, MAX_MB, "size in MB", &v))
				return 2;
			opts->write.spool_bytes = v * 1000000u;
			break;
		case OPT_CHUNK_EVENTS:
			if (!parse_num("--chunk-events", optarg, 1, UINT32_MAX, "number of events",
				       &opts->write.chunk_events))
				return 2;
			break;
		case OPT_FETCH:
			/* the kinds of JSON messages a publisher sends (scap_stream.h) */
			if (strcmp(optarg, "alerts") && strcmp(optarg, "metrics")) {
				fprintf(stderr, "scry: --fetch %s: alerts or metrics (the capture "
					"itself is read by -r URL without --fetch)\n", optarg);
				return 2;
			}
			opts->fetch = optarg;
			break;
		case OPT_MAX_MESSAGE:
			if (!parse_num("--max-message", optarg, 1, 64, "size in MiB", &v))
				return 2;
			opts->write.max_message_bytes = v << 20;
			break;
		case OPT_PUBLISH_WAIT:
			if (!parse_num("--publish-wait", optarg, 1, MAX_SECONDS, "duration",
				       &opts->write.publish_wait_s))
				return 2;
			break;
		default:
			/* sysdig's -c CHISEL, -cl: what scry has in their place */
			if (c == '?' && optopt == 'c')
				fprintf(stderr, "scry: sysdig's chisels (-c, -cl) are not in scry: "
					"'scry top' shows csysdig's views, 'scry -r FILE --metrics' "
					"per-container figures\n");
			fprintf(stderr, "Try 'scry --help' for more information.\n");
			return 2;
		}
	}
	/* Falco's -V takes one path each: a second path would pass unchecked */
	if (opts->validate && optind < argc) {
		fprintf(stderr, "scry: --validate: '%s' is not a path given to --validate (one path "
			"each: --validate A --validate B)\n", argv[optind]);
		return 2;
	}
	if (optind < argc) {
		opts->filter = join_args(argc - optind, argv + optind);
		if (!opts->filter)
			return 1;
	}
	/* Falco's refusal, word for word (its regression tests look for it) */
	if (opts->rules.nenable_tags && (opts->rules.ndisable_tags || opts->rules.ndisable_rules)) {
		fprintf(stderr, "Runtime error: You can not specify both disabled (-D/-T) and enabled (-t) "
			"rules. Exiting.\n");
		return 1;
	}
	/* the publisher's options, taken silently without a bus to publish to before */
	{
		bool bus = opts->write.path && scry_publish_is(opts->write.path);
		const char *opt = opts->write.spool_dir ? "--spool-dir" :
				opts->write.spool_bytes ? "--spool-size" :
				opts->write.chunk_events ? "--chunk-events" :
				opts->write.publish_wait_s ? "--publish-wait" :
				opts->write.max_message_bytes ? "--max-message" : NULL;

		if (opt && !bus) {
			fprintf(stderr, "scry: %s applies to -w URL (publishing to a bus)\n", opt);
			return 2;
		}
		if (bus && (opts->write.rotate_mb || opts->write.rotate_s || opts->write.max_files)) {
			fprintf(stderr, "scry: -C, -G and -W rotate files: -w URL publishes chunks "
				"(--chunk-events, --max-message)\n");
			return 2;
		}
		if (bus && opts->rules.npaths && !opts->validate && !opts->read_path) {
			fprintf(stderr, "scry: --rules -w URL publishes the alerts of a capture "
				"(-r FILE); live, scryd's bus: section publishes them\n");
			return 2;
		}
	}
	/* -w to a bus with --rules on a capture: the alerts go to the bus too */
	if (opts->rules.npaths && !opts->validate &&
	    ((opts->write.path && !(scry_publish_is(opts->write.path) && opts->read_path)) ||
	     opts->summary)) {
		fprintf(stderr, "scry: --rules prints alerts: -w and -S do not apply\n");
		return 2;
	}
	/* with --rules, -p is Falco's: added to every rule's output (rules_cli.h) */
	if (opts->rules.npaths) {
		opts->rules.print_extra = opts->print_arg;
		opts->format = NULL;
	} else if (opts->print_default) {
		printf("%s\n", SINSP_DEFAULT_FORMAT);
		exit(0);
	}
	if (opts->rules.capture.dir && (!opts->rules.npaths || opts->validate)) {
		fprintf(stderr, "scry: --capture-dir applies to --rules\n");
		return 2;
	}
	if (opts->metrics && (!opts->read_path || opts->write.path || opts->format ||
			     opts->rules.npaths || opts->summary)) {
		fprintf(stderr, "scry: --metrics reads a capture file (-r FILE; live, scryd computes "
			"the metrics); -w, -p, -S and --rules do not apply\n");
		return 2;
	}
	if (opts->write.max_files && !opts->write.rotate_mb && !opts->write.rotate_s) {
		fprintf(stderr, "scry: -W needs -C or -G\n");
		return 2;
	}
	if (!opts->write.path && (opts->write.gzip || (opts->write.snaplen && opts->read_path) ||
				 opts->write.rotate_mb || opts->write.rotate_s)) {
		fprintf(stderr, "scry: -z, -s, -C and -G apply to -w\n");
		return 2;
	}
	return 0;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * kmod_capture.c - capture with libscap's kmod engine (or, with -e bpf, the eBPF probe)
 * while a command runs, and print every event as one text line (for the VM tests and
 * test/driver/bpf_test.sh, which assert on them).
 *
 *   kmod_capture [-e kmod|bpf] [-s SNAPLEN] [-o OUT] [-x] [-t TPMASK] [-S CODE] [-q]
 *                -- COMMAND [ARGS...]
 *
 * -x: exit-only mode (scap_set_mode()); -t: optional tracepoints
 * (scap_set_tracepoints() bits); both reset to 0 without the option (kmod: they are
 * global to the driver).
 * -t is kmod only. -e bpf: the bpf engine of the library scap_bpf (its ring size from
 * SCRY_BPF_RING_BYTES, mapped to opts.ring_bytes). Both engines leave this program's
 * own events out (the default of scap_open()).
 * -S CODE: capture only the syscall of scap code CODE (plus the non-syscall events).
 * -q: count the events instead of printing them (stress runs); every event is still
 * decoded and a record that does not decode is counted as corrupt.
 *
 * Opens the engine, starts capturing, runs COMMAND (fork + execve), waits for it, then
 * stops the capture and drains what the rings hold, and prints the driver counters.
 *
 * Output lines:
 *   # cmd pid=<pid of COMMAND>
 *   evt ts=<ns> cpu=<n> tid=<tid> type=<n> name=<name> dir=<>|<> np=<n> <p>=<v> ...
 *       (parameters past the schema's, appended in exit-only mode, are named
 *       x_<name of the enter event's parameter>)
 *   # stats evts=<n> drop_full=<n> drop_pf=<n> drop_big=<n> drop_nest=<n> seen=<n>
 *           cpus=<n> corrupt=<n>
 * Parameter values: signed decimal for FD, ERRNO, PID and signed integers; unsigned
 * decimal for unsigned integers, flags, modes, uid/gid; strings as "text" with
 * non-printable bytes as \xNN; every other type as len:hex.
 * Exit status: 0, 1 on a capture error, 2 on a usage error.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <scry/scap.h>
#ifdef SCRY_HAVE_SCAP_BPF
#include <scry/scap_bpf.h>
#endif
#include <scry/scap_bytes.h>
#include <scry/scap_live.h>

static uint64_t corrupt;

static void print_str(FILE *f, const uint8_t *p, uint32_t len)
{
	fputc('"', f);
	for (uint32_t i = 0; i < len; i++) {
		if (p[i] == 0 && i + 1 == len)
			break;
		if (p[i] >= 32 && p[i] < 127 && p[i] != '"' && p[i] != '\\')
			fputc(p[i], f);
		else
			fprintf(f, "\\x%02x", p[i]);
	}
	fputc('"', f);
}

static void print_hex(FILE *f, const uint8_t *p, uint32_t len)
{
	fprintf(f, "%u:", len);
	for (uint32_t i = 0; i < len; i++)
		fprintf(f, "%02x", p[i]);
}

static void print_param(FILE *f, const struct scap_param_info *pi, const struct scap_param *v)
{
	uint64_t u = 0;
	int64_t s;

	switch (pi->type) {
	case SCAP_PT_CHARBUF:
	case SCAP_PT_FSPATH:
	case SCAP_PT_FSRELPATH:
		print_str(f, v->val, v->len);
		return;
	default:
		break;
	}
	if (v->len == 1 || v->len == 2 || v->len == 4 || v->len == 8) {
		switch (pi->type) {
		case SCAP_PT_INT8: case SCAP_PT_INT16: case SCAP_PT_INT32: case SCAP_PT_INT64:
		case SCAP_PT_FD: case SCAP_PT_PID: case SCAP_PT_ERRNO:
			memcpy(&u, v->val, v->len);
			s = v->len == 8 ? (int64_t)u : v->len == 4 ? (int32_t)u :
			    v->len == 2 ? (int16_t)u : (int8_t)u;
			fprintf(f, "%lld", (long long)s);
			return;
		case SCAP_PT_UINT8: case SCAP_PT_UINT16: case SCAP_PT_UINT32: case SCAP_PT_UINT64:
		case SCAP_PT_FLAGS8: case SCAP_PT_FLAGS16: case SCAP_PT_FLAGS32:
		case SCAP_PT_ENUMFLAGS8: case SCAP_PT_ENUMFLAGS16: case SCAP_PT_ENUMFLAGS32:
		case SCAP_PT_MODE: case SCAP_PT_UID: case SCAP_PT_GID: case SCAP_PT_SYSCALLID:
		case SCAP_PT_SIGTYPE: case SCAP_PT_PORT: case SCAP_PT_BOOL:
		case SCAP_PT_RELTIME: case SCAP_PT_ABSTIME:
			memcpy(&u, v->val, v->len);
			fprintf(f, "%llu", (unsigned long long)u);
			return;
		default:
			break;
		}
	}
	print_hex(f, v->val, v->len);
}

static void print_evt(FILE *f, const struct scap_evt_ref *e)
{
	const struct scap_evt_info *info = scap_evt_info(e->type);
	const struct scap_evt_info *enter = scap_evt_info(e->type & ~1u);
	struct scap_param params[SCAP_MAX_EVENT_PARAMS];
	int n = scap_evt_params(e, params, SCAP_MAX_EVENT_PARAMS);

	if (n < 0 || !info)
		corrupt++;
	if (!f)
		return;

	fprintf(f, "evt ts=%llu cpu=%u tid=%llu type=%u name=%s dir=%c np=%u",
		(unsigned long long)e->ts_ns, e->cpu, (unsigned long long)e->tid, e->type,
		info ? info->name : "?", scap_evt_is_enter(e->type) ? '>' : '<', e->nparams);
	for (int i = 0; i < n && info && (uint32_t)i < info->nparams; i++) {
		fprintf(f, " %s=", info->params[i].name);
		print_param(f, &info->params[i], &params[i]);
	}
	/* Exit-only mode: the enter event's parameters follow the schema's. */
	for (int i = info ? (int)info->nparams : n, j = 0; i < n && enter &&
	     (uint32_t)j < enter->nparams && !scap_evt_is_enter(e->type); i++, j++) {
		fprintf(f, " x_%s=", enter->params[j].name);
		print_param(f, &enter->params[j], &params[i]);
	}
	if (n < 0)
		fprintf(f, " CORRUPT");
	fputc('\n', f);
}

int main(int argc, char **argv)
{
	const char *out_path = NULL;
	unsigned long tpmask = 0, only = 0;
	int exit_only = 0, quiet = 0, bpf = 0;
	char errbuf[SCAP_ERRBUF_SIZE];
	unsigned long snaplen = 0;
	struct scap_evt_ref evt;
	FILE *out = stdout;
	uint64_t seen = 0;
	int opt, rc, status;
	pid_t child;
	scap_t *h;

	while ((opt = getopt(argc, argv, "e:s:o:xt:qS:")) != -1) {
		switch (opt) {
		case 'e':
			bpf = !strcmp(optarg, "bpf");
			break;
		case 'S':
			only = strtoul(optarg, NULL, 0);
			break;
		case 'x':
			exit_only = 1;
			break;
		case 't':
			tpmask = strtoul(optarg, NULL, 0);
			break;
		case 'q':
			quiet = 1;
			break;
		case 's':
			snaplen = strtoul(optarg, NULL, 10);
			break;
		case 'o':
			out_path = optarg;
			break;
		default:
			fprintf(stderr, "usage: kmod_capture [-s SNAPLEN] [-o OUT] -- COMMAND...\n");
			return 2;
		}
	}
	if (optind >= argc) {
		fprintf(stderr, "usage: kmod_capture [-s SNAPLEN] [-o OUT] -- COMMAND...\n");
		return 2;
	}
	if (out_path && !(out = fopen(out_path, "w"))) {
		perror(out_path);
		return 1;
	}

	SCAP_OPTS(scap_open_opts, o, .engine = "kmod");
	if (bpf) {
		const char *rb = getenv("SCRY_BPF_RING_BYTES");

		o.engine = "bpf";      /* without scap_bpf: libscap's -ENOTSUP message */
#ifdef SCRY_HAVE_SCAP_BPF
		o.engine_impl = scap_bpf_engine();
#endif
		o.ring_bytes = rb ? strtoull(rb, NULL, 0) : 0;
	}
	rc = scap_open(&o, &h, errbuf);
	if (rc < 0) {
		fprintf(stderr, "kmod_capture: %s\n", errbuf);
		return 1;
	}
	/* kmod: global to the driver: set (or reset to 0) before the start. */
	if (scap_set_mode(h, exit_only ? SCAP_MODE_EXIT_ONLY : 0) < 0 ||
	    ((!bpf || tpmask) && scap_set_tracepoints(h, (uint32_t)tpmask) < 0))
		goto err;
	if (snaplen && scap_set_snaplen(h, (uint32_t)snaplen) < 0)
		goto err;
	if (only && only < 1024) {
		uint64_t bits[16] = { 0 };

		bits[only / 64] = 1ULL << (only % 64);
		if (scap_set_syscalls(h, bits, 16) < 0)
			goto err;
	} else {
		uint64_t bits[16];

		memset(bits, 0xff, sizeof(bits));
		if (scap_set_syscalls(h, bits, 16) < 0)
			goto err;
	}
	if (scap_start(h) < 0)
		goto err;

	child = fork();
	if (child == 0) {
		execvp(argv[optind], argv + optind);
		_exit(127);
	}
	fprintf(out, "# cmd pid=%d\n", (int)child);
	evt.sz = sizeof(evt);
	/*
	 * Drain while the command runs. Once it has exited, stop the capture (our own
	 * syscalls would otherwise feed the rings forever) and drain what is left.
	 */
	for (;;) {
		rc = scap_next(h, &evt);
		if (rc == 0) {
			print_evt(quiet ? NULL : out, &evt);
			/* Our own syscalls keep the rings busy: poll the child now and then
			 * rather than only when they are empty. */
			if (++seen % 64 || child == 0)
				continue;
		} else if (rc != SCAP_TIMEOUT) {
			goto err;
		} else if (child == 0) {
			break;                /* stopped, and the rings are empty */
		}
		if (waitpid(child, &status, WNOHANG) == child) {
			fprintf(out, "# cmd status=%d\n", status);
			child = 0;
			if (scap_stop(h) < 0)
				goto err;
		}
	}
	{
		SCAP_OPTS(scap_stats, st);

		if (scap_get_stats(h, &st) < 0)
			goto err;
		fprintf(out,
			"# stats evts=%llu drop_full=%llu drop_pf=%llu drop_big=%llu drop_nest=%llu "
			"seen=%llu cpus=%u corrupt=%llu\n",
			(unsigned long long)st.n_evts, (unsigned long long)st.n_drop_full,
			(unsigned long long)st.n_drop_pf, (unsigned long long)st.n_drop_big,
			(unsigned long long)st.n_drop_nest, (unsigned long long)seen, st.ncpus,
			(unsigned long long)corrupt);
	}
	scap_close(h);
	if (out != stdout)
		fclose(out);
	return 0;
err:
	fprintf(stderr, "kmod_capture: %s\n", scap_last_error(h));
	scap_close(h);
	return 1;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * exit_only_compare.c - one run of a command captured at the same time by two eBPF
 * probes (two bpf handles of this process): one full, one in exit-only mode
 * (SCAP_MODE_EXIT_ONLY, read through libscap's expansion into enter + exit). For every
 * thread of the command (its process and the threads and processes it starts, found
 * from the full capture's clone exits), the two streams must be the same events in the
 * same order, parameter by parameter; timestamps are not compared, and in the
 * exit-only stream each syscall's enter must have its exit's timestamp, tid and cpu
 * and come right before it.
 *
 *   exit_only_compare [-o REPORT] -- COMMAND [ARGS...]
 *
 * Parameters that legitimately differ (read at exit time instead of at entry) are
 * listed in `differs` below with the reason; a difference anywhere else fails.
 * Exit status: 0 equal, 1 a difference or a capture error (each printed), 2 usage,
 * 77 skipped (not root, no probe).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <scry/scap.h>
#include <scry/scap_bpf.h>
#include <scry/scap_live.h>

struct rec {
	uint64_t ts, tid;
	uint16_t type, cpu;
	uint32_t nparams, len;
	uint8_t *raw;
};

struct list {
	struct rec *v;
	size_t n, cap;
};

static int fails;

#define FAIL(...) do { fprintf(stderr, "exit_only_compare: " __VA_ARGS__); \
		       fputc('\n', stderr); fails++; } while (0)

static void add(struct list *l, const struct scap_evt_ref *e)
{
	struct rec *r;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 4096;
		l->v = realloc(l->v, l->cap * sizeof(*l->v));
		if (!l->v)
			abort();
	}
	r = &l->v[l->n++];
	r->ts = e->ts_ns;
	r->tid = e->tid;
	r->type = e->type;
	r->cpu = e->cpu;
	r->nparams = e->nparams;
	r->len = e->len;
	r->raw = malloc(e->len);
	if (!r->raw)
		abort();
	memcpy(r->raw, e->raw, e->len);
}

static scap_t *open_bpf(uint32_t mode)
{
	char errbuf[SCAP_ERRBUF_SIZE];
	uint64_t bits[SCAP_SYSCALL_SET_WORDS];
	scap_t *h;

	SCAP_OPTS(scap_open_opts, o, .engine = "bpf", .engine_impl = scap_bpf_engine());
	if (scap_open(&o, &h, errbuf) < 0) {
		fprintf(stderr, "exit_only_compare: %s\n", errbuf);
		return NULL;
	}
	memset(bits, 0xff, sizeof(bits));
	if (scap_set_syscalls(h, bits, SCAP_SYSCALL_SET_WORDS) < 0 || scap_set_mode(h, mode) < 0) {
		fprintf(stderr, "exit_only_compare: %s\n", scap_last_error(h));
		scap_close(h);
		return NULL;
	}
	return h;
}

/* Read what @h has now (at most 4096 events); 1 when it had none. */
static int drain(scap_t *h, struct list *l)
{
	struct scap_evt_ref e = { .sz = sizeof(e) };
	int rc;

	for (int i = 0; i < 4096; i++) {
		rc = scap_next(h, &e);
		if (rc == SCAP_TIMEOUT)
			return 1;
		if (rc != 0) {
			FAIL("scap_next: %d %s", rc, scap_last_error(h));
			return -1;
		}
		add(l, &e);
	}
	return 0;
}

static bool tracked(const uint64_t *tids, size_t n, uint64_t tid)
{
	for (size_t i = 0; i < n; i++)
		if (tids[i] == tid)
			return true;
	return false;
}

/* The command's threads: its pid, then every tid a tracked thread's clone-family exit
 * returned (to a fixpoint: a child may appear before its parent's exit). */
static size_t threads(const struct list *l, uint64_t pid, uint64_t *tids, size_t max)
{
	size_t n = 1, before;

	tids[0] = pid;
	do {
		before = n;
		for (size_t i = 0; i < l->n && n < max; i++) {
			const struct rec *r = &l->v[i];
			const struct scap_evt_info *info = scap_evt_info(r->type);
			struct scap_evt_ref e = { .sz = sizeof(e), .raw = r->raw, .len = r->len,
						  .type = r->type, .nparams = r->nparams };
			struct scap_param p[1];
			int64_t res = 0;

			if (!info || scap_evt_is_enter(r->type) || !tracked(tids, n, r->tid) ||
			    (strcmp(info->name, "clone") && strcmp(info->name, "fork") &&
			     strcmp(info->name, "vfork") && strcmp(info->name, "clone3")))
				continue;
			if (scap_evt_params(&e, p, 1) < 1 || p[0].len != 8)
				continue;
			memcpy(&res, p[0].val, 8);
			if (res > 0 && !tracked(tids, n, (uint64_t)res))
				tids[n++] = (uint64_t)res;
		}
	} while (n != before);
	return n;
}

/*
 * The enter parameters an exit-only capture reads when the syscall returns, which can
 * differ from what the enter read (docs/scryd-capture.md lists them): an entry here is
 * a departure, with its reason.
 */
static const struct {
	const char *evt, *param, *why;
} differs[] = {
	/* a datagram socket is bound (its port chosen) by its first send */
	{ "sendto", "tuple", "the socket's local address after the call" },
	{ "sendmsg", "tuple", "the socket's local address after the call" },
	/* by name from the exit: the offsets the call moved */
	{ "sendfile", "offset", "the offset after the call" },
	{ "copy_file_range", "offin", "the offset after the call" },
	/* the caller's memory is gone once execve succeeded */
	{ "execve", "filename", "the program's path as the kernel resolved it" },
	{ "execveat", "pathname", "the program's path as the kernel resolved it" },
};

static bool differs_ok(const char *evt, const char *param)
{
	for (size_t i = 0; i < sizeof(differs) / sizeof(differs[0]); i++)
		if (!strcmp(evt, differs[i].evt) && !strcmp(param, differs[i].param))
			return true;
	return false;
}

/* The next event of @tid in @l from index @i on (or l->n). */
static size_t next_of(const struct list *l, size_t i, uint64_t tid)
{
	while (i < l->n && l->v[i].tid != tid)
		i++;
	return i;
}

static void compare_one(const struct rec *a, const struct rec *b, size_t k)
{
	const struct scap_evt_info *info = scap_evt_info(a->type);
	struct scap_param pa[SCAP_MAX_EVENT_PARAMS], pb[SCAP_MAX_EVENT_PARAMS];
	struct scap_evt_ref ea = { .sz = sizeof(ea), .raw = a->raw, .len = a->len,
				   .type = a->type, .nparams = a->nparams };
	struct scap_evt_ref eb = { .sz = sizeof(eb), .raw = b->raw, .len = b->len,
				   .type = b->type, .nparams = b->nparams };
	int na, nb;

	if (a->type != b->type || a->nparams != b->nparams) {
		FAIL("tid %llu event %zu: full %s(%u) %u params, exit-only %s(%u) %u params",
		     (unsigned long long)a->tid, k, info ? info->name : "?", a->type, a->nparams,
		     scap_evt_info(b->type) ? scap_evt_info(b->type)->name : "?", b->type,
		     b->nparams);
		return;
	}
	na = scap_evt_params(&ea, pa, SCAP_MAX_EVENT_PARAMS);
	nb = scap_evt_params(&eb, pb, SCAP_MAX_EVENT_PARAMS);
	if (na < 0 || nb < 0 || na != nb) {
		FAIL("tid %llu event %zu (%s): does not decode (%d, %d)",
		     (unsigned long long)a->tid, k, info ? info->name : "?", na, nb);
		return;
	}
	for (int i = 0; i < na; i++) {
		const char *pn = info && (uint32_t)i < info->nparams ? info->params[i].name : "?";

		if (pa[i].len == pb[i].len && !memcmp(pa[i].val, pb[i].val, pa[i].len))
			continue;
		if (differs_ok(info ? info->name : "?", pn))
			continue;
		FAIL("tid %llu event %zu: %s %c param %s differs (%u bytes full, %u exit-only)",
		     (unsigned long long)a->tid, k, info ? info->name : "?",
		     scap_evt_is_enter(a->type) ? '>' : '<', pn, pa[i].len, pb[i].len);
	}
}

static void compare(const struct list *full, const struct list *xo, uint64_t pid, FILE *rep)
{
	static uint64_t tids[4096];
	size_t nt = threads(full, pid, tids, 4096), total = 0, enters = 0, noreturn = 0,
	       execveat = 0;

	for (size_t t = 0; t < nt; t++) {
		size_t ia = 0, ib = 0, k = 0;
		const struct rec *a = NULL, *b = NULL;

		for (;; k++) {
			while (ia < full->n && full->v[ia].tid != tids[t])
				ia++;
			while (ib < xo->n && xo->v[ib].tid != tids[t])
				ib++;
			a = ia < full->n ? &full->v[ia] : NULL;
			b = ib < xo->n ? &xo->v[ib] : NULL;
			if (!a || !b)
				break;
			if (scap_evt_is_enter(a->type) && a->type != SCAP_EVT_PROCEXIT_1_E &&
			    a->type != b->type) {
				/* a syscall that never returned (exit, exit_group: the thread's
				 * last before its procexit) has no exit, so no exit-only enter */
				size_t n = next_of(full, ia + 1, tids[t]);

				if (n == full->n || full->v[n].type == SCAP_EVT_PROCEXIT_1_E) {
					noreturn++;
					ia++;
					k--;
					continue;
				}
			}
			if (a->type == SCAP_EVT_SYSCALL_EXECVEAT_E &&
			    b->type == SCAP_EVT_SYSCALL_EXECVE_19_E) {
				/* a successful execveat returns execve's exit, with execve's
				 * enter parameter appended: it reads as execve (a departure) */
				execveat++;
			} else {
				compare_one(a, b, k);
			}
			if (scap_evt_is_enter(b->type) && b->type != SCAP_EVT_PROCEXIT_1_E) {
				/* a rebuilt enter: its exit next, same ts, tid, cpu */
				const struct rec *x = ib + 1 < xo->n ? &xo->v[ib + 1] : NULL;
				uint16_t xt = b->type + 1;

				enters++;
				if (!x || x->type != xt || x->ts != b->ts || x->tid != b->tid ||
				    x->cpu != b->cpu)
					FAIL("tid %llu event %zu: the exit-only enter of type %u is not "
					     "followed by its exit with its ts, tid and cpu",
					     (unsigned long long)b->tid, k, b->type);
			}
			ia++;
			ib++;
		}
		if (a || b)
			FAIL("tid %llu: %s has more events (from event %zu: type %u)",
			     (unsigned long long)tids[t], a ? "the full capture" : "the exit-only one",
			     k, a ? a->type : b->type);
		total += k;
	}
	fprintf(rep, "# threads=%zu events=%zu enters=%zu noreturn=%zu execveat=%zu "
		"full_all=%zu exit_only_all=%zu differences=%d\n", nt, total, enters, noreturn,
		execveat, full->n, xo->n, fails);
	if (nt < 2 || total < 100 || enters < 50)
		FAIL("too little compared: %zu threads, %zu events, %zu enters", nt, total, enters);
}

int main(int argc, char **argv)
{
	struct list full = { 0 }, xo = { 0 };
	const char *rep_path = NULL;
	FILE *rep = stdout;
	scap_t *hf, *hx;
	int opt, status, a, b;
	pid_t child, pid;

	while ((opt = getopt(argc, argv, "o:")) != -1) {
		if (opt != 'o') {
			fprintf(stderr, "usage: exit_only_compare [-o REPORT] -- COMMAND...\n");
			return 2;
		}
		rep_path = optarg;
	}
	if (optind >= argc) {
		fprintf(stderr, "usage: exit_only_compare [-o REPORT] -- COMMAND...\n");
		return 2;
	}
	if (geteuid() != 0) {
		fprintf(stderr, "exit_only_compare: skipped: not root\n");
		return 77;
	}
	if (rep_path && !(rep = fopen(rep_path, "w"))) {
		perror(rep_path);
		return 1;
	}
	hf = open_bpf(0);
	hx = hf ? open_bpf(SCAP_MODE_EXIT_ONLY) : NULL;
	if (!hf || !hx)
		return 1;
	if (scap_start(hf) < 0 || scap_start(hx) < 0) {
		fprintf(stderr, "exit_only_compare: start failed\n");
		return 1;
	}
	child = fork();
	if (child == 0) {
		execvp(argv[optind], argv + optind);
		_exit(127);
	}
	pid = child;
	fprintf(rep, "# cmd pid=%d\n", (int)pid);
	/* drain both while the command runs; once reaped, stop both, drain the rest */
	for (;;) {
		a = drain(hf, &full);
		b = drain(hx, &xo);
		if (a < 0 || b < 0)
			return 1;
		if (child && waitpid(child, &status, WNOHANG) == child) {
			fprintf(rep, "# cmd status=%d\n", status);
			child = 0;
			scap_stop(hf);
			scap_stop(hx);
			continue;
		}
		if (!child && a == 1 && b == 1)
			break;
	}
	{
		SCAP_OPTS(scap_stats, sf);
		SCAP_OPTS(scap_stats, sx);

		if (scap_get_stats(hf, &sf) < 0 || scap_get_stats(hx, &sx) < 0)
			FAIL("scap_get_stats failed");
		if (sf.n_drop_full || sx.n_drop_full || sf.n_drop_big != sx.n_drop_big)
			FAIL("drops: full %llu full, %llu big; exit-only %llu full, %llu big",
			     (unsigned long long)sf.n_drop_full, (unsigned long long)sf.n_drop_big,
			     (unsigned long long)sx.n_drop_full, (unsigned long long)sx.n_drop_big);
	}
	compare(&full, &xo, (uint64_t)pid, rep);
	scap_close(hf);
	scap_close(hx);
	return fails ? 1 : 0;
}

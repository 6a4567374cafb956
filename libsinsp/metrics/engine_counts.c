/* SPDX-License-Identifier: Apache-2.0 */
/*
 * metrics/engine_counts.c - the metrics of the syscalls a live capture leaves out of its
 * syscall set, from the engine's per-process counters (scap_counts_foreach(),
 * scry/scap_live.h), and the syscalls whose events the metrics still need
 * (sinsp_metrics_syscalls()).
 *
 * At each interval close every process's counts are read; what grew since the last
 * read goes to the open interval of the process (and its container, and the host), as
 * the events would have counted (the engine counts by scap_syscall_count_class(), the
 * classes sinsp_metrics_add() counts events by). A process the inspector no longer
 * has, or whose exit it has seen, is read one last time and deleted from the engine's
 * table. Counts read at the close belong to the interval being closed: a syscall made
 * just before a close whose events are not read yet may land one interval apart from
 * where its event would have; totals are the same.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <scry/scap_live.h>
#include <scry/scap_syscalls.h>

#include "metrics/metrics_int.h"
#include "parse/parse.h"
#include "state/inspector.h"
#include "state/threads.h"

/* The engine's counts of one process as read last, in enum sinsp_metric order. */
struct mkcount {
	uint64_t last[6];
};

/* The figures the engine counts, in struct scap_proc_counts's order. */
static const enum sinsp_metric kfigures[6] = {
	SINSP_METRIC_SYSCALLS, SINSP_METRIC_SYSCALL_ERRORS, SINSP_METRIC_FILE_READ_BYTES,
	SINSP_METRIC_FILE_WRITE_BYTES, SINSP_METRIC_NET_IN_BYTES, SINSP_METRIC_NET_OUT_BYTES,
};

struct fold_ctx {
	struct sinsp_metrics *m;
	uint32_t *gone;               /* processes to delete after the iteration */
	size_t ngone, cap;
};

static int fold_one(void *ctx, const struct scap_proc_counts *c)
{
	struct fold_ctx *x = ctx;
	struct sinsp_metrics *m = x->m;
	const uint64_t now[6] = { c->calls, c->failures, c->file_read_bytes, c->file_write_bytes,
				  c->net_in_bytes, c->net_out_bytes };
	struct mkcount *k = hashmap_get(&m->kcounts, c->tgid);
	struct sinsp_thread *t = sinsp_thread_find(m->s, (int64_t)c->tgid);
	/* the metrics' record of the process outlives its thread until the interval that
	 * saw its exit is reported: a process gone from the thread table since its exit
	 * still gets what it counted (else its container lost a short-lived process's
	 * bytes to the host alone) */
	struct mproc *p = hashmap_get(&m->procs, sinsp_thread_key(m->s->cur_src, (int64_t)c->tgid));

	if (!k) {
		k = calloc(1, sizeof(*k));
		if (!k || hashmap_put(&m->kcounts, c->tgid, k)) {
			free(k);
			return -ENOMEM;
		}
	}
	if (!p && t && t->tid == t->pid)
		p = sinsp_metrics_proc_get(m, t);
	for (int i = 0; i < 6; i++) {
		/* below the last read: deleted and made again since (a reused pid) */
		uint64_t d = now[i] >= k->last[i] ? now[i] - k->last[i] : now[i];

		if (d)
			sinsp_metrics_count(m->host.cur, NULL, p, kfigures[i], d);
		k->last[i] = now[i];
	}
	if (p && now[0]) {
		p->v.active = true;
		if (p->cont)
			p->cont->v.active = true;
	}
	if (!p || p->exited) {
		if (x->ngone == x->cap) {
			size_t cap = x->cap ? 2 * x->cap : 64;
			uint32_t *g = realloc(x->gone, cap * sizeof(*g));

			if (!g)
				return -ENOMEM;
			x->gone = g;
			x->cap = cap;
		}
		x->gone[x->ngone++] = c->tgid;
	}
	return 0;
}

void sinsp_metrics_engine_counts_fold(struct sinsp_metrics *m)
{
	struct fold_ctx x = { .m = m };
	scap_t *h = m->s->scap;

	if (scap_counts_foreach(h, fold_one, &x) < 0)
		m->kcount_errors++;
	for (size_t i = 0; i < x.ngone; i++) {
		free(hashmap_get(&m->kcounts, x.gone[i]));
		hashmap_del(&m->kcounts, x.gone[i]);
		scap_counts_delete(h, x.gone[i]);
	}
	free(x.gone);
}

void sinsp_metrics_engine_counts_free(struct sinsp_metrics *m)
{
	for (size_t i = 0; i < m->kcounts.cap; i++)
		free(m->kcounts.slots[i].val);
	hashmap_free(&m->kcounts);
}

SINSP_API int sinsp_metrics_use_engine_counts(struct sinsp_metrics *m, bool on)
{
	int rc;

	if (!m)
		return -EINVAL;
	rc = scap_set_counting(m->s->scap, on);
	if (rc < 0 && (on || rc != -ENOTSUP))
		return rc;
	m->engine_counts = on;
	return 0;
}

SINSP_API int sinsp_metrics_syscalls(const struct sinsp_metrics *m, uint64_t *set)
{
	if (!m || !set)
		return -EINVAL;
	if (!m->engine_counts) {
		/* every syscall's exit counts as a call */
		memset(set, 0xff, SCAP_SYSCALL_SET_WORDS * sizeof(*set));
		return 0;
	}
	for (uint32_t t = 0; t < SCAP_EVT_MAX; t++)
		if (m->tclass[t] & (MT_OPEN | MT_CONNECT | MT_ACCEPT | MT_CLONE))
			scap_syscall_set_add_event(set, (uint16_t)t);
	return 0;
}

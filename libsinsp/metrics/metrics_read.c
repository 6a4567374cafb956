/* SPDX-License-Identifier: Apache-2.0 */
/*
 * metrics/metrics_read.c - the views of the last closed interval
 * (<scry/sinsp_metrics.h>): host, containers, processes, top processes.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "metrics/metrics_int.h"
#include "state/containers.h"
#include "state/threads.h"

/* Copy the first @sz bytes of @full into @out (a caller built with an older header). */
static void copy_view(void *out, const void *full, size_t sz, size_t full_sz)
{
	memcpy(out, full, sz < full_sz ? sz : full_sz);
	*(size_t *)out = sz;
}

void sinsp_metrics_cont_view(struct sinsp_metrics *m, const struct mcont *mc,
			     struct sinsp_metrics_container *out)
{
	memset(out, 0, sizeof(*out));
	out->sz = sizeof(*out);
	if (!mc) {
		out->id = "host";
		out->name = "";
		out->image = "";
		out->type_name = "host";
		out->nprocesses = m->rep.nprocesses;
		out->first_seen_ns = m->host.first_seen_ns;
		out->v = m->host.rep;
		return;
	}
	out->id = mc->c->id;
	out->name = mc->c->name ? mc->c->name : "";
	out->image = mc->c->image ? mc->c->image : "";
	out->type_name = sinsp_container_type_name(mc->c->type);
	out->nprocesses = mc->rep_nprocs;
	out->first_seen_ns = mc->v.first_seen_ns;
	out->exited = mc->exited;
	out->v = mc->v.rep;
	out->source = sinsp_metrics_src_name(m, mc->src);
}

SINSP_API int sinsp_metrics_interval(struct sinsp_metrics *m, struct sinsp_metrics_interval_info *out)
{
	if (!m || !out || out->sz < sizeof(size_t))
		return -EINVAL;
	if (!m->have_rep)
		return -ENOENT;
	copy_view(out, &m->rep, out->sz, sizeof(m->rep));
	return 0;
}

SINSP_API int sinsp_metrics_host(struct sinsp_metrics *m, struct sinsp_metrics_container *out)
{
	struct sinsp_metrics_container v;

	if (!m || !out || out->sz < offsetof(struct sinsp_metrics_container, v))
		return -EINVAL;
	if (!m->have_rep)
		return -ENOENT;
	sinsp_metrics_cont_view(m, NULL, &v);
	copy_view(out, &v, out->sz, sizeof(v));
	return 0;
}

SINSP_API int sinsp_metrics_container_foreach(struct sinsp_metrics *m, sinsp_metrics_container_fn fn,
					      void *ctx)
{
	size_t i;
	int rc;

	if (!m || !fn)
		return -EINVAL;
	for (i = 0; m->have_rep && i < m->conts.cap; i++) {
		const struct mcont *mc = m->conts.slots[i].val;
		struct sinsp_metrics_container v;

		if (!mc || !mc->rep_valid)
			continue;
		sinsp_metrics_cont_view(m, mc, &v);
		rc = fn(&v, ctx);
		if (rc)
			return rc;
	}
	return 0;
}

static const struct mcont *cont_by_id(struct sinsp_metrics *m, const char *id)
{
	const struct sinsp_container *c = sinsp_container_find(m->s, id);

	return c ? hashmap_get(&m->conts, (uint64_t)(uintptr_t)c) : NULL;
}

SINSP_API int sinsp_metrics_container_get(struct sinsp_metrics *m, const char *id,
					  struct sinsp_metrics_container *out)
{
	const struct mcont *mc;
	struct sinsp_metrics_container v;

	if (!m || !id || !out || out->sz < offsetof(struct sinsp_metrics_container, v))
		return -EINVAL;
	mc = m->have_rep ? cont_by_id(m, id) : NULL;
	if (!mc || !mc->rep_valid)
		return -ENOENT;
	sinsp_metrics_cont_view(m, mc, &v);
	copy_view(out, &v, out->sz, sizeof(v));
	return 0;
}

static void proc_view(struct sinsp_metrics *m, const struct mproc *p, struct sinsp_metrics_process *out)
{
	const struct sinsp_thread *t = sinsp_thread_find_src(m->s, p->src, p->pid);

	memset(out, 0, sizeof(*out));
	out->sz = sizeof(*out);
	out->pid = p->pid;
	out->ppid = -1;
	out->comm = "";
	out->exe = "";
	out->container_id = p->cont ? p->cont->c->id : "host";
	if (t) {
		const struct sinsp_thread *parent = sinsp_thread_find_src(m->s, t->src, t->ptid);

		out->ppid = parent ? parent->pid : t->ptid;
		out->comm = t->comm ? t->comm : "";
		out->exe = t->exepath && *t->exepath ? t->exepath : t->exe ? t->exe : "";
		out->nthreads = t->nthreads ? t->nthreads : 1;
	} else {
		/* exited: the names its exit left */
		out->comm = p->comm ? p->comm : "";
		out->exe = p->exe ? p->exe : "";
	}
	out->first_seen_ns = p->v.first_seen_ns;
	out->exited = p->rep_exited;
	out->v = p->v.rep;
	out->source = sinsp_metrics_src_name(m, p->src);
}

/* @p belongs to @cid (NULL: any; "host": none). */
static bool proc_in(const struct mproc *p, const char *cid)
{
	if (!cid)
		return true;
	if (!p->cont)
		return !strcmp(cid, "host");
	return !strcmp(cid, p->cont->c->id);
}

SINSP_API int sinsp_metrics_process_foreach(struct sinsp_metrics *m, const char *container_id,
					    sinsp_metrics_process_fn fn, void *ctx)
{
	size_t i;
	int rc;

	if (!m || !fn)
		return -EINVAL;
	for (i = 0; m->have_rep && i < m->procs.cap; i++) {
		const struct mproc *p = m->procs.slots[i].val;
		struct sinsp_metrics_process v;

		if (!p || !p->rep_valid || !proc_in(p, container_id))
			continue;
		proc_view(m, p, &v);
		rc = fn(&v, ctx);
		if (rc)
			return rc;
	}
	return 0;
}

int sinsp_metrics_process_view(struct sinsp_metrics *m, const struct mproc *p,
			       struct sinsp_metrics_process *out)
{
	struct sinsp_metrics_process v;

	if (!m->have_rep || !p || !p->rep_valid)
		return -ENOENT;
	proc_view(m, p, &v);
	copy_view(out, &v, out->sz, sizeof(v));
	return 0;
}

SINSP_API int sinsp_metrics_process_get(struct sinsp_metrics *m, int64_t pid,
					struct sinsp_metrics_process *out)
{
	return sinsp_metrics_process_find(m, NULL, pid, out);
}

SINSP_API int sinsp_metrics_top_processes(struct sinsp_metrics *m, const char *container_id,
					  enum sinsp_metric metric, size_t n, int64_t *out,
					  size_t *nout)
{
	size_t i, j, k = 0;

	if (!m || !out || !nout || (unsigned)metric >= NM)
		return -EINVAL;
	/* insertion into the n best so far: n is small (a top-N list) */
	uint64_t *best = n ? malloc(n * sizeof(*best)) : NULL;

	if (n && !best)
		return -ENOMEM;
	for (i = 0; m->have_rep && n && i < m->procs.cap; i++) {
		const struct mproc *p = m->procs.slots[i].val;
		uint64_t v;

		if (!p || !p->rep_valid || !proc_in(p, container_id))
			continue;
		v = p->v.rep.delta[metric];
		for (j = k; j > 0 && (best[j - 1] < v || (best[j - 1] == v && out[j - 1] > p->pid)); j--) {
			if (j < n) {
				best[j] = best[j - 1];
				out[j] = out[j - 1];
			}
		}
		if (j < n) {
			best[j] = v;
			out[j] = p->pid;
			if (k < n)
				k++;
		}
	}
	free(best);
	*nout = k;
	return 0;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * metrics/hosts.c - the hosts of a capture that merges several (hosts read back from a
 * bus): a host entity per source beside the sum (metrics_int.h, struct mhost), and the
 * views that name each entity's source (<scry/sinsp_metrics.h>).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "metrics/metrics_int.h"
#include "state/sources.h"
#include "state/threads.h"

struct mhost *sinsp_metrics_src_host(struct sinsp_metrics *m)
{
	uint32_t src = m->s->cur_src;

	if (!m->s->nsrcs)
		return NULL;
	if (src >= m->nhosts) {
		struct mhost *h = realloc(m->hosts, (src + 1) * sizeof(*h));

		if (!h)
			return NULL;
		memset(&h[m->nhosts], 0, (src + 1 - m->nhosts) * sizeof(*h));
		for (uint32_t i = m->nhosts; i <= src; i++)
			h[i].v.first_seen_ns = m->open_start;
		m->hosts = h;
		m->nhosts = src + 1;
	}
	return &m->hosts[src];
}

const char *sinsp_metrics_src_name(const struct sinsp_metrics *m, uint32_t src)
{
	return m->s->nsrcs && src < m->s->nsrcs ? m->s->srcs[src].name : NULL;
}

SINSP_API int sinsp_metrics_host_foreach(struct sinsp_metrics *m, sinsp_metrics_container_fn fn,
					 void *ctx)
{
	struct sinsp_metrics_container v;
	int rc;

	if (!m || !fn)
		return -EINVAL;
	if (!m->have_rep)
		return 0;
	if (!m->s->nsrcs) {
		sinsp_metrics_cont_view(m, NULL, &v);
		return fn(&v, ctx);
	}
	for (uint32_t i = 0; i < m->nhosts && i < m->s->nsrcs; i++) {
		sinsp_metrics_cont_view(m, NULL, &v);
		v.source = m->s->srcs[i].name;
		v.nprocesses = m->hosts[i].rep_nprocs;
		v.first_seen_ns = m->hosts[i].v.first_seen_ns;
		v.v = m->hosts[i].v.rep;
		rc = fn(&v, ctx);
		if (rc)
			return rc;
	}
	return 0;
}

SINSP_API int sinsp_metrics_process_find(struct sinsp_metrics *m, const char *source,
					 int64_t pid, struct sinsp_metrics_process *out)
{
	long src;

	if (!m || !out || out->sz < offsetof(struct sinsp_metrics_process, v))
		return -EINVAL;
	src = source ? sinsp_source_index(m->s, source) : 0;
	if (src < 0)
		return -ENOENT;
	return sinsp_metrics_process_view(m, hashmap_get(&m->procs, sinsp_thread_key(
						(uint32_t)src, pid)), out);
}

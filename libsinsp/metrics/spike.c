/* SPDX-License-Identifier: Apache-2.0 */
/*
 * metrics/spike.c - spike detection per container and figure (<scry/sinsp_metrics.h>):
 * an exponentially weighted mean and variance of the figure's rate, updated with the
 * incremental form (T. Finch, "Incremental calculation of weighted mean and variance",
 * 2009: diff = x - mean; mean += w * diff; var = (1 - w) * (var + w * diff^2)).
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "metrics/metrics_int.h"

static const char *const rules[NM] = {
	"Container CPU spike", "Container memory spike", "Container syscall spike",
	"Container syscall error spike", "Container file read spike",
	"Container file write spike", "Container network in spike",
	"Container network out spike", "Container connection spike",
	"Container process spike", "Container file open spike",
};

SINSP_API const char *sinsp_metrics_spike_rule(enum sinsp_metric metric)
{
	return (unsigned)metric < NM ? rules[metric] : NULL;
}

void sinsp_metrics_spike_reset(struct mspike *sp)
{
	memset(sp, 0, sizeof(*sp));
}

SINSP_API int sinsp_metrics_set_spike(struct sinsp_metrics *m, enum sinsp_metric metric,
				      const struct sinsp_metrics_spike_config *c)
{
	struct sinsp_metrics_spike_config d = { .sz = sizeof(d) };
	size_t i;

	if (!m || !c || (unsigned)metric >= NM || c->sz < offsetof(struct sinsp_metrics_spike_config, priority) +
	    sizeof(c->priority))
		return -EINVAL;
	memcpy(&d, c, c->sz < sizeof(d) ? c->sz : sizeof(d));
	d.sz = sizeof(d);
	if (d.k == 0)
		d.k = 3;
	if (d.n == 0)
		d.n = 2;
	if (d.warmup == 0)
		d.warmup = 10;
	if (d.alpha == 0)
		d.alpha = 0.1;
	if (!(d.alpha > 0 && d.alpha <= 1) || !(d.k >= 0) || !(d.min_rate >= 0) ||
	    (unsigned)d.priority >= SINSP_PRIO_COUNT)
		return -EINVAL;
	m->spike_cfg[metric] = d;
	if (!d.enabled)
		for (i = 0; i < m->conts.cap; i++) {
			struct mcont *mc = m->conts.slots[i].val;

			if (mc)
				sinsp_metrics_spike_reset(&mc->spike[metric]);
		}
	return 0;
}

static void learn(struct mspike *sp, double x, double alpha)
{
	double w, diff;

	sp->learnt++;
	w = 1.0 / sp->learnt;
	if (w < alpha)
		w = alpha;
	diff = x - sp->mean;
	sp->mean += w * diff;
	sp->var = (1 - w) * (sp->var + w * diff * diff);
}

static int push_spike(struct sinsp_metrics *m, struct mcont *mc, const struct sinsp_metrics_spike *sp)
{
	if (m->nspikes == m->spikes_cap) {
		size_t cap = m->spikes_cap ? 2 * m->spikes_cap : 8;
		struct sinsp_metrics_spike *a = realloc(m->spikes, cap * sizeof(*a));
		struct mcont **b;

		if (!a)
			return -ENOMEM;
		m->spikes = a;
		b = realloc(m->spike_conts, cap * sizeof(*b));
		if (!b)
			return -ENOMEM;
		m->spike_conts = b;
		m->spikes_cap = cap;
	}
	m->spike_conts[m->nspikes] = mc;
	m->spikes[m->nspikes++] = *sp;
	return 0;
}

/* Whether @mc's figure @k of the last interval is a measurement (not "not available"). */
static bool measured(const struct mcont *mc, int k)
{
	if (k == SINSP_METRIC_CPU_NS)
		return mc->v.rep.cpu_source != SINSP_METRICS_SRC_NONE && mc->rep_cpu_delta;
	if (k == SINSP_METRIC_MEMORY_BYTES)
		return mc->v.rep.mem_source != SINSP_METRICS_SRC_NONE;
	return true;
}

static void eval_one(struct sinsp_metrics *m, struct mcont *mc, int k, double interval_s)
{
	const struct sinsp_metrics_spike_config *c = &m->spike_cfg[k];
	struct mspike *sp = &mc->spike[k];
	double x, sd, thr;

	if (!measured(mc, k))
		return;
	x = (double)mc->v.rep.delta[k];
	if (!sinsp_metric_is_gauge(k))
		x /= interval_s;
	if (k == SINSP_METRIC_CPU_NS)
		x /= 1e9; /* cores */
	if (sp->learnt < c->warmup) {
		learn(sp, x, c->alpha);
		return;
	}
	sd = sqrt(sp->var > 0 ? sp->var : 0);
	thr = sp->mean + c->k * sd;
	if (!(x > thr)) {
		sp->run = 0;
		sp->raised = false;
		sp->high = 0;
		learn(sp, x, c->alpha);
		return;
	}
	if (thr < c->min_rate) {
		/* above the baseline but below the minimum: no spike, and not learnt either
		 * (a slow start would raise the baseline under what follows) unless it lasts */
		thr = c->min_rate;
		if (!(x > thr)) {
			sp->run = 0;
			sp->raised = false;
			if (++sp->high > c->warmup) {
				sinsp_metrics_spike_reset(sp);
				learn(sp, x, c->alpha);
			}
			return;
		}
	}
	sp->high = 0;
	sp->run++;
	if (sp->raised) {
		if (++sp->since_raise > c->warmup) {
			/* a lasting change: the new normal, learnt again from here */
			sinsp_metrics_spike_reset(sp);
			learn(sp, x, c->alpha);
		}
		return;
	}
	if (sp->run >= c->n) {
		struct sinsp_metrics_spike s = {
			.sz = sizeof(s), .metric = (enum sinsp_metric)k, .rule = rules[k],
			.priority = c->priority, .value = x, .mean = sp->mean, .stddev = sd,
			.threshold = thr, .intervals = sp->run, .ts_ns = m->rep.end_ns,
		};

		sp->raised = true;
		sp->since_raise = 0;
		push_spike(m, mc, &s);
	}
}

void sinsp_metrics_spikes_eval(struct sinsp_metrics *m, double interval_s)
{
	size_t i;
	int k;

	m->nspikes = 0;
	if (interval_s <= 0)
		return;
	for (i = 0; i < m->conts.cap; i++) {
		struct mcont *mc = m->conts.slots[i].val;

		if (!mc || mc->exited)
			continue;
		for (k = 0; k < NM; k++)
			if (m->spike_cfg[k].enabled)
				eval_one(m, mc, k, interval_s);
	}
}

SINSP_API int sinsp_metrics_spike_foreach(struct sinsp_metrics *m, sinsp_metrics_spike_fn fn,
					  void *ctx)
{
	size_t i;
	int rc;

	if (!m || !fn)
		return -EINVAL;
	for (i = 0; i < m->nspikes; i++) {
		struct sinsp_metrics_container v;
		struct sinsp_metrics_spike sp = m->spikes[i];

		sinsp_metrics_cont_view(m, m->spike_conts[i], &v);
		sp.container = &v;
		rc = fn(&sp, ctx);
		if (rc)
			return rc;
	}
	return 0;
}

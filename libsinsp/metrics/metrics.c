/* SPDX-License-Identifier: Apache-2.0 */
/*
 * metrics/metrics.c - counting events per process, container and host, and closing
 * intervals (<scry/sinsp_metrics.h>). The read side is metrics_read.c, the system
 * accounting reader sample.c, spikes spike.c.
 */
#define _GNU_SOURCE /* memmem */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <scry/scap_syscalls.h>

#include "metrics/metrics_int.h"
#include "parse/parse.h"
#include "state/containers.h"
#include "state/fdtable.h"
#include "state/threads.h"

#define SCAP_CL_CLONE_THREAD (1u << 13) /* scap clone flag (parse_proc.c's) */
#define PROCINFO_TICK_NS 10000000ull    /* procinfo CPU: clock ticks of 1/100 s */

static const char *const metric_names[NM] = {
	"cpu_ns", "memory_bytes", "syscalls", "syscall_errors", "file_read_bytes",
	"file_write_bytes", "net_in_bytes", "net_out_bytes", "connections", "processes",
	"files_opened",
};

SINSP_API const char *sinsp_metric_name(enum sinsp_metric m)
{
	return (unsigned)m < NM ? metric_names[m] : NULL;
}

SINSP_API bool sinsp_metric_is_gauge(enum sinsp_metric m)
{
	return m == SINSP_METRIC_MEMORY_BYTES;
}

SINSP_API const char *sinsp_metrics_source_name(enum sinsp_metrics_source src)
{
	static const char *const names[] = { "none", "cgroup", "procfs", "engine" };

	return (unsigned)src < sizeof(names) / sizeof(names[0]) ? names[src] : NULL;
}

static bool name_in(const char *name, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(name, *list))
			return true;
	return false;
}

/* What each event type counts (enum mtype_bits): calls, failures and bytes as the
 * engines' per-process counters count them (scap_syscall_count_class()), then the
 * events of opens, connections and process creations, from the schema. */
static int classify(struct sinsp_metrics *m)
{
	static const char *const opens[] = { "open", "openat", "openat2", "creat",
					     "open_by_handle_at", NULL };
	static const char *const clones[] = { "clone", "fork", "vfork", "clone3", NULL };
	uint32_t t;

	m->tclass = calloc(SCAP_EVT_MAX, sizeof(*m->tclass));
	if (!m->tclass)
		return -ENOMEM;
	for (t = 0; t < SCAP_EVT_MAX; t++) {
		const struct scap_evt_info *i = &scap_evt_table[t];
		unsigned cc = scap_syscall_count_class((uint16_t)t);
		uint16_t c = 0;

		if (!i->name || (i->flags & SCAP_EF_UNUSED))
			continue;
		if (t == SCAP_EVT_PROCINFO_E) {
			m->tclass[t] = MT_PROCINFO;
			continue;
		}
		if (t == SCAP_EVT_PROCEXIT_E || t == SCAP_EVT_PROCEXIT_1_E) {
			m->tclass[t] = MT_PROCEXIT;
			continue;
		}
		if (!(cc & SCAP_COUNT_CALL))
			continue;
		c = MT_SYSCALL;
		if (!(cc & SCAP_COUNT_RES)) {
			m->tclass[t] = c | MT_NORES;
			continue;
		}
		if (cc & SCAP_COUNT_READ)
			c |= MT_READ;
		if (cc & SCAP_COUNT_WRITE)
			c |= MT_WRITE;
		if (name_in(i->name, opens))
			c |= MT_OPEN;
		else if (!strcmp(i->name, "connect"))
			c |= MT_CONNECT;
		else if (!strcmp(i->name, "accept") || !strcmp(i->name, "accept4"))
			c |= MT_ACCEPT;
		else if (name_in(i->name, clones))
			c |= MT_CLONE;
		m->tclass[t] = c;
	}
	return 0;
}

/* ---- entities ------------------------------------------------------------------- */

/*
 * Copy of @cgroups with each path cut after its last component that names the
 * container (its id, or its full id): the container's own cgroup.
 */
static void set_cont_cgroups(struct mcont *mc, const char *cg, size_t len)
{
	const struct sinsp_container *c = mc->c;
	char *out = malloc(len + 1), *o = out;
	size_t off = 0;

	if (!out)
		return;
	while (off < len) {
		const char *e = cg + off, *nul = memchr(e, 0, len - off);
		size_t elen = nul ? (size_t)(nul - e) : len - off;
		const char *path = memchr(e, '=', elen), *cut = NULL, *p;

		if (path) {
			for (p = path + 1; p < e + elen; p++) {
				const char *end;

				if (*p != '/')
					continue;
				end = memchr(p + 1, '/', (size_t)(e + elen - p - 1));
				end = end ? end : e + elen;
				/* the component p+1..end names the container? */
				if ((c->id && memmem(p + 1, (size_t)(end - p - 1), c->id, strlen(c->id))) ||
				    (c->full_id && memmem(p + 1, (size_t)(end - p - 1), c->full_id,
							  strlen(c->full_id))))
					cut = end;
			}
		}
		if (cut)
			elen = (size_t)(cut - e);
		memcpy(o, e, elen);
		o += elen;
		*o++ = '\0';
		off += (nul ? (size_t)(nul - e) : len - off) + 1;
	}
	mc->cgroups = out;
	mc->cgroups_len = (uint32_t)(o - out);
}

static struct mcont *cont_get(struct sinsp_metrics *m, const struct sinsp_container *c,
			      const struct sinsp_thread *t)
{
	struct mcont *mc = hashmap_get_cached(&m->conts, (uint64_t)(uintptr_t)c);

	if (!mc) {
		mc = calloc(1, sizeof(*mc));
		if (!mc)
			return NULL;
		mc->c = c;
		mc->src = t ? t->src : 0;
		mc->v.first_seen_ns = m->open_start;
		if (hashmap_put(&m->conts, (uint64_t)(uintptr_t)c, mc)) {
			free(mc);
			return NULL;
		}
	}
	/* reported as gone, but a process of it came back before its removal: it stays */
	mc->exited = false;
	if (!mc->cgroups && t && t->cgroups && t->cgroups_len)
		set_cont_cgroups(mc, t->cgroups, t->cgroups_len);
	return mc;
}

/* Attach @p to the container of its thread @t. */
static void proc_set_container(struct sinsp_metrics *m, struct mproc *p, const struct sinsp_thread *t)
{
	struct mcont *mc = t->container ? cont_get(m, t->container, t) : NULL;

	if (p->cont == mc) {
		p->cid_key = t->container_id;
		return;
	}
	/* nprocs counts the processes not exited (an exited one was taken off already) */
	if (p->cont && p->cont->nprocs && !p->exited)
		p->cont->nprocs--;
	p->cont = mc;
	if (mc && !p->exited)
		mc->nprocs++;
	p->cid_key = t->container_id;
}

struct mproc *sinsp_metrics_proc_get(struct sinsp_metrics *m, const struct sinsp_thread *t)
{
	struct mproc *p = hashmap_get_cached(&m->procs, sinsp_thread_key(t->src, t->pid));

	if (p) {
		if (p->cid_key != t->container_id)
			proc_set_container(m, p, t);
		return p;
	}
	p = calloc(1, sizeof(*p));
	if (!p)
		return NULL;
	p->pid = t->pid;
	p->src = t->src;
	p->v.first_seen_ns = m->open_start;
	if (hashmap_put(&m->procs, sinsp_thread_key(p->src, p->pid), p)) {
		free(p);
		return NULL;
	}
	proc_set_container(m, p, t);
	return p;
}

static void proc_free(struct sinsp_metrics *m, struct mproc *p)
{
	if (p->cont && p->cont->nprocs && !p->exited && !p->rep_exited)
		p->cont->nprocs--;
	(void)m;
	free(p->comm);
	free(p->exe);
	free(p);
}

/* The exit of @p's main thread @t: keep its names for the interval that reports it
 * (out of memory: reported without them). */
static void proc_keep_names(struct mproc *p, const struct sinsp_thread *t)
{
	const char *exe = t->exepath && *t->exepath ? t->exepath : t->exe;

	if (!p->comm && t->comm)
		p->comm = strdup(t->comm);
	if (!p->exe && exe)
		p->exe = strdup(exe);
}

/* ---- counting ------------------------------------------------------------------- */

/* procinfo: the thread's cumulative CPU ticks; the difference since its last one. */
static void add_procinfo(struct sinsp_metrics *m, struct sinsp_evt *evt, struct mproc *p,
			 struct mhost *sh)
{
	uint64_t ticks = sinsp_param_u64(evt, 0, 0) + sinsp_param_u64(evt, 1, 0);
	/* by source and tid: hosts of a merged capture have equal tids */
	uint64_t key = sinsp_thread_key(m->s->cur_src, evt->ref.tid);
	uintptr_t last = (uintptr_t)hashmap_get(&m->procinfo, key);

	if (last && ticks + 1 >= last)
		sinsp_metrics_count(m->host.cur, sh ? sh->v.cur : NULL, p, SINSP_METRIC_CPU_NS,
				    (ticks + 1 - last) * PROCINFO_TICK_NS);
	hashmap_put(&m->procinfo, key, (void *)(uintptr_t)(ticks + 1));
	if (m->host.cpu_src == SINSP_METRICS_SRC_NONE)
		m->host.cpu_src = SINSP_METRICS_SRC_ENGINE;
	if (sh && sh->v.cpu_src == SINSP_METRICS_SRC_NONE)
		sh->v.cpu_src = SINSP_METRICS_SRC_ENGINE;
	if (p && p->v.cpu_src == SINSP_METRICS_SRC_NONE)
		p->v.cpu_src = SINSP_METRICS_SRC_ENGINE;
	if (p && p->cont && p->cont->v.cpu_src == SINSP_METRICS_SRC_NONE)
		p->cont->v.cpu_src = SINSP_METRICS_SRC_ENGINE;
}

/*
 * The first parameter (the result) of @evt as a signed integer, read from the record
 * without decoding the whole parameter table when the parsers have not done it; @dflt
 * when the record has none.
 */
static int64_t result_of(const struct sinsp_evt *evt, int64_t dflt)
{
	const struct scap_evt_ref *r = &evt->ref;
	size_t lw, off;
	uint32_t len;

	if (evt->pdecoded)
		return sinsp_param_s64(evt, 0, dflt);
	if (!r->nparams || !evt->info)
		return dflt;
	lw = (evt->info->flags & SCAP_EF_LARGE_PAYLOAD) ? 4 : 2;
	off = SCAP_ABI_EVT_HDR_LEN + (size_t)r->nparams * lw;
	if (off > r->len)
		return dflt;
	if (lw == 4) {
		memcpy(&len, r->raw + SCAP_ABI_EVT_HDR_LEN, 4);
	} else {
		uint16_t l16;

		memcpy(&l16, r->raw + SCAP_ABI_EVT_HDR_LEN, 2);
		len = l16;
	}
	if (len > r->len - off)
		return dflt;
	struct sinsp_param p = { r->raw + off, len };
	return sinsp_param_val_s64(&p, dflt);
}

static void close_one(struct sinsp_metrics *m, uint64_t end, bool sample, bool after_gap);

SINSP_API unsigned sinsp_metrics_tick(struct sinsp_metrics *m, uint64_t now_ns)
{
	unsigned n = 0;
	uint64_t gap;

	if (!m)
		return 0;
	if (!m->started) {
		size_t i;

		m->started = true;
		m->open_start = now_ns - now_ns % m->interval_ns;
		m->host.first_seen_ns = m->open_start;
		for (i = 0; i < m->procs.cap; i++)
			if (m->procs.slots[i].val)
				((struct mproc *)m->procs.slots[i].val)->v.first_seen_ns = m->open_start;
		for (i = 0; i < m->conts.cap; i++)
			if (m->conts.slots[i].val)
				((struct mcont *)m->conts.slots[i].val)->v.first_seen_ns = m->open_start;
		return 0;
	}
	if (now_ns < m->open_start + m->interval_ns)
		return 0;
	gap = (now_ns - m->open_start) / m->interval_ns;
	/*
	 * Several intervals at once (a gap in the events, a stalled reader): the system
	 * accounting is read once, at the last one, whose CPU delta then covers them all
	 * (totals stay exact; its rate is no spike candidate).
	 */
	bool batch = gap > 1;
	if (gap > SINSP_METRICS_MAX_GAP + 1) {
		/* report the open interval and the last MAX_GAP before now; skip the rest */
		close_one(m, m->open_start + m->interval_ns, false, false);
		n++;
		gap -= 1;
		m->open_index += gap - SINSP_METRICS_MAX_GAP;
		m->open_start += (gap - SINSP_METRICS_MAX_GAP) * m->interval_ns;
		gap = SINSP_METRICS_MAX_GAP;
	}
	while (gap--) {
		close_one(m, m->open_start + m->interval_ns, gap == 0, gap == 0 && batch);
		n++;
	}
	return n;
}

SINSP_API void sinsp_metrics_add(struct sinsp_metrics *m, struct sinsp_evt *evt)
{
	uint16_t type, cls;
	struct sinsp_thread *t;
	struct mproc *p = NULL;
	struct mhost *sh;
	uint64_t *shc;
	int64_t res;

	if (!m || !evt)
		return;
	/* an event without a time (the container table a capture starts with) moves no clock */
	if (evt->ref.ts_ns && (!m->started || evt->ref.ts_ns >= m->open_start + m->interval_ns))
		sinsp_metrics_tick(m, evt->ref.ts_ns);
	type = evt->ref.type;
	cls = type < SCAP_EVT_MAX ? m->tclass[type] : 0;
	m->open_events++;
	sh = sinsp_metrics_src_host(m);
	shc = sh ? sh->v.cur : NULL;
	t = evt->thread;
	if (t && t->tid >= 0 && !(evt->props & SINSP_TYPE_CONTAINER_JSON)) {
		p = sinsp_metrics_proc_get(m, t);
		if (p)
			p->v.active = true;
		if (p && p->cont)
			p->cont->v.active = true;
	}
	if (!cls)
		return;
	if (cls & MT_PROCINFO) {
		/* sampled accounting, when on, is the source: not both */
		if (!m->sampler.cgroup && !m->sampler.process && !m->sampler.host)
			add_procinfo(m, evt, p, sh);
		return;
	}
	if (cls & MT_PROCEXIT) {
		hashmap_del(&m->procinfo, sinsp_thread_key(m->s->cur_src, evt->ref.tid));
		if (p && t->tid == t->pid && !p->exited) {
			p->exited = true;
			proc_keep_names(p, t);
			if (p->cont && p->cont->nprocs)
				p->cont->nprocs--;
		}
		return;
	}
	sinsp_metrics_count(m->host.cur, shc, p, SINSP_METRIC_SYSCALLS, 1);
	if (cls & MT_NORES)
		return;
	res = result_of(evt, 0);
	if (res < 0) {
		sinsp_metrics_count(m->host.cur, shc, p, SINSP_METRIC_SYSCALL_ERRORS, 1);
		if (!((cls & MT_CONNECT) && res == -SCAP_EINPROGRESS))
			return;
	}
	if ((cls & (MT_READ | MT_WRITE)) && res > 0 && evt->fd) {
		int32_t ft = evt->fd->type;
		bool rd = cls & MT_READ;

		if (ft == SCAP_FD_FILE || ft == SCAP_FD_FILE_V2 || ft == SCAP_FD_DIRECTORY)
			sinsp_metrics_count(m->host.cur, shc, p, rd ? SINSP_METRIC_FILE_READ_BYTES :
			      SINSP_METRIC_FILE_WRITE_BYTES, (uint64_t)res);
		else if (ft >= SCAP_FD_IPV4_SOCK && ft <= SCAP_FD_IPV6_SERVSOCK)
			sinsp_metrics_count(m->host.cur, shc, p, rd ? SINSP_METRIC_NET_IN_BYTES :
			      SINSP_METRIC_NET_OUT_BYTES, (uint64_t)res);
	}
	if (cls & MT_OPEN)
		sinsp_metrics_count(m->host.cur, shc, p, SINSP_METRIC_FILES_OPENED, 1);
	if (cls & (MT_CONNECT | MT_ACCEPT)) {
		const struct sinsp_fd *f = evt->fd;

		if ((cls & MT_ACCEPT) && t && res >= 0)
			f = sinsp_fd_find(t, res);
		if (f && f->type >= SCAP_FD_IPV4_SOCK && f->type <= SCAP_FD_IPV6_SERVSOCK)
			sinsp_metrics_count(m->host.cur, shc, p, SINSP_METRIC_CONNECTIONS, 1);
	}
	if ((cls & MT_CLONE) && res > 0 &&
	    !(sinsp_param_val_u64(sinsp_evt_param(evt, "flags"), 0) & SCAP_CL_CLONE_THREAD)) {
		struct sinsp_thread *child = sinsp_thread_find(m->s, res);

		sinsp_metrics_count(m->host.cur, shc, p, SINSP_METRIC_PROCESSES, 1);
		/* the new process is listed from now on, events or not */
		if (child && child->tid == child->pid)
			sinsp_metrics_proc_get(m, child);
	}
}

/* ---- closing -------------------------------------------------------------------- */

/* A cumulative CPU sample: the delta since the last one into cur[CPU] (first: none). */
static void take_cpu(struct mvals *v, uint64_t cpu_ns, enum sinsp_metrics_source src)
{
	if (v->cpu_has_last && cpu_ns >= v->cpu_last)
		v->cur[SINSP_METRIC_CPU_NS] += cpu_ns - v->cpu_last;
	v->cpu_last = cpu_ns;
	v->cpu_has_last = true;
	v->cpu_src = src;
}

/* Fold the open interval of @v into its report. Return whether a CPU delta is real. */
static void fold(struct mvals *v)
{
	int k;

	for (k = 0; k < NM; k++) {
		if (sinsp_metric_is_gauge(k)) {
			v->rep.delta[k] = v->rep.total[k] = v->mem_now;
		} else {
			v->rep.delta[k] = v->cur[k];
			v->rep.total[k] += v->cur[k];
		}
		v->cur[k] = 0;
	}
	v->rep.cpu_source = v->cpu_src;
	v->rep.mem_source = v->mem_src;
	v->active = false;
}

/* Remove the entities reported as exited at the last close. */
static void sweep(struct sinsp_metrics *m)
{
	size_t i;

	for (i = 0; i < m->procs.cap;) {
		struct mproc *p = m->procs.slots[i].val;

		if (p && p->rep_exited) {
			hashmap_del(&m->procs, sinsp_thread_key(p->src, p->pid));
			proc_free(m, p);
			continue; /* backward shift: slot i holds another entry now */
		}
		i++;
	}
	for (i = 0; i < m->conts.cap;) {
		struct mcont *mc = m->conts.slots[i].val;

		if (mc && mc->exited) {
			hashmap_del(&m->conts, (uint64_t)(uintptr_t)mc->c);
			free(mc->cgroups);
			free(mc);
			continue;
		}
		i++;
	}
}

static void sample_host(struct sinsp_metrics *m, bool sampling)
{
	struct sinsp_metrics_sample smp = { .sz = sizeof(smp) };

	m->host.mem_src = SINSP_METRICS_SRC_NONE;
	m->host.mem_now = 0;
	if (sampling && m->sampler.host && m->sampler.host(m->sampler.ctx, &smp) == 0) {
		if (smp.has_cpu)
			take_cpu(&m->host, smp.cpu_ns, SINSP_METRICS_SRC_PROCFS);
		if (smp.has_mem) {
			m->host.mem_now = smp.mem_bytes;
			m->host.mem_src = SINSP_METRICS_SRC_PROCFS;
		}
	}
}

/* Processes: exits, memory and CPU samples. */
static void close_procs(struct sinsp_metrics *m, bool sampling, uint64_t *host_rss)
{
	size_t i;

	for (i = 0; i < m->nhosts; i++) {
		m->hosts[i].v.mem_now = 0;
		m->hosts[i].rep_nprocs = 0;
	}
	for (i = 0; i < m->procs.cap; i++) {
		struct mproc *p = m->procs.slots[i].val;
		struct sinsp_metrics_sample smp = { .sz = sizeof(smp) };
		struct sinsp_thread *t;

		if (!p)
			continue;
		t = sinsp_thread_find_src(m->s, p->src, p->pid);
		if (!t && !p->exited) {
			/* its exit was not seen (drops): gone from the table */
			p->exited = true;
			if (p->cont && p->cont->nprocs)
				p->cont->nprocs--;
		}
		p->v.mem_now = 0;
		p->v.mem_src = SINSP_METRICS_SRC_NONE;
		if (sampling && m->sample_processes && m->sampler.process && !p->exited &&
		    m->sampler.process(m->sampler.ctx, p->pid, &smp) == 0) {
			if (smp.has_cpu)
				take_cpu(&p->v, smp.cpu_ns, SINSP_METRICS_SRC_PROCFS);
			if (smp.has_mem) {
				p->v.mem_now = smp.mem_bytes;
				p->v.mem_src = SINSP_METRICS_SRC_PROCFS;
			}
		}
		if (p->v.mem_src == SINSP_METRICS_SRC_NONE && t && !p->exited && t->vmrss_kb) {
			p->v.mem_now = (uint64_t)t->vmrss_kb * 1024;
			p->v.mem_src = SINSP_METRICS_SRC_ENGINE;
		}
		if (p->v.mem_src == SINSP_METRICS_SRC_ENGINE) {
			*host_rss += p->v.mem_now;
			if (p->src < m->nhosts)
				m->hosts[p->src].v.mem_now += p->v.mem_now;
			if (p->cont)
				p->cont->mem_engine += p->v.mem_now;
		}
	}
}

static void close_conts(struct sinsp_metrics *m, bool sampling, bool after_gap)
{
	size_t i;

	for (i = 0; i < m->conts.cap; i++) {
		struct mcont *mc = m->conts.slots[i].val;
		struct sinsp_metrics_sample smp = { .sz = sizeof(smp) };
		bool had_last;

		if (!mc)
			continue;
		had_last = mc->v.cpu_has_last;
		mc->v.mem_now = 0;
		mc->v.mem_src = SINSP_METRICS_SRC_NONE;
		mc->rep_cpu_delta = false;
		if (sampling && m->sampler.cgroup && mc->cgroups && mc->nprocs &&
		    m->sampler.cgroup(m->sampler.ctx, mc->cgroups, mc->cgroups_len, &smp) == 0) {
			if (smp.has_cpu) {
				take_cpu(&mc->v, smp.cpu_ns, SINSP_METRICS_SRC_CGROUP);
				mc->rep_cpu_delta = had_last && !after_gap;
			}
			if (smp.has_mem) {
				mc->v.mem_now = smp.mem_bytes;
				mc->v.mem_src = SINSP_METRICS_SRC_CGROUP;
			}
		}
		if (mc->v.cpu_src == SINSP_METRICS_SRC_ENGINE)
			mc->rep_cpu_delta = true;
		if (mc->v.mem_src == SINSP_METRICS_SRC_NONE && mc->mem_engine) {
			mc->v.mem_now = mc->mem_engine;
			mc->v.mem_src = SINSP_METRICS_SRC_ENGINE;
		}
		mc->mem_engine = 0;
		/* gone: no live process and quiet, or no longer in the table */
		if (!mc->nprocs && !mc->v.active)
			mc->exited = true;
		mc->rep_nprocs = mc->nprocs;
		fold(&mc->v);
		mc->rep_valid = true;
	}
}

/* Close the open interval at @end; @sample: read the system accounting (if any);
 * @after_gap: it follows intervals closed unsampled (see sinsp_metrics_tick()). */
static void close_one(struct sinsp_metrics *m, uint64_t end, bool sample, bool after_gap)
{
	bool sampling = sample && (m->sampler.cgroup || m->sampler.process || m->sampler.host);
	uint64_t host_rss = 0;
	bool host_had = m->host.cpu_has_last;
	struct timespec t0, t1;
	size_t i;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	sweep(m);
	if (m->engine_counts)
		sinsp_metrics_engine_counts_fold(m);
	sample_host(m, sampling);
	close_procs(m, sampling, &host_rss);
	close_conts(m, sampling, after_gap);
	if (m->host.mem_src == SINSP_METRICS_SRC_NONE && host_rss) {
		m->host.mem_now = host_rss;
		m->host.mem_src = SINSP_METRICS_SRC_ENGINE;
	}
	m->host_cpu_delta = host_had || m->host.cpu_src == SINSP_METRICS_SRC_ENGINE;
	fold(&m->host);
	for (i = 0; i < m->nhosts; i++) {
		/* a source's memory: its processes' (a merged capture is a replay) */
		m->hosts[i].v.mem_src = m->hosts[i].v.mem_now ? SINSP_METRICS_SRC_ENGINE :
								 SINSP_METRICS_SRC_NONE;
		fold(&m->hosts[i].v);
	}
	m->rep.nprocesses = 0;
	for (i = 0; i < m->procs.cap; i++) {
		struct mproc *p = m->procs.slots[i].val;

		if (!p)
			continue;
		fold(&p->v);
		p->rep_valid = true;
		p->rep_exited = p->exited;
		m->rep.nprocesses++;
		if (p->src < m->nhosts)
			m->hosts[p->src].rep_nprocs++;
	}
	m->rep.ncontainers = (uint32_t)m->conts.count;
	m->rep.sz = sizeof(m->rep);
	m->rep.index = m->open_index;
	m->rep.start_ns = m->open_start;
	m->rep.end_ns = end;
	m->rep.events = m->open_events;
	m->rep.sampled = sampling;
	m->have_rep = true;
	sinsp_metrics_spikes_eval(m, (double)(end - m->open_start) / 1e9);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	m->rep.close_ns = (uint64_t)(t1.tv_sec - t0.tv_sec) * 1000000000ull + (uint64_t)t1.tv_nsec -
			  (uint64_t)t0.tv_nsec;
	m->open_start = m->open_start + m->interval_ns;
	if (end > m->open_start)
		m->open_start = end - end % m->interval_ns;
	m->open_index++;
	m->open_events = 0;
	if (m->interval_fn)
		m->interval_fn(m, m->ctx);
}

SINSP_API unsigned sinsp_metrics_flush(struct sinsp_metrics *m)
{
	uint64_t end;

	if (!m || !m->started)
		return 0;
	end = m->open_start + m->interval_ns;
	close_one(m, end, true, false);
	return 1;
}

/* ---- lifetime ------------------------------------------------------------------- */

/* The processes of the thread table (their main threads). */
static void enter_threads(struct sinsp_metrics *m)
{
	size_t i;

	for (i = 0; i < m->s->threads.cap; i++) {
		struct sinsp_thread *t = m->s->threads.slots[i].val;

		if (t && t->tid == t->pid && !t->placeholder)
			sinsp_metrics_proc_get(m, t);
	}
}

SINSP_API int sinsp_metrics_new(sinsp_t *s, const struct sinsp_metrics_opts *o,
				struct sinsp_metrics **out)
{
	struct sinsp_metrics_opts d = { .sz = sizeof(d) };
	struct sinsp_metrics *m;
	int k;

	if (!s || !out)
		return -EINVAL;
	*out = NULL;
	if (o) {
		size_t n = o->sz < sizeof(d) ? o->sz : sizeof(d);

		if (o->sz < offsetof(struct sinsp_metrics_opts, sample_processes))
			return -EINVAL;
		for (size_t i = sizeof(d); i < o->sz; i++)
			if (((const char *)o)[i])
				return -EINVAL;
		memcpy(&d, o, n);
	}
	if (d.interval_ns == 0)
		d.interval_ns = 1000000000ull;
	if (d.interval_ns < 1000000ull)
		return -EINVAL;
	m = calloc(1, sizeof(*m));
	if (!m)
		return -ENOMEM;
	m->s = s;
	m->interval_ns = d.interval_ns;
	m->interval_fn = d.interval_fn;
	m->ctx = d.ctx;
	m->sample_system = d.sample_system;
	m->sample_processes = d.sample_processes;
	m->cgroup_v2 = -1;
	m->proc_root = strdup(d.proc_root ? d.proc_root : "/proc");
	m->cgroup_root = strdup(d.cgroup_root ? d.cgroup_root : "/sys/fs/cgroup");
	if (!m->proc_root || !m->cgroup_root || classify(m)) {
		sinsp_metrics_free(m);
		return -ENOMEM;
	}
	if (d.sampler) {
		size_t n = d.sampler->sz < sizeof(m->sampler) ? d.sampler->sz : sizeof(m->sampler);

		memcpy(&m->sampler, d.sampler, n);
		m->sample_processes = m->sampler.process != NULL;
	} else if (d.sample_system) {
		sinsp_metrics_sample_system_init(m);
	}
	for (k = 0; k < NM; k++)
		m->spike_cfg[k].sz = sizeof(m->spike_cfg[k]);
	enter_threads(m);
	*out = m;
	return 0;
}

SINSP_API void sinsp_metrics_free(struct sinsp_metrics *m)
{
	size_t i;

	if (!m)
		return;
	for (i = 0; i < m->procs.cap; i++) {
		struct mproc *p = m->procs.slots[i].val;

		if (p) {
			free(p->comm);
			free(p->exe);
			free(p);
		}
	}
	for (i = 0; i < m->conts.cap; i++) {
		struct mcont *mc = m->conts.slots[i].val;

		if (mc) {
			free(mc->cgroups);
			free(mc);
		}
	}
	hashmap_free(&m->procs);
	hashmap_free(&m->conts);
	free(m->hosts);
	hashmap_free(&m->procinfo);
	sinsp_metrics_engine_counts_free(m);
	free(m->tclass);
	free(m->proc_root);
	free(m->cgroup_root);
	free(m->spikes);
	free(m->spike_conts);
	free(m);
}

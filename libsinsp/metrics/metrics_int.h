/* SPDX-License-Identifier: Apache-2.0 */
/*
 * metrics/metrics_int.h - the metrics handle (<scry/sinsp_metrics.h>): entities
 * (host, containers, processes), the per-type classification of events, spike state.
 *
 * Each entity accumulates the open interval in cur[]; an interval close moves cur[]
 * into rep (the reported values: delta = cur, total += cur) and zeroes cur[]. Readers
 * only see rep. Entities reported as exited are removed at the next close.
 */
#ifndef SINSP_METRICS_INT_H
#define SINSP_METRICS_INT_H

#include <stdbool.h>
#include <stdint.h>

#include <scry/sinsp_metrics.h>
#include "util/hashmap.h"

struct sinsp;
struct sinsp_container;
struct sinsp_thread;

#define NM SINSP_METRIC_COUNT

/* Per-metric, per-container spike state (spike.c). */
struct mspike {
	double mean, var;         /* EW mean and variance of the rate */
	uint32_t learnt;          /* intervals learnt since the (re)start */
	uint32_t run;             /* anomalous intervals in a row */
	bool raised;              /* the current run raised its spike */
	uint32_t since_raise;     /* anomalous intervals since the spike */
	uint32_t high;            /* intervals in a row above mean + k sd but below the
	                             minimum (not learnt) */
};

/* What every entity has: the open interval, the reported one, system samples. */
struct mvals {
	uint64_t cur[NM];                 /* open interval */
	struct sinsp_metrics_values rep;  /* last closed interval (rep.delta/total) */
	uint64_t cpu_last;                /* last sampled cumulative CPU, ns */
	bool cpu_has_last;                /* cpu_last is set */
	enum sinsp_metrics_source cpu_src, mem_src; /* as of the open interval */
	uint64_t mem_now;                 /* gauge for the open interval */
	uint64_t first_seen_ns;
	bool active;                      /* an event in the open interval */
};

struct mcont {
	const struct sinsp_container *c;  /* table entry: stable until sinsp_close() */
	char *cgroups;                    /* the container's cgroups (trimmed), NULL unknown */
	uint32_t cgroups_len;
	uint32_t src;                     /* the source (host) of the thread that made it */
	uint32_t nprocs;                  /* live process entries of it */
	uint64_t mem_engine;              /* sum of its processes' vm_rss at close, bytes */
	bool exited;                      /* reported as exited: remove at the next close */
	bool rep_valid;                   /* reported at least once */
	uint32_t rep_nprocs;
	bool rep_cpu_delta;               /* rep's CPU delta is a real difference */
	struct mvals v;
	struct mspike spike[NM];
};

struct mproc {
	int64_t pid;
	uint32_t src;                     /* the thread's source (sinsp_thread_key()) */
	const char *cid_key;              /* thread's container_id pointer when resolved */
	struct mcont *cont;               /* NULL: host */
	bool exited;                      /* exit seen in the open interval */
	bool rep_exited;                  /* reported as exited: remove at the next close */
	bool rep_valid;
	char *comm, *exe;                 /* copies taken at its exit (the thread leaves the
	                                     table before the interval is reported); NULL */
	struct mvals v;
};

/* Per event type: what it counts (bits). */
enum mtype_bits {
	MT_SYSCALL = 1 << 0,      /* exit of a syscall with res first */
	MT_READ = 1 << 1,         /* res bytes read from its fd */
	MT_WRITE = 1 << 2,        /* res bytes written to its fd */
	MT_OPEN = 1 << 3,
	MT_CONNECT = 1 << 4,
	MT_ACCEPT = 1 << 5,
	MT_CLONE = 1 << 6,
	MT_PROCEXIT = 1 << 7,
	MT_PROCINFO = 1 << 8,
	MT_NORES = 1 << 9,        /* no result parameter (generic syscall events) */
};

/* The host entity of one source of a capture that merges several hosts (hosts.c): the
 * events, CPU and memory of that host alone; struct sinsp_metrics.host is their sum. */
struct mhost {
	struct mvals v;
	uint32_t rep_nprocs;              /* its process entries reported at the last close */
};

struct sinsp_metrics {
	struct sinsp *s;
	uint64_t interval_ns;
	bool sample_system, sample_processes;
	struct sinsp_metrics_sampler sampler; /* zeroed functions: none */
	char *proc_root, *cgroup_root;
	int cgroup_v2;                    /* -1 not probed; 0 v1/hybrid; 1 pure v2 */
	sinsp_metrics_interval_fn interval_fn;
	void *ctx;

	uint16_t *tclass;                 /* enum mtype_bits per event type */

	bool started;
	uint64_t open_start;              /* start of the open interval */
	uint64_t open_index;
	uint64_t open_events;

	struct mvals host;
	struct mhost *hosts;              /* per source (a merged capture), nhosts; else NULL */
	uint32_t nhosts;
	struct hashmap procs;             /* sinsp_thread_key(src, pid) -> struct mproc * */
	struct hashmap conts;             /* (uintptr_t)sinsp_container * -> struct mcont * */
	struct hashmap procinfo;          /* sinsp_thread_key(src, tid) -> last procinfo ticks
	                                     + 1 (as uintptr) */

	/* the last closed interval */
	bool have_rep;
	struct sinsp_metrics_interval_info rep;
	bool host_cpu_delta;

	/* sinsp_metrics_use_engine_counts() (engine_counts.c) */
	bool engine_counts;
	struct hashmap kcounts;           /* tgid -> struct mkcount *: the engine's last counts */
	uint64_t kcount_errors;           /* reads of the engine's counts that failed */

	struct sinsp_metrics_spike_config spike_cfg[NM];
	struct sinsp_metrics_spike *spikes; /* raised at the last close */
	struct mcont **spike_conts;         /* their containers */
	size_t nspikes, spikes_cap;
};

/* Add @n to figure @k of the open interval of the host (@host: its cur[]), of the
 * event's source's host (@shost: its cur[]; NULL: a capture of one host), of process
 * @p (NULL: the host only) and of its container. */
static inline void sinsp_metrics_count(uint64_t *host, uint64_t *shost, struct mproc *p,
				       enum sinsp_metric k, uint64_t n)
{
	host[k] += n;
	if (shost)
		shost[k] += n;
	if (p) {
		p->v.cur[k] += n;
		if (p->cont)
			p->cont->v.cur[k] += n;
	}
}

/* hosts.c: the host entity of the source of the event sinsp_next() returned last (made
 * when new); NULL for a capture of one host, or out of memory (the sum still counts). */
struct mhost *sinsp_metrics_src_host(struct sinsp_metrics *m);

/* hosts.c: the name of source @src (scap_evt_source()); NULL for a capture of one host. */
const char *sinsp_metrics_src_name(const struct sinsp_metrics *m, uint32_t src);

/* metrics_read.c: the view of @p (NULL: none) into @out (out->sz bytes).
 * Return 0; -ENOENT @p NULL or not reported yet. */
int sinsp_metrics_process_view(struct sinsp_metrics *m, const struct mproc *p,
			       struct sinsp_metrics_process *out);

/* metrics.c: the entry of the process of thread @t (made when new); NULL out of memory. */
struct mproc *sinsp_metrics_proc_get(struct sinsp_metrics *m, const struct sinsp_thread *t);

/* engine_counts.c: add what the engine counted since the last close (every process's
 * counts minus the last ones read) to the open interval; forget exited processes. */
void sinsp_metrics_engine_counts_fold(struct sinsp_metrics *m);
void sinsp_metrics_engine_counts_free(struct sinsp_metrics *m);

/* metrics.c: the view of a container entry (host: c NULL, v the host's). */
void sinsp_metrics_cont_view(struct sinsp_metrics *m, const struct mcont *mc,
			     struct sinsp_metrics_container *out);

/* sample.c: the reader sample_system installs; the CPU of the host, containers and
 * processes read at close. */
void sinsp_metrics_sample_system_init(struct sinsp_metrics *m);
int sinsp_metrics_sample_cgroup(void *ctx, const char *cgroups, size_t len,
				struct sinsp_metrics_sample *out);
int sinsp_metrics_sample_process(void *ctx, int64_t pid, struct sinsp_metrics_sample *out);
int sinsp_metrics_sample_host(void *ctx, struct sinsp_metrics_sample *out);

/* spike.c: evaluate the spikes of every container at a close (after rep is set). */
void sinsp_metrics_spikes_eval(struct sinsp_metrics *m, double interval_s);
/* spike.c: forget a container's spike state (config turned off). */
void sinsp_metrics_spike_reset(struct mspike *sp);

#endif /* SINSP_METRICS_INT_H */

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * sinsp_metrics.h - per-interval activity figures for the host, each container and each
 * process, computed from the events (system calls, file and network bytes, connections,
 * processes, files opened) and, when the caller asks for it, from the system's own
 * accounting (CPU time and memory of cgroups and processes); and spike detection on them.
 *
 *   struct sinsp_metrics *m;
 *   struct sinsp_metrics_opts o = { .sz = sizeof(o), .interval_ns = 1000000000,
 *                                   .sample_system = live, .interval_fn = on_interval };
 *   sinsp_metrics_new(s, &o, &m);
 *   for (;;) {
 *           rc = sinsp_next(s, &evt);
 *           if (rc == 0) sinsp_metrics_add(m, evt);          (every event, hidden ones too)
 *           sinsp_metrics_tick(m, wall_clock_ns);            (live: a quiet host still
 *   }                                                          closes its intervals)
 *   on_interval(m, ctx): sinsp_metrics_interval(), sinsp_metrics_host(),
 *           sinsp_metrics_container_foreach(), sinsp_metrics_process_foreach(),
 *           sinsp_metrics_spike_foreach() read the interval that just closed.
 *
 * Intervals. Interval i covers [start + i*interval_ns, start + (i+1)*interval_ns) of event
 * time, where start is the first timed event's (or tick's) time rounded down to a multiple of
 * interval_ns (so intervals of every agent on a host line up on wall-clock seconds). An
 * interval closes when an event or a tick at or past its end arrives: the figures are
 * frozen, the system accounting is sampled (when enabled), spikes are evaluated, and
 * interval_fn is called; then the event is counted in the interval it falls in. A gap
 * in the events closes every interval it spans, each reported (empty ones included, so
 * rates and baselines see the quiet time), at most SINSP_METRICS_MAX_GAP of them: past
 * that (a capture with an hour of silence) the intervals in between are skipped and the
 * next report's interval index jumps. When one call closes several intervals, the system
 * accounting is read once, at the last of them, whose CPU delta then covers them all
 * (totals stay exact; that rate is not a spike candidate). An event older than the open
 * interval (live: a ring drained after the tick that closed its interval) is counted in
 * the open one, and so is an event with no time (ts 0: the container records a capture
 * starts with).
 *
 * Figures (enum sinsp_metric). For each entity, delta[] is the interval's amount and
 * total[] the amount since the entity was first seen (monotonic: a Prometheus counter);
 * for a gauge (memory) both hold the value at the end of the interval. Rates are
 * delta / (interval_ns / 1e9). Counting rules (the source of each number):
 *   SYSCALLS        exit events of system calls: an exit event whose schema category is
 *                   not internal/meta and whose first parameter is the result ("res",
 *                   or "fd" for the calls that create one), generic syscall exits, and
 *                   the exits the schema gives no parameter (getsockname, getpeername,
 *                   sendmmsg, recvmmsg); a call whose enter event the ring dropped still
 *                   counts once. (sysdig's count of evt.dir=< events but for the
 *                   internal, meta and scheduler ones.)
 *   SYSCALL_ERRORS  of those, the ones whose result is negative (-errno): evt.failed.
 *                   The calls without a result never count here.
 *   FILE_READ/WRITE_BYTES  res > 0 of a call the schema flags as reading from / writing
 *                   to its fd (read, pread, readv, recvfrom, sendfile's out side, ...)
 *                   on an fd of a file (fd type file or directory), bytes.
 *   NET_IN/OUT_BYTES  the same on an IPv4 or IPv6 socket, bytes (unix sockets, pipes
 *                   and other fds are neither file nor network).
 *   CONNECTIONS     connect exits with res 0 or -EINPROGRESS, and accept/accept4 exits
 *                   with res >= 0, on IP sockets.
 *   PROCESSES       new processes: a clone/fork/vfork/clone3 exit that creates a thread
 *                   group (not CLONE_THREAD) with res > 0, counted in the caller's
 *                   entity (the parent's container).
 *   FILES_OPENED    open, openat, openat2, creat, open_by_handle_at exits with res >= 0.
 *   CPU_NS          CPU time, ns (user + system). Source per entity (cpu_source): the
 *                   cgroup's accounting (v2 cpu.stat usage_usec, v1 cpuacct.usage) or a
 *                   process's /proc/PID/stat utime + stime, sampled at each interval
 *                   close when sample_system is on (live); else procinfo events
 *                   (SCAP_EVT_PROCINFO_E cpu_usr + cpu_sys, clock ticks of 1/100 s)
 *                   when the source has them; else SINSP_METRICS_SRC_NONE: reported as
 *                   not available (0), never estimated.
 *   MEMORY_BYTES    gauge, bytes: the cgroup's memory in use (v2 memory.current, v1
 *                   memory.usage_in_bytes), a process's resident set (/proc/PID/stat rss),
 *                   the host's MemTotal - MemAvailable (/proc/meminfo), when sampled;
 *                   else the resident set the events last reported (execve/clone vm_rss;
 *                   a container's is the sum over its processes), mem_source says which.
 * The host entity counts every event of the machine (container or not) and its CPU and
 * memory are the whole machine's (/proc/stat, /proc/meminfo); containers count their
 * processes' events (a process's container is its thread's container.id, "host" outside
 * containers, and those are in no container entry).
 *
 * Lifetime of entities: a process entry is created at its first event (or found in the
 * thread table at sinsp_metrics_new()), and reported one last time with `exited` set in
 * the interval its process exited (procexit of its main thread), then removed. A
 * container entry lives while the inspector's container table holds its id and a
 * process of it is alive or was active in the last interval; when removed it is
 * reported once with `exited` set. Its totals keep growing while it lives (processes
 * that exit do not take their counts away).
 *
 * Ownership and lifetime: everything the read functions hand out (views, strings) is
 * owned by the metrics handle and valid until the next sinsp_metrics_add(),
 * sinsp_metrics_tick(), sinsp_metrics_flush() or sinsp_metrics_free(); read functions
 * return the last closed interval (nothing before the first one: -ENOENT / empty
 * iterations).
 *
 * Cost: one hash lookup per event (by process id, cached for consecutive events of one
 * process), no allocation per event (entries are allocated when an entity first appears;
 * about 90 instructions an event in all, bench/metrics), a pass over the entries at each
 * interval close, plus, when sampling, a read of each container's cgroup files and (with
 * sample_processes) of each process's /proc/PID/stat.
 *
 * Thread-safety: one thread per handle, the one that reads the inspector; the read
 * functions may be called from interval_fn or between two add/tick calls. A reader on
 * another thread (an HTTP endpoint) copies what it needs in interval_fn, under its own lock.
 * Return codes: 0, or a negative errno (STYLE.md).
 */
#ifndef SINSP_METRICS_H
#define SINSP_METRICS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <scry/sinsp.h>
#include <scry/sinsp_rules.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A metrics computer bound to one sinsp_t. */
struct sinsp_metrics;

/*
 * The figures. Indexes into delta[]/total[] of struct sinsp_metrics_values; new ones are
 * appended (the arrays have room for SINSP_METRICS_SLOTS).
 */
enum sinsp_metric {
	SINSP_METRIC_CPU_NS = 0,           /* CPU time, ns (counter) */
	SINSP_METRIC_MEMORY_BYTES,         /* memory in use, bytes (gauge) */
	SINSP_METRIC_SYSCALLS,             /* system calls (counter) */
	SINSP_METRIC_SYSCALL_ERRORS,       /* failed system calls (counter) */
	SINSP_METRIC_FILE_READ_BYTES,      /* bytes read from files (counter) */
	SINSP_METRIC_FILE_WRITE_BYTES,     /* bytes written to files (counter) */
	SINSP_METRIC_NET_IN_BYTES,         /* bytes received on IP sockets (counter) */
	SINSP_METRIC_NET_OUT_BYTES,        /* bytes sent on IP sockets (counter) */
	SINSP_METRIC_CONNECTIONS,          /* connections opened, in and out (counter) */
	SINSP_METRIC_PROCESSES,            /* processes started (counter) */
	SINSP_METRIC_FILES_OPENED,         /* files opened (counter) */
	SINSP_METRIC_COUNT /* non-ABI */
};

/* Room of the value arrays (ABI: never changes; SINSP_METRIC_COUNT stays below it). */
#define SINSP_METRICS_SLOTS 32

/* Most empty intervals a gap in the events reports (see the top of this file). */
#define SINSP_METRICS_MAX_GAP 3600

/**
 * sinsp_metric_name() - the figure's name in snake case, as the JSON lines and the
 * Prometheus series use it: "cpu_ns", "memory_bytes", "syscalls", "syscall_errors",
 * "file_read_bytes", "file_write_bytes", "net_in_bytes", "net_out_bytes",
 * "connections", "processes", "files_opened". Static storage; NULL out of range.
 */
SINSP_API const char *sinsp_metric_name(enum sinsp_metric m);

/** sinsp_metric_is_gauge() - true for a gauge (MEMORY_BYTES), false for a counter. */
SINSP_API bool sinsp_metric_is_gauge(enum sinsp_metric m);

/* Where an entity's CPU or memory figure comes from. */
enum sinsp_metrics_source {
	SINSP_METRICS_SRC_NONE = 0,     /* not available: the figure is 0 and means nothing */
	SINSP_METRICS_SRC_CGROUP,       /* the container's cgroup accounting (sampled) */
	SINSP_METRICS_SRC_PROCFS,       /* /proc of the process or the host (sampled) */
	SINSP_METRICS_SRC_ENGINE,       /* events: procinfo (CPU), vm_rss of execve/clone (memory) */
};

/** sinsp_metrics_source_name() - "none", "cgroup", "procfs", "engine"; NULL out of range. */
SINSP_API const char *sinsp_metrics_source_name(enum sinsp_metrics_source src);

/* The figures of one entity for one interval. */
struct sinsp_metrics_values {
	uint64_t delta[SINSP_METRICS_SLOTS]; /* this interval (gauge: value at its end) */
	uint64_t total[SINSP_METRICS_SLOTS]; /* since the entity was first seen (gauge: as delta) */
	enum sinsp_metrics_source cpu_source;
	enum sinsp_metrics_source mem_source;
};

/* One container (or the host) for the interval. */
struct sinsp_metrics_container {
	size_t sz;                  /* caller: sizeof(struct sinsp_metrics_container) */
	const char *id;             /* container.id; "host" for the host entity */
	const char *name;           /* container.name; "" when unknown (host: the host name
	                               is the caller's) */
	const char *image;          /* container.image; "" when unknown */
	const char *type_name;      /* container.type ("docker", ...); "host" for the host */
	uint32_t nprocesses;        /* processes of it alive at the interval's end */
	uint64_t first_seen_ns;     /* start of the interval it was first seen in, ns since
	                               the epoch (when total[] began) */
	bool exited;                /* last report: the entry is removed after this interval */
	struct sinsp_metrics_values v;
	const char *source;         /* a capture that merges several hosts: the host it is on
	                               (scap_evt_source()); else NULL */
};

/* One process (thread group) for the interval. */
struct sinsp_metrics_process {
	size_t sz;                  /* caller: sizeof(struct sinsp_metrics_process) */
	int64_t pid;                /* process id, host pid namespace */
	int64_t ppid;               /* parent process id; -1 unknown */
	const char *comm;           /* proc.name; "" unknown (exited: as at its exit) */
	const char *exe;            /* proc.exepath (else proc.exe); "" unknown (exited: as
	                               at its exit) */
	const char *container_id;   /* container.id; "host" outside containers */
	uint32_t nthreads;          /* threads of the process */
	uint64_t first_seen_ns;     /* start of the interval it was first seen in */
	bool exited;                /* its main thread exited in this interval: last report */
	struct sinsp_metrics_values v;
	const char *source;         /* a capture that merges several hosts: the host it is on
	                               (scap_evt_source()); else NULL */
};

/* The interval just closed. */
struct sinsp_metrics_interval_info {
	size_t sz;                  /* caller: sizeof(struct sinsp_metrics_interval_info) */
	uint64_t index;             /* 0 for the first interval; +1 each (more after a gap
	                               longer than SINSP_METRICS_MAX_GAP intervals) */
	uint64_t start_ns, end_ns;  /* event time, ns since the epoch; end - start = interval_ns */
	uint64_t events;            /* events counted in it (all entities) */
	uint32_t ncontainers;       /* container entries reported (the host not included) */
	uint32_t nprocesses;        /* process entries reported */
	bool sampled;               /* the system accounting was sampled at its close */
	uint64_t close_ns;          /* time its close took (CLOCK_MONOTONIC ns): sampling,
	                               folding, spikes; interval_fn not included */
};

/*
 * What the system accounting gives for one cgroup, process or the host: cumulative CPU
 * time and memory in use now. Set has_* for what was read.
 */
struct sinsp_metrics_sample {
	size_t sz;                  /* set by the library before the call */
	uint64_t cpu_ns;            /* CPU time since the cgroup/process/boot began, ns */
	uint64_t mem_bytes;         /* memory in use, bytes */
	bool has_cpu, has_mem;
};

/*
 * A reader of the system accounting, for callers that read it their own way (tests,
 * another host's files). Each function returns 0 (with what it could read flagged in
 * *out) or a negative errno (nothing read: the figure is not available this interval).
 * A NULL function reads nothing of that kind.
 */
struct sinsp_metrics_sampler {
	size_t sz;                  /* sizeof(struct sinsp_metrics_sampler) */
	/* a container: @cgroups is one of its processes' cgroups ("subsys=path" strings,
	 * NUL separated, @len bytes, as sinsp_thread_info.cgroups), each path cut after the
	 * component that names the container (so it is the container's cgroup, not a
	 * sub-cgroup a process moved to) */
	int (*cgroup)(void *ctx, const char *cgroups, size_t len, struct sinsp_metrics_sample *out);
	/* a process, by host pid */
	int (*process)(void *ctx, int64_t pid, struct sinsp_metrics_sample *out);
	/* the whole machine */
	int (*host)(void *ctx, struct sinsp_metrics_sample *out);
	void *ctx;
};

/* Called when an interval closes; read it with the functions below. */
typedef void (*sinsp_metrics_interval_fn)(struct sinsp_metrics *m, void *ctx);

/* Options of sinsp_metrics_new(). */
struct sinsp_metrics_opts {
	size_t sz;                  /* sizeof(struct sinsp_metrics_opts) */
	uint64_t interval_ns;       /* interval length, ns; 0: 1 s. At least 1 ms. */
	/*
	 * Read the system's accounting at each interval close (live capture only: the
	 * library reads no file unless asked): the cgroups of the containers (v2
	 * cpu.stat + memory.current, v1 cpuacct.usage + memory.usage_in_bytes under
	 * cgroup_root), /proc/PID/stat of every process, /proc/stat + /proc/meminfo.
	 */
	bool sample_system;
	const char *proc_root;      /* default "/proc"; copied */
	const char *cgroup_root;    /* default "/sys/fs/cgroup" (v2 there, or v1 hierarchies
	                               in its sub-folders, hybrid "unified" understood); copied */
	bool sample_processes;      /* with sample_system: also each process (one read of
	                               /proc/PID/stat a process an interval); off:
	                               processes get CPU from procinfo events only */
	const struct sinsp_metrics_sampler *sampler; /* instead of sample_system's reader;
	                               copied; NULL: none (or sample_system's) */
	sinsp_metrics_interval_fn interval_fn; /* may be NULL (poll with the readers) */
	void *ctx;                  /* passed to interval_fn */
};
#define sinsp_metrics_opts__last_field ctx

/**
 * sinsp_metrics_new() - create a metrics computer on @s. The processes of @s's thread
 * table are entered at once (so a live capture starts with the running processes).
 * @s:    [in] inspector; must outlive the handle.
 * @opts: [in] options (NULL: defaults); not kept (strings copied).
 * @out:  [out] the handle; free with sinsp_metrics_free().
 * Return: 0; -EINVAL a NULL argument, sz too small, interval below 1 ms or unknown
 * non-zero bytes after the known fields; -ENOMEM.
 */
SINSP_API int sinsp_metrics_new(sinsp_t *s, const struct sinsp_metrics_opts *opts,
				struct sinsp_metrics **out);

/**
 * sinsp_metrics_add() - count one event (the one sinsp_next() just returned, state
 * applied). Closes the intervals the event's time has passed first (interval_fn runs
 * inside this call).
 * @m: [in] handle.  @evt: [in] event; hidden events (sinsp_evt_is_hidden()) are fine:
 *     they count where they are syscalls (procinfo events give CPU).
 * Cost: a hash lookup by process id; no allocation but for a process seen first.
 */
SINSP_API void sinsp_metrics_add(struct sinsp_metrics *m, struct sinsp_evt *evt);

/**
 * sinsp_metrics_tick() - the time is now @now_ns (ns since the epoch: live, the wall
 * clock; replay, nothing is needed): close the intervals that ended at or before it.
 * Return: the number of intervals closed (0 when none).
 */
SINSP_API unsigned sinsp_metrics_tick(struct sinsp_metrics *m, uint64_t now_ns);

/**
 * sinsp_metrics_flush() - close the open interval now, even if it has not ended (the
 * end of a replay: its last partial interval), reported as a whole interval (end_ns =
 * start_ns + interval_ns).
 * Return: 1 an interval closed; 0 nothing was open.
 */
SINSP_API unsigned sinsp_metrics_flush(struct sinsp_metrics *m);

/**
 * sinsp_metrics_use_engine_counts() - take the calls, failures and file and network
 * bytes of the syscalls a live capture leaves out of its syscall set from the engine's
 * per-process counters (scap_set_counting(), turned on or off here; scry/scap_live.h):
 * at each interval close, what each process's counts grew by since the last close is
 * added to the process, its container and the host, as their events would have been
 * counted (both count by scap_syscall_count_class()); a process whose exit was seen, or
 * that the inspector does not have, is then deleted from the engine's table. The
 * figures stay those of a full capture when the capture's set holds
 * sinsp_metrics_syscalls(); a syscall that falls between two closes may be counted in
 * the interval before or after the one its event would have been.
 * @m:  [in] handle on a live capture.
 * @on: [in] true to use the counters; false stops (every syscall's event is then
 *      needed again: sinsp_metrics_syscalls()).
 * Return: 0; -EINVAL @m NULL; -ENOTSUP the engine has no per-process counters (the
 *         kernel module, a capture file): the metrics need every syscall's event.
 */
SINSP_API int sinsp_metrics_use_engine_counts(struct sinsp_metrics *m, bool on);

/**
 * sinsp_metrics_syscalls() - add to a syscall set the syscalls whose events the metrics
 * need: with the engine's counts (sinsp_metrics_use_engine_counts()), those that open
 * files (open, openat, openat2, creat, open_by_handle_at), connections (connect, accept,
 * accept4) and processes (clone, fork, vfork, clone3); without, every syscall (each
 * exit counts as a call).
 * @set: [in,out] SCAP_SYSCALL_SET_WORDS words (scry/scap_live.h's layout); bits are
 *       added, none cleared.
 * Return: 0; -EINVAL a NULL argument.
 */
SINSP_API int sinsp_metrics_syscalls(const struct sinsp_metrics *m, uint64_t *set);

/** sinsp_metrics_interval() - the interval that closed last. Return: 0; -ENOENT none yet. */
SINSP_API int sinsp_metrics_interval(struct sinsp_metrics *m, struct sinsp_metrics_interval_info *out);

/**
 * sinsp_metrics_host() - the whole machine in the interval that closed last (id "host").
 * @out: [out] view; out->sz set by the caller (bytes beyond it are not written).
 * Return: 0; -ENOENT no interval closed yet; -EINVAL NULL or sz too small.
 */
SINSP_API int sinsp_metrics_host(struct sinsp_metrics *m, struct sinsp_metrics_container *out);

/* Callbacks of the iterations: the view is valid during the call only; 0 continues, any
 * other value stops the iteration and is returned. */
typedef int (*sinsp_metrics_container_fn)(const struct sinsp_metrics_container *c, void *ctx);
typedef int (*sinsp_metrics_process_fn)(const struct sinsp_metrics_process *p, void *ctx);

/**
 * sinsp_metrics_host_foreach() - each host of the capture in the interval that closed
 * last (id "host"): one, as sinsp_metrics_host() gives it (source NULL), for a capture
 * of one host; for a capture that merges several (hosts read back from a bus), each
 * host apart, source set, in the order the capture named them (sinsp_metrics_host()
 * is then their sum). A host's CPU is what its procinfo events gave, its memory the
 * sum of its processes' (a merged capture is a replay: no sampling).
 * @fn: called with each view (valid during the call).
 * Return: 0 (also when no interval closed yet: no call); the callback's first non-zero
 * value; -EINVAL @m or @fn NULL.
 */
SINSP_API int sinsp_metrics_host_foreach(struct sinsp_metrics *m, sinsp_metrics_container_fn fn,
					 void *ctx);

/**
 * sinsp_metrics_container_foreach() - each container of the interval that closed last
 * (the host entity not included), in no order.
 * Return: 0; the callback's first non-zero value; -EINVAL a NULL argument.
 */
SINSP_API int sinsp_metrics_container_foreach(struct sinsp_metrics *m, sinsp_metrics_container_fn fn,
					      void *ctx);

/**
 * sinsp_metrics_container_get() - container @id in the interval that closed last.
 * @out: [out] view; out->sz set by the caller.
 * Return: 0; -ENOENT no such container entry; -EINVAL a NULL argument or sz too small.
 */
SINSP_API int sinsp_metrics_container_get(struct sinsp_metrics *m, const char *id,
					  struct sinsp_metrics_container *out);

/**
 * sinsp_metrics_process_foreach() - each process of the interval that closed last, in
 * no order; @container_id NULL: all of them, else those of that container ("host":
 * those outside containers).
 * Return: 0; the callback's first non-zero value; -EINVAL @m or @fn NULL.
 */
SINSP_API int sinsp_metrics_process_foreach(struct sinsp_metrics *m, const char *container_id,
					    sinsp_metrics_process_fn fn, void *ctx);

/**
 * sinsp_metrics_top_processes() - the @n processes of @container_id (NULL: all) with the
 * largest delta of @metric in the interval that closed last, largest first (ties: lower
 * pid first).
 * @out:  [out] up to @n process ids. @nout: [out] how many were written.
 * Return: 0; -EINVAL a NULL argument or @metric out of range.
 */
SINSP_API int sinsp_metrics_top_processes(struct sinsp_metrics *m, const char *container_id,
					  enum sinsp_metric metric, size_t n, int64_t *out,
					  size_t *nout);

/**
 * sinsp_metrics_process_get() - process @pid in the interval that closed last.
 * Return: 0; -ENOENT no such entry; -EINVAL a NULL argument or sz too small.
 */
SINSP_API int sinsp_metrics_process_get(struct sinsp_metrics *m, int64_t pid,
					struct sinsp_metrics_process *out);

/**
 * sinsp_metrics_process_find() - process @pid of host @source (the source of a capture
 * that merges several hosts, as views and scap_evt_source() name it; NULL: the first
 * host, the only one of other captures) in the interval that closed last.
 * sinsp_metrics_process_get() is this with @source NULL.
 * Return: 0; -ENOENT no such entry or host; -EINVAL a NULL argument or sz too small.
 */
SINSP_API int sinsp_metrics_process_find(struct sinsp_metrics *m, const char *source,
					 int64_t pid, struct sinsp_metrics_process *out);

/* ---- spikes ---------------------------------------------------------------------- */

/*
 * Spike detection, per container and figure (off until configured): an exponentially
 * weighted mean and variance of the figure's rate per second (CPU: seconds of CPU per
 * second, i.e. cores; memory: bytes) is kept for each container. After `warmup`
 * intervals of learning, an interval whose rate is above mean + k * stddev and at least
 * min_rate is anomalous; `n` anomalous intervals in a row raise one spike (reported by
 * sinsp_metrics_spike_foreach() in the interval that completes the run). Intervals
 * above mean + k * stddev do not update the baseline, whether they reach min_rate or not
 * (a spike, or the slow start of one, does not teach itself as normal); the episode ends
 * at the first interval at or below mean + k * stddev, and a new episode can then raise a
 * new spike. An episode longer than `warmup` intervals (past its spike, or below
 * min_rate all along) is taken as the new normal: the baseline restarts its warm-up
 * from the current values.
 * The weight of an interval is alpha, but 1/i for the i-th interval while 1/i > alpha
 * (so the first intervals give their plain mean and variance).
 */
struct sinsp_metrics_spike_config {
	size_t sz;                  /* sizeof(struct sinsp_metrics_spike_config) */
	bool enabled;
	double k;                   /* standard deviations above the mean; 0: 3 */
	uint32_t n;                 /* consecutive anomalous intervals; 0: 2 */
	uint32_t warmup;            /* intervals learnt before any spike; 0: 10 */
	double alpha;               /* weight of a new interval, (0, 1]; 0: 0.1 */
	double min_rate;            /* smallest rate (per second, figure's unit; CPU in
	                               cores) that can be a spike; 0: none */
	enum sinsp_priority priority; /* the alert's priority (0 is Emergency: set it) */
};

/**
 * sinsp_metrics_set_spike() - configure spike detection of @metric (all containers).
 * @c: [in] configuration; copied. enabled false turns it off (baselines dropped).
 * Return: 0; -EINVAL @metric out of range, alpha outside (0, 1], k or min_rate negative,
 * sz too small, priority out of range.
 */
SINSP_API int sinsp_metrics_set_spike(struct sinsp_metrics *m, enum sinsp_metric metric,
				      const struct sinsp_metrics_spike_config *c);

/**
 * sinsp_metrics_spike_rule() - the rule name of @metric's spikes: "Container CPU spike",
 * "Container memory spike", "Container syscall spike", "Container syscall error spike",
 * "Container file read spike", "Container file write spike", "Container network in
 * spike", "Container network out spike", "Container connection spike", "Container
 * process spike", "Container file open spike". Static storage; NULL out of range.
 */
SINSP_API const char *sinsp_metrics_spike_rule(enum sinsp_metric metric);

/* A spike raised at the close of the interval that closed last. */
struct sinsp_metrics_spike {
	size_t sz;                  /* caller: sizeof(struct sinsp_metrics_spike) */
	enum sinsp_metric metric;
	const char *rule;           /* sinsp_metrics_spike_rule(metric) */
	enum sinsp_priority priority;
	const struct sinsp_metrics_container *container; /* the container (id, name, image,
	                               figures), valid during the callback */
	double value;               /* the rate of this interval (per second; CPU in cores) */
	double mean, stddev;        /* the baseline it is compared with */
	double threshold;           /* max(mean + k * stddev, min_rate) */
	uint32_t intervals;         /* anomalous intervals in a row (= n) */
	uint64_t ts_ns;             /* end of the interval, ns since the epoch */
};

typedef int (*sinsp_metrics_spike_fn)(const struct sinsp_metrics_spike *sp, void *ctx);

/**
 * sinsp_metrics_spike_foreach() - the spikes raised at the close of the interval that
 * closed last: the containers in no order, each one's spikes in metric order.
 * Return: 0; the callback's first non-zero value; -EINVAL a NULL argument.
 */
SINSP_API int sinsp_metrics_spike_foreach(struct sinsp_metrics *m, sinsp_metrics_spike_fn fn,
					  void *ctx);

/** sinsp_metrics_free() - release @m. NULL is ignored. */
SINSP_API void sinsp_metrics_free(struct sinsp_metrics *m);

#ifdef __cplusplus
}
#endif
#endif /* SINSP_METRICS_H */

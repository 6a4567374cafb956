/* SPDX-License-Identifier: Apache-2.0 */
/*
 * runtime/lookup.c - the dispatcher of container metadata lookups (lookup.h): the
 * request queue, the worker thread, the results list and the counters.
 *
 * Locking: one mutex guards the queue, the results, the counters and the worker's
 * life; the worker drops it while a backend runs. s->runtime_ready is set (release)
 * by the worker after it appends a result and cleared by the event thread under the
 * mutex when it takes the results.
 */
#define _GNU_SOURCE /* clock_gettime, pthread_condattr_setclock */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <scry/sinsp_state.h>

#include "runtime/lookup.h"
#include "runtime/runtime.h"
#include "state/containers.h"

/* One container to ask about. */
struct rt_request {
	char id[SINSP_CONTAINER_ID_MAX + 1];      /* the table's key (container.id) */
	char full_id[SINSP_CONTAINER_ID_MAX + 1]; /* what the runtime knows it by */
	const struct sinsp_runtime_backend *backend;
	const char *socket;                        /* rt->sockets[backend row] */
	uint32_t attempts;                         /* calls made so far */
	uint64_t due_ns;                           /* CLOCK_MONOTONIC: not before */
	uint64_t start_ns;                         /* first call, for the latency */
};

/* One finished lookup, waiting for the event thread. */
struct rt_result {
	struct rt_result *next;
	char id[SINSP_CONTAINER_ID_MAX + 1];
	enum sinsp_container_type type; /* the answering runtime's (its backend row's first) */
	struct sinsp_container meta;
};

struct sinsp_runtime {
	pthread_mutex_t lock;
	pthread_cond_t wake;      /* worker: a request came, or stop */
	pthread_cond_t done;      /* sinsp_runtime_wait(): a lookup finished */
	pthread_t worker;
	bool running;             /* a worker is inside its loop */
	bool joinable;            /* a worker was started and not joined yet */
	bool stop;
	atomic_bool *ready;       /* &s->runtime_ready */
	struct rt_request queue[SINSP_RUNTIME_QUEUE_MAX];
	uint32_t nqueue;
	struct rt_result *results, **results_tail;
	long timeout_ms;
	char **sockets;           /* per backend row: the socket asked, NULL: row off */
	struct sinsp_runtime_stats st;
};

static uint64_t mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static struct timespec mono_abs(uint64_t ns)
{
	return (struct timespec){ .tv_sec = (time_t)(ns / 1000000000u), .tv_nsec = (long)(ns % 1000000000u) };
}

/* Default: ask the runtimes only when capturing live (never when replaying a capture:
 * today's runtimes know nothing of its containers; its container events describe them). */
static bool lookups_on(const struct sinsp *s, const struct sinsp_open_opts *opts)
{
	const char *engine = scap_engine_name(s->scap);
	enum sinsp_runtime_lookups mode = SINSP_RUNTIME_LOOKUPS_DEFAULT;

	if (opts->sz >= offsetof(struct sinsp_open_opts, runtime_lookups) + sizeof(opts->runtime_lookups))
		mode = opts->runtime_lookups;
	if (mode == SINSP_RUNTIME_LOOKUPS_DEFAULT)
		return strcmp(engine, "kmod") == 0 || strcmp(engine, "bpf") == 0;
	return mode == SINSP_RUNTIME_LOOKUPS_ON;
}

int sinsp_runtime_new(struct sinsp *s, const struct sinsp_open_opts *opts)
{
	const struct sinsp_runtime_socket *over = NULL;
	struct sinsp_runtime *rt;
	pthread_condattr_t ca;
	uint32_t nover = 0, i;
	size_t b;

	if (opts->sz >= offsetof(struct sinsp_open_opts, runtime_lookups) + sizeof(opts->runtime_lookups) &&
	    (unsigned)opts->runtime_lookups > SINSP_RUNTIME_LOOKUPS_ON)
		return sinsp_err(s, -EINVAL, "sinsp_open: unknown runtime_lookups %d", (int)opts->runtime_lookups);
	if (!lookups_on(s, opts))
		return 0;
	if (opts->sz >= offsetof(struct sinsp_open_opts, nruntime_sockets) + sizeof(opts->nruntime_sockets)) {
		over = opts->runtime_sockets;
		nover = over ? opts->nruntime_sockets : 0;
	}
	for (i = 0; i < nover; i++) {
		for (b = 0; b < sinsp_runtime_nbackends; b++)
			if (over[i].runtime && strcmp(over[i].runtime, sinsp_runtime_backends[b].name) == 0)
				break;
		if (b == sinsp_runtime_nbackends || !sinsp_runtime_backends[b].default_socket)
			return sinsp_err(s, -EINVAL, "sinsp_open: no container runtime \"%s\" with a socket",
					 over[i].runtime ? over[i].runtime : "(null)");
	}
	rt = calloc(1, sizeof(*rt));
	if (!rt || !(rt->sockets = calloc(sinsp_runtime_nbackends, sizeof(*rt->sockets)))) {
		free(rt);
		return sinsp_err(s, -ENOMEM, "sinsp_open: out of memory");
	}
	pthread_mutex_init(&rt->lock, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&rt->wake, &ca);
	pthread_cond_init(&rt->done, &ca);
	pthread_condattr_destroy(&ca);
	rt->results_tail = &rt->results;
	rt->ready = &s->runtime_ready;
	rt->st.sz = sizeof(rt->st);
	s->runtime = rt;
	for (b = 0; b < sinsp_runtime_nbackends; b++) {
		const char *path = sinsp_runtime_backends[b].default_socket;

		for (i = 0; i < nover; i++)
			if (strcmp(over[i].runtime, sinsp_runtime_backends[b].name) == 0)
				path = over[i].path; /* the last override wins; NULL or "" turns the row off */
		if (path && *path && !(rt->sockets[b] = strdup(path))) {
			sinsp_runtime_free(s);
			return sinsp_err(s, -ENOMEM, "sinsp_open: out of memory");
		}
	}
	rt->timeout_ms = SINSP_RUNTIME_TIMEOUT_MS;
	if (opts->sz >= offsetof(struct sinsp_open_opts, runtime_timeout_ms) + sizeof(opts->runtime_timeout_ms) &&
	    opts->runtime_timeout_ms)
		rt->timeout_ms = opts->runtime_timeout_ms;
	return 0;
}

/* Count a finished lookup (lock held). */
static void count_outcome(struct sinsp_runtime *rt, const struct rt_request *r, int rc)
{
	uint64_t ns = mono_ns() - r->start_ns;

	if (rc == 0)
		rt->st.ok++;
	else if (rc == -ETIMEDOUT)
		rt->st.timed_out++;
	else
		rt->st.failed++;
	if (rc == -ENOENT)
		rt->st.not_found++;
	rt->st.pending--;
	rt->st.lookups_timed++;
	rt->st.lookup_ns_total += ns;
	if (ns > rt->st.lookup_ns_max)
		rt->st.lookup_ns_max = ns;
	pthread_cond_broadcast(&rt->done);
}

/* Queue a result (lock held) and tell the event thread. */
static void push_result(struct sinsp_runtime *rt, struct rt_result *res)
{
	res->next = NULL;
	*rt->results_tail = res;
	rt->results_tail = &res->next;
	atomic_store_explicit(rt->ready, true, memory_order_release);
}

/* Index of the request due first, and whether it is due now (lock held). */
static uint32_t next_due(struct sinsp_runtime *rt, uint64_t now, bool *due)
{
	uint32_t i, best = 0;

	for (i = 1; i < rt->nqueue; i++)
		if (rt->queue[i].due_ns < rt->queue[best].due_ns)
			best = i;
	*due = rt->queue[best].due_ns <= now;
	return best;
}

/* Call the backend for r, without the lock; then file the outcome under it. */
static void run_one(struct sinsp_runtime *rt, struct rt_request *r)
{
	struct rt_result *res = calloc(1, sizeof(*res));
	char err[256] = "";
	int rc;

	pthread_mutex_unlock(&rt->lock);
	if (!res)
		rc = -ENOMEM;
	else
		rc = r->backend->lookup(r->socket, r->full_id, rt->timeout_ms, &res->meta, err, sizeof(err));
	pthread_mutex_lock(&rt->lock);
	r->attempts++;
	rt->st.attempts++;
	if (rc && rc != -ENOENT && r->attempts < SINSP_RUNTIME_ATTEMPTS && !rt->stop &&
	    rt->nqueue < SINSP_RUNTIME_QUEUE_MAX) {
		uint64_t backoff = (uint64_t)SINSP_RUNTIME_BACKOFF_MS * 1000000u;
		uint32_t i;

		for (i = 1; i < r->attempts; i++)
			backoff *= 4;
		r->due_ns = mono_ns() + backoff;
		rt->queue[rt->nqueue++] = *r;
		rt->st.retries++;
		if (res)
			sinsp_container_release(&res->meta);
		free(res);
		return;
	}
	count_outcome(rt, r, rc);
	if (rc == 0) {
		memcpy(res->id, r->id, sizeof(res->id));
		res->type = r->backend->types[0];
		push_result(rt, res);
		return;
	}
	if (res)
		sinsp_container_release(&res->meta);
	free(res);
}

/* The worker: run due requests until the queue is empty (or stop), then end. */
static void *worker_main(void *arg)
{
	struct sinsp_runtime *rt = arg;

	pthread_mutex_lock(&rt->lock);
	while (!rt->stop && rt->nqueue) {
		uint64_t now = mono_ns();
		bool due;
		uint32_t i = next_due(rt, now, &due);
		struct rt_request r;

		if (!due) {
			struct timespec ts = mono_abs(rt->queue[i].due_ns);

			pthread_cond_timedwait(&rt->wake, &rt->lock, &ts);
			continue;
		}
		r = rt->queue[i];
		rt->queue[i] = rt->queue[--rt->nqueue];
		run_one(rt, &r);
	}
	rt->running = false;
	pthread_mutex_unlock(&rt->lock);
	return NULL;
}

/* Make sure a worker runs (lock held). Signals stay with the caller's threads. */
static void start_worker(struct sinsp_runtime *rt)
{
	sigset_t all, old;

	if (rt->running) {
		pthread_cond_signal(&rt->wake);
		return;
	}
	if (rt->joinable) {
		/* the last worker has left its loop (running false): this returns at once */
		pthread_join(rt->worker, NULL);
		rt->joinable = false;
	}
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	if (pthread_create(&rt->worker, NULL, worker_main, rt) == 0)
		rt->running = rt->joinable = true;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
}

/* The backend row of a type, NULL when no runtime is asked about it. */
static size_t backend_of(enum sinsp_container_type type)
{
	size_t b, i;

	for (b = 0; b < sinsp_runtime_nbackends; b++)
		for (i = 0; i < SINSP_RUNTIME_MAX_TYPES && sinsp_runtime_backends[b].types[i] != SINSP_CT_HOST; i++)
			if (sinsp_runtime_backends[b].types[i] == type)
				return b;
	return b;
}

/* A row without socket: answered here, on the event thread (no I/O by contract). */
static void answer_now(struct sinsp *s, struct sinsp_container *c, const struct sinsp_runtime_backend *be)
{
	struct sinsp_container meta = { 0 };
	char err[128] = "";
	int rc = be->lookup(NULL, c->full_id ? c->full_id : c->id, 0, &meta, err, sizeof(err));

	pthread_mutex_lock(&s->runtime->lock);
	s->runtime->st.requested++;
	s->runtime->st.attempts++;
	if (rc == 0)
		s->runtime->st.ok++;
	else
		s->runtime->st.failed++;
	pthread_mutex_unlock(&s->runtime->lock);
	if (rc == 0) {
		sinsp_container_move_meta(c, &meta);
		sinsp_container_changed(s, c);
	}
	sinsp_container_release(&meta);
}

static void request(struct sinsp *s, struct sinsp_container *c)
{
	struct sinsp_runtime *rt = s->runtime;
	size_t b = backend_of(c->type);
	const char *full = c->full_id ? c->full_id : c->id;
	struct rt_request *r;
	struct stat sb;

	if (b == sinsp_runtime_nbackends || c->has_metadata)
		return;
	if (!sinsp_runtime_backends[b].default_socket) {
		answer_now(s, c, &sinsp_runtime_backends[b]);
		return;
	}
	if (!rt->sockets[b])
		return; /* this runtime is not asked (socket override "") */
	pthread_mutex_lock(&rt->lock);
	rt->st.requested++;
	/* no socket at all: fail now, no retries (the runtime is not installed or down) */
	if (stat(rt->sockets[b], &sb) != 0) {
		rt->st.failed++;
		pthread_mutex_unlock(&rt->lock);
		return;
	}
	if (rt->nqueue == SINSP_RUNTIME_QUEUE_MAX) {
		rt->st.failed++;
		rt->st.dropped++;
		pthread_mutex_unlock(&rt->lock);
		return;
	}
	r = &rt->queue[rt->nqueue++];
	memset(r, 0, sizeof(*r));
	snprintf(r->id, sizeof(r->id), "%s", c->id);
	snprintf(r->full_id, sizeof(r->full_id), "%s", full);
	r->backend = &sinsp_runtime_backends[b];
	r->socket = rt->sockets[b];
	r->start_ns = r->due_ns = mono_ns();
	rt->st.pending++;
	start_worker(rt);
	pthread_mutex_unlock(&rt->lock);
}

void sinsp_runtime_request_added(struct sinsp *s)
{
	uint32_t i;

	for (i = 0; i < s->nadded; i++)
		if (s->runtime)
			request(s, s->added[i]);
	s->nadded = 0;
}

void sinsp_runtime_apply(struct sinsp *s)
{
	struct sinsp_runtime *rt = s->runtime;
	struct rt_result *res, *next;

	if (!rt)
		return;
	pthread_mutex_lock(&rt->lock);
	res = rt->results;
	rt->results = NULL;
	rt->results_tail = &rt->results;
	atomic_store_explicit(&s->runtime_ready, false, memory_order_relaxed);
	pthread_mutex_unlock(&rt->lock);
	for (; res; res = next) {
		struct sinsp_container *c = sinsp_container_entry(s, res->id);

		next = res->next;
		if (c) {
			/* a kubepods path names no runtime: the one that answered is the type */
			if (c->type == SINSP_CT_CRI)
				c->type = res->type;
			sinsp_container_move_meta(c, &res->meta);
			sinsp_container_changed(s, c);
		}
		sinsp_container_release(&res->meta);
		free(res);
	}
}

void sinsp_runtime_wait(struct sinsp *s, uint32_t max_ms)
{
	struct sinsp_runtime *rt = s->runtime;
	struct timespec end;

	if (!rt)
		return;
	sinsp_runtime_request_added(s);
	end = mono_abs(mono_ns() + (uint64_t)max_ms * 1000000u);
	pthread_mutex_lock(&rt->lock);
	while (rt->st.pending && pthread_cond_timedwait(&rt->done, &rt->lock, &end) != ETIMEDOUT)
		;
	pthread_mutex_unlock(&rt->lock);
	sinsp_runtime_apply(s);
}

void sinsp_runtime_free(struct sinsp *s)
{
	struct sinsp_runtime *rt = s->runtime;
	struct rt_result *res, *next;
	size_t b;

	if (!rt)
		return;
	pthread_mutex_lock(&rt->lock);
	rt->stop = true;
	pthread_cond_broadcast(&rt->wake);
	pthread_mutex_unlock(&rt->lock);
	/* a backend call in progress ends within its timeout */
	if (rt->joinable)
		pthread_join(rt->worker, NULL);
	for (res = rt->results; res; res = next) {
		next = res->next;
		sinsp_container_release(&res->meta);
		free(res);
	}
	for (b = 0; b < sinsp_runtime_nbackends; b++)
		free(rt->sockets[b]);
	free(rt->sockets);
	pthread_cond_destroy(&rt->wake);
	pthread_cond_destroy(&rt->done);
	pthread_mutex_destroy(&rt->lock);
	free(rt);
	s->runtime = NULL;
}

int sinsp_runtime_stats(sinsp_t *s, struct sinsp_runtime_stats *out)
{
	size_t n;

	if (!s || !out || out->sz < sizeof(size_t))
		return -EINVAL;
	n = out->sz < sizeof(*out) ? out->sz : sizeof(*out);
	if (!s->runtime) {
		memset((char *)out + sizeof(size_t), 0, n - sizeof(size_t));
		return 0;
	}
	pthread_mutex_lock(&s->runtime->lock);
	memcpy((char *)out + sizeof(size_t), (char *)&s->runtime->st + sizeof(size_t), n - sizeof(size_t));
	pthread_mutex_unlock(&s->runtime->lock);
	return 0;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * dump_gzip.c - the gzip side of the dumper: every buffer the dumper hands over becomes
 * one gzip member (RFC 1952), compressed by libdeflate, and the members are written to
 * the file in the order they were handed over. A file is thus a series of members,
 * which gzread(), gzip -d and every scap reader decompress as one stream; each member
 * holds whole blocks, so a file cut after any member is a valid capture.
 *
 * Compression runs on worker threads (one per CPU the process may run on, at most
 * DUMP_GZ_MAX_THREADS) when dump_gz_start() asked for them, started at the first
 * buffer handed over to them (a dumper that never hands one over, a small capture
 * chunk, starts none), else on the caller's thread at each hand-over. With workers,
 * up to SCAP_DUMP_QUEUE buffers are in flight: the caller's thread fills the next
 * buffer while the workers compress the previous ones side by side. Whichever worker
 * finishes the oldest member writes it and every member finished after it, so the
 * file grows in order and nobody waits for a turn.
 *
 * A buffer the caller waits for anyway (scap_dump_flush(), close) is compressed on
 * the caller's thread once the members in flight are written: handing it to a worker
 * and sleeping until it is done costs two wake-ups for the same compression (a
 * capture chunk measured at each of its last ~20 members: bench/collect).
 *
 * Ownership: the queue fields are shared under mu. A job's buffers belong to the worker
 * that took it until it is done, then to the writing worker, then (slot free) to the
 * caller's thread, which swaps its full buffer into a free slot. The output side of the
 * dumper (fd, out_off) belongs to the one writing worker (writing set under mu), or to
 * the caller's thread when no job is in flight.
 */
#define _GNU_SOURCE /* sched_getaffinity, CPU_COUNT */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libdeflate.h>

#include "dump_int.h"

/* Workers at most: the caller's thread assembling buffers keeps up with about four. */
#define DUMP_GZ_MAX_THREADS 4

struct dump_gz_job {
	uint8_t *in;                /* blocks handed over, starting on a boundary */
	size_t in_len, in_cap;
	uint8_t *out;               /* the member compressed from them */
	size_t out_len, out_cap;
	bool done;                  /* compressed (or failed), waiting to be written */
};

struct dump_gz_worker {
	struct dump_gz *g;
	struct libdeflate_compressor *c;
	pthread_t thread;
};

struct dump_gz {
	struct scap_dumper *d;
	int level;
	struct libdeflate_compressor *own;  /* the caller's thread's (no workers) */
	uint8_t *out;                       /* its member */
	size_t out_cap;
	unsigned nthreads;                  /* workers running; 0: the caller compresses */
	size_t start_cap;                   /* workers asked for, with buffers of this many
	                                       bytes, not started yet (0: none) */
	struct dump_gz_worker w[DUMP_GZ_MAX_THREADS];
	pthread_mutex_t mu;
	pthread_cond_t job_cv;              /* a job was handed over, or quit */
	pthread_cond_t room_cv;             /* a job was written (or dropped) */
	struct dump_gz_job job[SCAP_DUMP_QUEUE];
	/* jobs ever handed over / taken by a worker / written or dropped, in that order:
	 * written <= taken <= handed <= written + SCAP_DUMP_QUEUE; job n is job[n % QUEUE] */
	uint64_t handed, taken, written;
	bool writing;                       /* a worker is writing members */
	bool quit;
	int err;                            /* first error of a worker, 0 when none */
	char errbuf[SCAP_ERRBUF_SIZE];
};

/*
 * Compress @len bytes at @in into one gzip member in *out (*cap bytes, grown to the
 * bound when smaller). Return the member's size, or 0 with *err set (-ENOMEM, -EIO).
 */
static size_t member(struct libdeflate_compressor *c, const uint8_t *in, size_t len,
		     uint8_t **out, size_t *cap, int *err)
{
	size_t bound = libdeflate_gzip_compress_bound(c, len);
	size_t n;

	if (*cap < bound) {
		/* not realloc(): the old member need not be copied */
		uint8_t *p = malloc(bound);

		if (!p) {
			*err = -ENOMEM;
			return 0;
		}
		free(*out);
		*out = p;
		*cap = bound;
	}
	n = libdeflate_gzip_compress(c, in, len, *out, *cap);
	if (!n)
		*err = -EIO; /* cannot happen with a buffer of the bound */
	return n;
}

/* Record a worker's first error (under mu). */
static void worker_fail(struct dump_gz *g, int code, const char *ebuf)
{
	if (g->err)
		return;
	g->err = code;
	if (ebuf)
		memcpy(g->errbuf, ebuf, sizeof(g->errbuf));
	else
		snprintf(g->errbuf, sizeof(g->errbuf), "compressing %.200s (gzip): %s", g->d->path,
			 strerror(-code));
}

/* Under mu, by the one writing worker: write the oldest members while they are done. */
static void write_done_members(struct dump_gz *g)
{
	char ebuf[SCAP_ERRBUF_SIZE];

	while (g->written < g->taken && g->job[g->written % SCAP_DUMP_QUEUE].done) {
		struct dump_gz_job *j = &g->job[g->written % SCAP_DUMP_QUEUE];
		/* after an error the members are dropped: the file keeps its valid prefix */
		bool drop = g->err != 0;
		int rc = 0;

		pthread_mutex_unlock(&g->mu);
		if (!drop)
			rc = scap_dump_write_fd(g->d, j->out, j->out_len, true, ebuf);
		pthread_mutex_lock(&g->mu);
		if (rc)
			worker_fail(g, rc, ebuf);
		j->done = false;
		g->written++;
		pthread_cond_broadcast(&g->room_cv);
	}
}

static void *worker_main(void *arg)
{
	struct dump_gz_worker *w = arg;
	struct dump_gz *g = w->g;

	pthread_mutex_lock(&g->mu);
	for (;;) {
		struct dump_gz_job *j;
		bool skip;
		int err = 0;

		while (g->taken == g->handed && !g->quit)
			pthread_cond_wait(&g->job_cv, &g->mu);
		if (g->taken == g->handed)
			break;
		j = &g->job[g->taken++ % SCAP_DUMP_QUEUE];
		skip = g->err != 0;
		pthread_mutex_unlock(&g->mu);
		if (!skip)
			j->out_len = member(w->c, j->in, j->in_len, &j->out, &j->out_cap, &err);
		pthread_mutex_lock(&g->mu);
		if (err)
			worker_fail(g, err, NULL);
		j->done = true;
		if (!g->writing) {
			g->writing = true;
			write_done_members(g);
			g->writing = false;
		}
	}
	pthread_mutex_unlock(&g->mu);
	return NULL;
}

/* Copy the workers' error into d (under mu); returns it. */
static int take_err_locked(struct scap_dumper *d, struct dump_gz *g)
{
	if (g->err && !d->err) {
		d->err = g->err;
		memcpy(d->errbuf, g->errbuf, sizeof(d->errbuf));
	}
	return g->err;
}

int dump_gz_open(struct scap_dumper *d, int level)
{
	struct dump_gz *g = calloc(1, sizeof(*g));

	if (!g)
		return scap_dump_err(d, -ENOMEM, "gzip stream for %s", d->path);
	g->d = d;
	g->level = level;
	g->own = libdeflate_alloc_compressor(level);
	if (!g->own) {
		free(g);
		return scap_dump_err(d, -ENOMEM, "gzip stream for %s", d->path);
	}
	d->gz = g;
	return 0;
}

/* CPUs this process may run on (at least 1). */
static unsigned cpus_usable(void)
{
	cpu_set_t set;
	int n;

	if (sched_getaffinity(0, sizeof(set), &set) != 0)
		return 1;
	n = CPU_COUNT(&set);
	return n > 0 ? (unsigned)n : 1;
}

static void jobs_free(struct dump_gz *g)
{
	for (unsigned i = 0; i < SCAP_DUMP_QUEUE; i++) {
		free(g->job[i].in);
		free(g->job[i].out);
		g->job[i].in = g->job[i].out = NULL;
	}
}

/* Start the workers with buffers of @cap bytes; none when that fails. */
static void workers_start(struct dump_gz *g, size_t cap)
{
	unsigned want = cpus_usable(), i;
	sigset_t all, old;

	if (want > DUMP_GZ_MAX_THREADS)
		want = DUMP_GZ_MAX_THREADS;
	for (i = 0; i < SCAP_DUMP_QUEUE; i++) {
		g->job[i].in = malloc(cap);
		g->job[i].in_cap = cap;
		if (!g->job[i].in) {
			jobs_free(g);
			return;
		}
	}
	for (i = 0; i < want; i++) {
		g->w[i].g = g;
		g->w[i].c = libdeflate_alloc_compressor(g->level);
		if (!g->w[i].c)
			break;
	}
	want = i;
	if (!want || pthread_mutex_init(&g->mu, NULL)) {
		for (i = 0; i < want; i++)
			libdeflate_free_compressor(g->w[i].c);
		jobs_free(g);
		return;
	}
	pthread_cond_init(&g->job_cv, NULL);
	pthread_cond_init(&g->room_cv, NULL);
	/* signals (SIGINT, SIGTERM) stay with the caller's threads */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	for (i = 0; i < want; i++)
		if (pthread_create(&g->w[i].thread, NULL, worker_main, &g->w[i]))
			break;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	g->nthreads = i;
	for (; i < want; i++)
		libdeflate_free_compressor(g->w[i].c);
	if (!g->nthreads) {
		pthread_cond_destroy(&g->job_cv);
		pthread_cond_destroy(&g->room_cv);
		pthread_mutex_destroy(&g->mu);
		jobs_free(g);
	}
}

void dump_gz_start(struct scap_dumper *d, size_t cap)
{
	d->gz->start_cap = cap;
}

int dump_gz_put(struct scap_dumper *d, bool now)
{
	struct dump_gz *g = d->gz;
	struct dump_gz_job *j;
	uint8_t *b;
	size_t c;
	int rc = 0;

	if (!now && g->start_cap) {
		workers_start(g, g->start_cap);
		g->start_cap = 0;
	}
	if (now || !g->nthreads) {
		size_t n;

		/* the members in flight go first: then the output side is ours */
		rc = g->nthreads ? dump_gz_sync(d) : 0;
		if (rc)
			return rc;
		n = member(g->own, d->buf, d->len, &g->out, &g->out_cap, &rc);

		if (!n)
			return scap_dump_err(d, rc, "compressing %s (gzip)", d->path);
		return scap_dump_write_fd(d, g->out, n, true, d->errbuf);
	}
	pthread_mutex_lock(&g->mu);
	while (g->handed - g->written == SCAP_DUMP_QUEUE && !g->err)
		pthread_cond_wait(&g->room_cv, &g->mu);
	rc = take_err_locked(d, g);
	if (!rc) {
		j = &g->job[g->handed % SCAP_DUMP_QUEUE];
		b = j->in;
		c = j->in_cap;
		j->in = d->buf;
		j->in_cap = d->cap;
		j->in_len = d->len;
		d->buf = b;
		d->cap = c;
		g->handed++;
		pthread_cond_signal(&g->job_cv);
	}
	pthread_mutex_unlock(&g->mu);
	return rc;
}

int dump_gz_sync(struct scap_dumper *d)
{
	struct dump_gz *g = d->gz;
	int rc;

	if (!g->nthreads)
		return d->err;
	pthread_mutex_lock(&g->mu);
	while (g->written != g->handed)
		pthread_cond_wait(&g->room_cv, &g->mu);
	rc = take_err_locked(d, g);
	pthread_mutex_unlock(&g->mu);
	return rc ? rc : d->err;
}

void dump_gz_close(struct scap_dumper *d)
{
	struct dump_gz *g = d->gz;

	if (!g)
		return;
	if (g->nthreads) {
		dump_gz_sync(d);
		pthread_mutex_lock(&g->mu);
		g->quit = true;
		pthread_cond_broadcast(&g->job_cv);
		pthread_mutex_unlock(&g->mu);
		for (unsigned i = 0; i < g->nthreads; i++) {
			pthread_join(g->w[i].thread, NULL);
			libdeflate_free_compressor(g->w[i].c);
		}
		pthread_cond_destroy(&g->job_cv);
		pthread_cond_destroy(&g->room_cv);
		pthread_mutex_destroy(&g->mu);
		jobs_free(g);
	}
	libdeflate_free_compressor(g->own);
	free(g->out);
	free(g);
	d->gz = NULL;
}

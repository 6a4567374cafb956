/* SPDX-License-Identifier: Apache-2.0 */
/*
 * output.c - bounded queues and writer threads of scryd's outputs (see output.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "log.h"
#include "output.h"

struct line {
	char *buf;
	size_t len;
	int prio;
};

struct scryd_output {
	char *name;
	const struct scryd_sink_ops *ops;
	void *priv;
	/* the queue: a ring of cap lines, count of them from head */
	pthread_mutex_t mu;
	pthread_cond_t nonempty, nonfull;
	struct line *ring;
	uint32_t cap, head, count;
	bool closing;
	bool running;               /* the writer thread exists */
	pthread_t thread;
	struct scryd_output_stats st;
	int first_error;
};

int scryd_write_all(int fd, const char *p, size_t len)
{
	while (len) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

static void *writer(void *arg)
{
	struct scryd_output *o = arg;
	bool reported = false;
	int rc;

	if (o->ops->start && (rc = o->ops->start(o->priv)) != 0)
		/* the sink writes nothing: each line fails and is counted */
		scryd_log(SCRYD_LOG_ERROR, "%s: start: %s", o->name, strerror(-rc));
	pthread_mutex_lock(&o->mu);
	for (;;) {
		struct line l;

		while (!o->count && !o->closing)
			pthread_cond_wait(&o->nonempty, &o->mu);
		if (!o->count)
			break;
		l = o->ring[o->head];
		o->head = (o->head + 1) % o->cap;
		o->count--;
		pthread_cond_signal(&o->nonfull);
		pthread_mutex_unlock(&o->mu);
		rc = o->ops->write(o, o->priv, l.buf, l.len, l.prio);
		free(l.buf);
		pthread_mutex_lock(&o->mu);
		if (!rc) {
			if (l.prio < 0)
				o->st.snapshots++;
			else
				o->st.written++;
			if (reported) {
				/* said once per failure: a receiver that comes back and fails
				 * again is said again */
				reported = false;
				pthread_mutex_unlock(&o->mu);
				scryd_log(SCRYD_LOG_NOTICE, "%s: writes work again", o->name);
				pthread_mutex_lock(&o->mu);
			}
			continue;
		}
		o->st.write_errors++;
		if (!o->first_error)
			o->first_error = rc;
		if (!reported) {
			/* once: a full disk would log each line otherwise */
			pthread_mutex_unlock(&o->mu);
			scryd_log(SCRYD_LOG_ERROR, "%s: write: %s (alerts are lost until it works "
				  "again; counted)", o->name, strerror(-rc));
			pthread_mutex_lock(&o->mu);
			reported = true;
		}
	}
	pthread_mutex_unlock(&o->mu);
	/* the sink's own flush and close, here: scryd_output_close() bounds it in time */
	rc = o->ops->close ? o->ops->close(o->priv) : 0;
	pthread_mutex_lock(&o->mu);
	if (rc && !o->first_error)
		o->first_error = rc;
	pthread_mutex_unlock(&o->mu);
	return NULL;
}

int scryd_output_new(const char *name, const struct scryd_sink_ops *ops, void *priv,
		     uint32_t queue, struct scryd_output **out)
{
	struct scryd_output *o = calloc(1, sizeof(*o));
	int rc = -ENOMEM;

	*out = NULL;
	if (!o || !(o->name = strdup(name)) || !(o->ring = calloc(queue, sizeof(*o->ring))))
		goto err;
	o->ops = ops;
	o->priv = priv;
	o->cap = queue;
	pthread_mutex_init(&o->mu, NULL);
	pthread_cond_init(&o->nonempty, NULL);
	pthread_cond_init(&o->nonfull, NULL);
	*out = o;
	return 0;
err:
	if (ops->close)
		ops->close(priv);
	if (o) {
		free(o->ring);
		free(o->name);
		free(o);
	}
	return rc;
}

int scryd_output_run(struct scryd_output *o)
{
	int rc;

	if (o->running)
		return 0;
	rc = pthread_create(&o->thread, NULL, writer, o);
	if (rc)
		return -rc;
	o->running = true;
	return 0;
}

static void count(struct scryd_output *o, uint64_t *n)
{
	pthread_mutex_lock(&o->mu);
	(*n)++;
	pthread_mutex_unlock(&o->mu);
}

void scryd_output_count_rotation(struct scryd_output *o)
{
	count(o, &o->st.rotations);
}

void scryd_output_count_restart(struct scryd_output *o)
{
	count(o, &o->st.restarts);
}

const char *scryd_output_name(const struct scryd_output *o)
{
	return o->name;
}

bool scryd_output_push(struct scryd_output *o, const char *line, size_t len, int prio,
		       bool wait)
{
	struct line l = { .len = len, .prio = prio };

	pthread_mutex_lock(&o->mu);
	while (wait && o->count == o->cap)
		pthread_cond_wait(&o->nonfull, &o->mu);
	if (o->count == o->cap || !(l.buf = malloc(len))) {
		o->st.dropped++;
		pthread_mutex_unlock(&o->mu);
		return false;
	}
	memcpy(l.buf, line, len);
	o->ring[(o->head + o->count) % o->cap] = l;
	if (!o->count++)
		pthread_cond_signal(&o->nonempty);
	o->st.queued++;
	pthread_mutex_unlock(&o->mu);
	return true;
}

void scryd_output_stats(struct scryd_output *o, struct scryd_output_stats *st)
{
	pthread_mutex_lock(&o->mu);
	*st = o->st;
	pthread_mutex_unlock(&o->mu);
}

int scryd_output_close(struct scryd_output *o, struct scryd_output_stats *st)
{
	struct timespec deadline;
	int rc;

	if (!o)
		return 0;
	pthread_mutex_lock(&o->mu);
	o->closing = true;
	pthread_cond_signal(&o->nonempty);
	pthread_mutex_unlock(&o->mu);
	if (!o->running) {
		/* never run (an error before capture): what was queued is dropped */
		for (; o->count; o->count--, o->head = (o->head + 1) % o->cap) {
			free(o->ring[o->head].buf);
			o->st.dropped++;
		}
		o->first_error = o->ops->close ? o->ops->close(o->priv) : 0;
	} else {
		clock_gettime(CLOCK_REALTIME, &deadline);
		deadline.tv_sec += SCRYD_OUTPUT_CLOSE_S;
	}
	if (o->running && pthread_timedjoin_np(o->thread, NULL, &deadline)) {
		/* the writer is stuck in a write (a reader that stopped reading): what is
		 * queued is lost; the thread and @o are left to the process's exit */
		pthread_mutex_lock(&o->mu);
		o->st.dropped += o->count;
		o->count = 0;
		if (st)
			*st = o->st;
		pthread_mutex_unlock(&o->mu);
		return -ETIMEDOUT;
	}
	rc = o->first_error;
	if (st)
		*st = o->st;
	pthread_cond_destroy(&o->nonfull);
	pthread_cond_destroy(&o->nonempty);
	pthread_mutex_destroy(&o->mu);
	free(o->ring);
	free(o->name);
	free(o);
	return rc;
}

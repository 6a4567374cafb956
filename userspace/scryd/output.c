/* SPDX-License-Identifier: Apache-2.0 */
/*
 * output.c - bounded queues and writer threads of scryd's outputs (see output.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "log.h"
#include "output.h"

struct line {
	char *buf;
	size_t len;
};

struct scryd_output {
	char *name;
	int fd;
	bool own_fd;
	/* file: rotation */
	char *path;
	uint64_t max_size, size;
	uint32_t max_files;
	/* the queue: a ring of cap lines, count of them from head */
	pthread_mutex_t mu;
	pthread_cond_t nonempty, nonfull;
	struct line *ring;
	uint32_t cap, head, count;
	bool closing;
	pthread_t thread;
	struct scryd_output_stats st;
	int first_error;
};

/* Whole @len bytes to @fd; 0 or -errno. */
static int write_all(int fd, const char *p, size_t len)
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

/* PATH.(i) -> PATH.(i+1) from the oldest down, PATH -> PATH.1, new PATH. 0 or -errno. */
static int rotate(struct scryd_output *o)
{
	size_t plen = strlen(o->path) + 16;
	char from[plen], to[plen];
	uint32_t i;
	int fd;

	snprintf(to, plen, "%s.%u", o->path, o->max_files);
	unlink(to);
	for (i = o->max_files; i > 1; i--) {
		snprintf(from, plen, "%s.%u", o->path, i - 1);
		snprintf(to, plen, "%s.%u", o->path, i);
		if (rename(from, to) && errno != ENOENT)
			return -errno;
	}
	snprintf(to, plen, "%s.1", o->path);
	if (fsync(o->fd) || rename(o->path, to))
		return -errno;
	fd = open(o->path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0640);
	if (fd < 0)
		return -errno;
	close(o->fd);
	o->fd = fd;
	o->size = 0;
	o->st.rotations++;
	return 0;
}

static int emit(struct scryd_output *o, const struct line *l)
{
	int rc;

	if (o->path && o->max_size && o->size && o->size + l->len > o->max_size) {
		rc = rotate(o);
		if (rc)
			scryd_log(SCRYD_LOG_ERROR, "%s: rotation: %s", o->name, strerror(-rc));
	}
	rc = write_all(o->fd, l->buf, l->len);
	if (!rc)
		o->size += l->len;
	else if (o->path && ftruncate(o->fd, (off_t)o->size) != 0)
		/* a file keeps only whole lines: what the failed write left is cut off
		 * (when that fails too, a partial line stays, which no JSON reader takes) */
		scryd_log(SCRYD_LOG_DEBUG, "%s: ftruncate: %s", o->name, strerror(errno));
	return rc;
}

static void *writer(void *arg)
{
	struct scryd_output *o = arg;
	bool reported = false;

	pthread_mutex_lock(&o->mu);
	for (;;) {
		struct line l;
		int rc;

		while (!o->count && !o->closing)
			pthread_cond_wait(&o->nonempty, &o->mu);
		if (!o->count)
			break;
		l = o->ring[o->head];
		o->head = (o->head + 1) % o->cap;
		o->count--;
		pthread_cond_signal(&o->nonfull);
		pthread_mutex_unlock(&o->mu);
		rc = emit(o, &l);
		free(l.buf);
		pthread_mutex_lock(&o->mu);
		if (!rc) {
			o->st.written++;
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
	return NULL;
}

static int start(struct scryd_output *o, uint32_t queue)
{
	int rc;

	o->cap = queue;
	o->ring = calloc(queue, sizeof(*o->ring));
	if (!o->ring)
		return -ENOMEM;
	pthread_mutex_init(&o->mu, NULL);
	pthread_cond_init(&o->nonempty, NULL);
	pthread_cond_init(&o->nonfull, NULL);
	rc = pthread_create(&o->thread, NULL, writer, o);
	if (rc) {
		pthread_cond_destroy(&o->nonfull);
		pthread_cond_destroy(&o->nonempty);
		pthread_mutex_destroy(&o->mu);
		return -rc;
	}
	return 0;
}

static void destroy(struct scryd_output *o)
{
	if (o->own_fd && o->fd >= 0)
		close(o->fd);
	free(o->ring);
	free(o->name);
	free(o->path);
	free(o);
}

int scryd_output_stdout(uint32_t queue, struct scryd_output **out)
{
	struct scryd_output *o = calloc(1, sizeof(*o));
	int rc;

	*out = NULL;
	if (!o || !(o->name = strdup("stdout"))) {
		free(o);
		return -ENOMEM;
	}
	o->fd = STDOUT_FILENO;
	rc = start(o, queue);
	if (rc) {
		destroy(o);
		return rc;
	}
	*out = o;
	return 0;
}

int scryd_output_file(const char *path, uint64_t max_size, uint32_t max_files, uint32_t queue,
		      struct scryd_output **out)
{
	struct scryd_output *o = calloc(1, sizeof(*o));
	struct stat sb;
	int rc;

	*out = NULL;
	if (!o)
		return -ENOMEM;
	o->fd = -1;
	o->name = strdup(path);
	o->path = strdup(path);
	if (!o->name || !o->path) {
		destroy(o);
		return -ENOMEM;
	}
	o->fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
	if (o->fd < 0 || fstat(o->fd, &sb)) {
		rc = -errno;
		destroy(o);
		return rc;
	}
	o->own_fd = true;
	o->size = (uint64_t)sb.st_size;
	o->max_size = max_size;
	o->max_files = max_files;
	rc = start(o, queue);
	if (rc) {
		destroy(o);
		return rc;
	}
	*out = o;
	return 0;
}

const char *scryd_output_name(const struct scryd_output *o)
{
	return o->name;
}

bool scryd_output_push(struct scryd_output *o, const char *line, size_t len, bool wait)
{
	struct line l = { .len = len };

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
	clock_gettime(CLOCK_REALTIME, &deadline);
	deadline.tv_sec += SCRYD_OUTPUT_CLOSE_S;
	if (pthread_timedjoin_np(o->thread, NULL, &deadline)) {
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
	if (o->own_fd) {
		if (fsync(o->fd) && !rc)
			rc = -errno;
		if (close(o->fd) && !rc)
			rc = -errno;
		o->fd = -1;
	}
	if (st)
		*st = o->st;
	pthread_cond_destroy(&o->nonfull);
	pthread_cond_destroy(&o->nonempty);
	pthread_mutex_destroy(&o->mu);
	destroy(o);
	return rc;
}

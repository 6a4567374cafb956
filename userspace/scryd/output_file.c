/* SPDX-License-Identifier: Apache-2.0 */
/*
 * output_file.c - the stdout and the rotated JSON-lines file sinks of scryd (see output.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "log.h"
#include "output.h"

struct fd_sink {
	int fd;
	bool own_fd;
	/* file: rotation */
	char *path;
	uint64_t max_size, size;
	uint32_t max_files;
};

/* PATH.(i) -> PATH.(i+1) from the oldest down, PATH -> PATH.1, new PATH. 0 or -errno. */
static int rotate(struct fd_sink *f)
{
	size_t plen = strlen(f->path) + 16;
	char from[plen], to[plen];
	uint32_t i;
	int fd;

	snprintf(to, plen, "%s.%u", f->path, f->max_files);
	unlink(to);
	for (i = f->max_files; i > 1; i--) {
		snprintf(from, plen, "%s.%u", f->path, i - 1);
		snprintf(to, plen, "%s.%u", f->path, i);
		if (rename(from, to) && errno != ENOENT)
			return -errno;
	}
	snprintf(to, plen, "%s.1", f->path);
	if (fsync(f->fd) || rename(f->path, to))
		return -errno;
	fd = open(f->path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0640);
	if (fd < 0)
		return -errno;
	close(f->fd);
	f->fd = fd;
	f->size = 0;
	return 0;
}

static int fd_write(struct scryd_output *o, void *priv, const char *line, size_t len, int prio)
{
	struct fd_sink *f = priv;
	int rc;

	(void)prio;
	if (f->path && f->max_size && f->size && f->size + len > f->max_size) {
		rc = rotate(f);
		if (rc)
			scryd_log(SCRYD_LOG_ERROR, "%s: rotation: %s", f->path, strerror(-rc));
		else
			scryd_output_count_rotation(o);
	}
	rc = scryd_write_all(f->fd, line, len);
	if (!rc)
		f->size += len;
	else if (f->path && ftruncate(f->fd, (off_t)f->size) != 0)
		/* a file keeps only whole lines: what the failed write left is cut off
		 * (when that fails too, a partial line stays, which no JSON reader takes) */
		scryd_log(SCRYD_LOG_DEBUG, "%s: ftruncate: %s", f->path, strerror(errno));
	return rc;
}

static int fd_close(void *priv)
{
	struct fd_sink *f = priv;
	int rc = 0;

	if (f->own_fd) {
		if (fsync(f->fd))
			rc = -errno;
		if (close(f->fd) && !rc)
			rc = -errno;
	}
	free(f->path);
	free(f);
	return rc;
}

static const struct scryd_sink_ops fd_ops = { .write = fd_write, .close = fd_close };

int scryd_output_stdout(uint32_t queue, struct scryd_output **out)
{
	struct fd_sink *f = calloc(1, sizeof(*f));

	*out = NULL;
	if (!f)
		return -ENOMEM;
	f->fd = STDOUT_FILENO;
	return scryd_output_new("stdout", &fd_ops, f, queue, out);
}

int scryd_output_file(const char *path, uint64_t max_size, uint32_t max_files, uint32_t queue,
		      struct scryd_output **out)
{
	struct fd_sink *f = calloc(1, sizeof(*f));
	struct stat sb;
	int rc;

	*out = NULL;
	if (!f || !(f->path = strdup(path))) {
		free(f);
		return -ENOMEM;
	}
	f->fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
	if (f->fd < 0 || fstat(f->fd, &sb)) {
		rc = -errno;
		if (f->fd >= 0)
			close(f->fd);
		free(f->path);
		free(f);
		return rc;
	}
	f->own_fd = true;
	f->size = (uint64_t)sb.st_size;
	f->max_size = max_size;
	f->max_files = max_files;
	return scryd_output_new(path, &fd_ops, f, queue, out);
}

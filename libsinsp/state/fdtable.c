/* SPDX-License-Identifier: Apache-2.0 */
/*
 * fdtable.c - per-process fd tables: fd number -> struct sinsp_fd.
 */
#include <malloc.h>
#include <stdlib.h>
#include <string.h>

#include "state/fdtable.h"

uint64_t sinsp_fd_name_ids;

struct sinsp_fdtable *sinsp_fdtable_new(void)
{
	struct sinsp_fdtable *t = calloc(1, sizeof(*t));

	if (t)
		t->refs = 1;
	return t;
}

static void fd_free(struct sinsp_fd *f)
{
	free(f->name);
	free(f);
}

void sinsp_fd_free(struct sinsp_fd *f)
{
	if (f)
		fd_free(f);
}

struct sinsp_fd *sinsp_fd_detach(struct sinsp_thread *t, int64_t fd)
{
	if (!t || !t->fds)
		return NULL;
	return hashmap_del(&t->fds->map, (uint64_t)fd);
}

void sinsp_fd_release_closed(struct sinsp *s)
{
	/* kept for the next open (sinsp_fd_add_reuse()): no free() and malloc() a pair */
	if (s->closed_fd && !s->spare_fd)
		s->spare_fd = s->closed_fd;
	else
		sinsp_fd_free(s->closed_fd);
	s->closed_fd = NULL;
}

void sinsp_fd_release_spare(struct sinsp *s)
{
	sinsp_fd_free(s->spare_fd);
	s->spare_fd = NULL;
}

/*
 * A zeroed entry named name (NULL: ""): *spare's memory when there is one (its name
 * buffer too when the name fits: malloc_usable_size(), whoever allocated it), else
 * new. NULL on ENOMEM.
 */
static struct sinsp_fd *fd_new(const char *name, struct sinsp_fd **spare)
{
	struct sinsp_fd *f = spare ? *spare : NULL;
	size_t len;

	if (!name)
		name = "";
	len = strlen(name);
	if (f) {
		char *buf = f->name;

		*spare = NULL;
		memset(f, 0, sizeof(*f));
		if (len < malloc_usable_size(buf)) {
			memcpy(buf, name, len + 1);
		} else {
			free(buf);
			buf = malloc(len + 1);
			if (!buf) {
				free(f);
				return NULL;
			}
			memcpy(buf, name, len + 1);
		}
		f->name = buf;
	} else {
		f = calloc(1, sizeof(*f));
		if (!f)
			return NULL;
		f->name = malloc(len + 1);
		if (!f->name) {
			free(f);
			return NULL;
		}
		memcpy(f->name, name, len + 1);
	}
	f->name_len = len;
	sinsp_fd_name_changed(f);
	return f;
}

void sinsp_fdtable_put(struct sinsp_fdtable *t)
{
	size_t i;

	if (--t->refs)
		return;
	for (i = 0; i < t->map.cap; i++)
		if (t->map.slots[i].val)
			fd_free(t->map.slots[i].val);
	hashmap_free(&t->map);
	free(t);
}

struct sinsp_fd *sinsp_fd_add_reuse(struct sinsp_thread *t, int64_t fd, int32_t type,
				   const char *name, struct sinsp_fd **spare)
{
	struct sinsp_fd *f, *old;

	if (!t->fds) {
		t->fds = sinsp_fdtable_new();
		if (!t->fds)
			return NULL;
	}
	f = fd_new(name, spare);
	if (!f)
		return NULL;
	f->fd = fd;
	f->type = type;
	old = hashmap_get(&t->fds->map, (uint64_t)fd);
	if (hashmap_put(&t->fds->map, (uint64_t)fd, f)) {
		fd_free(f);
		return NULL;
	}
	if (old)
		fd_free(old);
	return f;
}

/* Insert (or replace) fd in t's process table. name may be NULL (""). */
struct sinsp_fd *sinsp_fd_add(struct sinsp_thread *t, int64_t fd, int32_t type, const char *name)
{
	return sinsp_fd_add_reuse(t, fd, type, name, NULL);
}

void sinsp_fd_remove(struct sinsp_thread *t, int64_t fd)
{
	struct sinsp_fd *f;

	if (!t || !t->fds)
		return;
	f = hashmap_del(&t->fds->map, (uint64_t)fd);
	if (f)
		fd_free(f);
}

/* The one-letter type sysdig prints inside <>: f, d, 4, 6, u, p, e, s, l, i, t, n, b, ... */
char sinsp_fd_typechar(const struct sinsp_fd *f)
{
	switch (f->type) {
	case SCAP_FD_FILE:
	case SCAP_FD_FILE_V2: return 'f';
	case SCAP_FD_DIRECTORY: return 'd';
	case SCAP_FD_IPV4_SOCK:
	case SCAP_FD_IPV4_SERVSOCK: return '4';
	case SCAP_FD_IPV6_SOCK:
	case SCAP_FD_IPV6_SERVSOCK: return '6';
	case SCAP_FD_FIFO: return 'p';
	case SCAP_FD_UNIX_SOCK: return 'u';
	case SCAP_FD_EVENT: return 'e';
	case SCAP_FD_SIGNALFD: return 's';
	case SCAP_FD_EVENTPOLL: return 'l';
	case SCAP_FD_INOTIFY: return 'i';
	case SCAP_FD_TIMERFD: return 't';
	case SCAP_FD_NETLINK: return 'n';
	case SCAP_FD_BPF: return 'b';
	case SCAP_FD_USERFAULTFD: return 'u';
	case SCAP_FD_IOURING: return 'r';
	case SCAP_FD_MEMFD: return 'm';
	case SCAP_FD_PIDFD: return 'P';
	default: return 'o';
	}
}

struct sinsp_fd *sinsp_fd_copy(struct sinsp_thread *t, int64_t fd, const struct sinsp_fd *src)
{
	struct sinsp_fd *f;
	char *name;

	if (!t)
		return NULL;
	name = strdup(src->name);
	if (!name)
		return NULL;
	f = sinsp_fd_add(t, fd, src->type, NULL);
	if (!f) {
		free(name);
		return NULL;
	}
	free(f->name);
	*f = *src;
	f->fd = fd;
	f->name = name;
	f->name_len = strlen(name);
	sinsp_fd_name_changed(f);
	return f;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * threads.c - the thread table: tid -> struct sinsp_thread, seeded from the
 * capture's process list and kept current by the parsers.
 */
#include <stdlib.h>
#include <string.h>

#include "sinsp_int.h"

struct sinsp_thread *sinsp_thread_find(struct sinsp *s, int64_t tid)
{
	return hashmap_get(&s->threads, (uint64_t)tid);
}

struct sinsp_thread *sinsp_thread_add(struct sinsp *s, int64_t tid)
{
	struct sinsp_thread *t = sinsp_thread_find(s, tid);

	if (t)
		return t;
	t = calloc(1, sizeof(*t));
	if (!t)
		return NULL;
	t->tid = tid;
	t->pid = tid;
	t->ptid = -1;
	t->vtid = -1;
	t->vpid = -1;
	t->loginuid = UINT32_MAX;
	t->uid = UINT32_MAX;
	t->gid = UINT32_MAX;
	t->last_fd = -1;
	if (hashmap_put(&s->threads, (uint64_t)tid, t)) {
		free(t);
		return NULL;
	}
	return t;
}

static void thread_free(struct sinsp_thread *t)
{
	free(t->comm);
	free(t->exe);
	free(t->exepath);
	free(t->args);
	free(t->env);
	free(t->cgroups);
	free(t->cwd);
	free(t->enter_raw);
	if (t->fds)
		sinsp_fdtable_put(t->fds);
	free(t);
}

/* Count t in its main thread's thread count (t is a secondary thread). */
void sinsp_thread_link_main(struct sinsp *s, struct sinsp_thread *t)
{
	struct sinsp_thread *m;

	if (t->tid != t->pid && (m = sinsp_thread_find(s, t->pid)) != NULL)
		m->nthreads++;
}

void sinsp_thread_remove(struct sinsp *s, struct sinsp_thread *t)
{
	struct sinsp_thread *m;

	if (t->tid != t->pid && (m = sinsp_thread_find(s, t->pid)) != NULL && m->nthreads)
		m->nthreads--;
	hashmap_del(&s->threads, (uint64_t)t->tid);
	if (s->pending_removal == t)
		s->pending_removal = NULL;
	thread_free(t);
}

void sinsp_thread_free_all(struct sinsp *s)
{
	size_t i;

	for (i = 0; i < s->threads.cap; i++)
		if (s->threads.slots[i].val)
			thread_free(s->threads.slots[i].val);
	hashmap_free(&s->threads);
}

/* The main thread of t's process (t itself when it is the main thread or unknown). */
struct sinsp_thread *sinsp_thread_main(struct sinsp *s, struct sinsp_thread *t)
{
	struct sinsp_thread *m;

	if (!t || t->pid == t->tid)
		return t;
	m = sinsp_thread_find(s, t->pid);
	return m ? m : t;
}

void sinsp_thread_set_str(char **dst, const char *src, size_t len)
{
	char *p = malloc(len + 1);

	if (!p)
		return;
	memcpy(p, src, len);
	p[len] = 0;
	free(*dst);
	*dst = p;
}

void sinsp_thread_set_blob(char **dst, uint32_t *dst_len, const void *src, size_t len)
{
	char *p = malloc(len + 1);

	if (!p)
		return;
	memcpy(p, src, len);
	p[len] = 0;
	free(*dst);
	*dst = p;
	*dst_len = (uint32_t)len;
}

/* cwd is kept with a trailing '/', as sysdig prints proc.cwd */
void sinsp_thread_set_cwd(struct sinsp_thread *t, const char *src, size_t len)
{
	char *p = malloc(len + 2);

	if (!p)
		return;
	memcpy(p, src, len);
	if (!len || src[len - 1] != '/')
		p[len++] = '/';
	p[len] = 0;
	free(t->cwd);
	t->cwd = p;
}

/* Seed the table from the capture's process list (threads and their fds). */
int sinsp_thread_load_state(struct sinsp *s, const struct scap_state *st)
{
	uint32_t i, j;

	for (i = 0; i < st->nthreads; i++) {
		const struct scap_threadinfo *ti = &st->threads[i];
		struct sinsp_thread *t = sinsp_thread_add(s, (int64_t)ti->tid);

		if (!t)
			return sinsp_err(s, -ENOMEM, "thread table");
		t->pid = (int64_t)ti->pid;
		t->ptid = (int64_t)ti->ptid;
		t->sid = (int64_t)ti->sid;
		t->vpgid = (int64_t)ti->vpgid;
		t->vtid = ti->vtid;
		t->vpid = ti->vpid;
		sinsp_thread_set_str(&t->comm, ti->comm, strlen(ti->comm));
		sinsp_thread_set_str(&t->exe, ti->exe, strlen(ti->exe));
		sinsp_thread_set_str(&t->exepath, ti->exepath, strlen(ti->exepath));
		sinsp_thread_set_blob(&t->args, &t->args_len, ti->args, ti->args_len);
		sinsp_thread_set_blob(&t->env, &t->env_len, ti->env, ti->env_len);
		sinsp_thread_set_blob(&t->cgroups, &t->cgroups_len, ti->cgroups, ti->cgroups_len);
		sinsp_thread_set_cwd(t, ti->cwd, strlen(ti->cwd));
		t->fdlimit = ti->fdlimit;
		t->flags = ti->flags;
		t->uid = ti->uid;
		t->gid = ti->gid;
		t->loginuid = ti->loginuid;
		t->vmsize_kb = ti->vmsize_kb;
		t->vmrss_kb = ti->vmrss_kb;
		t->vmswap_kb = ti->vmswap_kb;
		t->pfmajor = ti->pfmajor;
		t->pfminor = ti->pfminor;
		t->clone_ts = ti->clone_ts_ns;
		for (j = 0; j < ti->nfds; j++) {
			const struct scap_fdinfo *fi = &ti->fds[j];
			struct sinsp_fd *f = sinsp_fd_add(t, fi->fd, fi->type, fi->name);

			if (!f)
				return sinsp_err(s, -ENOMEM, "fd table");
			f->ino = fi->ino;
			switch (fi->type) {
			case SCAP_FD_IPV4_SOCK:
				f->addr.v4.sip = fi->info.ipv4.sip;
				f->addr.v4.dip = fi->info.ipv4.dip;
				f->addr.v4.sport = fi->info.ipv4.sport;
				f->addr.v4.dport = fi->info.ipv4.dport;
				f->l4proto = fi->info.ipv4.l4proto;
				break;
			case SCAP_FD_IPV6_SOCK:
				memcpy(f->addr.v6.sip, fi->info.ipv6.sip, 16);
				memcpy(f->addr.v6.dip, fi->info.ipv6.dip, 16);
				f->addr.v6.sport = fi->info.ipv6.sport;
				f->addr.v6.dport = fi->info.ipv6.dport;
				f->l4proto = fi->info.ipv6.l4proto;
				break;
			case SCAP_FD_IPV4_SERVSOCK:
				f->addr.v4.sip = fi->info.ipv4_server.ip;
				f->addr.v4.sport = fi->info.ipv4_server.port;
				f->l4proto = fi->info.ipv4_server.l4proto;
				f->is_server = true;
				break;
			case SCAP_FD_IPV6_SERVSOCK:
				memcpy(f->addr.v6.sip, fi->info.ipv6_server.ip, 16);
				f->addr.v6.sport = fi->info.ipv6_server.port;
				f->l4proto = fi->info.ipv6_server.l4proto;
				f->is_server = true;
				break;
			case SCAP_FD_UNIX_SOCK:
				f->addr.un.src = fi->info.unix_sock.source;
				f->addr.un.dst = fi->info.unix_sock.dest;
				f->is_client = true; /* a connected socket at capture start */
				break;
			case SCAP_FD_FILE_V2:
				f->open_flags = fi->info.file.open_flags;
				f->dev = fi->info.file.dev;
				break;
			default:
				break;
			}
		}
	}
	/* threads of a process share the main thread's fd table */
	for (i = 0; i < s->threads.cap; i++) {
		struct sinsp_thread *t = s->threads.slots[i].val, *m;

		if (!t || t->pid == t->tid)
			continue;
		sinsp_thread_link_main(s, t);
		m = sinsp_thread_find(s, t->pid);
		if (m && m->fds && t->fds != m->fds && (!t->fds || !t->fds->map.count)) {
			if (t->fds)
				sinsp_fdtable_put(t->fds);
			t->fds = m->fds;
			m->fds->refs++;
		}
	}
	return 0;
}

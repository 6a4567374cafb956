/* SPDX-License-Identifier: Apache-2.0 */
/*
 * api_state.c - the public views of the state (sinsp_state.h): threads, their fds,
 * containers; lookups and iterations over the tables of threads.c, fdtable.c and
 * containers.c.
 */
#include <errno.h>
#include <string.h>

#include <scry/sinsp_state.h>

#include "api.h"
#include "fields/fields.h"
#include "state/sources.h"

static const char *str_or_empty(const char *s)
{
	return s ? s : "";
}

/* The main thread of t's process, NULL when t is not one and it is unknown. */
static const struct sinsp_thread *main_or_null(struct sinsp *s, const struct sinsp_thread *t)
{
	return t->tid == t->pid ? t : sinsp_thread_find_src(s, t->src, t->pid);
}

static void thread_view(struct sinsp *s, const struct sinsp_thread *t, struct sinsp_thread_info *v)
{
	const struct sinsp_thread *m = main_or_null(s, t);
	const struct sinsp_thread *pm = m ? m : t; /* process-wide state: the main thread's */

	memset(v, 0, sizeof(*v));
	v->sz = sizeof(*v);
	v->tid = t->tid;
	v->pid = t->pid;
	v->ptid = t->ptid;
	v->ppid = m ? m->ptid : -1;
	v->vtid = t->vtid;
	v->vpid = t->vpid;
	v->sid = t->sid;
	v->vpgid = t->vpgid;
	v->comm = str_or_empty(t->comm);
	v->exe = str_or_empty(t->exe);
	v->exepath = str_or_empty(t->exepath);
	v->args = t->args_len ? t->args : "";
	v->args_len = t->args_len;
	v->env = pm->env_len ? pm->env : "";
	v->env_len = pm->env_len;
	v->cwd = str_or_empty(pm->cwd);
	v->uid = t->uid;
	v->gid = t->gid;
	v->loginuid = t->loginuid;
	v->tty = t->tty;
	v->container_id = sinsp_fields_container_id(t);
	v->cgroups = t->cgroups_len ? t->cgroups : "";
	v->cgroups_len = t->cgroups_len;
	v->start_ts = t->clone_ts;
	v->nthreads = m ? m->nthreads + 1 : 0;
	v->fdlimit = pm->fdlimit;
	v->is_main = t->tid == t->pid;
	v->placeholder = t->placeholder;
}

int sinsp_thread_lookup(sinsp_t *s, int64_t tid, struct sinsp_thread_info *out)
{
	struct sinsp_thread_info full;
	const struct sinsp_thread *t;

	if (!s || !out || out->sz < sizeof(size_t))
		return -EINVAL;
	t = sinsp_thread_find(s, tid);
	if (!t)
		return -ENOENT;
	thread_view(s, t, &full);
	return sinsp_api_copy_out(out, &full, sizeof(full));
}

int sinsp_thread_lookup_source(sinsp_t *s, const char *source, int64_t tid,
			       struct sinsp_thread_info *out)
{
	struct sinsp_thread_info full;
	const struct sinsp_thread *t;
	long src;

	if (!s || !out || out->sz < sizeof(size_t))
		return -EINVAL;
	src = source ? sinsp_source_index(s, source) : 0;
	t = src >= 0 ? sinsp_thread_find_src(s, (uint32_t)src, tid) : NULL;
	if (!t)
		return -ENOENT;
	thread_view(s, t, &full);
	return sinsp_api_copy_out(out, &full, sizeof(full));
}

int sinsp_evt_thread(const struct sinsp_evt *evt, struct sinsp_thread_info *out)
{
	struct sinsp_thread_info full;

	if (!evt || !out || out->sz < sizeof(size_t))
		return -EINVAL;
	if (!evt->thread)
		return -ENOENT;
	thread_view(evt->s, evt->thread, &full);
	return sinsp_api_copy_out(out, &full, sizeof(full));
}

int sinsp_thread_foreach(sinsp_t *s, sinsp_thread_fn fn, void *ctx)
{
	struct sinsp_thread_info v;
	size_t i;
	int rc;

	if (!s || !fn)
		return -EINVAL;
	for (i = 0; i < s->threads.cap; i++) {
		const struct sinsp_thread *t = s->threads.slots[i].val;

		if (!t)
			continue;
		thread_view(s, t, &v);
		if ((rc = fn(&v, ctx)) != 0)
			return rc;
	}
	return 0;
}

static void fd_view(const struct sinsp_fd *f, struct sinsp_fd_info *v)
{
	memset(v, 0, sizeof(*v));
	v->sz = sizeof(*v);
	v->fd = f->fd;
	v->type = f->type;
	v->typechar = sinsp_fd_typechar(f);
	v->name = str_or_empty(f->name);
	v->ino = f->ino;
	v->dev = f->dev;
	switch (f->type) {
	case SCAP_FD_FILE:
	case SCAP_FD_FILE_V2:
	case SCAP_FD_DIRECTORY:
		v->open_flags = f->open_flags;
		break;
	case SCAP_FD_IPV4_SOCK:
	case SCAP_FD_IPV4_SERVSOCK:
		memcpy(v->src_ip, &f->addr.v4.sip, 4);
		v->src_port = f->addr.v4.sport;
		if (f->type == SCAP_FD_IPV4_SOCK) {
			memcpy(v->dst_ip, &f->addr.v4.dip, 4);
			v->dst_port = f->addr.v4.dport;
		}
		break;
	case SCAP_FD_IPV6_SOCK:
	case SCAP_FD_IPV6_SERVSOCK:
		v->ipv6 = true;
		memcpy(v->src_ip, f->addr.v6.sip, 16);
		v->src_port = f->addr.v6.sport;
		if (f->type == SCAP_FD_IPV6_SOCK) {
			memcpy(v->dst_ip, f->addr.v6.dip, 16);
			v->dst_port = f->addr.v6.dport;
		}
		break;
	case SCAP_FD_UNIX_SOCK:
		v->unix_src = f->addr.un.src;
		v->unix_dst = f->addr.un.dst;
		break;
	default:
		break;
	}
	if (f->type == SCAP_FD_IPV4_SOCK || f->type == SCAP_FD_IPV4_SERVSOCK || f->type == SCAP_FD_IPV6_SOCK ||
	    f->type == SCAP_FD_IPV6_SERVSOCK || f->type == SCAP_FD_UNIX_SOCK) {
		v->l4proto = f->l4proto;
		v->is_server = f->is_server || f->type == SCAP_FD_IPV4_SERVSOCK ||
			       f->type == SCAP_FD_IPV6_SERVSOCK;
	}
}

int sinsp_fd_lookup(sinsp_t *s, int64_t tid, int64_t fd, struct sinsp_fd_info *out)
{
	struct sinsp_fd_info full;
	struct sinsp_thread *t;
	const struct sinsp_fd *f;

	if (!s || !out || out->sz < sizeof(size_t))
		return -EINVAL;
	t = sinsp_thread_find(s, tid);
	if (!t || !(f = sinsp_fd_find(t, fd)))
		return -ENOENT;
	fd_view(f, &full);
	return sinsp_api_copy_out(out, &full, sizeof(full));
}

int sinsp_evt_fd(const struct sinsp_evt *evt, struct sinsp_fd_info *out)
{
	struct sinsp_fd_info full;

	if (!evt || !out || out->sz < sizeof(size_t))
		return -EINVAL;
	if (!evt->fd)
		return -ENOENT;
	fd_view(evt->fd, &full);
	return sinsp_api_copy_out(out, &full, sizeof(full));
}

int sinsp_fd_foreach(sinsp_t *s, int64_t tid, sinsp_fd_fn fn, void *ctx)
{
	const struct sinsp_thread *t;
	const struct hashmap *m;
	struct sinsp_fd_info v;
	size_t i;
	int rc;

	if (!s || !fn)
		return -EINVAL;
	t = sinsp_thread_find(s, tid);
	if (!t)
		return -ENOENT;
	if (!t->fds)
		return 0;
	m = &t->fds->map;
	for (i = 0; i < m->cap; i++) {
		const struct sinsp_fd *f = m->slots[i].val;

		if (!f)
			continue;
		fd_view(f, &v);
		if ((rc = fn(&v, ctx)) != 0)
			return rc;
	}
	return 0;
}

static void container_view(const struct sinsp_container *c, struct sinsp_container_info *v)
{
	memset(v, 0, sizeof(*v));
	v->sz = sizeof(*v);
	v->id = c->id;
	v->type = (int32_t)c->type;
	v->type_name = sinsp_container_type_name(c->type);
	v->has_metadata = c->has_metadata;
	v->full_id = str_or_empty(c->full_id);
	v->pod_uid = str_or_empty(c->pod_uid);
	v->name = str_or_empty(c->name);
	v->image = str_or_empty(c->image);
	v->image_id = str_or_empty(c->image_id);
	v->image_repo = str_or_empty(c->image_repo);
	v->image_tag = str_or_empty(c->image_tag);
	v->image_digest = str_or_empty(c->image_digest);
	v->privileged = c->privileged;
	memcpy(v->ip, &c->ip, 4);
	v->nmounts = c->nmounts;
	v->nlabels = c->nlabels;
	v->created_ns = c->created_ns;
	v->pod_sandbox_id = str_or_empty(c->pod_sandbox_id);
	v->pod_name = str_or_empty(c->pod_name);
	v->pod_namespace = str_or_empty(c->pod_namespace);
	v->npod_labels = c->npod_labels;
}

int sinsp_container_lookup(sinsp_t *s, const char *id, struct sinsp_container_info *out)
{
	struct sinsp_container_info full;
	const struct sinsp_container *c;

	if (!s || !id || !out || out->sz < sizeof(size_t))
		return -EINVAL;
	c = sinsp_container_find(s, id);
	if (!c)
		return -ENOENT;
	container_view(c, &full);
	return sinsp_api_copy_out(out, &full, sizeof(full));
}

int sinsp_container_mount_get(sinsp_t *s, const char *id, uint32_t i,
			      struct sinsp_container_mount_info *out)
{
	struct sinsp_container_mount_info full;
	const struct sinsp_container *c;
	const struct sinsp_container_mount *m;

	if (!s || !id || !out || out->sz < sizeof(size_t))
		return -EINVAL;
	c = sinsp_container_find(s, id);
	if (!c || i >= c->nmounts)
		return -ENOENT;
	m = &c->mounts[i];
	memset(&full, 0, sizeof(full));
	full.sz = sizeof(full);
	full.source = str_or_empty(m->source);
	full.dest = str_or_empty(m->dest);
	full.mode = str_or_empty(m->mode);
	full.rw = m->rw;
	full.propagation = str_or_empty(m->propagation);
	return sinsp_api_copy_out(out, &full, sizeof(full));
}

/* Label i of a container's label list (its own or its pod's). */
static int label_at(const struct sinsp_container_label *labels, uint32_t n, uint32_t i,
		    const char **key, const char **value)
{
	if (i >= n)
		return -ENOENT;
	*key = str_or_empty(labels[i].key);
	*value = str_or_empty(labels[i].value);
	return 0;
}

int sinsp_container_label_get(sinsp_t *s, const char *id, uint32_t i, const char **key,
			      const char **value)
{
	const struct sinsp_container *c;

	if (!s || !id || !key || !value)
		return -EINVAL;
	c = sinsp_container_find(s, id);
	return c ? label_at(c->labels, c->nlabels, i, key, value) : -ENOENT;
}

int sinsp_container_pod_label_get(sinsp_t *s, const char *id, uint32_t i, const char **key,
				  const char **value)
{
	const struct sinsp_container *c;

	if (!s || !id || !key || !value)
		return -EINVAL;
	c = sinsp_container_find(s, id);
	return c ? label_at(c->pod_labels, c->npod_labels, i, key, value) : -ENOENT;
}

struct container_visit {
	sinsp_container_fn fn;
	void *ctx;
};

static int visit_container(const struct sinsp_container *c, void *ctx)
{
	const struct container_visit *cv = ctx;
	struct sinsp_container_info v;

	container_view(c, &v);
	return cv->fn(&v, cv->ctx);
}

int sinsp_container_foreach(sinsp_t *s, sinsp_container_fn fn, void *ctx)
{
	struct container_visit cv = { fn, ctx };

	if (!s || !fn)
		return -EINVAL;
	return sinsp_containers_foreach(s, visit_container, &cv);
}

/* The inspector's container hook while the user has a callback. */
static void container_changed_hook(struct sinsp *s, const struct sinsp_container *c)
{
	struct sinsp_container_info v;

	container_view(c, &v);
	s->container_fn(&v, s->container_ctx);
}

int sinsp_set_container_changed_fn(sinsp_t *s, sinsp_container_changed_fn fn, void *ctx)
{
	if (!s)
		return -EINVAL;
	s->container_fn = fn;
	s->container_ctx = ctx;
	s->container_hook = fn ? container_changed_hook : NULL;
	return 0;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * containers.c - container identity from cgroup paths, and the container table (filled
 * from the container events of a capture by container_json.c; see containers.h).
 */
#include <stdlib.h>
#include <string.h>

#include "util/grow.h"
#include "state/threads.h"
#include "state/containers.h"

/* ---- cgroup paths ------------------------------------------------------------------- */

/* A slice of text (not NUL terminated). */
struct span {
	const char *p;
	size_t n;
};

static bool span_eq(struct span s, const char *lit)
{
	size_t n = strlen(lit);

	return s.n == n && memcmp(s.p, lit, n) == 0;
}

static bool span_prefix(struct span s, const char *lit)
{
	size_t n = strlen(lit);

	return s.n >= n && memcmp(s.p, lit, n) == 0;
}

static bool span_suffix(struct span s, const char *lit)
{
	size_t n = strlen(lit);

	return s.n >= n && memcmp(s.p + s.n - n, lit, n) == 0;
}

static struct span span_skip(struct span s, size_t n)
{
	s.p += n;
	s.n -= n;
	return s;
}

static struct span span_chop(struct span s, size_t n)
{
	s.n -= n;
	return s;
}

static bool is_hex64(struct span s)
{
	size_t i;

	if (s.n != 64)
		return false;
	for (i = 0; i < 64; i++) {
		char c = s.p[i];

		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
			return false;
	}
	return true;
}

static void set_ids(struct sinsp_cgroup_match *m, enum sinsp_container_type type, struct span id,
		    bool shorten)
{
	size_t n = id.n > SINSP_CONTAINER_ID_MAX ? SINSP_CONTAINER_ID_MAX : id.n;
	size_t sn = shorten && n > SINSP_CONTAINER_SHORT_ID_LEN ? SINSP_CONTAINER_SHORT_ID_LEN : n;

	m->type = type;
	memcpy(m->full_id, id.p, n);
	m->full_id[n] = 0;
	memcpy(m->id, id.p, sn);
	m->id[sn] = 0;
}

/* Kubernetes pod uid of a component: "pod<uid>" or "kubepods-<qos>-pod<uid_with_underscores>.slice". */
static bool pod_uid_of(struct span c, struct sinsp_cgroup_match *m)
{
	const char *pos = NULL, *colon = memchr(c.p, ':', c.n);
	size_t i, n;

	if (colon) /* "kubepods-...-pod<uid>.slice:cri-containerd:<id>" */
		c.n = (size_t)(colon - c.p);
	if (span_prefix(c, "pod")) {
		pos = c.p + 3;
	} else if (span_prefix(c, "kubepods") && span_suffix(c, ".slice")) {
		c = span_chop(c, 6);
		for (i = 0; i + 3 < c.n; i++)
			if (memcmp(c.p + i, "-pod", 4) == 0)
				pos = c.p + i + 4;
	}
	if (!pos)
		return false;
	n = (size_t)(c.p + c.n - pos);
	if (n < 32 || n >= sizeof(m->pod_uid))
		return false;
	for (i = 0; i < n; i++)
		m->pod_uid[i] = pos[i] == '_' ? '-' : pos[i];
	m->pod_uid[n] = 0;
	return true;
}

/* Type named by a runtime prefix ("docker", "cri-containerd", "crio", "libpod"). */
static bool runtime_type(struct span name, enum sinsp_container_type *type)
{
	if (span_eq(name, "docker"))
		*type = SINSP_CT_DOCKER;
	else if (span_eq(name, "cri-containerd"))
		*type = SINSP_CT_CONTAINERD;
	else if (span_eq(name, "crio"))
		*type = SINSP_CT_CRIO;
	else if (span_eq(name, "libpod") || span_eq(name, "libpod-payload"))
		*type = SINSP_CT_PODMAN;
	else
		return false;
	return true;
}

/*
 * Match one path component (with the components before it known through ctx flags).
 * Returns true and fills m for a container component.
 */
struct path_ctx {
	bool docker_dir;      /* a "docker" component was seen */
	bool kubepods;        /* a "kubepods*" component was seen */
	bool libpod_parent;   /* "libpod_parent" (podman with cgroupfs) */
	bool lxc_dir;         /* the previous component was "lxc" or "lxc.payload" */
	bool mesos_dir;       /* the previous component was "mesos" */
	bool libvirt_lxc_dir; /* the previous two were "libvirt", "lxc" */
	bool libvirt_dir;
};

static bool match_component(struct span c, const struct path_ctx *ctx, struct sinsp_cgroup_match *m)
{
	enum sinsp_container_type type;
	struct span base = c, id;
	size_t i;

	if (ctx->lxc_dir && c.n) {
		set_ids(m, ctx->libvirt_lxc_dir ? SINSP_CT_LIBVIRT_LXC : SINSP_CT_LXC, c, false);
		return true;
	}
	if (ctx->mesos_dir && c.n) {
		set_ids(m, SINSP_CT_MESOS, c, false);
		return true;
	}
	if (span_prefix(c, "lxc.payload.") && c.n > 12) {
		set_ids(m, SINSP_CT_LXC, span_skip(c, 12), false);
		return true;
	}
	if (span_prefix(c, "systemd-nspawn@") && span_suffix(c, ".service") && c.n > 23) {
		set_ids(m, SINSP_CT_NSPAWN, span_chop(span_skip(c, 15), 8), false);
		return true;
	}
	if (span_prefix(c, "machine-") && span_suffix(c, ".scope") && c.n > 14) {
		id = span_chop(span_skip(c, 8), 6);
		if (span_prefix(id, "lxc\\x2d") && id.n > 7) {
			set_ids(m, SINSP_CT_LIBVIRT_LXC, span_skip(id, 7), false);
			return true;
		}
		if (span_prefix(id, "qemu\\x2d"))
			return false; /* a virtual machine, not a container */
		set_ids(m, SINSP_CT_NSPAWN, id, false);
		return true;
	}
	/* "slice:runtime:<id>" (containerd/cri-o given a systemd cgroup path as is) */
	for (i = c.n; i > 0; i--)
		if (c.p[i - 1] == ':')
			break;
	if (i > 0) {
		struct span last = span_skip(c, i), rt;
		size_t j;

		if (!is_hex64(last))
			return false;
		rt.p = c.p;
		rt.n = i - 1;
		for (j = rt.n; j > 0; j--)
			if (rt.p[j - 1] == ':')
				break;
		rt = span_skip(rt, j);
		if (!runtime_type(rt, &type))
			type = ctx->kubepods ? SINSP_CT_CRI : SINSP_CT_DOCKER;
		set_ids(m, type, last, true);
		return true;
	}
	if (span_suffix(base, ".scope"))
		base = span_chop(base, 6);
	if (is_hex64(base)) {
		if (ctx->docker_dir)
			type = SINSP_CT_DOCKER;
		else if (ctx->libpod_parent)
			type = SINSP_CT_PODMAN;
		else if (ctx->kubepods)
			type = SINSP_CT_CRI;
		else
			type = SINSP_CT_DOCKER;
		set_ids(m, type, base, true);
		return true;
	}
	if (base.n > 65 && is_hex64(span_skip(base, base.n - 64)) && base.p[base.n - 65] == '-') {
		struct span rt = { base.p, base.n - 65 };

		if (!runtime_type(rt, &type))
			return false; /* e.g. "crio-conmon-<id>", "libpod-conmon-<id>": not the container */
		set_ids(m, type, span_skip(base, base.n - 64), true);
		return true;
	}
	return false;
}

/* Match one cgroup path; the last container component wins. */
static bool match_path(struct span path, struct sinsp_cgroup_match *out)
{
	struct path_ctx ctx = { 0 };
	struct sinsp_cgroup_match m;
	bool found = false;
	size_t i = 0;

	memset(&m, 0, sizeof(m));
	while (i < path.n) {
		struct span c;

		while (i < path.n && path.p[i] == '/')
			i++;
		c.p = path.p + i;
		while (i < path.n && path.p[i] != '/')
			i++;
		c.n = (size_t)(path.p + i - c.p);
		if (!c.n)
			break;
		pod_uid_of(c, &m);
		if (match_component(c, &ctx, &m)) {
			found = true;
			/* keep the pod uid seen so far; keep scanning for a deeper match */
			m.pod_uid[sizeof(m.pod_uid) - 1] = 0;
			*out = m;
		}
		ctx.libvirt_lxc_dir = ctx.libvirt_dir && span_eq(c, "lxc");
		ctx.libvirt_dir = span_eq(c, "libvirt");
		ctx.lxc_dir = span_eq(c, "lxc") || span_eq(c, "lxc.payload");
		ctx.mesos_dir = span_eq(c, "mesos");
		if (span_eq(c, "docker"))
			ctx.docker_dir = true;
		if (span_prefix(c, "kubepods"))
			ctx.kubepods = true;
		if (span_eq(c, "libpod_parent"))
			ctx.libpod_parent = true;
	}
	if (found)
		memcpy(out->pod_uid, m.pod_uid, sizeof(m.pod_uid));
	return found;
}

bool sinsp_container_from_cgroups(const char *cgroups, size_t len, struct sinsp_cgroup_match *out)
{
	size_t off = 0;

	memset(out, 0, sizeof(*out));
	out->type = SINSP_CT_HOST;
	while (off < len) {
		const char *e = cgroups + off, *nul = memchr(e, 0, len - off);
		size_t n = nul ? (size_t)(nul - e) : len - off;
		const char *slash = memchr(e, '/', n);

		off += n + 1;
		if (!slash)
			continue;
		if (match_path((struct span){ slash, n - (size_t)(slash - e) }, out))
			return true;
		memset(out, 0, sizeof(*out));
		out->type = SINSP_CT_HOST;
	}
	return false;
}

const char *sinsp_container_type_name(enum sinsp_container_type type)
{
	switch (type) {
	case SINSP_CT_HOST: return "host";
	case SINSP_CT_DOCKER: return "docker";
	case SINSP_CT_LXC: return "lxc";
	case SINSP_CT_LIBVIRT_LXC: return "libvirt-lxc";
	case SINSP_CT_MESOS: return "mesos";
	case SINSP_CT_RKT: return "rkt";
	case SINSP_CT_CUSTOM: return "custom";
	case SINSP_CT_CRI: return "cri";
	case SINSP_CT_CONTAINERD: return "containerd";
	case SINSP_CT_CRIO: return "cri-o";
	case SINSP_CT_BPM: return "bpm";
	case SINSP_CT_STATIC: return "static";
	case SINSP_CT_PODMAN: return "podman";
	case SINSP_CT_NSPAWN: return "systemd-nspawn";
	}
	return "unknown";
}

/* ---- the table ---------------------------------------------------------------------- */

/* Entry of the table: the public struct and the hash chain. */
struct container_entry {
	struct sinsp_container c;
	struct container_entry *next;   /* same hash */
};

static uint64_t id_hash(const char *id)
{
	uint64_t h = 1469598103934665603ull;

	for (; *id; id++)
		h = (h ^ (uint8_t)*id) * 1099511628211ull;
	return h;
}

static struct container_entry *entry_find(struct sinsp *s, const char *id, uint64_t h)
{
	struct container_entry *e;

	for (e = hashmap_get(&s->containers, h); e; e = e->next)
		if (strcmp(e->c.id, id) == 0)
			return e;
	return NULL;
}

const struct sinsp_container *sinsp_container_find(struct sinsp *s, const char *id)
{
	struct container_entry *e;

	if (!id || !*id || strcmp(id, "host") == 0)
		return NULL;
	e = entry_find(s, id, id_hash(id));
	return e ? &e->c : NULL;
}

static struct container_entry *entry_get(struct sinsp *s, const char *id)
{
	uint64_t h = id_hash(id);
	struct container_entry *e = entry_find(s, id, h);

	if (e)
		return e;
	e = calloc(1, sizeof(*e));
	if (!e)
		return NULL;
	e->c.id = strdup(id);
	e->c.type = SINSP_CT_DOCKER;
	e->next = hashmap_get(&s->containers, h);
	if (!e->c.id || hashmap_put(&s->containers, h, e)) {
		free(e->c.id);
		free(e);
		return NULL;
	}
	return e;
}

struct sinsp_container *sinsp_container_entry(struct sinsp *s, const char *id)
{
	struct container_entry *e = entry_get(s, id);

	return e ? &e->c : NULL;
}

static void set_opt_str(char **dst, const char *src)
{
	char *p;

	if (!src)
		return;
	p = strdup(src);
	if (!p)
		return;
	free(*dst);
	*dst = p;
}

/*
 * Note a container new to the table for the runtime lookups (runtime/lookup.h), which
 * the event thread requests at its next sinsp_next(); only while lookups are on. Out of
 * memory: the container is not looked up.
 */
static void note_added(struct sinsp *s, struct sinsp_container *c)
{
	struct sinsp_container **grown;

	if (!s->runtime)
		return;
	grown = sinsp_grow(s->added, s->nadded, sizeof(*s->added));
	if (!grown)
		return;
	s->added = grown;
	s->added[s->nadded++] = c;
}

struct sinsp_container *sinsp_container_get(struct sinsp *s, const struct sinsp_cgroup_match *m)
{
	struct container_entry *e;
	bool created = false;

	if (m->type == SINSP_CT_HOST || !m->id[0])
		return NULL;
	e = entry_find(s, m->id, id_hash(m->id));
	if (!e) {
		e = entry_get(s, m->id);
		created = e != NULL;
	}
	if (!e)
		return NULL;
	if (!e->c.has_metadata)
		e->c.type = m->type;
	if (!e->c.full_id && m->full_id[0])
		set_opt_str(&e->c.full_id, m->full_id);
	if (!e->c.pod_uid && m->pod_uid[0])
		set_opt_str(&e->c.pod_uid, m->pod_uid);
	if (created) {
		note_added(s, &e->c);
		sinsp_container_notify(s, &e->c);
	}
	return &e->c;
}

void sinsp_thread_update_container(struct sinsp *s, struct sinsp_thread *t)
{
	struct sinsp_cgroup_match m;
	const struct sinsp_container *c = NULL;
	bool host = true;

	/* cgroups that named no container last time name none now (the match is a function
	 * of the text alone, and a host match changes no state): no second match */
	if (t->cgroups && s->cg_host_memo && s->cg_host.len == t->cgroups_len &&
	    memcmp(s->cg_host.buf, t->cgroups, t->cgroups_len) == 0) {
		t->container = NULL;
		t->container_id = "host";
		return;
	}
	if (t->cgroups && sinsp_container_from_cgroups(t->cgroups, t->cgroups_len, &m)) {
		c = sinsp_container_get(s, &m);
		host = m.type == SINSP_CT_HOST || !m.id[0];
	}
	t->container = c;
	t->container_id = c ? c->id : "host";
	if (host && t->cgroups && t->cgroups_len) {
		strbuf_reset(&s->cg_host);
		strbuf_add(&s->cg_host, t->cgroups, t->cgroups_len);
		s->cg_host_memo = true;
	}
}

void sinsp_container_clear_meta(struct sinsp_container *c)
{
	uint32_t i;

	for (i = 0; i < c->nmounts; i++) {
		free(c->mounts[i].source);
		free(c->mounts[i].dest);
		free(c->mounts[i].mode);
		free(c->mounts[i].propagation);
	}
	free(c->mounts);
	c->mounts = NULL;
	c->nmounts = 0;
	for (i = 0; i < c->nlabels; i++) {
		free(c->labels[i].key);
		free(c->labels[i].value);
	}
	free(c->labels);
	c->labels = NULL;
	c->nlabels = 0;
	for (i = 0; i < c->npod_labels; i++) {
		free(c->pod_labels[i].key);
		free(c->pod_labels[i].value);
	}
	free(c->pod_labels);
	c->pod_labels = NULL;
	c->npod_labels = 0;
}

void sinsp_container_notify(struct sinsp *s, const struct sinsp_container *c)
{
	if (s->container_hook)
		s->container_hook(s, c);
}

void sinsp_container_changed(struct sinsp *s, struct sinsp_container *c)
{
	c->has_metadata = true;
	c->change_seq = ++s->container_seq;
	sinsp_container_notify(s, c);
}

void sinsp_container_move_meta(struct sinsp_container *dst, struct sinsp_container *src)
{
#define MOVE(f) do { free(dst->f); dst->f = src->f; src->f = NULL; } while (0)
#define MOVE_IF(f) do { if (src->f) MOVE(f); } while (0)
	MOVE(name);
	MOVE(image);
	MOVE(image_id);
	MOVE(image_repo);
	MOVE(image_tag);
	MOVE(image_digest);
	MOVE(ip_str);
	MOVE(pod_sandbox_id);
	MOVE(pod_name);
	MOVE(pod_namespace);
	MOVE_IF(full_id);
	MOVE_IF(pod_uid);
#undef MOVE_IF
#undef MOVE
	sinsp_container_clear_meta(dst);
	dst->mounts = src->mounts;
	dst->nmounts = src->nmounts;
	dst->labels = src->labels;
	dst->nlabels = src->nlabels;
	dst->pod_labels = src->pod_labels;
	dst->npod_labels = src->npod_labels;
	src->mounts = NULL;
	src->labels = src->pod_labels = NULL;
	src->nmounts = src->nlabels = src->npod_labels = 0;
	dst->privileged = src->privileged;
	dst->ip = src->ip;
	dst->created_ns = src->created_ns;
	dst->has_metadata = true;
}

void sinsp_container_release(struct sinsp_container *c)
{
	sinsp_container_clear_meta(c);
	free(c->id);
	free(c->full_id);
	free(c->pod_uid);
	free(c->name);
	free(c->image);
	free(c->image_id);
	free(c->image_repo);
	free(c->image_tag);
	free(c->image_digest);
	free(c->ip_str);
	free(c->pod_sandbox_id);
	free(c->pod_name);
	free(c->pod_namespace);
}

int sinsp_containers_foreach(struct sinsp *s, sinsp_container_visit_fn fn, void *ctx)
{
	size_t i;
	int rc;

	for (i = 0; i < s->containers.cap; i++) {
		const struct container_entry *e = s->containers.slots[i].val;

		for (; e; e = e->next)
			if ((rc = fn(&e->c, ctx)) != 0)
				return rc;
	}
	return 0;
}

void sinsp_containers_free(struct sinsp *s)
{
	size_t i;

	for (i = 0; i < s->containers.cap; i++) {
		struct container_entry *e = s->containers.slots[i].val, *n;

		for (; e; e = n) {
			struct sinsp_container *c = &e->c;

			n = e->next;
			sinsp_container_release(c);
			free(e);
		}
	}
	hashmap_free(&s->containers);
	free(s->added);
	s->added = NULL;
	s->nadded = 0;
}

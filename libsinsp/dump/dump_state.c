/* SPDX-License-Identifier: Apache-2.0 */
/*
 * dump_state.c - the inspector's state as the start of a capture file: the thread and
 * fd tables become process and fd list blocks, the host's users and groups a user
 * list, the container table CONTAINER_JSON_E events (sinsp_dump.h).
 *
 * Reads the tables only; it never changes the state.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <scry/sinsp_dump.h>
#include "state/threads.h"
#include "state/fdtable.h"
#include "state/containers.h"
#include "state/users.h"

/* Copy a C string into a fixed field, cut and NUL terminated. */
static void copy_str(char *dst, size_t cap, const char *src)
{
	size_t n = src ? strnlen(src, cap - 1) : 0;

	memcpy(dst, src ? src : "", n);
	dst[n] = '\0';
}

/* Copy a NUL-separated blob; returns the bytes kept (cut at a whole entry when it
 * does not fit). */
static uint16_t copy_blob(char *dst, size_t cap, const char *src, uint32_t len)
{
	size_t n = len;

	if (!src)
		return 0;
	if (n > cap) {
		n = cap;
		while (n && src[n - 1] != '\0')
			n--;
	}
	memcpy(dst, src, n);
	return (uint16_t)(n > UINT16_MAX ? UINT16_MAX : n);
}

static void thread_to_scap(const struct sinsp_thread *t, struct scap_threadinfo *ti)
{
	size_t cwd;

	memset(ti, 0, offsetof(struct scap_threadinfo, comm));
	ti->tid = (uint64_t)t->tid;
	ti->pid = (uint64_t)t->pid;
	ti->ptid = (uint64_t)t->ptid;
	ti->sid = (uint64_t)t->sid;
	ti->vpgid = (uint64_t)t->vpgid;
	ti->pgid = (uint64_t)t->pgid;
	copy_str(ti->comm, sizeof(ti->comm), t->comm);
	copy_str(ti->exe, sizeof(ti->exe), t->exe);
	copy_str(ti->exepath, sizeof(ti->exepath), t->exepath);
	ti->exe_writable = t->exe_writable;
	ti->exe_upper_layer = t->exe_upper_layer;
	ti->exe_from_memfd = t->exe_from_memfd;
	ti->args_len = copy_blob(ti->args, sizeof(ti->args), t->args, t->args_len);
	ti->env_len = copy_blob(ti->env, sizeof(ti->env), t->env, t->env_len);
	/* the table keeps cwd with a trailing '/'; the file stores the directory */
	copy_str(ti->cwd, sizeof(ti->cwd), t->cwd);
	cwd = strlen(ti->cwd);
	if (cwd > 1 && ti->cwd[cwd - 1] == '/')
		ti->cwd[cwd - 1] = '\0';
	ti->fdlimit = t->fdlimit;
	ti->flags = t->flags;
	ti->uid = t->uid;
	ti->gid = t->gid;
	ti->loginuid = t->loginuid;
	ti->vmsize_kb = t->vmsize_kb;
	ti->vmrss_kb = t->vmrss_kb;
	ti->vmswap_kb = t->vmswap_kb;
	ti->pfmajor = t->pfmajor;
	ti->pfminor = t->pfminor;
	ti->vtid = t->vtid;
	ti->vpid = t->vpid;
	ti->cgroups_len = copy_blob(ti->cgroups, sizeof(ti->cgroups), t->cgroups, t->cgroups_len);
	copy_str(ti->root, sizeof(ti->root), t->root);
	ti->tty = t->tty;
	ti->clone_ts_ns = t->clone_ts;
	ti->pidns_init_start_ts_ns = t->pidns_init_start_ts;
	ti->cap_permitted = t->cap_permitted;
	ti->cap_effective = t->cap_effective;
	ti->cap_inheritable = t->cap_inheritable;
	ti->exe_ino = t->exe_ino;
	ti->exe_ino_ctime = t->exe_ino_ctime;
	ti->exe_ino_mtime = t->exe_ino_mtime;
	ti->nfds = 0;
	ti->fds = NULL;
}

static void fd_to_scap(const struct sinsp_fd *f, struct scap_fdinfo *fi)
{
	memset(fi, 0, offsetof(struct scap_fdinfo, name));
	fi->fd = f->fd;
	fi->ino = f->ino;
	fi->type = f->type;
	switch (f->type) {
	case SCAP_FD_IPV4_SOCK:
		fi->info.ipv4.sip = f->addr.v4.sip;
		fi->info.ipv4.dip = f->addr.v4.dip;
		fi->info.ipv4.sport = f->addr.v4.sport;
		fi->info.ipv4.dport = f->addr.v4.dport;
		fi->info.ipv4.l4proto = f->l4proto;
		break;
	case SCAP_FD_IPV6_SOCK:
		memcpy(fi->info.ipv6.sip, f->addr.v6.sip, 16);
		memcpy(fi->info.ipv6.dip, f->addr.v6.dip, 16);
		fi->info.ipv6.sport = f->addr.v6.sport;
		fi->info.ipv6.dport = f->addr.v6.dport;
		fi->info.ipv6.l4proto = f->l4proto;
		break;
	case SCAP_FD_IPV4_SERVSOCK:
		fi->info.ipv4_server.ip = f->addr.v4.sip;
		fi->info.ipv4_server.port = f->addr.v4.sport;
		fi->info.ipv4_server.l4proto = f->l4proto;
		break;
	case SCAP_FD_IPV6_SERVSOCK:
		memcpy(fi->info.ipv6_server.ip, f->addr.v6.sip, 16);
		fi->info.ipv6_server.port = f->addr.v6.sport;
		fi->info.ipv6_server.l4proto = f->l4proto;
		break;
	case SCAP_FD_UNIX_SOCK:
		fi->info.unix_sock.source = f->addr.un.src;
		fi->info.unix_sock.dest = f->addr.un.dst;
		break;
	case SCAP_FD_FILE_V2:
		fi->info.file.open_flags = f->open_flags;
		fi->info.file.dev = f->dev;
		break;
	default:
		break;
	}
	copy_str(fi->name, sizeof(fi->name), f->name);
}

/* Does @t write its fd table? Once per table: the main thread's, or the thread's own
 * when it does not share its main thread's. */
static bool owns_fd_table(struct sinsp *s, const struct sinsp_thread *t)
{
	const struct sinsp_thread *m;

	if (!t->fds || !t->fds->map.count)
		return false;
	if (t->tid == t->pid)
		return true;
	m = sinsp_thread_find_src(s, t->src, t->pid);
	return !m || m->placeholder || m->fds != t->fds;
}

/* Is @t written: not a placeholder, and kept by the caller's @keep (NULL: all). */
static bool dumped(const struct sinsp_thread *t, sinsp_dump_keep_fn keep, void *ctx)
{
	return t && !t->placeholder && (!keep || keep(t->tid, ctx));
}

static int dump_threads(struct sinsp *s, struct scap_dumper *d, struct scap_threadinfo *ti,
			sinsp_dump_keep_fn keep, void *ctx)
{
	size_t i;
	int rc = scap_dump_proclist_begin(d);

	for (i = 0; !rc && i < s->threads.cap; i++) {
		const struct sinsp_thread *t = s->threads.slots[i].val;

		if (!dumped(t, keep, ctx))
			continue;
		thread_to_scap(t, ti);
		rc = scap_dump_proclist_add(d, ti);
	}
	return rc ? rc : scap_dump_proclist_end(d);
}

static int dump_fds(struct sinsp *s, struct scap_dumper *d, sinsp_dump_keep_fn keep, void *ctx)
{
	struct scap_fdinfo *fds = NULL;
	size_t cap = 0, i, j;
	int rc = 0;

	for (i = 0; !rc && i < s->threads.cap; i++) {
		struct sinsp_thread *t = s->threads.slots[i].val;
		const struct hashmap *m;
		uint32_t n = 0;

		if (!dumped(t, keep, ctx) || !owns_fd_table(s, t))
			continue;
		m = &t->fds->map;
		if (m->count > cap) {
			struct scap_fdinfo *p = realloc(fds, m->count * sizeof(*fds));

			if (!p) {
				rc = sinsp_err(s, -ENOMEM, "dump: fd list of %zu fds", m->count);
				break;
			}
			fds = p;
			cap = m->count;
		}
		for (j = 0; j < m->cap; j++)
			if (m->slots[j].val)
				fd_to_scap(m->slots[j].val, &fds[n++]);
		rc = scap_dump_fdlist(d, (uint64_t)t->tid, fds, n);
	}
	free(fds);
	return rc;
}

/* The host's users and groups (entries of containers are not in the user list). */
static int dump_users(struct sinsp *s, struct scap_dumper *d)
{
	struct scap_userinfo *u = calloc(s->nusers ? s->nusers : 1, sizeof(*u));
	struct scap_groupinfo *g = calloc(s->ngroups ? s->ngroups : 1, sizeof(*g));
	uint32_t nu = 0, ng = 0;
	size_t i;
	int rc;

	if (!u || !g) {
		free(u);
		free(g);
		return sinsp_err(s, -ENOMEM, "dump: user list");
	}
	for (i = 0; i < s->users.cap; i++) {
		const struct sinsp_user *e;

		for (e = s->users.slots[i].val; e && nu < s->nusers; e = e->next) {
			if (e->container_id && e->container_id[0])
				continue;
			u[nu].uid = e->uid;
			u[nu].gid = e->gid;
			copy_str(u[nu].name, sizeof(u[nu].name), e->name);
			copy_str(u[nu].homedir, sizeof(u[nu].homedir), e->home);
			copy_str(u[nu].shell, sizeof(u[nu].shell), e->shell);
			nu++;
		}
	}
	for (i = 0; i < s->groups.cap; i++) {
		const struct sinsp_group *e;

		for (e = s->groups.slots[i].val; e && ng < s->ngroups; e = e->next) {
			if (e->container_id && e->container_id[0])
				continue;
			g[ng].gid = e->gid;
			copy_str(g[ng].name, sizeof(g[ng].name), e->name);
			ng++;
		}
	}
	rc = scap_dump_userlist(d, u, nu, g, ng);
	free(u);
	free(g);
	return rc;
}

/* ---- containers as JSON events ------------------------------------------------------ */

static void json_str(struct strbuf *b, const char *v)
{
	strbuf_adds(b, "\"");
	for (v = v ? v : ""; *v; v++) {
		unsigned char c = (unsigned char)*v;
		char esc[8];

		if (c == '"' || c == '\\') {
			esc[0] = '\\';
			esc[1] = (char)c;
			strbuf_add(b, esc, 2);
		} else if (c < 0x20) {
			snprintf(esc, sizeof(esc), "\\u%04x", c);
			strbuf_add(b, esc, 6);
		} else {
			strbuf_add(b, v, 1);
		}
	}
	strbuf_adds(b, "\"");
}

static void json_member(struct strbuf *b, const char *key, const char *v)
{
	strbuf_adds(b, ",");
	json_str(b, key);
	strbuf_adds(b, ":");
	json_str(b, v);
}

/* {"container":{...}} with the members sysdig's container events carry. */
/* The members "key":"value",... of a label list (no braces). */
static void json_labels(struct strbuf *b, const struct sinsp_container_label *l, uint32_t n)
{
	uint32_t i;

	for (i = 0; i < n; i++) {
		if (i)
			strbuf_adds(b, ",");
		json_str(b, l[i].key);
		strbuf_adds(b, ":");
		json_str(b, l[i].value);
	}
}

/* One more label "key":"value" unless v is NULL or c's labels have key already. */
static void pod_label(struct strbuf *b, const struct sinsp_container *c, const char *key, const char *v)
{
	uint32_t i;

	if (!v)
		return;
	for (i = 0; i < c->nlabels; i++)
		if (strcmp(c->labels[i].key, key) == 0)
			return;
	if (b->buf[b->len - 1] != '{')
		strbuf_adds(b, ",");
	json_str(b, key);
	strbuf_adds(b, ":");
	json_str(b, v);
}

static void container_json(const struct sinsp_container *c, struct strbuf *b)
{
	char num[32];
	uint32_t i;

	strbuf_adds(b, "{\"container\":{\"id\":");
	json_str(b, c->id);
	snprintf(num, sizeof(num), ",\"type\":%d", (int)c->type);
	strbuf_adds(b, num);
	if (c->name)
		json_member(b, "name", c->name);
	if (c->image)
		json_member(b, "image", c->image);
	if (c->image_id)
		json_member(b, "imageid", c->image_id);
	if (c->image_repo)
		json_member(b, "imagerepo", c->image_repo);
	if (c->image_tag)
		json_member(b, "imagetag", c->image_tag);
	if (c->image_digest)
		json_member(b, "imagedigest", c->image_digest);
	if (c->full_id)
		json_member(b, "full_id", c->full_id);
	if (c->ip_str)
		json_member(b, "ip", c->ip_str);
	strbuf_adds(b, c->privileged ? ",\"privileged\":true" : ",\"privileged\":false");
	strbuf_adds(b, ",\"Mounts\":[");
	for (i = 0; i < c->nmounts; i++) {
		const struct sinsp_container_mount *m = &c->mounts[i];

		strbuf_adds(b, i ? ",{" : "{");
		json_str(b, "Source");
		strbuf_adds(b, ":");
		json_str(b, m->source);
		json_member(b, "Destination", m->dest);
		json_member(b, "Mode", m->mode);
		strbuf_adds(b, m->rw ? ",\"RW\":true" : ",\"RW\":false");
		json_member(b, "Propagation", m->propagation);
		strbuf_adds(b, "}");
	}
	strbuf_adds(b, "],\"labels\":{");
	json_labels(b, c->labels, c->nlabels);
	/* the pod (CRI): sysdig's JSON carries its name, namespace and uid as the kubelet's
	 * container labels; add them where the runtime did not */
	pod_label(b, c, "io.kubernetes.pod.name", c->pod_name);
	pod_label(b, c, "io.kubernetes.pod.namespace", c->pod_namespace);
	if (c->pod_name || c->pod_sandbox_id)
		pod_label(b, c, "io.kubernetes.pod.uid", c->pod_uid);
	strbuf_adds(b, "}");
	if (c->pod_sandbox_id) {
		json_member(b, "pod_sandbox_id", c->pod_sandbox_id);
		strbuf_adds(b, c->full_id && strcmp(c->full_id, c->pod_sandbox_id) == 0 ?
			       ",\"is_pod_sandbox\":true" : ",\"is_pod_sandbox\":false");
	}
	if (c->npod_labels) {
		strbuf_adds(b, ",\"pod_sandbox_labels\":{");
		json_labels(b, c->pod_labels, c->npod_labels);
		strbuf_adds(b, "}");
	}
	if (c->created_ns > 0) {
		/* whole seconds, as sysdig/Falco write it */
		snprintf(num, sizeof(num), ",\"created_time\":%lld", (long long)(c->created_ns / 1000000000));
		strbuf_adds(b, num);
	}
	strbuf_adds(b, "}}");
}

/* One CONTAINER_JSON_E event at @ts (ns since the epoch), tid -1, the JSON with its
 * NUL. Containers whose JSON exceeds the u16 parameter length are left out. */
static int dump_container(struct scap_dumper *d, const struct sinsp_container *c, uint64_t ts,
			  struct strbuf *json, struct strbuf *rec)
{
	struct scap_abi_evt_hdr h = { .ts = ts, .tid = UINT64_MAX,
				      .type = SCAP_EVT_CONTAINER_JSON_E, .nparams = 1 };
	struct scap_evt_ref e = { .sz = sizeof(e) };
	uint16_t plen;

	strbuf_reset(json);
	strbuf_reset(rec);
	container_json(c, json);
	if (!json->buf || json->len + 1 > UINT16_MAX)
		return 0;
	plen = (uint16_t)(json->len + 1);
	h.len = SCAP_ABI_EVT_HDR_LEN + 2 + plen;
	strbuf_add(rec, (const char *)&h, sizeof(h));
	strbuf_add(rec, (const char *)&plen, 2);
	strbuf_add(rec, json->buf, json->len + 1);
	e.raw = (const uint8_t *)rec->buf;
	e.len = h.len;
	e.type = h.type;
	e.nparams = 1;
	e.tid = h.tid;
	e.ts_ns = ts;
	return scap_dump_event(d, &e, 0);
}

/* What dump_containers() writes. */
struct container_dump {
	struct scap_dumper *d;
	uint64_t ts;                /* timestamp of the records */
	bool changed_only;          /* only entries with change_seq above after */
	uint64_t after;
	struct strbuf json, rec;
};

static int dump_one_container(const struct sinsp_container *c, void *ctx)
{
	struct container_dump *cd = ctx;

	if (!c->has_metadata || (cd->changed_only && c->change_seq <= cd->after))
		return 0;
	return dump_container(cd->d, c, cd->ts, &cd->json, &cd->rec);
}

static int dump_containers(struct sinsp *s, struct container_dump *cd)
{
	int rc = sinsp_containers_foreach(s, dump_one_container, cd);

	strbuf_free(&cd->json);
	strbuf_free(&cd->rec);
	return rc;
}

uint64_t sinsp_container_changes(sinsp_t *s)
{
	return s ? s->container_seq : 0;
}

/* sinsp_dump_changed_containers() when something changed: apart, so that the check of
 * every event written needs no frame for @cd (30 instructions an event). */
static __attribute__((noinline)) int dump_changed(sinsp_t *s, struct scap_dumper *d,
						  uint64_t *mark, uint64_t ts_ns)
{
	struct container_dump cd = { .d = d, .ts = ts_ns, .changed_only = true, .after = *mark };
	int rc = dump_containers(s, &cd);

	if (!rc)
		*mark = s->container_seq;
	return rc;
}

int sinsp_dump_changed_containers(sinsp_t *s, struct scap_dumper *d, uint64_t *mark, uint64_t ts_ns)
{
	if (!s || !d || !mark)
		return -EINVAL;
	if (*mark >= s->container_seq)
		return 0; /* the common case: nothing changed */
	return dump_changed(s, d, mark, ts_ns);
}

int sinsp_dump_state(sinsp_t *s, struct scap_dumper *d)
{
	return sinsp_dump_state_keep(s, d, NULL, NULL);
}

int sinsp_dump_state_keep(sinsp_t *s, struct scap_dumper *d, sinsp_dump_keep_fn keep, void *ctx)
{
	struct scap_state st = { .sz = sizeof(st) };
	struct scap_threadinfo *ti;
	int rc;

	if (!s || !d)
		return -EINVAL;
	if (s->nsrcs > 1)
		return sinsp_err(s, -ENOTSUP, "the capture merges %u hosts, and a capture file "
				 "holds one", s->nsrcs);
	if (scap_get_state(s->scap, &st) == 0 && st.machine) {
		rc = scap_dump_machine(d, st.machine);
		if (rc)
			return rc;
	}
	rc = scap_dump_iflist(d, s->ifv4, s->nifv4, s->ifv6, s->nifv6);
	if (!rc)
		rc = dump_users(s, d);
	if (rc)
		return rc;
	ti = malloc(sizeof(*ti));
	if (!ti)
		return sinsp_err(s, -ENOMEM, "dump: thread buffer");
	rc = dump_threads(s, d, ti, keep, ctx);
	free(ti);
	if (!rc)
		rc = dump_fds(s, d, keep, ctx);
	if (!rc) {
		struct container_dump cd = { .d = d };

		rc = dump_containers(s, &cd);
	}
	return rc;
}

bool sinsp_evt_modifies_state(const struct sinsp_evt *evt)
{
	const struct scap_evt_info *info = evt->info;

	if (!info)
		return false;
	if (info->flags & (SCAP_EF_CREATES_FD | SCAP_EF_DESTROYS_FD | SCAP_EF_MODIFIES_STATE))
		return true;
	/* procinfo, container and other internal events carry state too */
	return (info->category & SCAP_EC_INTERNAL) != 0 ||
	       evt->ref.type == SCAP_EVT_CONTAINER_JSON_E ||
	       evt->ref.type == SCAP_EVT_CONTAINER_JSON_2_E;
}

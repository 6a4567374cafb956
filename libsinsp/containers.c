/* SPDX-License-Identifier: Apache-2.0 */
/*
 * containers.c - container identity from cgroup paths, and the container table filled
 * from the container events of a capture (see containers.h).
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

#include "sinsp_int.h"
#include "parse.h"
#include "containers.h"

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

struct sinsp_container *sinsp_container_get(struct sinsp *s, const struct sinsp_cgroup_match *m)
{
	struct container_entry *e;

	if (m->type == SINSP_CT_HOST || !m->id[0])
		return NULL;
	e = entry_get(s, m->id);
	if (!e)
		return NULL;
	if (!e->c.has_metadata)
		e->c.type = m->type;
	if (!e->c.full_id && m->full_id[0])
		set_opt_str(&e->c.full_id, m->full_id);
	if (!e->c.pod_uid && m->pod_uid[0])
		set_opt_str(&e->c.pod_uid, m->pod_uid);
	return &e->c;
}

void sinsp_thread_update_container(struct sinsp *s, struct sinsp_thread *t)
{
	struct sinsp_cgroup_match m;
	const struct sinsp_container *c = NULL;

	if (t->cgroups && sinsp_container_from_cgroups(t->cgroups, t->cgroups_len, &m))
		c = sinsp_container_get(s, &m);
	t->container = c;
	t->container_id = c ? c->id : "host";
}

static void container_clear_meta(struct sinsp_container *c)
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
			container_clear_meta(c);
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
			free(e);
		}
	}
	hashmap_free(&s->containers);
}

/* ---- container events: a small JSON reader ----------------------------------------- */

struct jcur {
	const char *p, *end;
	int depth;
};

#define JSON_MAX_DEPTH 64

static void j_ws(struct jcur *j)
{
	while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r'))
		j->p++;
}

static bool j_lit(struct jcur *j, char c)
{
	j_ws(j);
	if (j->p < j->end && *j->p == c) {
		j->p++;
		return true;
	}
	return false;
}

static void put_utf8(struct strbuf *b, uint32_t cp)
{
	if (cp < 0x80) {
		strbuf_addc(b, (char)cp);
	} else if (cp < 0x800) {
		strbuf_addc(b, (char)(0xc0 | (cp >> 6)));
		strbuf_addc(b, (char)(0x80 | (cp & 0x3f)));
	} else if (cp < 0x10000) {
		strbuf_addc(b, (char)(0xe0 | (cp >> 12)));
		strbuf_addc(b, (char)(0x80 | ((cp >> 6) & 0x3f)));
		strbuf_addc(b, (char)(0x80 | (cp & 0x3f)));
	} else {
		strbuf_addc(b, (char)(0xf0 | (cp >> 18)));
		strbuf_addc(b, (char)(0x80 | ((cp >> 12) & 0x3f)));
		strbuf_addc(b, (char)(0x80 | ((cp >> 6) & 0x3f)));
		strbuf_addc(b, (char)(0x80 | (cp & 0x3f)));
	}
}

static bool j_hex4(struct jcur *j, uint32_t *v)
{
	int i;

	*v = 0;
	if (j->end - j->p < 4)
		return false;
	for (i = 0; i < 4; i++) {
		char c = *j->p++;

		*v <<= 4;
		if (c >= '0' && c <= '9')
			*v |= (uint32_t)(c - '0');
		else if (c >= 'a' && c <= 'f')
			*v |= (uint32_t)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			*v |= (uint32_t)(c - 'A' + 10);
		else
			return false;
	}
	return true;
}

/* Read a string into out (when not NULL; decoded, NUL terminated). */
static bool j_string(struct jcur *j, struct strbuf *out)
{
	if (!j_lit(j, '"'))
		return false;
	while (j->p < j->end && *j->p != '"') {
		char c = *j->p++;
		uint32_t cp, lo;

		if (c != '\\') {
			if (out)
				strbuf_addc(out, c);
			continue;
		}
		if (j->p >= j->end)
			return false;
		c = *j->p++;
		switch (c) {
		case 'b': c = '\b'; break;
		case 'f': c = '\f'; break;
		case 'n': c = '\n'; break;
		case 'r': c = '\r'; break;
		case 't': c = '\t'; break;
		case 'u':
			if (!j_hex4(j, &cp))
				return false;
			if (cp >= 0xd800 && cp < 0xdc00 && j->end - j->p >= 6 && j->p[0] == '\\' &&
			    j->p[1] == 'u') {
				j->p += 2;
				if (!j_hex4(j, &lo))
					return false;
				cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
			}
			if (out)
				put_utf8(out, cp);
			continue;
		default:
			break; /* '"', '\\', '/' stand for themselves */
		}
		if (out)
			strbuf_addc(out, c);
	}
	if (j->p >= j->end)
		return false;
	j->p++;
	return true;
}

static bool j_skip(struct jcur *j);

static bool j_skip_container(struct jcur *j, char close, bool keys)
{
	if (++j->depth > JSON_MAX_DEPTH)
		return false;
	if (j_lit(j, close)) {
		j->depth--;
		return true;
	}
	do {
		if (keys && (!j_string(j, NULL) || !j_lit(j, ':')))
			return false;
		if (!j_skip(j))
			return false;
	} while (j_lit(j, ','));
	j->depth--;
	return j_lit(j, close);
}

/* Skip one value of any kind. */
static bool j_skip(struct jcur *j)
{
	j_ws(j);
	if (j->p >= j->end)
		return false;
	if (*j->p == '"')
		return j_string(j, NULL);
	if (*j->p == '{') {
		j->p++;
		return j_skip_container(j, '}', true);
	}
	if (*j->p == '[') {
		j->p++;
		return j_skip_container(j, ']', false);
	}
	/* number, true, false, null */
	while (j->p < j->end && !strchr(",}] \t\r\n", *j->p))
		j->p++;
	return true;
}

/* Read a scalar as text (strings decoded, numbers and literals as written). */
static bool j_scalar(struct jcur *j, struct strbuf *out)
{
	const char *start;

	j_ws(j);
	if (j->p < j->end && *j->p == '"')
		return j_string(j, out);
	if (j->p < j->end && (*j->p == '{' || *j->p == '['))
		return false;
	start = j->p;
	if (!j_skip(j))
		return false;
	strbuf_add(out, start, (size_t)(j->p - start));
	return true;
}

/*
 * Value of the next member as a malloc'd string (strings decoded, numbers and true/false
 * as written); NULL for null and for objects and arrays, which are skipped.
 */
static char *j_take_str(struct jcur *j)
{
	struct strbuf b = { 0 };
	const char *save = j->p;
	bool quoted;
	char *r;

	j_ws(j);
	quoted = j->p < j->end && *j->p == '"';
	if (!j_scalar(j, &b)) {
		strbuf_free(&b);
		j->p = save;
		j_skip(j);
		return NULL;
	}
	if (!quoted && b.buf && strcmp(b.buf, "null") == 0) {
		strbuf_free(&b);
		return NULL;
	}
	r = strdup(b.buf ? b.buf : "");
	strbuf_free(&b);
	return r;
}

static bool truthy(const char *v)
{
	return v && strcmp(v, "true") == 0;
}

static bool parse_mounts(struct jcur *j, struct sinsp_container *c)
{
	if (!j_lit(j, '['))
		return j_skip(j);
	if (j_lit(j, ']'))
		return true;
	do {
		struct sinsp_container_mount m = { 0 };
		struct sinsp_container_mount *grown;
		struct strbuf key = { 0 };

		if (!j_lit(j, '{'))
			return false;
		if (!j_lit(j, '}')) {
			do {
				char *v;

				strbuf_reset(&key);
				if (!j_string(j, &key) || !j_lit(j, ':')) {
					strbuf_free(&key);
					return false;
				}
				v = j_take_str(j);
				if (key.buf && strcmp(key.buf, "Source") == 0)
					free(m.source), m.source = v;
				else if (key.buf && strcmp(key.buf, "Destination") == 0)
					free(m.dest), m.dest = v;
				else if (key.buf && strcmp(key.buf, "Mode") == 0)
					free(m.mode), m.mode = v;
				else if (key.buf && strcmp(key.buf, "Propagation") == 0)
					free(m.propagation), m.propagation = v;
				else if (key.buf && strcmp(key.buf, "RW") == 0)
					m.rw = truthy(v), free(v);
				else
					free(v);
			} while (j_lit(j, ','));
			if (!j_lit(j, '}')) {
				strbuf_free(&key);
				return false;
			}
		}
		strbuf_free(&key);
		grown = realloc(c->mounts, (c->nmounts + 1) * sizeof(*grown));
		if (!grown)
			return false;
		c->mounts = grown;
		if (!m.source) m.source = strdup("");
		if (!m.dest) m.dest = strdup("");
		if (!m.mode) m.mode = strdup("");
		if (!m.propagation) m.propagation = strdup("");
		c->mounts[c->nmounts++] = m;
	} while (j_lit(j, ','));
	return j_lit(j, ']');
}

static bool parse_labels(struct jcur *j, struct sinsp_container *c)
{
	if (!j_lit(j, '{'))
		return j_skip(j);
	if (j_lit(j, '}'))
		return true;
	do {
		struct strbuf key = { 0 };
		struct sinsp_container_label *grown;
		char *v;

		if (!j_string(j, &key) || !j_lit(j, ':')) {
			strbuf_free(&key);
			return false;
		}
		v = j_take_str(j);
		grown = realloc(c->labels, (c->nlabels + 1) * sizeof(*grown));
		if (!grown) {
			free(v);
			strbuf_free(&key);
			return false;
		}
		c->labels = grown;
		c->labels[c->nlabels].key = strdup(key.buf ? key.buf : "");
		c->labels[c->nlabels].value = v ? v : strdup("");
		c->nlabels++;
		strbuf_free(&key);
	} while (j_lit(j, ','));
	return j_lit(j, '}');
}

/* The members of the "container" object; c is filled as they come. */
static bool parse_container_obj(struct sinsp *s, struct jcur *j)
{
	struct sinsp_container tmp = { 0 }, *c = &tmp;
	struct container_entry *e;
	struct strbuf key = { 0 };
	char *type = NULL;
	bool ok = false;

	tmp.type = SINSP_CT_DOCKER;
	if (!j_lit(j, '{'))
		return false;
	if (j_lit(j, '}'))
		return false;
	do {
		strbuf_reset(&key);
		if (!j_string(j, &key) || !j_lit(j, ':'))
			goto out;
		if (!key.buf)
			goto out;
#define STR_MEMBER(k, f) else if (strcmp(key.buf, k) == 0) { free(c->f); c->f = j_take_str(j); }
		if (0) {}
		STR_MEMBER("id", id)
		STR_MEMBER("name", name)
		STR_MEMBER("image", image)
		STR_MEMBER("imageid", image_id)
		STR_MEMBER("imagerepo", image_repo)
		STR_MEMBER("imagetag", image_tag)
		STR_MEMBER("imagedigest", image_digest)
		STR_MEMBER("full_id", full_id)
		STR_MEMBER("ip", ip_str)
#undef STR_MEMBER
		else if (strcmp(key.buf, "type") == 0) {
			free(type);
			type = j_take_str(j);
		} else if (strcmp(key.buf, "privileged") == 0) {
			char *v = j_take_str(j);

			c->privileged = truthy(v);
			free(v);
		} else if (strcmp(key.buf, "Mounts") == 0 || strcmp(key.buf, "mounts") == 0) {
			container_clear_meta(c);
			if (!parse_mounts(j, c))
				goto out;
		} else if (strcmp(key.buf, "labels") == 0) {
			if (!parse_labels(j, c))
				goto out;
		} else if (!j_skip(j)) {
			goto out;
		}
	} while (j_lit(j, ','));
	if (!j_lit(j, '}') || !c->id || !c->id[0])
		goto out;
	if (type)
		c->type = (enum sinsp_container_type)strtol(type, NULL, 10);
	if (c->ip_str) {
		struct in_addr a;

		if (inet_pton(AF_INET, c->ip_str, &a) == 1)
			c->ip = a.s_addr;
	}
	e = entry_get(s, c->id);
	if (!e)
		goto out;
	/* move the metadata into the table entry, keeping what cgroups told */
	{
		struct sinsp_container *d = &e->c;

#define MOVE(f) do { free(d->f); d->f = c->f; c->f = NULL; } while (0)
		MOVE(name);
		MOVE(image);
		MOVE(image_id);
		MOVE(image_repo);
		MOVE(image_tag);
		MOVE(image_digest);
		MOVE(ip_str);
		if (c->full_id)
			MOVE(full_id);
#undef MOVE
		container_clear_meta(d);
		d->mounts = c->mounts;
		d->nmounts = c->nmounts;
		d->labels = c->labels;
		d->nlabels = c->nlabels;
		c->mounts = NULL;
		c->labels = NULL;
		c->nmounts = c->nlabels = 0;
		d->type = c->type;
		d->privileged = c->privileged;
		d->ip = c->ip;
		d->has_metadata = true;
	}
	ok = true;
out:
	strbuf_free(&key);
	free(type);
	container_clear_meta(c);
	free(c->id);
	free(c->full_id);
	free(c->name);
	free(c->image);
	free(c->image_id);
	free(c->image_repo);
	free(c->image_tag);
	free(c->image_digest);
	free(c->ip_str);
	return ok;
}

static bool parse_container_json(struct sinsp *s, const char *json, size_t len)
{
	struct jcur j = { json, json + len, 0 };
	struct strbuf key = { 0 };
	bool ok = false;

	if (!j_lit(&j, '{'))
		return false;
	do {
		strbuf_reset(&key);
		if (!j_string(&j, &key) || !j_lit(&j, ':'))
			break;
		if (key.buf && strcmp(key.buf, "container") == 0) {
			ok = parse_container_obj(s, &j);
			break;
		}
		if (!j_skip(&j))
			break;
	} while (j_lit(&j, ','));
	strbuf_free(&key);
	return ok;
}

static const char *param_str(const struct sinsp_evt *evt, const char *name, size_t *len)
{
	const struct sinsp_param *p = sinsp_evt_param(evt, name);

	if (!p)
		return NULL;
	*len = strnlen((const char *)p->val, p->len);
	return (const char *)p->val;
}

bool sinsp_container_parse_event(struct sinsp *s, const struct sinsp_evt *evt)
{
	struct container_entry *e;
	const char *v;
	size_t n;
	char *id;

	if ((v = param_str(evt, "json", &n)) != NULL)
		return parse_container_json(s, v, n);
	/* the older event: id, type, name, image */
	if (!(v = param_str(evt, "id", &n)) || !n)
		return false;
	id = strndup(v, n);
	if (!id)
		return false;
	e = entry_get(s, id);
	free(id);
	if (!e)
		return false;
	e->c.type = (enum sinsp_container_type)sinsp_param_val_s64(sinsp_evt_param(evt, "type"),
								   SINSP_CT_DOCKER);
	if ((v = param_str(evt, "name", &n)) != NULL) {
		free(e->c.name);
		e->c.name = strndup(v, n);
	}
	if ((v = param_str(evt, "image", &n)) != NULL) {
		free(e->c.image);
		e->c.image = strndup(v, n);
	}
	e->c.has_metadata = true;
	return true;
}

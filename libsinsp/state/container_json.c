/* SPDX-License-Identifier: Apache-2.0 */
/*
 * container_json.c - the container events of a capture (the JSON one and the older
 * fixed-parameter one) applied to the container table (containers.c), and the thread
 * a JSON container event is shown with.
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

#include "event/event.h"
#include "state/containers.h"
#include "state/inspector.h"
#include "state/threads.h"

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

/* A JSON object of strings ("labels", "pod_sandbox_labels"; null: none) appended to *l. */
static bool parse_labels(struct jcur *j, struct sinsp_container_label **l, uint32_t *n)
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
		grown = realloc(*l, (*n + 1) * sizeof(*grown));
		if (!grown) {
			free(v);
			strbuf_free(&key);
			return false;
		}
		*l = grown;
		grown[*n].key = strdup(key.buf ? key.buf : "");
		grown[*n].value = v ? v : strdup("");
		(*n)++;
		strbuf_free(&key);
	} while (j_lit(j, ','));
	return j_lit(j, '}');
}

/* The value of label @key of c, NULL when it has none. */
static const char *label_value(const struct sinsp_container *c, const char *key)
{
	uint32_t i;

	for (i = 0; i < c->nlabels; i++)
		if (strcmp(c->labels[i].key, key) == 0)
			return c->labels[i].value;
	return NULL;
}

/*
 * The pod of a CRI container: the JSON has no members for its name, namespace and
 * uid; the kubelet's labels io.kubernetes.pod.name / .namespace / .uid on the
 * container carry them (sysdig and Falco read them there). An empty
 * "pod_sandbox_id" is none. False on ENOMEM.
 */
static bool pod_from_labels(struct sinsp_container *c)
{
	const char *v;

	if (c->pod_sandbox_id && !c->pod_sandbox_id[0]) {
		free(c->pod_sandbox_id);
		c->pod_sandbox_id = NULL;
	}
	if ((v = label_value(c, "io.kubernetes.pod.name")) && *v && !(c->pod_name = strdup(v)))
		return false;
	if ((v = label_value(c, "io.kubernetes.pod.namespace")) && *v && !(c->pod_namespace = strdup(v)))
		return false;
	if ((v = label_value(c, "io.kubernetes.pod.uid")) && *v && !(c->pod_uid = strdup(v)))
		return false;
	return true;
}

/* The members of the "container" object; c is filled as they come. Returns the entry. */
static struct sinsp_container *parse_container_obj(struct sinsp *s, struct jcur *j)
{
	struct sinsp_container tmp = { 0 }, *c = &tmp;
	struct sinsp_container *e, *ok = NULL;
	struct strbuf key = { 0 };
	char *type = NULL;

	tmp.type = SINSP_CT_DOCKER;
	if (!j_lit(j, '{'))
		return NULL;
	if (j_lit(j, '}'))
		return NULL;
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
		STR_MEMBER("pod_sandbox_id", pod_sandbox_id)
#undef STR_MEMBER
		else if (strcmp(key.buf, "type") == 0) {
			free(type);
			type = j_take_str(j);
		} else if (strcmp(key.buf, "privileged") == 0) {
			char *v = j_take_str(j);

			c->privileged = truthy(v);
			free(v);
		} else if (strcmp(key.buf, "Mounts") == 0 || strcmp(key.buf, "mounts") == 0) {
			/* a repeated member replaces the mounts, not the labels read before */
			struct sinsp_container_label *l = c->labels, *pl = c->pod_labels;
			uint32_t nl = c->nlabels, npl = c->npod_labels;

			c->labels = c->pod_labels = NULL;
			c->nlabels = c->npod_labels = 0;
			sinsp_container_clear_meta(c);
			c->labels = l;
			c->nlabels = nl;
			c->pod_labels = pl;
			c->npod_labels = npl;
			if (!parse_mounts(j, c))
				goto out;
		} else if (strcmp(key.buf, "labels") == 0) {
			if (!parse_labels(j, &c->labels, &c->nlabels))
				goto out;
		} else if (strcmp(key.buf, "pod_sandbox_labels") == 0) {
			if (!parse_labels(j, &c->pod_labels, &c->npod_labels))
				goto out;
		} else if (strcmp(key.buf, "created_time") == 0) {
			char *v = j_take_str(j);

			/* seconds since the epoch (sysdig/Falco's container JSON) */
			c->created_ns = v ? strtoll(v, NULL, 10) * 1000000000LL : 0;
			free(v);
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
	if (!pod_from_labels(c))
		goto out;
	e = sinsp_container_entry(s, c->id);
	if (!e)
		goto out;
	/* move the metadata into the table entry, keeping what cgroups told */
	sinsp_container_move_meta(e, c);
	e->type = c->type;
	/* in the stream already: no sinsp_container_changed() (containers.h) */
	sinsp_container_notify(s, e);
	ok = e;
out:
	strbuf_free(&key);
	free(type);
	sinsp_container_release(c);
	return ok;
}

static struct sinsp_container *parse_container_json(struct sinsp *s, const char *json, size_t len)
{
	struct jcur j = { json, json + len, 0 };
	struct strbuf key = { 0 };
	struct sinsp_container *ok = NULL;

	if (!j_lit(&j, '{'))
		return NULL;
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

struct sinsp_container *sinsp_container_parse_event(struct sinsp *s, const struct sinsp_evt *evt)
{
	struct sinsp_container *e;
	const char *v;
	size_t n;
	char *id;

	if ((v = param_str(evt, "json", &n)) != NULL)
		return parse_container_json(s, v, n);
	/* the older event: id, type, name, image */
	if (!(v = param_str(evt, "id", &n)) || !n)
		return NULL;
	id = strndup(v, n);
	if (!id)
		return NULL;
	e = sinsp_container_entry(s, id);
	free(id);
	if (!e)
		return NULL;
	e->type = (enum sinsp_container_type)sinsp_param_val_s64(sinsp_evt_param(evt, "type"),
								   SINSP_CT_DOCKER);
	if ((v = param_str(evt, "name", &n)) != NULL) {
		free(e->name);
		e->name = strndup(v, n);
	}
	if ((v = param_str(evt, "image", &n)) != NULL) {
		free(e->image);
		e->image = strndup(v, n);
	}
	e->has_metadata = true;
	sinsp_container_notify(s, e);
	return e;
}

/*
 * The values are those sysdig 0.29.3 shows for the thread of a container event: its
 * tid comes from the event (thread.tid), pid -1, vtid and vpid -2, ppid 0, uid, gid and
 * loginuid 0, fd limit -1, no executable, arguments, directory or fds.
 */
struct sinsp_thread *sinsp_container_thread(struct sinsp *s, const struct sinsp_container *c)
{
	static const char prefix[] = "container:";
	struct sinsp_thread *t = s->container_thread;
	size_t idlen = c ? strlen(c->id) : 0;
	char *comm;

	if (!t) {
		t = calloc(1, sizeof(*t));
		if (!t)
			return NULL;
		s->container_thread = t;
	}
	comm = malloc(sizeof(prefix) + idlen);
	if (!comm)
		return NULL;
	memcpy(comm, prefix, sizeof(prefix) - 1);
	memcpy(comm + sizeof(prefix) - 1, c ? c->id : "", idlen + 1);
	sinsp_thread_set_comm(t, comm, sizeof(prefix) - 1 + idlen);
	free(comm);
	t->tid = t->pid = -1;
	t->ptid = 0;
	t->sid = t->vpgid = t->pgid = -1;
	t->vtid = t->vpid = -2;
	t->fdlimit = -1;
	t->uid = t->gid = t->loginuid = 0;
	t->container_id = c ? c->id : "host";
	t->container = c;
	return t;
}

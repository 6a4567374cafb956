/* SPDX-License-Identifier: Apache-2.0 */
/*
 * fields_container.c - the container.* fields: the container of the event's thread
 * and the metadata the capture's container events gave it, as sysdig 0.29.3 extracts
 * them. Outside containers id, name and type are "host" and the other fields do not
 * resolve; inside a container that no container event described, only the id and the
 * type (from the cgroup path) do.
 */
#include <fnmatch.h>
#include <string.h>

#include "fields/fields.h"
#include "state/containers.h"

const char *sinsp_fields_container_id(const struct sinsp_thread *t)
{
	return t && t->container_id ? t->container_id : "host";
}

/* Runtimes whose events tell whether the container is privileged. */
static bool knows_privileged(enum sinsp_container_type type)
{
	switch (type) {
	case SINSP_CT_DOCKER:
	case SINSP_CT_CRI:
	case SINSP_CT_CONTAINERD:
	case SINSP_CT_CRIO:
	case SINSP_CT_PODMAN:
		return true;
	default:
		return false;
	}
}

static void add_mount(struct strbuf *out, const struct sinsp_container_mount *m)
{
	strbuf_adds(out, m->source ? m->source : "");
	strbuf_addc(out, ':');
	strbuf_adds(out, m->dest ? m->dest : "");
	strbuf_addc(out, ':');
	strbuf_adds(out, m->mode ? m->mode : "");
	strbuf_addc(out, ':');
	strbuf_adds(out, m->rw ? "true" : "false");
	strbuf_addc(out, ':');
	strbuf_adds(out, m->propagation ? m->propagation : "");
}

/*
 * The mount an argument selects: [N] by index, else the first whose source (or, for
 * container.mount.source, destination) matches the argument as a glob.
 */
static const struct sinsp_container_mount *find_mount(const struct sinsp_container *c,
							const struct field_ref *r)
{
	uint32_t i;

	if (r->argnum >= 0)
		return (uint32_t)r->argnum < c->nmounts ? &c->mounts[r->argnum] : NULL;
	for (i = 0; i < c->nmounts; i++) {
		const char *s = r->def->id == F_CONT_MOUNT_SOURCE ? c->mounts[i].dest : c->mounts[i].source;

		if (s && fnmatch(r->arg, s, 0) == 0)
			return &c->mounts[i];
	}
	return NULL;
}

bool sinsp_fields_container(struct sinsp_evt *evt, const struct field_ref *r,
			    struct field_val *v, struct strbuf *out)
{
	const struct sinsp_thread *t = evt->thread;
	const struct sinsp_container *c;
	const struct sinsp_container_mount *m;
	const char *id;
	uint32_t i;

	if (!t)
		return false;
	id = sinsp_fields_container_id(t);
	if (strcmp(id, "host") == 0) {
		if (r->def->id == F_CONT_ID || r->def->id == F_CONT_NAME || r->def->id == F_CONT_TYPE)
			return sinsp_fv_text(v, out, "host");
		return false;
	}
	if (r->def->id == F_CONT_ID)
		return sinsp_fv_text(v, out, id);
	c = t->container;
	if (r->def->id == F_CONT_START_TS) {
		/*
		 * Falco's definition: the start of the init of the thread's pid namespace,
		 * as the kernel reported it; scry falls back on the runtime's creation time
		 * (captures without pidns_init_start_ts, e.g. sysdig 0.29.3's).
		 */
		v->t = FV_U64;
		v->v.u = t->pidns_init_start_ts;
		if (!v->v.u && c && c->created_ns > 0)
			v->v.u = (uint64_t)c->created_ns;
		return v->v.u != 0;
	}
	/* the type comes from the cgroup path alone (containers.c), with or without metadata */
	if (c && r->def->id == F_CONT_TYPE)
		return sinsp_fv_text(v, out, sinsp_container_type_name(c->type));
	/* the rest exists once a container event (or a runtime) described the container */
	if (!c || !c->has_metadata)
		return false;
	switch (r->def->id) {
	case F_CONT_NAME: return sinsp_fv_text(v, out, c->name);
	case F_CONT_IMAGE: return sinsp_fv_text(v, out, c->image);
	case F_CONT_IMAGE_ID: return sinsp_fv_text(v, out, c->image_id);
	case F_CONT_IMAGE_REPO: return sinsp_fv_text(v, out, c->image_repo);
	case F_CONT_IMAGE_TAG: return sinsp_fv_text(v, out, c->image_tag);
	case F_CONT_IMAGE_DIGEST: return sinsp_fv_text(v, out, c->image_digest);
	case F_CONT_PRIVILEGED:
		if (!knows_privileged(c->type))
			return false;
		v->t = FV_BOOL;
		v->v.u = c->privileged;
		return true;
	case F_CONT_MOUNTS:
		v->t = FV_TEXT;
		for (i = 0; i < c->nmounts; i++) {
			if (i)
				strbuf_addc(out, ',');
			add_mount(out, &c->mounts[i]);
		}
		return true;
	case F_CONT_MOUNT:
	case F_CONT_MOUNT_SOURCE:
	case F_CONT_MOUNT_DEST:
	case F_CONT_MOUNT_MODE:
	case F_CONT_MOUNT_RDWR:
	case F_CONT_MOUNT_PROPAGATION:
		if (!(m = find_mount(c, r)))
			return false;
		v->t = FV_TEXT;
		switch (r->def->id) {
		case F_CONT_MOUNT: add_mount(out, m); break;
		case F_CONT_MOUNT_SOURCE: strbuf_adds(out, m->source ? m->source : ""); break;
		case F_CONT_MOUNT_DEST: strbuf_adds(out, m->dest ? m->dest : ""); break;
		case F_CONT_MOUNT_MODE: strbuf_adds(out, m->mode ? m->mode : ""); break;
		case F_CONT_MOUNT_RDWR: strbuf_adds(out, m->rw ? "true" : "false"); break;
		default: strbuf_adds(out, m->propagation ? m->propagation : ""); break;
		}
		return true;
	case F_CONT_HEALTHCHECK:
	case F_CONT_LIVENESS:
	case F_CONT_READINESS:
		/* the container events of the captures carry no probes: "configured, none" */
		v->t = FV_TEXT;
		strbuf_adds(out, "NONE");
		return true;
	default:
		return false;
	}
}

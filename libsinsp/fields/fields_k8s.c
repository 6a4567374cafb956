/* SPDX-License-Identifier: Apache-2.0 */
/*
 * fields_k8s.c - the k8s.* fields a container runtime can give: the Kubernetes pod of
 * the event's container (a CRI container: pod sandbox data from the runtime, or the
 * capture's container event with the kubelet's io.kubernetes.pod.* labels and
 * "pod_sandbox_labels"). The fields sysdig 0.29.3 fills from a Kubernetes API server
 * only (k8s.rc.*, k8s.svc.*, k8s.rs.*, k8s.deployment.*, the namespace's id and labels)
 * are not listed. Outside a pod nothing resolves.
 */
#include <string.h>

#include "fields/fields.h"
#include "state/containers.h"

/* The labels the kubelet adds to every pod sandbox: bookkeeping, not the pod's labels. */
static bool kubelet_label(const char *key)
{
	return strcmp(key, "io.kubernetes.pod.name") == 0 ||
	       strcmp(key, "io.kubernetes.pod.namespace") == 0 ||
	       strcmp(key, "io.kubernetes.pod.uid") == 0;
}

bool sinsp_fields_k8s(struct sinsp_evt *evt, const struct field_ref *r, struct field_val *v,
		      struct strbuf *out)
{
	const struct sinsp_container *c = evt->thread ? evt->thread->container : NULL;
	bool any = false;
	uint32_t i;

	if (!c)
		return false;
	switch (r->def->id) {
	case F_K8S_POD_ID:
	case F_K8S_POD_UID:
		/* also known from a kubepods cgroup path alone */
		return sinsp_fv_text(v, out, c->pod_uid);
	case F_K8S_POD_NAME: return sinsp_fv_text(v, out, c->pod_name);
	case F_K8S_NS_NAME: return sinsp_fv_text(v, out, c->pod_namespace);
	case F_K8S_POD_IP: return c->pod_sandbox_id && sinsp_fv_text(v, out, c->ip_str);
	case F_K8S_POD_FULL_SANDBOX_ID: return sinsp_fv_text(v, out, c->pod_sandbox_id);
	case F_K8S_POD_SANDBOX_ID:
		if (!c->pod_sandbox_id || !*c->pod_sandbox_id)
			return false;
		v->t = FV_TEXT;
		strbuf_add(out, c->pod_sandbox_id,
			   strnlen(c->pod_sandbox_id, SINSP_CONTAINER_SHORT_ID_LEN));
		return true;
	case F_K8S_POD_LABEL:
		if (!r->arg)
			return false;
		for (i = 0; i < c->npod_labels; i++)
			if (strcmp(c->pod_labels[i].key, r->arg) == 0) {
				v->t = FV_TEXT;
				strbuf_adds(out, c->pod_labels[i].value);
				return true;
			}
		return false;
	case F_K8S_POD_LABELS:
		/* "key:value,key:value", as sysdig documents it */
		if (!c->pod_name && !c->npod_labels)
			return false;
		v->t = FV_TEXT;
		for (i = 0; i < c->npod_labels; i++) {
			if (kubelet_label(c->pod_labels[i].key))
				continue;
			if (any)
				strbuf_addc(out, ',');
			strbuf_adds(out, c->pod_labels[i].key);
			strbuf_addc(out, ':');
			strbuf_adds(out, c->pod_labels[i].value);
			any = true;
		}
		return true;
	default:
		return false;
	}
}

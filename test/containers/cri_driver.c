/* SPDX-License-Identifier: Apache-2.0 */
/*
 * cri_driver.c - a pod and its container through the CRI (see cri_driver.h).
 *
 * What the kubelet sends, reduced to what a test needs (facts from the CRI api.proto
 * and the kubelet's labels): the sandbox and the container carry the labels
 * io.kubernetes.pod.name, io.kubernetes.pod.namespace and io.kubernetes.pod.uid (the
 * container also io.kubernetes.container.name); the pod's network namespace is the
 * node's (NamespaceMode NODE: no CNI plugin needed); the cgroup parent is the cgroupfs
 * driver's /kubepods/besteffort/pod<uid>.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/cri.pb-c.h"
#include "runtime/grpc.h"
#include "cri_driver.h"

#define CRI_METHOD(m) "/runtime.v1.RuntimeService/" m
#define MAX_LABELS 32
#define MAX_MOUNTS 8

/* A map<string, string> being built: entries and the pointers protobuf-c wants. */
struct kv_map {
	Runtime__V1__PodSandboxConfig__LabelsEntry e[MAX_LABELS];
	void *p[MAX_LABELS];
	char *owned[MAX_LABELS];
	size_t n;
};

/* All map entry types of cri.proto have the same layout (base, key, value). */
static void kv_add(struct kv_map *m, const ProtobufCMessageDescriptor *d, const char *k, const char *v)
{
	Runtime__V1__PodSandboxConfig__LabelsEntry init = RUNTIME__V1__POD_SANDBOX_CONFIG__LABELS_ENTRY__INIT;

	if (m->n == MAX_LABELS)
		return;
	m->e[m->n] = init;
	m->e[m->n].base.descriptor = d;
	m->e[m->n].key = (char *)k;
	m->e[m->n].value = (char *)v;
	m->p[m->n] = &m->e[m->n];
	m->n++;
}

/* "KEY=VALUE" entries. */
static int kv_add_list(struct kv_map *m, const ProtobufCMessageDescriptor *d, const char *const *l)
{
	for (; l && *l; l++) {
		const char *eq = strchr(*l, '=');
		char *k;

		if (!eq || m->n == MAX_LABELS)
			return -EINVAL;
		if (!(k = strndup(*l, (size_t)(eq - *l))))
			return -ENOMEM;
		m->owned[m->n] = k;
		kv_add(m, d, k, eq + 1);
	}
	return 0;
}

static void kv_free(struct kv_map *m)
{
	size_t i;

	for (i = 0; i < MAX_LABELS; i++)
		free(m->owned[i]);
}

/* One call with an owned answer freed at once (the driver needs only the status). */
static int call(struct sinsp_grpc *g, const char *method, const ProtobufCMessage *req,
		const ProtobufCMessageDescriptor *rd, ProtobufCMessage **resp, long tmo, char *err,
		size_t errlen)
{
	ProtobufCMessage *m = NULL;
	int rc = sinsp_grpc_call(g, method, req, rd, &m, tmo, err, errlen);

	if (resp)
		*resp = m;
	else if (m)
		protobuf_c_message_free_unpacked(m, NULL);
	return rc;
}

int cri_version(const char *socket, long timeout_ms, char *out, size_t outlen, char *err,
		size_t errlen)
{
	Runtime__V1__VersionRequest req = RUNTIME__V1__VERSION_REQUEST__INIT;
	Runtime__V1__VersionResponse *v;
	ProtobufCMessage *m;
	struct sinsp_grpc *g;
	int rc;

	if ((rc = sinsp_grpc_open(socket, &g, err, errlen)))
		return rc;
	req.version = "v1";
	rc = call(g, CRI_METHOD("Version"), &req.base, &runtime__v1__version_response__descriptor, &m,
		  timeout_ms, err, errlen);
	if (!rc) {
		v = (Runtime__V1__VersionResponse *)m;
		snprintf(out, outlen, "%s %s", v->runtime_name ? v->runtime_name : "?",
			 v->runtime_version ? v->runtime_version : "?");
		protobuf_c_message_free_unpacked(m, NULL);
	}
	sinsp_grpc_close(g);
	return rc;
}

int cri_image_present(const char *socket, const char *ref, long timeout_ms, char *err,
		      size_t errlen)
{
	Runtime__V1__ImageStatusRequest req = RUNTIME__V1__IMAGE_STATUS_REQUEST__INIT;
	Runtime__V1__ImageSpec spec = RUNTIME__V1__IMAGE_SPEC__INIT;
	ProtobufCMessage *m;
	struct sinsp_grpc *g;
	int rc;

	if ((rc = sinsp_grpc_open(socket, &g, err, errlen)))
		return rc;
	spec.image = (char *)ref;
	req.image = &spec;
	rc = call(g, "/runtime.v1.ImageService/ImageStatus", &req.base,
		  &runtime__v1__image_status_response__descriptor, &m, timeout_ms, err, errlen);
	if (!rc) {
		rc = ((Runtime__V1__ImageStatusResponse *)m)->image != NULL;
		protobuf_c_message_free_unpacked(m, NULL);
	}
	sinsp_grpc_close(g);
	return rc;
}

/* Stop and remove one container (ignoring "not found"). */
static int remove_container(struct sinsp_grpc *g, const char *id, long tmo, char *err, size_t errlen)
{
	Runtime__V1__StopContainerRequest stop = RUNTIME__V1__STOP_CONTAINER_REQUEST__INIT;
	Runtime__V1__RemoveContainerRequest rm = RUNTIME__V1__REMOVE_CONTAINER_REQUEST__INIT;
	int rc;

	stop.container_id = (char *)id;
	stop.timeout = 0; /* kill at once */
	rc = call(g, CRI_METHOD("StopContainer"), &stop.base,
		  &runtime__v1__stop_container_response__descriptor, NULL, tmo, err, errlen);
	if (rc && rc != -ENOENT)
		return rc;
	rm.container_id = (char *)id;
	rc = call(g, CRI_METHOD("RemoveContainer"), &rm.base,
		  &runtime__v1__remove_container_response__descriptor, NULL, tmo, err, errlen);
	return rc == -ENOENT ? 0 : rc;
}

int cri_pod_down(const char *socket, const char *pod_id, long timeout_ms, char *err, size_t errlen)
{
	Runtime__V1__ListContainersRequest list = RUNTIME__V1__LIST_CONTAINERS_REQUEST__INIT;
	Runtime__V1__ContainerFilter filter = RUNTIME__V1__CONTAINER_FILTER__INIT;
	Runtime__V1__StopPodSandboxRequest stop = RUNTIME__V1__STOP_POD_SANDBOX_REQUEST__INIT;
	Runtime__V1__RemovePodSandboxRequest rm = RUNTIME__V1__REMOVE_POD_SANDBOX_REQUEST__INIT;
	Runtime__V1__ListContainersResponse *lr;
	long tmo = timeout_ms > 0 ? timeout_ms : 30000;
	ProtobufCMessage *m;
	struct sinsp_grpc *g;
	size_t i;
	int rc;

	if ((rc = sinsp_grpc_open(socket, &g, err, errlen)))
		return rc;
	filter.pod_sandbox_id = (char *)pod_id;
	list.filter = &filter;
	rc = call(g, CRI_METHOD("ListContainers"), &list.base,
		  &runtime__v1__list_containers_response__descriptor, &m, tmo, err, errlen);
	if (!rc) {
		lr = (Runtime__V1__ListContainersResponse *)m;
		for (i = 0; i < lr->n_containers && !rc; i++)
			rc = remove_container(g, lr->containers[i]->id, tmo, err, errlen);
		protobuf_c_message_free_unpacked(m, NULL);
	}
	if (!rc) {
		stop.pod_sandbox_id = (char *)pod_id;
		rc = call(g, CRI_METHOD("StopPodSandbox"), &stop.base,
			  &runtime__v1__stop_pod_sandbox_response__descriptor, NULL, tmo, err, errlen);
	}
	if (!rc || rc == -ENOENT) {
		rm.pod_sandbox_id = (char *)pod_id;
		rc = call(g, CRI_METHOD("RemovePodSandbox"), &rm.base,
			  &runtime__v1__remove_pod_sandbox_response__descriptor, NULL, tmo, err, errlen);
	}
	sinsp_grpc_close(g);
	return rc == -ENOENT ? 0 : rc;
}

/* Mounts "HOST:CONTAINER[:ro]" into m/pm (strings in bufs); -EINVAL on a malformed one. */
static int parse_mounts(const char *const *l, Runtime__V1__Mount *m, Runtime__V1__Mount **pm,
			char bufs[][512], size_t *n)
{
	Runtime__V1__Mount init = RUNTIME__V1__MOUNT__INIT;
	char *colon, *ro;

	for (*n = 0; l && l[*n]; (*n)++) {
		if (*n == MAX_MOUNTS || snprintf(bufs[*n], 512, "%s", l[*n]) >= 512 ||
		    !(colon = strchr(bufs[*n], ':')))
			return -EINVAL;
		m[*n] = init;
		*colon = '\0';
		m[*n].host_path = bufs[*n];
		m[*n].container_path = colon + 1;
		if ((ro = strchr(colon + 1, ':'))) {
			if (strcmp(ro, ":ro") != 0)
				return -EINVAL;
			*ro = '\0';
			m[*n].readonly = true;
		}
		pm[*n] = &m[*n];
	}
	return 0;
}

static const char *const default_cmd[] = {
	"/bin/sh", "-c", "while :; do sleep 0.2; done", NULL,
};

int cri_pod_up(const char *socket, const struct cri_pod_spec *spec, char *pod_id, char *ctr_id,
	       char *err, size_t errlen)
{
	Runtime__V1__PodSandboxMetadata pmeta = RUNTIME__V1__POD_SANDBOX_METADATA__INIT;
	Runtime__V1__NamespaceOption pns = RUNTIME__V1__NAMESPACE_OPTION__INIT;
	Runtime__V1__NamespaceOption cns = RUNTIME__V1__NAMESPACE_OPTION__INIT;
	Runtime__V1__LinuxSandboxSecurityContext psec = RUNTIME__V1__LINUX_SANDBOX_SECURITY_CONTEXT__INIT;
	Runtime__V1__LinuxPodSandboxConfig plinux = RUNTIME__V1__LINUX_POD_SANDBOX_CONFIG__INIT;
	Runtime__V1__PodSandboxConfig pcfg = RUNTIME__V1__POD_SANDBOX_CONFIG__INIT;
	Runtime__V1__RunPodSandboxRequest run = RUNTIME__V1__RUN_POD_SANDBOX_REQUEST__INIT;
	Runtime__V1__ContainerMetadata cmeta = RUNTIME__V1__CONTAINER_METADATA__INIT;
	Runtime__V1__ImageSpec image = RUNTIME__V1__IMAGE_SPEC__INIT;
	Runtime__V1__LinuxContainerSecurityContext csec = RUNTIME__V1__LINUX_CONTAINER_SECURITY_CONTEXT__INIT;
	Runtime__V1__LinuxContainerConfig clinux = RUNTIME__V1__LINUX_CONTAINER_CONFIG__INIT;
	Runtime__V1__ContainerConfig ccfg = RUNTIME__V1__CONTAINER_CONFIG__INIT;
	Runtime__V1__CreateContainerRequest create = RUNTIME__V1__CREATE_CONTAINER_REQUEST__INIT;
	Runtime__V1__StartContainerRequest start = RUNTIME__V1__START_CONTAINER_REQUEST__INIT;
	const char *const *cmd = spec->cmd ? spec->cmd : default_cmd;
	const char *cname = spec->container ? spec->container : "loop";
	long tmo = spec->timeout_ms > 0 ? spec->timeout_ms : 30000;
	struct kv_map plabels = { 0 }, clabels = { 0 };
	Runtime__V1__Mount mounts[MAX_MOUNTS], *pmounts[MAX_MOUNTS];
	char cgroup[256], mbufs[MAX_MOUNTS][512];
	size_t nmounts = 0;
	ProtobufCMessage *m;
	struct sinsp_grpc *g;
	size_t ncmd = 0;
	int rc;

	pod_id[0] = ctr_id[0] = '\0';
	if (!spec->name || !spec->ns || !spec->uid || !spec->image)
		return sinsp_grpc_err(err, errlen, -EINVAL, "cri_pod: name, namespace, uid and image needed");
	while (cmd[ncmd])
		ncmd++;
	if (parse_mounts(spec->mounts, mounts, pmounts, mbufs, &nmounts))
		return sinsp_grpc_err(err, errlen, -EINVAL,
				      "cri_pod: mounts are HOST:CONTAINER[:ro], at most %d", MAX_MOUNTS);
	if (spec->cgroup_parent)
		snprintf(cgroup, sizeof(cgroup), "%s", spec->cgroup_parent);
	else
		snprintf(cgroup, sizeof(cgroup), "/kubepods/besteffort/pod%s", spec->uid);

	/* the sandbox: kubelet's labels first, then the pod's own */
	kv_add(&plabels, &runtime__v1__pod_sandbox_config__labels_entry__descriptor,
	       "io.kubernetes.pod.name", spec->name);
	kv_add(&plabels, &runtime__v1__pod_sandbox_config__labels_entry__descriptor,
	       "io.kubernetes.pod.namespace", spec->ns);
	kv_add(&plabels, &runtime__v1__pod_sandbox_config__labels_entry__descriptor,
	       "io.kubernetes.pod.uid", spec->uid);
	if ((rc = kv_add_list(&plabels, &runtime__v1__pod_sandbox_config__labels_entry__descriptor,
			      spec->labels))) {
		kv_free(&plabels);
		return sinsp_grpc_err(err, errlen, rc, "cri_pod: labels are KEY=VALUE, at most %d",
				      MAX_LABELS - 3);
	}
	pmeta.name = (char *)spec->name;
	pmeta.namespace_ = (char *)spec->ns;
	pmeta.uid = (char *)spec->uid;
	pns.network = RUNTIME__V1__NAMESPACE_MODE__NODE;
	pns.pid = RUNTIME__V1__NAMESPACE_MODE__POD;
	pns.ipc = RUNTIME__V1__NAMESPACE_MODE__POD;
	psec.namespace_options = &pns;
	psec.privileged = spec->privileged != 0;
	plinux.cgroup_parent = cgroup;
	plinux.security_context = &psec;
	pcfg.metadata = &pmeta;
	pcfg.n_labels = plabels.n;
	pcfg.labels = (Runtime__V1__PodSandboxConfig__LabelsEntry **)plabels.p;
	pcfg.linux_config = &plinux;
	run.config = &pcfg;

	/* the container */
	kv_add(&clabels, &runtime__v1__container_config__labels_entry__descriptor,
	       "io.kubernetes.pod.name", spec->name);
	kv_add(&clabels, &runtime__v1__container_config__labels_entry__descriptor,
	       "io.kubernetes.pod.namespace", spec->ns);
	kv_add(&clabels, &runtime__v1__container_config__labels_entry__descriptor,
	       "io.kubernetes.pod.uid", spec->uid);
	kv_add(&clabels, &runtime__v1__container_config__labels_entry__descriptor,
	       "io.kubernetes.container.name", cname);
	cmeta.name = (char *)cname;
	image.image = (char *)spec->image;
	cns.network = RUNTIME__V1__NAMESPACE_MODE__NODE;
	cns.pid = RUNTIME__V1__NAMESPACE_MODE__CONTAINER;
	cns.ipc = RUNTIME__V1__NAMESPACE_MODE__POD;
	csec.namespace_options = &cns;
	csec.privileged = spec->privileged != 0;
	clinux.security_context = &csec;
	ccfg.metadata = &cmeta;
	ccfg.image = &image;
	ccfg.n_command = ncmd;
	ccfg.command = (char **)cmd;
	ccfg.n_mounts = nmounts;
	ccfg.mounts = pmounts;
	ccfg.n_labels = clabels.n;
	ccfg.labels = (Runtime__V1__ContainerConfig__LabelsEntry **)clabels.p;
	ccfg.linux_config = &clinux;
	create.config = &ccfg;
	create.sandbox_config = &pcfg;

	if ((rc = sinsp_grpc_open(socket, &g, err, errlen)))
		goto out;
	rc = call(g, CRI_METHOD("RunPodSandbox"), &run.base,
		  &runtime__v1__run_pod_sandbox_response__descriptor, &m, tmo, err, errlen);
	if (rc)
		goto close;
	snprintf(pod_id, 128, "%s", ((Runtime__V1__RunPodSandboxResponse *)m)->pod_sandbox_id);
	protobuf_c_message_free_unpacked(m, NULL);
	create.pod_sandbox_id = pod_id;
	rc = call(g, CRI_METHOD("CreateContainer"), &create.base,
		  &runtime__v1__create_container_response__descriptor, &m, tmo, err, errlen);
	if (!rc) {
		snprintf(ctr_id, 128, "%s", ((Runtime__V1__CreateContainerResponse *)m)->container_id);
		protobuf_c_message_free_unpacked(m, NULL);
		start.container_id = ctr_id;
		rc = call(g, CRI_METHOD("StartContainer"), &start.base,
			  &runtime__v1__start_container_response__descriptor, NULL, tmo, err, errlen);
	}
	if (rc) {
		char ignored[256];

		cri_pod_down(socket, pod_id, tmo, ignored, sizeof(ignored));
		pod_id[0] = ctr_id[0] = '\0';
	}
close:
	sinsp_grpc_close(g);
out:
	kv_free(&plabels);
	kv_free(&clabels);
	return rc;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * cri.c - container and pod metadata from a CRI runtime (see cri.h).
 *
 * Facts used (CRI v1, k8s.io/cri-api api.proto, and what the runtimes put in the
 * verbose answer): ContainerStatusResponse.info["info"] is a JSON object; containerd
 * gives "sandboxID" and the creation request as "config" (privileged at
 * config.linux.security_context.privileged); cri-o gives "sandboxID" and "privileged".
 * Times are ns since the epoch. Mount propagation 0/1/2 is Linux's rprivate / rslave /
 * rshared.
 */
#define _GNU_SOURCE /* memrchr */
#include <arpa/inet.h>
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>

#include "runtime/cri.h"
#include "runtime/cri.pb-c.h"
#include "runtime/grpc.h"

#define CRI_METHOD(m) "/runtime.v1.RuntimeService/" m

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The time left before @deadline (ms on CLOCK_MONOTONIC), at least 1 ms. */
static long left_ms(int64_t deadline)
{
	int64_t l = deadline - now_ms();

	return l > 0 ? (long)l : 1;
}

/* A copy of s, NULL for NULL or ""; *oom set when the copy fails. */
static char *dup_nonempty(const char *s, bool *oom)
{
	char *d;

	if (!s || !*s)
		return NULL;
	if (!(d = strdup(s)))
		*oom = true;
	return d;
}

/* An entry of a protobuf-c map<string, string>: every generated XxxEntry has this layout. */
typedef struct {
	ProtobufCMessage base;
	char *key;
	char *value;
} map_entry;

static int label_cmp(const void *a, const void *b)
{
	return strcmp(((const struct sinsp_container_label *)a)->key,
		      ((const struct sinsp_container_label *)b)->key);
}

/* Copy a map into labels sorted by key (the runtimes' order is random: Go maps). */
static int copy_map(map_entry *const *entries, size_t n, struct sinsp_container_label **out,
		    uint32_t *nout)
{
	size_t i;

	*out = NULL;
	*nout = 0;
	if (!n)
		return 0;
	if (!(*out = calloc(n, sizeof(**out))))
		return -ENOMEM;
	for (i = 0; i < n; i++) {
		(*out)[i].key = strdup(entries[i]->key ? entries[i]->key : "");
		(*out)[i].value = strdup(entries[i]->value ? entries[i]->value : "");
		*nout = (uint32_t)i + 1;
		if (!(*out)[i].key || !(*out)[i].value)
			return -ENOMEM;
	}
	qsort(*out, n, sizeof(**out), label_cmp);
	return 0;
}

/* The label with key @key of a map, NULL when absent. */
static const char *map_get(map_entry *const *entries, size_t n, const char *key)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (entries[i]->key && strcmp(entries[i]->key, key) == 0)
			return entries[i]->value;
	return NULL;
}

static const char *propagation_name(Runtime__V1__MountPropagation p)
{
	switch (p) {
	case RUNTIME__V1__MOUNT_PROPAGATION__PROPAGATION_HOST_TO_CONTAINER: return "rslave";
	case RUNTIME__V1__MOUNT_PROPAGATION__PROPAGATION_BIDIRECTIONAL: return "rshared";
	default: return "rprivate";
	}
}

static int copy_mounts(Runtime__V1__Mount *const *m, size_t n, struct sinsp_container *out)
{
	size_t i;

	if (!n)
		return 0;
	if (!(out->mounts = calloc(n, sizeof(*out->mounts))))
		return -ENOMEM;
	for (i = 0; i < n; i++) {
		struct sinsp_container_mount *d = &out->mounts[i];

		out->nmounts = (uint32_t)i + 1;
		d->source = strdup(m[i]->host_path ? m[i]->host_path : "");
		d->dest = strdup(m[i]->container_path ? m[i]->container_path : "");
		d->mode = strdup("");
		d->rw = !m[i]->readonly;
		d->propagation = strdup(propagation_name(m[i]->propagation));
		if (!d->source || !d->dest || !d->mode || !d->propagation)
			return -ENOMEM;
	}
	return 0;
}

/*
 * Repository, tag and digest of an image reference "repo[:tag][@digest]" (the tag's
 * ':' comes after the last '/': "host:5000/img" has no tag).
 */
static int split_image(const char *ref, struct sinsp_container *out)
{
	const char *at, *colon, *slash, *end;
	bool oom = false;

	if (!ref || !*ref || strncmp(ref, "sha256:", 7) == 0)
		return 0;
	at = strchr(ref, '@');
	end = at ? at : ref + strlen(ref);
	slash = memrchr(ref, '/', (size_t)(end - ref));
	colon = memrchr(ref, ':', (size_t)(end - ref));
	if (colon && slash && colon < slash)
		colon = NULL;
	if (!out->image_repo && !(out->image_repo = strndup(ref, (size_t)((colon ? colon : end) - ref))))
		oom = true;
	if (colon && !out->image_tag && !(out->image_tag = strndup(colon + 1, (size_t)(end - colon - 1))))
		oom = true;
	if (at && !out->image_digest)
		out->image_digest = dup_nonempty(at + 1, &oom);
	return oom ? -ENOMEM : 0;
}

/* image, image_id, repository, tag, digest from a container status. */
static int fill_image(const Runtime__V1__ContainerStatus *st, struct sinsp_container *out)
{
	const char *image = st->image && st->image->image ? st->image->image : "";
	const char *ref = st->image_ref ? st->image_ref : "";
	const char *id = st->image_id && *st->image_id ? st->image_id : NULL;
	bool oom = false;
	int rc;

	out->image = dup_nonempty(image, &oom);
	if (!id && strncmp(ref, "sha256:", 7) == 0)
		id = ref;
	if (!id && strncmp(image, "sha256:", 7) == 0)
		id = image;
	if (id)
		out->image_id = dup_nonempty(strncmp(id, "sha256:", 7) == 0 ? id + 7 : id, &oom);
	if (oom)
		return -ENOMEM;
	if ((rc = split_image(image, out)) || (rc = split_image(ref, out)))
		return rc;
	return 0;
}

/*
 * From the verbose JSON (info["info"]): the pod sandbox id (*sandbox, malloc'd, NULL
 * when absent) and privileged.
 */
static int parse_info(const char *json, struct sinsp_container *out, char **sandbox)
{
	struct json_object *root, *v, *cfg;
	int rc = 0;

	*sandbox = NULL;
	if (!json || !(root = json_tokener_parse(json)))
		return 0; /* not JSON: nothing to learn, not an error */
	if (json_object_object_get_ex(root, "sandboxID", &v) && json_object_is_type(v, json_type_string) &&
	    *json_object_get_string(v) && !(*sandbox = strdup(json_object_get_string(v))))
		rc = -ENOMEM;
	if (json_object_object_get_ex(root, "privileged", &v) && json_object_is_type(v, json_type_boolean))
		out->privileged = json_object_get_boolean(v);
	else if (json_object_object_get_ex(root, "config", &cfg) &&
		 json_object_object_get_ex(cfg, "linux", &v) &&
		 json_object_object_get_ex(v, "security_context", &v) &&
		 json_object_object_get_ex(v, "privileged", &v))
		out->privileged = json_object_get_boolean(v);
	json_object_put(root);
	return rc;
}

/* The pod sandbox of a container by ListContainers (runtimes without "sandboxID"). */
static int sandbox_of(struct sinsp_grpc *g, const char *id, int64_t deadline, char **sandbox,
		      char *err, size_t errlen)
{
	Runtime__V1__ListContainersRequest req = RUNTIME__V1__LIST_CONTAINERS_REQUEST__INIT;
	Runtime__V1__ContainerFilter filter = RUNTIME__V1__CONTAINER_FILTER__INIT;
	Runtime__V1__ListContainersResponse *resp;
	ProtobufCMessage *m;
	int rc;

	filter.id = (char *)id;
	req.filter = &filter;
	rc = sinsp_grpc_call(g, CRI_METHOD("ListContainers"), &req.base,
			     &runtime__v1__list_containers_response__descriptor, &m, left_ms(deadline),
			     err, errlen);
	if (rc)
		return rc;
	resp = (Runtime__V1__ListContainersResponse *)m;
	if (resp->n_containers == 1 && resp->containers[0]->pod_sandbox_id &&
	    *resp->containers[0]->pod_sandbox_id &&
	    !(*sandbox = strdup(resp->containers[0]->pod_sandbox_id)))
		rc = -ENOMEM;
	protobuf_c_message_free_unpacked(m, NULL);
	return rc;
}

/* The pod's name, namespace, uid, labels and IP from PodSandboxStatus. */
static int fill_pod(struct sinsp_grpc *g, const char *sandbox, int64_t deadline,
		    struct sinsp_container *out, char *err, size_t errlen)
{
	Runtime__V1__PodSandboxStatusRequest req = RUNTIME__V1__POD_SANDBOX_STATUS_REQUEST__INIT;
	Runtime__V1__PodSandboxStatusResponse *resp;
	const Runtime__V1__PodSandboxStatus *st;
	ProtobufCMessage *m;
	bool oom = false;
	struct in_addr a;
	int rc;

	req.pod_sandbox_id = (char *)sandbox;
	rc = sinsp_grpc_call(g, CRI_METHOD("PodSandboxStatus"), &req.base,
			     &runtime__v1__pod_sandbox_status_response__descriptor, &m,
			     left_ms(deadline), err, errlen);
	if (rc)
		return rc;
	resp = (Runtime__V1__PodSandboxStatusResponse *)m;
	if (!(st = resp->status)) {
		protobuf_c_message_free_unpacked(m, NULL);
		return sinsp_grpc_err(err, errlen, -EPROTO, "cri: PodSandboxStatus without status");
	}
	out->pod_sandbox_id = dup_nonempty(st->id && *st->id ? st->id : sandbox, &oom);
	if (st->metadata) {
		out->pod_name = dup_nonempty(st->metadata->name, &oom);
		out->pod_namespace = dup_nonempty(st->metadata->namespace_, &oom);
		out->pod_uid = dup_nonempty(st->metadata->uid, &oom);
	}
	if (st->network && st->network->ip && *st->network->ip) {
		out->ip_str = dup_nonempty(st->network->ip, &oom);
		if (inet_pton(AF_INET, st->network->ip, &a) == 1)
			out->ip = a.s_addr;
	}
	rc = copy_map((map_entry *const *)st->labels, st->n_labels, &out->pod_labels, &out->npod_labels);
	if (!out->created_ns)
		out->created_ns = st->created_at;
	protobuf_c_message_free_unpacked(m, NULL);
	if (oom || rc)
		return sinsp_grpc_err(err, errlen, -ENOMEM, "cri: out of memory");
	return 0;
}

/* The container part: ContainerStatus; *sandbox: the pod's id when the answer gives it. */
static int fill_container(struct sinsp_grpc *g, const char *id, int64_t deadline,
			  struct sinsp_container *out, char **sandbox, char *err, size_t errlen)
{
	Runtime__V1__ContainerStatusRequest req = RUNTIME__V1__CONTAINER_STATUS_REQUEST__INIT;
	Runtime__V1__ContainerStatusResponse *resp;
	const Runtime__V1__ContainerStatus *st;
	ProtobufCMessage *m;
	bool oom = false;
	int rc;

	req.container_id = (char *)id;
	req.verbose = true;
	rc = sinsp_grpc_call(g, CRI_METHOD("ContainerStatus"), &req.base,
			     &runtime__v1__container_status_response__descriptor, &m,
			     left_ms(deadline), err, errlen);
	if (rc)
		return rc;
	resp = (Runtime__V1__ContainerStatusResponse *)m;
	if (!(st = resp->status)) {
		protobuf_c_message_free_unpacked(m, NULL);
		return sinsp_grpc_err(err, errlen, -EPROTO, "cri: ContainerStatus without status");
	}
	if (st->metadata)
		out->name = dup_nonempty(st->metadata->name, &oom);
	out->created_ns = st->created_at;
	if (!oom && !(rc = fill_image(st, out)) &&
	    !(rc = copy_map((map_entry *const *)st->labels, st->n_labels, &out->labels, &out->nlabels)) &&
	    !(rc = copy_mounts(st->mounts, st->n_mounts, out)))
		rc = parse_info(map_get((map_entry *const *)resp->info, resp->n_info, "info"), out, sandbox);
	protobuf_c_message_free_unpacked(m, NULL);
	if (oom || rc)
		return sinsp_grpc_err(err, errlen, -ENOMEM, "cri: out of memory");
	return 0;
}

int sinsp_cri_lookup(const char *socket_path, const char *full_id, long timeout_ms,
		     struct sinsp_container *out, char *err, size_t errlen)
{
	int64_t deadline = now_ms() + (timeout_ms > 0 ? timeout_ms : 1);
	struct sinsp_grpc *g;
	char *sandbox = NULL;
	bool oom = false;
	int rc;

	if (!full_id || !*full_id)
		return sinsp_grpc_err(err, errlen, -EINVAL, "cri: no container id");
	if ((rc = sinsp_grpc_open(socket_path, &g, err, errlen)))
		return rc;
	rc = fill_container(g, full_id, deadline, out, &sandbox, err, errlen);
	if (rc == -ENOENT) {
		/* not a container: maybe a pod sandbox (its pause process) */
		rc = fill_pod(g, full_id, deadline, out, err, errlen);
		if (rc == 0)
			out->name = dup_nonempty(out->pod_name, &oom);
		if (oom)
			rc = sinsp_grpc_err(err, errlen, -ENOMEM, "cri: out of memory");
		else if (rc == -ENOENT)
			sinsp_grpc_err(err, errlen, -ENOENT, "cri: %s: no such container or pod", full_id);
	} else if (rc == 0) {
		if (!sandbox)
			rc = sandbox_of(g, full_id, deadline, &sandbox, err, errlen);
		if (rc == 0 && sandbox)
			rc = fill_pod(g, sandbox, deadline, out, err, errlen);
	}
	free(sandbox);
	sinsp_grpc_close(g);
	if (rc) {
		sinsp_container_release(out);
		memset(out, 0, sizeof(*out));
	}
	return rc;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * cri.h - container metadata from a Kubernetes CRI runtime (containerd's CRI plugin,
 * cri-o) over its gRPC socket: the RuntimeService calls ContainerStatus (verbose),
 * PodSandboxStatus and, when the verbose answer does not name the pod, ListContainers
 * (messages: runtime/cri.proto; transport: runtime/grpc.h).
 */
#ifndef SINSP_RUNTIME_CRI_H
#define SINSP_RUNTIME_CRI_H

#include <stddef.h>

#include "state/containers.h"

/* The runtimes' usual CRI sockets. */
#define SINSP_CRI_CONTAINERD_SOCKET "/run/containerd/containerd.sock"
#define SINSP_CRI_CRIO_SOCKET "/var/run/crio/crio.sock"

/**
 * sinsp_cri_lookup() - ask a CRI runtime for a container's metadata and its pod's.
 * @socket_path: [in] the runtime's CRI socket (SINSP_CRI_CONTAINERD_SOCKET, ...).
 * @full_id:     [in] the container id as the cgroup path shows it (64 hex digits; the
 *               runtime also takes a unique prefix). The id of a pod sandbox (the
 *               pause container) gives the pod's data: name is the pod's name.
 * @timeout_ms:  [in] bound of the whole lookup (all its calls), ms, > 0.
 * @out:         [in,out] a zeroed struct; on success filled with malloc'd strings that
 *               the caller frees with sinsp_container_release(): name (CRI container
 *               metadata name), image (as the runtime reports it, "repo:tag"), image_id
 *               (hex, without "sha256:"), image_repo, image_tag, image_digest
 *               ("sha256:..." when the image reference has one), labels, mounts
 *               (source = host path, mode "", propagation rprivate/rslave/rshared),
 *               privileged (when the verbose answer says), created_ns (creation, ns since
 *               the epoch), ip/ip_str (the pod's IPv4; 0/NULL with host network), and of
 *               the pod: pod_sandbox_id, pod_name, pod_namespace, pod_uid, pod_labels.
 *               Nothing else (id, full_id, type) is set. On failure @out is released
 *               and zeroed again.
 * @err:         [out] message on failure (may be NULL), @errlen bytes.
 * Called on a worker thread: touches no inspector state; handles are per call.
 * Return: 0; -ENOENT (the runtime knows no container nor pod of that id); -ETIMEDOUT;
 * -ECONNREFUSED (no runtime listens there); -EPROTO (unexpected answer); -EINVAL (empty
 * id, socket path too long); -ENOMEM; other negative errno of sinsp_grpc_call().
 */
int sinsp_cri_lookup(const char *socket_path, const char *full_id, long timeout_ms,
		     struct sinsp_container *out, char *err, size_t errlen);

#endif /* SINSP_RUNTIME_CRI_H */

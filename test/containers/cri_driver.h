/* SPDX-License-Identifier: Apache-2.0 */
/*
 * cri_driver.h - run and remove a Kubernetes-style pod and its container through a CRI
 * runtime's gRPC socket, as the kubelet would (tests only: Debian has no crictl). Same
 * transport (libsinsp runtime/grpc.h) and messages (runtime/cri.proto) as the library's
 * CRI client. Used by cri_pod (the command line tool) and test_cri_live.
 */
#ifndef SCRY_TEST_CRI_DRIVER_H
#define SCRY_TEST_CRI_DRIVER_H

#include <stddef.h>

struct cri_pod_spec {
	const char *name;           /* pod name (metadata and label io.kubernetes.pod.name) */
	const char *ns;             /* pod namespace */
	const char *uid;            /* pod uid */
	const char *const *labels;  /* pod labels "KEY=VALUE", NULL terminated (or NULL) */
	const char *cgroup_parent;  /* NULL: "/kubepods/besteffort/pod<uid>", as the kubelet's cgroupfs driver */
	const char *container;      /* container name (NULL: "loop") */
	const char *image;          /* image reference the runtime has (e.g. "localhost/scry/busybox:1") */
	const char *const *cmd;     /* command, NULL terminated (NULL: a shell loop of sleeps) */
	long timeout_ms;            /* bound of each call (0: 30000) */
	int privileged;             /* non-zero: a privileged sandbox and container */
	const char *const *mounts;  /* "HOST:CONTAINER" or "HOST:CONTAINER:ro", NULL terminated (or NULL) */
};

/*
 * cri_pod_up() - run a host-network pod sandbox with the kubelet's labels
 * (io.kubernetes.pod.name/namespace/uid) and spec->labels, create its container (with
 * the kubelet's container labels, io.kubernetes.container.name too) and start it.
 * pod_id and ctr_id receive the runtime's ids (64 hex digits; buffers of 128 bytes).
 * On failure whatever was created is removed. Return 0 or a negative errno (message in err).
 */
int cri_pod_up(const char *socket, const struct cri_pod_spec *spec, char *pod_id, char *ctr_id,
	       char *err, size_t errlen);

/*
 * cri_pod_down() - stop and remove every container of the pod, then the pod (idempotent:
 * an unknown pod is not an error). Return 0 or a negative errno (message in err).
 */
int cri_pod_down(const char *socket, const char *pod_id, long timeout_ms, char *err, size_t errlen);

/*
 * cri_version() - the runtime's name and version ("containerd 1.6.20~ds1") into out.
 * Answers once the runtime serves the CRI: a readiness probe. Return 0 or negative errno.
 */
int cri_version(const char *socket, long timeout_ms, char *out, size_t outlen, char *err,
		size_t errlen);

/*
 * cri_image_present() - whether the runtime holds image @ref (ImageService ImageStatus).
 * Return 1 (present), 0 (absent) or a negative errno (message in err).
 */
int cri_image_present(const char *socket, const char *ref, long timeout_ms, char *err,
		      size_t errlen);

#endif

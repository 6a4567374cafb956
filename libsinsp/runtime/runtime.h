/* SPDX-License-Identifier: Apache-2.0 */
/*
 * runtime/runtime.h - the container runtimes libsinsp asks for a container's metadata
 * (name, image, labels, ...) during a live capture: the signature of a backend's
 * lookup function and the table of backends, one row per runtime.
 *
 * A lookup runs on the inspector's lookup worker thread (runtime/lookup.c), never on
 * the thread of the event loop: it may block on its socket for up to its timeout. It
 * must touch no state of the inspector; it fills a zeroed struct sinsp_container that
 * the worker hands to the event thread, which moves the metadata into the container
 * table (sinsp_container_move_meta()).
 *
 * Adding a runtime is adding one row to sinsp_runtime_backends[] (runtime/backends.c).
 */
#ifndef SINSP_RUNTIME_RUNTIME_H
#define SINSP_RUNTIME_RUNTIME_H

#include <stddef.h>

#include "state/containers.h"

/**
 * sinsp_runtime_lookup_fn - ask one runtime for one container's metadata.
 * @socket_path: [in] the runtime's unix socket (the row's default, or the caller's
 *               override; NULL for a row without socket).
 * @full_id:     [in] the container's id as the cgroup path showed it (64 hex digits
 *               for docker, podman, CRI runtimes; the name for lxc).
 * @timeout_ms:  [in] the longest the whole lookup may take, connection included, ms.
 * @out:         [out] a zeroed struct; on success the metadata it found: name, image,
 *               image_id, image_repo, image_tag, image_digest, labels, privileged,
 *               mounts, ip/ip_str, created_ns, and the pod fields for CRI. Every string
 *               and array is malloc'd, owned by the caller, who frees them with
 *               sinsp_container_release() (also after a failure: a partly filled
 *               struct is allowed). id, full_id and type are left alone; pod_uid
 *               only by CRI (the pod's metadata names it).
 * @err:         [out] @errlen bytes for a message on failure (NUL terminated).
 * Return: 0; -ENOENT the runtime does not know @full_id; -ETIMEDOUT no answer within
 * @timeout_ms; another negative errno with a message in @err (-ECONNREFUSED the socket
 * is absent or nobody listens, -EPROTO a malformed answer, -ENOMEM, -EIO, -ELIBACC
 * libcurl cannot be loaded).
 * Thread-safety: called from one thread at a time per inspector, but from as many
 * inspectors at once as there are: it keeps no state between calls.
 */
typedef int (*sinsp_runtime_lookup_fn)(const char *socket_path, const char *full_id,
				       long timeout_ms, struct sinsp_container *out,
				       char *err, size_t errlen);

/* Container types a backend row answers; the list ends at the first SINSP_CT_HOST. */
#define SINSP_RUNTIME_MAX_TYPES 4

/* One runtime: which containers it knows and how to ask it. */
struct sinsp_runtime_backend {
	const char *name;            /* "docker", "podman", ...: the key of socket
	                                overrides (sinsp_open_opts.runtime_sockets) */
	enum sinsp_container_type types[SINSP_RUNTIME_MAX_TYPES]; /* ended by SINSP_CT_HOST
	                                when fewer; a type's first row wins */
	const char *default_socket;  /* unix socket path; NULL: the row needs none */
	sinsp_runtime_lookup_fn lookup;
};

/* The backends, in order (runtime/backends.c); sinsp_runtime_nbackends rows. */
extern const struct sinsp_runtime_backend sinsp_runtime_backends[];
extern const size_t sinsp_runtime_nbackends;

/*
 * sinsp_runtime_docker_lookup() - the Docker Engine API (docker, and podman's
 * Docker-compatible API on its own socket): GET /containers/<id>/json, then
 * /images/<image id>/json for the repository digest (and the tag when the container
 * names its image by id), over HTTP on the unix socket (runtime/docker.c).
 */
int sinsp_runtime_docker_lookup(const char *socket_path, const char *full_id, long timeout_ms,
				struct sinsp_container *out, char *err, size_t errlen);

/*
 * sinsp_runtime_name_lookup() - runtimes without an API to ask (lxc, libvirt-lxc,
 * systemd-nspawn): the cgroup path names the container, and that name is its
 * container.name, as sysdig reports lxc containers (runtime/backends.c).
 */
int sinsp_runtime_name_lookup(const char *socket_path, const char *full_id, long timeout_ms,
			      struct sinsp_container *out, char *err, size_t errlen);

/*
 * Docker Engine API answers to struct sinsp_container (runtime/docker_json.c); pure
 * functions, for the backend and the unit tests.
 *
 * sinsp_docker_parse_container() - the JSON of GET /containers/<id>/json (Docker
 * Engine API v1.41 shapes; podman's compat API answers the same): fills name (without
 * the leading '/'), image (Config.Image), image_id ("Image" without its "sha256:"),
 * image_repo and image_tag (split from Config.Image; tag "latest" when none),
 * image_digest (a "@sha256:..." in Config.Image), labels (Config.Labels), privileged
 * (HostConfig.Privileged), mounts ("Mounts"), ip_str/ip
 * (NetworkSettings.IPAddress, else the first network's), created_ns ("Created",
 * RFC 3339). Return: 0; -EPROTO not a container object (message in @err); -ENOMEM.
 */
int sinsp_docker_parse_container(const char *json, size_t len, struct sinsp_container *out,
				 char *err, size_t errlen);

/*
 * sinsp_docker_parse_image() - the JSON of GET /images/<id>/json: sets out->image_digest
 * from the "RepoDigests" entry of out->image_repo when out has no digest, and, when
 * out->image is an image id ("sha256:..."), image, image_repo and image_tag from the
 * first "RepoTags" entry. Return: 0; -EPROTO not an object; -ENOMEM.
 */
int sinsp_docker_parse_image(const char *json, size_t len, struct sinsp_container *out,
			     char *err, size_t errlen);

/*
 * sinsp_runtime_parse_time() - an RFC 3339 time ("2026-12-07T10:09:33.26475052Z",
 * "...+01:00") to ns since the epoch; 0 for the zero time of Go ("0001-01-01...") or
 * text that is not one.
 */
int64_t sinsp_runtime_parse_time(const char *text);

#endif /* SINSP_RUNTIME_RUNTIME_H */

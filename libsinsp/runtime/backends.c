/* SPDX-License-Identifier: Apache-2.0 */
/*
 * runtime/backends.c - the table of container runtimes libsinsp asks (runtime.h):
 * which container types each answers, on which socket, with which function.
 *
 * A type's first row wins. A container of type cri (a kubepods path that names no
 * runtime) is asked of containerd, and takes the type containerd once it answers (the
 * row's first type, as sysdig's CRI engine names the runtime that answers). Rootless podman's per-user sockets
 * (/run/user/UID/podman/podman.sock) are not asked: a rootless container's metadata
 * shows <NA> unless a socket override names that socket.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/cri.h"
#include "runtime/runtime.h"

#define END SINSP_CT_HOST

const struct sinsp_runtime_backend sinsp_runtime_backends[] = {
	/* Docker Engine API (dockerd's default socket) */
	{ "docker", { SINSP_CT_DOCKER, END }, "/var/run/docker.sock", sinsp_runtime_docker_lookup },
	/* podman's Docker-compatible API (rootful `podman system service`) */
	{ "podman", { SINSP_CT_PODMAN, END }, "/run/podman/podman.sock", sinsp_runtime_docker_lookup },
	/* the CRI gRPC API (runtime.v1.RuntimeService) of containerd and cri-o */
	{ "containerd", { SINSP_CT_CONTAINERD, SINSP_CT_CRI, END }, SINSP_CRI_CONTAINERD_SOCKET,
	  sinsp_cri_lookup },
	{ "cri-o", { SINSP_CT_CRIO, END }, SINSP_CRI_CRIO_SOCKET, sinsp_cri_lookup },
	/* no API: the cgroup path names the container (sysdig names lxc containers so) */
	{ "lxc", { SINSP_CT_LXC, SINSP_CT_LIBVIRT_LXC, SINSP_CT_NSPAWN, END }, NULL,
	  sinsp_runtime_name_lookup },
};
const size_t sinsp_runtime_nbackends = sizeof(sinsp_runtime_backends) / sizeof(sinsp_runtime_backends[0]);

int sinsp_runtime_name_lookup(const char *socket_path, const char *full_id, long timeout_ms,
			      struct sinsp_container *out, char *err, size_t errlen)
{
	(void)socket_path;
	(void)timeout_ms;
	out->name = strdup(full_id);
	if (!out->name) {
		snprintf(err, errlen, "out of memory");
		return -ENOMEM;
	}
	return 0;
}

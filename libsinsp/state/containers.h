/* SPDX-License-Identifier: Apache-2.0 */
/*
 * containers.h - containers: identity from a process's cgroup paths, and the table of
 * container metadata (name, image, ...) filled from the container events a capture
 * stores (sysdig's "container" JSON events and the older fixed-parameter ones) and,
 * live, from the container runtimes (sinsp_container_changed(): how capture writers
 * turn their answers into container records).
 *
 * Ownership: every struct sinsp_container and every string it points to is owned by
 * the inspector's container table; it stays valid and unchanged in place (metadata
 * that arrives later is filled into the same entry) until sinsp_close(). Entries are
 * never removed during a capture: their number is bounded by the containers seen.
 *
 * How a thread gets its container (see sinsp_container_from_cgroups()):
 * struct sinsp_thread.container_id is computed from the thread's cgroups whenever they
 * are set (process list, clone, execve), never per event; it is "host" for a process
 * outside any recognized container, else the id as sysdig prints container.id (the
 * first 12 hex digits of a 64-digit runtime id; the name for lxc, nspawn, mesos).
 */
#ifndef SINSP_CONTAINERS_H
#define SINSP_CONTAINERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct sinsp;

/*
 * Container types. 0..11 are the numbers sysdig's container events carry in "type"
 * (and print through container.type); the others are scry's own.
 */
enum sinsp_container_type {
	SINSP_CT_HOST = -1,         /* not in a container */
	SINSP_CT_DOCKER = 0,
	SINSP_CT_LXC = 1,
	SINSP_CT_LIBVIRT_LXC = 2,
	SINSP_CT_MESOS = 3,
	SINSP_CT_RKT = 4,
	SINSP_CT_CUSTOM = 5,
	SINSP_CT_CRI = 6,           /* a CRI runtime that the path does not name */
	SINSP_CT_CONTAINERD = 7,
	SINSP_CT_CRIO = 8,
	SINSP_CT_BPM = 9,
	SINSP_CT_STATIC = 10,
	SINSP_CT_PODMAN = 11,
	SINSP_CT_NSPAWN = 100,      /* systemd-nspawn machine (scry only; sysdig reports host) */
};

/* Number of hex digits of a runtime id that container.id shows (sysdig's short id). */
#define SINSP_CONTAINER_SHORT_ID_LEN 12
/* Longest container id kept (longer names are cut). */
#define SINSP_CONTAINER_ID_MAX 128

/* One mount of a container, as the container event lists it. */
struct sinsp_container_mount {
	char *source;               /* host path */
	char *dest;                 /* path in the container */
	char *mode;                 /* "" when the event has none, e.g. "z" */
	bool rw;                    /* read-write */
	char *propagation;          /* "rprivate", ... ("" when none) */
};

/* One label of a container (key=value). */
struct sinsp_container_label {
	char *key, *value;
};

struct sinsp_container {
	char *id;                   /* as container.id prints it; never NULL */
	enum sinsp_container_type type;
	bool has_metadata;          /* a container event or a runtime described it; false: known
	                               from cgroups only (such entries get no container record) */
	char *full_id;              /* 64-hex runtime id when the cgroup path showed it, else NULL */
	char *pod_uid;              /* kubernetes pod uid from a kubepods path, else NULL */
	/* metadata from container events; NULL when not given */
	char *name;
	char *image;                /* "repo:tag" as the runtime reports it */
	char *image_id;
	char *image_repo;
	char *image_tag;
	char *image_digest;
	bool privileged;
	uint32_t ip;                /* IPv4, network byte order, 0 when none */
	char *ip_str;               /* the "ip" string of the event, NULL when none */
	struct sinsp_container_mount *mounts;
	uint32_t nmounts;
	struct sinsp_container_label *labels;
	uint32_t nlabels;
	int64_t created_ns;         /* container start, ns since the epoch; 0 when unknown (container.start_ts) */
	/* Kubernetes pod of a CRI container (from the runtime or the capture's container
	 * event: "pod_sandbox_id", "pod_sandbox_labels"); NULL / 0 when none */
	char *pod_sandbox_id;
	char *pod_name;             /* k8s.pod.name */
	char *pod_namespace;        /* k8s.ns.name */
	struct sinsp_container_label *pod_labels;
	uint32_t npod_labels;
	/* bookkeeping of the table (containers.c) */
	uint64_t change_seq;        /* s->container_seq of its last sinsp_container_changed(); 0 never */
};

/**
 * sinsp_container_find() - the container with this id.
 * @s:  [in] inspector.
 * @id: [in] container id as container.id prints it (e.g. "ad64969c62e5"); "host" and
 *      NULL find nothing.
 * Return: the entry (owned by @s, valid until sinsp_close()), NULL when unknown.
 */
const struct sinsp_container *sinsp_container_find(struct sinsp *s, const char *id);

/*
 * sinsp_containers_foreach() - call fn with each entry of the table, in no order, until
 * it returns non-zero. Return: 0, or the first non-zero value of fn. fn must not add
 * containers.
 */
typedef int (*sinsp_container_visit_fn)(const struct sinsp_container *c, void *ctx);
int sinsp_containers_foreach(struct sinsp *s, sinsp_container_visit_fn fn, void *ctx);

/**
 * sinsp_container_type_name() - container.type text: "docker", "lxc", "libvirt-lxc",
 * "mesos", "rkt", "custom", "cri", "containerd", "cri-o", "bpm", "static", "podman",
 * "systemd-nspawn", or "host" for SINSP_CT_HOST. Static storage.
 */
const char *sinsp_container_type_name(enum sinsp_container_type type);

/* Result of sinsp_container_from_cgroups(). */
struct sinsp_cgroup_match {
	enum sinsp_container_type type;          /* SINSP_CT_HOST when nothing matched */
	char id[SINSP_CONTAINER_ID_MAX + 1];     /* short id as container.id prints it, "" for host */
	char full_id[SINSP_CONTAINER_ID_MAX + 1];/* 64-hex id, or the name; "" for host */
	char pod_uid[64];                        /* "" when not a kubepods path */
};

/**
 * sinsp_container_from_cgroups() - recognize a container from cgroup entries.
 * @cgroups: [in] NUL-separated entries as scap stores them: "subsys=path" (cgroup v1,
 *           e.g. "cpu=/docker/<id>", "name=systemd=/..."), "=path" or "0::path" (the v2
 *           unified line with an empty controller list); each entry's path starts at
 *           its first '/'. Need not be NUL terminated after @len bytes.
 * @len:     [in] bytes of @cgroups.
 * @out:     [out] the match; out->type is SINSP_CT_HOST when nothing is recognized.
 * Recognized (the last matching component of the first matching entry wins):
 * docker ("/docker/<64hex>", "docker-<64hex>.scope"), containerd ("cri-containerd-<64hex>.scope"
 * and the "slice:cri-containerd:<64hex>" form), cri-o ("crio-<64hex>[.scope]"), podman
 * ("libpod-<64hex>[.scope]", "libpod-payload-<64hex>", rootful, rootless under
 * "user@UID.service", "/libpod_parent/"), a bare 64-hex leaf under "kubepods" (cri) or
 * elsewhere (docker), with the pod uid of "pod<uid>" or "kubepods-...-pod<uid>.slice"
 * components, lxc ("/lxc/<name>", "lxc.payload.<name>", "/lxc.payload/<name>"),
 * libvirt-lxc ("machine-lxc\x2d<name>.scope"), systemd-nspawn
 * ("systemd-nspawn@<name>.service", "machine-<name>.scope" except qemu machines), mesos
 * ("/mesos/<id>"). Pure function: no state, no allocation.
 * Return: true when a container was recognized.
 */
bool sinsp_container_from_cgroups(const char *cgroups, size_t len, struct sinsp_cgroup_match *out);

/* ---- internal: the container table of the handle (containers.c) ----------------- */

struct sinsp_thread;
struct sinsp_evt;

/* Find or create the entry of a cgroup match (type, ids); NULL on ENOMEM. */
struct sinsp_container *sinsp_container_get(struct sinsp *s, const struct sinsp_cgroup_match *m);
/* Recompute t->container_id/container from t->cgroups. */
void sinsp_thread_update_container(struct sinsp *s, struct sinsp_thread *t);
void sinsp_containers_free(struct sinsp *s);
/* Find or create the entry of id (type docker until told); NULL on ENOMEM. */
struct sinsp_container *sinsp_container_entry(struct sinsp *s, const char *id);
/* Free the mounts and labels of c (metadata of a container event), leaving none. */
void sinsp_container_clear_meta(struct sinsp_container *c);
/*
 * sinsp_container_changed() - say that c's metadata (name, image, labels, pod, ...)
 * was just set or changed in place by a source outside the event stream (a runtime
 * lookup, the CRI): capture writers of @s write a container event for it before the
 * next event they write (sinsp_dump_changed_containers(), sinsp_dump.h), and the
 * user's container callback is told. Cheap; call it once per change, on the thread
 * that runs the event loop. Sets c->has_metadata.
 *
 * How it is consumed: each call numbers the change (++s->container_seq, kept in
 * c->change_seq). A writer keeps the number it has written up to; before each event
 * it writes, the entries numbered above it get one record each, stamped with that
 * event's time, and its mark moves to s->container_seq. A new file's state
 * (sinsp_dump_state()) holds every entry with metadata, so the mark starts there at
 * s->container_seq. Several writers on one inspector keep their own marks.
 *
 * Container events that are in the stream (a capture being read, re-written) do not
 * call it: the event itself is the record, and writers pass it through (a filtered
 * re-write keeps it flagged state-only, sinsp_evt_modifies_state()); a second record
 * would write it twice. They only tell the user's callback (sinsp_container_notify()).
 *
 * Containers known only from cgroups (has_metadata false) get no record: their id and
 * type come again from the cgroups of the threads on replay (process list, clone and
 * execve events), so a record would add nothing but bytes to every file, and on
 * replay it would claim metadata (has_metadata) that no runtime gave.
 */
void sinsp_container_changed(struct sinsp *s, struct sinsp_container *c);
/*
 * sinsp_container_move_meta() - move the metadata of @src (a container event's, a
 * runtime's answer) into table entry @dst, replacing all of dst's: name, image*,
 * privileged, ip/ip_str, mounts, labels, created_ns, pod_sandbox_id, pod_name,
 * pod_namespace, pod_labels; full_id and pod_uid only when src has them. id, type and
 * the bookkeeping stay. Sets dst->has_metadata; leaves src without metadata (release it
 * as before). The caller then calls sinsp_container_changed().
 */
void sinsp_container_move_meta(struct sinsp_container *dst, struct sinsp_container *src);
/* Tell the user's container callback (if any) about c: added, or metadata set. */
void sinsp_container_notify(struct sinsp *s, const struct sinsp_container *c);
/* Free every string, mount and label of c (not c itself). */
void sinsp_container_release(struct sinsp_container *c);

/*
 * container_json.c: apply a container event (JSON or the older fixed-parameter one).
 * Returns the entry it described, NULL when malformed (or on ENOMEM).
 */
struct sinsp_container *sinsp_container_parse_event(struct sinsp *s, const struct sinsp_evt *evt);
/*
 * container_json.c: the thread a JSON container event is shown with (sysdig 0.29.3's):
 * not one of the table but the container's own, named "container:ID" (proc.name; ID
 * as container.id prints it, "" for a malformed event, whose container is then the
 * host), of container c (NULL: none). Owned by @s (s->container_thread), refilled for
 * each container event, freed by sinsp_thread_free_all(); NULL on ENOMEM.
 */
struct sinsp_thread *sinsp_container_thread(struct sinsp *s, const struct sinsp_container *c);

#endif /* SINSP_CONTAINERS_H */

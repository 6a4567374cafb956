/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_cgroup_layouts.c - container identity from the cgroup layouts of every runtime
 * (sinsp_container_from_cgroups(), state/containers.c), on cgroup v1, v2 and hybrid hosts.
 *
 * A layout is written as a process's /proc/PID/cgroup ("ID:CONTROLLERS:PATH" lines; the
 * v2 line is "0::PATH") and given to the parser as libscap's /proc scan gives it
 * (libscap/proc_threads.c: "controller=path\0" for each controller of each v1 hierarchy,
 * name=systemd included, the v2 line left out; on a v2-only host the v2 path once for each
 * controller enabled at the root). The layouts recorded on the CI machine (Debian 12,
 * hybrid: v1 controllers, name=systemd, an empty unified hierarchy; no systemd) are also
 * given in the form the eBPF probe wrote them in a live capture there ("controller=path"
 * for each controller of the kernel, the v2 path for the controllers v1 does not mount).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <scry/scap.h>
#include <scry/sinsp.h>

#include "sinsp_int.h"
#include "fields/fields.h"
#include "evt_builder.h"

#define ID "8207c39c3b58a6e623fab500e215703d50202c111e23c15dd8a27dd9d57fcc10"
#define ID12 "8207c39c3b58"
#define POD "0a1b2c3d-4e5f-4789-abcd-ef0123456789"
#define POD_ "0a1b2c3d_4e5f_4789_abcd_ef0123456789"
#define PODMAN_POD "dc9aac843406396988a632e269cce3a18c887c435d7bfb6e2e71e9e118195b1d"

/* The v1 hierarchies of the CI machine, and of a systemd host (cpu,cpuacct joined). */
#define V1_CI(p)                                                                       \
	"9:name=systemd:" p "\n8:pids:" p "\n7:blkio:" p "\n6:freezer:" p "\n5:devices:" p \
	"\n4:memory:" p "\n3:cpuset:" p "\n2:cpuacct:" p "\n1:cpu:" p "\n"
#define V1_SYSTEMD(p)                                                                  \
	"12:pids:" p "\n11:cpu,cpuacct:" p "\n10:memory:" p "\n9:devices:" p "\n8:blkio:" p \
	"\n7:freezer:" p "\n6:net_cls,net_prio:" p "\n5:perf_event:" p "\n4:cpuset:" p      \
	"\n3:hugetlb:" p "\n1:name=systemd:" p "\n"
#define V2(p) "0::" p "\n"

/* libscap's /proc scan of a /proc/PID/cgroup text (libscap/proc_threads.c's rule). */
static size_t scan_form(const char *proc, char *out, size_t cap)
{
	static const char *const root_ctrls[] = { "cpuset", "cpu", "io", "memory", "pids" };
	char buf[4096], *line, *next, v2path[1024] = "";
	size_t n = 0, i;
	bool any_v1 = false;

	snprintf(buf, sizeof(buf), "%s", proc);
	for (line = buf; line && *line; line = next) {
		char *list, *path, *tok, *save;

		next = strchr(line, '\n');
		if (next)
			*next++ = 0;
		list = strchr(line, ':') + 1;
		path = strchr(list, ':');
		*path++ = 0;
		if (!*list) {
			snprintf(v2path, sizeof(v2path), "%s", path);
			continue;
		}
		for (tok = strtok_r(list, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
			any_v1 = true;
			n += (size_t)snprintf(out + n, cap - n, "%s=%s", tok, path) + 1;
		}
	}
	if (!any_v1 && v2path[0])
		for (i = 0; i < sizeof(root_ctrls) / sizeof(root_ctrls[0]); i++)
			n += (size_t)snprintf(out + n, cap - n, "%s=%s", root_ctrls[i], v2path) + 1;
	ck_assert_uint_lt(n, cap);
	return n;
}

/*
 * The probe's form of a /proc/PID/cgroup text: each controller of the kernel (those of
 * the CI machine's, in its order) with its v1 hierarchy's path, else the v2 path (the
 * root when there is no v2 line).
 */
static size_t probe_form(const char *proc, char *out, size_t cap)
{
	static const char *const kernel_ctrls[] = { "cpuset", "cpu", "cpuacct", "blkio", "memory",
						    "devices", "freezer", "net_cls", "perf_event",
						    "net_prio", "hugetlb", "pids" };
	size_t n = 0, i;

	for (i = 0; i < sizeof(kernel_ctrls) / sizeof(kernel_ctrls[0]); i++) {
		const char *c = kernel_ctrls[i], *path = NULL, *v2 = "/", *l;
		size_t clen = strlen(c);

		for (l = proc; *l; l = strchr(l, '\n') + 1) {
			const char *list = strchr(l, ':') + 1, *p = strchr(list, ':') + 1, *t;
			size_t plen = strcspn(p, "\n");
			static char buf[1024];

			if (list[0] == ':') {
				snprintf(buf, sizeof(buf), "%.*s", (int)plen, p);
				v2 = buf;
			}
			for (t = list; t < p - 1; t += strcspn(t, ",:") + 1)
				if (strncmp(t, c, clen) == 0 && (t[clen] == ',' || t[clen] == ':'))
					path = p;
			if (path) {
				n += (size_t)snprintf(out + n, cap - n, "%s=%.*s", c, (int)plen, path) + 1;
				break;
			}
		}
		if (!path)
			n += (size_t)snprintf(out + n, cap - n, "%s=%s", c, v2) + 1;
	}
	ck_assert_uint_lt(n, cap);
	return n;
}

/* expect(layout, proc text, type, id, pod uid or NULL): the scan's and the probe's match. */
static void expect_at(const char *file, int line, const char *what, const char *proc,
		      enum sinsp_container_type type, const char *id, const char *pod)
{
	static const char *const forms[] = { "/proc scan", "probe" };
	char cg[4096];
	int f;

	for (f = 0; f < 2; f++) {
		size_t n = f ? probe_form(proc, cg, sizeof(cg)) : scan_form(proc, cg, sizeof(cg));
		struct sinsp_cgroup_match m;
		bool found = sinsp_container_from_cgroups(cg, n, &m);

		ck_assert_msg(found == (type != SINSP_CT_HOST) && m.type == type &&
				      strcmp(m.id, id) == 0 && strcmp(m.pod_uid, pod ? pod : "") == 0,
			      "%s:%d: %s (%s form): got %s \"%s\" pod \"%s\", want %s \"%s\" pod \"%s\"",
			      file, line, what, forms[f], sinsp_container_type_name(m.type), m.id,
			      m.pod_uid, sinsp_container_type_name(type), id, pod ? pod : "");
	}
}
#define expect(what, proc, type, id, pod) expect_at(__FILE__, __LINE__, what, proc, type, id, pod)

/* match of one raw "controller=path\0..." string, as a capture holds it */
static struct sinsp_cgroup_match raw(const char *cg, size_t len)
{
	struct sinsp_cgroup_match m;

	sinsp_container_from_cgroups(cg, len, &m);
	return m;
}

/* ---- recorded on the CI machine (hybrid, no systemd) ----------------------------- */

START_TEST(recorded_docker_podman_cri_lxc)
{
	/* Debian's docker.io 20.10, no flags (cgroupfs driver): every line, 0:: too */
	expect("docker, recorded", V1_CI("/docker/" ID) V2("/docker/" ID), SINSP_CT_DOCKER, ID12, NULL);
	/* podman 4.3, cgroup_manager = "cgroupfs" */
	expect("podman, recorded", V1_CI("/libpod_parent/libpod-" ID) V2("/libpod_parent/libpod-" ID),
	       SINSP_CT_PODMAN, ID12, NULL);
	/* podman, a container of a pod (the pod's cgroup between) */
	expect("podman pod, recorded",
	       V1_CI("/libpod_parent/" PODMAN_POD "/libpod-" ID)
	       V2("/libpod_parent/" PODMAN_POD "/libpod-" ID), SINSP_CT_PODMAN, ID12, NULL);
	/* containerd 1.6's CRI, a pod sandbox with the kubelet's cgroup parent
	 * /kubepods/besteffort/pod<uid>: its container, and the sandbox (pause) itself */
	expect("cri container, recorded",
	       V1_CI("/kubepods/besteffort/pod" POD "/" ID) V2("/kubepods/besteffort/pod" POD "/" ID),
	       SINSP_CT_CRI, ID12, POD);
	expect("cri sandbox, recorded",
	       V1_CI("/kubepods/besteffort/pod" POD "/" PODMAN_POD)
	       V2("/kubepods/besteffort/pod" POD "/" PODMAN_POD), SINSP_CT_CRI, "dc9aac843406", POD);
	/* lxc 5.0, lxc-create -t busybox, lxc-start */
	expect("lxc, recorded", V1_CI("/lxc.payload.scry-ci-lxc") V2("/lxc.payload.scry-ci-lxc"),
	       SINSP_CT_LXC, "scry-ci-lxc", NULL);
	/* conmon (cgroupfs) and lxc's monitor stay outside */
	expect("conmon, recorded", V1_CI("/") V2("/"), SINSP_CT_HOST, "", NULL);
	expect("lxc monitor", V1_CI("/lxc.monitor.scry-ci-lxc") V2("/lxc.monitor.scry-ci-lxc"),
	       SINSP_CT_HOST, "", NULL);
}
END_TEST

START_TEST(recorded_probe_form)
{
	/* `docker exec` in a live capture: net_cls, net_prio and hugetlb are on no v1
	 * hierarchy and not enabled in v2: the root; perf_event follows v2 */
	static const char docker[] =
		"cpuset=/docker/" ID "\0cpu=/docker/" ID "\0cpuacct=/docker/" ID "\0blkio=/docker/" ID
		"\0memory=/docker/" ID "\0devices=/docker/" ID "\0freezer=/docker/" ID
		"\0net_cls=/\0perf_event=/docker/" ID "\0net_prio=/\0hugetlb=/\0pids=/docker/" ID;
	static const char lxc_attach[] =
		"cpuset=/lxc.payload.scry-ci-lxc\0cpu=/lxc.payload.scry-ci-lxc\0"
		"cpuacct=/lxc.payload.scry-ci-lxc\0blkio=/lxc.payload.scry-ci-lxc\0"
		"memory=/lxc.payload.scry-ci-lxc\0devices=/lxc.payload.scry-ci-lxc\0"
		"freezer=/lxc.payload.scry-ci-lxc\0net_cls=/\0perf_event=/lxc.payload.scry-ci-lxc/.lxc\0"
		"net_prio=/\0hugetlb=/\0pids=/lxc.payload.scry-ci-lxc";
	static const char podman[] =
		"cpuset=/libpod_parent/libpod-" ID "\0cpu=/libpod_parent/libpod-" ID
		"\0net_cls=/\0perf_event=/libpod_parent/libpod-" ID "\0net_prio=/\0hugetlb=/";
	static const char lxc_attach_v2[] = "perf_event=/lxc.payload.scry-ci-lxc/.lxc";
	/* the v2 hierarchy alone: the root, nothing */
	static const char v2_only_root[] = "net_cls=/\0net_prio=/\0hugetlb=/";
	struct sinsp_cgroup_match m;

	m = raw(docker, sizeof(docker));
	ck_assert_int_eq(m.type, SINSP_CT_DOCKER);
	ck_assert_str_eq(m.id, ID12);
	ck_assert_str_eq(m.full_id, ID);
	m = raw(lxc_attach, sizeof(lxc_attach));
	ck_assert_int_eq(m.type, SINSP_CT_LXC);
	ck_assert_str_eq(m.id, "scry-ci-lxc");
	/* lxc-attach's own v2 cgroup, alone */
	m = raw(lxc_attach_v2, sizeof(lxc_attach_v2));
	ck_assert_int_eq(m.type, SINSP_CT_LXC);
	ck_assert_str_eq(m.id, "scry-ci-lxc");
	m = raw(podman, sizeof(podman));
	ck_assert_int_eq(m.type, SINSP_CT_PODMAN);
	ck_assert_str_eq(m.id, ID12);
	m = raw(v2_only_root, sizeof(v2_only_root));
	ck_assert_int_eq(m.type, SINSP_CT_HOST);
}
END_TEST

/* ---- every runtime: v1, v2, hybrid ------------------------------------------------ */

START_TEST(docker_layouts)
{
	const enum sinsp_container_type T = SINSP_CT_DOCKER;

	expect("docker cgroupfs v1", V1_SYSTEMD("/docker/" ID), T, ID12, NULL);
	expect("docker cgroupfs v2", V2("/docker/" ID), T, ID12, NULL);
	expect("docker cgroupfs hybrid", V1_SYSTEMD("/docker/" ID) V2("/docker/" ID), T, ID12, NULL);
	/* hybrid: runc before 1.0 left the v2 hierarchy where the daemon was */
	expect("docker cgroupfs hybrid, v2 says nothing",
	       V1_SYSTEMD("/docker/" ID) V2("/system.slice/containerd.service"), T, ID12, NULL);
	expect("docker systemd v1", V1_SYSTEMD("/system.slice/docker-" ID ".scope"), T, ID12, NULL);
	expect("docker systemd v2", V2("/system.slice/docker-" ID ".scope"), T, ID12, NULL);
	expect("docker systemd hybrid",
	       V1_SYSTEMD("/system.slice/docker-" ID ".scope") V2("/system.slice/docker-" ID ".scope"),
	       T, ID12, NULL);
	/* rootless dockerd (cgroupfs inside the user's delegated v2 tree) */
	expect("docker rootless v2",
	       V2("/user.slice/user-1000.slice/user@1000.service/docker.service/docker/" ID), T, ID12,
	       NULL);
	/* docker in docker: the inner container */
	expect("docker in docker", V2("/docker/" ID "/docker/0123456789abcdef0123456789abcdef"
				      "0123456789abcdef0123456789abcdef"),
	       T, "0123456789ab", NULL);
	/* the daemon itself */
	expect("dockerd", V1_SYSTEMD("/system.slice/docker.service") V2("/system.slice/docker.service"),
	       SINSP_CT_HOST, "", NULL);
}
END_TEST

/* systemd's cgroup paths of the kubelet, a container of cri-o and podman */
#define KP_BE "/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod" POD_ ".slice"
#define KP_BU "/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod" POD_ ".slice"
#define CRI_SCOPE KP_BE "/cri-containerd-" ID ".scope"
#define CRIO_SCOPE KP_BU "/crio-" ID ".scope"
#define USER "/user.slice/user-1000.slice/user@1000.service"
#define ROOTLESS USER "/user.slice/libpod-" ID ".scope/container"

START_TEST(containerd_cri_layouts)
{
	const enum sinsp_container_type C = SINSP_CT_CONTAINERD, K = SINSP_CT_CRI;

	expect("cri-containerd scope v1", V1_SYSTEMD(CRI_SCOPE), C, ID12, POD);
	expect("cri-containerd scope v2", V2(CRI_SCOPE), C, ID12, POD);
	expect("cri-containerd scope hybrid", V1_SYSTEMD(CRI_SCOPE) V2(CRI_SCOPE), C, ID12, POD);

	/* the kubelet's cgroupfs layout (containerd's or cri-o's CRI): the runtime is the
	 * CRI's to say; qos dir for burstable/besteffort, none for guaranteed */
	expect("kubepods cgroupfs v1", V1_SYSTEMD("/kubepods/besteffort/pod" POD "/" ID), K, ID12, POD);
	expect("kubepods cgroupfs v2", V2("/kubepods/burstable/pod" POD "/" ID), K, ID12, POD);
	expect("kubepods cgroupfs hybrid",
	       V1_SYSTEMD("/kubepods/pod" POD "/" ID) V2("/kubepods/pod" POD "/" ID), K, ID12, POD);
	expect("kubepods cgroupfs hybrid, v2 says nothing",
	       V1_SYSTEMD("/kubepods/besteffort/pod" POD "/" ID) V2("/"), K, ID12, POD);
	/* the pod's own cgroup: no container */
	expect("kubepods pod cgroup", V2("/kubepods/besteffort/pod" POD), SINSP_CT_HOST, "", NULL);

	/* containerd given the systemd cgroup path as is ("slice:prefix:id") */
	expect("colon form v1",
	       V1_SYSTEMD("/kubepods-besteffort-pod" POD_ ".slice:cri-containerd:" ID), C, ID12, POD);
	expect("colon form v2",
	       V2("/system.slice/containerd.service/kubepods-burstable-pod" POD_
		  ".slice:cri-containerd:" ID), C, ID12, POD);
	expect("colon form hybrid",
	       V1_SYSTEMD("/kubepods-pod" POD_ ".slice:cri-containerd:" ID)
	       V2("/kubepods-pod" POD_ ".slice:cri-containerd:" ID), C, ID12, POD);
}
END_TEST

START_TEST(crio_layouts)
{
	const enum sinsp_container_type T = SINSP_CT_CRIO;

	expect("crio scope v1", V1_SYSTEMD(CRIO_SCOPE), T, ID12, POD);
	expect("crio scope v2", V2(CRIO_SCOPE), T, ID12, POD);
	expect("crio scope hybrid", V1_SYSTEMD(CRIO_SCOPE) V2(CRIO_SCOPE), T, ID12, POD);
	/* cri-o with cgroupfs; "container" under the scope with cgroup v2 nesting */
	expect("crio cgroupfs v1", V1_SYSTEMD("/kubepods/besteffort/pod" POD "/crio-" ID), T, ID12, POD);
	expect("crio cgroupfs hybrid, v2 says nothing",
	       V1_SYSTEMD("/kubepods/besteffort/pod" POD "/crio-" ID) V2("/"), T, ID12, POD);
	expect("crio scope/container v2", V2(CRIO_SCOPE "/container"), T, ID12, POD);
	expect("crio colon form", V2("/kubepods-besteffort-pod" POD_ ".slice:crio:" ID), T, ID12, POD);
	/* conmon, next to the container */
	expect("crio conmon", V2(KP_BU "/crio-conmon-" ID ".scope"), SINSP_CT_HOST, "", NULL);
}
END_TEST

START_TEST(podman_layouts)
{
	const enum sinsp_container_type T = SINSP_CT_PODMAN;

	expect("libpod scope v1", V1_SYSTEMD("/machine.slice/libpod-" ID ".scope"), T, ID12, NULL);
	expect("libpod scope v2", V2("/machine.slice/libpod-" ID ".scope"), T, ID12, NULL);
	expect("libpod scope hybrid",
	       V1_SYSTEMD("/machine.slice/libpod-" ID ".scope") V2("/machine.slice/libpod-" ID ".scope"),
	       T, ID12, NULL);
	expect("libpod scope/container v2", V2("/machine.slice/libpod-" ID ".scope/container"), T, ID12,
	       NULL);
	expect("libpod_parent v1", V1_SYSTEMD("/libpod_parent/libpod-" ID), T, ID12, NULL);
	expect("libpod_parent v2", V2("/libpod_parent/libpod-" ID), T, ID12, NULL);
	expect("libpod_parent hybrid, v2 says nothing", V1_SYSTEMD("/libpod_parent/libpod-" ID) V2("/"),
	       T, ID12, NULL);
	expect("libpod_parent pod v1", V1_SYSTEMD("/libpod_parent/" PODMAN_POD "/libpod-" ID), T, ID12,
	       NULL);
	expect("libpod_parent pod v2", V2("/libpod_parent/" PODMAN_POD "/libpod-" ID), T, ID12, NULL);
	expect("machine.slice pod v2",
	       V2("/machine.slice/machine-libpod_pod_" PODMAN_POD ".slice/libpod-" ID ".scope/container"),
	       T, ID12, NULL);
	/* rootless: the user's systemd owns the v2 tree (and name=systemd on hybrid hosts,
	 * where the v1 controllers stay in the user's slice) */
	expect("rootless v2", V2(ROOTLESS), T, ID12, NULL);
	expect("rootless hybrid (name=systemd and v2 only)",
	       "12:pids:" USER "\n11:cpu,cpuacct:/user.slice\n10:memory:" USER "\n1:name=systemd:"
	       ROOTLESS "\n" V2(ROOTLESS), T, ID12, NULL);
	/* cgroup v1 without systemd delegation: rootless podman makes no cgroup */
	expect("rootless v1", V1_SYSTEMD(USER), SINSP_CT_HOST, "", NULL);
	expect("rootless podman itself", V2(USER "/user.slice/podman-4242.scope"), SINSP_CT_HOST, "",
	       NULL);
	expect("libpod conmon", V2("/machine.slice/libpod-conmon-" ID ".scope"), SINSP_CT_HOST, "", NULL);
}
END_TEST

START_TEST(lxc_nspawn_layouts)
{
	expect("lxc.payload v1", V1_SYSTEMD("/lxc.payload.web01"), SINSP_CT_LXC, "web01", NULL);
	expect("lxc.payload v2", V2("/lxc.payload.web01"), SINSP_CT_LXC, "web01", NULL);
	expect("lxc.payload hybrid", V1_SYSTEMD("/lxc.payload.web01") V2("/lxc.payload.web01"),
	       SINSP_CT_LXC, "web01", NULL);
	expect("lxc.payload, systemd inside", V2("/lxc.payload.web01/system.slice/cron.service"),
	       SINSP_CT_LXC, "web01", NULL);
	expect("lxc.payload, dotted name", V2("/lxc.payload.db.prod"), SINSP_CT_LXC, "db.prod", NULL);
	expect("lxc 3 v1", V1_SYSTEMD("/lxc/web01"), SINSP_CT_LXC, "web01", NULL);
	expect("lxc 3 v2", V2("/lxc/web01"), SINSP_CT_LXC, "web01", NULL);
	expect("lxc 3 hybrid, v2 says nothing", V1_SYSTEMD("/lxc/web01") V2("/"), SINSP_CT_LXC, "web01",
	       NULL);
	expect("lxc 3 init.scope", V1_SYSTEMD("/lxc/web01/init.scope"), SINSP_CT_LXC, "web01", NULL);
	expect("lxc monitor v2", V2("/lxc.monitor.web01"), SINSP_CT_HOST, "", NULL);

	expect("nspawn v2", V2("/machine.slice/machine-debian1.scope/payload"), SINSP_CT_NSPAWN,
	       "debian1", NULL);
	expect("nspawn v1", V1_SYSTEMD("/machine.slice/machine-debian1.scope"), SINSP_CT_NSPAWN,
	       "debian1", NULL);
	expect("nspawn hybrid",
	       V1_SYSTEMD("/machine.slice/machine-debian1.scope")
	       V2("/machine.slice/machine-debian1.scope/payload"),
	       SINSP_CT_NSPAWN, "debian1", NULL);
	/* a machine scope of a virtual machine is not a container */
	expect("qemu machine", V2("/machine.slice/machine-qemu\\x2d1\\x2dvm.scope"), SINSP_CT_HOST, "",
	       NULL);
}
END_TEST

START_TEST(host_layouts)
{
	expect("host v1", V1_SYSTEMD("/user.slice/user-1000.slice/session-2.scope"), SINSP_CT_HOST, "",
	       NULL);
	expect("host v2", V2("/init.scope"), SINSP_CT_HOST, "", NULL);
	expect("host hybrid", V1_CI("/") V2("/"), SINSP_CT_HOST, "", NULL);
	expect("containerd itself", V2("/system.slice/containerd.service"), SINSP_CT_HOST, "", NULL);
}
END_TEST

/* ---- the fields of a container no runtime described ------------------------------- */

/* field NAME of evt as text, or "<NA>" when it does not resolve */
static const char *field_of(struct sinsp_evt *evt, const char *name)
{
	static char buf[256];
	struct field_ref r;
	struct strbuf out = { 0 };

	ck_assert_uint_eq(sinsp_field_parse(name, &r), strlen(name));
	if (sinsp_field_extract(evt, &r, SINSP_BUF_NORMAL, &out))
		snprintf(buf, sizeof(buf), "%s", out.buf ? out.buf : "");
	else
		snprintf(buf, sizeof(buf), "<NA>");
	sinsp_field_ref_free(&r);
	strbuf_free(&out);
	return buf;
}

START_TEST(type_from_the_path)
{
	static const char docker[] = "cpu=/docker/" ID, lxc[] = "cpu=/lxc.payload.web01",
			  nspawn[] = "=/machine.slice/machine-debian1.scope/payload";
	static const struct {
		const char *cg;
		size_t len;
		const char *id, *type, *name;
	} want[] = {
		{ docker, sizeof(docker), ID12, "docker", "<NA>" },
		/* the names come from the runtime lookups (runtime/backends.c), off here */
		{ lxc, sizeof(lxc), "web01", "lxc", "<NA>" },
		{ nspawn, sizeof(nspawn), "debian1", "systemd-nspawn", "<NA>" },
		{ "cpu=/", 6, "host", "host", "host" },
	};
	struct scap_threadinfo th[4];
	struct evt_builder eb;
	struct sinsp_evt *evt;
	sinsp_t *s;
	size_t i;

	memset(&eb, 0, sizeof(eb));
	memset(th, 0, sizeof(th));
	for (i = 0; i < 4; i++) {
		th[i].tid = th[i].pid = 100 + i;
		th[i].ptid = 1;
		strcpy(th[i].comm, "sh");
		strcpy(th[i].exe, "sh");
		memcpy(th[i].cgroups, want[i].cg, want[i].len);
		th[i].cgroups_len = (uint16_t)want[i].len;
		eb_add_at(&eb, 1000 + i, 100 + (int64_t)i, SCAP_EVT_SYSCALL_CLOSE_E, 1, P64(3));
	}
	eb.state.threads = th;
	eb.state.nthreads = 4;
	s = eb_open(&eb);
	for (i = 0; i < 4; i++) {
		ck_assert_int_eq(sinsp_next(s, &evt), 0);
		ck_assert_str_eq(field_of(evt, "container.id"), want[i].id);
		ck_assert_str_eq(field_of(evt, "container.type"), want[i].type);
		ck_assert_str_eq(field_of(evt, "container.name"), want[i].name);
		ck_assert_str_eq(field_of(evt, "container.image"), "<NA>");
	}
	eb_free(&eb);
}
END_TEST

static Suite *layouts_suite(void)
{
	Suite *s = suite_create("cgroup_layouts");
	TCase *tc = tcase_create("layouts");

	tcase_add_test(tc, recorded_docker_podman_cri_lxc);
	tcase_add_test(tc, recorded_probe_form);
	tcase_add_test(tc, docker_layouts);
	tcase_add_test(tc, containerd_cri_layouts);
	tcase_add_test(tc, crio_layouts);
	tcase_add_test(tc, podman_layouts);
	tcase_add_test(tc, lxc_nspawn_layouts);
	tcase_add_test(tc, host_layouts);
	suite_add_tcase(s, tc);
	tc = tcase_create("fields");
	tcase_add_test(tc, type_from_the_path);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(layouts_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_containers.c - container identity from cgroup paths (containers.c), the
 * container table filled by container events, and the user and group tables
 * (users.c): capture's user list, useradded/groupdeleted events, passwd/group files.
 */
#include <arpa/inet.h>
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <scry/scap.h>
#include <scry/sinsp.h>

#include "sinsp_int.h"
#include "parse/parse.h"
#include "evt_builder.h"

#define ID64 "ad64969c62e5596b839d08cf1b05986dabdfa797f02c424ec877f050afc63a8d"
#define ID12 "ad64969c62e5"
#define POD "0a1b2c3d-4e5f-6789-abcd-ef0123456789"
#define POD_ "0a1b2c3d_4e5f_6789_abcd_ef0123456789"

/* Match one cgroup entry (a string literal); returns the match. */
static struct sinsp_cgroup_match match1(const char *entry)
{
	struct sinsp_cgroup_match m;

	sinsp_container_from_cgroups(entry, strlen(entry) + 1, &m);
	return m;
}

#define ASSERT_MATCH(entry, type_, id_)                                   \
	do {                                                              \
		struct sinsp_cgroup_match m_ = match1(entry);             \
		ck_assert_int_eq(m_.type, (type_));                       \
		ck_assert_str_eq(m_.id, (id_));                           \
	} while (0)

/* ---- cgroup paths ------------------------------------------------------------------- */

START_TEST(docker_v1_and_v2)
{
	struct sinsp_cgroup_match m = match1("cpu=/docker/" ID64);

	ck_assert_int_eq(m.type, SINSP_CT_DOCKER);
	ck_assert_str_eq(m.id, ID12);
	ck_assert_str_eq(m.full_id, ID64);
	ASSERT_MATCH("=/system.slice/docker-" ID64 ".scope", SINSP_CT_DOCKER, ID12);
	ASSERT_MATCH("0::/system.slice/docker-" ID64 ".scope", SINSP_CT_DOCKER, ID12);
	ASSERT_MATCH("name=systemd=/docker/" ID64, SINSP_CT_DOCKER, ID12);
	ck_assert_str_eq(sinsp_container_type_name(SINSP_CT_DOCKER), "docker");
}
END_TEST

START_TEST(containerd_colon_form_with_pod)
{
	struct sinsp_cgroup_match m =
		match1("=/kubepods-besteffort-pod" POD_ ".slice:cri-containerd:" ID64);

	ck_assert_int_eq(m.type, SINSP_CT_CONTAINERD);
	ck_assert_str_eq(m.id, ID12);
	ck_assert_str_eq(m.pod_uid, POD);
	ASSERT_MATCH("0::/system.slice/containerd.service/kubepods-burstable-pod" POD_
		     ".slice:cri-containerd:" ID64, SINSP_CT_CONTAINERD, ID12);
	ASSERT_MATCH("=/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod" POD_
		     ".slice/cri-containerd-" ID64 ".scope", SINSP_CT_CONTAINERD, ID12);
	ck_assert_str_eq(sinsp_container_type_name(SINSP_CT_CONTAINERD), "containerd");
}
END_TEST

START_TEST(crio_and_conmon)
{
	struct sinsp_cgroup_match m = match1(
		"=/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod" POD_
		".slice/crio-" ID64 ".scope");

	ck_assert_int_eq(m.type, SINSP_CT_CRIO);
	ck_assert_str_eq(m.id, ID12);
	ck_assert_str_eq(m.pod_uid, POD);
	ck_assert_str_eq(sinsp_container_type_name(SINSP_CT_CRIO), "cri-o");
	/* the monitor process next to the container is on the host */
	ASSERT_MATCH("=/machine.slice/crio-conmon-" ID64 ".scope", SINSP_CT_HOST, "");
}
END_TEST

START_TEST(kubepods_cgroupfs_pod_uid)
{
	struct sinsp_cgroup_match m = match1("memory=/kubepods/besteffort/pod" POD "/" ID64);

	ck_assert_int_eq(m.type, SINSP_CT_CRI);
	ck_assert_str_eq(m.id, ID12);
	ck_assert_str_eq(m.pod_uid, POD);
	/* the pod's own cgroup (no container yet) is not a container */
	ASSERT_MATCH("memory=/kubepods/besteffort/pod" POD, SINSP_CT_HOST, "");
}
END_TEST

START_TEST(podman_rootful_rootless_user_service)
{
	ASSERT_MATCH("0::/machine.slice/libpod-" ID64 ".scope", SINSP_CT_PODMAN, ID12);
	ASSERT_MATCH("0::/machine.slice/libpod-" ID64 ".scope/container", SINSP_CT_PODMAN, ID12);
	ASSERT_MATCH("0::/user.slice/user-1000.slice/user@1000.service/user.slice/libpod-" ID64
		     ".scope/container", SINSP_CT_PODMAN, ID12);
	/* podman run from a systemd user service (--cgroups=split) */
	ASSERT_MATCH("0::/user.slice/user-1000.slice/user@1000.service/app.slice/web.service/libpod-payload-"
		     ID64, SINSP_CT_PODMAN, ID12);
	/* libpod with the cgroupfs manager */
	ASSERT_MATCH("memory=/libpod_parent/libpod-" ID64, SINSP_CT_PODMAN, ID12);
	ASSERT_MATCH("memory=/libpod_parent/" ID64, SINSP_CT_PODMAN, ID12);
	/* conmon, and podman itself, are not in the container */
	ASSERT_MATCH("0::/machine.slice/libpod-conmon-" ID64 ".scope", SINSP_CT_HOST, "");
	ASSERT_MATCH("0::/user.slice/user-1000.slice/user@1000.service/user.slice/podman-4242.scope",
		     SINSP_CT_HOST, "");
}
END_TEST

START_TEST(lxc_nspawn_libvirt_mesos)
{
	ASSERT_MATCH("cpu=/lxc/web01", SINSP_CT_LXC, "web01");
	ASSERT_MATCH("cpu=/lxc/web01/init.scope", SINSP_CT_LXC, "web01");
	ASSERT_MATCH("0::/lxc.payload.db02", SINSP_CT_LXC, "db02");
	ASSERT_MATCH("0::/lxc.payload/db03/system.slice", SINSP_CT_LXC, "db03");
	ASSERT_MATCH("0::/machine.slice/systemd-nspawn@debian1.service/payload", SINSP_CT_NSPAWN, "debian1");
	ASSERT_MATCH("0::/machine.slice/machine-fedora.scope", SINSP_CT_NSPAWN, "fedora");
	ASSERT_MATCH("0::/machine.slice/machine-lxc\\x2dvm7.scope", SINSP_CT_LIBVIRT_LXC, "vm7");
	ASSERT_MATCH("0::/machine.slice/machine-qemu\\x2d1\\x2dvm.scope", SINSP_CT_HOST, "");
	ASSERT_MATCH("cpu=/mesos/0a1b2c3d-0000-1111-2222-333344445555", SINSP_CT_MESOS,
		     "0a1b2c3d-0000-1111-2222-333344445555");
	ck_assert_str_eq(sinsp_container_type_name(SINSP_CT_NSPAWN), "systemd-nspawn");
	ck_assert_str_eq(sinsp_container_type_name(SINSP_CT_LXC), "lxc");
}
END_TEST

START_TEST(host_paths)
{
	static const char v1[] = "cpu=/user.slice\0memory=/user.slice/user-1000.slice/session-2.scope\0"
				 "name=systemd=/init.scope\0pids=/";
	struct sinsp_cgroup_match m;

	ck_assert(!sinsp_container_from_cgroups(v1, sizeof(v1), &m));
	ck_assert_int_eq(m.type, SINSP_CT_HOST);
	ck_assert_str_eq(m.id, "");
	ASSERT_MATCH("0::/system.slice/docker.service", SINSP_CT_HOST, "");
	ASSERT_MATCH("0::/", SINSP_CT_HOST, "");
	/* 63 hex digits: not an id */
	ASSERT_MATCH("cpu=/docker/d64969c62e5596b839d08cf1b05986dabdfa797f02c424ec877f050afc63a8d",
		     SINSP_CT_HOST, "");
	ck_assert_str_eq(sinsp_container_type_name(SINSP_CT_HOST), "host");
}
END_TEST

START_TEST(first_matching_entry_wins)
{
	static const char cg[] = "cpuset=/\0cpu=/docker/" ID64 "\0memory=/lxc/other";
	struct sinsp_cgroup_match m;

	ck_assert(sinsp_container_from_cgroups(cg, sizeof(cg) - 1, &m)); /* no final NUL */
	ck_assert_int_eq(m.type, SINSP_CT_DOCKER);
	ck_assert_str_eq(m.id, ID12);
}
END_TEST

/* ---- with an inspector ------------------------------------------------------------------ */

struct fixture {
	struct evt_builder eb;  /* events of explicit time and thread */
	struct scap_threadinfo threads[4];
	uint32_t nthreads;
	struct scap_userinfo users[3];
	struct scap_groupinfo groups[2];
	sinsp_t *s;
	char tmpdir[64];
};

static struct fixture fx;

/* add_evt(ts, tid, type, nparams, params...): an event of thread tid at time ts (ns). */
#define add_evt(...) eb_add_at(&fx.eb, __VA_ARGS__)

static struct scap_threadinfo *add_thread(int64_t tid, int64_t ptid, const char *comm,
					  const char *cgroups, size_t cglen)
{
	struct scap_threadinfo *t = &fx.threads[fx.nthreads++];

	t->tid = t->pid = (uint64_t)tid;
	t->ptid = (uint64_t)ptid;
	t->vtid = t->vpid = tid;
	strcpy(t->comm, comm);
	strcpy(t->exe, comm);
	strcpy(t->cwd, "/");
	t->loginuid = UINT32_MAX;
	memcpy(t->cgroups, cgroups, cglen);
	t->cgroups_len = (uint16_t)cglen;
	return t;
}

static void open_inspector(void)
{
	fx.eb.state.threads = fx.threads;
	fx.eb.state.nthreads = fx.nthreads;
	fx.s = eb_open(&fx.eb);
}

static void run_all(void)
{
	struct sinsp_evt *evt;

	while (sinsp_next(fx.s, &evt) == 0)
		;
}

static void setup(void)
{
	memset(&fx, 0, sizeof(fx));
}

static void teardown(void)
{
	eb_free(&fx.eb);
}

START_TEST(running_process_on_cgroup_v2_gets_container)
{
	/* the v2 unified line (empty controller list), without a final NUL */
	static const char cg[] = "=/system.slice/docker-" ID64 ".scope";
	const struct sinsp_container *c;

	add_thread(1, 0, "systemd", "=/init.scope", 13);
	add_thread(4242, 1, "node", cg, sizeof(cg) - 1);
	open_inspector();
	ck_assert_str_eq(sinsp_thread_find(fx.s, 4242)->container_id, ID12);
	ck_assert_str_eq(sinsp_thread_find(fx.s, 1)->container_id, "host");
	ck_assert_ptr_null(sinsp_thread_find(fx.s, 1)->container);
	c = sinsp_container_find(fx.s, ID12);
	ck_assert_ptr_nonnull(c);
	ck_assert_ptr_eq(c, sinsp_thread_find(fx.s, 4242)->container);
	ck_assert_int_eq(c->type, SINSP_CT_DOCKER);
	ck_assert_str_eq(c->full_id, ID64);
	ck_assert(!c->has_metadata);
	ck_assert_ptr_null(c->name);
	ck_assert_ptr_null(sinsp_container_find(fx.s, "host"));
}
END_TEST

START_TEST(container_json_event_fills_table)
{
	static const char cg[] = "cpu=/docker/" ID64;
	const struct sinsp_container *c;
	const char *json =
		"{\"container\":{\"Mounts\":[{\"Destination\":\"/data\",\"Mode\":\"z\",\"Propagation\":"
		"\"rprivate\",\"RW\":true,\"Source\":\"/srv/data\"},{\"Destination\":\"/etc/x\",\"Mode\":\"\","
		"\"Propagation\":\"\",\"RW\":false,\"Source\":\"/etc/x\"}],\"id\":\"" ID12 "\",\"image\":"
		"\"node:latest\",\"imagedigest\":\"sha256:0011\",\"imageid\":\"6f7e2741b66b\",\"imagerepo\":"
		"\"node\",\"imagetag\":\"latest\",\"ip\":\"172.17.0.2\",\"labels\":{\"app\":\"web\","
		"\"tier\":\"front\\u00e9\"},\"name\":\"express_server\",\"port_mappings\":[{\"ContainerPort\":"
		"80}],\"privileged\":true,\"type\":0}}";

	add_thread(4242, 1, "node", cg, sizeof(cg));
	add_evt(0, 0, SCAP_EVT_CONTAINER_JSON_E, 1, PSTR(json));
	/* the older fixed-parameter event */
	add_evt(0, 0, SCAP_EVT_CONTAINER_E, 4, PSTR("5ea733068030"), P32(0), PSTR("falco"),
		PSTR("sysdig/falco:latest"));
	open_inspector();
	run_all();
	c = sinsp_container_find(fx.s, ID12);
	ck_assert_ptr_nonnull(c);
	ck_assert_ptr_eq(c, sinsp_thread_find(fx.s, 4242)->container);
	ck_assert(c->has_metadata);
	ck_assert_str_eq(c->name, "express_server");
	ck_assert_str_eq(c->image, "node:latest");
	ck_assert_str_eq(c->image_id, "6f7e2741b66b");
	ck_assert_str_eq(c->image_repo, "node");
	ck_assert_str_eq(c->image_tag, "latest");
	ck_assert_str_eq(c->image_digest, "sha256:0011");
	ck_assert_str_eq(c->ip_str, "172.17.0.2");
	ck_assert_uint_eq(c->ip, htonl(0xac110002));
	ck_assert(c->privileged);
	ck_assert_int_eq(c->type, SINSP_CT_DOCKER);
	ck_assert_str_eq(c->full_id, ID64);             /* kept from the cgroup path */
	ck_assert_uint_eq(c->nmounts, 2);
	ck_assert_str_eq(c->mounts[0].source, "/srv/data");
	ck_assert_str_eq(c->mounts[0].dest, "/data");
	ck_assert_str_eq(c->mounts[0].mode, "z");
	ck_assert(c->mounts[0].rw);
	ck_assert_str_eq(c->mounts[0].propagation, "rprivate");
	ck_assert(!c->mounts[1].rw);
	ck_assert_uint_eq(c->nlabels, 2);
	ck_assert_str_eq(c->labels[0].key, "app");
	ck_assert_str_eq(c->labels[0].value, "web");
	ck_assert_str_eq(c->labels[1].value, "front\xc3\xa9");

	c = sinsp_container_find(fx.s, "5ea733068030");
	ck_assert_ptr_nonnull(c);
	ck_assert_str_eq(c->name, "falco");
	ck_assert_str_eq(c->image, "sysdig/falco:latest");
	ck_assert_int_eq(c->type, SINSP_CT_DOCKER);
	/* the meta events created no thread */
	ck_assert_uint_eq(fx.s->threads.count, 1);
}
END_TEST

START_TEST(malformed_json_is_ignored)
{
	add_evt(0, 0, SCAP_EVT_CONTAINER_JSON_E, 1, PSTR("{\"container\":{\"id\":\"abc\",\"name\":"));
	add_evt(0, 0, SCAP_EVT_CONTAINER_JSON_E, 1, PSTR("{\"container\":{\"name\":\"noid\"}}"));
	add_evt(0, 0, SCAP_EVT_CONTAINER_JSON_E, 1, PSTR("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["));
	open_inspector();
	run_all();
	ck_assert_ptr_null(sinsp_container_find(fx.s, "abc"));
	ck_assert_uint_eq(fx.s->containers.count, 0);
}
END_TEST

START_TEST(clone_and_exec_recompute_container)
{
	static const char cg[] = "cpu=/docker/" ID64;

	add_thread(1, 0, "systemd", "cpu=/", 6);
	add_thread(300, 1, "containerd-shim", "cpu=/system.slice/containerd.service", 37);
	/* shim forks 301, whose own clone event names the container's cgroups */
	add_evt(1, 301, SCAP_EVT_SYSCALL_CLONE_20_X, 20, P64(0), PSTR("runc"), PBUF("", 0), P64(301),
		P64(301), P64(300), PSTR("/"), P64(1024), P64(0), P64(0), P32(0), P32(0), P32(0),
		PSTR("runc"), PBUF(cg, sizeof(cg)), P32(0), P32(0), P32(0), P64(301), P64(301));
	open_inspector();
	run_all();
	ck_assert_str_eq(sinsp_thread_find(fx.s, 300)->container_id, "host");
	ck_assert_str_eq(sinsp_thread_find(fx.s, 301)->container_id, ID12);
	ck_assert_int_eq(sinsp_thread_find(fx.s, 301)->container->type, SINSP_CT_DOCKER);
}
END_TEST

/* ---- users and groups ---------------------------------------------------------------------- */

START_TEST(users_from_state_and_events)
{
	const struct sinsp_user *u;

	fx.users[0] = (struct scap_userinfo){ .uid = 0, .gid = 0, .name = "root", .homedir = "/root",
					      .shell = "/bin/bash" };
	fx.users[1] = (struct scap_userinfo){ .uid = 1000, .gid = 1000, .name = "alice",
					      .homedir = "/home/alice", .shell = "/bin/zsh" };
	fx.groups[0] = (struct scap_groupinfo){ .gid = 0, .name = "root" };
	fx.groups[1] = (struct scap_groupinfo){ .gid = 27, .name = "sudo" };
	fx.eb.state.users = fx.users;
	fx.eb.state.nusers = 2;
	fx.eb.state.groups = fx.groups;
	fx.eb.state.ngroups = 2;
	add_evt(1, 1, SCAP_EVT_USER_ADDED_E, 6, P32(1001), P32(1001), PSTR("bob"), PSTR("/home/bob"),
		PSTR("/bin/sh"), PSTR(""));
	add_evt(2, 1, SCAP_EVT_USER_ADDED_E, 6, P32(1000), P32(50), PSTR("www"), PSTR("/var/www"),
		PSTR("/sbin/nologin"), PSTR(ID12));
	add_evt(3, 1, SCAP_EVT_USER_DELETED_E, 6, P32(0), P32(0), PSTR("root"), PSTR("/root"),
		PSTR("/bin/bash"), PSTR(""));
	add_evt(4, 1, SCAP_EVT_GROUP_ADDED_E, 3, P32(100), PSTR("docker"), PSTR(""));
	add_evt(5, 1, SCAP_EVT_GROUP_DELETED_E, 3, P32(27), PSTR("sudo"), PSTR(""));
	open_inspector();
	ck_assert_str_eq(sinsp_user_name(fx.s, 0), "root");
	ck_assert_str_eq(sinsp_group_name(fx.s, 27), "sudo");
	run_all();
	u = sinsp_user_find(fx.s, NULL, 1001);
	ck_assert_ptr_nonnull(u);
	ck_assert_str_eq(u->name, "bob");
	ck_assert_str_eq(u->home, "/home/bob");
	ck_assert_str_eq(u->shell, "/bin/sh");
	/* uid 1000 is alice on the host and www in the container */
	ck_assert_str_eq(sinsp_user_find(fx.s, "host", 1000)->name, "alice");
	ck_assert_str_eq(sinsp_user_find(fx.s, ID12, 1000)->name, "www");
	ck_assert_uint_eq(sinsp_user_find(fx.s, ID12, 1000)->gid, 50);
	/* a container without its own entry sees the host's */
	ck_assert_str_eq(sinsp_user_find(fx.s, ID12, 1001)->name, "bob");
	ck_assert_ptr_null(sinsp_user_find(fx.s, NULL, 0));
	ck_assert_ptr_null(sinsp_user_name(fx.s, 0));
	ck_assert_ptr_null(sinsp_group_find(fx.s, NULL, 27));
	ck_assert_str_eq(sinsp_group_name(fx.s, 0), "root");
	ck_assert_str_eq(sinsp_group_name(fx.s, 100), "docker");
	ck_assert_uint_eq(sinsp_user_count(fx.s), 3);
	/* the meta events created no thread */
	ck_assert_uint_eq(fx.s->threads.count, 0);
}
END_TEST

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
}

START_TEST(users_from_passwd_and_group_files)
{
	char passwd[128], group[128];

	strcpy(fx.tmpdir, "/tmp/scry_test_users_XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(fx.tmpdir));
	snprintf(passwd, sizeof(passwd), "%s/passwd", fx.tmpdir);
	snprintf(group, sizeof(group), "%s/group", fx.tmpdir);
	write_file(passwd, "root:x:0:0:root:/root:/bin/bash\n"
			   "# comment\n"
			   "\n"
			   "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
			   "broken:x:notanumber:1::/:/bin/sh\n"
			   "short:x:5\n"
			   "carol:x:1002:1002:Carol,,,:/home/carol:/bin/bash\r\n");
	write_file(group, "root:x:0:\nsudo:x:27:carol,dave\nbad:x:\nstaff:x:50\n");
	open_inspector();
	ck_assert_int_eq(sinsp_users_load_files(fx.s, passwd, group), 0);
	ck_assert_uint_eq(sinsp_user_count(fx.s), 3);
	ck_assert_str_eq(sinsp_user_name(fx.s, 0), "root");
	ck_assert_str_eq(sinsp_user_find(fx.s, NULL, 1)->home, "/usr/sbin");
	ck_assert_str_eq(sinsp_user_find(fx.s, NULL, 1002)->shell, "/bin/bash");
	ck_assert_str_eq(sinsp_user_find(fx.s, NULL, 1002)->name, "carol");
	ck_assert_uint_eq(sinsp_group_count(fx.s), 3);
	ck_assert_str_eq(sinsp_group_name(fx.s, 27), "sudo");
	ck_assert_str_eq(sinsp_group_name(fx.s, 50), "staff");
	ck_assert_int_eq(sinsp_users_load_files(fx.s, "/nonexistent/passwd", NULL), -ENOENT);
	unlink(passwd);
	unlink(group);
	rmdir(fx.tmpdir);
}
END_TEST

static Suite *containers_suite(void)
{
	Suite *s = suite_create("containers");
	TCase *tc;

	tc = tcase_create("cgroups");
	tcase_add_test(tc, docker_v1_and_v2);
	tcase_add_test(tc, containerd_colon_form_with_pod);
	tcase_add_test(tc, crio_and_conmon);
	tcase_add_test(tc, kubepods_cgroupfs_pod_uid);
	tcase_add_test(tc, podman_rootful_rootless_user_service);
	tcase_add_test(tc, lxc_nspawn_libvirt_mesos);
	tcase_add_test(tc, host_paths);
	tcase_add_test(tc, first_matching_entry_wins);
	suite_add_tcase(s, tc);

	tc = tcase_create("table");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, running_process_on_cgroup_v2_gets_container);
	tcase_add_test(tc, container_json_event_fills_table);
	tcase_add_test(tc, malformed_json_is_ignored);
	tcase_add_test(tc, clone_and_exec_recompute_container);
	suite_add_tcase(s, tc);

	tc = tcase_create("users");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, users_from_state_and_events);
	tcase_add_test(tc, users_from_passwd_and_group_files);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(containers_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

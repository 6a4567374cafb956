/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_cri.c - the CRI client without a runtime: against a fake gRPC server
 * (fake_grpc.c) that answers as containerd and cri-o do (what the lookup reads from
 * each answer, the calls it makes, gRPC errors), and its failures: no socket, a socket
 * that never answers (the timeout bounds the whole lookup), bad arguments.
 */
#include <arpa/inet.h>
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include <scry/scap.h>
#include <scry/scap_test_input.h>
#include <scry/sinsp.h>
#include <scry/sinsp_state.h>

#include "runtime/cri.h"
#include "runtime/cri.pb-c.h"
#include "runtime/grpc.h"
#include "fake_grpc.h"

#define CTR "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0"
#define SBX "aa11bb22cc33dd44ee55ff6677889900aa11bb22cc33dd44ee55ff6677889900"
#define IMG_ID "6f7e2741b66b1c2d3e4f5a6b7c8d9e0f6f7e2741b66b1c2d3e4f5a6b7c8d9e0f"
#define DIGEST "sha256:0011223344556677889900aabbccddeeff0011223344556677889900aabbcc"
#define M(x) "/runtime.v1.RuntimeService/" x

static char dir[32];

static void setup(void)
{
	strcpy(dir, "/tmp/test_cri.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void teardown(void)
{
	char p[128];

	snprintf(p, sizeof(p), "%s/cri.sock", dir);
	unlink(p);
	rmdir(dir);
}

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ---- canned answers --------------------------------------------------------------- */

typedef Runtime__V1__ContainerStatus__LabelsEntry label_t;

static label_t clabels[2] = { RUNTIME__V1__CONTAINER_STATUS__LABELS_ENTRY__INIT,
			      RUNTIME__V1__CONTAINER_STATUS__LABELS_ENTRY__INIT };
static label_t *pclabels[2] = { &clabels[0], &clabels[1] };
static Runtime__V1__ContainerStatusResponse__InfoEntry info = RUNTIME__V1__CONTAINER_STATUS_RESPONSE__INFO_ENTRY__INIT;
static Runtime__V1__ContainerStatusResponse__InfoEntry *pinfo[1] = { &info };
static Runtime__V1__Mount mount = RUNTIME__V1__MOUNT__INIT;
static Runtime__V1__Mount *pmount[1] = { &mount };
static Runtime__V1__ContainerMetadata cmeta = RUNTIME__V1__CONTAINER_METADATA__INIT;
static Runtime__V1__ImageSpec image = RUNTIME__V1__IMAGE_SPEC__INIT;
static Runtime__V1__ContainerStatus cstatus = RUNTIME__V1__CONTAINER_STATUS__INIT;
static Runtime__V1__ContainerStatusResponse cresp = RUNTIME__V1__CONTAINER_STATUS_RESPONSE__INIT;

static Runtime__V1__PodSandboxStatus__LabelsEntry plabel = RUNTIME__V1__POD_SANDBOX_STATUS__LABELS_ENTRY__INIT;
static Runtime__V1__PodSandboxStatus__LabelsEntry *pplabel[1] = { &plabel };
static Runtime__V1__PodSandboxMetadata pmeta = RUNTIME__V1__POD_SANDBOX_METADATA__INIT;
static Runtime__V1__PodSandboxNetworkStatus net = RUNTIME__V1__POD_SANDBOX_NETWORK_STATUS__INIT;
static Runtime__V1__PodSandboxStatus pstatus = RUNTIME__V1__POD_SANDBOX_STATUS__INIT;
static Runtime__V1__PodSandboxStatusResponse presp = RUNTIME__V1__POD_SANDBOX_STATUS_RESPONSE__INIT;

static Runtime__V1__Container listed = RUNTIME__V1__CONTAINER__INIT;
static Runtime__V1__Container *plisted[1] = { &listed };
static Runtime__V1__ListContainersResponse lresp = RUNTIME__V1__LIST_CONTAINERS_RESPONSE__INIT;

/* A container of a pod as a runtime describes it; info: the verbose "info" JSON. */
static void canned(const char *info_json)
{
	clabels[0].key = "zone";
	clabels[0].value = "b";
	clabels[1].key = "io.kubernetes.container.name";
	clabels[1].value = "web-1";
	info.key = "info";
	info.value = (char *)info_json;
	mount.container_path = "/data";
	mount.host_path = "/srv/data";
	mount.readonly = true;
	mount.propagation = RUNTIME__V1__MOUNT_PROPAGATION__PROPAGATION_BIDIRECTIONAL;
	cmeta.name = "web-1";
	image.image = "registry.local:5000/shop/web:2.1";
	cstatus.id = CTR;
	cstatus.metadata = &cmeta;
	cstatus.state = RUNTIME__V1__CONTAINER_STATE__CONTAINER_RUNNING;
	cstatus.created_at = 1796638566833321884ll;
	cstatus.image = &image;
	cstatus.image_ref = "registry.local:5000/shop/web@" DIGEST;
	cstatus.image_id = "sha256:" IMG_ID;
	cstatus.n_labels = 2;
	cstatus.labels = pclabels;
	cstatus.n_mounts = 1;
	cstatus.mounts = pmount;
	cresp.status = &cstatus;
	cresp.n_info = 1;
	cresp.info = pinfo;

	plabel.key = "app";
	plabel.value = "web";
	pmeta.name = "web";
	pmeta.uid = "0a1b2c3d-0000-4000-8000-000000000001";
	pmeta.namespace_ = "shop";
	net.ip = "10.88.0.7";
	pstatus.id = SBX;
	pstatus.metadata = &pmeta;
	pstatus.created_at = 1796638566000000000ll;
	pstatus.network = &net;
	pstatus.n_labels = 1;
	pstatus.labels = pplabel;
	presp.status = &pstatus;

	listed.id = CTR;
	listed.pod_sandbox_id = SBX;
	lresp.n_containers = 1;
	lresp.containers = plisted;
}

static struct fake_grpc *serve(const struct fake_grpc_answer *a, size_t n, char *path, size_t len)
{
	struct fake_grpc *f;

	snprintf(path, len, "%s/cri.sock", dir);
	f = fake_grpc_start(path, a, n);
	ck_assert_ptr_nonnull(f);
	return f;
}

/* An empty struct stays empty after a failed lookup. */
static void assert_empty(const struct sinsp_container *c)
{
	ck_assert_ptr_null(c->name);
	ck_assert_ptr_null(c->image);
	ck_assert_ptr_null(c->pod_name);
	ck_assert_uint_eq(c->nlabels, 0);
}

START_TEST(containerd_answers)
{
	const struct fake_grpc_answer a[] = {
		{ M("ContainerStatus"), 0, NULL, &cresp.base },
		{ M("PodSandboxStatus"), 0, NULL, &presp.base },
	};
	struct sinsp_container c = { 0 };
	const struct fake_grpc_call *calls;
	Runtime__V1__ContainerStatusRequest *req;
	char path[128], err[256] = "";
	struct fake_grpc *f;
	size_t n;
	int rc;

	/* containerd: the verbose info names the sandbox; privileged is in the config */
	canned("{\"sandboxID\":\"" SBX "\",\"pid\":4242,\"config\":{\"linux\":"
	       "{\"security_context\":{\"privileged\":true}}}}");
	f = serve(a, 2, path, sizeof(path));
	rc = sinsp_cri_lookup(path, CTR, 5000, &c, err, sizeof(err));
	fake_grpc_stop(f);
	ck_assert_msg(rc == 0, "lookup: %s", err);
	ck_assert_str_eq(c.name, "web-1");
	ck_assert_str_eq(c.image, "registry.local:5000/shop/web:2.1");
	ck_assert_str_eq(c.image_repo, "registry.local:5000/shop/web");
	ck_assert_str_eq(c.image_tag, "2.1");
	ck_assert_str_eq(c.image_digest, DIGEST);
	ck_assert_str_eq(c.image_id, IMG_ID);
	ck_assert(c.privileged);
	ck_assert_int_eq(c.created_ns, 1796638566833321884ll);
	/* labels sorted by key */
	ck_assert_uint_eq(c.nlabels, 2);
	ck_assert_str_eq(c.labels[0].key, "io.kubernetes.container.name");
	ck_assert_str_eq(c.labels[1].key, "zone");
	ck_assert_str_eq(c.labels[1].value, "b");
	ck_assert_uint_eq(c.nmounts, 1);
	ck_assert_str_eq(c.mounts[0].source, "/srv/data");
	ck_assert_str_eq(c.mounts[0].dest, "/data");
	ck_assert(!c.mounts[0].rw);
	ck_assert_str_eq(c.mounts[0].propagation, "rshared");
	ck_assert_str_eq(c.mounts[0].mode, "");
	ck_assert_str_eq(c.pod_sandbox_id, SBX);
	ck_assert_str_eq(c.pod_name, "web");
	ck_assert_str_eq(c.pod_namespace, "shop");
	ck_assert_str_eq(c.pod_uid, "0a1b2c3d-0000-4000-8000-000000000001");
	ck_assert_uint_eq(c.npod_labels, 1);
	ck_assert_str_eq(c.pod_labels[0].value, "web");
	ck_assert_str_eq(c.ip_str, "10.88.0.7");
	ck_assert_uint_eq(c.ip, htonl(0x0a580007));
	/* the calls: a verbose ContainerStatus of the id, then the pod */
	calls = fake_grpc_calls(f, &n);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(calls[0].path, M("ContainerStatus"));
	ck_assert_str_eq(calls[1].path, M("PodSandboxStatus"));
	req = runtime__v1__container_status_request__unpack(NULL, calls[0].req_len, calls[0].req);
	ck_assert_ptr_nonnull(req);
	ck_assert_str_eq(req->container_id, CTR);
	ck_assert(req->verbose);
	runtime__v1__container_status_request__free_unpacked(req, NULL);
	sinsp_container_release(&c);
	fake_grpc_free(f);
}
END_TEST

/*
 * A container in the kubelet's cgroupfs layout (/kubepods/QOS/pod<uid>/<id>: no runtime
 * named, type cri) is asked of containerd at sinsp_open(), and once containerd answers
 * it is a containerd container with the answer's metadata.
 */
START_TEST(kubepods_container_takes_the_answering_runtime)
{
	static const char cg[] = "cpu=/kubepods/besteffort/pod0a1b2c3d-0000-4000-8000-000000000001/" CTR;
	const struct fake_grpc_answer a[] = {
		{ M("ContainerStatus"), 0, NULL, &cresp.base },
		{ M("PodSandboxStatus"), 0, NULL, &presp.base },
	};
	struct scap_threadinfo th = { .tid = 100, .pid = 100, .ptid = 1, .comm = "sh", .exe = "sh" };
	struct scap_state state = { .sz = sizeof(state), .threads = &th, .nthreads = 1 };
	struct scap_test_input in = { .sz = sizeof(in), .state = &state };
	char path[128], errbuf[SCAP_ERRBUF_SIZE];
	const struct sinsp_container *c;
	struct fake_grpc *f;
	sinsp_t *s = NULL;

	canned("{\"sandboxID\":\"" SBX "\"}");
	f = serve(a, 2, path, sizeof(path));
	memcpy(th.cgroups, cg, sizeof(cg));
	th.cgroups_len = sizeof(cg);
	const struct sinsp_runtime_socket sock = { "containerd", path };
	SCAP_OPTS(scap_open_opts, so, .engine = "test_input", .test_input = &in);
	struct sinsp_open_opts o = { .sz = sizeof(o), .scap = &so,
				     .runtime_lookups = SINSP_RUNTIME_LOOKUPS_ON,
				     .runtime_sockets = &sock, .nruntime_sockets = 1,
				     .runtime_timeout_ms = 5000, .runtime_startup_ms = 10000 };

	ck_assert_msg(sinsp_open(&o, &s, errbuf) == 0, "sinsp_open: %s", errbuf);
	c = sinsp_container_find(s, "0f1e2d3c4b5a");
	ck_assert_ptr_nonnull(c);
	ck_assert(c->has_metadata);
	ck_assert_int_eq(c->type, SINSP_CT_CONTAINERD);
	ck_assert_str_eq(c->name, "web-1");
	ck_assert_str_eq(c->pod_name, "web");
	sinsp_close(s);
	fake_grpc_stop(f);
	fake_grpc_free(f);
}
END_TEST

START_TEST(crio_answers_without_sandbox_in_info)
{
	const struct fake_grpc_answer a[] = {
		{ M("ContainerStatus"), 0, NULL, &cresp.base },
		{ M("ListContainers"), 0, NULL, &lresp.base },
		{ M("PodSandboxStatus"), 0, NULL, &presp.base },
	};
	struct sinsp_container c = { 0 };
	const struct fake_grpc_call *calls;
	Runtime__V1__ListContainersRequest *req;
	char path[128], err[256] = "";
	struct fake_grpc *f;
	size_t n;
	int rc;

	/* cri-o's form: "privileged" at the top; no sandbox: ListContainers gives it */
	canned("{\"privileged\":true,\"pid\":4242}");
	cstatus.image_id = NULL;
	cstatus.image_ref = "sha256:" IMG_ID;
	f = serve(a, 3, path, sizeof(path));
	rc = sinsp_cri_lookup(path, CTR, 5000, &c, err, sizeof(err));
	fake_grpc_stop(f);
	ck_assert_msg(rc == 0, "lookup: %s", err);
	ck_assert(c.privileged);
	ck_assert_str_eq(c.image_id, IMG_ID);          /* from the image_ref */
	ck_assert_ptr_null(c.image_digest);
	ck_assert_str_eq(c.pod_name, "web");
	calls = fake_grpc_calls(f, &n);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(calls[1].path, M("ListContainers"));
	req = runtime__v1__list_containers_request__unpack(NULL, calls[1].req_len, calls[1].req);
	ck_assert_ptr_nonnull(req);
	ck_assert_ptr_nonnull(req->filter);
	ck_assert_str_eq(req->filter->id, CTR);
	runtime__v1__list_containers_request__free_unpacked(req, NULL);
	ck_assert_str_eq(calls[2].path, M("PodSandboxStatus"));
	sinsp_container_release(&c);
	fake_grpc_free(f);
}
END_TEST

START_TEST(sandbox_id_gives_the_pod)
{
	const struct fake_grpc_answer a[] = {
		{ M("ContainerStatus"), 5, "an error occurred when try to find container%3A not found", NULL },
		{ M("PodSandboxStatus"), 0, NULL, &presp.base },
	};
	struct sinsp_container c = { 0 };
	char path[128], err[256] = "";
	struct fake_grpc *f;
	int rc;

	canned("{}");
	f = serve(a, 2, path, sizeof(path));
	rc = sinsp_cri_lookup(path, SBX, 5000, &c, err, sizeof(err));
	fake_grpc_free(f);
	ck_assert_msg(rc == 0, "lookup: %s", err);
	ck_assert_str_eq(c.name, "web");
	ck_assert_str_eq(c.pod_name, "web");
	ck_assert_str_eq(c.pod_sandbox_id, SBX);
	ck_assert_ptr_null(c.image);
	ck_assert_int_eq(c.created_ns, 1796638566000000000ll);
	sinsp_container_release(&c);
}
END_TEST

START_TEST(grpc_errors)
{
	const struct fake_grpc_answer a[] = {
		{ M("ContainerStatus"), 5, "container %22x%22 not found", NULL },
		{ M("PodSandboxStatus"), 5, NULL, NULL },
		{ M("Version"), 14, "shutting down", NULL },
		{ M("StopContainer"), 3, NULL, NULL },
	};
	Runtime__V1__VersionRequest vreq = RUNTIME__V1__VERSION_REQUEST__INIT;
	struct sinsp_container c = { 0 };
	char path[128], err[256] = "";
	struct sinsp_grpc *g;
	ProtobufCMessage *m;
	struct fake_grpc *f;

	f = serve(a, 4, path, sizeof(path));
	ck_assert_int_eq(sinsp_cri_lookup(path, CTR, 5000, &c, err, sizeof(err)), -ENOENT);
	assert_empty(&c);
	ck_assert_int_eq(sinsp_grpc_open(path, &g, err, sizeof(err)), 0);
	/* the message is percent-decoded */
	ck_assert_int_eq(sinsp_grpc_call(g, M("ContainerStatus"), &vreq.base,
					 &runtime__v1__version_response__descriptor, &m, 5000, err,
					 sizeof(err)), -ENOENT);
	ck_assert_ptr_nonnull(strstr(err, "container \"x\" not found"));
	ck_assert_int_eq(sinsp_grpc_last_status(g), 5);
	ck_assert_int_eq(sinsp_grpc_call(g, M("Version"), &vreq.base,
					 &runtime__v1__version_response__descriptor, &m, 5000, err,
					 sizeof(err)), -ECONNREFUSED);
	ck_assert_int_eq(sinsp_grpc_call(g, M("StopContainer"), &vreq.base,
					 &runtime__v1__version_response__descriptor, &m, 5000, err,
					 sizeof(err)), -EPROTO);
	/* a method the server lacks */
	ck_assert_int_eq(sinsp_grpc_call(g, M("Nope"), &vreq.base,
					 &runtime__v1__version_response__descriptor, &m, 5000, err,
					 sizeof(err)), -EOPNOTSUPP);
	ck_assert_ptr_null(m);
	sinsp_grpc_close(g);
	fake_grpc_free(f);
}
END_TEST

START_TEST(no_socket_is_refused)
{
	struct sinsp_container c = { 0 };
	char path[128], err[256] = "";
	int rc;

	snprintf(path, sizeof(path), "%s/cri.sock", dir);
	rc = sinsp_cri_lookup(path, "0123456789abcdef", 2000, &c, err, sizeof(err));
	ck_assert_int_eq(rc, -ECONNREFUSED);
	ck_assert_ptr_nonnull(strstr(err, path));
	assert_empty(&c);
}
END_TEST

START_TEST(silent_server_times_out)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	struct sinsp_container c = { 0 };
	char err[256] = "";
	int64_t t0, dt;
	int fd, rc;

	/* a listening socket nobody accepts on: the connection is queued, never answered */
	snprintf(sun.sun_path, sizeof(sun.sun_path), "%s/cri.sock", dir);
	fd = socket(AF_UNIX, SOCK_STREAM, 0);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(bind(fd, (struct sockaddr *)&sun, sizeof(sun)), 0);
	ck_assert_int_eq(listen(fd, 8), 0);
	t0 = now_ms();
	rc = sinsp_cri_lookup(sun.sun_path, "0123456789abcdef", 300, &c, err, sizeof(err));
	dt = now_ms() - t0;
	ck_assert_int_eq(rc, -ETIMEDOUT);
	ck_assert_msg(dt >= 250 && dt < 5000, "timed out after %lld ms, asked 300", (long long)dt);
	ck_assert_ptr_nonnull(strstr(err, "no answer"));
	assert_empty(&c);
	close(fd);
}
END_TEST

START_TEST(bad_arguments)
{
	struct sinsp_container c = { 0 };
	char longpath[200], err[256];

	ck_assert_int_eq(sinsp_cri_lookup(SINSP_CRI_CONTAINERD_SOCKET, "", 1000, &c, err, sizeof(err)),
			 -EINVAL);
	memset(longpath, 'a', sizeof(longpath) - 1);
	longpath[0] = '/';
	longpath[sizeof(longpath) - 1] = '\0';
	ck_assert_int_eq(sinsp_cri_lookup(longpath, "abc", 1000, &c, err, sizeof(err)), -EINVAL);
	/* err may be NULL */
	ck_assert_int_eq(sinsp_cri_lookup(longpath, "abc", 1000, &c, NULL, 0), -EINVAL);
	assert_empty(&c);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("cri");
	TCase *tc = tcase_create("client");
	SRunner *sr;
	int failed;

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, containerd_answers);
	tcase_add_test(tc, kubepods_container_takes_the_answering_runtime);
	tcase_add_test(tc, crio_answers_without_sandbox_in_info);
	tcase_add_test(tc, sandbox_id_gives_the_pod);
	tcase_add_test(tc, grpc_errors);
	tcase_add_test(tc, no_socket_is_refused);
	tcase_add_test(tc, silent_server_times_out);
	tcase_add_test(tc, bad_arguments);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}

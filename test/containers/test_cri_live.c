/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_cri_live.c - the CRI client against a real runtime: a Kubernetes-style pod run
 * through the CRI (cri_driver.c) is looked up by its container id and its sandbox id,
 * then removed and looked up again. Skipped (exit 77) when no runtime socket exists, or
 * when nothing listens on it (a socket file left by a runtime that exited) unless
 * SCRY_RUNTIMES_REQUIRED is set (scripts/test.sh sets it once it started the runtimes).
 *
 * Environment: SCRY_CRI_SOCKET (default /run/containerd/containerd.sock) and
 * SCRY_CRI_IMAGE (default localhost/scry/busybox:1; the runtime must hold it and its
 * sandbox image, e.g. imported with `ctr -n k8s.io images import`).
 */
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include <time.h>

#include "runtime/cri.h"
#include "cri_driver.h"

#define POD_NAME "scry-web"
#define POD_NS "scry-test"
#define POD_UID "5c2d7a80-1f3e-4b6a-9c1d-2e3f4a5b6c7d"

static const char *sock, *image;

static const char *label(const struct sinsp_container_label *l, uint32_t n, const char *key)
{
	uint32_t i;

	for (i = 0; i < n; i++)
		if (strcmp(l[i].key, key) == 0)
			return l[i].value;
	return NULL;
}

START_TEST(pod_lookup)
{
	static const char *const labels[] = { "app=web", "tier=front", NULL };
	static const char *const mounts[] = { "/tmp:/data:ro", NULL };
	struct cri_pod_spec spec = {
		.name = POD_NAME, .ns = POD_NS, .uid = POD_UID, .labels = labels,
		.container = "loop", .image = image, .timeout_ms = 60000, .mounts = mounts,
	};
	struct sinsp_container c = { 0 };
	char pod[128], ctr[128], err[512];
	int64_t now = (int64_t)time(NULL) * 1000000000;
	int rc;

	rc = cri_pod_up(sock, &spec, pod, ctr, err, sizeof(err));
	ck_assert_msg(rc == 0, "cri_pod_up: %s", err);
	ck_assert_uint_eq(strlen(ctr), 64);

	rc = sinsp_cri_lookup(sock, ctr, 10000, &c, err, sizeof(err));
	ck_assert_msg(rc == 0, "lookup: %s", err);
	ck_assert_str_eq(c.name, "loop");
	ck_assert_ptr_nonnull(c.image);
	ck_assert_ptr_nonnull(strstr(c.image, image)); /* the runtime may prefix a registry */
	ck_assert_ptr_nonnull(c.image_repo);
	ck_assert_ptr_nonnull(c.image_id);
	ck_assert_uint_eq(strlen(c.image_id), 64);
	ck_assert_str_eq(c.pod_sandbox_id, pod);
	ck_assert_str_eq(c.pod_name, POD_NAME);
	ck_assert_str_eq(c.pod_namespace, POD_NS);
	ck_assert_str_eq(c.pod_uid, POD_UID);
	ck_assert_str_eq(label(c.pod_labels, c.npod_labels, "app"), "web");
	ck_assert_str_eq(label(c.pod_labels, c.npod_labels, "tier"), "front");
	ck_assert_str_eq(label(c.labels, c.nlabels, "io.kubernetes.container.name"), "loop");
	ck_assert_str_eq(label(c.labels, c.nlabels, "io.kubernetes.pod.uid"), POD_UID);
	ck_assert(!c.privileged);
	ck_assert_uint_eq(c.nmounts, 1);
	ck_assert_str_eq(c.mounts[0].source, "/tmp");
	ck_assert_str_eq(c.mounts[0].dest, "/data");
	ck_assert(!c.mounts[0].rw);
	ck_assert_str_eq(c.mounts[0].propagation, "rprivate");
	ck_assert_ptr_null(c.ip_str); /* host network */
	/* created within the last 10 minutes (clock skew aside) */
	ck_assert_msg(c.created_ns > now - 600 * 1000000000LL && c.created_ns < now + 60 * 1000000000LL,
		      "created_ns %lld, now %lld", (long long)c.created_ns, (long long)now);
	sinsp_container_release(&c);
	memset(&c, 0, sizeof(c));

	/* the sandbox id gives the pod */
	rc = sinsp_cri_lookup(sock, pod, 10000, &c, err, sizeof(err));
	ck_assert_msg(rc == 0, "lookup of the sandbox: %s", err);
	ck_assert_str_eq(c.name, POD_NAME);
	ck_assert_str_eq(c.pod_name, POD_NAME);
	ck_assert_str_eq(c.pod_namespace, POD_NS);
	sinsp_container_release(&c);
	memset(&c, 0, sizeof(c));

	rc = cri_pod_down(sock, pod, 60000, err, sizeof(err));
	ck_assert_msg(rc == 0, "cri_pod_down: %s", err);
	rc = sinsp_cri_lookup(sock, ctr, 10000, &c, err, sizeof(err));
	ck_assert_int_eq(rc, -ENOENT);
	ck_assert_ptr_null(c.name);
}
END_TEST

START_TEST(privileged_container)
{
	struct cri_pod_spec spec = {
		.name = POD_NAME "-priv", .ns = POD_NS, .uid = POD_UID "p", .container = "ploop",
		.image = image, .timeout_ms = 60000, .privileged = 1,
	};
	struct sinsp_container c = { 0 };
	char pod[128], ctr[128], err[512];
	int rc;

	rc = cri_pod_up(sock, &spec, pod, ctr, err, sizeof(err));
	ck_assert_msg(rc == 0, "cri_pod_up: %s", err);
	rc = sinsp_cri_lookup(sock, ctr, 10000, &c, err, sizeof(err));
	ck_assert_msg(rc == 0, "lookup: %s", err);
	ck_assert_str_eq(c.name, "ploop");
	ck_assert(c.privileged);
	sinsp_container_release(&c);
	rc = cri_pod_down(sock, pod, 60000, err, sizeof(err));
	ck_assert_msg(rc == 0, "cri_pod_down: %s", err);
}
END_TEST

START_TEST(unknown_id)
{
	struct sinsp_container c = { 0 };
	char err[512];
	int rc;

	rc = sinsp_cri_lookup(sock, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
			      10000, &c, err, sizeof(err));
	ck_assert_int_eq(rc, -ENOENT);
	ck_assert_ptr_nonnull(strstr(err, "0123456789abcdef"));
	ck_assert_ptr_null(c.name);
}
END_TEST

/* 0 when something listens on the unix socket at path, else the connect() errno */
static int sock_listens(const char *path)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	int fd, err = 0;

	if (strlen(path) >= sizeof(a.sun_path))
		return ENAMETOOLONG;
	strcpy(a.sun_path, path);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return errno;
	if (connect(fd, (struct sockaddr *)&a, sizeof(a)) != 0)
		err = errno;
	close(fd);
	return err;
}

int main(void)
{
	Suite *s;
	TCase *tc;
	struct stat st;
	char err[512];
	SRunner *sr;
	int failed, rc;

	sock = getenv("SCRY_CRI_SOCKET") ? getenv("SCRY_CRI_SOCKET") : SINSP_CRI_CONTAINERD_SOCKET;
	image = getenv("SCRY_CRI_IMAGE") ? getenv("SCRY_CRI_IMAGE") : "localhost/scry/busybox:1";
	if (stat(sock, &st) != 0 || !S_ISSOCK(st.st_mode)) {
		printf("test_cri_live: no CRI socket at %s: skipped\n", sock);
		return 77;
	}
	rc = sock_listens(sock);
	if (rc != 0) {
		printf("test_cri_live: nothing listens on %s (%s; a runtime that exited left it?)%s\n",
		       sock, strerror(rc), getenv("SCRY_RUNTIMES_REQUIRED") ? "" : ": skipped");
		return getenv("SCRY_RUNTIMES_REQUIRED") ? 1 : 77;
	}
	/* another runtime on the socket (a developer's) may lack the test's image */
	rc = cri_image_present(sock, image, 30000, err, sizeof(err));
	if (rc < 0) {
		printf("test_cri_live: %s: %s\n", sock, err);
		return 1;
	}
	if (rc == 0) {
		printf("test_cri_live: the runtime at %s lacks image %s: skipped\n", sock, image);
		return 77;
	}
	/* made after the checks that skip: a skip must leave nothing allocated (LSan) */
	s = suite_create("cri_live");
	tc = tcase_create("containerd");
	tcase_set_timeout(tc, 0);
	tcase_add_test(tc, pod_lookup);
	tcase_add_test(tc, privileged_container);
	tcase_add_test(tc, unknown_id);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_cri.c - the CRI client's failures without a runtime: no socket, a socket that
 * never answers (the timeout bounds the whole lookup), bad arguments.
 */
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "runtime/cri.h"

static char dir[] = "/tmp/test_cri.XXXXXX";

static void setup(void)
{
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

/* An empty struct stays empty after a failed lookup. */
static void assert_empty(const struct sinsp_container *c)
{
	ck_assert_ptr_null(c->name);
	ck_assert_ptr_null(c->image);
	ck_assert_ptr_null(c->pod_name);
	ck_assert_uint_eq(c->nlabels, 0);
}

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

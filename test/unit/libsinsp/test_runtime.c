/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_runtime.c - container runtime lookups (libsinsp/runtime/): the Docker Engine
 * API answers to struct sinsp_container, on answers captured from a real dockerd
 * (Debian's docker.io 20.10) and podman 4.3's compat service on the build machine
 * (test/data/runtime/, made for this test: see test/data/runtime/README); and the
 * dispatcher through sinsp_open(): lxc names, a missing socket, a runtime that never
 * answers (timeouts, retries, counters), lookups off by default for non-live sources.
 */
#include <arpa/inet.h>
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <scry/scap.h>
#include <scry/sinsp.h>
#include <scry/sinsp_state.h>

#include "sinsp_int.h"
#include "runtime/runtime.h"
#include "evt_builder.h"

#define DOCKER_ID "30abefbf676e8c7c8210b1581bfa2fc63a8158632959a53d7902f29e7be6657d"
#define IMAGE_ID "8d25c527670ddeb8a9cb95d8ed3fd3fe2e19f3b9f270fe0c32407bc648e47958"

/* The fixture file test/data/runtime/NAME, NUL terminated; *len its bytes. */
static char *fixture(const char *name, size_t *len)
{
	const char *root = getenv("SCRY_SOURCE_DIR");
	char path[4096];
	char *buf;
	FILE *f;
	long n;

	snprintf(path, sizeof(path), "%s/test/data/runtime/%s", root ? root : ".", name);
	f = fopen(path, "rb");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	ck_assert(buf && fread(buf, 1, (size_t)n, f) == (size_t)n);
	buf[n] = 0;
	fclose(f);
	*len = (size_t)n;
	return buf;
}

/* Parse container fixture @cname, then image fixture @iname (NULL: none) into *c. */
static void parse_fixtures(const char *cname, const char *iname, struct sinsp_container *c)
{
	char err[128] = "";
	size_t len;
	char *j = fixture(cname, &len);

	memset(c, 0, sizeof(*c));
	ck_assert_int_eq(sinsp_docker_parse_container(j, len, c, err, sizeof(err)), 0);
	free(j);
	if (iname) {
		j = fixture(iname, &len);
		ck_assert_int_eq(sinsp_docker_parse_image(j, len, c, err, sizeof(err)), 0);
		free(j);
	}
}

static const char *label(const struct sinsp_container *c, const char *key)
{
	uint32_t i;

	for (i = 0; i < c->nlabels; i++)
		if (strcmp(c->labels[i].key, key) == 0)
			return c->labels[i].value;
	return NULL;
}

/* ---- the Docker Engine API's JSON ---------------------------------------------------- */

START_TEST(docker_container_running)
{
	struct sinsp_container c;

	parse_fixtures("docker_container.json", "docker_image.json", &c);
	ck_assert_str_eq(c.name, "rt-loop");
	ck_assert_str_eq(c.image, "scry-test/busybox:1.0");
	ck_assert_str_eq(c.image_id, IMAGE_ID);
	ck_assert_str_eq(c.image_repo, "scry-test/busybox");
	ck_assert_str_eq(c.image_tag, "1.0");
	/* an imported image has no repository digest */
	ck_assert_ptr_null(c.image_digest);
	ck_assert_uint_eq(c.nlabels, 2);
	ck_assert_str_eq(label(&c, "app"), "scry");
	ck_assert_str_eq(label(&c, "tier"), "test");
	ck_assert(!c.privileged);
	ck_assert_uint_eq(c.nmounts, 1);
	ck_assert_str_eq(c.mounts[0].source, "/tmp");
	ck_assert_str_eq(c.mounts[0].dest, "/hosttmp");
	ck_assert_str_eq(c.mounts[0].mode, "ro");
	ck_assert(!c.mounts[0].rw);
	ck_assert_str_eq(c.mounts[0].propagation, "rprivate");
	ck_assert_str_eq(c.ip_str, "172.17.0.2");
	ck_assert_uint_eq(c.ip, inet_addr("172.17.0.2"));
	/* "Created": "2026-12-07T10:09:33.26475052Z" (8 fraction digits) */
	ck_assert_int_eq(c.created_ns, 1796638173264750520LL);
	/* the caller's fields are left alone */
	ck_assert_ptr_null(c.id);
	ck_assert_ptr_null(c.full_id);
	sinsp_container_release(&c);
}
END_TEST

START_TEST(docker_container_from_image_id_privileged)
{
	struct sinsp_container c;

	/* `docker create --privileged --network none sha256:<id>`: Config.Image is the id */
	parse_fixtures("docker_container_privileged.json", NULL, &c);
	ck_assert_str_eq(c.name, "rt-priv");
	ck_assert_str_eq(c.image, "sha256:" IMAGE_ID);
	ck_assert_ptr_null(c.image_repo);
	ck_assert(c.privileged);
	ck_assert_ptr_null(c.ip_str);
	ck_assert_uint_eq(c.ip, 0);
	ck_assert_uint_eq(c.nmounts, 0);
	ck_assert_uint_eq(c.nlabels, 0);
	sinsp_container_release(&c);
	/* the image's first tag names it */
	parse_fixtures("docker_container_privileged.json", "docker_image.json", &c);
	ck_assert_str_eq(c.image, "scry-test/busybox:1.0");
	ck_assert_str_eq(c.image_repo, "scry-test/busybox");
	ck_assert_str_eq(c.image_tag, "1.0");
	sinsp_container_release(&c);
}
END_TEST

START_TEST(podman_compat_container)
{
	struct sinsp_container c;

	parse_fixtures("podman_container.json", "podman_image.json", &c);
	ck_assert_str_eq(c.name, "rt-ploop");
	ck_assert_str_eq(c.image, "localhost/scry-test/busybox:1.0");
	ck_assert_str_eq(c.image_id, "e832971baa767742ce636bcca947929044ecd62637ba11758dbbb1dff5e0f30a");
	ck_assert_str_eq(c.image_repo, "localhost/scry-test/busybox");
	ck_assert_str_eq(c.image_tag, "1.0");
	/* podman keeps a digest of the imported image: "RepoDigests" of its repository */
	ck_assert_str_eq(c.image_digest,
			 "sha256:be33da0369fdf4db6104599d1f08b06ce3af58a23d5bc9ca7e81fb1ccead5b95");
	ck_assert_uint_eq(c.nlabels, 1);
	ck_assert_str_eq(label(&c, "app"), "scry");
	ck_assert_str_eq(c.ip_str, "10.88.0.2");
	ck_assert_uint_eq(c.ip, inet_addr("10.88.0.2"));
	ck_assert_int_eq(c.created_ns, 1796638174056368039LL);
	sinsp_container_release(&c);
}
END_TEST

/* Parse {"Id":"x","Config":{"Image":image}}: its repository, tag and digest. */
static void split(const char *image, const char *repo, const char *tag, const char *digest)
{
	struct sinsp_container c = { 0 };
	char json[512], err[64];

	snprintf(json, sizeof(json), "{\"Id\":\"x\",\"Config\":{\"Image\":\"%s\"}}", image);
	ck_assert_int_eq(sinsp_docker_parse_container(json, strlen(json), &c, err, sizeof(err)), 0);
	ck_assert_str_eq(c.image, image);
	ck_assert_str_eq(c.image_repo, repo);
	if (tag)
		ck_assert_str_eq(c.image_tag, tag);
	else
		ck_assert_ptr_null(c.image_tag);
	if (digest)
		ck_assert_str_eq(c.image_digest, digest);
	else
		ck_assert_ptr_null(c.image_digest);
	sinsp_container_release(&c);
}

START_TEST(image_references)
{
	split("busybox", "busybox", "latest", NULL);
	split("registry.local:5000/team/app", "registry.local:5000/team/app", "latest", NULL);
	split("registry.local:5000/team/app:2.1", "registry.local:5000/team/app", "2.1", NULL);
	split("team/app@sha256:0123abcd", "team/app", NULL, "sha256:0123abcd");
	split("team/app:2.1@sha256:0123abcd", "team/app", "2.1", "sha256:0123abcd");
}
END_TEST

START_TEST(malformed_answers)
{
	struct sinsp_container c = { 0 };
	char err[128];
	static const char *bad[] = { "", "[]", "{}", "{\"Id\":", "\"x\"", "{\"message\":\"page not found\"}" };
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		err[0] = 0;
		ck_assert_int_eq(sinsp_docker_parse_container(bad[i], strlen(bad[i]), &c, err, sizeof(err)),
				 -EPROTO);
		ck_assert_msg(err[0], "no message for %s", bad[i]);
		sinsp_container_release(&c);
		memset(&c, 0, sizeof(c));
	}
	/* members of the wrong types are ignored, not trusted */
	{
		static const char odd[] = "{\"Id\":\"x\",\"Name\":7,\"Config\":{\"Image\":[],\"Labels\":"
					  "{\"a\":1}},\"Mounts\":{},\"HostConfig\":{\"Privileged\":\"yes\"}}";

		ck_assert_int_eq(sinsp_docker_parse_container(odd, strlen(odd), &c, err, sizeof(err)), 0);
		ck_assert_ptr_null(c.name);
		ck_assert_ptr_null(c.image);
		ck_assert_uint_eq(c.nlabels, 1);
		ck_assert_str_eq(c.labels[0].value, "");
		ck_assert_uint_eq(c.nmounts, 0);
		ck_assert(!c.privileged);
		sinsp_container_release(&c);
	}
}
END_TEST

START_TEST(rfc3339_times)
{
	ck_assert_int_eq(sinsp_runtime_parse_time("2026-12-07T10:09:33.5Z"), 1796638173500000000LL);
	ck_assert_int_eq(sinsp_runtime_parse_time("2026-12-07T11:09:33.5+01:00"), 1796638173500000000LL);
	ck_assert_int_eq(sinsp_runtime_parse_time("2026-12-07T05:39:33.5-04:30"), 1796638173500000000LL);
	ck_assert_int_eq(sinsp_runtime_parse_time("2026-12-07T10:09:33Z"), 1796638173000000000LL);
	/* Go's zero time (a container never started), and text that is no time */
	ck_assert_int_eq(sinsp_runtime_parse_time("0001-01-01T00:00:00Z"), 0);
	ck_assert_int_eq(sinsp_runtime_parse_time("yesterday"), 0);
	ck_assert_int_eq(sinsp_runtime_parse_time("2026-12-07T10:09:33"), 0);
	ck_assert_int_eq(sinsp_runtime_parse_time(NULL), 0);
}
END_TEST

/* ---- the dispatcher ------------------------------------------------------------------ */

static struct evt_builder eb;
static struct scap_threadinfo threads[3];

static void add_thread(uint32_t i, int64_t tid, const char *cgroups)
{
	struct scap_threadinfo *t = &threads[i];
	size_t n = strlen(cgroups) + 1;

	memset(t, 0, sizeof(*t));
	t->tid = t->pid = (uint64_t)tid;
	t->vtid = t->vpid = tid;
	strcpy(t->comm, "sh");
	strcpy(t->exe, "/bin/sh");
	strcpy(t->cwd, "/");
	t->loginuid = UINT32_MAX;
	memcpy(t->cgroups, cgroups, n);
	t->cgroups_len = (uint16_t)n;
}

/* A test_input inspector whose processes are threads[0..n), lookups as @mode says. */
static sinsp_t *open_with(uint32_t n, enum sinsp_runtime_lookups mode,
			  const struct sinsp_runtime_socket *sockets, uint32_t nsockets,
			  uint32_t timeout_ms, uint32_t startup_ms)
{
	char errbuf[SCAP_ERRBUF_SIZE];
	sinsp_t *s = NULL;

	eb.state.sz = sizeof(eb.state);
	eb.state.threads = threads;
	eb.state.nthreads = n;
	eb.in.sz = sizeof(eb.in);
	eb.in.state = &eb.state;
	SCAP_OPTS(scap_open_opts, so, .engine = "test_input", .test_input = &eb.in);
	struct sinsp_open_opts o = { .sz = sizeof(o), .scap = &so, .runtime_lookups = mode,
				     .runtime_sockets = sockets, .nruntime_sockets = nsockets,
				     .runtime_timeout_ms = timeout_ms,
				     .runtime_startup_ms = startup_ms };

	ck_assert_msg(sinsp_open(&o, &s, errbuf) == 0, "sinsp_open: %s", errbuf);
	return s;
}

static struct sinsp_runtime_stats stats(sinsp_t *s)
{
	struct sinsp_runtime_stats st = { .sz = sizeof(st) };

	ck_assert_int_eq(sinsp_runtime_stats(s, &st), 0);
	return st;
}

START_TEST(lxc_named_by_its_cgroup)
{
	struct sinsp_runtime_stats st;
	const struct sinsp_container *c;
	sinsp_t *s;

	add_thread(0, 10, "cpu=/lxc/web1");
	add_thread(1, 11, "=/lxc.payload.db2/init.scope");
	s = open_with(2, SINSP_RUNTIME_LOOKUPS_ON, NULL, 0, 0, 0);
	c = sinsp_container_find(s, "web1");
	ck_assert_ptr_nonnull(c);
	ck_assert_int_eq(c->type, SINSP_CT_LXC);
	ck_assert_str_eq(c->name, "web1");
	ck_assert(c->has_metadata);
	ck_assert_uint_gt(c->change_seq, 0); /* capture writers will write its container event */
	ck_assert_str_eq(sinsp_container_find(s, "db2")->name, "db2");
	st = stats(s);
	ck_assert_uint_eq(st.requested, 2);
	ck_assert_uint_eq(st.ok, 2);
	ck_assert_uint_eq(st.pending, 0);
	sinsp_close(s);
}
END_TEST

START_TEST(container_seen_during_the_loop)
{
	static const char cg[] = "cpu=/lxc/late";
	struct sinsp_runtime_stats st;
	struct sinsp_evt *evt;
	sinsp_t *s;

	add_thread(0, 300, "cpu=/");
	/* 300 forks 301 into lxc container "late"; then 301 does something */
	eb_add_at(&eb, 1, 301, SCAP_EVT_SYSCALL_CLONE_20_X, 20, P64(0), PSTR("sh"), PBUF("", 0),
		  P64(301), P64(301), P64(300), PSTR("/"), P64(1024), P64(0), P64(0), P32(0), P32(0),
		  P32(0), PSTR("sh"), PBUF(cg, sizeof(cg)), P32(0), P32(0), P32(0), P64(301), P64(301));
	eb_add_at(&eb, 2, 301, SCAP_EVT_SYSCALL_GETUID_E, 0);
	eb.in.events = (const uint8_t *const *)eb.evts;
	eb.in.nevents = eb.n;
	s = open_with(1, SINSP_RUNTIME_LOOKUPS_ON, NULL, 0, 0, 0);
	ck_assert_uint_eq(stats(s).requested, 0); /* nothing at open */
	ck_assert_int_eq(sinsp_next(s, &evt), 0);  /* the clone: the container is new */
	ck_assert_ptr_nonnull(sinsp_container_find(s, "late"));
	ck_assert_ptr_null(sinsp_container_find(s, "late")->name);
	ck_assert_int_eq(sinsp_next(s, &evt), 0);  /* requested (and answered: lxc) before it */
	ck_assert_str_eq(sinsp_container_find(s, "late")->name, "late");
	st = stats(s);
	ck_assert_uint_eq(st.requested, 1);
	ck_assert_uint_eq(st.ok, 1);
	sinsp_close(s);
	eb.s = NULL;
	eb_free(&eb);
}
END_TEST

START_TEST(off_for_files_by_default)
{
	struct sinsp_runtime_stats st;
	sinsp_t *s;

	add_thread(0, 10, "cpu=/lxc/web1");
	/* test_input is no live engine: nothing is asked */
	s = open_with(1, SINSP_RUNTIME_LOOKUPS_DEFAULT, NULL, 0, 0, 0);
	ck_assert_ptr_null(sinsp_container_find(s, "web1")->name);
	st = stats(s);
	ck_assert_uint_eq(st.requested, 0);
	sinsp_close(s);
	s = open_with(1, SINSP_RUNTIME_LOOKUPS_OFF, NULL, 0, 0, 0);
	ck_assert_ptr_null(sinsp_container_find(s, "web1")->name);
	sinsp_close(s);
}
END_TEST

START_TEST(missing_socket_fails_at_once)
{
	static const struct sinsp_runtime_socket sock[] = { { "docker", "/nonexistent/docker.sock" } };
	struct sinsp_runtime_stats st;
	sinsp_t *s;

	add_thread(0, 10, "cpu=/docker/" DOCKER_ID);
	s = open_with(1, SINSP_RUNTIME_LOOKUPS_ON, sock, 1, 0, 0);
	st = stats(s);
	ck_assert_uint_eq(st.requested, 1);
	ck_assert_uint_eq(st.failed, 1);
	ck_assert_uint_eq(st.attempts, 0); /* no socket: no call, no retry */
	ck_assert_uint_eq(st.pending, 0);
	ck_assert_ptr_null(sinsp_container_find(s, "30abefbf676e")->name);
	sinsp_close(s);
}
END_TEST

START_TEST(unknown_runtime_in_override)
{
	static const struct sinsp_runtime_socket sock[] = { { "rkt", "/run/rkt.sock" } };
	char errbuf[SCAP_ERRBUF_SIZE] = "";
	sinsp_t *s = NULL;

	eb.state.sz = sizeof(eb.state);
	eb.in.sz = sizeof(eb.in);
	eb.in.state = &eb.state;
	SCAP_OPTS(scap_open_opts, so, .engine = "test_input", .test_input = &eb.in);
	struct sinsp_open_opts o = { .sz = sizeof(o), .scap = &so, .runtime_lookups = SINSP_RUNTIME_LOOKUPS_ON,
				     .runtime_sockets = sock, .nruntime_sockets = 1 };

	ck_assert_int_eq(sinsp_open(&o, &s, errbuf), -EINVAL);
	ck_assert_ptr_null(s);
	ck_assert_ptr_nonnull(strstr(errbuf, "rkt"));
}
END_TEST

START_TEST(silent_runtime_times_out_after_retries)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	struct sinsp_runtime_socket sock[1];
	struct sinsp_runtime_stats st;
	sinsp_t *s;
	int fd;

	/* a runtime that accepts connections (the backlog does) and never answers */
	snprintf(a.sun_path, sizeof(a.sun_path), "/tmp/scry-test-runtime-%d.sock", (int)getpid());
	unlink(a.sun_path);
	fd = socket(AF_UNIX, SOCK_STREAM, 0);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(bind(fd, (struct sockaddr *)&a, sizeof(a)), 0);
	ck_assert_int_eq(listen(fd, 16), 0);
	sock[0] = (struct sinsp_runtime_socket){ "podman", a.sun_path };
	add_thread(0, 10, "=/machine.slice/libpod-" DOCKER_ID ".scope");
	/* 100 ms a try, 3 tries with 200 ms and 800 ms between: done in ~1.3 s; the wait at
	 * open (60 s) ends when the lookup does, not at its bound */
	s = open_with(1, SINSP_RUNTIME_LOOKUPS_ON, sock, 1, 100, 60000);
	st = stats(s);
	ck_assert_uint_eq(st.requested, 1);
	ck_assert_uint_eq(st.timed_out, 1);
	ck_assert_uint_eq(st.ok + st.failed, 0);
	ck_assert_uint_eq(st.attempts, 3);
	ck_assert_uint_eq(st.retries, 2);
	ck_assert_uint_eq(st.pending, 0);
	ck_assert_uint_eq(st.lookups_timed, 1);
	ck_assert_uint_ge(st.lookup_ns_max, 1000000000u + 3 * 100000000u);
	ck_assert_uint_lt(st.lookup_ns_max, 30000000000u);
	ck_assert_ptr_null(sinsp_container_find(s, "30abefbf676e")->name);
	sinsp_close(s);
	close(fd);
	unlink(a.sun_path);
}
END_TEST

static Suite *runtime_suite(void)
{
	Suite *su = suite_create("runtime");
	TCase *tc = tcase_create("docker_json");

	tcase_add_test(tc, docker_container_running);
	tcase_add_test(tc, docker_container_from_image_id_privileged);
	tcase_add_test(tc, podman_compat_container);
	tcase_add_test(tc, image_references);
	tcase_add_test(tc, malformed_answers);
	tcase_add_test(tc, rfc3339_times);
	suite_add_tcase(su, tc);
	tc = tcase_create("dispatcher");
	tcase_add_test(tc, lxc_named_by_its_cgroup);
	tcase_add_test(tc, container_seen_during_the_loop);
	tcase_add_test(tc, off_for_files_by_default);
	tcase_add_test(tc, missing_socket_fails_at_once);
	tcase_add_test(tc, unknown_runtime_in_override);
	tcase_add_test(tc, silent_runtime_times_out_after_retries);
	suite_add_tcase(su, tc);
	return su;
}

int main(void)
{
	SRunner *sr = srunner_create(runtime_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

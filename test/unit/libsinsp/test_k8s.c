/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_k8s.c - the pod of a CRI container: k8s.* fields from a capture's container event
 * (sysdig/Falco's JSON: the kubelet's io.kubernetes.pod.* labels, "pod_sandbox_id",
 * "pod_sandbox_labels", "created_time"), and the round trip of pod data that a runtime
 * lookup set through a capture written by sinsp_dump_state() and read back.
 * SCRY_TEST_KEEP=FILE keeps that capture (to compare with sysdig 0.29.3, which prints
 * the same k8s.pod.name, k8s.ns.name and k8s.pod.id from it; departure D7 for labels).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <scry/scap.h>
#include <scry/scap_dump.h>
#include <scry/sinsp.h>
#include <scry/sinsp_dump.h>

#include "sinsp_int.h"
#include "fields/fields.h"
#include "evt_builder.h"

#define TID 100
#define ID64 "c3ba9ab78f8c9f6222c44d616cd8c44512b9505c7e251b9ee5782502669ab9eb"
#define ID12 "c3ba9ab78f8c"
#define SANDBOX "45648d1357095560aec3bdb27703773bfbbce9daa1cce61de98d8aadbf93f495"
#define UID "0a1b2c3d-0000-4000-8000-000000000001"
#define CGROUP "cpu=/kubepods/besteffort/pod" UID "/" ID64

struct fixture {
	struct evt_builder eb;
	struct scap_threadinfo threads[2];
	sinsp_t *s;
	struct strbuf out;
	char path[64];
};

static struct fixture fx;

static void set_thread(struct scap_threadinfo *t, uint64_t tid, const char *comm, const char *cg,
		       size_t cglen)
{
	t->tid = t->pid = tid;
	t->ptid = 1;
	t->vtid = t->vpid = tid;
	strcpy(t->comm, comm);
	strcpy(t->exe, comm);
	strcpy(t->cwd, "/");
	t->loginuid = UINT32_MAX;
	memcpy(t->cgroups, cg, cglen);
	t->cgroups_len = (uint16_t)cglen;
}

/* Thread 1 on the host, thread TID in the pod's container (kubepods cgroupfs path). */
static void open_inspector(void)
{
	set_thread(&fx.threads[0], 1, "init", "cpu=/", 6);
	set_thread(&fx.threads[1], TID, "sh", CGROUP, sizeof(CGROUP));
	fx.eb.state.threads = fx.threads;
	fx.eb.state.nthreads = 2;
	fx.s = eb_open(&fx.eb);
}

static struct sinsp_evt *next(void)
{
	struct sinsp_evt *evt = NULL;

	ck_assert_int_eq(sinsp_next(fx.s, &evt), 0);
	return evt;
}

/* Text of a field for evt, NULL when it does not resolve. */
static const char *field(struct sinsp_evt *evt, const char *name)
{
	struct field_ref r;
	size_t n = sinsp_field_parse(name, &r);
	bool ok;

	ck_assert_msg(n == strlen(name), "field %s parsed %zu bytes", name, n);
	strbuf_reset(&fx.out);
	ok = sinsp_field_extract(evt, &r, SINSP_BUF_NORMAL, &fx.out);
	sinsp_field_ref_free(&r);
	return ok ? (fx.out.buf ? fx.out.buf : "") : NULL;
}

#define ASSERT_FIELD(evt, name, want)                                      \
	do {                                                               \
		const char *got_ = field((evt), (name));                   \
		ck_assert_msg(got_ && strcmp(got_, (want)) == 0,           \
			      "%s: got %s, want %s", (name), got_ ? got_ : "<NA>", (want)); \
	} while (0)

static void setup(void)
{
	memset(&fx, 0, sizeof(fx));
	fx.eb.tid = TID;
	fx.eb.ts0 = 1000000000ull * 1700000000ull;
	fx.eb.ts_step = 1000;
}

static void teardown(void)
{
	eb_free(&fx.eb);
	strbuf_free(&fx.out);
	if (fx.path[0])
		unlink(fx.path);
}

START_TEST(fields_from_container_event)
{
	/* as Falco writes it (member names and value kinds of its container JSON) */
	const char *json =
		"{\"container\":{\"Mounts\":[],\"created_time\":1796638566,\"full_id\":\"" ID64 "\","
		"\"id\":\"" ID12 "\",\"image\":\"localhost/scry/busybox:1\",\"imagerepo\":"
		"\"localhost/scry/busybox\",\"imagetag\":\"1\",\"ip\":\"10.1.2.3\",\"is_pod_sandbox\":false,"
		"\"labels\":{\"io.kubernetes.container.name\":\"loop\",\"io.kubernetes.pod.name\":\"web\","
		"\"io.kubernetes.pod.namespace\":\"shop\",\"io.kubernetes.pod.uid\":\"" UID "\"},"
		"\"name\":\"loop\",\"pod_sandbox_id\":\"" SANDBOX "\",\"pod_sandbox_labels\":{\"app\":\"web\","
		"\"app.kubernetes.io/name\":\"shop-web\",\"io.kubernetes.pod.name\":\"web\"},"
		"\"privileged\":false,\"type\":7}}";
	struct sinsp_evt *evt;

	eb_add_at(&fx.eb, 0, 0, SCAP_EVT_CONTAINER_JSON_E, 1, PSTR(json));
	eb_add(&fx.eb, SCAP_EVT_SYSCALL_CLOSE_E, 1, P64(3));
	eb_add_at(&fx.eb, 1000000000ull * 1700000001ull, 1, SCAP_EVT_SYSCALL_CLOSE_E, 1, P64(3));
	open_inspector();
	evt = next();
	while (!evt->thread || evt->thread->tid != TID)
		evt = next();
	ASSERT_FIELD(evt, "container.id", ID12);
	ASSERT_FIELD(evt, "container.name", "loop");
	ASSERT_FIELD(evt, "k8s.pod.name", "web");
	ASSERT_FIELD(evt, "k8s.ns.name", "shop");
	ASSERT_FIELD(evt, "k8s.pod.uid", UID);
	ASSERT_FIELD(evt, "k8s.pod.id", UID);
	ASSERT_FIELD(evt, "k8s.pod.label.app", "web");
	ASSERT_FIELD(evt, "k8s.pod.label[app.kubernetes.io/name]", "shop-web");
	ck_assert_ptr_null(field(evt, "k8s.pod.label.nosuch"));
	/* the kubelet's own sandbox labels are bookkeeping, not the pod's labels */
	ASSERT_FIELD(evt, "k8s.pod.labels", "app:web,app.kubernetes.io/name:shop-web");
	ASSERT_FIELD(evt, "k8s.pod.sandbox_id", "45648d135709");
	ASSERT_FIELD(evt, "k8s.pod.full_sandbox_id", SANDBOX);
	ASSERT_FIELD(evt, "k8s.pod.ip", "10.1.2.3");
	ck_assert_int_eq(evt->thread->container->created_ns, 1796638566ll * 1000000000ll);
	/* a host thread is in no pod */
	evt = next();
	ck_assert_int_eq(evt->thread->tid, 1);
	ck_assert_ptr_null(field(evt, "k8s.pod.name"));
	ck_assert_ptr_null(field(evt, "k8s.pod.uid"));
	ck_assert_ptr_null(field(evt, "k8s.pod.labels"));
}
END_TEST

START_TEST(labels_before_mounts_are_kept)
{
	/* members in another order than Falco's (sorted) writer gives them */
	const char *json =
		"{\"container\":{\"id\":\"" ID12 "\",\"type\":7,\"name\":\"loop\",\"labels\":"
		"{\"io.kubernetes.pod.name\":\"web\"},\"pod_sandbox_labels\":{\"app\":\"web\"},"
		"\"Mounts\":[{\"Source\":\"/tmp\",\"Destination\":\"/data\",\"RW\":false}]}}";
	struct sinsp_evt *evt;

	eb_add_at(&fx.eb, 0, 0, SCAP_EVT_CONTAINER_JSON_E, 1, PSTR(json));
	eb_add(&fx.eb, SCAP_EVT_SYSCALL_CLOSE_E, 1, P64(3));
	open_inspector();
	evt = next();
	while (!evt->thread || evt->thread->tid != TID)
		evt = next();
	ASSERT_FIELD(evt, "k8s.pod.name", "web");
	ASSERT_FIELD(evt, "k8s.pod.labels", "app:web");
	ASSERT_FIELD(evt, "container.mount.dest[0]", "/data");
}
END_TEST

START_TEST(uid_from_cgroup_path_alone)
{
	struct sinsp_evt *evt;

	eb_add(&fx.eb, SCAP_EVT_SYSCALL_CLOSE_E, 1, P64(3));
	open_inspector();
	evt = next();
	ASSERT_FIELD(evt, "k8s.pod.uid", UID);
	ck_assert_ptr_null(field(evt, "k8s.pod.name"));
	ck_assert_ptr_null(field(evt, "k8s.ns.name"));
	ck_assert_ptr_null(field(evt, "k8s.pod.labels"));
	ck_assert_ptr_null(field(evt, "k8s.pod.sandbox_id"));
}
END_TEST

static void set_label(struct sinsp_container_label **l, uint32_t *n, const char *k, const char *v)
{
	*l = realloc(*l, (*n + 1) * sizeof(**l));
	ck_assert_ptr_nonnull(*l);
	(*l)[*n].key = strdup(k);
	(*l)[*n].value = strdup(v);
	(*n)++;
}

START_TEST(pod_round_trip_through_a_capture)
{
	struct sinsp_container *c;
	const struct sinsp_container *r;
	struct scap_dumper *d = NULL;
	char errbuf[SCAP_ERRBUF_SIZE] = "";
	struct sinsp_evt *evt;
	int fd;

	eb_add(&fx.eb, SCAP_EVT_SYSCALL_CLOSE_E, 1, P64(3));
	open_inspector();
	evt = next(); /* written after the state, as a live capture writes it */
	/* what a CRI lookup sets (runtime/cri.c): no io.kubernetes.* container labels here,
	 * the writer must carry the pod all the same */
	c = (struct sinsp_container *)sinsp_thread_find(fx.s, TID)->container;
	ck_assert_ptr_nonnull(c);
	c->type = SINSP_CT_CONTAINERD;
	c->has_metadata = true;
	c->name = strdup("loop");
	c->image = strdup("localhost/scry/busybox:1");
	c->pod_sandbox_id = strdup(SANDBOX);
	c->pod_name = strdup("web");
	c->pod_namespace = strdup("shop");
	c->created_ns = 1796638566833321884ll;
	set_label(&c->labels, &c->nlabels, "io.kubernetes.container.name", "loop");
	set_label(&c->pod_labels, &c->npod_labels, "app", "web");
	set_label(&c->pod_labels, &c->npod_labels, "tier", "front \"x\"");

	strcpy(fx.path, "/tmp/test_k8s.XXXXXX");
	fd = mkstemp(fx.path);
	ck_assert_int_ge(fd, 0);
	close(fd);
	SCAP_OPTS(scap_dump_opts, o, .path = fx.path);
	ck_assert_msg(scap_dump_open(&o, &d, errbuf) == 0, "scap_dump_open: %s", errbuf);
	ck_assert_int_eq(sinsp_dump_state(fx.s, d), 0);
	ck_assert_int_eq(scap_dump_event(d, &evt->ref, 0), 0);
	ck_assert_int_eq(scap_dump_close(d, errbuf), 0);
	if (getenv("SCRY_TEST_KEEP"))
		(void)!link(fx.path, getenv("SCRY_TEST_KEEP"));
	eb_free(&fx.eb);
	memset(&fx.eb, 0, sizeof(fx.eb));

	/* replay: the capture alone gives the pod */
	SCAP_OPTS(scap_open_opts, so, .engine = "savefile", .path = fx.path);
	struct sinsp_open_opts oo = { .sz = sizeof(oo), .scap = &so };
	ck_assert_msg(sinsp_open(&oo, &fx.eb.s, errbuf) == 0, "sinsp_open: %s", errbuf);
	ck_assert_int_eq(sinsp_next(fx.eb.s, &evt), 0);
	while (!evt->thread || evt->thread->tid != TID)
		ck_assert_int_eq(sinsp_next(fx.eb.s, &evt), 0);
	ASSERT_FIELD(evt, "k8s.pod.name", "web");
	ASSERT_FIELD(evt, "k8s.ns.name", "shop");
	ASSERT_FIELD(evt, "k8s.pod.labels", "app:web,tier:front \"x\"");
	ASSERT_FIELD(evt, "container.name", "loop");
	r = sinsp_container_find(fx.eb.s, ID12);
	ck_assert_ptr_nonnull(r);
	ck_assert_ptr_eq(r, sinsp_thread_find(fx.eb.s, TID)->container);
	ck_assert_int_eq(r->type, SINSP_CT_CONTAINERD);
	ck_assert_str_eq(r->name, "loop");
	ck_assert_str_eq(r->pod_name, "web");
	ck_assert_str_eq(r->pod_namespace, "shop");
	ck_assert_str_eq(r->pod_uid, UID);
	ck_assert_str_eq(r->pod_sandbox_id, SANDBOX);
	ck_assert_int_eq(r->created_ns, 1796638566ll * 1000000000ll); /* whole seconds */
	ck_assert_uint_eq(r->npod_labels, 2);
	ck_assert_str_eq(r->pod_labels[0].key, "app");
	ck_assert_str_eq(r->pod_labels[0].value, "web");
	ck_assert_str_eq(r->pod_labels[1].value, "front \"x\"");
	/* the kubelet's labels the writer added, beside the container's own */
	ck_assert_uint_eq(r->nlabels, 4);
	ck_assert_str_eq(r->labels[0].key, "io.kubernetes.container.name");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("k8s");
	TCase *tc = tcase_create("pod");
	SRunner *sr;
	int failed;

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, fields_from_container_event);
	tcase_add_test(tc, labels_before_mounts_are_kept);
	tcase_add_test(tc, uid_from_cgroup_path_alone);
	tcase_add_test(tc, pod_round_trip_through_a_capture);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_dump_containers.c - container records in written captures (dump_state.c,
 * sinsp_dump.h): the table at the start of every file of a rotated re-write, one record
 * before the next event written when a runtime sets or changes a container's metadata
 * (sinsp_container_changed()), no record twice for the container events of the stream;
 * the public container view, its pod label getter and callback (sinsp_state.h); the
 * container.start_ts field.
 *
 * The writing loop below is scry -w's (userspace/scry/write.c) cut to what the library
 * contract needs: sinsp_dump_state() at each file's start, the writer's change mark,
 * sinsp_dump_changed_containers() before each event, a container event that opens a
 * file left out (the file's table holds it).
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
#include <scry/sinsp_state.h>

#include "sinsp_int.h"
#include "fields/fields.h"
#include "evt_builder.h"

#define ID_A "aaaaaaaaaaaa"
#define ID_B "bbbbbbbbbbbb"
#define CG_A "cpu=/docker/aaaaaaaaaaaa0000000000000000000000000000000000000000000000000000"
#define CG_B "cpu=/docker/bbbbbbbbbbbb0000000000000000000000000000000000000000000000000000"
#define JSON_A "{\"container\":{\"id\":\"" ID_A "\",\"type\":0,\"name\":\"web\",\"image\":\"nginx:1.25\"," \
	       "\"Mounts\":[],\"labels\":{}}}"
#define T0 1700000100000000000ull      /* ts of the events: T0 + k * 1000 */
#define MAXREC 64
#define MAXFILES 8

/* One event record of a written file. */
struct rec {
	uint16_t type;
	uint64_t ts;
	uint64_t tid;
	char id[16];                 /* container events: the "id" of the JSON */
	char name[16];               /* container events: the "name" */
};

struct file_recs {
	struct rec r[MAXREC];
	uint32_t n;
};

static struct {
	struct evt_builder eb;
	struct scap_threadinfo threads[3];
	char dir[64];
	char paths[MAXFILES][96];
	uint32_t nfiles;
	struct file_recs files[MAXFILES];
} fx;

static void add_thread(int64_t tid, const char *comm, const char *cgroups, uint64_t pidns_ts)
{
	struct scap_threadinfo *t = &fx.threads[fx.eb.state.nthreads++];

	t->tid = t->pid = (uint64_t)tid;
	t->ptid = 1;
	t->vtid = t->vpid = 1;
	strcpy(t->comm, comm);
	strcpy(t->exe, comm);
	strcpy(t->cwd, "/");
	t->loginuid = UINT32_MAX;
	t->cgroups_len = (uint16_t)(strlen(cgroups) + 1);
	memcpy(t->cgroups, cgroups, t->cgroups_len);
	t->pidns_init_start_ts_ns = pidns_ts;
	fx.eb.state.threads = fx.threads;
}

/* A close(fd) enter event of thread tid, the k-th of the capture (ts T0 + k * 1000). */
static void add_close(uint32_t k, int64_t tid)
{
	eb_add_at(&fx.eb, T0 + k * 1000ull, tid, SCAP_EVT_SYSCALL_CLOSE_E, 1, P64(3));
}

static void setup(void)
{
	memset(&fx, 0, sizeof(fx));
	strcpy(fx.dir, "/tmp/scry_dumpct_XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(fx.dir));
}

static void teardown(void)
{
	uint32_t i;

	eb_free(&fx.eb);
	for (i = 0; i < fx.nfiles; i++)
		unlink(fx.paths[i]);
	rmdir(fx.dir);
}

/* The value of "key":"..." in json, copied into out (cap bytes); "" when absent. */
static void json_get(const char *json, const char *key, char *out, size_t cap)
{
	char pat[32];
	const char *p, *e;

	snprintf(pat, sizeof(pat), "\"%s\":\"", key);
	out[0] = '\0';
	p = strstr(json, pat);
	if (!p)
		return;
	p += strlen(pat);
	e = strchr(p, '"');
	if (e && (size_t)(e - p) < cap) {
		memcpy(out, p, (size_t)(e - p));
		out[e - p] = '\0';
	}
}

/* Every event record of the capture at path, in file order. */
static void read_file(const char *path, struct file_recs *fr)
{
	char errbuf[SCAP_ERRBUF_SIZE] = "";
	struct scap_evt_ref e = { .sz = sizeof(e) };
	scap_t *h = NULL;
	int rc;

	SCAP_OPTS(scap_open_opts, o, .engine = "savefile", .path = path);
	ck_assert_msg(scap_open(&o, &h, errbuf) == 0, "open %s: %s", path, errbuf);
	fr->n = 0;
	while ((rc = scap_next(h, &e)) == 0) {
		struct rec *r = &fr->r[fr->n++];

		ck_assert_uint_le(fr->n, MAXREC);
		memset(r, 0, sizeof(*r));
		r->type = e.type;
		r->ts = e.ts_ns;
		r->tid = e.tid;
		if (e.type == SCAP_EVT_CONTAINER_JSON_E) {
			/* header, one u16 length, the JSON with its NUL */
			const char *json = (const char *)e.raw + SCAP_ABI_EVT_HDR_LEN + 2;

			json_get(json, "id", r->id, sizeof(r->id));
			json_get(json, "name", r->name, sizeof(r->name));
		}
	}
	ck_assert_int_eq(rc, SCAP_EOF);
	scap_close(h);
}

/* Records of container id in fr. */
static uint32_t count_id(const struct file_recs *fr, const char *id)
{
	uint32_t i, n = 0;

	for (i = 0; i < fr->n; i++)
		n += fr->r[i].type == SCAP_EVT_CONTAINER_JSON_E && strcmp(fr->r[i].id, id) == 0;
	return n;
}

/*
 * A runtime's answer: what runtime/ does when a lookup of container id completes (the
 * entry gets its metadata, then the signal).
 */
static void runtime_answers(sinsp_t *s, const char *id, const char *name)
{
	struct sinsp_container *c = sinsp_container_entry(s, id);

	ck_assert_ptr_nonnull(c);
	free(c->name);
	c->name = strdup(name);
	free(c->image);
	c->image = strdup("busybox:latest");
	sinsp_container_changed(s, c);
}

typedef void (*before_fn)(sinsp_t *s, uint32_t k);

static void open_file(sinsp_t *s, struct scap_dumper **d, uint64_t *mark)
{
	char errbuf[SCAP_ERRBUF_SIZE] = "";
	char *path = fx.paths[fx.nfiles++];

	ck_assert_uint_le(fx.nfiles, MAXFILES);
	snprintf(path, sizeof(fx.paths[0]), "%s/out%u.scap", fx.dir, fx.nfiles - 1);
	SCAP_OPTS(scap_dump_opts, o, .path = path);
	ck_assert_msg(scap_dump_open(&o, d, errbuf) == 0, "%s", errbuf);
	ck_assert_int_eq(sinsp_dump_state(s, *d), 0);
	*mark = sinsp_container_changes(s);
}

static void close_file(struct scap_dumper *d)
{
	char errbuf[SCAP_ERRBUF_SIZE] = "";

	ck_assert_msg(scap_dump_close(d, errbuf) == 0, "%s", errbuf);
}

/*
 * Re-write every event of the builder, a new file every `every` events read (0: one
 * file); before(s, k) runs before the k-th sinsp_next() (from 1), as a runtime answer
 * inside it would. Then read every file back into fx.files.
 */
static void rewrite(uint32_t every, before_fn before)
{
	sinsp_t *s = eb_open(&fx.eb);
	struct scap_dumper *d = NULL;
	struct sinsp_evt *evt;
	uint64_t mark = 0;
	uint32_t k = 0, i;

	open_file(s, &d, &mark);
	for (;;) {
		const struct scap_evt_ref *ref;

		if (before)
			before(s, k + 1);
		if (sinsp_next(s, &evt) != 0)
			break;
		k++;
		ref = sinsp_evt_raw(evt);
		if (every && k > 1 && (k - 1) % every == 0) {
			close_file(d);
			open_file(s, &d, &mark);
			if (ref->type == SCAP_EVT_CONTAINER_JSON_E)
				continue;
		}
		ck_assert_int_eq(sinsp_dump_changed_containers(s, d, &mark, ref->ts_ns), 0);
		ck_assert_int_eq(scap_dump_event(d, ref, ref->flags), 0);
	}
	close_file(d);
	for (i = 0; i < fx.nfiles; i++)
		read_file(fx.paths[i], &fx.files[i]);
}

/* The runtime answers for container B, twice (a change), after the 3rd event is written. */
static void answer_b_at_4(sinsp_t *s, uint32_t k)
{
	if (k == 4) {
		runtime_answers(s, ID_B, "first");
		runtime_answers(s, ID_B, "db");
	}
}

/*
 * A's thread 100 and B's thread 200; A's container event, then closes by 100, 200,
 * 200, 100; re-written to one file, the runtime answering for B after the 2nd close.
 */
static void two_containers_four_events(void)
{
	add_thread(100, "nginx", CG_A, 0);
	add_thread(200, "sh", CG_B, 0);
	eb_add_at(&fx.eb, 0, -1, SCAP_EVT_CONTAINER_JSON_E, 1, PSTR(JSON_A));
	add_close(1, 100);
	add_close(2, 200);
	add_close(3, 200);
	add_close(4, 100);
	rewrite(0, answer_b_at_4);
}

START_TEST(changed_container_gets_one_record_before_the_next_event)
{
	const struct file_recs *f;
	uint32_t i;

	two_containers_four_events();
	ck_assert_uint_eq(fx.nfiles, 1);
	f = &fx.files[0];
	/* A's event passed through once; B's record right before the event after the answer */
	ck_assert_uint_eq(f->n, 6);
	ck_assert_uint_eq(f->r[0].type, SCAP_EVT_CONTAINER_JSON_E);
	ck_assert_str_eq(f->r[0].id, ID_A);
	ck_assert_uint_eq(f->r[1].ts, T0 + 1000);
	ck_assert_uint_eq(f->r[2].ts, T0 + 2000);
	ck_assert_uint_eq(f->r[3].type, SCAP_EVT_CONTAINER_JSON_E);
	ck_assert_str_eq(f->r[3].id, ID_B);
	ck_assert_str_eq(f->r[3].name, "db");          /* one record: the metadata as of now */
	ck_assert_uint_eq(f->r[3].ts, T0 + 3000);      /* the time of the event it precedes */
	ck_assert_uint_eq(f->r[3].tid, UINT64_MAX);
	ck_assert_uint_eq(f->r[4].type, SCAP_EVT_SYSCALL_CLOSE_E);
	ck_assert_uint_eq(f->r[4].ts, T0 + 3000);
	ck_assert_uint_eq(count_id(f, ID_A), 1);
	ck_assert_uint_eq(count_id(f, ID_B), 1);
	for (i = 1; i < f->n; i++)
		ck_assert_uint_ge(f->r[i].ts, f->r[i - 1].ts);
}
END_TEST

/*
 * Replay a written file with a new inspector: the container.name of each event shown,
 * want[i] for the i-th (NULL: <NA>).
 */
static void replay_names(const char *path, const char *const want[], uint32_t nwant)
{
	char errbuf[SCAP_ERRBUF_SIZE] = "";
	struct strbuf out = { 0 };
	struct sinsp_evt *evt;
	struct field_ref r;
	sinsp_t *s = NULL;
	uint32_t n = 0;

	SCAP_OPTS(scap_open_opts, so, .engine = "savefile", .path = path);
	struct sinsp_open_opts o = { .sz = sizeof(o), .scap = &so };
	ck_assert_msg(sinsp_open(&o, &s, errbuf) == 0, "%s", errbuf);
	ck_assert_uint_gt(sinsp_field_parse("container.name", &r), 0);
	while (sinsp_next(s, &evt) == 0) {
		bool ok;

		if (sinsp_evt_is_hidden(evt))
			continue;
		ck_assert_uint_lt(n, nwant);
		strbuf_reset(&out);
		ok = sinsp_field_extract(evt, &r, SINSP_BUF_NORMAL, &out);
		if (!want[n])
			ck_assert_msg(!ok, "%s: event %u: container.name %s, want <NA>", path, n, out.buf);
		else
			ck_assert_msg(ok && strcmp(out.buf, want[n]) == 0, "%s: event %u: container.name %s, want %s",
				      path, n, ok ? out.buf : "<NA>", want[n]);
		n++;
	}
	ck_assert_uint_eq(n, nwant);
	sinsp_field_ref_free(&r);
	strbuf_free(&out);
	sinsp_close(s);
}

START_TEST(replay_of_the_written_file_names_the_changed_container)
{
	/*
	 * e2 was written before the runtime answered: <NA>, as it was live; B's record in
	 * the middle of the file is shown (as sysdig 0.29.3 shows it), of container db
	 */
	static const char *const want[] = { "web", NULL, "db", "db", "web" };

	two_containers_four_events();
	replay_names(fx.paths[0], want, 5);
}
END_TEST

/* The runtime answers for B before the 5th event (in the second file of 3-event files). */
static void answer_b_at_5(sinsp_t *s, uint32_t k)
{
	if (k == 5)
		runtime_answers(s, ID_B, "db");
}

START_TEST(rotation_holds_the_records_in_every_file)
{
	static const char *const want0[] = { "web", NULL };
	static const char *const want1[] = { "web", "db", "db", "web" }; /* B's record, e4 */
	static const char *const want2[] = { "db", "web", "db" };
	uint32_t i, k;

	add_thread(100, "nginx", CG_A, 0);
	add_thread(200, "sh", CG_B, 0);
	eb_add_at(&fx.eb, 0, -1, SCAP_EVT_CONTAINER_JSON_E, 1, PSTR(JSON_A));
	for (k = 1; k <= 8; k++)
		add_close(k, k % 2 ? 100 : 200);
	/* files: [A-json, e1, e2] [e3, e4, e5] [e6, e7, e8]; B answered before e4 is read;
	 * odd events are A's thread's, even ones B's */
	rewrite(3, answer_b_at_5);
	ck_assert_uint_eq(fx.nfiles, 3);
	for (i = 0; i < fx.nfiles; i++)
		ck_assert_msg(count_id(&fx.files[i], ID_A) == 1, "file %u: %u records of A", i,
			      count_id(&fx.files[i], ID_A));
	ck_assert_uint_eq(count_id(&fx.files[0], ID_B), 0);
	ck_assert_uint_eq(count_id(&fx.files[1], ID_B), 1);
	ck_assert_uint_eq(count_id(&fx.files[2], ID_B), 1);
	/* the later files start with the table: ts 0, before any event */
	ck_assert_uint_eq(fx.files[1].r[0].type, SCAP_EVT_CONTAINER_JSON_E);
	ck_assert_uint_eq(fx.files[1].r[0].ts, 0);
	ck_assert_uint_eq(fx.files[2].r[0].ts, 0);
	ck_assert_uint_eq(fx.files[2].r[1].ts, 0);
	/* every file replays alone with the names of its events (B from its record on) */
	replay_names(fx.paths[0], want0, 2);
	replay_names(fx.paths[1], want1, 4);
	replay_names(fx.paths[2], want2, 3);
}
END_TEST

START_TEST(a_container_event_that_opens_a_file_is_not_written_twice)
{
	add_thread(100, "nginx", CG_A, 0);
	add_close(1, 100);
	add_close(2, 100);
	/* A's event is the 3rd read: the one that opens the second file */
	eb_add_at(&fx.eb, T0 + 2500, -1, SCAP_EVT_CONTAINER_JSON_E, 1, PSTR(JSON_A));
	add_close(3, 100);
	rewrite(2, NULL);
	ck_assert_uint_eq(fx.nfiles, 2);
	ck_assert_uint_eq(count_id(&fx.files[0], ID_A), 0);
	ck_assert_uint_eq(count_id(&fx.files[1], ID_A), 1);
	ck_assert_uint_eq(fx.files[1].n, 2);
}
END_TEST

START_TEST(containers_from_cgroups_only_get_no_record)
{
	add_thread(100, "nginx", CG_A, 0);
	add_close(1, 100);
	rewrite(0, NULL);
	ck_assert_uint_eq(fx.files[0].n, 1);
	ck_assert_uint_eq(fx.files[0].r[0].type, SCAP_EVT_SYSCALL_CLOSE_E);
	ck_assert_uint_eq(sinsp_container_changes(fx.eb.s), 0);
}
END_TEST

/* ---- the public view, the callback, container.start_ts ---------------------------------- */

struct seen {
	char ids[8][16];
	bool meta[8];
	char names[8][16];
	uint32_t n;
};

static void on_container(const struct sinsp_container_info *c, void *ctx)
{
	struct seen *sn = ctx;

	if (sn->n >= 8)
		return;
	snprintf(sn->ids[sn->n], sizeof(sn->ids[0]), "%s", c->id);
	snprintf(sn->names[sn->n], sizeof(sn->names[0]), "%s", c->name);
	sn->meta[sn->n] = c->has_metadata;
	sn->n++;
}

START_TEST(callback_and_view_of_new_and_changed_containers)
{
	struct sinsp_container_info v = { .sz = sizeof(v) };
	struct sinsp_container *c;
	struct sinsp_evt *evt;
	struct seen sn = { 0 };
	const char *key, *value;
	sinsp_t *s;

	add_thread(1, "init", "cpu=/", 0);
	eb_add_at(&fx.eb, 0, -1, SCAP_EVT_CONTAINER_JSON_E, 1, PSTR(JSON_A));
	add_close(1, 1);
	s = eb_open(&fx.eb);
	ck_assert_int_eq(sinsp_set_container_changed_fn(s, on_container, &sn), 0);
	ck_assert_int_eq(sinsp_next(s, &evt), 0);     /* A's container event */
	ck_assert_uint_eq(sn.n, 1);
	ck_assert_str_eq(sn.ids[0], ID_A);
	ck_assert(sn.meta[0]);
	ck_assert_str_eq(sn.names[0], "web");
	ck_assert_uint_eq(sinsp_container_changes(s), 0); /* in the stream: not a change to write */
	/* a runtime tells B with its pod */
	c = sinsp_container_entry(s, ID_B);
	c->type = SINSP_CT_CRI;
	c->name = strdup("db");
	c->pod_sandbox_id = strdup("5a5a5a5a5a5a");
	c->pod_name = strdup("db-0");
	c->pod_namespace = strdup("prod");
	c->pod_labels = calloc(1, sizeof(*c->pod_labels));
	c->pod_labels[0].key = strdup("app");
	c->pod_labels[0].value = strdup("postgres");
	c->npod_labels = 1;
	c->created_ns = 1700000000123456789;
	sinsp_container_changed(s, c);
	ck_assert_uint_eq(sn.n, 2);
	ck_assert_str_eq(sn.ids[1], ID_B);
	ck_assert(sn.meta[1]);
	ck_assert_uint_eq(sinsp_container_changes(s), 1);

	ck_assert_int_eq(sinsp_container_lookup(s, ID_B, &v), 0);
	ck_assert_str_eq(v.name, "db");
	ck_assert_str_eq(v.type_name, "cri");
	ck_assert_int_eq(v.created_ns, 1700000000123456789);
	ck_assert_str_eq(v.pod_sandbox_id, "5a5a5a5a5a5a");
	ck_assert_str_eq(v.pod_name, "db-0");
	ck_assert_str_eq(v.pod_namespace, "prod");
	ck_assert_uint_eq(v.npod_labels, 1);
	ck_assert_int_eq(sinsp_container_pod_label_get(s, ID_B, 0, &key, &value), 0);
	ck_assert_str_eq(key, "app");
	ck_assert_str_eq(value, "postgres");
	ck_assert_int_eq(sinsp_container_pod_label_get(s, ID_B, 1, &key, &value), -ENOENT);
	ck_assert_int_eq(sinsp_container_pod_label_get(s, ID_A, 0, &key, &value), -ENOENT);
	ck_assert_int_eq(sinsp_container_pod_label_get(s, NULL, 0, &key, &value), -EINVAL);
	/* A: from a container event without pod nor creation time */
	ck_assert_int_eq(sinsp_container_lookup(s, ID_A, &v), 0);
	ck_assert_int_eq(v.created_ns, 0);
	ck_assert_str_eq(v.pod_name, "");
	ck_assert_uint_eq(v.npod_labels, 0);
	/* an old caller's smaller view is filled up to its size only */
	{
		struct sinsp_container_info old;

		memset(&old, 0x5a, sizeof(old));
		old.sz = offsetof(struct sinsp_container_info, created_ns);
		ck_assert_int_eq(sinsp_container_lookup(s, ID_B, &old), 0);
		ck_assert_str_eq(old.name, "db");
		ck_assert_int_eq(old.created_ns, 0x5a5a5a5a5a5a5a5a);
	}
	/* NULL stops the calls */
	ck_assert_int_eq(sinsp_set_container_changed_fn(s, NULL, NULL), 0);
	sinsp_container_changed(s, c);
	ck_assert_uint_eq(sn.n, 2);
	ck_assert_int_eq(sinsp_set_container_changed_fn(NULL, on_container, NULL), -EINVAL);
}
END_TEST

START_TEST(callback_on_a_container_first_seen_in_cgroups)
{
	struct seen sn = { 0 };
	struct sinsp_evt *evt;
	sinsp_t *s;

	add_thread(100, "sh", "cpu=/", 0);
	add_close(1, 100);
	s = eb_open(&fx.eb);
	ck_assert_int_eq(sinsp_set_container_changed_fn(s, on_container, &sn), 0);
	ck_assert_int_eq(sinsp_next(s, &evt), 0);
	ck_assert_uint_eq(sn.n, 0);
	{
		/* what a clone/execve parser does with new cgroups */
		struct sinsp_thread *t = sinsp_thread_find(s, 100);
		static const char cg[] = CG_B;

		free(t->cgroups);
		t->cgroups = malloc(sizeof(cg));
		memcpy(t->cgroups, cg, sizeof(cg));
		t->cgroups_len = sizeof(cg);
		sinsp_thread_update_container(s, t);
	}
	ck_assert_uint_eq(sn.n, 1);
	ck_assert_str_eq(sn.ids[0], ID_B);
	ck_assert(!sn.meta[0]);
	/* known already: no second call */
	sinsp_thread_update_container(s, sinsp_thread_find(s, 100));
	ck_assert_uint_eq(sn.n, 1);
}
END_TEST

/* Text of container.start_ts for the next event of s, NULL when <NA>. */
static const char *start_ts(sinsp_t *s, struct strbuf *out)
{
	struct sinsp_evt *evt;
	struct field_ref r;
	bool ok;

	ck_assert_int_eq(sinsp_next(s, &evt), 0);
	ck_assert_uint_gt(sinsp_field_parse("container.start_ts", &r), 0);
	strbuf_reset(out);
	ok = sinsp_field_extract(evt, &r, SINSP_BUF_NORMAL, out);
	sinsp_field_ref_free(&r);
	return ok ? out->buf : NULL;
}

START_TEST(container_start_ts_field)
{
	struct strbuf out = { 0 };
	sinsp_t *s;

	add_thread(100, "nginx", CG_A, 1700000050000000001ull);   /* kernel's pidns init start */
	add_thread(200, "sh", CG_B, 0);                          /* none: the runtime's time */
	add_thread(300, "bash", "cpu=/user.slice", 1600000000000000000ull); /* host */
	eb_add_at(&fx.eb, 0, -1, SCAP_EVT_CONTAINER_JSON_E, 1, PSTR(JSON_A));
	add_close(1, 100);
	add_close(2, 200);
	add_close(3, 300);
	s = eb_open(&fx.eb);
	{
		struct sinsp_evt *evt;

		ck_assert_int_eq(sinsp_next(s, &evt), 0); /* A's event */
	}
	ck_assert_str_eq(start_ts(s, &out), "1700000050000000001");
	/* B: no pidns time, no metadata yet */
	ck_assert_ptr_null(start_ts(s, &out));
	ck_assert_ptr_null(start_ts(s, &out));      /* host */
	strbuf_free(&out);
}
END_TEST

START_TEST(container_start_ts_falls_back_on_the_runtime_time)
{
	struct strbuf out = { 0 };
	sinsp_t *s;

	add_thread(200, "sh", CG_A, 0);
	eb_add_at(&fx.eb, 0, -1, SCAP_EVT_CONTAINER_JSON_E, 1, PSTR(JSON_A));
	add_close(1, 200);
	s = eb_open(&fx.eb);
	{
		struct sinsp_evt *evt;

		ck_assert_int_eq(sinsp_next(s, &evt), 0);
	}
	/* the runtime's creation time (a lookup, or created_time of a container event) */
	sinsp_container_entry(s, ID_A)->created_ns = 1700000000123456789;
	ck_assert_str_eq(start_ts(s, &out), "1700000000123456789");
	strbuf_free(&out);
}
END_TEST

static Suite *dump_containers_suite(void)
{
	Suite *s = suite_create("dump_containers");
	TCase *tc;

	tc = tcase_create("records");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, changed_container_gets_one_record_before_the_next_event);
	tcase_add_test(tc, replay_of_the_written_file_names_the_changed_container);
	tcase_add_test(tc, rotation_holds_the_records_in_every_file);
	tcase_add_test(tc, a_container_event_that_opens_a_file_is_not_written_twice);
	tcase_add_test(tc, containers_from_cgroups_only_get_no_record);
	suite_add_tcase(s, tc);

	tc = tcase_create("api");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, callback_and_view_of_new_and_changed_containers);
	tcase_add_test(tc, callback_on_a_container_first_seen_in_cgroups);
	tcase_add_test(tc, container_start_ts_field);
	tcase_add_test(tc, container_start_ts_falls_back_on_the_runtime_time);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(dump_containers_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

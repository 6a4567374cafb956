/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_state_update.c - a later state of a source (scap_get_state_update(): the state
 * blocks of a stream's later chunk) merged into libsinsp's tables: threads and fds the
 * replay lacks are added (a process started while the publisher was down), placeholders
 * get their identity and keep their fds, known threads stay as the events built them,
 * new users are added, each host of a merge of several keeps its own. The events come
 * from an engine of this file (scry/scap_engine.h) that names each event's host and
 * gives an update with chosen events, as the stream engine does.
 */
#include <check.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <scry/scap.h>
#include <scry/scap_engine.h>
#include <scry/sinsp.h>
#include <scry/sinsp_state.h>

#include "sinsp_int.h"
#include "state/users.h"
#include "evt_builder.h"

#define TS0 (1000000000ull * 1700000000ull)
#define MAXEV 16

static struct {
	struct evt_builder eb;             /* the records (eb_add_at(); never opened) */
	const char *src[MAXEV];            /* each record's host */
	const struct scap_state *upd[MAXEV]; /* the update given with it, or NULL */
	uint32_t next;                     /* the record next() returns next */
	struct scap_threadinfo ta[1], tb[1], tu[5];
	struct scap_fdinfo fu7[1], fu9[1];
	struct scap_userinfo uu[1];
	struct scap_state init, srcs[2], update;
	sinsp_t *s;
} fk;

static int fake_open(scap_t *h, const struct scap_open_opts *o)
{
	(void)o;
	fk.next = 0;
	return scap_engine_set_state(h, &fk.init);
}

static void fake_close(scap_t *h)
{
	(void)h;
}

static int fake_next(scap_t *h, struct scap_evt_ref *out)
{
	struct scap_abi_evt_hdr hdr;
	const uint8_t *rec;

	scap_engine_set_state_update(h, NULL);
	if (fk.next == fk.eb.n)
		return SCAP_EOF;
	rec = fk.eb.evts[fk.next];
	memcpy(&hdr, rec, sizeof(hdr));
	*out = (struct scap_evt_ref){ .sz = sizeof(*out), .raw = rec, .len = hdr.len,
				      .ts_ns = hdr.ts, .tid = hdr.tid, .type = hdr.type,
				      .nparams = hdr.nparams };
	scap_engine_set_evt_source(h, fk.src[fk.next]);
	if (fk.upd[fk.next])
		scap_engine_set_state_update(h, fk.upd[fk.next]);
	fk.next++;
	return 0;
}

static const struct scap_engine_ops fake_ops = {
	.sz = sizeof(struct scap_engine_ops),
	.name = "chunks",
	.open = fake_open,
	.close = fake_close,
	.next = fake_next,
};

static void set_thread(struct scap_threadinfo *t, uint64_t tid, uint64_t pid, const char *comm)
{
	memset(t, 0, sizeof(*t));
	t->tid = tid;
	t->pid = pid;
	t->ptid = 1;
	t->vtid = t->vpid = (uint64_t)-1;
	strcpy(t->comm, comm);
	strcpy(t->exe, comm);
	strcpy(t->cwd, "/");
	t->fdlimit = 1024;
	t->loginuid = UINT32_MAX;
}

static void set_file(struct scap_fdinfo *f, int64_t fd, const char *name)
{
	memset(f, 0, sizeof(*f));
	f->fd = fd;
	f->type = SCAP_FD_FILE_V2;
	strcpy(f->name, name);
}

/* A read entry of @tid on @fd, on host @src, with @upd (NULL: none). */
static void add_read(const char *src, int64_t tid, int64_t fd, const struct scap_state *upd)
{
	ck_assert_uint_lt(fk.eb.n, MAXEV);
	fk.src[fk.eb.n] = src;
	fk.upd[fk.eb.n] = upd;
	eb_add_at(&fk.eb, TS0 + fk.eb.n * 1000, tid, SCAP_EVT_SYSCALL_READ_E, 2, P64(fd), P32(64));
}

/*
 * Hosts a and b, each with its own pid 1 at the start. Host b's later state has its
 * pid 1 under another name (known: left alone), process 7 (the events made it a
 * placeholder) with fd 3 and a second thread 8, process 9 (started while nothing was
 * published) with fd 4, and user 1234.
 */
static void setup(void)
{
	char err[SCAP_ERRBUF_SIZE];

	memset(&fk, 0, sizeof(fk));
	set_thread(&fk.ta[0], 1, 1, "init-a");
	set_thread(&fk.tb[0], 1, 1, "init-b");
	fk.srcs[0] = (struct scap_state){ .sz = sizeof(fk.srcs[0]), .threads = fk.ta,
					  .nthreads = 1, .source = "a" };
	fk.srcs[1] = (struct scap_state){ .sz = sizeof(fk.srcs[1]), .threads = fk.tb,
					  .nthreads = 1, .source = "b" };
	fk.init = (struct scap_state){ .sz = sizeof(fk.init), .threads = fk.ta, .nthreads = 1,
				       .sources = fk.srcs, .nsources = 2 };
	set_thread(&fk.tu[0], 1, 1, "changed-b");
	set_thread(&fk.tu[1], 7, 7, "worker");
	set_file(&fk.fu7[0], 3, "/var/log/worker.log");
	fk.tu[1].fds = fk.fu7;
	fk.tu[1].nfds = 1;
	set_thread(&fk.tu[2], 8, 7, "worker");
	set_thread(&fk.tu[3], 9, 9, "newproc");
	set_file(&fk.fu9[0], 4, "/tmp/new.dat");
	fk.tu[3].fds = fk.fu9;
	fk.tu[3].nfds = 1;
	fk.tu[3].uid = 1234;
	fk.uu[0] = (struct scap_userinfo){ .uid = 1234, .gid = 1234 };
	strcpy(fk.uu[0].name, "newuser");
	fk.update = (struct scap_state){ .sz = sizeof(fk.update), .threads = fk.tu,
					 .nthreads = 4, .users = fk.uu, .nusers = 1,
					 .source = "b" };

	add_read("a", 1, 0, NULL);          /* 0: a's init */
	add_read("b", 7, 3, NULL);          /* 1: b's 7, unknown: a placeholder */
	add_read("b", 1, 0, &fk.update);    /* 2: b's later state comes with it */
	add_read("b", 9, 4, NULL);          /* 3: b's new process */
	add_read("b", 8, 3, NULL);          /* 4: its second thread, on the process's fd */
	add_read("a", 9, 4, NULL);          /* 5: a's 9: unknown on a */
	add_read("b", 7, 3, NULL);          /* 6: b's 7 again */

	SCAP_OPTS(scap_open_opts, so, .engine_impl = &fake_ops, .no_proc_scan = true);
	struct sinsp_open_opts oo = { .sz = sizeof(oo), .scap = &so,
				      .runtime_lookups = SINSP_RUNTIME_LOOKUPS_OFF };
	ck_assert_int_eq(sinsp_open(&oo, &fk.s, err), 0);
}

static void teardown(void)
{
	sinsp_close(fk.s);
	for (uint32_t i = 0; i < fk.eb.n; i++)
		free(fk.eb.evts[i]);
	free(fk.eb.evts);
}

/* The next event: its host, thread and fd (comm "" / fd name "" when unknown). */
static struct sinsp_evt *next_evt(const char *host, int64_t tid, struct sinsp_thread_info *ti,
				  struct sinsp_fd_info *fi)
{
	struct sinsp_evt *evt;

	ck_assert_int_eq(sinsp_next(fk.s, &evt), 0);
	ck_assert_str_eq(evt->host, host);
	*ti = (struct sinsp_thread_info){ .sz = sizeof(*ti) };
	*fi = (struct sinsp_fd_info){ .sz = sizeof(*fi) };
	ck_assert_int_eq(sinsp_evt_thread(evt, ti), 0);
	ck_assert_int_eq(ti->tid, tid);
	if (sinsp_evt_fd(evt, fi))
		fi->name = "";
	return evt;
}

/* The later state adds what the replay lacked, on its own host only. */
START_TEST(update_adds_unknown_threads)
{
	struct sinsp_thread_info ti;
	struct sinsp_fd_info fi;

	next_evt("a", 1, &ti, &fi);
	ck_assert_str_eq(ti.comm, "init-a");
	next_evt("b", 7, &ti, &fi);
	ck_assert(ti.placeholder);
	ck_assert_str_eq(ti.comm, "<NA>");
	/* known: left as it was, although the later state names it otherwise */
	next_evt("b", 1, &ti, &fi);
	ck_assert_str_eq(ti.comm, "init-b");
	/* started between the two states: named, with its fd and user */
	next_evt("b", 9, &ti, &fi);
	ck_assert_str_eq(ti.comm, "newproc");
	ck_assert_str_eq(fi.name, "/tmp/new.dat");
	ck_assert_uint_eq(ti.uid, 1234);
	ck_assert_ptr_nonnull(sinsp_user_find(fk.s, NULL, 1234));
	ck_assert_str_eq(sinsp_user_find(fk.s, NULL, 1234)->name, "newuser");
	/* a thread of process 7, on the fd table of its main thread, counted once */
	next_evt("b", 8, &ti, &fi);
	ck_assert_str_eq(ti.comm, "worker");
	ck_assert_int_eq(ti.pid, 7);
	ck_assert_str_eq(fi.name, "/var/log/worker.log");
	ck_assert_uint_eq(ti.nthreads, 2);
	/* host a has no process 9: b's state is not a's */
	next_evt("a", 9, &ti, &fi);
	ck_assert(ti.placeholder);
	ck_assert_str_eq(ti.comm, "<NA>");
	ck_assert_str_eq(fi.name, "");
	/* the placeholder got its identity and the fd of the state */
	next_evt("b", 7, &ti, &fi);
	ck_assert(!ti.placeholder);
	ck_assert_str_eq(ti.comm, "worker");
	ck_assert_str_eq(fi.name, "/var/log/worker.log");
	ck_assert_uint_eq(ti.nthreads, 2);
}
END_TEST

/* scap_get_state_update(): only with the event it came with; errors. */
START_TEST(update_lives_one_event)
{
	scap_t *h = sinsp_scap(fk.s);
	struct scap_state st = { .sz = sizeof(st) };
	struct sinsp_evt *evt;

	ck_assert_int_eq(scap_get_state_update(h, &st), -ENOENT);
	for (int i = 0; i < 3; i++)
		ck_assert_int_eq(sinsp_next(fk.s, &evt), 0);
	ck_assert_int_eq(scap_get_state_update(h, &st), 0);
	ck_assert_uint_eq(st.nthreads, 4);
	ck_assert_ptr_eq(st.threads, fk.tu);
	ck_assert_str_eq(st.source, "b");
	ck_assert_uint_eq(st.nusers, 1);
	/* an older caller's shorter struct: the fields it knows */
	struct scap_state old = { .sz = offsetof(struct scap_state, nthreads) + sizeof(uint32_t) };
	ck_assert_int_eq(scap_get_state_update(h, &old), 0);
	ck_assert_uint_eq(old.nthreads, 4);
	ck_assert_ptr_null(old.users);
	old.sz = 1;
	ck_assert_int_eq(scap_get_state_update(h, &old), -EINVAL);
	ck_assert_int_eq(scap_get_state_update(h, NULL), -EINVAL);
	ck_assert_int_eq(scap_get_state_update(NULL, &st), -EINVAL);
	ck_assert_int_eq(sinsp_next(fk.s, &evt), 0);
	ck_assert_int_eq(scap_get_state_update(h, &st), -ENOENT);
}
END_TEST

static Suite *state_update_suite(void)
{
	Suite *s = suite_create("state_update");
	TCase *tc = tcase_create("merge");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, update_adds_unknown_threads);
	tcase_add_test(tc, update_lives_one_event);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(state_update_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

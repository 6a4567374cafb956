/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_threads.c - the thread table and the process parsers (threads.c, parse_proc.c,
 * parse_creds.c) fed with synthetic events through the test_input engine: thread
 * groups and exec, orphans and their reaper, pid namespaces, credentials, bounded
 * memory.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include <scry/scap.h>
#include <scry/sinsp.h>

#include "sinsp_int.h"
#include "parse/parse.h"
#include "fields/fields.h"
#include "evt_builder.h"

#define MAX_THREADS 16
#define SEC 1000000000ull

/* scap clone flags */
#define CL_CLONE_FILES (1u << 0)
#define CL_CLONE_NEWPID (1u << 6)
#define CL_CLONE_THREAD (1u << 13)
#define CL_CLONE_VM (1u << 15)
#define CL_CHILD_IN_PIDNS (1u << 29)

struct fixture {
	struct evt_builder eb;  /* events of explicit time and thread */
	struct scap_threadinfo threads[MAX_THREADS];
	uint32_t nthreads;
	sinsp_t *s;
};

static struct fixture fx;

/* add_evt(ts, tid, type, nparams, params...): an event of thread tid at time ts (ns). */
#define add_evt(...) eb_add_at(&fx.eb, __VA_ARGS__)

/* A clone exit (20-parameter version) seen by tid: res, the new thread's pid/ptid, flags, vtid/vpid. */
static void add_clone_x(uint64_t ts, int64_t tid, int64_t res, int64_t pid, int64_t ptid,
			uint32_t flags, int64_t vtid, int64_t vpid)
{
	add_evt(ts, tid, SCAP_EVT_SYSCALL_CLONE_20_X, 20, P64(res), PSTR("/bin/sh"), PBUF("", 0),
		P64(res ? tid : tid), P64(pid), P64(ptid), PSTR("/"), P64(1024), P64(0), P64(0),
		P32(0), P32(0), P32(0), PSTR("sh"), PBUF("", 0), P32(flags), P32(0), P32(0),
		P64(vtid), P64(vpid));
}

static void add_procexit(uint64_t ts, int64_t tid)
{
	add_evt(ts, tid, SCAP_EVT_PROCEXIT_E, 0);
}

/* A process-list thread. */
static struct scap_threadinfo *add_thread(int64_t tid, int64_t pid, int64_t ptid, const char *comm)
{
	struct scap_threadinfo *t;

	ck_assert_uint_lt(fx.nthreads, MAX_THREADS);
	t = &fx.threads[fx.nthreads++];
	t->tid = (uint64_t)tid;
	t->pid = (uint64_t)pid;
	t->ptid = (uint64_t)ptid;
	t->vtid = tid;
	t->vpid = pid;
	strcpy(t->comm, comm);
	strcpy(t->exe, comm);
	strcpy(t->cwd, "/root/");
	t->fdlimit = 1024;
	t->loginuid = UINT32_MAX;
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

static struct sinsp_thread *th(int64_t tid)
{
	return sinsp_thread_find(fx.s, tid);
}

/* Threads of process pid in the table. */
static uint32_t count_process(int64_t pid)
{
	uint32_t n = 0;
	size_t i;

	for (i = 0; i < fx.s->threads.cap; i++) {
		struct sinsp_thread *t = fx.s->threads.slots[i].val;

		if (t && t->pid == pid)
			n++;
	}
	return n;
}

/* Text of field name for evt ("<NA>" when it does not resolve); valid until the next call. */
static const char *fld(struct sinsp_evt *evt, const char *name)
{
	static struct strbuf out;
	struct field_ref r;
	bool ok;

	ck_assert_uint_eq(sinsp_field_parse(name, &r), strlen(name));
	strbuf_reset(&out);
	ok = sinsp_field_extract(evt, &r, SINSP_BUF_NORMAL, &out);
	sinsp_field_ref_free(&r);
	if (!ok)
		strbuf_adds(&out, "<NA>");
	return out.buf;
}

static struct sinsp_evt *next_evt(void)
{
	struct sinsp_evt *evt = NULL;

	ck_assert_int_eq(sinsp_next(fx.s, &evt), 0);
	return evt;
}

static void setup(void)
{
	memset(&fx, 0, sizeof(fx));
}

static void teardown(void)
{
	eb_free(&fx.eb);
}

/* ---- thread groups and exec ------------------------------------------------------------ */

/*
 * execve versions without an exepath parameter: the enter's filename walked from the
 * cwd, as sysdig 0.29.3 shows proc.exepath ("./cc.sh" run in /root/d/ is /root/d/cc.sh;
 * an absolute name walked too).
 */
#define EXECVE_18_X(ts, tid, comm) \
	add_evt((ts), (tid), SCAP_EVT_SYSCALL_EXECVE_18_X, 17, P64(0), PSTR("/bin/sh"), PBUF("", 0), \
		P64(tid), P64(tid), P64(1), PSTR(""), P64(1024), P64(0), P64(0), P32(0), P32(0), \
		P32(0), PSTR(comm), PBUF("", 0), PBUF("", 0), P32(0))

START_TEST(exepath_of_relative_filename_walked_from_cwd)
{
	struct scap_threadinfo *t;

	add_thread(1, 1, 0, "systemd");
	t = add_thread(100, 100, 1, "bash");
	strcpy(t->cwd, "/root/d/");
	add_evt(1 * SEC, 100, SCAP_EVT_SYSCALL_EXECVE_18_E, 1, PSTR("./cc.sh"));
	EXECVE_18_X(1 * SEC + 1, 100, "cc.sh");
	add_evt(2 * SEC, 100, SCAP_EVT_SYSCALL_EXECVE_18_E, 1, PSTR("/usr/lib/../bin/clang"));
	EXECVE_18_X(2 * SEC + 1, 100, "clang");
	open_inspector();
	next_evt();
	next_evt();
	ck_assert_str_eq(th(100)->exepath, "/root/d/cc.sh");
	next_evt();
	next_evt();
	ck_assert_str_eq(th(100)->exepath, "/usr/bin/clang");
}
END_TEST

START_TEST(exec_from_three_threads_leaves_one)
{
	add_thread(1, 1, 0, "systemd");
	add_thread(100, 100, 1, "java");
	add_thread(101, 100, 1, "java");
	add_thread(102, 100, 1, "java");
	/* execve exit (8-parameter version) of the main thread */
	add_evt(1 * SEC, 100, SCAP_EVT_SYSCALL_EXECVE_8_X, 8, P64(0), PSTR("/bin/true"),
		PBUF("", 0), P64(100), P64(100), P64(1), PSTR("/"), P64(1024));
	add_procexit(2 * SEC, 100);
	add_evt(3 * SEC, 1, SCAP_EVT_SYSCALL_CLOSE_E, 1, P64(3));
	open_inspector();
	ck_assert_uint_eq(count_process(100), 3);
	ck_assert_uint_eq(th(100)->nthreads, 2);

	struct sinsp_evt *evt;

	ck_assert_int_eq(sinsp_next(fx.s, &evt), 0);      /* execve */
	ck_assert_uint_eq(count_process(100), 1);
	ck_assert_ptr_null(th(101));
	ck_assert_ptr_null(th(102));
	ck_assert_uint_eq(th(100)->nthreads, 0);
	ck_assert_str_eq(th(100)->comm, "true");
	ck_assert_str_eq(th(100)->exe, "/bin/true");
	ck_assert_str_eq(th(100)->cwd, "/root/");       /* exec keeps the cwd */
	ck_assert_int_eq(sinsp_next(fx.s, &evt), 0);      /* procexit: still visible */
	ck_assert_ptr_nonnull(th(100));
	ck_assert_int_eq(sinsp_next(fx.s, &evt), 0);      /* next event: gone */
	ck_assert_uint_eq(count_process(100), 0);
	ck_assert_ptr_nonnull(th(1));
}
END_TEST

/*
 * execve walks the table for the process's other threads only when they may not all be
 * counted in its main thread: here 101's clone comes before any event of its main
 * thread 100, which then execs: 101 goes all the same.
 */
START_TEST(exec_drops_thread_seen_before_its_main)
{
	add_thread(1, 1, 0, "systemd");
	add_clone_x(1 * SEC, 101, 0, 100, 1, CL_CLONE_THREAD | CL_CLONE_VM, 101, 100);
	add_evt(2 * SEC, 100, SCAP_EVT_SYSCALL_CLOSE_E, 1, P64(3));
	add_evt(3 * SEC, 100, SCAP_EVT_SYSCALL_EXECVE_8_X, 8, P64(0), PSTR("/bin/true"),
		PBUF("", 0), P64(100), P64(100), P64(1), PSTR("/"), P64(1024));
	open_inspector();
	next_evt();
	next_evt();
	ck_assert_ptr_nonnull(th(101));
	ck_assert_uint_eq(th(100)->nthreads, 0);          /* 101 came first: not counted */
	next_evt();                                        /* execve */
	ck_assert_ptr_null(th(101));
	ck_assert_uint_eq(count_process(100), 1);
}
END_TEST

START_TEST(threads_share_cwd_and_fds)
{
	static struct scap_fdinfo fd = { .fd = 4, .type = SCAP_FD_FILE_V2, .name = "/var/log/x.log" };
	struct scap_threadinfo *t;

	add_thread(1, 1, 0, "systemd");
	t = add_thread(100, 100, 1, "nginx");
	t->fds = &fd;
	t->nfds = 1;
	/* 100 creates thread 101 (parent side), then 101 changes directory */
	add_clone_x(1 * SEC, 100, 101, 100, 1, CL_CLONE_THREAD | CL_CLONE_VM | CL_CLONE_FILES, 100, 100);
	add_evt(2 * SEC, 101, SCAP_EVT_SYSCALL_CHDIR_E, 0);
	add_evt(2 * SEC + 1, 101, SCAP_EVT_SYSCALL_CHDIR_X, 2, P64(0), PSTR("/var/www"));
	open_inspector();
	run_all();
	ck_assert_ptr_nonnull(th(101));
	ck_assert_int_eq(th(101)->pid, 100);
	ck_assert_int_eq(th(101)->ptid, 100);             /* a thread's parent is its creator */
	ck_assert_uint_eq(th(100)->nthreads, 1);
	ck_assert_str_eq(th(100)->cwd, "/var/www/");
	ck_assert_ptr_nonnull(th(100)->fds);
	ck_assert_ptr_eq(th(101)->fds, th(100)->fds);
	ck_assert_str_eq(sinsp_fd_find(th(101), 4)->name, "/var/log/x.log");
}
END_TEST

START_TEST(main_thread_exit_keeps_group_until_last)
{
	add_thread(1, 1, 0, "systemd");
	add_thread(100, 100, 1, "app");
	add_thread(101, 100, 1, "app");
	add_procexit(1 * SEC, 100);
	add_evt(2 * SEC, 101, SCAP_EVT_SYSCALL_CLOSE_E, 1, P64(3));
	add_procexit(3 * SEC, 101);
	add_evt(4 * SEC, 1, SCAP_EVT_SYSCALL_CLOSE_E, 1, P64(3));
	open_inspector();

	struct sinsp_evt *evt;

	ck_assert_int_eq(sinsp_next(fx.s, &evt), 0);
	ck_assert_int_eq(sinsp_next(fx.s, &evt), 0);
	/* the main thread stays (dead) while thread 101 lives: its cwd is still there */
	ck_assert_ptr_nonnull(th(100));
	ck_assert(th(100)->dead);
	ck_assert_str_eq(sinsp_thread_main(fx.s, th(101))->cwd, "/root/");
	run_all();
	ck_assert_uint_eq(count_process(100), 0);
}
END_TEST

/* ---- orphans ------------------------------------------------------------------------------ */

START_TEST(orphan_goes_to_init)
{
	struct sinsp_thread *t;
	size_t steps = 0;

	add_thread(1, 1, 0, "systemd");
	add_thread(200, 200, 1, "bash");
	add_thread(300, 300, 200, "sh");
	add_thread(400, 400, 300, "sleep");
	add_procexit(1 * SEC, 300);
	add_evt(2 * SEC, 400, SCAP_EVT_SYSCALL_CLOSE_E, 1, P64(3));
	open_inspector();
	run_all();
	ck_assert_ptr_null(th(300));
	ck_assert_int_eq(th(400)->ptid, 1);
	for (t = th(400); t && steps <= sinsp_thread_max_depth(fx.s); t = sinsp_thread_parent(fx.s, t))
		steps++;
	ck_assert_ptr_null(t);
	ck_assert_uint_eq(steps, 2);                      /* 400, then init */
}
END_TEST

/*
 * Only a thread named as a parent walks the table at its exit; one named before it was
 * known is found too: 400 listed before its parent 300 in the process list, and 500
 * whose clone (child side) names 600 before any event of 600. Both parents' exits hand
 * their child to init.
 */
START_TEST(orphan_of_parent_known_late_goes_to_init)
{
	add_thread(1, 1, 0, "systemd");
	add_thread(400, 400, 300, "sleep");
	add_thread(300, 300, 1, "sh");
	add_clone_x(1 * SEC, 500, 0, 500, 600, 0, 500, 500);
	add_evt(2 * SEC, 600, SCAP_EVT_SYSCALL_CLOSE_E, 1, P64(3));
	add_procexit(3 * SEC, 300);
	add_procexit(4 * SEC, 600);
	add_evt(5 * SEC, 1, SCAP_EVT_SYSCALL_CLOSE_E, 1, P64(3));
	open_inspector();
	ck_assert(th(300)->has_children);
	ck_assert(!th(400)->has_children);
	run_all();
	ck_assert_ptr_null(th(300));
	ck_assert_ptr_null(th(600));
	ck_assert_int_eq(th(400)->ptid, 1);
	ck_assert_int_eq(th(500)->ptid, 1);
	ck_assert(th(1)->has_children);
}
END_TEST

START_TEST(orphan_goes_to_subreaper)
{
	add_thread(1, 1, 0, "systemd");
	add_thread(200, 200, 1, "containerd-shim");
	add_thread(300, 300, 200, "sh");
	add_thread(400, 400, 300, "sleep");
	/* prctl(PR_SET_CHILD_SUBREAPER, 1) by 200 */
	add_evt(1 * SEC, 200, SCAP_EVT_SYSCALL_PRCTL_E, 0);
	add_evt(1 * SEC + 1, 200, SCAP_EVT_SYSCALL_PRCTL_X, 4, P64(0), P32(36), PSTR(""), P64(1));
	add_procexit(2 * SEC, 300);
	add_evt(3 * SEC, 400, SCAP_EVT_SYSCALL_CLOSE_E, 1, P64(3));
	open_inspector();
	run_all();
	ck_assert(th(200)->reaper);
	ck_assert_int_eq(th(400)->ptid, 200);
}
END_TEST

START_TEST(parent_cycle_walk_terminates)
{
	struct sinsp_thread *t;
	size_t steps = 0, max;

	/* bogus input: 500 and 600 are each other's parent */
	add_thread(500, 500, 600, "a");
	add_thread(600, 600, 500, "b");
	add_thread(700, 700, 500, "c");
	add_procexit(1 * SEC, 600);
	add_evt(2 * SEC, 700, SCAP_EVT_SYSCALL_CLOSE_E, 1, P64(3));
	open_inspector();
	max = sinsp_thread_max_depth(fx.s);
	for (t = th(700); t && steps < max; t = sinsp_thread_parent(fx.s, t))
		steps++;
	ck_assert_uint_eq(steps, max);                    /* the bound stops the loop */
	run_all();                                        /* 600's exit reparents without looping */
	ck_assert_ptr_null(th(600));
	ck_assert_int_eq(th(500)->ptid, 1);
}
END_TEST

/* ---- pid namespaces --------------------------------------------------------------------- */

START_TEST(child_in_new_pid_namespace_is_one)
{
	add_thread(1, 1, 0, "systemd");
	add_thread(100, 100, 1, "runc");
	/* parent side: clone(CLONE_NEWPID) returns host tid 900 */
	add_clone_x(1 * SEC, 100, 900, 100, 1, CL_CLONE_NEWPID | CL_CHILD_IN_PIDNS, 100, 100);
	/* a second process in that namespace, created by 900: parent side knows nothing */
	add_clone_x(2 * SEC, 900, 901, 900, 900, CL_CHILD_IN_PIDNS, 1, 1);
	/* its own side tells its namespace ids */
	add_clone_x(2 * SEC + 1, 901, 0, 901, 900, CL_CHILD_IN_PIDNS, 2, 2);
	open_inspector();
	run_all();
	ck_assert_int_eq(th(900)->vpid, 1);
	ck_assert_int_eq(th(900)->vtid, 1);
	ck_assert_int_eq(th(900)->pid, 900);
	ck_assert_int_eq(th(900)->ptid, 100);
	ck_assert(th(900)->reaper);
	ck_assert_int_eq(th(901)->vpid, 2);
	ck_assert_int_eq(th(901)->vtid, 2);
	ck_assert_int_eq(th(901)->ptid, 900);
}
END_TEST

/*
 * A caller inside a pid namespace gets the child's id in that namespace: no thread of
 * that number is made from it (it would be another process's host tid), the child's
 * own event makes it. Seen live: a pod's sh, host tid 3621, pid 7 in its namespace,
 * cloned its pid 5468 there; host tid 5468 went later to a docker container's sh.
 */
START_TEST(caller_in_pid_namespace_makes_no_thread_of_the_child_pid)
{
	add_thread(1, 1, 0, "systemd");
	add_thread(3621, 3621, 1, "sh")->vtid = 7;
	add_thread(4701, 4701, 1, "sh")->vtid = 1;
	add_clone_x(1 * SEC, 3621, 5468, 3621, 1, CL_CHILD_IN_PIDNS, 7, 7);
	add_clone_x(2 * SEC, 5468, 0, 5468, 4701, CL_CHILD_IN_PIDNS, 44, 44);
	open_inspector();
	next_evt();
	ck_assert_ptr_null(th(5468));
	next_evt();
	ck_assert_int_eq(th(5468)->ptid, 4701);
	ck_assert_int_eq(th(5468)->vtid, 44);
}
END_TEST

START_TEST(child_side_first_in_pid_namespace)
{
	add_thread(1, 1, 0, "systemd");
	add_thread(100, 100, 1, "runc");
	add_clone_x(1 * SEC, 900, 0, 900, 100, CL_CLONE_NEWPID | CL_CHILD_IN_PIDNS, 1, 1);
	add_clone_x(1 * SEC + 5, 100, 900, 100, 1, CL_CLONE_NEWPID | CL_CHILD_IN_PIDNS, 100, 100);
	open_inspector();
	run_all();
	ck_assert_int_eq(th(900)->vpid, 1);
	ck_assert_int_eq(th(900)->vtid, 1);
	ck_assert_str_eq(th(900)->comm, "sh");
}
END_TEST

START_TEST(orphan_in_namespace_goes_to_its_init)
{
	struct scap_threadinfo *t;

	add_thread(1, 1, 0, "systemd");
	t = add_thread(900, 900, 1, "tini");
	t->vtid = t->vpid = 1;
	t = add_thread(901, 901, 900, "sh");
	t->vtid = t->vpid = 2;
	t = add_thread(902, 902, 901, "sleep");
	t->vtid = t->vpid = 3;
	add_procexit(1 * SEC, 901);
	add_evt(2 * SEC, 902, SCAP_EVT_SYSCALL_CLOSE_E, 1, P64(3));
	open_inspector();
	run_all();
	ck_assert_int_eq(th(902)->ptid, 900);
}
END_TEST

START_TEST(thread_parent_is_its_creator)
{
	struct sinsp_evt *evt;

	add_thread(1, 1, 0, "systemd");
	add_thread(50, 50, 1, "bash");
	add_thread(100, 100, 50, "curl");
	/* curl (100) creates thread 101 (named "sh" by the event), which creates 102 */
	add_clone_x(1 * SEC, 100, 101, 100, 50, CL_CLONE_THREAD | CL_CLONE_VM | CL_CLONE_FILES, 100, 100);
	add_clone_x(1 * SEC + 1, 101, 0, 100, 50, CL_CLONE_THREAD | CL_CLONE_VM | CL_CLONE_FILES, 101, 100);
	add_clone_x(2 * SEC, 101, 102, 100, 50, CL_CLONE_THREAD | CL_CLONE_VM | CL_CLONE_FILES, 101, 100);
	add_evt(3 * SEC, 101, SCAP_EVT_SYSCALL_CLOSE_E, 1, P64(3));
	add_evt(3 * SEC + 1, 102, SCAP_EVT_SYSCALL_CLOSE_E, 1, P64(3));
	add_procexit(4 * SEC, 101);
	add_evt(5 * SEC, 102, SCAP_EVT_SYSCALL_CLOSE_E, 1, P64(3));
	open_inspector();
	next_evt();
	ck_assert_int_eq(th(101)->ptid, 100);
	next_evt();                                       /* child side: nothing changes */
	ck_assert_int_eq(th(101)->ptid, 100);
	next_evt();
	ck_assert_int_eq(th(102)->ptid, 101);
	evt = next_evt();
	ck_assert_str_eq(fld(evt, "proc.pname"), "curl");
	ck_assert_str_eq(fld(evt, "proc.pcmdline"), "curl");
	ck_assert_str_eq(fld(evt, "proc.ppid"), "50");     /* the main thread's parent */
	ck_assert_str_eq(fld(evt, "proc.aname[1]"), "bash");
	evt = next_evt();
	ck_assert_str_eq(fld(evt, "proc.pname"), "sh");
	ck_assert_str_eq(fld(evt, "proc.ppid"), "50");
	next_evt();                                       /* 101 exits */
	evt = next_evt();
	ck_assert_int_eq(th(102)->ptid, 100);             /* its children go to the main thread */
	ck_assert_str_eq(fld(evt, "proc.pname"), "curl");
	ck_assert_str_eq(fld(evt, "proc.ppid"), "50");
}
END_TEST

START_TEST(unknown_session_group_and_fdlimit_print_minus_one)
{
	struct scap_threadinfo *t;
	struct sinsp_evt *evt;

	add_thread(1, 1, 0, "systemd");
	t = add_thread(100, 100, 1, "bash");
	t->sid = 100;
	t->vpgid = 100;
	/* a tid the capture never described, then one that an execve describes */
	add_evt(1 * SEC, 300, SCAP_EVT_SYSCALL_CLOSE_E, 1, P64(3));
	add_evt(2 * SEC, 400, SCAP_EVT_SYSCALL_EXECVE_8_X, 8, P64(0), PSTR("/bin/cat"),
		PBUF("", 0), P64(400), P64(400), P64(100), PSTR("/"), P64(2048));
	/* a child of bash keeps its session and group */
	add_clone_x(3 * SEC, 100, 500, 500, 100, 0, 100, 100);
	add_evt(4 * SEC, 500, SCAP_EVT_SYSCALL_CLOSE_E, 1, P64(3));
	open_inspector();
	evt = next_evt();
	ck_assert(th(300)->placeholder);
	ck_assert_str_eq(fld(evt, "proc.sid"), "-1");
	ck_assert_str_eq(fld(evt, "proc.vpgid"), "-1");
	ck_assert_str_eq(fld(evt, "proc.fdlimit"), "-1");
	evt = next_evt();
	ck_assert_str_eq(fld(evt, "proc.sid"), "-1");
	ck_assert_str_eq(fld(evt, "proc.vpgid"), "-1");
	ck_assert_str_eq(fld(evt, "proc.fdlimit"), "2048");
	next_evt();
	evt = next_evt();
	ck_assert_str_eq(fld(evt, "proc.sid"), "100");
	ck_assert_str_eq(fld(evt, "proc.vpgid"), "100");
	ck_assert_str_eq(fld(evt, "proc.fdlimit"), "1024"); /* the clone event's */
}
END_TEST

/* ---- memory and page fault counters ---------------------------------------------------- */

START_TEST(switch_and_memory_exits_update_counters)
{
	struct scap_threadinfo *t;
	struct sinsp_evt *evt;

	add_thread(1, 1, 0, "systemd");
	t = add_thread(100, 100, 1, "java");
	t->vmsize_kb = 1000;
	t->vmrss_kb = 500;
	t->pfminor = 10;
	add_thread(101, 100, 1, "java");
	/* thread 101 is switched out: its faults, its process's memory */
	add_evt(1 * SEC, 101, SCAP_EVT_SCHEDSWITCH_6_E, 6, P64(100), P64(3), P64(40), P32(2000),
		P32(600), P32(7));
	/* an old switch event carries nothing else */
	add_evt(2 * SEC, 100, SCAP_EVT_SCHEDSWITCH_1_E, 1, P64(101));
	add_evt(3 * SEC, 100, SCAP_EVT_SYSCALL_BRK_4_E, 1, P64(0));
	add_evt(3 * SEC + 1, 100, SCAP_EVT_SYSCALL_BRK_4_X, 4, P64(0x926000), P32(2100), P32(610), P32(8));
	add_evt(4 * SEC, 100, SCAP_EVT_SYSCALL_MUNMAP_X, 2, P64(0), P32(2050));   /* no rss/swap */
	add_evt(5 * SEC, 101, SCAP_EVT_SYSCALL_MMAP_X, 4, P64(0x7f0000), P32(2300), P32(620), P32(9));
	add_evt(6 * SEC, 100, SCAP_EVT_SYSCALL_MMAP2_X, 4, P64(0x7f1000), P32(2400), P32(630), P32(0));
	open_inspector();
	evt = next_evt();
	ck_assert_uint_eq(th(101)->pfmajor, 3);
	ck_assert_uint_eq(th(101)->pfminor, 40);
	ck_assert_uint_eq(th(100)->pfminor, 10);
	ck_assert_uint_eq(th(100)->vmsize_kb, 2000);
	ck_assert_uint_eq(th(100)->vmrss_kb, 600);
	ck_assert_uint_eq(th(100)->vmswap_kb, 7);
	ck_assert_uint_eq(th(101)->vmsize_kb, 0);
	ck_assert_str_eq(fld(evt, "thread.pfminor"), "40");
	ck_assert_str_eq(fld(evt, "thread.pfmajor"), "3");
	evt = next_evt();
	ck_assert_uint_eq(th(100)->vmsize_kb, 2000);
	ck_assert_uint_eq(th(100)->pfminor, 10);
	ck_assert_str_eq(fld(evt, "thread.vmsize"), "2000");
	next_evt();
	evt = next_evt();
	ck_assert_str_eq(fld(evt, "proc.vmsize"), "2100");
	ck_assert_str_eq(fld(evt, "proc.vmrss"), "610");
	ck_assert_str_eq(fld(evt, "proc.vmswap"), "8");
	evt = next_evt();
	ck_assert_str_eq(fld(evt, "proc.vmsize"), "2050");
	ck_assert_str_eq(fld(evt, "proc.vmrss"), "610");
	evt = next_evt();                                 /* the calling thread's own counters */
	ck_assert_uint_eq(th(101)->vmsize_kb, 2300);
	ck_assert_uint_eq(th(101)->vmrss_kb, 620);
	ck_assert_uint_eq(th(101)->vmswap_kb, 9);
	ck_assert_uint_eq(th(100)->vmsize_kb, 2050);
	ck_assert_str_eq(fld(evt, "thread.vmsize"), "0"); /* not the main thread */
	evt = next_evt();
	ck_assert_str_eq(fld(evt, "thread.vmrss"), "630");
	ck_assert_str_eq(fld(evt, "proc.vmswap"), "0");
}
END_TEST

/* ---- cgroups ------------------------------------------------------------------------- */

START_TEST(cgroup_names_as_sysdig_keeps_them)
{
	static const char in[] = "cpuset=/\0cpu_cgroup=/user.slice\0io=/user.slice\0perf=/\0"
				 "mem=/m\0name=systemd=/init.scope\0blkio_cgroup=/b";
	static const char want[] = "cpuset=/\0cpu=/user.slice\0blkio=/user.slice\0perf_event=/\0"
				   "memory=/m\0name=systemd=/init.scope\0blkio=/b";
	char *cg = NULL;
	uint32_t len = 0;
	struct scap_threadinfo *t;
	struct sinsp_evt *evt;

	sinsp_thread_set_cgroups(&cg, &len, in, sizeof(in));
	ck_assert_uint_eq(len, sizeof(want));
	ck_assert_mem_eq(cg, want, sizeof(want));
	/* the last entry needs no terminator */
	sinsp_thread_set_cgroups(&cg, &len, "io=/x", 5);
	ck_assert_uint_eq(len, 9);
	ck_assert_mem_eq(cg, "blkio=/x", 9);
	/* an entry without '=' leaves the cgroups as they were */
	sinsp_thread_set_cgroups(&cg, &len, "cpu=/a\0broken\0", 14);
	ck_assert_uint_eq(len, 9);
	ck_assert_mem_eq(cg, "blkio=/x", 9);
	sinsp_thread_set_cgroups(&cg, &len, "", 0);
	ck_assert_uint_eq(len, 0);
	free(cg);

	/* from the process list and from a clone event */
	add_thread(1, 1, 0, "systemd");
	t = add_thread(100, 100, 1, "bash");
	memcpy(t->cgroups, "io=/user.slice", 15);
	t->cgroups_len = 15;
	add_evt(1 * SEC, 100, SCAP_EVT_SYSCALL_CLOSE_E, 1, P64(3));
	add_evt(2 * SEC, 100, SCAP_EVT_SYSCALL_CLONE_20_X, 20, P64(200), PSTR("/bin/sh"), PBUF("", 0),
		P64(100), P64(100), P64(1), PSTR("/"), P64(1024), P64(0), P64(0), P32(0), P32(0),
		P32(0), PSTR("sh"), PBUF("mem_cgroup=/a\0perf=/b", 22), P32(0), P32(0), P32(0),
		P64(100), P64(100));
	add_evt(3 * SEC, 200, SCAP_EVT_SYSCALL_CLOSE_E, 1, P64(3));
	open_inspector();
	evt = next_evt();
	ck_assert_str_eq(fld(evt, "thread.cgroups"), "blkio=/user.slice");
	ck_assert_str_eq(fld(evt, "thread.cgroup.blkio"), "/user.slice");
	next_evt();
	evt = next_evt();
	ck_assert_str_eq(fld(evt, "thread.cgroups"), "memory=/a perf_event=/b");
	ck_assert_str_eq(fld(evt, "thread.cgroup.memory"), "/a");
}
END_TEST

/* A clone exit by tid 100 (pid 100) of child res with the cgroups parameter cg (n bytes). */
static void add_clone_cg(uint64_t ts, int64_t res, const char *cg, uint32_t n)
{
	add_evt(ts, 100, SCAP_EVT_SYSCALL_CLONE_20_X, 20, P64(res), PSTR("/bin/sh"), PBUF("", 0),
		P64(100), P64(100), P64(1), PSTR("/"), P64(1024), P64(0), P64(0), P32(0), P32(0),
		P32(0), PSTR("sh"), PBUF(cg, n), P32(0), P32(0), P32(0), P64(100), P64(100));
}

#define DOCKER_CG "cpu=/docker/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

/*
 * The inspector remembers its last cgroups conversion and the last cgroups that named
 * no container (sinsp_thread_set_cgroups_memo(), sinsp_thread_update_container()): each
 * thread still gets the conversion and the container of its own text, a malformed
 * parameter leaves the child what it inherited, and a container is never taken for the
 * host.
 */
START_TEST(cgroups_remembered_per_text)
{
	static const char a[] = "mem_cgroup=/a\0perf=/b", want_a[] = "memory=/a\0perf_event=/b";
	struct scap_threadinfo *t;

	add_thread(1, 1, 0, "systemd");
	t = add_thread(100, 100, 1, "bash");
	memcpy(t->cgroups, "io=/user.slice", 15);
	t->cgroups_len = 15;
	add_clone_cg(1 * SEC, 200, a, sizeof(a));
	add_clone_cg(2 * SEC, 201, a, sizeof(a));               /* the same text again */
	add_clone_cg(3 * SEC, 202, "cpu=/c", 6);
	add_clone_cg(4 * SEC, 203, "cpu=/a\0broken\0", 14);     /* malformed: inherited */
	add_clone_cg(5 * SEC, 204, DOCKER_CG, sizeof(DOCKER_CG));
	add_clone_cg(6 * SEC, 205, "cpu=/c", 6);                /* the host again */
	add_clone_cg(7 * SEC, 206, DOCKER_CG, sizeof(DOCKER_CG)); /* the container again */
	open_inspector();
	run_all();
	ck_assert_uint_eq(th(200)->cgroups_len, sizeof(want_a));
	ck_assert_mem_eq(th(200)->cgroups, want_a, sizeof(want_a));
	ck_assert_uint_eq(th(201)->cgroups_len, sizeof(want_a));
	ck_assert_mem_eq(th(201)->cgroups, want_a, sizeof(want_a));
	ck_assert_ptr_ne(th(200)->cgroups, th(201)->cgroups);   /* each thread its own copy */
	ck_assert_str_eq(th(201)->container_id, "host");
	ck_assert_uint_eq(th(202)->cgroups_len, 7);
	ck_assert_mem_eq(th(202)->cgroups, "cpu=/c", 7);
	ck_assert_uint_eq(th(203)->cgroups_len, 18);
	ck_assert_mem_eq(th(203)->cgroups, "blkio=/user.slice", 18);
	ck_assert_str_eq(th(204)->container_id, "0123456789ab");
	ck_assert_str_eq(th(205)->container_id, "host");
	ck_assert_str_eq(th(206)->container_id, "0123456789ab");
	ck_assert_ptr_eq(th(206)->container, th(204)->container);
}
END_TEST

/* ---- credentials, sessions, names ------------------------------------------------------ */

START_TEST(setuid_setsid_prctl_capset)
{
	add_thread(1, 1, 0, "systemd");
	add_thread(100, 100, 1, "sshd");
	add_evt(1 * SEC, 100, SCAP_EVT_SYSCALL_SETUID_E, 1, P32(1000));
	add_evt(1 * SEC + 1, 100, SCAP_EVT_SYSCALL_SETUID_X, 1, P64(0));
	add_evt(2 * SEC, 100, SCAP_EVT_SYSCALL_SETRESGID_E, 3, P32(-1), P32(1001), P32(-1));
	add_evt(2 * SEC + 1, 100, SCAP_EVT_SYSCALL_SETRESGID_X, 1, P64(0));
	add_evt(3 * SEC, 100, SCAP_EVT_SYSCALL_SETSID_E, 0);
	add_evt(3 * SEC + 1, 100, SCAP_EVT_SYSCALL_SETSID_X, 1, P64(100));
	add_evt(4 * SEC, 100, SCAP_EVT_SYSCALL_PRCTL_E, 0);
	add_evt(4 * SEC + 1, 100, SCAP_EVT_SYSCALL_PRCTL_X, 4, P64(0), P32(15), PSTR("worker"), P64(0));
	add_evt(5 * SEC, 100, SCAP_EVT_SYSCALL_CAPSET_E, 0);
	add_evt(5 * SEC + 1, 100, SCAP_EVT_SYSCALL_CAPSET_X, 4, P64(0), P64(0x1), P64(0x3000), P64(0x2000));
	/* a failed setuid changes nothing */
	add_evt(6 * SEC, 100, SCAP_EVT_SYSCALL_SETUID_E, 1, P32(0));
	add_evt(6 * SEC + 1, 100, SCAP_EVT_SYSCALL_SETUID_X, 1, P64(-1));
	open_inspector();
	run_all();
	ck_assert_uint_eq(th(100)->uid, 1000);
	ck_assert_uint_eq(th(100)->gid, 1001);
	ck_assert_int_eq(th(100)->sid, 100);
	ck_assert_int_eq(th(100)->vpgid, 100);
	ck_assert_str_eq(th(100)->comm, "worker");
	ck_assert_uint_eq(th(100)->cap_inheritable, 0x1);
	ck_assert_uint_eq(th(100)->cap_permitted, 0x3000);
	ck_assert_uint_eq(th(100)->cap_effective, 0x2000);
}
END_TEST

START_TEST(state_fields_loaded)
{
	struct scap_threadinfo *t;

	t = add_thread(100, 100, 1, "bash");
	t->pgid = 90;
	t->vpgid = 90;
	t->tty = 34817;
	t->loginuid = 1000;
	t->cap_permitted = 0x1ff;
	t->cap_effective = 0x0ff;
	t->exe_ino = 1234;
	t->exe_writable = 1;
	strcpy(t->root, "/srv/chroot");
	open_inspector();
	ck_assert_int_eq(th(100)->pgid, 90);
	ck_assert_uint_eq(th(100)->tty, 34817);
	ck_assert_uint_eq(th(100)->loginuid, 1000);
	ck_assert_uint_eq(th(100)->cap_permitted, 0x1ff);
	ck_assert_uint_eq(th(100)->cap_effective, 0x0ff);
	ck_assert_uint_eq(th(100)->exe_ino, 1234);
	ck_assert(th(100)->exe_writable);
	ck_assert_str_eq(th(100)->root, "/srv/chroot");
	ck_assert_str_eq(th(100)->container_id, "host");
	ck_assert_ptr_null(th(100)->container);
}
END_TEST

/* An exec without the new image's inode facts leaves them unknown, not the old image's. */
START_TEST(exec_forgets_exe_inode)
{
	struct scap_threadinfo *t;
	struct sinsp_evt *evt;

	add_thread(1, 1, 0, "systemd");
	t = add_thread(100, 100, 1, "bash");
	t->exe_ino = 1234;
	t->exe_ino_ctime = 5 * SEC;
	add_evt(1 * SEC, 100, SCAP_EVT_SYSCALL_EXECVE_8_X, 8, P64(0), PSTR("/bin/true"),
		PBUF("", 0), P64(100), P64(100), P64(1), PSTR("/"), P64(1024));
	open_inspector();
	ck_assert_uint_eq(th(100)->exe_ino, 1234);
	ck_assert_int_eq(sinsp_next(fx.s, &evt), 0);      /* execve */
	ck_assert_uint_eq(th(100)->exe_ino, 0);
	ck_assert_uint_eq(th(100)->exe_ino_ctime, 0);
}
END_TEST

/* ---- bounded memory -------------------------------------------------------------------- */

START_TEST(many_short_lived_processes_leave_nothing)
{
	int64_t i;
	uint64_t ts = SEC;

	add_thread(1, 1, 0, "systemd");
	add_thread(100, 100, 1, "bash");
	for (i = 0; i < 300; i++) {
		int64_t child = 1000 + i;

		add_clone_x(ts++, 100, child, 100, 1, 0, 100, 100);
		add_clone_x(ts++, child, 0, child, 100, 0, child, child);
		add_evt(ts++, child, SCAP_EVT_SYSCALL_CLOSE_E, 1, P64(3));
		add_procexit(ts++, child);
	}
	add_evt(ts++, 100, SCAP_EVT_SYSCALL_CLOSE_E, 1, P64(3));
	open_inspector();
	run_all();
	ck_assert_uint_eq(fx.s->threads.count, 2);
}
END_TEST

/*
 * An execve exit (20-parameter version) of tid naming its parent ptid, as the first
 * event of a process whose fork the capture did not see (the curl_google trace).
 */
static void add_execve_x(uint64_t ts, int64_t tid, int64_t ptid, const char *comm)
{
	add_evt(ts, tid, SCAP_EVT_SYSCALL_EXECVE_19_X, 20, P64(0), PSTR(comm), PBUF("", 0),
		P64(tid), P64(tid), P64(ptid), PSTR("/root"), P64(1024), P64(0), P64(0), P32(0),
		P32(0), P32(0), PSTR(comm), PBUF("", 0), PBUF("", 0), P32(0), P64(tid), P32(0),
		P32(0));
}

/*
 * `docker exec`: runc (200, child of the shim 100) clones the process that becomes the
 * shell (300, CLONE_PARENT: its parent is runc) and exits; the kernel hands 300 to the
 * shim, a child subreaper, only after runc's procexit event, so 300's execve exit may
 * still name runc. Live, the shell's proc.pname printed <NA>. 300 keeps the parent
 * runc's exit gave it (init, no reaper known yet); its next exec names the shim, which
 * is then known as a subreaper: the next orphan (310 of runc 210) goes to it at once,
 * and its stale execve keeps it.
 */
START_TEST(exec_naming_exited_parent_keeps_reaper)
{
	struct sinsp_evt *evt;

	add_thread(1, 1, 0, "systemd");
	add_thread(100, 100, 1, "containerd-shim");
	add_thread(200, 200, 100, "runc");
	add_thread(210, 210, 100, "runc");
	add_clone_x(1 * SEC, 300, 0, 300, 200, 0, 300, 300);
	add_procexit(2 * SEC, 200);
	add_execve_x(3 * SEC, 300, 200, "sh");
	add_execve_x(4 * SEC, 300, 100, "cat");
	add_clone_x(5 * SEC, 310, 0, 310, 210, 0, 310, 310);
	add_procexit(6 * SEC, 210);
	add_execve_x(7 * SEC, 310, 210, "sh");
	open_inspector();
	evt = next_evt();                                  /* clone, child side */
	ck_assert_str_eq(fld(evt, "proc.pname"), "runc");
	next_evt();                                        /* runc exits */
	evt = next_evt();                                  /* execve naming runc */
	ck_assert_int_eq(th(300)->ptid, 1);
	ck_assert_str_eq(fld(evt, "proc.pname"), "systemd");
	evt = next_evt();                                  /* execve naming the shim */
	ck_assert_str_eq(fld(evt, "proc.pname"), "containerd-shim");
	ck_assert(th(100)->reaper);
	next_evt();
	next_evt();                                        /* the second runc exits */
	evt = next_evt();                                  /* execve naming that runc */
	ck_assert_int_eq(th(310)->ptid, 100);
	ck_assert_str_eq(fld(evt, "proc.pname"), "containerd-shim");
	ck_assert_str_eq(fld(evt, "proc.name"), "sh");
}
END_TEST

/*
 * Schema 1.2's execve exit (26 parameters) sets the capability sets and the new
 * executable's inode facts of the thread (proc.exe_ino*, thread.cap_*).
 */
START_TEST(exec_sets_caps_and_exe_inode)
{
	struct sinsp_evt *evt;

	add_thread(1, 1, 0, "systemd");
	add_thread(100, 100, 1, "bash");
	add_evt(10 * SEC, 100, SCAP_EVT_SYSCALL_EXECVE_19_X, 26, P64(0), PSTR("true"), PBUF("", 0),
		P64(100), P64(100), P64(1), PSTR("/root"), P64(1024), P64(0), P64(0), P32(0),
		P32(0), P32(0), PSTR("true"), PBUF("", 0), PBUF("", 0), P32(0), P64(100), P32(0),
		P32(0), P64(0), P64(0x3), P64(0x1), P64(248139), P64(7 * SEC), P64(6 * SEC));
	open_inspector();
	evt = next_evt();
	ck_assert_uint_eq(th(100)->exe_ino, 248139);
	ck_assert_uint_eq(th(100)->exe_ino_ctime, 7 * SEC);
	ck_assert_uint_eq(th(100)->exe_ino_mtime, 6 * SEC);
	ck_assert_str_eq(fld(evt, "proc.exe_ino"), "248139");
	ck_assert_str_eq(fld(evt, "thread.cap_permitted"), "CAP_CHOWN CAP_DAC_OVERRIDE");
	ck_assert_str_eq(fld(evt, "thread.cap_effective"), "CAP_CHOWN");
	ck_assert_str_eq(fld(evt, "thread.cap_inheritable"), "");
}
END_TEST

/*
 * The idle parent shell (no event of its own for two hours) of a short-lived child
 * started every 8 s (half of them seen by their execve, half by the child side of
 * their clone) is referenced by each child: it is never aged out, and every child's
 * proc.pname is "bash" (sysdig 0.29.3 keeps it over 1,000 copies of the curl_google
 * trace). An idle thread nothing refers to still leaves after the timeout.
 */
START_TEST(referenced_idle_parent_stays)
{
	const uint64_t period = 8 * SEC, copies = 900;   /* 2 hours of event time */
	uint64_t k, ts;
	struct sinsp_evt *evt;

	add_thread(1, 1, 0, "systemd");
	add_thread(100, 100, 1, "bash");
	add_thread(200, 200, 1, "idle");
	for (k = 0; k < copies; k++) {
		ts = SEC + k * period;
		if (k % 2)
			add_clone_x(ts, 4000, 0, 4000, 100, 0, 4000, 4000);
		else
			add_execve_x(ts, 4000, 100, "curl");
		add_procexit(ts + SEC, 4000);
		/* another process's event between copies: scans run while no child exists */
		add_evt(ts + 4 * SEC, 1, SCAP_EVT_SYSCALL_CLOSE_E, 1, P64(3));
	}
	open_inspector();
	for (k = 0; k < copies; k++) {
		evt = next_evt();
		ck_assert_str_eq(fld(evt, "thread.tid"), "4000");
		ck_assert_msg(strcmp(fld(evt, "proc.pname"), "bash") == 0,
			      "copy %u: proc.pname %s", (unsigned)k, fld(evt, "proc.pname"));
		ck_assert_str_eq(fld(evt, "proc.ppid"), "100");
		next_evt();                                     /* the procexit */
		next_evt();                                     /* init's close */
	}
	ck_assert_ptr_nonnull(th(100));
	ck_assert_ptr_null(th(200));                       /* idle and unreferenced: aged out */
}
END_TEST

/*
 * Bounded memory: 20,000 short-lived children of a shell over an hour of event time,
 * one in ten never seen to exit (a lost procexit). The exited ones leave at once, the
 * others after SINSP_THREAD_TIMEOUT_NS (+ up to one scan interval) without events:
 * about 31 minutes' worth of them (1,033; 1,066 for 32 minutes) are in the table at
 * any time where all 2,000 would stay without aging.
 */
START_TEST(lost_exits_age_out_bounded)
{
	const uint64_t n = 20000, step = 180000000ull;    /* a child every 180 ms: 3,600 s */
	uint64_t i, ts = SEC, peak = 0;
	struct sinsp_evt *evt;

	add_thread(1, 1, 0, "systemd");
	add_thread(100, 100, 1, "bash");
	for (i = 0; i < n; i++) {
		int64_t child = 1000 + (int64_t)i;

		ts = SEC + i * step;
		add_clone_x(ts, 100, child, 100, 1, 0, 100, 100);
		add_clone_x(ts + 1, child, 0, child, 100, 0, child, child);
		add_evt(ts + 2, child, SCAP_EVT_SYSCALL_CLOSE_E, 1, P64(3));
		if (i % 10)
			add_procexit(ts + 3, child);
	}
	add_evt(ts + 61 * SEC, 100, SCAP_EVT_SYSCALL_CLOSE_E, 1, P64(3));
	open_inspector();
	while (sinsp_next(fx.s, &evt) == 0)
		if (fx.s->threads.count > peak)
			peak = fx.s->threads.count;
	/* 2 + at most 32 minutes of lost children (one every 1.8 s), at least 29 minutes' worth */
	ck_assert_uint_le(peak, 2 + 32 * 60 * 10 / 18);
	ck_assert_uint_ge(peak, 2 + 29 * 60 * 10 / 18);
	ck_assert_uint_le(fx.s->threads.count, 2 + 32 * 60 * 10 / 18);
	ck_assert_ptr_nonnull(th(100));
	ck_assert_ptr_null(th(1000));                      /* lost an hour ago: gone */
	ck_assert_ptr_nonnull(th(1000 + (int64_t)n - 10)); /* lost a minute ago: still there */
	ck_assert_ptr_null(th(1000 + (int64_t)n - 1));     /* exited */
}
END_TEST

START_TEST(placeholders_age_out)
{
	int64_t i;

	add_thread(1, 1, 0, "systemd");
	for (i = 0; i < 50; i++)
		add_evt(SEC + (uint64_t)i, 5000 + i, SCAP_EVT_SYSCALL_CLOSE_E, 1, P64(3));
	/* 10 minutes later: an event of init, then one more to let the scan run */
	add_evt(SEC + 600 * SEC, 1, SCAP_EVT_SYSCALL_CLOSE_E, 1, P64(3));
	add_evt(SEC + 600 * SEC + 1, 1, SCAP_EVT_SYSCALL_CLOSE_X, 1, P64(0));
	open_inspector();

	struct sinsp_evt *evt;

	for (i = 0; i < 50; i++)
		ck_assert_int_eq(sinsp_next(fx.s, &evt), 0);
	ck_assert_uint_eq(fx.s->threads.count, 51);
	ck_assert(th(5000)->placeholder);
	ck_assert_str_eq(th(5000)->comm, "<NA>");
	run_all();
	ck_assert_uint_eq(fx.s->threads.count, 1);
	ck_assert_ptr_nonnull(th(1));                      /* described by the capture: stays */
}
END_TEST

START_TEST(table_is_capped)
{
	int64_t i;

	add_thread(1, 1, 0, "systemd");
	for (i = 0; i < 40; i++)
		add_evt(SEC + (uint64_t)i, 5000 + i, SCAP_EVT_SYSCALL_CLOSE_E, 1, P64(3));
	open_inspector();
	fx.s->max_threads = 16;
	run_all();
	ck_assert_uint_eq(fx.s->threads.count, 16);
	ck_assert_uint_eq(fx.s->threads_dropped, 25);
}
END_TEST

static Suite *threads_suite(void)
{
	Suite *s = suite_create("threads");
	TCase *tc;

	tc = tcase_create("groups");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, exec_from_three_threads_leaves_one);
	tcase_add_test(tc, exec_drops_thread_seen_before_its_main);
	tcase_add_test(tc, exepath_of_relative_filename_walked_from_cwd);
	tcase_add_test(tc, threads_share_cwd_and_fds);
	tcase_add_test(tc, main_thread_exit_keeps_group_until_last);
	tcase_add_test(tc, thread_parent_is_its_creator);
	suite_add_tcase(s, tc);

	tc = tcase_create("orphans");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, orphan_goes_to_init);
	tcase_add_test(tc, orphan_of_parent_known_late_goes_to_init);
	tcase_add_test(tc, orphan_goes_to_subreaper);
	tcase_add_test(tc, parent_cycle_walk_terminates);
	suite_add_tcase(s, tc);

	tc = tcase_create("pidns");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, child_in_new_pid_namespace_is_one);
	tcase_add_test(tc, child_side_first_in_pid_namespace);
	tcase_add_test(tc, caller_in_pid_namespace_makes_no_thread_of_the_child_pid);
	tcase_add_test(tc, orphan_in_namespace_goes_to_its_init);
	suite_add_tcase(s, tc);

	tc = tcase_create("creds");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, setuid_setsid_prctl_capset);
	tcase_add_test(tc, state_fields_loaded);
	tcase_add_test(tc, exec_forgets_exe_inode);
	tcase_add_test(tc, exec_naming_exited_parent_keeps_reaper);
	tcase_add_test(tc, exec_sets_caps_and_exe_inode);
	tcase_add_test(tc, unknown_session_group_and_fdlimit_print_minus_one);
	suite_add_tcase(s, tc);

	tc = tcase_create("counters");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, switch_and_memory_exits_update_counters);
	tcase_add_test(tc, cgroup_names_as_sysdig_keeps_them);
	tcase_add_test(tc, cgroups_remembered_per_text);
	suite_add_tcase(s, tc);

	tc = tcase_create("bounded");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, many_short_lived_processes_leave_nothing);
	tcase_add_test(tc, placeholders_age_out);
	tcase_add_test(tc, referenced_idle_parent_stays);
	tcase_add_test(tc, lost_exits_age_out_bounded);
	tcase_add_test(tc, table_is_capped);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(threads_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

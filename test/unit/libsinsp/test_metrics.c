/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_metrics.c - <scry/sinsp_metrics.h> on synthetic events (test_input engine): the
 * exact figures of the host, a container and processes per interval, the system
 * accounting read from a fake /proc and cgroup tree (v1 and v2) and from a sampler
 * callback, procinfo CPU, exits, and spike detection.
 */
#define _GNU_SOURCE
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <scry/scap.h>
#include <scry/sinsp.h>
#include <scry/sinsp_metrics.h>

#include "evt_builder.h"

#define SEC 1000000000ull
#define T0 (1000 * SEC)           /* a multiple of the interval: interval 0 starts here */
#define ID64 "4f0c0d7ab3e2c1d5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f80910111"
#define ID12 "4f0c0d7ab3e2"
#define HOSTPID 100
#define CPID 200
#define MAXI 20

/* What interval_fn saw of each closed interval. */
struct seen {
	struct sinsp_metrics_interval_info info;
	struct sinsp_metrics_container host, cont;
	bool has_cont;
	struct sinsp_metrics_process p100, p200;
	bool has_p100, has_p200;
	char p100_comm[32], p100_exe[64];  /* its names, copied at the interval */
	uint32_t ncont_iter, nproc_iter;
	struct sinsp_metrics_spike spikes[4];
	char spike_cont[4][64];
	uint32_t nspikes;
};

struct fixture {
	struct evt_builder eb;
	struct scap_threadinfo threads[2];
	struct scap_fdinfo fds100[1], fds200[1];
	sinsp_t *s;
	struct sinsp_metrics *m;
	struct seen seen[MAXI];
	uint32_t nseen;
	char tmp[64];
	/* sampler callback */
	char cg_seen[256];
	uint64_t cg_cpu;
};

static struct fixture fx;

#define add_evt(...) eb_add_at(&fx.eb, __VA_ARGS__)

static int count_cont(const struct sinsp_metrics_container *c, void *ctx)
{
	(void)c;
	((struct seen *)ctx)->ncont_iter++;
	return 0;
}

static int count_proc(const struct sinsp_metrics_process *p, void *ctx)
{
	(void)p;
	((struct seen *)ctx)->nproc_iter++;
	return 0;
}

static int take_spike(const struct sinsp_metrics_spike *sp, void *ctx)
{
	struct seen *w = ctx;

	if (w->nspikes < 4) {
		w->spikes[w->nspikes] = *sp;
		snprintf(w->spike_cont[w->nspikes], 64, "%s", sp->container->id);
		w->spikes[w->nspikes].container = NULL;
		w->nspikes++;
	}
	return 0;
}

static void on_interval(struct sinsp_metrics *m, void *ctx)
{
	struct seen *w;

	(void)ctx;
	ck_assert_uint_lt(fx.nseen, MAXI);
	w = &fx.seen[fx.nseen++];
	w->info.sz = sizeof(w->info);
	ck_assert_int_eq(sinsp_metrics_interval(m, &w->info), 0);
	w->host.sz = sizeof(w->host);
	ck_assert_int_eq(sinsp_metrics_host(m, &w->host), 0);
	w->cont.sz = sizeof(w->cont);
	w->has_cont = sinsp_metrics_container_get(m, ID12, &w->cont) == 0;
	w->p100.sz = w->p200.sz = sizeof(w->p100);
	w->has_p100 = sinsp_metrics_process_get(m, HOSTPID, &w->p100) == 0;
	w->has_p200 = sinsp_metrics_process_get(m, CPID, &w->p200) == 0;
	if (w->has_p100) {
		snprintf(w->p100_comm, sizeof(w->p100_comm), "%s", w->p100.comm);
		snprintf(w->p100_exe, sizeof(w->p100_exe), "%s", w->p100.exe);
	}
	sinsp_metrics_container_foreach(m, count_cont, w);
	sinsp_metrics_process_foreach(m, NULL, count_proc, w);
	sinsp_metrics_spike_foreach(m, take_spike, w);
}

/* Host process 100 with /etc/passwd as fd 3; container process 200 with a TCP socket 4. */
static void add_threads(const char *cg200, size_t cglen)
{
	struct scap_threadinfo *t = &fx.threads[0];

	t->tid = t->pid = HOSTPID;
	t->ptid = 1;
	strcpy(t->comm, "hostproc");
	strcpy(t->exe, "/usr/bin/hostproc");
	strcpy(t->exepath, "/usr/bin/hostproc");
	strcpy(t->cwd, "/");
	t->vmrss_kb = 1000;
	fx.fds100[0].fd = 3;
	fx.fds100[0].type = SCAP_FD_FILE_V2;
	strcpy(fx.fds100[0].name, "/etc/passwd");
	t->fds = fx.fds100;
	t->nfds = 1;
	t = &fx.threads[1];
	t->tid = t->pid = CPID;
	t->ptid = 1;
	strcpy(t->comm, "web");
	strcpy(t->exe, "web");
	strcpy(t->cwd, "/");
	t->vmrss_kb = 2000;
	memcpy(t->cgroups, cg200, cglen);
	t->cgroups_len = (uint16_t)cglen;
	fx.fds200[0].fd = 4;
	fx.fds200[0].type = SCAP_FD_IPV4_SOCK;
	fx.fds200[0].info.ipv4.sip = 0x0100007f;
	fx.fds200[0].info.ipv4.dip = 0x0100007f;
	fx.fds200[0].info.ipv4.sport = 40000;
	fx.fds200[0].info.ipv4.dport = 80;
	fx.fds200[0].info.ipv4.l4proto = SCAP_L4_TCP;
	strcpy(fx.fds200[0].name, "127.0.0.1:40000->127.0.0.1:80");
	t->fds = fx.fds200;
	t->nfds = 1;
	fx.eb.state.threads = fx.threads;
	fx.eb.state.nthreads = 2;
}

static const char cg_v1[] = "cpuacct=/docker/" ID64 "/sub\0memory=/docker/" ID64 "\0";

static void open_metrics(struct sinsp_metrics_opts *o)
{
	struct sinsp_metrics_opts d = { .sz = sizeof(d) };

	if (!o)
		o = &d;
	o->interval_fn = on_interval;
	fx.s = eb_open(&fx.eb);
	ck_assert_int_eq(sinsp_metrics_new(fx.s, o, &fx.m), 0);
}

static void run_all(void)
{
	struct sinsp_evt *evt;

	while (sinsp_next(fx.s, &evt) == 0)
		sinsp_metrics_add(fx.m, evt);
}

static void setup(void)
{
	memset(&fx, 0, sizeof(fx));
}

static void teardown(void)
{
	sinsp_metrics_free(fx.m);
	eb_free(&fx.eb);
	if (fx.tmp[0]) {
		char cmd[128];

		snprintf(cmd, sizeof(cmd), "rm -rf %s", fx.tmp);
		ck_assert_int_eq(system(cmd), 0);
	}
}

/* The activity of interval 0 (T0 .. T0+1s), then one event at T0+1.5 s. */
static void add_activity(void)
{
	uint8_t tuple[13] = { SCAP_AF_INET, 127, 0, 0, 1, 0x40, 0x9c, 127, 0, 0, 1, 80, 0 };

	/* host process: open (ok), open (ENOENT), read 100 bytes of a file, read EAGAIN */
	add_evt(T0 + 1000, HOSTPID, SCAP_EVT_SYSCALL_OPENAT_2_E, 4, P64(-100), PSTR("/etc/hosts"),
		P32(1), P32(0));
	add_evt(T0 + 1001, HOSTPID, SCAP_EVT_SYSCALL_OPENAT_2_X, 6, P64(5), P64(-100),
		PSTR("/etc/hosts"), P32(1), P32(0), P32(0));
	add_evt(T0 + 1002, HOSTPID, SCAP_EVT_SYSCALL_OPENAT_2_E, 4, P64(-100), PSTR("/nope"),
		P32(1), P32(0));
	add_evt(T0 + 1003, HOSTPID, SCAP_EVT_SYSCALL_OPENAT_2_X, 6, P64(-2), P64(-100),
		PSTR("/nope"), P32(1), P32(0), P32(0));
	add_evt(T0 + 1004, HOSTPID, SCAP_EVT_SYSCALL_READ_E, 2, P64(3), P32(4096));
	add_evt(T0 + 1005, HOSTPID, SCAP_EVT_SYSCALL_READ_X, 2, P64(100), PBUF("x", 1));
	add_evt(T0 + 1006, HOSTPID, SCAP_EVT_SYSCALL_READ_E, 2, P64(3), P32(4096));
	add_evt(T0 + 1007, HOSTPID, SCAP_EVT_SYSCALL_READ_X, 2, P64(-11), PBUF("", 0));
	/* container process: connect (ok), write 50 and read 30 on the socket, a fork */
	add_evt(T0 + 2000, CPID, SCAP_EVT_SOCKET_CONNECT_E, 2, P64(4), PBUF("", 0));
	add_evt(T0 + 2001, CPID, SCAP_EVT_SOCKET_CONNECT_X, 2, P64(0), PBUF(tuple, sizeof(tuple)));
	add_evt(T0 + 2002, CPID, SCAP_EVT_SYSCALL_WRITE_E, 2, P64(4), P32(50));
	add_evt(T0 + 2003, CPID, SCAP_EVT_SYSCALL_WRITE_X, 2, P64(50), PBUF("y", 1));
	add_evt(T0 + 2004, CPID, SCAP_EVT_SYSCALL_READ_E, 2, P64(4), P32(64));
	add_evt(T0 + 2005, CPID, SCAP_EVT_SYSCALL_READ_X, 2, P64(30), PBUF("z", 1));
	add_evt(T0 + 2006, CPID, SCAP_EVT_SYSCALL_CLONE_20_X, 20, P64(300), PSTR("web"),
		PBUF("", 0), P64(CPID), P64(CPID), P64(1), PSTR("/"), P64(1024), P64(0), P64(0),
		P32(0), P32(2000), P32(0), PSTR("web"), PBUF(fx.threads[1].cgroups,
		fx.threads[1].cgroups_len), P32(0), P32(0), P32(0), P64(CPID), P64(CPID));
	/* interval 1: one write of the host process to its file */
	add_evt(T0 + SEC + SEC / 2, HOSTPID, SCAP_EVT_SYSCALL_WRITE_E, 2, P64(3), P32(7));
	add_evt(T0 + SEC + SEC / 2 + 1, HOSTPID, SCAP_EVT_SYSCALL_WRITE_X, 2, P64(7), PBUF("w", 1));
}

#define D(e, k) ((e).v.delta[SINSP_METRIC_##k])
#define TOT(e, k) ((e).v.total[SINSP_METRIC_##k])

START_TEST(counts_per_entity)
{
	add_threads(cg_v1, sizeof(cg_v1) - 1);
	add_activity();
	open_metrics(NULL);
	run_all();
	ck_assert_uint_eq(sinsp_metrics_tick(fx.m, T0 + 3 * SEC), 2); /* intervals 1 and 2 */
	ck_assert_uint_eq(fx.nseen, 3);

	struct seen *w = &fx.seen[0];
	ck_assert_uint_eq(w->info.index, 0);
	ck_assert_uint_eq(w->info.start_ns, T0);
	ck_assert_uint_eq(w->info.end_ns, T0 + SEC);
	ck_assert_uint_eq(w->info.events, 15);
	ck_assert(!w->info.sampled);
	/* host: every event */
	ck_assert_str_eq(w->host.id, "host");
	ck_assert_uint_eq(D(w->host, SYSCALLS), 8);  /* 2 open, 2 read, connect, write, read, clone */
	ck_assert_uint_eq(D(w->host, SYSCALL_ERRORS), 2);
	ck_assert_uint_eq(D(w->host, FILES_OPENED), 1);
	ck_assert_uint_eq(D(w->host, FILE_READ_BYTES), 100);
	ck_assert_uint_eq(D(w->host, FILE_WRITE_BYTES), 0);
	ck_assert_uint_eq(D(w->host, NET_OUT_BYTES), 50);
	ck_assert_uint_eq(D(w->host, NET_IN_BYTES), 30);
	ck_assert_uint_eq(D(w->host, CONNECTIONS), 1);
	ck_assert_uint_eq(D(w->host, PROCESSES), 1);
	ck_assert_uint_eq(D(w->host, CPU_NS), 0);
	ck_assert_int_eq(w->host.v.cpu_source, SINSP_METRICS_SRC_NONE);
	/* memory from the events' vm_rss: 1000 + 2000 kB, and the child's copy of 200 */
	ck_assert_int_eq(w->host.v.mem_source, SINSP_METRICS_SRC_ENGINE);
	/* the container: process 200's events only */
	ck_assert(w->has_cont);
	ck_assert_str_eq(w->cont.id, ID12);
	ck_assert_str_eq(w->cont.type_name, "docker");
	ck_assert_uint_eq(D(w->cont, SYSCALLS), 4);
	ck_assert_uint_eq(D(w->cont, SYSCALL_ERRORS), 0);
	ck_assert_uint_eq(D(w->cont, NET_OUT_BYTES), 50);
	ck_assert_uint_eq(D(w->cont, NET_IN_BYTES), 30);
	ck_assert_uint_eq(D(w->cont, CONNECTIONS), 1);
	ck_assert_uint_eq(D(w->cont, PROCESSES), 1);
	ck_assert_uint_eq(D(w->cont, FILE_READ_BYTES), 0);
	ck_assert_uint_eq(w->cont.first_seen_ns, T0);
	/* processes */
	ck_assert(w->has_p100 && w->has_p200);
	ck_assert_str_eq(w->p100.comm, "hostproc");
	ck_assert_str_eq(w->p100.exe, "/usr/bin/hostproc");
	ck_assert_str_eq(w->p100.container_id, "host");
	ck_assert_str_eq(w->p200.container_id, ID12);
	ck_assert_uint_eq(D(w->p100, SYSCALLS), 4);
	ck_assert_uint_eq(D(w->p100, SYSCALL_ERRORS), 2);
	ck_assert_uint_eq(D(w->p100, FILE_READ_BYTES), 100);
	ck_assert_uint_eq(D(w->p100, MEMORY_BYTES), 1000 * 1024);
	ck_assert_uint_eq(D(w->p200, MEMORY_BYTES), 2000 * 1024);
	ck_assert_int_eq(w->p200.v.mem_source, SINSP_METRICS_SRC_ENGINE);
	ck_assert_uint_eq(w->ncont_iter, 1);
	ck_assert_uint_eq(w->nproc_iter, 3);  /* 100, 200 and the child 300 */

	/* interval 1: the write; totals add up */
	w = &fx.seen[1];
	ck_assert_uint_eq(w->info.index, 1);
	ck_assert_uint_eq(w->info.start_ns, T0 + SEC);
	ck_assert_uint_eq(D(w->host, SYSCALLS), 1);
	ck_assert_uint_eq(TOT(w->host, SYSCALLS), 9);
	ck_assert_uint_eq(D(w->p100, FILE_WRITE_BYTES), 7);
	ck_assert_uint_eq(TOT(w->p100, FILE_READ_BYTES), 100);
	ck_assert_uint_eq(D(w->cont, SYSCALLS), 0);
	ck_assert_uint_eq(TOT(w->cont, SYSCALLS), 4);
	ck_assert_uint_eq(TOT(w->cont, NET_OUT_BYTES), 50);
	/* interval 2: empty, reported */
	w = &fx.seen[2];
	ck_assert_uint_eq(w->info.index, 2);
	ck_assert_uint_eq(w->info.events, 0);
	ck_assert_uint_eq(D(w->host, SYSCALLS), 0);
	ck_assert_uint_eq(TOT(w->host, SYSCALLS), 9);

	/* top processes by syscalls of interval 2 (all 0): lowest pid first */
	int64_t top[2];
	size_t n;
	ck_assert_int_eq(sinsp_metrics_top_processes(fx.m, NULL, SINSP_METRIC_SYSCALLS, 2, top, &n), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(top[0], HOSTPID);
	ck_assert_int_eq(top[1], CPID);
}
END_TEST

START_TEST(top_processes_order)
{
	add_threads(cg_v1, sizeof(cg_v1) - 1);
	add_activity();
	open_metrics(NULL);
	run_all();
	/* interval 0 is the one reported (the write at 1.5 s closed it) */
	int64_t top[3];
	size_t n;
	ck_assert_int_eq(sinsp_metrics_top_processes(fx.m, NULL, SINSP_METRIC_SYSCALLS, 3, top, &n), 0);
	ck_assert_uint_eq(n, 3);
	ck_assert_int_eq(top[0], HOSTPID);  /* 4 */
	ck_assert_int_eq(top[1], CPID);     /* 4: same, higher pid second */
	ck_assert_int_eq(top[2], 300);      /* 0 */
	ck_assert_int_eq(sinsp_metrics_top_processes(fx.m, ID12, SINSP_METRIC_NET_OUT_BYTES, 1, top,
						     &n), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(top[0], CPID);
	ck_assert_int_eq(sinsp_metrics_top_processes(fx.m, "host", SINSP_METRIC_SYSCALLS, 5, top, &n), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(sinsp_metrics_top_processes(fx.m, NULL, SINSP_METRIC_COUNT, 5, top, &n),
			 -EINVAL);
}
END_TEST

/* A sampler callback: the container's cgroups as given, CPU growing 0.25 s an interval. */
static int cg_cb(void *ctx, const char *cg, size_t len, struct sinsp_metrics_sample *out)
{
	(void)ctx;
	ck_assert_uint_lt(len, sizeof(fx.cg_seen));
	memcpy(fx.cg_seen, cg, len);
	fx.cg_cpu += SEC / 4;
	out->cpu_ns = 7 * SEC + fx.cg_cpu;
	out->has_cpu = true;
	out->mem_bytes = 123456;
	out->has_mem = true;
	return 0;
}

START_TEST(sampler_callback)
{
	struct sinsp_metrics_sampler smp = { .sz = sizeof(smp), .cgroup = cg_cb };
	struct sinsp_metrics_opts o = { .sz = sizeof(o), .sampler = &smp };
	static const char want[] = "cpuacct=/docker/" ID64 "\0memory=/docker/" ID64 "\0";

	add_threads(cg_v1, sizeof(cg_v1) - 1);
	add_activity();
	open_metrics(&o);
	run_all();
	sinsp_metrics_tick(fx.m, T0 + 2 * SEC);
	sinsp_metrics_tick(fx.m, T0 + 3 * SEC);
	ck_assert_uint_eq(fx.nseen, 3);
	/* the sub-cgroup of the process cut to the container's own */
	ck_assert_mem_eq(fx.cg_seen, want, sizeof(want) - 1);
	ck_assert(fx.seen[0].info.sampled);
	/* first sample: a baseline, no delta yet; then 0.25 s each */
	ck_assert_int_eq(fx.seen[0].cont.v.cpu_source, SINSP_METRICS_SRC_CGROUP);
	ck_assert_uint_eq(D(fx.seen[0].cont, CPU_NS), 0);
	ck_assert_uint_eq(D(fx.seen[1].cont, CPU_NS), SEC / 4);
	ck_assert_uint_eq(D(fx.seen[2].cont, CPU_NS), SEC / 4);
	ck_assert_uint_eq(TOT(fx.seen[2].cont, CPU_NS), SEC / 2);
	ck_assert_uint_eq(D(fx.seen[2].cont, MEMORY_BYTES), 123456);
	ck_assert_int_eq(fx.seen[2].cont.v.mem_source, SINSP_METRICS_SRC_CGROUP);
	/* no host or process reader: the host's CPU is not available */
	ck_assert_int_eq(fx.seen[2].host.v.cpu_source, SINSP_METRICS_SRC_NONE);
	ck_assert_int_eq(fx.seen[2].p200.v.cpu_source, SINSP_METRICS_SRC_NONE);
	/* a tick 3 intervals on: read once, at the last, which carries the whole delta */
	ck_assert_uint_eq(sinsp_metrics_tick(fx.m, T0 + 6 * SEC), 3);
	ck_assert_uint_eq(fx.nseen, 6);
	ck_assert_uint_eq(fx.cg_cpu, 4 * (SEC / 4));  /* 4 reads in all */
	ck_assert_uint_eq(D(fx.seen[3].cont, CPU_NS), 0);
	ck_assert_uint_eq(D(fx.seen[4].cont, CPU_NS), 0);
	ck_assert_uint_eq(D(fx.seen[5].cont, CPU_NS), SEC / 4);
	ck_assert_uint_eq(TOT(fx.seen[5].cont, CPU_NS), 3 * (SEC / 4));
}
END_TEST

static void write_file(const char *rel, const char *text)
{
	char p[512], *slash;
	FILE *f;

	snprintf(p, sizeof(p), "%s/%s", fx.tmp, rel);
	for (slash = strchr(p + strlen(fx.tmp) + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		mkdir(p, 0755);
		*slash = '/';
	}
	f = fopen(p, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
}

/* The sample_system reader on a fake tree; @v2 a cgroup v2 layout. */
static void sample_tree(bool v2)
{
	char proot[128];
	long tck = sysconf(_SC_CLK_TCK), page = sysconf(_SC_PAGESIZE);
	static const char cg_v2[] = "cpu=/system.slice/docker-" ID64 ".scope\0memory=/system.slice/docker-"
				    ID64 ".scope\0";
	struct sinsp_metrics_opts o = { .sz = sizeof(o), .sample_system = true,
					.sample_processes = true };

	strcpy(fx.tmp, "/tmp/scry_metrics_XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(fx.tmp));
	snprintf(proot, sizeof(proot), "%s/proc", fx.tmp);
	write_file("proc/stat", "cpu  100 5 50 9999 7 3 2 1 0 0\ncpu0 1 2 3 4\n");
	write_file("proc/meminfo", "MemTotal:       1000 kB\nMemFree:  10 kB\nMemAvailable:    400 kB\n");
	write_file("proc/200/stat", "200 (we b) S 1 200 200 0 -1 4194560 100 0 0 0 40 20 0 0 20 0 1 0 5 "
		   "4096000 300 18446744073709551615\n");
	if (v2) {
		write_file("cgroup/cgroup.controllers", "cpu memory\n");
		write_file("cgroup/system.slice/docker-" ID64 ".scope/cpu.stat",
			   "usage_usec 2500000\nuser_usec 2000000\nsystem_usec 500000\n");
		write_file("cgroup/system.slice/docker-" ID64 ".scope/memory.current", "7340032\n");
		add_threads(cg_v2, sizeof(cg_v2) - 1);
	} else {
		write_file("cgroup/cpu,cpuacct/docker/" ID64 "/cpuacct.usage", "2500000000\n");
		write_file("cgroup/memory/docker/" ID64 "/memory.usage_in_bytes", "7340032\n");
		add_threads(cg_v1, sizeof(cg_v1) - 1);
	}
	add_activity();
	o.proc_root = proot;
	char croot[128];
	snprintf(croot, sizeof(croot), "%s/cgroup", fx.tmp);
	o.cgroup_root = croot;
	open_metrics(&o);
	run_all();
	/* interval 0 closed (baselines); now the accounting moves on */
	ck_assert_uint_eq(fx.nseen, 1);
	ck_assert_uint_eq(D(fx.seen[0].cont, MEMORY_BYTES), 7340032);
	ck_assert_uint_eq(D(fx.seen[0].host, MEMORY_BYTES), 600 * 1024);
	ck_assert_uint_eq(D(fx.seen[0].p200, MEMORY_BYTES), 300 * (uint64_t)page);
	ck_assert_int_eq(fx.seen[0].p200.v.mem_source, SINSP_METRICS_SRC_PROCFS);
	ck_assert_int_eq(fx.seen[0].host.v.cpu_source, SINSP_METRICS_SRC_PROCFS);
	ck_assert_int_eq(fx.seen[0].cont.v.cpu_source, SINSP_METRICS_SRC_CGROUP);
	write_file("proc/stat", "cpu  150 5 60 9999 7 3 2 1 0 0\n");
	write_file("proc/200/stat", "200 (we b) S 1 200 200 0 -1 4194560 100 0 0 0 45 25 0 0 20 0 1 0 5 "
		   "4096000 300 18446744073709551615\n");
	if (v2)
		write_file("cgroup/system.slice/docker-" ID64 ".scope/cpu.stat",
			   "usage_usec 3250000\nuser_usec 2000000\n");
	else
		write_file("cgroup/cpu,cpuacct/docker/" ID64 "/cpuacct.usage", "3250000000\n");
	sinsp_metrics_tick(fx.m, T0 + 2 * SEC);
	ck_assert_uint_eq(fx.nseen, 2);
	ck_assert_uint_eq(D(fx.seen[1].cont, CPU_NS), 750000000ull);
	ck_assert_uint_eq(D(fx.seen[1].host, CPU_NS), 60ull * (SEC / (uint64_t)tck));
	ck_assert_uint_eq(D(fx.seen[1].p200, CPU_NS), 10ull * (SEC / (uint64_t)tck));
	ck_assert_int_eq(fx.seen[1].p200.v.cpu_source, SINSP_METRICS_SRC_PROCFS);
	/* process 100 has no /proc entry in the tree: its memory is the events' */
	ck_assert_int_eq(fx.seen[1].p100.v.cpu_source, SINSP_METRICS_SRC_NONE);
	ck_assert_int_eq(fx.seen[1].p100.v.mem_source, SINSP_METRICS_SRC_ENGINE);
}

START_TEST(sample_cgroup_v1)
{
	sample_tree(false);
}
END_TEST

START_TEST(sample_cgroup_v2)
{
	sample_tree(true);
}
END_TEST

START_TEST(procinfo_cpu_and_exit)
{
	add_threads(cg_v1, sizeof(cg_v1) - 1);
	/* procinfo: cumulative ticks user + system; 10+5, then 20+7: 12 ticks = 120 ms */
	add_evt(T0 + 10, CPID, SCAP_EVT_PROCINFO_E, 2, P64(10), P64(5));
	add_evt(T0 + SEC + 10, CPID, SCAP_EVT_PROCINFO_E, 2, P64(20), P64(7));
	add_evt(T0 + SEC + 20, HOSTPID, SCAP_EVT_PROCEXIT_1_E, 4, P64(0), P64(0), P8(0), P8(0));
	open_metrics(NULL);
	run_all();
	sinsp_metrics_tick(fx.m, T0 + 3 * SEC);
	ck_assert_uint_eq(fx.nseen, 3);
	ck_assert_uint_eq(D(fx.seen[1].p200, CPU_NS), 120000000ull);
	ck_assert_int_eq(fx.seen[1].p200.v.cpu_source, SINSP_METRICS_SRC_ENGINE);
	ck_assert_uint_eq(D(fx.seen[1].cont, CPU_NS), 120000000ull);
	ck_assert_uint_eq(D(fx.seen[1].host, CPU_NS), 120000000ull);
	ck_assert_int_eq(fx.seen[1].cont.v.cpu_source, SINSP_METRICS_SRC_ENGINE);
	/* the exit: reported once with exited, then gone */
	ck_assert(fx.seen[0].has_p100 && !fx.seen[0].p100.exited);
	ck_assert(fx.seen[1].has_p100 && fx.seen[1].p100.exited);
	/* ... with the names it had, though its thread left the table after the exit */
	ck_assert_str_eq(fx.seen[1].p100_comm, "hostproc");
	ck_assert_str_eq(fx.seen[1].p100_exe, "/usr/bin/hostproc");
	ck_assert(!fx.seen[2].has_p100);
	ck_assert_uint_eq(fx.seen[2].nproc_iter, 1);
}
END_TEST

START_TEST(container_gone)
{
	add_threads(cg_v1, sizeof(cg_v1) - 1);
	/* interval 0: the container's only process exits */
	add_evt(T0 + 10, CPID, SCAP_EVT_PROCEXIT_1_E, 4, P64(0), P64(0), P8(0), P8(0));
	open_metrics(NULL);
	run_all();
	sinsp_metrics_tick(fx.m, T0 + 4 * SEC);
	ck_assert_uint_eq(fx.nseen, 4);
	/* 0: the exit (an event of it: still listed), 1: no process, quiet: last report */
	ck_assert(fx.seen[0].has_cont && !fx.seen[0].cont.exited);
	ck_assert_uint_eq(fx.seen[0].cont.nprocesses, 0);
	ck_assert(fx.seen[0].has_p200 && fx.seen[0].p200.exited);
	ck_assert(fx.seen[1].has_cont && fx.seen[1].cont.exited);
	ck_assert(!fx.seen[1].has_p200);
	ck_assert(!fx.seen[2].has_cont);
	ck_assert_uint_eq(fx.seen[2].ncont_iter, 0);
	ck_assert_uint_eq(fx.seen[3].nproc_iter, 1); /* the host process */
}
END_TEST

START_TEST(untimed_event_moves_no_clock)
{
	add_threads(cg_v1, sizeof(cg_v1) - 1);
	add_evt(0, CPID, SCAP_EVT_SYSCALL_CLOSE_X, 1, P64(0));   /* no time (ts 0) */
	add_evt(T0 + 5, CPID, SCAP_EVT_SYSCALL_CLOSE_X, 1, P64(0));
	open_metrics(NULL);
	run_all();
	ck_assert_uint_eq(sinsp_metrics_flush(fx.m), 1);
	ck_assert_uint_eq(fx.nseen, 1);
	ck_assert_uint_eq(fx.seen[0].info.start_ns, T0);
	ck_assert_uint_eq(fx.seen[0].info.index, 0);
	ck_assert_uint_eq(D(fx.seen[0].cont, SYSCALLS), 2);
}
END_TEST

/* Container syscalls: @n close exits of process 200 in interval @i. */
static void add_syscalls(uint32_t i, uint32_t n)
{
	for (uint32_t k = 0; k < n; k++)
		add_evt(T0 + i * SEC + 1000 + k, CPID, SCAP_EVT_SYSCALL_CLOSE_X, 1, P64(0));
}

START_TEST(spike_after_warmup)
{
	static const uint32_t rates[] = { 10, 12, 8, 10, 11, 9, 10, 12, 8, 10, /* warm-up */
					  11, 100, 100, 100, 10, 100, 100 };
	struct sinsp_metrics_spike_config c = { .sz = sizeof(c), .enabled = true, .k = 3, .n = 2,
						.warmup = 10, .min_rate = 20,
						.priority = SINSP_PRIO_WARNING };
	uint32_t i;

	add_threads(cg_v1, sizeof(cg_v1) - 1);
	for (i = 0; i < sizeof(rates) / sizeof(rates[0]); i++)
		add_syscalls(i, rates[i]);
	open_metrics(NULL);
	ck_assert_int_eq(sinsp_metrics_set_spike(fx.m, SINSP_METRIC_SYSCALLS, &c), 0);
	run_all();
	ck_assert_uint_eq(sinsp_metrics_flush(fx.m), 1);
	ck_assert_uint_eq(fx.nseen, 17);
	for (i = 0; i < 17; i++) {
		/* spikes at 12 (second of 11..13) and 16 (second of the run after the dip at 14) */
		uint32_t want = i == 12 || i == 16;

		ck_assert_msg(fx.seen[i].nspikes == want, "interval %u: %u spikes", i,
			      fx.seen[i].nspikes);
	}
	struct sinsp_metrics_spike *sp = &fx.seen[12].spikes[0];
	ck_assert_str_eq(sp->rule, "Container syscall spike");
	ck_assert_str_eq(fx.seen[12].spike_cont[0], ID12);
	ck_assert_int_eq(sp->priority, SINSP_PRIO_WARNING);
	ck_assert_int_eq(sp->metric, SINSP_METRIC_SYSCALLS);
	ck_assert_uint_eq(sp->intervals, 2);
	ck_assert_uint_eq(sp->ts_ns, T0 + 13 * SEC);
	ck_assert(sp->value == 100.0);
	/* baseline: the 10 warm-up values (plain mean 10, variance 1.8), then 11 at alpha 0.1 */
	ck_assert_double_eq_tol(sp->mean, 10.1, 1e-9);
	ck_assert_double_eq_tol(sp->stddev * sp->stddev, 0.9 * (1.8 + 0.1 * 1.0 * 1.0), 1e-9);
	ck_assert_double_eq_tol(sp->threshold, 20.0, 1e-9); /* min_rate above mean + 3 sd */
}
END_TEST

START_TEST(spike_lasting_becomes_normal)
{
	struct sinsp_metrics_spike_config c = { .sz = sizeof(c), .enabled = true, .n = 2,
						.warmup = 4, .min_rate = 20,
						.priority = SINSP_PRIO_NOTICE };
	uint32_t i, total = 0;

	add_threads(cg_v1, sizeof(cg_v1) - 1);
	/* 4 intervals of 10, then 14 of 100: one spike (interval 5), then after 4 more
	 * anomalous intervals the baseline learns 100 again: no second spike */
	for (i = 0; i < 18; i++)
		add_syscalls(i, i < 4 ? 10 : 100);
	open_metrics(NULL);
	ck_assert_int_eq(sinsp_metrics_set_spike(fx.m, SINSP_METRIC_SYSCALLS, &c), 0);
	run_all();
	sinsp_metrics_flush(fx.m);
	ck_assert_uint_eq(fx.nseen, 18);
	for (i = 0; i < 18; i++)
		total += fx.seen[i].nspikes;
	ck_assert_uint_eq(total, 1);
	ck_assert_uint_eq(fx.seen[5].nspikes, 1);
	ck_assert_int_eq(fx.seen[5].spikes[0].priority, SINSP_PRIO_NOTICE);
	ck_assert(fx.seen[5].spikes[0].mean == 10.0 && fx.seen[5].spikes[0].stddev == 0.0);
}
END_TEST

START_TEST(spike_slow_start_not_learnt)
{
	struct sinsp_metrics_spike_config c = { .sz = sizeof(c), .enabled = true, .n = 2,
						.warmup = 4, .min_rate = 20,
						.priority = SINSP_PRIO_WARNING };
	static const uint32_t rates[] = { 10, 10, 10, 10, 15, 15, 15, 100, 100 };
	uint32_t i;

	add_threads(cg_v1, sizeof(cg_v1) - 1);
	for (i = 0; i < 9; i++)
		add_syscalls(i, rates[i]);
	open_metrics(NULL);
	ck_assert_int_eq(sinsp_metrics_set_spike(fx.m, SINSP_METRIC_SYSCALLS, &c), 0);
	run_all();
	sinsp_metrics_flush(fx.m);
	ck_assert_uint_eq(fx.nseen, 9);
	/* 15 is above the baseline (10, stddev 0) but below the minimum: no spike, not learnt */
	for (i = 0; i < 8; i++)
		ck_assert_uint_eq(fx.seen[i].nspikes, 0);
	ck_assert_uint_eq(fx.seen[8].nspikes, 1);
	ck_assert(fx.seen[8].spikes[0].mean == 10.0);
}
END_TEST

START_TEST(bad_arguments)
{
	struct sinsp_metrics_opts o = { .sz = sizeof(o), .interval_ns = 1000 };
	struct sinsp_metrics_spike_config c = { .sz = sizeof(c), .enabled = true, .alpha = 2 };
	struct sinsp_metrics *m;

	fx.s = eb_open(&fx.eb);
	ck_assert_int_eq(sinsp_metrics_new(fx.s, &o, &m), -EINVAL);
	ck_assert_int_eq(sinsp_metrics_new(NULL, NULL, &m), -EINVAL);
	ck_assert_int_eq(sinsp_metrics_new(fx.s, NULL, &fx.m), 0);
	ck_assert_int_eq(sinsp_metrics_set_spike(fx.m, SINSP_METRIC_CPU_NS, &c), -EINVAL);
	ck_assert_int_eq(sinsp_metrics_set_spike(fx.m, SINSP_METRIC_COUNT, &c), -EINVAL);
	struct sinsp_metrics_container h = { .sz = sizeof(h) };
	ck_assert_int_eq(sinsp_metrics_host(fx.m, &h), -ENOENT);
	ck_assert_str_eq(sinsp_metric_name(SINSP_METRIC_NET_IN_BYTES), "net_in_bytes");
	ck_assert_ptr_null(sinsp_metric_name(SINSP_METRIC_COUNT));
	ck_assert_str_eq(sinsp_metrics_spike_rule(SINSP_METRIC_CPU_NS), "Container CPU spike");
	ck_assert_str_eq(sinsp_metrics_source_name(SINSP_METRICS_SRC_CGROUP), "cgroup");
}
END_TEST

static Suite *metrics_suite(void)
{
	Suite *s = suite_create("metrics");
	TCase *tc = tcase_create("counts");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, counts_per_entity);
	tcase_add_test(tc, top_processes_order);
	tcase_add_test(tc, procinfo_cpu_and_exit);
	tcase_add_test(tc, container_gone);
	tcase_add_test(tc, untimed_event_moves_no_clock);
	tcase_add_test(tc, bad_arguments);
	suite_add_tcase(s, tc);
	tc = tcase_create("sampling");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, sampler_callback);
	tcase_add_test(tc, sample_cgroup_v1);
	tcase_add_test(tc, sample_cgroup_v2);
	suite_add_tcase(s, tc);
	tc = tcase_create("spikes");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, spike_after_warmup);
	tcase_add_test(tc, spike_lasting_becomes_normal);
	tcase_add_test(tc, spike_slow_start_not_learnt);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *r = srunner_create(metrics_suite());
	int failed;

	srunner_run_all(r, CK_NORMAL);
	failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

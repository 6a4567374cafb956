/* SPDX-License-Identifier: Apache-2.0 */
/*
 * metrics/sample.c - the system accounting reader of sinsp_metrics_opts.sample_system:
 * CPU time and memory of cgroups, processes and the host, read at interval closes.
 *
 * Sources (Linux, Documentation/admin-guide/cgroup-v2.rst and cgroup-v1/cpuacct.rst,
 * proc(5)):
 *   cgroup v2   PATH/cpu.stat "usage_usec N" (us), PATH/memory.current (bytes)
 *   cgroup v1   cpuacct/PATH/cpuacct.usage (ns), memory/PATH/memory.usage_in_bytes
 *               (the hierarchy folder may also be "cpu,cpuacct" / "cpuacct,cpu")
 *   process     /proc/PID/stat fields 14 utime and 15 stime (clock ticks,
 *               sysconf(_SC_CLK_TCK)) and 24 rss (pages): one read a process
 *   host        /proc/stat "cpu" line: user nice system idle iowait irq softirq steal
 *               (ticks; busy = all but idle and iowait), /proc/meminfo MemTotal -
 *               MemAvailable (kB)
 * A thread's cgroups list (libscap proc_threads.c) names each v1 controller with its
 * path; on a v2-only system each controller enabled at the root with the v2 path.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "metrics/metrics_int.h"

/* Read @path into @buf (NUL terminated). Return bytes read, or a negative errno. */
static ssize_t read_small(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -errno;
	n = read(fd, buf, size - 1);
	if (n < 0)
		n = -errno;
	close(fd);
	if (n >= 0)
		buf[n] = '\0';
	return n;
}

static int read_u64(const char *path, uint64_t *out)
{
	char buf[64], *end;
	ssize_t n = read_small(path, buf, sizeof(buf));

	if (n <= 0)
		return n < 0 ? (int)n : -ENODATA;
	*out = strtoull(buf, &end, 10);
	return end == buf ? -EPROTO : 0;
}

/* The path of controller @ctrl in a "subsys=path" list; NULL when absent. */
static const char *cg_path(const char *cg, size_t len, const char *ctrl)
{
	size_t off = 0, cl = strlen(ctrl);

	while (off < len) {
		const char *e = cg + off;
		size_t el = strnlen(e, len - off);

		if (el > cl && !memcmp(e, ctrl, cl) && e[cl] == '=')
			return e + cl + 1;
		off += el + 1;
	}
	return NULL;
}

static bool is_v2(struct sinsp_metrics *m)
{
	char p[4096];

	if (m->cgroup_v2 < 0) {
		snprintf(p, sizeof(p), "%s/cgroup.controllers", m->cgroup_root);
		m->cgroup_v2 = access(p, F_OK) == 0;
	}
	return m->cgroup_v2 == 1;
}

int sinsp_metrics_sample_cgroup(void *ctx, const char *cg, size_t len, struct sinsp_metrics_sample *out)
{
	static const char *const cpu_dirs[] = { "cpuacct", "cpu,cpuacct", "cpuacct,cpu" };
	struct sinsp_metrics *m = ctx;
	const char *path;
	char p[4096], buf[1024];
	size_t i;

	if (is_v2(m)) {
		path = cg_path(cg, len, "cpu");
		if (!path)
			path = cg_path(cg, len, "memory");
		if (!path && len && cg[0] != '\0')
			path = memchr(cg, '=', len) ? (const char *)memchr(cg, '=', len) + 1 : NULL;
		if (!path)
			return -ENOENT;
		snprintf(p, sizeof(p), "%s%s/cpu.stat", m->cgroup_root, path);
		if (read_small(p, buf, sizeof(buf)) > 0) {
			const char *u = strstr(buf, "usage_usec ");

			if (u) {
				out->cpu_ns = strtoull(u + 11, NULL, 10) * 1000;
				out->has_cpu = true;
			}
		}
		snprintf(p, sizeof(p), "%s%s/memory.current", m->cgroup_root, path);
		out->has_mem = read_u64(p, &out->mem_bytes) == 0;
		return out->has_cpu || out->has_mem ? 0 : -ENOENT;
	}
	path = cg_path(cg, len, "cpuacct");
	for (i = 0; path && i < sizeof(cpu_dirs) / sizeof(cpu_dirs[0]) && !out->has_cpu; i++) {
		snprintf(p, sizeof(p), "%s/%s%s/cpuacct.usage", m->cgroup_root, cpu_dirs[i], path);
		out->has_cpu = read_u64(p, &out->cpu_ns) == 0;
	}
	path = cg_path(cg, len, "memory");
	if (path) {
		snprintf(p, sizeof(p), "%s/memory%s/memory.usage_in_bytes", m->cgroup_root, path);
		out->has_mem = read_u64(p, &out->mem_bytes) == 0;
	}
	return out->has_cpu || out->has_mem ? 0 : -ENOENT;
}

int sinsp_metrics_sample_process(void *ctx, int64_t pid, struct sinsp_metrics_sample *out)
{
	struct sinsp_metrics *m = ctx;
	char p[4096], buf[1024];
	unsigned long long ut, st, rss;
	const char *c;
	long tck = sysconf(_SC_CLK_TCK), page = sysconf(_SC_PAGESIZE);
	int n;

	snprintf(p, sizeof(p), "%s/%" PRId64 "/stat", m->proc_root, pid);
	if (read_small(p, buf, sizeof(buf)) <= 0)
		return -ENOENT;
	/* after the last ')' (comm may hold spaces and parentheses): field 3 on; utime 14,
	 * stime 15, rss 24 (pages) */
	c = strrchr(buf, ')');
	n = c ? sscanf(c + 1, " %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu %*d %*d %*d"
		       " %*d %*d %*d %*u %*u %llu", &ut, &st, &rss) : 0;
	if (n >= 2 && tck > 0) {
		out->cpu_ns = (ut + st) * (1000000000ull / (unsigned long long)tck);
		out->has_cpu = true;
	}
	if (n == 3 && page > 0) {
		out->mem_bytes = rss * (unsigned long long)page;
		out->has_mem = true;
	}
	return out->has_cpu || out->has_mem ? 0 : -ENOENT;
}

int sinsp_metrics_sample_host(void *ctx, struct sinsp_metrics_sample *out)
{
	struct sinsp_metrics *m = ctx;
	char p[4096], buf[4096];
	unsigned long long v[8] = { 0 };
	long tck = sysconf(_SC_CLK_TCK);
	const char *a, *b;

	snprintf(p, sizeof(p), "%s/stat", m->proc_root);
	if (tck > 0 && read_small(p, buf, sizeof(buf)) > 0 &&
	    sscanf(buf, "cpu %llu %llu %llu %llu %llu %llu %llu %llu", &v[0], &v[1], &v[2], &v[3],
		   &v[4], &v[5], &v[6], &v[7]) >= 4) {
		out->cpu_ns = (v[0] + v[1] + v[2] + v[5] + v[6] + v[7]) *
			      (1000000000ull / (unsigned long long)tck);
		out->has_cpu = true;
	}
	snprintf(p, sizeof(p), "%s/meminfo", m->proc_root);
	if (read_small(p, buf, sizeof(buf)) > 0 && (a = strstr(buf, "MemTotal:")) &&
	    (b = strstr(buf, "MemAvailable:"))) {
		unsigned long long tot = strtoull(a + 9, NULL, 10), avail = strtoull(b + 13, NULL, 10);

		out->mem_bytes = (tot > avail ? tot - avail : 0) * 1024;
		out->has_mem = true;
	}
	return out->has_cpu || out->has_mem ? 0 : -ENOENT;
}

void sinsp_metrics_sample_system_init(struct sinsp_metrics *m)
{
	m->sampler.sz = sizeof(m->sampler);
	m->sampler.cgroup = sinsp_metrics_sample_cgroup;
	m->sampler.process = m->sample_processes ? sinsp_metrics_sample_process : NULL;
	m->sampler.host = sinsp_metrics_sample_host;
	m->sampler.ctx = m;
}

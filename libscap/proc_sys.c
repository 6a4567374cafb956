/* SPDX-License-Identifier: Apache-2.0 */
/*
 * proc_sys.c - the machine-wide part of a live capture's initial state: machine info,
 * users (passwd) and groups (group), network interfaces (getifaddrs), and
 * scap_sys_scan(), which reads all of it plus the threads (proc_threads.c).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "proc_scan.h"

/* Copy the @n-th ':' separated field of @line (0-based) into @dst. false if missing. */
static bool colon_field(const char *line, int n, char *dst, size_t cap)
{
	const char *p = line, *e;
	size_t len;

	for (int i = 0; i < n; i++) {
		p = strchr(p, ':');
		if (!p)
			return false;
		p++;
	}
	e = strchr(p, ':');
	len = e ? (size_t)(e - p) : strlen(p);
	if (len >= cap)
		len = cap - 1;
	memcpy(dst, p, len);
	dst[len] = '\0';
	return true;
}

/* Each line of @path, newline stripped; comments and blank lines skipped. */
static int each_line(const char *path, int (*fn)(const char *line, void *ctx), void *ctx)
{
	char line[4096];
	FILE *f = fopen(path, "re");
	int rc = 0;

	if (!f)
		return 0;
	while (!rc && fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = '\0';
		if (!line[0] || line[0] == '#' || line[0] == '+' || line[0] == '-')
			continue;
		rc = fn(line, ctx);
	}
	fclose(f);
	return rc;
}

static int add_user(const char *line, void *ctx)
{
	struct scap_state_store *s = ctx;
	struct scap_userinfo u;
	char num[32];

	memset(&u, 0, sizeof(u));
	/* name:password:uid:gid:gecos:home:shell */
	if (!colon_field(line, 0, u.name, sizeof(u.name)) ||
	    !colon_field(line, 2, num, sizeof(num)))
		return 0;
	u.uid = (uint32_t)strtoul(num, NULL, 10);
	if (colon_field(line, 3, num, sizeof(num)))
		u.gid = (uint32_t)strtoul(num, NULL, 10);
	colon_field(line, 5, u.homedir, sizeof(u.homedir));
	colon_field(line, 6, u.shell, sizeof(u.shell));
	{
		struct scap_userinfo *slot = scap_state_add_user(s);

		if (!slot)
			return -ENOMEM;
		*slot = u;
	}
	return 0;
}

static int add_group(const char *line, void *ctx)
{
	struct scap_state_store *s = ctx;
	struct scap_groupinfo g;
	struct scap_groupinfo *slot;
	char num[32];

	memset(&g, 0, sizeof(g));
	/* name:password:gid:members */
	if (!colon_field(line, 0, g.name, sizeof(g.name)) ||
	    !colon_field(line, 2, num, sizeof(num)))
		return 0;
	g.gid = (uint32_t)strtoul(num, NULL, 10);
	slot = scap_state_add_group(s);
	if (!slot)
		return -ENOMEM;
	*slot = g;
	return 0;
}

int scap_sys_scan_users(struct scap_state_store *s, const char *etc, char *err)
{
	char path[SCAP_MAX_PATH_SIZE];
	int rc;

	if (!etc)
		etc = "/etc";
	snprintf(path, sizeof(path), "%s/passwd", etc);
	rc = each_line(path, add_user, s);
	if (!rc) {
		snprintf(path, sizeof(path), "%s/group", etc);
		rc = each_line(path, add_group, s);
	}
	if (rc)
		snprintf(err, SCAP_ERRBUF_SIZE, "user list: out of memory");
	return rc;
}

int scap_sys_scan_ifaces(struct scap_state_store *s, char *err)
{
	struct ifaddrs *ifs, *i;

	if (getifaddrs(&ifs) != 0) {
		int rc = -errno;

		snprintf(err, SCAP_ERRBUF_SIZE, "interfaces: getifaddrs: %s", strerror(errno));
		return rc;
	}
	for (i = ifs; i; i = i->ifa_next) {
		if (!i->ifa_addr)
			continue;
		if (i->ifa_addr->sa_family == AF_INET) {
			struct scap_ifinfo_ipv4 *v = scap_state_add_ifv4(s);

			if (!v)
				goto oom;
			v->type = SCAP_II_IPV4;
			v->addr = ((const struct sockaddr_in *)i->ifa_addr)->sin_addr.s_addr;
			if (i->ifa_netmask)
				v->netmask = ((const struct sockaddr_in *)i->ifa_netmask)->sin_addr.s_addr;
			if ((i->ifa_flags & IFF_BROADCAST) && i->ifa_broadaddr)
				v->bcast = ((const struct sockaddr_in *)i->ifa_broadaddr)->sin_addr.s_addr;
			snprintf(v->name, sizeof(v->name), "%s", i->ifa_name);
		} else if (i->ifa_addr->sa_family == AF_INET6) {
			struct scap_ifinfo_ipv6 *v = scap_state_add_ifv6(s);

			if (!v)
				goto oom;
			v->type = SCAP_II_IPV6;
			memcpy(v->addr, &((const struct sockaddr_in6 *)i->ifa_addr)->sin6_addr, 16);
			if (i->ifa_netmask)
				memcpy(v->netmask,
				       &((const struct sockaddr_in6 *)i->ifa_netmask)->sin6_addr, 16);
			snprintf(v->name, sizeof(v->name), "%s", i->ifa_name);
		}
	}
	freeifaddrs(ifs);
	return 0;
oom:
	freeifaddrs(ifs);
	snprintf(err, SCAP_ERRBUF_SIZE, "interfaces: out of memory");
	return -ENOMEM;
}

int scap_sys_scan_machine(struct scap_state_store *s, const char *proc)
{
	struct scap_machine_info *m = &s->machine;
	char path[SCAP_MAX_PATH_SIZE], buf[64];
	long n;

	memset(m, 0, sizeof(*m));
	n = sysconf(_SC_NPROCESSORS_ONLN);
	m->num_cpus = n > 0 ? (uint32_t)n : 0;
	n = sysconf(_SC_PHYS_PAGES);
	if (n > 0)
		m->memory_size_bytes = (uint64_t)n * (uint64_t)sysconf(_SC_PAGESIZE);
	snprintf(path, sizeof(path), "%s/sys/kernel/pid_max", proc ? proc : "/proc");
	if (scap_proc_read_at(AT_FDCWD, path, buf, sizeof(buf)) > 0)
		m->max_pid = strtoull(buf, NULL, 10);
	if (gethostname(m->hostname, sizeof(m->hostname) - 1) != 0)
		m->hostname[0] = '\0';
	m->boot_ts_ns = scap_proc_boot_ts_ns();
	s->has_machine = true;
	return 0;
}

int scap_sys_scan(struct scap_state_store *s, const struct scap_sys_scan_opts *o,
		  struct scap_sys_scan_stats *st, char *err)
{
	int rc;

	scap_sys_scan_machine(s, o ? o->proc : NULL);
	rc = scap_sys_scan_users(s, o ? o->etc : NULL, err);
	if (!rc)
		rc = scap_sys_scan_ifaces(s, err);
	if (!rc)
		rc = scap_proc_scan_threads(s, o, st, err);
	return rc;
}

int scap_engine_read_state(scap_t *h, void (*progress)(void *ctx), void *ctx)
{
	struct scap_sys_scan_opts so = { .progress = progress, .progress_ctx = ctx };
	struct scap_sys_scan_stats st;
	char err[SCAP_ERRBUF_SIZE];
	int rc;

	memset(&st, 0, sizeof(st));
	if (!h->no_proc_scan) {
		rc = scap_sys_scan(&h->store, &so, &st, err);
		if (progress)
			progress(ctx);
		if (rc < 0)
			return scap_err(h, rc, "initial state: %s", err);
		scap_info(h, "initial state: %u processes, %u threads, %u fds, %u network "
			  "namespaces in %llu us (%u entries vanished)", st.nprocs, st.nthreads,
			  st.nfds, st.nnetns, (unsigned long long)(st.elapsed_ns / 1000),
			  st.nskipped);
	}
	memset(&h->scan, 0, sizeof(h->scan));
	h->scan.nprocs = st.nprocs;
	h->scan.nthreads = st.nthreads;
	h->scan.nfds = st.nfds;
	h->scan.nskipped = st.nskipped;
	h->scan.nnetns = st.nnetns;
	h->scan.elapsed_ns = st.elapsed_ns;
	h->has_scan = true;
	scap_state_export(&h->store, &h->state);
	return 0;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * proc_threads.c - the threads of the running system, read from procfs, as the
 * initial state of a live capture (struct scap_threadinfo, one per thread).
 *
 * Where each field comes from (PROC = /proc/PID, TASK = PROC/task/TID):
 *   tid                 the TASK directory name
 *   pid, ptid           TASK/status Tgid, PPid
 *   uid, gid            TASK/status Uid, Gid: the effective ids (second column)
 *   vtid, vpid, vpgid   TASK/status NSpid, NStgid, NSpgid: the innermost namespace's
 *                       ids (the last column); the host ids when the line is absent
 *   cap_*               TASK/status CapPrm, CapEff, CapInh (hex)
 *   vm*_kb              TASK/status VmSize, VmRSS, VmSwap (KiB; 0 for kernel threads)
 *   pgid, sid, tty      TASK/stat fields 5, 6, 7 (tty as the kernel's tty_nr)
 *   pfminor, pfmajor    TASK/stat fields 10, 12
 *   clone_ts_ns         TASK/stat field 22 (start time, clock ticks after boot) + boot time
 *   comm                TASK/comm
 *   exe, args           PROC/cmdline: argv[0], then the other arguments NUL-separated
 *   exepath             readlink PROC/exe ("" for kernel threads)
 *   exe_ino, _ctime, _mtime   stat of PROC/exe (the executable itself, any mount ns)
 *   exe_writable        the executable's mode bits grant the thread's euid/egid write
 *                       access (owner, root, group or other write bit)
 *   exe_from_memfd      exepath starts with "/memfd:"
 *   env                 PROC/environ (cut at SCAP_MAX_ENV_SIZE)
 *   cwd, root           readlink TASK/cwd, TASK/root
 *   fdlimit             prlimit(tid, RLIMIT_NOFILE) soft limit, -1 when unreadable
 *   loginuid            TASK/loginuid ((uint32_t)-1 unset or absent)
 *   cgroups             TASK/cgroup: "controller=path" for each controller of each
 *                       cgroup v1 hierarchy; on a cgroup v2 only system, the v2 path for
 *                       each controller enabled at the root (/sys/fs/cgroup/cgroup.controllers)
 *   flags               0 for a main thread; CLONE_THREAD | CLONE_FILES for the others
 *   pidns_init_start_ts_ns    clone_ts_ns of the thread that is pid 1 of the thread's
 *                       pid namespace, when that thread was scanned; else 0
 * Only a process's main thread gets an fd table (proc_fds.c): threads share it.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "proc_scan.h"

/* Clone flags as the scap format stores them (the schema's clone flags table). */
#define SCAP_CL_CLONE_FILES 0x1u
#define SCAP_CL_CLONE_THREAD 0x2000u

#define NS_PER_S 1000000000ull

/* What the threads of one process share: read once, from PROC. */
struct proc_common {
	char exe[SCAP_MAX_PATH_SIZE];
	char exepath[SCAP_MAX_PATH_SIZE];
	char args[SCAP_MAX_ARGS_SIZE];
	uint16_t args_len;
	char env[SCAP_MAX_ENV_SIZE];
	uint16_t env_len;
	uint64_t exe_ino, exe_ctime, exe_mtime;
	uid_t exe_uid;
	gid_t exe_gid;
	mode_t exe_mode;
	bool have_exe_stat;
};

struct pidns_init {
	uint64_t ns_ino;          /* inode of the pid namespace */
	uint64_t start_ns;        /* clone_ts of its pid 1 */
};

struct scan {
	struct scap_state_store *s;
	struct scap_sys_scan_stats *st;
	struct scap_netns_cache *netns;   /* NULL: no fds */
	uint64_t boot_ns;
	uint64_t ticks;                   /* clock ticks per second */
	uint64_t *thread_ns;              /* pid namespace inode of each store thread */
	uint32_t thread_ns_cap;
	struct pidns_init *inits;
	uint32_t ninits, cap_inits;
	char v2_ctrls[512];               /* controllers of the cgroup v2 root, space separated */
	bool v2_read;
	struct proc_common pc;
};

ssize_t scap_proc_read_at(int dirfd, const char *name, char *buf, size_t cap)
{
	size_t got = 0;
	ssize_t n;
	int fd;

	if (cap == 0)
		return -EINVAL;
	fd = openat(dirfd, name, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	while (got < cap - 1) {
		n = read(fd, buf + got, cap - 1 - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			n = -errno;
			close(fd);
			buf[got] = '\0';
			return got ? (ssize_t)got : n;
		}
		if (n == 0)
			break;
		got += (size_t)n;
	}
	close(fd);
	buf[got] = '\0';
	return (ssize_t)got;
}

uint64_t scap_proc_boot_ts_ns(void)
{
	struct timespec rt, bt;

	clock_gettime(CLOCK_REALTIME, &rt);
	clock_gettime(CLOCK_BOOTTIME, &bt);
	return ((uint64_t)rt.tv_sec * NS_PER_S + (uint64_t)rt.tv_nsec) -
	       ((uint64_t)bt.tv_sec * NS_PER_S + (uint64_t)bt.tv_nsec);
}

/* readlinkat into @buf (NUL terminated, "" on failure). Return the length or -1. */
static ssize_t link_at(int dirfd, const char *name, char *buf, size_t cap)
{
	ssize_t n = readlinkat(dirfd, name, buf, cap - 1);

	if (n < 0) {
		buf[0] = '\0';
		return -1;
	}
	buf[n] = '\0';
	return n;
}

/* The number after "Key:" on a status line; @base 10 or 16. */
static uint64_t field_u64(const char *p, int base)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return strtoull(p, NULL, base);
}

/* Whitespace separated numbers on @p. */
static int count_cols(const char *p)
{
	int n = 0;
	char *end;

	for (;;) {
		strtoull(p, &end, 10);
		if (end == p)
			return n;
		n++;
		p = end;
	}
}

/* The n-th (0-based) whitespace separated number of @p, or @p's last when n < 0. */
static uint64_t column_u64(const char *p, int n)
{
	uint64_t v = 0;
	char *end;

	for (int i = 0;; i++) {
		uint64_t x;

		while (*p == ' ' || *p == '\t')
			p++;
		x = strtoull(p, &end, 10);
		if (end == p)
			return v;
		v = x;
		if (i == n)
			return v;
		p = end;
	}
}

/* TASK/status. *@levels: pid namespaces the thread is in, as seen from this procfs (1:
 * the procfs's own). Return false when unreadable (the thread is gone). */
static bool read_status(int dirfd, struct scap_threadinfo *t, int *levels)
{
	char buf[4096];
	bool have_nspid = false, have_nstgid = false, have_nspgid = false;
	char *line, *next;

	if (scap_proc_read_at(dirfd, "status", buf, sizeof(buf)) <= 0)
		return false;
	for (line = buf; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
#define KEY(k) (strncmp(line, k, sizeof(k) - 1) == 0 ? line + sizeof(k) - 1 : NULL)
		const char *v;

		if ((v = KEY("Tgid:")))
			t->pid = field_u64(v, 10);
		else if ((v = KEY("PPid:")))
			t->ptid = field_u64(v, 10);
		else if ((v = KEY("Uid:")))
			t->uid = (uint32_t)column_u64(v, 1);
		else if ((v = KEY("Gid:")))
			t->gid = (uint32_t)column_u64(v, 1);
		else if ((v = KEY("NSpid:"))) {
			t->vtid = (int64_t)column_u64(v, -1);
			*levels = count_cols(v);
			have_nspid = true;
		} else if ((v = KEY("NStgid:"))) {
			t->vpid = (int64_t)column_u64(v, -1);
			have_nstgid = true;
		} else if ((v = KEY("NSpgid:"))) {
			t->vpgid = column_u64(v, -1);
			have_nspgid = true;
		} else if ((v = KEY("VmSize:")))
			t->vmsize_kb = (uint32_t)field_u64(v, 10);
		else if ((v = KEY("VmRSS:")))
			t->vmrss_kb = (uint32_t)field_u64(v, 10);
		else if ((v = KEY("VmSwap:")))
			t->vmswap_kb = (uint32_t)field_u64(v, 10);
		else if ((v = KEY("CapInh:")))
			t->cap_inheritable = field_u64(v, 16);
		else if ((v = KEY("CapPrm:")))
			t->cap_permitted = field_u64(v, 16);
		else if ((v = KEY("CapEff:")))
			t->cap_effective = field_u64(v, 16);
#undef KEY
	}
	/* kernels before 4.1 have no NS* lines: the host ids */
	if (!have_nspid) {
		t->vtid = (int64_t)t->tid;
		*levels = 1;
	}
	if (!have_nstgid)
		t->vpid = (int64_t)t->pid;
	(void)have_nspgid;
	return true;
}

/* TASK/stat: pgid, sid, tty, faults, start time. */
static bool read_stat(struct scan *c, int dirfd, struct scap_threadinfo *t)
{
	char buf[1024];
	unsigned long long f[20];
	const char *p;
	char *end;
	int n;

	if (scap_proc_read_at(dirfd, "stat", buf, sizeof(buf)) <= 0)
		return false;
	/* the comm field may hold spaces and parentheses: numbers start after the last ')' */
	p = strrchr(buf, ')');
	if (!p)
		return false;
	p += 2;
	/* skip the state letter: field 3 */
	while (*p && *p != ' ')
		p++;
	/* fields 4..22 */
	for (n = 0; n < 19; n++) {
		f[n] = strtoull(p, &end, 10);
		if (end == p)
			break;
		p = end;
	}
	if (n < 19)
		return false;
	/* f[0] is field 4 (ppid) */
	if (!t->vpgid)
		t->vpgid = f[1];
	t->pgid = f[1];
	t->sid = f[2];
	t->tty = (uint32_t)f[3];
	t->pfminor = f[6];
	t->pfmajor = f[8];
	t->clone_ts_ns = c->boot_ns + f[18] * (NS_PER_S / c->ticks);
	return true;
}

static void read_comm(int dirfd, struct scap_threadinfo *t)
{
	char buf[64];
	ssize_t n = scap_proc_read_at(dirfd, "comm", buf, sizeof(buf));

	if (n > 0 && buf[n - 1] == '\n')
		buf[--n] = '\0';
	snprintf(t->comm, sizeof(t->comm), "%s", n > 0 ? buf : "");
}

static void read_loginuid(int dirfd, struct scap_threadinfo *t)
{
	char buf[32];

	if (scap_proc_read_at(dirfd, "loginuid", buf, sizeof(buf)) > 0)
		t->loginuid = (uint32_t)strtoull(buf, NULL, 10);
	else
		t->loginuid = (uint32_t)-1;
}

/* Append "name=path\0" to t->cgroups; false when it does not fit. */
static bool cgroup_add(struct scap_threadinfo *t, const char *name, size_t nlen,
		       const char *path)
{
	size_t plen = strlen(path), need = nlen + 1 + plen + 1;

	if (t->cgroups_len + need > sizeof(t->cgroups))
		return false;
	memcpy(t->cgroups + t->cgroups_len, name, nlen);
	t->cgroups[t->cgroups_len + nlen] = '=';
	memcpy(t->cgroups + t->cgroups_len + nlen + 1, path, plen + 1);
	t->cgroups_len = (uint16_t)(t->cgroups_len + need);
	return true;
}

static void read_v2_controllers(struct scan *c)
{
	ssize_t n;

	c->v2_read = true;
	n = scap_proc_read_at(AT_FDCWD, "/sys/fs/cgroup/cgroup.controllers", c->v2_ctrls,
			      sizeof(c->v2_ctrls));
	if (n <= 0)
		c->v2_ctrls[0] = '\0';
}

static void read_cgroups(struct scan *c, int dirfd, struct scap_threadinfo *t)
{
	char buf[8192];
	const char *v2path = NULL;
	bool any_v1 = false;
	char *line, *next;

	t->cgroups_len = 0;
	if (scap_proc_read_at(dirfd, "cgroup", buf, sizeof(buf)) <= 0)
		return;
	/* lines "hierarchy-id:controller,controller:path" */
	for (line = buf; line && *line; line = next) {
		char *list, *path, *tok, *save;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		list = strchr(line, ':');
		if (!list)
			continue;
		list++;
		path = strchr(list, ':');
		if (!path)
			continue;
		*path++ = '\0';
		if (!*list) {
			v2path = path;
			continue;
		}
		for (tok = strtok_r(list, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
			any_v1 = true;
			if (!cgroup_add(t, tok, strlen(tok), path))
				return;
		}
	}
	if (any_v1 || !v2path)
		return;
	if (!c->v2_read)
		read_v2_controllers(c);
	for (const char *p = c->v2_ctrls; *p;) {
		size_t len = strcspn(p, " \n");

		if (len && !cgroup_add(t, p, len, v2path))
			return;
		p += len;
		p += strspn(p, " \n");
	}
}

/* PROC/cmdline, environ and exe: what every thread of the process shares. */
static void read_common(int procdir, struct proc_common *pc)
{
	char buf[SCAP_MAX_ARGS_SIZE + 1];
	struct stat sb;
	ssize_t n;
	size_t exe_len;

	memset(pc, 0, offsetof(struct proc_common, args));
	pc->args_len = 0;
	pc->args[0] = '\0';
	pc->env_len = 0;
	pc->env[0] = '\0';
	pc->have_exe_stat = false;
	pc->exe_ino = pc->exe_ctime = pc->exe_mtime = 0;

	n = scap_proc_read_at(procdir, "cmdline", buf, sizeof(buf));
	if (n > 0) {
		/* argv[0], then the arguments, NUL separated; the last one NUL terminated */
		exe_len = strnlen(buf, (size_t)n);
		snprintf(pc->exe, sizeof(pc->exe), "%.*s", (int)exe_len, buf);
		if ((size_t)n > exe_len + 1) {
			size_t alen = (size_t)n - exe_len - 1;

			if (alen > sizeof(pc->args))
				alen = sizeof(pc->args);
			memcpy(pc->args, buf + exe_len + 1, alen);
			pc->args[alen - 1] = '\0';
			pc->args_len = (uint16_t)alen;
		}
	}
	n = scap_proc_read_at(procdir, "environ", pc->env, sizeof(pc->env));
	if (n > 0) {
		pc->env[n - 1] = '\0';
		pc->env_len = (uint16_t)n;
	} else {
		pc->env[0] = '\0';
	}
	link_at(procdir, "exe", pc->exepath, sizeof(pc->exepath));
	if (pc->exepath[0] && fstatat(procdir, "exe", &sb, 0) == 0) {
		pc->have_exe_stat = true;
		pc->exe_ino = sb.st_ino;
		pc->exe_ctime = (uint64_t)sb.st_ctim.tv_sec * NS_PER_S + (uint64_t)sb.st_ctim.tv_nsec;
		pc->exe_mtime = (uint64_t)sb.st_mtim.tv_sec * NS_PER_S + (uint64_t)sb.st_mtim.tv_nsec;
		pc->exe_uid = sb.st_uid;
		pc->exe_gid = sb.st_gid;
		pc->exe_mode = sb.st_mode;
	}
}

static bool exe_writable(const struct proc_common *pc, const struct scap_threadinfo *t)
{
	if (!pc->have_exe_stat)
		return false;
	if (t->uid == 0 || t->uid == pc->exe_uid)
		return true;
	if (t->gid == pc->exe_gid)
		return (pc->exe_mode & S_IWGRP) != 0;
	return (pc->exe_mode & S_IWOTH) != 0;
}

/* A key for the pid namespace of the thread at @dirfd: 1 for the procfs's own namespace
 * (its pid 1 is tid 1; ns links of processes we may not ptrace are unreadable), else the
 * inode of TASK/ns/pid, 0 when unreadable. */
static uint64_t pidns_of(int dirfd, int levels)
{
	struct stat sb;

	if (levels <= 1)
		return 1;
	return fstatat(dirfd, "ns/pid", &sb, 0) == 0 ? sb.st_ino : 0;
}

static int note_thread_ns(struct scan *c, uint32_t idx, uint64_t ns, const struct scap_threadinfo *t)
{
	if (idx >= c->thread_ns_cap) {
		uint32_t ncap = c->thread_ns_cap ? c->thread_ns_cap * 2 : 256;
		uint64_t *p;

		while (ncap <= idx)
			ncap *= 2;
		p = realloc(c->thread_ns, ncap * sizeof(*p));
		if (!p)
			return -ENOMEM;
		c->thread_ns = p;
		c->thread_ns_cap = ncap;
	}
	c->thread_ns[idx] = ns;
	if (ns && t->vtid == 1) {
		if (c->ninits == c->cap_inits) {
			uint32_t ncap = c->cap_inits ? c->cap_inits * 2 : 16;
			struct pidns_init *p = realloc(c->inits, ncap * sizeof(*p));

			if (!p)
				return -ENOMEM;
			c->inits = p;
			c->cap_inits = ncap;
		}
		c->inits[c->ninits].ns_ino = ns;
		c->inits[c->ninits].start_ns = t->clone_ts_ns;
		c->ninits++;
	}
	return 0;
}

/* Read the thread @tid of the process open at @procdir. 0, 1 skipped, -ENOMEM. */
static int scan_thread(struct scan *c, int procdir, int taskdir, uint64_t tid, bool main_thread)
{
	struct scap_state_store *s = c->s;
	struct scap_threadinfo *t;
	struct rlimit rl;
	uint32_t idx;
	int rc, levels = 1;

	t = scap_state_add_thread(s);
	if (!t)
		return -ENOMEM;
	idx = s->nthreads - 1;
	t->tid = tid;
	if (!read_status(taskdir, t, &levels) || !read_stat(c, taskdir, t)) {
		s->nthreads--;      /* gone while read: drop the slot */
		return 1;
	}
	read_comm(taskdir, t);
	memcpy(t->exe, c->pc.exe, sizeof(t->exe));
	memcpy(t->exepath, c->pc.exepath, sizeof(t->exepath));
	memcpy(t->args, c->pc.args, c->pc.args_len);
	t->args_len = c->pc.args_len;
	memcpy(t->env, c->pc.env, c->pc.env_len);
	t->env_len = c->pc.env_len;
	t->exe_ino = c->pc.exe_ino;
	t->exe_ino_ctime = c->pc.exe_ctime;
	t->exe_ino_mtime = c->pc.exe_mtime;
	t->exe_writable = exe_writable(&c->pc, t);
	t->exe_from_memfd = strncmp(t->exepath, "/memfd:", 7) == 0;
	link_at(taskdir, "cwd", t->cwd, sizeof(t->cwd));
	link_at(taskdir, "root", t->root, sizeof(t->root));
	read_loginuid(taskdir, t);
	read_cgroups(c, taskdir, t);
	t->fdlimit = prlimit((pid_t)tid, RLIMIT_NOFILE, NULL, &rl) == 0 ?
		     (rl.rlim_cur == RLIM_INFINITY ? -1 : (int64_t)rl.rlim_cur) : -1;
	t->flags = t->tid == t->pid ? 0 : SCAP_CL_CLONE_THREAD | SCAP_CL_CLONE_FILES;
	rc = note_thread_ns(c, idx, pidns_of(taskdir, levels), t);
	if (rc)
		return rc;
	if (main_thread && c->netns) {
		rc = scap_proc_scan_fds(procdir, t, c->netns);
		if (rc < 0)
			return rc;
		if (c->st)
			c->st->nfds += (uint32_t)rc;
	}
	rc = scap_state_index_thread(s, idx);
	if (rc)
		return rc;
	if (c->st)
		c->st->nthreads++;
	return 0;
}

static bool is_number(const char *name, uint64_t *out)
{
	char *end;

	if (name[0] < '0' || name[0] > '9')
		return false;
	*out = strtoull(name, &end, 10);
	return *end == '\0';
}

/* Every thread of the process whose directory is @procdir. */
static int scan_process(struct scan *c, int procdir, uint64_t pid)
{
	struct dirent *de;
	int taskfd, rc = 0;
	bool any = false;
	DIR *tasks;

	read_common(procdir, &c->pc);
	/* the main thread first, so that it gets the fd table */
	taskfd = openat(procdir, "task", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (taskfd < 0)
		return 1;
	tasks = fdopendir(taskfd);
	if (!tasks) {
		close(taskfd);
		return 1;
	}
	while ((de = readdir(tasks))) {
		uint64_t tid;
		int tfd;

		if (!is_number(de->d_name, &tid))
			continue;
		tfd = openat(taskfd, de->d_name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (tfd < 0) {
			if (c->st)
				c->st->nskipped++;
			continue;
		}
		rc = scan_thread(c, procdir, tfd, tid, tid == pid);
		close(tfd);
		if (rc < 0)
			break;
		if (rc > 0 && c->st)
			c->st->nskipped++;
		if (rc == 0)
			any = true;
		rc = 0;
	}
	closedir(tasks);
	if (rc == 0 && any && c->st)
		c->st->nprocs++;
	return rc < 0 ? rc : (any ? 0 : 1);
}

/* pidns_init_start_ts of every thread scanned, once the namespace inits are known. */
static void fill_pidns_init(struct scan *c, uint32_t first)
{
	for (uint32_t i = first; i < c->s->nthreads; i++) {
		uint64_t ns = c->thread_ns[i];

		if (!ns)
			continue;
		for (uint32_t j = 0; j < c->ninits; j++) {
			if (c->inits[j].ns_ino == ns) {
				c->s->threads[i].pidns_init_start_ts_ns = c->inits[j].start_ns;
				break;
			}
		}
	}
}

int scap_proc_scan_threads(struct scap_state_store *s, const struct scap_sys_scan_opts *o,
			   struct scap_sys_scan_stats *st, char *err)
{
	const char *proc = o && o->proc ? o->proc : "/proc";
	struct scan *c;
	struct timespec t0, t1;
	uint32_t first = s->nthreads;
	struct dirent *de;
	int rc = 0, procfd;
	DIR *d;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	c = calloc(1, sizeof(*c));
	if (!c) {
		snprintf(err, SCAP_ERRBUF_SIZE, "proc scan: out of memory");
		return -ENOMEM;
	}
	c->s = s;
	c->st = st;
	c->boot_ns = scap_proc_boot_ts_ns();
	c->ticks = (uint64_t)sysconf(_SC_CLK_TCK);
	if (!c->ticks)
		c->ticks = 100;
	if (!(o && o->no_fds)) {
		c->netns = scap_netns_cache_new();
		if (!c->netns) {
			free(c);
			snprintf(err, SCAP_ERRBUF_SIZE, "proc scan: out of memory");
			return -ENOMEM;
		}
	}
	procfd = open(proc, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (procfd < 0) {
		rc = -errno;
		snprintf(err, SCAP_ERRBUF_SIZE, "proc scan: open %s: %s", proc, strerror(errno));
		goto out;
	}
	if (o && o->only_pid > 0) {
		char name[32];
		int pfd;

		snprintf(name, sizeof(name), "%" PRId64, o->only_pid);
		pfd = openat(procfd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (pfd < 0 || (rc = scan_process(c, pfd, (uint64_t)o->only_pid)) > 0) {
			rc = -ESRCH;
			snprintf(err, SCAP_ERRBUF_SIZE, "proc scan: no process %s in %s", name, proc);
		}
		if (pfd >= 0)
			close(pfd);
		close(procfd);
		goto out;
	}
	d = fdopendir(procfd);
	if (!d) {
		rc = -errno;
		close(procfd);
		snprintf(err, SCAP_ERRBUF_SIZE, "proc scan: read %s: %s", proc, strerror(-rc));
		goto out;
	}
	while ((de = readdir(d))) {
		uint64_t pid;
		int pfd;

		if (!is_number(de->d_name, &pid))
			continue;
		pfd = openat(procfd, de->d_name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (pfd < 0) {
			if (st)
				st->nskipped++;
			continue;
		}
		rc = scan_process(c, pfd, pid);
		close(pfd);
		if (o && o->progress)
			o->progress(o->progress_ctx);
		if (rc < 0)
			break;
		if (rc > 0 && st)
			st->nskipped++;
		rc = 0;
	}
	closedir(d);
	if (rc < 0)
		snprintf(err, SCAP_ERRBUF_SIZE, "proc scan: out of memory");
out:
	if (rc == 0)
		fill_pidns_init(c, first);
	if (st && c->netns)
		st->nnetns += scap_netns_cache_count(c->netns);
	scap_netns_cache_free(c->netns);
	free(c->thread_ns);
	free(c->inits);
	free(c);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (st)
		st->elapsed_ns += (uint64_t)(t1.tv_sec - t0.tv_sec) * NS_PER_S +
				  (uint64_t)t1.tv_nsec - (uint64_t)t0.tv_nsec;
	return rc;
}

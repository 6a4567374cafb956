/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_proc_scan.c - the live initial state (libscap/proc_scan.h) read from this
 * machine's /proc: a child with known arguments, environment, cwd, fd limit, a second
 * thread and open files, pipes, an eventfd, TCP/UDP/unix sockets is spawned, scanned,
 * and every field is compared with what the test set up. Users and groups come from
 * passwd/group files written by the test.
 *
 * The child is this binary run again as "scan-child --child ...": it keeps the fds it
 * inherited, starts a thread, says it is ready on fd 30 and waits to be killed.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "libscap/proc_scan.h"

#define READY_FD 30
#define FDLIMIT 1000

/* ---- the child ------------------------------------------------------------------ */

static void *child_thread(void *arg)
{
	(void)arg;
	pthread_setname_np(pthread_self(), "scan-worker");
	for (;;)
		pause();
	return NULL;
}

static int child_main(void)
{
	pthread_t th;
	char c = 'r';

	if (pthread_create(&th, NULL, child_thread, NULL) != 0)
		return 1;
	/* the thread names itself: wait until its comm says so */
	for (int i = 0; i < 1000; i++) {
		char name[32] = "";

		if (pthread_getname_np(th, name, sizeof(name)) == 0 &&
		    strcmp(name, "scan-worker") == 0)
			break;
		usleep(1000);
	}
	if (write(READY_FD, &c, 1) != 1)
		return 1;
	for (;;)
		pause();
}

/* ---- the parent's fixture ---------------------------------------------------------- */

static struct fixture {
	char dir[64];              /* the child's cwd (realpath) */
	char exe[PATH_MAX];        /* this binary (realpath) */
	pid_t pid;                 /* the child */
	uint16_t tcp_port, cli_port, udp_port, tcp6_port;
	bool have_v6;
	uint64_t pipe_ino;
	struct stat file_st;
	uint64_t t_fork_ns, t_ready_ns;
} fx;

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static uint16_t local_port(int fd)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);

	ck_assert_int_eq(getsockname(fd, (struct sockaddr *)&ss, &len), 0);
	return ntohs(ss.ss_family == AF_INET6 ? ((struct sockaddr_in6 *)&ss)->sin6_port
					       : ((struct sockaddr_in *)&ss)->sin_port);
}

/* Move @fd to @target in the child (no CLOEXEC). The sources were first lifted above
 * every target (lift()), so no dup2() closes a source still to be placed. */
static void place(int fd, int target)
{
	if (fd < 0 || dup2(fd, target) != target)
		_exit(120);
}

static int lift(int fd)
{
	return fd < 0 ? -1 : fcntl(fd, F_DUPFD, 200);
}

static void spawn_child(void)
{
	struct sockaddr_in sin = { .sin_family = AF_INET };
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	int lst, cli, acc, uds, udp, file, dirfd, efd, lst6 = -1, p[2], ready[2];
	char tmpl[] = "/tmp/procscan_XXXXXX", path[PATH_MAX], c;
	ssize_t n;

	ck_assert_ptr_nonnull(mkdtemp(tmpl));
	ck_assert_ptr_nonnull(realpath(tmpl, path));
	ck_assert_uint_lt(strlen(path), sizeof(fx.dir));
	memcpy(fx.dir, path, strlen(path) + 1);
	n = readlink("/proc/self/exe", fx.exe, sizeof(fx.exe) - 1);
	ck_assert_int_gt(n, 0);
	fx.exe[n] = '\0';

	snprintf(path, sizeof(path), "%s/data.txt", fx.dir);
	file = open(path, O_RDWR | O_CREAT | O_APPEND, 0600);
	ck_assert_int_ge(file, 0);
	ck_assert_int_eq(fstat(file, &fx.file_st), 0);
	dirfd = open(fx.dir, O_RDONLY | O_DIRECTORY);
	ck_assert_int_ge(dirfd, 0);

	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	lst = socket(AF_INET, SOCK_STREAM, 0);
	ck_assert_int_eq(bind(lst, (struct sockaddr *)&sin, sizeof(sin)), 0);
	ck_assert_int_eq(listen(lst, 4), 0);
	fx.tcp_port = local_port(lst);
	cli = socket(AF_INET, SOCK_STREAM, 0);
	sin.sin_port = htons(fx.tcp_port);
	ck_assert_int_eq(connect(cli, (struct sockaddr *)&sin, sizeof(sin)), 0);
	fx.cli_port = local_port(cli);
	acc = accept(lst, NULL, NULL);
	ck_assert_int_ge(acc, 0);

	udp = socket(AF_INET, SOCK_DGRAM, 0);
	sin.sin_port = 0;
	ck_assert_int_eq(bind(udp, (struct sockaddr *)&sin, sizeof(sin)), 0);
	fx.udp_port = local_port(udp);

	lst6 = socket(AF_INET6, SOCK_STREAM, 0);
	if (lst6 >= 0) {
		struct sockaddr_in6 s6 = { .sin6_family = AF_INET6, .sin6_addr = IN6ADDR_LOOPBACK_INIT };

		fx.have_v6 = bind(lst6, (struct sockaddr *)&s6, sizeof(s6)) == 0 &&
			     listen(lst6, 1) == 0;
		if (fx.have_v6)
			fx.tcp6_port = local_port(lst6);
	}

	uds = socket(AF_UNIX, SOCK_STREAM, 0);
	snprintf(sun.sun_path, sizeof(sun.sun_path), "%s/sock", fx.dir);
	ck_assert_int_eq(bind(uds, (struct sockaddr *)&sun, sizeof(sun)), 0);
	ck_assert_int_eq(listen(uds, 1), 0);

	ck_assert_int_eq(pipe(p), 0);
	{
		struct stat sb;

		ck_assert_int_eq(fstat(p[0], &sb), 0);
		fx.pipe_ino = sb.st_ino;
	}
	efd = eventfd(0, 0);
	ck_assert_int_ge(efd, 0);
	ck_assert_int_eq(pipe(ready), 0);

	fx.t_fork_ns = now_ns();
	fx.pid = fork();
	ck_assert_int_ge(fx.pid, 0);
	if (fx.pid == 0) {
		char *argv[] = { "scan-child", "--child", "two words", "x", NULL };
		char *envp[] = { "SCRY_A=1", "SCRY_B=two", NULL };
		struct rlimit rl;

		file = lift(file);
		lst = lift(lst);
		uds = lift(uds);
		p[0] = lift(p[0]);
		p[1] = lift(p[1]);
		efd = lift(efd);
		cli = lift(cli);
		acc = lift(acc);
		dirfd = lift(dirfd);
		udp = lift(udp);
		lst6 = fx.have_v6 ? lift(lst6) : -1;
		ready[1] = lift(ready[1]);
		place(file, 10);
		place(lst, 11);
		place(uds, 12);
		place(p[0], 13);
		place(p[1], 14);
		place(efd, 15);
		place(cli, 16);
		place(acc, 17);
		place(dirfd, 18);
		place(udp, 19);
		if (lst6 >= 0)
			place(lst6, 20);
		else
			close(20);
		place(ready[1], READY_FD);
		/* only 0-2 and the placed fds survive */
		for (int fd = 3; fd < 1024; fd++)
			if ((fd < 10 || fd > 20) && fd != READY_FD)
				close(fd);
		if (chdir(fx.dir) != 0)
			_exit(121);
		getrlimit(RLIMIT_NOFILE, &rl);
		rl.rlim_cur = FDLIMIT;
		if (setrlimit(RLIMIT_NOFILE, &rl) != 0)
			_exit(122);
		execve(fx.exe, argv, envp);
		_exit(123);
	}
	close(ready[1]);
	ck_assert_int_eq(read(ready[0], &c, 1), 1);
	fx.t_ready_ns = now_ns();
	close(ready[0]);
	close(file);
	close(dirfd);
	close(lst);
	close(cli);
	close(acc);
	close(udp);
	close(uds);
	close(p[0]);
	close(p[1]);
	close(efd);
	if (lst6 >= 0)
		close(lst6);
}

static void kill_child(void)
{
	char path[PATH_MAX];

	if (fx.pid > 0) {
		kill(fx.pid, SIGKILL);
		waitpid(fx.pid, NULL, 0);
	}
	snprintf(path, sizeof(path), "%s/data.txt", fx.dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/sock", fx.dir);
	unlink(path);
	rmdir(fx.dir);
}

/* ---- helpers ------------------------------------------------------------------------ */

static const struct scap_fdinfo *fd_of(const struct scap_threadinfo *t, int64_t fd)
{
	for (uint32_t i = 0; i < t->nfds; i++)
		if (t->fds[i].fd == fd)
			return &t->fds[i];
	return NULL;
}

/* A line "Key:\tvalue" of /proc/self/status, as a number in @base. */
static uint64_t self_status(const char *key, int base)
{
	char buf[8192], *p;

	ck_assert_int_gt(scap_proc_read_at(AT_FDCWD, "/proc/self/status", buf, sizeof(buf)), 0);
	p = strstr(buf, key);
	ck_assert_ptr_nonnull(p);
	return strtoull(p + strlen(key), NULL, base);
}

static uint32_t self_tty(void)
{
	char buf[1024];
	unsigned tty = 0;
	char *p;

	ck_assert_int_gt(scap_proc_read_at(AT_FDCWD, "/proc/self/stat", buf, sizeof(buf)), 0);
	p = strrchr(buf, ')');
	ck_assert_int_eq(sscanf(p + 2, "%*c %*d %*d %*d %u", &tty), 1);
	return tty;
}

static uint32_t self_loginuid(void)
{
	char buf[32];

	if (scap_proc_read_at(AT_FDCWD, "/proc/self/loginuid", buf, sizeof(buf)) <= 0)
		return (uint32_t)-1;
	return (uint32_t)strtoull(buf, NULL, 10);
}

/* The cgroups string the child should have: our own v1 hierarchies, one entry per
 * controller; "" when the machine has v2 only (checked separately). */
static size_t expected_cgroups(char *out, size_t cap)
{
	char buf[8192], *line, *next;
	size_t len = 0;

	ck_assert_int_gt(scap_proc_read_at(AT_FDCWD, "/proc/self/cgroup", buf, sizeof(buf)), 0);
	for (line = buf; line && *line; line = next) {
		char *list, *path, *tok, *save;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		list = strchr(line, ':') + 1;
		path = strchr(list, ':');
		*path++ = '\0';
		for (tok = strtok_r(list, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
			len += (size_t)snprintf(out + len, cap - len, "%s=%s", tok, path) + 1;
	}
	return len;
}

static struct scap_state_store store;
static struct scap_sys_scan_stats stats;

static void scan_child(void)
{
	struct scap_sys_scan_opts o = { 0 };
	char err[SCAP_ERRBUF_SIZE] = "";

	memset(&store, 0, sizeof(store));
	memset(&stats, 0, sizeof(stats));
	spawn_child();
	o.only_pid = fx.pid;
	ck_assert_msg(scap_proc_scan_threads(&store, &o, &stats, err) == 0, "%s", err);
}

static void teardown(void)
{
	kill_child();
	scap_state_free(&store);
}

/* ---- the process ----------------------------------------------------------------------- */

START_TEST(test_process_fields)
{
	const struct scap_threadinfo *t;
	char cg[SCAP_MAX_CGROUPS_SIZE];
	size_t cglen;
	struct stat sb;
	uint64_t bnd = self_status("CapBnd:", 16);

	scan_child();
	ck_assert_uint_eq(stats.nprocs, 1);
	ck_assert_uint_eq(stats.nthreads, 2);
	ck_assert_uint_eq(store.nthreads, 2);
	t = scap_state_find_thread(&store, (uint64_t)fx.pid);
	ck_assert_ptr_nonnull(t);
	ck_assert_uint_eq(t->tid, (uint64_t)fx.pid);
	ck_assert_uint_eq(t->pid, (uint64_t)fx.pid);
	ck_assert_uint_eq(t->ptid, (uint64_t)getpid());
	ck_assert_uint_eq(t->sid, (uint64_t)getsid(0));
	ck_assert_uint_eq(t->pgid, (uint64_t)getpgid(0));
	ck_assert_uint_eq(t->vpgid, (uint64_t)getpgid(0));
	ck_assert_int_eq(t->vtid, fx.pid);
	ck_assert_int_eq(t->vpid, fx.pid);
	/* comm: the executable's name (15 bytes at most) */
	ck_assert_str_eq(t->comm, "test_proc_scan");
	ck_assert_str_eq(t->exe, "scan-child");
	ck_assert_str_eq(t->exepath, fx.exe);
	ck_assert_uint_eq(t->args_len, sizeof("--child\0two words\0x"));
	ck_assert_mem_eq(t->args, "--child\0two words\0x", t->args_len);
	ck_assert_uint_eq(t->env_len, sizeof("SCRY_A=1\0SCRY_B=two"));
	ck_assert_mem_eq(t->env, "SCRY_A=1\0SCRY_B=two", t->env_len);
	ck_assert_str_eq(t->cwd, fx.dir);
	ck_assert_str_eq(t->root, "/");
	ck_assert_int_eq(t->fdlimit, FDLIMIT);
	ck_assert_uint_eq(t->flags, 0);
	ck_assert_uint_eq(t->uid, geteuid());
	ck_assert_uint_eq(t->gid, getegid());
	ck_assert_uint_eq(t->loginuid, self_loginuid());
	ck_assert_uint_eq(t->tty, self_tty());
	ck_assert_uint_gt(t->vmsize_kb, 0);
	ck_assert_uint_gt(t->vmrss_kb, 0);
	ck_assert_uint_le(t->vmrss_kb, t->vmsize_kb);
	ck_assert_uint_gt(t->pfminor, 0);
	/* execve as root: permitted and effective become the bounding set */
	if (geteuid() == 0) {
		ck_assert_uint_eq(t->cap_permitted, bnd);
		ck_assert_uint_eq(t->cap_effective, bnd);
	} else {
		ck_assert_uint_eq(t->cap_permitted, 0);
		ck_assert_uint_eq(t->cap_effective, 0);
	}
	ck_assert_uint_eq(t->cap_inheritable, self_status("CapInh:", 16));
	/* start time: clock ticks (10 ms at 100 Hz) after boot */
	ck_assert_uint_ge(t->clone_ts_ns + 20000000ull, fx.t_fork_ns);
	ck_assert_uint_le(t->clone_ts_ns, fx.t_ready_ns + 20000000ull);
	ck_assert_int_eq(stat(fx.exe, &sb), 0);
	ck_assert_uint_eq(t->exe_ino, sb.st_ino);
	ck_assert_uint_eq(t->exe_ino_mtime,
			  (uint64_t)sb.st_mtim.tv_sec * 1000000000ull + (uint64_t)sb.st_mtim.tv_nsec);
	ck_assert_uint_eq(t->exe_ino_ctime,
			  (uint64_t)sb.st_ctim.tv_sec * 1000000000ull + (uint64_t)sb.st_ctim.tv_nsec);
	ck_assert_uint_eq(t->exe_writable, 1);   /* our own build output */
	ck_assert_uint_eq(t->exe_from_memfd, 0);
	cglen = expected_cgroups(cg, sizeof(cg));
	if (cglen) {
		ck_assert_uint_eq(t->cgroups_len, cglen);
		ck_assert_mem_eq(t->cgroups, cg, cglen);
	} else {
		ck_assert_uint_gt(t->cgroups_len, 0);   /* v2 only: one entry per controller */
		ck_assert_ptr_nonnull(strchr(t->cgroups, '='));
	}
	/* no pid 1 of its namespace was scanned */
	ck_assert_uint_eq(t->pidns_init_start_ts_ns, 0);
}
END_TEST

START_TEST(test_second_thread)
{
	const struct scap_threadinfo *m, *t = NULL;

	scan_child();
	m = scap_state_find_thread(&store, (uint64_t)fx.pid);
	for (uint32_t i = 0; i < store.nthreads; i++)
		if (store.threads[i].tid != (uint64_t)fx.pid)
			t = &store.threads[i];
	ck_assert_ptr_nonnull(t);
	ck_assert_ptr_eq(scap_state_find_thread(&store, t->tid), t);
	ck_assert_uint_eq(t->pid, (uint64_t)fx.pid);
	ck_assert_uint_eq(t->ptid, (uint64_t)getpid());
	ck_assert_int_eq(t->vtid, (int64_t)t->tid);
	ck_assert_int_eq(t->vpid, fx.pid);
	ck_assert_str_eq(t->comm, "scan-worker");
	ck_assert_str_eq(t->exe, "scan-child");
	ck_assert_str_eq(t->exepath, fx.exe);
	ck_assert_uint_eq(t->args_len, m->args_len);
	ck_assert_mem_eq(t->args, m->args, m->args_len);
	ck_assert_uint_eq(t->env_len, m->env_len);
	ck_assert_str_eq(t->cwd, fx.dir);
	ck_assert_int_eq(t->fdlimit, FDLIMIT);
	/* threads share the process's fd table: none of their own */
	ck_assert_uint_eq(t->flags, 0x2000u | 0x1u);
	ck_assert_uint_eq(t->nfds, 0);
	ck_assert_uint_eq(t->vmsize_kb, m->vmsize_kb);
	ck_assert_uint_ge(t->clone_ts_ns, m->clone_ts_ns);
}
END_TEST

/* ---- fds ----------------------------------------------------------------------------- */

START_TEST(test_fds_files_pipes_events)
{
	const struct scap_threadinfo *t;
	const struct scap_fdinfo *f;
	char want[PATH_MAX + 16];
	struct stat sb;

	scan_child();
	t = scap_state_find_thread(&store, (uint64_t)fx.pid);
	/* 0-2, 10..19 (20 with IPv6), the ready pipe */
	ck_assert_uint_eq(t->nfds, 3 + 10 + (fx.have_v6 ? 1 : 0) + 1);
	ck_assert_uint_eq(stats.nfds, t->nfds);

	f = fd_of(t, 10);
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(f->type, SCAP_FD_FILE_V2);
	snprintf(want, sizeof(want), "%s/data.txt", fx.dir);
	ck_assert_str_eq(f->name, want);
	ck_assert_uint_eq(f->ino, fx.file_st.st_ino);
	/* O_RDWR | O_APPEND | O_LARGEFILE (64-bit opens) in the schema's encoding */
	ck_assert_uint_eq(f->info.file.open_flags, 0x3u | 0x8u | 0x800u);
	ck_assert_uint_eq(f->info.file.dev,
			  (minor(fx.file_st.st_dev) & 0xff) | (major(fx.file_st.st_dev) << 8) |
			  ((minor(fx.file_st.st_dev) & ~0xffu) << 12));
	ck_assert_uint_gt(f->info.file.mount_id, 0);

	f = fd_of(t, 13);
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(f->type, SCAP_FD_FIFO);
	snprintf(want, sizeof(want), "pipe:[%llu]", (unsigned long long)fx.pipe_ino);
	ck_assert_str_eq(f->name, want);
	ck_assert_uint_eq(f->ino, fx.pipe_ino);
	f = fd_of(t, 14);
	ck_assert_int_eq(f->type, SCAP_FD_FIFO);
	ck_assert_str_eq(f->name, want);

	f = fd_of(t, 15);
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(f->type, SCAP_FD_EVENT);
	ck_assert_str_eq(f->name, "anon_inode:[eventfd]");

	f = fd_of(t, 18);
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(f->type, SCAP_FD_DIRECTORY);
	ck_assert_str_eq(f->name, fx.dir);
	ck_assert_int_eq(stat(fx.dir, &sb), 0);
	ck_assert_uint_eq(f->ino, sb.st_ino);
}
END_TEST

START_TEST(test_fds_sockets)
{
	const uint32_t lo = htonl(INADDR_LOOPBACK);
	const struct scap_threadinfo *t;
	const struct scap_fdinfo *f;
	char want[PATH_MAX + 16];

	scan_child();
	t = scap_state_find_thread(&store, (uint64_t)fx.pid);

	f = fd_of(t, 11);                       /* TCP listener */
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(f->type, SCAP_FD_IPV4_SERVSOCK);
	ck_assert_uint_eq(f->info.ipv4_server.ip, lo);
	ck_assert_uint_eq(f->info.ipv4_server.port, fx.tcp_port);
	ck_assert_uint_eq(f->info.ipv4_server.l4proto, SCAP_L4_TCP);
	ck_assert_uint_gt(f->ino, 0);

	f = fd_of(t, 16);                       /* the connecting side */
	ck_assert_int_eq(f->type, SCAP_FD_IPV4_SOCK);
	ck_assert_uint_eq(f->info.ipv4.sip, lo);
	ck_assert_uint_eq(f->info.ipv4.sport, fx.cli_port);
	ck_assert_uint_eq(f->info.ipv4.dip, lo);
	ck_assert_uint_eq(f->info.ipv4.dport, fx.tcp_port);
	ck_assert_uint_eq(f->info.ipv4.l4proto, SCAP_L4_TCP);

	f = fd_of(t, 17);                       /* the accepted side */
	ck_assert_int_eq(f->type, SCAP_FD_IPV4_SOCK);
	ck_assert_uint_eq(f->info.ipv4.sip, lo);
	ck_assert_uint_eq(f->info.ipv4.sport, fx.tcp_port);
	ck_assert_uint_eq(f->info.ipv4.dip, lo);
	ck_assert_uint_eq(f->info.ipv4.dport, fx.cli_port);

	f = fd_of(t, 19);                       /* unconnected UDP */
	ck_assert_int_eq(f->type, SCAP_FD_IPV4_SERVSOCK);
	ck_assert_uint_eq(f->info.ipv4_server.ip, lo);
	ck_assert_uint_eq(f->info.ipv4_server.port, fx.udp_port);
	ck_assert_uint_eq(f->info.ipv4_server.l4proto, SCAP_L4_UDP);

	f = fd_of(t, 12);                       /* bound unix listener */
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(f->type, SCAP_FD_UNIX_SOCK);
	snprintf(want, sizeof(want), "%s/sock", fx.dir);
	ck_assert_str_eq(f->name, want);
	ck_assert_uint_eq(f->info.unix_sock.dest, 0);

	if (fx.have_v6) {
		static const uint8_t lo6[16] = { [15] = 1 };

		f = fd_of(t, 20);
		ck_assert_ptr_nonnull(f);
		ck_assert_int_eq(f->type, SCAP_FD_IPV6_SERVSOCK);
		ck_assert_mem_eq(f->info.ipv6_server.ip, lo6, 16);
		ck_assert_uint_eq(f->info.ipv6_server.port, fx.tcp6_port);
		ck_assert_uint_eq(f->info.ipv6_server.l4proto, SCAP_L4_TCP);
	}
}
END_TEST

START_TEST(test_no_fds_option)
{
	struct scap_sys_scan_opts o = { .no_fds = true };
	char err[SCAP_ERRBUF_SIZE];

	memset(&store, 0, sizeof(store));
	spawn_child();
	o.only_pid = fx.pid;
	ck_assert_int_eq(scap_proc_scan_threads(&store, &o, NULL, err), 0);
	ck_assert_uint_eq(store.nthreads, 2);
	ck_assert_uint_eq(scap_state_find_thread(&store, (uint64_t)fx.pid)->nfds, 0);
}
END_TEST

START_TEST(test_missing_pid_and_proc)
{
	struct scap_sys_scan_opts o = { .only_pid = INT32_MAX };
	char err[SCAP_ERRBUF_SIZE];

	memset(&store, 0, sizeof(store));
	ck_assert_int_eq(scap_proc_scan_threads(&store, &o, NULL, err), -ESRCH);
	ck_assert_ptr_nonnull(strstr(err, "no process 2147483647"));
	o.only_pid = 0;
	o.proc = "/nonexistent/proc";
	ck_assert_int_eq(scap_proc_scan_threads(&store, &o, NULL, err), -ENOENT);
	ck_assert_ptr_nonnull(strstr(err, "/nonexistent/proc"));
	ck_assert_uint_eq(store.nthreads, 0);
}
END_TEST

/* The whole of /proc: every process, the namespace init's start time, the figure. */
START_TEST(test_full_scan)
{
	char err[SCAP_ERRBUF_SIZE] = "";
	const struct scap_threadinfo *t, *init;

	memset(&store, 0, sizeof(store));
	memset(&stats, 0, sizeof(stats));
	spawn_child();
	ck_assert_msg(scap_sys_scan(&store, NULL, &stats, err) == 0, "%s", err);
	t = scap_state_find_thread(&store, (uint64_t)fx.pid);
	ck_assert_ptr_nonnull(t);
	ck_assert_uint_eq(t->nfds, 3 + 10 + (fx.have_v6 ? 1 : 0) + 1);
	ck_assert_ptr_nonnull(scap_state_find_thread(&store, (uint64_t)getpid()));
	init = scap_state_find_thread(&store, 1);
	if (init) {
		ck_assert_uint_eq(t->pidns_init_start_ts_ns, init->clone_ts_ns);
		ck_assert_uint_eq(init->vtid, 1);
	}
	ck_assert_uint_ge(stats.nprocs, 2);
	ck_assert_uint_ge(stats.nthreads, stats.nprocs);
	ck_assert_uint_eq(store.nthreads, stats.nthreads);
	ck_assert_uint_ge(stats.nnetns, 1);
	ck_assert(store.has_machine);
	ck_assert_uint_eq(store.machine.num_cpus, (uint32_t)sysconf(_SC_NPROCESSORS_ONLN));
	{
		char host[256] = "";

		gethostname(host, sizeof(host) - 1);
		ck_assert_str_eq(store.machine.hostname, host);
	}
	ck_assert_uint_gt(store.machine.max_pid, 0);
	ck_assert_uint_gt(store.machine.memory_size_bytes, 0);
	ck_assert_uint_lt(store.machine.boot_ts_ns, (uint64_t)time(NULL) * 1000000000ull);
	printf("proc scan: %u processes, %u threads, %u fds, %u netns, %u vanished in %.2f ms\n",
	       stats.nprocs, stats.nthreads, stats.nfds, stats.nnetns, stats.nskipped,
	       stats.elapsed_ns / 1e6);
}
END_TEST

/* ---- users, groups, interfaces ------------------------------------------------------- */

START_TEST(test_users_groups)
{
	char dir[] = "/tmp/procscan_etc_XXXXXX", path[128], err[SCAP_ERRBUF_SIZE];
	FILE *f;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/passwd", dir);
	f = fopen(path, "w");
	fputs("root:x:0:0:root:/root:/bin/bash\n"
	      "# a comment\n"
	      "\n"
	      "alice:x:1000:100:Alice,,,:/home/alice:/bin/zsh\n"
	      "nologin:x:65534:65534::/nonexistent\n", f);
	fclose(f);
	snprintf(path, sizeof(path), "%s/group", dir);
	f = fopen(path, "w");
	fputs("root:x:0:\nusers:x:100:alice,bob\n", f);
	fclose(f);

	memset(&store, 0, sizeof(store));
	ck_assert_int_eq(scap_sys_scan_users(&store, dir, err), 0);
	ck_assert_uint_eq(store.nusers, 3);
	ck_assert_str_eq(store.users[0].name, "root");
	ck_assert_uint_eq(store.users[0].uid, 0);
	ck_assert_str_eq(store.users[0].homedir, "/root");
	ck_assert_str_eq(store.users[0].shell, "/bin/bash");
	ck_assert_str_eq(store.users[1].name, "alice");
	ck_assert_uint_eq(store.users[1].uid, 1000);
	ck_assert_uint_eq(store.users[1].gid, 100);
	ck_assert_str_eq(store.users[1].homedir, "/home/alice");
	ck_assert_str_eq(store.users[1].shell, "/bin/zsh");
	ck_assert_str_eq(store.users[2].name, "nologin");
	ck_assert_uint_eq(store.users[2].uid, 65534);
	ck_assert_str_eq(store.users[2].shell, "");
	ck_assert_uint_eq(store.ngroups, 2);
	ck_assert_str_eq(store.groups[1].name, "users");
	ck_assert_uint_eq(store.groups[1].gid, 100);

	unlink(path);
	snprintf(path, sizeof(path), "%s/passwd", dir);
	unlink(path);
	rmdir(dir);
	/* missing files: nothing, no error */
	scap_state_free(&store);
	memset(&store, 0, sizeof(store));
	ck_assert_int_eq(scap_sys_scan_users(&store, "/nonexistent", err), 0);
	ck_assert_uint_eq(store.nusers, 0);
	scap_state_free(&store);
}
END_TEST

START_TEST(test_ifaces)
{
	char err[SCAP_ERRBUF_SIZE];
	bool lo = false;

	memset(&store, 0, sizeof(store));
	ck_assert_int_eq(scap_sys_scan_ifaces(&store, err), 0);
	for (uint32_t i = 0; i < store.nifv4; i++) {
		if (store.ifv4[i].addr == htonl(INADDR_LOOPBACK)) {
			lo = true;
			ck_assert_str_eq(store.ifv4[i].name, "lo");
			ck_assert_uint_eq(store.ifv4[i].netmask, htonl(0xff000000u));
			ck_assert_uint_eq(store.ifv4[i].type, SCAP_II_IPV4);
		}
	}
	ck_assert(lo);
	scap_state_free(&store);
}
END_TEST

static Suite *proc_scan_suite(void)
{
	Suite *s = suite_create("proc_scan");
	TCase *tc = tcase_create("child");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_set_timeout(tc, 0); /* no per-test timeout: ctest bounds a hung suite */
	tcase_add_test(tc, test_process_fields);
	tcase_add_test(tc, test_second_thread);
	tcase_add_test(tc, test_fds_files_pipes_events);
	tcase_add_test(tc, test_fds_sockets);
	tcase_add_test(tc, test_no_fds_option);
	tcase_add_test(tc, test_missing_pid_and_proc);
	tcase_add_test(tc, test_full_scan);
	suite_add_tcase(s, tc);
	tc = tcase_create("system");
	tcase_add_test(tc, test_users_groups);
	tcase_add_test(tc, test_ifaces);
	suite_add_tcase(s, tc);
	return s;
}

int main(int argc, char **argv)
{
	SRunner *sr;
	int failed;

	if (argc > 1 && strcmp(argv[1], "--child") == 0)
		return child_main();
	sr = srunner_create(proc_scan_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_api_state.c - the public state API (sinsp_state.h) on synthetic events fed
 * through the test_input engine: thread, fd and container lookups, their views (every
 * field), iterations and their early stop, the errors, and structs of an older
 * (shorter) layout. Only public headers.
 */
#include <arpa/inet.h>
#include <check.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <scry/scap.h>
#include <scry/sinsp.h>
#include <scry/sinsp_state.h>

#include "evt_builder.h"

#define TID 100
#define TS0 (1000000000ull * 1700000000ull)
#define ID64 "ad64969c62e5596b839d08cf1b05986dabdfa797f02c424ec877f050afc63a8d"
#define ID12 "ad64969c62e5"

struct fixture {
	struct evt_builder eb;
	struct scap_threadinfo threads[4];   /* init(1) <- bash(50) <- node(100, + thread 101) */
	struct scap_fdinfo fds[4];
	struct scap_fdinfo fds50[3];         /* bash's: IPv6 connections (see set_v6_fds()) */
	sinsp_t *s;
	struct sinsp_evt *evt;
};

static struct fixture fx;

#define add_evt(...) eb_add(&fx.eb, __VA_ARGS__)

static void set_thread(struct scap_threadinfo *t, uint64_t tid, uint64_t pid, uint64_t ptid,
		       const char *comm)
{
	t->tid = tid;
	t->pid = pid;
	t->ptid = ptid;
	t->sid = 50;
	t->vpgid = pid;
	t->vtid = t->vpid = -1;
	strcpy(t->comm, comm);
	strcpy(t->exe, comm);
	strcpy(t->cwd, "/root/");
	t->fdlimit = 1024;
	t->uid = t->gid = 0;
	t->loginuid = UINT32_MAX;
}

/* An IPv6 connection of the fd list: the local end first, as the /proc scan records it. */
static void set_v6_sock(struct scap_fdinfo *f, int64_t fd, const char *sip, uint16_t sport,
			const char *dip, uint16_t dport, uint8_t l4)
{
	f->fd = fd;
	f->type = SCAP_FD_IPV6_SOCK;
	ck_assert_int_eq(inet_pton(AF_INET6, sip, f->info.ipv6.sip), 1);
	ck_assert_int_eq(inet_pton(AF_INET6, dip, f->info.ipv6.dip), 1);
	f->info.ipv6.sport = sport;
	f->info.ipv6.dport = dport;
	f->info.ipv6.l4proto = l4;
}

/*
 * bash's fds: the two ends of a TCP connection to node's listener on ::1:8080 (accepted:
 * local port 8080; the client's: local port 51000) and a UDP socket connected to a DNS
 * server, each as the fd list records it.
 */
static void set_v6_fds(struct scap_threadinfo *t)
{
	set_v6_sock(&fx.fds50[0], 3, "::1", 8080, "::1", 51000, SCAP_L4_TCP);
	set_v6_sock(&fx.fds50[1], 4, "::1", 51000, "::1", 8080, SCAP_L4_TCP);
	set_v6_sock(&fx.fds50[2], 5, "2001:db8::5", 40000, "2001:db8::9", 53, SCAP_L4_UDP);
	t->fds = fx.fds50;
	t->nfds = 3;
}

static void open_inspector(void)
{
	static const char args[] = "server.js\0--port\0" "8080";
	static const char env[] = "HOME=/root\0NODE_ENV=production";
	static const char cg[] = "cpu=/docker/" ID64 "\0memory=/docker/" ID64;
	struct scap_threadinfo *t = &fx.threads[2];
	const char *json =
		"{\"container\":{\"id\":\"" ID12 "\",\"image\":\"node:18\",\"imageid\":\"6f7e2741b66b\","
		"\"imagerepo\":\"node\",\"imagetag\":\"18\",\"ip\":\"172.17.0.2\",\"name\":\"web\","
		"\"privileged\":false,\"type\":0,\"Mounts\":[{\"Destination\":\"/data\",\"Mode\":\"z\","
		"\"Propagation\":\"rprivate\",\"RW\":true,\"Source\":\"/srv\"}],"
		"\"labels\":{\"app\":\"web\"}}}";

	set_thread(&fx.threads[0], 1, 1, 0, "init");
	set_thread(&fx.threads[1], 50, 50, 1, "bash");
	set_v6_fds(&fx.threads[1]);
	set_thread(t, TID, TID, 50, "node");
	set_thread(&fx.threads[3], TID + 1, TID, TID, "node");
	strcpy(t->exe, "/usr/bin/node");
	strcpy(t->exepath, "/usr/local/bin/node");
	memcpy(t->args, args, sizeof(args));
	t->args_len = sizeof(args);
	memcpy(t->env, env, sizeof(env));
	t->env_len = sizeof(env);
	memcpy(t->cgroups, cg, sizeof(cg));
	t->cgroups_len = sizeof(cg);
	strcpy(t->cwd, "/app/");
	t->uid = 1000;
	t->gid = 1001;
	t->loginuid = 1002;
	t->tty = 34817;
	t->vtid = t->vpid = 1;
	t->clone_ts_ns = TS0 - 5000;
	t->fdlimit = 65536;
	memcpy(fx.threads[3].cgroups, cg, sizeof(cg));
	fx.threads[3].cgroups_len = sizeof(cg);
	/* fds of node: a file, a connection, a listening v6 socket, a unix socket */
	fx.fds[0].fd = 0;
	fx.fds[0].type = SCAP_FD_FILE_V2;
	fx.fds[0].ino = 42;
	fx.fds[0].info.file.open_flags = 1;
	fx.fds[0].info.file.dev = (8u << 20) | 3;
	strcpy(fx.fds[0].name, "/dev/null");
	fx.fds[1].fd = 3;
	fx.fds[1].type = SCAP_FD_IPV4_SOCK;
	fx.fds[1].info.ipv4.sip = 0x0100000a;   /* 10.0.0.1 */
	fx.fds[1].info.ipv4.dip = 0x0200000a;   /* 10.0.0.2 */
	fx.fds[1].info.ipv4.sport = 40000;
	fx.fds[1].info.ipv4.dport = 5432;
	fx.fds[1].info.ipv4.l4proto = SCAP_L4_TCP;
	strcpy(fx.fds[1].name, "10.0.0.1:40000->10.0.0.2:5432"); /* as the fd list stores it */
	fx.fds[2].fd = 4;
	fx.fds[2].type = SCAP_FD_IPV6_SERVSOCK;
	fx.fds[2].info.ipv6_server.ip[15] = 1;  /* ::1 */
	fx.fds[2].info.ipv6_server.port = 8080;
	fx.fds[2].info.ipv6_server.l4proto = SCAP_L4_TCP;
	fx.fds[3].fd = 5;
	fx.fds[3].type = SCAP_FD_UNIX_SOCK;
	fx.fds[3].info.unix_sock.source = 0x1111;
	fx.fds[3].info.unix_sock.dest = 0x2222;
	strcpy(fx.fds[3].name, "/run/app.sock");
	t->nfds = 4;
	t->fds = fx.fds;
	fx.eb.state.threads = fx.threads;
	fx.eb.state.nthreads = 4;

	add_evt(SCAP_EVT_CONTAINER_JSON_E, 1, PSTR(json));
	/* openat(AT_FDCWD, "/etc/hosts", O_RDONLY) = 7, then read(3) */
	add_evt(SCAP_EVT_SYSCALL_OPENAT_2_E, 4, P64(-100), PSTR("/etc/hosts"), P32(1), P32(0));
	add_evt(SCAP_EVT_SYSCALL_OPENAT_2_X, 6, P64(7), P64(-100), PSTR("/etc/hosts"), P32(1),
		P32(0), P32(0));
	add_evt(SCAP_EVT_SYSCALL_READ_E, 2, P64(3), P32(100));
	/* close(7) */
	add_evt(SCAP_EVT_SYSCALL_CLOSE_E, 1, P64(7));
	add_evt(SCAP_EVT_SYSCALL_CLOSE_X, 1, P64(0));
	fx.s = eb_open(&fx.eb);
}

/* Read n more events; returns the last one. */
static struct sinsp_evt *advance(unsigned n)
{
	while (n--)
		ck_assert_int_eq(sinsp_next(fx.s, &fx.evt), 0);
	return fx.evt;
}

static void setup(void)
{
	memset(&fx, 0, sizeof(fx));
	fx.eb.tid = TID;
	fx.eb.ts0 = TS0;
	fx.eb.ts_step = 1000;
	open_inspector();
}

static void teardown(void)
{
	eb_free(&fx.eb);
}

/* ---- threads --------------------------------------------------------------------------- */

START_TEST(thread_lookup_every_field)
{
	struct sinsp_thread_info t = { .sz = sizeof(t) };

	advance(1);
	ck_assert_int_eq(sinsp_thread_lookup(fx.s, TID, &t), 0);
	ck_assert_uint_eq(t.sz, sizeof(t));
	ck_assert_int_eq(t.tid, TID);
	ck_assert_int_eq(t.pid, TID);
	ck_assert_int_eq(t.ptid, 50);
	ck_assert_int_eq(t.ppid, 50);
	ck_assert_int_eq(t.vtid, 1);
	ck_assert_int_eq(t.vpid, 1);
	ck_assert_int_eq(t.sid, 50);
	ck_assert_int_eq(t.vpgid, TID);
	ck_assert_str_eq(t.comm, "node");
	ck_assert_str_eq(t.exe, "/usr/bin/node");
	ck_assert_str_eq(t.exepath, "/usr/local/bin/node");
	ck_assert_uint_eq(t.args_len, sizeof("server.js\0--port\0" "8080"));
	ck_assert_mem_eq(t.args, "server.js\0--port\0" "8080", t.args_len);
	ck_assert_uint_eq(t.env_len, sizeof("HOME=/root\0NODE_ENV=production"));
	ck_assert_str_eq(t.env, "HOME=/root");
	ck_assert_str_eq(t.env + strlen(t.env) + 1, "NODE_ENV=production");
	ck_assert_str_eq(t.cwd, "/app/");
	ck_assert_uint_eq(t.uid, 1000);
	ck_assert_uint_eq(t.gid, 1001);
	ck_assert_uint_eq(t.loginuid, 1002);
	ck_assert_uint_eq(t.tty, 34817);
	ck_assert_str_eq(t.container_id, ID12);
	ck_assert_str_eq(t.cgroups, "cpu=/docker/" ID64);
	ck_assert_uint_gt(t.cgroups_len, strlen(t.cgroups) + 1);
	ck_assert_uint_eq(t.start_ts, TS0 - 5000);
	ck_assert_uint_eq(t.nthreads, 2);
	ck_assert_int_eq(t.fdlimit, 65536);
	ck_assert(t.is_main);
	ck_assert(!t.placeholder);

	/* a secondary thread: process-wide values come from the main thread */
	ck_assert_int_eq(sinsp_thread_lookup(fx.s, TID + 1, &t), 0);
	ck_assert_int_eq(t.tid, TID + 1);
	ck_assert_int_eq(t.pid, TID);
	ck_assert_int_eq(t.ptid, TID);
	ck_assert_int_eq(t.ppid, 50);
	ck_assert_str_eq(t.cwd, "/app/");
	ck_assert_str_eq(t.env, "HOME=/root");
	ck_assert_uint_eq(t.nthreads, 2);
	ck_assert(!t.is_main);
	ck_assert_uint_eq(t.args_len, 0);
	ck_assert_str_eq(t.args, "");

	ck_assert_int_eq(sinsp_thread_lookup(fx.s, 1, &t), 0);
	ck_assert_str_eq(t.container_id, "host");
	ck_assert_int_eq(t.ppid, 0);
}
END_TEST

START_TEST(thread_lookup_errors_and_old_layout)
{
	struct sinsp_thread_info t = { .sz = sizeof(t) };

	ck_assert_int_eq(sinsp_thread_lookup(fx.s, 4242, &t), -ENOENT);
	ck_assert_int_eq(sinsp_thread_lookup(NULL, TID, &t), -EINVAL);
	ck_assert_int_eq(sinsp_thread_lookup(fx.s, TID, NULL), -EINVAL);
	t.sz = 0;
	ck_assert_int_eq(sinsp_thread_lookup(fx.s, TID, &t), -EINVAL);
	/* a caller built when the struct ended after pid: nothing beyond is written */
	memset(&t, 0x5a, sizeof(t));
	t.sz = offsetof(struct sinsp_thread_info, ptid);
	ck_assert_int_eq(sinsp_thread_lookup(fx.s, TID + 1, &t), 0);
	ck_assert_int_eq(t.tid, TID + 1);
	ck_assert_int_eq(t.pid, TID);
	ck_assert_uint_eq((uint64_t)t.ptid, 0x5a5a5a5a5a5a5a5aull);
}
END_TEST

struct count_ctx {
	int n;
	int64_t tid_sum;
	int stop_after;
};

static int count_thread(const struct sinsp_thread_info *t, void *ctx)
{
	struct count_ctx *c = ctx;

	ck_assert_uint_eq(t->sz, sizeof(*t));
	c->n++;
	c->tid_sum += t->tid;
	return c->stop_after && c->n == c->stop_after ? 77 : 0;
}

START_TEST(thread_iteration)
{
	struct count_ctx c = { 0 };

	advance(1);
	ck_assert_int_eq(sinsp_thread_foreach(fx.s, count_thread, &c), 0);
	ck_assert_int_eq(c.n, 4);
	ck_assert_int_eq(c.tid_sum, 1 + 50 + TID + TID + 1);
	memset(&c, 0, sizeof(c));
	c.stop_after = 2;
	ck_assert_int_eq(sinsp_thread_foreach(fx.s, count_thread, &c), 77);
	ck_assert_int_eq(c.n, 2);
	ck_assert_int_eq(sinsp_thread_foreach(fx.s, NULL, &c), -EINVAL);
	ck_assert_int_eq(sinsp_thread_foreach(NULL, count_thread, &c), -EINVAL);
}
END_TEST

START_TEST(event_thread)
{
	struct sinsp_thread_info t = { .sz = sizeof(t) };

	advance(2);
	ck_assert_int_eq(sinsp_evt_thread(fx.evt, &t), 0);
	ck_assert_int_eq(t.tid, TID);
	ck_assert_str_eq(t.comm, "node");
	ck_assert_int_eq(sinsp_evt_thread(NULL, &t), -EINVAL);
}
END_TEST

/* ---- fds ----------------------------------------------------------------------------- */

START_TEST(fd_lookup_every_type)
{
	struct sinsp_fd_info f = { .sz = sizeof(f) };

	advance(3); /* openat exit: fd 7 */
	ck_assert_int_eq(sinsp_fd_lookup(fx.s, TID, 0, &f), 0);
	ck_assert_int_eq(f.fd, 0);
	ck_assert_int_eq(f.type, SCAP_FD_FILE_V2);
	ck_assert_int_eq(f.typechar, 'f');
	ck_assert_str_eq(f.name, "/dev/null");
	ck_assert_uint_eq(f.open_flags, 1);
	ck_assert_uint_eq(f.ino, 42);
	ck_assert_uint_eq(f.dev, (8u << 20) | 3);

	ck_assert_int_eq(sinsp_fd_lookup(fx.s, TID, 3, &f), 0);
	ck_assert_int_eq(f.type, SCAP_FD_IPV4_SOCK);
	ck_assert_int_eq(f.typechar, '4');
	ck_assert_str_eq(f.name, "10.0.0.1:40000->10.0.0.2:5432");
	ck_assert(!f.ipv6);
	ck_assert_mem_eq(f.src_ip, ((const uint8_t[]){ 10, 0, 0, 1, 0, 0, 0, 0 }), 8);
	ck_assert_mem_eq(f.dst_ip, ((const uint8_t[]){ 10, 0, 0, 2, 0, 0, 0, 0 }), 8);
	ck_assert_uint_eq(f.src_port, 40000);
	ck_assert_uint_eq(f.dst_port, 5432);
	ck_assert_uint_eq(f.l4proto, SCAP_L4_TCP);
	ck_assert_uint_eq(f.open_flags, 0);

	ck_assert_int_eq(sinsp_fd_lookup(fx.s, TID, 4, &f), 0);
	ck_assert_int_eq(f.type, SCAP_FD_IPV6_SERVSOCK);
	ck_assert_int_eq(f.typechar, '6');
	ck_assert(f.ipv6);
	ck_assert(f.is_server);
	ck_assert_uint_eq(f.src_ip[15], 1);
	ck_assert_uint_eq(f.src_port, 8080);
	ck_assert_uint_eq(f.dst_port, 0);

	ck_assert_int_eq(sinsp_fd_lookup(fx.s, TID, 5, &f), 0);
	ck_assert_int_eq(f.type, SCAP_FD_UNIX_SOCK);
	ck_assert_int_eq(f.typechar, 'u');
	ck_assert_uint_eq(f.unix_src, 0x1111);
	ck_assert_uint_eq(f.unix_dst, 0x2222);

	/* the fd the openat created, seen from another thread of the process */
	ck_assert_int_eq(sinsp_fd_lookup(fx.s, TID + 1, 7, &f), 0);
	ck_assert_str_eq(f.name, "/etc/hosts");
	ck_assert_uint_eq(f.open_flags, 1);

	ck_assert_int_eq(sinsp_fd_lookup(fx.s, TID, 99, &f), -ENOENT);
	ck_assert_int_eq(sinsp_fd_lookup(fx.s, 4242, 0, &f), -ENOENT);
	ck_assert_int_eq(sinsp_fd_lookup(fx.s, TID, 0, NULL), -EINVAL);
}
END_TEST

/*
 * IPv6 sockets of the capture-start state get a role and their protocol as IPv4 ones
 * do (departure D10 of docs/DEPARTURES.md: sysdig 0.29.3 gives them none): the end
 * whose local port node listens on is the server's, named client first.
 */
START_TEST(ipv6_sockets_of_the_state_have_roles)
{
	static const uint8_t lo6[16] = { [15] = 1 };
	struct sinsp_fd_info f = { .sz = sizeof(f) };
	uint8_t ip[16];

	advance(1);
	ck_assert_int_eq(sinsp_fd_lookup(fx.s, 50, 3, &f), 0);
	ck_assert_int_eq(f.type, SCAP_FD_IPV6_SOCK);
	ck_assert_str_eq(f.name, "::1:51000->::1:8080");
	ck_assert(f.ipv6);
	ck_assert(f.is_server);
	ck_assert_uint_eq(f.l4proto, SCAP_L4_TCP);
	ck_assert_mem_eq(f.src_ip, lo6, 16);
	ck_assert_uint_eq(f.src_port, 51000);
	ck_assert_mem_eq(f.dst_ip, lo6, 16);
	ck_assert_uint_eq(f.dst_port, 8080);

	ck_assert_int_eq(sinsp_fd_lookup(fx.s, 50, 4, &f), 0);
	ck_assert_str_eq(f.name, "::1:51000->::1:8080");
	ck_assert(!f.is_server);
	ck_assert_uint_eq(f.src_port, 51000);
	ck_assert_uint_eq(f.dst_port, 8080);

	ck_assert_int_eq(sinsp_fd_lookup(fx.s, 50, 5, &f), 0);
	ck_assert_str_eq(f.name, "2001:db8::5:40000->2001:db8::9:53");
	ck_assert(!f.is_server);
	ck_assert_uint_eq(f.l4proto, SCAP_L4_UDP);
	ck_assert_int_eq(inet_pton(AF_INET6, "2001:db8::5", ip), 1);
	ck_assert_mem_eq(f.src_ip, ip, 16);
	ck_assert_uint_eq(f.src_port, 40000);
	ck_assert_uint_eq(f.dst_port, 53);
}
END_TEST

static int count_fd(const struct sinsp_fd_info *f, void *ctx)
{
	struct count_ctx *c = ctx;

	c->n++;
	c->tid_sum += f->fd;
	return 0;
}

START_TEST(fd_iteration_and_event_fd)
{
	struct sinsp_fd_info f = { .sz = sizeof(f) };
	struct count_ctx c = { 0 };

	advance(3);
	ck_assert_int_eq(sinsp_fd_foreach(fx.s, TID, count_fd, &c), 0);
	ck_assert_int_eq(c.n, 5);
	ck_assert_int_eq(c.tid_sum, 0 + 3 + 4 + 5 + 7);
	ck_assert_int_eq(sinsp_evt_fd(fx.evt, &f), 0);
	ck_assert_int_eq(f.fd, 7);
	advance(1); /* read enter of fd 3 */
	ck_assert_int_eq(sinsp_evt_fd(fx.evt, &f), 0);
	ck_assert_int_eq(f.fd, 3);
	ck_assert_uint_eq(f.dst_port, 5432);
	advance(2); /* close exit of fd 7: the fd is there for this event, gone from the table */
	ck_assert_int_eq(sinsp_evt_fd(fx.evt, &f), 0);
	ck_assert_int_eq(f.fd, 7);
	ck_assert_int_eq(sinsp_fd_lookup(fx.s, TID, 7, &f), -ENOENT);
	memset(&c, 0, sizeof(c));
	ck_assert_int_eq(sinsp_fd_foreach(fx.s, TID + 1, count_fd, &c), 0);
	ck_assert_int_eq(c.n, 4);
	ck_assert_int_eq(sinsp_fd_foreach(fx.s, 4242, count_fd, &c), -ENOENT);
	ck_assert_int_eq(sinsp_fd_foreach(fx.s, TID, NULL, &c), -EINVAL);
}
END_TEST

/* ---- containers ------------------------------------------------------------------------ */

START_TEST(container_lookup)
{
	struct sinsp_container_info ci = { .sz = sizeof(ci) };

	advance(1);
	ck_assert_int_eq(sinsp_container_lookup(fx.s, ID12, &ci), 0);
	ck_assert_str_eq(ci.id, ID12);
	ck_assert_int_eq(ci.type, 0);
	ck_assert_str_eq(ci.type_name, "docker");
	ck_assert(ci.has_metadata);
	ck_assert_str_eq(ci.full_id, ID64);
	ck_assert_str_eq(ci.pod_uid, "");
	ck_assert_str_eq(ci.name, "web");
	ck_assert_str_eq(ci.image, "node:18");
	ck_assert_str_eq(ci.image_id, "6f7e2741b66b");
	ck_assert_str_eq(ci.image_repo, "node");
	ck_assert_str_eq(ci.image_tag, "18");
	ck_assert_str_eq(ci.image_digest, "");
	ck_assert(!ci.privileged);
	ck_assert_mem_eq(ci.ip, ((const uint8_t[]){ 172, 17, 0, 2 }), 4);
	ck_assert_uint_eq(ci.nmounts, 1);
	ck_assert_uint_eq(ci.nlabels, 1);
	ck_assert_int_eq(sinsp_container_lookup(fx.s, "host", &ci), -ENOENT);
	ck_assert_int_eq(sinsp_container_lookup(fx.s, "0123456789ab", &ci), -ENOENT);
	ck_assert_int_eq(sinsp_container_lookup(fx.s, NULL, &ci), -EINVAL);
}
END_TEST

static int count_container(const struct sinsp_container_info *ci, void *ctx)
{
	struct count_ctx *c = ctx;

	ck_assert_str_eq(ci->id, ID12);
	c->n++;
	return 0;
}

START_TEST(container_mounts_and_labels)
{
	struct sinsp_container_mount_info m = { .sz = sizeof(m) };
	const char *k, *v;

	advance(1);
	ck_assert_int_eq(sinsp_container_mount_get(fx.s, ID12, 0, &m), 0);
	ck_assert_str_eq(m.source, "/srv");
	ck_assert_str_eq(m.dest, "/data");
	ck_assert_str_eq(m.mode, "z");
	ck_assert(m.rw);
	ck_assert_str_eq(m.propagation, "rprivate");
	ck_assert_int_eq(sinsp_container_mount_get(fx.s, ID12, 1, &m), -ENOENT);
	ck_assert_int_eq(sinsp_container_mount_get(fx.s, "host", 0, &m), -ENOENT);
	ck_assert_int_eq(sinsp_container_mount_get(fx.s, ID12, 0, NULL), -EINVAL);
	ck_assert_int_eq(sinsp_container_label_get(fx.s, ID12, 0, &k, &v), 0);
	ck_assert_str_eq(k, "app");
	ck_assert_str_eq(v, "web");
	ck_assert_int_eq(sinsp_container_label_get(fx.s, ID12, 1, &k, &v), -ENOENT);
	ck_assert_int_eq(sinsp_container_label_get(fx.s, ID12, 0, NULL, &v), -EINVAL);
}
END_TEST

START_TEST(container_iteration)
{
	struct count_ctx c = { 0 };

	advance(1);
	ck_assert_int_eq(sinsp_container_foreach(fx.s, count_container, &c), 0);
	ck_assert_int_eq(c.n, 1);
	ck_assert_int_eq(sinsp_container_foreach(fx.s, NULL, &c), -EINVAL);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("api_state");
	TCase *tc = tcase_create("threads");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, thread_lookup_every_field);
	tcase_add_test(tc, thread_lookup_errors_and_old_layout);
	tcase_add_test(tc, thread_iteration);
	tcase_add_test(tc, event_thread);
	suite_add_tcase(s, tc);
	tc = tcase_create("fds");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, fd_lookup_every_type);
	tcase_add_test(tc, fd_iteration_and_event_fd);
	tcase_add_test(tc, ipv6_sockets_of_the_state_have_roles);
	suite_add_tcase(s, tc);
	tc = tcase_create("containers");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, container_lookup);
	tcase_add_test(tc, container_mounts_and_labels);
	tcase_add_test(tc, container_iteration);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

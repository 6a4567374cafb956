/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_parse_udp.c - datagram socket tuples (parse_net.c, state/fd_tuple.c,
 * state/netif.c) fed with synthetic events: an unbound socket's sends, a reconnect
 * after sends elsewhere, a bound server's peers, IPv4-mapped addresses on IPv6
 * sockets. The machine has lo (127.0.0.1/8, ::1) and eth0 (10.0.0.5/24,
 * 2001:db8::5/64). Where these values depart from sysdig 0.29.3's, the departure
 * (Dn) is listed in docs/DEPARTURES.md and test/departures.json.
 */
#include <arpa/inet.h>
#include <sys/socket.h>
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include <scry/scap.h>
#include <scry/sinsp.h>
#include <scry/sinsp_fields.h>

#include "sinsp_int.h"
#include "parse/parse.h"
#include "evt_builder.h"

#define TID 100

struct fixture {
	struct evt_builder eb;
	struct scap_threadinfo thread;
	struct scap_ifinfo_ipv4 ifv4[2];
	struct scap_ifinfo_ipv6 ifv6[2];
	sinsp_t *s;
	struct sinsp_evt *last;     /* the last event name_after() read */
};

static struct fixture fx;

/* A socket tuple parameter: family, then source ip and port, destination ip and port. */
struct tuple {
	uint8_t b[37];
	uint16_t len;
};

static void put_ip(uint8_t *p, int af, const char *ip)
{
	ck_assert_int_eq(inet_pton(af, ip, p), 1);
}

/* Write ip (IPv6 when it has a ':') and port at p; the bytes written. */
static uint16_t put_end(uint8_t *p, const char *ip, uint16_t port)
{
	uint16_t n = strchr(ip, ':') ? 16 : 4;

	put_ip(p, n == 16 ? AF_INET6 : AF_INET, ip);
	memcpy(p + n, &port, 2);
	return n + 2;
}

static struct tuple tuple(const char *sip, uint16_t sport, const char *dip, uint16_t dport)
{
	struct tuple t = { { 0 }, 1 };

	t.b[0] = strchr(sip, ':') ? SCAP_AF_INET6 : SCAP_AF_INET;
	t.len += put_end(t.b + t.len, sip, sport);
	t.len += put_end(t.b + t.len, dip, dport);
	return t;
}

/* A socket address parameter: family, ip, port. */
static struct tuple sockaddr(const char *ip, uint16_t port)
{
	struct tuple t = { { 0 }, 1 };

	t.b[0] = strchr(ip, ':') ? SCAP_AF_INET6 : SCAP_AF_INET;
	t.len += put_end(t.b + 1, ip, port);
	return t;
}

#define TP(t) PBUF((t).b, (t).len)

static void socket_evt(uint32_t domain, uint32_t type, int64_t fd)
{
	eb_add(&fx.eb, SCAP_EVT_SOCKET_SOCKET_E, 3, P32(domain), P32(type), P32(0));
	eb_add(&fx.eb, SCAP_EVT_SOCKET_SOCKET_X, 1, P64(fd));
}

static void sendto_evt(int64_t fd, struct tuple t)
{
	eb_add(&fx.eb, SCAP_EVT_SOCKET_SENDTO_E, 3, P64(fd), P32(4), TP(t));
	eb_add(&fx.eb, SCAP_EVT_SOCKET_SENDTO_X, 2, P64(4), PBUF("abcd", 4));
}

static void recvfrom_evt(int64_t fd, struct tuple t)
{
	eb_add(&fx.eb, SCAP_EVT_SOCKET_RECVFROM_E, 2, P64(fd), P32(64));
	eb_add(&fx.eb, SCAP_EVT_SOCKET_RECVFROM_X, 3, P64(4), PBUF("abcd", 4), TP(t));
}

static void connect_evt(int64_t fd, struct tuple addr, struct tuple t)
{
	eb_add(&fx.eb, SCAP_EVT_SOCKET_CONNECT_E, 2, P64(fd), TP(addr));
	eb_add(&fx.eb, SCAP_EVT_SOCKET_CONNECT_X, 2, P64(0), TP(t));
}

static void bind_evt(int64_t fd, struct tuple addr)
{
	eb_add(&fx.eb, SCAP_EVT_SOCKET_BIND_E, 1, P64(fd));
	eb_add(&fx.eb, SCAP_EVT_SOCKET_BIND_X, 2, P64(0), TP(addr));
}

static void set_if4(struct scap_ifinfo_ipv4 *i, const char *name, const char *addr, const char *mask)
{
	put_ip((uint8_t *)&i->addr, AF_INET, addr);
	put_ip((uint8_t *)&i->netmask, AF_INET, mask);
	i->type = 1;
	strcpy(i->name, name);
}

static void set_if6(struct scap_ifinfo_ipv6 *i, const char *name, const char *addr)
{
	put_ip(i->addr, AF_INET6, addr);
	i->type = 2;
	strcpy(i->name, name);
}

static void open_inspector(void)
{
	fx.thread.tid = fx.thread.pid = TID;
	fx.thread.ptid = 1;
	strcpy(fx.thread.comm, "test");
	strcpy(fx.thread.exe, "test");
	strcpy(fx.thread.cwd, "/root/");
	fx.thread.fdlimit = 1024;
	set_if4(&fx.ifv4[0], "lo", "127.0.0.1", "255.0.0.0");
	set_if4(&fx.ifv4[1], "eth0", "10.0.0.5", "255.255.255.0");
	set_if6(&fx.ifv6[0], "lo", "::1");
	set_if6(&fx.ifv6[1], "eth0", "2001:db8::5");
	fx.eb.state.threads = &fx.thread;
	fx.eb.state.nthreads = 1;
	fx.eb.state.ifv4 = fx.ifv4;
	fx.eb.state.nifv4 = 2;
	fx.eb.state.ifv6 = fx.ifv6;
	fx.eb.state.nifv6 = 2;
	fx.s = eb_open(&fx.eb);
}

static struct sinsp_fd *fd_of(int64_t fd)
{
	return sinsp_fd_find(sinsp_thread_find(fx.s, TID), fd);
}

/* Read events up to event number n (from 1); fd 3's name after it. */
static const char *name_after(uint64_t n)
{
	struct sinsp_evt *evt = NULL;

	while (fx.s->nevts < n)
		ck_assert_int_eq(sinsp_next(fx.s, &evt), 0);
	if (evt)
		fx.last = evt;
	ck_assert_ptr_nonnull(fd_of(3));
	return fd_of(3)->name;
}

/* fd.cport of the last event read: its value, or -1 when it does not resolve (<NA>). */
static int64_t cport_now(void)
{
	struct sinsp_field *f = NULL;
	struct sinsp_value v = { .sz = sizeof(v) };
	int rc;

	ck_assert_int_eq(sinsp_field_compile(fx.s, "fd.cport", &f), 0);
	rc = sinsp_field_extract_value(f, fx.last, &v);
	sinsp_field_free(f);
	ck_assert_int_ge(rc, 0);
	if (rc == 0)
		return -1;
	ck_assert_int_eq(v.type, SINSP_VALUE_PORT);
	return (int64_t)v.u.u64;
}

static void setup(void)
{
	memset(&fx, 0, sizeof(fx));
	fx.eb.tid = TID;
}

static void teardown(void)
{
	eb_free(&fx.eb);
}

/* ---- unbound sends ------------------------------------------------------------------ */

START_TEST(unbound_send_local_address_from_interfaces)
{
	socket_evt(SCAP_AF_INET, SOCK_DGRAM, 3);                          /* 1, 2 */
	sendto_evt(3, tuple("0.0.0.0", 0, "127.0.0.1", 34569));          /* 3, 4 */
	sendto_evt(3, tuple("0.0.0.0", 0, "10.0.0.7", 53));              /* 5, 6 */
	sendto_evt(3, tuple("0.0.0.0", 0, "8.8.8.8", 53));               /* 7, 8 */
	open_inspector();
	/* lo's subnet holds 127.0.0.1: the datagram leaves from 127.0.0.1 */
	ck_assert_str_eq(name_after(4), "127.0.0.1:0->127.0.0.1:34569");
	ck_assert(fd_of(3)->is_client);
	ck_assert_int_eq(sinsp_fd_l4proto(fd_of(3)), SCAP_L4_UDP);
	/* each datagram names its own peer (D1): eth0's subnet, then the default */
	ck_assert_str_eq(name_after(6), "10.0.0.5:0->10.0.0.7:53");
	ck_assert_str_eq(name_after(8), "10.0.0.5:0->8.8.8.8:53");
	ck_assert_uint_eq(fd_of(3)->addr.v4.dport, 53);
}
END_TEST

START_TEST(unbound_send_ipv6)
{
	socket_evt(SCAP_AF_INET6, SOCK_DGRAM, 3);
	sendto_evt(3, tuple("::", 0, "::1", 34569));                     /* 3, 4 */
	sendto_evt(3, tuple("::", 0, "2001:4860:4860::8888", 53));       /* 5, 6 */
	open_inspector();
	ck_assert_str_eq(name_after(4), "::1:0->::1:34569");
	ck_assert_int_eq(fd_of(3)->type, SCAP_FD_IPV6_SOCK);
	ck_assert_str_eq(name_after(6), "2001:db8::5:0->2001:4860:4860::8888:53");
}
END_TEST

/* ---- reconnect -------------------------------------------------------------------- */

START_TEST(udp_reconnect_after_send_elsewhere)
{
	socket_evt(SCAP_AF_INET6, SOCK_DGRAM, 3);
	sendto_evt(3, tuple("::", 0, "2001:4860:4860::8888", 53));       /* 3, 4 */
	recvfrom_evt(3, tuple("2001:4860:4860::8888", 53, "::", 40000)); /* 5, 6 */
	connect_evt(3, sockaddr("::1", 2345), tuple("::1", 40000, "::1", 2345)); /* 7, 8 */
	sendto_evt(3, tuple("::1", 40000, "::1", 2345));                 /* 9, 10 */
	recvfrom_evt(3, tuple("::1", 2345, "::1", 40000));               /* 11, 12 */
	connect_evt(3, sockaddr("2001:db8::9", 7), tuple("2001:db8::5", 40000, "2001:db8::9", 7));
	sendto_evt(3, tuple("2001:db8::5", 40000, "2001:db8::9", 7));    /* 15, 16 */
	open_inspector();
	ck_assert_str_eq(name_after(4), "2001:db8::5:0->2001:4860:4860::8888:53");
	/* the reply: the client's end first, the port the kernel bound (sysdig: D2) */
	ck_assert_str_eq(name_after(6), "2001:db8::5:40000->2001:4860:4860::8888:53");
	ck_assert(fd_of(3)->is_client);
	ck_assert_str_eq(name_after(8), "::1:40000->::1:2345");
	ck_assert_str_eq(name_after(10), "::1:40000->::1:2345");
	ck_assert_int_eq(fd_of(3)->addr.v6.dport, 2345);
	ck_assert_str_eq(name_after(12), "::1:40000->::1:2345");
	ck_assert(fd_of(3)->is_client);
	ck_assert_str_eq(name_after(16), "2001:db8::5:40000->2001:db8::9:7");
	ck_assert_int_eq(sinsp_fd_l4proto(fd_of(3)), SCAP_L4_UDP);
}
END_TEST

START_TEST(udp_reconnect_ipv4)
{
	socket_evt(SCAP_AF_INET, SOCK_DGRAM, 3);
	sendto_evt(3, tuple("0.0.0.0", 0, "8.8.8.8", 53));               /* 3, 4 */
	connect_evt(3, sockaddr("127.0.0.1", 2345), tuple("127.0.0.1", 40000, "127.0.0.1", 2345));
	sendto_evt(3, tuple("127.0.0.1", 40000, "127.0.0.1", 2345));     /* 7, 8 */
	connect_evt(3, sockaddr("10.0.0.9", 7), tuple("10.0.0.5", 40000, "10.0.0.9", 7)); /* 9, 10 */
	recvfrom_evt(3, tuple("10.0.0.9", 7, "10.0.0.5", 40000));        /* 11, 12 */
	open_inspector();
	ck_assert_str_eq(name_after(4), "10.0.0.5:0->8.8.8.8:53");
	ck_assert_str_eq(name_after(6), "127.0.0.1:40000->127.0.0.1:2345");
	ck_assert_str_eq(name_after(8), "127.0.0.1:40000->127.0.0.1:2345");
	ck_assert_str_eq(name_after(10), "10.0.0.5:40000->10.0.0.9:7");
	ck_assert_str_eq(name_after(12), "10.0.0.5:40000->10.0.0.9:7");
	ck_assert(fd_of(3)->is_client);
}
END_TEST

/* ---- a bound server --------------------------------------------------------------- */

START_TEST(bound_server_names_each_peer)
{
	socket_evt(SCAP_AF_INET, SOCK_DGRAM, 3);
	bind_evt(3, sockaddr("0.0.0.0", 5353));                          /* 3, 4 */
	recvfrom_evt(3, tuple("10.0.0.9", 4000, "0.0.0.0", 5353));       /* 5, 6 */
	sendto_evt(3, tuple("0.0.0.0", 5353, "10.0.0.9", 4000));         /* 7, 8 */
	recvfrom_evt(3, tuple("10.0.0.10", 4001, "0.0.0.0", 5353));      /* 9, 10 */
	open_inspector();
	ck_assert_str_eq(name_after(4), "0.0.0.0:5353");
	ck_assert_int_eq(fd_of(3)->type, SCAP_FD_IPV4_SERVSOCK);
	/* a bound socket has no client: port 0, as sysdig 0.29.3 prints it (not <NA>) */
	ck_assert_int_eq(cport_now(), 0);
	/* client (the peer) first, then the server's end as eth0 has it (sysdig: D2) */
	ck_assert_str_eq(name_after(6), "10.0.0.9:4000->10.0.0.5:5353");
	ck_assert(fd_of(3)->is_server);
	ck_assert_int_eq(cport_now(), 4000);
	ck_assert_str_eq(name_after(8), "10.0.0.9:4000->10.0.0.5:5353");
	ck_assert_str_eq(name_after(10), "10.0.0.10:4001->10.0.0.5:5353");
	ck_assert_int_eq(sinsp_fd_l4proto(fd_of(3)), SCAP_L4_UDP);
}
END_TEST

START_TEST(ipv6_wildcard_server)
{
	socket_evt(SCAP_AF_INET6, SOCK_DGRAM, 3);
	bind_evt(3, sockaddr("::", 5353));                               /* 3, 4 */
	recvfrom_evt(3, tuple("2001:db8::9", 4000, "::", 5353));         /* 5, 6 */
	sendto_evt(3, tuple("::", 5353, "2001:db8::9", 4000));           /* 7, 8 */
	open_inspector();
	/* :: is no IPv4-mapped address: the socket stays IPv6 (D6) */
	ck_assert_str_eq(name_after(4), ":::5353");
	ck_assert_int_eq(fd_of(3)->type, SCAP_FD_IPV6_SERVSOCK);
	ck_assert_int_eq(sinsp_fd_typechar(fd_of(3)), '6');
	ck_assert_str_eq(name_after(6), "2001:db8::9:4000->2001:db8::5:5353");
	ck_assert_int_eq(sinsp_fd_l4proto(fd_of(3)), SCAP_L4_UDP);
	ck_assert_str_eq(name_after(8), "2001:db8::9:4000->2001:db8::5:5353");
	ck_assert(fd_of(3)->is_server);
}
END_TEST

/* ---- IPv4-mapped addresses -------------------------------------------------------- */

START_TEST(mapped_tcp_connect_is_ipv4_tcp)
{
	socket_evt(SCAP_AF_INET6, SOCK_STREAM, 3);
	connect_evt(3, sockaddr("::ffff:127.0.0.1", 40841),
		    tuple("::ffff:127.0.0.1", 36720, "::ffff:127.0.0.1", 40841)); /* 3, 4 */
	open_inspector();
	ck_assert_str_eq(name_after(4), "127.0.0.1:36720->127.0.0.1:40841");
	ck_assert_int_eq(fd_of(3)->type, SCAP_FD_IPV4_SOCK);
	ck_assert_int_eq(sinsp_fd_l4proto(fd_of(3)), SCAP_L4_TCP);
	ck_assert_int_eq(sinsp_fd_typechar(fd_of(3)), '4');
	ck_assert_uint_eq(fd_of(3)->addr.v4.sport, 36720);
}
END_TEST

START_TEST(mapped_udp_unbound_send_then_connect)
{
	socket_evt(SCAP_AF_INET6, SOCK_DGRAM, 3);
	/* an unbound dual-stack socket: :: to a mapped address is IPv4 traffic */
	sendto_evt(3, tuple("::", 0, "::ffff:127.0.0.1", 53));           /* 3, 4 */
	connect_evt(3, sockaddr("::ffff:127.0.0.1", 40841),
		    tuple("::ffff:127.0.0.1", 36720, "::ffff:127.0.0.1", 40841)); /* 5, 6 */
	sendto_evt(3, tuple("::ffff:127.0.0.1", 36720, "::ffff:127.0.0.1", 40841));
	open_inspector();
	ck_assert_str_eq(name_after(4), "127.0.0.1:0->127.0.0.1:53");
	ck_assert_int_eq(fd_of(3)->type, SCAP_FD_IPV4_SOCK);
	ck_assert_str_eq(name_after(6), "127.0.0.1:36720->127.0.0.1:40841");
	ck_assert_int_eq(sinsp_fd_l4proto(fd_of(3)), SCAP_L4_UDP);
	ck_assert_str_eq(name_after(8), "127.0.0.1:36720->127.0.0.1:40841");
}
END_TEST

START_TEST(mapped_tuple_text)
{
	struct tuple a = tuple("::", 0, "::ffff:10.1.2.3", 53);
	struct tuple b = tuple("::", 0, "::", 0);
	struct tuple c = tuple("::1", 0, "::ffff:10.1.2.3", 53);
	char *t;

	t = sinsp_tuple_text(a.b, a.len);
	ck_assert_str_eq(t, "0.0.0.0:0->10.1.2.3:53");
	free(t);
	/* nothing mapped: IPv6; a real IPv6 end (::1) with a mapped one: IPv6 too */
	t = sinsp_tuple_text(b.b, b.len);
	ck_assert_str_eq(t, ":::0->:::0");
	free(t);
	t = sinsp_tuple_text(c.b, c.len);
	ck_assert_str_eq(t, "::1:0->::ffff:10.1.2.3:53");
	free(t);
}
END_TEST

static Suite *parse_udp_suite(void)
{
	Suite *s = suite_create("parse_udp");
	TCase *tc = tcase_create("udp");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, unbound_send_local_address_from_interfaces);
	tcase_add_test(tc, unbound_send_ipv6);
	tcase_add_test(tc, udp_reconnect_after_send_elsewhere);
	tcase_add_test(tc, udp_reconnect_ipv4);
	tcase_add_test(tc, bound_server_names_each_peer);
	tcase_add_test(tc, ipv6_wildcard_server);
	suite_add_tcase(s, tc);

	tc = tcase_create("mapped");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, mapped_tcp_connect_is_ipv4_tcp);
	tcase_add_test(tc, mapped_udp_unbound_send_then_connect);
	tcase_add_test(tc, mapped_tuple_text);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(parse_udp_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

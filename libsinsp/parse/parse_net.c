/* SPDX-License-Identifier: Apache-2.0 */
/*
 * parse_net.c - socket state: socket, socketpair, bind, connect, accept/accept4, and
 * the addresses datagram sockets learn from sendto/sendmsg/recvfrom/recvmsg.
 *
 * Socket tuples (SCAP_PT_SOCKTUPLE) are packed as: u8 scap family, then
 *   SCAP_AF_INET:  sip[4] sport[2] dip[4] dport[2]        (13 bytes in all)
 *   SCAP_AF_INET6: sip[16] sport[2] dip[16] dport[2]      (37 bytes)
 *   SCAP_AF_UNIX:  u64 source, u64 dest (kernel socket addresses), path (NUL ended)
 * IPs are in network order, ports in host order. Socket addresses (SCAP_PT_SOCKADDR)
 * are the family then ip and port (7 or 19 bytes), or the unix path.
 *
 * Roles: an fd is a client when the process connected it, a server when it came from
 * accept() or was bound to a port; sysdig reports no L4 protocol for a socket that has
 * no role yet, so the role is part of what fd.l4proto shows.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <scry/scap_bytes.h>

#include "parse/parse.h"
#include "event/param_text.h"
#include "state/netif.h"

#define SCAP_SOCK_STREAM 1
#define SCAP_SOCK_DGRAM 2
#define SCAP_SOCK_RAW 3
#define SCAP_IPPROTO_IP 0
#define SCAP_IPPROTO_ICMP 1
#define SCAP_IPPROTO_TCP 6
#define SCAP_IPPROTO_UDP 17
#define SCAP_IPPROTO_RAW 255

/* ---- socket, socketpair ---------------------------------------------------------- */

static uint8_t l4_of(uint32_t type, uint32_t proto)
{
	switch (proto) {
	case SCAP_IPPROTO_TCP:
		return type == SCAP_SOCK_RAW ? SCAP_L4_RAW : SCAP_L4_TCP;
	case SCAP_IPPROTO_UDP:
		return type == SCAP_SOCK_RAW ? SCAP_L4_RAW : SCAP_L4_UDP;
	case SCAP_IPPROTO_IP:
		/* type may carry SOCK_NONBLOCK/SOCK_CLOEXEC above the low byte */
		if ((type & 0xff) == SCAP_SOCK_STREAM)
			return SCAP_L4_TCP;
		if ((type & 0xff) == SCAP_SOCK_DGRAM)
			return SCAP_L4_UDP;
		return SCAP_L4_UNKNOWN;
	case SCAP_IPPROTO_ICMP:
		return type == SCAP_SOCK_RAW ? SCAP_L4_RAW : SCAP_L4_ICMP;
	case SCAP_IPPROTO_RAW:
		return SCAP_L4_RAW;
	default:
		return SCAP_L4_UNKNOWN;
	}
}

static struct sinsp_fd *add_socket(struct sinsp_evt *evt, int64_t fd, uint32_t domain, uint32_t type,
				   uint32_t proto)
{
	int32_t fd_type;
	struct sinsp_fd *f;

	switch (domain) {
	case SCAP_AF_UNIX: fd_type = SCAP_FD_UNIX_SOCK; break;
	case SCAP_AF_INET: fd_type = SCAP_FD_IPV4_SOCK; break;
	case SCAP_AF_INET6: fd_type = SCAP_FD_IPV6_SOCK; break;
	case SCAP_AF_NETLINK: fd_type = SCAP_FD_NETLINK; break;
	default: fd_type = SCAP_FD_UNKNOWN; break; /* AF_PACKET, ...: kept, type unknown */
	}
	f = sinsp_fd_add(evt->thread, fd, fd_type, "");
	if (!f)
		return NULL;
	if (fd_type == SCAP_FD_IPV4_SOCK || fd_type == SCAP_FD_IPV6_SOCK)
		f->l4proto = l4_of(type, proto);
	evt->fd = f;
	evt->fd_num = fd;
	return f;
}

void sinsp_parse_socket_exit(struct sinsp *s, struct sinsp_evt *evt)
{
	int64_t fd = sinsp_param_s64(evt, 0, -1);
	struct sinsp_enter e;

	(void)s;
	if (fd < 0 || !evt->thread || !sinsp_enter_load(evt, &e))
		return;
	add_socket(evt, fd,
		   (uint32_t)sinsp_param_val_u64(sinsp_enter_pk(&e, SINSP_P_DOMAIN), 0),
		   (uint32_t)sinsp_param_val_u64(sinsp_enter_pk(&e, SINSP_P_TYPE), 0),
		   (uint32_t)sinsp_param_val_u64(sinsp_enter_pk(&e, SINSP_P_PROTO), 0));
}

void sinsp_parse_socketpair_exit(struct sinsp *s, struct sinsp_evt *evt)
{
	const enum sinsp_pkey keys[2] = { SINSP_P_FD1, SINSP_P_FD2 };
	uint64_t src = sinsp_param_val_u64(sinsp_evt_pk(evt, SINSP_P_SOURCE), 0);
	uint64_t dst = sinsp_param_val_u64(sinsp_evt_pk(evt, SINSP_P_PEER), 0);
	int i;

	(void)s;
	if (!evt->thread || sinsp_param_s64(evt, 0, -1) < 0)
		return;
	/* fd1 then fd2: the event's fd is the last one created (fd2), as sysdig reports it */
	for (i = 0; i < 2; i++) {
		int64_t fd = sinsp_param_val_s64(sinsp_evt_pk(evt, keys[i]), -1);
		struct sinsp_fd *f;

		if (fd < 0)
			continue;
		f = sinsp_fd_add(evt->thread, fd, SCAP_FD_UNIX_SOCK, "");
		if (!f)
			continue;
		f->addr.un.src = src;
		f->addr.un.dst = dst;
		evt->fd = f;
		evt->fd_num = fd;
	}
}

/* ---- bind ------------------------------------------------------------------------- */

void sinsp_parse_bind_exit(struct sinsp *s, struct sinsp_evt *evt)
{
	const struct sinsp_param *pa = sinsp_evt_pk(evt, SINSP_P_ADDR);
	struct sinsp_fd *f = evt->fd;
	struct strbuf b = { 0 };
	const uint8_t *p;

	(void)s;
	if (!f || sinsp_param_s64(evt, 0, -1) < 0 || !pa || pa->len == 0)
		return;
	p = pa->val;
	if (p[0] == SCAP_AF_INET && pa->len >= 7) {
		uint16_t port = scap_get_u16(p + 5);

		if (port > 0) {
			f->type = SCAP_FD_IPV4_SERVSOCK;
			f->addr.v4.sip = scap_get_u32(p + 1);
			f->addr.v4.sport = port;
			sinsp_fd_set_role(f, true);
		}
		sinsp_render_ipv4(&b, scap_get_u32(p + 1));
		strbuf_printf(&b, ":%u", port);
	} else if (p[0] == SCAP_AF_INET6 && pa->len >= 19) {
		uint16_t port = scap_get_u16(p + 17);

		if (port > 0) {
			if (sinsp_is_v4_mapped(p + 1)) {
				f->type = SCAP_FD_IPV4_SERVSOCK;
				f->addr.v4.sip = scap_get_u32(p + 13);
				f->addr.v4.sport = port;
			} else {
				f->type = SCAP_FD_IPV6_SERVSOCK;
				memcpy(f->addr.v6.sip, p + 1, 16);
				f->addr.v6.sport = port;
			}
			sinsp_fd_set_role(f, true);
		}
		sinsp_render_ipv6(&b, p + 1);
		strbuf_printf(&b, ":%u", port);
	} else if (p[0] == SCAP_AF_UNIX) {
		sinsp_add_printable(&b, p + 1, pa->len - 1);
	} else {
		strbuf_printf(&b, "family %d", (int)(int8_t)p[0]);
	}
	sinsp_fd_set_name(f, b.buf ? b.buf : strdup(""));
}

/* ---- connect ---------------------------------------------------------------------- */

/*
 * Newer connect enter events carry the destination: it is recorded before the call
 * completes. Older ones (fd only) leave the fd untouched.
 */
void sinsp_parse_connect_enter(struct sinsp *s, struct sinsp_evt *evt)
{
	const struct sinsp_param *pa = sinsp_evt_pk(evt, SINSP_P_ADDR);
	struct sinsp_fd *f = evt->fd;
	const uint8_t *p;

	(void)s;
	if (!f || !pa || pa->len == 0)
		return;
	p = pa->val;
	if (p[0] == SCAP_AF_INET && pa->len >= 7) {
		f->type = SCAP_FD_IPV4_SOCK;
		f->addr.v4.dip = scap_get_u32(p + 1);
		f->addr.v4.dport = scap_get_u16(p + 5);
	} else if (p[0] == SCAP_AF_INET6 && pa->len >= 19) {
		if (sinsp_is_v4_mapped(p + 1)) {
			sinsp_fd_become_v4(f);
			f->addr.v4.dip = scap_get_u32(p + 13);
			f->addr.v4.dport = scap_get_u16(p + 17);
		} else {
			f->type = SCAP_FD_IPV6_SOCK;
			memcpy(f->addr.v6.dip, p + 1, 16);
			f->addr.v6.dport = scap_get_u16(p + 17);
		}
	} else if (p[0] == SCAP_AF_UNIX) {
		/* a unix socket is named after the path it connects to from the enter on */
		struct strbuf b = { 0 };

		sinsp_add_printable(&b, p + 1, pa->len - 1);
		sinsp_fd_set_name(f, b.buf ? b.buf : strdup(""));
	}
}

void sinsp_parse_connect_exit(struct sinsp *s, struct sinsp_evt *evt)
{
	const struct sinsp_param *pt = sinsp_evt_pk(evt, SINSP_P_TUPLE);
	struct sinsp_fd *f = evt->fd;
	int64_t res = sinsp_param_s64(evt, 0, -1);

	(void)s;
	if (!f) {
		/* the newest version names the fd in the exit too: the enter may be lost */
		int64_t fd = sinsp_param_val_s64(sinsp_evt_pk(evt, SINSP_P_FD), -1);

		f = fd >= 0 ? sinsp_fd_find(evt->thread, fd) : NULL;
		if (!f)
			return;
		evt->fd = f;
		evt->fd_num = fd;
	}
	/* a failed connect leaves the fd as it was; one in progress is as good as done */
	if (res < 0 && res != -SCAP_EINPROGRESS)
		return;
	if (!pt || !sinsp_tuple_valid(pt->val, pt->len))
		return;
	if (pt->val[0] == SCAP_AF_UNIX) {
		sinsp_fd_set_tuple(f, pt->val, pt->len);
	} else {
		sinsp_fd_apply_ip_tuple(f, pt->val, true);
		/*
		 * A connected UDP socket is its peer's client from now on, whatever it
		 * was (a server that connects, a socket that sent elsewhere first): the
		 * tuple is local->remote, as the kernel has it after connect().
		 */
		if (sinsp_fd_is_udp(f))
			sinsp_fd_set_role(f, false);
		/* IPv4 names come from the socket state, IPv6 ones from the tuple */
		if (f->type == SCAP_FD_IPV4_SOCK)
			sinsp_fd_name_from_addrs(f);
		else
			sinsp_fd_set_name(f, sinsp_tuple_text(pt->val, pt->len));
	}
	if (!sinsp_fd_has_role(f))
		sinsp_fd_set_role(f, false);
}

/* ---- accept ----------------------------------------------------------------------- */

void sinsp_parse_accept_exit(struct sinsp *s, struct sinsp_evt *evt)
{
	const struct sinsp_param *pt = sinsp_evt_pk(evt, SINSP_P_TUPLE);
	int64_t fd = sinsp_param_s64(evt, 0, -1);
	struct sinsp_fd tmp, *f;

	(void)s;
	if (!evt->thread || fd < 0 || !pt || !sinsp_tuple_valid(pt->val, pt->len))
		return;
	memset(&tmp, 0, sizeof(tmp));
	if (pt->val[0] == SCAP_AF_UNIX) {
		tmp.type = SCAP_FD_UNIX_SOCK;
		tmp.addr.un.src = scap_get_u64(pt->val + 1);
		tmp.addr.un.dst = scap_get_u64(pt->val + 9);
	} else {
		sinsp_fd_apply_ip_tuple(&tmp, pt->val, true);
		tmp.l4proto = SCAP_L4_TCP;
	}
	tmp.name = sinsp_tuple_text(pt->val, pt->len);
	if (!tmp.name)
		return;
	sinsp_fd_set_role(&tmp, true);
	f = sinsp_fd_copy(evt->thread, fd, &tmp);
	free(tmp.name);
	if (f) {
		evt->fd = f;
		evt->fd_num = fd;
	}
}

/* ---- datagrams: sendto/sendmsg/recvfrom/recvmsg ------------------------------------ */

/*
 * sendto on an fd never seen (its socket() came before the capture): sysdig guesses a
 * UDP socket of the tuple's family. Only sendto: sendmsg does not guess.
 */
void sinsp_parse_sendto_enter(struct sinsp *s, struct sinsp_evt *evt)
{
	const struct sinsp_param *pt = sinsp_evt_pk(evt, SINSP_P_TUPLE);
	int64_t fd = sinsp_param_val_s64(sinsp_evt_pk(evt, SINSP_P_FD), -1);

	(void)s;
	if (evt->fd || !evt->thread || fd < 0 || !evt->info || !sinsp_name_is(evt->info->name, "sendto"))
		return;
	if (!pt || pt->len == 0)
		return;
	if (pt->val[0] == SCAP_AF_INET || pt->val[0] == SCAP_AF_INET6)
		add_socket(evt, fd, pt->val[0], SCAP_SOCK_DGRAM, SCAP_IPPROTO_UDP);
}

/*
 * A wildcard local address (0.0.0.0, ::: an unbound or INADDR_ANY-bound socket) as
 * the address the machine exchanges the datagram from (state/netif.h).
 */
static void fill_local(struct sinsp *s, struct sinsp_fd *f, bool local_is_src)
{
	if (f->type == SCAP_FD_IPV4_SOCK) {
		uint32_t *local = local_is_src ? &f->addr.v4.sip : &f->addr.v4.dip;

		if (*local == 0)
			*local = sinsp_local_ipv4_toward(s, local_is_src ? f->addr.v4.dip : f->addr.v4.sip);
	} else {
		static const uint8_t any[16];
		uint8_t *local = local_is_src ? f->addr.v6.sip : f->addr.v6.dip;

		if (memcmp(local, any, 16) == 0)
			sinsp_local_ipv6_toward(s, local_is_src ? f->addr.v6.dip : f->addr.v6.sip, local);
	}
}

/*
 * Apply the tuple of a datagram call to its fd; incoming: a receive. The driver writes
 * a send's tuple local->remote and a receive's remote->local, from the socket as the
 * kernel has it then; each datagram names its own peer, so the fd follows the latest
 * (departure D1: sysdig 0.29.3 keeps the first peer of an unconnected socket). The
 * role: a socket bound to a port, or first seen receiving, serves; one first seen
 * sending is a client. A client is named local->remote, a server remote->local (the
 * client's end first, as for TCP), a wildcard local address as the interface's.
 */
static void datagram_tuple(struct sinsp *s, struct sinsp_evt *evt, const struct sinsp_param *pt,
			   bool incoming)
{
	struct sinsp_fd *f = evt->fd;
	bool bound = f->type == SCAP_FD_IPV4_SERVSOCK || f->type == SCAP_FD_IPV6_SERVSOCK;

	if (!pt || !sinsp_tuple_valid(pt->val, pt->len))
		return;
	if (pt->val[0] == SCAP_AF_UNIX) {
		sinsp_fd_set_tuple(f, pt->val, pt->len);
		return;
	}
	if (bound)
		f->type = f->type == SCAP_FD_IPV4_SERVSOCK ? SCAP_FD_IPV4_SOCK : SCAP_FD_IPV6_SOCK;
	/*
	 * An IPv6 tuple updates the addresses but not the type of a non-IP fd. The same
	 * two ends, either way round, leave the fd as it is (already in its role's order).
	 */
	if (!sinsp_fd_apply_ip_tuple(f, pt->val, false) && !bound)
		return;
	if (!sinsp_fd_is_ip(f)) {
		sinsp_fd_set_name(f, sinsp_tuple_text(pt->val, pt->len));
		return;
	}
	/* datagrams of a socket of unknown protocol: TCP would not carry them, so UDP */
	if (f->l4proto == SCAP_L4_UNKNOWN)
		f->l4proto = SCAP_L4_UDP;
	if (!sinsp_fd_has_role(f))
		sinsp_fd_set_role(f, bound || incoming);
	/* now sip:sport is the local end for a send, the remote end for a receive */
	if (incoming ? f->is_client : f->is_server)
		sinsp_fd_swap_addrs(f);
	fill_local(s, f, f->is_client);
	sinsp_fd_name_from_addrs(f);
}

static bool wants_tuple(const struct sinsp_fd *f)
{
	return f->name[0] == 0 || !sinsp_fd_is_tcp(f);
}

void sinsp_parse_sendto_exit(struct sinsp *s, struct sinsp_evt *evt)
{
	struct sinsp_enter e;

	if (!evt->fd || !evt->thread || sinsp_param_s64(evt, 0, -1) < 0 || !wants_tuple(evt->fd))
		return;
	if (!sinsp_enter_load(evt, &e))
		return;
	datagram_tuple(s, evt, sinsp_enter_pk(&e, SINSP_P_TUPLE), false);
}

void sinsp_parse_recvfrom_exit(struct sinsp *s, struct sinsp_evt *evt)
{
	if (!evt->fd || !evt->thread || sinsp_param_s64(evt, 0, -1) < 0 || !wants_tuple(evt->fd))
		return;
	datagram_tuple(s, evt, sinsp_evt_pk(evt, SINSP_P_TUPLE), true);
}

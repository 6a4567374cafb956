/* SPDX-License-Identifier: Apache-2.0 */
/*
 * state/fd_tuple.c - the addresses, names and L4 protocol of socket fds, from the
 * tuple parameters of the network events (as sysdig 0.29.3 keeps them).
 */
#include <stdlib.h>
#include <string.h>

#include <scry/scap_bytes.h>

#include "event/param_text.h"
#include "state/fdtable.h"

#define TUPLE4_LEN 13u
#define TUPLE6_LEN 37u
#define TUPLE_UNIX_MIN 17u

/* ---- names ------------------------------------------------------------------------ */

/*
 * The name of an IPv4 socket from its own addresses, as sysdig 0.29.3 derives it: with
 * ports for TCP and UDP, without for ICMP and raw sockets, "<unknown>" for any other
 * protocol.
 */
static void add_v4_state_name(struct strbuf *b, const struct sinsp_fd *f)
{
	switch (f->l4proto) {
	case SCAP_L4_TCP:
	case SCAP_L4_UDP:
		sinsp_render_ipv4(b, f->addr.v4.sip);
		strbuf_printf(b, ":%u->", f->addr.v4.sport);
		sinsp_render_ipv4(b, f->addr.v4.dip);
		strbuf_printf(b, ":%u", f->addr.v4.dport);
		break;
	case SCAP_L4_ICMP:
	case SCAP_L4_RAW:
		sinsp_render_ipv4(b, f->addr.v4.sip);
		strbuf_adds(b, "->");
		sinsp_render_ipv4(b, f->addr.v4.dip);
		break;
	default:
		strbuf_adds(b, "<unknown>");
	}
}

/* "sip:sport->dip:dport" from the fd's own addresses (IPv4: see add_v4_state_name()). */
void sinsp_fd_name_from_addrs(struct sinsp_fd *f)
{
	struct strbuf b = { 0 };

	if (f->type == SCAP_FD_IPV4_SOCK) {
		add_v4_state_name(&b, f);
	} else if (f->type == SCAP_FD_IPV6_SOCK) {
		sinsp_render_ipv6(&b, f->addr.v6.sip);
		strbuf_printf(&b, ":%u->", f->addr.v6.sport);
		sinsp_render_ipv6(&b, f->addr.v6.dip);
		strbuf_printf(&b, ":%u", f->addr.v6.dport);
	} else {
		return;
	}
	free(f->name);
	f->name = b.buf ? b.buf : strdup("");
	f->name_len = b.buf ? b.len : 0;
	sinsp_fd_name_changed(f);
}

/* The text of a tuple parameter (valid: family and length checked by the caller). */
char *sinsp_tuple_text(const uint8_t *p, uint32_t len)
{
	struct strbuf b = { 0 };

	sinsp_render_tuple(&b, p, len);
	return b.buf ? b.buf : strdup("");
}

void sinsp_fd_set_name(struct sinsp_fd *f, char *name)
{
	if (!name)
		return;
	free(f->name);
	f->name = name;
	f->name_len = strlen(name);
	sinsp_fd_name_changed(f);
}

/* ---- tuples ----------------------------------------------------------------------- */

bool sinsp_tuple_valid(const uint8_t *p, uint32_t len)
{
	if (!p || len == 0)
		return false;
	switch (p[0]) {
	case SCAP_AF_INET: return len == TUPLE4_LEN;
	case SCAP_AF_INET6: return len == TUPLE6_LEN;
	case SCAP_AF_UNIX: return len >= TUPLE_UNIX_MIN;
	default: return false;
	}
}

/* Set IPv4 addresses; false when they are those already stored, either way round. */
static bool set_v4(struct sinsp_fd *f, uint32_t sip, uint16_t sport, uint32_t dip, uint16_t dport)
{
	if (f->type == SCAP_FD_IPV4_SOCK &&
	    ((sip == f->addr.v4.sip && sport == f->addr.v4.sport &&
	      dip == f->addr.v4.dip && dport == f->addr.v4.dport) ||
	     (dip == f->addr.v4.sip && dport == f->addr.v4.sport &&
	      sip == f->addr.v4.dip && sport == f->addr.v4.dport)))
		return false;
	f->addr.v4.sip = sip;
	f->addr.v4.sport = sport;
	f->addr.v4.dip = dip;
	f->addr.v4.dport = dport;
	return true;
}

static bool set_v6(struct sinsp_fd *f, const uint8_t *sip, uint16_t sport, const uint8_t *dip,
		   uint16_t dport)
{
	if (f->type == SCAP_FD_IPV6_SOCK &&
	    ((!memcmp(sip, f->addr.v6.sip, 16) && sport == f->addr.v6.sport &&
	      !memcmp(dip, f->addr.v6.dip, 16) && dport == f->addr.v6.dport) ||
	     (!memcmp(dip, f->addr.v6.sip, 16) && dport == f->addr.v6.sport &&
	      !memcmp(sip, f->addr.v6.dip, 16) && sport == f->addr.v6.dport)))
		return false;
	memcpy(f->addr.v6.sip, sip, 16);
	f->addr.v6.sport = sport;
	memcpy(f->addr.v6.dip, dip, 16);
	f->addr.v6.dport = dport;
	return true;
}

/*
 * Make f an IPv4 socket: an IPv6 socket whose traffic is IPv4-mapped carries IPv4
 * over the same L4 protocol, which it keeps (departure D3 of docs/DEPARTURES.md:
 * sysdig 0.29.3 loses it, fd.l4proto <NA> and the name "<unknown>").
 */
void sinsp_fd_become_v4(struct sinsp_fd *f)
{
	f->type = SCAP_FD_IPV4_SOCK;
}

/* Addresses of an IP tuple into f, with the type they imply; true when they changed. */
bool sinsp_fd_apply_ip_tuple(struct sinsp_fd *f, const uint8_t *p, bool set_v6_type)
{
	bool changed;

	if (p[0] == SCAP_AF_INET) {
		f->type = SCAP_FD_IPV4_SOCK;
		return set_v4(f, scap_get_u32(p + 1), scap_get_u16(p + 5), scap_get_u32(p + 7), scap_get_u16(p + 11));
	}
	if (sinsp_tuple6_is_v4(p)) {
		sinsp_fd_become_v4(f);
		return set_v4(f, scap_get_u32(p + 13), scap_get_u16(p + 17), scap_get_u32(p + 31), scap_get_u16(p + 35));
	}
	changed = set_v6(f, p + 1, scap_get_u16(p + 17), p + 19, scap_get_u16(p + 35));
	if (set_v6_type)
		f->type = SCAP_FD_IPV6_SOCK;
	return changed;
}

bool sinsp_fd_set_tuple(struct sinsp_fd *f, const uint8_t *p, uint32_t len)
{
	bool changed;

	if (!sinsp_tuple_valid(p, len))
		return false;
	if (p[0] == SCAP_AF_UNIX) {
		f->type = SCAP_FD_UNIX_SOCK;
		changed = f->addr.un.src != scap_get_u64(p + 1) || f->addr.un.dst != scap_get_u64(p + 9);
		f->addr.un.src = scap_get_u64(p + 1);
		f->addr.un.dst = scap_get_u64(p + 9);
	} else {
		changed = sinsp_fd_apply_ip_tuple(f, p, true);
	}
	sinsp_fd_set_name(f, sinsp_tuple_text(p, len));
	return changed;
}

void sinsp_fd_swap_addrs(struct sinsp_fd *f)
{
	if (f->type == SCAP_FD_IPV4_SOCK) {
		uint32_t ip = f->addr.v4.sip;
		uint16_t port = f->addr.v4.sport;

		f->addr.v4.sip = f->addr.v4.dip;
		f->addr.v4.sport = f->addr.v4.dport;
		f->addr.v4.dip = ip;
		f->addr.v4.dport = port;
	} else {
		uint8_t ip[16];
		uint16_t port = f->addr.v6.sport;

		memcpy(ip, f->addr.v6.sip, 16);
		memcpy(f->addr.v6.sip, f->addr.v6.dip, 16);
		f->addr.v6.sport = f->addr.v6.dport;
		memcpy(f->addr.v6.dip, ip, 16);
		f->addr.v6.dport = port;
	}
}

/* Whether port @p is one of the 65536-bit map @ports (NULL: no port is). */
static bool port_listed(const uint64_t *ports, uint16_t p)
{
	return ports && ((ports[p / 64] >> (p % 64)) & 1);
}

/*
 * A socket of the capture-start state (the /proc scan, a capture's fd list), whose
 * record gives its local end as source and its peer as destination, with its L4
 * protocol: an IPv6 socket whose two ends are IPv4-mapped is IPv4; an IPv4 or IPv6
 * socket whose local port is a listening port of the state (@listening) and whose
 * remote port is not is the server's end (role server), kept client first as its
 * events will show it, any other the client's; server sockets get no role (their
 * client address and port are unknown, as in sysdig); the name is
 * "sip:sport->dip:dport", a server socket's "ip:port". sysdig 0.29.3 gives IPv6
 * sockets no role (no protocol shown, the local end first): departure D10 of
 * docs/DEPARTURES.md.
 */
void sinsp_fd_from_state(struct sinsp_fd *f, const uint64_t *listening)
{
	struct strbuf b = { 0 };
	uint16_t sp, dp;
	bool server;

	switch (f->type) {
	case SCAP_FD_IPV6_SOCK:
		if (sinsp_is_v4_mapped(f->addr.v6.sip) && sinsp_is_v4_mapped(f->addr.v6.dip)) {
			uint32_t sip = scap_get_u32(f->addr.v6.sip + 12);
			uint32_t dip = scap_get_u32(f->addr.v6.dip + 12);

			sp = f->addr.v6.sport;
			dp = f->addr.v6.dport;
			memset(&f->addr, 0, sizeof(f->addr));
			sinsp_fd_become_v4(f);
			set_v4(f, sip, sp, dip, dp);
		}
		/* fall through */
	case SCAP_FD_IPV4_SOCK:
		sp = f->type == SCAP_FD_IPV4_SOCK ? f->addr.v4.sport : f->addr.v6.sport;
		dp = f->type == SCAP_FD_IPV4_SOCK ? f->addr.v4.dport : f->addr.v6.dport;
		server = port_listed(listening, sp) && !port_listed(listening, dp);
		if (server)
			sinsp_fd_swap_addrs(f);
		sinsp_fd_set_role(f, server);
		sinsp_fd_name_from_addrs(f);
		return;
	case SCAP_FD_IPV4_SERVSOCK:
		sinsp_render_ipv4(&b, f->addr.v4.sip);
		strbuf_printf(&b, ":%u", f->addr.v4.sport);
		break;
	case SCAP_FD_IPV6_SERVSOCK:
		sinsp_render_ipv6(&b, f->addr.v6.sip);
		strbuf_printf(&b, ":%u", f->addr.v6.sport);
		break;
	default:
		return;
	}
	sinsp_fd_set_name(f, b.buf ? b.buf : strdup(""));
}

/*
 * The L4 protocol sysdig reports for f (fd.l4proto, the letter after '4'/'6' in a
 * rendered fd): a connected-type socket with no role yet (created, not connected,
 * accepted or bound) reports none, raw sockets excepted; the protocol socket()
 * recorded shows from the moment a role is known.
 */
uint8_t sinsp_fd_l4proto(const struct sinsp_fd *f)
{
	switch (f->type) {
	case SCAP_FD_IPV4_SOCK:
	case SCAP_FD_IPV6_SOCK:
		if (f->l4proto == SCAP_L4_RAW)
			return SCAP_L4_RAW;
		return sinsp_fd_has_role(f) ? f->l4proto : SCAP_L4_UNKNOWN;
	case SCAP_FD_IPV4_SERVSOCK:
	case SCAP_FD_IPV6_SERVSOCK:
		return f->l4proto;
	default:
		return SCAP_L4_UNKNOWN;
	}
}

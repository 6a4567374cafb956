/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * fill/net.h - fillers of socket syscalls, shared by the kernel module (included by
 * driver/fill_net.c) and the eBPF probe: socket, socketpair, bind, listen, connect,
 * accept, accept4, sendto, recvfrom, sendmsg, recvmsg, shutdown, setsockopt, getsockopt
 * (getsockname, getpeername, sendmmsg and recvmmsg events have no parameter: fill_none).
 *
 * Address encodings (scap format): a SOCKADDR parameter is the family byte then, for
 * AF_INET, the 4 address bytes in network order and the port as a little-endian u16
 * (7 bytes); for AF_INET6 16 + 2 bytes (19); for AF_UNIX the path, NUL-terminated.
 * A SOCKTUPLE is the family byte then source and destination: AF_INET
 * {saddr, sport, daddr, dport} (13 bytes), AF_INET6 likewise (37), AF_UNIX two u64
 * socket identities then the path (17 + path).
 * A tuple is written from the caller's point of view: outbound (connect, send) is
 * local -> remote, inbound (accept, recv) is remote -> local.
 *
 * What reads kernel sockets is the including side's: scapdrv_put_fd_tuple() (the tuple
 * of a descriptor's socket, see above), scapdrv_sock_backlog() (a listening socket's
 * accept queue) and scapdrv_sock_ids() (the identities of a unix socket and its peer),
 * and SCAPDRV_ADDR_BUF(name), room for an encoded address (ADDR_BUF bytes).
 */
#ifndef SCAPDRV_FILL_NET_H
#define SCAPDRV_FILL_NET_H

#include "fill/common.h"

/* Largest encoded address or tuple: the unix tuple, 17 bytes + a 108-byte path. */
#define ADDR_BUF 128

SCAPDRV_FILLER void scapdrv_fill_socket_e(struct scapdrv_evt *e)
{
	scapdrv_put_u32(e, e->args[0]);       /* AF_* numbers are the format's codes */
	scapdrv_put_u32(e, e->args[1]);
	scapdrv_put_u32(e, e->args[2]);
}

SCAPDRV_FILLER void scapdrv_fill_socket_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
}

/* Encode the user sockaddr at @uaddr (@ulen bytes) into @out. Return: bytes, 0 if none. */
SCAPDRV_HELPER u32 encode_user_sockaddr(struct scapdrv_evt *e, unsigned long uaddr, unsigned long ulen,
				u8 *out)
{
	struct sockaddr_storage ss;
	const struct sockaddr_in *in4 = (const void *)&ss;
	const struct sockaddr_in6 *in6 = (const void *)&ss;
	const struct sockaddr_un *un = (const void *)&ss;
	u32 n;

	if (!uaddr || ulen < sizeof(sa_family_t))
		return 0;
	ulen = min_t(unsigned long, ulen, sizeof(ss));
	memset(&ss, 0, sizeof(ss));
	if (scapdrv_read_user(&ss, (const void __user *)uaddr, ulen)) {
		scapdrv_count_fault(e);
		return 0;
	}
	switch (ss.ss_family) {
	case AF_INET:
		out[0] = AF_INET;
		memcpy(out + 1, &in4->sin_addr.s_addr, 4);
		put_unaligned_le16(ntohs(in4->sin_port), out + 5);
		return 7;
	case AF_INET6:
		out[0] = AF_INET6;
		memcpy(out + 1, &in6->sin6_addr, 16);
		put_unaligned_le16(ntohs(in6->sin6_port), out + 17);
		return 19;
	case AF_UNIX:
		out[0] = AF_UNIX;
		n = strnlen(un->sun_path, min_t(unsigned long, ulen - sizeof(sa_family_t),
						sizeof(un->sun_path)));
		/* An abstract socket starts with NUL: keep its name from the next byte on. */
		if (n == 0 && ulen > sizeof(sa_family_t) + 1) {
			n = strnlen(un->sun_path + 1,
				    min_t(unsigned long, ulen - sizeof(sa_family_t) - 1,
					  sizeof(un->sun_path) - 1));
			memcpy(out + 1, un->sun_path + 1, n);
		} else {
			memcpy(out + 1, un->sun_path, n);
		}
		out[1 + n] = '\0';
		return n + 2;
	default:
		out[0] = ss.ss_family;
		return 1;
	}
}

/* Put an encoded address, or an empty parameter when there is none. */
SCAPDRV_HELPER void put_enc(struct scapdrv_evt *e, const u8 *buf, u32 n)
{
	if (n)
		scapdrv_put_bytes(e, buf, n);
	else
		scapdrv_put_empty(e);
}

/* connect enter: fd, addr. */
SCAPDRV_FILLER void scapdrv_fill_connect_e(struct scapdrv_evt *e)
{
	SCAPDRV_ADDR_BUF(buf);

	scapdrv_put_fd(e, e->args[0]);
	put_enc(e, buf, encode_user_sockaddr(e, e->args[1], e->args[2], buf));
}

/* connect exit: res, tuple (empty when the connection failed). */
SCAPDRV_FILLER void scapdrv_fill_connect_x(struct scapdrv_evt *e)
{
	SCAPDRV_ADDR_BUF(addr);
	u32 na = 0;

	scapdrv_put_res(e);
	if (e->ret == 0 || e->ret == -EINPROGRESS) {
		na = encode_user_sockaddr(e, e->args[1], e->args[2], addr);
		scapdrv_put_fd_tuple(e, (int)e->args[0], false, addr, na);
	} else {
		scapdrv_put_empty(e);
	}
}

/* bind exit: res, addr. */
SCAPDRV_FILLER void scapdrv_fill_bind_x(struct scapdrv_evt *e)
{
	SCAPDRV_ADDR_BUF(buf);

	scapdrv_put_res(e);
	put_enc(e, buf, encode_user_sockaddr(e, e->args[1], e->args[2], buf));
}

/* listen enter: fd, backlog. */
SCAPDRV_FILLER void scapdrv_fill_listen_e(struct scapdrv_evt *e)
{
	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_u32(e, e->args[1]);
}

/* accept/accept4 exit: fd, tuple (remote -> local, of the new socket), queuepct,
 * queuelen, queuemax (the listening socket's accept queue after this accept). */
SCAPDRV_FILLER void scapdrv_fill_accept_x(struct scapdrv_evt *e)
{
	u32 qlen = 0, qmax = 0;

	scapdrv_put_res(e);
	if (e->ret >= 0)
		scapdrv_put_fd_tuple(e, e->ret, true, NULL, 0);
	else
		scapdrv_put_empty(e);
	scapdrv_sock_backlog((int)e->args[0], &qlen, &qmax);
	scapdrv_put_u8(e, qmax ? qlen * 100 / qmax : 0);
	scapdrv_put_u32(e, qlen);
	scapdrv_put_u32(e, qmax);
}

/* accept4 enter: flags (the format stores 0: the flags are not decoded). */
SCAPDRV_FILLER void scapdrv_fill_accept4_e(struct scapdrv_evt *e)
{
	scapdrv_put_u32(e, 0);
}

/* sendto enter: fd, size, tuple (local -> destination, or the connected peer). */
SCAPDRV_FILLER void scapdrv_fill_sendto_e(struct scapdrv_evt *e)
{
	SCAPDRV_ADDR_BUF(addr);
	u32 na;

	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_u32(e, e->args[2]);
	na = encode_user_sockaddr(e, e->args[4], e->args[5], addr);
	scapdrv_put_fd_tuple(e, (int)e->args[0], false, addr, na);
}

/* recvfrom exit: res, data, tuple (source -> local; empty on failure). */
SCAPDRV_FILLER void scapdrv_fill_recvfrom_x(struct scapdrv_evt *e)
{
	SCAPDRV_ADDR_BUF(addr);
	u32 na = 0;

	scapdrv_put_res(e);
	scapdrv_put_user_buf(e, e->args[1], e->ret > 0 ? e->ret : 0);
	if (e->ret < 0) {
		scapdrv_put_empty(e);
		return;
	}
	if (e->args[4] && e->args[5])
		na = encode_user_sockaddr(e, e->args[4], scapdrv_user_u32(e, e->args[5]), addr);
	scapdrv_put_fd_tuple(e, (int)e->args[0], true, addr, na);
}

/* The user msghdr of sendmsg/recvmsg (argument 1); false when unreadable (counted). */
SCAPDRV_HELPER bool read_msghdr(struct scapdrv_evt *e, struct user_msghdr *m)
{
	if (scapdrv_read_user(m, (const void __user *)e->args[1], sizeof(*m))) {
		scapdrv_count_fault(e);
		memset(m, 0, sizeof(*m));
		return false;
	}
	return true;
}

/* sendmsg enter: fd, size (the iovecs' total), tuple (local -> msg_name or the peer). */
SCAPDRV_FILLER void scapdrv_fill_sendmsg_e(struct scapdrv_evt *e)
{
	struct user_msghdr m;
	SCAPDRV_ADDR_BUF(addr);
	u32 na = 0;

	scapdrv_put_fd(e, e->args[0]);
	read_msghdr(e, &m);
	scapdrv_put_u32(e, scapdrv_user_iov_len(e, (unsigned long)m.msg_iov, m.msg_iovlen));
	if (m.msg_name)
		na = encode_user_sockaddr(e, (unsigned long)m.msg_name, m.msg_namelen, addr);
	scapdrv_put_fd_tuple(e, (int)e->args[0], false, addr, na);
}

/* sendmsg exit: res, data (the iovecs' first bytes, up to the snaplen, whatever the
 * result, as the peer driver writes them). */
SCAPDRV_FILLER void scapdrv_fill_sendmsg_x(struct scapdrv_evt *e)
{
	struct user_msghdr m;

	scapdrv_put_res(e);
	read_msghdr(e, &m);
	scapdrv_put_user_iov(e, (unsigned long)m.msg_iov, m.msg_iovlen, e->snaplen);
}

/* recvmsg exit: res, size (scapdrv_iov_read_size()), data (the bytes received, up to
 * the snaplen), tuple (source -> local). */
SCAPDRV_FILLER void scapdrv_fill_recvmsg_x(struct scapdrv_evt *e)
{
	struct user_msghdr m;
	SCAPDRV_ADDR_BUF(addr);
	u32 na = 0;
	u64 total;

	scapdrv_put_res(e);
	read_msghdr(e, &m);
	total = scapdrv_user_iov_len(e, (unsigned long)m.msg_iov, m.msg_iovlen);
	scapdrv_put_u32(e, scapdrv_iov_read_size(total, e->ret));
	scapdrv_put_user_iov(e, (unsigned long)m.msg_iov, m.msg_iovlen, e->ret > 0 ? e->ret : 0);
	if (e->ret < 0) {
		scapdrv_put_empty(e);
		return;
	}
	if (m.msg_name)
		na = encode_user_sockaddr(e, (unsigned long)m.msg_name, m.msg_namelen, addr);
	scapdrv_put_fd_tuple(e, (int)e->args[0], true, addr, na);
}

/* shutdown enter: fd, how (SHUT_* values are the format's). */
SCAPDRV_FILLER void scapdrv_fill_shutdown_e(struct scapdrv_evt *e)
{
	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_u8(e, e->args[1]);
}

/* socketpair exit: res, fd1, fd2, source (the first socket), peer (its peer): the two
 * identities are kernel addresses, as the format carries them. */
SCAPDRV_FILLER void scapdrv_fill_socketpair_x(struct scapdrv_evt *e)
{
	int fds[2] = { -1, -1 };
	u64 sk = 0, peer = 0;

	scapdrv_put_res(e);
	if (e->ret == 0 && scapdrv_read_user(fds, (const void __user *)e->args[3], sizeof(fds))) {
		scapdrv_count_fault(e);
		fds[0] = fds[1] = -1;
	}
	scapdrv_put_u64(e, (s64)fds[0]);
	scapdrv_put_u64(e, (s64)fds[1]);
	if (e->ret == 0)
		scapdrv_sock_ids(fds[0], &sk, &peer);
	scapdrv_put_u64(e, sk);
	scapdrv_put_u64(e, peer);
}

/* Largest option value written raw (an unknown option's bytes). */
#define SOCKOPT_RAW_MAX 64

/* scap code of a SOL_SOCKET option (scap_flags_sockopt_options): the Linux number up to
 * SO_ATTACH_BPF (50), then SO_MEMINFO, SO_COOKIE, SO_PEERGROUPS and the 64-bit time
 * variants of SO_RCVTIMEO/SO_SNDTIMEO; 0 for any other. */
SCAPDRV_HELPER u8 sockopt_code(unsigned long opt)
{
	switch (opt) {
	case 55: return 0x34;             /* SO_MEMINFO */
	case 57: return 0x35;             /* SO_COOKIE */
	case 59: return 0x33;             /* SO_PEERGROUPS */
	case 66: return 0x14;             /* SO_RCVTIMEO_NEW */
	case 67: return 0x15;             /* SO_SNDTIMEO_NEW */
	default: return opt <= 50 ? opt : 0;
	}
}

/* Whether SOL_SOCKET option @code (scap) holds an int. */
SCAPDRV_HELPER bool sockopt_is_int(u8 code)
{
	switch (code) {
	case 0: case 4: case 0xd: case 0x11: case 0x14: case 0x15: case 0x19: case 0x1a:
	case 0x1b: case 0x1c: case 0x1f: case 0x33: case 0x34: case 0x35:
		return false;           /* unknown, SO_ERROR, SO_LINGER, SO_PEERCRED, the
					   timeouts, devices, filters, names, cookies */
	default:
		return true;
	}
}

/*
 * A sockopt's val (DYN, scap_dyn_sockopt): for SOL_SOCKET, SO_ERROR as an errno (the
 * negated int), the timeouts as ns (struct timeval), SO_COOKIE as a u64, int options as
 * a u32; any other option its first bytes, up to SOCKOPT_RAW_MAX, raw. @uval: the
 * user value, @len: its length.
 */
SCAPDRV_HELPER void put_sockopt_val(struct scapdrv_evt *e, bool sol_socket, u8 code,
				    unsigned long uval, u32 len)
{
	u8 b[1 + SOCKOPT_RAW_MAX];
	u64 v[2] = { 0, 0 };
	u64 n;

	__builtin_memset(b, 0, sizeof(b));
	if (sol_socket && code) {
		n = code == 0x14 || code == 0x15 ? 16 : code == 0x35 ? 8 : 4;
		if (len < n) {
			n = 0;                  /* too short for the option: 0 */
		} else if (scapdrv_read_user(v, (const void __user *)uval, n)) {
			scapdrv_count_fault(e);
			v[0] = v[1] = 0;
		}
		if (code == 4) {
			b[0] = SCAP_SOCKOPT_IDX_ERRNO;
			v[0] = (u64)-(s64)(s32)v[0];
		} else if (code == 0x14 || code == 0x15) {
			b[0] = SCAP_SOCKOPT_IDX_TIMEVAL;
			v[0] = v[0] * 1000000000ULL + v[1] * 1000ULL;
		} else if (code == 0x35) {
			b[0] = SCAP_SOCKOPT_IDX_UINT64;
		} else if (sockopt_is_int(code)) {
			b[0] = SCAP_SOCKOPT_IDX_UINT32;
			__builtin_memcpy(&b[1], v, 4);
			scapdrv_put_bytes(e, b, 5);
			return;
		} else {
			goto raw;
		}
		__builtin_memcpy(&b[1], v, 8);
		scapdrv_put_bytes(e, b, 9);
		return;
	}
raw:
	b[0] = SCAP_SOCKOPT_IDX_UNKNOWN;
	n = scapdrv_cut(len, SOCKOPT_RAW_MAX);
	if (n && scapdrv_read_user(&b[1], (const void __user *)uval, n)) {
		scapdrv_count_fault(e);
		n = 0;
	}
	scapdrv_put_bytes(e, b, 1 + n);
}

/*
 * setsockopt/getsockopt exit: res, fd, level (SOL_SOCKET 1, SOL_TCP 2, else 0), optname
 * (scap code; SOL_SOCKET options only, else 0), val, optlen. setsockopt: the value
 * given; getsockopt: the value and length the call returned (empty val on failure).
 */
SCAPDRV_FILLER void scapdrv_fill_sockopt_x(struct scapdrv_evt *e)
{
	bool get = e->type == SCAP_EVT_SOCKET_GETSOCKOPT_X;
	bool sol_socket = e->args[1] == 1;                     /* SOL_SOCKET */
	u8 code = sol_socket ? sockopt_code(e->args[2]) : 0;
	u32 len = get ? scapdrv_user_u32(e, e->args[4]) : (u32)e->args[4];

	scapdrv_put_res(e);
	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_u8(e, sol_socket ? 1 : e->args[1] == 6 ? 2 : 0);  /* IPPROTO_TCP 6 */
	scapdrv_put_u8(e, code);
	if (get && e->ret < 0)
		scapdrv_put_empty(e);
	else
		put_sockopt_val(e, sol_socket, code, e->args[3], len);
	scapdrv_put_u32(e, len);
}

#endif /* SCAPDRV_FILL_NET_H */

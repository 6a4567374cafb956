/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * fill/net.h - fillers of socket syscalls, shared by the kernel module (included by
 * driver/fill_net.c) and the eBPF probe: socket, socketpair, bind, listen, connect,
 * accept, accept4, sendto, recvfrom, sendmsg, recvmsg, shutdown.
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

#endif /* SCAPDRV_FILL_NET_H */

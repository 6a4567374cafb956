// SPDX-License-Identifier: GPL-2.0 OR MIT
/*
 * fill_net.c - fillers of socket syscalls: socket, socketpair, bind, listen, connect,
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
 */
#include <linux/in.h>
#include <linux/in6.h>
#include <linux/net.h>
#include <linux/rcupdate.h>
#include <linux/socket.h>
#include <linux/un.h>
#include <net/af_unix.h>
#include <net/inet_sock.h>
#include <net/ipv6.h>
#include <net/sock.h>

#include "scry.h"
#include "compat/fd.h"
#include "compat/uaccess.h"

/* Largest encoded address or tuple: the unix tuple, 17 bytes + a 108-byte path. */
#define ADDR_BUF 128

/* The peer of a unix socket, read without a reference (the caller only records its
 * address as an identity). */
static struct sock *unix_peer_get_rcu(struct sock *sk)
{
	return READ_ONCE(unix_sk(sk)->peer);
}

void scapdrv_fill_socket_e(struct scapdrv_evt *e)
{
	scapdrv_put_u32(e, e->args[0]);       /* AF_* numbers are the format's codes */
	scapdrv_put_u32(e, e->args[1]);
	scapdrv_put_u32(e, e->args[2]);
}

void scapdrv_fill_socket_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
}

/* Encode the user sockaddr at @uaddr (@ulen bytes) into @out. Return: bytes, 0 if none. */
static u32 encode_user_sockaddr(struct scapdrv_evt *e, unsigned long uaddr, unsigned long ulen,
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
static void put_enc(struct scapdrv_evt *e, const u8 *buf, u32 n)
{
	if (n)
		scapdrv_put_bytes(e, buf, n);
	else
		scapdrv_put_empty(e);
}

/* connect enter: fd, addr. */
void scapdrv_fill_connect_e(struct scapdrv_evt *e)
{
	u8 buf[ADDR_BUF];

	scapdrv_put_fd(e, e->args[0]);
	put_enc(e, buf, encode_user_sockaddr(e, e->args[1], e->args[2], buf));
}

/* The socket behind @fd of the current task, or NULL. Caller: rcu_read_lock() held. */
static struct sock *fd_sock_rcu(long fd)
{
	struct file *f;
	struct socket *sock;

	if (fd < 0)
		return NULL;
	f = scapdrv_fd_file_rcu(fd);
	sock = f ? sock_from_file(f) : NULL;
	return sock ? sock->sk : NULL;
}

/* Copy the path of a bound unix socket address to @out (NUL-terminated): the name
 * of an abstract socket without its leading NUL. Return: bytes written, NUL included. */
static u32 unix_addr_path(const struct unix_address *ua, u8 *out)
{
	const char *p;
	u32 n, max;

	if (!ua || ua->len <= (int)sizeof(sa_family_t)) {
		out[0] = '\0';
		return 1;
	}
	p = ua->name->sun_path;
	max = min_t(u32, ua->len - sizeof(sa_family_t), UNIX_PATH_MAX);
	if (p[0] == '\0' && max > 1) {
		p++;
		max--;
	}
	n = strnlen(p, max);
	memcpy(out, p, n);
	out[n] = '\0';
	return n + 1;
}

/*
 * Encode the tuple of socket @sk into @out. @inbound: remote -> local, else local ->
 * remote. The remote end is @uenc (an encoded user sockaddr of @ulen bytes) when it
 * has the socket's family, else the socket's peer. Return: bytes, 0 for a family
 * without a tuple.
 */
static u32 encode_tuple(struct sock *sk, bool inbound, const u8 *uenc, u32 ulen, u8 *out)
{
	struct inet_sock *inet;
	struct sock *peer;
	const u8 *la, *ra;
	u8 lp[2], rp[2];
	__be32 lip, rip;
	u32 n, alen;

	switch (sk->sk_family) {
	case AF_INET:
		inet = inet_sk(sk);
		lip = inet->inet_saddr ? inet->inet_saddr : inet->inet_rcv_saddr;
		put_unaligned_le16(ntohs(inet->inet_sport), lp);
		if (ulen == 7 && uenc[0] == AF_INET) {
			memcpy(&rip, uenc + 1, 4);
			memcpy(rp, uenc + 5, 2);
		} else {
			rip = inet->inet_daddr;
			put_unaligned_le16(ntohs(inet->inet_dport), rp);
		}
		la = (const u8 *)&lip;
		ra = (const u8 *)&rip;
		alen = 4;
		break;
#if IS_ENABLED(CONFIG_IPV6)
	case AF_INET6:
		inet = inet_sk(sk);
		la = (const u8 *)&sk->sk_v6_rcv_saddr;
		put_unaligned_le16(ntohs(inet->inet_sport), lp);
		if (ulen == 19 && uenc[0] == AF_INET6) {
			ra = uenc + 1;
			memcpy(rp, uenc + 17, 2);
		} else {
			ra = (const u8 *)&sk->sk_v6_daddr;
			put_unaligned_le16(ntohs(inet->inet_dport), rp);
		}
		alen = 16;
		break;
#endif
	case AF_UNIX:
		peer = unix_peer_get_rcu(sk);
		out[0] = AF_UNIX;
		put_unaligned_le64((u64)(unsigned long)(inbound ? peer : sk), out + 1);
		put_unaligned_le64((u64)(unsigned long)(inbound ? sk : peer), out + 9);
		if (ulen > 1 && uenc[0] == AF_UNIX) {
			memcpy(out + 17, uenc + 1, ulen - 1);
			return 17 + ulen - 1;
		}
		n = unix_addr_path(smp_load_acquire(&unix_sk(sk)->addr), out + 17);
		if (n == 1 && peer)
			n = unix_addr_path(smp_load_acquire(&unix_sk(peer)->addr), out + 17);
		return 17 + n;
	default:
		return 0;
	}
	out[0] = sk->sk_family;
	memcpy(out + 1, inbound ? ra : la, alen);
	memcpy(out + 1 + alen, inbound ? rp : lp, 2);
	memcpy(out + 3 + alen, inbound ? la : ra, alen);
	memcpy(out + 3 + 2 * alen, inbound ? lp : rp, 2);
	return 1 + 2 * (alen + 2);
}

/* Put the tuple of socket @fd (see encode_tuple()), empty when @fd is no socket. */
static void put_fd_tuple(struct scapdrv_evt *e, long fd, bool inbound, const u8 *uenc,
			 u32 ulen)
{
	u8 tuple[ADDR_BUF + 24];
	struct sock *sk;
	u32 n = 0;

	rcu_read_lock();
	sk = fd_sock_rcu(fd);
	if (sk)
		n = encode_tuple(sk, inbound, uenc, ulen, tuple);
	rcu_read_unlock();
	put_enc(e, tuple, n);
}

/* connect exit: res, tuple (empty when the connection failed). */
void scapdrv_fill_connect_x(struct scapdrv_evt *e)
{
	u8 addr[ADDR_BUF];
	u32 na = 0;

	scapdrv_put_res(e);
	if (e->ret == 0 || e->ret == -EINPROGRESS) {
		na = encode_user_sockaddr(e, e->args[1], e->args[2], addr);
		put_fd_tuple(e, (int)e->args[0], false, addr, na);
	} else {
		scapdrv_put_empty(e);
	}
}

/* bind exit: res, addr. */
void scapdrv_fill_bind_x(struct scapdrv_evt *e)
{
	u8 buf[ADDR_BUF];

	scapdrv_put_res(e);
	put_enc(e, buf, encode_user_sockaddr(e, e->args[1], e->args[2], buf));
}

/* listen enter: fd, backlog. */
void scapdrv_fill_listen_e(struct scapdrv_evt *e)
{
	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_u32(e, e->args[1]);
}

/* accept/accept4 exit: fd, tuple (remote -> local, of the new socket), queuepct,
 * queuelen, queuemax (the listening socket's accept queue after this accept). */
void scapdrv_fill_accept_x(struct scapdrv_evt *e)
{
	u32 qlen = 0, qmax = 0;
	struct sock *sk;

	scapdrv_put_res(e);
	if (e->ret >= 0)
		put_fd_tuple(e, e->ret, true, NULL, 0);
	else
		scapdrv_put_empty(e);
	rcu_read_lock();
	sk = fd_sock_rcu((int)e->args[0]);
	if (sk) {
		qlen = READ_ONCE(sk->sk_ack_backlog);
		qmax = READ_ONCE(sk->sk_max_ack_backlog);
	}
	rcu_read_unlock();
	scapdrv_put_u8(e, qmax ? qlen * 100 / qmax : 0);
	scapdrv_put_u32(e, qlen);
	scapdrv_put_u32(e, qmax);
}

/* accept4 enter: flags (the format stores 0: the flags are not decoded). */
void scapdrv_fill_accept4_e(struct scapdrv_evt *e)
{
	scapdrv_put_u32(e, 0);
}

/* sendto enter: fd, size, tuple (local -> destination, or the connected peer). */
void scapdrv_fill_sendto_e(struct scapdrv_evt *e)
{
	u8 addr[ADDR_BUF];
	u32 na;

	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_u32(e, e->args[2]);
	na = encode_user_sockaddr(e, e->args[4], e->args[5], addr);
	put_fd_tuple(e, (int)e->args[0], false, addr, na);
}

/* recvfrom exit: res, data, tuple (source -> local; empty on failure). */
void scapdrv_fill_recvfrom_x(struct scapdrv_evt *e)
{
	u8 addr[ADDR_BUF];
	u32 na = 0;

	scapdrv_put_res(e);
	scapdrv_put_user_buf(e, e->args[1], e->ret > 0 ? e->ret : 0);
	if (e->ret < 0) {
		scapdrv_put_empty(e);
		return;
	}
	if (e->args[4] && e->args[5])
		na = encode_user_sockaddr(e, e->args[4], scapdrv_user_u32(e, e->args[5]), addr);
	put_fd_tuple(e, (int)e->args[0], true, addr, na);
}

/* The user msghdr of sendmsg/recvmsg (argument 1); false when unreadable (counted). */
static bool read_msghdr(struct scapdrv_evt *e, struct user_msghdr *m)
{
	if (scapdrv_read_user(m, (const void __user *)e->args[1], sizeof(*m))) {
		scapdrv_count_fault(e);
		memset(m, 0, sizeof(*m));
		return false;
	}
	return true;
}

/* sendmsg enter: fd, size (the iovecs' total), tuple (local -> msg_name or the peer). */
void scapdrv_fill_sendmsg_e(struct scapdrv_evt *e)
{
	struct user_msghdr m;
	u8 addr[ADDR_BUF];
	u32 na = 0;

	scapdrv_put_fd(e, e->args[0]);
	read_msghdr(e, &m);
	scapdrv_put_u32(e, scapdrv_user_iov_len(e, (unsigned long)m.msg_iov, m.msg_iovlen));
	if (m.msg_name)
		na = encode_user_sockaddr(e, (unsigned long)m.msg_name, m.msg_namelen, addr);
	put_fd_tuple(e, (int)e->args[0], false, addr, na);
}

/* sendmsg exit: res, data (the bytes sent, up to the snaplen). */
void scapdrv_fill_sendmsg_x(struct scapdrv_evt *e)
{
	struct user_msghdr m;

	scapdrv_put_res(e);
	read_msghdr(e, &m);
	scapdrv_put_user_iov(e, (unsigned long)m.msg_iov, m.msg_iovlen, e->ret > 0 ? e->ret : 0);
}

/* recvmsg exit: res, size (the iovecs' total), data, tuple (source -> local). */
void scapdrv_fill_recvmsg_x(struct scapdrv_evt *e)
{
	struct user_msghdr m;
	u8 addr[ADDR_BUF];
	u32 na = 0;

	scapdrv_put_res(e);
	read_msghdr(e, &m);
	scapdrv_put_u32(e, scapdrv_user_iov_len(e, (unsigned long)m.msg_iov, m.msg_iovlen));
	scapdrv_put_user_iov(e, (unsigned long)m.msg_iov, m.msg_iovlen, e->ret > 0 ? e->ret : 0);
	if (e->ret < 0) {
		scapdrv_put_empty(e);
		return;
	}
	if (m.msg_name)
		na = encode_user_sockaddr(e, (unsigned long)m.msg_name, m.msg_namelen, addr);
	put_fd_tuple(e, (int)e->args[0], true, addr, na);
}

/* shutdown enter: fd, how (SHUT_* values are the format's). */
void scapdrv_fill_shutdown_e(struct scapdrv_evt *e)
{
	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_u8(e, e->args[1]);
}

/* socketpair exit: res, fd1, fd2, source (the first socket), peer (its peer): the two
 * identities are kernel addresses, as the format carries them. */
void scapdrv_fill_socketpair_x(struct scapdrv_evt *e)
{
	int fds[2] = { -1, -1 };
	struct sock *sk, *peer = NULL;

	scapdrv_put_res(e);
	if (e->ret == 0 && scapdrv_read_user(fds, (const void __user *)e->args[3], sizeof(fds))) {
		scapdrv_count_fault(e);
		fds[0] = fds[1] = -1;
	}
	scapdrv_put_u64(e, (s64)fds[0]);
	scapdrv_put_u64(e, (s64)fds[1]);
	rcu_read_lock();
	sk = e->ret == 0 ? fd_sock_rcu(fds[0]) : NULL;
	if (sk && sk->sk_family == AF_UNIX)
		peer = unix_peer_get_rcu(sk);
	rcu_read_unlock();
	scapdrv_put_u64(e, (u64)(unsigned long)sk);
	scapdrv_put_u64(e, (u64)(unsigned long)peer);
}

// SPDX-License-Identifier: GPL-2.0 OR MIT
/*
 * fill_net.c - the module's fillers of socket syscalls: those of fill/net.h (shared
 * with the eBPF probe), on the kernel primitives they need here: the tuple of a
 * descriptor's socket, a listening socket's accept queue, a unix socket's identity.
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

static void scapdrv_put_fd_tuple(struct scapdrv_evt *e, long fd, bool inbound,
				 const u8 *uenc, u32 ulen);
static void scapdrv_sock_backlog(long fd, u32 *qlen, u32 *qmax);
static void scapdrv_sock_ids(long fd, u64 *sk_id, u64 *peer_id);
#define SCAPDRV_ADDR_BUF(name) u8 name[ADDR_BUF]

#include "fill/net.h"

/* The peer of a unix socket, read without a reference (the caller only records its
 * address as an identity). */
static struct sock *unix_peer_get_rcu(struct sock *sk)
{
	return READ_ONCE(unix_sk(sk)->peer);
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
static void scapdrv_put_fd_tuple(struct scapdrv_evt *e, long fd, bool inbound,
				 const u8 *uenc, u32 ulen)
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

/* The accept queue of the listening socket @fd: length and maximum (0 when no socket). */
static void scapdrv_sock_backlog(long fd, u32 *qlen, u32 *qmax)
{
	struct sock *sk;

	rcu_read_lock();
	sk = fd_sock_rcu(fd);
	if (sk) {
		*qlen = READ_ONCE(sk->sk_ack_backlog);
		*qmax = READ_ONCE(sk->sk_max_ack_backlog);
	}
	rcu_read_unlock();
}

/* The identities (kernel addresses) of the socket @fd and, for a unix socket, of its
 * peer; left unchanged when @fd is no socket. */
static void scapdrv_sock_ids(long fd, u64 *sk_id, u64 *peer_id)
{
	struct sock *sk;

	rcu_read_lock();
	sk = fd_sock_rcu(fd);
	if (sk) {
		*sk_id = (u64)(unsigned long)sk;
		if (sk->sk_family == AF_UNIX)
			*peer_id = (u64)(unsigned long)unix_peer_get_rcu(sk);
	}
	rcu_read_unlock();
}

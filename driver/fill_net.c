// SPDX-License-Identifier: GPL-2.0 OR MIT
/*
 * fill_net.c - fillers of socket syscalls: socket, connect.
 *
 * Address encodings (scap format): a SOCKADDR parameter is the family byte then, for
 * AF_INET, the 4 address bytes in network order and the port as a little-endian u16
 * (7 bytes); for AF_INET6 16 + 2 bytes (19); for AF_UNIX the path, NUL-terminated.
 * A SOCKTUPLE is the family byte then source and destination: AF_INET
 * {saddr, sport, daddr, dport} (13 bytes), AF_INET6 likewise (37), AF_UNIX two u64
 * socket identities then the path (17 + path).
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

void scapdrv_fill_socket_e(struct scapdrv_evt *e)
{
	scapdrv_put_u32(e, e->args[0]);       /* AF_* numbers are the format's codes */
	scapdrv_put_u32(e, e->args[1]);
	scapdrv_put_u32(e, e->args[2]);
}

void scapdrv_fill_socket_x(struct scapdrv_evt *e)
{
	scapdrv_put_u64(e, e->ret);
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
		WRITE_ONCE(e->ring->ctl->n_drop_pf, e->ring->ctl->n_drop_pf + 1);
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

/* connect enter: fd, addr. */
void scapdrv_fill_connect_e(struct scapdrv_evt *e)
{
	u8 buf[ADDR_BUF];
	u32 n;

	scapdrv_put_u64(e, (s64)(int)e->args[0]);
	n = encode_user_sockaddr(e, e->args[1], e->args[2], buf);
	if (n)
		scapdrv_put_bytes(e, buf, n);
	else
		scapdrv_put_empty(e);
}

/* Tuple of socket @fd: local -> remote; for unix sockets the path comes from @path. */
static u32 encode_tuple(long fd, u8 *out, const u8 *uaddr_enc, u32 uaddr_len)
{
	struct file *f;
	struct socket *sock;
	struct sock *sk, *peer;
	struct inet_sock *inet;
	u32 n = 0;

	if (fd < 0)
		return 0;
	rcu_read_lock();
	f = scapdrv_fd_file_rcu(fd);
	sock = f ? sock_from_file(f) : NULL;
	sk = sock ? sock->sk : NULL;
	if (!sk)
		goto out;
	switch (sk->sk_family) {
	case AF_INET:
		inet = inet_sk(sk);
		out[0] = AF_INET;
		memcpy(out + 1, &inet->inet_saddr, 4);
		put_unaligned_le16(ntohs(inet->inet_sport), out + 5);
		memcpy(out + 7, &inet->inet_daddr, 4);
		put_unaligned_le16(ntohs(inet->inet_dport), out + 11);
		n = 13;
		break;
#if IS_ENABLED(CONFIG_IPV6)
	case AF_INET6:
		inet = inet_sk(sk);
		out[0] = AF_INET6;
		memcpy(out + 1, &sk->sk_v6_rcv_saddr, 16);
		put_unaligned_le16(ntohs(inet->inet_sport), out + 17);
		memcpy(out + 19, &sk->sk_v6_daddr, 16);
		put_unaligned_le16(ntohs(inet->inet_dport), out + 35);
		n = 37;
		break;
#endif
	case AF_UNIX:
		peer = unix_sk(sk)->peer;
		out[0] = AF_UNIX;
		put_unaligned_le64((u64)(unsigned long)sk, out + 1);
		put_unaligned_le64((u64)(unsigned long)peer, out + 9);
		if (uaddr_len > 1 && uaddr_enc[0] == AF_UNIX) {
			memcpy(out + 17, uaddr_enc + 1, uaddr_len - 1);
			n = 17 + uaddr_len - 1;
		} else {
			out[17] = '\0';
			n = 18;
		}
		break;
	}
out:
	rcu_read_unlock();
	return n;
}

/* connect exit: res, tuple (empty when the connection failed and has no peer). */
void scapdrv_fill_connect_x(struct scapdrv_evt *e)
{
	u8 addr[ADDR_BUF], tuple[ADDR_BUF + 24];
	u32 na, nt = 0;

	scapdrv_put_u64(e, e->ret);
	na = encode_user_sockaddr(e, e->args[1], e->args[2], addr);
	if (e->ret == 0 || e->ret == -EINPROGRESS)
		nt = encode_tuple((int)e->args[0], tuple, addr, na);
	if (nt)
		scapdrv_put_bytes(e, tuple, nt);
	else
		scapdrv_put_empty(e);
}

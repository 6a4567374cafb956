/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * kern.h - the eBPF probe's readers of kernel objects (CO-RE: field offsets are
 * relocated against the running kernel's BTF at load): the file behind a descriptor,
 * its device and inode, the socket behind it and that socket's tuple, accept queue and
 * identity. These are the primitives the shared fillers (driver/fill/) call under the
 * names the kernel module gives its own (fill_file.c, fill_net.c).
 */
#ifndef SCAPBPF_KERN_H
#define SCAPBPF_KERN_H

#include "bpf/evt.h"

#define S_IFMT 0170000
#define S_IFSOCK 0140000

static __always_inline struct task_struct *scapbpf_current(void)
{
	return (struct task_struct *)bpf_get_current_task();
}

/* The file behind descriptor @fd of the current task, or NULL. Read with copy helpers
 * (BPF_CORE_READ), not through the BTF pointer of bpf_get_current_task_btf(): on Linux
 * 6.18 each pointer load from a trusted task pointer makes the verifier search the
 * kernel's whole BTF by name four times (btf_nested_type_is_trusted()), for every
 * state that reaches it, which made a third of the probe's load time; four helper
 * calls cost far less, once per event. */
static __always_inline struct file *scapbpf_fd_file(long fd)
{
	struct task_struct *t = scapbpf_current();
	struct files_struct *files = BPF_CORE_READ(t, files);
	struct fdtable *fdt;
	struct file **fds;
	struct file *f = NULL;

	if (fd < 0 || !files)
		return NULL;
	fdt = BPF_CORE_READ(files, fdt);
	if (!fdt || fd >= BPF_CORE_READ(fdt, max_fds))
		return NULL;
	fds = BPF_CORE_READ(fdt, fd);
	bpf_probe_read_kernel(&f, sizeof(f), &fds[fd]);
	return f;
}

/* The kernel's new_encode_dev() of a dev_t (major << 20 | minor). */
static __always_inline __u32 scapbpf_encode_dev(__u32 dev)
{
	__u32 major = dev >> 20, minor = dev & 0xfffff;

	return (minor & 0xff) | (major << 8) | ((minor & ~0xffu) << 12);
}

/* Device number of the file behind @fd (new_encode_dev), or 0. */
static __always_inline __u32 scapdrv_fd_dev(long fd)
{
	struct file *f = scapbpf_fd_file(fd);

	return f ? scapbpf_encode_dev(BPF_CORE_READ(f, f_inode, i_sb, s_dev)) : 0;
}

/* Inode number of the file behind @fd, or 0. */
static __always_inline __u64 scapdrv_fd_ino(long fd)
{
	struct file *f = scapbpf_fd_file(fd);

	return f ? BPF_CORE_READ(f, f_inode, i_ino) : 0;
}

/* The socket behind @fd, or NULL (not a socket). */
static __always_inline struct sock *scapbpf_fd_sock(long fd)
{
	struct file *f = scapbpf_fd_file(fd);
	struct socket *sock;

	if (!f || (BPF_CORE_READ(f, f_inode, i_mode) & S_IFMT) != S_IFSOCK)
		return NULL;
	sock = BPF_CORE_READ(f, private_data);
	return sock ? BPF_CORE_READ(sock, sk) : NULL;
}

static __always_inline void scapdrv_sock_backlog(long fd, __u32 *qlen, __u32 *qmax)
{
	struct sock *sk = scapbpf_fd_sock(fd);

	if (sk) {
		*qlen = BPF_CORE_READ(sk, sk_ack_backlog);
		*qmax = BPF_CORE_READ(sk, sk_max_ack_backlog);
	}
}

static __always_inline void scapdrv_sock_ids(long fd, __u64 *sk_id, __u64 *peer_id)
{
	struct sock *sk = scapbpf_fd_sock(fd);

	if (sk) {
		*sk_id = (__u64)sk;
		if (BPF_CORE_READ(sk, __sk_common.skc_family) == AF_UNIX)
			*peer_id = (__u64)BPF_CORE_READ((struct unix_sock *)sk, peer);
	}
}

/* Room for an encoded address: the event's filler scratch, off the 512-byte stack. */
#define SCAPDRV_ADDR_BUF(name) __u8 *name = e->tmp

/*
 * Copy the path of the bound unix address @ua (NUL-terminated; an abstract name without
 * its leading NUL) to @out, which has room for 109 bytes. Return: bytes written, NUL
 * included (1 when unbound).
 */
static __always_inline __u32 scapbpf_unix_path(struct unix_address *ua, __u8 *out)
{
	const char *p;
	__u32 max, n;
	__u64 m;
	int len;

	out[0] = '\0';
	if (!ua)
		return 1;
	len = BPF_CORE_READ(ua, len);
	if (len <= 2)
		return 1;
	p = (const char *)ua + bpf_core_field_offset(struct unix_address, name) + 2;
	max = len - 2 < 108 ? len - 2 : 108;
	bpf_probe_read_kernel(out, 1, p);
	if (out[0] == '\0' && max > 1) {
		p++;
		max--;
	}
	m = scapbpf_clamp(max, 108);
	if (bpf_probe_read_kernel(out, m, p))
		m = 0;
	n = strnlen((const char *)out, m);
	if (n > 108)
		n = 108;
	out[n] = '\0';
	return n + 1;
}

/*
 * Put the tuple of the socket behind @fd: outbound (@inbound false) local -> remote,
 * inbound remote -> local; the remote end is @uenc (an encoded user address of @ulen
 * bytes) when it has the socket's family, else the socket's peer. Empty when @fd is no
 * socket or of a family without tuple. The layouts are those of driver/fill/net.h.
 */
static __always_inline void scapdrv_put_fd_tuple(struct scapdrv_evt *e, long fd, bool inbound,
						 const __u8 *uenc, __u32 ulen)
{
	struct sock *sk = scapbpf_fd_sock(fd);
	struct inet_sock *inet = (struct inet_sock *)sk;
	__u8 la[16], ra[16];
	__u16 lp, rp;
	__u32 alen;
	__u64 n;
	__u16 fam;
	__u8 *p;

	if (!sk) {
		scapdrv_put_empty(e);
		return;
	}
	fam = BPF_CORE_READ(sk, __sk_common.skc_family);
	if (fam == AF_INET) {
		__u32 lip = BPF_CORE_READ(inet, inet_saddr), rip;

		if (!lip)
			lip = BPF_CORE_READ(sk, __sk_common.skc_rcv_saddr);
		lp = bpf_ntohs(BPF_CORE_READ(inet, inet_sport));
		if (uenc && ulen == 7 && uenc[0] == AF_INET) {
			__builtin_memcpy(&rip, uenc + 1, 4);
			rp = uenc[5] | (uenc[6] << 8);
		} else {
			rip = BPF_CORE_READ(sk, __sk_common.skc_daddr);
			rp = bpf_ntohs(BPF_CORE_READ(sk, __sk_common.skc_dport));
		}
		__builtin_memcpy(la, &lip, 4);
		__builtin_memcpy(ra, &rip, 4);
		alen = 4;
	} else if (fam == AF_INET6) {
		BPF_CORE_READ_INTO(&la, sk, __sk_common.skc_v6_rcv_saddr);
		lp = bpf_ntohs(BPF_CORE_READ(inet, inet_sport));
		if (uenc && ulen == 19 && uenc[0] == AF_INET6) {
			__builtin_memcpy(ra, uenc + 1, 16);
			rp = uenc[17] | (uenc[18] << 8);
		} else {
			BPF_CORE_READ_INTO(&ra, sk, __sk_common.skc_v6_daddr);
			rp = bpf_ntohs(BPF_CORE_READ(sk, __sk_common.skc_dport));
		}
		alen = 16;
	} else if (fam == AF_UNIX) {
		struct unix_sock *us = (struct unix_sock *)sk;
		struct sock *peer = BPF_CORE_READ(us, peer);
		__u64 a = (__u64)(inbound ? peer : sk), b = (__u64)(inbound ? sk : peer);

		p = scapdrv_param_begin(e, 17 + 109);
		if (!p)
			return;
		p[0] = AF_UNIX;
		put_unaligned_le64(a, p + 1);
		put_unaligned_le64(b, p + 9);
		if (uenc && ulen > 1 && ulen <= 110 && uenc[0] == AF_UNIX) {
			n = scapbpf_clamp(ulen - 1, 109);
			bpf_probe_read_kernel(p + 17, n, uenc + 1);
			scapdrv_param_end(e, 17 + n);
			return;
		}
		n = scapbpf_unix_path(BPF_CORE_READ(us, addr), p + 17);
		if (n == 1 && peer)
			n = scapbpf_unix_path(BPF_CORE_READ((struct unix_sock *)peer, addr), p + 17);
		scapdrv_param_end(e, 17 + n);
		return;
	} else {
		scapdrv_put_empty(e);
		return;
	}
	p = scapdrv_param_begin(e, 1 + 2 * (alen + 2));
	if (!p)
		return;
	p[0] = fam;
	if (alen == 4) {
		__builtin_memcpy(p + 1, inbound ? ra : la, 4);
		put_unaligned_le16(inbound ? rp : lp, p + 5);
		__builtin_memcpy(p + 7, inbound ? la : ra, 4);
		put_unaligned_le16(inbound ? lp : rp, p + 11);
	} else {
		__builtin_memcpy(p + 1, inbound ? ra : la, 16);
		put_unaligned_le16(inbound ? rp : lp, p + 17);
		__builtin_memcpy(p + 19, inbound ? la : ra, 16);
		put_unaligned_le16(inbound ? lp : rp, p + 35);
	}
	scapdrv_param_end(e, 1 + 2 * (alen + 2));
}

#endif /* SCAPBPF_KERN_H */

/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * fill/common.h - what the shared fillers (the headers of driver/fill/) need from the
 * side that includes them: the kernel module (driver/fill_*.c) or the eBPF probe
 * (driver/bpf/).
 *
 * A shared filler is written only against struct scapdrv_evt (args[], ret, nr, type,
 * snaplen) and primitives each side provides with the same names and meanings:
 * scapdrv_put_{u8,u16,u32,u64,empty,fd,res,bytes,kstr,user_str,user_path,user_buf,
 * user_iov}(), scapdrv_user_{u32,u64,iov_len}(), scapdrv_read_user(),
 * scapdrv_count_fault(), scapdrv_sc_code(), scapdrv_fd_dev(), scapdrv_fd_ino(),
 * scapdrv_put_exe_path(), scapdrv_clone3_take_flags(), the socket readers of
 * fill/net.h, and
 * the Linux constants they use (O_*, F_*, AT_*, CLONE_*, ...: the kernel's own headers
 * in the module, driver/bpf/consts.h in the probe). No <linux/...> include here.
 *
 * The files are included once per side, by the file that owns those fillers: in the
 * module the fillers keep external linkage (scry.h declares them, fill_table.c points
 * at them); in the probe everything is inlined into the filler programs.
 */
#ifndef SCAPDRV_FILL_COMMON_H
#define SCAPDRV_FILL_COMMON_H

#ifdef SCAPDRV_BPF
#define SCAPDRV_FILLER static __always_inline   /* a filler or shared helper */
#define SCAPDRV_HELPER static __always_inline   /* private to its fill/ file */
#else
#define SCAPDRV_FILLER
#define SCAPDRV_HELPER static
#endif

/*
 * The size parameter of a vectored read's exit event (readv, preadv, recvmsg): the
 * iovecs' total length @total, cut to the bytes read (@ret) when the call succeeded,
 * as the peer driver writes it; @total when it failed. Writes (writev, pwritev,
 * sendmsg enter) keep @total.
 */
static __always_inline u64 scapdrv_iov_read_size(u64 total, long ret)
{
	return ret >= 0 && (u64)ret < total ? (u64)ret : total;
}

/*
 * @n cut to @lim, in a form the eBPF verifier tracks (a length for a read into a buffer
 * of @lim bytes: the compiler may not fold the bound away).
 */
static __always_inline u64 scapdrv_cut(u64 n, u64 lim)
{
#ifdef SCAPDRV_BPF
	asm volatile("" : "+r"(n));
#endif
	if (n > lim)
		n = lim;
#ifdef SCAPDRV_BPF
	asm volatile("" : "+r"(n));
#endif
	return n;
}

#endif /* SCAPDRV_FILL_COMMON_H */

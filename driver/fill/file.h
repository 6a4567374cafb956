/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * fill/file.h - fillers of file and descriptor syscalls, shared by the kernel module
 * (included by driver/fill_file.c) and the eBPF probe (driver/bpf/probe.bpf.c): the
 * open family, close, the read/write family (plain, positioned, vectored, sendfile),
 * pipes, dup, fcntl, ioctl, path operations (mkdir, rmdir, unlink, rename, link,
 * symlink, chmod, chown, chdir, chroot, mount, umount2) and the special descriptors
 * (eventfd, signalfd, timerfd, inotify, userfaultfd, memfd_create, io_uring_setup,
 * io_uring_enter, io_uring_register), open_by_handle_at and fsconfig.
 * Parameter lists are those of the schema (abi/event_table*.c); each filler writes
 * them in order. See fill/common.h for what the including side provides.
 */
#ifndef SCAPDRV_FILL_FILE_H
#define SCAPDRV_FILL_FILE_H

#include "fill/common.h"

SCAPDRV_FILLER u32 scapdrv_open_flags(unsigned long flags)
{
	u32 r = 0;

	switch (flags & O_ACCMODE) {
	case O_RDONLY:
		r |= 1;                   /* O_RDONLY */
		break;
	case O_WRONLY:
		r |= 2;                   /* O_WRONLY */
		break;
	case O_RDWR:
		r |= 3;                   /* O_RDWR */
		break;
	}
	if (flags & O_CREAT)
		r |= 4;
	if (flags & O_APPEND)
		r |= 8;
	if (flags & O_DSYNC)
		r |= 0x10;
	if (flags & O_EXCL)
		r |= 0x20;
	if (flags & O_NONBLOCK)
		r |= 0x40;
	if ((flags & __O_SYNC) == __O_SYNC || (flags & O_SYNC) == O_SYNC)
		r |= 0x80;
	if (flags & O_TRUNC)
		r |= 0x100;
	if (flags & O_DIRECT)
		r |= 0x200;
	if (flags & O_DIRECTORY)
		r |= 0x400;
	if (flags & O_LARGEFILE)
		r |= 0x800;
	if (flags & O_CLOEXEC)
		r |= 0x1000;
	if ((flags & __O_TMPFILE) == __O_TMPFILE)
		r |= 0x2000;
	return r;
}

SCAPDRV_FILLER u32 scapdrv_open_mode(unsigned long flags, unsigned long mode)
{
	if ((flags & O_CREAT) || (flags & __O_TMPFILE) == __O_TMPFILE)
		return mode & 07777;
	return 0;
}

/* open/creat enter: name, flags, mode (creat: name, mode). The name of the open family's
 * events, enter and exit (open, creat, openat, openat2), is "(NULL)" when unreadable, as
 * the peer writes it in the enter events (it drops an exit whose name faults): the exit
 * repeats what its enter event says. */
SCAPDRV_FILLER void scapdrv_fill_open_e(struct scapdrv_evt *e)
{
	unsigned long flags = e->args[1], mode = e->args[2];

	scapdrv_put_user_str(e, e->args[0], PATH_MAX | SCAPDRV_STR_FAULT_NULL);
	if (e->type == SCAP_EVT_SYSCALL_CREAT_E) {
		scapdrv_put_u32(e, e->args[1] & 07777);
		return;
	}
	scapdrv_put_u32(e, scapdrv_open_flags(flags));
	scapdrv_put_u32(e, scapdrv_open_mode(flags, mode));
}

/* open/creat exit: fd, name, flags, mode, dev (creat: fd, name, mode, dev). */
SCAPDRV_FILLER void scapdrv_fill_open_x(struct scapdrv_evt *e)
{
	unsigned long flags = e->args[1], mode = e->args[2];

	scapdrv_put_res(e);
	scapdrv_put_user_str(e, e->args[0], PATH_MAX | SCAPDRV_STR_FAULT_NULL);
	if (e->type == SCAP_EVT_SYSCALL_CREAT_X) {
		scapdrv_put_u32(e, e->args[1] & 07777);
	} else {
		scapdrv_put_u32(e, scapdrv_open_flags(flags));
		scapdrv_put_u32(e, scapdrv_open_mode(flags, mode));
	}
	scapdrv_put_u32(e, scapdrv_fd_dev(e->ret));
}

/* openat enter: dirfd, name, flags, mode. AT_FDCWD (-100) is the format's value too. */
SCAPDRV_FILLER void scapdrv_fill_openat_e(struct scapdrv_evt *e)
{
	unsigned long flags = e->args[2], mode = e->args[3];

	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_user_str(e, e->args[1], PATH_MAX | SCAPDRV_STR_FAULT_NULL);
	scapdrv_put_u32(e, scapdrv_open_flags(flags));
	scapdrv_put_u32(e, scapdrv_open_mode(flags, mode));
}

/* openat exit: fd, dirfd, name, flags, mode, dev. */
SCAPDRV_FILLER void scapdrv_fill_openat_x(struct scapdrv_evt *e)
{
	unsigned long flags = e->args[2], mode = e->args[3];

	scapdrv_put_res(e);
	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_user_str(e, e->args[1], PATH_MAX | SCAPDRV_STR_FAULT_NULL);
	scapdrv_put_u32(e, scapdrv_open_flags(flags));
	scapdrv_put_u32(e, scapdrv_open_mode(flags, mode));
	scapdrv_put_u32(e, scapdrv_fd_dev(e->ret));
}

SCAPDRV_FILLER void scapdrv_fill_fd_e(struct scapdrv_evt *e)
{
	scapdrv_put_fd(e, e->args[0]);
}

SCAPDRV_FILLER void scapdrv_fill_fd_size_e(struct scapdrv_evt *e)
{
	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_u32(e, e->args[2]);
}

/* pread/pwrite enter: fd, size, pos. */
SCAPDRV_FILLER void scapdrv_fill_fd_size_pos_e(struct scapdrv_evt *e)
{
	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_u32(e, e->args[2]);
	scapdrv_put_u64(e, e->args[3]);
}

/* read/write/pread/pwrite/send/recv exit: res, data (the bytes transferred, up to the
 * snaplen; none on failure). write and pwrite: the buffer's first bytes up to the
 * snaplen (its size argument), whatever the result, as the peer driver writes them. */
SCAPDRV_FILLER void scapdrv_fill_rw_x(struct scapdrv_evt *e)
{
	u64 len = e->ret > 0 ? e->ret : 0;

	if (e->type == SCAP_EVT_SYSCALL_WRITE_X || e->type == SCAP_EVT_SYSCALL_PWRITE_X)
		len = e->args[2];
	scapdrv_put_res(e);
	scapdrv_put_user_buf(e, e->args[1], len);
}

/* readv/preadv exit: res, size (scapdrv_iov_read_size()), data (the bytes read, up to
 * the snaplen; none on failure). */
SCAPDRV_FILLER void scapdrv_fill_readv_x(struct scapdrv_evt *e)
{
	u64 total = scapdrv_user_iov_len(e, e->args[1], e->args[2]);

	scapdrv_put_res(e);
	scapdrv_put_u32(e, scapdrv_iov_read_size(total, e->ret));
	scapdrv_put_user_iov(e, e->args[1], e->args[2], e->ret > 0 ? e->ret : 0);
}

/* writev enter: fd, size (the iovecs' total length). */
SCAPDRV_FILLER void scapdrv_fill_writev_e(struct scapdrv_evt *e)
{
	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_u32(e, scapdrv_user_iov_len(e, e->args[1], e->args[2]));
}

/* writev/pwritev exit: res, data (the iovecs' first bytes, up to the snaplen, whatever
 * the result: the buffers the call was given, as the peer driver writes them). */
SCAPDRV_FILLER void scapdrv_fill_writev_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
	scapdrv_put_user_iov(e, e->args[1], e->args[2], e->snaplen);
}

/* preadv enter: fd, pos. */
SCAPDRV_FILLER void scapdrv_fill_preadv_e(struct scapdrv_evt *e)
{
	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_u64(e, e->args[3]);
}

/* pwritev enter: fd, size, pos. */
SCAPDRV_FILLER void scapdrv_fill_pwritev_e(struct scapdrv_evt *e)
{
	scapdrv_fill_writev_e(e);
	scapdrv_put_u64(e, e->args[3]);
}

/* sendfile enter: out_fd, in_fd, offset (the value *offset holds, 0 without), size. */
SCAPDRV_FILLER void scapdrv_fill_sendfile_e(struct scapdrv_evt *e)
{
	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_fd(e, e->args[1]);
	scapdrv_put_u64(e, scapdrv_user_u64(e, e->args[2]));
	scapdrv_put_u64(e, e->args[3]);
}

/* sendfile exit: res, offset (as updated by the kernel). */
SCAPDRV_FILLER void scapdrv_fill_sendfile_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
	scapdrv_put_u64(e, scapdrv_user_u64(e, e->args[2]));
}

/* pipe exit: res, fd1, fd2, ino; the fds are read back from the user array. */
SCAPDRV_HELPER void fill_pipe_common(struct scapdrv_evt *e)
{
	int fds[2] = { -1, -1 };

	scapdrv_put_res(e);
	if (e->ret == 0 && scapdrv_read_user(fds, (const void __user *)e->args[0], sizeof(fds)))
		fds[0] = fds[1] = -1;
	scapdrv_put_u64(e, (s64)fds[0]);
	scapdrv_put_u64(e, (s64)fds[1]);
	scapdrv_put_u64(e, e->ret == 0 ? scapdrv_fd_ino(fds[0]) : 0);
}

SCAPDRV_FILLER void scapdrv_fill_pipe_x(struct scapdrv_evt *e)
{
	fill_pipe_common(e);
}

/* dup exit: res, oldfd. */
SCAPDRV_FILLER void scapdrv_fill_dup_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
	scapdrv_put_fd(e, e->args[0]);
}

/* dup2 exit: res, oldfd, newfd. */
SCAPDRV_FILLER void scapdrv_fill_dup2_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_fd(e, e->args[1]);
}

/* dup3 exit: res, oldfd, newfd, flags (only O_CLOEXEC is valid). */
SCAPDRV_FILLER void scapdrv_fill_dup3_x(struct scapdrv_evt *e)
{
	scapdrv_fill_dup2_x(e);
	scapdrv_put_u32(e, (e->args[2] & O_CLOEXEC) ? 0x1000 : 0);
}

/* scap encoding of openat2 resolve flags (scap_flags_openat2_resolve values). */
SCAPDRV_HELPER u32 resolve_flags(u64 f)
{
	u32 r = 0;

	if (f & RESOLVE_BENEATH)
		r |= 1;
	if (f & RESOLVE_IN_ROOT)
		r |= 2;
	if (f & RESOLVE_NO_MAGICLINKS)
		r |= 4;
	if (f & RESOLVE_NO_SYMLINKS)
		r |= 8;
	if (f & RESOLVE_NO_XDEV)
		r |= 0x10;
	if (f & RESOLVE_CACHED)
		r |= 0x20;
	return r;
}

/* The struct open_how of openat2 (zeros when unreadable: a counted fault). */
SCAPDRV_HELPER void read_open_how(struct scapdrv_evt *e, struct open_how *how)
{
	size_t n = min_t(unsigned long, e->args[3], sizeof(*how));

	memset(how, 0, sizeof(*how));
	if (n && scapdrv_read_user(how, (const void __user *)e->args[2], n)) {
		scapdrv_count_fault(e);
		memset(how, 0, sizeof(*how));
	}
}

/* dirfd, name (at most @name_max bytes, scapdrv_put_user_str()), flags, mode, resolve:
 * the tail shared by openat2 enter and exit. */
SCAPDRV_HELPER void put_openat2_args(struct scapdrv_evt *e, u32 name_max)
{
	struct open_how how;

	read_open_how(e, &how);
	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_user_str(e, e->args[1], name_max);
	scapdrv_put_u32(e, scapdrv_open_flags(how.flags));
	scapdrv_put_u32(e, scapdrv_open_mode(how.flags, how.mode));
	scapdrv_put_u32(e, resolve_flags(how.resolve));
}

/* openat2 enter: dirfd, name, flags, mode, resolve. */
SCAPDRV_FILLER void scapdrv_fill_openat2_e(struct scapdrv_evt *e)
{
	put_openat2_args(e, PATH_MAX | SCAPDRV_STR_FAULT_NULL);
}

/* openat2 exit: fd, dirfd, name, flags, mode, resolve. */
SCAPDRV_FILLER void scapdrv_fill_openat2_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
	put_openat2_args(e, PATH_MAX | SCAPDRV_STR_FAULT_NULL);
}

/* scap code of a Linux fcntl command (scap_flags_fcntl_cmds values; 0 unknown). */
SCAPDRV_HELPER u8 fcntl_cmd(unsigned long cmd)
{
	switch (cmd) {
	case F_DUPFD: return 1;
	case F_GETFD: return 2;
	case F_SETFD: return 3;
	case F_GETFL: return 4;
	case F_SETFL: return 5;
	case F_GETLK: return 6;     /* F_GETLK64 is the same number on 64-bit */
	case F_SETLK: return 8;
	case F_SETLKW: return 9;
	case F_SETOWN: return 0xa;
	case F_GETOWN: return 0xc;
	case F_SETSIG: return 0xd;
	case F_GETSIG: return 0xf;
	case F_SETOWN_EX: return 0x15;
	case F_GETOWN_EX: return 0x16;
	case F_SETLEASE: return 0x17;
	case F_GETLEASE: return 0x18;
	case F_CANCELLK: return 0x19;
	case F_DUPFD_CLOEXEC: return 0x1a;
	case F_NOTIFY: return 0x1b;
	case F_SETPIPE_SZ: return 0x1c;
	case F_GETPIPE_SZ: return 0x1d;
	case F_OFD_GETLK: return 0x1e;
	case F_OFD_SETLK: return 0x1f;
	case F_OFD_SETLKW: return 0x20;
	default: return 0;
	}
}

/* fcntl enter: fd, cmd. */
SCAPDRV_FILLER void scapdrv_fill_fcntl_e(struct scapdrv_evt *e)
{
	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_u8(e, fcntl_cmd(e->args[1]));
}

/* ioctl enter: fd, request, argument. */
SCAPDRV_FILLER void scapdrv_fill_ioctl_e(struct scapdrv_evt *e)
{
	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_u64(e, e->args[1]);
	scapdrv_put_u64(e, e->args[2]);
}

/* chdir/rmdir/unlink/chroot/mkdir/umount2 exit: res, path (argument 0). */
SCAPDRV_FILLER void scapdrv_fill_path_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
	scapdrv_put_user_path(e, e->args[0]);
}

/* mkdir enter: mode. */
SCAPDRV_FILLER void scapdrv_fill_mkdir_e(struct scapdrv_evt *e)
{
	scapdrv_put_u32(e, e->args[1] & 07777);
}

/* mkdirat exit: res, dirfd, path, mode. */
SCAPDRV_FILLER void scapdrv_fill_mkdirat_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_user_path(e, e->args[1]);
	scapdrv_put_u32(e, e->args[2] & 07777);
}

/* unlinkat exit: res, dirfd, name, flags (AT_REMOVEDIR is 0x200 in both encodings). */
SCAPDRV_FILLER void scapdrv_fill_unlinkat_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_user_path(e, e->args[1]);
	scapdrv_put_u32(e, e->args[2] & AT_REMOVEDIR);
}

/* rename/link/symlink exit: res, oldpath (target), newpath. */
SCAPDRV_FILLER void scapdrv_fill_path2_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
	scapdrv_put_user_path(e, e->args[0]);
	scapdrv_put_user_path(e, e->args[1]);
}

/* renameat exit: res, olddirfd, oldpath, newdirfd, newpath. */
SCAPDRV_FILLER void scapdrv_fill_renameat_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_user_path(e, e->args[1]);
	scapdrv_put_fd(e, e->args[2]);
	scapdrv_put_user_path(e, e->args[3]);
}

/* renameat2 exit: renameat's, then flags (RENAME_* values are the format's). */
SCAPDRV_FILLER void scapdrv_fill_renameat2_x(struct scapdrv_evt *e)
{
	scapdrv_fill_renameat_x(e);
	scapdrv_put_u32(e, e->args[4] & 7);
}

/* symlinkat exit: res, target, linkdirfd, linkpath. */
SCAPDRV_FILLER void scapdrv_fill_symlinkat_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
	scapdrv_put_user_path(e, e->args[0]);
	scapdrv_put_fd(e, e->args[1]);
	scapdrv_put_user_path(e, e->args[2]);
}

/* linkat exit: renameat's five, then flags (AT_SYMLINK_FOLLOW, AT_EMPTY_PATH). */
SCAPDRV_FILLER void scapdrv_fill_linkat_x(struct scapdrv_evt *e)
{
	scapdrv_fill_renameat_x(e);
	scapdrv_put_u32(e, e->args[4] & (AT_SYMLINK_FOLLOW | AT_EMPTY_PATH));
}

/* chmod exit: res, filename, mode (mode bits are the format's values). */
SCAPDRV_FILLER void scapdrv_fill_chmod_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
	scapdrv_put_user_path(e, e->args[0]);
	scapdrv_put_u32(e, e->args[1] & 07777);
}

/* fchmod exit: res, fd, mode. */
SCAPDRV_FILLER void scapdrv_fill_fchmod_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_u32(e, e->args[1] & 07777);
}

/* fchmodat exit: res, dirfd, filename, mode. */
SCAPDRV_FILLER void scapdrv_fill_fchmodat_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_user_path(e, e->args[1]);
	scapdrv_put_u32(e, e->args[2] & 07777);
}

/* chown/lchown exit: res, path, uid, gid; fchown: res, fd, uid, gid. */
SCAPDRV_FILLER void scapdrv_fill_chown_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
	if (e->type == SCAP_EVT_SYSCALL_FCHOWN_X)
		scapdrv_put_fd(e, e->args[0]);
	else
		scapdrv_put_user_path(e, e->args[0]);
	scapdrv_put_u32(e, e->args[1]);
	scapdrv_put_u32(e, e->args[2]);
}

/* fchownat exit: res, dirfd, pathname, uid, gid, flags (scap_flags_fchownat). */
SCAPDRV_FILLER void scapdrv_fill_fchownat_x(struct scapdrv_evt *e)
{
	u32 f = 0;

	if (e->args[4] & AT_SYMLINK_NOFOLLOW)
		f |= 0x400;
	if (e->args[4] & AT_EMPTY_PATH)
		f |= 0x1000;
	scapdrv_put_res(e);
	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_user_path(e, e->args[1]);
	scapdrv_put_u32(e, e->args[2]);
	scapdrv_put_u32(e, e->args[3]);
	scapdrv_put_u32(e, f);
}

/* mount enter: flags (MS_* are the format's values; the old magic number is dropped). */
SCAPDRV_FILLER void scapdrv_fill_mount_e(struct scapdrv_evt *e)
{
	unsigned long f = e->args[3];

	if ((f & MS_MGC_MSK) == MS_MGC_VAL)
		f &= ~MS_MGC_MSK;
	scapdrv_put_u32(e, f);
}

/* mount exit: res, dev, dir, type. */
SCAPDRV_FILLER void scapdrv_fill_mount_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
	scapdrv_put_user_path(e, e->args[0]);
	scapdrv_put_user_path(e, e->args[1]);
	scapdrv_put_user_path(e, e->args[2]);
}

/* umount2 enter: flags (MNT_FORCE.. UMOUNT_NOFOLLOW are the format's values). */
SCAPDRV_FILLER void scapdrv_fill_umount2_e(struct scapdrv_evt *e)
{
	scapdrv_put_u32(e, e->args[1] & 0xf);
}

/* O_CLOEXEC and O_NONBLOCK of the CLOEXEC and NONBLOCK flags of the fd-creating calls
 * (EFD_, IN_, SFD_, UFFD_ share the O_ values) as scap open flags. */
SCAPDRV_HELPER u32 fd_flags(unsigned long f)
{
	u32 r = 0;

	if (f & O_CLOEXEC)
		r |= 0x1000;
	if (f & O_NONBLOCK)
		r |= 0x40;
	return r;
}

/* pipe2 exit: res, fd1, fd2, ino, flags (O_CLOEXEC, O_NONBLOCK, O_DIRECT: no access
 * mode bits, a pipe has none). */
SCAPDRV_FILLER void scapdrv_fill_pipe2_x(struct scapdrv_evt *e)
{
	fill_pipe_common(e);
	scapdrv_put_u32(e, fd_flags(e->args[1]) | ((e->args[1] & O_DIRECT) ? 0x200 : 0));
}

/* eventfd enter: initval, flags (eventfd has none: 0). */
SCAPDRV_FILLER void scapdrv_fill_eventfd_e(struct scapdrv_evt *e)
{
	scapdrv_put_u64(e, e->args[0]);
	scapdrv_put_u32(e, 0);
}

/* eventfd2 enter: initval. */
SCAPDRV_FILLER void scapdrv_fill_eventfd2_e(struct scapdrv_evt *e)
{
	scapdrv_put_u64(e, e->args[0]);
}

/* eventfd2/signalfd4 exit: res, flags of argument 1 (16-bit). */
SCAPDRV_FILLER void scapdrv_fill_fdflags_x(struct scapdrv_evt *e)
{
	unsigned long f = e->type == SCAP_EVT_SYSCALL_SIGNALFD4_X ? e->args[3] : e->args[1];

	scapdrv_put_res(e);
	scapdrv_put_u16(e, fd_flags(f));
}

/* inotify_init1 exit: res, flags (16-bit); userfaultfd exit: res, flags (32-bit). */
SCAPDRV_FILLER void scapdrv_fill_fdflags0_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
	if (e->type == SCAP_EVT_SYSCALL_USERFAULTFD_X)
		scapdrv_put_u32(e, fd_flags(e->args[0]));
	else
		scapdrv_put_u16(e, fd_flags(e->args[0]));
}

/* signalfd enter: fd, mask (first word of the user sigset), flags (none: 0). */
SCAPDRV_FILLER void scapdrv_fill_signalfd_e(struct scapdrv_evt *e)
{
	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_u32(e, scapdrv_user_u32(e, e->args[1]));
	scapdrv_put_u8(e, 0);
}

/* signalfd4 enter: fd, mask. */
SCAPDRV_FILLER void scapdrv_fill_signalfd4_e(struct scapdrv_evt *e)
{
	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_u32(e, scapdrv_user_u32(e, e->args[1]));
}

/* timerfd_create enter: clockid, flags (the raw TFD_* bits, as the format stores). */
SCAPDRV_FILLER void scapdrv_fill_timerfd_create_e(struct scapdrv_evt *e)
{
	scapdrv_put_u8(e, e->args[0]);
	scapdrv_put_u8(e, e->args[1]);
}

/* inotify_init enter: flags (inotify_init has none: 0). */
SCAPDRV_FILLER void scapdrv_fill_inotify_init_e(struct scapdrv_evt *e)
{
	scapdrv_put_u8(e, 0);
}

/* memfd_create exit: fd, name, flags (MFD_* values are the format's). */
SCAPDRV_FILLER void scapdrv_fill_memfd_create_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
	scapdrv_put_user_str(e, e->args[0], 256);
	scapdrv_put_u32(e, e->args[1] & 7);
}

/* scap encoding of IORING_SETUP_* (the format inserts SQ_NEED_WAKEUP at 4). */
SCAPDRV_HELPER u32 io_uring_setup_flags(u32 f)
{
	return (f & 3) | ((f & 0x7c) << 1);
}

/* io_uring_setup exit: res, entries, then struct io_uring_params as the kernel left it:
 * sq_entries, cq_entries, flags, sq_thread_cpu, sq_thread_idle, features. */
SCAPDRV_FILLER void scapdrv_fill_io_uring_setup_x(struct scapdrv_evt *e)
{
	struct io_uring_params p;

	memset(&p, 0, sizeof(p));
	if (e->args[1] && scapdrv_read_user(&p, (const void __user *)e->args[1], sizeof(p))) {
		scapdrv_count_fault(e);
		memset(&p, 0, sizeof(p));
	}
	scapdrv_put_res(e);
	scapdrv_put_u32(e, e->args[0]);
	scapdrv_put_u32(e, p.sq_entries);
	scapdrv_put_u32(e, p.cq_entries);
	scapdrv_put_u32(e, io_uring_setup_flags(p.flags));
	scapdrv_put_u32(e, p.sq_thread_cpu);
	scapdrv_put_u32(e, p.sq_thread_idle);
	scapdrv_put_u32(e, p.features & 0x7ff);
}

/* io_uring_enter exit: res, fd, to_submit, min_complete, flags (IORING_ENTER_GETEVENTS 1,
 * SQ_WAKEUP 2, SQ_WAIT 4, EXT_ARG 8: the format's values), sig: the first 32 signals of
 * the mask the call waits with (argument 4 is the sigset_t, or with EXT_ARG a struct
 * io_uring_getevents_arg whose first field points at it), 0 without one or unreadable.
 * The peer drivers write the low 32 bits of the pointer itself there. */
SCAPDRV_FILLER void scapdrv_fill_io_uring_enter_x(struct scapdrv_evt *e)
{
	unsigned long flags = e->args[3];
	u64 set = e->args[4];           /* the sigset_t, or the getevents_arg */

	if (set && (flags & 8) && scapdrv_read_user(&set, (const void __user *)set, 8)) {
		scapdrv_count_fault(e);
		set = 0;
	}
	scapdrv_put_res(e);
	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_u32(e, e->args[1]);
	scapdrv_put_u32(e, e->args[2]);
	scapdrv_put_u32(e, flags & 0xf);
	scapdrv_put_u32(e, set ? scapdrv_user_u32(e, set) : 0);
}

/* io_uring_register exit: res, fd, opcode (IORING_REGISTER_* and IORING_UNREGISTER_*
 * values are the format's), arg (the pointer), nr_args. */
SCAPDRV_FILLER void scapdrv_fill_io_uring_register_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_u16(e, e->args[1]);
	scapdrv_put_u64(e, e->args[2]);
	scapdrv_put_u32(e, e->args[3]);
}

/* open_by_handle_at exit: fd, mountfd, flags, path (of the file opened, from the new
 * descriptor; empty when the call failed), dev, ino. */
SCAPDRV_FILLER void scapdrv_fill_open_by_handle_at_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_u32(e, scapdrv_open_flags(e->args[2]));
	scapdrv_put_fd_path(e, e->ret);
	scapdrv_put_u32(e, scapdrv_fd_dev(e->ret));
	scapdrv_put_u64(e, scapdrv_fd_ino(e->ret));
}

/* fsconfig exit: res, fd, cmd (FSCONFIG_* values are the format's), key, value_bytebuf
 * (FSCONFIG_SET_BINARY: the aux bytes at value, cut to the snaplen), value_charbuf
 * (SET_STRING, SET_PATH, SET_PATH_EMPTY: the string at value), aux. The value is read
 * only when the call succeeded (empty otherwise and for the other commands, whose value
 * is NULL or an fd in aux). */
SCAPDRV_FILLER void scapdrv_fill_fsconfig_x(struct scapdrv_evt *e)
{
	unsigned long cmd = e->args[1], value = e->args[3];
	int aux = (int)e->args[4];

	scapdrv_put_res(e);
	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_u32(e, cmd);
	scapdrv_put_user_str(e, e->args[2], 256);
	if (e->ret >= 0 && cmd == 2 && aux > 0)     /* FSCONFIG_SET_BINARY */
		scapdrv_put_user_buf(e, value, (u64)aux);
	else
		scapdrv_put_empty(e);
	if (e->ret >= 0 && (cmd == 1 || cmd == 3 || cmd == 4))  /* STRING, PATH, PATH_EMPTY */
		scapdrv_put_user_path(e, value);
	else
		scapdrv_put_empty(e);
	scapdrv_put_u32(e, (u32)aux);
}

#endif /* SCAPDRV_FILL_FILE_H */

// SPDX-License-Identifier: GPL-2.0 OR MIT
/*
 * fill_file.c - fillers of file and descriptor syscalls: open, openat, creat, close,
 * read, write, pipe, pipe2, dup, dup2, dup3. Parameter lists are those of the schema
 * (abi/event_table*.c); each filler writes them in order.
 */
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/kdev_t.h>
#include <linux/limits.h>
#include <linux/rcupdate.h>

#include "scry.h"
#include "compat/fd.h"
#include "compat/uaccess.h"

u32 scapdrv_open_flags(unsigned long flags)
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

u32 scapdrv_open_mode(unsigned long flags, unsigned long mode)
{
	if ((flags & O_CREAT) || (flags & __O_TMPFILE) == __O_TMPFILE)
		return mode & 07777;
	return 0;
}

/* Device number of the file behind @fd (encoded as the kernel's new_encode_dev), or 0. */
static u32 fd_dev(long fd)
{
	struct file *f;
	u32 dev = 0;

	if (fd < 0)
		return 0;
	rcu_read_lock();
	f = scapdrv_fd_file_rcu(fd);
	if (f)
		dev = new_encode_dev(file_inode(f)->i_sb->s_dev);
	rcu_read_unlock();
	return dev;
}

/* Inode number of the file behind @fd, or 0. */
static u64 fd_ino(long fd)
{
	struct file *f;
	u64 ino = 0;

	if (fd < 0)
		return 0;
	rcu_read_lock();
	f = scapdrv_fd_file_rcu(fd);
	if (f)
		ino = file_inode(f)->i_ino;
	rcu_read_unlock();
	return ino;
}

void scapdrv_fill_none(struct scapdrv_evt *e)
{
}

/* open/creat enter: name, flags, mode (creat: name, mode). */
void scapdrv_fill_open_e(struct scapdrv_evt *e)
{
	unsigned long flags = e->args[1], mode = e->args[2];

	scapdrv_put_user_str(e, e->args[0], PATH_MAX);
	if (e->type == SCAP_EVT_SYSCALL_CREAT_E) {
		scapdrv_put_u32(e, e->args[1] & 07777);
		return;
	}
	scapdrv_put_u32(e, scapdrv_open_flags(flags));
	scapdrv_put_u32(e, scapdrv_open_mode(flags, mode));
}

/* open/creat exit: fd, name, flags, mode, dev (creat: fd, name, mode, dev). */
void scapdrv_fill_open_x(struct scapdrv_evt *e)
{
	unsigned long flags = e->args[1], mode = e->args[2];

	scapdrv_put_u64(e, e->ret);
	scapdrv_put_user_str(e, e->args[0], PATH_MAX);
	if (e->type == SCAP_EVT_SYSCALL_CREAT_X) {
		scapdrv_put_u32(e, e->args[1] & 07777);
	} else {
		scapdrv_put_u32(e, scapdrv_open_flags(flags));
		scapdrv_put_u32(e, scapdrv_open_mode(flags, mode));
	}
	scapdrv_put_u32(e, fd_dev(e->ret));
}

/* openat enter: dirfd, name, flags, mode. AT_FDCWD (-100) is the format's value too. */
void scapdrv_fill_openat_e(struct scapdrv_evt *e)
{
	unsigned long flags = e->args[2], mode = e->args[3];

	scapdrv_put_u64(e, (s64)(int)e->args[0]);
	scapdrv_put_user_str(e, e->args[1], PATH_MAX);
	scapdrv_put_u32(e, scapdrv_open_flags(flags));
	scapdrv_put_u32(e, scapdrv_open_mode(flags, mode));
}

/* openat exit: fd, dirfd, name, flags, mode, dev. */
void scapdrv_fill_openat_x(struct scapdrv_evt *e)
{
	unsigned long flags = e->args[2], mode = e->args[3];

	scapdrv_put_u64(e, e->ret);
	scapdrv_put_u64(e, (s64)(int)e->args[0]);
	scapdrv_put_user_str(e, e->args[1], PATH_MAX);
	scapdrv_put_u32(e, scapdrv_open_flags(flags));
	scapdrv_put_u32(e, scapdrv_open_mode(flags, mode));
	scapdrv_put_u32(e, fd_dev(e->ret));
}

void scapdrv_fill_fd_e(struct scapdrv_evt *e)
{
	scapdrv_put_u64(e, (s64)(int)e->args[0]);
}

void scapdrv_fill_res_x(struct scapdrv_evt *e)
{
	scapdrv_put_u64(e, e->ret);
}

void scapdrv_fill_fd_size_e(struct scapdrv_evt *e)
{
	scapdrv_put_u64(e, (s64)(int)e->args[0]);
	scapdrv_put_u32(e, e->args[2]);
}

/* read exit: res, data (the bytes read, up to the snaplen). */
void scapdrv_fill_read_x(struct scapdrv_evt *e)
{
	scapdrv_put_u64(e, e->ret);
	scapdrv_put_user_buf(e, e->args[1], e->ret > 0 ? e->ret : 0);
}

/* write exit: res, data (the bytes written, up to the snaplen; none on failure). */
void scapdrv_fill_write_x(struct scapdrv_evt *e)
{
	scapdrv_put_u64(e, e->ret);
	scapdrv_put_user_buf(e, e->args[1], e->ret > 0 ? e->ret : 0);
}

/* pipe exit: res, fd1, fd2, ino; the fds are read back from the user array. */
static void fill_pipe_common(struct scapdrv_evt *e)
{
	int fds[2] = { -1, -1 };

	scapdrv_put_u64(e, e->ret);
	if (e->ret == 0 && scapdrv_read_user(fds, (const void __user *)e->args[0], sizeof(fds)))
		fds[0] = fds[1] = -1;
	scapdrv_put_u64(e, (s64)fds[0]);
	scapdrv_put_u64(e, (s64)fds[1]);
	scapdrv_put_u64(e, e->ret == 0 ? fd_ino(fds[0]) : 0);
}

void scapdrv_fill_pipe_x(struct scapdrv_evt *e)
{
	fill_pipe_common(e);
}

/* pipe2 exit: res, fd1, fd2, ino, flags. */
void scapdrv_fill_pipe2_x(struct scapdrv_evt *e)
{
	fill_pipe_common(e);
	scapdrv_put_u32(e, scapdrv_open_flags(e->args[1]));
}

/* dup exit: res, oldfd. */
void scapdrv_fill_dup_x(struct scapdrv_evt *e)
{
	scapdrv_put_u64(e, e->ret);
	scapdrv_put_u64(e, (s64)(int)e->args[0]);
}

/* dup2 exit: res, oldfd, newfd. */
void scapdrv_fill_dup2_x(struct scapdrv_evt *e)
{
	scapdrv_put_u64(e, e->ret);
	scapdrv_put_u64(e, (s64)(int)e->args[0]);
	scapdrv_put_u64(e, (s64)(int)e->args[1]);
}

/* dup3 exit: res, oldfd, newfd, flags (only O_CLOEXEC is valid). */
void scapdrv_fill_dup3_x(struct scapdrv_evt *e)
{
	scapdrv_fill_dup2_x(e);
	scapdrv_put_u32(e, (e->args[2] & O_CLOEXEC) ? 0x1000 : 0);
}

// SPDX-License-Identifier: GPL-2.0 OR MIT
/*
 * fill_file.c - the module's fillers of file and descriptor syscalls: those of
 * fill/file.h and fill/stat.h (shared with the eBPF probe), on the kernel primitives
 * they need here: the device, inode and path of a descriptor's file.
 */
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/kdev_t.h>
#include <linux/limits.h>
#include <linux/mount.h>
#include <uapi/linux/mount.h>
#include <linux/rcupdate.h>
#include <uapi/linux/io_uring.h>
#include <uapi/linux/openat2.h>

#include "scry.h"
#include "compat/fd.h"
#include "compat/uaccess.h"

/* Device number of the file behind @fd (encoded as the kernel's new_encode_dev), or 0. */
static u32 scapdrv_fd_dev(long fd)
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
static u64 scapdrv_fd_ino(long fd)
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

/* The path of the file behind @fd (d_path()), empty when there is none. */
static void scapdrv_put_fd_path(struct scapdrv_evt *e, long fd)
{
	struct file *f = NULL;

	rcu_read_lock();
	if (fd >= 0)
		f = scapdrv_fd_file_rcu(fd);
	if (f)
		scapdrv_put_d_path(e, &f->f_path);
	else
		scapdrv_put_empty(e);
	rcu_read_unlock();
}

#include "fill/file.h"
#include "fill/stat.h"

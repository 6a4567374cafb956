/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * fill/stat.h - fillers of the file-system queries, shared by the kernel module
 * (included by driver/fill_file.c) and the eBPF probe: stat, lstat (exit: res, path:
 * scapdrv_fill_path_x() of fill/file.h), access, getcwd, lseek, flock, splice, copy_file_range. fstat,
 * getdents and getdents64 are {fd} / {res} (fill_fd_e, fill_res_x). Parameter lists
 * are the schema's (abi/event_table*.c); Linux values are the x86_64 uapi's.
 */
#ifndef SCAPDRV_FILL_STAT_H
#define SCAPDRV_FILL_STAT_H

#include "fill/common.h"

/* access enter: mode (R_OK 4, W_OK 2, X_OK 1 are the format's values). */
SCAPDRV_FILLER void scapdrv_fill_access_e(struct scapdrv_evt *e)
{
	scapdrv_put_u32(e, e->args[1] & 7);
}

/* getcwd exit: res, path (the string the call wrote, when it succeeded; else empty). */
SCAPDRV_FILLER void scapdrv_fill_getcwd_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
	if (e->ret > 0)
		scapdrv_put_user_path(e, e->args[0]);
	else
		scapdrv_put_empty(e);
}

/* lseek enter: fd, offset, whence (SEEK_SET/CUR/END are the format's 0/1/2; SEEK_DATA
 * and SEEK_HOLE have no code: 0). */
SCAPDRV_FILLER void scapdrv_fill_lseek_e(struct scapdrv_evt *e)
{
	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_u64(e, e->args[1]);
	scapdrv_put_u8(e, e->args[2] <= 2 ? e->args[2] : 0);
}

/* flock enter: fd, operation (LOCK_SH 1, LOCK_EX 2, LOCK_NB 4, LOCK_UN 8: the format's). */
SCAPDRV_FILLER void scapdrv_fill_flock_e(struct scapdrv_evt *e)
{
	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_u32(e, e->args[1] & 0xf);
}

/* splice enter: fd_in, fd_out, size, flags (SPLICE_F_MOVE..GIFT 1..8: the format's). */
SCAPDRV_FILLER void scapdrv_fill_splice_e(struct scapdrv_evt *e)
{
	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_fd(e, e->args[2]);
	scapdrv_put_u64(e, e->args[4]);
	scapdrv_put_u32(e, e->args[5] & 0xf);
}

/* copy_file_range enter: fdin, offin (the value *off_in holds, 0 without), len. */
SCAPDRV_FILLER void scapdrv_fill_copy_file_range_e(struct scapdrv_evt *e)
{
	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_u64(e, scapdrv_user_u64(e, e->args[1]));
	scapdrv_put_u64(e, e->args[4]);
}

/* copy_file_range exit: res, fdout, offout (the value *off_out holds after the call, 0
 * without). */
SCAPDRV_FILLER void scapdrv_fill_copy_file_range_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
	scapdrv_put_fd(e, e->args[2]);
	scapdrv_put_u64(e, scapdrv_user_u64(e, e->args[3]));
}

/* newfstatat exit: res, dirfd, path, flags (AT_SYMLINK_NOFOLLOW, AT_NO_AUTOMOUNT,
 * AT_EMPTY_PATH: the format's values). */
SCAPDRV_FILLER void scapdrv_fill_newfstatat_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_user_path(e, e->args[1]);
	scapdrv_put_u32(e, e->args[3] & 0x1900);
}

/* mknod exit: res, path, mode (type and permission bits: the format's), dev (the
 * argument); mknodat: res, dirfd, path, mode, dev. */
SCAPDRV_FILLER void scapdrv_fill_mknod_x(struct scapdrv_evt *e)
{
	u32 i = e->type == SCAP_EVT_SYSCALL_MKNODAT_X ? 1 : 0;

	scapdrv_put_res(e);
	if (i)
		scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_user_path(e, e->args[i]);
	scapdrv_put_u32(e, e->args[i + 1] & 0xffff);
	scapdrv_put_u32(e, e->args[i + 2]);
}

#endif /* SCAPDRV_FILL_STAT_H */

/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/* compat/inode.h - an inode's change and modification times (accessors since 6.6/6.7). */
#ifndef SCAPDRV_COMPAT_INODE_H
#define SCAPDRV_COMPAT_INODE_H

#include <linux/fs.h>
#include <linux/time64.h>
#include "compat/config.h"

/* ns since the epoch of a time the kernel keeps as a timespec64 (0 before the epoch) */
static inline u64 scapdrv_ts_ns(struct timespec64 ts)
{
	return ts.tv_sec < 0 ? 0 : (u64)ts.tv_sec * NSEC_PER_SEC + (u64)ts.tv_nsec;
}

/* @inode's ctime (last status change), ns since the epoch. */
static inline u64 scapdrv_inode_ctime_ns(const struct inode *inode)
{
#ifdef SCAPDRV_HAVE_INODE_GET_CTIME
	return scapdrv_ts_ns(inode_get_ctime(inode));
#else
	return scapdrv_ts_ns(inode->i_ctime);
#endif
}

/* @inode's mtime (last modification), ns since the epoch. */
static inline u64 scapdrv_inode_mtime_ns(const struct inode *inode)
{
#ifdef SCAPDRV_HAVE_INODE_GET_MTIME
	return scapdrv_ts_ns(inode_get_mtime(inode));
#else
	return scapdrv_ts_ns(inode->i_mtime);
#endif
}

#endif /* SCAPDRV_COMPAT_INODE_H */

/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * compat/fd.h - the struct file behind a descriptor of the current task, without taking
 * a reference (the caller holds rcu_read_lock() and uses the file only inside it).
 */
#ifndef SCAPDRV_COMPAT_FD_H
#define SCAPDRV_COMPAT_FD_H

#include <linux/fdtable.h>
#include <linux/sched.h>
#include "compat/config.h"

/* Return: the file of @fd in current's table, or NULL. Caller: rcu_read_lock() held. */
static inline struct file *scapdrv_fd_file_rcu(unsigned int fd)
{
	struct files_struct *files = current->files;

	if (!files)
		return NULL;
#ifdef SCAPDRV_HAVE_FILES_LOOKUP_FD_RAW
	return files_lookup_fd_raw(files, fd);
#else
	return fcheck_files(files, fd);
#endif
}

#endif /* SCAPDRV_COMPAT_FD_H */

// SPDX-License-Identifier: GPL-2.0 OR MIT
/* Probe: inode_get_mtime() (Linux 6.7+; inode->i_mtime was read directly before). */
#include <linux/module.h>
#include <linux/fs.h>

static struct timespec64 __maybe_unused probe(const struct inode *inode)
{
	return inode_get_mtime(inode);
}

static int __init probe_init(void)
{
	return 0;
}
module_init(probe_init);
MODULE_LICENSE("Dual MIT/GPL");

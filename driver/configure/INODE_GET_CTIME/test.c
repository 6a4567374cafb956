// SPDX-License-Identifier: GPL-2.0 OR MIT
/* Probe: inode_get_ctime() (Linux 6.6+; inode->i_ctime was read directly before). */
#include <linux/module.h>
#include <linux/fs.h>

static struct timespec64 __maybe_unused probe(const struct inode *inode)
{
	return inode_get_ctime(inode);
}

static int __init probe_init(void)
{
	return 0;
}
module_init(probe_init);
MODULE_LICENSE("Dual MIT/GPL");

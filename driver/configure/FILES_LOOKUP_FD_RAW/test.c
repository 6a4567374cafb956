// SPDX-License-Identifier: GPL-2.0 OR MIT
/* Probe: files_lookup_fd_raw() (Linux 5.11+; fcheck_files() before). */
#include <linux/module.h>
#include <linux/fdtable.h>
#include <linux/sched.h>

static int __init probe_init(void)
{
	struct file *f;

	rcu_read_lock();
	f = files_lookup_fd_raw(current->files, 0);
	rcu_read_unlock();
	return f ? 0 : 0;
}
module_init(probe_init);
MODULE_LICENSE("Dual MIT/GPL");

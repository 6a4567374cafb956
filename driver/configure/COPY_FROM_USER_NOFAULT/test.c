// SPDX-License-Identifier: GPL-2.0 OR MIT
/*
 * Probe: copy_from_user_nofault() (Linux 5.8+, exported to modules). Its string
 * sibling strncpy_from_user_nofault() is not exported (Debian 12's 6.1): compat/uaccess.h
 * builds the string copy from this one.
 */
#include <linux/module.h>
#include <linux/uaccess.h>

static int __init probe_init(void)
{
	char buf[4];

	return copy_from_user_nofault(buf, (const void __user *)0, sizeof(buf)) ? 0 : 0;
}
module_init(probe_init);
MODULE_LICENSE("Dual MIT/GPL");

// SPDX-License-Identifier: GPL-2.0 OR MIT
/* Probe: kernel_cap_t is one u64 `val` (Linux 6.3+; an array of two u32 before). */
#include <linux/module.h>
#include <linux/capability.h>

static int __init probe_init(void)
{
	kernel_cap_t c = { .val = 0 };

	return (int)c.val;
}
module_init(probe_init);
MODULE_LICENSE("Dual MIT/GPL");

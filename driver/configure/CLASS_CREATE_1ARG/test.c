// SPDX-License-Identifier: GPL-2.0 OR MIT
/* Probe: class_create() takes only the name (Linux 6.4+; the owner module before). */
#include <linux/module.h>
#include <linux/device.h>

static int __init probe_init(void)
{
	struct class *c = class_create("scry_probe");

	if (!IS_ERR(c))
		class_destroy(c);
	return 0;
}
module_init(probe_init);
MODULE_LICENSE("Dual MIT/GPL");

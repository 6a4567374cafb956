// SPDX-License-Identifier: GPL-2.0 OR MIT
/* Probe: vm_flags_clear() (Linux 6.3+; vma->vm_flags was written directly before). */
#include <linux/module.h>
#include <linux/mm.h>

static void __maybe_unused probe(struct vm_area_struct *vma)
{
	vm_flags_clear(vma, VM_MAYWRITE);
}

static int __init probe_init(void)
{
	return 0;
}
module_init(probe_init);
MODULE_LICENSE("Dual MIT/GPL");

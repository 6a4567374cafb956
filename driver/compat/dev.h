/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/* compat/dev.h - device class and VMA flag helpers whose signatures changed. */
#ifndef SCAPDRV_COMPAT_DEV_H
#define SCAPDRV_COMPAT_DEV_H

#include <linux/device.h>
#include <linux/mm.h>
#include "compat/config.h"

static inline struct class *scapdrv_class_create(const char *name)
{
#ifdef SCAPDRV_HAVE_CLASS_CREATE_1ARG
	return class_create(name);
#else
	return class_create(THIS_MODULE, name);
#endif
}

static inline void scapdrv_vma_clear_flags(struct vm_area_struct *vma, unsigned long flags)
{
#ifdef SCAPDRV_HAVE_VM_FLAGS_CLEAR
	vm_flags_clear(vma, flags);
#else
	vma->vm_flags &= ~flags;
#endif
}

#endif /* SCAPDRV_COMPAT_DEV_H */

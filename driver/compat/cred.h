/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/* compat/cred.h - capability sets as one u64 (bit N = capability N, the format's too). */
#ifndef SCAPDRV_COMPAT_CRED_H
#define SCAPDRV_COMPAT_CRED_H

#include <linux/capability.h>
#include "compat/config.h"

static inline u64 scapdrv_cap_u64(kernel_cap_t c)
{
#ifdef SCAPDRV_HAVE_KERNEL_CAP_T_VAL
	return c.val;
#else
	return (u64)c.cap[0] | ((u64)c.cap[1] << 32);
#endif
}

#endif /* SCAPDRV_COMPAT_CRED_H */

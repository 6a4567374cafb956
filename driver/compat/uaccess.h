/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * compat/uaccess.h - reading user memory from tracepoint context without sleeping.
 *
 * The hot path runs with preemption disabled: a user page that is not resident must not
 * be faulted in. Both helpers fail instead (-EFAULT) and never sleep.
 */
#ifndef SCAPDRV_COMPAT_UACCESS_H
#define SCAPDRV_COMPAT_UACCESS_H

#include <linux/mm.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include "compat/config.h"

#ifndef SCAPDRV_HAVE_COPY_FROM_USER_NOFAULT
#error "scry needs copy_from_user_nofault() (Linux 5.8 or later)"
#endif

/*
 * scapdrv_read_user() - copy @len bytes from user address @src to @dst.
 * Return: 0, or -EFAULT (unmapped, not resident, or not a user address); @dst is then
 * undefined.
 */
static __always_inline long scapdrv_read_user(void *dst, const void __user *src, size_t len)
{
	return copy_from_user_nofault(dst, src, len);
}

/* Bytes read per step of scapdrv_read_user_str(); steps never cross a page. */
#define SCAPDRV_STR_STEP 128

/*
 * scapdrv_read_user_str() - copy a NUL-terminated user string of at most @max bytes
 * (NUL included, @max >= 1) to @dst.
 *
 * strncpy_from_user_nofault() is not exported to modules, so the string is read in
 * steps that stop at page boundaries: a string that ends just before an unmapped page
 * is read whole, and a fault is reported only for bytes the string really spans.
 * Return: bytes stored including the NUL (a string that does not fit is cut to
 * @max - 1 bytes plus NUL, and @max is returned); -EFAULT on a faulting read.
 */
static inline long scapdrv_read_user_str(char *dst, const void __user *src, long max)
{
	unsigned long addr = (unsigned long)src;
	long done = 0;

	while (done < max) {
		long n = min_t(long, max - done, SCAPDRV_STR_STEP);
		long to_page = PAGE_SIZE - ((addr + done) & ~PAGE_MASK);
		char *nul;

		n = min(n, to_page);
		if (copy_from_user_nofault(dst + done, (const void __user *)(addr + done), n))
			return -EFAULT;
		nul = memchr(dst + done, '\0', n);
		if (nul)
			return nul - dst + 1;
		done += n;
	}
	dst[max - 1] = '\0';
	return max;
}

#endif /* SCAPDRV_COMPAT_UACCESS_H */

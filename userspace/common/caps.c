/* SPDX-License-Identifier: Apache-2.0 */
/*
 * caps.c - keep one capability or none (see caps.h).
 */
#include <errno.h>
#include <stdbool.h>
#include <sys/capability.h>
#include <sys/prctl.h>

#include <linux/securebits.h>

#include "caps.h"

/* Whether the process's permitted set holds @v. */
static bool held(cap_value_t v)
{
	cap_flag_value_t f = CAP_CLEAR;
	cap_t cur = cap_get_proc();

	if (cur) {
		cap_get_flag(cur, v, CAP_PERMITTED, &f);
		cap_free(cur);
	}
	return f == CAP_SET;
}

int scry_drop_capabilities(int keep)
{
	cap_value_t v = keep;
	cap_t caps;
	int rc = 0;

	prctl(PR_SET_SECUREBITS, SECBIT_NOROOT | SECBIT_NOROOT_LOCKED | SECBIT_NO_SETUID_FIXUP |
	      SECBIT_NO_SETUID_FIXUP_LOCKED | SECBIT_KEEP_CAPS_LOCKED, 0, 0, 0);
	for (cap_value_t c = 0; c <= CAP_LAST_CAP; c++)
		if (c != keep)
			prctl(PR_CAPBSET_DROP, c, 0, 0, 0);
	prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
	caps = cap_init();
	if (!caps)
		return -ENOMEM;
	/* a capability the process does not hold cannot be kept (cap_set_proc() would
	 * fail with EPERM): an unprivileged user's scry -r F -w G keeps none */
	if (keep <= CAP_LAST_CAP && held(v)) {
		cap_set_flag(caps, CAP_PERMITTED, 1, &v, CAP_SET);
		cap_set_flag(caps, CAP_EFFECTIVE, 1, &v, CAP_SET);
	}
	if (cap_set_proc(caps) != 0)
		rc = -errno;
	cap_free(caps);
	return rc;
}

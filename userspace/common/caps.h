/* SPDX-License-Identifier: Apache-2.0 */
/*
 * caps.h - dropping capabilities after a live engine is open, shared by scry and scryd
 * (compiled into each tool; not a library API).
 */
#ifndef SCRY_CAPS_H
#define SCRY_CAPS_H

/*
 * Keep only the capability @keep (CAP_LAST_CAP + 1: none; one the process does not hold:
 * none) in every set, the bounding set
 * included, and lock the securebits so that no exec regains any. Return 0, or -errno of
 * cap_set_proc() (a failure to shrink the bounding set or to lock the securebits, which
 * need CAP_SETPCAP, is not an error).
 */
int scry_drop_capabilities(int keep);

#endif /* SCRY_CAPS_H */

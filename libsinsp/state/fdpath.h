/* SPDX-License-Identifier: Apache-2.0 */
/*
 * fdpath.h - the names sysdig 0.29.3 gives to files opened by path.
 */
#ifndef SINSP_FDPATH_H
#define SINSP_FDPATH_H

#include <stdbool.h>
#include <stddef.h>

#include "util/strbuf.h"

/*
 * sinsp_fdpath_join() - append to out the fd name of path opened relative to base, as
 * sysdig 0.29.3 computes it (it is not the kernel's resolution):
 *   - base:  the directory text, used verbatim (a thread's cwd ends with '/', a dirfd's
 *            name is given with a '/' appended, an unknown dirfd is "<UNKNOWN>"); NULL
 *            or ignored when path is absolute or absent.
 *   - path:  path_len bytes (up to the first NUL are used); has_path false for an
 *            empty parameter (no bytes at all), which names the fd "" whatever base is.
 * Rules applied to path only: bytes that are not printable ASCII become '.', a '/'
 * after a '/' is dropped, "./" is dropped and a final "." too, "../" and a final ".."
 * remove the last component written (never the first character), other ".." stay; at
 * the end one trailing '/' is removed unless the whole name is "/". These are textual:
 * "a./b" gives "ab" as in sysdig.
 * Returns true when base was used (path relative). On ENOMEM out keeps what fitted.
 */
bool sinsp_fdpath_join(struct strbuf *out, const char *base, const char *path, size_t path_len,
		       bool has_path);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
#ifndef SINSP_PATHS_H
#define SINSP_PATHS_H

#include <stdbool.h>
#include "util/strbuf.h"

/*
 * Resolve path against base (a directory, with or without trailing '/') the way the
 * kernel walks it lexically: "." and empty components dropped, ".." pops one
 * component (never above "/"). An absolute path ignores base. The result is
 * appended to out. Returns true when base was used (path was relative).
 */
bool sinsp_path_resolve(struct strbuf *out, const char *base, const char *path, size_t path_len);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * api.h - internal helpers shared by the typed public API (api_evt.c, api_fields.c,
 * api_state.c): the typed value of an event parameter and the filling of a caller's
 * struct that starts with size_t sz.
 */
#ifndef SINSP_API_INT_H
#define SINSP_API_INT_H

#include <stddef.h>
#include <string.h>

#include <scry/sinsp_value.h>
#include "sinsp_int.h"

/*
 * The typed value of parameter i of evt (sinsp_evt.h gives the mapping of parameter
 * types). out is a full struct sinsp_value. Returns false when evt has no parameter i.
 */
bool sinsp_api_param_value(const struct sinsp_evt *evt, uint32_t i, struct sinsp_value *out);

/* Smallest sz of a struct sinsp_value the library fills: through its union. */
#define SINSP_API_VALUE_MIN_SZ (offsetof(struct sinsp_value, u) + sizeof(((struct sinsp_value *)0)->u))

/*
 * Copy the first min(*(size_t *)dst, full_sz) bytes of full (a struct whose first
 * member is size_t sz) to dst, keeping dst's sz. Returns -EINVAL when dst is NULL or
 * its sz is smaller than a size_t, else 0.
 */
static inline int sinsp_api_copy_out(void *dst, const void *full, size_t full_sz)
{
	size_t sz;

	if (!dst)
		return -EINVAL;
	memcpy(&sz, dst, sizeof(sz));
	if (sz < sizeof(size_t))
		return -EINVAL;
	if (sz > full_sz)
		sz = full_sz;
	memcpy((char *)dst + sizeof(size_t), (const char *)full + sizeof(size_t), sz - sizeof(size_t));
	return 0;
}

#endif /* SINSP_API_INT_H */

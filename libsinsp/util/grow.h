/* SPDX-License-Identifier: Apache-2.0 */
/*
 * util/grow.h - amortised growth of an array that keeps no capacity field.
 */
#ifndef SINSP_UTIL_GROW_H
#define SINSP_UTIL_GROW_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

/*
 * Room for element n (0-based) of an array @arr of @n elements of @size bytes grown one
 * at a time without a capacity field: realloc() only when n is 0 or a power of two
 * >= 4, so the capacity is always max(4, the power of two >= n) and n appends cost
 * O(n) copies (realloc by one each time was quadratic: 100k filter values took > 120 s
 * under ASan). Return the array (moved or not), or NULL when out of memory (@arr is
 * then still valid and owned by the caller).
 */
static inline void *sinsp_grow(void *arr, size_t n, size_t size)
{
	if (n < 4 ? n != 0 : (n & (n - 1)) != 0)
		return arr;
	if (n > SIZE_MAX / 2 / size / 4)
		return NULL;
	return realloc(arr, (n ? 2 * n : 4) * size);
}

#endif /* SINSP_UTIL_GROW_H */

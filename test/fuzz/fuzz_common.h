/* SPDX-License-Identifier: Apache-2.0 */
/*
 * fuzz_common.h - what the libsinsp fuzz targets share: a handle on a capture in
 * memory, the events the filter and format targets evaluate on, and a format that
 * renders every field of the catalog.
 */
#ifndef SCRY_FUZZ_COMMON_H
#define SCRY_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include <scry/sinsp.h>

/* A sinsp handle reading the @len bytes at @data (not copied), or NULL when the capture
 * does not open. */
sinsp_t *fuzz_open_mem(const uint8_t *data, size_t len);

/*
 * The capture the filter and format targets evaluate on: the file named by the
 * environment variable SCRY_FUZZ_EVENTS (a real capture for a long run), else the one
 * the build generated (SCRY_FUZZ_EVENTS_DEFAULT, scripts/mkcapture.py). Read once;
 * aborts when it cannot be read.
 */
const uint8_t *fuzz_events(size_t *len);

/*
 * "*%f1 %f2 ..." over every field of the catalog that compiles (fields that take an
 * argument with [0], [1] and [-1] too); built once, static storage.
 */
const char *fuzz_all_fields_format(void);

/* A copy of @data as a NUL-terminated string (bytes after a NUL are dropped); free(). */
char *fuzz_string(const uint8_t *data, size_t size);

#endif /* SCRY_FUZZ_COMMON_H */

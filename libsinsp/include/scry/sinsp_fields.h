/* SPDX-License-Identifier: Apache-2.0 */
/*
 * sinsp_fields.h - the catalog of fields usable in output formats and filters.
 */
#ifndef SINSP_FIELDS_PUBLIC_H
#define SINSP_FIELDS_PUBLIC_H

#include <stddef.h>
#include <scry/sinsp.h>

struct sinsp_field_info {
	const char *name;   /* "proc.name"; static storage */
	const char *desc;   /* one line; static storage */
	bool takes_arg;     /* "evt.arg.NAME" / "evt.arg[N]" style */
};

/**
 * sinsp_field_info_get() - the i-th field of the catalog (0-based).
 * Return: pointer to static storage, or NULL past the last field.
 */
SINSP_API const struct sinsp_field_info *sinsp_field_info_get(size_t i);

#endif

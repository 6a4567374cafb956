/* SPDX-License-Identifier: Apache-2.0 */
/*
 * fields.h - the field catalog (evt.*, proc.*, thread.*, user.*, group.*,
 * container.*, fd.*) and extraction of a field's value from an event.
 */
#ifndef SINSP_FIELDS_H
#define SINSP_FIELDS_H

#include "sinsp_int.h"

enum field_kind {
	FIELD_STR,   /* JSON string */
	FIELD_NUM,   /* JSON number */
	FIELD_BOOL,  /* printed true/false, JSON boolean */
};

struct field_def {
	const char *name;       /* "proc.name" */
	int id;                 /* enum field_id (fields.c) */
	enum field_kind kind;
	bool arg;               /* takes an argument: name[arg] or name.arg */
	bool arg_required;
	const char *desc;       /* one line for scry -l */
};

/* A field reference compiled from a format or filter. */
struct field_ref {
	const struct field_def *def;
	char *arg;              /* malloc'd argument or NULL */
	int argnum;             /* numeric argument, -1 when none */
};

/*
 * Parse a field name at s (longest match in the catalog), with its argument
 * ("evt.arg.fd", "evt.arg[0]", "proc.aname[2]"). On success fills out and returns
 * the bytes consumed; 0 when no field starts at s.
 */
size_t sinsp_field_parse(const char *s, struct field_ref *out);
void sinsp_field_ref_free(struct field_ref *r);

/*
 * Append the value of the field for evt to out. Returns false when the field does
 * not resolve for this event (sysdig prints <NA>, JSON null).
 */
bool sinsp_field_extract(struct sinsp_evt *evt, const struct field_ref *r,
			 enum sinsp_buf_fmt bf, struct strbuf *out);

/* The catalog, NULL-name terminated. */
extern const struct field_def sinsp_field_defs[];

#endif

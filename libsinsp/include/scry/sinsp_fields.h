/* SPDX-License-Identifier: Apache-2.0 */
/*
 * sinsp_fields.h - the catalog of fields usable in output formats and filters, and
 * typed extraction of a field's value from an event.
 *
 * Use: compile a field name once (sinsp_field_compile(), e.g. "proc.aname[2]",
 * "evt.arg.fd", "evt.arg[1]", "fd.cip"), then read its value for each event returned by
 * sinsp_next() with sinsp_field_extract_value(). The value is the one the text of
 * output formats is rendered from (a format prints numbers in the field's print format,
 * addresses in their usual notation, booleans as true/false).
 *
 * Value types of the fields (struct sinsp_field_info.type): the catalog types them as
 * sysdig does, refined where the API has a better type: pids and tids (proc.pid,
 * proc.ppid, proc.apid, proc.sid, proc.vpid, proc.vpgid, proc.loginshellid,
 * thread.tid, thread.vtid) are SINSP_VALUE_PID, fd.num is SINSP_VALUE_FD, evt.buffer is
 * the raw SINSP_VALUE_BYTES of the data parameter, fd.cnet / fd.snet / fd.lnet / fd.rnet
 * are the address as a host network (prefix length 32 or 128: a capture does not record
 * netmasks), evt.arg and evt.rawarg take the type of the parameter (see sinsp_evt.h,
 * sinsp_evt_param_get()).
 */
#ifndef SINSP_FIELDS_PUBLIC_H
#define SINSP_FIELDS_PUBLIC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <scry/sinsp.h>
#include <scry/sinsp_value.h>

#ifdef __cplusplus
extern "C" {
#endif

/* sinsp_field_info.flags */
#define SINSP_FIELD_F_ARG 0x01u          /* takes an argument: name[arg] or name.arg */
#define SINSP_FIELD_F_ARG_REQUIRED 0x02u /* the argument cannot be left out */
#define SINSP_FIELD_F_ARG_BRACKET 0x04u  /* argument in brackets only: proc.aname[2] */
#define SINSP_FIELD_F_ARG_DOT 0x08u      /* argument after a dot only: thread.cgroup.cpu */
#define SINSP_FIELD_F_FILTER_ONLY 0x10u  /* usable in filters only, not in output formats */
#define SINSP_FIELD_F_MULTI 0x20u        /* no single value: a filter compares any of several
                                            (fd.ip, fd.port, fd.proto, fd.net, evt.around);
                                            sinsp_field_compile() refuses it */

/* One field of the catalog. Fields are only appended (entries live in static storage). */
struct sinsp_field_info {
	const char *name;           /* "proc.name"; static storage */
	const char *desc;           /* one line; static storage */
	bool takes_arg;             /* same as flags & SINSP_FIELD_F_ARG */
	enum sinsp_value_type type; /* type of the extracted value; SINSP_VALUE_DYNAMIC for
	                               evt.arg and evt.rawarg (the parameter's type),
	                               SINSP_VALUE_IPADDR / SINSP_VALUE_IPNET for addresses and
	                               networks (v4 or v6 by the event) */
	uint32_t flags;             /* SINSP_FIELD_F_* */
};

/**
 * sinsp_field_count() - number of fields in the catalog.
 * Return: the count (the valid indexes of sinsp_field_info_get() are 0 .. count - 1).
 * Thread-safety: any thread.
 */
SINSP_API size_t sinsp_field_count(void);

/**
 * sinsp_field_info_get() - the i-th field of the catalog (0-based).
 * @i: [in] index.
 * Return: pointer to static storage, or NULL past the last field.
 * Thread-safety: any thread.
 */
SINSP_API const struct sinsp_field_info *sinsp_field_info_get(size_t i);

/**
 * sinsp_field_info_find() - a field of the catalog by name.
 * @name: [in] a catalog name ("proc.aname"), or a field reference with its argument
 *        ("proc.aname[2]", "evt.arg.fd"): the entry of the field it refers to.
 * Return: pointer to static storage; NULL when no field has that name (errno is not set).
 * Thread-safety: any thread.
 */
SINSP_API const struct sinsp_field_info *sinsp_field_info_find(const char *name);

/* A compiled field reference (name and argument), with the buffers its values use. */
struct sinsp_field;

/**
 * sinsp_field_compile() - compile a field reference once, for extraction per event.
 * @s:    [in] the inspector whose events the field will be read from (the handle must
 *        be freed before sinsp_close() of @s).
 * @name: [in] the whole reference: a catalog name with its argument if any, e.g.
 *        "proc.name", "proc.aname[2]", "evt.arg.fd", "evt.arg[1]", "evt.rawarg.res",
 *        "thread.cgroup.cpuacct", "fd.cip". Not kept.
 * @out:  [out] the handle (free with sinsp_field_free()); NULL on failure.
 * Return: 0; -EINVAL @s, @name or @out NULL, unknown field, text after the reference,
 * missing required or malformed argument (sinsp_last_error() says which); -ENOTSUP a
 * field with no single value (SINSP_FIELD_F_MULTI); -ENOMEM.
 * Thread-safety: one thread per inspector.
 */
SINSP_API int sinsp_field_compile(sinsp_t *s, const char *name, struct sinsp_field **out);

/**
 * sinsp_field_describe() - the catalog entry of a compiled field.
 * @f: [in] handle.
 * Return: static storage; NULL when @f is NULL.
 */
SINSP_API const struct sinsp_field_info *sinsp_field_describe(const struct sinsp_field *f);

/**
 * sinsp_field_extract_value() - the typed value of a field for one event.
 * @f:   [in] compiled field. Its buffers are reused by each call.
 * @evt: [in] an event from sinsp_next() of the inspector @f was compiled for, valid
 *       (i.e. before the next sinsp_next()).
 * @out: [out] the value; out->sz must be set by the caller (at least
 *       offsetof(struct sinsp_value, u) + sizeof(out->u)); on return 0 out->type is
 *       SINSP_VALUE_NONE. Strings and bytes are owned by the inspector or by @f: valid
 *       until the next sinsp_next(), the next extraction with @f, or sinsp_field_free(@f).
 * Some fields keep state across calls, as in output formats (evt.deltatime: time since
 * the previous extraction with the same handle; thread.totexectime).
 * Return: 1 the value is present; 0 the field does not resolve for this event (where a
 * format prints <NA>: e.g. fd.name of an event without fd, evt.arg.fd of an event
 * without an fd parameter, proc.aname[5] beyond the known ancestors); -EINVAL a NULL
 * argument, out->sz too small, or @evt not from the inspector @f was compiled for.
 * Thread-safety: one thread per inspector.
 */
SINSP_API int sinsp_field_extract_value(const struct sinsp_field *f, struct sinsp_evt *evt,
					struct sinsp_value *out);

/** sinsp_field_free() - release a handle and its buffers. NULL is ignored. */
SINSP_API void sinsp_field_free(struct sinsp_field *f);

#ifdef __cplusplus
}
#endif
#endif /* SINSP_FIELDS_PUBLIC_H */

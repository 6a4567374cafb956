/* SPDX-License-Identifier: Apache-2.0 */
/*
 * sinsp_evt.h - one event returned by sinsp_next(): its type, direction, thread, time,
 * CPU and parameters, typed.
 *
 * Lifetime: the event and everything these functions hand out (names of static storage
 * aside) are owned by the inspector and valid until the next sinsp_next() or
 * sinsp_close(). Parameter bytes point into the event's record.
 *
 * Parameter types (struct sinsp_param_info.scap_type is the SCAP_PT_* code of the
 * schema, scap_events.h) map to struct sinsp_value types (sinsp_value.h) as follows:
 *   INT8..INT64, ERRNO                          -> SINSP_VALUE_INT (sign-extended)
 *   UINT8..UINT64, SYSCALLID, SIGTYPE, L4PROTO, SOCKFAMILY, FLAGS*, ENUMFLAGS*, MODE,
 *   UID, GID, SIGSET                            -> SINSP_VALUE_UINT (zero-extended)
 *   FD -> SINSP_VALUE_FD; PID -> SINSP_VALUE_PID; BOOL -> SINSP_VALUE_BOOL;
 *   DOUBLE -> SINSP_VALUE_DOUBLE; PORT -> SINSP_VALUE_PORT;
 *   ABSTIME -> SINSP_VALUE_ABSTIME; RELTIME -> SINSP_VALUE_RELTIME;
 *   CHARBUF, FSPATH, FSRELPATH                  -> SINSP_VALUE_STRING (up to the first NUL)
 *   IPV4ADDR / IPV6ADDR / IPADDR (by length)    -> SINSP_VALUE_IPV4 / SINSP_VALUE_IPV6
 *   IPV4NET / IPV6NET / IPNET (address bytes, then a prefix length byte when present,
 *   else a host network)                        -> SINSP_VALUE_IPV4NET / SINSP_VALUE_IPV6NET
 *   DYN: the tagged value, typed by the tag (sockopt: errno, uint32, uint64, timeval as
 *   RELTIME; ptrace: uint64, signal; bpf: fd, result); an unknown tag -> BYTES
 *   BYTEBUF, SOCKADDR, SOCKTUPLE, FDLIST, CHARBUFARRAY, CHARBUF_PAIR_ARRAY
 *                                               -> SINSP_VALUE_BYTES (the raw bytes; see
 *                                                  scap_events.h for their layout)
 * A parameter whose length does not fit its type (a truncated or empty integer) is
 * SINSP_VALUE_BYTES of its raw bytes.
 */
#ifndef SINSP_EVT_PUBLIC_H
#define SINSP_EVT_PUBLIC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <scry/sinsp.h>
#include <scry/sinsp_value.h>

#ifdef __cplusplus
extern "C" {
#endif

/** sinsp_evt_type() - the event type (enum scap_evt_type, scap_events.h). */
SINSP_API uint16_t sinsp_evt_type(const struct sinsp_evt *evt);

/**
 * sinsp_evt_type_name() - the event's name as evt.type prints it: the syscall's name
 * for syscall events; for generic syscall events (SCAP_EVT_GENERIC_E/X, which
 * scap_evt_info() names "syscall") the name of the syscall their ID parameter carries
 * ("access"); "<unknown>" for a type or syscall code the schema does not know.
 * Return: static storage, never NULL.
 */
SINSP_API const char *sinsp_evt_type_name(const struct sinsp_evt *evt);

/* Direction of an event: enter (the call) or exit (its return), as evt.dir prints > / <. */
enum sinsp_evt_dir { SINSP_EVT_DIR_ENTER = 0, SINSP_EVT_DIR_EXIT = 1 };

/**
 * sinsp_evt_dir() - the event's direction. Non-syscall events are enter or exit by the
 * parity of their type, as the schema numbers them (evt.dir prints them so).
 */
SINSP_API enum sinsp_evt_dir sinsp_evt_dir(const struct sinsp_evt *evt);

/** sinsp_evt_num() - the event's number in the stream (evt.num), from 1. */
SINSP_API uint64_t sinsp_evt_num(const struct sinsp_evt *evt);

/** sinsp_evt_tid() - id of the thread that produced the event (host pid namespace). */
SINSP_API int64_t sinsp_evt_tid(const struct sinsp_evt *evt);

/** sinsp_evt_ts() - the event's timestamp, ns since the epoch (UTC). */
SINSP_API uint64_t sinsp_evt_ts(const struct sinsp_evt *evt);

/** sinsp_evt_cpu() - the CPU that produced the event (0-based). */
SINSP_API uint16_t sinsp_evt_cpu(const struct sinsp_evt *evt);

/**
 * sinsp_evt_param_count() - number of parameters of the event: as many as the record
 * carries, at most the schema's count for its type; 0 when the record's parameter
 * lengths overrun it (the event is then shown without parameters).
 */
SINSP_API uint32_t sinsp_evt_param_count(const struct sinsp_evt *evt);

/* Description of one parameter of an event. Set sz before passing it to be filled. */
struct sinsp_param_info {
	size_t sz;              /* caller: sizeof(struct sinsp_param_info) */
	uint32_t index;         /* 0-based position in the event */
	const char *name;       /* schema name ("fd", "res", "name"); static storage */
	uint32_t scap_type;     /* enum scap_param_type: SCAP_PT_* of the schema */
	const uint8_t *raw;     /* the parameter's bytes as recorded (little-endian integers);
	                           owned by the event; NULL when len is 0 */
	uint32_t raw_len;       /* bytes of raw */
};

/**
 * sinsp_evt_param_get() - parameter @i of the event: description and typed value.
 * @evt:  [in] event.
 * @i:    [in] 0-based index, below sinsp_evt_param_count().
 * @info: [out] name, schema type and raw bytes; may be NULL. info->sz set by the caller.
 * @val:  [out] the typed value (see the table at the top); may be NULL. val->sz set by
 *        the caller. Strings and bytes point into the event: valid until the next
 *        sinsp_next().
 * Return: 0; -ENOENT no parameter @i; -EINVAL @evt NULL, info->sz below sizeof(size_t)
 * or val->sz below offsetof(struct sinsp_value, u) + sizeof(val->u).
 */
SINSP_API int sinsp_evt_param_get(const struct sinsp_evt *evt, uint32_t i,
				  struct sinsp_param_info *info, struct sinsp_value *val);

/**
 * sinsp_evt_param_find() - index of the parameter named @name in the event.
 * @evt:  [in] event.  @name: [in] schema name, e.g. "fd", "res", "name".
 * Return: the index (>= 0); -ENOENT the event has no such parameter (or the record does
 * not carry it); -EINVAL a NULL argument.
 */
SINSP_API int sinsp_evt_param_find(const struct sinsp_evt *evt, const char *name);

#ifdef __cplusplus
}
#endif
#endif /* SINSP_EVT_PUBLIC_H */

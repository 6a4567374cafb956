/* SPDX-License-Identifier: Apache-2.0 */
/*
 * sinsp_value.h - a typed value: what a field (sinsp_fields.h) or an event parameter
 * (sinsp_evt.h) holds for one event, without text formatting.
 *
 * Shape: struct sinsp_value starts with size_t sz (set by the caller to
 * sizeof(struct sinsp_value) before a call fills it; fields are only appended, so a
 * caller built against an older header gets the fields it knows). The member of the
 * union `u` to read is given by `type`; `len` counts the bytes of strings and buffers.
 *
 * Ownership and lifetime: strings and buffers point into memory owned by the inspector
 * (the event's record, its state tables, or the field handle's buffer); they are valid
 * until the next sinsp_next() or sinsp_close(), and a string produced by a field is
 * also replaced by the next sinsp_field_extract_value() on the same handle and freed by
 * sinsp_field_free() of it. Copy what must outlive that. Numbers are held by value.
 */
#ifndef SINSP_VALUE_H
#define SINSP_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <scry/sinsp.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What a struct sinsp_value holds (and which member of its union `u` to read). */
enum sinsp_value_type {
	SINSP_VALUE_NONE = 0,     /* no value: the field or parameter is not present */
	SINSP_VALUE_STRING = 1,   /* u.str: len bytes of text then a NUL (text may hold no NUL) */
	SINSP_VALUE_INT = 2,      /* u.s64: signed integer (results, errnos, signed counts) */
	SINSP_VALUE_UINT = 3,     /* u.u64: unsigned integer (counts, flags, modes, uids) */
	SINSP_VALUE_BOOL = 4,     /* u.b */
	SINSP_VALUE_DOUBLE = 5,   /* u.d */
	SINSP_VALUE_IPV4 = 6,     /* u.ipv4: 4 bytes, network order (a.b.c.d = {a, b, c, d}) */
	SINSP_VALUE_IPV6 = 7,     /* u.ipv6: 16 bytes, network order */
	SINSP_VALUE_IPV4NET = 8,  /* u.ipv4net: address (network order) and prefix length 0..32 */
	SINSP_VALUE_IPV6NET = 9,  /* u.ipv6net: address (network order) and prefix length 0..128 */
	SINSP_VALUE_PORT = 10,    /* u.u64: TCP/UDP port, 0..65535, host order */
	SINSP_VALUE_ABSTIME = 11, /* u.u64: absolute time, ns since the epoch (UTC) */
	SINSP_VALUE_RELTIME = 12, /* u.u64: a duration, ns */
	SINSP_VALUE_BYTES = 13,   /* u.bytes: len raw bytes (not NUL terminated) */
	SINSP_VALUE_FD = 14,      /* u.s64: file descriptor number (negative: an error result) */
	SINSP_VALUE_PID = 15,     /* u.s64: process or thread id (host pid namespace unless the
	                             field says otherwise: thread.vtid, proc.vpid) */
	SINSP_VALUE_DYNAMIC = 16, /* catalog only (sinsp_field_info.type): the type depends on the
	                             event (evt.arg, evt.rawarg take the parameter's type) */
	SINSP_VALUE_IPADDR = 17,  /* catalog only: an address, SINSP_VALUE_IPV4 or SINSP_VALUE_IPV6
	                             by the event (fd.cip) */
	SINSP_VALUE_IPNET = 18,   /* catalog only: a network, SINSP_VALUE_IPV4NET or
	                             SINSP_VALUE_IPV6NET by the event (fd.cnet) */
};

/* A typed value. Set sz = sizeof(struct sinsp_value) before passing it to be filled. */
struct sinsp_value {
	size_t sz;                    /* caller: sizeof(struct sinsp_value) */
	enum sinsp_value_type type;   /* SINSP_VALUE_NONE when absent */
	size_t len;                   /* bytes of u.str (without its NUL) or u.bytes; else 0 */
	union {
		int64_t s64;          /* INT, FD, PID */
		uint64_t u64;         /* UINT, PORT, ABSTIME, RELTIME */
		bool b;               /* BOOL */
		double d;             /* DOUBLE */
		const char *str;      /* STRING: owned by the inspector (see the lifetime above) */
		const uint8_t *bytes; /* BYTES: owned by the inspector (see the lifetime above) */
		uint8_t ipv4[4];      /* IPV4 */
		uint8_t ipv6[16];     /* IPV6 */
		struct {
			uint8_t addr[4];
			uint8_t prefix_len;
		} ipv4net;            /* IPV4NET */
		struct {
			uint8_t addr[16];
			uint8_t prefix_len;
		} ipv6net;            /* IPV6NET */
	} u;
};

/**
 * sinsp_value_type_name() - a short name of a value type: "none", "string", "int",
 * "uint", "bool", "double", "ipv4", "ipv6", "ipv4net", "ipv6net", "port", "abstime",
 * "reltime", "bytes", "fd", "pid", "dynamic", "ipaddr", "ipnet".
 * @type: [in] the type.
 * Return: static storage; "unknown" for a number outside the enum.
 * Thread-safety: any thread.
 */
SINSP_API const char *sinsp_value_type_name(enum sinsp_value_type type);

#ifdef __cplusplus
}
#endif
#endif /* SINSP_VALUE_H */

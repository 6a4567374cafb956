/* SPDX-License-Identifier: Apache-2.0 */
/*
 * api_evt.c - the public view of an event (sinsp_evt.h): type name, direction, thread,
 * time, CPU, and its parameters as typed values.
 */
#include <errno.h>
#include <string.h>

#include <scry/sinsp_evt.h>

#include "api.h"

const char *sinsp_value_type_name(enum sinsp_value_type type)
{
	static const char *const names[] = {
		[SINSP_VALUE_NONE] = "none",       [SINSP_VALUE_STRING] = "string",
		[SINSP_VALUE_INT] = "int",         [SINSP_VALUE_UINT] = "uint",
		[SINSP_VALUE_BOOL] = "bool",       [SINSP_VALUE_DOUBLE] = "double",
		[SINSP_VALUE_IPV4] = "ipv4",       [SINSP_VALUE_IPV6] = "ipv6",
		[SINSP_VALUE_IPV4NET] = "ipv4net", [SINSP_VALUE_IPV6NET] = "ipv6net",
		[SINSP_VALUE_PORT] = "port",       [SINSP_VALUE_ABSTIME] = "abstime",
		[SINSP_VALUE_RELTIME] = "reltime", [SINSP_VALUE_BYTES] = "bytes",
		[SINSP_VALUE_FD] = "fd",           [SINSP_VALUE_PID] = "pid",
		[SINSP_VALUE_DYNAMIC] = "dynamic", [SINSP_VALUE_IPADDR] = "ipaddr",
		[SINSP_VALUE_IPNET] = "ipnet",
	};

	if ((unsigned)type >= sizeof(names) / sizeof(names[0]) || !names[type])
		return "unknown";
	return names[type];
}

uint16_t sinsp_evt_type(const struct sinsp_evt *evt)
{
	return evt->ref.type;
}

const char *sinsp_evt_type_name(const struct sinsp_evt *evt)
{
	if (evt->ref.type == SCAP_EVT_GENERIC_E || evt->ref.type == SCAP_EVT_GENERIC_X) {
		uint64_t id = sinsp_param_u64(evt, 0, 0);

		return id < SCAP_SC_MAX && scap_syscall_names[id] ? scap_syscall_names[id] : "<unknown>";
	}
	return evt->info && evt->info->name ? evt->info->name : "<unknown>";
}

enum sinsp_evt_dir sinsp_evt_dir(const struct sinsp_evt *evt)
{
	return scap_evt_is_enter(evt->ref.type) ? SINSP_EVT_DIR_ENTER : SINSP_EVT_DIR_EXIT;
}

uint64_t sinsp_evt_num(const struct sinsp_evt *evt)
{
	return evt->num;
}

int64_t sinsp_evt_tid(const struct sinsp_evt *evt)
{
	return (int64_t)evt->ref.tid;
}

uint64_t sinsp_evt_ts(const struct sinsp_evt *evt)
{
	return evt->ref.ts_ns;
}

uint16_t sinsp_evt_cpu(const struct sinsp_evt *evt)
{
	return evt->ref.cpu;
}

uint32_t sinsp_evt_param_count(const struct sinsp_evt *evt)
{
	return sinsp_evt_nparams(evt);
}

static void set_bytes(struct sinsp_value *v, const uint8_t *p, uint32_t len)
{
	v->type = SINSP_VALUE_BYTES;
	v->u.bytes = len ? p : NULL;
	v->len = len;
}

/* An integer of width w (1, 2, 4, 8) from p; false when len is not w. */
static bool int_of(const uint8_t *p, uint32_t len, uint32_t w, bool sign, struct sinsp_value *v,
		   enum sinsp_value_type t)
{
	struct sinsp_param par = { p, len };

	if (len != w)
		return false;
	v->type = t;
	if (sign)
		v->u.s64 = sinsp_param_val_s64(&par, 0);
	else
		v->u.u64 = sinsp_param_val_u64(&par, 0);
	return true;
}

/* An address (4 or 16 bytes), or a network (address then an optional prefix byte). */
static bool addr_of(const uint8_t *p, uint32_t len, bool net, struct sinsp_value *v)
{
	if (len == 4 || (net && len == 5)) {
		if (net) {
			v->type = SINSP_VALUE_IPV4NET;
			memcpy(v->u.ipv4net.addr, p, 4);
			v->u.ipv4net.prefix_len = len == 5 && p[4] <= 32 ? p[4] : 32;
		} else {
			v->type = SINSP_VALUE_IPV4;
			memcpy(v->u.ipv4, p, 4);
		}
		return true;
	}
	if (len == 16 || (net && len == 17)) {
		if (net) {
			v->type = SINSP_VALUE_IPV6NET;
			memcpy(v->u.ipv6net.addr, p, 16);
			v->u.ipv6net.prefix_len = len == 17 && p[16] <= 128 ? p[16] : 128;
		} else {
			v->type = SINSP_VALUE_IPV6;
			memcpy(v->u.ipv6, p, 16);
		}
		return true;
	}
	return false;
}

/* The value of bytes p (len) of schema type type; false when they do not fit it. */
static bool typed(uint8_t type, const uint8_t *p, uint32_t len, struct sinsp_value *v)
{
	switch (type) {
	case SCAP_PT_INT8: return int_of(p, len, 1, true, v, SINSP_VALUE_INT);
	case SCAP_PT_INT16: return int_of(p, len, 2, true, v, SINSP_VALUE_INT);
	case SCAP_PT_INT32: return int_of(p, len, 4, true, v, SINSP_VALUE_INT);
	case SCAP_PT_INT64:
	case SCAP_PT_ERRNO: return int_of(p, len, 8, true, v, SINSP_VALUE_INT);
	case SCAP_PT_FD: return int_of(p, len, 8, true, v, SINSP_VALUE_FD);
	case SCAP_PT_PID: return int_of(p, len, 8, true, v, SINSP_VALUE_PID);
	case SCAP_PT_UINT8:
	case SCAP_PT_SIGTYPE:
	case SCAP_PT_L4PROTO:
	case SCAP_PT_SOCKFAMILY:
	case SCAP_PT_FLAGS8:
	case SCAP_PT_ENUMFLAGS8: return int_of(p, len, 1, false, v, SINSP_VALUE_UINT);
	case SCAP_PT_UINT16:
	case SCAP_PT_SYSCALLID:
	case SCAP_PT_FLAGS16:
	case SCAP_PT_ENUMFLAGS16: return int_of(p, len, 2, false, v, SINSP_VALUE_UINT);
	case SCAP_PT_UINT32:
	case SCAP_PT_FLAGS32:
	case SCAP_PT_ENUMFLAGS32:
	case SCAP_PT_MODE:
	case SCAP_PT_UID:
	case SCAP_PT_GID:
	case SCAP_PT_SIGSET: return int_of(p, len, 4, false, v, SINSP_VALUE_UINT);
	case SCAP_PT_UINT64: return int_of(p, len, 8, false, v, SINSP_VALUE_UINT);
	case SCAP_PT_PORT: return int_of(p, len, 2, false, v, SINSP_VALUE_PORT);
	case SCAP_PT_RELTIME: return int_of(p, len, 8, false, v, SINSP_VALUE_RELTIME);
	case SCAP_PT_ABSTIME: return int_of(p, len, 8, false, v, SINSP_VALUE_ABSTIME);
	case SCAP_PT_BOOL:
		if (!int_of(p, len, 4, false, v, SINSP_VALUE_BOOL))
			return false;
		v->u.b = v->u.u64 != 0;
		return true;
	case SCAP_PT_DOUBLE:
		if (len != 8)
			return false;
		v->type = SINSP_VALUE_DOUBLE;
		memcpy(&v->u.d, p, 8);
		return true;
	case SCAP_PT_CHARBUF:
	case SCAP_PT_FSPATH:
	case SCAP_PT_FSRELPATH:
		/* the record's string: NUL terminated when its length includes the NUL */
		if (!len || p[len - 1] != 0)
			return false;
		v->type = SINSP_VALUE_STRING;
		v->u.str = (const char *)p;
		v->len = strlen(v->u.str);
		return true;
	case SCAP_PT_IPV4ADDR: return len == 4 && addr_of(p, len, false, v);
	case SCAP_PT_IPV6ADDR: return len == 16 && addr_of(p, len, false, v);
	case SCAP_PT_IPADDR: return addr_of(p, len, false, v);
	case SCAP_PT_IPV4NET: return (len == 4 || len == 5) && addr_of(p, len, true, v);
	case SCAP_PT_IPV6NET: return (len == 16 || len == 17) && addr_of(p, len, true, v);
	case SCAP_PT_IPNET: return addr_of(p, len, true, v);
	default:
		set_bytes(v, p, len);
		return true;
	}
}

bool sinsp_api_param_value(const struct sinsp_evt *evt, uint32_t i, struct sinsp_value *out)
{
	const struct sinsp_param *par = sinsp_evt_param_at(evt, i);
	const struct scap_param_info *pi;
	const uint8_t *p;
	uint32_t len;
	uint8_t type;

	out->type = SINSP_VALUE_NONE;
	out->len = 0;
	memset(&out->u, 0, sizeof(out->u));
	if (!par || !evt->info)
		return false;
	pi = &evt->info->params[i];
	p = par->val;
	len = par->len;
	type = pi->type;
	if (type == SCAP_PT_DYN && pi->info && len && p[0] < pi->ninfo) {
		/* the tag selects the entry of the parameter's type table */
		type = ((const struct scap_param_info *)pi->info)[p[0]].type;
		p++;
		len--;
	}
	if (!typed(type, p, len, out))
		set_bytes(out, par->val, par->len);
	return true;
}

int sinsp_evt_param_get(const struct sinsp_evt *evt, uint32_t i, struct sinsp_param_info *info,
			struct sinsp_value *val)
{
	const struct sinsp_param *par;
	int rc;

	if (!evt)
		return -EINVAL;
	if ((info && info->sz < sizeof(size_t)) || (val && val->sz < SINSP_API_VALUE_MIN_SZ))
		return -EINVAL;
	par = sinsp_evt_param_at(evt, i);
	if (!par || !evt->info)
		return -ENOENT;
	if (info) {
		struct sinsp_param_info full = {
			.sz = sizeof(full),
			.index = i,
			.name = evt->info->params[i].name,
			.scap_type = evt->info->params[i].type,
			.raw = par->len ? par->val : NULL,
			.raw_len = par->len,
		};

		rc = sinsp_api_copy_out(info, &full, sizeof(full));
		if (rc)
			return rc;
	}
	if (val) {
		struct sinsp_value full = { .sz = sizeof(full) };

		sinsp_api_param_value(evt, i, &full);
		rc = sinsp_api_copy_out(val, &full, sizeof(full));
		if (rc)
			return rc;
	}
	return 0;
}

int sinsp_evt_param_find(const struct sinsp_evt *evt, const char *name)
{
	int i;

	if (!evt || !name)
		return -EINVAL;
	i = sinsp_param_index(evt, name);
	return i < 0 ? -ENOENT : i;
}

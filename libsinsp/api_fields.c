/* SPDX-License-Identifier: Apache-2.0 */
/*
 * api_fields.c - the public field API (sinsp_fields.h): the catalog with value types
 * and flags, field handles, and typed extraction. The values come from the extractors
 * of fields*.c (sinsp_field_extract_val()), the same values the text renderer prints;
 * this file only types them.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <scry/sinsp_fields.h>

#include "api.h"
#include "fields.h"

struct sinsp_field {
	struct sinsp *s;
	struct field_ref ref;
	const struct sinsp_field_info *info;
	struct strbuf text;       /* text values of the last extraction */
};

static bool is_pid_field(const struct field_def *d)
{
	if (d->cls != FIELD_CLASS_PROC)
		return false;
	switch (d->id) {
	case F_PROC_PID: case F_PROC_PPID: case F_PROC_APID: case F_PROC_LOGINSHELLID:
	case F_THREAD_TID: case F_THREAD_VTID: case F_PROC_VPID: case F_PROC_SID: case F_PROC_VPGID:
		return true;
	default:
		return false;
	}
}

static bool is_multi_field(const struct field_def *d)
{
	if (d->cls == FIELD_CLASS_EVT)
		return d->id == F_EVT_AROUND;
	return d->cls == FIELD_CLASS_FD &&
	       (d->id == F_FD_IP || d->id == F_FD_PORT || d->id == F_FD_PROTO || d->id == F_FD_NET);
}

/* A part of a time ("evt.rawtime.s", "evt.latency.ns"): a plain count, not a time. */
static bool is_time_part(const char *name)
{
	size_t n = strlen(name);

	return (n > 2 && strcmp(name + n - 2, ".s") == 0) || (n > 3 && strcmp(name + n - 3, ".ns") == 0);
}

static enum sinsp_value_type def_value_type(const struct field_def *d)
{
	if (d->cls == FIELD_CLASS_EVT && (d->id == F_EVT_ARG || d->id == F_EVT_RAWARG))
		return SINSP_VALUE_DYNAMIC;
	if (d->cls == FIELD_CLASS_EVT && d->id == F_EVT_BUFFER)
		return SINSP_VALUE_BYTES;
	if (d->cls == FIELD_CLASS_FD && d->id == F_FD_NUM)
		return SINSP_VALUE_FD;
	if (is_pid_field(d))
		return SINSP_VALUE_PID;
	switch (d->type) {
	case SCAP_PT_INT8: case SCAP_PT_INT16: case SCAP_PT_INT32: case SCAP_PT_INT64:
		return SINSP_VALUE_INT;
	case SCAP_PT_UINT8: case SCAP_PT_UINT16: case SCAP_PT_UINT32: case SCAP_PT_UINT64:
		return SINSP_VALUE_UINT;
	case SCAP_PT_BOOL: return SINSP_VALUE_BOOL;
	case SCAP_PT_DOUBLE: return SINSP_VALUE_DOUBLE;
	case SCAP_PT_PORT: return SINSP_VALUE_PORT;
	case SCAP_PT_ABSTIME: return is_time_part(d->name) ? SINSP_VALUE_UINT : SINSP_VALUE_ABSTIME;
	case SCAP_PT_RELTIME: return is_time_part(d->name) ? SINSP_VALUE_UINT : SINSP_VALUE_RELTIME;
	case SCAP_PT_IPADDR: return SINSP_VALUE_IPADDR;
	case SCAP_PT_IPNET: return SINSP_VALUE_IPNET;
	default: return SINSP_VALUE_STRING;
	}
}

static uint32_t def_flags(const struct field_def *d)
{
	uint32_t f = 0;

	if (d->arg)
		f |= SINSP_FIELD_F_ARG;
	if (d->arg_required)
		f |= SINSP_FIELD_F_ARG_REQUIRED;
	if (d->flags & FIELD_F_ARG_BRACKET)
		f |= SINSP_FIELD_F_ARG_BRACKET;
	if (d->flags & FIELD_F_ARG_DOT)
		f |= SINSP_FIELD_F_ARG_DOT;
	if (d->flags & FIELD_F_FILTER_ONLY)
		f |= SINSP_FIELD_F_FILTER_ONLY;
	if (is_multi_field(d))
		f |= SINSP_FIELD_F_MULTI;
	return f;
}

static struct sinsp_field_info *field_infos;
static size_t nfield_infos;
static pthread_once_t field_infos_once = PTHREAD_ONCE_INIT;

static void build_field_infos(void)
{
	static struct sinsp_field_info infos[512];
	size_t i;

	for (i = 0; sinsp_field_defs[i].name && i < sizeof(infos) / sizeof(infos[0]); i++) {
		const struct field_def *d = &sinsp_field_defs[i];

		infos[i].name = d->name;
		infos[i].desc = d->desc;
		infos[i].takes_arg = d->arg;
		infos[i].type = def_value_type(d);
		infos[i].flags = def_flags(d);
	}
	field_infos = infos;
	nfield_infos = i;
}

size_t sinsp_field_count(void)
{
	pthread_once(&field_infos_once, build_field_infos);
	return nfield_infos;
}

const struct sinsp_field_info *sinsp_field_info_get(size_t i)
{
	pthread_once(&field_infos_once, build_field_infos);
	return i < nfield_infos ? &field_infos[i] : NULL;
}

static const struct sinsp_field_info *info_of_def(const struct field_def *d)
{
	return sinsp_field_info_get((size_t)(d - sinsp_field_defs));
}

const struct sinsp_field_info *sinsp_field_info_find(const char *name)
{
	const struct sinsp_field_info *fi = NULL;
	struct field_ref r;
	size_t i, n;

	if (!name)
		return NULL;
	for (i = 0; i < sinsp_field_count(); i++)
		if (strcmp(field_infos[i].name, name) == 0)
			return &field_infos[i];
	n = sinsp_field_parse(name, &r);
	if (n && !name[n])
		fi = info_of_def(r.def);
	if (n)
		sinsp_field_ref_free(&r);
	return fi;
}

int sinsp_field_compile(sinsp_t *s, const char *name, struct sinsp_field **out)
{
	struct sinsp_field *f;
	size_t n;

	if (out)
		*out = NULL;
	if (!s || !name || !out)
		return -EINVAL;
	f = calloc(1, sizeof(*f));
	if (!f)
		return sinsp_err(s, -ENOMEM, "sinsp_field_compile: out of memory");
	n = sinsp_field_parse(name, &f->ref);
	if (!n) {
		free(f);
		return sinsp_err(s, -EINVAL, "sinsp_field_compile: '%s' is no field (unknown name, "
				 "missing or malformed argument)", name);
	}
	if (name[n]) {
		sinsp_field_free(f);
		return sinsp_err(s, -EINVAL, "sinsp_field_compile: '%s': unexpected text after the "
				 "field at byte %zu", name, n);
	}
	if (is_multi_field(f->ref.def)) {
		sinsp_field_free(f);
		return sinsp_err(s, -ENOTSUP, "sinsp_field_compile: '%s' has no single value (a "
				 "filter compares any of several)", name);
	}
	f->s = s;
	f->info = info_of_def(f->ref.def);
	*out = f;
	return 0;
}

const struct sinsp_field_info *sinsp_field_describe(const struct sinsp_field *f)
{
	return f ? f->info : NULL;
}

void sinsp_field_free(struct sinsp_field *f)
{
	if (!f)
		return;
	sinsp_field_ref_free(&f->ref);
	strbuf_free(&f->text);
	free(f);
}

/* evt.buffer: the raw bytes of the data parameter. */
static bool buffer_value(struct sinsp_evt *evt, struct sinsp_value *v)
{
	int i = sinsp_param_index(evt, "data");
	const struct sinsp_param *p;

	if (i < 0 || !(p = sinsp_evt_param_at(evt, (uint32_t)i)))
		return false;
	v->type = SINSP_VALUE_BYTES;
	v->u.bytes = p->len ? p->val : NULL;
	v->len = p->len;
	return true;
}

static void set_addr(struct sinsp_value *v, const struct field_val *fv, bool net)
{
	if (fv->t == FV_IPV4) {
		if (net) {
			v->type = SINSP_VALUE_IPV4NET;
			memcpy(v->u.ipv4net.addr, &fv->v.ip4, 4);
			v->u.ipv4net.prefix_len = 32;
		} else {
			v->type = SINSP_VALUE_IPV4;
			memcpy(v->u.ipv4, &fv->v.ip4, 4);
		}
	} else if (net) {
		v->type = SINSP_VALUE_IPV6NET;
		memcpy(v->u.ipv6net.addr, fv->v.ip6, 16);
		v->u.ipv6net.prefix_len = 128;
	} else {
		v->type = SINSP_VALUE_IPV6;
		memcpy(v->u.ipv6, fv->v.ip6, 16);
	}
}

/* Type the extractor's value fv as the catalog types field f. */
static void set_value(const struct sinsp_field *f, const struct field_val *fv, struct sinsp_value *v)
{
	enum sinsp_value_type t = f->info->type;

	switch (fv->t) {
	case FV_TEXT:
		v->type = SINSP_VALUE_STRING;
		v->u.str = f->text.buf ? f->text.buf : "";
		v->len = f->text.len;
		return;
	case FV_IPV4:
	case FV_IPV6:
		set_addr(v, fv, t == SINSP_VALUE_IPNET);
		return;
	case FV_DOUBLE:
		v->type = SINSP_VALUE_DOUBLE;
		v->u.d = fv->v.d;
		return;
	case FV_BOOL:
		v->type = SINSP_VALUE_BOOL;
		v->u.b = fv->v.u != 0;
		return;
	default:
		break;
	}
	switch (t) {
	case SINSP_VALUE_INT: case SINSP_VALUE_PID: case SINSP_VALUE_FD:
		v->type = t;
		v->u.s64 = fv->t == FV_S64 ? fv->v.s : (int64_t)fv->v.u;
		return;
	case SINSP_VALUE_UINT: case SINSP_VALUE_PORT: case SINSP_VALUE_ABSTIME: case SINSP_VALUE_RELTIME:
		v->type = t;
		v->u.u64 = fv->t == FV_S64 ? (uint64_t)fv->v.s : fv->v.u;
		return;
	case SINSP_VALUE_BOOL:
		v->type = SINSP_VALUE_BOOL;
		v->u.b = fv->v.u != 0;
		return;
	default:
		if (fv->t == FV_S64) {
			v->type = SINSP_VALUE_INT;
			v->u.s64 = fv->v.s;
		} else {
			v->type = SINSP_VALUE_UINT;
			v->u.u64 = fv->v.u;
		}
		return;
	}
}

/* The value of f for evt in full (a whole struct sinsp_value); false when absent. */
static bool extract(struct sinsp_field *f, struct sinsp_evt *evt, struct sinsp_value *v)
{
	const struct field_def *d = f->ref.def;
	struct field_val fv;
	int i;

	if (d->cls == FIELD_CLASS_EVT && (d->id == F_EVT_ARG || d->id == F_EVT_RAWARG)) {
		/* the parameter itself, typed (its text is what evt.arg prints) */
		i = sinsp_fields_evt_arg_index(evt, &f->ref);
		return i >= 0 && sinsp_api_param_value(evt, (uint32_t)i, v);
	}
	if (d->cls == FIELD_CLASS_EVT && d->id == F_EVT_BUFFER)
		return buffer_value(evt, v);
	strbuf_reset(&f->text);
	if (!sinsp_field_extract_val(evt, &f->ref, SINSP_BUF_NORMAL, &fv, &f->text))
		return false;
	set_value(f, &fv, v);
	return true;
}

int sinsp_field_extract_value(const struct sinsp_field *cf, struct sinsp_evt *evt, struct sinsp_value *out)
{
	struct sinsp_field *f = (struct sinsp_field *)cf;
	struct sinsp_value full;
	bool present;
	int rc;

	if (!f || !evt || !out || evt->s != f->s || out->sz < SINSP_API_VALUE_MIN_SZ)
		return -EINVAL;
	memset(&full, 0, sizeof(full));
	full.sz = sizeof(full);
	present = extract(f, evt, &full);
	if (!present) {
		memset(&full, 0, sizeof(full));
		full.sz = sizeof(full);
	}
	rc = sinsp_api_copy_out(out, &full, sizeof(full));
	if (rc)
		return rc;
	return present ? 1 : 0;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * filter_types.c - how a filter check compares: the sysdig 0.29.3 type of each field
 * (text, signed or unsigned number of a width, boolean, address, network) and the
 * operators sysdig takes for it.
 */
#include <string.h>

#include "filter/filter.h"

/* The sysdig 0.29.3 type of the fields that do not compare as text (sysdig -l). */
static const struct {
	const char *name;
	enum flt_vtype vtype;
	uint8_t bits;
} field_types[] = {
	{ "evt.num", FVT_UNSIGNED, 64 },       { "evt.rawtime", FVT_UNSIGNED, 64 },
	{ "evt.rawtime.s", FVT_UNSIGNED, 64 }, { "evt.rawtime.ns", FVT_UNSIGNED, 64 },
	{ "evt.reltime", FVT_UNSIGNED, 64 },   { "evt.latency", FVT_UNSIGNED, 64 },
	{ "evt.cpu", FVT_SIGNED, 16 },         { "evt.rawres", FVT_SIGNED, 64 },
	{ "evt.buflen", FVT_UNSIGNED, 64 },    { "evt.failed", FVT_BOOL, 32 },
	{ "evt.is_io", FVT_BOOL, 32 },         { "evt.is_io_read", FVT_BOOL, 32 },
	{ "evt.is_io_write", FVT_BOOL, 32 },   { "evt.is_wait", FVT_BOOL, 32 },
	{ "proc.pid", FVT_SIGNED, 64 },        { "proc.ppid", FVT_SIGNED, 64 },
	{ "proc.vpid", FVT_SIGNED, 64 },       { "proc.sid", FVT_SIGNED, 64 },
	{ "proc.fdlimit", FVT_SIGNED, 64 },    { "proc.apid", FVT_SIGNED, 64 },
	{ "proc.nthreads", FVT_UNSIGNED, 32 }, { "proc.nchilds", FVT_UNSIGNED, 32 },
	{ "proc.vpgid", FVT_SIGNED, 64 },      { "proc.tty", FVT_SIGNED, 32 },
	{ "proc.loginshellid", FVT_SIGNED, 64 },
	{ "proc.vmsize", FVT_UNSIGNED, 64 },   { "proc.vmrss", FVT_UNSIGNED, 64 },
	{ "proc.vmswap", FVT_UNSIGNED, 64 },   { "proc.duration", FVT_UNSIGNED, 64 },
	{ "proc.fdopencount", FVT_UNSIGNED, 64 },
	{ "thread.tid", FVT_SIGNED, 64 },      { "thread.vtid", FVT_SIGNED, 64 },
	{ "thread.ismain", FVT_BOOL, 32 },     { "thread.pfmajor", FVT_UNSIGNED, 64 },
	{ "thread.pfminor", FVT_UNSIGNED, 64 },{ "thread.vmsize", FVT_UNSIGNED, 64 },
	{ "thread.vmrss", FVT_UNSIGNED, 64 },
	{ "user.uid", FVT_UNSIGNED, 32 },      { "user.loginuid", FVT_SIGNED, 32 },
	{ "group.gid", FVT_UNSIGNED, 64 },     { "container.privileged", FVT_BOOL, 32 },
	{ "fd.num", FVT_SIGNED, 64 },          { "fd.cport", FVT_UNSIGNED, 16 },
	{ "fd.sport", FVT_UNSIGNED, 16 },      { "fd.lport", FVT_UNSIGNED, 16 },
	{ "fd.rport", FVT_UNSIGNED, 16 },      { "fd.is_server", FVT_BOOL, 32 },
	{ "fd.connected", FVT_BOOL, 32 },      { "fd.dev", FVT_SIGNED, 32 },
	{ "fd.cip", FVT_IPADDR, 0 },           { "fd.sip", FVT_IPADDR, 0 },
	{ "fd.lip", FVT_IPADDR, 0 },           { "fd.rip", FVT_IPADDR, 0 },
	{ "fd.ip", FVT_IPADDR, 0 },            { "fd.port", FVT_UNSIGNED, 16 },
	{ "fd.proto", FVT_UNSIGNED, 16 },      { "fd.net", FVT_IPNET, 0 },
	{ "fd.cnet", FVT_IPNET, 0 },           { "fd.snet", FVT_IPNET, 0 },
	{ "fd.lnet", FVT_IPNET, 0 },           { "fd.rnet", FVT_IPNET, 0 },
	{ "evt.around", FVT_UNSIGNED, 64 },
};

/*
 * Why sysdig refuses op on evt.rawarg of parameter type t ("wrong parameter type" for
 * values it cannot parse; it crashes on 'in' but for plain text), NULL when it takes it.
 */
static const char *rawarg_refused(uint8_t t, enum flt_op op)
{
	if (op == FOP_EXISTS)
		return NULL;
	switch (t) {
	case SCAP_PT_BYTEBUF: case SCAP_PT_PID: case SCAP_PT_SOCKTUPLE: case SCAP_PT_DYN:
	case SCAP_PT_FDLIST: case SCAP_PT_SIGTYPE: case SCAP_PT_UID: case SCAP_PT_GID:
	case SCAP_PT_SIGSET: case SCAP_PT_CHARBUFARRAY: case SCAP_PT_CHARBUF_PAIR_ARRAY:
		return "sysdig cannot compare a parameter of this type (only 'exists')";
	default:
		break;
	}
	if ((op == FOP_IN || op == FOP_INTERSECTS || op == FOP_PMATCH) && t != SCAP_PT_CHARBUF)
		return "a list compares text parameters only";
	return NULL;
}

/* How evt.rawarg compares: by the type of its parameter (sinsp_field_type()). */
static void rawarg_vtype(struct flt_check *c)
{
	c->never = sinsp_field_type(&c->ref) == SCAP_PT_SOCKADDR && c->op != FOP_EXISTS;
	switch (sinsp_field_type(&c->ref)) {
	case SCAP_PT_INT8: case SCAP_PT_INT64: case SCAP_PT_ERRNO: case SCAP_PT_FD: case SCAP_PT_PID:
		c->vtype = FVT_SIGNED; c->bits = 64; break;
	case SCAP_PT_INT16: c->vtype = FVT_SIGNED; c->bits = 16; break;
	case SCAP_PT_INT32: c->vtype = FVT_SIGNED; c->bits = 32; break;
	case SCAP_PT_UINT16: case SCAP_PT_FLAGS16: case SCAP_PT_PORT: case SCAP_PT_ENUMFLAGS16:
		c->vtype = FVT_UNSIGNED; c->bits = 16; break;
	case SCAP_PT_UINT32: case SCAP_PT_FLAGS32: case SCAP_PT_UID: case SCAP_PT_GID:
	case SCAP_PT_MODE: case SCAP_PT_ENUMFLAGS32: case SCAP_PT_SIGSET: case SCAP_PT_BOOL:
		c->vtype = FVT_UNSIGNED; c->bits = 32; break;
	case SCAP_PT_UINT8: case SCAP_PT_FLAGS8: case SCAP_PT_ENUMFLAGS8: case SCAP_PT_SIGTYPE:
	case SCAP_PT_L4PROTO: case SCAP_PT_SOCKFAMILY: case SCAP_PT_SYSCALLID:
	case SCAP_PT_UINT64: case SCAP_PT_RELTIME: case SCAP_PT_ABSTIME:
		c->vtype = FVT_UNSIGNED; c->bits = 64; break;
	case SCAP_PT_IPV4ADDR: c->vtype = FVT_IPADDR; break;
	default: c->vtype = FVT_STR; break; /* text, paths, buffers, tuples */
	}
}

void flt_set_vtype(struct flt_check *c)
{
	size_t i;

	if (c->ref.def->cls == FIELD_CLASS_EVT && c->ref.def->id == F_EVT_RAWARG) {
		rawarg_vtype(c);
		return;
	}
	for (i = 0; i < sizeof(field_types) / sizeof(field_types[0]); i++) {
		if (strcmp(field_types[i].name, c->ref.def->name) == 0) {
			c->vtype = field_types[i].vtype;
			c->bits = field_types[i].bits;
			return;
		}
	}
	switch (c->ref.def->kind) {
	case FIELD_NUM: c->vtype = FVT_SIGNED; c->bits = 64; break;
	case FIELD_BOOL: c->vtype = FVT_BOOL; c->bits = 32; break;
	default: c->vtype = FVT_STR; break;
	}
}

bool flt_op_applies(enum flt_vtype vt, enum flt_op op)
{
	switch (op) {
	case FOP_EQ: case FOP_NE: case FOP_IN: case FOP_INTERSECTS: case FOP_EXISTS:
		return true;
	case FOP_LT: case FOP_LE: case FOP_GT: case FOP_GE:
		return vt != FVT_IPADDR && vt != FVT_IPNET;
	default:
		return vt == FVT_STR;
	}
}

/*
 * Operators sysdig refuses (or fails on at the first event that has the value) for
 * the fields it compares its own way; NULL when op applies, else why not.
 */
const char *flt_op_refused(const struct flt_check *c)
{
	const struct field_def *d = c->ref.def;

	if (d->cls == FIELD_CLASS_EVT && d->id == F_EVT_AROUND)
		return c->op == FOP_EQ || c->op == FOP_IN || c->op == FOP_EXISTS ? NULL :
		       "evt.around supports only '=' (evt.around[T]=D: within D ms of T ns)";
	if (d->cls == FIELD_CLASS_EVT && d->id == F_EVT_RAWARG)
		return rawarg_refused(sinsp_field_type(&c->ref), c->op);
	if (!c->multi || d->cls != FIELD_CLASS_FD)
		return NULL;
	if (c->op == FOP_EQ || c->op == FOP_NE || c->op == FOP_IN)
		return NULL;
	if (c->vtype == FVT_UNSIGNED && c->op >= FOP_LT && c->op <= FOP_GE)
		return NULL;
	return c->vtype == FVT_UNSIGNED ? "ports compare with =, !=, <, <=, >, >= and in only" :
	       "addresses compare with =, != and in only";
}

/* The argument of proc.apid / proc.aname is an ancestor's index: digits only (sysdig). */
bool flt_index_ok(const struct field_ref *r)
{
	const char *a = r->arg;

	if (r->def->cls != FIELD_CLASS_PROC || !a ||
	    (r->def->id != F_PROC_APID && r->def->id != F_PROC_ANAME && r->def->id != F_PROC_AEXE &&
	     r->def->id != F_PROC_AEXEPATH))
		return true;
	while (*a >= '0' && *a <= '9')
		a++;
	return a != r->arg && !*a;
}

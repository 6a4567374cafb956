/* SPDX-License-Identifier: Apache-2.0 */
/*
 * fields_fd.c - the fd.* fields: the file descriptor an event creates, uses or closes, as
 * sysdig 0.29.3 extracts it (including its guesses for events whose fd is not in the
 * table, the roles of sockets, and which end is local from the interface list).
 */
#define _GNU_SOURCE /* memrchr */
#include <string.h>

#include "fields/fields.h"
#include "util/paths.h"
#include "fields/render.h"

static const char *fd_type_name(int32_t type)
{
	switch (type) {
	case SCAP_FD_FILE:
	case SCAP_FD_FILE_V2: return "file";
	case SCAP_FD_DIRECTORY: return "directory";
	case SCAP_FD_IPV4_SOCK:
	case SCAP_FD_IPV4_SERVSOCK: return "ipv4";
	case SCAP_FD_IPV6_SOCK:
	case SCAP_FD_IPV6_SERVSOCK: return "ipv6";
	case SCAP_FD_UNIX_SOCK: return "unix";
	case SCAP_FD_FIFO: return "pipe";
	case SCAP_FD_EVENT: return "event";
	case SCAP_FD_SIGNALFD: return "signalfd";
	case SCAP_FD_EVENTPOLL: return "eventpoll";
	case SCAP_FD_INOTIFY: return "inotify";
	case SCAP_FD_TIMERFD: return "timerfd";
	case SCAP_FD_NETLINK: return "netlink";
	case SCAP_FD_BPF: return "bpf";
	case SCAP_FD_USERFAULTFD: return "userfaultfd";
	case SCAP_FD_IOURING: return "io_uring";
	case SCAP_FD_MEMFD: return "memfd";
	case SCAP_FD_PIDFD: return "pidfd";
	default: return "<NA>";
	}
}

bool sinsp_fields_fd_is_ip(const struct sinsp_fd *f)
{
	return f->type == SCAP_FD_IPV4_SOCK || f->type == SCAP_FD_IPV6_SOCK ||
	       f->type == SCAP_FD_IPV4_SERVSOCK || f->type == SCAP_FD_IPV6_SERVSOCK;
}

static bool is_conn(const struct sinsp_fd *f)
{
	return f->type == SCAP_FD_IPV4_SOCK || f->type == SCAP_FD_IPV6_SOCK;
}

static bool is_file(const struct sinsp_fd *f)
{
	return f->type == SCAP_FD_FILE || f->type == SCAP_FD_FILE_V2;
}

static bool is_connect_exit(const struct sinsp_evt *evt)
{
	return evt->ref.type == SCAP_EVT_SOCKET_CONNECT_X;
}

static bool is_open_exit(const struct sinsp_evt *evt)
{
	switch (evt->ref.type) {
	case SCAP_EVT_SYSCALL_OPEN_X:
	case SCAP_EVT_SYSCALL_OPENAT_X:
	case SCAP_EVT_SYSCALL_OPENAT_2_X:
	case SCAP_EVT_SYSCALL_OPENAT2_X:
	case SCAP_EVT_SYSCALL_CREAT_X:
		return true;
	default:
		return false;
	}
}

static bool is_openat_exit(const struct sinsp_evt *evt)
{
	return evt->ref.type == SCAP_EVT_SYSCALL_OPENAT_X || evt->ref.type == SCAP_EVT_SYSCALL_OPENAT_2_X;
}

/*
 * The absolute path p (n bytes) of a failed openat as sysdig names its fd: walked
 * lexically ("." and ".." resolved, repeated '/' dropped) and without a trailing '/'
 * ("/lib/x/../lib/a.so" is "/lib/lib/a.so", "/etc/d/" is "/etc/d"). Appended to out.
 */
static void absolute_name(struct strbuf *out, const char *p, size_t n)
{
	size_t start = out->len;

	sinsp_path_resolve(out, NULL, p, n);
	if (out->len > start + 1 && out->buf[out->len - 1] == '/')
		out->buf[--out->len] = 0;
}

/*
 * Name sysdig gives the fd of an exit event that has none in the table: the path of a
 * failed open, the tuple of a failed connect, "" for any other exit; none for enters.
 */
static bool fdname_from_event(struct sinsp_evt *evt, const struct field_ref *r, struct strbuf *out)
{
	struct strbuf *val = &r->scratch->a, *res = &r->scratch->b;
	int i;

	if (scap_evt_is_enter(evt->ref.type) || !evt->info)
		return false;
	if (is_open_exit(evt))
		i = sinsp_param_index(evt, "name");
	else if (is_connect_exit(evt))
		i = sinsp_param_index(evt, "tuple");
	else
		return true;
	if (i >= 0) {
		strbuf_reset(val);
		strbuf_reset(res);
		sinsp_render_param(evt, (uint32_t)i, SINSP_BUF_JSON, val, res);
		if (res->len)
			strbuf_add(out, res->buf, res->len);
		else if (val->len && val->buf[0] == '/' && is_openat_exit(evt))
			absolute_name(out, val->buf, val->len);
		else if (val->len)
			strbuf_add(out, val->buf, val->len);
	}
	return true;
}

/* fd type letter sysdig guesses from the event when the fd is not in the table */
static char typechar_from_event(const struct sinsp_evt *evt)
{
	static const struct { const char *name; char c; } guesses[] = {
		{ "open", 'f' }, { "openat", 'f' }, { "openat2", 'f' }, { "creat", 'f' },
		{ "socket", '4' }, { "accept", '4' }, { "accept4", '4' },
		{ "pipe", 'p' }, { "pipe2", 'p' }, { "eventfd", 'e' }, { "eventfd2", 'e' },
		{ "signalfd", 's' }, { "signalfd4", 's' }, { "timerfd_create", 't' },
		{ "inotify_init", 'i' }, { "inotify_init1", 'i' },
	};
	size_t i;

	if (!evt->info)
		return 'o';
	for (i = 0; i < sizeof(guesses) / sizeof(guesses[0]); i++)
		if (strcmp(evt->info->name, guesses[i].name) == 0)
			return guesses[i].c;
	return 'o';
}

/* fd.directory of a path held in out from start: cut at the last '/' ("/" for none). */
static void cut_directory(struct strbuf *out, size_t start)
{
	/* an empty name may come with no buffer at all: memrchr() must not see NULL */
	const char *slash = out->len > start ? memrchr(out->buf + start, '/', out->len - start) : NULL;

	if (slash && slash != out->buf + start) {
		if ((size_t)(slash - out->buf) < out->len - 1) {
			out->len = (size_t)(slash - out->buf);
			out->buf[out->len] = 0;
		}
	} else {
		out->len = start;
		strbuf_addc(out, '/');
	}
}

static bool extract_null_fd(struct sinsp_evt *evt, const struct field_ref *r, struct field_val *v,
			    struct strbuf *out)
{
	size_t start = out->len;
	const char *cid;

	v->t = FV_TEXT;
	switch (r->def->id) {
	case F_FD_TYPECHAR:
		strbuf_addc(out, typechar_from_event(evt));
		return true;
	case F_FD_NAME:
		return fdname_from_event(evt, r, out);
	case F_FD_CONTAINERNAME:
	case F_FD_CONTAINERDIRECTORY:
		cid = sinsp_fields_container_id(evt->thread);
		strbuf_adds(out, strcmp(cid, "host") ? cid : "");
		strbuf_addc(out, ':');
		start = out->len;
		if (!fdname_from_event(evt, r, out)) {
			out->len = start;
			return false;
		}
		if (r->def->id == F_FD_CONTAINERDIRECTORY)
			cut_directory(out, start);
		return true;
	case F_FD_DIRECTORY:
		if (!fdname_from_event(evt, r, out))
			return false;
		cut_directory(out, start);
		return true;
	default:
		return false; /* fd.filename, fd.is_server and the socket fields need the fd */
	}
}

static bool failed_result(struct sinsp_evt *evt)
{
	int i = sinsp_param_index(evt, "res");

	return i >= 0 && sinsp_param_s64(evt, (uint32_t)i, 0) < 0;
}

static bool is_local_ipv4(struct sinsp *s, uint32_t ip)
{
	uint32_t i;

	for (i = 0; i < s->nifv4; i++)
		if (s->ifv4[i].addr == ip)
			return true;
	return false;
}

/* sysdig matches IPv6 addresses to interfaces on their first 64 bits (the prefix) */
static bool is_local_ipv6(struct sinsp *s, const uint8_t ip[16])
{
	uint32_t i;

	for (i = 0; i < s->nifv6; i++)
		if (memcmp(s->ifv6[i].addr, ip, 8) == 0)
			return true;
	return false;
}

/* Is the client end (source) of a connection fd an address of this machine? */
static bool client_is_local(struct sinsp *s, const struct sinsp_fd *f)
{
	return f->type == SCAP_FD_IPV4_SOCK ? is_local_ipv4(s, f->addr.v4.sip) : is_local_ipv6(s, f->addr.v6.sip);
}

bool sinsp_fields_fd_ip(const struct sinsp_fd *f, bool client, struct field_val *v)
{
	if (f->type == SCAP_FD_IPV4_SOCK || f->type == SCAP_FD_IPV4_SERVSOCK) {
		v->t = FV_IPV4;
		v->v.ip4 = client || f->type == SCAP_FD_IPV4_SERVSOCK ? f->addr.v4.sip : f->addr.v4.dip;
	} else {
		v->t = FV_IPV6;
		v->v.ip6 = client || f->type == SCAP_FD_IPV6_SERVSOCK ? f->addr.v6.sip : f->addr.v6.dip;
	}
	return true;
}

uint16_t sinsp_fields_fd_port(const struct sinsp_fd *f, bool client)
{
	if (f->type == SCAP_FD_IPV4_SOCK)
		return client ? f->addr.v4.sport : f->addr.v4.dport;
	if (f->type == SCAP_FD_IPV6_SOCK)
		return client ? f->addr.v6.sport : f->addr.v6.dport;
	return f->type == SCAP_FD_IPV4_SERVSOCK ? f->addr.v4.sport : f->addr.v6.sport;
}

/* fd.name_changed: whether this event gave the fd the name it has now. */
static bool name_changed(struct sinsp_evt *evt, const struct sinsp_fd *f)
{
	int64_t res;

	if (scap_evt_is_enter(evt->ref.type) || !evt->info || evt->fd != f)
		return false;
	if (is_connect_exit(evt)) {
		res = sinsp_param_s64(evt, 0, 0);
		return sinsp_fields_fd_is_ip(f) && (res >= 0 || res == -SCAP_EINPROGRESS);
	}
	return (evt->info->flags & SCAP_EF_CREATES_FD) && f->name[0];
}

/* The address or port fields: c (client), s (server), l (local), r (remote). */
static bool endpoint(struct sinsp_evt *evt, const struct sinsp_fd *f, int id, struct field_val *v,
		     struct strbuf *out)
{
	bool client;

	switch (id) {
	case F_FD_CIP:
	case F_FD_SIP:
		if (!sinsp_fd_l4proto(f) && is_conn(f))
			return false; /* no role yet: sysdig does not know which end is which */
		/* a listening socket of the capture-start state has no role: no address */
		if (is_conn(f) || (id == F_FD_SIP && sinsp_fields_fd_is_ip(f) && sinsp_fd_has_role(f)))
			return sinsp_fields_fd_ip(f, id == F_FD_CIP, v);
		return false;
	case F_FD_CPORT:
		if (!sinsp_fd_l4proto(f) && is_conn(f))
			return false;
		if (is_conn(f))
			return sinsp_fv_u64(v, sinsp_fields_fd_port(f, true));
		/* sysdig 0.29.3 reports port 0 for a unix socket with a role and a bound socket */
		if ((f->type == SCAP_FD_UNIX_SOCK || f->type == SCAP_FD_IPV4_SERVSOCK ||
		     f->type == SCAP_FD_IPV6_SERVSOCK) && sinsp_fd_has_role(f))
			return sinsp_fv_u64(v, 0);
		return false;
	case F_FD_SPORT:
	case F_FD_SPROTO:
		if (!sinsp_fields_fd_is_ip(f) || (is_conn(f) && !sinsp_fd_l4proto(f)))
			return false;
		if (id == F_FD_SPORT)
			return sinsp_fv_u64(v, sinsp_fields_fd_port(f, false));
		v->t = FV_TEXT;
		if (is_conn(f))
			strbuf_add_u64(out, sinsp_fields_fd_port(f, false));
		return true;
	case F_FD_CPROTO:
		if (!sinsp_fd_l4proto(f) && is_conn(f))
			return false;
		if (!is_conn(f) && !(f->is_client || f->is_server))
			return false;
		v->t = FV_TEXT;
		if (is_conn(f))
			strbuf_add_u64(out, sinsp_fields_fd_port(f, true));
		return true;
	default:
		break;
	}
	/* local / remote: only connections with a role; the client end decides */
	if (!is_conn(f) || !sinsp_fd_l4proto(f))
		return false;
	client = client_is_local(evt->s, f);
	switch (id) {
	case F_FD_LIP: return sinsp_fields_fd_ip(f, client, v);
	case F_FD_RIP: return sinsp_fields_fd_ip(f, !client, v);
	case F_FD_LPORT: return sinsp_fv_u64(v, sinsp_fields_fd_port(f, client));
	case F_FD_RPORT: return sinsp_fv_u64(v, sinsp_fields_fd_port(f, !client));
	case F_FD_LPROTO:
	case F_FD_RPROTO:
		v->t = FV_TEXT;
		strbuf_add_u64(out, sinsp_fields_fd_port(f, id == F_FD_LPROTO ? client : !client));
		return true;
	default:
		return false; /* the *.name fields: names are never resolved */
	}
}

/* fd fields describe only events that create, use or close an fd */
static bool has_fd_fields(const struct sinsp_evt *evt)
{
	return evt->thread && evt->info &&
	       (evt->info->flags & (SCAP_EF_CREATES_FD | SCAP_EF_USES_FD | SCAP_EF_DESTROYS_FD));
}

/* fd.name is the fd's name as is, but for a failed connect (the tuple it tried) */
static bool name_is_fds(struct sinsp_evt *evt)
{
	return !(is_connect_exit(evt) && failed_result(evt));
}

/* sinsp_fields_fd_name_view() past its usual case, out of line: the usual case saves
 * no registers */
static __attribute__((noinline)) int fd_name_view_slow(struct sinsp_evt *evt, const char **s,
						       size_t *len)
{
	const struct sinsp_fd *f = evt->fd;

	if (!f && evt->fd_num >= 0)
		f = sinsp_fd_find(evt->thread, evt->fd_num);
	if (!f) {
		/* fdname_from_event() without a copy where it needs none: no name for an
		 * enter event, "" for an exit that is not an open or a connect */
		if (scap_evt_is_enter(evt->ref.type))
			return 0;
		if (is_open_exit(evt) || is_connect_exit(evt))
			return -1;
		*s = "";
		*len = 0;
		evt->view_id = 0;
		return 1;
	}
	if (!name_is_fds(evt))
		return -1;
	*s = f->name;
	*len = f->name_len;
	evt->view_id = f->name_id;
	return 1;
}

int sinsp_fields_fd_name_view(struct sinsp_evt *evt, const char **s, size_t *len)
{
	const struct sinsp_fd *f = evt->fd;

	if (!has_fd_fields(evt))
		return 0;
	/* the usual case: the event's own fd, not a connect exit (name_is_fds()) */
	if (!f || is_connect_exit(evt))
		return fd_name_view_slow(evt, s, len);
	*s = f->name;
	*len = f->name_len;
	evt->view_id = f->name_id;
	return 1;
}

bool sinsp_fields_fd(struct sinsp_evt *evt, const struct field_ref *r, struct field_val *v,
		     struct strbuf *out)
{
	const struct sinsp_fd *f = evt->fd;
	int id = r->def->id;
	const char *slash, *cid;

	if (!has_fd_fields(evt))
		return false;
	if (id == F_FD_NUM) {
		v->t = FV_S64;
		v->v.s = f ? f->fd : evt->fd_num;
		return true;
	}
	if (id == F_FD_UID) {
		v->t = FV_TEXT;
		strbuf_add_s64(out, evt->thread->tid);
		strbuf_add_s64(out, evt->fd_num);
		return true;
	}
	/* fd.nameraw: the path an open exit was given, as given; else fd.name */
	if (id == F_FD_NAMERAW) {
		const struct sinsp_param *pa = is_open_exit(evt) ? sinsp_evt_param(evt, "name") : NULL;
		struct field_ref name = *r;

		if (pa && pa->len > 1) {
			v->t = FV_TEXT;
			strbuf_add(out, (const char *)pa->val, strnlen((const char *)pa->val, pa->len));
			return true;
		}
		name.def = sinsp_field_defs;
		while (name.def->name && !(name.def->cls == FIELD_CLASS_FD && name.def->id == F_FD_NAME))
			name.def++;
		return sinsp_fields_fd(evt, &name, v, out);
	}
	/* as sysdig, an event without its own fd (unpaired exit) uses the thread's last fd */
	if (!f && evt->fd_num >= 0)
		f = sinsp_fd_find(evt->thread, evt->fd_num);
	if (!f)
		return extract_null_fd(evt, r, v, out);
	switch (id) {
	case F_FD_TYPE:
		v->t = FV_TEXT;
		strbuf_adds(out, fd_type_name(f->type));
		return true;
	case F_FD_TYPECHAR:
		v->t = FV_TEXT;
		strbuf_addc(out, sinsp_fd_typechar(f));
		return true;
	case F_FD_NAME:
	case F_FD_CONTAINERNAME:
		v->t = FV_TEXT;
		if (id == F_FD_CONTAINERNAME) {
			cid = sinsp_fields_container_id(evt->thread);
			strbuf_adds(out, strcmp(cid, "host") ? cid : "");
			strbuf_addc(out, ':');
		}
		/* a failed connect shows the tuple it tried for this event only, as sysdig does */
		if (!name_is_fds(evt))
			return fdname_from_event(evt, r, out);
		strbuf_adds(out, f->name);
		return true;
	case F_FD_DIRECTORY:
	case F_FD_CONTAINERDIRECTORY: {
		size_t start;

		if (!is_file(f) && f->type != SCAP_FD_DIRECTORY)
			return false;
		v->t = FV_TEXT;
		if (id == F_FD_CONTAINERDIRECTORY) {
			cid = sinsp_fields_container_id(evt->thread);
			strbuf_adds(out, strcmp(cid, "host") ? cid : "");
			strbuf_addc(out, ':');
		}
		start = out->len;
		strbuf_adds(out, f->name);
		if (is_file(f))
			cut_directory(out, start);
		return true;
	}
	case F_FD_FILENAME:
		if (!is_file(f))
			return false;
		v->t = FV_TEXT;
		slash = strrchr(f->name, '/');
		strbuf_adds(out, slash ? (slash[1] ? slash + 1 : f->name) : "/");
		return true;
	case F_FD_L4PROTO:
		v->t = FV_TEXT;
		switch (sinsp_fields_fd_is_ip(f) ? sinsp_fd_l4proto(f) : SCAP_L4_UNKNOWN) {
		case SCAP_L4_TCP: strbuf_adds(out, "tcp"); break;
		case SCAP_L4_UDP: strbuf_adds(out, "udp"); break;
		case SCAP_L4_ICMP: strbuf_adds(out, "icmp"); break;
		case SCAP_L4_RAW: strbuf_adds(out, "raw"); break;
		default:
			/*
			 * sysdig's value for any other fd it has is the text "<NA>": a filter
			 * compares it (fd.l4proto != tcp is true for a file), JSON prints it as a
			 * string and a format without '*' prints the line.
			 */
			strbuf_adds(out, "<NA>");
		}
		return true;
	case F_FD_SOCKFAMILY:
		v->t = FV_TEXT;
		if (sinsp_fields_fd_is_ip(f))
			strbuf_adds(out, "ip");
		else if (f->type == SCAP_FD_UNIX_SOCK)
			strbuf_adds(out, "unix");
		else
			return false;
		return true;
	case F_FD_IS_SERVER:
		/* listening sockets, and connections whose server end is this machine */
		return sinsp_fv_bool(v, f->type == SCAP_FD_IPV4_SERVSOCK || f->type == SCAP_FD_IPV6_SERVSOCK ||
				  (f->type == SCAP_FD_IPV4_SOCK && is_local_ipv4(evt->s, f->addr.v4.dip)) ||
				  (f->type == SCAP_FD_IPV6_SOCK && is_local_ipv6(evt->s, f->addr.v6.dip)));
	case F_FD_CONNECTED:
		return sinsp_fv_bool(v, is_conn(f) && f->is_client);
	case F_FD_NAME_CHANGED:
		return sinsp_fv_bool(v, name_changed(evt, f));
	case F_FD_DEV:
	case F_FD_DEV_MAJOR:
	case F_FD_DEV_MINOR: {
		/* kernel encoding: major in bits 20..31, minor in 0..19 */
		uint32_t dev = (uint32_t)f->dev;

		v->t = FV_S64;
		v->v.s = id == F_FD_DEV ? (int32_t)dev : id == F_FD_DEV_MAJOR ? (int32_t)(dev >> 20)
									: (int32_t)(dev & 0xfffff);
		return true;
	}
	case F_FD_IP:
	case F_FD_PORT:
	case F_FD_PROTO:
	case F_FD_NET:
		return false; /* filter only: see sinsp_field_match_any() */
	/* filter only: the address of fd.cip / fd.sip / fd.lip / fd.rip, in a network */
	case F_FD_CNET: return endpoint(evt, f, F_FD_CIP, v, out);
	case F_FD_SNET: return endpoint(evt, f, F_FD_SIP, v, out);
	case F_FD_LNET: return endpoint(evt, f, F_FD_LIP, v, out);
	case F_FD_RNET: return endpoint(evt, f, F_FD_RIP, v, out);
	default:
		return endpoint(evt, f, id, v, out);
	}
}

/* Call cb with the text of an address; true when it matched. */
static bool cand_ip(const struct sinsp_fd *f, bool client, struct strbuf *b, sinsp_field_cand_fn cb,
		    void *ctx)
{
	struct field_val v;

	sinsp_fields_fd_ip(f, client, &v);
	strbuf_reset(b);
	if (v.t == FV_IPV4)
		sinsp_render_ipv4(b, v.v.ip4);
	else
		sinsp_render_ipv6(b, v.v.ip6);
	return cb(ctx, b->buf, b->len);
}

static bool cand_port(uint16_t p, struct strbuf *b, sinsp_field_cand_fn cb, void *ctx)
{
	strbuf_reset(b);
	strbuf_add_u64(b, p);
	return cb(ctx, b->buf, b->len);
}

static enum sinsp_match answer(bool yes)
{
	return yes ? SINSP_MATCH_YES : SINSP_MATCH_NO;
}

enum sinsp_match sinsp_fields_fd_match_any(struct sinsp_evt *evt, const struct field_ref *r,
					   sinsp_field_cand_fn cb, void *ctx)
{
	const struct sinsp_fd *f = evt->fd;
	struct strbuf *b = &r->scratch->a;
	bool ports = r->def->id == F_FD_PORT || r->def->id == F_FD_PROTO;

	if (!has_fd_fields(evt))
		return SINSP_MATCH_NONE;
	if (!f && evt->fd_num >= 0)
		f = sinsp_fd_find(evt->thread, evt->fd_num);
	if (!f || !sinsp_fields_fd_is_ip(f))
		return SINSP_MATCH_NONE;
	/* a listening socket has one address and port; a connection both ends, role or not */
	if (!is_conn(f))
		return answer(ports ? cand_port(sinsp_fields_fd_port(f, false), b, cb, ctx) : cand_ip(f, false, b, cb, ctx));
	if (ports)
		return answer(cand_port(sinsp_fields_fd_port(f, true), b, cb, ctx) || cand_port(sinsp_fields_fd_port(f, false), b, cb, ctx));
	return answer(cand_ip(f, true, b, cb, ctx) || cand_ip(f, false, b, cb, ctx));
}

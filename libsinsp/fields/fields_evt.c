/* SPDX-License-Identifier: Apache-2.0 */
/*
 * fields_evt.c - the evt.* fields (and syscall.type): times, type and direction,
 * arguments, results, I/O properties and counters, as sysdig 0.29.3 extracts them.
 */
#include <inttypes.h>
#include <string.h>
#include <time.h>

#include <scry/scap_bytes.h>
#include <scry/sinsp_evt.h>

#include "fields/fields.h"
#include "util/paths.h"
#include "fields/render.h"

#define NS_PER_S 1000000000ull

/* scap open flags and mode bits (values of the scap format) */
#define SCAP_O_RDONLY 0x1u
#define SCAP_O_WRONLY 0x2u
#define SCAP_O_CREAT 0x4u
#define SCAP_O_TMPFILE 0x2000u
#define SCAP_S_IXANY (0x40u | 0x8u | 0x1u)

/* Append v as 9 zero-padded digits (the nanoseconds of a timestamp). */
static void add_ns9(struct strbuf *out, uint64_t v)
{
	char d[9];
	int i;

	for (i = 8; i >= 0; i--) {
		d[i] = (char)('0' + v % 10);
		v /= 10;
	}
	strbuf_add(out, d, 9);
}

/*
 * Local time of ts as "HH:MM:SS" or "YYYY-MM-DD HH:MM:SS", with ".nnnnnnnnn" when
 * with_ns. The text of the seconds is cached in the ref's scratch: consecutive events
 * mostly fall in the same second, and localtime + strftime cost far more than the rest
 * of an event's rendering.
 */
static void add_time(struct strbuf *out, const struct field_ref *r, uint64_t ts, bool with_ns,
		     bool with_date)
{
	struct field_scratch *sc = r->scratch;
	uint64_t sec = ts / NS_PER_S;

	if (!sc->time_len || sc->time_sec != sec) {
		time_t t = (time_t)sec;
		struct tm tm;

		localtime_r(&t, &tm);
		sc->time_len = (uint8_t)strftime(sc->time_txt, sizeof(sc->time_txt),
						 with_date ? "%Y-%m-%d %H:%M:%S" : "%H:%M:%S", &tm);
		sc->time_sec = sec;
	}
	strbuf_add(out, sc->time_txt, sc->time_len);
	if (with_ns) {
		strbuf_addc(out, '.');
		add_ns9(out, ts % NS_PER_S);
	}
}

static void add_iso8601(struct strbuf *out, uint64_t ts)
{
	time_t sec = (time_t)(ts / NS_PER_S);
	struct tm tm;
	char tmp[64];

	gmtime_r(&sec, &tm);
	strftime(tmp, sizeof(tmp), "%Y-%m-%dT%H:%M:%S", &tm);
	strbuf_printf(out, "%s.%09" PRIu64 "+0000", tmp, (uint64_t)(ts % NS_PER_S));
}

/* A duration in a short unit, as sysdig's evt.latency.human prints it. */
static void add_human_time(struct strbuf *out, uint64_t ns)
{
	if (ns >= NS_PER_S)
		strbuf_printf(out, "%u.%02us", (unsigned)(ns / NS_PER_S), (unsigned)((ns % NS_PER_S) / 10000000));
	else if (ns >= NS_PER_S / 100)
		strbuf_printf(out, "%ums", (unsigned)(ns / 1000000));
	else if (ns >= NS_PER_S / 1000)
		strbuf_printf(out, "%u.%02ums", (unsigned)(ns / 1000000), (unsigned)((ns % 1000000) / 10000));
	else if (ns >= NS_PER_S / 100000)
		strbuf_printf(out, "%uus", (unsigned)(ns / 1000));
	else if (ns >= NS_PER_S / 1000000)
		strbuf_printf(out, "%u.%02uus", (unsigned)(ns / 1000), (unsigned)((ns % 1000) / 10));
	else
		strbuf_printf(out, "%uns", (unsigned)ns);
}

static uint32_t category_of(const struct sinsp_evt *evt)
{
	uint32_t cat;

	if (!evt->info)
		return SCAP_EC_UNKNOWN;
	cat = evt->info->category;
	if (sinsp_type_is_generic(evt->ref.type))
		cat = scap_syscall_category((uint16_t)sinsp_param_u64(evt, 0, 0));
	return cat & ~(uint32_t)(SCAP_EC_SYSCALL | SCAP_EC_TRACEPOINT | SCAP_EC_PLUGIN | SCAP_EC_METAEVENT);
}

static const char *category_name(struct sinsp_evt *evt)
{
	uint32_t cat = category_of(evt);

	if (cat & SCAP_EC_IO_BASE) {
		if (!evt->fd)
			return "unknown";
		switch (evt->fd->type) {
		case SCAP_FD_FILE:
		case SCAP_FD_FILE_V2:
		case SCAP_FD_DIRECTORY:
			return "file";
		case SCAP_FD_IPV4_SOCK:
		case SCAP_FD_IPV6_SOCK:
		case SCAP_FD_IPV4_SERVSOCK:
		case SCAP_FD_IPV6_SERVSOCK:
			return "net";
		case SCAP_FD_FIFO:
		case SCAP_FD_UNIX_SOCK:
		case SCAP_FD_EVENT:
		case SCAP_FD_SIGNALFD:
		case SCAP_FD_INOTIFY:
		case SCAP_FD_USERFAULTFD:
			return "ipc";
		case SCAP_FD_UNSUPPORTED:
		case SCAP_FD_EVENTPOLL:
		case SCAP_FD_BPF:
		case SCAP_FD_IOURING:
		case SCAP_FD_NETLINK:
		case SCAP_FD_UNKNOWN:
			return "other";
		default:
			return "unknown";
		}
	}
	switch (cat) {
	case SCAP_EC_UNKNOWN: return "unknown";
	case SCAP_EC_OTHER: return "other";
	case SCAP_EC_FILE: return "file";
	case SCAP_EC_NET: return "net";
	case SCAP_EC_IPC: return "IPC";
	case SCAP_EC_MEMORY: return "memory";
	case SCAP_EC_PROCESS: return "process";
	case SCAP_EC_SLEEP: return "sleep";
	case SCAP_EC_SYSTEM: return "system";
	case SCAP_EC_SIGNAL: return "signal";
	case SCAP_EC_USER: return "user";
	case SCAP_EC_TIME: return "time";
	case SCAP_EC_PROCESSING: return "processing";
	case SCAP_EC_WAIT: return "wait";
	case SCAP_EC_SCHEDULER: return "scheduler";
	case SCAP_EC_INTERNAL: return "internal";
	default: return "unknown";
	}
}

/* The "res" parameter, or the "fd" of an fd-creating exit event; -1 when none. */
static int result_param(const struct sinsp_evt *evt)
{
	int i = sinsp_param_index(evt, "res");

	if (i < 0 && evt->info && (evt->info->flags & SCAP_EF_CREATES_FD) && !scap_evt_is_enter(evt->ref.type))
		i = sinsp_param_index(evt, "fd");
	return i;
}

/* 1 when the event failed (evt.count.error), false when it did not or has no result. */
static bool count_error(const struct sinsp_evt *evt, struct field_val *v)
{
	int i = result_param(evt);

	if (i < 0 || sinsp_param_s64(evt, (uint32_t)i, 0) >= 0)
		return false;
	v->t = FV_U64;
	v->v.u = 1;
	return true;
}

static bool fd_is_file(int32_t type)
{
	return type == SCAP_FD_FILE || type == SCAP_FD_FILE_V2 || type == SCAP_FD_DIRECTORY;
}

static bool fd_is_net(int32_t type)
{
	return type == SCAP_FD_IPV4_SOCK || type == SCAP_FD_IPV6_SOCK || type == SCAP_FD_IPV4_SERVSOCK ||
	       type == SCAP_FD_IPV6_SERVSOCK || type == SCAP_FD_UNIX_SOCK;
}

static bool is_open_exit(uint16_t type)
{
	return type == SCAP_EVT_SYSCALL_OPEN_X || type == SCAP_EVT_SYSCALL_CREAT_X ||
	       type == SCAP_EVT_SYSCALL_OPENAT_X || type == SCAP_EVT_SYSCALL_OPENAT_2_X;
}

static bool is_accept_connect_exit(uint16_t type)
{
	return type == SCAP_EVT_SOCKET_ACCEPT_X || type == SCAP_EVT_SOCKET_ACCEPT_5_X ||
	       type == SCAP_EVT_SOCKET_ACCEPT4_X || type == SCAP_EVT_SOCKET_ACCEPT4_5_X ||
	       type == SCAP_EVT_SOCKET_CONNECT_X;
}

/* evt.buflen: the result of an I/O exit event on a known fd, when not negative. */
static bool buflen(const struct sinsp_evt *evt, struct field_val *v)
{
	int64_t res;

	if (!evt->fd || !(category_of(evt) & SCAP_EC_IO_BASE) || scap_evt_is_enter(evt->ref.type) ||
	    sinsp_evt_nparams(evt) == 0)
		return false;
	res = sinsp_param_s64(evt, 0, -1);
	if (res < 0)
		return false;
	v->t = FV_U64;
	v->v.u = (uint64_t)res;
	return true;
}

/* Index of the parameter an evt.arg / evt.rawarg ref names for this event, -1 none. */
static int arg_index(const struct sinsp_evt *evt, const struct field_ref *r)
{
	int i;

	if (r->argnum >= 0)
		i = r->argnum;
	else if (r->param_idx)
		i = r->param_idx[evt->ref.type];
	else
		return -1;
	return i >= 0 && (uint32_t)i < sinsp_evt_nparams(evt) ? i : -1;
}

int sinsp_fields_evt_arg_index(const struct sinsp_evt *evt, const struct field_ref *r)
{
	return arg_index(evt, r);
}

/* evt.arg: the resolved text of a parameter if it has one, else its value text. */
static void add_param_text(struct sinsp_evt *evt, const struct field_ref *r, uint32_t i,
			   enum sinsp_buf_fmt bf, struct strbuf *out)
{
	struct strbuf *val = &r->scratch->a, *res = &r->scratch->b;

	strbuf_reset(val);
	strbuf_reset(res);
	sinsp_render_param(evt, i, bf, val, res);
	if (res->len)
		strbuf_add(out, res->buf, res->len);
	else if (val->len)
		strbuf_add(out, val->buf, val->len);
}

/* evt.rawarg: the parameter as its type holds it, without resolution. */
static bool rawarg(struct sinsp_evt *evt, const struct field_ref *r, struct field_val *v,
		   struct strbuf *out)
{
	int i = arg_index(evt, r);
	const struct sinsp_param *p;
	uint8_t type;

	if (i < 0)
		return false;
	p = sinsp_evt_param_at(evt, (uint32_t)i);
	type = evt->info->params[i].type;
	switch (type) {
	case SCAP_PT_INT8: case SCAP_PT_INT16: case SCAP_PT_INT32: case SCAP_PT_INT64:
	case SCAP_PT_ERRNO: case SCAP_PT_FD: case SCAP_PT_PID:
		v->t = FV_S64;
		v->v.s = sinsp_param_val_s64(p, 0);
		return true;
	case SCAP_PT_CHARBUF: case SCAP_PT_FSPATH: case SCAP_PT_FSRELPATH:
		v->t = FV_TEXT;
		strbuf_add(out, (const char *)p->val, strnlen((const char *)p->val, p->len));
		return true;
	case SCAP_PT_BYTEBUF: case SCAP_PT_SOCKADDR: case SCAP_PT_SOCKTUPLE: case SCAP_PT_FDLIST:
	case SCAP_PT_DYN: case SCAP_PT_CHARBUFARRAY: case SCAP_PT_CHARBUF_PAIR_ARRAY:
		/* no raw text form: the resolved rendering */
		v->t = FV_TEXT;
		add_param_text(evt, r, (uint32_t)i, SINSP_BUF_NORMAL, out);
		return true;
	case SCAP_PT_IPV4ADDR:
		if (p->len < 4)
			return false;
		v->t = FV_IPV4;
		memcpy(&v->v.ip4, p->val, 4);
		return true;
	case SCAP_PT_DOUBLE:
		if (p->len < 8)
			return false;
		v->t = FV_DOUBLE;
		memcpy(&v->v.d, p->val, 8);
		return true;
	default:
		v->t = FV_U64;
		v->v.u = sinsp_param_val_u64(p, 0);
		return true;
	}
}

/* The parameters evt.abspath joins, by event type and variant (0 any, 1 src, 2 dst). */
static bool abspath_params(uint16_t type, int32_t variant, const char **dirfd, const char **path)
{
	*dirfd = *path = NULL;
	switch (type) {
	case SCAP_EVT_SYSCALL_RENAMEAT_X:
	case SCAP_EVT_SYSCALL_RENAMEAT2_X:
		*dirfd = variant == 2 ? "newdirfd" : "olddirfd";
		*path = variant == 2 ? "newpath" : "oldpath";
		break;
	case SCAP_EVT_SYSCALL_SYMLINKAT_X:
		*dirfd = "linkdirfd";
		*path = "linkpath";
		break;
	case SCAP_EVT_SYSCALL_OPENAT_E:
	case SCAP_EVT_SYSCALL_OPENAT_2_X:
	case SCAP_EVT_SYSCALL_UNLINKAT_E:
	case SCAP_EVT_SYSCALL_UNLINKAT_2_X:
		*dirfd = "dirfd";
		*path = "name";
		break;
	case SCAP_EVT_SYSCALL_LINKAT_E:
	case SCAP_EVT_SYSCALL_LINKAT_2_X:
		*dirfd = variant == 2 ? "newdir" : "olddir";
		*path = variant == 2 ? "newpath" : "oldpath";
		break;
	case SCAP_EVT_SYSCALL_MKDIRAT_X:
		*dirfd = "dirfd";
		*path = "path";
		break;
	case SCAP_EVT_SYSCALL_FCHMODAT_X:
		*dirfd = "dirfd";
		*path = "filename";
		break;
	default:
		return false;
	}
	return true;
}

static bool abspath(struct sinsp_evt *evt, const struct field_ref *r, struct field_val *v,
		    struct strbuf *out)
{
	struct strbuf *dir = &r->scratch->a;
	const struct sinsp_param *pp;
	const char *dirfd_name, *path_name, *path;
	int di, pi;
	int64_t dirfd;
	size_t plen;

	if (!evt->thread || !abspath_params(evt->ref.type, r->aux, &dirfd_name, &path_name))
		return false;
	di = sinsp_param_index(evt, dirfd_name);
	pi = sinsp_param_index(evt, path_name);
	if (di < 0 || pi < 0)
		return false;
	dirfd = sinsp_param_s64(evt, (uint32_t)di, 0);
	pp = sinsp_evt_param_at(evt, (uint32_t)pi);
	path = (const char *)pp->val;
	plen = strnlen(path, pp->len);
	strbuf_reset(dir);
	if (plen && path[0] == '/') {
		strbuf_adds(dir, "/");
	} else if (dirfd == SCAP_AT_FDCWD) {
		struct sinsp_thread *m = sinsp_thread_main(evt->s, evt->thread);

		strbuf_adds(dir, m && m->cwd ? m->cwd : "/");
	} else {
		struct sinsp_fd *f = sinsp_fd_find(evt->thread, dirfd);

		strbuf_adds(dir, f ? f->name : "<UNKNOWN>");
		strbuf_addc(dir, '/');
	}
	v->t = FV_TEXT;
	sinsp_path_resolve(out, dir->buf, path, plen);
	return true;
}

static bool is_open(struct sinsp_evt *evt, int id, struct field_val *v)
{
	uint16_t type = evt->ref.type;
	uint32_t flags, mode;

	v->t = FV_BOOL;
	v->v.u = 0;
	if (type == SCAP_EVT_SYSCALL_OPEN_X || type == SCAP_EVT_SYSCALL_OPENAT_E ||
	    type == SCAP_EVT_SYSCALL_OPENAT_2_X) {
		uint32_t fi = type == SCAP_EVT_SYSCALL_OPENAT_2_X ? 3 : 2;

		flags = (uint32_t)sinsp_param_u64(evt, fi, 0);
		if (id == F_EVT_IS_OPEN_READ)
			v->v.u = (flags & SCAP_O_RDONLY) != 0;
		else if (id == F_EVT_IS_OPEN_WRITE)
			v->v.u = (flags & SCAP_O_WRONLY) != 0;
		else if (flags & (SCAP_O_TMPFILE | SCAP_O_CREAT)) {
			mode = (uint32_t)sinsp_param_u64(evt, fi + 1, 0);
			v->v.u = (mode & SCAP_S_IXANY) != 0;
		}
	} else if (id == F_EVT_IS_OPEN_EXEC && type == SCAP_EVT_SYSCALL_CREAT_X) {
		mode = (uint32_t)sinsp_param_u64(evt, 2, 0);
		v->v.u = (mode & SCAP_S_IXANY) != 0;
	}
	return true;
}

/* Fields whose value is a number of ns derived from the event's time or thread. */
static bool time_num(struct sinsp_evt *evt, const struct field_ref *r, struct field_val *v)
{
	struct sinsp_thread *t = evt->thread;
	uint64_t ts = evt->ref.ts_ns, x;

	v->t = FV_U64;
	switch (r->def->id) {
	case F_EVT_RAWTIME: v->v.u = ts; return true;
	case F_EVT_RAWTIME_S: v->v.u = ts / NS_PER_S; return true;
	case F_EVT_RAWTIME_NS: v->v.u = ts % NS_PER_S; return true;
	case F_EVT_RELTIME: v->v.u = ts - evt->s->first_ts; return true;
	case F_EVT_RELTIME_S: v->v.u = (ts - evt->s->first_ts) / NS_PER_S; return true;
	case F_EVT_RELTIME_NS: v->v.u = (ts - evt->s->first_ts) % NS_PER_S; return true;
	case F_EVT_LATENCY:
	case F_EVT_LATENCY_S:
	case F_EVT_LATENCY_NS:
		/* the thread's latency as the last paired event left it (0 after an enter) */
		x = 0;
		if (t) {
			if (evt->info && (evt->info->category & SCAP_EC_INTERNAL))
				return false;
			x = t->latency_ns;
		}
		v->v.u = r->def->id == F_EVT_LATENCY ? x : r->def->id == F_EVT_LATENCY_S ? x / NS_PER_S : x % NS_PER_S;
		return true;
	case F_EVT_DELTATIME:
	case F_EVT_DELTATIME_S:
	case F_EVT_DELTATIME_NS: {
		/* since the previous event this field was extracted for */
		uint64_t prev = r->scratch->prev_ts;

		x = prev ? ts - prev : 0;
		r->scratch->prev_ts = ts;
		v->v.u = r->def->id == F_EVT_DELTATIME ? x : r->def->id == F_EVT_DELTATIME_S ? x / NS_PER_S : x % NS_PER_S;
		return true;
	}
	case F_EVT_WAIT_LATENCY:
		if (!evt->info || !(evt->info->flags & SCAP_EF_WAITS) || scap_evt_is_enter(evt->ref.type))
			return false;
		v->v.u = t ? t->latency_ns : 0;
		return true;
	default:
		return false;
	}
}

/*
 * evt.outputtime in text: the time sinsp_open_opts.time_output asks for (sysdig's -t),
 * "SECONDS.NNNNNNNNN" but for the human form (the absolute one unpadded, as sysdig's).
 */
static void output_time(struct sinsp_evt *evt, const struct field_ref *r, struct strbuf *out)
{
	static const int ids[] = {
		[SINSP_TIME_ABSOLUTE] = F_EVT_RAWTIME, [SINSP_TIME_RELATIVE] = F_EVT_RELTIME,
		[SINSP_TIME_LATENCY] = F_EVT_LATENCY, [SINSP_TIME_DELTA] = F_EVT_DELTATIME,
	};
	enum sinsp_time_output t = evt->s->time_output;
	struct field_def d;
	struct field_ref rr;
	struct field_val v;

	if (t == SINSP_TIME_HUMAN) {
		add_time(out, r, evt->ref.ts_ns, true, false);
		return;
	}
	d = *r->def;
	d.id = ids[t];
	rr = *r;
	rr.def = &d;
	if (!time_num(evt, &rr, &v))
		v.v.u = 0;
	/* sysdig's -ta prints the nanoseconds unpadded (%evt.rawtime.s.%evt.rawtime.ns) */
	strbuf_printf(out, "%" PRIu64 ".", (uint64_t)(v.v.u / NS_PER_S));
	if (t == SINSP_TIME_ABSOLUTE)
		strbuf_printf(out, "%" PRIu64, (uint64_t)(v.v.u % NS_PER_S));
	else
		add_ns9(out, v.v.u % NS_PER_S);
}

static bool flag_bool(struct field_val *v, bool b)
{
	v->t = FV_BOOL;
	v->v.u = b;
	return true;
}

int sinsp_fields_evt_type_view(struct sinsp_evt *evt, const char **s, size_t *len)
{
	/* the text of F_EVT_TYPE below */
	*s = sinsp_evt_type_name(evt);
	*len = strlen(*s);
	return 1;
}

bool sinsp_fields_evt(struct sinsp_evt *evt, const struct field_ref *r, enum sinsp_buf_fmt bf,
		      struct field_val *v, struct strbuf *out)
{
	uint32_t eflags = evt->info ? evt->info->flags : 0;
	int i;

	switch (r->def->id) {
	case F_EVT_NUM:
		v->t = FV_U64;
		v->v.u = evt->num;
		return true;
	case F_EVT_TIME:
	case F_EVT_TIME_S:
	case F_EVT_DATETIME:
	case F_EVT_DATETIME_S:
		v->t = FV_TEXT;
		add_time(out, r, evt->ref.ts_ns, r->def->id == F_EVT_TIME || r->def->id == F_EVT_DATETIME,
			 r->def->id == F_EVT_DATETIME || r->def->id == F_EVT_DATETIME_S);
		return true;
	case F_EVT_TIME_ISO8601:
		v->t = FV_TEXT;
		add_iso8601(out, evt->ref.ts_ns);
		return true;
	case F_EVT_OUTPUTTIME:
		if (bf == SINSP_BUF_JSON) {
			v->t = FV_U64;
			v->v.u = evt->ref.ts_ns;
		} else {
			v->t = FV_TEXT;
			output_time(evt, r, out);
		}
		return true;
	case F_EVT_PLUGINNAME:
	case F_EVT_PLUGININFO:
	case F_EVT_AROUND:
		return false; /* no plugins; evt.around is compared by the filter */
	case F_EVT_LATENCY_HUMAN:
		if (evt->thread && evt->info && (evt->info->category & SCAP_EC_INTERNAL))
			return false;
		/*
		 * Without a thread sysdig prints the text it made for the previous event that
		 * had one (its buffer is not refreshed): kept in the ref's scratch.
		 */
		if (evt->thread) {
			strbuf_reset(&r->scratch->a);
			add_human_time(&r->scratch->a, evt->thread->latency_ns);
		}
		v->t = FV_TEXT;
		strbuf_add(out, r->scratch->a.buf ? r->scratch->a.buf : "", r->scratch->a.len);
		return true;
	case F_EVT_HOST:
		if (!evt->host)
			return false;
		v->t = FV_TEXT;
		strbuf_adds(out, evt->host);
		return true;
	case F_EVT_CPU:
		v->t = FV_S64;
		v->v.s = (int16_t)evt->ref.cpu;
		return true;
	case F_EVT_TYPE:
		v->t = FV_TEXT;
		strbuf_adds(out, sinsp_evt_type_name(evt));
		return true;
	case F_EVT_TYPE_IS:
		v->t = FV_U64;
		if (r->aux >= 0 && (r->aux & FIELD_AUX_EXACT))
			v->v.u = evt->ref.type == (uint32_t)(r->aux & 0xffff);
		else
			v->v.u = r->aux >= 0 && (evt->ref.type == (uint32_t)r->aux ||
						 evt->ref.type == (uint32_t)r->aux + 1);
		return true;
	case F_SYSCALL_TYPE:
		if (evt->ref.type == SCAP_EVT_SCHEDSWITCH_6_E || (eflags & SCAP_EF_SKIPPARSERESET) ||
		    (evt->info && (evt->info->category & SCAP_EC_INTERNAL)))
			return false;
		v->t = FV_TEXT;
		strbuf_adds(out, sinsp_evt_type_name(evt));
		return true;
	case F_EVT_CATEGORY:
		v->t = FV_TEXT;
		strbuf_adds(out, category_name(evt));
		return true;
	case F_EVT_DIR:
		v->t = FV_TEXT;
		strbuf_addc(out, scap_evt_is_enter(evt->ref.type) ? '>' : '<');
		return true;
	case F_EVT_ARGS:
	case F_EVT_INFO:
		v->t = FV_TEXT;
		sinsp_render_args(evt, bf, out);
		return true;
	case F_EVT_ARG:
		if ((i = arg_index(evt, r)) < 0)
			return false;
		v->t = FV_TEXT;
		add_param_text(evt, r, (uint32_t)i, bf, out);
		return true;
	case F_EVT_RAWARG:
		return rawarg(evt, r, v, out);
	case F_EVT_BUFFER:
		if ((i = sinsp_param_index(evt, "data")) < 0)
			return false;
		v->t = FV_TEXT;
		add_param_text(evt, r, (uint32_t)i, bf, out);
		return true;
	case F_EVT_BUFLEN:
		return buflen(evt, v);
	case F_EVT_RES:
	case F_EVT_RAWRES:
	case F_EVT_FAILED: {
		int64_t res;

		i = result_param(evt);
		if (i < 0) {
			if (r->def->id != F_EVT_FAILED)
				return false;
			return flag_bool(v, false);
		}
		res = sinsp_param_s64(evt, (uint32_t)i, 0);
		if (r->def->id == F_EVT_FAILED)
			return flag_bool(v, res < 0);
		if (r->def->id == F_EVT_RAWRES) {
			v->t = FV_S64;
			v->v.s = res;
			return true;
		}
		v->t = FV_TEXT;
		if (res >= 0) {
			strbuf_adds(out, "SUCCESS");
		} else {
			const char *e = scap_errno_name(res);

			if (e)
				strbuf_adds(out, e);
			else
				strbuf_add_s64(out, res);
		}
		return true;
	}
	case F_EVT_IS_IO:
		return flag_bool(v, eflags & (SCAP_EF_READS_FROM_FD | SCAP_EF_WRITES_TO_FD));
	case F_EVT_IS_IO_READ:
		return flag_bool(v, eflags & SCAP_EF_READS_FROM_FD);
	case F_EVT_IS_IO_WRITE:
		return flag_bool(v, eflags & SCAP_EF_WRITES_TO_FD);
	case F_EVT_IO_DIR:
		if (!(eflags & (SCAP_EF_READS_FROM_FD | SCAP_EF_WRITES_TO_FD)))
			return false;
		v->t = FV_TEXT;
		strbuf_adds(out, eflags & SCAP_EF_WRITES_TO_FD ? "write" : "read");
		return true;
	case F_EVT_IS_WAIT:
		return flag_bool(v, eflags & SCAP_EF_WAITS);
	case F_EVT_IS_SYSLOG:
		return flag_bool(v, (eflags & SCAP_EF_WRITES_TO_FD) && evt->fd && strstr(evt->fd->name, "/dev/log"));
	case F_EVT_COUNT:
		v->t = FV_U64;
		v->v.u = 1;
		return true;
	case F_EVT_COUNT_ERROR:
		return count_error(evt, v);
	case F_EVT_COUNT_ERROR_FILE:
		if (evt->fd ? fd_is_file(evt->fd->type) : is_open_exit(evt->ref.type))
			return count_error(evt, v);
		return false;
	case F_EVT_COUNT_ERROR_NET:
		if (evt->fd ? fd_is_net(evt->fd->type) : is_accept_connect_exit(evt->ref.type))
			return count_error(evt, v);
		return false;
	case F_EVT_COUNT_ERROR_MEMORY:
		return category_of(evt) == SCAP_EC_MEMORY && count_error(evt, v);
	case F_EVT_COUNT_ERROR_OTHER:
		if (evt->fd ? !(fd_is_file(evt->fd->type) || fd_is_net(evt->fd->type))
			    : !(is_open_exit(evt->ref.type) || is_accept_connect_exit(evt->ref.type) ||
				category_of(evt) == SCAP_EC_MEMORY))
			return count_error(evt, v);
		return false;
	case F_EVT_COUNT_EXIT:
		if (scap_evt_is_enter(evt->ref.type))
			return false;
		v->t = FV_U64;
		v->v.u = 1;
		return true;
	case F_EVT_ABSPATH:
		return abspath(evt, r, v, out);
	case F_EVT_IS_OPEN_READ:
	case F_EVT_IS_OPEN_WRITE:
	case F_EVT_IS_OPEN_EXEC:
		return is_open(evt, r->def->id, v);
	default:
		return time_num(evt, r, v);
	}
}

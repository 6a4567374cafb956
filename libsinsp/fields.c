/* SPDX-License-Identifier: Apache-2.0 */
/*
 * fields.c - the field catalog and value extraction, with sysdig 0.29.3's names,
 * meanings and renderings (checked against its output on real captures).
 */
#define _GNU_SOURCE /* memrchr */
#include <inttypes.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fields.h"
#include <libsinsp/sinsp_fields.h>
#include "render.h"

enum field_id {
	F_EVT_NUM, F_EVT_TIME, F_EVT_TIME_S, F_EVT_DATETIME, F_EVT_RAWTIME, F_EVT_RAWTIME_S,
	F_EVT_RAWTIME_NS, F_EVT_RELTIME, F_EVT_OUTPUTTIME, F_EVT_LATENCY, F_EVT_CPU, F_EVT_TYPE,
	F_EVT_CATEGORY, F_EVT_DIR, F_EVT_ARGS, F_EVT_INFO, F_EVT_ARG, F_EVT_RES, F_EVT_RAWRES,
	F_EVT_FAILED, F_EVT_IS_IO, F_EVT_IS_IO_READ, F_EVT_IS_IO_WRITE, F_EVT_IO_DIR,
	F_EVT_BUFLEN, F_EVT_ISWAIT,
	F_PROC_PID, F_PROC_PPID, F_PROC_NAME, F_PROC_EXE, F_PROC_EXEPATH, F_PROC_ARGS,
	F_PROC_CMDLINE, F_PROC_CWD, F_PROC_VPID, F_PROC_PNAME, F_PROC_PCMDLINE, F_PROC_SID,
	F_PROC_FDLIMIT, F_THREAD_TID, F_THREAD_VTID, F_THREAD_ISMAIN,
	F_USER_UID, F_USER_NAME, F_USER_LOGINUID, F_GROUP_GID, F_GROUP_NAME,
	F_CONTAINER_ID, F_CONTAINER_NAME,
	F_FD_NUM, F_FD_TYPE, F_FD_TYPECHAR, F_FD_NAME, F_FD_DIRECTORY, F_FD_FILENAME,
	F_FD_CIP, F_FD_SIP, F_FD_CPORT, F_FD_SPORT, F_FD_L4PROTO, F_FD_SOCKFAMILY, F_FD_IS_SERVER,
};

#define FLD(n, i, k, d) { n, i, k, false, false, d }
#define FLDA(n, i, k, req, d) { n, i, k, true, req, d }

const struct field_def sinsp_field_defs[] = {
	FLD("evt.num", F_EVT_NUM, FIELD_NUM, "event number, counting every event read from the source from 1"),
	FLD("evt.time", F_EVT_TIME, FIELD_STR, "event timestamp as local time with nanoseconds (HH:MM:SS.nnnnnnnnn)"),
	FLD("evt.time.s", F_EVT_TIME_S, FIELD_STR, "event timestamp as local time, seconds resolution"),
	FLD("evt.datetime", F_EVT_DATETIME, FIELD_STR, "event timestamp as local date and time"),
	FLD("evt.rawtime", F_EVT_RAWTIME, FIELD_NUM, "event timestamp, ns since the epoch"),
	FLD("evt.rawtime.s", F_EVT_RAWTIME_S, FIELD_NUM, "integer part of the event timestamp (s since the epoch)"),
	FLD("evt.rawtime.ns", F_EVT_RAWTIME_NS, FIELD_NUM, "fractional part of the event timestamp (ns)"),
	FLD("evt.reltime", F_EVT_RELTIME, FIELD_NUM, "ns since the start of the capture"),
	FLD("evt.outputtime", F_EVT_OUTPUTTIME, FIELD_NUM, "event timestamp in the output time format"),
	FLD("evt.latency", F_EVT_LATENCY, FIELD_NUM, "ns between an exit event and its enter event (0 for enter events)"),
	FLD("evt.cpu", F_EVT_CPU, FIELD_NUM, "CPU that produced the event"),
	FLD("evt.type", F_EVT_TYPE, FIELD_STR, "event type name (the syscall name for syscalls)"),
	FLD("evt.category", F_EVT_CATEGORY, FIELD_STR, "event category (file, net, process, memory, ...)"),
	FLD("evt.dir", F_EVT_DIR, FIELD_STR, "event direction: > enter, < exit"),
	FLD("evt.args", F_EVT_ARGS, FIELD_STR, "all event arguments, name=value"),
	FLD("evt.info", F_EVT_INFO, FIELD_STR, "event arguments as sysdig's default output shows them"),
	FLDA("evt.arg", F_EVT_ARG, FIELD_STR, true, "one argument, by name (evt.arg.fd) or index (evt.arg[0])"),
	FLD("evt.res", F_EVT_RES, FIELD_STR, "result: SUCCESS or the errno name"),
	FLD("evt.rawres", F_EVT_RAWRES, FIELD_NUM, "result as a number"),
	FLD("evt.failed", F_EVT_FAILED, FIELD_BOOL, "true for events that returned an error"),
	FLD("evt.is_io", F_EVT_IS_IO, FIELD_BOOL, "true for events that read or write an fd"),
	FLD("evt.is_io_read", F_EVT_IS_IO_READ, FIELD_BOOL, "true for events that read from an fd"),
	FLD("evt.is_io_write", F_EVT_IS_IO_WRITE, FIELD_BOOL, "true for events that write to an fd"),
	FLD("evt.io_dir", F_EVT_IO_DIR, FIELD_STR, "read or write, for I/O events"),
	FLD("evt.buflen", F_EVT_BUFLEN, FIELD_NUM, "bytes transferred by an I/O event"),
	FLD("evt.is_wait", F_EVT_ISWAIT, FIELD_BOOL, "true for events that wait (sleep, poll, ...)"),
	FLD("proc.pid", F_PROC_PID, FIELD_NUM, "process id"),
	FLD("proc.ppid", F_PROC_PPID, FIELD_NUM, "parent process id"),
	FLD("proc.name", F_PROC_NAME, FIELD_STR, "process name (comm)"),
	FLD("proc.exe", F_PROC_EXE, FIELD_STR, "first command-line argument (argv[0])"),
	FLD("proc.exepath", F_PROC_EXEPATH, FIELD_STR, "full path of the executable"),
	FLD("proc.args", F_PROC_ARGS, FIELD_STR, "command-line arguments after argv[0]"),
	FLD("proc.cmdline", F_PROC_CMDLINE, FIELD_STR, "process name and arguments"),
	FLD("proc.cwd", F_PROC_CWD, FIELD_STR, "current working directory"),
	FLD("proc.vpid", F_PROC_VPID, FIELD_NUM, "process id in its pid namespace"),
	FLD("proc.pname", F_PROC_PNAME, FIELD_STR, "parent process name"),
	FLD("proc.pcmdline", F_PROC_PCMDLINE, FIELD_STR, "parent process name and arguments"),
	FLD("proc.sid", F_PROC_SID, FIELD_NUM, "session id"),
	FLD("proc.fdlimit", F_PROC_FDLIMIT, FIELD_NUM, "maximum number of fds (RLIMIT_NOFILE)"),
	FLD("thread.tid", F_THREAD_TID, FIELD_NUM, "thread id"),
	FLD("thread.vtid", F_THREAD_VTID, FIELD_NUM, "thread id in its pid namespace"),
	FLD("thread.ismain", F_THREAD_ISMAIN, FIELD_BOOL, "true for the main thread of its process"),
	FLD("user.uid", F_USER_UID, FIELD_NUM, "user id"),
	FLD("user.name", F_USER_NAME, FIELD_STR, "user name"),
	FLD("user.loginuid", F_USER_LOGINUID, FIELD_NUM, "audit login user id (-1 when unset)"),
	FLD("group.gid", F_GROUP_GID, FIELD_NUM, "group id"),
	FLD("group.name", F_GROUP_NAME, FIELD_STR, "group name"),
	FLD("container.id", F_CONTAINER_ID, FIELD_STR, "container id, or host"),
	FLD("container.name", F_CONTAINER_NAME, FIELD_STR, "container name, or host"),
	FLD("fd.num", F_FD_NUM, FIELD_NUM, "fd number"),
	FLD("fd.type", F_FD_TYPE, FIELD_STR, "fd type: file, directory, ipv4, ipv6, unix, pipe, event, ..."),
	FLD("fd.typechar", F_FD_TYPECHAR, FIELD_STR, "fd type as one letter"),
	FLD("fd.name", F_FD_NAME, FIELD_STR, "fd name: path, connection tuple, ..."),
	FLD("fd.directory", F_FD_DIRECTORY, FIELD_STR, "directory of a file fd"),
	FLD("fd.filename", F_FD_FILENAME, FIELD_STR, "file name of a file fd, without directory"),
	FLD("fd.cip", F_FD_CIP, FIELD_STR, "client IP address"),
	FLD("fd.sip", F_FD_SIP, FIELD_STR, "server IP address"),
	FLD("fd.cport", F_FD_CPORT, FIELD_NUM, "client port"),
	FLD("fd.sport", F_FD_SPORT, FIELD_NUM, "server port"),
	FLD("fd.l4proto", F_FD_L4PROTO, FIELD_STR, "IP protocol: tcp, udp, icmp, raw"),
	FLD("fd.sockfamily", F_FD_SOCKFAMILY, FIELD_STR, "socket family: ip or unix"),
	FLD("fd.is_server", F_FD_IS_SERVER, FIELD_BOOL, "true when the process is the server side of the connection"),
	{ NULL, 0, FIELD_STR, false, false, NULL },
};

size_t sinsp_field_parse(const char *s, struct field_ref *out)
{
	const struct field_def *d, *best = NULL;
	size_t best_len = 0, n;

	for (d = sinsp_field_defs; d->name; d++) {
		n = strlen(d->name);
		if (n > best_len && strncmp(s, d->name, n) == 0) {
			char c = s[n];
			bool ok = !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
				    c == '_' || (c == '.' && !d->arg));
			if (ok) {
				best = d;
				best_len = n;
			}
		}
	}
	if (!best)
		return 0;
	memset(out, 0, sizeof(*out));
	out->def = best;
	out->argnum = -1;
	n = best_len;
	if (best->arg && (s[n] == '.' || s[n] == '[')) {
		size_t start = n + 1, end = start;

		if (s[n] == '[') {
			while (s[end] && s[end] != ']')
				end++;
			if (s[end] != ']')
				return 0;
			out->arg = strndup(s + start, end - start);
			n = end + 1;
		} else {
			while (s[end] && ((s[end] >= 'a' && s[end] <= 'z') || (s[end] >= 'A' && s[end] <= 'Z') ||
					  (s[end] >= '0' && s[end] <= '9') || s[end] == '_'))
				end++;
			out->arg = strndup(s + start, end - start);
			n = end;
		}
		if (out->arg && out->arg[0] >= '0' && out->arg[0] <= '9')
			out->argnum = atoi(out->arg);
	} else if (best->arg_required) {
		return 0;
	}
	return n;
}

void sinsp_field_ref_free(struct field_ref *r)
{
	free(r->arg);
	r->arg = NULL;
}

static void add_time(struct strbuf *out, uint64_t ts, bool with_ns, bool with_date)
{
	time_t sec = (time_t)(ts / 1000000000ull);
	struct tm tm;
	char tmp[64];

	localtime_r(&sec, &tm);
	strftime(tmp, sizeof(tmp), with_date ? "%Y-%m-%d %H:%M:%S" : "%H:%M:%S", &tm);
	strbuf_adds(out, tmp);
	if (with_ns)
		strbuf_printf(out, ".%09" PRIu64, (uint64_t)(ts % 1000000000ull));
}

static const char *category_name(struct sinsp_evt *evt)
{
	uint32_t cat;

	if (!evt->info)
		return "unknown";
	cat = evt->info->category;
	if (evt->ref.type == SCAP_EVT_GENERIC_E || evt->ref.type == SCAP_EVT_GENERIC_X) {
		uint16_t id = (uint16_t)sinsp_param_u64(evt, 0, 0);

		cat = scap_syscall_category(id);
	}
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
	switch (cat & ~SCAP_EC_SYSCALL & ~SCAP_EC_TRACEPOINT & ~SCAP_EC_PLUGIN & ~SCAP_EC_METAEVENT) {
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

/* The "res" parameter, or the "fd" of an fd-creating exit event; false when none. */
static bool result_param(struct sinsp_evt *evt, int *idx)
{
	int i = sinsp_param_index(evt, "res");

	if (i < 0 && evt->info && (evt->info->flags & SCAP_EF_CREATES_FD) && !scap_evt_is_enter(evt->ref.type))
		i = sinsp_param_index(evt, "fd");
	*idx = i;
	return i >= 0;
}

static void add_joined(struct strbuf *out, const char *blob, uint32_t len, char sep)
{
	uint32_t i;
	size_t start = out->len;

	for (i = 0; i < len; i++) {
		char c = blob[i];

		strbuf_addc(out, c ? c : sep);
	}
	/* drop the separator the final NUL produced */
	if (out->len > start && out->buf[out->len - 1] == sep)
		out->buf[--out->len] = 0;
}

static struct sinsp_thread *parent_of(struct sinsp_evt *evt)
{
	return evt->thread ? sinsp_thread_find(evt->s, evt->thread->ptid) : NULL;
}

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

static bool is_ip(const struct sinsp_fd *f)
{
	return f->type == SCAP_FD_IPV4_SOCK || f->type == SCAP_FD_IPV6_SOCK ||
	       f->type == SCAP_FD_IPV4_SERVSOCK || f->type == SCAP_FD_IPV6_SERVSOCK;
}

/*
 * Name sysdig gives the fd of an exit event that has none in the table: the path of a
 * failed open, the tuple of a failed connect, "" for any other exit; none for enters.
 */
static bool fdname_from_event(struct sinsp_evt *evt, struct strbuf *out)
{
	const char *name;
	int i;

	if (scap_evt_is_enter(evt->ref.type) || !evt->info)
		return false;
	name = evt->info->name;
	if (strcmp(name, "open") == 0 || strcmp(name, "openat") == 0 || strcmp(name, "openat2") == 0 ||
	    strcmp(name, "creat") == 0)
		i = sinsp_param_index(evt, "name");
	else if (strcmp(name, "connect") == 0)
		i = sinsp_param_index(evt, "tuple");
	else
		return true;
	if (i >= 0) {
		struct strbuf val = { 0 }, res = { 0 };

		sinsp_render_param(evt, (uint32_t)i, SINSP_BUF_JSON, &val, &res);
		if (res.len)
			strbuf_add(out, res.buf, res.len);
		else if (val.len)
			strbuf_add(out, val.buf, val.len);
		strbuf_free(&val);
		strbuf_free(&res);
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

static bool extract_null_fd(struct sinsp_evt *evt, int id, struct strbuf *out)
{
	size_t start = out->len;
	const char *slash;

	switch (id) {
	case F_FD_TYPECHAR:
		strbuf_addc(out, typechar_from_event(evt));
		return true;
	case F_FD_NAME:
		return fdname_from_event(evt, out);
	case F_FD_DIRECTORY:
		if (!fdname_from_event(evt, out))
			return false;
		slash = memrchr(out->buf + start, '/', out->len - start);
		if (slash && slash != out->buf + start) {
			if ((size_t)(slash - out->buf) < out->len - 1) {
				out->len = (size_t)(slash - out->buf);
				out->buf[out->len] = 0;
			}
		} else {
			out->len = start;
			strbuf_addc(out, '/');
		}
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

static bool extract_fd(struct sinsp_evt *evt, int id, struct strbuf *out)
{
	const struct sinsp_fd *f = evt->fd;

	/* fd fields describe only events that create, use or close an fd */
	if (!evt->thread || !evt->info ||
	    !(evt->info->flags & (SCAP_EF_CREATES_FD | SCAP_EF_USES_FD | SCAP_EF_DESTROYS_FD)))
		return false;
	if (id == F_FD_NUM) {
		strbuf_add_s64(out, f ? f->fd : evt->fd_num);
		return true;
	}
	/* as sysdig, an event without its own fd (unpaired exit) uses the thread's last fd */
	if (!f && evt->fd_num >= 0)
		f = sinsp_fd_find(evt->thread, evt->fd_num);
	if (!f)
		return extract_null_fd(evt, id, out);
	switch (id) {
	case F_FD_TYPE:
		strbuf_adds(out, fd_type_name(f->type));
		return true;
	case F_FD_TYPECHAR:
		strbuf_addc(out, sinsp_fd_typechar(f));
		return true;
	case F_FD_NAME:
		/* a failed connect shows the tuple it tried for this event only, as sysdig does */
		if (evt->info && strcmp(evt->info->name, "connect") == 0 &&
		    !scap_evt_is_enter(evt->ref.type) && failed_result(evt))
			return fdname_from_event(evt, out);
		strbuf_adds(out, f->name);
		return true;
	case F_FD_DIRECTORY:
	case F_FD_FILENAME: {
		const char *slash;

		if (f->type != SCAP_FD_FILE && f->type != SCAP_FD_FILE_V2 && f->type != SCAP_FD_DIRECTORY)
			return false;
		if (f->type == SCAP_FD_DIRECTORY) {
			if (id == F_FD_FILENAME)
				return false;
			strbuf_adds(out, f->name);
			return true;
		}
		slash = strrchr(f->name, '/');
		if (id == F_FD_DIRECTORY) {
			if (!slash)
				return false;
			strbuf_add(out, f->name, slash == f->name ? 1 : (size_t)(slash - f->name));
		} else {
			strbuf_adds(out, slash ? slash + 1 : f->name);
		}
		return true;
	}
	case F_FD_CIP:
	case F_FD_SIP:
		if (!sinsp_fd_l4proto(f) && (f->type == SCAP_FD_IPV4_SOCK || f->type == SCAP_FD_IPV6_SOCK))
			return false; /* no role yet: sysdig does not know which end is which */
		if (f->type == SCAP_FD_IPV4_SOCK)
			sinsp_render_ipv4(out, id == F_FD_CIP ? f->addr.v4.sip : f->addr.v4.dip);
		else if (f->type == SCAP_FD_IPV6_SOCK)
			sinsp_render_ipv6(out, id == F_FD_CIP ? f->addr.v6.sip : f->addr.v6.dip);
		else if (f->type == SCAP_FD_IPV4_SERVSOCK && id == F_FD_SIP)
			sinsp_render_ipv4(out, f->addr.v4.sip);
		else if (f->type == SCAP_FD_IPV6_SERVSOCK && id == F_FD_SIP)
			sinsp_render_ipv6(out, f->addr.v6.sip);
		else
			return false;
		return true;
	case F_FD_CPORT:
	case F_FD_SPORT:
		if (!sinsp_fd_l4proto(f) && (f->type == SCAP_FD_IPV4_SOCK || f->type == SCAP_FD_IPV6_SOCK))
			return false;
		if (f->type == SCAP_FD_IPV4_SOCK)
			strbuf_add_u64(out, id == F_FD_CPORT ? f->addr.v4.sport : f->addr.v4.dport);
		else if (f->type == SCAP_FD_IPV6_SOCK)
			strbuf_add_u64(out, id == F_FD_CPORT ? f->addr.v6.sport : f->addr.v6.dport);
		else if (f->type == SCAP_FD_IPV4_SERVSOCK && id == F_FD_SPORT)
			strbuf_add_u64(out, f->addr.v4.sport);
		else if (f->type == SCAP_FD_IPV6_SERVSOCK && id == F_FD_SPORT)
			strbuf_add_u64(out, f->addr.v6.sport);
		else if (f->type == SCAP_FD_UNIX_SOCK && id == F_FD_CPORT && (f->is_client || f->is_server))
			strbuf_addc(out, '0'); /* sysdig 0.29.3 reports port 0 for a unix socket with a role */
		else
			return false;
		return true;
	case F_FD_L4PROTO:
		if (!is_ip(f))
			return false;
		switch (sinsp_fd_l4proto(f)) {
		case SCAP_L4_TCP: strbuf_adds(out, "tcp"); break;
		case SCAP_L4_UDP: strbuf_adds(out, "udp"); break;
		case SCAP_L4_ICMP: strbuf_adds(out, "icmp"); break;
		case SCAP_L4_RAW: strbuf_adds(out, "raw"); break;
		default: return false;
		}
		return true;
	case F_FD_SOCKFAMILY:
		if (is_ip(f))
			strbuf_adds(out, "ip");
		else if (f->type == SCAP_FD_UNIX_SOCK)
			strbuf_adds(out, "unix");
		else
			return false;
		return true;
	case F_FD_IS_SERVER: {
		/* listening sockets, and connections whose server end is this machine */
		bool server = f->type == SCAP_FD_IPV4_SERVSOCK || f->type == SCAP_FD_IPV6_SERVSOCK ||
			      (f->type == SCAP_FD_IPV4_SOCK && is_local_ipv4(evt->s, f->addr.v4.dip)) ||
			      (f->type == SCAP_FD_IPV6_SOCK && is_local_ipv6(evt->s, f->addr.v6.dip));

		strbuf_adds(out, server ? "true" : "false");
		return true;
	}
	default:
		return false;
	}
}

bool sinsp_field_extract(struct sinsp_evt *evt, const struct field_ref *r, enum sinsp_buf_fmt bf,
			 struct strbuf *out)
{
	struct sinsp_thread *t = evt->thread, *m, *p;
	uint32_t eflags = evt->info ? evt->info->flags : 0;
	int i;

	switch (r->def->id) {
	case F_EVT_NUM: strbuf_add_u64(out, evt->num); return true;
	case F_EVT_TIME: add_time(out, evt->ref.ts_ns, true, false); return true;
	case F_EVT_TIME_S: add_time(out, evt->ref.ts_ns, false, false); return true;
	case F_EVT_DATETIME: add_time(out, evt->ref.ts_ns, true, true); return true;
	case F_EVT_RAWTIME: strbuf_add_u64(out, evt->ref.ts_ns); return true;
	case F_EVT_RAWTIME_S: strbuf_add_u64(out, evt->ref.ts_ns / 1000000000ull); return true;
	case F_EVT_RAWTIME_NS: strbuf_add_u64(out, evt->ref.ts_ns % 1000000000ull); return true;
	case F_EVT_RELTIME: /* sysdig pads to 9 digits */
		strbuf_printf(out, "%09" PRIu64, (uint64_t)(evt->ref.ts_ns - evt->s->first_ts));
		return true;
	case F_EVT_OUTPUTTIME:
		if (bf == SINSP_BUF_JSON)
			strbuf_add_u64(out, evt->ref.ts_ns);
		else
			add_time(out, evt->ref.ts_ns, true, false);
		return true;
	case F_EVT_LATENCY:
		/* the thread's latency as the last paired event left it (0 after an enter) */
		strbuf_add_u64(out, t ? t->latency_ns : 0);
		return true;
	case F_EVT_CPU: strbuf_add_u64(out, evt->ref.cpu); return true;
	case F_EVT_TYPE:
		if (evt->ref.type == SCAP_EVT_GENERIC_E || evt->ref.type == SCAP_EVT_GENERIC_X) {
			uint16_t id = (uint16_t)sinsp_param_u64(evt, 0, 0);

			strbuf_adds(out, id < SCAP_SC_MAX && scap_syscall_names[id] ? scap_syscall_names[id] : "<unknown>");
		} else {
			strbuf_adds(out, evt->info && evt->info->name ? evt->info->name : "<unknown>");
		}
		return true;
	case F_EVT_CATEGORY: strbuf_adds(out, category_name(evt)); return true;
	case F_EVT_DIR: strbuf_addc(out, scap_evt_is_enter(evt->ref.type) ? '>' : '<'); return true;
	case F_EVT_ARGS:
	case F_EVT_INFO:
		sinsp_render_args(evt, bf, out);
		return true;
	case F_EVT_ARG: {
		struct strbuf val = { 0 }, res = { 0 };

		i = r->argnum >= 0 ? r->argnum : (r->arg ? sinsp_param_index(evt, r->arg) : -1);
		if (i < 0 || (uint32_t)i >= evt->nparams)
			return false;
		sinsp_render_param(evt, (uint32_t)i, bf, &val, &res);
		if (res.len)
			strbuf_add(out, res.buf, res.len);
		else
			strbuf_add(out, val.buf ? val.buf : "", val.len);
		strbuf_free(&val);
		strbuf_free(&res);
		return true;
	}
	case F_EVT_RES:
	case F_EVT_RAWRES:
	case F_EVT_FAILED: {
		int64_t v;

		if (!result_param(evt, &i)) {
			if (r->def->id != F_EVT_FAILED)
				return false;
			strbuf_adds(out, "false");
			return true;
		}
		v = sinsp_param_s64(evt, (uint32_t)i, 0);
		if (r->def->id == F_EVT_RAWRES) {
			strbuf_add_s64(out, v);
		} else if (r->def->id == F_EVT_FAILED) {
			strbuf_adds(out, v < 0 ? "true" : "false");
		} else if (v >= 0) {
			strbuf_adds(out, "SUCCESS");
		} else {
			const char *e = scap_errno_name(v);

			if (e)
				strbuf_adds(out, e);
			else
				strbuf_add_s64(out, v);
		}
		return true;
	}
	case F_EVT_IS_IO:
		strbuf_adds(out, eflags & (SCAP_EF_READS_FROM_FD | SCAP_EF_WRITES_TO_FD) ? "true" : "false");
		return true;
	case F_EVT_IS_IO_READ:
		strbuf_adds(out, eflags & SCAP_EF_READS_FROM_FD ? "true" : "false");
		return true;
	case F_EVT_IS_IO_WRITE:
		strbuf_adds(out, eflags & SCAP_EF_WRITES_TO_FD ? "true" : "false");
		return true;
	case F_EVT_IO_DIR:
		if (eflags & SCAP_EF_WRITES_TO_FD)
			strbuf_adds(out, "write");
		else if (eflags & SCAP_EF_READS_FROM_FD)
			strbuf_adds(out, "read");
		else
			return false;
		return true;
	case F_EVT_ISWAIT:
		strbuf_adds(out, eflags & SCAP_EF_WAITS ? "true" : "false");
		return true;
	case F_EVT_BUFLEN: {
		int64_t v;

		if (!evt->fd || !evt->info || !(evt->info->category & SCAP_EC_IO_BASE) ||
		    scap_evt_is_enter(evt->ref.type) || (i = sinsp_param_index(evt, "res")) < 0)
			return false;
		v = sinsp_param_s64(evt, (uint32_t)i, -1);
		if (v < 0)
			return false;
		strbuf_add_s64(out, v);
		return true;
	}
	default:
		break;
	}
	if (r->def->id >= F_FD_NUM)
		return extract_fd(evt, r->def->id, out);
	if (r->def->id == F_THREAD_TID) {
		strbuf_add_u64(out, evt->ref.tid); /* known from the event even without state */
		return true;
	}
	if (!t)
		return false;
	m = sinsp_thread_main(evt->s, t);
	switch (r->def->id) {
	case F_PROC_PID: strbuf_add_s64(out, t->pid); return true;
	case F_PROC_PPID:
		strbuf_add_s64(out, t->ptid); /* sysdig 0.29.3 prints the thread's ptid */
		return true;
	case F_PROC_NAME:
		if (!t->comm)
			return false;
		strbuf_adds(out, t->comm);
		return true;
	case F_PROC_EXE:
		if (!t->exe)
			return false;
		strbuf_adds(out, t->exe);
		return true;
	case F_PROC_EXEPATH:
		if (!t->exepath)
			return false;
		strbuf_adds(out, t->exepath);
		return true;
	case F_PROC_ARGS:
		add_joined(out, t->args ? t->args : "", t->args_len, ' ');
		return true;
	case F_PROC_CMDLINE:
		strbuf_adds(out, t->comm ? t->comm : "");
		if (t->args_len) {
			strbuf_addc(out, ' ');
			add_joined(out, t->args, t->args_len, ' ');
		}
		return true;
	case F_PROC_CWD:
		strbuf_adds(out, m->cwd ? m->cwd : "");
		return true;
	case F_PROC_VPID:
		if (t->vpid < 0)
			return false;
		strbuf_add_s64(out, t->vpid);
		return true;
	case F_PROC_PNAME:
		if (!(p = parent_of(evt)) || !p->comm)
			return false;
		strbuf_adds(out, p->comm);
		return true;
	case F_PROC_PCMDLINE:
		if (!(p = parent_of(evt)))
			return false;
		strbuf_adds(out, p->comm ? p->comm : "");
		if (p->args_len) {
			strbuf_addc(out, ' ');
			add_joined(out, p->args, p->args_len, ' ');
		}
		return true;
	case F_PROC_SID: strbuf_add_s64(out, t->sid); return true;
	case F_PROC_FDLIMIT: strbuf_add_s64(out, t->fdlimit); return true;
	case F_THREAD_VTID:
		if (t->vtid < 0)
			return false;
		strbuf_add_s64(out, t->vtid);
		return true;
	case F_THREAD_ISMAIN: strbuf_adds(out, t->tid == t->pid ? "true" : "false"); return true;
	case F_USER_UID: strbuf_add_u64(out, t->uid); return true;
	case F_USER_NAME: {
		const char *n = sinsp_user_name(evt->s, t->uid);

		if (!n)
			return false;
		strbuf_adds(out, n);
		return true;
	}
	case F_USER_LOGINUID: strbuf_add_s64(out, (int32_t)t->loginuid); return true;
	case F_GROUP_GID:
		/*
		 * sysdig 0.29.3 reads group.gid as 64 bits starting at the 32-bit gid, so its
		 * upper half shows the main thread's count of other threads; reproduced for
		 * identical output.
		 */
		strbuf_add_u64(out, (uint64_t)t->gid | ((uint64_t)t->nthreads << 32));
		return true;
	case F_GROUP_NAME: {
		const char *n = sinsp_group_name(evt->s, t->gid);

		if (!n)
			return false;
		strbuf_adds(out, n);
		return true;
	}
	case F_CONTAINER_ID:
	case F_CONTAINER_NAME:
		strbuf_adds(out, "host");
		return true;
	default:
		return false;
	}
}

#define NFIELD_DEFS (sizeof(sinsp_field_defs) / sizeof(sinsp_field_defs[0]) - 1)

static struct sinsp_field_info field_infos[NFIELD_DEFS];
static pthread_once_t field_infos_once = PTHREAD_ONCE_INIT;

static void build_field_infos(void)
{
	size_t i;

	for (i = 0; i < NFIELD_DEFS; i++) {
		field_infos[i].name = sinsp_field_defs[i].name;
		field_infos[i].desc = sinsp_field_defs[i].desc;
		field_infos[i].takes_arg = sinsp_field_defs[i].arg;
	}
}

const struct sinsp_field_info *sinsp_field_info_get(size_t i)
{
	pthread_once(&field_infos_once, build_field_infos);
	return i < NFIELD_DEFS ? &field_infos[i] : NULL;
}

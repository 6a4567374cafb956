/* SPDX-License-Identifier: Apache-2.0 */
/*
 * render_param.c - the text of an event parameter, as sysdig 0.29.3 prints it in
 * evt.args / evt.info / evt.arg.NAME: a value ("3", "/etc/passwd") and, for some
 * types, a resolved form printed after it in parentheses ("<f>/etc/passwd",
 * "ENOENT", "O_RDONLY|O_CLOEXEC").
 *
 * Rules (behaviour of sysdig 0.29.3, checked against its output on real captures):
 * numbers follow the parameter's print format (octal with a leading 0, decimal,
 * zero-padded to 9 digits, upper-case hex); an empty parameter prints "NULL"; buffers
 * print printable ASCII and '.' for other bytes, cut to max_str_len bytes with the
 * last three replaced by "..." in text output; fds resolve to "<type>name"; negative
 * fds and results resolve to errno names; pids resolve to the thread's comm;
 * relative paths resolve against the cwd or the dirfd.
 */
#include <inttypes.h>
#include <string.h>
#include <time.h>

#include <scry/scap_bytes.h>

#include "event/param_text.h"
#include "state/threads.h"
#include "state/fdtable.h"
#include "state/users.h"
#include "util/paths.h"
#include "fields/render.h"

static const char *const signal_names[] = {
	[1] = "SIGHUP", [2] = "SIGINT", [3] = "SIGQUIT", [4] = "SIGILL", [5] = "SIGTRAP",
	[6] = "SIGABRT", [7] = "SIGBUS", [8] = "SIGFPE", [9] = "SIGKILL", [10] = "SIGUSR1",
	[11] = "SIGSEGV", [12] = "SIGUSR2", [13] = "SIGPIPE", [14] = "SIGALRM", [15] = "SIGTERM",
	[16] = "SIGSTKFLT", [17] = "SIGCHLD", [18] = "SIGCONT", [19] = "SIGSTOP", [20] = "SIGTSTP",
	[21] = "SIGTTIN", [22] = "SIGTTOU", [23] = "SIGURG", [24] = "SIGXCPU", [25] = "SIGXFSZ",
	[26] = "SIGVTALRM", [27] = "SIGPROF", [28] = "SIGWINCH", [29] = "SIGIO", [30] = "SIGPWR",
	[31] = "SIGSYS",
};

const char *sinsp_signal_name(uint32_t sig)
{
	return sig < sizeof(signal_names) / sizeof(signal_names[0]) ? signal_names[sig] : NULL;
}

/* An integer parameter of len bytes (1, 2, 4 or 8; others read up to 8 bytes). */
static uint64_t rd_u(const uint8_t *p, uint32_t len)
{
	uint64_t v = 0;

	switch (len) {
	case 1: return p[0];
	case 2: return scap_get_u16(p);
	case 4: return scap_get_u32(p);
	case 8: return scap_get_u64(p);
	default:
		memcpy(&v, p, len < 8 ? len : 8);
		return v;
	}
}

/* printf-style rendering of an integer of size bytes following the print format */
static void render_int(struct strbuf *out, const uint8_t *p, uint32_t len, uint32_t size,
		       bool is_signed, uint8_t fmt)
{
	uint64_t u = rd_u(p, len < size ? len : size);
	int64_t sv;

	/* sign-extend as the C type of that size would */
	switch (size) {
	case 1: sv = (int8_t)u; break;
	case 2: sv = (int16_t)u; break;
	case 4: sv = (int32_t)u; break;
	default: sv = (int64_t)u; break;
	}
	switch (fmt) {
	case SCAP_PF_OCT:
		strbuf_printf(out, "%#" PRIo64, size == 8 ? u : (uint64_t)(is_signed ? (uint64_t)sv & ((1ull << (size * 8)) - 1) : u));
		break;
	case SCAP_PF_HEX:
		strbuf_printf(out, "%" PRIX64, (uint64_t)(size == 8 ? u : (u & ((1ull << (size * 8)) - 1))));
		break;
	case SCAP_PF_10_PADDED_DEC:
		if (size == 8 || is_signed || size == 4)
			strbuf_printf(out, "%09" PRId64, sv);
		else
			strbuf_printf(out, "%09" PRIu64, u);
		break;
	default:
		/* sysdig prints every integer with a signed conversion of its own size */
		if (size <= 2 && !is_signed)
			strbuf_add_u64(out, u);
		else
			strbuf_add_s64(out, sv);
		break;
	}
}

void sinsp_render_fd_resolved(struct sinsp_evt *evt, const struct sinsp_fd *f, struct strbuf *res)
{
	char tc[3] = { sinsp_fd_typechar(f), 0, 0 };

	(void)evt;
	if (f->type == SCAP_FD_IPV4_SOCK || f->type == SCAP_FD_IPV6_SOCK ||
	    f->type == SCAP_FD_IPV4_SERVSOCK || f->type == SCAP_FD_IPV6_SERVSOCK) {
		switch (sinsp_fd_l4proto(f)) {
		case SCAP_L4_TCP: tc[1] = 't'; break;
		case SCAP_L4_UDP: tc[1] = 'u'; break;
		case SCAP_L4_ICMP: tc[1] = 'i'; break;
		case SCAP_L4_RAW: tc[1] = 'r'; break;
		default: break;
		}
	}
	strbuf_addc(res, '<');
	strbuf_adds(res, tc);
	strbuf_addc(res, '>');
	sinsp_add_printable(res, f->name, strlen(f->name));
}

static void render_fd(struct sinsp_evt *evt, int64_t fd, struct strbuf *val, struct strbuf *res)
{
	strbuf_add_s64(val, fd);
	if (!evt->thread)
		return;
	if (fd >= 0) {
		const struct sinsp_fd *f = sinsp_fd_find(evt->thread, fd);

		if (f)
			sinsp_render_fd_resolved(evt, f, res);
	} else if (fd == SCAP_AT_FDCWD) {
		strbuf_adds(res, "AT_FDCWD");
	} else {
		const char *e = scap_errno_name(fd);

		if (e)
			strbuf_adds(res, e);
	}
}

/* sysdig's flag rendering: names of the set bits in table order, or the exact name */
static void render_flags(const struct scap_name_value *t, uint32_t v, struct strbuf *res)
{
	const char *sep = "";
	uint32_t left = v;

	for (; t && t->name && t->value != v; t++) {
		if ((t->value == 0 && v == 0) ||
		    (t->value != 0 && (left & t->value) == t->value && left != 0)) {
			strbuf_adds(res, sep);
			strbuf_adds(res, t->name);
			sep = "|";
			left &= ~t->value;
		}
	}
	if (t && t->name) {
		strbuf_adds(res, sep);
		strbuf_adds(res, t->name);
	}
}

/* An enumeration (ENUMFLAGS types: io_uring_register's opcode, fsconfig's cmd, prctl's
 * option): the name of the value itself, none for a value the table lacks; its values
 * are not bits, so no combination of names is made. */
static void render_enum(const struct scap_name_value *t, uint32_t v, struct strbuf *res)
{
	for (; t && t->name; t++) {
		if (t->value == v) {
			strbuf_adds(res, t->name);
			return;
		}
	}
}

/* A tuple parameter as evt.args shows it, malformed ones included. */
static void render_tuple(const uint8_t *p, uint32_t len, struct strbuf *val)
{
	if ((p[0] == SCAP_AF_INET && len == 13) || (p[0] == SCAP_AF_INET6 && len == 37) ||
	    (p[0] == SCAP_AF_UNIX && len >= 17))
		sinsp_render_tuple(val, p, len);
	else if (p[0] == SCAP_AF_INET || p[0] == SCAP_AF_INET6)
		strbuf_adds(val, p[0] == SCAP_AF_INET ? "INVALID IPv4" : "INVALID IPv6");
	else
		strbuf_printf(val, "family %d", (int)(int8_t)p[0]);
}

static void render_sockaddr(const uint8_t *p, uint32_t len, struct strbuf *val)
{
	uint32_t ip;

	if (p[0] == SCAP_AF_UNIX) {
		sinsp_add_printable(val, (const char *)p + 1, len - 1);
	} else if (p[0] == SCAP_AF_INET) {
		if (len != 7) {
			strbuf_adds(val, "INVALID IPv4");
			return;
		}
		memcpy(&ip, p + 1, 4);
		sinsp_render_ipv4(val, ip);
		sinsp_render_port(val, ":", scap_get_u16(p + 5));
	} else if (p[0] == SCAP_AF_INET6) {
		if (len != 19) {
			strbuf_adds(val, "INVALID IPv6");
			return;
		}
		sinsp_render_ipv6(val, p + 1);
		sinsp_render_port(val, ":", scap_get_u16(p + 17));
	} else {
		strbuf_printf(val, "family %d", (int)(int8_t)p[0]);
	}
}

/* Rows of 16 bytes "\n\t0xOFFS: 7f45 4c46 ...", with @ascii their bytes as dots after. */
/* A byte as the dotted text shows it: printable ASCII itself, '.' otherwise. */
static inline char byte_dot(uint8_t c)
{
	return c >= 32 && c < 127 ? (char)c : '.';
}

static void render_hex(const uint8_t *p, uint32_t len, bool ascii, struct strbuf *val)
{
	uint32_t row, i;

	for (row = 0; row < len; row += 16) {
		uint32_t n = len - row < 16 ? len - row : 16;

		strbuf_printf(val, "\n\t0x%04x: ", row);
		for (i = 0; i < n; i++)
			strbuf_printf(val, i % 2 || i == 0 ? "%02x" : " %02x", p[row + i]);
		if (!ascii)
			continue;
		/* as sysdig pads a short last row: a space after the last byte, five for each
		 * pair of bytes missing, a space before the text */
		strbuf_addc(val, ' ');
		for (i = 0; i < (16 - n) / 2 * 5 + 1; i++)
			strbuf_addc(val, ' ');
		for (i = 0; i < n; i++)
			strbuf_addc(val, byte_dot(p[row + i]));
	}
	strbuf_addc(val, '\n');
}

static void render_base64(const uint8_t *p, uint32_t len, struct strbuf *val)
{
	static const char abc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	uint32_t i;

	for (i = 0; i + 2 < len; i += 3) {
		uint32_t x = (uint32_t)p[i] << 16 | (uint32_t)p[i + 1] << 8 | p[i + 2];

		strbuf_addc(val, abc[x >> 18]);
		strbuf_addc(val, abc[(x >> 12) & 63]);
		strbuf_addc(val, abc[(x >> 6) & 63]);
		strbuf_addc(val, abc[x & 63]);
	}
	if (i < len) {
		uint32_t x = (uint32_t)p[i] << 16 | (i + 1 < len ? (uint32_t)p[i + 1] << 8 : 0);

		strbuf_addc(val, abc[x >> 18]);
		strbuf_addc(val, abc[(x >> 12) & 63]);
		strbuf_addc(val, i + 1 < len ? abc[(x >> 6) & 63] : '=');
		strbuf_addc(val, '=');
	}
}

/*
 * A buffer parameter in the handle's buffer format (sinsp_open_opts.buffer_format):
 * the dotted text is cut to max_str_len, the other formats print every byte (as sysdig
 * does), in JSON output too (where the dotted text is not cut).
 */
static void render_bytebuf(struct sinsp_evt *evt, const uint8_t *p, uint32_t len,
			   enum sinsp_buf_fmt bf, struct strbuf *val)
{
	size_t start = val->len;
	uint32_t i, max = evt->s->max_str_len;
	enum sinsp_buffer_format f = evt->s->buffer_format;

	switch (f) {
	case SINSP_BUFFER_ASCII:
		strbuf_addc(val, '\n');
		/* line ends as newlines: "\r\n", "\n" and a lone "\r" each one "\n" */
		for (i = 0; i < len; i++) {
			if ((p[i] >= 32 && p[i] < 127) || p[i] == '\n')
				strbuf_addc(val, (char)p[i]);
			else if (p[i] == '\r' && (i + 1 == len || p[i + 1] != '\n'))
				strbuf_addc(val, '\n');
		}
		return;
	case SINSP_BUFFER_HEX:
	case SINSP_BUFFER_HEX_ASCII:
		render_hex(p, len, f == SINSP_BUFFER_HEX_ASCII, val);
		return;
	case SINSP_BUFFER_BASE64:
		render_base64(p, len, val);
		return;
	case SINSP_BUFFER_DOTS:
		break;
	}
	strbuf_grow(val, len + 1);
	for (i = 0; i < len; i++)
		val->buf[val->len++] = byte_dot(p[i]);
	val->buf[val->len] = 0;
	if (bf == SINSP_BUF_NORMAL && max && len > max) {
		val->len = start + max;
		if (max > 3)
			memcpy(val->buf + val->len - 3, "...", 3);
		val->buf[val->len] = 0;
	}
}

static void render_fdlist(struct sinsp_evt *evt, const uint8_t *p, uint32_t len, struct strbuf *val)
{
	uint16_t n, j;
	uint32_t pos = 2;

	if (!evt->thread || len < 2)
		return;
	n = scap_get_u16(p);
	for (j = 0; j < n && pos + 10 <= len; j++, pos += 10) {
		int64_t fd;
		int16_t fl;
		const struct sinsp_fd *f;

		memcpy(&fd, p + pos, 8);
		memcpy(&fl, p + pos + 8, 2);
		f = sinsp_fd_find(evt->thread, fd);
		strbuf_printf(val, "%" PRIu64 ":%c%x", (uint64_t)fd, f ? sinsp_fd_typechar(f) : '?',
			      (uint32_t)(int32_t)fl);
		if (j + 1 < n)
			strbuf_addc(val, ' ');
	}
}

/* Directory a relative path of param i is resolved against ("" when unknown). */
static void base_dir(struct sinsp_evt *evt, const struct scap_param_info *pi, struct strbuf *out)
{
	struct sinsp_thread *m = sinsp_thread_main(evt->s, evt->thread);
	const char *cwd = m && m->cwd ? m->cwd : (evt->thread->cwd ? evt->thread->cwd : "");

	if (pi->type == SCAP_PT_FSRELPATH) {
		uintptr_t di = (uintptr_t)pi->info;
		int64_t dirfd;
		const struct sinsp_fd *f;

		if (di < sinsp_evt_nparams(evt) && evt->info->params[di].type == SCAP_PT_FD) {
			dirfd = sinsp_param_s64(evt, (uint32_t)di, SCAP_AT_FDCWD);
			if (dirfd != SCAP_AT_FDCWD) {
				f = sinsp_fd_find(evt->thread, dirfd);
				if (!f || !f->name[0])
					return;
				sinsp_add_printable(out, f->name, strlen(f->name));
				strbuf_addc(out, '/');
				return;
			}
		}
	}
	strbuf_adds(out, cwd);
}

static void render_path(struct sinsp_evt *evt, const struct scap_param_info *pi, const uint8_t *p,
			uint32_t len, struct strbuf *val, struct strbuf *res)
{
	size_t n = strnlen((const char *)p, len);
	struct strbuf base = { 0 };

	sinsp_add_printable(val, (const char *)p, n);
	if (!evt->thread || (n == 4 && memcmp(p, "<NA>", 4) == 0))
		return;
	if (n > 0 && p[0] == '/')
		return; /* absolute: nothing to resolve */
	/* An empty path (execveat's AT_EMPTY_PATH, ...) resolves to its base directory itself,
	 * as sysdig 0.29.3 prints it: pathname=(/bin/true) for dirfd 3 on /bin/true. */
	base_dir(evt, pi, &base);
	if (base.len)
		sinsp_path_resolve(res, base.buf, n ? (const char *)p : ".", n ? n : 1);
	else
		sinsp_add_printable(res, (const char *)p, n); /* dirfd unknown: the bare name */
	strbuf_free(&base);
}

void sinsp_render_param(struct sinsp_evt *evt, uint32_t i, enum sinsp_buf_fmt bf,
			struct strbuf *val, struct strbuf *res)
{
	const struct scap_param_info *pi = &evt->info->params[i];
	uint8_t fmt = pi->fmt;
	const struct sinsp_param *par = sinsp_evt_param_at(evt, i);
	const uint8_t *p = par->val;
	uint32_t len = par->len;
	uint8_t type = pi->type;

	if (len == 0) {
		/* sysdig prints an empty buffer as nothing and any other empty param as NULL */
		if (type != SCAP_PT_BYTEBUF)
			strbuf_adds(val, "NULL");
		return;
	}
	if (type == SCAP_PT_DYN && pi->info) {
		uint8_t idx = p[0];

		if (idx < pi->ninfo) {
			pi = &((const struct scap_param_info *)pi->info)[idx];
			type = pi->type;
			p++;
			len--;
		}
	}
	switch (type) {
	case SCAP_PT_INT8: render_int(val, p, len, 1, true, fmt); break;
	case SCAP_PT_INT16: render_int(val, p, len, 2, true, fmt); break;
	case SCAP_PT_INT32: render_int(val, p, len, 4, true, fmt); break;
	case SCAP_PT_INT64: render_int(val, p, len, 8, true, fmt); break;
	case SCAP_PT_UINT8: render_int(val, p, len, 1, false, fmt); break;
	case SCAP_PT_UINT16: render_int(val, p, len, 2, false, fmt); break;
	case SCAP_PT_UINT32: render_int(val, p, len, 4, false, fmt); break;
	case SCAP_PT_UINT64: render_int(val, p, len, 8, false, fmt); break;
	case SCAP_PT_FD:
		render_fd(evt, (int64_t)rd_u(p, len), val, res);
		break;
	case SCAP_PT_PID: {
		int64_t pid = (int64_t)rd_u(p, len);
		const struct sinsp_thread *t = sinsp_thread_find(evt->s, pid);

		strbuf_add_s64(val, pid);
		if (t && t->comm)
			strbuf_adds(res, t->comm);
		break;
	}
	case SCAP_PT_ERRNO: {
		int64_t v = (int64_t)rd_u(p, len);

		strbuf_add_s64(val, v);
		if (v < 0) {
			const char *e = scap_errno_name(v);

			if (e)
				strbuf_adds(res, e);
		}
		break;
	}
	case SCAP_PT_CHARBUF:
		strbuf_add(val, (const char *)p, strnlen((const char *)p, len));
		break;
	case SCAP_PT_FSPATH:
	case SCAP_PT_FSRELPATH:
		render_path(evt, pi, p, len, val, res);
		break;
	case SCAP_PT_BYTEBUF:
		render_bytebuf(evt, p, len, bf, val);
		break;
	case SCAP_PT_SOCKADDR:
		render_sockaddr(p, len, val);
		break;
	case SCAP_PT_SOCKTUPLE:
		render_tuple(p, len, val);
		break;
	case SCAP_PT_FDLIST:
		render_fdlist(evt, p, len, val);
		break;
	case SCAP_PT_SYSCALLID: {
		uint16_t id = (uint16_t)rd_u(p, len);

		if (id >= SCAP_SC_MAX) {
			strbuf_adds(val, "<unknown syscall>");
			break;
		}
		strbuf_add_u64(val, id);
		if (scap_syscall_names[id])
			strbuf_adds(res, scap_syscall_names[id]);
		break;
	}
	case SCAP_PT_SIGTYPE: {
		uint8_t sig = p[0];
		const char *name = sinsp_signal_name(sig);

		strbuf_add_u64(val, sig);
		if (name)
			strbuf_adds(res, name);
		break;
	}
	case SCAP_PT_RELTIME: {
		uint64_t v = rd_u(p, len);

		if (v == UINT64_MAX) {
			strbuf_adds(val, "none");
		} else {
			strbuf_add_u64(val, v);
			strbuf_printf(res, "%lgs", (double)v / 1000000000.0);
		}
		break;
	}
	case SCAP_PT_FLAGS8:
	case SCAP_PT_FLAGS16:
	case SCAP_PT_FLAGS32:
	case SCAP_PT_ENUMFLAGS8:
	case SCAP_PT_ENUMFLAGS16:
	case SCAP_PT_ENUMFLAGS32: {
		uint32_t size = (type == SCAP_PT_FLAGS8 || type == SCAP_PT_ENUMFLAGS8) ? 1 :
				(type == SCAP_PT_FLAGS16 || type == SCAP_PT_ENUMFLAGS16) ? 2 : 4;
		uint32_t v = (uint32_t)rd_u(p, len < size ? len : size);

		strbuf_add_u64(val, v);
		if (type == SCAP_PT_ENUMFLAGS8 || type == SCAP_PT_ENUMFLAGS16 ||
		    type == SCAP_PT_ENUMFLAGS32)
			render_enum(pi->info, v, res);
		else
			render_flags(pi->info, v, res);
		break;
	}
	case SCAP_PT_MODE: {
		uint32_t v = (uint32_t)rd_u(p, len < 4 ? len : 4);

		render_int(val, p, len, 4, false, fmt);
		render_flags(pi->info, v, res);
		break;
	}
	case SCAP_PT_ABSTIME: {
		uint64_t v = rd_u(p, len);
		time_t sec = (time_t)(v / 1000000000ull);
		struct tm tm;
		char tmp[64];

		localtime_r(&sec, &tm);
		strftime(tmp, sizeof(tmp), "%Y-%m-%d %H:%M:%S", &tm);
		strbuf_adds(val, tmp);
		strbuf_printf(val, ".%09" PRIu64 " ", (uint64_t)(v % 1000000000ull));
		strftime(tmp, sizeof(tmp), "%z", &tm);
		strbuf_adds(val, tmp);
		break;
	}
	case SCAP_PT_UID:
	case SCAP_PT_GID: {
		uint32_t v = (uint32_t)rd_u(p, len);
		const char *name;

		if (v == UINT32_MAX) {
			strbuf_adds(val, "-1");
			strbuf_adds(res, "<NONE>");
			break;
		}
		strbuf_add_s64(val, (int32_t)v);
		name = type == SCAP_PT_UID ? sinsp_user_name(evt->s, v) : sinsp_group_name(evt->s, v);
		strbuf_adds(res, name ? name : "<NA>");
		break;
	}
	case SCAP_PT_SIGSET: {
		uint32_t v = (uint32_t)rd_u(p, len), sig;
		bool first = true;

		for (sig = 0; sig < 32; sig++) {
			const char *name;

			if (!(v & (1u << sig)) || !(name = sinsp_signal_name(sig + 1)))
				continue;
			if (!first)
				strbuf_addc(val, ' ');
			strbuf_adds(val, name);
			first = false;
		}
		break;
	}
	default:
		strbuf_adds(val, "(n.a.)");
		break;
	}
}

/*
 * For an event type sysdig 0.29.3 knows whose schema appended parameters since, the
 * number its table has (it prints those and skips the rest of the record): execve's
 * and execveat's exits have 20 (`sysdig -L`), schema 1.2 appended 6. 0 for the others.
 */
static uint32_t nparams_0293(uint32_t type)
{
	return type == SCAP_EVT_SYSCALL_EXECVE_19_X || type == SCAP_EVT_SYSCALL_EXECVEAT_X ? 20 : 0;
}

void sinsp_render_args(struct sinsp_evt *evt, enum sinsp_buf_fmt bf, struct strbuf *out)
{
	static __thread struct strbuf val, res;
	uint32_t i, n, k;

	if (!evt->info)
		return;
	if (sinsp_type_is_generic(evt->ref.type))
		return; /* generic events' parameters are internal: sysdig prints none */
	n = sinsp_evt_nparams(evt);
	/* as sysdig 0.29.3 prints them: the parameters its table has (it skips the others) */
	if (evt->s->compat_sysdig_0_29 && (k = nparams_0293(evt->ref.type)) && k < n)
		n = k;
	for (i = 0; i < n; i++) {
		strbuf_reset(&val);
		strbuf_reset(&res);
		sinsp_render_param(evt, i, bf, &val, &res);
		strbuf_adds(out, evt->info->params[i].name);
		strbuf_addc(out, '=');
		strbuf_add(out, val.buf ? val.buf : "", val.len);
		if (res.len) {
			strbuf_addc(out, '(');
			strbuf_add(out, res.buf, res.len);
			strbuf_addc(out, ')');
		}
		strbuf_addc(out, ' ');
	}
}

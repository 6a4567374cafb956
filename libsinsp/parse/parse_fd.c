/* SPDX-License-Identifier: Apache-2.0 */
/*
 * parse_fd.c - file descriptor lifecycle: open/openat/openat2/creat/open_by_handle_at/
 * memfd_create, close, dup/dup2/dup3/fcntl(F_DUPFD*), pipe/pipe2, and the fds that
 * carry no name (eventfd, signalfd, timerfd, inotify, epoll, userfaultfd, io_uring,
 * bpf).
 *
 * The state kept follows sysdig 0.29.3: an fd is added only when the call succeeded
 * and, for calls whose arguments are in the enter event only, when that enter event
 * was seen; a closed fd stays visible for the close exit event itself and is gone
 * from the next event on.
 */
#include <stdlib.h>
#include <string.h>

#include "parse/parse.h"
#include "state/fdpath.h"
#include "state/fdtable.h"

#define SCAP_OPEN_DIRECTORY 0x400u      /* O_DIRECTORY in the scap open flags */
#define SCAP_FCNTL_F_DUPFD 1
#define SCAP_FCNTL_F_DUPFD_CLOEXEC 26

bool sinsp_enter_load(const struct sinsp_evt *evt, struct sinsp_enter *e)
{
	struct scap_abi_evt_hdr hdr;
	const struct sinsp_thread *t = evt->thread;

	e->n = 0;
	e->info = NULL;
	if (!t || !t->enter_valid || t->enter_len < SCAP_ABI_EVT_HDR_LEN)
		return false;
	memcpy(&hdr, t->enter_raw, sizeof(hdr));
	if (hdr.type != (uint16_t)(evt->ref.type - 1))
		return false;
	e->info = scap_evt_info(hdr.type);
	if (!e->info)
		return false;
	e->type = hdr.type;
	e->n = sinsp_enter_params(t, e->p, SINSP_MAX_PARAMS);
	if (e->n > e->info->nparams)
		e->n = e->info->nparams;
	return true;
}

/* The return value: the first parameter of every exit event handled here. */
static int64_t evt_res(const struct sinsp_evt *evt)
{
	return sinsp_param_s64(evt, 0, -1);
}

/* ---- open family --------------------------------------------------------------- */

/*
 * Base text a relative name opened with dirfd is joined to, as sysdig 0.29.3 builds
 * it: the cwd (it ends with '/'), a dirfd's name followed by '/', or "<UNKNOWN>" for a
 * dirfd not in the table. A dirfd that is looked up becomes the event's fd: a failed
 * openat shows it.
 */
static void openat_base(struct sinsp_evt *evt, struct sinsp_thread *t, int64_t dirfd, struct strbuf *base)
{
	struct sinsp_thread *m = sinsp_thread_main(evt->s, t);
	struct sinsp_fd *d;

	if (dirfd == SCAP_AT_FDCWD) {
		strbuf_adds(base, m && m->cwd ? m->cwd : (t->cwd ? t->cwd : "/"));
		return;
	}
	d = sinsp_fd_find(t, dirfd);
	evt->fd = d;
	if (!d) {
		strbuf_adds(base, "<UNKNOWN>");
		return;
	}
	strbuf_adds(base, d->name);
	strbuf_addc(base, '/');
}

/*
 * The text of a name parameter. An empty parameter (no bytes) is read by sysdig as the
 * C string found where its value would start, i.e. in the parameters that follow in
 * the same record: reproduce that, bounded by the record (evt's or its saved enter).
 */
static void str_param(const struct sinsp_evt *evt, const struct sinsp_param *p, const char **s,
		      size_t *len)
{
	const uint8_t *lo = evt->ref.raw, *hi = evt->ref.raw + evt->ref.len;

	*s = (const char *)p->val;
	if (p->len > 0 || !p->val) {
		*len = p->val ? strnlen(*s, p->len) : 0;
		return;
	}
	if (evt->thread && (p->val < lo || p->val > hi)) {
		lo = evt->thread->enter_raw;
		hi = lo + evt->thread->enter_len;
	}
	*len = p->val >= lo && p->val <= hi ? strnlen(*s, (size_t)(hi - p->val)) : 0;
}

void sinsp_parse_open_exit(struct sinsp *s, struct sinsp_evt *evt)
{
	struct sinsp_thread *t = evt->thread;
	const struct sinsp_param *pname, *pflags, *pdirfd, *pdev;
	struct strbuf *path = &s->open_path, *base = &s->open_base;
	struct sinsp_enter e;
	bool have_enter, memfd, by_handle;
	const char *name;
	size_t name_len;
	uint32_t flags;
	int64_t fd, dirfd;
	struct sinsp_fd *f;

	if (!t || !evt->info)
		return;
	memfd = sinsp_name_is(evt->info->name, "memfd_create");
	by_handle = sinsp_name_is(evt->info->name, "open_by_handle_at");
	have_enter = sinsp_enter_load(evt, &e);
	pname = sinsp_evt_pk(evt, SINSP_P_NAME);
	if (!pname)
		pname = sinsp_evt_pk(evt, SINSP_P_PATH);
	pdirfd = sinsp_evt_pk(evt, SINSP_P_DIRFD);
	/*
	 * Events whose exit carries every argument (openat's second version, openat2,
	 * open_by_handle_at, memfd_create) stand alone; the others need their enter event,
	 * as in sysdig, even when the exit repeats the name.
	 */
	if (!have_enter && !pdirfd && !memfd && !by_handle)
		return;
	if (!pname && have_enter)
		pname = sinsp_enter_pk(&e, SINSP_P_NAME);
	if (!pname)
		return;
	pflags = sinsp_evt_pk(evt, SINSP_P_FLAGS);
	if (!pflags && have_enter)
		pflags = sinsp_enter_pk(&e, SINSP_P_FLAGS);
	if (!pdirfd && have_enter)
		pdirfd = sinsp_enter_pk(&e, SINSP_P_DIRFD);
	pdev = sinsp_evt_pk(evt, SINSP_P_DEV);
	flags = (uint32_t)sinsp_param_val_u64(pflags, 0);
	dirfd = sinsp_param_val_s64(pdirfd, SCAP_AT_FDCWD);
	str_param(evt, pname, &name, &name_len);
	fd = evt_res(evt);

	strbuf_reset(path);
	strbuf_reset(base);
	if (memfd) {
		strbuf_adds(path, "memfd:");
		strbuf_add(path, name, name_len);
	} else if (by_handle) {
		/* the kernel reports the resolved path */
		sinsp_fdpath_join(path, NULL, name, name_len, pname->len > 0);
	} else {
		/* open and creat resolve against the cwd, the *at calls against dirfd */
		if (pname->len > 0 && (name_len == 0 || name[0] != '/'))
			openat_base(evt, t, pdirfd ? dirfd : SCAP_AT_FDCWD, base);
		sinsp_fdpath_join(path, base->len ? base->buf : NULL, name, name_len,
				  pname->len > 0);
	}

	if (fd >= 0) {
		int32_t type = memfd ? SCAP_FD_MEMFD :
			       (flags & SCAP_OPEN_DIRECTORY) ? SCAP_FD_DIRECTORY : SCAP_FD_FILE_V2;

		f = sinsp_fd_add_reuse(t, fd, type, path->buf ? path->buf : "", &s->spare_fd);
		if (f) {
			f->open_flags = memfd ? 0 : flags;
			f->dev = sinsp_param_val_u64(pdev, 0);
			f->ino = sinsp_param_val_u64(sinsp_evt_pk(evt, SINSP_P_INO), 0);
			evt->fd = f;
			evt->fd_num = fd;
		}
	}
}

/* ---- close ----------------------------------------------------------------------- */

/*
 * A successful close removes the fd from the table at once (the next event no longer
 * finds it) but the entry lives on as s->closed_fd, so that this exit event still
 * shows it; sinsp_next() frees it before the next event.
 */
void sinsp_parse_close_exit(struct sinsp *s, struct sinsp_evt *evt)
{
	struct sinsp_thread *t = evt->thread;
	struct sinsp_fd *f = evt->fd;

	if (!t || !f || evt_res(evt) < 0 || sinsp_fd_find(t, evt->fd_num) != f)
		return;
	sinsp_fd_release_closed(s);
	s->closed_fd = sinsp_fd_detach(t, evt->fd_num);
}

/* ---- dup family ------------------------------------------------------------------ */

void sinsp_parse_dup_exit(struct sinsp *s, struct sinsp_evt *evt)
{
	struct sinsp_thread *t = evt->thread;
	int64_t res = evt_res(evt);
	struct sinsp_fd *src = evt->fd, *f;

	(void)s;
	if (!t || res < 0)
		return;
	if (evt->info && sinsp_name_is(evt->info->name, "fcntl")) {
		struct sinsp_enter e;
		uint64_t cmd;

		if (!sinsp_enter_load(evt, &e))
			return;
		cmd = sinsp_param_val_u64(sinsp_enter_pk(&e, SINSP_P_CMD), 0);
		if (cmd != SCAP_FCNTL_F_DUPFD && cmd != SCAP_FCNTL_F_DUPFD_CLOEXEC)
			return;
	}
	if (!src) {
		/* newer dup versions name the old fd in the exit event */
		int64_t oldfd = sinsp_param_val_s64(sinsp_evt_pk(evt, SINSP_P_OLDFD), -1);

		src = oldfd >= 0 ? sinsp_fd_find(t, oldfd) : NULL;
		if (!src)
			return;
	}
	if (src->fd == res) {
		evt->fd = src;
		return;
	}
	f = sinsp_fd_copy(t, res, src);
	if (f) {
		evt->fd = f;
		evt->fd_num = res;
	}
}

/* ---- pipes and nameless fds -------------------------------------------------------- */

void sinsp_parse_pipe_exit(struct sinsp *s, struct sinsp_evt *evt)
{
	struct sinsp_thread *t = evt->thread;
	uint64_t ino = sinsp_param_val_u64(sinsp_evt_pk(evt, SINSP_P_INO), 0);
	uint32_t flags = (uint32_t)sinsp_param_val_u64(sinsp_evt_pk(evt, SINSP_P_FLAGS), 0);
	const enum sinsp_pkey keys[2] = { SINSP_P_FD1, SINSP_P_FD2 };
	int i;

	(void)s;
	if (!t || evt_res(evt) < 0)
		return;
	for (i = 0; i < 2; i++) {
		int64_t fd = sinsp_param_val_s64(sinsp_evt_pk(evt, keys[i]), -1);
		struct sinsp_fd *f;

		if (fd < 0)
			continue;
		f = sinsp_fd_add(t, fd, SCAP_FD_FIFO, "");
		if (!f)
			continue;
		f->ino = ino;
		f->open_flags = flags;
		/* the event's fd is the last one created (fd2), as sysdig reports it */
		evt->fd = f;
		evt->fd_num = fd;
	}
}

void sinsp_parse_simple_fd_exit(struct sinsp *s, struct sinsp_evt *evt, int32_t fd_type, const char *name)
{
	struct sinsp_thread *t = evt->thread;
	const struct sinsp_param *p, *pfd;
	struct sinsp_fd *f;
	int64_t fd;

	(void)s;
	if (!t || !(p = sinsp_evt_param_at(evt, 0)))
		return;
	/* bpf's first version (a tagged res_or_fd): sysdig 0.29.3 adds no fd for it, not
	 * even with the fd tag (fd.type <NA>, fd.num -1, later uses of the fd <NA>) */
	if (evt->info && evt->info->params[0].type == SCAP_PT_DYN)
		return;
	pfd = sinsp_evt_pk(evt, SINSP_P_FD);
	fd = sinsp_param_val_s64(pfd ? pfd : p, -1);
	if (fd < 0)
		return;
	f = sinsp_fd_add(t, fd, fd_type, name ? name : "");
	if (f) {
		evt->fd = f;
		evt->fd_num = fd;
	}
}

/*
 * Exit events whose fd is their parameter 1 (getsockopt's fd, copy_file_range's fdout):
 * the event's fd, as sysdig 0.29.3 sets it (fd.num, fd.* fields).
 */
void sinsp_parse_fd_param1_exit(struct sinsp *s, struct sinsp_evt *evt)
{
	int64_t fd = sinsp_param_s64(evt, 1, -1);

	(void)s;
	if (!evt->thread || fd < 0)
		return;
	evt->thread->last_fd = fd;
	evt->fd_num = fd;
	evt->fd = sinsp_fd_find(evt->thread, fd);
}

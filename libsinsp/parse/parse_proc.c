/* SPDX-License-Identifier: Apache-2.0 */
/*
 * parse_proc.c - process and thread lifecycle: clone/fork/vfork/clone3, execve,
 * procexit, chdir/fchdir, and the memory and page fault counters that scheduler
 * switches and brk/mmap/munmap exits report. Credentials, sessions and namespaces are in parse_creds.c.
 */
#include <stdlib.h>
#include <string.h>

#include "parse/parse.h"
#include "state/containers.h"
#include "util/paths.h"

/* scap clone flags (values of the scap format, not the kernel's) */
#define SCAP_CL_CLONE_FILES (1u << 0)
#define SCAP_CL_CLONE_NEWPID (1u << 6)
#define SCAP_CL_CLONE_THREAD (1u << 13)
#define SCAP_CL_CHILD_IN_PIDNS (1u << 29)  /* the new thread is not in the initial pid namespace */

/* execve "flags" (scap values) */
#define SCAP_EXE_WRITABLE (1u << 0)
#define SCAP_EXE_UPPER_LAYER (1u << 1)
#define SCAP_EXE_FROM_MEMFD (1u << 2)

static int pidx(const struct sinsp_evt *evt, const char *name)
{
	return evt->info ? sinsp_info_param(evt->info, sinsp_evt_nparams(evt), name) : -1;
}

static void set_str_param(const struct sinsp_evt *evt, const char *name, char **dst)
{
	int i = pidx(evt, name);
	const struct sinsp_param *p;

	if (i < 0)
		return;
	p = sinsp_evt_param_at(evt, (uint32_t)i);
	sinsp_thread_set_str(dst, (const char *)p->val, strnlen((const char *)p->val, p->len));
}

static void set_cwd_param(const struct sinsp_evt *evt, struct sinsp_thread *t)
{
	int i = pidx(evt, "cwd");
	const struct sinsp_param *p;

	if (i < 0)
		return;
	p = sinsp_evt_param_at(evt, (uint32_t)i);
	sinsp_thread_set_cwd(t, (const char *)p->val, strnlen((const char *)p->val, p->len));
}

static void set_blob_param(const struct sinsp_evt *evt, const char *name, char **dst, uint32_t *len)
{
	int i = pidx(evt, name);
	const struct sinsp_param *p;

	if (i < 0)
		return;
	p = sinsp_evt_param_at(evt, (uint32_t)i);
	sinsp_thread_set_blob(dst, len, p->val, p->len);
}

static int64_t s64_param(const struct sinsp_evt *evt, const char *name, int64_t dflt)
{
	int i = pidx(evt, name);

	return i < 0 ? dflt : sinsp_param_s64(evt, (uint32_t)i, dflt);
}

static uint64_t u64_param(const struct sinsp_evt *evt, const char *name, uint64_t dflt)
{
	int i = pidx(evt, name);

	return i < 0 ? dflt : sinsp_param_u64(evt, (uint32_t)i, dflt);
}

/* The fields clone and execve exit events carry about the process. */
static void fill_process(struct sinsp_thread *t, const struct sinsp_evt *evt)
{
	int ci;

	set_str_param(evt, "exe", &t->exe);
	set_blob_param(evt, "args", &t->args, &t->args_len);
	if ((ci = pidx(evt, "comm")) >= 0) {
		const struct sinsp_param *p = sinsp_evt_param_at(evt, (uint32_t)ci);

		sinsp_thread_set_comm(t, (const char *)p->val, strnlen((const char *)p->val, p->len));
	}
	if (!t->comm && t->exe) {
		const char *b = strrchr(t->exe, '/');

		sinsp_thread_set_comm(t, b ? b + 1 : t->exe, strlen(b ? b + 1 : t->exe));
	}
	if ((ci = pidx(evt, "cgroups")) >= 0) {
		const struct sinsp_param *p = sinsp_evt_param_at(evt, (uint32_t)ci);

		sinsp_thread_set_cgroups_memo(evt->s, t, (const char *)p->val, p->len);
	}
	set_blob_param(evt, "env", &t->env, &t->env_len);
	t->fdlimit = s64_param(evt, "fdlimit", t->fdlimit);
	t->pfmajor = u64_param(evt, "pgft_maj", t->pfmajor);
	t->pfminor = u64_param(evt, "pgft_min", t->pfminor);
	t->vmsize_kb = (uint32_t)u64_param(evt, "vm_size", t->vmsize_kb);
	t->vmrss_kb = (uint32_t)u64_param(evt, "vm_rss", t->vmrss_kb);
	t->vmswap_kb = (uint32_t)u64_param(evt, "vm_swap", t->vmswap_kb);
	t->uid = (uint32_t)u64_param(evt, "uid", t->uid);
	t->gid = (uint32_t)u64_param(evt, "gid", t->gid);
	t->loginuid = (uint32_t)u64_param(evt, "loginuid", t->loginuid);
	t->vtid = s64_param(evt, "vtid", t->vtid);
	t->vpid = s64_param(evt, "vpid", t->vpid);
	t->cap_inheritable = u64_param(evt, "cap_inheritable", t->cap_inheritable);
	t->cap_permitted = u64_param(evt, "cap_permitted", t->cap_permitted);
	t->cap_effective = u64_param(evt, "cap_effective", t->cap_effective);
	t->exe_ino = u64_param(evt, "exe_ino", t->exe_ino);
	t->exe_ino_ctime = u64_param(evt, "exe_ino_ctime", t->exe_ino_ctime);
	t->exe_ino_mtime = u64_param(evt, "exe_ino_mtime", t->exe_ino_mtime);
	t->pidns_init_start_ts = u64_param(evt, "pidns_init_start_ts", t->pidns_init_start_ts);
}

static void copy_strings(struct sinsp_thread *dst, const struct sinsp_thread *src)
{
#define COPY_STR(f) if (src->f) sinsp_thread_set_str(&dst->f, src->f, strlen(src->f))
	if (src->comm)
		sinsp_thread_set_comm(dst, src->comm, src->comm_len);
	COPY_STR(exe);
	COPY_STR(exepath);
	COPY_STR(cwd);
#undef COPY_STR
	if (src->args)
		sinsp_thread_set_blob(&dst->args, &dst->args_len, src->args, src->args_len);
	if (src->env)
		sinsp_thread_set_blob(&dst->env, &dst->env_len, src->env, src->env_len);
	if (src->cgroups)
		sinsp_thread_set_blob(&dst->cgroups, &dst->cgroups_len, src->cgroups, src->cgroups_len);
	dst->uid = src->uid;
	dst->gid = src->gid;
	dst->loginuid = src->loginuid;
	dst->sid = src->sid;
	dst->vpgid = src->vpgid;
	dst->fdlimit = src->fdlimit;
	dst->pgid = src->pgid;
	dst->tty = src->tty;
	if (src->root)
		sinsp_thread_set_str(&dst->root, src->root, strlen(src->root));
	dst->cap_permitted = src->cap_permitted;
	dst->cap_effective = src->cap_effective;
	dst->cap_inheritable = src->cap_inheritable;
	dst->exe_ino = src->exe_ino;
	dst->exe_ino_ctime = src->exe_ino_ctime;
	dst->exe_ino_mtime = src->exe_ino_mtime;
	dst->exe_writable = src->exe_writable;
	dst->exe_upper_layer = src->exe_upper_layer;
	dst->exe_from_memfd = src->exe_from_memfd;
	dst->pidns_init_start_ts = src->pidns_init_start_ts;
}

/* Give child the fd table of parent: shared for threads and CLONE_FILES, else a copy. */
static void inherit_fds(struct sinsp *s, struct sinsp_thread *child, struct sinsp_thread *parent,
			uint32_t flags)
{
	size_t i;

	parent = sinsp_thread_main(s, parent);
	if (!parent || !parent->fds || child->fds)
		return;
	if (flags & (SCAP_CL_CLONE_THREAD | SCAP_CL_CLONE_FILES)) {
		child->fds = parent->fds;
		parent->fds->refs++;
		return;
	}
	for (i = 0; i < parent->fds->map.cap; i++) {
		const struct sinsp_fd *pf = parent->fds->map.slots[i].val;
		struct sinsp_fd *cf;
		char *name;

		if (!pf)
			continue;
		cf = sinsp_fd_add(child, pf->fd, pf->type, pf->name);
		if (!cf)
			return;
		name = cf->name;
		*cf = *pf;
		cf->name = name;
	}
}

void sinsp_parse_clone_exit(struct sinsp *s, struct sinsp_evt *evt)
{
	int64_t res = s64_param(evt, "res", -1);
	uint32_t flags = (uint32_t)u64_param(evt, "flags", 0);
	struct sinsp_thread *parent, *child;
	int64_t ctid, cpid, cptid;

	if (res < 0)
		return;
	if (res == 0) {
		/* child side: the event's tid is the new thread */
		ctid = (int64_t)evt->ref.tid;
		cpid = s64_param(evt, "pid", ctid);
		cptid = s64_param(evt, "ptid", -1);
		child = sinsp_thread_find(s, ctid);
		if (child && child->dead) {
			sinsp_thread_remove(s, child); /* an exited process's tid reused */
			child = NULL;
		}
		if (child && child->comm) {
			/*
			 * Created by the parent side, which could not know the ids the child has
			 * in its own pid namespace: this event carries them.
			 */
			child->vtid = s64_param(evt, "vtid", child->vtid);
			child->vpid = s64_param(evt, "vpid", child->vpid);
			if (child->vpid == 1 && child->tid == child->pid)
				child->reaper = true;
			evt->thread = child;
			return;
		}
		parent = sinsp_thread_find_ref(s, cptid);
	} else {
		/*
		 * Parent side: res is the new thread's id in the caller's pid namespace. A
		 * caller inside a pid namespace (its vtid, in the event, is not its tid) got
		 * the id the child has there, not its host tid: a thread made from it would
		 * take the tid of another process (seen live: a pod's sh cloning its pid 5468
		 * made a thread 5468 that a docker container's process got later, cgroups
		 * and container included). The child's own clone exit describes it, as it
		 * does for the peers.
		 */
		int64_t caller_vtid = s64_param(evt, "vtid", -1);

		if (caller_vtid >= 0 && caller_vtid != (int64_t)evt->ref.tid)
			return;
		ctid = res;
		parent = evt->thread;
		if (flags & SCAP_CL_CLONE_THREAD)
			cpid = s64_param(evt, "pid", parent ? parent->pid : ctid);
		else
			cpid = ctid;
		/*
		 * The caller is the new thread's parent thread, for a thread of the same
		 * process too (sysdig's proc.pname of a thread names its creator); proc.ppid
		 * reads the main thread's.
		 */
		cptid = (int64_t)evt->ref.tid;
		child = sinsp_thread_find(s, ctid);
		if (child && child->dead) {
			sinsp_thread_remove(s, child);
			child = NULL;
		}
		if (child && child->comm)
			return; /* the child side came first */
	}
	child = sinsp_thread_add(s, ctid);
	if (!child)
		return;
	if (parent && parent != child)
		copy_strings(child, parent);
	child->pid = cpid;
	sinsp_thread_set_ptid(s, child, cptid);
	child->flags = flags;
	child->clone_ts = evt->ref.ts_ns;
	fill_process(child, evt);
	if (res != 0) {
		/*
		 * The parent-side event carries the parent's vtid/vpid, not the child's: a
		 * child in the initial pid namespace has its host ids; the first process of a
		 * new pid namespace is its 1; other children in a pid namespace are unknown
		 * until their own clone event.
		 */
		if ((flags & SCAP_CL_CLONE_NEWPID) && !(flags & SCAP_CL_CLONE_THREAD)) {
			child->vtid = 1;
			child->vpid = 1;
		} else if (flags & SCAP_CL_CHILD_IN_PIDNS) {
			struct sinsp_thread *pm = sinsp_thread_main(s, parent);

			child->vtid = -1;
			child->vpid = (flags & SCAP_CL_CLONE_THREAD) && pm ? pm->vpid : -1;
		} else {
			child->vtid = ctid;
			child->vpid = cpid;
		}
	}
	child->reaper = child->tid == child->pid && child->vpid == 1;
	set_cwd_param(evt, child);
	if (parent && parent != child)
		inherit_fds(s, child, parent, flags);
	sinsp_thread_link_main(s, child);
	sinsp_thread_update_container(s, child);
	if (res == 0)
		evt->thread = child;
}

/*
 * Older execve versions: the enter event carries the path that was executed. sysdig
 * 0.29.3 walks it from the process's cwd ("./cc.sh" in /tmp/d/ is /tmp/d/cc.sh, an
 * absolute path is walked too); "<NA>" stays as is. Nothing without a paired enter.
 */
static void exepath_from_enter(struct sinsp *s, struct sinsp_thread *t, const struct sinsp_evt *evt)
{
	struct sinsp_thread *m = sinsp_thread_main(s, t);
	struct strbuf b = { 0 };
	struct sinsp_enter e;
	const struct sinsp_param *p;
	size_t n;

	if (!sinsp_enter_load(evt, &e) || (p = sinsp_enter_param(&e, "filename")) == NULL)
		return;
	n = strnlen((const char *)p->val, p->len);
	if (n >= 4 && memcmp(p->val, "<NA>", 4) == 0) {
		sinsp_thread_set_str(&t->exepath, (const char *)p->val, n);
		return;
	}
	/* an empty name is the cwd itself, as sysdig joins them */
	sinsp_path_resolve(&b, m && m->cwd ? m->cwd : "/", n ? (const char *)p->val : ".", n ? n : 1);
	sinsp_thread_set_str(&t->exepath, b.buf, b.len);
	strbuf_free(&b);
}

void sinsp_parse_execve_exit(struct sinsp *s, struct sinsp_evt *evt)
{
	struct sinsp_thread *t = evt->thread;

	if (s64_param(evt, "res", -1) < 0)
		return;
	if (!t) {
		t = sinsp_thread_add(s, (int64_t)evt->ref.tid);
		if (!t)
			return;
		evt->thread = t;
	}
	t->pid = s64_param(evt, "pid", t->pid);
	sinsp_thread_set_ptid_reported(s, t, s64_param(evt, "ptid", t->ptid));
	/* a parent whose children keep exec'ing is still referenced: aging keeps it */
	sinsp_thread_find_ref(s, t->ptid);
	/* the kernel ends every other thread of the process before exec completes */
	if (t->tid == t->pid)
		sinsp_thread_drop_siblings(s, t);
	t->placeholder = false;
	sinsp_thread_set_comm(t, NULL, 0);
	/* exec keeps the working directory: the cwd parameter is informative only */
	fill_process(t, evt);
	/* a new executable: its inode facts are those the event gives, else unknown (not the
	 * old image's, which fill_process() keeps for a clone) */
	if (pidx(evt, "exe_ino") < 0)
		t->exe_ino = t->exe_ino_ctime = t->exe_ino_mtime = 0;
	t->tty = (uint32_t)s64_param(evt, "tty", t->tty);
	t->vpgid = s64_param(evt, "pgid", t->vpgid);
	if (pidx(evt, "flags") >= 0) {
		uint32_t xf = (uint32_t)u64_param(evt, "flags", 0);

		t->exe_writable = xf & SCAP_EXE_WRITABLE;
		t->exe_upper_layer = xf & SCAP_EXE_UPPER_LAYER;
		t->exe_from_memfd = xf & SCAP_EXE_FROM_MEMFD;
	}
	sinsp_thread_update_container(s, t);
	set_str_param(evt, "exepath", &t->exepath);
	if (pidx(evt, "exepath") < 0)
		exepath_from_enter(s, t, evt);
	/* neither the exit nor a paired enter names it: known to be empty, as sysdig prints it */
	if (!t->exepath)
		sinsp_thread_set_str(&t->exepath, "", 0);
}

void sinsp_parse_procexit(struct sinsp *s, struct sinsp_evt *evt)
{
	/* the thread stays visible for this event and is removed before the next one */
	if (evt->thread)
		s->pending_removal = evt->thread;
}

void sinsp_parse_chdir_exit(struct sinsp *s, struct sinsp_evt *evt)
{
	struct sinsp_thread *t = sinsp_thread_main(s, evt->thread);
	struct strbuf b = { 0 };
	int i;

	if (!t || s64_param(evt, "res", -1) < 0)
		return;
	if ((i = pidx(evt, "path")) >= 0) {
		const struct sinsp_param *p = sinsp_evt_param_at(evt, (uint32_t)i);

		sinsp_path_resolve(&b, t->cwd, (const char *)p->val, strnlen((const char *)p->val, p->len));
	} else if (evt->fd) {
		strbuf_adds(&b, evt->fd->name);
	} else {
		return;
	}
	sinsp_thread_set_cwd(t, b.buf, b.len);
	strbuf_free(&b);
}

void sinsp_parse_switch(struct sinsp *s, struct sinsp_evt *evt)
{
	struct sinsp_thread *t = evt->thread, *m;

	/* older switch events carry the next tid only */
	if (!t || pidx(evt, "vm_swap") < 0)
		return;
	t->pfmajor = u64_param(evt, "pgft_maj", t->pfmajor);
	t->pfminor = u64_param(evt, "pgft_min", t->pfminor);
	m = sinsp_thread_main(s, t);
	m->vmsize_kb = (uint32_t)u64_param(evt, "vm_size", m->vmsize_kb);
	m->vmrss_kb = (uint32_t)u64_param(evt, "vm_rss", m->vmrss_kb);
	m->vmswap_kb = (uint32_t)u64_param(evt, "vm_swap", m->vmswap_kb);
}

/*
 * Where vm_size, vm_rss and vm_swap are in the exit events of brk, mmap, mmap2 and
 * munmap: looked up once a schema entry, not by name at each event (four lookups an
 * event were 90 instructions; a tenth of bench/collect's capture are such events).
 * Indices into all of the entry's parameters, -1 when it has no such parameter.
 */
struct vm_params {
	const struct scap_evt_info *info;
	int size, rss, swap;
};
#define VM_PARAMS_SLOTS 8
static _Thread_local struct vm_params vm_memo[VM_PARAMS_SLOTS];

static const struct vm_params *vm_params(const struct scap_evt_info *info)
{
	struct vm_params *v = &vm_memo[((uintptr_t)info >> 4) % VM_PARAMS_SLOTS];

	if (v->info != info) {
		v->info = info;
		v->size = sinsp_info_param(info, info->nparams, "vm_size");
		v->rss = sinsp_info_param(info, info->nparams, "vm_rss");
		v->swap = sinsp_info_param(info, info->nparams, "vm_swap");
	}
	return v;
}

/* Parameter @i (an index of vm_params) of @evt, when the event has it. */
static inline bool vm_has(const struct sinsp_evt *evt, int i)
{
	return i >= 0 && (uint32_t)i < sinsp_evt_nparams(evt);
}

void sinsp_parse_vm_exit(struct sinsp *s, struct sinsp_evt *evt)
{
	struct sinsp_thread *t = evt->thread;
	const struct vm_params *v;

	(void)s;
	if (!t || !evt->info)
		return;
	v = vm_params(evt->info);
	if (vm_has(evt, v->size))
		t->vmsize_kb = (uint32_t)sinsp_param_u64(evt, (uint32_t)v->size, t->vmsize_kb);
	if (!vm_has(evt, v->swap))
		return;
	if (vm_has(evt, v->rss))
		t->vmrss_kb = (uint32_t)sinsp_param_u64(evt, (uint32_t)v->rss, t->vmrss_kb);
	t->vmswap_kb = (uint32_t)sinsp_param_u64(evt, (uint32_t)v->swap, t->vmswap_kb);
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * fields_proc.c - the proc.*, thread.*, user.* and group.* fields: the process and
 * thread of the event, their ancestors, session, resources and credentials, as
 * sysdig 0.29.3 extracts them from its thread table.
 */
#include <stdlib.h>
#include <string.h>

#include "fields/fields.h"
#include "state/users.h"

/* Append a NUL-separated list as one string, entries separated by sep. */
static void add_joined(struct strbuf *out, const char *blob, uint32_t len, char sep)
{
	size_t start = out->len;
	uint32_t i;

	for (i = 0; i < len; i++)
		strbuf_addc(out, blob[i] ? blob[i] : sep);
	/* drop the separator the final NUL produced */
	if (out->len > start && out->buf[out->len - 1] == sep)
		out->buf[--out->len] = 0;
}

/* name and arguments (proc.cmdline), or exe and arguments (proc.exeline) */
static void add_cmdline(struct strbuf *out, const struct sinsp_thread *t, bool exe)
{
	const char *head = exe ? t->exe : t->comm;

	strbuf_adds(out, head ? head : "");
	if (t->args_len || exe) {
		strbuf_addc(out, ' ');
		add_joined(out, t->args ? t->args : "", t->args_len, ' ');
	}
}

/* Bound of any walk up the parent chain: a cycle in bogus input cannot loop. */
static size_t max_depth(const struct sinsp *s)
{
	return s->threads.count + 1;
}

/* The thread whose tid is t's ptid (sysdig's parent thread), NULL when unknown. */
struct sinsp_thread *sinsp_fields_parent(struct sinsp *s, const struct sinsp_thread *t)
{
	struct sinsp_thread *p;

	if (t->ptid < 0 || t->ptid == t->tid)
		return NULL;
	p = sinsp_thread_find_src(s, t->src, t->ptid);
	return p;
}

/* The main thread of t's process, or NULL when t is not one and its main is unknown. */
static struct sinsp_thread *main_or_null(struct sinsp *s, struct sinsp_thread *t)
{
	struct sinsp_thread *m;

	if (t->tid == t->pid)
		return t;
	m = sinsp_thread_find_src(s, t->src, t->pid);
	return m;
}

/* The n-th ancestor of t's process (0: its main thread), NULL when unknown. */
struct sinsp_thread *sinsp_fields_ancestor(struct sinsp *s, struct sinsp_thread *t, int n)
{
	struct sinsp_thread *m = main_or_null(s, t);
	int j;

	for (j = 0; m && j < n; j++)
		m = sinsp_fields_parent(s, m);
	return m;
}

/* proc.loginshellid: the pid of the oldest ancestor (or self) whose name ends in "sh". */
static bool login_shell(struct sinsp *s, struct sinsp_thread *t, int64_t *pid)
{
	struct sinsp_thread *m = main_or_null(s, t);
	size_t depth = 0, lim = max_depth(s);
	bool found = false;

	for (; m && depth < lim; m = sinsp_fields_parent(s, m), depth++) {
		size_t n = m->comm ? strlen(m->comm) : 0;

		if (n >= 2 && m->comm[n - 2] == 's' && m->comm[n - 1] == 'h') {
			*pid = m->pid;
			found = true;
		}
	}
	return found;
}

/* proc.sname: the session leader's name, or the eldest ancestor in the same session. */
static const char *session_name(struct sinsp *s, struct sinsp_thread *t)
{
	struct sinsp_thread *leader = sinsp_thread_find_src(s, t->src, t->sid), *m, *p;
	size_t depth = 0, lim = max_depth(s);

	if (leader)
		return leader->comm ? leader->comm : "";
	m = main_or_null(s, t);
	if (!m)
		return NULL;
	while ((p = sinsp_fields_parent(s, m)) != NULL && p->sid == m->sid && depth++ < lim)
		m = p;
	return m->comm ? m->comm : "";
}

/* thread.cgroup.SUBSYS: the path of one controller in "subsys=path" entries. */
static bool cgroup_of(const struct sinsp_thread *t, const char *subsys, struct strbuf *out)
{
	size_t sl = strlen(subsys);
	uint32_t i = 0;

	while (i < t->cgroups_len) {
		const char *e = t->cgroups + i;
		size_t el = strnlen(e, t->cgroups_len - i);

		if (el > sl && strncmp(e, subsys, sl) == 0 && e[sl] == '=') {
			strbuf_add(out, e + sl + 1, el - sl - 1);
			return true;
		}
		i += (uint32_t)el + 1;
	}
	return false;
}

/* thread.exectime: ns since the previous switch on this CPU (switch events only). */
static uint64_t exectime(struct sinsp_evt *evt, const struct field_ref *r)
{
	struct field_scratch *sc = r->scratch;
	uint16_t type = evt->ref.type;
	uint32_t cpu = evt->ref.cpu;
	uint64_t last, res = 0;

	if (type != SCAP_EVT_SCHEDSWITCH_1_E && type != SCAP_EVT_SCHEDSWITCH_6_E)
		return 0;
	if (cpu >= sc->ncpus) {
		uint32_t n = cpu + 1 < 64 ? 64 : cpu + 1;
		uint64_t *p = realloc(sc->cpu_switch_ts, n * sizeof(*p));

		if (!p)
			return 0;
		memset(p + sc->ncpus, 0, (n - sc->ncpus) * sizeof(*p));
		sc->cpu_switch_ts = p;
		sc->ncpus = n;
	}
	last = sc->cpu_switch_ts[cpu];
	if (last)
		res = evt->ref.ts_ns - last;
	sc->cpu_switch_ts[cpu] = evt->ref.ts_ns;
	return res;
}

/* thread.totexectime: exectime accumulated per thread (stored +1 so 0 means absent). */
static bool totexectime(struct sinsp_evt *evt, const struct field_ref *r, struct field_val *v)
{
	struct field_scratch *sc = r->scratch;
	uint64_t add = exectime(evt, r), tot;
	void *cur;

	if (!evt->thread)
		return false;
	cur = hashmap_get(&sc->tot, (uint64_t)evt->thread->tid);
	tot = (cur ? (uint64_t)(uintptr_t)cur - 1 : 0) + add;
	if (add || cur)
		hashmap_put(&sc->tot, (uint64_t)evt->thread->tid, (void *)(uintptr_t)(tot + 1));
	v->t = FV_U64;
	v->v.u = tot;
	return true;
}

static bool text(struct field_val *v, struct strbuf *out, const char *s)
{
	if (!s)
		return false;
	v->t = FV_TEXT;
	strbuf_adds(out, s);
	return true;
}

/*
 * Open fds of the process. The fd a close exit just released still counts for that
 * event: sysdig removes it from the table only after the event.
 */
static uint64_t fd_count(const struct sinsp_evt *evt, const struct sinsp_thread *m)
{
	uint64_t n = m && m->fds ? m->fds->map.count : 0;

	return n + (evt->fd && evt->fd == evt->s->closed_fd);
}

static const char *proc_name(const struct sinsp_thread *t)
{
	return t->comm ? t->comm : "";
}

int sinsp_fields_proc_name_view(struct sinsp_evt *evt, const char **s, size_t *len)
{
	if (!evt->thread)
		return 0;
	*s = proc_name(evt->thread);
	*len = evt->thread->comm_len;
	return 1;
}

bool sinsp_fields_proc(struct sinsp_evt *evt, const struct field_ref *r, struct field_val *v,
		       struct strbuf *out)
{
	struct sinsp *s = evt->s;
	struct sinsp_thread *t = evt->thread, *m, *p;
	int64_t x;

	switch (r->def->id) {
	case F_THREAD_TID:
		return sinsp_fv_s64(v, (int64_t)evt->ref.tid); /* known from the event even without state */
	case F_THREAD_EXECTIME:
		return sinsp_fv_u64(v, exectime(evt, r));
	case F_THREAD_TOTEXECTIME:
		return totexectime(evt, r, v);
	default:
		break;
	}
	if (!t)
		return false;
	m = sinsp_thread_main(s, t);
	switch (r->def->id) {
	case F_PROC_PID: return sinsp_fv_s64(v, t->pid);
	case F_PROC_EXE: return text(v, out, t->exe ? t->exe : "");
	case F_PROC_NAME: return text(v, out, proc_name(t));
	case F_PROC_ARGS:
		v->t = FV_TEXT;
		add_joined(out, t->args ? t->args : "", t->args_len, ' ');
		return true;
	case F_PROC_ENV:
		v->t = FV_TEXT;
		add_joined(out, m->env ? m->env : "", m->env_len, ' ');
		return true;
	case F_PROC_CMDLINE:
	case F_PROC_EXELINE:
		v->t = FV_TEXT;
		add_cmdline(out, t, r->def->id == F_PROC_EXELINE);
		return true;
	case F_PROC_CWD: return text(v, out, m->cwd ? m->cwd : "");
	case F_PROC_NTHREADS:
		if (!(p = main_or_null(s, t)))
			return false;
		return sinsp_fv_u64(v, (uint64_t)p->nthreads + 1);
	case F_PROC_NCHILDS: return sinsp_fv_u64(v, t->nthreads);
	case F_PROC_PPID:
		if (!(p = main_or_null(s, t)))
			return false;
		return sinsp_fv_s64(v, p->ptid);
	case F_PROC_PNAME:
		if (!(p = sinsp_fields_parent(s, t)))
			return false;
		return text(v, out, p->comm ? p->comm : "");
	case F_PROC_PCMDLINE:
		if (!(p = sinsp_fields_parent(s, t)))
			return false;
		v->t = FV_TEXT;
		add_cmdline(out, p, false);
		return true;
	case F_PROC_APID:
	case F_PROC_ANAME:
		if (!(p = sinsp_fields_ancestor(s, t, r->argnum > 0 ? r->argnum : 0)))
			return false;
		if (r->def->id == F_PROC_APID)
			return sinsp_fv_s64(v, p->pid);
		return text(v, out, p->comm ? p->comm : "");
	case F_PROC_LOGINSHELLID:
		if (!login_shell(s, t, &x))
			return false;
		return sinsp_fv_s64(v, x);
	case F_PROC_DURATION:
		if (!t->clone_ts)
			return false;
		return sinsp_fv_u64(v, evt->ref.ts_ns - t->clone_ts);
	case F_PROC_FDOPENCOUNT: return sinsp_fv_u64(v, fd_count(evt, m));
	case F_PROC_FDLIMIT: return sinsp_fv_s64(v, m->fdlimit);
	case F_PROC_FDUSAGE:
		v->t = FV_DOUBLE;
		v->v.d = m->fdlimit > 0 ? (double)(fd_count(evt, m) * 100) / (double)m->fdlimit : 0;
		return true;
	case F_PROC_VMSIZE: return sinsp_fv_u64(v, t->vmsize_kb);
	case F_PROC_VMRSS: return sinsp_fv_u64(v, t->vmrss_kb);
	case F_PROC_VMSWAP: return sinsp_fv_u64(v, t->vmswap_kb);
	case F_THREAD_PFMAJOR: return sinsp_fv_u64(v, t->pfmajor);
	case F_THREAD_PFMINOR: return sinsp_fv_u64(v, t->pfminor);
	case F_THREAD_ISMAIN: return sinsp_fv_bool(v, t->tid == t->pid);
	case F_THREAD_CGROUPS:
		if (!t->cgroups_len)
			return false;
		v->t = FV_TEXT;
		add_joined(out, t->cgroups, t->cgroups_len, ' ');
		return true;
	case F_THREAD_CGROUP:
		v->t = FV_TEXT;
		return cgroup_of(t, r->arg, out);
	/* -1 is unknown; the thread of a container event has -2 (sinsp_container_thread()) */
	case F_THREAD_VTID:
		if (t->vtid == -1)
			return false;
		return sinsp_fv_s64(v, t->vtid);
	case F_PROC_VPID:
		if (t->vpid == -1)
			return false;
		return sinsp_fv_s64(v, t->vpid);
	case F_THREAD_CPU:
	case F_THREAD_CPU_USER:
	case F_THREAD_CPU_SYSTEM:
		return false; /* reported by procinfo events only, which captures do not store */
	case F_THREAD_VMSIZE: return sinsp_fv_u64(v, t->tid == t->pid ? t->vmsize_kb : 0);
	case F_THREAD_VMRSS: return sinsp_fv_u64(v, t->tid == t->pid ? t->vmrss_kb : 0);
	case F_PROC_SID: return sinsp_fv_s64(v, t->sid);
	case F_PROC_SNAME: return text(v, out, session_name(s, t));
	case F_PROC_TTY:
		/* sysdig 0.29.3 prints 0 whatever terminal the capture recorded (compat only) */
		return sinsp_fv_s64(v, s->compat_sysdig_0_29 ? 0 : (int64_t)t->tty);
	case F_PROC_EXEPATH: return text(v, out, t->exepath ? t->exepath : "");
	case F_PROC_VPGID: return sinsp_fv_s64(v, t->vpgid);
	case F_PROC_IS_HEALTHCHECK:
	case F_PROC_IS_LIVENESS:
	case F_PROC_IS_READINESS:
		return sinsp_fv_bool(v, false); /* no health probes in the container metadata */
	case F_PROC_IS_EXE_WRITABLE: return sinsp_fv_bool(v, t->exe_writable);
	case F_USER_UID: return sinsp_fv_u64(v, t->uid);
	case F_USER_NAME: return text(v, out, sinsp_user_name(s, t->uid));
	case F_USER_HOMEDIR:
	case F_USER_SHELL: {
		const struct sinsp_user *u = sinsp_user_find(s, NULL, t->uid);

		if (!u)
			return false;
		return text(v, out, r->def->id == F_USER_HOMEDIR ? u->home : u->shell);
	}
	case F_USER_LOGINUID: return sinsp_fv_s64(v, (int32_t)t->loginuid);
	case F_USER_LOGINNAME: return text(v, out, sinsp_user_name(s, t->loginuid));
	case F_GROUP_GID:
		/*
		 * sysdig 0.29.3 reads group.gid as 64 bits starting at the 32-bit gid, so its
		 * upper half shows the main thread's count of other threads; reproduced only
		 * with the compatibility setting (sinsp_open_opts.compat_sysdig_0_29).
		 */
		if (s->compat_sysdig_0_29)
			return sinsp_fv_u64(v, (uint64_t)t->gid | ((uint64_t)t->nthreads << 32));
		return sinsp_fv_u64(v, t->gid);
	case F_GROUP_NAME:
		if (t->gid == UINT32_MAX)
			return false;
		return text(v, out, sinsp_group_name(s, t->gid));
	default:
		return sinsp_fields_proc_exe(evt, r, v, out);
	}
}

/*
 * sysdig's walk of the ancestors: from the parent of the process's main thread up,
 * visiting the first parent whatever it is and stopping before a thread that is its
 * own parent; bounded here by the table size (a cycle ends the walk).
 */
enum sinsp_match sinsp_fields_proc_match_any(struct sinsp_evt *evt, const struct field_ref *r,
					     sinsp_field_cand_fn cb, void *ctx)
{
	struct sinsp *s = evt->s;
	struct sinsp_thread *t = evt->thread, *p;
	struct strbuf *b = &r->scratch->a;
	enum sinsp_match res = SINSP_MATCH_NONE;
	size_t depth, lim = max_depth(s);

	if (!t || !(t = main_or_null(s, t)))
		return SINSP_MATCH_NONE;
	for (p = sinsp_fields_parent(s, t), depth = 0; p && p->tid != -1 && depth < lim; depth++) {
		strbuf_reset(b);
		if (r->def->id == F_PROC_APID)
			strbuf_add_s64(b, p->pid);
		else if (r->def->id == F_PROC_AEXE)
			strbuf_adds(b, p->exe ? p->exe : "");
		else if (r->def->id == F_PROC_AEXEPATH)
			strbuf_adds(b, p->exepath ? p->exepath : "");
		else
			strbuf_adds(b, p->comm ? p->comm : "");
		if (cb(ctx, b->buf, b->len))
			return SINSP_MATCH_YES;
		res = SINSP_MATCH_NO;
		p = sinsp_fields_parent(s, p);
		if (p && p->ptid == p->tid)
			break;
	}
	return res;
}

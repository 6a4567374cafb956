/* SPDX-License-Identifier: Apache-2.0 */
/*
 * parse_creds.c - credentials, sessions and names of a process: setuid/setgid and
 * their re/res variants, capset, setsid, setpgid, prctl (PR_SET_NAME,
 * PR_SET_CHILD_SUBREAPER), unshare/setns; and the meta events that update the user,
 * group and container tables (useradded, userdeleted, groupadded, groupdeleted,
 * container).
 */
#include <stdlib.h>
#include <string.h>

#include "parse/parse.h"
#include "state/containers.h"
#include "state/users.h"

/* prctl options (kernel values, as the prctl event's "option" carries them) */
#define PRCTL_SET_NAME 15
#define PRCTL_SET_CHILD_SUBREAPER 36

static int64_t res_of(const struct sinsp_evt *evt)
{
	return sinsp_param_val_s64(sinsp_evt_param(evt, "res"), -1);
}

/* The named parameter of the exit event, else of its enter event. */
static const struct sinsp_param *exit_or_enter(const struct sinsp_evt *evt, struct sinsp_enter *e,
					       const char *name)
{
	const struct sinsp_param *p = sinsp_evt_param(evt, name);

	if (p)
		return p;
	if (!e->info && !sinsp_enter_load(evt, e))
		return NULL;
	return sinsp_enter_param(e, name);
}

/* An id parameter that is set (not -1, "unchanged"): true and *out. */
static bool id_param(const struct sinsp_param *p, uint32_t *out)
{
	int64_t v = sinsp_param_val_s64(p, -1);

	if (!p || (uint32_t)v == UINT32_MAX)
		return false;
	*out = (uint32_t)v;
	return true;
}

/*
 * setuid(uid), setreuid(ruid, euid), setresuid(ruid, euid, suid): the thread's uid is
 * its effective uid, as sysdig keeps it. The ids come from the enter event.
 */
/* The effective id a successful set*id call set: the @eff parameter, else @plain. */
static bool effective_id(struct sinsp_evt *evt, const char *eff, const char *plain, uint32_t *id)
{
	struct sinsp_enter e = { 0 };
	const struct sinsp_param *p;

	if (!evt->thread || res_of(evt) < 0)
		return false;
	p = exit_or_enter(evt, &e, eff);
	if (!p)
		p = exit_or_enter(evt, &e, plain);
	return id_param(p, id);
}

void sinsp_parse_setuid_exit(struct sinsp *s, struct sinsp_evt *evt)
{
	uint32_t id;

	(void)s;
	if (effective_id(evt, "euid", "uid", &id))
		evt->thread->uid = id;
}

void sinsp_parse_setgid_exit(struct sinsp *s, struct sinsp_evt *evt)
{
	uint32_t id;

	(void)s;
	if (effective_id(evt, "egid", "gid", &id))
		evt->thread->gid = id;
}

void sinsp_parse_capset_exit(struct sinsp *s, struct sinsp_evt *evt)
{
	struct sinsp_thread *t = evt->thread;

	(void)s;
	if (!t || res_of(evt) < 0)
		return;
	t->cap_inheritable = sinsp_param_val_u64(sinsp_evt_param(evt, "cap_inheritable"), t->cap_inheritable);
	t->cap_permitted = sinsp_param_val_u64(sinsp_evt_param(evt, "cap_permitted"), t->cap_permitted);
	t->cap_effective = sinsp_param_val_u64(sinsp_evt_param(evt, "cap_effective"), t->cap_effective);
}

/* Call fn on every thread of process pid (a scan of the table: these calls are rare). */
static void for_each_in_process(struct sinsp *s, int64_t pid,
				void (*fn)(struct sinsp_thread *t, int64_t a, int64_t b), int64_t a, int64_t b)
{
	size_t i;

	for (i = 0; i < s->threads.cap; i++) {
		struct sinsp_thread *t = s->threads.slots[i].val;

		if (t && t->pid == pid && t->src == s->cur_src)
			fn(t, a, b);
	}
}

static void set_session(struct sinsp_thread *t, int64_t sid, int64_t vsid)
{
	t->sid = vsid;
	t->vpgid = vsid;
	t->pgid = sid;
}

/*
 * setsid(): the result is the new session id (in the caller's pid namespace), which is
 * also its process group; sysdig keeps it as proc.sid.
 */
void sinsp_parse_setsid_exit(struct sinsp *s, struct sinsp_evt *evt)
{
	struct sinsp_thread *t = evt->thread;
	int64_t res = res_of(evt);

	if (!t || res < 0)
		return;
	for_each_in_process(s, t->pid, set_session, t->pid, res);
}

static void set_pgrp(struct sinsp_thread *t, int64_t pgid, int64_t vpgid)
{
	t->vpgid = vpgid;
	if (pgid >= 0)
		t->pgid = pgid;
}

/*
 * setpgid(pid, pgid): pid 0 is the caller, pgid 0 makes the target a group leader.
 * The ids are in the caller's pid namespace; the host pgid is known only when that is
 * the initial namespace (vtid equals tid) or the target leads its own group.
 */
void sinsp_parse_setpgid_exit(struct sinsp *s, struct sinsp_evt *evt)
{
	struct sinsp_enter e = { 0 };
	struct sinsp_thread *t = evt->thread, *target;
	int64_t pid, pgid, vpgid, host;
	bool in_ns;

	if (!t || res_of(evt) < 0)
		return;
	pid = sinsp_param_val_s64(exit_or_enter(evt, &e, "pid"), -1);
	pgid = sinsp_param_val_s64(exit_or_enter(evt, &e, "pgid"), -1);
	if (pid < 0 || pgid < 0)
		return;
	in_ns = t->vtid >= 0 && t->vtid != t->tid;
	if (pid == 0 || (t->vpid >= 0 && pid == t->vpid) || (!in_ns && pid == t->pid))
		target = sinsp_thread_main(s, t);
	else if (!in_ns)
		target = sinsp_thread_find(s, pid);
	else
		return; /* another process named by its id in a pid namespace: unknown tid */
	if (!target)
		return;
	vpgid = pgid ? pgid : (target->vpid >= 0 ? target->vpid : target->pid);
	if (!pgid)
		host = target->pid;
	else
		host = in_ns ? -1 : pgid;
	for_each_in_process(s, target->pid, set_pgrp, host, vpgid);
}

/* prctl(): PR_SET_NAME renames the calling thread; PR_SET_CHILD_SUBREAPER marks its process. */
void sinsp_parse_prctl_exit(struct sinsp *s, struct sinsp_evt *evt)
{
	struct sinsp_thread *t = evt->thread;
	const struct sinsp_param *p;
	int64_t option;

	if (!t || res_of(evt) < 0)
		return;
	option = sinsp_param_val_s64(sinsp_evt_param(evt, "option"), -1);
	if (option == PRCTL_SET_NAME) {
		p = sinsp_evt_param(evt, "arg2_str");
		if (p && p->len)
			sinsp_thread_set_comm(t, (const char *)p->val,
					      strnlen((const char *)p->val, p->len));
	} else if (option == PRCTL_SET_CHILD_SUBREAPER) {
		sinsp_thread_main(s, t)->reaper = sinsp_param_val_s64(sinsp_evt_param(evt, "arg2_int"), 0) != 0;
	}
}

/*
 * unshare(flags), setns(fd, nstype): the namespace flags (scap clone flags) are kept in
 * the thread's flags; CLONE_NEWPID affects the children created afterwards (their
 * clone events say so).
 */
void sinsp_parse_unshare_setns_exit(struct sinsp *s, struct sinsp_evt *evt)
{
	struct sinsp_enter e = { 0 };
	const struct sinsp_param *p;
	uint32_t ns_flags = 0x10000000u | 0x100000u | 0x80u | 0x40u | 0x20u | 0x10u | 0x8u;

	(void)s;
	if (!evt->thread || res_of(evt) < 0)
		return;
	p = exit_or_enter(evt, &e, "flags");
	if (!p)
		p = exit_or_enter(evt, &e, "nstype");
	evt->thread->flags |= (uint32_t)sinsp_param_val_u64(p, 0) & ns_flags;
}

/* ---- meta events: users, groups, containers ---------------------------------------- */

static char *param_dup(const struct sinsp_evt *evt, const char *name)
{
	const struct sinsp_param *p = sinsp_evt_param(evt, name);

	if (!p)
		return NULL;
	return strndup((const char *)p->val, strnlen((const char *)p->val, p->len));
}

void sinsp_parse_user_event(struct sinsp *s, struct sinsp_evt *evt)
{
	uint32_t uid = (uint32_t)sinsp_param_val_u64(sinsp_evt_param(evt, "uid"), UINT32_MAX);
	uint32_t gid = (uint32_t)sinsp_param_val_u64(sinsp_evt_param(evt, "gid"), UINT32_MAX);
	char *name = param_dup(evt, "name"), *home = param_dup(evt, "home");
	char *shell = param_dup(evt, "shell"), *cid = param_dup(evt, "container_id");

	if (evt->info && strcmp(evt->info->name, "userdeleted") == 0)
		sinsp_user_remove(s, cid, uid);
	else if (name)
		sinsp_user_add(s, cid, uid, gid, name, home, shell);
	free(name);
	free(home);
	free(shell);
	free(cid);
}

void sinsp_parse_group_event(struct sinsp *s, struct sinsp_evt *evt)
{
	uint32_t gid = (uint32_t)sinsp_param_val_u64(sinsp_evt_param(evt, "gid"), UINT32_MAX);
	char *name = param_dup(evt, "name"), *cid = param_dup(evt, "container_id");

	if (evt->info && strcmp(evt->info->name, "groupdeleted") == 0)
		sinsp_group_remove(s, cid, gid);
	else if (name)
		sinsp_group_add(s, cid, gid, name);
	free(name);
	free(cid);
}

void sinsp_parse_container_evt(struct sinsp *s, struct sinsp_evt *evt)
{
	const struct sinsp_container *c = sinsp_container_parse_event(s, evt);

	/* shown as an event of the container's own thread (sinsp_parse_reset() set none) */
	if (evt->props & SINSP_TYPE_CONTAINER_JSON)
		evt->thread = sinsp_container_thread(s, c);
}

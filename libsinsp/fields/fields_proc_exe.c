/* SPDX-License-Identifier: Apache-2.0 */
/*
 * fields_proc_exe.c - the process fields Falco's rules use beyond sysdig 0.29.3's
 * catalog: the executables of the parent and ancestors (proc.pexe, proc.aexe[N], ...),
 * the executable's inode facts (proc.exe_ino*, proc.is_exe_from_memfd,
 * proc.is_exe_upper_layer), the process group leader (proc.is_vpgid_leader,
 * proc.vpgid.*), the parent's age and the thread's capability sets as names.
 * All come from the thread table (execve exits and the /proc scan fill them).
 */
#include <string.h>

#include "fields/fields.h"

/* Linux capability names by bit number (include/uapi/linux/capability.h). */
static const char *const cap_names[] = {
	"CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID",
	"CAP_KILL", "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE",
	"CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW",
	"CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT",
	"CAP_SYS_PTRACE", "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE",
	"CAP_SYS_RESOURCE", "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE",
	"CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL", "CAP_SETFCAP", "CAP_MAC_OVERRIDE",
	"CAP_MAC_ADMIN", "CAP_SYSLOG", "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ",
	"CAP_PERFMON", "CAP_BPF", "CAP_CHECKPOINT_RESTORE",
};

static bool text(struct field_val *v, struct strbuf *out, const char *s)
{
	v->t = FV_TEXT;
	strbuf_adds(out, s ? s : "");
	return true;
}

/* The names of the bits of mask, space separated (CAP_N for a bit without a name). */
static bool caps(struct field_val *v, struct strbuf *out, uint64_t mask)
{
	bool first = true;
	unsigned b;

	v->t = FV_TEXT;
	for (b = 0; b < 64; b++) {
		if (!(mask & (1ull << b)))
			continue;
		if (!first)
			strbuf_addc(out, ' ');
		first = false;
		if (b < sizeof(cap_names) / sizeof(cap_names[0])) {
			strbuf_adds(out, cap_names[b]);
		} else {
			strbuf_adds(out, "CAP_");
			strbuf_add_u64(out, b);
		}
	}
	return true;
}

/* The leader of t's process group: t's process or the nearest ancestor whose vpid is t's vpgid. */
static struct sinsp_thread *group_leader(struct sinsp *s, struct sinsp_thread *t)
{
	size_t depth, lim = s->threads.count + 1;
	struct sinsp_thread *m = sinsp_fields_ancestor(s, t, 0);

	for (depth = 0; m && depth < lim; depth++) {
		if (m->vpid == t->vpgid)
			return m;
		m = sinsp_fields_parent(s, m);
	}
	return NULL;
}

bool sinsp_fields_proc_exe(struct sinsp_evt *evt, const struct field_ref *r, struct field_val *v,
			   struct strbuf *out)
{
	struct sinsp *s = evt->s;
	struct sinsp_thread *t = evt->thread, *p;

	switch (r->def->id) {
	case F_PROC_PEXE:
	case F_PROC_PEXEPATH:
		if (!(p = sinsp_fields_parent(s, t)))
			return false;
		return text(v, out, r->def->id == F_PROC_PEXE ? p->exe : p->exepath);
	case F_PROC_AEXE:
	case F_PROC_AEXEPATH:
		if (!(p = sinsp_fields_ancestor(s, t, r->argnum > 0 ? r->argnum : 0)))
			return false;
		return text(v, out, r->def->id == F_PROC_AEXE ? p->exe : p->exepath);
	case F_PROC_EXE_INO:
		return t->exe_ino && sinsp_fv_u64(v, t->exe_ino);
	case F_PROC_EXE_INO_CTIME:
		return t->exe_ino_ctime && sinsp_fv_u64(v, t->exe_ino_ctime);
	case F_PROC_EXE_INO_MTIME:
		return t->exe_ino_mtime && sinsp_fv_u64(v, t->exe_ino_mtime);
	case F_PROC_EXE_INO_CTIME_DURATION:
		if (!t->exe_ino_ctime || !t->clone_ts || t->clone_ts < t->exe_ino_ctime)
			return false;
		return sinsp_fv_u64(v, t->clone_ts - t->exe_ino_ctime);
	case F_PROC_IS_EXE_FROM_MEMFD: return sinsp_fv_bool(v, t->exe_from_memfd);
	case F_PROC_IS_EXE_UPPER_LAYER: return sinsp_fv_bool(v, t->exe_upper_layer);
	case F_PROC_IS_VPGID_LEADER: return sinsp_fv_bool(v, t->vpgid > 0 && t->vpid == t->vpgid);
	case F_PROC_VPGID_NAME:
	case F_PROC_VPGID_EXE:
	case F_PROC_VPGID_EXEPATH:
		if (t->vpgid <= 0 || !(p = group_leader(s, t)))
			return false;
		return text(v, out, r->def->id == F_PROC_VPGID_NAME ? p->comm :
			    r->def->id == F_PROC_VPGID_EXE ? p->exe : p->exepath);
	case F_PROC_PPID_DURATION:
		if (!(p = sinsp_fields_parent(s, t)) || !p->clone_ts || evt->ref.ts_ns < p->clone_ts)
			return false;
		return sinsp_fv_u64(v, evt->ref.ts_ns - p->clone_ts);
	case F_THREAD_CAP_PERMITTED: return caps(v, out, t->cap_permitted);
	case F_THREAD_CAP_EFFECTIVE: return caps(v, out, t->cap_effective);
	case F_THREAD_CAP_INHERITABLE: return caps(v, out, t->cap_inheritable);
	default:
		return false;
	}
}

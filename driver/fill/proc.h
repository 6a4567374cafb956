/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * fill/proc.h - fillers of process syscalls that need only the syscall's arguments
 * and user memory, shared by the kernel module (included by driver/fill_proc.c) and the
 * eBPF probe: the generic syscall event, execve/execveat enter, signals (kill, tkill,
 * tgkill), credentials (set*id), namespaces (unshare, setns), ptrace, prctl, bpf,
 * module loading, the clone flag encoding, and what execve and execveat exit events
 * append in exit-only mode (on scapdrv_put_exe_path(), the path of the program now
 * running). What reads the task (execve and clone exit, procexit, capset) is each
 * side's own. See fill/common.h.
 */
#ifndef SCAPDRV_FILL_PROC_H
#define SCAPDRV_FILL_PROC_H

#include "fill/common.h"

SCAPDRV_FILLER void scapdrv_fill_none(struct scapdrv_evt *e)
{
}

SCAPDRV_FILLER void scapdrv_fill_res_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
}

SCAPDRV_FILLER void scapdrv_fill_generic_e(struct scapdrv_evt *e)
{
	scapdrv_put_u16(e, scapdrv_sc_event_code(e->nr));
	scapdrv_put_u16(e, (u16)e->nr);
}

SCAPDRV_FILLER void scapdrv_fill_generic_x(struct scapdrv_evt *e)
{
	scapdrv_put_u16(e, scapdrv_sc_event_code(e->nr));
}

/* execve enter: filename. */
SCAPDRV_FILLER void scapdrv_fill_execve_e(struct scapdrv_evt *e)
{
	scapdrv_put_user_str(e, e->args[0], PATH_MAX);
}

SCAPDRV_FILLER u32 scapdrv_clone_flags(u64 f)
{
	static const struct { u64 lx; u32 scap; } map[] = {
		{ CLONE_FILES, 1 }, { CLONE_FS, 2 }, { CLONE_IO, 4 }, { CLONE_NEWIPC, 8 },
		{ CLONE_NEWNET, 0x10 }, { CLONE_NEWNS, 0x20 }, { CLONE_NEWPID, 0x40 },
		{ CLONE_NEWUTS, 0x80 }, { CLONE_PARENT, 0x100 },
		{ CLONE_PARENT_SETTID, 0x200 }, { CLONE_PTRACE, 0x400 },
		{ CLONE_SIGHAND, 0x800 }, { CLONE_SYSVSEM, 0x1000 }, { CLONE_THREAD, 0x2000 },
		{ CLONE_UNTRACED, 0x4000 }, { CLONE_VM, 0x8000 }, { CLONE_NEWUSER, 0x100000 },
		{ CLONE_CHILD_CLEARTID, 0x800000 }, { CLONE_CHILD_SETTID, 0x1000000 },
		{ CLONE_SETTLS, 0x2000000 }, { CLONE_VFORK, 0x8000000 },
		{ CLONE_NEWCGROUP, 0x10000000 },
	};
	u32 r = 0;
	int i;

	for (i = 0; i < ARRAY_SIZE(map); i++)
		if (f & map[i].lx)
			r |= map[i].scap;
	return r;
}

/* The Linux clone flags of the clone-family call of exit event @e: clone's argument,
 * the first field of clone3's struct clone_args (in the new thread: as its parent's fork
 * hook stashed them, scapdrv_clone3_take_flags(); else read from the caller's memory, 0
 * when unreadable), vfork's implied CLONE_VFORK | CLONE_VM, none for fork. */
SCAPDRV_HELPER u64 clone_call_flags(struct scapdrv_evt *e)
{
	u64 flags = 0;

	switch (e->type) {
	case SCAP_EVT_SYSCALL_CLONE_20_X:
		flags = e->args[0];
		break;
	case SCAP_EVT_SYSCALL_CLONE3_X:
		if (e->ret == 0 && scapdrv_clone3_take_flags(&flags))
			break;
		if (scapdrv_read_user(&flags, (const void __user *)e->args[0], sizeof(flags)))
			flags = 0;
		break;
	case SCAP_EVT_SYSCALL_VFORK_20_X:
		flags = CLONE_VFORK | CLONE_VM;
		break;
	}
	return flags;
}

/* execveat enter: dirfd, pathname, flags (scap_flags_execveat). */
SCAPDRV_FILLER void scapdrv_fill_execveat_e(struct scapdrv_evt *e)
{
	u32 f = 0;

	if (e->args[4] & AT_EMPTY_PATH)
		f |= 1;
	if (e->args[4] & AT_SYMLINK_NOFOLLOW)
		f |= 2;
	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_user_path(e, e->args[1]);
	scapdrv_put_u32(e, f);
}

/* kill/tkill enter: pid (tid), sig. */
SCAPDRV_FILLER void scapdrv_fill_kill_e(struct scapdrv_evt *e)
{
	scapdrv_put_u64(e, (s64)(int)e->args[0]);
	scapdrv_put_u8(e, e->args[1]);
}

/* tgkill enter: pid, tid, sig. */
SCAPDRV_FILLER void scapdrv_fill_tgkill_e(struct scapdrv_evt *e)
{
	scapdrv_put_u64(e, (s64)(int)e->args[0]);
	scapdrv_put_u64(e, (s64)(int)e->args[1]);
	scapdrv_put_u8(e, e->args[2]);
}

/* setuid/setgid enter: the id. */
SCAPDRV_FILLER void scapdrv_fill_id_e(struct scapdrv_evt *e)
{
	scapdrv_put_u32(e, e->args[0]);
}

/* setresuid/setresgid enter: real, effective, saved. */
SCAPDRV_FILLER void scapdrv_fill_id3_e(struct scapdrv_evt *e)
{
	scapdrv_put_u32(e, e->args[0]);
	scapdrv_put_u32(e, e->args[1]);
	scapdrv_put_u32(e, e->args[2]);
}

/* scap code of a Linux ptrace request (scap_flags_ptrace_requests; 0 unknown). */
SCAPDRV_HELPER u16 ptrace_req(unsigned long r)
{
	static const struct { u16 lx, scap; } map[] = {
		{ PTRACE_TRACEME, 1 }, { PTRACE_PEEKTEXT, 2 }, { PTRACE_PEEKDATA, 3 },
		{ PTRACE_PEEKUSR, 4 }, { PTRACE_POKETEXT, 5 }, { PTRACE_POKEDATA, 6 },
		{ PTRACE_POKEUSR, 7 }, { PTRACE_CONT, 8 }, { PTRACE_KILL, 9 },
		{ PTRACE_SINGLESTEP, 0xa }, { PTRACE_ATTACH, 0xb }, { PTRACE_DETACH, 0xc },
		{ PTRACE_SYSCALL, 0xd }, { PTRACE_SETOPTIONS, 0xe },
		{ PTRACE_GETEVENTMSG, 0xf }, { PTRACE_GETSIGINFO, 0x10 },
		{ PTRACE_SETSIGINFO, 0x11 }, { PTRACE_GETREGSET, 0x12 },
		{ PTRACE_SETREGSET, 0x13 }, { PTRACE_SEIZE, 0x14 }, { PTRACE_INTERRUPT, 0x15 },
		{ PTRACE_LISTEN, 0x16 }, { PTRACE_PEEKSIGINFO, 0x17 },
		{ PTRACE_GETSIGMASK, 0x18 }, { PTRACE_SETSIGMASK, 0x19 },
		{ PTRACE_GETREGS, 0x1a }, { PTRACE_SETREGS, 0x1b },
		{ PTRACE_GETFPREGS, 0x1c }, { PTRACE_SETFPREGS, 0x1d },
		{ PTRACE_GETFPXREGS, 0x1e }, { PTRACE_SETFPXREGS, 0x1f },
		{ PTRACE_OLDSETOPTIONS, 0x20 }, { PTRACE_GET_THREAD_AREA, 0x21 },
		{ PTRACE_SET_THREAD_AREA, 0x22 }, { PTRACE_ARCH_PRCTL, 0x23 },
		{ PTRACE_SYSEMU, 0x24 }, { PTRACE_SYSEMU_SINGLESTEP, 0x25 },
		{ PTRACE_SINGLEBLOCK, 0x26 },
	};
	int i;

	for (i = 0; i < ARRAY_SIZE(map); i++)
		if (map[i].lx == r)
			return map[i].scap;
	return 0;
}

/* ptrace enter: request, pid. */
SCAPDRV_FILLER void scapdrv_fill_ptrace_e(struct scapdrv_evt *e)
{
	scapdrv_put_u16(e, ptrace_req(e->args[0]));
	scapdrv_put_u64(e, (s64)(int)e->args[1]);
}

/* A DYN parameter: its type tag, then the value (u64, or u8 for a signal). */
SCAPDRV_HELPER void put_dyn(struct scapdrv_evt *e, u8 tag, u64 v)
{
	u8 b[9];

	b[0] = tag;
	if (tag == SCAP_PTRACE_IDX_SIGTYPE) {
		b[1] = v;
		scapdrv_put_bytes(e, b, 2);
		return;
	}
	put_unaligned_le64(v, b + 1);
	scapdrv_put_bytes(e, b, 9);
}

/* ptrace exit: res, addr, data (a signal for the resuming requests, else the value). */
SCAPDRV_FILLER void scapdrv_fill_ptrace_x(struct scapdrv_evt *e)
{
	bool sig;

	switch (e->args[0]) {
	case PTRACE_CONT: case PTRACE_SYSCALL: case PTRACE_SINGLESTEP: case PTRACE_DETACH:
	case PTRACE_SYSEMU: case PTRACE_SYSEMU_SINGLESTEP: case PTRACE_SINGLEBLOCK:
		sig = true;
		break;
	default:
		sig = false;
		break;
	}
	scapdrv_put_res(e);
	put_dyn(e, SCAP_PTRACE_IDX_UINT64, e->args[2]);
	put_dyn(e, sig ? SCAP_PTRACE_IDX_SIGTYPE : SCAP_PTRACE_IDX_UINT64, e->args[3]);
}

/* unshare enter: flags. */
SCAPDRV_FILLER void scapdrv_fill_unshare_e(struct scapdrv_evt *e)
{
	scapdrv_put_u32(e, scapdrv_clone_flags(e->args[0]));
}

/* setns enter: fd, nstype. */
SCAPDRV_FILLER void scapdrv_fill_setns_e(struct scapdrv_evt *e)
{
	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_u32(e, scapdrv_clone_flags(e->args[1]));
}

/* prctl exit: res, option, arg2_str (the name of PR_SET_NAME/PR_GET_NAME), arg2_int
 * (the value PR_GET_CHILD_SUBREAPER stored, else argument 2). */
SCAPDRV_FILLER void scapdrv_fill_prctl_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
	scapdrv_put_u32(e, e->args[0]);
	switch (e->args[0]) {
	case PR_SET_NAME:
	case PR_GET_NAME:
		scapdrv_put_user_str(e, e->args[1], TASK_COMM_LEN);
		scapdrv_put_u64(e, 0);
		break;
	case PR_GET_CHILD_SUBREAPER:
		scapdrv_put_empty(e);
		scapdrv_put_u64(e, (s64)(int)scapdrv_user_u32(e, e->args[1]));
		break;
	default:
		scapdrv_put_empty(e);
		scapdrv_put_u64(e, e->args[1]);
		break;
	}
}

/* bpf enter: cmd. */
SCAPDRV_FILLER void scapdrv_fill_bpf_e(struct scapdrv_evt *e)
{
	scapdrv_put_u64(e, e->args[0]);
}

/* bpf exit: fd (the result), cmd. */
SCAPDRV_FILLER void scapdrv_fill_bpf_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
	scapdrv_put_u32(e, e->args[0]);
}

/* init_module exit: res, img (its first bytes, up to the snaplen), length, uargs. */
SCAPDRV_FILLER void scapdrv_fill_init_module_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
	scapdrv_put_user_buf(e, e->args[0], e->args[1]);
	scapdrv_put_u64(e, e->args[1]);
	scapdrv_put_user_str(e, e->args[2], PAGE_SIZE);
}

/* finit_module exit: res, fd, uargs, flags (MODULE_INIT_* are the format's values). */
SCAPDRV_FILLER void scapdrv_fill_finit_module_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_user_str(e, e->args[1], PAGE_SIZE);
	scapdrv_put_u32(e, e->args[2] & 7);
}

/* execve's appended enter parameter in exit-only mode: filename. */
SCAPDRV_FILLER void scapdrv_fill_execve_extra(struct scapdrv_evt *e)
{
	if (e->ret == 0)
		scapdrv_put_exe_path(e);
	else
		scapdrv_fill_execve_e(e);
}

/* execveat's appended enter parameters in exit-only mode: dirfd, pathname, flags. */
SCAPDRV_FILLER void scapdrv_fill_execveat_extra(struct scapdrv_evt *e)
{
	if (e->ret != 0) {
		scapdrv_fill_execveat_e(e);
		return;
	}
	scapdrv_put_fd(e, e->args[0]);     /* a cleared register after the exec: 0 */
	scapdrv_put_exe_path(e);
	scapdrv_put_u32(e, 0);
}

/* scap code of an RLIMIT_* resource (scap_flags_rlimit_resources: the Linux numbers up
 * to RLIMIT_RTTIME, 15), 0xff unknown. */
SCAPDRV_HELPER u8 rlimit_resource(unsigned long r)
{
	return r <= 15 ? r : 0xff;
}

/* getrlimit/setrlimit enter: resource. */
SCAPDRV_FILLER void scapdrv_fill_rlimit_e(struct scapdrv_evt *e)
{
	scapdrv_put_u8(e, rlimit_resource(e->args[0]));
}

/* prlimit64 enter: pid, resource. */
SCAPDRV_FILLER void scapdrv_fill_prlimit_e(struct scapdrv_evt *e)
{
	scapdrv_put_u64(e, (s64)(int)e->args[0]);
	scapdrv_put_u8(e, rlimit_resource(e->args[1]));
}

/* cur and max of the user struct rlimit at @uaddr (RLIM_INFINITY reads as -1); -1 and
 * -1 when @uaddr is NULL or @ok is false, or unreadable (counted). */
SCAPDRV_HELPER void put_user_rlimit(struct scapdrv_evt *e, unsigned long uaddr, bool ok)
{
	u64 r[2] = { ~0ULL, ~0ULL };

	if (ok && uaddr && scapdrv_read_user(r, (const void __user *)uaddr, sizeof(r))) {
		scapdrv_count_fault(e);
		r[0] = r[1] = ~0ULL;
	}
	scapdrv_put_u64(e, r[0]);
	scapdrv_put_u64(e, r[1]);
}

/* getrlimit/setrlimit exit: res, cur, max (getrlimit: the limit read, when it
 * succeeded; setrlimit: the limit given). */
SCAPDRV_FILLER void scapdrv_fill_rlimit_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
	put_user_rlimit(e, e->args[1], e->type == SCAP_EVT_SYSCALL_SETRLIMIT_X || e->ret >= 0);
}

/* prlimit64 exit: res, newcur, newmax (the limit given), oldcur, oldmax (the previous
 * limit, when the call succeeded). */
SCAPDRV_FILLER void scapdrv_fill_prlimit_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
	put_user_rlimit(e, e->args[2], true);
	put_user_rlimit(e, e->args[3], e->ret >= 0);
}

/* getuid/geteuid/getgid/getegid exit: the id returned (u32). */
SCAPDRV_FILLER void scapdrv_fill_getid_x(struct scapdrv_evt *e)
{
	scapdrv_put_u32(e, e->ret);
}

/* getresuid/getresgid exit: res, then the three ids the call wrote (0 on failure). */
SCAPDRV_FILLER void scapdrv_fill_getresid_x(struct scapdrv_evt *e)
{
	bool ok = e->ret == 0;

	scapdrv_put_res(e);
	scapdrv_put_u32(e, ok ? scapdrv_user_u32(e, e->args[0]) : 0);
	scapdrv_put_u32(e, ok ? scapdrv_user_u32(e, e->args[1]) : 0);
	scapdrv_put_u32(e, ok ? scapdrv_user_u32(e, e->args[2]) : 0);
}

/* setpgid enter: pid, pgid. */
SCAPDRV_FILLER void scapdrv_fill_setpgid_e(struct scapdrv_evt *e)
{
	scapdrv_put_u64(e, (s64)(int)e->args[0]);
	scapdrv_put_u64(e, (s64)(int)e->args[1]);
}

/* seccomp enter: op. */
SCAPDRV_FILLER void scapdrv_fill_seccomp_e(struct scapdrv_evt *e)
{
	scapdrv_put_u64(e, e->args[0]);
}

/* semget enter: key, nsems, semflg (IPC_CREAT 01000 -> 0x2000, IPC_EXCL 02000 ->
 * 0x4000: scap_flags_semget; the permission bits are not kept). */
SCAPDRV_FILLER void scapdrv_fill_semget_e(struct scapdrv_evt *e)
{
	u32 f = 0;

	if (e->args[2] & 01000)
		f |= 0x2000;
	if (e->args[2] & 02000)
		f |= 0x4000;
	scapdrv_put_u32(e, e->args[0]);
	scapdrv_put_u32(e, e->args[1]);
	scapdrv_put_u32(e, f);
}

/* scap code of a semctl command (scap_flags_semctl_cmds; IPC_64 ignored), 0 unknown. */
SCAPDRV_HELPER u16 semctl_cmd(unsigned long cmd)
{
	switch (cmd & ~0x100UL) {
	case 0: return 4;                 /* IPC_RMID */
	case 1: return 2;                 /* IPC_SET */
	case 2: return 1;                 /* IPC_STAT */
	case 3: return 8;                 /* IPC_INFO */
	case 11: return 0x100;            /* GETPID */
	case 12: return 0x200;            /* GETVAL */
	case 13: return 0x40;             /* GETALL */
	case 14: return 0x80;             /* GETNCNT */
	case 15: return 0x400;            /* GETZCNT */
	case 16: return 0x1000;           /* SETVAL */
	case 17: return 0x800;            /* SETALL */
	case 18: return 0x20;             /* SEM_STAT */
	case 19: return 0x10;             /* SEM_INFO */
	default: return 0;
	}
}

/* semctl enter: semid, semnum, cmd, val (the value SETVAL sets, else 0). */
SCAPDRV_FILLER void scapdrv_fill_semctl_e(struct scapdrv_evt *e)
{
	u16 cmd = semctl_cmd(e->args[2]);

	scapdrv_put_u32(e, e->args[0]);
	scapdrv_put_u32(e, e->args[1]);
	scapdrv_put_u16(e, cmd);
	scapdrv_put_u32(e, cmd == 0x1000 ? e->args[3] : 0);
}

/* semop enter: semid. */
SCAPDRV_FILLER void scapdrv_fill_semop_e(struct scapdrv_evt *e)
{
	scapdrv_put_u32(e, e->args[0]);
}

/* semop exit: res, nsops, then sem_num, sem_op, sem_flg (IPC_NOWAIT 04000 -> 1,
 * SEM_UNDO 0x1000 -> 2) of the first two struct sembuf (zeros past nsops or when
 * unreadable). */
SCAPDRV_FILLER void scapdrv_fill_semop_x(struct scapdrv_evt *e)
{
	u16 b[6] = { 0, 0, 0, 0, 0, 0 };
	unsigned long n = e->args[2];
	u32 i;

	if (e->args[1] && n && scapdrv_read_user(b, (const void __user *)e->args[1],
						 (n > 1 ? 2 : 1) * 3 * sizeof(u16))) {
		scapdrv_count_fault(e);
		__builtin_memset(b, 0, sizeof(b));
	}
	scapdrv_put_res(e);
	scapdrv_put_u32(e, n);
	for (i = 0; i < 2; i++) {
		u16 fl = b[3 * i + 2];

		scapdrv_put_u16(e, b[3 * i]);
		scapdrv_put_u16(e, b[3 * i + 1]);
		scapdrv_put_u16(e, ((fl & 04000) ? 1 : 0) | ((fl & 0x1000) ? 2 : 0));
	}
}

/* pidfd_open exit: fd, pid, flags (PIDFD_NONBLOCK, O_NONBLOCK -> 1). */
SCAPDRV_FILLER void scapdrv_fill_pidfd_open_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
	scapdrv_put_u64(e, (s64)(int)e->args[0]);
	scapdrv_put_u32(e, (e->args[1] & 04000) ? 1 : 0);
}

/* pidfd_getfd exit: fd, pid_fd, target_fd, flags (none are defined: raw). */
SCAPDRV_FILLER void scapdrv_fill_pidfd_getfd_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_fd(e, e->args[1]);
	scapdrv_put_u32(e, e->args[2]);
}

/* delete_module exit: res, name, flags (O_TRUNC -> 1, O_NONBLOCK -> 2). */
SCAPDRV_FILLER void scapdrv_fill_delete_module_x(struct scapdrv_evt *e)
{
	u32 f = 0;

	if (e->args[1] & 01000)
		f |= 1;
	if (e->args[1] & 04000)
		f |= 2;
	scapdrv_put_res(e);
	scapdrv_put_user_str(e, e->args[0], 64);
	scapdrv_put_u32(e, f);
}

/* process_vm_readv/writev exit: res, pid, data (the bytes of the local iovecs: those
 * read from the other process, or written to it; res of them, cut to the snaplen; empty
 * when the call moved nothing). */
SCAPDRV_FILLER void scapdrv_fill_process_vm_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
	scapdrv_put_u64(e, (s64)(int)e->args[0]);
	scapdrv_put_user_iov(e, e->args[1], e->args[2], e->ret > 0 ? (u64)e->ret : 0);
}

#endif /* SCAPDRV_FILL_PROC_H */

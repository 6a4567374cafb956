/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * counters.h - the eBPF probe's per-process counters of the syscalls it does not send
 * as events (struct scapbpf_proc_cnt, bpf/scapbpf.h): with counting on, the exit of a
 * syscall outside the syscall set adds to its process's entry of the "scapbpf_cnt" hash
 * map, by its class (scapbpf_sc.cnt): a call; a failure (a negative result); the bytes
 * of a positive result, by what the fd of the first argument is: a regular file,
 * directory, character or block device (file bytes), an AF_INET or AF_INET6 socket
 * (network bytes), anything else (pipes, unix sockets, ...) counted as a call only.
 *
 * Entries are made on a process's first counted syscall and deleted by userspace (an
 * exited process's after its last read); a full map (SCAPBPF_CNT_PROCS processes)
 * leaves the syscall uncounted and adds one to scapbpf_cnt_lost. Adds are atomic: the
 * threads of a process run on several CPUs at once.
 */
#ifndef SCAPBPF_COUNTERS_H
#define SCAPBPF_COUNTERS_H

#define S_IFREG 0100000
#define S_IFDIR 0040000
#define S_IFCHR 0020000
#define S_IFBLK 0060000

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, SCAPBPF_CNT_PROCS);
	__type(key, __u32);
	__type(value, struct scapbpf_proc_cnt);
} scapbpf_cnt SEC(".maps");

/* Syscalls not counted: the map was full (read by userspace). */
__u64 scapbpf_cnt_lost;

/* .rodata, filled by userspace before load: exit event type -> SCAPBPF_CNT_* bits. */
const volatile __u8 scapbpf_cnt_cls[SCAP_EVT_MAX];

enum scapbpf_fd_kind { FDK_OTHER = 0, FDK_FILE, FDK_NET };

/*
 * What the file behind descriptor @fd of task @t (the current one) is, for the byte
 * counts. The table is reached by plain loads through the task's BTF pointer (no copy
 * helper; unlike kern.h's scapbpf_fd_file(), this is one site, on the exit path only, so
 * the verifier's extra work for trusted pointers stays small); the entry of the array
 * and the file's fields are read with copy helpers (a variable index, and pointers that
 * are plain numbers to the verifier).
 */
static __always_inline enum scapbpf_fd_kind scapbpf_fd_kind(struct task_struct *t, long fd)
{
	struct fdtable *fdt = t->files->fdt;
	unsigned long fds = (unsigned long)fdt->fd;
	struct file *f = NULL;
	struct socket *sock;
	struct sock *sk;
	__u32 mode;
	__u16 family;

	if (fd < 0 || fd >= fdt->max_fds || !fds)
		return FDK_OTHER;
	bpf_probe_read_kernel(&f, sizeof(f), (void *)(fds + fd * sizeof(f)));
	if (!f)
		return FDK_OTHER;
	mode = BPF_CORE_READ(f, f_inode, i_mode) & S_IFMT;
	if (mode == S_IFREG || mode == S_IFDIR || mode == S_IFCHR || mode == S_IFBLK)
		return FDK_FILE;
	if (mode != S_IFSOCK)
		return FDK_OTHER;
	sock = BPF_CORE_READ(f, private_data);
	sk = sock ? BPF_CORE_READ(sock, sk) : NULL;
	if (!sk)
		return FDK_OTHER;
	family = BPF_CORE_READ(sk, __sk_common.skc_family);
	return family == AF_INET || family == AF_INET6 ? FDK_NET : FDK_OTHER;
}

/*
 * Count the exit of syscall @sc of task @t (not sent as an event), its return value
 * @ret, its saved registers @regs (the fd: the first argument).
 */
static __always_inline void scapbpf_count(const struct scapbpf_sc *sc, struct task_struct *t,
					  long ret, struct pt_regs *regs)
{
	struct scapbpf_proc_cnt *c, zero = {};
	__u8 cls = sc->cnt;
	__u32 tgid;
	__u64 *to;

	if (!(cls & SCAPBPF_CNT_CALL))
		return;
	tgid = t->tgid;
	c = bpf_map_lookup_elem(&scapbpf_cnt, &tgid);
	if (!c) {
		bpf_map_update_elem(&scapbpf_cnt, &tgid, &zero, BPF_NOEXIST);
		c = bpf_map_lookup_elem(&scapbpf_cnt, &tgid);
		if (!c) {
			__sync_fetch_and_add(&scapbpf_cnt_lost, 1);
			return;
		}
	}
	__sync_fetch_and_add(&c->calls, 1);
	if (ret < 0) {
		if (cls & SCAPBPF_CNT_RES)
			__sync_fetch_and_add(&c->failures, 1);
		return;
	}
	if (!ret || !(cls & (SCAPBPF_CNT_READ | SCAPBPF_CNT_WRITE)))
		return;
	switch (scapbpf_fd_kind(t, (int)regs->di)) {
	case FDK_FILE:
		to = cls & SCAPBPF_CNT_READ ? &c->file_read : &c->file_write;
		break;
	case FDK_NET:
		to = cls & SCAPBPF_CNT_READ ? &c->net_in : &c->net_out;
		break;
	default:
		return;
	}
	__sync_fetch_and_add(to, (__u64)ret);
}

#endif /* SCAPBPF_COUNTERS_H */

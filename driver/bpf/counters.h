/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * counters.h - the eBPF probe's per-process counters of the syscalls it does not send
 * as events (struct scapbpf_proc_cnt, bpf/scapbpf.h): with counting on, the exit of a
 * syscall outside the syscall set adds to its process's counters, by its class
 * (scapbpf_sc.cnt): a call; a failure (a negative result); the bytes
 * of a positive result, by what the fd of the first argument is: a regular file,
 * directory, character or block device (file bytes), an AF_INET or AF_INET6 socket
 * (network bytes), anything else (pipes, unix sockets, ...) counted as a call only.
 *
 * A syscall counts in its process's slot of this CPU's table (struct scapbpf_cnt_slots,
 * bpf/scapbpf.h: an inlined array lookup and plain adds, no helper call and no atomic
 * operation: only programs on this CPU write it, one at a time), or when another
 * process has that slot, in the process's entry of the hash map "scapbpf_cnt" (a
 * lookup call and atomic adds: the threads of a process run on several CPUs at once).
 * Slots and entries are made on a process's first syscall counted there and deleted by
 * userspace (an exited process's after its last read), which sums them; a full map
 * (SCAPBPF_CNT_PROCS processes) leaves the syscall uncounted and adds one to
 * scapbpf_cnt_lost.
 *
 * The syscalls of the set that scapbpf_cfg.tcp_skip names (sendto, recvfrom, ... when
 * what reads the capture needs them only on other sockets) are, on a TCP socket,
 * treated as outside the set: skipped on enter, counted (or skipped) on exit; the fd's
 * kind, read once on each side, serves both the decision and the byte count.
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

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(map_flags, BPF_F_MMAPABLE);
	__uint(max_entries, 1);            /* userspace: possible CPUs */
	__type(key, __u32);
	__type(value, struct scapbpf_cnt_slots);
} scapbpf_cnt_slot SEC(".maps");

/* Syscalls not counted: the map was full (read by userspace). */
__u64 scapbpf_cnt_lost;

/* .rodata, filled by userspace before load: exit event type -> SCAPBPF_CNT_* bits. */
const volatile __u8 scapbpf_cnt_cls[SCAP_EVT_MAX];

/* FDK_TCP: an AF_INET/AF_INET6 socket of protocol IPPROTO_TCP (network bytes too). */
enum scapbpf_fd_kind { FDK_OTHER = 0, FDK_FILE, FDK_NET, FDK_TCP };

/*
 * The kinds of the sockets met last, per CPU: one entry of the array "scapbpf_fdk" per
 * possible CPU (sized by userspace; a program runs on one CPU to its end, so each
 * entry has one writer at a time), direct-mapped by the struct file's address. An
 * entry is taken only for the same struct file, the same inode and the same inode
 * number (i_ino): a socket's inode number is new for every socket (sockfs numbers each
 * one, get_next_ino()), so a struct file and a socket freed and made again at the same
 * addresses (close, then socket(): the slabs hand the same objects back) never match a
 * stale entry. A socket's kind does not change in its life. tmp: room to read an
 * inode's head (i_mode .. i_ino) in one copy.
 */
#define SCAPBPF_FDK_N 256
struct scapbpf_fdk_ent {
	__u64 file;
	__u64 inode;
	__u64 ino;
	__u64 kind;
};
struct scapbpf_fdk_cache {
	__u64 tmp[16];
	struct scapbpf_fdk_ent ent[SCAPBPF_FDK_N];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);            /* userspace: possible CPUs */
	__type(key, __u32);
	__type(value, struct scapbpf_fdk_cache);
} scapbpf_fdk SEC(".maps");

/* The kind of socket file @f (NULL private_data, as an O_PATH file's: FDK_OTHER). */
static __always_inline enum scapbpf_fd_kind scapbpf_sock_kind(struct file *f)
{
	struct socket *sock = BPF_CORE_READ(f, private_data);
	struct sock *sk = sock ? BPF_CORE_READ(sock, sk) : NULL;
	__u16 family;

	if (!sk)
		return FDK_OTHER;
	family = BPF_CORE_READ(sk, __sk_common.skc_family);
	if (family != AF_INET && family != AF_INET6)
		return FDK_OTHER;
	return BPF_CORE_READ(sk, sk_protocol) == IPPROTO_TCP ? FDK_TCP : FDK_NET;
}

static __always_inline enum scapbpf_fd_kind scapbpf_mode_kind(__u32 mode)
{
	mode &= S_IFMT;
	if (mode == S_IFREG || mode == S_IFDIR || mode == S_IFCHR || mode == S_IFBLK)
		return FDK_FILE;
	return FDK_OTHER;
}

/*
 * What the file behind descriptor @fd of task @t (the current one) is. The table is
 * reached by plain loads through the task's BTF pointer (no copy helper; unlike kern.h's
 * scapbpf_fd_file(), this is one site, on the exit path only, so the verifier's extra
 * work for trusted pointers stays small); the entry of the array and the file's fields
 * are read with copy helpers (a variable index, and pointers that are plain numbers to
 * the verifier). Each copy costs a helper call (about 65 ns on the 2-core VM of
 * bench/README.md, whose kernel returns through a safe-RET thunk): a file takes three
 * (the fd's entry, f_inode, the inode's head), a socket as many when this CPU's cache
 * (scapbpf_fdk) has it, seven the first time.
 */
static __always_inline enum scapbpf_fd_kind scapbpf_fd_kind(struct task_struct *t, long fd)
{
	struct fdtable *fdt = t->files->fdt;
	unsigned long fds = (unsigned long)fdt->fd;
	__u32 head = bpf_core_field_offset(struct inode, i_ino) + 8;
	__u32 cpu = bpf_get_smp_processor_id();
	struct scapbpf_fdk_cache *c;
	struct scapbpf_fdk_ent *ent;
	struct inode *inode;
	struct file *f = NULL;
	enum scapbpf_fd_kind kind;
	__u64 ino;
	__u32 mode;

	if (fd < 0 || fd >= fdt->max_fds || !fds)
		return FDK_OTHER;
	bpf_probe_read_kernel(&f, sizeof(f), (void *)(fds + fd * sizeof(f)));
	if (!f)
		return FDK_OTHER;
	inode = BPF_CORE_READ(f, f_inode);
	if (!inode)
		return FDK_OTHER;
	c = bpf_map_lookup_elem(&scapbpf_fdk, &cpu);
	/* no cache (or an inode whose head does not fit tmp): no cache */
	if (!c || head > sizeof(c->tmp) || bpf_core_field_offset(struct inode, i_mode) != 0) {
		mode = BPF_CORE_READ(inode, i_mode);
		if ((mode & S_IFMT) != S_IFSOCK)
			return scapbpf_mode_kind(mode);
		return scapbpf_sock_kind(f);
	}
	if (bpf_probe_read_kernel(c->tmp, scapbpf_clamp(head, sizeof(c->tmp)), inode))
		return FDK_OTHER;
	mode = *(__u16 *)c->tmp;
	if ((mode & S_IFMT) != S_IFSOCK)
		return scapbpf_mode_kind(mode);
	ino = c->tmp[((head - 8) / 8) & 15];
	ent = &c->ent[(((unsigned long)f >> 8) ^ ((unsigned long)f >> 16)) & (SCAPBPF_FDK_N - 1)];
	if (ent->file == (unsigned long)f && ent->inode == (unsigned long)inode && ent->ino == ino)
		return ent->kind;
	kind = scapbpf_sock_kind(f);
	ent->file = (unsigned long)f;
	ent->inode = (unsigned long)inode;
	ent->ino = ino;
	ent->kind = kind;
	return kind;
}

/* Process @tgid's slot of this CPU's table, taken if free; NULL when another process
 * has it (or for tgid 0, the mark of a free slot). */
static __always_inline struct scapbpf_proc_cnt *scapbpf_cnt_slot_of(__u32 tgid)
{
	__u32 cpu = bpf_get_smp_processor_id();
	struct scapbpf_cnt_slots *cs = bpf_map_lookup_elem(&scapbpf_cnt_slot, &cpu);
	struct scapbpf_cnt_slot *s;

	if (!cs || !tgid)
		return NULL;
	s = &cs->slot[tgid & (SCAPBPF_CNT_SLOTS - 1)];
	if (s->tgid != tgid) {
		if (s->tgid)
			return NULL;
		s->tgid = tgid;        /* userspace zeroed the counters before freeing it */
	}
	return &s->c;
}

/* Process @tgid's entry of the hash map, made if missing; NULL when the map is full
 * (counted as lost). */
static __always_inline struct scapbpf_proc_cnt *scapbpf_cnt_entry_of(__u32 tgid)
{
	struct scapbpf_proc_cnt *c, zero = {};

	c = bpf_map_lookup_elem(&scapbpf_cnt, &tgid);
	if (c)
		return c;
	bpf_map_update_elem(&scapbpf_cnt, &tgid, &zero, BPF_NOEXIST);
	c = bpf_map_lookup_elem(&scapbpf_cnt, &tgid);
	if (!c)
		__sync_fetch_and_add(&scapbpf_cnt_lost, 1);
	return c;
}

/* The counter of the bytes of a positive result of a syscall of class @cls on an fd of
 * kind @kind in @c, or NULL when they do not count. */
static __always_inline __u64 *scapbpf_cnt_bytes(struct scapbpf_proc_cnt *c, __u8 cls,
						 int kind)
{
	switch (kind) {
	case FDK_FILE:
		return cls & SCAPBPF_CNT_READ ? &c->file_read : &c->file_write;
	case FDK_NET:
	case FDK_TCP:
		return cls & SCAPBPF_CNT_READ ? &c->net_in : &c->net_out;
	default:
		return NULL;
	}
}

/*
 * Count the exit of syscall @sc of task @t (not sent as an event), its return value
 * @ret, its saved registers @regs (the fd: the first argument), @kind the fd's kind
 * when known (an enum scapbpf_fd_kind), -1 to read it when the count needs it.
 */
static __always_inline void scapbpf_count(const struct scapbpf_sc *sc, struct task_struct *t,
					  long ret, struct pt_regs *regs, int kind)
{
	struct scapbpf_proc_cnt *c;
	__u8 cls = sc->cnt;
	bool fail, bytes;
	__u32 tgid;
	__u64 *to;

	if (!(cls & SCAPBPF_CNT_CALL))
		return;
	fail = ret < 0 && (cls & SCAPBPF_CNT_RES);
	bytes = ret > 0 && (cls & (SCAPBPF_CNT_READ | SCAPBPF_CNT_WRITE));
	if (bytes && kind < 0)
		kind = scapbpf_fd_kind(t, (int)regs->di);
	tgid = t->tgid;
	c = scapbpf_cnt_slot_of(tgid);
	if (c) {
		c->calls++;
		if (fail)
			c->failures++;
		to = bytes ? scapbpf_cnt_bytes(c, cls, kind) : NULL;
		if (to)
			*to += (__u64)ret;
		return;
	}
	c = scapbpf_cnt_entry_of(tgid);
	if (!c)
		return;
	__sync_fetch_and_add(&c->calls, 1);
	if (fail)
		__sync_fetch_and_add(&c->failures, 1);
	to = bytes ? scapbpf_cnt_bytes(c, cls, kind) : NULL;
	if (to)
		__sync_fetch_and_add(to, (__u64)ret);
}

#endif /* SCAPBPF_COUNTERS_H */

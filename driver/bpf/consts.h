/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * consts.h - what the eBPF probe has instead of the kernel headers the module includes:
 * the Linux constants the shared fillers (driver/fill/) use, with their x86_64 values
 * (vmlinux.h carries types, not macros), and the few kernel helpers they call.
 * Included after vmlinux.h and the libbpf headers.
 */
#ifndef SCAPBPF_CONSTS_H
#define SCAPBPF_CONSTS_H

#define AF_INET 0x2
#define AF_INET6 0xa
#define AF_UNIX 0x1
#define AT_EMPTY_PATH 0x1000
#define AT_REMOVEDIR 0x200
#define AT_SYMLINK_FOLLOW 0x400
#define AT_SYMLINK_NOFOLLOW 0x100
#define CLONE_CHILD_CLEARTID 0x200000
#define CLONE_CHILD_SETTID 0x1000000
#define CLONE_FILES 0x400
#define CLONE_FS 0x200
#define CLONE_IO 0x80000000
#define CLONE_NEWCGROUP 0x2000000
#define CLONE_NEWIPC 0x8000000
#define CLONE_NEWNET 0x40000000
#define CLONE_NEWNS 0x20000
#define CLONE_NEWPID 0x20000000
#define CLONE_NEWUSER 0x10000000
#define CLONE_NEWUTS 0x4000000
#define CLONE_PARENT 0x8000
#define CLONE_PARENT_SETTID 0x100000
#define CLONE_PTRACE 0x2000
#define CLONE_SETTLS 0x80000
#define CLONE_SIGHAND 0x800
#define CLONE_SYSVSEM 0x40000
#define CLONE_THREAD 0x10000
#define CLONE_UNTRACED 0x800000
#define CLONE_VFORK 0x4000
#define CLONE_VM 0x100
#define EINPROGRESS 0x73
#define EFAULT 0xe
#define F_CANCELLK 0x405
#define F_DUPFD 0
#define F_DUPFD_CLOEXEC 0x406
#define F_GETFD 0x1
#define F_GETFL 0x3
#define F_GETLEASE 0x401
#define F_GETLK 0x5
#define F_GETOWN 0x9
#define F_GETOWN_EX 0x10
#define F_GETPIPE_SZ 0x408
#define F_GETSIG 0xb
#define F_NOTIFY 0x402
#define F_OFD_GETLK 0x24
#define F_OFD_SETLK 0x25
#define F_OFD_SETLKW 0x26
#define F_SETFD 0x2
#define F_SETFL 0x4
#define F_SETLEASE 0x400
#define F_SETLK 0x6
#define F_SETLKW 0x7
#define F_SETOWN 0x8
#define F_SETOWN_EX 0xf
#define F_SETPIPE_SZ 0x407
#define F_SETSIG 0xa
#define MAP_32BIT 0x40
#define MAP_ANONYMOUS 0x20
#define MAP_DENYWRITE 0x800
#define MAP_EXECUTABLE 0x1000
#define MAP_FIXED 0x10
#define MAP_GROWSDOWN 0x100
#define MAP_LOCKED 0x2000
#define MAP_NONBLOCK 0x10000
#define MAP_NORESERVE 0x4000
#define MAP_POPULATE 0x8000
#define MAP_PRIVATE 0x2
#define MAP_SHARED 0x1
#define MS_MGC_MSK 0xffff0000
#define MS_MGC_VAL 0xc0ed0000
#define O_ACCMODE 0x3
#define O_APPEND 0x400
#define O_CLOEXEC 0x80000
#define O_CREAT 0x40
#define O_DIRECT 0x4000
#define O_DIRECTORY 0x10000
#define O_DSYNC 0x1000
#define O_EXCL 0x80
#define O_LARGEFILE 0x8000
#define O_NONBLOCK 0x800
#define O_RDONLY 0
#define O_RDWR 0x2
#define O_SYNC 0x101000
#define O_TRUNC 0x200
#define O_WRONLY 0x1
#define __O_SYNC 0x100000
#define __O_TMPFILE 0x400000
#define PROT_EXEC 0x4
#define PROT_GROWSDOWN 0x1000000
#define PROT_GROWSUP 0x2000000
#define PROT_READ 0x1
#define PROT_SEM 0x8
#define PROT_WRITE 0x2
#define PR_GET_CHILD_SUBREAPER 0x25
#define PR_GET_NAME 0x10
#define PR_SET_NAME 0xf
#define PTRACE_ARCH_PRCTL 0x1e
#define PTRACE_ATTACH 0x10
#define PTRACE_CONT 0x7
#define PTRACE_DETACH 0x11
#define PTRACE_GETEVENTMSG 0x4201
#define PTRACE_GETFPREGS 0xe
#define PTRACE_GETFPXREGS 0x12
#define PTRACE_GETREGS 0xc
#define PTRACE_GETREGSET 0x4204
#define PTRACE_GETSIGINFO 0x4202
#define PTRACE_GETSIGMASK 0x420a
#define PTRACE_GET_THREAD_AREA 0x19
#define PTRACE_INTERRUPT 0x4207
#define PTRACE_KILL 0x8
#define PTRACE_LISTEN 0x4208
#define PTRACE_OLDSETOPTIONS 0x15
#define PTRACE_PEEKDATA 0x2
#define PTRACE_PEEKSIGINFO 0x4209
#define PTRACE_PEEKTEXT 0x1
#define PTRACE_PEEKUSR 0x3
#define PTRACE_POKEDATA 0x5
#define PTRACE_POKETEXT 0x4
#define PTRACE_POKEUSR 0x6
#define PTRACE_SEIZE 0x4206
#define PTRACE_SETFPREGS 0xf
#define PTRACE_SETFPXREGS 0x13
#define PTRACE_SETOPTIONS 0x4200
#define PTRACE_SETREGS 0xd
#define PTRACE_SETREGSET 0x4205
#define PTRACE_SETSIGINFO 0x4203
#define PTRACE_SETSIGMASK 0x420b
#define PTRACE_SET_THREAD_AREA 0x1a
#define PTRACE_SINGLEBLOCK 0x21
#define PTRACE_SINGLESTEP 0x9
#define PTRACE_SYSCALL 0x18
#define PTRACE_SYSEMU 0x1f
#define PTRACE_SYSEMU_SINGLESTEP 0x20
#define PTRACE_TRACEME 0
#define RESOLVE_BENEATH 0x8
#define RESOLVE_CACHED 0x20
#define RESOLVE_IN_ROOT 0x10
#define RESOLVE_NO_MAGICLINKS 0x2
#define RESOLVE_NO_SYMLINKS 0x4
#define RESOLVE_NO_XDEV 0x1
#define TASK_COMM_LEN 0x10
#define PATH_MAX 0x1000

#define PAGE_SIZE 4096
#define __user
#define memset __builtin_memset
/* memcpy of a variable length: a bounded kernel read (up to 128 bytes, the largest
 * the shared fillers copy: an address); of a constant one, the compiler's. */
static __always_inline void *scapbpf_memcpy(void *dst, const void *src, __u32 n)
{
	asm volatile("" : "+r"(n));
	if (n > 128)
		n = 128;
	asm volatile("" : "+r"(n));
	bpf_probe_read_kernel(dst, n, src);
	return dst;
}
#define memcpy(d, s, n) \
	(__builtin_constant_p(n) ? __builtin_memcpy(d, s, n) : scapbpf_memcpy(d, s, n))
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define min_t(type, a, b) ((type)(a) < (type)(b) ? (type)(a) : (type)(b))
#define sockaddr_storage __kernel_sockaddr_storage
#define ntohs(x) bpf_ntohs(x)

static __always_inline void put_unaligned_le16(__u16 v, void *p)
{
	__u8 *b = p;

	b[0] = v;
	b[1] = v >> 8;
}

static __always_inline void put_unaligned_le64(__u64 v, void *p)
{
	__u8 *b = p;
	int i;

	for (i = 0; i < 8; i++)
		b[i] = v >> (8 * i);
}

/*
 * Length of the string at @s (kernel memory: the BPF stack or a map value), at most @max
 * bytes (128 at most). One bpf_probe_read_kernel_str() of @max + 1 bytes into a copy on
 * the stack, whose result counts the NUL (or is @max + 1 when the first @max bytes have
 * none), rather than a loop: the verifier walked such a loop byte by byte on every path
 * that reaches it (about 1.5 M instructions and 2.9 s of load time over the five fillers
 * that encode unix addresses). Reads @s[@max], so that byte must be readable.
 */
static __always_inline __u32 strnlen(const char *s, __u32 max)
{
	char copy[129];
	long n;

	asm volatile("" : "+r"(max));
	if (max > 128)
		max = 128;
	asm volatile("" : "+r"(max));
	n = bpf_probe_read_kernel_str(copy, max + 1, s);
	/* Bounded for verifiers that do not bound the helper's result by its size. */
	asm volatile("" : "+r"(n));
	if (n <= 0)
		return 0;
	if (n > 129)
		n = 129;
	asm volatile("" : "+r"(n));
	return n - 1;
}

#endif /* SCAPBPF_CONSTS_H */

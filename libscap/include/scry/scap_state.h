/* SPDX-License-Identifier: Apache-2.0 */
/*
 * scap_state.h - the system state a capture starts from: machine, processes with
 * their file descriptors, users, groups and network interfaces, as stored in the
 * header blocks of a capture file (machine info, process list, fd list, user list,
 * interface list) or read from /proc by a live engine.
 *
 * All structs here are plain values owned by the scap handle that produced them;
 * they stay valid until scap_close(). Strings are NUL terminated and truncated to
 * their buffer. Fields an older block version does not carry are 0, except loginuid,
 * which is then (uint32_t)-1, and sid and vpgid, then (uint64_t)-1.
 */
#ifndef SCAP_STATE_H
#define SCAP_STATE_H

#include <stdint.h>
#include <stddef.h>

#define SCAP_MAX_PATH_SIZE 1024
#define SCAP_MAX_ARGS_SIZE 4096
#define SCAP_MAX_ENV_SIZE 4096
#define SCAP_MAX_CGROUPS_SIZE 4096
#define SCAP_MAX_COMM_SIZE 16
#define SCAP_MAX_HOST_SIZE 256

/* Machine the capture was taken on (machine info block). */
struct scap_machine_info {
	uint32_t num_cpus;
	uint64_t memory_size_bytes;  /* bytes */
	uint64_t max_pid;
	char hostname[SCAP_MAX_HOST_SIZE];
	uint64_t boot_ts_ns;         /* ns since epoch, 0 when the file does not say */
	uint64_t flags;
};

/* fd types, numbered as the scap format's fd list blocks store them. */
enum scap_fd_type {
	SCAP_FD_UNINITIALIZED = -1,
	SCAP_FD_UNKNOWN = 0,
	SCAP_FD_FILE = 1,
	SCAP_FD_DIRECTORY = 2,
	SCAP_FD_IPV4_SOCK = 3,
	SCAP_FD_IPV6_SOCK = 4,
	SCAP_FD_IPV4_SERVSOCK = 5,
	SCAP_FD_IPV6_SERVSOCK = 6,
	SCAP_FD_FIFO = 7,
	SCAP_FD_UNIX_SOCK = 8,
	SCAP_FD_EVENT = 9,
	SCAP_FD_UNSUPPORTED = 10,
	SCAP_FD_SIGNALFD = 11,
	SCAP_FD_EVENTPOLL = 12,
	SCAP_FD_INOTIFY = 13,
	SCAP_FD_TIMERFD = 14,
	SCAP_FD_NETLINK = 15,
	SCAP_FD_FILE_V2 = 16,
	SCAP_FD_BPF = 17,
	SCAP_FD_USERFAULTFD = 18,
	SCAP_FD_IOURING = 19,
	SCAP_FD_MEMFD = 20,
	SCAP_FD_PIDFD = 21,
};

/* L4 protocols as stored in fd list blocks (the numbers of libscap's enum scap_l4_proto,
 * which sysdig and Falco write and read: 1 is "not a socket", never stored by scry). */
enum scap_l4_proto {
	SCAP_L4_UNKNOWN = 0,
	SCAP_L4_NA = 1,
	SCAP_L4_TCP = 2,
	SCAP_L4_UDP = 3,
	SCAP_L4_ICMP = 4,
	SCAP_L4_RAW = 5,
};

/* One file descriptor of a process at capture start (fd list block entry). */
struct scap_fdinfo {
	int64_t fd;
	uint64_t ino;
	int32_t type;                 /* enum scap_fd_type */
	union {
		struct {                  /* SCAP_FD_IPV4_SOCK */
			uint32_t sip, dip;    /* network byte order, as in the file */
			uint16_t sport, dport;/* host byte order */
			uint8_t l4proto;      /* enum scap_l4_proto */
		} ipv4;
		struct {                  /* SCAP_FD_IPV6_SOCK */
			uint8_t sip[16], dip[16];
			uint16_t sport, dport;
			uint8_t l4proto;
		} ipv6;
		struct {                  /* SCAP_FD_IPV4_SERVSOCK */
			uint32_t ip;
			uint16_t port;
			uint8_t l4proto;
		} ipv4_server;
		struct {                  /* SCAP_FD_IPV6_SERVSOCK */
			uint8_t ip[16];
			uint16_t port;
			uint8_t l4proto;
		} ipv6_server;
		struct {                  /* SCAP_FD_UNIX_SOCK */
			uint64_t source, dest;/* kernel socket addresses */
		} unix_sock;
		struct {                  /* SCAP_FD_FILE_V2 */
			uint32_t open_flags;  /* scap open flags (rendered as O_*) */
			uint32_t mount_id;
			uint64_t dev;
		} file;
	} info;
	char name[SCAP_MAX_PATH_SIZE]; /* path, unix socket path, or "" */
};

/* One thread at capture start (process list block entry). */
struct scap_threadinfo {
	uint64_t tid, pid, ptid, sid, vpgid, pgid;
	char comm[SCAP_MAX_PATH_SIZE];   /* process name (exe basename or comm) */
	char exe[SCAP_MAX_PATH_SIZE];    /* argv[0] */
	char exepath[SCAP_MAX_PATH_SIZE];/* full path of the executable */
	uint8_t exe_writable, exe_upper_layer, exe_from_memfd;
	char args[SCAP_MAX_ARGS_SIZE];   /* NUL-separated arguments (after argv[0]) */
	uint16_t args_len;               /* bytes used in args */
	char env[SCAP_MAX_ENV_SIZE];     /* NUL-separated VAR=value entries */
	uint16_t env_len;
	char cwd[SCAP_MAX_PATH_SIZE];
	int64_t fdlimit;
	uint32_t flags;                  /* clone flags as the scap format stores them */
	uint32_t uid, gid;
	uint32_t loginuid;               /* (uint32_t)-1 when unset */
	uint32_t vmsize_kb, vmrss_kb, vmswap_kb;  /* KiB */
	uint64_t pfmajor, pfminor;
	int64_t vtid, vpid;
	char cgroups[SCAP_MAX_CGROUPS_SIZE]; /* NUL-separated "subsys=path" entries */
	uint16_t cgroups_len;
	char root[SCAP_MAX_PATH_SIZE];
	uint32_t tty;
	uint64_t clone_ts_ns, pidns_init_start_ts_ns;  /* ns since epoch */
	uint64_t cap_permitted, cap_effective, cap_inheritable;
	uint64_t exe_ino, exe_ino_ctime, exe_ino_mtime;
	uint32_t nfds;                   /* entries of fds */
	struct scap_fdinfo *fds;         /* owned by the handle */
};

struct scap_userinfo {
	uint32_t uid, gid;
	char name[256], homedir[SCAP_MAX_PATH_SIZE], shell[SCAP_MAX_PATH_SIZE];
};

struct scap_groupinfo {
	uint32_t gid;
	char name[256];
};

/* Network interfaces of the machine (interface list block). */
struct scap_ifinfo_ipv4 {
	uint16_t type;
	uint32_t addr, netmask, bcast;   /* network byte order */
	uint64_t linkspeed;
	char name[SCAP_MAX_PATH_SIZE];
};

struct scap_ifinfo_ipv6 {
	uint16_t type;
	uint8_t addr[16], netmask[16], bcast[16];
	uint64_t linkspeed;
	char name[SCAP_MAX_PATH_SIZE];
};

/* The whole initial state; see scap_get_state(). */
struct scap_state {
	size_t sz;
	const struct scap_machine_info *machine; /* NULL when the source has none */
	const struct scap_threadinfo *threads;   /* nthreads entries */
	uint32_t nthreads;
	const struct scap_userinfo *users;       /* nusers entries */
	uint32_t nusers;
	const struct scap_groupinfo *groups;     /* ngroups entries */
	uint32_t ngroups;
	const struct scap_ifinfo_ipv4 *ifv4;     /* nifv4 entries */
	uint32_t nifv4;
	const struct scap_ifinfo_ipv6 *ifv6;     /* nifv6 entries */
	uint32_t nifv6;
	/*
	 * An engine that merges several sources (the stream engine reading hosts from a
	 * bus): each source's own state, nsources entries in the order the sources were
	 * named, each with .source set and no .sources of its own; the fields above are
	 * then the first source's machine, users, groups and interfaces and the threads
	 * of all sources side by side (thread ids of different sources may be equal).
	 * A single-source engine: sources NULL, nsources 0, source NULL.
	 */
	const char *source;                      /* the source's name (a host), as
	                                            scap_evt_source() returns it */
	const struct scap_state *sources;        /* nsources entries */
	uint32_t nsources;
};

#endif /* SCAP_STATE_H */

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * sinsp_state.h - the state the inspector rebuilds from the events: threads, their file
 * descriptors, containers. Lookups copy a view of one entry into a caller's struct
 * (size_t sz first, set by the caller to the sizeof it was built with; fields are only
 * appended); iterations call a function with each entry.
 *
 * The state is as of the last event sinsp_next() returned (that event applied).
 *
 * Ownership and lifetime: strings (and the NUL-separated lists) in the views are owned
 * by the inspector; they are valid until the next sinsp_next() or sinsp_close(). An
 * event may change or remove the thread, fd or container they belong to.
 *
 * Thread-safety: one thread per inspector. Iteration callbacks must not call
 * sinsp_next() nor close the inspector; they may call the lookups of this header.
 */
#ifndef SINSP_STATE_PUBLIC_H
#define SINSP_STATE_PUBLIC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <scry/sinsp.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- threads ----------------------------------------------------------------------- */

/* A view of one thread. Ids are of the host pid namespace unless named v*. */
struct sinsp_thread_info {
	size_t sz;                /* caller: sizeof(struct sinsp_thread_info) */
	int64_t tid;              /* thread id */
	int64_t pid;              /* process id (tid of the main thread) */
	int64_t ptid;             /* parent thread id as recorded (clone/proc scan); -1 unknown */
	int64_t ppid;             /* parent process id (proc.ppid: the ptid of the main
	                             thread); -1 unknown */
	int64_t vtid, vpid;       /* ids in the thread's pid namespace; -1 unknown */
	int64_t sid;              /* session id; -1 unknown */
	int64_t vpgid;            /* process group id in its pid namespace; -1 unknown */
	const char *comm;         /* process name (proc.name); "" unknown */
	const char *exe;          /* argv[0] (proc.exe); "" unknown */
	const char *exepath;      /* full path of the executable (proc.exepath); "" unknown */
	const char *args;         /* arguments after argv[0]: args_len bytes of NUL-terminated
	                             strings one after another; "" (args_len 0) when none */
	size_t args_len;
	const char *env;          /* environment of the process, "NAME=value" strings, same
	                             shape as args; env_len 0 when unknown */
	size_t env_len;
	const char *cwd;          /* working directory of the process, ends with '/'; "" unknown */
	uint32_t uid, gid;        /* user and group ids; 0xffffffff unknown */
	uint32_t loginuid;        /* audit login uid; 0xffffffff unset */
	uint32_t tty;             /* controlling terminal device number (proc.tty); 0 none */
	const char *container_id; /* as container.id prints it; "host" outside containers */
	const char *cgroups;      /* "subsys=path" strings, same shape as args; cgroups_len 0
	                             when unknown */
	size_t cgroups_len;
	uint64_t start_ts;        /* ns since the epoch: when the thread was created (clone or
	                             process table); 0 unknown */
	uint32_t nthreads;        /* threads of the process, main thread included (proc.nthreads) */
	int64_t fdlimit;          /* RLIMIT_NOFILE of the process; 0 unknown */
	bool is_main;             /* tid == pid */
	bool placeholder;         /* made up for a tid no event or table described (fields <NA>) */
};

/**
 * sinsp_thread_lookup() - the thread with id @tid.
 * @s:   [in] inspector.
 * @tid: [in] thread id (host pid namespace). A capture that merges several hosts
 *       (scap_state.sources) keeps each host's threads apart: @tid is looked up among
 *       the threads of the host of the last event sinsp_next() returned (of the first
 *       host before any); sinsp_fd_lookup() and sinsp_fd_foreach() likewise.
 * @out: [out] view; out->sz set by the caller (bytes beyond it are not written).
 * Return: 0; -ENOENT no such thread in the table; -EINVAL a NULL argument or sz 0.
 */
SINSP_API int sinsp_thread_lookup(sinsp_t *s, int64_t tid, struct sinsp_thread_info *out);

/**
 * sinsp_thread_lookup_source() - the thread with id @tid on host @source of a capture
 * that merges several hosts (as scap_evt_source() and the metrics' views name it; NULL:
 * the first host, the only one of other captures), whatever the last event's host.
 * @out: [out] as sinsp_thread_lookup().
 * Return: 0; -ENOENT no such host or thread; -EINVAL a NULL argument or sz 0.
 */
SINSP_API int sinsp_thread_lookup_source(sinsp_t *s, const char *source, int64_t tid,
					 struct sinsp_thread_info *out);

/**
 * sinsp_evt_thread() - the thread of an event (the state after the event was applied:
 * for a procexit event, the exiting thread is still there).
 * @evt: [in] event from sinsp_next().  @out: [out] as sinsp_thread_lookup().
 * Return: 0; -ENOENT the event's thread is unknown; -EINVAL a NULL argument or sz 0.
 */
SINSP_API int sinsp_evt_thread(const struct sinsp_evt *evt, struct sinsp_thread_info *out);

/*
 * Callback of sinsp_thread_foreach(): @t is valid during the call only (copy what must
 * last). Return 0 to continue; any other value stops the iteration and is returned.
 */
typedef int (*sinsp_thread_fn)(const struct sinsp_thread_info *t, void *ctx);

/**
 * sinsp_thread_foreach() - call @fn once for each thread of the table, in no order
 * (of every host, when the capture merges several: their tids may be equal).
 * @s: [in] inspector.  @fn: [in] callback.  @ctx: [in] passed to @fn.
 * Return: 0 after every thread; the first non-zero value @fn returned; -EINVAL @s or
 * @fn NULL.
 */
SINSP_API int sinsp_thread_foreach(sinsp_t *s, sinsp_thread_fn fn, void *ctx);

/* ---- file descriptors ---------------------------------------------------------------- */

/* A view of one file descriptor (fds are shared by the threads of a process). */
struct sinsp_fd_info {
	size_t sz;                /* caller: sizeof(struct sinsp_fd_info) */
	int64_t fd;               /* fd number */
	int32_t type;             /* enum scap_fd_type (scap_state.h) */
	char typechar;            /* fd.typechar: 'f' file, 'd' directory, '4' / '6' ip sockets,
	                             'u' unix socket or userfaultfd, 'p' pipe, 'e' eventfd,
	                             's' signalfd, 'l' epoll, 'i' inotify, 't' timerfd,
	                             'n' netlink, 'b' bpf, 'r' io_uring, 'm' memfd, 'P' pidfd,
	                             'o' other */
	const char *name;         /* fd.name: path, "sip:sport->dip:dport", ...; "" when none */
	uint32_t open_flags;      /* files: scap open flags (SCAP_O_* of the open event's flags
	                             parameter, scap_events.h); 0 otherwise */
	uint64_t ino;             /* files: inode number; 0 unknown */
	uint64_t dev;             /* files: device, kernel encoding (major << 20 | minor) */
	uint8_t l4proto;          /* sockets: enum scap_l4_proto as recorded (socket call or
	                             fd table); fd.l4proto, as sysdig, shows it only once the
	                             socket has a client or server role */
	bool is_server;           /* sockets: accepted (this process is the server) or listening */
	/*
	 * IP sockets (type SCAP_FD_IPV4_SOCK / IPV4_SERVSOCK / IPV6_SOCK / IPV6_SERVSOCK):
	 * the tuple. For a connection, src is the client end and dst the server end
	 * (fd.cip/fd.cport and fd.sip/fd.sport); for a listening socket, src is the local
	 * address and port and dst is zero. Addresses in network order; IPv4 ones in the
	 * first 4 bytes (the rest zero). Ports in host order. Zero for other types.
	 */
	uint8_t src_ip[16], dst_ip[16];
	uint16_t src_port, dst_port;
	bool ipv6;                /* the addresses are IPv6 */
	/* unix sockets: kernel addresses of the two ends (as the tuple records them) */
	uint64_t unix_src, unix_dst;
};

/**
 * sinsp_fd_lookup() - fd number @fd of thread @tid.
 * @s:   [in] inspector.  @tid: [in] thread id.  @fd: [in] fd number.
 * @out: [out] view; out->sz set by the caller.
 * Return: 0; -ENOENT unknown thread or no such fd; -EINVAL a NULL argument or sz 0.
 */
SINSP_API int sinsp_fd_lookup(sinsp_t *s, int64_t tid, int64_t fd, struct sinsp_fd_info *out);

/**
 * sinsp_evt_fd() - the fd an event is about (the fd parameter of read/write/close/...,
 * the fd an open/socket/accept exit created). For a close exit, the fd just closed.
 * @evt: [in] event from sinsp_next().  @out: [out] as sinsp_fd_lookup().
 * Return: 0; -ENOENT the event is about no fd or the fd is unknown; -EINVAL a NULL
 * argument or sz 0.
 */
SINSP_API int sinsp_evt_fd(const struct sinsp_evt *evt, struct sinsp_fd_info *out);

/* Callback of sinsp_fd_foreach(): as sinsp_thread_fn. */
typedef int (*sinsp_fd_fn)(const struct sinsp_fd_info *f, void *ctx);

/**
 * sinsp_fd_foreach() - call @fn once for each fd of thread @tid's process, in no order.
 * Return: 0 after every fd; the first non-zero value @fn returned; -ENOENT unknown
 * thread; -EINVAL @s or @fn NULL.
 */
SINSP_API int sinsp_fd_foreach(sinsp_t *s, int64_t tid, sinsp_fd_fn fn, void *ctx);

/* ---- containers -------------------------------------------------------------------- */

/*
 * A view of one container. Containers are known from the cgroups of processes (id and
 * type only), and their metadata from the container events a capture stores or, when
 * capturing live, from the runtime that runs them (sinsp_open_opts.runtime_lookups).
 */
struct sinsp_container_info {
	size_t sz;                /* caller: sizeof(struct sinsp_container_info) */
	const char *id;           /* as container.id prints it (12 hex digits of a runtime id) */
	int32_t type;             /* container.type as a number: 0 docker, 1 lxc, 2 libvirt-lxc,
	                             3 mesos, 4 rkt, 5 custom, 6 cri, 7 containerd, 8 cri-o,
	                             9 bpm, 10 static, 11 podman (sysdig's numbers), 100
	                             systemd-nspawn (scry's) */
	const char *type_name;    /* container.type: "docker", "cri-o", ...; static storage */
	bool has_metadata;        /* a container event or the runtime described it; false:
	                             known from cgroups only */
	const char *full_id;      /* 64-hex runtime id when known; "" otherwise */
	const char *pod_uid;      /* kubernetes pod uid from the cgroup path; "" otherwise */
	/* metadata from container events or the runtime; "" when not given */
	const char *name;
	const char *image;        /* "repository:tag" as the runtime reports it */
	const char *image_id;
	const char *image_repo;
	const char *image_tag;
	const char *image_digest;
	bool privileged;
	uint8_t ip[4];            /* IPv4 address, network order; zero when none */
	uint32_t nmounts;         /* mounts the container event listed (sinsp_container_mount_get()) */
	uint32_t nlabels;         /* labels the container event listed (sinsp_container_label_get()) */
	/* appended with the runtime lookups */
	int64_t created_ns;       /* when the runtime created the container, ns since the epoch
	                             (from a capture's container event: whole seconds); 0 unknown */
	const char *pod_sandbox_id; /* CRI: id of the container's pod sandbox; "" otherwise */
	const char *pod_name;     /* CRI: Kubernetes pod name (k8s.pod.name); "" otherwise */
	const char *pod_namespace; /* CRI: the pod's namespace (k8s.ns.name); "" otherwise */
	uint32_t npod_labels;     /* labels of the pod (sinsp_container_pod_label_get()) */
};

/**
 * sinsp_container_lookup() - the container with id @id.
 * @s:   [in] inspector.
 * @id:  [in] container id as container.id prints it ("host" is no container).
 * @out: [out] view; out->sz set by the caller.
 * Return: 0; -ENOENT unknown id (or "host"); -EINVAL a NULL argument or sz 0.
 */
SINSP_API int sinsp_container_lookup(sinsp_t *s, const char *id, struct sinsp_container_info *out);

/* One mount of a container, as its container event listed it. */
struct sinsp_container_mount_info {
	size_t sz;                /* caller: sizeof(struct sinsp_container_mount_info) */
	const char *source;       /* host path */
	const char *dest;         /* path in the container */
	const char *mode;         /* e.g. "z"; "" when none */
	bool rw;                  /* mounted read-write */
	const char *propagation;  /* e.g. "rprivate"; "" when none */
};

/**
 * sinsp_container_mount_get() - mount @i (0-based, below nmounts) of container @id.
 * @out: [out] view; out->sz set by the caller. Strings owned by the inspector (see top).
 * Return: 0; -ENOENT unknown id or no mount @i; -EINVAL a NULL argument or sz 0.
 */
SINSP_API int sinsp_container_mount_get(sinsp_t *s, const char *id, uint32_t i,
					struct sinsp_container_mount_info *out);

/**
 * sinsp_container_label_get() - label @i (0-based, below nlabels) of container @id.
 * @key:   [out] the label's name, e.g. "io.kubernetes.pod.name".
 * @value: [out] its value (UTF-8). Both owned by the inspector (see top).
 * Return: 0; -ENOENT unknown id or no label @i; -EINVAL a NULL argument.
 */
SINSP_API int sinsp_container_label_get(sinsp_t *s, const char *id, uint32_t i, const char **key,
					const char **value);

/**
 * sinsp_container_pod_label_get() - label @i (0-based, below npod_labels) of the
 * Kubernetes pod of container @id (k8s.pod.label[...]).
 * @key:   [out] the label's name, e.g. "app".
 * @value: [out] its value (UTF-8). Both owned by the inspector (see top).
 * Return: 0; -ENOENT unknown id or no pod label @i; -EINVAL a NULL argument.
 */
SINSP_API int sinsp_container_pod_label_get(sinsp_t *s, const char *id, uint32_t i,
					    const char **key, const char **value);

/* Callback of sinsp_container_foreach(): as sinsp_thread_fn. */
typedef int (*sinsp_container_fn)(const struct sinsp_container_info *c, void *ctx);

/**
 * sinsp_container_foreach() - call @fn once for each known container, in no order.
 * Return: 0 after every container; the first non-zero value @fn returned; -EINVAL @s or
 * @fn NULL.
 */
SINSP_API int sinsp_container_foreach(sinsp_t *s, sinsp_container_fn fn, void *ctx);

/*
 * Counters of the container runtime lookups (sinsp_open_opts.runtime_lookups, sinsp.h)
 * since sinsp_open(). One lookup per container (its retries are one lookup);
 * requested = ok + failed + timed_out + pending.
 */
struct sinsp_runtime_stats {
	size_t sz;                /* caller: sizeof(struct sinsp_runtime_stats) */
	uint64_t requested;       /* containers a runtime was asked about */
	uint64_t ok;              /* answered: the metadata is in the container table */
	uint64_t failed;          /* no answer: the runtime does not know the id, its socket
	                             is absent, an error, or the request queue was full */
	uint64_t timed_out;       /* the last try ran out of time (runtime_timeout_ms) */
	uint64_t pending;         /* not finished yet (events of them show <NA>) */
	uint64_t not_found;       /* of failed: the runtime did not know the container */
	uint64_t dropped;         /* of failed: the request queue was full */
	uint64_t attempts;        /* calls to the runtimes, retries included */
	uint64_t retries;         /* calls made again after a failure or timeout */
	uint64_t lookups_timed;   /* finished lookups that asked a runtime's socket */
	uint64_t lookup_ns_total; /* sum over those of the time from the first call to the
	                             outcome, retries and backoff included, ns */
	uint64_t lookup_ns_max;   /* longest of them, ns */
};

/**
 * sinsp_runtime_stats() - the counters of @s's container runtime lookups.
 * @s:   [in] inspector.
 * @out: [out] counters; out->sz set by the caller (a smaller sz gets the fields that
 *       fit). All zero when lookups are off (a capture file, by default).
 * Return: 0; -EINVAL a NULL argument or sz too small.
 * Thread-safety: any thread (the counters are read under the lookups' lock).
 */
SINSP_API int sinsp_runtime_stats(sinsp_t *s, struct sinsp_runtime_stats *out);

/*
 * Callback of sinsp_set_container_changed_fn(): @c is valid during the call only (copy
 * what must last); @c->has_metadata tells a container seen in a thread's cgroups (id
 * and type) from one whose metadata was just set or changed.
 */
typedef void (*sinsp_container_changed_fn)(const struct sinsp_container_info *c, void *ctx);

/**
 * sinsp_set_container_changed_fn() - be told of containers as the inspector learns
 * them: @fn is called when a container is first seen (a thread's cgroups name it) and
 * each time its metadata is set or changed (a container event of the source, or live,
 * a container runtime's answer). Containers known when sinsp_open() returned are not
 * reported: sinsp_container_foreach() lists them.
 * @s:   [in] inspector.
 * @fn:  [in] callback; NULL stops the calls.  @ctx: [in] passed to @fn.
 * @fn runs inside sinsp_next(), on its thread, before the event it returns is
 * complete: it must not call sinsp_next() nor close the inspector; it may call the
 * lookups of this header (the thread whose cgroups named the container may not carry
 * it yet).
 * Return: 0; -EINVAL @s NULL.
 */
SINSP_API int sinsp_set_container_changed_fn(sinsp_t *s, sinsp_container_changed_fn fn, void *ctx);

/* ---- what the state needs of a live capture ----------------------------------------- */

/**
 * sinsp_state_syscalls() - add to a syscall set the syscalls whose events the inspector
 * parses to keep its state: every event type that has a state parser (processes:
 * clone, fork, vfork, clone3, execve, execveat, chdir, fchdir, the set*uid/gid
 * calls, capset, setsid, setpgid, prctl, unshare, setns, brk, mmap, munmap; fds:
 * open, openat, openat2, creat, open_by_handle_at, memfd_create, close, dup*, fcntl,
 * pipe*, eventfd*, signalfd*, timerfd_create, inotify_init*, epoll_create*,
 * io_uring_setup, bpf, socket, socketpair, connect, accept*, bind, sendto, sendmsg,
 * recvfrom, recvmsg, getsockopt, copy_file_range), as the syscalls that make them
 * (scap_syscall_set_add_event(), scry/scap_syscalls.h). Process exits, scheduler
 * switches and the container and user events come from tracepoints or from userspace,
 * not from the set. A live capture narrowed to a set that holds this one keeps the
 * thread, fd and container tables as a full capture does; the fields of the events
 * left out are what is lost.
 * @set: [in,out] SCAP_SYSCALL_SET_WORDS words (scry/scap_live.h's layout); bits are
 *       added, none cleared.
 * Return: 0; -EINVAL @set NULL.
 * Thread-safety: any thread.
 */
SINSP_API int sinsp_state_syscalls(uint64_t *set);

/**
 * sinsp_state_syscalls_tcp() - add to a syscall set those of sinsp_state_syscalls()
 * whose events the inspector parses on a TCP socket: all but sendto, sendmsg, recvfrom
 * and recvmsg, whose parsers keep the address of a datagram socket (a TCP socket's ends
 * come from its connect or accept, or from the /proc scan for one made before the
 * capture; sendto's guess of a UDP socket for an fd never seen is wrong for a TCP
 * one). A capture that leaves those four out on TCP sockets
 * (scap_set_syscalls_tcp_skip()) keeps the tables a full capture keeps, except the
 * ends of a TCP socket that neither its connect/accept nor the scan gave.
 * @set: [in,out] SCAP_SYSCALL_SET_WORDS words; bits are added, none cleared.
 * Return: 0; -EINVAL @set NULL.
 * Thread-safety: any thread.
 */
SINSP_API int sinsp_state_syscalls_tcp(uint64_t *set);

#ifdef __cplusplus
}
#endif
#endif /* SINSP_STATE_PUBLIC_H */

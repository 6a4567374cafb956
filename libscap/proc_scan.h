/* SPDX-License-Identifier: Apache-2.0 */
/*
 * proc_scan.h - the initial state of a live capture, read from the running system:
 * threads and their fds from procfs, users and groups from passwd/group files,
 * network interfaces (getifaddrs) and machine info. Internal to libscap (the kmod
 * engine fills its handle's store with it); the unit tests include it directly.
 *
 * Every function appends to a struct scap_state_store (scap_int.h) and never prints.
 * Entries that vanish while they are read (a process exiting mid-scan) are skipped
 * silently; only a failure to read the top directory or ENOMEM is an error.
 */
#ifndef SCAP_PROC_SCAN_H
#define SCAP_PROC_SCAN_H

#include <stdint.h>
#include <sys/types.h>

#include "scap_int.h"

/* Where to read from; NULL fields take the system's paths. */
struct scap_sys_scan_opts {
	const char *proc;        /* procfs mount point; NULL: "/proc" */
	const char *etc;         /* directory of passwd and group; NULL: "/etc" */
	int64_t only_pid;        /* > 0: scan this process (all its threads) only */
	bool no_fds;             /* true: threads only, no fd tables */
	void (*progress)(void *ctx); /* NULL, or called after each process read */
	void *progress_ctx;
};

/* Counters of one scan, for logs and benchmarks. */
struct scap_sys_scan_stats {
	uint32_t nprocs;         /* processes read */
	uint32_t nthreads;       /* threads read (processes included) */
	uint32_t nfds;           /* fds read */
	uint32_t nskipped;       /* entries that vanished or could not be read */
	uint32_t nnetns;         /* network namespaces whose socket tables were read */
	uint64_t elapsed_ns;     /* wall time of the whole scan */
};

/**
 * scap_proc_scan_threads() - every thread under @o->proc (or of @o->only_pid), with
 * every field of struct scap_threadinfo, and the fd table of each process's main
 * thread (sockets resolved through that process's network namespace tables).
 * @s:     [in,out] store the threads are appended to (and indexed by tid).
 * @o:     [in] paths; may be NULL.
 * @st:    [out] counters added to; may be NULL.
 * @err:   [out] SCAP_ERRBUF_SIZE bytes for the message on failure.
 * Return: 0; -errno of opendir(@o->proc) (-ENOENT, -EACCES); -ENOMEM. With only_pid,
 * -ESRCH when that process does not exist.
 */
int scap_proc_scan_threads(struct scap_state_store *s, const struct scap_sys_scan_opts *o,
			   struct scap_sys_scan_stats *st, char *err);

/**
 * scap_proc_scan_fds() - the fd table of process @pid into @t (appended).
 * @procdir: [in] "/proc/PID" directory fd (O_DIRECTORY).
 * @netns:   [in,out] socket table cache (see scap_netns_cache_*); may be NULL: sockets
 *           are then not resolved (and skipped).
 * Return: fds added (>= 0); -ENOMEM. Unreadable fd directories give 0.
 */
struct scap_netns_cache;
int scap_proc_scan_fds(int procdir, struct scap_threadinfo *t, struct scap_netns_cache *netns);

/* A cache of the socket tables (tcp, tcp6, udp, udp6, unix, netlink, raw) of each
 * network namespace seen, keyed by the namespace's inode. */
struct scap_netns_cache *scap_netns_cache_new(void);
void scap_netns_cache_free(struct scap_netns_cache *c);
uint32_t scap_netns_cache_count(const struct scap_netns_cache *c);

/**
 * scap_sys_scan_users() - users of @etc/passwd and groups of @etc/group.
 * Return: 0 (a missing file adds nothing); -ENOMEM.
 */
int scap_sys_scan_users(struct scap_state_store *s, const char *etc, char *err);

/** scap_sys_scan_ifaces() - the IPv4 and IPv6 addresses of every interface. 0; -errno. */
int scap_sys_scan_ifaces(struct scap_state_store *s, char *err);

/** scap_sys_scan_machine() - CPUs, memory, pid_max, hostname, boot time. Always 0. */
int scap_sys_scan_machine(struct scap_state_store *s, const char *proc);

/**
 * scap_sys_scan() - everything above, in that order (machine, users, interfaces,
 * threads with fds).
 * Return: 0; the first error of the parts.
 */
int scap_sys_scan(struct scap_state_store *s, const struct scap_sys_scan_opts *o,
		  struct scap_sys_scan_stats *st, char *err);

/* scap_engine_read_state() (scry/scap_engine.h), the live engines' use of the above,
 * is in proc_sys.c. */

/* ---- helpers shared by proc_*.c ---------------------------------------------------- */

/* Read the file @name relative to @dirfd into @buf (at most @cap - 1 bytes, NUL
 * appended). Return bytes read, or -errno. */
ssize_t scap_proc_read_at(int dirfd, const char *name, char *buf, size_t cap);

/* ns since the epoch at which the system booted (CLOCK_REALTIME - CLOCK_BOOTTIME). */
uint64_t scap_proc_boot_ts_ns(void);

#endif /* SCAP_PROC_SCAN_H */

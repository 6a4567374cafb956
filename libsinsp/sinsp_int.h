/* SPDX-License-Identifier: Apache-2.0 */
/*
 * sinsp_int.h - private structures of libsinsp: the handle, threads, fds, events.
 */
#ifndef SINSP_INT_H
#define SINSP_INT_H

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <libsinsp/sinsp.h>
#include "strbuf.h"
#include "hashmap.h"

#define SINSP_MAX_PARAMS SCAP_MAX_EVENT_PARAMS

/* One file descriptor of a process. */
struct sinsp_fd {
	int64_t fd;
	int32_t type;             /* enum scap_fd_type */
	uint8_t l4proto;          /* enum scap_l4_proto */
	bool is_server;           /* socket role: accepted (server side) or listening */
	bool is_client;           /* socket role: connected by us */
	uint32_t open_flags;      /* scap open flags of files */
	uint64_t ino, dev;
	union {
		struct { uint32_t sip, dip; uint16_t sport, dport; } v4;   /* ips network order */
		struct { uint8_t sip[16], dip[16]; uint16_t sport, dport; } v6;
		struct { uint64_t src, dst; } un;
	} addr;
	char *name;               /* malloc'd, never NULL once inserted */
};

/* fds of one process (shared by its threads). */
struct sinsp_fdtable {
	struct hashmap map;       /* fd -> struct sinsp_fd * */
	uint32_t refs;            /* threads using it */
};

struct sinsp_thread {
	int64_t tid, pid, ptid, sid, vpgid;
	int64_t vtid, vpid;
	char *comm;               /* process name */
	char *exe;                /* argv[0] */
	char *exepath;            /* full path of the executable */
	char *args;               /* NUL-separated arguments after argv[0] */
	uint32_t args_len;
	char *env;                /* NUL-separated */
	uint32_t env_len;
	char *cgroups;            /* NUL-separated subsys=path */
	uint32_t cgroups_len;
	char *cwd;                /* always ends with '/'; shared semantics: main thread's is used */
	int64_t fdlimit;
	uint32_t flags;           /* scap clone flags */
	uint32_t uid, gid, loginuid;
	uint32_t vmsize_kb, vmrss_kb, vmswap_kb;
	uint64_t pfmajor, pfminor;
	uint64_t clone_ts;
	uint32_t nthreads;        /* main thread: other threads of the process known now */
	struct sinsp_fdtable *fds;/* shared by the thread group */

	/* last event of this thread, for enter/exit pairing */
	uint16_t last_type;
	uint64_t last_ts;
	int64_t last_fd;          /* fd param of the last enter event, -1 none */
	uint8_t *enter_raw;       /* copy of the last enter event */
	uint32_t enter_len, enter_cap;
	uint64_t latency_ns;      /* exit ts - enter ts of the current exit event */
	bool enter_valid;         /* enter_raw belongs to the current exit */
};

/* Parameter of the current event. */
struct sinsp_param {
	const uint8_t *val;
	uint32_t len;
};

struct sinsp_evt {
	struct scap_evt_ref ref;
	const struct scap_evt_info *info;
	uint64_t num;                     /* evt.num, from 1 */
	struct sinsp_param params[SINSP_MAX_PARAMS];
	uint32_t nparams;
	struct sinsp_thread *thread;      /* NULL when the tid is unknown */
	struct sinsp_fd *fd;              /* fd the event is about, NULL when none/unknown */
	int64_t fd_num;                   /* its number, -1 when none */
	bool hidden;
	struct sinsp *s;
};

struct sinsp {
	scap_t *scap;
	struct hashmap threads;           /* tid -> struct sinsp_thread * */
	struct sinsp_thread *pending_removal; /* thread whose procexit was the last event */
	struct sinsp_fd *closed_fd;       /* fd the last close exit detached; freed before the next event (fdtable.h) */
	const struct scap_userinfo *users;
	uint32_t nusers;
	const struct scap_groupinfo *groups;
	uint32_t ngroups;
	const struct scap_ifinfo_ipv4 *ifv4;  /* interfaces of the machine, for fd.is_server */
	uint32_t nifv4;
	const struct scap_ifinfo_ipv6 *ifv6;
	uint32_t nifv6;
	uint64_t nevts;                   /* events read so far */
	uint64_t first_ts;                /* ts of the first event, for evt.reltime */
	uint32_t max_str_len;
	struct sinsp_evt evt;
	char errbuf[SCAP_ERRBUF_SIZE];
};

/* Store a message in s->errbuf and return code (negative errno). */
int sinsp_err(struct sinsp *s, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* threads.c */
struct sinsp_thread *sinsp_thread_find(struct sinsp *s, int64_t tid);
struct sinsp_thread *sinsp_thread_add(struct sinsp *s, int64_t tid);
void sinsp_thread_remove(struct sinsp *s, struct sinsp_thread *t);
void sinsp_thread_link_main(struct sinsp *s, struct sinsp_thread *t);
void sinsp_thread_free_all(struct sinsp *s);
struct sinsp_thread *sinsp_thread_main(struct sinsp *s, struct sinsp_thread *t);
void sinsp_thread_set_str(char **dst, const char *src, size_t len);
void sinsp_thread_set_cwd(struct sinsp_thread *t, const char *src, size_t len);
void sinsp_thread_set_blob(char **dst, uint32_t *dst_len, const void *src, size_t len);
int sinsp_thread_load_state(struct sinsp *s, const struct scap_state *st);

/* fdtable.c */
struct sinsp_fdtable *sinsp_fdtable_new(void);
void sinsp_fdtable_put(struct sinsp_fdtable *t);
struct sinsp_fd *sinsp_fd_find(struct sinsp_thread *t, int64_t fd);
struct sinsp_fd *sinsp_fd_add(struct sinsp_thread *t, int64_t fd, int32_t type, const char *name);
void sinsp_fd_remove(struct sinsp_thread *t, int64_t fd);
char sinsp_fd_typechar(const struct sinsp_fd *f);
/* L4 protocol as sysdig reports it: unknown until the socket has a client or server role */
uint8_t sinsp_fd_l4proto(const struct sinsp_fd *f);

/* parse.c: apply an event to the state, set evt->thread/evt->fd. */
void sinsp_parse_event(struct sinsp *s, struct sinsp_evt *evt);

/* render_param.c: the text of a parameter, as sysdig prints it in evt.args. */
enum sinsp_buf_fmt { SINSP_BUF_NORMAL, SINSP_BUF_JSON };
void sinsp_render_param(struct sinsp_evt *evt, uint32_t i, enum sinsp_buf_fmt bf,
			struct strbuf *val, struct strbuf *resolved);
void sinsp_render_args(struct sinsp_evt *evt, enum sinsp_buf_fmt bf, struct strbuf *out);

/* helpers */
int64_t sinsp_param_s64(const struct sinsp_evt *evt, uint32_t i, int64_t dflt);
uint64_t sinsp_param_u64(const struct sinsp_evt *evt, uint32_t i, uint64_t dflt);
int sinsp_param_index(const struct sinsp_evt *evt, const char *name);
const char *sinsp_user_name(struct sinsp *s, uint32_t uid);
const char *sinsp_group_name(struct sinsp *s, uint32_t gid);

#endif /* SINSP_INT_H */

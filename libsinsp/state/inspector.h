/* SPDX-License-Identifier: Apache-2.0 */
/*
 * state/inspector.h - the body of the inspector handle (struct sinsp): the state
 * tables (threads, containers, users and groups, interfaces) and what the parts
 * above keep in the handle (the current event, the numbering, the filter of
 * sinsp_set_filter(), the last error). sinsp.c ties the parts together.
 */
#ifndef SINSP_STATE_INSPECTOR_H
#define SINSP_STATE_INSPECTOR_H

#include <errno.h>
#include <stdatomic.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <scry/sinsp.h>
#include <scry/sinsp_state.h>
#include "util/strbuf.h"
#include "util/hashmap.h"
#include "event/event.h"

struct sinsp_container;
struct sinsp_thread;

/* Events read from libscap at a time (scap_next_batch()): what one call hands over
 * without a call per event; 64 views are 4 KiB. */
#define SINSP_BATCH 64

/*
 * A source of a capture that merges several (hosts read back from a bus: scap_state's
 * sources): its name, as scap_evt_source() returns it, and its own interfaces.
 */
struct sinsp_source {
	const char *name;
	const struct scap_ifinfo_ipv4 *ifv4;
	uint32_t nifv4;
	const struct scap_ifinfo_ipv6 *ifv6;
	uint32_t nifv6;
};

struct sinsp {
	scap_t *scap;
	struct hashmap threads;           /* sinsp_thread_key(src, tid) -> struct sinsp_thread * */
	uint32_t cur_src;                 /* source of the current event: index in srcs, 0 when
	                                     the capture has one source (sources.c) */
	struct sinsp_source *srcs;        /* the sources of a capture that merges several */
	uint32_t nsrcs;                   /* entries of srcs; 0: one source */
	struct sinsp_thread *pending_removal; /* thread whose procexit was the last event */
	struct sinsp_fd *closed_fd;       /* fd the last close exit detached; freed before the next event (fdtable.h) */
	struct sinsp_fd *spare_fd;        /* a freed entry, its memory kept for the next open (fdtable.h) */
	uint32_t max_threads;             /* cap of the thread table (SINSP_MAX_THREADS) */
	uint64_t thread_scan_ts;          /* event ts of the last inactive-thread scan */
	uint64_t thread_scan_until;       /* sinsp_thread_age() has no work from thread_scan_ts
	                                     up to this ts (excluded); 0: none known */
	uint64_t threads_dropped;         /* threads not added because the table was full */
	struct hashmap unnamed_parents;   /* ptids set while no thread had that tid (-> s): the
	                                     thread added later with it has children (threads.c) */
	bool children_unsure;             /* unnamed_parents missed one (ENOMEM): exits walk */
	bool unlinked_threads;            /* a thread was added while its process's main thread
	                                     was not in the table: execve walks the table for
	                                     siblings (recomputed at each aging scan) */
	struct hashmap containers;        /* hash of id -> struct sinsp_container_entry * (containers.c) */
	struct sinsp_container **added;   /* entries created from cgroups since the event thread
	                                     last requested their lookups (containers.c; only
	                                     while runtime is set) */
	uint32_t nadded;
	struct sinsp_runtime *runtime;    /* container runtime lookups (runtime/lookup.h); NULL: off */
	atomic_bool runtime_ready;        /* set by the lookup worker: results wait for the event
	                                     thread (runtime/lookup.c) */
	uint64_t container_seq;           /* sinsp_container_changed() calls so far: an entry
	                                     with change_seq above a writer's mark is due */
	/* set by api_state.c while the user has a container callback (sinsp_state.h):
	 * called when an entry is added or its metadata is set or changed */
	void (*container_hook)(struct sinsp *s, const struct sinsp_container *c);
	sinsp_container_changed_fn container_fn; /* the user's callback (api_state.c) */
	void *container_ctx;              /* its context */
	struct hashmap users;             /* uid -> struct sinsp_user * chain (users.c) */
	struct hashmap groups;            /* gid -> struct sinsp_group * chain (users.c) */
	uint32_t nusers, ngroups;         /* entries of users, groups (all containers) */
	const struct scap_ifinfo_ipv4 *ifv4;  /* interfaces of the machine (of the current
	                                         event's source), for fd.is_server */
	uint32_t nifv4;
	const struct scap_ifinfo_ipv6 *ifv6;
	uint32_t nifv6;
	uint64_t nevts;                   /* events read so far */
	bool past_startup;                /* an event other than a container event was read:
	                                     the container events that follow are shown */
	struct sinsp_thread *container_thread; /* the thread a JSON container event is shown
	                                     with (container_json.c), NULL until one is */
	uint64_t first_ts;                /* ts of the first event, for evt.reltime */
	uint32_t max_str_len;
	bool compat_sysdig_0_29;          /* sinsp_open_opts.compat_sysdig_0_29 (sinsp.h) */
	enum sinsp_buffer_format buffer_format; /* sinsp_open_opts.buffer_format */
	enum sinsp_time_output time_output;     /* sinsp_open_opts.time_output */
	struct sinsp_filter *filter;      /* sinsp_set_filter(): matched inside sinsp_next() */
	struct strbuf open_path, open_base; /* scratch of sinsp_parse_open_exit(), reused */
	/* the last cgroups conversion: raw entries -> as kept (sinsp_thread_set_cgroups_memo()) */
	struct strbuf cg_raw, cg_kept;
	bool cg_memo;                     /* cg_raw and cg_kept are set */
	/* kept cgroups that name no container (sinsp_thread_update_container()) */
	struct strbuf cg_host;
	bool cg_host_memo;                /* cg_host is set */
	struct sinsp_evt evt;
	/* events read ahead by scap_next_batch() (sinsp.c): batch[batch_i..batch_n) are
	 * the next ones, their memory valid until the batch is read again */
	uint32_t batch_i, batch_n;
	const char *batch_host;           /* scap_evt_source() of the batch */
	struct scap_evt_ref batch[SINSP_BATCH];
	char errbuf[SCAP_ERRBUF_SIZE];
};

/* Store a message (inspector.c) in s->errbuf and return code (negative errno). */
int sinsp_err(struct sinsp *s, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif /* SINSP_STATE_INSPECTOR_H */

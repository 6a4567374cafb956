/* SPDX-License-Identifier: Apache-2.0 */
/*
 * runtime/lookup.h - asynchronous container metadata lookups: the dispatcher between
 * the event loop and the container runtimes (runtime.h).
 *
 * How it goes:
 *  1. containers.c notes each container the table gains from cgroups (process scan,
 *     clone, execve) in s->added, when lookups are on (s->runtime set).
 *  2. The event thread turns s->added into requests (sinsp_runtime_poll(), at each
 *     sinsp_next()): one per container, to the backend row of its type; rows without
 *     socket (lxc: the name is the id) are answered there at once, without I/O.
 *  3. One worker thread per inspector takes the requests from a bounded queue and
 *     calls the backend with the timeout; a failure or timeout (not "unknown id") is
 *     tried again after a backoff (SINSP_RUNTIME_ATTEMPTS in all); the outcome goes to
 *     a results list and sets s->runtime_ready.
 *  4. The event thread sees s->runtime_ready (one relaxed atomic load per
 *     sinsp_next()), moves each result's metadata into its table entry and calls
 *     sinsp_container_changed() (capture writers then write a container event).
 * The worker never touches the table; the event thread never waits on a socket (except
 * sinsp_runtime_wait() at open, bounded). Events of a container before its answer is
 * applied show <NA> for its metadata.
 *
 * The worker thread exists only while there is work: it ends when the queue is empty
 * and the next request starts a new one (from the event thread: a thread inherits the
 * capabilities of the thread that creates it, so after the caller drops capabilities
 * the workers it starts hold none either).
 */
#ifndef SINSP_RUNTIME_LOOKUP_H
#define SINSP_RUNTIME_LOOKUP_H

#include <stdatomic.h>
#include <stdint.h>

#include "state/inspector.h"

/* Calls to a runtime for one container, first try included. */
#define SINSP_RUNTIME_ATTEMPTS 3
/* Wait before the second try, ms; each later wait is 4 times the one before. */
#define SINSP_RUNTIME_BACKOFF_MS 200
/* Requests queued at most (beyond: counted failed and dropped). */
#define SINSP_RUNTIME_QUEUE_MAX 1024
/* Defaults of sinsp_open_opts.runtime_timeout_ms and runtime_startup_ms. */
#define SINSP_RUNTIME_TIMEOUT_MS 1000
#define SINSP_RUNTIME_STARTUP_MS 2000

/*
 * sinsp_runtime_new() - set up lookups for @s as @opts ask (runtime_lookups, sockets,
 * timeout): s->runtime stays NULL when they are off (a capture file by default).
 * Call after scap_open() (the engine decides the default), before the initial state
 * is loaded. Starts no thread. Return: 0; -EINVAL an unknown runtime name in a socket
 * override; -ENOMEM. Message in s->errbuf.
 */
int sinsp_runtime_new(struct sinsp *s, const struct sinsp_open_opts *opts);

/* sinsp_runtime_free() - stop and join the worker, free requests and results. */
void sinsp_runtime_free(struct sinsp *s);

/* Request the containers of s->added (event thread). */
void sinsp_runtime_request_added(struct sinsp *s);

/* Apply the finished lookups to the table (event thread). */
void sinsp_runtime_apply(struct sinsp *s);

/*
 * sinsp_runtime_wait() - wait until every requested lookup has finished, at most
 * @max_ms, then apply what finished (sinsp_open(): the initial scan's containers).
 */
void sinsp_runtime_wait(struct sinsp *s, uint32_t max_ms);

/* The work of one sinsp_next(): nearly free when there is none. */
static inline void sinsp_runtime_poll(struct sinsp *s)
{
	/* lookups off: no container is noted (note_added()), no worker answers */
	if (__builtin_expect(!s->runtime, 1))
		return;
	if (__builtin_expect(s->nadded != 0, 0))
		sinsp_runtime_request_added(s);
	if (__builtin_expect(atomic_load_explicit(&s->runtime_ready, memory_order_relaxed), 0))
		sinsp_runtime_apply(s);
}

#endif /* SINSP_RUNTIME_LOOKUP_H */

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * sinsp_dump.h - write what the inspector knows as the start of a capture file, so that
 * a file begun in the middle of a capture (rotation, a filtered re-write) replays with
 * the full process, fd, user and container context of its first event.
 *
 * The file itself is libscap's dumper (scry/scap_dump.h); events are appended with
 * scap_dump_event() on sinsp_evt_raw(evt).
 */
#ifndef SINSP_DUMP_H
#define SINSP_DUMP_H

#include <scry/sinsp.h>
#include <scry/scap_dump.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * sinsp_dump_state() - write the inspector's state now as header blocks and events.
 * @s: [in] inspector (its state as of the last event sinsp_next() returned, that event
 *     applied; before the first event, the state the source started from).
 * @d: [in] a dumper that has written nothing but its section header.
 * Writes, in this order: the source's machine info (when it had one), the interface
 * list, the host's users and groups, the process list (every thread the inspector
 * tracks, except placeholders for tids the capture never described), the fd list of
 * every fd table (once per process: threads share their main thread's), then one
 * container event (CONTAINER_JSON_E, timestamp 0, tid -1, as scry has always written
 * the container table) per container with metadata (from a container event of the
 * source or from a container runtime). Containers known only from cgroups get none:
 * the threads' cgroups give their id and type again on replay.
 * A writer that rotates files calls it at the start of every file, so each file
 * replays alone with the container names of its events. Then it sets its mark of
 * sinsp_dump_changed_containers() to sinsp_container_changes(): the state holds them.
 * Return: 0; -ENOMEM; -ENOTSUP @s reads a capture that merges several hosts
 * (scap_state.sources: their thread ids may be equal, a capture holds one host),
 * nothing written (message: sinsp_last_error()); the dumper's write errors (-ENOSPC,
 * -EIO, ...), whose message is in scap_dump_last_error(d).
 * Thread-safety: the thread that reads events from @s, between two sinsp_next().
 */
SINSP_API int sinsp_dump_state(sinsp_t *s, struct scap_dumper *d);

/*
 * sinsp_dump_keep_fn - whether sinsp_dump_state_keep() writes the thread @tid (and the
 * fd table it owns): true writes it. @ctx: the caller's, as given.
 */
typedef bool (*sinsp_dump_keep_fn)(int64_t tid, void *ctx);

/**
 * sinsp_dump_state_keep() - sinsp_dump_state(), but only the threads @keep returns
 * true for (NULL: every thread, as sinsp_dump_state()); an fd table is written with
 * the thread that owns it, so a thread left out takes its fds with it (the threads
 * that share them then have none).
 * Use: a writer that starts a file with state taken after some events it then writes
 * (a window kept in memory) leaves out the threads those events create: a reader
 * creates them from their own clone events, as in the source, rather than meeting a
 * clone of a thread it already has (sysdig 0.29.3 then rebuilds the child from its
 * parent and loses an execve the window held).
 * @s: [in] inspector.  @d: [in] dumper, as for sinsp_dump_state().
 * @keep: [in] called once per tracked thread, from this call only.  @ctx: for @keep.
 * Return: as sinsp_dump_state().
 * Thread-safety: as sinsp_dump_state().
 */
SINSP_API int sinsp_dump_state_keep(sinsp_t *s, struct scap_dumper *d, sinsp_dump_keep_fn keep,
				    void *ctx);

/**
 * sinsp_container_changes() - how many times the inspector learned container metadata
 * from outside the event stream (a live lookup of a container runtime answered: a
 * new container's name, image, labels, pod, or a change of them). Container events
 * read from the source are not counted: they are in the stream already.
 * @s: [in] inspector; NULL gives 0.
 * Return: the count since sinsp_open(); it only grows.
 * Thread-safety: the thread that reads events from @s.
 */
SINSP_API uint64_t sinsp_container_changes(sinsp_t *s);

/**
 * sinsp_dump_changed_containers() - write one container event (CONTAINER_JSON_E,
 * tid -1) for each container whose metadata the inspector learned after the change
 * numbered *@mark (see sinsp_container_changes()), then set *@mark to the current
 * count. A capture writer calls it before each event it writes, with that event's
 * timestamp, so a replay knows the container's name and image from the next event on
 * and timestamps stay in order; a container changed several times since *@mark gets
 * one record (its metadata as of now). Returns at once when nothing changed.
 * @s:     [in] inspector.
 * @d:     [in] dumper, past its header blocks.
 * @mark:  [in,out] the writer's mark: sinsp_container_changes() when the file's state
 *         was written (sinsp_dump_state()), then what the previous call left.
 * @ts_ns: [in] timestamp of the records, ns since the epoch: the event written next.
 * Return: 0 (*@mark updated); -EINVAL a NULL argument; the dumper's write errors
 * (-ENOSPC, -EIO, ...; message in scap_dump_last_error(d)), *@mark then unchanged.
 * Thread-safety: the thread that reads events from @s, between two sinsp_next().
 */
SINSP_API int sinsp_dump_changed_containers(sinsp_t *s, struct scap_dumper *d, uint64_t *mark,
					    uint64_t ts_ns);

/**
 * sinsp_evt_modifies_state() - true when applying @evt changes the inspector's process,
 * fd, user or container state (creates/closes fds, clones, execs, exits, changes
 * credentials or cwd, container and user events): the events a filtered re-write keeps,
 * flagged SCAP_DUMP_FLAG_STATE_ONLY, when the filter rejects them.
 * Thread-safety: pure function of the event.
 */
SINSP_API bool sinsp_evt_modifies_state(const struct sinsp_evt *evt);

#ifdef __cplusplus
}
#endif
#endif /* SINSP_DUMP_H */

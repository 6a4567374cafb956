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
 * container event (CONTAINER_JSON_E, timestamp 0, as sysdig writes its container
 * table) per container whose metadata a container event gave.
 * Return: 0; -ENOMEM; the dumper's write errors (-ENOSPC, -EIO, ...), whose message is
 * in scap_dump_last_error(d).
 * Thread-safety: the thread that reads events from @s, between two sinsp_next().
 */
SINSP_API int sinsp_dump_state(sinsp_t *s, struct scap_dumper *d);

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

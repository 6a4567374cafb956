/* SPDX-License-Identifier: Apache-2.0 */
/*
 * scap_dump.h - the dumper: writes scap capture files (the pcapng-based block format
 * that sysdig 0.29.3 and Falco read), plain or gzip.
 *
 * A file is: a section header (written by scap_dump_open()), then the header blocks
 * describing the state the events start from (machine info, interface list, user
 * list, process list, one fd list per process: scap_dump_state() or the single-block
 * calls below, in that order), then event blocks (scap_dump_event()).
 *
 * Block versions written, chosen so that both sysdig 0.29.3 and current Falco read
 * them: section header 1.2, machine info (boot time and flags in the first two
 * reserved words), interface list V2 (0x219), user list V2 (0x220), process list V9
 * (0x215), fd list V2 (0x218), events as EV_V2 (0x216) or, with flags, EVF_V2
 * (0x217). A process list entry ends with the tail of the libs writers before 0.10
 * (loginuid, exe_writable, capability sets: sysdig 0.29.3 reads its loginuid right)
 * unless the thread has fields only the later tail holds (pidns_init_start_ts, tty,
 * executable inode/times, exe_upper_layer, exe_from_memfd): then it gets that tail, as
 * current Falco writes it. Readers tell the two apart by the entry's length.
 *
 * Durability: blocks are assembled in a buffer and handed to the file whole, so a
 * writer that dies (SIGKILL) leaves a file that ends at most in one cut block: the
 * readers replay every complete event before it and report the truncation. A gzip
 * file is a series of gzip members, one per buffer handed over, each holding whole
 * blocks: a file cut between members replays to a clean end. When a write fails (disk
 * full, I/O error) the file is cut back to the last complete block (plain) or member
 * (gzip), so what was written stays a valid capture; the error is then sticky. With
 * compressing threads (gzip, opts.buffer_bytes) the error is returned by the call
 * that next hands a full buffer over, or by scap_dump_flush()/scap_dump_close().
 *
 * Conventions: as in scap.h (0 or a negative errno, message in scap_dump_last_error(),
 * opts structs with sz first, declared with SCAP_OPTS()). One thread at a time calls
 * a dumper; its compressing threads block every signal.
 */
#ifndef SCAP_DUMP_H
#define SCAP_DUMP_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

#include <scry/scap.h>

#ifdef __cplusplus
extern "C" {
#endif

struct scap_dumper;

/* Event flag stored in EVF blocks: the event is kept for state only (sysdig's
 * "fat file" flag). Readers apply it to their state and do not show it. */
#define SCAP_DUMP_FLAG_STATE_ONLY 1u

enum scap_dump_compression {
	SCAP_DUMP_PLAIN = 0,   /* uncompressed blocks */
	SCAP_DUMP_GZIP = 1,    /* gzip members, which gzread() and sysdig -r read as one
	                          stream (sysdig -z writes one member) */
};

/* Options of scap_dump_open(). */
struct scap_dump_opts {
	size_t sz;                 /* sizeof(struct scap_dump_opts) */
	const char *path;          /* file to create or truncate; "-" is standard output */
	enum scap_dump_compression compression;
	int gzip_level;            /* libdeflate's 1 (fastest) .. 9 (smallest); 0: 1 */
	/*
	 * Bytes of each buffer parameter kept (SCAP_PT_BYTEBUF: the data of read, write,
	 * send, ...); longer ones are cut and their length rewritten. 0: kept whole.
	 */
	uint32_t snaplen;
	/*
	 * Bytes assembled before they are handed to the file (with gzip: one member);
	 * 0: 256 KiB. With gzip and 128 KiB or more, worker threads (one per usable CPU,
	 * at most 4, started at the first full buffer) compress the full buffers side by
	 * side and write them in order while the caller's thread fills the next one (up
	 * to 4 full buffers in flight); what scap_dump_flush() and scap_dump_close() hand
	 * over the caller's thread compresses, as it waits for it anyway.
	 * Otherwise the caller's thread compresses and writes each buffer when it is full.
	 * Smaller buffers lose less when the writer is killed.
	 */
	uint32_t buffer_bytes;
	/*
	 * Write every event for sysdig 0.29.3 (for live captures; off for re-writes of a
	 * capture file, whose events must stay as they are): an event of a type newer
	 * than 0.29.3's table (>= 336), which 0.29.3 would skip without a word, is written
	 * as the event 0.29.3's own driver writes for that syscall: an older version of
	 * it (dup2/dup3 as dup, pipe2 as pipe, eventfd2 as eventfd, signalfd4 as signalfd,
	 * inotify_init1 as inotify_init, umount2 as umount, accept4 as its version 5, bpf
	 * as its version 1; parameters the older version lacks are dropped, those it has
	 * and ours do not are 0) or the generic syscall event (chown family, prctl,
	 * capset, memfd_create, init_module, finit_module, io_uring_setup, ...). The
	 * mapping is the schema's scap_evt_compat_0293 (driver/abi/event_table_compat.h).
	 * ts, tid, cpu and the event flags are kept; snaplen applies to the result.
	 * Newer types with no syscall form (user/group events, asyncevent) are written
	 * as they are.
	 */
	bool compat_0293;
};
#define scap_dump_opts__last_field compat_0293

/* What a dumper has written so far (scap_dump_get_stats()). */
struct scap_dump_stats {
	size_t sz;                 /* sizeof(struct scap_dump_stats), set by the caller */
	uint64_t bytes;            /* bytes of blocks accepted (uncompressed), buffered included */
	uint64_t file_bytes;       /* bytes handed to the file: compressed size for gzip,
	                              buffered data not included */
	uint64_t events;           /* event blocks accepted */
	uint64_t events_truncated; /* events whose buffers snaplen cut */
	uint64_t events_compat;    /* events written in their 0.29.3 form (opts.compat_0293) */
};

/**
 * scap_dump_open() - create a capture file and write its section header.
 * @opts:   [in] options (SCAP_OPTS(scap_dump_opts, o, .path = "out.scap")); not kept.
 * @out:    [out] the dumper, NULL on failure.
 * @errbuf: [out] SCAP_ERRBUF_SIZE bytes for the message on failure; may be NULL.
 * The file is created with mode 0666 & ~umask, or truncated when it exists.
 * Return: 0; -EINVAL bad opts (no path, unknown compression, level outside 0..9,
 * non-zero bytes past the fields this library knows); -ENOENT/-EACCES/-EISDIR/...
 * (errno of open(2)); -ENOSPC/-EIO writing the header; -ENOMEM.
 * Thread-safety: any thread; the dumper is then used by one thread at a time.
 */
SCAP_API int scap_dump_open(const struct scap_dump_opts *opts, struct scap_dumper **out,
			    char *errbuf);

/**
 * scap_dump_state() - write the header blocks of a whole state: machine info (when
 * st->machine is set), interface list, user list, process list and, for every thread
 * with fds, its fd list.
 * @d:  [in] dumper.  @st: [in] state (e.g. from scap_get_state()); not kept.
 * Strings longer than the format allows are cut (names at 65535 bytes, hostnames at
 * 127). fds of types SCAP_FD_UNKNOWN and SCAP_FD_UNINITIALIZED are left out, as the
 * peers do; fds of types newer than sysdig 0.29.3 reads (after SCAP_FD_FILE_V2: bpf,
 * userfaultfd, io_uring, memfd, pidfd) are written as SCAP_FD_UNSUPPORTED with their name.
 * Return: 0; the errors of the block calls below.
 */
SCAP_API int scap_dump_state(struct scap_dumper *d, const struct scap_state *st);

/**
 * scap_dump_machine() - write a machine info block.
 * @d: [in] dumper.  @mi: [in] machine; hostname cut at 127 bytes.
 * Return: 0; -EINVAL d or mi NULL; -ENOMEM; -ENOSPC/-EIO (and any write errno) when
 * handing data to the file failed; after a write error every call returns it again.
 */
SCAP_API int scap_dump_machine(struct scap_dumper *d, const struct scap_machine_info *mi);

/**
 * scap_dump_iflist() - write an interface list block (V2).
 * @v4: [in] n4 IPv4 entries.  @v6: [in] n6 IPv6 entries (arrays may be NULL when
 * their count is 0). Entries are written with their link speed (types 1 and 2).
 * Return: as scap_dump_machine().
 */
SCAP_API int scap_dump_iflist(struct scap_dumper *d, const struct scap_ifinfo_ipv4 *v4,
			      uint32_t n4, const struct scap_ifinfo_ipv6 *v6, uint32_t n6);

/**
 * scap_dump_userlist() - write a user list block (V2): @nu users then @ng groups.
 * Return: as scap_dump_machine().
 */
SCAP_API int scap_dump_userlist(struct scap_dumper *d, const struct scap_userinfo *users,
				uint32_t nu, const struct scap_groupinfo *groups, uint32_t ng);

/**
 * scap_dump_proclist_begin() - start a process list block (V9); add its threads with
 * scap_dump_proclist_add() and end it with scap_dump_proclist_end(). No other block
 * may be written in between.
 * Return: 0; -EINVAL a process list is already open; as scap_dump_machine().
 */
SCAP_API int scap_dump_proclist_begin(struct scap_dumper *d);

/**
 * scap_dump_proclist_add() - add one thread to the open process list. Its fds are not
 * written here (scap_dump_fdlist(), after the process list).
 * @t: [in] thread; args, env and cgroups are the NUL-separated blobs of args_len,
 *     env_len and cgroups_len bytes; not kept.
 * Return: 0; -EINVAL no process list is open; -ENOMEM.
 */
SCAP_API int scap_dump_proclist_add(struct scap_dumper *d, const struct scap_threadinfo *t);

/** scap_dump_proclist_end() - close the process list block. Return: as scap_dump_machine(). */
SCAP_API int scap_dump_proclist_end(struct scap_dumper *d);

/**
 * scap_dump_fdlist() - write the fd list block (V2) of thread @tid.
 * @fds: [in] n entries; entries of types UNKNOWN/UNINITIALIZED are skipped.
 * Return: as scap_dump_machine().
 */
SCAP_API int scap_dump_fdlist(struct scap_dumper *d, uint64_t tid, const struct scap_fdinfo *fds,
			      uint32_t n);

/**
 * scap_dump_event() - append one event.
 * @d:     [in] dumper.
 * @evt:   [in] the event: evt->raw (evt->len bytes, 26-byte header, as scap_next()
 *         returns it), evt->type, evt->nparams and evt->cpu are used; not kept.
 * @flags: [in] event flags; 0 writes an EV_V2 block, non-zero an EVF_V2 block with
 *         them (SCAP_DUMP_FLAG_STATE_ONLY: the readers apply the event to their state
 *         and do not show it).
 * With opts.compat_0293, an event of a type newer than sysdig 0.29.3 knows is stored
 * in its 0.29.3 form (see the option). With opts.snaplen, buffer parameters longer than
 * it are cut (the stored record is then shorter than evt->len).
 * Return: 0; -EINVAL d/evt/evt->raw NULL, evt->len below the 26-byte header or unlike
 * the header's own length, or parameter lengths that overrun the record (snaplen
 * or a 0.29.3 form only); -ENOMEM; as scap_dump_machine() for write errors.
 */
SCAP_API int scap_dump_event(struct scap_dumper *d, const struct scap_evt_ref *evt,
			     uint32_t flags);

/**
 * scap_dump_flush() - hand everything buffered to the file and wait until it is
 * there (for gzip, as a whole member: the file so far decompresses on its own).
 * Return: 0; the write errors of scap_dump_machine().
 */
SCAP_API int scap_dump_flush(struct scap_dumper *d);

/**
 * scap_dump_get_stats() - bytes and events written so far.
 * @out: [out] set out->sz first; fields beyond it are not written.
 * With gzip compressing threads, file_bytes waits for them to finish what was handed
 * over; a caller that sets out->sz to offsetofend(struct scap_dump_stats, bytes) gets
 * bytes alone, at once (a check per event).
 * Return: 0; -EINVAL d/out NULL or out->sz too small.
 */
SCAP_API int scap_dump_get_stats(struct scap_dumper *d, struct scap_dump_stats *out);

/** scap_dump_last_error() - message of the last error on @d ("" when none); owned by @d. */
SCAP_API const char *scap_dump_last_error(struct scap_dumper *d);

/**
 * scap_dump_close() - flush, end the compressing threads, close the file and free @d.
 * @d: [in] dumper; NULL is ignored (returns 0). Always freed.
 * @errbuf: [out] SCAP_ERRBUF_SIZE bytes for the message when the final write or
 *          close(2) failed (or an earlier write error); may be NULL.
 * Return: 0; the sticky write error, or the errno of the final write/close.
 */
SCAP_API int scap_dump_close(struct scap_dumper *d, char *errbuf);

#ifdef __cplusplus
}
#endif
#endif /* SCAP_DUMP_H */

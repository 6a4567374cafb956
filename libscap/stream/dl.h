/* SPDX-License-Identifier: Apache-2.0 */
/*
 * dl.h - a bus client library (libnats, librdkafka) opened with dlopen() the first time
 * a transport connects (nats_dl.h, kafka_dl.h).
 *
 * Linked, the two libraries and those they need (OpenSSL, SASL, zstd, lz4) were loaded
 * and relocated by every process that links scap_stream, the scry CLI's every run
 * included: ~5 ms of CPU time at each start (scry --version 9.9 ms, a program linking
 * only librdkafka 6.1 ms, only libnats 3.9 ms, against 0.7 ms for libc alone: perf stat
 * -r 40 on a 2-core VM), while most runs never publish or read a bus.
 */
#ifndef SCAP_STREAM_DL_H
#define SCAP_STREAM_DL_H

#include <stdbool.h>
#include <stddef.h>

/* One library: what to open, the functions to resolve into @slots, and the result. */
struct stream_dl {
	const char *soname;          /* e.g. "librdkafka.so.1" */
	const char *package;         /* Debian package that installs it, for the message */
	const char *const *names;    /* n symbol names */
	void **const *slots;         /* n places for their addresses */
	size_t n;
	bool done;                   /* tried (under dl.c's lock) */
	int rc;                      /* then: 0 loaded, -ENOENT not */
	char msg[256];               /* why not */
};

/*
 * stream_dl_open - load @d's library and resolve every name on the first call of the
 * process; later calls return the first's result. The library is never unloaded (the
 * clients keep threads and global state).
 * @err: [out] STREAM_ERR_SIZE bytes (transport.h) for the message on failure, or NULL.
 * Return: 0; -ENOENT the library cannot be opened or lacks a function (the message
 * names it and the package to install).
 * Thread-safety: any thread (a process-wide lock).
 */
int stream_dl_open(struct stream_dl *d, char *err);

#endif /* SCAP_STREAM_DL_H */

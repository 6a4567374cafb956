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

/* One library: what to open, the functions to resolve into @table, and the result. */
struct stream_dl {
	const char *soname;          /* e.g. "librdkafka.so.1" */
	const char *package;         /* Debian package that installs it, for the message */
	const char *const *names;    /* n symbol names, in the order of the table's members */
	void **table;                /* a struct of n function pointers (STREAM_DL_TABLE),
	                                filled member by member (POSIX: a function pointer
	                                and void * have one representation, as dlsym() needs) */
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

/*
 * The table of a library's functions, from an X-macro list of them (FUNCS(X): X(name)
 * for each): in the header, STREAM_DL_TABLE(FUNCS, table) declares `struct table` with
 * a member of each function's own pointer type, named as the function; in one .c file,
 * STREAM_DL_LIBRARY(FUNCS, table, SONAME, PACKAGE, load) defines the table `table` and
 * `int load(char *err)`, which opens SONAME (installed by the Debian package PACKAGE)
 * and fills the table at its first call (stream_dl_open()).
 */
#define STREAM_DL_POINTER_(f) __typeof__(f) *f;
#define STREAM_DL_NAME_(f) #f,
#define STREAM_DL_TABLE(funcs, tab) \
	struct tab { \
		funcs(STREAM_DL_POINTER_) \
	}; \
	extern struct tab tab
#define STREAM_DL_LIBRARY(funcs, tab, soname_, package_, load) \
	struct tab tab; \
	static const char *const tab##_names[] = { funcs(STREAM_DL_NAME_) }; \
	_Static_assert(sizeof(struct tab) == \
		       sizeof(tab##_names) / sizeof(tab##_names[0]) * sizeof(void *), \
		       "a name for each member, and nothing but function pointers"); \
	static struct stream_dl tab##_lib = { \
		.soname = soname_, \
		.package = package_, \
		.names = tab##_names, \
		.table = (void **)&tab, \
		.n = sizeof(tab##_names) / sizeof(tab##_names[0]), \
	}; \
	int load(char *err) \
	{ \
		return stream_dl_open(&tab##_lib, err); \
	}

#endif /* SCAP_STREAM_DL_H */

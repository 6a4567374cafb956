/* SPDX-License-Identifier: Apache-2.0 */
/*
 * scry_dl.h - a client library opened with dlopen() the first time it is needed, its
 * functions resolved into a table: the bus clients of scap_stream (libnats, librdkafka:
 * libscap/stream/nats_dl.h, kafka_dl.h) and libsinsp's libcurl (runtime/curl.c).
 *
 * One source for both libraries, and internal to each: everything here is static
 * (inline), so each library compiles its own copy, exports nothing and, linked
 * statically together, defines no symbol twice. Include it as <libscap/shared/scry_dl.h>.
 *
 * Why dlopen(): linked, these libraries and those they need (OpenSSL, SASL, zstd, lz4,
 * Kerberos, LDAP, ...) are loaded and relocated by every process that links scap_stream
 * or libsinsp, the scry CLI's every run included: ~5 ms of CPU time a start for the two
 * bus clients (scry --version 9.9 ms, a program linking only librdkafka 6.1 ms, only
 * libnats 3.9 ms, against 0.7 ms for libc alone: perf stat -r 40 on a 2-core VM), about
 * 10 ms for libcurl, while most runs never publish, read a bus or ask a runtime.
 */
#ifndef SCRY_SHARED_DL_H
#define SCRY_SHARED_DL_H

#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* One library: what to open, the functions to resolve into @table, and the result. */
struct scry_dl {
	const char *soname;          /* e.g. "librdkafka.so.1" */
	const char *package;         /* Debian package that installs it, for the message */
	const char *const *names;    /* n symbol names, in the order of the table's members */
	void **table;                /* a struct of n function pointers (SCRY_DL_TABLE),
	                                filled member by member (POSIX: a function pointer
	                                and void * have one representation, as dlsym() needs) */
	size_t n;
	pthread_mutex_t lock;        /* PTHREAD_MUTEX_INITIALIZER: guards what follows */
	bool done;                   /* tried */
	int rc;                      /* then: 0 loaded, -ENOENT not */
	char msg[256];               /* why not */
};

/* Open @d's library and resolve its names; the outcome in d->rc and d->msg. */
static inline void scry_dl_load_(struct scry_dl *d)
{
	void *lib = dlopen(d->soname, RTLD_NOW | RTLD_LOCAL);

	d->rc = -ENOENT;
	if (!lib) {
		snprintf(d->msg, sizeof(d->msg), "%s (install the package %s)", dlerror(),
			 d->package);
		return;
	}
	for (size_t i = 0; i < d->n; i++) {
		if (!(d->table[i] = dlsym(lib, d->names[i]))) {
			snprintf(d->msg, sizeof(d->msg), "%s has no %s (a newer %s is needed)",
				 d->soname, d->names[i], d->package);
			dlclose(lib);
			return;
		}
	}
	d->rc = 0;
}

/*
 * scry_dl_open - load @d's library and resolve every name on the first call of the
 * process; later calls return the first's result. The library is never unloaded (the
 * clients keep threads and global state).
 * @err: [out] @errlen bytes for the message on failure, or NULL.
 * Return: 0; -ENOENT the library cannot be opened or lacks a function (the message
 * names it and the package to install).
 * Thread-safety: any thread (d->lock).
 */
static inline int scry_dl_open(struct scry_dl *d, char *err, size_t errlen)
{
	int rc;

	pthread_mutex_lock(&d->lock);
	if (!d->done) {
		scry_dl_load_(d);
		d->done = true;
	}
	rc = d->rc;
	pthread_mutex_unlock(&d->lock);
	if (rc && err && errlen)
		snprintf(err, errlen, "%s", d->msg);
	return rc;
}

/*
 * The table of a library's functions, from an X-macro list of them (FUNCS(X): X(name)
 * for each): in the header, SCRY_DL_TABLE(FUNCS, table) declares `struct table` with a
 * member of each function's own pointer type, named as the function; in one .c file,
 * SCRY_DL_LIBRARY(FUNCS, table, SONAME, PACKAGE, load, ERRLEN) defines the table `table`
 * and `int load(char *err)` (@err: ERRLEN bytes or NULL), which opens SONAME (installed
 * by the Debian package PACKAGE) and fills the table at its first call (scry_dl_open()).
 */
#define SCRY_DL_POINTER_(f) __typeof__(f) *f;
#define SCRY_DL_NAME_(f) #f,
#define SCRY_DL_TABLE(funcs, tab) \
	struct tab { \
		funcs(SCRY_DL_POINTER_) \
	}; \
	extern struct tab tab
#define SCRY_DL_LIBRARY(funcs, tab, soname_, package_, load, errlen) \
	struct tab tab; \
	static const char *const tab##_names[] = { funcs(SCRY_DL_NAME_) }; \
	_Static_assert(sizeof(struct tab) == \
		       sizeof(tab##_names) / sizeof(tab##_names[0]) * sizeof(void *), \
		       "a name for each member, and nothing but function pointers"); \
	static struct scry_dl tab##_lib = { \
		.soname = soname_, \
		.package = package_, \
		.names = tab##_names, \
		.table = (void **)&tab, \
		.n = sizeof(tab##_names) / sizeof(tab##_names[0]), \
		.lock = PTHREAD_MUTEX_INITIALIZER, \
	}; \
	int load(char *err) \
	{ \
		return scry_dl_open(&tab##_lib, err, (errlen)); \
	}

#endif /* SCRY_SHARED_DL_H */

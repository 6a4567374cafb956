/* SPDX-License-Identifier: Apache-2.0 */
/*
 * runtime/curl.h - libcurl for the runtime backends (docker.c, grpc.c), opened with
 * dlopen() the first time a lookup needs it.
 *
 * Linked, libcurl and the ~30 libraries it needs (TLS, Kerberos, LDAP, ...; Debian
 * builds them all BIND_NOW) are loaded and relocated by every process that links
 * libsinsp: about 10 ms of CPU time per run on a 2-core VM, a tenth of what a replay
 * of a million events costs, while only live captures that meet a container ever call
 * it. <curl/curl.h> still gives the prototypes: each pointer has the type of the
 * function it stands for. The members drop the "curl_" prefix: curl_easy_setopt and
 * curl_easy_getinfo are function-like macros of libcurl's type checks under GCC.
 */
#ifndef SINSP_RUNTIME_CURL_H
#define SINSP_RUNTIME_CURL_H

#include <stddef.h>

#include <curl/curl.h>

/* The SONAME of libcurl's ABI 4 (every libcurl since 7.16), package libcurl4 on Debian. */
#define SINSP_CURL_SONAME "libcurl.so.4"

#define SINSP_CURL_FUNCS(X)						\
	X(global_init) X(easy_init) X(easy_cleanup) X(easy_setopt)	\
	X(easy_perform) X(easy_getinfo) X(easy_strerror)		\
	X(slist_append) X(slist_free_all)

#define SINSP_CURL_POINTER(f) __typeof__(curl_##f) *f;
/* The libcurl functions the backends call: .easy_setopt is curl_easy_setopt, ... */
struct sinsp_curl {
	SINSP_CURL_FUNCS(SINSP_CURL_POINTER)
};
#undef SINSP_CURL_POINTER

/**
 * sinsp_curl_open - libcurl, loaded and globally initialized (CURL_GLOBAL_DEFAULT) on
 * the first call of the process; later calls return the same table or the same error.
 * @err: [out] @errlen bytes for a message when it fails (NUL terminated).
 * Return: the function table, valid for the life of the process (the library is never
 * unloaded: libcurl's global state outlives any caller), or NULL when libcurl cannot be
 * loaded, lacks one of the functions, or curl_global_init() fails.
 * Thread-safety: any thread, any number of times (pthread_once).
 */
const struct sinsp_curl *sinsp_curl_open(char *err, size_t errlen);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * runtime/curl.c - libcurl through dlopen(): see curl.h for why. The loader is the
 * one scap_stream's bus clients use (<libscap/shared/scry_dl.h>).
 */
#include <pthread.h>
#include <stdio.h>

#include <libscap/shared/scry_dl.h>

#include "runtime/curl.h"

#define SINSP_CURL_NAME(f) "curl_" #f,
static const char *const curl_names[] = { SINSP_CURL_FUNCS(SINSP_CURL_NAME) };
#undef SINSP_CURL_NAME
_Static_assert(sizeof(struct sinsp_curl) == sizeof(curl_names) / sizeof(curl_names[0]) *
	       sizeof(void *), "a name for each member, and nothing but function pointers");

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static struct sinsp_curl curl_fns;
static struct scry_dl curl_lib = {
	.soname = SINSP_CURL_SONAME,
	.package = "libcurl4",
	.names = curl_names,
	.table = (void **)&curl_fns,
	.n = sizeof(curl_names) / sizeof(curl_names[0]),
	.lock = PTHREAD_MUTEX_INITIALIZER,
};
static const struct sinsp_curl *curl_ok; /* &curl_fns once loaded and initialized */
static char curl_msg[sizeof(curl_lib.msg) + 16]; /* why it is not, otherwise */

/* Load, resolve, initialize: once per process (curl_global_init() is not thread-safe in
 * every libcurl). Never unloaded. */
static void curl_load(void)
{
	char why[sizeof(curl_lib.msg)];
	CURLcode rc;

	if (scry_dl_open(&curl_lib, why, sizeof(why))) {
		snprintf(curl_msg, sizeof(curl_msg), "libcurl: %s", why);
		return;
	}
	rc = curl_fns.global_init(CURL_GLOBAL_DEFAULT);
	if (rc != CURLE_OK) {
		/* the library stays: curl_easy_strerror() gave this message */
		snprintf(curl_msg, sizeof(curl_msg), "libcurl: curl_global_init: %s",
			 curl_fns.easy_strerror(rc));
		return;
	}
	curl_ok = &curl_fns;
}

const struct sinsp_curl *sinsp_curl_open(char *err, size_t errlen)
{
	pthread_once(&curl_once, curl_load);
	if (!curl_ok && err && errlen)
		snprintf(err, errlen, "%s", curl_msg);
	return curl_ok;
}

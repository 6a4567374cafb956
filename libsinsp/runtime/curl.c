/* SPDX-License-Identifier: Apache-2.0 */
/*
 * runtime/curl.c - libcurl through dlopen(): see curl.h for why.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

#include "runtime/curl.h"

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static struct sinsp_curl curl_fns;
static const struct sinsp_curl *curl_ok; /* &curl_fns once loaded and initialized */
static char curl_msg[256];               /* why it is not, otherwise */

/* Load, resolve, initialize: once per process (curl_global_init() is not thread-safe in
 * every libcurl). Never unloaded. */
static void curl_load(void)
{
	void *lib = dlopen(SINSP_CURL_SONAME, RTLD_NOW | RTLD_LOCAL);
	CURLcode rc;

	if (!lib) {
		snprintf(curl_msg, sizeof(curl_msg), "libcurl: %s (install the package libcurl4)",
			 dlerror());
		return;
	}
#define SINSP_CURL_RESOLVE(f)						\
	if (!(*(void **)&curl_fns.f = dlsym(lib, "curl_" #f))) {	\
		snprintf(curl_msg, sizeof(curl_msg), "libcurl: %s has no curl_%s",	\
			 SINSP_CURL_SONAME, #f);				\
		dlclose(lib);							\
		return;								\
	}
	SINSP_CURL_FUNCS(SINSP_CURL_RESOLVE)
#undef SINSP_CURL_RESOLVE
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

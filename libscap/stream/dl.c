/* SPDX-License-Identifier: Apache-2.0 */
/*
 * dl.c - bus client libraries opened at first use (dl.h).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>

#include "dl.h"
#include "transport.h"

static void dl_load(struct stream_dl *d)
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

int stream_dl_open(struct stream_dl *d, char *err)
{
	static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
	int rc;

	pthread_mutex_lock(&lock);
	if (!d->done) {
		dl_load(d);
		d->done = true;
	}
	rc = d->rc;
	pthread_mutex_unlock(&lock);
	if (rc && err)
		snprintf(err, STREAM_ERR_SIZE, "%s", d->msg);
	return rc;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * replay_open.c - open a capture file, standard input or a bus for reading (see
 * replay_open.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <scry/scap.h>
#ifdef SCRY_HAVE_SCAP_STREAM
#include <scry/scap_stream.h>
#endif

#include "caps.h"
#include "publish.h"
#include "replay_open.h"

/* Whether @path is named as a rules file is (.yaml, .yml). */
static bool rules_name(const char *path)
{
	size_t n = strlen(path);

	return (n > 5 && !strcmp(path + n - 5, ".yaml")) || (n > 4 && !strcmp(path + n - 4, ".yml"));
}

/* The bus reader's warnings and errors on stderr (a host it cannot tell from a misspelt
 * one, ...); its other messages are not for the user. */
static void bus_log(enum scap_log_level level, const char *msg, void *ctx)
{
	(void)ctx;
	if (level <= SCAP_LOG_WARN)
		fprintf(stderr, "scry: %s\n", msg);
}

int scry_replay_open(const char *path, int keep_cap, struct sinsp_open_opts *o, sinsp_t **out)
{
	char errbuf[SCAP_ERRBUF_SIZE] = "";
	bool bus = scry_publish_is(path), in = !strcmp(path, "-");
	int fd = -1, rc;

	if (!bus && !in) {
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			fprintf(stderr, "scry: %s: %s\n", path, strerror(errno));
			return 1;
		}
	}
	rc = scry_drop_capabilities(keep_cap);
	if (rc) {
		fprintf(stderr, "scry: cannot drop capabilities: %s\n", strerror(-rc));
		if (fd >= 0)
			close(fd);
		return 1;
	}
	SCAP_OPTS(scap_open_opts, so, .engine = "savefile", .path = path, .has_fd = fd >= 0,
		  .fd = fd);
	if (bus) {
#ifdef SCRY_HAVE_SCAP_STREAM
		so.engine = NULL;
		so.engine_impl = scap_stream_engine();
		so.log_fn = bus_log;
#else
		fprintf(stderr, "scry: %s: this scry is built without scap_stream\n", path);
		return 1;
#endif
	}
	o->scap = &so;
	rc = sinsp_open(o, out, errbuf);
	o->scap = NULL;
	if (fd >= 0)
		close(fd); /* the handle reads a copy of it */
	if (rc) {
		fprintf(stderr, "scry: %s\n", errbuf); /* the message names the file */
		if (!bus && !in && rc == -EPROTO && rules_name(path))
			/* Falco's -r is its rules file; scry's -r, as sysdig's, a capture */
			fprintf(stderr, "scry: %s looks like a rules file: --rules %s (Falco's -r "
				"is scry's --rules; scry's -r, as sysdig's, reads a capture)\n",
				path, path);
		return 1;
	}
	return 0;
}

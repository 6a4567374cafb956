/* SPDX-License-Identifier: Apache-2.0 */
/*
 * registry.c - transports by scheme, subjects and message ids (registry.h).
 * SCAP_STREAM_HAVE_NATS / SCAP_STREAM_HAVE_KAFKA are set by CMakeLists.txt when the
 * transport's library was found and its file is built.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "registry.h"

static const struct stream_transport_ops *const transports[] = {
#ifdef SCAP_STREAM_HAVE_NATS
	&stream_transport_nats,
#endif
#ifdef SCAP_STREAM_HAVE_KAFKA
	&stream_transport_kafka,
#endif
	NULL
};

const struct stream_transport_ops *stream_transport_find(const char *scheme)
{
	for (size_t i = 0; scheme && transports[i]; i++)
		if (!strcmp(transports[i]->scheme, scheme))
			return transports[i];
	return NULL;
}

int stream_transport_get(const char *scheme, const struct stream_transport_ops **out,
			 char *err)
{
	const struct stream_transport_ops *t = stream_transport_find(scheme);

	if (!t) {
		snprintf(err, STREAM_ERR_SIZE, "%.60s: no such bus in this build (built: %s)",
			 scheme ? scheme : "", stream_transport_list());
		return -ENOTSUP;
	}
	if (t->load && t->load(err))
		return -ENOENT;
	*out = t;
	return 0;
}

const char *stream_transport_list(void)
{
#if defined(SCAP_STREAM_HAVE_NATS) && defined(SCAP_STREAM_HAVE_KAFKA)
	return "nats, kafka";
#elif defined(SCAP_STREAM_HAVE_NATS)
	return "nats";
#elif defined(SCAP_STREAM_HAVE_KAFKA)
	return "kafka";
#else
	return "none";
#endif
}

int stream_subject(char *buf, size_t size, const char *name, const char *kind,
		   const char *host)
{
	int n = snprintf(buf, size, "%s.%s.", name, kind);
	size_t hl = strlen(host);

	if (n < 0 || (size_t)n + hl + 1 > size)
		return -ENAMETOOLONG;
	for (size_t i = 0; i < hl; i++)
		buf[n + i] = strchr(".*> \t\r\n", host[i]) ? '_' : host[i];
	buf[n + hl] = '\0';
	return 0;
}

int stream_msg_id(char *buf, size_t size, const char *host, const char *kind, uint64_t seq)
{
	int n = snprintf(buf, size, "%s/%s/%" PRIu64, host, kind, seq);

	return n < 0 || (size_t)n >= size ? -ENAMETOOLONG : 0;
}

bool stream_msg_id_of(const char *id, const char *host)
{
	size_t n = strlen(host);

	return id && !strncmp(id, host, n) && id[n] == '/';
}

int stream_msg_id_seq(const char *id, uint64_t *seq)
{
	const char *slash = id ? strrchr(id, '/') : NULL;
	char *end;

	if (!slash || !slash[1] || slash[1] < '0' || slash[1] > '9')
		return -EPROTO;
	errno = 0;
	*seq = strtoull(slash + 1, &end, 10);
	return errno || *end ? -EPROTO : 0;
}

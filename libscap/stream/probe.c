/* SPDX-License-Identifier: Apache-2.0 */
/*
 * probe.c - why the servers of a bus URL do not answer (probe.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "probe.h"

#define PROBE_TIMEOUT_MS 2000   /* a connect() without an outcome by then: no answer */
#define PROBE_AGAIN_MS 5000     /* a server's outcome is renewed after this */

static uint64_t mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

int stream_probe_init(struct stream_probe *p, const char *servers, int default_port)
{
	const char *t = servers, *comma;

	memset(p, 0, sizeof(*p));
	for (; t && *t; t = comma ? comma + 1 : NULL) {
		size_t len;

		comma = strchr(t, ',');
		len = comma ? (size_t)(comma - t) : strlen(t);
		if (strstr(t, "://") && (!comma || strstr(t, "://") < comma)) {
			/* nats://h:p: the address after the scheme */
			len -= (size_t)(strstr(t, "://") + 3 - t);
			t = strstr(t, "://") + 3;
		}
		if (!len)
			continue;
		if (p->n == PROBE_MAX_SERVERS)
			return -EINVAL;
		if (memchr(t, ':', len))
			snprintf(p->s[p->n].addr, sizeof(p->s[p->n].addr), "%.*s", (int)len, t);
		else
			snprintf(p->s[p->n].addr, sizeof(p->s[p->n].addr), "%.*s:%d", (int)len, t,
				 default_port);
		p->s[p->n].fd = -1;
		p->n++;
	}
	return 0;
}

/* Start a non-blocking connect() to server @i; an immediate outcome is kept. */
static void probe_start(struct stream_probe *p, int i)
{
	struct addrinfo hints = { .ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM }, *ai = NULL;
	char host[128], *colon;
	int rc, fd;

	/* "h:p", "[v6]:p" */
	snprintf(host, sizeof(host), "%s", p->s[i].addr[0] == '[' ? p->s[i].addr + 1 :
		 p->s[i].addr);
	colon = strrchr(host, ':');
	*colon = '\0';
	if (colon > host && colon[-1] == ']')
		colon[-1] = '\0';
	p->s[i].since_ns = mono_ns();
	rc = getaddrinfo(host, colon + 1, &hints, &ai);
	if (rc) {
		snprintf(p->s[i].outcome, sizeof(p->s[i].outcome), "%s", gai_strerror(rc));
		return;
	}
	fd = socket(ai->ai_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		snprintf(p->s[i].outcome, sizeof(p->s[i].outcome), "socket: %s", strerror(errno));
	} else if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0) {
		snprintf(p->s[i].outcome, sizeof(p->s[i].outcome), "TCP connects, the "
			 "handshake fails");
		close(fd);
	} else if (errno == EINPROGRESS) {
		p->s[i].fd = fd;
	} else {
		snprintf(p->s[i].outcome, sizeof(p->s[i].outcome), "%s", strerror(errno));
		close(fd);
	}
	freeaddrinfo(ai);
}

/* The outcome of server @i's connect() in progress, when there is one by now. */
static void probe_check(struct stream_probe *p, int i, uint64_t now)
{
	struct pollfd pfd = { .fd = p->s[i].fd, .events = POLLOUT };
	socklen_t len = sizeof(int);
	int e = 0;

	if (poll(&pfd, 1, 0) == 1) {
		getsockopt(p->s[i].fd, SOL_SOCKET, SO_ERROR, &e, &len);
		if (e)
			snprintf(p->s[i].outcome, sizeof(p->s[i].outcome), "%s", strerror(e));
		else
			snprintf(p->s[i].outcome, sizeof(p->s[i].outcome), "TCP connects, the "
				 "handshake fails");
	} else if (now - p->s[i].since_ns >= PROBE_TIMEOUT_MS * 1000000ull) {
		snprintf(p->s[i].outcome, sizeof(p->s[i].outcome), "no answer in %d s (timed out)",
			 PROBE_TIMEOUT_MS / 1000);
	} else {
		return;
	}
	close(p->s[i].fd);
	p->s[i].fd = -1;
	p->s[i].since_ns = now;
}

void stream_probe_step(struct stream_probe *p, char *out, size_t size)
{
	uint64_t now = mono_ns();
	size_t n = 0;

	if (size)
		out[0] = '\0';
	for (int i = 0; i < p->n; i++) {
		if (p->s[i].fd >= 0)
			probe_check(p, i, now);
		else if (!p->s[i].since_ns || now - p->s[i].since_ns >= PROBE_AGAIN_MS * 1000000ull)
			probe_start(p, i);
		if (n < size) {
			int k = snprintf(out + n, size - n, "%s%s: %s", i ? "; " : "", p->s[i].addr,
					 *p->s[i].outcome ? p->s[i].outcome : "not known yet");

			n += k > 0 ? (size_t)k : 0;
		}
	}
}

void stream_probe_close(struct stream_probe *p)
{
	for (int i = 0; i < p->n; i++)
		if (p->s[i].fd >= 0)
			close(p->s[i].fd);
	p->n = 0;
}

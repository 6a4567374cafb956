/* SPDX-License-Identifier: Apache-2.0 */
/*
 * prom_http.c - the /metrics and /healthz endpoint on libmicrohttpd (see prom_http.h).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>

#include "log.h"
#include "prom_http.h"
#include "prom_text.h"

/* Connections served at once, and seconds an idle one is kept: a scraper or two and
 * a probe need few; a client that connects and sends nothing cannot hold more. */
#define HTTP_MAX_CONNECTIONS 32
#define HTTP_IDLE_TIMEOUT_S 15

struct scryd_http {
	int fd;                      /* listening socket, until the daemon owns it */
	uint16_t port;
	uint32_t stall_s;
	struct MHD_Daemon *daemon;
	pthread_mutex_t lock;        /* guards the fields below */
	char *text;                  /* the exposition served; NULL before the first publish */
	size_t len;
	struct timespec published;   /* CLOCK_MONOTONIC of the last publish */
	bool finished;
};

int scryd_http_bind(const char *address, uint16_t port, uint32_t stall_s,
		    struct scryd_http **out, char *err, size_t errsz)
{
	struct sockaddr_storage ss;
	struct sockaddr_in *in4 = (struct sockaddr_in *)&ss;
	struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&ss;
	socklen_t sl;
	struct scryd_http *h;
	int one = 1, rc;

	*out = NULL;
	memset(&ss, 0, sizeof(ss));
	if (inet_pton(AF_INET, address, &in4->sin_addr) == 1) {
		in4->sin_family = AF_INET;
		in4->sin_port = htons(port);
		sl = sizeof(*in4);
	} else if (inet_pton(AF_INET6, address, &in6->sin6_addr) == 1) {
		in6->sin6_family = AF_INET6;
		in6->sin6_port = htons(port);
		sl = sizeof(*in6);
	} else {
		snprintf(err, errsz, "prometheus: '%s' is not an IPv4 or IPv6 address", address);
		return -EINVAL;
	}
	h = calloc(1, sizeof(*h));
	if (!h) {
		snprintf(err, errsz, "prometheus: out of memory");
		return -ENOMEM;
	}
	h->stall_s = stall_s;
	pthread_mutex_init(&h->lock, NULL);
	h->fd = socket(ss.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (h->fd < 0)
		goto fail;
	setsockopt(h->fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (ss.ss_family == AF_INET6)
		setsockopt(h->fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one));
	if (bind(h->fd, (struct sockaddr *)&ss, sl) || listen(h->fd, 64))
		goto fail;
	sl = sizeof(ss);
	if (getsockname(h->fd, (struct sockaddr *)&ss, &sl))
		goto fail;
	h->port = ntohs(ss.ss_family == AF_INET ? in4->sin_port : in6->sin6_port);
	*out = h;
	return 0;
fail:
	rc = -errno;
	snprintf(err, errsz, "prometheus: %s port %u: %s", address, port, strerror(errno));
	if (h->fd >= 0)
		close(h->fd);
	pthread_mutex_destroy(&h->lock);
	free(h);
	return rc;
}

uint16_t scryd_http_port(const struct scryd_http *h)
{
	return h->port;
}

static enum MHD_Result reply(struct MHD_Connection *conn, unsigned int status, const char *type,
			     const char *body, size_t len)
{
	struct MHD_Response *r;
	enum MHD_Result rc;

	r = MHD_create_response_from_buffer(len, (void *)body, MHD_RESPMEM_MUST_COPY);
	if (!r)
		return MHD_NO;
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
	rc = MHD_queue_response(conn, status, r);
	MHD_destroy_response(r);
	return rc;
}

/* A plain text answer. */
static enum MHD_Result text(struct MHD_Connection *conn, unsigned int status, const char *body)
{
	return reply(conn, status, "text/plain; charset=utf-8", body, strlen(body));
}

static double since_s(const struct timespec *t)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t->tv_sec) + (now.tv_nsec - t->tv_nsec) / 1e9;
}

/* /healthz: the state of the capture loop (see prom_http.h). Under h->lock. */
static enum MHD_Result health(struct scryd_http *h, struct MHD_Connection *conn)
{
	char body[128];
	double age;

	if (h->finished)
		return text(conn, MHD_HTTP_OK, "finished\n");
	if (!h->text)
		return text(conn, MHD_HTTP_SERVICE_UNAVAILABLE, "starting\n");
	age = since_s(&h->published);
	if (age > h->stall_s) {
		snprintf(body, sizeof(body), "stalled: the capture loop made no progress for %.1f s\n",
			 age);
		return text(conn, MHD_HTTP_SERVICE_UNAVAILABLE, body);
	}
	return text(conn, MHD_HTTP_OK, "ok\n");
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
				  const char *method, const char *version, const char *upload,
				  size_t *upload_len, void **con_cls)
{
	struct scryd_http *h = cls;
	enum MHD_Result rc;

	(void)version;
	(void)upload;
	(void)upload_len;
	(void)con_cls;
	if (strcmp(method, MHD_HTTP_METHOD_GET) && strcmp(method, MHD_HTTP_METHOD_HEAD))
		return text(conn, MHD_HTTP_METHOD_NOT_ALLOWED, "GET or HEAD only\n");
	if (!strcmp(url, "/metrics")) {
		pthread_mutex_lock(&h->lock);
		if (h->text)
			rc = reply(conn, MHD_HTTP_OK, SCRYD_PROM_CONTENT_TYPE, h->text, h->len);
		else
			rc = text(conn, MHD_HTTP_SERVICE_UNAVAILABLE,
				  "no figures yet: the capture is starting\n");
		pthread_mutex_unlock(&h->lock);
		return rc;
	}
	if (!strcmp(url, "/healthz")) {
		pthread_mutex_lock(&h->lock);
		rc = health(h, conn);
		pthread_mutex_unlock(&h->lock);
		return rc;
	}
	return text(conn, MHD_HTTP_NOT_FOUND, "scryd: no such page (/metrics, /healthz)\n");
}

static void on_mhd_log(void *cls, const char *fmt, va_list ap)
{
	char msg[512];
	size_t n;

	(void)cls;
	vsnprintf(msg, sizeof(msg), fmt, ap);
	n = strlen(msg);
	while (n && msg[n - 1] == '\n')
		msg[--n] = '\0';
	scryd_log(SCRYD_LOG_WARNING, "prometheus: %s", msg);
}

int scryd_http_start(struct scryd_http *h)
{
	h->daemon = MHD_start_daemon(MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ERROR_LOG, 0, NULL, NULL,
				     on_request, h,
				     MHD_OPTION_EXTERNAL_LOGGER, on_mhd_log, NULL,
				     MHD_OPTION_LISTEN_SOCKET, h->fd,
				     MHD_OPTION_CONNECTION_LIMIT, (unsigned int)HTTP_MAX_CONNECTIONS,
				     MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)HTTP_IDLE_TIMEOUT_S,
				     MHD_OPTION_END);
	if (!h->daemon)
		return -EIO;
	h->fd = -1; /* the daemon's now: MHD_stop_daemon() closes it */
	return 0;
}

void scryd_http_publish(struct scryd_http *h, char *text, size_t len)
{
	char *old;

	pthread_mutex_lock(&h->lock);
	old = h->text;
	if (text) {
		h->text = text;
		h->len = len;
	} else {
		old = NULL;
	}
	clock_gettime(CLOCK_MONOTONIC, &h->published);
	pthread_mutex_unlock(&h->lock);
	free(old);
}

void scryd_http_finished(struct scryd_http *h)
{
	pthread_mutex_lock(&h->lock);
	h->finished = true;
	pthread_mutex_unlock(&h->lock);
}

void scryd_http_stop(struct scryd_http *h)
{
	if (!h)
		return;
	if (h->daemon)
		MHD_stop_daemon(h->daemon);
	if (h->fd >= 0)
		close(h->fd);
	pthread_mutex_destroy(&h->lock);
	free(h->text);
	free(h);
}

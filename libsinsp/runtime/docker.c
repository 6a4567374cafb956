/* SPDX-License-Identifier: Apache-2.0 */
/*
 * runtime/docker.c - the Docker Engine API backend (dockerd, and podman's
 * Docker-compatible service): HTTP/1.1 GET over the runtime's unix socket with
 * libcurl (CURLOPT_UNIX_SOCKET_PATH; runtime/curl.h, loaded on the first lookup), answers
 * mapped by runtime/docker_json.c.
 *
 * Endpoints (Docker Engine API reference, unversioned paths: the daemon's own API
 * version answers): GET /containers/<id>/json (404 when the id is unknown), then
 * GET /images/<image id>/json for the repository digest and, for a container made from
 * an image id, its tag. The second request is best effort: its failure leaves those
 * fields empty, the lookup still succeeds.
 */
#define _GNU_SOURCE /* clock_gettime */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "runtime/curl.h"
#include "runtime/runtime.h"
#include "util/strbuf.h"

/* Longest answer read (a container's JSON is a few KiB; labels can make it longer). */
#define DOCKER_MAX_BODY (4u << 20)

static size_t on_body(char *p, size_t size, size_t n, void *ctx)
{
	struct strbuf *b = ctx;

	if (b->len + size * n > DOCKER_MAX_BODY)
		return 0; /* libcurl ends the transfer with CURLE_WRITE_ERROR */
	strbuf_add(b, p, size * n);
	return size * n;
}

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * GET path on the handle's socket into body. Return: 0 with the HTTP status in
 * *status; -ETIMEDOUT; -ECONNREFUSED (no socket, nobody listening); -EIO; -EMSGSIZE
 * an answer over DOCKER_MAX_BODY.
 */
static int http_get(const struct sinsp_curl *cu, CURL *c, const char *path, long timeout_ms,
		    struct strbuf *body, long *status, char *err, size_t errlen)
{
	char url[256];
	CURLcode rc;

	strbuf_reset(body);
	snprintf(url, sizeof(url), "http://localhost%s", path);
	cu->easy_setopt(c, CURLOPT_URL, url);
	cu->easy_setopt(c, CURLOPT_TIMEOUT_MS, timeout_ms > 0 ? timeout_ms : 1L);
	cu->easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, timeout_ms > 0 ? timeout_ms : 1L);
	cu->easy_setopt(c, CURLOPT_WRITEDATA, body);
	rc = cu->easy_perform(c);
	if (rc != CURLE_OK) {
		snprintf(err, errlen, "GET %s: %s", path, cu->easy_strerror(rc));
		switch (rc) {
		case CURLE_OPERATION_TIMEDOUT: return -ETIMEDOUT;
		case CURLE_COULDNT_CONNECT: return -ECONNREFUSED;
		case CURLE_WRITE_ERROR: return -EMSGSIZE;
		default: return -EIO;
		}
	}
	cu->easy_getinfo(c, CURLINFO_RESPONSE_CODE, status);
	return 0;
}

/* An id or image id as it may go into a URL path unescaped. */
static bool url_safe(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
		      *s == '-' || *s == '_' || *s == '.' || *s == ':'))
			return false;
	return true;
}

int sinsp_runtime_docker_lookup(const char *socket_path, const char *full_id, long timeout_ms,
				struct sinsp_container *out, char *err, size_t errlen)
{
	int64_t end = now_ms() + timeout_ms;
	struct strbuf body = { 0 };
	char path[SINSP_CONTAINER_ID_MAX + 64];
	const struct sinsp_curl *cu;
	long status = 0;
	CURL *c;
	int rc;

	err[0] = 0;
	if (!socket_path || !full_id || !url_safe(full_id)) {
		snprintf(err, errlen, "no socket, or a container id that is no id");
		return -EINVAL;
	}
	if (!(cu = sinsp_curl_open(err, errlen)))
		return -ELIBACC;
	if (!(c = cu->easy_init())) {
		snprintf(err, errlen, "libcurl: cannot initialize");
		return -ENOMEM;
	}
	cu->easy_setopt(c, CURLOPT_UNIX_SOCKET_PATH, socket_path);
	cu->easy_setopt(c, CURLOPT_NOSIGNAL, 1L); /* a worker thread: no SIGALRM timeouts */
	cu->easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
	cu->easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http");
	snprintf(path, sizeof(path), "/containers/%s/json", full_id);
	rc = http_get(cu, c, path, timeout_ms, &body, &status, err, errlen);
	if (rc)
		goto out;
	if (status == 404) {
		snprintf(err, errlen, "%s: no such container", socket_path);
		rc = -ENOENT;
		goto out;
	}
	if (status != 200) {
		snprintf(err, errlen, "GET %s on %s: HTTP status %ld", path, socket_path, status);
		rc = -EIO;
		goto out;
	}
	rc = sinsp_docker_parse_container(body.buf, body.len, out, err, errlen);
	if (rc)
		goto out;
	/* the image: its digest, and its tag when the container names it by id */
	if (out->image_id && url_safe(out->image_id) && now_ms() < end) {
		char ierr[128];

		snprintf(path, sizeof(path), "/images/sha256:%s/json", out->image_id);
		if (http_get(cu, c, path, (long)(end - now_ms()), &body, &status, ierr, sizeof(ierr)) == 0 &&
		    status == 200)
			rc = sinsp_docker_parse_image(body.buf, body.len, out, err, errlen);
	}
out:
	cu->easy_cleanup(c);
	strbuf_free(&body);
	return rc;
}

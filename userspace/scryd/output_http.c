/* SPDX-License-Identifier: Apache-2.0 */
/*
 * output_http.c - the HTTP sink of scryd (see output.h): each alert, Falco's JSON (the
 * payload falcosidekick reads on its POST /; Falco's http_output sends the same), in the
 * body of one POST, with libcurl. One handle, reused: its connection stays open between
 * alerts (HTTP keep-alive). A status other than 2xx, a refused connection or a timeout
 * loses the alert (counted in write_errors); a receiver slower than the alerts fills the
 * queue, and what does not fit is dropped and counted: capture never waits.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "log.h"
#include "output.h"

struct http_sink {
	CURL *curl;
	struct curl_slist *headers;
	char *url;
	long last_status;   /* the last non-2xx status said, 0 none */
	char errbuf[CURL_ERROR_SIZE];
};

/* The response body is not used. */
static size_t discard(char *p, size_t size, size_t n, void *ctx)
{
	(void)p;
	(void)ctx;
	return size * n;
}

/* libcurl's result as an errno for the counters' message. */
static int curl_errno(CURLcode c)
{
	switch (c) {
	case CURLE_COULDNT_CONNECT: return -ECONNREFUSED;
	case CURLE_OPERATION_TIMEDOUT: return -ETIMEDOUT;
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_RESOLVE_PROXY: return -EHOSTUNREACH;
	case CURLE_SEND_ERROR:
	case CURLE_RECV_ERROR:
	case CURLE_GOT_NOTHING: return -ECONNRESET;
	case CURLE_OUT_OF_MEMORY: return -ENOMEM;
	default: return -EPROTO;   /* TLS, a malformed response, ... (said at debug level) */
	}
}

static int http_write(struct scryd_output *o, void *priv, const char *line, size_t len,
		      int prio)
{
	struct http_sink *h = priv;
	long status = 0;
	CURLcode c;

	(void)o;
	(void)prio;
	if (len && line[len - 1] == '\n')
		len--;
	h->errbuf[0] = 0;
	curl_easy_setopt(h->curl, CURLOPT_POSTFIELDS, line);
	curl_easy_setopt(h->curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
	c = curl_easy_perform(h->curl);
	if (c != CURLE_OK) {
		scryd_log(SCRYD_LOG_DEBUG, "%s: %s", h->url,
			  h->errbuf[0] ? h->errbuf : curl_easy_strerror(c));
		return curl_errno(c);
	}
	curl_easy_getinfo(h->curl, CURLINFO_RESPONSE_CODE, &status);
	if (status >= 200 && status < 300) {
		h->last_status = 0;
		return 0;
	}
	if (status != h->last_status)
		scryd_log(SCRYD_LOG_WARNING, "%s: the receiver answers HTTP status %ld", h->url,
			  status);
	h->last_status = status;
	return -EPROTO;
}

static int http_close(void *priv)
{
	struct http_sink *h = priv;

	curl_easy_cleanup(h->curl);
	curl_slist_free_all(h->headers);
	free(h->url);
	free(h);
	return 0;
}

static const struct scryd_sink_ops http_ops = { .write = http_write, .close = http_close };

int scryd_output_http(const struct scryd_http_opts *opts, uint32_t queue,
		      struct scryd_output **out)
{
	struct http_sink *h = calloc(1, sizeof(*h));
	struct curl_slist *l;
	CURLcode c = CURLE_OK;
	size_t i;

	*out = NULL;
	if (!h)
		return -ENOMEM;
	/* curl_global_init is thread-safe from libcurl 7.84 (Debian 12 has 7.88) */
	if (curl_global_init(CURL_GLOBAL_DEFAULT) || !(h->curl = curl_easy_init()) ||
	    !(h->url = strdup(opts->url)))
		goto nomem;
	h->headers = curl_slist_append(NULL, "Content-Type: application/json");
	if (!h->headers)
		goto nomem;
	for (i = 0; i < opts->nheaders; i++) {
		l = curl_slist_append(h->headers, opts->headers[i]);
		if (!l)
			goto nomem;
		h->headers = l;
	}
#define SET(opt, val) \
	do { \
		if (c == CURLE_OK) \
			c = curl_easy_setopt(h->curl, opt, val); \
	} while (0)
	SET(CURLOPT_URL, opts->url);
#if LIBCURL_VERSION_NUM >= 0x075500
	SET(CURLOPT_PROTOCOLS_STR, "http,https");
#endif
	SET(CURLOPT_HTTPHEADER, h->headers);
	SET(CURLOPT_USERAGENT, opts->user_agent ? opts->user_agent : "scryd/" SCRYD_VERSION);
	SET(CURLOPT_TIMEOUT_MS, (long)opts->timeout_ms);
	SET(CURLOPT_CONNECTTIMEOUT_MS, (long)opts->connect_timeout_ms);
	SET(CURLOPT_NOSIGNAL, 1L);
	SET(CURLOPT_POST, 1L);
	SET(CURLOPT_WRITEFUNCTION, discard);
	SET(CURLOPT_ERRORBUFFER, h->errbuf);
	if (opts->insecure) {
		SET(CURLOPT_SSL_VERIFYPEER, 0L);
		SET(CURLOPT_SSL_VERIFYHOST, 0L);
	}
	if (opts->ca_bundle)
		SET(CURLOPT_CAINFO, opts->ca_bundle);
	if (opts->ca_path)
		SET(CURLOPT_CAPATH, opts->ca_path);
#undef SET
	if (c != CURLE_OK) {
		scryd_log(SCRYD_LOG_ERROR, "%s: %s", opts->url, curl_easy_strerror(c));
		http_close(h);
		return c == CURLE_OUT_OF_MEMORY ? -ENOMEM : -EINVAL;
	}
	return scryd_output_new(opts->url, &http_ops, h, queue, out);
nomem:
	if (h->curl)
		curl_easy_cleanup(h->curl);
	curl_slist_free_all(h->headers);
	free(h->url);
	free(h);
	return -ENOMEM;
}

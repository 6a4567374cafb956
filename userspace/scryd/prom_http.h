/* SPDX-License-Identifier: Apache-2.0 */
/*
 * prom_http.h - scryd's HTTP endpoint (libmicrohttpd): GET /metrics serves the last
 * exposition the capture loop published, GET /healthz says whether that loop makes
 * progress.
 *
 * Threads: the server's thread never touches libsinsp. The capture loop renders the
 * exposition text itself (between two events) and hands it over with
 * scryd_http_publish() under a mutex; a request copies the text under the same mutex
 * and answers from the copy. A scrape therefore costs the capture loop nothing but the
 * rendering it does once per interval, and sees figures at most one interval old.
 *
 * Health: each publish is the loop's proof of progress (the loop publishes once per
 * interval whether events come or not: an idle engine returns timeouts, and the loop
 * goes round). /healthz answers 200 "ok" while the last publish is at most @stall_s
 * seconds old, 503 "stalled" when it is older (the loop is blocked: in an output that
 * waits for room during a replay, in a runtime, in the kernel), 503 "starting" before
 * the first publish, and 200 "finished" once a replay has ended and the figures are
 * final (scryd_http_finished()).
 */
#ifndef SCRYD_PROM_HTTP_H
#define SCRYD_PROM_HTTP_H

#include <stddef.h>
#include <stdint.h>

struct scryd_http;

/*
 * Bind and listen on @address (an IPv4 or IPv6 literal) port @port (0: any free port,
 * see scryd_http_port()); nothing is served before scryd_http_start(). Binding first
 * lets scryd refuse to start on a taken port before capture begins, and start the
 * server's thread only after the capabilities are dropped (they are per thread).
 * Return 0 and *out; -EINVAL @address is not a literal address; -errno of socket(),
 * bind() or listen() (message in @err, @errsz bytes).
 */
int scryd_http_bind(const char *address, uint16_t port, uint32_t stall_s,
		    struct scryd_http **out, char *err, size_t errsz);

/* The port bound (the one chosen when 0 was asked). */
uint16_t scryd_http_port(const struct scryd_http *h);

/* Start serving (a thread of libmicrohttpd's). Return 0; -EIO it did not start. */
int scryd_http_start(struct scryd_http *h);

/*
 * Serve @text (@len bytes, malloc()ed; owned by @h from now on, the previous one is
 * freed) as /metrics from now on, and count it as progress of the capture loop. A NULL
 * @text (the rendering failed) keeps the previous text and still counts as progress.
 * Thread-safety: any thread (under the endpoint's mutex).
 */
void scryd_http_publish(struct scryd_http *h, char *text, size_t len);

/* The capture has ended (a replay): the last text stays, /healthz says "finished". */
void scryd_http_finished(struct scryd_http *h);

/* Stop serving, close the socket, free @h. NULL is ignored. */
void scryd_http_stop(struct scryd_http *h);

#endif /* SCRYD_PROM_HTTP_H */

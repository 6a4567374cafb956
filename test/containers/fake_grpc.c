/* SPDX-License-Identifier: Apache-2.0 */
/*
 * fake_grpc.c - the test gRPC server (see fake_grpc.h): nghttp2's server session fed
 * from a unix socket; a call is answered when its request stream ends: headers
 * ":status 200", "content-type application/grpc", then the message with its 5-byte
 * prefix and the grpc-status trailer, or, for a failure, the status in the headers
 * alone ("trailers-only", as Go's gRPC servers answer errors).
 */
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <nghttp2/nghttp2.h>

#include "fake_grpc.h"

struct fake_grpc {
	int lfd, stop[2];
	pthread_t thread;
	bool running;
	const struct fake_grpc_answer *answers;
	size_t nanswers;
	pthread_mutex_t lock;
	struct fake_grpc_call calls[FAKE_GRPC_MAX_CALLS];
	size_t ncalls;
};

/* One connection: the stream being received and the answer being sent. */
struct conn {
	struct fake_grpc *f;
	int fd;
	struct fake_grpc_call cur;
	uint8_t raw[4096 + 5];          /* the request body: prefix and message */
	size_t raw_len;
	uint8_t body[8192];
	size_t body_len, body_off;
	char status[12];
	const struct fake_grpc_answer *ans;
};

#define NV(n, v) { (uint8_t *)(n), (uint8_t *)(v), strlen(n), strlen(v), NGHTTP2_NV_FLAG_NONE }

static ssize_t on_send(nghttp2_session *s, const uint8_t *data, size_t len, int flags, void *ud)
{
	struct conn *c = ud;
	ssize_t n = write(c->fd, data, len);

	return n < 0 ? NGHTTP2_ERR_CALLBACK_FAILURE : n;
}

static int on_header(nghttp2_session *s, const nghttp2_frame *frame, const uint8_t *name,
		     size_t namelen, const uint8_t *value, size_t valuelen, uint8_t flags, void *ud)
{
	struct conn *c = ud;

	if (namelen == 5 && memcmp(name, ":path", 5) == 0 && valuelen < sizeof(c->cur.path)) {
		memcpy(c->cur.path, value, valuelen);
		c->cur.path[valuelen] = '\0';
	}
	return 0;
}

static int on_data(nghttp2_session *s, uint8_t flags, int32_t sid, const uint8_t *data, size_t len,
		   void *ud)
{
	struct conn *c = ud;

	if (len > sizeof(c->raw) - c->raw_len)
		len = sizeof(c->raw) - c->raw_len;
	memcpy(c->raw + c->raw_len, data, len);
	c->raw_len += len;
	return 0;
}

static ssize_t read_body(nghttp2_session *s, int32_t sid, uint8_t *buf, size_t len,
			 uint32_t *flags, nghttp2_data_source *src, void *ud)
{
	struct conn *c = ud;
	size_t n = c->body_len - c->body_off;

	if (n > len)
		n = len;
	memcpy(buf, c->body + c->body_off, n);
	c->body_off += n;
	if (c->body_off == c->body_len) {
		nghttp2_nv tr[] = { NV("grpc-status", "0") };

		*flags |= NGHTTP2_DATA_FLAG_EOF | NGHTTP2_DATA_FLAG_NO_END_STREAM;
		if (nghttp2_submit_trailer(s, sid, tr, 1) != 0)
			return NGHTTP2_ERR_CALLBACK_FAILURE;
	}
	return (ssize_t)n;
}

static void answer(nghttp2_session *s, struct conn *c, int32_t sid)
{
	const struct fake_grpc_answer *a = NULL;
	size_t i, n;

	for (i = 0; i < c->f->nanswers; i++)
		if (strcmp(c->f->answers[i].path, c->cur.path) == 0)
			a = &c->f->answers[i];
	pthread_mutex_lock(&c->f->lock);
	if (c->raw_len > 5) {
		memcpy(c->cur.req, c->raw + 5, c->raw_len - 5);
		c->cur.req_len = c->raw_len - 5;
	}
	if (c->f->ncalls < FAKE_GRPC_MAX_CALLS)
		c->f->calls[c->f->ncalls++] = c->cur;
	pthread_mutex_unlock(&c->f->lock);
	if (a && a->status == 0 && a->msg) {
		nghttp2_nv h[] = { NV(":status", "200"), NV("content-type", "application/grpc") };
		nghttp2_data_provider dp = { .read_callback = read_body };

		n = protobuf_c_message_get_packed_size(a->msg);
		if (n + 5 > sizeof(c->body))
			n = 0;
		c->body[0] = 0;
		c->body[1] = (uint8_t)(n >> 24);
		c->body[2] = (uint8_t)(n >> 16);
		c->body[3] = (uint8_t)(n >> 8);
		c->body[4] = (uint8_t)n;
		protobuf_c_message_pack(a->msg, c->body + 5);
		c->body_len = n + 5;
		c->body_off = 0;
		nghttp2_submit_response(s, sid, h, 2, &dp);
	} else {
		nghttp2_nv h[] = { NV(":status", "200"), NV("content-type", "application/grpc"),
				   NV("grpc-status", c->status), NV("grpc-message", "") };

		snprintf(c->status, sizeof(c->status), "%d", a ? a->status : 12);
		h[2].valuelen = strlen(c->status);
		if (a && a->message) {
			h[3].value = (uint8_t *)a->message;
			h[3].valuelen = strlen(a->message);
		}
		nghttp2_submit_response(s, sid, h, a && a->message ? 4 : 3, NULL);
	}
	memset(&c->cur, 0, sizeof(c->cur));
	c->raw_len = 0;
}

static int on_frame(nghttp2_session *s, const nghttp2_frame *frame, void *ud)
{
	if ((frame->hd.type == NGHTTP2_HEADERS || frame->hd.type == NGHTTP2_DATA) &&
	    (frame->hd.flags & NGHTTP2_FLAG_END_STREAM))
		answer(s, ud, frame->hd.stream_id);
	return 0;
}

/* Serve one connection until the client closes it or the server stops. */
static void serve(struct fake_grpc *f, int fd)
{
	nghttp2_session_callbacks *cbs;
	nghttp2_session *s;
	struct conn *c = calloc(1, sizeof(*c));
	uint8_t buf[16384];

	if (!c)
		return;
	c->f = f;
	c->fd = fd;
	nghttp2_session_callbacks_new(&cbs);
	nghttp2_session_callbacks_set_send_callback(cbs, on_send);
	nghttp2_session_callbacks_set_on_header_callback(cbs, on_header);
	nghttp2_session_callbacks_set_on_data_chunk_recv_callback(cbs, on_data);
	nghttp2_session_callbacks_set_on_frame_recv_callback(cbs, on_frame);
	nghttp2_session_server_new(&s, cbs, c);
	nghttp2_session_callbacks_del(cbs);
	nghttp2_submit_settings(s, NGHTTP2_FLAG_NONE, NULL, 0);
	for (;;) {
		struct pollfd p[2] = { { fd, POLLIN, 0 }, { f->stop[0], POLLIN, 0 } };
		ssize_t n;

		if (nghttp2_session_send(s) != 0)
			break;
		if (poll(p, 2, -1) < 0 || p[1].revents)
			break;
		n = read(fd, buf, sizeof(buf));
		if (n <= 0 || nghttp2_session_mem_recv(s, buf, (size_t)n) < 0)
			break;
	}
	nghttp2_session_del(s);
	free(c);
}

static void *run(void *arg)
{
	struct fake_grpc *f = arg;

	for (;;) {
		struct pollfd p[2] = { { f->lfd, POLLIN, 0 }, { f->stop[0], POLLIN, 0 } };
		int fd;

		if (poll(p, 2, -1) < 0 || p[1].revents)
			break;
		fd = accept(f->lfd, NULL, NULL);
		if (fd < 0)
			continue;
		serve(f, fd);
		close(fd);
	}
	return NULL;
}

struct fake_grpc *fake_grpc_start(const char *path, const struct fake_grpc_answer *answers, size_t n)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	struct fake_grpc *f = calloc(1, sizeof(*f));

	if (!f)
		return NULL;
	f->answers = answers;
	f->nanswers = n;
	pthread_mutex_init(&f->lock, NULL);
	snprintf(sun.sun_path, sizeof(sun.sun_path), "%s", path);
	f->lfd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (f->lfd < 0 || bind(f->lfd, (struct sockaddr *)&sun, sizeof(sun)) != 0 ||
	    listen(f->lfd, 8) != 0 || pipe(f->stop) != 0 ||
	    pthread_create(&f->thread, NULL, run, f) != 0) {
		if (f->lfd >= 0)
			close(f->lfd);
		free(f);
		return NULL;
	}
	f->running = true;
	return f;
}

void fake_grpc_stop(struct fake_grpc *f)
{
	if (!f || !f->running)
		return;
	if (write(f->stop[1], "x", 1) != 1)
		return;
	pthread_join(f->thread, NULL);
	f->running = false;
	close(f->lfd);
	close(f->stop[0]);
	close(f->stop[1]);
}

const struct fake_grpc_call *fake_grpc_calls(const struct fake_grpc *f, size_t *n)
{
	*n = f->ncalls;
	return f->calls;
}

void fake_grpc_free(struct fake_grpc *f)
{
	if (!f)
		return;
	fake_grpc_stop(f);
	pthread_mutex_destroy(&f->lock);
	free(f);
}

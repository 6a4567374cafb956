/* SPDX-License-Identifier: Apache-2.0 */
/*
 * grpc.c - unary gRPC calls over a unix socket with libcurl (HTTP/2; runtime/curl.h, loaded
 * by the first sinsp_grpc_open()) and protobuf-c; see grpc.h for the framing.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/un.h>

#include "runtime/curl.h"
#include "runtime/grpc.h"

struct sinsp_grpc {
	const struct sinsp_curl *cu;
	CURL *curl;
	char *socket_path;
	/* the answer of the call in progress */
	uint8_t *body;
	size_t len, cap;
	bool too_big;
	int status;             /* grpc-status, -1 until seen */
	char message[256];      /* grpc-message, decoded */
};

int sinsp_grpc_err(char *err, size_t errlen, int rc, const char *fmt, ...)
{
	va_list ap;

	if (err && errlen) {
		va_start(ap, fmt);
		vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
	}
	return rc;
}

int sinsp_grpc_open(const char *socket_path, struct sinsp_grpc **out, char *err, size_t errlen)
{
	struct sockaddr_un sun;
	const struct sinsp_curl *cu;
	struct sinsp_grpc *g;

	*out = NULL;
	if (!socket_path || strlen(socket_path) >= sizeof(sun.sun_path))
		return sinsp_grpc_err(err, errlen, -EINVAL, "grpc: bad unix socket path");
	if (!(cu = sinsp_curl_open(err, errlen)))
		return -ELIBACC;
	g = calloc(1, sizeof(*g));
	if (g)
		g->cu = cu;
	if (!g || !(g->socket_path = strdup(socket_path)) || !(g->curl = cu->easy_init())) {
		sinsp_grpc_close(g);
		return sinsp_grpc_err(err, errlen, -ENOMEM, "grpc: out of memory");
	}
	g->status = -1;
	*out = g;
	return 0;
}

void sinsp_grpc_close(struct sinsp_grpc *g)
{
	if (!g)
		return;
	if (g->curl)
		g->cu->easy_cleanup(g->curl);
	free(g->socket_path);
	free(g->body);
	free(g);
}

int sinsp_grpc_last_status(const struct sinsp_grpc *g)
{
	return g->status;
}

static size_t on_body(char *data, size_t size, size_t n, void *ctx)
{
	struct sinsp_grpc *g = ctx;
	size_t add = size * n;

	if (g->len + add > SINSP_GRPC_MAX_MESSAGE + 5) {
		g->too_big = true;
		return 0; /* makes curl fail the transfer */
	}
	if (g->len + add > g->cap) {
		size_t cap = g->cap ? g->cap : 4096;
		uint8_t *b;

		while (cap < g->len + add)
			cap *= 2;
		if (!(b = realloc(g->body, cap)))
			return 0;
		g->body = b;
		g->cap = cap;
	}
	memcpy(g->body + g->len, data, add);
	g->len += add;
	return add;
}

/* grpc-message is percent-encoded (PROTOCOL-HTTP2.md): decode into g->message. */
static void set_message(struct sinsp_grpc *g, const char *v, size_t n)
{
	size_t i, o = 0;

	for (i = 0; i < n && o + 1 < sizeof(g->message); i++) {
		if (v[i] == '%' && i + 2 < n && isxdigit((unsigned char)v[i + 1]) &&
		    isxdigit((unsigned char)v[i + 2])) {
			char hex[3] = { v[i + 1], v[i + 2], '\0' };

			g->message[o++] = (char)strtol(hex, NULL, 16);
			i += 2;
		} else {
			g->message[o++] = v[i];
		}
	}
	g->message[o] = '\0';
}

/* Headers and trailers alike: keep grpc-status and grpc-message. */
static size_t on_header(char *data, size_t size, size_t n, void *ctx)
{
	struct sinsp_grpc *g = ctx;
	size_t len = size * n, name;
	const char *v;
	size_t vlen;

	for (name = 0; name < len && data[name] != ':'; name++)
		;
	if (name == len)
		return len;
	v = data + name + 1;
	vlen = len - name - 1;
	while (vlen && (*v == ' ' || *v == '\t'))
		v++, vlen--;
	while (vlen && (v[vlen - 1] == '\r' || v[vlen - 1] == '\n' || v[vlen - 1] == ' '))
		vlen--;
	if (name == 11 && strncasecmp(data, "grpc-status", 11) == 0) {
		char num[12];

		if (vlen && vlen < sizeof(num)) {
			memcpy(num, v, vlen);
			num[vlen] = '\0';
			g->status = atoi(num);
		}
	} else if (name == 12 && strncasecmp(data, "grpc-message", 12) == 0) {
		set_message(g, v, vlen);
	}
	return len;
}

/* errno of a non-zero grpc-status. */
static int status_errno(int status)
{
	switch (status) {
	case SINSP_GRPC_NOT_FOUND: return -ENOENT;
	case SINSP_GRPC_DEADLINE_EXCEEDED: return -ETIMEDOUT;
	case SINSP_GRPC_UNAVAILABLE: return -ECONNREFUSED;
	case SINSP_GRPC_UNIMPLEMENTED: return -EOPNOTSUPP;
	default: return -EPROTO;
	}
}

/* Pack @req behind the 5-byte gRPC message prefix; NULL on ENOMEM. */
static uint8_t *frame(const ProtobufCMessage *req, size_t *len)
{
	size_t n = protobuf_c_message_get_packed_size(req);
	uint8_t *buf = malloc(n + 5);

	if (!buf)
		return NULL;
	buf[0] = 0; /* not compressed */
	buf[1] = (uint8_t)(n >> 24);
	buf[2] = (uint8_t)(n >> 16);
	buf[3] = (uint8_t)(n >> 8);
	buf[4] = (uint8_t)n;
	protobuf_c_message_pack(req, buf + 5);
	*len = n + 5;
	return buf;
}

/* Unpack the one message of the answer's body. */
static int unframe(struct sinsp_grpc *g, const char *method, const ProtobufCMessageDescriptor *desc,
		   ProtobufCMessage **resp, char *err, size_t errlen)
{
	uint32_t n;

	if (g->len < 5)
		return sinsp_grpc_err(err, errlen, -EPROTO, "grpc %s: answer of %zu bytes, no message",
				      method, g->len);
	n = (uint32_t)g->body[1] << 24 | (uint32_t)g->body[2] << 16 | (uint32_t)g->body[3] << 8 |
	    g->body[4];
	if (g->body[0] != 0)
		return sinsp_grpc_err(err, errlen, -EPROTO, "grpc %s: compressed answer", method);
	if ((size_t)n + 5 != g->len)
		return sinsp_grpc_err(err, errlen, -EPROTO,
				      "grpc %s: message of %u bytes in an answer of %zu", method, n, g->len);
	*resp = protobuf_c_message_unpack(desc, NULL, n, g->body + 5);
	if (!*resp)
		return sinsp_grpc_err(err, errlen, -EPROTO, "grpc %s: malformed %s message", method,
				      desc->name);
	return 0;
}

int sinsp_grpc_call(struct sinsp_grpc *g, const char *method, const ProtobufCMessage *req,
		    const ProtobufCMessageDescriptor *resp_desc, ProtobufCMessage **resp,
		    long timeout_ms, char *err, size_t errlen)
{
	const struct sinsp_curl *cu = g->cu;
	struct curl_slist *hdrs = NULL, *h;
	char url[256], tmo[48];
	uint8_t *buf;
	size_t len;
	CURLcode cc;
	long http = 0;
	int rc;

	*resp = NULL;
	if (timeout_ms <= 0)
		timeout_ms = 1;
	if (snprintf(url, sizeof(url), "http://localhost%s", method) >= (int)sizeof(url))
		return sinsp_grpc_err(err, errlen, -EINVAL, "grpc: method name too long");
	if (!(buf = frame(req, &len)))
		return sinsp_grpc_err(err, errlen, -ENOMEM, "grpc: out of memory");
	/* grpc-timeout: at most 8 digits and a unit (m: milliseconds) */
	snprintf(tmo, sizeof(tmo), "grpc-timeout: %ldm", timeout_ms > 99999999 ? 99999999 : timeout_ms);
	h = hdrs;
	if (!(h = cu->slist_append(h, "content-type: application/grpc")) || !(hdrs = h) ||
	    !(h = cu->slist_append(h, "te: trailers")) || !(hdrs = h) ||
	    !(h = cu->slist_append(h, tmo)) || !(hdrs = h) ||
	    !(h = cu->slist_append(h, "Expect:")) || !(hdrs = h)) {
		cu->slist_free_all(hdrs);
		free(buf);
		return sinsp_grpc_err(err, errlen, -ENOMEM, "grpc: out of memory");
	}
	g->len = 0;
	g->too_big = false;
	g->status = -1;
	g->message[0] = '\0';
	cu->easy_setopt(g->curl, CURLOPT_UNIX_SOCKET_PATH, g->socket_path);
	cu->easy_setopt(g->curl, CURLOPT_URL, url);
	cu->easy_setopt(g->curl, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_2_PRIOR_KNOWLEDGE);
	cu->easy_setopt(g->curl, CURLOPT_POST, 1L);
	cu->easy_setopt(g->curl, CURLOPT_POSTFIELDS, (const char *)buf);
	cu->easy_setopt(g->curl, CURLOPT_POSTFIELDSIZE, (long)len);
	cu->easy_setopt(g->curl, CURLOPT_HTTPHEADER, hdrs);
	cu->easy_setopt(g->curl, CURLOPT_WRITEFUNCTION, on_body);
	cu->easy_setopt(g->curl, CURLOPT_WRITEDATA, g);
	cu->easy_setopt(g->curl, CURLOPT_HEADERFUNCTION, on_header);
	cu->easy_setopt(g->curl, CURLOPT_HEADERDATA, g);
	cu->easy_setopt(g->curl, CURLOPT_TIMEOUT_MS, timeout_ms);
	cu->easy_setopt(g->curl, CURLOPT_NOSIGNAL, 1L); /* no SIGALRM: worker threads */
	/*
	 * One connection per call: libcurl 7.88.1 (Debian 12) fails the second request on a
	 * reused HTTP/2 prior-knowledge connection with "Error in the HTTP2 framing layer"
	 * before sending it (seen against containerd 1.6.20; curl issue 10634, fixed in
	 * curl 8.0.0). A unix connect and the HTTP/2 preface cost well under a millisecond.
	 */
	cu->easy_setopt(g->curl, CURLOPT_FORBID_REUSE, 1L);
	cc = cu->easy_perform(g->curl);
	cu->easy_getinfo(g->curl, CURLINFO_RESPONSE_CODE, &http);
	cu->easy_setopt(g->curl, CURLOPT_HTTPHEADER, NULL);
	cu->easy_setopt(g->curl, CURLOPT_POSTFIELDS, NULL);
	cu->slist_free_all(hdrs);
	free(buf);

	switch (cc) {
	case CURLE_OK:
		break;
	case CURLE_OPERATION_TIMEDOUT:
		return sinsp_grpc_err(err, errlen, -ETIMEDOUT, "grpc %s: no answer from %s in %ld ms",
				      method, g->socket_path, timeout_ms);
	case CURLE_COULDNT_CONNECT:
		return sinsp_grpc_err(err, errlen, -ECONNREFUSED, "grpc: cannot connect to %s",
				      g->socket_path);
	case CURLE_OUT_OF_MEMORY:
		return sinsp_grpc_err(err, errlen, -ENOMEM, "grpc: out of memory");
	case CURLE_WRITE_ERROR:
		if (g->too_big)
			return sinsp_grpc_err(err, errlen, -EMSGSIZE, "grpc %s: answer over %u bytes",
					      method, SINSP_GRPC_MAX_MESSAGE);
		return sinsp_grpc_err(err, errlen, -ENOMEM, "grpc: out of memory");
	default:
		return sinsp_grpc_err(err, errlen, -EIO, "grpc %s on %s: %s", method, g->socket_path,
				      cu->easy_strerror(cc));
	}
	if (http != 200)
		return sinsp_grpc_err(err, errlen, -EPROTO, "grpc %s: HTTP status %ld", method, http);
	if (g->status < 0)
		return sinsp_grpc_err(err, errlen, -EPROTO, "grpc %s: no grpc-status", method);
	if (g->status != SINSP_GRPC_OK)
		return sinsp_grpc_err(err, errlen, status_errno(g->status), "grpc %s: status %d: %s",
				      method, g->status, g->message[0] ? g->message : "(no message)");
	rc = unframe(g, method, resp_desc, resp, err, errlen);
	return rc;
}

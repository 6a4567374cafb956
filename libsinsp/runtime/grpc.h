/* SPDX-License-Identifier: Apache-2.0 */
/*
 * grpc.h - unary gRPC calls over a unix socket, for the CRI client (runtime/cri.c) and
 * the CRI test driver (test/containers/cri_pod.c).
 *
 * gRPC is HTTP/2 (here without TLS, "prior knowledge": no upgrade) where a call is a
 * POST to "/<package>.<Service>/<Method>" with "content-type: application/grpc" and
 * "te: trailers"; each message in either direction is framed by a 1-byte compressed
 * flag (0: not compressed) and a 4-byte big-endian length; the call's outcome is the
 * "grpc-status" (and "grpc-message", percent-encoded) trailer, or header when the
 * server answers without a body (gRPC over HTTP/2, PROTOCOL-HTTP2.md of grpc/grpc).
 * libcurl speaks HTTP/2 (through nghttp2) and the unix socket; protobuf-c packs and
 * unpacks the messages. Each call has its own connection (see grpc.c). Not Debian's gRPC
 * C core (libgrpc-dev): a large C++-built dependency with its own threads and event
 * engine, for three unary calls that libcurl and protobuf-c, needed anyway, do.
 *
 * Threads: a handle is used by one thread at a time; handles are independent.
 */
#ifndef SINSP_RUNTIME_GRPC_H
#define SINSP_RUNTIME_GRPC_H

#include <stddef.h>
#include <stdint.h>

#include <protobuf-c/protobuf-c.h>

/* gRPC status codes (grpc/grpc doc/statuscodes.md) that callers tell apart. */
#define SINSP_GRPC_OK 0
#define SINSP_GRPC_DEADLINE_EXCEEDED 4
#define SINSP_GRPC_NOT_FOUND 5
#define SINSP_GRPC_UNIMPLEMENTED 12
#define SINSP_GRPC_UNAVAILABLE 14

/* Largest response message accepted, bytes (gRPC's default receive limit). */
#define SINSP_GRPC_MAX_MESSAGE (4u << 20)

struct sinsp_grpc;

/**
 * sinsp_grpc_open() - a handle for calls to the gRPC server on a unix socket.
 * @socket_path: [in] path of the server's unix socket (copied).
 * @out:         [out] the handle; free with sinsp_grpc_close().
 * @err:         [out] message on failure (may be NULL), @errlen bytes.
 * Nothing is connected yet: the first call connects.
 * Return: 0, -ENOMEM, -EINVAL (path too long for a unix socket), -ELIBACC (libcurl
 * cannot be loaded: runtime/curl.h).
 */
int sinsp_grpc_open(const char *socket_path, struct sinsp_grpc **out, char *err, size_t errlen);

/* Close the connection and free @g (NULL is fine). */
void sinsp_grpc_close(struct sinsp_grpc *g);

/**
 * sinsp_grpc_call() - one unary call.
 * @g:          [in] handle.
 * @method:     [in] "/runtime.v1.RuntimeService/ContainerStatus" and the like.
 * @req:        [in] request message.
 * @resp_desc:  [in] descriptor of the response message.
 * @resp:       [out] the unpacked response on success (free with
 *              protobuf_c_message_free_unpacked(*resp, NULL)); NULL otherwise.
 * @timeout_ms: [in] bound of the whole call (connect included), ms, > 0; also sent to
 *              the server as grpc-timeout.
 * @err:        [out] message on failure (may be NULL), @errlen bytes: the server's
 *              grpc-message when it gave one.
 * Return: 0; -ENOENT (grpc-status NOT_FOUND); -ETIMEDOUT (no answer in time, or
 * DEADLINE_EXCEEDED); -ECONNREFUSED (cannot connect to the socket, or UNAVAILABLE);
 * -EOPNOTSUPP (UNIMPLEMENTED: the server lacks the method); -EPROTO (another non-zero
 * grpc-status, an HTTP error, a malformed or missing answer); -EMSGSIZE (answer over
 * SINSP_GRPC_MAX_MESSAGE); -ENOMEM; -EIO (another transport failure).
 */
int sinsp_grpc_call(struct sinsp_grpc *g, const char *method, const ProtobufCMessage *req,
		    const ProtobufCMessageDescriptor *resp_desc, ProtobufCMessage **resp,
		    long timeout_ms, char *err, size_t errlen);

/*
 * sinsp_grpc_err() - format a message into @err (@errlen bytes; @err may be NULL) and
 * return @rc, so that failures read `return sinsp_grpc_err(err, errlen, -EIO, ...)`.
 */
int sinsp_grpc_err(char *err, size_t errlen, int rc, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* grpc-status of the last call of @g (-1 when it had none, e.g. no connection). */
int sinsp_grpc_last_status(const struct sinsp_grpc *g);

#endif /* SINSP_RUNTIME_GRPC_H */

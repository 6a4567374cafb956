/* SPDX-License-Identifier: Apache-2.0 */
/*
 * fake_grpc.h - a gRPC server for tests on a unix socket (nghttp2, cleartext HTTP/2):
 * answers each call from a table of canned answers by method path, and records the
 * calls it got (path and request message), so that the CRI client is tested without a
 * runtime. One thread; one call per connection at a time (as the client makes them).
 */
#ifndef SCRY_TEST_FAKE_GRPC_H
#define SCRY_TEST_FAKE_GRPC_H

#include <stddef.h>
#include <stdint.h>

#include <protobuf-c/protobuf-c.h>

#define FAKE_GRPC_MAX_CALLS 16

/* The answer to one method. */
struct fake_grpc_answer {
	const char *path;             /* "/runtime.v1.RuntimeService/ContainerStatus" */
	int status;                   /* grpc-status */
	const char *message;          /* grpc-message as sent (percent-encoded), or NULL */
	const ProtobufCMessage *msg;  /* answer when status is 0 */
};

/* One call received. */
struct fake_grpc_call {
	char path[128];
	uint8_t req[4096];            /* the request message (without the 5-byte prefix) */
	size_t req_len;
};

struct fake_grpc;

/*
 * fake_grpc_start() - listen on unix socket @path and answer with @answers (n of them;
 * kept by pointer: they must outlive the server). A method not in the table gets
 * grpc-status 12 (UNIMPLEMENTED). NULL on failure.
 */
struct fake_grpc *fake_grpc_start(const char *path, const struct fake_grpc_answer *answers, size_t n);

/* Stop the server, close its socket; the calls it recorded stay readable until free. */
void fake_grpc_stop(struct fake_grpc *f);

/* Calls received so far (after fake_grpc_stop(): all of them) and their number. */
const struct fake_grpc_call *fake_grpc_calls(const struct fake_grpc *f, size_t *n);

void fake_grpc_free(struct fake_grpc *f);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * probe.h - why the servers of a bus URL do not answer, as the TCP layer says it:
 * "connection refused", "no answer in 2 s", "no such host", or that a TCP connection
 * is made (the server then does not speak the bus's protocol, or refuses the client).
 * The client libraries retry in their own threads and keep no more than "no server
 * available"; a transport that is not connected asks the probe for the finer reason.
 *
 * Never blocks but for resolving a host name (numeric addresses: not at all): each
 * server is tried with a non-blocking connect(), whose outcome a later step reads
 * (poll() with no wait); a server is tried again PROBE_AGAIN_MS after its last outcome.
 */
#ifndef SCAP_STREAM_PROBE_H
#define SCAP_STREAM_PROBE_H

#include <stddef.h>
#include <stdint.h>

#define PROBE_MAX_SERVERS 16

struct stream_probe {
	struct {
		char addr[128];      /* "host:port" as the URL gives it */
		int fd;              /* a connect() in progress, or -1 */
		uint64_t since_ns;   /* CLOCK_MONOTONIC: the connect's start, or its outcome's */
		char outcome[96];    /* "" not known yet */
	} s[PROBE_MAX_SERVERS];
	int n;
};

/*
 * stream_probe_init() - the servers of @servers ("h:p,h:p"; a server without a port
 * gets @default_port). Return 0, or -EINVAL (more than PROBE_MAX_SERVERS).
 */
int stream_probe_init(struct stream_probe *p, const char *servers, int default_port);

/*
 * stream_probe_step() - read the outcomes of the connects in progress, start those due,
 * and write what is known into @out (@size bytes): "h:p: Connection refused; h2:p: no
 * answer in 2 s", or "h:p: not known yet" for a server still being tried.
 */
void stream_probe_step(struct stream_probe *p, char *out, size_t size);

/* stream_probe_close() - close the connects in progress. */
void stream_probe_close(struct stream_probe *p);

#endif /* SCAP_STREAM_PROBE_H */

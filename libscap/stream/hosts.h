/* SPDX-License-Identifier: Apache-2.0 */
/*
 * hosts.h - whether a host a reader names (?host=) is one the bus knows: a reader that
 * finds nothing of a host tells a misspelt name from a host with nothing to read.
 */
#ifndef SCAP_STREAM_HOSTS_H
#define SCAP_STREAM_HOSTS_H

#include <stdbool.h>

#include "transport.h"

/*
 * stream_host_check() - @host has nothing of @kind to read from @u (a reader of @t
 * caught up at once): whether the bus knows that host.
 * A host with messages of any kind is known: nothing of @kind (or nothing since
 * since=) then reads as nothing. A bus that cannot list its hosts (no list_hosts:
 * Kafka) cannot tell: a capture reader without since= is then told that nothing matched
 * (every publishing host of a capture reader's interest has chunks); with since=, that
 * nothing came since then and that a misspelt name reads so too (return 1: the caller
 * shows it as a warning and reads nothing); other kinds read as nothing.
 * @url: the URL as the user wrote it, to start the message with; NULL: not named.
 * Return: 0 known, or cannot tell; 1 cannot tell, a notice in @err (STREAM_ERR_SIZE
 * bytes) naming @host and since=; -EINVAL not known, the message in @err
 * (STREAM_ERR_SIZE bytes) naming @host and the hosts the bus has (or saying none
 * matched); -errno of the listing, its message in @err.
 */
int stream_host_check(const struct stream_transport_ops *t, const struct stream_url *u,
		      const char *url, const char *kind, const char *host, char *err);

#endif /* SCAP_STREAM_HOSTS_H */

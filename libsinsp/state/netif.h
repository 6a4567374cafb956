/* SPDX-License-Identifier: Apache-2.0 */
/*
 * netif.h - the local address this machine sends from toward a remote address, read
 * from the interface list of the capture (or of the live machine): what an unbound
 * socket's wildcard address (0.0.0.0, ::) stands for in the datagrams it exchanges.
 */
#ifndef SINSP_STATE_NETIF_H
#define SINSP_STATE_NETIF_H

#include <stdbool.h>
#include <stdint.h>

struct sinsp;

/*
 * sinsp_local_ipv4_toward() - the address of the interface whose subnet (address and
 * netmask) holds remote, else of the first interface that is not a loopback (127/8):
 * the source address the kernel picks for a directly reachable peer, and the one of
 * the machine's main interface otherwise (the default route's, as sysdig 0.29.3 also
 * infers it). Addresses in network byte order. Returns 0 when there is no interface.
 */
uint32_t sinsp_local_ipv4_toward(const struct sinsp *s, uint32_t remote);

/*
 * sinsp_local_ipv6_toward() - as sinsp_local_ipv4_toward() for IPv6: the interface
 * whose /64 prefix holds remote, else the first that is not ::1. Writes 16 bytes to
 * out and returns true; false (out untouched) when there is no interface.
 */
bool sinsp_local_ipv6_toward(const struct sinsp *s, const uint8_t remote[16], uint8_t out[16]);

#endif /* SINSP_STATE_NETIF_H */

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * state/netif.c - the local address toward a remote one, from the interface list
 * (see netif.h).
 */
#include <string.h>

#include "state/inspector.h"
#include "state/netif.h"

static bool is_loopback_v4(uint32_t ip)
{
	return ((const uint8_t *)&ip)[0] == 127; /* network order: the first byte */
}

uint32_t sinsp_local_ipv4_toward(const struct sinsp *s, uint32_t remote)
{
	uint32_t i;

	for (i = 0; i < s->nifv4; i++)
		if ((s->ifv4[i].addr & s->ifv4[i].netmask) == (remote & s->ifv4[i].netmask))
			return s->ifv4[i].addr;
	for (i = 0; i < s->nifv4; i++)
		if (!is_loopback_v4(s->ifv4[i].addr))
			return s->ifv4[i].addr;
	return 0;
}

bool sinsp_local_ipv6_toward(const struct sinsp *s, const uint8_t remote[16], uint8_t out[16])
{
	static const uint8_t loopback[16] = { [15] = 1 };
	uint32_t i;

	for (i = 0; i < s->nifv6; i++) {
		if (memcmp(s->ifv6[i].addr, remote, 8) == 0) {
			memcpy(out, s->ifv6[i].addr, 16);
			return true;
		}
	}
	for (i = 0; i < s->nifv6; i++) {
		if (memcmp(s->ifv6[i].addr, loopback, 16) != 0) {
			memcpy(out, s->ifv6[i].addr, 16);
			return true;
		}
	}
	return false;
}

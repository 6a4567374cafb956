/* SPDX-License-Identifier: Apache-2.0 */
/*
 * event/param_text.c - the text of addresses and socket tuples as sysdig 0.29.3 writes
 * them: in the parameters it renders and in the fd names its parsers build.
 */
#include <inttypes.h>
#include <string.h>

#include <scry/scap.h>
#include <scry/scap_bytes.h>

#include "event/param_text.h"

/* Copy a path dropping control and non-ASCII bytes, as sysdig sanitizes names. */
void sinsp_add_printable(struct strbuf *out, const void *str, size_t n)
{
	const unsigned char *s = str;
	size_t i;

	for (i = 0; i < n && s[i]; i++) {
		unsigned char c = s[i];

		if (c >= 32 && c < 127)
			strbuf_addc(out, (char)c);
	}
}

void sinsp_render_ipv4(struct strbuf *out, uint32_t ip_net)
{
	const uint8_t *b = (const uint8_t *)&ip_net;
	int i;

	for (i = 0; i < 4; i++) {
		if (i)
			strbuf_addc(out, '.');
		strbuf_add_u64(out, b[i]);
	}
}

void sinsp_render_port(struct strbuf *out, const char *sep, uint16_t port)
{
	strbuf_adds(out, sep);
	strbuf_add_u64(out, port);
}

/*
 * The text inet_ntop(AF_INET6) gives: eight groups of lowercase hex without leading
 * zeros, the first longest run of two or more zero groups written "::", and the last
 * 32 bits dotted when the address is IPv4-compatible (::a.b.c.d, the first six groups
 * zero) or IPv4-mapped (::ffff:a.b.c.d).
 */
void sinsp_render_ipv6(struct strbuf *out, const uint8_t ip[16])
{
	static const char hex[] = "0123456789abcdef";
	int best = -1, best_len = 0, run = 0, i;
	uint16_t w[8];

	for (i = 0; i < 8; i++) {
		w[i] = (uint16_t)(ip[2 * i] << 8 | ip[2 * i + 1]);
		run = w[i] ? 0 : run + 1;
		if (run > best_len) {
			best_len = run;
			best = i - run + 1;
		}
	}
	if (best_len < 2)
		best = -1;
	for (i = 0; i < 8; i++) {
		char g[4];
		int n = 0, shift;

		if (best >= 0 && i >= best && i < best + best_len) {
			if (i == best)
				strbuf_addc(out, ':');
			continue;
		}
		if (i)
			strbuf_addc(out, ':');
		if (i == 6 && best == 0 && (best_len == 6 || (best_len == 5 && w[5] == 0xffff))) {
			uint32_t v4;

			memcpy(&v4, ip + 12, 4);
			sinsp_render_ipv4(out, v4);
			return;
		}
		for (shift = 12; shift > 0 && !(w[i] >> shift); shift -= 4)
			;
		for (; shift >= 0; shift -= 4)
			g[n++] = hex[(w[i] >> shift) & 0xf];
		strbuf_add(out, g, (size_t)n);
	}
	if (best >= 0 && best + best_len == 8)
		strbuf_addc(out, ':');
}

bool sinsp_is_v4_mapped(const uint8_t ip[16])
{
	static const uint8_t prefix[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };

	return memcmp(ip, prefix, sizeof(prefix)) == 0;
}

static bool is_unspecified6(const uint8_t ip[16])
{
	static const uint8_t zero[16];

	return memcmp(ip, zero, sizeof(zero)) == 0;
}

bool sinsp_tuple6_is_v4(const uint8_t *p)
{
	bool m1 = sinsp_is_v4_mapped(p + 1), m2 = sinsp_is_v4_mapped(p + 19);

	return (m1 || is_unspecified6(p + 1)) && (m2 || is_unspecified6(p + 19)) && (m1 || m2);
}

void sinsp_render_tuple(struct strbuf *out, const uint8_t *p, uint32_t len)
{
	if (p[0] == SCAP_AF_INET) {
		sinsp_render_ipv4(out, scap_get_u32(p + 1));
		sinsp_render_port(out, ":", scap_get_u16(p + 5));
		strbuf_add(out, "->", 2);
		sinsp_render_ipv4(out, scap_get_u32(p + 7));
		sinsp_render_port(out, ":", scap_get_u16(p + 11));
	} else if (p[0] == SCAP_AF_INET6 && sinsp_tuple6_is_v4(p)) {
		sinsp_render_ipv4(out, scap_get_u32(p + 13));
		sinsp_render_port(out, ":", scap_get_u16(p + 17));
		strbuf_add(out, "->", 2);
		sinsp_render_ipv4(out, scap_get_u32(p + 31));
		sinsp_render_port(out, ":", scap_get_u16(p + 35));
	} else if (p[0] == SCAP_AF_INET6) {
		sinsp_render_ipv6(out, p + 1);
		sinsp_render_port(out, ":", scap_get_u16(p + 17));
		strbuf_add(out, "->", 2);
		sinsp_render_ipv6(out, p + 19);
		sinsp_render_port(out, ":", scap_get_u16(p + 35));
	} else {
		strbuf_printf(out, "%" PRIx64 "->%" PRIx64 " ", scap_get_u64(p + 1), scap_get_u64(p + 9));
		sinsp_add_printable(out, p + 17, len - 17);
	}
}

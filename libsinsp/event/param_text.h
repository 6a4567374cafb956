/* SPDX-License-Identifier: Apache-2.0 */
/*
 * event/param_text.h - text of the address and tuple parameters (param_text.c), shared
 * by the parsers (fd names) and the parameter renderer (fields/render_param.c).
 */
#ifndef SINSP_EVENT_PARAM_TEXT_H
#define SINSP_EVENT_PARAM_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/strbuf.h"

/* Append an IPv4 address (network byte order) as a.b.c.d. */
void sinsp_render_ipv4(struct strbuf *out, uint32_t ip_net);
/* Append an IPv6 address as inet_ntop(AF_INET6) writes it. */
void sinsp_render_ipv6(struct strbuf *out, const uint8_t ip[16]);
/* Append sep then port in decimal (":80"). */
void sinsp_render_port(struct strbuf *out, const char *sep, uint16_t port);
/* Is ip (16 bytes) an IPv4-mapped IPv6 address (::ffff:a.b.c.d)? */
bool sinsp_is_v4_mapped(const uint8_t ip[16]);
/*
 * Whether the IPv6 tuple at p (family byte first, 37 bytes) is IPv4 traffic: each end
 * IPv4-mapped (::ffff:a.b.c.d) or unspecified (::), and one at least mapped, as an
 * unbound dual-stack socket sending to a mapped address has it. Its IPv4 view is the
 * last 4 bytes of each address (0.0.0.0 for ::).
 */
bool sinsp_tuple6_is_v4(const uint8_t *p);
/* Append the printable ASCII bytes of str up to n bytes or its first NUL (sysdig's
 * sanitizing of names and paths). */
void sinsp_add_printable(struct strbuf *out, const void *str, size_t n);
/*
 * Append the text of a valid socket tuple parameter (family byte, then inet: 13 bytes,
 * inet6: 37 bytes, any other family read as unix: >= 17 bytes): "sip:sport->dip:dport"
 * (v4 form when both inet6 addresses are v4-mapped), or "src->dst path" for unix.
 */
void sinsp_render_tuple(struct strbuf *out, const uint8_t *p, uint32_t len);

#endif /* SINSP_EVENT_PARAM_TEXT_H */

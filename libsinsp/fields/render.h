/* SPDX-License-Identifier: Apache-2.0 */
#ifndef SINSP_RENDER_H
#define SINSP_RENDER_H

#include "sinsp_int.h"

const char *sinsp_signal_name(uint32_t sig);
void sinsp_render_ipv4(struct strbuf *out, uint32_t ip_net);
void sinsp_render_ipv6(struct strbuf *out, const uint8_t ip[16]);
/* Is ip (16 bytes) an IPv4-mapped IPv6 address (::ffff:a.b.c.d)? */
bool sinsp_is_v4_mapped(const uint8_t ip[16]);
/* Append the printable ASCII bytes of str up to n bytes or its first NUL (sysdig's
 * sanitizing of names and paths). */
void sinsp_add_printable(struct strbuf *out, const void *str, size_t n);
/*
 * Append the text of a valid socket tuple parameter (family byte, then inet: 13 bytes,
 * inet6: 37 bytes, any other family read as unix: >= 17 bytes): "sip:sport->dip:dport"
 * (v4 form when both inet6 addresses are v4-mapped), or "src->dst path" for unix.
 */
void sinsp_render_tuple(struct strbuf *out, const uint8_t *p, uint32_t len);
void sinsp_render_fd_resolved(struct sinsp_evt *evt, const struct sinsp_fd *f, struct strbuf *res);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
#ifndef SINSP_RENDER_H
#define SINSP_RENDER_H

#include "sinsp_int.h"

const char *sinsp_signal_name(uint32_t sig);
void sinsp_render_ipv4(struct strbuf *out, uint32_t ip_net);
void sinsp_render_ipv6(struct strbuf *out, const uint8_t ip[16]);
void sinsp_render_fd_resolved(struct sinsp_evt *evt, const struct sinsp_fd *f, struct strbuf *res);

#endif

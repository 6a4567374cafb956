/* SPDX-License-Identifier: Apache-2.0 */
/*
 * fields/render.h - the text of an event parameter as sysdig prints it in evt.args
 * (render_param.c). Address and tuple text: event/param_text.h.
 */
#ifndef SINSP_RENDER_H
#define SINSP_RENDER_H

#include "event/event.h"
#include "event/param_text.h"
#include "util/strbuf.h"

struct sinsp_fd;

enum sinsp_buf_fmt { SINSP_BUF_NORMAL, SINSP_BUF_JSON };
void sinsp_render_param(struct sinsp_evt *evt, uint32_t i, enum sinsp_buf_fmt bf,
			struct strbuf *val, struct strbuf *resolved);
void sinsp_render_args(struct sinsp_evt *evt, enum sinsp_buf_fmt bf, struct strbuf *out);

const char *sinsp_signal_name(uint32_t sig);
void sinsp_render_fd_resolved(struct sinsp_evt *evt, const struct sinsp_fd *f, struct strbuf *res);

#endif

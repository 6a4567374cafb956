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

/* Output the text is for: buffers are cut with "..." in text output only. */
enum sinsp_buf_fmt { SINSP_BUF_NORMAL, SINSP_BUF_JSON };
/*
 * Append the text of parameter i of evt (i < sinsp_evt_nparams(evt), evt->info set) to
 * val and, for the types that resolve (fds, errnos, flags, paths, pids...), the
 * resolved form to resolved ("" when none).
 */
void sinsp_render_param(struct sinsp_evt *evt, uint32_t i, enum sinsp_buf_fmt bf,
			struct strbuf *val, struct strbuf *resolved);
/* Append evt.args: "name=value(resolved) " for each parameter; nothing for generic events. */
void sinsp_render_args(struct sinsp_evt *evt, enum sinsp_buf_fmt bf, struct strbuf *out);

/* "SIGKILL" for 9; NULL for a number without a name. Static. */
const char *sinsp_signal_name(uint32_t sig);
/* Append the resolved text of fd f: "<4t>1.2.3.4:80->...", "<f>/etc/passwd". */
void sinsp_render_fd_resolved(struct sinsp_evt *evt, const struct sinsp_fd *f, struct strbuf *res);

#endif

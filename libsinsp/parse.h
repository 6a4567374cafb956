/* SPDX-License-Identifier: Apache-2.0 */
/*
 * parse.h - the per-event-family state parsers, called by sinsp_parse_event().
 */
#ifndef SINSP_PARSE_H
#define SINSP_PARSE_H

#include "sinsp_int.h"

/* Route evt to its parser (parse_dispatch.c). */
void sinsp_dispatch(struct sinsp *s, struct sinsp_evt *evt);

uint32_t sinsp_enter_params(const struct sinsp_thread *t, struct sinsp_param *params, uint32_t max);

/* Index of the named parameter of an event description, -1 when absent. */
int sinsp_info_param(const struct scap_evt_info *info, uint32_t nparams, const char *name);

/* parse_proc.c */
void sinsp_parse_clone_exit(struct sinsp *s, struct sinsp_evt *evt);
void sinsp_parse_execve_exit(struct sinsp *s, struct sinsp_evt *evt);
void sinsp_parse_procexit(struct sinsp *s, struct sinsp_evt *evt);
void sinsp_parse_chdir_exit(struct sinsp *s, struct sinsp_evt *evt);

/* parse_fd.c */
void sinsp_parse_open_exit(struct sinsp *s, struct sinsp_evt *evt);
void sinsp_parse_close_exit(struct sinsp *s, struct sinsp_evt *evt);
void sinsp_parse_dup_exit(struct sinsp *s, struct sinsp_evt *evt);
void sinsp_parse_pipe_exit(struct sinsp *s, struct sinsp_evt *evt);
void sinsp_parse_simple_fd_exit(struct sinsp *s, struct sinsp_evt *evt, int32_t fd_type, const char *name);

/* parse_net.c */
void sinsp_parse_socket_exit(struct sinsp *s, struct sinsp_evt *evt);
void sinsp_parse_connect_exit(struct sinsp *s, struct sinsp_evt *evt);
void sinsp_parse_accept_exit(struct sinsp *s, struct sinsp_evt *evt);
void sinsp_parse_bind_exit(struct sinsp *s, struct sinsp_evt *evt);
void sinsp_parse_sendto_enter(struct sinsp *s, struct sinsp_evt *evt);

/* Render a socket tuple param into an fd (sets addresses and name). */
void sinsp_fd_set_tuple(struct sinsp_fd *f, const uint8_t *p, uint32_t len);

#endif

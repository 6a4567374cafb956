/* SPDX-License-Identifier: Apache-2.0 */
/*
 * log.h - scryd's own messages: on stderr ("scryd: warning: ...") or to syslog (ident
 * "scryd", facility daemon), at or above the configured level.
 */
#ifndef SCRYD_LOG_H
#define SCRYD_LOG_H

#include "config.h"

/* Log to @target from now on, messages of @level or more severe. Thread-safe after. */
void scryd_log_open(enum scryd_log_target target, enum scryd_log_level level);

__attribute__((format(printf, 2, 3)))
void scryd_log(enum scryd_log_level level, const char *fmt, ...);

void scryd_log_close(void);

#endif /* SCRYD_LOG_H */

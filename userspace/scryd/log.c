/* SPDX-License-Identifier: Apache-2.0 */
/*
 * log.c - scryd's messages to stderr or syslog (see log.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <syslog.h>

#include "log.h"

static enum scryd_log_target log_target = SCRYD_LOG_STDERR;
static enum scryd_log_level log_level = SCRYD_LOG_INFO;

void scryd_log_open(enum scryd_log_target target, enum scryd_log_level level)
{
	log_target = target;
	log_level = level;
	if (target == SCRYD_LOG_SYSLOG)
		openlog("scryd", LOG_PID, LOG_DAEMON);
}

void scryd_log(enum scryd_log_level level, const char *fmt, ...)
{
	static const char *const names[] = { [SCRYD_LOG_ERROR] = "error",
		[SCRYD_LOG_WARNING] = "warning", [SCRYD_LOG_NOTICE] = "notice",
		[SCRYD_LOG_INFO] = "info", [SCRYD_LOG_DEBUG] = "debug" };
	char msg[2048];
	va_list ap;

	if (level > log_level)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (log_target == SCRYD_LOG_SYSLOG)
		/* the facility given each time: a syslog output's openlog() sets its own */
		syslog(LOG_DAEMON | (int)level, "%s", msg);
	else
		fprintf(stderr, "scryd: %s: %s\n", names[level], msg);
}

void scryd_log_close(void)
{
	if (log_target == SCRYD_LOG_SYSLOG)
		closelog();
}

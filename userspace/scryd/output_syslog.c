/* SPDX-License-Identifier: Apache-2.0 */
/*
 * output_syslog.c - the syslog sink of scryd (see output.h): each alert is one syslog(3)
 * message of the configured facility, its priority the rule's (Falco's priorities are
 * syslog's eight levels, the same numbers: emergency 0 ... debug 7; Falco sends with
 * LOG_USER, the default facility here too).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>

#include "output.h"

struct syslog_sink {
	int facility;
};

/* openlog() keeps the pointer: the one ident of the process lives here */
static char ident[64];

static int syslog_write(struct scryd_output *o, void *priv, const char *line, size_t len,
			int prio)
{
	struct syslog_sink *s = priv;

	(void)o;
	if (len && line[len - 1] == '\n')
		len--;
	if (prio < LOG_EMERG || prio > LOG_DEBUG)
		prio = LOG_NOTICE;
	/* syslog(3) reports no error: a missing /dev/log loses the message silently */
	syslog(s->facility | prio, "%.*s", (int)len, line);
	return 0;
}

static int syslog_close(void *priv)
{
	free(priv);
	return 0;
}

static const struct scryd_sink_ops syslog_ops = { .write = syslog_write, .close = syslog_close };

int scryd_output_syslog(const char *id, int facility, uint32_t queue, struct scryd_output **out)
{
	struct syslog_sink *s = calloc(1, sizeof(*s));

	*out = NULL;
	if (!s)
		return -ENOMEM;
	if (strlen(id) >= sizeof(ident)) {
		free(s);
		return -ENAMETOOLONG;
	}
	s->facility = facility;
	strcpy(ident, id);
	openlog(ident, LOG_PID | LOG_NDELAY, facility);
	return scryd_output_new("syslog", &syslog_ops, s, queue, out);
}

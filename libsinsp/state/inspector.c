/* SPDX-License-Identifier: Apache-2.0 */
/*
 * state/inspector.c - the handle's last error, set by every part.
 */
#include "state/inspector.h"

int sinsp_err(struct sinsp *s, int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(s->errbuf, sizeof(s->errbuf), fmt, ap);
	va_end(ap);
	return code;
}

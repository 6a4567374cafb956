/* SPDX-License-Identifier: Apache-2.0 */
/*
 * fields_syslog.c - the syslog.* fields: the message a process writes to the syslog
 * socket (/dev/log), decoded from the data of the write (as evt.is_syslog tells it).
 * The message starts with "<PRI>" (RFC 3164/5424: PRI = facility * 8 + severity, at
 * most 191); syslog.message is the text after it. A write without a valid PRI, or any
 * other event, does not resolve (<NA>). Facility and severity names are sysdig 0.29.3's
 * (its -l: emerg, alert, crit, err, warn, notice, info, debug).
 */
#include <string.h>

#include "fields/fields.h"

static const char *const facilities[] = {
	"kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp", "clock",
	"authpriv", "ftp", "ntp", "logaudit", "logalert", "cron", "local0", "local1", "local2",
	"local3", "local4", "local5", "local6", "local7",
};
static const char *const severities[] = {
	"emerg", "alert", "crit", "err", "warn", "notice", "info", "debug",
};

/* PRI of "<PRI>..." at p[0..len) and the length of that header; false when invalid. */
static bool parse_pri(const uint8_t *p, uint32_t len, uint32_t *pri, uint32_t *hdr)
{
	uint32_t i, v = 0;

	if (len < 3 || p[0] != '<')
		return false;
	for (i = 1; i < len && i <= 4 && p[i] >= '0' && p[i] <= '9'; i++)
		v = v * 10 + (p[i] - '0');
	if (i == 1 || i > 4 || i >= len || p[i] != '>' || v > 191)
		return false;
	*pri = v;
	*hdr = i + 1;
	return true;
}

bool sinsp_fields_syslog(struct sinsp_evt *evt, const struct field_ref *r, struct field_val *v,
			 struct strbuf *out)
{
	const struct sinsp_param *data;
	uint32_t pri, hdr;

	if (!evt->info || !(evt->info->flags & SCAP_EF_WRITES_TO_FD) || !evt->fd ||
	    !strstr(evt->fd->name, "/dev/log"))
		return false;
	data = sinsp_evt_param(evt, "data");
	if (!data || !data->val || !parse_pri(data->val, data->len, &pri, &hdr))
		return false;
	switch (r->def->id) {
	case F_SYSLOG_FACILITY:
	case F_SYSLOG_SEVERITY:
		v->t = FV_U64;
		v->v.u = r->def->id == F_SYSLOG_FACILITY ? pri >> 3 : pri & 7;
		return true;
	case F_SYSLOG_FACILITY_STR:
		strbuf_adds(out, facilities[pri >> 3]);
		break;
	case F_SYSLOG_SEVERITY_STR:
		strbuf_adds(out, severities[pri & 7]);
		break;
	case F_SYSLOG_MESSAGE:
		strbuf_add(out, (const char *)data->val + hdr, data->len - hdr);
		break;
	default:
		return false;
	}
	v->t = FV_TEXT;
	return true;
}

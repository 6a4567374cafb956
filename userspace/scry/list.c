/* SPDX-License-Identifier: Apache-2.0 */
/*
 * list.c - scry -l (fields) and scry -L (event types with their parameters).
 */
#include <stdio.h>

#include <scry/sinsp.h>
#include <scry/sinsp_fields.h>

int scry_list_fields(FILE *f)
{
	const struct sinsp_field_info *fi;
	size_t i;

	for (i = 0; (fi = sinsp_field_info_get(i)) != NULL; i++)
		fprintf(f, "%-24s %s\n", fi->name, fi->desc);
	return 0;
}

/* Type names as sysdig -L prints them. */
static const char *param_type_name(uint8_t type)
{
	static const char *const names[SCAP_PT_MAX] = {
		"NONE", "INT8", "INT16", "INT32", "INT64", "UINT8", "UINT16", "UINT32", "UINT64",
		"CHARBUF", "BYTEBUF", "ERRNO", "SOCKADDR", "SOCKTUPLE", "FD", "PID", "FDLIST",
		"FSPATH", "SYSCALLID", "SIGTYPE", "RELTIME", "ABSTIME", "PORT", "L4PROTO",
		"SOCKFAMILY", "BOOL", "IPV4ADDR", "DYNAMIC", "FLAGS8", "FLAGS16", "FLAGS32", "UID",
		"GID", "DOUBLE", "SIGSET", "CHARBUFARRAY", "CHARBUF_PAIR_ARRAY", "IPV4NET",
		"IPV6ADDR", "IPV6NET", "IPADDR", "IPNET", "MODE", "FSRELPATH", "ENUMFLAGS8",
		"ENUMFLAGS16", "ENUMFLAGS32",
	};

	return type < SCAP_PT_MAX && names[type] ? names[type] : "UNKNOWN";
}

int scry_list_events(FILE *f)
{
	uint32_t t, i;

	for (t = 0; t < SCAP_EVT_MAX; t++) {
		const struct scap_evt_info *e = scap_evt_info((uint16_t)t);

		if (!e || !e->name || (e->flags & (SCAP_EF_UNUSED | SCAP_EF_OLD_VERSION)) ||
		    (e->category & SCAP_EC_INTERNAL))
			continue;
		fprintf(f, "%c %s(", scap_evt_is_enter((uint16_t)t) ? '>' : '<', e->name);
		for (i = 0; i < e->nparams; i++)
			fprintf(f, "%s%s %s", i ? ", " : "", param_type_name(e->params[i].type),
				e->params[i].name);
		fprintf(f, ")\n");
	}
	return 0;
}

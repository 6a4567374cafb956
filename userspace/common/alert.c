/* SPDX-License-Identifier: Apache-2.0 */
/*
 * alert.c - an alert as Falco prints it (see alert.h).
 */
#define _GNU_SOURCE /* asprintf */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "alert.h"

void scry_json_str(FILE *f, const char *s)
{
	static const char hex[] = "0123456789abcdef";

	fputc('"', f);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\') {
			fputc('\\', f);
			fputc(c, f);
		} else if (c == '\n') {
			fputs("\\n", f);
		} else if (c == '\t') {
			fputs("\\t", f);
		} else if (c == '\r') {
			fputs("\\r", f);
		} else if (c < 0x20) {
			fprintf(f, "\\u00%c%c", hex[c >> 4], hex[c & 15]);
		} else {
			fputc(c, f);
		}
	}
	fputc('"', f);
}

/* HH:MM:SS.nnnnnnnnn (local time), or ISO 8601 in UTC with "+0000" (iso) or "Z" (z). */
static void fmt_time(char *buf, size_t size, uint64_t ts, bool iso, bool z)
{
	time_t sec = (time_t)(ts / 1000000000u);
	unsigned ns = (unsigned)(ts % 1000000000u);
	struct tm tm;
	char head[32];

	if (iso || z) {
		gmtime_r(&sec, &tm);
		strftime(head, sizeof(head), "%Y-%m-%dT%H:%M:%S", &tm);
		snprintf(buf, size, "%s.%09u%s", head, ns, z ? "Z" : "+0000");
	} else {
		localtime_r(&sec, &tm);
		strftime(head, sizeof(head), "%H:%M:%S", &tm);
		snprintf(buf, size, "%s.%09u", head, ns);
	}
}

const char *scry_alert_key(const char *container_id)
{
	if (!container_id || !*container_id || !strcmp(container_id, "host"))
		return NULL;
	return container_id;
}

int scry_alert_print(FILE *f, const struct sinsp_rules_alert *a, uint64_t ts, bool json,
		     bool iso8601, const char *host)
{
	char when[64], line_time[64];
	char *line = NULL;
	size_t i;

	fmt_time(line_time, sizeof(line_time), ts, iso8601, false);
	if (asprintf(&line, "%s: %s %s", line_time, sinsp_priority_name(a->priority), a->output) < 0)
		return -ENOMEM;
	if (!json) {
		fputs(line, f);
		fputc('\n', f);
		free(line);
		return 0;
	}
	fmt_time(when, sizeof(when), ts, false, true);
	fputs("{\"hostname\":", f);
	scry_json_str(f, host);
	fputs(",\"output\":", f);
	scry_json_str(f, line);
	fputs(",\"priority\":", f);
	scry_json_str(f, sinsp_priority_name(a->priority));
	fputs(",\"rule\":", f);
	scry_json_str(f, a->rule);
	fputs(",\"source\":", f);
	scry_json_str(f, a->source);
	fputs(",\"tags\":[", f);
	for (i = 0; i < a->ntags; i++) {
		if (i)
			fputc(',', f);
		scry_json_str(f, a->tags[i]);
	}
	fputs("],\"time\":", f);
	scry_json_str(f, when);
	fprintf(f, ", \"output_fields\": %s}\n", a->fields_json ? a->fields_json : "{}");
	free(line);
	return 0;
}

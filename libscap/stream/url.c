/* SPDX-License-Identifier: Apache-2.0 */
/*
 * url.c - parsing of bus URLs and since= times (url.h).
 * RFC 3339 (section 5.6, date-time) is the time grammar; the calendar arithmetic is
 * timegm(3) of glibc.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "url.h"

#define MAX_PARAMS 16

/* The URL and the storage its strings point into. */
struct url_owned {
	struct stream_url u;      /* first: the public view */
	char *buf;                /* copy of the text, cut into the strings */
	char *text;               /* copy of the text, whole (messages) */
	const char *keys[MAX_PARAMS], *vals[MAX_PARAMS];
	int nparams;
};

bool stream_url_is_bus(const char *s)
{
	return s && (!strncmp(s, "nats://", 7) || !strncmp(s, "kafka://", 8));
}

/* @n digits at @s into *@v. */
static bool digits(const char *s, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return false;
		*v = *v * 10 + (s[i] - '0');
	}
	return true;
}

int stream_time_parse(const char *s, uint64_t *ns)
{
	int y, mo, d, h, mi, sec, oh, om;
	uint64_t frac = 0, scale = 1000000000ull;
	struct tm tm = { 0 };
	const char *p = s;
	long long off = 0;
	time_t t;

	if (!*s)
		return -EINVAL;
	if (strspn(s, "0123456789") == strlen(s)) {
		char *end;

		errno = 0;
		*ns = strtoull(s, &end, 10);
		return errno ? -EINVAL : 0;
	}
	if (strlen(s) < 20 || !digits(p, 4, &y) || p[4] != '-' || !digits(p + 5, 2, &mo) ||
	    p[7] != '-' || !digits(p + 8, 2, &d) || !strchr("Tt ", p[10]) ||
	    !digits(p + 11, 2, &h) || p[13] != ':' || !digits(p + 14, 2, &mi) || p[16] != ':' ||
	    !digits(p + 17, 2, &sec))
		return -EINVAL;
	p += 19;
	if (*p == '.') {
		p++;
		if (!isdigit((unsigned char)*p))
			return -EINVAL;
		for (; isdigit((unsigned char)*p); p++) {
			if (scale > 1) {
				scale /= 10;
				frac += (uint64_t)(*p - '0') * scale;
			}
		}
	}
	if ((*p == 'Z' || *p == 'z') && !p[1]) {
		off = 0;
	} else if ((*p == '+' || *p == '-') && strlen(p) == 6 && digits(p + 1, 2, &oh) &&
		   p[3] == ':' && digits(p + 4, 2, &om) && oh < 24 && om < 60) {
		off = (oh * 3600LL + om * 60LL) * (*p == '-' ? -1 : 1);
	} else {
		return -EINVAL;
	}
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60 || y < 1970)
		return -EINVAL;
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = sec;
	t = timegm(&tm);
	if (t == (time_t)-1 || (long long)t - off < 0)
		return -EINVAL;
	*ns = (uint64_t)((long long)t - off) * 1000000000ull + frac;
	return 0;
}

static int fail(char *err, const char *url, const char *why)
{
	if (err)
		snprintf(err, STREAM_ERR_SIZE, "%s: %s", url, why);
	return -EINVAL;
}

static int parse_query(struct url_owned *o, char *q, const char *s, char *err)
{
	char *save = NULL;

	for (char *kv = strtok_r(q, "&", &save); kv; kv = strtok_r(NULL, "&", &save)) {
		char *eq = strchr(kv, '=');

		if (!eq || eq == kv)
			return fail(err, s, "a query parameter is not KEY=VALUE");
		if (o->nparams == MAX_PARAMS)
			return fail(err, s, "more than 16 query parameters");
		*eq = '\0';
		o->keys[o->nparams] = kv;
		o->vals[o->nparams++] = eq + 1;
	}
	return 0;
}

int stream_url_parse(const char *s, struct stream_url **out, char *err)
{
	struct url_owned *o;
	char *sep, *path, *q;
	const char *since;
	int rc;

	if (!s || !out)
		return -EINVAL;
	o = calloc(1, sizeof(*o));
	if (!o || !(o->buf = strdup(s)) || !(o->text = strdup(s))) {
		if (o)
			free(o->buf);
		free(o);
		return -ENOMEM;
	}
	sep = strstr(o->buf, "://");
	if (!sep || sep == o->buf) {
		rc = fail(err, s, "not SCHEME://SERVERS/NAME");
		goto err;
	}
	*sep = '\0';
	o->u.scheme = o->buf;
	o->u.servers = sep + 3;
	path = strchr(sep + 3, '/');
	if (!path || path == sep + 3) {
		rc = fail(err, s, "no server before /NAME");
		goto err;
	}
	*path++ = '\0';
	q = strchr(path, '?');
	if (q) {
		*q++ = '\0';
		rc = parse_query(o, q, s, err);
		if (rc)
			goto err;
	}
	if (!*path || strpbrk(path, ".*>/ \t")) {
		rc = fail(err, s, "NAME (the stream or topic) is empty or holds '.', '*', '>', "
			  "'/' or a space");
		goto err;
	}
	o->u.name = path;
	o->u.host = stream_url_param(&o->u, "host");
	if (o->u.host && !*o->u.host) {
		rc = fail(err, s, "host= is empty");
		goto err;
	}
	since = stream_url_param(&o->u, "since");
	if (since && stream_time_parse(since, &o->u.since_ns)) {
		rc = fail(err, s, "since= is neither RFC 3339 (2026-12-07T13:00:00Z) nor ns "
			  "since the epoch");
		goto err;
	}
	*out = &o->u;
	return 0;
err:
	free(o->buf);
	free(o->text);
	free(o);
	return rc;
}

const char *stream_url_param(const struct stream_url *u, const char *key)
{
	const struct url_owned *o = (const struct url_owned *)u;

	for (int i = o->nparams - 1; i >= 0; i--)
		if (!strcmp(o->keys[i], key))
			return o->vals[i];
	return NULL;
}

const char *const stream_reader_keys[] = { "host", "since", NULL };

static bool key_listed(const char *const *l, const char *key)
{
	for (; l && *l; l++)
		if (!strcmp(*l, key))
			return true;
	return false;
}

int stream_url_check_keys(const struct stream_url *u, const char *const *a,
			  const char *const *b, char *err)
{
	const struct url_owned *o = (const struct url_owned *)u;
	const char *const *lists[2] = { a, b };
	size_t n;

	for (int i = 0; i < o->nparams; i++) {
		if (key_listed(a, o->keys[i]) || key_listed(b, o->keys[i]))
			continue;
		n = (size_t)snprintf(err, STREAM_ERR_SIZE, "%.200s: ?%.40s= is not an option here "
				     "(it takes:", o->text, o->keys[i]);
		for (int k = 0; k < 2; k++)
			for (const char *const *l = lists[k]; l && *l && n < STREAM_ERR_SIZE; l++)
				n += (size_t)snprintf(err + n, STREAM_ERR_SIZE - n, "%s %s",
						      n && err[n - 1] == ':' ? "" : ",", *l);
		if (n < STREAM_ERR_SIZE)
			snprintf(err + n, STREAM_ERR_SIZE - n, ")");
		return -EINVAL;
	}
	return 0;
}

void stream_url_free(struct stream_url *u)
{
	struct url_owned *o = (struct url_owned *)u;

	if (!o)
		return;
	free(o->buf);
	free(o->text);
	free(o);
}

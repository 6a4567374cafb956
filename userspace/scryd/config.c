/* SPDX-License-Identifier: Apache-2.0 */
/*
 * config.c - read scryd's YAML configuration (see config.h and scryd.yaml) with
 * libyaml's document API: every node keeps its position, so that each unknown key, bad
 * value or wrong shape is reported as FILE:LINE:COL (from 1) before anything starts.
 */
#define _GNU_SOURCE /* strdup, vsnprintf */
#include <arpa/inet.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <syslog.h>

#include <yaml.h>

#include <scry/sinsp_rules.h>

#include "config.h"
#include "metrics.h"

struct cfg_ctx {
	yaml_document_t doc;
	const char *file;
	char *err;
	size_t errsz;
};

__attribute__((format(printf, 3, 4)))
static int fail(struct cfg_ctx *x, const yaml_node_t *n, const char *fmt, ...)
{
	size_t len;
	va_list ap;

	len = (size_t)snprintf(x->err, x->errsz, "%s:%zu:%zu: ", x->file, n->start_mark.line + 1,
			       n->start_mark.column + 1);
	if (len >= x->errsz)
		return -1;
	va_start(ap, fmt);
	vsnprintf(x->err + len, x->errsz - len, fmt, ap);
	va_end(ap);
	return -1;
}

static yaml_node_t *node(struct cfg_ctx *x, int id)
{
	return yaml_document_get_node(&x->doc, id);
}

static const char *scalar(const yaml_node_t *n)
{
	return n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

/*
 * A mapping's keys, each checked against @known (NULL ended) and unique; @what names
 * the mapping in messages. Return 0 or -1 (message in x->err).
 */
static int check_keys(struct cfg_ctx *x, const yaml_node_t *map, const char *what,
		      const char *const *known)
{
	yaml_node_pair_t *p, *q;

	if (map->type != YAML_MAPPING_NODE)
		return fail(x, map, "%s: expected a mapping (key: value lines)", what);
	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *k = node(x, p->key);
		const char *ks = scalar(k);
		size_t i;
		char list[256] = "";

		if (!ks)
			return fail(x, k, "%s: a key must be a plain name", what);
		for (i = 0; known[i] && strcmp(known[i], ks); i++)
			;
		if (!known[i]) {
			for (i = 0; known[i]; i++)
				snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s%s",
					 i ? ", " : "", known[i]);
			return fail(x, k, "unknown key '%s' in %s (known: %s)", ks, what, list);
		}
		for (q = map->data.mapping.pairs.start; q < p; q++)
			if (!strcmp(scalar(node(x, q->key)), ks))
				return fail(x, k, "key '%s' in %s given twice", ks, what);
	}
	return 0;
}

static int get_str(struct cfg_ctx *x, const yaml_node_t *v, const char *key, char **out)
{
	const char *s = scalar(v);

	if (!s || !*s)
		return fail(x, v, "%s: expected a non-empty string", key);
	free(*out);
	*out = strdup(s);
	return *out ? 0 : fail(x, v, "%s: out of memory", key);
}

static int get_bool(struct cfg_ctx *x, const yaml_node_t *v, const char *key, bool *out)
{
	static const char *const yes[] = { "true", "yes", "on" }, *const no[] = { "false", "no", "off" };
	const char *s = scalar(v);
	size_t i;

	for (i = 0; s && i < 3; i++) {
		if (!strcasecmp(s, yes[i]))
			return *out = true, 0;
		if (!strcasecmp(s, no[i]))
			return *out = false, 0;
	}
	return fail(x, v, "%s: expected true or false, not '%s'", key, s ? s : "(not a scalar)");
}

/*
 * An unsigned number in [@min, @max]; @size: a K, M or G suffix multiplies by 1024,
 * 1024^2, 1024^3 (sizes in bytes).
 */
static int get_u64(struct cfg_ctx *x, const yaml_node_t *v, const char *key, bool size,
		   uint64_t min, uint64_t max, uint64_t *out)
{
	const char *s = scalar(v);
	uint64_t n, mul = 1;
	char *end;

	if (!s || !*s || *s == '-' || *s == '+')
		goto bad;
	errno = 0;
	n = strtoull(s, &end, 10);
	if (errno || end == s)
		goto bad;
	if (size && *end) {
		switch (*end++) {
		case 'K': mul = 1ull << 10; break;
		case 'M': mul = 1ull << 20; break;
		case 'G': mul = 1ull << 30; break;
		default: goto bad;
		}
	}
	if (*end || n > UINT64_MAX / mul)
		goto bad;
	n *= mul;
	if (n < min || n > max)
		return fail(x, v, "%s: %" PRIu64 " is out of range [%" PRIu64 ", %" PRIu64 "]", key, n,
			    min, max);
	*out = n;
	return 0;
bad:
	return fail(x, v, "%s: expected a number%s, not '%s'", key,
		    size ? " of bytes (suffix K, M or G allowed)" : "", s ? s : "(not a scalar)");
}

static int get_u32(struct cfg_ctx *x, const yaml_node_t *v, const char *key, uint32_t min,
		   uint32_t max, uint32_t *out)
{
	uint64_t n;

	if (get_u64(x, v, key, false, min, max, &n))
		return -1;
	*out = (uint32_t)n;
	return 0;
}

static bool ip_literal(const char *s)
{
	unsigned char a[16];

	return inet_pton(AF_INET, s, a) == 1 || inet_pton(AF_INET6, s, a) == 1;
}

/* Either a string or a sequence of strings. */
static int get_rules(struct cfg_ctx *x, const yaml_node_t *v, struct scryd_config *c)
{
	yaml_node_item_t *it;
	size_t n;

	if (v->type == YAML_SCALAR_NODE) {
		c->rules = calloc(1, sizeof(*c->rules));
		if (!c->rules)
			return fail(x, v, "rules: out of memory");
		c->nrules = 1;
		return get_str(x, v, "rules", &c->rules[0]);
	}
	if (v->type != YAML_SEQUENCE_NODE)
		return fail(x, v, "rules: expected a list of rules files or directories");
	n = (size_t)(v->data.sequence.items.top - v->data.sequence.items.start);
	if (!n)
		return fail(x, v, "rules: the list is empty: name at least one rules file");
	c->rules = calloc(n, sizeof(*c->rules));
	if (!c->rules)
		return fail(x, v, "rules: out of memory");
	for (it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++)
		if (get_str(x, node(x, *it), "rules", &c->rules[c->nrules++]))
			return -1;
	return 0;
}

/* json or text: *@json set. */
static int get_format(struct cfg_ctx *x, const yaml_node_t *v, const char *key, bool *json)
{
	const char *s = scalar(v);

	if (s && !strcmp(s, "json"))
		*json = true;
	else if (s && !strcmp(s, "text"))
		*json = false;
	else
		return fail(x, v, "%s: expected json or text, not '%s'", key,
			    s ? s : "(not a scalar)");
	return 0;
}

/* syslog.h's facilities by their names in syslog.conf(5) */
static int get_facility(struct cfg_ctx *x, const yaml_node_t *v, struct scryd_config *c)
{
	static const struct { const char *name; int facility; } fac[] = {
		{ "user", LOG_USER }, { "daemon", LOG_DAEMON }, { "auth", LOG_AUTH },
		{ "authpriv", LOG_AUTHPRIV }, { "local0", LOG_LOCAL0 }, { "local1", LOG_LOCAL1 },
		{ "local2", LOG_LOCAL2 }, { "local3", LOG_LOCAL3 }, { "local4", LOG_LOCAL4 },
		{ "local5", LOG_LOCAL5 }, { "local6", LOG_LOCAL6 }, { "local7", LOG_LOCAL7 },
	};
	const char *s = scalar(v);
	size_t i;

	for (i = 0; i < sizeof(fac) / sizeof(fac[0]); i++)
		if (s && !strcmp(s, fac[i].name))
			return c->syslog_facility = fac[i].facility, 0;
	return fail(x, v, "outputs.syslog.facility: expected user, daemon, auth, authpriv or "
		    "local0 ... local7, not '%s'", s ? s : "(not a scalar)");
}

static int get_ident(struct cfg_ctx *x, const yaml_node_t *v, struct scryd_config *c)
{
	if (get_str(x, v, "outputs.syslog.ident", &c->syslog_ident))
		return -1;
	if (strlen(c->syslog_ident) > 63)
		return fail(x, v, "outputs.syslog.ident: at most 63 bytes");
	return 0;
}

static int get_url(struct cfg_ctx *x, const yaml_node_t *v, struct scryd_config *c)
{
	const char *s = scalar(v);

	if (!s || (strncmp(s, "http://", 7) && strncmp(s, "https://", 8)))
		return fail(x, v, "outputs.http.url: expected an http:// or https:// URL, not '%s'",
			    s ? s : "(not a scalar)");
	return get_str(x, v, "outputs.http.url", &c->http_url);
}

/* outputs.http.headers: a mapping of header names to values. */
static int get_headers(struct cfg_ctx *x, const yaml_node_t *map, struct scryd_config *c)
{
	yaml_node_pair_t *p;
	size_t n;

	if (map->type != YAML_MAPPING_NODE)
		return fail(x, map, "outputs.http.headers: expected a mapping (Name: value lines)");
	n = (size_t)(map->data.mapping.pairs.top - map->data.mapping.pairs.start);
	c->http_headers = calloc(n + 1, sizeof(*c->http_headers));
	if (!c->http_headers)
		return fail(x, map, "outputs.http.headers: out of memory");
	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *kn = node(x, p->key), *vn = node(x, p->value);
		const char *k = scalar(kn), *v = scalar(vn);

		if (!k || !*k || strpbrk(k, ": \t\r\n"))
			return fail(x, kn, "outputs.http.headers: a header name is one word "
				    "without ':'");
		if (!v || strpbrk(v, "\r\n"))
			return fail(x, vn, "outputs.http.headers.%s: expected a one-line value", k);
		if (asprintf(&c->http_headers[c->http_nheaders], "%s: %s", k, v) < 0) {
			c->http_headers[c->http_nheaders] = NULL;
			return fail(x, vn, "outputs.http.headers: out of memory");
		}
		c->http_nheaders++;
	}
	return 0;
}

#include "config_env.inc"

/* The value of key @key in mapping @map; @map itself when absent. */
static const yaml_node_t *value_of(struct cfg_ctx *x, const yaml_node_t *map, const char *key)
{
	yaml_node_pair_t *p;

	if (map->type != YAML_MAPPING_NODE)
		return map;
	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++)
		if (!strcmp(scalar(node(x, p->key)), key))
			return node(x, p->value);
	return map;
}

/* One key of an output's section: its kind and where its value goes in the config. */
struct field {
	const char *key;
	enum { F_BOOL, F_STR, F_U32, F_SIZE, F_FORMAT, F_OTHER } kind;
	size_t off;                 /* offsetof(struct scryd_config, ...); F_OTHER: unused */
	uint32_t min, max;          /* F_U32 */
	int (*get)(struct cfg_ctx *x, const yaml_node_t *v, struct scryd_config *c); /* F_OTHER */
};

#define FIELD(k, kind, member) { k, kind, offsetof(struct scryd_config, member), 0, 0, NULL }
#define FIELD_U32(k, member, lo, hi) { k, F_U32, offsetof(struct scryd_config, member), lo, hi, NULL }
#define FIELD_OTHER(k, fn) { k, F_OTHER, 0, 0, 0, fn }
#define QUEUE(member) FIELD_U32("queue", member, 1, 1u << 24)

/* An output's section @name (outputs.NAME): its keys are @f (@n of them). */
static int parse_section(struct cfg_ctx *x, const yaml_node_t *map, const char *name,
			 const struct field *f, size_t n, struct scryd_config *c)
{
	const char *keys[16];
	yaml_node_pair_t *p;
	char what[64], key[96];
	size_t i;

	for (i = 0; i < n; i++)
		keys[i] = f[i].key;
	keys[n] = NULL;
	snprintf(what, sizeof(what), "outputs.%s", name);
	if (check_keys(x, map, what, keys))
		return -1;
	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		const char *k = scalar(node(x, p->key));
		yaml_node_t *v = node(x, p->value);
		void *dst;
		uint64_t u;
		int rc;

		for (i = 0; strcmp(f[i].key, k); i++)
			;
		dst = (char *)c + f[i].off;
		snprintf(key, sizeof(key), "%s.%s", what, k);
		switch (f[i].kind) {
		case F_BOOL: rc = get_bool(x, v, key, dst); break;
		case F_STR: rc = get_str(x, v, key, dst); break;
		case F_U32: rc = get_u32(x, v, key, f[i].min, f[i].max, dst); break;
		case F_SIZE:
			rc = get_u64(x, v, key, true, 0, UINT64_MAX, &u);
			if (!rc)
				memcpy(dst, &u, sizeof(u));
			break;
		case F_FORMAT: rc = get_format(x, v, key, dst); break;
		default: rc = f[i].get(x, v, c); break;
		}
		if (rc)
			return rc;
	}
	return 0;
}

static int parse_outputs(struct cfg_ctx *x, const yaml_node_t *map, struct scryd_config *c)
{
	static const struct field out_stdout[] = {
		FIELD("enabled", F_BOOL, stdout_enabled), FIELD("format", F_FORMAT, stdout_json),
		QUEUE(stdout_queue),
	}, out_file[] = {
		FIELD("enabled", F_BOOL, file_enabled), FIELD("path", F_STR, file_path),
		FIELD("max_size", F_SIZE, file_max_size),
		FIELD_U32("max_files", file_max_files, 1, 1000), QUEUE(file_queue),
	}, out_syslog[] = {
		FIELD("enabled", F_BOOL, syslog_enabled), FIELD("format", F_FORMAT, syslog_json),
		FIELD_OTHER("ident", get_ident), FIELD_OTHER("facility", get_facility),
		QUEUE(syslog_queue),
	}, out_program[] = {
		FIELD("enabled", F_BOOL, program_enabled), FIELD("program", F_STR, program_cmd),
		FIELD("keep_alive", F_BOOL, program_keep_alive),
		FIELD("format", F_FORMAT, program_json), QUEUE(program_queue),
	}, out_http[] = {
		FIELD("enabled", F_BOOL, http_enabled), FIELD_OTHER("url", get_url),
		FIELD("user_agent", F_STR, http_user_agent), FIELD_OTHER("headers", get_headers),
		FIELD_U32("timeout_ms", http_timeout_ms, 1, 3600000),
		FIELD_U32("connect_timeout_ms", http_connect_timeout_ms, 1, 3600000),
		FIELD("insecure", F_BOOL, http_insecure),
		FIELD("ca_bundle", F_STR, http_ca_bundle), FIELD("ca_path", F_STR, http_ca_path),
		QUEUE(http_queue),
	};
#define SECTION(n, t) { n, t, sizeof(t) / sizeof(t[0]) }
	static const struct { const char *name; const struct field *f; size_t n; } sections[] = {
		SECTION("stdout", out_stdout), SECTION("file", out_file),
		SECTION("syslog", out_syslog), SECTION("program", out_program),
		SECTION("http", out_http),
	};
#undef SECTION
	static const char *const keys[] = { "stdout", "file", "syslog", "program", "http", NULL };
	yaml_node_pair_t *p;
	size_t i;

	if (check_keys(x, map, "outputs", keys))
		return -1;
	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *v = node(x, p->value);
		const char *k = scalar(node(x, p->key));

		for (i = 0; strcmp(keys[i], k); i++)
			;
		if (parse_section(x, v, k, sections[i].f, sections[i].n, c))
			return -1;
		/* what an enabled output cannot do without */
		if (!strcmp(k, "file") && c->file_enabled && !c->file_path)
			return fail(x, v, "outputs.file: enabled but no path");
		if (!strcmp(k, "file") && c->file_enabled &&
		    check_file_path(x, value_of(x, v, "path"), c->file_path))
			return -1;
		if (!strcmp(k, "program") && c->program_enabled && !c->program_cmd)
			return fail(x, v, "outputs.program: enabled but no program");
		if (!strcmp(k, "http") && c->http_enabled && !c->http_url)
			return fail(x, v, "outputs.http: enabled but no url");
	}
	return 0;
}

static int parse_log(struct cfg_ctx *x, const yaml_node_t *map, struct scryd_config *c)
{
	static const char *const keys[] = { "target", "level", NULL };
	static const struct { const char *name; enum scryd_log_level level; } levels[] = {
		{ "error", SCRYD_LOG_ERROR }, { "warning", SCRYD_LOG_WARNING },
		{ "notice", SCRYD_LOG_NOTICE }, { "info", SCRYD_LOG_INFO },
		{ "debug", SCRYD_LOG_DEBUG },
	};
	yaml_node_pair_t *p;

	if (check_keys(x, map, "log", keys))
		return -1;
	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		const char *k = scalar(node(x, p->key));
		yaml_node_t *v = node(x, p->value);
		const char *s = scalar(v);
		size_t i;

		if (!strcmp(k, "target")) {
			if (s && !strcmp(s, "stderr"))
				c->log_target = SCRYD_LOG_STDERR;
			else if (s && !strcmp(s, "syslog"))
				c->log_target = SCRYD_LOG_SYSLOG;
			else
				return fail(x, v, "log.target: expected stderr or syslog, not '%s'",
					    s ? s : "(not a scalar)");
			continue;
		}
		for (i = 0; i < sizeof(levels) / sizeof(levels[0]); i++)
			if (s && !strcmp(s, levels[i].name))
				break;
		if (i == sizeof(levels) / sizeof(levels[0]))
			return fail(x, v, "log.level: expected error, warning, notice, info or debug, "
				    "not '%s'", s ? s : "(not a scalar)");
		c->log_level = levels[i].level;
	}
	return 0;
}

#include "config_metrics.inc"

static int parse_prometheus(struct cfg_ctx *x, const yaml_node_t *map, struct scryd_config *c)
{
	static const char *const keys[] = { "enabled", "address", "port", "stall_timeout", NULL };
	yaml_node_pair_t *p;

	if (check_keys(x, map, "prometheus", keys))
		return -1;
	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		const char *k = scalar(node(x, p->key));
		yaml_node_t *v = node(x, p->value);
		uint32_t port;
		int rc;

		if (!strcmp(k, "enabled")) {
			rc = get_bool(x, v, "prometheus.enabled", &c->prom_enabled);
		} else if (!strcmp(k, "address")) {
			rc = get_str(x, v, "prometheus.address", &c->prom_address);
			if (!rc && !ip_literal(c->prom_address))
				rc = fail(x, v, "prometheus.address: expected an IPv4 or IPv6 address, "
					  "not '%s'", c->prom_address);
		} else if (!strcmp(k, "port")) {
			rc = get_u32(x, v, "prometheus.port", 0, 65535, &port);
			if (!rc)
				c->prom_port = (uint16_t)port;
		} else {
			rc = get_u32(x, v, "prometheus.stall_timeout", 1, 3600, &c->prom_stall_timeout);
		}
		if (rc)
			return rc;
	}
	return 0;
}

/*
 * containers: { lookups, timeout_ms, sockets: { RUNTIME: PATH, ... } }. RUNTIME is
 * checked against the runtimes libsinsp was built with (config_env.inc).
 */
static int parse_containers(struct cfg_ctx *x, const yaml_node_t *map, struct scryd_config *c)
{
	static const char *const keys[] = { "lookups", "timeout_ms", "sockets", NULL };
	yaml_node_pair_t *p, *q;

	if (check_keys(x, map, "containers", keys))
		return -1;
	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		const char *k = scalar(node(x, p->key));
		yaml_node_t *v = node(x, p->value);
		int rc = 0;

		if (!strcmp(k, "lookups")) {
			rc = get_bool(x, v, "containers.lookups", &c->runtime_lookups);
		} else if (!strcmp(k, "timeout_ms")) {
			rc = get_u32(x, v, "containers.timeout_ms", 1, 600000, &c->runtime_timeout_ms);
		} else if (v->type != YAML_MAPPING_NODE) {
			rc = fail(x, v, "containers.sockets: expected a mapping RUNTIME: PATH");
		} else {
			for (q = v->data.mapping.pairs.start; q < v->data.mapping.pairs.top; q++) {
				yaml_node_t *kv = node(x, q->key), *pv = node(x, q->value);
				struct sinsp_runtime_socket *rs;
				char *runtime = NULL, *path = NULL;

				if (c->nruntime_sockets == SCRYD_RUNTIMES_MAX)
					return fail(x, kv, "containers.sockets: more than %d entries",
						    SCRYD_RUNTIMES_MAX);
				const char *ps = scalar(pv);
				uint32_t i;

				if (get_str(x, kv, "containers.sockets", &runtime))
					return -1;
				if (check_runtime(x, kv, runtime)) {
					free(runtime);
					return -1;
				}
				for (i = 0; i < c->nruntime_sockets; i++)
					if (!strcmp(c->runtime_sockets[i].runtime, runtime))
						break;
				if (i < c->nruntime_sockets)
					rc = fail(x, kv, "containers.sockets: runtime '%s' given twice",
						  runtime);
				else if (!ps || (*ps && *ps != '/'))
					rc = fail(x, pv, "containers.sockets.%s: expected an absolute "
						  "path or \"\" (do not ask it), not '%s'", runtime,
						  ps ? ps : "(not a scalar)");
				else if (!(path = strdup(ps)))
					rc = fail(x, pv, "containers.sockets: out of memory");
				if (rc) {
					free(runtime);
					return rc;
				}
				rs = &c->runtime_sockets[c->nruntime_sockets++];
				rs->runtime = runtime;
				rs->path = path;
			}
		}
		if (rc)
			return rc;
	}
	return 0;
}

#include "config_bus.inc"
#include "config_capture.inc"

static int parse_root(struct cfg_ctx *x, const yaml_node_t *root, struct scryd_config *c)
{
	static const char *const keys[] = { "engine", "rules", "min_priority", "outputs", "log",
					    "metrics", "prometheus", "containers", "bus", "capture",
					    NULL };
	yaml_node_pair_t *p;

	if (check_keys(x, root, "the configuration", keys))
		return -1;
	for (p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top; p++) {
		const char *k = scalar(node(x, p->key));
		yaml_node_t *v = node(x, p->value);
		const char *s = scalar(v);
		int rc = 0;

		if (!strcmp(k, "engine")) {
			if (!s || (strcmp(s, "kmod") && strcmp(s, "bpf") && strcmp(s, "auto")))
				return fail(x, v, "engine: expected kmod, bpf or auto, not '%s'",
					    s ? s : "(not a scalar)");
			rc = get_str(x, v, "engine", &c->engine);
		} else if (!strcmp(k, "rules")) {
			rc = get_rules(x, v, c);
		} else if (!strcmp(k, "min_priority")) {
			c->min_priority = s ? sinsp_priority_parse(s) : -EINVAL;
			if (c->min_priority < 0)
				return fail(x, v, "min_priority: expected emergency, alert, critical, "
					    "error, warning, notice, informational or debug, not '%s'",
					    s ? s : "(not a scalar)");
		} else if (!strcmp(k, "outputs")) {
			rc = parse_outputs(x, v, c);
		} else if (!strcmp(k, "metrics")) {
			rc = parse_metrics(x, v, c);
		} else if (!strcmp(k, "prometheus")) {
			rc = parse_prometheus(x, v, c);
		} else if (!strcmp(k, "containers")) {
			rc = parse_containers(x, v, c);
		} else if (!strcmp(k, "bus")) {
			rc = parse_bus(x, v, c);
		} else if (!strcmp(k, "capture")) {
			rc = parse_capture(x, v, c);
		} else {
			rc = parse_log(x, v, c);
		}
		if (rc)
			return rc;
	}
	if (!c->nrules)
		return fail(x, root, "no rules: the key 'rules' must name at least one rules file");
	if (!c->stdout_enabled && !c->file_enabled && !c->syslog_enabled && !c->program_enabled &&
	    !c->http_enabled && !(c->bus_enabled && c->bus_alerts))
		return fail(x, root, "no output enabled (outputs.stdout, file, syslog, program or "
			    "http, or bus.alerts: enabled: true)");
	return check_metrics(x, root, c);
}

int scryd_config_load(const char *path, struct scryd_config *c, char *err, size_t errsz)
{
	struct cfg_ctx x = { .file = path, .err = err, .errsz = errsz };
	yaml_parser_t parser;
	yaml_node_t *root;
	FILE *f;
	int rc;

	memset(c, 0, sizeof(*c));
	c->min_priority = SINSP_PRIO_DEBUG;
	c->stdout_enabled = true;
	c->stdout_json = true;
	c->stdout_queue = 4096;
	c->file_max_size = 64ull << 20;
	c->file_max_files = 5;
	c->file_queue = 4096;
	c->syslog_ident = strdup("scryd");
	c->syslog_facility = LOG_USER;
	c->syslog_queue = 4096;
	c->program_json = true;
	c->program_keep_alive = true;
	c->program_queue = 4096;
	c->http_timeout_ms = 5000;
	c->http_connect_timeout_ms = 2000;
	c->http_queue = 4096;
	c->log_level = SCRYD_LOG_INFO;
	scryd_metrics_config_defaults(&c->metrics);
	c->prom_enabled = true;
	c->prom_port = 9376;
	c->prom_stall_timeout = 10;
	c->runtime_lookups = true;
	c->bus_spool_size = 1ull << 30;
	c->bus_capture = true;
	c->capture_exit_only = -1;
	c->bus_alerts = true;
	c->bus_metrics = true;
	c->bus_chunk_events = 100000;
	c->bus_max_message = 1ull << 20;
	c->path = strdup(path);
	c->engine = strdup("auto");
	c->prom_address = strdup("127.0.0.1");
	if (!c->path || !c->engine || !c->prom_address || !c->syslog_ident) {
		snprintf(err, errsz, "%s: out of memory", path);
		return -1;
	}
	f = fopen(path, "r");
	if (!f) {
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (!yaml_parser_initialize(&parser)) {
		fclose(f);
		snprintf(err, errsz, "%s: out of memory", path);
		return -1;
	}
	yaml_parser_set_input_file(&parser, f);
	if (!yaml_parser_load(&parser, &x.doc)) {
		snprintf(err, errsz, "%s:%zu:%zu: YAML: %s%s%s", path, parser.problem_mark.line + 1,
			 parser.problem_mark.column + 1, parser.problem ? parser.problem : "error",
			 parser.context ? " " : "", parser.context ? parser.context : "");
		yaml_parser_delete(&parser);
		fclose(f);
		return -1;
	}
	root = yaml_document_get_root_node(&x.doc);
	if (!root) {
		snprintf(err, errsz, "%s:1:1: the configuration is empty", path);
		rc = -1;
	} else {
		rc = parse_root(&x, root, c);
	}
	yaml_document_delete(&x.doc);
	yaml_parser_delete(&parser);
	fclose(f);
	return rc;
}

void scryd_config_free(struct scryd_config *c)
{
	size_t i;

	for (i = 0; i < c->nrules; i++)
		free(c->rules[i]);
	free(c->rules);
	free(c->path);
	free(c->engine);
	free(c->file_path);
	free(c->prom_address);
	for (i = 0; i < c->nruntime_sockets; i++) {
		free((char *)c->runtime_sockets[i].runtime);
		free((char *)c->runtime_sockets[i].path);
	}
	free(c->syslog_ident);
	free(c->program_cmd);
	free(c->http_url);
	free(c->http_user_agent);
	for (i = 0; i < c->http_nheaders; i++)
		free(c->http_headers[i]);
	free(c->http_headers);
	free(c->http_ca_bundle);
	free(c->http_ca_path);
	free(c->bus_url);
	free(c->bus_spool_dir);
	memset(c, 0, sizeof(*c));
}

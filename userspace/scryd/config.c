/* SPDX-License-Identifier: Apache-2.0 */
/*
 * config.c - read scryd's YAML configuration (see config.h and scryd.yaml) with
 * libyaml's document API: every node keeps its position, so that each unknown key, bad
 * value or wrong shape is reported as FILE:LINE:COL (from 1) before anything starts.
 */
#define _GNU_SOURCE /* strdup, vsnprintf */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <yaml.h>

#include <scry/sinsp_rules.h>

#include "config.h"

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

static int parse_stdout(struct cfg_ctx *x, const yaml_node_t *map, struct scryd_config *c)
{
	static const char *const keys[] = { "enabled", "format", "queue", NULL };
	yaml_node_pair_t *p;

	if (check_keys(x, map, "outputs.stdout", keys))
		return -1;
	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		const char *k = scalar(node(x, p->key));
		yaml_node_t *v = node(x, p->value);
		int rc = 0;

		if (!strcmp(k, "enabled")) {
			rc = get_bool(x, v, "outputs.stdout.enabled", &c->stdout_enabled);
		} else if (!strcmp(k, "format")) {
			const char *s = scalar(v);

			if (s && !strcmp(s, "json"))
				c->stdout_json = true;
			else if (s && !strcmp(s, "text"))
				c->stdout_json = false;
			else
				rc = fail(x, v, "outputs.stdout.format: expected json or text, not '%s'",
					  s ? s : "(not a scalar)");
		} else {
			rc = get_u32(x, v, "outputs.stdout.queue", 1, 1u << 24, &c->stdout_queue);
		}
		if (rc)
			return rc;
	}
	return 0;
}

static int parse_file(struct cfg_ctx *x, const yaml_node_t *map, struct scryd_config *c)
{
	static const char *const keys[] = { "enabled", "path", "max_size", "max_files", "queue", NULL };
	yaml_node_pair_t *p;

	if (check_keys(x, map, "outputs.file", keys))
		return -1;
	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		const char *k = scalar(node(x, p->key));
		yaml_node_t *v = node(x, p->value);
		int rc;

		if (!strcmp(k, "enabled"))
			rc = get_bool(x, v, "outputs.file.enabled", &c->file_enabled);
		else if (!strcmp(k, "path"))
			rc = get_str(x, v, "outputs.file.path", &c->file_path);
		else if (!strcmp(k, "max_size"))
			rc = get_u64(x, v, "outputs.file.max_size", true, 0, UINT64_MAX,
				     &c->file_max_size);
		else if (!strcmp(k, "max_files"))
			rc = get_u32(x, v, "outputs.file.max_files", 1, 1000, &c->file_max_files);
		else
			rc = get_u32(x, v, "outputs.file.queue", 1, 1u << 24, &c->file_queue);
		if (rc)
			return rc;
	}
	if (c->file_enabled && !c->file_path)
		return fail(x, map, "outputs.file: enabled but no path");
	return 0;
}

static int parse_outputs(struct cfg_ctx *x, const yaml_node_t *map, struct scryd_config *c)
{
	static const char *const keys[] = { "stdout", "file", NULL };
	yaml_node_pair_t *p;

	if (check_keys(x, map, "outputs", keys))
		return -1;
	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		const char *k = scalar(node(x, p->key));
		yaml_node_t *v = node(x, p->value);

		if (!strcmp(k, "stdout") ? parse_stdout(x, v, c) : parse_file(x, v, c))
			return -1;
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

#include "config_bus.inc"

static int parse_root(struct cfg_ctx *x, const yaml_node_t *root, struct scryd_config *c)
{
	static const char *const keys[] = { "engine", "rules", "min_priority", "outputs", "log",
					    "bus", NULL };
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
		} else if (!strcmp(k, "bus")) {
			rc = parse_bus(x, v, c);
		} else {
			rc = parse_log(x, v, c);
		}
		if (rc)
			return rc;
	}
	if (!c->nrules)
		return fail(x, root, "no rules: the key 'rules' must name at least one rules file");
	if (!c->stdout_enabled && !c->file_enabled && !(c->bus_enabled && c->bus_alerts))
		return fail(x, root, "no output enabled (outputs.stdout.enabled or "
			    "outputs.file.enabled)");
	return 0;
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
	c->log_level = SCRYD_LOG_INFO;
	c->bus_spool_size = 1ull << 30;
	c->bus_capture = true;
	c->bus_alerts = true;
	c->bus_metrics = true;
	c->bus_chunk_events = 100000;
	c->bus_max_message = 1ull << 20;
	c->path = strdup(path);
	c->engine = strdup("auto");
	if (!c->path || !c->engine) {
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
	free(c->bus_url);
	free(c->bus_spool_dir);
	memset(c, 0, sizeof(*c));
}

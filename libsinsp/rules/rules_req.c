/* SPDX-License-Identifier: Apache-2.0 */
/*
 * rules_req.c - the items that state what a rules file needs (required_engine_version:
 * a number N meaning 0.N.0, or a semver; required_plugin_versions: the container and
 * k8s plugins are scry's built-in fields, others are ignored with a warning), and the
 * priority names.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "rules/rules.h"
#include "rules/rules_yaml.h"

static struct rl_pos pos_at(size_t src, const struct ry_node *n)
{
	struct rl_pos p = { .src = src };

	p.line = n->line;
	p.column = n->column;
	p.offset = n->offset;
	return p;
}

/* "0.N.0" from a number N, or the semver string: into maj/min/patch. */
static bool parse_version(const char *s, unsigned *v)
{
	char *end;
	int i;

	v[0] = v[1] = v[2] = 0;
	if (!strchr(s, '.')) {
		v[1] = (unsigned)strtoul(s, &end, 10);
		return end != s && !*end;
	}
	for (i = 0; i < 3; i++) {
		v[i] = (unsigned)strtoul(s, &end, 10);
		if (end == s)
			return false;
		s = end;
		if (i < 2 && *s++ != '.')
			return false;
	}
	return !*s;
}

int rl_read_engine_version(struct sinsp_rules *r, size_t src, const struct ry_node *item)
{
	const struct ry_node *v = ry_get(item, "required_engine_version");
	struct rl_pos pos = pos_at(src, v ? v : item);
	unsigned need[3], have[3];
	int i;

	if (!v || v->kind != RY_SCALAR || !parse_version(v->str, need))
		return rl_msg(r, &pos, SINSP_RULES_ERR_YAML_VALIDATE, "required_engine_version", "",
			      "Can't decode YAML scalar value");
	parse_version(SINSP_RULES_ENGINE_VERSION, have);
	for (i = 0; i < 3 && need[i] == have[i]; i++)
		;
	if (i < 3 && need[i] > have[i])
		return rl_msg(r, &pos, SINSP_RULES_ERR_VALIDATE, "required_engine_version", "",
			      "Rules require engine version %u.%u.%u, but engine version is %s", need[0], need[1],
			   need[2], SINSP_RULES_ENGINE_VERSION);
	return 0;
}

/* Plugins scry provides with built-in fields. */
static bool builtin_plugin(const char *name)
{
	return !strcmp(name, "container") || !strcmp(name, "k8s") || !strcmp(name, "k8smeta");
}

int rl_read_plugin_versions(struct sinsp_rules *r, size_t src, const struct ry_node *item)
{
	const struct ry_node *v = ry_get(item, "required_plugin_versions"), *p, *name, *alts;
	struct rl_pos pos;
	size_t i, k;
	int rc;

	if (ry_is_null(v))
		return 0;
	if (v->kind != RY_SEQ) {
		pos = pos_at(src, v);
		return rl_msg(r, &pos, SINSP_RULES_ERR_YAML_VALIDATE, "required_plugin_versions", "",
			      "Value of required_plugin_versions must be a sequence");
	}
	for (i = 0; i < v->nkids; i++) {
		bool ok = false;

		p = v->kids[i];
		pos = pos_at(src, p);
		name = ry_get(p, "name");
		if (p->kind != RY_MAP || !name || name->kind != RY_SCALAR || !ry_get(p, "version"))
			return rl_msg(r, &pos, SINSP_RULES_ERR_YAML_VALIDATE, "required_plugin_versions", "",
				      "Each required plugin needs a 'name' and a 'version'");
		ok = builtin_plugin(name->str);
		alts = ry_get(p, "alternatives");
		for (k = 0; !ok && alts && alts->kind == RY_SEQ && k < alts->nkids; k++) {
			const struct ry_node *an = ry_get(alts->kids[k], "name");

			ok = an && an->kind == RY_SCALAR && builtin_plugin(an->str);
		}
		if (!ok && (rc = rl_msg(r, &pos, SINSP_RULES_WARN_UNKNOWN_ITEM, "required_plugin_versions",
					 name->str, "Plugin '%s' is not available in scry: its requirement is ignored",
				     name->str)))
			return rc;
	}
	return 0;
}

int sinsp_priority_parse(const char *name)
{
	static const char *const names[] = { "emergency", "alert", "critical", "error", "warning",
					     "notice", "informational", "debug" };
	int i;

	if (!name)
		return -EINVAL;
	for (i = 0; i < SINSP_PRIO_COUNT; i++)
		if (strcasecmp(name, names[i]) == 0)
			return i;
	if (strcasecmp(name, "info") == 0)
		return SINSP_PRIO_INFORMATIONAL;
	return -EINVAL;
}

const char *sinsp_priority_name(enum sinsp_priority p)
{
	static const char *const names[] = { "Emergency", "Alert", "Critical", "Error", "Warning",
					     "Notice", "Informational", "Debug" };

	return (unsigned)p < SINSP_PRIO_COUNT ? names[p] : NULL;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * rules_eval.c - the engine's life (new, load paths and strings, free), the selection of
 * the rules that evaluate (minimum priority, tags, names), and the evaluation of an
 * event: only the rules indexed under its type are tried, in load order, the first
 * match (or every match) rendered.
 */
#define _GNU_SOURCE /* asprintf, vasprintf */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rules/rules.h"
#include "util/grow.h"

int sinsp_rules_new(sinsp_t *s, struct sinsp_rules **out)
{
	struct sinsp_rules *r;

	*out = NULL;
	if (!s)
		return -EINVAL;
	r = calloc(1, sizeof(*r));
	if (!r)
		return -ENOMEM;
	r->s = s;
	r->min_prio = SINSP_PRIO_DEBUG;
	*out = r;
	return 0;
}

/* The whole file at path, NUL terminated; 0 or a negative errno. */
static int read_file(const char *path, char **text, size_t *len)
{
	struct strbuf b = { 0 };
	char chunk[65536];
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -errno;
	while ((n = read(fd, chunk, sizeof(chunk))) != 0) {
		if (n < 0) {
			int e = errno;

			if (e == EINTR)
				continue;
			close(fd);
			strbuf_free(&b);
			return -e;
		}
		strbuf_add(&b, chunk, (size_t)n);
	}
	close(fd);
	if (!b.buf)
		strbuf_grow(&b, 1);
	*text = b.buf;
	*len = b.len;
	return 0;
}

static int file_read_error(struct sinsp_rules *r, const char *path, int err)
{
	long src = rl_result_new(r, path);
	struct rl_pos pos = { 0 };

	if (src < 0)
		return (int)src;
	pos.src = (size_t)src;
	rl_msg(r, &pos, SINSP_RULES_ERR_FILE_READ, "rules content", "", "Could not read file %s: %s", path,
	       strerror(-err));
	return err;
}

static int load_file(struct sinsp_rules *r, const char *path)
{
	char *text = NULL;
	size_t len = 0;
	int rc = read_file(path, &text, &len);

	if (rc == -ENOMEM)
		return rc;
	if (rc)
		return file_read_error(r, path, rc);
	rc = rl_load_text(r, path, text, len);
	free(text);
	return rc;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_yaml_name(const char *n)
{
	size_t l = strlen(n);

	return (l > 5 && strcmp(n + l - 5, ".yaml") == 0) || (l > 4 && strcmp(n + l - 4, ".yml") == 0);
}

int sinsp_rules_load_path(struct sinsp_rules *r, const char *path)
{
	struct dirent *de;
	struct stat st;
	char **names = NULL;
	size_t n = 0, i;
	int rc = 0, frc;
	DIR *d;

	if (!r || !path)
		return -EINVAL;
	if (r->compiled)
		return -EBUSY;
	if (stat(path, &st))
		return file_read_error(r, path, -errno);
	if (!S_ISDIR(st.st_mode))
		return load_file(r, path);
	d = opendir(path);
	if (!d)
		return file_read_error(r, path, -errno);
	while ((de = readdir(d))) {
		char **g;
		char *full = NULL;

		if (de->d_name[0] == '.' || !is_yaml_name(de->d_name))
			continue;
		g = sinsp_grow(names, n, sizeof(*names));
		if (!g || asprintf(&full, "%s/%s", path, de->d_name) < 0) {
			if (g)
				names = g;
			rc = -ENOMEM;
			break;
		}
		names = g;
		names[n++] = full;
	}
	closedir(d);
	if (n > 1)
		qsort(names, n, sizeof(*names), cmp_name);
	for (i = 0; i < n && rc != -ENOMEM; i++) {
		if (stat(names[i], &st) == 0 && S_ISDIR(st.st_mode))
			continue;
		frc = load_file(r, names[i]);
		if (frc && !rc)
			rc = frc;
	}
	rl_strv_free(names, n);
	return rc;
}

int sinsp_rules_load_string(struct sinsp_rules *r, const char *name, const char *yaml)
{
	if (!r || !name || !yaml)
		return -EINVAL;
	if (r->compiled)
		return -EBUSY;
	return rl_load_text(r, name, yaml, strlen(yaml));
}

/* ---- selection --------------------------------------------------------------------------- */

static bool has_any(char *const *tags, size_t ntags, char *const *set, size_t nset)
{
	size_t i, k;

	for (i = 0; i < ntags; i++)
		for (k = 0; k < nset; k++)
			if (strcmp(tags[i], set[k]) == 0)
				return true;
	return false;
}

void rl_select(struct sinsp_rules *r)
{
	size_t i, k;

	for (i = 0; i < r->nrules; i++) {
		struct rl_rule *rule = &r->rules[i];
		bool on = rule->enabled && rule->prio <= r->min_prio;

		if (on && r->nen_tags)
			on = has_any(rule->tags, rule->ntags, r->en_tags, r->nen_tags);
		if (on && r->ndis_tags)
			on = !has_any(rule->tags, rule->ntags, r->dis_tags, r->ndis_tags);
		for (k = 0; on && k < r->ndis_rules; k++)
			on = !strstr(rule->name, r->dis_rules[k]);
		rule->selected = on && rule->filter && rule->text;
	}
}

int sinsp_rules_set_min_priority(struct sinsp_rules *r, enum sinsp_priority p)
{
	if (!r || (unsigned)p >= SINSP_PRIO_COUNT)
		return -EINVAL;
	r->min_prio = p;
	rl_select(r);
	return 0;
}

static int push_copy(char ***v, size_t *n, const char *s)
{
	char **g = sinsp_grow(*v, *n, sizeof(**v));
	char *c;

	if (!g)
		return -ENOMEM;
	*v = g;
	c = strdup(s);
	if (!c)
		return -ENOMEM;
	g[(*n)++] = c;
	return 0;
}

int sinsp_rules_enable_tag(struct sinsp_rules *r, const char *tag)
{
	int rc;

	if (!r || !tag)
		return -EINVAL;
	rc = push_copy(&r->en_tags, &r->nen_tags, tag);
	rl_select(r);
	return rc;
}

int sinsp_rules_disable_tag(struct sinsp_rules *r, const char *tag)
{
	int rc;

	if (!r || !tag)
		return -EINVAL;
	rc = push_copy(&r->dis_tags, &r->ndis_tags, tag);
	rl_select(r);
	return rc;
}

int sinsp_rules_disable_rule(struct sinsp_rules *r, const char *name)
{
	int rc;

	if (!r || !name)
		return -EINVAL;
	rc = push_copy(&r->dis_rules, &r->ndis_rules, name);
	rl_select(r);
	return rc;
}

void sinsp_rules_set_match_all(struct sinsp_rules *r, bool all)
{
	if (r)
		r->match_all = all;
}

void sinsp_rules_set_all_events(struct sinsp_rules *r, bool all)
{
	if (r)
		r->all_events = all;
}

void sinsp_rules_set_json(struct sinsp_rules *r, bool json)
{
	if (r)
		r->json = json;
}

int sinsp_rules_set_output_extra(struct sinsp_rules *r, const char *extra, bool replace_info)
{
	char *copy = NULL;

	if (!r)
		return -EINVAL;
	if (r->compiled)
		return -EBUSY;
	if (extra && *extra && !(copy = strdup(extra)))
		return -ENOMEM;
	free(r->extra);
	r->extra = copy;
	r->extra_replaces = copy && replace_info;
	return 0;
}

/* ---- evaluation ---------------------------------------------------------------------------- */

/* Render rule i's alert into r->alerts[n]; false when out of memory. */
static bool add_alert(struct sinsp_rules *r, size_t n, size_t i, struct sinsp_evt *evt)
{
	struct rl_rule *rule = &r->rules[i];
	struct sinsp_rules_alert *a;
	const char *text;

	if (n >= r->alerts_cap) {
		size_t cap = r->alerts_cap ? 2 * r->alerts_cap : 4;

		a = realloc(r->alerts, cap * sizeof(*a));
		if (!a)
			return false;
		r->alerts = a;
		r->alerts_cap = cap;
	}
	a = &r->alerts[n];
	memset(a, 0, sizeof(*a));
	a->rule = rule->name;
	a->priority = rule->prio;
	a->source = rule->source;
	a->tags = (const char *const *)rule->tags;
	a->ntags = rule->ntags;
	a->index = i;
	sinsp_formatter_render(rule->text, evt, &a->output, NULL);
	if (r->json) {
		sinsp_formatter_render(rule->json, evt, &text, NULL);
		a->fields_json = text;
	}
	rule->matches++;
	return true;
}

size_t sinsp_rules_eval(struct sinsp_rules *r, struct sinsp_evt *evt, const struct sinsp_rules_alert **out)
{
	unsigned type = evt->ref.type, key;
	size_t n = 0, k;

	*out = NULL;
	r->events++;
	if (!r->compile_ok)
		return 0;
	if (type < SCAP_EVT_MAX && !r->all_events && evt->info &&
	    (evt->info->flags & SCAP_EF_DROP_SIMPLE_CONS))
		return 0;
	/* the rules that can match this type (a generic event: this syscall) */
	key = type >= SCAP_EVT_MAX ? FLT_KEYS : sinsp_type_is_generic(type) ? flt_generic_key(evt) : type;
	for (k = 0; k < r->by_type_n[key]; k++) {
		uint32_t i = r->by_type[key][k];
		struct rl_rule *rule = &r->rules[i];

		if (!rule->selected)
			continue;
		if (!flt_match(rule->filter, evt)) {
			rule->na_misses += rule->filter->na_gen == rule->filter->gen;
			continue;
		}
		if (!add_alert(r, n, i, evt))
			break;
		n++;
		if (!r->match_all)
			break;
	}
	*out = r->alerts;
	return n;
}

/* ---- information ---------------------------------------------------------------------------- */

size_t sinsp_rules_count(const struct sinsp_rules *r)
{
	return r ? r->nrules : 0;
}

int sinsp_rules_info(const struct sinsp_rules *r, size_t i, struct sinsp_rule_info *out)
{
	const struct rl_rule *rule;

	if (!r || i >= r->nrules)
		return -ENOENT;
	rule = &r->rules[i];
	memset(out, 0, sizeof(*out));
	out->name = rule->name;
	out->desc = rule->desc ? rule->desc : "";
	out->condition = rule->cond ? rule->cond : "";
	out->output = rule->output ? rule->output : "";
	out->priority = rule->prio;
	out->tags = (const char *const *)rule->tags;
	out->ntags = rule->ntags;
	out->enabled = rule->enabled;
	out->selected = rule->selected;
	out->matches = rule->matches;
	out->na_misses = rule->na_misses;
	out->nevttypes = rule->nevttypes;
	return 0;
}

uint64_t sinsp_rules_events(const struct sinsp_rules *r)
{
	return r ? r->events : 0;
}

void sinsp_rules_free(struct sinsp_rules *r)
{
	size_t i, k;

	if (!r)
		return;
	for (i = 0; i < r->nresults; i++) {
		for (k = 0; k < r->results[i].nmsgs; k++) {
			free((char *)r->results[i].msgs[k].message);
			free((char *)r->results[i].msgs[k].item_type);
			free((char *)r->results[i].msgs[k].item_name);
		}
		free(r->results[i].msgs);
		free(r->results[i].name);
	}
	free(r->results);
	for (i = 0; i < r->nlists; i++) {
		free(r->lists[i].name);
		rl_strv_free(r->lists[i].items, r->lists[i].nitems);
	}
	free(r->lists);
	for (i = 0; i < r->nmacros; i++) {
		free(r->macros[i].name);
		free(r->macros[i].cond);
		rl_cond_loc_free(&r->macros[i].cloc);
	}
	free(r->macros);
	for (i = 0; i < r->nrules; i++)
		rl_rule_free(&r->rules[i]);
	free(r->rules);
	rl_names_free(&r->list_names);
	rl_names_free(&r->macro_names);
	rl_names_free(&r->rule_names);
	rl_strv_free(r->en_tags, r->nen_tags);
	rl_strv_free(r->dis_tags, r->ndis_tags);
	rl_strv_free(r->dis_rules, r->ndis_rules);
	for (i = 0; r->by_type && i <= FLT_KEYS; i++)
		free(r->by_type[i]);
	free(r->by_type);
	free(r->by_type_n);
	free(r->alerts);
	free(r->extra);
	free(r);
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * rules_result.c - load results (one per file or string loaded, each with its errors and
 * warnings, Falco's codes and descriptions) and the name -> index maps of lists, macros
 * and rules.
 */
#define _GNU_SOURCE /* asprintf, vasprintf */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules/rules.h"
#include "util/grow.h"

/* Falco's names and descriptions of the load result codes (falco_load_result). */
static const struct {
	const char *name, *desc;
} codes[SINSP_RULES_CODE_COUNT] = {
	[SINSP_RULES_ERR_FILE_READ] = { "LOAD_ERR_FILE_READ", "File read error" },
	[SINSP_RULES_ERR_YAML_PARSE] = { "LOAD_ERR_YAML_PARSE", "YAML parse error" },
	[SINSP_RULES_ERR_YAML_VALIDATE] = { "LOAD_ERR_YAML_VALIDATE",
					    "Error validating internal structure of YAML file" },
	[SINSP_RULES_ERR_COMPILE_CONDITION] = { "LOAD_ERR_COMPILE_CONDITION", "Error compiling condition" },
	[SINSP_RULES_ERR_COMPILE_OUTPUT] = { "LOAD_ERR_COMPILE_OUTPUT", "Error compiling output" },
	[SINSP_RULES_ERR_VALIDATE] = { "LOAD_ERR_VALIDATE",
				       "Error validating rule/macro/list/exception objects" },
	[SINSP_RULES_ERR_EXTENSION] = { "LOAD_ERR_EXTENSION", "Error in extension item" },
	[SINSP_RULES_WARN_UNKNOWN_SOURCE] = { "LOAD_UNKNOWN_SOURCE", "Unknown event source" },
	[SINSP_RULES_WARN_UNSAFE_NA_CHECK] = { "LOAD_UNSAFE_NA_CHECK", "Unsafe <NA> comparison in condition" },
	[SINSP_RULES_WARN_NO_EVTTYPE] = { "LOAD_NO_EVTTYPE", "Condition has no event-type restriction" },
	[SINSP_RULES_WARN_UNKNOWN_FILTER] = { "LOAD_UNKNOWN_FILTER",
					      "Unknown field or event-type in condition or output" },
	[SINSP_RULES_WARN_UNUSED_MACRO] = { "LOAD_UNUSED_MACRO", "Unused macro" },
	[SINSP_RULES_WARN_UNUSED_LIST] = { "LOAD_UNUSED_LIST", "Unused list" },
	[SINSP_RULES_WARN_UNKNOWN_ITEM] = { "LOAD_UNKNOWN_ITEM", "Unknown rules file item" },
	[SINSP_RULES_WARN_DEPRECATED_ITEM] = { "LOAD_DEPRECATED_ITEM", "Used deprecated item" },
	[SINSP_RULES_WARN_APPEND_NO_VALUES] = { "LOAD_APPEND_NO_VALUES",
						"Overriding/appending list with no values" },
	[SINSP_RULES_WARN_EXCEPTION_NAME_NOT_UNIQUE] = { "LOAD_EXCEPTION_NAME_NOT_UNIQUE",
							 "Multiple exceptions defined with the same name" },
	[SINSP_RULES_WARN_INVALID_MACRO_NAME] = { "LOAD_INVALID_MACRO_NAME", "Invalid macro name" },
	[SINSP_RULES_WARN_INVALID_LIST_NAME] = { "LOAD_INVALID_LIST_NAME", "Invalid list name" },
	[SINSP_RULES_WARN_UNKNOWN_KEY] = { "LOAD_UNKNOWN_KEY", "Unknown key" },
};

const char *sinsp_rules_code_name(enum sinsp_rules_code code)
{
	return (unsigned)code < SINSP_RULES_CODE_COUNT ? codes[code].name : NULL;
}

const char *sinsp_rules_code_desc(enum sinsp_rules_code code)
{
	return (unsigned)code < SINSP_RULES_CODE_COUNT ? codes[code].desc : NULL;
}

long rl_result_new(struct sinsp_rules *r, const char *name)
{
	struct rl_result *res = sinsp_grow(r->results, r->nresults, sizeof(*res));

	if (!res)
		return -ENOMEM;
	r->results = res;
	res = &r->results[r->nresults];
	memset(res, 0, sizeof(*res));
	res->ok = true;
	res->name = strdup(name);
	if (!res->name)
		return -ENOMEM;
	return (long)r->nresults++;
}

int rl_msg(struct sinsp_rules *r, const struct rl_pos *pos, enum sinsp_rules_code code,
	   const char *item_type, const char *item_name, const char *fmt, ...)
{
	struct rl_result *res = &r->results[pos->src];
	struct sinsp_rules_msg *m = sinsp_grow(res->msgs, res->nmsgs, sizeof(*m));
	bool error = code < SINSP_RULES_WARN_UNKNOWN_SOURCE;
	char *text = NULL;
	va_list ap;

	if (!m)
		return -ENOMEM;
	res->msgs = m;
	va_start(ap, fmt);
	if (vasprintf(&text, fmt, ap) < 0)
		text = NULL;
	va_end(ap);
	m = &res->msgs[res->nmsgs];
	memset(m, 0, sizeof(*m));
	m->code = code;
	m->error = error;
	m->message = text;
	m->file = res->name;
	m->line = pos->line;
	m->column = pos->column;
	m->offset = pos->offset;
	m->item_type = strdup(item_type ? item_type : "");
	m->item_name = strdup(item_name ? item_name : "");
	if (!m->message || !m->item_type || !m->item_name) {
		free(text);
		free((char *)m->item_type);
		free((char *)m->item_name);
		return -ENOMEM;
	}
	res->nmsgs++;
	if (error)
		res->ok = false;
	return error ? -EINVAL : 0;
}

size_t sinsp_rules_result_count(const struct sinsp_rules *r)
{
	return r ? r->nresults : 0;
}

int sinsp_rules_result_get(const struct sinsp_rules *r, size_t i, const char **name, bool *ok,
			   size_t *nmsgs)
{
	if (!r || i >= r->nresults)
		return -ENOENT;
	if (name)
		*name = r->results[i].name;
	if (ok)
		*ok = r->results[i].ok;
	if (nmsgs)
		*nmsgs = r->results[i].nmsgs;
	return 0;
}

const struct sinsp_rules_msg *sinsp_rules_result_msg(const struct sinsp_rules *r, size_t i, size_t j)
{
	if (!r || i >= r->nresults || j >= r->results[i].nmsgs)
		return NULL;
	return &r->results[i].msgs[j];
}

/* ---- name maps ----------------------------------------------------------------------- */

static uint64_t name_hash(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ull;   /* FNV-1a, 64 bits */

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ull;
	return h;
}

/* The name of element i of arr: every element type starts with its char *name. */
static const char *elem_name(const void *arr, size_t elem_size, size_t i)
{
	const char *const *name = (const char *const *)((const char *)arr + i * elem_size);

	return *name;
}

long rl_names_get(const struct rl_names *n, const char *name, const void *arr, size_t elem_size)
{
	uint64_t h = name_hash(name);
	void *v;

	/* a hash shared by two names chains to h + 1, h + 2, ... */
	for (;; h++) {
		v = hashmap_get(&n->map, h);
		if (!v)
			return -1;
		if (strcmp(elem_name(arr, elem_size, (size_t)(uintptr_t)v - 1), name) == 0)
			return (long)((uintptr_t)v - 1);
	}
}

int rl_names_put(struct rl_names *n, const char *name, size_t idx)
{
	uint64_t h = name_hash(name);

	while (hashmap_get(&n->map, h))
		h++;
	return hashmap_put(&n->map, h, (void *)(uintptr_t)(idx + 1)) ? -ENOMEM : 0;
}

void rl_names_free(struct rl_names *n)
{
	hashmap_free(&n->map);
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * rules.h - internals of the rules engine: the items loaded (rules_load.c reads them
 * from YAML, rules_exc.c turns exceptions into condition text), their compilation
 * (rules_compile.c), evaluation (rules_eval.c) and the load results (rules_result.c).
 */
#ifndef SINSP_RULES_INT_H
#define SINSP_RULES_INT_H

#include <stdbool.h>
#include <stdint.h>

#include <scry/sinsp_rules.h>
#include "filter/filter.h"
#include "util/hashmap.h"
#include "util/strbuf.h"

/* Where an item or key is: the source (index into rules->results) and its position. */
struct rl_pos {
	size_t src;
	unsigned line, column;
	size_t offset;
};

/*
 * A condition as written: the scalar's source bytes (for positions inside it,
 * ry_locate()) and the length of the value they gave (later appends add text past it).
 */
struct rl_cond_src {
	char *src;
	size_t len, vlen;
};

/*
 * Where a condition comes from: the item that defined (or replaced) it, and the last
 * item that appended to it (its text starts at byte app_off of the condition). Messages
 * about the condition go to the file of the last item that changed it, as Falco reports
 * them when it compiles after that file.
 */
struct rl_cond_loc {
	struct rl_pos pos;
	struct rl_cond_src src;
	bool appended;
	struct rl_pos app_pos;
	struct rl_cond_src app_src;
	size_t app_off;
};

/* A name -> index map (FNV-1a of the name, then a check of the name). */
struct rl_names {
	struct hashmap map;     /* hash -> (index + 1) as a pointer value */
};

struct rl_list {
	char *name;
	char **items;           /* values as they stand in a condition (quotes removed) */
	size_t nitems;
	struct rl_pos pos;
	bool used;
};

struct rl_macro {
	char *name;
	char *cond;
	struct rl_pos pos;
	struct rl_cond_loc cloc;
	bool used;
	bool compiling;         /* being expanded (reference loop check) */
};

/* One exception: fields with their operators, and the value tuples. */
struct rl_exception {
	char *name;
	char **fields;
	char **comps;
	size_t nfields;
	bool single;            /* `fields` was one field name, not a list */
	char ***values;         /* tuples of nfields rendered values ("x", "(a, b)") */
	size_t nvalues;
	struct rl_pos pos;
};

struct rl_rule {
	char *name;
	char *cond;
	char *output;
	char *desc;
	char *source;
	enum sinsp_priority prio;
	bool enabled;
	bool warn_evttypes;
	bool skip_unknown;
	char **tags;            /* sorted, no duplicates */
	size_t ntags;
	struct rl_exception *exc;
	size_t nexc;
	struct rl_pos pos, output_pos;
	struct rl_cond_loc cloc;
	/* compiled */
	struct sinsp_filter *filter;
	struct sinsp_formatter *text, *json;
	size_t nevttypes;
	bool selected;
	bool exit_only;         /* not evaluated on the enter event of a syscall (see rules_req.c) */
	uint64_t matches;
	uint64_t na_misses;     /* events it did not fire on after comparing an <NA> field */
};

struct rl_result {
	char *name;
	bool ok;
	struct sinsp_rules_msg *msgs;
	size_t nmsgs;
};

struct sinsp_rules {
	struct sinsp *s;
	bool compiled, compile_ok;
	struct rl_result *results;
	size_t nresults;
	struct rl_list *lists;
	size_t nlists;
	struct rl_names list_names;
	struct rl_macro *macros;
	size_t nmacros;
	struct rl_names macro_names;
	struct rl_rule *rules;
	size_t nrules;
	struct rl_names rule_names;
	/* selection */
	enum sinsp_priority min_prio;
	char **en_tags, **dis_tags, **dis_rules;
	size_t nen_tags, ndis_tags, ndis_rules;
	bool match_all, all_events, json;
	/* sinsp_rules_set_output_extra(): appended to every output, or in place of
	 * %container.info (extra_replaces) */
	char *extra;
	bool extra_replaces;
	/*
	 * index: per key of the filter's analysis (filter.h: the event types, then the
	 * generic events by direction and syscall id), the rules (indices, load order) whose
	 * condition can match it; by_type[FLT_KEYS]: all, for types beyond the schema
	 */
	uint32_t **by_type;
	uint32_t *by_type_n;
	/* evaluation */
	uint64_t events;
	struct sinsp_rules_alert *alerts;
	size_t alerts_cap;
	/* compile: macros visible to the condition being compiled (index below) */
	size_t macro_visible;
	/* load: the file being read requires an engine that sees exit events only */
	bool src_exit_only;
};

/* rules_result.c */
/*
 * Add a message to result pos->src (an error marks it failed). Strings copied; fmt is
 * printf's. Returns code < SINSP_RULES_WARN_UNKNOWN_SOURCE ? -EINVAL : 0, or -ENOMEM.
 */
int rl_msg(struct sinsp_rules *r, const struct rl_pos *pos, enum sinsp_rules_code code,
	   const char *item_type, const char *item_name, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* Start a new result named name; its index, or -ENOMEM. */
long rl_result_new(struct sinsp_rules *r, const char *name);

/* rules_names (in rules_result.c) */
/* The index of name, or -1. */
long rl_names_get(const struct rl_names *n, const char *name, const void *arr, size_t elem_size);
/* Remember name -> idx; 0 or -ENOMEM. */
int rl_names_put(struct rl_names *n, const char *name, size_t idx);
void rl_names_free(struct rl_names *n);

/*
 * The position of byte off of condition cond from loc (rules_load.c): in the text of the
 * defining item or of the last append (whichever wrote that byte); the start of that
 * text when the byte does not map back to the file. After an append, a byte of the
 * earlier text is reported at the start of the appended one (in the appending file).
 */
struct rl_pos rl_cond_pos(const struct rl_cond_loc *loc, const char *cond, size_t off);
void rl_cond_loc_free(struct rl_cond_loc *loc);

/* rules_load.c */
/* Load one YAML text as source name (a new result); 0, -EINVAL (error in it), -ENOMEM. */
int rl_load_text(struct sinsp_rules *r, const char *name, const char *text, size_t len);
void rl_strv_free(char **v, size_t n);

/* rules_req.c: the required_engine_version and required_plugin_versions items */
struct ry_node;
/* Sets r->src_exit_only from the version a file requires (see rules_req.c). */
int rl_read_engine_version(struct sinsp_rules *r, size_t src, const struct ry_node *item);
int rl_read_plugin_versions(struct sinsp_rules *r, size_t src, const struct ry_node *item);

/* rules_exc.c */
struct ry_node;
/*
 * Read the exceptions of a rule item (node: the `exceptions` sequence) into rule,
 * appending to those of the same name when append is true. 0, -EINVAL (message added),
 * -ENOMEM.
 */
int rl_exceptions_read(struct sinsp_rules *r, struct rl_rule *rule, const struct ry_node *node,
		       size_t src, bool append);
/* Append " and not (...)" for rule's exceptions to out (nothing when no values). */
void rl_exceptions_condition(const struct rl_rule *rule, struct strbuf *out);
/* Check every exception's fields and operators; 0 or -EINVAL (message added). */
int rl_exceptions_check(struct sinsp_rules *r, struct rl_rule *rule);
void rl_exception_free(struct rl_exception *e);

/* rules_compile.c */
void rl_rule_free(struct rl_rule *rule);

/* rules_eval.c */
/* Recompute every rule's `selected` from the selection. */
void rl_select(struct sinsp_rules *r);

#endif /* SINSP_RULES_INT_H */

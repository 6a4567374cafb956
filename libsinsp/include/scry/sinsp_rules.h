/* SPDX-License-Identifier: Apache-2.0 */
/*
 * sinsp_rules.h - detection rules in Falco's language (lists, macros, rules,
 * exceptions, append and override), loaded from YAML files, compiled once, and
 * evaluated per event with the alert line rendered as Falco prints it.
 *
 *   struct sinsp_rules *r;
 *   sinsp_rules_new(s, &r);
 *   sinsp_rules_load_path(r, "/etc/falco/falco_rules.yaml");   (files, directories, strings:
 *   sinsp_rules_load_path(r, "/etc/falco/rules.d");              loaded in the order given)
 *   if (sinsp_rules_compile(r)) ... report the load results (sinsp_rules_result_*)
 *   sinsp_rules_set_min_priority(r, SINSP_PRIO_WARNING);
 *   while (sinsp_next(s, &evt) == 0)
 *           for (n = sinsp_rules_eval(r, evt, &alerts), i = 0; i < n; i++) print alerts[i]
 *
 * The language is Falco's (files of YAML documents, each a sequence of items; items
 * `required_engine_version`, `required_plugin_versions`, `list`, `macro`, `rule`;
 * `append: true` and `override: {KEY: append|replace}`; exceptions in list and
 * single-field forms; priorities emergency..debug). Lists are sets of values expanded
 * where a list name stands as a value of a condition; macros are expanded in the parsed
 * condition (a macro sees the macros defined before it, a rule sees every macro). Every
 * condition is compiled once, by sinsp_filter_compile()'s compiler (sinsp_filter.h), and
 * rules are indexed by the event types their condition can match. The rules a file
 * defines after `required_engine_version: 0.57.0` or later (Falco 0.42's rulesets, whose
 * drivers send no enter events of syscalls, written without `evt.dir`) are not evaluated
 * on the enter events of syscalls; those of older files see both directions.
 *
 * Load results follow Falco's codes (enum sinsp_rules_code): each message has a code,
 * a text, and the file, line and column of what it is about: the item, the key found
 * wrong, or (condition errors) the token of the condition where it went wrong, on its
 * own line of a multi-line condition. A file stops loading at its first error.
 *
 * Thread-safety: an engine and the sinsp_t it was made on are used by one thread at a
 * time (evaluation reuses buffers owned by the engine and by its compiled filters).
 * Return codes: 0, or a negative errno (STYLE.md).
 */
#ifndef SINSP_RULES_H
#define SINSP_RULES_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

#include <scry/sinsp.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The Falco engine version these rules are checked against (required_engine_version). */
#define SINSP_RULES_ENGINE_VERSION "0.57.0"

/* A rules engine bound to one sinsp_t. */
struct sinsp_rules;

/* Rule priorities, most severe first (Falco's order and names). */
enum sinsp_priority {
	SINSP_PRIO_EMERGENCY = 0,
	SINSP_PRIO_ALERT,
	SINSP_PRIO_CRITICAL,
	SINSP_PRIO_ERROR,
	SINSP_PRIO_WARNING,
	SINSP_PRIO_NOTICE,
	SINSP_PRIO_INFORMATIONAL,
	SINSP_PRIO_DEBUG,
	SINSP_PRIO_COUNT /* non-ABI */
};

/* Load result codes, Falco's (falco_load_result); errors first, then warnings. */
enum sinsp_rules_code {
	SINSP_RULES_ERR_FILE_READ = 0,       /* LOAD_ERR_FILE_READ */
	SINSP_RULES_ERR_YAML_PARSE,          /* LOAD_ERR_YAML_PARSE */
	SINSP_RULES_ERR_YAML_VALIDATE,       /* LOAD_ERR_YAML_VALIDATE */
	SINSP_RULES_ERR_COMPILE_CONDITION,   /* LOAD_ERR_COMPILE_CONDITION */
	SINSP_RULES_ERR_COMPILE_OUTPUT,      /* LOAD_ERR_COMPILE_OUTPUT */
	SINSP_RULES_ERR_VALIDATE,            /* LOAD_ERR_VALIDATE */
	SINSP_RULES_ERR_EXTENSION,           /* LOAD_ERR_EXTENSION */
	SINSP_RULES_WARN_UNKNOWN_SOURCE,     /* LOAD_UNKNOWN_SOURCE */
	SINSP_RULES_WARN_UNSAFE_NA_CHECK,    /* LOAD_UNSAFE_NA_CHECK */
	SINSP_RULES_WARN_NO_EVTTYPE,         /* LOAD_NO_EVTTYPE */
	SINSP_RULES_WARN_UNKNOWN_FILTER,     /* LOAD_UNKNOWN_FILTER */
	SINSP_RULES_WARN_UNUSED_MACRO,       /* LOAD_UNUSED_MACRO */
	SINSP_RULES_WARN_UNUSED_LIST,        /* LOAD_UNUSED_LIST */
	SINSP_RULES_WARN_UNKNOWN_ITEM,       /* LOAD_UNKNOWN_ITEM */
	SINSP_RULES_WARN_DEPRECATED_ITEM,    /* LOAD_DEPRECATED_ITEM */
	SINSP_RULES_WARN_APPEND_NO_VALUES,   /* LOAD_APPEND_NO_VALUES */
	SINSP_RULES_WARN_EXCEPTION_NAME_NOT_UNIQUE, /* LOAD_EXCEPTION_NAME_NOT_UNIQUE */
	SINSP_RULES_WARN_INVALID_MACRO_NAME, /* LOAD_INVALID_MACRO_NAME */
	SINSP_RULES_WARN_INVALID_LIST_NAME,  /* LOAD_INVALID_LIST_NAME */
	SINSP_RULES_WARN_UNKNOWN_KEY,        /* LOAD_UNKNOWN_KEY */
	SINSP_RULES_CODE_COUNT /* non-ABI */
};

/* One load error or warning. Strings are owned by the engine, valid until its free. */
struct sinsp_rules_msg {
	enum sinsp_rules_code code;
	bool error;              /* code is an error (the file did not load) */
	const char *message;     /* what is wrong, one line */
	const char *file;        /* the file (or string name) it is in */
	unsigned line, column;   /* position in file, from 1; 0 when it is about the whole file */
	size_t offset;           /* byte offset of that position in file */
	const char *item_type;   /* "rule", "macro", "list", "exception", "required_engine_version",
	                            "required_plugin_versions", "rules content item" (an item
	                            of no kind), or "rules content" for the whole file (Falco's) */
	const char *item_name;   /* the item's name, "" when it has none */
};

/**
 * sinsp_rules_new() - create an empty rules engine.
 * @s:   [in] handle whose fields the conditions and outputs use; the engine must not
 *       outlive it.
 * @out: [out] the engine; free with sinsp_rules_free().
 * Return: 0; -EINVAL @s NULL; -ENOMEM.
 */
SINSP_API int sinsp_rules_new(sinsp_t *s, struct sinsp_rules **out);

/**
 * sinsp_rules_load_path() - load a rules file, or every `*.yaml`/`*.yml` file of a
 * directory in name order, after what was loaded before.
 * @r:    [in] engine not compiled yet.
 * @path: [in] file or directory; copied.
 * Each file read adds a load result (sinsp_rules_result_count()), in the order read.
 * Lists, macros and rules accumulate over every load: a later file may append to,
 * override or redefine what an earlier one defined.
 * Return: 0 loaded (warnings possible); -EINVAL a file had an error (see its result);
 * -ENOENT/-EACCES/... the path cannot be read (a LOAD_ERR_FILE_READ result says so);
 * -EBUSY already compiled; -ENOMEM.
 * Thread-safety: one thread per engine.
 */
SINSP_API int sinsp_rules_load_path(struct sinsp_rules *r, const char *path);

/**
 * sinsp_rules_load_string() - load rules from YAML text.
 * @r:    [in] engine not compiled yet.
 * @name: [in] the name positions refer to (like a file name); copied.
 * @yaml: [in] the content, NUL terminated; not kept.
 * Return: as sinsp_rules_load_path() (-EINVAL: an error, see the result).
 */
SINSP_API int sinsp_rules_load_string(struct sinsp_rules *r, const char *name, const char *yaml);

/**
 * sinsp_rules_compile() - expand and compile everything loaded: each macro and each
 * rule's condition (with its exceptions) once, each rule's output, the index by event
 * type; warnings for unused macros and lists and for rules that match too many event
 * types. Nothing can be loaded afterwards.
 * @r: [in] engine.
 * Return: 0 every loaded file is free of errors; -EINVAL some file (at load or now) has
 * an error: the engine then evaluates nothing; -EBUSY compiled already; -ENOMEM.
 */
SINSP_API int sinsp_rules_compile(struct sinsp_rules *r);

/** sinsp_rules_result_count() - the number of load results (one per file or string loaded). */
SINSP_API size_t sinsp_rules_result_count(const struct sinsp_rules *r);

/**
 * sinsp_rules_result_get() - one load result.
 * @r: [in] engine.  @i: [in] index below sinsp_rules_result_count(), in load order.
 * @name: [out] the file or string name (owned by @r).  @ok: [out] no error.
 * @nmsgs: [out] its number of messages (errors and warnings, in the order found).
 * Return: 0; -ENOENT @i out of range.
 */
SINSP_API int sinsp_rules_result_get(const struct sinsp_rules *r, size_t i, const char **name,
				     bool *ok, size_t *nmsgs);

/**
 * sinsp_rules_result_msg() - message @j of load result @i.
 * Return: the message (owned by @r, valid until sinsp_rules_free()); NULL out of range.
 */
SINSP_API const struct sinsp_rules_msg *sinsp_rules_result_msg(const struct sinsp_rules *r, size_t i,
							       size_t j);

/** sinsp_rules_code_name() - "LOAD_ERR_FILE_READ", ...; NULL for an unknown code. */
SINSP_API const char *sinsp_rules_code_name(enum sinsp_rules_code code);

/** sinsp_rules_code_desc() - Falco's description of a code ("File read error", ...); NULL unknown. */
SINSP_API const char *sinsp_rules_code_desc(enum sinsp_rules_code code);

/**
 * sinsp_priority_parse() - a priority name, case-insensitive: emergency, alert,
 * critical, error, warning, notice, informational (or info), debug.
 * Return: the priority, or -EINVAL for another name.
 */
SINSP_API int sinsp_priority_parse(const char *name);

/** sinsp_priority_name() - "Emergency" ... "Debug", as Falco prints it; NULL out of range. */
SINSP_API const char *sinsp_priority_name(enum sinsp_priority p);

/*
 * Rule selection. Each may be called before or after sinsp_rules_compile(); a rule
 * evaluates when its own `enabled` is true (or a later item enabled it), its priority is
 * at least as severe as the minimum, it has a tag of the enable set (when that set is not
 * empty), no tag of the disable set, and it was not disabled by name. (Falco refuses to
 * combine an enable set with disabling; the library applies both.)
 */

/** sinsp_rules_set_min_priority() - evaluate only rules of priority @p or more severe
 * (default SINSP_PRIO_DEBUG: all). Return: 0; -EINVAL @p out of range. */
SINSP_API int sinsp_rules_set_min_priority(struct sinsp_rules *r, enum sinsp_priority p);

/** sinsp_rules_enable_tag() - add @tag (copied) to the tags of which a rule needs one.
 * Return: 0; -ENOMEM. */
SINSP_API int sinsp_rules_enable_tag(struct sinsp_rules *r, const char *tag);

/** sinsp_rules_disable_tag() - rules with @tag (copied) do not evaluate. Return: 0; -ENOMEM. */
SINSP_API int sinsp_rules_disable_tag(struct sinsp_rules *r, const char *tag);

/**
 * sinsp_rules_disable_rule() - the rules whose name contains @name (copied) do not
 * evaluate (Falco's -D: "open_from" disables "open_from_cat"). A text no rule name
 * contains disables nothing.
 * Return: 0; -ENOMEM.
 */
SINSP_API int sinsp_rules_disable_rule(struct sinsp_rules *r, const char *name);

/** sinsp_rules_set_match_all() - @all true: every matching rule fires for an event;
 * false (default, Falco's "first"): only the first in load order. */
SINSP_API void sinsp_rules_set_match_all(struct sinsp_rules *r, bool all);

/**
 * sinsp_rules_set_all_events() - @all true: evaluate every event; false (default, as
 * Falco): skip event types the schema flags SCAP_EF_DROP_SIMPLE_CONS (read, write,
 * and their kin, whose enter and exit events Falco does not look at).
 */
SINSP_API void sinsp_rules_set_all_events(struct sinsp_rules *r, bool all);

/**
 * sinsp_rules_set_json() - also render each alert's output fields as a JSON object
 * (struct sinsp_rules_alert.fields_json). Default off.
 */
SINSP_API void sinsp_rules_set_json(struct sinsp_rules *r, bool json);

/**
 * sinsp_rules_set_output_extra() - Falco's -p: text added to every rule's output before
 * it is compiled (Falco's rule_loader apply_output_substitutions()). An output that
 * holds %container.info gets @extra in its place when @replace_info (Falco's -pc/-pk
 * expansions), else Falco's default "container_id=%container.id
 * container_name=%container.name" there and " " @extra at its end; an output without it
 * gets " " @extra at its end. %fields of @extra are rendered as the rule's own (JSON
 * output fields included).
 * @r: [in] engine, not compiled yet.
 * @extra: [in] a format (copied); NULL or "": none (the default).
 * @replace_info: whether @extra replaces %container.info.
 * Return: 0; -EINVAL @r NULL; -EBUSY compiled already; -ENOMEM.
 */
SINSP_API int sinsp_rules_set_output_extra(struct sinsp_rules *r, const char *extra, bool replace_info);

/* A rule that fired on an event. Memory owned by the engine, valid until the next
 * sinsp_rules_eval() or sinsp_rules_free(). */
struct sinsp_rules_alert {
	const char *rule;           /* its name */
	enum sinsp_priority priority;
	const char *source;         /* "syscall" */
	const char *const *tags;    /* its tags, sorted, ntags of them */
	size_t ntags;
	const char *output;         /* the rendered output (without time and priority);
	                               a field that does not resolve is "<NA>" */
	const char *fields_json;    /* with sinsp_rules_set_json(): {"field": value, ...} of
	                               the output's fields and evt.time (keys sorted; numbers
	                               bare, evt.time in ns since the epoch, unresolved null),
	                               Falco's output_fields; else NULL */
	size_t index;               /* the rule's index (sinsp_rules_info()) */
};

/**
 * sinsp_rules_eval() - evaluate the selected rules on one event.
 * @r:   [in] compiled engine; one thread.
 * @evt: [in] the event sinsp_next() returned last.
 * @out: [out] the alerts: none, one (first matching) or every matching rule in load order;
 *       an array owned by @r, valid until the next sinsp_rules_eval() or sinsp_rules_free().
 * Only the rules whose condition can match @evt's type (for a generic event: its
 * syscall) are tried, and on the enter event of a syscall only those of files that
 * require an engine before 0.57.0 (see the top of this file). Each alert adds one to its rule's match counter. Does not change
 * the inspector's state (unlike sinsp_filter_match(), no sysdig-compatible side effect).
 * Return: the number of alerts in *out (0 when none, or when the engine is not compiled
 * or some file had an error).
 * Thread-safety: one thread per engine.
 */
SINSP_API size_t sinsp_rules_eval(struct sinsp_rules *r, struct sinsp_evt *evt,
				  const struct sinsp_rules_alert **out);

/**
 * sinsp_rules_syscalls() - add to a syscall set the syscalls whose events the selected
 * rules can match: for each event type the index lists a selected rule under (the types
 * their conditions can match, as sinsp_rules_eval() tries them), the syscalls that make
 * it (scap_syscall_set_add_event(), scry/scap_syscalls.h); for a generic event, its
 * syscall's code, when that syscall makes generic events on this architecture (one
 * with events of its own is decided by their types). Types sinsp_rules_eval() skips (SCAP_EF_DROP_SIMPLE_CONS, unless
 * sinsp_rules_set_all_events()) and types no syscall makes (procexit, container, ...)
 * add nothing. A live capture narrowed to this set (plus what the state needs,
 * sinsp_state_syscalls()) gives the rules every event they can fire on. The set
 * depends on the selection: compute it again after changing it.
 * @r:   [in] compiled engine.
 * @set: [in,out] SCAP_SYSCALL_SET_WORDS words (scry/scap_live.h's layout); bits are
 *       added, none cleared.
 * Return: 0 (nothing added when some file had an error: no rule evaluates); -EINVAL
 *         @r or @set NULL; -EAGAIN not compiled yet.
 * Thread-safety: one thread per engine.
 */
SINSP_API int sinsp_rules_syscalls(const struct sinsp_rules *r, uint64_t *set);

/**
 * sinsp_rules_syscalls_tcp() - add to a syscall set those of sinsp_rules_syscalls()
 * whose events on a TCP socket the selected rules can match: a rule cannot when its
 * condition, for that event type, is false whatever its other fields give once
 * fd.l4proto is "tcp" (e.g. Falco's `outbound` macro: `evt.type in (sendto, sendmsg)
 * and fd.l4proto != tcp and ...`); the checks on evt.type, evt.dir and fd.l4proto are
 * the ones read. A syscall outside this set but in sinsp_rules_syscalls()'s is needed
 * by the rules only on other fds (scap_set_syscalls_tcp_skip(), scry/scap_live.h).
 * The analysis takes fd.l4proto from the kernel's socket: a rule matches differently
 * only where the state does not know the socket is TCP (one made before the capture and
 * missed by the /proc scan, which sysdig's sendto parser guesses to be UDP).
 * @r:   [in] compiled engine.
 * @set: [in,out] SCAP_SYSCALL_SET_WORDS words; bits are added, none cleared.
 * Return: 0; -EINVAL @r or @set NULL; -EAGAIN not compiled yet.
 * Thread-safety: one thread per engine.
 */
SINSP_API int sinsp_rules_syscalls_tcp(const struct sinsp_rules *r, uint64_t *set);

/** sinsp_rules_count() - the number of rules defined (selected or not), after compile. */
SINSP_API size_t sinsp_rules_count(const struct sinsp_rules *r);

/* What a rule is, for listings and statistics. Strings owned by the engine. */
struct sinsp_rule_info {
	const char *name;
	const char *desc;
	const char *condition;     /* the condition as written (after appends), unexpanded */
	const char *output;
	enum sinsp_priority priority;
	const char *const *tags;
	size_t ntags;
	bool enabled;              /* its enabled key (after overrides) */
	bool selected;             /* it evaluates (enabled and chosen by the selection) */
	uint64_t matches;          /* alerts it produced so far */
	uint64_t na_misses;        /* events it was tried on and did not fire after comparing a
	                              field that did not resolve (<NA>: missing container
	                              metadata, a thread the capture never described, ...):
	                              where a rule may miss for want of data */
	size_t nevttypes;          /* event types its condition can match */
};

/**
 * sinsp_rules_info() - rule @i (load order).
 * Return: 0 *out filled; -ENOENT @i out of range.
 */
SINSP_API int sinsp_rules_info(const struct sinsp_rules *r, size_t i, struct sinsp_rule_info *out);

/** sinsp_rules_events() - events sinsp_rules_eval() has seen (all, skipped ones included). */
SINSP_API uint64_t sinsp_rules_events(const struct sinsp_rules *r);

/** sinsp_rules_free() - release @r. NULL is ignored. */
SINSP_API void sinsp_rules_free(struct sinsp_rules *r);

#ifdef __cplusplus
}
#endif
#endif /* SINSP_RULES_H */

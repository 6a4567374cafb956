/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_rules.c - loading Falco rules (libsinsp/rules/): every load error and warning
 * code with its position, append and override in their allowed and refused forms,
 * macro and list order, exceptions turned into condition text (list and single-field
 * forms, quoting), priorities and the shared rulesets (../shared/rules/, when present),
 * which must load without error.
 */
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <scry/scap.h>
#include <scry/sinsp.h>
#include <scry/sinsp_rules.h>

#include "rules/rules.h"

static sinsp_t *s;
static struct sinsp_rules *r;

static void setup(void)
{
	char errbuf[SCAP_ERRBUF_SIZE];

	SCAP_OPTS(scap_open_opts, so, .engine = "noop");
	struct sinsp_open_opts oo = { .sz = sizeof(oo), .scap = &so };

	ck_assert_int_eq(sinsp_open(&oo, &s, errbuf), 0);
	ck_assert_int_eq(sinsp_rules_new(s, &r), 0);
}

static void teardown(void)
{
	sinsp_rules_free(r);
	sinsp_close(s);
	r = NULL;
	s = NULL;
}

/* Load yaml as "t.yaml" and compile; the compile result. */
static int load(const char *yaml)
{
	int rc = sinsp_rules_load_string(r, "t.yaml", yaml);

	if (rc == -ENOMEM)
		return rc;
	rc = sinsp_rules_compile(r);
	return rc;
}

/* The first message with code, in any result; NULL when none. */
static const struct sinsp_rules_msg *find(enum sinsp_rules_code code)
{
	size_t i, j, n;

	for (i = 0; i < sinsp_rules_result_count(r); i++) {
		sinsp_rules_result_get(r, i, NULL, NULL, &n);
		for (j = 0; j < n; j++) {
			const struct sinsp_rules_msg *m = sinsp_rules_result_msg(r, i, j);

			if (m->code == code)
				return m;
		}
	}
	return NULL;
}

/* The number of messages of the first result. */
static size_t nmsgs(void)
{
	size_t n = 0;

	sinsp_rules_result_get(r, 0, NULL, NULL, &n);
	return n;
}

/* Assert that code was reported at line:column, about item type/name, message containing text. */
#define assert_msg(code, ln, col, type, name, text) do { \
	const struct sinsp_rules_msg *m_ = find(code); \
	ck_assert_msg(m_ != NULL, "no %s", sinsp_rules_code_name(code)); \
	ck_assert_uint_eq(m_->line, ln); \
	ck_assert_uint_eq(m_->column, col); \
	ck_assert_str_eq(m_->item_type, type); \
	ck_assert_str_eq(m_->item_name, name); \
	ck_assert_msg(strstr(m_->message, text), "'%s' not in '%s'", text, m_->message); \
} while (0)

#define RULE(name, cond) \
	"- rule: " name "\n  desc: d\n  condition: " cond "\n  output: o %proc.name\n  priority: INFO\n"

/* ---- errors -------------------------------------------------------------------------- */

START_TEST(err_file_read)
{
	ck_assert_int_eq(sinsp_rules_load_path(r, "/nonexistent/rules.yaml"), -ENOENT);
	ck_assert_int_eq(sinsp_rules_compile(r), -EINVAL);
	assert_msg(SINSP_RULES_ERR_FILE_READ, 0, 0, "rules content", "", "/nonexistent/rules.yaml");
	ck_assert_str_eq(find(SINSP_RULES_ERR_FILE_READ)->file, "/nonexistent/rules.yaml");
}
END_TEST

START_TEST(err_yaml_parse)
{
	ck_assert_int_eq(load("- list: a\n  items: [a, b\n- macro: x\n"), -EINVAL);
	ck_assert_uint_eq(nmsgs(), 1);
	/* libyaml's position of the problem: the unclosed flow sequence */
	ck_assert_int_eq(find(SINSP_RULES_ERR_YAML_PARSE)->line, 3);
}
END_TEST

START_TEST(err_yaml_validate)
{
	ck_assert_int_eq(load("rule: x\n"), -EINVAL);
	assert_msg(SINSP_RULES_ERR_YAML_VALIDATE, 1, 1, "rules content", "",
		   "Rules content is not yaml array of objects");
	ck_assert_str_eq(find(SINSP_RULES_ERR_YAML_VALIDATE)->file, "t.yaml");
}
END_TEST

START_TEST(err_not_a_map)
{
	ck_assert_int_eq(load("- list: a\n  items: []\n- just a string\n"), -EINVAL);
	assert_msg(SINSP_RULES_ERR_YAML_VALIDATE, 3, 3, "rules content item", "",
		   "Each element should be a yaml associative array");
}
END_TEST

START_TEST(err_missing_key)
{
	ck_assert_int_eq(load("- rule: r\n  desc: d\n  condition: evt.type=open\n  priority: INFO\n"), -EINVAL);
	assert_msg(SINSP_RULES_ERR_YAML_VALIDATE, 1, 3, "rule", "r", "Item has no mapping for key 'output'");
}
END_TEST

START_TEST(err_bad_priority)
{
	ck_assert_int_eq(load("- rule: r\n  desc: d\n  condition: evt.type=open\n  output: o\n  priority: LOUD\n"),
			 -EINVAL);
	assert_msg(SINSP_RULES_ERR_YAML_VALIDATE, 5, 13, "rule", "r", "Invalid priority 'LOUD'");
}
END_TEST

START_TEST(err_compile_condition)
{
	ck_assert_int_eq(load(RULE("r", "evt.type=open and proc.nam=cat")), -EINVAL);
	/* the position of the error itself: where proc.nam stands */
	assert_msg(SINSP_RULES_ERR_COMPILE_CONDITION, 3, 32, "rule", "r",
		   "filter_check called with nonexistent field proc.nam");
	/* Falco's message, exactly */
	ck_assert_str_eq(find(SINSP_RULES_ERR_COMPILE_CONDITION)->message,
			 "filter_check called with nonexistent field proc.nam");
	ck_assert_uint_eq(find(SINSP_RULES_ERR_COMPILE_CONDITION)->offset, 51);
}
END_TEST

START_TEST(err_position_block_scalar)
{
	/* a folded block scalar over three lines: the error on its third line */
	ck_assert_int_eq(load("- rule: r\n  desc: d\n  condition: >\n    evt.type=open and\n"
			      "      proc.name=cat and\n    fd.nme=/etc\n  output: o\n  priority: INFO\n"),
			 -EINVAL);
	assert_msg(SINSP_RULES_ERR_COMPILE_CONDITION, 6, 5, "rule", "r", "nonexistent field fd.nme");
	teardown();
	setup();
	/* double-quoted: the quote counts */
	ck_assert_int_eq(load(RULE("r", "\"evt.type=open and (proc.name=cat or fd.nme=x)\"")), -EINVAL);
	assert_msg(SINSP_RULES_ERR_COMPILE_CONDITION, 3, 51, "rule", "r", "nonexistent field fd.nme");
	teardown();
	setup();
	/* in a macro: where the macro is used in the rule; the macro's own error at its place */
	ck_assert_int_eq(load("- macro: m\n  condition: proc.name=cat and fd.nme=x\n"
			      RULE("r", "evt.type=open and m")), -EINVAL);
	/* an unknown field in a macro: a warning there (an unused macro does not fail a file) */
	assert_msg(SINSP_RULES_WARN_UNKNOWN_FILTER, 2, 32, "macro", "m", "nonexistent field fd.nme");
	ck_assert_uint_eq(nmsgs(), 2);
	{
		const struct sinsp_rules_msg *m = sinsp_rules_result_msg(r, 0, 1);

		ck_assert_str_eq(m->item_name, "r");
		ck_assert_uint_eq(m->line, 5);
		ck_assert_uint_eq(m->column, 32);
		ck_assert_str_eq(m->message, "filter_check called with nonexistent field fd.nme");
	}
}
END_TEST

START_TEST(err_undefined_macro)
{
	ck_assert_int_eq(load(RULE("r", "evt.type=open and not_a_macro")), -EINVAL);
	/* Falco's code and words for it */
	assert_msg(SINSP_RULES_ERR_VALIDATE, 3, 32, "rule", "r", "Undefined macro 'not_a_macro' used in filter.");
	ck_assert_str_eq(find(SINSP_RULES_ERR_VALIDATE)->message, "Undefined macro 'not_a_macro' used in filter.");
}
END_TEST

START_TEST(err_compile_output)
{
	ck_assert_int_eq(load("- rule: r\n  desc: d\n  condition: evt.type=open\n  output: x %proc.nope\n  priority: INFO\n"),
			 -EINVAL);
	assert_msg(SINSP_RULES_ERR_COMPILE_OUTPUT, 4, 11, "rule", "r", "proc.nope");
}
END_TEST

START_TEST(err_validate_append_missing)
{
	ck_assert_int_eq(load("- list: a\n  items: [x]\n  override:\n    items: append\n"), -EINVAL);
	assert_msg(SINSP_RULES_ERR_VALIDATE, 1, 3, "list", "a", "no list by that name already exists");
}
END_TEST

START_TEST(err_validate_engine_version)
{
	ck_assert_int_eq(load("- required_engine_version: 0.99.0\n"), -EINVAL);
	assert_msg(SINSP_RULES_ERR_VALIDATE, 1, 28, "required_engine_version", "",
		   "Rules require engine version 0.99.0, but engine version is " SINSP_RULES_ENGINE_VERSION);
}
END_TEST

START_TEST(engine_version_forms)
{
	/* a number N is 0.N.0 (Falco's old form); semver strings compare by parts */
	ck_assert_int_eq(load("- required_engine_version: 17\n- required_engine_version: 0.57.0\n"
			      "- required_engine_version: '0.9.10'\n"), 0);
	ck_assert_uint_eq(nmsgs(), 0);
}
END_TEST

START_TEST(file_stops_at_first_error)
{
	ck_assert_int_eq(load("- list: a\n  items: [x]\n- rule: r\n- list: b\n  items: [y]\n"), -EINVAL);
	/* one error, the missing keys of r; b was not read (no unused-list warning either) */
	ck_assert_uint_eq(nmsgs(), 1);
	ck_assert_ptr_nonnull(find(SINSP_RULES_ERR_YAML_VALIDATE));
}
END_TEST

/*
 * Falco's code, item and exact message for each case of its own regression tests
 * (falco_tests.yaml: invalid_*, rule_exception_*); all in one file t.yaml.
 */
START_TEST(falco_messages)
{
	static const struct {
		const char *yaml;
		enum sinsp_rules_code code;
		const char *type, *name, *msg;
	} cases[] = {
		{ "This is not yaml\n", SINSP_RULES_ERR_YAML_VALIDATE, "rules content", "",
		  "Rules content is not yaml" },
		{ "- required_engine_version: not-a-number\n", SINSP_RULES_ERR_YAML_VALIDATE,
		  "required_engine_version", "", "Can't decode YAML scalar value" },
		{ "- list:\n  items: [a]\n", SINSP_RULES_ERR_YAML_VALIDATE, "list", "",
		  "Mapping for key 'list' is empty" },
		{ "- list: bad_list\n", SINSP_RULES_ERR_YAML_VALIDATE, "list", "bad_list",
		  "Item has no mapping for key 'items'" },
		{ "- macro: bad_macro\n", SINSP_RULES_ERR_YAML_VALIDATE, "macro", "bad_macro",
		  "Item has no mapping for key 'condition'" },
		{ "- macro: dangling append\n  condition: and evt.type=open\n  append: true\n",
		  SINSP_RULES_ERR_VALIDATE, "macro", "dangling append",
		  "Macro has 'append' key but no macro by that name already exists" },
		{ "- rule: my_rule\n  condition: evt.type=open\n  append: true\n", SINSP_RULES_ERR_VALIDATE,
		  "rule", "my_rule", "Rule has 'append' key but no rule by that name already exists" },
		{ RULE("no condition rule", "evt.type=open") "- rule: no condition rule\n  append: true\n",
		  SINSP_RULES_ERR_VALIDATE, "rule", "no condition rule",
		  "Appended rule must have exceptions or condition property" },
		{ "- macro: some macro\n  condition: evt.type=execve foo\n", SINSP_RULES_ERR_COMPILE_CONDITION,
		  "macro", "some macro", "unexpected token after 'execve', expecting 'or', 'and'" },
		{ "- rule: rule_with_invalid_output\n  desc: d\n  condition: evt.type=open\n"
		  "  output: \"An open was seen %not_a_real_field\"\n  priority: WARNING\n",
		  SINSP_RULES_ERR_COMPILE_OUTPUT, "rule", "rule_with_invalid_output",
		  "invalid formatting token not_a_real_field" },
		{ RULE("r", "evt.type=open") "  exceptions:\n  - name: ex1\n    values: [[a]]\n",
		  SINSP_RULES_ERR_YAML_VALIDATE, "exception", "ex1", "Item has no mapping for key 'fields'" },
		{ RULE("r", "evt.type=open") "- rule: r\n  exceptions:\n  - name: proc_cmdline\n"
		  "    values: [[a]]\n  override:\n    exceptions: append\n", SINSP_RULES_ERR_VALIDATE,
		  "exception", "proc_cmdline", "Rule exception must have fields property with a list of fields" },
		{ RULE("r", "evt.type=open") "  exceptions:\n  - name: ex1\n    fields: [not.exist]\n",
		  SINSP_RULES_ERR_VALIDATE, "exception", "ex1", "'not.exist' is not a supported filter field" },
		{ RULE("r", "evt.type=open") "  exceptions:\n  - name: ex1\n    fields: [proc.name]\n"
		  "    comps: [no-comp]\n", SINSP_RULES_ERR_VALIDATE, "exception", "ex1",
		  "'no-comp' is not a supported comparison operator" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct sinsp_rules_msg *m;

		teardown();
		setup();
		ck_assert_int_eq(load(cases[i].yaml), -EINVAL);
		m = find(cases[i].code);
		ck_assert_msg(m != NULL, "case %zu: no %s", i, sinsp_rules_code_name(cases[i].code));
		ck_assert_msg(strcmp(m->message, cases[i].msg) == 0, "case %zu: '%s'", i, m->message);
		ck_assert_msg(strcmp(m->item_type, cases[i].type) == 0, "case %zu: type '%s'", i, m->item_type);
		ck_assert_msg(strcmp(m->item_name, cases[i].name) == 0, "case %zu: name '%s'", i, m->item_name);
	}
}
END_TEST

/* An append that breaks a rule: the error is the appending file's; the first loads. */
START_TEST(append_error_in_second_file)
{
	const struct sinsp_rules_msg *m;
	bool ok;

	ck_assert_int_eq(sinsp_rules_load_string(r, "base.yaml", RULE("some rule", "evt.type=open")), 0);
	ck_assert_int_eq(sinsp_rules_load_string(r, "append.yaml",
						 "- rule: some rule\n  condition: and not bar\n  append: true\n"), 0);
	ck_assert_int_eq(sinsp_rules_compile(r), -EINVAL);
	sinsp_rules_result_get(r, 0, NULL, &ok, NULL);
	ck_assert(ok);
	sinsp_rules_result_get(r, 1, NULL, &ok, NULL);
	ck_assert(!ok);
	m = find(SINSP_RULES_ERR_VALIDATE);
	ck_assert_str_eq(m->message, "Undefined macro 'bar' used in filter.");
	ck_assert_str_eq(m->file, "append.yaml");
	ck_assert_str_eq(m->item_name, "some rule");
	/* at bar, in the appended text: "  condition: and not bar" */
	ck_assert_uint_eq(m->line, 2);
	ck_assert_uint_eq(m->column, 22);
}
END_TEST

/*
 * An unclosed '(' or list in a rule's condition: the error is the condition's own, at
 * its end, not one about the parenthesis the engine wraps conditions in.
 */
START_TEST(unclosed_rule_condition)
{
	static const struct {
		const char *cond, *msg;
	} cases[] = {
		{ "evt.type=open and (proc.name=cat", "unexpected token after 'cat', expecting 'or', 'and'" },
		{ "evt.type=open and proc.name in (cat, ls",
		  "expected ',' or ')' in the list of 'in', found the end of the filter" },
	};
	char yaml[256];
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct sinsp_rules_msg *m;

		teardown();
		setup();
		snprintf(yaml, sizeof(yaml), "- rule: r\n  desc: d\n  condition: %s\n  output: o\n"
			 "  priority: INFO\n", cases[i].cond);
		ck_assert_int_eq(load(yaml), -EINVAL);
		m = find(SINSP_RULES_ERR_COMPILE_CONDITION);
		ck_assert_msg(m != NULL, "case %zu: no error", i);
		ck_assert_str_eq(m->message, cases[i].msg);
		ck_assert_uint_eq(m->line, 3);
		ck_assert_uint_eq(m->column, 14 + strlen(cases[i].cond));
	}
}
END_TEST

/* ---- warnings ------------------------------------------------------------------------ */

START_TEST(warn_unknown_source)
{
	ck_assert_int_eq(load("- rule: r\n  desc: d\n  condition: ka.verb=get\n  output: o\n  priority: INFO\n"
			      "  source: k8s_audit\n"), 0);
	assert_msg(SINSP_RULES_WARN_UNKNOWN_SOURCE, 6, 11, "rule", "r", "Unknown source k8s_audit");
	ck_assert_uint_eq(sinsp_rules_count(r), 0);
}
END_TEST

START_TEST(warn_unsafe_na)
{
	ck_assert_int_eq(load(RULE("r", "evt.type=open and proc.name != \"<NA>\"")), 0);
	assert_msg(SINSP_RULES_WARN_UNSAFE_NA_CHECK, 3, 46, "rule", "r", "<NA>");
}
END_TEST

START_TEST(warn_no_evttype)
{
	struct sinsp_rule_info info;

	ck_assert_int_eq(load(RULE("r", "proc.name=cat") RULE("quiet", "proc.name=cat")
			      "  warn_evttypes: false\n"), 0);
	assert_msg(SINSP_RULES_WARN_NO_EVTTYPE, 3, 14, "rule", "r", "too many evt.type values");
	ck_assert_uint_eq(nmsgs(), 1);
	ck_assert_int_eq(sinsp_rules_info(r, 1, &info), 0);
	ck_assert_uint_gt(info.nevttypes, 100);
}
END_TEST

START_TEST(warn_unknown_filter)
{
	ck_assert_int_eq(load(RULE("r", "evt.type=open and ka.verb=get") "  skip-if-unknown-filter: true\n"),
			 0);
	assert_msg(SINSP_RULES_WARN_UNKNOWN_FILTER, 3, 32, "rule", "r",
		   "filter_check called with nonexistent field ka.verb");
}
END_TEST

START_TEST(warn_unused)
{
	ck_assert_int_eq(load("- list: used\n  items: [cat]\n- list: spare\n  items: [a]\n"
			      "- macro: m_used\n  condition: proc.name in (used)\n"
			      "- macro: m_spare\n  condition: proc.name=x\n"
			      RULE("r", "evt.type=open and m_used")), 0);
	assert_msg(SINSP_RULES_WARN_UNUSED_LIST, 3, 3, "list", "spare", "List not referred to");
	assert_msg(SINSP_RULES_WARN_UNUSED_MACRO, 7, 3, "macro", "m_spare", "Macro not referred to");
	ck_assert_uint_eq(nmsgs(), 2);
}
END_TEST

START_TEST(warn_unknown_item_and_key)
{
	ck_assert_int_eq(load("- something: else\n" RULE("r", "evt.type=open") "  colour: red\n"), 0);
	assert_msg(SINSP_RULES_WARN_UNKNOWN_ITEM, 1, 3, "rules content", "", "Unknown top level item");
	assert_msg(SINSP_RULES_WARN_UNKNOWN_KEY, 7, 3, "rule", "r", "Unknown key 'colour'");
}
END_TEST

START_TEST(warn_deprecated_append)
{
	struct sinsp_rule_info info;

	ck_assert_int_eq(load(RULE("r", "evt.type=open") "- rule: r\n  condition: and proc.name=cat\n  append: true\n"),
			 0);
	assert_msg(SINSP_RULES_WARN_DEPRECATED_ITEM, 8, 3, "rule", "r", "deprecated");
	sinsp_rules_info(r, 0, &info);
	ck_assert_str_eq(info.condition, "evt.type=open and proc.name=cat");
}
END_TEST

START_TEST(warn_append_no_values)
{
	ck_assert_int_eq(load("- list: a\n  items: [x]\n- list: a\n  items: []\n  override:\n    items: append\n"
			      RULE("r", "proc.name in (a) and evt.type=open")), 0);
	assert_msg(SINSP_RULES_WARN_APPEND_NO_VALUES, 4, 10, "list", "a", "no values");
}
END_TEST

START_TEST(warn_exception_name_not_unique)
{
	ck_assert_int_eq(load(RULE("r", "evt.type=open") "  exceptions:\n"
			      "  - name: e\n    fields: proc.name\n    values: [a]\n"
			      "  - name: e\n    fields: proc.name\n    values: [b]\n"), 0);
	assert_msg(SINSP_RULES_WARN_EXCEPTION_NAME_NOT_UNIQUE, 10, 11, "exception", "e", "exception 'e'");
}
END_TEST

START_TEST(warn_invalid_names)
{
	ck_assert_int_eq(load("- macro: bad-name\n  condition: proc.name=x\n- list: 'a list'\n  items: []\n"), 0);
	assert_msg(SINSP_RULES_WARN_INVALID_MACRO_NAME, 1, 3, "macro", "bad-name", "invalid name");
	assert_msg(SINSP_RULES_WARN_INVALID_LIST_NAME, 3, 3, "list", "a list", "invalid name");
}
END_TEST

START_TEST(plugins)
{
	/* the container plugin is built in (no message); another plugin: a warning */
	ck_assert_int_eq(load("- required_plugin_versions:\n  - name: container\n    version: 0.4.0\n"
			      "  - name: cloudtrail\n    version: 0.1.0\n"), 0);
	assert_msg(SINSP_RULES_WARN_UNKNOWN_ITEM, 4, 5, "required_plugin_versions", "cloudtrail",
		   "Plugin 'cloudtrail' is not available");
	ck_assert_uint_eq(nmsgs(), 1);
}
END_TEST

/* ---- append and override -------------------------------------------------------------- */

START_TEST(override_forms)
{
	struct sinsp_rule_info info;

	ck_assert_int_eq(load("- rule: r\n  desc: d\n  condition: evt.type=open\n  output: o\n  priority: INFO\n"
			      "  tags: [b, a]\n"
			      "- rule: r\n  condition: and proc.name=cat\n  output: (more)\n  desc: ' too'\n"
			      "  tags: [c, a]\n  priority: ERROR\n  enabled: false\n"
			      "  override:\n    condition: append\n    output: append\n    desc: append\n"
			      "    tags: append\n    priority: replace\n    enabled: replace\n"), 0);
	ck_assert_uint_eq(nmsgs(), 0);
	ck_assert_int_eq(sinsp_rules_info(r, 0, &info), 0);
	ck_assert_str_eq(info.condition, "evt.type=open and proc.name=cat");
	ck_assert_str_eq(info.output, "o (more)");
	ck_assert_str_eq(info.desc, "d  too");
	ck_assert_uint_eq(info.ntags, 3);
	ck_assert_str_eq(info.tags[0], "a");
	ck_assert_str_eq(info.tags[1], "b");
	ck_assert_str_eq(info.tags[2], "c");
	ck_assert_int_eq(info.priority, SINSP_PRIO_ERROR);
	ck_assert(!info.enabled);
	ck_assert(!info.selected);
}
END_TEST

START_TEST(override_replace)
{
	struct sinsp_rule_info info;

	ck_assert_int_eq(load("- macro: m\n  condition: evt.type=open\n"
			      "- macro: m\n  condition: evt.type=close\n  override:\n    condition: replace\n"
			      "- list: l\n  items: [a, b]\n- list: l\n  items: [c]\n  override:\n    items: replace\n"
			      RULE("r", "m and proc.name in (l)")
			      "- rule: r\n  condition: evt.type=connect\n  override:\n    condition: replace\n"), 0);
	sinsp_rules_info(r, 0, &info);
	ck_assert_str_eq(info.condition, "evt.type=connect");
	ck_assert_str_eq(r->macros[0].cond, "evt.type=close");
	ck_assert_uint_eq(r->lists[0].nitems, 1);
	ck_assert_str_eq(r->lists[0].items[0], "c");
}
END_TEST

START_TEST(override_refused)
{
	static const struct {
		const char *yaml, *msg;
		unsigned line;
	} cases[] = {
		{ RULE("r", "evt.type=open") "- rule: r\n  priority: ERROR\n  override:\n    priority: append\n",
		  "Key 'priority' cannot be appended to, use 'replace' instead", 9 },
		{ RULE("r", "evt.type=open") "- rule: r\n  source: syscall\n  override:\n    source: replace\n",
		  "Key 'source' cannot be overridden", 9 },
		{ RULE("r", "evt.type=open") "- rule: r\n  condition: x\n  output: y\n  override:\n    condition: append\n",
		  "Key 'output' has no override entry", 8 },
		{ RULE("r", "evt.type=open") "- rule: r\n  condition: x\n  override:\n    condition: append\n    output: append\n",
		  "An override is defined for 'output' but the item has no such key", 10 },
		{ RULE("r", "evt.type=open") "- rule: r\n  condition: x\n  append: true\n  override:\n    condition: append\n",
		  "Keys 'override' and 'append: true' cannot be used together", 6 },
		{ "- macro: m\n  condition: x\n  override:\n    condition: append\n",
		  "Macro has 'override' key but no macro by that name already exists", 1 },
		{ "- list: l\n  items: [a]\n  append: true\n",
		  "List has 'append' key but no list by that name already exists", 1 },
		{ RULE("r", "evt.type=open") "- rule: r\n  output: more\n  append: true\n",
		  "Appended rule must have exceptions or condition property", 6 },
		{ "- rule: nope\n  enabled: false\n",
		  "Rule has 'enabled' key but no rule by that name already exists", 1 },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct sinsp_rules_msg *m;

		teardown();
		setup();
		ck_assert_int_eq(load(cases[i].yaml), -EINVAL);
		m = sinsp_rules_result_msg(r, 0, nmsgs() - 1);
		ck_assert_msg(m->error && strstr(m->message, cases[i].msg), "case %zu: %s", i, m->message);
		ck_assert_msg(m->line == cases[i].line, "case %zu: line %u", i, m->line);
	}
}
END_TEST

START_TEST(enabled_toggle_and_redefinition)
{
	struct sinsp_rule_info info;

	ck_assert_int_eq(load(RULE("a", "evt.type=open") RULE("b", "evt.type=close")
			      "- rule: a\n  enabled: false\n"
			      RULE("a", "evt.type=connect")), 0);
	assert_msg(SINSP_RULES_WARN_DEPRECATED_ITEM, 12, 3, "rule", "a", "deprecated");
	/* redefined: in its first position, with the new condition (and enabled again) */
	ck_assert_uint_eq(sinsp_rules_count(r), 2);
	sinsp_rules_info(r, 0, &info);
	ck_assert_str_eq(info.name, "a");
	ck_assert_str_eq(info.condition, "evt.type=connect");
	ck_assert(info.enabled);
}
END_TEST

/* ---- macros and lists ------------------------------------------------------------------ */

START_TEST(macro_order)
{
	/* a macro sees the macros before it only; a rule sees them all */
	ck_assert_int_eq(load("- macro: a\n  condition: b\n- macro: b\n  condition: evt.type=open\n"), -EINVAL);
	assert_msg(SINSP_RULES_ERR_VALIDATE, 2, 14, "macro", "a", "Undefined macro 'b' used in filter.");
	teardown();
	setup();
	ck_assert_int_eq(load(RULE("r", "a") "- macro: a\n  condition: evt.type=open\n"), 0);
}
END_TEST

START_TEST(macro_loop)
{
	/* b, then a using b, then b replaced by a: a -> b -> a from a rule */
	ck_assert_int_eq(load("- macro: b\n  condition: evt.type=open\n- macro: a\n  condition: b\n"
			      "- macro: b\n  condition: a\n  override:\n    condition: replace\n"
			      RULE("r", "a")), -EINVAL);
	ck_assert_ptr_nonnull(strstr(find(SINSP_RULES_ERR_VALIDATE)->message, "macro"));
	{
		size_t j;
		bool loop = false;

		for (j = 0; j < nmsgs(); j++)
			loop |= strcmp(sinsp_rules_result_msg(r, 0, j)->message, "Reference loop in macro 'a'") == 0;
		ck_assert(loop);
	}
}
END_TEST

START_TEST(list_expansion)
{
	const struct rl_list *l;

	ck_assert_int_eq(load("- list: base\n  items: [sh, bash]\n"
			      "- list: more\n  items: [base, zsh, later, '\"my sh\"']\n"
			      "- list: later\n  items: [fish]\n"
			      RULE("r", "evt.type=open and proc.name in (more)")), 0);
	/* an earlier list expands inline; a later one stays a literal word */
	l = &r->lists[1];
	ck_assert_uint_eq(l->nitems, 5);
	ck_assert_str_eq(l->items[0], "sh");
	ck_assert_str_eq(l->items[1], "bash");
	ck_assert_str_eq(l->items[2], "zsh");
	ck_assert_str_eq(l->items[3], "later");
	ck_assert_str_eq(l->items[4], "\"my sh\"");
	/* later is used by nobody: the word "later" in more is no reference */
	assert_msg(SINSP_RULES_WARN_UNUSED_LIST, 5, 3, "list", "later", "List not referred to");
}
END_TEST

/* ---- exceptions ------------------------------------------------------------------------- */

/* The exception text of rule 0. */
static const char *exc_text(struct strbuf *b)
{
	strbuf_reset(b);
	rl_exceptions_condition(&r->rules[0], b);
	return b->buf ? b->buf : "";
}

START_TEST(exceptions_text)
{
	struct strbuf b = { 0 };

	ck_assert_int_eq(load("- list: shells\n  items: [sh]\n"
			      RULE("r", "evt.type=open") "  exceptions:\n"
			      "  - name: pf\n    fields: [proc.name, fd.name]\n    comps: [=, in]\n"
			      "    values:\n    - [cat, /etc/x]\n    - [my app, [a, b c]]\n"
			      "  - name: one\n    fields: proc.pname\n    values: [shells, init]\n"
			      "  - name: cmp\n    fields: [proc.name, fd.name]\n    comps: [in, startswith]\n"
			      "    values:\n    - [shells, /tmp]\n"
			      "  - name: novalues\n    fields: [proc.name]\n"), 0);
	ck_assert_str_eq(exc_text(&b),
			 " and not ((proc.name = cat and fd.name in (/etc/x))"
			 " or (proc.name = \"my app\" and fd.name in (a, \"b c\"))"
			 " or (proc.pname in (shells, init))"
			 " or (proc.name in (shells) and fd.name startswith /tmp))");
	strbuf_free(&b);
}
END_TEST

START_TEST(exceptions_append)
{
	struct strbuf b = { 0 };

	ck_assert_int_eq(load(RULE("r", "evt.type=open") "  exceptions:\n"
			      "  - name: e\n    fields: [proc.name]\n    values: [[a]]\n"
			      "- rule: r\n  exceptions:\n  - name: e\n    values: [[b]]\n"
			      "  - name: f\n    fields: fd.name\n    comps: pmatch\n    values: [/tmp]\n"
			      "  override:\n    exceptions: append\n"), 0);
	ck_assert_str_eq(exc_text(&b), " and not ((proc.name = a) or (proc.name = b) or (fd.name pmatch (/tmp)))");
	strbuf_free(&b);
}
END_TEST

START_TEST(exceptions_refused)
{
	static const struct {
		const char *yaml, *msg;
		unsigned line;   /* the exception (checks), or the key found wrong (reading) */
	} cases[] = {
		{ "  - name: e\n    fields: [proc.name, fd.name]\n    comps: [=]\n",
		  "Fields and comps lists must have equal length", 9 },
		{ "  - name: e\n    fields: [proc.name, fd.name]\n    values: [[a]]\n",
		  "Fields and values lists must have equal length", 9 },
		{ "  - name: e\n    fields: [proc.name]\n    comps: [like]\n",
		  "'like' is not a supported comparison operator", 7 },
		{ "  - name: e\n    fields: proc.name\n    comps: startswith\n",
		  "'startswith' is not a supported comparison operator for a single field", 7 },
		{ "  - name: e\n    fields: [proc.nope]\n", "'proc.nope' is not a supported filter field", 7 },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char yaml[1024];
		const struct sinsp_rules_msg *m;

		teardown();
		setup();
		snprintf(yaml, sizeof(yaml), "%s  exceptions:\n%s", RULE("r", "evt.type=open"), cases[i].yaml);
		ck_assert_int_eq(load(yaml), -EINVAL);
		m = find(SINSP_RULES_ERR_VALIDATE);
		ck_assert_msg(m && strstr(m->message, cases[i].msg), "case %zu: %s", i, m ? m->message : "none");
		ck_assert_uint_eq(m->line, cases[i].line);
		ck_assert_str_eq(m->item_type, "exception");
		ck_assert_str_eq(m->item_name, "e");
	}
}
END_TEST

/* ---- priorities ------------------------------------------------------------------------- */

START_TEST(priorities)
{
	static const char *const names[] = { "emergency", "ALERT", "Critical", "error", "warning",
					     "notice", "informational", "debug" };
	int i;

	for (i = 0; i < SINSP_PRIO_COUNT; i++)
		ck_assert_int_eq(sinsp_priority_parse(names[i]), i);
	ck_assert_int_eq(sinsp_priority_parse("info"), SINSP_PRIO_INFORMATIONAL);
	ck_assert_int_eq(sinsp_priority_parse("loud"), -EINVAL);
	ck_assert_str_eq(sinsp_priority_name(SINSP_PRIO_INFORMATIONAL), "Informational");
	ck_assert_str_eq(sinsp_priority_name(SINSP_PRIO_WARNING), "Warning");
	ck_assert_ptr_null(sinsp_priority_name(SINSP_PRIO_COUNT));
	ck_assert_str_eq(sinsp_rules_code_name(SINSP_RULES_WARN_UNKNOWN_KEY), "LOAD_UNKNOWN_KEY");
	ck_assert_str_eq(sinsp_rules_code_desc(SINSP_RULES_ERR_YAML_PARSE), "YAML parse error");
}
END_TEST

/* ---- big lists and the shared rulesets ----------------------------------------------------- */

/* CPU seconds of this process (a loaded machine does not count against it). */
static double cpu_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

START_TEST(big_list)
{
	const struct flt_check *c;
	struct strbuf y = { 0 };
	double t0;
	int i, rc;

	strbuf_adds(&y, "- list: big\n  items: [");
	for (i = 0; i < 100000; i++)
		strbuf_printf(&y, "%sdomain%d.example.com", i ? ", " : "", i);
	strbuf_adds(&y, "]\n" RULE("r", "evt.type=connect and fd.sip.name in (big)"));
	t0 = cpu_s();
	rc = load(y.buf);
	strbuf_free(&y);
	ck_assert_int_eq(rc, 0);
	/* a 100,000-item list loads and compiles well under a second (of CPU: ~0.3 s here) */
	ck_assert_double_lt(cpu_s() - t0, 1.0);
	ck_assert_int_eq(r->rules[0].filter->root->kind, FN_AND);
	c = &r->rules[0].filter->root->kids[1]->check;
	ck_assert_uint_eq(c->nvals, 100000);
	/* a set: hashed, so a lookup is one hash and about one compare whatever its size */
	ck_assert_ptr_nonnull(c->hash.slots);
	ck_assert_uint_ge(c->hash.mask + 1, 200000);
	ck_assert(flt_cmp_str(c, "domain99999.example.com", 23));
	ck_assert(flt_cmp_str(c, "domain0.example.com", 19));
	ck_assert(!flt_cmp_str(c, "domain100000.example.com", 24));
	ck_assert(!flt_cmp_str(c, "domain0.example.co", 18));
	printf("100,000-item list: loaded and compiled in %.1f ms of CPU\n", (cpu_s() - t0) * 1e3);
}
END_TEST

/* Every *.yaml under dir (recursively) loads on its own with no error. */
static void load_tree(const char *dir, int *nfiles)
{
	struct dirent *de;
	DIR *d = opendir(dir);

	if (!d)
		return;
	while ((de = readdir(d))) {
		char path[4096];
		size_t n = strlen(de->d_name);

		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		if (de->d_type == DT_DIR) {
			load_tree(path, nfiles);
		} else if (n > 5 && strcmp(de->d_name + n - 5, ".yaml") == 0) {
			const struct sinsp_rules_msg *m;
			double t0 = cpu_s();

			teardown();
			setup();
			ck_assert_int_eq(sinsp_rules_load_path(r, path), 0);
			m = find(SINSP_RULES_ERR_COMPILE_CONDITION);
			ck_assert_msg(sinsp_rules_compile(r) == 0, "%s: %s", path, m ? m->message : "");
			ck_assert_uint_gt(sinsp_rules_count(r), 20);
			printf("%s: %zu rules, %zu messages, %.1f ms of CPU\n", path, sinsp_rules_count(r),
			       nmsgs(), (cpu_s() - t0) * 1e3);
			(*nfiles)++;
		}
	}
	closedir(d);
}

START_TEST(shared_rulesets)
{
	const char *src = getenv("SCRY_SOURCE_DIR");
	char dir[4096];
	int n = 0;

	snprintf(dir, sizeof(dir), "%s/../shared/rules", src ? src : ".");
	load_tree(dir, &n);
	if (!n)
		printf("shared_rulesets: %s not found, skipped\n", dir);
}
END_TEST

START_TEST(shared_rulesets_together)
{
	static const char *const files[] = { "falco_rules.yaml", "falco-incubating_rules.yaml",
					     "falco-sandbox_rules.yaml" };
	const char *src = getenv("SCRY_SOURCE_DIR");
	char path[4096];
	double t0;
	size_t i;
	FILE *f;

	snprintf(path, sizeof(path), "%s/../shared/rules/falcosecurity-rules-main-c72713e/%s",
		 src ? src : ".", files[0]);
	f = fopen(path, "r");
	if (!f)
		return;
	fclose(f);
	t0 = cpu_s();
	for (i = 0; i < 3; i++) {
		snprintf(path, sizeof(path), "%s/../shared/rules/falcosecurity-rules-main-c72713e/%s",
			 src ? src : ".", files[i]);
		ck_assert_int_eq(sinsp_rules_load_path(r, path), 0);
	}
	ck_assert_int_eq(sinsp_rules_compile(r), 0);
	printf("stable+incubating+sandbox: %zu rules, loaded in %.1f ms of CPU\n", sinsp_rules_count(r),
	       (cpu_s() - t0) * 1e3);
	/* 25 + 31 + 37 rules, some defined in two files (the later one replaces it) */
	ck_assert_uint_ge(sinsp_rules_count(r), 80);
}
END_TEST

static Suite *rules_suite(void)
{
	Suite *su = suite_create("rules");
	TCase *tc;

	tc = tcase_create("errors");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, err_file_read);
	tcase_add_test(tc, err_yaml_parse);
	tcase_add_test(tc, err_yaml_validate);
	tcase_add_test(tc, err_not_a_map);
	tcase_add_test(tc, err_missing_key);
	tcase_add_test(tc, err_bad_priority);
	tcase_add_test(tc, err_compile_condition);
	tcase_add_test(tc, err_position_block_scalar);
	tcase_add_test(tc, err_undefined_macro);
	tcase_add_test(tc, err_compile_output);
	tcase_add_test(tc, err_validate_append_missing);
	tcase_add_test(tc, err_validate_engine_version);
	tcase_add_test(tc, engine_version_forms);
	tcase_add_test(tc, file_stops_at_first_error);
	tcase_add_test(tc, falco_messages);
	tcase_add_test(tc, append_error_in_second_file);
	tcase_add_test(tc, unclosed_rule_condition);
	suite_add_tcase(su, tc);

	tc = tcase_create("warnings");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, warn_unknown_source);
	tcase_add_test(tc, warn_unsafe_na);
	tcase_add_test(tc, warn_no_evttype);
	tcase_add_test(tc, warn_unknown_filter);
	tcase_add_test(tc, warn_unused);
	tcase_add_test(tc, warn_unknown_item_and_key);
	tcase_add_test(tc, warn_deprecated_append);
	tcase_add_test(tc, warn_append_no_values);
	tcase_add_test(tc, warn_exception_name_not_unique);
	tcase_add_test(tc, warn_invalid_names);
	tcase_add_test(tc, plugins);
	suite_add_tcase(su, tc);

	tc = tcase_create("append_override");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, override_forms);
	tcase_add_test(tc, override_replace);
	tcase_add_test(tc, override_refused);
	tcase_add_test(tc, enabled_toggle_and_redefinition);
	suite_add_tcase(su, tc);

	tc = tcase_create("macros_lists_exceptions");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, macro_order);
	tcase_add_test(tc, macro_loop);
	tcase_add_test(tc, list_expansion);
	tcase_add_test(tc, exceptions_text);
	tcase_add_test(tc, exceptions_append);
	tcase_add_test(tc, exceptions_refused);
	tcase_add_test(tc, priorities);
	suite_add_tcase(su, tc);

	tc = tcase_create("scale");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, big_list);
	tcase_add_test(tc, shared_rulesets);
	tcase_add_test(tc, shared_rulesets_together);
	suite_add_tcase(su, tc);
	return su;
}

int main(void)
{
	SRunner *sr = srunner_create(rules_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

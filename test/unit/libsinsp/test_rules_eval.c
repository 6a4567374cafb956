/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_rules_eval.c - Falco rules evaluated on synthetic events (libsinsp/rules/): first
 * and all matching, list and macro expansion, exceptions, priorities, tag and name
 * selection, the drop of simple-consumer events, counters, the output rendered with
 * <NA> for fields that do not resolve (text and JSON fields), and the exit-only rules of
 * files that require Falco 0.42's engine.
 */
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <scry/scap.h>
#include <scry/sinsp.h>
#include <scry/sinsp_evt.h>
#include <scry/sinsp_rules.h>

#include "evt_builder.h"

#define TID 100

static struct {
	struct evt_builder eb;
	struct scap_threadinfo threads[3];
	struct sinsp_rules *r;
	char got[4096];          /* "N:rule|N:rule..." of the last run() */
	char outputs[4096];      /* the outputs of the last run(), one a line */
	char json[4096];         /* the JSON fields of the last run(), one a line */
} fx;

static void set_thread(struct scap_threadinfo *t, uint64_t tid, uint64_t ptid, const char *comm,
		       const char *exe, const char *exepath)
{
	t->tid = t->pid = tid;
	t->ptid = ptid;
	t->sid = t->vpgid = t->pgid = 50;
	t->vtid = t->vpid = tid;
	strcpy(t->comm, comm);
	strcpy(t->exe, exe);
	strcpy(t->exepath, exepath);
	strcpy(t->cwd, "/root/");
	t->fdlimit = 1024;
	t->loginuid = UINT32_MAX;
}

/*
 * init (1) <- bash (50, exe -bash) <- cat (TID, CAP_CHOWN and CAP_SYS_ADMIN effective):
 * 1, 2 openat("/etc/passwd", O_RDONLY) = 7; 3, 4 openat("../tmp/out", O_WRONLY|O_CREAT)
 * = 8; 5, 6 write(8, "hello") = 5.
 */
static void setup(void)
{
	memset(&fx, 0, sizeof(fx));
	fx.eb.tid = TID;
	fx.eb.ts0 = 1470327477881781397ull; /* 2016-08-04T16:17:57.881781397Z, less 1 ns */
	set_thread(&fx.threads[0], 1, 0, "init", "/sbin/init", "/sbin/init");
	set_thread(&fx.threads[1], 50, 1, "bash", "-bash", "/usr/bin/bash");
	set_thread(&fx.threads[2], TID, 50, "cat", "cat", "/usr/bin/cat");
	fx.threads[2].cap_effective = (1ull << 21) | 1ull;
	fx.eb.state.threads = fx.threads;
	fx.eb.state.nthreads = 3;
	eb_add(&fx.eb, SCAP_EVT_SYSCALL_OPENAT_2_E, 4, P64(-100), PSTR("/etc/passwd"), P32(1), P32(0));
	eb_add(&fx.eb, SCAP_EVT_SYSCALL_OPENAT_2_X, 6, P64(7), P64(-100), PSTR("/etc/passwd"), P32(1), P32(0),
	       P32(0));
	eb_add(&fx.eb, SCAP_EVT_SYSCALL_OPENAT_2_E, 4, P64(-100), PSTR("../tmp/out"), P32(6), P32(0644));
	eb_add(&fx.eb, SCAP_EVT_SYSCALL_OPENAT_2_X, 6, P64(8), P64(-100), PSTR("../tmp/out"), P32(6),
	       P32(0644), P32(0));
	eb_add(&fx.eb, SCAP_EVT_SYSCALL_WRITE_E, 2, P64(8), P32(5));
	eb_add(&fx.eb, SCAP_EVT_SYSCALL_WRITE_X, 2, P64(5), PBUF("hello", 5));
	eb_open(&fx.eb);
	ck_assert_int_eq(sinsp_rules_new(fx.eb.s, &fx.r), 0);
}

static void teardown(void)
{
	sinsp_rules_free(fx.r);
	eb_free(&fx.eb);
}

static const char base_rules[] =
	"- list: readers\n  items: [cat, \"'less'\"]\n"
	"- list: all_readers\n  items: [readers, more]\n"
	"- macro: open_read\n  condition: evt.type in (open, openat) and evt.dir=< and evt.is_open_read=true\n"
	"- macro: open_write\n  condition: evt.type in (open, openat) and evt.dir=< and evt.is_open_write=true\n"
	"- rule: Read etc\n  desc: d\n"
	"  condition: open_read and fd.name startswith /etc and proc.name in (all_readers)\n"
	"  output: \"Read (file=%fd.name cmd=%proc.cmdline ip=%fd.cip pexe=%proc.pexe)\"\n"
	"  priority: WARNING\n  tags: [fs, read]\n"
	"- rule: Any open\n  desc: d\n  condition: evt.type=openat and evt.dir=<\n"
	"  output: Open %fd.name raw=%fd.nameraw %container.info\n  priority: DEBUG\n  tags: [fs]\n"
	"- rule: Write tmp\n  desc: d\n  condition: open_write and fd.directory=/tmp\n"
	"  output: Write %fd.name\n  priority: ERROR\n  tags: [fs, write]\n"
	"  exceptions:\n  - name: known\n    fields: [proc.name, fd.name]\n    values: [[nobody, /tmp/out]]\n"
	"- rule: Io write\n  desc: d\n  condition: evt.type=write and evt.dir=<\n"
	"  output: wrote %evt.buflen\n  priority: NOTICE\n"
	"- rule: Caps\n  desc: d\n"
	"  condition: evt.type=openat and evt.dir=< and thread.cap_effective contains CAP_SYS_ADMIN"
	" and proc.pexepath=/usr/bin/bash and proc.aexe[1]=-bash and proc.aexepath endswith /bash\n"
	"  output: caps %thread.cap_effective\n  priority: CRITICAL\n  enabled: false\n";

/* Load base_rules and then extra (may be NULL), compile; 0 expected. */
static void load(const char *extra)
{
	ck_assert_int_eq(sinsp_rules_load_string(fx.r, "base.yaml", base_rules), 0);
	if (extra)
		ck_assert_int_eq(sinsp_rules_load_string(fx.r, "extra.yaml", extra), 0);
	ck_assert_int_eq(sinsp_rules_compile(fx.r), 0);
}

#define APPEND(buf, ...) snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), __VA_ARGS__)

/* Every event through the rules: fx.got, fx.outputs and fx.json. */
static void run(void)
{
	struct sinsp_evt *evt;

	fx.got[0] = fx.outputs[0] = fx.json[0] = 0;
	while (sinsp_next(fx.eb.s, &evt) == 0) {
		const struct sinsp_rules_alert *a;
		size_t n = sinsp_rules_eval(fx.r, evt, &a), i;

		for (i = 0; i < n; i++) {
			APPEND(fx.got, "%s%u:%s", fx.got[0] ? "|" : "", (unsigned)sinsp_evt_num(evt), a[i].rule);
			APPEND(fx.outputs, "%s %s\n", sinsp_priority_name(a[i].priority), a[i].output);
			if (a[i].fields_json)
				APPEND(fx.json, "%s\n", a[i].fields_json);
		}
	}
}

START_TEST(first_match)
{
	load(NULL);
	run();
	/* first in load order only: Read etc before Any open; Any open before Write tmp */
	ck_assert_str_eq(fx.got, "2:Read etc|4:Any open");
}
END_TEST

START_TEST(all_match)
{
	load(NULL);
	sinsp_rules_set_match_all(fx.r, true);
	run();
	ck_assert_str_eq(fx.got, "2:Read etc|2:Any open|4:Any open|4:Write tmp");
}
END_TEST

START_TEST(output_rendering)
{
	load(NULL);
	sinsp_rules_set_match_all(fx.r, true);
	sinsp_rules_set_json(fx.r, true);
	run();
	/*
	 * fd.cip of a file does not resolve: <NA> in text, null in JSON; %container.info
	 * expands; the JSON fields have evt.time in ns (Falco's), events 2 and 4 at ts0 + 2, + 4
	 */
	ck_assert_str_eq(fx.outputs,
			 "Warning Read (file=/etc/passwd cmd=cat ip=<NA> pexe=-bash)\n"
			 "Debug Open /etc/passwd raw=/etc/passwd container_id=host container_name=host\n"
			 "Debug Open /tmp/out raw=../tmp/out container_id=host container_name=host\n"
			 "Error Write /tmp/out\n");
	ck_assert_str_eq(fx.json,
			 "{\"evt.time\":1470327477881781399,\"fd.cip\":null,\"fd.name\":\"/etc/passwd\","
			 "\"proc.cmdline\":\"cat\",\"proc.pexe\":\"-bash\"}\n"
			 "{\"container.id\":\"host\",\"container.name\":\"host\",\"evt.time\":1470327477881781399,"
			 "\"fd.name\":\"/etc/passwd\",\"fd.nameraw\":\"/etc/passwd\"}\n"
			 "{\"container.id\":\"host\",\"container.name\":\"host\",\"evt.time\":1470327477881781401,"
			 "\"fd.name\":\"/tmp/out\",\"fd.nameraw\":\"../tmp/out\"}\n"
			 "{\"evt.time\":1470327477881781401,\"fd.name\":\"/tmp/out\"}\n");
}
END_TEST

/* Falco's -p: in place of %container.info (replace), else appended; never after compile */
START_TEST(output_extra)
{
	ck_assert_int_eq(sinsp_rules_set_output_extra(fx.r, "tid=%thread.tid", true), 0);
	load(NULL);
	ck_assert_int_eq(sinsp_rules_set_output_extra(fx.r, "x", false), -EBUSY);
	sinsp_rules_set_match_all(fx.r, true);
	run();
	ck_assert_str_eq(fx.outputs,
			 "Warning Read (file=/etc/passwd cmd=cat ip=<NA> pexe=-bash) tid=100\n"
			 "Debug Open /etc/passwd raw=/etc/passwd tid=100\n"
			 "Debug Open /tmp/out raw=../tmp/out tid=100\n"
			 "Error Write /tmp/out tid=100\n");
}
END_TEST

START_TEST(output_extra_append)
{
	ck_assert_int_eq(sinsp_rules_set_output_extra(fx.r, "cpu=%evt.cpu", false), 0);
	load(NULL);
	sinsp_rules_set_match_all(fx.r, true);
	sinsp_rules_set_json(fx.r, true);
	run();
	ck_assert_str_eq(fx.outputs,
			 "Warning Read (file=/etc/passwd cmd=cat ip=<NA> pexe=-bash) cpu=0\n"
			 "Debug Open /etc/passwd raw=/etc/passwd container_id=host container_name=host cpu=0\n"
			 "Debug Open /tmp/out raw=../tmp/out container_id=host container_name=host cpu=0\n"
			 "Error Write /tmp/out cpu=0\n");
	ck_assert_ptr_nonnull(strstr(fx.json, "{\"evt.cpu\":0,\"evt.time\":1470327477881781401,\"fd.name\":\"/tmp/out\"}\n"));
}
END_TEST

START_TEST(all_events)
{
	load(NULL);
	sinsp_rules_set_match_all(fx.r, true);
	sinsp_rules_set_all_events(fx.r, true);
	run();
	/* write is SCAP_EF_DROP_SIMPLE_CONS: evaluated only with all events */
	ck_assert_str_eq(fx.got, "2:Read etc|2:Any open|4:Any open|4:Write tmp|6:Io write");
	ck_assert_uint_eq(sinsp_rules_events(fx.r), 6);
}
END_TEST

START_TEST(min_priority)
{
	load(NULL);
	sinsp_rules_set_match_all(fx.r, true);
	ck_assert_int_eq(sinsp_rules_set_min_priority(fx.r, SINSP_PRIO_WARNING), 0);
	ck_assert_int_eq(sinsp_rules_set_min_priority(fx.r, SINSP_PRIO_COUNT), -EINVAL);
	run();
	ck_assert_str_eq(fx.got, "2:Read etc|4:Write tmp");
}
END_TEST

START_TEST(tags)
{
	load(NULL);
	ck_assert_int_eq(sinsp_rules_enable_tag(fx.r, "write"), 0);
	run();
	ck_assert_str_eq(fx.got, "4:Write tmp");
}
END_TEST

START_TEST(disable_tag_and_name)
{
	load(NULL);
	sinsp_rules_set_match_all(fx.r, true);
	ck_assert_int_eq(sinsp_rules_disable_tag(fx.r, "read"), 0);
	/* by a part of the name, as Falco's -D; a text no name holds disables nothing */
	ck_assert_int_eq(sinsp_rules_disable_rule(fx.r, "y op"), 0);
	ck_assert_int_eq(sinsp_rules_disable_rule(fx.r, "No such rule"), 0);
	run();
	ck_assert_str_eq(fx.got, "4:Write tmp");
}
END_TEST

START_TEST(exception_and_counters)
{
	struct sinsp_rule_info info;

	load("- rule: Write tmp\n  exceptions:\n  - name: known\n    values: [[cat, /tmp/out]]\n"
	     "  override:\n    exceptions: append\n");
	sinsp_rules_set_match_all(fx.r, true);
	run();
	ck_assert_str_eq(fx.got, "2:Read etc|2:Any open|4:Any open");
	ck_assert_int_eq(sinsp_rules_info(fx.r, 1, &info), 0);
	ck_assert_str_eq(info.name, "Any open");
	ck_assert_uint_eq(info.matches, 2);
	ck_assert_int_eq(sinsp_rules_info(fx.r, 2, &info), 0);
	ck_assert_uint_eq(info.matches, 0);
	/* openat's enter and exit events in their versions, no other type */
	ck_assert_uint_gt(info.nevttypes, 0);
	ck_assert_uint_lt(info.nevttypes, 10);
}
END_TEST

START_TEST(na_misses)
{
	struct sinsp_rule_info info;

	/* fd.cip of a file is <NA>: the rule misses both opens for want of a value; exists
	 * is no comparison; a rule that fires does not count */
	load("- rule: Net\n  desc: d\n  condition: evt.type=openat and evt.dir=< and fd.cip=1.2.3.4\n"
	     "  output: x\n  priority: ALERT\n"
	     "- rule: Exists\n  desc: d\n  condition: evt.type=openat and evt.dir=< and not fd.cip exists\n"
	     "  output: x\n  priority: ALERT\n");
	sinsp_rules_set_match_all(fx.r, true);
	sinsp_rules_set_min_priority(fx.r, SINSP_PRIO_ALERT);
	run();
	ck_assert_str_eq(fx.got, "2:Exists|4:Exists");
	ck_assert_int_eq(sinsp_rules_info(fx.r, 5, &info), 0);
	ck_assert_str_eq(info.name, "Net");
	ck_assert_uint_eq(info.na_misses, 2);
	ck_assert_uint_eq(info.matches, 0);
	ck_assert_int_eq(sinsp_rules_info(fx.r, 6, &info), 0);
	ck_assert_uint_eq(info.na_misses, 0);
	ck_assert_uint_eq(info.matches, 2);
}
END_TEST

START_TEST(enable_by_override)
{
	/* Caps: capabilities as names, the parent's and ancestors' executables */
	load("- rule: Caps\n  enabled: true\n  override:\n    enabled: replace\n");
	sinsp_rules_set_min_priority(fx.r, SINSP_PRIO_CRITICAL);
	run();
	ck_assert_str_eq(fx.got, "2:Caps|4:Caps");
	ck_assert_str_eq(fx.outputs, "Critical caps CAP_CHOWN CAP_SYS_ADMIN\nCritical caps CAP_CHOWN CAP_SYS_ADMIN\n");
}
END_TEST

START_TEST(condition_append)
{
	/* Read etc now also needs a name no reader has: it stops matching */
	load("- macro: open_read\n  condition: and proc.name=less\n  override:\n    condition: append\n");
	run();
	ck_assert_str_eq(fx.got, "2:Any open|4:Any open");
}
END_TEST

START_TEST(quoted_list_items)
{
	/* a list item written with its own quotes is the bare word in the set */
	load("- rule: Less\n  desc: d\n  condition: evt.type=openat and evt.dir=< and not proc.name in (readers)\n"
	     "  output: x\n  priority: ALERT\n"
	     "- rule: Reader\n  desc: d\n  condition: evt.type=openat and evt.dir=< and proc.name in (readers, 'x y')\n"
	     "  output: x\n  priority: ALERT\n");
	ck_assert_int_eq(sinsp_rules_enable_tag(fx.r, "none"), 0);
	run();
	ck_assert_str_eq(fx.got, "");
	teardown();
	setup();
	load("- rule: Reader\n  desc: d\n  condition: evt.type=openat and evt.dir=< and proc.name in (readers, 'x y')\n"
	     "  output: x\n  priority: ALERT\n  tags: [mine]\n");
	sinsp_rules_enable_tag(fx.r, "mine");
	run();
	ck_assert_str_eq(fx.got, "2:Reader|4:Reader");
}
END_TEST

START_TEST(bare_list)
{
	/* a one-item list stands for its item after '=' too (Falco's list_sub_bare); a list
	 * of two stays a literal word there */
	load("- list: one_reader\n  items: [cat]\n- list: two_readers\n  items: [cat, less]\n"
	     "- rule: Bare\n  desc: d\n  condition: evt.type=openat and evt.dir=< and proc.name=one_reader\n"
	     "  output: >\n    bare\n    %proc.name\n\n  priority: ALERT\n  tags: [bare]\n"
	     "- rule: Two\n  desc: d\n  condition: evt.type=openat and evt.dir=< and proc.name=two_readers\n"
	     "  output: x\n  priority: ALERT\n  tags: [bare]\n");
	sinsp_rules_enable_tag(fx.r, "bare");
	sinsp_rules_set_match_all(fx.r, true);
	run();
	ck_assert_str_eq(fx.got, "2:Bare|4:Bare");
	/* a folded output loses its final line breaks (Falco trims outputs) */
	ck_assert_str_eq(fx.outputs, "Alert bare cat\nAlert bare cat\n");
}
END_TEST

START_TEST(errors_evaluate_nothing)
{
	struct sinsp_evt *evt;
	const struct sinsp_rules_alert *a;

	ck_assert_int_eq(sinsp_rules_load_string(fx.r, "bad.yaml", base_rules), 0);
	ck_assert_int_eq(sinsp_rules_load_string(fx.r, "worse.yaml", "- macro: x\n"), -EINVAL);
	ck_assert_int_eq(sinsp_rules_compile(fx.r), -EINVAL);
	ck_assert_int_eq(sinsp_rules_compile(fx.r), -EBUSY);
	ck_assert_int_eq(sinsp_rules_load_string(fx.r, "late.yaml", ""), -EBUSY);
	while (sinsp_next(fx.eb.s, &evt) == 0)
		ck_assert_uint_eq(sinsp_rules_eval(fx.r, evt, &a), 0);
}
END_TEST

/*
 * A file that requires engine 0.57.0 (Falco 0.42's rulesets, written without evt.dir):
 * its rules see the exit events of syscalls only; the same rule in a file without the
 * requirement (or requiring less) also fires on the enter events.
 */
START_TEST(exit_only_for_new_files)
{
	static const char rule[] = "- rule: Open\n  desc: d\n  condition: evt.type=openat\n"
				   "  output: o\n  priority: DEBUG\n";
	char text[512];

	snprintf(text, sizeof(text), "- required_engine_version: 0.57.0\n%s", rule);
	ck_assert_int_eq(sinsp_rules_load_string(fx.r, "new.yaml", text), 0);
	/* the next file's rules see both directions again */
	snprintf(text, sizeof(text), "- required_engine_version: 26\n%s", rule);
	*strstr(text, "Open") = 'o';
	ck_assert_int_eq(sinsp_rules_load_string(fx.r, "old.yaml", text), 0);
	ck_assert_int_eq(sinsp_rules_compile(fx.r), 0);
	sinsp_rules_set_match_all(fx.r, true);
	run();
	ck_assert_str_eq(fx.got, "1:open|2:Open|2:open|3:open|4:Open|4:open");
}
END_TEST

static Suite *rules_eval_suite(void)
{
	Suite *su = suite_create("rules_eval");
	TCase *tc = tcase_create("eval");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, first_match);
	tcase_add_test(tc, all_match);
	tcase_add_test(tc, output_rendering);
	tcase_add_test(tc, output_extra);
	tcase_add_test(tc, output_extra_append);
	tcase_add_test(tc, all_events);
	tcase_add_test(tc, min_priority);
	tcase_add_test(tc, tags);
	tcase_add_test(tc, disable_tag_and_name);
	tcase_add_test(tc, exception_and_counters);
	tcase_add_test(tc, na_misses);
	tcase_add_test(tc, enable_by_override);
	tcase_add_test(tc, condition_append);
	tcase_add_test(tc, quoted_list_items);
	tcase_add_test(tc, bare_list);
	tcase_add_test(tc, errors_evaluate_nothing);
	tcase_add_test(tc, exit_only_for_new_files);
	suite_add_tcase(su, tc);
	return su;
}

int main(void)
{
	SRunner *sr = srunner_create(rules_eval_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

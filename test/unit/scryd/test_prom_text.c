/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_prom_text.c - scryd's Prometheus text exposition writer (userspace/scryd/
 * prom_text.c): the exact text of families and samples, escaping of label values and
 * HELP text, the type and naming rules promtool enforces, and a family's samples kept
 * together (a family begun twice, or a sample outside its family, is refused).
 */
#include <check.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "prom_text.h"

/* Finish @t and compare with @want. */
static void expect_text(struct scryd_prom_text *t, const char *want)
{
	char *text;
	size_t len;

	ck_assert_int_eq(scryd_prom_text_finish(t, &text, &len), 0);
	ck_assert_ptr_nonnull(text);
	ck_assert_str_eq(text, want);
	ck_assert_uint_eq(len, strlen(want));
	free(text);
}

START_TEST(families_and_samples)
{
	struct scryd_prom_text t;
	struct scryd_prom_label l[2] = { { "rule", "Read below etc" }, { "priority", "Warning" } };

	ck_assert_int_eq(scryd_prom_text_init(&t), 0);
	ck_assert_int_eq(scryd_prom_text_family(&t, "scry_scap_n_evts_total", SCRYD_PROM_COUNTER,
						"events captured"), 0);
	ck_assert_int_eq(scryd_prom_text_u64(&t, "scry_scap_n_evts_total", NULL, 0, 41937), 0);
	ck_assert_int_eq(scryd_prom_text_family(&t, "scry_rules_matches_total", SCRYD_PROM_COUNTER,
						"alerts by rule"), 0);
	ck_assert_int_eq(scryd_prom_text_u64(&t, "scry_rules_matches_total", l, 2, 11), 0);
	l[0].value = "Program run";
	l[1].value = "Notice";
	ck_assert_int_eq(scryd_prom_text_u64(&t, "scry_rules_matches_total", l, 2, 0), 0);
	ck_assert_int_eq(scryd_prom_text_family(&t, "scry_scap_n_threads", SCRYD_PROM_GAUGE,
						"threads in the table"), 0);
	ck_assert_int_eq(scryd_prom_text_u64(&t, "scry_scap_n_threads", NULL, 0, UINT64_MAX), 0);
	expect_text(&t,
		    "# HELP scry_scap_n_evts_total events captured\n"
		    "# TYPE scry_scap_n_evts_total counter\n"
		    "scry_scap_n_evts_total 41937\n"
		    "# HELP scry_rules_matches_total alerts by rule\n"
		    "# TYPE scry_rules_matches_total counter\n"
		    "scry_rules_matches_total{rule=\"Read below etc\",priority=\"Warning\"} 11\n"
		    "scry_rules_matches_total{rule=\"Program run\",priority=\"Notice\"} 0\n"
		    "# HELP scry_scap_n_threads threads in the table\n"
		    "# TYPE scry_scap_n_threads gauge\n"
		    "scry_scap_n_threads 18446744073709551615\n");
}
END_TEST

START_TEST(empty_exposition)
{
	struct scryd_prom_text t;

	ck_assert_int_eq(scryd_prom_text_init(&t), 0);
	expect_text(&t, "");
}
END_TEST

/* Label values: \ " and line feed escaped (\\ \" \n); other bytes, UTF-8 included, as
 * they are; NULL is "". HELP: \ and line feed escaped, a quote as it is. */
START_TEST(escaping)
{
	struct scryd_prom_text t;
	struct scryd_prom_label l[3] = {
		{ "container_name", "a\\b\"c\nd" },
		{ "image", "r\xc3\xa9gistre/x:1.0 {} ,=" },
		{ "empty", NULL },
	};

	ck_assert_int_eq(scryd_prom_text_init(&t), 0);
	ck_assert_int_eq(scryd_prom_text_family(&t, "m", SCRYD_PROM_GAUGE,
						"a \"quoted\" C:\\path\nnext line"), 0);
	ck_assert_int_eq(scryd_prom_text_u64(&t, "m", l, 3, 1), 0);
	expect_text(&t,
		    "# HELP m a \"quoted\" C:\\\\path\\nnext line\n"
		    "# TYPE m gauge\n"
		    "m{container_name=\"a\\\\b\\\"c\\nd\",image=\"r\xc3\xa9gistre/x:1.0 {} ,=\",empty=\"\"} 1\n");
}
END_TEST

/* Float values as Go prints float64: NaN, +Inf, -Inf; a short decimal when it reads
 * back exactly, else 17 digits. */
START_TEST(double_values)
{
	struct scryd_prom_text t;

	ck_assert_int_eq(scryd_prom_text_init(&t), 0);
	ck_assert_int_eq(scryd_prom_text_family(&t, "g", SCRYD_PROM_GAUGE, "values"), 0);
	ck_assert_int_eq(scryd_prom_text_double(&t, "g", NULL, 0, NAN), 0);
	ck_assert_int_eq(scryd_prom_text_double(&t, "g", NULL, 0, INFINITY), 0);
	ck_assert_int_eq(scryd_prom_text_double(&t, "g", NULL, 0, -INFINITY), 0);
	ck_assert_int_eq(scryd_prom_text_double(&t, "g", NULL, 0, 0.1), 0);
	ck_assert_int_eq(scryd_prom_text_double(&t, "g", NULL, 0, 1765112345.25), 0);
	ck_assert_int_eq(scryd_prom_text_double(&t, "g", NULL, 0, 0.1 + 0.2), 0);
	ck_assert_int_eq(scryd_prom_text_double(&t, "g", NULL, 0, -2.5e-9), 0);
	expect_text(&t,
		    "# HELP g values\n# TYPE g gauge\n"
		    "g NaN\ng +Inf\ng -Inf\ng 0.1\ng 1765112345.25\ng 0.30000000000000004\n"
		    "g -2.5e-09\n");
}
END_TEST

/* A counter ends in _total, a gauge does not; HELP is required (promtool's lint). */
START_TEST(types_and_suffixes)
{
	struct scryd_prom_text t;
	char *text;
	size_t len;

	ck_assert_int_eq(scryd_prom_text_init(&t), 0);
	ck_assert_int_eq(scryd_prom_text_family(&t, "scry_scap_n_evts", SCRYD_PROM_COUNTER, "x"),
			 -EINVAL);
	scryd_prom_text_free(&t);

	ck_assert_int_eq(scryd_prom_text_init(&t), 0);
	ck_assert_int_eq(scryd_prom_text_family(&t, "scry_scap_n_threads_total", SCRYD_PROM_GAUGE,
						"x"), -EINVAL);
	scryd_prom_text_free(&t);

	ck_assert_int_eq(scryd_prom_text_init(&t), 0);
	ck_assert_int_eq(scryd_prom_text_family(&t, "a_total", SCRYD_PROM_COUNTER, ""), -EINVAL);
	/* sticky: the next calls and the finish return the first error, no text */
	ck_assert_int_eq(scryd_prom_text_family(&t, "b_total", SCRYD_PROM_COUNTER, "ok"), -EINVAL);
	ck_assert_int_eq(scryd_prom_text_finish(&t, &text, &len), -EINVAL);
	ck_assert_ptr_null(text);
	ck_assert_uint_eq(len, 0);
}
END_TEST

static int family_err(const char *name)
{
	struct scryd_prom_text t;
	int rc;

	ck_assert_int_eq(scryd_prom_text_init(&t), 0);
	rc = scryd_prom_text_family(&t, name, SCRYD_PROM_GAUGE, "help");
	scryd_prom_text_free(&t);
	return rc;
}

static int label_err(const char *label)
{
	struct scryd_prom_text t;
	struct scryd_prom_label l = { label, "v" };
	int rc;

	ck_assert_int_eq(scryd_prom_text_init(&t), 0);
	ck_assert_int_eq(scryd_prom_text_family(&t, "m", SCRYD_PROM_GAUGE, "help"), 0);
	rc = scryd_prom_text_u64(&t, "m", &l, 1, 1);
	scryd_prom_text_free(&t);
	return rc;
}

/* Metric names [a-zA-Z_:][a-zA-Z0-9_:]*, label names without the colon; "__" reserved. */
START_TEST(names)
{
	ck_assert_int_eq(family_err("scry:rule_x_1"), 0);
	ck_assert_int_eq(family_err("_x"), 0);
	ck_assert_int_eq(family_err("1x"), -EINVAL);
	ck_assert_int_eq(family_err("a-b"), -EINVAL);
	ck_assert_int_eq(family_err("a b"), -EINVAL);
	ck_assert_int_eq(family_err("__x"), -EINVAL);
	ck_assert_int_eq(family_err(""), -EINVAL);
	ck_assert_int_eq(family_err("caf\xc3\xa9"), -EINVAL);
	ck_assert_int_eq(label_err("container_id"), 0);
	ck_assert_int_eq(label_err("_x9"), 0);
	ck_assert_int_eq(label_err("a:b"), -EINVAL);
	ck_assert_int_eq(label_err("9a"), -EINVAL);
	ck_assert_int_eq(label_err("__name__"), -EINVAL);
	ck_assert_int_eq(label_err(""), -EINVAL);
}
END_TEST

/* A sample names each label once. */
START_TEST(duplicate_label)
{
	struct scryd_prom_text t;
	struct scryd_prom_label l[2] = { { "cpu", "0" }, { "cpu", "1" } };

	ck_assert_int_eq(scryd_prom_text_init(&t), 0);
	ck_assert_int_eq(scryd_prom_text_family(&t, "m_total", SCRYD_PROM_COUNTER, "h"), 0);
	ck_assert_int_eq(scryd_prom_text_u64(&t, "m_total", l, 2, 1), -EINVAL);
	scryd_prom_text_free(&t);
}
END_TEST

/* A family's samples come right after its HELP and TYPE, and a family is written once. */
START_TEST(ordering)
{
	struct scryd_prom_text t;

	/* a sample before any family */
	ck_assert_int_eq(scryd_prom_text_init(&t), 0);
	ck_assert_int_eq(scryd_prom_text_u64(&t, "a", NULL, 0, 1), -EINVAL);
	scryd_prom_text_free(&t);

	/* a sample of an earlier family once another has begun */
	ck_assert_int_eq(scryd_prom_text_init(&t), 0);
	ck_assert_int_eq(scryd_prom_text_family(&t, "a", SCRYD_PROM_GAUGE, "h"), 0);
	ck_assert_int_eq(scryd_prom_text_u64(&t, "a", NULL, 0, 1), 0);
	ck_assert_int_eq(scryd_prom_text_family(&t, "b", SCRYD_PROM_GAUGE, "h"), 0);
	ck_assert_int_eq(scryd_prom_text_u64(&t, "a", NULL, 0, 2), -EINVAL);
	scryd_prom_text_free(&t);

	/* a family begun again, even with another between */
	ck_assert_int_eq(scryd_prom_text_init(&t), 0);
	ck_assert_int_eq(scryd_prom_text_family(&t, "a", SCRYD_PROM_GAUGE, "h"), 0);
	ck_assert_int_eq(scryd_prom_text_family(&t, "b", SCRYD_PROM_GAUGE, "h"), 0);
	ck_assert_int_eq(scryd_prom_text_family(&t, "a", SCRYD_PROM_GAUGE, "h"), -EEXIST);
	scryd_prom_text_free(&t);

	/* many families (the name list grows) stay unique */
	ck_assert_int_eq(scryd_prom_text_init(&t), 0);
	for (int i = 0; i < 100; i++) {
		char name[16];

		snprintf(name, sizeof(name), "f%d", i);
		ck_assert_int_eq(scryd_prom_text_family(&t, name, SCRYD_PROM_GAUGE, "h"), 0);
	}
	ck_assert_int_eq(scryd_prom_text_family(&t, "f57", SCRYD_PROM_GAUGE, "h"), -EEXIST);
	scryd_prom_text_free(&t);
}
END_TEST

/* A label set rendered once writes the same samples as the labels given each time. */
START_TEST(label_sets)
{
	struct scryd_prom_text t, u;
	struct scryd_prom_label l[3] = {
		{ "container_id", "a1b2c3d4e5f6" }, { "container_name", "we\"b\\1\n" },
		{ "image", "nginx:1.25" },
	};
	struct scryd_prom_label bad[2] = { { "x", "1" }, { "x", "2" } };
	char *ls, *a, *b;
	size_t alen, blen;

	ck_assert_int_eq(scryd_prom_labelset_make(l, 3, &ls), 0);
	ck_assert_str_eq(ls, "{container_id=\"a1b2c3d4e5f6\",container_name=\"we\\\"b\\\\1\\n\","
			 "image=\"nginx:1.25\"}");
	ck_assert_int_eq(scryd_prom_text_init(&t), 0);
	ck_assert_int_eq(scryd_prom_text_init(&u), 0);
	ck_assert_int_eq(scryd_prom_text_family(&t, "c_total", SCRYD_PROM_COUNTER, "h"), 0);
	ck_assert_int_eq(scryd_prom_text_family(&u, "c_total", SCRYD_PROM_COUNTER, "h"), 0);
	ck_assert_int_eq(scryd_prom_text_u64(&t, "c_total", l, 3, 32), 0);
	ck_assert_int_eq(scryd_prom_text_u64_ls(&u, "c_total", ls, 32), 0);
	ck_assert_int_eq(scryd_prom_text_family(&t, "g", SCRYD_PROM_GAUGE, "h"), 0);
	ck_assert_int_eq(scryd_prom_text_family(&u, "g", SCRYD_PROM_GAUGE, "h"), 0);
	ck_assert_int_eq(scryd_prom_text_double(&t, "g", l, 3, 0.5), 0);
	ck_assert_int_eq(scryd_prom_text_double_ls(&u, "g", ls, 0.5), 0);
	/* outside its family, as any sample */
	ck_assert_int_eq(scryd_prom_text_u64_ls(&u, "c_total", ls, 1), -EINVAL);
	ck_assert_int_eq(scryd_prom_text_finish(&t, &a, &alen), 0);
	ck_assert_int_eq(scryd_prom_text_finish(&u, &b, &blen), -EINVAL);
	ck_assert_ptr_null(b);
	ck_assert_str_eq(a, "# HELP c_total h\n# TYPE c_total counter\n"
			 "c_total{container_id=\"a1b2c3d4e5f6\",container_name=\"we\\\"b\\\\1\\n\","
			 "image=\"nginx:1.25\"} 32\n# HELP g h\n# TYPE g gauge\n"
			 "g{container_id=\"a1b2c3d4e5f6\",container_name=\"we\\\"b\\\\1\\n\","
			 "image=\"nginx:1.25\"} 0.5\n");
	free(a);
	free(ls);

	ck_assert_int_eq(scryd_prom_labelset_make(bad, 2, &ls), -EINVAL);
	ck_assert_ptr_null(ls);
	ck_assert_int_eq(scryd_prom_labelset_make(NULL, 0, &ls), 0);
	ck_assert_str_eq(ls, "");
	free(ls);
}
END_TEST

static Suite *prom_text_suite(void)
{
	Suite *s = suite_create("prom_text");
	TCase *tc = tcase_create("text");

	tcase_add_test(tc, families_and_samples);
	tcase_add_test(tc, empty_exposition);
	tcase_add_test(tc, escaping);
	tcase_add_test(tc, double_values);
	tcase_add_test(tc, label_sets);
	suite_add_tcase(s, tc);
	tc = tcase_create("rules");
	tcase_add_test(tc, types_and_suffixes);
	tcase_add_test(tc, names);
	tcase_add_test(tc, duplicate_label);
	tcase_add_test(tc, ordering);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(prom_text_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_strbuf.c - the decimal rendering of util/strbuf.c (strbuf_add_u64/_s64, two
 * digits a division) against printf's, at every digit count and at the ends.
 */
#include <check.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"

START_TEST(test_add_u64)
{
	struct strbuf b = { 0 };
	char want[32];
	uint64_t p = 1;

	/* 0, and around each power of ten: 10^k - 1, 10^k, 10^k + 1 */
	for (int k = 0; k <= 20; k++) {
		uint64_t vals[3] = { p - 1, p, p + 1 };

		for (int j = 0; j < 3; j++) {
			strbuf_reset(&b);
			strbuf_add(&b, "x", 1);
			strbuf_add_u64(&b, vals[j]);
			snprintf(want, sizeof(want), "x%" PRIu64, vals[j]);
			ck_assert_uint_eq(b.len, strlen(want));
			ck_assert_mem_eq(b.buf, want, b.len);
		}
		if (k < 19)
			p *= 10;
		else
			p = UINT64_MAX - 1; /* then UINT64_MAX - 2, - 1 and UINT64_MAX itself */
	}
	for (uint64_t v = 0; v < 100000; v += 7) {
		strbuf_reset(&b);
		strbuf_add_u64(&b, v);
		snprintf(want, sizeof(want), "%" PRIu64, v);
		ck_assert_uint_eq(b.len, strlen(want));
		ck_assert_mem_eq(b.buf, want, b.len);
	}
	strbuf_free(&b);
}
END_TEST

START_TEST(test_add_s64)
{
	static const int64_t vals[] = { 0, -1, 1, -9, -10, -99, -100, 123456789, -987654321,
					INT64_MAX, INT64_MIN, INT64_MIN + 1 };
	struct strbuf b = { 0 };
	char want[32];

	for (size_t i = 0; i < sizeof(vals) / sizeof(vals[0]); i++) {
		strbuf_reset(&b);
		strbuf_add_s64(&b, vals[i]);
		snprintf(want, sizeof(want), "%" PRId64, vals[i]);
		ck_assert_uint_eq(b.len, strlen(want));
		ck_assert_mem_eq(b.buf, want, b.len);
	}
	strbuf_free(&b);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("strbuf");
	TCase *tc = tcase_create("decimal");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, test_add_u64);
	tcase_add_test(tc, test_add_s64);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

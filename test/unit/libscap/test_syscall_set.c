/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_syscall_set.c - syscall sets from event types (scap_syscall_set_add_event()),
 * the event type of a syscall (scap_syscall_event_type()), the counting class of each
 * exit (scap_syscall_count_class()), and -ENOTSUP for the per-process counters' calls
 * of an engine without them (their dispatch: test/unit/libsinsp/test_syscall_sets.c).
 */
#include <check.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <scry/scap.h>
#include <scry/scap_live.h>
#include <scry/scap_syscalls.h>

static unsigned nbits(const uint64_t *set)
{
	unsigned n = 0;

	for (int i = 0; i < SCAP_SYSCALL_SET_WORDS; i++)
		n += (unsigned)__builtin_popcountll(set[i]);
	return n;
}

/* Each type adds exactly the syscalls that make it, from either direction. */
START_TEST(test_add_event)
{
	uint64_t set[SCAP_SYSCALL_SET_WORDS] = { 0 };

	ck_assert_int_eq(scap_syscall_set_add_event(set, SCAP_EVT_SYSCALL_OPENAT_2_X), 1);
	ck_assert_uint_eq(nbits(set), 1);
	ck_assert(scap_syscall_set_has(set, SCAP_SC_OPENAT));
	/* the enter type names the same syscall: nothing new */
	ck_assert_int_eq(scap_syscall_set_add_event(set, SCAP_EVT_SYSCALL_OPENAT_2_E), 1);
	ck_assert_uint_eq(nbits(set), 1);
	ck_assert_int_eq(scap_syscall_set_add_event(set, SCAP_EVT_SYSCALL_EXECVE_19_X), 1);
	ck_assert_int_eq(scap_syscall_set_add_event(set, SCAP_EVT_SYSCALL_CLONE_20_X), 1);
	ck_assert_int_eq(scap_syscall_set_add_event(set, SCAP_EVT_SYSCALL_READ_X), 1);
	ck_assert_uint_eq(nbits(set), 4);
	ck_assert(scap_syscall_set_has(set, SCAP_SC_EXECVE));
	ck_assert(scap_syscall_set_has(set, SCAP_SC_CLONE));
	ck_assert(scap_syscall_set_has(set, SCAP_SC_READ));
	ck_assert(!scap_syscall_set_has(set, SCAP_SC_WRITE));
	ck_assert(!scap_syscall_set_has(set, SCAP_SC_PREAD64));
	/* generic events, tracepoint and userspace events, types out of range: nothing */
	memset(set, 0, sizeof(set));
	ck_assert_int_eq(scap_syscall_set_add_event(set, SCAP_EVT_GENERIC_E), 0);
	ck_assert_int_eq(scap_syscall_set_add_event(set, SCAP_EVT_GENERIC_X), 0);
	ck_assert_int_eq(scap_syscall_set_add_event(set, SCAP_EVT_PROCEXIT_1_E), 0);
	ck_assert_int_eq(scap_syscall_set_add_event(set, SCAP_EVT_CONTAINER_JSON_2_E), 0);
	ck_assert_int_eq(scap_syscall_set_add_event(set, SCAP_EVT_MAX), 0);
	ck_assert_uint_eq(nbits(set), 0);
	ck_assert_int_eq(scap_syscall_set_add_event(NULL, SCAP_EVT_SYSCALL_READ_X), -EINVAL);
	/* the inline helpers: the last code of the set, one past it */
	scap_syscall_set_add(set, SCAP_SYSCALL_SET_WORDS * 64 - 1);
	scap_syscall_set_add(set, SCAP_SYSCALL_SET_WORDS * 64);
	ck_assert_uint_eq(set[SCAP_SYSCALL_SET_WORDS - 1], 1ull << 63);
	ck_assert_uint_eq(nbits(set), 1);
	ck_assert(!scap_syscall_set_has(set, SCAP_SYSCALL_SET_WORDS * 64));
}
END_TEST

START_TEST(test_event_type)
{
	ck_assert_int_eq(scap_syscall_event_type(SCAP_SC_OPENAT), SCAP_EVT_SYSCALL_OPENAT_2_E);
	ck_assert_int_eq(scap_syscall_event_type(SCAP_SC_READ), SCAP_EVT_SYSCALL_READ_E);
	ck_assert_int_eq(scap_syscall_event_type(SCAP_SC_GETPPID), SCAP_EVT_GENERIC_E);
	/* no native syscall (x86_64 has no socketcall), none past the table */
	ck_assert_int_eq(scap_syscall_event_type(SCAP_SC_SOCKETCALL), -ENOENT);
	ck_assert_int_eq(scap_syscall_event_type(SCAP_SC_UNKNOWN), -ENOENT);
	ck_assert_int_eq(scap_syscall_event_type(SCAP_SC_MAX), -ENOENT);
}
END_TEST

START_TEST(test_count_class)
{
	const unsigned call_res = SCAP_COUNT_CALL | SCAP_COUNT_RES;

	ck_assert_uint_eq(scap_syscall_count_class(SCAP_EVT_SYSCALL_READ_X), call_res | SCAP_COUNT_READ);
	ck_assert_uint_eq(scap_syscall_count_class(SCAP_EVT_SYSCALL_PREAD_X), call_res | SCAP_COUNT_READ);
	ck_assert_uint_eq(scap_syscall_count_class(SCAP_EVT_SOCKET_RECVFROM_X),
			  call_res | SCAP_COUNT_READ);
	ck_assert_uint_eq(scap_syscall_count_class(SCAP_EVT_SYSCALL_WRITE_X), call_res | SCAP_COUNT_WRITE);
	ck_assert_uint_eq(scap_syscall_count_class(SCAP_EVT_SYSCALL_OPENAT_2_X), call_res);
	ck_assert_uint_eq(scap_syscall_count_class(SCAP_EVT_SYSCALL_EPOLLWAIT_X), call_res);
	/* no result: the generic exit, exits without parameters */
	ck_assert_uint_eq(scap_syscall_count_class(SCAP_EVT_GENERIC_X), SCAP_COUNT_CALL);
	ck_assert_uint_eq(scap_syscall_count_class(SCAP_EVT_SOCKET_RECVMMSG_X), SCAP_COUNT_CALL);
	ck_assert_uint_eq(scap_syscall_count_class(SCAP_EVT_SOCKET_SENDMMSG_X), SCAP_COUNT_CALL);
	/* enter types, tracepoint events, out of range */
	ck_assert_uint_eq(scap_syscall_count_class(SCAP_EVT_SYSCALL_READ_E), 0);
	ck_assert_uint_eq(scap_syscall_count_class(SCAP_EVT_PROCEXIT_1_E), 0);
	ck_assert_uint_eq(scap_syscall_count_class(SCAP_EVT_MAX), 0);
}
END_TEST

/* ---- the counters' calls ------------------------------------------------------- */

static int sum(void *ctx, const struct scap_proc_counts *c)
{
	return 0;
}

/* An engine without counters (noop; the kmod engine too) says so. */
START_TEST(test_counters_enotsup)
{
	char err[SCAP_ERRBUF_SIZE];
	scap_t *h;

	SCAP_OPTS(scap_open_opts, o, .engine = "noop");
	ck_assert_int_eq(scap_open(&o, &h, err), 0);
	ck_assert_int_eq(scap_set_counting(h, true), -ENOTSUP);
	ck_assert_str_eq(scap_last_error(h), "engine noop has no per-process counters");
	ck_assert_int_eq(scap_counts_foreach(h, sum, NULL), -ENOTSUP);
	ck_assert_int_eq(scap_counts_delete(h, 1), -ENOTSUP);
	scap_close(h);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("syscall_set");
	TCase *tc = tcase_create("sets");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, test_add_event);
	tcase_add_test(tc, test_event_type);
	tcase_add_test(tc, test_count_class);
	suite_add_tcase(s, tc);
	tc = tcase_create("counters");
	tcase_add_test(tc, test_counters_enotsup);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_spool.c - the publisher's on-disk spool (spool.c): messages kept in sequence
 * order, sequence numbers that survive a restart (also of an emptied spool), .part
 * files of a dead writer removed, the bound dropping the oldest (never one being sent)
 * and counting it, messages read back (large ones mapped).
 */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "spool.h"

static char dir[256];

static void setup(void)
{
	snprintf(dir, sizeof(dir), "/tmp/scry-spool-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	strcat(dir, "/a/b"); /* created with its parents */
}

static void teardown(void)
{
	char cmd[300];

	*strstr(dir, "/a/b") = '\0';
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	ck_assert_int_eq(system(cmd), 0);
}

static void add(struct spool *sp, const char *kind, size_t bytes)
{
	char *buf = malloc(bytes);

	memset(buf, 'x', bytes);
	ck_assert_int_eq(spool_add(sp, kind, buf, bytes), 0);
	free(buf);
}

START_TEST(order_and_restart)
{
	struct spool *sp = NULL;
	struct spool_entry *e;
	struct spool_stats st;
	char path[1200], err[STREAM_ERR_SIZE];
	uint64_t seq;
	size_t n;
	const void *data;
	size_t len;
	int fd;

	ck_assert_int_eq(spool_open(dir, 1 << 20, &sp, err), 0);
	add(sp, "capture", 100);
	add(sp, "alerts", 10);
	add(sp, "capture", 200);
	e = spool_entries(sp, &n);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(e[0].kind, "alerts");
	ck_assert_str_eq(e[1].kind, "capture");
	ck_assert_uint_eq(e[1].seq, 0);
	ck_assert_uint_eq(e[2].seq, 1);
	ck_assert_uint_eq(e[2].bytes, 200);
	ck_assert_int_eq(spool_read(sp, &e[2], &data, &len), 0);
	ck_assert_uint_eq(len, 200);
	ck_assert_int_eq(((const char *)data)[199], 'x');
	/* a writer that dies mid-chunk leaves a .part file */
	ck_assert_int_eq(spool_reserve(sp, "capture", &seq, path, sizeof(path)), 0);
	ck_assert_uint_eq(seq, 2);
	fd = open(path, O_WRONLY | O_CREAT, 0600);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, "abc", 3), 3);
	close(fd);
	spool_close(sp);

	ck_assert_int_eq(spool_open(dir, 1 << 20, &sp, err), 0);
	ck_assert_int_eq(access(path, F_OK), -1); /* removed */
	e = spool_entries(sp, &n);
	ck_assert_uint_eq(n, 3);
	spool_get_stats(sp, &st);
	ck_assert_uint_eq(st.files, 3);
	ck_assert_uint_eq(st.bytes, 310);
	/* acknowledged: removed; the numbers go on after the reserved one */
	ck_assert_int_eq(spool_remove(sp, "capture", 0), 0);
	ck_assert_int_eq(spool_remove(sp, "capture", 1), 0);
	ck_assert_int_eq(spool_remove(sp, "alerts", 0), 0);
	ck_assert_int_eq(spool_remove(sp, "alerts", 0), -ENOENT);
	spool_close(sp);
	/* an emptied spool still knows its next number */
	ck_assert_int_eq(spool_open(dir, 1 << 20, &sp, err), 0);
	spool_entries(sp, &n);
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(spool_reserve(sp, "capture", &seq, path, sizeof(path)), 0);
	ck_assert_uint_eq(seq, 3);
	ck_assert_int_eq(spool_commit(sp, "capture", seq, false), 0);
	spool_close(sp);
}
END_TEST

START_TEST(bound_drops_oldest)
{
	struct spool *sp = NULL;
	struct spool_entry *e;
	struct spool_stats st;
	char err[STREAM_ERR_SIZE];
	size_t n;

	ck_assert_int_eq(spool_open(dir, 1000, &sp, err), 0);
	for (int i = 0; i < 4; i++)
		add(sp, "capture", 300); /* the 4th goes beyond 1000: the oldest goes */
	e = spool_entries(sp, &n);
	ck_assert_uint_eq(n, 3);
	ck_assert_uint_eq(e[0].seq, 1);
	spool_get_stats(sp, &st);
	ck_assert_uint_eq(st.dropped_files, 1);
	ck_assert_uint_eq(st.dropped_bytes, 300);
	ck_assert_uint_eq(st.bytes, 900);
	ck_assert_uint_eq(st.peak_bytes, 1200);
	/* one being sent is kept: the next oldest goes instead */
	e[0].busy = true;
	add(sp, "capture", 300);
	e = spool_entries(sp, &n);
	ck_assert_uint_eq(n, 3);
	ck_assert_uint_eq(e[0].seq, 1);
	ck_assert_uint_eq(e[1].seq, 3);
	ck_assert_uint_eq(e[2].seq, 4);
	spool_get_stats(sp, &st);
	ck_assert_uint_eq(st.dropped_files, 2);
	ck_assert_uint_eq(st.added_files, 5);
	spool_close(sp);
	ck_assert_int_eq(spool_open(dir, 0, &sp, err), -EINVAL);
	ck_assert_int_eq(spool_open("/proc/no/such", 10, &sp, err), -ENOENT);
	ck_assert_ptr_nonnull(strstr(err, "/proc/no/such"));
}
END_TEST

/* One publisher a spool: a second open of the directory is refused, naming the holder's
 * pid, until the first closes (a second would remove the first's .part files). */
START_TEST(one_publisher)
{
	struct spool *a = NULL, *b = NULL;
	char err[STREAM_ERR_SIZE] = "", want[64];

	ck_assert_int_eq(spool_open(dir, 1 << 20, &a, err), 0);
	ck_assert_int_eq(spool_open(dir, 1 << 20, &b, err), -EBUSY);
	ck_assert_ptr_null(b);
	snprintf(want, sizeof(want), "in use by another publisher (pid %ld)", (long)getpid());
	ck_assert_msg(strstr(err, want) && strstr(err, dir), "message: %s", err);
	spool_close(a);
	ck_assert_int_eq(spool_open(dir, 1 << 20, &b, err), 0);
	spool_close(b);
}
END_TEST

/*
 * Reading back: a message of 3 MiB (mapped) and one of 200 bytes (read) after it give
 * their bytes, each valid until the next read; a file cut shorter than when it was
 * added is -EIO, not a mapping that faults past its end.
 */
START_TEST(read_large_and_small)
{
	struct spool *sp;
	struct spool_entry *e;
	const void *data;
	char err[STREAM_ERR_SIZE], path[1300];
	size_t n, len, big = 3u << 20;
	char *buf = malloc(big);

	ck_assert_ptr_nonnull(buf);
	for (size_t i = 0; i < big; i++)
		buf[i] = (char)(i * 7 + i / 4096);
	ck_assert_int_eq(spool_open(dir, 1u << 30, &sp, err), 0);
	ck_assert_int_eq(spool_add(sp, "capture", buf, big), 0);
	add(sp, "capture", 200);
	e = spool_entries(sp, &n);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(spool_read(sp, &e[0], &data, &len), 0);
	ck_assert_uint_eq(len, big);
	ck_assert_int_eq(memcmp(data, buf, big), 0);
	ck_assert_int_eq(spool_read(sp, &e[1], &data, &len), 0);
	ck_assert_uint_eq(len, 200);
	ck_assert_int_eq(((const char *)data)[199], 'x');
	ck_assert_int_eq(spool_read(sp, &e[0], &data, &len), 0);
	ck_assert_int_eq(memcmp(data, buf, big), 0);
	/* cut behind the spool's back */
	snprintf(path, sizeof(path), "%s/capture-%020d", dir, 0);
	ck_assert_int_eq(truncate(path, (off_t)big / 2), 0);
	ck_assert_int_eq(spool_read(sp, &e[0], &data, &len), -EIO);
	spool_close(sp);
	free(buf);
}
END_TEST

static Suite *spool_suite(void)
{
	Suite *s = suite_create("stream_spool");
	TCase *tc = tcase_create("spool");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, order_and_restart);
	tcase_add_test(tc, bound_drops_oldest);
	tcase_add_test(tc, read_large_and_small);
	tcase_add_test(tc, one_publisher);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(spool_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

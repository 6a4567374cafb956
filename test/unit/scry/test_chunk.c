/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_chunk.c - the sizing of capture chunks for a bus (userspace/common/chunk.c): a
 * chunk written until scry_chunk_size_full() says so stays within its limit and fills
 * it, gzip and plain, and still replays whole; plain chunks only while the state is at
 * most an eighth of the limit.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <scry/scap.h>
#include <scry/scap_dump.h>

#include "chunk.h"
#include "unit/libscap/capture_builder.h"

#define NOISE 600

/* A write event of @len bytes: half noise (a generator of its own), half repeats, so
 * that gzip takes about half off, as it does not off a random buffer. */
static struct scap_evt_ref noisy_event(struct cb_buf *rec, uint64_t ts, uint32_t *x)
{
	static uint8_t data[NOISE];
	int64_t res = NOISE;
	const void *vals[2] = { &res, data };
	uint32_t lens[2] = { 8, NOISE };

	for (size_t k = 0; k < NOISE; k++) {
		*x = *x * 1103515245u + 12345u;
		data[k] = k % 2 ? (uint8_t)(*x >> 23) : 'a';
	}
	rec->len = 0;
	cb_evt_record(rec, ts, 1, SCAP_EVT_SYSCALL_WRITE_X, 2, vals, lens, 2);
	return cb_evt_ref(rec, 0);
}

static struct scap_dumper *open_chunk(const char *path, bool gzip)
{
	char err[SCAP_ERRBUF_SIZE];
	struct scap_dumper *d = NULL;
	SCAP_OPTS(scap_dump_opts, o, .path = path,
		  .compression = gzip ? SCAP_DUMP_GZIP : SCAP_DUMP_PLAIN,
		  .buffer_bytes = SCRY_CHUNK_BUFFER);

	ck_assert_msg(scap_dump_open(&o, &d, err) == 0, "scap_dump_open: %s", err);
	return d;
}

static uint64_t file_size(const char *path)
{
	struct stat st;

	ck_assert_int_eq(stat(path, &st), 0);
	return (uint64_t)st.st_size;
}

/* Events into one chunk of @limit bytes until it is full; its size; events replayed. */
static void fill(bool gzip, uint64_t limit, uint64_t *size, uint64_t *written,
		 uint64_t *replayed)
{
	char *path = cb_write_temp(&(struct cb_buf){ 0 }, false);
	char err[SCAP_ERRBUF_SIZE];
	struct scap_evt_ref got = { .sz = sizeof(got) };
	struct scry_chunk_size c;
	struct cb_buf rec = { 0 };
	struct scap_dumper *d;
	uint32_t x = 42;
	scap_t *h;
	int rc;

	scry_chunk_size_init(&c, limit, !gzip);
	ck_assert_int_eq(scry_chunk_size_gzip(&c), gzip);
	d = open_chunk(path, gzip);
	scry_chunk_size_start(&c, d);
	scry_chunk_size_state(&c, d);
	for (*written = 0;; (*written)++) {
		struct scap_evt_ref e = noisy_event(&rec, 100 + *written, &x);

		if (scry_chunk_size_full(&c, d, e.len))
			break;
		ck_assert_int_eq(scap_dump_event(d, &e, 0), 0);
	}
	ck_assert_msg(scap_dump_close(d, err) == 0, "close: %s", err);
	*size = file_size(path);
	h = cb_open_path(path);
	for (*replayed = 0; (rc = scap_next(h, &got)) == 0; (*replayed)++)
		ck_assert_uint_eq(got.ts_ns, 100 + *replayed);
	ck_assert_int_eq(rc, SCAP_EOF);
	scap_close(h);
	cb_free(&rec);
	unlink(path);
	free(path);
}

START_TEST(test_gzip_fills_limit)
{
	uint64_t size, written, replayed, limit = 3u << 20;

	fill(true, limit, &size, &written, &replayed);
	ck_assert_uint_le(size, limit);
	/* filled: closed with less than the tail and one member's framing left */
	ck_assert_uint_gt(size, limit - SCRY_CHUNK_TAIL - 4096);
	/* the events took gzip's half off: far more than the limit's worth went in */
	ck_assert_uint_gt(written * NOISE, limit * 3 / 2);
	ck_assert_uint_eq(replayed, written);
}
END_TEST

START_TEST(test_plain_fills_limit)
{
	uint64_t size, written, replayed, limit = 1u << 20;

	fill(false, limit, &size, &written, &replayed);
	ck_assert_uint_le(size, limit);
	ck_assert_uint_gt(size, limit - 2 * NOISE);   /* one more event would not fit */
	ck_assert_uint_eq(replayed, written);
}
END_TEST

/* The state a chunk starts with, @bytes of events; then whether the next is gzip. */
static bool next_gzip(struct scry_chunk_size *c, uint64_t bytes)
{
	char *path = cb_write_temp(&(struct cb_buf){ 0 }, false);
	char err[SCAP_ERRBUF_SIZE];
	struct scap_dumper *d = open_chunk(path, scry_chunk_size_gzip(c));
	struct cb_buf rec = { 0 };
	uint32_t x = 7;

	scry_chunk_size_start(c, d);
	for (uint64_t n = 0; n < bytes; n += NOISE) {
		struct scap_evt_ref e = noisy_event(&rec, 1, &x);

		ck_assert_int_eq(scap_dump_event(d, &e, 0), 0);
	}
	scry_chunk_size_state(c, d);
	ck_assert_int_eq(scap_dump_close(d, err), 0);
	cb_free(&rec);
	unlink(path);
	free(path);
	return scry_chunk_size_gzip(c);
}

START_TEST(test_plain_while_state_small)
{
	struct scry_chunk_size c;

	scry_chunk_size_init(&c, 1u << 20, true);
	ck_assert(!scry_chunk_size_gzip(&c));           /* plain until a state is seen */
	ck_assert(next_gzip(&c, 200u << 10));           /* 200 KiB > 1 MiB / 8 */
	ck_assert(!next_gzip(&c, 100u << 10));          /* back to plain */
	scry_chunk_size_init(&c, 1u << 20, false);      /* a bus that does not compress */
	ck_assert(next_gzip(&c, 10u << 10));
}
END_TEST

int main(void)
{
	Suite *s = suite_create("chunk");
	TCase *tc = tcase_create("core");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, test_gzip_fills_limit);
	tcase_add_test(tc, test_plain_fills_limit);
	tcase_add_test(tc, test_plain_while_state_small);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

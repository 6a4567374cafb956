/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_dump_compat.c - the dumper's sysdig 0.29.3 mode (opts.compat_0293) and its
 * schema data (scap_evt_compat_0293): the table against the event table type by type;
 * every type >= 336 the drivers write is mapped; each mapped type of the drivers,
 * written as a synthetic event with distinct parameter values and read back, has the
 * older type, parameter count and exact bytes; the explicit 0.29.3 forms (dup2 -> dup,
 * pipe2 -> pipe, ..., chown -> generic 132/92, memfd_create -> generic 0/319, bpf's
 * res_or_fd tags); header, cpu and flags kept; off by default; events 0.29.3 knows
 * untouched; snaplen on top; malformed records refused.
 */
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <scry/scap.h>
#include <scry/scap_dump.h>

#include "driver/abi/event_table_compat.h"
#include "driver/fill/table.h"
#include "capture_builder.h"

/* ---- helpers ---------------------------------------------------------------------- */

/* Every enter and exit type the drivers write (driver/fill/table.h). */
#define PAIR_TYPES(evt, e, x) SCAP_EVT_##evt##_E, SCAP_EVT_##evt##_X,
static const uint16_t driver_types[] = { SCAPDRV_FILL_PAIRS(PAIR_TYPES) };
#define N_DRIVER_TYPES (sizeof(driver_types) / sizeof(driver_types[0]))

/* Size of a fixed-size parameter type; 0 for variable-size ones. */
static uint32_t fixed_size(uint8_t t)
{
	switch (t) {
	case SCAP_PT_INT8: case SCAP_PT_UINT8: case SCAP_PT_FLAGS8: case SCAP_PT_ENUMFLAGS8:
	case SCAP_PT_SIGTYPE: case SCAP_PT_L4PROTO: case SCAP_PT_SOCKFAMILY:
		return 1;
	case SCAP_PT_INT16: case SCAP_PT_UINT16: case SCAP_PT_FLAGS16: case SCAP_PT_ENUMFLAGS16:
	case SCAP_PT_PORT: case SCAP_PT_SYSCALLID:
		return 2;
	case SCAP_PT_INT32: case SCAP_PT_UINT32: case SCAP_PT_FLAGS32: case SCAP_PT_ENUMFLAGS32:
	case SCAP_PT_UID: case SCAP_PT_GID: case SCAP_PT_MODE: case SCAP_PT_BOOL:
	case SCAP_PT_SIGSET: case SCAP_PT_IPV4ADDR:
		return 4;
	case SCAP_PT_INT64: case SCAP_PT_UINT64: case SCAP_PT_ERRNO: case SCAP_PT_FD:
	case SCAP_PT_PID: case SCAP_PT_RELTIME: case SCAP_PT_ABSTIME: case SCAP_PT_DOUBLE:
		return 8;
	default:
		return 0;
	}
}

/* Parameter values of a synthetic event of @type: param i is @i's own byte pattern. */
struct synth {
	uint8_t val[SCAP_MAX_EVENT_PARAMS][24];
	const void *vals[SCAP_MAX_EVENT_PARAMS];
	uint32_t lens[SCAP_MAX_EVENT_PARAMS];
	uint32_t n;
};

static void synth_event(struct cb_buf *rec, struct synth *s, uint16_t type, uint64_t ts,
			uint64_t tid)
{
	const struct scap_evt_info *info = scap_evt_info(type);
	uint32_t i, j;

	ck_assert_ptr_nonnull(info);
	s->n = info->nparams;
	for (i = 0; i < s->n; i++) {
		uint32_t sz = fixed_size(info->params[i].type);

		for (j = 0; j < sizeof(s->val[i]); j++)
			s->val[i][j] = (uint8_t)(0x11 * (i + 1) + j);
		if (!sz) { /* strings, tuples, buffers: 12 bytes, NUL-terminated */
			sz = 12;
			s->val[i][sz - 1] = 0;
		}
		s->vals[i] = s->val[i];
		s->lens[i] = sz;
	}
	cb_evt_record(rec, ts, tid, type, s->n, s->vals, s->lens,
		      info->flags & SCAP_EF_LARGE_PAYLOAD ? 4 : 2);
}

static struct scap_dumper *dump_open(const char *path, bool compat, uint32_t snaplen)
{
	char err[SCAP_ERRBUF_SIZE];
	struct scap_dumper *d = NULL;
	SCAP_OPTS(scap_dump_opts, o, .path = path, .compat_0293 = compat, .snaplen = snaplen);
	int rc = scap_dump_open(&o, &d, err);

	ck_assert_msg(rc == 0, "scap_dump_open: %d %s", rc, err);
	return d;
}

/* Write one event of @type (synthetic values) with the mode on; read it back into
 * @got (valid until scap_close(*h)). */
static void round_trip(uint16_t type, struct synth *s, struct scap_evt_ref *got, scap_t **h,
		       char **path)
{
	struct cb_buf rec = { 0 };
	struct scap_dumper *d;
	struct scap_evt_ref e;
	char err[SCAP_ERRBUF_SIZE];

	*path = cb_write_temp(&(struct cb_buf){ 0 }, false);
	d = dump_open(*path, true, 0);
	synth_event(&rec, s, type, 5000 + type, 77);
	e = cb_evt_ref(&rec, 1);
	ck_assert_int_eq(scap_dump_event(d, &e, SCAP_DUMP_FLAG_STATE_ONLY), 0);
	ck_assert_int_eq(scap_dump_close(d, err), 0);
	cb_free(&rec);
	*h = cb_open_path(*path);
	got->sz = sizeof(*got);
	ck_assert_int_eq(scap_next(*h, got), 0);
}

static void done(scap_t *h, char *path)
{
	scap_close(h);
	unlink(path);
	free(path);
}

/* ---- the schema data -------------------------------------------------------------- */

/* Each rule against the event table: older types 0.29.3 has, same direction, copied
 * parameters of the same type, zeros of the type's size, generic codes 0.29.3 knows
 * and named like the event. */
START_TEST(test_table_consistent)
{
	uint32_t t, i, mapped = 0;

	for (t = 0; t < SCAP_EVT_MAX; t++) {
		const struct scap_evt_compat *c = &scap_evt_compat_0293[t];
		const struct scap_evt_info *from = scap_evt_info((uint16_t)t), *to;

		if (t < SCAP_EVT_MAX_0293 || c->kind == SCAP_COMPAT_NONE) {
			ck_assert_msg(c->kind == SCAP_COMPAT_NONE, "type %u below 336 mapped", t);
			continue;
		}
		mapped++;
		ck_assert_uint_lt(c->to, SCAP_EVT_MAX_0293);
		ck_assert_msg((c->to & 1) == (t & 1), "type %u: direction changes", t);
		to = scap_evt_info(c->to);
		ck_assert(!(to->flags & SCAP_EF_UNUSED));
		switch (c->kind) {
		case SCAP_COMPAT_PARAMS:
			ck_assert_msg(strncmp(from->name, to->name, strlen(to->name)) == 0,
				      "type %u (%s) as %s", t, from->name, to->name);
			ck_assert_uint_le(to->nparams, SCAP_COMPAT_MAX_PARAMS);
			for (i = 0; i < to->nparams; i++) {
				int s = c->src[i];

				if (s < 0) {
					ck_assert_msg((uint32_t)-s == fixed_size(to->params[i].type),
						      "type %u param %u: zeros of the wrong size", t, i);
					continue;
				}
				ck_assert_uint_lt((uint32_t)s, from->nparams);
				ck_assert_msg(from->params[s].type == to->params[i].type,
					      "type %u param %u (%s) from %d (%s): types differ", t,
					      i, to->params[i].name, s, from->params[s].name);
				ck_assert_str_eq(from->params[s].name, to->params[i].name);
			}
			break;
		case SCAP_COMPAT_GENERIC:
			ck_assert_uint_eq(c->to, t & 1 ? SCAP_EVT_GENERIC_X : SCAP_EVT_GENERIC_E);
			ck_assert_uint_le(c->sc, SCAP_SC_CLONE3);
			if (c->sc != SCAP_SC_UNKNOWN)
				ck_assert_str_eq(scap_syscall_names[c->sc], from->name);
			break;
		case SCAP_COMPAT_BPF_RES_OR_FD:
			ck_assert_uint_eq(t, SCAP_EVT_SYSCALL_BPF_2_X);
			ck_assert_uint_eq(c->to, SCAP_EVT_SYSCALL_BPF_X);
			break;
		default:
			ck_abort_msg("type %u: unknown kind %u", t, c->kind);
		}
	}
	ck_assert_uint_eq(mapped, 2 * (11 + 29)); /* 11 older versions, 29 generic pairs */
}
END_TEST

/* Every type the drivers write is one 0.29.3 knows or one the table maps. */
START_TEST(test_driver_types_mapped)
{
	uint32_t i, newer = 0;

	for (i = 0; i < N_DRIVER_TYPES; i++) {
		uint16_t t = driver_types[i];

		if (t < SCAP_EVT_MAX_0293)
			continue;
		newer++;
		ck_assert_msg(scap_evt_compat_0293[t].kind != SCAP_COMPAT_NONE,
			      "drivers write type %u (%s), unmapped", t, scap_evt_info(t)->name);
	}
	/* the 20 pairs of issue 5 newer than 0.29.3, and issue 12's 13: newfstatat, mknod,
	 * mknodat, epoll_create, epoll_create1, pidfd_open, pidfd_getfd, delete_module,
	 * mlock, munlock, mlock2, mlockall, munlockall; then its last 6: open_by_handle_at,
	 * io_uring_enter, io_uring_register, fsconfig, process_vm_readv, process_vm_writev */
	ck_assert_uint_eq(newer, 2 * (20 + 13 + 6));
}
END_TEST

/* ---- conversion through the dumper ------------------------------------------------ */

/* Each mapped type the drivers write, through the dumper and back: the older type,
 * its parameter count, the exact bytes of each parameter, ts, tid, cpu, flags. */
START_TEST(test_each_driver_type)
{
	uint16_t t = driver_types[_i];
	const struct scap_evt_compat *c = &scap_evt_compat_0293[t];
	const struct scap_evt_info *to;
	struct scap_param p[SCAP_MAX_EVENT_PARAMS];
	struct scap_evt_ref got;
	struct synth s;
	scap_t *h;
	char *path;
	uint32_t i;
	int n;

	if (t < SCAP_EVT_MAX_0293)
		return;
	round_trip(t, &s, &got, &h, &path);
	to = scap_evt_info(c->to);
	ck_assert_uint_eq(got.type, c->to);
	ck_assert_uint_eq(got.ts_ns, 5000u + t);
	ck_assert_uint_eq(got.tid, 77);
	ck_assert_uint_eq(got.cpu, 1);
	ck_assert_uint_eq(got.flags, SCAP_DUMP_FLAG_STATE_ONLY);
	n = scap_evt_params(&got, p, SCAP_MAX_EVENT_PARAMS);
	ck_assert_int_eq(n, (int)to->nparams);
	ck_assert_uint_eq(got.nparams, to->nparams);
	for (i = 0; i < (uint32_t)n; i++) {
		uint16_t u16;

		switch (c->kind) {
		case SCAP_COMPAT_PARAMS:
			if (c->src[i] < 0) {
				ck_assert_uint_eq(p[i].len, (uint32_t)-c->src[i]);
				ck_assert_mem_eq(p[i].val, "\0\0\0\0\0\0\0\0", p[i].len);
			} else {
				ck_assert_uint_eq(p[i].len, s.lens[c->src[i]]);
				ck_assert_mem_eq(p[i].val, s.val[c->src[i]], p[i].len);
			}
			break;
		case SCAP_COMPAT_GENERIC:
			ck_assert_uint_eq(p[i].len, 2);
			memcpy(&u16, p[i].val, 2);
			ck_assert_uint_eq(u16, i == 0 ? c->sc : c->native);
			break;
		default: /* bpf exit: cmd 0x25242322 creates nothing: tagged res */
			ck_assert_uint_eq(p[i].len, 9);
			ck_assert_uint_eq(p[i].val[0], SCAP_BPF_IDX_RES);
			ck_assert_mem_eq(p[i].val + 1, s.val[0], 8);
		}
	}
	done(h, path);
}
END_TEST

/* The 0.29.3 forms spelled out (what its driver writes for each syscall). */
static const struct {
	uint16_t from, to;
	uint32_t nparams;
} expected[] = {
	{ SCAP_EVT_SYSCALL_DUP_1_E, SCAP_EVT_SYSCALL_DUP_E, 1 },
	{ SCAP_EVT_SYSCALL_DUP_1_X, SCAP_EVT_SYSCALL_DUP_X, 1 },
	{ SCAP_EVT_SYSCALL_DUP2_E, SCAP_EVT_SYSCALL_DUP_E, 1 },
	{ SCAP_EVT_SYSCALL_DUP2_X, SCAP_EVT_SYSCALL_DUP_X, 1 },
	{ SCAP_EVT_SYSCALL_DUP3_E, SCAP_EVT_SYSCALL_DUP_E, 1 },
	{ SCAP_EVT_SYSCALL_DUP3_X, SCAP_EVT_SYSCALL_DUP_X, 1 },
	{ SCAP_EVT_SYSCALL_PIPE2_E, SCAP_EVT_SYSCALL_PIPE_E, 0 },
	{ SCAP_EVT_SYSCALL_PIPE2_X, SCAP_EVT_SYSCALL_PIPE_X, 4 },
	{ SCAP_EVT_SYSCALL_EVENTFD2_E, SCAP_EVT_SYSCALL_EVENTFD_E, 2 },
	{ SCAP_EVT_SYSCALL_EVENTFD2_X, SCAP_EVT_SYSCALL_EVENTFD_X, 1 },
	{ SCAP_EVT_SYSCALL_SIGNALFD4_E, SCAP_EVT_SYSCALL_SIGNALFD_E, 3 },
	{ SCAP_EVT_SYSCALL_SIGNALFD4_X, SCAP_EVT_SYSCALL_SIGNALFD_X, 1 },
	{ SCAP_EVT_SYSCALL_INOTIFY_INIT1_E, SCAP_EVT_SYSCALL_INOTIFY_INIT_E, 1 },
	{ SCAP_EVT_SYSCALL_INOTIFY_INIT1_X, SCAP_EVT_SYSCALL_INOTIFY_INIT_X, 1 },
	{ SCAP_EVT_SYSCALL_UMOUNT2_E, SCAP_EVT_SYSCALL_UMOUNT_E, 1 },
	{ SCAP_EVT_SYSCALL_UMOUNT2_X, SCAP_EVT_SYSCALL_UMOUNT_X, 2 },
	{ SCAP_EVT_SOCKET_ACCEPT4_6_E, SCAP_EVT_SOCKET_ACCEPT4_5_E, 1 },
	{ SCAP_EVT_SOCKET_ACCEPT4_6_X, SCAP_EVT_SOCKET_ACCEPT4_5_X, 5 },
	{ SCAP_EVT_SYSCALL_BPF_2_E, SCAP_EVT_SYSCALL_BPF_E, 1 },
	{ SCAP_EVT_SYSCALL_BPF_2_X, SCAP_EVT_SYSCALL_BPF_X, 1 },
	{ SCAP_EVT_SYSCALL_CHOWN_E, SCAP_EVT_GENERIC_E, 2 },
	{ SCAP_EVT_SYSCALL_CHOWN_X, SCAP_EVT_GENERIC_X, 1 },
	{ SCAP_EVT_SYSCALL_FCHOWNAT_X, SCAP_EVT_GENERIC_X, 1 },
	{ SCAP_EVT_SYSCALL_PRCTL_E, SCAP_EVT_GENERIC_E, 2 },
	{ SCAP_EVT_SYSCALL_CAPSET_X, SCAP_EVT_GENERIC_X, 1 },
	{ SCAP_EVT_SYSCALL_MEMFD_CREATE_E, SCAP_EVT_GENERIC_E, 2 },
	{ SCAP_EVT_SYSCALL_INIT_MODULE_X, SCAP_EVT_GENERIC_X, 1 },
	{ SCAP_EVT_SYSCALL_FINIT_MODULE_E, SCAP_EVT_GENERIC_E, 2 },
	{ SCAP_EVT_SYSCALL_IO_URING_SETUP_E, SCAP_EVT_GENERIC_E, 2 },
};

START_TEST(test_expected_forms)
{
	struct scap_evt_ref got;
	struct synth s;
	scap_t *h;
	char *path;

	round_trip(expected[_i].from, &s, &got, &h, &path);
	ck_assert_uint_eq(got.type, expected[_i].to);
	ck_assert_uint_eq(got.nparams, expected[_i].nparams);
	done(h, path);
}
END_TEST

/* Exact bytes: pipe2's exit as pipe (flags dropped), eventfd2's enter with flags 0,
 * the generic chown and memfd_create (x86_64 numbers), and the whole records' lengths. */
START_TEST(test_exact_values)
{
	struct scap_param p[4];
	struct scap_evt_ref got;
	struct synth s;
	uint16_t u16;
	uint32_t u32;
	scap_t *h;
	char *path;

	round_trip(SCAP_EVT_SYSCALL_PIPE2_X, &s, &got, &h, &path);
	/* header, 4 lengths, res fd1 fd2 ino (8 bytes each) */
	ck_assert_uint_eq(got.len, 26 + 4 * 2 + 4 * 8);
	ck_assert_int_eq(scap_evt_params(&got, p, 4), 4);
	ck_assert_mem_eq(p[3].val, s.val[3], 8);
	done(h, path);

	round_trip(SCAP_EVT_SYSCALL_EVENTFD2_E, &s, &got, &h, &path);
	ck_assert_uint_eq(got.len, 26 + 2 * 2 + 8 + 4);
	ck_assert_int_eq(scap_evt_params(&got, p, 2), 2);
	ck_assert_mem_eq(p[0].val, s.val[0], 8);
	memcpy(&u32, p[1].val, 4);
	ck_assert_uint_eq(u32, 0);
	done(h, path);

	round_trip(SCAP_EVT_SYSCALL_CHOWN_E, &s, &got, &h, &path);
	ck_assert_uint_eq(got.len, 26 + 2 * 2 + 2 * 2);
	ck_assert_int_eq(scap_evt_params(&got, p, 2), 2);
	memcpy(&u16, p[0].val, 2);
	ck_assert_uint_eq(u16, 132);  /* SCAP_SC_CHOWN, as 0.29.3 numbers it */
	memcpy(&u16, p[1].val, 2);
#if defined(__x86_64__)
	ck_assert_uint_eq(u16, 92);   /* __NR_chown */
#endif
	done(h, path);

	round_trip(SCAP_EVT_SYSCALL_MEMFD_CREATE_X, &s, &got, &h, &path);
	ck_assert_uint_eq(got.len, 26 + 2 + 2);
	ck_assert_int_eq(scap_evt_params(&got, p, 1), 1);
	memcpy(&u16, p[0].val, 2);
	ck_assert_uint_eq(u16, SCAP_SC_UNKNOWN); /* 0.29.3 has no code for memfd_create */
	done(h, path);
}
END_TEST

/* bpf's exit: res_or_fd tagged fd for a map or program created, res otherwise. */
START_TEST(test_bpf_res_or_fd)
{
	static const struct {
		int64_t fd;
		int32_t cmd;
		uint8_t tag;
	} cases[] = {
		{ 7, 0, SCAP_BPF_IDX_FD },    /* BPF_MAP_CREATE */
		{ 8, 5, SCAP_BPF_IDX_FD },    /* BPF_PROG_LOAD */
		{ 0, 1, SCAP_BPF_IDX_RES },   /* BPF_MAP_LOOKUP_ELEM */
		{ -13, 5, SCAP_BPF_IDX_RES }, /* a failed load: -EACCES */
	};
	uint32_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const void *vals[2] = { &cases[i].fd, &cases[i].cmd };
		uint32_t lens[2] = { 8, 4 };
		struct cb_buf rec = { 0 };
		struct scap_evt_ref e, got = { .sz = sizeof(got) };
		char *path = cb_write_temp(&(struct cb_buf){ 0 }, false), err[SCAP_ERRBUF_SIZE];
		struct scap_dumper *d = dump_open(path, true, 0);
		struct scap_param p[1];
		int64_t v;
		scap_t *h;

		cb_evt_record(&rec, 1, 2, SCAP_EVT_SYSCALL_BPF_2_X, 2, vals, lens, 2);
		e = cb_evt_ref(&rec, 0);
		ck_assert_int_eq(scap_dump_event(d, &e, 0), 0);
		ck_assert_int_eq(scap_dump_close(d, err), 0);
		h = cb_open_path(path);
		ck_assert_int_eq(scap_next(h, &got), 0);
		ck_assert_uint_eq(got.type, SCAP_EVT_SYSCALL_BPF_X);
		ck_assert_int_eq(scap_evt_params(&got, p, 1), 1);
		ck_assert_uint_eq(p[0].len, 9);
		ck_assert_uint_eq(p[0].val[0], cases[i].tag);
		memcpy(&v, p[0].val + 1, 8);
		ck_assert_int_eq(v, cases[i].fd);
		done(h, path);
		cb_free(&rec);
	}
}
END_TEST

/* Off by default (a re-write keeps every event as it is); with the mode on, events
 * 0.29.3 knows and newer types without a 0.29.3 form are byte-identical; stats count
 * the converted ones; snaplen applies after the conversion. */
START_TEST(test_untouched_and_stats)
{
	static const uint16_t types[] = { SCAP_EVT_SYSCALL_DUP2_X, SCAP_EVT_SYSCALL_WRITE_X,
					  SCAP_EVT_USER_ADDED_E, SCAP_EVT_SYSCALL_PIPE2_X };
	struct cb_buf rec[4] = { { 0 } };
	struct scap_dump_stats st = { .sz = sizeof(st) };
	uint32_t mode, i;

	for (mode = 0; mode < 2; mode++) {
		char *path = cb_write_temp(&(struct cb_buf){ 0 }, false), err[SCAP_ERRBUF_SIZE];
		struct scap_dumper *d = dump_open(path, mode, 4);
		struct scap_evt_ref e, got = { .sz = sizeof(got) };
		struct synth s;
		scap_t *h;

		for (i = 0; i < 4; i++) {
			rec[i].len = 0;
			synth_event(&rec[i], &s, types[i], 10 + i, 3);
			e = cb_evt_ref(&rec[i], 0);
			ck_assert_int_eq(scap_dump_event(d, &e, 0), 0);
		}
		ck_assert_int_eq(scap_dump_get_stats(d, &st), 0);
		ck_assert_uint_eq(st.events, 4);
		ck_assert_uint_eq(st.events_compat, mode ? 2 : 0);
		ck_assert_uint_eq(st.events_truncated, 1); /* write's 12-byte data, cut at 4 */
		ck_assert_int_eq(scap_dump_close(d, err), 0);
		h = cb_open_path(path);
		for (i = 0; i < 4; i++) {
			ck_assert_int_eq(scap_next(h, &got), 0);
			if (i == 1) { /* the snapped write: 26 + 2*2 + 8 + 4 */
				ck_assert_uint_eq(got.len, 42);
			} else if (!mode || i == 2) {
				ck_assert_uint_eq(got.len, rec[i].len);
				ck_assert_mem_eq(got.raw, rec[i].data, rec[i].len);
			} else {
				ck_assert_uint_eq(got.type, i == 0 ? SCAP_EVT_SYSCALL_DUP_X
								   : SCAP_EVT_SYSCALL_PIPE_X);
			}
		}
		ck_assert_int_eq(scap_next(h, &got), SCAP_EOF);
		done(h, path);
	}
	for (i = 0; i < 4; i++)
		cb_free(&rec[i]);
}
END_TEST

/* A mapped record whose parameter lengths overrun it is refused (-EINVAL), the dumper
 * stays usable. */
START_TEST(test_malformed)
{
	char *path = cb_write_temp(&(struct cb_buf){ 0 }, false), err[SCAP_ERRBUF_SIZE];
	struct scap_dumper *d = dump_open(path, true, 0);
	struct cb_buf rec = { 0 };
	struct scap_evt_ref e;
	struct synth s;
	uint16_t big = 60000;

	synth_event(&rec, &s, SCAP_EVT_SYSCALL_DUP2_X, 1, 1);
	memcpy(rec.data + 26, &big, 2);
	e = cb_evt_ref(&rec, 0);
	ck_assert_int_eq(scap_dump_event(d, &e, 0), -EINVAL);
	ck_assert_ptr_nonnull(strstr(scap_dump_last_error(d), "overrun"));
	rec.len = 0;
	synth_event(&rec, &s, SCAP_EVT_SYSCALL_DUP2_X, 1, 1);
	e = cb_evt_ref(&rec, 0);
	ck_assert_int_eq(scap_dump_event(d, &e, 0), 0);
	ck_assert_int_eq(scap_dump_close(d, err), 0);
	cb_free(&rec);
	unlink(path);
	free(path);
}
END_TEST

static Suite *compat_suite(void)
{
	Suite *s = suite_create("dump_compat");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_table_consistent);
	tcase_add_test(tc, test_driver_types_mapped);
	tcase_add_loop_test(tc, test_each_driver_type, 0, (int)N_DRIVER_TYPES);
	tcase_add_loop_test(tc, test_expected_forms, 0,
			    (int)(sizeof(expected) / sizeof(expected[0])));
	tcase_add_test(tc, test_exact_values);
	tcase_add_test(tc, test_bpf_res_or_fd);
	tcase_add_test(tc, test_untouched_and_stats);
	tcase_add_test(tc, test_malformed);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(compat_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * test_event_table.c - consistency and known-fact checks of the event schema
 * (driver/abi: scap_evt_table, the value tables, scap_syscall_names, scap_errno_name).
 */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "driver/abi/scap_events.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define MAX_TABLE_ENTRIES 256 /* no value table is longer; guards a missing terminator */

/* Every value table the header declares, to check them even when no param uses them. */
static const struct {
	const char *name;
	const struct scap_name_value *tbl;
} all_tables[] = {
#define T(x) { #x, scap_flags_##x }
	T(none), T(socket_families), T(open), T(flock), T(clone), T(futex_ops), T(poll),
	T(mount), T(umount), T(lseek_whence), T(shutdown_how), T(rlimit_resources),
	T(fcntl_cmds), T(sockopt_levels), T(sockopt_options), T(ptrace_requests), T(mmap_prot),
	T(mmap), T(splice), T(quotactl_cmds), T(quotactl_types), T(quotactl_dqi_flags),
	T(quotactl_fmts), T(semop), T(semget), T(semctl_cmds), T(access), T(page_fault),
	T(unlinkat), T(linkat), T(chmod_mode), T(renameat2), T(openat2_resolve), T(execve),
	T(execveat), T(io_uring_setup), T(io_uring_feats), T(io_uring_enter),
	T(io_uring_register_ops), T(mlockall), T(mlock2), T(fsconfig_cmds), T(epoll_create1),
	T(fchownat), T(prctl_options), T(memfd_create), T(pidfd_open), T(mknod_mode),
	T(newfstatat), T(finit_module), T(delete_module), T(bpf_cmds),
#undef T
};

static int is_flags_type(__u8 t)
{
	switch (t) {
	case SCAP_PT_FLAGS8: case SCAP_PT_FLAGS16: case SCAP_PT_FLAGS32:
	case SCAP_PT_ENUMFLAGS8: case SCAP_PT_ENUMFLAGS16: case SCAP_PT_ENUMFLAGS32:
	case SCAP_PT_MODE:
		return 1;
	default:
		return 0;
	}
}

static int is_known_table(const void *p)
{
	size_t i;

	for (i = 0; i < ARRAY_LEN(all_tables); i++)
		if (all_tables[i].tbl == p)
			return 1;
	return 0;
}

static __u32 table_value(const struct scap_name_value *t, const char *name)
{
	for (; t->name; t++)
		if (strcmp(t->name, name) == 0)
			return t->value;
	ck_abort_msg("value %s not in table", name);
	return 0;
}

/*
 * Exit events whose name differs from their enter event: numbers the format reserved
 * for an exit that is never emitted, named "NA1".."NA5" by the format itself.
 */
static const unsigned int unused_exit_placeholders[] = {
	SCAP_EVT_PROCEXIT_X, SCAP_EVT_SCHEDSWITCH_1_X, SCAP_EVT_SCHEDSWITCH_6_X,
	SCAP_EVT_PROCEXIT_1_X, SCAP_EVT_PROCINFO_X, SCAP_EVT_CPU_HOTPLUG_X, SCAP_EVT_K8S_X,
	SCAP_EVT_MESOS_X, SCAP_EVT_NOTIFICATION_X, SCAP_EVT_INFRASTRUCTURE_EVENT_X,
	SCAP_EVT_PAGE_FAULT_X,
};

static int is_placeholder_exit(unsigned int type)
{
	size_t i;

	for (i = 0; i < ARRAY_LEN(unused_exit_placeholders); i++)
		if (unused_exit_placeholders[i] == type)
			return 1;
	return 0;
}

/* ---- events: every entry well formed ------------------------------------------------ */

START_TEST(test_every_event_named_and_bounded)
{
	unsigned int i, j;

	ck_assert_uint_eq(SCAP_EVT_MAX % 2, 0);
	for (i = 0; i < SCAP_EVT_MAX; i++) {
		const struct scap_evt_info *e = &scap_evt_table[i];

		ck_assert_msg(e->name != NULL, "event %u has no name", i);
		ck_assert_msg(e->name[0] != '\0', "event %u has an empty name", i);
		ck_assert_msg(strlen(e->name) < SCAP_MAX_NAME_LEN, "event %u name too long", i);
		ck_assert_msg(e->nparams <= SCAP_MAX_EVENT_PARAMS, "event %u: %u params", i,
			      e->nparams);
		for (j = 0; j < e->nparams; j++) {
			const struct scap_param_info *p = &e->params[j];

			ck_assert_msg(p->name && p->name[0], "event %u param %u unnamed", i, j);
			ck_assert_msg(strlen(p->name) < SCAP_MAX_NAME_LEN, "event %u param %u", i, j);
			ck_assert_msg(p->type != SCAP_PT_NONE && p->type < SCAP_PT_MAX,
				      "event %u (%s) param %s: type %u", i, e->name, p->name, p->type);
			ck_assert_msg(p->fmt < SCAP_PF_MAX, "event %u param %u: fmt %u", i, j, p->fmt);
		}
		/* slots past nparams stay empty: a wrong count would show here */
		for (; j < SCAP_MAX_EVENT_PARAMS; j++)
			ck_assert_msg(e->params[j].name == NULL && e->params[j].type == SCAP_PT_NONE,
				      "event %u (%s): param %u set beyond nparams %u", i, e->name, j,
				      e->nparams);
	}
}
END_TEST

START_TEST(test_param_names_unique_per_event)
{
	unsigned int i, j, k;

	for (i = 0; i < SCAP_EVT_MAX; i++) {
		const struct scap_evt_info *e = &scap_evt_table[i];

		for (j = 0; j < e->nparams; j++)
			for (k = j + 1; k < e->nparams; k++)
				ck_assert_msg(strcmp(e->params[j].name, e->params[k].name) != 0,
					      "event %u (%s): param %s twice", i, e->name,
					      e->params[j].name);
	}
}
END_TEST

START_TEST(test_categories_valid)
{
	unsigned int i;

	for (i = 0; i < SCAP_EVT_MAX; i++) {
		__u32 c = scap_evt_table[i].category;

		ck_assert_msg(c <= SCAP_EC_PROCESSING || c == SCAP_EC_IO_READ ||
			      c == SCAP_EC_IO_WRITE || c == SCAP_EC_IO_OTHER || c == SCAP_EC_WAIT ||
			      c == SCAP_EC_SCHEDULER || c == SCAP_EC_INTERNAL,
			      "event %u: category %u", i, c);
		ck_assert_msg((scap_evt_table[i].flags & ~((__u32)SCAP_EF_LARGE_PAYLOAD * 2 - 1)) == 0,
			      "event %u: unknown flag bits %#x", i, scap_evt_table[i].flags);
	}
}
END_TEST

/* ---- enter/exit pairs ---------------------------------------------------------------- */

START_TEST(test_enter_exit_pairs_share_name)
{
	unsigned int i;

	for (i = 0; i < SCAP_EVT_MAX; i += 2) {
		const struct scap_evt_info *en = &scap_evt_table[i], *ex = &scap_evt_table[i + 1];

		ck_assert(scap_evt_is_enter(i));
		ck_assert(!scap_evt_is_enter(i + 1));
		if (is_placeholder_exit(i + 1)) {
			ck_assert_msg(ex->flags & SCAP_EF_UNUSED, "%u: placeholder not unused", i + 1);
			ck_assert_msg(strncmp(ex->name, "NA", 2) == 0, "%u: %s", i + 1, ex->name);
			ck_assert_uint_eq(ex->nparams, 0);
			continue;
		}
		ck_assert_msg(strcmp(en->name, ex->name) == 0, "pair %u/%u: %s vs %s", i, i + 1,
			      en->name, ex->name);
	}
}
END_TEST

START_TEST(test_old_versions_have_current_version)
{
	unsigned int i, j;

	for (i = 0; i < SCAP_EVT_MAX; i++) {
		int found = 0;

		if (!(scap_evt_table[i].flags & SCAP_EF_OLD_VERSION))
			continue;
		for (j = i % 2; j < SCAP_EVT_MAX && !found; j += 2)
			found = !(scap_evt_table[j].flags & SCAP_EF_OLD_VERSION) &&
				strcmp(scap_evt_table[j].name, scap_evt_table[i].name) == 0;
		ck_assert_msg(found, "old event %u (%s) has no current version", i,
			      scap_evt_table[i].name);
	}
}
END_TEST

START_TEST(test_uses_fd_enter_events_start_with_fd)
{
	unsigned int i;

	for (i = 0; i < SCAP_EVT_MAX; i += 2) {
		const struct scap_evt_info *e = &scap_evt_table[i];

		if ((e->flags & SCAP_EF_USES_FD) && e->nparams > 0)
			ck_assert_msg(e->params[0].type == SCAP_PT_FD, "enter %u (%s)", i, e->name);
	}
}
END_TEST

/* ---- parameter info ------------------------------------------------------------------ */

START_TEST(test_param_info_matches_type)
{
	unsigned int i, j, k;

	for (i = 0; i < SCAP_EVT_MAX; i++) {
		const struct scap_evt_info *e = &scap_evt_table[i];

		for (j = 0; j < e->nparams; j++) {
			const struct scap_param_info *p = &e->params[j];

			if (is_flags_type(p->type)) {
				ck_assert_msg(p->info != NULL, "%s.%s: flags without table", e->name,
					      p->name);
				ck_assert_msg(is_known_table(p->info), "%s.%s: table not declared",
					      e->name, p->name);
				ck_assert_uint_eq(p->ninfo, 0);
			} else if (p->type == SCAP_PT_FSRELPATH) {
				unsigned int d = scap_param_dirfd_idx(p);

				ck_assert_msg(d < e->nparams && d != j, "%s.%s: dirfd %u", e->name,
					      p->name, d);
				ck_assert_msg(e->params[d].type == SCAP_PT_FD, "%s.%s: dirfd param %s "
					      "is not an fd", e->name, p->name, e->params[d].name);
			} else if (p->type == SCAP_PT_DYN) {
				const struct scap_param_info *dyn = p->info;

				ck_assert_msg(dyn != NULL && p->ninfo > 0, "%s.%s", e->name, p->name);
				for (k = 0; k < p->ninfo; k++)
					ck_assert(dyn[k].type != SCAP_PT_NONE &&
						  dyn[k].type < SCAP_PT_MAX && dyn[k].type != SCAP_PT_DYN);
			} else {
				ck_assert_msg(p->info == NULL && p->ninfo == 0, "%s.%s: stray info",
					      e->name, p->name);
			}
		}
	}
}
END_TEST

START_TEST(test_dyn_tables)
{
	ck_assert_uint_eq(scap_dyn_sockopt[SCAP_SOCKOPT_IDX_ERRNO].type, SCAP_PT_ERRNO);
	ck_assert_uint_eq(scap_dyn_sockopt[SCAP_SOCKOPT_IDX_TIMEVAL].type, SCAP_PT_RELTIME);
	ck_assert_uint_eq(scap_dyn_ptrace[SCAP_PTRACE_IDX_SIGTYPE].type, SCAP_PT_SIGTYPE);
	ck_assert_uint_eq(scap_dyn_bpf[SCAP_BPF_IDX_FD].type, SCAP_PT_FD);
	ck_assert_ptr_eq(scap_evt_table[SCAP_EVT_SOCKET_SETSOCKOPT_X].params[4].info,
			 scap_dyn_sockopt);
	ck_assert_uint_eq(scap_evt_table[SCAP_EVT_SOCKET_SETSOCKOPT_X].params[4].ninfo,
			  SCAP_SOCKOPT_IDX_MAX);
}
END_TEST

/* ---- value tables -------------------------------------------------------------------- */

START_TEST(test_tables_terminated_unique)
{
	size_t t;
	unsigned int i, j;

	for (t = 0; t < ARRAY_LEN(all_tables); t++) {
		const struct scap_name_value *tbl = all_tables[t].tbl;

		for (i = 0; i < MAX_TABLE_ENTRIES && tbl[i].name; i++)
			for (j = 0; j < i; j++)
				ck_assert_msg(strcmp(tbl[i].name, tbl[j].name) != 0, "%s: %s twice",
					      all_tables[t].name, tbl[i].name);
		ck_assert_msg(i < MAX_TABLE_ENTRIES, "%s: no terminator", all_tables[t].name);
		ck_assert_uint_eq(tbl[i].value, 0);
		if (tbl != scap_flags_none)
			ck_assert_msg(i > 0, "%s is empty", all_tables[t].name);
	}
	ck_assert_ptr_null(scap_flags_none[0].name);
}
END_TEST

START_TEST(test_table_values_known)
{
	/* scap bit values, not the kernel's (O_CLOEXEC is 02000000 in the kernel) */
	ck_assert_uint_eq(table_value(scap_flags_open, "O_RDONLY"), 1);
	ck_assert_uint_eq(table_value(scap_flags_open, "O_CLOEXEC"), 1 << 12);
	ck_assert_uint_eq(table_value(scap_flags_open, "O_CREAT"), 1 << 2);
	ck_assert_uint_eq(table_value(scap_flags_socket_families, "AF_INET6"), SCAP_AF_INET6);
	ck_assert_uint_eq(table_value(scap_flags_socket_families, "AF_UNIX"), SCAP_AF_UNIX);
	ck_assert_uint_eq(table_value(scap_flags_clone, "CLONE_THREAD"), 1 << 13);
	ck_assert_uint_eq(table_value(scap_flags_fcntl_cmds, "F_DUPFD_CLOEXEC"), 26);
	ck_assert_uint_eq(table_value(scap_flags_mknod_mode, "S_IFIFO"), 010000);
	/* rendering order: a value with both bits prints O_RDONLY before O_CLOEXEC */
	{
		const struct scap_name_value *t;
		int rdonly = -1, cloexec = -1, n = 0;

		for (t = scap_flags_open; t->name; t++, n++) {
			if (!strcmp(t->name, "O_RDONLY"))
				rdonly = n;
			if (!strcmp(t->name, "O_CLOEXEC"))
				cloexec = n;
		}
		ck_assert_int_lt(rdonly, cloexec);
	}
}
END_TEST

/* ---- known facts of the format ------------------------------------------------------- */

static void assert_params(unsigned int type, unsigned int n, const char *const *names,
			  const __u8 *types)
{
	const struct scap_evt_info *e = &scap_evt_table[type];
	unsigned int i;

	ck_assert_uint_eq(e->nparams, n);
	for (i = 0; i < n; i++) {
		ck_assert_str_eq(e->params[i].name, names[i]);
		ck_assert_msg(e->params[i].type == types[i], "%s.%s: type %u, want %u", e->name,
			      names[i], e->params[i].type, types[i]);
	}
}

START_TEST(test_known_event_numbers)
{
	ck_assert_int_eq(SCAP_EVT_GENERIC_E, 0);
	ck_assert_int_eq(SCAP_EVT_SYSCALL_OPEN_X, 3);
	ck_assert_int_eq(SCAP_EVT_SOCKET_CONNECT_X, 23);
	ck_assert_int_eq(SCAP_EVT_SYSCALL_EXECVE_19_X, 293);
	ck_assert_int_eq(SCAP_EVT_SYSCALL_OPENAT_2_X, 307);
	ck_assert_int_eq(SCAP_EVT_SYSCALL_CLONE3_X, 335);
	ck_assert_int_eq(SCAP_EVT_SYSCALL_DELETE_MODULE_X, 425);
	ck_assert_int_eq(SCAP_EVT_MAX, 426);
	ck_assert_int_eq(SCAP_PT_FSRELPATH, 43);
	ck_assert_int_eq(SCAP_PT_ENUMFLAGS32, 46);
	ck_assert_int_eq(SCAP_EF_LARGE_PAYLOAD, 1 << 11);
	ck_assert_int_eq(SCAP_EC_IO_WRITE, 33);
	ck_assert_str_eq(scap_evt_table[SCAP_EVT_GENERIC_X].name, "syscall");
	ck_assert_uint_eq(scap_evt_table[SCAP_EVT_GENERIC_X].params[0].type, SCAP_PT_SYSCALLID);
}
END_TEST

START_TEST(test_open_exit_params)
{
	static const char *const n[] = { "fd", "name", "flags", "mode", "dev" };
	static const __u8 t[] = { SCAP_PT_FD, SCAP_PT_FSPATH, SCAP_PT_FLAGS32, SCAP_PT_UINT32,
				  SCAP_PT_UINT32 };
	const struct scap_evt_info *e = &scap_evt_table[SCAP_EVT_SYSCALL_OPEN_X];

	ck_assert_str_eq(e->name, "open");
	ck_assert_uint_eq(e->category, SCAP_EC_FILE);
	ck_assert(e->flags & SCAP_EF_CREATES_FD);
	assert_params(SCAP_EVT_SYSCALL_OPEN_X, 5, n, t);
	ck_assert_ptr_eq(e->params[2].info, scap_flags_open);
	ck_assert_uint_eq(e->params[2].fmt, SCAP_PF_HEX);
	ck_assert_uint_eq(e->params[3].fmt, SCAP_PF_OCT);
}
END_TEST

START_TEST(test_execve_latest_params)
{
	/* as `sysdig -L` (0.29.3) lists "< execve(...)", then schema 1.2's six, as the
	 * peer's (falcosecurity/libs) parameters 21-26 */
	static const char *const n[] = { "res", "exe", "args", "tid", "pid", "ptid", "cwd",
		"fdlimit", "pgft_maj", "pgft_min", "vm_size", "vm_rss", "vm_swap", "comm",
		"cgroups", "env", "tty", "pgid", "loginuid", "flags", "cap_inheritable",
		"cap_permitted", "cap_effective", "exe_ino", "exe_ino_ctime", "exe_ino_mtime" };
	static const __u8 t[] = { SCAP_PT_ERRNO, SCAP_PT_CHARBUF, SCAP_PT_BYTEBUF, SCAP_PT_PID,
		SCAP_PT_PID, SCAP_PT_PID, SCAP_PT_CHARBUF, SCAP_PT_UINT64, SCAP_PT_UINT64,
		SCAP_PT_UINT64, SCAP_PT_UINT32, SCAP_PT_UINT32, SCAP_PT_UINT32, SCAP_PT_CHARBUF,
		SCAP_PT_BYTEBUF, SCAP_PT_BYTEBUF, SCAP_PT_INT32, SCAP_PT_PID, SCAP_PT_INT32,
		SCAP_PT_FLAGS32, SCAP_PT_UINT64, SCAP_PT_UINT64, SCAP_PT_UINT64, SCAP_PT_UINT64,
		SCAP_PT_ABSTIME, SCAP_PT_ABSTIME };
	static const char *const en[] = { "filename" };
	static const __u8 et[] = { SCAP_PT_FSPATH };

	assert_params(SCAP_EVT_SYSCALL_EXECVE_19_X, ARRAY_LEN(n), n, t);
	/* execveat's exit has execve's parameters */
	assert_params(SCAP_EVT_SYSCALL_EXECVEAT_X, ARRAY_LEN(n), n, t);
	assert_params(SCAP_EVT_SYSCALL_EXECVE_19_E, 1, en, et);
	ck_assert(!(scap_evt_table[SCAP_EVT_SYSCALL_EXECVE_19_X].flags & SCAP_EF_OLD_VERSION));
	ck_assert(scap_evt_table[SCAP_EVT_SYSCALL_EXECVE_18_X].flags & SCAP_EF_OLD_VERSION);
	ck_assert(scap_evt_table[SCAP_EVT_SYSCALL_EXECVE_8_X].flags & SCAP_EF_OLD_VERSION);
}
END_TEST

START_TEST(test_openat2_relpath)
{
	const struct scap_evt_info *e = &scap_evt_table[SCAP_EVT_SYSCALL_OPENAT_2_X];

	ck_assert_str_eq(e->name, "openat");
	ck_assert_str_eq(e->params[2].name, "name");
	ck_assert_uint_eq(e->params[2].type, SCAP_PT_FSRELPATH);
	ck_assert_uint_eq(scap_param_dirfd_idx(&e->params[2]), 1);
	ck_assert_str_eq(e->params[1].name, "dirfd");
}
END_TEST

/* ---- syscall names ------------------------------------------------------------------- */

START_TEST(test_syscall_names)
{
	unsigned int i;

	ck_assert_int_eq(SCAP_SC_OPEN, 5);
	ck_assert_int_eq(SCAP_SC_MADVISE, 139);
	ck_assert_str_eq(scap_syscall_names[SCAP_SC_UNKNOWN], "<unknown>");
	ck_assert_str_eq(scap_syscall_names[SCAP_SC_MADVISE], "madvise");
	ck_assert_str_eq(scap_syscall_names[SCAP_SC_OPEN], "open");
	ck_assert_str_eq(scap_syscall_names[SCAP_SC_CLONE3], "clone3");
	/* printed as sysdig 0.29.3 prints them, not as the identifiers read */
	ck_assert_str_eq(scap_syscall_names[SCAP_SC_RT_SIGRETURN], "sigreturn");
	ck_assert_str_eq(scap_syscall_names[SCAP_SC__LLSEEK], "llseek");
	ck_assert_str_eq(scap_syscall_names[SCAP_SC_SETUID32], "setuid");
	ck_assert_str_eq(scap_syscall_names[SCAP_SC_NEWFSTATAT], "newfstatat");
	for (i = 0; i < SCAP_SC_MAX; i++)
		ck_assert_msg((scap_syscall_names[i] == NULL) == (i == 382),
			      "syscall code %u", i);
}
END_TEST

/* ---- errno names --------------------------------------------------------------------- */

START_TEST(test_errno_names)
{
	ck_assert_str_eq(scap_errno_name(-2), "ENOENT");
	ck_assert_str_eq(scap_errno_name(2), "ENOENT");
	ck_assert_str_eq(scap_errno_name(-1), "EPERM");
	ck_assert_str_eq(scap_errno_name(-11), "EAGAIN");
	ck_assert_str_eq(scap_errno_name(-95), "EOPNOTSUPP");
	ck_assert_str_eq(scap_errno_name(-110), "ETIMEDOUT");
	ck_assert_str_eq(scap_errno_name(-115), "EINPROGRESS");
	ck_assert_str_eq(scap_errno_name(-512), "ERESTARTSYS");
	ck_assert_ptr_null(scap_errno_name(0));
	ck_assert_ptr_null(scap_errno_name(-41)); /* unassigned on Linux */
	ck_assert_ptr_null(scap_errno_name(-4096));
	ck_assert_ptr_null(scap_errno_name(INT64_MIN));
	ck_assert_ptr_null(scap_errno_name(INT64_MAX));
}
END_TEST

static Suite *event_table_suite(void)
{
	Suite *s = suite_create("event_table");
	TCase *tc;

	tc = tcase_create("events");
	tcase_add_test(tc, test_every_event_named_and_bounded);
	tcase_add_test(tc, test_param_names_unique_per_event);
	tcase_add_test(tc, test_categories_valid);
	suite_add_tcase(s, tc);

	tc = tcase_create("pairs");
	tcase_add_test(tc, test_enter_exit_pairs_share_name);
	tcase_add_test(tc, test_old_versions_have_current_version);
	tcase_add_test(tc, test_uses_fd_enter_events_start_with_fd);
	suite_add_tcase(s, tc);

	tc = tcase_create("param_info");
	tcase_add_test(tc, test_param_info_matches_type);
	tcase_add_test(tc, test_dyn_tables);
	suite_add_tcase(s, tc);

	tc = tcase_create("value_tables");
	tcase_add_test(tc, test_tables_terminated_unique);
	tcase_add_test(tc, test_table_values_known);
	suite_add_tcase(s, tc);

	tc = tcase_create("known_facts");
	tcase_add_test(tc, test_known_event_numbers);
	tcase_add_test(tc, test_open_exit_params);
	tcase_add_test(tc, test_execve_latest_params);
	tcase_add_test(tc, test_openat2_relpath);
	suite_add_tcase(s, tc);

	tc = tcase_create("syscall_names");
	tcase_add_test(tc, test_syscall_names);
	suite_add_tcase(s, tc);

	tc = tcase_create("errno_names");
	tcase_add_test(tc, test_errno_names);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(event_table_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

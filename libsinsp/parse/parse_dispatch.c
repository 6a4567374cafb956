/* SPDX-License-Identifier: Apache-2.0 */
/*
 * parse_dispatch.c - the table of state parsers, indexed by event type.
 *
 * The table is built once from the schema by event name and direction, so every
 * version of an event (clone, clone_16, clone_20, ...) reaches the same parser; the
 * parsers find their parameters by name, which the scap format keeps stable across
 * versions.
 */
#include <errno.h>
#include <pthread.h>
#include <string.h>

#include <scry/scap_syscalls.h>
#include <scry/sinsp_state.h>

#include "parse/parse.h"

typedef void (*parser_fn)(struct sinsp *s, struct sinsp_evt *evt);

struct parser_entry {
	const char *name;
	bool exit;
	parser_fn fn;
};

static void parse_eventfd(struct sinsp *s, struct sinsp_evt *evt) { sinsp_parse_simple_fd_exit(s, evt, SCAP_FD_EVENT, ""); }
static void parse_signalfd(struct sinsp *s, struct sinsp_evt *evt) { sinsp_parse_simple_fd_exit(s, evt, SCAP_FD_SIGNALFD, ""); }
static void parse_timerfd(struct sinsp *s, struct sinsp_evt *evt) { sinsp_parse_simple_fd_exit(s, evt, SCAP_FD_TIMERFD, ""); }
static void parse_inotify(struct sinsp *s, struct sinsp_evt *evt) { sinsp_parse_simple_fd_exit(s, evt, SCAP_FD_INOTIFY, ""); }
static void parse_epoll(struct sinsp *s, struct sinsp_evt *evt) { sinsp_parse_simple_fd_exit(s, evt, SCAP_FD_EVENTPOLL, ""); }
static void parse_io_uring(struct sinsp *s, struct sinsp_evt *evt) { sinsp_parse_simple_fd_exit(s, evt, SCAP_FD_IOURING, ""); }
static void parse_bpf(struct sinsp *s, struct sinsp_evt *evt) { sinsp_parse_simple_fd_exit(s, evt, SCAP_FD_BPF, ""); }

static const struct parser_entry parsers[] = {
	{ "open", true, sinsp_parse_open_exit },
	{ "openat", true, sinsp_parse_open_exit },
	{ "openat2", true, sinsp_parse_open_exit },
	{ "creat", true, sinsp_parse_open_exit },
	{ "open_by_handle_at", true, sinsp_parse_open_exit },
	{ "memfd_create", true, sinsp_parse_open_exit },
	{ "close", true, sinsp_parse_close_exit },
	{ "dup", true, sinsp_parse_dup_exit },
	{ "dup2", true, sinsp_parse_dup_exit },
	{ "dup3", true, sinsp_parse_dup_exit },
	{ "fcntl", true, sinsp_parse_dup_exit },
	{ "pipe", true, sinsp_parse_pipe_exit },
	{ "pipe2", true, sinsp_parse_pipe_exit },
	{ "eventfd", true, parse_eventfd },
	{ "eventfd2", true, parse_eventfd },
	{ "signalfd", true, parse_signalfd },
	{ "signalfd4", true, parse_signalfd },
	{ "timerfd_create", true, parse_timerfd },
	{ "inotify_init", true, parse_inotify },
	{ "inotify_init1", true, parse_inotify },
	{ "epoll_create", true, parse_epoll },
	{ "epoll_create1", true, parse_epoll },
	/* userfaultfd: sysdig 0.29.3 keeps no fd for it (its exit has no parser there) */
	{ "io_uring_setup", true, parse_io_uring },
	{ "bpf", true, parse_bpf },
	{ "socket", true, sinsp_parse_socket_exit },
	{ "connect", true, sinsp_parse_connect_exit },
	{ "accept", true, sinsp_parse_accept_exit },
	{ "accept4", true, sinsp_parse_accept_exit },
	{ "bind", true, sinsp_parse_bind_exit },
	{ "sendto", false, sinsp_parse_sendto_enter },
	{ "sendmsg", false, sinsp_parse_sendto_enter },
	{ "sendto", true, sinsp_parse_sendto_exit },
	{ "sendmsg", true, sinsp_parse_sendto_exit },
	{ "recvfrom", true, sinsp_parse_recvfrom_exit },
	{ "recvmsg", true, sinsp_parse_recvfrom_exit },
	{ "connect", false, sinsp_parse_connect_enter },
	{ "socketpair", true, sinsp_parse_socketpair_exit },
	{ "getsockopt", true, sinsp_parse_fd_param1_exit },
	{ "copy_file_range", true, sinsp_parse_fd_param1_exit },
	{ "clone", true, sinsp_parse_clone_exit },
	{ "clone3", true, sinsp_parse_clone_exit },
	{ "fork", true, sinsp_parse_clone_exit },
	{ "vfork", true, sinsp_parse_clone_exit },
	{ "execve", true, sinsp_parse_execve_exit },
	{ "execveat", true, sinsp_parse_execve_exit },
	{ "procexit", false, sinsp_parse_procexit },
	{ "switch", false, sinsp_parse_switch },
	{ "brk", true, sinsp_parse_vm_exit },
	{ "mmap", true, sinsp_parse_vm_exit },
	{ "mmap2", true, sinsp_parse_vm_exit },
	{ "munmap", true, sinsp_parse_vm_exit },
	{ "chdir", true, sinsp_parse_chdir_exit },
	{ "fchdir", true, sinsp_parse_chdir_exit },
	{ "setuid", true, sinsp_parse_setuid_exit },
	{ "setreuid", true, sinsp_parse_setuid_exit },
	{ "setresuid", true, sinsp_parse_setuid_exit },
	{ "setgid", true, sinsp_parse_setgid_exit },
	{ "setregid", true, sinsp_parse_setgid_exit },
	{ "setresgid", true, sinsp_parse_setgid_exit },
	{ "capset", true, sinsp_parse_capset_exit },
	{ "setsid", true, sinsp_parse_setsid_exit },
	{ "setpgid", true, sinsp_parse_setpgid_exit },
	{ "prctl", true, sinsp_parse_prctl_exit },
	{ "unshare", true, sinsp_parse_unshare_setns_exit },
	{ "setns", true, sinsp_parse_unshare_setns_exit },
	{ "useradded", false, sinsp_parse_user_event },
	{ "userdeleted", false, sinsp_parse_user_event },
	{ "groupadded", false, sinsp_parse_group_event },
	{ "groupdeleted", false, sinsp_parse_group_event },
	{ "container", false, sinsp_parse_container_evt },
};

static parser_fn table[SCAP_EVT_MAX];
uint8_t sinsp_type_props_table[SCAP_EVT_MAX];
int8_t sinsp_pkey_index[SCAP_EVT_MAX][SINSP_P_COUNT];

static const char *const pkey_names[SINSP_P_COUNT] = {
#define PKEY_NAME(key, name) [SINSP_P_##key] = name,
	SINSP_PARAM_KEYS(PKEY_NAME)
#undef PKEY_NAME
};
static pthread_once_t table_once = PTHREAD_ONCE_INIT;

/*
 * Scheduler switches (kernel threads would fill the table) and clone-family exits
 * (their parser creates the child itself) create no placeholder thread; sysdig 0.29.3
 * behaves the same.
 */
static uint8_t type_props(const struct scap_evt_info *info, bool exit)
{
	uint8_t p = 0;

	if (strcmp(info->name, "switch") == 0)
		p |= SINSP_TYPE_SCHED_SWITCH | SINSP_TYPE_NO_THREAD_CREATE | SINSP_TYPE_NO_PAIRING;
	if (info->flags & SCAP_EF_SKIPPARSERESET)
		p |= SINSP_TYPE_NO_THREAD_CREATE | SINSP_TYPE_NO_PAIRING;
	if (info->flags & SCAP_EF_MODIFIES_STATE)
		p |= SINSP_TYPE_MODIFIES_STATE;
	if (info->flags & SCAP_EF_USES_FD)
		p |= SINSP_TYPE_USES_FD;
	/* meta events about users, groups and containers belong to no thread */
	if (strcmp(info->name, "useradded") == 0 || strcmp(info->name, "userdeleted") == 0 ||
	    strcmp(info->name, "groupadded") == 0 || strcmp(info->name, "groupdeleted") == 0 ||
	    strcmp(info->name, "container") == 0)
		p |= SINSP_TYPE_NO_THREAD_CREATE;
	if (exit && (strcmp(info->name, "clone") == 0 || strcmp(info->name, "fork") == 0 ||
		     strcmp(info->name, "vfork") == 0 || strcmp(info->name, "clone3") == 0))
		p |= SINSP_TYPE_NO_THREAD_CREATE;
	return p;
}

/*
 * Meta events that later capture writers store (users and groups added or removed) and
 * that sysdig 0.29.3 does not know: they update state but are neither shown nor
 * numbered, so evt.num and evt.reltime stay those sysdig prints for the same file.
 */
static bool is_uncounted_meta(uint32_t type)
{
	switch (type) {
	case SCAP_EVT_USER_ADDED_E:
	case SCAP_EVT_USER_ADDED_X:
	case SCAP_EVT_USER_DELETED_E:
	case SCAP_EVT_USER_DELETED_X:
	case SCAP_EVT_GROUP_ADDED_E:
	case SCAP_EVT_GROUP_ADDED_X:
	case SCAP_EVT_GROUP_DELETED_E:
	case SCAP_EVT_GROUP_DELETED_X:
		return true;
	default:
		return false;
	}
}

/*
 * Types never shown: the uncounted meta events and internal ones (the older container
 * event among them). The JSON container events are shown but at the start of a
 * capture (struct sinsp_evt.startup).
 */
static bool is_hidden_type(uint32_t type)
{
	return is_uncounted_meta(type) || (scap_evt_table[type].category & SCAP_EC_INTERNAL);
}

static void build_table(void)
{
	uint32_t type, i;

	for (type = 0; type < SCAP_EVT_MAX; type++) {
		const struct scap_evt_info *info = &scap_evt_table[type];
		bool exit = !scap_evt_is_enter((uint16_t)type);
		uint32_t k;

		for (k = 0; k < SINSP_P_COUNT; k++)
			sinsp_pkey_index[type][k] = (int8_t)(info->name ?
				sinsp_info_param(info, info->nparams, pkey_names[k]) : -1);
		/* these hold for types without a schema entry too */
		sinsp_type_props_table[type] =
			(is_uncounted_meta(type) ? SINSP_TYPE_UNCOUNTED : 0) |
			(is_hidden_type(type) ? SINSP_TYPE_HIDDEN : 0) |
			(type == SCAP_EVT_CONTAINER_JSON_E || type == SCAP_EVT_CONTAINER_JSON_2_E ?
				 SINSP_TYPE_CONTAINER_JSON : 0);
		if (!info->name) {
			sinsp_type_props_table[type] |= SINSP_TYPE_NO_THREAD_CREATE;
			continue;
		}
		sinsp_type_props_table[type] |= type_props(info, exit);
		for (i = 0; i < sizeof(parsers) / sizeof(parsers[0]); i++)
			if (parsers[i].exit == exit && strcmp(parsers[i].name, info->name) == 0)
				table[type] = parsers[i].fn;
	}
}

void sinsp_dispatch_init(void)
{
	pthread_once(&table_once, build_table);
}

void sinsp_dispatch(struct sinsp *s, struct sinsp_evt *evt)
{
	if (evt->ref.type < SCAP_EVT_MAX && table[evt->ref.type])
		table[evt->ref.type](s, evt);
}


/* The parsers of a datagram's address (parse_net.c), which do nothing for a TCP
 * socket whose ends the state has. */
static bool datagram_parser(void (*fn)(struct sinsp *, struct sinsp_evt *))
{
	return fn == sinsp_parse_sendto_enter || fn == sinsp_parse_sendto_exit ||
	       fn == sinsp_parse_recvfrom_exit;
}

static int state_syscalls(uint64_t *set, bool tcp)
{
	uint32_t type;

	if (!set)
		return -EINVAL;
	sinsp_dispatch_init();
	for (type = 0; type < SCAP_EVT_MAX; type++)
		if (table[type] && !(tcp && datagram_parser(table[type])))
			scap_syscall_set_add_event(set, (uint16_t)type);
	return 0;
}

SINSP_API int sinsp_state_syscalls(uint64_t *set)
{
	return state_syscalls(set, false);
}

SINSP_API int sinsp_state_syscalls_tcp(uint64_t *set)
{
	return state_syscalls(set, true);
}

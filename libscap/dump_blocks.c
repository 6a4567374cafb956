/* SPDX-License-Identifier: Apache-2.0 */
/*
 * dump_blocks.c - the header blocks a dumper writes: machine info, interface list V2,
 * user list V2, process list V9, fd list V2. Layouts are facts of the scap capture
 * format (little endian, packed, strings as {u16 len; bytes} without NUL); the reader
 * side is engine/savefile_hdr.c. In the V2 lists and PL_V9 every entry starts with its
 * u32 length, which counts itself except in interface lists.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "dump_int.h"

/* Upper bound of a {u16 len; bytes} string field. */
#define STR_MAX 0xffffu

/*
 * The tail of a V9 process list entry, after root. Writers before libs 0.10 stored
 * loginuid, exe_writable and the three capability sets (29 bytes); later ones put
 * pidns_init_start_ts and tty first and append exe_upper_layer, the executable's
 * inode and times and exe_from_memfd (67 bytes). Readers tell them apart by the
 * entry's length. sysdig 0.29.3 reads loginuid right after root, so the old tail is
 * written whenever the thread has none of the newer fields (its loginuid then reads
 * right everywhere); a thread that has them gets the newer tail, as Falco writes it.
 */
#define PL_TAIL_OLD (4 + 1 + 3 * 8)
#define PL_TAIL_MODERN (8 + 4 + PL_TAIL_OLD + 1 + 3 * 8 + 1)

static inline void put_u8(struct scap_dumper *d, uint8_t v) { dump_put(d, &v, 1); }
static inline void put_u16(struct scap_dumper *d, uint16_t v) { dump_put(d, &v, 2); }
static inline void put_u32(struct scap_dumper *d, uint32_t v) { dump_put(d, &v, 4); }
static inline void put_u64(struct scap_dumper *d, uint64_t v) { dump_put(d, &v, 8); }

/* Bytes of a C string in a field of @cap bytes (it may lack its NUL). */
static size_t slen(const char *s, size_t cap)
{
	size_t n = strnlen(s, cap);

	return n > STR_MAX ? STR_MAX : n;
}

static void put_blob(struct scap_dumper *d, const void *p, size_t n)
{
	put_u16(d, (uint16_t)n);
	dump_put(d, p, n);
}

/* ---- machine info ----------------------------------------------------------------- */

int scap_dump_machine(struct scap_dumper *d, const struct scap_machine_info *mi)
{
	char host[128] = { 0 };
	int rc = scap_dump_check(d, false);

	if (rc)
		return rc;
	if (!mi)
		return scap_dump_err(d, -EINVAL, "dump: machine info is NULL");
	memcpy(host, mi->hostname, strnlen(mi->hostname, sizeof(host) - 1));
	rc = scap_dump_blk_begin(d, SCAP_BT_MI);
	if (!rc)
		rc = scap_dump_reserve(d, 180);
	if (rc)
		return rc;
	put_u32(d, mi->num_cpus);
	put_u64(d, mi->memory_size_bytes);
	put_u64(d, mi->max_pid);
	dump_put(d, host, sizeof(host));
	put_u64(d, mi->boot_ts_ns);   /* reserved in old writers, read as 0 */
	put_u64(d, mi->flags);
	put_u64(d, 0);
	put_u64(d, 0);
	return scap_dump_blk_end(d);
}

/* ---- interface list --------------------------------------------------------------- */

int scap_dump_iflist(struct scap_dumper *d, const struct scap_ifinfo_ipv4 *v4, uint32_t n4,
		     const struct scap_ifinfo_ipv6 *v6, uint32_t n6)
{
	int rc = scap_dump_check(d, false);
	uint32_t i;

	if (rc)
		return rc;
	if ((n4 && !v4) || (n6 && !v6))
		return scap_dump_err(d, -EINVAL, "dump: interface array is NULL");
	rc = scap_dump_blk_begin(d, SCAP_BT_IL_V2);
	if (rc)
		return rc;
	for (i = 0; i < n4; i++) {
		size_t nl = slen(v4[i].name, sizeof(v4[i].name));

		rc = scap_dump_reserve(d, 4 + 24 + nl);
		if (rc)
			return rc;
		put_u32(d, (uint32_t)(24 + nl)); /* this length excludes itself */
		put_u16(d, SCAP_II_IPV4);
		put_u16(d, (uint16_t)nl);
		put_u32(d, v4[i].addr);
		put_u32(d, v4[i].netmask);
		put_u32(d, v4[i].bcast);
		put_u64(d, v4[i].linkspeed);
		dump_put(d, v4[i].name, nl);
	}
	for (i = 0; i < n6; i++) {
		size_t nl = slen(v6[i].name, sizeof(v6[i].name));

		rc = scap_dump_reserve(d, 4 + 60 + nl);
		if (rc)
			return rc;
		put_u32(d, (uint32_t)(60 + nl));
		put_u16(d, SCAP_II_IPV6);
		put_u16(d, (uint16_t)nl);
		dump_put(d, v6[i].addr, 16);
		dump_put(d, v6[i].netmask, 16);
		dump_put(d, v6[i].bcast, 16);
		put_u64(d, v6[i].linkspeed);
		dump_put(d, v6[i].name, nl);
	}
	return scap_dump_blk_end(d);
}

/* ---- user list -------------------------------------------------------------------- */

int scap_dump_userlist(struct scap_dumper *d, const struct scap_userinfo *users, uint32_t nu,
		       const struct scap_groupinfo *groups, uint32_t ng)
{
	int rc = scap_dump_check(d, false);
	uint32_t i;

	if (rc)
		return rc;
	if ((nu && !users) || (ng && !groups))
		return scap_dump_err(d, -EINVAL, "dump: user/group array is NULL");
	rc = scap_dump_blk_begin(d, SCAP_BT_UL_V2);
	if (rc)
		return rc;
	for (i = 0; i < nu; i++) {
		const struct scap_userinfo *u = &users[i];
		size_t n = slen(u->name, sizeof(u->name));
		size_t h = slen(u->homedir, sizeof(u->homedir));
		size_t s = slen(u->shell, sizeof(u->shell));
		size_t len = 4 + 1 + 4 + 4 + 2 + n + 2 + h + 2 + s;

		rc = scap_dump_reserve(d, len);
		if (rc)
			return rc;
		put_u32(d, (uint32_t)len);
		put_u8(d, SCAP_UL_USER);
		put_u32(d, u->uid);
		put_u32(d, u->gid);
		put_blob(d, u->name, n);
		put_blob(d, u->homedir, h);
		put_blob(d, u->shell, s);
	}
	for (i = 0; i < ng; i++) {
		const struct scap_groupinfo *g = &groups[i];
		size_t n = slen(g->name, sizeof(g->name));
		size_t len = 4 + 1 + 4 + 2 + n;

		rc = scap_dump_reserve(d, len);
		if (rc)
			return rc;
		put_u32(d, (uint32_t)len);
		put_u8(d, SCAP_UL_GROUP);
		put_u32(d, g->gid);
		put_blob(d, g->name, n);
	}
	return scap_dump_blk_end(d);
}

/* ---- process list ----------------------------------------------------------------- */

int scap_dump_proclist_begin(struct scap_dumper *d)
{
	int rc = scap_dump_check(d, false);

	if (rc)
		return rc;
	return scap_dump_blk_begin(d, SCAP_BT_PL_V9);
}

int scap_dump_proclist_add(struct scap_dumper *d, const struct scap_threadinfo *t)
{
	size_t comm, exe, exepath, cwd, root, args, env, cg, len;
	bool modern;
	int rc = scap_dump_check(d, true);

	if (rc)
		return rc;
	if (d->blk_start == SIZE_MAX)
		return scap_dump_err(d, -EINVAL, "dump: no process list is open");
	if (!t)
		return scap_dump_err(d, -EINVAL, "dump: thread is NULL");
	comm = slen(t->comm, sizeof(t->comm));
	exe = slen(t->exe, sizeof(t->exe));
	exepath = slen(t->exepath, sizeof(t->exepath));
	cwd = slen(t->cwd, sizeof(t->cwd));
	root = slen(t->root, sizeof(t->root));
	args = t->args_len < sizeof(t->args) ? t->args_len : sizeof(t->args);
	env = t->env_len < sizeof(t->env) ? t->env_len : sizeof(t->env);
	cg = t->cgroups_len < sizeof(t->cgroups) ? t->cgroups_len : sizeof(t->cgroups);
	modern = t->pidns_init_start_ts_ns || t->tty || t->exe_upper_layer || t->exe_ino ||
		 t->exe_ino_ctime || t->exe_ino_mtime || t->exe_from_memfd;
	len = 4 + 5 * 8 + 2 + comm + 2 + exe + 2 + exepath + 2 + args + 2 + cwd +
	      8 + 4 + 4 + 4 + 3 * 4 + 2 * 8 + 2 + env + 2 * 8 + 2 + cg + 2 + root +
	      (modern ? PL_TAIL_MODERN : PL_TAIL_OLD);
	rc = scap_dump_reserve(d, len);
	if (rc)
		return rc;
	put_u32(d, (uint32_t)len);
	put_u64(d, t->tid);
	put_u64(d, t->pid);
	put_u64(d, t->ptid);
	put_u64(d, t->sid);
	put_u64(d, t->vpgid);
	put_blob(d, t->comm, comm);
	put_blob(d, t->exe, exe);
	put_blob(d, t->exepath, exepath);
	put_blob(d, t->args, args);
	put_blob(d, t->cwd, cwd);
	put_u64(d, (uint64_t)t->fdlimit);
	put_u32(d, t->flags);
	put_u32(d, t->uid);
	put_u32(d, t->gid);
	put_u32(d, t->vmsize_kb);
	put_u32(d, t->vmrss_kb);
	put_u32(d, t->vmswap_kb);
	put_u64(d, t->pfmajor);
	put_u64(d, t->pfminor);
	put_blob(d, t->env, env);
	put_u64(d, (uint64_t)t->vtid);
	put_u64(d, (uint64_t)t->vpid);
	put_blob(d, t->cgroups, cg);
	put_blob(d, t->root, root);
	if (modern) {
		put_u64(d, t->pidns_init_start_ts_ns);
		put_u32(d, t->tty);
	}
	put_u32(d, t->loginuid);
	put_u8(d, t->exe_writable ? 1 : 0);
	put_u64(d, t->cap_inheritable);
	put_u64(d, t->cap_permitted);
	put_u64(d, t->cap_effective);
	if (modern) {
		put_u8(d, t->exe_upper_layer ? 1 : 0);
		put_u64(d, t->exe_ino);
		put_u64(d, t->exe_ino_ctime);
		put_u64(d, t->exe_ino_mtime);
		put_u8(d, t->exe_from_memfd ? 1 : 0);
	}
	return 0;
}

int scap_dump_proclist_end(struct scap_dumper *d)
{
	int rc = scap_dump_check(d, true);

	if (rc)
		return rc;
	if (d->blk_start == SIZE_MAX)
		return scap_dump_err(d, -EINVAL, "dump: no process list is open");
	return scap_dump_blk_end(d);
}

/* ---- fd list ---------------------------------------------------------------------- */

/*
 * The type an fd is written with. sysdig 0.29.3 knows the types up to SCAP_FD_FILE_V2 and
 * refuses the whole file at an fd of a later type (bpf, userfaultfd, io_uring, memfd,
 * pidfd: "wrong fd type"), so those are written as SCAP_FD_UNSUPPORTED, which carries the
 * same body (the name).
 */
static int fd_type_written(int type)
{
	return type > SCAP_FD_FILE_V2 ? SCAP_FD_UNSUPPORTED : type;
}

/* Bytes of an fd entry's type-specific part, or 0 for types that are not written. */
static size_t fd_body_len(const struct scap_fdinfo *f, size_t *name)
{
	*name = slen(f->name, sizeof(f->name));
	switch (fd_type_written(f->type)) {
	case SCAP_FD_IPV4_SOCK: return 4 + 4 + 2 + 2 + 1;
	case SCAP_FD_IPV4_SERVSOCK: return 4 + 2 + 1;
	case SCAP_FD_IPV6_SOCK: return 16 + 16 + 2 + 2 + 1;
	case SCAP_FD_IPV6_SERVSOCK: return 16 + 2 + 1;
	case SCAP_FD_UNIX_SOCK: return 8 + 8 + 2 + *name;
	case SCAP_FD_FILE_V2: return 4 + 2 + *name + 4;
	case SCAP_FD_FIFO: case SCAP_FD_FILE: case SCAP_FD_DIRECTORY:
	case SCAP_FD_UNSUPPORTED: case SCAP_FD_EVENT: case SCAP_FD_SIGNALFD:
	case SCAP_FD_EVENTPOLL: case SCAP_FD_INOTIFY: case SCAP_FD_TIMERFD:
	case SCAP_FD_NETLINK:
		return 2 + *name;
	default:
		return 0;
	}
}

static void put_fd(struct scap_dumper *d, const struct scap_fdinfo *f, size_t len, size_t name)
{
	put_u32(d, (uint32_t)len);
	put_u64(d, (uint64_t)f->fd);
	put_u64(d, f->ino);
	put_u8(d, (uint8_t)fd_type_written(f->type));
	switch (f->type) {
	case SCAP_FD_IPV4_SOCK:
		put_u32(d, f->info.ipv4.sip);
		put_u32(d, f->info.ipv4.dip);
		put_u16(d, f->info.ipv4.sport);
		put_u16(d, f->info.ipv4.dport);
		put_u8(d, f->info.ipv4.l4proto);
		break;
	case SCAP_FD_IPV4_SERVSOCK:
		put_u32(d, f->info.ipv4_server.ip);
		put_u16(d, f->info.ipv4_server.port);
		put_u8(d, f->info.ipv4_server.l4proto);
		break;
	case SCAP_FD_IPV6_SOCK:
		dump_put(d, f->info.ipv6.sip, 16);
		dump_put(d, f->info.ipv6.dip, 16);
		put_u16(d, f->info.ipv6.sport);
		put_u16(d, f->info.ipv6.dport);
		put_u8(d, f->info.ipv6.l4proto);
		break;
	case SCAP_FD_IPV6_SERVSOCK:
		dump_put(d, f->info.ipv6_server.ip, 16);
		put_u16(d, f->info.ipv6_server.port);
		put_u8(d, f->info.ipv6_server.l4proto);
		break;
	case SCAP_FD_UNIX_SOCK:
		put_u64(d, f->info.unix_sock.source);
		put_u64(d, f->info.unix_sock.dest);
		put_blob(d, f->name, name);
		break;
	case SCAP_FD_FILE_V2:
		put_u32(d, f->info.file.open_flags);
		put_blob(d, f->name, name);
		put_u32(d, (uint32_t)f->info.file.dev);
		break;
	default:
		put_blob(d, f->name, name);
		break;
	}
}

int scap_dump_fdlist(struct scap_dumper *d, uint64_t tid, const struct scap_fdinfo *fds,
		     uint32_t n)
{
	int rc = scap_dump_check(d, false);
	uint32_t i;

	if (rc)
		return rc;
	if (n && !fds)
		return scap_dump_err(d, -EINVAL, "dump: fd array is NULL");
	rc = scap_dump_blk_begin(d, SCAP_BT_FDL_V2);
	if (!rc)
		rc = scap_dump_reserve(d, 8);
	if (rc)
		return rc;
	put_u64(d, tid);
	for (i = 0; i < n; i++) {
		size_t name, body = fd_body_len(&fds[i], &name), len = 4 + 8 + 8 + 1 + body;

		if (!body)
			continue; /* unknown/uninitialised: the peers leave them out */
		rc = scap_dump_reserve(d, len);
		if (rc)
			return rc;
		put_fd(d, &fds[i], len, name);
	}
	return scap_dump_blk_end(d);
}

/* ---- whole state ------------------------------------------------------------------ */

int scap_dump_state(struct scap_dumper *d, const struct scap_state *st)
{
	int rc = scap_dump_check(d, false);
	uint32_t i;

	if (rc)
		return rc;
	if (!st)
		return scap_dump_err(d, -EINVAL, "dump: state is NULL");
	if (st->machine && (rc = scap_dump_machine(d, st->machine)))
		return rc;
	if ((rc = scap_dump_iflist(d, st->ifv4, st->nifv4, st->ifv6, st->nifv6)))
		return rc;
	if ((rc = scap_dump_userlist(d, st->users, st->nusers, st->groups, st->ngroups)))
		return rc;
	if ((rc = scap_dump_proclist_begin(d)))
		return rc;
	for (i = 0; i < st->nthreads; i++)
		if ((rc = scap_dump_proclist_add(d, &st->threads[i])))
			return rc;
	if ((rc = scap_dump_proclist_end(d)))
		return rc;
	for (i = 0; i < st->nthreads; i++) {
		if (!st->threads[i].nfds)
			continue;
		rc = scap_dump_fdlist(d, st->threads[i].tid, st->threads[i].fds,
				      st->threads[i].nfds);
		if (rc)
			return rc;
	}
	return 0;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * savefile_hdr.c - the header blocks of a scap capture: machine info, process list
 * (V1..V9), fd list (V1, V2), user list (V1, V2), interface list (V1, V2). Layouts are
 * facts of the scap capture format (falcosecurity/libs, userspace/libscap/engine/
 * savefile); all integers little endian, packed, strings as {u16 len; bytes} without
 * NUL. The V2 lists and PL_V9 prefix each entry with its u32 length (including the
 * prefix, except in interface lists, where it excludes it), so newer writers may append
 * fields: unknown trailing bytes of an entry are skipped.
 *
 * Every read goes through a bounds-checked cursor: a lying length is -EPROTO with the
 * block's offset, never a read outside the block.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scap_int.h"

struct cur {
	const uint8_t *p;
	size_t left;
};

static bool take(struct cur *c, void *dst, size_t n)
{
	if (c->left < n)
		return false;
	if (dst)
		memcpy(dst, c->p, n);
	c->p += n;
	c->left -= n;
	return true;
}

/* {u16 len; bytes}: copied into dst (size dstsz), truncated, NUL terminated. *plen gets
 * the bytes copied (may be NULL). */
static bool take_str(struct cur *c, char *dst, size_t dstsz, uint16_t *plen)
{
	uint16_t len;
	size_t n;

	if (!take(c, &len, 2) || c->left < len)
		return false;
	n = len < dstsz ? len : dstsz - 1;
	memcpy(dst, c->p, n);
	dst[n] = '\0';
	if (plen)
		*plen = (uint16_t)n;
	c->p += len;
	c->left -= len;
	return true;
}

/* An entry of known length: a sub-cursor over it, and the outer cursor moved past. */
static bool take_sub(struct cur *c, size_t len, struct cur *sub)
{
	if (c->left < len)
		return false;
	sub->p = c->p;
	sub->left = len;
	c->p += len;
	c->left -= len;
	return true;
}

#define CORRUPT(h, blk, off, entry, what)                                                  \
	scap_err((h), -EPROTO, "corrupt %s block at offset %" PRIu64 ": entry %u: %s",     \
		 scap_block_name(blk), (off), (entry), (what))

/*
 * The most memory the entries of a capture's header blocks may take, in MiB. Entries
 * are fixed-size structs (a thread ~17.6 KB, an fd ~1.1 KB, a user ~2.3 KB, an
 * interface ~1 KB) however short they are in the file, and gzip shrinks repeated ones
 * ~700x: without a bound a 151 KB capture asked for 17.6 GB. A thread id repeated
 * replaces its earlier entry; past the budget the capture is refused, naming the
 * block, its offset and the entry. 512 MiB holds ~10,000 threads with 300,000 fds.
 */
#define HDR_STATE_MAX_MIB 512u

/* Count @bytes more of header state: 0, or -EPROTO past HDR_STATE_MAX_MIB. */
static int hdr_charge(struct scap *h, size_t bytes, uint32_t type, uint64_t off,
		      uint32_t entry)
{
	struct scap_state_store *s = &h->store;

	s->hdr_bytes += bytes;
	if (s->hdr_bytes <= (uint64_t)HDR_STATE_MAX_MIB << 20)
		return 0;
	return scap_err(h, -EPROTO, "%s block at offset %" PRIu64 ": entry %u: the initial "
			"state (%u threads, %u users, %u groups, %u interfaces and their fds) "
			"would take more than %u MiB: refused", scap_block_name(type), off,
			entry, s->nthreads, s->nusers, s->ngroups, s->nifv4 + s->nifv6,
			HDR_STATE_MAX_MIB);
}

/* ---- machine info ----------------------------------------------------------------- */

static int parse_mi(struct scap *h, uint32_t type, const uint8_t *body, size_t len,
		    uint64_t off)
{
	struct scap_machine_info *mi = &h->store.machine;
	struct cur c = { body, len };
	char host[128];

	memset(mi, 0, sizeof(*mi));
	/* num_cpus u32, memory u64, max_pid u64, hostname char[128], then boot ts u64 and
	 * flags u64 (reserved in older writers, hence zero), two reserved u64. */
	if (!take(&c, &mi->num_cpus, 4) || !take(&c, &mi->memory_size_bytes, 8) ||
	    !take(&c, &mi->max_pid, 8) || !take(&c, host, sizeof(host)))
		return scap_err(h, -EPROTO, "machine info block at offset %" PRIu64
				": %zu body bytes, need 148", off, len);
	memcpy(mi->hostname, host, sizeof(host));
	mi->hostname[sizeof(host)] = '\0';
	take(&c, &mi->boot_ts_ns, 8);
	take(&c, &mi->flags, 8);
	h->store.has_machine = true;
	return 0;
}

/* ---- process list ----------------------------------------------------------------- */

static int pl_version(uint32_t type)
{
	switch (type) {
	case SCAP_BT_PL_V1: case SCAP_BT_PL_V1_INT: return 1;
	case SCAP_BT_PL_V2: case SCAP_BT_PL_V2_INT: return 2;
	case SCAP_BT_PL_V3: case SCAP_BT_PL_V3_INT: return 3;
	case SCAP_BT_PL_V4: return 4;
	case SCAP_BT_PL_V5: return 5;
	case SCAP_BT_PL_V6: return 6;
	case SCAP_BT_PL_V7: return 7;
	case SCAP_BT_PL_V8: return 8;
	case SCAP_BT_PL_V9: return 9;
	default: return 0;
	}
}

/* The fields every version carries, in order, version-gated. */
static bool pl_fixed(struct cur *c, int v, struct scap_threadinfo *t)
{
	if (!take(c, &t->tid, 8) || !take(c, &t->pid, 8) || !take(c, &t->ptid, 8))
		return false;
	/* versions without sid (before 6) or vpgid (before 8): unknown, -1 as sysdig */
	t->sid = t->vpgid = (uint64_t)-1;
	if (v >= 6 && !take(c, &t->sid, 8))
		return false;
	if (v >= 8 && !take(c, &t->vpgid, 8))
		return false;
	if (!take_str(c, t->comm, sizeof(t->comm), NULL) ||
	    !take_str(c, t->exe, sizeof(t->exe), NULL))
		return false;
	if (v >= 7 && !take_str(c, t->exepath, sizeof(t->exepath), NULL))
		return false;
	if (!take_str(c, t->args, sizeof(t->args), &t->args_len) ||
	    !take_str(c, t->cwd, sizeof(t->cwd), NULL) || !take(c, &t->fdlimit, 8) ||
	    !take(c, &t->flags, 4) || !take(c, &t->uid, 4) || !take(c, &t->gid, 4))
		return false;
	if (v < 2)
		return true;
	if (!take(c, &t->vmsize_kb, 4) || !take(c, &t->vmrss_kb, 4) ||
	    !take(c, &t->vmswap_kb, 4) || !take(c, &t->pfmajor, 8) || !take(c, &t->pfminor, 8))
		return false;
	if (v >= 3 && !take_str(c, t->env, sizeof(t->env), &t->env_len))
		return false;
	if (v < 4)
		return true;
	if (!take(c, &t->vtid, 8) || !take(c, &t->vpid, 8) ||
	    !take_str(c, t->cgroups, sizeof(t->cgroups), &t->cgroups_len))
		return false;
	if (v >= 5 && !take_str(c, t->root, sizeof(t->root), NULL))
		return false;
	return true;
}

/*
 * The optional tail of a V9 entry, each field present only if the entry is long enough.
 * Writers before libs 0.10 put loginuid, exe_writable and the three capability sets
 * right after root (29 bytes at most); later ones insert pidns_init_start_ts and tty
 * first. The remaining length tells them apart, as in the format's reference reader.
 */
static void pl_tail(struct cur *c, struct scap_threadinfo *t)
{
	if (c->left > 29) {
		take(c, &t->pidns_init_start_ts_ns, 8);
		take(c, &t->tty, 4);
	}
	take(c, &t->loginuid, 4);
	take(c, &t->exe_writable, 1);
	take(c, &t->cap_inheritable, 8);
	take(c, &t->cap_permitted, 8);
	take(c, &t->cap_effective, 8);
	take(c, &t->exe_upper_layer, 1);
	take(c, &t->exe_ino, 8);
	take(c, &t->exe_ino_ctime, 8);
	take(c, &t->exe_ino_mtime, 8);
	if (take(c, &t->exe_from_memfd, 1))
		t->exe_from_memfd = t->exe_from_memfd != 0;
	t->exe_writable = t->exe_writable != 0;
	t->exe_upper_layer = t->exe_upper_layer != 0;
}

static int parse_pl(struct scap *h, uint32_t type, const uint8_t *body, size_t len,
		    uint64_t off)
{
	struct scap_state_store *s = &h->store;
	struct cur c = { body, len };
	int v = pl_version(type);
	uint32_t entry = 0;

	/* Less than 4 bytes left is padding. */
	for (; c.left >= 4; entry++) {
		struct scap_threadinfo *t = scap_state_add_thread(s);
		struct cur e = c;
		uint32_t idx = s->nthreads - 1;
		int rc;

		if (!t)
			return scap_err(h, -ENOMEM, "process list: thread %u", entry);
		if (v == 9) {
			uint32_t sub;

			if (!take(&c, &sub, 4) || sub < 4 || !take_sub(&c, sub - 4, &e))
				return CORRUPT(h, type, off, entry, "entry length overruns the block");
		}
		if (!pl_fixed(&e, v, t))
			return CORRUPT(h, type, off, entry, "field overruns the entry");
		if (v == 9)
			pl_tail(&e, t); /* then skip what newer writers appended */
		else
			c = e;
		struct scap_threadinfo *old = scap_state_find_thread(s, t->tid);

		if (old) {
			/* a later entry for a tid replaces the earlier one, in its place */
			free(old->fds);
			memcpy(old, t, sizeof(*t));
			s->nthreads--;
			continue;
		}
		rc = hdr_charge(h, sizeof(*t), type, off, entry);
		if (rc)
			return rc;
		rc = scap_state_index_thread(s, idx);
		if (rc)
			return scap_err(h, rc, "process list: thread index");
	}
	return 0;
}

/* ---- fd list ---------------------------------------------------------------------- */

/* One fd entry's type-specific part. @v2: the entry has a length (FILE_V2 may then carry
 * dev). false when a field overruns. */
static bool fd_body(struct cur *c, struct scap_fdinfo *f, uint8_t ftype, bool v2,
		    bool *unknown)
{
	*unknown = false;
	f->type = ftype;
	switch (ftype) {
	case SCAP_FD_IPV4_SOCK:
		return take(c, &f->info.ipv4.sip, 4) && take(c, &f->info.ipv4.dip, 4) &&
		       take(c, &f->info.ipv4.sport, 2) && take(c, &f->info.ipv4.dport, 2) &&
		       take(c, &f->info.ipv4.l4proto, 1);
	case SCAP_FD_IPV4_SERVSOCK:
		return take(c, &f->info.ipv4_server.ip, 4) &&
		       take(c, &f->info.ipv4_server.port, 2) &&
		       take(c, &f->info.ipv4_server.l4proto, 1);
	case SCAP_FD_IPV6_SOCK:
		return take(c, f->info.ipv6.sip, 16) && take(c, f->info.ipv6.dip, 16) &&
		       take(c, &f->info.ipv6.sport, 2) && take(c, &f->info.ipv6.dport, 2) &&
		       take(c, &f->info.ipv6.l4proto, 1);
	case SCAP_FD_IPV6_SERVSOCK:
		return take(c, f->info.ipv6_server.ip, 16) &&
		       take(c, &f->info.ipv6_server.port, 2) &&
		       take(c, &f->info.ipv6_server.l4proto, 1);
	case SCAP_FD_UNIX_SOCK:
		return take(c, &f->info.unix_sock.source, 8) &&
		       take(c, &f->info.unix_sock.dest, 8) &&
		       take_str(c, f->name, sizeof(f->name), NULL);
	case SCAP_FD_FILE_V2:
		if (!take(c, &f->info.file.open_flags, 4) ||
		    !take_str(c, f->name, sizeof(f->name), NULL))
			return false;
		/* dev (u32) was appended later: only entries with a length can carry it. */
		if (v2 && c->left >= 4) {
			uint32_t dev;

			take(c, &dev, 4);
			f->info.file.dev = dev;
		}
		return true;
	case SCAP_FD_FIFO: case SCAP_FD_FILE: case SCAP_FD_DIRECTORY:
	case SCAP_FD_UNSUPPORTED: case SCAP_FD_EVENT: case SCAP_FD_SIGNALFD:
	case SCAP_FD_EVENTPOLL: case SCAP_FD_INOTIFY: case SCAP_FD_TIMERFD:
	case SCAP_FD_NETLINK: case SCAP_FD_BPF: case SCAP_FD_USERFAULTFD:
	case SCAP_FD_IOURING: case SCAP_FD_MEMFD: case SCAP_FD_PIDFD:
		return take_str(c, f->name, sizeof(f->name), NULL);
	case SCAP_FD_UNKNOWN:
		return true;
	default:
		/* From a newer writer: kept as unsupported, named after its type. */
		f->type = SCAP_FD_UNSUPPORTED;
		snprintf(f->name, sizeof(f->name), "unknown-type:[%u]", ftype);
		*unknown = true;
		return true;
	}
}

static int parse_fdl(struct scap *h, uint32_t type, const uint8_t *body, size_t len,
		     uint64_t off)
{
	bool v2 = type == SCAP_BT_FDL_V2;
	struct cur c = { body, len };
	struct scap_threadinfo *t;
	struct scap_fdinfo scratch;
	uint64_t tid;
	uint32_t entry = 0;

	if (!take(&c, &tid, 8))
		return scap_err(h, -EPROTO, "corrupt fd list block at offset %" PRIu64
				": no tid", off);
	/* fds of a thread the process list does not have are parsed and dropped. */
	t = scap_state_find_thread(&h->store, tid);
	for (; c.left >= 4; entry++) {
		struct scap_fdinfo *f = &scratch;
		struct cur e = c;
		uint8_t ftype;
		bool unknown;

		if (v2) {
			uint32_t sub;

			if (!take(&c, &sub, 4) || sub < 4 || !take_sub(&c, sub - 4, &e))
				return CORRUPT(h, type, off, entry, "entry length overruns the block");
		}
		if (t) {
			int rc = hdr_charge(h, sizeof(*f), type, off, entry);

			if (rc)
				return rc;
			f = scap_state_add_fd(t);
			if (!f)
				return scap_err(h, -ENOMEM, "fd list: fd %u", entry);
		} else {
			memset(f, 0, sizeof(*f));
		}
		if (!take(&e, &f->fd, 8) || !take(&e, &f->ino, 8) || !take(&e, &ftype, 1) ||
		    !fd_body(&e, f, ftype, v2, &unknown))
			return CORRUPT(h, type, off, entry, "field overruns the entry");
		if (unknown && !v2)
			return CORRUPT(h, type, off, entry,
				       "unknown fd type and no entry length to skip it");
		if (!v2)
			c = e;
	}
	return 0;
}

/* ---- user list -------------------------------------------------------------------- */

static int parse_ul(struct scap *h, uint32_t type, const uint8_t *body, size_t len,
		    uint64_t off)
{
	bool v2 = type == SCAP_BT_UL_V2;
	struct cur c = { body, len };
	uint32_t entry = 0;

	/* A later user list replaces an earlier one. */
	scap_state_clear_users(&h->store);
	for (; c.left >= 4; entry++) {
		struct cur e = c;
		uint8_t utype;
		bool ok;

		if (v2) {
			uint32_t sub;

			if (!take(&c, &sub, 4) || sub < 4 || !take_sub(&c, sub - 4, &e))
				return CORRUPT(h, type, off, entry, "entry length overruns the block");
		}
		if (!take(&e, &utype, 1))
			return CORRUPT(h, type, off, entry, "no entry type");
		if (hdr_charge(h, utype == SCAP_UL_USER ? sizeof(struct scap_userinfo) :
				  sizeof(struct scap_groupinfo), type, off, entry))
			return -EPROTO;
		if (utype == SCAP_UL_USER) {
			struct scap_userinfo *u = scap_state_add_user(&h->store);

			if (!u)
				return scap_err(h, -ENOMEM, "user list: user %u", entry);
			ok = take(&e, &u->uid, 4) && take(&e, &u->gid, 4) &&
			     take_str(&e, u->name, sizeof(u->name), NULL) &&
			     take_str(&e, u->homedir, sizeof(u->homedir), NULL) &&
			     take_str(&e, u->shell, sizeof(u->shell), NULL);
		} else {
			struct scap_groupinfo *g = scap_state_add_group(&h->store);

			if (!g)
				return scap_err(h, -ENOMEM, "user list: group %u", entry);
			ok = take(&e, &g->gid, 4) && take_str(&e, g->name, sizeof(g->name), NULL);
		}
		if (!ok)
			return CORRUPT(h, type, off, entry, "field overruns the entry");
		if (!v2)
			c = e;
	}
	return 0;
}

/* ---- interface list --------------------------------------------------------------- */

/* One interface entry: {u16 type; u16 namelen; addresses; [u64 linkspeed]; name}. */
static bool if_entry(struct scap *h, struct cur *e, bool *ok)
{
	uint16_t itype, namelen;
	bool v6, speed;
	char *name;
	size_t namesz;

	*ok = false;
	if (!take(e, &itype, 2) || !take(e, &namelen, 2))
		return false;
	switch (itype) {
	case SCAP_II_IPV4: v6 = false; speed = true; break;
	case SCAP_II_IPV4_NOLINKSPEED: v6 = false; speed = false; break;
	case SCAP_II_IPV6: v6 = true; speed = true; break;
	case SCAP_II_IPV6_NOLINKSPEED: v6 = true; speed = false; break;
	default: return true; /* unknown type: *ok stays false */
	}
	if (v6) {
		struct scap_ifinfo_ipv6 *i = scap_state_add_ifv6(&h->store);

		if (!i)
			return false;
		i->type = itype;
		if (!take(e, i->addr, 16) || !take(e, i->netmask, 16) || !take(e, i->bcast, 16) ||
		    (speed && !take(e, &i->linkspeed, 8)))
			return false;
		name = i->name;
		namesz = sizeof(i->name);
	} else {
		struct scap_ifinfo_ipv4 *i = scap_state_add_ifv4(&h->store);

		if (!i)
			return false;
		i->type = itype;
		if (!take(e, &i->addr, 4) || !take(e, &i->netmask, 4) || !take(e, &i->bcast, 4) ||
		    (speed && !take(e, &i->linkspeed, 8)))
			return false;
		name = i->name;
		namesz = sizeof(i->name);
	}
	if (e->left < namelen)
		return false;
	{
		size_t n = namelen < namesz ? namelen : namesz - 1;

		memcpy(name, e->p, n);
		name[n] = '\0';
		take(e, NULL, namelen);
	}
	*ok = true;
	return true;
}

static int parse_il(struct scap *h, uint32_t type, const uint8_t *body, size_t len,
		    uint64_t off)
{
	bool v2 = type == SCAP_BT_IL_V2;
	struct cur c = { body, len };
	uint32_t entry = 0;

	scap_state_clear_ifaces(&h->store);
	for (; c.left >= 4; entry++) {
		struct cur e = c;
		bool ok;

		if (v2) {
			uint32_t sub; /* here the length excludes itself */

			if (!take(&c, &sub, 4) || !take_sub(&c, sub, &e))
				return CORRUPT(h, type, off, entry, "entry length overruns the block");
		}
		if (hdr_charge(h, sizeof(struct scap_ifinfo_ipv6), type, off, entry))
			return -EPROTO;
		if (!if_entry(h, &e, &ok))
			return CORRUPT(h, type, off, entry, "field overruns the entry");
		if (!ok)
			return CORRUPT(h, type, off, entry, "unknown interface type");
		if (!v2)
			c = e;
	}
	return 0;
}

int scap_savefile_parse_header_block(struct scap *h, uint32_t type, const uint8_t *body,
				     size_t len, uint64_t off)
{
	switch (type) {
	case SCAP_BT_MI: case SCAP_BT_MI_INT:
		return parse_mi(h, type, body, len, off);
	case SCAP_BT_FDL: case SCAP_BT_FDL_INT: case SCAP_BT_FDL_V2:
		return parse_fdl(h, type, body, len, off);
	case SCAP_BT_UL: case SCAP_BT_UL_INT: case SCAP_BT_UL_V2:
		return parse_ul(h, type, body, len, off);
	case SCAP_BT_IL: case SCAP_BT_IL_INT: case SCAP_BT_IL_V2:
		return parse_il(h, type, body, len, off);
	default:
		break;
	}
	if (pl_version(type))
		return parse_pl(h, type, body, len, off);
	scap_debug(h, "savefile: skipping block type 0x%x at offset %" PRIu64, type, off);
	return 0;
}

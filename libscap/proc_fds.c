/* SPDX-License-Identifier: Apache-2.0 */
/*
 * proc_fds.c - the fd table of a process, read from /proc/PID/fd, and the socket tables
 * of its network namespace (/proc/PID/net/{tcp,tcp6,udp,udp6,raw,raw6,unix,netlink})
 * that turn a "socket:[INODE]" into a tuple, a unix path or a netlink socket.
 *
 * What each fd becomes (the link target is what readlink /proc/PID/fd/N says):
 *   regular file, char/block device   SCAP_FD_FILE_V2: name = target, open_flags from
 *                                      fdinfo "flags:" (as the schema's O_* bits),
 *                                      mount_id from "mnt_id:", dev = the file system's
 *                                      device, encoded as the kernel's new_encode_dev()
 *   directory                          SCAP_FD_DIRECTORY, name = target
 *   pipe or FIFO                       SCAP_FD_FIFO, name = target ("pipe:[INODE]" or path)
 *   TCP/UDP/raw socket                 SCAP_FD_IPV4_SOCK / IPV6_SOCK with the local address
 *                                      as source and the remote one as destination; when the
 *                                      remote address and port are zero (a listening or
 *                                      unconnected socket), IPV4_SERVSOCK / IPV6_SERVSOCK
 *   unix socket                        SCAP_FD_UNIX_SOCK, name = bound path ("" when none),
 *                                      source = the kernel address /proc/net/unix shows
 *                                      (0 when kptr_restrict hides it), dest = 0
 *   netlink socket                     SCAP_FD_NETLINK, name ""
 *   other sockets (not in the tables)  skipped, as the peer's scan does
 *   anon_inode:[eventfd] ... [pidfd]   SCAP_FD_EVENT, SIGNALFD, EVENTPOLL, INOTIFY, TIMERFD,
 *                                      BPF, USERFAULTFD, IOURING, PIDFD; name = target
 *   anything else                      SCAP_FD_UNSUPPORTED, name = target
 * ino is the inode of what the fd refers to (st_ino after following the link).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "proc_scan.h"

/* ---- socket tables of one network namespace ----------------------------------- */

struct sock_entry {
	uint64_t ino;                 /* 0: empty slot */
	struct scap_fdinfo *info;     /* type, info, name (fd unset) */
};

struct netns_tables {
	uint64_t ns_ino;
	struct sock_entry *slots;     /* open addressing, power of two */
	uint32_t cap, n;
};

struct scap_netns_cache {
	struct netns_tables *ns;
	uint32_t n, cap;
};

struct scap_netns_cache *scap_netns_cache_new(void)
{
	return calloc(1, sizeof(struct scap_netns_cache));
}

static void tables_free(struct netns_tables *t)
{
	for (uint32_t i = 0; i < t->cap; i++)
		free(t->slots[i].info);
	free(t->slots);
}

void scap_netns_cache_free(struct scap_netns_cache *c)
{
	if (!c)
		return;
	for (uint32_t i = 0; i < c->n; i++)
		tables_free(&c->ns[i]);
	free(c->ns);
	free(c);
}

uint32_t scap_netns_cache_count(const struct scap_netns_cache *c)
{
	return c ? c->n : 0;
}

static uint32_t ino_hash(uint64_t ino)
{
	ino ^= ino >> 31;
	ino *= 0x9e3779b97f4a7c15ULL;
	return (uint32_t)(ino >> 32);
}

static int tables_put(struct netns_tables *t, struct scap_fdinfo *info)
{
	uint32_t mask, i;

	if ((t->n + 1) * 2 > t->cap) {
		uint32_t ncap = t->cap ? t->cap * 2 : 256;
		struct sock_entry *ns = calloc(ncap, sizeof(*ns));

		if (!ns)
			return -ENOMEM;
		for (uint32_t j = 0; j < t->cap; j++) {
			struct sock_entry *e = &t->slots[j];

			if (!e->ino)
				continue;
			for (i = ino_hash(e->ino) & (ncap - 1); ns[i].ino; i = (i + 1) & (ncap - 1))
				;
			ns[i] = *e;
		}
		free(t->slots);
		t->slots = ns;
		t->cap = ncap;
	}
	mask = t->cap - 1;
	for (i = ino_hash(info->ino) & mask; t->slots[i].ino; i = (i + 1) & mask) {
		if (t->slots[i].ino == info->ino) {
			/* the same inode twice (a socket listed in two tables): keep the first */
			free(info);
			return 0;
		}
	}
	t->slots[i].ino = info->ino;
	t->slots[i].info = info;
	t->n++;
	return 0;
}

static const struct scap_fdinfo *tables_get(const struct netns_tables *t, uint64_t ino)
{
	uint32_t mask, i;

	if (!t->cap)
		return NULL;
	mask = t->cap - 1;
	for (i = ino_hash(ino) & mask; t->slots[i].ino; i = (i + 1) & mask)
		if (t->slots[i].ino == ino)
			return t->slots[i].info;
	return NULL;
}

/* Read a whole procfs file (its size is unknown in advance). Caller frees. */
static char *slurp_at(int dirfd, const char *name)
{
	size_t cap = 16384, len = 0;
	char *buf = malloc(cap), *p;
	ssize_t n;
	int fd;

	if (!buf)
		return NULL;
	fd = openat(dirfd, name, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		free(buf);
		return NULL;
	}
	for (;;) {
		if (cap - len < 4096) {
			p = realloc(buf, cap * 2);
			if (!p)
				break;
			buf = p;
			cap *= 2;
		}
		n = read(fd, buf + len, cap - len - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	close(fd);
	buf[len] = '\0';
	return buf;
}

/* "0100007F:1F90" -> address bytes as stored (network order) and the port. */
static bool parse_v4(const char *p, uint32_t *addr, uint16_t *port, const char **end)
{
	char *e;

	*addr = (uint32_t)strtoul(p, &e, 16);
	if (*e != ':')
		return false;
	*port = (uint16_t)strtoul(e + 1, &e, 16);
	*end = e;
	return true;
}

/* 32 hex digits as four native u32 words (the kernel prints each %08X), then :port. */
static bool parse_v6(const char *p, uint8_t addr[16], uint16_t *port, const char **end)
{
	char word[9];
	char *e;

	for (int i = 0; i < 4; i++) {
		uint32_t w;

		memcpy(word, p + i * 8, 8);
		word[8] = '\0';
		w = (uint32_t)strtoul(word, &e, 16);
		if (e != word + 8)
			return false;
		memcpy(addr + i * 4, &w, 4);
	}
	p += 32;
	if (*p != ':')
		return false;
	*port = (uint16_t)strtoul(p + 1, &e, 16);
	*end = e;
	return true;
}

static bool all_zero(const void *p, size_t n)
{
	const uint8_t *b = p;

	for (size_t i = 0; i < n; i++)
		if (b[i])
			return false;
	return true;
}

/* Skip @n whitespace separated columns of @p. */
static const char *skip_cols(const char *p, int n)
{
	for (int i = 0; i < n; i++) {
		while (*p == ' ')
			p++;
		while (*p && *p != ' ' && *p != '\n')
			p++;
	}
	while (*p == ' ')
		p++;
	return p;
}

/* tcp, udp, raw (v4 or v6): "sl local rem st tx:rx tr:when retr uid timeout inode ..." */
static int load_inet(struct netns_tables *t, int netdir, const char *name, bool v6,
		     uint8_t l4)
{
	char *buf = slurp_at(netdir, name), *line, *next;
	int rc = 0;

	if (!buf)
		return 0;
	line = strchr(buf, '\n');       /* the header line */
	for (line = line ? line + 1 : NULL; line && *line && !rc; line = next) {
		struct scap_fdinfo *f;
		const char *p = strchr(line, ':'), *e;
		uint8_t s6[16], d6[16];
		uint32_t s4 = 0, d4 = 0;
		uint16_t sport = 0, dport = 0;
		uint64_t ino;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (!p)
			continue;
		p++;
		while (*p == ' ')
			p++;
		if (v6 ? !parse_v6(p, s6, &sport, &e) : !parse_v4(p, &s4, &sport, &e))
			continue;
		while (*e == ' ')
			e++;
		if (v6 ? !parse_v6(e, d6, &dport, &e) : !parse_v4(e, &d4, &dport, &e))
			continue;
		/* st tx:rx tr:when retrnsmt uid timeout inode */
		ino = strtoull(skip_cols(e, 6), NULL, 10);
		if (!ino)
			continue;
		f = calloc(1, sizeof(*f));
		if (!f) {
			rc = -ENOMEM;
			break;
		}
		f->ino = ino;
		if (!v6 && d4 == 0 && dport == 0) {
			f->type = SCAP_FD_IPV4_SERVSOCK;
			f->info.ipv4_server.ip = s4;
			f->info.ipv4_server.port = sport;
			f->info.ipv4_server.l4proto = l4;
		} else if (!v6) {
			f->type = SCAP_FD_IPV4_SOCK;
			f->info.ipv4.sip = s4;
			f->info.ipv4.dip = d4;
			f->info.ipv4.sport = sport;
			f->info.ipv4.dport = dport;
			f->info.ipv4.l4proto = l4;
		} else if (all_zero(d6, 16) && dport == 0) {
			f->type = SCAP_FD_IPV6_SERVSOCK;
			memcpy(f->info.ipv6_server.ip, s6, 16);
			f->info.ipv6_server.port = sport;
			f->info.ipv6_server.l4proto = l4;
		} else {
			f->type = SCAP_FD_IPV6_SOCK;
			memcpy(f->info.ipv6.sip, s6, 16);
			memcpy(f->info.ipv6.dip, d6, 16);
			f->info.ipv6.sport = sport;
			f->info.ipv6.dport = dport;
			f->info.ipv6.l4proto = l4;
		}
		rc = tables_put(t, f);
	}
	free(buf);
	return rc;
}

/* unix: "Num RefCount Protocol Flags Type St Inode [Path]" */
static int load_unix(struct netns_tables *t, int netdir)
{
	char *buf = slurp_at(netdir, "unix"), *line, *next;
	int rc = 0;

	if (!buf)
		return 0;
	line = strchr(buf, '\n');
	for (line = line ? line + 1 : NULL; line && *line && !rc; line = next) {
		struct scap_fdinfo *f;
		const char *p;
		uint64_t addr, ino;
		char *e;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		addr = strtoull(line, &e, 16);
		if (*e != ':')
			continue;
		p = skip_cols(e + 1, 5);
		ino = strtoull(p, &e, 10);
		if (!ino)
			continue;
		while (*e == ' ')
			e++;
		f = calloc(1, sizeof(*f));
		if (!f) {
			rc = -ENOMEM;
			break;
		}
		f->ino = ino;
		f->type = SCAP_FD_UNIX_SOCK;
		f->info.unix_sock.source = addr;
		f->info.unix_sock.dest = 0;
		snprintf(f->name, sizeof(f->name), "%s", e);
		rc = tables_put(t, f);
	}
	free(buf);
	return rc;
}

/* netlink: "sk Eth Pid Groups Rmem Wmem Dump Locks Drops Inode": the inode is last. */
static int load_netlink(struct netns_tables *t, int netdir)
{
	char *buf = slurp_at(netdir, "netlink"), *line, *next;
	int rc = 0;

	if (!buf)
		return 0;
	line = strchr(buf, '\n');
	for (line = line ? line + 1 : NULL; line && *line && !rc; line = next) {
		struct scap_fdinfo *f;
		char *last;
		uint64_t ino;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		while (*line && line[strlen(line) - 1] == ' ')
			line[strlen(line) - 1] = '\0';
		last = strrchr(line, ' ');
		if (!last)
			continue;
		ino = strtoull(last + 1, NULL, 10);
		if (!ino)
			continue;
		f = calloc(1, sizeof(*f));
		if (!f) {
			rc = -ENOMEM;
			break;
		}
		f->ino = ino;
		f->type = SCAP_FD_NETLINK;
		rc = tables_put(t, f);
	}
	free(buf);
	return rc;
}

/* The tables of the namespace of the process at @procdir, read on first use. NULL when
 * the namespace cannot be identified; *oom set on ENOMEM. */
static const struct netns_tables *netns_tables(struct scap_netns_cache *c, int procdir,
					       bool *oom)
{
	struct netns_tables *t;
	struct stat sb;
	int netdir, rc;

	if (fstatat(procdir, "ns/net", &sb, 0) != 0)
		return NULL;
	for (uint32_t i = 0; i < c->n; i++)
		if (c->ns[i].ns_ino == sb.st_ino)
			return &c->ns[i];
	if (c->n == c->cap) {
		uint32_t ncap = c->cap ? c->cap * 2 : 4;
		struct netns_tables *p = realloc(c->ns, ncap * sizeof(*p));

		if (!p) {
			*oom = true;
			return NULL;
		}
		c->ns = p;
		c->cap = ncap;
	}
	t = &c->ns[c->n];
	memset(t, 0, sizeof(*t));
	t->ns_ino = sb.st_ino;
	netdir = openat(procdir, "net", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (netdir < 0)
		return NULL;
	rc = load_inet(t, netdir, "tcp", false, SCAP_L4_TCP);
	if (!rc)
		rc = load_inet(t, netdir, "tcp6", true, SCAP_L4_TCP);
	if (!rc)
		rc = load_inet(t, netdir, "udp", false, SCAP_L4_UDP);
	if (!rc)
		rc = load_inet(t, netdir, "udp6", true, SCAP_L4_UDP);
	if (!rc)
		rc = load_inet(t, netdir, "raw", false, SCAP_L4_RAW);
	if (!rc)
		rc = load_inet(t, netdir, "raw6", true, SCAP_L4_RAW);
	if (!rc)
		rc = load_unix(t, netdir);
	if (!rc)
		rc = load_netlink(t, netdir);
	close(netdir);
	if (rc) {
		tables_free(t);
		*oom = true;
		return NULL;
	}
	c->n++;
	return t;
}

/* ---- one process's fds ------------------------------------------------------------ */

/* Linux open(2) flags as fdinfo prints them (octal, the generic values). */
#define K_O_ACCMODE   03
#define K_O_CREAT     0100
#define K_O_EXCL      0200
#define K_O_TRUNC     01000
#define K_O_APPEND    02000
#define K_O_NONBLOCK  04000
#define K_O_DSYNC     010000
#define K_O_DIRECT    040000
#define K_O_LARGEFILE 0100000
#define K_O_DIRECTORY 0200000
#define K_O_CLOEXEC   02000000
#define K_O_SYNC      04010000
#define K_O_TMPFILE   020200000

/* The schema's open flags (the driver's scapdrv_open_flags() encoding). */
static uint32_t scap_open_flags(uint64_t f)
{
	static const uint32_t acc[4] = { 1, 2, 3, 0 };
	uint32_t r = acc[f & K_O_ACCMODE];

	if (f & K_O_CREAT)
		r |= 0x4;
	if (f & K_O_APPEND)
		r |= 0x8;
	if (f & K_O_DSYNC)
		r |= 0x10;
	if (f & K_O_EXCL)
		r |= 0x20;
	if (f & K_O_NONBLOCK)
		r |= 0x40;
	if ((f & K_O_SYNC) == K_O_SYNC)
		r |= 0x80;
	if (f & K_O_TRUNC)
		r |= 0x100;
	if (f & K_O_DIRECT)
		r |= 0x200;
	if (f & K_O_DIRECTORY)
		r |= 0x400;
	if (f & K_O_LARGEFILE)
		r |= 0x800;
	if (f & K_O_CLOEXEC)
		r |= 0x1000;
	if ((f & K_O_TMPFILE) == K_O_TMPFILE)
		r |= 0x2000;
	return r;
}

/* The kernel's new_encode_dev() of a device number. */
static uint32_t encode_dev(dev_t d)
{
	uint32_t maj = major(d), min = minor(d);

	return (min & 0xff) | (maj << 8) | ((min & ~0xffu) << 12);
}

static void read_fdinfo(int fdinfodir, const char *name, struct scap_fdinfo *f)
{
	char buf[512];
	const char *p;

	if (fdinfodir < 0 || scap_proc_read_at(fdinfodir, name, buf, sizeof(buf)) <= 0)
		return;
	p = strstr(buf, "flags:");
	if (p)
		f->info.file.open_flags = scap_open_flags(strtoull(p + 6, NULL, 8));
	p = strstr(buf, "mnt_id:");
	if (p)
		f->info.file.mount_id = (uint32_t)strtoul(p + 7, NULL, 10);
}

static const struct {
	const char *name;
	int32_t type;
} anon_types[] = {
	{ "[eventfd]", SCAP_FD_EVENT },
	{ "[signalfd]", SCAP_FD_SIGNALFD },
	{ "[eventpoll]", SCAP_FD_EVENTPOLL },
	{ "inotify", SCAP_FD_INOTIFY },
	{ "[timerfd]", SCAP_FD_TIMERFD },
	{ "bpf-", SCAP_FD_BPF },
	{ "[userfaultfd]", SCAP_FD_USERFAULTFD },
	{ "[io_uring]", SCAP_FD_IOURING },
	{ "[pidfd]", SCAP_FD_PIDFD },
};

/* Fill @f from the link target and the stat of the fd. false: skip this fd. */
static bool classify(struct scap_netns_cache *netns, int procdir, int fdinfodir,
		     const char *fdname, const char *target, const struct stat *sb,
		     bool have_stat, struct scap_fdinfo *f, bool *oom)
{
	uint64_t ino;

	snprintf(f->name, sizeof(f->name), "%s", target);
	f->ino = have_stat ? sb->st_ino : 0;
	if (sscanf(target, "socket:[%" SCNu64 "]", &ino) == 1) {
		const struct netns_tables *t = netns ? netns_tables(netns, procdir, oom) : NULL;
		const struct scap_fdinfo *s = t ? tables_get(t, ino) : NULL;
		int64_t fd = f->fd;

		if (!s)
			return false;
		*f = *s;
		f->fd = fd;
		return true;
	}
	if (strncmp(target, "anon_inode:", 11) == 0) {
		const char *kind = target + 11;

		f->type = SCAP_FD_UNSUPPORTED;
		for (size_t i = 0; i < sizeof(anon_types) / sizeof(anon_types[0]); i++) {
			if (strncmp(kind, anon_types[i].name, strlen(anon_types[i].name)) == 0) {
				f->type = anon_types[i].type;
				break;
			}
		}
		return true;
	}
	if (!have_stat) {
		f->type = SCAP_FD_UNSUPPORTED;
		return true;
	}
	switch (sb->st_mode & S_IFMT) {
	case S_IFREG:
	case S_IFBLK:
	case S_IFCHR:
		f->type = SCAP_FD_FILE_V2;
		f->info.file.dev = encode_dev(sb->st_dev);
		read_fdinfo(fdinfodir, fdname, f);
		break;
	case S_IFDIR:
		f->type = SCAP_FD_DIRECTORY;
		break;
	case S_IFIFO:
		f->type = SCAP_FD_FIFO;
		break;
	default:
		f->type = SCAP_FD_UNSUPPORTED;
		break;
	}
	return true;
}

int scap_proc_scan_fds(int procdir, struct scap_threadinfo *t, struct scap_netns_cache *netns)
{
	char target[SCAP_MAX_PATH_SIZE];
	struct dirent *de;
	int fddir, fdinfodir, added = 0;
	bool oom = false;
	DIR *d;

	fddir = openat(procdir, "fd", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fddir < 0)
		return 0;
	d = fdopendir(fddir);
	if (!d) {
		close(fddir);
		return 0;
	}
	fdinfodir = openat(procdir, "fdinfo", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	while ((de = readdir(d)) && !oom) {
		struct scap_fdinfo *f;
		struct stat sb;
		bool have_stat;
		char *end;
		long fd;
		ssize_t n;

		if (de->d_name[0] < '0' || de->d_name[0] > '9')
			continue;
		fd = strtol(de->d_name, &end, 10);
		if (*end)
			continue;
		n = readlinkat(fddir, de->d_name, target, sizeof(target) - 1);
		if (n < 0)
			continue;       /* closed meanwhile */
		target[n] = '\0';
		have_stat = fstatat(fddir, de->d_name, &sb, 0) == 0;
		f = scap_state_add_fd(t);
		if (!f) {
			oom = true;
			break;
		}
		f->fd = fd;
		if (!classify(netns, procdir, fdinfodir, de->d_name, target, &sb, have_stat, f,
			      &oom)) {
			t->nfds--;
			continue;
		}
		added++;
	}
	if (fdinfodir >= 0)
		close(fdinfodir);
	closedir(d);
	return oom ? -ENOMEM : added;
}

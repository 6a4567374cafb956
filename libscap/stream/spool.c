/* SPDX-License-Identifier: Apache-2.0 */
/*
 * spool.c - the bounded on-disk spool (spool.h): a directory of message files, an index
 * of them in memory (sorted by kind, then sequence), the bound, the counters.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "spool.h"

struct spool {
	char dir[1024];
	uint64_t max_bytes;
	struct spool_entry *e;      /* sorted: kind, then seq */
	size_t n, cap;
	struct spool_stats st;
	struct {                    /* next sequence of each kind seen */
		char kind[16];
		uint64_t next;
		int fd;                 /* KIND.seq, open (-1: not) */
	} seqs[8];
	int nseqs;
	uint64_t first_seq;         /* of a kind without a record (spool_set_first_seq()) */
	int lock_fd;                /* DIR/lock, flock(2)ed while open (-1: none) */
	void *map;                  /* spool_read()'s mapping of a message (NULL: none) */
	size_t map_len;
	char *rbuf;                 /* spool_read()'s buffer where mmap(2) fails */
	size_t rcap;
};

static int err_set(char *err, int code, const char *what, const char *path)
{
	if (err)
		snprintf(err, STREAM_ERR_SIZE, "spool: %s %.200s: %s", what, path, strerror(-code));
	return code;
}

static int entry_cmp(const void *a, const void *b)
{
	const struct spool_entry *x = a, *y = b;
	int c = strcmp(x->kind, y->kind);

	if (c)
		return c;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static bool kind_ok(const char *kind)
{
	size_t n = strlen(kind);

	return n && n < 16 && strspn(kind, "abcdefghijklmnopqrstuvwxyz") == n;
}

static int file_path(const struct spool *sp, char *buf, size_t size, const char *kind,
		     uint64_t seq, bool part)
{
	int n = snprintf(buf, size, "%s/%s-%020" PRIu64 "%s", sp->dir, kind, seq,
			 part ? ".part" : "");

	return n < 0 || (size_t)n >= size ? -ENAMETOOLONG : 0;
}

static int add_entry(struct spool *sp, const char *kind, uint64_t seq, uint64_t bytes)
{
	if (sp->n == sp->cap) {
		size_t cap = sp->cap ? sp->cap * 2 : 64;
		struct spool_entry *e = realloc(sp->e, cap * sizeof(*e));

		if (!e)
			return -ENOMEM;
		sp->e = e;
		sp->cap = cap;
	}
	memset(&sp->e[sp->n], 0, sizeof(sp->e[0]));
	snprintf(sp->e[sp->n].kind, sizeof(sp->e[0].kind), "%s", kind);
	sp->e[sp->n].seq = seq;
	sp->e[sp->n].bytes = bytes;
	sp->n++;
	sp->st.files++;
	sp->st.bytes += bytes;
	if (sp->st.bytes > sp->st.peak_bytes)
		sp->st.peak_bytes = sp->st.bytes;
	/* new messages come in sequence order: sort only when one does not */
	if (sp->n > 1 && entry_cmp(&sp->e[sp->n - 2], &sp->e[sp->n - 1]) > 0)
		qsort(sp->e, sp->n, sizeof(*sp->e), entry_cmp);
	return 0;
}

static void del_entry(struct spool *sp, size_t i)
{
	sp->st.files--;
	sp->st.bytes -= sp->e[i].bytes;
	memmove(&sp->e[i], &sp->e[i + 1], (sp->n - i - 1) * sizeof(*sp->e));
	sp->n--;
}

void spool_set_first_seq(struct spool *sp, uint64_t first)
{
	sp->first_seq = first;
}

/* The slot of @kind's next sequence, read from KIND.seq the first time (kept open). */
static int seq_slot(struct spool *sp, const char *kind)
{
	char path[1200], buf[32];
	ssize_t n;
	int i, fd;

	for (i = 0; i < sp->nseqs; i++)
		if (!strcmp(sp->seqs[i].kind, kind))
			return i;
	if (sp->nseqs == (int)(sizeof(sp->seqs) / sizeof(sp->seqs[0])))
		return -ENOSPC;
	snprintf(path, sizeof(path), "%s/%s.seq", sp->dir, kind);
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0)
		return -errno;
	i = sp->nseqs++;
	snprintf(sp->seqs[i].kind, sizeof(sp->seqs[i].kind), "%s", kind);
	sp->seqs[i].fd = fd;
	sp->seqs[i].next = sp->first_seq;
	n = pread(fd, buf, sizeof(buf) - 1, 0);
	if (n > 0) {
		buf[n] = '\0';
		if (sscanf(buf, "%" SCNu64, &sp->seqs[i].next) != 1)
			sp->seqs[i].next = sp->first_seq;
	}
	/* never below what the files hold */
	for (size_t j = 0; j < sp->n; j++)
		if (!strcmp(sp->e[j].kind, kind) && sp->e[j].seq >= sp->seqs[i].next)
			sp->seqs[i].next = sp->e[j].seq + 1;
	return i;
}

/*
 * Write KIND.seq = @next in place: one pwrite(2) of a fixed width (20 digits and a
 * newline, as wide as any number an earlier spool wrote there), which replaces a
 * temporary file and a rename per message (bench/collect_kafka: two file creations a
 * chunk were a tenth of the publisher's CPU on ext4).
 */
static int seq_store(struct spool *sp, int slot, uint64_t next)
{
	char buf[32];
	int n = snprintf(buf, sizeof(buf), "%020" PRIu64 "\n", next);

	return pwrite(sp->seqs[slot].fd, buf, (size_t)n, 0) == n ? 0 : errno ? -errno : -EIO;
}

static int mkdirs(const char *dir)
{
	char buf[1024];

	snprintf(buf, sizeof(buf), "%s", dir);
	for (char *p = buf + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(buf, 0700) && errno != EEXIST)
			return -errno;
		*p = '/';
	}
	if (mkdir(buf, 0700) && errno != EEXIST)
		return -errno;
	return 0;
}

/*
 * One publisher a spool: DIR/lock is flock(2)ed (released when the process ends, however
 * it ends) and holds the holder's pid for the message another one gets. A second
 * publisher would remove the first one's .part files and number messages alike.
 */
static int lock_dir(struct spool *sp, char *err)
{
	char path[1100], buf[32];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "%s/lock", sp->dir);
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0)
		return err_set(err, -errno, "create", path);
	if (flock(fd, LOCK_EX | LOCK_NB)) {
		int e = errno;

		n = pread(fd, buf, sizeof(buf) - 1, 0);
		buf[n > 0 ? n : 0] = '\0';
		buf[strcspn(buf, "\n")] = '\0';
		close(fd);
		if (e != EWOULDBLOCK)
			return err_set(err, -e, "lock", path);
		if (err)
			snprintf(err, STREAM_ERR_SIZE, "spool %.150s: in use by another publisher "
				 "(pid %.20s); give each publisher its own --spool-dir", sp->dir,
				 *buf ? buf : "?");
		return -EBUSY;
	}
	n = snprintf(buf, sizeof(buf), "%ld\n", (long)getpid());
	if (ftruncate(fd, 0) == 0 && pwrite(fd, buf, (size_t)n, 0) != n)
		n = 0; /* the lock holds without the pid: only another's message lacks it */
	sp->lock_fd = fd;
	return 0;
}

static int scan(struct spool *sp, char *err)
{
	DIR *d = opendir(sp->dir);
	struct dirent *de;
	int rc = 0;

	if (!d)
		return err_set(err, -errno, "open", sp->dir);
	while (!rc && (de = readdir(d))) {
		char kind[16], path[1300];
		const char *dash = strrchr(de->d_name, '-');
		size_t kl = dash ? (size_t)(dash - de->d_name) : 0;
		struct stat st;
		uint64_t seq;
		char *end;

		if (!dash || !kl || kl >= sizeof(kind) || strlen(dash + 1) < 20)
			continue;
		memcpy(kind, de->d_name, kl);
		kind[kl] = '\0';
		seq = strtoull(dash + 1, &end, 10);
		if (!kind_ok(kind) || end != dash + 21)
			continue;
		snprintf(path, sizeof(path), "%s/%s", sp->dir, de->d_name);
		if (!strcmp(end, ".part")) {
			unlink(path); /* its writer died */
			continue;
		}
		if (*end || stat(path, &st))
			continue;
		rc = add_entry(sp, kind, seq, (uint64_t)st.st_size);
	}
	closedir(d);
	sp->st.peak_bytes = sp->st.bytes;
	if (sp->n) /* qsort's array may not be NULL, even empty */
		qsort(sp->e, sp->n, sizeof(*sp->e), entry_cmp);
	return rc;
}

int spool_open(const char *dir, uint64_t max_bytes, struct spool **out, char *err)
{
	struct spool *sp;
	int rc;

	if (!dir || !*dir || !max_bytes || strlen(dir) >= sizeof(sp->dir))
		return err_set(err, -EINVAL, "directory or size of", dir ? dir : "(none)");
	sp = calloc(1, sizeof(*sp));
	if (!sp)
		return -ENOMEM;
	snprintf(sp->dir, sizeof(sp->dir), "%s", dir);
	sp->max_bytes = max_bytes;
	rc = mkdirs(dir);
	if (rc) {
		free(sp);
		return err_set(err, rc, "create", dir);
	}
	sp->lock_fd = -1;
	rc = lock_dir(sp, err);
	if (!rc)
		rc = scan(sp, err);
	if (rc) {
		spool_close(sp);
		return rc;
	}
	*out = sp;
	return 0;
}

void spool_close(struct spool *sp)
{
	if (!sp)
		return;
	for (int i = 0; i < sp->nseqs; i++)
		close(sp->seqs[i].fd);
	if (sp->map)
		munmap(sp->map, sp->map_len);
	free(sp->rbuf);
	free(sp->e);
	if (sp->lock_fd >= 0)
		close(sp->lock_fd);
	free(sp);
}

int spool_reserve(struct spool *sp, const char *kind, uint64_t *seq, char *path, size_t size)
{
	int i, rc;

	if (!kind_ok(kind))
		return -EINVAL;
	i = seq_slot(sp, kind);
	if (i < 0)
		return i;
	rc = file_path(sp, path, size, kind, sp->seqs[i].next, true);
	if (rc)
		return rc;
	rc = seq_store(sp, i, sp->seqs[i].next + 1);
	if (rc)
		return rc;
	*seq = sp->seqs[i].next++;
	return 0;
}

/* Remove the oldest files not being published until the spool fits its bound. */
static void apply_bound(struct spool *sp)
{
	size_t i = 0;

	while (sp->st.bytes > sp->max_bytes && i < sp->n) {
		char path[1200];

		if (sp->e[i].busy) {
			i++;
			continue;
		}
		if (file_path(sp, path, sizeof(path), sp->e[i].kind, sp->e[i].seq, false) == 0)
			unlink(path);
		sp->st.dropped_files++;
		sp->st.dropped_bytes += sp->e[i].bytes;
		del_entry(sp, i);
	}
}

int spool_commit(struct spool *sp, const char *kind, uint64_t seq, bool keep)
{
	char part[1200], path[1200];
	struct stat st;
	int rc;

	rc = file_path(sp, part, sizeof(part), kind, seq, true);
	if (!rc)
		rc = file_path(sp, path, sizeof(path), kind, seq, false);
	if (rc)
		return rc;
	if (!keep)
		return unlink(part) && errno != ENOENT ? -errno : 0;
	if (rename(part, path) || stat(path, &st))
		return -errno;
	rc = add_entry(sp, kind, seq, (uint64_t)st.st_size);
	if (rc)
		return rc;
	sp->st.added_files++;
	apply_bound(sp);
	return 0;
}

int spool_add(struct spool *sp, const char *kind, const void *data, size_t len)
{
	char path[1200];
	uint64_t seq;
	int fd, rc;

	rc = spool_reserve(sp, kind, &seq, path, sizeof(path));
	if (rc)
		return rc;
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		return -errno;
	for (size_t off = 0; off < len;) {
		ssize_t w = write(fd, (const char *)data + off, len - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			rc = w < 0 ? -errno : -EIO;
			close(fd);
			unlink(path);
			return rc;
		}
		off += (size_t)w;
	}
	if (close(fd)) {
		rc = -errno;
		unlink(path);
		return rc;
	}
	return spool_commit(sp, kind, seq, true);
}

struct spool_entry *spool_entries(struct spool *sp, size_t *n)
{
	*n = sp->n;
	return sp->e;
}

/* Messages from this size on are mapped rather than read (map_file()). */
#define SPOOL_MAP_MIN (2u << 20)

/*
 * A large message's pages mapped (MAP_POPULATE: in one call, no fault a page), which
 * the transport copies from: no copy into a buffer of ours, whose pages, the first
 * time a message of a new size is read, are faulted in one by one (bench/collect, 8
 * MiB chunks: a third of the publisher's page faults). Smaller ones (1 MiB chunks,
 * alerts) are read into the buffer, which then has its pages: a copy costs less than
 * a mapping and its removal. Return 0; -EIO: the file is shorter than when it was
 * added (a mapping would fault past its end); 1: not mapped (the caller reads it).
 */
static int map_file(struct spool *sp, int fd, size_t bytes, const void **data)
{
	struct stat st;
	void *m;

	if (bytes < SPOOL_MAP_MIN)
		return 1;
	if (fstat(fd, &st))
		return -errno;
	if ((uint64_t)st.st_size < bytes)
		return -EIO;
	m = mmap(NULL, bytes, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
	if (m == MAP_FAILED)
		return 1;
	sp->map = m;
	sp->map_len = bytes;
	*data = m;
	return 0;
}

int spool_read(struct spool *sp, const struct spool_entry *e, const void **data, size_t *len)
{
	char path[1200];
	size_t off = 0;
	int fd, rc;

	rc = file_path(sp, path, sizeof(path), e->kind, e->seq, false);
	if (rc)
		return rc;
	if (sp->map) {
		munmap(sp->map, sp->map_len);
		sp->map = NULL;
	}
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	rc = map_file(sp, fd, e->bytes, data);
	if (rc <= 0) {
		close(fd);
		if (!rc)
			*len = e->bytes;
		return rc;
	}
	if (sp->rcap < e->bytes || !sp->rbuf) {
		/* one buffer for every read: fresh pages for each message (a malloc and a
		 * free of a chunk's size) cost more than the read */
		char *b = realloc(sp->rbuf, e->bytes ? e->bytes : 1);

		if (!b) {
			close(fd);
			return -ENOMEM;
		}
		sp->rbuf = b;
		sp->rcap = e->bytes;
	}
	while (off < e->bytes) {
		ssize_t r = read(fd, sp->rbuf + off, e->bytes - off);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			rc = r < 0 ? -errno : -EIO; /* shorter than when it was added */
			close(fd);
			return rc;
		}
		off += (size_t)r;
	}
	close(fd);
	*data = sp->rbuf;
	*len = off;
	return 0;
}

int spool_remove(struct spool *sp, const char *kind, uint64_t seq)
{
	char path[1200];

	for (size_t i = 0; i < sp->n; i++) {
		if (sp->e[i].seq != seq || strcmp(sp->e[i].kind, kind))
			continue;
		del_entry(sp, i);
		if (file_path(sp, path, sizeof(path), kind, seq, false) == 0 && unlink(path) &&
		    errno != ENOENT)
			return -errno;
		return 0;
	}
	return -ENOENT;
}

void spool_get_stats(const struct spool *sp, struct spool_stats *out)
{
	*out = sp->st;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * alert_capture.c - the capture around an alert (alert_capture.h).
 *
 * The ring: one block of mem_bytes (malloc'd once; its pages become resident as the
 * ring first fills them), records of an 8-byte aligned 24-byte header (struct rec) and
 * the raw event as libscap returned it (the 26-byte scap header, the lengths, the
 * params). A record never wraps: when it does not fit before the block's end, the rest
 * of the block is a pad record and it starts at offset 0; it also goes back to offset 0
 * as soon as the room before the oldest record is larger than the ring's content, so
 * that the pages it touches stay near twice its peak. When a burst then outgrows that
 * room while the block still has space, the records are laid out again from the
 * block's start (one copy of the ring's content) rather than dropped: only a content
 * that fills the block itself drops records. head and tail are free-running byte
 * counts. Before an event of time T is added, the oldest record goes while the
 * record after it is at T - before_s or older: the ring's first event is then at least
 * before_s older than T whenever the source is that old. When the block is full the
 * oldest records go too: those are the "dropped by the bound" count (a record larger
 * than the block is dropped and counted there as well).
 *
 * The state at the window's start: the file starts with the inspector's state at the
 * alert (threads, fds, users, containers) less the threads whose own clone exit (the
 * child's, returning 0) is in the ring (sinsp_dump_state_keep()), then every event of
 * the ring, then the events up to after_s past the alert. A reader applies the
 * window's events on top of that state: the threads the window creates are created by
 * their clone events as in the source (sysdig 0.29.3, meeting a clone of a thread it
 * already has, rebuilds the child from its parent when the parent's exit comes and
 * loses the child's execve), and the fds and execs the window holds are applied again
 * in order, so the alerting event sees what it saw live (its thread, its fd: a thread
 * goes after its procexit event and a fd closed by the alerting close exit only, so
 * both are still in the state). What this leaves out: a thread that existed before the
 * window and exited within it, or an fd closed within it, is not in the state; the
 * window's events of that thread or fd before its end show <NA> for it. A snapshot of
 * the state at the window's start would cost a copy of the whole state every before_s
 * seconds for that; the alerting event, the reason for the file, does not need it.
 *
 * Overlapping alerts: an alert while a file is open (within its after window) extends
 * that window to its own time + after_s; one file holds a burst of alerts, named by the
 * first. A file open at the end of the source ends there.
 *
 * File names: DIR/YYYYmmddTHHMMSS.nnnnnnnnnZ_RULE.scap (UTC time of the alerting event;
 * RULE: the rule's name with every byte but [A-Za-z0-9._-] as '_', cut at 96 bytes);
 * "-2", "-3", ... before ".scap" when the name exists.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <scry/scap.h>
#include <scry/scap_dump.h>
#include <scry/sinsp_dump.h>

#include "alert_capture.h"

#define NS_PER_S UINT64_C(1000000000)
#define PAD_FLAGS UINT32_MAX  /* flags of a pad record (not an event flag value) */
#define RULE_NAME_MAX 96

/* A record's header in the ring; the raw event follows. */
struct rec {
	uint32_t size;           /* bytes of the record, header included, multiple of 8 */
	uint32_t flags;          /* the event's flags, or PAD_FLAGS */
	uint64_t ts;
	uint16_t cpu;
	uint16_t unused;
	uint32_t len;            /* bytes of the raw event */
};
_Static_assert(sizeof(struct rec) == 24, "ring record header");

struct scry_capture {
	const struct scry_capture_opts *o;
	uint8_t *buf;
	uint64_t cap;            /* bytes of buf, multiple of 8 */
	uint64_t head, tail;     /* free-running byte counts */
	uint64_t count;          /* events in the ring */
	uint64_t bytes;          /* bytes of their records (pads left out) */
	uint64_t peak_bytes, peak_count;
	uint64_t dropped;        /* events dropped because of the byte bound */
	struct scap_dumper *d;   /* the open file, NULL: none */
	char name[4096];
	uint64_t end_ts;         /* the open file's window ends after this event time */
	uint64_t container_mark; /* container changes the open file holds (sinsp_dump.h) */
	uint64_t files, alerts;
};

static struct rec *rec_at(struct scry_capture *c, uint64_t pos)
{
	return (struct rec *)(void *)(c->buf + pos % c->cap);
}

/* The position of the first real record at or after @pos (pads skipped). */
static uint64_t skip_pads(struct scry_capture *c, uint64_t pos)
{
	while (pos != c->tail && rec_at(c, pos)->flags == PAD_FLAGS)
		pos += rec_at(c, pos)->size;
	return pos;
}

/*
 * Lay the records out again from the start of the next block, in order, pads left out
 * (the room before the oldest record ran out while the block has room). Returns false,
 * the ring unchanged, when no copy buffer can be had.
 */
static bool compact(struct scry_capture *c)
{
	uint8_t *tmp = malloc(c->bytes);
	uint64_t pos, n = 0;

	if (!tmp)
		return false;
	for (pos = c->head; pos != c->tail;) {
		struct rec *r = rec_at(c, pos);

		if (r->flags != PAD_FLAGS) {
			memcpy(tmp + n, r, r->size);
			n += r->size;
		}
		pos += r->size;
	}
	c->head = (c->tail + c->cap - 1) / c->cap * c->cap;
	memcpy(c->buf, tmp, n);
	c->tail = c->head + n;
	free(tmp);
	return true;
}

static void evict(struct scry_capture *c)
{
	c->bytes -= rec_at(c, c->head)->size;
	c->head = skip_pads(c, c->head + rec_at(c, c->head)->size);
	c->count--;
}

int scry_capture_check(const struct scry_capture_opts *o)
{
	struct stat st;
	int err = 0;

	if (stat(o->dir, &st) != 0)
		err = errno;
	else if (!S_ISDIR(st.st_mode))
		err = ENOTDIR;
	else if (faccessat(AT_FDCWD, o->dir, W_OK | X_OK, AT_EACCESS) != 0)
		err = errno;
	if (err) {
		fprintf(stderr, "scry: --capture-dir %s: %s\n", o->dir, strerror(err));
		return 1;
	}
	return 0;
}

int scry_capture_new(const struct scry_capture_opts *o, struct scry_capture **out)
{
	struct scry_capture *c;

	*out = NULL;
	if (o->mem_bytes < (64u << 10)) {
		fprintf(stderr, "scry: --capture-mem: at least 64 KiB\n");
		return 1;
	}
	c = calloc(1, sizeof(*c));
	if (c) {
		c->cap = o->mem_bytes & ~7ull;
		c->buf = malloc(c->cap);
	}
	if (!c || !c->buf) {
		fprintf(stderr, "scry: --capture-mem: out of memory for %" PRIu64 " bytes\n",
			o->mem_bytes);
		free(c);
		return 1;
	}
	c->o = o;
	*out = c;
	return 0;
}

static void ring_push(struct scry_capture *c, const struct scap_evt_ref *e)
{
	uint64_t sz = (sizeof(struct rec) + e->len + 7) & ~7ull;
	uint64_t before = c->o->before_s * NS_PER_S, p, hp, need;
	struct rec *r;
	bool wrap;

	if (sz > c->cap) {
		c->dropped++;
		return;
	}
	/* by time: keep the newest record at T - before or older, drop those before it */
	while (c->count >= 2) {
		uint64_t next = skip_pads(c, c->head + rec_at(c, c->head)->size);

		if (rec_at(c, next)->ts > e->ts_ns || e->ts_ns - rec_at(c, next)->ts < before)
			break;
		evict(c);
	}
	if (!c->count) /* empty: start at the block's start */
		c->head = c->tail = (c->tail + c->cap - 1) / c->cap * c->cap;
	p = c->tail % c->cap;
	hp = c->head % c->cap;
	/*
	 * Back to the block's start once the room before the oldest record exceeds what the
	 * ring holds: the pages touched stay near twice the peak, not the whole bound.
	 */
	wrap = p + sz > c->cap || (c->count && p > hp && hp >= sz && hp > c->tail - c->head);
	need = sz + (wrap ? c->cap - p : 0);
	/* the room before the oldest record is short, the block is not: compact */
	if (c->count && c->cap - (c->tail - c->head) < need && c->bytes + sz <= c->cap &&
	    compact(c)) {
		p = c->tail % c->cap;
		wrap = false;
		need = sz;
	}
	/* by bytes */
	while (c->count && c->cap - (c->tail - c->head) < need) {
		evict(c);
		c->dropped++;
	}
	if (!c->count) {
		c->head = c->tail = (c->tail + c->cap - 1) / c->cap * c->cap;
		p = 0;
		wrap = false;
	}
	if (wrap) {
		r = rec_at(c, c->tail);
		r->size = (uint32_t)(c->cap - p);
		r->flags = PAD_FLAGS;
		c->tail += c->cap - p;
	}
	r = rec_at(c, c->tail);
	*r = (struct rec){ .size = (uint32_t)sz, .flags = e->flags, .ts = e->ts_ns,
			   .cpu = e->cpu, .len = e->len };
	memcpy(r + 1, e->raw, e->len);
	c->tail += sz;
	c->count++;
	c->bytes += sz;
	if (c->bytes > c->peak_bytes)
		c->peak_bytes = c->bytes;
	if (c->count > c->peak_count)
		c->peak_count = c->count;
}

/* The scap view of a ring record: type and nparams from the raw header (scap.h). */
static void rec_ref(const struct rec *r, struct scap_evt_ref *e)
{
	const uint8_t *raw = (const uint8_t *)(r + 1);

	*e = (struct scap_evt_ref){ .sz = sizeof(*e), .raw = raw, .len = r->len, .ts_ns = r->ts,
				    .cpu = r->cpu, .flags = r->flags };
	memcpy(&e->tid, raw + 8, sizeof(e->tid));
	memcpy(&e->type, raw + 20, sizeof(e->type));
	memcpy(&e->nparams, raw + 22, sizeof(e->nparams));
}

static int file_fail(struct scry_capture *c, const char *what)
{
	char err[SCAP_ERRBUF_SIZE];

	fprintf(stderr, "scry: %s: %s\n", c->name, what);
	scap_dump_close(c->d, err);
	c->d = NULL;
	return 1;
}

static int file_close(struct scry_capture *c)
{
	char err[SCAP_ERRBUF_SIZE];

	if (!c->d)
		return 0;
	if (scap_dump_close(c->d, err)) {
		c->d = NULL;
		fprintf(stderr, "scry: %s\n", err);
		return 1;
	}
	c->d = NULL;
	return 0;
}

static int write_event(struct scry_capture *c, sinsp_t *s, const struct scap_evt_ref *e)
{
	/* metadata a runtime gave since the last event: its record comes first */
	if (sinsp_dump_changed_containers(s, c->d, &c->container_mark, e->ts_ns) ||
	    scap_dump_event(c->d, e, e->flags))
		return file_fail(c, scap_dump_last_error(c->d));
	return 0;
}

int scry_capture_event(struct scry_capture *c, sinsp_t *s, const struct sinsp_evt *evt)
{
	const struct scap_evt_ref *e = sinsp_evt_raw(evt);

	ring_push(c, e);
	if (!c->d)
		return 0;
	if (e->ts_ns > c->end_ts)
		return file_close(c);
	return write_event(c, s, e);
}

/* DIR/TIME_RULE.scap, with -N when it exists. */
static void file_name(struct scry_capture *c, uint64_t ts, const char *rule)
{
	char safe[RULE_NAME_MAX + 1], when[32];
	time_t sec = (time_t)(ts / NS_PER_S);
	struct tm tm;
	size_t i;
	int n;

	for (i = 0; rule[i] && i < RULE_NAME_MAX; i++) {
		char ch = rule[i];
		bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
			  (ch >= '0' && ch <= '9') || ch == '.' || ch == '_' || ch == '-';

		safe[i] = ok ? ch : '_';
	}
	safe[i] = '\0';
	if (i && safe[0] == '.')
		safe[0] = '_';
	gmtime_r(&sec, &tm);
	strftime(when, sizeof(when), "%Y%m%dT%H%M%S", &tm);
	snprintf(c->name, sizeof(c->name), "%s/%s.%09" PRIu64 "Z_%s.scap", c->o->dir, when,
		 ts % NS_PER_S, safe);
	for (n = 2; access(c->name, F_OK) == 0; n++)
		snprintf(c->name, sizeof(c->name), "%s/%s.%09" PRIu64 "Z_%s-%d.scap", c->o->dir,
			 when, ts % NS_PER_S, safe, n);
}

/*
 * Is @e the child's own clone family exit (it returns 0 in the child)? That event creates
 * the thread in a reader, with all it needs; the tid into *@child. A parent's exit alone
 * (the child's was before the window, or lost) leaves the thread in the state.
 */
static bool clone_exit_child(const struct scap_evt_ref *e, int64_t *child)
{
	const struct scap_evt_info *info;
	struct scap_param res;
	int64_t v;

	/* exits are the odd types (driver/abi/scap_events.h) */
	if (!(e->type & 1) || !(info = scap_evt_info(e->type)) || !info->name ||
	    (strcmp(info->name, "clone") && strcmp(info->name, "clone3") &&
	     strcmp(info->name, "fork") && strcmp(info->name, "vfork")))
		return false;
	if (scap_evt_params(e, &res, 1) < 1 || res.len != sizeof(v))
		return false;
	memcpy(&v, res.val, sizeof(v));
	*child = (int64_t)e->tid;
	return v == 0;
}

static int cmp_tid(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* The threads the window creates, sorted (sinsp_dump_state_keep() leaves them out). */
struct born {
	int64_t *tids;
	size_t n;
};

static bool keep_thread(int64_t tid, void *ctx)
{
	const struct born *b = ctx;

	return !b->n || !bsearch(&tid, b->tids, b->n, sizeof(tid), cmp_tid);
}

static int collect_born(struct scry_capture *c, struct born *b)
{
	size_t cap = 0;
	uint64_t pos;

	for (pos = c->head; pos != c->tail; pos = skip_pads(c, pos + rec_at(c, pos)->size)) {
		struct scap_evt_ref ref;
		int64_t child;

		rec_ref(rec_at(c, pos), &ref);
		if (!clone_exit_child(&ref, &child))
			continue;
		if (b->n == cap) {
			int64_t *p = realloc(b->tids, (cap = cap ? 2 * cap : 64) * sizeof(*p));

			if (!p)
				return -ENOMEM;
			b->tids = p;
		}
		b->tids[b->n++] = child;
	}
	if (b->n)
		qsort(b->tids, b->n, sizeof(*b->tids), cmp_tid);
	return 0;
}

int scry_capture_alert(struct scry_capture *c, sinsp_t *s, const struct sinsp_evt *evt,
		       const char *rule)
{
	const struct scap_evt_ref *e = sinsp_evt_raw(evt);
	uint64_t after = c->o->after_s * NS_PER_S, end, pos;
	char err[SCAP_ERRBUF_SIZE];
	struct born born = { 0 };
	int rc;

	c->alerts++;
	end = e->ts_ns > UINT64_MAX - after ? UINT64_MAX : e->ts_ns + after;
	if (c->d) {
		if (end > c->end_ts)
			c->end_ts = end;
		return 0;
	}
	file_name(c, e->ts_ns, rule);
	SCAP_OPTS(scap_dump_opts, o, .path = c->name, .compat_0293 = c->o->compat_0293);
	if (scap_dump_open(&o, &c->d, err)) {
		fprintf(stderr, "scry: %s\n", err);
		return 1;
	}
	c->files++;
	c->end_ts = end;
	/* the state at the alert, less the threads the window's events create again */
	rc = collect_born(c, &born);
	if (!rc)
		rc = sinsp_dump_state_keep(s, c->d, keep_thread, &born);
	free(born.tids);
	if (rc)
		return file_fail(c, rc == -ENOMEM ? "out of memory" : scap_dump_last_error(c->d));
	c->container_mark = sinsp_container_changes(s);
	/* the ring ends with the alerting event */
	for (pos = c->head; pos != c->tail; pos = skip_pads(c, pos + rec_at(c, pos)->size)) {
		struct scap_evt_ref ref;

		rec_ref(rec_at(c, pos), &ref);
		if (scap_dump_event(c->d, &ref, ref.flags))
			return file_fail(c, scap_dump_last_error(c->d));
	}
	return 0;
}

int scry_capture_end(struct scry_capture *c, FILE *f)
{
	int status;

	if (!c)
		return 0;
	status = file_close(c);
	fprintf(f, "Capture ring: %" PRIu64 " bytes bound, peak %" PRIu64 " bytes (%" PRIu64
		" events), %" PRIu64 " events dropped by the bound; %" PRIu64 " files written to "
		"%s for %" PRIu64 " alerts\n", c->cap, c->peak_bytes, c->peak_count, c->dropped,
		c->files, c->o->dir, c->alerts);
	free(c->buf);
	free(c);
	return status;
}

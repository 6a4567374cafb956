/* SPDX-License-Identifier: Apache-2.0 */
/*
 * engine.c - the stream engine "stream": reads hosts' capture chunks back from a bus
 * (opts.path = nats://HOST:PORT/STREAM?host=A[,B...][&since=TIME]) and replays them as
 * one capture.
 *
 * Per host: a reader of the subject STREAM.capture.HOST from the first chunk stored at
 * or after since= (or the first kept). Each chunk is a complete capture (pub.c,
 * scap_stream.h), opened in memory with libscap's savefile engine. Chunks are replayed
 * in sequence order (the SEQ of their message id HOST/capture/SEQ): a chunk already
 * replayed (a copy the bus stored twice) is skipped; one that comes before an earlier
 * missing one (sent again after a failure) waits in a reorder buffer until the missing
 * one comes, or, when the bus has nothing more or MAX_STASH chunks wait, the gap is
 * given up (chunks the publisher's full spool dropped).
 *
 * State: the state blocks of each host's first chunk are the capture's initial state
 * (scap_engine_set_state(); with several hosts, each host's own in scap_state.sources,
 * since their thread ids may be equal, and their threads side by side). The state
 * blocks of each later chunk go with its first event (scap_engine_set_state_update():
 * scap_get_state_update() of the consumer, which adds the threads, users and groups
 * it lacks): mostly what the events before them already built, but also what they
 * could not tell: the processes started while the publisher was down (restarted),
 * or during the chunks of a gap given up.
 * The container table a later chunk starts with (container records before its first
 * other event) is merged the same way: the record of a container the replay has
 * already had is left out, one of a new container (learned between the chunks) is
 * replayed flagged
 * state-only (SCAP_DUMP_FLAG_STATE_ONLY: applied to the container table, not shown),
 * as the records a capture file starts with are.
 *
 * Several hosts: their events merged by timestamp (the smallest first; on a tie the
 * host named first), as the per-CPU streams of a live capture are.
 */
#define _GNU_SOURCE /* memmem */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <scry/scap.h>
#include <scry/scap_dump.h>
#include <scry/scap_engine.h>
#include <scry/scap_stream.h>

#include "hosts.h"
#include "registry.h"
#include "url.h"

#define MAX_HOSTS 64
#define MAX_STASH 64          /* chunks waiting for an earlier one */
#define FIRST_LOOK 8          /* chunks read before the first is chosen */

struct chunk {
	uint64_t seq;
	void *data;
	size_t len;
};

struct host_src {
	char name[256];
	void *c;                   /* the transport's consumer */
	bool caught_up;            /* the bus has no more */
	bool have_last;
	uint64_t last_seq;         /* the last chunk replayed */
	struct chunk stash[MAX_STASH];
	int nstash;
	scap_t *cur;               /* the chunk being replayed */
	void *cur_data;
	scap_t *state_h;           /* the first chunk: owns the state */
	void *state_data;
	struct scap_evt_ref ev;    /* its next event, when have_ev */
	bool have_ev, done;
	bool consumed;             /* ev was returned: advance before the next pick */
	bool lead;                 /* cur is a later chunk still in its container table */
	bool fresh;                /* cur is a later chunk whose first event is not returned:
	                              its state goes with it */
	uint64_t *seen;            /* containers replayed, container_key() (open set) */
	size_t nseen, cap_seen;    /* cap_seen: a power of two */
};

struct stream_engine {
	struct stream_url *u;
	const struct stream_transport_ops *t;
	struct host_src *hs;
	int nh;
	struct scap_threadinfo *threads;  /* several hosts: the threads of all */
	struct scap_state *sources;       /* several hosts: each one's state (nh entries) */
};

static int stash_min(const struct host_src *hs)
{
	int m = 0;

	for (int i = 1; i < hs->nstash; i++)
		if (hs->stash[i].seq < hs->stash[m].seq)
			m = i;
	return m;
}

static int stash_find(const struct host_src *hs, uint64_t seq)
{
	for (int i = 0; i < hs->nstash; i++)
		if (hs->stash[i].seq == seq)
			return i;
	return -1;
}

/*
 * The first chunk of a later run (another spool of the host: scap_stream.h) in @hs's
 * stash, when no chunk of the run replayed last waits there: the run before ended, the
 * numbers between them never come. -1: none.
 */
static int stash_next_run(const struct host_src *hs)
{
	int m = -1;

	for (int i = 0; i < hs->nstash; i++) {
		uint64_t seq = hs->stash[i].seq;

		if ((seq >> STREAM_RUN_SHIFT) == (hs->last_seq >> STREAM_RUN_SHIFT))
			return -1;
		if (stream_seq_starts_run(seq, hs->last_seq) && (m < 0 || seq < hs->stash[m].seq))
			m = i;
	}
	return m;
}

/* Read one more message of @hs into its stash; sets caught_up at the end. */
static int read_one(scap_t *h, struct stream_engine *e, struct host_src *hs)
{
	char err[STREAM_ERR_SIZE] = "";
	const char *id = NULL;
	const void *data;
	size_t len;
	uint64_t seq;
	int rc;

	rc = e->t->consumer_next(hs->c, &data, &len, &id, err);
	if (rc == 1) {
		hs->caught_up = true;
		return 0;
	}
	if (rc < 0)
		return scap_engine_err(h, rc, "%s", err);
	if (stream_msg_id_seq(id, &seq))
		return scap_engine_err(h, -EPROTO, "%s: host %s: a capture message without a "
				       "HOST/capture/SEQ id (%s)", e->u->name, hs->name,
				       id ? id : "none");
	if (!stream_msg_id_of(id, hs->name))
		return 0; /* another host whose name maps to the same subject */
	if ((hs->have_last && seq <= hs->last_seq) || stash_find(hs, seq) >= 0)
		return 0; /* a copy */
	hs->stash[hs->nstash].data = malloc(len ? len : 1);
	if (!hs->stash[hs->nstash].data)
		return -ENOMEM;
	memcpy(hs->stash[hs->nstash].data, data, len);
	hs->stash[hs->nstash].len = len;
	hs->stash[hs->nstash].seq = seq;
	hs->nstash++;
	return 0;
}

/*
 * The next chunk of @hs in sequence order into *@out (data owned by the caller).
 * Return 0, SCAP_EOF when there is none, -errno.
 */
static int next_chunk(scap_t *h, struct stream_engine *e, struct host_src *hs,
		      struct chunk *out)
{
	for (;;) {
		int i = -1, rc;

		if (hs->have_last)
			i = stash_find(hs, hs->last_seq + 1);
		if (i < 0 && hs->have_last)
			i = stash_next_run(hs);
		if (i < 0 && hs->nstash &&
		    (hs->caught_up || hs->nstash == MAX_STASH ||
		     (!hs->have_last && hs->nstash >= FIRST_LOOK)))
			i = stash_min(hs); /* the first chunk, or a gap given up */
		if (i >= 0) {
			*out = hs->stash[i];
			hs->stash[i] = hs->stash[--hs->nstash];
			hs->have_last = true;
			hs->last_seq = out->seq;
			return 0;
		}
		if (hs->caught_up)
			return SCAP_EOF;
		rc = read_one(h, e, hs);
		if (rc)
			return rc;
	}
}

static bool is_container(uint16_t type)
{
	return type == SCAP_EVT_CONTAINER_E || type == SCAP_EVT_CONTAINER_JSON_E ||
	       type == SCAP_EVT_CONTAINER_JSON_2_E;
}

/*
 * The container a container record describes, as a hash (FNV-1a) of its id: the value
 * of the first "id" key of the JSON (CONTAINER_JSON_E, _2_E), or the first parameter
 * (CONTAINER_E: id, type, name, image). Records of one container written at different
 * times differ in form (the runtime's fields, the table's), so the id is compared.
 */
static uint64_t container_key(const struct scap_evt_ref *ev)
{
	struct scap_param p[1];
	const uint8_t *v, *end;
	uint64_t x = 1469598103934665603ull;

	if (scap_evt_params(ev, p, 1) < 1)
		return 1;
	v = p[0].val;
	end = v + p[0].len;
	if (ev->type != SCAP_EVT_CONTAINER_E) {
		static const char key[] = "\"id\":\"";
		const uint8_t *k = memmem(v, (size_t)(end - v), key, sizeof(key) - 1);

		if (!k)
			return 1;
		v = k + sizeof(key) - 1;
		end = memchr(v, '"', (size_t)(end - v));
		if (!end)
			return 1;
	}
	for (; v < end && *v; v++)
		x = (x ^ *v) * 1099511628211ull;
	return x | 1; /* 0 marks a free slot */
}

/* Add @x to the set of @hs; return whether it was there already. */
static bool seen_add(struct host_src *hs, uint64_t x)
{
	size_t i;

	if ((hs->nseen + 1) * 2 > hs->cap_seen) {
		size_t cap = hs->cap_seen ? hs->cap_seen * 2 : 64;
		uint64_t *n = calloc(cap, sizeof(*n));

		if (!n)
			return false; /* replayed twice rather than lost */
		for (size_t j = 0; j < hs->cap_seen; j++) {
			if (!hs->seen[j])
				continue;
			for (i = hs->seen[j] & (cap - 1); n[i]; i = (i + 1) & (cap - 1))
				;
			n[i] = hs->seen[j];
		}
		free(hs->seen);
		hs->seen = n;
		hs->cap_seen = cap;
	}
	for (i = x & (hs->cap_seen - 1); hs->seen[i]; i = (i + 1) & (hs->cap_seen - 1))
		if (hs->seen[i] == x)
			return true;
	hs->seen[i] = x;
	hs->nseen++;
	return false;
}

static int open_chunk(scap_t *h, struct host_src *hs, struct chunk *c, scap_t **out)
{
	char errbuf[SCAP_ERRBUF_SIZE];
	SCAP_OPTS(scap_open_opts, so, .engine = "savefile", .buf = c->data, .buf_len = c->len);
	int rc = scap_open(&so, out, errbuf);

	if (rc)
		return scap_engine_err(h, rc < 0 ? rc : -EPROTO, "host %s: chunk %llu: %s",
				       hs->name, (unsigned long long)c->seq, errbuf);
	return 0;
}

/* The next event of @hs into hs->ev (have_ev), or hs->done. */
static int host_advance(scap_t *h, struct stream_engine *e, struct host_src *hs)
{
	hs->have_ev = false;
	while (!hs->done) {
		struct chunk c;
		int rc;

		if (hs->cur) {
			hs->ev.sz = sizeof(hs->ev);
			rc = scap_next(hs->cur, &hs->ev);
			if (rc == 0) {
				/*
				 * A chunk starts with the container table: the records the
				 * host's replay has seen are not replayed again, the new ones
				 * (learned between two chunks) are.
				 */
				if (is_container(hs->ev.type)) {
					if (seen_add(hs, container_key(&hs->ev)) && hs->lead)
						continue;
					if (hs->lead)
						hs->ev.flags |= SCAP_DUMP_FLAG_STATE_ONLY;
				} else {
					hs->lead = false;
				}
				hs->have_ev = true;
				return 0;
			}
			if (rc == SCAP_TIMEOUT)
				continue;
			if (rc != SCAP_EOF)
				return scap_engine_err(h, rc < 0 ? rc : -EIO, "host %s: chunk %llu: %s",
						       hs->name, (unsigned long long)hs->last_seq,
						       scap_last_error(hs->cur));
			if (hs->cur != hs->state_h) {
				scap_close(hs->cur);
				free(hs->cur_data);
			}
			hs->cur = NULL;
			hs->cur_data = NULL;
		}
		rc = next_chunk(h, e, hs, &c);
		if (rc == SCAP_EOF) {
			hs->done = true;
			return 0;
		}
		if (rc)
			return rc;
		rc = open_chunk(h, hs, &c, &hs->cur);
		if (rc) {
			free(c.data);
			return rc;
		}
		hs->cur_data = c.data;
		hs->lead = hs->fresh = hs->state_h != NULL;
		if (!hs->state_h) {
			hs->state_h = hs->cur;
			hs->state_data = c.data;
		}
	}
	return 0;
}

static void engine_close(scap_t *h)
{
	struct stream_engine *e = scap_engine_priv(h);

	if (!e)
		return;
	for (int i = 0; i < e->nh; i++) {
		struct host_src *hs = &e->hs[i];

		if (hs->cur && hs->cur != hs->state_h) {
			scap_close(hs->cur);
			free(hs->cur_data);
		}
		if (hs->state_h) {
			scap_close(hs->state_h);
			free(hs->state_data);
		}
		for (int j = 0; j < hs->nstash; j++)
			free(hs->stash[j].data);
		free(hs->seen);
		if (hs->c)
			e->t->consumer_close(hs->c);
	}
	free(e->hs);
	free(e->threads);
	free(e->sources);
	stream_url_free(e->u);
	free(e);
	scap_engine_set_priv(h, NULL);
}

/*
 * The initial state: the first chunk's of each host. Several hosts: each host's own in
 * .sources (so that a consumer keeps hosts' threads apart: their thread ids may be
 * equal), and their threads side by side at the top for consumers that read one list.
 */
static int set_state(scap_t *h, struct stream_engine *e)
{
	struct scap_state all = { .sz = sizeof(all) };
	uint32_t n = 0, ns = 0;
	bool first = true;

	if (e->nh > 1) {
		e->sources = calloc((size_t)e->nh, sizeof(*e->sources));
		if (!e->sources)
			return -ENOMEM;
	}
	for (int i = 0; i < e->nh; i++) {
		struct scap_state st = { .sz = sizeof(st) };

		if (!e->hs[i].state_h)
			continue;
		scap_get_state(e->hs[i].state_h, &st);
		st.source = e->hs[i].name;
		if (e->sources)
			e->sources[ns++] = st;
		if (first) {
			all = st;
			first = false;
			n = st.nthreads;
			continue;
		}
		if (st.nthreads) {
			struct scap_threadinfo *t = realloc(e->threads, (n + st.nthreads) * sizeof(*t));

			if (!t)
				return -ENOMEM;
			if (!e->threads && n)
				memcpy(t, all.threads, n * sizeof(*t));
			memcpy(t + n, st.threads, st.nthreads * sizeof(*t));
			e->threads = t;
			n += st.nthreads;
			all.threads = t;
			all.nthreads = n;
		}
	}
	all.source = NULL;
	all.sources = ns > 1 ? e->sources : NULL;
	all.nsources = ns > 1 ? ns : 0;
	return scap_engine_set_state(h, &all);
}

static int engine_open(scap_t *h, const struct scap_open_opts *opts)
{
	char err[STREAM_ERR_SIZE] = "";
	struct stream_engine *e;
	char *hosts, *save = NULL;
	int rc;

	if (!opts->path)
		return scap_engine_err(h, -EINVAL, "stream: no URL (opts.path)");
	e = calloc(1, sizeof(*e));
	if (!e)
		return -ENOMEM;
	scap_engine_set_priv(h, e);
	rc = stream_url_parse(opts->path, &e->u, err);
	if (rc) {
		rc = scap_engine_err(h, rc, "%s", err);
		goto fail;
	}
	rc = stream_transport_get(e->u->scheme, &e->t, err);
	if (!rc)
		rc = stream_url_check_keys(e->u, stream_reader_keys, e->t->producer_keys, err);
	if (rc) {
		rc = scap_engine_err(h, rc, "%s", err);
		goto fail;
	}
	if (!e->u->host) {
		rc = scap_engine_err(h, -EINVAL, "%s: which host? (?host=NAME[,NAME...])",
				     opts->path);
		goto fail;
	}
	e->hs = calloc(MAX_HOSTS, sizeof(*e->hs));
	hosts = strdup(e->u->host);
	if (!e->hs || !hosts) {
		free(hosts);
		rc = -ENOMEM;
		goto fail;
	}
	for (char *t = strtok_r(hosts, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		struct host_src *hs;
		char subject[512];

		if (e->nh == MAX_HOSTS) {
			free(hosts);
			rc = scap_engine_err(h, -EINVAL, "more than %d hosts", MAX_HOSTS);
			goto fail;
		}
		hs = &e->hs[e->nh++];
		snprintf(hs->name, sizeof(hs->name), "%s", t);
		rc = stream_subject(subject, sizeof(subject), e->u->name, STREAM_KIND_CAPTURE, t);
		if (!rc)
			rc = e->t->consumer_open(e->u, subject, &hs->c, err);
		if (rc) {
			free(hosts);
			rc = scap_engine_err(h, rc, "%s", err[0] ? err : "host name too long");
			goto fail;
		}
	}
	free(hosts);
	/* each host's first event: its first chunk gives the state */
	for (int i = 0; i < e->nh; i++) {
		rc = host_advance(h, e, &e->hs[i]);
		/* nothing to replay: a misspelt host? */
		if (!rc && !e->hs[i].state_h) {
			rc = stream_host_check(e->t, e->u, opts->path, STREAM_KIND_CAPTURE,
					       e->hs[i].name, err);
			/* 1: the bus cannot tell a misspelt host (Kafka with since=): say so */
			if (rc == 1)
				scap_engine_log(h, SCAP_LOG_WARN, "%s", err);
			rc = rc < 0 ? scap_engine_err(h, rc, "%s", err) : 0;
		}
		if (rc)
			goto fail;
	}
	rc = set_state(h, e);
	if (rc)
		goto fail;
	return 0;
fail:
	engine_close(h);
	return rc;
}

static int engine_next(scap_t *h, struct scap_evt_ref *out)
{
	struct stream_engine *e = scap_engine_priv(h);
	struct host_src *best = NULL;
	size_t sz = out->sz;

	/* the state given with the event returned last was valid until this call */
	scap_engine_set_state_update(h, NULL);
	for (int i = 0; i < e->nh; i++) {
		struct host_src *hs = &e->hs[i];

		/* the event returned last was valid until this call: now read on */
		if (hs->consumed) {
			int rc = host_advance(h, e, hs);

			hs->consumed = false;
			if (rc)
				return rc;
		}
		if (hs->have_ev && (!best || hs->ev.ts_ns < best->ev.ts_ns))
			best = hs;
	}
	if (!best)
		return SCAP_EOF;
	*out = best->ev;
	out->sz = sz;
	best->consumed = true;
	scap_engine_set_evt_source(h, best->name);
	if (best->fresh) {
		/* the first event of a later chunk: the chunk's state goes with it */
		struct scap_state st = { .sz = sizeof(st) };

		scap_get_state(best->cur, &st);
		st.source = best->name;
		scap_engine_set_state_update(h, &st);
		best->fresh = false;
	}
	return 0;
}

static const struct scap_engine_ops stream_engine_ops = {
	.sz = sizeof(struct scap_engine_ops),
	.name = "stream",
	.open = engine_open,
	.close = engine_close,
	.next = engine_next,
};

const struct scap_engine_ops *scap_stream_engine(void)
{
	return &stream_engine_ops;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * pub.c - the publisher of scap_stream.h: spool -> transport, acknowledgements back.
 *
 * Sending: the spool's messages, oldest first, at most MAX_INFLIGHT unacknowledged at
 * once (each read from its file into the spool's buffer and handed to the transport,
 * which copies it). A message the bus acknowledges is removed from the spool; one it
 * does not (a failed ack, a timeout, a disconnected bus) is sent again after a
 * back-off (250 ms doubling up to 2 s, reset by the next success). Sends keep sequence order except around a
 * failure: a later message may be stored before the one sent again; the reader
 * (engine.c) puts chunks back in sequence order.
 *
 * Threads: a sender thread of the publisher's own does all the sending and takes the
 * acknowledgements (the transport's handle is its alone until close), so that messages
 * go out and are removed from the spool while the caller is busy or blocked (reading
 * its input). The caller's calls and the sender share the spool and the counters under
 * one mutex.
 */
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <scry/scap_stream.h>

#include "registry.h"
#include "spool.h"
#include "url.h"

#define MAX_INFLIGHT 32
#define BACKOFF_MIN_MS 250
#define BACKOFF_MAX_MS 2000
#define CLOSE_WAIT_MS 1000
#define SENDER_POLL_MS 20          /* the sender looks at the spool at least this often */
#define DEFAULT_SPOOL_BYTES (1ull << 30)
#define KEY_MAX 255                /* bytes of a message's key (scap_stream_pub_send_key()) */

struct scap_stream_pub {
	struct stream_url *u;
	const struct stream_transport_ops *t;
	void *tp;                    /* the transport's producer */
	struct spool *sp;
	char host[256];
	uint64_t drained_ms;         /* the timeouts of scap_stream_pub_drain() so far, summed */
	char errbuf[SCAP_ERRBUF_SIZE];
	bool chunk_open;
	uint64_t chunk_seq;
	uint32_t inflight;
	struct sent *sent;           /* messages given to the transport, not acknowledged */
	uint64_t retry_at_ns;        /* CLOCK_MONOTONIC: no send before */
	uint32_t backoff_ms;
	struct scap_stream_pub_stats st;
	int async_err;               /* the sender's last error (0 none) */
	char send_err[STREAM_ERR_SIZE]; /* why sends or deliveries failed since the last
	                                   acknowledgement ("" none) */
	pthread_t sender;
	bool stop;
	pthread_mutex_t lock;        /* spool, counters, inflight, errbuf */
	pthread_cond_t changed;      /* a message was acknowledged or failed */
};

/* What an acknowledgement refers to (the transport's msg_ctx); linked in the
 * publisher's list until acknowledged, so that close frees those never acknowledged. */
struct sent {
	char kind[16];
	uint64_t seq;
	uint64_t bytes;
	struct sent *prev, *next;
};

static uint64_t now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * 1000000000ull + (uint64_t)t.tv_nsec;
}

__attribute__((format(printf, 3, 4)))
static int pub_err(struct scap_stream_pub *p, int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(p->errbuf, sizeof(p->errbuf), fmt, ap);
	va_end(ap);
	return code;
}

/* A send or a delivery failed with @rc: keep why (the transport's words, naming the
 * server, else the errno), for the message of a drain that times out. */
static void note_send_failure(struct scap_stream_pub *p, int rc)
{
	char err[STREAM_ERR_SIZE];

	if (p->t->producer_last_error && p->t->producer_last_error(p->tp, err) == 0)
		snprintf(p->send_err, sizeof(p->send_err), "%s", err);
	else
		snprintf(p->send_err, sizeof(p->send_err), "%s %.150s: send: %s", p->u->scheme,
			 p->u->servers, strerror(-rc));
}

/* The bus failed a send: none before a delay that doubles up to BACKOFF_MAX_MS. */
static void backoff(struct scap_stream_pub *p)
{
	p->backoff_ms = p->backoff_ms ? p->backoff_ms * 2 : BACKOFF_MIN_MS;
	if (p->backoff_ms > BACKOFF_MAX_MS)
		p->backoff_ms = BACKOFF_MAX_MS;
	p->retry_at_ns = now_ns() + p->backoff_ms * 1000000ull;
}

static void sent_unlink(struct scap_stream_pub *p, struct sent *s)
{
	if (s->prev)
		s->prev->next = s->next;
	else
		p->sent = s->next;
	if (s->next)
		s->next->prev = s->prev;
}

static struct spool_entry *find_entry(struct scap_stream_pub *p, const char *kind, uint64_t seq)
{
	size_t n;
	struct spool_entry *e = spool_entries(p->sp, &n);

	for (size_t i = 0; i < n; i++)
		if (e[i].seq == seq && !strcmp(e[i].kind, kind))
			return &e[i];
	return NULL;
}

static void on_ack(void *ctx, void *msg_ctx, int status)
{
	struct scap_stream_pub *p = ctx;
	struct sent *s = msg_ctx;
	struct spool_entry *e;

	pthread_mutex_lock(&p->lock);
	e = find_entry(p, s->kind, s->seq);
	sent_unlink(p, s);
	p->inflight--;
	if (status == 0) {
		if (e)
			spool_remove(p->sp, s->kind, s->seq);
		p->st.msgs_acked++;
		p->st.bytes_acked += s->bytes;
		p->send_err[0] = '\0';
		p->backoff_ms = 0;
	} else if (status == -EMSGSIZE) {
		/* the bus refused it by size (a Kafka topic's max.message.bytes): never
		 * accepted, so out of the spool and counted, as produce()'s -EMSGSIZE */
		if (e)
			spool_remove(p->sp, s->kind, s->seq);
		p->st.msgs_too_large++;
		pub_err(p, status, "%s %llu: %llu bytes: larger than the bus takes", s->kind,
			(unsigned long long)s->seq, (unsigned long long)s->bytes);
	} else {
		if (e)
			e->busy = false;
		p->st.msgs_failed++;
		note_send_failure(p, status);
		backoff(p);
	}
	pthread_cond_broadcast(&p->changed);
	pthread_mutex_unlock(&p->lock);
	free(s);
}

/*
 * A keyed message (scap_stream_pub_send_key()) is spooled as a NUL byte, the key, a NUL,
 * then the message (an empty key: the host's); a message sent without that prefix does
 * not start with a NUL (scap_stream_pub_send_key() gives one that does an empty key),
 * and capture chunks have none. Set *@key (NULL: the host's) and the message's own
 * bytes.
 */
static void key_split(const char *kind, const void **data, size_t *len, const char **key)
{
	const char *d = *data, *end;

	*key = NULL;
	if (!*len || d[0] || !strcmp(kind, STREAM_KIND_CAPTURE))
		return;
	end = memchr(d + 1, '\0', *len - 1);
	if (!end)
		return;
	*key = end > d + 1 ? d + 1 : NULL;
	*len -= (size_t)(end + 1 - d);
	*data = end + 1;
}

/* Send what the spool holds, oldest first, while the transport takes it. */
static int pump(struct scap_stream_pub *p)
{
	size_t n;
	struct spool_entry *e = spool_entries(p->sp, &n);

	if (now_ns() < p->retry_at_ns)
		return 0;
	for (size_t i = 0; i < n && p->inflight < MAX_INFLIGHT; i++) {
		char subject[512], id[512];
		struct sent *s;
		const char *key;
		const void *data;
		size_t len;
		int rc;

		if (e[i].busy)
			continue;
		rc = stream_subject(subject, sizeof(subject), p->u->name, e[i].kind, p->host);
		if (!rc)
			rc = stream_msg_id(id, sizeof(id), p->host, e[i].kind, e[i].seq);
		if (rc)
			return pub_err(p, rc, "%s: host name too long", p->u->name);
		rc = spool_read(p->sp, &e[i], &data, &len);
		if (rc == -ENOENT) {
			/* removed behind our back: nothing to send */
			spool_remove(p->sp, e[i].kind, e[i].seq);
			e = spool_entries(p->sp, &n);
			i--;
			continue;
		}
		if (rc)
			return pub_err(p, rc, "spool: read %s %llu: %s", e[i].kind,
				       (unsigned long long)e[i].seq, strerror(-rc));
		key_split(e[i].kind, &data, &len, &key);
		s = malloc(sizeof(*s));
		if (!s)
			return -ENOMEM;
		snprintf(s->kind, sizeof(s->kind), "%s", e[i].kind);
		s->seq = e[i].seq;
		s->bytes = len;
		rc = p->t->produce(p->tp, subject, key ? key : p->host, data, len, id, s);
		if (rc) {
			free(s);
			if (rc == -ENOBUFS)
				return 0; /* full: after the next acknowledgements */
			if (rc == -ENOMEM)
				return rc;
			if (rc == -EMSGSIZE) {
				/* never accepted: out of the spool, counted */
				p->st.msgs_too_large++;
				pub_err(p, rc, "%s %llu: %zu bytes: larger than the bus's largest "
					"message", e[i].kind, (unsigned long long)e[i].seq, len);
				spool_remove(p->sp, e[i].kind, e[i].seq);
				e = spool_entries(p->sp, &n);
				i--;
				continue;
			}
			/* the bus is away: try again after a while */
			note_send_failure(p, rc);
			backoff(p);
			return 0;
		}
		e[i].busy = true;
		p->inflight++;
		s->prev = NULL;
		s->next = p->sent;
		if (p->sent)
			p->sent->prev = s;
		p->sent = s;
	}
	return 0;
}

/* The sender thread: send what the spool holds, take the acknowledgements. */
static void *sender_main(void *arg)
{
	struct scap_stream_pub *p = arg;

	pthread_mutex_lock(&p->lock);
	while (!p->stop) {
		int rc = pump(p);

		if (rc)
			p->async_err = rc;
		pthread_mutex_unlock(&p->lock);
		rc = p->t->producer_poll(p->tp, SENDER_POLL_MS, on_ack, p);
		pthread_mutex_lock(&p->lock);
		/* messages on their way: what the bus said meanwhile (a broker refusing
		 * connections) is why they may never be acknowledged */
		if (p->inflight && p->t->producer_last_error)
			p->t->producer_last_error(p->tp, p->send_err);
		if (rc < 0) {
			p->async_err = pub_err(p, rc, "%s: %s", p->u->servers, strerror(-rc));
			pthread_mutex_unlock(&p->lock);
			/* a transport that fails at once must not spin */
			nanosleep(&(struct timespec){ 0, SENDER_POLL_MS * 1000000L }, NULL);
			pthread_mutex_lock(&p->lock);
		}
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

int scap_stream_pub_open(const struct scap_stream_pub_opts *opts,
			 struct scap_stream_pub **out, char *errbuf)
{
	struct scap_stream_pub_opts o = { 0 };
	struct scap_stream_pub *p;
	char err[STREAM_ERR_SIZE] = "";
	struct timespec now;
	int rc;

	if (!opts || !out || opts->sz < sizeof(size_t))
		return -EINVAL;
	memcpy(&o, opts, opts->sz < sizeof(o) ? opts->sz : sizeof(o));
	if (!o.url || !o.spool_dir) {
		if (errbuf)
			snprintf(errbuf, SCAP_ERRBUF_SIZE, "stream: a URL and a spool directory are needed");
		return -EINVAL;
	}
	p = calloc(1, sizeof(*p));
	if (!p)
		return -ENOMEM;
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->changed, NULL);
	rc = stream_url_parse(o.url, &p->u, err);
	if (rc)
		goto fail;
	rc = stream_transport_get(p->u->scheme, &p->t, err);
	if (rc)
		goto fail;
	rc = stream_url_check_keys(p->u, (const char *const[]){ "host", NULL },
				   p->t->producer_keys, err);
	if (rc)
		goto fail;
	if (p->u->host)
		snprintf(p->host, sizeof(p->host), "%s", p->u->host);
	else if (gethostname(p->host, sizeof(p->host) - 1) || !p->host[0])
		snprintf(p->host, sizeof(p->host), "localhost");
	rc = spool_open(o.spool_dir, o.spool_bytes ? o.spool_bytes : DEFAULT_SPOOL_BYTES, &p->sp,
			err);
	if (rc)
		goto fail;
	/* a new spool's run of sequence numbers (scap_stream.h) */
	clock_gettime(CLOCK_REALTIME, &now);
	spool_set_first_seq(p->sp, ((uint64_t)now.tv_sec * 1000u + (uint64_t)now.tv_nsec / 1000000u)
			    << STREAM_RUN_SHIFT);
	rc = p->t->producer_open(p->u, &p->tp, err);
	if (rc)
		goto fail;
	rc = -pthread_create(&p->sender, NULL, sender_main, p);
	if (rc) {
		p->t->producer_close(p->tp);
		snprintf(err, sizeof(err), "stream: sender thread: %s", strerror(-rc));
		goto fail;
	}
	*out = p;
	return 0;
fail:
	if (errbuf)
		snprintf(errbuf, SCAP_ERRBUF_SIZE, "%s", err[0] ? err : strerror(-rc));
	spool_close(p->sp);
	stream_url_free(p->u);
	pthread_mutex_destroy(&p->lock);
	pthread_cond_destroy(&p->changed);
	free(p);
	return rc;
}

int scap_stream_pub_chunk_begin(struct scap_stream_pub *p, char *path, size_t size)
{
	int rc;

	if (!p || !path)
		return -EINVAL;
	if (p->chunk_open)
		return -EBUSY;
	pthread_mutex_lock(&p->lock);
	rc = spool_reserve(p->sp, STREAM_KIND_CAPTURE, &p->chunk_seq, path, size);
	if (rc)
		pub_err(p, rc, "spool: next chunk: %s", strerror(-rc));
	else
		p->chunk_open = true;
	pthread_mutex_unlock(&p->lock);
	return rc;
}

bool scap_stream_pub_chunk_plain(struct scap_stream_pub *p)
{
	/* the transport's handle is the sender's: this asks only what was fixed at open */
	return p && p->t->producer_compresses && p->t->producer_compresses(p->tp);
}

uint64_t scap_stream_pub_max_message(struct scap_stream_pub *p)
{
	return p && p->t->producer_max_message ? p->t->producer_max_message(p->tp) : 0;
}

int scap_stream_pub_chunk_end(struct scap_stream_pub *p, bool keep)
{
	int rc;

	if (!p || !p->chunk_open)
		return -EINVAL;
	p->chunk_open = false;
	pthread_mutex_lock(&p->lock);
	rc = spool_commit(p->sp, STREAM_KIND_CAPTURE, p->chunk_seq, keep);
	if (rc)
		pub_err(p, rc, "spool: chunk %llu: %s", (unsigned long long)p->chunk_seq,
			strerror(-rc));
	else if (keep)
		p->st.msgs_added++;
	pthread_mutex_unlock(&p->lock);
	return rc;
}

int scap_stream_pub_send_key(struct scap_stream_pub *p, const char *kind, const char *key,
			     const void *data, size_t len)
{
	size_t klen = key ? strlen(key) : 0;
	char *buf = NULL;
	int rc;

	if (!p || !kind || (!data && len) || !strcmp(kind, STREAM_KIND_CAPTURE) ||
	    klen > KEY_MAX)
		return -EINVAL;
	if (klen || (len && !((const char *)data)[0])) {
		/* the key travels in the spool file, before the message (key_split(); a
		 * message that starts with a NUL itself gets an empty key so) */
		buf = malloc(klen + 2 + len);
		if (!buf)
			return -ENOMEM;
		buf[0] = '\0';
		memcpy(buf + 1, key, klen + 1);
		if (len)
			memcpy(buf + klen + 2, data, len);
		data = buf;
		len += klen + 2;
	}
	pthread_mutex_lock(&p->lock);
	rc = spool_add(p->sp, kind, data, len);
	if (rc)
		pub_err(p, rc, "spool: %s: %s", kind, strerror(-rc));
	else
		p->st.msgs_added++;
	pthread_mutex_unlock(&p->lock);
	free(buf);
	return rc;
}

int scap_stream_pub_send(struct scap_stream_pub *p, const char *kind, const void *data,
			 size_t len)
{
	return scap_stream_pub_send_key(p, kind, NULL, data, len);
}

/* Wait on @p->changed until @end_ns (CLOCK_MONOTONIC) at the latest; lock held. */
static void wait_changed(struct scap_stream_pub *p, uint64_t end_ns)
{
	uint64_t now = now_ns(), step = 100 * 1000000ull;
	struct timespec ts;

	if (now >= end_ns)
		return;
	if (end_ns - now < step)
		step = end_ns - now;
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += (time_t)(step / 1000000000ull);
	ts.tv_nsec += (long)(step % 1000000000ull);
	if (ts.tv_nsec >= 1000000000L) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000L;
	}
	pthread_cond_timedwait(&p->changed, &p->lock, &ts);
}

int scap_stream_pub_poll(struct scap_stream_pub *p, int timeout_ms)
{
	int rc;

	if (!p)
		return -EINVAL;
	pthread_mutex_lock(&p->lock);
	if (timeout_ms > 0 && p->inflight)
		wait_changed(p, now_ns() + (uint64_t)timeout_ms * 1000000ull);
	rc = p->async_err;
	p->async_err = 0;
	pthread_mutex_unlock(&p->lock);
	return rc;
}

int scap_stream_pub_drain(struct scap_stream_pub *p, int timeout_ms)
{
	uint64_t end = timeout_ms < 0 ? UINT64_MAX : now_ns() + (uint64_t)timeout_ms * 1000000ull;
	int rc = 0;

	if (!p)
		return -EINVAL;
	pthread_mutex_lock(&p->lock);
	/* a caller may drain in slices (to say it waits, to stop on a signal): the message
	 * gives the wait of them all */
	if (timeout_ms > 0)
		p->drained_ms += (uint64_t)timeout_ms;
	for (;;) {
		size_t n;

		spool_entries(p->sp, &n);
		if (!n && !p->inflight)
			break;
		if (now_ns() >= end) {
			rc = pub_err(p, -ETIMEDOUT, "the bus did not take every message in %.3g s "
				     "(%zu left in the spool): %s", p->drained_ms / 1000.0, n,
				     p->send_err[0] ? p->send_err : "no acknowledgement came");
			break;
		}
		wait_changed(p, end);
	}
	pthread_mutex_unlock(&p->lock);
	return rc;
}

int scap_stream_pub_get_stats(struct scap_stream_pub *p, struct scap_stream_pub_stats *out)
{
	struct scap_stream_pub_stats st;
	struct spool_stats ss;
	size_t sz;

	if (!p || !out || out->sz < sizeof(size_t))
		return -EINVAL;
	sz = out->sz < sizeof(st) ? out->sz : sizeof(st);
	pthread_mutex_lock(&p->lock);
	spool_get_stats(p->sp, &ss);
	st = p->st;
	pthread_mutex_unlock(&p->lock);
	st.spool_files = ss.files;
	st.spool_bytes = ss.bytes;
	st.spool_peak_bytes = ss.peak_bytes;
	st.dropped_msgs = ss.dropped_files;
	st.dropped_bytes = ss.dropped_bytes;
	memcpy((char *)out + sizeof(size_t), (char *)&st + sizeof(size_t), sz - sizeof(size_t));
	return 0;
}

const char *scap_stream_pub_host(struct scap_stream_pub *p)
{
	return p ? p->host : NULL;
}

const char *scap_stream_pub_last_error(struct scap_stream_pub *p)
{
	return p ? p->errbuf : "";
}

void scap_stream_pub_close(struct scap_stream_pub *p)
{
	if (!p)
		return;
	pthread_mutex_lock(&p->lock);
	p->stop = true;
	pthread_mutex_unlock(&p->lock);
	pthread_join(p->sender, NULL);
	if (p->chunk_open)
		spool_commit(p->sp, STREAM_KIND_CAPTURE, p->chunk_seq, false);
	if (p->inflight)
		p->t->producer_flush(p->tp, CLOSE_WAIT_MS, on_ack, p);
	p->t->producer_close(p->tp);
	/* never acknowledged: still in the spool, sent again by the next publisher */
	while (p->sent) {
		struct sent *s = p->sent;

		p->sent = s->next;
		free(s);
	}
	spool_close(p->sp);
	stream_url_free(p->u);
	pthread_mutex_destroy(&p->lock);
	pthread_cond_destroy(&p->changed);
	free(p);
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * nats.c - the NATS JetStream transport (transport.h) over libnats (the NATS C client,
 * Debian's libnats-dev).
 *
 * Mapping: URL servers "h:p,h:p" -> nats://h:p each (libnats picks one, fails over and
 * reconnects forever, 250 ms apart); NAME -> the JetStream stream NAME capturing
 * "NAME.>" (file storage, ?replicas= copies, default 1; duplicate window 10 min: a
 * message id seen within it is acknowledged and not stored again); SUBJECT as given
 * ("NAME.KIND.HOST"); KEY unused (a subject is one ordered log); msg_id -> the header
 * Nats-Msg-Id (JetStream's de-duplication).
 *
 * Producer: asynchronous publish (js_PublishMsgAsync) with an ack handler; libnats runs
 * it on its own thread, so it only records the outcome, and producer_poll() hands the
 * outcomes to the caller's @ack on the caller's thread (transport.h). An ack not come
 * within 5 s is a failure (-ETIMEDOUT); the caller publishes the message again and the
 * duplicate window drops the copy when the first had been stored after all.
 * While the connection is down produce() answers -ENOTCONN at once rather than let
 * libnats buffer: the caller's spool is the buffer.
 *
 * Consumer: an ephemeral pull consumer on SUBJECT (deliver from the first message, or
 * by start time for since=), no acks. It has caught up when the last message fetched
 * had no message pending after it (its metadata's NumPending) or the consumer had none
 * at creation: the replay then ends.
 */
#include <errno.h>
#include <stdarg.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "nats_dl.h"

#include "probe.h"
#include "registry.h"
#include "url.h"

#define ACK_WAIT_MS 5000           /* an async publish not acknowledged by then failed */
#define MAX_PENDING 256            /* async publishes in flight */
#define DUP_WINDOW_NS (600ll * 1000000000ll)
#define FETCH_BATCH 16
#define FETCH_WAIT_MS 5000         /* one pull request; retried while messages are pending */
#define FETCH_TRIES 6
#define API_WAIT_MS 5000
#define CONSUMER_TRIES 6  /* a reader's consumer asked for at most 6 times (30 s) */
#define INACTIVE_NS (3600ll * 1000000000ll) /* an idle reader's consumer is kept 1 h */
#define NATS_DEFAULT_PORT 4222     /* libnats' for a server without one */

static int nats_err(char *err, natsStatus s, const char *what, const char *servers)
{
	int code;

	switch (s) {
	case NATS_TIMEOUT: code = -ETIMEDOUT; break;
	case NATS_NO_SERVER: case NATS_NOT_YET_CONNECTED: case NATS_CONNECTION_CLOSED:
	case NATS_CONNECTION_DISCONNECTED: case NATS_NO_RESPONDERS: code = -ENOTCONN; break;
	case NATS_NO_MEMORY: code = -ENOMEM; break;
	case NATS_NOT_FOUND: code = -ENOENT; break;
	default: code = -EIO; break;
	}
	if (err)
		snprintf(err, STREAM_ERR_SIZE, "nats %.150s: %s: %s", servers, what,
			 natsStatus_GetText(s));
	return code;
}

/* As nats_err(), for a JetStream call on stream @stream: a stream that does not exist
 * (JetStream's error JSStreamNotFoundErr, 10059) is -ENOENT, named. */
static int js_err(char *err, natsStatus s, jsErrCode jerr, const char *what,
		  const char *stream, const char *servers)
{
	if (jerr != JSStreamNotFoundErr)
		return nats_err(err, s, what, servers);
	if (err)
		snprintf(err, STREAM_ERR_SIZE, "nats %.150s: no stream \"%.64s\"", servers, stream);
	return -ENOENT;
}

/* libnats connects in the background only when given a callback for it */
static void on_connected(natsConnection *nc, void *closure)
{
	(void)nc;
	(void)closure;
}

/* natsOptions for @servers "h:p,h:p"; @retry: keep trying in the background. */
static natsStatus make_opts(natsOptions **out, const char *servers, bool retry)
{
	char *copy = strdup(servers), *save = NULL;
	const char *urls[16];
	char buf[16][256];
	int n = 0;
	natsStatus s;

	if (!copy)
		return NATS_NO_MEMORY;
	for (char *t = strtok_r(copy, ",", &save); t && n < 16; t = strtok_r(NULL, ",", &save)) {
		snprintf(buf[n], sizeof(buf[n]), "%s%s", strstr(t, "://") ? "" : "nats://", t);
		urls[n] = buf[n];
		n++;
	}
	s = natsOptions_Create(out);
	if (s == NATS_OK)
		s = natsOptions_SetServers(*out, urls, n);
	free(copy);
	if (s == NATS_OK)
		s = natsOptions_SetTimeout(*out, 2000);
	if (s == NATS_OK)
		s = natsOptions_SetMaxReconnect(*out, -1);
	if (s == NATS_OK)
		s = natsOptions_SetReconnectWait(*out, 250);
	if (s == NATS_OK)
		s = natsOptions_SetPingInterval(*out, 2000);
	if (s == NATS_OK && retry)
		s = natsOptions_SetRetryOnFailedConnect(*out, true, on_connected, NULL);
	return s;
}

/* ---- producer ----------------------------------------------------------------------- */

struct outcome {
	void *msg_ctx;
	int status;
};

struct inflight {
	char *id;                   /* Nats-Msg-Id, to find msg_ctx from the ack */
	void *msg_ctx;
};

struct nats_prod {
	natsOptions *opts;
	natsConnection *nc;
	jsCtx *js;
	char stream[256];
	char servers[512];
	int64_t replicas;
	bool stream_ok;              /* the stream exists (checked or created) */
	uint64_t max_msg;            /* at open: the largest message the bus takes, 0 unknown */
	pthread_mutex_t lock;        /* guards what the ack handler touches: */
	pthread_cond_t cond;
	struct outcome *done;        /* outcomes not yet handed to the caller */
	size_t ndone, cap_done;
	struct inflight *inf;        /* messages published, outcome not yet known */
	size_t ninf, cap_inf;
	char last_err[STREAM_ERR_SIZE]; /* why the last send failed ("" none yet) */
	struct stream_probe probe;   /* why the servers do not answer (produce()'s thread) */
};

/* Why a send failed, for producer_last_error(); under p->lock. */
__attribute__((format(printf, 2, 3)))
static void note_failure(struct nats_prod *p, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(p->last_err, sizeof(p->last_err), fmt, ap);
	va_end(ap);
}

static int errno_of_ack(const jsPubAckErr *pae)
{
	if (pae->Err == NATS_TIMEOUT)
		return -ETIMEDOUT;
	if (pae->Err == NATS_NO_RESPONDERS || pae->Err == NATS_CONNECTION_CLOSED ||
	    pae->Err == NATS_CONNECTION_DISCONNECTED)
		return -ENOTCONN;
	return -EIO;
}

/* libnats' thread: record the outcome for producer_poll(). */
static void on_ack(jsCtx *js, natsMsg *msg, jsPubAck *pa, jsPubAckErr *pae, void *closure)
{
	struct nats_prod *p = closure;
	const char *id = NULL;

	(void)js;
	natsMsgHeader_Get(msg, "Nats-Msg-Id", &id);
	pthread_mutex_lock(&p->lock);
	for (size_t i = 0; id && i < p->ninf; i++) {
		if (strcmp(p->inf[i].id, id))
			continue;
		if (p->ndone == p->cap_done) {
			size_t cap = p->cap_done ? p->cap_done * 2 : 64;
			struct outcome *d = realloc(p->done, cap * sizeof(*d));

			if (!d)
				break; /* the ack is lost: the caller's flush times out, retries */
			p->done = d;
			p->cap_done = cap;
		}
		p->done[p->ndone].msg_ctx = p->inf[i].msg_ctx;
		p->done[p->ndone++].status = pa ? 0 : pae ? errno_of_ack(pae) : -EIO;
		if (pa)
			p->last_err[0] = '\0';
		else
			note_failure(p, "nats %.150s: message %.40s not acknowledged: %s", p->servers,
				     id, pae && pae->ErrText && *pae->ErrText ? pae->ErrText :
				     natsStatus_GetText(pae ? pae->Err : NATS_ERR));
		free(p->inf[i].id);
		p->inf[i] = p->inf[--p->ninf];
		break;
	}
	pthread_cond_signal(&p->cond);
	pthread_mutex_unlock(&p->lock);
	natsMsg_Destroy(msg);
}

/* Find the stream, or create it. */
static int ensure_stream(struct nats_prod *p, char *err)
{
	jsStreamInfo *si = NULL;
	jsStreamConfig cfg;
	jsErrCode jerr = 0;
	char subj[300];
	const char *subjects[1] = { subj };
	natsStatus s;

	if (p->stream_ok)
		return 0;
	s = js_GetStreamInfo(&si, p->js, p->stream, NULL, &jerr);
	if (s == NATS_OK) {
		/* a stream made by others may take smaller messages than the server */
		if (si->Config && si->Config->MaxMsgSize > 0 && p->max_msg &&
		    (uint64_t)si->Config->MaxMsgSize < p->max_msg)
			p->max_msg = (uint64_t)si->Config->MaxMsgSize;
		jsStreamInfo_Destroy(si);
		p->stream_ok = true;
		return 0;
	}
	if (jerr != JSStreamNotFoundErr && s != NATS_NOT_FOUND)
		return nats_err(err, s, "stream info", p->servers);
	snprintf(subj, sizeof(subj), "%s.>", p->stream);
	jsStreamConfig_Init(&cfg);
	cfg.Name = p->stream;
	cfg.Subjects = subjects;
	cfg.SubjectsLen = 1;
	cfg.Storage = js_FileStorage;
	cfg.Replicas = p->replicas;
	cfg.Duplicates = DUP_WINDOW_NS;
	s = js_AddStream(&si, p->js, &cfg, NULL, &jerr);
	if (s != NATS_OK && jerr != JSStreamNameExistErr)
		return nats_err(err, s, "create stream", p->servers);
	jsStreamInfo_Destroy(si);
	p->stream_ok = true;
	return 0;
}

static void producer_close(void *pv)
{
	struct nats_prod *p = pv;

	if (!p)
		return;
	stream_probe_close(&p->probe);
	jsCtx_Destroy(p->js);
	natsConnection_Destroy(p->nc);
	natsOptions_Destroy(p->opts);
	for (size_t i = 0; i < p->ninf; i++)
		free(p->inf[i].id);
	free(p->inf);
	free(p->done);
	pthread_mutex_destroy(&p->lock);
	pthread_cond_destroy(&p->cond);
	free(p);
}

static int producer_open(const struct stream_url *u, void **out, char *err)
{
	const char *r = stream_url_param(u, "replicas");
	struct nats_prod *p = calloc(1, sizeof(*p));
	jsOptions jo;
	natsStatus s;

	if (!p)
		return -ENOMEM;
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->cond, NULL);
	snprintf(p->stream, sizeof(p->stream), "%s", u->name);
	snprintf(p->servers, sizeof(p->servers), "%s", u->servers);
	p->replicas = r ? atoi(r) : 1;
	if (stream_probe_init(&p->probe, u->servers, NATS_DEFAULT_PORT)) {
		snprintf(err, STREAM_ERR_SIZE, "nats %.150s: more than %d servers", u->servers,
			 PROBE_MAX_SERVERS);
		producer_close(p);
		return -EINVAL;
	}
	if (p->replicas < 1 || p->replicas > 5) {
		snprintf(err, STREAM_ERR_SIZE, "nats: replicas=%s: not 1..5", r);
		producer_close(p);
		return -EINVAL;
	}
	s = make_opts(&p->opts, u->servers, true);
	if (s == NATS_OK) {
		s = natsConnection_Connect(&p->nc, p->opts);
		if (s == NATS_NOT_YET_CONNECTED)
			s = NATS_OK; /* libnats goes on trying */
	}
	if (s == NATS_OK)
		s = jsOptions_Init(&jo);
	if (s == NATS_OK) {
		jo.Wait = API_WAIT_MS;
		jo.PublishAsync.MaxPending = MAX_PENDING;
		jo.PublishAsync.AckHandler = on_ack;
		jo.PublishAsync.AckHandlerClosure = p;
		s = natsConnection_JetStream(&p->js, p->nc, &jo);
	}
	if (s != NATS_OK) {
		int rc = nats_err(err, s, "connect", u->servers);

		producer_close(p);
		return rc;
	}
	/* the stream is made on the first produce() when the bus is down now */
	if (natsConnection_Status(p->nc) == NATS_CONN_STATUS_CONNECTED) {
		int64_t mp = natsConnection_GetMaxPayload(p->nc);

		p->max_msg = mp > 0 ? (uint64_t)mp : 0;
		if (ensure_stream(p, err))
			p->max_msg = 0; /* its limit unknown */
	}
	*out = p;
	return 0;
}

static uint64_t producer_max_message(void *pv)
{
	return ((struct nats_prod *)pv)->max_msg;
}

static int produce(void *pv, const char *subject, const char *key, const void *data,
		   size_t len, const char *msg_id, void *msg_ctx)
{
	struct nats_prod *p = pv;
	natsMsg *m = NULL;
	jsPubOptions po;
	char *id;
	natsStatus s;
	int rc;

	(void)key;
	if (len > INT32_MAX)
		return -EMSGSIZE;
	if (natsConnection_Status(p->nc) != NATS_CONN_STATUS_CONNECTED) {
		const char *why = NULL;
		natsStatus st = natsConnection_GetLastError(p->nc, &why);
		char tcp[160];

		/* libnats keeps little of why it cannot connect (mostly nothing, while it
		 * retries in the background): each server's TCP outcome says more */
		stream_probe_step(&p->probe, tcp, sizeof(tcp));
		if (!(why && *why) && st != NATS_OK)
			why = natsStatus_GetText(st);
		pthread_mutex_lock(&p->lock);
		note_failure(p, "nats %.100s: not connected: %s%s%s", p->servers,
			     why && *why ? why : "", why && *why ? "; " : "", tcp);
		pthread_mutex_unlock(&p->lock);
		return -ENOTCONN;
	}
	/* the server's max_payload: such a message is refused whenever it is sent */
	if ((int64_t)len > natsConnection_GetMaxPayload(p->nc))
		return -EMSGSIZE;
	if (!p->stream_ok) {
		char err[STREAM_ERR_SIZE] = "";

		rc = ensure_stream(p, err);
		if (rc) {
			pthread_mutex_lock(&p->lock);
			note_failure(p, "%s", err);
			pthread_mutex_unlock(&p->lock);
			return rc == -ENOMEM ? rc : -ENOTCONN;
		}
	}
	id = strdup(msg_id);
	if (!id)
		return -ENOMEM;
	pthread_mutex_lock(&p->lock);
	if (p->ninf == p->cap_inf) {
		size_t cap = p->cap_inf ? p->cap_inf * 2 : 64;
		struct inflight *n = realloc(p->inf, cap * sizeof(*n));

		if (!n) {
			pthread_mutex_unlock(&p->lock);
			free(id);
			return -ENOMEM;
		}
		p->inf = n;
		p->cap_inf = cap;
	}
	p->inf[p->ninf].id = id;
	p->inf[p->ninf++].msg_ctx = msg_ctx;
	pthread_mutex_unlock(&p->lock);

	jsPubOptions_Init(&po);
	po.MsgId = msg_id;
	po.MaxWait = ACK_WAIT_MS;
	s = natsMsg_Create(&m, subject, NULL, data, (int)len);
	if (s == NATS_OK)
		s = js_PublishMsgAsync(p->js, &m, &po);
	natsMsg_Destroy(m); /* NULL when libnats took it */
	if (s == NATS_OK)
		return 0;
	/* not published: forget it (no ack will come) */
	pthread_mutex_lock(&p->lock);
	for (size_t i = 0; i < p->ninf; i++) {
		if (p->inf[i].msg_ctx == msg_ctx && !strcmp(p->inf[i].id, msg_id)) {
			free(p->inf[i].id);
			p->inf[i] = p->inf[--p->ninf];
			break;
		}
	}
	pthread_mutex_unlock(&p->lock);
	if (s == NATS_TIMEOUT)
		return -ENOBUFS; /* MaxPending in flight */
	if (s == NATS_NO_MEMORY)
		return -ENOMEM;
	pthread_mutex_lock(&p->lock);
	note_failure(p, "nats %.150s: publish: %s", p->servers, natsStatus_GetText(s));
	pthread_mutex_unlock(&p->lock);
	return -ENOTCONN;
}

static int producer_last_error(void *pv, char *err)
{
	struct nats_prod *p = pv;
	int rc;

	pthread_mutex_lock(&p->lock);
	rc = p->last_err[0] ? 0 : -ENOENT;
	if (!rc)
		snprintf(err, STREAM_ERR_SIZE, "%s", p->last_err);
	pthread_mutex_unlock(&p->lock);
	return rc;
}

static int producer_poll(void *pv, int timeout_ms, stream_ack_fn ack, void *ctx)
{
	struct nats_prod *p = pv;
	struct outcome *d;
	size_t n;

	pthread_mutex_lock(&p->lock);
	if (!p->ndone && timeout_ms > 0) {
		struct timespec ts;

		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_sec += timeout_ms / 1000;
		ts.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
		if (ts.tv_nsec >= 1000000000L) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000L;
		}
		while (!p->ndone && pthread_cond_timedwait(&p->cond, &p->lock, &ts) == 0)
			;
	}
	d = p->done;
	n = p->ndone;
	p->done = NULL;
	p->ndone = p->cap_done = 0;
	pthread_mutex_unlock(&p->lock);
	for (size_t i = 0; i < n; i++)
		ack(ctx, d[i].msg_ctx, d[i].status);
	free(d);
	return (int)n;
}

static int producer_flush(void *pv, int timeout_ms, stream_ack_fn ack, void *ctx)
{
	struct nats_prod *p = pv;
	struct timespec t0, t;
	long waited;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		size_t left;
		int rc;

		pthread_mutex_lock(&p->lock);
		left = p->ninf + p->ndone;
		pthread_mutex_unlock(&p->lock);
		if (!left)
			return 0;
		clock_gettime(CLOCK_MONOTONIC, &t);
		waited = (t.tv_sec - t0.tv_sec) * 1000L + (t.tv_nsec - t0.tv_nsec) / 1000000L;
		if (waited >= timeout_ms)
			return -ETIMEDOUT;
		rc = producer_poll(p, (int)(timeout_ms - waited), ack, ctx);
		if (rc < 0)
			return rc;
	}
}

/* ---- consumer ----------------------------------------------------------------------- */

struct nats_cons {
	natsOptions *opts;
	natsConnection *nc;
	jsCtx *js;
	natsSubscription *sub;
	natsMsgList list;            /* the last fetched batch */
	int next;                    /* its next message */
	natsMsg *cur;                /* the message handed out last */
	bool caught_up;              /* no message was pending after the last one */
	uint64_t pending;            /* messages pending after the last one (metadata) */
	char servers[512];
};

static void consumer_close(void *cv)
{
	struct nats_cons *c = cv;

	if (!c)
		return;
	natsMsg_Destroy(c->cur);
	for (; c->next < c->list.Count; c->next++)
		natsMsg_Destroy(c->list.Msgs[c->next]);
	free(c->list.Msgs);
	if (c->sub) {
		natsSubscription_Unsubscribe(c->sub); /* deletes the ephemeral consumer */
		natsSubscription_Destroy(c->sub);
	}
	jsCtx_Destroy(c->js);
	natsConnection_Destroy(c->nc);
	natsOptions_Destroy(c->opts);
	free(c);
}

static int consumer_open(const struct stream_url *u, const char *subject, void **out,
			 char *err)
{
	struct nats_cons *c = calloc(1, sizeof(*c));
	jsConsumerInfo *ci = NULL;
	jsErrCode jerr = 0;
	jsSubOptions so;
	jsOptions jo;
	natsStatus s;
	int rc;

	if (!c)
		return -ENOMEM;
	snprintf(c->servers, sizeof(c->servers), "%s", u->servers);
	s = make_opts(&c->opts, u->servers, false);
	if (s == NATS_OK)
		s = natsConnection_Connect(&c->nc, c->opts);
	if (s == NATS_OK)
		s = jsOptions_Init(&jo);
	if (s == NATS_OK) {
		jo.Wait = API_WAIT_MS;
		s = natsConnection_JetStream(&c->js, c->nc, &jo);
	}
	if (s != NATS_OK) {
		rc = nats_err(err, s, "connect", u->servers);
		goto fail;
	}
	jsSubOptions_Init(&so);
	so.Stream = u->name;
	so.Config.AckPolicy = js_AckNone;
	/* a reader of several hosts may leave one consumer idle while it replays the
	 * others (their events are older): the server keeps it that long (its default for
	 * an ephemeral pull consumer is 5 s) */
	so.Config.InactiveThreshold = INACTIVE_NS;
	if (u->since_ns) {
		so.Config.DeliverPolicy = js_DeliverByStartTime;
		so.Config.OptStartTime = (int64_t)u->since_ns;
	} else {
		so.Config.DeliverPolicy = js_DeliverAll;
	}
	/* a cluster that lost a node elects new leaders in a few seconds, during which its
	 * JetStream API answers late or not at all: ask again (API_WAIT_MS each) */
	for (int i = 0; i < CONSUMER_TRIES; i++) {
		jerr = 0;
		s = js_PullSubscribe(&c->sub, c->js, subject, NULL, NULL, &so, &jerr);
		if (s != NATS_TIMEOUT && s != NATS_NO_RESPONDERS &&
		    jerr != JSClusterNotAvailErr && jerr != JSStreamOfflineErr)
			break;
		if (s != NATS_TIMEOUT)  /* an answer that came at once: give the election time */
			nanosleep(&(struct timespec){ .tv_nsec = 500000000 }, NULL);
	}
	if (s != NATS_OK) {
		rc = js_err(err, s, jerr, "pull consumer", u->name, u->servers);
		goto fail;
	}
	s = natsSubscription_GetConsumerInfo(&ci, c->sub, NULL, &jerr);
	if (s != NATS_OK) {
		rc = nats_err(err, s, "consumer info", u->servers);
		goto fail;
	}
	c->caught_up = ci->NumPending == 0;
	c->pending = ci->NumPending;
	jsConsumerInfo_Destroy(ci);
	*out = c;
	return 0;
fail:
	consumer_close(c);
	return rc;
}

static int consumer_next(void *cv, const void **data, size_t *len, const char **msg_id,
			 char *err)
{
	struct nats_cons *c = cv;
	jsMsgMetaData *meta = NULL;
	natsStatus s = NATS_OK;

	natsMsg_Destroy(c->cur);
	c->cur = NULL;
	if (c->next >= c->list.Count) {
		if (c->caught_up)
			return 1;
		free(c->list.Msgs);
		memset(&c->list, 0, sizeof(c->list));
		c->next = 0;
		/* messages are pending: a pull that gets none is retried (a leader moved) */
		for (int i = 0; i < FETCH_TRIES; i++) {
			jsFetchRequest fr;

			jsFetchRequest_Init(&fr);
			/* a pull for more than is pending would wait for its expiry */
			fr.Batch = c->pending && c->pending < FETCH_BATCH ? (int)c->pending : FETCH_BATCH;
			fr.Expires = (int64_t)FETCH_WAIT_MS * 1000000;
			s = natsSubscription_FetchRequest(&c->list, c->sub, &fr);
			if (s == NATS_OK && c->list.Count)
				break;
		}
		if (s != NATS_OK || !c->list.Count)
			return nats_err(err, s == NATS_OK ? NATS_TIMEOUT : s, "fetch", c->servers);
	}
	c->cur = c->list.Msgs[c->next];
	c->list.Msgs[c->next++] = NULL;
	if (natsMsg_GetMetaData(&meta, c->cur) == NATS_OK) {
		c->caught_up = meta->NumPending == 0;
		c->pending = meta->NumPending;
		jsMsgMetaData_Destroy(meta);
	}
	*msg_id = NULL;
	natsMsgHeader_Get(c->cur, "Nats-Msg-Id", msg_id);
	*data = natsMsg_GetData(c->cur);
	*len = (size_t)natsMsg_GetDataLength(c->cur);
	return 0;
}

/* ---- hosts ------------------------------------------------------------------------- */

#define LIST_MAX 256               /* subjects looked at, at most */

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The host of subject @subj ("NAME.KIND.TOKEN"): as its last message's id names it
 * ("HOST/KIND/SEQ"; the token maps '.' to '_'), else the token; a new string or NULL. */
static char *subject_host(jsCtx *js, const char *stream, const char *subj)
{
	const char *tok = strrchr(subj, '.'), *id = NULL;
	natsMsg *m = NULL;
	jsErrCode jerr = 0;
	char *host = NULL;

	if (js_GetLastMsg(&m, js, stream, subj, NULL, &jerr) == NATS_OK &&
	    natsMsgHeader_Get(m, "Nats-Msg-Id", &id) == NATS_OK && id) {
		const char *k = strrchr(id, '/');

		while (k && k > id && k[-1] != '/')
			k--;   /* the start of KIND */
		if (k && k > id + 1)
			host = strndup(id, (size_t)(k - 1 - id));
	}
	natsMsg_Destroy(m);
	return host ? host : strdup(tok ? tok + 1 : subj);
}

static int list_hosts(const struct stream_url *u, char *out, size_t size, char *err)
{
	natsOptions *opts = NULL;
	natsConnection *nc = NULL;
	jsCtx *js = NULL;
	jsStreamInfo *si = NULL;
	jsErrCode jerr = 0;
	char filter[300], *names[LIST_MAX];
	int n = 0, total = 0, rc = 0;
	size_t len = 0;
	jsOptions jo;
	natsStatus s;

	out[0] = '\0';
	snprintf(filter, sizeof(filter), "%s.>", u->name);
	s = make_opts(&opts, u->servers, false);
	if (s == NATS_OK)
		s = natsConnection_Connect(&nc, opts);
	if (s == NATS_OK)
		s = jsOptions_Init(&jo);
	if (s == NATS_OK) {
		jo.Wait = API_WAIT_MS;
		s = natsConnection_JetStream(&js, nc, &jo);
	}
	if (s == NATS_OK) {
		jsOptions_Init(&jo);
		jo.Stream.Info.SubjectsFilter = filter;
		s = js_GetStreamInfo(&si, js, u->name, &jo, &jerr);
	}
	if (s != NATS_OK) {
		rc = js_err(err, s, jerr, "stream info", u->name, u->servers);
		goto out;
	}
	if (si->State.Subjects)
		total = si->State.Subjects->Count;
	for (int i = 0; i < total && n < LIST_MAX; i++) {
		names[n] = subject_host(js, u->name, si->State.Subjects->List[i].Subject);
		if (names[n])
			n++;
	}
	qsort(names, (size_t)n, sizeof(names[0]), cmp_str);
	for (int i = 0; i < n; i++) {
		int k;

		if (i && !strcmp(names[i], names[i - 1]))
			continue; /* the same host's other kinds */
		k = snprintf(out + len, size - len, "%s%s", len ? ", " : "", names[i]);

		if (k < 0 || (size_t)k >= size - len - 4) {
			snprintf(out + len, size - len, "%s...", len ? ", " : "");
			break;
		}
		len += (size_t)k;
	}
	if (total > n && len + 5 < size)
		snprintf(out + len, size - len, ", ...");
	for (int i = 0; i < n; i++)
		free(names[i]);
out:
	jsStreamInfo_Destroy(si);
	jsCtx_Destroy(js);
	natsConnection_Destroy(nc);
	natsOptions_Destroy(opts);
	return rc;
}

static const char *const nats_producer_keys[] = { "replicas", NULL };

const struct stream_transport_ops stream_transport_nats = {
	.producer_keys = nats_producer_keys,
	.load = stream_nats_load,
	.scheme = "nats",
	.producer_open = producer_open,
	.produce = produce,
	.producer_poll = producer_poll,
	.producer_flush = producer_flush,
	.producer_close = producer_close,
	.producer_max_message = producer_max_message,
	.producer_last_error = producer_last_error,
	.consumer_open = consumer_open,
	.consumer_next = consumer_next,
	.consumer_close = consumer_close,
	.list_hosts = list_hosts,
};

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * scap.c - the handle: opts validation, engine selection, the sticky error, and the
 * dispatch of the public calls to the engine vtable (NULL op -> -ENOTSUP).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scap_int.h"

static const struct scap_engine_ops *const engines[] = {
	&scap_savefile_ops,
	&scap_test_input_ops,
	&scap_noop_ops,
	&scap_kmod_ops,
};

/* Engines that live in their own library: named without it, scap_open() says which
 * library to link (scry/scap_engine.h tells why they live apart). */
static const struct {
	const char *name, *library, *descriptor;
} engine_libraries[] = {
	{ "bpf", "scap_bpf (libscap_bpf)", "scap_bpf_engine() of <scry/scap_bpf.h>" },
};

int scap_verr(struct scap *h, int code, const char *fmt, va_list ap)
{
	int n = vsnprintf(h->errbuf, sizeof(h->errbuf), fmt, ap);

	if (n < 0)
		n = 0;
	if (code < 0 && code != -EPROTO && code != -EINVAL && code != -ENOTSUP &&
	    (size_t)n < sizeof(h->errbuf))
		snprintf(h->errbuf + n, sizeof(h->errbuf) - (size_t)n, ": %s", strerror(-code));
	return code;
}

/* Also the library's own scap_err()/scap_log() (scap_int.h). */
int scap_engine_err(scap_t *h, int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	scap_verr(h, code, fmt, ap);
	va_end(ap);
	return code;
}

void scap_engine_log(scap_t *h, enum scap_log_level level, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	if (!h->log_fn)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	h->log_fn(level, msg, h->log_ctx);
}

void *scap_engine_priv(scap_t *h)
{
	return h->priv;
}

void scap_engine_set_priv(scap_t *h, void *priv)
{
	h->priv = priv;
}

void scap_engine_set_evt_source(scap_t *h, const char *source)
{
	h->evt_source = source;
}

const char *scap_evt_source(scap_t *h)
{
	return h ? h->evt_source : NULL;
}

int scap_engine_set_state(scap_t *h, const struct scap_state *st)
{
	if (!h || !st)
		return -EINVAL;
	h->state = *st;
	return 0;
}

void scap_engine_set_state_update(scap_t *h, const struct scap_state *st)
{
	h->has_update = st != NULL;
	if (st)
		h->update = *st;
}

/* Copy into errbuf (may be NULL) and return code: scap_open() has no handle on failure. */
static int open_fail(char *errbuf, int code, const char *msg)
{
	if (errbuf)
		snprintf(errbuf, SCAP_ERRBUF_SIZE, "%s", msg);
	return code;
}

#define OPTS_HAS(o, field) ((o)->sz >= offsetofend(typeof(*(o)), field))
#define OPTS_GET(o, field, def) (OPTS_HAS(o, field) ? (o)->field : (def))

int scap_open(const struct scap_open_opts *opts, scap_t **out, char *errbuf)
{
	struct scap_open_opts o;
	const struct scap_engine_ops *ops = NULL;
	struct scap *h;
	int rc;

	if (errbuf)
		errbuf[0] = '\0';
	if (!out)
		return open_fail(errbuf, -EINVAL, "scap_open: out is NULL");
	*out = NULL;
	if (!opts || opts->sz < offsetofend(struct scap_open_opts, path))
		return open_fail(errbuf, -EINVAL, "scap_open: opts NULL or opts.sz too small");
	if (!scap_opts_tail_zero(opts, opts->sz, sizeof(struct scap_open_opts)))
		return open_fail(errbuf, -EINVAL,
				 "scap_open: opts has non-zero fields unknown to this library");

	/* Normalise into a full local copy: absent fields read as zero. */
	memset(&o, 0, sizeof(o));
	o.sz = sizeof(o);
	o.engine = opts->engine;
	o.path = opts->path;
	o.log_fn = OPTS_GET(opts, log_fn, NULL);
	o.log_ctx = OPTS_GET(opts, log_ctx, NULL);
	o.test_input = OPTS_GET(opts, test_input, NULL);
	o.buf = OPTS_GET(opts, buf, NULL);
	o.buf_len = OPTS_GET(opts, buf_len, 0);
	o.start = OPTS_GET(opts, start, false);
	o.engine_impl = OPTS_GET(opts, engine_impl, NULL);
	o.no_proc_scan = OPTS_GET(opts, no_proc_scan, false);
	o.ring_bytes = OPTS_GET(opts, ring_bytes, 0);
	o.log_loader = OPTS_GET(opts, log_loader, false);
	o.has_fd = OPTS_GET(opts, has_fd, false);
	o.fd = OPTS_GET(opts, fd, -1);
	o.on_capture = OPTS_GET(opts, on_capture, NULL);
	o.on_capture_ctx = OPTS_GET(opts, on_capture_ctx, NULL);

	if (o.engine_impl) {
		const struct scap_engine_ops *e = o.engine_impl;

		if (e->sz < offsetofend(struct scap_engine_ops, open) || !e->name || !e->open)
			return open_fail(errbuf, -EINVAL, "scap_open: opts.engine_impl is no engine "
					 "(sz, name or open missing)");
		if (o.engine && strcmp(o.engine, e->name) != 0) {
			if (errbuf)
				snprintf(errbuf, SCAP_ERRBUF_SIZE, "scap_open: opts.engine '%s' "
					 "but opts.engine_impl is engine '%s'", o.engine, e->name);
			return -EINVAL;
		}
		o.engine = e->name;
	}
	if (!o.engine) {
		if (o.path || o.buf)
			o.engine = "savefile";
		else if (o.test_input)
			o.engine = "test_input";
		else
			return open_fail(errbuf, -EINVAL,
					 "scap_open: no engine, path, buf or test_input given");
	}
	for (size_t i = 0; !o.engine_impl && i < sizeof(engines) / sizeof(engines[0]); i++)
		if (strcmp(engines[i]->name, o.engine) == 0)
			ops = engines[i];
	for (size_t i = 0; !o.engine_impl && !ops &&
	     i < sizeof(engine_libraries) / sizeof(engine_libraries[0]); i++) {
		if (strcmp(engine_libraries[i].name, o.engine) != 0)
			continue;
		if (errbuf)
			snprintf(errbuf, SCAP_ERRBUF_SIZE, "scap_open: engine '%s' is in the "
				 "library %s, not in libscap: link it and pass %s as "
				 "opts.engine_impl", o.engine, engine_libraries[i].library,
				 engine_libraries[i].descriptor);
		return -ENOTSUP;
	}
	if (!ops && !o.engine_impl) {
		if (errbuf)
			snprintf(errbuf, SCAP_ERRBUF_SIZE, "scap_open: unknown engine '%s'",
				 o.engine);
		return -EINVAL;
	}

	h = calloc(1, sizeof(*h));
	if (!h)
		return open_fail(errbuf, -ENOMEM, "scap_open: out of memory");
	if (o.engine_impl) {
		size_t n = o.engine_impl->sz;

		if (n > sizeof(h->impl))
			n = sizeof(h->impl);
		memcpy(&h->impl, o.engine_impl, n);
		ops = &h->impl;
	}
	h->ops = ops;
	h->no_proc_scan = o.no_proc_scan;
	h->log_fn = o.log_fn;
	h->log_ctx = o.log_ctx;
	h->on_capture = o.on_capture;
	h->on_capture_ctx = o.on_capture_ctx;

	rc = ops->open(h, &o);
	if (rc < 0) {
		if (errbuf)
			snprintf(errbuf, SCAP_ERRBUF_SIZE, "%s", h->errbuf);
		scap_state_free(&h->store);
		free(h);
		return rc;
	}
	h->errbuf[0] = '\0';
	*out = h;
	return 0;
}

/* The engine's next event; in exit-only mode through the expansion (exit_only.c). */
static inline int engine_next(scap_t *h, struct scap_evt_ref *out)
{
	return h->xo ? scap_xo_next(h, out) : h->ops->next(h, out);
}

int scap_next(scap_t *h, struct scap_evt_ref *out)
{
	struct scap_evt_ref full;
	size_t sz;
	int rc;

	if (!h || !out)
		return -EINVAL;
	sz = out->sz;
	/* the usual call: no error yet, a current-size struct filled in place */
	if (!h->sticky_err && sz >= sizeof(full) && h->ops->next) {
		rc = engine_next(h, out);
		out->sz = sz;
		if (rc < 0)
			h->sticky_err = rc;
		return rc;
	}
	if (h->sticky_err)
		return h->sticky_err;
	if (sz < offsetofend(struct scap_evt_ref, len))
		return scap_err(h, -EINVAL, "scap_next: out->sz %zu too small", sz);
	if (!h->ops->next)
		return scap_err(h, -ENOTSUP, "engine %s cannot produce events", h->ops->name);

	if (sz >= sizeof(full)) {
		rc = engine_next(h, out);
		out->sz = sz;
	} else {
		/* Caller built against an older, shorter struct: give it its prefix. */
		full.sz = sizeof(full);
		rc = engine_next(h, &full);
		if (rc == 0) {
			memcpy((char *)out + sizeof(size_t), (char *)&full + sizeof(size_t),
			       sz - sizeof(size_t));
		}
	}
	if (rc < 0)
		h->sticky_err = rc;
	return rc;
}

int scap_next_batch(scap_t *h, struct scap_evt_ref *refs, uint32_t max, uint32_t *n)
{
	int rc;

	if (!n)
		return -EINVAL;
	*n = 0;
	if (!h || !refs || !max)
		return -EINVAL;
	/* exit-only expansion: one event at a time (a record built in the handle's buffer) */
	if (h->sticky_err || refs[0].sz != sizeof(*refs) || !h->ops->next_batch || h->xo) {
		rc = scap_next(h, refs);
		*n = rc == 0;
		return rc;
	}
	rc = h->ops->next_batch(h, refs, max, n);
	if (rc < 0)
		h->sticky_err = rc;
	return rc;
}

int scap_start(scap_t *h)
{
	int rc;

	if (!h)
		return -EINVAL;
	if (!h->ops->start)
		return scap_err(h, -ENOTSUP, "engine %s has no start", h->ops->name);
	rc = h->ops->start(h);
	if (rc == 0)
		scap_engine_capturing(h);
	return rc;
}

void scap_engine_capturing(scap_t *h)
{
	void (*fn)(scap_t *h, void *ctx) = h->on_capture;

	h->on_capture = NULL;
	if (fn)
		fn(h, h->on_capture_ctx);
}

int scap_stop(scap_t *h)
{
	if (!h)
		return -EINVAL;
	if (!h->ops->stop)
		return scap_err(h, -ENOTSUP, "engine %s has no stop", h->ops->name);
	return h->ops->stop(h);
}

/* Copy @st into @out, of out->sz bytes (a caller's older, shorter struct). */
static int state_out(scap_t *h, const struct scap_state *st, struct scap_state *out,
		     const char *fn)
{
	size_t sz = out->sz;

	if (sz < sizeof(size_t))
		return scap_err(h, -EINVAL, "%s: out->sz %zu too small", fn, sz);
	if (sz > sizeof(*out))
		sz = sizeof(*out);
	memcpy((char *)out + sizeof(size_t), (const char *)st + sizeof(size_t),
	       sz - sizeof(size_t));
	return 0;
}

int scap_get_state(scap_t *h, struct scap_state *out)
{
	if (!h || !out)
		return -EINVAL;
	return state_out(h, &h->state, out, "scap_get_state");
}

int scap_get_state_update(scap_t *h, struct scap_state *out)
{
	if (!h || !out)
		return -EINVAL;
	if (!h->has_update)
		return -ENOENT;
	return state_out(h, &h->update, out, "scap_get_state_update");
}

const char *scap_last_error(scap_t *h)
{
	return h ? h->errbuf : "";
}

const char *scap_engine_name(scap_t *h)
{
	return h ? h->ops->name : NULL;
}

void scap_close(scap_t *h)
{
	if (!h)
		return;
	if (h->ops->close)
		h->ops->close(h);
	scap_xo_free(h);
	scap_state_free(&h->store);
	free(h);
}

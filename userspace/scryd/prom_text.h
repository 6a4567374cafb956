/* SPDX-License-Identifier: Apache-2.0 */
/*
 * prom_text.h - a writer of Prometheus's text exposition format, version 0.0.4 (the
 * format every Prometheus server since 2.0 reads; served as
 * "text/plain; version=0.0.4; charset=utf-8"). Source of the rules it enforces:
 * Prometheus's "Exposition formats" page and promtool's metric lint (promlint):
 *
 *   - a metric family is written once: "# HELP name text", "# TYPE name counter|gauge",
 *     then all its samples, consecutively (a family's samples never interleave with
 *     another's, and a name never comes back later in the text);
 *   - metric names match [a-zA-Z_:][a-zA-Z0-9_:]*, label names [a-zA-Z_][a-zA-Z0-9_]*
 *     and do not start with "__" (reserved), and a sample names each label once;
 *   - label values escape backslash, double quote and line feed as \\ \" \n; HELP text
 *     escapes backslash and line feed (a quote stays as is);
 *   - values are Go float64 text: integers as they are, NaN, +Inf, -Inf;
 *   - a counter's name ends in _total and a gauge's does not (promlint refuses both
 *     mistakes); every family has a HELP text (promlint: "no help text").
 *
 * Errors are sticky: the first one is kept and returned by every later call and by
 * scryd_prom_text_finish(), so that a renderer may write many samples and check once.
 */
#ifndef SCRYD_PROM_TEXT_H
#define SCRYD_PROM_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* The Content-Type of the format. */
#define SCRYD_PROM_CONTENT_TYPE "text/plain; version=0.0.4; charset=utf-8"

enum scryd_prom_type {
	SCRYD_PROM_COUNTER,  /* only goes up (resets when the agent restarts) */
	SCRYD_PROM_GAUGE,    /* a current value */
};

/* A label of a sample; both strings borrowed for the call. */
struct scryd_prom_label {
	const char *name;
	const char *value;   /* any UTF-8 text; NULL is written as "" */
};

/* An exposition being written; fields private (the struct is public for the stack). */
struct scryd_prom_text {
	FILE *f;             /* memory stream over buf */
	char *buf;
	size_t len;
	char *family;        /* the family whose samples may come now (NULL: none yet) */
	char **names;        /* every family written, to refuse one given twice */
	size_t nnames, cap;
	int err;             /* first error, 0 none */
};

/* Start an empty exposition. Return 0; -ENOMEM (nothing to free). */
int scryd_prom_text_init(struct scryd_prom_text *p);

/*
 * Begin family @name of @type with @help (one line after escaping; not empty). Ends the
 * previous family. Return 0; -EINVAL a bad name, an empty help, a counter not ending in
 * _total or a gauge ending in it; -EEXIST @name was begun before; -ENOMEM.
 */
int scryd_prom_text_family(struct scryd_prom_text *p, const char *name, enum scryd_prom_type type,
			   const char *help);

/*
 * A sample of the current family: "name{l1="v1",...} value". @labels: @n labels (may
 * be NULL when @n is 0), written in the order given. Return 0; -EINVAL no family begun,
 * @name not the current family's, a bad or reserved label name, a label given twice;
 * -ENOMEM.
 */
int scryd_prom_text_u64(struct scryd_prom_text *p, const char *name,
			const struct scryd_prom_label *labels, size_t n, uint64_t value);

/* The same with a float64 value (NaN and infinities allowed). */
int scryd_prom_text_double(struct scryd_prom_text *p, const char *name,
			   const struct scryd_prom_label *labels, size_t n, double value);

/*
 * A label set rendered once, for samples of several families that carry the same
 * labels (a container's id, name and image on each of its figures): *out is
 * "{l1="v1",...}" escaped ("" for @n 0), malloc()ed. Return 0; -EINVAL a bad or reserved
 * label name, a label given twice; -ENOMEM.
 */
int scryd_prom_labelset_make(const struct scryd_prom_label *labels, size_t n, char **out);

/* A sample of the current family with a label set of scryd_prom_labelset_make(). Return
 * as scryd_prom_text_u64(). */
int scryd_prom_text_u64_ls(struct scryd_prom_text *p, const char *name, const char *labelset,
			   uint64_t value);
int scryd_prom_text_double_ls(struct scryd_prom_text *p, const char *name, const char *labelset,
			      double value);

/*
 * End the exposition. On success *text is the whole text (NUL-terminated, *len bytes
 * without the NUL; free() it). Whatever the result @p is released (init it again to
 * reuse). Return 0, or the first error of the writing (*text NULL).
 */
int scryd_prom_text_finish(struct scryd_prom_text *p, char **text, size_t *len);

/* Release @p without a result (after an error). */
void scryd_prom_text_free(struct scryd_prom_text *p);

#endif /* SCRYD_PROM_TEXT_H */

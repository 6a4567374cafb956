/* SPDX-License-Identifier: Apache-2.0 */
/*
 * rules_yaml.h - a rules file read into a small tree of YAML nodes (scalars,
 * sequences, maps) with the line and column of each, from libyaml's event parser.
 * Anchors and aliases are resolved (an alias points at its anchor's node).
 */
#ifndef SINSP_RULES_YAML_H
#define SINSP_RULES_YAML_H

#include <stdbool.h>
#include <stddef.h>

enum ry_kind { RY_SCALAR, RY_SEQ, RY_MAP };

struct ry_node {
	enum ry_kind kind;
	unsigned line, column;   /* from 1 */
	size_t offset;           /* byte offset in the file */
	size_t end_offset;       /* RY_SCALAR: byte offset just past it in the file */
	char *str;               /* RY_SCALAR: the value, NUL terminated */
	size_t len;
	bool plain;              /* RY_SCALAR: unquoted (so "null", "~", "" are null) */
	struct ry_node **kids;   /* RY_SEQ: items; RY_MAP: key, value, key, value... */
	size_t nkids;
	bool alias;              /* reached through an alias: owned elsewhere */
};

/* A parsed file: its documents (a root node each, NULL for an empty document). */
struct ry_doc {
	struct ry_node **roots;
	size_t nroots;
	struct ry_node **all;    /* every node, for freeing */
	size_t nall;
};

/*
 * Parse len bytes of YAML. 0 and *doc; -EINVAL with msg (size bytes) filled with
 * libyaml's problem and *line, *column where it is; -ENOMEM.
 */
int ry_parse(const char *text, size_t len, struct ry_doc *doc, char *msg, size_t size,
	     unsigned *line, unsigned *column);
void ry_free(struct ry_doc *doc);

/* Whether n is a YAML null (absent, a tilde, null, an empty plain scalar). */
bool ry_is_null(const struct ry_node *n);
/* The value of key in map n, NULL when absent. */
struct ry_node *ry_get(const struct ry_node *n, const char *key);
/* The key node of key in map n, NULL when absent. */
struct ry_node *ry_key(const struct ry_node *n, const char *key);

/*
 * Where byte off of a scalar's value is in the file. src (len bytes) is the scalar as
 * written (from its node's offset to its end_offset), starting at line:column; val is
 * its value. Plain, quoted and block (| >) scalars map character by character, a run of
 * blanks and line breaks in the value matching one in the source. Returns false (the
 * outputs untouched) when the two do not line up (escapes in a double-quoted scalar).
 */
bool ry_locate(const char *src, size_t len, unsigned line, unsigned column, size_t offset,
	       const char *val, size_t off, unsigned *out_line, unsigned *out_column,
	       size_t *out_offset);

#endif /* SINSP_RULES_YAML_H */

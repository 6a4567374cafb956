/* SPDX-License-Identifier: Apache-2.0 */
/*
 * rules_yaml.c - YAML text to a tree of nodes with their positions, built from the
 * events of libyaml's parser (yaml_parser_parse), whose marks give every node's
 * line and column. Anchors are kept by name so that aliases resolve to their node.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "rules/rules_yaml.h"
#include "util/grow.h"

struct anchor {
	char *name;
	struct ry_node *node;
};

struct builder {
	struct ry_doc *doc;
	struct ry_node **stack;   /* open sequences and maps */
	size_t depth;
	struct anchor *anchors;
	size_t nanchors;
};

static int push_ptr(struct ry_node ***arr, size_t *n, struct ry_node *v)
{
	struct ry_node **a = sinsp_grow(*arr, *n, sizeof(**arr));

	if (!a)
		return -ENOMEM;
	*arr = a;
	a[(*n)++] = v;
	return 0;
}

/* Attach n to the open collection, or make it the document's root. */
static int attach(struct builder *b, struct ry_node *n)
{
	if (b->depth) {
		struct ry_node *top = b->stack[b->depth - 1];

		return push_ptr(&top->kids, &top->nkids, n);
	}
	return push_ptr(&b->doc->roots, &b->doc->nroots, n);
}

static struct ry_node *new_node(struct builder *b, enum ry_kind kind, const yaml_mark_t *m)
{
	struct ry_node *n = calloc(1, sizeof(*n));

	if (!n)
		return NULL;
	if (push_ptr(&b->doc->all, &b->doc->nall, n)) {
		free(n);
		return NULL;
	}
	n->kind = kind;
	n->line = (unsigned)m->line + 1;
	n->column = (unsigned)m->column + 1;
	n->offset = m->index;
	return n;
}

static int add_anchor(struct builder *b, const yaml_char_t *name, struct ry_node *n)
{
	struct anchor *a;

	if (!name)
		return 0;
	a = sinsp_grow(b->anchors, b->nanchors, sizeof(*a));
	if (!a)
		return -ENOMEM;
	b->anchors = a;
	a[b->nanchors].name = strdup((const char *)name);
	a[b->nanchors].node = n;
	if (!a[b->nanchors].name)
		return -ENOMEM;
	b->nanchors++;
	return 0;
}

static struct ry_node *find_anchor(const struct builder *b, const yaml_char_t *name)
{
	size_t i = b->nanchors;

	while (i--)  /* the latest definition of a name wins */
		if (strcmp(b->anchors[i].name, (const char *)name) == 0)
			return b->anchors[i].node;
	return NULL;
}

/* One parser event into the tree; 0, -ENOMEM, or -EINVAL (unknown alias). */
static int on_event(struct builder *b, const yaml_event_t *e, char *msg, size_t size)
{
	struct ry_node *n;

	switch (e->type) {
	case YAML_DOCUMENT_START_EVENT:
		b->depth = 0;
		return 0;
	case YAML_DOCUMENT_END_EVENT:
		return 0;
	case YAML_SCALAR_EVENT:
		n = new_node(b, RY_SCALAR, &e->start_mark);
		if (!n)
			return -ENOMEM;
		n->str = malloc(e->data.scalar.length + 1);
		if (!n->str)
			return -ENOMEM;
		memcpy(n->str, e->data.scalar.value, e->data.scalar.length);
		n->str[e->data.scalar.length] = 0;
		n->len = e->data.scalar.length;
		n->plain = e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		n->end_offset = e->end_mark.index;
		if (add_anchor(b, e->data.scalar.anchor, n))
			return -ENOMEM;
		return attach(b, n);
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		n = new_node(b, e->type == YAML_SEQUENCE_START_EVENT ? RY_SEQ : RY_MAP, &e->start_mark);
		if (!n)
			return -ENOMEM;
		if (add_anchor(b, e->type == YAML_SEQUENCE_START_EVENT ? e->data.sequence_start.anchor :
				  e->data.mapping_start.anchor, n) || attach(b, n) ||
		    push_ptr(&b->stack, &b->depth, n))
			return -ENOMEM;
		return 0;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		if (b->depth)
			b->depth--;
		return 0;
	case YAML_ALIAS_EVENT:
		n = find_anchor(b, e->data.alias.anchor);
		if (!n) {
			snprintf(msg, size, "unknown alias *%s", (const char *)e->data.alias.anchor);
			return -EINVAL;
		}
		return attach(b, n);
	default:
		return 0;
	}
}

int ry_parse(const char *text, size_t len, struct ry_doc *doc, char *msg, size_t size,
	     unsigned *line, unsigned *column)
{
	struct builder b = { .doc = doc };
	yaml_parser_t parser;
	yaml_event_t e;
	int rc = 0;
	size_t i;

	memset(doc, 0, sizeof(*doc));
	*line = *column = 0;
	if (!yaml_parser_initialize(&parser))
		return -ENOMEM;
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	for (;;) {
		if (!yaml_parser_parse(&parser, &e)) {
			snprintf(msg, size, "%s%s%s", parser.problem ? parser.problem : "invalid YAML",
				 parser.context ? " " : "", parser.context ? parser.context : "");
			*line = (unsigned)parser.problem_mark.line + 1;
			*column = (unsigned)parser.problem_mark.column + 1;
			rc = parser.error == YAML_MEMORY_ERROR ? -ENOMEM : -EINVAL;
			break;
		}
		rc = on_event(&b, &e, msg, size);
		if (rc) {
			*line = (unsigned)e.start_mark.line + 1;
			*column = (unsigned)e.start_mark.column + 1;
		}
		if (rc || e.type == YAML_STREAM_END_EVENT) {
			yaml_event_delete(&e);
			break;
		}
		yaml_event_delete(&e);
	}
	yaml_parser_delete(&parser);
	for (i = 0; i < b.nanchors; i++)
		free(b.anchors[i].name);
	free(b.anchors);
	free(b.stack);
	if (rc)
		ry_free(doc);
	return rc;
}

void ry_free(struct ry_doc *doc)
{
	size_t i;

	for (i = 0; i < doc->nall; i++) {
		free(doc->all[i]->str);
		free(doc->all[i]->kids);
		free(doc->all[i]);
	}
	free(doc->all);
	free(doc->roots);
	memset(doc, 0, sizeof(*doc));
}

bool ry_is_null(const struct ry_node *n)
{
	if (!n)
		return true;
	if (n->kind != RY_SCALAR || !n->plain)
		return false;
	return !n->len || strcmp(n->str, "~") == 0 || strcmp(n->str, "null") == 0 ||
	       strcmp(n->str, "Null") == 0 || strcmp(n->str, "NULL") == 0;
}

struct ry_node *ry_key(const struct ry_node *n, const char *key)
{
	size_t i;

	if (!n || n->kind != RY_MAP)
		return NULL;
	for (i = 0; i + 1 < n->nkids; i += 2)
		if (n->kids[i]->kind == RY_SCALAR && strcmp(n->kids[i]->str, key) == 0)
			return n->kids[i];
	return NULL;
}

struct ry_node *ry_get(const struct ry_node *n, const char *key)
{
	size_t i;

	if (!n || n->kind != RY_MAP)
		return NULL;
	for (i = 0; i + 1 < n->nkids; i += 2)
		if (n->kids[i]->kind == RY_SCALAR && strcmp(n->kids[i]->str, key) == 0)
			return n->kids[i + 1];
	return NULL;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool ry_locate(const char *src, size_t len, unsigned line, unsigned column, size_t offset,
	       const char *val, size_t off, unsigned *out_line, unsigned *out_column,
	       size_t *out_offset)
{
	size_t i = 0, j = 0, k, line_start = 0;
	bool first_line = true;

	if (len && (src[0] == '|' || src[0] == '>')) {
		while (i < len && src[i] != '\n')  /* the block header: | > and indicators */
			i++;
	} else if (len && (src[0] == '"' || src[0] == '\'')) {
		i = 1;
	}
	while (j < off) {
		if (is_space(val[j])) {
			while (j < off && is_space(val[j]))
				j++;
			while (i < len && is_space(src[i]))
				i++;
			continue;
		}
		if (i >= len || (src[i] != val[j] && !is_space(src[i])))
			return false;
		if (is_space(src[i])) {
			i++;
			continue;
		}
		i++;
		j++;
	}
	while (!is_space(val[off]) && i < len && is_space(src[i]))
		i++;
	if (val[off] ? i >= len || (src[i] != val[off] && !is_space(val[off])) : i > len)
		return false;
	for (k = 0; k < i; k++) {
		if (src[k] == '\n') {
			line++;
			line_start = k + 1;
			first_line = false;
		}
	}
	*out_line = line;
	*out_column = (unsigned)(first_line ? column + i : i - line_start + 1);
	*out_offset = offset + i;
	return true;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * users.c - the user and group tables (users.h): uid/gid -> chain of entries, one per
 * container that has that id (host first when present).
 */
#include <stdlib.h>
#include <string.h>

#include "state/inspector.h"
#include "state/users.h"

/* The container key of an entry: "" for the host. */
static const char *ckey(const char *container_id)
{
	if (!container_id || strcmp(container_id, "host") == 0)
		return "";
	return container_id;
}

/* The tables' key of user or group @id of the current event's source (a capture that
 * merges several hosts keeps each host's users apart: see sinsp_thread_key()). */
static uint64_t id_key(const struct sinsp *s, uint32_t id)
{
	return (uint64_t)id ^ ((uint64_t)s->cur_src << 40);
}

static char *dup_or_empty(const char *p)
{
	return strdup(p ? p : "");
}

static void user_free(struct sinsp_user *u)
{
	free(u->name);
	free(u->home);
	free(u->shell);
	free(u->container_id);
	free(u);
}

static void group_free(struct sinsp_group *g)
{
	free(g->name);
	free(g->container_id);
	free(g);
}

const struct sinsp_user *sinsp_user_find(struct sinsp *s, const char *container_id, uint32_t uid)
{
	const char *c = ckey(container_id);
	const struct sinsp_user *u, *host = NULL;

	for (u = hashmap_get(&s->users, id_key(s, uid)); u; u = u->next) {
		if (strcmp(u->container_id, c) == 0)
			return u;
		if (!u->container_id[0])
			host = u;
	}
	return host;
}

const struct sinsp_group *sinsp_group_find(struct sinsp *s, const char *container_id, uint32_t gid)
{
	const char *c = ckey(container_id);
	const struct sinsp_group *g, *host = NULL;

	for (g = hashmap_get(&s->groups, id_key(s, gid)); g; g = g->next) {
		if (strcmp(g->container_id, c) == 0)
			return g;
		if (!g->container_id[0])
			host = g;
	}
	return host;
}

int sinsp_user_add(struct sinsp *s, const char *container_id, uint32_t uid, uint32_t gid,
		   const char *name, const char *home, const char *shell)
{
	const char *c = ckey(container_id);
	struct sinsp_user *head = hashmap_get(&s->users, id_key(s, uid)), *u;

	if (!name)
		return -EINVAL;
	for (u = head; u; u = u->next)
		if (strcmp(u->container_id, c) == 0)
			break;
	if (u) {
		char *n = strdup(name), *h = dup_or_empty(home), *sh = dup_or_empty(shell);

		if (!n || !h || !sh) {
			free(n);
			free(h);
			free(sh);
			return -ENOMEM;
		}
		free(u->name);
		free(u->home);
		free(u->shell);
		u->name = n;
		u->home = h;
		u->shell = sh;
		u->gid = gid;
		return 0;
	}
	u = calloc(1, sizeof(*u));
	if (!u)
		return -ENOMEM;
	u->uid = uid;
	u->gid = gid;
	u->name = strdup(name);
	u->home = dup_or_empty(home);
	u->shell = dup_or_empty(shell);
	u->container_id = strdup(c);
	if (!u->name || !u->home || !u->shell || !u->container_id) {
		user_free(u);
		return -ENOMEM;
	}
	u->next = head;
	if (hashmap_put(&s->users, id_key(s, uid), u)) {
		user_free(u);
		return -ENOMEM;
	}
	s->nusers++;
	return 0;
}

int sinsp_user_remove(struct sinsp *s, const char *container_id, uint32_t uid)
{
	const char *c = ckey(container_id);
	struct sinsp_user *head = hashmap_get(&s->users, id_key(s, uid)), **pp, *u;

	for (pp = &head; (u = *pp) != NULL; pp = &u->next) {
		if (strcmp(u->container_id, c) != 0)
			continue;
		*pp = u->next;
		if (head)
			hashmap_put(&s->users, id_key(s, uid), head); /* replaces in place: no allocation */
		else
			hashmap_del(&s->users, id_key(s, uid));
		user_free(u);
		s->nusers--;
		return 0;
	}
	return -ENOENT;
}

int sinsp_group_add(struct sinsp *s, const char *container_id, uint32_t gid, const char *name)
{
	const char *c = ckey(container_id);
	struct sinsp_group *head = hashmap_get(&s->groups, id_key(s, gid)), *g;
	char *n;

	if (!name)
		return -EINVAL;
	for (g = head; g; g = g->next) {
		if (strcmp(g->container_id, c) != 0)
			continue;
		if (!(n = strdup(name)))
			return -ENOMEM;
		free(g->name);
		g->name = n;
		return 0;
	}
	g = calloc(1, sizeof(*g));
	if (!g)
		return -ENOMEM;
	g->gid = gid;
	g->name = strdup(name);
	g->container_id = strdup(c);
	if (!g->name || !g->container_id) {
		group_free(g);
		return -ENOMEM;
	}
	g->next = head;
	if (hashmap_put(&s->groups, id_key(s, gid), g)) {
		group_free(g);
		return -ENOMEM;
	}
	s->ngroups++;
	return 0;
}

int sinsp_group_remove(struct sinsp *s, const char *container_id, uint32_t gid)
{
	const char *c = ckey(container_id);
	struct sinsp_group *head = hashmap_get(&s->groups, id_key(s, gid)), **pp, *g;

	for (pp = &head; (g = *pp) != NULL; pp = &g->next) {
		if (strcmp(g->container_id, c) != 0)
			continue;
		*pp = g->next;
		if (head)
			hashmap_put(&s->groups, id_key(s, gid), head);
		else
			hashmap_del(&s->groups, id_key(s, gid));
		group_free(g);
		s->ngroups--;
		return 0;
	}
	return -ENOENT;
}

uint32_t sinsp_user_count(struct sinsp *s)
{
	return s->nusers;
}

uint32_t sinsp_group_count(struct sinsp *s)
{
	return s->ngroups;
}

const char *sinsp_user_name(struct sinsp *s, uint32_t uid)
{
	const struct sinsp_user *u = sinsp_user_find(s, NULL, uid);

	return u ? u->name : NULL;
}

const char *sinsp_group_name(struct sinsp *s, uint32_t gid)
{
	const struct sinsp_group *g = sinsp_group_find(s, NULL, gid);

	return g ? g->name : NULL;
}

int sinsp_users_load_state(struct sinsp *s, const struct scap_state *st)
{
	uint32_t i;
	int rc;

	for (i = 0; i < st->nusers; i++) {
		const struct scap_userinfo *u = &st->users[i];

		/* the first entry of an id wins, as a lookup in the block's order would */
		if (sinsp_user_find(s, NULL, u->uid))
			continue;
		rc = sinsp_user_add(s, NULL, u->uid, u->gid, u->name, u->homedir, u->shell);
		if (rc)
			return rc;
	}
	for (i = 0; i < st->ngroups; i++) {
		const struct scap_groupinfo *g = &st->groups[i];

		if (sinsp_group_find(s, NULL, g->gid))
			continue;
		rc = sinsp_group_add(s, NULL, g->gid, g->name);
		if (rc)
			return rc;
	}
	return 0;
}

/*
 * Split line (NUL terminated, newline removed) at ':' into at most max fields; returns
 * the count. Fields point into line.
 */
static int split_colon(char *line, char **f, int max)
{
	int n = 0;

	f[n++] = line;
	for (; *line && n < max; line++) {
		if (*line == ':') {
			*line = 0;
			f[n++] = line + 1;
		}
	}
	return n;
}

/* Parse a decimal id; false when the text is not one. */
static bool parse_id(const char *p, uint32_t *out)
{
	char *end;
	unsigned long v;

	if (!*p)
		return false;
	v = strtoul(p, &end, 10);
	if (*end || v > UINT32_MAX)
		return false;
	*out = (uint32_t)v;
	return true;
}

static int load_passwd(struct sinsp *s, FILE *f)
{
	char line[4096], *fld[7];
	uint32_t uid, gid;
	int rc;

	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\r\n")] = 0;
		if (!line[0] || line[0] == '#')
			continue;
		if (split_colon(line, fld, 7) != 7 || !fld[0][0] || !parse_id(fld[2], &uid) ||
		    !parse_id(fld[3], &gid))
			continue;
		rc = sinsp_user_add(s, NULL, uid, gid, fld[0], fld[5], fld[6]);
		if (rc)
			return rc;
	}
	return 0;
}

static int load_group(struct sinsp *s, FILE *f)
{
	char line[4096], *fld[4];
	uint32_t gid;
	int rc;

	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\r\n")] = 0;
		if (!line[0] || line[0] == '#')
			continue;
		if (split_colon(line, fld, 4) < 3 || !fld[0][0] || !parse_id(fld[2], &gid))
			continue;
		rc = sinsp_group_add(s, NULL, gid, fld[0]);
		if (rc)
			return rc;
	}
	return 0;
}

int sinsp_users_load_files(struct sinsp *s, const char *passwd_path, const char *group_path)
{
	int rc = 0, r;
	FILE *f;

	if (passwd_path) {
		f = fopen(passwd_path, "r");
		if (!f) {
			rc = sinsp_err(s, -errno, "open %s", passwd_path);
		} else {
			r = load_passwd(s, f);
			fclose(f);
			if (r)
				return r;
		}
	}
	if (group_path) {
		f = fopen(group_path, "r");
		if (!f) {
			r = sinsp_err(s, -errno, "open %s", group_path);
			if (!rc)
				rc = r;
		} else {
			r = load_group(s, f);
			fclose(f);
			if (r)
				return r;
		}
	}
	return rc;
}

void sinsp_users_free(struct sinsp *s)
{
	size_t i;

	for (i = 0; i < s->users.cap; i++) {
		struct sinsp_user *u = s->users.slots[i].val, *n;

		for (; u; u = n) {
			n = u->next;
			user_free(u);
		}
	}
	for (i = 0; i < s->groups.cap; i++) {
		struct sinsp_group *g = s->groups.slots[i].val, *n;

		for (; g; g = n) {
			n = g->next;
			group_free(g);
		}
	}
	hashmap_free(&s->users);
	hashmap_free(&s->groups);
	s->nusers = s->ngroups = 0;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * users.h - users and groups: seeded from the capture's user list (or from
 * /etc/passwd and /etc/group in live mode), updated by the useradded, userdeleted,
 * groupadded and groupdeleted events. Entries are per container: the host's have
 * container id "" and a thread's user is looked up in its own container first.
 *
 * Ownership: entries and their strings are owned by the inspector; a pointer returned
 * here stays valid until the entry is deleted by an event or sinsp_close().
 */
#ifndef SINSP_USERS_H
#define SINSP_USERS_H

#include <stdint.h>

struct sinsp;

struct sinsp_user {
	uint32_t uid, gid;
	char *name;                 /* never NULL */
	char *home;                 /* "" when unknown */
	char *shell;                /* "" when unknown */
	char *container_id;         /* "" for the host */
	struct sinsp_user *next;    /* same uid, other container (internal) */
};

struct sinsp_group {
	uint32_t gid;
	char *name;                 /* never NULL */
	char *container_id;         /* "" for the host */
	struct sinsp_group *next;   /* same gid, other container (internal) */
};

/**
 * sinsp_user_find() - the user with this uid.
 * @s:            [in] inspector.
 * @container_id: [in] container to look in: NULL, "" or "host" for the host. A
 *                container without its own entry for @uid falls back to the host's.
 * @uid:          [in] user id.
 * Return: the entry (owned by @s), NULL when unknown.
 */
const struct sinsp_user *sinsp_user_find(struct sinsp *s, const char *container_id, uint32_t uid);

/** sinsp_group_find() - as sinsp_user_find(), for a group id. */
const struct sinsp_group *sinsp_group_find(struct sinsp *s, const char *container_id, uint32_t gid);

/**
 * sinsp_user_add() - add or replace the user @uid of @container_id (NULL/""/"host":
 * the host). Strings are copied; NULL home/shell become "".
 * Return: 0, -EINVAL (NULL name), -ENOMEM.
 */
int sinsp_user_add(struct sinsp *s, const char *container_id, uint32_t uid, uint32_t gid,
		   const char *name, const char *home, const char *shell);
/** sinsp_user_remove() - delete the user @uid of @container_id; 0, or -ENOENT. */
int sinsp_user_remove(struct sinsp *s, const char *container_id, uint32_t uid);
/** sinsp_group_add() - add or replace a group; 0, -EINVAL, -ENOMEM. */
int sinsp_group_add(struct sinsp *s, const char *container_id, uint32_t gid, const char *name);
/** sinsp_group_remove() - delete a group; 0, or -ENOENT. */
int sinsp_group_remove(struct sinsp *s, const char *container_id, uint32_t gid);

/**
 * sinsp_users_load_files() - add the host's users and groups from passwd and group
 * files (live mode: "/etc/passwd", "/etc/group"; the paths are parameters so that a
 * container's root or a test can be read). Lines are "name:pw:uid:gid:gecos:home:shell"
 * and "name:pw:gid:members"; blank, comment ('#') and malformed lines are skipped.
 * Either path may be NULL to skip that file. Entries already present are replaced.
 * Return: 0; -errno of fopen() (the other file is still read); -ENOMEM.
 */
int sinsp_users_load_files(struct sinsp *s, const char *passwd_path, const char *group_path);

/** sinsp_user_count() / sinsp_group_count() - entries in the tables (all containers). */
uint32_t sinsp_user_count(struct sinsp *s);
uint32_t sinsp_group_count(struct sinsp *s);

/* ---- internal: the tables of the handle ----------------------------------------- */

struct scap_state;

/* Seed the host's users and groups from the capture's user list; 0 or -ENOMEM. */
int sinsp_users_load_state(struct sinsp *s, const struct scap_state *st);
void sinsp_users_free(struct sinsp *s);
/* Host user/group name of an id; NULL when unknown. */
const char *sinsp_user_name(struct sinsp *s, uint32_t uid);
const char *sinsp_group_name(struct sinsp *s, uint32_t gid);

#endif /* SINSP_USERS_H */

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * msgid_set.h - the message ids a stream reader saw last, to drop a message the bus
 * delivers twice (a producer that resent what the bus had stored but not acknowledged:
 * the spool's retry after a lost delivery report). A window of the last @cap ids, oldest
 * forgotten first: a copy that arrives within @cap messages of the first one is found.
 * Ids are copied. One thread at a time.
 */
#ifndef SCAP_STREAM_MSGID_SET_H
#define SCAP_STREAM_MSGID_SET_H

#include <stddef.h>

struct msgid_set;

/* A set remembering the last @cap ids (cap >= 1). Return 0 (*@out set) or -ENOMEM. */
int msgid_set_new(size_t cap, struct msgid_set **out);

/* Add @id unless it is in the window. Return 0 added (new), 1 already seen, -ENOMEM. */
int msgid_set_add(struct msgid_set *s, const char *id);

void msgid_set_free(struct msgid_set *s);

#endif /* SCAP_STREAM_MSGID_SET_H */

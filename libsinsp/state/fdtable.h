/* SPDX-License-Identifier: Apache-2.0 */
/*
 * fdtable.h - fd table operations beyond those sinsp_int.h lists: the lifetime of a
 * closed fd, which stays readable for the close exit event that removed it.
 */
#ifndef SINSP_FDTABLE_H
#define SINSP_FDTABLE_H

#include "sinsp_int.h"

/*
 * sinsp_fd_detach() - take number fd out of t's table without freeing it.
 * Return: the entry, now owned by the caller (free it with sinsp_fd_free()); NULL when
 * t has no such fd.
 */
struct sinsp_fd *sinsp_fd_detach(struct sinsp_thread *t, int64_t fd);

/* sinsp_fd_free() - free an entry that is in no table (NULL is ignored). */
void sinsp_fd_free(struct sinsp_fd *f);

/*
 * sinsp_fd_release_closed() - free the fd a close exit event detached (s->closed_fd):
 * sysdig shows a closed fd for the close exit event itself and forgets it from the
 * next event on. Called by sinsp_next() before reading the next event and by
 * sinsp_close(). Idempotent.
 */
void sinsp_fd_release_closed(struct sinsp *s);

#endif

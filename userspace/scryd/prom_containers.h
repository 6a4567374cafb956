/* SPDX-License-Identifier: Apache-2.0 */
/*
 * prom_containers.h - the per-container and host figures of libsinsp's metrics in the
 * text exposition format (families and labels: prom_containers.c).
 */
#ifndef SCRYD_PROM_CONTAINERS_H
#define SCRYD_PROM_CONTAINERS_H

#include <scry/sinsp_metrics.h>

#include "prom_text.h"

/*
 * Write the figures of the interval @m closed last into @t (nothing before the first
 * interval, or with @m NULL). Called by the capture loop: it reads @m. Return 0, or
 * -ENOMEM (nothing written); the writer's errors are @t's (sticky, returned by
 * scryd_prom_text_finish()).
 */
int scryd_prom_containers(struct scryd_prom_text *t, struct sinsp_metrics *m);

#endif /* SCRYD_PROM_CONTAINERS_H */

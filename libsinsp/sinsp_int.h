/* SPDX-License-Identifier: Apache-2.0 */
/*
 * sinsp_int.h - the whole handle as sinsp.c sees it: every part's internal header.
 *
 * Each part declares its own internals in its folder, lowest first:
 *   util/    hashmap.h, strbuf.h, paths.h        containers and text buffers
 *   event/   event.h, param_text.h               the current event, its parameters
 *   state/   inspector.h (struct sinsp), threads.h, fdtable.h, fdpath.h, users.h,
 *            containers.h                         the tables events are applied to
 *   parse/   parse.h                             the parsers applying events to state
 *   fields/  fields.h, render.h                  field catalog, extraction, evt.args text
 *   filter/  filter.h        format/ (format.c)  filters and output formats
 *   dump/    (dump_state.c)                      the state written into a capture
 * A part includes only its own headers and those of the parts above it in this list
 * (scripts/check-layers.py checks it). Only sinsp.c (and the unit tests) include this.
 */
#ifndef SINSP_INT_H
#define SINSP_INT_H

#include "event/event.h"
#include "state/inspector.h"
#include "state/threads.h"
#include "state/fdtable.h"
#include "state/containers.h"
#include "state/users.h"
#include "state/sources.h"
#include "parse/parse.h"
#include "fields/fields.h"
#include "filter/filter.h"

#endif /* SINSP_INT_H */

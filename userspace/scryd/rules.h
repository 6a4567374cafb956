/* SPDX-License-Identifier: Apache-2.0 */
/*
 * rules.h - scryd's rules: the configured files loaded and compiled on an inspector,
 * with every load error reported as FILE:LINE:COL.
 */
#ifndef SCRYD_RULES_H
#define SCRYD_RULES_H

#include <stdbool.h>

#include <scry/sinsp.h>
#include <scry/sinsp_rules.h>

#include "config.h"

/*
 * Load c->rules (in order) on @s, compile, select c->min_priority, render output
 * fields as JSON. On an error each message goes to stderr (@to_log false: before
 * capture) or to scryd's log (true: a reload), one line "FILE:LINE:COL: error: CODE:
 * message (item_type 'name')"; warnings go only to the log (level warning).
 * Return: 0 and *out (sinsp_rules_free()); -1 the rules do not load (*out NULL).
 */
int scryd_rules_build(sinsp_t *s, const struct scryd_config *c, bool to_log,
		      struct sinsp_rules **out);

/*
 * Check c->rules on an inspector with no events (before any engine opens).
 * Return: 0 they load; -1 not (reported on stderr).
 */
int scryd_rules_check(const struct scryd_config *c);

#endif /* SCRYD_RULES_H */

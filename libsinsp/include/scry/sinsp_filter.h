/* SPDX-License-Identifier: Apache-2.0 */
/*
 * sinsp_filter.h - filter expressions in sysdig/Falco syntax, compiled once and
 * evaluated per event without re-parsing or allocation.
 *
 *   proc.name=curl and (fd.name contains lib or evt.type in (open, openat))
 *   not evt.failed=true and fd.num > 2
 *
 * Grammar: `or` binds loosest, then `and`, then `not`; parentheses group. A check is
 * FIELD OP VALUE, FIELD in (V1, V2, ...), or FIELD exists. Operators: = == != < <= >
 * >= contains icontains bcontains startswith bstartswith endswith glob pmatch in
 * intersects exists. Values are bare words, or '...' / "..." strings with \\ \" \'
 * and \xHH escapes. Fields are those of sinsp_field_info_get() (with arguments:
 * evt.arg.name, evt.arg[0]).
 *
 * Semantics are sysdig 0.29.3's: a field that does not resolve for an event makes
 * its check false (`!=` included; `exists` tests exactly that); numeric fields
 * compare as numbers of the field's sysdig type (signed or unsigned, the value cut
 * to the field's width); booleans take true/false; strings compare bytewise
 * (icontains ignores ASCII case); glob is fnmatch() without flags; pmatch matches a
 * path equal to or under one of the listed paths. Differences, all on inputs sysdig
 * rejects or misreads: `and` and `or` may be mixed without parentheses (sysdig
 * refuses), `==` is `=` (sysdig reads "==x" as "=" and the value "=x"), bcontains,
 * bstartswith and intersects are accepted, and a missing value is an error (sysdig
 * compares with "").
 */
#ifndef SINSP_FILTER_H
#define SINSP_FILTER_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

#include <scry/sinsp.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A compiled filter. */
struct sinsp_filter;

/**
 * sinsp_filter_compile() - parse and compile a filter expression.
 * @s:    [in] handle whose fields the filter uses (the filter must not outlive it).
 * @expr: [in] the expression, NUL terminated; not kept.
 * @out:  [out] the filter, NULL on failure; free with sinsp_filter_free().
 * Return: 0; -EINVAL malformed expression, unknown field or value the field cannot
 * take: sinsp_last_error(@s) says "filter error at byte N: ..." with N the 0-based
 * byte offset in @expr where it went wrong and what was expected there; -ENOMEM.
 * Thread-safety: one thread per handle.
 */
SINSP_API int sinsp_filter_compile(sinsp_t *s, const char *expr, struct sinsp_filter **out);

/**
 * sinsp_filter_match() - evaluate the filter on one event.
 * @f:   [in] filter; uses buffers owned by @f: one thread per filter.
 * @evt: [in,out] the event sinsp_next() returned last (state already applied).
 * Events whose type is not in sinsp_filter_type_may_match() are rejected before any
 * field is looked at.
 *
 * State it changes. An event that sinsp_next() returned because @f, set with
 * sinsp_set_filter(), matched it is answered true at once and nothing changes.
 * Otherwise the call does what sysdig 0.29.3's filtering (a step of its parsing) does,
 * to @evt and @evt's thread only:
 * - before evaluating: an exit event of a type that uses an fd (SCAP_EF_USES_FD) whose
 *   enter event was not seen or was rejected loses its own fd: evt.buflen and the I/O
 *   evt.category no longer resolve on @evt, fd.* still do (through the thread's last
 *   fd number); a write exit left without an fd takes its thread's last fd number's;
 * - when it rejects @evt: @evt's thread forgets its last event type, unless the type
 *   modifies state (SCAP_EF_MODIFIES_STATE), skips the parse reset
 *   (SCAP_EF_SKIPPARSERESET) or is a scheduler switch; that thread's next exit event
 *   then pairs with no enter event (no evt.latency, no enter parameters, no fd of its
 *   own), as in sysdig.
 * Nothing else changes (no thread, fd, user or container is added, removed or edited).
 * Hence evaluating several filters on one event is not neutral: a rejection by any of
 * them unpairs the thread's next exit event for all.
 * Return: true when the event matches.
 */
SINSP_API bool sinsp_filter_match(struct sinsp_filter *f, struct sinsp_evt *evt);

/**
 * sinsp_filter_type_may_match() - whether events of a raw event type (enum
 * scap_evt_type, as in sinsp_evt_raw()->type) can match at all.
 * Computed at compile time from the checks on evt.type and evt.dir: false means no
 * event of that type matches whatever its fields, so a consumer may skip evaluating
 * it (the event must still go through sinsp_next() so that the state stays right).
 * Types beyond the schema always answer true.
 */
SINSP_API bool sinsp_filter_type_may_match(const struct sinsp_filter *f, uint16_t type);

/**
 * sinsp_set_filter() - let sinsp_next() apply a filter where sysdig applies its own.
 * @s: [in] handle.
 * @f: [in] filter compiled on @s, not owned (sinsp_filter_free() detaches it), or NULL
 *     to return every event again.
 * From then on sinsp_next() returns only the events @f matches; the others are read,
 * numbered and applied to the state as sysdig 0.29.3 applies the events its filter
 * rejects: an event of a type that does not modify state (no SCAP_EF_MODIFIES_STATE:
 * read, mmap, switch, ...) is matched before its parser runs and, when rejected, is not
 * parsed (its thread only forgets its last event type); any other event is parsed,
 * then matched. Events whose type cannot match are rejected without any field being
 * looked at. sinsp_filter_match(@f, evt) on a returned event answers true without a
 * second evaluation. A consumer that needs every event (a writer that keeps rejected
 * events for state) matches with sinsp_filter_match() instead.
 * Return: 0; -EINVAL @s NULL or @f compiled on another handle.
 * Thread-safety: one thread per handle.
 */
SINSP_API int sinsp_set_filter(sinsp_t *s, struct sinsp_filter *f);

/** sinsp_filter_free() - release @f (and detach it from sinsp_next()). NULL is ignored. */
SINSP_API void sinsp_filter_free(struct sinsp_filter *f);

#ifdef __cplusplus
}
#endif
#endif /* SINSP_FILTER_H */

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * scap_live.c - the controls and counters of live capture (scry/scap_live.h): one
 * public call each, validated here, then the engine's operation (NULL: -ENOTSUP).
 */
#include <errno.h>
#include <string.h>

#include "scap_int.h"

_Static_assert(SCAP_MODE_EXIT_ONLY == SCAP_ABI_MODE_EXIT_ONLY, "mode bits are the ABI's");
_Static_assert(SCAP_TP_SCHED_SWITCH == SCAP_ABI_TP_SCHED_SWITCH &&
	       SCAP_TP_SIGNAL_DELIVER == SCAP_ABI_TP_SIGNAL_DELIVER &&
	       SCAP_TP_PAGE_FAULT == SCAP_ABI_TP_PAGE_FAULT, "tracepoint bits are the ABI's");
_Static_assert(SCAP_SYSCALL_SET_WORDS * 64 == SCAP_ABI_SC_SET_BITS, "syscall set size");

/* -ENOTSUP naming the engine and what it lacks. */
static int no_op(scap_t *h, const char *what)
{
	return scap_err(h, -ENOTSUP, "engine %s has no %s", h->ops->name, what);
}

/* Copy the first out->sz bytes of @full (sz excluded) into @out. */
static void copy_prefix(void *out, const void *full, size_t full_sz)
{
	size_t sz = *(const size_t *)out;

	if (sz > full_sz)
		sz = full_sz;
	memcpy((char *)out + sizeof(size_t), (const char *)full + sizeof(size_t),
	       sz - sizeof(size_t));
}

int scap_set_snaplen(scap_t *h, uint32_t bytes)
{
	if (!h)
		return -EINVAL;
	if (!h->ops->set_snaplen)
		return no_op(h, "snaplen");
	if (bytes < 1 || bytes > SCAP_ABI_SNAPLEN_MAX)
		return scap_err(h, -EINVAL, "snaplen %u outside 1..%u", bytes,
				SCAP_ABI_SNAPLEN_MAX);
	return h->ops->set_snaplen(h, bytes);
}

/* A syscall set of @nwords words as the engines take it: SCAP_SYSCALL_SET_WORDS words
 * into @set, those past @nwords zero. */
static void whole_set(uint64_t *set, const uint64_t *bits, size_t nwords)
{
	memset(set, 0, SCAP_SYSCALL_SET_WORDS * sizeof(*set));
	if (nwords > SCAP_SYSCALL_SET_WORDS)
		nwords = SCAP_SYSCALL_SET_WORDS;
	memcpy(set, bits, nwords * sizeof(bits[0]));
}

int scap_set_syscalls(scap_t *h, const uint64_t *bits, size_t nwords)
{
	uint64_t set[SCAP_SYSCALL_SET_WORDS];

	if (!h || !bits)
		return -EINVAL;
	if (!h->ops->set_syscalls)
		return no_op(h, "syscall set");
	whole_set(set, bits, nwords);
	return h->ops->set_syscalls(h, set);
}

int scap_set_mode(scap_t *h, uint32_t mode)
{
	int rc;

	if (!h)
		return -EINVAL;
	if (!h->ops->set_mode)
		return no_op(h, "capture modes");
	if (mode & ~(uint32_t)SCAP_ABI_MODE_ALL)
		return scap_err(h, -EINVAL, "unknown capture mode bits 0x%x",
				mode & ~(uint32_t)SCAP_ABI_MODE_ALL);
	rc = scap_xo_set(h, mode & SCAP_MODE_EXIT_ONLY);
	if (rc < 0)
		return rc;
	rc = h->ops->set_mode(h, mode);
	if (rc < 0)
		scap_xo_set(h, false);
	return rc;
}

int scap_set_tracepoints(scap_t *h, uint32_t mask)
{
	if (!h)
		return -EINVAL;
	if (!h->ops->set_tracepoints)
		return no_op(h, "optional tracepoints");
	if (mask & ~(uint32_t)SCAP_ABI_TP_ALL)
		return scap_err(h, -EINVAL, "unknown tracepoint bits 0x%x",
				mask & ~(uint32_t)SCAP_ABI_TP_ALL);
	return h->ops->set_tracepoints(h, mask);
}

int scap_set_exclude_tgid(scap_t *h, uint32_t tgid)
{
	if (!h)
		return -EINVAL;
	if (!h->ops->set_exclude_tgid)
		return no_op(h, "process exclusion");
	return h->ops->set_exclude_tgid(h, tgid);
}

int scap_get_stats(scap_t *h, struct scap_stats *out)
{
	struct scap_stats s;
	int rc;

	if (!h || !out || out->sz < sizeof(size_t))
		return -EINVAL;
	if (!h->ops->get_stats)
		return no_op(h, "statistics");
	memset(&s, 0, sizeof(s));
	s.sz = sizeof(s);
	rc = h->ops->get_stats(h, &s);
	if (rc < 0)
		return rc;
	copy_prefix(out, &s, sizeof(s));
	return 0;
}

int scap_get_cpu_stats(scap_t *h, uint32_t cpu, struct scap_stats *out)
{
	struct scap_stats s;
	int rc;

	if (!h || !out || out->sz < sizeof(size_t))
		return -EINVAL;
	if (!h->ops->get_cpu_stats)
		return no_op(h, "per-CPU statistics");
	memset(&s, 0, sizeof(s));
	s.sz = sizeof(s);
	rc = h->ops->get_cpu_stats(h, cpu, &s);
	if (rc < 0)
		return rc;
	copy_prefix(out, &s, sizeof(s));
	return 0;
}

int scap_get_scan_stats(scap_t *h, struct scap_scan_stats *out)
{
	if (!h || !out || out->sz < sizeof(size_t))
		return -EINVAL;
	if (!h->has_scan)
		return no_op(h, "system state scan");
	copy_prefix(out, &h->scan, sizeof(h->scan));
	return 0;
}

int scap_set_syscalls_tcp_skip(scap_t *h, const uint64_t *bits, size_t nwords)
{
	uint64_t set[SCAP_SYSCALL_SET_WORDS];

	if (!h || !bits)
		return -EINVAL;
	if (!h->ops->set_tcp_skip)
		return no_op(h, "TCP socket skip set");
	whole_set(set, bits, nwords);
	return h->ops->set_tcp_skip(h, set);
}

int scap_set_counting(scap_t *h, bool on)
{
	if (!h)
		return -EINVAL;
	if (!h->ops->set_counting)
		return no_op(h, "per-process counters");
	return h->ops->set_counting(h, on);
}

int scap_counts_foreach(scap_t *h, scap_counts_fn fn, void *ctx)
{
	if (!h || !fn)
		return -EINVAL;
	if (!h->ops->counts_foreach)
		return no_op(h, "per-process counters");
	return h->ops->counts_foreach(h, fn, ctx);
}

int scap_counts_delete(scap_t *h, uint32_t tgid)
{
	if (!h)
		return -EINVAL;
	if (!h->ops->counts_delete)
		return no_op(h, "per-process counters");
	return h->ops->counts_delete(h, tgid);
}

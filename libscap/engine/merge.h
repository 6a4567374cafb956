/* SPDX-License-Identifier: Apache-2.0 */
/*
 * merge.h - the k-way merge of the live engines (kmod, bpf): of several per-CPU
 * streams, each in timestamp order, the one whose next record is the oldest.
 * Internal to libscap.
 */
#ifndef SCAP_ENGINE_MERGE_H
#define SCAP_ENGINE_MERGE_H

#include <stdbool.h>
#include <stdint.h>

/* Whether stream @i of @ctx has a record; if so its timestamp in *@ts (ns). */
typedef bool (*scap_merge_peek_fn)(void *ctx, uint32_t i, uint64_t *ts);

/**
 * scap_merge_oldest() - the stream, of @n, whose next record has the smallest
 * timestamp (the lowest index on a tie). When none has a record, sleep @idle_ns once
 * and look again (a live consumer polls; it is not woken per event).
 * Return: the stream's index, or -1 when all are still empty.
 */
int scap_merge_oldest(uint32_t n, scap_merge_peek_fn peek, void *ctx, long idle_ns);

#endif /* SCAP_ENGINE_MERGE_H */

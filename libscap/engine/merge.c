/* SPDX-License-Identifier: Apache-2.0 */
/*
 * merge.c - the k-way merge of the live engines' per-CPU streams
 * (scap_engine_merge_oldest(), scry/scap_engine.h): kmod here, bpf in scap_bpf.
 */
#include <time.h>

#include <scry/scap_engine.h>

int scap_engine_merge_oldest(uint32_t n, scap_engine_peek_fn peek, void *ctx, long idle_ns)
{
	uint64_t ts, best_ts;
	int best = -1;

	for (int pass = 0; pass < 2 && best < 0; pass++) {
		if (pass == 1) {
			struct timespec idle = { idle_ns / 1000000000L, idle_ns % 1000000000L };

			nanosleep(&idle, NULL);
		}
		best_ts = UINT64_MAX;
		for (uint32_t i = 0; i < n; i++) {
			if (peek(ctx, i, &ts) && (best < 0 || ts < best_ts)) {
				best_ts = ts;
				best = (int)i;
			}
		}
	}
	return best;
}

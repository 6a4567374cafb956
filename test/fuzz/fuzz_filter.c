/* SPDX-License-Identifier: Apache-2.0 */
/*
 * fuzz_filter.c - libFuzzer target for the filter compiler (filter_parse.c,
 * filter_eval.c, filter_prog.c): the input is a filter expression, compiled on a handle
 * and, when it compiles, matched against every event of a capture (fuzz_events(): the
 * generated demo capture, or SCRY_FUZZ_EVENTS), with the event-type answers asked too.
 * Any crash, sanitizer report or leak is a finding. (Matching twice may answer twice
 * differently: evt.deltatime and the like count from the previous evaluation.)
 *
 *   cmake --preset fuzz && cmake --build build-fuzz --target fuzz_filter
 *   build-fuzz/test/fuzz/fuzz_filter -max_total_time=600 -dict=test/fuzz/filter.dict \
 *       build-fuzz/corpus-filter test/fuzz/corpus/filter
 *   (SCRY_FUZZ_EVENTS=some.scap: evaluate on the events of a real capture instead)
 */
#include <stdlib.h>

#include <scry/scap.h>
#include <scry/sinsp_filter.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sinsp_filter *f = NULL;
	volatile bool sink = false;
	struct sinsp_evt *evt;
	const uint8_t *ev;
	char *expr;
	size_t len;
	sinsp_t *s;

	if (size > 1 << 16)
		return 0;
	ev = fuzz_events(&len);
	s = fuzz_open_mem(ev, len);
	if (!s)
		abort();
	expr = fuzz_string(data, size);
	if (sinsp_filter_compile(s, expr, &f) == 0) {
		while (sinsp_next(s, &evt) == 0)
			sink ^= sinsp_filter_match(f, evt);
		sinsp_filter_free(f);
	}
	(void)sink;
	free(expr);
	sinsp_close(s);
	return 0;
}

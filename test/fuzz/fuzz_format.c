/* SPDX-License-Identifier: Apache-2.0 */
/*
 * fuzz_format.c - libFuzzer target for the -p format compiler and renderer (format.c,
 * the field parsers and extractors): the first input byte chooses text (even) or JSON
 * (odd) output, the rest is the format, compiled on a handle and, when it compiles,
 * rendered on every event of a capture (fuzz_events()). Any crash, sanitizer report
 * or leak is a finding; so is a rendered line whose length is not its strlen().
 *
 *   cmake --preset fuzz && cmake --build build-fuzz --target fuzz_format
 *   build-fuzz/test/fuzz/fuzz_format -max_total_time=600 -dict=test/fuzz/filter.dict \
 *       build-fuzz/corpus-format test/fuzz/corpus/format
 */
#include <stdlib.h>
#include <string.h>

#include <scry/scap.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sinsp_formatter *f = NULL;
	enum sinsp_output kind;
	struct sinsp_evt *evt;
	const uint8_t *ev;
	char *fmt;
	size_t len;
	sinsp_t *s;

	if (!size || size > 1 << 16)
		return 0;
	kind = data[0] & 1 ? SINSP_OUTPUT_JSON : SINSP_OUTPUT_TEXT;
	ev = fuzz_events(&len);
	s = fuzz_open_mem(ev, len);
	if (!s)
		abort();
	fmt = fuzz_string(data + 1, size - 1);
	if (sinsp_formatter_new(s, fmt, kind, &f) == 0) {
		while (sinsp_next(s, &evt) == 0) {
			const char *line = NULL;
			size_t n = 0;

			if (sinsp_formatter_render(f, evt, &line, &n) == 1 && strlen(line) > n)
				__builtin_trap();
		}
		sinsp_formatter_free(f);
	}
	free(fmt);
	sinsp_close(s);
	return 0;
}

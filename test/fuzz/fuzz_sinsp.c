/* SPDX-License-Identifier: Apache-2.0 */
/*
 * fuzz_sinsp.c - libFuzzer target for a capture read through libsinsp: the input is a
 * capture file (plain or gzip) opened from memory; every event goes through the state
 * parsers (threads, fds, users, containers) and is rendered with every field of the
 * catalog (fuzz_all_fields_format()), as text and as JSON. Any crash, sanitizer report
 * or leak is a finding.
 *
 *   cmake --preset fuzz && cmake --build build-fuzz --target fuzz_sinsp
 *   build-fuzz/test/fuzz/fuzz_sinsp -max_total_time=600 -rss_limit_mb=2048 \
 *       build-fuzz/corpus-sinsp test/fuzz/corpus/savefile
 */
#include <stdlib.h>

#include <scry/scap.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *all = fuzz_all_fields_format();
	struct sinsp_formatter *text = NULL, *json = NULL;
	struct sinsp_evt *evt;
	sinsp_t *s = fuzz_open_mem(data, size);

	if (!s)
		return 0;
	if (sinsp_formatter_new(s, all, SINSP_OUTPUT_TEXT, &text) ||
	    sinsp_formatter_new(s, all, SINSP_OUTPUT_JSON, &json))
		abort(); /* compiled on the events capture: must compile on any handle */
	while (sinsp_next(s, &evt) == 0) {
		const char *line;

		sinsp_formatter_render(text, evt, &line, NULL);
		sinsp_formatter_render(json, evt, &line, NULL);
	}
	sinsp_formatter_free(text);
	sinsp_formatter_free(json);
	sinsp_close(s);
	return 0;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * scap_test_input.h - input of the "test_input" engine: a caller-built list of raw
 * event records (and optionally an initial state) replayed by scap_next() in order.
 * Used by the libsinsp unit tests to drive parsers deterministically.
 *
 *   const uint8_t *evts[] = { rec0, rec1 };
 *   struct scap_test_input in = { .sz = sizeof(in), .events = evts, .nevents = 2 };
 *   SCAP_OPTS(scap_open_opts, o, .engine = "test_input", .test_input = &in);
 *   scap_open(&o, &h, NULL);
 */
#ifndef SCAP_TEST_INPUT_H
#define SCAP_TEST_INPUT_H

#include <stdint.h>
#include <stddef.h>

#include <scry/scap_state.h>

struct scap_test_input {
	size_t sz;                        /* sizeof(struct scap_test_input) */
	/*
	 * nevents raw records, each a scap event: the 26-byte header (ts, tid, len, type,
	 * nparams; little endian, packed), the parameter lengths (u16, or u32 for
	 * SCAP_EF_LARGE_PAYLOAD types) and the parameter bytes; the header's len is the
	 * record size. Not copied: the records must outlive the handle. scap_next() hands
	 * out pointers to these very bytes.
	 */
	const uint8_t *const *events;
	uint32_t nevents;
	const uint16_t *cpus;             /* NULL, or nevents CPU numbers (else CPU 0) */
	const uint32_t *flags;            /* NULL, or nevents event flags (else 0) */
	/*
	 * NULL, or the initial state scap_get_state() reports. Not copied: every array it
	 * points to must outlive the handle. Its sz is ignored.
	 */
	const struct scap_state *state;
};
#define scap_test_input__last_field state

#endif /* SCAP_TEST_INPUT_H */

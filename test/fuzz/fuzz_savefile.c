/* SPDX-License-Identifier: Apache-2.0 */
/*
 * fuzz_savefile.c - libFuzzer target for the savefile engine: the input is a capture
 * file (plain, or gzip when it starts with the gzip magic) read from memory through
 * scap_open(.buf) + scap_get_state() + scap_next() (scap_next_batch() for inputs of
 * odd size) until EOF or error, decoding the parameters of every event. Any crash,
 * sanitizer report or leak is a finding.
 *
 *   cmake --preset fuzz -DSCRY_BUILD_TESTS=ON && cmake --build build-fuzz --target fuzz_savefile
 *   build-fuzz/bin/fuzz_savefile -max_total_time=300 test/fuzz/corpus/savefile
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <scry/scap.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Read the event's last byte and the last byte of each parameter (ASan checks them). */
static uint8_t touch(const struct scap_evt_ref *e, struct scap_param *params)
{
	int n = scap_evt_params(e, params, SCAP_MAX_EVENT_PARAMS + 4);
	uint8_t x = e->raw[e->len - 1];

	for (int i = 0; i < n; i++)
		if (params[i].len)
			x ^= params[i].val[params[i].len - 1];
	return x;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct scap_param params[SCAP_MAX_EVENT_PARAMS + 4];
	struct scap_state st = { .sz = sizeof(st) };
	struct scap_evt_ref e = { .sz = sizeof(e) };
	volatile uint8_t sink = 0;
	scap_t *h = NULL;
	int rc;

	SCAP_OPTS(scap_open_opts, o, .buf = data, .buf_len = size);
	if (scap_open(&o, &h, NULL) != 0)
		return 0;
	scap_get_state(h, &st);
	/* Touch the state so ASan checks what the header parsers produced. */
	for (uint32_t i = 0; i < st.nthreads; i++) {
		sink ^= (uint8_t)st.threads[i].comm[0];
		for (uint32_t j = 0; j < st.threads[i].nfds; j++)
			sink ^= (uint8_t)strlen(st.threads[i].fds[j].name);
	}
	for (uint32_t i = 0; i < st.nusers; i++)
		sink ^= (uint8_t)strlen(st.users[i].name);
	for (uint32_t i = 0; i < st.nifv4; i++)
		sink ^= (uint8_t)strlen(st.ifv4[i].name);
	for (uint32_t i = 0; i < st.nifv6; i++)
		sink ^= (uint8_t)strlen(st.ifv6[i].name);
	if (st.machine)
		sink ^= (uint8_t)strlen(st.machine->hostname);

	if (size & 1) {
		/* odd sizes: through scap_next_batch(), every event of a batch touched after
		 * the batch is complete (their memory is valid until the next call) */
		struct scap_evt_ref b[5];
		uint32_t got;

		b[0].sz = sizeof(b[0]);
		while ((rc = scap_next_batch(h, b, 5, &got)) == 0) {
			for (uint32_t k = 0; k < got; k++)
				sink ^= touch(&b[k], params);
			b[0].sz = sizeof(b[0]);
		}
	} else {
		while ((rc = scap_next(h, &e)) == 0)
			sink ^= touch(&e, params);
	}
	(void)sink;
	/* After EOF or an error, the handle keeps answering the same. */
	if (scap_next(h, &e) != rc)
		__builtin_trap();
	scap_close(h);
	return 0;
}

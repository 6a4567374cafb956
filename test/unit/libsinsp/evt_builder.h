/* SPDX-License-Identifier: Apache-2.0 */
/*
 * evt_builder.h - synthetic events for the libsinsp unit tests: builds raw scap event
 * records in memory (the 26-byte header, one u16 length per parameter, then the
 * parameter bytes, as struct scap_test_input describes them), holds an initial state,
 * and opens a sinsp handle on both through the test_input engine.
 *
 *   static struct evt_builder eb;               (zeroed: tid 0, timestamps 1, 2, 3...)
 *   eb.tid = 100;
 *   eb_add(&eb, SCAP_EVT_SYSCALL_CLOSE_E, 1, P64(5));
 *   eb_add_at(&eb, 5000, 101, SCAP_EVT_SYSCALL_CLOSE_X, 1, P64(0));
 *   eb.state.threads = my_threads;              (arrays owned by the test)
 *   eb.state.nthreads = 2;
 *   sinsp_t *s = eb_open(&eb);
 *   ... sinsp_next(s, &evt) ...
 *   eb_free(&eb);
 *
 * Failures (out of memory, sinsp_open errors) fail the running Check test.
 */
#ifndef EVT_BUILDER_H
#define EVT_BUILDER_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include <scry/scap_state.h>
#include <scry/scap_test_input.h>
#include <scry/sinsp.h>

/* One parameter of a synthetic event: len bytes at val, copied into the record. */
struct tparam {
	const void *val;
	uint16_t len;
};

/* Parameter constructors (compound literals: valid until the end of the enclosing block). */
#define P64(v) ((struct tparam){ (const int64_t[]){ (v) }, 8 })
#define P32(v) ((struct tparam){ (const uint32_t[]){ (v) }, 4 })
#define P16(v) ((struct tparam){ (const uint16_t[]){ (v) }, 2 })
#define P8(v) ((struct tparam){ (const uint8_t[]){ (v) }, 1 })
#define PSTR(s) ((struct tparam){ (s), (uint16_t)(strlen(s) + 1) })   /* with its NUL */
#define PBUF(b, n) ((struct tparam){ (b), (uint16_t)(n) })

/*
 * The events of one test and the handle opened on them. Start from all zeroes (a
 * memset fixture); set tid, ts0 and ts_step before eb_add() to choose the thread and
 * the timestamps of its events, and point state's arrays (threads, users, groups) at
 * storage that outlives the handle. Records are owned by the builder (freed by
 * eb_free()); the handle s is owned by the builder once eb_open() returns it.
 */
struct evt_builder {
	uint8_t **evts;             /* n records, each malloc'd; capacity cap */
	uint32_t n, cap;
	int64_t tid;                /* thread of eb_add() events */
	uint64_t ts0, ts_step;      /* eb_add() record k (from 1) is at ts0 + k * ts_step ns; step 0 is 1 */
	struct scap_state state;    /* initial state reported by the engine (sz set by eb_open) */
	struct scap_test_input in;  /* filled by eb_open() */
	sinsp_t *s;                 /* NULL until eb_open() */
	bool compat_sysdig_0_29;    /* passed to sinsp_open() (sinsp_open_opts) */
	enum sinsp_buffer_format buffer_format; /* likewise */
	enum sinsp_time_output time_output;     /* likewise */
};

/*
 * Append a record of event type with nparams struct tparam arguments (at most
 * SCAP_MAX_EVENT_PARAMS), of thread b->tid, timestamped as struct evt_builder says.
 */
void eb_add(struct evt_builder *b, uint16_t type, uint32_t nparams, ...);

/* Append a record of thread tid at ts (ns since the epoch); arguments as for eb_add(). */
void eb_add_at(struct evt_builder *b, uint64_t ts, int64_t tid, uint16_t type, uint32_t nparams,
	       ...);

/* eb_add_at() with the parameters in a va_list of struct tparam. */
void eb_vadd_at(struct evt_builder *b, uint64_t ts, int64_t tid, uint16_t type, uint32_t nparams,
		va_list ap);

/*
 * Open sinsp on the records added so far and on b->state (the test_input engine; the
 * records and the state's arrays are not copied and must outlive the handle). Returns
 * the handle, also kept in b->s; fails the test when sinsp_open() fails.
 */
sinsp_t *eb_open(struct evt_builder *b);

/* Close b->s (if opened) and free the records; the builder is left all zeroes. */
void eb_free(struct evt_builder *b);

#endif /* EVT_BUILDER_H */

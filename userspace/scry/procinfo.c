/* SPDX-License-Identifier: Apache-2.0 */
/*
 * procinfo.c - procinfo events for live captures to a file (see procinfo.h).
 */
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <scry/scap.h>
#include <scry/sinsp_state.h>

#include "procinfo.h"

struct ctx {
	struct scap_dumper *d;
	uint64_t ts;
	int rc;
};

/* utime and stime of process @pid, clock ticks; false when /proc has no such process. */
static bool read_times(int64_t pid, uint64_t *ut, uint64_t *st)
{
	char path[64], buf[1024];
	unsigned long long u, s;
	const char *c;
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%" PRId64 "/stat", pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return false;
	buf[n] = '\0';
	/* after the last ')' (the name may hold spaces and parentheses): field 3 on */
	c = strrchr(buf, ')');
	if (!c || sscanf(c + 1, " %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &u, &s) != 2)
		return false;
	*ut = u;
	*st = s;
	return true;
}

static int one(const struct sinsp_thread_info *t, void *arg)
{
	struct ctx *x = arg;
	/* the record: 26-byte header, two u16 lengths, two u64 parameters (scap_abi.h) */
	uint8_t rec[SCAP_ABI_EVT_HDR_LEN + 2 * 2 + 2 * 8];
	uint64_t tid = (uint64_t)t->tid, ut, st;
	uint32_t len = sizeof(rec), np = 2;
	uint16_t type = SCAP_EVT_PROCINFO_E, l8 = 8;

	if (!t->is_main || t->placeholder || !read_times(t->pid, &ut, &st))
		return 0;
	memcpy(rec, &x->ts, 8);
	memcpy(rec + 8, &tid, 8);
	memcpy(rec + 16, &len, 4);
	memcpy(rec + 20, &type, 2);
	memcpy(rec + 22, &np, 4);
	memcpy(rec + 26, &l8, 2);
	memcpy(rec + 28, &l8, 2);
	memcpy(rec + 30, &ut, 8);
	memcpy(rec + 38, &st, 8);
	struct scap_evt_ref e = { .sz = sizeof(e), .raw = rec, .len = len, .ts_ns = x->ts,
				  .tid = tid, .type = type, .nparams = np };
	x->rc = scap_dump_event(x->d, &e, 0);
	return x->rc;
}

int scry_procinfo_write(sinsp_t *s, struct scap_dumper *d, uint64_t ts_ns)
{
	struct ctx x = { .d = d, .ts = ts_ns };

	sinsp_thread_foreach(s, one, &x);
	return x.rc;
}

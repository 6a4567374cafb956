/* SPDX-License-Identifier: Apache-2.0 */
/*
 * procinfo.h - live capture to a file (-w): a procinfo event (SCAP_EVT_PROCINFO_E, the
 * event sysdig's kernel module writes with each thread's CPU time) for each process
 * once a second, so that a replay has CPU figures (scry -r --metrics, scry top, scryd
 * --replay: <scry/sinsp_metrics.h> takes CPU from them).
 *
 * Each event is of the process's main thread (tid = pid) and carries the process's
 * cumulative user and system CPU time in clock ticks (/proc/PID/stat fields 14 and 15,
 * sysconf(_SC_CLK_TCK), 100 on Linux): cpu_usr, cpu_sys. Replays hide them (internal
 * events), as sysdig does.
 */
#ifndef SCRY_PROCINFO_H
#define SCRY_PROCINFO_H

#include <stdint.h>

#include <scry/scap_dump.h>
#include <scry/sinsp.h>

#define SCRY_PROCINFO_PERIOD_NS 1000000000ull

/*
 * Write a procinfo event of each process of @s's thread table (those whose
 * /proc/PID/stat reads) to @d, timestamped @ts_ns.
 * Return: 0; -errno of the dumper (its message in scap_dump_last_error()).
 */
int scry_procinfo_write(sinsp_t *s, struct scap_dumper *d, uint64_t ts_ns);

#endif /* SCRY_PROCINFO_H */

// SPDX-License-Identifier: GPL-2.0 OR MIT
/*
 * fill_table.c - the filler of each event type the driver produces, indexed by enum
 * scap_evt_type (the list of fill/table.h, shared with the eBPF probe), and what exit
 * events append in exit-only mode.
 */
#include <linux/string.h>

#include "scry.h"
#include "fill/table.h"

#define PAIR(ev, enter, exit) \
	[SCAP_EVT_##ev##_E] = scapdrv_fill_##enter, [SCAP_EVT_##ev##_X] = scapdrv_fill_##exit,

const scapdrv_filler_fn scapdrv_fillers[SCAP_EVT_MAX] = {
	SCAPDRV_FILL_PAIRS(PAIR)
};

/* Exit-only mode: the parameters exit event @exit_type appends (fill/table.h). */
u16 scapdrv_exit_extra_nparams(u16 exit_type)
{
	return scapdrv_exit_extra_count(&scap_evt_table[exit_type], &scap_evt_table[exit_type - 1]);
}

scapdrv_filler_fn scapdrv_exit_extra_filler(u16 exit_type)
{
	switch (exit_type) {
	case SCAP_EVT_SYSCALL_EXECVE_19_X:
		return scapdrv_fill_execve_extra;
	case SCAP_EVT_SYSCALL_EXECVEAT_X:
		return scapdrv_fill_execveat_extra;
	default:
		return scapdrv_fillers[exit_type - 1];
	}
}

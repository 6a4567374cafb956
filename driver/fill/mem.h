/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * fill/mem.h - enter fillers of memory syscalls (mmap, munmap, mprotect, brk), shared by
 * the kernel module (included by driver/fill_mem.c) and the eBPF probe. Their exit
 * events carry the process's memory counters: each side's own scapdrv_fill_mem_x().
 */
#ifndef SCAPDRV_FILL_MEM_H
#define SCAPDRV_FILL_MEM_H

#include "fill/common.h"

/* scap encoding of PROT_* (scap_flags_mmap_prot). */
SCAPDRV_HELPER u32 prot_flags(unsigned long p)
{
	u32 r = p & (PROT_READ | PROT_WRITE | PROT_EXEC | PROT_SEM);

	if (p & PROT_GROWSDOWN)
		r |= 0x10;
	if (p & PROT_GROWSUP)
		r |= 0x20;
	return r;
}

/* scap encoding of MAP_* (scap_flags_mmap). */
SCAPDRV_HELPER u32 mmap_flags(unsigned long f)
{
	static const struct { unsigned long lx; u32 scap; } map[] = {
		{ MAP_SHARED, 1 }, { MAP_PRIVATE, 2 }, { MAP_FIXED, 4 },
		{ MAP_ANONYMOUS, 8 }, { MAP_32BIT, 0x10 }, { MAP_NORESERVE, 0x40 },
		{ MAP_POPULATE, 0x80 }, { MAP_NONBLOCK, 0x100 }, { MAP_GROWSDOWN, 0x200 },
		{ MAP_DENYWRITE, 0x400 }, { MAP_EXECUTABLE, 0x800 }, { MAP_LOCKED, 0x4000 },
	};
	u32 r = 0;
	int i;

	for (i = 0; i < ARRAY_SIZE(map); i++)
		if (f & map[i].lx)
			r |= map[i].scap;
	return r;
}

/* mmap enter: addr, length, prot, flags, fd, offset. */
SCAPDRV_FILLER void scapdrv_fill_mmap_e(struct scapdrv_evt *e)
{
	scapdrv_put_u64(e, e->args[0]);
	scapdrv_put_u64(e, e->args[1]);
	scapdrv_put_u32(e, prot_flags(e->args[2]));
	scapdrv_put_u32(e, mmap_flags(e->args[3]));
	scapdrv_put_fd(e, e->args[4]);
	scapdrv_put_u64(e, e->args[5]);
}

/* munmap enter: addr, length. */
SCAPDRV_FILLER void scapdrv_fill_munmap_e(struct scapdrv_evt *e)
{
	scapdrv_put_u64(e, e->args[0]);
	scapdrv_put_u64(e, e->args[1]);
}

/* mprotect enter: addr, length, prot. */
SCAPDRV_FILLER void scapdrv_fill_mprotect_e(struct scapdrv_evt *e)
{
	scapdrv_fill_munmap_e(e);
	scapdrv_put_u32(e, prot_flags(e->args[2]));
}

/* brk enter: addr. */
SCAPDRV_FILLER void scapdrv_fill_brk_e(struct scapdrv_evt *e)
{
	scapdrv_put_u64(e, e->args[0]);
}

/* mlock/munlock exit: res, addr, len; mlock2: and flags (MLOCK_ONFAULT, raw). */
SCAPDRV_FILLER void scapdrv_fill_mlock_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
	scapdrv_put_u64(e, e->args[0]);
	scapdrv_put_u64(e, e->args[1]);
	if (e->type == SCAP_EVT_SYSCALL_MLOCK2_X)
		scapdrv_put_u32(e, e->args[2]);
}

/* mlockall exit: res, flags (MCL_* are the format's values). */
SCAPDRV_FILLER void scapdrv_fill_mlockall_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
	scapdrv_put_u32(e, e->args[0] & 7);
}

#endif /* SCAPDRV_FILL_MEM_H */

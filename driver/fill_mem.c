// SPDX-License-Identifier: GPL-2.0 OR MIT
/*
 * fill_mem.c - fillers of memory syscalls (mmap, munmap, mprotect, brk) and of the user
 * page fault event. Exit events of mmap, munmap and brk carry the process's memory
 * counters after the call.
 */
#include <linux/mm.h>
#include <linux/mman.h>
#include <asm/trap_pf.h>

#include "scry.h"

void scapdrv_put_vm(struct scapdrv_evt *e, struct mm_struct *mm)
{
	if (!mm) {
		scapdrv_put_u32(e, 0);
		scapdrv_put_u32(e, 0);
		scapdrv_put_u32(e, 0);
		return;
	}
	scapdrv_put_u32(e, mm->total_vm << (PAGE_SHIFT - 10));
	scapdrv_put_u32(e, get_mm_rss(mm) << (PAGE_SHIFT - 10));
	scapdrv_put_u32(e, get_mm_counter(mm, MM_SWAPENTS) << (PAGE_SHIFT - 10));
}

/* scap encoding of PROT_* (scap_flags_mmap_prot). */
static u32 prot_flags(unsigned long p)
{
	u32 r = p & (PROT_READ | PROT_WRITE | PROT_EXEC | PROT_SEM);

	if (p & PROT_GROWSDOWN)
		r |= 0x10;
	if (p & PROT_GROWSUP)
		r |= 0x20;
	return r;
}

/* scap encoding of MAP_* (scap_flags_mmap). */
static u32 mmap_flags(unsigned long f)
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
void scapdrv_fill_mmap_e(struct scapdrv_evt *e)
{
	scapdrv_put_u64(e, e->args[0]);
	scapdrv_put_u64(e, e->args[1]);
	scapdrv_put_u32(e, prot_flags(e->args[2]));
	scapdrv_put_u32(e, mmap_flags(e->args[3]));
	scapdrv_put_fd(e, e->args[4]);
	scapdrv_put_u64(e, e->args[5]);
}

/* mmap/munmap/brk exit: res, vm_size, vm_rss, vm_swap. */
void scapdrv_fill_mem_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
	scapdrv_put_vm(e, current->mm);
}

/* munmap enter: addr, length. */
void scapdrv_fill_munmap_e(struct scapdrv_evt *e)
{
	scapdrv_put_u64(e, e->args[0]);
	scapdrv_put_u64(e, e->args[1]);
}

/* mprotect enter: addr, length, prot. */
void scapdrv_fill_mprotect_e(struct scapdrv_evt *e)
{
	scapdrv_fill_munmap_e(e);
	scapdrv_put_u32(e, prot_flags(e->args[2]));
}

/* brk enter: addr. */
void scapdrv_fill_brk_e(struct scapdrv_evt *e)
{
	scapdrv_put_u64(e, e->args[0]);
}

/* page_fault (user faults, in the faulting task): addr, ip, error (scap bits: each
 * hardware bit and, where the format has one, its absence). */
void scapdrv_fill_page_fault(struct scapdrv_evt *e, unsigned long addr, unsigned long ip,
			     unsigned long error)
{
	u32 f = 0;

	f |= (error & X86_PF_PROT) ? 1 : 2;
	f |= (error & X86_PF_WRITE) ? 4 : 8;
	f |= (error & X86_PF_USER) ? 0x10 : 0x20;
	if (error & X86_PF_RSVD)
		f |= 0x40;
	if (error & X86_PF_INSTR)
		f |= 0x80;
	scapdrv_put_u64(e, addr);
	scapdrv_put_u64(e, ip);
	scapdrv_put_u32(e, f);
}

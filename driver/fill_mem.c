// SPDX-License-Identifier: GPL-2.0 OR MIT
/*
 * fill_mem.c - the module's fillers of memory syscalls: the enter events of fill/mem.h
 * (shared with the eBPF probe), and here the exit events of mmap, munmap and brk, which
 * carry the process's memory counters after the call, and the user page fault event.
 */
#include <linux/mm.h>
#include <linux/mman.h>
#include <asm/trap_pf.h>

#include "scry.h"
#include "fill/mem.h"

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

/* mmap/munmap/brk exit: res, vm_size, vm_rss, vm_swap. */
void scapdrv_fill_mem_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
	scapdrv_put_vm(e, current->mm);
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

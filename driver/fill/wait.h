/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * fill/wait.h - fillers of the waiting syscalls, shared by the kernel module (included
 * by driver/fill_proc.c) and the eBPF probe: futex, nanosleep, poll and ppoll, epoll_wait
 * (select is {} / {res}: fill_none, fill_res_x). Parameter lists are the schema's
 * (abi/event_table*.c); Linux values are the x86_64 uapi's.
 */
#ifndef SCAPDRV_FILL_WAIT_H
#define SCAPDRV_FILL_WAIT_H

#include "fill/common.h"

/* Entries of a poll fd list written at most (the list's count says how many follow). */
#define SCAPDRV_POLL_MAX 16

/* A user struct timespec as nanoseconds (RELTIME); @none when @uaddr is NULL or
 * unreadable (counted). */
SCAPDRV_HELPER u64 user_timespec_ns(struct scapdrv_evt *e, unsigned long uaddr, u64 none)
{
	s64 ts[2];

	if (!uaddr)
		return none;
	if (scapdrv_read_user(ts, (const void __user *)uaddr, sizeof(ts))) {
		scapdrv_count_fault(e);
		return none;
	}
	return (u64)ts[0] * 1000000000ULL + (u64)ts[1];
}

/* futex enter: addr, op (command and the PRIVATE 0x80 and CLOCK_REALTIME 0x100 bits:
 * the format's values), val. */
SCAPDRV_FILLER void scapdrv_fill_futex_e(struct scapdrv_evt *e)
{
	scapdrv_put_u64(e, e->args[0]);
	scapdrv_put_u16(e, e->args[1] & 0x18f);
	scapdrv_put_u64(e, e->args[2]);
}

/* nanosleep enter: interval (ns). */
SCAPDRV_FILLER void scapdrv_fill_nanosleep_e(struct scapdrv_evt *e)
{
	scapdrv_put_u64(e, user_timespec_ns(e, e->args[0], 0));
}

/* epoll_wait enter: maxevents. */
SCAPDRV_FILLER void scapdrv_fill_epoll_wait_e(struct scapdrv_evt *e)
{
	scapdrv_put_u64(e, (s64)(int)e->args[2]);
}

/* scap encoding of POLL* events (scap_flags_poll). */
SCAPDRV_HELPER u16 poll_events(u16 f)
{
	u16 r = f & 7;                    /* POLLIN, POLLPRI, POLLOUT */

	if (f & 0x2000)                   /* POLLRDHUP */
		r |= 8;
	r |= (f & 0x3f8) << 1;            /* POLLERR..POLLWRBAND: 0x8..0x200 -> 0x10..0x400 */
	return r;
}

/*
 * An FDLIST parameter: the count of the @n user struct pollfd at @ufds (u16), then for
 * each of the first SCAPDRV_POLL_MAX an fd (i64) and its events (@revents false) or
 * revents (true) as scap poll flags (u16).
 */
SCAPDRV_HELPER void put_pollfds(struct scapdrv_evt *e, unsigned long ufds, unsigned long n,
				bool revents)
{
	u8 buf[2 + SCAPDRV_POLL_MAX * 10];
	u32 i, len = 2;
	struct { s32 fd; s16 events; s16 revents; } p;

	if (n > SCAPDRV_POLL_MAX)
		n = SCAPDRV_POLL_MAX;
	for (i = 0; i < SCAPDRV_POLL_MAX && i < n; i++) {
		u64 fd;
		u16 fl;

		if (scapdrv_read_user(&p, (const void __user *)(ufds + i * sizeof(p)), sizeof(p))) {
			scapdrv_count_fault(e);
			break;
		}
		fd = (s64)p.fd;
		fl = poll_events(revents ? p.revents : p.events);
		__builtin_memcpy(&buf[2 + i * 10], &fd, 8);
		__builtin_memcpy(&buf[2 + i * 10 + 8], &fl, 2);
		len += 10;
	}
	buf[0] = i & 0xff;
	buf[1] = 0;
	scapdrv_put_bytes(e, buf, len);
}

/*
 * poll and ppoll, both directions, in one filler (one copy of the fd list loop):
 * poll enter: fds (events), timeout (ms); ppoll enter: fds, timeout (ns; none: all
 * ones), sigmask (its first word); exit: res, fds (revents).
 */
SCAPDRV_FILLER void scapdrv_fill_poll(struct scapdrv_evt *e)
{
	bool exit = e->type == SCAP_EVT_SYSCALL_POLL_X || e->type == SCAP_EVT_SYSCALL_PPOLL_X;

	if (exit)
		scapdrv_put_res(e);
	put_pollfds(e, e->args[0], e->args[1], exit);
	if (exit)
		return;
	if (e->type == SCAP_EVT_SYSCALL_POLL_E) {
		scapdrv_put_u64(e, (s64)(int)e->args[2]);
		return;
	}
	scapdrv_put_u64(e, user_timespec_ns(e, e->args[2], ~0ULL));
	scapdrv_put_u32(e, e->args[3] ? scapdrv_user_u32(e, e->args[3]) : 0);
}

/* epoll_create enter: size; epoll_create1 enter: flags (EPOLL_CLOEXEC -> 1). */
SCAPDRV_FILLER void scapdrv_fill_epoll_create_e(struct scapdrv_evt *e)
{
	if (e->type == SCAP_EVT_SYSCALL_EPOLL_CREATE1_E)
		scapdrv_put_u32(e, (e->args[0] & 02000000) ? 1 : 0);   /* O_CLOEXEC */
	else
		scapdrv_put_u32(e, e->args[0]);
}

#endif /* SCAPDRV_FILL_WAIT_H */

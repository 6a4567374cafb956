/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * scap_abi.h - everything that crosses the kernel/user boundary, and nothing else.
 *
 * Shared verbatim by the kernel module (driver/), the eBPF probe and the userspace
 * libraries. Only <linux/types.h> is included so both sides can use it.
 *
 * Event record layout (the scap event format used by sysdig and Falco capture files;
 * a ring record is byte for byte the same):
 *
 *   struct scap_abi_evt_hdr   26 bytes, packed, little endian
 *   __u16 or __u32 len[nparams]   length in bytes of each parameter (u16 normally,
 *                                 u32 for events flagged SCAP_EF_LARGE_PAYLOAD)
 *   parameter bytes, back to back, in schema order
 *
 * hdr.len is the total record length in bytes, header included.
 */
#ifndef SCAP_ABI_H
#define SCAP_ABI_H

#ifdef __KERNEL__
#include <linux/types.h>
#include <linux/stddef.h>
#else
#include <linux/types.h>
#include <stddef.h>
#endif

/* Ring/ioctl contract version (bumped on incompatible change of this header). */
#define SCAP_ABI_VERSION_MAJOR 1
#define SCAP_ABI_VERSION_MINOR 0

/*
 * Event header. Fields are unaligned in the packed layout: read them with memcpy
 * into locals (or through this packed struct), never through a cast pointer to a
 * naturally aligned type.
 */
struct scap_abi_evt_hdr {
	__u64 ts;      /* kernel: ns since the epoch (CLOCK_REALTIME at capture) */
	__u64 tid;     /* kernel: thread id (host pid namespace) that produced it */
	__u32 len;     /* kernel: record length in bytes, header included */
	__u16 type;    /* kernel: event type, enum scap_evt_type */
	__u32 nparams; /* kernel: number of parameters that follow */
} __attribute__((packed));

_Static_assert(sizeof(struct scap_abi_evt_hdr) == 26, "scap event header is 26 bytes");
_Static_assert(offsetof(struct scap_abi_evt_hdr, len) == 16, "len at 16");
_Static_assert(offsetof(struct scap_abi_evt_hdr, type) == 20, "type at 20");
_Static_assert(offsetof(struct scap_abi_evt_hdr, nparams) == 22, "nparams at 22");

#define SCAP_ABI_EVT_HDR_LEN 26u

#endif /* SCAP_ABI_H */

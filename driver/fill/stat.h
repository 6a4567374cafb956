/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * fill/stat.h - fillers of the file-system queries, shared by the kernel module
 * (included by driver/fill_file.c) and the eBPF probe: stat, lstat (exit: res, path:
 * scapdrv_fill_path_x() of fill/file.h), access, getcwd, lseek, flock, splice, copy_file_range. fstat,
 * getdents and getdents64 are {fd} / {res} (fill_fd_e, fill_res_x); quotactl. Parameter lists
 * are the schema's (abi/event_table*.c); Linux values are the x86_64 uapi's.
 */
#ifndef SCAPDRV_FILL_STAT_H
#define SCAPDRV_FILL_STAT_H

#include "fill/common.h"

/* access enter: mode (R_OK 4, W_OK 2, X_OK 1 are the format's values). */
SCAPDRV_FILLER void scapdrv_fill_access_e(struct scapdrv_evt *e)
{
	scapdrv_put_u32(e, e->args[1] & 7);
}

/* getcwd exit: res, path (the string the call wrote, when it succeeded; else empty). */
SCAPDRV_FILLER void scapdrv_fill_getcwd_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
	if (e->ret > 0)
		scapdrv_put_user_path(e, e->args[0]);
	else
		scapdrv_put_empty(e);
}

/* lseek enter: fd, offset, whence (SEEK_SET/CUR/END are the format's 0/1/2; SEEK_DATA
 * and SEEK_HOLE have no code: 0). */
SCAPDRV_FILLER void scapdrv_fill_lseek_e(struct scapdrv_evt *e)
{
	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_u64(e, e->args[1]);
	scapdrv_put_u8(e, e->args[2] <= 2 ? e->args[2] : 0);
}

/* flock enter: fd, operation (LOCK_SH 1, LOCK_EX 2, LOCK_NB 4, LOCK_UN 8: the format's). */
SCAPDRV_FILLER void scapdrv_fill_flock_e(struct scapdrv_evt *e)
{
	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_u32(e, e->args[1] & 0xf);
}

/* splice enter: fd_in, fd_out, size, flags (SPLICE_F_MOVE..GIFT 1..8: the format's). */
SCAPDRV_FILLER void scapdrv_fill_splice_e(struct scapdrv_evt *e)
{
	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_fd(e, e->args[2]);
	scapdrv_put_u64(e, e->args[4]);
	scapdrv_put_u32(e, e->args[5] & 0xf);
}

/* copy_file_range enter: fdin, offin (the value *off_in holds, 0 without), len. */
SCAPDRV_FILLER void scapdrv_fill_copy_file_range_e(struct scapdrv_evt *e)
{
	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_u64(e, scapdrv_user_u64(e, e->args[1]));
	scapdrv_put_u64(e, e->args[4]);
}

/* copy_file_range exit: res, fdout, offout (the value *off_out holds after the call, 0
 * without). */
SCAPDRV_FILLER void scapdrv_fill_copy_file_range_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
	scapdrv_put_fd(e, e->args[2]);
	scapdrv_put_u64(e, scapdrv_user_u64(e, e->args[3]));
}

/* newfstatat exit: res, dirfd, path, flags (AT_SYMLINK_NOFOLLOW, AT_NO_AUTOMOUNT,
 * AT_EMPTY_PATH: the format's values). */
SCAPDRV_FILLER void scapdrv_fill_newfstatat_x(struct scapdrv_evt *e)
{
	scapdrv_put_res(e);
	scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_user_path(e, e->args[1]);
	scapdrv_put_u32(e, e->args[3] & 0x1900);
}

/* mknod exit: res, path, mode (type and permission bits: the format's), dev (the
 * argument); mknodat: res, dirfd, path, mode, dev. */
SCAPDRV_FILLER void scapdrv_fill_mknod_x(struct scapdrv_evt *e)
{
	u32 i = e->type == SCAP_EVT_SYSCALL_MKNODAT_X ? 1 : 0;

	scapdrv_put_res(e);
	if (i)
		scapdrv_put_fd(e, e->args[0]);
	scapdrv_put_user_path(e, e->args[i]);
	scapdrv_put_u32(e, e->args[i + 1] & 0xffff);
	scapdrv_put_u32(e, e->args[i + 2]);
}

/*
 * quotactl. Linux's cmd argument is QCMD(subcmd, type): subcmd << 8 | type. The format
 * has a bit per subcommand (scap_flags_quotactl_cmds), per type (USRQUOTA 0 -> 1,
 * GRPQUOTA 1 -> 2; others 0) and per quota format (scap_flags_quotactl_fmts:
 * QFMT_VFS_OLD 1 -> 2, QFMT_VFS_V0 2 -> 4, QFMT_VFS_V1 4 -> 8, any other 1 "not used").
 */
#define SCAPDRV_Q_QUOTAON   0x1
#define SCAPDRV_Q_GETFMT    0x4
#define SCAPDRV_Q_GETINFO   0x8
#define SCAPDRV_Q_SETINFO   0x10
#define SCAPDRV_Q_GETQUOTA  0x20
#define SCAPDRV_Q_SETQUOTA  0x40
#define SCAPDRV_Q_XGETQUOTA 0x400
#define SCAPDRV_Q_XSETQLIM  0x800
#define SCAPDRV_QFMT_NOT_USED 1

SCAPDRV_HELPER u16 quotactl_cmd(unsigned long cmd)
{
	u32 sub = (u32)cmd >> 8;

	/* (no lookup table: the probe's BTF may not hold a function's static data) */
	if (sub == 0x800001)                    /* Q_SYNC */
		return 0x80;
	if (sub >= 0x800002 && sub <= 0x800008) /* Q_QUOTAON .. Q_SETQUOTA: bits 0 .. 6 */
		return 1 << ((sub - 0x800002) & 7);
	if (sub >= 0x5801 && sub <= 0x5808)     /* XQM_CMD(1..8): Q_XQUOTAON .. Q_XGETQSTATV */
		return 0x100 << ((sub - 0x5801) & 7);
	return 0;
}

SCAPDRV_HELPER u8 quotactl_fmt(unsigned long fmt)
{
	switch (fmt) {
	case 1:         /* QFMT_VFS_OLD */
		return 2;
	case 2:         /* QFMT_VFS_V0 */
		return 4;
	case 4:         /* QFMT_VFS_V1 */
		return 8;
	}
	return SCAPDRV_QFMT_NOT_USED;
}

/* quotactl enter: cmd, type, id (the user or group of Q_GETQUOTA, Q_SETQUOTA,
 * Q_XGETQUOTA, Q_XSETQLIM; else 0), quota_fmt (the format Q_QUOTAON turns on). */
SCAPDRV_FILLER void scapdrv_fill_quotactl_e(struct scapdrv_evt *e)
{
	u16 cmd = quotactl_cmd(e->args[0]);
	u32 type = e->args[0] & 0xff;

	scapdrv_put_u16(e, cmd);
	scapdrv_put_u8(e, type == 0 ? 1 : type == 1 ? 2 : 0);
	scapdrv_put_u32(e, (cmd & (SCAPDRV_Q_GETQUOTA | SCAPDRV_Q_SETQUOTA | SCAPDRV_Q_XGETQUOTA |
				   SCAPDRV_Q_XSETQLIM)) ? (u32)e->args[2] : 0);
	scapdrv_put_u8(e, cmd == SCAPDRV_Q_QUOTAON ? quotactl_fmt(e->args[2]) :
		       SCAPDRV_QFMT_NOT_USED);
}

/* struct if_dqblk and struct if_dqinfo of <linux/quota.h> (uapi, x86_64 layout). */
struct scapdrv_dqblk {
	u64 bhardlimit, bsoftlimit, curspace, ihardlimit, isoftlimit;
	u64 curinodes;          /* not in the format */
	u64 btime, itime;
	u32 valid;              /* QIF_BLIMITS 1, QIF_SPACE 2, QIF_ILIMITS 4, QIF_BTIME 16,
	                           QIF_ITIME 32 */
	u32 pad;
};

struct scapdrv_dqinfo {
	u64 bgrace, igrace;
	u32 flags, valid;       /* IIF_BGRACE 1, IIF_IGRACE 2, IIF_FLAGS 4 */
};

/* Read @len bytes at user @uaddr into @dst; zeros (and a counted fault) when unreadable. */
SCAPDRV_HELPER void quotactl_read(struct scapdrv_evt *e, void *dst, unsigned long uaddr,
				  u32 len)
{
	if (!uaddr || scapdrv_read_user(dst, (const void __user *)uaddr, len)) {
		if (uaddr)
			scapdrv_count_fault(e);
		memset(dst, 0, len);
	}
}

/*
 * quotactl exit: res, special (the device), quotafilepath (the quota file of
 * Q_QUOTAON; else ""), the struct if_dqblk of Q_GETQUOTA/Q_SETQUOTA (each limit, usage
 * and time when its QIF_* bit says it is valid, else 0: bhardlimit, bsoftlimit,
 * curspace, ihardlimit, isoftlimit, btime, itime), the struct if_dqinfo of
 * Q_GETINFO/Q_SETINFO (bgrace, igrace, flags: the raw dqi_flags, as the peer writes
 * them), quota_fmt_out (the format Q_GETFMT returned). The structures are read from the
 * caller's buffer after the call, whether it succeeded or not, as the peer driver does.
 * Times and grace periods are the kernel's seconds, as the peer writes them, although
 * the format's RELTIME unit is the ns (sysdig prints 3600 as 3.6e-06s): captures of
 * both drivers keep one meaning.
 */
SCAPDRV_FILLER void scapdrv_fill_quotactl_x(struct scapdrv_evt *e)
{
	u16 cmd = quotactl_cmd(e->args[0]);
	unsigned long addr = e->args[3];
	struct scapdrv_dqblk b;
	struct scapdrv_dqinfo i;
	u32 fmt = 0;

	memset(&b, 0, sizeof(b));
	memset(&i, 0, sizeof(i));
	if (cmd == SCAPDRV_Q_GETQUOTA || cmd == SCAPDRV_Q_SETQUOTA)
		quotactl_read(e, &b, addr, sizeof(b));
	if (cmd == SCAPDRV_Q_GETINFO || cmd == SCAPDRV_Q_SETINFO)
		quotactl_read(e, &i, addr, sizeof(i));
	if (cmd == SCAPDRV_Q_GETFMT)
		quotactl_read(e, &fmt, addr, sizeof(fmt));
	scapdrv_put_res(e);
	scapdrv_put_user_str(e, e->args[1], PATH_MAX);
	if (cmd == SCAPDRV_Q_QUOTAON)
		scapdrv_put_user_path(e, addr);
	else
		scapdrv_put_kstr(e, "", 1);
	scapdrv_put_u64(e, (b.valid & 1) ? b.bhardlimit : 0);
	scapdrv_put_u64(e, (b.valid & 1) ? b.bsoftlimit : 0);
	scapdrv_put_u64(e, (b.valid & 2) ? b.curspace : 0);
	scapdrv_put_u64(e, (b.valid & 4) ? b.ihardlimit : 0);
	scapdrv_put_u64(e, (b.valid & 4) ? b.isoftlimit : 0);
	scapdrv_put_u64(e, (b.valid & 16) ? b.btime : 0);
	scapdrv_put_u64(e, (b.valid & 32) ? b.itime : 0);
	scapdrv_put_u64(e, (i.valid & 1) ? i.bgrace : 0);
	scapdrv_put_u64(e, (i.valid & 2) ? i.igrace : 0);
	scapdrv_put_u8(e, (i.valid & 4) ? i.flags : 0);
	scapdrv_put_u8(e, cmd == SCAPDRV_Q_GETFMT ? quotactl_fmt(fmt) : SCAPDRV_QFMT_NOT_USED);
}

#endif /* SCAPDRV_FILL_STAT_H */

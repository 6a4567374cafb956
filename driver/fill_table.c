// SPDX-License-Identifier: GPL-2.0 OR MIT
/*
 * fill_table.c - the filler of each event type the driver produces, indexed by enum
 * scap_evt_type. A syscall's enter event comes from syscall_map.c; its exit event is
 * the next number. Types absent here are never written.
 */
#include "scry.h"

const scapdrv_filler_fn scapdrv_fillers[SCAP_EVT_MAX] = {
	[SCAP_EVT_GENERIC_E] = scapdrv_fill_generic_e,
	[SCAP_EVT_GENERIC_X] = scapdrv_fill_generic_x,
	[SCAP_EVT_SYSCALL_OPEN_E] = scapdrv_fill_open_e,
	[SCAP_EVT_SYSCALL_OPEN_X] = scapdrv_fill_open_x,
	[SCAP_EVT_SYSCALL_OPENAT_2_E] = scapdrv_fill_openat_e,
	[SCAP_EVT_SYSCALL_OPENAT_2_X] = scapdrv_fill_openat_x,
	[SCAP_EVT_SYSCALL_CREAT_E] = scapdrv_fill_open_e,
	[SCAP_EVT_SYSCALL_CREAT_X] = scapdrv_fill_open_x,
	[SCAP_EVT_SYSCALL_CLOSE_E] = scapdrv_fill_fd_e,
	[SCAP_EVT_SYSCALL_CLOSE_X] = scapdrv_fill_res_x,
	[SCAP_EVT_SYSCALL_READ_E] = scapdrv_fill_fd_size_e,
	[SCAP_EVT_SYSCALL_READ_X] = scapdrv_fill_read_x,
	[SCAP_EVT_SYSCALL_WRITE_E] = scapdrv_fill_fd_size_e,
	[SCAP_EVT_SYSCALL_WRITE_X] = scapdrv_fill_write_x,
	[SCAP_EVT_SYSCALL_PIPE_E] = scapdrv_fill_none,
	[SCAP_EVT_SYSCALL_PIPE_X] = scapdrv_fill_pipe_x,
	[SCAP_EVT_SYSCALL_PIPE2_E] = scapdrv_fill_none,
	[SCAP_EVT_SYSCALL_PIPE2_X] = scapdrv_fill_pipe2_x,
	[SCAP_EVT_SYSCALL_DUP_1_E] = scapdrv_fill_fd_e,
	[SCAP_EVT_SYSCALL_DUP_1_X] = scapdrv_fill_dup_x,
	[SCAP_EVT_SYSCALL_DUP2_E] = scapdrv_fill_fd_e,
	[SCAP_EVT_SYSCALL_DUP2_X] = scapdrv_fill_dup2_x,
	[SCAP_EVT_SYSCALL_DUP3_E] = scapdrv_fill_fd_e,
	[SCAP_EVT_SYSCALL_DUP3_X] = scapdrv_fill_dup3_x,
	[SCAP_EVT_SOCKET_SOCKET_E] = scapdrv_fill_socket_e,
	[SCAP_EVT_SOCKET_SOCKET_X] = scapdrv_fill_socket_x,
	[SCAP_EVT_SOCKET_CONNECT_E] = scapdrv_fill_connect_e,
	[SCAP_EVT_SOCKET_CONNECT_X] = scapdrv_fill_connect_x,
	[SCAP_EVT_SYSCALL_EXECVE_19_E] = scapdrv_fill_execve_e,
	[SCAP_EVT_SYSCALL_EXECVE_19_X] = scapdrv_fill_execve_x,
	[SCAP_EVT_SYSCALL_CLONE_20_E] = scapdrv_fill_none,
	[SCAP_EVT_SYSCALL_CLONE_20_X] = scapdrv_fill_clone_x,
	[SCAP_EVT_SYSCALL_CLONE3_E] = scapdrv_fill_none,
	[SCAP_EVT_SYSCALL_CLONE3_X] = scapdrv_fill_clone_x,
	[SCAP_EVT_SYSCALL_FORK_20_E] = scapdrv_fill_none,
	[SCAP_EVT_SYSCALL_FORK_20_X] = scapdrv_fill_clone_x,
	[SCAP_EVT_SYSCALL_VFORK_20_E] = scapdrv_fill_none,
	[SCAP_EVT_SYSCALL_VFORK_20_X] = scapdrv_fill_clone_x,
};

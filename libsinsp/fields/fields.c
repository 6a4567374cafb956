/* SPDX-License-Identifier: Apache-2.0 */
/*
 * fields.c - the field catalog, the parser of field names with their arguments, and
 * the dispatch to the per-class extractors with the rendering of their typed values
 * as sysdig 0.29.3 prints them (numbers in the field's print format, booleans as
 * true/false, addresses in their usual text form).
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "fields/fields.h"
#include <scry/sinsp_fields.h>
#include "fields/render.h"

/* name, id, class, kind, type, print format, flags, description */
#define FE(n, i, k, t, pf, d) { n, i, k, false, false, d, FIELD_CLASS_EVT, t, pf, 0 }
#define FEA(n, i, k, t, pf, fl, d) { n, i, k, true, true, d, FIELD_CLASS_EVT, t, pf, fl }
#define FP(n, i, k, t, pf, d) { n, i, k, false, false, d, FIELD_CLASS_PROC, t, pf, 0 }
#define FPA(n, i, k, t, pf, req, fl, d) { n, i, k, true, req, d, FIELD_CLASS_PROC, t, pf, fl }
#define FC(n, i, k, t, d) { n, i, k, false, false, d, FIELD_CLASS_CONTAINER, t, SCAP_PF_NA, 0 }
#define FCA(n, i, d) { n, i, FIELD_STR, true, true, d, FIELD_CLASS_CONTAINER, SCAP_PT_CHARBUF, \
		       SCAP_PF_NA, FIELD_F_ARG_BRACKET }
#define FD(n, i, k, t, pf, fl, d) { n, i, k, false, false, d, FIELD_CLASS_FD, t, pf, fl }
#define FL(n, i, d) { n, i, FIELD_STR, false, false, d, FIELD_CLASS_FDLIST, SCAP_PT_CHARBUF, \
		      SCAP_PF_NA, 0 }
#define FS(n, i, k, t, pf, d) { n, i, k, false, false, d, FIELD_CLASS_SYSLOG, t, pf, 0 }
#define FK(n, i, d) { n, i, FIELD_STR, false, false, d, FIELD_CLASS_K8S, SCAP_PT_CHARBUF, SCAP_PF_NA, 0 }

#define S FIELD_STR
#define N FIELD_NUM
#define B FIELD_BOOL
#define STR SCAP_PT_CHARBUF
#define NA SCAP_PF_NA
#define DEC SCAP_PF_DEC
#define ID SCAP_PF_ID
#define PAD SCAP_PF_10_PADDED_DEC

const struct field_def sinsp_field_defs[] = {
	/* evt, every event */
	FE("evt.num", F_EVT_NUM, N, SCAP_PT_UINT64, ID, "sequence number of the event in the capture, from 1"),
	FE("evt.time", F_EVT_TIME, S, STR, NA, "local time of the event, HH:MM:SS.nnnnnnnnn"),
	FE("evt.time.s", F_EVT_TIME_S, S, STR, NA, "local time of the event, HH:MM:SS"),
	FE("evt.time.iso8601", F_EVT_TIME_ISO8601, S, STR, NA, "UTC time of the event, ISO 8601 with nanoseconds"),
	FE("evt.datetime", F_EVT_DATETIME, S, STR, NA, "local date and time of the event, with nanoseconds"),
	FE("evt.datetime.s", F_EVT_DATETIME_S, S, STR, NA, "local date and time of the event, whole seconds"),
	FE("evt.rawtime", F_EVT_RAWTIME, N, SCAP_PT_ABSTIME, DEC, "timestamp of the event in ns since the epoch"),
	FE("evt.rawtime.s", F_EVT_RAWTIME_S, N, SCAP_PT_ABSTIME, DEC, "whole seconds of the event timestamp"),
	FE("evt.rawtime.ns", F_EVT_RAWTIME_NS, N, SCAP_PT_ABSTIME, PAD, "nanoseconds part of the event timestamp"),
	FE("evt.reltime", F_EVT_RELTIME, N, SCAP_PT_RELTIME, PAD, "ns elapsed since the first event of the capture"),
	FE("evt.reltime.s", F_EVT_RELTIME_S, N, SCAP_PT_RELTIME, DEC, "whole seconds elapsed since the first event"),
	FE("evt.reltime.ns", F_EVT_RELTIME_NS, N, SCAP_PT_RELTIME, PAD, "nanoseconds part of the time since the first event"),
	FE("evt.pluginname", F_EVT_PLUGINNAME, S, STR, NA, "plugin that produced the event (no plugins: never set)"),
	FE("evt.plugininfo", F_EVT_PLUGININFO, S, STR, NA, "plugin's summary of the event (no plugins: never set)"),
	FE("evt.outputtime", F_EVT_OUTPUTTIME, N, SCAP_PT_ABSTIME, DEC, "event time in the output time format (as evt.time)"),
	/* evt, syscall events */
	FE("evt.latency", F_EVT_LATENCY, N, SCAP_PT_RELTIME, DEC, "ns between an exit event and its enter event"),
	FE("evt.latency.s", F_EVT_LATENCY_S, N, SCAP_PT_RELTIME, DEC, "whole seconds of evt.latency"),
	FE("evt.latency.ns", F_EVT_LATENCY_NS, N, SCAP_PT_RELTIME, PAD, "nanoseconds part of evt.latency"),
	FE("evt.latency.human", F_EVT_LATENCY_HUMAN, S, STR, NA, "evt.latency in a short human unit (12us, 3.40ms)"),
	FE("evt.deltatime", F_EVT_DELTATIME, N, SCAP_PT_RELTIME, DEC, "ns since the previous event shown with this field"),
	FE("evt.deltatime.s", F_EVT_DELTATIME_S, N, SCAP_PT_RELTIME, DEC, "whole seconds of evt.deltatime"),
	FE("evt.deltatime.ns", F_EVT_DELTATIME_NS, N, SCAP_PT_RELTIME, PAD, "nanoseconds part of evt.deltatime"),
	FE("evt.dir", F_EVT_DIR, S, STR, SCAP_PF_DIR, "direction: > for an enter event, < for an exit event"),
	FE("evt.type", F_EVT_TYPE, S, STR, NA, "name of the event (the syscall name for syscalls)"),
	FEA("evt.type.is", F_EVT_TYPE_IS, N, SCAP_PT_UINT32, NA, FIELD_F_ARG_DOT,
	    "1 when the event is of the type named after the dot (evt.type.is.open), else 0"),
	FE("syscall.type", F_SYSCALL_TYPE, S, STR, NA, "syscall name, unset for non-syscall events"),
	FE("evt.category", F_EVT_CATEGORY, S, STR, NA, "category of the event: file, net, memory, process, ..."),
	FE("evt.cpu", F_EVT_CPU, N, SCAP_PT_INT16, ID, "CPU that produced the event"),
	FE("evt.host", F_EVT_HOST, S, STR, NA, "host the event was captured on, for captures read "
	   "from a bus (scry -r nats://...?host=A,B); unset for capture files and live capture"),
	FE("evt.args", F_EVT_ARGS, S, STR, NA, "every argument of the event as name=value"),
	FEA("evt.arg", F_EVT_ARG, S, STR, NA, 0, "one argument, by name (evt.arg.fd) or position (evt.arg[0]), resolved"),
	FEA("evt.rawarg", F_EVT_RAWARG, N, SCAP_PT_DYN, NA, FIELD_F_ARG_DOT,
	    "one argument by name (evt.rawarg.res), unresolved and typed"),
	FE("evt.info", F_EVT_INFO, S, STR, NA, "the arguments as the default output shows them"),
	FE("evt.buffer", F_EVT_BUFFER, S, SCAP_PT_BYTEBUF, NA, "data buffer of an I/O event"),
	FE("evt.buflen", F_EVT_BUFLEN, N, SCAP_PT_UINT64, DEC, "bytes read or written by an I/O event"),
	FE("evt.res", F_EVT_RES, S, STR, DEC, "result: SUCCESS, or the errno name of a failure"),
	FE("evt.rawres", F_EVT_RAWRES, N, SCAP_PT_INT64, DEC, "result as a number (negative errno on failure)"),
	FE("evt.failed", F_EVT_FAILED, B, SCAP_PT_BOOL, NA, "true when the event returned an error"),
	FE("evt.is_io", F_EVT_IS_IO, B, SCAP_PT_BOOL, NA, "true for events that read or write an fd"),
	FE("evt.is_io_read", F_EVT_IS_IO_READ, B, SCAP_PT_BOOL, NA, "true for events that read from an fd"),
	FE("evt.is_io_write", F_EVT_IS_IO_WRITE, B, SCAP_PT_BOOL, NA, "true for events that write to an fd"),
	FE("evt.io_dir", F_EVT_IO_DIR, S, STR, NA, "read or write, for I/O events"),
	FE("evt.is_wait", F_EVT_IS_WAIT, B, SCAP_PT_BOOL, NA, "true for events that make the thread wait"),
	FE("evt.wait_latency", F_EVT_WAIT_LATENCY, N, SCAP_PT_RELTIME, DEC, "ns spent waiting, for exits of waiting events"),
	FE("evt.is_syslog", F_EVT_IS_SYSLOG, B, SCAP_PT_BOOL, NA, "true for writes to /dev/log"),
	FE("evt.count", F_EVT_COUNT, N, SCAP_PT_UINT32, DEC, "always 1 (for counting)"),
	FE("evt.count.error", F_EVT_COUNT_ERROR, N, SCAP_PT_UINT32, DEC, "1 for events that failed"),
	FE("evt.count.error.file", F_EVT_COUNT_ERROR_FILE, N, SCAP_PT_UINT32, DEC, "1 for failed file events"),
	FE("evt.count.error.net", F_EVT_COUNT_ERROR_NET, N, SCAP_PT_UINT32, DEC, "1 for failed network events"),
	FE("evt.count.error.memory", F_EVT_COUNT_ERROR_MEMORY, N, SCAP_PT_UINT32, DEC, "1 for failed memory events"),
	FE("evt.count.error.other", F_EVT_COUNT_ERROR_OTHER, N, SCAP_PT_UINT32, DEC, "1 for other failed events"),
	FE("evt.count.exit", F_EVT_COUNT_EXIT, N, SCAP_PT_UINT32, DEC, "1 for exit events"),
	{ "evt.around", F_EVT_AROUND, N, true, true, "filter only: events within D ms of time T (evt.around[T]=D)",
	  FIELD_CLASS_EVT, SCAP_PT_UINT64, DEC, FIELD_F_FILTER_ONLY | FIELD_F_ARG_BRACKET },
	{ "evt.abspath", F_EVT_ABSPATH, S, true, false, "absolute path of a *at syscall (evt.abspath.src / .dst)",
	  FIELD_CLASS_EVT, STR, NA, FIELD_F_ARG_DOT },
	FE("evt.is_open_read", F_EVT_IS_OPEN_READ, B, SCAP_PT_BOOL, NA, "true for opens for reading"),
	FE("evt.is_open_write", F_EVT_IS_OPEN_WRITE, B, SCAP_PT_BOOL, NA, "true for opens for writing"),
	FE("evt.is_open_exec", F_EVT_IS_OPEN_EXEC, B, SCAP_PT_BOOL, NA, "true for opens that create an executable file"),

	/* process and thread */
	FP("proc.pid", F_PROC_PID, N, SCAP_PT_INT64, ID, "process id"),
	FP("proc.exe", F_PROC_EXE, S, STR, NA, "first command-line argument (argv[0])"),
	FP("proc.name", F_PROC_NAME, S, STR, NA, "process name (comm)"),
	FP("proc.args", F_PROC_ARGS, S, STR, NA, "command-line arguments after argv[0]"),
	FP("proc.env", F_PROC_ENV, S, STR, NA, "environment variables, space separated"),
	FP("proc.cmdline", F_PROC_CMDLINE, S, STR, NA, "proc.name followed by the arguments"),
	FP("proc.exeline", F_PROC_EXELINE, S, STR, NA, "proc.exe followed by the arguments"),
	FP("proc.cwd", F_PROC_CWD, S, STR, NA, "current working directory"),
	FP("proc.nthreads", F_PROC_NTHREADS, N, SCAP_PT_UINT32, DEC, "threads of the process, main thread included"),
	FP("proc.nchilds", F_PROC_NCHILDS, N, SCAP_PT_UINT32, DEC, "threads of the process besides the main one"),
	FP("proc.ppid", F_PROC_PPID, N, SCAP_PT_INT64, ID, "parent process id"),
	FP("proc.pname", F_PROC_PNAME, S, STR, NA, "parent process name"),
	FP("proc.pcmdline", F_PROC_PCMDLINE, S, STR, NA, "parent's name and arguments"),
	FPA("proc.apid", F_PROC_APID, N, SCAP_PT_INT64, ID, false, FIELD_F_ARG_BRACKET,
	    "pid of an ancestor: [0] self, [1] parent, ...; without [N], any ancestor (filters)"),
	FPA("proc.aname", F_PROC_ANAME, S, STR, NA, false, FIELD_F_ARG_BRACKET,
	    "name of an ancestor: [0] self, [1] parent, ...; without [N], any ancestor (filters)"),
	FP("proc.loginshellid", F_PROC_LOGINSHELLID, N, SCAP_PT_INT64, ID, "pid of the oldest ancestor shell (name ending in sh)"),
	FP("proc.duration", F_PROC_DURATION, N, SCAP_PT_RELTIME, DEC, "ns since the process started"),
	FP("proc.fdopencount", F_PROC_FDOPENCOUNT, N, SCAP_PT_UINT64, DEC, "open fds of the process"),
	FP("proc.fdlimit", F_PROC_FDLIMIT, N, SCAP_PT_INT64, DEC, "maximum number of fds (RLIMIT_NOFILE)"),
	FP("proc.fdusage", F_PROC_FDUSAGE, N, SCAP_PT_DOUBLE, DEC, "open fds as a percentage of the limit"),
	FP("proc.vmsize", F_PROC_VMSIZE, N, SCAP_PT_UINT64, DEC, "virtual memory size in kB"),
	FP("proc.vmrss", F_PROC_VMRSS, N, SCAP_PT_UINT64, DEC, "resident memory in kB"),
	FP("proc.vmswap", F_PROC_VMSWAP, N, SCAP_PT_UINT64, DEC, "swapped memory in kB"),
	FP("thread.pfmajor", F_THREAD_PFMAJOR, N, SCAP_PT_UINT64, DEC, "major page faults of the thread"),
	FP("thread.pfminor", F_THREAD_PFMINOR, N, SCAP_PT_UINT64, DEC, "minor page faults of the thread"),
	FP("thread.tid", F_THREAD_TID, N, SCAP_PT_INT64, ID, "thread id"),
	FP("thread.ismain", F_THREAD_ISMAIN, B, SCAP_PT_BOOL, NA, "true for the main thread of its process"),
	FP("thread.exectime", F_THREAD_EXECTIME, N, SCAP_PT_RELTIME, DEC, "switch events: ns the previous thread ran on this CPU"),
	FP("thread.totexectime", F_THREAD_TOTEXECTIME, N, SCAP_PT_RELTIME, DEC, "switch events: ns the thread ran in total"),
	FP("thread.cgroups", F_THREAD_CGROUPS, S, STR, NA, "cgroups of the thread as subsys=path, space separated"),
	FPA("thread.cgroup", F_THREAD_CGROUP, S, STR, NA, true, FIELD_F_ARG_DOT,
	    "cgroup of one subsystem (thread.cgroup.cpuacct)"),
	FP("thread.vtid", F_THREAD_VTID, N, SCAP_PT_INT64, ID, "thread id in its pid namespace"),
	FP("proc.vpid", F_PROC_VPID, N, SCAP_PT_INT64, ID, "process id in its pid namespace"),
	FP("thread.cpu", F_THREAD_CPU, N, SCAP_PT_DOUBLE, NA, "procinfo events: CPU used by the thread"),
	FP("thread.cpu.user", F_THREAD_CPU_USER, N, SCAP_PT_DOUBLE, NA, "procinfo events: user CPU used by the thread"),
	FP("thread.cpu.system", F_THREAD_CPU_SYSTEM, N, SCAP_PT_DOUBLE, NA, "procinfo events: system CPU used by the thread"),
	FP("thread.vmsize", F_THREAD_VMSIZE, N, SCAP_PT_UINT64, DEC, "virtual memory in kB (main thread; 0 for others)"),
	FP("thread.vmrss", F_THREAD_VMRSS, N, SCAP_PT_UINT64, DEC, "resident memory in kB (main thread; 0 for others)"),
	FP("proc.sid", F_PROC_SID, N, SCAP_PT_INT64, ID, "session id"),
	FP("proc.sname", F_PROC_SNAME, S, STR, NA, "name of the session leader"),
	FP("proc.tty", F_PROC_TTY, N, SCAP_PT_INT32, ID, "controlling terminal (0: none)"),
	FP("proc.exepath", F_PROC_EXEPATH, S, STR, NA, "full path of the executable"),
	FP("proc.vpgid", F_PROC_VPGID, N, SCAP_PT_INT64, ID, "process group id in its pid namespace"),
	FP("proc.is_container_healthcheck", F_PROC_IS_HEALTHCHECK, B, SCAP_PT_BOOL, NA, "true for a container health check process"),
	FP("proc.is_container_liveness_probe", F_PROC_IS_LIVENESS, B, SCAP_PT_BOOL, NA, "true for a container liveness probe process"),
	FP("proc.is_container_readiness_probe", F_PROC_IS_READINESS, B, SCAP_PT_BOOL, NA, "true for a container readiness probe process"),
	FP("proc.is_exe_writable", F_PROC_IS_EXE_WRITABLE, B, SCAP_PT_BOOL, NA, "true when the executable is writable by the process's user"),
	FP("proc.pexe", F_PROC_PEXE, S, STR, NA, "first command-line argument of the parent (its proc.exe)"),
	FP("proc.pexepath", F_PROC_PEXEPATH, S, STR, NA, "full path of the parent's executable"),
	FPA("proc.aexe", F_PROC_AEXE, S, STR, NA, false, FIELD_F_ARG_BRACKET,
	    "proc.exe of an ancestor: [0] self, [1] parent, ...; without [N], any ancestor (filters)"),
	FPA("proc.aexepath", F_PROC_AEXEPATH, S, STR, NA, false, FIELD_F_ARG_BRACKET,
	    "proc.exepath of an ancestor: [0] self, [1] parent, ...; without [N], any ancestor (filters)"),
	FP("proc.exe_ino", F_PROC_EXE_INO, N, SCAP_PT_UINT64, DEC, "inode number of the executable"),
	FP("proc.exe_ino.ctime", F_PROC_EXE_INO_CTIME, N, SCAP_PT_ABSTIME, DEC, "status change time of the executable's inode, ns since the epoch"),
	FP("proc.exe_ino.mtime", F_PROC_EXE_INO_MTIME, N, SCAP_PT_ABSTIME, DEC, "modification time of the executable's inode, ns since the epoch"),
	FP("proc.exe_ino.ctime_duration_proc_start", F_PROC_EXE_INO_CTIME_DURATION, N, SCAP_PT_RELTIME, DEC,
	   "ns from the executable's inode status change to the process start"),
	FP("proc.is_exe_from_memfd", F_PROC_IS_EXE_FROM_MEMFD, B, SCAP_PT_BOOL, NA, "true when the executable is a memfd (fileless execution)"),
	FP("proc.is_exe_upper_layer", F_PROC_IS_EXE_UPPER_LAYER, B, SCAP_PT_BOOL, NA, "true when the executable is in an overlayfs upper layer"),
	FP("proc.is_vpgid_leader", F_PROC_IS_VPGID_LEADER, B, SCAP_PT_BOOL, NA, "true when the process leads its process group"),
	FP("proc.vpgid.name", F_PROC_VPGID_NAME, S, STR, NA, "name of the process group leader"),
	FP("proc.vpgid.exe", F_PROC_VPGID_EXE, S, STR, NA, "proc.exe of the process group leader"),
	FP("proc.vpgid.exepath", F_PROC_VPGID_EXEPATH, S, STR, NA, "full executable path of the process group leader"),
	FP("proc.ppid.duration", F_PROC_PPID_DURATION, N, SCAP_PT_RELTIME, DEC, "ns since the parent process started"),
	FP("thread.cap_permitted", F_THREAD_CAP_PERMITTED, S, STR, NA, "permitted capabilities, names space separated"),
	FP("thread.cap_effective", F_THREAD_CAP_EFFECTIVE, S, STR, NA, "effective capabilities, names space separated"),
	FP("thread.cap_inheritable", F_THREAD_CAP_INHERITABLE, S, STR, NA, "inheritable capabilities, names space separated"),

	/* user and group */
	FP("user.uid", F_USER_UID, N, SCAP_PT_UINT32, ID, "user id"),
	FP("user.name", F_USER_NAME, S, STR, NA, "user name"),
	FP("user.homedir", F_USER_HOMEDIR, S, STR, NA, "home directory of the user"),
	FP("user.shell", F_USER_SHELL, S, STR, NA, "login shell of the user"),
	FP("user.loginuid", F_USER_LOGINUID, N, SCAP_PT_INT32, ID, "audit login user id (-1 when unset)"),
	FP("user.loginname", F_USER_LOGINNAME, S, STR, NA, "name of the audit login user"),
	FP("group.gid", F_GROUP_GID, N, SCAP_PT_UINT64, ID, "group id"),
	FP("group.name", F_GROUP_NAME, S, STR, NA, "group name"),

	/* container */
	FC("container.id", F_CONT_ID, S, STR, "container id, host outside containers"),
	FC("container.name", F_CONT_NAME, S, STR, "container name, host outside containers"),
	FC("container.image", F_CONT_IMAGE, S, STR, "container image (repository:tag)"),
	FC("container.image.id", F_CONT_IMAGE_ID, S, STR, "container image id"),
	FC("container.type", F_CONT_TYPE, S, STR, "container runtime: docker, cri-o, containerd, ..., host"),
	FC("container.privileged", F_CONT_PRIVILEGED, B, SCAP_PT_BOOL, "true for a privileged container"),
	FC("container.mounts", F_CONT_MOUNTS, S, STR, "mounts as source:dest:mode:rdwr:propagation, comma separated"),
	FCA("container.mount", F_CONT_MOUNT, "one mount by index ([0]) or source glob ([/usr/*])"),
	FCA("container.mount.source", F_CONT_MOUNT_SOURCE, "source of a mount by index or destination"),
	FCA("container.mount.dest", F_CONT_MOUNT_DEST, "destination of a mount by index or source"),
	FCA("container.mount.mode", F_CONT_MOUNT_MODE, "mode of a mount by index or source"),
	FCA("container.mount.rdwr", F_CONT_MOUNT_RDWR, "read-write flag of a mount by index or source"),
	FCA("container.mount.propagation", F_CONT_MOUNT_PROPAGATION, "propagation of a mount by index or source"),
	FC("container.image.repository", F_CONT_IMAGE_REPO, S, STR, "repository of the container image"),
	FC("container.image.tag", F_CONT_IMAGE_TAG, S, STR, "tag of the container image"),
	FC("container.image.digest", F_CONT_IMAGE_DIGEST, S, STR, "registry digest of the container image"),
	FC("container.healthcheck", F_CONT_HEALTHCHECK, S, STR, "health check command line of the container"),
	FC("container.liveness_probe", F_CONT_LIVENESS, S, STR, "liveness probe command line of the container"),
	FC("container.readiness_probe", F_CONT_READINESS, S, STR, "readiness probe command line of the container"),
	{ "container.start_ts", F_CONT_START_TS, N, false, false,
	  "container start, ns since the epoch: start of the thread's pid namespace init, else the runtime's creation time",
	  FIELD_CLASS_CONTAINER, SCAP_PT_ABSTIME, DEC, 0 },

	/* fd */
	FD("fd.num", F_FD_NUM, N, SCAP_PT_INT64, ID, 0, "fd number"),
	FD("fd.type", F_FD_TYPE, S, STR, DEC, 0, "fd type: file, directory, ipv4, ipv6, unix, pipe, event, ..."),
	FD("fd.typechar", F_FD_TYPECHAR, S, STR, DEC, 0, "fd type as one letter (f, 4, 6, u, p, e, ...)"),
	FD("fd.name", F_FD_NAME, S, STR, NA, 0, "fd name: path, connection tuple, ..."),
	FD("fd.directory", F_FD_DIRECTORY, S, STR, NA, 0, "directory of a file fd"),
	FD("fd.filename", F_FD_FILENAME, S, STR, NA, 0, "file name of a file fd, without the directory"),
	FD("fd.ip", F_FD_IP, S, SCAP_PT_IPADDR, NA, FIELD_F_FILTER_ONLY, "filter only: client or server IP address"),
	FD("fd.cip", F_FD_CIP, S, SCAP_PT_IPADDR, NA, 0, "client IP address"),
	FD("fd.sip", F_FD_SIP, S, SCAP_PT_IPADDR, NA, 0, "server IP address"),
	FD("fd.lip", F_FD_LIP, S, SCAP_PT_IPADDR, NA, 0, "local IP address"),
	FD("fd.rip", F_FD_RIP, S, SCAP_PT_IPADDR, NA, 0, "remote IP address"),
	FD("fd.port", F_FD_PORT, N, SCAP_PT_PORT, DEC, FIELD_F_FILTER_ONLY, "filter only: client or server port"),
	FD("fd.cport", F_FD_CPORT, N, SCAP_PT_PORT, DEC, 0, "client port"),
	FD("fd.sport", F_FD_SPORT, N, SCAP_PT_PORT, DEC, 0, "server port"),
	FD("fd.lport", F_FD_LPORT, N, SCAP_PT_PORT, DEC, 0, "local port"),
	FD("fd.rport", F_FD_RPORT, N, SCAP_PT_PORT, DEC, 0, "remote port"),
	FD("fd.l4proto", F_FD_L4PROTO, S, STR, NA, 0, "IP protocol: tcp, udp, icmp, raw"),
	FD("fd.sockfamily", F_FD_SOCKFAMILY, S, STR, NA, 0, "socket family: ip or unix"),
	FD("fd.is_server", F_FD_IS_SERVER, B, SCAP_PT_BOOL, NA, 0, "true when the process is the server end"),
	FD("fd.uid", F_FD_UID, S, STR, NA, 0, "thread id followed by the fd number"),
	FD("fd.containername", F_FD_CONTAINERNAME, S, STR, NA, 0, "container id, ':', fd name"),
	FD("fd.containerdirectory", F_FD_CONTAINERDIRECTORY, S, STR, NA, 0, "container id, ':', fd directory"),
	FD("fd.proto", F_FD_PROTO, N, SCAP_PT_PORT, NA, FIELD_F_FILTER_ONLY, "filter only: client or server protocol (port)"),
	FD("fd.cproto", F_FD_CPROTO, S, STR, NA, 0, "client protocol (the port, names are not resolved)"),
	FD("fd.sproto", F_FD_SPROTO, S, STR, NA, 0, "server protocol (the port, names are not resolved)"),
	FD("fd.lproto", F_FD_LPROTO, S, STR, NA, 0, "local protocol (the port, names are not resolved)"),
	FD("fd.rproto", F_FD_RPROTO, S, STR, NA, 0, "remote protocol (the port, names are not resolved)"),
	FD("fd.net", F_FD_NET, S, SCAP_PT_IPNET, NA, FIELD_F_FILTER_ONLY, "filter only: client or server address in a network"),
	FD("fd.cnet", F_FD_CNET, S, SCAP_PT_IPNET, NA, FIELD_F_FILTER_ONLY, "filter only: client address in a network"),
	FD("fd.snet", F_FD_SNET, S, SCAP_PT_IPNET, NA, FIELD_F_FILTER_ONLY, "filter only: server address in a network"),
	FD("fd.lnet", F_FD_LNET, S, SCAP_PT_IPNET, NA, FIELD_F_FILTER_ONLY, "filter only: local address in a network"),
	FD("fd.rnet", F_FD_RNET, S, SCAP_PT_IPNET, NA, FIELD_F_FILTER_ONLY, "filter only: remote address in a network"),
	FD("fd.connected", F_FD_CONNECTED, B, SCAP_PT_BOOL, NA, 0, "true for a connected socket"),
	FD("fd.name_changed", F_FD_NAME_CHANGED, B, SCAP_PT_BOOL, NA, 0, "true when this event changed the fd's name"),
	FD("fd.cip.name", F_FD_CIP_NAME, S, STR, NA, 0, "domain name of the client address (not resolved: never set)"),
	FD("fd.sip.name", F_FD_SIP_NAME, S, STR, NA, 0, "domain name of the server address (not resolved: never set)"),
	FD("fd.lip.name", F_FD_LIP_NAME, S, STR, NA, 0, "domain name of the local address (not resolved: never set)"),
	FD("fd.rip.name", F_FD_RIP_NAME, S, STR, NA, 0, "domain name of the remote address (not resolved: never set)"),
	FD("fd.dev", F_FD_DEV, N, SCAP_PT_INT32, SCAP_PF_HEX, 0, "device of the file (major/minor), hexadecimal"),
	FD("fd.dev.major", F_FD_DEV_MAJOR, N, SCAP_PT_INT32, DEC, 0, "major number of the file's device"),
	FD("fd.dev.minor", F_FD_DEV_MINOR, N, SCAP_PT_INT32, DEC, 0, "minor number of the file's device"),
	FD("fd.nameraw", F_FD_NAMERAW, S, STR, NA, 0, "file path as the open call gave it (not made absolute); else fd.name"),

	/* fdlist: the fds of a poll-family call's fds parameter, comma separated */
	FL("fdlist.nums", F_FDLIST_NUMS, "poll: the fd numbers of the fds argument"),
	FL("fdlist.names", F_FDLIST_NAMES, "poll: the names of the fds of the fds argument"),
	FL("fdlist.cips", F_FDLIST_CIPS, "poll: client IP addresses of the IP sockets in fds"),
	FL("fdlist.sips", F_FDLIST_SIPS, "poll: server IP addresses of the IP sockets in fds"),
	FL("fdlist.cports", F_FDLIST_CPORTS, "poll: client ports of the IP sockets in fds"),
	FL("fdlist.sports", F_FDLIST_SPORTS, "poll: server ports of the IP sockets in fds"),

	/* syslog: a message written to /dev/log */
	FS("syslog.facility.str", F_SYSLOG_FACILITY_STR, S, STR, NA, "syslog facility name (kern, user, ..., local7)"),
	FS("syslog.facility", F_SYSLOG_FACILITY, N, SCAP_PT_UINT32, DEC, "syslog facility number (0-23)"),
	FS("syslog.severity.str", F_SYSLOG_SEVERITY_STR, S, STR, NA, "syslog severity name (emerg, alert, crit, err, warn, notice, info, debug)"),
	FS("syslog.severity", F_SYSLOG_SEVERITY, N, SCAP_PT_UINT32, DEC, "syslog severity number (0-7)"),
	FS("syslog.message", F_SYSLOG_MESSAGE, S, STR, NA, "syslog message, after its <PRI> header"),

	/* k8s: the pod of a CRI container (from the runtime or the capture) */
	FK("k8s.pod.name", F_K8S_POD_NAME, "Kubernetes pod name"),
	FK("k8s.pod.id", F_K8S_POD_ID, "Kubernetes pod uid (as k8s.pod.uid)"),
	{ "k8s.pod.label", F_K8S_POD_LABEL, FIELD_STR, true, true,
	  "Kubernetes pod label by key: k8s.pod.label.foo or k8s.pod.label[foo]", FIELD_CLASS_K8S,
	  SCAP_PT_CHARBUF, SCAP_PF_NA, 0 },
	FK("k8s.pod.labels", F_K8S_POD_LABELS, "Kubernetes pod labels as key:value, comma separated"),
	FK("k8s.ns.name", F_K8S_NS_NAME, "Kubernetes namespace of the pod"),
	FK("k8s.pod.uid", F_K8S_POD_UID, "Kubernetes pod uid (also from a kubepods cgroup path)"),
	FK("k8s.pod.sandbox_id", F_K8S_POD_SANDBOX_ID, "pod sandbox id, first 12 hex digits"),
	FK("k8s.pod.full_sandbox_id", F_K8S_POD_FULL_SANDBOX_ID, "pod sandbox id as the runtime gives it"),
	FK("k8s.pod.ip", F_K8S_POD_IP, "IP address of the pod (none with host network)"),
	{ NULL, 0, FIELD_STR, false, false, NULL, 0, 0, 0, 0 },
};
_Static_assert(sizeof(sinsp_field_defs) / sizeof(sinsp_field_defs[0]) - 1 <= SINSP_FIELD_DEFS_MAX,
	       "the field catalog outgrew SINSP_FIELD_DEFS_MAX");

static bool is_word(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* Precompute the index of parameter name per event type (evt.arg.NAME, evt.rawarg.NAME). */
static int8_t *param_index_table(const char *name)
{
	int8_t *t = malloc(SCAP_EVT_MAX);
	uint32_t e;

	if (!t)
		return NULL;
	memset(t, -1, SCAP_EVT_MAX);
	for (e = 0; e < SCAP_EVT_MAX; e++) {
		const struct scap_evt_info *info = scap_evt_info((uint16_t)e);

		if (info)
			t[e] = (int8_t)sinsp_info_param(info, info->nparams < 127 ? info->nparams : 127, name);
	}
	return t;
}

/* The parts of a ref that need the argument: tables, scratch state. 0 or -1. */
static int prepare_ref(struct field_ref *r)
{
	const struct field_def *d = r->def;

	r->aux = -1;
	if (d->cls == FIELD_CLASS_EVT && (d->id == F_EVT_ARG || d->id == F_EVT_RAWARG) && r->argnum < 0) {
		r->param_idx = param_index_table(r->arg);
		if (!r->param_idx)
			return -1;
	}
	if (d->cls == FIELD_CLASS_EVT && d->id == F_EVT_TYPE_IS) {
		char *end;
		unsigned long v = strtoul(r->arg, &end, 10);

		/* by name: that event type and the next (its exit); by number: that one only */
		r->aux = *end || !*r->arg ? sinsp_evt_type_by_name(r->arg) : (int32_t)(v & 0xffff) | FIELD_AUX_EXACT;
	}
	if (d->cls == FIELD_CLASS_EVT && d->id == F_EVT_RAWARG)
		r->aux = sinsp_field_type(r);
	if (d->cls == FIELD_CLASS_EVT && d->id == F_EVT_ABSPATH)
		r->aux = !r->arg ? 0 : strcmp(r->arg, "src") == 0 ? 1 : 2;
	r->scratch = calloc(1, sizeof(*r->scratch));
	return r->scratch ? 0 : -1;
}

static bool is_param_field(const struct field_def *d)
{
	return d->cls == FIELD_CLASS_EVT && (d->id == F_EVT_ARG || d->id == F_EVT_RAWARG);
}

/*
 * Fields whose bracket argument must be a number: evt.around (sysdig refuses any other
 * text). proc.apid / proc.aname[text] print in a format (sysdig shows the process's
 * value); filters refuse them (filter_parse.c).
 */
static bool numeric_arg_only(const struct field_def *d)
{
	return d->cls == FIELD_CLASS_EVT && d->id == F_EVT_AROUND;
}

/* Length of the longest event parameter name that starts s, 0 when none does. */
static size_t longest_param_name(const char *s)
{
	size_t best = 0;
	uint32_t e, i;

	for (e = 0; e < SCAP_EVT_MAX; e++) {
		const struct scap_evt_info *info = scap_evt_info((uint16_t)e);

		for (i = 0; info && i < info->nparams; i++) {
			size_t n;

			if (info->params[i].name[0] != s[0])  /* most names: no strlen, no compare */
				continue;
			n = strlen(info->params[i].name);
			if (n > best && strncmp(s, info->params[i].name, n) == 0)
				best = n;
		}
	}
	return best;
}

size_t sinsp_field_parse(const char *s, struct field_ref *out)
{
	const struct field_def *d, *best = NULL;
	size_t best_len = 0, n;

	for (d = sinsp_field_defs; d->name; d++) {
		/* every name has 3 bytes or more: the first two rule out most of the catalog */
		if (d->name[0] != s[0] || d->name[1] != s[1])
			continue;
		n = strlen(d->name);
		if (n > best_len && strncmp(s, d->name, n) == 0) {
			char c = s[n];
			bool ok;

			if (d->arg && c == '[')
				ok = !(d->flags & FIELD_F_ARG_DOT);
			else if (d->arg && c == '.')
				ok = !(d->flags & FIELD_F_ARG_BRACKET);
			else
				ok = !is_word(c) && c != '.' && c != '[';
			if (ok) {
				best = d;
				best_len = n;
			}
		}
	}
	if (!best)
		return 0;
	memset(out, 0, sizeof(*out));
	out->def = best;
	out->argnum = -1;
	n = best_len;
	if (best->arg && (s[n] == '.' || s[n] == '[')) {
		size_t start = n + 1, end = start;

		if (s[n] == '[') {
			while (s[end] && s[end] != ']')
				end++;
			if (s[end] != ']')
				return 0;
			n = end + 1;
		} else if (is_param_field(best)) {
			end = start + longest_param_name(s + start);
			n = end;
		} else {
			while (is_word(s[end]))
				end++;
			n = end;
		}
		if (end == start)
			return 0;
		out->arg = strndup(s + start, end - start);
		if (!out->arg)
			return 0;
		if ((out->arg[0] >= '0' && out->arg[0] <= '9') ||
		    (out->arg[0] == '-' && out->arg[1] >= '0' && out->arg[1] <= '9'))
			out->argnum = atoi(out->arg);
		else if (numeric_arg_only(best)) {
			sinsp_field_ref_free(out);
			return 0;
		}
	} else if (best->arg_required) {
		return 0;
	}
	if (prepare_ref(out)) {
		sinsp_field_ref_free(out);
		return 0;
	}
	return n;
}

void sinsp_field_ref_free(struct field_ref *r)
{
	free(r->arg);
	r->arg = NULL;
	free(r->param_idx);
	r->param_idx = NULL;
	if (r->scratch) {
		strbuf_free(&r->scratch->a);
		strbuf_free(&r->scratch->b);
		free(r->scratch->cpu_switch_ts);
		hashmap_free(&r->scratch->tot);
		free(r->scratch);
		r->scratch = NULL;
	}
}

bool sinsp_field_extract_val(struct sinsp_evt *evt, const struct field_ref *r, enum sinsp_buf_fmt bf,
			     struct field_val *v, struct strbuf *out)
{
	switch (r->def->cls) {
	case FIELD_CLASS_EVT: return sinsp_fields_evt(evt, r, bf, v, out);
	case FIELD_CLASS_PROC: return sinsp_fields_proc(evt, r, v, out);
	case FIELD_CLASS_FD: return sinsp_fields_fd(evt, r, v, out);
	case FIELD_CLASS_CONTAINER: return sinsp_fields_container(evt, r, v, out);
	case FIELD_CLASS_FDLIST: return sinsp_fields_fdlist(evt, r, v, out);
	case FIELD_CLASS_SYSLOG: return sinsp_fields_syslog(evt, r, v, out);
	case FIELD_CLASS_K8S: return sinsp_fields_k8s(evt, r, v, out);
	default: return false;
	}
}

/* A number of the field's type and print format, as sysdig prints it. */
static bool render_num(const struct field_ref *r, const struct field_val *v, struct strbuf *out)
{
	uint8_t pf = r->def->pf;

	if (r->def->type == SCAP_PT_UINT32 && pf == SCAP_PF_NA)
		return false; /* sysdig has no text for an unformatted UINT32 (evt.type.is) */
	switch (pf) {
	case SCAP_PF_10_PADDED_DEC:
		if (v->v.u < 1000000000ull) {
			/* the common case without printf: 9 digits, zero padded */
			char d[9];
			uint64_t x = v->v.u;
			int i;

			for (i = 8; i >= 0; i--, x /= 10)
				d[i] = (char)('0' + x % 10);
			strbuf_add(out, d, 9);
		} else {
			strbuf_printf(out, "%09" PRIu64, v->v.u);
		}
		return true;
	case SCAP_PF_HEX:
		strbuf_printf(out, "%" PRIX64, r->def->type == SCAP_PT_INT32 ? (uint64_t)(uint32_t)v->v.u : v->v.u);
		return true;
	default:
		if (v->t == FV_S64)
			strbuf_add_s64(out, v->v.s);
		else
			strbuf_add_u64(out, v->v.u);
		return true;
	}
}

/*
 * evt.rawarg prints with the type of the first event parameter of that name (sysdig
 * looks the name up once) and without a print format: pids, errnos and text print;
 * other integers have no text (sysdig prints <NA>; for fds, flags, tuples and syscall
 * ids it stops with "wrong event type": scry prints <NA> instead).
 */
static bool rawarg_printable(const struct field_ref *r)
{
	switch (r->aux) {
	case SCAP_PT_PID: case SCAP_PT_ERRNO: case SCAP_PT_CHARBUF: case SCAP_PT_FSPATH:
	case SCAP_PT_FSRELPATH: case SCAP_PT_BYTEBUF: case SCAP_PT_IPV4ADDR: case SCAP_PT_DOUBLE:
		return true;
	default:
		return false;
	}
}

static void restore(struct strbuf *out, size_t start)
{
	out->len = start;
	if (out->buf)
		out->buf[start] = 0;
}

sinsp_field_view_fn sinsp_field_view_of(const struct field_ref *r)
{
	if (r->arg || r->argnum >= 0)
		return NULL;
	if (r->def->cls == FIELD_CLASS_PROC && r->def->id == F_PROC_NAME)
		return sinsp_fields_proc_name_view;
	if (r->def->cls == FIELD_CLASS_FD && r->def->id == F_FD_NAME)
		return sinsp_fields_fd_name_view;
	if (r->def->cls == FIELD_CLASS_EVT && r->def->id == F_EVT_TYPE)
		return sinsp_fields_evt_type_view;
	return NULL;
}

bool sinsp_field_extract(struct sinsp_evt *evt, const struct field_ref *r, enum sinsp_buf_fmt bf,
			 struct strbuf *out)
{
	struct field_val v;
	size_t start = out->len;

	if (!sinsp_field_extract_val(evt, r, bf, &v, out)) {
		restore(out, start);
		return false;
	}
	if (r->def->cls == FIELD_CLASS_EVT && r->def->id == F_EVT_RAWARG && !r->filter && !rawarg_printable(r)) {
		restore(out, start);
		return false;
	}
	switch (v.t) {
	case FV_TEXT:
		return true;
	case FV_BOOL:
		strbuf_adds(out, v.v.u ? "true" : "false");
		return true;
	case FV_DOUBLE:
		strbuf_printf(out, "%.1f", v.v.d);
		return true;
	case FV_IPV4:
		sinsp_render_ipv4(out, v.v.ip4);
		return true;
	case FV_IPV6:
		sinsp_render_ipv6(out, v.v.ip6);
		return true;
	default:
		if (!render_num(r, &v, out)) {
			restore(out, start);
			return false;
		}
		return true;
	}
}

bool sinsp_field_extract_num(struct sinsp_evt *evt, const struct field_ref *r, int64_t *out,
			     bool *is_unsigned)
{
	struct field_val v;
	struct strbuf *scratch;

	if (r->def->kind == FIELD_STR || !r->scratch)
		return false;
	scratch = &r->scratch->b;
	strbuf_reset(scratch);
	if (!sinsp_field_extract_val(evt, r, SINSP_BUF_NORMAL, &v, scratch))
		return false;
	switch (v.t) {
	case FV_S64:
		*out = v.v.s;
		*is_unsigned = false;
		return true;
	case FV_U64:
	case FV_BOOL:
		*out = (int64_t)v.v.u;
		*is_unsigned = v.t == FV_U64;
		if (v.t == FV_BOOL)
			*is_unsigned = false;
		return true;
	case FV_DOUBLE:
		*out = (int64_t)v.v.d;
		*is_unsigned = false;
		return true;
	case FV_TEXT: {
		/* evt.rawarg of a text parameter, or a number rendered as text */
		char *end;

		if (!scratch->len)
			return false;
		*out = strtoll(scratch->buf, &end, 10);
		*is_unsigned = false;
		return *end == 0;
	}
	default:
		return false;
	}
}

bool sinsp_field_is_multi(const struct field_ref *r)
{
	const struct field_def *d = r->def;

	if (d->cls == FIELD_CLASS_PROC)
		return (d->id == F_PROC_APID || d->id == F_PROC_ANAME || d->id == F_PROC_AEXE ||
			d->id == F_PROC_AEXEPATH) && !r->arg;
	return d->cls == FIELD_CLASS_FD &&
	       (d->id == F_FD_IP || d->id == F_FD_PORT || d->id == F_FD_PROTO || d->id == F_FD_NET);
}

enum sinsp_match sinsp_field_match_any(struct sinsp_evt *evt, const struct field_ref *r,
				       sinsp_field_cand_fn cb, void *ctx)
{
	if (r->def->cls == FIELD_CLASS_PROC)
		return sinsp_fields_proc_match_any(evt, r, cb, ctx);
	return sinsp_fields_fd_match_any(evt, r, cb, ctx);
}

uint8_t sinsp_field_type(const struct field_ref *r)
{
	if (r->def->cls == FIELD_CLASS_EVT && r->def->id == F_EVT_RAWARG && r->param_idx) {
		uint32_t e;

		/* the first event type that has the parameter decides, as sysdig's lookup does */
		for (e = 0; e < SCAP_EVT_MAX; e++)
			if (r->param_idx[e] >= 0)
				return scap_evt_info((uint16_t)e)->params[r->param_idx[e]].type;
		return SCAP_PT_NONE;
	}
	return r->def->type;
}

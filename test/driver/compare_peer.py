#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""compare_peer.py [--scry SCRY] [--sysdig SYSDIG] OUTDIR: scry's capture of the driver
workloads (workload.c, then workload_more.c) against the peer driver's (Debian's scap.ko +
sysdig 0.29.3), both made in one VM boot by test/driver/guest_peer.sh (OUTDIR: scry.scap,
peer.scap, and scry.pid, peer.pid: the workloads' pids, a line each).

1. The workloads' events in each capture: their processes, the threads and children
   they create (by clone/fork exits), each given a role by creation order ("main",
   "main.1", ..., "more", "more.1", ...) so that the two runs line up. For every syscall of the core set
   (issue 5's list), the sequence of its events per role is compared: event kind, and
   every parameter both event versions have, by name, except those that differ from
   run to run (timestamps, pids and tids, addresses, inodes, memory counters, ephemeral
   ports, unix socket pointers). Each difference is printed with its class:
     schema   our schema is newer (a newer event version or a dedicated event where the
              peer writes the generic one, extra parameters): not a difference of values
     peer     a known fault of the peer driver (explained)
     ours     a known fault of scry (explained; to fix)
     NEW      not explained: the comparison fails
2. sysdig 0.29.3 reads scry's capture to its end: every event of a type it knows
   (< 336; it skips newer types silently) but procinfo (never printed) is printed by
   `sysdig -r`, in order.

Exit 1 when a NEW difference is found or sysdig stops early.
"""
import argparse
import os
import re
import struct
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SYSDIG_EVENT_MAX = 336      # event types sysdig 0.29.3 knows: 0..335
# procinfo events (a process's CPU time: live `scry -w` writes one a process a second,
# sysdig's own driver writes them too) update the state and are never printed by sysdig
SCAP_EVT_PROCINFO_E = 234
FIXED_PORTS = {1, 34567, 34568, 34569}   # ports the workload chooses (workload.c)

# Issue 5's core set, by the name its events carry, and issue 12's syscalls that were
# generic events before (the queries and waits of workload.c's step 15, the last seven
# of its step 16).
CORE = """open openat openat2 creat close read write pread64 pwrite64 readv writev preadv
pwritev sendfile socket socketpair bind listen connect accept accept4 sendto recvfrom sendmsg
recvmsg shutdown pipe pipe2 dup dup2 dup3 fcntl execve execveat clone clone3 fork vfork exit
exit_group procexit kill tkill tgkill chdir fchdir mkdir mkdirat rmdir unlink unlinkat rename
renameat renameat2 symlink symlinkat link linkat chmod fchmod fchmodat chown fchown fchownat
lchown setuid setgid setresuid setresgid setreuid setregid mount umount2 chroot ptrace mmap
munmap mprotect brk unshare setns bpf memfd_create init_module finit_module prctl capset
ioctl eventfd eventfd2 signalfd signalfd4 timerfd_create inotify_init inotify_init1
userfaultfd io_uring_setup
stat lstat fstat access getcwd getdents getdents64 lseek flock splice futex nanosleep poll
ppoll select epoll_wait setsockopt getsockopt getsockname getpeername sendmmsg recvmmsg
getrlimit setrlimit prlimit getuid geteuid getgid getegid getresuid getresgid setsid
setpgid semget semctl semop seccomp copy_file_range newfstatat mknod mknodat epoll_create
epoll_create1 mlock munlock mlock2 mlockall munlockall pidfd_open pidfd_getfd
delete_module
quotactl io_uring_enter io_uring_register fsconfig process_vm_readv process_vm_writev
open_by_handle_at""".split()
# Syscalls whose events the peer names after an older sibling (pipe2 -> "pipe"): one
# family each, compared in order.
FAMILY = {"pipe2": "pipe", "dup2": "dup", "dup3": "dup", "eventfd2": "eventfd",
          "signalfd4": "signalfd", "inotify_init1": "inotify_init", "umount2": "umount",
          "umount": "umount", "pread64": "pread", "pwrite64": "pwrite", "accept4": "accept",
          "prlimit64": "prlimit"}
CORE_FAMILIES = {FAMILY.get(n, n) for n in CORE}
# Parameters that change from run to run, by name (besides pid, time and address types).
VOLATILE = {"ino", "vm_size", "vm_rss", "vm_swap", "pgft_maj", "pgft_min", "exe_ino",
            "exe_ino_ctime", "exe_ino_mtime", "pidns_init_start_ts", "env", "semid"}
# The same, for one event name only: (event, parameter).
VOLATILE_OF = {("semget", "res")}     # a System V IPC id: the kernel's next, run to run

# Known differences, found by running this comparison (see the report in the commit that
# added them): each rule takes (family, direction, parameter, scry's value, the peer's)
# and returns (class, explanation) when it explains the difference.
PROCESS_EXITS = ("clone", "clone3", "fork", "vfork", "execve", "execveat")
PPM_O_TMPFILE = 1 << 13
RULES = [
    lambda f, d, p, x, y: ("peer", "a negative fd argument written zero-extended from 32 bits")
    if isinstance(x, int) and x < 0 and y == x & 0xffffffff else None,
    lambda f, d, p, x, y: ("peer", "cwd written empty (its userspace follows chdir instead)")
    if f in PROCESS_EXITS and p == "cwd" and y == "" else None,
    lambda f, d, p, x, y: ("peer", "a failed connect still gets a tuple (later drivers leave "
                           "it empty, as scry does)") if f == "connect" and p == "tuple" and x == "" else None,
    lambda f, d, p, x, y: ("peer", "no tuple when the call carries no address (a connected "
                           "socket); scry takes it from the socket")
    if f in ("sendto", "recvfrom", "sendmsg", "recvmsg") and p == "tuple" and y == "" else None,
    lambda f, d, p, x, y: ("peer", "parameter not filled: the peer's table fills it with 0")
    if (f, d, p) in (("mkdir", ">", "mode"), ("timerfd_create", ">", "clockid"),
                     ("timerfd_create", ">", "flags"), ("signalfd", ">", "mask"),
                     ("signalfd", ">", "flags")) and y == 0 else None,
    lambda f, d, p, x, y: ("peer", "flags read from the clone_args in the parent's memory "
                           "at the new thread's first return: 0 when the parent has already "
                           "cleared or reused it (scry takes them from its fork hook)")
    if (f, p) == ("clone3", "flags") and y == 0 else None,
    lambda f, d, p, x, y: ("peer", "no flags for vfork; scry writes the CLONE_VM|CLONE_VFORK "
                           "it implies") if (f, p) == ("vfork", "flags") and y == 0 else None,
    lambda f, d, p, x, y: ("peer", "the raw O_* flags, not the schema's open-flag bits")
    if (f, p) == ("userfaultfd", "flags") else None,
    lambda f, d, p, x, y: ("peer", "O_DIRECTORY read as O_TMPFILE too (O_TMPFILE contains "
                           "O_DIRECTORY's bit); the mode register is then kept, garbage")
    if f in ("open", "openat") and ((p == "flags" and y == x | PPM_O_TMPFILE) or
                                    (p == "mode" and x == 0)) else None,
    lambda f, d, p, x, y: ("peer", "the exit event is dropped when its path pointer faults "
                           "(counted as a page-fault drop)")
    if p == "events" and x == "missing exit" else None,
    lambda f, d, p, x, y: ("peer", "SO_RCVTIMEO/SO_SNDTIMEO (20, 21) unknown: built on a kernel "
                           "whose headers define only their _OLD/_NEW forms, the peer writes "
                           "optname 0 and the timeval's raw bytes; scry the schema's ns value")
    if f in ("setsockopt", "getsockopt") and ((p == "optname" and x in (20, 21) and y == 0) or
                                              (p == "val" and x.startswith("04") and
                                               y.startswith("00"))) else None,
    lambda f, d, p, x, y: ("peer", "offin written as the off_in pointer, not the offset it "
                           "points to") if (f, p) == ("copy_file_range", "offin") else None,
    lambda f, d, p, x, y: ("schema", "sysdig 0.29.3 has no code for this syscall: the peer "
                           "writes the generic event with code 0 (<unknown>)")
    if p == "events" and x == "newer event" else None,
]


def classify(fam, d, param, x, y):
    for rule in RULES:
        r = rule(fam, d, param, x, y)
        if r:
            return r
    return ("NEW", "")


# ---- the schema, from driver/abi (the one source of truth, shared with the driver) ----

def load_schema():
    """{type: (name, large, [(pname, ptype, pfmt)])}, {code: syscall name}."""
    evts = {}
    cur = None
    for fn in sorted(os.listdir(os.path.join(ROOT, "driver/abi"))):
        if not fn.startswith("event_table_"):
            continue
        for line in open(os.path.join(ROOT, "driver/abi", fn), encoding="utf-8"):
            m = re.match(r"\s*\[SCAP_EVT_\w+\] = \{\s*/\* (\d+) \*/", line)
            if m:
                cur = [None, False, []]
                evts[int(m.group(1))] = cur
                continue
            if cur is None:
                continue
            m = re.search(r'\{ \.name = "([^"]+)", \.type = SCAP_PT_(\w+), \.fmt = SCAP_PF_(\w+)', line)
            if m:
                cur[2].append(m.groups())
                continue
            m = re.match(r'\s*\.name = "([^"]+)"', line)
            if m:
                cur[0] = m.group(1)
            if "SCAP_EF_LARGE_PAYLOAD" in line:
                cur[1] = True
    hdr = open(os.path.join(ROOT, "driver/abi/scap_events.h"), encoding="utf-8").read()
    codes = {m.group(1): int(m.group(2)) for m in re.finditer(r"\bSCAP_SC_(\w+) = (\d+)", hdr)}
    names = {}
    tbl = open(os.path.join(ROOT, "driver/abi/syscall_table.c"), encoding="utf-8").read()
    for m in re.finditer(r'\[SCAP_SC_(\w+)\] = "([^"]*)"', tbl):
        names[codes[m.group(1)]] = m.group(2)
    return evts, names


# ---- capture files ----------------------------------------------------------------------

# Event block types: body prefix (u16 cpu [+ u32 flags]) and header length.
EV_BLOCKS = {0x204: (2, 22), 0x208: (6, 22), 0x216: (2, 26), 0x217: (6, 26),
             0x221: (2, 26), 0x222: (6, 26), 0x8010ABCD: (2, 22)}


def read_events(path, schema):
    """Events of a scap capture in file order: dicts type, tid, ts, params (bytes)."""
    data = open(path, "rb").read()
    out = []
    off = 0
    while off + 12 <= len(data):
        btype, blen = struct.unpack_from("<II", data, off)
        if blen < 12 or off + blen > len(data):
            raise ValueError("%s: bad block at %d" % (path, off))
        if btype in EV_BLOCKS:
            pre, hlen = EV_BLOCKS[btype]
            p = off + 8 + pre
            ts, tid, elen, etype = struct.unpack_from("<QQIH", data, p)
            info = schema.get(etype)
            if hlen == 26:
                nparams = struct.unpack_from("<I", data, p + 22)[0]
            else:
                nparams = len(info[2]) if info else 0
            lw = 4 if info and info[1] else 2
            lens = struct.unpack_from("<%d%s" % (nparams, "I" if lw == 4 else "H"), data, p + hlen)
            q = p + hlen + lw * nparams
            params = []
            for n in lens:
                params.append(data[q:q + n])
                q += n
            out.append({"type": etype, "tid": tid, "ts": ts, "params": params})
        off += blen
    return out


# ---- parameter values ---------------------------------------------------------------------

INTS = {"INT8": "b", "INT16": "h", "INT32": "i", "INT64": "q", "UINT8": "B", "UINT16": "H",
        "UINT32": "I", "UINT64": "Q", "ERRNO": "q", "FD": "q", "PID": "q", "FLAGS8": "B",
        "FLAGS16": "H", "FLAGS32": "I", "ENUMFLAGS8": "B", "ENUMFLAGS16": "H",
        "ENUMFLAGS32": "I", "MODE": "I", "UID": "I", "GID": "I", "SYSCALLID": "H",
        "SIGTYPE": "B", "PORT": "H", "BOOL": "I", "RELTIME": "Q", "ABSTIME": "Q",
        "SIGSET": "I", "L4PROTO": "B", "SOCKFAMILY": "B"}


def value(ptype, b):
    """A comparable, printable form of a parameter's bytes."""
    if ptype in INTS and len(b) == struct.calcsize("<" + INTS[ptype]):
        return struct.unpack("<" + INTS[ptype], b)[0]
    if ptype in ("CHARBUF", "FSPATH", "FSRELPATH"):
        return b.rstrip(b"\0").decode("utf-8", "replace")
    if ptype in ("SOCKTUPLE", "SOCKADDR") and b:
        return sock(ptype, b)
    return b.hex() if len(b) <= 48 else "%s...(%d bytes)" % (b[:48].hex(), len(b))


def sock(ptype, b):
    """Tuples and addresses with ephemeral ports and kernel pointers masked."""
    fam = b[0]
    port = lambda p: p if p in FIXED_PORTS else "EPH"
    if fam == 2 and ptype == "SOCKTUPLE" and len(b) >= 13:
        sip, sp, dip, dp = struct.unpack_from("<4sH4sH", b, 1)
        return "inet %s:%s -> %s:%s" % (sip.hex(), port(sp), dip.hex(), port(dp))
    if fam == 10 and ptype == "SOCKTUPLE" and len(b) >= 37:
        sip, sp, dip, dp = struct.unpack_from("<16sH16sH", b, 1)
        return "inet6 %s:%s -> %s:%s" % (sip.hex(), port(sp), dip.hex(), port(dp))
    if fam == 1 and ptype == "SOCKTUPLE" and len(b) >= 17:
        return "unix PTR -> PTR %s" % b[17:].rstrip(b"\0").decode("utf-8", "replace")
    if fam == 2 and ptype == "SOCKADDR" and len(b) >= 7:
        ip, p = struct.unpack_from("<4sH", b, 1)
        return "inet %s:%s" % (ip.hex(), port(p))
    if fam == 10 and ptype == "SOCKADDR" and len(b) >= 19:
        ip, p = struct.unpack_from("<16sH", b, 1)
        return "inet6 %s:%s" % (ip.hex(), port(p))
    return "family %d %s" % (fam, b[1:].hex())


def volatile(name, ptype, pfmt):
    if name in VOLATILE or ptype in ("PID", "ABSTIME", "RELTIME"):
        return True
    # Addresses: 64-bit values printed in hex (mmap/brk results, addr, unix pointers).
    return pfmt == "HEX" and ptype in ("UINT64", "ERRNO") and name != "request"


# ---- the workload's events ----------------------------------------------------------------

def workload(evts, pids, schema):
    """Roles of the workloads' threads ({tid: role}) from their clone-family exits: the
    first workload is "main", the second "more", their children "main.1", ..."""
    roles = dict(zip(pids, ("main", "more")))
    kids = {}
    for e in evts:
        info = schema.get(e["type"])
        if not info or e["tid"] not in roles or e["type"] % 2 == 0:
            continue
        if info[0] in ("clone", "fork", "vfork", "clone3") and e["params"]:
            child = value("PID", e["params"][0])
            if isinstance(child, int) and child > 0 and child not in roles:
                parent = roles[e["tid"]]
                kids[parent] = kids.get(parent, 0) + 1
                roles[child] = "%s.%d" % (parent, kids[parent])
    return roles


def family_of(e, schema, names):
    info = schema.get(e["type"])
    if not info:
        return "type%d" % e["type"], False
    if info[0] == "syscall":
        code = value("SYSCALLID", e["params"][0]) if e["params"] else 0
        n = names.get(code, "code%s" % code)
        return FAMILY.get(n, n), True
    return FAMILY.get(info[0], info[0]), False


# Values of the futex calls the workload makes itself (step 15): glibc's own futex calls
# (thread start and join) depend on thread timing, and are left out.
WORKLOAD_FUTEX_VALS = (7, 9)


def sequences(evts, roles, schema, names):
    """{(family, role): [event]} of the workload's events in capture order."""
    seqs = {}
    futex_kept = {}
    for e in evts:
        role = roles.get(e["tid"])
        if role is None:
            continue
        fam, generic = family_of(e, schema, names)
        e["generic"] = generic
        e["dir"] = ">" if e["type"] % 2 == 0 else "<"
        if fam == "futex" and not generic:
            if e["dir"] == ">":
                val = value("UINT64", e["params"][2]) if len(e["params"]) > 2 else None
                futex_kept[e["tid"]] = val in WORKLOAD_FUTEX_VALS
            if not futex_kept.get(e["tid"]):
                continue
        seqs.setdefault((fam, role), []).append(e)
    return seqs


def params_of(e, schema):
    info = schema[e["type"]]
    out = {}
    for i, b in enumerate(e["params"]):
        if i < len(info[2]):
            name, ptype, pfmt = info[2][i]
            out[name] = (value(ptype, b), volatile(name, ptype, pfmt) or
                         (info[0], name) in VOLATILE_OF)
    return out


class Report:
    def __init__(self):
        self.counts = {}
        self.new = 0

    def diff(self, fam, d, param, what, x=None, y=None):
        cls, why = classify(fam, d, param, x, y)
        if cls == "NEW":
            self.new += 1
        self.counts[cls] = self.counts.get(cls, 0) + 1
        print("%-6s %-14s %s %-10s %s%s" % (cls, fam, d, param, what, (" -- " + why) if why else ""))


def compare(ours, peer, schema, rep):
    keys = sorted(set(ours) | set(peer))
    seen = sorted({fam for fam, _ in keys if fam in CORE_FAMILIES})
    print("core syscalls the workload made (%d): %s" % (len(seen), " ".join(seen)))
    print("core syscalls it did not make: %s" % " ".join(sorted(CORE_FAMILIES - set(seen))))
    schema_notes = set()
    for fam, role in keys:
        if fam not in CORE_FAMILIES:
            continue
        a, b = ours.get((fam, role), []), peer.get((fam, role), [])
        if not b and a and all(e["type"] >= SYSDIG_EVENT_MAX for e in a):
            rep.diff(fam, "*", "events", "%s: scry %d events, the peer none" % (role, len(a)),
                     "newer event")
            continue
        # An exit event the peer lacks (dropped) is reported and left out of the pairing.
        a = list(a)
        i = 0
        while i < len(a) and len(a) > len(b):
            if i >= len(b) or (a[i]["dir"] == "<" and b[i]["dir"] == ">"):
                if a[i]["dir"] != "<":
                    break
                rep.diff(fam, "<", "events", "%s: exit #%d of scry's is not in the peer's "
                         "capture" % (role, i), "missing exit")
                del a[i]
                continue
            i += 1
        da = [e["dir"] for e in a]
        db = [e["dir"] for e in b]
        if da != db:
            rep.diff(fam, "*", "events", "%s: scry %s, peer %s" % (role, "".join(da) or "none",
                                                                  "".join(db) or "none"))
            continue
        for x, y in zip(a, b):
            if x["type"] != y["type"]:
                note = (fam, x["dir"], schema[x["type"]][0], schema[y["type"]][0],
                        x["generic"], y["generic"])
                if note not in schema_notes:
                    schema_notes.add(note)
                    print("schema %-14s %s %-10s scry writes event %d (%s%s), the peer %d (%s%s)" % (
                        fam, x["dir"], "type", x["type"], note[2], " generic" if x["generic"] else "",
                        y["type"], note[3], " generic" if y["generic"] else ""))
                    rep.counts["schema"] = rep.counts.get("schema", 0) + 1
                if x["generic"] != y["generic"]:
                    continue            # a dedicated event against the generic one
            px, py = params_of(x, schema), params_of(y, schema)
            for name in px:
                if name not in py:
                    continue
                (vx, volx), (vy, _) = px[name], py[name]
                if not volx and vx != vy:
                    rep.diff(fam, x["dir"], name, "%s: scry %r, peer %r" % (role, vx, vy), vx, vy)


def sysdig_reads(sysdig, path, evts):
    """sysdig 0.29.3 prints every event of scry's capture whose type it knows, in order,
    with its default fields (rendering a generic event of a syscall code it does not know
    crashes it)."""
    want = [e["ts"] for e in evts
            if e["type"] < SYSDIG_EVENT_MAX and e["type"] != SCAP_EVT_PROCINFO_E]
    fmt = "*%evt.rawtime %evt.cpu %proc.name (%thread.tid) %evt.dir %evt.type %evt.info"
    r = subprocess.run([sysdig, "-r", path, "-p", fmt], capture_output=True, text=True,
                       errors="replace", timeout=600)
    got = [int(x.split(" ", 1)[0]) for x in r.stdout.splitlines() if x.split(" ", 1)[0].isdigit()]
    ok = r.returncode == 0 and got == want
    print(("ok    " if ok else "FAIL  ") +
          "sysdig 0.29.3 reads scry's capture to its end: %d of %d events (%d of newer types "
          "skipped, %d procinfo), exit %d" % (len(got), len(want),
                                             sum(e["type"] >= SYSDIG_EVENT_MAX for e in evts),
                                             sum(e["type"] == SCAP_EVT_PROCINFO_E for e in evts),
                                             r.returncode))
    if not ok:
        n = next((i for i, (g, w) in enumerate(zip(got, want)) if g != w), min(len(got), len(want)))
        print("      first event sysdig did not print: #%d of the known-type events" % n)
    return ok


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scry", default=os.path.join(ROOT, "build/bin/scry"))
    ap.add_argument("--sysdig", default="sysdig")
    ap.add_argument("outdir")
    a = ap.parse_args()
    schema, names = load_schema()
    caps = {}
    for who in ("scry", "peer"):
        path = os.path.join(a.outdir, who + ".scap")
        evts = read_events(path, schema)
        pids = [int(x) for x in open(os.path.join(a.outdir, who + ".pid")).read().split()]
        roles = workload(evts, pids, schema)
        caps[who] = (path, evts, sequences(evts, roles, schema, names))
        print("%s: %d events, %d of the workload (%d threads and processes)" % (
            who, len(evts), sum(len(v) for v in caps[who][2].values()), len(roles)))
    rep = Report()
    compare(caps["scry"][2], caps["peer"][2], schema, rep)
    print("differences: " + ", ".join("%s %d" % kv for kv in sorted(rep.counts.items())))
    ok = sysdig_reads(a.sysdig, caps["scry"][0], caps["scry"][1])
    if rep.new:
        print("FAIL  %d differences not explained (class NEW)" % rep.new)
    return 0 if ok and not rep.new else 1


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""check_capture.py OUTDIR: assert on what the driver VM test brought back.

OUTDIR/capture.txt is kmod_capture's output for test/driver/workload.c; devmode.txt the
mode of /dev/scry0; dmesg.txt the guest's kernel log. Every failed check is listed;
exit 1 when there is one. The expected values follow from workload.c step by step.
"""
import re
import sys

PARAM = re.compile(r' (\w+)=("(?:[^"\\]|\\.)*"|\S+)')
fails = []


def check(cond, what):
    print(("ok    " if cond else "FAIL  ") + what)
    if not cond:
        fails.append(what)


def parse(path):
    evts, pid, stats = [], None, {}
    for line in open(path, encoding="utf-8"):
        if line.startswith("# cmd pid="):
            pid = int(line.split("=")[1])
        elif line.startswith("# stats "):
            stats = {k: int(v) for k, v in (f.split("=") for f in line.split()[2:])}
        elif line.startswith("evt "):
            head, _, rest = line.partition(" np=")
            e = dict(f.split("=", 1) for f in head.split()[1:])
            e["np"] = int(rest.split()[0])
            e["p"] = {k: v for k, v in PARAM.findall(" " + rest.split(" ", 1)[1])} \
                if " " in rest.strip() else {}
            e["tid"] = int(e["tid"])
            evts.append(e)
    return evts, pid, stats


def find(evts, ename, d, tid, **want):
    """Events of type name/direction d in thread tid whose params equal want."""
    out = []
    for e in evts:
        if e["name"] != ename or e["dir"] != d or e["tid"] != tid:
            continue
        if all(e["p"].get(k) == str(v) for k, v in want.items()):
            out.append(e)
    return out


def hexs(b):
    return "%d:%s" % (len(b), b.hex())


def main(outdir):
    evts, pid, stats = parse(outdir + "/capture.txt")
    check(pid is not None and len(evts) > 0, "capture has events and the workload pid")
    w = [e for e in evts if e["tid"] == pid]
    ts = [int(e["ts"]) for e in evts]
    check(ts == sorted(ts), "events are merged in timestamp order across CPUs")

    ex = find(evts, "execve", "<", pid, res=0, comm='"driver_workload"')
    check(len(ex) == 1 and ex[0]["p"]["exe"].endswith('/bin/driver_workload"'),
          "execve exit: res=0, exe=.../driver_workload, comm=driver_workload")
    check(len(ex) == 1 and ex[0]["p"]["cwd"] == '"/tmp"', "execve exit: cwd=/tmp")

    o = find(evts, "open", "<", pid, name='"/etc/passwd"', flags=1, mode=0)
    check(len(o) == 1 and int(o[0]["p"]["fd"]) >= 3, "open /etc/passwd O_RDONLY: fd >= 3")
    check(len(find(evts, "open", ">", pid, name='"/etc/passwd"', flags=1, mode=0)) == 1,
          "open enter: name=/etc/passwd flags=O_RDONLY mode=0")
    if o:
        fd = o[0]["p"]["fd"]
        check(len(find(evts, "close", ">", pid, fd=fd)) >= 1, "close enter of fd %s" % fd)
    check(len(find(evts, "open", "<", pid, fd=-2, name='"/nonexistent/scry-missing"')) == 1,
          "open of a missing file: fd=-2 (ENOENT)")

    # O_WRONLY|O_CREAT|O_TRUNC -> 2|4|0x100; mode 0640 = 416
    oe = find(evts, "openat", ">", pid, dirfd=-100, name='"scry_workload.out"', flags=262,
              mode=416)
    ox = find(evts, "openat", "<", pid, dirfd=-100, name='"scry_workload.out"', flags=262,
              mode=416)
    check(len(oe) == 1 and len(ox) == 1, "openat enter/exit: AT_FDCWD, relative name, "
          "O_WRONLY|O_CREAT|O_TRUNC, mode 0640")
    check(len(ox) == 1 and int(ox[0]["p"]["fd"]) >= 3 and ox[0]["p"]["dev"] != "0",
          "openat exit: fd >= 3, dev set")
    if ox:
        fd = ox[0]["p"]["fd"]
        pattern = bytes(ord("A") + i % 26 for i in range(80))
        check(len(find(evts, "write", ">", pid, fd=fd, size=1000)) == 1,
              "write enter: fd=%s size=1000" % fd)
        check(len(find(evts, "write", "<", pid, res=1000, data=hexs(pattern))) == 1,
              "write exit: res=1000, data = the first 80 bytes (snaplen 80)")

    px = find(evts, "pipe", "<", pid, res=0)
    check(len(px) == 1 and int(px[0]["p"]["fd1"]) >= 3 and int(px[0]["p"]["fd2"]) >= 3
          and px[0]["p"]["ino"] != "0", "pipe exit: res=0, two fds, inode")
    hp = hexs(b"hello pipe")
    if px:
        check(len(find(evts, "write", ">", pid, fd=px[0]["p"]["fd2"], size=10)) == 1,
              "write enter on the pipe's write end, size=10")
        check(len(find(evts, "read", ">", pid, fd=px[0]["p"]["fd1"], size=64)) == 1,
              "read enter on the pipe's read end, size=64")
    check(len(find(evts, "write", "<", pid, res=10, data=hp)) == 1, "pipe write exit: 10 bytes")
    check(len(find(evts, "read", "<", pid, res=10, data=hp)) == 1, "pipe read exit: 10 bytes")

    check(len(find(evts, "syscall", ">", pid, ID=16, nativeID=39)) == 1,
          "getpid: generic enter event, ID=16 (getpid), nativeID=39")
    check(len(find(evts, "syscall", "<", pid, ID=16)) == 1, "getpid: generic exit event")

    cx = [e for e in find(evts, "clone", "<", pid) if int(e["p"]["res"]) > 0]
    check(len(cx) == 1, "clone exit in the parent: res = child tid")
    if cx:
        child = int(cx[0]["p"]["res"])
        cc = find(evts, "clone", "<", child, res=0, pid=child, ptid=pid)
        check(len(cc) == 1 and cc[0]["p"]["comm"] == '"driver_workload"',
              "clone exit in the child: res=0, pid=tid, ptid=parent")
        check(len(find(evts, "procexit", ">", child, status=768, ret=3, sig=0, core=0)) == 1,
              "procexit of the child: status=768 ret=3")

    check(len(find(evts, "socket", ">", pid, domain=2, type=1, proto=0)) == 1,
          "socket enter: AF_INET SOCK_STREAM 0")
    sx = find(evts, "socket", "<", pid)
    check(len(sx) == 1 and int(sx[0]["p"]["fd"]) >= 3, "socket exit: fd >= 3")
    if sx:
        addr = hexs(bytes([2, 127, 0, 0, 1, 1, 0]))
        check(len(find(evts, "connect", ">", pid, fd=sx[0]["p"]["fd"], addr=addr)) == 1,
              "connect enter: fd, addr=127.0.0.1:1")
    check(len(find(evts, "connect", "<", pid, res=-111)) == 1,
          "connect exit: res=-111 (ECONNREFUSED)")

    check(len(find(evts, "open", "<", pid, fd=-14, name='""')) == 1,
          "open(NULL): fd=-14 (EFAULT), empty name")

    # Every event of the workload thread pairs enter/exit except its last (exit_group).
    enters = sum(1 for e in w if e["dir"] == ">")
    exits = sum(1 for e in w if e["dir"] == "<")
    check(enters - exits in (0, 1, 2), "workload: %d enter, %d exit events" % (enters, exits))
    check(all(e["np"] == len(e["p"]) for e in evts), "every event decodes all its parameters")
    check(stats.get("drop_full", -1) == 0 and stats.get("drop_big", -1) == 0,
          "no drops (%s)" % stats)
    check(stats.get("evts") == stats.get("seen"), "every event written was read (%s)" % stats)

    mode = open(outdir + "/devmode.txt").read().strip()
    check(mode == "600 root", "/dev/scry0 is mode 0600, owner root (%s)" % mode)
    dmesg = open(outdir + "/dmesg.txt", errors="replace").read()
    bad = [l for l in dmesg.splitlines() if re.search(r"WARNING|BUG|Oops|Call Trace", l)]
    check(not bad, "dmesg has no warning, BUG or oops" + ("" if not bad else ": " + bad[0]))

    print("check_capture: %d events, %d failed checks" % (len(evts), len(fails)))
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

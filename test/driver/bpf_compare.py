#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""bpf_compare.py KMOD.txt BPF.txt: the driver workload captured by the kernel module and
by the eBPF probe (kmod_capture output, see check_capture.py) in one VM boot must give the
same events with the same parameters.

The workload's threads and processes are given roles by creation order (its clone-family
exits), so that the two runs line up; for each role the sequences of (event, direction)
must be equal, and so every parameter of each pair, except what changes from run to run:
timestamps, thread and process ids (a role's id is replaced by the role), inodes, memory
counters and addresses (mmap/brk results), ephemeral ports and the kernel pointers that
unix socket tuples and socketpair identities carry; futex calls of timing (glibc's,
not the workload's own) are left out. Exit 1 on any difference but the known ones (KNOWN, explained).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_capture import parse  # noqa: E402

VOLATILE = {"ino", "vm_size", "vm_rss", "vm_swap", "pgft_maj", "pgft_min", "pgid", "source",
            "peer", "semid"}
ADDRESSES = {"mmap": {"res", "addr"}, "munmap": {"res", "addr"}, "mprotect": {"addr"},
             "brk": {"res", "addr"}, "futex": {"addr"}, "mlock": {"addr"},
             "munlock": {"addr"}, "mlock2": {"addr"},
             "semget": {"res"}}     # a System V IPC id: the kernel's next, run to run
# Numbers that are never thread ids (a value that happens to equal one keeps its value).
NOT_IDS = {"op", "val", "interval", "timeout", "resource", "cur", "max", "oldcur", "oldmax",
           "optlen", "size", "offset", "operation", "flags", "mode",
           "cmd", "type", "id", "quota_fmt", "quota_fmt_out", "opcode", "nr_args",
           "to_submit", "min_complete", "sig", "aux"}
FIXED_PORTS = {1, 34567, 34568, 34569}   # the workload's own ports (workload.c)
# Futex calls depend on timing, not on the workload (the wait of pthread_join when the
# thread has not finished yet): only the workload's own (step 15, these values) are
# compared; TIMING is the scap code of the generic event older drivers wrote for them.
TIMING = {"154"}
WORKLOAD_FUTEX_VALS = {"7", "9"}
# Differences explained by a fault of one side, printed but not failing:
# (role, event, direction, parameter, kmod's value) -> explanation.
KNOWN = {}


def roles_of(evts, pid):
    roles, kids = {pid: "main"}, {}
    # The capture tool that forked the workload: its id stands in the workload's ptid.
    for e in evts:
        if e["tid"] == pid and "ptid" in e["p"]:
            roles[int(e["p"]["ptid"])] = "capturer"
            break
    for e in evts:
        if e["tid"] in roles and e["dir"] == "<" and \
                e["name"] in ("clone", "clone3", "fork", "vfork"):
            child = int(e["p"].get("res", "0"))
            if child > 0 and child not in roles:
                parent = roles[e["tid"]]
                kids[parent] = kids.get(parent, 0) + 1
                roles[child] = "%s.%d" % (parent, kids[parent])
    return roles


def norm(name, key, v, roles):
    if key in VOLATILE or key in ADDRESSES.get(name, ()):
        return "*"
    if key not in NOT_IDS and v.lstrip("-").isdigit() and int(v) in roles:
        return roles[int(v)]
    if key == "tuple" and ":" in v and v.split(":")[1]:
        b = bytes.fromhex(v.split(":")[1])
        port = lambda p: p if p in FIXED_PORTS else "EPH"
        le16 = lambda o: b[o] | b[o + 1] << 8
        if b[0] == 1:
            return "unix %s" % b[17:].hex()
        if b[0] == 2 and len(b) == 13:
            return "inet %s:%s %s:%s" % (b[1:5].hex(), port(le16(5)), b[7:11].hex(), port(le16(11)))
        if b[0] == 10 and len(b) == 37:
            return "inet6 %s:%s %s:%s" % (b[1:17].hex(), port(le16(17)), b[19:35].hex(),
                                          port(le16(35)))
    return v


def main(kmod_path, bpf_path):
    caps = {}
    for who, path in (("kmod", kmod_path), ("bpf", bpf_path)):
        evts, pid, _ = parse(path)
        roles = roles_of(evts, pid)
        seqs = {}
        # The workload's own events: from its execve on (before it, the fork of the
        # capture tool, whose command line differs between the two runs).
        ex = next(i for i, e in enumerate(evts) if e["tid"] == pid and e["name"] == "execve")
        futex_kept = {}
        for e in evts[ex:]:
            if e["name"] == "syscall" and e["p"].get("ID") in TIMING:
                continue
            if e["name"] == "futex":
                if e["dir"] == ">":
                    futex_kept[e["tid"]] = e["p"].get("val") in WORKLOAD_FUTEX_VALS
                if not futex_kept.get(e["tid"]):
                    continue
            if e["tid"] in roles and roles[e["tid"]] != "capturer":
                seqs.setdefault(roles[e["tid"]], []).append(
                    (e["name"], e["dir"], {k: norm(e["name"], k, v, roles)
                                           for k, v in e["p"].items()}))
        caps[who] = seqs
        print("%s: %d events of the workload, %d threads and processes" % (
            who, sum(len(s) for s in seqs.values()), len(roles)))
    diffs = known = 0
    for role in sorted(set(caps["kmod"]) | set(caps["bpf"])):
        a, b = caps["kmod"].get(role, []), caps["bpf"].get(role, [])
        ka, kb = [x[:2] for x in a], [x[:2] for x in b]
        if ka != kb:
            i = next((i for i, (x, y) in enumerate(zip(ka, kb)) if x != y), min(len(ka), len(kb)))
            print("FAIL  %s: event sequences differ at #%d: kmod %s, bpf %s" % (
                role, i, ka[i:i + 3], kb[i:i + 3]))
            diffs += 1
            continue
        for (name, d, pa), (_, _, pb) in zip(a, b):
            for k in sorted(set(pa) | set(pb)):
                if pa.get(k) == pb.get(k):
                    continue
                why = KNOWN.get((role, name, d, k, pa.get(k)))
                print("%s %s %s %s %s: kmod %s, bpf %s%s" % (
                    "known" if why else "FAIL ", role, name, d, k, pa.get(k), pb.get(k),
                    " -- " + why if why else ""))
                known += 1 if why else 0
                diffs += 0 if why else 1
    print("bpf_compare: %d differences, %d known" % (diffs, known))
    return 1 if diffs else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: bpf_compare.py KMOD.txt BPF.txt")
    sys.exit(main(sys.argv[1], sys.argv[2]))

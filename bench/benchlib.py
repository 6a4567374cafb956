# SPDX-License-Identifier: Apache-2.0
"""bench/benchlib.py: shared code of the benchmark scripts (bench/replay, bench/filter).

Builds big captures by repeating the event blocks of a real one, installs sysdig when
missing, times commands, measures peak RSS with /usr/bin/time -v and compares outputs.
"""
import gzip
import hashlib
import os
import re
import shutil
import struct
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), 'test', 'pylib'))
# ROOT, run_env and first_difference are the tests' (the bench scripts import them from here)
from scrytest import ROOT, TRACES, first_difference, free_port, run, run_env  # noqa: E402,F401

BT_SHB = 0x0A0D0D0A
# Event block types of the scap format (userspace/libscap/scap_savefile.h in falcosecurity/libs):
# EV, EV_INT, EVF, EV_V2, EVF_V2, EV_V2_LARGE, EVF_V2_LARGE. Everything else is metadata.
EVENT_BLOCKS = {0x204, 0x8010ABCD, 0x208, 0x216, 0x217, 0x221, 0x222}


def read_capture(path):
    with open(path, 'rb') as f:
        data = f.read()
    if data[:2] == b'\x1f\x8b':
        data = gzip.decompress(data)
    return data


def split_blocks(data):
    """Returns (header bytes, [event block bytes]); metadata blocks after the first event
    block are left out (the count is reported)."""
    off, header_end, events, late_meta = 0, None, [], 0
    if len(data) < 12 or struct.unpack_from('<I', data, 0)[0] != BT_SHB:
        sys.exit('replay: not a scap capture (no section header block)')
    while off + 12 <= len(data):
        btype, blen = struct.unpack_from('<II', data, off)
        if blen < 12 or off + blen > len(data):
            sys.exit('replay: corrupt block at offset %d (type 0x%x, length %d)' % (off, btype, blen))
        if btype in EVENT_BLOCKS:
            if header_end is None:
                header_end = off
            events.append(data[off:off + blen])
        elif header_end is not None:
            late_meta += 1
        off += blen
    if not events:
        sys.exit('replay: the capture has no event blocks')
    if late_meta:
        print('replay: note: %d metadata blocks after the first event were left out' % late_meta)
    return data[:header_end], events


def build_big(trace, out, nevents):
    header, events = split_blocks(read_capture(trace))
    chunk = b''.join(events)
    copies = -(-nevents // len(events))
    with open(out, 'wb') as f:
        f.write(header)
        for _ in range(copies):
            f.write(chunk)
    return copies * len(events), copies, len(events)


# Event blocks whose body starts with a u32 of flags after the u16 cpu (the "EVF" kinds);
# the others start with the u16 cpu alone. The event header {u64 ts; u64 tid; ...} follows.
FLAGGED_EVENT_BLOCKS = {0x208, 0x217, 0x222}


def event_ts_offset(block):
    """Offset of the event's u64 timestamp in an event block (from its block header)."""
    btype = struct.unpack_from('<I', block, 0)[0]
    return 8 + 2 + (4 if btype in FLAGGED_EVENT_BLOCKS else 0)


def event_ts(block):
    return struct.unpack_from('<Q', block, event_ts_offset(block))[0]


def shifted(events, shift_ns):
    """The event blocks with every timestamp moved by shift_ns."""
    out = []
    for b in events:
        off = event_ts_offset(b)
        ts = struct.unpack_from('<Q', b, off)[0]
        out.append(b[:off] + struct.pack('<Q', ts + shift_ns) + b[off + 8:])
    return b''.join(out)


def build_shifted(trace, out, copies, period_ns):
    """Writes out: trace's header, then its events copies times, copy k moved k * period_ns
    later in time (period_ns at least the trace's own span, so time only goes forward).
    Returns (events, period_ns, span_ns)."""
    header, events = split_blocks(read_capture(trace))
    span = event_ts(events[-1]) - event_ts(events[0])
    period = max(period_ns, span + 1)
    with open(out, 'wb') as f:
        f.write(header)
        for k in range(copies):
            f.write(shifted(events, k * period))
    return copies * len(events), period, span


def ensure_sysdig():
    if shutil.which('sysdig'):
        return True
    if os.geteuid() != 0 or not shutil.which('apt-get'):
        print('replay: sysdig is not installed (apt-get install sysdig, as root)')
        return False
    env = dict(os.environ, DEBIAN_FRONTEND='noninteractive')
    subprocess.run(['apt-get', 'update', '-q'], env=env, check=False)
    # --no-install-recommends keeps out the DKMS driver package, which cannot build here.
    r = subprocess.run(['apt-get', 'install', '-y', '-q', '--no-install-recommends', 'sysdig'],
                       env=env, check=False)
    if r.returncode != 0:
        subprocess.run(['dpkg', '--configure', '-a'], env=env, check=False)
    return shutil.which('sysdig') is not None


def time_run(cmd):
    t0 = time.perf_counter()
    r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=run_env())
    return time.perf_counter() - t0, r.returncode


def hash_run(cmd):
    """SHA-256 and line count of stdout+stderr; the first lines are kept for a diff."""
    h, lines, head = hashlib.sha256(), 0, []
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=run_env())
    for line in p.stdout:
        h.update(line)
        lines += 1
        if len(head) < 200000:
            head.append(line)
    return h.hexdigest(), lines, head, p.wait()


def default_trace(workdir):
    """../shared/conformance/traces/curl_google.scap, or the synthetic demo capture."""
    trace = os.path.join(TRACES, 'curl_google.scap')
    if not os.path.exists(trace):
        trace = os.path.join(workdir, 'demo.scap')
        run([sys.executable, os.path.join(ROOT, 'scripts', 'mkcapture.py'), trace], check=True)
    return trace


def ensure_time():
    """/usr/bin/time (Debian package 'time'), installed with apt when missing."""
    if os.access('/usr/bin/time', os.X_OK):
        return True
    if os.geteuid() == 0 and shutil.which('apt-get'):
        env = dict(os.environ, DEBIAN_FRONTEND='noninteractive')
        subprocess.run(['apt-get', 'install', '-y', '-q', 'time'], env=env, check=False,
                       stdout=subprocess.DEVNULL)
    return os.access('/usr/bin/time', os.X_OK)


def peak_rss_kb(cmd):
    """Peak resident set size (kB) of cmd, stdout discarded; None without /usr/bin/time."""
    if not ensure_time():
        return None
    r = subprocess.run(['/usr/bin/time', '-v'] + cmd, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, env=run_env())
    m = re.search(rb'Maximum resident set size \(kbytes\): (\d+)', r.stderr)
    return int(m.group(1)) if m else None


def best_time(name, cmd, runs, nevents):
    """Best wall time of runs runs of cmd; prints them with events/s."""
    times = []
    for _ in range(runs):
        t, rc = time_run(cmd)
        if rc != 0:
            print('%s: exit %d' % (name, rc))
        times.append(t)
    best = min(times)
    print('%-6s best %.2f s of %s s: %.0f events/s'
          % (name, best, ', '.join('%.2f' % t for t in times), nevents / best))
    return best


def compare_outputs(cmd_a, cmd_b):
    """Runs both and prints whether their outputs are identical (or the first difference)."""
    (ha, la, heada, _), (hb, lb, headb, _) = hash_run(cmd_a), hash_run(cmd_b)
    if ha == hb:
        print('output: identical (%d lines, sha256 %s)' % (la, ha[:16]))
        return True
    print('output: DIFFERS: scry %d lines, sysdig %d lines' % (la, lb))
    d = first_difference(heada, headb)
    if d:
        print('  first difference at line %d:\n  scry:   %s\n  sysdig: %s'
              % (d[0], (d[1] or b'<end>').decode(errors='replace').rstrip(),
                 (d[2] or b'<end>').decode(errors='replace').rstrip()))
    return False

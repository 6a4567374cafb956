#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""test/alert_capture_test.py: scry --rules --capture-dir, the capture around an alert
(ctest alert_capture_test).

    test/alert_capture_test.py [--scry build/bin/scry]

A small ruleset of the test's own on shared conformance captures (../shared/conformance/
traces, read from there):

1. curl_google.scap (74 ms, shorter than the default 5 s windows): one file for its two
   connect alerts (the second is within the first's after window), named by the first
   alert's UTC time and its rule name made safe ("Curl connect: ../x" gives
   "Curl_connect__.._x"); it holds the whole capture: `scry -r` of it prints exactly what
   the original prints (evt.num left out: a written file numbers its own events), and
   --rules on it gives the same alerts; a trailing filter gives the alerts and counts it
   gives without --capture-dir. sysdig 0.29.3 reads the file and prints the alerting
   events' proc and fd fields as it does from the original (none <NA>).
2. ping_sendto.scap (9 s, one ping a second) with --capture-before 5 --capture-after 1:
   a file per alert past 13:54 (each is more than 1 s after the previous), whose first
   event is at least 5 s before the alert, whose last is at most 1 s after it, and whose
   events are exactly the original's between those two times (a window with no gap).
3. curl_google.scap with --capture-mem 64k: the ring drops events because of the bound
   (reported on stderr with the bound, 65536 bytes), the file starts later than the
   capture, and its alerting events still show the same proc/fd/user context in scry
   and sysdig as the full replay (the state written at the alert carries it).
   With --capture-before 1 on curl_google.scap and ping_sendto.scap the ring, a few KiB
   under a 128 MiB bound, drops nothing (it once went back to the block's start early and
   then dropped events of a burst inside the window "by the bound").
4. Usage errors: --capture-dir without --rules, a --capture-mem below 64 KiB (exit 2); a
   --capture-dir that does not exist (exit 1, nothing on stdout: no event was read).
5. As root with the eBPF probe: live, with --capture-before 1 --capture-after 0, opens of
   a marker file (repeated until the alert line comes): the file named by the first
   alert replays in scry and sysdig 0.29.3 with that open's proc.name, proc.pname,
   proc.cmdline, fd.name and user.name (live events are written in 0.29.3's forms).

Skips (exit 0 with a message) when the captures are absent; the sysdig comparisons are
skipped with a message when sysdig is not installed.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'pylib'))
import scrytest as st  # noqa: E402  (run, check, Daemon: test/pylib/scrytest.py)
from scrytest import check, TRACES  # noqa: E402

SCRY = None
SYSDIG = shutil.which('sysdig')

RULES = """\
- rule: "Curl connect: ../x"
  desc: curl connects over IPv6
  condition: evt.type=connect and evt.dir=< and proc.name=curl and fd.typechar='6'
  output: "Connect (command=%proc.cmdline connection=%fd.name)"
  priority: WARNING
- rule: Late ping
  desc: the sends of ping_sendto.scap past 17:13:54
  condition: evt.type=sendmsg and evt.dir=< and evt.rawtime > 1553620434000000000
  output: "Send (res=%evt.rawres)"
  priority: NOTICE
"""

# the alerting events' context: the fields a forensic reader needs, from both tools
CONTEXT = ('%evt.rawtime %thread.tid %evt.type %evt.dir %proc.name %proc.pid %proc.cmdline '
           '%proc.pname %proc.exe %user.name %fd.num %fd.name %fd.type')
# everything but evt.num, for whole-window comparisons
EVENTS = '%evt.rawtime %thread.tid %evt.type %evt.dir %proc.name %fd.name %evt.info'
CONNECT6 = 'evt.type=connect and evt.dir=< and fd.typechar=6'
NS = 1000000000


def run(args, tool=None):
    """TOOL (scry) ARGS: (exit status, stdout, stderr)."""
    return st.run([tool or SCRY] + list(args), timeout=300)


def lines(args, tool=None):
    r = run(args, tool)
    if r.rc != 0:
        print('  ' + r.describe())
    return r.out.splitlines()


def ring_line(stderr):
    m = re.search(r'^Capture ring: (\d+) bytes bound, peak (\d+) bytes \((\d+) events\), '
                  r'(\d+) events dropped by the bound; (\d+) files written to (.*) for '
                  r'(\d+) alerts$', stderr, re.M)
    return [int(x) if x.isdigit() else x for x in m.groups()] if m else None


def capture(rules, trace, outdir, extra=()):
    os.makedirs(outdir)
    rc, out, err = run(['-r', trace, '--rules', rules, '--capture-dir', outdir] + list(extra))
    files = sorted(os.path.join(outdir, f) for f in os.listdir(outdir))
    return rc, out, err, files


def same_context(orig, written, filt, what):
    """X -r written prints the alerting events' CONTEXT as X -r orig, X in scry, sysdig."""
    want = lines(['-r', orig, '-p', CONTEXT, filt])
    got = lines(['-r', written, '-p', CONTEXT, filt])
    check(want and got == want and '<NA>' not in ' '.join(got),
          '%s: scry: the alerting events\' proc/fd/user fields as in the full replay' % what)
    if got != want:
        print('  got  %r\n  want %r' % (got, want))
    if not SYSDIG:
        print('skip %s: sysdig: not installed' % what)
        return
    want = lines(['-r', orig, '-p', CONTEXT, filt], SYSDIG)
    got = lines(['-r', written, '-p', CONTEXT, filt], SYSDIG)
    check(want and got == want and '<NA>' not in ' '.join(got),
          '%s: sysdig 0.29.3 reads the file, the alerting events\' context as in the full '
          'replay' % what)
    if got != want:
        print('  got  %r\n  want %r' % (got, want))


def whole(rules, curl, tmp):
    outdir = os.path.join(tmp, 'whole')
    rc, out, err, files = capture(rules, curl, outdir)
    _, plain, _ = run(['-r', curl, '--rules', rules])
    check(rc == 0 and out == plain and out.count('Warning Connect') == 2,
          'curl: exit 0, the same two alerts as without --capture-dir')
    ring = ring_line(err)
    check(ring is not None and ring[0] == 128 << 20 and ring[3] == 0 and ring[4] == 1 and
          ring[5] == outdir and ring[6] == 2 and 0 < ring[1] < 1 << 20,
          'curl: stderr reports the 128 MiB bound, its peak, no drop, 1 file for 2 alerts: %r'
          % (ring,))
    check([os.path.basename(f) for f in files] ==
          ['20180817T173548.519206167Z_Curl_connect__.._x.scap'],
          'curl: one file, named by the first alert\'s time and rule (safe): %r'
          % [os.path.basename(f) for f in files])
    if len(files) != 1:
        return
    got = lines(['-r', files[0], '-p', EVENTS])
    want = lines(['-r', curl, '-p', EVENTS])
    check(len(want) == 399 and got == want,
          'curl: the file (capture shorter than the windows) replays as the whole capture '
          '(%d of %d events)' % (len(got), len(want)))
    rc, again, _ = run(['-r', files[0], '--rules', rules])
    check(rc == 0 and again == plain, 'curl: --rules on the file gives the same alerts')
    # a trailing filter: applied in the loop (the ring takes every event), same alerts
    _, want, want_err = run(['-r', curl, '--rules', rules, 'fd.typechar=6'])
    rc, got, got_err = run(['-r', curl, '--rules', rules, '--capture-dir',
                            os.path.join(tmp, 'whole'), 'fd.typechar=6'])
    check(rc == 0 and got == want and 'Events processed: 31\n' in want_err and
          want_err in got_err, 'curl: a trailing filter: the same alerts and counts')
    same_context(curl, files[0], CONNECT6, 'curl')


def windows(rules, ping, tmp):
    outdir = os.path.join(tmp, 'ping')
    rc, out, err, files = capture(rules, ping, outdir,
                                  ['--capture-before', '5', '--capture-after', '1'])
    alerts = re.findall(r'^(\d\d:\d\d:\d\d\.\d{9}): Notice Send', out, re.M)
    check(rc == 0 and len(alerts) == 3 and len(files) == 3,
          'ping: 3 alerts more than 1 s apart, 3 files (rc %d, %d alerts, %d files)'
          % (rc, len(alerts), len(files)))
    full = [(int(l.split()[0]), l) for l in lines(['-r', ping, '-p', EVENTS])]
    sends = [t for t, l in full if ' sendmsg < ' in l and t > 1553620434000000000]
    for f, alert_ts in zip(files, sends):
        name = os.path.basename(f)
        got = lines(['-r', f, '-p', EVENTS])
        ts = [int(l.split()[0]) for l in got]
        check(bool(ts) and ts[0] <= alert_ts - 5 * NS and ts[-1] <= alert_ts + NS and
              alert_ts in ts,
              'ping %s: first event >= 5 s before the alert (%.3f s), last <= 1 s after'
              % (name, (alert_ts - ts[0]) / NS if ts else 0))
        check(bool(ts) and got == [l for t, l in full if ts[0] <= t <= ts[-1]],
              'ping %s: exactly the original\'s events between its first and last' % name)
        if SYSDIG:
            rc, _, serr = run(['-r', f], SYSDIG)
            check(rc == 0, 'ping %s: sysdig -r reads it: %s' % (name, serr.strip()))


def bounded(rules, curl, tmp):
    outdir = os.path.join(tmp, 'bound')
    rc, _, err, files = capture(rules, curl, outdir, ['--capture-mem', '64k'])
    ring = ring_line(err)
    check(rc == 0 and ring is not None and ring[0] == 65536 and ring[1] <= 65536 and
          ring[3] > 0 and ring[4] == 1 and len(files) == 1,
          'curl --capture-mem 64k: bound 65536 bytes, events dropped by it reported: %r'
          % (ring,))
    if len(files) != 1:
        return
    first = lines(['-r', files[0], '-p', '%evt.rawtime'])[:1]
    orig = lines(['-r', curl, '-p', '%evt.rawtime'])[:1]
    check(first and orig and int(first[0]) > int(orig[0]),
          'curl --capture-mem 64k: the file starts after the capture (%s > %s)'
          % (first, orig))
    same_context(curl, files[0], CONNECT6, 'curl --capture-mem 64k')


def unbounded(rules, traces, tmp):
    for trace in traces:
        name = os.path.basename(trace)
        rc, _, err, _ = capture(rules, trace, os.path.join(tmp, 'short-' + name),
                                ['--capture-before', '1', '--capture-after', '1'])
        ring = ring_line(err)
        check(rc == 0 and ring is not None and ring[0] == 128 << 20 and ring[3] == 0,
              '%s --capture-before 1: a ring of %s bytes under a 128 MiB bound drops '
              'nothing: %r' % (name, ring[1] if ring else '?', ring))


def usage(rules, curl, tmp):
    rc, _, err = run(['-r', curl, '--capture-dir', tmp])
    check(rc == 2 and 'applies to --rules' in err, '--capture-dir without --rules: exit 2')
    missing = os.path.join(tmp, 'no-such-dir')
    rc, out, err = run(['-r', curl, '--rules', rules, '--capture-dir', missing])
    check(rc == 1 and out == '' and err == 'scry: --capture-dir %s: No such file or directory\n'
          % missing, 'a --capture-dir that does not exist: exit 1 before any event: %r' % err)
    rc, _, err = run(['-r', curl, '--rules', rules, '--capture-dir', tmp, '--capture-mem', '3k'])
    check(rc == 2 and '--capture-mem takes 64 to' in err, '--capture-mem 3k: exit 2: %s'
          % err.strip())


LIVE_RULES = """\
- rule: Marker open
  desc: an open of the test's marker file
  condition: evt.type in (open, openat, openat2) and evt.dir=< and fd.name endswith alertcap-marker
  output: "Marker (command=%proc.cmdline file=%fd.name)"
  priority: WARNING
"""


def live(tmp):
    if not st.live_bpf('live'):
        return
    rules, marker = os.path.join(tmp, 'live.yaml'), os.path.join(tmp, 'alertcap-marker')
    outdir = os.path.join(tmp, 'live')
    os.makedirs(outdir)
    with open(rules, 'w') as f:
        f.write(LIVE_RULES)
    with open(marker, 'w') as f:
        f.write('x')
    p = st.Daemon([SCRY, '--engine', 'bpf', '--unbuffered', '--rules', rules,
                   '--capture-dir', outdir, '--capture-before', '1', '--capture-after',
                   '0', '--capture-mem', '64'], lines=True)
    alerts = p.out
    # the capture starts at some point: open the marker until the alert comes
    deadline = time.monotonic() + 60
    while not alerts and p.running() and time.monotonic() < deadline:
        subprocess.run(['cat', marker], stdout=subprocess.DEVNULL)
        p.wait(lambda: alerts, limit=0.2)
    p.stop()
    err = p.log()
    ring = ring_line(err)
    files = sorted(os.path.join(outdir, f) for f in os.listdir(outdir))
    check(bool(alerts) and ring is not None and ring[0] == 64 << 20 and ring[4] >= 1 and
          len(files) == ring[4], 'live: an alert, files written and reported: %r %r'
          % (alerts[:1], ring))
    if not files:
        return
    filt = 'evt.type in (open, openat, openat2) and evt.dir=< and fd.name=%s' % marker
    fmt = '%proc.name %proc.pname %proc.cmdline %fd.name %user.name'
    with open('/proc/self/comm') as f:
        parent = f.read().strip()  # the test's process runs cat
    want = ['cat %s cat %s %s root' % (parent, marker, marker)]
    for tool in [None, SYSDIG] if SYSDIG else [None]:
        got = lines(['-r', files[0], '-p', fmt, filt], tool)[:1]
        check(got == want, 'live: %s -r of the first file: the alerting open\'s context %r '
              '(want %r)' % (tool or 'scry', got, want))


def main():
    global SCRY
    ap = argparse.ArgumentParser()
    st.tool_args(ap, 'scry')
    SCRY = ap.parse_args().scry
    curl = os.path.join(TRACES, 'curl_google.scap')
    ping = os.path.join(TRACES, 'ping_sendto.scap')
    if not os.path.exists(curl) or not os.path.exists(ping):
        return st.skip('alert_capture_test', '%s not found' % TRACES)
    if not SYSDIG:
        print('alert_capture_test: sysdig not installed: its checks are skipped')
    with st.tmpdir(prefix='scry_alert_capture_') as tmp:
        rules = os.path.join(tmp, 'rules.yaml')
        with open(rules, 'w') as f:
            f.write(RULES)
        whole(rules, curl, tmp)
        windows(rules, ping, tmp)
        bounded(rules, curl, tmp)
        unbounded(rules, [curl, ping], tmp)
        usage(rules, curl, tmp)
        live(tmp)
    return st.finish('alert_capture_test')


if __name__ == '__main__':
    sys.exit(main())

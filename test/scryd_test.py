#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""test/scryd_test.py: scryd, the agent (ctest scryd_test).

    test/scryd_test.py [--scryd build/bin/scryd] [--scry build/bin/scry]

- The shipped example configuration (userspace/scryd/scryd.yaml) passes --check, with
  only its rules path pointed at the test's ruleset.
- A bad key, a bad value, a rules file that does not load, a containers.sockets runtime
  this build does not know and a file output whose directory is absent (or that is a
  directory) each give exit 1 and one exact FILE:LINE:COL message, before any engine
  opens (run without --check: no "capturing" line).
- --replay of shared conformance captures (../shared/conformance/traces) with the test's
  ruleset: the JSON-lines file output, joined over its rotated files, holds exactly the
  alerts `scry --rules -j` prints for the same capture; every file stays within
  max_size; with max_files 2 only the newest lines survive; the text stdout output is
  scry's text alert lines.
- As root with the eBPF probe: live alerts from opens of a marker file, with every
  capability but CAP_DAC_OVERRIDE dropped (a file output is configured); SIGHUP with a
  broken rules file logs FILE:LINE:COL and keeps the old rules (the marker still
  alerts); SIGHUP with a new good file swaps the rules (the new rule's name alerts);
  SIGTERM exits 0 with every alert the log counts written to the file. With stdout a
  pipe nobody reads, stdout's queue drops (counted) while the file output gets every
  alert; SIGTERM gives up on stdout after 5 s and exits 1. With the file on a full
  file system (a 64 KiB tmpfs), its failed writes are counted, it keeps whole JSON lines,
  stdout gets every alert.
Skips the parts whose inputs are absent (captures, root, BTF).
"""
import argparse
import json
import os
import re
import signal
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'pylib'))
import scrytest as st  # noqa: E402  (run, check, wait_for, Daemon: test/pylib/scrytest.py)
from scrytest import check, read, run, wait_for, TRACES  # noqa: E402

EXAMPLE = os.path.join(st.ROOT, 'userspace', 'scryd', 'scryd.yaml')

RULES = """\
- macro: open_read
  condition: evt.type in (open, openat, openat2) and evt.dir=< and evt.is_open_read=true and fd.typechar='f'
- rule: Read below etc
  desc: a program read a file below /etc
  condition: open_read and fd.name startswith /etc
  output: "File below /etc read (user=%user.name command=%proc.cmdline file=%fd.name)"
  priority: WARNING
  tags: [filesystem, mitre_discovery]
- rule: Program run
  desc: a program was run
  condition: evt.type=execve and evt.dir=<
  output: "Program run (command=%proc.cmdline pid=%proc.pid exe=%proc.exepath)"
  priority: NOTICE
  tags: [process]
- rule: Library read
  desc: a shared library was opened
  condition: open_read and fd.name endswith .so.6
  output: "Library read (file=%fd.name)"
  priority: debug
  tags: [filesystem]
"""

# line 3, column 32: the parenthesis that closes nothing
BROKEN = """\
- rule: Broken
  desc: does not compile
  condition: evt.type=open and )
  output: "never (file=%fd.name)"
  priority: WARNING
"""


def config(tmp, name, rules, replace=(), file_out=None, stdout=None):
    """The example configuration with rules -> RULES, each (old, new) of REPLACE applied
    once, the file output set by FILE_OUT (path, max_size, max_files) and the stdout
    output by STDOUT (None: off, else its format). Returns its path."""
    with open(EXAMPLE) as f:
        text = f.read()
    # the Prometheus endpoint on any free port: runs never contend for 9376
    subs = [('  - /etc/scry/rules.d\n', '  - %s\n' % rules),
            ('  port: 9376\n', '  port: 0\n')] + list(replace)
    if file_out:
        path, size, files = file_out
        subs += [('  file:\n    enabled: false\n', '  file:\n    enabled: true\n'),
                 ('path: /var/log/scry/alerts.json', 'path: ' + path),
                 ('max_size: 64M', 'max_size: %s' % size),
                 ('max_files: 5', 'max_files: %d' % files)]
    if stdout is None:
        subs.append(('  stdout:\n    enabled: true\n', '  stdout:\n    enabled: false\n'))
    else:
        subs.append(('    format: json\n', '    format: %s\n' % stdout))
    for old, new in subs:
        if old not in text:
            raise SystemExit('scryd_test: the example configuration has no %r' % old)
        text = text.replace(old, new, 1)
    out = os.path.join(tmp, name)
    with open(out, 'w') as f:
        f.write(text)
    return out


def line_of(path, needle):
    """1-based line of the first line of PATH containing NEEDLE."""
    with open(path) as f:
        for i, l in enumerate(f, 1):
            if needle in l:
                return i
    raise SystemExit('scryd_test: %r not in %s' % (needle, path))


def config_errors(tmp, rules, broken):
    good = config(tmp, 'good.yaml', rules, stdout='json')
    rc, out, err = run([SCRYD, '-c', good, '--check'])
    check(rc == 0 and out == good + ': OK\n' and err == '',
          'the example configuration passes --check (rc %d, %r %r)' % (rc, out, err))

    cases = []
    bad = config(tmp, 'badkey.yaml', rules, [('min_priority: debug', 'min_priorty: debug')], stdout='json')
    cases.append(('a bad key', bad, '%s:%d:1: unknown key \'min_priorty\' in the configuration '
                  '(known: engine, rules, min_priority, outputs, log, metrics, prometheus, containers, '
                  'bus, capture)\n'
                  % (bad, line_of(bad, 'min_priorty'))))
    bad = config(tmp, 'badkey2.yaml', rules, [('    queue: 4096\n', '    queue: 4096\n    colour: red\n')], stdout='json')
    cases.append(('a bad key in a section', bad, '%s:%d:5: unknown key \'colour\' in outputs.stdout '
                  '(known: enabled, format, queue)\n' % (bad, line_of(bad, 'colour'))))
    bad = config(tmp, 'badvalue.yaml', rules, [('max_files: 5', 'max_files: many')], stdout='json')
    cases.append(('a bad value', bad, '%s:%d:16: outputs.file.max_files: expected a number, not '
                  '\'many\'\n' % (bad, line_of(bad, 'max_files: many'))))
    bad = config(tmp, 'badengine.yaml', rules, [('engine: auto', 'engine: dtrace')], stdout='json')
    cases.append(('a bad engine', bad, '%s:%d:9: engine: expected kmod, bpf or auto, not '
                  '\'dtrace\'\n' % (bad, line_of(bad, 'engine: dtrace'))))
    bad = config(tmp, 'badmetrics.yaml', rules, [('      min: 0.5             # cores\n',
                                                  '      min: 0.5\n      colour: red\n')],
                 stdout='json')
    cases.append(('a bad key in metrics.spikes.cpu', bad, '%s:%d:7: unknown key \'colour\' in '
                  'metrics.spikes.cpu (known: enabled, k, intervals, warmup, alpha, min, priority)\n'
                  % (bad, line_of(bad, 'colour'))))
    bad = config(tmp, 'badinterval.yaml', rules, [('  interval: 1s', '  interval: soon')],
                 stdout='json')
    cases.append(('a bad metrics.interval', bad, '%s:%d:13: metrics.interval: expected a duration '
                  '(500ms, 1s, 2m), not \'soon\'\n' % (bad, line_of(bad, 'interval: soon'))))
    bad = config(tmp, 'badmout.yaml', rules, [('  outputs: []', '  outputs: [file]')],
                 stdout='json')
    cases.append(('metrics.outputs naming a disabled output', bad, '%s:%d:12: metrics.outputs '
                  'names file, which is not enabled\n' % (bad, line_of(bad, 'outputs: [file]'))))
    bad = config(tmp, 'badsocket.yaml', rules, [('  sockets: {}', '  sockets:\n    docker: run/d.sock')],
                 stdout='json')
    cases.append(('a relative runtime socket', bad, '%s:%d:13: containers.sockets.docker: expected '
                  'an absolute path or "" (do not ask it), not \'run/d.sock\'\n'
                  % (bad, line_of(bad, 'docker: run/d.sock'))))
    bad = config(tmp, 'twosockets.yaml', rules,
                 [('  sockets: {}', '  sockets:\n    podman: ""\n    podman: /p.sock')], stdout='json')
    cases.append(('a runtime socket given twice', bad, '%s:%d:5: containers.sockets: runtime '
                  '\'podman\' given twice\n' % (bad, line_of(bad, 'podman: /p.sock'))))
    bad = config(tmp, 'badruntime.yaml', rules, [('  sockets: {}', '  sockets:\n    rkt: /run/rkt.sock')],
                 stdout='json')
    cases.append(('a runtime this scryd does not know', bad, '%s:%d:5: containers.sockets: no '
                  'runtime \'rkt\' in this scryd (docker, podman, containerd, cri-o)\n'
                  % (bad, line_of(bad, 'rkt: /run/rkt.sock'))))
    nodir = os.path.join(tmp, 'absent', 'alerts.json')
    bad = config(tmp, 'nodir.yaml', rules, file_out=(nodir, '64M', 5), stdout='json')
    cases.append(('a file output in a directory that does not exist', bad, '%s:%d:11: '
                  'outputs.file.path: its directory %s: No such file or directory (create it '
                  'first)\n' % (bad, line_of(bad, nodir), os.path.dirname(nodir))))
    bad = config(tmp, 'dirpath.yaml', rules, file_out=(tmp, '64M', 5), stdout='json')
    cases.append(('a file output path that is a directory', bad, '%s:%d:11: outputs.file.path: '
                  '\'%s\' is a directory (the path of the file to write is expected)\n'
                  % (bad, line_of(bad, 'path: %s\n' % tmp), tmp)))
    bad = config(tmp, 'badrules.yaml', broken, stdout='json')
    cases.append(('a rules file that does not load', bad,
                  '%s:3:32: error: LOAD_ERR_COMPILE_CONDITION: ' % broken))
    # usage errors say which (before the usage text); a capture that cannot be read is
    # named once
    for args, want in ((['--linger'], 'scryd: --linger applies to --replay\n'),
                       (['--check', '--replay', good], 'scryd: --check and --replay cannot be used '
                        'together\n'),
                       (['extra'], 'scryd: unexpected argument \'extra\'\n')):
        rc, out, err = run([SCRYD, '-c', good] + args)
        check(rc == 2 and err.startswith(want + 'usage: scryd '),
              'usage error %s: exit 2, said (rc %d, %r)' % (' '.join(args), rc, err[:80]))
    missing = os.path.join(tmp, 'missing.scap')
    rc, out, err = run([SCRYD, '-c', good, '--replay', missing])
    check(rc == 1 and err.startswith('scryd: %s: No such file or directory\n' % missing),
          '--replay of a missing capture: exit 1, its name once (rc %d, %r)' % (rc, err[:120]))
    for what, path, want in cases:
        for args in ([SCRYD, '-c', path, '--check'], [SCRYD, '-c', path]):
            rc, out, err = run(args)
            ok = rc == 1 and out == '' and (err == want if want.endswith('\n') else
                                           err.startswith(want) and err.count('\n') == 1)
            check(ok and 'capturing' not in err, '%s: exit 1 with FILE:LINE:COL (%s): rc %d %r'
                  % (what, ' '.join(args[3:]) or 'run', rc, err))


def joined(path, nfiles):
    """Lines of PATH.nfiles ... PATH.1, PATH, oldest first, and the files' sizes."""
    lines, sizes = [], []
    for p in ['%s.%d' % (path, i) for i in range(nfiles, 0, -1)] + [path]:
        if os.path.exists(p):
            sizes.append(os.path.getsize(p))
            with open(p) as f:
                lines += f.read().splitlines()
    return lines, sizes


def replay(tmp, rules):
    curl = os.path.join(TRACES, 'curl_google.scap')
    if not os.path.exists(curl):
        print('skip replay: no ../shared/conformance/traces')
        return
    for trace in (curl,):
        name = os.path.basename(trace)
        rc, want, err = run([SCRY, '-r', trace, '--rules', rules, '-j'])
        want = want.splitlines()
        check(rc == 0 and len(want) >= 6, '%s: scry --rules -j gives %d alerts' % (name, len(want)))
        outdir = os.path.join(tmp, 'out-' + name)
        os.mkdir(outdir)
        path = os.path.join(outdir, 'alerts.json')
        # every line fits below max_size: a rotation before each file would pass it
        size = 2 * max(len(l) + 1 for l in want) + 1
        cfg = config(tmp, 'replay-%s.yaml' % name, rules, file_out=(path, size, 1000))
        rc, out, err = run([SCRYD, '-c', cfg, '--replay', trace])
        got, sizes = joined(path, 1000)
        check(rc == 0 and got == want, '%s: the JSON-lines file holds scry\'s alerts (%d of %d, rc %d)'
              % (name, len(got), len(want), rc))
        check(all(json.loads(l)['rule'] for l in got), '%s: each line is a JSON alert' % name)
        check(len(sizes) >= 3 and all(0 < s <= size for s in sizes),
              '%s: rotated by size: %d files, sizes %s <= %d' % (name, len(sizes), sizes, size))
        m = re.search(r'output %s: (\d+) alerts written, 0 dropped \(queue full\), 0 lost to write '
                      r'errors, (\d+) rotations' % re.escape(path), err)
        check(m and int(m.group(1)) == len(want) and int(m.group(2)) == len(sizes) - 1,
              '%s: the counters at exit (%s)' % (name, m.group(0) if m else err))
        m = re.search(r'(\d+) events in ([0-9.]+) s \((\d+) events/s\), (\d+) alerts', err)
        check(m and int(m.group(4)) == len(want), '%s: %s' % (name, m.group(0) if m else err))

    # metrics snapshots in the file with the alerts: one a second of the capture
    rc, want, _ = run([SCRY, '-r', curl, '--rules', rules, '-j'])
    want = want.splitlines()
    path = os.path.join(tmp, 'metrics.json')
    cfg = config(tmp, 'metrics.yaml', rules, [('  outputs: []', '  outputs: [file]')],
                 file_out=(path, 0, 5))
    rc, out, err = run([SCRYD, '-c', cfg, '--replay', curl])
    lines = [json.loads(l) for l in open(path)] if os.path.exists(path) else []
    snaps = [l for l in lines if l.get('type') == 'metrics']
    check(rc == 0 and [l for l in lines if 'rule' in l] == [json.loads(l) for l in want],
          'metrics: the file holds the alerts (rc %d)' % rc)
    check([s['index'] for s in snaps] == list(range(9)) and
          all(s['end_ns'] - s['start_ns'] == 1000000000 for s in snaps),
          'metrics: 9 snapshots, intervals 0..8 of 1 s: %s' % [s['index'] for s in snaps])
    h = snaps[-1]['host'] if snaps else {}
    check(h and h['total']['syscalls'] == 597 and h['total']['syscall_errors'] == 43 and
          h['total']['connections'] == 2 and h['total']['files_opened'] == 47 and
          h['cpu_source'] == 'engine' and h['total']['cpu_ns'] == 20000000,
          'metrics: the host\'s totals (597 syscalls, 43 failed, 2 connections, 47 opens, '
          'CPU 20 ms from procinfo): %s' % h.get('total'))
    m = re.search(r'output %s: (\d+) alerts written, .*, (\d+) metrics snapshots written'
                  % re.escape(path), err)
    check(m and int(m.group(1)) == len(want) and int(m.group(2)) == len(snaps),
          'metrics: the exit log counts alerts (%d) and snapshots (%d) apart: %s'
          % (len(want), len(snaps), m.group(0) if m else err))
    _, cli, _ = run([SCRY, '-r', curl, '--metrics', '-j'])
    cli = [json.loads(l) for l in cli.splitlines()]
    check([c['host'] for c in cli] == [s['host'] for s in snaps],
          'metrics: scry -r --metrics -j gives the same figures')

    # max_files 2: the oldest files go, the newest lines stay
    rc, want, _ = run([SCRY, '-r', curl, '--rules', rules, '-j'])
    want = want.splitlines()
    outdir = os.path.join(tmp, 'out-keep2')
    os.mkdir(outdir)
    path = os.path.join(outdir, 'alerts.json')
    size = max(len(l) + 1 for l in want)
    cfg = config(tmp, 'keep2.yaml', rules, file_out=(path, size, 2))
    rc, out, err = run([SCRYD, '-c', cfg, '--replay', curl])
    got, sizes = joined(path, 3)
    check(rc == 0 and sorted(os.listdir(outdir)) == ['alerts.json', 'alerts.json.1', 'alerts.json.2']
          and got == want[-3:], 'max_files 2: files %s, the last 3 of %d alerts kept'
          % (sorted(os.listdir(outdir)), len(want)))

    # a rules file's warnings in the log, the level said once: "scryd: warning:
    # FILE:LINE:COL: CODE: message" (it said "warning" twice)
    unused = os.path.join(tmp, 'unused.yaml')
    with open(unused, 'w') as f:
        f.write(RULES + '- macro: never_used\n  condition: proc.name=nope\n')
    cfg = config(tmp, 'unused.yaml.cfg', unused, stdout='json')
    rc, out, err = run([SCRYD, '-c', cfg, '--replay', curl])
    line = 'scryd: warning: %s:%d:3: LOAD_UNUSED_MACRO: ' % (unused, RULES.count('\n') + 1)
    warn = [l for l in err.splitlines() if 'LOAD_UNUSED_MACRO' in l]
    check(rc == 0 and len(warn) == 1 and warn[0].startswith(line) and
          warn[0].count('warning') == 1, 'a rules warning in the log: %r, "warning" once'
          % line, err)

    # stdout, text: scry's alert lines
    rc, want, _ = run([SCRY, '-r', curl, '--rules', rules])
    cfg = config(tmp, 'text.yaml', rules, stdout='text')
    rc, out, err = run([SCRYD, '-c', cfg, '--replay', curl])
    check(rc == 0 and out == want and want, 'stdout, text: scry\'s alert lines (%d)'
          % len(want.splitlines()))


LIVE_RULES = """\
- rule: Marker opened
  desc: the test's marker file was opened
  condition: evt.type in (open, openat, openat2) and evt.dir=< and fd.name startswith %s
  output: "Marker opened (file=%%fd.name command=%%proc.cmdline)"
  priority: WARNING
"""

LIVE_RULES_NEW = LIVE_RULES.replace('Marker opened', 'Marker seen again')


def live(tmp):
    if not st.live_bpf('live'):
        return
    marker = os.path.join(tmp, 'scryd-marker')
    rules = os.path.join(tmp, 'live-rules.yaml')
    with open(rules, 'w') as f:
        f.write(LIVE_RULES % marker)
    alerts = os.path.join(tmp, 'live-alerts.json')
    cfg = config(tmp, 'live.yaml', rules, [('engine: auto', 'engine: bpf')],
                 file_out=(alerts, '64M', 5))
    errpath = os.path.join(tmp, 'live.err')
    p = st.Daemon([SCRYD, '-c', cfg], log=errpath)
    n = [0]

    def touch():
        n[0] += 1
        with open('%s-%d' % (marker, n[0]), 'w'):
            pass

    def rules_named(name):
        return [l for l in read(alerts).splitlines() if json.loads(l)['rule'] == name]

    try:
        ok = wait_for(lambda: rules_named('Marker opened'), 'the first alert', touch)
        check(ok, 'live: an open of the marker alerts')
        # capabilities once capturing: CAP_DAC_OVERRIDE (bit 1) only, for the file output
        caps = dict(l.split(':\t') for l in read('/proc/%d/status' % p.pid).splitlines()
                    if l.startswith('Cap'))
        check(all(int(caps[k], 16) == 2 for k in ('CapEff', 'CapPrm', 'CapBnd')),
              'live: capabilities dropped but CAP_DAC_OVERRIDE (%s)' % caps)
        with open(rules, 'w') as f:
            f.write(BROKEN)
        before = len(rules_named('Marker opened'))
        p.send_signal(signal.SIGHUP)
        ok = wait_for(lambda: 'previous rules stay in force' in read(errpath), 'the reload error')
        err = read(errpath)
        check(ok and ('scryd: error: %s:3:32: LOAD_ERR_COMPILE_CONDITION: ' % rules) in err,
              'live: SIGHUP with a broken rules file says FILE:LINE:COL and keeps the rules')
        ok = wait_for(lambda: len(rules_named('Marker opened')) > before, 'an alert after', touch)
        check(ok and p.running(), 'live: the old rules still alert after the broken reload')
        with open(rules, 'w') as f:
            f.write(LIVE_RULES_NEW % marker)
        p.send_signal(signal.SIGHUP)
        ok = wait_for(lambda: rules_named('Marker seen again'), 'the new rule', touch)
        check(ok and 'rules reloaded: 1 rules' in read(errpath), 'live: SIGHUP with a good file '
              'swaps the rules')
    finally:
        rc = p.stop()
    err = read(errpath)
    m = re.search(r'output %s: (\d+) alerts written, 0 dropped' % re.escape(alerts), err)
    nlines = len(read(alerts).splitlines())
    check(rc == 0 and m and int(m.group(1)) == nlines and nlines >= 3,
          'live: SIGTERM exits 0 (rc %d) with every alert written (%s, %d lines)'
          % (rc, m.group(0) if m else err, nlines))
    check('1 reloads, 1 failed reloads' in err, 'live: the reload counts at exit')
    for i in range(1, n[0] + 1):
        os.unlink('%s-%d' % (marker, i))


def marker_rules(tmp, name):
    """A marker file and a rules file alerting on its opens: (rules path, opens()), where
    opens() opens the marker 20 times (fewer alerts than a queue of 32 holds)."""
    marker = os.path.join(tmp, 'scryd-%s-marker' % name)
    with open(marker, 'w'):
        pass
    rules = os.path.join(tmp, '%s-rules.yaml' % name)
    with open(rules, 'w') as f:
        f.write(LIVE_RULES % marker)

    def opens():
        for _ in range(20):
            with open(marker):
                pass
    return rules, opens


def live_stalled_stdout(tmp):
    """stdout to a pipe nobody reads: its queue fills and drops, the file output and
    capture go on; SIGTERM then gives up on stdout after 5 s and exits 1."""
    if not st.live_bpf('live stalled stdout'):
        return
    rules, opens = marker_rules(tmp, 'stall')
    alerts = os.path.join(tmp, 'stall-alerts.json')
    cfg = config(tmp, 'stall.yaml', rules, [('engine: auto', 'engine: bpf'),
                                            ('    queue: 4096\n', '    queue: 32\n')],
                 file_out=(alerts, '64M', 5), stdout='json')
    errpath = os.path.join(tmp, 'stall.err')
    p = st.Daemon([SCRYD, '-c', cfg], log=errpath, stdout=subprocess.PIPE)

    # rounds of 20 alerts, fewer than the queue holds: the writer keeps up with them
    # until the pipe is full, the drops then are the stall's
    try:
        # a pipe holds 64 KiB, some 200 alerts: 600 in the file means stdout dropped
        ok = wait_for(lambda: len(read(alerts).splitlines()) >= 600, '600 alerts', opens, 120)
        check(ok, 'stalled stdout: the file output still gets every alert (%d)'
              % len(read(alerts).splitlines()))
    finally:
        rc = p.stop()  # closes the pipe
    err = read(errpath)
    n = len(read(alerts).splitlines())
    m = re.search(r'output stdout: (\d+) alerts written, (\d+) dropped \(queue full\)', err)
    f = re.search(r'output %s: (\d+) alerts written, 0 dropped' % re.escape(alerts), err)
    check(m and int(m.group(2)) > 0 and n - 1 <= int(m.group(1)) + int(m.group(2)) <= n,
          'stalled stdout: its drops are counted (%s; %d alerts)' % (m.group(0) if m else err, n))
    check(f and int(f.group(1)) == n, 'stalled stdout: the file wrote all %d' % n)
    # what stdout wrote is a full pipe: 64 KiB, less what 16 pages (a line never spans
    # two) leave unused at their ends
    lines = read(alerts).splitlines()
    w = int(m.group(1)) if m else 0
    wbytes = sum(len(l) + 1 for l in lines[:w])
    longest = max(len(l) + 1 for l in lines) if lines else 0
    check(65536 - 16 * longest <= wbytes <= 65536,
          'stalled stdout: it wrote a full pipe before it stalled (%d bytes)' % wbytes)
    check(rc == 1 and 'output stdout: its writer is blocked' in err,
          'stalled stdout: SIGTERM exits 1 saying stdout could not be flushed (rc %d)' % rc)


def live_full_disk(tmp):
    """The file output on a full file system (a 64 KiB tmpfs): its writes fail and are
    counted, the file keeps whole lines only, stdout and capture go on."""
    if not st.live_bpf('live full disk'):
        return
    mnt = os.path.join(tmp, 'small')
    os.mkdir(mnt)
    if subprocess.run(['mount', '-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mnt]).returncode:
        print('skip live full disk: cannot mount a tmpfs')
        return
    try:
        rules, opens = marker_rules(tmp, 'full')
        alerts = os.path.join(mnt, 'alerts.json')
        outpath = os.path.join(tmp, 'full.out')
        cfg = config(tmp, 'full.yaml', rules, [('engine: auto', 'engine: bpf')],
                     file_out=(alerts, 0, 5), stdout='json')
        errpath = os.path.join(tmp, 'full.err')
        with open(outpath, 'w') as outf:
            p = st.Daemon([SCRYD, '-c', cfg], log=errpath, stdout=outf)
        try:
            ok = wait_for(lambda: len(read(outpath).splitlines()) >= 600, '600 alerts', opens, 120)
            check(ok, 'full disk: stdout still gets the alerts (%d)' % len(read(outpath).splitlines()))
        finally:
            rc = p.stop()
        err = read(errpath)
        n = len(read(outpath).splitlines())
        kept = read(alerts).splitlines()
        m = re.search(r'output %s: (\d+) alerts written, 0 dropped \(queue full\), (\d+) lost to '
                      r'write errors' % re.escape(alerts), err)
        check(m and int(m.group(1)) == len(kept) and int(m.group(2)) > 0
              and int(m.group(1)) + int(m.group(2)) == n,
              'full disk: the lost alerts are counted (%s; %d alerts)' % (m.group(0) if m else err, n))
        check(kept and all(json.loads(l)['rule'] == 'Marker opened' for l in kept),
              'full disk: the file holds whole JSON lines only (%d)' % len(kept))
        check(err.count('write: No space left on device') == 1 and rc == 1,
              'full disk: said once; SIGTERM exits 1 for the lost alerts (rc %d)' % rc)
    finally:
        subprocess.run(['umount', mnt])


def main():
    global SCRYD, SCRY
    ap = argparse.ArgumentParser()
    st.tool_args(ap, 'scryd', 'scry')
    a = ap.parse_args()
    SCRYD, SCRY = a.scryd, a.scry
    with st.tmpdir(prefix='scryd_test.') as tmp:
        rules = os.path.join(tmp, 'rules.yaml')
        with open(rules, 'w') as f:
            f.write(RULES)
        broken = os.path.join(tmp, 'broken.yaml')
        with open(broken, 'w') as f:
            f.write(BROKEN)
        config_errors(tmp, rules, broken)
        replay(tmp, rules)
        live(tmp)
        live_stalled_stdout(tmp)
        live_full_disk(tmp)
    return st.finish('scryd_test')


if __name__ == '__main__':
    sys.exit(main())

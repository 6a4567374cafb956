#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""test/scryd_capture_test.py: what scryd captures (ctest scryd_capture_test; docs/scryd-capture.md).

    test/scryd_capture_test.py [--scryd build/bin/scryd]

As root with the eBPF probe (skipped, 77, otherwise):
- capture.syscalls: auto (the default): the log gives the narrowed set, the rules',
  the state's and the metrics' syscalls: openat (the rule's) and clone, execve, close
  (the state's) are in, read, write and getppid are not;
- SIGHUP with a rules file that adds a rule on getppid: the set is recomputed, one
  syscall more, getppid in;
- SIGTERM: exit 0, and no syscall went uncounted (the counters' table never full);
- capture.syscalls: all: every syscall, and the log says why.
The figures a narrowed capture gives are checked by metrics_counts_live
(test/driver/metrics_counts.c).
"""
import argparse
import os
import re
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

RULES = """\
- rule: Open etc
  desc: an open below /etc
  condition: evt.type=openat and fd.name startswith /etc/scry-capture-test
  output: "open (file=%fd.name)"
  priority: WARNING
"""

MORE = RULES + """\
- rule: Parent asked
  desc: getppid
  condition: evt.type=getppid and proc.name=scry-capture-test
  output: "getppid (command=%proc.cmdline)"
  priority: NOTICE
"""

CONFIG = """\
engine: bpf
rules:
  - %s
outputs:
  stdout:
    enabled: false
  file:
    enabled: true
    path: %s
prometheus:
  enabled: false
log:
  target: stderr
  level: debug
%s"""

failures = []


def check(ok, what):
    print('%s %s' % ('ok  ' if ok else 'FAIL', what), flush=True)
    if not ok:
        failures.append(what)


def wait_for(path, pattern, count=1, limit=60):
    """The log's text once @pattern occurs @count times in it (None after @limit s)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        with open(path) as f:
            text = f.read()
        if len(re.findall(pattern, text)) >= count:
            return text
        time.sleep(0.1)
    return None


def capture_lines(log):
    """[(number of syscalls or None for every syscall, names or None), ...] of the log."""
    got = []
    for line in log.splitlines():
        m = re.search(r'capture: (\d+) syscalls \(those of the rules, the state and the metrics\)', line)
        if m:
            got.append([int(m.group(1)), None])
        elif 'capture: every syscall' in line:
            got.append([None, line.split('capture: every syscall', 1)[1].strip()])
        m = re.search(r'capture: syscalls (.*)$', line)
        if m and got:
            got[-1][1] = m.group(1).split()
    return got


def start(scryd, tmp, name, rules, extra=''):
    rpath = os.path.join(tmp, name + '.rules.yaml')
    with open(rpath, 'w') as f:
        f.write(rules)
    cfg = os.path.join(tmp, name + '.yaml')
    with open(cfg, 'w') as f:
        f.write(CONFIG % (rpath, os.path.join(tmp, name + '.json'), extra))
    log = os.path.join(tmp, name + '.err')
    with open(log, 'w') as err:
        p = subprocess.Popen([scryd, '-c', cfg], stdin=subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL, stderr=err)
    return p, rpath, log


def stop(p):
    p.send_signal(signal.SIGTERM)
    return p.wait(timeout=120)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--scryd', default=os.path.join(ROOT, 'build', 'bin', 'scryd'))
    a = ap.parse_args()
    if os.geteuid() != 0 or not os.path.exists('/sys/kernel/btf/vmlinux'):
        print('scryd_capture_test: skipped: needs root and a kernel with BTF')
        return 77
    with tempfile.TemporaryDirectory(prefix='scryd_capture.') as tmp:
        p, rpath, log = start(a.scryd, tmp, 'auto', RULES)
        text = wait_for(log, r'scryd: info: running:')
        if text is None:
            p.kill()
            print(open(log).read())
            check(False, 'auto: scryd runs')
            return 1
        first = capture_lines(text)
        n, names = first[0] if first else (None, None)
        check(n is not None and names is not None and len(names) == n and n < 100,
              'auto: a narrowed set of %s syscalls, named at debug level' % n)
        names = names or []
        check(all(s in names for s in ('openat', 'clone', 'execve', 'close', 'connect')),
              'auto: the rule\'s openat and the state\'s clone, execve, close, connect in')
        check(not any(s in names for s in ('read', 'write', 'getppid', 'epoll_wait')),
              'auto: read, write, getppid, epoll_wait out')
        with open(rpath, 'w') as f:
            f.write(MORE)
        p.send_signal(signal.SIGHUP)
        text = wait_for(log, r'capture: \d+ syscalls', count=2)
        again = capture_lines(text or '')
        n2, names2 = again[1] if len(again) > 1 else (None, None)
        check(n is not None and n2 == n + 1 and 'getppid' in (names2 or []),
              'SIGHUP: the set recomputed with the new rule\'s getppid (%s -> %s)' % (n, n2))
        rc = stop(p)
        text = open(log).read()
        m = re.search(r'; (\d+) syscalls not counted \(counter table full\)', text)
        check(rc == 0 and m and m.group(1) == '0',
              'SIGTERM: exit %d, syscalls not counted: %s' % (rc, m.group(1) if m else '?'))

        p, rpath, log = start(a.scryd, tmp, 'all', RULES, 'capture:\n  syscalls: all\n')
        text = wait_for(log, r'scryd: info: running:')
        lines = capture_lines(text or '')
        check(lines and lines[0] == [None, '(capture.syscalls: all)'],
              'all: every syscall, and why (%s)' % lines)
        check(stop(p) == 0, 'all: SIGTERM exits 0')
    if failures:
        print('%d failure(s)' % len(failures))
        return 1
    print('all passed')
    return 0


if __name__ == '__main__':
    sys.exit(main())

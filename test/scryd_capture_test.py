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
- capture.syscalls: all: every syscall, and the log says why;
- TCP sockets: with only the state reading them, sendto, sendmsg, recvfrom and recvmsg
  are left out on TCP sockets (the log says so); a rule on sendto that is false for
  TCP (Falco's `outbound` shape: fd.l4proto != tcp) leaves sendto out there and still
  alerts on a UDP sendto made by this test; a rule on sendto over TCP keeps sendto whole
  and alerts on this test's TCP send.
- exit-only mode (capture.exit_only, on by default with the eBPF probe): the log says
  so; a rule on an enter event (kill's, its parameters rebuilt from the exit) and a
  rule on an exit event (openat's, fd.name) both alert; capture.exit_only: false: the
  log does not say it, and the same rules alert.
The figures a narrowed capture gives are checked by metrics_counts_live
(test/driver/metrics_counts.c).
"""
import argparse
import os
import re
import signal
import socket
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

UDP_RULE = """\
- rule: UDP send
  desc: a datagram sent to the test's port (the outbound macro's shape)
  condition: evt.type in (sendto, sendmsg) and evt.dir=< and fd.l4proto != tcp and fd.rport=%d
  output: "udp send (connection=%%fd.name)"
  priority: NOTICE
"""

TCP_RULE = """\
- rule: TCP send
  desc: bytes sent on a TCP connection to the test's port
  condition: evt.type=sendto and evt.dir=< and fd.l4proto=tcp and fd.sport=%d
  output: "tcp send (connection=%%fd.name)"
  priority: NOTICE
"""

EXIT_RULES = """\
- rule: Kill enter
  desc: kill's enter event (in exit-only mode rebuilt from its exit)
  condition: evt.type=kill and evt.dir=> and proc.pid=%d and evt.arg.sig=0 and evt.args contains "pid=%d("
  output: "kill enter (%%evt.args)"
  priority: NOTICE
- rule: Open exit
  desc: openat's exit event
  condition: evt.type=openat and evt.dir=< and fd.name=%s
  output: "open exit (file=%%fd.name)"
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


def tcp_left_out(log):
    """The syscalls the log says are left out on TCP sockets ([] when none)."""
    m = re.search(r'capture: left out on TCP sockets: (.*)$', log, re.M)
    return m.group(1).split() if m else []


def wait_alert(path, rule, limit=30):
    """Whether the alerts file gets an alert of @rule within @limit s."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if os.path.exists(path) and ('"rule":"%s"' % rule) in open(path).read().replace(': ', ':'):
            return True
        time.sleep(0.1)
    return False


def tcp_pair():
    """A TCP connection on loopback with one send() (sendto) on it; its server port."""
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.bind(('127.0.0.1', 0))
    srv.listen(1)
    c = socket.create_connection(srv.getsockname())
    a, _ = srv.accept()
    return srv, c, a


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
        first_text = text
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

        # TCP sockets: the state alone reads the four calls on datagram sockets only
        check(sorted(tcp_left_out(first_text)) == ['recvfrom', 'recvmsg', 'sendmsg', 'sendto'],
              'auto: sendto, sendmsg, recvfrom, recvmsg left out on TCP sockets (%s)'
              % tcp_left_out(first_text))
        # a rule false on TCP (fd.l4proto != tcp) leaves sendto out there, and alerts on UDP
        udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        udp.bind(('127.0.0.1', 0))
        uport = udp.getsockname()[1]
        p, rpath, log = start(a.scryd, tmp, 'udp', RULES + UDP_RULE % uport)
        text = wait_for(log, r'scryd: info: running:') or ''
        check('sendto' in tcp_left_out(text),
              'rule on non-TCP sendto: sendto left out on TCP sockets (%s)' % tcp_left_out(text))
        out = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        srv, c, acc = tcp_pair()
        c.send(b'tcp bytes')
        for _ in range(3):
            out.sendto(b'datagram', ('127.0.0.1', uport))
        check(wait_alert(os.path.join(tmp, 'udp.json'), 'UDP send'),
              'rule on non-TCP sendto: a UDP sendto alerts')
        check(stop(p) == 0, 'udp: SIGTERM exits 0')
        # a rule on TCP sendto keeps sendto whole: its alert fires
        port = srv.getsockname()[1]
        p, rpath, log = start(a.scryd, tmp, 'tcp', RULES + TCP_RULE % port)
        text = wait_for(log, r'scryd: info: running:') or ''
        check('sendto' not in tcp_left_out(text) and 'recvfrom' in tcp_left_out(text),
              'rule on TCP sendto: sendto kept on TCP sockets (left out: %s)' % tcp_left_out(text))
        c2 = socket.create_connection(srv.getsockname())
        a2, _ = srv.accept()
        for _ in range(3):
            c2.send(b'tcp bytes')
        check(wait_alert(os.path.join(tmp, 'tcp.json'), 'TCP send'),
              'rule on TCP sendto: a TCP send alerts')
        check(stop(p) == 0, 'tcp: SIGTERM exits 0')
        # exit-only mode: the default; enter and exit rules alert
        target = os.path.join(tmp, 'scry-exit-only-target')
        open(target, 'w').close()
        for name, extra in (('exit_only', ''), ('full', 'capture:\n  exit_only: false\n')):
            p, rpath, log = start(a.scryd, tmp, name, EXIT_RULES % (os.getpid(), os.getpid(), target), extra)
            text = wait_for(log, r'scryd: info: running:') or ''
            said = 'capture: exit-only' in text
            check(said == (name == 'exit_only'),
                  '%s: the log %s exit-only mode' % (name, 'says' if said else 'does not say'))
            alerts = os.path.join(tmp, name + '.json')
            for _ in range(3):
                os.kill(os.getpid(), 0)
                open(target).close()
            check(wait_alert(alerts, 'Kill enter'), '%s: a rule on kill\'s enter alerts' % name)
            check(wait_alert(alerts, 'Open exit'), '%s: a rule on openat\'s exit alerts' % name)
            check(stop(p) == 0, '%s: SIGTERM exits 0' % name)
        for s in (udp, out, srv, c, acc, c2, a2):
            s.close()
    if failures:
        print('%d failure(s)' % len(failures))
        return 1
    print('all passed')
    return 0


if __name__ == '__main__':
    sys.exit(main())

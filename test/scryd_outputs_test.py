#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""test/scryd_outputs_test.py: scryd's syslog, program and HTTP outputs (ctest
scryd_outputs_test). The stdout and file outputs, the full disk and SIGHUP with a broken
rules file are test/scryd_test.py's.

    test/scryd_outputs_test.py [--scryd build/bin/scryd] [--scry build/bin/scry]

- Configuration: a bad facility, an unknown key of outputs.http, a URL that is not
  http(s) and a program output without its program each give exit 1 and FILE:LINE:COL.
- --replay of a shared conformance capture with the ruleset of scryd_test.py:
  - http: a receiver on 127.0.0.1 (http.server in this process) gets one POST per
    alert, in order, each body exactly a line of `scry --rules -j` (Falco's JSON), with
    Content-Type application/json, the configured extra header and user agent; the
    counters at exit say all were written. The same replay against a port nobody
    listens on finishes as fast, every alert counted as lost to write errors, exit 1.
  - program: `cat >> FILE` with keep_alive (one program) and without (one per alert):
    FILE holds scry's JSON lines; the program has no capability (as root).
  - syslog: scryd in a private mount namespace (unshare -m) whose /dev is a directory
    of the test holding a datagram socket `log` (the host's /dev and syslog are not
    touched): one message per alert, "<PRI>... ident[pid]: LINE" with PRI = facility
    local3 * 8 + the rule's priority (warning 4, notice 5, debug 7) and LINE scry's
    text alert line.
- Live, as root with the eBPF probe: `head -n 1 >> FILE` with keep_alive exits after a
  line: its exit is logged, it is started again (restarts counted, at most once a
  second), FILE holds whole alerts only, the counters add up to the alerts. Every thread
  of scryd (the writers start after the capabilities are dropped) and the program have no
  capability left.
- Live: alerts from opens of a marker file go to the HTTP
  receiver (a separate process) and to a file; the receiver is stopped (SIGSTOP: its
  connections hang until the 500 ms timeout) and the HTTP queue (8) fills and drops;
  then killed (connections refused), and its alerts are lost to write errors; meanwhile
  the file output gets every alert within the same time as before (capture does not
  stall). SIGTERM: the counters at exit add up (written + dropped + lost = alerts) and
  the file holds every alert.
Skips the parts whose inputs are absent (captures, root, BTF, unshare).
"""
import argparse
import http.server
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, 'pylib'))
import scrytest as st  # noqa: E402  (run, check, Daemon: test/pylib/scrytest.py)
from scrytest import check, read, run, wait_for  # noqa: E402
import scryd_test as base  # noqa: E402  (its config(), rules and helpers)


def enable(section, extra=()):
    """The replacements of config() that enable outputs.SECTION, then EXTRA."""
    return [('  %s:\n    enabled: false\n' % section, '  %s:\n    enabled: true\n' % section)] + \
        list(extra)


def config_errors(tmp, rules):
    cases = []
    bad = base.config(tmp, 'badfac.yaml', rules, enable('syslog', [('facility: user', 'facility: kern')]))
    cases.append(('a bad facility', bad, '%s:%d:15: outputs.syslog.facility: expected user, daemon, '
                  'auth, authpriv or local0 ... local7, not \'kern\'\n' % (bad, base.line_of(bad, 'facility: kern'))))
    bad = base.config(tmp, 'badhttpkey.yaml', rules, enable('http', [('    insecure: false\n', '    insecure: false\n    retries: 3\n')]))
    cases.append(('an unknown key of outputs.http', bad, '%s:%d:5: unknown key \'retries\' in outputs.http '
                  '(known: enabled, url, user_agent, headers, timeout_ms, connect_timeout_ms, insecure, '
                  'ca_bundle, ca_path, queue)\n' % (bad, base.line_of(bad, 'retries'))))
    bad = base.config(tmp, 'badurl.yaml', rules, enable('http', [('url: http://127.0.0.1:2801/', 'url: ftp://x/')]))
    cases.append(('a URL not http(s)', bad, '%s:%d:10: outputs.http.url: expected an http:// or https:// '
                  'URL, not \'ftp://x/\'\n' % (bad, base.line_of(bad, 'ftp://'))))
    bad = base.config(tmp, 'noprog.yaml', rules, enable('program', [('    program: "logger -t scry-alert"\n', '')]))
    cases.append(('a program output without its program', bad, '%s:%d:5: outputs.program: enabled but '
                  'no program\n' % (bad, base.line_of(bad, '  program:') + 1)))
    for what, path, want in cases:
        rc, out, err = run([base.SCRYD, '-c', path, '--check'])
        check(rc == 1 and err == want, '%s: exit 1 with FILE:LINE:COL: rc %d %r' % (what, rc, err))


class Receiver(http.server.BaseHTTPRequestHandler):
    """Keeps each POST's path, headers and body in the server's `got` list."""
    protocol_version = 'HTTP/1.1'

    def do_POST(self):
        body = self.rfile.read(int(self.headers['Content-Length']))
        self.server.got.append((self.path, dict(self.headers), body.decode()))
        self.send_response(200)
        self.send_header('Content-Length', '0')
        self.end_headers()

    def log_message(self, *args):
        pass


def counters(err, name):
    """(written, dropped, lost, rotations, restarts) of output NAME in the exit log."""
    m = re.search(r'output %s: (\d+) alerts written, (\d+) dropped \(queue full\), (\d+) lost to '
                  r'write errors, (\d+) rotations, (\d+) restarts' % re.escape(name), err)
    return tuple(int(g) for g in m.groups()) if m else None


def replay_http(tmp, rules, curl, want):
    srv = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Receiver)
    srv.got = []
    th = threading.Thread(target=srv.serve_forever, daemon=True)
    th.start()
    url = 'http://127.0.0.1:%d/alerts' % srv.server_address[1]
    try:
        cfg = base.config(tmp, 'http.yaml', rules, enable('http', [
            ('url: http://127.0.0.1:2801/', 'url: ' + url),
            ('    # user_agent: scryd\n', '    user_agent: scryd-test\n'),
            ('    # headers:\n    #   Authorization: Bearer TOKEN\n',
             '    headers:\n      X-Test: a value\n')]))
        rc, out, err = run([base.SCRYD, '-c', cfg, '--replay', curl])
    finally:
        srv.shutdown()
        srv.server_close()
    bodies = [b for _, _, b in srv.got]
    check(rc == 0 and bodies == want, 'http: one POST per alert, each body scry\'s JSON line '
          '(%d of %d, rc %d)' % (len(bodies), len(want), rc))
    hdrs = [h for _, h, _ in srv.got]
    check(hdrs and all(h.get('Content-Type') == 'application/json' and h.get('X-Test') == 'a value'
                       and h.get('User-Agent') == 'scryd-test' for h in hdrs)
          and all(p == '/alerts' for p, _, _ in srv.got),
          'http: path, Content-Type, extra header and user agent (%s)' % (hdrs[:1],))
    check(counters(err, url) == (len(want), 0, 0, 0, 0), 'http: the counters at exit (%s)'
          % (counters(err, url),))

    # nobody listens: each POST is refused at once, the replay is not held up
    url = 'http://127.0.0.1:%d/' % st.free_port()  # bound then closed: nothing listens there
    cfg = base.config(tmp, 'http-dead.yaml', rules, enable('http', [
        ('url: http://127.0.0.1:2801/', 'url: ' + url)]))
    t0 = time.monotonic()
    rc, out, err = run([base.SCRYD, '-c', cfg, '--replay', curl])
    dt = time.monotonic() - t0
    check(rc == 1 and counters(err, url) == (0, 0, len(want), 0, 0)
          and err.count('write: Connection refused') == 1,
          'http: no receiver: every alert lost to write errors, said once, exit 1 (%s, rc %d)'
          % (counters(err, url), rc))
    check(dt < 30, 'http: no receiver: the replay still finishes (%.1f s)' % dt)


def replay_program(tmp, rules, curl, want):
    for keep in ('true', 'false'):
        dest = os.path.join(tmp, 'prog-%s.json' % keep)
        caps = os.path.join(tmp, 'prog-%s.caps' % keep)
        cfg = base.config(tmp, 'prog-%s.yaml' % keep, rules, enable('program', [
            ('program: "logger -t scry-alert"',
             'program: "grep CapEff /proc/self/status > %s; cat >> %s"' % (caps, dest)),
            ('keep_alive: true', 'keep_alive: %s' % keep)]))
        rc, out, err = run([base.SCRYD, '-c', cfg, '--replay', curl])
        got = read(dest).splitlines()
        if keep == 'true' and os.geteuid() == 0:
            # started by a writer thread, after the capabilities were dropped
            check(read(caps) == 'CapEff:\t0000000000000000\n',
                  'program: it runs with no capability (%r)' % read(caps))
        check(rc == 0 and got == want and counters(err, 'program') == (len(want), 0, 0, 0, 0),
              'program, keep_alive %s: the program\'s input is scry\'s JSON lines (%d of %d, '
              'rc %d, %s)' % (keep, len(got), len(want), rc, counters(err, 'program')))

def replay_syslog(tmp, rules, curl):
    if os.geteuid() != 0 or not shutil.which('unshare'):
        print('skip syslog: needs root and unshare')
        return
    rc, text, _ = run([base.SCRY, '-r', curl, '--rules', rules])
    want_lines = text.splitlines()
    dev = os.path.join(tmp, 'dev')
    os.mkdir(dev)
    open(os.path.join(dev, 'null'), 'w').close()
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(os.path.join(dev, 'log'))
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 20)
    got = []

    def drain():
        while True:
            d = sock.recv(65536)
            if not d:
                return
            got.append(d.decode())
    th = threading.Thread(target=drain, daemon=True)
    th.start()
    cfg = base.config(tmp, 'syslog.yaml', rules, enable('syslog', [
        ('facility: user', 'facility: local3'), ('ident: scryd\n', 'ident: scry-test\n')]))
    # a private mount namespace: /dev is the test's directory (its null the real one)
    script = ('mount --bind /dev/null %s/null && mount --bind %s /dev && exec %s -c %s --replay %s'
              % (dev, dev, base.SCRYD, cfg, curl))
    rc, out, err = run(['unshare', '-m', '--propagation', 'private', 'sh', '-c', script])
    ok = wait_for(lambda: len(got) >= len(want_lines), 'the syslog messages', limit=10)
    sock.sendto(b'', os.path.join(dev, 'log'))  # ends drain()
    th.join(5)
    sock.close()
    prio = {'Warning': 4, 'Notice': 5, 'Debug': 7}
    want = []
    for l in want_lines:
        level = l.split(' ')[1]
        want.append((19 * 8 + prio[level], l))
    parsed = []
    for m in got:
        mm = re.match(r'<(\d+)>\w{3} [ \d]\d \d\d:\d\d:\d\d scry-test\[(\d+)\]: (.*)$', m, re.S)
        parsed.append((int(mm.group(1)), mm.group(3)) if mm else m)
    check(rc == 0 and ok and parsed == want and len(want) >= 6,
          'syslog: one message per alert, facility local3, the rule\'s priority, ident scry-test, '
          'scry\'s text line (%d of %d; rc %d; first %r)' % (len(parsed), len(want), rc,
                                                             got[:1]))
    check(counters(err, 'syslog') == (len(want), 0, 0, 0, 0), 'syslog: the counters at exit (%s)'
          % (counters(err, 'syslog'),))


RECEIVER = r'''
import http.server, sys
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    def do_POST(self):
        body = self.rfile.read(int(self.headers['Content-Length']))
        with open(sys.argv[1], 'a') as f:
            f.write(body.decode() + '\n')
        self.send_response(200)
        self.send_header('Content-Length', '0')
        self.end_headers()
    def log_message(self, *a):
        pass
s = http.server.ThreadingHTTPServer(('127.0.0.1', 0), H)
print(s.server_address[1], flush=True)
s.serve_forever()
'''


def live_program_restart(tmp):
    """A program that exits after one line: reported and started again (at most once a
    second: live, where alerts keep coming)."""
    if not st.live_bpf('live program'):
        return
    rules, opens = base.marker_rules(tmp, 'prog')
    dest = os.path.join(tmp, 'prog-head.json')
    cfg = base.config(tmp, 'prog-head.yaml', rules, [('engine: auto', 'engine: bpf')] + enable('program', [
        ('program: "logger -t scry-alert"', 'program: "head -n 1 >> %s"' % dest)]))
    errpath = os.path.join(tmp, 'prog-head.err')
    p = st.Daemon([base.SCRYD, '-c', cfg], log=errpath)
    try:
        ok = wait_for(lambda: len(read(dest).splitlines()) >= 3, '3 runs of the program', opens)
        # every thread of scryd, the outputs' writers included: no capability left (no
        # file output: none kept)
        caps = {}
        for t in os.listdir('/proc/%d/task' % p.pid):
            for l in read('/proc/%d/task/%s/status' % (p.pid, t)).splitlines():
                if l.startswith('CapEff:'):
                    caps[t] = int(l.split()[1], 16)
        check(len(caps) >= 2 and not any(caps.values()),
              'program: scryd\'s %d threads have no capability (%s)' % (len(caps), caps))
    finally:
        rc = p.stop()
    err = read(errpath)
    got = read(dest).splitlines()
    c = counters(err, 'program')
    n = re.search(r' (\d+) alerts, ', err)
    check(ok and c and c[4] >= 2 and 'program: exited with status 0' in err
          and err.count('program: started again') == c[4] and n
          and c[0] + c[1] + c[2] == int(n.group(1)),
          'program that exits: logged, started again, counted (%s; %s alerts)'
          % (c, n.group(1) if n else '?'))
    check(len(got) >= 3 and all(json.loads(l)['rule'] == 'Marker opened' for l in got),
          'program that exits: each run got a whole alert (%d lines; rc %d)' % (len(got), rc))


def live_http_receiver_dies(tmp):
    if not st.live_bpf('live http'):
        return
    rules, opens = base.marker_rules(tmp, 'http')
    received = os.path.join(tmp, 'received.json')
    recv = subprocess.Popen([sys.executable, '-c', RECEIVER, received], stdout=subprocess.PIPE)
    port = int(recv.stdout.readline())
    url = 'http://127.0.0.1:%d/' % port
    alerts = os.path.join(tmp, 'http-file.json')
    cfg = base.config(tmp, 'live-http.yaml', rules, [('engine: auto', 'engine: bpf')] + enable('http', [
        ('url: http://127.0.0.1:2801/', 'url: ' + url), ('timeout_ms: 5000', 'timeout_ms: 500'),
        ('connect_timeout_ms: 2000', 'connect_timeout_ms: 500'),
        ('    queue: 4096\n\n# scryd', '    queue: 8\n\n# scryd')]),
        file_out=(alerts, '64M', 5))
    errpath = os.path.join(tmp, 'live-http.err')
    p = st.Daemon([base.SCRYD, '-c', cfg], log=errpath)

    def nfile():
        return len(read(alerts).splitlines())
    times = []
    try:
        ok = wait_for(lambda: len(read(received).splitlines()) >= 20, '20 alerts received', opens)
        check(ok, 'live http: the receiver gets alerts')

        def phase(what):
            """Alerts until 200 more are in the file (the time that took is kept) and 3 s
            have passed (some timeouts of 500 ms then surely happened)."""
            t0, n0, took = time.monotonic(), nfile(), []

            def done():
                if not took and nfile() >= n0 + 200:
                    took.append(time.monotonic() - t0)
                return took and time.monotonic() - t0 >= 3
            ok = wait_for(done, '200 alerts, ' + what, opens, 120)
            times.append(took[0] if took else float('inf'))
            return ok
        phase('receiver up')
        recv.send_signal(signal.SIGSTOP)
        check(phase('receiver stopped'), 'live http: receiver stopped: the file output still gets alerts')
        recv.kill()
        recv.wait()
        check(phase('receiver killed'), 'live http: receiver killed: the file output still gets alerts')
        # 20 s: some 1.5 s per 100 alerts at worst on a loaded machine; a capture loop held
        # up by 500 ms timeouts needs 100 s for 200 alerts
        check(max(times) < 20, 'live http: 200 alerts take as long with the receiver up, '
              'stopped, killed (%s s)' % ', '.join('%.1f' % t for t in times))
    finally:
        if recv.poll() is None:
            recv.kill()
            recv.wait()
        rc = p.stop()
    err = read(errpath)
    n = nfile()
    c = counters(err, url)
    f = counters(err, alerts)
    got = len(read(received).splitlines())
    check(c and c[1] > 0 and c[2] > 0 and c[0] + c[1] + c[2] == n and got >= c[0],
          'live http: drops (stopped) and write errors (killed) counted, adding up to the %d '
          'alerts (%s; %d received)' % (n, c, got))
    check(f and f[0] == n and f[1] == 0, 'live http: the file output wrote all %d (%s)' % (n, f))
    check(rc == 1 and err.count('%s: write: Connection timed out' % url) == 1,
          'live http: the failure said once; SIGTERM exits 1 for the lost alerts (rc %d; %s)'
          % (rc, [l for l in err.splitlines() if 'write' in l]))


def main():
    ap = argparse.ArgumentParser()
    st.tool_args(ap, 'scryd', 'scry')
    a = ap.parse_args()
    base.SCRYD, base.SCRY = a.scryd, a.scry
    with st.tmpdir(prefix='scryd_outputs_test.') as tmp:
        rules = os.path.join(tmp, 'rules.yaml')
        with open(rules, 'w') as f:
            f.write(base.RULES)
        config_errors(tmp, rules)
        curl = os.path.join(base.TRACES, 'curl_google.scap')
        if os.path.exists(curl):
            rc, want, _ = run([base.SCRY, '-r', curl, '--rules', rules, '-j'])
            want = want.splitlines()
            check(rc == 0 and len(want) >= 6, 'scry --rules -j gives %d alerts' % len(want))
            replay_http(tmp, rules, curl, want)
            replay_program(tmp, rules, curl, want)
            replay_syslog(tmp, rules, curl)
        else:
            print('skip replay: no ../shared/conformance/traces')
        live_program_restart(tmp)
        live_http_receiver_dies(tmp)
    return st.finish('scryd_outputs_test')


if __name__ == '__main__':
    sys.exit(main())

#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""test/prom_test.py: scryd's Prometheus endpoint against Debian's promtool and a real
Prometheus server (ctest prom_test), everything on loopback.

    test/prom_test.py [--scryd build/bin/scryd]

- scryd --replay of a shared capture (../shared/conformance/traces/curl_google.scap) with
  --linger and the endpoint on a free port: curl fetches /metrics (200, Content-Type
  text/plain; version=0.0.4); `promtool check metrics` accepts it with no remark; the
  figures are the capture's: scry_rules_matches_total{rule,priority} of each rule equals
  the alerts of that rule in the JSON-lines file output, the per-CPU counts add up to
  scry_scap_n_evts_total, the engine is "savefile"; /healthz says 200 "finished"; an
  unknown page is 404 and a POST 405.
- A Prometheus server (/usr/bin/prometheus, its configuration and TSDB in a temporary
  directory, listening on 127.0.0.1) scrapes scryd every second: the test waits for the
  target to be up (polling the targets API), then the query API returns
  scry_scap_n_evts_total and scry_rules_matches_total{rule="Program run"} with the
  job/instance labels, the rule and priority labels and the values curl saw.
- With the capture's figures per container (when scryd has per-container metrics): the
  query API returns the container's series with container_id, container_name and image.
- A stalled capture loop: the stdout output on a pipe nobody reads (its buffer shrunk to
  one page, a queue of 1, a rule that fires on every exit event) blocks the replay, which
  waits for room; /healthz turns 503 "stalled" after stall_timeout (1 s) while /metrics
  still answers; once the pipe is read the replay ends and /healthz says "finished".
- scryd and Prometheus are stopped by PID (SIGTERM); scryd exits 0.
Skips (exit 77) without the capture, promtool, prometheus or curl.
"""
import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'pylib'))
import scrytest  # noqa: E402  (run, check, Daemon: test/pylib/scrytest.py)
from scrytest import check, read, wait_for, free_port  # noqa: E402

TRACE = os.path.join(scrytest.TRACES, 'curl_google.scap')
PROMTOOL = '/usr/bin/promtool'
PROMETHEUS = '/usr/bin/prometheus'
F_SETPIPE_SZ = 1031  # fcntl.h (Linux)
EVT_CONTAINER_JSON_E = 272  # driver/abi/scap_events.h

RULES = """\
- macro: open_read
  condition: evt.type in (open, openat, openat2) and evt.dir=< and evt.is_open_read=true and fd.typechar='f'
- rule: Program run
  desc: a program was run
  condition: evt.type=execve and evt.dir=<
  output: "Program run (command=%proc.cmdline pid=%proc.pid)"
  priority: NOTICE
- rule: Read below etc
  desc: a program read a file below /etc
  condition: open_read and fd.name startswith /etc
  output: "File below /etc read (command=%proc.cmdline file=%fd.name)"
  priority: WARNING
- rule: A "quoted" \\ rule
  desc: a name that needs escaping in a label value
  condition: evt.type in (open, openat, openat2) and evt.dir=<
  output: "open (file=%fd.name)"
  priority: DEBUG
"""

EVERY_EXIT = """\
- rule: Every exit
  desc: fires on every exit event
  condition: evt.dir=< and evt.type!=switch
  output: "exit (type=%evt.type)"
  priority: DEBUG
"""


# (id, name, image, file reads of 100 bytes): the containers of container_capture()
CONTAINERS = [('a1b2c3d4e5f6' + '0' * 52, 'web', 'nginx:1.25', 30),
              ('b1b2c3d4e5f6' + '1' * 52, 'db', 'registry.example:5000/team/postgres:16', 12)]


def container_capture(out, containers, span_s=3):
    """A synthetic capture (scripts/mkcapture.py's blocks): a shell on the host and one
    process per container of CONTAINERS-like tuples, in docker cgroups, each described by
    a container event at the start; over SPAN_S seconds of event time each process opens
    a file (fd 3), reads it NREADS times 100 bytes, closes it; the events interleave.
    Per container: syscalls 2 + NREADS, file_read_bytes 100 * NREADS, files_opened 1."""
    mk = scrytest.mkcapture()
    procs = mk.proc(1000, 1, 'bash', '/bin/bash', ['-bash'], 1000)
    blocks, evs = [], []
    for i, (cid, name, image, nreads) in enumerate(containers):
        tid = 2000 + i
        procs += mk.proc(tid, 1, 'srv%d' % i, '/usr/sbin/srv', ['srv'], 0, '/docker/' + cid)
        js = ('{"container":{"id":"%s","type":0,"name":"%s","image":"%s","full_id":"%s",'
              '"privileged":false,"Mounts":[],"labels":{}}}' % (cid[:12], name, image, cid))
        blocks.append(mk.event(0, (1 << 64) - 1, EVT_CONTAINER_JSON_E, [js.encode() + b'\0']))
        path = '/srv/data-%d' % i
        calls = [(mk.EVT_OPENAT_2_E, [mk.i64(mk.AT_FDCWD), mk.cstr(path), mk.u32(mk.PPM_O_RDONLY), mk.u32(0)],
                  mk.EVT_OPENAT_2_X, [mk.i64(3), mk.i64(mk.AT_FDCWD), mk.cstr(path),
                                      mk.u32(mk.PPM_O_RDONLY), mk.u32(0), mk.u32(0x801)])]
        calls += [(mk.EVT_READ_E, [mk.i64(3), mk.u32(4096)], mk.EVT_READ_X, [mk.i64(100), b'x' * 100])] * nreads
        calls.append((mk.EVT_CLOSE_E, [mk.i64(3)], mk.EVT_CLOSE_X, [mk.i64(0)]))
        for j, (e, ep, x, xp) in enumerate(calls):
            ts = mk.T0 + (j * span_s * 10**9) // len(calls) + i * 1000
            evs.append((ts, tid, e, ep, i % 2))
            evs.append((ts + 500, tid, x, xp, i % 2))
    evs.sort(key=lambda e: e[0])
    blocks += [mk.event(ts, tid, t, p, cpu) for ts, tid, t, p, cpu in evs]
    with open(out, 'wb') as f:
        f.write(b''.join([mk.shb(), mk.machine_info(), mk.iface_list(), mk.user_list(),
                          mk.block(mk.BT_PL_V5, procs)] + blocks))


def config(tmp, name, rules, stall=10, stdout=False, alerts=None):
    text = ['engine: auto', 'rules: [%s]' % rules, 'outputs:',
            '  stdout:', '    enabled: %s' % ('true' if stdout else 'false'),
            '    format: text', '    queue: 1',
            '  file:', '    enabled: %s' % ('true' if alerts else 'false'),
            '    path: %s' % (alerts or os.path.join(tmp, 'unused.json')),
            'prometheus:', '  enabled: true', '  address: 127.0.0.1', '  port: 0',
            '  stall_timeout: %d' % stall]
    path = os.path.join(tmp, name)
    with open(path, 'w') as f:
        f.write('\n'.join(text) + '\n')
    return path


def http(url, method='GET'):
    """(status, headers, body) of a request; urllib raises on 4xx/5xx: catch it."""
    req = urllib.request.Request(url, method=method, data=b'' if method == 'POST' else None)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.headers, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read().decode()
    except (urllib.error.URLError, ConnectionError, socket.timeout):
        return None, None, ''


LINE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$')
LABEL = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)",?')


def unescape(v):
    return re.sub(r'\\(.)', lambda m: '\n' if m.group(1) == 'n' else m.group(1), v)


def parse(text):
    """{name: [(labels dict, value float)]} of an exposition."""
    series = {}
    for l in text.splitlines():
        if not l or l.startswith('#'):
            continue
        m = LINE.match(l)
        if not m:
            raise ValueError('not a sample line: %r' % l)
        labels = {k: unescape(v) for k, v in LABEL.findall(m.group(2) or '')}
        series.setdefault(m.group(1), []).append((labels, float(m.group(3))))
    return series


def one(series, name, **labels):
    """The value of NAME's sample with LABELS (a subset), None when not exactly one."""
    got = [v for l, v in series.get(name, []) if all(l.get(k) == w for k, w in labels.items())]
    return got[0] if len(got) == 1 else None


class Scryd(scrytest.Daemon):
    """scryd --replay TRACE --linger on CONFIG, stderr in a file; .port once it serves."""

    def __init__(self, tmp, name, cfg, trace, stdout=subprocess.DEVNULL):
        super().__init__([SCRYD, '-c', cfg, '--replay', trace, '--linger'],
                         log=os.path.join(tmp, name + '.err'), stdout=stdout)
        m = self.wait_log(r'serving http://127\.0\.0\.1:(\d+)/metrics', 'scryd to serve')
        self.port = int(m.group(1)) if m else None
        self.base = 'http://127.0.0.1:%s' % self.port


class Prometheus:
    """Debian's Prometheus scraping TARGETS every second, all in TMP, on loopback."""

    def __init__(self, tmp, targets):
        d = os.path.join(tmp, 'prometheus')
        os.makedirs(os.path.join(d, 'data'), exist_ok=True)
        cfg = os.path.join(d, 'prometheus.yml')
        with open(cfg, 'w') as f:
            f.write('global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n'
                    '  evaluation_interval: 1s\n'
                    'scrape_configs:\n  - job_name: scryd\n'
                    '    static_configs:\n      - targets: [%s]\n'
                    % ', '.join('"%s"' % t for t in targets))
        self.log_path = os.path.join(d, 'prometheus.log')
        for _ in range(3):  # the free port may be taken between our probe and its bind
            self.port = free_port()
            self.p = scrytest.Daemon(
                [PROMETHEUS, '--config.file=' + cfg, '--storage.tsdb.path=' + os.path.join(d, 'data'),
                 '--web.listen-address=127.0.0.1:%d' % self.port,
                 '--log.level=warn'], log=self.log_path, stdout=subprocess.STDOUT, cwd=d)
            self.base = 'http://127.0.0.1:%d' % self.port
            if self.p.wait(lambda: http(self.base + '/-/ready')[0] == 200,
                           'prometheus to be ready', limit=120) and self.p.running():
                return
            self.stop()
        raise SystemExit('prom_test: prometheus does not start: ' + read(self.log_path)[-2000:])

    def api(self, path, **params):
        st, _, body = http(self.base + path + '?' + urllib.parse.urlencode(params))
        return json.loads(body) if st == 200 else None

    def targets_up(self, n):
        """The N active targets once all are up, else None."""
        r = self.api('/api/v1/targets')
        t = r and r['data']['activeTargets']
        return t if t and len(t) == n and all(x['health'] == 'up' for x in t) else None

    def query(self, q):
        r = self.api('/api/v1/query', query=q)
        return r['data']['result'] if r and r['status'] == 'success' else None

    def stop(self):
        return self.p.stop()


def scrape(tmp, d, name):
    """curl /metrics of D, checked by promtool; its series."""
    out = os.path.join(tmp, name + '.txt')
    p = subprocess.run(['curl', '-sS', '-D', '-', '-o', out, '-w', '%{http_code} %{time_total}',
                        d.base + '/metrics'], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=60)
    head = p.stdout.decode()
    check(p.returncode == 0 and head.rstrip().split('\n')[-1].startswith('200 '),
          '%s: curl /metrics: 200 (%r)' % (name, head.rstrip().split('\n')[-1:]))
    check('Content-Type: text/plain; version=0.0.4; charset=utf-8' in head,
          'Content-Type text/plain; version=0.0.4')
    times = []
    for _ in range(20):
        p = subprocess.run(['curl', '-sS', '-o', '/dev/null', '-w', '%{time_total}', d.base + '/metrics'],
                           stdout=subprocess.PIPE, timeout=60)
        times.append(float(p.stdout))
    times.sort()
    text = read(out)
    print('     %s: exposition %d bytes, %d lines; scrape latency (curl, 20 scrapes) median '
          '%.2f ms, max %.2f ms' % (name, len(text), text.count('\n'), 1e3 * times[10], 1e3 * times[-1]))
    with open(out) as f:
        p = subprocess.run([PROMTOOL, 'check', 'metrics'], stdin=f, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=60)
    check(p.returncode == 0 and p.stdout == b'', 'promtool check metrics accepts it (rc %d, %r)'
          % (p.returncode, p.stdout.decode()[:500]))
    return parse(text)


def check_agent(s, alerts):
    """The agent's figures of a replay against the alerts file."""
    want = {}
    for l in read(alerts).splitlines():
        a = json.loads(l)
        want[(a['rule'], a['priority'])] = want.get((a['rule'], a['priority']), 0) + 1
    got = {(l['rule'], l['priority']): v for l, v in s.get('scry_rules_matches_total', [])}
    check(len(got) == 3 and all(got.get(k, 0) == want.get(k, 0) for k in got) and
          set(want) <= set(got) and want.get(('Program run', 'Notice'), 0) > 0 and
          want.get(('A "quoted" \\ rule', 'Debug'), 0) > 0,
          'scry_rules_matches_total{rule,priority} = the alerts of each rule in the file: %s, '
          'file %s' % (sorted(got.items()), sorted(want.items())))
    evts = one(s, 'scry_scap_n_evts_total')
    cpus = sum(v for _, v in s.get('scry_scap_n_evts_cpu_total', []))
    check(evts and evts == cpus and len(s['scry_scap_n_evts_cpu_total']) >= 1,
          'scry_scap_n_evts_total %s = the sum of scry_scap_n_evts_cpu_total{cpu} over %d CPUs (%s)'
          % (evts, len(s.get('scry_scap_n_evts_cpu_total', [])), cpus))
    check(one(s, 'scry_scap_engine_name_info', engine_name='savefile') == 1,
          'scry_scap_engine_name_info{engine_name="savefile"} 1')
    check((one(s, 'scry_scap_n_threads') or 0) > 0 and (one(s, 'scry_scap_n_fds') or 0) > 0 and
          (one(s, 'scry_agent_memory_rss_bytes') or 0) > 1 << 20 and
          (one(s, 'scry_agent_cpu_seconds_total') or 0) > 0,
          'thread and fd table sizes, agent RSS and CPU: %s %s %s %s' % (
              one(s, 'scry_scap_n_threads'), one(s, 'scry_scap_n_fds'),
              one(s, 'scry_agent_memory_rss_bytes'), one(s, 'scry_agent_cpu_seconds_total')))


def endpoint(tmp):
    rules = os.path.join(tmp, 'rules.yaml')
    ct = os.path.join(tmp, 'containers.scap')
    container_capture(ct, CONTAINERS)
    alerts = os.path.join(tmp, 'alerts.json')
    a = Scryd(tmp, 'replay', config(tmp, 'replay.yaml', rules, alerts=alerts), TRACE)
    b = Scryd(tmp, 'containers', config(tmp, 'containers.yaml', rules,
                                        alerts=os.path.join(tmp, 'ct-alerts.json')), ct)
    try:
        if not (check(a.port, 'scryd serves on a free port (%s)' % a.log()[-500:]) and
                check(b.port, 'scryd on the container capture serves (%s)' % b.log()[-500:])):
            return
        check(wait_for(lambda: 'replay done' in a.log() and 'replay done' in b.log(),
                       'the replays to end') is not None, 'the replays end, scryd lingers')
        st, _, body = http(a.base + '/healthz')
        check(st == 200 and body == 'finished\n', '/healthz after the replay: 200 finished (%s %r)'
              % (st, body))
        st, _, _ = http(a.base + '/nope')
        check(st == 404, 'an unknown page: 404 (%s)' % st)
        st, _, _ = http(a.base + '/metrics', 'POST')
        check(st == 405, 'POST /metrics: 405 (%s)' % st)
        sa = scrape(tmp, a, 'curl_google')
        check_agent(sa, alerts)
        # SIGHUP while lingering: said to be ignored, the replay's figures stay served
        a.send_signal(signal.SIGHUP)
        check(a.wait_log(r'SIGHUP: the replay is over: the rules are not reloaded',
                         'scryd to log the ignored SIGHUP') is not None,
              'SIGHUP after the replay: logged as ignored')
        again = scrape(tmp, a, 'curl_google_after_hup')
        check(again.get('scry_rules_matches_total') == sa.get('scry_rules_matches_total') and
              one(again, 'scry_rules_reloads_total', result='ok') == 0,
              'SIGHUP after the replay: the same rule matches, no reload counted')
        sb = scrape(tmp, b, 'containers')
        check_containers(sb)
        prometheus(tmp, a, sa, b, sb)
    finally:
        for d in (a, b):
            rc = d.stop()
            check(rc == 0, 'scryd stops on SIGTERM with exit 0 (rc %s)' % rc)


def check_containers(s):
    """The container capture's figures, exactly (see container_capture())."""
    if not any(n.startswith('scry_container_') for n in s):
        print('skip per-container series: this scryd serves none')
        return
    for cid, name, image, nreads in CONTAINERS:
        lab = {'container_id': cid[:12], 'container_name': name, 'image': image}
        got = {n: one(s, n, **lab) for n in ('scry_container_syscalls_total',
                                              'scry_container_file_read_bytes_total',
                                              'scry_container_files_opened_total',
                                              'scry_container_syscall_errors_total')}
        check(got == {'scry_container_syscalls_total': 2 + nreads,
                      'scry_container_file_read_bytes_total': 100 * nreads,
                      'scry_container_files_opened_total': 1,
                      'scry_container_syscall_errors_total': 0},
              'container %s (%s, %s): syscalls %d, file bytes read %d, 1 file opened, no error: %s'
              % (name, cid[:12], image, 2 + nreads, 100 * nreads, got))
    check(one(s, 'scry_metrics_n_containers') == len(CONTAINERS),
          'scry_metrics_n_containers %s' % one(s, 'scry_metrics_n_containers'))


def prometheus(tmp, a, sa, b, sb):
    ia, ib = '127.0.0.1:%d' % a.port, '127.0.0.1:%d' % b.port
    p = Prometheus(tmp, [ia, ib])
    try:
        t = wait_for(lambda: p.targets_up(2), 'the scryd targets to be up', limit=120)
        check(t, 'Prometheus scrapes both scryd: targets up')
        if not t:
            return
        r = wait_for(lambda: p.query('scry_scap_n_evts_total{instance="%s"}' % ia),
                     'scry_scap_n_evts_total', limit=30)
        check(r and len(r) == 1 and r[0]['metric'] == {'__name__': 'scry_scap_n_evts_total',
                                                        'job': 'scryd', 'instance': ia}
              and float(r[0]['value'][1]) == one(sa, 'scry_scap_n_evts_total'),
              'query scry_scap_n_evts_total: labels and value (%s)' % r)
        r = p.query('scry_rules_matches_total{instance="%s",rule="Program run"}' % ia)
        check(r and len(r) == 1 and r[0]['metric'].get('priority') == 'Notice' and
              float(r[0]['value'][1]) == one(sa, 'scry_rules_matches_total', rule='Program run'),
              'query scry_rules_matches_total{rule="Program run"}: priority Notice, value %s (%s)'
              % (one(sa, 'scry_rules_matches_total', rule='Program run'), r))
        r = p.query('scry_rules_matches_total{instance="%s",rule=~"A .quoted. .*"}' % ia)
        check(r and len(r) == 1 and r[0]['metric'].get('rule') == 'A "quoted" \\ rule',
              'a rule name with a quote and a backslash survives the scrape (%s)' % r)
        containers(p, sb, ib)
        for inst, what in ((ia, 'curl_google'), (ib, 'containers')):
            r = p.query('scrape_duration_seconds{instance="%s"}' % inst)
            if r:
                print('     %s: Prometheus\'s scrape_duration_seconds %.2f ms'
                      % (what, 1e3 * float(r[0]['value'][1])))
    finally:
        rc = p.stop()
        check(rc == 0, 'Prometheus stops on SIGTERM (rc %s)' % rc)


def containers(p, s, inst):
    """Each container series of S, as the query API returns it: labels and value."""
    fams = [n for n in s if n.startswith('scry_container_')]
    if not fams:
        print('skip per-container series in Prometheus: this scryd serves none')
        return
    n = 0
    for fam in fams:
        for l, v in s[fam]:
            r = p.query('%s{instance="%s",container_id="%s"}' % (fam, inst, l['container_id']))
            ok = (r and len(r) == 1 and {k: r[0]['metric'].get(k) for k in l} == l and
                  float(r[0]['value'][1]) == v and r[0]['metric']['job'] == 'scryd')
            check(ok, 'query %s{container_id="%s"}: %s, value %s%s' % (
                fam, l['container_id'], ', '.join('%s=%s' % kv for kv in sorted(l.items())
                                                  if kv[0] != 'container_id'), v,
                '' if ok else ' (%s)' % r))
            n += 1
    check(n >= len(CONTAINERS) * 9, '%d container series queried' % n)


def stall(tmp):
    rules = os.path.join(tmp, 'every.yaml')
    with open(rules, 'w') as f:
        f.write(EVERY_EXIT)
    r, w = os.pipe()
    try:
        import fcntl
        fcntl.fcntl(w, F_SETPIPE_SZ, 4096)
    except OSError:
        pass
    d = Scryd(tmp, 'stall', config(tmp, 'stall.yaml', rules, stall=1, stdout=True), TRACE, stdout=w)
    os.close(w)
    drained = []
    try:
        if not check(d.port, 'stall: scryd serves (%s)' % d.log()[-500:]):
            return
        st = wait_for(lambda: (lambda h: h[0] == 503 and h)(http(d.base + '/healthz')),
                      '/healthz to say 503', limit=60)
        check(st and st[2].startswith('stalled: the capture loop made no progress for '),
              'a blocked capture loop: /healthz 503 stalled (%r)' % (st and st[2]))
        st, _, body = http(d.base + '/metrics')
        check(st == 200 and 'scry_scap_n_evts_total' in body, '/metrics still answers during the stall')
        check('replay done' not in d.log(), 'the replay is still blocked')

        def drain():
            while True:
                b = os.read(r, 65536)
                if not b:
                    break
                drained.append(len(b))
        th = threading.Thread(target=drain, daemon=True)
        th.start()
        check(wait_for(lambda: 'replay done' in d.log(), 'the replay to end', limit=120),
              'read, the pipe lets the replay end')
        st, _, body = http(d.base + '/healthz')
        check(st == 200 and body == 'finished\n', 'then /healthz: 200 finished (%s %r)' % (st, body))
    finally:
        rc = d.stop()
        check(rc == 0, 'stall: scryd stops on SIGTERM with exit 0 (rc %s)' % rc)
        os.close(r)


def config_errors(tmp):
    """A bad prometheus value is FILE:LINE:COL, exit 1; a taken port is exit 1 before
    capture; an IPv6 address serves."""
    rules = os.path.join(tmp, 'rules.yaml')
    good = config(tmp, 'errors.yaml', rules, alerts=os.path.join(tmp, 'errors.json'))
    text = read(good)
    # (old, new, the item the message points at, the message)
    cases = [('address: 127.0.0.1', 'address: localhost', 'localhost', 'prometheus.address: expected '
              'an IPv4 or IPv6 address, not \'localhost\''),
             ('port: 0', 'port: 65536', '65536', 'prometheus.port: 65536 is out of range [0, 65535]'),
             ('stall_timeout: 10', 'stall_timeout: 0', '0', 'prometheus.stall_timeout: 0 is out of '
              'range [1, 3600]'),
             ('  port: 0', '  port: 0\n  colour: red', 'colour', 'unknown key \'colour\' in prometheus '
              '(known: enabled, address, port, stall_timeout)')]
    for old, new, item, msg in cases:
        bad = os.path.join(tmp, 'bad.yaml')
        btext = text.replace(old, new)
        with open(bad, 'w') as f:
            f.write(btext)
        last = new.split('\n')[-1]
        lines = btext.split('\n')
        line = next(i for i, l in enumerate(lines) if l.strip() == last.strip())
        want = ':%d:%d: %s' % (line + 1, lines[line].rindex(item) + 1, msg)
        rc, _, err = scrytest.run([SCRYD, '-c', bad, '--replay', TRACE], timeout=60)
        check(rc == 1 and err == bad + want + '\n', '%s: exit 1, %r' % (new.strip(), err))
    # a port in use: exit 1 before the engine opens
    busy = socket.socket()
    busy.bind(('127.0.0.1', 0))
    busy.listen(1)
    bad = os.path.join(tmp, 'busy.yaml')
    with open(bad, 'w') as f:
        f.write(text.replace('port: 0', 'port: %d' % busy.getsockname()[1]))
    rc, _, err = scrytest.run([SCRYD, '-c', bad, '--replay', TRACE], timeout=60)
    busy.close()
    check(rc == 1 and 'Address already in use' in err and 'capturing' not in err,
          'a port in use: exit 1 before capture (%r)' % err)
    # IPv6 loopback
    v6 = os.path.join(tmp, 'v6.yaml')
    with open(v6, 'w') as f:
        f.write(text.replace('address: 127.0.0.1', 'address: "::1"'))
    p = scrytest.Daemon([SCRYD, '-c', v6, '--replay', TRACE, '--linger'],
                        log=os.path.join(tmp, 'v6.err'))
    m = p.wait_log(r'serving http://\[::1\]:(\d+)/metrics', 'scryd on ::1')
    if check(m, 'address ::1: serves http://[::1]:PORT (%s)' % p.log()[-300:]):
        st = wait_for(lambda: http('http://[::1]:%s/healthz' % m.group(1))[0] == 200, '::1 /healthz')
        check(st, 'address ::1: /healthz answers')
    check(p.stop() == 0, 'address ::1: scryd stops on SIGTERM with exit 0')


def main():
    global SCRYD
    ap = argparse.ArgumentParser()
    scrytest.tool_args(ap, 'scryd')
    a = ap.parse_args()
    SCRYD = a.scryd
    for need in (TRACE, PROMTOOL, PROMETHEUS):
        if not os.path.exists(need):
            return scrytest.skip('prom_test', 'no %s' % need, 77)
    if not shutil.which('curl'):
        return scrytest.skip('prom_test', 'no curl', 77)
    with scrytest.tmpdir(prefix='prom_test.') as tmp:
        with open(os.path.join(tmp, 'rules.yaml'), 'w') as f:
            f.write(RULES)
        config_errors(tmp)
        endpoint(tmp)
        stall(tmp)
    return scrytest.finish('prom_test')


if __name__ == '__main__':
    sys.exit(main())

#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""test/stream/nats_cluster_test.py: central collection through a real NATS JetStream cluster.

    test/stream/nats_cluster_test.py [--scry build/bin/scry] [--outage SECONDS]

1. A 3-node JetStream cluster of nats-server on 127.0.0.1 (configuration files written
   here in a temporary directory, ports chosen free, each node stopped by its PID).
2. Two publishers, `scry -r - -w nats://N1,N2,N3/SCRY?host=H&replicas=3 --spool-dir D`,
   hosts alpha and beta, replaying two different shared captures (curl_google and
   connect_localhost, their events repeated with shifted times: 3-5 MB each), fed
   through their standard input in five parts so that publishing goes on while:
   - part 2: the node alpha's publisher is connected to is killed (SIGKILL), then
     restarted once the part is acknowledged by the two others (R3: a quorum is left);
   - part 4: the whole cluster is stopped; the part goes to the spools (the test waits
     for chunk files to be there), the cluster stays down OUTAGE seconds (30), restarts.
3. Each publisher ends (it waits for the bus to take its spool) with 0 dropped and 0
   left in its spool; its figures are printed.
4. `scry -r nats://.../SCRY?host=H` prints exactly what `scry -r SOURCE` prints for each
   host (no event lost or duplicated: evt.num numbers every event), and
   `host=alpha,beta` prints every event of both, merged by time, each with its
   evt.host; `host=alpha,btea` (misspelt) fails, naming btea and the hosts the bus has;
   a stream not on the bus fails, naming it.
5. `scry -r SOURCE --rules R -w nats://...?host=beta` puts the run's alerts on the bus:
   `scry -r nats://...?host=beta --fetch alerts` prints what `scry -r SOURCE --rules R
   -j` prints (Falco's JSON).
6. scryd --replay SOURCE with its bus section (host gamma): `scry -r nats://...?host=gamma`
   prints what `scry -r SOURCE` prints, and its alerts on the bus are those it printed.
7. A publisher that finds no bus (a closed port) leaves its chunks in its spool and exits
   1, saying which URL and server it could not reach and how (connection refused; a
   server that takes TCP connections and says nothing: the handshake fails); the next publisher on that spool (another capture) sends them first: host delta
   replays as the first capture.

Skips (exit 0 with a message) without nats-server, ../shared/conformance/traces or a scry
built with NATS.
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
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'pylib'))
import scrytest as st  # noqa: E402  (run, require, Daemon: test/pylib/scrytest.py)
from scrytest import free_port, TRACES  # noqa: E402
sys.path.insert(0, os.path.join(st.ROOT, 'bench'))
from benchlib import build_shifted, read_capture, split_blocks  # noqa: E402

# host: (capture, copies of its events): ~5.4 and ~3.6 MB of events, so that each part
# is well beyond what the reader buffers ahead (it reads its input 128 KiB at a time)
HOSTS = {'alpha': ('curl_google.scap', 60), 'beta': ('connect_localhost.scap', 160)}
PARTS = 5
CHUNK_EVENTS = 500
WAIT = int(os.environ.get('NATS_TEST_WAIT', '120'))              # s: the longest any condition below may take


DIAG = []  # what a timeout prints: (name, directory) of each spool


def wait_for(what, cond, timeout=WAIT):
    """COND()'s value once true; the test fails (and ends) after TIMEOUT s."""
    v = st.wait_for(cond, what, limit=timeout, interval=0.1)
    if not v:
        for name, d in DIAG:
            print('nats_cluster_test: spool %s: %s' % (name, sorted(os.listdir(d)) if os.path.isdir(d) else '(none)'))
        st.require(False, 'timed out waiting for ' + what)
    return v


class Node:
    def __init__(self, d, i, ports):
        self.name = 'n%d' % i
        self.port, self.route, self.http = ports[i]
        self.dir = os.path.join(d, self.name)
        os.makedirs(self.dir, exist_ok=True)
        routes = ', '.join('nats-route://127.0.0.1:%d' % p[1] for j, p in enumerate(ports) if j != i)
        self.conf = os.path.join(d, self.name + '.conf')
        with open(self.conf, 'w') as f:
            f.write('server_name: %s\nlisten: 127.0.0.1:%d\nhttp: 127.0.0.1:%d\n'
                    'jetstream { store_dir: "%s" }\n'
                    'cluster { name: scry\n listen: 127.0.0.1:%d\n routes: [%s] }\n'
                    % (self.name, self.port, self.http, self.dir, self.route, routes))
        self.proc = None
        self.log = os.path.join(d, self.name + '.log')

    def start(self):
        self.proc = st.Daemon(['nats-server', '-c', self.conf, '-l', self.log])

    def stop(self, sig=signal.SIGTERM):
        if self.proc:
            self.proc.stop(sig, timeout=WAIT)
        self.proc = None

    def get(self, path):
        try:
            with urllib.request.urlopen('http://127.0.0.1:%d%s' % (self.http, path), timeout=5) as r:
                return r.status, json.loads(r.read() or b'{}')
        except Exception:  # noqa: BLE001 - not up yet, or not healthy: both mean "not ready"
            return None, None

    def healthy(self):
        return self.get('/healthz')[0] == 200

    def connections(self):
        st, body = self.get('/connz')
        return body.get('num_connections', 0) if st == 200 else 0


def spool_chunks(d):
    return sorted(f for f in os.listdir(d) if f.startswith('capture-') and not f.endswith('.part')) \
        if os.path.isdir(d) else []


def chunks_made(d):
    try:
        with open(os.path.join(d, 'capture.seq')) as f:
            # a spool's run of sequence numbers starts at ms << 20 (scap_stream.h)
            return int(f.read()) & ((1 << 20) - 1)
    except (OSError, ValueError):
        return 0


def run(cmd):
    """(exit status, stdout bytes, stderr) of CMD."""
    r = st.run(cmd, text=False)
    return r.rc, r.out, r.err.decode(errors='replace')


def main():
    ap = argparse.ArgumentParser()
    st.tool_args(ap, 'scry')
    ap.add_argument('--outage', type=float, default=30)
    a = ap.parse_args()
    scry = os.path.abspath(a.scry)
    if not shutil.which('nats-server'):
        return st.skip('nats_cluster_test', 'no nats-server (scripts/setup.sh installs it)')
    if not os.path.isdir(TRACES):
        return st.skip('nats_cluster_test', 'no ../shared/conformance/traces')
    if 'nats' not in run([scry, '--help'])[1].decode():
        return st.skip('nats_cluster_test', 'scry is built without NATS (libnats-dev)')

    d = tempfile.mkdtemp(prefix='scry-nats-')
    ports = [(free_port(), free_port(), free_port()) for _ in range(3)]
    nodes = [Node(d, i, ports) for i in range(3)]
    pubs = {}
    try:
        for n in nodes:
            n.start()
        wait_for('the cluster', lambda: all(n.healthy() for n in nodes))
        servers = ','.join('127.0.0.1:%d' % n.port for n in nodes)
        base = 'nats://%s/SCRY' % servers
        src, data, spool, cuts = {}, {}, {}, {}
        for h, (t, copies) in HOSTS.items():
            src[h] = os.path.join(d, h + '.scap')
            build_shifted(os.path.join(TRACES, t), src[h], copies, 1_000_000_000)
            with open(src[h], 'rb') as f:
                data[h] = f.read()
            # the parts cut the events; the header blocks (state) go whole with part 1
            hdr = len(split_blocks(read_capture(src[h]))[0])
            cuts[h] = [0] + [hdr + (len(data[h]) - hdr) * k // PARTS for k in range(1, PARTS + 1)]
            spool[h] = os.path.join(d, 'spool-' + h)
            DIAG.append((h, spool[h]))
            pubs[h] = subprocess.Popen(
                [scry, '-r', '-', '-w', '%s?host=%s&replicas=3' % (base, h), '--spool-dir', spool[h],
                 '--chunk-events', str(CHUNK_EVENTS), '--publish-wait', str(WAIT * 2)],
                stdin=subprocess.PIPE, stderr=subprocess.PIPE)

        def feed(k):
            for h, p in pubs.items():
                p.stdin.write(data[h][cuts[h][k]:cuts[h][k + 1]])
                p.stdin.flush()

        def all_acked(after):
            return all(chunks_made(spool[h]) > after[h] and not spool_chunks(spool[h]) for h in pubs)

        def made():
            return {h: chunks_made(spool[h]) for h in pubs}

        # part 1: all up
        m = made()
        feed(0)
        wait_for('part 1 acknowledged', lambda: all_acked(m))
        # part 2: the node alpha's publisher talks to is killed while it publishes
        victim = max(nodes, key=lambda n: n.connections())
        m = made()
        feed(1)
        victim.stop(signal.SIGKILL)
        print('nats_cluster_test: killed %s (%d chunks made so far)' % (victim.name, sum(m.values())))
        wait_for('part 2 acknowledged by two nodes', lambda: all_acked(m))
        # a reader while the node is down, through one node that is up: JetStream may be
        # electing leaders (its API times out): the reader asks again, not fails
        live = next(n for n in nodes if n is not victim)
        for _ in range(3):
            rc, out, e = run([scry, '-r', 'nats://127.0.0.1:%d/SCRY?host=alpha' % live.port])
            st.check(rc == 0 and out.count(b'\n') > 0 and not e,
                     'read with %s down, through %s: exit %d, %d lines'
                     % (victim.name, live.name, rc, out.count(b'\n')), e)
        victim.start()
        wait_for(victim.name + ' back', victim.healthy)
        # part 3: all up again
        m = made()
        feed(2)
        wait_for('part 3 acknowledged', lambda: all_acked(m))
        # part 4: the whole cluster is down, the spools hold what is published
        for n in nodes:
            n.stop()
        m = made()
        feed(3)
        held = wait_for('part 4 in the spools',
                        lambda: all(chunks_made(spool[h]) > m[h] and spool_chunks(spool[h]) for h in pubs)
                        and {h: len(spool_chunks(spool[h])) for h in pubs})
        print('nats_cluster_test: cluster down; spools hold %s chunks' % held)
        time.sleep(a.outage)  # the outage itself (not a readiness wait)
        for n in nodes:
            n.start()
        wait_for('the cluster back', lambda: all(n.healthy() for n in nodes))
        # part 5, then the end of the input
        feed(4)
        for h, p in pubs.items():
            p.stdin.close()
        for h, p in pubs.items():
            rc = p.wait(timeout=WAIT * 3)
            err = p.stderr.read().decode(errors='replace')
            print('nats_cluster_test: publisher %s: %s' % (h, err.strip()))
            st.require(rc == 0 and ' 0 dropped' in err and ' 0 left' in err,
                       'publisher %s: exit %d, none dropped, none left' % (h, rc))
        pubs = {}

        # what the bus holds, host by host, is what the sources hold
        total = 0
        for h in HOSTS:
            rc1, want, e1 = run([scry, '-r', src[h]])
            rc2, got, e2 = run([scry, '-r', '%s?host=%s' % (base, h)])
            st.require(not (rc1 or rc2), '%s: scry -r of the source and of the bus: exit %d %d'
                       % (h, rc1, rc2), e1 + e2)
            gl, wl = got.splitlines(), want.splitlines()
            diff = st.first_difference(gl, wl)
            st.require(not diff, '%s: %d lines from the bus, %d from the source: identical'
                       % (h, len(gl), len(wl)), diff and 'first difference at line %d:\n  bus:    %s\n'
                       '  source: %s' % (diff[0], diff[1] or '(end)', diff[2] or '(end)'))
            total += len(want.splitlines())
        # both hosts at once: every event of each, merged by time, named by evt.host
        fmt = ['-p', '%evt.host %evt.rawtime']
        rc, both, e = run([scry, '-r', '%s?host=alpha,beta' % base] + fmt)
        lines = [l.split() for l in both.decode().splitlines()]
        per = {h: sum(1 for l in lines if l[0] == h) for h in HOSTS}
        want = {h: len(run([scry, '-r', src[h], '-p', '%evt.rawtime'])[1].splitlines()) for h in HOSTS}
        ts = [int(l[1]) for l in lines]
        st.require(not rc and per == want and len(lines) == sum(want.values()) and ts == sorted(ts),
                   'host=alpha,beta: exit %d, %d events (%s by evt.host, %s wanted), %s'
                   % (rc, len(lines), per, want,
                      'in time order' if ts == sorted(ts) else 'NOT in time order'))
        # a misspelt host: an error naming it and the hosts the bus has, for a capture
        # reader and a fetch alike (no empty output)
        for extra in ([], ['--fetch', 'alerts']):
            url = '%s?host=alpha,btea' % base
            rc, out, e = run([scry, '-r', url] + extra)
            want = "scry: %s: no message of host 'btea' on the bus (the hosts on it: alpha, beta)\n" % url
            st.require(rc == 1 and not out and e == want,
                       'host=alpha,btea%s: exit 1 (%d), no output (%d bytes), %r'
                       % (' --fetch alerts' if extra else '', rc, len(out), want), e)
        # a stream that is not on the bus: an error naming it (no output)
        nostream = base[:base.rindex('/') + 1] + 'NOSUCH'
        rc, out, e = run([scry, '-r', nostream + '?host=alpha'])
        want = 'no stream "NOSUCH"'
        st.require(rc == 1 and not out and want in e,
                   'stream NOSUCH: exit 1 (%d), no output (%d bytes), an error naming it'
                   % (rc, len(out)), e)
        # alerts of a rules run on the bus, as JSON: what scry -j --rules prints
        rules = os.path.join(d, 'rules.yaml')
        with open(rules, 'w') as f:
            f.write('- rule: connect seen\n  desc: a connect\n  condition: evt.type=connect and evt.dir=<\n'
                    '  output: "connect (fd=%fd.name proc=%proc.name)"\n  priority: NOTICE\n')
        rc, _, e = run([scry, '-r', src['beta'], '--rules', rules, '-w', '%s?host=beta' % base,
                        '--spool-dir', os.path.join(d, 'spool-alerts')])
        rc2, want, _ = run([scry, '-r', src['beta'], '--rules', rules, '-j'])
        # published, they name the host they are published as (?host=beta)
        want = re.sub(rb'"hostname":"[^"]*"', b'"hostname":"beta"', want)
        rc3, got, e3 = run([scry, '-r', '%s?host=beta' % base, '--fetch', 'alerts'])
        st.require(not (rc or rc2 or rc3) and got == want and want,
                   'alerts: %d on the bus, %d as scry -j --rules prints them (exit %d %d %d)'
                   % (len(got.splitlines()), len(want.splitlines()), rc, rc2, rc3), e + e3)
        # the agent: scryd --replay with its bus sink, capture and alerts
        scryd = os.path.join(os.path.dirname(scry), 'scryd')
        if os.access(scryd, os.X_OK):
            conf = os.path.join(d, 'scryd.yaml')
            with open(conf, 'w') as f:
                f.write('rules: [%s]\noutputs:\n  stdout:\n    enabled: true\n    format: json\n'
                        'bus:\n  enabled: true\n  url: %s?host=gamma\n  spool_dir: %s\n'
                        '  chunk_events: 700\n'
                        # not under test; its port may be taken by an agent of the host
                        'prometheus:\n  enabled: false\n'
                        'log:\n  target: stderr\n'
                        % (rules, base, os.path.join(d, 'spool-gamma')))
            rc, printed, e = run([scryd, '-c', conf, '--replay', src['beta']])
            rc2, cap, _ = run([scry, '-r', '%s?host=gamma' % base])
            rc3, got, e3 = run([scry, '-r', '%s?host=gamma' % base, '--fetch', 'alerts'])
            want_cap = run([scry, '-r', src['beta']])[1]
            st.require(not (rc or rc2 or rc3) and cap == want_cap and got == printed and printed,
                       'scryd: capture %s the source (%d lines), %d alerts fetched, %d '
                       'printed (exit %d %d %d)' % ('identical to' if cap == want_cap else
                                                    'differs from', len(cap.splitlines()),
                                                    len(got.splitlines()), len(printed.splitlines()),
                                                    rc, rc2, rc3), e + e3)
            print('nats_cluster_test: scryd: %s' % [l for l in e.splitlines() if 'bus:' in l][-1])
            # bus.metrics (default on) publishes snapshots though metrics.outputs names
            # none; alerts and snapshots name the host the agent publishes as
            rc4, mets, e4 = run([scry, '-r', '%s?host=gamma' % base, '--fetch', 'metrics'])
            snaps = [json.loads(l) for l in mets.splitlines()]
            names = {a['hostname'] for a in map(json.loads, got.splitlines())}
            st.check(rc4 == 0 and snaps and all(m.get('type') == 'metrics' and
                                                m.get('hostname') == 'gamma' for m in snaps)
                     and names == {'gamma'},
                     'scryd: %d metrics snapshots on the bus with no metrics output, '
                     'snapshots and alerts naming gamma (%s)' % (len(snaps), sorted(names)), e4)
        # a publisher that could not reach the bus leaves its chunks in the spool; the next
        # one on that spool sends them first and goes on with the next sequence numbers
        first = os.path.join(TRACES, 'sample.scap')
        sd = os.path.join(d, 'spool-delta')
        nobus = 'nats://127.0.0.1:%d/SCRY?host=delta' % free_port()
        rc, _, e = run([scry, '-r', first, '-w', nobus,
                        '--spool-dir', sd, '--chunk-events', '40', '--publish-wait', '1'])
        left = len(spool_chunks(sd))
        # ... and says where and what failed: the URL, the server, not connected, and
        # the server's TCP outcome (libnats keeps none of it)
        server = nobus[len('nats://'):].split('/')[0]
        why = 'scry: %s: the bus did not take every message in 1 s (%d left in the spool): ' \
              'nats %s: not connected: ' % (nobus, left, server)
        st.require(why in e and ('%s: Connection refused' % server) in e.split(why)[-1],
                   'no bus: the message names the URL, the server and the refused '
                   'connection: %r' % e.strip().splitlines()[0], e)
        # a server that takes TCP connections and says nothing (a listening socket that
        # never accepts), beside a closed port: each named with what it did
        mute = socket.socket()
        mute.bind(('127.0.0.1', 0))
        mute.listen(8)
        mute_addr = '127.0.0.1:%d' % mute.getsockname()[1]
        two = 'nats://%s,%s/SCRY?host=delta' % (server, mute_addr)
        _, _, e4 = run([scry, '-r', first, '-w', two, '--spool-dir', os.path.join(d, 'spool-mute'),
                        '--chunk-events', '40', '--publish-wait', '3'])
        mute.close()
        # a wait of more than 1 s is said first, then why it failed
        st.check(e4.startswith('scry: %s: waiting up to 2 s (--publish-wait) for the bus to take '
                               % two), 'no bus: the wait is said', e4)
        line = next((l for l in e4.splitlines() if 'the bus did not take' in l), '')
        st.require(line.startswith('scry: %s: the bus did not take every message' % two) and
                   line.endswith('%s: Connection refused; %s: TCP connects, the handshake fails'
                                 % (server, mute_addr)),
                   'no bus: one line, each server\'s outcome: %r' % line, e4)
        rc2, _, e2 = run([scry, '-r', os.path.join(TRACES, 'empty.scap'), '-w', '%s?host=delta' % base,
                          '--spool-dir', sd, '--chunk-events', '40'])
        got, want = run([scry, '-r', '%s?host=delta' % base])[1], run([scry, '-r', first])[1]
        st.require(rc == 1 and left and not rc2 and got == want and ' 0 left' in e2,
                   'restart: %d chunks left by a publisher that found no bus (exit %d), sent by the '
                   'next one (exit %d); replay %s the source (%d lines)'
                   % (left, rc, rc2, 'identical to' if got == want else 'differs from',
                      len(want.splitlines())), e + e2)
        return st.finish('nats_cluster_test')
    finally:
        for p in pubs.values():
            if p.poll() is None:
                os.kill(p.pid, signal.SIGKILL)
                p.wait()
        for n in nodes:
            n.stop()
        shutil.rmtree(d, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())

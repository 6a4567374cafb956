#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""test/stream/nats_restart_test.py: a process started while the publisher was down is
named on replay (the state of each later chunk is read: libscap/stream/engine.c).

    test/stream/nats_restart_test.py [--scry build/bin/scry]

1. From curl_google (../shared/conformance/traces), where curl (17497) clones a thread
   (17498) half-way: PART1, its events up to before the clone (`scry -r -n`), and PART2,
   a file that starts with the state after the new thread's first event (the second
   chunk of a publisher that found no bus, left in its spool): the clone and the new
   thread's first events are in neither, as if the publisher had been down then.
2. One nats-server (JetStream) on 127.0.0.1. Host web: a publisher of PART1, then
   another one (restarted, same spool, so that it goes on with the next sequence
   numbers) of PART2. Host gap: the same, with three sequence numbers skipped between
   the two (as a full spool drops its oldest chunks: the reader gives up the gap).
   Host respool: PART1 and PART2 from two spool directories (a new run of sequence
   numbers: the bus must not drop PART2's chunks as copies of PART1's ids).
   Host twin: the whole capture by one publisher.
3. `scry -r nats://...?host=web` (and gap, respool) prints exactly what `scry -r PART1` and
   `scry -r PART2` print one after the other (thread, process, name, exe, parent, type):
   the new thread's events name their process (curl, pid 17497), which the events
   before them cannot tell; `host=web,twin` prints the same for web and twin's own
   capture for twin.
4. Alerts of a merge name their host; `| head -1` ends scry by SIGPIPE, quietly; a
   misspelt URL option is refused.

Skips (exit 77) without nats-server, ../shared/conformance/traces or a scry built with
NATS.
"""
import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'pylib'))
import scrytest as st  # noqa: E402  (test/pylib/scrytest.py)
from scrytest import free_port, TRACES  # noqa: E402

NAME = 'nats_restart_test'
FMT = '*%thread.tid %proc.pid %proc.name %proc.exe %proc.ppid %evt.type %evt.dir %evt.rawtime'
WAIT = 120  # s: the longest the server may take to listen


def lines(scry, src, *extra):
    r = st.run([scry, '-r', src] + list(extra), check=True)
    return r.out.splitlines()


def publish(scry, src, url, spool):
    r = st.run([scry, '-r', src, '-w', url, '--spool-dir', spool, '--chunk-events', '100',
                '--publish-wait', str(WAIT)])
    st.require(r.rc == 0 and ' 0 dropped' in r.err and ' 0 left' in r.err,
               'publish %s to %s: exit 0, nothing dropped or left' % (os.path.basename(src), url),
               r.err)


def main():
    ap = argparse.ArgumentParser()
    st.tool_args(ap, 'scry')
    a = ap.parse_args()
    scry = os.path.abspath(a.scry)
    trace = os.path.join(TRACES, 'curl_google.scap')
    if not shutil.which('nats-server'):
        return st.skip(NAME, 'no nats-server (scripts/setup.sh installs it)', 77)
    if not os.path.isfile(trace):
        return st.skip(NAME, 'no ../shared/conformance/traces', 77)
    if 'nats' not in st.run([scry, '--help']).out:
        return st.skip(NAME, 'scry is built without NATS (libnats-dev)', 77)

    d = tempfile.mkdtemp(prefix='scry-nats-restart-')
    server = None
    try:
        # the new thread: its first event is the child's return of a clone
        ev = [l.split() for l in lines(scry, trace, '-p', '*%evt.num %thread.tid %evt.type %evt.dir %evt.rawres')]
        first = {}
        for i, (num, tid, typ, dr, res) in enumerate(ev):
            first.setdefault(tid, (i, int(num), typ, dr, res))
        child = [t for t, f in first.items() if f[2] == 'clone' and f[3] == '<' and f[4] == '0']
        st.require(len(child) == 1, 'curl_google: one thread starts with a clone', first)
        child = child[0]
        clone = next(i for i, e in enumerate(ev) if e[2] == 'clone' and e[3] == '>')
        # PART1: the events before the clone; PART2: from 10 events after the child's first
        part1, part2 = os.path.join(d, 'part1.scap'), os.path.join(d, 'part2.scap')
        st.run([scry, '-r', trace, '-w', part1, '-n', str(clone)], check=True)
        cut = os.path.join(d, 'cut')
        r = st.run([scry, '-r', trace, '-w', 'nats://127.0.0.1:%d/CUT?host=cut' % free_port(),
                    '--spool-dir', cut, '--chunk-events', str(first[child][1] + 10),
                    '--publish-wait', '1'])
        chunks = sorted(f for f in os.listdir(cut) if f.startswith('capture-'))
        st.require(r.rc == 1 and len(chunks) == 2, 'no bus: two chunks left in the spool', r.err)
        shutil.copy(os.path.join(cut, chunks[1]), part2)
        p1, p2 = lines(scry, part1, '-p', FMT), lines(scry, part2, '-p', FMT)
        born = int(lines(scry, trace, '-p', '%evt.rawtime')[first[child][0]])
        new = [l for l in p2 if l.split()[0] == child]
        st.require(len(p1) == clone and child not in {l.split()[0] for l in p1} and new and
                   all(int(l.split()[-1]) > born for l in new),
                   'part 1 (%d events) ends before the clone, part 2 (%d events) holds %d '
                   'events of thread %s, all after its first' % (len(p1), len(p2), len(new), child))

        port = free_port()
        server = st.Daemon(['nats-server', '-a', '127.0.0.1', '-p', port, '-js', '-sd',
                            os.path.join(d, 'js')], log=os.path.join(d, 'nats.log'))
        st.wait_port(port, limit=WAIT, what='nats-server')
        base = 'nats://127.0.0.1:%d/SCRY' % port
        for host, skip in (('web', 0), ('gap', 3)):
            spool = os.path.join(d, 'spool-' + host)
            publish(scry, part1, '%s?host=%s' % (base, host), spool)
            if skip:
                # the chunks a full spool dropped: their sequence numbers never reach the bus
                seqf = os.path.join(spool, 'capture.seq')
                with open(seqf) as f:
                    nxt = int(f.read())
                with open(seqf, 'w') as f:
                    f.write('%020d' % (nxt + skip))
            publish(scry, part2, '%s?host=%s' % (base, host), spool)
        publish(scry, trace, '%s?host=twin' % base, os.path.join(d, 'spool-twin'))
        # the same host from a new spool (another directory, a wiped one): a new run of
        # sequence numbers, not ids the bus already has (it would drop them as copies)
        publish(scry, part1, '%s?host=respool' % base, os.path.join(d, 'spool-respool-a'))
        publish(scry, part2, '%s?host=respool' % base, os.path.join(d, 'spool-respool-b'))

        want = p1 + p2
        for host in ('web', 'gap', 'respool'):
            got = lines(scry, '%s?host=%s' % (base, host), '-p', FMT)
            diff = st.first_difference(got, want)
            named = [l.split() for l in got if l.split()[0] == child]
            st.check(not diff, '%s: %d events from the bus, those of part 1 then part 2 (%d)'
                     % (host, len(got), len(want)),
                     diff and 'first difference at line %d:\n  bus:   %s\n  parts: %s' % diff)
            st.check(len(named) == len(new) and
                     all(n[1:5] == ['17497', 'curl', 'curl', '3200'] for n in named),
                     '%s: the %d events of thread %s started while nothing was published '
                     'are of curl (pid 17497, exe curl, parent 3200): %s' %
                     (host, len(new), child, sorted({' '.join(n[1:5]) for n in named})))
        # two hosts merged: each host's own threads
        got = lines(scry, '%s?host=web,twin' % base, '-p', '*%evt.host ' + FMT[1:])
        per = {h: [l.split(' ', 1)[1] for l in got if l.split(' ', 1)[0] == h] for h in ('web', 'twin')}
        whole = lines(scry, trace, '-p', FMT)
        st.check(sorted(per['web']) == sorted(want) and sorted(per['twin']) == sorted(whole)
                 and len(got) == len(want) + len(whole),
                 'host=web,twin: web %d events as its parts, twin %d as the capture'
                 % (len(per['web']), len(per['twin'])))
        # two hosts whose names map to one subject token (twin.x, twin_x): each reads
        # back its own (the message ids keep the names apart)
        publish(scry, part1, '%s?host=twin_x' % base, os.path.join(d, 'spool-twin_x'))
        publish(scry, trace, '%s?host=twin.x' % base, os.path.join(d, 'spool-twin.x'))
        got_x = lines(scry, '%s?host=twin_x' % base, '-p', FMT)
        got_dot = lines(scry, '%s?host=twin.x' % base, '-p', FMT)
        st.check(got_x == p1 and got_dot == whole,
                 'twin_x and twin.x share a subject: %d and %d events, their own (%d, %d)'
                 % (len(got_x), len(got_dot), len(p1), len(whole)))
        # alerts of a merge name the host each event came from (Falco's "hostname")
        rules = os.path.join(d, 'rules.yaml')
        with open(rules, 'w') as f:
            f.write('- rule: Curl runs\n  desc: curl starts\n  condition: evt.type=execve and '
                    'evt.dir=< and proc.name=curl\n  output: curl (%proc.cmdline)\n'
                    '  priority: WARNING\n')
        r = st.run([scry, '-r', '%s?host=web,twin' % base, '--rules', rules, '-j'])
        names = sorted(json.loads(l)['hostname'] for l in r.out.splitlines() if l.startswith('{'))
        st.check(r.rc == 0 and names == ['twin', 'web'],
                 'host=web,twin --rules -j: one alert of each host, named by it: %s' % names, r.err)
        # a reader that stops reading (| head -1) ends scry by SIGPIPE, without a word,
        # as reading a file does (libnats ignores SIGPIPE: scry raises it on EPIPE)
        for src in ('%s?host=twin' % base, trace):
            p = subprocess.Popen([scry, '-r', src], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE)
            first_line = p.stdout.readline()
            p.stdout.close()
            err = p.stderr.read().decode(errors='replace')
            p.wait()
            st.check(first_line and p.returncode == -signal.SIGPIPE and not err,
                     '%s | head -1: ended by SIGPIPE (%s), nothing on stderr'
                     % (src.split('?')[0], p.returncode), err)
        # no bus at the URL: the wait for it is said; Ctrl-C ends it, the spool keeps all
        spool = os.path.join(d, 'spool-nobus')
        nobus = 'nats://127.0.0.1:%d/SCRY?host=nobus' % free_port()
        p = subprocess.Popen([scry, '-r', trace, '-w', nobus, '--spool-dir', spool,
                              '--publish-wait', '3600'], stderr=subprocess.PIPE, text=True)
        said = p.stderr.readline()
        p.send_signal(signal.SIGINT)
        try:
            rest = p.communicate(timeout=120)[1]
        except subprocess.TimeoutExpired:
            p.kill()
            rest = p.communicate()[1]
        kept = [f for f in os.listdir(spool) if f.startswith('capture-')]
        st.check(said.startswith('scry: %s: waiting up to 3599 s (--publish-wait) for the bus '
                                 'to take 1 messages' % nobus) and p.returncode == 1 and
                 ' 1 left' in rest and len(kept) == 1,
                 'no bus: the wait said, SIGINT ends it (exit %s), the chunk kept in the spool'
                 % p.returncode, said + rest)
        # a misspelt URL option is refused, not taken for the default
        r = st.run([scry, '-r', '%s?host=web&replica=3' % base])
        st.check(r.rc == 1 and '?replica= is not an option here (it takes: host, since, replicas)' in r.err,
                 'reading with ?replica=: refused, naming the keys a reader takes', r.err)
        r = st.run([scry, '-r', part1, '-w', '%s?host=web&replica=3' % base,
                    '--spool-dir', os.path.join(d, 'spool-typo')])
        st.check(r.rc == 1 and '?replica= is not an option here (it takes: host, replicas)'
                 in r.err and r.err.count(base) == 1,
                 'publishing with ?replica=: refused, the URL named once', r.err)
        return st.finish(NAME)
    finally:
        if server:
            server.stop()
        shutil.rmtree(d, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())

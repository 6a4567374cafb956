#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""test/write_roundtrip.py: scry -w against scry and sysdig 0.29.3 (scripts/test.sh runs it).

    test/write_roundtrip.py [--scry build/bin/scry]

1. Round trip: for every capture T in ../shared/conformance/traces, `scry -r T -w O`, then
   `scry -r O` must print exactly what `scry -r T` prints, and `sysdig -r O` exactly what
   `sysdig -r T` prints (default output, and a -p format of proc/fd/user fields); also
   with -z.
2. Filtered re-write: `scry -r T -w O proc.name=curl`; `X -r O -p FMT` must print what
   `X -r T -p FMT proc.name=curl` prints, for X in scry and sysdig, FMT being proc.*, fd.*
   and event fields (not evt.num: a re-written file numbers its own events, as sysdig's
   filtered writes do).
3. Rotation -C 1 -W 3 over a capture of ~8 MB: exactly the 3 files sysdig leaves
   (same names), each replaying on its own (scry and sysdig agree on it) and each a
   contiguous slice of the whole capture's output with full process/fd context.
4. -G 1 over a capture whose copies are one second apart: the same file names as sysdig,
   each replaying on its own.
5. Container records (a synthetic capture built with scripts/mkcapture.py's blocks, as no
   shared capture has container events): docker containers "web" (its container event
   first) and "db" (its event a third of the way in, its process silent before), ~4 s and
   ~3 MB of events. web's event is the capture's container table (not shown); db's is
   shown as sysdig 0.29.3 shows it (an event of a thread "container:ID"): scry prints
   what sysdig prints for the capture (default output, -p, -j, -n, -S, -D, filters).
   Re-written with -C 1 and with -G 1, every file holds exactly one container event of
   each container known by then (the table each file starts with; no duplicate of the
   stream's own event) and replays alone with the container names the original shows on
   the same events (a contiguous slice of `scry -r` of the original, no <NA>); sysdig
   0.29.3 prints what scry prints for each file. Filtered re-writes replay as the
   filtered input (db's event not shown when it opens the new file: it is then its
   container table), in scry and in sysdig. With -C 1 -W 2, the two files left hold both
   containers once each.
6. SIGKILL while writing (-z): the file holds whole gzip members (each a run of whole
   blocks), so its events replay to a clean end in scry and sysdig, as a prefix of the
   input's; cut inside a member (a kill during a write(2)), the complete events before
   the cut replay and the end is reported as truncated, no crash. An unwritable path
   and a full device are clear errors.

Skips (exit 0 with a message) when ../shared/conformance/traces is absent; the sysdig
comparisons are skipped with a message when sysdig is not installed.
"""
import argparse
import fcntl
import os
import shutil
import signal
import struct
import subprocess
import sys
import termios
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'pylib'))
import scrytest as st  # noqa: E402  (run, check, tmpdir: test/pylib/scrytest.py)
from scrytest import check, TRACES  # noqa: E402
sys.path.insert(0, os.path.join(st.ROOT, 'bench'))
import benchlib  # noqa: E402  (capture building shared with the benchmarks)

FIELDS = ('%proc.name %proc.exepath %proc.cmdline %proc.pname %proc.cwd %user.name %thread.tid '
          '%fd.name %fd.type %fd.num %evt.type %evt.dir %evt.info')


def run(cmd, **kw):
    """CMD's Result, its output as bytes."""
    return st.run(cmd, text=False, **kw)


def wait_stalled(p, limit_s=120):
    """Wait until @p has read all that was written to its stdin (a pipe: FIONREAD says
    0 bytes are left in it) and waits for more (blocked in read() of that pipe, under
    whatever fd: /proc/PID/syscall): everything before the stall has gone through its
    writer. Polled; the limit only ends a broken run. Return whether it got there."""
    pipe = 'pipe:[%d]' % os.fstat(p.stdin.fileno()).st_ino
    deadline = time.monotonic() + limit_s
    while p.poll() is None and time.monotonic() < deadline:
        left = struct.unpack('i', fcntl.ioctl(p.stdin.fileno(), termios.FIONREAD, b'\0' * 4))[0]
        try:
            with open('/proc/%d/syscall' % p.pid) as f:
                sc = f.read().split()
            reading = (len(sc) > 1 and sc[0] == '0' and
                       os.readlink('/proc/%d/fd/%d' % (p.pid, int(sc[1], 16))) == pipe)
        except (OSError, ValueError):
            reading = False
        if left == 0 and reading:
            return True
        time.sleep(0.01)
    return False


def same_output(tool, a_args, b_args, what):
    a, b = run([tool] + a_args), run([tool] + b_args)
    ok = a.stdout == b.stdout and a.returncode == b.returncode
    if not ok:
        la, lb = a.stdout.splitlines(), b.stdout.splitlines()
        d = st.first_difference(la, lb)
        if d and d[1] is not None and d[2] is not None:
            print('  line %d:\n  %s\n  %s' % (d[0], d[1][:160], d[2][:160]))
        else:
            print('  %d vs %d lines, exit %d vs %d %s' % (len(la), len(lb), a.returncode,
                                                          b.returncode, b.stderr[:200]))
    check(ok, what)


def shifted_capture(trace, out, copies, step_ns):
    """Repeat the events of @trace @copies times, copy i shifted by i * step_ns."""
    header, events = benchlib.split_blocks(benchlib.read_capture(trace))
    with open(out, 'wb') as f:
        f.write(header)
        for i in range(copies):
            for blk in events:
                btype = struct.unpack_from('<I', blk, 0)[0]
                off = 8 + 2 + (4 if btype in (0x208, 0x217, 0x222) else 0)
                ts = struct.unpack_from('<Q', blk, off)[0]
                b = bytearray(blk)
                struct.pack_into('<Q', b, off, ts + i * step_ns)
                f.write(b)


# ---- container records -------------------------------------------------------------------

CT_FMT = '*%evt.time %proc.name %thread.tid %container.id %container.name %evt.type %evt.dir'
CT_A = 'a1b2c3d4e5f6' + '0' * 52
CT_B = 'b1b2c3d4e5f6' + '1' * 52
EVT_CONTAINER_JSON_E = 272
EVT_CONTAINER_E = 228          # the older, fixed-parameter container event


def container_json(cid, name, image):
    return ('{"container":{"id":"%s","type":0,"name":"%s","image":"%s","full_id":"%s",'
            '"privileged":false,"Mounts":[],"labels":{"app":"%s"}}}'
            % (cid[:12], name, image, cid, name)).encode() + b'\0'


def container_capture(out, nevents, span_ns):
    """bash on the host, nginx (tid 2001) in docker container web, psql (3001) in db; web's
    container event at the start (ts 0, tid -1, as the table of a file), db's at a third
    of the way in (the stream's own, at that time); then read exits of 100 bytes by the
    three in turn (psql only after db's event), over span_ns of time."""
    mk = st.mkcapture()
    procs = (mk.proc(1000, 1, 'bash', '/bin/bash', ['-bash'], 1000) +
             mk.proc(2001, 1, 'nginx', '/usr/sbin/nginx', ['nginx'], 0, '/docker/' + CT_A) +
             mk.proc(3001, 1, 'psql', '/usr/bin/psql', ['psql'], 0, '/docker/' + CT_B))
    blocks = [mk.shb(), mk.machine_info(), mk.iface_list(), mk.user_list(),
              mk.block(mk.BT_PL_V5, procs),
              mk.event(0, (1 << 64) - 1, EVT_CONTAINER_JSON_E, [container_json(CT_A, 'web', 'nginx:1.25')])]
    buf = b'x' * 100
    b_at = nevents // 3
    for i in range(nevents):
        ts = mk.T0 + i * span_ns // nevents
        if i == b_at:
            blocks.append(mk.event(ts, (1 << 64) - 1, EVT_CONTAINER_JSON_E,
                                   [container_json(CT_B, 'db', 'postgres:16')]))
        tid = (1000, 2001, 3001)[i % 3]
        if tid == 3001 and i < b_at:
            tid = 2001
        blocks.append(mk.event(ts, tid, mk.EVT_READ_X, [mk.i64(100), buf]))
    with open(out, 'wb') as f:
        f.write(b''.join(blocks))


def mixed_capture(out):
    """web's event as the table, then bash reads, db's JSON event, psql reads, db's
    fixed-parameter event (id, type, name, image), bash reads."""
    mk = st.mkcapture()
    procs = (mk.proc(1000, 1, 'bash', '/bin/bash', ['-bash'], 1000) +
             mk.proc(3001, 1, 'psql', '/usr/bin/psql', ['psql'], 0, '/docker/' + CT_B))
    read = [mk.i64(100), b'x' * 100]
    old = [CT_B[:12].encode() + b'\0', mk.u32(0), b'db\0', b'postgres:16\0']
    blocks = [mk.shb(), mk.machine_info(), mk.iface_list(), mk.user_list(),
              mk.block(mk.BT_PL_V5, procs),
              mk.event(0, (1 << 64) - 1, EVT_CONTAINER_JSON_E, [container_json(CT_A, 'web', 'nginx:1.25')]),
              mk.event(mk.T0, 1000, mk.EVT_READ_X, read),
              mk.event(mk.T0 + 10, (1 << 64) - 1, EVT_CONTAINER_JSON_E, [container_json(CT_B, 'db', 'postgres:16')]),
              mk.event(mk.T0 + 20, 3001, mk.EVT_READ_X, read),
              mk.event(mk.T0 + 30, (1 << 64) - 1, EVT_CONTAINER_E, old),
              mk.event(mk.T0 + 40, 1000, mk.EVT_READ_X, read)]
    with open(out, 'wb') as f:
        f.write(b''.join(blocks))


def container_events(path):
    """Container ids of the container events of a capture, in file order."""
    data = benchlib.read_capture(path)
    off, ids = 0, []
    while off + 12 <= len(data):
        btype, blen = struct.unpack_from('<II', data, off)
        if btype in benchlib.EVENT_BLOCKS:
            blk = data[off:off + blen]
            t = benchlib.event_ts_offset(blk)
            etype, nparams = struct.unpack_from('<HI', blk, t + 20)
            if etype == EVT_CONTAINER_JSON_E:
                json = blk[t + 26 + 2 * nparams:].split(b'\0')[0]
                ids.append(json.split(b'"id":"')[1].split(b'"')[0].decode())
        off += blen
    return ids


CT_LINE_B = b'container:%s -1 %s db container >' % (CT_B[:12].encode(), CT_B[:12].encode())
CT_JSON_FMT = '%evt.num %proc.name %thread.tid %proc.pid %container.id %container.name %evt.type'


def same_as_sysdig(scry, sysdig, path, args, what):
    """scry and sysdig 0.29.3 print the same for `-r path` + args (default output, -j, ...)."""
    a, b = run([scry, '-r', path] + args), run([sysdig, '-r', path] + args)
    ok = a.stdout == b.stdout and a.returncode == b.returncode
    if not ok:
        d = st.first_difference(a.stdout.splitlines(), b.stdout.splitlines())
        if d and d[1] is not None and d[2] is not None:
            print('  line %d:\n  scry   %s\n  sysdig %s' % (d[0], d[1][:160], d[2][:160]))
        else:
            print('  %d vs %d lines' % (a.stdout.count(b'\n'), b.stdout.count(b'\n')))
    check(ok, '%s: scry prints what sysdig 0.29.3 prints (%s, %d lines)'
          % (what, ' '.join(args) or 'default output', a.stdout.count(b'\n')))


def container_records(scry, sysdig, work):
    cap = os.path.join(work, 'containers.scap')
    container_capture(cap, 21000, 4 * 10**9)
    whole = run([scry, '-r', cap, '-p', CT_FMT]).stdout
    names = set(line.split()[4] for line in whole.splitlines())
    check(names == {b'host', b'web', b'db'} and b'<NA>' not in whole,
          'container capture: %d events of host, web and db' % whole.count(b'\n'))
    # web's event opens the capture (its container table: not shown); db's, a third of
    # the way in, is shown as sysdig 0.29.3 shows it: an event of a thread
    # "container:ID", tid -1, of container db
    lines = whole.splitlines()
    check([l.split(b' ', 1)[1] for l in lines if b' container ' in l] == [CT_LINE_B]
          and lines.index(next(l for l in lines if b' container ' in l)) == 7000,
          'container capture: db\'s event shown once, as the 7001st line')
    if sysdig:
        for args in ([], ['-j'], ['-p', CT_FMT], ['-j', '-p', CT_JSON_FMT],
                     ['-n', '7002'], ['-S', '-q'], ['-D'], ['evt.type=container'],
                     ['container.name=db and evt.num<7010']):
            same_as_sysdig(scry, sysdig, cap, args, 'container capture')
        # both container event versions in the middle of a capture: the JSON one shown,
        # the fixed-parameter one hidden (but by -D) and counted, a row each in -S
        mixed = os.path.join(work, 'ct_mixed.scap')
        mixed_capture(mixed)
        for args in ([], ['-S', '-q'], ['-D'], ['-n', '3'], ['-j']):
            same_as_sysdig(scry, sysdig, mixed, args, 'both container event versions')
    for opt, d in ((['-C', '1'], 'ct_c'), (['-G', '1'], 'ct_g')):
        os.mkdir(os.path.join(work, d))
        r = run([scry, '-r', cap, '-w', os.path.join(work, d, 'ct.scap')] + opt)
        files = sorted(os.listdir(os.path.join(work, d)), key=lambda f: int(f[7:]))
        check(r.returncode == 0 and len(files) >= 3, '%s: %d files' % (' '.join(opt), len(files)))
        seen_db = False
        shown_b = 0
        for f in files:
            path = os.path.join(work, d, f)
            part = run([scry, '-r', path, '-p', CT_FMT])
            check(part.returncode == 0 and part.stdout and part.stdout in whole
                  and b'<NA>' not in part.stdout,
                  '%s %s: %d events replay alone with the names the original shows on them'
                  % (' '.join(opt), f, part.stdout.count(b'\n')))
            shown_b += part.stdout.count(CT_LINE_B)
            # db is known from the file that holds its event on: every later file has it
            seen_db = seen_db or b' db ' in part.stdout
            ids = container_events(path)
            want = [CT_A[:12]] + ([CT_B[:12]] if seen_db else [])
            check(sorted(ids) == want,
                  '%s %s: one container event of each container known: %s' % (' '.join(opt), f, ids))
            if sysdig:
                # the stream's container event (db's, in the file that holds it) shown
                # by both; the container table each file starts with by neither
                for args in ([], ['-p', CT_FMT], ['-j']):
                    same_as_sysdig(scry, sysdig, path, args, '%s %s' % (' '.join(opt), f))
        check(seen_db, '%s: db named in the files' % ' '.join(opt))
        # db's event is shown in the file that holds it in the middle (-G 1: at 1.33 s,
        # in the file of second 1); -C 1 may open a file with it, whose table then has it
        check(shown_b == 1 or (opt[0] == '-C' and shown_b == 0),
              '%s: db\'s event shown in %d file(s)' % (' '.join(opt), shown_b))
    # filtered re-writes: the events the filter rejects that change state (container
    # events) are kept for state only, hidden; db's event, when it matches, is shown
    # unless nothing before it in the new file is shown either (it is then part of the
    # file's container table, which sysdig 0.29.3 shows no event of)
    for flt, want_b in (('proc.name=psql', 0), ('container.name=db', 0),
                        ('proc.name!=nginx', 1), ('evt.type=container or proc.name=bash', 1)):
        out = os.path.join(work, 'ct_f.scap')
        r = run([scry, '-r', cap, '-w', out, flt])
        check(r.returncode == 0, 'filtered re-write %s' % flt)
        got = run([scry, '-r', out, '-p', CT_FMT]).stdout
        src = run([scry, '-r', cap, '-p', CT_FMT, flt]).stdout
        if not want_b:
            src = src.replace(b'12:00:01.333333333 ' + CT_LINE_B + b'\n', b'')
        check(got == src and got.count(CT_LINE_B) == want_b and b'<NA>' not in got,
              'filtered re-write %s: %d events replay as the filtered input, db\'s event shown %d time(s)'
              % (flt, got.count(b'\n'), got.count(CT_LINE_B)))
        if sysdig:
            for args in ([], ['-p', CT_FMT], ['-j']):
                same_as_sysdig(scry, sysdig, out, args, 'filtered re-write %s' % flt)
    # -W 2: the 2 files left are the last 2 of 4, both begun after db's event
    os.mkdir(os.path.join(work, 'ct_w'))
    r = run([scry, '-r', cap, '-w', os.path.join(work, 'ct_w', 'ct.scap'), '-C', '1', '-W', '2'])
    files = sorted(os.listdir(os.path.join(work, 'ct_w')))
    check(r.returncode == 0 and files == ['ct.scap0', 'ct.scap1'], '-C 1 -W 2: %s' % files)
    for f in files:
        path = os.path.join(work, 'ct_w', f)
        part = run([scry, '-r', path, '-p', CT_FMT]).stdout
        ids = sorted(container_events(path))
        check(ids == [CT_A[:12], CT_B[:12]] and part and part in whole and b'<NA>' not in part
              and b' db ' in part and b' web ' in part,
              '-C 1 -W 2 %s: web and db once each, %d events named' % (f, part.count(b'\n')))


def main():
    ap = argparse.ArgumentParser()
    st.tool_args(ap, 'scry')
    args = ap.parse_args()
    scry = os.path.abspath(args.scry)
    if not os.path.isdir(TRACES):
        return st.skip('write_roundtrip', 'no ../shared/conformance/traces')
    sysdig = shutil.which('sysdig')
    if not sysdig:
        print('write_roundtrip: sysdig is not installed: the sysdig comparisons are skipped')
    tools = [scry] + ([sysdig] if sysdig else [])
    with st.tmpdir(prefix='scry_write_test_') as work:
        traces = sorted(os.path.join(TRACES, t) for t in os.listdir(TRACES)
                        if t.endswith('.scap') or t.endswith('.scap.gz'))
        # 1. round trip
        for t in traces:
            name = os.path.basename(t)
            for z in ([], ['-z']):
                out = os.path.join(work, 'rt.scap')
                r = run([scry, '-r', t, '-w', out] + z)
                check(r.returncode == 0, 'write %s %s %s' % (name, ' '.join(z), r.stderr.decode()[:200]))
                for tool in tools:
                    tn = os.path.basename(tool)
                    same_output(tool, ['-r', out], ['-r', t], '%s: %s round trip %s' % (tn, name, ' '.join(z)))
                    if not z:
                        same_output(tool, ['-r', out, '-p', FIELDS], ['-r', t, '-p', FIELDS],
                                    '%s: %s round trip, proc/fd fields' % (tn, name))
        # 2. filtered re-write
        curl = os.path.join(TRACES, 'curl_google.scap')
        if os.path.exists(curl):
            out = os.path.join(work, 'curl.scap')
            r = run([scry, '-r', curl, '-w', out, 'proc.name=curl'])
            check(r.returncode == 0, 'filtered write')
            for tool in tools:
                same_output(tool, ['-r', out, '-p', FIELDS], ['-r', curl, '-p', FIELDS, 'proc.name=curl'],
                            '%s: filtered re-write replays as the filtered input' % os.path.basename(tool))
            n = run([scry, '-r', out, '-p', '%proc.name']).stdout.split()
            check(len(n) > 100 and set(n) == {b'curl'}, 'filtered file shows only curl (%d events)' % len(n))
        # 3. rotation by size
        sample = os.path.join(TRACES, 'sample.scap')
        big = os.path.join(work, 'big.scap')
        benchlib.build_big(sample, big, 100000)
        rot = os.path.join(work, 'rot')
        os.mkdir(rot)
        r = run([scry, '-r', big, '-w', os.path.join(rot, 'x.scap'), '-C', '1', '-W', '3'])
        files = sorted(os.listdir(rot))
        check(r.returncode == 0 and files == ['x.scap0', 'x.scap1', 'x.scap2'],
              'rotation -C 1 -W 3 leaves 3 files: %s' % files)
        if sysdig:
            srot = os.path.join(work, 'srot')
            os.mkdir(srot)
            run([sysdig, '-r', big, '-w', os.path.join(srot, 'x.scap'), '-C', '1', '-W', '3'])
            check(sorted(os.listdir(srot)) == files, 'sysdig leaves the same files: %s' % sorted(os.listdir(srot)))
        whole = run([scry, '-r', big, '-p', FIELDS]).stdout
        for f in files:
            path = os.path.join(rot, f)
            part = run([scry, '-r', path, '-p', FIELDS])
            check(part.returncode == 0 and part.stdout and part.stdout in whole and b'<NA>' not in part.stdout,
                  '%s replays on its own with full context (%d lines, a slice of the whole)'
                  % (f, part.stdout.count(b'\n')))
            if sysdig:
                same_output(sysdig, ['-r', path, '-p', FIELDS], ['-r', path, '-p', FIELDS], 'sysdig reads ' + f)
                a = run([scry, '-r', path, '-p', FIELDS]).stdout
                b = run([sysdig, '-r', path, '-p', FIELDS]).stdout
                check(a == b, 'scry and sysdig print the same for %s' % f)
        # 4. rotation by time, on a capture that spans 4 seconds
        span = os.path.join(work, 'span.scap')
        shifted_capture(sample, span, 4, 1000000000)
        for tool, d in [(scry, 'g')] + ([(sysdig, 'sg')] if sysdig else []):
            os.mkdir(os.path.join(work, d))
            run([tool, '-r', span, '-w', os.path.join(work, d, 'y.scap'), '-G', '1'])
        gfiles = sorted(os.listdir(os.path.join(work, 'g')))
        check(len(gfiles) >= 4, '-G 1 over 4 s of events: %s' % gfiles)
        if sysdig:
            check(gfiles == sorted(os.listdir(os.path.join(work, 'sg'))),
                  'sysdig -G 1 names the same files: %s' % sorted(os.listdir(os.path.join(work, 'sg'))))
        for f in gfiles:
            p = run([scry, '-r', os.path.join(work, 'g', f)])
            check(p.returncode == 0 and p.stdout, '%s replays' % f)
        # 5. container records in every rotated file
        container_records(scry, sysdig, work)
        # 6. SIGKILL mid-write: a stdin that stalls after 3 MB keeps scry writing
        killed = os.path.join(work, 'killed.scap.gz')
        with open(big, 'rb') as f:
            data = f.read()
        env = st.run_env()
        p = subprocess.Popen([scry, '-r', '-', '-w', killed, '-z'], stdin=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, env=env)
        p.stdin.write(data[:3 << 20])
        p.stdin.flush()
        check(wait_stalled(p), 'scry -r - -w -z read the 3 MB written to it')
        p.send_signal(signal.SIGKILL)
        p.wait()
        p.stdin.close()
        whole = {tool: run([tool, '-r', big]).stdout for tool in tools}
        for tool in tools:
            r = run([tool, '-r', killed])
            check(r.returncode == 0 and r.stdout.count(b'\n') > 1000 and whole[tool].startswith(r.stdout),
                  '%s: SIGKILL mid-write: %d events replay to a clean end, a prefix of the input\'s'
                  % (os.path.basename(tool), r.stdout.count(b'\n')))
        # the same file cut inside its last member
        with open(killed, 'rb') as f:
            cut = f.read()
        with open(killed, 'wb') as f:
            f.write(cut[:-100])
        r = run([scry, '-r', killed])
        check(r.returncode == 1 and b'truncated' in r.stderr and r.stdout.count(b'\n') > 1000
              and whole[scry].startswith(r.stdout),
              'cut inside a member: %d events replay, then: %s' % (r.stdout.count(b'\n'),
                                                                   r.stderr.decode().strip()[:120]))
        # SIGTERM: a clean close
        termed = os.path.join(work, 'termed.scap')
        p = subprocess.Popen([scry, '-r', '-', '-w', termed], stdin=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, env=env)
        p.stdin.write(data[:3 << 20])
        p.stdin.flush()
        check(wait_stalled(p), 'scry -r - -w read the 3 MB written to it')
        p.send_signal(signal.SIGTERM)
        p.stdin.close()
        rc = p.wait()
        r = run([scry, '-r', termed])
        check(rc == 0 and r.returncode == 0 and r.stdout.count(b'\n') > 1000,
              'SIGTERM: clean close, %d events replay' % r.stdout.count(b'\n'))
        # errors
        r = run([scry, '-r', sample, '-w', '/nonexistent-dir/x.scap'])
        check(r.returncode == 1 and b'No such file or directory' in r.stderr,
              'unwritable path: ' + r.stderr.decode().strip())
        if os.path.exists('/dev/full'):
            r = run([scry, '-r', sample, '-w', '/dev/full'])
            check(r.returncode == 1 and b'No space left on device' in r.stderr,
                  'full device: ' + r.stderr.decode().strip())
        # live -w: 10 events when a live engine opens (the module or the eBPF probe), else a
        # clear refusal. scry hides its own events and a CI host may be idle, so this process
        # makes the syscalls to capture while it waits (the first ones may come before the
        # probe is attached: it keeps making them until scry has its 10).
        live = os.path.join(work, 'live.scap')
        p = subprocess.Popen([scry, '-w', live, '-n', '10'], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=env)
        deadline = time.monotonic() + 120
        while p.poll() is None and time.monotonic() < deadline:
            os.stat(work)
            time.sleep(0.01)
        if p.poll() is None:
            p.kill()
        out, err = p.communicate()
        if p.returncode == 0:
            r = run([scry, '-r', live])
            check(r.returncode == 0 and r.stdout.count(b'\n') >= 10,
                  'live -w -n 10: %d events replay' % r.stdout.count(b'\n'))
        else:
            check(p.returncode == 1 and err.startswith(b'scry: '),
                  'live -w without a live engine: rc %d, %s' % (p.returncode,
                                                              err.decode().strip()[:160]))
    return st.finish('write_roundtrip')


if __name__ == '__main__':
    sys.exit(main())

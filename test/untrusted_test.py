#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""test/untrusted_test.py: captures and filters from strangers (issue 11; ctest untrusted_test).

    test/untrusted_test.py [--scry build/bin/scry]

Every input is generated here (scripts/mkcapture.py's blocks), nothing is read from
../shared. Each check asserts what scry does with an input built to break it:

- -w onto a full device (/dev/full) or past a file size limit (EFBIG after some blocks,
  as a disk that fills up): the error is reported once, exit 1;
- scry -r drops every capability before the first byte of the capture is parsed: the
  capture comes through a FIFO, and once scry has printed its first event,
  /proc/PID/status shows CapEff 0 (needs root to mean anything; skipped otherwise);
- a process list that repeats one thread id (15 KB and 151 KB gzip files): read with a
  peak RSS under 64 MB, their events replay.

The filter size checks (70,000 startswith prefixes, 100,000 in/pmatch items, 60,000
distinct fields) are in test/unit/libsinsp/test_filter.c ("sizes").
"""
import argparse
import gzip
import fcntl
import os
import resource
import signal
import stat
import struct
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'pylib'))
import scrytest as st  # noqa: E402  (run, check, tmpdir: test/pylib/scrytest.py)
from scrytest import check  # noqa: E402

F_SETPIPE_SZ = 1031              # <linux/fcntl.h>
PIPE_BYTES = 65536
BT_PL_V1 = 0x202                 # process list, version 1

mk = st.mkcapture()


def run(args, **kw):
    """scry ARGS: (exit status, stdout, stderr)."""
    return st.run([SCRY] + list(args), timeout=600, **kw)


def run_rss(args):
    """scry ARGS: (exit status, stdout, stderr, peak RSS in MB of that process)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        # an ASan build: no quarantine (freed blocks would stay resident)
        p = subprocess.Popen([SCRY] + list(args), stdout=out, stderr=err,
                             env=st.run_env(ASAN_OPTIONS='quarantine_size_mb=0'))
        _, status, ru = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return (p.returncode, out.read().decode(errors='replace'),
                err.read().decode(errors='replace'), ru.ru_maxrss / 1024.0)


def make_pl(path, n):
    """Write PATH: a gzip capture whose process list repeats one thread N times."""
    data = (mk.shb() + mk.machine_info() + mk.block(BT_PL_V1, pl_v1_entry(4242) * n) +
            mk.events())
    with open(path, 'wb') as f:
        f.write(gzip.compress(data, 9))


def pl_v1_entry(tid):
    """A 52-byte process list V1 entry: ids, four empty strings, fdlimit, flags, uid, gid."""
    return (struct.pack('<qqq', tid, tid, 1) + mk.s16('') * 4 +
            struct.pack('<qIII', 1024, 0, 0, 0))


def repeated_entries(tmp):
    # one thread id 120,000 and 1,000,000 times: 15 KB and 151 KB gzip files that asked
    # for 2.1 GB and 17.6 GB (a ~17.6 KB thread struct per 52-byte entry)
    # the bound is the normal build's; under ASan realloc() copies (old and new block both
    # resident: 84 MB for the 52 MB block) where glibc moves pages with mremap()
    with open(SCRY, 'rb') as f:
        limit = 128 if b'__asan_init' in f.read() else 64
    for n, kb in ((120000, 15), (1000000, 151)):
        path = os.path.join(tmp, 'pl_%d.scap.gz' % n)
        # made by another process: one forked or spawned from this one would count this
        # one's pages in its peak RSS (the kernel carries the parent's over exec)
        subprocess.run([sys.executable, os.path.abspath(__file__), '--make-pl', path, str(n)],
                       check=True)
        size = os.path.getsize(path) / 1024.0
        rc, out, err, rss = run_rss(['-r', path])
        check(rc == 0 and out.count('\n') == 8 and not err and rss < limit and
              abs(size - kb) < kb / 4,
              '%.0f KB capture, %d entries of one tid: exit %d, %d events, peak RSS %.1f MB '
              '(< %d)' % (size, n, rc, out.count('\n'), rss, limit))


def demo_capture(path):
    with open(path, 'wb') as f:
        f.write(mk.shb() + mk.machine_info() + mk.iface_list() + mk.user_list() +
                mk.proc_list() + mk.events())


def limit_file_size():
    """In the child: files stop growing at 2,048 bytes (EFBIG, as a full disk stops them)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))


def full_disk(tmp):
    cap = os.path.join(tmp, 'many.scap')
    with open(cap, 'wb') as f:
        f.write(mk.shb() + mk.machine_info() + mk.iface_list() + mk.user_list() +
                mk.proc_list() + mk.events() * 500)
    # the first write fails (/dev/full), or one after some blocks were written (a file
    # size limit): either way one message, exit 1
    cases = [(['-w', '/dev/full'], None), (['-w', '/dev/full', '-z'], None)]
    if not os.path.exists('/dev/full'):
        cases = []
    cut = os.path.join(tmp, 'cut.scap')
    cases += [(['-w', cut], limit_file_size),
              (['-w', cut, '-z', '-C', '1'], limit_file_size)]  # was reported twice
    for args, pre in cases:
        rc, out, err = run(['-r', cap] + args, preexec_fn=pre)
        check(rc == 1 and err.count('\n') == 1 and err.startswith('scry: writing '),
              '%s: one message, exit 1 (rc %d: %r)' % (' '.join(args), rc, err))
    # what was written replays: whole blocks only
    rc, out, err = run(['-r', os.path.join(tmp, 'cut.scap0')])
    check(rc == 0 and out.count('\n') >= 8 and not err,
          'the cut file replays to a clean end: %d events' % out.count('\n'))


def capabilities(tmp):
    with open('/proc/self/status') as f:
        capeff = [l.split()[1] for l in f if l.startswith('CapEff:')][0]
    if int(capeff, 16) == 0:
        print('skip CapEff of scry -r: this test runs without capabilities')
        return
    # the headers, then events enough to fill the FIFO four times over
    reps = 1
    while len(mk.events()) * reps < 4 * PIPE_BYTES:
        reps += 1
    data = (mk.shb() + mk.machine_info() + mk.iface_list() + mk.user_list() +
            mk.proc_list() + mk.events() * reps)
    fifo = os.path.join(tmp, 'fifo')
    os.mkfifo(fifo)
    out = os.path.join(tmp, 'fifo.out')
    with open(out, 'wb') as o:
        p = subprocess.Popen([SCRY, '-r', fifo], stdout=o, stderr=subprocess.PIPE,
                             env=st.run_env())
    w = open(fifo, 'wb')            # returns once scry has opened the FIFO
    fcntl.fcntl(w.fileno(), F_SETPIPE_SZ, PIPE_BYTES)
    # the write returns once scry has read all but PIPE_BYTES of it: it is reading
    w.write(data)
    w.flush()
    with open('/proc/%d/status' % p.pid) as f:
        status = {k: v.strip() for k, v in (l.split(':', 1) for l in f)}
    w.close()                        # until now the FIFO stayed open: scry waited for more
    p.wait(timeout=120)
    with open(out, 'rb') as f:
        lines = f.read().count(b'\n')
    check(all(int(status[k], 16) == 0 for k in ('CapEff', 'CapPrm', 'CapBnd')) and
          p.returncode == 0 and lines == 8 * reps,
          'scry -r reading a FIFO: CapEff %s CapPrm %s CapBnd %s (all 0), exit %d, %d events'
          % (status['CapEff'], status['CapPrm'], status['CapBnd'], p.returncode, lines))


def main():
    global SCRY
    ap = argparse.ArgumentParser()
    st.tool_args(ap, 'scry')
    ap.add_argument('--make-pl', nargs=2, metavar=('PATH', 'N'), help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.make_pl:
        make_pl(a.make_pl[0], int(a.make_pl[1]))
        return 0
    SCRY = os.path.abspath(a.scry)
    with st.tmpdir(prefix='scry_untrusted_') as tmp:
        repeated_entries(tmp)
        full_disk(tmp)
        capabilities(tmp)
    return st.finish('untrusted_test')


if __name__ == '__main__':
    sys.exit(main())

#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""test/long_capture_test.py: the thread table over a long capture (issue 12, ctest
long_capture_test).

    test/long_capture_test.py [--scry build/bin/scry] [--copies 1000]

Builds a capture of the events of ../shared/conformance/traces/curl_google.scap repeated
--copies times, each copy moved in time after the previous one (bench/benchlib.py
build_shifted: 8 s apart, 1,000 copies are 2 h 13 min of capture time). In the trace
curl is started by an idle bash (pid 3200) that has no event of its own: every copy's
execve and clone exits of curl must print ptid=3200(bash), as sysdig 0.29.3 does
(before the fix, the shell was aged out of the thread table from the 241st copy on and
they printed ptid=3200). When sysdig is installed the outputs must be identical.

Skips (exit 0 with a message) when the trace is absent.
"""
import argparse
import os
import shutil
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'pylib'))
import scrytest as st  # noqa: E402  (run, check, tmpdir: test/pylib/scrytest.py)
from scrytest import check  # noqa: E402
sys.path.insert(0, os.path.join(st.ROOT, 'bench'))
import benchlib  # noqa: E402  (capture building shared with the benchmarks)

TRACE = os.path.join(st.TRACES, 'curl_google.scap')
FILTER = 'evt.type in (clone, execve) and evt.dir = <'
PER_COPY = 3    # curl's execve exit and the two sides of its thread's clone


def main():
    ap = argparse.ArgumentParser()
    st.tool_args(ap, 'scry')
    ap.add_argument('--copies', type=int, default=1000)
    a = ap.parse_args()
    if not os.path.exists(TRACE):
        return st.skip('long_capture_test', 'no %s' % TRACE)
    with st.tmpdir(prefix='scry_long_') as tmp:
        big = os.path.join(tmp, 'long.scap')
        nevents, period, _ = benchlib.build_shifted(TRACE, big, a.copies, 6 * 10**9)
        print('%d events, %d copies %.3f s apart (%.0f minutes)'
              % (nevents, a.copies, period / 1e9, a.copies * period / 60e9))
        r = st.run([a.scry, '-r', big, FILTER])
        if not check(r.rc == 0, 'scry -r: exit 0', r.describe()):
            return st.finish('long_capture_test')
        lines = r.out.splitlines()
        bad = [i for i, l in enumerate(lines) if 'ptid=3200(bash)' not in l]
        ok = len(lines) == PER_COPY * a.copies and not bad
        if not check(ok, '%d lines (expected %d), %d without ptid=3200(bash)%s'
                     % (len(lines), PER_COPY * a.copies, len(bad),
                        ': first in copy %d: %s' % (bad[0] // PER_COPY + 1, lines[bad[0]][:160])
                        if bad else '')):
            return st.finish('long_capture_test')
        if shutil.which('sysdig'):
            s = st.run(['sysdig', '-r', big, FILTER])
            check(s.out.splitlines() == lines, 'identical to sysdig')
        else:
            print('note: no sysdig, output not compared')
    return st.finish('long_capture_test')


if __name__ == '__main__':
    sys.exit(main())

#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""test/cli_sysdig_test.py: scry's sysdig options print what sysdig 0.29.3 prints
(ctest cli_sysdig_test).

    test/cli_sysdig_test.py [--scry build/bin/scry] [--sysdig sysdig]

For every capture in ../shared/conformance/traces and every option set below, runs
`sysdig -r TRACE OPTIONS` and `scry -r TRACE OPTIONS` (TZ=UTC) and compares their
standard outputs byte for byte: -pc, -pk, -A, -x, -X, -b (also with -v and -j), -t h, a,
r, d, D, -q, -w with -S and -q, -n (which counts the hidden state events a capture starts with, as sysdig
counts them), --unbuffered, and -S. For -S the rows with equal counts are compared as
sets: sysdig orders them as its unstable sort leaves them.

Skips (exit 0 with a message) without ../shared or without a sysdig 0.29.3 binary.
"""
import argparse
import glob
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'pylib'))
import scrytest as st  # noqa: E402  (run, check: test/pylib/scrytest.py)
from scrytest import check, TRACES  # noqa: E402

OPTION_SETS = [
    ['-pc'], ['-pcontainer'], ['-pk'], ['-pkubernetes'], ['-pc', '-tr'],
    ['-A'], ['-x'], ['-X'], ['-b'],
    ['-v', '-A'], ['-v', '-x'], ['-v', '-X'], ['-v', '-b'],
    ['-j', '-A'], ['-j', '-x'], ['-j', '-X'], ['-j', '-b'],
    ['-th'], ['-ta'], ['-tr'], ['-td'], ['-tD'], ['-tD', 'evt.type=brk'], ['-j', '-tr'],
    ['-tr', '-p', '%evt.num %evt.outputtime %evt.time'], ['-td', '-p', '*%evt.num %evt.outputtime'],
    ['-tD', '-p', '%evt.outputtime %evt.deltatime'],
    ['--print-ascii'], ['--print-hex'], ['--print-hex-ascii'], ['--print-base64'],
    ['--timetype=r'],
    ['-q'], ['-q', '-n', '10'],
    ['-n', '1'], ['-n', '4'], ['-n', '131'], ['-n', '140'], ['-n', '500'],
    ['-n', '3', 'evt.type=brk'], ['-n', '20', 'evt.dir=<'],
    ['--unbuffered'], ['--unbuffered', '-n', '200'],
    ['-S'], ['-S', '-q'], ['--summary', '-n', '100'], ['-S', '-q', '-n', '3'],
    ['-S', 'proc.name=cat'],
    ['-w', '{out}', '-S'], ['-w', '{out}', '-q'], ['-w', '{out}', '-S', 'proc.name=cat'],
]


def run(cmd):
    """(exit status, stdout bytes) of CMD."""
    r = st.run(cmd, text=False, timeout=300)
    return r.rc, r.out


def summary_groups(out):
    """-S output with the rows of each run of equal counts as a set."""
    lines = out.split(b'\n')
    try:
        start = lines.index(b'Event           #Calls') + 2
    except ValueError:
        return out
    head, rows, groups = lines[:start], lines[start:], []
    for row in rows:
        count = row.rsplit(b' ', 1)[-1]
        if groups and groups[-1][0] == count:
            groups[-1][1].add(row)
        else:
            groups.append((count, {row}))
    return head, groups


def main():
    ap = argparse.ArgumentParser()
    st.tool_args(ap, 'scry')
    ap.add_argument('--sysdig', default='sysdig')
    args = ap.parse_args()
    traces = sorted(glob.glob(os.path.join(TRACES, '*.scap')))
    if not traces:
        return st.skip('cli_sysdig_test', 'no captures in %s' % TRACES)
    sysdig = shutil.which(args.sysdig)
    if not sysdig:
        return st.skip('cli_sysdig_test', 'no sysdig binary')
    version = run([sysdig, '--version'])[1]
    if b'0.29.3' not in version:
        return st.skip('cli_sysdig_test', 'sysdig is not 0.29.3 (%s)' % version.strip().decode())
    tmp = tempfile.TemporaryDirectory(prefix='scry_sysdig_')
    for opts in OPTION_SETS:
        bad = []
        for trace in traces:
            # -w: each writes its own file ({out}); what they print is compared
            rc_s, want = run([sysdig, '-r', trace] +
                             [o.replace('{out}', os.path.join(tmp.name, 's.scap')) for o in opts])
            rc, got = run([args.scry, '-r', trace] +
                          [o.replace('{out}', os.path.join(tmp.name, 'o.scap')) for o in opts])
            if '-S' in opts or '--summary' in opts:
                want, got = summary_groups(want), summary_groups(got)
            if rc != 0 or rc_s != 0 or want != got:
                bad.append('%s (rc %d, sysdig %d)' % (os.path.basename(trace), rc, rc_s))
        check(not bad, ' '.join(opts) + (': ' + ', '.join(bad) if bad else ''))
    tmp.cleanup()
    print('cli_sysdig_test: %d of %d option sets differ from sysdig'
          % (len(st.failures), len(OPTION_SETS)))
    return st.finish('cli_sysdig_test')


if __name__ == '__main__':
    sys.exit(main())

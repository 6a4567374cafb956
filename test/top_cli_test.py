#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""test/top_cli_test.py: scry top without root (ctest top_cli_test).

    test/top_cli_test.py [--scry build/bin/scry]

On the synthetic capture of scripts/mkcapture.py (bash, and cat reading /etc/hostname:
10 bytes read, 4 system calls):
  - options: --help, a bad view, column, delay or filter, --print-once with
    --iterations (status 2), a missing file (1),
    stdout on a pipe without -b (1, "needs a terminal");
  - -b: one interval, its header line and rows; the Processes view sorted by SYSCALLS
    (cat first, FILE_R 10 bytes in a 1 s interval), --iterations; a filter lists only
    the processes it matched an event of (proc.name=cat: not bash);
  - a process that exited keeps its command in its last row (the capture with cat's
    exit added in the 1st or the 2nd interval);
  - in tmux (skipped without tmux): the Processes view with [END] (the capture is one
    interval), the help page (h) and back, the sort panel (F9) sorting by PID, the
    search prompt (/), the view picker (F2), q with status 0. The screen is polled
    with capture-pane until it shows what is expected.
"""
import argparse
import os
import shutil
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'pylib'))
import scrytest as st  # noqa: E402  (run, check, Pane: test/pylib/scrytest.py)
from scrytest import check  # noqa: E402


def run(args):
    """scry top ARGS: (exit status, stdout, stderr)."""
    return st.run([SCRY, 'top'] + args, timeout=120)


def options(cap):
    rc, out, _ = run(['--help'])
    check(rc == 0 and out.startswith('Usage: scry top'), 'scry top --help')
    for args, msg in ((['-v', 'nope'], '-v nope: containers or procs'),
                      (['--sort', 'nope'], '--sort nope: not a column of the Containers view'),
                      (['-d', '0'], '-d 0: a number from 1 to 86400000'),
                      (['--bogus'], "Try 'scry top --help'"),
                      (['--print-once', '--iterations', '3'],
                       '--print-once and --iterations cannot be used together'),
                      (['--iterations', '1', '--print-once'],
                       '--print-once and --iterations cannot be used together')):
        rc, _, err = run(['-r', cap, '-b'] + args)
        check(rc == 2 and msg in err, f'scry top {" ".join(args)}: status 2, says why',
              f'rc {rc}, stderr {err!r}')
    rc, _, err = run(['-r', cap, '-b', 'proc.name='])
    check(rc == 2 and err.startswith('scry: '), 'a bad filter: status 2', f'rc {rc} {err!r}')
    rc, _, err = run(['-r', '/nonexistent.scap', '-b'])
    check(rc == 1 and 'No such file' in err, 'a missing file: status 1', f'rc {rc} {err!r}')
    rc, _, err = run(['-r', cap])
    check(rc == 1 and 'needs a terminal' in err, 'stdout on a pipe: status 1, needs a terminal',
          f'rc {rc} {err!r}')


def batch(cap):
    rc, out, err = run(['-r', cap, '-b', '-v', 'procs', '--sort', 'syscalls', '-d', '1000'])
    lines = out.split('\n')
    check(rc == 0 and lines[0].startswith('Interval #0 1704110400.000-1704110401.000 (1.0 s, ')
          and lines[0].endswith('Processes: 2'), '-b: the interval line', out + err)
    head = lines[1].split()
    check(head[:3] == ['PID', 'VPID', 'CPU'] and head[-2:] == ['CONTAINER', 'Command'],
          '-b: the Processes header', lines[1])
    rows = [dict(zip(head, ln.split())) for ln in lines[2:4]]
    check(rows[0].get('PID') == '4242' and rows[0].get('FILE_R') == '10' and
          rows[0].get('CONTAINER') == 'host' and rows[1].get('PID') == '1000',
          '-b --sort syscalls: cat first, 10 bytes read per second', out)
    check(lines[4:] == ['', ''], '-b: one interval (the capture lasts less than one)', out)
    # a filter lists only what it matched: cat, not bash (whose thread the capture's
    # process table holds, with no event of its own the filter matches)
    rc, out, err = run(['-r', cap, '-b', '-v', 'procs', '-d', '1000', 'proc.name=cat'])
    lines = out.split('\n')
    pids = [ln.split()[0] for ln in lines[2:] if ln.strip()]
    check(rc == 0 and lines[0].endswith('Processes: 1') and pids == ['4242'],
          '-b proc.name=cat: cat alone, bash not listed', out + err)
    rc, out, err = run(['-r', cap, '-b', '-v', 'procs', '-d', '1000', 'proc.name=nothing'])
    check(rc == 0 and out.split('\n')[0].endswith('Processes: 0') and
          out.split('\n')[2:] == ['', ''], '-b with a filter that matches nothing: no row',
          out + err)
    rc, out, _ = run(['-r', cap, '--print-once'])
    check(rc == 0 and out.split('\n')[0].endswith('Containers: 0') and
          out.split('\n')[1].split()[0] == 'CPU', '-b: the Containers view (no container)', out)


def exited(tmp, cap):
    """A process that exited keeps its command, as csysdig keeps it: cat's exit
    (procexit) in the 2nd interval (its row there: the command line of the 1st), or in
    the 1st (no earlier row: the executable its exit left); bash's close later closes
    the interval and takes the exited thread out of the table."""
    sys.path.insert(0, os.path.join(st.ROOT, 'scripts'))
    import mkcapture as mk
    with open(cap, 'rb') as f:
        base = f.read()
    exit_ev = lambda ts: mk.event(ts, 4242, 186, [mk.i64(0), mk.i64(0), b'\0', b'\0'], cpu=1)
    close = lambda ts: (mk.event(ts, 1000, mk.EVT_CLOSE_E, [mk.i64(9)]) +
                        mk.event(ts + 1000, 1000, mk.EVT_CLOSE_X, [mk.i64(-9)]))
    for name, ev, want in (
            ('later', exit_ev(mk.T0 + 1_500_000_000) + close(mk.T0 + 2_500_000_000),
             {0: '/usr/bin/cat cat /etc/hostname', 1: '/usr/bin/cat cat /etc/hostname'}),
            ('first', exit_ev(mk.T0 + 500_000_000) + close(mk.T0 + 1_500_000_000),
             {0: '/usr/bin/cat'})):
        path = os.path.join(tmp, 'exit-%s.scap' % name)
        with open(path, 'wb') as f:
            f.write(base + ev)
        rc, out, err = run(['-r', path, '-b', '-v', 'procs', '-d', '1000', '--iterations', '9'])
        got, iv = {}, None
        for ln in out.split('\n'):
            if ln.startswith('Interval #'):
                iv = int(ln.split()[1][1:])
            elif ln.split()[:1] == ['4242']:
                got[iv] = ' '.join(ln.split()[12:])
        check(rc == 0 and got == want, 'an exited process keeps its command (exit in the %s '
              'interval): %s' % ('second' if name == 'later' else 'first', want),
              'rc %d, got %s\n%s%s' % (rc, got, out, err))


class Pane(st.Pane):
    def __init__(self, argv):
        super().__init__('scry-top-cli-test', 'top', argv, 'scry top')

    def wait(self, what, pred, timeout=60):
        """Check that the screen comes to show PRED within TIMEOUT s."""
        lines = self.poll(lambda l: pred(l) and l, timeout)
        check(lines, what, None if lines else 'screen:\n' + '\n'.join(self.screen()))
        return lines


def screen(cap):
    if not shutil.which('tmux'):
        print('tmux: skipped (no tmux)')
        return
    p = Pane([SCRY, 'top', '-r', cap, '-v', 'procs'])
    try:
        p.wait('tmux: the Processes view, [END] at the end of the capture',
               lambda l: l[0] == 'Viewing: Processes For: whole machine' and '[END]' in l[1] and
               'Sort: CPU (desc)' in l[1] and 'cat /etc/hostname' in '\n'.join(l[3:5]))
        p.keys('h')
        p.wait('h: the help page', lambda l: l[0].startswith('scry top: containers'))
        p.keys('x')
        p.wait('any key: back from the help', lambda l: l[0].startswith('Viewing: Processes'))
        p.keys('F9')
        p.wait('F9: the sort panel', lambda l: l[2].startswith('Sort by') and
               l[5].startswith('* CPU'))
        p.keys('Home', 'Enter')
        p.wait('Enter on PID: sorted by PID, largest first',
               lambda l: 'Sort: PID (desc)' in l[1] and l[3].split()[0] == '4242' and
               l[4].split()[0] == '1000')
        p.keys('!')
        p.wait('Shift+1 on the sorted column: the other way',
               lambda l: 'Sort: PID (asc)' in l[1] and l[3].split()[0] == '1000')
        p.keys('/', 'cat')
        p.wait('/: the search prompt', lambda l: l[49].startswith('Search: cat'))
        p.keys('Enter', 'F2')
        p.wait('F2: the view picker', lambda l: l[2].startswith('Views') and
               l[3].startswith('  Containers') and l[4].startswith('* Processes'))
        p.keys('Up', 'Enter')
        p.wait('Containers picked: no rows', lambda l: l[0].startswith('Viewing: Containers') and
               not l[3].strip())
        p.keys('q')
        p.wait('q: status 0', lambda l: 'scry top exited with status 0' in '\n'.join(l))
    finally:
        p.kill_server()


def main():
    global SCRY
    ap = argparse.ArgumentParser()
    st.tool_args(ap, 'scry')
    SCRY = os.path.abspath(ap.parse_args().scry)
    with st.tmpdir(prefix='scry_top_cli_') as tmp:
        cap = os.path.join(tmp, 'demo.scap')
        st.run([sys.executable, os.path.join(st.ROOT, 'scripts', 'mkcapture.py'), cap], check=True)
        options(cap)
        batch(cap)
        exited(tmp, cap)
        screen(cap)
    return st.finish('top_cli_test')


if __name__ == '__main__':
    sys.exit(main())

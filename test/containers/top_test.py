#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""test/containers/top_test.py [BUILD [RUNTIMES_DIR]]: `scry top` driven in tmux.

   1. dockerd (scripts/runtimes.sh start RUNTIMES_DIR; the runtimes it had to start are
      stopped at the end) and three containers of $SCRY_DOCKER_IMAGE: scry-top-busy (a
      shell loop burning CPU, with a redirection to /dev/null every 2000 turns: system
      calls too) and scry-top-idle1/2 (`sleep 1` loops);
   2. a capture of the three, `scry --engine bpf -w FILE -M 6 'container.id in (...)'`;
   3. `scry top -r FILE -d 1000` in `tmux new-session -d -x 200 -y 50`, keys sent with
      send-keys, the screen read with capture-pane and polled until it shows what is
      expected (no sleeps): the three containers; p pauses ([PAUSED]); n steps one
      interval (Interval: #k+1); Shift+9 sorts by SYSCALLS: scry-top-busy first;
      Shift+1 sorts by CPU: scry-top-busy first, above 10% and above each idle one
      (the capture's CPU figures are the procinfo events scry -w writes once a second:
      "CPU: engine"); Home, Enter drills down:
      the processes of scry-top-busy only, its loop among them; n steps with the
      drill-down kept; Backspace is back on all containers; F2 picks the Processes
      view (the idle containers' sleeps listed); a resize to 120x30 redraws the menu on
      the new last line; q quits with status 0;
   4. live, `scry top --engine bpf -d 1000 'container.id in (...)'` in tmux: once CPU
      figures come (from the cgroups: "CPU: cgroup"), Shift+9 then Shift+1 sort by CPU
      (largest first), p pauses: scry-top-busy is the first row, its CPU above 10% and
      above each idle one's; Enter lists its processes, the loop first by CPU; q;
   5. scry top with stdout on a pipe: status 1 and "needs a terminal".
Each check prints "ok ..." or "FAIL ...". Screens and logs in BUILD/top-test/. Exit 0 when
every check passed; 1 on a failure; 77 (skipped) when not root, without BTF, without an
eBPF probe or without tmux.
"""
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'pylib'))
import scrytest as st  # noqa: E402  (run, check, Pane: test/pylib/scrytest.py)

ROOT = st.ROOT
BUILD = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, 'build'))
RTDIR = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else os.path.join(BUILD, 'runtimes'))
SCRY = os.path.join(BUILD, 'bin', 'scry')
OUT = os.path.join(BUILD, 'top-test')
TMUX_SERVER = 'scry-top-test'
WAIT_S = 120           # longest wait for a screen (a loaded machine is slow)
NAMES = ['scry-top-busy', 'scry-top-idle1', 'scry-top-idle2']
BUSY_LOOP = 'while :; do i=0; while [ $i -lt 2000 ]; do i=$((i+1)); done; echo x >/dev/null; done'
IDLE_LOOP = 'while :; do sleep 1; done'


def ok(msg):
    st.check(True, msg)


def bad(msg):
    st.check(False, msg)


def run(cmd, **kw):
    """CMD's stdout; CommandFailed when it fails."""
    return st.run(cmd, check=True, **kw).out


class Timeout(Exception):
    pass


class Pane(st.Pane):
    """A tmux session running one command; the screen is read with capture-pane."""

    def __init__(self, name, argv, width=200, height=50):
        super().__init__(TMUX_SERVER, name, argv, 'scry top', width, height)
        self.n_dumps = 0

    def wait(self, what, pred):
        """Poll the screen until pred(lines) is true (returns what it returned)."""
        r = self.poll(pred, WAIT_S)
        if not r:
            self.dump(f'timeout: {what}')
            raise Timeout(f'{self.name}: no screen with {what} within {WAIT_S} s '
                          f'(last screen in {OUT})')
        return r

    def dump(self, why):
        self.n_dumps += 1
        path = os.path.join(OUT, f'{self.name}-{self.n_dumps}.txt')
        with open(path, 'w') as f:
            f.write(f'# {why}\n' + '\n'.join(self.screen()))


# ---- reading the screen ------------------------------------------------------------------
# Lines: 0 "Viewing: VIEW For: ...", 1 "Source: ... Interval: #N ... Sort: COL (desc)",
# 2 the column header, 3.. the rows, the last one the menu.

def interval(lines):
    m = re.search(r'Interval: #(\d+)', lines[1])
    return int(m.group(1)) if m else None


def header(lines):
    return lines[2].split()


def rows(lines):
    """The rows under the header, as lists of words (until the first empty line)."""
    out = []
    for line in lines[3:-1]:
        if not line.strip():
            break
        out.append(line.split())
    return out


def container_rows(lines):
    """{name: {column: text}} of the Containers view (IMAGE has no blank here)."""
    h = header(lines)
    return {r[-1]: dict(zip(h, r)) for r in rows(lines) if len(r) == len(h)}


def proc_rows(lines):
    """[(container, command, cpu)] of the Processes view."""
    h = header(lines)
    i_cont, i_cpu = h.index('CONTAINER'), h.index('CPU')
    return [(r[i_cont], ' '.join(r[i_cont + 1:]), float(r[i_cpu])) for r in rows(lines)
            if len(r) > i_cont]


def shows(lines, *texts):
    s = '\n'.join(lines)
    return all(t in s for t in texts)


# ---- the test ----------------------------------------------------------------------------

def file_checks(cap, ids):
    busy = ids['scry-top-busy']
    p = Pane('scry-top-file', [SCRY, 'top', '-r', cap, '-d', '1000'])
    try:
        lines = p.wait('the three containers',
                       lambda l: l[0].startswith('Viewing: Containers For: whole machine') and
                       interval(l) is not None and
                       set(NAMES) <= set(container_rows(l)) and l)
        ok('scry top -r: Containers view with the three containers')
        p.keys('p')
        lines = p.wait('[PAUSED]', lambda l: '[PAUSED]' in l[1] and l)
        k = interval(lines)
        # the first interval may have caught the loops between two calls: step on
        for step in (1, 2):
            p.keys('n')
            lines = p.wait(f'interval #{k + step}', lambda l: interval(l) == k + step and l)
        ok(f'p pauses, n steps one interval at a time (#{k} to #{k + 2})')
        p.keys('(')
        lines = p.wait('Sort: SYSCALLS (desc)', lambda l: 'Sort: SYSCALLS (desc)' in l[1] and l)
        first = rows(lines)[0]
        if first[-1] == 'scry-top-busy' and busy in first:
            ok('Shift+9: sorted by SYSCALLS, scry-top-busy first')
        else:
            bad(f'sorted by SYSCALLS: first row {first}, want scry-top-busy')
            p.dump('sorted by SYSCALLS')
        p.keys('!')
        lines = p.wait('Sort: CPU (desc)', lambda l: 'Sort: CPU (desc)' in l[1] and l)
        c = container_rows(lines)
        cpu = {n: float(c[n]['CPU']) for n in NAMES if n in c}
        if ('CPU: engine' in lines[1] and rows(lines)[0][-1] == 'scry-top-busy' and
                len(cpu) == 3 and cpu['scry-top-busy'] > 10 and
                cpu['scry-top-busy'] > max(cpu['scry-top-idle1'], cpu['scry-top-idle2'])):
            ok(f'Shift+1: sorted by CPU (from the capture), scry-top-busy first ({cpu})')
        else:
            bad(f'sorted by CPU: first row {rows(lines)[0]}, CPU {cpu}, header {lines[1]!r}; '
                'want CPU: engine, scry-top-busy first above 10%')
            p.dump('sorted by CPU')
        # the busy one first again (by syscalls), selected, drilled into
        p.keys('(', 'Home', 'Enter')
        want = f'Viewing: Processes For: container.id={busy} (scry-top-busy)'
        lines = p.wait('the drill-down', lambda l: l[0].startswith(want) and proc_rows(l) and l)
        procs = proc_rows(lines)
        conts = {c for c, _, _ in procs}
        if conts == {'scry-top-busy'} and any('while' in cmd for _, cmd, _ in procs):
            ok(f'Enter: the processes of scry-top-busy only ({len(procs)}), its loop among them')
        else:
            bad(f'drill-down rows {procs}: want scry-top-busy\'s only, with its loop')
            p.dump('drill-down')
        k = interval(lines)
        p.keys('n')
        lines = p.wait(f'interval #{k + 1} drilled down',
                       lambda l: interval(l) == k + 1 and l[0].startswith(want) and l)
        if {c for c, _, _ in proc_rows(lines)} <= {'scry-top-busy'}:
            ok('n in the drill-down: the next interval, still scry-top-busy\'s processes')
        else:
            bad(f'after n in the drill-down: {proc_rows(lines)}')
        p.keys('BSpace')
        lines = p.wait('Backspace: all containers',
                       lambda l: l[0].startswith('Viewing: Containers For: whole machine') and
                       set(NAMES) <= set(container_rows(l)) and l)
        ok('Backspace: back on the three containers')
        p.keys('F2')
        p.wait('the view picker', lambda l: l[2].startswith('Views') and l)
        p.keys('Down', 'Enter')
        p.wait('the Processes view', lambda l: l[0].startswith('Viewing: Processes For: whole'))
        # the capture's process table has the whole host: F4 keeps the rows with scry-top
        p.keys('F4', 'scry-top', 'Enter')
        lines = p.wait('the rows F4 keeps',
                       lambda l: 'Rows: scry-top' in l[1] and proc_rows(l) and
                       all(c.startswith('scry-top') for c, _, _ in proc_rows(l)) and l)
        conts = {c for c, _, _ in proc_rows(lines)}
        if set(NAMES) <= conts and any('sleep' in cmd for _, cmd, _ in proc_rows(lines)):
            ok('F2: the Processes view; F4 scry-top: the processes of the three containers')
        else:
            bad(f'Processes view with F4 scry-top: containers {conts}, want {NAMES}')
        p.resize(120, 30)
        lines = p.wait('the menu on line 30 after a resize',
                       lambda l: len(l) >= 30 and 'F1Help' in l[29] and
                       l[0].startswith('Viewing: Processes') and l)
        ok('a resize to 120x30: redrawn, the menu on the new last line')
        p.keys('q')
        p.wait('exit status 0', lambda l: shows(l, 'scry top exited with status 0'))
        ok('q quits, status 0')
    finally:
        p.close()


def live_checks(ids):
    filt = 'container.id in (' + ','.join(ids[n] for n in NAMES) + ')'
    p = Pane('scry-top-live', [SCRY, 'top', '--engine', 'bpf', '-d', '1000', filt])
    try:
        p.wait('CPU figures from the cgroups',
               lambda l: 'CPU: cgroup' in l[1] and (interval(l) or 0) >= 2 and
               set(NAMES) <= set(container_rows(l)) and l)
        ok('scry top live: the three containers, CPU from the cgroups')
        p.keys('(')
        p.wait('Sort: SYSCALLS (desc)', lambda l: 'Sort: SYSCALLS (desc)' in l[1])
        p.keys('!')
        p.wait('Sort: CPU (desc)', lambda l: 'Sort: CPU (desc)' in l[1])
        p.keys('p')
        lines = p.wait('[PAUSED] with the three containers',
                       lambda l: '[PAUSED]' in l[1] and set(NAMES) <= set(container_rows(l)) and l)
        r = rows(lines)
        c = container_rows(lines)
        cpu = {n: float(c[n]['CPU']) for n in NAMES}
        if (r[0][-1] == 'scry-top-busy' and cpu['scry-top-busy'] > 10 and
                cpu['scry-top-busy'] > max(cpu['scry-top-idle1'], cpu['scry-top-idle2'])):
            ok(f'sorted by CPU: scry-top-busy first ({cpu})')
        else:
            bad(f'sorted by CPU: first row {r[0]}, CPU {cpu}; want scry-top-busy above 10%')
            p.dump('live sorted by CPU')
        p.keys('Home', 'Enter')
        want = f'Viewing: Processes For: container.id={ids["scry-top-busy"]}'
        lines = p.wait('the drill-down', lambda l: l[0].startswith(want) and proc_rows(l) and l)
        procs = proc_rows(lines)
        if procs[0][0] == 'scry-top-busy' and 'while' in procs[0][1] and procs[0][2] > 10:
            ok(f'Enter: scry-top-busy\'s processes, its loop first by CPU ({procs[0][2]}%)')
        else:
            bad(f'live drill-down rows {procs}: want the loop first, above 10% CPU')
            p.dump('live drill-down')
        p.keys('q')
        p.wait('exit status 0', lambda l: shows(l, 'scry top exited with status 0'))
        ok('live: q quits, status 0')
    finally:
        p.close()


def no_terminal_check(cap):
    r = subprocess.run([SCRY, 'top', '-r', cap], stdin=subprocess.DEVNULL,
                       capture_output=True, text=True)
    if r.returncode == 1 and 'needs a terminal' in r.stderr:
        ok('stdout on a pipe: status 1, "needs a terminal"')
    else:
        bad(f'stdout on a pipe: status {r.returncode}, stderr {r.stderr!r}')


def main():
    if os.geteuid() != 0:
        return st.skip('top', 'not root', 77)
    if not os.access('/sys/kernel/btf/vmlinux', os.R_OK):
        return st.skip('top', 'no kernel BTF (/sys/kernel/btf/vmlinux)', 77)
    if not os.path.exists(os.path.join(BUILD, 'driver', 'bpf', 'probe.skel.h')):
        return st.skip('top', "this build has no eBPF probe (see CMake's output)", 77)
    if not shutil.which('tmux'):
        return st.skip('top', 'no tmux', 77)
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(OUT)
    ping = subprocess.run(['curl', '-s', '--max-time', '5', '--unix-socket',
                           '/var/run/docker.sock', 'http://d/_ping'], capture_output=True, text=True)
    stop_runtimes = ping.stdout != 'OK'
    docker = None
    try:
        run([os.path.join(ROOT, 'scripts', 'runtimes.sh'), 'start', RTDIR])
        env = {}
        with open(os.path.join(RTDIR, 'env')) as f:
            for line in f:
                m = re.match(r'(\w+)=([^;\n]*)', line)
                if m:
                    env[m.group(1)] = m.group(2)
        docker, image = env['SCRY_DOCKER'], env['SCRY_DOCKER_IMAGE']
        subprocess.run([docker, 'rm', '-f'] + NAMES, capture_output=True)  # an interrupted run's
        ids = {}
        for name in NAMES:
            loop = BUSY_LOOP if name == 'scry-top-busy' else IDLE_LOOP
            ids[name] = run([docker, 'run', '-d', '--network', 'none', '--name', name, image,
                             'sh', '-c', loop]).strip()[:12]
        cap = os.path.join(OUT, 'top.scap')
        filt = 'container.id in (' + ','.join(ids[n] for n in NAMES) + ')'
        with open(os.path.join(OUT, 'capture.err'), 'w') as err:
            subprocess.run([SCRY, '--engine', 'bpf', '-w', cap, '-M', '6', filt], check=True,
                           stderr=err)
        ok(f'captured the three containers ({os.path.getsize(cap)} bytes)')
        file_checks(cap, ids)
        live_checks(ids)
        no_terminal_check(cap)
    except (Timeout, st.CommandFailed, subprocess.CalledProcessError) as e:
        bad(str(e) + (f': {e.stderr}' if getattr(e, 'stderr', None) else ''))
    finally:
        st.tmux_kill_server(TMUX_SERVER)
        if docker:
            subprocess.run([docker, 'rm', '-f'] + NAMES, capture_output=True)
        if stop_runtimes:
            subprocess.run([os.path.join(ROOT, 'scripts', 'runtimes.sh'), 'stop', RTDIR])
    return st.finish('top')


if __name__ == '__main__':
    sys.exit(main())

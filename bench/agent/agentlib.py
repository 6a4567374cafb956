# SPDX-License-Identifier: Apache-2.0
"""bench/agent/agentlib.py: what bench/agent/churn and bench/agent/redis share: a scryd
started live on the eBPF probe with Falco's default rules, its readiness (the "running:"
line of its log), /proc samples of its RSS and CPU time, and the counters of its exit log.
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', '..', 'test', 'pylib'))
import scrytest  # noqa: E402  (Daemon: a process started and stopped by its PID)

ROOT = scrytest.ROOT
# Falco's default (stable) rules, from the shared tree: read there, never copied
RULES = os.path.join(scrytest.SHARED, 'rules', 'falcosecurity-rules-main-c72713e',
                     'falco_rules.yaml')

CONFIG = """\
engine: bpf
rules:
  - %s
outputs:
  stdout:
    enabled: false
  file:
    enabled: true
    path: %s
    max_size: 16M
    max_files: 2
log:
  target: stderr
  level: info
"""


def clk_tck():
    return os.sysconf('SC_CLK_TCK')


def cpu_s(pid):
    """User + system CPU seconds of process @pid and its threads so far."""
    with open('/proc/%d/stat' % pid) as f:
        fields = f.read().rsplit(')', 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / clk_tck()


def mem_kb(pid):
    """(VmRSS, VmHWM) of @pid in KiB."""
    got = {}
    with open('/proc/%d/status' % pid) as f:
        for line in f:
            k, _, v = line.partition(':')
            if k in ('VmRSS', 'VmHWM'):
                got[k] = int(v.split()[0])
    return got.get('VmRSS', 0), got.get('VmHWM', 0)


def loadavg():
    with open('/proc/loadavg') as f:
        return ' '.join(f.read().split()[:3])


def other_captures(mine=()):
    """PIDs of live captures other than @mine (scry, scryd, sysdig, falco processes with a
    BPF program or a scry device open): on a shared machine another helper's probe slows
    every system call, ours and redis's."""
    pids = []
    for d in os.listdir('/proc'):
        if not d.isdigit() or int(d) in mine:
            continue
        try:
            with open('/proc/%s/comm' % d) as f:
                comm = f.read().strip()
        except OSError:
            continue
        if comm in ('scry', 'scryd', 'sysdig', 'falco') and live_capture(int(d)):
            pids.append(int(d))
    return pids


def live_capture(pid):
    """Whether @pid holds a BPF program or link, or a scry device (not a file reader)."""
    try:
        fds = os.listdir('/proc/%d/fd' % pid)
    except OSError:
        return False
    for fd in fds:
        try:
            target = os.readlink('/proc/%d/fd/%s' % (pid, fd))
        except OSError:
            continue
        if target.startswith(('anon_inode:bpf-prog', 'anon_inode:bpf_link', '/dev/scry')):
            return True
    return False


class Scryd(scrytest.Daemon):
    """One scryd, live, its alerts to a file in @workdir, its log in @workdir/NAME.err."""

    def __init__(self, binary, name, workdir, rules=RULES, syscalls=None, exit_only=None):
        self.name = name
        self.alerts = os.path.join(workdir, name + '.json')
        self.cfg = os.path.join(workdir, name + '.yaml')
        self.errpath = os.path.join(workdir, name + '.err')
        with open(self.cfg, 'w') as f:
            f.write(CONFIG % (os.path.abspath(rules), self.alerts))
            if syscalls or exit_only:  # capture.syscalls: auto or all; .exit_only
                f.write('capture:\n')
            if syscalls:
                f.write('  syscalls: %s\n' % syscalls)
            if exit_only:
                f.write('  exit_only: %s\n' % exit_only)
        super().__init__([binary, '-c', self.cfg], log=self.errpath)
        self.peak_rss = 0

    def wait_running(self, limit=120):
        """Wait for the "running:" line (probe attached, rules loaded); exit on failure."""
        if not self.wait_log('scryd: info: running:', limit=limit):
            sys.exit('%s: scryd did not start:\n%s' % (self.name, self.log()))

    def sample(self):
        """(RSS KiB, CPU s) now; the peak RSS seen is kept."""
        rss, hwm = mem_kb(self.pid)
        self.peak_rss = max(self.peak_rss, rss, hwm)
        return rss, cpu_s(self.pid)

    def stop(self):
        """SIGTERM, wait; the exit log's counters as a dict."""
        rc = super().stop(timeout=120)
        log = self.log()
        got = {'rc': rc}
        m = re.search(r'engine: (\d+) events, dropped (\d+) \(ring full\), (\d+) \(too big\), '
                      r'(\d+) \(nested\)', log)
        if m:
            got.update(engine_events=int(m.group(1)), drops=int(m.group(2)) + int(m.group(3))
                       + int(m.group(4)))
        m = re.search(r'(\d+) events in ([0-9.]+) s \((\d+) events/s\), (\d+) alerts', log)
        if m:
            got.update(events=int(m.group(1)), alerts=int(m.group(4)))
        m = re.search(r'alerts written, (\d+) dropped \(queue full\), (\d+) lost', log)
        if m:
            got.update(alert_drops=int(m.group(1)) + int(m.group(2)))
        return got

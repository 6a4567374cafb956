# SPDX-License-Identifier: Apache-2.0
"""test/pylib/scrytest.py: what scry's Python tests (test/*.py, test/containers/,
test/stream/) and the benchmark scripts (bench/) share, so that each holds only what it
asserts:

- where things are: ROOT (the source tree), SHARED (../shared beside it), TRACES (the
  shared conformance captures), bin_path(NAME) (build/bin/NAME), tool_args() (the
  --scry/--scryd options), load() and mkcapture() (modules of the tree by path);
- checks: check() prints one line "ok   WHAT" or "FAIL WHAT" and counts it; require()
  ends the test on a failure; live_bpf() says whether live capture can be tried (else
  why it is skipped); finish() prints "NAME: N passed, M failed" and gives the
  exit status (0, or 1 on any failure); skip() says why a test did not run;
- commands: run() runs one with its output captured (run_env(): TZ=UTC) and returns
  Result(rc, out, err), whose describe() says the command, its exit status and its
  stderr's tail; expect() runs one and checks its exit status and exact output;
- waiting: wait_for() polls a condition (no sleep stands in for readiness), wait_port()
  and wait_file(); Daemon is a background process started by the test, its log read,
  waited on (wait(), wait_log()) and stopped by its PID (stop()); Pane is a command in a
  detached tmux session, its screen polled;
- tmpdir(), free_port(), read().

Tests put `sys.path.insert(0, <this folder>)` before `import scrytest`; nothing here
reads the environment but for the child processes' own (plus TZ=UTC).
"""
import collections
import contextlib
import importlib.util
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SHARED = os.path.join(ROOT, '..', 'shared')
TRACES = os.path.join(SHARED, 'conformance', 'traces')


def bin_path(name, build=None):
    """BUILD/bin/NAME (BUILD: ROOT/build by default)."""
    return os.path.join(build or os.path.join(ROOT, 'build'), 'bin', name)


def tool_args(ap, *names):
    """Add --NAME (default build/bin/NAME) to the argparse parser AP for each of NAMES."""
    for n in names:
        ap.add_argument('--' + n, default=bin_path(n), help='the %s binary (%%(default)s)' % n)


def load(name, path):
    """The Python module at PATH (a file of the tree, not a package), named NAME."""
    spec = importlib.util.spec_from_file_location(name, path)
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    return m


def mkcapture():
    """scripts/mkcapture.py, the synthetic capture blocks, as a module (loaded once)."""
    if 'mkcapture' not in sys.modules:
        sys.modules['mkcapture'] = load('mkcapture', os.path.join(ROOT, 'scripts', 'mkcapture.py'))
    return sys.modules['mkcapture']


# ---- checks ----------------------------------------------------------------------------

passed = 0
failures = []  # the WHAT of each failed check, in order


def check(ok, what, detail=None):
    """Print "ok   WHAT" or "FAIL WHAT" (and DETAIL, indented, on a failure); count it.
    Returns bool(ok)."""
    global passed
    print('%s %s' % ('ok  ' if ok else 'FAIL', what), flush=True)
    if ok:
        passed += 1
    else:
        if detail:
            print('  ' + str(detail).replace('\n', '\n  '), flush=True)
        failures.append(what)
    return bool(ok)


def require(ok, what, detail=None):
    """check(); on a failure the test ends here, exit status 1 (what follows needs OK)."""
    if not check(ok, what, detail):
        raise SystemExit(1)


def live_bpf(what):
    """Whether live capture with the eBPF probe can be tried here (root, kernel BTF); if
    not, say "skip WHAT: needs root and BTF"."""
    if os.geteuid() == 0 and os.path.exists('/sys/kernel/btf/vmlinux'):
        return True
    print('skip %s: needs root and BTF' % what, flush=True)
    return False


def finish(name):
    """Print "NAME: N passed, M failed"; 1 when a check failed, else 0 (exit status)."""
    print('%s: %d passed, %d failed' % (name, passed, len(failures)), flush=True)
    return 1 if failures else 0


def skip(name, why, status=0):
    """Print "NAME: skipped: WHY"; returns STATUS (0, or 77 where ctest counts a skip)."""
    print('%s: skipped: %s' % (name, why), flush=True)
    return status


# ---- commands ----------------------------------------------------------------------------

def run_env(**extra):
    """This process's environment with TZ=UTC (captures print times in UTC) and EXTRA."""
    return dict(os.environ, TZ='UTC', **extra)


def _tail(text, lines=5, chars=600):
    """The last LINES lines (at most CHARS characters) of TEXT (str, bytes or None)."""
    if isinstance(text, bytes):
        text = text.decode(errors='replace')
    text = '\n'.join((text or '').rstrip('\n').split('\n')[-lines:])
    return text[-chars:]


def cmdline(argv):
    """ARGV as one shell-quoted line, for messages."""
    return ' '.join(shlex.quote(str(a)) for a in argv)


class Result(collections.namedtuple('Result', 'rc out err')):
    """A finished command: exit status, stdout, stderr (str, or bytes with text=False).
    Unpacks as (rc, out, err); .argv is the command."""
    argv = ()
    # subprocess.CompletedProcess's names, for code written against it
    returncode = property(lambda self: self.rc)
    stdout = property(lambda self: self.out)
    stderr = property(lambda self: self.err)

    def describe(self):
        """"CMD: exit N: <the last lines of stderr>"."""
        tail = _tail(self.err)
        return '%s: exit %s%s' % (cmdline(self.argv), self.rc, ': ' + tail if tail else '')


class CommandFailed(SystemExit):
    """run(check=True) of a command that failed or hung: uncaught, the test exits 1 with
    the message; a test that goes on after it catches it."""

    def __init__(self, msg):
        super().__init__(msg)
        self.msg = msg

    def __str__(self):
        return self.msg


def run(argv, *, stdin=None, text=True, timeout=600, check=False, env=None,
        stderr=subprocess.PIPE, **kw):
    """Run ARGV (env: ENV or this one's, with TZ=UTC) and return its Result; stdin
    /dev/null unless STDIN (a file or bytes) is given. TEXT: decode the output (UTF-8,
    errors replaced). STDERR=subprocess.STDOUT puts stderr in .out (.err is then None).
    A command still running after TIMEOUT s (a hang guard, not a
    measure) is killed: CommandFailed, as is an exit status not 0 with CHECK."""
    argv = [str(a) for a in argv]
    data = stdin if isinstance(stdin, bytes) else None
    try:
        p = subprocess.run(argv, input=data,
                           stdin=None if data is not None else (stdin or subprocess.DEVNULL),
                           stdout=subprocess.PIPE, stderr=stderr,
                           env=env or run_env(), timeout=timeout, **kw)
    except subprocess.TimeoutExpired as e:
        raise CommandFailed('%s: still running after %s s, killed: %s'
                            % (cmdline(argv), timeout, _tail(e.stderr))) from None
    out, err = p.stdout, p.stderr
    if text:
        out = out.decode(errors='replace')
        err = None if err is None else err.decode(errors='replace')
    r = Result(p.returncode, out, err)
    r.argv = argv
    if check and r.rc != 0:
        raise CommandFailed(r.describe())
    return r


def expect(argv, what, rc=0, out=None, err=None, **kw):
    """Run ARGV (run()'s KW) and check that it exits RC with stdout OUT and stderr ERR,
    exactly (None: not checked). What differs is printed on a failure. Returns the
    Result."""
    r = run(argv, **kw)
    bad = []
    if r.rc != rc:
        bad.append('exit %s (want %s): %s' % (r.rc, rc, cmdline(argv)))
    for name, got, want in (('stdout', r.out, out), ('stderr', r.err, err)):
        if want is not None and got != want:
            bad.append('%s %r\nwant   %r' % (name, got, want))
    check(not bad, what, '\n'.join(bad))
    return r


def first_difference(a, b):
    """(line number from 1, A's line, B's line) where the sequences of lines A and B first
    differ (None for the side that has ended), or None when they are equal."""
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return i + 1, x, y
    if len(a) != len(b):
        n = min(len(a), len(b))
        return n + 1, a[n] if n < len(a) else None, b[n] if n < len(b) else None
    return None


# ---- waiting -----------------------------------------------------------------------------

def wait_for(cond, what=None, trigger=None, limit=60, interval=0.05):
    """Poll COND() until it returns a true value and return that value; TRIGGER (when
    given) is called before each poll. After LIMIT s (a hang guard: COND is the
    readiness) None, saying "timed out waiting for WHAT" when WHAT is given."""
    deadline = time.monotonic() + limit
    while True:
        if trigger:
            trigger()
        v = cond()
        if v:
            return v
        if time.monotonic() >= deadline:
            break
        time.sleep(interval)
    if what:
        print('timed out waiting for ' + what, flush=True)
    return None


def port_open(port, host='127.0.0.1'):
    """Whether something accepts TCP connections on HOST:PORT now."""
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def wait_port(port, host='127.0.0.1', limit=60, what=None):
    """wait_for() a listener on HOST:PORT."""
    return wait_for(lambda: port_open(port, host), what, limit=limit)


def wait_file(path, limit=60, what=None):
    """wait_for() PATH to exist."""
    return wait_for(lambda: os.path.exists(path), what, limit=limit)


def read(path):
    """The text of PATH; '' when it does not exist (yet)."""
    try:
        with open(path, errors='replace') as f:
            return f.read()
    except FileNotFoundError:
        return ''


def free_port(host='127.0.0.1'):
    """A TCP port nothing listens on now (bound, then closed: another process may take it
    before it is used; where that matters, retry)."""
    with socket.socket(socket.AF_INET6 if ':' in host else socket.AF_INET) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def tmpdir(prefix='scry_test.'):
    """A temporary directory, removed with what it holds at the end of the with block."""
    d = tempfile.mkdtemp(prefix=prefix)
    try:
        yield d
    finally:
        shutil.rmtree(d, ignore_errors=True)


class Daemon:
    """A process the test starts in the background and stops by its PID.

    log: a file for its stderr (stdout=subprocess.STDOUT puts stdout there too; no log:
    this process's stderr);
    lines=True instead reads its stdout and stderr, line by line, into .out and .err
    (lists of str) from two threads. stdin and stdout otherwise as given (/dev/null)."""

    def __init__(self, argv, log=None, stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                 lines=False, env=None, cwd=None):
        self.argv = [str(a) for a in argv]
        self.log_path = log
        self.out, self.err, self.readers = [], [], []
        e = env or run_env()
        if lines:
            self.p = subprocess.Popen(self.argv, stdin=stdin, stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, env=e, cwd=cwd)
            self.readers = [threading.Thread(target=self._read, args=(f, l), daemon=True)
                            for f, l in ((self.p.stdout, self.out), (self.p.stderr, self.err))]
            for t in self.readers:
                t.start()
        else:
            with open(log, 'w') if log else contextlib.nullcontext() as errf:
                self.p = subprocess.Popen(self.argv, stdin=stdin, env=e, cwd=cwd, stderr=errf,
                                          stdout=errf if stdout == subprocess.STDOUT else stdout)
        self.pid = self.p.pid

    @staticmethod
    def _read(f, lines):
        for line in iter(f.readline, b''):
            lines.append(line.decode(errors='replace'))

    def log(self):
        """What it wrote to its log so far (its stderr lines with lines=True)."""
        return read(self.log_path) if self.log_path else ''.join(self.err)

    def running(self):
        return self.p.poll() is None

    def send_signal(self, sig):
        """Send SIG to its PID (while it runs)."""
        if self.running():
            os.kill(self.pid, sig)

    def wait(self, cond, what=None, limit=60, trigger=None):
        """wait_for() COND, ending early when the process ends (then COND() once more)."""
        ended = []

        def poll():
            v = cond()
            if not v and not self.running():
                ended.append(self.p.returncode)
                return True
            return v
        v = wait_for(poll, trigger=trigger, limit=limit)
        if ended:
            v = cond()  # what it wrote as it ended
        if not v and what:
            print('timed out waiting for %s (%s)' % (
                what, 'exit status %s' % self.p.returncode if not self.running() else
                '%s s' % limit), flush=True)
        return v or None

    def wait_log(self, pattern, what=None, limit=60):
        """The re match of PATTERN in its log once it is there; None if it ends first."""
        return self.wait(lambda: re.search(pattern, self.log(), re.M), what, limit)

    def stop(self, sig=signal.SIGTERM, timeout=60):
        """SIG to its PID, then its exit status; SIGKILL when it has not exited TIMEOUT s
        later. Its pipes are closed, the line readers joined."""
        self.send_signal(sig)
        try:
            rc = self.p.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            print('%s: no exit %s s after signal %d: SIGKILL' % (cmdline(self.argv[:1]),
                                                                 timeout, sig), flush=True)
            self.p.kill()
            rc = self.p.wait()
        for t in self.readers:
            t.join(60)
        for f in (self.p.stdin, self.p.stdout, self.p.stderr):
            if f:
                f.close()
        return rc


def tmux_server(server):
    """The tmux server name of SERVER for this test process: its pid appended, so that
    the same test run at the same time from another tree (another build, another helper)
    has a server of its own (the socket is per user: one name would be one server, and
    one run's kill-server would end the other's sessions)."""
    return '%s-%d' % (server, os.getpid())


def tmux_kill_server(server):
    """End tmux_server(SERVER) and remove its socket (a name of its own each run: the
    sockets would pile up in tmux's directory)."""
    name = tmux_server(server)
    subprocess.run(['tmux', '-L', name, 'kill-server'], capture_output=True)
    sock = os.path.join(os.environ.get('TMUX_TMPDIR', '/tmp'), 'tmux-%d' % os.getuid(), name)
    with contextlib.suppress(OSError):
        os.unlink(sock)


class Pane:
    """ARGV in a detached tmux session NAME (of the tmux server tmux_server(SERVER)),
    WIDTH x HEIGHT; when ARGV ends the pane prints "LABEL exited with status N" and stays
    to be read."""

    def __init__(self, server, name, argv, label, width=200, height=50):
        self.server = server
        self.tmux = ['tmux', '-L', tmux_server(server)]
        self.name = name
        shell = '%s; echo "%s exited with status $?"; exec sleep 3600' % (cmdline(argv), label)
        subprocess.run(self.tmux + ['kill-session', '-t', name], capture_output=True)
        run(self.tmux + ['new-session', '-d', '-s', name, '-x', str(width), '-y', str(height),
                         'sh', '-c', shell], check=True)

    def screen(self):
        """The lines of the screen now."""
        return run(self.tmux + ['capture-pane', '-p', '-t', self.name], check=True).out.split('\n')

    def keys(self, *keys):
        run(self.tmux + ['send-keys', '-t', self.name] + list(keys), check=True)

    def resize(self, width, height):
        run(self.tmux + ['resize-window', '-t', self.name, '-x', str(width), '-y', str(height)],
            check=True)

    def poll(self, pred, limit=60):
        """PRED(screen lines)'s value once true; None after LIMIT s."""
        return wait_for(lambda: pred(self.screen()), limit=limit)

    def close(self):
        subprocess.run(self.tmux + ['kill-session', '-t', self.name], capture_output=True)

    def kill_server(self):
        tmux_kill_server(self.server)

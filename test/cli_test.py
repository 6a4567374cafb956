#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""test/cli_test.py: scry's option handling and capture-reading messages (ctest cli_test).

    test/cli_test.py [--scry build/bin/scry]

Each check runs scry and asserts its exit status and its exact output or message:
options after the filter (sysdig's getopt permutes), -k/--engine, --version, unknown
options, out-of-range values (-n/-s/-C/-G/-W/-M), the -M limit that overflowed, a -w
path refused before the capture engine loads, gzip captures with a bad CRC or garbage
after the magic or read through a pipe, a pcapng network capture, a directory, a
missing file, --driver load without CAP_SYS_MODULE, --engine kmod without the module,
-p format errors, sysdig's -pp/-A/-t/-q checks, and (as root, with the eBPF probe) the
line live capture prints on a terminal once it has begun.

Reads ../shared/conformance/traces/cat_write.scap (gzip, 85 events); skips (exit 0 with
a message) when it is absent.
"""
import argparse
import os
import re
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import zlib

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'pylib'))
import scrytest as st  # noqa: E402  (run, check, tmpdir: test/pylib/scrytest.py)
from scrytest import check  # noqa: E402

TRACE = os.path.join(st.TRACES, 'cat_write.scap')
TRY = "Try 'scry --help' for more information.\n"


def run(args, prefix=(), **kw):
    """scry ARGS (after PREFIX): (exit status, stdout, stderr)."""
    return st.run(list(prefix) + [SCRY] + list(args), timeout=120, **kw)


def expect(args, rc, err, what, out=None, prefix=(), **kw):
    """scry ARGS exits RC with stderr ERR (and stdout OUT when given)."""
    return st.expect(list(prefix) + [SCRY] + list(args), what, rc=rc, out=out, err=err,
                     timeout=120, **kw).out


def options(tmp):
    full = run(['-r', TRACE])[1]
    lines = full.splitlines(True)
    check(len(lines) == 85, 'the trace prints 85 events')
    cat3 = run(['-r', TRACE, '-n', '3', 'proc.name=cat'])[1]
    check(len(cat3.splitlines()) == 3, '-n 3 proc.name=cat: 3 lines')
    expect(['-r', TRACE, 'proc.name=cat', '-n', '3'], 0, '', 'an option after the filter',
           out=cat3)
    expect(['-r', TRACE, 'proc.name', '=', 'cat', '-n', '3'], 0, '',
           'an option after a filter of several words', out=cat3)
    expect(['-r', TRACE, 'evt.res', '=', '-1'], 2, "scry: invalid option -- '1'\n" + TRY,
           "a filter word starting with '-' is an option, as in sysdig")
    expect(['-r', 'nats://127.0.0.1:1/S?host=a', '--fetch', 'alert'], 2,
           'scry: --fetch alert: alerts or metrics (the capture itself is read by -r URL '
           'without --fetch)\n', '--fetch of a kind no publisher sends: a usage error')
    expect(['-r', TRACE, '-w', os.path.join(tmp, 'x.scap'), '--spool-dir', tmp], 2,
           'scry: --spool-dir applies to -w URL (publishing to a bus)\n',
           'a publisher option without a bus: a usage error')
    expect(['-r', TRACE, '-w', 'nats://127.0.0.1:1/S?host=a', '-C', '1'], 2,
           'scry: -C, -G and -W rotate files: -w URL publishes chunks (--chunk-events, '
           '--max-message)\n', 'rotation with a bus: a usage error')
    neg = run(['-r', TRACE, 'evt.rawres != -1'])[1]
    check(len(neg.splitlines()) == 36, "evt.rawres != -1: 36 events (as sysdig)")
    expect(['-r', TRACE, '--', 'evt.rawres', '!=', '-1'], 0, '',
           "a filter word starting with '-' after --", out=neg)
    # -k takes no argument: what follows is the next option (-n counts the 130 hidden
    # procinfo events the trace starts with, as sysdig does)
    expect(['-r', TRACE, '-k', '-n', '132'], 0, '', '-k takes no argument',
           out=''.join(lines[:2]))
    # a -p field scry does not know: sysdig refuses the format (status 1) with this
    # message; scry says it is its own and where the field is
    expect(['-r', TRACE, '-p', '%evt.num %proc.nme'], 1,
           'scry: -p: invalid formatting token proc.nme (at byte 10)\n',
           'an unknown -p field: sysdig\'s message, prefixed, with its byte', out='')
    expect(['-r', TRACE, '-p', '*%evt.num %'], 1,
           'scry: -p: invalid formatting syntax: formatting cannot end with a % (at byte 11)\n',
           'a -p format ending with %', out='')
    # sysdig's shorthands and option checks
    expect(['-r', TRACE, '-pp'], 0, '', '-pp prints the default format',
           out='*%evt.num %evt.outputtime %evt.cpu %proc.name (%thread.tid) %evt.dir '
               '%evt.type %evt.info\n')
    expect(['-r', TRACE, '-A', '-x'], 2,
           'scry: you cannot specify more than one output format\n', '-A with -x', out='')
    expect(['-r', TRACE, '-t', 'x'], 2,
           'scry: invalid modifier for flag -t: x (h, a, r, d or D)\n', '-t x', out='')
    expect(['-r', TRACE, '-q'], 0, '', '-q prints nothing', out='')
    expect(['-r', TRACE, '-q', '-w', os.path.join(tmp, 'q.scap')], 0, '',
           '-q -w writes and prints nothing', out='')
    check(os.path.getsize(os.path.join(tmp, 'q.scap')) > 10000, '-q -w: the file is written')
    # -n counts the hidden state events (130 procinfo) first, as sysdig: 131 shows one
    expect(['-r', TRACE, '-n', '131', '-p', '%evt.num %evt.type'], 0, '',
           '-n 131: the first shown event only', out='131 execve\n')
    # -S: sysdig's table, the hidden procinfo events counted; equal counts as first seen
    summary = run(['-r', TRACE, '-S', '-q'])[1].splitlines()
    check(summary[:6] == ['----------------------', 'Event           #Calls',
                          '----------------------', '> procinfo        260',
                          '> mmap            10', '< mmap            10'] and
          len(summary) == 29 and summary[-1] == '> procexit        1', '-S -q: the table')
    # -X: sysdig's rows of 16 bytes
    expect(['-r', TRACE, '-X', '-p', '%evt.arg.data', 'evt.num=153'], 0, '', '-X rows',
           out='\n\t0x0000: 7f45 4c46 0201 0103 0000 0000 0000 0000  .ELF............\n'
               '\t0x0010: 0300 3e00 0100 0000 e00b 0200 0000 0000  ..>.............\n'
               '\t0x0020: 4000 0000 0000 0000 9074 1c00 0000 0000  @........t......\n'
               '\t0x0030: 0000 0000 4000 3800 0a00 4000 4700 4600  ....@.8...@.G.F.\n'
               '\t0x0040: 0600 0000 0500 0000 4000 0000 0000 0000  ........@.......\n\n')
    helptext = run(['--help'])[1]
    check(re.search(r'^ -k +capture with the scry kernel module \(--engine kmod\)$', helptext,
                    re.M) is not None and
          re.search(r'^ +--engine=ENGINE +the live capture engine', helptext, re.M) is not None and
          '-k, --engine' not in helptext and re.search(r'^ +--version ', helptext, re.M),
          '--help: -k and --engine=ENGINE apart, --version')
    with open(os.path.join(st.ROOT, 'CMakeLists.txt')) as f:
        version = re.search(r'project\(scry VERSION ([0-9.]+)', f.read()).group(1)
    expect(['--version'], 0, '', '--version', out='scry version %s\n' % version)
    expect(['--bogus'], 2, "scry: unrecognized option '--bogus'\n" + TRY,
           'an unknown long option: one line and a pointer to --help', out='')
    expect(['-Q'], 2, "scry: invalid option -- 'Q'\n" + TRY, 'an unknown short option')
    expect(['-r', TRACE, '-c', 'topprocs_cpu'], 2, "scry: invalid option -- 'c'\nscry: sysdig's "
           "chisels (-c, -cl) are not in scry: 'scry top' shows csysdig's views, 'scry -r FILE "
           "--metrics' per-container figures\n" + TRY, "sysdig's -c CHISEL: what scry has instead")
    expect(['-r'], 2, "scry: option requires an argument -- 'r'\n" + TRY,
           'a missing option argument')
    out = os.path.join(tmp, 'o.scap')
    for args, err in (
            (['-n', '0'], 'invalid event count 0: -n takes 1 to 18446744073709551615'),
            (['-n', 'x'], '-n x: not a number'),
            (['-n', '-1'], 'invalid event count -1: -n takes 1 to 18446744073709551615'),
            (['-n', '-1x'], '-n -1x: not a number'),
            (['-s', '4294967296'], 'invalid snaplen 4294967296: -s takes 0 to 4294967295'),
            (['-C', '1', '-W', '4294967296'],
             'invalid file limit 4294967296: -W takes 1 to 4294967295'),
            (['-C', '1', '-W', '0'], 'invalid file limit 0: -W takes 1 to 4294967295'),
            (['-C', '18446744073710'],
             'invalid file size 18446744073710: -C takes 1 to 18446744073709'),
            (['-C', '0'], 'invalid file size 0: -C takes 1 to 18446744073709'),
            (['-G', '0'], 'invalid duration 0: -G takes 1 to 18446744073'),
            (['-G', '18446744074'], 'invalid duration 18446744074: -G takes 1 to 18446744073'),
            (['-M', '0'], 'invalid duration 0: -M takes 1 to 18446744073'),
            (['-M', '18446744074'], 'invalid duration 18446744074: -M takes 1 to 18446744073')):
        expect(['-r', TRACE, '-w', out] + args, 2, 'scry: %s\n' % err,
               'refused: %s' % ' '.join(args))
    check(not os.path.exists(out), 'no file written by a refused command line')
    # the largest -M: its window holds every event (it wrapped to a few seconds, or 0)
    expect(['-r', TRACE, '-M', '18446744073'], 0, '', '-M 18446744073 prints every event',
           out=full)
    expect(['-r', TRACE, '-M', '18446744073', '-w', out], 0, '', '-M 18446744073 -w')
    expect(['-r', out], 0, '', '-M 18446744073 -w wrote every event', out=full)
    expect(['-r', TRACE, '-M', '18446744073', '-w', out, 'evt.num>0'], 0, '',
           '-M 18446744073 -w with a filter')
    expect(['-r', out], 0, '', '-M 18446744073 -w with a filter wrote every event', out=full)
    return full


def live_w(tmp):
    # refused before any engine is opened: no module or probe message, no file left
    bad = os.path.join(tmp, 'missing-dir', 'x.scap')
    expect(['-w', bad, '-M', '1'], 1,
           'scry: cannot create %s: No such file or directory\n' % bad,
           'live -w into a missing directory: refused before the engine')
    expect(['-w', tmp, '-M', '1'], 1, 'scry: cannot create %s: Is a directory\n' % tmp,
           'live -w onto a directory: refused before the engine')
    expect(['-w', bad, '-C', '1', '-W', '10', '-M', '1'], 1,
           'scry: cannot create %s00: No such file or directory\n' % bad,
           'live -w -C -W: the first rotated name is checked')


def gzip_reading(tmp, full):
    with open(TRACE, 'rb') as f:
        gz = f.read()
    size = len(zlib.decompress(gz, 16 + zlib.MAX_WBITS))
    bad = bytearray(gz)
    bad[-8] ^= 0xff  # the CRC-32 of the trailer
    p = os.path.join(tmp, 'badcrc.scap.gz')
    with open(p, 'wb') as f:
        f.write(bad)
    expect(['-r', p], 1,
           'scry: %s: read error at offset %d: corrupt gzip stream (incorrect data check)\n'
           % (p, size), 'gzip with a bad CRC: every event, then the error at its offset',
           out=full)
    g = os.path.join(tmp, 'garbage.gz')
    with open(g, 'wb') as f:
        f.write(b'\x1f\x8bhello world')
    expect(['-r', g], 1, 'scry: %s: read error at offset 0: corrupt gzip stream (unknown '
           'compression method)\n' % g, 'garbage after the gzip magic: a corrupt gzip stream')
    m = os.path.join(tmp, 'magic.gz')
    with open(m, 'wb') as f:
        f.write(b'\x1f\x8b')
    expect(['-r', m], 1, 'scry: %s: read error at offset 0: corrupt gzip stream: it ends '
           'before any data\n' % m, 'the gzip magic alone: a corrupt gzip stream')
    for name in ('/dev/stdin', '-'):
        with open(TRACE, 'rb') as f:
            expect(['-r', name], 0, '', 'gzip through a pipe: -r %s' % name, out=full,
                   stdin=subprocess.Popen(['cat'], stdin=f, stdout=subprocess.PIPE).stdout)
    r, w = os.pipe()
    os.write(w, gz)  # < 64 KiB: fits in the pipe
    os.close(w)
    expect(['-r', '/dev/fd/%d' % r], 0, '', 'gzip through a pipe: -r /dev/fd/N', out=full,
           pass_fds=(r,))
    os.close(r)


def block(btype, body):
    body += b'\0' * (-len(body) % 4)
    n = 12 + len(body)
    return struct.pack('<II', btype, n) + body + struct.pack('<I', n)


def other_inputs(tmp):
    p = os.path.join(tmp, 'net.pcapng')
    with open(p, 'wb') as f:
        f.write(block(0x0A0D0D0A, struct.pack('<IHHq', 0x1A2B3C4D, 1, 0, -1)) +
                block(1, struct.pack('<HHI', 1, 0, 65535)) +
                block(6, struct.pack('<IIIII', 0, 0, 0, 60, 60) + bytes(60)))
    expect(['-r', p], 1, 'scry: %s: not a scap capture: a pcapng file without scap blocks '
           '(its first block after the section header has type 0x1: a network capture?)\n' % p,
           'a pcapng network capture: refused, exit 1')
    expect(['-r', tmp], 1, 'scry: %s: Is a directory\n' % tmp, 'a directory')
    # Falco's -r is its rules file: a Falco user's `scry -r rules.yaml` is told --rules
    rules = os.path.join(tmp, 'my_rules.yaml')
    with open(rules, 'w') as f:
        f.write('- list: shells\n  items: [sh]\n')
    expect(['-r', rules], 1, 'scry: %s: not a scap capture: first block type 0x696c202d, expected '
           'a section header (0x0a0d0d0a)\nscry: %s looks like a rules file: --rules %s (Falco\'s '
           '-r is scry\'s --rules; scry\'s -r, as sysdig\'s, reads a capture)\n'
           % (rules, rules, rules), 'a rules file given to -r: pointed at --rules')
    missing = os.path.join(tmp, 'missing.scap')
    expect(['-r', missing], 1, 'scry: %s: No such file or directory\n' % missing,
           'a missing file: named once')


def privileges():
    setpriv = shutil.which('setpriv')
    if os.geteuid() == 0 and setpriv:
        expect(['--driver', 'load'], 1, 'scry: --driver load: loading a kernel module needs '
               'root (CAP_SYS_MODULE); run scry --driver load as root\n',
               '--driver load as nobody: needs root',
               prefix=(setpriv, '--reuid=65534', '--regid=65534', '--clear-groups',
                       '--inh-caps=-all'))
        # an unprivileged user re-writes a capture: no capability to keep, none kept
        d = tempfile.mkdtemp(prefix='scry-nobody-')
        try:
            os.chmod(d, 0o777)
            out = os.path.join(d, 'copy.scap')
            expect(['-r', TRACE, '-w', out], 0, '', '-r FILE -w FILE as nobody',
                   prefix=(setpriv, '--reuid=65534', '--regid=65534', '--clear-groups',
                           '--inh-caps=-all'))
            check(os.path.isfile(out) and len(run(['-r', out])[1].splitlines()) == 85,
                  'the copy written as nobody prints the 85 events')
        finally:
            shutil.rmtree(d, ignore_errors=True)
    else:
        print('skip --driver load as nobody (needs root and setpriv)')
    if not os.path.exists('/dev/scry0'):
        # libscap states the fact, scry adds what to do
        expect(['--engine', 'kmod'], 1, 'scry: the scry kernel module is not loaded; open '
               '/dev/scry0: No such file or directory\nscry: load the module with scry '
               '--driver load (as root), or install it with DKMS; or capture with the eBPF '
               'probe (--engine bpf)\n', '--engine kmod without the module')
    else:
        print('skip --engine kmod without the module: /dev/scry0 exists')


def live_banner():
    """On a terminal, live capture says on stderr when it has begun; not on a pipe."""
    if os.geteuid() != 0:
        print('skip the live start-up line (needs root)')
        return
    import pty
    master, slave = pty.openpty()
    env = st.run_env()
    p = subprocess.run([SCRY, '--engine', 'bpf', '-n', '1', '-p', '%evt.num'],
                       stdout=subprocess.PIPE, stderr=slave, env=env, timeout=120)
    os.close(slave)
    err = b''
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        err += chunk
    os.close(master)
    if p.returncode != 0:
        print('skip the live start-up line: no eBPF probe here (%r)' % err[-200:])
        return
    # On a busy machine the ring may overflow before the first event is read: the
    # drop report that follows the start-up line is right, not a fault of this check.
    lines = err.split(b'\r\n')
    check(lines[0] == b'scry: capturing (eBPF probe), Ctrl-C to stop' and p.stdout == b'1\n' and
          all(not l or l.startswith(b'scry: the driver dropped ') for l in lines[1:]),
          'live on a terminal: the start-up line on stderr (%r)' % err)
    r = run(['--engine', 'bpf', '-n', '1', '-p', '%evt.num'], text=False)
    check(r.rc == 0 and b'capturing' not in r.err,
          'live, stderr not a terminal: no start-up line (%r)' % r.err)


def live_first_action(tmp):
    """What happens right after the capturing line is captured: scry says it before its
    initial /proc scan (issue 12: start-up under 1 s), the events meanwhile wait in the
    rings. A file opened the moment the line comes must be in the capture."""
    if os.geteuid() != 0:
        print('skip the first action after the start-up line (needs root)')
        return
    out = os.path.join(tmp, 'first.scap')
    marker = os.path.join(tmp, 'first-action-%d' % os.getpid())
    p = subprocess.Popen([SCRY, '--engine', 'bpf', '--notify-start', '-w', out],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    line = p.stderr.readline()
    if not line.startswith(b'scry: capturing'):
        p.wait()
        print('skip the first action after the start-up line: no eBPF probe here (%r)'
              % (line + p.stderr.read())[-200:])
        return
    with open(marker, 'w'):
        pass
    p.send_signal(signal.SIGINT)
    err = p.stderr.read()
    p.wait()
    r = run(['-r', out, '-p', '%evt.type %fd.name',
             'evt.type=openat and evt.dir=< and fd.name=%s' % marker])
    check(p.returncode == 0 and r.rc == 0 and r.out.split() == ['openat', marker],
          'live: a file opened as soon as "capturing" is said is in the capture '
          '(scry exit %s %r; -r %r %r)' % (p.returncode, err, r.out, r.err))


def main():
    global SCRY
    ap = argparse.ArgumentParser()
    st.tool_args(ap, 'scry')
    a = ap.parse_args()
    SCRY = os.path.abspath(a.scry)
    if not os.path.exists(TRACE):
        return st.skip('cli_test', 'no %s' % TRACE)
    with st.tmpdir(prefix='scry_cli_') as tmp:
        full = options(tmp)
        live_w(tmp)
        gzip_reading(tmp, full)
        other_inputs(tmp)
        privileges()
        live_banner()
        live_first_action(tmp)
    return st.finish('cli_test')


if __name__ == '__main__':
    sys.exit(main())

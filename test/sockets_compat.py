#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""test/sockets_compat.py: socket tuples of synthetic captures, scry against sysdig 0.29.3.

    sockets_compat.py --scry build/bin/scry [--update]

Writes small captures (scripts/mkcapture.py's blocks; a machine with lo 127.0.0.1/8, ::1
and eth0 10.0.0.5/24, 2001:db8::5/64) of UDP and TCP sockets: unbound sends (IPv4, IPv6),
a reconnect after sends elsewhere, bound servers (IPv4, IPv6 wildcard), IPv6 sockets
talking to IPv4-mapped addresses; sockets open before the capture (its fd list: names,
protocols and ends as sysdig reads them). Each is replayed with FMT below. What sysdig 0.29.3
printed for each is committed in test/sockets/NAME.out; scry must print exactly that,
but for the lines that a departure of test/departures.json (its 'sockets' edits: output
NAME, line, sysdig's line, scry's line) changes, and nothing else. When sysdig is
installed, the committed outputs are checked to be still what it prints (--update
rewrites them from it).

As root with kernel BTF (else it says skip), it also captures live with the eBPF probe a
process (this script with --peer, in a network namespace of its own: loopback only)
whose TCP and UDP sockets on ::1 and 127.0.0.1 were opened before the capture began:
each fd's name, protocol and role must be what the kernel says of it (the peer's
getsockname() and getpeername()). Exit 0 when all hold.
"""
import argparse
import fcntl
import json
import os
import shutil
import signal
import socket
import struct
import subprocess
import sys

sys.dont_write_bytecode = True     # the modules below are imported from the source tree
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, 'pylib'))
import scrytest as st  # noqa: E402  (run, check, tmpdir: test/pylib/scrytest.py)
from scrytest import check  # noqa: E402

EXPECTED = os.path.join(HERE, 'sockets')
FMT = ('*%evt.num %evt.type %evt.dir %fd.name %fd.l4proto %fd.typechar %fd.cip %fd.cport '
       '%fd.sip %fd.sport %fd.is_server %evt.args')

mk = st.mkcapture()
departures = st.load('departures', os.path.join(HERE, 'departures.py'))

AF4, AF6 = 2, 10                 # scap families
STREAM, DGRAM = 1, 2
E = {'close': 4, 'write': 8, 'socket': 18, 'bind': 20, 'connect': 22, 'listen': 24,
     'sendto': 30, 'recvfrom': 34}   # enter event types; the exit is +1


def ip(a):
    return socket.inet_pton(socket.AF_INET6 if ':' in a else socket.AF_INET, a)


def end(a, port):
    return ip(a) + struct.pack('<H', port)


def tup(sip, sport, dip, dport):
    return bytes([AF6 if ':' in sip else AF4]) + end(sip, sport) + end(dip, dport)


def addr(a, port):
    return bytes([AF6 if ':' in a else AF4]) + end(a, port)


def iface(v6, name, a, mask):
    # {u16 type (1 IPv4, 2 IPv6, with link speed); u16 namelen; addr, netmask, bcast; u64 speed; name}
    bc = bytes(16 if v6 else 4)
    return struct.pack('<HH', 2 if v6 else 1, len(name)) + ip(a) + ip(mask) + bc + \
        struct.pack('<Q', 0) + name.encode()


def iflist():
    return mk.block(mk.BT_IL, iface(False, 'lo', '127.0.0.1', '255.0.0.0') +
                    iface(False, 'eth0', '10.0.0.5', '255.255.255.0') +
                    iface(True, 'lo', '::1', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff') +
                    iface(True, 'eth0', '2001:db8::5', 'ffff:ffff:ffff:ffff::'))


i64, u32 = mk.i64, mk.u32
DATA = b'abcd'


def call(name, enter, exit_):
    return [(E[name], enter), (E[name] + 1, exit_)]


def sock(fam, typ, fd):
    return call('socket', [u32(fam), u32(typ), u32(0)], [i64(fd)])


def sendto(fd, t):
    return call('sendto', [i64(fd), u32(4), t], [i64(4), DATA])


def recvfrom(fd, t):
    return call('recvfrom', [i64(fd), u32(64)], [i64(4), DATA, t])


def connect(fd, a, t):
    return call('connect', [i64(fd), a], [i64(0), t])


def bind(fd, a):
    return call('bind', [i64(fd)], [i64(0), a])


def close(fd):
    return call('close', [i64(fd)], [i64(0)])


SCENARIOS = {
    # IPv6 UDP: unbound send, the reply, connect elsewhere, send and receive there
    'udp6_reconnect': sock(AF6, DGRAM, 3) + sendto(3, tup('::', 0, '2001:4860:4860::8888', 53)) +
    recvfrom(3, tup('2001:4860:4860::8888', 53, '::', 40000)) +
    connect(3, addr('::1', 2345), tup('::1', 40000, '::1', 2345)) +
    sendto(3, tup('::1', 40000, '::1', 2345)) + recvfrom(3, tup('::1', 2345, '::1', 40000)) + close(3),
    'udp4_reconnect': sock(AF4, DGRAM, 3) + sendto(3, tup('0.0.0.0', 0, '8.8.8.8', 53)) +
    recvfrom(3, tup('8.8.8.8', 53, '0.0.0.0', 40000)) +
    connect(3, addr('127.0.0.1', 2345), tup('127.0.0.1', 40000, '127.0.0.1', 2345)) +
    sendto(3, tup('127.0.0.1', 40000, '127.0.0.1', 2345)) +
    recvfrom(3, tup('127.0.0.1', 2345, '127.0.0.1', 40000)) +
    connect(3, addr('10.0.0.9', 7), tup('10.0.0.5', 40000, '10.0.0.9', 7)) +
    sendto(3, tup('10.0.0.5', 40000, '10.0.0.9', 7)) + close(3),
    'udp4_unbound': sock(AF4, DGRAM, 3) + sendto(3, tup('0.0.0.0', 0, '127.0.0.1', 34569)) +
    sendto(3, tup('0.0.0.0', 0, '10.0.0.7', 53)) + close(3),
    'udp6_unbound': sock(AF6, DGRAM, 3) + sendto(3, tup('::', 0, '::1', 34569)) +
    sendto(3, tup('::', 0, '2001:db8::7', 53)) + sendto(3, tup('::', 0, '2001:4860:4860::8888', 53)) + close(3),
    'tcp6_mapped': sock(AF6, STREAM, 3) +
    connect(3, addr('::ffff:127.0.0.1', 40841), tup('::ffff:127.0.0.1', 36720, '::ffff:127.0.0.1', 40841)) +
    call('write', [i64(3), u32(4)], [i64(4), DATA]) + close(3),
    'udp6_mapped': sock(AF6, DGRAM, 3) + sendto(3, tup('::', 0, '::ffff:127.0.0.1', 53)) +
    connect(3, addr('::ffff:127.0.0.1', 40841), tup('::ffff:127.0.0.1', 36720, '::ffff:127.0.0.1', 40841)) +
    sendto(3, tup('::ffff:127.0.0.1', 36720, '::ffff:127.0.0.1', 40841)) + close(3),
    'udp4_server': sock(AF4, DGRAM, 3) + bind(3, addr('0.0.0.0', 5353)) +
    recvfrom(3, tup('10.0.0.9', 4000, '0.0.0.0', 5353)) + sendto(3, tup('0.0.0.0', 5353, '10.0.0.9', 4000)) +
    recvfrom(3, tup('10.0.0.10', 4001, '0.0.0.0', 5353)) + close(3),
    'udp6_server': sock(AF6, DGRAM, 3) + bind(3, addr('::', 5353)) +
    recvfrom(3, tup('2001:db8::9', 4000, '::', 5353)) + sendto(3, tup('::', 5353, '2001:db8::9', 4000)) + close(3),
    'tcp4_listen': sock(AF4, STREAM, 3) + bind(3, addr('0.0.0.0', 8080)) +
    call('listen', [i64(3), u32(5)], [i64(0)]) + close(3),
    'tcp6_bind_any': sock(AF6, STREAM, 3) + bind(3, addr('::', 8080)) + close(3),
    'tcp6_bind_lo': sock(AF6, STREAM, 3) + bind(3, addr('::1', 8080)) + close(3),
}


# Sockets open before the capture: the fd list (V2) of tid 4242, entries {u32 len; u64 fd;
# u64 ino; u8 type; body}, the L4 protocol as libscap numbers it (TCP 2, UDP 3).
FD4, FD6, FD4S, FD6S = 3, 4, 5, 6    # IPv4/IPv6 socket, IPv4/IPv6 server socket
TCP, UDP = 2, 3
BT_FDL_V2 = 0x218


def fd_entry(fd, typ, body):
    return struct.pack('<IqQB', 21 + len(body), fd, 1000 + fd, typ) + body


def fd_sock(fd, sip, sport, dip, dport, l4):
    return fd_entry(fd, FD6 if ':' in sip else FD4,
                    ip(sip) + ip(dip) + struct.pack('<HHB', sport, dport, l4))


def fd_serv(fd, a, port, l4):
    return fd_entry(fd, FD6S if ':' in a else FD4S, ip(a) + struct.pack('<HB', port, l4))


def write(fd):
    return call('write', [i64(fd), u32(4)], [i64(4), DATA])


# A listening TCP socket and one it accepted (local port 8080: the server's end), a
# client's, the same in IPv6 and IPv4-mapped IPv6, a bound UDP socket and a connected
# one, and on ::1 a listener with the two ends of a connection to it, the accepted one
# (local port 9443) and the client's; each is written to (its name, protocol and ends
# as read from the fd list, which records each socket's local end first and its
# protocol, TCP 2 or UDP 3, for IPv6 as for IPv4: what scry and sysdig write). (A
# datagram received on the bound one is left out: sysdig 0.29.3 then prints a
# destination address and port from memory the socket does not own.)
HEADER_FDS = {
    'header_sockets': fd_serv(3, '0.0.0.0', 8080, TCP) +
    fd_sock(4, '10.0.0.5', 8080, '10.0.0.9', 40000, TCP) +
    fd_sock(5, '10.0.0.5', 41000, '93.184.216.34', 443, TCP) +
    fd_serv(6, '::', 8443, TCP) +
    fd_sock(7, '2001:db8::5', 8443, '2001:db8::9', 50000, TCP) +
    fd_sock(8, '::ffff:10.0.0.5', 8443, '::ffff:10.0.0.9', 50001, TCP) +
    fd_serv(9, '0.0.0.0', 5353, UDP) +
    fd_sock(10, '10.0.0.5', 40002, '8.8.8.8', 53, UDP) +
    fd_serv(11, '::1', 9443, TCP) +
    fd_sock(12, '::1', 9443, '::1', 51000, TCP) +
    fd_sock(13, '::1', 51000, '::1', 9443, TCP),
}
SCENARIOS['header_sockets'] = sum((write(fd) for fd in range(3, 14)), [])


def write_capture(path, evs, fds=None):
    body = b''.join(mk.event(mk.T0 + 1000 * (i + 1), 4242, t, p, cpu=1) for i, (t, p) in enumerate(evs))
    fdl = mk.block(BT_FDL_V2, struct.pack('<Q', 4242) + fds) if fds else b''
    with open(path, 'wb') as f:
        f.write(mk.shb() + mk.machine_info() + iflist() + mk.user_list() + mk.proc_list() + fdl +
                body)


# ---- live: sockets a process opened before a live capture started ------------------------
LIVE_FMT = ('*%fd.num %fd.name %fd.l4proto %fd.typechar %fd.cip %fd.cport %fd.sip %fd.sport '
            '%fd.is_server')


def peer():
    """--peer, run in a network namespace of its own (unshare -n): brings lo up, opens a
    TCP listener on ::1 and on 127.0.0.1 with a connection to each (the client's end and
    the accepted one), a UDP socket bound on ::1 and one connected to it; prints one JSON
    line {fd: [kind, l4, local, peer]} (the kernel's getsockname/getpeername), then on a
    line of stdin writes to each fd (a failing write to the listeners: the event still
    names the fd) and waits for stdin to close."""
    with socket.socket() as c:   # SIOCGIFFLAGS, SIOCSIFFLAGS: lo up (IFF_UP)
        req = struct.pack('16sH', b'lo', 0)
        flags = struct.unpack('16sH', fcntl.ioctl(c, 0x8913, req)[:18])[1]
        fcntl.ioctl(c, 0x8914, struct.pack('16sH', b'lo', flags | 1))
    keep, facts = [], {}

    def note(kind, l4, so, connected=True):
        keep.append(so)
        facts[so.fileno()] = [kind, l4, so.getsockname()[:2],
                              so.getpeername()[:2] if connected else None]
    for fam, host in ((socket.AF_INET6, '::1'), (socket.AF_INET, '127.0.0.1')):
        ls = socket.socket(fam, socket.SOCK_STREAM)
        ls.bind((host, 0))
        ls.listen(4)
        cl = socket.socket(fam, socket.SOCK_STREAM)
        cl.connect(ls.getsockname()[:2])
        ac, _ = ls.accept()
        note('listener', 'tcp', ls, False)
        note('client', 'tcp', cl)
        note('accepted', 'tcp', ac)
    us = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    us.bind(('::1', 0))
    uc = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    uc.connect(us.getsockname()[:2])
    note('listener', 'udp', us, False)
    note('client', 'udp', uc)
    print(json.dumps(facts), flush=True)
    sys.stdin.readline()
    for fd in sorted(facts):
        try:
            os.write(fd, DATA)
        except OSError:
            pass
    sys.stdin.read()
    return 0


def expected_live(fd, kind, l4, local, remote):
    """The line LIVE_FMT must print for the write to FD: a listener "ip:port" with no
    client end; a connection named client first, whichever end FD is (the accepted
    one's local end is the server's: the role), its protocol, cip/cport the client's
    end; fd.is_server true (on loopback the server's address is this machine's)."""
    ip6 = ':' in local[0]
    if kind == 'listener':
        return '%d %s:%d %s %s <NA> <NA> <NA> %d true' % (
            fd, local[0], local[1], l4, '6' if ip6 else '4', local[1])
    cli, srv = (local, remote) if kind == 'client' else (remote, local)
    return '%d %s:%d->%s:%d %s %s %s %d %s %d true' % (
        fd, cli[0], cli[1], srv[0], srv[1], l4, '6' if ip6 else '4', cli[0], cli[1],
        srv[0], srv[1])


def live(scry):
    """A live capture (eBPF probe) of a process whose sockets were open before it began:
    each fd named, with protocol and role, as the kernel has them (IPv4 as sysdig 0.29.3
    names them; IPv6 departure D10)."""
    if not st.live_bpf('live sockets') or not shutil.which('unshare'):
        return
    p = st.Daemon(['unshare', '-n', sys.executable, os.path.abspath(__file__), '--peer'],
                  stdin=subprocess.PIPE, lines=True)
    try:
        facts = p.wait(lambda: p.out and json.loads(p.out[0]), 'the sockets of the peer')
        if not check(facts, 'live: a process with sockets in a network namespace', p.log()):
            return
        want = sorted((expected_live(int(fd), k, l4, tuple(lo), tuple(pe) if pe else None)
                       for fd, (k, l4, lo, pe) in facts.items()), key=lambda x: int(x.split()[0]))
        cap = st.Daemon([scry, '--notify-start', '-p', LIVE_FMT, 'proc.pid=%d and fd.num>2 and '
                         'evt.type in (write, sendto) and evt.dir=>' % p.pid], lines=True)
        started = cap.wait_log('^scry: capturing', 'scry capturing')
        if started:
            p.p.stdin.write(b'go\n')
            p.p.stdin.flush()
            cap.wait(lambda: len(cap.out) >= len(want), 'the writes of the peer')
        cap.stop(signal.SIGINT)
        got = sorted((line.rstrip('\n') for line in cap.out), key=lambda x: int(x.split()[0]))
        d = st.first_difference(want, got)
        check(started and not d, 'live: %d sockets open before the capture (TCP and UDP, '
              'IPv6 and IPv4, listening, accepted, connected)' % len(want),
              d and 'line %d:\n  want: %s\n  scry: %s\n%s' % (d[0], d[1], d[2], cap.log()))
    finally:
        if p.running():
            p.p.stdin.close()
        p.stop()


def replay(tool, path):
    r = st.run([tool, '-r', path, '-p', FMT], text=False, check=True, stderr=subprocess.STDOUT)
    return r.out.decode('utf-8', 'surrogateescape')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--scry')
    ap.add_argument('--peer', action='store_true', help=argparse.SUPPRESS)
    ap.add_argument('--update', action='store_true', help='rewrite test/sockets/ from sysdig')
    a = ap.parse_args()
    if a.peer:
        return peer()
    if not a.scry:
        ap.error('--scry is required')
    sysdig = shutil.which('sysdig')
    if a.update and not sysdig:
        raise SystemExit('sockets_compat: --update needs sysdig')
    deps = load_edits()
    applied = 0
    with st.tmpdir(prefix='scry_sockets_') as tmp:
        for name, evs in SCENARIOS.items():
            cap = os.path.join(tmp, name + '.scap')
            write_capture(cap, evs, HEADER_FDS.get(name))
            exp_path = os.path.join(EXPECTED, name + '.out')
            if a.update:
                with open(exp_path, 'w', encoding='utf-8', newline='') as f:
                    f.write(replay(sysdig, cap))
            with open(exp_path, encoding='utf-8', newline='') as f:
                sysdig_text = f.read()
            if sysdig and replay(sysdig, cap) != sysdig_text:
                check(False, '%s: sysdig no longer prints test/sockets/%s.out' % (name, name))
            lines = {name: sysdig_text.split('\n')}
            mine = [dict(d, conformance=[e for e in d['conformance'] if e['output'] == name])
                    for d in deps]
            try:
                done = departures.apply_edits(lines, mine)
            except departures.Stale as e:
                check(False, '%s: %s' % (name, e))
                continue
            applied += len(done)
            got = replay(a.scry, cap).split('\n')
            d = st.first_difference(lines[name], got)
            check(not d, '%s (%d lines, %d of them departures)' % (name, len(got) - 1, len(done))
                  if not d else '%s line %d:\n  want: %s\n  scry: %s'
                  % (name, d[0], d[1] or '', d[2] or ''))
    live(a.scry)
    print('sockets_compat: %d captures, %d lines where scry departs from sysdig 0.29.3 as '
          'test/departures.json lists them%s' %
          (len(SCENARIOS), applied, '' if sysdig else ' (sysdig not installed: '
           'the committed outputs are not re-checked)'))
    return st.finish('sockets_compat')


def load_edits():
    """The departures with their 'sockets' edits in the place of the conformance ones."""
    out = []
    for d in departures.load():
        out.append(dict(d, conformance=d.get('sockets', [])))
    return out


if __name__ == '__main__':
    sys.exit(main())

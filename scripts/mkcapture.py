#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Write a tiny scap capture file (the format sysdig and Falco read and write).

    scripts/mkcapture.py OUT.scap

The capture is synthetic and deterministic: a machine info block, an interface list, a
user list, a process list with two processes (bash, and cat started by it), then eight
events in which `cat /etc/hostname` opens the file, reads it, writes it to stdout and
closes it. It lets a fresh clone replay something (`build/bin/scry -r OUT.scap`) without
any external trace, and it replays identically in Debian's sysdig 0.29.3.

Block layout: {u32 type; u32 total_len; body; pad to 4; u32 total_len}, little endian.
"""
import struct
import sys

BT_SHB = 0x0A0D0D0A
BT_MI = 0x201
BT_IL = 0x205
BT_UL = 0x206
BT_PL_V5 = 0x211
BT_EV_V2 = 0x216          # event block, 26-byte event header (with nparams)

EVT_CLOSE_E, EVT_CLOSE_X = 4, 5
EVT_READ_E, EVT_READ_X = 6, 7
EVT_WRITE_E, EVT_WRITE_X = 8, 9
EVT_OPENAT_2_E, EVT_OPENAT_2_X = 306, 307

AT_FDCWD = -100
PPM_O_RDONLY = 1

T0 = 1704110400 * 10**9    # 2024-01-01T12:00:00Z, in ns since epoch


def block(btype, body):
    pad = (-len(body)) % 4
    total = 12 + len(body) + pad
    return struct.pack('<II', btype, total) + body + b'\0' * pad + struct.pack('<I', total)


def s16(s):
    """A {u16 len; bytes} string as the header blocks store them."""
    b = s.encode() if isinstance(s, str) else s
    return struct.pack('<H', len(b)) + b


def shb():
    # byte-order magic, version 1.0, section length unknown (-1)
    return block(BT_SHB, struct.pack('<IHHq', 0x1A2B3C4D, 1, 0, -1))


def machine_info():
    host = b'scry-demo'.ljust(128, b'\0')
    body = struct.pack('<IQQ', 2, 24 << 30, 4194304) + host + struct.pack('<QQQQ', 0, 0, 0, 0)
    return block(BT_MI, body)


def iface_list():
    # {u16 type = IPv4 with link speed; u16 namelen; addr, netmask, bcast (network order); u64 speed; name}
    lo = struct.pack('<HH', 1, 2) + bytes([127, 0, 0, 1]) + bytes([255, 0, 0, 0]) + \
        bytes([127, 0, 0, 1]) + struct.pack('<Q', 0) + b'lo'
    return block(BT_IL, lo)


def user_list():
    body = b''
    for uid, name, home, shell in ((0, 'root', '/root', '/bin/bash'),
                                   (1000, 'demo', '/home/demo', '/bin/bash')):
        body += struct.pack('<BII', 0, uid, uid) + s16(name) + s16(home) + s16(shell)
    for gid, name in ((0, 'root'), (1000, 'demo')):
        body += struct.pack('<BI', 1, gid) + s16(name)
    return block(BT_UL, body)


def proc(tid, ptid, comm, exe, args, uid, cgroup='/user.slice'):
    """One process list V5 entry; cgroup is the path of its cpu and memory cgroups."""
    e = struct.pack('<qqq', tid, tid, ptid)
    e += s16(comm) + s16(exe) + s16(b'\0'.join(a.encode() for a in args) + b'\0')
    e += s16('/home/demo/')
    e += struct.pack('<QIII', 1024, 0, uid, uid)                 # fdlimit, flags, uid, gid
    e += struct.pack('<IIIQQ', 8000, 3000, 0, 0, 100)            # vm size/rss/swap kB, pf maj/min
    e += s16(b'HOME=/home/demo\0TERM=xterm\0')                   # env
    e += struct.pack('<qq', tid, tid)                            # vtid, vpid
    e += s16(f'cpu={cgroup}\0memory={cgroup}\0'.encode())       # cgroups
    e += s16('/')                                                # root
    return e


def proc_list():
    return block(BT_PL_V5,
                 proc(1000, 1, 'bash', '/bin/bash', ['-bash'], 1000) +
                 proc(4242, 1000, 'cat', '/usr/bin/cat', ['cat', '/etc/hostname'], 1000))


def event(ts, tid, etype, params, cpu=0):
    """An event block: {u16 cpu; u64 ts; u64 tid; u32 len; u16 type; u32 nparams; u16 lens[]; params}."""
    lens = b''.join(struct.pack('<H', len(p)) for p in params)
    data = b''.join(params)
    evlen = 26 + len(lens) + len(data)
    hdr = struct.pack('<QQIHI', ts, tid, evlen, etype, len(params))
    return block(BT_EV_V2, struct.pack('<H', cpu) + hdr + lens + data)


def i64(v):
    return struct.pack('<q', v)


def u32(v):
    return struct.pack('<I', v)


def cstr(s):
    return s.encode() + b'\0'


def events():
    tid, path, text = 4242, '/etc/hostname', b'scry-demo\n'
    n = len(text)
    evs = [
        (EVT_OPENAT_2_E, [i64(AT_FDCWD), cstr(path), u32(PPM_O_RDONLY), u32(0)]),
        (EVT_OPENAT_2_X, [i64(3), i64(AT_FDCWD), cstr(path), u32(PPM_O_RDONLY), u32(0), u32(0x801)]),
        (EVT_READ_E, [i64(3), u32(131072)]),
        (EVT_READ_X, [i64(n), text]),
        (EVT_WRITE_E, [i64(1), u32(n)]),
        (EVT_WRITE_X, [i64(n), text]),
        (EVT_CLOSE_E, [i64(3)]),
        (EVT_CLOSE_X, [i64(0)]),
    ]
    out = b''
    for i, (etype, params) in enumerate(evs):
        out += event(T0 + 1000 * (i + 1), tid, etype, params, cpu=1)
    return out


def main(argv):
    if len(argv) != 2 or argv[1].startswith('-'):
        sys.stderr.write('usage: mkcapture.py OUT.scap\n')
        return 2
    data = shb() + machine_info() + iface_list() + user_list() + proc_list() + events()
    with open(argv[1], 'wb') as f:
        f.write(data)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))

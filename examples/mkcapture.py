#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Write the synthetic capture the examples are tested on.

    examples/mkcapture.py OUT.scap

Deterministic: the same bytes on every run. Two docker containers and the host, over
four seconds of capture time from 2024-01-01T12:00:00.1Z (the blocks and the helpers
are those of scripts/mkcapture.py):

  host       1000 bash, 1002 bash (a child of 1000), 1900 containerd-shim
  container  aaaaaaaaaaaa (cgroup /docker/aaaa...): 2000 nginx, 2001 nginx (worker),
             2002 and 2003 nginx (children of 2001)
  container  bbbbbbbbbbbb (cgroup /docker/bbbb...): 3000 node, 3001 node (a child)

Second 0: file opens in all three (2001 keeps /var/log/nginx/access.log open as fd 7).
Second 1: more opens in aaaa (one fails: ENOENT); 3001 execs `sh -c cat /etc/passwd`
          (a shell in a container), which opens /etc/passwd; on the host 1002 execs
          `sh -c uptime` (a shell, not in a container).
Second 2: 2002 execs `bash -i` (a shell in a container) and opens /root/.bashrc and
          /etc/bash.bashrc; 2003 fails to exec /bin/zsh (ENOENT) and execs /usr/bin/id
          (no shell).
Second 3: 2001 writes to fd 7, opened in second 0 (a slice starting here needs the fd
          table to name it), and opens /var/www/index.html; 3001 (sh) opens /etc/group.
"""
import os
import struct
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'scripts'))
from mkcapture import (BT_PL_V5, T0, block, cstr, event, i64, iface_list, machine_info,  # noqa: E402
                       proc, shb, u32, user_list)

EVT_CLOSE_E, EVT_CLOSE_X = 4, 5
EVT_WRITE_E, EVT_WRITE_X = 8, 9
EVT_EXECVE_19_E, EVT_EXECVE_19_X = 292, 293
EVT_OPENAT_2_E, EVT_OPENAT_2_X = 306, 307

AT_FDCWD = -100
PPM_O_RDONLY, PPM_O_WRONLY, PPM_O_APPEND = 1, 2, 1 << 5
ENOENT = 2

CA = 'a' * 64
CB = 'b' * 64
HOST = '/user.slice'
CGROUP = {1000: HOST, 1002: HOST, 1900: HOST,
          2000: '/docker/' + CA, 2001: '/docker/' + CA, 2002: '/docker/' + CA,
          2003: '/docker/' + CA, 3000: '/docker/' + CB, 3001: '/docker/' + CB}
PARENT = {1000: 1, 1002: 1000, 1900: 1, 2000: 1900, 2001: 2000, 2002: 2001, 2003: 2001,
          3000: 1900, 3001: 3000}


def proc_list():
    procs = [(1000, 'bash', '/bin/bash', ['-bash'], 1000),
             (1002, 'bash', '/bin/bash', ['-bash'], 1000),
             (1900, 'containerd-shim', '/usr/bin/containerd-shim-runc-v2',
              ['containerd-shim-runc-v2', '-namespace', 'moby'], 0),
             (2000, 'nginx', '/usr/sbin/nginx', ['nginx', '-g', 'daemon off;'], 0),
             (2001, 'nginx', '/usr/sbin/nginx', ['nginx', '-g', 'daemon off;'], 101),
             (2002, 'nginx', '/usr/sbin/nginx', ['nginx', '-g', 'daemon off;'], 101),
             (2003, 'nginx', '/usr/sbin/nginx', ['nginx', '-g', 'daemon off;'], 101),
             (3000, 'node', '/usr/local/bin/node', ['node', '/app/index.js'], 1000),
             (3001, 'node', '/usr/local/bin/node', ['node', '/app/index.js'], 1000)]
    return block(BT_PL_V5, b''.join(proc(tid, PARENT[tid], comm, exe, args, uid, CGROUP[tid])
                                    for tid, comm, exe, args, uid in procs))


class Timeline:
    """Events of one capture; each syscall is an enter and an exit 1 us apart."""

    def __init__(self):
        self.out = b''

    def ev(self, ms, tid, etype, params):
        self.out += event(T0 + ms * 10**6, tid, etype, params, cpu=tid % 2)

    def syscall(self, ms, tid, e, enter, x, exit_params):
        self.ev(ms, tid, e, enter)
        self.out += event(T0 + ms * 10**6 + 1000, tid, x, exit_params, cpu=tid % 2)

    def open(self, ms, tid, path, fd, flags=PPM_O_RDONLY):
        """fd < 0: the open fails with that errno."""
        self.syscall(ms, tid, EVT_OPENAT_2_E, [i64(AT_FDCWD), cstr(path), u32(flags), u32(0)],
                     EVT_OPENAT_2_X,
                     [i64(fd), i64(AT_FDCWD), cstr(path), u32(flags), u32(0), u32(0x801)])

    def close(self, ms, tid, fd):
        self.syscall(ms, tid, EVT_CLOSE_E, [i64(fd)], EVT_CLOSE_X, [i64(0)])

    def open_close(self, ms, tid, path, fd=5):
        self.open(ms, tid, path, fd)
        self.close(ms + 1, tid, fd)

    def write(self, ms, tid, fd, data):
        self.syscall(ms, tid, EVT_WRITE_E, [i64(fd), u32(len(data))],
                     EVT_WRITE_X, [i64(len(data)), data])

    def execve(self, ms, tid, exe, argv, res=0):
        comm = os.path.basename(exe)
        args = b''.join(cstr(a) for a in argv[1:])
        cg = f'cpu={CGROUP[tid]}\0memory={CGROUP[tid]}\0'.encode()
        x = [i64(res), cstr(argv[0]), args, i64(tid), i64(tid), i64(PARENT[tid]),
             cstr('/')] + [struct.pack('<Q', v) for v in (1024, 0, 100)] + \
            [u32(v) for v in (8000, 3000, 0)] + \
            [cstr(comm), cg, cstr('PATH=/usr/bin:/bin'), struct.pack('<i', 0), i64(tid),
             struct.pack('<i', -1), u32(0)]
        self.syscall(ms, tid, EVT_EXECVE_19_E, [cstr(exe)], EVT_EXECVE_19_X, x)


def events():
    t = Timeline()
    # second 0
    for i in range(3):
        t.open_close(100 + 10 * i, 2001, '/var/www/index.html')
    t.open_close(140, 2001, '/etc/nginx/mime.types')
    t.open(150, 2001, '/var/log/nginx/access.log', 7, PPM_O_WRONLY | PPM_O_APPEND)
    t.open_close(160, 2000, '/var/log/nginx/error.log')
    t.open_close(200, 3000, '/app/package.json')
    t.open_close(210, 3000, '/app/package.json')
    t.open_close(220, 3000, '/app/index.js')
    t.open_close(300, 1000, '/etc/hostname')
    # second 1
    for i, path in enumerate(('/var/www/index.html', '/var/www/logo.png', '/var/www/app.js',
                              '/var/www/logo.png', '/var/www/style.css', '/var/www/index.html')):
        t.open_close(1100 + 10 * i, 2001, path)
    t.open(1170, 2001, '/var/www/missing.html', -ENOENT)
    t.execve(1200, 3001, '/bin/sh', ['sh', '-c', 'cat /etc/passwd'])
    t.open_close(1210, 3001, '/etc/passwd', 3)
    t.open_close(1300, 3000, '/app/index.js')
    t.execve(1400, 1002, '/bin/sh', ['sh', '-c', 'uptime'])
    t.open_close(1410, 1002, '/proc/uptime', 3)
    # second 2
    t.execve(2500, 2002, '/usr/bin/bash', ['bash', '-i'])
    t.open_close(2510, 2002, '/root/.bashrc', 3)
    t.open_close(2520, 2002, '/etc/bash.bashrc', 3)
    t.execve(2600, 2003, '/bin/zsh', ['zsh'], res=-ENOENT)
    t.execve(2610, 2003, '/usr/bin/id', ['id'])
    # second 3
    t.write(3100, 2001, 7, b'10.0.0.1 - - "GET / HTTP/1.1" 200\n')
    t.open_close(3200, 2001, '/var/www/index.html')
    t.open_close(3300, 3001, '/etc/group', 3)
    return t.out


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

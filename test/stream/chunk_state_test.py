#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""test/stream/chunk_state_test.py: bus chunks carry the state their events need
(userspace/common/chunk_state.c), and each still replays on its own.

    test/stream/chunk_state_test.py [--scry build/bin/scry]

For each shared capture with processes (curl_google, sample, cat_write), `scry -r TRACE
-w nats://127.0.0.1:CLOSED/...` (no bus: the chunks stay in the spool, complete files,
as the bus would get them), 40 to 100 events a chunk:
  1. the first chunk carries the whole state (its process and fd lists as a capture file
     starts with them), the later ones less: for curl_google, under a third of it;
  2. every chunk replays on its own as the source does: `scry -r CHUNK` of each chunk,
     one after the other, prints the source's lines (thread, process, name, exe,
     parent, its name, grandparent's name, type, direction, time; and the fd name,
     except on the first event of a thread in a chunk when it is an exit, whose entry,
     which named the fd, is in the chunk before);
  3. sysdig (when installed) reads each later chunk as scry does (same lines);
  4. curl_google in 20-event chunks (72 of them): chunk 64 carries the whole state again
     (SCRY_CHUNK_STATE_WHOLE), its neighbours what their events need.

Skips (exit 77) without ../shared/conformance/traces or a scry built with NATS.
"""
import argparse
import gzip
import os
import shutil
import struct
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'pylib'))
import scrytest as st  # noqa: E402  (test/pylib/scrytest.py)
from scrytest import free_port, TRACES  # noqa: E402

NAME = 'chunk_state_test'
FMT = ('*%thread.tid %proc.pid %proc.name %proc.exe %proc.ppid %proc.pname %proc.aname[2] '
       '%evt.type %evt.dir %evt.rawtime %fd.name')
TRACE_CHUNKS = {'curl_google.scap': 100, 'sample.scap': 40, 'cat_write.scap': 40}
PROCLIST, FDLIST = 0x215, 0x218


def state_bytes(path):
    """Bytes of the process and fd list blocks of the capture at PATH."""
    with open(path, 'rb') as f:
        data = f.read()
    if data[:2] == b'\x1f\x8b':
        data = gzip.decompress(data)
    off, n = 0, 0
    while off + 8 <= len(data):
        typ, ln = struct.unpack_from('<II', data, off)
        if typ in (PROCLIST, FDLIST):
            n += ln
        off += ln
    return n


def lines(scry, path):
    return st.run([scry, '-r', path, '-p', FMT], check=True).out.splitlines()


def comparable(chunk_lines):
    """The lines of one chunk, the fd name blanked on each thread's first event there
    when it is an exit."""
    seen, out = set(), []
    for l in chunk_lines:
        f = l.split(' ', 10)
        if f[0] not in seen and f[8] == '<':
            f = f[:10] + ['(entry before the chunk)']
        seen.add(f[0])
        out.append(' '.join(f))
    return out


def main():
    ap = argparse.ArgumentParser()
    st.tool_args(ap, 'scry')
    a = ap.parse_args()
    scry = os.path.abspath(a.scry)
    if not os.path.isdir(TRACES):
        return st.skip(NAME, 'no ../shared/conformance/traces', 77)
    if 'nats' not in st.run([scry, '--help']).out:
        return st.skip(NAME, 'scry is built without NATS (libnats-dev)', 77)
    sysdig = shutil.which('sysdig')
    d = tempfile.mkdtemp(prefix='scry-chunk-state-')
    try:
        for trace, per in TRACE_CHUNKS.items():
            src = os.path.join(TRACES, trace)
            spool = os.path.join(d, trace)
            r = st.run([scry, '-r', src, '-w', 'nats://127.0.0.1:%d/T?host=h' % free_port(),
                        '--spool-dir', spool, '--chunk-events', str(per), '--publish-wait', '1'])
            chunks = sorted(os.path.join(spool, f) for f in os.listdir(spool) if f.startswith('capture-'))
            st.require(r.rc == 1 and len(chunks) > 2, '%s: %d chunks left in the spool' % (trace, len(chunks)),
                       r.err)
            sizes = [state_bytes(c) for c in chunks]
            if trace == 'curl_google.scap':
                st.check(max(sizes[1:]) * 3 < sizes[0],
                         '%s: the first chunk has the whole state (%d bytes of process and fd lists), '
                         'the later ones at most %d' % (trace, sizes[0], max(sizes[1:])))
            else:
                st.check(max(sizes[1:]) <= sizes[0], '%s: the later chunks\' states (at most %d bytes) '
                         'no larger than the first one\'s (%d)' % (trace, max(sizes[1:]), sizes[0]))
            want = comparable(lines(scry, src))
            per_chunk = [lines(scry, c) for c in chunks]
            got = [l for c in per_chunk for l in comparable(c)]
            # the source's fd names blanked where the chunks' are (the same events)
            for i, l in enumerate(got):
                if l.endswith(' (entry before the chunk)') and i < len(want):
                    want[i] = ' '.join(want[i].split(' ', 10)[:10] + ['(entry before the chunk)'])
            diff = st.first_difference(got, want)
            st.check(not diff, '%s: %d chunks replayed one by one print the source\'s %d lines'
                     % (trace, len(chunks), len(want)),
                     diff and 'first difference at line %d:\n  chunks: %s\n  source: %s' % diff)
            if sysdig:
                bad = [os.path.basename(c) for c, mine in zip(chunks[1:], per_chunk[1:])
                       if st.run([sysdig, '-r', c, '-p', FMT]).out.splitlines() != mine]
                st.check(not bad, '%s: sysdig reads the later chunks as scry does%s'
                         % (trace, ' (not: %s)' % bad if bad else ''))
        # every 64th chunk carries the whole state again
        spool = os.path.join(d, 'every64')
        st.run([scry, '-r', os.path.join(TRACES, 'curl_google.scap'), '-w',
                'nats://127.0.0.1:%d/T?host=h' % free_port(), '--spool-dir', spool,
                '--chunk-events', '20', '--publish-wait', '1'])
        chunks = sorted(os.path.join(spool, f) for f in os.listdir(spool) if f.startswith('capture-'))
        sizes = [state_bytes(c) for c in chunks]
        st.check(len(sizes) > 65 and sizes[64] > 3 * max(sizes[63], sizes[65]) and
                 sizes[64] > 3 * max(sizes[1:64]),
                 'curl_google, %d chunks: chunk 64 has the whole state (%d bytes of process and fd '
                 'lists; the first %d), chunks 1-63 and 65 at most %d'
                 % (len(sizes), sizes[64] if len(sizes) > 64 else -1, sizes[0],
                    max(sizes[1:64] + sizes[65:66]) if len(sizes) > 65 else -1))
        return st.finish(NAME)
    finally:
        shutil.rmtree(d, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())

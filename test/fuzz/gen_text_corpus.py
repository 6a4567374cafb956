#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Write the seed corpora and the dictionary of fuzz_filter and fuzz_format.

    test/fuzz/gen_text_corpus.py [--scry build/bin/scry]

corpus/filter/NN: filter expressions covering every operator, the keywords, lists,
quoting and nesting; corpus/format/NN: a mode byte ('0' text, '1' JSON) then a format;
filter.dict: the operators, keywords and every field name `scry -l` lists. The output
is deterministic; the files are committed (regenerate after the catalog changes).
"""
import argparse
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

FILTERS = [
    'evt.type=openat',
    'evt.type in (openat, read, write) and evt.dir=<',
    'not evt.type=close or proc.name!=cat',
    'fd.name startswith /etc or fd.name startswith /usr or fd.name=/etc/hostname',
    'fd.name pmatch (/etc, /tmp/) and fd.typechar=f',
    'fd.name contains host and fd.name endswith name',
    'fd.name glob /etc/* and not fd.name icontains HOST',
    'evt.num>=2 and evt.num<=5 or evt.num!=7',
    'evt.rawres<0 or evt.res=SUCCESS',
    'proc.aname[1]=bash and proc.pname=bash',
    'proc.args contains "/etc/hostname" and proc.cmdline exists',
    "evt.arg.fd=3 or evt.arg[0]=3 or evt.rawarg.fd=3",
    'user.name=demo and user.uid=1000 and group.gid=1000',
    'fd.sip=127.0.0.1 or fd.net=10.0.0.0/8 or fd.sport=80',
    'evt.buffer bcontains 73637279 or evt.buffer bstartswith 7363',
    '((evt.type=read) and (not (fd.num=3)))',
    'thread.tid=4242 and proc.pid=4242 and proc.ppid=1000',
    'evt.around[1704110400000001000]=10',
    'container.id=host and fd.directory=/etc and fd.filename=hostname',
    'evt.latency>0 or evt.deltatime>0 or evt.count=1',
    "proc.name in ('cat', \"bash\", x\\ y) intersects (a)",
    'evt.is_io=true and evt.is_io_read=true or evt.failed=false',
]

FORMATS = [
    '0%evt.num %evt.time %evt.cpu %proc.name (%thread.tid) %evt.dir %evt.type %evt.args',
    '1%evt.num %evt.type %fd.name',
    '0*%evt.num %fd.name %proc.aname[2] %evt.arg.name %evt.arg[1]',
    '1*%proc.cmdline %user.name %container.id %fd.cip:%fd.cport',
    '0%evt.datetime %evt.rawtime.s.%evt.rawtime.ns %evt.latency.human',
    '0%%literal %% %evt.buffer %evt.info',
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--scry', default=os.path.join(ROOT, 'build', 'bin', 'scry'))
    a = ap.parse_args()
    for name, items in (('filter', FILTERS), ('format', FORMATS)):
        d = os.path.join(HERE, 'corpus', name)
        os.makedirs(d, exist_ok=True)
        for i, text in enumerate(items):
            with open(os.path.join(d, '%02d' % i), 'w') as f:
                f.write(text)
    fields = [l.split()[0] for l in subprocess.run([a.scry, '-l'], capture_output=True,
                                                    text=True, check=True).stdout.splitlines()
              if l.strip()]
    words = ['and', 'or', 'not', 'in', 'exists', 'contains', 'icontains', 'bcontains',
             'startswith', 'bstartswith', 'endswith', 'glob', 'pmatch', 'intersects',
             '=', '==', '!=', '<', '<=', '>', '>=', '(', ')', ',', '%', '*', '[', ']']
    with open(os.path.join(HERE, 'filter.dict'), 'w') as f:
        f.write('# fuzz_filter and fuzz_format dictionary (gen_text_corpus.py)\n')
        for w in words + fields:
            f.write('"%s"\n' % w.replace('\\', '\\\\').replace('"', '\\"'))
    return 0


if __name__ == '__main__':
    raise SystemExit(main())

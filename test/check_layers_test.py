#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""test/check_layers_test.py: scripts/check-layers.py on small trees (ctest check_layers_test).

Each case writes a tiny libsinsp-like tree in a temporary folder and asserts the
checker's exit status and the problem lines it prints: a clean tree passes; an upward
include, a sibling include, a bare include, a missing header, a cycle, an upward call
and a file over 800 lines each fail, naming the file and the include or function.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "pylib"))
import scrytest as st  # noqa: E402  (run, check, tmpdir: test/pylib/scrytest.py)

CHECKER = os.path.join(st.ROOT, "scripts", "check-layers.py")

BASE = {
	"util/strbuf.h": "struct strbuf;\n",
	"util/strbuf.c": '#include "util/strbuf.h"\nint strbuf_len(void)\n{\n\treturn 0;\n}\n',
	"state/threads.h": '#include "util/strbuf.h"\nint thread_count(void);\n',
	"state/threads.c": '#include "state/threads.h"\nint thread_count(void)\n{\n\treturn strbuf_len();\n}\n',
	"fields/fields.c": '#include "state/threads.h"\nint field_get(void)\n{\n\treturn thread_count();\n}\n',
	"sinsp.c": '#include "state/threads.h"\n/* #include "nothing.h" in a comment */\n',
	"include/scry/sinsp.h": "int sinsp_open(void);\n",
}


def run(files):
	with st.tmpdir(prefix="check_layers_") as d:
		for rel, text in files.items():
			path = os.path.join(d, rel)
			os.makedirs(os.path.dirname(path), exist_ok=True)
			with open(path, "w") as fp:
				fp.write(text)
		r = st.run([sys.executable, CHECKER, d])
		err = r.err.replace(d, "ROOT")
		return r.rc, r.out, [l for l in err.splitlines() if not l.endswith("files")]


def with_(changes):
	files = dict(BASE)
	files.update(changes)
	return files


def expect(name, files, code, lines):
	rc, out, err = run(files)
	got = [l.replace("check-layers: ", "", 1) for l in err]
	st.check(rc == code and got == lines, name,
		 "exit %d (want %d)\ngot:  %r\nwant: %r" % (rc, code, got, lines))


DIR = "(util <- event <- state <- parse, runtime <- fields <- filter, format <- top, dump, rules, metrics)"

expect("clean tree", BASE, 0, [])
expect("upward include", with_({"util/strbuf.c": '#include "util/strbuf.h"\n#include "state/threads.h"\n'}), 1,
       ['util/strbuf.c:2: #include "state/threads.h": util may not depend on state ' + DIR])
expect("sibling at the same level", with_({"format/format.c": '#include "filter/filter.h"\n',
					  "filter/filter.h": "\n"}), 1,
       ['format/format.c:1: #include "filter/filter.h": format may not depend on filter ' + DIR])
expect("bare include", with_({"state/threads.c": '#include "threads.h"\n'}), 1,
       ['state/threads.c:1: #include "threads.h": write it from the libsinsp root ("state/threads.h")'])
expect("missing header", with_({"sinsp.c": '#include "state/gone.h"\n'}), 1,
       ['sinsp.c:1: #include "state/gone.h": no such file under ROOT'])
expect("include cycle", with_({"state/a.h": '#include "state/b.h"\n', "state/b.h": '#include "state/a.h"\n'}), 1,
       ["include cycle: state/a.h -> state/b.h -> state/a.h"])
expect("upward call", with_({"state/threads.h": '#include "util/strbuf.h"\nint thread_count(void);\nint field_get(void);\n'}), 1,
       ["state/threads.h:3: uses field_get(), defined in fields/fields.c: state may not depend on fields " + DIR])
expect("long file", with_({"util/strbuf.h": "\n" * 801}), 1,
       ["util/strbuf.h: 801 lines, more than 800 (split it by concern)"])
expect("long public header", with_({"include/scry/sinsp.h": "\n" * 900}), 1,
       ["include/scry/sinsp.h: 900 lines, more than 800 (split it by concern)"])

sys.exit(st.finish("check_layers_test"))

#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Check that libsinsp's parts depend on each other in one direction only.

    scripts/check-layers.py [LIBSINSP_DIR]     (default: libsinsp/ next to scripts/)

libsinsp has one folder per part. A part may include the headers of its own folder
and of the parts below it, never of a part above it nor of a sibling at its level:

    util <- event <- state <- parse, runtime <- fields <- filter, format <- top (sinsp.c), dump, rules,
    metrics

Every `#include "..."` of every .c and .h under LIBSINSP_DIR (public headers in
include/ excepted: they are included as <scry/...>) is read and resolved from the
libsinsp root, where internal includes are written from ("state/threads.h"). The
check fails (exit 1), naming the file and the include, on:
  - an include that does not resolve from the libsinsp root (a bare "threads.h" that
    only the including file's own folder holds, or a missing file; "X.pb-c.h", which
    protoc-c generates from X.proto at build time, resolves when X.proto exists);
  - an include against the direction above, or between two parts at the same level;
  - an include cycle between files (one line per cycle found);
  - a use of a function that a .c of a part above defines (a call, or a declaration in
    a header): each helper has one home, in the lowest part that needs it;
  - a .c or .h of libsinsp (public headers included) over MAX_LINES lines.
Exit 0 and one summary line otherwise.
"""
import os
import re
import sys

MAX_LINES = 800

# Level of each part (the folder under libsinsp/; "" is the top: sinsp.c, sinsp_int.h).
# A file may include files of its own folder or of a lower level.
LEVELS = {
	"util": 0,
	"event": 1,
	"state": 2,
	"parse": 3,
	"runtime": 3,
	"fields": 4,
	"filter": 5,
	"format": 5,
	"": 6,
	"dump": 6,
	"rules": 6,
	"metrics": 6,
}

DIRECTION = "util <- event <- state <- parse, runtime <- fields <- filter, format <- top, dump, rules, metrics"

# A header protoc-c generates into the build folder from X.proto: X.pb-c.h.
GENERATED = ".pb-c.h"

INCLUDE_RE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
# A function definition at the start of a line (not static): its name.
DEFINE_RE = re.compile(r'^(?!static\b)[A-Za-z_][^;{}()#]*?\b(\w+)\s*'
		       r'\(((?:[^;{}()]|\([^;{}()]*\))*)\)\s*\{', re.M)
CALL_RE = re.compile(r'\b(\w+)\s*\(')


def part_of(rel):
	"""The part (folder) of a path relative to the libsinsp root, None when unknown."""
	head = rel.split("/")[0] if "/" in rel else ""
	return head if head in LEVELS else None


def sources(root):
	"""Paths relative to root of every .c and .h, public headers in include/ apart."""
	out, public = [], []
	for d, dirs, files in os.walk(root):
		dirs.sort()
		for f in sorted(files):
			if not f.endswith((".c", ".h")):
				continue
			rel = os.path.relpath(os.path.join(d, f), root).replace(os.sep, "/")
			(public if rel.startswith("include/") else out).append(rel)
	return out, public


def strip_comments(text):
	return re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)


def find_cycles(graph):
	"""Cycles of the include graph (each as a list of files, first repeated last)."""
	cycles, state, stack = [], {}, []

	def visit(n):
		state[n] = 1
		stack.append(n)
		for m in sorted(graph.get(n, ())):
			if state.get(m) == 1:
				cycles.append(stack[stack.index(m):] + [m])
			elif m not in state:
				visit(m)
		stack.pop()
		state[n] = 2

	for n in sorted(graph):
		if n not in state:
			visit(n)
	return cycles


def level(rel):
	return LEVELS[part_of(rel)]


def check_calls(root, files):
	"""Uses of functions defined by a part above the user (or a sibling at its level)."""
	code, home, errors = {}, {}, []
	for rel in files:
		if part_of(rel) is None:
			continue
		with open(os.path.join(root, rel), encoding="utf-8", errors="replace") as fp:
			code[rel] = re.sub(r'"(?:\\.|[^"\\\n])*"', '""', strip_comments(fp.read()))
		if rel.endswith(".c"):
			for m in DEFINE_RE.finditer(code[rel]):
				home.setdefault(m.group(1), rel)
	for rel, text in sorted(code.items()):
		seen = set()
		for m in CALL_RE.finditer(text):
			name = m.group(1)
			where = home.get(name)
			if not where or name in seen or part_of(where) == part_of(rel):
				continue
			seen.add(name)
			if level(where) >= level(rel):
				line = text.count("\n", 0, m.start()) + 1
				errors.append("%s:%d: uses %s(), defined in %s: %s may not depend on %s (%s)" %
					      (rel, line, name, where, part_of(rel) or "the top",
					       part_of(where) or "the top", DIRECTION))
	return errors


def check(root):
	errors = []
	files, public = sources(root)
	graph = {}
	for rel in files:
		path = os.path.join(root, rel)
		with open(path, encoding="utf-8", errors="replace") as fp:
			text = fp.read()
		part = part_of(rel)
		if part is None:
			errors.append("%s: in no part of libsinsp (known folders: %s)" %
				      (rel, ", ".join(sorted(p for p in LEVELS if p))))
			continue
		graph[rel] = set()
		code = strip_comments(text)
		for m in INCLUDE_RE.finditer(code):
			inc = m.group(1)
			line = code.count("\n", 0, m.start(1)) + 1
			where = "%s:%d: #include \"%s\"" % (rel, line, inc)
			if inc.endswith(GENERATED) and os.path.isfile(
					os.path.join(root, inc[:-len(GENERATED)] + ".proto")):
				# generated at build time from the .proto beside it: same part
				target = os.path.normpath(inc).replace(os.sep, "/")
				if part_of(target) != part and LEVELS[part_of(target) or ""] >= LEVELS[part]:
					errors.append("%s: %s may not depend on %s (%s)" %
						      (where, part or "the top", part_of(target), DIRECTION))
				continue
			if not os.path.isfile(os.path.join(root, inc)):
				if os.path.isfile(os.path.join(os.path.dirname(path), inc)):
					errors.append("%s: write it from the libsinsp root (\"%s/%s\")" %
						      (where, part_of(rel), inc))
				else:
					errors.append("%s: no such file under %s" % (where, root))
				continue
			target = os.path.normpath(inc).replace(os.sep, "/")
			tpart = part_of(target)
			if target.startswith("include/") or tpart is None:
				errors.append("%s: not an internal header of a part" % where)
				continue
			graph[rel].add(target)
			if tpart == part:
				continue
			if LEVELS[tpart] >= LEVELS[part]:
				errors.append("%s: %s may not depend on %s (%s)" %
					      (where, part or "the top", tpart or "the top", DIRECTION))
	errors += check_calls(root, files)
	for cyc in find_cycles(graph):
		errors.append("include cycle: %s" % " -> ".join(cyc))
	for rel in files + public:
		with open(os.path.join(root, rel), encoding="utf-8", errors="replace") as fp:
			n = sum(1 for _ in fp)
		if n > MAX_LINES:
			errors.append("%s: %d lines, more than %d (split it by concern)" %
				      (rel, n, MAX_LINES))
	return errors, len(files) + len(public)


def main(argv):
	here = os.path.dirname(os.path.abspath(__file__))
	root = argv[1] if len(argv) > 1 else os.path.join(here, "..", "libsinsp")
	if not os.path.isdir(root):
		print("check-layers: %s: not a directory" % root, file=sys.stderr)
		return 2
	errors, nfiles = check(root)
	for e in errors:
		print("check-layers: " + e, file=sys.stderr)
	if errors:
		print("check-layers: %d problem(s) in %d files" % (len(errors), nfiles), file=sys.stderr)
		return 1
	print("check-layers: %d files, includes one way, none over %d lines" % (nfiles, MAX_LINES))
	return 0


if __name__ == "__main__":
	sys.exit(main(sys.argv))

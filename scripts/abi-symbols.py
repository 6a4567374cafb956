#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The exported symbols of the shared libraries, kept in committed lists (the ABI guard).

Each shared library libNAME.so exports exactly the symbols of its list, DIR/libNAME.symbols
(one name a line, sorted; `#` comments allowed): the build makes its linker version script
from the list (cmake/ScryExports.cmake), and this script checks and regenerates the lists.

  scripts/abi-symbols.py check  --build BUILD --cc CC -I DIR... LIST...
      fails, printing the difference, when
      - a list differs from `nm -D --defined-only` of BUILD/lib/libNAME.so;
      - a public header (DIR/scry/**.h) declares a function or variable that no list has,
        or a list has a name no public header declares;
      - a name is in two lists, or lacks its library's prefix (libscap, libscap_bpf:
        scap_; libsinsp: sinsp_).
  scripts/abi-symbols.py update --build BUILD --cc CC -I DIR... LIST...
      rewrites each list: the names the public headers declare that BUILD/lib/libNAME.a
      defines. Run it after a reviewed change of the public API, rebuild (the version
      scripts follow the lists), then check; commit the lists with the change.

`cmake --build build --target abi-symbols-update` runs update with the build's arguments,
and ctest's abi_symbols runs check.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

PREFIXES = ("scap_", "sinsp_")
IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def public_headers(dirs):
	out = []
	for d in dirs:
		for top, _, files in os.walk(os.path.join(d, "scry")):
			out += sorted(os.path.join(top, f) for f in files if f.endswith(".h"))
	return out


def preprocess(cc, dirs, headers):
	"""The text the public headers contribute to one translation unit, macros expanded."""
	with tempfile.NamedTemporaryFile("w", suffix=".c", delete=False) as tu:
		for h in headers:
			tu.write('#include "%s"\n' % os.path.abspath(h))
	try:
		cmd = [cc, "-E", "-std=gnu11"] + ["-I" + d for d in dirs] + [tu.name]
		text = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
	finally:
		os.unlink(tu.name)
	roots = [os.path.realpath(d) + os.sep for d in dirs]
	keep, cur = [], False
	for line in text.splitlines():
		m = re.match(r'#\s*\d+\s+"([^"]*)"', line)
		if m:
			path = os.path.realpath(m.group(1))
			cur = any(path.startswith(r) for r in roots)
			continue
		if cur and not line.startswith("#"):
			keep.append(line)
	return "\n".join(keep)


def strip_balanced(text, keyword):
	"""Drop `keyword((...))` and `keyword (...)` groups (attributes, asm labels)."""
	out, i = [], 0
	while True:
		j = text.find(keyword, i)
		if j < 0:
			out.append(text[i:])
			return "".join(out)
		out.append(text[i:j])
		k = j + len(keyword)
		while k < len(text) and text[k].isspace():
			k += 1
		if k >= len(text) or text[k] != "(":
			out.append(keyword)
			i = j + len(keyword)
			continue
		depth = 0
		while k < len(text):
			depth += {"(": 1, ")": -1}.get(text[k], 0)
			k += 1
			if depth == 0:
				break
		i = k


def declared(cc, dirs):
	"""Names of the functions and variables the public headers declare (not static)."""
	text = preprocess(cc, dirs, public_headers(dirs))
	for kw in ("__attribute__", "__asm__"):
		text = strip_balanced(text, kw)
	text = text.replace("__extension__", " ")
	names, stmt, depth = set(), [], 0
	i = 0
	while i < len(text):
		c = text[i]
		stmt.append(c)
		if c in "{(":
			depth += 1
		elif c in "})":
			depth -= 1
			head = "".join(stmt).split("{", 1)[0]
			if c == "}" and depth == 0 and ")" in head and not re.match(
					r"\s*(typedef|struct|union|enum)\b", head):
				stmt = []            # a function definition (static inline): not exported
		elif c == ";" and depth == 0:
			decl = "".join(stmt)
			stmt = []
			name = declarator_name(decl)
			if name:
				names.add(name)
		i += 1
	return names


def declarator_name(decl):
	decl = decl.strip().rstrip(";").strip()
	if not decl or re.match(r"(typedef|static|_Static_assert|static_assert)\b", decl):
		return None
	while "{" in decl:                                # struct/union/enum bodies
		decl, n = re.subn(r"\{[^{}]*\}", "", decl)
		if not n:
			return None
	if re.fullmatch(r"(struct|union|enum)\s+\w*\s*", decl):
		return None                                  # a tag declaration, no object
	decl = decl.split("=", 1)[0]
	if "(" in decl:
		m = re.search(r"(\w+)\s*\(", decl)            # function: the name before its (
		return m.group(1) if m else None
	decl = re.sub(r"\[[^\]]*\]", "", decl)
	ids = IDENT.findall(decl)
	return ids[-1] if ids else None


def read_list(path):
	if not os.path.exists(path):
		return []                  # a new library: update writes its list
	with open(path) as f:
		return [l.strip() for l in f if l.strip() and not l.startswith("#")]


def lib_name(list_path):
	return os.path.basename(list_path)[: -len(".symbols")]       # "libscap"


def nm(path, dynamic):
	cmd = ["nm", "--defined-only", "-g"] + (["-D"] if dynamic else []) + [path]
	out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
	names = set()
	for line in out.splitlines():
		f = line.split()
		if len(f) >= 3 and f[1] not in ("U", "w", "v"):
			names.add(f[2].split("@", 1)[0])
	return names


def diff(label_a, a, label_b, b):
	lines = ["  - %s (in %s, not in %s)" % (n, label_a, label_b) for n in sorted(a - b)]
	lines += ["  + %s (in %s, not in %s)" % (n, label_b, label_a) for n in sorted(b - a)]
	return lines


def main():
	ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
	ap.add_argument("mode", choices=("check", "update"))
	ap.add_argument("--build", required=True)
	ap.add_argument("--cc", default="cc")
	ap.add_argument("-I", dest="dirs", action="append", default=[])
	ap.add_argument("lists", nargs="+")
	a = ap.parse_args()
	decl = declared(a.cc, a.dirs)
	libdir = os.path.join(a.build, "lib")
	bad = [n for n in decl if not n.startswith(PREFIXES)]
	if bad:
		print("public headers declare names without a library prefix: " + " ".join(sorted(bad)))
		return 1

	if a.mode == "update":
		for lp in a.lists:
			defined = nm(os.path.join(libdir, lib_name(lp) + ".a"), False)
			names = sorted(decl & defined)
			with open(lp, "w") as f:
				f.write("# %s.so exports exactly these symbols (scripts/abi-symbols.py update "
				        "regenerates this list)\n" % lib_name(lp))
				f.write("".join(n + "\n" for n in names))
			print("%s: %d symbols" % (lp, len(names)))
		return 0

	problems, listed = [], {}
	for lp in a.lists:
		names = read_list(lp)
		if names != sorted(set(names)):
			problems.append("%s: not sorted or has duplicates" % lp)
		for n in names:
			if n in listed:
				problems.append("%s is in %s and in %s" % (n, listed[n], lp))
			listed[n] = lp
		prefix = lib_name(lp)[3:].split("_")[0] + "_"      # libscap_bpf -> scap_
		bad = [n for n in names if not n.startswith(prefix)]
		if bad:
			problems.append("%s: names without the prefix %s: %s" % (lp, prefix, " ".join(bad)))
		so = os.path.join(libdir, lib_name(lp) + ".so")
		d = diff(lp, set(names), "nm -D " + so, nm(so, True))
		if d:
			problems.append("%s.so exports other symbols than its list:" % lib_name(lp))
			problems += d
	d = diff("the public headers", decl, "the lists", set(listed))
	if d:
		problems.append("the public headers and the symbol lists differ:")
		problems += d
	if problems:
		print("\n".join(problems))
		print("If the change is meant: scripts/abi-symbols.py update (or cmake --build BUILD "
		      "--target abi-symbols-update), rebuild, review the lists' diff and commit it.")
		return 1
	print("abi symbols: %d names in %d lists match the libraries and the headers"
	      % (len(listed), len(a.lists)))
	return 0


if __name__ == "__main__":
	sys.exit(main())

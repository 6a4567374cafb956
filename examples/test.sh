#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# The examples' test: their output on the capture of examples/mkcapture.py, asserted line
# for line against examples/expected.txt.
#
#   examples/test.sh PREFIX CAPTURE
#       Build each example out of tree against the scry installed in PREFIX, four ways
#       (pkg-config shared and static with its Makefile, find_package shared and static
#       with its CMakeLists.txt), check what each binary links, and run each flavour.
#       The replay check uses PREFIX/bin/scry (or $SCRY).
#   examples/test.sh --run BINDIR CAPTURE SCRY
#       Run the examples already built in BINDIR (the in-tree build: ctest -R examples).
#
# CAPTURE: made by `examples/mkcapture.py CAPTURE`. Exit 0 when every flavour printed
# exactly expected.txt; 1 otherwise (with a diff).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
examples="monitor detector slicer"

# Run the examples of $1 on the capture into a transcript ("$ command" then its stdout)
# in $2; the commands are those of expected.txt.
transcript() {
	bin=$1 out=$2
	work=$(mktemp -d)
	cp "$capture" "$work/capture.scap"
	(
		cd "$work"
		while IFS= read -r line; do
			case $line in
			'$ '*) ;;
			*) continue ;;
			esac
			echo "$line"
			cmd=${line#\$ }
			prog=${cmd%% *}
			case $prog in
			scry) set -- "$scry" ;;
			*) set -- "$bin/$prog" ;;
			esac
			# the arguments: split on blanks, single quotes group (no other shell syntax)
			eval "set -- \"\$1\" ${cmd#* }"
			rc=0
			"$@" 2>stderr || rc=$?
			[ $rc = 0 ] || { echo "[exit $rc]"; cat stderr; }
		done <"$here/expected.txt"
	) >"$out"
	rm -rf "$work"
}

# Compare a transcript with expected.txt (its "$ " lines and outputs; "#" lines are notes).
check() {
	name=$1 got=$2
	if grep -v '^#' "$here/expected.txt" | diff -u - "$got" >"$got.diff"; then
		echo "ok   $name"
	else
		echo "FAIL $name"
		cat "$got.diff"
		failed=1
	fi
}

# Does binary $1 load scry's shared libraries ($2 = yes: from the prefix) or not ($2 = no)?
check_link() {
	if readelf -d "$1" | grep -q 'NEEDED.*lib\(sinsp\|scap\)\.so'; then has=yes; else has=no; fi
	if [ "$has" != "$2" ]; then
		echo "FAIL $1: loads libsinsp/libscap.so: $has, expected $2"
		failed=1
	elif [ "$has" = yes ] && ! ldd "$1" | grep 'libsinsp\.so' | grep -q "=> $prefix/"; then
		echo "FAIL $1: loads a libsinsp.so from outside $prefix: $(ldd "$1" | grep libsinsp)"
		failed=1
	fi
}

failed=0
tmp=$(mktemp -d)
cflags="-O2 -g -Wall -Wextra -Wpedantic -Werror"
trap 'rm -rf "$tmp"' EXIT
if [ "${1:-}" = --run ]; then
	[ $# = 4 ] || { echo "usage: $0 --run BINDIR CAPTURE SCRY" >&2; exit 2; }
	capture=$(cd "$(dirname "$3")" && pwd)/$(basename "$3") scry=$4
	transcript "$2" "$tmp/in-tree.out"
	check in-tree "$tmp/in-tree.out"
	exit $failed
fi
[ $# = 2 ] || { echo "usage: $0 PREFIX CAPTURE | --run BINDIR CAPTURE SCRY" >&2; exit 2; }
prefix=$(cd "$1" && pwd)
capture=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
scry=${SCRY:-$prefix/bin/scry}
multiarch=$(gcc -print-multiarch 2>/dev/null || true)
libdirs="$prefix/lib${multiarch:+:$prefix/lib/$multiarch}"
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig${multiarch:+:$prefix/lib/$multiarch/pkgconfig}:$prefix/share/pkgconfig"
export LD_LIBRARY_PATH="$libdirs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"

for flavour in pkgconfig-shared pkgconfig-static cmake-shared cmake-static; do
	mkdir -p "$tmp/$flavour/bin"
	for ex in $examples; do
		src=$tmp/$flavour/$ex
		cp -r "$here/$ex" "$src"
		case $flavour in
		pkgconfig-shared) make -s -C "$src" CFLAGS="$cflags" >"$src.log" 2>&1 ;;
		pkgconfig-static) make -s -C "$src" CFLAGS="$cflags" STATIC=1 >"$src.log" 2>&1 ;;
		cmake-*)
			static=OFF
			[ $flavour = cmake-static ] && static=ON
			{ cmake -S "$src" -B "$src/build" -DCMAKE_PREFIX_PATH="$prefix" \
				-DSCRY_USE_STATIC_LIBS=$static -DCMAKE_C_FLAGS="$cflags" &&
			  cmake --build "$src/build" && cp "$src/build/$ex" "$src/$ex"; } \
				>"$src.log" 2>&1 ;;
		esac || { echo "FAIL $flavour: $ex does not build:"; cat "$src.log"; failed=1; continue; }
		case $flavour in
		*-shared) check_link "$src/$ex" yes ;;
		*-static) check_link "$src/$ex" no ;;
		esac
		cp "$src/$ex" "$tmp/$flavour/bin/"
	done
	transcript "$tmp/$flavour/bin" "$tmp/$flavour.out"
	check "$flavour" "$tmp/$flavour.out"
done
exit $failed

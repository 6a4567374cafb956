#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
#
# test/lib/subproject-test.sh SOURCE_DIR WORK_DIR
#
# The tree as a subproject: test/lib/consumer configured with add_subdirectory() and with
# FetchContent, built (scry's -Werror, tests and install rules stay off there), and run on
# a capture.
set -euo pipefail
src=$(cd "$1" && pwd)
work=$2
mkdir -p "$work"
for mode in add_subdirectory FetchContent; do
	b=$work/$mode
	rm -rf "$b"
	fetch=OFF
	[ $mode = FetchContent ] && fetch=ON
	cmake -S "$src/test/lib/consumer" -B "$b" -DSCRY_SOURCE_DIR="$src" -DSCRY_FETCH=$fetch \
		-DSCRY_BPF=OFF >"$b.log" 2>&1 || { cat "$b.log"; exit 1; }
	if grep -q -- -Werror "$b"/*/libscap/CMakeFiles/scap_obj.dir/flags.make 2>/dev/null ||
		grep -q -- -Werror "$b"/_deps/*/libscap/CMakeFiles/scap_obj.dir/flags.make 2>/dev/null; then
		echo "FAIL: $mode: scry forces -Werror on its parent's build" >&2
		exit 1
	fi
	if grep -q '^SCRY_BUILD_TESTS:BOOL=ON' "$b/CMakeCache.txt"; then
		echo "FAIL: $mode: scry's tests are on in a subproject" >&2
		exit 1
	fi
	cmake --build "$b" -j 2 >>"$b.log" 2>&1 || { tail -n 40 "$b.log"; exit 1; }
	"$src/test/lib/run-consumer.sh" "$b/scry_opens" --shared
	# the parent's install does not install scry (SCRY_INSTALL is off in a subproject)
	cmake --install "$b" --prefix "$b/inst" >>"$b.log" 2>&1 || { tail -n 20 "$b.log"; exit 1; }
	if [ -d "$b/inst" ] && [ -n "$(find "$b/inst" -type f)" ]; then
		echo "FAIL: $mode: the parent's install installs scry's files:" $(find "$b/inst" -type f) >&2
		exit 1
	fi
	echo "ok: $mode"
done

#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
#
# test/lib/subproject-test.sh SOURCE_DIR WORK_DIR
#
# The tree as a subproject: test/lib/consumer configured with add_subdirectory() and with
# FetchContent, built (scry's -Werror and tests stay off there), and run on a capture.
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
	echo "ok: $mode"
done

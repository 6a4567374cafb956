#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
#
# test/lib/run-consumer.sh PROGRAM [--shared|--static]
#
# Runs a scry_opens build (test/lib/consumer/scry_opens.c) on the capture
# scripts/mkcapture.py writes and compares its output with consumer/expected.txt.
#   --shared  PROGRAM must load libsinsp.so.0 and libscap.so.0 (readelf -d NEEDED)
#   --static  PROGRAM must need neither
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
prog=$1 kind=${2:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$here/../../scripts/mkcapture.py" "$tmp/demo.scap"
"$prog" "$tmp/demo.scap" >"$tmp/out"
if ! diff -u "$here/consumer/expected.txt" "$tmp/out"; then
	echo "FAIL: $prog: output differs from consumer/expected.txt" >&2
	exit 1
fi
needed=$(readelf -d "$prog" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')
case $kind in
--shared)
	for l in libsinsp.so.0 libscap.so.0; do
		[[ " $needed" == *" $l "* ]] || { echo "FAIL: $prog does not need $l: $needed" >&2; exit 1; }
	done ;;
--static)
	[[ "$needed" != *libscap* && "$needed" != *libsinsp* ]] ||
		{ echo "FAIL: $prog loads scry's shared libraries: $needed" >&2; exit 1; } ;;
esac
echo "ok: $prog ${kind#--} (needs: $needed)"

#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
#
# test/lib/readme-example.sh SOURCE_DIR
#
# README.md's "Use the libraries" program is test/lib/consumer/scry_opens.c, to the byte:
# the program the README shows is the one the tests compile and run.
set -euo pipefail
src=$1
shown=$(awk '/^## Use the libraries/ { s = 1 } s && /^```c$/ { c = 1; next }
	c && /^```$/ { exit } c' "$src/README.md")
if [ "$shown" != "$(cat "$src/test/lib/consumer/scry_opens.c")" ]; then
	diff -u "$src/test/lib/consumer/scry_opens.c" <(printf '%s\n' "$shown") || true
	echo "FAIL: README.md's program differs from test/lib/consumer/scry_opens.c" >&2
	exit 1
fi
echo "ok: README.md shows test/lib/consumer/scry_opens.c"

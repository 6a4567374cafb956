#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
#
# test/lib/check-headers.sh CC CXX INCLUDE_DIR...
#
# Every public header (INCLUDE_DIR/scry/**.h) compiles on its own as C11 and as C++17 with
# -Wall -Wextra -Wpedantic -Werror, and one C++17 file including all of them (and using
# SCAP_OPTS) compiles too (issue 10: the headers a user installs).
set -uo pipefail
cc=$1 cxx=$2
shift 2
inc=()
headers=()
for d in "$@"; do
	inc+=(-I "$d")
	[ -d "$d/scry" ] || continue
	while IFS= read -r h; do headers+=("${h#"$d"/scry/}"); done < <(find "$d/scry" -name '*.h' | sort)
done
[ ${#headers[@]} -gt 0 ] || { echo "no public header found in $*" >&2; exit 1; }
flags=(-Wall -Wextra -Wpedantic -Werror -fsyntax-only)
fail=0
for h in "${headers[@]}"; do
	printf '#include <scry/%s>\n' "$h" | "$cc" -x c -std=c11 "${flags[@]}" "${inc[@]}" - ||
		{ echo "FAIL: <scry/$h> as C11"; fail=1; }
	printf '#include <scry/%s>\n' "$h" | "$cxx" -x c++ -std=c++17 "${flags[@]}" "${inc[@]}" - ||
		{ echo "FAIL: <scry/$h> as C++17"; fail=1; }
done
{
	for h in "${headers[@]}"; do printf '#include <scry/%s>\n' "$h"; done
	printf 'int main() { SCAP_OPTS(scap_open_opts, o, .path = "x.scap"); return o.sz == 0; }\n'
} | "$cxx" -x c++ -std=c++17 "${flags[@]}" "${inc[@]}" - ||
	{ echo "FAIL: all headers together as C++17"; fail=1; }
[ $fail = 0 ] && echo "headers: ${#headers[@]} public headers compile alone as C11 and C++17, and together"
exit $fail

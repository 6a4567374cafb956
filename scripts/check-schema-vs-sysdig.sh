#!/bin/sh
# SPDX-License-Identifier: GPL-2.0 OR MIT
# check-schema-vs-sysdig.sh - compare scry's event table (driver/abi) with what the
# installed sysdig lists with `sysdig -L`: event names, directions, parameter types and
# names, in table order. sysdig -L lists every event that is neither unused, an old
# version nor internal; events numbered past what that sysdig knows are not compared,
# nor the parameters a newer schema appended to an event it knows (execve's and
# execveat's exits, schema 1.2: sysdig's line must then be the start of ours).
#   usage: scripts/check-schema-vs-sysdig.sh [KNOWN_EVENTS]   (default 336: sysdig 0.29.3)
# Exit 0 when identical, 1 on a difference (printed as a unified diff).
set -eu
known=${1:-336}
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
command -v sysdig >/dev/null || { echo "sysdig not installed" >&2; exit 2; }

cat > "$tmp/list.c" <<'CEOF'
#include <stdio.h>
#include <stdlib.h>
#include "driver/abi/scap_events.h"
static const char *const type_names[SCAP_PT_MAX] = {
	"NONE", "INT8", "INT16", "INT32", "INT64", "UINT8", "UINT16", "UINT32", "UINT64",
	"CHARBUF", "BYTEBUF", "ERRNO", "SOCKADDR", "SOCKTUPLE", "FD", "PID", "FDLIST",
	"FSPATH", "SYSCALLID", "SIGTYPE", "RELTIME", "ABSTIME", "PORT", "L4PROTO",
	"SOCKFAMILY", "BOOL", "IPV4ADDR", "DYNAMIC", "FLAGS8", "FLAGS16", "FLAGS32", "UID",
	"GID", "DOUBLE", "SIGSET", "CHARBUFARRAY", "CHARBUF_PAIR_ARRAY", "IPV4NET",
	"IPV6ADDR", "IPV6NET", "IPADDR", "IPNET", "MODE", "FSRELPATH", "ENUMFLAGS8",
	"ENUMFLAGS16", "ENUMFLAGS32",
};
int main(int argc, char **argv)
{
	unsigned int n = argc > 1 ? (unsigned int)atoi(argv[1]) : SCAP_EVT_MAX, i, j;

	for (i = 0; i < n && i < SCAP_EVT_MAX; i++) {
		const struct scap_evt_info *e = &scap_evt_table[i];

		if ((e->flags & (SCAP_EF_UNUSED | SCAP_EF_OLD_VERSION)) ||
		    (e->category & SCAP_EC_INTERNAL))
			continue;
		printf("%c %s(", scap_evt_is_enter(i) ? '>' : '<', e->name);
		for (j = 0; j < e->nparams; j++)
			printf("%s%s %s", j ? ", " : "", type_names[e->params[j].type],
			       e->params[j].name);
		printf(")\n");
	}
	return 0;
}
CEOF
${CC:-cc} -std=gnu11 -I"$root" -o "$tmp/list" "$tmp/list.c" \
	"$root"/driver/abi/event_table.c "$root"/driver/abi/flags_table.c
"$tmp/list" "$known" > "$tmp/scry.txt"
sysdig -L | sed 's/[[:space:]]*$//' | grep -v '^$' > "$tmp/sysdig.txt"
# our line cut to sysdig's where sysdig's, its ")" left out, starts ours with a ", " next
paste -d '\n' "$tmp/sysdig.txt" "$tmp/scry.txt" | awk 'NR % 2 { s = $0; next }
	{ p = substr(s, 1, length(s) - 1) ", "
	  print (length(s) > 1 && substr($0, 1, length(p)) == p) ? s : $0 }' > "$tmp/scry_cut.txt"
[ "$(wc -l < "$tmp/sysdig.txt")" = "$(wc -l < "$tmp/scry.txt")" ] && mv "$tmp/scry_cut.txt" "$tmp/scry.txt"
if diff -u "$tmp/sysdig.txt" "$tmp/scry.txt"; then
	echo "schema matches sysdig -L ($(wc -l < "$tmp/sysdig.txt") events)"
else
	exit 1
fi

#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
#
# test/stream/kafka_e2e.sh [BUILD]: `scry -w kafka://` and `scry -r kafka://` against
# librdkafka's mock cluster (BUILD/bin/kafka_mock: 3 brokers speaking the Kafka protocol
# on loopback ports, in one process).
#
#   1. each capture of ../shared/conformance/traces that holds events is published
#      (`scry -r TRACE -w kafka://SERVERS/TOPIC?host=NAME`, small chunks so that a capture
#      spans several records) and read back (`scry -r kafka://SERVERS/TOPIC?host=NAME`):
#      the output must equal `scry -r TRACE`'s, byte for byte; the host names hold dots
#      (subject token and record key differ);
#   1b. a misspelt ?host= fails (nothing matched) instead of reading nothing; with
#      since= (where Kafka cannot tell) reads nothing and says so on stderr;
#   2. two hosts on one topic: each reads back its own capture only; two hosts whose
#      thread ids are equal (a capture and a copy with its processes renamed), read
#      back merged: each host's events show its own processes, and --metrics gives
#      each host its own rows (text) and lines (-j), with its own capture's totals,
#      and scry top a row for each host's process (equal pids apart);
#   3. every broker down: a publisher starts, its whole capture goes to the spool (the
#      test waits until the spool holds as many chunks as step 1 published for that
#      capture), the outage goes on 3 s more (the records' timeout_ms is 1 s: their
#      reports fail and the spool sends them again), the brokers come back, the
#      publisher drains its spool and ends with "0 left" and failed sends counted; the
#      capture read back is identical (nothing lost, nothing twice);
#   3b. no broker at the URL: scry -w ends with exit 1 and a message naming the URL,
#      the server and the refused connection;
#   4. alerts: `scry -r TRACE --rules R -w URL` puts the run's alerts on the bus and
#      `scry -r URL --fetch alerts` prints what `scry -r TRACE --rules R -j` prints;
#   4b. the alerts' record keys (kafka_mock's "keys"): a container's alert keyed by its
#      container id, a host process's by the host's name; --fetch alerts reads both;
#   5. the agent (when built): `scryd --replay TRACE` with a bus sink on Kafka: the
#      capture reads back identical and the alerts on the bus are those it printed;
#      its alerts keyed as in 4b.
# Each check prints "ok ..." or "FAIL ...". Files in BUILD/kafka-e2e/. Exit 0 when every
# check passed, 1 on a failure, 77 (skipped) without the captures or without librdkafka
# (then neither kafka_mock nor scap_stream's Kafka transport is built).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
build=$(cd "${1:-build}" && pwd)
bin=$build/bin
out=$build/kafka-e2e
traces=$root/../shared/conformance/traces

skip() { echo "kafka-e2e: skipped: $*"; exit 77; }
[ -d "$traces" ] || skip "no captures at ../shared/conformance/traces"
[ -x "$bin/kafka_mock" ] || skip "no kafka_mock (built with librdkafka)"
[ -x "$bin/scry" ] || { echo "kafka-e2e: $bin/scry missing" >&2; exit 1; }
rm -rf "$out"
mkdir -p "$out"

n_fail=0
ok() { echo "ok   $*"; }
bad() { echo "FAIL $*"; n_fail=$((n_fail + 1)); }

# The mock cluster, its stdin a pipe of ours: it runs until we close it.
coproc MOCK { exec "$bin/kafka_mock" 3 2>"$out/mock.err"; }
mock_pid=$MOCK_PID
exec 8>&"${MOCK[1]}" 9<&"${MOCK[0]}"
eval "exec ${MOCK[1]}>&- ${MOCK[0]}<&-"  # only 8 and 9 stay: closing 8 ends it
cleanup() {
	exec 8>&-
	wait "$mock_pid" 2>/dev/null || true
}
trap cleanup EXIT
read -r word servers <&9 || { echo "kafka-e2e: kafka_mock did not start" >&2; exit 1; }
[ "$word" = bootstrap ] || { echo "kafka-e2e: kafka_mock said: $word $servers" >&2; exit 1; }
echo "mock cluster: $servers"

# mock COMMAND: send it, its answer must be "ok"
mock() {
	local reply
	echo "$*" >&8
	read -r reply <&9
	[ "$reply" = ok ] || { echo "kafka-e2e: mock $*: $reply" >&2; exit 1; }
}

# publish TRACE URL SPOOL [OPTIONS...]: scry -w, its figures line in $out/NAME.pub
publish() {
	local trace=$1 url=$2 spool=$3
	shift 3
	"$bin/scry" -r "$trace" -w "$url" --spool-dir "$spool" --chunk-events 100 "$@"
}

# messages N of the figures line scry -w URL prints at its end
published() { sed -n 's/.*: \([0-9][0-9]*\) messages acknowledged.*/\1/p' "$1" | tail -n 1; }

declare -A chunks
i=0
for trace in "$traces"/*.scap; do
	name=$(basename "$trace" .scap)
	"$bin/scry" -r "$trace" >"$out/$name.want"
	[ -s "$out/$name.want" ] || continue  # no events: nothing to publish
	i=$((i + 1))
	host="host-$i.example.com"
	url="kafka://$servers/e2e_$name?host=$host"
	if ! publish "$trace" "$url" "$out/spool-$name" 2>"$out/$name.pub"; then
		bad "$name: scry -w $url: $(tail -n 1 "$out/$name.pub")"
		continue
	fi
	chunks[$name]=$(published "$out/$name.pub")
	if ! "$bin/scry" -r "$url" >"$out/$name.got" 2>"$out/$name.read"; then
		bad "$name: scry -r $url: $(tail -n 1 "$out/$name.read")"
	elif cmp -s "$out/$name.want" "$out/$name.got"; then
		ok "$name: read back identical ($(wc -l <"$out/$name.want") lines, ${chunks[$name]} records)"
	else
		bad "$name: read back differs: $(diff "$out/$name.want" "$out/$name.got" | head -n 3 | tr '\n' ' ')"
	fi
done
[ "$i" -gt 0 ] || bad "no capture with events in $traces"

# 1b. a misspelt host: Kafka cannot list the hosts of a topic cheaply, the reader says
# that nothing matched (exit 1, no output) instead of replaying an empty capture;
# typo URL STATUS STDERR WHAT: scry -r URL exits STATUS, prints nothing on stdout and
# STDERR as its only stderr line
typo() {
	local rc=0
	"$bin/scry" -r "$1" >"$out/typo.got" 2>"$out/typo.err" || rc=$?
	if [ "$rc" = "$2" ] && [ ! -s "$out/typo.got" ] && [ "$(cat "$out/typo.err")" = "$3" ]; then
		ok "$4: $3"
	else
		bad "$4: exit $rc, $(wc -c <"$out/typo.got") bytes out, $(cat "$out/typo.err")"
	fi
}
url="kafka://$servers/e2e_sample?host=host-typo"
typo "$url" 1 "scry: $url: no capture of host 'host-typo' on the bus (no message of it matched)" \
	"misspelt host"
# with since=, whether the host had chunks before then cannot be told without reading
# its partition from the start: nothing is read (exit 0) and stderr says why
typo "$url&since=2020-01-01T00:00:00Z" 0 "scry: host 'host-typo': nothing on the bus since 2020-01-01T00:00:00Z (a misspelt name reads so too: kafka cannot list a topic's hosts; without since= it is an error)" \
	"misspelt host, since="

# 2. two hosts on one topic; b's chunks gzip (compression=lz4), as every chunk was
# before zstd record batches took plain chunks: both kinds read back
a=$traces/sample.scap b=$traces/cat_write.scap
publish "$a" "kafka://$servers/shared?host=web-a.example.com" "$out/spool-a" 2>"$out/a.pub" &&
	publish "$b" "kafka://$servers/shared?host=web-b&compression=lz4" "$out/spool-b" \
		2>"$out/b.pub" ||
	bad "two hosts: publishing: $(tail -n 1 "$out/a.pub" "$out/b.pub")"
"$bin/scry" -r "kafka://$servers/shared?host=web-a.example.com" >"$out/a.got" 2>&1 || true
"$bin/scry" -r "kafka://$servers/shared?host=web-b" >"$out/b.got" 2>&1 || true
if cmp -s "$out/a.got" "$out/sample.want" && cmp -s "$out/b.got" "$out/cat_write.want"; then
	ok "two hosts on one topic (plain and gzip chunks): each reads its own capture"
else
	bad "two hosts on one topic: outputs differ from their captures"
fi

# 2b. two hosts whose thread ids are equal, read back merged: each event shows its own
# host's process (a copy of cat_write with its processes renamed, same tids)
a=$traces/cat_write.scap b=$out/cat_write_renamed.scap
python3 - "$a" "$b" <<'PY'
import gzip, sys
data = gzip.open(sys.argv[1]).read()
open(sys.argv[2], "wb").write(data.replace(b"cat", b"dog").replace(b"bash", b"dash"))
PY
fmt='%evt.time %evt.cpu %proc.name (%thread.tid) %proc.pname %evt.dir %evt.type %evt.info'
publish "$a" "kafka://$servers/collide?host=h-a" "$out/spool-ca" 2>"$out/ca.pub" &&
	publish "$b" "kafka://$servers/collide?host=h-b" "$out/spool-cb" 2>"$out/cb.pub" ||
	bad "equal tids: publishing: $(tail -n 1 "$out/ca.pub" "$out/cb.pub")"
for h in a b; do
	src=$a
	[ $h = b ] && src=$b
	"$bin/scry" -r "$src" -p "$fmt" >"$out/c$h.want"
	"$bin/scry" -r "kafka://$servers/collide?host=h-a,h-b" -p "$fmt" "evt.host=h-$h" \
		>"$out/c$h.got" 2>"$out/c$h.read" || true
done
if [ -s "$out/ca.want" ] && cmp -s "$out/ca.want" "$out/ca.got" &&
	cmp -s "$out/cb.want" "$out/cb.got" && ! cmp -s "$out/ca.want" "$out/cb.want"; then
	ok "equal tids on two hosts, merged: each host's events show its own processes ($(wc -l <"$out/ca.want") lines each)"
else
	bad "equal tids on two hosts, merged: $(diff "$out/ca.want" "$out/ca.got" | head -n 3 | tr '\n' ' ')"
fi
# ... --metrics of the merge: each host its own line an interval, its totals those of
# its capture read alone (the last interval's), containers and processes its own
"$bin/scry" -r "$a" --metrics -j 2>/dev/null | tail -n 1 >"$out/cm.want" || true
"$bin/scry" -r "kafka://$servers/collide?host=h-a,h-b" --metrics -j >"$out/cm.got" 2>"$out/cm.err" || true
cm=$(python3 - "$out/cm.want" "$out/cm.got" <<'PY'
import json, sys
want = json.loads(open(sys.argv[1]).read())
lines = [json.loads(l) for l in open(sys.argv[2])]
last = {l['hostname']: l for l in lines}
hosts = [l['hostname'] for l in lines]
ok = (sorted(last) == ['h-a', 'h-b'] and hosts[0::2] == ['h-a'] * (len(lines) // 2) and
      hosts[1::2] == ['h-b'] * (len(lines) // 2) and
      all(last[h]['host']['total'] == want['host']['total'] for h in last))
print('%s %d lines, hosts %s, totals %s' % ('ok' if ok else 'bad', len(lines), sorted(last),
      {h: last[h]['host']['total']['syscalls'] for h in last}))
PY
)
if [ "${cm%% *}" = ok ]; then
	ok "two hosts merged: --metrics -j: a line a host an interval, each host's totals its own (${cm#ok })"
else
	bad "two hosts merged: --metrics -j: ${cm#bad } (want $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["host"]["total"]["syscalls"])' "$out/cm.want") syscalls each) $(tail -n 1 "$out/cm.err")"
fi
rows=$("$bin/scry" -r "kafka://$servers/collide?host=h-a,h-b" --metrics 2>/dev/null | grep -cE '^host +h-(a|b) ' || true)
ivs=$("$bin/scry" -r "kafka://$servers/collide?host=h-a,h-b" --metrics 2>/dev/null | grep -c '^--- ' || true)
if [ "$ivs" -gt 0 ] && [ "$rows" = $((2 * ivs)) ]; then
	ok "two hosts merged: --metrics: a host row for each host in each of the $ivs intervals"
else
	bad "two hosts merged: --metrics: $rows host rows named h-a/h-b in $ivs intervals"
fi
# ... scry top of the merge: each host's processes apart (equal pids: one row each, its
# host in CONTAINER, its own command line: sysdig ... proc.name=cat on h-a, =dog on h-b)
"$bin/scry" top -r "kafka://$servers/collide?host=h-a,h-b" -b -v procs --iterations 100 \
	>"$out/ctop.got" 2>"$out/ctop.err" || true
ctop=$(awk '$12 ~ /^h-[ab]$/ && $0 ~ /proc\.name=(cat|dog)$/ { print $12, substr($0, length($0) - 2) }' \
	"$out/ctop.got" | sort -u | tr '\n' ' ')
if [ "$ctop" = "h-a cat h-b dog " ]; then
	ok "two hosts merged: scry top: equal pids on a row each, with their own host and command"
else
	bad "two hosts merged: scry top: rows by host and command '$ctop' $(tail -n 1 "$out/ctop.err")"
fi
# ... and such a merge is not written to one capture (it holds one host): refused, no file
rc=0
"$bin/scry" -r "kafka://$servers/collide?host=h-a,h-b" -w "$out/merged.scap" 2>"$out/merged.err" || rc=$?
if [ "$rc" = 1 ] && [ ! -e "$out/merged.scap" ] && grep -q "merges 2 hosts" "$out/merged.err"; then
	ok "two hosts merged: -w refused ($(cat "$out/merged.err"))"
else
	bad "two hosts merged: -w: exit $rc, $(cat "$out/merged.err")"
fi

# 3. every broker down while a publisher runs: its spool keeps everything
name=curl_google
trace=$traces/$name.scap
want_chunks=${chunks[$name]:-0}
if [ "$want_chunks" -lt 2 ]; then
	bad "down: step 1 published no chunks of $name"
else
	url="kafka://$servers/down?host=h-down.example.com&timeout_ms=1000"
	spool=$out/spool-down
	mock "down -1"
	publish "$trace" "$url" "$spool" --publish-wait 300 2>"$out/down.pub" &
	pub_pid=$!
	held=0
	for _ in $(seq 1 600); do  # until the whole capture is spooled (<= 60 s)
		held=$( (ls "$spool" 2>/dev/null || true) | grep -cE '^capture-[0-9]{20}$' || true)
		[ "$held" -ge "$want_chunks" ] && break
		kill -0 "$pub_pid" 2>/dev/null || break
		sleep 0.1  # between two looks at the spool
	done
	if [ "$held" -ge "$want_chunks" ]; then
		ok "down: the spool holds all $held chunks while every broker is down"
		# compression=zstd (the default): the chunks are plain scap files, the
		# record batches their only compression
		first=$(ls "$spool" | grep -E '^capture-[0-9]{20}$' | head -n 1)
		magic=$(od -An -tx1 -N4 "$spool/$first" | tr -d ' ')
		[ "$magic" = 0a0d0d0a ] || bad "down: $first starts with $magic, not a plain scap file"
	else
		bad "down: the spool holds $held chunks, want $want_chunks"
	fi
	# the outage lasts 3 s more, three times the records' timeout_ms: their reports
	# fail and the spool sends them again once the brokers are back
	sleep 3
	mock "up -1"
	if wait "$pub_pid"; then
		ok "down: the publisher drained its spool: $(sed -n 's/.*: \([0-9]* messages.*\)/\1/p' "$out/down.pub" | tail -n 1)"
	else
		bad "down: scry -w ended with an error: $(tail -n 1 "$out/down.pub")"
	fi
	grep -q ' 0 left (0 bytes)' "$out/down.pub" || bad "down: chunks left over: $(tail -n 1 "$out/down.pub")"
	failed=$(sed -n 's/.* \([0-9][0-9]*\) sends failed and repeated.*/\1/p' "$out/down.pub" | tail -n 1)
	[ "${failed:-0}" -gt 0 ] || bad "down: no send failed during the outage (${failed:-?})"
	"$bin/scry" -r "$url" >"$out/down.got" 2>"$out/down.read" || true
	if cmp -s "$out/$name.want" "$out/down.got"; then
		ok "down: read back identical after the outage ($(wc -l <"$out/down.got") lines)"
	else
		bad "down: read back differs ($(wc -l <"$out/down.got") lines, want $(wc -l <"$out/$name.want")): $(tail -n 1 "$out/down.read")"
	fi
fi

# 3b. no broker at the URL (a closed port): the publisher gives up after --publish-wait
# with a message naming the URL, the server and what failed (the refused connection)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url="kafka://127.0.0.1:$port/nobus?host=h-none"
rc=0
publish "$traces/sample.scap" "$url" "$out/spool-none" --publish-wait 3 2>"$out/none.pub" || rc=$?
if [ "$rc" = 1 ] && grep -qF "scry: $url: the bus did not take every message in 3 s (" "$out/none.pub" &&
	grep -qE "left in the spool\): kafka 127\.0\.0\.1:$port: .*127\.0\.0\.1:$port failed: Connection refused" \
		"$out/none.pub"; then
	ok "no broker: exit 1, $(head -n 1 "$out/none.pub")"
else
	bad "no broker: exit $rc, $(head -n 1 "$out/none.pub")"
fi

# 4. alerts of a rules run on the bus, as JSON: what scry -j --rules prints
cat >"$out/rules.yaml" <<'RULES'
- rule: connect seen
  desc: a connect
  condition: evt.type=connect and evt.dir=<
  output: "connect (fd=%fd.name proc=%proc.name)"
  priority: NOTICE
RULES
trace=$traces/curl_google.scap
url="kafka://$servers/alerts?host=h-alerts.example.com"
"$bin/scry" -r "$trace" --rules "$out/rules.yaml" -j 2>/dev/null |
	# published, they name the host they are published as
	sed 's/"hostname":"[^"]*"/"hostname":"h-alerts.example.com"/' >"$out/alerts.want" || true
if ! "$bin/scry" -r "$trace" --rules "$out/rules.yaml" -w "$url" --spool-dir "$out/spool-alerts" \
	>"$out/alerts.printed" 2>"$out/alerts.pub"; then
	bad "alerts: scry --rules -w $url: $(tail -n 1 "$out/alerts.pub")"
elif ! "$bin/scry" -r "$url" --fetch alerts >"$out/alerts.got" 2>"$out/alerts.read"; then
	bad "alerts: scry -r $url --fetch alerts: $(tail -n 1 "$out/alerts.read")"
elif [ -s "$out/alerts.want" ] && cmp -s "$out/alerts.want" "$out/alerts.got"; then
	ok "alerts: $(wc -l <"$out/alerts.got") on the bus, as scry -j --rules prints them"
else
	bad "alerts: $(wc -l <"$out/alerts.got") fetched, want $(wc -l <"$out/alerts.want")"
fi

# 4b. the alerts' record keys: an alert of a process in a container is keyed by the
# container's id, one of the host's own processes by the host's name (a capture of
# scripts/mkcapture.py with cat in a docker cgroup and bash on the host, each opening
# a file); --fetch alerts still gives both
python3 - "$root/scripts" "$out/keys.scap" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
import mkcapture as mk
cid = 'c0ffee' + '0' * 52 + '123456'
procs = mk.block(mk.BT_PL_V5,
                 mk.proc(1000, 1, 'bash', '/bin/bash', ['-bash'], 1000) +
                 mk.proc(4242, 1000, 'cat', '/usr/bin/cat', ['cat', '/etc/hostname'], 1000,
                         cgroup='/system.slice/docker-%s.scope' % cid))
path = mk.cstr('/etc/passwd')
bash_open = (mk.event(mk.T0 + 100000, 1000, mk.EVT_OPENAT_2_E,
                      [mk.i64(mk.AT_FDCWD), path, mk.u32(mk.PPM_O_RDONLY), mk.u32(0)]) +
             mk.event(mk.T0 + 101000, 1000, mk.EVT_OPENAT_2_X,
                      [mk.i64(5), mk.i64(mk.AT_FDCWD), path, mk.u32(mk.PPM_O_RDONLY),
                       mk.u32(0), mk.u32(0x802)]))
with open(sys.argv[2], 'wb') as f:
    f.write(mk.shb() + mk.machine_info() + mk.iface_list() + mk.user_list() + procs +
            mk.events() + bash_open)
PY
cat >"$out/rules-open.yaml" <<'RULES'
- rule: open seen
  desc: an open
  condition: evt.type=openat and evt.dir=<
  output: "open (proc=%proc.name container=%container.id)"
  priority: NOTICE
RULES
# check_keys TOPIC HOST WHAT: TOPIC holds HOST's two alerts, one keyed c0ffee000000, one
# keyed HOST, asked of the mock ("keys"), in any order (their SEQ, a spool's run of
# numbers, left out)
check_keys() {
	local reply got want="$2/alerts/=c0ffee000000 $2/alerts/=$2 ok "
	echo "keys $1" >&8
	read -r reply <&9
	got=$(echo "$reply" | tr ' ' '\n' | sed 's|/alerts/[0-9]*=|/alerts/=|' | LC_ALL=C sort | tr '\n' ' ')
	if [ "$got" = "$want" ]; then
		ok "$3: the container's alert keyed c0ffee000000, the host's $2"
	else
		bad "$3: records $reply, want $want"
	fi
}
url="kafka://$servers/keyed?host=h-keys.example.com"
"$bin/scry" -r "$out/keys.scap" --rules "$out/rules-open.yaml" -j 2>/dev/null |
	sed 's/"hostname":"[^"]*"/"hostname":"h-keys.example.com"/' >"$out/keys.want" || true
if ! "$bin/scry" -r "$out/keys.scap" --rules "$out/rules-open.yaml" -w "$url" \
	--spool-dir "$out/spool-keys" >/dev/null 2>"$out/keys.pub"; then
	bad "alert keys: scry --rules -w $url: $(tail -n 1 "$out/keys.pub")"
else
	# cat's alert (sequence 0) in container c0ffee000000, bash's (1) on the host
	check_keys keyed.alerts h-keys.example.com "alert keys"
	"$bin/scry" -r "$url" --fetch alerts >"$out/keys.got" 2>"$out/keys.read" || true
	if [ "$(wc -l <"$out/keys.want")" = 2 ] && [ "$(sort "$out/keys.got")" = "$(sort "$out/keys.want")" ]; then
		ok "alert keys: --fetch alerts reads both (the partitions of both keys)"
	else
		bad "alert keys: --fetch alerts gave $(wc -l <"$out/keys.got") of $(wc -l <"$out/keys.want"): $(tail -n 1 "$out/keys.read")"
	fi
fi

# 5. the agent: scryd --replay with its bus sink on Kafka, capture and alerts
if [ -x "$bin/scryd" ]; then
	url="kafka://$servers/agent?host=h-agent"
	cat >"$out/scryd.yaml" <<CONF
rules: [$out/rules.yaml]
outputs:
  stdout:
    enabled: true
    format: json
bus:
  enabled: true
  url: $url
  spool_dir: $out/spool-agent
  chunk_events: 300
prometheus:
  enabled: false   # not under test; its port may be taken by an agent of the host
log:
  target: stderr
CONF
	if ! "$bin/scryd" -c "$out/scryd.yaml" --replay "$trace" >"$out/agent.printed" \
		2>"$out/agent.err"; then
		bad "scryd: --replay with a Kafka sink: $(tail -n 1 "$out/agent.err")"
	else
		"$bin/scry" -r "$url" >"$out/agent.got" 2>&1 || true
		"$bin/scry" -r "$url" --fetch alerts >"$out/agent.alerts" 2>&1 || true
		if cmp -s "$out/agent.got" "$out/curl_google.want" &&
			[ -s "$out/agent.printed" ] && cmp -s "$out/agent.alerts" "$out/agent.printed"; then
			ok "scryd: capture identical to the source, $(wc -l <"$out/agent.alerts") alerts as it printed them"
		else
			bad "scryd: capture or alerts differ ($(wc -l <"$out/agent.got") lines, $(wc -l <"$out/agent.alerts") alerts, $(wc -l <"$out/agent.printed") printed)"
		fi
	fi
	# its alerts keyed as scry's (4b): the container's by its id, the host's by name
	sed -e "s|^rules: .*|rules: [$out/rules-open.yaml]|" -e "s|/agent?host=h-agent|/agentkeys?host=h-agent|" \
		-e "s|spool-agent|spool-agentkeys|" "$out/scryd.yaml" >"$out/scryd-keys.yaml"
	if ! "$bin/scryd" -c "$out/scryd-keys.yaml" --replay "$out/keys.scap" >/dev/null \
		2>"$out/agentkeys.err"; then
		bad "scryd: alert keys: --replay: $(tail -n 1 "$out/agentkeys.err")"
	else
		check_keys agentkeys.alerts h-agent "scryd: alert keys"
	fi
fi

if [ "$n_fail" -gt 0 ]; then
	echo "kafka-e2e: $n_fail check(s) failed"
	exit 1
fi
echo "kafka-e2e: all checks passed"

#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
#
# test/containers/prom_live_test.sh [BUILD [RUNTIMES_DIR]]: scryd live on this machine (eBPF
# probe) with a docker container at work, scraped by a real Prometheus server on loopback:
# the query API returns the container's series with its id, name and image.
#
#   1. dockerd (scripts/runtimes.sh start RUNTIMES_DIR: a no-op for the runtimes that run;
#      those it had to start are stopped at the end);
#   2. a container of $SCRY_DOCKER_IMAGE, scry-prom-live, running cat ten times a second;
#   3. scryd live (engine bpf, a rules file of the test's own, the endpoint on a free
#      loopback port), ready when its log says where it serves and /healthz says ok;
#      `promtool check metrics` accepts what curl fetches from /metrics, whose per-CPU
#      engine counters (one series per possible CPU) add up to the totals;
#   4. Debian's Prometheus (configuration and TSDB in BUILD/prom-live/, listening on a
#      free loopback port) scrapes scryd every second; the test polls its targets API
#      until scryd is up, then its query API until the container's series are there
#      (no sleep for readiness; each wait bounded, 120 s);
#   5. checks: scry_container_syscalls_total, _processes_total and _cpu_seconds_total
#      {container_name="scry-prom-live"} are single series with container_id the
#      container's 12-digit id, image $SCRY_DOCKER_IMAGE and a value above 0 (CPU from
#      the container's cgroup); scry_scap_n_evts_total{job="scryd"} above 0;
#      scry_rules_matches_total{rule="Program run in scry-prom-live"} above 0 (the
#      container's cat runs); /healthz 200 ok;
#   6. Prometheus and scryd stopped by PID (SIGTERM; scryd exits 0), the container removed.
# Each check prints "ok ..." or "FAIL ...". Logs in BUILD/prom-live/. Exit 0 when every
# check passed; 1 on a failure; 77 (skipped) when not root, without BTF, an eBPF probe,
# promtool, prometheus or curl.
set -euo pipefail
. "$(dirname "$0")/live_lib.sh"
live_init prom-live prom-live "$@"
for t in promtool prometheus curl; do
	command -v "$t" >/dev/null || skip "no $t (Debian's prometheus and curl packages)"
done
[ -x "$bin/scryd" ] || { echo "prom-live: $bin/scryd missing" >&2; exit 1; }

n_fail=0
ok() { echo "ok   $*"; }
bad() { echo "FAIL $*"; n_fail=$((n_fail + 1)); }

name=scry-prom-live
scryd_pid=
prom_pid=
stop_runtimes=
# stop PID with SIGTERM and wait for it; its exit status
stop_pid() {
	local rc=0
	kill -TERM "$1" 2>/dev/null || true
	wait "$1" || rc=$?
	return $rc
}
cleanup() {
	set +e
	[ -n "$prom_pid" ] && stop_pid "$prom_pid"
	[ -n "$scryd_pid" ] && stop_pid "$scryd_pid"
	prom_pid= scryd_pid=
	[ -n "${SCRY_DOCKER:-}" ] && "$SCRY_DOCKER" rm -f "$name" >/dev/null 2>&1
	[ -n "$stop_runtimes" ] && "$root/scripts/runtimes.sh" stop "$rtdir"
	stop_runtimes=
}
trap cleanup EXIT

# until CMD... succeeds, at most 120 s (polled every 0.1 s); 1 on a timeout
poll() {
	local t0=$SECONDS
	until "$@"; do
		[ $((SECONDS - t0)) -lt 120 ] || return 1
		sleep 0.1
	done
}

# a free TCP port on loopback (bound then released: Prometheus binds it just after)
free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# ---- dockerd and the container --------------------------------------------------------
live_runtimes_start
"$SCRY_DOCKER" rm -f "$name" >/dev/null 2>&1 || true    # an interrupted run's
id=$("$SCRY_DOCKER" run -d --network none --name "$name" "$SCRY_DOCKER_IMAGE" \
	sh -c 'while :; do cat /etc/hostname >/dev/null; sleep 0.1; done')
cid=${id:0:12}

# ---- scryd live ------------------------------------------------------------------------
cat >"$out/rules.yaml" <<EOF
- rule: Program run in $name
  desc: a program started in the test's container
  condition: evt.type=execve and evt.dir=< and container.name=$name
  output: "Program run (command=%proc.cmdline container=%container.name)"
  priority: NOTICE
EOF
cat >"$out/scryd.yaml" <<EOF
engine: bpf
rules: [$out/rules.yaml]
outputs:
  stdout:
    enabled: false
  file:
    enabled: true
    path: $out/alerts.json
prometheus:
  enabled: true
  address: 127.0.0.1
  port: 0
EOF
"$bin/scryd" -c "$out/scryd.yaml" 2>"$out/scryd.err" &
scryd_pid=$!
serving() { grep -so 'serving http://127\.0\.0\.1:[0-9]*' "$out/scryd.err" || ! kill -0 "$scryd_pid"; }
poll serving >/dev/null || { cat "$out/scryd.err" >&2; echo "prom-live: scryd does not serve" >&2; exit 1; }
port=$(grep -o 'serving http://127\.0\.0\.1:[0-9]*' "$out/scryd.err" | head -n 1 | sed 's/.*://')
[ -n "$port" ] || { cat "$out/scryd.err" >&2; echo "prom-live: scryd exited" >&2; exit 1; }
base=http://127.0.0.1:$port
healthy() { [ "$(curl -s "$base/healthz")" = ok ]; }
if poll healthy; then ok "scryd live: /healthz ok"; else bad "scryd live: /healthz: $(curl -s "$base/healthz")"; fi
curl -sS -o "$out/metrics.txt" "$base/metrics"
if promtool check metrics <"$out/metrics.txt" >"$out/promtool.txt" 2>&1 && [ ! -s "$out/promtool.txt" ]; then
	ok "promtool check metrics accepts the live exposition ($(wc -c <"$out/metrics.txt") bytes)"
else
	bad "promtool check metrics: $(head -c 500 "$out/promtool.txt")"
fi
# per-CPU counters of the engine: one series per CPU ring each, adding up to the totals
if python3 - "$out/metrics.txt" "$(nproc --all)" <<'PY'
import re, sys
v = {}
for l in open(sys.argv[1]):
    m = re.match(r'(scry_scap_n_(?:evts|drops)(?:_cpu)?_total)(\{[^}]*\})? (\d+)$', l)
    if m:
        v.setdefault(m.group(1), []).append(int(m.group(3)))
n = int(sys.argv[2])
ok = (len(v.get('scry_scap_n_evts_cpu_total', [])) == n and
      len(v.get('scry_scap_n_drops_cpu_total', [])) == n and
      sum(v['scry_scap_n_evts_cpu_total']) == v['scry_scap_n_evts_total'][0] > 0 and
      sum(v['scry_scap_n_drops_cpu_total']) == sum(v['scry_scap_n_drops_total']))
sys.exit(0 if ok else 1)
PY
then
	ok "scry_scap_n_evts_cpu_total and _n_drops_cpu_total: one series per CPU, adding up to the totals"
else
	bad "per-CPU counters: $(grep -E '^scry_scap_n_(evts|drops)' "$out/metrics.txt" | tr '\n' ' ')"
fi

# ---- Prometheus ------------------------------------------------------------------------
mkdir -p "$out/tsdb"
cat >"$out/prometheus.yml" <<EOF
global:
  scrape_interval: 1s
  scrape_timeout: 1s
scrape_configs:
  - job_name: scryd
    static_configs:
      - targets: ["127.0.0.1:$port"]
EOF
pport=$(free_port)
prometheus --config.file="$out/prometheus.yml" --storage.tsdb.path="$out/tsdb" \
	--web.listen-address="127.0.0.1:$pport" --log.level=warn >"$out/prometheus.log" 2>&1 &
prom_pid=$!
papi=http://127.0.0.1:$pport/api/v1

# query PROMQL: the JSON result list on stdout
query() { curl -s --get "$papi/query" --data-urlencode "query=$1" |
	python3 -c 'import json, sys; print(json.dumps(json.load(sys.stdin)["data"]["result"]))'; }
target_up() {
	curl -s "$papi/targets" | python3 -c 'import json, sys
t = json.load(sys.stdin)["data"]["activeTargets"]
sys.exit(0 if len(t) == 1 and t[0]["health"] == "up" else 1)' 2>/dev/null
}
if poll target_up; then ok "Prometheus scrapes scryd: target up"; else bad "target not up: $(tail -n 5 "$out/prometheus.log")"; fi

# SERIES has one sample with container_id $cid, image $SCRY_DOCKER_IMAGE and a value > 0
has_series() {
	query "$1{container_name=\"$name\"}" | python3 -c 'import json, sys
r = json.load(sys.stdin)
ok = (len(r) == 1 and r[0]["metric"].get("container_id") == sys.argv[1] and
      r[0]["metric"].get("image") == sys.argv[2] and r[0]["metric"].get("job") == "scryd" and
      float(r[0]["value"][1]) > 0)
sys.exit(0 if ok else 1)' "$cid" "$SCRY_DOCKER_IMAGE" 2>/dev/null
}
for s in scry_container_syscalls_total scry_container_processes_total scry_container_cpu_seconds_total; do
	if poll has_series "$s"; then
		ok "query $s{container_name=\"$name\"}: container_id $cid, image $SCRY_DOCKER_IMAGE, $(query "$s{container_name=\"$name\"}" |
			python3 -c 'import json, sys; print("value", json.load(sys.stdin)[0]["value"][1])')"
	else
		bad "query $s{container_name=\"$name\"}: $(query "$s{container_name=\"$name\"}")"
	fi
done
above0() { query "$1" | python3 -c 'import json, sys
r = json.load(sys.stdin)
sys.exit(0 if len(r) == 1 and float(r[0]["value"][1]) > 0 else 1)' 2>/dev/null; }
for q in 'scry_scap_n_evts_total{job="scryd"}' "scry_rules_matches_total{rule=\"Program run in $name\",priority=\"Notice\"}"; do
	if poll above0 "$q"; then ok "query $q: $(query "$q" | python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["value"][1])')"
	else bad "query $q: $(query "$q")"; fi
done
if healthy; then ok "/healthz still ok"; else bad "/healthz: $(curl -s "$base/healthz")"; fi

# ---- stop ------------------------------------------------------------------------------
rc=0
stop_pid "$prom_pid" || rc=$?
prom_pid=
[ $rc = 0 ] && ok "Prometheus stops on SIGTERM" || bad "Prometheus exit status $rc"
rc=0
stop_pid "$scryd_pid" || rc=$?
scryd_pid=
[ $rc = 0 ] && ok "scryd stops on SIGTERM, exit 0" || bad "scryd exit status $rc: $(tail -n 3 "$out/scryd.err")"
if [ $n_fail = 0 ]; then
	echo "prom-live: all passed"
	exit 0
fi
echo "prom-live: $n_fail failure(s)"
exit 1

#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
#
# test/containers/metrics_live_test.sh [BUILD [RUNTIMES_DIR]]: scryd's per-container
# metrics and CPU spike alert, live on this machine (eBPF probe), against the cgroups'
# own accounting (issue 15's acceptance).
#
#   1. dockerd (scripts/runtimes.sh start RUNTIMES_DIR: a no-op for the runtimes that
#      run; those it had to start are stopped at the end);
#   2. three docker containers of $SCRY_DOCKER_IMAGE running `sleep` loops:
#      scry-metrics-burn (the one that will burn CPU), scry-metrics-idle1, -idle2;
#      the test reads each one's cgroup CPU accounting itself (v1 cpuacct.usage, v2
#      cpu.stat usage_usec, at the path /proc/PID/cgroup gives for its init process);
#   3. scryd with the eBPF probe, metrics every 1 s written as JSON lines to a file
#      output together with the alerts, no rules but an empty file; CPU spikes with
#      k 3, 2 intervals in a row, warm-up 5 intervals, min 0.2 cores (a loaded 2-core
#      machine may give the loop less than a core);
#   4. ready when the file holds 8 snapshots listing the burner with a CPU figure from
#      its cgroup (the warm-up done; up to 120 s, polling: no sleep for readiness);
#   5. the burn: `docker exec -d scry-metrics-burn sh -c ...`: two shell loops making no
#      system call (`while :; do :; done`), its start time taken when `docker exec -d`
#      returns (the loops run then); waits (up to 60 s) for a
#      "Container CPU spike" alert, then 5 s more of burning, then kills the loop and
#      waits for 3 more snapshots; SIGTERM to scryd;
#   6. checks: a "Container CPU spike" alert names the burner (container.id, name,
#      image in output_fields; the output names it), its interval ends at most 3
#      intervals after the burn started; no CPU spike alert names another container;
#      the burner's CPU over the run as scryd reports it (total.cpu_ns of its last
#      snapshot) agrees within 5% with its cgroup's usage read by the test before
#      scryd started and after it stopped (the container idles outside the burn);
#   7. a 3 s live capture by `scry -w` replayed with `scry -r --metrics -j` has the host's
#      CPU from the procinfo events scry -w writes once a second.
# Each check prints "ok ..." or "FAIL ...". Output in BUILD/metrics-live/. Exit 0 when
# every check passed; 1 on a failure; 77 (skipped) when not root, without BTF or without
# an eBPF probe.
set -euo pipefail
. "$(dirname "$0")/live_lib.sh"
live_init metrics-live metrics-live "$@"
[ -x "$bin/scryd" ] || { echo "metrics-live: $bin/scryd missing" >&2; exit 1; }

burn=scry-metrics-burn
idle1=scry-metrics-idle1
idle2=scry-metrics-idle2
scryd_pid=
stop_runtimes=
cleanup() {
	set +e
	[ -n "$scryd_pid" ] && kill -TERM "$scryd_pid" 2>/dev/null && wait "$scryd_pid" 2>/dev/null
	scryd_pid=
	[ -n "${SCRY_DOCKER:-}" ] && "$SCRY_DOCKER" rm -f "$burn" "$idle1" "$idle2" >/dev/null 2>&1
	[ -n "$stop_runtimes" ] && "$root/scripts/runtimes.sh" stop "$rtdir"
	stop_runtimes=
}
trap cleanup EXIT

# ---- dockerd and the containers -------------------------------------------------------
live_runtimes_start
"$SCRY_DOCKER" rm -f "$burn" "$idle1" "$idle2" >/dev/null 2>&1 || true   # an interrupted run's
loop='while :; do sleep 1; done'
declare -A cid
for c in "$burn" "$idle1" "$idle2"; do
	id=$("$SCRY_DOCKER" run -d --network none --name "$c" "$SCRY_DOCKER_IMAGE" sh -c "$loop")
	cid[$c]=${id:0:12}
done

# usage_ns NAME: the container's CPU time so far, ns, from its cgroup (v1 or v2)
usage_ns() {
	local pid path
	pid=$("$SCRY_DOCKER" inspect -f '{{.State.Pid}}' "$1")
	path=$(awk -F: '$2 ~ /(^|,)cpuacct(,|$)/ { print $3 }' "/proc/$pid/cgroup")
	if [ -n "$path" ]; then
		for d in cpuacct cpu,cpuacct cpuacct,cpu; do
			if [ -r "/sys/fs/cgroup/$d$path/cpuacct.usage" ]; then
				cat "/sys/fs/cgroup/$d$path/cpuacct.usage"
				return
			fi
		done
	fi
	path=$(awk -F: '$1 == "0" && $2 == "" { print $3 }' "/proc/$pid/cgroup")
	awk '$1 == "usage_usec" { printf "%d\n", $2 * 1000 }' "/sys/fs/cgroup$path/cpu.stat"
}
usage0=$(usage_ns "$burn")

# ---- scryd ----------------------------------------------------------------------------
echo '[]' >"$out/empty.yaml"
cat >"$out/scryd.yaml" <<EOF
engine: bpf
rules: $out/empty.yaml
outputs:
  stdout:
    enabled: false
  file:
    enabled: true
    path: $out/scryd.json
    max_size: 0
log:
  level: info
prometheus:
  enabled: false   # not under test here; its port may be taken by an agent of the host
metrics:
  interval: 1s
  top_processes: 3
  outputs: [file]
  spikes:
    k: 3
    intervals: 2
    warmup: 5
    cpu:
      min: 0.2
EOF
"$bin/scryd" -c "$out/scryd.yaml" 2>"$out/scryd.err" &
scryd_pid=$!

# snapshots_with NAME: snapshots so far listing container NAME's id with a cgroup CPU figure
snapshots_with() {
	local n
	n=$(grep -c "\"type\":\"metrics\".*{\"id\":\"${cid[$1]}\"[^]]*\"cpu_source\":\"cgroup\"" \
		"$out/scryd.json" 2>/dev/null) || true
	echo "${n:-0}"
}
t0=$SECONDS
until [ "$(snapshots_with "$burn")" -ge 8 ]; do
	if ! kill -0 "$scryd_pid" 2>/dev/null; then
		cat "$out/scryd.err" >&2
		echo "metrics-live: scryd exited before 8 snapshots" >&2
		exit 1
	fi
	[ $((SECONDS - t0)) -lt 120 ] || { echo "metrics-live: no 8 snapshots within 120 s" >&2; exit 1; }
	sleep 0.2
done
echo "metrics-live: scryd reporting after $((SECONDS - t0)) s"

# ---- the burn -------------------------------------------------------------------------
t_before=$(date +%s%N)
# two loops: on a machine whose cores are busy the container still gets its share
"$SCRY_DOCKER" exec -d "$burn" sh -c 'while :; do :; done & echo $! >/tmp/burn1.pid
	exec sh -c "echo \$\$ >/tmp/burn2.pid; while :; do :; done"'
t_burn=$(date +%s%N)
t0=$SECONDS
until grep -q '"rule":"Container CPU spike"' "$out/scryd.json"; do
	[ $((SECONDS - t0)) -lt 60 ] || break
	kill -0 "$scryd_pid" 2>/dev/null || break
	sleep 0.2
done
echo "metrics-live: first CPU spike alert after $((SECONDS - t0)) s"
# burn on for 5 s more (the figure to compare must be large), then stop it
t1=$SECONDS
while [ $((SECONDS - t1)) -lt 5 ]; do sleep 0.5; done
until "$SCRY_DOCKER" exec "$burn" sh -c 'kill $(cat /tmp/burn1.pid /tmp/burn2.pid)' 2>/dev/null; do
	[ $((SECONDS - t1)) -lt 60 ] || { echo "metrics-live: cannot stop the burn" >&2; exit 1; }
	sleep 0.2
done
n=$(grep -c '"type":"metrics"' "$out/scryd.json")
t0=$SECONDS
until [ "$(grep -c '"type":"metrics"' "$out/scryd.json")" -ge $((n + 3)) ]; do
	[ $((SECONDS - t0)) -lt 60 ] || break
	sleep 0.2
done
kill -TERM "$scryd_pid"
status=0
wait "$scryd_pid" || status=$?
scryd_pid=
usage1=$(usage_ns "$burn")
tail -n 4 "$out/scryd.err" | sed 's/^/  /'

# ---- a live capture (scry -w) replayed: CPU from the procinfo events it writes --------
"$bin/scry" --engine bpf -w "$out/live.scap" -M 3 2>"$out/scry-w.err" ||
	{ cat "$out/scry-w.err" >&2; echo "metrics-live: scry -w failed" >&2; exit 1; }
"$bin/scry" -r "$out/live.scap" --metrics -j >"$out/replay.json" 2>"$out/replay.err"

# ---- checks ---------------------------------------------------------------------------
python3 - "$out/scryd.json" "$status" "${cid[$burn]}" "$burn" "${cid[$idle1]}" "${cid[$idle2]}" \
	"$t_before" "$t_burn" "$usage0" "$usage1" "$SCRY_DOCKER_IMAGE" "$out/replay.json" <<'EOF'
import json, sys
path, status, cid, name, idle1, idle2, t_before, t_burn, u0, u1, image, replay = sys.argv[1:]
t_before, t_burn, u0, u1 = int(t_before), int(t_burn), int(u0), int(u1)
fails = 0

def check(ok, what):
    global fails
    print('%s %s' % ('ok  ' if ok else 'FAIL', what))
    fails += not ok

lines = [json.loads(l) for l in open(path)]
snaps = [l for l in lines if l.get('type') == 'metrics']
alerts = [l for l in lines if 'rule' in l]
cpu = [a for a in alerts if a['rule'] == 'Container CPU spike']
check(status == '0', 'scryd exits 0 on SIGTERM (status %s)' % status)
check(len(snaps) >= 15, 'snapshots: %d, one a second' % len(snaps))
steps = [b['start_ns'] - a['start_ns'] for a, b in zip(snaps, snaps[1:])]
check(all(s == 1000000000 for s in steps), 'snapshots follow each other by 1 s: %s'
      % sorted(set(steps)))
mine = [a for a in cpu if a['output_fields'].get('container.id') == cid]
others = [a['output_fields'].get('container.id') for a in cpu
          if a['output_fields'].get('container.id') != cid]
check(len(mine) >= 1, '"Container CPU spike" alerts naming the burner %s: %d' % (cid, len(mine)))
if mine:
    a = mine[0]
    f = a['output_fields']
    end = f['evt.time']
    print('     %s' % a['output'])
    check(end <= t_burn + 3 * 1000000000,
          'the alert came within 3 intervals of the burn: its interval ends %.2f s after the '
          'burn ran (%.2f s after it was asked for)' % ((end - t_burn) / 1e9, (end - t_before) / 1e9))
    check(f.get('container.name') == name and f.get('container.image') == image,
          'output_fields name the container and image: %r %r' % (f.get('container.name'),
                                                                   f.get('container.image')))
    check(name in a['output'] and image in a['output'] and 'baseline' in a['output'],
          'the output names the container, its image and the baseline')
    check(a['priority'] == 'Warning' and a['source'] == 'metrics' and f.get('spike.metric') == 'cpu_ns',
          'priority Warning, source metrics, spike.metric cpu_ns')
    check(f['spike.value'] >= 0.2 and f['spike.value'] > f['spike.threshold'] > f['spike.mean'],
          'value %.3f cores above threshold %.3f above baseline %.4f' % (f['spike.value'],
          f['spike.threshold'], f['spike.mean']))
check(not others, 'no CPU spike alert names another container (%s, %s): %r' % (idle1, idle2, others))
# the burner's CPU as reported, against its cgroup's own accounting
rows = [c for s in snaps for c in s['containers'] if c['id'] == cid]
check(rows and all(r['cpu_source'] == 'cgroup' for r in rows), 'the burner\'s CPU comes from its cgroup')
if rows:
    total = rows[-1]['total']['cpu_ns']
    deltas = sum(r['delta']['cpu_ns'] for r in rows)
    want = u1 - u0
    check(total == deltas, 'total.cpu_ns is the sum of the intervals\' deltas (%d, %d)' % (total, deltas))
    check(want > 1e9 and abs(total - want) <= 0.05 * want,
          'CPU reported %.3f s, cgroup accounting %.3f s: %.2f%% apart (within 5%%)'
          % (total / 1e9, want / 1e9, 100.0 * abs(total - want) / want if want else 100))
    busiest = max(r['delta']['cpu_ns'] for r in rows)
    check(busiest > 0.2e9, 'busiest interval of the burner: %.3f s of CPU' % (busiest / 1e9))
    tops = [p for r in rows for p in r['top_processes'] if p['delta']['cpu_ns']]
    check(any(p['comm'] == 'sh' for p in tops), 'the burning sh is among its top processes')
for other in (idle1, idle2):
    orows = [c for s in snaps for c in s['containers'] if c['id'] == other]
    check(orows and max(r['delta']['cpu_ns'] for r in orows) < 0.1e9,
          'idle container %s: listed, under 0.1 s of CPU an interval' % other)
h = snaps[-1]['host'] if snaps else {}
check(h.get('cpu_source') == 'procfs' and h['total']['syscalls'] > 0,
      'the host: CPU from /proc/stat, syscalls counted')
# the replay of scry -w's live capture: CPU from its procinfo events
rep = [json.loads(l) for l in open(replay)]
check(len(rep) >= 3 and all(r['host']['cpu_source'] == 'engine' for r in rep[1:]) and
      sum(r['host']['delta']['cpu_ns'] for r in rep) > 0,
      'scry -w live capture replayed with --metrics: %d intervals, host CPU from its procinfo '
      'events (%.3f s in all)' % (len(rep), sum(r['host']['delta']['cpu_ns'] or 0 for r in rep) / 1e9))
sys.exit(1 if fails else 0)
EOF

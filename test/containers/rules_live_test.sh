#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
#
# test/containers/rules_live_test.sh [BUILD [RUNTIMES_DIR]]: Falco's default rules, live on
# this machine (eBPF probe), fire on a shell spawned in a docker container with a terminal
# and on a write below /etc, and name the right container.
#
#   1. dockerd (scripts/runtimes.sh start RUNTIMES_DIR: a no-op for the runtimes that run;
#      those it had to start are stopped at the end, those that ran are left running);
#   2. two containers of $SCRY_DOCKER_IMAGE running `sleep` loops: scry-rules-live (the
#      target) and scry-rules-live-other (a shell without a terminal, that must not alert);
#   3. `scry --engine bpf -j --rules` with Falco's rulesets read from
#      ../shared/rules/falcosecurity-rules-main-*: falco_rules.yaml (stable) and
#      falco-sandbox_rules.yaml ("Write below etc" is a sandbox rule since the rules 3.0
#      split: no stable rule matches a write below /etc), and a file of the test's own that
#      appends container_id=%container.id container_name=%container.name to the two rules'
#      outputs (as Falco's container plugin appends them), so that -j's output_fields carry
#      them;
#   4. ready when the capture alerts: `touch /etc/scry-rules-live-ready` is repeated until
#      its "Write below etc" alert is on scry's stdout (up to 120 s; no sleep for readiness);
#   5. (a) `docker exec -t scry-rules-live sh -c 'exec cat /etc/hostname'`: "Terminal
#      shell in container" (stable, its condition: spawned_process and container and
#      shell_procs and proc.tty != 0 and container_entrypoint) must fire once (on the exit
#      of the shell's execve, not again on the enter of its exec of cat: the ruleset
#      requires engine 0.57.0, whose rules see exit events only), Notice, with the
#      container's id and name, proc.name sh, a terminal (proc.tty != 0) and the exec's
#      flags (evt.arg.flags, a parameter of the exit event);
#      `docker exec scry-rules-live-other sh -c ...` (no terminal) must not fire it;
#      (b) `touch /etc/scry-rules-live-test` (then removed): "Write below etc", Error, with
#      fd.name /etc/scry-rules-live-test, proc.name touch and container.id host;
#   6. waits (up to 60 s) until both alerts are out, stops scry (SIGTERM: a background
#      job of a script ignores SIGINT until scry's handler is set), removes the
#      containers, checks; no "Terminal shell in container" alert of the run may name
#      another container than the target.
# Each check prints "ok ..." or "FAIL ...: got ..., want ...". Alerts and logs in
# BUILD/rules-live/. Exit 0 when every check passed; 1 on a failure; 77 (skipped) when not
# root, without BTF, without an eBPF probe or without the rulesets.
set -euo pipefail
. "$(dirname "$0")/live_lib.sh"
live_init rules-live rules-live "$@"
[ -x "$bin/scry" ] || { echo "rules-live: $bin/scry missing" >&2; exit 1; }
rules_dir=$(ls -d "$root"/../shared/rules/falcosecurity-rules-main-* 2>/dev/null | head -n 1 || true)
[ -n "$rules_dir" ] && [ -f "$rules_dir/falco_rules.yaml" ] &&
	[ -f "$rules_dir/falco-sandbox_rules.yaml" ] ||
	skip "no Falco ruleset at ../shared/rules/falcosecurity-rules-main-*"

n_fail=0
ok() { echo "ok   $*"; }
bad() { echo "FAIL $*"; n_fail=$((n_fail + 1)); }

target=scry-rules-live
other=scry-rules-live-other
ready_file=/etc/scry-rules-live-ready
etc_file=/etc/scry-rules-live-test
# the shell execs another program: the enter event of that exec is the shell's too, with
# its terminal, and must not fire the rule a second time
shell_cmd='exec cat /etc/hostname'
scry_pid=
stop_runtimes=
cleanup() {
	set +e
	[ -n "$scry_pid" ] && kill -TERM "$scry_pid" 2>/dev/null && wait "$scry_pid" 2>/dev/null
	scry_pid=
	rm -f "$ready_file" "$etc_file"
	[ -n "${SCRY_DOCKER:-}" ] && "$SCRY_DOCKER" rm -f "$target" "$other" >/dev/null 2>&1
	[ -n "$stop_runtimes" ] && "$root/scripts/runtimes.sh" stop "$rtdir"
	stop_runtimes=
}
trap cleanup EXIT

# ---- dockerd and the containers -------------------------------------------------------
live_runtimes_start
"$SCRY_DOCKER" rm -f "$target" "$other" >/dev/null 2>&1 || true    # an interrupted run's
loop='while :; do sleep 1; done'
id=$("$SCRY_DOCKER" run -d --network none --name "$target" "$SCRY_DOCKER_IMAGE" sh -c "$loop")
cid=${id:0:12}
id=$("$SCRY_DOCKER" run -d --network none --name "$other" "$SCRY_DOCKER_IMAGE" sh -c "$loop")
other_cid=${id:0:12}

# ---- scry with Falco's rules ----------------------------------------------------------
# Falco's container_entrypoint lists the parents a container's entry shell may have, the
# host's init (systemd) among them: a shell whose `runc init` parent exits first is
# reparented, and on this kind of machine sometimes to PID 1 itself, which is not
# systemd here (the execve exit's ptid is 1: what the kernel reports). The name of this
# machine's PID 1 is added to the list, as Falco has systemd's.
init_comm=$(cat /proc/1/comm)
cat >"$out/append.yaml" <<EOF
- macro: container_entrypoint
  condition: or proc.pname = "$init_comm"
  override:
    condition: append
EOF
cat >>"$out/append.yaml" <<'EOF'
- rule: Terminal shell in container
  output: container_id=%container.id container_name=%container.name
  override:
    output: append
- rule: Write below etc
  output: container_id=%container.id container_name=%container.name
  override:
    output: append
EOF
"$bin/scry" --engine bpf -j --rules "$rules_dir/falco_rules.yaml" \
	--rules "$rules_dir/falco-sandbox_rules.yaml" --rules "$out/append.yaml" \
	>"$out/alerts.json" 2>"$out/scry.err" &
scry_pid=$!

# alert FILE_NAME: the "Write below etc" alert of that file is out
alert_for() { grep -q "\"rule\":\"Write below etc\".*\"fd.name\":\"$1\"" "$out/alerts.json"; }
t0=$SECONDS
until alert_for "$ready_file"; do
	if ! kill -0 "$scry_pid" 2>/dev/null; then
		cat "$out/scry.err" >&2
		echo "rules-live: scry exited before it alerted" >&2
		exit 1
	fi
	if [ $((SECONDS - t0)) -ge 120 ]; then
		echo "rules-live: no alert for $ready_file within 120 s" >&2
		exit 1
	fi
	touch "$ready_file"
	sleep 0.1
done
rm -f "$ready_file"
echo "rules-live: scry alerting after $((SECONDS - t0)) s"

# ---- (a) a shell with a terminal in the target; one without in the other --------------
"$SCRY_DOCKER" exec "$other" sh -c "$shell_cmd" >"$out/exec_other.txt"
"$SCRY_DOCKER" exec -t "$target" sh -c "$shell_cmd" >"$out/exec_target.txt"
# ---- (b) a write below /etc ------------------------------------------------------------
touch "$etc_file"
rm -f "$etc_file"

t0=$SECONDS
until grep -q '"rule":"Terminal shell in container"' "$out/alerts.json" && alert_for "$etc_file"; do
	[ $((SECONDS - t0)) -lt 60 ] || break
	kill -0 "$scry_pid" 2>/dev/null || break
	sleep 0.2
done
kill -TERM "$scry_pid"
wait "$scry_pid" || bad "scry exited with status $?: $(tail -n 5 "$out/scry.err")"
scry_pid=

# ---- checks ----------------------------------------------------------------------------
grep '"rule":"Terminal shell in container"\|"rule":"Write below etc"' "$out/alerts.json" |
	grep -v "$ready_file" >"$out/matched.json" || true
echo "rules-live: the alerts of (a) and (b):"
sed 's/^/  /' "$out/matched.json"
python3 - "$out/alerts.json" "$cid" "$target" "$other_cid" "$etc_file" "$shell_cmd" <<'EOF' ||
import json, sys
path, cid, name, other_cid, etc_file, shell_cmd = sys.argv[1:]
fails = 0

def check(ok, what):
    global fails
    print('%s %s' % ('ok  ' if ok else 'FAIL', what))
    fails += not ok

alerts = [json.loads(l) for l in open(path)]
shell = [a for a in alerts if a['rule'] == 'Terminal shell in container']
etc = [a for a in alerts if a['rule'] == 'Write below etc' and
       a['output_fields'].get('fd.name') == etc_file]
# (a): one alert, for the target, from the shell with a terminal
mine = [a for a in shell if a['output_fields'].get('proc.cmdline') == 'sh -c ' + shell_cmd]
f = mine[0]['output_fields'] if mine else {}
check(len(mine) == 1, '(a) "Terminal shell in container" alerts for `sh -c %s`: got %d, want 1'
      % (shell_cmd, len(mine)))
check(mine and mine[0]['priority'] == 'Notice', '(a) priority: got %r, want Notice'
      % (mine[0]['priority'] if mine else None))
check(f.get('container.id') == cid, '(a) container.id: got %r, want %r' % (f.get('container.id'), cid))
check(f.get('container.name') == name, '(a) container.name: got %r, want %r'
      % (f.get('container.name'), name))
check(f.get('proc.name') == 'sh', '(a) proc.name: got %r, want sh' % f.get('proc.name'))
check(isinstance(f.get('proc.tty'), int) and f['proc.tty'] != 0,
      '(a) proc.tty (a terminal): got %r, want a device number' % f.get('proc.tty'))
check(f.get('evt.arg.flags') is not None, "(a) evt.arg.flags (the execve exit's): got %r"
      % f.get('evt.arg.flags'))
check(mine and 'maturity_stable' in mine[0]['tags'], '(a) tags hold maturity_stable')
wrong = [a['output_fields'].get('container.id') for a in shell
         if a['output_fields'].get('container.id') != cid]
check(not wrong, '(a) no "Terminal shell in container" alert names another container '
      '(the other, %s, ran a shell without a terminal): got %r' % (other_cid, wrong))
# (b): the write below /etc, on the host
g = etc[0]['output_fields'] if etc else {}
check(len(etc) >= 1, '(b) "Write below etc" alerts for %s: got %d, want >= 1' % (etc_file, len(etc)))
check(etc and etc[0]['priority'] == 'Error', '(b) priority: got %r, want Error'
      % (etc[0]['priority'] if etc else None))
check(g.get('proc.name') == 'touch', '(b) proc.name: got %r, want touch' % g.get('proc.name'))
check(g.get('container.id') == 'host', '(b) container.id: got %r, want host' % g.get('container.id'))
check(etc and 'maturity_sandbox' in etc[0]['tags'], '(b) tags hold maturity_sandbox')
sys.exit(1 if fails else 0)
EOF
	n_fail=$((n_fail + 1))
grep -A100 '^Events detected' "$out/scry.err" | sed 's/^/  /'
if [ $n_fail -gt 0 ]; then
	echo "rules-live: FAILED (alerts in $out/alerts.json)"
	exit 1
fi
echo "rules-live: passed"

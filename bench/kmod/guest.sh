#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
#
# bench/kmod/guest.sh KO PEER_KO BIN LOOP OUT ROUNDS PASSES PAUSE - inside the VM
# (bench/kmod/run boots it): the timed loops of LOOP (bench/kmod/loop.c: 20000 getpid,
# 5000 open+close, 10000 4 KiB preads) ROUNDS times each under every setting:
#   none       no capture driver loaded
#   scry       scry.ko, default mode, drained by `scry -w /dev/null`
#   scry_exit  scry.ko, exit-only mode, drained by `scry -w /dev/null`
#   peer       Debian's scap.ko, drained by sysdig 0.29.3's `sysdig -w /dev/null`
# in PASSES passes (none scry scry_exit peer, again and again: the host's load drifts),
# each driver alone while it captures, both with 8 MiB rings per CPU (the peer's fixed
# size). The loops run on the last CPU, the capturing tool (and the rest) on CPU 0.
# PAUSE=1: the capturing tool drains the rings between loops (2 s) and is stopped
# (SIGSTOP) while a loop runs, so that a loop's time holds the syscalls and the
# driver's work only (one loop's events fit in a ring: nothing is dropped); PAUSE=0: it
# drains while the loops run.
# Output: OUT/bench.txt, a line "LABEL KIND NS" per loop; each capturing tool's exit
# status and messages (scry reports its driver's drops there) in OUT/<label>.rc, .err.
ko=$1
peer_ko=$2
bin=$3
loop=$4
out=$5
rounds=$6
passes=$7
pause=$8
fail() { echo "bench: FAIL: $*"; dmesg >"$out/dmesg.txt"; exit 1; }
. "$(dirname "$0")/../../test/driver/guest_lib.sh"
rm -f "$out/bench.txt" "$out"/*.err "$out"/*.rc
touch "$out/scry.err" "$out/scry_exit.err" "$out/peer.err"
last=$(($(grep -c ^processor /proc/cpuinfo) - 1))
taskset -p -c 0 $$ >/dev/null || fail "taskset"

# loops LABEL [CPID]: every loop ROUNDS times; CPID: the capturing tool, paused around
# each loop when PAUSE=1.
loops() {
	i=0
	while [ $i -lt "$rounds" ]; do
		for kn in getpid:20000 open_close:5000 read4k:10000; do
			if [ "$pause" = 1 ] && [ -n "$2" ]; then
				kill -CONT "$2"
				sleep 2
				kill -STOP "$2"
			fi
			ns=$(taskset -c "$last" "$loop" "${kn%:*}" "${kn#*:}") || fail "loop $1 $kn"
			echo "$1 ${kn%:*} $ns" >>"$out/bench.txt"
		done
		i=$((i + 1))
	done
	[ -z "$2" ] || kill -CONT "$2"
}

# captured LABEL DEV CMD...: the loops while CMD drains /dev/DEVn. scry runs with
# --notify-start and is waited for by its line, the peer's sysdig with wait_peer
# (test/driver/guest_lib.sh); their other messages go to OUT/LABEL.err.
captured() {
	label=$1
	dev=$2
	shift 2
	taskset -c 0 "$@" 2>"$out/cur.err" &
	cpid=$!
	if [ "$label" = peer ]; then
		wait_peer $cpid "$dev" || fail "$label: the capture did not start"
	else
		wait_capturing $cpid "$out/cur.err" || fail "$label: the capture did not start"
	fi
	loops "$label" $cpid
	kill -INT $cpid
	wait $cpid
	echo $? >>"$out/$label.rc"
	grep -v '^scry: capturing' "$out/cur.err" >>"$out/$label.err"
}

cd /tmp || fail "cd /tmp"
pass=0
while [ $pass -lt "$passes" ]; do
	pass=$((pass + 1))
	loops none
	insmod "$ko" ring_bytes=8388608 || fail "insmod scry.ko"
	captured scry scry "$bin/scry" --notify-start -w /dev/null
	# The mode is global to the driver and stays until changed: set it with a
	# capture of `true` in exit-only mode, then drain with scry as above.
	"$bin/kmod_capture" -x -q -o /dev/null -- true || fail "exit-only mode"
	captured scry_exit scry "$bin/scry" --notify-start -w /dev/null
	rmmod scry || fail "rmmod scry"
	insmod "$peer_ko" || fail "insmod scap.ko"
	captured peer scap sysdig -w /dev/null
	rmmod scap || fail "rmmod scap"
done
dmesg >"$out/dmesg.txt"
echo "bench: ok"

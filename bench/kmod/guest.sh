#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
#
# bench/kmod/guest.sh KO PEER_KO BIN OUT ROUNDS PASSES - inside the VM (bench/kmod/run
# boots it): the overhead loops of test/driver/bench_loop.c (getpid, open+close, 4 KiB
# pread) ROUNDS times under each of
#   none       no capture driver loaded
#   scry       scry.ko, default mode, drained by `scry -w /dev/null`
#   scry_exit  scry.ko, exit-only mode, drained by `scry -w /dev/null`
#   peer       Debian's scap.ko, drained by sysdig 0.29.3's `sysdig -w /dev/null`
# in PASSES passes (none scry scry_exit peer, again and again: the host's load drifts),
# each driver alone while it captures, both with 8 MiB rings per CPU (the peer's fixed
# size). The loops run on the last CPU, the capturing tool (and the rest) on CPU 0, so a
# loop's time is the syscalls and the driver's work, not the consumer's. Lines of
# driver_bench_loop go to OUT/bench.txt; each capturer's exit status
# and messages (scry reports its driver's drops there) to OUT/<label>.rc, .err.
ko=$1
peer_ko=$2
bin=$3
out=$4
rounds=$5
passes=$6
fail() { echo "bench: FAIL: $*"; dmesg >"$out/dmesg.txt"; exit 1; }
. "$(dirname "$0")/../../test/driver/guest_lib.sh"
rm -f "$out/bench.txt" "$out"/*.err "$out"/*.rc
last=$(($(grep -c ^processor /proc/cpuinfo) - 1))
taskset -p -c 0 $$ >/dev/null || fail "taskset"

loops() {
	i=0
	while [ $i -lt "$rounds" ]; do
		taskset -c "$last" "$bin/driver_bench_loop" "$1" "$out/bench.txt" || fail "loop $1"
		i=$((i + 1))
	done
}

# captured LABEL DEV CMD...: the loops while CMD drains /dev/DEVn.
captured() {
	label=$1
	dev=$2
	shift 2
	taskset -c 0 "$@" 2>>"$out/$label.err" &
	cpid=$!
	wait_devs $cpid "$dev" || fail "$label: the capture did not start"
	loops "$label"
	kill -INT $cpid
	wait $cpid
	echo $? >>"$out/$label.rc"
}

cd /tmp || fail "cd /tmp"
pass=0
while [ $pass -lt "$passes" ]; do
	pass=$((pass + 1))
	loops none
	insmod "$ko" ring_bytes=8388608 || fail "insmod scry.ko"
	captured scry scry "$bin/scry" -w /dev/null
	# The mode is global to the driver and stays until changed: set it with a
	# capture of `true` in exit-only mode, then drain with scry as above.
	"$bin/kmod_capture" -x -q -o /dev/null -- true || fail "exit-only mode"
	captured scry_exit scry "$bin/scry" -w /dev/null
	rmmod scry || fail "rmmod scry"
	insmod "$peer_ko" || fail "insmod scap.ko"
	captured peer scap sysdig -w /dev/null
	rmmod scap || fail "rmmod scap"
done
dmesg >"$out/dmesg.txt"
echo "bench: ok"

#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
#
# bench/bpf/guest.sh KO BIN LOOP OUT ROUNDS PASSES - inside the VM (bench/bpf/vm boots
# it): the timed loops of LOOP (bench/kmod/loop.c: 20000 getpid, 5000 open+close, 10000
# 4 KiB preads) ROUNDS times each under every setting:
#   none   no capture
#   kmod   scry.ko (8 MiB rings), drained by `scry -k -w /dev/null`
#   bpf    the eBPF probe (its default rings, 4 MiB - 36 KiB), drained by
#          `scry --engine bpf -w /dev/null`
# in PASSES passes. The loops run on the last CPU, the capturing tool on CPU 0 (the same
# one with a single vCPU); it drains the rings between loops (2 s) and is stopped
# (SIGSTOP) while a loop runs, so that a loop's time holds the syscalls and the probe's
# or driver's work only (a loop's events fit in a ring: nothing is dropped). Output: OUT/bench.txt, a line "LABEL KIND NS" per
# loop; each capturing tool's messages in OUT/<label>.err.
ko=$1
bin=$2
loop=$3
out=$4
rounds=$5
passes=$6
fail() { echo "bench: FAIL: $*"; dmesg >"$out/dmesg.txt"; exit 1; }
. "$(dirname "$0")/../../test/driver/guest_lib.sh"
rm -f "$out/bench.txt" "$out"/*.err
last=$(($(grep -c ^processor /proc/cpuinfo) - 1))
taskset -p -c 0 $$ >/dev/null || fail "taskset"

# loops LABEL [CPID]: every loop ROUNDS times, CPID (the capturing tool) stopped meanwhile.
loops() {
	i=0
	while [ $i -lt "$rounds" ]; do
		for kn in getpid:20000 open_close:5000 read4k:10000; do
			if [ -n "$2" ]; then
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

cd /tmp || fail "cd /tmp"
pass=0
while [ $pass -lt "$passes" ]; do
	pass=$((pass + 1))
	loops none
	insmod "$ko" ring_bytes=8388608 || fail "insmod scry.ko"
	taskset -c 0 "$bin/scry" -k --notify-start -w /dev/null 2>"$out/cur.err" &
	cpid=$!
	wait_capturing $cpid "$out/cur.err" || fail "kmod: the capture did not start"
	loops kmod $cpid
	kill -INT $cpid
	wait $cpid
	grep -v '^scry: capturing' "$out/cur.err" >>"$out/kmod.err"
	rmmod scry || fail "rmmod scry"
	taskset -c 0 "$bin/scry" --engine bpf --notify-start -w /dev/null 2>"$out/cur.err" &
	cpid=$!
	wait_capturing $cpid "$out/cur.err" || fail "bpf: the capture did not start ($(cat "$out/cur.err"))"
	loops bpf $cpid
	kill -INT $cpid
	wait $cpid
	grep -v '^scry: capturing' "$out/cur.err" >>"$out/bpf.err"
done
dmesg >"$out/dmesg.txt"
echo "bench: ok"

#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
#
# test/driver/guest_peer.sh KO BIN OUT PEER_KO - inside the VM (called by guest_tests.sh):
# the deterministic workload (driver_workload) captured twice in this boot, once by scry
# (scry.ko + `scry -w`) and once by the peer (Debian's scap.ko + sysdig 0.29.3's
# `sysdig -w`), for test/driver/compare_peer.py on the host; then driver_workload_more
# (the core syscalls driver_workload does not make) in the same capture.
#   scry.scap, scry.pid     scry's capture and the workloads' pids in it (a line each)
#   peer.scap, peer.pid     the peer's
#   scry.err, peer.err      their stderr
#   peer_load.txt, dmesg_peer.txt
# Each module is alone while it captures (scry.ko is unloaded before scap.ko is loaded).
ko=$1
bin=$2
out=$3
peer_ko=$4
mkdir -p "$out"
fail() { echo "peer: FAIL: $*"; dmesg >"$out/dmesg_peer.txt"; exit 1; }
. "$(dirname "$0")/guest_lib.sh"

# capture NAME DEV CMD...: run CMD (the capturer, reading /dev/DEVn and writing
# $out/NAME.scap) in the background, run the workload in /tmp once it captures, stop
# CMD with SIGINT once it has every event of the workload: scry (started with
# --notify-start, its stderr in $out/NAME.err) says when it captures and drains its
# rings on SIGINT; the peer's sysdig says nothing and ends at once on SIGINT, so it
# gets the times it always had (wait_peer, test/driver/guest_lib.sh; 1 s to read the
# workload's events).
capture() {
	name=$1
	dev=$2
	shift 2
	"$@" 2>"$out/$name.err" &
	cpid=$!
	if [ "$name" = scry ]; then
		wait_capturing $cpid "$out/$name.err" || fail "$name did not start capturing"
	else
		wait_peer $cpid "$dev" || fail "$name did not start capturing"
	fi
	rm -f /tmp/scry_workload.out
	: >"$out/$name.pid"
	for w in driver_workload driver_workload_more; do
		(cd /tmp && exec "$bin/$w") &
		wpid=$!
		wait $wpid || fail "$w under $name"
		echo "$wpid" >>"$out/$name.pid"
	done
	[ "$name" = scry ] || sleep 1
	kill -INT $cpid
	wait $cpid
	echo $? >"$out/$name.rc"
}

insmod "$ko" ring_bytes=4194304 || fail "insmod scry.ko"
capture scry scry "$bin/scry" --notify-start -w "$out/scry.scap"
rmmod scry || fail "rmmod scry"

insmod "$peer_ko" >"$out/peer_load.txt" 2>&1 || fail "insmod the peer's scap.ko"
capture peer scap sysdig -w "$out/peer.scap"
rmmod scap || fail "rmmod scap"
dmesg >"$out/dmesg_peer.txt"
echo "peer: ok"

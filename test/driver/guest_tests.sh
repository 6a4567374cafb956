#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
#
# test/driver/guest_tests.sh KO BIN OUT [PEER_KO] - the driver tests inside the VM (called by the
# guest script of scripts/vm/driver-test.sh; the host checks OUT with check_capture.py).
#   capture.txt       the workload, default mode
#   capture_exit.txt  the workload, exit-only mode
#   tp.txt            a shell sending itself a signal, optional tracepoints on
#   hotplug.txt       a capture while CPU 1 goes offline and back (2 vCPUs)
#   stress.txt        stress.calls: 10 s of getppid on every vCPU into a 64 KiB ring
#   bench.txt         ns per syscall: no capture, default, exit-only
#   devmode.txt, cycles.txt, dmesg.txt
#   peer/              with PEER_KO: scry vs the peer driver (guest_peer.sh)
ko=$1
bin=$2
out=$3
fail() { echo "guest: FAIL: $*"; dmesg >"$out/dmesg.txt"; exit 1; }
cap() { timeout 600 "$bin/kmod_capture" "$@"; }

insmod "$ko" ring_bytes=1048576 || fail "insmod"
n=$(ls /dev/scry* | wc -l)
[ "$n" = "$(grep -c ^processor /proc/cpuinfo)" ] || fail "$n devices"
stat -c '%a %U' /dev/scry0 >"$out/devmode.txt"
cap -o "$out/capture.txt" -- "$bin/driver_workload" || fail "capture"
cap -x -o "$out/capture_exit.txt" -- "$bin/driver_workload" || fail "capture exit-only"
cap -t 7 -o "$out/tp.txt" -- /bin/sh -c 'trap true USR1; kill -USR1 $$; true' ||
	fail "capture with the optional tracepoints"
if [ -e /sys/devices/system/cpu/cpu1/online ]; then
	cap -o "$out/hotplug.txt" -- /bin/sh -c "
		echo 0 >/sys/devices/system/cpu/cpu1/online && $bin/driver_stress 1 /tmp/hp1 &&
		echo 1 >/sys/devices/system/cpu/cpu1/online && $bin/driver_stress 1 /tmp/hp2" ||
		fail "capture across CPU hotplug"
	grep -c ^evt "$out/hotplug.txt" >"$out/hotplug.count"
	cat /sys/devices/system/cpu/cpu1/online >"$out/hotplug.online"
fi
rmmod scry || fail "rmmod"

# Stress: a 64 KiB ring per CPU, only getppid (and procexit) captured, 10 s.
insmod "$ko" ring_bytes=65536 || fail "insmod stress"
cap -q -S 41 -o "$out/stress.txt" -- "$bin/driver_stress" 10 "$out/stress.calls" ||
	fail "stress capture"
rmmod scry || fail "rmmod stress"

# Overhead: the same loops without capture, captured, captured exit-only.
rm -f "$out/bench.txt"
"$bin/driver_bench_loop" none "$out/bench.txt" || fail "bench none"
insmod "$ko" ring_bytes=4194304 || fail "insmod bench"
cap -q -o /dev/null -- "$bin/driver_bench_loop" scry "$out/bench.txt" || fail "bench scry"
cap -q -x -o /dev/null -- "$bin/driver_bench_loop" scry_exit "$out/bench.txt" ||
	fail "bench scry exit-only"
rmmod scry || fail "rmmod bench"

# Load/unload 20 times; unloading is refused while a reader holds a device.
i=0
while [ $i -lt 20 ]; do
	insmod "$ko" || fail "insmod $i"
	rmmod scry || fail "rmmod $i"
	i=$((i + 1))
done
echo "cycles=$i" >"$out/cycles.txt"
insmod "$ko" || fail "insmod busy"
exec 3</dev/scry0
rmmod scry 2>/dev/null && fail "rmmod while a device is open succeeded"
exec 3<&-
rmmod scry || fail "rmmod after close"
dmesg >"$out/dmesg.txt"
[ -z "$4" ] || /bin/sh "$(dirname "$0")/guest_peer.sh" "$ko" "$bin" "$out/peer" "$4" || fail "peer captures"
echo "guest: ok"

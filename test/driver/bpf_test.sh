#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
#
# test/driver/bpf_test.sh [BUILD]: the eBPF probe on this machine (root, a kernel with
# BTF), with the kernel module's assertions (test/driver/check_capture.py):
#   capture.txt   the deterministic workload (test/driver/workload.c) captured by the bpf
#                 engine (kmod_capture -e bpf), run in /tmp as in the VM
#   capture_exit.txt the same in exit-only mode (read through libscap's expansion)
#   exit_only_compare*.txt the workloads (workload.c, workload_more.c) captured by a full
#                 and an exit-only probe at once: the same events, parameter by
#                 parameter (test/driver/exit_only_compare.c)
#   stress.txt    5 s of getppid on every CPU into 64 KiB rings: drops counted,
#                 events + drops >= 2 x calls - 1% (the counters also count other
#                 processes' getppid), nothing torn
#   minus_m.txt   scry --engine bpf -M 5 -w: ends by the clock 4-6 s after it began
#                 to capture (test/driver/minus_m_window.py)
# BUILD (default build/) holds bin/kmod_capture, bin/driver_workload, bin/driver_stress.
# Results in BUILD/bpf-test/. Exit 0 when every check passed; 77 (skipped) when not
# root, without BTF, or when this build has no eBPF probe.
set -eu
cd "$(dirname "$0")/../.."
root=$(pwd)
build=$(cd "${1:-build}" && pwd)
bin=$build/bin
out=$build/bpf-test

skip() { echo "bpf_test: skipped: $*"; exit 77; }
[ "$(id -u)" = 0 ] || skip "not root"
[ -r /sys/kernel/btf/vmlinux ] || skip "no kernel BTF (/sys/kernel/btf/vmlinux)"
[ -f "$build/driver/bpf/probe.skel.h" ] || skip "this build has no eBPF probe (see CMake's output)"
for p in kmod_capture driver_workload driver_workload_more driver_stress scry exit_only_compare; do
	[ -x "$bin/$p" ] || { echo "bpf_test: $bin/$p missing" >&2; exit 1; }
done
rm -rf "$out"
mkdir -p "$out"
cap() { timeout 120 "$bin/kmod_capture" -e bpf "$@"; }

(cd /tmp && cap -o "$out/capture.txt" -- "$bin/driver_workload") ||
	{ echo "bpf_test: capture failed" >&2; exit 1; }
(cd /tmp && cap -x -o "$out/capture_exit.txt" -- "$bin/driver_workload") ||
	{ echo "bpf_test: exit-only capture failed" >&2; exit 1; }
for w in driver_workload driver_workload_more; do
	(cd /tmp && timeout 120 "$bin/exit_only_compare" -o "$out/exit_only_compare_$w.txt" \
		-- "$bin/$w") || { echo "bpf_test: exit-only != full for $w" >&2; exit 1; }
	cat "$out/exit_only_compare_$w.txt"
done
SCRY_BPF_RING_BYTES=65536 cap -q -S 41 -o "$out/stress.txt" -- \
	"$bin/driver_stress" 5 "$out/stress.calls" ||
	{ echo "bpf_test: stress capture failed" >&2; exit 1; }
python3 "$root/test/driver/check_capture.py" "$out" --capture-only
. "$root/test/driver/guest_lib.sh"
minus_m_window "$bin/scry" "$out/minus_m.txt" --engine bpf
python3 "$root/test/driver/minus_m_window.py" "$out/minus_m.txt"

#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
#
# test/driver/bpf_guest.sh KO BIN OUT BPFOBJ - inside the VM (test/driver/bpf_vm.sh boots
# it): the same workload captured by the kernel module and by the eBPF probe, on
# Debian's kernel (its BTF is what the probe's CO-RE relocations resolve against).
#   kmod.txt          the workload, scry.ko (kmod_capture)
#   bpf/capture.txt   the workload, the eBPF probe (kmod_capture -e bpf)
#   bpf/capture_exit.txt  the same in exit-only mode
#   bpf/stress.txt    bpf/stress.calls: 10 s of getppid on every vCPU into 64 KiB rings
#   bpf/minus_m_idle.txt  scry --engine bpf -M 5 -w on the idle guest: its times
#   verifier.txt      when the probe does not load: libbpf's and the verifier's log
#   dmesg.txt
ko=$1
bin=$2
out=$3
obj=$4
fail() { echo "guest: FAIL: $*"; dmesg >"$out/dmesg.txt"; exit 1; }
cap() { timeout 600 "$bin/kmod_capture" "$@"; }
. "$(dirname "$0")/guest_lib.sh"

mkdir -p "$out/bpf"
cd /tmp || fail "cd /tmp"
insmod "$ko" ring_bytes=1048576 || fail "insmod"
cap -o "$out/kmod.txt" -- "$bin/driver_workload" || fail "kmod capture"
rmmod scry || fail "rmmod"
if ! cap -e bpf -o "$out/bpf/capture.txt" -- "$bin/driver_workload" 2>"$out/bpf.err"; then
	cat "$out/bpf.err"
	mount -t bpf bpf /sys/fs/bpf 2>/dev/null
	bpftool -d prog loadall "$obj" /sys/fs/bpf/scry_probe >"$out/verifier.txt" 2>&1
	fail "bpf capture (see verifier.txt)"
fi
cap -e bpf -x -o "$out/bpf/capture_exit.txt" -- "$bin/driver_workload" ||
	fail "bpf exit-only capture"
SCRY_BPF_RING_BYTES=65536 cap -e bpf -q -S 41 -o "$out/bpf/stress.txt" -- \
	"$bin/driver_stress" 10 "$out/bpf/stress.calls" || fail "bpf stress capture"
# no event comes to end the -M window on the idle guest: the clock does
minus_m_window "$bin/scry" "$out/bpf/minus_m_idle.txt" --engine bpf
dmesg >"$out/dmesg.txt"
echo "guest: ok"

#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
#
# test/driver/bpf_vm.sh [--build DIR]: the eBPF probe on Debian's 6.1 kernel, in the qemu
# VM of scripts/vm/driver-test.sh, against the kernel module in the same boot:
#   1. fetch the kernel and headers, build scry.ko, kmod_capture (with the probe), the
#      workload and the stress program
#   2. boot and run test/driver/bpf_guest.sh: the workload captured by the module, then
#      by the probe; a stress run of the probe
#   3. on the host: the probe's capture passes the module's assertions
#      (check_capture.py --capture-only: workload and stress), and the two captures
#      have the same event sequences and parameters (test/driver/bpf_compare.py)
# DIR defaults to build/ (it must be visible in the guest: not under /tmp). Results in
# DIR/bpf-vm/. Exit 0 when every check passed.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
build=$root/build
while [ $# -gt 0 ]; do
	case $1 in
	--build) build=$(cd "$2" && pwd); shift 2 ;;
	*) sed -n '4p' "$0" >&2; exit 2 ;;
	esac
done
out=$build/bpf-vm
rm -rf "$out"
mkdir -p "$out"

eval "$(scripts/vm/fetch-kernel.sh "$build/kcache")"
cmake -S . -B "$build" -DSCRY_KDIR="$KDIR" >/dev/null
timeout 900 cmake --build "$build" -j "$(nproc)" --target driver kmod_capture driver_workload \
	driver_stress scry
[ -f "$build/driver/bpf/probe.bpf.o" ] || { echo "bpf_vm: this build has no eBPF probe" >&2; exit 1; }
printf '#!/bin/sh\nexec /bin/sh "%s" "%s" "%s" "$1" "%s"\n' "$root/test/driver/bpf_guest.sh" \
	"$build/driver-kbuild/scry.ko" "$build/bin" "$build/driver/bpf/probe.bpf.o" >"$out/guest.sh"
scripts/vm/run-vm.sh --kernel "$VMLINUZ" --moddir "$MODDIR" --out "$out" --timeout 1200 \
	-- "$out/guest.sh"
python3 test/driver/check_capture.py "$out/bpf" --capture-only
python3 test/driver/bpf_compare.py "$out/kmod.txt" "$out/bpf/capture.txt"
python3 test/driver/minus_m_window.py "$out/bpf/minus_m_idle.txt"

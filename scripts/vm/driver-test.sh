#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
#
# scripts/vm/driver-test.sh [--build DIR] [--keep]
#
# The driver test, end to end, bounded in time:
#   1. fetch Debian's kernel image and headers into DIR/kcache (fetch-kernel.sh)
#   2. build scry.ko against those headers (CMake target `driver`, SCRY_KDIR) and the
#      test programs kmod_capture and driver_workload
#   3. boot the kernel in qemu (TCG) and, inside: load the module, check the devices,
#      capture the workload with libscap's kmod engine, load/unload, keep dmesg
#   4. on the host: assert the events and parameters (test/driver/check_capture.py), and
#      compare the workload as scry and as the peer driver (Debian's falcosecurity-scap-dkms
#      built by fetch-peer.sh, with sysdig -w) captured it (test/driver/compare_peer.py)
# DIR defaults to build/. Results in DIR/driver-vm/. Exit 0 when every check passed.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
build=$root/build
while [ $# -gt 0 ]; do
	case $1 in
	--build) build=$(cd "$2" && pwd); shift 2 ;;
	*) echo "usage: driver-test.sh [--build DIR]" >&2; exit 2 ;;
	esac
done
out=$build/driver-vm
mkdir -p "$out"

# What the harness needs on the host: qemu (TCG, no KVM needed), a static busybox for the
# guest's initramfs, apt to fetch the kernel. Installed with apt when running as root.
need=()
command -v qemu-system-x86_64 >/dev/null || need+=(qemu-system-x86)
file -L /bin/busybox 2>/dev/null | grep -q 'statically linked' || need+=(busybox-static)
if [ ${#need[@]} -gt 0 ]; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
		echo "driver-test: apt-get install ${need[*]}" >&2
		DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -q \
			--no-install-recommends "${need[@]}" >&2
	else
		echo "driver-test: missing packages: ${need[*]} (run as root to install them)" >&2
		exit 1
	fi
fi

eval "$(scripts/vm/fetch-kernel.sh "$build/kcache")"
cmake -S . -B "$build" -DSCRY_KDIR="$KDIR" >/dev/null
timeout 600 cmake --build "$build" -j "$(nproc)" --target driver kmod_capture driver_workload driver_stress \
	driver_bench_loop scry driver_workload_more
eval "$(scripts/vm/fetch-peer.sh "$build/kcache" "$KDIR")"
ko=$build/driver-kbuild/scry.ko
[ -f "$ko" ] || { echo "driver-test: $ko was not built" >&2; exit 1; }

cat >"$out/guest.sh" <<GUEST
#!/bin/sh
# Runs inside the VM (see run-vm.sh); \$1 is the shared result directory.
exec /bin/sh "$root/test/driver/guest_tests.sh" "$ko" "$build/bin" "\$1" "$PEER_KO"
GUEST

scripts/vm/run-vm.sh --kernel "$VMLINUZ" --moddir "$MODDIR" --out "$out" --timeout 900 \
	-- "$out/guest.sh"
python3 test/driver/check_capture.py "$out"
# The same workload captured by scry and by the peer (Debian's scap.ko + sysdig -w) in
# that boot: every core syscall's events and parameters compared, and scry's capture
# read by sysdig 0.29.3 to its end.
python3 test/driver/compare_peer.py --scry "$build/bin/scry" "$out/peer"

# Live capture with the scry CLI in a second boot (test/driver/live_test.sh): --driver
# load/status/unload, scry -w and -p while the workload runs, -M, non-root; the capture
# is replayed here by scry -r (test/driver/check_live.py).
timeout 600 cmake --build "$build" -j "$(nproc)" --target scry
mkdir -p "$out/live"
printf '#!/bin/sh\nexec /bin/sh "%s" "%s" "%s" "$1"\n' "$root/test/driver/live_test.sh" "$ko" \
	"$build/bin" >"$out/live/guest.sh"
scripts/vm/run-vm.sh --kernel "$VMLINUZ" --moddir "$MODDIR" --out "$out/live" --timeout 600 \
	-- "$out/live/guest.sh"
python3 test/driver/check_live.py --scry "$build/bin/scry" "$out/live"

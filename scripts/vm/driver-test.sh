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
#   4. on the host: assert the events and parameters (test/driver/check_capture.py)
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
timeout 600 cmake --build "$build" -j "$(nproc)" --target driver kmod_capture driver_workload
ko=$build/driver-kbuild/scry.ko
[ -f "$ko" ] || { echo "driver-test: $ko was not built" >&2; exit 1; }

cat >"$out/guest.sh" <<GUEST
#!/bin/sh
# Runs inside the VM (see run-vm.sh); \$1 is the shared result directory.
out=\$1
fail() { echo "guest: FAIL: \$*"; dmesg >"\$out/dmesg.txt"; exit 1; }
insmod "$ko" ring_bytes=1048576 || fail "insmod"
n=\$(ls /dev/scry* | wc -l)
[ "\$n" = "\$(grep -c ^processor /proc/cpuinfo)" ] || fail "\$n devices"
stat -c '%a %U' /dev/scry0 >"\$out/devmode.txt"
timeout 120 "$build/bin/kmod_capture" -o "\$out/capture.txt" -- "$build/bin/driver_workload" ||
	fail "capture"
rmmod scry || fail "rmmod"
# Load/unload again; unloading is refused while a reader holds a device.
for i in 1 2 3; do
	insmod "$ko" || fail "insmod \$i"
	rmmod scry || fail "rmmod \$i"
done
insmod "$ko" || fail "insmod busy"
exec 3</dev/scry0
rmmod scry 2>/dev/null && fail "rmmod while a device is open succeeded"
exec 3<&-
rmmod scry || fail "rmmod after close"
dmesg >"\$out/dmesg.txt"
echo "guest: ok"
GUEST

scripts/vm/run-vm.sh --kernel "$VMLINUZ" --moddir "$MODDIR" --out "$out" --timeout 300 \
	-- "$out/guest.sh"
python3 test/driver/check_capture.py "$out"

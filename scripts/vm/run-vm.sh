#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
#
# scripts/vm/run-vm.sh --kernel VMLINUZ --moddir MODDIR --out OUTDIR [--timeout SECONDS]
#                      [--smp N] [--mem MiB] [--icount SHIFT] -- SCRIPT
#
# Boots Debian's kernel in qemu with software emulation (TCG, no KVM needed) and runs
# SCRIPT (a shell script path on the host) inside it, as root, then powers off.
#
# The guest: a small initramfs (busybox-static + the virtio/9p modules of MODDIR) whose
# /init mounts the host's root filesystem read-only over 9p and chroots into it, so the
# host's binaries are visible at the same paths. /tmp and /run are the guest's own tmpfs;
# the source tree (the clone this script belongs to, wherever it is, /tmp included) is
# shared read-only and OUTDIR writable (9p), each at its host path on top of those.
#
# Results on the host, in OUTDIR: console.log (the serial console: kernel messages and
# SCRIPT's output), rc (SCRIPT's exit code, absent when the guest never got that far).
# Exit status: SCRIPT's exit code; 124 on timeout (whole VM, default 240 s); 125 when
# the guest did not report one (kernel panic, init failure: see console.log).
# SCRIPT gets OUTDIR as its first argument; it starts in the guest's /tmp.
# --icount SHIFT: the guest's clocks count emulated instructions (2^SHIFT ns each, idle
# time skipped) instead of following the host's: timings in the guest no longer depend
# on the host's load (one host thread runs every vCPU in turn: slower).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
kernel= moddir= out= timeout_s=240 smp=2 mem=1024 icount=()
while [ $# -gt 0 ]; do
	case $1 in
	--kernel) kernel=$2; shift 2 ;;
	--moddir) moddir=$2; shift 2 ;;
	--out) out=$2; shift 2 ;;
	--timeout) timeout_s=$2; shift 2 ;;
	--smp) smp=$2; shift 2 ;;
	--mem) mem=$2; shift 2 ;;
	--icount) icount=(-icount "shift=$2,sleep=on"); shift 2 ;;
	--) shift; break ;;
	*) echo "run-vm: unknown option $1" >&2; exit 2 ;;
	esac
done
script=${1:-}
if [ -z "$kernel" ] || [ -z "$moddir" ] || [ -z "$out" ] || [ -z "$script" ]; then
	sed -n '4,5p' "$0" >&2
	exit 2
fi
command -v qemu-system-x86_64 >/dev/null || { echo "run-vm: qemu-system-x86_64 missing (apt-get install qemu-system-x86)" >&2; exit 2; }
busybox=$(command -v busybox || true)
if [ -z "$busybox" ] || ! file -L "$busybox" 2>/dev/null | grep -q 'statically linked'; then
	busybox=/bin/busybox
	file -L "$busybox" 2>/dev/null | grep -q 'statically linked' ||
		{ echo "run-vm: a static busybox is needed (apt-get install busybox-static)" >&2; exit 2; }
fi
mkdir -p "$out"
out=$(cd "$out" && pwd)
rm -f "$out/rc" "$out/console.log"
# The guest's /tmp is its own tmpfs: run a copy of SCRIPT kept in OUTDIR.
cp "$script" "$out/script.sh"

# ---- the initramfs --------------------------------------------------------------------
stage=$out/initramfs
rm -rf "$stage"
mkdir -p "$stage"/{bin,dev,proc,sys,host,lib/modules}
cp "$busybox" "$stage/bin/busybox"
# Modules needed for the 9p root, with their dependencies, in load order (modules.dep
# lists a module's dependencies after it: load them reversed, each once).
want="virtio_pci 9pnet_virtio 9p"
: >"$stage/modules.order"
for m in $want; do
	line=$(grep -E "/$m\.ko(\.[a-z]+)?:" "$moddir/modules.dep") ||
		{ echo "run-vm: module $m not in $moddir/modules.dep" >&2; exit 1; }
	mod=${line%%:*}
	deps=${line#*:}
	for d in $(echo $deps | tr ' ' '\n' | tac) $mod; do
		grep -qx "$d" "$stage/modules.order" || echo "$d" >>"$stage/modules.order"
	done
done
while read -r m; do
	mkdir -p "$stage/lib/modules/$(dirname "$m")"
	cp "$moddir/$m" "$stage/lib/modules/$m"
done <"$stage/modules.order"
cp "$here/init.sh" "$stage/init"
chmod +x "$stage/init"
(cd "$stage" && find . | "$busybox" cpio -o -H newc 2>/dev/null | gzip -1) >"$out/initramfs.cpio.gz"
rm -rf "$stage"

# ---- boot -----------------------------------------------------------------------------
# -accel tcg: software emulation, works without /dev/kvm (CI); -no-reboot + panic=-1:
# a panic ends qemu instead of rebooting; the outer timeout bounds everything else.
start=$(date +%s.%N)
set +e
timeout --foreground -k 5 "$timeout_s" qemu-system-x86_64 \
	-accel tcg "${icount[@]}" -smp "$smp" -m "$mem" -nodefaults -no-user-config -nographic -no-reboot \
	-display none -monitor none -serial "file:$out/console.log" \
	-kernel "$kernel" -initrd "$out/initramfs.cpio.gz" \
	-append "console=ttyS0 quiet loglevel=4 panic=-1 oops=panic rdinit=/init scry_src=$src scry_out=$out scry_script=$out/script.sh" \
	-virtfs local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap \
	-virtfs "local,path=$src,mount_tag=scrysrc,security_model=none,readonly=on,multidevs=remap" \
	-virtfs "local,path=$out,mount_tag=scryout,security_model=none,multidevs=remap" \
	</dev/null
qrc=$?
set -e
end=$(date +%s.%N)
awk -v a="$start" -v b="$end" 'BEGIN { printf "run-vm: qemu ran %.1f s\n", b - a }' >&2
if [ $qrc = 124 ]; then
	echo "run-vm: timeout after ${timeout_s}s; console tail:" >&2
	tail -n 30 "$out/console.log" >&2 || true
	exit 124
fi
if [ ! -f "$out/rc" ]; then
	echo "run-vm: the guest reported no result (qemu exit $qrc); console tail:" >&2
	tail -n 40 "$out/console.log" >&2 || true
	exit 125
fi
exit "$(cat "$out/rc")"

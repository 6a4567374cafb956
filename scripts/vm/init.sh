#!/bin/busybox sh
# SPDX-License-Identifier: Apache-2.0
#
# /init of the test VM's initramfs (see run-vm.sh): mounts the host root read-only over
# 9p, the writable result share at its host path, and runs the test script chrooted
# into the host root. Writes the script's exit code to $scry_out/rc, then powers off.
/bin/busybox --install -s /bin
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev

for arg in $(cat /proc/cmdline); do
	case $arg in
	scry_src=*) scry_src=${arg#scry_src=} ;;
	scry_out=*) scry_out=${arg#scry_out=} ;;
	scry_script=*) scry_script=${arg#scry_script=} ;;
	esac
done

die() {
	echo "init: $*"
	poweroff -f
}

while read -r m; do
	insmod "/lib/modules/$m" || die "insmod $m failed"
done </modules.order

ip link set lo up    # loopback for the network tests

# msize: bigger 9p messages, fewer round trips through the emulated device.
o=trans=virtio,version=9p2000.L,msize=262144
mount -t 9p -o "$o,ro,cache=loose" hostroot /host || die "cannot mount the host root"
mount -t proc proc /host/proc
mount -t sysfs sys /host/sys
mount -t devtmpfs dev /host/dev
mount -t tmpfs tmp /host/tmp
mount -t tmpfs run /host/run
mount -t tracefs tracefs /host/sys/kernel/tracing 2>/dev/null
# The source tree and the result directory go on top, so they are visible even when they
# live under /tmp or /run (a CI clone may): the mount points are made in the tmpfs if needed.
mkdir -p "/host$scry_src" 2>/dev/null
mount -t 9p -o "$o,ro,cache=loose" scrysrc "/host$scry_src" || die "cannot mount $scry_src"
mkdir -p "/host$scry_out" 2>/dev/null
mount -t 9p -o "$o,cache=none" scryout "/host$scry_out" || die "cannot mount $scry_out"

echo "init: up in $(cut -d' ' -f1 /proc/uptime) s, running $scry_script"
chroot /host /bin/sh -c "cd /tmp && exec /bin/sh '$scry_script' '$scry_out'"
rc=$?
echo "$rc" >"/host$scry_out/rc"
sync
echo "init: script exited $rc after $(cut -d' ' -f1 /proc/uptime) s"
poweroff -f

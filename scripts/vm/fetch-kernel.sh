#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
#
# scripts/vm/fetch-kernel.sh CACHE_DIR [IMAGE_PKG HEADERS_PKG]
#
# Fetches Debian's kernel image and headers packages (default: the versions that the
# meta-packages linux-image-amd64 and linux-headers-amd64 point to) with
# `apt-get download` and extracts them with `dpkg-deb -x` under CACHE_DIR/root, never
# into the system. A second run with the same versions reuses the extracted tree.
#
# Prints three lines on stdout, for the caller to eval:
#   KDIR=...      the headers tree to build modules against (make -C $KDIR M=...)
#   VMLINUZ=...   the kernel to boot
#   MODDIR=...    the image's /lib/modules/<release> (virtio, 9p modules for the VM)
# Progress goes to stderr. Needs apt-get, apt-cache, dpkg-deb; root only for
# `apt-get update` when the package lists are missing.
set -euo pipefail

cache=${1:?usage: fetch-kernel.sh CACHE_DIR [IMAGE_PKG HEADERS_PKG]}
img_meta=${2:-linux-image-amd64}
hdr_meta=${3:-linux-headers-amd64}
mkdir -p "$cache/debs" "$cache/root"
cache=$(cd "$cache" && pwd)

log() { echo "fetch-kernel: $*" >&2; }

# The versioned package a meta-package depends on (linux-image-amd64 -> linux-image-6.1.0-57-amd64).
resolve() {
	local p=$1 dep
	case $p in
	*-[0-9]*) echo "$p"; return ;;
	esac
	dep=$(apt-cache depends --no-recommends --no-suggests "$p" 2>/dev/null |
		awk '/^  Depends: linux-(image|headers)-[0-9]/ { print $2; exit }')
	if [ -z "$dep" ] && [ "$(id -u)" = 0 ]; then
		log "apt-get update (no candidate for $p)"
		timeout 300 apt-get update -q >&2
		dep=$(apt-cache depends --no-recommends --no-suggests "$p" 2>/dev/null |
			awk '/^  Depends: linux-(image|headers)-[0-9]/ { print $2; exit }')
	fi
	[ -n "$dep" ] || { log "cannot resolve $p (apt-get update?)"; exit 1; }
	echo "$dep"
}

img=$(resolve "$img_meta")
hdr=$(resolve "$hdr_meta")
release=${img#linux-image-}                       # 6.1.0-57-amd64
# The headers' own dependencies that make up a module build tree: the arch-independent
# headers and the kbuild tools (scripts/, modpost, fixdep).
deps=$(apt-cache depends --no-recommends --no-suggests "$hdr" |
	awk '/^  Depends: linux-(headers-.*-common|kbuild-)/ { print $2 }')
pkgs="$img $hdr $deps"

# As root, apt's download sandbox user cannot write into the build tree: download as root.
sandbox=
[ "$(id -u)" = 0 ] && sandbox="-o APT::Sandbox::User=root"

stamp=$cache/root/.extracted-$release
if [ ! -f "$stamp" ]; then
	for p in $pkgs; do
		if ! ls "$cache/debs/${p}_"*.deb >/dev/null 2>&1; then
			log "apt-get download $p"
			(cd "$cache/debs" && timeout 600 apt-get download -q $sandbox "$p" >&2)
		fi
		log "extract $p"
		dpkg-deb -x "$cache/debs/${p}_"*.deb "$cache/root"
	done
	# modules.dep is made at install time, not shipped: the VM's init needs it to load
	# the virtio and 9p modules in dependency order.
	log "depmod $release"
	depmod -b "$cache/root" "$release"
	touch "$stamp"
fi

kdir=$cache/root/usr/src/linux-headers-$release
# The headers' Makefile includes the common tree by absolute path: point it into the cache.
if grep -q '^include /usr/src/' "$kdir/Makefile"; then
	sed -i "s|^include /usr/src/|include $cache/root/usr/src/|" "$kdir/Makefile"
fi
vmlinuz=$cache/root/boot/vmlinuz-$release
moddir=$cache/root/lib/modules/$release
for f in "$kdir/Makefile" "$kdir/scripts/basic/fixdep" "$vmlinuz" "$moddir/modules.dep"; do
	[ -e "$f" ] || { log "missing $f after extraction"; exit 1; }
done
echo "KDIR=$kdir"
echo "VMLINUZ=$vmlinuz"
echo "MODDIR=$moddir"

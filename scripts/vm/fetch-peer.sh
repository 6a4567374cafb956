#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
#
# scripts/vm/fetch-peer.sh CACHE_DIR KDIR
#
# The peer driver for the VM comparisons and benchmark: Debian's falcosecurity-scap-dkms
# (the kernel module sysdig 0.29.3 reads, scap.ko, devices /dev/scapN), built against the
# headers tree KDIR (the one fetch-kernel.sh prints), never installed into the system.
#
# The package is fetched with `apt-get download` at the version of the installed
# libfalcosecurity0 (sysdig's libscap: the module must speak its API), extracted with
# `dpkg-deb -x` under CACHE_DIR/peer, and built out of tree in CACHE_DIR/peer/build. A
# second run with the same version and headers reuses the module.
#
# Prints one line on stdout, for the caller to eval:
#   PEER_KO=...   the built scap.ko
# Progress goes to stderr. Exit 1 when sysdig's library is not installed or the module
# does not build.
set -euo pipefail

cache=${1:?usage: fetch-peer.sh CACHE_DIR KDIR}
kdir=${2:?usage: fetch-peer.sh CACHE_DIR KDIR}
mkdir -p "$cache/peer/debs"
cache=$(cd "$cache" && pwd)
log() { echo "fetch-peer: $*" >&2; }

ver=$(dpkg-query -W -f='${Version}' libfalcosecurity0 2>/dev/null || true)
[ -n "$ver" ] || { log "sysdig's library (libfalcosecurity0) is not installed: apt-get install sysdig"; exit 1; }
pkg=falcosecurity-scap-dkms
debs=$cache/peer/debs
deb=$(ls "$debs/${pkg}_"*.deb 2>/dev/null | grep -F "_${ver#*:}_" | head -n 1 || true)
if [ -z "$deb" ]; then
	sandbox=
	[ "$(id -u)" = 0 ] && sandbox="-o APT::Sandbox::User=root"
	log "apt-get download $pkg=$ver"
	(cd "$debs" && timeout 600 apt-get download -q $sandbox "$pkg=$ver" >&2)
	deb=$(ls "$debs/${pkg}_"*.deb | grep -F "_${ver#*:}_" | head -n 1)
fi

# The build directory is keyed by the package and the headers: a change of either rebuilds.
key=$(basename "$deb" .deb)-$(basename "$kdir")
src=$cache/peer/build/$key
ko=$src/scap.ko
if [ ! -f "$ko" ]; then
	rm -rf "$cache/peer/root" "$src"
	dpkg-deb -x "$deb" "$cache/peer/root"
	tree=$(ls -d "$cache/peer/root/usr/src/scap-"* | head -n 1)
	[ -f "$tree/Makefile" ] || { log "no module sources in $deb"; exit 1; }
	mkdir -p "$src"
	cp -r "$tree/." "$src/"
	log "building scap.ko against $kdir"
	timeout 600 make -C "$kdir" M="$src" modules -j "$(nproc)" >"$src/build.log" 2>&1 ||
		{ tail -n 20 "$src/build.log" >&2; log "the peer module did not build"; exit 1; }
fi
[ -f "$ko" ] || { log "missing $ko after the build"; exit 1; }
echo "PEER_KO=$ko"

#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
#
# test/runtime/live_test.sh --lookup RUNTIME_LOOKUP --scry SCRY
#
# Container metadata from real runtimes (issue 13): for each of dockerd
# (/var/run/docker.sock) and podman's service (/run/podman/podman.sock) whose socket is
# there, as root:
#   1. make the image scry-runtime-test/busybox:1 when missing (`import` of a tar of a
#      busybox-static rootfs: no registry needed), run a container with labels;
#   2. runtime_lookup (runtime_lookup.c): the Docker Engine API backend's answer must
#      show the container's name, image (as `inspect` says), labels; the dispatcher
#      must put them in the container table before sinsp_open() returns; prints the
#      latency of a lookup;
#   3. a live capture (eBPF probe, or the module when loaded): `scry -p ...
#      container.name=NAME` must print events of that container only, with its type,
#      name and image; with --no-runtime-lookups the same filter matches nothing; a
#      file written with -w replays with the container's name and image.
# Exit 0; 1 on a wrong value; 77 (skip) when not root or when no runtime answers on either
# socket (none there, or a file left by a daemon that exited); with SCRY_RUNTIMES_REQUIRED
# set (scripts/test.sh, once it started the runtimes) a socket that does not answer fails.
#
# To run it by hand (as root), start the runtimes first:
#   dockerd &                                    # Debian's docker.io, no flags
#   podman system service --time=0 unix:///run/podman/podman.sock &
#     (needs /etc/containers/containers.conf: runtime = "runc", cgroup_manager =
#      "cgroupfs", default_ulimits = ["nofile=20000:20000", "nproc=4096:4096"])
#   ctest --test-dir build -R runtime_live --output-on-failure
# The containers it runs are removed at the end; the image is kept.
set -uo pipefail
lookup= scry=
while [ $# -gt 0 ]; do
	case $1 in
	--lookup) lookup=$2; shift 2 ;;
	--scry) scry=$2; shift 2 ;;
	*) echo "usage: $0 --lookup RUNTIME_LOOKUP --scry SCRY" >&2; exit 2 ;;
	esac
done
[ -x "$lookup" ] && [ -x "$scry" ] || { echo "usage: $0 --lookup RUNTIME_LOOKUP --scry SCRY" >&2; exit 2; }
if [ "$(id -u)" != 0 ]; then
	echo "runtime_live: skip: needs root (runs containers)"
	exit 77
fi

IMAGE=scry-runtime-test/busybox:1
work=$(mktemp -d "${TMPDIR:-/tmp}/scry-runtime-live.XXXXXX")
containers=()
cleanup() {
	local c
	for c in "${containers[@]}"; do
		${c%% *} rm -f "${c#* }" >/dev/null 2>&1
	done
	rm -rf "$work"
}
trap cleanup EXIT
failures=0
fail() { echo "runtime_live: FAIL: $*" >&2; failures=$((failures + 1)); }
# value KEY FILE: the value of "KEY=value" in FILE
value() { sed -n "s/^$1=//p" "$2" | head -1; }

# make_image CLI: the busybox image, imported from a tar of a busybox-static rootfs
make_image() {
	local cli=$1 root=$work/rootfs a
	$cli image inspect "$IMAGE" >/dev/null 2>&1 && return 0
	[ -x /bin/busybox ] || { echo "runtime_live: no /bin/busybox (package busybox-static)" >&2; return 1; }
	mkdir -p "$root/bin"
	cp /bin/busybox "$root/bin/"
	for a in sh sleep cat true; do ln -sf busybox "$root/bin/$a"; done
	tar -C "$root" -cf "$work/rootfs.tar" . && $cli import "$work/rootfs.tar" "$IMAGE" >/dev/null
}

# live_check RUNTIME NAME IMAGE: scry -p with container.name=NAME, lookups on, then off
live_check() {
	local rt=$1 name=$2 image=$3 out=$work/live-$rt.txt n bad
	"$scry" -M 6 -p '%container.type|%container.name|%container.image|%proc.name' \
		"container.name=$name" >"$out" 2>"$work/live-$rt.err"
	if grep -q "cannot\|not supported\|error" "$work/live-$rt.err" && [ ! -s "$out" ]; then
		echo "runtime_live: $rt: live part skipped: scry cannot capture here: $(head -1 "$work/live-$rt.err")"
		return 0
	fi
	n=$(wc -l <"$out")
	bad=$(grep -v -c "^$rt|$name|$image|" "$out")
	[ "$n" -gt 0 ] || fail "$rt: live: no event matched container.name=$name ($(head -2 "$work/live-$rt.err"))"
	[ "$bad" = 0 ] || fail "$rt: live: $bad of $n lines not of $rt|$name|$image: $(grep -v "^$rt|$name|" "$out" | head -2)"
	echo "runtime_live: $rt: live: $n events matched container.name=$name, all $rt|$name|$image"
	"$scry" -M 4 --no-runtime-lookups -p '%container.name' "container.name=$name" >"$out" 2>/dev/null
	[ ! -s "$out" ] || fail "$rt: --no-runtime-lookups: $(wc -l <"$out") events still named $name"
	# -w keeps what the runtime said (a container event), for the replay
	"$scry" -M 4 -w "$work/live-$rt.scap" "container.id!=host" 2>/dev/null
	"$scry" -r "$work/live-$rt.scap" -p '%container.type|%container.name|%container.image|%proc.name' \
		"container.name=$name" >"$out" 2>&1
	n=$(wc -l <"$out")
	bad=$(grep -v -c "^$rt|$name|$image|" "$out")
	[ "$n" -gt 0 ] && [ "$bad" = 0 ] ||
		fail "$rt: replay of -w: $n lines, $bad not of $rt|$name|$image: $(head -2 "$out")"
	echo "runtime_live: $rt: replay of -w: $n events of container.name=$name, all $rt|$name|$image"
}

# check RUNTIME CLI SOCKET CGROUP_PREFIX
check() {
	local rt=$1 cli=$2 sock=$3 cgprefix=$4 name id image out
	if [ ! -S "$sock" ]; then
		echo "runtime_live: skip $rt: no socket $sock (see the top of $0 to start it)"
		return 1
	fi
	if [ "$(curl -s --max-time 10 --unix-socket "$sock" http://d/_ping)" != OK ]; then
		if [ -n "${SCRY_RUNTIMES_REQUIRED:-}" ]; then
			fail "$rt: nothing answers GET /_ping on $sock"
			return 0
		fi
		echo "runtime_live: skip $rt: nothing answers on $sock (a daemon that exited left it?)"
		return 1
	fi
	make_image "$cli" || { fail "$rt: cannot make the image $IMAGE"; return 0; }
	name=scry-rt-$rt-$$
	containers+=("$cli $name")
	# no network: nothing here needs one, and a host's bridge may be missing
	id=$($cli run -d --network none --name "$name" --label scry.test=runtime --label app=loop \
		"$IMAGE" /bin/sh -c 'while :; do /bin/cat /etc/hostname >/dev/null; /bin/sleep 0.5; done') ||
		{ fail "$rt: cannot run a container"; return 0; }
	image=$($cli inspect --format '{{.Config.Image}}' "$name")
	out=$work/lookup-$rt.txt
	"$lookup" "$rt" "$sock" "$id" "=$cgprefix$id" 20 >"$out" ||
		{ fail "$rt: runtime_lookup failed"; cat "$out"; return 0; }
	[ "$(value name "$out")" = "$name" ] || fail "$rt: name $(value name "$out"), want $name"
	[ "$(value image "$out")" = "$image" ] || fail "$rt: image $(value image "$out"), want $image"
	[ "$(value image_tag "$out")" = "1" ] || fail "$rt: image_tag $(value image_tag "$out"), want 1"
	[ "$(value label.app "$out")" = loop ] || fail "$rt: label app $(value label.app "$out"), want loop"
	[ "$(value label.scry.test "$out")" = runtime ] || fail "$rt: label scry.test missing"
	[ "$(value created_ns "$out")" -gt 0 ] || fail "$rt: no creation time"
	[ "$(value dispatched_type "$out")" = "$rt" ] || fail "$rt: type $(value dispatched_type "$out")"
	[ "$(value dispatched_name "$out")" = "$name" ] ||
		fail "$rt: the dispatcher left name $(value dispatched_name "$out") after sinsp_open()"
	[ "$(value stats_ok "$out")" = 1 ] || fail "$rt: stats_ok $(value stats_ok "$out"), want 1"
	echo "runtime_live: $rt: $name ($image) looked up: latency ms min $(value latency_ms_min "$out")," \
		"median $(value latency_ms_median "$out"), max $(value latency_ms_max "$out") (20 calls)"
	live_check "$rt" "$name" "$image"
	return 0
}

ran=0
check docker /usr/bin/docker /var/run/docker.sock /docker/ && ran=$((ran + 1))
check podman podman /run/podman/podman.sock /libpod_parent/libpod- && ran=$((ran + 1))
if [ $ran = 0 ]; then
	echo "runtime_live: skip: no runtime answers on /var/run/docker.sock or /run/podman/podman.sock"
	exit 77
fi
[ $failures = 0 ] || exit 1
echo "runtime_live: ok ($ran runtimes)"

# SPDX-License-Identifier: Apache-2.0
# live_lib.sh - the prologue the live container tests share; sourced, not run:
#
#   . "$(dirname "$0")/live_lib.sh"
#   live_init NAME OUTDIR "$@"
#
# live_init cds to the source tree and sets root (the tree), build (BUILD, the first
# argument, default build, as an absolute path), rtdir (the runtimes' directory, the
# second argument, default BUILD/runtimes), bin (BUILD/bin) and out (BUILD/OUTDIR, made
# empty). It skips the test (exit 77, "NAME: skipped: why") when not root, without kernel
# BTF or when the build has no eBPF probe. skip WHY skips with a reason of the test's own.
#
# live_runtimes_start starts the container runtimes (scripts/runtimes.sh start RTDIR: a
# no-op for those that answer already) and exports their environment (RTDIR/env:
# SCRY_DOCKER, SCRY_DOCKER_IMAGE, ...). It sets stop_runtimes=1 when dockerd did not answer
# before, so that the test's cleanup stops what it started, and only that.
live_init() {
	live_name=$1
	cd "$(dirname "${BASH_SOURCE[1]}")/../.."
	root=$(pwd)
	build=$(cd "${3:-build}" && pwd)
	rtdir=${4:-$build/runtimes}
	bin=$build/bin
	out=$build/$2
	[ "$(id -u)" = 0 ] || skip "not root"
	[ -r /sys/kernel/btf/vmlinux ] || skip "no kernel BTF (/sys/kernel/btf/vmlinux)"
	[ -f "$build/driver/bpf/probe.skel.h" ] ||
		skip "this build has no eBPF probe (see CMake's output)"
	rm -rf "$out"
	mkdir -p "$out"
}

skip() { echo "$live_name: skipped: $*"; exit 77; }

live_runtimes_start() {
	[ "$(curl -s --max-time 5 --unix-socket /var/run/docker.sock http://d/_ping 2>/dev/null)" = OK ] ||
		stop_runtimes=1
	"$root/scripts/runtimes.sh" start "$rtdir"
	set -a
	. "$rtdir/env"
	set +a
}

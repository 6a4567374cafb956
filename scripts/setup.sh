#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
#
# scripts/setup.sh [--deps]
#
# Installs what scry needs to build, test and benchmark on Debian 12 (as root, with apt),
# then builds scry into build/ and writes a tiny demo capture to build/demo.scap, so that
# `build/bin/scry -r build/demo.scap` works right after. With --deps it only installs.
# Run as a normal user it installs nothing, and says what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

deps_only=0
case ${1:-} in
--deps) deps_only=1 ;;
'') ;;
*) echo "usage: scripts/setup.sh [--deps]" >&2; exit 2 ;;
esac

# Build and test dependencies. clang + libclang-rt-14-dev: the libFuzzer target. file:
# CPack's DEB generator (dpkg-shlibdeps of the Debian packages). libcurl (built with
# nghttp2: HTTP/2 for gRPC), json-c, protobuf-c and protoc-c: the container runtime
# clients of libsinsp (libsinsp/runtime/). docker.io, podman, containerd, runc,
# busybox-static: the runtimes the container tests ask (their images are made from
# busybox's static root: no registry needed). python3-yaml: bench/rules expands the
# rules' conditions for sysdig. libnats-dev and nats-server: scap_stream's NATS JetStream
# transport and its cluster test (test/stream/).
pkgs=(build-essential cmake pkg-config git python3 python3-yaml clang libclang-rt-14-dev check
      zlib1g-dev libyaml-dev libkmod-dev libcap-dev libjemalloc-dev libbpf-dev bpftool libdeflate-dev file
      libcurl4-openssl-dev libjson-c-dev libprotobuf-c-dev protobuf-c-compiler libnghttp2-dev
      docker.io podman containerd runc busybox-static libnats-dev nats-server)
# The rest the container tests need (scripts/runtimes.sh, test/containers/e2e_test.sh),
# named one by one since recommends are not installed: conmon and the CNI plugins (podman
# 4.3's network backend, read at start even for --network none), lxc (lxc-create -t
# busybox; the template is in liblxc-common), uidmap (newuidmap), iptables (dockerd's
# bridge), curl (the sockets' readiness requests).
pkgs+=(conmon containernetworking-plugins lxc uidmap iptables curl)
# scry top: ncurses (libncurses-dev); its screen test drives it in tmux.
pkgs+=(libncurses-dev tmux)
# scryd's Prometheus endpoint: libmicrohttpd; its test runs Debian's promtool and a real
# Prometheus server (package prometheus) against it.
pkgs+=(libmicrohttpd-dev prometheus)
# bench/agent/redis: redis-server and redis-benchmark (its dependency redis-tools).
pkgs+=(redis-server)
# librdkafka: the Kafka transport of the stream library (libscap/stream/kafka.c) and its
# tests (librdkafka's in-process mock cluster).
pkgs+=(librdkafka-dev)

missing() {
	local p
	for p in "$@"; do
		dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' ||
			echo "$p"
	done
}

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
	export DEBIAN_FRONTEND=noninteractive
	# A package left half-configured earlier (say a DKMS post-install that failed) would
	# make every later apt-get install fail: finish what can be finished first.
	# Another apt (unattended-upgrades at boot, a user's) may hold dpkg's lock: wait for
	# it, up to 10 minutes, rather than fail at once.
	apt=(apt-get -o DPkg::Lock::Timeout=600)
	dpkg --configure -a || true
	"${apt[@]}" update -q
	"${apt[@]}" install -y -q --no-install-recommends "${pkgs[@]}"
	# sysdig (the peer, for the benchmark and the round-trip comparisons) is installed on
	# its own: it recommends a DKMS driver package whose post-install step fails where no
	# kernel headers or module support exist. --no-install-recommends leaves it out; if a
	# post-install step still fails, finish configuring what can be and go on: nothing
	# here needs the driver, and the benchmark checks for sysdig itself.
	if ! "${apt[@]}" install -y -q --no-install-recommends sysdig; then
		echo "setup: installing sysdig reported an error; configuring what is left" >&2
		dpkg --configure -a || true
	fi
	command -v sysdig >/dev/null || echo "setup: warning: sysdig is not installed" >&2
else
	m=$(missing "${pkgs[@]}")
	if [ -n "$m" ]; then
		echo "setup: missing packages (run this script as root, or apt-get install them):" $m >&2
		exit 1
	fi
fi

[ $deps_only = 1 ] && exit 0

cmake -S . -B build
cmake --build build -j "$(nproc)"
python3 scripts/mkcapture.py build/demo.scap
echo "setup: built build/bin/scry; try: build/bin/scry -r build/demo.scap"

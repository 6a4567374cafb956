#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
#
# scripts/test.sh: the whole test run, the same for a developer and for CI (.ci/run).
#
#   1. build/       RelWithDebInfo, -Wall -Wextra -Werror (cmake/ScryCompilerFlags.cmake)
#   2. install      cmake --install to a temporary prefix, by component; a program and the
#                   examples built against the installed libraries with pkg-config and
#                   find_package, shared and static, run on a capture (scripts/install-test.sh)
#  2b. packages     the Debian packages built in build-deb/, installed with dpkg -i, used
#                   (a program built against libscry-dev), dkms build of scry-dkms against
#                   Debian's 6.1 headers, purged: scripts/package-test.sh (root only)
#   3. conformance  ../shared/conformance/check, when ../shared is there: every output
#                   identical to sysdig 0.29.3's but for the departures listed in
#                   test/departures.json (docs/DEPARTURES.md), else the run fails
#   4. write        test/write_roundtrip.py (scry -w round trips, rotation, interruption)
#   5. build-asan/  ASan + UBSan build, its unit tests
#   6. build-fuzz/  libFuzzer targets fuzz_savefile, fuzz_sinsp, fuzz_filter, fuzz_format,
#                   45 s each (SCRY_FUZZ_SECONDS) from test/fuzz/corpus/
#  6b. collection   test/stream/nats_cluster_test.py: scry -w/-r nats:// through a real
#                   3-node JetStream cluster with a node killed and a 30 s outage (~70 s)
#   7. bpf          the eBPF probe on this host (test/driver/bpf_test.sh; skipped without
#                   root or BTF), then a live capture by scry replayed by sysdig 0.29.3
#                   as scry replays it (test/driver/sysdig_compat_test.sh; same skips)
#  7b. containers   the real runtimes (scripts/runtimes.sh: dockerd, podman's service,
#                   containerd with CRI; lxc) started; the ctests that ask them; one
#                   container of each captured live and replayed after all are gone:
#                   test/containers/e2e_test.sh (root only; ~1-2 min); Falco's default
#                   rules alerting live on a shell in a container and a write below /etc:
#                   test/containers/rules_live_test.sh (root only; ~10 s); scryd's
#                   metrics: a CPU spike alert for a container that starts burning CPU,
#                   none for the others, its CPU within 5% of its cgroup's accounting:
#                   test/containers/metrics_live_test.sh (root only; ~40 s); scry top
#                   driven in tmux: test/containers/top_test.py (root only; ~1 min); scryd
#                   scraped live by a real Prometheus, a docker container's series queried back:
#                   test/containers/prom_live_test.sh (root only; ~45 s)
#   8. driver       scry.ko built against Debian's kernel headers and tested inside a qemu
#                   VM (TCG, no KVM needed): scripts/vm/driver-test.sh (~5 min idle; the
#                   limits of this script and of the VM runs only catch a hang: a loaded
#                   machine runs TCG several times slower)
#   9. bpf VM       the eBPF probe on that kernel against the module: test/driver/bpf_vm.sh
#  10. the unit tests of build/, last, so that ctest's summary closes the output
#
# Exits non-zero on the first failure. Needs the packages scripts/setup.sh installs.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
jobs=$(nproc)
fuzz_seconds=${SCRY_FUZZ_SECONDS:-45}

step() { printf '\n==== %s\n' "$*"; }

step "build (build/)"
cmake -S . -B build
cmake --build build -j "$jobs"

step "install: the libraries as a user gets them (scripts/install-test.sh)"
scripts/install-test.sh build

# The kernel headers fetched here (build/kcache) serve the VM steps below too.
step "Debian packages: built, installed, used, dkms-built, purged (scripts/package-test.sh)"
scripts/package-test.sh --kcache build/kcache build-deb || [ $? = 77 ]

# Conformance against the peer on real captures (../shared/conformance, beside the clone in
# CI): every case must print exactly what sysdig 0.29.3 printed, except the exact lines that
# a departure of test/departures.json edits (test/departures.py makes those edits in a copy
# of the expected outputs, and fails when one no longer applies), else the run fails.
# check's "N passed, N failed" line is renamed so that it is not read as the run's closing
# result.
conf=$root/../shared/conformance/check
if [ -x "$conf" ]; then
	step "conformance: every case identical to sysdig 0.29.3 (departures: docs/DEPARTURES.md)"
	set +e
	SCRY_CONFORMANCE=$conf python3 test/departures.py conformance "$root/build/bin/scry" --diff \
		>build/conformance.log 2>&1
	rc=$?
	set -e
	grep -v '^ok ' build/conformance.log |
		sed -E 's/^([0-9]+) passed, ([0-9]+) failed$/conformance outputs \1 identical, \2 differ/'
	if [ $rc != 0 ]; then
		echo "test: scry's output differs from sysdig 0.29.3's (see above)" >&2
		exit 1
	fi
else
	step "conformance skipped: no ../shared/conformance/check"
fi

# scry -w: re-written captures replay as the originals in scry and sysdig (skips itself
# without ../shared; the sysdig comparisons need sysdig).
step "scry -w round trips, filtered re-writes, rotation, interruption (test/write_roundtrip.py)"
python3 test/write_roundtrip.py --scry build/bin/scry | grep -v '^ok '

step "ASan + UBSan build and unit tests (build-asan/)"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DSCRY_SANITIZE=ON
cmake --build build-asan -j "$jobs"
ctest --test-dir build-asan --output-on-failure -j "$jobs"

# The fuzz targets run when test/fuzz/ declares them and the fuzz preset builds them,
# each for fuzz_seconds from its committed seeds (45 s x 4: the step stays ~3 min); a
# finding (crash, leak, timeout, sanitizer report) fails the run. The filter and format
# targets evaluate on the generated demo capture (SCRY_FUZZ_EVENTS: another one).
fuzz_targets=(fuzz_savefile fuzz_sinsp fuzz_filter fuzz_format)
if grep -qs fuzz_savefile test/fuzz/CMakeLists.txt; then
	step "libFuzzer: ${fuzz_targets[*]}, ${fuzz_seconds}s each (build-fuzz/)"
	cmake --preset fuzz
	for t in "${fuzz_targets[@]}"; do
		if ! cmake --build build-fuzz --target help | grep -w "$t" >/dev/null; then
			echo "test: the fuzz build does not define $t" >&2
			exit 1
		fi
	done
	cmake --build build-fuzz -j "$jobs" --target "${fuzz_targets[@]}"
	mkdir -p build-fuzz/artifacts
	python3 scripts/mkcapture.py build-fuzz/demo.scap
	for t in "${fuzz_targets[@]}"; do
		fuzzer=$(find build-fuzz -type f -name "$t" -perm -u+x | head -n 1)
		[ -n "$fuzzer" ] || { echo "test: $t was not built" >&2; exit 1; }
		corpus=build-fuzz/corpus-$t      # new inputs go here; the seed dirs are only read
		mkdir -p "$corpus"
		args=()
		case $t in
		fuzz_savefile|fuzz_sinsp)
			cp build-fuzz/demo.scap "$corpus/demo.scap"
			seeds=(test/fuzz/corpus/savefile)
			[ -d test/data ] && seeds+=(test/data) ;;
		fuzz_filter) seeds=(test/fuzz/corpus/filter); args=(-dict=test/fuzz/filter.dict) ;;
		fuzz_format) seeds=(test/fuzz/corpus/format); args=(-dict=test/fuzz/filter.dict) ;;
		esac
		log=build-fuzz/$t.log
		if ! "$fuzzer" -max_total_time="$fuzz_seconds" -timeout=10 -rss_limit_mb=2048 \
			-artifact_prefix=build-fuzz/artifacts/ "${args[@]}" "$corpus" "${seeds[@]}" \
			>"$log" 2>&1; then
			tail -n 80 "$log"
			echo "test: $t found a crash, a leak or a timeout (see build-fuzz/artifacts/)" >&2
			exit 1
		fi
		printf '%s: ' "$t"
		grep -E '^(#[0-9]+[[:space:]]+DONE|Done [0-9]+ runs)' "$log" | tr '\n' ' ' || tail -n 3 "$log"
		echo
	done
else
	step "libFuzzer skipped: test/fuzz/ does not define fuzz_savefile yet"
fi

step "central collection: a 3-node NATS JetStream cluster, two publishers, a node killed, a 30 s outage (test/stream/nats_cluster_test.py)"
python3 test/stream/nats_cluster_test.py --scry build/bin/scry

step "eBPF probe: workload and stress captured by the bpf engine"; test/driver/bpf_test.sh build || [ $? = 77 ]

step "sysdig 0.29.3 replays a live capture of scry's as scry does (test/driver/sysdig_compat_test.sh)"
test/driver/sysdig_compat_test.sh build || [ $? = 77 ]

# The container runtimes run only for this step: after the ASan unit tests and the eBPF
# live tests (whose captures and timings they would disturb), before the VM steps. Every
# daemon started is stopped by its PID, also when the step fails.
step "containers: Falco's rules live (test/containers/rules_live_test.sh); scryd's CPU spike alert live (test/containers/metrics_live_test.sh); scryd scraped by Prometheus live (prom_live_test.sh); docker, podman, containerd CRI, lxc captured live, replayed once gone (test/containers/e2e_test.sh)"
if [ "$(id -u)" = 0 ]; then
	rtdir=$root/build/runtimes
	trap 'scripts/runtimes.sh stop "$rtdir"' EXIT
	scripts/runtimes.sh start "$rtdir"
	# the ctests that ask the runtimes skip without them (elsewhere a socket file a killed
	# daemon left skips them too): here they must run (test_cri_live with the CRI image
	# runtimes.sh imported)
	(set -a; . "$rtdir/env"; SCRY_CRI_IMAGE=$SCRY_IMAGE SCRY_RUNTIMES_REQUIRED=1
	 ctest --test-dir build -R '^(runtime_live|test_cri_live)$' --output-on-failure)
	# Falco's default rules live: a shell with a terminal in a docker container, a write
	# below /etc (before e2e_test.sh, which stops the runtimes when it ends)
	test/containers/rules_live_test.sh build "$rtdir" || [ $? = 77 ]
	# scryd's metrics live: a container burning CPU gets a CPU spike alert, its CPU
	# agrees with its cgroup's accounting
	test/containers/metrics_live_test.sh build "$rtdir" || [ $? = 77 ]
	# scry top in tmux: a busy container first by CPU (live), drill-down, stepping (-r)
	python3 test/containers/top_test.py build "$rtdir" || [ $? = 77 ]
	# scryd live with a docker container at work, scraped by a real Prometheus: the
	# container's series with its id, name and image
	test/containers/prom_live_test.sh build "$rtdir" || [ $? = 77 ]
	test/containers/e2e_test.sh build "$rtdir" || [ $? = 77 ]
	scripts/runtimes.sh stop "$rtdir"
	trap - EXIT
else
	echo "containers: skipped: not root"
fi

step "driver: scry.ko in a qemu VM booting Debian's kernel (scripts/vm/driver-test.sh)"
timeout 2400 scripts/vm/driver-test.sh --build build

step "eBPF probe on Debian's kernel in qemu, against the module in the same boot (test/driver/bpf_vm.sh)"
timeout 1800 test/driver/bpf_vm.sh --build build

step "unit tests (build/)"
ctest --test-dir build --output-on-failure -j "$jobs"

#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
#
# test/containers/e2e_test.sh [BUILD [RUNTIMES_DIR]]: one container of each real runtime,
# captured live by scry (eBPF probe), replayed after every container and runtime is gone.
#
#   1. the runtimes (scripts/runtimes.sh start RUNTIMES_DIR: those that run already are
#      used as they are): dockerd, podman's service, containerd with CRI;
#   2. one container each running a loop (busybox sh: cat /etc/passwd, sleep 0.2):
#        docker      scry-e2e-docker from scry-busybox:ci
#        podman      scry-e2e-podman from localhost/scry-busybox:ci
#        cri         pod scry-e2e-pod in namespace scry-e2e (labels app=scry-e2e,
#                    tier=loop) and its container "loop", by the CRI driver tool
#                    ($SCRY_CRI_POD, default BUILD/bin/cri_pod; that part is skipped,
#                    and said so, when the tool is not there)
#        lxc         scry-e2e-lxc (lxc-create -t busybox, lxc.net.0.type = empty)
#   3. `scry --engine bpf -w BUILD/containers-e2e/live.scap` of the containers' events
#      (and the container records), until the capture holds events of every container
#      (polling the file with scry -r), then (up to 30 s more) until it names each one;
#   4. a capture rotated by size (-C 2 -W 5) until its fourth file is begun: the whole
#      files after the first show every event of each container with its name (the
#      container records are in every file);
#   5. a live `scry -p ... container.name=scry-e2e-docker` matches that container's
#      events only (and at least 10 of them);
#   6. removes every container, stops the runtimes (scripts/runtimes.sh stop), stops scry;
#   7. `scry -r live.scap` shows on each container's events its container.id,
#      container.type, container.name, container.image, and for the pod k8s.pod.name,
#      k8s.ns.name: every event from the first one that has the metadata on (the runtimes
#      answer asynchronously: the events before are counted and said).
# Each check prints "ok RUNTIME: ..." or "FAIL RUNTIME: ... got ..., want ..."; a summary
# per runtime closes the output. Results in BUILD/containers-e2e/. Exit 0 when every check
# passed; 1 on a failure; 77 (skipped) when not root, without BTF or without an eBPF probe.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
build=$(cd "${1:-build}" && pwd)
rtdir=${2:-$build/runtimes}
bin=$build/bin
out=$build/containers-e2e
cri_pod=${SCRY_CRI_POD:-$bin/cri_pod}

skip() { echo "e2e: skipped: $*"; exit 77; }
[ "$(id -u)" = 0 ] || skip "not root"
[ -r /sys/kernel/btf/vmlinux ] || skip "no kernel BTF (/sys/kernel/btf/vmlinux)"
[ -f "$build/driver/bpf/probe.skel.h" ] || skip "this build has no eBPF probe (see CMake's output)"
[ -x "$bin/scry" ] || { echo "e2e: $bin/scry missing" >&2; exit 1; }
rm -rf "$out"
mkdir -p "$out"
. "$root/test/driver/guest_lib.sh"

# ---- results --------------------------------------------------------------------------
declare -A n_ok n_fail n_skip
runtimes=(docker podman cri lxc)
for r in "${runtimes[@]}"; do n_ok[$r]=0; n_fail[$r]=0; n_skip[$r]=0; done
ok() { echo "ok   $1: $2"; n_ok[$1]=$((n_ok[$1] + 1)); }
bad() { echo "FAIL $1: $2"; n_fail[$1]=$((n_fail[$1] + 1)); }
skipped() { echo "SKIP $1: $2"; n_skip[$1]=$((n_skip[$1] + 1)); }
# check RUNTIME WHAT GOT WANT
check() {
	if [ "$3" = "$4" ]; then ok "$1" "$2 = $4"; else bad "$1" "$2: got '$3', want '$4'"; fi
}

# ---- start ----------------------------------------------------------------------------
loop='while :; do cat /etc/passwd >/dev/null; sleep 0.2; done'
scry_pid=
rot_pid=
live_pid=
pod_id=
cleanup() {
	set +e
	# SIGTERM: a background job of a script ignores SIGINT until scry's handler is set
	[ -n "$live_pid" ] && kill -TERM "$live_pid" 2>/dev/null
	[ -n "$scry_pid" ] && kill -TERM "$scry_pid" 2>/dev/null
	[ -n "$rot_pid" ] && kill -TERM "$rot_pid" 2>/dev/null
	remove_containers
	"$root/scripts/runtimes.sh" stop "$rtdir"
	[ -n "$scry_pid" ] && wait "$scry_pid" 2>/dev/null
	[ -n "$rot_pid" ] && wait "$rot_pid" 2>/dev/null
	[ -n "$live_pid" ] && wait "$live_pid" 2>/dev/null
	scry_pid=
	rot_pid=
	live_pid=
}
remove_containers() {
	[ -n "${SCRY_DOCKER:-}" ] && "$SCRY_DOCKER" rm -f scry-e2e-docker >/dev/null 2>&1
	command -v podman >/dev/null && podman rm -f -t 0 scry-e2e-podman >/dev/null 2>&1
	[ -n "$pod_id" ] && "$cri_pod" -s "$SCRY_CONTAINERD_SOCK" down "$pod_id" >/dev/null 2>&1
	pod_id=
	if lxc-info -n scry-e2e-lxc >/dev/null 2>&1; then
		lxc-stop -k -n scry-e2e-lxc >/dev/null 2>&1
		lxc-destroy -n scry-e2e-lxc >/dev/null 2>&1
	fi
	return 0
}
trap cleanup EXIT

t0=$(date +%s.%N)
# (a no-op for the runtimes and images that are there already)
"$root/scripts/runtimes.sh" start "$rtdir"
set -a
. "$rtdir/env"
set +a
remove_containers    # leftovers of an interrupted run

# ---- one container of each runtime ----------------------------------------------------
declare -A cid want_type want_name want_image want_pod want_ns
if id=$("$SCRY_DOCKER" run -d --network none --name scry-e2e-docker "$SCRY_DOCKER_IMAGE" \
	sh -c "$loop" 2>"$out/docker.err"); then
	cid[docker]=${id:0:12}
	want_type[docker]=docker want_name[docker]=scry-e2e-docker
	want_image[docker]=$SCRY_DOCKER_IMAGE
else
	bad docker "docker run: $(cat "$out/docker.err")"
fi
if id=$(podman run -d --network none --name scry-e2e-podman "$SCRY_IMAGE" sh -c "$loop" \
	2>"$out/podman.err"); then
	cid[podman]=${id:0:12}
	want_type[podman]=podman want_name[podman]=scry-e2e-podman want_image[podman]=$SCRY_IMAGE
else
	bad podman "podman run: $(cat "$out/podman.err")"
fi
# the CRI answers once containerd's CRI plugin has initialized (a CRI Version request)
cri_ready() {
	local end=$((SECONDS + 120))
	until "$cri_pod" -s "$SCRY_CONTAINERD_SOCK" version >"$out/cri_version.txt" 2>&1; do
		[ $SECONDS -lt $end ] || return 1
		sleep 0.2
	done
}
if [ ! -x "$cri_pod" ]; then
	skipped cri "no CRI driver tool at $cri_pod (set SCRY_CRI_POD): the CRI pod is not tested"
elif ! cri_ready; then
	bad cri "the CRI of $SCRY_CONTAINERD_SOCK did not answer in 120 s: $(cat "$out/cri_version.txt")"
# (a pod uid of this run: a pod an interrupted run left would hold the name otherwise)
elif up=$("$cri_pod" -s "$SCRY_CONTAINERD_SOCK" up -n scry-e2e-pod -N scry-e2e \
	-u "$(printf '5c3a0e2f-9d41-4b7e-%04x-%012x' $((RANDOM)) $$)" -i "$SCRY_IMAGE" -c loop \
	-l app=scry-e2e -l tier=loop -- /bin/sh -c "$loop" 2>"$out/cri.err"); then
	pod_id=${up% *}
	id=${up#* }
	cid[cri]=${id:0:12}
	# the runtime answering the CRI, as sysdig names it; the container's CRI name
	want_type[cri]=containerd want_name[cri]=loop want_image[cri]=$SCRY_IMAGE
	want_pod[cri]=scry-e2e-pod want_ns[cri]=scry-e2e
else
	bad cri "cri_pod up: $(cat "$out/cri.err")"
fi
printf 'lxc.net.0.type = empty\n' >"$out/lxc.conf"
if lxc-create -t busybox -n scry-e2e-lxc -f "$out/lxc.conf" >"$out/lxc.log" 2>&1 &&
	lxc-start -n scry-e2e-lxc -d -- /bin/sh -c "$loop" >>"$out/lxc.log" 2>&1; then
	cid[lxc]=scry-e2e-lxc
	# lxc has no image: the name is the id, the image is not known
	want_type[lxc]=lxc want_name[lxc]=scry-e2e-lxc want_image[lxc]='<NA>'
else
	bad lxc "lxc-create/lxc-start: $(tail -n 5 "$out/lxc.log")"
fi
for r in "${runtimes[@]}"; do
	[ -n "${cid[$r]:-}" ] && echo "e2e: $r container ${cid[$r]} runs"
done
t_up=$(date +%s.%N)

# ---- the live capture: the containers' events and the container records ---------------
ids=$(IFS=,; echo "${cid[*]}")
[ -n "$ids" ] || { echo "e2e: no container runs" >&2; exit 1; }
"$bin/scry" --engine bpf --notify-start -w "$out/live.scap" \
	"container.id in ($ids) or evt.type = container" 2>"$out/scry.err" &
scry_pid=$!
wait_capturing $scry_pid "$out/scry.err" || { echo "e2e: scry did not start: $(cat "$out/scry.err")" >&2; exit 1; }
# replayed FIELDS of the capture so far ("id|name" lines, distinct). The capturing line
# comes before scry has written the machine's state (the /proc scan follows it), so the
# file may not even hold its header yet: a failed read is "nothing seen yet".
seen() { { "$bin/scry" -r "$out/live.scap" -p "*%container.id|$1" 2>/dev/null || true; } |
	sort -u; }
# until every running container's id, then its name (up to 30 s), is in the capture
for phase in ids names; do
	end=$((SECONDS + 120))          # 120 s for the ids, 30 s more for the names
	[ $phase = ids ] || end=$((SECONDS + 30))
	while [ $SECONDS -lt $end ]; do
		s=$(seen '%container.name')
		missing=
		for r in "${!cid[@]}"; do
			if [ $phase = ids ]; then
				grep -q "^${cid[$r]}|" <<<"$s" || missing+=" $r"
			else
				grep -qx "${cid[$r]}|${want_name[$r]}" <<<"$s" || missing+=" $r"
			fi
		done
		[ -z "$missing" ] && break
		kill -0 $scry_pid 2>/dev/null || { echo "e2e: scry exited: $(cat "$out/scry.err")" >&2; exit 1; }
		sleep 0.2
	done
	if [ -n "$missing" ]; then
		echo "e2e: after the wait, the capture has no container $phase for:$missing"
		[ $phase = ids ] && for r in $missing; do bad "$r" "no event of container ${cid[$r]} in the live capture"; unset "cid[$r]"; done
	fi
done
t_seen=$(date +%s.%N)

# ---- a capture rotated by size: the container records in every file ----------------------
# (-C 2 -W 5: until the fourth file is begun, so that the second and third are whole;
# each file begins with the machine's process table)
"$bin/scry" --engine bpf --notify-start -w "$out/rot.scap" -C 2 -W 5 \
	"container.id in ($ids) or evt.type = container" 2>"$out/rot.err" &
rot_pid=$!
wait_capturing $rot_pid "$out/rot.err" || { echo "e2e: scry -C did not start: $(cat "$out/rot.err")" >&2; exit 1; }
end=$((SECONDS + 120))
while [ ! -e "$out/rot.scap3" ] && [ $SECONDS -lt $end ] && kill -0 $rot_pid 2>/dev/null; do
	sleep 0.2
done
kill -INT $rot_pid 2>/dev/null || true
wait $rot_pid || { echo "e2e: scry -w -C exited $?: $(cat "$out/rot.err")" >&2; exit 1; }
rot_pid=
rot_files=()
for f in "$out"/rot.scap[0-9]*; do [ -e "$f" ] && rot_files+=("$f"); done

# ---- a live -p filtered by container.name ---------------------------------------------
if [ -n "${cid[docker]:-}" ]; then
	timeout 30 "$bin/scry" --engine bpf -n 10 -p '*%container.id %container.name %proc.name' \
		container.name=scry-e2e-docker >"$out/live_name.txt" 2>"$out/live_name.err" &
	live_pid=$!
	wait $live_pid || true
	live_pid=
	n=$(wc -l <"$out/live_name.txt")
	others=$(grep -vc "^${cid[docker]} scry-e2e-docker " "$out/live_name.txt" || true)
	if [ "$n" -ge 10 ] && [ "$others" = 0 ]; then
		ok docker "live -p container.name=scry-e2e-docker: $n events, all of ${cid[docker]}"
	else
		bad docker "live -p container.name=scry-e2e-docker: $n events, $others of another container (see $out/live_name.txt)"
	fi
fi

# ---- everything gone, then the replay --------------------------------------------------
remove_containers
"$root/scripts/runtimes.sh" stop "$rtdir"
kill -INT $scry_pid
wait $scry_pid || { echo "e2e: scry -w exited $?: $(cat "$out/scry.err")" >&2; exit 1; }
scry_pid=
t_down=$(date +%s.%N)

# k8s.* exist once the CRI lookups are in (a missing field fails the pod's checks)
FMT='*%container.id|%container.type|%container.name|%container.image'
if "$bin/scry" -l | grep -q '^k8s\.pod\.name '; then
	FMT+='|%k8s.pod.name|%k8s.ns.name'
else
	FMT+='|(no k8s.pod.name field)|(no k8s.ns.name field)'
fi
"$bin/scry" -r "$out/live.scap" -p "$FMT" >"$out/replay.txt" 2>"$out/replay.err" ||
	{ echo "e2e: scry -r failed: $(cat "$out/replay.err")" >&2; exit 1; }
for r in "${runtimes[@]}"; do
	[ -n "${cid[$r]:-}" ] || continue
	f=$out/replay-$r.txt
	grep "^${cid[$r]}|" "$out/replay.txt" >"$f" || true
	n=$(wc -l <"$f")
	if [ "$n" = 0 ]; then
		bad "$r" "no event of ${cid[$r]} in the replay"
		continue
	fi
	# The runtimes are asked asynchronously: the container's first events may come before
	# the answer (and its container record) and lack the metadata. From the first event
	# that has a name on, every event must say the same.
	first=$(grep -n -v '^[^|]*|[^|]*|<NA>|' "$f" | head -n 1 | cut -d: -f1 || true)
	[ -n "$first" ] || first=$n
	lines=$(tail -n +"$first" "$f" | sort | uniq -c | sort -rn)
	distinct=$(wc -l <<<"$lines")
	[ "$distinct" = 1 ] ||
		bad "$r" "its events from the first named one on show $distinct different lines: $(head -n 3 <<<"$lines" | tr '\n' ';')"
	if grep -q -v '^[^|]*|[^|]*|<NA>|' "$f"; then
		echo "info $r: $n events, $((first - 1)) of them before the metadata"
	else
		echo "info $r: $n events, none with the metadata"
	fi
	IFS='|' read -r id type name image pod ns <<<"$(sed -n "${first}p" "$f")"
	check "$r" "container.id ($n events)" "$id" "${cid[$r]}"
	check "$r" container.type "$type" "${want_type[$r]}"
	check "$r" container.name "$name" "${want_name[$r]}"
	check "$r" container.image "$image" "${want_image[$r]}"
	if [ -n "${want_pod[$r]:-}" ]; then
		check "$r" k8s.pod.name "$pod" "${want_pod[$r]}"
		check "$r" k8s.ns.name "$ns" "${want_ns[$r]}"
	fi
done

# Every whole rotated file but the first replays on its own with the metadata, from its
# first event on (the records were written at the file's start). The first file begins
# before the runtimes answered; the last one was cut short.
if [ ${#rot_files[@]} -lt 4 ]; then
	for r in "${!cid[@]}"; do bad "$r" "scry -C 2 wrote ${#rot_files[@]} files in 120 s, want 4 or more"; done
fi
declare -A rot_n
for f in "${rot_files[@]}"; do
	[ "$f" = "$out/rot.scap0" ] || [ "$f" = "${rot_files[-1]}" ] && continue
	"$bin/scry" -r "$f" -p '*%container.id|%container.name' >"$f.txt" 2>"$f.err" ||
		{ bad docker "scry -r $(basename "$f"): $(cat "$f.err")"; continue; }
	for r in "${runtimes[@]}"; do
		[ -n "${cid[$r]:-}" ] || continue
		n=$(grep -c "^${cid[$r]}|" "$f.txt" || true)
		named=$(grep -c -x "${cid[$r]}|${want_name[$r]}" "$f.txt" || true)
		rot_n[$r]=$((${rot_n[$r]:-0} + n))
		if [ "$named" = "$n" ]; then
			ok "$r" "rotated file $(basename "$f"): its $n events named ${want_name[$r]}"
		else
			bad "$r" "rotated file $(basename "$f"): $named of its $n events named ${want_name[$r]}"
		fi
	done
done
for r in "${!cid[@]}"; do
	[ "${rot_n[$r]:-0}" -gt 0 ] || bad "$r" "no event in the whole rotated files"
done

el() { awk "BEGIN { printf \"%.1f\", $2 - $1 }"; }
echo "e2e: times (s): runtimes and containers up $(el "$t0" "$t_up"), events seen $(el "$t_up" "$t_seen"), live -p and teardown $(el "$t_seen" "$t_down"), total $(el "$t0" "$(date +%s.%N)")"
fails=0
for r in "${runtimes[@]}"; do
	printf 'e2e: %-6s %d ok, %d failed, %d skipped\n' "$r" "${n_ok[$r]}" "${n_fail[$r]}" "${n_skip[$r]}"
	fails=$((fails + n_fail[$r]))
done
[ $fails = 0 ]

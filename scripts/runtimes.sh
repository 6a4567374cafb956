#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
#
# scripts/runtimes.sh start|stop DIR: the real container runtimes of the container tests,
# started and stopped by PID, on a Debian 12 machine as root (no systemd needed; hybrid or
# unified cgroups; CAP_SYS_RESOURCE may be missing from the bounding set; no registry).
#
# start  starts, each in the background with its pid in DIR/NAME.pid and its output in
#        DIR/NAME.log, and waits (polling with a real request, up to 120 s each) until it
#        answers:
#          containerd  /usr/bin/containerd with DIR/containerd.toml: the CRI plugin with
#                      restrict_oom_score_adj = true (lowering a score needs
#                      CAP_SYS_RESOURCE) and the sandbox image localhost/scry-pause:ci;
#                      ready when `ctr plugins ls` lists the CRI plugin as ok
#          dockerd     Debian's docker.io, no flags (it uses the containerd above); ready
#                      when GET /_ping on /var/run/docker.sock answers OK
#          podman      `podman system service --time=0 unix:///run/podman/podman.sock`;
#                      ready when GET /_ping answers OK. podman needs runtime = "runc",
#                      cgroup_manager = "cgroupfs" (no systemd) and default_ulimits within
#                      the hard limits a process without CAP_SYS_RESOURCE may set: written
#                      to /etc/containers/containers.conf when that file is absent (removed
#                      again by stop), else, when the file there lacks one of them, to
#                      DIR/containers.conf used through CONTAINERS_CONF (said on stderr;
#                      /etc is left alone)
#        and makes the images, from a busybox-static root file system (DIR/rootfs.tar):
#          docker      scry-busybox:ci (docker import)
#          podman      localhost/scry-busybox:ci (podman import)
#          containerd  localhost/scry-busybox:ci and localhost/scry-pause:ci in namespace
#                      k8s.io (podman save --format oci-archive, ctr images import)
#        lxc has no daemon: the tests make their containers with lxc-create -t busybox.
#        DIR/env holds the variables a test sources (CONTAINERS_CONF when used, the
#        sockets, the image names). A runtime whose socket already answers (a developer's
#        own daemon, or one started by an earlier start) is used as is, not started again;
#        an image that exists is not made again: start twice is start once.
# stop   stops, in reverse order, every daemon whose pid file is in DIR (SIGTERM, then
#        SIGKILL after 60 s), and removes what start wrote outside DIR.
# Exit 0 on success; 1 with the daemon's last log lines when one does not start.
set -euo pipefail

usage() { echo "usage: scripts/runtimes.sh start|stop DIR" >&2; exit 2; }
[ $# = 2 ] || usage
cmd=$1
mkdir -p "$2"
dir=$(cd "$2" && pwd)

docker=/usr/bin/docker          # another docker CLI may come first in PATH
docker_sock=/var/run/docker.sock
podman_sock=/run/podman/podman.sock
containerd_sock=/run/containerd/containerd.sock
image=localhost/scry-busybox:ci
pause_image=localhost/scry-pause:ci
docker_image=scry-busybox:ci

say() { echo "runtimes: $*" >&2; }
die() { say "$*"; exit 1; }

# wait_for NAME PID CHECK...: poll CHECK (a command) until it succeeds; fail when the
# daemon PID exits first or after 120 s.
wait_for() {
	local name=$1 pid=$2 i
	shift 2
	for ((i = 0; i < 1200; i++)); do
		if "$@" >/dev/null 2>&1; then
			return 0
		fi
		if ! kill -0 "$pid" 2>/dev/null; then
			tail -n 20 "$dir/$name.log" >&2 || true
			die "$name exited before it answered (log: $dir/$name.log)"
		fi
		sleep 0.1
	done
	tail -n 20 "$dir/$name.log" >&2 || true
	die "$name did not answer within 120 s (log: $dir/$name.log)"
}

# spawn NAME CMD...: start CMD in its own session, pid to DIR/NAME.pid.
spawn() {
	local name=$1
	shift
	setsid "$@" </dev/null >"$dir/$name.log" 2>&1 &
	echo $! >"$dir/$name.pid"
}

ping_sock() { [ "$(curl -s --max-time 5 --unix-socket "$1" http://d/_ping)" = OK ]; }
cri_ok() { ctr --address "$containerd_sock" plugins ls | grep -Eq 'io\.containerd\.grpc\.v1[[:space:]]+cri[[:space:]].*ok'; }

# The busybox-static root file system: /bin/busybox and a link per applet.
make_rootfs() {
	local r=$dir/rootfs a
	rm -rf "$r"
	mkdir -p "$r"/{bin,dev,etc,proc,sys,tmp,root}
	cp /bin/busybox "$r/bin/busybox"
	for a in $(/bin/busybox --list); do
		[ "$a" = busybox ] || ln -sf busybox "$r/bin/$a"
	done
	echo 'root:x:0:0:root:/root:/bin/sh' >"$r/etc/passwd"
	echo 'root:x:0:' >"$r/etc/group"
	tar -C "$r" -cf "$dir/rootfs.tar" .
	rm -rf "$r"
}

start_containerd() {
	if ping_cri_socket; then
		say "containerd: $containerd_sock answers already: used as is"
		cri_ok >/dev/null 2>&1 ||
			say "containerd: warning: that containerd has no working CRI plugin: the CRI tests fail"
		return
	fi
	cat >"$dir/containerd.toml" <<EOF
version = 2
[grpc]
  address = "$containerd_sock"
[plugins."io.containerd.grpc.v1.cri"]
  restrict_oom_score_adj = true
  sandbox_image = "$pause_image"
  [plugins."io.containerd.grpc.v1.cri".cni]
    bin_dir = "/usr/lib/cni"
    conf_dir = "/etc/cni/net.d"
EOF
	spawn containerd /usr/bin/containerd --config "$dir/containerd.toml"
	wait_for containerd "$(cat "$dir/containerd.pid")" cri_ok
}
ping_cri_socket() { [ -S "$containerd_sock" ] && ctr --address "$containerd_sock" version; } >/dev/null 2>&1

start_dockerd() {
	if ping_sock "$docker_sock"; then
		say "dockerd: $docker_sock answers already: used as is"
	else
		spawn dockerd /usr/sbin/dockerd
		wait_for dockerd "$(cat "$dir/dockerd.pid")" ping_sock "$docker_sock"
	fi
	"$docker" image inspect "$docker_image" >/dev/null 2>&1 ||
		"$docker" import -c 'CMD ["/bin/sh"]' "$dir/rootfs.tar" "$docker_image" >/dev/null
}

# podman's settings: in /etc/containers/containers.conf when that file is absent or has
# them all, else in DIR/containers.conf through CONTAINERS_CONF.
podman_conf() {
	local etc=/etc/containers/containers.conf
	local body='[containers]
default_ulimits = ["nofile=20000:20000", "nproc=4096:4096"]

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"'

	if [ ! -e "$etc" ]; then
		mkdir -p /etc/containers
		printf '# written by scry scripts/runtimes.sh; removed by its stop\n%s\n' "$body" >"$etc"
		echo "$etc" >"$dir/containers.conf.created"
		return
	fi
	if grep -Eq '^[[:space:]]*runtime[[:space:]]*=[[:space:]]*"runc"' "$etc" &&
		grep -Eq '^[[:space:]]*cgroup_manager[[:space:]]*=[[:space:]]*"cgroupfs"' "$etc" &&
		grep -Eq '^[[:space:]]*default_ulimits[[:space:]]*=' "$etc"; then
		return
	fi
	printf '%s\n' "$body" >"$dir/containers.conf"
	export CONTAINERS_CONF=$dir/containers.conf
	echo "CONTAINERS_CONF=$dir/containers.conf; export CONTAINERS_CONF" >>"$dir/env"
	say "podman: $etc lacks runtime = \"runc\", cgroup_manager = \"cgroupfs\" or" \
		"default_ulimits: left alone; using CONTAINERS_CONF=$dir/containers.conf"
}

start_podman() {
	podman_conf
	if ping_sock "$podman_sock"; then
		say "podman: $podman_sock answers already: used as is"
	else
		mkdir -p "$(dirname "$podman_sock")"
		spawn podman podman system service --time=0 "unix://$podman_sock"
		wait_for podman "$(cat "$dir/podman.pid")" ping_sock "$podman_sock"
	fi
	podman image exists "$image" ||
		podman import -q -c 'CMD ["/bin/sh"]' "$dir/rootfs.tar" "$image" >/dev/null
	podman image exists "$pause_image" ||
		podman import -q -c 'ENTRYPOINT ["/bin/sleep", "2147483647"]' "$dir/rootfs.tar" \
			"$pause_image" >/dev/null
	# podman's images into containerd's CRI namespace
	local i f
	for i in "$image" "$pause_image"; do
		ctr --address "$containerd_sock" -n k8s.io images ls -q | grep -qx "$i" && continue
		f=$dir/$(basename "${i%%:*}").oci.tar
		rm -f "$f"
		podman save -q --format oci-archive -o "$f" "$i"
		ctr --address "$containerd_sock" -n k8s.io images import --base-name "${i%%:*}" "$f" \
			>/dev/null
		ctr --address "$containerd_sock" -n k8s.io images ls -q | grep -qx "$i" ||
			die "containerd: $i is not in namespace k8s.io after the import"
		rm -f "$f"
	done
}

# stop_pid NAME: SIGTERM the daemon of DIR/NAME.pid, SIGKILL after 60 s.
stop_pid() {
	local name=$1 f=$dir/$1.pid pid i
	[ -f "$f" ] || return 0
	pid=$(cat "$f")
	if kill -TERM "$pid" 2>/dev/null; then
		for ((i = 0; i < 600; i++)); do
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.1
		done
		if kill -0 "$pid" 2>/dev/null; then
			say "$name (pid $pid) still runs 60 s after SIGTERM: SIGKILL"
			kill -KILL "$pid" 2>/dev/null || true
		fi
	fi
	rm -f "$f"
}

case $cmd in
start)
	[ "$(id -u)" = 0 ] || die "needs root"
	for p in /usr/bin/containerd /usr/sbin/dockerd "$docker" podman ctr runc curl lxc-create /bin/busybox; do
		command -v "$p" >/dev/null || die "$p is missing (scripts/setup.sh --deps installs it)"
	done
	: >"$dir/env"
	t0=$(date +%s.%N)
	[ -f "$dir/rootfs.tar" ] || make_rootfs
	start_containerd
	start_dockerd
	start_podman
	cat >>"$dir/env" <<EOF
SCRY_DOCKER=$docker
SCRY_DOCKER_SOCK=$docker_sock
SCRY_PODMAN_SOCK=$podman_sock
SCRY_CONTAINERD_SOCK=$containerd_sock
SCRY_IMAGE=$image
SCRY_DOCKER_IMAGE=$docker_image
SCRY_PAUSE_IMAGE=$pause_image
EOF
	say "started in $(awk "BEGIN { printf \"%.1f\", $(date +%s.%N) - $t0 }") s: containerd, dockerd, podman (pids in $dir)"
	;;
stop)
	stop_pid podman
	stop_pid dockerd
	stop_pid containerd
	if [ -f "$dir/containers.conf.created" ]; then
		rm -f "$(cat "$dir/containers.conf.created")" "$dir/containers.conf.created"
	fi
	;;
*)
	usage ;;
esac

# SPDX-License-Identifier: Apache-2.0
#
# test/driver/guest_lib.sh - shell functions of the scripts that run inside the test VM
# (guest_peer.sh, live_test.sh, bench/kmod/guest.sh, bench/bpf/guest.sh) or capture on
# the host (sysdig_compat_test.sh, bpf_test.sh, bench/bpf/run); sourced with `.`, POSIX
# sh. They wait for conditions (a line, a file, a process state), never for a guessed
# time: a loaded host makes any guess wrong.

# wait_capturing PID ERRFILE: wait (up to 120 s: a TCG guest on a loaded host is slow)
# until scry (process PID, run with --notify-start and its stderr in ERRFILE) prints
# "scry: capturing ...": capture has begun (the initial /proc scan may still run; the
# events meanwhile are kept aside) and a SIGINT from then on ends it cleanly, once
# every event from before the signal is written (scry drains on the first
# SIGINT/SIGTERM). Return 1 when PID exits first or the line never comes.
wait_capturing() {
	_i=0
	until grep -q '^scry: capturing' "$2" 2>/dev/null; do
		kill -0 "$1" 2>/dev/null && [ $_i -lt 1200 ] || return 1
		sleep 0.1
		_i=$((_i + 1))
	done
}

# wait_caps_dropped PID: wait (up to 120 s) until scry (process PID, root) has dropped its
# capabilities: its CapEff is no longer the calling root shell's. scry says "capturing"
# before its initial /proc scan, which needs them, and drops them after it. Return 1
# when PID exits first or they are never dropped.
wait_caps_dropped() {
	_i=0
	_mine=$(grep '^CapEff' /proc/$$/status)
	while [ "$(grep '^CapEff' "/proc/$1/status" 2>/dev/null)" = "$_mine" ]; do
		kill -0 "$1" 2>/dev/null && [ $_i -lt 1200 ] || return 1
		sleep 0.1
		_i=$((_i + 1))
	done
}

# wait_devs PID NAME: wait (up to 120 s) until process PID holds every CPU's /dev/NAMEn
# open (a capture reading scry.ko's /dev/scryN or the peer's /dev/scapN). Return 1
# when PID exits first or they never all open.
wait_devs() {
	_i=0
	_n=$(grep -c ^processor /proc/cpuinfo)
	until [ "$(ls -l "/proc/$1/fd" 2>/dev/null | grep -c " /dev/$2[0-9]")" -ge "$_n" ]; do
		kill -0 "$1" 2>/dev/null && [ $_i -lt 1200 ] || return 1
		sleep 0.1
		_i=$((_i + 1))
	done
}

# wait_peer PID DEV: wait until the peer's sysdig (process PID) captures: its devices
# /dev/DEVn open (wait_devs), then 2 s for its /proc scan, after which its libscap
# starts the capture. The one wait here that is a time, not a condition: sysdig says
# nothing when it starts or when it has read its rings, and watching its event loop
# (its main thread sleeping in usleep(), /proc/PID/syscall) from the guest's shell did
# not work: the watcher's own processes are events that keep sysdig busy in the TCG
# guest, so it never idled in 10 minutes. Return 1 when PID exits or its devices never
# open.
wait_peer() {
	wait_devs "$1" "$2" || return 1
	sleep 2
}

# minus_m_window SCRY OUTFILE [ENGINE OPTIONS...]: run `SCRY OPTIONS -M 5 -w FILE` and
# write to OUTFILE "rc=RC start=T0 started=T1 end=T2" (date +%s.%N): T0 before the
# start, T1 once it captures (wait_capturing: its polling ends there, so the rest of the
# window is as idle as the machine is), T2 when it exited by itself (after 180 s it is
# killed: rc 143). test/driver/minus_m_window.py asserts on OUTFILE.
minus_m_window() {
	_scry=$1
	_res=$2
	shift 2
	_t0=$(date +%s.%N)
	"$_scry" "$@" --notify-start -M 5 -w /tmp/minus_m_window.scap 2>"$_res.err" &
	_p=$!
	# a watchdog that takes its sleep with it when it is ended first
	(trap 'kill $_s 2>/dev/null; exit 0' TERM; sleep 180 & _s=$!; wait $_s && kill $_p) \
		>/dev/null 2>&1 &
	_w=$!
	_t1=
	wait_capturing $_p "$_res.err" && _t1=$(date +%s.%N)
	_rc=0
	wait $_p || _rc=$?
	kill $_w 2>/dev/null
	echo "rc=$_rc start=$_t0 started=$_t1 end=$(date +%s.%N)" >"$_res"
	rm -f /tmp/minus_m_window.scap
}

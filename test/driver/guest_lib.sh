# SPDX-License-Identifier: Apache-2.0
#
# test/driver/guest_lib.sh - shell functions of the scripts that run inside the test VM
# (guest_peer.sh, live_test.sh, bench/kmod/guest.sh, bench/bpf/guest.sh) or capture on
# the host (sysdig_compat_test.sh); sourced with `.`, POSIX sh.

# wait_started PID: wait (up to 120 s: a TCG guest on a loaded host is slow) until the scry process PID captures: it drops its
# capabilities right after the start, so its permitted set shrinks to nothing (or
# CAP_DAC_OVERRIDE with -w). Return 1 when PID exits or never gets there.
wait_started() {
	_i=0
	while [ $_i -lt 600 ]; do
		_prm=$(sed -n 's/^CapPrm:[[:space:]]*//p' "/proc/$1/status" 2>/dev/null)
		case $_prm in
		"") return 1 ;;
		0000000000000000|0000000000000002) return 0 ;;
		esac
		sleep 0.2
		_i=$((_i + 1))
	done
	return 1
}

# wait_fds PID PATTERN N: wait (up to 120 s) until process PID holds N open files whose
# `ls -l /proc/PID/fd` line matches PATTERN (grep), then 2 s more for its initial /proc
# scan. Return 1 when PID exits or they never all open.
wait_fds() {
	_i=0
	while [ $_i -lt 600 ]; do
		kill -0 "$1" 2>/dev/null || return 1
		if [ "$(ls -l "/proc/$1/fd" 2>/dev/null | grep -c "$2")" -ge "$3" ]; then
			sleep 2
			return 0
		fi
		sleep 0.2
		_i=$((_i + 1))
	done
	return 1
}

# wait_devs PID NAME: wait until process PID holds every CPU's /dev/NAMEn open (a
# capture reading scry.ko's /dev/scryN or the peer's /dev/scapN); both drivers record
# from the open on. See wait_fds.
wait_devs() {
	wait_fds "$1" " /dev/$2[0-9]" "$(grep -c ^processor /proc/cpuinfo)"
}

# wait_links PID: wait until process PID holds the eBPF probe's four links (a capture
# with the bpf engine: it records from the attach on). See wait_fds.
wait_links() {
	wait_fds "$1" bpf_link 4
}

# minus_m_window SCRY OUTFILE [ENGINE OPTIONS...]: run `SCRY OPTIONS -M 5 -w FILE` and
# write to OUTFILE "rc=RC start=T0 started=T1 end=T2" (date +%s.%N): T0 before the
# start, T1 once it captures (wait_started: its polling ends there, so the rest of the
# window is as idle as the machine is), T2 when it exited by itself (after 180 s it is
# killed: rc 143). test/driver/minus_m_window.py asserts on OUTFILE.
minus_m_window() {
	_scry=$1
	_res=$2
	shift 2
	_t0=$(date +%s.%N)
	"$_scry" "$@" -M 5 -w /tmp/minus_m_window.scap 2>"$_res.err" &
	_p=$!
	# a watchdog that takes its sleep with it when it is ended first
	(trap 'kill $_s 2>/dev/null; exit 0' TERM; sleep 180 & _s=$!; wait $_s && kill $_p) \
		>/dev/null 2>&1 &
	_w=$!
	_t1=
	wait_started $_p && _t1=$(date +%s.%N)
	_rc=0
	wait $_p || _rc=$?
	kill $_w 2>/dev/null
	echo "rc=$_rc start=$_t0 started=$_t1 end=$(date +%s.%N)" >"$_res"
	rm -f /tmp/minus_m_window.scap
}

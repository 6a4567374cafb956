# SPDX-License-Identifier: Apache-2.0
#
# test/driver/guest_lib.sh - shell functions of the scripts that run inside the test VM
# (guest_peer.sh, live_test.sh, bench/kmod/guest.sh, bench/bpf/guest.sh) or capture on
# the host (sysdig_compat_test.sh); sourced with `.`, POSIX sh.

# wait_started PID: wait (up to 60 s) until the scry process PID captures: it drops its
# capabilities right after the start, so its permitted set shrinks to nothing (or
# CAP_DAC_OVERRIDE with -w). Return 1 when PID exits or never gets there.
wait_started() {
	_i=0
	while [ $_i -lt 300 ]; do
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

# wait_fds PID PATTERN N: wait (up to 60 s) until process PID holds N open files whose
# `ls -l /proc/PID/fd` line matches PATTERN (grep), then 2 s more for its initial /proc
# scan. Return 1 when PID exits or they never all open.
wait_fds() {
	_i=0
	while [ $_i -lt 300 ]; do
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

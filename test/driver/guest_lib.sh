# SPDX-License-Identifier: Apache-2.0
#
# test/driver/guest_lib.sh - shell functions of the scripts that run inside the test VM
# (guest_peer.sh, bench/kmod/guest.sh); sourced with `.`, POSIX sh.

# wait_devs PID NAME: wait (up to 60 s) until process PID holds every CPU's /dev/NAMEn
# open (a capture reading scry.ko's /dev/scryN or the peer's /dev/scapN), then 2 s more
# for its initial /proc scan; both drivers record from the open on. Return 1 when PID
# exits or the devices never all open.
wait_devs() {
	_n=$(grep -c ^processor /proc/cpuinfo)
	_i=0
	while [ $_i -lt 300 ]; do
		kill -0 "$1" 2>/dev/null || return 1
		if [ "$(ls -l "/proc/$1/fd" 2>/dev/null | grep -c " /dev/$2[0-9]")" -ge "$_n" ]; then
			sleep 2
			return 0
		fi
		sleep 0.2
		_i=$((_i + 1))
	done
	return 1
}

#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
#
# test/driver/live_test.sh KO BIN OUT - live capture with the scry CLI, inside the VM
# (scripts/vm/driver-test.sh boots it; test/driver/check_live.py asserts on OUT).
#   status0.txt, load.txt, status1.txt     scry --driver status / load (build-tree scry.ko)
#   live.scap                              scry -w while the workload runs
#   live.ids                               pids: shell, workload, scry; the fd 7 file
#   caps.txt, caps_print.txt               scry's capability sets while capturing (-w, -p)
#   print.txt                              scry -p ... proc.name=driver_workload (printing)
#   minus_m.rc                             scry -M 2 -w exits by itself
#   minus_m_idle.txt                       scry -k -M 5 -w on the idle guest: its times
#   nonroot.txt, nonroot.rc                scry run as nobody
#   busy.txt, busy.rc                      scry --driver unload while capturing
#   unload.txt, status2.txt, notloaded.txt after unloading
ko=$1
bin=$2
out=$3
mkdir -p "$out"
scry=$bin/scry
fail() { echo "live: FAIL: $*"; dmesg >"$out/dmesg.txt"; exit 1; }

. "$(dirname "$0")/guest_lib.sh"

"$scry" --driver status >"$out/status0.txt" 2>&1
echo $? >"$out/status0.rc"
"$scry" --driver load ring_bytes=4194304 >"$out/load.txt" 2>&1 || fail "scry --driver load"
"$scry" --driver status >"$out/status1.txt" 2>&1 || fail "scry --driver status"

cd /tmp || fail "cd /tmp"
# A file the shell holds open from before the capture: its name comes from /proc.
exec 7>/tmp/live_fd7.txt

"$scry" --notify-start -w "$out/live.scap" 2>"$out/live.err" &
spid=$!
wait_capturing $spid "$out/live.err" || fail "scry -w did not start"
wait_caps_dropped $spid || :   # check_live.py reports caps.txt
grep -E '^Cap(Inh|Prm|Eff|Bnd|Amb)' "/proc/$spid/status" >"$out/caps.txt"
echo "before the workload" >&7
"$bin/driver_workload" &
wpid=$!
wait $wpid || fail "workload"
/bin/sh -c 'exec /bin/echo live-exec-child' >/dev/null
echo "after the workload" >&7
# scry writes every event from before the SIGINT, then ends
kill -INT $spid
wait $spid
echo $? >"$out/write.rc"
echo "shell=$$ workload=$wpid scry=$spid shellcomm=$(cat /proc/$$/comm) shellexe=$(readlink /proc/$$/exe)" >"$out/live.ids"

# Printing with a filter.
"$scry" --notify-start -p '%proc.name %evt.dir %evt.type %fd.name' proc.name=driver_workload \
	>"$out/print.txt" 2>"$out/print.err" &
spid=$!
wait_capturing $spid "$out/print.err" || fail "scry -p did not start"
wait_caps_dropped $spid || :   # check_live.py reports caps.txt
grep -E '^Cap(Inh|Prm|Eff|Bnd|Amb)' "/proc/$spid/status" >"$out/caps_print.txt"
"$bin/driver_workload" || fail "workload (print)"
kill -INT $spid
wait $spid
echo $? >"$out/print.rc"

# -M: stops by itself after 2 s of capture (by the clock).
timeout 180 "$scry" -M 2 -w /tmp/live_m.scap
echo $? >"$out/minus_m.rc"
# ... and on the idle guest, where no event comes to end the window: the clock does.
minus_m_window "$scry" "$out/minus_m_idle.txt" -k

# A user without privileges.
setpriv --reuid=65534 --regid=65534 --clear-groups "$scry" -n 1 >"$out/nonroot.txt" 2>&1
echo $? >"$out/nonroot.rc"

# Unloading is refused while a capture runs.
"$scry" --notify-start -w /tmp/live_busy.scap 2>"$out/busy.err" &
spid=$!
wait_capturing $spid "$out/busy.err" || fail "scry (busy) did not start"
"$scry" --driver status >"$out/status_busy.txt" 2>&1
"$scry" --driver unload >"$out/busy.txt" 2>&1
echo $? >"$out/busy.rc"
kill -INT $spid
wait $spid

"$scry" --driver unload >"$out/unload.txt" 2>&1 || fail "scry --driver unload"
"$scry" --driver status >"$out/status2.txt" 2>&1
# -k: the module, not the eBPF engine scry falls back to when /dev/scry0 is absent.
"$scry" -k -n 1 >"$out/notloaded.txt" 2>&1
echo $? >"$out/notloaded.rc"
dmesg >"$out/dmesg.txt"
echo "live: ok"

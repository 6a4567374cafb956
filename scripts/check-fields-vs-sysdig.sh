#!/bin/bash
# Compare the list of fields of scry -l with sysdig -l (every sysdig field is listed, but
# for the classes README.md's table leaves out), then every field of the evt, proc,
# thread, fd, fdlist, syslog, user, group and container classes (and the k8s.* of a pod)
# as scry extracts it with what the installed sysdig (0.29.3) prints, on every trace.
#
#   scripts/check-fields-vs-sysdig.sh [-v] [-t TRACES_DIR] [FIELD...]
#
# For each field F (default: every field of those classes that `sysdig -l` lists, with
# arguments filled in for the fields that take one) and each trace T, runs
#   sysdig -r T -p '*%evt.num %F'   and   build/bin/scry -r T -p '*%evt.num %F'
# with TZ=UTC and compares the outputs. sysdig's outputs are cached under
# ${FIELDS_CACHE:-/tmp/fields_sysdig_cache}. Prints one line per field (ok / differs, with
# the first differing line pair under -v) and "N passed, N failed". Exit 1 on a difference.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
scry=${SCRY:-$here/build/bin/scry}
tdir=$here/../shared/conformance/traces
verbose=0
while [ $# -gt 0 ]; do
  case $1 in
    -v) verbose=1;;
    -t) tdir=$2; shift;;
    -*) echo "usage: $0 [-v] [-t TRACES_DIR] [FIELD...]" >&2; exit 2;;
    *) break;;
  esac; shift
done
export TZ=UTC
cache=${FIELDS_CACHE:-/tmp/fields_sysdig_cache}
mkdir -p "$cache"
tmp=$(mktemp -d /tmp/fields_check.XXXXXX); trap 'rm -rf "$tmp"' EXIT

# Fields that need an argument to be displayed, with the variants checked.
expand() {
  case $1 in
    evt.arg) echo "evt.arg[0] evt.arg[1] evt.arg[5] evt.arg.fd evt.arg.res evt.arg.name evt.arg.data evt.arg.flags";;
    evt.rawarg) echo "evt.rawarg.fd evt.rawarg.res evt.rawarg.name evt.rawarg.flags evt.rawarg.size evt.rawarg.tuple";;
    evt.type.is) echo "evt.type.is.open evt.type.is.read";;
    evt.abspath) echo "evt.abspath evt.abspath.src evt.abspath.dst";;
    proc.apid) echo "proc.apid proc.apid[0] proc.apid[1] proc.apid[2] proc.apid[3]";;
    proc.aname) echo "proc.aname proc.aname[0] proc.aname[1] proc.aname[2] proc.aname[3]";;
    thread.cgroup) echo "thread.cgroup.cpuacct thread.cgroup.memory thread.cgroup.nosuch";;
    container.mount) echo "container.mount[0] container.mount[/tmp]";;
    container.mount.*) echo "$1[0]";;
    k8s.pod.label) echo "k8s.pod.label.app";;
    evt.around|fd.ip|fd.port|fd.proto|fd.net|fd.cnet|fd.snet|fd.lnet|fd.rnet) ;; # filter only
    *) echo "$1";;
  esac
}

pass=0; fail=0
# The lists first: every field sysdig -l lists is in scry -l, but for the classes the
# README's table leaves out (tracers, Mesos/Marathon, Kubernetes API server objects).
left_out='^(evtin|span|mesos|marathon)\.|^k8s\.(rc|svc|rs|deployment)\.|^k8s\.ns\.(id|label|labels)$'
names() { grep -oE '^[a-z0-9_]+\.[a-zA-Z0-9_.]+' | sort -u; }
missing=$(comm -23 <(sysdig -l 2>/dev/null | names) <("$scry" -l | names) | grep -vE "$left_out")
echo "fields: scry lists $("$scry" -l | names | wc -l), sysdig $(sysdig -l 2>/dev/null | names | wc -l)," \
  "$(comm -23 <(sysdig -l 2>/dev/null | names) <("$scry" -l | names) | grep -cE "$left_out") left out (README)"
for f in $missing; do echo "missing $f"; fail=$((fail + 1)); done

if [ $# -gt 0 ]; then
  specs="$*"
else
  specs=
  for f in $(sysdig -l | grep -oE '^(evt|proc|thread|fd|fdlist|syslog|user|group|container|syscall)\.[a-z0-9_.]+|^k8s\.(pod\.(name|id|label|labels)|ns\.name)\b'); do
    case $f in evt.pluginname|evt.plugininfo|syscall.type) ;; esac
    specs="$specs $(expand "$f")"
  done
fi

for spec in $specs; do
  ok=1; first=
  for t in "$tdir"/*.scap; do
    tn=$(basename "$t" .scap)
    key=$(printf '%s' "$spec" | tr '/[]' '_()')
    exp=$cache/$tn.$key.out
    [ -f "$exp" ] || sysdig -r "$t" -p "*%evt.num %$spec" > "$exp" 2>&1
    "$scry" -r "$t" -p "*%evt.num %$spec" > "$tmp/got" 2>&1
    if ! cmp -s "$exp" "$tmp/got"; then
      ok=0
      [ -z "$first" ] && first="$tn: $(diff "$exp" "$tmp/got" | grep -m1 '^<') | $(diff "$exp" "$tmp/got" | grep -m1 '^>')"
    fi
  done
  if [ $ok = 1 ]; then pass=$((pass + 1)); echo "ok      $spec"
  else fail=$((fail + 1)); echo "differs $spec"; [ $verbose = 1 ] && echo "    $first"; fi
done
echo "$pass passed, $fail failed"
[ $fail = 0 ]

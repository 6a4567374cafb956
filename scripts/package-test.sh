#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
#
# scripts/package-test.sh [--kcache DIR] BUILD_DIR
#
# The Debian packages, end to end, on this machine (as root; CI's Debian 12):
#   1. build: BUILD_DIR configured for prefix /usr (Debian's; tests off), built, and
#      `cpack` makes scry, libscry0, libscry-dev and scry-dkms (cmake/ScryPackaging.cmake)
#   2. install: their Depends from apt (dkms, ...), then `dpkg -i` of the four; scry-dkms's
#      postinst must succeed without kernel headers or module support
#   3. files: each package's files (dpkg -L) are where they belong and nowhere else
#   4. use: programs built against the installed libscry-dev with pkg-config, shared and
#      static (build_against_dev SRC_DIR OUT_DIR), print what the installed scry prints;
#      the examples (examples/test.sh /usr) built and run against the packages
#   5. dkms: `dkms build` of the installed scry-dkms against Debian 12's kernel headers
#      (scripts/vm/fetch-kernel.sh, cached in --kcache DIR, default BUILD_DIR/kcache)
#      makes scry.ko for that kernel
#   6. purge: the four packages are purged, also when a step fails (trap), and nothing of
#      them is left (files, DKMS tree)
# BUILD_DIR should be a build folder of its own (scripts/test.sh: build-deb/): its
# prefix is set to /usr. The packages' Depends (dkms, ...) stay installed.
# Exit status: 0 passed, 1 failed, 2 usage, 77 skipped (not root, or not dpkg-based).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

kcache=
while [ $# -gt 0 ]; do
	case $1 in
	--kcache) kcache=${2:?--kcache DIR}; shift 2 ;;
	-*) echo "usage: $0 [--kcache DIR] BUILD_DIR" >&2; exit 2 ;;
	*) break ;;
	esac
done
[ $# = 1 ] || { echo "usage: $0 [--kcache DIR] BUILD_DIR" >&2; exit 2; }
build=$1
kcache=${kcache:-$build/kcache}

started=$SECONDS
step() { printf '\n== package-test (%ds): %s\n' $((SECONDS - started)) "$*"; }
fail() { echo "package-test: FAIL: $*" >&2; exit 1; }

if [ "$(id -u)" != 0 ]; then
	echo "package-test: skipped: dpkg -i needs root"
	exit 77
fi
command -v dpkg >/dev/null && command -v apt-get >/dev/null ||
	{ echo "package-test: skipped: not a dpkg/apt system"; exit 77; }

packages="scry libscry0 libscry-dev scry-dkms"
installed() { dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null | grep -qx installed; }
# The run ends by purging them: it must not take away an installation of the user's.
for p in $packages; do
	status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
	case $status in
	''|not-installed) ;;
	*) fail "$p is on this machine ($status); purge it first: dpkg --purge $packages" ;;
	esac
done

work=$(mktemp -d "${TMPDIR:-/tmp}/scry-package-test.XXXXXX")
purge() {
	local p present=
	for p in $packages; do
		dpkg-query -W "$p" >/dev/null 2>&1 && present="$present $p"
	done
	[ -z "$present" ] || dpkg --purge $present
}
cleanup() {
	local rc=$?
	trap - EXIT
	if [ $rc != 0 ]; then
		echo "package-test: failed (exit $rc): purging the packages" >&2
		purge >&2 || true
	fi
	rm -rf "$work"
	exit $rc
}
trap cleanup EXIT

# ---- 1. build
step "build $build (prefix /usr) and cpack"
cmake -S . -B "$build" -DCMAKE_INSTALL_PREFIX=/usr -DSCRY_BUILD_TESTS=OFF >"$work/cmake.log" ||
	{ cat "$work/cmake.log"; fail "cmake configure"; }
cmake --build "$build" -j "$(nproc)" >"$work/build.log" 2>&1 ||
	{ tail -n 40 "$work/build.log"; fail "build"; }
rm -rf "$build/deb"
(cd "$build" && cpack >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack"; }
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
[ -n "$version" ] || fail "no CMAKE_PROJECT_VERSION in $build/CMakeCache.txt"
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
debs=()
for p in $packages; do
	f=$(ls "$build/deb/${p}_${version}-"*.deb 2>/dev/null) || fail "cpack made no $p package"
	debs+=("$f")
	printf '%-40s %8d bytes  Depends: %s\n' "${f##*/}" "$(stat -c %s "$f")" \
		"$(dpkg-deb -f "$f" Depends)"
done

# ---- 2. install
step "install the packages' Depends from apt, then dpkg -i"
deps=$(for f in "${debs[@]}"; do dpkg-deb -f "$f" Depends; done |
	tr ',' '\n' | sed -E 's/\|.*//; s/\(.*\)//; s/[[:space:]]//g' | sort -u)
missing=
for d in $deps; do
	case " $packages " in *" $d "*) continue ;; esac
	installed "$d" || missing="$missing $d"
done
if [ -n "$missing" ]; then
	echo "apt-get install$missing"
	export DEBIAN_FRONTEND=noninteractive
	if ! timeout 600 apt-get install -y -q --no-install-recommends $missing >"$work/apt.log" 2>&1; then
		timeout 300 apt-get update -q >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; fail "apt-get update"; }
		timeout 600 apt-get install -y -q --no-install-recommends $missing >"$work/apt.log" 2>&1 ||
			{ cat "$work/apt.log"; fail "apt-get install$missing"; }
	fi
fi
dpkg -i "${debs[@]}" 2>&1 | tee "$work/dpkg.log" || fail "dpkg -i"
for p in $packages; do
	installed "$p" || fail "$p is not installed after dpkg -i"
done

# ---- 3. files
step "files of each package (dpkg -L)"
# check_files PACKAGE ALLOWED_REGEX REQUIRED...: every file of PACKAGE (directories
# aside) exists and matches ALLOWED_REGEX, and every REQUIRED path is one of them.
check_files() {
	local pkg=$1 allowed=$2 f n=0
	shift 2
	dpkg -L "$pkg" >"$work/$pkg.list"
	while read -r f; do
		[ -d "$f" ] && [ ! -L "$f" ] && continue
		[ -e "$f" ] || [ -L "$f" ] || fail "$pkg: $f is listed but not on disk"
		[[ $f =~ $allowed ]] || fail "$pkg: $f is outside the package's folders"
		n=$((n + 1))
	done <"$work/$pkg.list"
	for f in "$@"; do
		grep -qx -- "$f" "$work/$pkg.list" || fail "$pkg: no $f"
	done
	echo "$pkg: $n files, $# required present"
}
lib=/usr/lib/$multiarch
doc='^/usr/share/doc/'
# The man pages the tree has are in the packages.
man8=() man3=()
[ ! -f man/scry.8 ] || man8=(/usr/share/man/man8/scry.8*)
[ ! -f man/libsinsp.3 ] || man3=(/usr/share/man/man3/libsinsp.3*)
check_files scry "^/usr/bin/scryd?$|^/usr/share/man/man8/|^/etc/scry/scryd\\.yaml$|^/usr/lib/systemd/system/scryd\\.service$|$doc""scry/" \
	/usr/bin/scry /usr/bin/scryd /etc/scry/scryd.yaml /usr/lib/systemd/system/scryd.service \
	/usr/share/doc/scry/copyright "${man8[@]}"
# scryd's configuration is a conffile (dpkg keeps an administrator's edits)
grep -qx /etc/scry/scryd.yaml /var/lib/dpkg/info/scry.conffiles ||
	fail "scry: /etc/scry/scryd.yaml is not a conffile"
# the shipped configuration loads as installed (rules from the empty /etc/scry/rules.d)
got=$(/usr/bin/scryd --check 2>&1) || fail "scryd --check: $got"
[ "$got" = "/etc/scry/scryd.yaml: OK" ] || fail "scryd --check: '$got'"
check_files libscry0 "^$lib/lib[a-z_]+\\.so\\.0(\\.[0-9.]+)?$|$doc""libscry0/" \
	"$lib/libscap.so.0" "$lib/libsinsp.so.0"
check_files libscry-dev \
	"^/usr/include/scry/[a-z_]+\\.h$|^$lib/lib[a-z_]+\\.(a|so)$|^$lib/pkgconfig/lib[a-z_]+\\.pc$|^$lib/cmake/scry/|^/usr/share/man/man3/|$doc""libscry-dev/" \
	/usr/include/scry/scap.h /usr/include/scry/sinsp.h /usr/include/scry/scap_abi.h \
	/usr/include/scry/scap_events.h "$lib/libscap.a" "$lib/libsinsp.a" \
	"$lib/libscap.so" "$lib/libsinsp.so" "$lib/pkgconfig/libscap.pc" \
	"$lib/pkgconfig/libsinsp.pc" "$lib/cmake/scry/scryConfig.cmake" "${man3[@]}"
src=/usr/src/scry-$version
check_files scry-dkms "^$src/|$doc""scry-dkms/" \
	"$src/dkms.conf" "$src/Makefile" "$src/Kbuild" "$src/main.c" "$src/abi/scap_abi.h" \
	"$src/abi/event_table.c" "$src/fill/common.h" "$src/compat/tp.h" \
	"$src/configure/configure.sh"
# The -dev links point into libscry0; dkms.conf carries the package's version.
for l in libscap libsinsp; do
	t=$(readlink -f "$lib/$l.so")
	dpkg -S "$t" 2>/dev/null | grep -q '^libscry0:' || fail "$lib/$l.so -> $t, not a file of libscry0"
done
grep -qx "PACKAGE_VERSION=\"$version\"" "$src/dkms.conf" || fail "$src/dkms.conf: PACKAGE_VERSION is not $version"
dkms status -m scry -v "$version" | grep -q "^scry/$version" ||
	fail "scry-dkms's postinst did not register scry/$version with DKMS"
got=$(/usr/bin/scry --version)
[[ $got == *"$version"* ]] || fail "/usr/bin/scry --version: '$got', not $version"
! ldd /usr/bin/scry | grep 'not found' || fail "/usr/bin/scry: a library is missing"
echo "/usr/bin/scry --version: $got; dkms status: $(dkms status -m scry -v "$version")"

# ---- 4. use
# build_against_dev SRC_DIR OUT_DIR: every SRC_DIR/*.c built with the installed
# libscry-dev through pkg-config (libsinsp), twice: OUT_DIR/NAME linked to the shared
# libraries, OUT_DIR/NAME-static to scry's static archives (the system libraries the .pc
# files name stay shared: Debian's libcurl.a would want the static archives of every
# protocol libcurl supports, which it does not install). Fails when a build fails or
# links the wrong way.
# shellcheck disable=SC2046 # pkg-config's output is meant to be split into words
build_against_dev() {
	local src_dir=$1 out=$2 c name cflags
	mkdir -p "$out"
	cflags="-O2 -Wall -Wextra -Werror $(pkg-config --cflags libsinsp)"
	for c in "$src_dir"/*.c; do
		[ -e "$c" ] || fail "build_against_dev: no .c file in $src_dir"
		name=$(basename "$c" .c)
		cc $cflags "$c" -o "$out/$name" $(pkg-config --libs libsinsp) ||
			fail "$c: shared build with pkg-config libsinsp"
		readelf -d "$out/$name" | grep -q 'NEEDED.*libsinsp\.so\.0' ||
			fail "$out/$name does not load libsinsp.so.0"
		cc $cflags "$c" -o "$out/$name-static" \
			$(pkg-config --static --libs libsinsp |
			  sed 's/-lsinsp /-l:libsinsp.a /; s/-lscap /-l:libscap.a /') ||
			fail "$c: static build with pkg-config --static libsinsp"
		! readelf -d "$out/$name-static" | grep -q 'NEEDED.*lib\(scap\|sinsp\)' ||
			fail "$out/$name-static loads a shared scry library"
		echo "built $out/$name and $out/$name-static"
	done
}
step "programs built against the installed libscry-dev (pkg-config), run on captures"
build_against_dev "$root/test/package" "$work/bin"
python3 scripts/mkcapture.py "$work/demo.scap" >/dev/null
captures=("$work/demo.scap")
shared_trace=$root/../shared/conformance/traces/curl_google.scap
[ -f "$shared_trace" ] && captures+=("$shared_trace")
formats=('%evt.num %proc.name %evt.type %fd.name'
	'*%evt.num %evt.outputtime %evt.cpu %proc.name (%thread.tid) %evt.dir %evt.type %evt.info')
for cap in "${captures[@]}"; do
	for fmt in "${formats[@]}"; do
		TZ=UTC /usr/bin/scry -r "$cap" -p "$fmt" >"$work/want" || fail "scry -r $cap -p '$fmt'"
		[ -s "$work/want" ] || fail "scry -r $cap -p '$fmt' printed nothing"
		for bin in render render-static; do
			TZ=UTC "$work/bin/$bin" "$cap" "$fmt" >"$work/got" || fail "$bin $cap '$fmt'"
			cmp -s "$work/want" "$work/got" ||
				{ diff "$work/want" "$work/got" | head -n 20; fail "$bin $cap '$fmt' differs from scry"; }
		done
		echo "render, render-static = scry -r ${cap##*/} -p '$fmt' ($(wc -l <"$work/want") lines)"
	done
done
grep -qx '3 cat read /etc/hostname' <(TZ=UTC "$work/bin/render" "$work/demo.scap" "${formats[0]}") ||
	fail "render demo.scap: no '3 cat read /etc/hostname' line"

# The examples (examples/test.sh, once the tree has them) built out of tree against the
# installed packages, with pkg-config and find_package, shared and static, their output
# asserted.
if [ -f examples/test.sh ]; then
	step "examples/ against the installed packages (examples/test.sh /usr)"
	python3 examples/mkcapture.py "$work/examples.scap" >/dev/null
	SCRY=/usr/bin/scry sh examples/test.sh /usr "$work/examples.scap" || fail "examples/test.sh /usr"
fi

# ---- 5. dkms
step "dkms build of the installed scry-dkms against Debian 12's kernel headers"
kvars=$(scripts/vm/fetch-kernel.sh "$kcache") || fail "scripts/vm/fetch-kernel.sh $kcache"
eval "$kvars"
release=${KDIR##*/linux-headers-}
echo "headers: $KDIR ($release)"
if ! dkms build -m scry -v "$version" -k "$release" --kernelsourcedir "$KDIR" >"$work/dkms.log" 2>&1; then
	cat "$work/dkms.log"
	cat "/var/lib/dkms/scry/$version/build/make.log" 2>/dev/null | tail -n 40
	fail "dkms build -m scry -v $version -k $release"
fi
tail -n 5 "$work/dkms.log"
ko=$(find "/var/lib/dkms/scry/$version/$release" -name 'scry.ko*' -type f | head -n 1)
[ -n "$ko" ] || fail "dkms build made no scry.ko under /var/lib/dkms/scry/$version/$release"
vermagic=$(modinfo -F vermagic "$ko")
[[ $vermagic == "$release "* ]] || fail "$ko: vermagic '$vermagic', not for $release"
dkms status -m scry -v "$version" -k "$release" | grep -q ': built' ||
	fail "dkms status does not say scry/$version is built for $release"
echo "$ko: $(stat -c %s "$ko") bytes, vermagic $vermagic"

# ---- 6. purge
step "purge"
purge
for p in $packages; do
	! dpkg-query -W "$p" >/dev/null 2>&1 || fail "$p is still known to dpkg after --purge"
done
[ ! -e "$src" ] || fail "$src is left after the purge"
[ ! -e /var/lib/dkms/scry ] || fail "/var/lib/dkms/scry is left after the purge"
for l in libscap libsinsp; do
	[ ! -e "$lib/$l.so.0" ] || fail "$lib/$l.so.0 is left after the purge"
done
step "passed: built, installed, used, dkms-built and purged"

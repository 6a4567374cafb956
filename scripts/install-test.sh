#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
#
# scripts/install-test.sh BUILD_DIR
#
# The libraries as a user gets them (issue 10): `cmake --install BUILD_DIR` into a temporary
# prefix, each component on its own (runtime, lib, dev: what each installs), then programs
# built out of tree against the INSTALLED libraries four ways:
#   pc-shared     cc ... $(pkg-config --cflags --libs libsinsp)
#   pc-static     cc -static ... $(pkg-config --static --cflags --libs libsinsp)
#   cmake-shared  find_package(scry), scry::sinsp
#   cmake-static  find_package(scry) with SCRY_USE_STATIC_LIBS=ON
# each run on a capture (scripts/mkcapture.py) with its output compared. A program that only
# reads files must not carry libbpf: no bpf_ symbol in the static one, no libbpf among the
# shared one's loaded libraries (checked once the eBPF engine is its own library,
# libscap_bpf; reported until then).
#
# build_four_ways SRC_DIR NAME builds one program: SRC_DIR/*.c for pkg-config, and
# SRC_DIR/CMakeLists.txt (find_package(scry), a target NAME) for CMake; the examples plug in
# through it. Needs: cc, cmake, pkg-config, python3, readelf, nm.
set -euo pipefail
[ $# = 1 ] || { echo "usage: scripts/install-test.sh BUILD_DIR" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "$1" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/scry-install-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
fail() { echo "install-test: FAIL: $*" >&2; exit 1; }

# ---- install, whole and by component -------------------------------------------------
cmake --install "$build" --prefix "$prefix" >"$work/install.log"
libdir=
for d in "$prefix"/lib*/pkgconfig "$prefix"/lib/*/pkgconfig; do
	[ -e "$d/libsinsp.pc" ] && { libdir=${d%/pkgconfig}; break; }
done
[ -n "$libdir" ] || fail "no libsinsp.pc under $prefix"

# component -> files it must install (globs relative to the prefix); and nothing else
declare -A want=(
	[runtime]="bin/scry share/man/man8/scry.8 bin/scryd share/man/man8/scryd.8
	           etc/scry/scryd.yaml lib/systemd/system/scryd.service"
	[lib]="lib*/libscap.so.0* lib*/libsinsp.so.0*"
	[dev]="include/scry/scap.h include/scry/scap_abi.h include/scry/scap_events.h
	       include/scry/sinsp.h lib*/libscap.a lib*/libsinsp.a lib*/libscap.so lib*/libsinsp.so
	       lib*/pkgconfig/libscap.pc lib*/pkgconfig/libsinsp.pc lib*/cmake/scry/scryConfig.cmake
	       share/man/man3/libsinsp.3"
)
for comp in runtime lib dev; do
	p=$work/comp-$comp
	cmake --install "$build" --prefix "$p" --component $comp >/dev/null
	for g in ${want[$comp]}; do
		compgen -G "$p/$g" >/dev/null || fail "component $comp does not install $g"
	done
	case $comp in
	runtime) extra=$(cd "$p" && find . -type f ! -path ./bin/scry ! -path ./share/man/man8/scry.8 \
			 ! -path ./bin/scryd ! -path ./share/man/man8/scryd.8 ! -path ./etc/scry/scryd.yaml \
			 ! -path ./lib/systemd/system/scryd.service) ;;
	lib) extra=$(cd "$p" && find . \( -type f -o -type l \) ! -name 'lib*.so.0*') ;;
	dev) extra=$(cd "$p" && find . \( -type f -o -type l \) \( -name '*.so.0*' -o -path ./bin/\* \)) ;;
	esac
	[ -z "$extra" ] || fail "component $comp also installs: $extra"
done
echo "install-test: components runtime, lib and dev install what they should"

export PKG_CONFIG_PATH=$libdir/pkgconfig
python3 "$root/scripts/mkcapture.py" "$work/demo.scap"

# ---- one program, four ways --------------------------------------------------------------
# build_four_ways SRC_DIR NAME: sets built[pc-shared|pc-static|cmake-shared|cmake-static]
declare -A built
build_four_ways() {
	local src=$1 name=$2 out=$work/$2 kind
	mkdir -p "$out"
	# DT_RPATH (not RUNPATH): it also finds libscap.so.0 for libsinsp.so.0 in the prefix
	# shellcheck disable=SC2046
	cc -std=c11 -Wall -Wextra -Wpedantic -Werror -o "$out/pc-shared" "$src"/*.c \
		$(pkg-config --cflags --libs libsinsp) -Wl,--disable-new-dtags,-rpath,"$libdir" ||
		fail "$name: pkg-config shared build"
	# static: scry's archives linked in, the system's libraries shared (no fully -static
	# program: libsinsp dlopen()s libcurl, and Debian ships some of its other
	# dependencies without static archives)
	# shellcheck disable=SC2046
	cc -std=c11 -Wall -Wextra -Wpedantic -Werror -o "$out/pc-static" "$src"/*.c \
		$(pkg-config --static --cflags --libs libsinsp |
		  sed 's/-lsinsp /-l:libsinsp.a /; s/-lscap /-l:libscap.a /') 2>"$out/pc-static.log" ||
		{ cat "$out/pc-static.log"; fail "$name: pkg-config --static build"; }
	for kind in shared static; do
		local static=OFF
		[ $kind = static ] && static=ON
		cmake -S "$src" -B "$out/cmake-$kind.build" -DCMAKE_PREFIX_PATH="$prefix" \
			-DSCRY_USE_STATIC_LIBS=$static >"$out/cmake-$kind.log" 2>&1 &&
			cmake --build "$out/cmake-$kind.build" >>"$out/cmake-$kind.log" 2>&1 ||
			{ cat "$out/cmake-$kind.log"; fail "$name: find_package $kind build"; }
		cp "$out/cmake-$kind.build/$name" "$out/cmake-$kind"
	done
	for kind in pc-shared pc-static cmake-shared cmake-static; do
		built[$kind]=$out/$kind
	done
}

# needed PROGRAM: its DT_NEEDED entries, space separated
needed() { readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' '; }

build_four_ways "$root/test/lib/consumer" scry_opens
for kind in pc-shared pc-static cmake-shared cmake-static; do
	prog=${built[$kind]}
	"$prog" "$work/demo.scap" >"$work/out" || fail "scry_opens ($kind) exited $?"
	diff -u "$root/test/lib/consumer/expected.txt" "$work/out" ||
		fail "scry_opens ($kind): output differs"
	n=$(needed "$prog")
	case $kind in
	*-shared) [[ "$n" == *libsinsp.so.0* && "$n" == *libscap.so.0* ]] ||
		fail "scry_opens ($kind) does not load the shared libraries: $n" ;;
	*-static) [[ "$n" != *libsinsp* && "$n" != *libscap* ]] ||
		fail "scry_opens ($kind) loads scry's shared libraries: $n" ;;
	esac
	echo "install-test: scry_opens $kind: output as expected (needs: ${n:-nothing})"
done

# ---- the libraries' own dependencies ---------------------------------------------------
# libsinsp.so.0: libscap and json-c (container runtime lookups), never libbpf, nor libcurl
# (dlopen()ed at the first lookup: loaded, it costs every process ~10 ms of CPU time)
n=$(needed "$(ls "$libdir"/libsinsp.so.0.* | head -1)")
for want in libscap.so.0 libjson-c.so.5; do
	[[ "$n" == *"$want"* ]] || fail "libsinsp.so.0 does not need $want: $n"
done
[[ "$n" != *libbpf* ]] || fail "libsinsp.so.0 needs libbpf: $n"
[[ "$n" != *libcurl* ]] || fail "libsinsp.so.0 needs libcurl: $n"
echo "install-test: libsinsp.so.0 needs: $n"

# ---- a file-only program carries no libbpf ---------------------------------------------
static=${built[pc-static]}
nbpf=$(nm "$static" | grep -c ' [TtDdRr] bpf_' || true)
size=$(stat -c %s "$static")
loaded=$(ldd "${built[pc-shared]}")
if [ -e "$libdir/pkgconfig/libscap_bpf.pc" ]; then
	[ "$nbpf" = 0 ] || fail "static file-only program has $nbpf bpf_ symbols ($size bytes)"
	! grep -q libbpf <<<"$loaded" || fail "shared file-only program loads libbpf: $loaded"
	! grep -q libbpf <<<"$(needed "${built[cmake-static]}")" ||
		fail "find_package static program needs libbpf"
	echo "install-test: file-only programs: no libbpf (static: 0 bpf_ symbols, $size bytes)"
else
	echo "install-test: libbpf check not applied: the eBPF engine is still inside libscap" \
		"(static file-only program: $nbpf bpf_ symbols, $size bytes)"
fi
# ---- the examples (examples/): their Makefiles and CMakeLists.txt, four ways -------------
python3 "$root/examples/mkcapture.py" "$work/examples.scap"
"$root/examples/test.sh" "$prefix" "$work/examples.scap" || fail "examples (examples/test.sh)"
echo "install-test: ok"

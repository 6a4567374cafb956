# Debian packages of scry, made by CPack's DEB generator from the install components:
#
#   scry         component runtime   the CLI (bin/scry, scry(8)), the agent (bin/scryd, its
#                                    configuration /etc/scry/scryd.yaml, a conffile, and
#                                    its systemd unit scryd.service, not enabled)
#   libscry0     component lib       the shared libraries (libscap.so.0, libsinsp.so.0, ...)
#   libscry-dev  component dev       headers, static libraries, .so links, pkg-config files,
#                                    CMake package, man3
#   scry-dkms    component dkms      the module's source under /usr/src/scry-<version>/ and its
#                                    dkms.conf; postinst builds and installs scry.ko for every
#                                    installed kernel that has headers (cmake/deb/)
#
#   cmake -S . -B build-deb -DCMAKE_INSTALL_PREFIX=/usr && cmake --build build-deb
#   (cd build-deb && cpack)                     ->  build-deb/deb/*.deb
#
# The prefix must be /usr at configure time: GNUInstallDirs then gives the multiarch
# library folder (lib/x86_64-linux-gnu) that Debian's linker and ldconfig search.
# scripts/package-test.sh builds, installs, checks and purges them.
if(NOT CMAKE_SOURCE_DIR STREQUAL PROJECT_SOURCE_DIR)
	return()    # a subproject (add_subdirectory, FetchContent): the parent packages itself
endif()
if(NOT CMAKE_INSTALL_PREFIX STREQUAL "/usr")
	message(STATUS "Debian packages: configure with -DCMAKE_INSTALL_PREFIX=/usr to make them "
		"(this build's prefix is ${CMAKE_INSTALL_PREFIX})")
endif()
include(GNUInstallDirs)

set(SCRY_DEB_MAINTAINER "scry maintainers <maintainers@users.noreply.r-seed-838617f8.example>"
	CACHE STRING "Maintainer field of the Debian packages")
set(SCRY_DEB_RELEASE 1 CACHE STRING "Debian revision of the packages (the -N of <version>-N)")
set(deb_version "${PROJECT_VERSION}-${SCRY_DEB_RELEASE}")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME scry)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT ${SCRY_DEB_MAINTAINER})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_OUTPUT_FILE_PREFIX deb)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
# One package per group: a component of the install (runtime, lib, dev, dkms) and its
# Debian documents (deb-<component>, below).
set(CPACK_COMPONENTS_ALL runtime lib dev dkms deb-runtime deb-lib deb-dev deb-dkms)
set(CPACK_COMPONENTS_GROUPING ONE_PER_GROUP)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)         # <name>_<version>-<release>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_RELEASE ${SCRY_DEB_RELEASE})
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Maintainer scripts 0755, other control files 0644, as dpkg expects them.
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

# scry: the CLI. Its library dependencies come from dpkg-shlibdeps (libc, zlib, libdeflate,
# libbpf, libcap; libkmod is dlopen()ed by --driver, hence a Recommends; libcurl is
# dlopen()ed by libsinsp's container runtime lookups, and the bus clients libnats and
# librdkafka by scap_stream when a transport first connects (libscap/shared/scry_dl.h),
# hence named here).
set(dlopened_depends "libcurl4")
if(SCAP_STREAM_HAVE_NATS)
	string(APPEND dlopened_depends ", libnats3.4")
endif()
if(SCAP_STREAM_HAVE_KAFKA)
	string(APPEND dlopened_depends ", librdkafka1")
endif()
set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME scry)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_RECOMMENDS "libkmod2")
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SUGGESTS "scry-dkms (= ${deb_version})")
set(CPACK_DEBIAN_RUNTIME_DESCRIPTION "system call capture and inspection tool
scry captures every system call of a Linux host with its process, file
descriptor and container context, through its eBPF probe (built in) or its
kernel module (package scry-dkms). It reads and writes the scap capture format
of sysdig and Falco, and its command line, filters and output formats follow
sysdig's.")
# A CLI linked against the shared libraries needs them at this very version.
if(TARGET scry)
	get_target_property(scry_links scry LINK_LIBRARIES)
endif()
if(scry_links MATCHES "(sinsp|scap)_shared")
	set(CPACK_DEBIAN_RUNTIME_PACKAGE_DEPENDS "libscry0 (= ${deb_version}), ${dlopened_depends}")
else()
	set(CPACK_DEBIAN_RUNTIME_PACKAGE_DEPENDS "${dlopened_depends}")
endif()

# libscry0: the shared libraries; shlibs file and ldconfig trigger generated.
set(CPACK_DEBIAN_LIB_PACKAGE_NAME libscry0)
set(CPACK_DEBIAN_LIB_PACKAGE_SECTION libs)
set(CPACK_DEBIAN_LIB_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_LIB_PACKAGE_DEPENDS "${dlopened_depends}") # runtime/curl.h, shared/scry_dl.h
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS_POLICY ">=")
set(CPACK_DEBIAN_LIB_DESCRIPTION "system call capture and inspection libraries
libscap reads events from scap capture files, from the scry kernel module and
from the eBPF probe; libsinsp rebuilds the state of processes, threads, file
descriptors and containers as of each event, extracts fields (proc.name,
fd.name, ...), filters and formats events as sysdig does.")

# libscry-dev: what `pkg-config --static --libs libsinsp` names must be installable, so
# the -dev packages of the libraries the static archives need come with it.
set(dev_depends "libscry0 (= ${deb_version}), zlib1g-dev, libdeflate-dev, libyaml-dev")
if(TARGET scry_bpf_probe)
	string(APPEND dev_depends ", libbpf-dev")
endif()
set(CPACK_DEBIAN_DEV_PACKAGE_NAME libscry-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS "${dev_depends}")
set(CPACK_DEBIAN_DEV_PACKAGE_SUGGESTS "pkg-config")
set(CPACK_DEBIAN_DEV_DESCRIPTION "system call capture and inspection libraries - development files
Headers (<scry/scap.h>, <scry/sinsp.h>, ...), static libraries, pkg-config
files (libscap, libsinsp) and the CMake package (find_package(scry)) for
building tools on libscap and libsinsp.")

# scry-dkms: source only, the same for every architecture. The maintainer scripts run dkms.
set(CPACK_DEBIAN_DKMS_PACKAGE_NAME scry-dkms)
set(CPACK_DEBIAN_DKMS_PACKAGE_SECTION kernel)
set(CPACK_DEBIAN_DKMS_PACKAGE_ARCHITECTURE all)
set(CPACK_DEBIAN_DKMS_PACKAGE_DEPENDS "dkms")
set(CPACK_DEBIAN_DKMS_DESCRIPTION "scry kernel module source, built by DKMS
The source of scry.ko, the kernel module that feeds scry's per-CPU ring buffers
from the system call tracepoints, with its dkms.conf. Installing the package
builds and installs the module for every installed kernel whose headers are
installed (linux-headers-<release>), and for kernels installed later.")
set(SCRY_DEB_SCRIPTS ${PROJECT_BINARY_DIR}/deb-scripts)
# scryd's configuration is the administrator's: dpkg keeps their edits on upgrade.
if(TARGET scryd AND CMAKE_INSTALL_PREFIX STREQUAL "/usr")
	file(WRITE ${SCRY_DEB_SCRIPTS}/runtime/conffiles "/etc/scry/scryd.yaml\n")
	set(CPACK_DEBIAN_RUNTIME_PACKAGE_CONTROL_EXTRA ${SCRY_DEB_SCRIPTS}/runtime/conffiles)
endif()
foreach(script postinst prerm)
	configure_file(${CMAKE_CURRENT_LIST_DIR}/deb/scry-dkms.${script}.in
		${SCRY_DEB_SCRIPTS}/dkms/${script} @ONLY)
	list(APPEND CPACK_DEBIAN_DKMS_PACKAGE_CONTROL_EXTRA ${SCRY_DEB_SCRIPTS}/dkms/${script})
endforeach()

# Debian's /usr/share/doc/<package>/: copyright (COPYING, where the Apache-2.0 and GPL-2.0
# texts are: Debian's common-licenses, and the MIT text, not there) and changelog.Debian.gz
# (one entry: this version; dated SOURCE_DATE_EPOCH when set), in a component of their
# own, deb-<component>, that only CPack installs (EXCLUDE_FROM_ALL): `cmake --install`,
# whole or by component, does not.
file(READ ${PROJECT_SOURCE_DIR}/COPYING copying)
file(READ ${PROJECT_SOURCE_DIR}/LICENSES/MIT.txt mit)
string(REPLACE "  LICENSES/Apache-2.0.txt" "  /usr/share/common-licenses/Apache-2.0"
	copying "${copying}")
string(REPLACE "  LICENSES/GPL-2.0.txt   " "  /usr/share/common-licenses/GPL-2"
	copying "${copying}")
string(REPLACE "  LICENSES/MIT.txt       MIT License" "  MIT License: below" copying "${copying}")
file(WRITE ${SCRY_DEB_SCRIPTS}/copyright "${copying}\n${mit}")
string(TIMESTAMP deb_date "%a, %d %b %Y %H:%M:%S +0000" UTC)
foreach(pair runtime:scry lib:libscry0 dev:libscry-dev dkms:scry-dkms)
	string(REPLACE ":" ";" pair ${pair})
	list(GET pair 0 component)
	list(GET pair 1 package)
	set(doc ${SCRY_DEB_SCRIPTS}/doc/${package})
	file(WRITE ${doc}/changelog.Debian "${package} (${deb_version}) unstable; urgency=medium

  * scry ${PROJECT_VERSION}, packaged by CPack (cmake/ScryPackaging.cmake).

 -- ${SCRY_DEB_MAINTAINER}  ${deb_date}
")
	execute_process(COMMAND gzip -9nf ${doc}/changelog.Debian RESULT_VARIABLE rc)
	if(rc)
		message(FATAL_ERROR "gzip ${doc}/changelog.Debian: ${rc}")
	endif()
	install(FILES ${SCRY_DEB_SCRIPTS}/copyright ${doc}/changelog.Debian.gz
		DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/${package}
		COMPONENT deb-${component} EXCLUDE_FROM_ALL)
endforeach()

# ldconfig runs by trigger after libscry0 is installed or removed (CPack's own postinst
# and postrm also call it).
file(WRITE ${SCRY_DEB_SCRIPTS}/lib/triggers "activate-noawait ldconfig\n")
set(CPACK_DEBIAN_LIB_PACKAGE_CONTROL_EXTRA ${SCRY_DEB_SCRIPTS}/lib/triggers)
# Man pages gzip-compressed, as Debian ships them: run on the staged files before packing.
set(CPACK_PRE_BUILD_SCRIPTS ${CMAKE_CURRENT_LIST_DIR}/deb/compress-man.cmake)

include(CPack)
foreach(component runtime lib dev dkms)
	cpack_add_component(${component} GROUP ${component})
	cpack_add_component(deb-${component} GROUP ${component})
endforeach()

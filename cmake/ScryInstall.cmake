# cmake --install BUILD --prefix P [--component C]: what each component installs.
#   runtime  bin/scry, man8/scry.8, bin/scryd, man8/scryd.8, its example configuration (/etc/scry/scryd.yaml
#            with prefix /usr, else PREFIX/etc/scry/scryd.yaml), an empty rules.d/ beside it,
#            and its systemd unit
#            (lib/systemd/system/scryd.service)
#   lib      the shared libraries (libscap.so.0, libsinsp.so.0, libscap_bpf.so.0)
#   dev      include/scry/*.h, the static libraries, the .so links, pkg-config files
#            (libscap.pc, libsinsp.pc, libscap_bpf.pc), the CMake package (find_package(scry)
#            gives scry::scap, scry::sinsp, scry::scap_bpf), man3/libsinsp.3
#   dkms     the driver sources (helper "pkg")
# Included by the top-level CMakeLists.txt after every target is defined.
include(CMakePackageConfigHelpers)

set(SCRY_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/scry)
set(SCRY_PC_DIR ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

# runtime
if(TARGET scry)
	install(TARGETS scry RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)
	install(FILES ${PROJECT_SOURCE_DIR}/man/scry.8 DESTINATION ${CMAKE_INSTALL_MANDIR}/man8
		COMPONENT runtime)
endif()

# runtime: the agent, its configuration and its systemd unit. With prefix /usr (the Debian
# packages) the configuration goes to /etc, where Debian keeps it (a conffile); elsewhere
# below the prefix, so that `cmake --install --prefix P` writes nothing outside P.
if(TARGET scryd)
	if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
		set(SCRYD_CONF_DIR /etc/scry)
	else()
		set(SCRYD_CONF_DIR ${CMAKE_INSTALL_SYSCONFDIR}/scry)
	endif()
	set(SCRYD_CONF_FULL ${CMAKE_INSTALL_FULL_SYSCONFDIR}/scry/scryd.yaml)
	configure_file(${PROJECT_SOURCE_DIR}/userspace/scryd/scryd.service.in
		${PROJECT_BINARY_DIR}/userspace/scryd/scryd.service @ONLY)
	install(TARGETS scryd RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)
	install(FILES ${PROJECT_SOURCE_DIR}/man/scryd.8 DESTINATION ${CMAKE_INSTALL_MANDIR}/man8
		COMPONENT runtime)
	install(FILES ${PROJECT_SOURCE_DIR}/userspace/scryd/scryd.yaml DESTINATION ${SCRYD_CONF_DIR}
		COMPONENT runtime)
	# where the shipped configuration loads rules from: empty until the administrator
	# puts rules files there (scryd then runs, and says it has no rules)
	install(DIRECTORY DESTINATION ${SCRYD_CONF_DIR}/rules.d COMPONENT runtime)
	install(FILES ${PROJECT_BINARY_DIR}/userspace/scryd/scryd.service
		DESTINATION lib/systemd/system COMPONENT runtime)
endif()

# lib + dev: the libraries. The eBPF engine's library exists once helper "engine" split it.
set(SCRY_LIB_TARGETS scap scap_shared sinsp sinsp_shared)
if(TARGET scap_bpf)
	list(APPEND SCRY_LIB_TARGETS scap_bpf scap_bpf_shared)
endif()
install(TARGETS ${SCRY_LIB_TARGETS} EXPORT scryTargets
	LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT lib NAMELINK_COMPONENT dev
	ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev
	INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

# dev: headers, from every public include folder (scry_public_include_dir())
get_property(dirs GLOBAL PROPERTY SCRY_PUBLIC_INCLUDE_DIRS)
list(REMOVE_DUPLICATES dirs)
foreach(d ${dirs})
	install(DIRECTORY ${d}/scry DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT dev
		FILES_MATCHING PATTERN "*.h")
endforeach()
install(FILES ${PROJECT_SOURCE_DIR}/man/libsinsp.3 DESTINATION ${CMAKE_INSTALL_MANDIR}/man3
	COMPONENT dev)

# dev: CMake package
install(EXPORT scryTargets NAMESPACE scry:: DESTINATION ${SCRY_CMAKE_DIR} COMPONENT dev)
if(TARGET scap_bpf)
	set(SCRY_HAVE_BPF_LIB ON)
else()
	set(SCRY_HAVE_BPF_LIB OFF)
endif()
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/scryConfig.cmake.in
	${PROJECT_BINARY_DIR}/cmake/scryConfig.cmake INSTALL_DESTINATION ${SCRY_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/cmake/scryConfigVersion.cmake
	COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/cmake/scryConfig.cmake
	${PROJECT_BINARY_DIR}/cmake/scryConfigVersion.cmake
	DESTINATION ${SCRY_CMAKE_DIR} COMPONENT dev)

# dev: pkg-config, relocatable (prefix from the .pc file's own folder, so that
# `cmake --install --prefix P` with any P gives right paths).
#   scry_pkg_config(NAME DESCRIPTION REQUIRES REQUIRES_PRIVATE LIBS_PRIVATE)
function(scry_pkg_config name description requires requires_private libs_private)
	set(up "")
	string(REPLACE "/" ";" parts "${SCRY_PC_DIR}")
	foreach(p ${parts})
		string(APPEND up "/..")
	endforeach()
	set(pc ${PROJECT_BINARY_DIR}/pkgconfig/${name}.pc)
	string(REGEX REPLACE "^lib" "" lname ${name})
	file(CONFIGURE OUTPUT ${pc} @ONLY CONTENT "prefix=\${pcfiledir}${up}
libdir=\${prefix}/${CMAKE_INSTALL_LIBDIR}
includedir=\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}

Name: ${name}
Description: ${description}
Version: ${PROJECT_VERSION}
Requires: ${requires}
Requires.private: ${requires_private}
Cflags: -I\${includedir}
Libs: -L\${libdir} -l${lname}
Libs.private: ${libs_private}
")
	install(FILES ${pc} DESTINATION ${SCRY_PC_DIR} COMPONENT dev)
endfunction()

# libscap's own dependencies; libbpf too while the bpf engine is still inside libscap.
set(scap_requires_private "zlib libdeflate")
if(NOT TARGET scap_bpf AND LIBBPF_FOUND AND TARGET scry_bpf_probe)
	string(APPEND scap_requires_private " libbpf")
endif()
scry_pkg_config(libscap "scry capture library: capture files and live engines"
	"" "${scap_requires_private}" "")
# libsinsp's own: json-c, protobuf-c, libyaml (rules). libcurl (container runtime lookups)
# is not linked: libsinsp dlopen()s libcurl.so.4 at the first lookup (runtime/curl.h).
scry_pkg_config(libsinsp "scry inspection library: state, fields, filters, formats, rules"
	"libscap" "json-c libprotobuf-c yaml-0.1" "-pthread")
if(TARGET scap_bpf)
	scry_pkg_config(libscap_bpf "scry capture library: the eBPF engine"
		"libscap" "libbpf" "")
endif()

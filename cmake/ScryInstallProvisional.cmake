# PROVISIONAL install rules of the runtime, lib and dev components, written by helper
# "pkg" only so that the Debian packages (cmake/ScryPackaging.cmake) can be built and
# tested before helper "build"'s install rules land. When those are merged, delete this
# file and its include() in CMakeLists.txt: the packages take whatever the components
# `runtime`, `lib` and `dev` install.
include(GNUInstallDirs)

install(TARGETS scry RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)

set_target_properties(scap_shared PROPERTIES EXPORT_NAME scap)
set_target_properties(sinsp_shared PROPERTIES EXPORT_NAME sinsp)
install(TARGETS scap_shared sinsp_shared EXPORT scryTargets
	LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT lib NAMELINK_COMPONENT dev
	INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS scap sinsp ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev)

file(GLOB scry_headers ${PROJECT_SOURCE_DIR}/libscap/include/scry/*.h
	${PROJECT_SOURCE_DIR}/libsinsp/include/scry/*.h)
install(FILES ${scry_headers} ${SCRY_GENERATED_INCLUDE}/scry/scap_abi.h
	${SCRY_GENERATED_INCLUDE}/scry/scap_events.h
	DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/scry COMPONENT dev)

set(scap_requires "zlib libdeflate")
if(TARGET scry_bpf_probe)
	string(APPEND scap_requires " libbpf")
endif()
set(pc_head "prefix=${CMAKE_INSTALL_PREFIX}
libdir=\${prefix}/${CMAKE_INSTALL_LIBDIR}
includedir=\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}
")
file(WRITE ${PROJECT_BINARY_DIR}/pkgconfig/libscap.pc "${pc_head}
Name: libscap
Description: scry's system call capture library
Version: ${PROJECT_VERSION}
Requires.private: ${scap_requires}
Libs: -L\${libdir} -lscap
Cflags: -I\${includedir}
")
file(WRITE ${PROJECT_BINARY_DIR}/pkgconfig/libsinsp.pc "${pc_head}
Name: libsinsp
Description: scry's system call inspection library
Version: ${PROJECT_VERSION}
Requires: libscap
Libs: -L\${libdir} -lsinsp
Cflags: -I\${includedir}
")
install(FILES ${PROJECT_BINARY_DIR}/pkgconfig/libscap.pc ${PROJECT_BINARY_DIR}/pkgconfig/libsinsp.pc
	DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT dev)

file(WRITE ${PROJECT_BINARY_DIR}/scryConfig.cmake "include(CMakeFindDependencyMacro)
find_dependency(ZLIB)
find_dependency(PkgConfig)
pkg_check_modules(LIBDEFLATE REQUIRED IMPORTED_TARGET libdeflate)
include(\${CMAKE_CURRENT_LIST_DIR}/scryTargets.cmake)
")
install(FILES ${PROJECT_BINARY_DIR}/scryConfig.cmake
	DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/scry COMPONENT dev)
install(EXPORT scryTargets NAMESPACE scry:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/scry
	COMPONENT dev)

# Install component `dkms` (Debian package scry-dkms): the kernel module's source, what
# Kbuild, driver/Makefile and dkms.conf need and nothing else (no CMake files, no eBPF
# probe, no in-place build output), under <prefix>/src/scry-<version>/: with prefix /usr,
# the folder `dkms add -m scry -v <version>` reads. driver/CMakeLists.txt checks that
# dkms.conf's PACKAGE_VERSION is the project's.
set(SCRY_INSTALL_DKMSDIR "src/scry-${PROJECT_VERSION}" CACHE STRING
	"folder, relative to the install prefix, of the module's source for DKMS")
set(driver ${PROJECT_SOURCE_DIR}/driver)
install(FILES ${driver}/Kbuild ${driver}/Makefile ${driver}/dkms.conf
	DESTINATION ${SCRY_INSTALL_DKMSDIR} COMPONENT dkms)
# The tracked sources only: an in-place build's *.mod.c and compat/config.h
# (driver/.gitignore) are left out.
foreach(dir . abi fill compat)
	file(GLOB srcs CONFIGURE_DEPENDS RELATIVE ${driver} ${driver}/${dir}/*.c ${driver}/${dir}/*.h)
	list(FILTER srcs EXCLUDE REGEX "(\\.mod\\.c|^compat/config\\.h)$")
	list(TRANSFORM srcs PREPEND ${driver}/)
	set(dest ${SCRY_INSTALL_DKMSDIR})
	if(NOT dir STREQUAL ".")
		string(APPEND dest /${dir})
	endif()
	install(FILES ${srcs} DESTINATION ${dest} COMPONENT dkms)
endforeach()
install(DIRECTORY ${driver}/configure DESTINATION ${SCRY_INSTALL_DKMSDIR} COMPONENT dkms
	FILES_MATCHING PATTERN "configure.sh" PATTERN "test.c")

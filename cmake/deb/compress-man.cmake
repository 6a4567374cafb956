# CPACK_PRE_BUILD_SCRIPTS of cmake/ScryPackaging.cmake: gzip -9n every man page staged for
# the packages (Debian policy 12.1: man pages are installed compressed).
file(GLOB_RECURSE staged LIST_DIRECTORIES false "${CPACK_TEMPORARY_DIRECTORY}/*")
list(FILTER staged INCLUDE REGEX "/share/man/man[^/]*/[^/]+$")
list(FILTER staged EXCLUDE REGEX "\\.gz$")
foreach(page ${staged})
	if(NOT IS_SYMLINK "${page}")
		execute_process(COMMAND gzip -9nf "${page}" RESULT_VARIABLE rc)
		if(rc)
			message(FATAL_ERROR "gzip ${page}: ${rc}")
		endif()
	endif()
endforeach()

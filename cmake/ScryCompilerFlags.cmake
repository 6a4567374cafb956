# Warnings, visibility and the sanitizer switch shared by every userspace target.
#   -DSCRY_SANITIZE=ON   builds everything with ASan + UBSan (no recovery: a finding fails the run)
# These apply to scry's own directories only (directory scope), also as a subproject.
option(SCRY_WERROR "treat warnings as errors" ${SCRY_TOP_LEVEL})
option(SCRY_SANITIZE "build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)

add_compile_options(-Wall -Wextra -Wshadow -Wformat=2 -Wno-unused-parameter
	-fvisibility=hidden -fno-strict-aliasing)
if(SCRY_WERROR)
	add_compile_options(-Werror)
endif()
if(SCRY_SANITIZE)
	add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all
		-fno-omit-frame-pointer)
	add_link_options(-fsanitize=address,undefined -fno-sanitize-recover=all)
endif()

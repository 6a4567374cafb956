# scry's own parts: scry top's model, views, keys and screen state (no terminal needed).
if(TARGET scry_top_core)
	scry_add_check_test(test_top SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_top.c LIBS scry_top_core)
	target_include_directories(test_top PRIVATE ${PROJECT_SOURCE_DIR}/userspace/scry/top)
endif()

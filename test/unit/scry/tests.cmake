# scry's own parts: scry top's model, views, keys and screen state (no terminal needed).
if(TARGET scry_top_core)
	scry_add_check_test(test_top SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_top.c LIBS scry_top_core)
	target_include_directories(test_top PRIVATE ${PROJECT_SOURCE_DIR}/userspace/scry/top)
endif()
# the sizing of capture chunks for a bus (userspace/common/chunk.c), on real dumpers
if(TARGET scry_tool_common AND TARGET scap_capture_builder)
	scry_add_check_test(test_chunk SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_chunk.c
		LIBS scry_tool_common scap scap_capture_builder)
endif()

# Unit tests of the event schema in driver/abi (included from test/unit/CMakeLists.txt).
scry_add_check_test(test_event_table
	SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_event_table.c $<TARGET_OBJECTS:scap_abi>)

# libscap unit tests: the savefile engine against captures built in memory, the engines
# and event decoding, and (when ../shared/conformance/traces exists) real captures.
set(SCAP_TEST_DIR ${CMAKE_CURRENT_LIST_DIR})
add_library(scap_capture_builder STATIC ${SCAP_TEST_DIR}/capture_builder.c)
target_link_libraries(scap_capture_builder PUBLIC scap ZLIB::ZLIB)

scry_add_check_test(test_scap_savefile SOURCES ${SCAP_TEST_DIR}/test_savefile.c
	LIBS scap scap_capture_builder)
scry_add_check_test(test_scap_engines SOURCES ${SCAP_TEST_DIR}/test_engines.c
	LIBS scap scap_capture_builder)
scry_add_check_test(test_scap_traces SOURCES ${SCAP_TEST_DIR}/test_traces.c LIBS scap)
target_compile_definitions(test_scap_traces PRIVATE
	SCRY_SOURCE_DIR_DEFAULT="${PROJECT_SOURCE_DIR}")
scry_add_check_test(test_scap_dump SOURCES ${SCAP_TEST_DIR}/test_dump.c LIBS scap scap_capture_builder)
scry_add_check_test(test_scap_dump_compat SOURCES ${SCAP_TEST_DIR}/test_dump_compat.c
	LIBS scap scap_capture_builder)
scry_add_check_test(test_scap_proc_scan SOURCES ${SCAP_TEST_DIR}/test_proc_scan.c LIBS scap)
set_target_properties(test_scap_proc_scan PROPERTIES OUTPUT_NAME test_proc_scan)
target_link_libraries(test_scap_proc_scan PRIVATE pthread)
scry_add_check_test(test_scap_live SOURCES ${SCAP_TEST_DIR}/test_live.c LIBS scap)
scry_add_check_test(test_scap_syscall_set SOURCES ${SCAP_TEST_DIR}/test_syscall_set.c LIBS scap)

# libsinsp unit tests: state parsers driven by synthetic events through the test_input engine.
set(SINSP_TEST_DIR ${CMAKE_CURRENT_LIST_DIR})
scry_add_check_test(test_parse_fd SOURCES ${SINSP_TEST_DIR}/test_parse_fd.c LIBS sinsp)
target_include_directories(test_parse_fd PRIVATE ${CMAKE_SOURCE_DIR}/libsinsp)
scry_add_check_test(test_filter SOURCES ${SINSP_TEST_DIR}/test_filter.c LIBS sinsp)
target_include_directories(test_filter PRIVATE ${CMAKE_SOURCE_DIR}/libsinsp)

# scap_stream unit tests: URLs and times, subjects and message ids, the spool.
# (Bus transports are tested against real servers: test/stream/.)
set(STREAM_TEST_DIR ${CMAKE_CURRENT_LIST_DIR})
if(TARGET scap_stream)
	scry_add_check_test(test_stream_url SOURCES ${STREAM_TEST_DIR}/test_url.c LIBS scap_stream)
	target_include_directories(test_stream_url PRIVATE ${PROJECT_SOURCE_DIR}/libscap/stream
		${PROJECT_SOURCE_DIR})
endif()
if(TARGET scap_stream)
	scry_add_check_test(test_stream_spool SOURCES ${STREAM_TEST_DIR}/test_spool.c LIBS scap_stream)
	target_include_directories(test_stream_spool PRIVATE ${PROJECT_SOURCE_DIR}/libscap/stream)
endif()

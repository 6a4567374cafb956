# kafka_mock: librdkafka's mock cluster as a process for the shell tests of
# `scry -w/-r kafka://` (test/stream/kafka_e2e.sh).
pkg_check_modules(RDKAFKA_MOCK QUIET IMPORTED_TARGET rdkafka)
if(RDKAFKA_MOCK_FOUND)
	add_executable(kafka_mock ${CMAKE_CURRENT_LIST_DIR}/kafka_mock.c)
	target_link_libraries(kafka_mock PRIVATE PkgConfig::RDKAFKA_MOCK)
endif()
if(RDKAFKA_MOCK_FOUND AND TARGET scry)
	# scry -w/-r kafka:// against kafka_mock: captures read back identical, a broker
	# outage with the spool keeping everything (skips without ../shared's captures)
	add_test(NAME kafka_e2e COMMAND ${CMAKE_CURRENT_LIST_DIR}/kafka_e2e.sh ${PROJECT_BINARY_DIR})
	set_tests_properties(kafka_e2e PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600)
endif()

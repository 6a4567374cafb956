# kafka_mock: librdkafka's mock cluster as a process for the shell tests of
# `scry -w/-r kafka://` (test/stream/kafka_e2e.sh).
pkg_check_modules(RDKAFKA_MOCK QUIET IMPORTED_TARGET rdkafka)
if(RDKAFKA_MOCK_FOUND)
	add_executable(kafka_mock ${CMAKE_CURRENT_LIST_DIR}/kafka_mock.c)
	target_link_libraries(kafka_mock PRIVATE PkgConfig::RDKAFKA_MOCK)
endif()

# The Kafka transport's run against librdkafka's mock cluster
# (in-process brokers on loopback ports), built when librdkafka is.
set(STREAM_TEST_DIR ${CMAKE_CURRENT_LIST_DIR})
pkg_check_modules(RDKAFKA_TEST IMPORTED_TARGET rdkafka)
if(RDKAFKA_TEST_FOUND)
	if(TARGET scap_stream AND SCAP_STREAM_HAVE_KAFKA)
		scry_add_check_test(test_stream_kafka SOURCES ${STREAM_TEST_DIR}/test_stream_kafka.c
			LIBS scap_stream PkgConfig::RDKAFKA_TEST)
	else()  # before the stream library: the transport's sources alone
		scry_add_check_test(test_stream_kafka SOURCES ${STREAM_TEST_DIR}/test_stream_kafka.c
			${PROJECT_SOURCE_DIR}/libscap/stream/kafka.c
			${PROJECT_SOURCE_DIR}/libscap/stream/kafka_read.c
			${PROJECT_SOURCE_DIR}/libscap/stream/msgid_set.c
			LIBS PkgConfig::RDKAFKA_TEST)
		target_compile_definitions(test_stream_kafka PRIVATE TEST_PREBUS)
		target_include_directories(test_stream_kafka PRIVATE ${STREAM_TEST_DIR}/prebus
			${PROJECT_SOURCE_DIR}/libscap/stream)
	endif()
endif()

# The Kafka transport's run against librdkafka's mock cluster
# (in-process brokers on loopback ports), built when librdkafka is.
set(STREAM_TEST_DIR ${CMAKE_CURRENT_LIST_DIR})
if(TARGET scap_stream AND SCAP_STREAM_HAVE_KAFKA)
	pkg_check_modules(RDKAFKA_TEST REQUIRED IMPORTED_TARGET rdkafka)  # rdkafka_mock.h
	scry_add_check_test(test_stream_kafka SOURCES ${STREAM_TEST_DIR}/test_stream_kafka.c
		LIBS scap_stream PkgConfig::RDKAFKA_TEST)
endif()

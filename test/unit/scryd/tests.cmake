# scryd's parts that stand alone: the Prometheus text exposition writer.
if(TARGET scryd)
	scry_add_check_test(test_prom_text
		SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_prom_text.c
			${PROJECT_SOURCE_DIR}/userspace/scryd/prom_text.c)
	target_include_directories(test_prom_text PRIVATE ${PROJECT_SOURCE_DIR}/userspace/scryd)
endif()

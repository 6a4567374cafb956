# libsinsp unit tests: state parsers driven by synthetic events through the test_input engine.
set(SINSP_TEST_DIR ${CMAKE_CURRENT_LIST_DIR})
# evt_builder: the synthetic event records and the sinsp handle every suite below opens
# (it carries sinsp and the libsinsp include directory for its users).
add_library(sinsp_evt_builder STATIC ${SINSP_TEST_DIR}/evt_builder.c)
target_link_libraries(sinsp_evt_builder PUBLIC sinsp PkgConfig::CHECK)
target_include_directories(sinsp_evt_builder PUBLIC ${SINSP_TEST_DIR} ${PROJECT_SOURCE_DIR}/libsinsp)
scry_add_check_test(test_parse_fd SOURCES ${SINSP_TEST_DIR}/test_parse_fd.c LIBS sinsp_evt_builder)
scry_add_check_test(test_parse_udp SOURCES ${SINSP_TEST_DIR}/test_parse_udp.c LIBS sinsp_evt_builder)
scry_add_check_test(test_threads SOURCES ${SINSP_TEST_DIR}/test_threads.c LIBS sinsp_evt_builder)
# a later state of a source (a stream's later chunk) merged: the threads it lacks
scry_add_check_test(test_state_update SOURCES ${SINSP_TEST_DIR}/test_state_update.c
	LIBS sinsp_evt_builder)
# util/strbuf.c's decimal numbers against printf's
scry_add_check_test(test_strbuf SOURCES ${SINSP_TEST_DIR}/test_strbuf.c LIBS sinsp_evt_builder)
scry_add_check_test(test_filter SOURCES ${SINSP_TEST_DIR}/test_filter.c LIBS sinsp_evt_builder)
scry_add_check_test(test_containers SOURCES ${SINSP_TEST_DIR}/test_containers.c LIBS sinsp_evt_builder)
scry_add_check_test(test_cgroup_layouts SOURCES ${SINSP_TEST_DIR}/test_cgroup_layouts.c
	LIBS sinsp_evt_builder)
# container events shown, counted and numbered as sysdig 0.29.3 does (the table a capture
# starts with, the thread "container:ID" of later ones)
scry_add_check_test(test_container_events SOURCES ${SINSP_TEST_DIR}/test_container_events.c
	LIBS sinsp_evt_builder)
scry_add_check_test(test_fields SOURCES ${SINSP_TEST_DIR}/test_fields.c LIBS sinsp_evt_builder)
scry_add_check_test(test_fields_lists SOURCES ${SINSP_TEST_DIR}/test_fields_lists.c
	LIBS sinsp_evt_builder)
# the public typed API (fields, events, state) through public headers only
scry_add_check_test(test_api_fields SOURCES ${SINSP_TEST_DIR}/test_api_fields.c LIBS sinsp_evt_builder)
scry_add_check_test(test_api_state SOURCES ${SINSP_TEST_DIR}/test_api_state.c LIBS sinsp_evt_builder)
# ... and on a capture file written by the libscap tests' capture builder
scry_add_check_test(test_api_capture SOURCES ${SINSP_TEST_DIR}/test_api_capture.c
	LIBS sinsp scap_capture_builder)
# container runtime lookups: Docker Engine API answers (test/data/runtime/) and the
# dispatcher (lxc names, missing socket, a silent runtime's timeouts and retries)
scry_add_check_test(test_runtime SOURCES ${SINSP_TEST_DIR}/test_runtime.c LIBS sinsp_evt_builder)

# container records in written captures, the container view and callback, container.start_ts
scry_add_check_test(test_dump_containers SOURCES ${SINSP_TEST_DIR}/test_dump_containers.c
	LIBS sinsp_evt_builder)

# k8s.* fields and pod data in container events (from a capture and round trip)
scry_add_check_test(test_k8s SOURCES ${SINSP_TEST_DIR}/test_k8s.c LIBS sinsp_evt_builder)

# the rules engine (libsinsp/rules/): loading, load results, evaluation; the shared
# rulesets of ../shared/rules are loaded when present
scry_add_check_test(test_rules SOURCES ${SINSP_TEST_DIR}/test_rules.c LIBS sinsp_evt_builder)
scry_add_check_test(test_rules_eval SOURCES ${SINSP_TEST_DIR}/test_rules_eval.c LIBS sinsp_evt_builder)

# per-interval metrics and spikes (libsinsp/metrics/): exact figures on synthetic events,
# the system accounting read from a fake /proc and cgroup tree
scry_add_check_test(test_metrics SOURCES ${SINSP_TEST_DIR}/test_metrics.c LIBS sinsp_evt_builder)
scry_add_check_test(test_syscall_sets SOURCES ${SINSP_TEST_DIR}/test_syscall_sets.c LIBS sinsp)

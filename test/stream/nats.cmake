# scry -w/-r nats:// (each test skips without ../shared's traces or NATS in scry):
# - nats_restart_test: one nats-server on loopback (skips without it): a publisher
#   restarted while a process started names it on replay;
# - chunk_state_test: no server (the chunks stay in the spool): each chunk carries the
#   state its events need and replays on its own, sysdig reads it.
# The 3-node cluster test (nats_cluster_test.py, minutes long) runs from scripts/test.sh.
if(TARGET scry)
	add_test(NAME nats_restart_test COMMAND python3 ${CMAKE_CURRENT_LIST_DIR}/nats_restart_test.py
		--scry $<TARGET_FILE:scry>)
	add_test(NAME chunk_state_test COMMAND python3 ${CMAKE_CURRENT_LIST_DIR}/chunk_state_test.py
		--scry $<TARGET_FILE:scry>)
	set_tests_properties(nats_restart_test chunk_state_test PROPERTIES SKIP_RETURN_CODE 77
		TIMEOUT 600)
endif()

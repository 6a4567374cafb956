# scry -w/-r nats:// against one nats-server on loopback (skips without nats-server,
# ../shared's traces or NATS in scry): a publisher restarted while a process started
# is named on replay (test/stream/nats_restart_test.py). The 3-node cluster test
# (nats_cluster_test.py, minutes long) runs from scripts/test.sh.
if(TARGET scry)
	add_test(NAME nats_restart_test COMMAND python3 ${CMAKE_CURRENT_LIST_DIR}/nats_restart_test.py
		--scry $<TARGET_FILE:scry>)
	set_tests_properties(nats_restart_test PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600)
endif()

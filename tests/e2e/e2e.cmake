# End-to-end tests: the real patsub binary on real inputs.
set(SHARED_DIR ${PROJECT_SOURCE_DIR}/../shared)

add_test(NAME conformance_real_samples
         COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/conformance/check_real_samples.py
                 $<TARGET_FILE:patsub> ${CMAKE_CURRENT_SOURCE_DIR}/conformance/expected.csv
                 ${SHARED_DIR}/samples-real)
set_tests_properties(conformance_real_samples PROPERTIES SKIP_RETURN_CODE 77)

add_test(NAME e2e_samples_run
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/samples_run.sh $<TARGET_FILE:patsub> ${PROJECT_SOURCE_DIR})
add_test(NAME e2e_explain
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/explain.sh $<TARGET_FILE:patsub> ${PROJECT_SOURCE_DIR})
add_test(NAME e2e_identity_edge
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/identity_edge.sh $<TARGET_FILE:patsub> ${PROJECT_SOURCE_DIR})
add_test(NAME e2e_batch_trust
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/batch_trust.sh $<TARGET_FILE:patsub> ${PROJECT_SOURCE_DIR})
set_tests_properties(e2e_batch_trust PROPERTIES TIMEOUT 600)
add_test(NAME e2e_nightly
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/nightly.sh ${CMAKE_BINARY_DIR} ${PROJECT_SOURCE_DIR})
# `make nightly` builds first: with a source edited since the last build it relinks the
# patsub binary the other tests are running, so it runs alone.
set_tests_properties(e2e_nightly PROPERTIES RUN_SERIAL TRUE)
add_test(NAME e2e_exit_codes
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/exit_codes.sh $<TARGET_FILE:patsub> ${PROJECT_SOURCE_DIR})
add_test(NAME e2e_check_table
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/check_table.sh $<TARGET_FILE:patsub> ${PROJECT_SOURCE_DIR})
add_test(NAME e2e_check_would_earn
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/check_would_earn.sh $<TARGET_FILE:patsub> ${PROJECT_SOURCE_DIR})
add_test(NAME e2e_approve
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/approve.sh $<TARGET_FILE:patsub> ${PROJECT_SOURCE_DIR})
add_test(NAME e2e_registry_departure
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/registry_departure.sh $<TARGET_FILE:patsub> ${PROJECT_SOURCE_DIR})
add_test(NAME e2e_review_browser
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/review_browser.sh $<TARGET_FILE:patsub> ${PROJECT_SOURCE_DIR}
                 ${CMAKE_BINARY_DIR}/artifacts)
set_tests_properties(e2e_review_browser PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
add_test(NAME e2e_query_plans
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/query_plans.sh $<TARGET_FILE:patsub> ${PROJECT_SOURCE_DIR})
add_test(NAME e2e_memory_bound
         COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/e2e/memory_bound.py $<TARGET_FILE:patsub> ${PROJECT_SOURCE_DIR}
                 $<$<BOOL:${PATSUB_SANITIZE}>:--sanitized>)
add_test(NAME e2e_spreadsheet_roundtrip
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/spreadsheet_roundtrip.sh $<TARGET_FILE:patsub> ${PROJECT_SOURCE_DIR})
set_tests_properties(e2e_spreadsheet_roundtrip PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600)
add_test(NAME e2e_progress
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/progress.sh $<TARGET_FILE:patsub> ${PROJECT_SOURCE_DIR})
set_tests_properties(e2e_progress PROPERTIES SKIP_RETURN_CODE 77)
add_test(NAME e2e_identity_ledger
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/identity_ledger.sh $<TARGET_FILE:patsub> ${PROJECT_SOURCE_DIR})
add_test(NAME e2e_ledger_tamper
         COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/e2e/ledger_tamper.py $<TARGET_FILE:patsub> ${PROJECT_SOURCE_DIR})
add_test(NAME e2e_outputs_repair
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/outputs_repair.sh $<TARGET_FILE:patsub> ${PROJECT_SOURCE_DIR})
add_test(NAME e2e_outputs_kills
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/outputs_kills.sh $<TARGET_FILE:patsub> ${PROJECT_SOURCE_DIR})
# 40 kills and 40 reruns: minutes under ASan.
set_tests_properties(e2e_outputs_kills PROPERTIES TIMEOUT 1200)
add_test(NAME e2e_ledger_refusals
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/ledger_refusals.sh $<TARGET_FILE:patsub> ${PROJECT_SOURCE_DIR})
add_test(NAME e2e_backup_kills
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/backup_kills.sh $<TARGET_FILE:patsub> ${PROJECT_SOURCE_DIR})
# 40 kills, each followed by a backup and `verify` of every new copy: minutes under ASan.
set_tests_properties(e2e_backup_kills PROPERTIES TIMEOUT 1200)
add_test(NAME e2e_time_zones
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/time_zones.sh $<TARGET_FILE:patsub> ${PROJECT_SOURCE_DIR})
add_test(NAME e2e_nightly_script
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/nightly_script.sh $<TARGET_FILE:patsub> ${PROJECT_SOURCE_DIR})
add_test(NAME e2e_inbox_coverage
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/inbox_coverage.sh $<TARGET_FILE:patsub> ${PROJECT_SOURCE_DIR})
add_test(NAME e2e_serve_workbench
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/serve_workbench.sh $<TARGET_FILE:patsub> ${PROJECT_SOURCE_DIR})
# cmake --install and the .deb (cpack) into scratch roots, then a batch from the
# installed files with the source tree hidden (issue 16 point 1).
add_test(NAME e2e_install
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/install.sh ${CMAKE_BINARY_DIR} ${PROJECT_SOURCE_DIR})
set_tests_properties(e2e_install PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
add_test(NAME e2e_notice
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/notice.sh $<TARGET_FILE:patsub> ${PROJECT_SOURCE_DIR})
add_test(NAME e2e_held_redecision
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/held_redecision.sh $<TARGET_FILE:patsub> ${PROJECT_SOURCE_DIR})
add_test(NAME e2e_migrated_ledger
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/migrated_ledger.sh $<TARGET_FILE:patsub> ${PROJECT_SOURCE_DIR})
# The workbench flow in Debian's chromium through puppeteer-core (issue 13 point 7): two
# people, hold, review, notice, approval after the period, downloads; screenshots into
# build/artifacts/workbench-browser. npm installs puppeteer-core into a cache on first run.
add_test(NAME e2e_workbench_browser
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/workbench_browser.sh $<TARGET_FILE:patsub> ${PROJECT_SOURCE_DIR}
                 ${CMAKE_BINARY_DIR}/artifacts)
set_tests_properties(e2e_workbench_browser PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 400)

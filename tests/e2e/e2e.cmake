# End-to-end tests: the real patsub binary on real inputs.
set(SHARED_DIR ${PROJECT_SOURCE_DIR}/../shared)

# patsub_e2e(NAME SCRIPT): tests/e2e/SCRIPT run with bash on the built patsub and the
# source tree, the shape of most tests here.
function(patsub_e2e name script)
  add_test(NAME ${name} COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/${script} $<TARGET_FILE:patsub> ${PROJECT_SOURCE_DIR})
endfunction()

add_test(NAME conformance_real_samples
         COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/conformance/check_real_samples.py
                 $<TARGET_FILE:patsub> ${CMAKE_CURRENT_SOURCE_DIR}/conformance/expected.csv
                 ${SHARED_DIR}/samples-real)
set_tests_properties(conformance_real_samples PROPERTIES SKIP_RETURN_CODE 77)

patsub_e2e(e2e_samples_run samples_run.sh)
patsub_e2e(e2e_explain explain.sh)
patsub_e2e(e2e_identity_edge identity_edge.sh)
patsub_e2e(e2e_batch_trust batch_trust.sh)
set_tests_properties(e2e_batch_trust PROPERTIES TIMEOUT 600)
add_test(NAME e2e_nightly
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/nightly.sh ${CMAKE_BINARY_DIR} ${PROJECT_SOURCE_DIR})
# `make nightly` builds first: with a source edited since the last build it relinks the
# patsub binary the other tests are running, so it runs alone.
set_tests_properties(e2e_nightly PROPERTIES RUN_SERIAL TRUE)
patsub_e2e(e2e_exit_codes exit_codes.sh)
patsub_e2e(e2e_check_table check_table.sh)
patsub_e2e(e2e_check_would_earn check_would_earn.sh)
patsub_e2e(e2e_approve approve.sh)
patsub_e2e(e2e_registry_departure registry_departure.sh)
add_test(NAME e2e_review_browser
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/review_browser.sh $<TARGET_FILE:patsub> ${PROJECT_SOURCE_DIR}
                 ${CMAKE_BINARY_DIR}/artifacts)
set_tests_properties(e2e_review_browser PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
patsub_e2e(e2e_query_plans query_plans.sh)
add_test(NAME e2e_memory_bound
         COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/e2e/memory_bound.py $<TARGET_FILE:patsub> ${PROJECT_SOURCE_DIR}
                 $<$<BOOL:${PATSUB_SANITIZE}>:--sanitized>)
# Each command's peak RSS at two batch sizes, built by SQL (issue 17 point 4); exits 77
# (SKIPPED) in a sanitizer build, whose RSS says nothing of what a command holds.
add_test(NAME e2e_command_memory
         COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/e2e/command_memory.py $<TARGET_FILE:patsub> ${PROJECT_SOURCE_DIR}
                 $<$<BOOL:${PATSUB_SANITIZE}>:--sanitized>)
set_tests_properties(e2e_command_memory PROPERTIES SKIP_RETURN_CODE 77 LABELS memory)
patsub_e2e(e2e_spreadsheet_roundtrip spreadsheet_roundtrip.sh)
set_tests_properties(e2e_spreadsheet_roundtrip PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600)
patsub_e2e(e2e_progress progress.sh)
set_tests_properties(e2e_progress PROPERTIES SKIP_RETURN_CODE 77)
patsub_e2e(e2e_identity_ledger identity_ledger.sh)
add_test(NAME e2e_ledger_tamper
         COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/e2e/ledger_tamper.py $<TARGET_FILE:patsub> ${PROJECT_SOURCE_DIR})
patsub_e2e(e2e_outputs_repair outputs_repair.sh)
patsub_e2e(e2e_outputs_kills outputs_kills.sh)
# 40 kills and 40 reruns: minutes under ASan.
set_tests_properties(e2e_outputs_kills PROPERTIES TIMEOUT 1200)
patsub_e2e(e2e_ledger_refusals ledger_refusals.sh)
patsub_e2e(e2e_backup_kills backup_kills.sh)
# 40 kills, each followed by a backup and `verify` of every new copy: minutes under ASan.
set_tests_properties(e2e_backup_kills PROPERTIES TIMEOUT 1200)
patsub_e2e(e2e_backup_chain backup_chain.sh)
patsub_e2e(e2e_time_zones time_zones.sh)
patsub_e2e(e2e_nightly_script nightly_script.sh)
patsub_e2e(e2e_inbox_coverage inbox_coverage.sh)
patsub_e2e(e2e_serve_workbench serve_workbench.sh)
patsub_e2e(e2e_serve_check serve_check.sh)
# cmake --install and the .deb (cpack) into scratch roots, then a batch from the
# installed files with the source tree hidden (issue 16 point 1).
add_test(NAME e2e_install
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/install.sh ${CMAKE_BINARY_DIR} ${PROJECT_SOURCE_DIR})
set_tests_properties(e2e_install PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
patsub_e2e(e2e_notice notice.sh)
patsub_e2e(e2e_held_redecision held_redecision.sh)
patsub_e2e(e2e_migrated_ledger migrated_ledger.sh)
# The workbench flow in Debian's chromium through puppeteer-core (issue 13 point 7): two
# people, hold, review, notice, approval after the period, downloads; screenshots into
# build/artifacts/workbench-browser. npm installs puppeteer-core into a cache on first run.
add_test(NAME e2e_workbench_browser
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/workbench_browser.sh $<TARGET_FILE:patsub> ${PROJECT_SOURCE_DIR}
                 ${CMAKE_BINARY_DIR}/artifacts)
set_tests_properties(e2e_workbench_browser PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 400)
# A DOCDB bulk document cut into its records on two threads reads as on one (issue 17 point 5).
patsub_e2e(e2e_bulk_split bulk_split.sh)

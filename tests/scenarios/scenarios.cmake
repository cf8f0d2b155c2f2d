# Scenario cases (tests/scenarios/README.md): measure 8 as legal cases, each a sequence of
# nightly runs through the real patsub binary with the ledger lines every run must add.
# One ctest test per case folder, plus the coverage and well-formedness checks of the suite.
find_package(Python3 REQUIRED COMPONENTS Interpreter)

set(SCENARIO_DIR ${CMAKE_CURRENT_LIST_DIR})
file(GLOB scenario_cases LIST_DIRECTORIES true CONFIGURE_DEPENDS ${SCENARIO_DIR}/cases/*)
list(SORT scenario_cases)
foreach(case_dir IN LISTS scenario_cases)
  if(EXISTS ${case_dir}/case.txt)
    get_filename_component(case_name ${case_dir} NAME)
    add_test(NAME scenario_${case_name}
             COMMAND ${Python3_EXECUTABLE} ${SCENARIO_DIR}/run_scenarios.py $<TARGET_FILE:patsub> ${case_dir})
    set_tests_properties(scenario_${case_name} PROPERTIES LABELS scenario TIMEOUT 600)
  endif()
endforeach()

add_test(NAME scenario_suite_coverage
         COMMAND ${Python3_EXECUTABLE} ${SCENARIO_DIR}/check_coverage.py ${SCENARIO_DIR}/cases
                 ${PROJECT_SOURCE_DIR}/../shared/docs)
add_test(NAME scenario_suite_inboxes
         COMMAND ${Python3_EXECUTABLE} ${SCENARIO_DIR}/check_inboxes.py ${SCENARIO_DIR}/cases
                 ${PROJECT_SOURCE_DIR}/schemas ${SCENARIO_DIR}/policies)
set_tests_properties(scenario_suite_coverage scenario_suite_inboxes PROPERTIES LABELS scenario)

# Random differential test (issue 14 point 8): 300 generated multi-run sequences in 5
# ledgers, each run checked against invariants of policy.md (no double pay, the 8.5 cap
# among standing payments, held lines whose reason still applies, treasury = ledger).
# About 20 s in Release on one core (most of it patsub's process start-ups and the
# approvals); a fixed seed, so a failure is reproducible with the command it prints.
add_test(NAME scenario_random_sequences
         COMMAND ${Python3_EXECUTABLE} ${SCENARIO_DIR}/random_sequences.py $<TARGET_FILE:patsub> 300 14)
set_tests_properties(scenario_random_sequences PROPERTIES LABELS scenario TIMEOUT 600)

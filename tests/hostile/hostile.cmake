# Hostile inbox (issue 5, point 5): the real `patsub run` over every input that
# tests/hostile/make_corpus.py builds (XXE, entity bombs, 100 MB nodes, broken
# encodings, bombs, symlinks, a FIFO, ...) beside one good grant file; outcomes per
# input in tests/hostile/expected.csv. The run itself is bounded by `timeout` inside the
# script; the ctest limit also covers building the corpus and `patsub check` per input.
add_test(NAME hostile_inbox
         COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/hostile/run_hostile.py $<TARGET_FILE:patsub> ${PROJECT_SOURCE_DIR}
                 $<$<BOOL:${PATSUB_SANITIZE}>:--sanitized>)
# RUN_SERIAL: two 100 MB inputs and a peak-RSS bound are measured best without
# neighbours; the test also writes about 450 MB to the temporary folder.
set_tests_properties(hostile_inbox PROPERTIES TIMEOUT 900 RUN_SERIAL TRUE)

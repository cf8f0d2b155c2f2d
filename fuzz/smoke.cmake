# Fuzz smoke tests: every fuzz target's LLVMFuzzerTestOneInput, linked with a plain main
# (fuzz/replay_main.cpp) and the normal compiler, run once over the target's seed corpus
# on every ctest run, so a target that stops building or a seed that crashes is seen
# without libFuzzer or clang. Included from tests/CMakeLists.txt.
include(${PROJECT_SOURCE_DIR}/fuzz/targets.cmake)

foreach(target IN LISTS PATSUB_FUZZ_TARGETS)
  patsub_fuzz_target_parts(${target} sources libraries)
  add_executable(fuzz_replay_${target} ${PROJECT_SOURCE_DIR}/fuzz/replay_main.cpp ${sources})
  target_link_libraries(fuzz_replay_${target} PRIVATE ${libraries})
  add_test(NAME fuzz_smoke_${target}
           COMMAND python3 ${PROJECT_SOURCE_DIR}/fuzz/seed_corpus.py replay $<TARGET_FILE:fuzz_replay_${target}>
                   ${target} ${PROJECT_SOURCE_DIR} ${PROJECT_SOURCE_DIR}/../shared)
endforeach()

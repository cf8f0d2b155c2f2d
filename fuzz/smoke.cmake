# Fuzz smoke tests: every fuzz target's LLVMFuzzerTestOneInput, linked with a plain main
# (fuzz/replay_main.cpp) and the normal compiler, run once over the target's seed corpus
# on every ctest run, so a target that stops building or a seed that crashes is seen
# without libFuzzer or clang. Included from tests/CMakeLists.txt.
include(${PROJECT_SOURCE_DIR}/fuzz/targets.cmake)

# The main and the XML targets' shared part are compiled once for all sixteen programs,
# not once each: CI builds them twice (Release and the sanitizers) within its time.
add_library(fuzz_replay_main OBJECT ${PROJECT_SOURCE_DIR}/fuzz/replay_main.cpp)
add_library(fuzz_grant_reader_target STATIC ${PROJECT_SOURCE_DIR}/fuzz/grant_reader_target.cpp)
target_include_directories(fuzz_grant_reader_target PUBLIC ${PROJECT_SOURCE_DIR})
target_link_libraries(fuzz_grant_reader_target PUBLIC patsub_xml)

foreach(target IN LISTS PATSUB_FUZZ_TARGETS)
  patsub_fuzz_target_parts(${target} sources libraries)
  if(${PROJECT_SOURCE_DIR}/fuzz/grant_reader_target.cpp IN_LIST sources)
    list(REMOVE_ITEM sources ${PROJECT_SOURCE_DIR}/fuzz/grant_reader_target.cpp)
    list(APPEND libraries fuzz_grant_reader_target)
  endif()
  add_executable(fuzz_replay_${target} $<TARGET_OBJECTS:fuzz_replay_main> ${sources})
  target_link_libraries(fuzz_replay_${target} PRIVATE ${libraries})
  add_test(NAME fuzz_smoke_${target}
           COMMAND python3 ${PROJECT_SOURCE_DIR}/fuzz/seed_corpus.py replay $<TARGET_FILE:fuzz_replay_${target}>
                   ${target} ${PROJECT_SOURCE_DIR} ${PROJECT_SOURCE_DIR}/../shared)
endforeach()

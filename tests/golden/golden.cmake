# Golden files (issue 15, point 6; tests/golden/README.md): one test per output named in
# tests/golden/outputs.txt, golden_<output>, each comparing that output of the fixed
# world with its reference file. The world (init, run, approve, review over a copy of
# samples/inbox) is built once per ctest run by the fixture golden_world.
set(PATSUB_GOLDEN_DIR ${CMAKE_CURRENT_LIST_DIR})
set(PATSUB_GOLDEN_WORLD ${CMAKE_BINARY_DIR}/golden-world)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${PATSUB_GOLDEN_DIR}/outputs.txt)

add_test(NAME golden_world
         COMMAND python3 ${PATSUB_GOLDEN_DIR}/golden.py world $<TARGET_FILE:patsub> ${PROJECT_SOURCE_DIR}
                 ${PATSUB_GOLDEN_WORLD})
set_tests_properties(golden_world PROPERTIES FIXTURES_SETUP golden)

file(STRINGS ${PATSUB_GOLDEN_DIR}/outputs.txt golden_lines ENCODING UTF-8)
foreach(line IN LISTS golden_lines)
  if(line MATCHES "^([A-Za-z0-9_]+)[ \t]+([^ \t]+)[ \t]+([a-z]+)" AND NOT CMAKE_MATCH_1 STREQUAL "world")
    set(name ${CMAKE_MATCH_1})
    add_test(NAME golden_${name}
             COMMAND python3 ${PATSUB_GOLDEN_DIR}/golden.py check ${name} $<TARGET_FILE:patsub> ${PROJECT_SOURCE_DIR}
                     ${PATSUB_GOLDEN_WORLD})
    set_tests_properties(golden_${name} PROPERTIES FIXTURES_REQUIRED golden LABELS golden)
    if(CMAKE_MATCH_3 STREQUAL "page")
      # Each page test starts a server on its own copy of the ledger; one at a time
      # keeps the 2-core CI from timing two servers out.
      set_tests_properties(golden_${name} PROPERTIES RESOURCE_LOCK golden_serve)
    endif()
  endif()
endforeach()

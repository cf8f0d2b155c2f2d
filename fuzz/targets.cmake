# The fuzz targets (issue 5, point 6) and what each one links, shared by the libFuzzer
# build (fuzz/CMakeLists.txt, -DPATSUB_FUZZ=ON with clang) and the plain replay smoke
# tests that ctest runs on every build (fuzz/smoke.cmake). Seeds, -max_len and
# dictionaries per target are in fuzz/seed_corpus.py.
set(PATSUB_FUZZ_XML_TARGETS
    grant_file uspto_grant cnipa_business cnipa_legacy ep_publication docdb ops jpo kipo st96)
set(PATSUB_FUZZ_TARGETS ${PATSUB_FUZZ_XML_TARGETS}
    gzip_grant_file cn_application_number publication_id patent_date credit_code reference_lists)

# Sets <out_sources> and <out_libraries> for fuzz target <name>.
function(patsub_fuzz_target_parts name out_sources out_libraries)
  set(sources ${PROJECT_SOURCE_DIR}/fuzz/targets/fuzz_${name}.cpp)
  if(name IN_LIST PATSUB_FUZZ_XML_TARGETS)
    list(APPEND sources ${PROJECT_SOURCE_DIR}/fuzz/grant_reader_target.cpp)
    set(libraries patsub_xml)
  elseif(name STREQUAL "gzip_grant_file")
    set(libraries patsub_xml)
  elseif(name STREQUAL "reference_lists")
    set(libraries patsub_lists)
  else()
    set(libraries patsub_ids)
  endif()
  set(${out_sources} ${sources} PARENT_SCOPE)
  set(${out_libraries} ${libraries} PARENT_SCOPE)
endfunction()

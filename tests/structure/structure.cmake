# Structure tests: rules about the code's shape that a reviewer would otherwise have to
# remember (issue 15).
add_test(NAME structure_ledger_door
         COMMAND python3 ${CMAKE_CURRENT_LIST_DIR}/ledger_door.py ${PROJECT_SOURCE_DIR})
# Every check the rules record is shown in Chinese on the workbench's line page.
add_test(NAME structure_check_words
         COMMAND python3 ${CMAKE_CURRENT_LIST_DIR}/check_words.py ${PROJECT_SOURCE_DIR})

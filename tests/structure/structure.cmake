# Structure tests: rules about the code's shape that a reviewer would otherwise have to
# remember (issue 15).
add_test(NAME structure_ledger_door
         COMMAND python3 ${CMAKE_CURRENT_LIST_DIR}/ledger_door.py ${PROJECT_SOURCE_DIR})

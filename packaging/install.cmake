# What patsub installs, and the .deb CPack makes of it (issue 16 point 1).
#
# share/patsub is the binary's read-only data (src/config/install_layout.h finds it from
# /proc/self/exe). The build tree gets the same layout beside the binary, copied at build
# time, so that a binary run from build/ reads what an installed one would, and a moved
# checkout carries its data along.
include(GNUInstallDirs)

set(PATSUB_DATA_FILES
  schemas/policy.xsd:schemas
  schemas/kind-codes.csv:schemas
  schemas/reasons.csv:schemas
  schemas/districts.csv:schemas
  samples/policy/kunming-measure8.xml:policy
  samples/config/plausibility.conf:config
  samples/config/holidays-cn.txt:config)

set(staged_data)
foreach(entry IN LISTS PATSUB_DATA_FILES)
  string(REPLACE ":" ";" parts ${entry})
  list(GET parts 0 src)
  list(GET parts 1 dest)
  get_filename_component(name ${src} NAME)
  set(staged ${CMAKE_BINARY_DIR}/share/patsub/${dest}/${name})
  add_custom_command(OUTPUT ${staged}
    COMMAND ${CMAKE_COMMAND} -E copy_if_different ${PROJECT_SOURCE_DIR}/${src} ${staged}
    DEPENDS ${PROJECT_SOURCE_DIR}/${src} VERBATIM)
  list(APPEND staged_data ${staged})
  install(FILES ${src} DESTINATION ${CMAKE_INSTALL_DATADIR}/patsub/${dest})
endforeach()
add_custom_target(patsub_data DEPENDS ${staged_data})
add_dependencies(patsub patsub_data)

# Man pages from the same text as --help: the built binary's help, turned into roff.
find_package(Python3 REQUIRED COMPONENTS Interpreter)
set(PATSUB_MAN_DIR ${CMAKE_BINARY_DIR}/man)
add_custom_command(OUTPUT ${PATSUB_MAN_DIR}/patsub.1
  COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/packaging/help_to_man.py $<TARGET_FILE:patsub>
          ${PROJECT_VERSION} ${PATSUB_MAN_DIR}
  DEPENDS patsub patsub_data ${PROJECT_SOURCE_DIR}/packaging/help_to_man.py VERBATIM)
# Built with the default target (`make test`, `cmake --build build`), not with the
# nightly's `--target patsub`; `cmake --install` needs them built.
add_custom_target(patsub_man ALL DEPENDS ${PATSUB_MAN_DIR}/patsub.1)
install(TARGETS patsub RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The nightly wrapper (backup, then one batch, one log line) the timer runs.
install(PROGRAMS tools/patsub-nightly DESTINATION libexec/patsub)

install(DIRECTORY ${PATSUB_MAN_DIR}/ DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 FILES_MATCHING PATTERN "*.1")

# The service: systemd units, logrotate, an example config, configured at install time
# with the prefix actually installed to (/usr for the .deb: /etc and /lib/systemd/system;
# any other prefix P: P/etc and P/lib/systemd/system).
install(CODE "set(PATSUB_SOURCE_DIR \"${PROJECT_SOURCE_DIR}\")\nset(PATSUB_BINARY_DIR \"${CMAKE_BINARY_DIR}\")")
install(SCRIPT packaging/install_service.cmake)
install(FILES packaging/patsub.conf DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)

# `cpack -G DEB` in the build dir: patsub_<version>_<arch>.deb, installed under /usr;
# postinst creates the patsub user and /var/lib/patsub.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME patsub)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_INSTALL_PREFIX /usr)
# The install code sees /usr as its prefix (and the staging root as DESTDIR), so /etc and
# the systemd units land where Debian expects them.
set(CPACK_SET_DESTDIR ON)
set(CPACK_PACKAGE_CONTACT "Kunming patent subsidy operations <bureau-ops@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "pays Kunming's patent subsidies (2019 innovation measures, measure 8)")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "tzdata, adduser")
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
# /etc files are conffiles: an upgrade keeps the operator's edits.
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${PROJECT_SOURCE_DIR}/packaging/debian/postinst
                                       ${PROJECT_SOURCE_DIR}/packaging/debian/conffiles)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
